"""Merging a day's briefings: one calendar entry per meeting, conflicting figures flagged."""

from __future__ import annotations

import datetime as dt

from newsbrief.daily.merge import merge_calendar, merge_figures, merge_parties, same_meeting
from newsbrief.daily.models import ArticleEntry
from newsbrief.daily.run import build_daily
from newsbrief.models import Figure, Meeting
from tests.daily_helpers import BODY_A, briefing, entry, ev, rafah_pair


def test_same_meeting_from_two_articles_is_one_calendar_entry() -> None:
    a, b = rafah_pair()
    calendar = merge_calendar([a, b])
    assert len(calendar) == 1
    entry_ = calendar[0]
    assert entry_.article_ids == ["a", "b"]
    assert entry_.date == dt.date(2024, 4, 1)
    assert {e.article_id for e in entry_.evidence} == {"a", "b"}
    assert {p.casefold() for p in entry_.participants} == {"united states", "israel"}
    assert entry_.statuses == {"a": "planned", "b": "planned"}
    assert entry_.date_precision == "day"


def test_meetings_merge_on_overlapping_description_without_a_date() -> None:
    m1 = Meeting(participants=["Egypt"], purpose="maritime border agreement", status="held")
    m2 = Meeting(
        participants=["Egypt", "Greece"], purpose="the maritime border agreement", status="held"
    )
    assert same_meeting(m1, m2)
    m3 = Meeting(participants=["Egypt"], purpose="gas pipeline", status="held")
    assert not same_meeting(m1, m3)


def test_different_dates_or_disjoint_participants_are_different_meetings() -> None:
    def talks(date: dt.date, *participants: str) -> Meeting:
        return Meeting(
            participants=list(participants), date=date, purpose="ceasefire talks", status="planned"
        )

    m1 = talks(dt.date(2024, 4, 1), "A", "B")
    m2 = talks(dt.date(2024, 4, 8), "A", "B")
    m3 = talks(dt.date(2024, 4, 1), "C", "D")
    assert not same_meeting(m1, m2)
    assert not same_meeting(m1, m3)


def test_calendar_sorted_by_date_with_nulls_last() -> None:
    body = "x"
    meetings = [
        Meeting(participants=["P"], purpose="alpha", status="planned"),
        Meeting(participants=["Q"], date=dt.date(2024, 5, 2), purpose="beta", status="held"),
        Meeting(participants=["R"], date=dt.date(2024, 5, 1), purpose="gamma", status="held"),
    ]
    e = entry("one", body, briefing(body, meetings=meetings))
    assert [c.purpose for c in merge_calendar([e])] == ["gamma", "beta", "alpha"]


def test_conflicting_figures_are_both_kept_and_flagged() -> None:
    a, b = rafah_pair()
    figures = merge_figures([a, b])
    assert [(f.article_id, f.value) for f in figures] == [("a", 20), ("b", 35)]
    assert all(f.conflict for f in figures)
    assert figures[0].conflicts_with == ["b"]
    assert figures[1].conflicts_with == ["a"]
    assert figures[0].evidence[0].article_id == "a"


def test_agreeing_or_placeless_figures_are_not_conflicts() -> None:
    def fig(value: float, place: str | None, as_of: dt.date | None = None) -> Figure:
        return Figure(metric="killed", value=value, value_text=str(value), place=place, as_of=as_of)

    def art(aid: str, *figs: Figure) -> ArticleEntry:
        return entry(aid, "x", briefing("x", aid, figures=list(figs)))

    rows = merge_figures(
        [
            art("a", fig(20, "Rafah"), fig(5, None), fig(7, "Gaza", dt.date(2024, 3, 1))),
            art("b", fig(20, "the Rafah"), fig(9, None), fig(8, "Gaza", dt.date(2024, 3, 2))),
        ]
    )
    assert len(rows) == 6
    assert not any(r.conflict for r in rows)


def test_parties_merge_case_insensitively_and_count_mentions() -> None:
    a, b = rafah_pair()
    parties = {p.name: p for p in merge_parties([a, b])}
    assert set(parties) == {"Israel", "Hamas"}
    assert parties["Israel"].article_ids == ["a", "b"]
    assert parties["Israel"].mention_count == 2
    assert parties["Israel"].kind == "state"


def test_failed_articles_are_left_out_of_merged_views() -> None:
    a, _ = rafah_pair()
    failed = ArticleEntry(id="z", status="error", error="ModelCallError: down", body=BODY_A)
    daily = build_daily(dt.date(2024, 3, 30), [a, failed])
    assert daily.stats.articles_ok == 1
    assert daily.stats.articles_failed == 1
    assert len(daily.calendar) == 1
    assert daily.calendar[0].article_ids == ["a"]
    assert ev(BODY_A, "Hamas")[0].start == BODY_A.index("Hamas")
