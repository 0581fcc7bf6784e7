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
from newsbrief.text import dates as _dates
from newsbrief.text.event_parts import Phrase
from newsbrief.text.events import MeetingMention, meeting_mentions

_UPCOMING = ("planned", "rescheduled", "proposed")
_GENERIC_NOUNS = frozenset({None, "meeting", "talks", "discussions", "negotiations", "call"})
_PERSONISH = frozenset("PERSON ORG GPE".split())


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


async def find_meetings(ctx: Context) -> list[Meeting]:
    """Meetings from the parse, checked by the model where the structure leaves doubt."""
    drafts: list[_Draft] = []
    for mention in meeting_mentions(ctx.doc, ctx.job.published):
        sentence = _sentence(ctx, mention)
        if sentence is None:
            continue
        status = await _status(ctx, mention, sentence)
        if status is not None:
            _place(ctx, drafts, mention, sentence, status)
    _mark_replacements(drafts)
    return [d.meeting for d in drafts]


def _sentence(ctx: Context, mention: MeetingMention) -> Sentence | None:
    """The news sentence that holds the meeting word (None inside an instruction)."""
    at = mention.trigger.start
    return next((s for s in news_sentences(ctx) if s.start <= at < s.end), None)


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
    return status or answer.status or _status_by_date(ctx, mention)


def _status_by_date(ctx: Context, mention: MeetingMention) -> MeetingStatus | None:
    """Neither the tense nor a model says: a resolved date before or after publication does."""
    date = mention.date.date if mention.date else None
    if date is None or ctx.job.published is None:
        return None
    return "planned" if date > ctx.job.published else "held"


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
    target = _same_meeting(drafts, mention, sentence, status, names, date)
    if target is not None:
        _merge(target, mention, sentence, status, names, date, evidence)
        return
    if (mention.definite or mention.joins) and not _anchored(mention, names, date):
        return  # 'the talks', 'his conference': refers to something this code did not find
    if not names:
        names = _borrowed(drafts, mention)
    if date is None and status == "held":
        date = _scene_date(ctx, sentence, names)
    meeting = _new_meeting(ctx, mention, sentence, status, names, date, evidence)
    key = _key(mention)
    drafts.append(_Draft(meeting, mention.noun, key, sentence.start, stated=set(names)))


def _anchored(mention: MeetingMention, names: list[str], date: _dates.DatePhrase | None) -> bool:
    """A definite mention stands on its own when it says who, where, when or which one."""
    return bool(mention.ordinal or mention.location or names or (date and date.date))


def _class(status: MeetingStatus) -> str:
    return "upcoming" if status in _UPCOMING else status


def _same_meeting(
    drafts: list[_Draft],
    mention: MeetingMention,
    sentence: Sentence,
    status: MeetingStatus,
    names: list[str],
    date: _dates.DatePhrase | None,
) -> _Draft | None:
    """The meeting a mention refers to, if it is one already found."""
    key = _key(mention)
    if key is not None:
        return next((d for d in reversed(drafts) if d.key == key), None)
    day = date.date if date and date.precision == "day" else None
    for draft in reversed(drafts):
        if day is not None and draft.meeting.date == day and _nouns_agree(draft, mention):
            return draft
        if draft.last == sentence.start and _same_sentence_same(draft, mention, names):
            return draft
    if mention.fresh or (date is not None and date.text):
        return None
    return _antecedent(drafts, mention, status, names)


def _nouns_agree(draft: _Draft, mention: MeetingMention) -> bool:
    return draft.noun == mention.noun or {draft.noun, mention.noun} & _GENERIC_NOUNS != set()


def _same_sentence_same(draft: _Draft, mention: MeetingMention, names: list[str]) -> bool:
    """Two words for one meeting in one sentence, unless they name different people."""
    if mention.fresh and draft.noun == mention.noun:
        return False
    return not names or bool(set(names) & draft.stated) or not draft.stated


