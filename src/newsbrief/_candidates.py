"""The candidate strategy, made for small local models.

Code finds candidates (names, number phrases, sentences with meeting words); the model answers
one short, enum-constrained question about each, with the article as a shared prompt prefix
(llama.cpp reuses the KV cache of that prefix, so the article is read once); code assembles,
resolves dates and numbers, and grounds. Every evidence span is a sentence or name span that
code found in the body, so nothing the model writes can become evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from newsbrief import _dates, _entities, _numbers
from newsbrief._extraction import Extraction, Job, fence, is_instruction
from newsbrief._grounding import sentence_spans
from newsbrief._names import NameIndex, canonical_alias, fold, merge_parties, merge_people
from newsbrief.models import Dropped, Evidence, Figure, Meeting, Party, Person, Position, Source

_PARTY_KINDS = {"state", "government", "organisation", "armed_group"}

_MEETING_CUE = re.compile(
    r"\b(meeting|meetings|meet|meets|met|talks|summit|conference|debate|negotiations|"
    r"phone call|video call|call with|videoconference|held talks|spoke with|phoned|telephoned|"
    r"General Assembly|gathered in|gathered at|convened|"
    r"spoke (?:by|on the|over the) (?:tele)?phone)\b",
    re.IGNORECASE,
)
_NOT_COUNT_UNITS = re.compile(
    r"^(minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|percent|%|"
    r"dollars?|euros?|pounds?|km|kilometres?|kilometers?|miles?|metres?|meters?|times|"
    r"points?|seats?|votes?|officials?|sources?|troops?|soldiers?|magnitude)$",
    re.IGNORECASE,
)
# Units that are people a casualty word can count ('12 soldiers were killed'); deployments
# ('500 troops were deployed') are not counts.
_FORCE_UNITS = re.compile(r"^(troops?|soldiers?|servicemen|police(?:men)?|officers?)$", re.I)


class FigureAnswer(BaseModel):
    """What a number in a passage counts."""

    metric: Literal[
        "killed",
        "wounded",
        "displaced",
        "population",
        "missing",
        "detained",
        "aid",
        "other",
        "none",
    ] = Field(description="What the number counts; none if not a humanitarian count.")
    place: str | None = Field(default=None, description="Place the figure applies to, or null.")


class MeetingAnswer(BaseModel):
    """Whether a passage reports a meeting, and its attributes."""

    is_meeting: bool = Field(description="True if a specific meeting between parties is reported.")
    status: Literal["planned", "held", "cancelled", "rescheduled", "proposed"] = Field(
        description="Status of the meeting."
    )


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class _Context:
    job: Job
    sentences: list[_Sentence]
    names: NameIndex = field(default_factory=NameIndex)
    kinds: dict[str, str] = field(default_factory=dict)
    event_keys: list[str | None] = field(default_factory=list)
    people: set[str] = field(default_factory=set)


def _sentences(body: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    for start, end in sentence_spans(body):
        paragraph = body.count("\n", 0, start)
        out.append(_Sentence(start, end, body[start:end], paragraph))
    return out


def _news_sentences(ctx: _Context) -> list[_Sentence]:
    """Sentences to mine for facts: not the ones that address the model with instructions."""
    return [s for s in ctx.sentences if not is_instruction(s.text)]


def _instruction_drops(ctx: _Context) -> list[Dropped]:
    return [
        Dropped(
            kind="sentence",
            item={"quote": s.text[:200], "start": s.start, "end": s.end},
            reason="reads as instructions to a model, not as news; not mined for facts",
        )
        for s in ctx.sentences
        if is_instruction(s.text)
    ]


def _ev(body: str, start: int, end: int) -> Evidence:
    return Evidence(quote=body[start:end], start=start, end=end)


def _messages(ctx: _Context, part: str, **values: str) -> list[dict[str, str]]:
    prompts = ctx.job.prompts
    return [
        {"role": "system", "content": prompts.render("system", body=fence(ctx.job.body))},
        {"role": "user", "content": prompts.render(part, **values)},
    ]


async def extract(job: Job) -> Extraction:
    """Run the candidate strategy over one article."""
    ctx = _Context(job=job, sentences=_sentences(job.body))
    parties, people = await _entities_step(ctx)
    figures = await _figures_step(ctx)
    meetings = await _meetings_step(ctx)
    return Extraction(
        summary=_lead_summary(ctx),
        parties=parties,
        people=people,
        positions=_positions(ctx, people, parties),
        meetings=meetings,
        figures=figures,
        sources=_sources(ctx),
        dropped=_instruction_drops(ctx),
    )


async def _entities_step(ctx: _Context) -> tuple[list[Party], list[Person]]:
    """Names found and typed by code: title words, country names, organisation words."""
    body = ctx.job.body
    found = _entities.find_names(body) + _entities.collective_names(body)
    mentions = _entities.unique_names(sorted(found, key=lambda m: m.start))
    roles = {**_entities.lower_roles(body), **_entities.roles(body)}
    cited = {m.text for m in _entities.cited_sources(body)}
    parties: list[Party] = []
    people: list[Person] = []
    for mention in mentions:
        kind = _entities.guess_kind(mention.text, body, set(roles))
        if mention.text in cited and _entities.is_outlet(mention.text, body):
            kind = "source"
        ctx.kinds[mention.text] = kind
        ev = [_ev(body, mention.start, mention.end)]
        if kind == "person":
            role = roles.get(mention.text)
            people.append(Person(name=mention.text, role=role.text if role else None, evidence=ev))
        elif kind in _PARTY_KINDS:
            parties.append(Party(name=mention.text, kind=kind, evidence=ev))  # type: ignore[arg-type]
    parties, people = merge_parties(parties), merge_people(people)
    for party in parties:
        ctx.names.add(party.name, *party.aliases)
    for person in people:
        ctx.names.add(person.name, _entities.short_form(person.name))
        ctx.people.add(person.name)
    return parties, people


_NOT_HUMANITARIAN = re.compile(
    r"\b(voted|voters?|votes|turnout|ballots?|budget|price|shares|stake|revenue|profit|"
    r"dollars|euros|magnitude|Richter|kilomet\w+|miles|degrees|percent|per cent|km)\b|[$€£%]",
    re.I,
)


def _is_count(phrase: _numbers.NumberPhrase, after: str, window: str) -> bool:
    unit = (phrase.unit or "").strip()
    if phrase.vague:
        return False
    if _FORCE_UNITS.match(unit) and _metric_cue(_near(phrase, after, window)):
        return True  # the casualty word wins over the troops/soldiers unit
    if unit and _NOT_COUNT_UNITS.match(unit):
        return False
    if phrase.value != int(phrase.value) and phrase.value < 100 and not unit:
        return False  # 6.6, 7.2: magnitudes and ratios, not counts
    if 1000 <= phrase.value <= 2100 and phrase.qualifier == "exact" and not unit:
        return False  # a year
    if _metric_cue(window):
        return True
    if _NOT_HUMANITARIAN.search(window):
        return False
    if any(_NOT_COUNT_UNITS.match(w.strip(".,;:")) for w in after.split()[:2]):
        return False
    return phrase.value >= 20 or phrase.qualifier != "exact"


def _near(phrase: _numbers.NumberPhrase, after: str, window: str) -> str:
    """The two words before the number, the number and the three words after it."""
    tail = after[:60]
    head = window[: len(window) - len(tail)] if tail else window
    if head.endswith(phrase.text):
        head = head[: len(head) - len(phrase.text)]
    return " ".join([*head.split()[-2:], phrase.text, *after.split()[:3]])


_METRIC_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "killed",
        re.compile(r"\b(killed|dead|died|deaths?|death toll|lives|fatalities|bodies)\b", re.I),
    ),
    (
        "wounded",
        re.compile(r"\b(wounded|injured|injuries|hurt|hospitali[sz]ed|casualties)\b", re.I),
    ),
    ("missing", re.compile(r"\b(missing|unaccounted|under the rubble|trapped)\b", re.I)),
    ("detained", re.compile(r"\b(detained|arrested|detention|held captive|hostages?)\b", re.I)),
    (
        "displaced",
        re.compile(
            r"\b(displaced|fled|refuge|evacuated|homeless|refugees?|sheltering|evacuees)\b", re.I
        ),
    ),
    ("population", re.compile(r"\b(home to|inhabitants|residents|population|live in)\b", re.I)),
    (
        "aid",
        re.compile(
            r"\b(vaccinated|vaccines?|vaccinations?|immuni[sz]ed|aid|food|supplies)\b", re.I
        ),
    ),
    (
        "other",
        re.compile(
            r"\b(cases|infected|infections?|damaged|destroyed|collapsed|buildings|homes|houses|"
            r"apartments|rescuers|survivors|rescued)\b",
            re.I,
        ),
    ),
)


def _metric_cue(window: str, center: int | None = None) -> str | None:
    """The metric named nearest the number ('killed', 'sought refuge'); None if none or a tie.

    `center` is the number's offset in `window` (default: the window's middle).
    """
    middle = len(window) // 2 if center is None else center
    hits = sorted(
        (min(abs(m.start() - middle), abs(m.end() - middle)), metric)
        for metric, cue in _METRIC_CUES
        for m in cue.finditer(window)
    )
    if not hits:
        return None
    tied = {metric for distance, metric in hits if distance == hits[0][0]}
    return hits[0][1] if len(tied) == 1 else None


async def _figures_step(ctx: _Context) -> list[Figure]:
    figures: list[Figure] = []
    for sentence in _news_sentences(ctx):
        for phrase in _numbers.find_numbers(sentence.text):
            left = max(0, phrase.start - 60)
            window = sentence.text[left : phrase.end + 60]
            if not _is_count(phrase, sentence.text[phrase.end :], window):
                continue
            middle = (phrase.start + phrase.end) // 2 - left
            cued = _metric_cue(window, middle)
            answer = (
                FigureAnswer(metric=cued)  # type: ignore[arg-type]
                if cued
                else await ctx.job.ask(
                    FigureAnswer,
                    _messages(ctx, "figure", sentence=sentence.text, number=phrase.text),
                    48,
                )
            )
            if answer.metric == "none":
                continue
            figures.append(_figure(ctx, sentence, phrase, answer))
    return figures


def _figure(
    ctx: _Context, sentence: _Sentence, phrase: _numbers.NumberPhrase, answer: FigureAnswer
) -> Figure:
    place = answer.place if answer.place and answer.place in sentence.text else None
    if place is None:
        place = next((n for n, k in ctx.kinds.items() if k == "place" and n in sentence.text), None)
    return Figure(
        metric=answer.metric,  # type: ignore[arg-type]
        value=phrase.value,
        value_text=phrase.text,
        qualifier=phrase.qualifier,
        upper=phrase.upper,
        unit=phrase.unit,
        place=place,
        reported_by=_reporter(ctx, sentence),
        evidence=[_clause_ev(ctx.job.body, sentence, phrase.start, phrase.end)],
    )


_CLAUSE_EDGE = re.compile(r"[,;:()\u2014\"“”]|\s[\u2013-]\s")


def _clause_ev(body: str, sentence: _Sentence, start: int, end: int) -> Evidence:
    """The clause of the sentence that holds [start, end) (sentence-relative offsets)."""
    text = sentence.text
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(text, end)), len(text))
    if len(text[left:right].split()) < 4:
        left, right = 0, len(text)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " .":
        right -= 1
    return _ev(body, sentence.start + left, sentence.start + right)


def _reporter(ctx: _Context, sentence: _Sentence) -> str | None:
    for source in _entities.cited_sources(sentence.text):
        return ctx.names.resolve(source.text) or source.text
    return None


async def _meetings_step(ctx: _Context) -> list[Meeting]:
    meetings: list[Meeting] = []
    previous: _Sentence | None = None
    for sentence in _news_sentences(ctx):
        if _MEETING_CUE.search(sentence.text) and not _HYPOTHETICAL.search(sentence.text):
            answer = await ctx.job.ask(
                MeetingAnswer, _messages(ctx, "meeting", sentence=sentence.text), 96
            )
            if answer.is_meeting or _strong_meeting(sentence.text):
                _place_meeting(ctx, meetings, sentence, previous, answer)
        previous = sentence
    return meetings


_STRONG_VERB = re.compile(
    r"\b(scheduled|slated|took place|will take place|to be held|was held|were held|will hold|"
    r"cancel\w*|postpon\w*|reschedul\w*|planned for|participat\w*|agreed to (?:a|an) (?:\w+ )?"
    r"(?:meet|meeting|summit|talks)|gathered|convened|met)\b",
    re.I,
)
_SPECIFIC_EVENT = re.compile(
    r"\b(?:the|a|an)\s+(?:first|second|third|final|next|last|\w+-\w+|virtual|presidential)?\s*"
    r"(?:\w+\s+)?(meeting|talks|summit|debate|conference|call)\b",
    re.I,
)


_VERB_MEETING = re.compile(
    r"\b(gathered (?:in|at)|convened|met with|held talks|spoke (?:by|on the|over the) "
    r"(?:tele)?phone|phoned|telephoned|participat\w* in the|attend\w* the)\b",
    re.I,
)
_NAMED_EVENT = re.compile(r"\b(General Assembly|[Ss]ummit|[Cc]onference)\b")


def _strong_meeting(text: str) -> bool:
    """Code's own reading: a specific meeting noun with a scheduling or outcome verb."""
    if _VERB_MEETING.search(text):
        return True
    return bool(
        _STRONG_VERB.search(text) and (_SPECIFIC_EVENT.search(text) or _NAMED_EVENT.search(text))
    )


