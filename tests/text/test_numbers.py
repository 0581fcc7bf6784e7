"""Number phrases: table-driven cases plus properties on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.text.numbers import NumberPhrase, find_numbers, ordinal_value, parse_number

# (sentence, text, value, qualifier, upper, unit)
FOUND = [
    ("where over a million Palestinians have sought refuge", "over a million", 1e6,
     "more_than", None, "Palestinians"),
    ("Rafah is home to approximately 1.5 million people.", "approximately 1.5 million", 1.5e6,
     "approximately", None, "people"),
    ("between the two blasts, at least 20 were killed", "at least 20", 20, "at_least", None,
     None),
    ("presumably between 36 and 40 people under the rubble", "between 36 and 40", 36, "range",
     40, "people"),
    ("in which eleven individuals have been charged", "eleven", 11, "exact", None,
     "individuals"),
    ("some 1,500 homes were destroyed", "some 1,500", 1500, "approximately", None, "homes"),
    ("Only 45% of the wells work.", "45%", 45, "exact", None, "%"),
    ("more than 2,000 children are missing", "more than 2,000", 2000, "more_than", None,
     "children"),
    ("coverage rose to about 31 percent of Samoans", "about 31 percent", 31, "approximately",
     None, "%"),
    ("it fell to 12 per cent last year", "12 per cent", 12, "exact", None, "%"),
    ("up to 300 families fled", "up to 300", 300, "up_to", None, "families"),
    # a state word is the unit alone ('27 dead'), not when it qualifies the people counted
    ("the attack left 27 dead", "27", 27, "exact", None, "dead"),
    ("two wounded soldiers later died", "two", 2, "exact", None, "soldiers"),
    ("as many as 7,000 people may be trapped", "as many as 7,000", 7000, "up_to", None,
     "people"),
    ("no fewer than 15 soldiers died", "no fewer than 15", 15, "at_least", None, "soldiers"),
    ("an estimated 2.3 million residents", "an estimated 2.3 million", 2.3e6, "approximately",
     None, "residents"),
    ("nearly 90 cases were confirmed", "nearly 90", 90, "approximately", None, "cases"),
    ("Over 1,000 rescuers responded.", "Over 1,000", 1000, "more_than", None, "rescuers"),
    ("A total of 39 are confirmed dead", "A total of 39", 39, "exact", None, None),
    ("two hundred and fifty people were evacuated", "two hundred and fifty", 250, "exact", None,
     "people"),
    ("twenty-five villages were flooded", "twenty-five", 25, "exact", None, "villages"),
    ("a dozen houses burned", "a dozen", 12, "exact", None, "houses"),
    ("half a million refugees crossed", "half a million", 5e5, "exact", None, "refugees"),
    ("a quarter of a million fled", "a quarter of a million", 2.5e5, "exact", None, None),
    ("three quarters of a million people", "three quarters of a million", 7.5e5, "exact", None,
     "people"),
    ("tens of thousands of people marched", "tens of thousands", 1e4, "more_than", None,
     "people"),
    ("hundreds of thousands were displaced", "hundreds of thousands", 1e5, "more_than", None,
     None),
    ("dozens of children were injured", "dozens", 12, "more_than", None, "children"),
    ("Hundreds fled the town", "Hundreds", 100, "more_than", None, None),
    ("several hundred protesters gathered", "several hundred", 100, "more_than", None,
     "protesters"),
    ("five to seven bodies were found", "five to seven", 5, "range", 7, "bodies"),
    ("20-25 tents were set up", "20-25", 20, "range", 25, "tents"),
    ("between 1.5 and 2 million people need aid", "between 1.5 and 2 million", 1.5e6, "range",
     2e6, "people"),
    ("two or three shells landed", "two or three", 2, "range", 3, "shells"),
    ("20 or more trucks entered", "20 or more", 20, "at_least", None, "trucks"),
    ("the fighting killed 2.3m people", "2.3m", 2.3e6, "exact", None, "people"),
    ("one soldier was wounded", "one", 1, "exact", None, "soldier"),
    ("at least one person died", "at least one", 1, "at_least", None, "person"),
    ("an earlier toll of 27 dead.", "27", 27, "exact", None, "dead"),
    ("3,728 measles cases have been reported", "3,728", 3728, "exact", None, "cases"),
    ("five Armed Forces personnel", "five", 5, "exact", None, "personnel"),
    ("53 measles related deaths", "53", 53, "exact", None, "deaths"),
    ("In 2018, 50 people were killed", "50", 50, "exact", None, "people"),
    ("2000 people were evacuated", "2000", 2000, "exact", None, "people"),
    # Indian English scales: a lakh is 100,000, a crore 10 million
    ("2.52 lakh people were staying in camps", "2.52 lakh", 2.52e5, "exact", None, "people"),
    ("nearly one lakh people were moved", "nearly one lakh", 1e5, "approximately", None,
     "people"),
    ("1.2 crore people were vaccinated", "1.2 crore", 1.2e7, "exact", None, "people"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value", "qualifier", "upper", "unit"), FOUND)
def test_find_numbers(
    sentence: str, text: str, value: float, qualifier: str, upper: float | None, unit: str | None
) -> None:
    phrases = [p for p in find_numbers(sentence) if p.text == text]
    assert len(phrases) == 1, find_numbers(sentence)
    p = phrases[0]
    assert sentence[p.start : p.end] == text
    assert p.value == pytest.approx(value)
    assert (p.qualifier, p.upper, p.unit) == (qualifier, upper, unit)


NOT_COUNTS = [
    "The war began on October 7 last year.",
    "On March 22, the ministers met.",
    "They met on 22 March 2024 in Tel Aviv.",
    "The 1973 building collapsed.",
    "Unrest has continued since 2011.",
    "It is the deadliest disaster in the state since 1865.",  # an older year, told as one
    "The church was built in 1597.",
    "Troops fired on protesters between July 10 and 12, the UN said.",  # the range's last day
    "The meeting starts at 10:30 local time.",
    "The blast occurred at 6am.",
    "The quake occurred at 3 p.m. on Friday.",
    "A magnitude 7.0 earthquake struck.",
    "A 7.0-magnitude earthquake struck.",
    "The aid package is worth $1.5 million.",
    "He was paid one million rubles.",
    "It cost 38.8 million euros.",
    "It will cost tens of millions of dollars.",
    "Security Council Resolution 2728 passed.",
    "Cases of COVID-19 rose.",
    "The G7 summit opened.",
    "It was the second attack and the 3rd blast.",
    "It was the twenty-first day of the siege.",
    "A 10-year-old boy was rescued.",
    "An eleven-month-old boy was rescued.",
    "The two-day shutdown began.",
    "One day later, he sent messages.",
    "It is one of the worst disasters.",
    "No one was hurt.",
    "Version 1.5.2 was released.",
    "The report is dated 2024-03-22.",
    "The victim, aged 23, was named.",
    "She is 45 years old.",
    "Flight 302 crashed.",
    "He attended the 1990s summits.",
    "Dozen-strong teams arrived.",
]


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_not_counts(sentence: str) -> None:
    assert find_numbers(sentence) == []


def test_a_count_after_a_day_and_and_is_still_a_count() -> None:
    found = find_numbers("The storm killed 9 people on March 3 and 12 more were hurt.")
    assert [p.value for p in found] == [9, 12]


def test_an_older_number_with_a_unit_is_still_a_count() -> None:
    assert [p.value for p in find_numbers("The floods destroyed 1500 homes in 1865.")] == [1500]


def test_a_decimal_times_a_scale_word_is_the_whole_number_it_names() -> None:
    """1.1 lakh is exactly 110,000, so it equals the same count written in digits."""
    assert [p.value for p in find_numbers("handed out 1.1 lakh food packets")] == [110000]
    assert [p.value for p in find_numbers("about 2.3 million people")] == [2300000]


def test_from_to_is_two_numbers() -> None:
    found = find_numbers("increasing the confirmed death toll from fourteen to 31.")
    assert [(p.text, p.value, p.qualifier) for p in found] == [
        ("fourteen", 14, "exact"),
        ("31", 31, "exact"),
    ]


def test_sorted_non_overlapping_with_offsets() -> None:
    text = "Of the 2.8 million who voted, 85% were in favour; at least 20 died and dozens fled."
    found = find_numbers(text)
    assert [p.text for p in found] == ["2.8 million", "85%", "at least 20", "dozens"]
    assert [p.vague for p in found] == [False, False, False, True]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_unicode_offsets() -> None:
    text = "Réfugiés — “über 20” et ensuite: over 1,200 déplacés étaient là."
    first, p = find_numbers(text)
    assert text[first.start : first.end] == first.text == "20"
    assert text[p.start : p.end] == p.text == "over 1,200"
    assert p.unit == "déplacés"
    assert p.unit_end is not None and text[: p.unit_end].endswith("1,200 déplacés")


# (text, phrase text, value, qualifier, upper)
PARSED = [
    ("over a million", "over a million", 1e6, "more_than", None),
    ("1.5 million", "1.5 million", 1.5e6, "exact", None),
    ("between 36 and 40", "between 36 and 40", 36, "range", 40),
    ("at least 20", "at least 20", 20, "at_least", None),
    ("fourteen civilians", "fourteen", 14, "exact", None),
    ("one member of the Coast Guard", "one", 1, "exact", None),
    ("one", "one", 1, "exact", None),
    ("2019", "2019", 2019, "exact", None),
    ("roughly 200,000 residents", "roughly 200,000", 200000, "approximately", None),
    # a dot before exactly three digits groups thousands, unless a scale word follows
    ("as many as 1.000 people", "as many as 1.000", 1000, "up_to", None),
    ("1.200 people", "1.200", 1200, "exact", None),
    ("1.250 million", "1.250 million", 1.25e6, "exact", None),
    ("6.5", "6.5", 6.5, "exact", None),
]


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier", "upper"), PARSED)
def test_parse_number(
    text: str, phrase: str, value: float, qualifier: str, upper: float | None
) -> None:
    p = parse_number(text)
    assert p is not None
    assert (p.text, p.value, p.qualifier, p.upper) == (phrase, value, qualifier, upper)
    assert text[p.start : p.end] == p.text


@pytest.mark.parametrize("text", ["", "none", "March 22", "$5", "COVID-19", "several"])
def test_parse_number_none(text: str) -> None:
    assert parse_number(text) is None


def _check(text: str, phrases: list[NumberPhrase]) -> None:
    for p in phrases:
        assert text[p.start : p.end] == p.text
        assert p.value >= 0
        assert p.upper is None or p.upper >= p.value
    assert all(a.end <= b.start for a, b in zip(phrases, phrases[1:], strict=False))


_WORDS = st.sampled_from(
    "over a million at least between and to or 1,500 2.5 36-40 45% percent per cent dozens "
    "tens of thousands hundreds one two twenty - five people killed March 22 2024 $ € 10:30 "
    "magnitude 7.0 COVID-19 aged . , ( ) – — \n é 日本".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join) | st.text(max_size=120))
def test_numbers_properties(text: str) -> None:
    _check(text, find_numbers(text))
    parsed = parse_number(text)
    if parsed is not None:
        _check(text, [parsed])


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The dead were two Chileans and one Austrian.", ["two", "one"]),
        ("Among them were one Dutch national and three Belgians.", ["one", "three"]),
        ("The gunman killed two and hurt one other.", ["two", "one"]),
        ("It happened one Sunday in May.", []),  # a weekday, not a person
        ("She met one Senator Walsh.", []),  # a title before a name
    ],
)
def test_one_before_a_proper_adjective_or_other_is_a_count(sentence: str, found: list[str]) -> None:
    assert [p.text for p in find_numbers(sentence)] == found


@pytest.mark.parametrize(
    ("word", "value"),
    [("first", 1), ("sixteenth", 16), ("twenty-first", 21), ("fortieth", 40), ("3rd", 3),
     ("112th", 112), ("firstly", None), ("one", None)],
)  # fmt: skip
def test_ordinal_value(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value


@pytest.mark.parametrize(
    "text", ["the toll rose from 300 to 412", "the toll has risen from about 300 to 412"]
)
def test_from_one_number_to_another_is_a_change_not_a_range(text: str) -> None:
    assert [(p.text.split()[-1], p.upper) for p in find_numbers(text)] == [
        ("300", None),
        ("412", None),
    ]
