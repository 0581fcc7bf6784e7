"""The day's upcoming meetings as an iCalendar file (RFC 5545), written with `icalendar`.

One all-day event per upcoming meeting that has a date (a meeting known only to the week,
or not at all, cannot be put on a calendar and stays on the page). Every value is plain
text; `icalendar` escapes it. The file is deterministic: its DTSTAMP is the day briefed,
and each UID is derived from the meeting's date, participants and purpose, so a re-run
updates the same events in a subscribed calendar instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from newsbrief.daily.labels import FORMAT, PRECISION, label, participants, status_line
from newsbrief.daily.merge import with_views
from newsbrief.daily.models import ArticleEntry, CalendarEntry, DailyBriefing
from newsbrief.daily.stories import outlet

PRODID = "-//newsbrief//daily briefing//EN"
_ICAL_STATUS = {"planned": "CONFIRMED", "rescheduled": "CONFIRMED", "proposed": "TENTATIVE"}


def _uid(c: CalendarEntry) -> str:
    key = "|".join([str(c.date), *sorted(p.casefold() for p in c.participants), c.purpose or ""])
    return hashlib.sha256(key.encode()).hexdigest()[:24] + "@newsbrief"


def _description(c: CalendarEntry, articles: dict[str, ArticleEntry]) -> str:
    sources = [
        f"{outlet(articles[a]) or a}: {articles[a].title or a}" if a in articles else a
        for a in c.article_ids
    ]
    lines = [
        f"Participants: {participants(c)}",
        f"Status: {status_line(c)}",
        f"Date as written: {c.date_text or 'not stated'} ({label(PRECISION, c.date_precision)})",
    ]
    if c.format != "unknown":
        lines.append(f"Format: {label(FORMAT, c.format)}")
    return "\n".join([*lines, "Sources:", *(f"- {s}" for s in sources)])


def _event(c: CalendarEntry, stamp: dt.datetime, articles: dict[str, ArticleEntry]) -> Event:
    assert c.date is not None
    event = Event()
    event.add("uid", _uid(c))
    event.add("dtstamp", stamp)
    event.add("dtstart", c.date)
    event.add("dtend", c.date + dt.timedelta(days=1))
    event.add("summary", c.purpose or f"Meeting: {participants(c)}")
    if c.location:
        event.add("location", c.location)
    event.add("description", _description(c, articles))
    event.add("status", _ICAL_STATUS.get(c.status, "TENTATIVE"))
    event.add("categories", [label({}, c.status)])
    return event


def daily_ics(daily: DailyBriefing) -> str:
    """The upcoming meetings of `daily` that have a date, as the text of an `.ics` file."""
    d = with_views(daily)
    articles = {e.id: e for e in d.articles}
    stamp = dt.datetime.combine(d.date, dt.time(), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Upcoming meetings, briefing of {d.date.isoformat()}")
    for c in d.agenda.upcoming:
        if c.date is not None:
            cal.add_component(_event(c, stamp, articles))
    data: bytes = cal.to_ical()
    return data.decode("utf-8")
