"""Meeting dates that need the article around the sentence: an earlier day, the scene's day.

`status_by_date` tells planned from held by a resolved date; `earlier_day` is the day a
'the following day' counts from; `scene_date` dates a held meeting by the sentence before.
"""

from __future__ import annotations

import datetime as dt

from newsbrief.models import MeetingStatus
from newsbrief.strategies.candidates.context import Context, Sentence, known_names
from newsbrief.text import dates as _dates
from newsbrief.text.events import MeetingMention


def status_by_date(ctx: Context, mention: MeetingMention) -> MeetingStatus | None:
    """Neither the tense nor a model says: a resolved date before or after publication does."""
    date = mention.date.date if mention.date else None
    if date is None and mention.date is not None:
        way = _dates.direction(mention.date.text)  # 'who is meeting B next week'
        return "planned" if way == "ahead" else ("held" if way == "behind" else None)
    if date is None or ctx.job.published is None:
        return None
    return "planned" if date > ctx.job.published else "held"


def earlier_day(ctx: Context, sentence: Sentence, before: int) -> dt.date | None:
    """The last day-precise date written before `before`, in this or the three sentences before.

    Each is read in its own sentence's tense: 'will travel on Sunday and meet them the
    following day' counts from the coming Sunday.
    """
    index = next(i for i, s in enumerate(ctx.sentences) if s.start == sentence.start)
    for earlier in reversed(ctx.sentences[max(0, index - 3) : index + 1]):
        text = ctx.job.body[earlier.start : min(earlier.end, before)]
        tense = _dates.infer_tense(ctx.job.body[earlier.start : earlier.end])
        found = [
            d
            for d in _dates.find_dates(
                text,
                published=ctx.job.published,
                tense="future" if tense == "future" else "past",
            )
            if d.date is not None and d.precision == "day"
        ]
        if found:
            return found[-1].date
    return None


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
