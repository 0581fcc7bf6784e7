"""Which names a sentence uses as places (every sentence invented for the test)."""

from __future__ import annotations

from newsbrief.text.nlp import parse
from newsbrief.text.places import places


def test_the_end_of_a_persons_name_after_von_der_is_no_place() -> None:
    text = (
        "Prime Minister Ana Ruiz chaired the meeting from Zagreb, with Council President Karl "
        "Adler and Commission President Ursula von der Leyen taking part from Brussels."
    )
    doc = parse(text)
    assert "Leyen" not in [span.text for span in places(doc, 0, len(text))]


def test_a_land_whose_war_or_outbreak_it_is_is_where_it_is() -> None:
    text = "More than 100,000 people have been killed in Yemen's war since 2015."
    doc = parse(text)
    assert [span.text for span in places(doc, 0, len(text))] == ["Yemen"]


def test_a_land_whose_ministry_it_is_is_no_place_of_its_own() -> None:
    text = "Kenya's health ministry said 12 people had died in Nairobi."
    doc = parse(text)
    assert [span.text for span in places(doc, 0, len(text))] == ["Nairobi"]
