"""The agenda against the day briefed, and the upcoming meetings as an iCalendar file."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from newsbrief.daily.calendar import merge_calendar, split_agenda, timing
from newsbrief.daily.ics import daily_ics
from newsbrief.daily.merge import assemble_daily
from newsbrief.daily.models import DailyStats
from newsbrief.models import Meeting
from tests.daily_helpers import briefing, entry

DAY = dt.date(2024, 3, 30)
STATS = DailyStats(
    articles_ok=1, articles_failed=0, model_calls=0, cache_hits=0, tokens=0, wall_s=0
)


def _meeting(who: str, status: str, date: dt.date | None = None, **kw: object) -> Meeting:
    return Meeting.model_validate(
        {"participants": [who, "Israel"], "status": status, "date": date, **kw}
    )


def _day() -> list[Meeting]:
    return [
        _meeting(
            "US",
            "rescheduled",
            dt.date(2024, 4, 1),
            date_precision="day",
            format="virtual",
            purpose="Rafah alternatives",
            date_text="on Monday",
        ),
        _meeting(
            "Qatar",
            "planned",
            None,
            date_precision="week",
            date_text="next week",
            location="Doha",
            format="in_person",
        ),
        _meeting("Egypt", "held", dt.date(2024, 3, 22), location="Cairo"),
        _meeting("Jordan", "cancelled", dt.date(2024, 3, 25)),
        _meeting("France", "planned", dt.date(2024, 3, 20)),
        _meeting("UK", "proposed", dt.date(2024, 4, 9), purpose='talks; "ceasefire", now'),
    ]


def test_timing_against_the_day() -> None:
    assert timing("planned", dt.date(2024, 3, 30), DAY) == "upcoming"
    assert timing("planned", dt.date(2024, 3, 29), DAY) == "unclear"
    assert timing("proposed", None, DAY) == "upcoming"
    assert timing("rescheduled", None, None) == "upcoming"
    assert timing("held", dt.date(2024, 4, 2), DAY) == "held"
    assert timing("cancelled", None, DAY) == "cancelled"


def test_an_undated_plan_is_ahead_only_while_its_week_month_or_year_can_be() -> None:
    told = DAY - dt.timedelta(days=20)
    assert timing("planned", None, DAY, told=told, precision="week") == "unclear"
    assert timing("planned", None, DAY, told=told, precision="month") == "upcoming"
    assert timing("planned", None, DAY, told=DAY - dt.timedelta(days=400), precision="year") == (
        "upcoming"
    )
    assert timing("planned", None, DAY, told=DAY - dt.timedelta(days=90)) == "unclear"
    assert timing("planned", None, DAY, told=DAY, precision="week") == "upcoming"


def test_agenda_splits_the_calendar() -> None:
    calendar = merge_calendar([entry("a", "x", briefing("x", meetings=_day()))], DAY)
    agenda = split_agenda(calendar)
    assert [c.participants[0] for c in agenda.upcoming] == ["US", "UK", "Qatar"]
    assert [c.participants[0] for c in agenda.held] == ["Egypt"]
    assert [c.participants[0] for c in agenda.cancelled] == ["Jordan"]
    assert [c.participants[0] for c in agenda.unclear] == ["France"]
    qatar = agenda.upcoming[-1]
    assert (qatar.date, qatar.date_precision, qatar.location) == (None, "week", "Doha")


def test_a_later_status_wins_and_earlier_ones_are_listed_once() -> None:
    talks = dict(participants=["US", "Israel"], date=dt.date(2024, 4, 1), purpose="Rafah")
    reports = [
        entry(aid, "x", briefing("x", meetings=[Meeting.model_validate({**talks, "status": s})]), d)
        for aid, s, d in [
            ("a", "planned", dt.date(2024, 3, 28)),
            ("b", "planned", dt.date(2024, 3, 29)),
            ("c", "cancelled", dt.date(2024, 3, 30)),
        ]
    ]
    [c] = merge_calendar(reports, DAY)
    assert c.status == "cancelled" and c.timing == "cancelled"
    assert [(r.status, r.article_ids) for r in c.status_reports] == [
        ("planned", ["a", "b"]),
        ("cancelled", ["c"]),
    ]


def test_upcoming_meetings_as_ics_parse_back() -> None:
    day = assemble_daily(DAY, [entry("a", "x", briefing("x", "Talks", meetings=_day()))], STATS)
    text = daily_ics(day)
    assert text == daily_ics(day)  # deterministic: no clock, stable UIDs
    cal = Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [dt.date(2024, 4, 1), dt.date(2024, 4, 9)]
    first, second = events
    assert str(first["summary"]) == "Rafah alternatives"
    assert str(first["status"]) == "CONFIRMED" and str(second["status"]) == "TENTATIVE"
    assert "Participants: US, Israel" in str(first["description"])
    assert "Status: rescheduled" in str(first["description"])
    assert "virtual" in str(first["description"]) and "in_person" not in text
    assert str(second["summary"]) == 'talks; "ceasefire", now'  # escaped and read back whole
    assert len({str(e["uid"]) for e in events}) == 2
