"""Meeting mentions read from the parse: which words are meetings, status, date, place, format.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.text.dates import direction
from newsbrief.text.events import MeetingMention, meeting_mentions
from newsbrief.text.nlp import parse

SAT = dt.date(2024, 3, 30)  # a Saturday
D = dt.date


def mentions(text: str) -> list[MeetingMention]:
    return meeting_mentions(parse(text), SAT)


def one(text: str) -> MeetingMention:
    [mention] = mentions(text)
    return mention


# (sentence, the meeting word found, or None when the sentence holds no meeting)
TRIGGERS = [
    ("The two presidents met in Geneva.", "met"),
    ("The minister spoke with her Spanish counterpart by phone.", "spoke"),
    ("The premier phoned the king on Sunday.", "phoned"),
    # a call made for a purpose is still a call with the one named
    ("Prime Minister Lena Berg telephoned President Omar Haddad to offer help.", "telephoned"),
    ("Police called the protesters to disperse.", None),
    # a ministry summons an envoy to meet it; a court's summons is no meeting
    ("The foreign ministry summoned the Norwegian ambassador on Monday.", "summoned"),
    ("The court summoned the former minister to testify.", None),
    ("Talks between the union and the railway resumed on Monday.", "Talks"),
    ("The bloc will hold a summit in Rome.", "summit"),
    ("The party held its national convention in Ohio.", "convention"),
    ("The candidates clashed in the second televised debate.", "debate"),
    ("She held a video call with the mayor.", "call"),
    ("A session with the Kenyan delegation was pushed back to May 9.", "session"),
    ("A dinner between the two leaders was called off.", "dinner"),
    ("The delegations will reconvene in Amman next week.", "reconvene"),
    # not meetings
    ("The governor held a press conference on Tuesday.", None),
    ("Thousands attended a rally in the capital.", None),
    ("The senator spoke to reporters after the vote.", None),
    ("Speaking to a local radio station, the mayor said he would resign.", None),
    ("The company met its sales target.", None),
    ("Two climbers reached the summit of Everest on Tuesday.", None),
    ("The summit of Mount Kenya was closed to hikers.", None),
    # a body's summit, whatever place the body is named after
    ("A summit of the Lake Chad Basin Commission has been postponed.", "summit"),
    # two people told before, hosted as 'both men' or 'the pair'
    ("The president hosted both men at his residence on Monday.", "hosted"),
    ("The minister hosted the pair for lunch on Monday.", "hosted"),
    ("The hospital received two men with burns.", None),
    # a review is a meeting only with the people it is held with
    ("A review with the hospital owners has been put off until Monday.", "review"),
    ("The ministry ordered a review of safety rules.", None),
    ("The plan met with fierce criticism.", None),
    ("Parliament will debate the budget.", None),
    ("The minister called on rebels to lay down arms.", None),
    ("The governor called the report a hoax.", None),
    ("Lawmakers attended meetings all week.", None),
    ("The treaty follows the Geneva Convention on refugees.", None),
    ("The mayor hosted a charity dinner on Friday.", None),  # a meal with no one named
    # a journey whose purpose is to see someone named or an office
    ("The envoy will fly to Lima next week to see President Ana Ruiz.", "see"),
    ("The minister flew to the coast on Monday to see the damage.", None),
    ("She travelled to Nairobi to see her family.", None),
    ("The minister is expected to meet the management of the ferry company.", "meet"),
    # a round of talks told without its noun; not a round of a vote, a contest or a weapon
    ("The first round, held in Nairobi in March, ended without agreement.", "round"),
    ("The second round of voting will be held on May 5.", None),
    ("She was knocked out in the first round of the tournament.", None),
    ("A mortar round hit the school on Monday.", None),
    # a session where it stands in a series, or a body's own, once set or placed
    ("A preparatory session in Lima set for May 2 was called off.", "session"),
    ("A session of the joint border commission was scheduled for June 8.", "session"),
    ("A session of parliament was held on Tuesday to debate the budget.", None),
    # a session held by video or between the sides is talks; a training session is not
    ("The video session, first set for Wednesday, was moved to Thursday.", "session"),
    ("A trilateral session in Lusaka on Friday ended without a deal.", "session"),
    ("A training session in Lusaka on Friday ended early.", None),
    # a session of the body its verb's subject names, or one ranked in a series
    ("The committee postponed its session to Monday so the inspector could report.", "session"),
    ("The contact group held its latest session by video link on Wednesday.", "session"),
    ("A second closed session is planned for today.", "session"),
    ("The court adjourned its session until Friday.", None),
    # an assembly of people meets; a country's Assembly is its parliament
    ("An assembly of tribal elders met in Kandahar on Friday.", "assembly"),
    ("The party holds four of the 140 seats in the Assembly of Albania.", None),
    # teams that meet in a contest play a fixture; leaders who meet at one still meet
    ("The two sides had met twice in the league this season.", None),
    ("Arsenal will meet Chelsea in the cup final on Saturday.", None),
    ("President Ana Ruiz met Premier Ida Lund at the World Cup final.", "met"),
    ("A sitting president was beaten into second place in a first round.", None),
    # a visit to a one-word name never given in full is a visit to a place
    ("President Ana Ruiz visited Kutupalong on Tuesday.", None),
    # and so is a name joined to such a place, or one that ends in a word for a building
    ("He visited Kutupalong and Southern Tarlo yesterday.", None),
    ("The pope visited St Mark's Cathedral in Cairo.", None),
    ("President Ana Ruiz visited Chancellor Ida Lund and Mayor Tim Kuss on Monday.", "visited"),
    # relatives who gather meet no one
    ("Ten workers are missing, according to relatives gathered outside the gates.", None),
    # a banquet in someone's honour, or one two people hold, is a meeting
    ("Queen Ida hosted a state banquet in his honour at the palace.", "banquet"),
    ("Ana Ruiz and Ida Lund held a dinner in Oslo on Wednesday.", "dinner"),
    # a forum with a name that acts, speaks or stands in apposition is a body
    ("The Kenya Bar Forum was admitted as a friend of the court.", None),
    ("The employers' group Irish Business Forum said the rise was too high.", None),
    ("The World Economic Forum opened in Davos on Monday.", "Forum"),
    # a building named after a kind of meeting is a building
    ("About 600 people slept at the Moscone Convention Center on Monday.", None),
    ("Voters queued outside the Kenyatta International Conference Centre.", None),
    # a body's office is no meeting of it
    ("Forum Secretary General Dame Meg Taylor said the members had agreed on a statement.", None),
    # a hospital taking in a counted crowd receives patients, not guests
    (
        "Mbarara Regional Referral Hospital received 41 people with gunshot wounds by Thursday "
        "night, a hospital official who asked not to be named told reporters.",
        None,
    ),
    ("The president received the three envoys on Sunday.", "received"),
    # a surname the parser read as an adverb is still the guest
    (
        "General Ahmed Hamid Ekwally arrived in the capital on Sunday. On Monday evening, "
        "President Peter Lado received Ekwally at his official residence.",
        "received",
    ),
    ("The general presided over a meeting of the cabinet on Tuesday.", "meeting"),
    # a ruler or a cleric receives guests like any official
    ("The visiting minister was received by the country's emir on Sunday.", "received"),
    # people of any kind can be met, but not the press
    ("Pandey said he would meet the civil surgeons of the districts in Gaya on Thursday.", "meet"),
    ("Vahtra met reporters outside the parliament building after the session.", None),
    # 'the two men' named before sit down together
    ("The two men sat down at City Hall on Thursday to discuss flood control.", "sat"),
]


@pytest.mark.parametrize(("sentence", "word"), TRIGGERS)
def test_meeting_words(sentence: str, word: str | None) -> None:
    found = mentions(sentence)
    assert [m.trigger.text for m in found][:1] == ([word] if word else [])


def test_the_session_of_a_body_the_main_clause_names_is_its_meeting() -> None:
    found = mentions(
        "The county board had been due to meet on Tuesday, but the session has been postponed "
        "to May 4 because its chairman is ill, a clerk said."
    )
    assert [(m.trigger.text, m.status) for m in found] == [
        ("meet", "cancelled"),
        ("session", "rescheduled"),
    ]


# (sentence, the day a moved meeting is now set for, the day it was first set for)
MOVED = [
    # the day its own clause names is the day first set
    (
        "A council meeting that had been scheduled for tomorrow will instead be held online on "
        "Friday, an aide said.",
        "on Friday",
        "tomorrow",
    ),
    # the clause that set it may hang deep in the meeting's phrase
    (
        "A meeting between the mayor and union leaders on the strike, which had been set for "
        "tomorrow, will now be held by video link on Friday.",
        "on Friday",
        "tomorrow",
    ),
    # the new day is the one after that clause, though 'on Monday' in it is nearer the word
    (
        "The second round of talks, which had been expected on Monday, will now take place "
        "on October 28, officials said.",
        "on October 28",
        "on Monday",
    ),
    # put off, then set again by the next verb
    (
        "The board's meeting set for tonight has been put off and will be held on Monday.",
        "on Monday",
        "tonight",
    ),
]


@pytest.mark.parametrize(("sentence", "now", "first"), MOVED)
def test_a_moved_meeting_has_its_new_day_and_the_day_first_set(
    sentence: str, now: str, first: str
) -> None:
    moved = one(sentence)
    assert moved.status == "rescheduled"
    assert moved.date is not None and moved.date.text == now
    assert moved.first_date is not None and moved.first_date.text == first


# (sentence, the status the governing words give, or None when they do not settle it)
STATUSES = [
    ("The leaders met on Tuesday.", "held"),
    ("The leaders have met twice this year.", "held"),
    ("The leaders will meet on Tuesday.", "planned"),
    ("The leaders are scheduled to meet on Tuesday.", "planned"),
    ("The ministers plan to hold talks next week.", "planned"),
    ("Officials said the two sides would meet next week.", "planned"),  # reported speech
    ("The summit is to be held in Oslo.", "planned"),
    ("The envoys agreed to meet again in May.", "planned"),
    ("The summit was cancelled.", "cancelled"),
    ("The talks were called off after the attack.", "cancelled"),
    ("The summit was postponed to June.", "rescheduled"),
    ("The meeting has been rescheduled for Friday.", "rescheduled"),
    ("The conference moved from Lyon to Nice.", "rescheduled"),
    ("The talks will not take place on Monday.", "cancelled"),  # a set meeting called off
    # postponed with only the day it was set for: that meeting is off, no new day given
    ("The talks had been due to open on May 2 but were postponed.", "cancelled"),
    ("The talks will instead be held on May 15 in Oslo.", "rescheduled"),
    # put back or put off: moved, or, with no new day, called off
    ("The talks between the two ministers have been put back to next month.", "rescheduled"),
    ("The talks between the two ministers were put off until Monday.", "rescheduled"),
    ("A plenary session the chairman had called for Sunday was put off.", "cancelled"),
    ("The delegations would now meet on June 29 in Osh.", "rescheduled"),
    ("The mayor said the council would meet instead on Monday, August 5.", "rescheduled"),
    ("A dinner between the two ministers set for Friday was dropped.", "cancelled"),
    ("The premier flew to Oslo on Monday to meet the king.", "held"),  # a journey's purpose
    ("The leaders meet in Cairo.", None),  # present tense: nothing settled
    # a plan told in the past perfect was overtaken: not held as set
    ("The minister had been due to receive union leaders on Thursday.", "cancelled"),
    ("A fifth round had been scheduled for August 28.", "cancelled"),
    ("The envoys had planned to hold talks in Oslo in May.", "cancelled"),
    # an invitation to a set meeting plans it; an invitation to meet only offers one
    ("The president has invited the Gulf leaders to a summit at Camp David.", "planned"),
]


@pytest.mark.parametrize(("sentence", "status"), STATUSES)
def test_status_from_the_governing_words(sentence: str, status: str | None) -> None:
    mention = one(sentence)
    assert (mention.status, mention.hypothetical) == (status, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers debated whether to hold talks with the rebels.",
        "The president refused to meet the envoy.",
        "The leaders did not meet on Friday.",
        "The two sides could meet next week.",
        "The president said he would be happy to meet the rebel leader.",
        "The church tried to broker talks between the two candidates.",
        # an offer or a call to meet is no meeting yet (the conventions' hypothetical)
        "Qatar proposed talks between the two sides.",
        "The mediators called for talks between the factions.",
        "Provincial officials offered to meet the kidnappers.",
        "The premier had offered on Friday to meet the leaders of all parties.",
        "The mayor declined an invitation from the governor to meet on Tuesday.",
        # a refusal calls nothing off: no meeting had been set
        "The minister said she would not meet him until the strike ended.",
        "Holding a summit is a way to ease tension.",
    ],
)
def test_hypothetical_and_negated_meetings_are_flagged(sentence: str) -> None:
    assert all(m.hypothetical for m in mentions(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither side announced a further round.",
        "Nobody has announced a new summit.",
        # a meeting on a condition is one that would follow, not one set
        "He wrote that if the rebel leader saw his message, he would meet him at the border.",
    ],
)
def test_a_meeting_no_one_announced_or_on_a_condition_is_none(sentence: str) -> None:
    found = mentions(sentence)
    assert found and all(m.hypothetical for m in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # the purpose of an offered meeting is no meeting of its own
        "Officials offered to meet the rebels to negotiate a truce, but the army refused.",
        "The army said it would not allow any talks with the rebels.",
        # a call to a radio station is an interview
        "In a phone call to a local radio station, the rebel commander said his men would fight.",
        # asking to meet is a request, not a meeting
        "The opposition leader has asked to meet the prime minister to discuss the reform.",
    ],
)
def test_offers_refusals_and_interviews_yield_no_meeting(sentence: str) -> None:
    assert [m for m in mentions(sentence) if not m.hypothetical] == []


# (sentence, the date phrase of the meeting, its date)
DATES = [
    ("The ministry announced on Friday that the talks will take place on Monday.",
     "on Monday", D(2024, 4, 1)),
    ("The talks will take place on Monday, the ministry announced on Friday.",
     "on Monday", D(2024, 4, 1)),
    ("The president said on Thursday he had met the king on Tuesday.",
     "on Tuesday", D(2024, 3, 26)),
    ("Officials said on Monday the meeting would take place Thursday.", "Thursday",
     D(2024, 4, 4)),  # a weekday in reported speech: the tense of the reported clause
    ("The summit, scheduled for October 15 in Oslo, was cancelled.", "October 15",
     D(2023, 10, 15)),
    ("The envoys met on March 20 last year.", "on March 20 last year", D(2023, 3, 20)),
    # an agreement told in the past perfect sets a day ahead of it, not one gone by
    ("The negotiators said they had agreed to meet again on Tuesday.", "on Tuesday",
     D(2024, 4, 2)),
    ("The premier will travel to Oslo next week to meet the king.", "next week", None),
    ("The summit had been due to open on April 2.", "on April 2", D(2024, 4, 2)),
    ("The minister will meet officials of the league and both clubs on Monday.", "on Monday",
     D(2024, 4, 1)),  # a date hung on the second of those met
    ("The envoy flew to Tromso, the regional capital, on Monday, where she met the mayor.",
     "on Monday", D(2024, 3, 25)),  # the parser hangs the 'where' clause on the day
    ("The governor will meet elders from the flooded villages on Thursday.", "on Thursday",
     D(2024, 4, 4)),  # a date hung on where those met come from
    ("The interior minister received a delegation from the Red Cross, led by its regional "
     "director Paul Amadi, in Kano on Tuesday to discuss the floods.", "on Tuesday",
     D(2024, 3, 26)),  # a date hung on a participle that describes who is met
    ("The premier arrived in Oslo yesterday and held talks with the king at the palace.",
     "yesterday", D(2024, 3, 29)),  # the day of the journey the talks were held on
    ("The premier is due to fly to Tromso tomorrow and will chair a meeting with local "
     "officials at the command post.", "tomorrow", D(2024, 3, 31)),  # and of a journey planned
]  # fmt: skip


def test_a_meeting_told_as_the_time_of_a_dated_act_is_on_that_day() -> None:
    found = mentions(
        "The chancellor yesterday promised the republic a loan of $2 billion as she hosted "
        "President Omar Haddad for talks at her residence."
    )
    assert found
    assert [m.date.date if m.date else None for m in found] == [D(2024, 3, 29)] * len(found)


def test_a_day_told_after_the_last_of_those_met_is_every_ones() -> None:
    found = mentions(
        "The deputy envoy, Ana Lind, met separately with the rebel delegation and then with "
        "the government team on Monday, shuttling proposals between them."
    )
    assert [m.date.date if m.date else None for m in found] == [D(2024, 3, 25)] * 2


@pytest.mark.parametrize(("sentence", "text", "date"), DATES)
def test_the_date_is_the_meetings_not_the_announcements(
    sentence: str, text: str, date: dt.date | None
) -> None:
    [mention] = [m for m in mentions(sentence) if m.date is not None]
    assert mention.date is not None
    assert (mention.date.text, mention.date.date) == (text, date)
    assert sentence[mention.date.start : mention.date.end] == text


def test_a_meeting_put_off_keeps_the_day_it_was_set_for_before_publication() -> None:
    found = one("A plenary session the chairman had called for Thursday was put off.")
    assert found.status == "cancelled"
    assert found.date is not None and found.date.date == D(2024, 3, 28)


def test_a_meeting_put_off_to_a_new_day_is_moved_to_it() -> None:
    found = one("The summit, which had been due on Thursday, was put off to April 10.")
    assert found.status == "rescheduled"
    assert found.date is not None and found.date.date == D(2024, 4, 10)


def test_a_day_in_the_meetings_own_conjunct_beats_the_other_verbs() -> None:
    found = one(
        "Banerjee will carry out an aerial survey of the worst-hit areas today and hold a "
        "review meeting with district officials in Namkhana tomorrow."
    )
    assert found.date is not None and found.date.date == D(2024, 3, 31)


def test_talks_someone_holds_in_the_present_are_a_timetable() -> None:
    talks = mentions(
        "Later today the president flies to Brussels for a summit and holds talks with "
        "Premier Ana Ruiz in Geneva on Wednesday."
    )[-1]
    assert talks.date is not None and talks.date.date == D(2024, 4, 3)


def test_a_journey_in_the_present_to_a_meeting_is_a_timetable() -> None:
    found = one("The premier then travels to Oslo for a summit of Nordic leaders on Monday.")
    assert found.date is not None and found.date.date == D(2024, 4, 1)


def test_a_day_on_an_object_the_parser_split_off_is_the_meetings() -> None:
    found = one(
        "Al-Khattabi said he would meet the administrators of the Imam Hussein and al-Abbas "
        "shrines on Thursday to review crowd arrangements."
    )
    assert found.date is not None and found.date.date == D(2024, 4, 4)


def test_a_date_on_another_thing_is_not_the_meetings() -> None:
    sentence = "The envoys, who arrived on Sunday, met the king."
    assert one(sentence).date is None


def test_a_date_told_from_another_event_names_it() -> None:
    sentence = "The mayor scheduled a town hall for the day the debate was to be held."
    [date] = [m.date for m in mentions(sentence) if m.noun == "town hall"]
    assert date is not None
    assert (date.event, date.offset, date.date) == ("debate", 0, None)


# (sentence, format, location)
PLACES = [
    ("The presidents met in Geneva on Monday.", "in_person", "Geneva"),
    ("The leaders spoke by telephone on Friday night.", "virtual", None),
    ("The party held its convention via Zoom.", "virtual", None),
    ("The ministers held a virtual meeting on Monday.", "virtual", None),
    ("The debate is scheduled for May 2 at Belmont University in Nashville, Tennessee.",
     "in_person", "Belmont University, Nashville, Tennessee"),
    ("The rally organisers met the mayor.", "unknown", None),
    ("The convention moved from Charlotte to Jacksonville.", "in_person", "Jacksonville"),
    ("Ida Lund sat down with Crown Prince Omar Haddad in Riyadh on Tuesday.", "in_person",
     "Riyadh"),
    ("A trade delegation arrived in Ottawa on Monday for two days of negotiations.",
     "in_person", "Ottawa"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "fmt", "location"), PLACES)
def test_format_and_place(sentence: str, fmt: str, location: str | None) -> None:
    mention = mentions(sentence)[0]
    assert mention.format == fmt
    assert (mention.location.text if mention.location else None) == location


def test_participants_are_the_subject_and_who_it_meets() -> None:
    mention = one("German Chancellor Olaf Scholz held talks with Donald Tusk in Warsaw.")
    assert [p.text for p in mention.participants] == ["Olaf Scholz", "Donald Tusk"]


def test_met_with_a_then_with_b_is_two_meetings() -> None:
    found = mentions("Anna Berg met with Omar Haddad in Rome, then with Li Wei.")
    assert [[p.text for p in m.participants] for m in found] == [
        ["Anna Berg", "Omar Haddad"],
        ["Anna Berg", "Li Wei"],
    ]
    assert [[p.text for p in m.counterparts] for m in found] == [["Omar Haddad"], ["Li Wei"]]


def test_separate_meetings_with_a_and_with_b_are_two_meetings_on_the_day_told() -> None:
    found = mentions("Ida Lund visited Lagos on March 25 and held separate meetings with Omar "
                     "Haddad and with Li Wei.")  # fmt: skip
    assert [[p.text for p in m.participants] for m in found] == [
        ["Ida Lund", "Omar Haddad"],
        ["Ida Lund", "Li Wei"],
    ]
    assert [m.date.date if m.date else None for m in found] == [D(2024, 3, 25)] * 2


def test_meeting_separately_with_two_named_is_two_meetings() -> None:
    found = mentions("Anna Berg met separately with Omar Haddad and Li Wei.")
    assert [[p.text for p in m.counterparts] for m in found] == [["Omar Haddad"], ["Li Wei"]]


def test_an_ordinal_names_the_event() -> None:
    mention = one("The second presidential debate was cancelled.")
    assert (mention.noun, mention.ordinal, mention.definite) == ("debate", "second", True)


def test_it_was_their_first_meeting_refers_back() -> None:
    mention = one("It was their first meeting since 2019.")
    assert (mention.definite, mention.fresh, mention.ordinal, mention.date) == (
        True,
        False,
        None,
        None,
    )


# Meetings written without a meeting noun, and the planned/held line (issue 9).
VERB_MEETINGS = [
    # (sentence, status, [participants as written])
    ("Premier Ida Lund spoke with Chancellor Max Hahn on Tuesday.", "held",
     ["Ida Lund", "Max Hahn"]),
    ("Governor Ray Cole hosted the Peruvian president in Austin on Monday.", "held",
     ["Ray Cole", "the Peruvian president"]),
    ("President Tomas Reyes held talks with Prime Minister Aiko Mori in Lima.", "held",
     ["Tomas Reyes", "Aiko Mori"]),
    ("Tomas Reyes is expected to hold talks with Aiko Mori when he visits Tokyo.", "planned",
     ["Tomas Reyes", "Aiko Mori"]),
    ("Tomas Reyes will travel to Tokyo next month to meet Aiko Mori.", "planned",
     ["Tomas Reyes", "Aiko Mori"]),
    ("The rival candidates debated on Thursday night in Denver.", "held",
     ["The rival candidates"]),
    ("Ida Lund will meet managers of the water utility on Monday.", "planned",
     ["Ida Lund", "managers"]),
    ("The minister called off a visit to Lima, where she was due to meet Aiko Mori.",
     "cancelled", ["she", "Aiko Mori"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "status", "people"), VERB_MEETINGS)
def test_a_meeting_told_by_its_verb(sentence: str, status: str, people: list[str]) -> None:
    [mention] = [m for m in mentions(sentence) if m.status is not None]
    assert mention.status == status
    assert [p.text for p in mention.participants] == people


# (sentence, whether it tells a meeting for sure)
SITTINGS = [
    # a body meets when it sits, behind closed doors or not
    ("The UN Security Council is to meet behind closed doors on Tuesday.", True),
    ("The cabinet met on Monday.", True),
    # a hospital that receives the wounded meets no one
    ("The count included victims listed twice by the two hospitals that received them.", None),
]


@pytest.mark.parametrize(("sentence", "sure"), SITTINGS)
def test_a_body_sits_and_a_hospital_takes_patients_in(sentence: str, sure: bool | None) -> None:
    assert [m.sure for m in mentions(sentence)][:1] == ([sure] if sure is not None else [])


def test_what_someone_did_during_a_call_is_not_what_became_of_the_call() -> None:
    mention = one("Chancellor Max Hahn, in a phone call with Ida Lund on Sunday, urged calm.")
    assert (mention.status, mention.format) == ("held", "virtual")
    assert mention.date is not None and mention.date.date == D(2024, 3, 24)


def test_an_agreement_at_a_summit_does_not_make_the_summit_planned() -> None:
    assert one("At the summit on Friday, the leaders agreed to cut tariffs.").status == "held"


def test_taking_part_in_a_planned_summit_keeps_the_plan() -> None:
    assert one("The minister was scheduled to take part in the summit in Oslo.").status == (
        "planned"
    )


def test_a_second_verb_shares_the_plan_of_the_first() -> None:
    found = mentions("The envoy plans to fly to Lima and meet President Tomas Reyes next week.")
    [meet] = [m for m in found if m.trigger.text == "meet"]
    assert meet.status == "planned"


# a plan that a 'but' clause says did not happen or was not attended is off
FELL_THROUGH = [
    ("The envoys were to meet in Oslo on Monday, but the meeting did not take place.", "cancelled"),
    (
        "Talks with the rebels were to open on Thursday, but their delegation did not attend.",
        "cancelled",
    ),
    ("The presidents will meet on Monday, but their ministers will not attend.", "planned"),
    (
        "The minister had been scheduled to meet the mayors on Friday but flew to Lima instead.",
        "cancelled",
    ),
    # the noun's own words set it; the verb says it did not happen
    (
        "The meeting between Ida Lund and Max Hahn, scheduled for Monday, did not take place.",
        "cancelled",
    ),
    ("A summit that officials had pencilled in for May never took place.", "cancelled"),
]


@pytest.mark.parametrize(("sentence", "status"), FELL_THROUGH)
def test_a_plan_that_did_not_happen_is_cancelled(sentence: str, status: str) -> None:
    assert mentions(sentence)[0].status == status


def test_a_plan_that_did_not_happen_is_dated_by_the_last_such_day() -> None:
    first = mentions(
        "The envoys were to meet in Oslo on Monday, but the meeting did not take place."
    )[0]
    assert first.date is not None and first.date.date == D(2024, 3, 25)


def test_a_plan_told_in_the_past_perfect_dates_the_last_such_day() -> None:
    mention = one("Ida Lund had been due to meet Max Hahn on Friday.")
    assert mention.status == "cancelled"  # overtaken: it did not happen as set
    assert mention.date is not None and mention.date.date == D(2024, 3, 29)


@pytest.mark.parametrize(
    "sentence",
    [
        # any meeting verb with 'with A' and then 'with B', not only 'met'
        "Ida Lund spoke by telephone with Max Hahn and then with Aiko Mori.",
        "Ida Lund sat down with Max Hahn on Monday, and then with Aiko Mori.",
        "Ida Lund talked first with Max Hahn and later with Aiko Mori.",
        "Ida Lund spoke by phone on Monday with her Danish peer Max Hahn and with Aiko Mori.",
        # 'met A and, separately, B', wherever the parser hangs B and 'separately'
        "Ida Lund met Max Hahn and, separately, Aiko Mori on Monday.",
        "The envoy met Max Hahn and, separately, Aiko Mori in Rome.",
    ],
)
def test_a_with_b_told_in_turn_or_apart_is_a_meeting_with_each(sentence: str) -> None:
    found = mentions(sentence)
    assert [[p.text for p in m.counterparts] for m in found] == [["Max Hahn"], ["Aiko Mori"]]
    assert not any(m.span.text.startswith(",") for m in found)  # a meeting's words, no comma


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegations are due to reconvene in Velmora on Monday.",
        "The border committee will reconvene on Monday.",
    ],
)
def test_a_body_or_delegations_reconvening_is_a_planned_meeting(sentence: str) -> None:
    [mention] = mentions(sentence)
    assert mention.status == "planned"
    assert mention.date is not None and mention.date.date == D(2024, 4, 1)


def test_due_to_before_a_noun_is_still_a_cause() -> None:
    assert mentions("The talks were cancelled due to rain.")[0].status == "cancelled"


def test_a_meeting_moved_from_a_day_told_in_the_past_perfect_was_set_for_the_last_one() -> None:
    mention = one("A meeting of the border commission that had been scheduled for Monday was "
                  "moved to Riga, officials said.")  # fmt: skip
    assert mention.status == "cancelled"
    assert mention.date is not None and mention.date.date == D(2024, 3, 25)


def test_spoke_with_a_and_b_is_one_call() -> None:
    [mention] = mentions("Ida Lund spoke by telephone with Max Hahn and Aiko Mori.")
    assert [p.text for p in mention.counterparts] == ["Max Hahn", "Aiko Mori"]


def test_met_a_on_one_day_and_b_on_another_dates_each_meeting() -> None:
    found = mentions("Ida Lund met with Max Hahn on Monday and then with Aiko Mori on Tuesday.")
    assert [([p.text for p in m.counterparts], m.date.date if m.date else None) for m in found] == [
        (["Max Hahn"], D(2024, 3, 25)),
        (["Aiko Mori"], D(2024, 3, 26)),
    ]


def test_parliament_debating_a_bill_is_no_meeting() -> None:
    assert mentions("Lawmakers debated the budget bill for six hours on Tuesday.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Lund and Max Hahn spoke on Monday about the border.",
        "The two premiers talked for an hour on Tuesday.",
    ],
)
def test_two_people_who_spoke_together_may_have_met(sentence: str) -> None:
    mention = one(sentence)
    assert (mention.status, mention.sure) == ("held", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Lund and Max Hahn spoke at a rally in Denver.",
        "Both candidates spoke of their faith.",
        "Residents spoke about the flood.",
    ],
)
def test_speeches_and_testimony_are_not_talks(sentence: str) -> None:
    assert mentions(sentence) == []


def test_due_on_the_copula_is_a_plan() -> None:
    assert one("The summit of Andean leaders is due next week.").status == "planned"


def test_a_day_told_in_the_present_is_ahead() -> None:
    mention = one("The summit of Andean leaders opens in Lima on Monday.")
    assert mention.date is not None and mention.date.date == D(2024, 4, 1)


@pytest.mark.parametrize(
    ("phrase", "way"),
    [
        ("next week", "ahead"),
        ("later this month", "ahead"),
        ("in the coming days", "ahead"),
        ("last week", "behind"),
        ("earlier this month", "behind"),
        ("two days ago", "behind"),
        ("the following week", None),
        ("later that day", None),
        ("this week", None),
    ],
)
def test_the_direction_of_a_relative_date(phrase: str, way: str | None) -> None:
    assert direction(phrase) == way


def test_gathering_for_a_summit_is_the_summit() -> None:
    found = mentions("Andean leaders gathered in Lima for a regional summit on Thursday.")
    assert [m.trigger.text for m in found] == ["summit"]


def test_a_verb_describing_a_meeting_noun_is_not_another_meeting() -> None:
    found = mentions("Ida Lund and Max Hahn met in Lima at a summit hosted by Aiko Mori.")
    assert [m.trigger.text for m in found] == ["met", "summit"]


def test_a_present_about_a_past_meeting_does_not_put_its_day_ahead() -> None:
    mention = one("The inquiry centres on the phone call between Ida Lund and Max Hahn on Monday.")
    assert mention.date is not None and mention.date.date == D(2024, 3, 25)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two witnesses spoke on Monday.",
        "Both men talked for hours.",
        "Neighbours and relatives spoke about the victims.",
    ],
)
def test_people_who_are_not_principals_speaking_is_no_meeting(sentence: str) -> None:
    assert mentions(sentence) == []


def test_what_happened_at_a_summit_is_not_a_plan_for_it() -> None:
    found = mentions(
        "Ida Lund and Max Hahn met on the sidelines of the summit in Lima last November, "
        "where they agreed to set up a fund."
    )
    assert [m.status for m in found if m.trigger.text == "summit"] == ["held"]


def test_no_meeting_that_took_place_calls_nothing_off() -> None:
    assert [m.status for m in mentions("No meeting between Ida Lund and Max Hahn took place.")] in (
        [],
        [None],
    )


@pytest.mark.parametrize(
    ("sentence", "guest"),
    [
        ("Ida Lund hosted South Korean President Moon Jae-in at the White House.", "Moon Jae-in"),
        ("Kim Jong-un met President Moon Jae-in at Panmunjom.", "Moon Jae-in"),
    ],
)
def test_a_name_with_a_hyphenated_lower_case_part_is_one_guest(sentence: str, guest: str) -> None:
    [mention] = mentions(sentence)
    assert mention.status == "held"
    assert guest in [p.text for p in mention.participants]


def test_a_co_verb_is_read_as_its_verb() -> None:
    [mention] = mentions(
        "Lund said that Norway and Japan would co-host a donors' conference by video on Sunday."
    )
    assert (mention.trigger.text, mention.status, mention.format) == (
        "conference",
        "planned",
        "virtual",
    )
    assert mention.date is not None and mention.date.date == D(2024, 3, 31)


def test_whom_a_matter_was_discussed_with_is_who_was_met() -> None:
    [mention] = mentions("Ida Lund discussed the crisis with Max Hahn by telephone on Friday.")
    assert [p.text for p in mention.counterparts] == ["Max Hahn"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Lund and Max Hahn had met the general in a side room on Friday.",
        "Investigators from Ruvania are to meet the commission in Oslo next week.",
    ],
)
def test_meeting_a_general_or_a_body_is_a_meeting(sentence: str) -> None:
    assert [m.trigger.text for m in mentions(sentence)] in (["met"], ["meet"])


def test_a_body_meeting_a_target_is_no_meeting() -> None:
    assert mentions("The plan met the committee's approval on Friday.") == []


def test_relations_with_a_country_to_be_discussed_are_no_talks_with_it() -> None:
    found = mentions(
        "The leaders will meet in Oslo on October 15 for a summit, which is expected to discuss "
        "relations with Ruvania and with Tamberg."
    )
    assert all(not m.counterparts for m in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Midfielder Ana Ruiz, 19, received the Kopa Trophy for the best young player on Monday.",
        "The attack came weeks after the bloc blocked Ruvania's membership talks on Monday.",
        "Tamberg's EU accession talks have been frozen since 2016.",
    ],
)
def test_an_award_received_and_accession_talks_are_no_meeting(sentence: str) -> None:
    assert [m for m in mentions(sentence) if m.status is not None] == []
