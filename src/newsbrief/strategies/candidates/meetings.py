"""Meetings: read from the dependency parse, tied into one fact per meeting, dated by code.

`text.events` finds each mention of a meeting with its participants, status, format, place
and date phrase. The model is asked only where reading is needed: a mention the structure
does not make a specific meeting ("called Erdogan", "in a meeting"), or one whose tense does
not settle its status. Then mentions become meetings: the same ordinal event ("the second
debate"), the same day, a definite or bare mention ("the meeting", "after meeting with B")
with nothing new, join the meeting they refer to; the rest are new meetings. Names come from
the names the article gives (`ctx.names`); dates are resolved by `text.dates`, from another
date ("that day") or from another meeting ("the day the debate was to be held") when needed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from newsbrief.models import Evidence, Meeting, MeetingFormat, MeetingStatus
from newsbrief.strategies.candidates.context import (
    Context,
    Sentence,
    ev,
    known_names,
    messages,
    news_sentences,
    purpose,
)
from newsbrief.strategies.candidates.meeting_dates import (
    earlier_day,
    event_day,
    lead_day,
    scene_date,
    status_by_date,
)
from newsbrief.text import dates as _dates
from newsbrief.text.event_parts import Phrase, prefer_subjects
from newsbrief.text.events import MeetingMention, meeting_mentions
from newsbrief.text.number_context import WEEKDAYS
from newsbrief.text.states import is_country

_UPCOMING = ("planned", "rescheduled", "proposed")
_DISTINCT = frozenset({"debate", "town hall", "convention", "congress"})
_EXCLUDED_BEFORE = re.compile(r"\b(?:press|news)\s+conference\b", re.I)
_PARTY_EVENT = re.compile(
    r"\b(?!The\b)((?:[A-Z][\w'’-]+\s+){1,3}?)(?:National\s+)?(?:Convention|Congress|Conference)\b"
)
_PERSONISH = frozenset("PERSON ORG GPE PROPN".split())
_NAMED = frozenset("PERSON PROPN ORG GPE NORP".split())
_BILATERAL = re.compile(r"\bbilateral\b", re.I)


class MeetingAnswer(BaseModel):
    """Whether a word in a passage names a specific meeting, and what became of it."""

    is_meeting: bool | None = Field(
        description="True if the word names one specific meeting between identified parties; "
        "false if not; null if the passage does not say."
    )
    status: MeetingStatus | None = Field(
        default=None, description="What became of the meeting; null if the passage does not say."
    )

    @classmethod
    def abstain(cls) -> MeetingAnswer:
        """Code's answer without a model: no opinion, so code's own reading stands."""
        return cls(is_meeting=None, status=None)


@dataclass
class _Draft:
    """A meeting being assembled from its mentions."""

    meeting: Meeting
    noun: str | None
    key: str | None
    last: int  # start of the latest sentence that mentions it
    replaced: bool = False  # a cancelled meeting someone asked to reschedule
    stated: set[str] = field(default_factory=set)  # participants the text names for it
    met: set[str] = field(default_factory=set)  # who its subject meets, as written (lower case)
    own: dict[int, Evidence] = field(default_factory=dict)  # sentence start -> its own words


async def find_meetings(ctx: Context) -> list[Meeting]:
    """Meetings from the parse, checked by the model where the structure leaves doubt."""
    drafts: list[_Draft] = []
    news = news_sentences(ctx)
    for mention in meeting_mentions(ctx.doc, ctx.job.published):
        sentence = _sentence(news, mention)
        if sentence is None:
            continue
        status = await _status(ctx, mention, sentence)
        if status is not None:
            _place(ctx, drafts, mention, sentence, status)
    _mark_replacements(drafts)
    if ctx.job.published is not None:
        _brought_forward(drafts, ctx.job.published)
    return [d.meeting for d in drafts]


def _sentence(news: list[Sentence], mention: MeetingMention) -> Sentence | None:
    """The news sentence that holds the meeting word (None inside an instruction)."""
    at = mention.trigger.start
    return next((s for s in news if s.start <= at < s.end), None)


async def _status(
    ctx: Context, mention: MeetingMention, sentence: Sentence
) -> MeetingStatus | None:
    """The mention's status; None when it is no meeting (or only a hypothetical one)."""
    if mention.hypothetical:
        return None
    status = mention.status
    if mention.sure and status is not None:
        return status
    question = messages(ctx, "meeting", sentence=sentence.text, word=mention.trigger.text)
    answer = await ctx.ask(MeetingAnswer, question, 64)
    if answer.is_meeting is False:
        return None
    if status or answer.status:
        return status or answer.status
    by_date = status_by_date(ctx, mention)
    if by_date is None and mention.present and mention.sure:
        return "held"  # news tells what goes on in the present: 'the inquiry centres on a call'
    return by_date


