"""Country names and the states that adjectives of nationality point to."""

from __future__ import annotations

import pytest

from newsbrief.text.states import is_country, state_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Egypt", True),
        ("Russia", True),  # an everyday name pycountry lacks
        ("Iran", True),
        ("Ivory Coast", True),
        ("Texas", False),
        ("Paris", False),
        ("US", False),  # short aliases are resolved by names.canonical_alias
        ("", False),
    ],
)
def test_is_country(name: str, expected: bool) -> None:
    assert is_country(name) is expected


@pytest.mark.parametrize(
    ("adjective", "state"),
    [
        ("Egyptian", "Egypt"),
        # adjectives no ending rule reaches
        ("Kyrgyz", "Kyrgyzstan"),
        ("Burkinabe", "Burkina Faso"),
        ("Nigerien", "Niger"),
        ("Israeli", "Israel"),
        ("Iraqi", "Iraq"),
        ("Nigerian", "Nigeria"),  # not Niger
        ("Australian", "Australia"),  # not Austria
        ("French", "France"),
        ("Greek", "Greece"),
        ("Turkish", "Turkey"),
        ("American", "United States"),
        ("Israelis", "Israel"),
        ("Libyans", "Libya"),
        ("Roman", None),
        ("Muslim", None),
        ("Democratic", None),
        ("Francis", None),  # a first name, not an adjective
    ],
)
def test_state_of_an_adjective_of_nationality(adjective: str, state: str | None) -> None:
    assert state_of(adjective) == state
