"""Merging a day's briefings: one calendar entry per meeting, figure tracks, folded parties."""

from __future__ import annotations

import datetime as dt

from newsbrief.daily.figures import track_figures
from newsbrief.daily.merge import merge_calendar, merge_figures, merge_parties, same_meeting
from newsbrief.daily.models import ArticleEntry
from newsbrief.daily.run import build_daily
from newsbrief.models import Figure, Meeting, Party
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


def test_a_later_toll_is_a_revision_not_a_conflict() -> None:
    a, b = rafah_pair()  # at least 20 on 30 March, 35 on 31 March
    figures = merge_figures([a, b])
    assert [(f.article_id, f.value) for f in figures] == [("a", 20), ("b", 35)]
    assert not any(f.conflict for f in figures)
    assert figures[0].evidence[0].article_id == "a"
    assert figures[0].track == figures[1].track == "day-killed-rafah"


def _fig(value: float, text: str, qualifier: str = "exact", **kw: object) -> Figure:
    return Figure.model_validate(
        {
            "metric": "killed",
            "value": value,
            "value_text": text,
            "qualifier": qualifier,
            "place": "Rafah",
            **kw,
        }
    )


def _art(aid: str, *figs: Figure, day: dt.date = dt.date(2024, 3, 30)) -> ArticleEntry:
    return entry(aid, "x", briefing("x", aid, figures=list(figs)), day)


def test_sources_that_disagree_on_the_same_day_conflict_once_per_value() -> None:
    day = [_art("a", _fig(20, "20")), *(_art(f"b{i}", _fig(35, "35")) for i in range(5))]
    figures = merge_figures(day)
    assert all(f.conflict for f in figures)
    # the value against 'a' is named once, with how many give it and its first sources
    [against_a] = figures[0].conflicting_values
    assert (against_a.value, against_a.article_count) == (35, 5)
    assert against_a.article_ids == figures[0].conflicts_with == ["b0", "b1", "b2"]
    assert all(f.conflicts_with == ["a"] for f in figures[1:])
    assert all(
        [(v.value, v.article_count) for v in f.conflicting_values] == [(20, 1)] for f in figures[1:]
    )
    tracks, _ = track_figures("s1", day)
    [track] = tracks
    assert track.conflict and track.latest.value == 35
    assert track.latest.article_ids == ["b0", "b1", "b2", "b3", "b4"]
    assert [(o.value, o.relation, o.article_ids) for o in track.others] == [
        (20, "conflicting", ["a"])
    ]


def test_hedged_values_that_overlap_agree() -> None:
    day = [_art("a", _fig(20, "at least 20", "at_least")), _art("b", _fig(27, "27"))]
    [track], _ = track_figures("s1", day)
    assert not track.conflict
    assert track.latest.value == 27 and track.others[0].relation == "consistent"
    assert not any(f.conflict for f in merge_figures(day))


def test_values_one_article_gives_beside_the_main_one_are_same_source() -> None:
    body_fig = [_fig(62, "at least 62", "at_least"), _fig(54, "54 children")]
    day = [_art("a", *body_fig, day=dt.date(2019, 12, 7)), _art("b", _fig(81, "81"))]
    day[1] = day[1].model_copy(update={"published": dt.date(2020, 1, 1)})
    [track], _ = track_figures("s1", day)
    assert track.latest.value == 81 and track.latest.when == dt.date(2020, 1, 1)
    assert {o.value: o.relation for o in track.others} == {62: "earlier", 54: "same_source"}


def test_figures_without_a_place_are_never_compared() -> None:
    def fig(value: float, place: str | None, as_of: dt.date | None = None) -> Figure:
        return Figure(metric="killed", value=value, value_text=str(value), place=place, as_of=as_of)

    rows = merge_figures(
        [
            _art("a", fig(20, "Rafah"), fig(5, None), fig(7, "Gaza", dt.date(2024, 3, 1))),
            _art("b", fig(20, "the Rafah"), fig(9, None), fig(8, "Gaza", dt.date(2024, 3, 2))),
        ]
    )
    assert len(rows) == 6
    assert not any(r.conflict for r in rows)
    assert len({r.track for r in rows}) == 4  # Rafah, Gaza (7 then 8), two unplaced


def test_parties_merge_case_insensitively_and_count_mentions() -> None:
    a, b = rafah_pair()
    parties = {p.name: p for p in merge_parties([a, b])}
    assert set(parties) == {"Israel", "Hamas"}
    assert parties["Israel"].article_ids == ["a", "b"]
    assert parties["Israel"].mention_count == 2
    assert parties["Israel"].kind == "state"


def test_party_names_fold_abbreviations_and_spelling() -> None:
    def art(aid: str, *names: str) -> ArticleEntry:
        parties = [Party(name=n, kind="organisation") for n in names]
        return entry(aid, "x", briefing("x", aid, parties=parties))

    parties = merge_parties(
        [
            art("a", "U.N. Security Council", "WHO", "Government of Samoa"),
            art("b", "United Nations Security Council", "World Health Organisation"),
            art("c", "UN Security Council", "Samoa government", "Who Cares Trust"),
        ]
    )
    rows = {p.name: p for p in parties}
    council = rows["United Nations Security Council"]
    assert council.article_ids == ["a", "b", "c"]
    assert set(council.aliases) == {"U.N. Security Council", "UN Security Council"}
    assert rows["World Health Organisation"].aliases == ["WHO"]
    assert rows["Government of Samoa"].article_ids == ["a", "c"]
    assert "Who Cares Trust" in rows


def test_participants_fold_and_many_reports_merge_through_the_index() -> None:
    meeting = Meeting(
        participants=["US", "Israel"], date=dt.date(2024, 4, 1), purpose="Rafah", status="planned"
    )
    other = Meeting(
        participants=["United States", "israel"],
        date=dt.date(2024, 4, 1),
        purpose="talks",
        status="planned",
    )
    day = [entry(f"a{i}", "x", briefing("x", meetings=[meeting])) for i in range(300)]
    day.append(entry("z", "x", briefing("x", meetings=[other])))
    distinct = [
        Meeting(participants=[f"P{i}", f"Q{i}"], date=dt.date(2024, 4, 1), status="planned")
        for i in range(300)
    ]
    day.append(entry("many", "x", briefing("x", meetings=distinct)))
    calendar = merge_calendar(day)
    assert len(calendar) == 301
    merged = next(c for c in calendar if len(c.article_ids) > 1)
    assert len(merged.article_ids) == 301 and merged.id.startswith("m")
    assert merged.status_reports[0].status == "planned"
    assert len(merged.status_reports) == 1  # one line per distinct status, not per copy


def test_failed_articles_are_left_out_of_merged_views() -> None:
    a, _ = rafah_pair()
    failed = ArticleEntry(id="z", status="error", error="ModelCallError: down", body=BODY_A)
    daily = build_daily(dt.date(2024, 3, 30), [a, failed])
    assert daily.stats.articles_ok == 1
    assert daily.stats.articles_failed == 1
    assert len(daily.calendar) == 1
    assert daily.calendar[0].article_ids == ["a"]
    assert ev(BODY_A, "Hamas")[0].start == BODY_A.index("Hamas")
