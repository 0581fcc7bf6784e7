"""Name spans, titles, roles and uses read from the parse.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import pytest

from newsbrief.text import collectives, ner, roles
from newsbrief.text.nlp import parse


def spans(body: str, label: str | None = None) -> list[str]:
    return [s.text for s in ner.entity_spans(parse(body)) if label in (None, s.label)]


# (sentence, the people the parser's spans give, titles and possessives left out)
PEOPLE = [
    ("Chief Superintendent Ramon Alcaraz said the road was closed.", ["Ramon Alcaraz"]),
    ("Joe Doyle’s car was found on Monday.", ["Joe Doyle"]),
    ("Crown Prince Khalid bin Faisal arrived in Riyadh.", ["Khalid bin Faisal"]),
]


@pytest.mark.parametrize(("body", "people"), PEOPLE)
def test_person_spans_leave_out_titles_and_possessives(body: str, people: list[str]) -> None:
    assert spans(body, "PERSON") == people


def test_an_organisation_span_loses_its_article_and_bracketed_acronym() -> None:
    body = "The Global Relief Organisation (GRO) sent tents."
    assert "Global Relief Organisation" in spans(body, "ORG")


def test_spans_are_the_text_they_report() -> None:
    body = "Lieutenant Colonel Sara Mendez of the Northern Command said the Army’s plan worked."
    for span in ner.entity_spans(parse(body)):
        assert body[span.start : span.end] == span.text


def _use(body: str, name: str) -> str:
    doc = parse(body)
    [span] = [s for s in ner.entity_spans(doc) if s.text == name]
    return ner.use_of(doc, span)


# (sentence, name, how the name is used)
USES = [
    ("Peru said it would send doctors.", "Peru", "agent"),
    ("Peru's president flew home.", "Peru", "possessor"),
    ("The floods hit towns in Peru on Sunday.", "Peru", "place"),
    ("Chile signed a treaty with Peru.", "Peru", "partner"),
    ("The toll rose, according to the Red Cross.", "Red Cross", "source"),
]


@pytest.mark.parametrize(("body", "name", "use"), USES)
def test_use_of_a_mention(body: str, name: str, use: str) -> None:
    assert _use(body, name) == use


def _title(body: str, name: str) -> str | None:
    doc = parse(body)
    found = ner.entity_spans(doc) + roles.person_spans(doc)
    [span, *_] = [s for s in found if s.text == name]
    found = ner.title_before(doc, span)
    return None if found is None else ner.text_of(doc, *found)


# (sentence, name, the title written before it)
TITLES = [
    ("Foreign Minister Karl Lind spoke first.", "Karl Lind", "Foreign Minister"),
    ("US Ambassador to Japan Rahm Cole arrived.", "Rahm Cole", "US Ambassador to Japan"),
    ("Secretary of State Ann Lee flew to Rome.", "Ann Lee", "Secretary of State"),
    ("On Monday Karl Lind spoke first.", "Karl Lind", None),
]


@pytest.mark.parametrize(("body", "name", "title"), TITLES)
def test_title_before_a_name(body: str, name: str, title: str | None) -> None:
    assert _title(body, name) == title


def test_appositive_role_is_the_role_noun_phrase() -> None:
    doc = parse("Karl Lind, the Swedish foreign minister, said talks would resume.")
    [span] = [s for s in ner.entity_spans(doc) if s.text == "Karl Lind"]
    found = ner.appositive_role(doc, span)
    assert found is not None
    assert ner.text_of(doc, *found) == "Swedish foreign minister"


# (sentence, the collective actors named by a common noun)
COLLECTIVES = [
    ("The Brazilian government announced new rules.", ["Brazilian government"]),
    ("The government of Chile said it would pay.", ["government of Chile"]),
    ("The Biden administration said no.", ["Biden administration"]),
    ("The prime ministry of Chile was vacant.", []),
    ("The government said no.", []),
]


@pytest.mark.parametrize(("body", "expected"), COLLECTIVES)
def test_collective_spans(body: str, expected: list[str]) -> None:
    assert [s.text for s in collectives.collective_spans(parse(body))] == expected


def test_bare_collectives_only_when_they_act() -> None:
    doc = parse("Police said the man was held in police custody. The army denied it.")
    assert [s.text for s in collectives.bare_collectives(doc)] == ["Police", "army"]


def test_acronym_spans_find_what_the_tagger_missed() -> None:
    doc = parse("Aid arrived. UNICEF reported that vaccines were delivered.")
    assert "UNICEF" in [s.text for s in ner.entity_spans(doc)] + [
        s.text for s in ner.acronym_spans(doc)
    ]


def test_a_name_the_tagger_broke_after_of_is_one_name() -> None:
    from newsbrief.text.nlp import ents

    doc = parse(
        "The agency declared the outbreak in the Democratic Republic of the Congo an "
        "emergency on Wednesday."
    )
    names = [e.text for e in ents(doc)]
    assert "the Democratic Republic of the Congo" in names
    assert "Congo" not in names


# (text, the type the tagger gives a lone surname once its full name was written before)
SURNAMES = [
    (
        "Japanese Prime Minister Yoshihide Suga arrived in Hanoi on Sunday. Phuc received Suga "
        "at the presidential palace.",
        "Suga",
        "PERSON",
    ),
    (
        "Prime Minister António Costa spoke on Monday. The president received Costa at Belém "
        "Palace on Tuesday.",
        "Costa",
        "PERSON",
    ),
    (
        "President Abd Rabbuh Mansur Hadi flew to Aden. The envoy was received by Hadi in Riyadh "
        "last week.",
        "Hadi",
        "PERSON",
    ),
    # ones the tagger took for a product or a work of art
    (
        "Minister Arvid Tselmeg spoke on Monday. The cardinal is to meet Tselmeg on Saturday "
        "to discuss security.",
        "Tselmeg",
        "PERSON",
    ),
    # one the tagger left with no type at all
    (
        "Secretary of State Mike Pompeo arrived on Monday. The next day Pompeo made an "
        "unannounced stop in Baghdad.",
        "Pompeo",
        "PERSON",
    ),
    # one the parser read as an adverb of the verb before it
    (
        "General Ahmed Hamid Ekwally arrived in the capital on Sunday. On Monday evening, "
        "President Peter Lado received Ekwally at his official residence.",
        "Ekwally",
        "PERSON",
    ),
    # a country or a city keeps its type
    (
        "George Washington was the first president. Washington imposed sanctions on Monday.",
        "Washington",
        "GPE",
    ),
]


@pytest.mark.parametrize(("body", "surname", "label"), SURNAMES)
def test_a_lone_surname_is_the_person_named_in_full_before(
    body: str, surname: str, label: str
) -> None:
    doc = parse(body)
    assert [e.label_ for e in doc.ents if e.text == surname][-1] == label


def test_a_surname_read_as_an_adverb_is_the_object_of_its_verb() -> None:
    doc = parse(
        "General Ahmed Hamid Ekwally arrived in the capital on Sunday. On Monday evening, "
        "President Peter Lado received Ekwally at his official residence."
    )
    surname = [t for t in doc if t.text == "Ekwally"][-1]
    assert (surname.pos_, surname.dep_, surname.head.lemma_) == ("PROPN", "dobj", "receive")


def test_a_surname_before_another_name_is_no_first_name_sharing_its_surname() -> None:
    doc = parse(
        "Party delegates elected Lena Vik and Tomas Ek-Berg as co-leaders. On Friday evening, "
        "Vik and Ek-Berg met the finance minister."
    )
    people = [s.text for s in ner.shared_surnames(doc, ner.entity_spans(doc))]
    assert "Vik Berg" not in people
    assert "Vik" in people


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Lao Minister of Natural Resources and Environment Sommad Pholsena took part.",
            [("Sommad Pholsena", "PERSON")],
        ),
        (
            "Lao Minister of Natural Resources and Environment Tomas Rendel took part.",
            [("Tomas Rendel", "PERSON")],
        ),
        # a body named after a title is still the body
        (
            "According to Ana Silva, general secretary of the Public Servants Association, "
            "talks failed.",
            [("Ana Silva", "PERSON"), ("the Public Servants Association", "ORG")],
        ),
    ],
)
def test_a_ministers_portfolio_is_no_name_of_its_own(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.text, e.label_) for e in parse(body).ents] == expected


def test_a_sentence_stop_the_tagger_ran_into_a_name_is_left_out() -> None:
    from spacy.tokens import Span

    doc = parse("She offered help through the Regional Relief Mechanism.")
    doc.ents = [Span(doc, 4, len(doc), label="ORG")]  # the tagger sometimes takes the stop
    assert [s.text for s in ner.entity_spans(doc)] == ["Regional Relief Mechanism"]


def test_an_abbreviation_keeps_its_stop() -> None:
    from spacy.tokens import Span

    doc = parse("The contract went to Harbour Dredging Ltd. on Monday.")
    ltd = next(t.i for t in doc if t.text.startswith("Ltd"))
    end = ltd + 2 if doc[ltd].text == "Ltd" else ltd + 1
    doc.ents = [Span(doc, 4, end, label="ORG")]
    assert [s.text for s in ner.entity_spans(doc)] == ["Harbour Dredging Ltd."]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "Tigray has been cut off for months. The United Nations Office for the "
            "Coordination of Humanitarian Affairs says aid convoys have stopped.",
            "The United Nations Office for the Coordination of Humanitarian Affairs",
        ),
        (
            "Two patients were flown to Moi Teaching and Referral Hospital for surgery.",
            "Moi Teaching and Referral Hospital",
        ),
        (
            "The International Federation of Red Cross and Red Crescent Societies said "
            "3,500 homes were destroyed.",
            "The International Federation of Red Cross and Red Crescent Societies",
        ),
    ],
)
def test_a_name_the_tagger_cut_at_for_or_and_is_one_name(body: str, name: str) -> None:
    from newsbrief.text.nlp import ents

    assert name in [e.text for e in ents(parse(body))]


def test_two_bodies_joined_by_and_stay_two() -> None:
    from newsbrief.text.nlp import ents

    names = [e.text for e in ents(parse("The Ministry of Health and UNICEF said 40 died."))]
    assert "UNICEF" in names


def test_two_places_joined_by_and_stay_two() -> None:
    from newsbrief.text.nlp import ents

    names = [e.text for e in ents(parse("He spoke with the governors of Parwan and Baghlan."))]
    assert "Parwan and Baghlan" not in names


def test_a_name_cut_after_its_particle_is_one_person() -> None:
    doc = parse("European Commission President Ursula von der Leyen said the talks went well.")
    assert ("Ursula von der Leyen", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    "text",
    [
        "President Lee Co-hosted-in met Kim Jong-un.",  # a name part and a 'co-' verb overlap
        "Kim Jae-in-in-in met co-co-hosted talks co-",
        "Moon Jae-led Jae-in",
    ],
)
def test_odd_runs_of_hyphens_parse_to_the_text_they_came_from(text: str) -> None:
    doc = parse(text)
    assert doc.text == text
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