_ORDINAL_EVENT = re.compile(
    r"\b(first|second|third|fourth|final|last|next)\s+(?:[\w-]+\s+)?"
    r"(debate|meeting|summit|round|talks|conference)\b",
    re.I,
)


def _event_key(text: str) -> str | None:
    """'the second presidential debate' -> 'second debate': a name for coreference."""
    match = _ORDINAL_EVENT.search(text)
    return f"{match.group(1).lower()} {match.group(2).lower()}" if match else None


_FUTURE_CUE = re.compile(
    r"\b(scheduled for|slated for|set for|planned for|due to|is to be|are to be|will|"
    r"still scheduled|agreed to (?:a|an) (?:future )?|future|upcoming|would be held)\b",
    re.I,
)
_SPEECH_BEFORE = re.compile(
    r"\b(announced|said|stated|told|reported|confirmed|added|noted|declared)\s*$", re.I
)
_SPEECH_AFTER = re.compile(
    r"^[\s,]*(?:\w+\s+){0,2}?(announced|said|stated|told|reported|declared)\b", re.I
)
_SCHEDULE_BEFORE = re.compile(
    r"\b(scheduled|slated|set|planned|due|held|take place|meet|meeting|talks|summit|debate)"
    r"(?:\s+\w+){0,2}\s*$",
    re.I,
)


