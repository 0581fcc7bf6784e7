"""Names, roles, collective names and cited sources found by code, and the kind guessed for each.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.text.entities import (
    Mention,
    cited_sources,
    collective_names,
    find_names,
    guess_kind,
    is_outlet,
    looks_like_person,
    lower_roles,
    roles,
    short_form,
    speech_spans,
    unique_names,
)


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


def test_unique_names_keeps_the_first_mention_of_each_name_up_to_a_limit() -> None:
    mentions = find_names("Biden met Putin. Putin met Xi. Biden left.")
    assert [(m.text, m.start) for m in unique_names(mentions)] == [
        ("Biden", 0),
        ("Putin", 10),
        ("Xi", 27),
    ]
    assert texts(unique_names(mentions, limit=2)) == ["Biden", "Putin"]


# --- roles ---------------------------------------------------------------------------------

# (sentence, person, the title words written before the name)
ROLES = [
    (
        "Israeli Prime Minister Benjamin Netanyahu said no.",
        "Benjamin Netanyahu",
        "Israeli Prime Minister",
    ),
    ("President Joe Biden spoke first.", "Joe Biden", "President"),
    ("The Foreign Minister Sameh Shoukry arrived.", "Sameh Shoukry", "Foreign Minister"),
    ("On Monday, Defence Minister Yoav Gallant left.", "Yoav Gallant", "Defence Minister"),
    # the role does not reach back into the previous sentence
    (
        "Talks ended in Cairo. Defence Minister Yoav Gallant left.",
        "Yoav Gallant",
        "Defence Minister",
    ),
    # a possessive 's is not part of the name the role belongs to
    ("President Joe Biden’s plan failed.", "Joe Biden", "President"),
]


@pytest.mark.parametrize(("body", "person", "role"), ROLES)
def test_roles_maps_a_person_to_the_title_written_before_them(
    body: str, person: str, role: str
) -> None:
    found = roles(body)
    assert found[person].text == role
    assert_spans_match(body, list(found.values()))


def test_roles_ignores_a_name_without_a_title() -> None:
    assert roles("Benjamin Netanyahu said no.") == {}


@pytest.mark.parametrize(
    "body",
    [
        "Prime  Minister Benjamin Netanyahu spoke.",
        "Defence\nMinister Yoav Gallant spoke.",
    ],
)
def test_roles_spans_are_the_title_as_written_whatever_the_spacing(body: str) -> None:
    assert_spans_match(body, list(roles(body).values()))


# (sentence, person, the lower-case role before the name)
LOWER_ROLES = [
    ("Foreign minister Sameh Shoukry arrived.", "Sameh Shoukry", "Foreign minister"),
    ("On Monday, foreign minister Sameh Shoukry arrived.", "Sameh Shoukry", "foreign minister"),
    ("White House spokesman John Kirby said no.", "John Kirby", "White House spokesman"),
    ("Former envoy Martin Griffiths's plan failed.", "Martin Griffiths", "Former envoy"),
]


@pytest.mark.parametrize(("body", "person", "role"), LOWER_ROLES)
def test_lower_roles_maps_a_person_to_the_lower_case_role_before_them(
    body: str, person: str, role: str
) -> None:
    found = lower_roles(body)
    assert found[person].text == role
    assert_spans_match(body, list(found.values()))


@pytest.mark.parametrize(
    "body",
    [
        "The envoy Security Council members met.",  # an organisation, not a person
        "The spokesman, Health Ministry staff said.",  # a government body, not a person
        "The minister The Hague visited.",  # a function word, not a first name
    ],
)
def test_lower_roles_skips_names_that_are_not_people(body: str) -> None:
    assert lower_roles(body) == {}


@pytest.mark.parametrize(
    ("body", "person", "role"),
    [
        ("Cairo welcomed foreign minister Sameh Shoukry.", "Sameh Shoukry", "foreign minister"),
        ("Egypt's foreign minister Sameh Shoukry spoke.", "Sameh Shoukry", "foreign minister"),
        ("Aides and spokesman John Kirby left.", "John Kirby", "spokesman"),
        ("Her fiancée, Hatice Cengiz, spoke.", "Hatice Cengiz", "fiancée"),
    ],
)
def test_lower_roles_role_is_only_the_role_words(body: str, person: str, role: str) -> None:
    assert lower_roles(body)[person].text == role


# --- collective names -------------------------------------------------------------------------

# (sentence, parties named by a common noun)
COLLECTIVES = [
    ("He criticised the Biden administration.", ["Biden administration"]),
    (
        "Officials in the Iraqi government and Lebanese authorities agreed.",
        ["Iraqi government", "Lebanese authorities"],
    ),
    ("Aid groups urged the Kenyan Red Cross government to act.", ["Kenyan Red Cross government"]),
    ("The government said no.", []),
    ("It is the administration's view.", []),
]


@pytest.mark.parametrize(("body", "expected"), COLLECTIVES)
def test_collective_names_finds_parties_named_by_a_common_noun(
    body: str, expected: list[str]
) -> None:
    found = collective_names(body)
    assert texts(found) == expected
    assert_spans_match(body, found)


def test_collective_names_finds_a_sentence_initial_the_administration() -> None:
    assert texts(collective_names("The Biden administration said no.")) == ["Biden administration"]


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


# (name, body, True when the name only ever appears as a cited source)
OUTLETS = [
    ("AFP", "Four died, according to AFP.", True),
    ("Axios", "Axios reported the toll. Talks stalled, Axios reported.", True),
    ("Reuters", "He told Reuters, briefly.", True),
    ("Reuters", "Reuters reported the toll. Reuters has staff in Gaza.", False),
    ("Hamas", "Hamas said in a statement it agreed. Hamas fighters withdrew.", False),
    ("CNN", "Nobody was quoted.", False),
]


@pytest.mark.parametrize(("name", "body", "expected"), OUTLETS)
def test_is_outlet_when_a_name_only_ever_appears_as_a_source(
    name: str, body: str, expected: bool
) -> None:
    assert is_outlet(name, body) is expected


# --- kinds --------------------------------------------------------------------------------------

BODY = (
    "Israel and the U.S. spoke. The State Department and the United Nations urged calm. "
    "Hamas fired rockets. Israeli Prime Minister Benjamin Netanyahu replied. Sirens sounded "
    "in Tel Aviv. Israeli officials and the Biden administration disagreed. NATO met. "
    "Sameh Shoukry said the border stays shut. Reuters covered it."
)
PEOPLE = set(roles(BODY))

# (name, the kind guessed from its words and its context in BODY)
KINDS = [
    ("Israel", "state"),
    ("U.S.", "state"),  # through its long form, United States
    ("State Department", "government"),
    ("Biden administration", "government"),
    ("United Nations", "organisation"),
    ("NATO", "organisation"),  # a known abbreviation
    ("Hamas", "armed_group"),
    ("Benjamin Netanyahu", "person"),  # titled in the body
    ("Netanyahu", "person"),  # the surname of a titled person
    ("Sameh Shoukry", "person"),  # the subject of a reporting verb
    ("Jane Doe", "person"),  # looks like a person, no other clue
    ("Tel Aviv", "place"),  # after "in"
    ("Israeli", "other"),  # a demonym
    ("Reuters", "other"),
]


@pytest.mark.parametrize(("name", "kind"), KINDS)
def test_guess_kind_from_words_and_context(name: str, kind: str) -> None:
    assert PEOPLE == {"Benjamin Netanyahu"}
    assert guess_kind(name, BODY, PEOPLE) == kind


@pytest.mark.parametrize(
    "name", ["Turkey", "Russia", "Iran", "North Korea", "Ivory Coast", "Palestine", "Britain"]
)
def test_guess_kind_common_country_names_are_states(name: str) -> None:
    assert guess_kind(name, f"Talks with {name} stalled.", set()) == "state"


@pytest.mark.parametrize("name", ["Gaza Strip", "West Bank", "Golan Heights", "Rafah Crossing"])
def test_guess_kind_a_name_ending_in_a_place_word_is_a_place(name: str) -> None:
    assert guess_kind(name, f"{name} said nothing. Banks in {name} closed.", set()) == "place"


def test_find_names_strips_a_title_with_for_and_roles_keep_it_whole() -> None:
    body = "Egyptian Minister For Foreign Affairs Sameh Shoukry spoke."
    assert texts(find_names(body)) == ["Sameh Shoukry"]
    assert roles(body)["Sameh Shoukry"].text == "Egyptian Minister For Foreign Affairs"


def test_cited_sources_keeps_a_dotted_abbreviation_whole() -> None:
    body = "Four died, according to the U.S. Embassy. Talks stalled."
    assert texts(cited_sources(body)) == ["U.S. Embassy"]


# (name, True when it reads as a person's name)
PERSON_LIKE = [
    ("Benjamin Netanyahu", True),
    ("Sameh Shoukry", True),
    ("Mary Jane Doe", True),
    ("Netanyahu", False),  # one word
    ("Ali Bin Hassan Al Thani", False),  # more than three words
    ("NATO Chief", False),  # an acronym
    ("State Department", False),
    ("United Nations", False),
    ("Islamic State", False),
    ("Tahrir Square", False),
    ("Prime Minister", False),  # title words only
    ("Saudi Arabia", False),  # a country
    ("Israeli Officials", False),  # starts with a demonym
]


@pytest.mark.parametrize(("name", "expected"), PERSON_LIKE)
def test_looks_like_person(name: str, expected: bool) -> None:
    assert looks_like_person(name) is expected


# --- small helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "short"),
    [("Benjamin Netanyahu", "Netanyahu"), ("Mary Jane Doe", "Doe"), ("Hamas", "Hamas")],
)
def test_short_form_is_the_last_word_of_a_name(name: str, short: str) -> None:
    assert short_form(name) == short


def test_speech_spans_are_reporting_verbs_with_their_offsets() -> None:
    sentence = "He said talks failed and she warned of war."
    spans = speech_spans(sentence)
    assert [verb for verb, _, _ in spans] == ["said", "warned"]
    assert all(sentence[start:end] == verb for verb, start, end in spans)


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
    assert_spans_match(body, collective_names(body))
    assert_spans_match(body, cited_sources(body))
    assert_spans_match(body, list(lower_roles(body).values()))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_roles_never_raise_and_their_spans_are_what_they_report(body: str) -> None:
    assert_spans_match(body, list(roles(body).values()))
