"""Matched figures are scored on place and reported_by: token overlap, and null only = null."""

from __future__ import annotations

from typing import Any

import pytest

from newsbrief.evaluate import (
    EvalReport,
    evaluate,
    render_markdown,
    render_table,
    score_article,
    tokens_agree,
)
from newsbrief.models import Figure
from tests.evaluate.helpers import ev, gold_of, make_briefing

BODY = (
    "The health ministry said 20 people were killed in Rafah. "
    "Another 300 families fled the floods in the north."
)
GOLD_FIGURES: list[dict[str, Any]] = [
    {
        "metric": "killed",
        "value": 20,
        "value_text": "20",
        "place": "Rafah, Gaza",
        "reported_by": "Gaza Health Ministry",
        "quote": "20 people were killed in Rafah",
    },
    {
        "metric": "displaced",
        "value": 300,
        "value_text": "300",
        "place": None,
        "reported_by": None,
        "quote": "300 families fled the floods",
    },
]


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Rafah, Gaza", "Rafah"),  # one token set contains the other
        ("Gaza", "the southern Gaza Strip"),
        ("Gaza Health Ministry", "the Ministry of Health"),  # stop words do not count
        ("United Nations", "the U.N."),  # name aliases apply
        ("Israel's army", "Israel army"),  # a possessive 's is dropped
        ("northern Gaza Strip", "Gaza Strip city"),  # Jaccard 2/4 = 0.5
        (None, None),
        ("the", None),  # no content word counts as null
    ],
)
def test_values_that_agree(gold: str | None, predicted: str | None) -> None:
    assert tokens_agree(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Gaza", None),  # gold has a value, the prediction none
        (None, "Gaza"),  # and the other way round
        ("Rafah", "Khan Younis"),
        ("United States", "United Kingdom"),  # Jaccard 1/3
        ("North Gaza Strip", "North Sinai Egypt"),  # Jaccard 1/5
    ],
)
def test_values_that_do_not_agree(gold: str | None, predicted: str | None) -> None:
    assert not tokens_agree(gold, predicted)


def predicted(
    place: str | None, reported_by: str | None, displaced_place: str | None
) -> list[Figure]:
    return [
        Figure(
            metric="killed",
            value=20,
            value_text="20",
            place=place,
            reported_by=reported_by,
            evidence=[ev(BODY, "20 people were killed")],
        ),
        Figure(
            metric="displaced",
            value=300,
            value_text="300",
            place=displaced_place,
            evidence=[ev(BODY, "300 families fled")],
        ),
    ]


def test_place_and_reported_by_are_shares_of_matched_figures() -> None:
    figures = predicted("Rafah", "health ministry", displaced_place="the north")
    row = score_article("a", make_briefing(figures=figures), BODY, gold_of(figures=GOLD_FIGURES))
    assert row.figures.tp == 2
    # place: Rafah agrees; "the north" against gold's null does not
    assert (row.figure_place.correct, row.figure_place.total) == (1, 2)
    # reported_by: overlap by tokens, and null = null
    assert (row.figure_reported_by.correct, row.figure_reported_by.total) == (2, 2)


def test_a_missing_place_or_source_is_wrong_when_gold_has_one() -> None:
    figures = predicted(None, None, displaced_place=None)
    row = score_article("a", make_briefing(figures=figures), BODY, gold_of(figures=GOLD_FIGURES))
    assert row.figure_place.rate == 0.5 and row.figure_reported_by.rate == 0.5


def test_unmatched_figures_do_not_count() -> None:
    stray = Figure(
        metric="killed", value=7, value_text="7", place="Rafah", evidence=[ev(BODY, "Another")]
    )
    row = score_article("a", make_briefing(figures=[stray]), BODY, gold_of(figures=GOLD_FIGURES))
    assert row.figure_place.total == 0 and row.figure_place.rate is None


def report() -> EvalReport:
    figures = predicted("Rafah", "health ministry", displaced_place="the north")
    briefing = make_briefing(figures=figures)
    return evaluate([("01-rafah", briefing, BODY, gold_of(figures=GOLD_FIGURES), None)])


def test_totals_add_up_place_and_reported_by() -> None:
    totals = report().totals
    assert (totals.figure_place.correct, totals.figure_place.total) == (1, 2)
    assert (totals.figure_reported_by.correct, totals.figure_reported_by.total) == (2, 2)


def test_place_and_reported_by_columns_in_table_markdown_and_json() -> None:
    header, _, row, total = render_markdown(report()).splitlines()[:4]
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    place, source = columns.index("Place acc"), columns.index("Reported-by acc")
    assert columns[place - 1] == "Metric acc"
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert (cells[place], cells[source]) == ("0.50 (1/2)", "1.00 (2/2)")
    assert "**0.50 (1/2)**" in total
    assert "Place acc" in render_table(report()) and "0.50 (1/2)" in render_table(report())
    data = report().model_dump(mode="json")["totals"]
    assert data["figure_place"] == {"correct": 1, "total": 2, "rate": 0.5}
    assert data["figure_reported_by"]["rate"] == 1.0