def _best_date(text: str, dates: list[_dates.DatePhrase]) -> list[_dates.DatePhrase]:
    """The date phrase that dates the meeting, not the announcement of it."""

    def score(d: _dates.DatePhrase) -> int:
        before, after = text[: d.start], text[d.end :]
        value = 0
        if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.search(after):
            value -= 2
        if _SCHEDULE_BEFORE.search(before):
            value += 2
        return value

    if len(dates) < 2:
        return dates
    ranked = sorted(dates, key=lambda d: -score(d))
    return [ranked[0]]


_CANCEL = re.compile(
    r"\b(cancel\w*|called off|scrapped|postponed indefinitely|indefinitely postponed)\b", re.I
)
# A postponement is a reschedule unless it is indefinite (then _CANCEL wins); 'moved to' only
# with a date after it ('moved to Tuesday', not 'moved to block').
_RESCHEDULE = re.compile(
    r"\b(reschedul\w*|originally scheduled|postpon\w*|pushed back|"
    r"(?:moved|brought forward|delayed) (?:to|until)\s+(?:the\s+)?(?=next\b|later\b|early\b|"
    r"late\b|mid|\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|"
    r"May|June|July|August|September|October|November|December))",
    re.I,
)
_VIRTUAL = re.compile(r"\b(virtual\w*|video|phone|telephone|call|online|videoconference)\b", re.I)
_IN_PERSON = re.compile(r"\b(in-person|in person|visit\w*|travel\w*)\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:holding|having|whether to hold)\s+(?:a|an)\s+", re.I)
_NEW_MEETING = re.compile(
    r"(?<!via )(?<!by )(?<!over )\b(a|an|another|second|third|first|new)\s+(?:[\w-]+\s+){0,2}?"
    r"(meeting|meet|talks|summit|conference|debate|call)\b",
    re.I,
)


