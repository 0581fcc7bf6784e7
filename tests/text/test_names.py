"""One party or person per real entity: folding, aliases, resolution and merging."""

from __future__ import annotations

import pytest

from newsbrief.models import Evidence, Party, Person
from newsbrief.text.names import NameIndex, canonical_alias, fold, merge_parties, merge_people

# (written form, folded form)
FOLDS = [
    ("U.S.", "us"),
    ("the U.S.", "us"),
    ("The  United   Nations ", "united nations"),
    ("Netanyahu’s", "netanyahu"),
    ("Netanyahu's", "netanyahu"),
    ("Reuters", "reuters"),
    ("Theodore", "theodore"),  # only a leading "the " word is an article
    ("", ""),
]


@pytest.mark.parametrize(("name", "folded"), FOLDS)
def test_fold_ignores_case_punctuation_articles_and_possessives(name: str, folded: str) -> None:
    assert fold(name) == folded


# (written form, long form or None)
ALIASES = [
    ("U.S.", "United States"),
    ("US", "United States"),
    ("the U.S.", "United States"),
    ("America's", "United States"),
    ("Britain", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("U.N.", "United Nations"),
    ("EU", "European Union"),
    ("UAE", "United Arab Emirates"),
    ("Nato", "NATO"),
    ("United States", None),  # already the long form
    ("Israel", None),
]


@pytest.mark.parametrize(("name", "long_form"), ALIASES)
def test_canonical_alias_gives_the_long_form_of_a_known_abbreviation(
    name: str, long_form: str | None
) -> None:
    assert canonical_alias(name) == long_form


@pytest.fixture
def index() -> NameIndex:
    names = NameIndex()
    names.add("Benjamin Netanyahu", "Netanyahu")
    names.add("United States", "U.S.")
    names.add("United Nations")
    names.add("John Smith")
    names.add("Jane Smith")
    names.add("Sameh Shoukry")
    return names


# (written form, canonical name or None)
RESOLVE = [
    ("Benjamin Netanyahu", "Benjamin Netanyahu"),  # the canonical name itself
    ("benjamin netanyahu", "Benjamin Netanyahu"),
    ("Netanyahu", "Benjamin Netanyahu"),  # a registered alias
    ("Netanyahu’s", "Benjamin Netanyahu"),
    ("the U.S.", "United States"),  # a registered alias
    ("US", "United States"),
    ("America", "United States"),  # a known abbreviation of a registered name
    ("U.N.", "United Nations"),
    ("Shoukry", "Sameh Shoukry"),  # a surname that one registered person has
    ("Smith", None),  # a surname two registered people share
    ("Joe Netanyahu", None),  # a different full name with a known surname
    ("Biden", None),  # unknown
    ("", None),
]


@pytest.mark.parametrize(("name", "canonical"), RESOLVE)
def test_name_index_resolves_any_written_form_to_its_canonical_name(
    index: NameIndex, name: str, canonical: str | None
) -> None:
    assert index.resolve(name) == canonical


def test_name_index_keeps_the_first_canonical_name_for_a_form() -> None:
    names = NameIndex()
    names.add("Benjamin Netanyahu", "Netanyahu")
    names.add("Sara Netanyahu", "Netanyahu")
    assert names.resolve("Netanyahu") == "Benjamin Netanyahu"


BODY = "The U.S. said no. The United States and the US agreed. The U.N. stayed out."


def span(text: str, nth: int = 0) -> Evidence:
    """Evidence for the nth occurrence of `text` in BODY."""
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(text, start + 1)
    return Evidence(quote=text, start=start, end=start + len(text))


def party(name: str, nth: int = 0) -> Party:
    return Party(name=name, kind="state", evidence=[span(name, nth)])


def test_merge_parties_folds_an_abbreviation_into_the_long_form() -> None:
    [merged] = merge_parties([party("United States"), party("U.S.")])
    assert merged.name == "United States"
    assert merged.aliases == ["U.S."]
    assert merged.evidence == [span("United States"), span("U.S.")]


def test_merge_parties_collects_every_written_form_as_an_alias() -> None:
    [merged] = merge_parties([party("United States"), party("U.S."), party("US")])
    assert merged.name == "United States"
    assert merged.aliases == ["U.S.", "US"]
    assert len(merged.evidence) == 3


def test_merge_parties_without_the_long_form_keeps_the_first_written_form() -> None:
    # "United States" is never written, so the party keeps a name the article uses.
    [merged] = merge_parties([party("U.S."), party("US")])
    assert merged.name == "U.S."
    assert merged.aliases == ["US"]


def test_merge_parties_keeps_different_entities_apart_in_order() -> None:
    merged = merge_parties([party("U.S."), party("U.N."), party("US")])
    assert [p.name for p in merged] == ["U.S.", "U.N."]
    assert merged[1].aliases == []


def test_merge_parties_folds_an_abbreviation_written_first_into_the_long_form() -> None:
    [merged] = merge_parties([party("U.S."), party("United States")])
    assert merged.name == "United States"
    assert merged.aliases == ["U.S."]


def person(name: str, start: int) -> Person:
    return Person(name=name, evidence=[Evidence(quote=name, start=start, end=start + len(name))])


def test_merge_people_folds_a_surname_into_the_full_name() -> None:
    full, short = person("Benjamin Netanyahu", 0), person("Netanyahu", 40)
    [merged] = merge_people([short, full])
    assert merged.name == "Benjamin Netanyahu"
    assert merged.evidence == full.evidence + short.evidence


def test_merge_people_keeps_a_surname_that_two_full_names_share() -> None:
    people = [person("John Smith", 0), person("Jane Smith", 20), person("Smith", 40)]
    assert [p.name for p in merge_people(people)] == ["John Smith", "Jane Smith", "Smith"]


def test_merge_people_keeps_a_surname_nobody_else_has() -> None:
    people = [person("Sameh Shoukry", 0), person("Blinken", 30)]
    assert merge_people(people) == people