def _key(mention: MeetingMention) -> str | None:
    """'second debate': a name for the same event mentioned again."""
    if mention.ordinal and mention.noun and mention.ordinal not in ("new", "another"):
        return f"{mention.ordinal} {mention.noun}"
    return None


def _place(
    ctx: Context,
    drafts: list[_Draft],
    mention: MeetingMention,
    sentence: Sentence,
    status: MeetingStatus,
) -> None:
    names = _participants(ctx, mention, sentence)
    date = _resolve_date(ctx, drafts, mention, sentence)
    evidence = ev(ctx.job.body, sentence.start, sentence.end)
    target = _apposed_to(ctx, drafts, mention) or _same_meeting(
        drafts, mention, sentence, status, names, date
    )
    if target is not None:
        target.own.setdefault(sentence.start, _own_words(ctx, mention, sentence))
        _merge(target, mention, sentence, status, names, date, evidence)
        return
    lone = mention.definite or mention.joins
    if lone and not (_anchored(mention, names, date) or (mention.sure and not drafts)):
        return  # 'the talks', 'his conference': refers to something this code did not find
    told_before = _EXCLUDED_BEFORE.search(ctx.job.body[: sentence.start])
    if mention.noun == "conference" and mention.definite and told_before:
        return  # 'his conference' after 'held a press conference', not 'a donors' conference'
    stated = set(names)
    own = _own_words(ctx, mention, sentence)
    if _share_sentence(drafts, evidence):
        evidence = own  # two meetings in one sentence: each is quoted by its own words
    if not names:
        names = _borrowed(ctx, drafts, mention, sentence)
    if date is None and status == "held":
        date = scene_date(ctx, sentence, names)
    meeting = _new_meeting(ctx, mention, sentence, status, names, date, evidence)
    key = _key(mention)
    met = _met_by(mention)
    start = mention.sentence.start
    first = mention.first_date if status == "rescheduled" else None
    if first is not None and not any(_called_off_on(d, first.date) for d in drafts):
        # 'postponed from Saturday to April 10': the meeting set for Saturday is off
        was = _new_meeting(ctx, mention, sentence, "cancelled", names, first, evidence)
        drafts.append(_Draft(was, mention.noun, None, start, stated=stated, met=met))
    draft = _Draft(meeting, mention.noun, key, start, stated=stated, met=met)
    draft.own[sentence.start] = own
    drafts.append(draft)


def _called_off_on(draft: _Draft, day: dt.date | None) -> bool:
    """Whether a meeting found before is the one set for `day` and called off.

    A meeting held that day is another one: 'officials met chiefs yesterday' does not list
    'a session set for yesterday, postponed until Monday'.
    """
    return draft.meeting.date == day and draft.meeting.status != "held"


def _apposed_to(ctx: Context, drafts: list[_Draft], mention: MeetingMention) -> _Draft | None:
    """'Their first bilateral talks, a 20-minute meeting': the meeting the noun is set beside."""
    span = ctx.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "appos":
        return None
    at = span.root.head.idx
    start = mention.sentence.start
    return next(
        (d for d in drafts if start in d.own and d.own[start].start <= at < d.own[start].end), None
    )


def _share_sentence(drafts: list[_Draft], evidence: Evidence) -> bool:
    """Whether a meeting found before quotes this sentence; it is then narrowed to its words."""
    shared = False
    for draft in drafts:
        quotes = draft.meeting.evidence
        if any(e.start == evidence.start for e in quotes) and evidence.start in draft.own:
            narrow = draft.own[evidence.start]
            quotes = [narrow if e.start == evidence.start else e for e in quotes]
            draft.meeting = draft.meeting.model_copy(update={"evidence": quotes})
            shared = True
        shared = shared or any(e.start == evidence.start for e in quotes)
    return shared


def _own_words(ctx: Context, mention: MeetingMention, sentence: Sentence) -> Evidence:
    """The words of this meeting alone, inside its sentence: 'the party's 2020 convention'."""
    start = max(mention.span.start, sentence.start)
    end = min(mention.span.end, sentence.end)
    if end <= start:
        return ev(ctx.job.body, sentence.start, sentence.end)
    return ev(ctx.job.body, start, end)


