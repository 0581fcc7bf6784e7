"""Actors read from the parse: one per real entity, typed, with roles and aliases.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import pytest

from newsbrief.text.actors import Actor, read_actors
from newsbrief.text.ner import headline_subjects
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
    # so does a nationality on a head of state or government: their state takes part
    (
        "Hosts welcomed Chilean President Marta Vidal and Dutch Prime Minister Pieter Baan.",
        {"Chile": "state", "Netherlands": "state", "Marta Vidal": "person"},
    ),
    (
        "Aid pledges were read out by Dominican President Rafael Soto.",
        {"Dominican Republic": "state"},
    ),
    # a plain minister's nationality says where the minister serves, not that the state acts
    ("The talks were chaired by Kenyan Trade Minister Amos Kiprop.", {"Kenya": None}),
    # police that act are a party even without a name before them
    ("Police said the gunman, Mark Devlin, was arrested.", {"Police": "government"}),
    # so is a ministry named by its portfolio; a bare 'the ministry' says nothing new
    (
        "Troops withdrew from the valley, the interior ministry said.",
        {"interior ministry": "government"},
    ),
    ("Troops withdrew from the valley, the ministry said.", {"ministry": None}),
    # even when the tagger calls the lower-case words a name
    (
        "At least nine people died in the floods, the health ministry said on Friday.",
        {"health ministry": "government", "ministry": None},
    ),
    # a body a figure is credited to speaks, as its subject would
    (
        "Eleven bodies were recovered, according to the health ministry.",
        {"health ministry": "government"},
    ),
    # but a body only named in passing does not ('in police custody')
    ("The driver died in police custody on Monday.", {"police": None}),
    # a storm or a ship is no party
    (
        "Typhoon Marilag hit the coast and the ferry MV Sonar Tori sank, the navy said.",
        {"Typhoon Marilag": None, "MV Sonar Tori": None},
    ),
    # nor a person, whatever the tagger calls it
    (
        "Storm Ciara brought winds of 150 km/h to Wales on Sunday, the Met Office said.",
        {"Storm Ciara": None},
    ),
    ("Cyclone Gati made landfall on Sunday, killing eight people.", {"Cyclone Gati": None}),
    # nor is a trophy, a prize or an operation, however the tagger types it
    (
        "Pedri won the Kopa Trophy and Gianluigi Donnarumma the Yashin Trophy.",
        {"Kopa Trophy": None, "Yashin Trophy": None},
    ),
    # nor a name that begins with a preposition (a sentence's first word, or a name cut short)
    ("Besides Shen, two other officials were named.", {"Besides Shen": None}),
    ("Last Friday Rexhepi and Hoti took part in a video summit.", {"Friday Rexhepi": None}),
    ("The destroyer INS Kolkata rescued 12 sailors.", {"INS Kolkata": None}),
    # a city of several words that the text also uses as a place is no person
    (
        "The blaze started as the train crossed Rahim Yar Khan district. Dr Ana Ruiz, head of "
        "the city hospital in Rahim Yar Khan, said 43 passengers had burns. The chief minister "
        "flew to Rahim Yar Khan on Thursday.",
        {"Rahim Yar Khan": None, "Ana Ruiz": "person"},
    ),
    # a body named by its kind ('the fire service'), not a bare 'the service'
    ("Three people died in the blaze, the fire service said.", {"fire service": "government"}),
    ("The service said it was looking into the complaints.", {"service": None}),
    # one word that only qualifies a noun, met once, is no party ('Korle hospital')
    (
        "Eleven of the injured were taken to Korle hospital, the fire brigade said.",
        {"Korle": None},
    ),
    # the organisation in a person's title takes part; a portfolio word does not
    (
        "NATO Secretary General Ana Berg said the alliance would send ships.",
        {"NATO": "organisation", "Ana Berg": "person"},
    ),
    ("Defence Secretary Omar Vale said the ships would sail.", {"Defence": None}),
    # a well-known two-letter body in a title is one too ('UN', 'EU')
    (
        "UN Secretary-General Ana Berg said she was appalled by the attack.",
        {"UN": "organisation", "Ana Berg": "person"},
    ),
    (
        "The talks were led by the EU special envoy, Mark Hale, in Tunis.",
        {"EU": "organisation", "Mark Hale": "person"},
    ),
    # a group of states named by its size, a body whose summit is told, and a forum or fund
    # with members or a voice are bodies; a fund that is only money is not
    ("Leaders of the G20 agreed to suspend debt payments.", {"G20": "organisation"}),
    ("Biden flew to a NATO summit in Brussels on Monday.", {"NATO": "organisation"}),
    (
        "Foreign ministers of the Pacific Islands Forum held a call on Wednesday.",
        {"Pacific Islands Forum": "organisation"},
    ),
    (
        "The International Monetary Fund said growth would slow.",
        {"International Monetary Fund": "organisation"},
    ),
    ("Donors paid $3 million into the Harbour Relief Fund.", {"Harbour Relief Fund": None}),
    # a known armed group the tagger cut short or missed is one
    (
        "Islamic State claimed responsibility for the killings, the group's news agency said.",
        {"Islamic State": "armed_group", "Islamic": None},
    ),
    # and an agency of one, described in lower-case words, is a body of its own
    (
        "More than 2,000 people have fled, according to the UN refugee agency.",
        {"UN refugee agency": "organisation"},
    ),
    ("The EU border agency said 300 boats had crossed.", {"EU border agency": "organisation"}),
    # a body named in the title by its own name takes part: a body's word in the name, or a
    # body's own lower-case title after it; a portfolio before 'Minister' does not
    (
        "Arvelan Rail Safety Board member Lena Dorn said the brakes had failed.",
        {"Arvelan Rail Safety Board": "organisation", "Lena Dorn": "person"},
    ),
    (
        "Norvia founder Pedro Salas said the rocket would fly again in May.",
        {"Norvia": "organisation", "Pedro Salas": "person"},
    ),
    (
        "Territorial Administration Minister Ali Bako said the roads were shut.",
        {
            "Territorial Administration": None,
        },
    ),
    ("Supreme Leader Ali Karimi said the deal was dead.", {"Supreme": None}),
    # so does the state of a head of state or a diplomat, whatever words its name takes and
    # whether or not the tagger knows the nationality
    (
        "South Korean President Han Do-yun will host the summit in the capital.",
        {"South Korea": "state"},
    ),
    (
        "United States special envoy Mark Hale welcomed the agreement.",
        {"United States": "state", "Mark Hale": "person"},
    ),
    (
        "Lithuanian Foreign Minister Rasa Vaitkus said the failure was a bad signal.",
        {"Lithuania": "state", "Rasa Vaitkus": "person"},
    ),
    # a country the tagger did not tag is still a country
    ("Niger declared three days of national mourning after the raids.", {"Niger": "state"}),
    # a country that sanctions are aimed at takes part
    (
        "The ministers agreed on Monday to extend sanctions against Belarus.",
        {"Belarus": "state"},
    ),
    # a cited outlet is a source, not a party
    ("Two people died, the newspaper El Diario reported.", {"El Diario": "source"}),
    ("Two people died, according to Reuters.", {"Reuters": "source"}),
    ("Two people died, the state news agency Vesti reported.", {"Vesti": "source"}),
    # a state's delegation is the state; a group's stays its own
    ("The Tajik delegation left the talks early.", {"Tajikistan": "state"}),
    # an agency that is not a news agency is a party, even when it is cited
    (
        "About 900 families fled, according to the Arvelan refugee agency (ARA).",
        {"ARA": "organisation"},
    ),
    (
        "The Federal Flood Agency (FFA) said 40 homes were lost.",
        {"Federal Flood Agency": "government"},
    ),
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
    # a name the tagger read as an organisation, written where English puts places
    (
        "Three of the deaths were in Caravelí's Atico district. Hundreds of residents of "
        "Atico slept outdoors. Classes were suspended across Caravelí province.",
        {"Atico": "place", "Caravelí": None},
    ),
    ("Most new infections are in the crowded Namicopo neighbourhood.", {"Namicopo": "place"}),
    ("The ferry capsized near Kabaena island on Friday.", {"Kabaena": "place"}),
    # a known city the tagger read as an organisation is a place, whatever it does
    ("Tiraspol's mayor ordered an inquiry into the collapse.", {"Tiraspol": "place"}),
    ("Dushanbe was open to talks at any level, officials in Bishkek said.", {"Dushanbe": "place"}),
    # so is a name the tagger also typed as a place where English puts places
    (
        "Two men were held in Saptari. Saptari officials said the water was rising.",
        {"Saptari": "place"},
    ),
    # a club named after its town stays an organisation
    (
        "The Kabwe United striker scored twice. Fans in Kabwe celebrated.",
        {"Kabwe United": "organisation"},
    ),
    # a body a country owns, described in plain words, is a party
    (
        "Peru's national civil defence agency said nine people were missing.",
        {"Peru's national civil defence agency": "government"},
    ),
    ("Kenya's office said nothing.", {"Kenya's office": None}),
    # a body a state owns, written with its possessive, is the party that speaks
    ("Egypt's health ministry said 20 people died.", {"Egypt's health ministry": "government"}),
    ("Guyana's police said the boat was stopped.", {"Guyana's police": "government"}),
    # a name a toll is broken down by is a place, whatever the tagger typed it
    (
        "Bohol was the worst-hit province, with 94 dead, followed by Negros Oriental with 30 "
        "and Southern Leyte with 12.",
        {"Negros Oriental": "place", "Southern Leyte": "place"},
    ),
    # a named fire, flood or earthquake is an event, not an actor
    (
        "The North Complex Fire had burned 250,000 acres, and the Beachie Creek Fire merged "
        "with it.",
        {"North Complex Fire": None, "Beachie Creek Fire": None},
    ),
    # a name written in another alphabet's capitals is a name like any other
    (
        "Merkel will hold talks with her Lithuanian counterpart, Ingrida Šimonytė, on Sunday.",
        {"Ingrida Šimonytė": "person"},
    ),
    (
        "Turkey's foreign minister, Mevlüt Çavuşoğlu, said the talks had failed.",
        {"Mevlüt Çavuşoğlu": "person"},
    ),
    # a name that 'who' goes on to tell of is a person, whatever the tagger typed it
    (
        "The title was won by Australia's Ashleigh Barty, who beat Karolína Plíšková in three "
        "sets.",
        {"Ashleigh Barty": "person"},
    ),
    # ... but not a place the clause runs on from
    ("Thousands fled Cabo Delgado, who have nowhere to go.", {"Cabo Delgado": "place"}),
    # a body named after a place is a body, whatever the tagger typed it; a place named
    # after a body's word is still a place
    (
        "A summit of the Lake Chad Basin Commission, set for N'Djamena on April 2, has been "
        "postponed.",
        {"Lake Chad Basin Commission": "government"},
    ),
    (
        "Leaders met at the Asia-Pacific Economic Cooperation summit in Santiago.",
        {"Asia-Pacific Economic Cooperation": "organisation"},
    ),
    ("Protesters gathered in Union Square.", {"Union Square": "place"}),
    # a name the tagger took for a person is a body when members sit for it, or when it is
    # told with 'which' and speaks; a leader before 'which' is still a person, a feast no one
    (
        "Negotiators for Fine Gael and the Green Party agreed a programme for government. "
        "Fine Gael's parliamentary party approved it last night.",
        {"Fine Gael": "organisation", "Green Party": "organisation"},
    ),
    ("Fine Gael's TDs will meet this evening.", {"Fine Gael": "organisation"}),
    (
        "Temblores, which monitors police abuse, said 47 people had died.",
        {"Temblores": "organisation"},
    ),
    (
        "The faction led by Abdel Wahid al-Nur, which holds parts of Darfur, has refused to "
        "join the talks.",
        {"Abdel Wahid al-Nur": "person"},
    ),
    ("Pilgrims prepared for the Hajj, which begins next week.", {"Hajj": None}),
    # a name only ever given as an example, or as where words were posted, is no party
    ("Customers kept paying for services such as Netflix Premium, the company said.",
     {"Netflix Premium": None}),
    ('"We are in mourning," the governor wrote on Telegram.', {"Telegram": None}),
    ("Video shared on Weibo showed smoke pouring from the building.", {"Weibo": None}),
    # the portfolio in an office's capitalised name is no party; a body a spokesman speaks for is
    ("Ana Ruiz, the Minister of State for Advanced Sciences, said the launch went well.",
     {"Advanced Sciences": None}),
    ("A spokesman for the ECOWAS Commission said the summit would go ahead.",
     {"ECOWAS Commission": "government"}),
    # a title or a competition won is no party; a party that won seats is one
    ("Real Madrid won the Champions League for a third time.", {"Champions League": None}),
    ("The Basotho Unity Front won 47 seats and the Lesotho Liberal Alliance won 38.",
     {"Lesotho Liberal Alliance": "organisation"}),
]  # fmt: skip


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


def test_a_national_government_has_its_formal_name_as_an_alias() -> None:
    found = actors("The Iraqi government said on Monday that it would respond.")
    assert found["Iraqi government"].aliases == ["Government of Iraq"]


def test_a_state_takes_the_adjective_the_article_writes_in_a_bodys_name() -> None:
    found = actors(
        "Norway will ban the drinks, the government said. The Norwegian Institute of "
        "Public Health backed the ban, and Norway's health ministry will enforce it."
    )
    assert "Norwegian government" in found["Norway"].aliases
    assert "Norwegian health ministry" in found["Norway's health ministry"].aliases


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


def test_an_acronym_that_opens_a_long_name_is_its_alias() -> None:
    body = "Brightwater Holdings said BWH Logistics would expand. BWH signed the lease on Friday."
    found = actors(body)
    assert "BWH" not in found
    assert "BWH" in found["BWH Logistics"].aliases


def test_a_shorter_or_plural_form_of_an_organisation_name_is_one_party() -> None:
    body = (
        "The Lakeland Rescue Forces said the dam held. Volunteers joined the Rescue Force "
        "on Tuesday, the Lakeland Rescue Forces added."
    )
    names = [a.name for a in read_actors(parse(body)) if a.kind != "place"]
    assert names.count("Lakeland Rescue Forces") == 1
    assert "Rescue Force" not in names


def test_a_nationality_is_not_a_short_form_of_an_organisation() -> None:
    body = (
        "Norwegian officials met on Monday. The Norwegian Maritime Authority said the ship "
        "was safe. Norwegian divers checked the hull."
    )
    authority = actors(body)["Norwegian Maritime Authority"]
    assert authority.kind == "government"
    assert authority.aliases == []


def test_a_faith_is_not_a_party() -> None:
    found = kinds("The suspect had converted to Buddhism in 2015, a court heard.")
    assert "Buddhism" not in found


def test_a_pipeline_is_not_a_party() -> None:
    found = kinds("The Nordic Gas Pipeline carried gas to Poland, the ministry said.")
    assert "Nordic Gas Pipeline" not in found


def test_a_political_party_met_only_at_its_convention_is_still_a_party() -> None:
    found = kinds("She was a delegate at the Harbour Party of Oregon's 2018 convention.")
    assert found.get("Harbour Party") == "organisation"


def test_a_level_of_government_before_police_keeps_it_a_party() -> None:
    found = kinds("The crash was investigated by state police and the aviation board.")
    assert found.get("state police") == "government"


def test_a_cabinet_owned_by_a_common_noun_is_a_party() -> None:
    found = kinds("The island nation's cabinet voted on Saturday to end the curfew.")
    assert found.get("cabinet") == "government"


def test_riot_police_name_no_party() -> None:
    found = kinds("On Monday, riot police fired tear gas at the crowd.")
    assert "Riot police" not in found and "police" not in found


def test_party_members_who_act_name_their_party() -> None:
    party = actors("Republicans said the bill would fail. The vote is due Friday.")
    assert party["Republican Party"].kind == "organisation"


def test_party_members_in_a_title_name_no_party() -> None:
    found = kinds("The Republican nominee, Dale Ortiz, spoke in Ohio.")
    assert "Republican Party" not in found


def test_two_first_names_before_one_surname_are_two_people() -> None:
    found = kinds("The victims were named as Anna and Peter Kowalski of Gdansk.")
    assert found.get("Anna Kowalski") == "person"
    assert found.get("Peter Kowalski") == "person"


def test_a_name_followed_by_its_country_is_a_place_not_a_person() -> None:
    found = kinds("Trucks queued between Laredo and Nuevo Laredo, Mexico, on Monday.")
    assert found.get("Nuevo Laredo") != "person"
    assert found.get("Laredo") != "person"


def test_a_region_the_headline_makes_its_subject_acts_in_the_story() -> None:
    body = "A state of emergency began on Monday in Ontario as floods spread."
    headline = headline_subjects(parse("Ontario declares state of emergency over floods"))
    assert headline == frozenset({"Ontario"})
    assert {a.name: a.kind for a in read_actors(parse(body), headline)}["Ontario"] == "government"
    assert kinds(body)["Ontario"] == "place"  # without the headline it is only where


def test_a_country_the_headline_makes_its_subject_is_a_state() -> None:
    body = "Five deaths were recorded in Nepal on Tuesday, health officials said."
    headline = headline_subjects(parse("Nepal reports five new deaths from dengue"))
    assert {a.name: a.kind for a in read_actors(parse(body), headline)}["Nepal"] == "state"


def test_a_place_that_only_modifies_the_headline_subject_is_not_its_subject() -> None:
    assert headline_subjects(parse("Lisbon crash kills three cyclists")) == frozenset()


def test_a_first_name_that_shares_a_surname_keeps_its_own_offsets() -> None:
    body = "The victims were named as Anna and Peter Kowalski of Gdansk."
    anna = actors(body)["Anna Kowalski"]
    assert [body[m.start : m.end] for m in anna.mentions] == ["Anna"]


def test_party_members_keep_the_offsets_of_the_word_as_written() -> None:
    body = "Democrats said on Monday that the budget would not pass."
    party = actors(body)["Democratic Party"]
    assert [body[m.start : m.end] for m in party.mentions] == ["Democrats"]


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # the parser hangs the name on the 'of'-phrase; the office it belongs to is the role
        (
            "The chief minister of Koshi province, Ramesh Thapa, backs the plan.",
            "Ramesh Thapa",
            "chief minister of Koshi province",
        ),
        # a compound noun of occupation in apposition is a role
        (
            "One of the dead was named as Amina Okello, a 41-year-old schoolteacher.",
            "Amina Okello",
            "41-year-old schoolteacher",
        ),
        # a role set off right before the name, which the parser hung elsewhere
        (
            "Toktorov and the governor of Tajikistan's Sughd region, Rajab Sharipov, will "
            "meet in Isfara.",
            "Rajab Sharipov",
            "governor of Tajikistan's Sughd region",
        ),
        # a district's collector and a coordinator are roles
        (
            "The UN resident coordinator, Elsa Brandt, spoke by telephone with the minister.",
            "Elsa Brandt",
            "UN resident coordinator",
        ),
        ("District collector Anil Varkey said the roads were shut.", "Anil Varkey", "collector"),
        # a ruler is a title whatever the tagger calls the name
        (
            "The candidate, former military ruler Muhammadu Buhari, is the challenger.",
            "Muhammadu Buhari",
            "ruler",
        ),
    ],
)
def test_a_role_in_apposition_makes_a_person(body: str, name: str, role: str) -> None:
    person = actors(body)[name]
    assert (person.kind, person.role) == ("person", role)


def test_a_country_the_tagger_calls_a_person_still_owns_its_ministry() -> None:
    found = actors("Mali's defence ministry said two soldiers died.")
    assert found["Mali's defence ministry"].kind == "government"


def test_a_ministry_has_its_formal_and_unpossessed_names_as_aliases() -> None:
    found = actors("Mali's defence ministry said two soldiers died.")
    assert found["Mali's defence ministry"].aliases == [
        "Mali defence ministry",
        "Ministry of Defence",
    ]


def test_an_office_in_a_title_is_no_party_and_no_person() -> None:
    found = actors(
        "The delegation is led by the Minister of Transport and Logistics, Tesfaye Alemu."
    )
    assert sorted(found) == ["Tesfaye Alemu"]


def test_a_ministry_named_by_its_portfolio_has_its_formal_name_as_an_alias() -> None:
    found = actors("The economy ministry said 40 flats were unsafe.")
    assert found["economy ministry"].aliases == ["Ministry of Economy"]


def test_the_middle_name_of_three_is_a_short_form_of_the_person() -> None:
    found = actors(
        "Foreign Minister Hassan Moussa Ali met the envoy. Moussa said a deal was close."
    )
    assert "Moussa" not in found and found["Hassan Moussa Ali"].aliases == ["Moussa"]


def test_a_name_the_tagger_cut_before_of_loses_the_dangling_word() -> None:
    body = (
        "The Unity Front won 47 seats and the Lesotho National Alliance of Mamello Khoeli won 38."
    )
    assert actors(body)["Lesotho National Alliance"].kind == "organisation"


def test_a_regional_government_has_its_formal_name_as_an_alias() -> None:
    found = actors("The Sindh government said it would pay compensation to the families.")
    assert "Government of Sindh" in found["Sindh government"].aliases


def test_a_possessed_ministry_takes_the_adjective_the_article_writes() -> None:
    body = "Two Turkish citizens died, Turkey's foreign ministry said."
    assert "Turkish foreign ministry" in actors(body)["Turkey's foreign ministry"].aliases


def test_a_state_that_acts_has_its_government_as_an_alias() -> None:
    found = actors("Turkey said on Monday it would send aid.")
    assert found["Turkey"].kind == "state"
    assert found["Turkey"].aliases == ["Government of Turkey"]


def test_a_state_is_also_its_government_as_the_articles_adjective_names_it() -> None:
    # a reader (and an annotator) says 'the Spanish government' as often as 'Government of Spain'
    body = "Spain said on Monday it would send troops. The Spanish prime minister spoke later."
    assert actors(body)["Spain"].aliases == ["Government of Spain", "Spanish government"]


def test_a_state_whose_adjective_the_article_never_writes_gets_no_adjective_alias() -> None:
    assert actors("Spain said on Monday it would send troops.")["Spain"].aliases == [
        "Government of Spain"
    ]


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        ("The army fights the Islamist militant group Boko Haram in the north.",
         "Boko Haram", "armed_group"),
        ("Donations went to the charity Ayuda Directa on Monday.", "Ayuda Directa",
         "organisation"),
    ],
)  # fmt: skip
def test_a_name_in_apposition_to_a_kind_of_body_is_that_body(
    body: str, name: str, kind: str
) -> None:
    assert actors(body)[name].kind == kind


def test_a_name_the_tagger_ran_on_into_its_place_ends_before_it() -> None:
    found = actors("The Council of Ministers in Ouagadougou declared three days of mourning.")
    assert "Council of Ministers" in found
    assert not any(" in " in name for name in found)


def test_a_name_followed_by_of_and_an_organisation_is_a_member() -> None:
    body = "His main rival, Arben Rexhepi of the Union for Democratic Progress, won 17,950 votes."
    found = actors(body)
    assert found["Arben Rexhepi"].kind == "person"
    assert found["Union for Democratic Progress"].kind == "organisation"
    assert actors("The Bank of England said rates would rise.")["Bank of England"].kind == (
        "organisation"
    )


def test_a_role_set_before_a_name_that_goes_on_is_not_that_word_s_role() -> None:
    found = actors("Many were vulnerable, but the final victim, LGBT activist Andrew Kinsman, 49, "
                   "was quickly reported missing.")  # fmt: skip
    assert "LGBT" not in found
    assert found["Andrew Kinsman"].kind == "person"


# A body the parser dresses as a person: the kind it is, never 'person'.
BODIES_NOT_PEOPLE = [
    # a group's name after 'the' in a clause with its verb left out
    (
        "The army has released 300 prisoners it held, and the Taliban about 90 members of the "
        "police force.",
        "Taliban",
    ),
    # an acronym in brackets after the body it shortens, before the person who heads it
    (
        "On Monday, the chief executive of the Northern Relief Programme (NRP), Maria Okafor, "
        "ended a three-day visit to the camps.",
        "Northern Relief Programme",
    ),
    # a known armed group the tagger reads as a person's name
    ("The army is also fighting Boko Haram in the far north of the country.", "Boko Haram"),
]


@pytest.mark.parametrize(("body", "name"), BODIES_NOT_PEOPLE)
def test_a_body_the_parser_dresses_as_a_person_is_not_one(body: str, name: str) -> None:
    found = actors(body)
    assert name in found
    assert found[name].kind != "person"


def test_a_known_armed_group_is_one_whatever_the_tagger_calls_it() -> None:
    assert (
        kinds("The army is also fighting Boko Haram in the far north of the country.")["Boko Haram"]
        == "armed_group"
    )


def test_a_body_named_only_by_its_member_who_speaks_is_a_party() -> None:
    found = kinds("Four soldiers died in the ambush, but a Taliban official said 12 had died.")
    assert found.get("Taliban") == "armed_group"


def test_a_nationality_on_officials_is_no_party_of_that_name() -> None:
    found = kinds("The president spoke to him by telephone, Ugandan officials said.")
    assert "Ugandan" not in found


def test_a_long_acronym_in_brackets_is_the_body_it_follows() -> None:
    found = actors(
        "The chairman of the Southern Ocean Fisheries Community (SOFICOM) arrived on Monday. "
        "SOFICOM said it would send two ships."
    )
    assert "SOFICOM" not in found
    assert "SOFICOM" in found["Southern Ocean Fisheries Community"].aliases


def test_a_name_whose_last_part_is_hyphenated_in_lower_case_is_one_person() -> None:
    found = kinds(
        "President Ana Ruiz met South Korean President Moon Jae-in on Tuesday, then Prime "
        "Minister Lee Sang-woo at the Government Complex in Seoul."
    )
    assert found.get("Moon Jae-in") == "person"
    assert found.get("Lee Sang-woo") == "person"


def test_a_name_made_an_adjective_is_no_person() -> None:
    assert "Ana Ruiz-led" not in kinds("An Ana Ruiz-led delegation met the rebels on Tuesday.")


def test_a_name_whose_things_are_his_is_a_person_whatever_the_tagger_says() -> None:
    # the tagger calls this name an organisation; 'his trophy' says who it is
    assert kinds("Novak Djokovic lifted his trophy on Sunday.") == {"Novak Djokovic": "person"}


@pytest.mark.parametrize(
    ("body", "name", "formal"),
    [
        (
            "The Texas government said the roads were shut.",
            "Texas government",
            "Government of Texas",
        ),
        (
            "The Hong Kong government said the roads were shut.",
            "Hong Kong government",
            "Government of Hong Kong",
        ),
        (
            "The Philippine government said the roads were shut.",
            "Philippine government",
            "Government of the Philippines",
        ),
    ],
)
def test_a_government_has_its_formal_name_as_its_one_alias(
    body: str, name: str, formal: str
) -> None:
    # 'the' only before a country whose name is plural; a name of two words takes it too
    assert actors(body)[name].aliases == [formal]


@pytest.mark.parametrize(
    "body",
    [
        "European Commission President Ursula von der Leyen took part from Brussels. "
        "Von der Leyen said the EU wanted an agreement by the end of the year.",
        "President Charles Michel and Commission President Ursula von der Leyen spoke first. "
        "Von der Leyen said she hoped to meet Xi in person.",
    ],
)
def test_a_surname_of_several_words_typed_a_body_is_the_person_whose_name_it_ends(
    body: str,
) -> None:
    # the tagger calls 'Von der Leyen' an organisation; it ends one person's name
    found = actors(body)
    assert "Von der Leyen" not in found
    assert len(found["Ursula von der Leyen"].mentions) == 2


def test_a_person_named_within_a_longer_name_stays_apart() -> None:
    # a father's name inside his son's ('Idriss Déby' in 'Mahamat Idriss Déby')
    body = (
        "General Mahamat Idriss Déby took power on Tuesday. His father, Idriss Déby, "
        "had ruled since 1990."
    )
    assert {"Mahamat Idriss Déby", "Idriss Déby"} <= set(actors(body))


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # a hospital that speaks, or owns someone, takes part
        (
            "Marlow Memorial Hospital said 12 of the injured were in a critical condition.",
            "organisation",
        ),
        (
            "Marlow Memorial Hospital's director said 12 of the injured were in a critical "
            "condition.",
            "organisation",
        ),
        # one that only treats the hurt or reopens is where things happen
        ("The injured were taken to Marlow Memorial Hospital on Monday.", "place"),
        ("Marlow Memorial Hospital returned to normal operation on Sunday.", "place"),
    ],
)
def test_a_hospital_is_a_party_only_when_it_speaks(body: str, kind: str) -> None:
    assert kinds(body)["Marlow Memorial Hospital"] == kind


def test_general_inside_a_hospitals_name_is_no_title() -> None:
    body = "Kwekwe General Hospital said 12 of the injured were in a critical condition."
    assert kinds(body) == {"Kwekwe General Hospital": "organisation"}


def test_the_government_of_the_one_state_that_acts_is_that_state() -> None:
    found = actors(
        "Canada said on Monday it would send aid. The government said 40 people had died."
    )
    assert list(found) == ["Canada"]
    assert [m.text for m in found["Canada"].mentions] == ["Canada", "government"]


def test_the_government_stays_its_own_party_when_two_states_act() -> None:
    found = actors(
        "Canada and Mexico said on Monday they would send aid. The government said 40 people "
        "had died."
    )
    assert set(found) == {"Canada", "Mexico", "government"}