def _status(text: str, answer: MeetingAnswer, tense: str) -> str:
    if _CANCEL.search(text) and not re.search(r"\breschedul", text, re.I):
        return "cancelled"
    if _RESCHEDULE.search(text):
        return "rescheduled"
    if _FUTURE_CUE.search(text):
        return "planned"
    if answer.status in ("cancelled", "rescheduled") and not _CANCEL.search(text):
        return "planned" if tense == "future" else "held"
    if tense == "future" and answer.status == "held":
        return "planned"
    if tense == "past" and answer.status == "planned":
        return "held"
    return answer.status


def _place_meeting(
    ctx: _Context,
    meetings: list[Meeting],
    sentence: _Sentence,
    previous: _Sentence | None,
    answer: MeetingAnswer,
) -> None:
    tense = _dates.infer_tense(sentence.text)
    status = _status(sentence.text, answer, tense)
    dates = _dates.find_dates(
        sentence.text,
        published=ctx.job.published,
        tense="future" if status in ("planned", "rescheduled", "proposed") else "past",
    )
    if _RESCHEDULE.search(sentence.text) and meetings and status == "cancelled":
        if meetings[-1].status == "planned":
            meetings[-1] = meetings[-1].model_copy(update={"status": "rescheduled"})
    is_new = bool(dates) or bool(_NEW_MEETING.search(sentence.text)) or not meetings
    is_new = is_new or (status == "cancelled" and meetings[-1].status != "cancelled")
    evidence = _ev(ctx.job.body, sentence.start, sentence.end)
    key = _event_key(sentence.text)
    same = [i for i, k in enumerate(ctx.event_keys) if key and k == key]
    day = dates[0].date if dates and dates[0].precision == "day" else None
    same = same or [i for i, m in enumerate(meetings) if day is not None and m.date == day]
    if same:
        meetings[same[-1]] = _enrich_dated(meetings[same[-1]], sentence.text, evidence, dates)
        return
    if not is_new:
        target = _attach_target(meetings, tense)
        meetings[target] = _enrich(meetings[target], sentence.text, evidence)
        return
    dates = _best_date(sentence.text, dates)
    if dates and dates[0].date is None and dates[0].precision == "day":
        dates = _antecedent_date(ctx, sentence, dates[0]) or dates
    if not dates and previous and previous.paragraph == sentence.paragraph:
        dates = [
            d
            for d in _dates.find_dates(
                previous.text,
                published=ctx.job.published,
                tense="past" if status == "held" else "future",
            )
            if d.precision == "day"
        ]
    meeting = _new_meeting(ctx, sentence, answer, status, dates, evidence)
    if meetings and _ANAPHORIC.search(sentence.text) and not _scoped_names(ctx, sentence.text):
        meeting = meeting.model_copy(update={"participants": list(meetings[-1].participants)})
    meetings.append(meeting)
    ctx.event_keys.append(key)