def _anchored(mention: MeetingMention, names: list[str], date: _dates.DatePhrase | None) -> bool:
    """A definite mention stands on its own when it says who, where, when or which one."""
    return bool(mention.ordinal or mention.location or names or date)


def _same_name(a: str, b: str) -> bool:
    """'Ruiz' is 'Ana Ruiz' when the article did not tie them."""
    return a == b or a.split()[-1] == b or b.split()[-1] == a


def _shares(names: list[str] | set[str], others: set[str]) -> bool:
    return any(_same_name(a, b) for a in names for b in others)


def _within(names: list[str], others: set[str]) -> bool:
    return all(any(_same_name(a, b) for b in others) for a in names)


def _class(status: MeetingStatus) -> str:
    return "upcoming" if status in _UPCOMING else status


def _family(noun: str | None) -> str:
    """Kinds of meeting that are never each other: a debate is not a convention or a summit."""
    return noun if noun in _DISTINCT else "meeting"


def _same_meeting(
    drafts: list[_Draft],
    mention: MeetingMention,
    sentence: Sentence,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
) -> _Draft | None:
    """The meeting a mention refers to, if it is one already found."""
    if mention.stands_for is not None:
        return _the_one_it_stands_for(drafts, mention, status, names, date)
    if mention.sidelines and mention.named:  # 'on the sidelines of the G20 summit': another
        drafts = [d for d in drafts if d.last != mention.sentence.start]
    key = _key(mention)
    numbered = False  # 'the third round of talks': that one, or none found before
    if key is not None:
        named = next((d for d in reversed(drafts) if d.key == key), None)
        if named is not None:
            return named
        # 'the first direct talks in a year': a description of a meeting, maybe one just told
        numbered = mention.ordinal != "first"
    day = date.date if date and date.precision == "day" else None
    later = _later_that_day(mention)
    for draft in reversed(drafts):
        if draft.key not in (None, key) or not _compatible(draft, mention, names, date):
            continue
        called_off = {draft.meeting.status, status} == {"held", "cancelled"}
        if day is not None and draft.meeting.date == day and not (numbered or called_off):
            if later:
                continue  # 'held a meeting on Tuesday ... held a session later that evening'
            return draft  # not one held and one called off on that day: two meetings
        if mention.again:
            continue  # 'held talks last Thursday and will meet again on October 20': two
        if draft.last == mention.sentence.start and _within(names, draft.stated):
            return draft  # two words for one meeting in one sentence: 'met for a third round'
    if mention.fresh or numbered or mention.again:
        return None
    return _antecedent(drafts, mention, status, names, date)


def _the_one_it_stands_for(
    drafts: list[_Draft],
    mention: MeetingMention,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
) -> _Draft | None:
    """'It was held at a villa': the meeting its pronoun takes up, unless the words differ.

    '... was called off; it will now be held on Monday': what replaces a meeting called off
    is a new one, never one told earlier; a planned meeting 'it' says was moved to another
    day is then called off.
    """
    draft = _draft_quoting(drafts, mention.stands_for)
    if draft is None or draft.meeting.status == "cancelled" and status != "cancelled":
        return None
    moved = status == "rescheduled" and draft.meeting.status == "planned"
    if moved and date is not None and draft.meeting.date not in (None, date.date):
        # 'had called a session for tomorrow, but it was put back to Saturday': the session
        # set for tomorrow is off, and the one on Saturday replaces it
        draft.meeting = draft.meeting.model_copy(update={"status": "cancelled"})
        return None
    return draft if _compatible(draft, mention, names, date) else None


def _draft_quoting(drafts: list[_Draft], at: int | None) -> _Draft | None:
    """The meeting whose evidence holds the offset."""
    if at is None:
        return None
    return next((d for d in drafts if any(e.start <= at < e.end for e in d.meeting.evidence)), None)


def _later_that_day(mention: MeetingMention) -> bool:
    """'Later that evening', 'earlier in the day': another time of the day just told, another."""
    date = mention.date
    if date is None:
        return False
    if date.text.lower().startswith(("earlier", "later")):
        return True  # 'earlier in the day': another meeting that day
    before = mention.sentence.text[: max(0, date.start - mention.sentence.start)]
    return before.rstrip().lower().endswith("later")


