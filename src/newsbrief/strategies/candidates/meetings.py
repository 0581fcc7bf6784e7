"""Meetings: sentences with meeting words, confirmed by the model, dated and typed by code."""

from __future__ import annotations

import re

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

_MEETING_CUE = re.compile(
    r"\b(meeting|meetings|meet|meets|met|talks|summit|conference|debate|negotiations|"
    r"phone call|video call|call with|videoconference|held talks|spoke with|phoned|telephoned|"
    r"General Assembly|gathered in|gathered at|convened|"
    r"spoke (?:by|on the|over the) (?:tele)?phone)\b",
    re.IGNORECASE,
)


class MeetingAnswer(BaseModel):
    """Whether a passage reports a meeting, and its attributes."""

    is_meeting: bool = Field(description="True if a specific meeting between parties is reported.")
    status: MeetingStatus = Field(description="Status of the meeting.")

    @classmethod
    def abstain(cls) -> MeetingAnswer:
        """Code's answer without a model: not a meeting (code's strong cues may still say so)."""
        return cls(is_meeting=False, status="held")


async def find_meetings(ctx: Context) -> list[Meeting]:
    """Meetings from sentences with a meeting word that the model or a strong cue confirms."""
    meetings: list[Meeting] = []
    previous: Sentence | None = None
    for sentence in news_sentences(ctx):
        if _MEETING_CUE.search(sentence.text) and not _HYPOTHETICAL.search(sentence.text):
            answer = await ctx.ask(
                MeetingAnswer, messages(ctx, "meeting", sentence=sentence.text), 96
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


def _status(text: str, answer: MeetingAnswer, tense: str) -> MeetingStatus:
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
    ctx: Context,
    meetings: list[Meeting],
    sentence: Sentence,
    previous: Sentence | None,
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
    evidence = ev(ctx.job.body, sentence.start, sentence.end)
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
    ctx: Context, sentence: Sentence, phrase: _dates.DatePhrase
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


def _format(text: str, answered: MeetingFormat) -> MeetingFormat:
    if _IN_PERSON.search(text):
        return "in_person"
    if _VIRTUAL.search(text):
        return "virtual"
    return answered if answered != "virtual" else "unknown"


def _new_meeting(
    ctx: Context,
    sentence: Sentence,
    answer: MeetingAnswer,
    status: MeetingStatus,
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
        format=fmt,
        location=location,
        purpose=purpose(sentence.text),
        status=status,
        evidence=[evidence],
    )


_ANAPHORIC = re.compile(
    r"\b(?:the|a second|another|a follow-up|the next|a further)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|call|debate)\b",
    re.I,
)


def _scoped_names(ctx: Context, text: str) -> list[str]:
    """Names before the meeting word, or after its 'with'/'between'."""
    cue = _MEETING_CUE.search(text)
    before = text[: cue.start()] if cue else ""
    with_part = re.search(r"\b(?:with|between)\s+([^,;.]+)", text[cue.end() :] if cue else "")
    scope = before + (" " + with_part.group(1) if with_part else "")
    return known_names(ctx, scope)[:6]


def _participants(ctx: Context, text: str) -> list[str]:
    found = _scoped_names(ctx, text)
    if found:
        return found
    everyone = known_names(ctx, text)
    people = [n for n in everyone if ctx.names.resolve(n) in ctx.people]
    return people[:4] or everyone[:4]


def _location(ctx: Context, text: str) -> str | None:
    pattern = (
        r"\b(?:meeting|talks|summit|conference|met|meet|gathered|convened)\b"
        r"[^.,;]{0,30}?\b(?:in|at|on)\s+"
    )
    for match in re.finditer(pattern + r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text):
        if ctx.kinds.get(match.group(1)) == "place":
            return match.group(1)
    return None
