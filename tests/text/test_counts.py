"""Reading a number off the dependency parse: its noun, its cues, who says so and where.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsbrief.text import attribution, counts, places
from newsbrief.text.nlp import parse


def token(text: str, number: str) -> Any:
    """The count token of the first `number` in the parse of `text`."""
    doc = parse(text)
    start = text.index(number)
    tok = counts.count_token(doc, start, start + len(number))
    assert tok is not None
    return tok


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("At least 20 people were hurt.", "At least 20", "20"),
        (
            "The camp holds approximately 1.5 million refugees.",
            "approximately 1.5 million",
            "million",
        ),
        ("Some 300 families fled.", "Some 300", "300"),
    ],
)
def test_count_token_is_the_number_nearest_the_root(text: str, number: str, expected: str) -> None:
    assert token(text, number).text == expected


def test_count_token_of_a_span_without_a_number_is_none() -> None:
    text = "The river flooded the valley."
    assert counts.count_token(parse(text), 0, 9) is None


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        ("Nine miners were trapped underground.", "Nine", "miners"),
        ("Rebels freed six of the hostages on Friday.", "six", "hostages"),
        ("The flood killed 12 on Tuesday.", "12", None),
        ("Officials recorded 40 cholera related deaths.", "40", "deaths"),
    ],
)
def test_counted_noun(text: str, number: str, noun: str | None) -> None:
    found = counts.counted_noun(token(text, number))
    assert (found.text if found is not None else None) == noun


def cost_of(text: str, number: str, word: str) -> int:
    reach = {r.token.text: r.cost for r in counts.nearby(token(text, number), limit=64)}
    return reach[word]


def test_a_cue_in_the_numbers_own_clause_is_nearer_than_one_in_the_next_clause() -> None:
    text = "Rebels killed 12 soldiers and wounded 30 villagers in the raid."
    assert cost_of(text, "30", "wounded") < cost_of(text, "30", "killed")
    assert cost_of(text, "12", "killed") < cost_of(text, "12", "wounded")


def test_passing_through_another_number_costs_extra() -> None:
    text = "The fever sickened 900 of the 4,000 pupils."
    through = cost_of(text, "4,000", "sickened")
    assert through > cost_of(text, "900", "sickened") + counts.THROUGH_COUNT


def test_nearby_starts_with_the_number_itself_at_no_cost() -> None:
    first = counts.nearby(token("Five were hurt.", "Five"))[0]
    assert (first.cost, first.token.text) == (0, "Five")


def test_the_subject_of_an_active_verb_with_an_object_is_its_agent() -> None:
    tok = token("Two gunmen killed nine people.", "Two")
    gunmen, killed = tok.head, tok.head.head
    assert counts.is_agent(gunmen, killed)
    victims = token("Two gunmen killed nine people.", "nine").head
    assert not counts.is_agent(victims, killed)


def test_negation_and_disjunction() -> None:
    hurt = token("Four workers were not hurt.", "Four").head.head
    assert counts.negated(hurt)
    killed = token("Cases where five people are killed or injured count.", "five").head.head
    assert counts.disjoined(killed)


def test_a_number_set_off_after_a_name_is_an_age() -> None:
    assert counts.age_apposition(token("Maria Lopez, 34, was injured in the fire.", "34"))
    assert not counts.age_apposition(token("The fire injured 34 people.", "34"))


# --- attribution --------------------------------------------------------------------------

ATTRIBUTIONS = [
    ("At least 14 people died, according to the regional fire service.", "14",
     "regional fire service"),
    ("Provincial police said 30 people were injured.", "30", "Provincial police"),
    ("Eleven people drowned, the Red Crescent said.", "Eleven", "Red Crescent"),
    ("The storm killed 8, reported local officials.", "8", None),
    ("Reportedly, the blast injured 12 shoppers.", "12", "reports"),
    ("According to data from the Health Bureau, 51 cases were confirmed.", "51", "Health Bureau"),
    ("Twenty people were hurt in the collapse.", "Twenty", None),
    # a participle speaks for the subject of its clause; so does who gives a figure
    ("The agency gave a lower toll, saying that eleven bodies had been recovered.", "eleven",
     "agency"),
    ("The rights commission gave a higher figure of 40 injured.", "40", "rights commission"),
    # an honorific is not part of the name
    ("Thirty-one were still admitted on Sunday, nine of them in a critical condition, and "
     "another 18 were treated and allowed to go home, the county's health executive, Dr. Mary "
     "Otieno, said.", "Thirty-one", "Mary Otieno"),
    # whoever revised a toll gives it; so does whoever reported what the count is part of
    ("The Health Ministry yesterday lowered the death toll from the crash to 19.", "19",
     "Health Ministry"),
    ("Valley Power reported outages affecting some 5,000 households.", "5,000", "Valley Power"),
    # a name keeps the acronym the article gives it in brackets
    ("The International Organization for Migration (IOM) says 532 people have drowned.", "532",
     "International Organization for Migration (IOM)"),
    ("The UN Mission in Sudan (UNMIS) said 14 civilians were killed.", "14",
     "UN Mission in Sudan (UNMIS)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "number", "source"), ATTRIBUTIONS)
def test_attribution(text: str, number: str, source: str | None) -> None:
    found = attribution.attribution(token(text, number))
    assert (found.name if found is not None else None) == source


def test_a_relative_clause_is_the_writers_own_description() -> None:
    text = "The mayor said the district, where 3,000 people live, would reopen."
    assert attribution.attribution(token(text, "3,000")) is None


def test_he_or_she_is_the_person_named_last() -> None:
    text = "Dr. Amara Osei runs the clinic. She said 25 patients were treated."
    found = attribution.attribution(token(text, "25"))
    assert found is not None and found.name == "Amara Osei"


def test_they_as_the_speaker_is_the_source_the_paragraph_named_last() -> None:
    text = "Forty people were hurt. They said 25 patients were treated."
    found = attribution.attribution(token(text, "25"), previous="the district hospital")
    assert found is not None and found.name == "the district hospital"
    assert attribution.attribution(token(text, "25")) is None


def test_a_sentence_names_its_speaker_but_not_by_pronoun() -> None:
    doc = parse("The coast guard said the search would go on. He said it was hard.")
    first, second = list(doc.sents)
    assert attribution.sentence_speaker(first) == "coast guard"
    assert attribution.sentence_speaker(second) is None


QUOTES = [
    ('The rescue service issued a statement: "So far 31 bodies have been found."', "31",
     "rescue service"),
    ('"Nine people are still missing," the harbour master said.', "Nine", "harbour master"),
    ('"Nine people are still missing. We keep looking," the harbour master said.', "Nine",
     "harbour master"),
    ("Nine people are still missing, the harbour master said.", "Nine", None),  # no quote
]  # fmt: skip


@pytest.mark.parametrize(("text", "number", "source"), QUOTES)
def test_a_number_inside_a_quote_is_the_quotes_speakers(
    text: str, number: str, source: str | None
) -> None:
    assert attribution.quote_speaker(parse(text), text.index(number)) == source


# --- place --------------------------------------------------------------------------------


def place_of(text: str, number: str) -> str | None:
    doc = parse(text)
    start = text.index(number)
    tok = counts.count_token(doc, start, start + len(number))
    assert tok is not None
    source = attribution.attribution(tok)
    found = places.place(tok, places.places(doc, 0, len(text)), source.token if source else None)
    return found.text if found is not None else None


PLACES = [
    ("Floods killed 23 people in Kerala on Sunday.", "23", "Kerala"),
    ("Six climbers died on Mount Kenya.", "Six", "Mount Kenya"),
    ("In Lyon, 40 homes were damaged by the storm.", "40", "Lyon"),
    ("A laboratory in Geneva confirmed 15 cases in Chad.", "15", "Chad"),
    ("Twelve people were injured.", "Twelve", None),
    # a name right before the division it names: "in Kerala state"
    ("The flooding has displaced 9,000 people in Assam state.", "9,000", "Assam"),
    # a place a distance is told from is taken only when no other place is named
    (
        "The fire in the hills of Varnos, 50 kilometres west of Athens, killed nine people.",
        "nine",
        "Varnos",
    ),
    ("A blaze 20 kilometres north of Athens killed nine people.", "nine", "Athens"),
    # a place a relative clause is about: "X, where ..."
    ("The outbreak spread to Kweli, where 98 cases have been recorded.", "98", "Kweli"),
    # a toll broken down by place: each number is its own place's, however it is tagged
    (
        "Tovar was the worst-hit province, with 61 dead, followed by Upper Mirela with 30, "
        "Calde with 12 and the Nesso Islands with 9.",
        "61",
        "Tovar",
    ),
    (
        "Tovar was the worst-hit province, with 61 dead, followed by Upper Mirela with 30, "
        "Calde with 12 and the Nesso Islands with 9.",
        "9",
        "the Nesso Islands",
    ),
    (
        "Tovar was the worst-hit province, with 61 dead, followed by Upper Mirela with 30, "
        "Calde with 12 and the Nesso Islands with 9.",
        "30",
        "Upper Mirela",
    ),
    # a named works is the place of an accident in it, whatever the tagger typed its name
    (
        "The worst was at the Korvetskaya mine in 2009, where 57 miners were killed.",
        "57",
        "Korvetskaya mine",
    ),
    ("A fire at the Dalvano battery plant killed 22 workers.", "22", "Dalvano battery plant"),
    # a list whose verb is said once: each place takes its own number
    (
        "Johor, the largest state, accounted for 6,387 of the cases and Penang for another 1,581.",
        "6,387",
        "Johor",
    ),
    (
        "Johor, the largest state, accounted for 6,387 of the cases and Penang for another 1,581.",
        "1,581",
        "Penang",
    ),
    (
        "Tamsa province accounted for 2,165 of the cases and Ituvi for 347.",
        "2,165",
        "Tamsa province",
    ),
    ("The ministry counted 4,302 cases. Texas had the most cases, 1,296.", "1,296", "Texas"),
    # a named fire is no actor that owns the place after it ("a laboratory in X")
    ("Ten were killed by the Ridge Complex Fire in Tamar County.", "Ten", "Tamar County"),
]


@pytest.mark.parametrize(("text", "number", "place"), PLACES)
def test_place(text: str, number: str, place: str | None) -> None:
    assert place_of(text, number) == place


def test_a_name_before_the_division_it_names_is_a_place_but_not_a_modifier() -> None:
    text = "Storms hit the Kenyan port city of Mombasa and villages in Kilifi county."
    found = [s.text for s in places.places(parse(text), 0, len(text))]
    assert "Mombasa" in found and "Kilifi" in found and "Kenyan" not in found


def test_a_name_typed_as_an_organisation_after_in_is_a_place_without_an_org_word() -> None:
    text = "Floods hit villages in Uttar Pradesh on Monday."
    doc = parse(text)
    assert [s.text for s in places.places(doc, 0, len(text))] == ["Uttar Pradesh"]
    org = "Nine people were honoured in the Ruvanu Ministry of Health."
    assert places.places(parse(org), 0, len(org)) == []


def test_a_place_used_as_a_modifier_is_not_a_place() -> None:
    text = "The Nigerian army said the U.S. embassy staff were safe."
    assert [s.text for s in places.places(parse(text), 0, len(text))] == []


def test_known_names_and_named_venues_are_places() -> None:
    text = "Fire swept through Tamba Market in Ruvanu on Monday."
    found = [s.text for s in places.places(parse(text), 0, len(text), known=["Ruvanu"])]
    assert found == ["Tamba Market", "Ruvanu"]


def test_lead_place_is_the_place_the_first_sentence_with_one_is_about() -> None:
    text = "Friday, May 3\nA ferry sank off the coast of Mombasa on Thursday. Dozens were saved."
    second, third = text.index("A ferry"), text.index("Dozens")
    spans = [(0, second - 1), (second, third - 1), (third, len(text))]
    assert places.lead_place(parse(text), spans) == "Mombasa"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the authorities act from the country; the order is about the town
        (
            "Authorities in Zembla ordered residents of six districts of Velmor to leave "
            "the town yesterday.",
            "Velmor",
        ),
        (
            "The government of Zembla said gunmen had killed 12 people in a raid on the "
            "town of Velmor.",
            "Velmor",
        ),
        # where the toll was told is not where the people died
        ("Floods killed nine people in Velmor, the governor told reporters in Ostrava.", "Velmor"),
        # where the sides met is not where the war they met over is fought
        ("The ministers sat down in Velmor yesterday to end the fighting in Ostrava.", "Ostrava"),
        ("The talks in Velmor on the fighting in Ostrava ended without a deal.", "Ostrava"),
        # a sentence that names only where someone acts still gives the place
        ("Authorities in Zembla said nine people had died.", "Zembla"),
    ],
)
def test_lead_place_is_not_where_someone_acts_speaks_or_meets(text: str, lead: str) -> None:
    known = ["Zembla", "Velmor", "Ostrava"]
    assert places.lead_place(parse(text), [(0, len(text))], known) == lead


@pytest.mark.parametrize(
    ("body", "city"),
    [
        ("JULIACA, Peru, Dec 15 - A student died.", "Juliaca"),
        ("RIO DE JANEIRO, April 12 - A raid left eight dead.", "Rio de Janeiro"),
        ("NAIROBI (Reuters) - Floods killed nine.", "Nairobi"),
        ("UN - no city.", None),  # too short to be a city
        ("The minister said - in a rare interview - that ...", None),
    ],
)
def test_a_wire_dateline_names_its_city(body: str, city: str | None) -> None:
    assert places.dateline_place(body) == city


def test_a_place_that_is_the_subject_of_be_is_a_place() -> None:
    text = "Lagos remains the worst hit, with 139 cases."
    assert [s.text for s in places.places(parse(text), 0, len(text))] == ["Lagos"]


def test_a_continent_that_records_a_count_is_its_place() -> None:
    text = "The talks were in Paris. Africa has recorded about 4.7 million cases of the disease."
    assert place_of(text, "4.7 million") == "Africa"


def test_a_dateline_with_no_verb_is_not_the_lead() -> None:
    text = "KISUMU, Kenya, March 8 -\nA bus overturned near the town of Ahero on Saturday."
    second = text.index("A bus")
    spans = [(0, second - 1), (second, len(text))]
    assert places.lead_place(parse(text), spans) == "Ahero"