def _compatible(
    draft: _Draft, mention: MeetingMention, names: list[str], date: _dates.DatePhrase | None
) -> bool:
    """Nothing tells them apart: the same kind, no two different dates, shared or no people."""
    if _family(draft.noun) != _family(mention.noun):
        return False
    if (
        mention.named
        and mention.noun != draft.noun
        and draft.stated
        and not _within(names, draft.stated)
    ):
        return False  # 'attend the European Council summit' is not 'a meeting with B'
    meeting = draft.meeting
    if _a_call_beside_a_gathering(draft, mention):
        return False  # a meeting at the fire station and a call that day: two
    if _BILATERAL.search(mention.span.text) and len(draft.stated) > 2:
        return False  # 'a three-way meeting with B and C ... B and C then held bilateral talks'
    if date is not None and meeting.date_text is not None:
        same_day = date.date is not None and date.date == meeting.date
        if not same_day and date.text.lower() != meeting.date_text.lower():
            return False
    disjoint = names and draft.stated and not _shares(names, draft.stated)
    if mention.definite and not (mention.named or mention.counterparts):
        disjoint = False  # 'X and Y will lead the discussions': who takes part, told later
    joins = mention.joins and not (mention.named and names and not _within(names, draft.stated))
    return joins or not (disjoint or _someone_else(draft, mention))  # not 'attended the G7'


def _a_call_beside_a_gathering(draft: _Draft, mention: MeetingMention) -> bool:
    """One met in person at a place, the other by phone or video: never one meeting.

    Not a debate, convention or congress first planned in a hall and then moved online: the
    same event, told twice.
    """
    formats = {draft.meeting.format, mention.format}
    return formats == {"in_person", "virtual"} and _family(mention.noun) == "meeting"


def _someone_else(draft: _Draft, mention: MeetingMention) -> bool:
    """'Later that day, Ruto met with religious leaders': the subject meets someone new.

    So too 'Biden met his national security team' beside the meeting he held with a
    leader that day: a group told, not named, that the meeting does not have.
    """
    if not mention.counterparts:
        described = {p.text.lower() for p in mention.described}
        return bool(described) and not described & draft.met
    if _another_subject(draft, mention):
        return True  # 'Seule met Kasso ... Manuake spoke with Kasso': not Seule's meeting
    written = {p.text.lower() for p in mention.counterparts}
    if written & draft.met:
        return False
    return not _overlap([p.text for p in mention.counterparts], draft.stated)


def _another_subject(draft: _Draft, mention: MeetingMention) -> bool:
    """The one who meets is named, and is no one the meeting already has.

    Also the one who holds it: "Sherwood-Randall held a call with Reilly" is not the call
    Evers had with Reilly that day.
    """
    if not draft.stated:
        return False
    subjects = [p for p in mention.participants if p not in mention.counterparts]
    named = [p.text for p in subjects if p.label in _NAMED]  # the tagger may type a name GPE
    return bool(named) and not _overlap(named, draft.stated)


def _overlap(names: list[str], others: set[str]) -> bool:
    """Whether any name holds, or is held in, one of the others ('Kasso', 'Jimmy Kasso')."""
    return any(a in b or b in a for a in names for b in others)


def _antecedent(
    drafts: list[_Draft],
    mention: MeetingMention,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
) -> _Draft | None:
    """'The meeting', 'after meeting with B': the latest meeting it can refer to."""
    bare = mention.noun is None and not mention.definite
    if not (mention.definite or mention.joins or bare):
        return None
    for draft in reversed(drafts):
        if not _compatible(draft, mention, names, date):
            continue
        if bare and not (names and _within(names, draft.stated)):
            continue
        if status in ("cancelled", "rescheduled") or _class(draft.meeting.status) == _class(status):
            return draft
    return None


def _merge(
    draft: _Draft,
    mention: MeetingMention,
    sentence: Sentence,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
    evidence: Evidence,
) -> None:
    meeting = draft.meeting
    update: dict[str, object] = {}
    if all(e.start != evidence.start for e in meeting.evidence):
        update["evidence"] = [*meeting.evidence, evidence]
    if mention.joins or not draft.stated or _shares(names, draft.stated):
        new = [n for n in names if not _shares([n], set(meeting.participants))]
        update["participants"] = [*meeting.participants, *dict.fromkeys(new)]
    if meeting.date is None and date is not None and date.date is not None:
        update |= _date_fields(date)
    elif meeting.date_text is None and date is not None:
        update |= _date_fields(date)
    if meeting.format == "unknown" or mention.format == "virtual":
        update["format"] = mention.format if mention.format != "unknown" else meeting.format
    if meeting.location is None and mention.location is not None:
        update["location"] = mention.location.text
    update["status"] = _merged_status(draft, meeting.status, status)
    draft.meeting = meeting.model_copy(update=update)
    draft.stated |= set(names)
    draft.met |= _met_by(mention)
    draft.last = mention.sentence.start