def _enrich_dated(
    meeting: Meeting, text: str, evidence: Evidence, dates: list[_dates.DatePhrase]
) -> Meeting:
    """The same meeting mentioned again: add the evidence, and the date if it had none."""
    meeting = _enrich(meeting, text, evidence)
    if meeting.date is None and dates and dates[0].date is not None:
        meeting = meeting.model_copy(
            update={
                "date": dates[0].date,
                "date_text": dates[0].text,
                "date_precision": dates[0].precision,
            }
        )
    return meeting


def _antecedent_date(
    ctx: _Context, sentence: _Sentence, phrase: _dates.DatePhrase
) -> list[_dates.DatePhrase]:
    """'that day', 'the same day': the last day-precise date in the three sentences before."""
    index = next(i for i, s in enumerate(ctx.sentences) if s.start == sentence.start)
    for earlier in reversed(ctx.sentences[max(0, index - 3) : index]):
        resolved = [
            d
            for d in _dates.find_dates(earlier.text, published=ctx.job.published, tense="past")
            if d.date is not None and d.precision == "day"
        ]
        if resolved:
            return [
                _dates.DatePhrase(phrase.start, phrase.end, phrase.text, resolved[-1].date, "day")
            ]
    return []


def _attach_target(meetings: list[Meeting], tense: str) -> int:
    if tense == "future":
        for index in range(len(meetings) - 1, -1, -1):
            if meetings[index].status in ("planned", "rescheduled", "proposed"):
                return index
    return len(meetings) - 1


