"""Which inputs a daily briefing covers: the day is the day the articles were published.

```python
items = iter_inputs(paths, default_date=None)     # keep undated articles undated
chosen = select_day(items, date=day)              # or since=/until=, or neither
daily = ... run over chosen.items, titled chosen.day, coverage=chosen.coverage
```

* `date=D` keeps the articles published on D;
* `since`/`until` keep a window (either end may be open);
* with neither, the day is the newest publication date among the inputs, and only its
  articles are kept.

Articles without a publication date are always kept and listed in
`coverage.undated_article_ids`, so the page can mark them; inputs that could not be read
are kept too (they are reported as failures). `coverage.note` is one line whenever the
inputs span several days or nothing was published on the day. The day briefed is never
today's date unless asked for: without any dated input and no date given, it is None and
the caller decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import Coverage
from newsbrief.errors import UsageError


@dataclass(frozen=True)
class Selection:
    """The inputs a day covers, the day that titles it, and how they were chosen."""

    day: dt.date | None
    items: list[InputArticle]
    coverage: Coverage


def _published(item: InputArticle) -> dt.date | None:
    return item.article.published if item.article is not None else None


def _span(dates: list[dt.date]) -> str:
    first, last = min(dates), max(dates)
    if first == last:
        return f"all published {first.isoformat()}"
    days = (last - first).days + 1
    return f"published over {days} days, {first.isoformat()} to {last.isoformat()}"


def select_day(
    items: list[InputArticle],
    *,
    date: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Selection:
    """Keep the inputs of one day or window (see the module docstring).

    Args:
        items: Inputs from `iter_inputs(..., default_date=None)`, in input order.
        date: Keep the articles published on this day.
        since: Keep the articles published on or after this day (with `until`: a window).
        until: Keep the articles published on or before this day.

    Returns:
        The kept inputs in input order, the day that titles the briefing (`date`, else
        `until`, else the newest kept publication date, else `since`), and the coverage.

    Raises:
        UsageError: `date` given with `since`/`until`, or `since` after `until`.
    """
    if date is not None and (since is not None or until is not None):
        raise UsageError("give either a date or a since/until window, not both")
    if since is not None and until is not None and since > until:
        raise UsageError(f"since {since.isoformat()} is after until {until.isoformat()}")
    dates = [d for d in map(_published, items) if d is not None]
    mode: Literal["date", "window", "newest", "all"] = (
        "date" if date else "window" if since or until else "newest" if dates else "all"
    )
    if mode == "newest":
        date = max(dates)
    lo, hi = (date, date) if date else (since, until)

    def inside(d: dt.date | None) -> bool:
        return d is None or ((lo is None or d >= lo) and (hi is None or d <= hi))

    kept = [item for item in items if inside(_published(item))]
    kept_dates = [d for d in map(_published, kept) if d is not None]
    day = date or until or (max(kept_dates) if kept_dates else since)
    coverage = Coverage(
        mode=mode,
        since=lo,
        until=hi,
        kept=len(kept),
        left_out=len(items) - len(kept),
        undated_article_ids=[
            i.id for i in kept if i.article is not None and not i.article.published
        ],
        note=_note(len(items), kept_dates, dates, mode, lo, hi),
    )
    return Selection(day=day, items=kept, coverage=coverage)


def _note(
    total: int,
    kept_dates: list[dt.date],
    dates: list[dt.date],
    mode: str,
    lo: dt.date | None,
    hi: dt.date | None,
) -> str | None:
    """One line when the inputs span several days or none falls on the day, else None."""
    kept = len(kept_dates)
    if not dates or (len(set(dates)) == 1 and kept == len(dates)):
        return None
    what = {
        "date": f"published on {lo.isoformat() if lo else ''}",
        "newest": f"published on the newest day, {lo.isoformat() if lo else ''}",
    }.get(mode, f"published {_window(lo, hi)}")
    undated = total - len(dates)
    extra = f" and {undated} without a date" if undated else ""
    if kept == 0:
        return f"No input {what}{extra}: the dated inputs are {_span(dates)}."
    hint = " (choose with --date or --since/--until)" if mode == "newest" else ""
    return (
        f"Kept {kept} of {len(dates)} dated inputs, those {what}{hint}{extra}; "
        f"the inputs are {_span(dates)}."
    )


def _window(lo: dt.date | None, hi: dt.date | None) -> str:
    if lo and hi:
        return f"from {lo.isoformat()} to {hi.isoformat()}"
    return f"since {lo.isoformat()}" if lo else f"until {hi.isoformat() if hi else ''}"