def _met_by(mention: MeetingMention) -> set[str]:
    """Who the mention's subject meets, named or described, as written (lower case)."""
    return {p.text.lower() for p in (*mention.counterparts, *mention.described)}


def _merged_status(draft: _Draft, old: MeetingStatus, new: MeetingStatus) -> MeetingStatus:
    """A later word can cancel or move a planned meeting, never revive a cancelled one."""
    if old == "cancelled":
        draft.replaced = draft.replaced or new == "rescheduled"
        return old
    if new in ("cancelled", "rescheduled") and old != "held":
        return new
    if old == "proposed" and new == "planned":
        return new
    return old


def _mark_replacements(drafts: list[_Draft]) -> None:
    """A cancelled meeting someone asked to reschedule: its planned successor is rescheduled."""
    for cancelled in (d for d in drafts if d.replaced):
        for draft in drafts:
            same_people = not cancelled.stated or bool(draft.stated & cancelled.stated)
            if draft.meeting.status == "planned" and same_people and draft.meeting.date:
                draft.meeting = draft.meeting.model_copy(update={"status": "rescheduled"})
                break


# A move told as a swap ('will instead meet'), not as a delay ('pushed back', 'postponed').
_INSTEAD = re.compile(r"\binstead\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:back|postpone\w*|delay\w*|put off)\b", re.IGNORECASE)


def _brought_forward(drafts: list[_Draft], published: dt.date) -> None:
    """The weekday a moved meeting had been set for, read from which way it was moved.

    'Which had been due to meet on Thursday, will instead meet this afternoon' (told on a
    Wednesday): brought forward, so its Thursday is the one ahead, not the one past. 'Set for
    Tuesday, was pushed back to today' (told on a Saturday): a delay, so its Tuesday is the
    one gone by. Only a weekday with no other word ('last Thursday'), moved in one sentence.
    """
    week = dt.timedelta(days=7)
    for off in drafts:
        was = off.meeting
        told = was.evidence[0].quote if was.evidence else ""
        if was.status != "cancelled" or was.date is None or not was.date_text:
            continue
        if re.sub(r"^(?:on|for)\s+", "", was.date_text).lower() not in WEEKDAYS:
            continue
        moved = [
            d.meeting.date
            for d in drafts
            if d.last == off.last and d.meeting.status == "rescheduled" and d.meeting.date
        ]
        if not moved:
            continue
        day, later = was.date, bool(_LATER.search(told))
        if later and day > moved[0]:
            day -= week  # a delay to a day before the one set: that day had passed
        elif _INSTEAD.search(told) and not later and day < published <= moved[0] < day + week:
            day += week  # swapped for a day before the weekday comes: brought forward
        if day != was.date:
            off.meeting = was.model_copy(update={"date": day})


def _date_fields(date: _dates.DatePhrase) -> dict[str, object]:
    return {"date": date.date, "date_text": date.text, "date_precision": date.precision}


def _new_meeting(
    ctx: Context,
    mention: MeetingMention,
    sentence: Sentence,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
    evidence: Evidence,
) -> Meeting:
    fmt: MeetingFormat = mention.format
    return Meeting(
        participants=names,
        date=date.date if date else None,
        date_text=date.text if date else None,
        date_precision=date.precision if date else "unknown",
        format=fmt,
        location=mention.location.text if mention.location else None,
        purpose=purpose(sentence.text),
        status=status,
        evidence=[evidence],
    )


# --- dates ------------------------------------------------------------------------------


def _resolve_date(
    ctx: Context, drafts: list[_Draft], mention: MeetingMention, sentence: Sentence
) -> _dates.DatePhrase | None:
    """The mention's date phrase, resolved from another meeting or date when it refers to one."""
    phrase = mention.date
    if phrase is None or phrase.offset is None:
        return phrase
    if phrase.event is not None:
        for draft in reversed(drafts):
            if draft.noun == phrase.event and draft.meeting.date is not None:
                return _dates.anchored(phrase, draft.meeting.date)
        return _dates.anchored(phrase, event_day(ctx, phrase.event))  # 'before the vote'
    # 'earlier in the day' with no day near it: the day of the article's news
    return _dates.anchored(phrase, earlier_day(ctx, sentence, phrase.start) or lead_day(ctx))