def _enrich(meeting: Meeting, text: str, evidence: Evidence) -> Meeting:
    update: dict[str, object] = {"evidence": [*meeting.evidence, evidence]}
    if meeting.format == "unknown":
        update["format"] = _format(text, "unknown")
    return meeting.model_copy(update=update)


def _format(text: str, answered: str) -> str:
    if _IN_PERSON.search(text):
        return "in_person"
    if _VIRTUAL.search(text):
        return "virtual"
    return answered if answered != "virtual" else "unknown"


def _new_meeting(
    ctx: _Context,
    sentence: _Sentence,
    answer: MeetingAnswer,
    status: str,
    dates: list[_dates.DatePhrase],
    evidence: Evidence,
) -> Meeting:
    date = dates[0] if dates else None
    location = _location(ctx, sentence.text)
    fmt = _format(sentence.text, "unknown")
    if fmt == "unknown" and location:
        fmt = "in_person"
    return Meeting(
        participants=_participants(ctx, sentence.text),
        date=date.date if date else None,
        date_text=date.text if date else None,
        date_precision=date.precision if date else "unknown",
        format=fmt,  # type: ignore[arg-type]
        location=location,
        purpose=_purpose(sentence.text),
        status=status,  # type: ignore[arg-type]
        evidence=[evidence],
    )


_ANAPHORIC = re.compile(
    r"\b(?:the|a second|another|a follow-up|the next|a further)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|call|debate)\b",
    re.I,
)


def _scoped_names(ctx: _Context, text: str) -> list[str]:
    """Names before the meeting word, or after its 'with'/'between'."""
    cue = _MEETING_CUE.search(text)
    before = text[: cue.start()] if cue else ""
    with_part = re.search(r"\b(?:with|between)\s+([^,;.]+)", text[cue.end() :] if cue else "")
    scope = before + (" " + with_part.group(1) if with_part else "")
    return _known_names(ctx, scope)[:6]


