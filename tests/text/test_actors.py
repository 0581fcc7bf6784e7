"""Actors read from the parse: one per real entity, typed, with roles and aliases.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import pytest

from newsbrief.text.actors import Actor, read_actors
from newsbrief.text.nlp import parse


def actors(body: str) -> dict[str, Actor]:
    return {a.name: a for a in read_actors(parse(body))}


def kinds(body: str) -> dict[str, str]:
    return {name: a.kind for name, a in actors(body).items()}


# (body, names and the kind each must have; None: the name must not be an actor at all)
KINDS = [
    # a country that acts is a state; a city is a place
    (
        "Canada said on Monday it would send aid. Officials met in Toronto.",
        {"Canada": "state", "Toronto": "place"},
    ),
    # a country that is only where something happens is a place, not a party
    ("A fire broke out in a warehouse in Portugal on Sunday.", {"Portugal": "place"}),
    # a title before a name makes a person, and the title is the role
    (
        "Prime Minister Justin Trudeau told reporters that aid would arrive soon.",
        {"Justin Trudeau": "person"},
    ),
    # a nationality on a diplomat names a state that takes part
    (
        "The Norwegian foreign minister, Ingrid Solberg, met her Danish counterpart.",
        {"Norway": "state", "Denmark": "state", "Ingrid Solberg": "person"},
    ),
    # police that act are a party even without a name before them
    ("Police said the gunman, Mark Devlin, was arrested.", {"Police": "government"}),
    # a cited outlet is a source, not a party
    ("Two people died, the newspaper El Diario reported.", {"El Diario": "source"}),
    ("Two people died, according to Reuters.", {"Reuters": "source"}),
    # a named government is a government
    ("The Brazilian government announced new rules.", {"Brazilian government": "government"}),
    # an organisation among militants is an armed group
    (
        "Militants from the Northern Liberation Front attacked a base.",
        {"Northern Liberation Front": "armed_group"},
    ),
    # a venue where something happened is a place
    ("Fire broke out at the Grand Hotel in Madrid.", {"Grand Hotel": "place"}),
    # a company is an organisation
    ("Acme Corp said profits rose.", {"Acme Corp": "organisation"}),
    # a programme or a treaty is no actor
    ("The Paris Agreement took effect in 2016.", {"Paris Agreement": None}),
]


@pytest.mark.parametrize(("body", "expected"), KINDS)
def test_each_name_gets_the_kind_of_actor_it_is(body: str, expected: dict[str, str]) -> None:
    found = kinds(body)
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)


def test_a_surname_is_folded_into_the_full_name() -> None:
    found = actors("Ingrid Solberg met the envoy. Solberg said the talks went well.")
    assert "Solberg" not in found
    assert [m.text for m in found["Ingrid Solberg"].mentions] == ["Ingrid Solberg", "Solberg"]


def test_an_acronym_in_brackets_is_an_alias_of_the_long_name() -> None:
    found = actors("The World Food Programme (WFP) said the WFP would deliver food.")
    assert found["World Food Programme"].kind == "organisation"
    assert found["World Food Programme"].aliases == ["WFP"]


def test_a_short_form_of_a_state_is_an_alias() -> None:
    found = actors("The U.S. said it would help. The United States sent ships to the region.")
    assert found["United States"].kind == "state"
    assert "U.S." in found["United States"].aliases


def test_two_forms_of_one_government_are_one_party() -> None:
    body = "The Chilean government closed schools. The government of Chile said it would pay."
    governments = [a for a in read_actors(parse(body)) if a.kind == "government"]
    assert len(governments) == 1


def test_a_person_gets_the_role_and_affiliation_written_around_the_name() -> None:
    found = actors("Anna Berg, a spokeswoman for the Red Cross, said aid was blocked.")
    person = found["Anna Berg"]
    assert person.kind == "person"
    assert person.role is not None and "spokeswoman" in person.role
    assert person.affiliation == "Red Cross"


def test_a_name_in_a_picture_credit_is_not_an_actor() -> None:
    found = actors("Maria Lopez spoke on Monday.\nMaria Lopez Image: Acme Photo Agency.\n")
    assert "Acme Photo Agency" not in found


def test_a_capitalised_common_word_is_not_an_actor() -> None:
    found = kinds("Reports said the bridge fell. The reports were denied by Ken Ward.")
    assert "Reports" not in found


def test_every_mention_points_into_the_body() -> None:
    body = (
        "The Egyptian foreign minister, Sameh Fawzi, met Qatar's envoy in Cairo on Monday. "
        "Police said the U.N. agency WFP would help. Fawzi said talks would go on."
    )
    for actor in read_actors(parse(body)):
        for mention in actor.mentions:
            assert 0 <= mention.start < mention.end <= len(body)
            if mention.label != "OFFICIAL":  # an official's state is named by its adjective
                assert body[mention.start : mention.end] == mention.text


def test_a_nationality_in_the_title_is_the_affiliation_when_that_state_acts() -> None:
    body = "Peru said it would reopen the border. Peruvian Foreign Minister Ana Ruiz met the envoy."
    assert actors(body)["Ana Ruiz"].affiliation == "Peru"
