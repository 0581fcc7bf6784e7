"""Names and cited sources found in plain text by patterns (no parser).

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.text.entities import Mention, cited_sources, find_names, short_form


def texts(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions]


def assert_spans_match(body: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(body)
        assert body[m.start : m.end] == m.text, m


# --- find_names ---------------------------------------------------------------------------

# (sentence, the names found in it, in order)
NAMES = [
    # sentence-initial function words are not part of a name
    ("The U.S. condemned the strike.", ["U.S."]),
    (
        "After talks, the U.N. Security Council met in New York.",
        ["U.N. Security Council", "New York"],
    ),
    ("Later Kyiv said Russia fired drones.", ["Kyiv", "Russia"]),
    ("On Monday rescuers reached Gaza City.", ["Gaza City"]),
    # dotted abbreviations stay whole
    ("Officials in the U.S. and the U.K. agreed.", ["U.S.", "U.K."]),
    # a possessive 's is not part of the name, an apostrophe inside one is
    ("Biden’s envoy arrived in Cairo.", ["Biden", "Cairo"]),
    ("Biden's envoy arrived in Cairo.", ["Biden", "Cairo"]),
    ("They cheered Conan O’Brien.", ["Conan O’Brien"]),
    # titles before a name are stripped; a title alone is not a name
    ("Israeli Prime Minister Benjamin Netanyahu said no.", ["Benjamin Netanyahu"]),
    ("President Joe Biden spoke first.", ["Joe Biden"]),
    ("Mr. Smith went home.", ["Smith"]),
    ("Dr. Jane Doe treated him.", ["Jane Doe"]),
    ("Reporters asked the President.", ["Reporters"]),
    # connectors join the words of one name
    ("The Bank of England held rates.", ["Bank of England"]),
    # weekdays and months alone are dates, not names
    ("Talks resume on Monday in March.", ["Talks"]),
    ("No one came.", []),
    ("", []),
]


@pytest.mark.parametrize(("body", "expected"), NAMES)
def test_find_names_finds_the_names_written_in_a_sentence(body: str, expected: list[str]) -> None:
    assert texts(find_names(body)) == expected


@pytest.mark.parametrize("body", [body for body, _ in NAMES])
def test_find_names_spans_are_the_name_as_written(body: str) -> None:
    assert_spans_match(body, find_names(body))


def test_find_names_offsets_point_past_a_stripped_title() -> None:
    body = "Yesterday Israeli Prime Minister Benjamin Netanyahu flew home."
    [name] = find_names(body)
    assert (name.start, name.end) == (body.index("Benjamin"), body.index(" flew"))


def test_find_names_keeps_the_person_after_secretary_of_state() -> None:
    assert "Antony Blinken" in texts(find_names("Secretary of State Antony Blinken arrived."))


def test_find_names_skips_a_sentence_initial_number_word() -> None:
    assert texts(find_names("Three people were killed in Beirut.")) == ["Beirut"]


# --- cited sources --------------------------------------------------------------------------

# (sentence, the sources it cites)
CITED = [
    ("Four people died, according to AFP.", ["AFP"]),
    ("The toll rose, according to the Health Ministry.", ["Health Ministry"]),
    ("The toll rose, according to health officials.", ["health officials"]),
    ("Axios reported that talks stalled.", ["Axios"]),
    ("Reuters quoted a diplomat.", ["Reuters"]),
    ("Hamas said in a statement that it agreed.", ["Hamas"]),
    ("A spokesman told Reuters, adding that no deal was near.", ["Reuters"]),
    ("He gave statements to The Associated Press.", ["The Associated Press"]),
    (
        "Ten died, according to AFP. Officials told CNN, briefly.",
        ["AFP", "CNN"],
    ),
    ("Nobody was quoted.", []),
]


@pytest.mark.parametrize(("body", "expected"), CITED)
def test_cited_sources_finds_who_the_article_attributes_information_to(
    body: str, expected: list[str]
) -> None:
    found = cited_sources(body)
    assert texts(found) == expected
    assert_spans_match(body, found)


def test_cited_sources_finds_a_sentence_initial_according_to() -> None:
    assert texts(cited_sources("According to Reuters, ten died.")) == ["Reuters"]


def test_cited_sources_reported_after_a_sentence_ending_in_a_name() -> None:
    assert texts(cited_sources("Two were hurt in Gaza. Axios reported the toll.")) == ["Axios"]


def test_cited_sources_keeps_a_dotted_abbreviation_whole() -> None:
    body = "Four died, according to the U.S. Embassy. Talks stalled."
    assert texts(cited_sources(body)) == ["U.S. Embassy"]


# --- small helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "short"),
    [("Benjamin Netanyahu", "Netanyahu"), ("Mary Jane Doe", "Doe"), ("Hamas", "Hamas")],
)
def test_short_form_is_the_last_word_of_a_name(name: str, short: str) -> None:
    assert short_form(name) == short


# --- properties on arbitrary text -----------------------------------------------------------

WORDS = st.sampled_from(
    [
        "The", "the", "U.S.", "U.N.", "A.", "of", "al", "Prime", "Minister", "President",
        "Mr.", "Dr.", "Gen.", "Benjamin", "Netanyahu", "Biden’s", "O’Brien", "Reuters",
        "according", "to", "told", "reported", "said", "in", "a", "statement", "Monday",
        "foreign", "minister", "administration", "government", "officials", "Israeli",
        "Security", "Council", ".", ",", "’s", "'", "-", "Chief",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", ". ", ", ", "\n", "  ", ""])
NEWSLIKE = st.lists(st.tuples(WORDS, SEPARATORS), max_size=25).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)
ANY_TEXT = st.one_of(NEWSLIKE, st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_finders_never_raise_and_their_spans_are_what_they_report(body: str) -> None:
    assert_spans_match(body, find_names(body))
    assert_spans_match(body, cited_sources(body))