def _participants(ctx: Context, mention: MeetingMention, sentence: Sentence) -> list[str]:
    """Canonical names of who takes part, from the phrases the parse gives."""
    found: list[str] = []
    for phrase in mention.participants:
        for name in _phrase_names(ctx, phrase, sentence):
            if name not in found and ctx.kinds.get(name) != "source" and not _a_town(ctx, name):
                found.append(name)
    if mention.noun and mention.trigger.text[:1].isupper():
        found = [*_party_of_event(ctx, sentence, mention), *found]
    return list(dict.fromkeys(found))[:8]


def _a_town(ctx: Context, name: str) -> bool:
    """A place the article names that is no country: where a meeting is ('the Pau summit')."""
    return ctx.kinds.get(name) == "place" and not is_country(name)


def _phrase_names(ctx: Context, phrase: Phrase, sentence: Sentence) -> list[str]:
    if phrase.label == "PRON":
        return _pronoun(ctx, phrase)
    names = known_names(ctx, phrase.text)
    if names:
        return names
    bare = phrase.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
    if phrase.label in _PERSONISH and bare[:1].isupper():
        return [bare]
    words = phrase.text.split()
    if len(words) == 2 and words[0].lower() == "the":
        return _named_by_noun(ctx, sentence, phrase, words[1])
    return []


def _pronoun(ctx: Context, phrase: Phrase) -> list[str]:
    """'he', 'she': the last person named before the pronoun."""
    if phrase.text.lower() not in ("he", "she", "him", "her"):
        return []
    before = ctx.job.body[max(0, phrase.start - 600) : phrase.start]
    people = [n for n in known_names(ctx, before) if n in ctx.people]
    at = ctx.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if at is not None and people:  # the last one named as a subject, if any
        surnames = {n.split()[-1]: n for n in people}
        named = [
            t
            for t in ctx.doc[: at.start]
            if t.idx >= phrase.start - 600 and t.text in surnames and t.ent_type_ == "PERSON"
        ]
        chosen = prefer_subjects(named, at[0])
        if chosen is not None:
            return [surnames[chosen.text]]
    last = max(people, key=lambda n: before.rfind(n.split()[-1]), default=None)
    return [last] if last else []


def _named_by_noun(ctx: Context, sentence: Sentence, phrase: Phrase, noun: str) -> list[str]:
    """'the party' after 'the Green Party' in the same sentence: that name."""
    before = ctx.job.body[sentence.start : phrase.start]
    names = [n for n in known_names(ctx, before) if n.split()[-1].lower() == noun.lower()]
    return names[-1:]


def _party_of_event(ctx: Context, sentence: Sentence, mention: MeetingMention) -> list[str]:
    """'the Republican National Convention': the Republican Party, as the article names it."""
    text = ctx.job.body[max(sentence.start, mention.trigger.start - 60) : mention.trigger.end]
    match = _PARTY_EVENT.search(text)
    if match is None or not match.group(1).strip():
        return []
    first = match.group(1).split()[0]
    known = dict.fromkeys(c for t in ctx.kinds if (c := ctx.names.resolve(t)))
    named = [n for n in known if n.split()[0] == first and "Party" in n.split()]
    if named or not match.group(0).endswith("Convention"):
        return named[:1]  # 'the Munich Security Conference' is no party's
    return [f"{match.group(1).strip()} Party"]


def _borrowed(
    ctx: Context, drafts: list[_Draft], mention: MeetingMention, sentence: Sentence
) -> list[str]:
    """Unnamed people ('the ministers', 'a second meeting'): the last such meeting's.

    With no meeting before, 'the leaders' are the names of the sentence.
    """
    taken_up = _draft_quoting(drafts, mention.stands_for)
    if taken_up is not None:
        return list(taken_up.meeting.participants)  # '...; it will now be held on Monday'
    generic = any(p.text.lower().startswith(("the ", "both ")) for p in mention.participants)
    kin = [d for d in drafts if _family(d.noun) == _family(mention.noun)]
    if kin and (generic or mention.definite or mention.ordinal or mention.noun is None):
        return list(max(kin, key=lambda d: d.last).meeting.participants)
    if not generic:
        return []
    everyone = [n for n in known_names(ctx, sentence.text) if ctx.kinds.get(n) != "place"]
    people = [n for n in everyone if n in ctx.people]
    return (people or everyone)[:4]
