"""Long articles are briefed in overlapping parts and every offset maps back to the full body."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief import Settings, abrief
from newsbrief.models import Evidence, Meeting
from newsbrief.strategies.candidates import FigureAnswer, MeetingAnswer
from newsbrief.strategies.chunking import merge_meetings, split
from tests.askers import CannedAsker
from tests.texts import long_article


def canned_answer(response_model: type[Any]) -> Any:
    """Every number was a killing and every meeting sentence a held meeting."""
    if response_model is FigureAnswer:
        return FigureAnswer(metric="killed")
    return MeetingAnswer(is_meeting=True, status="held")


@pytest.mark.parametrize("limit", [500, 2_000, 8_000])
def test_parts_cover_the_body_within_the_limit_and_overlap(limit: int) -> None:
    body = long_article(3_000)
    windows = split(body, limit, overlap=300)
    assert windows[0][0] == 0 and windows[-1][1] == len(body)
    for (start, end), (next_start, _) in zip(windows, windows[1:], strict=False):
        assert end - start <= limit
        assert next_start <= end  # no gap: consecutive parts touch or overlap
        assert body[end - 1] in '."”’)' or body[end : end + 1].isspace() or end - start == limit


def test_a_short_article_is_one_part() -> None:
    assert split("One sentence. Two.", 100, 10) == [(0, 18)]


@given(st.text(min_size=1, max_size=3_000), st.integers(50, 600))
def test_split_never_loses_text(body: str, limit: int) -> None:
    windows = split(body, limit, overlap=limit // 4)
    covered = set()
    for start, end in windows:
        assert 0 <= start < end <= len(body)
        covered.update(range(start, end))
    assert covered == set(range(len(body)))


def test_a_20000_word_article_is_briefed_in_parts_with_offsets_into_the_full_body() -> None:
    body = long_article(20_000)
    llm = CannedAsker(canned_answer)
    settings = Settings(strategy="candidates", chunk_chars=8_000)
    result = asyncio.run(abrief(body, published="2024-03-30", settings=settings, asker=llm))

    facts = [
        f
        for k in ("parties", "people", "positions", "meetings", "figures", "sources")
        for f in getattr(result, k)
    ]
    evidence = [e for f in facts for e in f.evidence]
    assert all(body[e.start : e.end] == e.quote for e in evidence)
    assert max(e.end for e in evidence) > len(body) - 8_000  # facts from the last part
    figure_spans = [(f.value, f.evidence[0].start) for f in result.figures]
    assert len(figure_spans) == len(set(figure_spans))  # the overlap is not counted twice
    assert llm.calls > 0


def _meeting(
    people: list[str], start: int, end: int, status: str = "held", date: str | None = None
) -> Meeting:
    when = dt.date.fromisoformat(date) if date else None
    return Meeting(
        participants=people,
        date=when,
        date_text=f"on {date}" if date else None,
        date_precision="day" if date else "unknown",
        status=status,
        evidence=[Evidence(quote="x" * (end - start), start=start, end=end)],
    )


def test_a_meeting_in_the_overlap_is_kept_once_even_when_quoted_differently() -> None:
    whole_sentence = _meeting(["Ana Ruiz", "Omar Haddad"], 7_600, 7_700)
    own_words = _meeting(["Ana Ruiz", "Omar Haddad"], 7_640, 7_660)
    assert merge_meetings([[whole_sentence], [own_words]]) == [
        whole_sentence.model_copy(
            update={"evidence": [*whole_sentence.evidence, *own_words.evidence]}
        )
    ]


def test_the_same_meeting_told_in_two_parts_is_one_and_keeps_the_date() -> None:
    first = _meeting(["Life and Liberty Party"], 100, 140)
    later = _meeting(["L&L"], 9_000, 9_090, date="2024-06-27")
    [merged] = merge_meetings([[first], [later]])
    assert merged.participants == ["Life and Liberty Party"]
    assert (merged.date, merged.date_text) == (dt.date(2024, 6, 27), "on 2024-06-27")
    assert [e.start for e in merged.evidence] == [100, 9_000]


@pytest.mark.parametrize(
    "later",
    [
        _meeting(["Ana Ruiz", "Omar Haddad"], 9_000, 9_050, date="2024-03-20"),  # another day
        _meeting(["Ana Ruiz", "Li Wei"], 9_000, 9_050, date="2024-03-25"),  # someone else
        _meeting(["Ana Ruiz", "Omar Haddad"], 9_000, 9_050, "planned", "2024-03-25"),
    ],
)
def test_meetings_that_differ_stay_apart(later: Any) -> None:
    first = _meeting(["Ana Ruiz", "Omar Haddad"], 100, 150, date="2024-03-25")
    assert merge_meetings([[first], [later]]) == [first, later]


def test_one_parts_own_meetings_are_never_merged() -> None:
    one = _meeting(["Ana Ruiz", "Omar Haddad"], 100, 150)
    two = _meeting(["Ana Ruiz", "Omar Haddad"], 400, 450)
    assert merge_meetings([[one, two]]) == [one, two]
