"""Words for people: the contract's enum values, numbers and dates as a reader says them.

Shared by the HTML and Markdown pages so both read the same ("in person", "at least 20",
"Friday 10 January 2020"), never `in_person` or `at_least`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsbrief.daily.models import CalendarEntry, FigureReport, FigureTrack
from newsbrief.models import Figure

STATUS = {
    "planned": "planned",
    "held": "held",
    "cancelled": "cancelled",
    "rescheduled": "rescheduled",
    "proposed": "proposed",
}
FORMAT = {"in_person": "in person", "virtual": "virtual", "phone": "by phone", "unknown": ""}
PRECISION = {
    "day": "exact day",
    "week": "week only",
    "month": "month only",
    "year": "year only",
    "unknown": "date not stated",
}
METRIC = {
    "killed": "Killed",
    "wounded": "Wounded",
    "displaced": "Displaced",
    "population": "People present or affected",
    "missing": "Missing",
    "detained": "Detained",
    "aid": "Aid",
    "other": "Other",
}
KIND = {
    "state": "state",
    "government": "government",
    "organisation": "organisation",
    "armed_group": "armed group",
    "person": "person",
    "other": "other",
}
RELATION = {
    "latest": "latest",
    "earlier": "earlier",
    "same_source": "also in that article",
    "consistent": "agrees",
    "conflicting": "disagrees",
}
_HEDGE = {"approximately": "about ", "at_least": "at least ", "more_than": "more than "}
SOURCES_SHOWN = 6
"""How many articles a page names beside one value or meeting before 'and N more'."""


def label(table: dict[str, str], value: str) -> str:
    """The reader's word for an enum value (its own words, underscores as spaces, if unknown)."""
    return table.get(value, value.replace("_", " "))


def shown(ids: Sequence[str], limit: int = SOURCES_SHOWN) -> tuple[Sequence[str], str]:
    """The first `limit` ids, and ' and N more' for the rest ('' when none is left out).

    A toll a thousand outlets repeat stays one readable line; the JSON keeps every id.
    """
    rest = len(ids) - limit
    return ids[:limit], (f" and {rest} more" if rest > 0 else "")


def number(value: float | None) -> str:
    """1234 -> '1,234'; 2.5 -> '2.5'; None -> ''."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_value(fig: Figure | FigureReport) -> str:
    """The value as words: 'at least 20', 'about 3,000', '5–7', 'up to 40'."""
    if fig.qualifier == "range" and fig.upper is not None:
        return f"{number(fig.value)}–{number(fig.upper)}"
    if fig.qualifier == "up_to":
        return f"up to {number(fig.value)}"
    return _HEDGE.get(fig.qualifier, "") + number(fig.value)


_WHOLE = re.compile(r"(?:world|nation|country|state|province)-?wide|globally|overseas|abroad", re.I)


def track_title(track: FigureTrack) -> str:
    """'Killed in Samoa (people)': what a track counts, where."""
    where = f" in {track.place}" if track.place else ""
    if track.place and _WHOLE.fullmatch(track.place):
        where = f" {track.place}"  # 'Killed worldwide', not 'Killed in worldwide'
    unit = f" ({track.unit})" if track.unit else ""
    return f"{label(METRIC, track.metric)}{where}{unit}"


def day_label(day: dt.date) -> str:
    """'Friday 10 January 2020'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date | None) -> str:
    """'10 Jan 2020', or '' without a date."""
    return f"{day.day} {day:%b %Y}" if day else ""


def meeting_when(c: CalendarEntry) -> str:
    """When a meeting is, as precisely as known: a date, 'next week', or 'date not set'."""
    if c.date and c.date_precision in ("day", "unknown"):
        return f"{c.date:%a} {short_date(c.date)}"
    if c.date:
        return f"{label(PRECISION, c.date_precision)}: {short_date(c.date)}"
    return c.date_text or "date not set"


def precision_note(c: CalendarEntry) -> str:
    """How precise the date is ('week only'); '' when `meeting_when` already says there is none."""
    if c.date is None and not c.date_text and c.date_precision == "unknown":
        return ""
    return label(PRECISION, c.date_precision)


def participants(c: CalendarEntry) -> str:
    """'United States, Israel' or 'participants not named'."""
    return ", ".join(c.participants) or "participants not named"


def status_line(c: CalendarEntry) -> str:
    """'rescheduled' or, when reports differ, 'cancelled (earlier: planned)'."""
    current = label(STATUS, c.status)
    before = [label(STATUS, r.status) for r in c.status_reports if r.status != c.status]
    return f"{current} (earlier reports: {', '.join(before)})" if before else current
