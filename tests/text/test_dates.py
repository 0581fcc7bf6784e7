"""Date expressions: table-driven resolution rules plus properties on arbitrary text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.text.dates import DatePhrase, Tense, anchored, find_dates, infer_tense, resolve

SAT = dt.date(2024, 3, 30)  # the seed article's publication date, a Saturday
D = dt.date

# (text, published, tense, expected date, expected precision)
RESOLVE = [
    # a week, month or year beyond the next or before the last: that span, no day
    ("put off until the week after next", SAT, "future", None, "week"),
    ("the month before last", SAT, "past", None, "month"),
    # a holiday on a fixed day is that day, in the year the tense chooses
    ("on Christmas Day", D(2020, 1, 3), "past", D(2019, 12, 25), "day"),
    ("late on New Year's Day", D(2020, 1, 3), "past", D(2020, 1, 1), "day"),
    ("on Christmas Eve", D(2020, 12, 10), "future", D(2020, 12, 24), "day"),
    ("Monday", SAT, "future", D(2024, 4, 1), "day"),
    ("on Monday", SAT, "future", D(2024, 4, 1), "day"),
    ("put off until April 9", SAT, "future", D(2024, 4, 9), "day"),  # the day, not the month
    ("until April, when", SAT, "future", None, "month"),
    ("on Monday", SAT, "past", D(2024, 3, 25), "day"),
    ("on Monday", SAT, "unknown", D(2024, 3, 25), "day"),
    ("met on Friday", SAT, "past", D(2024, 3, 29), "day"),
    ("Friday", SAT, "future", D(2024, 4, 5), "day"),
    ("next Monday", SAT, "past", D(2024, 4, 1), "day"),
    ("last Monday", SAT, "future", D(2024, 3, 25), "day"),
    ("this Monday", SAT, "future", D(2024, 4, 1), "day"),
    ("this coming Sunday", SAT, "unknown", D(2024, 3, 31), "day"),
    ("Saturday", SAT, "future", D(2024, 4, 6), "day"),
    ("Saturday", SAT, "past", D(2024, 3, 30), "day"),
    ("last Saturday", SAT, "past", D(2024, 3, 23), "day"),
    ("on Friday night", SAT, "past", D(2024, 3, 29), "day"),
    ("monday", SAT, "future", D(2024, 4, 1), "day"),
    ("on Monday", D(2019, 1, 4), "past", D(2018, 12, 31), "day"),
    ("today", SAT, "unknown", SAT, "day"),
    ("yesterday", SAT, "unknown", D(2024, 3, 29), "day"),
    ("tomorrow", SAT, "unknown", D(2024, 3, 31), "day"),
    ("last night", SAT, "past", D(2024, 3, 29), "day"),
    ("two days ago", SAT, "past", D(2024, 3, 28), "day"),
    ("last week", SAT, "past", None, "week"),
    ("on Tuesday last week", SAT, "unknown", D(2024, 3, 19), "day"),
    ("on Tuesday last week", SAT, "future", D(2024, 3, 19), "day"),
    ("Wednesday, next week", SAT, "past", D(2024, 4, 3), "day"),
    ("on Monday this week", SAT, "future", D(2024, 3, 25), "day"),
    ("next week", SAT, "future", None, "week"),
    ("the following week", SAT, "future", None, "week"),
    ("this week", SAT, "unknown", None, "week"),
    ("earlier this month", SAT, "past", None, "month"),
    ("next month", SAT, "future", None, "month"),
    ("last month", SAT, "past", None, "month"),
    ("March 22", SAT, "past", D(2024, 3, 22), "day"),
    ("February 20", SAT, "future", D(2025, 2, 20), "day"),
    ("May 15", SAT, "past", D(2023, 5, 15), "day"),
    # the guard: a reading a year off loses to one within a month
    ("March 22", SAT, "future", D(2024, 3, 22), "day"),
    ("April 15", SAT, "past", D(2024, 4, 15), "day"),
    ("March 22", SAT, "unknown", D(2024, 3, 22), "day"),
    ("22 March", SAT, "unknown", D(2024, 3, 22), "day"),
    ("On March 22", SAT, "past", D(2024, 3, 22), "day"),
    ("on October 8", SAT, "unknown", D(2023, 10, 8), "day"),
    ("October 7", SAT, "past", D(2023, 10, 7), "day"),
    ("April 2", SAT, "future", D(2024, 4, 2), "day"),
    ("April 2", SAT, "unknown", D(2024, 4, 2), "day"),
    ("the 2nd of April", SAT, "future", D(2024, 4, 2), "day"),
    ("October 15", D(2020, 10, 12), "past", D(2020, 10, 15), "day"),
    ("December 30", D(2020, 1, 2), "unknown", D(2019, 12, 30), "day"),
    ("January 3", D(2019, 12, 30), "future", D(2020, 1, 3), "day"),
    ("February 29", D(2025, 3, 1), "past", D(2024, 2, 29), "day"),
    ("March 22, 2024", SAT, "future", D(2024, 3, 22), "day"),
    ("22 March 2024", SAT, "future", D(2024, 3, 22), "day"),
    ("Monday, January 28, 2019", SAT, "unknown", D(2019, 1, 28), "day"),
    ("20 Nov 2019", SAT, "unknown", D(2019, 11, 20), "day"),
    ("2024-03-22", SAT, "unknown", D(2024, 3, 22), "day"),
    ("25/12/2023", SAT, "unknown", D(2023, 12, 25), "day"),
    ("in March", SAT, "past", None, "month"),
    ("March 2024", SAT, "past", None, "month"),
    ("March", SAT, "past", None, "month"),
    ("in 2023", SAT, "past", None, "year"),
    ("2023", SAT, "past", None, "year"),
    ("that day", SAT, "past", None, "day"),
    ("February 30", SAT, "unknown", None, "unknown"),
    ("2024-02-30", SAT, "unknown", None, "unknown"),
    ("soon", SAT, "future", None, "unknown"),
    ("", SAT, "unknown", None, "unknown"),
    ("on Monday", None, "future", None, "day"),
    ("March 22", None, "past", None, "day"),
    ("yesterday", None, "past", None, "day"),
    ("March 22, 2024", None, "past", D(2024, 3, 22), "day"),
    ("next week", None, "future", None, "week"),
    ("tomorrow", D(9999, 12, 31), "future", None, "day"),
    # words that keep a weekday on the publication day, even in the future tense
    ("later on Saturday", SAT, "future", SAT, "day"),
    ("earlier on Saturday", SAT, "past", SAT, "day"),
    ("this Saturday", SAT, "future", SAT, "day"),
    ("later on Tuesday", SAT, "future", D(2024, 4, 2), "day"),
    ("last Thursday", SAT, "unknown", D(2024, 3, 28), "day"),
    ("this weekend", SAT, "future", None, "week"),
    # a year word fixes the year of a month and day
    ("on March 20 last year", SAT, "past", D(2023, 3, 20), "day"),
    ("March 20 next year", SAT, "unknown", D(2025, 3, 20), "day"),
    ("5 May this year", SAT, "past", D(2024, 5, 5), "day"),
    ("the 2nd of April the following year", SAT, "past", D(2025, 4, 2), "day"),
    # dates told from another date or event: no date until the caller anchors them
    ("three days later", SAT, "past", None, "day"),
    ("the day the summit was to be held", SAT, "future", None, "day"),
    ("Monday", D(1, 1, 1), "past", D(1, 1, 1), "day"),  # the same weekday: that day
    ("Sunday", D(1, 1, 1), "past", None, "day"),  # would fall before year 1
]


@pytest.mark.parametrize(("text", "published", "tense", "date", "precision"), RESOLVE)
def test_resolve(
    text: str, published: dt.date | None, tense: Tense, date: dt.date | None, precision: str
) -> None:
    assert resolve(text, published, tense=tense) == (date, precision)


# (sentence, [(text, date, precision)]) with the seed's publication date and the given tense
FIND = [
    ("The United States and Israel will hold a virtual meeting on Monday.", "future",
     [("on Monday", D(2024, 4, 1), "day")]),
    ("The meeting was originally scheduled for last week.", "past",
     [("last week", None, "week")]),
    ("A second in-person meeting is planned for the following week.", "future",
     [("the following week", None, "week")]),
    ("On March 22, Netanyahu and Blinken met in Tel Aviv.", "past",
     [("On March 22", D(2024, 3, 22), "day")]),
    ("the Hamas attack on Israeli territory on October 7.", "past",
     [("on October 7", D(2023, 10, 7), "day")]),
    ("Monday, January 28, 2019\n\nTwin bombings yesterday struck the cathedral.", "past",
     [("Monday, January 28, 2019", D(2019, 1, 28), "day"), ("yesterday", D(2024, 3, 29), "day")]),
    ("Earlier this month and in 2023 the talks failed.", "past",
     [("Earlier this month", None, "month"), ("in 2023", None, "year")]),
    ("Officials may march to the capital today.", "unknown", [("today", SAT, "day")]),
    ("Elections are due in May, not in March 2025.", "future",
     [("in May", None, "month"), ("in March 2025", None, "month")]),
    ("He called next Tuesday and tomorrow.", "past",
     [("next Tuesday", D(2024, 4, 2), "day"), ("tomorrow", D(2024, 3, 31), "day")]),
    ("Nothing dated here: 45 people, Mondays, mayhem.", "past", []),
    # a day of the month alone: this month's, or the next or last month's by the tense
    ("The commission will meet on the 14th to discuss compensation.", "future",
     [("on the 14th", D(2024, 4, 14), "day")]),
    ("The envoys met on the 27th, officials said.", "past",
     [("on the 27th", D(2024, 3, 27), "day")]),
    ("It was their 3rd visit, on the 21st century's busiest route.", "past", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "tense", "expected"), FIND)
def test_find_dates(
    sentence: str, tense: Tense, expected: list[tuple[str, dt.date | None, str]]
) -> None:
    found = find_dates(sentence, published=SAT, tense=tense)
    assert [(p.text, p.date, p.precision) for p in found] == expected
    assert all(sentence[p.start : p.end] == p.text for p in found)


# (text, days after the date it is told from, the event it is told from)
RELATIVE = [
    ("that day", 0, None),
    ("the same day", 0, None),
    ("that afternoon", 0, None),
    ("in the evening", 0, None),
    ("later in the day", 0, None),
    ("the next day", 1, None),
    ("the day before", -1, None),
    ("a day later", 1, None),
    ("three days later", 3, None),
    ("two days earlier", -2, None),
    ("the day the debate was to be held", 0, "debate"),
    ("on the eve of the summit", -1, "summit"),
    ("the day after the vote", 1, "vote"),
    ("the day the talks took place", 0, "talks"),
]


@pytest.mark.parametrize(("text", "offset", "event"), RELATIVE)
def test_relative_dates_say_what_they_are_told_from(
    text: str, offset: int, event: str | None
) -> None:
    [phrase] = find_dates(f"They met {text}.", published=SAT, tense="past")
    assert (phrase.text, phrase.offset, phrase.event, phrase.date) == (text, offset, event, None)
    resolved = anchored(phrase, D(2024, 3, 10))
    assert (resolved.date, resolved.precision) == (D(2024, 3, 10) + dt.timedelta(offset), "day")


def test_in_the_evening_of_a_named_day_is_that_day_not_an_anaphor() -> None:
    found = find_dates("They met in the evening on Sunday.", published=SAT, tense="past")
    assert [(p.text, p.offset) for p in found] == [("on Sunday", None)]


def test_anchored_leaves_absolute_dates_alone() -> None:
    [phrase] = find_dates("on Monday", published=SAT, tense="past")
    assert anchored(phrase, D(2020, 1, 1)) == phrase
    [relative] = find_dates("that day", published=SAT)
    assert anchored(relative, None) == relative


def test_find_dates_without_published() -> None:
    (p,) = find_dates("They met on Friday.")
    assert (p.text, p.date, p.precision) == ("on Friday", None, "day")


TENSES = [
    ("The United States and Israel will hold a virtual meeting on Monday.", "future"),
    ("A second meeting is planned for the following week.", "future"),
    ("The summit is scheduled to take place on Friday.", "future"),
    ("Officials said the talks are set to resume on Tuesday.", "future"),
    ("The minister plans to visit Cairo.", "future"),
    ("They're going to meet again?", "unknown"),
    ("The two sides are going to meet again.", "future"),
    ("Ahead of the upcoming summit, delegations arrived.", "future"),
    ("We'll talk on Monday, he said.", "future"),
    ("The meeting was originally scheduled for last week.", "past"),
    ("Netanyahu and Blinken met in Tel Aviv on March 22.", "past"),
    ("The leaders spoke by telephone on Friday night.", "past"),
    ("Putin visited the site on Monday.", "past"),
    ("The summit is expected in March.", "unknown"),
    ("The talks take place in Geneva.", "unknown"),
    ("The United Nations says aid is needed.", "unknown"),
]


@pytest.mark.parametrize(("sentence", "tense"), TENSES)
def test_infer_tense(sentence: str, tense: str) -> None:
    assert infer_tense(sentence) == tense


_WORDS = st.sampled_from(
    "on this next last the following week month year Monday Friday March May 22 22nd of , "
    "2024 2024-02-30 31/02/2024 today yesterday tomorrow ago two days in early mid- that day "
    "é . \n".split()
)
_TENSE = st.sampled_from(["past", "future", "unknown"])
_PUBLISHED = st.none() | st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))


def _check(text: str, phrases: list[DatePhrase]) -> None:
    for p in phrases:
        assert text[p.start : p.end] == p.text
        assert p.precision in ("day", "week", "month", "year", "unknown")
    assert all(a.end <= b.start for a, b in zip(phrases, phrases[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=20).map(" ".join) | st.text(max_size=100), _PUBLISHED, _TENSE)
def test_dates_properties(text: str, published: dt.date | None, tense: Tense) -> None:
    _check(text, find_dates(text, published=published, tense=tense))
    date, precision = resolve(text, published, tense=tense)
    assert date is None or isinstance(date, dt.date)
    assert precision in ("day", "week", "month", "year", "unknown")
