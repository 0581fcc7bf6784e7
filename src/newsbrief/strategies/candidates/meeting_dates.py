"""Meeting dates that need the article around the sentence: an earlier day, the scene's day.

`status_by_date` tells planned from held by a resolved date; `earlier_day` is the day a
'the following day' counts from; `event_day` the day of an event such as a vote that 'the
day before the vote' counts from; `scene_date` dates a held meeting by the sentence before.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsbrief.models import MeetingStatus
from newsbrief.strategies.candidates.context import Context, Sentence, known_names
from newsbrief.text import dates as _dates
from newsbrief.text.counts import depth
from newsbrief.text.event_status import clause_tense
from newsbrief.text.events import MeetingMention

if TYPE_CHECKING:
    from spacy.tokens import Token


def status_by_date(ctx: Context, mention: MeetingMention) -> MeetingStatus | None:
    """Neither the tense nor a model says: a resolved date before or after publication does."""
    date = mention.date.date if mention.date else None
    if date is None and mention.date is not None:
        way = _dates.direction(mention.date.text)  # 'who is meeting B next week'
        return "planned" if way == "ahead" else ("held" if way == "behind" else None)
    if date is None or ctx.job.published is None:
        return None
    way = _dates.direction(mention.date.text) if mention.date else None
    if date == ctx.job.published and way is not None:  # 'later today', 'earlier today'
        return "planned" if way == "ahead" else "held"
    if date == ctx.job.published and mention.present:
        return "planned"  # 'the council meets today', 'the summit opens today': the day's news
    return "planned" if date > ctx.job.published else "held"


def earlier_day(ctx: Context, sentence: Sentence, before: int) -> dt.date | None:
    """The last day-precise date written before `before`, in this or the sentences before.

    Those are the three sentences before and any earlier ones of the same paragraph
    ('In Riyadh on Monday, ...' then a quote, a figure and its source, then 'He left for
    Muscat later that day'). Each date is read in the tense of its own clause, else of its
    sentence: 'will travel on Sunday and meet them the following day' counts from the coming
    Sunday.
    """
    index = next(i for i, s in enumerate(ctx.sentences) if s.start == sentence.start)
    first = max(0, index - 3)
    while first > 0 and ctx.sentences[first - 1].paragraph == sentence.paragraph:
        first -= 1
    for earlier in reversed(ctx.sentences[first : index + 1]):
        text = ctx.job.body[earlier.start : min(earlier.end, before)]
        readings: dict[_dates.Tense, list[_dates.DatePhrase]] = {
            tense: _dates.find_dates(text, published=ctx.job.published, tense=tense)
            for tense in _READ_TENSES
        }
        told = _dates.infer_tense(ctx.job.body[earlier.start : earlier.end])
        found = [
            _in_its_clause(ctx, earlier.start, d, readings)
            for d in readings["future" if told == "future" else "past"]
        ]
        found = [d for d in found if d.date is not None and d.precision == "day"]
        if found:
            return min(found, key=lambda d: (_depth(ctx, earlier.start + d.start), -d.start)).date
    return None


_READ_TENSES: tuple[_dates.Tense, ...] = ("past", "future")


def lead_day(ctx: Context) -> dt.date | None:
    """The day the article's first paragraph gives its news, told in the past, or None.

    What 'earlier in the day' or 'that morning' counts from when no day is written near it.
    """
    first = [s for s in ctx.sentences if s.paragraph == ctx.sentences[0].paragraph]
    if not first:
        return None
    text = ctx.job.body[first[0].start : first[-1].end]
    found = _dates.find_dates(text, published=ctx.job.published, tense="past")
    days = [d for d in found if d.date is not None and d.precision == "day" and d.offset is None]
    return days[0].date if days else None


def _in_its_clause(
    ctx: Context,
    start: int,
    phrase: _dates.DatePhrase,
    readings: dict[_dates.Tense, list[_dates.DatePhrase]],
) -> _dates.DatePhrase:
    """The phrase as read in the tense of its own clause, not the sentence's.

    `readings` holds the sentence's dates read in each tense. 'Merkel, who is due to speak
    today, spoke with May on Monday': the Monday gone by.
    """
    span = ctx.doc.char_span(start + phrase.start, start + phrase.end, alignment_mode="expand")
    if span is None:
        return phrase
    own: _dates.Tense = "future" if clause_tense(span.root) == "future" else "past"
    return next((d for d in readings[own] if d.start == phrase.start), phrase)


def _depth(ctx: Context, at: int) -> int:
    """How far below its sentence's main verb the word at `at` hangs.

    'Biden announced last Wednesday that troops would leave by May 1. He spoke with Ghani the
    same day': the day of the telling, not a deadline inside what was told.
    """
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    return 99 if span is None else depth(span[0])


def event_day(ctx: Context, event: str) -> dt.date | None:
    """The day the article gives an event that is not a meeting ('the vote'), or None.

    'The day before the vote' counts from 'the vote on December 11', 'the vote is scheduled
    for Monday' or 'the vote, which is due on Monday' elsewhere: a day-precise date whose
    words hang from the event's noun, or from the verb it is the subject or object of. A
    counted noun ('by 97 votes') is not the event.
    """
    for tok in ctx.doc:
        if tok.lemma_.lower() != event or any(c.dep_ == "nummod" for c in tok.children):
            continue
        sent = tok.sent
        tense: _dates.Tense = "future" if _dates.infer_tense(sent.text) == "future" else "past"
        for phrase in _dates.find_dates(sent.text, published=ctx.job.published, tense=tense):
            if phrase.date is None or phrase.precision != "day" or phrase.offset is not None:
                continue
            at = sent.start_char + phrase.start
            words = [t for t in sent if at <= t.idx < sent.start_char + phrase.end]
            if words and _hangs_from(words[0], tok):
                return phrase.date
    return None


def _hangs_from(word: Token, event: Token) -> bool:
    governed = event.dep_ in ("nsubj", "nsubjpass", "dobj")  # 'will hold the vote on May 2'
    owners = [event, event.head] if governed else [event]
    return any(owner.is_ancestor(word) for owner in owners)


def scene_date(ctx: Context, sentence: Sentence, names: list[str]) -> _dates.DatePhrase | None:
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