def _antecedent(
    drafts: list[_Draft], mention: MeetingMention, status: MeetingStatus, names: list[str]
) -> _Draft | None:
    """'The meeting', 'after meeting with B': the latest meeting it can refer to."""
    bare = mention.noun is None and not mention.definite
    if not (mention.definite or mention.joins or bare):
        return None
    for draft in reversed(drafts):
        if not _nouns_agree(draft, mention):
            continue
        if bare and not (names and set(names) <= draft.stated):
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
    if mention.joins or not draft.stated or set(names) & draft.stated:
        update["participants"] = list(dict.fromkeys([*meeting.participants, *names]))
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
    draft.last = sentence.start


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
        return phrase
    return _dates.anchored(phrase, _earlier_day(ctx, sentence, phrase.start))


def _earlier_day(ctx: Context, sentence: Sentence, before: int) -> dt.date | None:
    """The last day-precise date written before `before`, in this or the three sentences before."""
    index = next(i for i, s in enumerate(ctx.sentences) if s.start == sentence.start)
    for earlier in reversed(ctx.sentences[max(0, index - 3) : index + 1]):
        text = ctx.job.body[earlier.start : min(earlier.end, before)]
        found = [
            d
            for d in _dates.find_dates(text, published=ctx.job.published, tense="past")
            if d.date is not None and d.precision == "day"
        ]
        if found:
            return found[-1].date
    return None


def _scene_date(ctx: Context, sentence: Sentence, names: list[str]) -> _dates.DatePhrase | None:
    """A held meeting with no date of its own, right after a dated sentence about its people."""
    index = next(i for i, s in enumerate(ctx.sentences) if s.start == sentence.start)
    if index == 0 or ctx.sentences[index - 1].paragraph != sentence.paragraph:
        return None
    previous = ctx.sentences[index - 1]
    if not names or not set(names) & set(known_names(ctx, previous.text)):
        return None
    found = _dates.find_dates(previous.text, published=ctx.job.published, tense="past")
    days = [d for d in found if d.date is not None and d.precision == "day"]
    return days[0] if days else None


# --- participants -----------------------------------------------------------------------


def _participants(ctx: Context, mention: MeetingMention, sentence: Sentence) -> list[str]:
    """Canonical names of who takes part, from the phrases the parse gives."""
    found: list[str] = []
    for phrase in mention.participants:
        for name in _phrase_names(ctx, phrase, sentence):
            if name not in found and ctx.kinds.get(name) not in ("source", "place"):
                found.append(name)
    if not found and mention.noun and mention.trigger.text[:1].isupper():
        found = _party_of_event(ctx, sentence, mention)
    return found[:8]


def _phrase_names(ctx: Context, phrase: Phrase, sentence: Sentence) -> list[str]:
    if phrase.label == "PRON":
        return _pronoun(ctx, phrase)
    names = known_names(ctx, phrase.text)
    if names:
        return names
    if phrase.label in _PERSONISH and phrase.text[:1].isupper():
        return [phrase.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")]
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
    last = max(people, key=lambda n: before.rfind(n.split()[-1]), default=None)
    return [last] if last else []


def _named_by_noun(ctx: Context, sentence: Sentence, phrase: Phrase, noun: str) -> list[str]:
    """'the party' after 'the Green Party' in the same sentence: that name."""
    before = ctx.job.body[sentence.start : phrase.start]
    names = [n for n in known_names(ctx, before) if n.split()[-1].lower() == noun.lower()]
    return names[-1:]


def _party_of_event(ctx: Context, sentence: Sentence, mention: MeetingMention) -> list[str]:
    """'the Republican National Convention': the party whose name starts like the event's."""
    text = ctx.job.body[sentence.start : mention.trigger.end]
    words = text.split()
    start = len(words) - 1
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    first = words[start] if start < len(words) - 1 else ""
    known = dict.fromkeys(c for t in ctx.kinds if (c := ctx.names.resolve(t)))
    named = [n for n in known if n.split()[0] == first and n.endswith("Party")]
    return named[:1] if first else []


def _borrowed(drafts: list[_Draft], mention: MeetingMention) -> list[str]:
    """'The ministers agreed to meet again', 'a second meeting': the parties of the last one."""
    if not drafts or not (mention.definite or mention.ordinal or mention.noun is None):
        return []
    return list(drafts[-1].meeting.participants)

