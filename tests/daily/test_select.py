"""Choosing the day's articles: a date, a window, or the newest day, with a note."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.select import select_day
from newsbrief.errors import UsageError
from newsbrief.text.article import Article

D = dt.date


def _item(aid: str, published: dt.date | None) -> InputArticle:
    return InputArticle(aid, f"{aid}.txt", Article(body="Some text.", published=published))


ITEMS = [
    _item("old", D(2024, 3, 28)),
    _item("mid", D(2024, 3, 29)),
    _item("new1", D(2024, 3, 30)),
    _item("undated", None),
    InputArticle("broken", "broken.txt", error="not UTF-8"),
    _item("new2", D(2024, 3, 30)),
]


def ids(items: list[InputArticle]) -> list[str]:
    return [i.id for i in items]


def test_a_date_keeps_that_day_and_undated_articles_marked() -> None:
    chosen = select_day(ITEMS, date=D(2024, 3, 29))
    assert chosen.day == D(2024, 3, 29)
    assert ids(chosen.items) == ["mid", "undated", "broken"]
    cov = chosen.coverage
    assert (cov.mode, cov.kept, cov.left_out) == ("date", 3, 3)
    assert cov.undated_article_ids == ["undated"]
    assert cov.note == (
        "Kept 1 of 4 dated inputs, those published on 2024-03-29 and 2 without a date; "
        "the inputs are published over 3 days, 2024-03-28 to 2024-03-30."
    )


def test_without_a_date_the_newest_day_is_briefed_with_a_note() -> None:
    chosen = select_day(ITEMS)
    assert chosen.day == D(2024, 3, 30)
    assert ids(chosen.items) == ["new1", "undated", "broken", "new2"]
    assert chosen.coverage.mode == "newest"
    assert chosen.coverage.note is not None and "--date" in chosen.coverage.note


def test_a_window_keeps_its_days_and_titles_with_its_end() -> None:
    chosen = select_day(ITEMS, since=D(2024, 3, 29), until=D(2024, 3, 30))
    assert ids(chosen.items) == ["mid", "new1", "undated", "broken", "new2"]
    assert chosen.day == D(2024, 3, 30)
    open_end = select_day(ITEMS, since=D(2024, 3, 29))
    assert open_end.day == D(2024, 3, 30) and open_end.coverage.until is None
    assert select_day(ITEMS, until=D(2024, 3, 28)).day == D(2024, 3, 28)


def test_one_day_of_inputs_needs_no_note_and_no_dates_give_no_day() -> None:
    same = [_item("a", D(2024, 3, 30)), _item("b", D(2024, 3, 30))]
    chosen = select_day(same)
    assert chosen.coverage.note is None and chosen.day == D(2024, 3, 30)
    nothing = select_day([_item("a", None)])
    assert nothing.day is None and nothing.coverage.mode == "all"
    assert ids(nothing.items) == ["a"]


def test_an_empty_day_says_so() -> None:
    chosen = select_day(ITEMS, date=D(2020, 1, 10))
    assert ids(chosen.items) == ["undated", "broken"]
    assert chosen.coverage.note is not None
    assert chosen.coverage.note.startswith("No input published on 2020-01-10")


def test_bad_arguments() -> None:
    with pytest.raises(UsageError):
        select_day(ITEMS, date=D(2024, 3, 30), since=D(2024, 3, 1))
    with pytest.raises(UsageError):
        select_day(ITEMS, since=D(2024, 3, 30), until=D(2024, 3, 1))
