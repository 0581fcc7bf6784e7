"""The day's merge grows with its articles, not with their square.

One small day (two outlets that disagree on a toll, an earlier toll, a shared meeting, and
one meeting per article on a day of its own) is copied 10 and 100 times. Ten times the
copies must give at most ten times the merged output and at most ten times the work,
counted as the lines of `newsbrief.daily` that run, never timed. A merge that compared
every pair of copies, or listed every copy on every conflicting figure, gives ~100 times.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import newsbrief.daily
from newsbrief.daily.merge import assemble_daily
from newsbrief.daily.models import ArticleEntry, DailyBriefing, DailyStats
from newsbrief.daily.render import daily_html, daily_markdown
from newsbrief.models import Figure, Meeting
from tests.daily_helpers import briefing, entry, rafah_pair

DAY = dt.date(2024, 3, 31)
DAILY = str(Path(newsbrief.daily.__file__).parent)
STATS = DailyStats(
    articles_ok=0, articles_failed=0, model_calls=0, cache_hits=0, tokens=0, wall_s=0
)


def _own_meeting(k: int) -> Meeting:
    """A meeting of the same two states as everyone's, on a date no other copy reports."""
    return Meeting(
        participants=["United States", "Israel"],
        date=dt.date(2024, 4, 2) + dt.timedelta(days=k),
        purpose=f"round {k} of technical talks",
        status="planned",
    )


def day_of(copies: int) -> list[ArticleEntry]:
    """`copies` copies of a three-article day, each article with a meeting of its own."""
    a, b = rafah_pair()  # at least 20 killed on 30 March (a), 35 on 31 March (b)
    fifty = Figure(metric="killed", value=50, value_text="50", place="Rafah", unit="people")
    c = entry("c", "x", briefing("x", "C", figures=[fifty]), DAY)  # disagrees with b
    day: list[ArticleEntry] = []
    for k in range(copies):
        for n, original in enumerate((a, b, c)):
            assert original.briefing is not None
            meetings = [*original.briefing.meetings, _own_meeting(3 * k + n)]
            copy = original.briefing.model_copy(update={"meetings": meetings})
            day.append(original.model_copy(update={"id": f"{original.id}{k}", "briefing": copy}))
    return day


@contextmanager
def lines_run() -> Iterator[list[int]]:
    """Count the lines of `newsbrief.daily` that run inside the block (a deterministic cost)."""
    count = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "line":
            count[0] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(DAILY) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield count
    finally:
        sys.settrace(previous)


@pytest.fixture(scope="module")
def days() -> dict[int, DailyBriefing]:
    """The day merged at 10 and at 100 copies."""
    return {n: assemble_daily(DAY, day_of(n), STATS) for n in (10, 100)}


def ratio(measure: Callable[[int], float]) -> float:
    return measure(100) / measure(10)


def test_a_conflict_names_each_value_once_however_many_copies(
    days: dict[int, DailyBriefing],
) -> None:
    daily = days[100]
    flagged = [f for f in daily.figures if f.conflict]
    assert {f.value for f in flagged} == {35, 50}  # b and c disagree on 31 March
    assert not any(f.conflict for f in daily.figures if f.value == 20)  # a's toll is earlier
    for figure in flagged:
        [value] = figure.conflicting_values
        assert value.value == ({35, 50} - {figure.value}).pop()
        assert value.article_count == 100
        assert len(value.article_ids) == len(figure.conflicts_with) == 3
    [track] = daily.stories[0].figures
    assert track.conflict and sorted(len(r.article_ids) for r in track.others) == [100, 100]


def test_ten_times_the_copies_give_at_most_ten_times_the_merged_output(
    days: dict[int, DailyBriefing],
) -> None:
    def views_json(copies: int) -> float:
        return len(days[copies].model_dump_json(exclude={"articles"}))

    def conflict_entries(copies: int) -> float:
        figures = days[copies].figures
        return sum(len(f.conflicts_with) + len(f.conflicting_values) for f in figures)

    assert ratio(views_json) <= 10.0
    assert ratio(conflict_entries) <= 10.0


def test_ten_times_the_copies_give_at_most_ten_times_the_pages(
    days: dict[int, DailyBriefing],
) -> None:
    assert ratio(lambda n: len(daily_markdown(days[n]))) <= 10.0
    assert ratio(lambda n: len(daily_html(days[n]))) <= 10.0


def test_ten_times_the_copies_take_at_most_ten_times_the_merge_work() -> None:
    def work(copies: int) -> float:
        day = day_of(copies)
        with lines_run() as count:
            assemble_daily(DAY, day, STATS)
        return count[0]

    # calendar, parties, stories and figure tracks; comparing every pair would be ~100
    assert ratio(work) <= 10.5