def _participants(ctx: _Context, text: str) -> list[str]:
    found = _scoped_names(ctx, text)
    if found:
        return found
    everyone = _known_names(ctx, text)
    people = [n for n in everyone if ctx.names.resolve(n) in ctx.people]
    return people[:4] or everyone[:4]


def _known_names(ctx: _Context, text: str) -> list[str]:
    found: list[str] = []
    for mention in _entities.find_names(text):
        if ctx.kinds.get(mention.text) == "source":
            continue
        canon = ctx.names.resolve(mention.text)
        if canon and canon not in found:
            found.append(canon)
    return found


def _location(ctx: _Context, text: str) -> str | None:
    pattern = (
        r"\b(?:meeting|talks|summit|conference|met|meet|gathered|convened)\b"
        r"[^.,;]{0,30}?\b(?:in|at|on)\s+"
    )
    for match in re.finditer(pattern + r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text):
        if ctx.kinds.get(match.group(1)) == "place":
            return match.group(1)
    return None


_PURPOSE = re.compile(
    r"\b(?:to discuss|to talk about|to address|about|over|regarding|concerning|on)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the following|[0-9]))"
    r"((?:[^,;.]|\.(?=\S)|(?<=\b[A-Z])\.)+?)(?=,|;|(?<!\b[A-Z])\.(?:\s|$)|$|\s+according to)"
)


def _purpose(text: str) -> str | None:
    match = _PURPOSE.search(text)
    if not match:
        return None
    words = match.group(1).split()
    return " ".join(words[:14]) if len(words) >= 2 else None


def _lead_summary(ctx: _Context, max_words: int = 70) -> str:
    """An extractive summary: the article's lead sentences (news leads summarise)."""
    picked: list[str] = []
    for sentence in ctx.sentences:
        if picked and len(" ".join(picked).split()) + len(sentence.text.split()) > max_words:
            break
        picked.append(sentence.text)
    return " ".join(picked)


def _sources(ctx: _Context) -> list[Source]:
    out: list[Source] = []
    for mention in _entities.cited_sources(ctx.job.body):
        kind = ctx.kinds.get(mention.text, "")
        source_kind = (
            "official"
            if kind in ("government", "state") or "official" in mention.text
            else "organisation"
            if kind in ("organisation", "armed_group")
            else "outlet"
        )
        name = ctx.names.resolve(mention.text) or mention.text
        if any(fold(s.name) == fold(name) for s in out):
            continue
        out.append(
            Source(
                name=name,
                kind=source_kind,  # type: ignore[arg-type]
                evidence=[_ev(ctx.job.body, mention.start, mention.end)],
            )
        )
    return out


def _positions(ctx: _Context, people: list[Person], parties: list[Party]) -> list[Position]:
    """Positions from reporting verbs whose subject is a known person or party."""
    out: list[Position] = []
    for sentence in _news_sentences(ctx):
        for verb, v_start, v_end in _entities.speech_spans(sentence.text):
            holder = _subject(ctx, sentence.text[:v_start])
            stance = sentence.text[v_end:].strip(' ,:"“”')
            if not holder or len(stance.split()) < 4:
                continue
            if any(p.holder == holder for p in out):
                continue
            words = stance.split()
            out.append(
                Position(
                    holder=holder,
                    topic=_purpose(sentence.text) or verb,
                    stance=" ".join(words[:30]) + (" ..." if len(words) > 30 else ""),
                    evidence=[_ev(ctx.job.body, sentence.start, sentence.end)],
                )
            )
            break
    return out


def _subject(ctx: _Context, before: str) -> str | None:
    found = _entities.find_names(before) + _entities.collective_names(before)
    mentions = sorted(found, key=lambda m: (m.end, m.end - m.start))
    for mention in reversed(mentions):
        canon = ctx.names.resolve(mention.text) or canonical_alias(mention.text)
        if canon and ctx.names.resolve(canon):
            return ctx.names.resolve(canon)
    return None
