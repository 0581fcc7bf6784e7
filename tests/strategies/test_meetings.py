"""Meetings step: mentions tied into meetings, dated, and checked by the model only when needed.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from newsbrief.models import Meeting
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.base import Job, RulesAsker
from newsbrief.strategies.candidates import MeetingAnswer
from newsbrief.strategies.candidates.context import Context, sentences
from newsbrief.strategies.candidates.entities import find_entities
from newsbrief.strategies.candidates.meetings import find_meetings
from tests.askers import CannedAsker

SAT = dt.date(2024, 3, 30)  # a Saturday
D = dt.date


def meetings(body: str, ask: Any = None) -> list[Meeting]:
    job = Job(body=body, published=SAT, title=None, prompts=_prompts.load("candidates", "v2"))
    ctx = Context(job=job, ask=ask or RulesAsker(), sentences=sentences(body))
    asyncio.run(find_entities(ctx))
    return asyncio.run(find_meetings(ctx))


def summary(body: str) -> list[tuple[str, dt.date | None, str]]:
    return [(m.status, m.date, m.format) for m in meetings(body)]


# (article, [(status, date, format)] code reads without a model)
ARTICLES = [
    # a meeting 'held back' was put off; one 'held' somewhere took place
    ("The talks set for Monday were held back by a day.",
     [("cancelled", D(2024, 4, 1), "unknown")]),
    ("The talks were held in Lima on Monday.", [("held", D(2024, 3, 25), "in_person")]),
    # the day hung on whoever is met, or on the words that describe them, is the meeting's
    ("Ana Ruiz will meet construction companies working in the province in Lima on Wednesday.",
     [("planned", D(2024, 4, 3), "unknown")]),
    # a meal had with someone named or an office is a meeting; with friends it is not
    ("On Friday Ana Ruiz had lunch with Prime Minister Omar Haddad in Lima.",
     [("held", D(2024, 3, 29), "in_person")]),
    ("On Friday he had lunch with friends in Lima.", []),
    # a meeting that slipped to a day was moved there
    ("The council meeting set for Monday has slipped to Thursday.",
     [("cancelled", D(2024, 4, 1), "unknown"), ("rescheduled", D(2024, 4, 4), "unknown")]),
    # a body that meets today, told in the present, is the day's news: it has yet to sit
    ("The cabinet meets today to discuss the budget.", [("planned", D(2024, 3, 30), "unknown")]),
    ("The cabinet met today to discuss the budget.", [("held", D(2024, 3, 30), "unknown")]),
    # hours spent with someone named or an office were a meeting; with kin, or on a thing, not
    ("Trade Minister Ana Ruiz spent four hours with union representatives in Lima on Tuesday.",
     [("held", D(2024, 3, 26), "in_person")]),
    ("Ana Ruiz spent the day with his family in Tarn.", []),
    ("Ana Ruiz spent two hours on the report on Tuesday.", []),
    # sitting down with someone, told as a clause of its own, is a meeting, not an interview
    ("Ana Ruiz ended her tour on Friday, sitting down with Tomas Berg in Lima.",
     [("held", D(2024, 3, 29), "in_person")]),
    ("Sitting down with reporters on Friday, Ana Ruiz said the deal was close.", []),
    # 'is to see' an office or a name is a meeting planned; a thing or kin is not
    ("The mediator is to see Prime Minister Omar Haddad this afternoon.",
     [("planned", D(2024, 3, 30), "unknown")]),
    ("The mediator is to see the damage on Monday.", []),
    # 'he and his counterpart' did it by telephone: a call; offices in the plural sat down
    ("On Friday he and his Peruvian counterpart, Omar Haddad, settled the timetable by "
     "telephone.",
     [("held", D(2024, 3, 29), "virtual")]),
    ("He and his wife settled the bill by telephone.", []),
    ("Their finance ministers will sit down together in Lima on Monday.",
     [("planned", D(2024, 4, 1), "in_person")]),
    ("The families sat down together for dinner.", []),
    # a meeting put off, moved or set for a day is a meeting, however bare its noun
    ("The neighbourhood meetings scheduled for tonight have been put off until next week.",
     [("cancelled", D(2024, 3, 30), "unknown"), ("rescheduled", None, "unknown")]),
    ("A session of the council was put off until Friday.",
     [("rescheduled", D(2024, 4, 5), "unknown")]),
    ("The consultations planned for Monday were moved to Friday.",
     [("cancelled", D(2024, 4, 1), "unknown"), ("rescheduled", D(2024, 4, 5), "unknown")]),
    ("Regular meetings keep the council informed.", []),
    # the day hung on what the meeting was for is the meeting's
    ("President Ana Ruiz and Prime Minister Omar Haddad first met to discuss the deal on "
     "March 12.",
     [("held", D(2024, 3, 12), "unknown")]),
    # two named people who sat together met; one who briefed leaders at his residence did
    ("Ana Ruiz and Omar Haddad sat together for two hours at the prime minister's residence "
     "in Tarn yesterday morning.",
     [("held", D(2024, 3, 29), "unknown")]),
    ("Ana Ruiz and Omar Haddad spent six hours together in Tarn on Tuesday.",
     [("held", D(2024, 3, 26), "in_person")]),
    ("The two families spent the holiday together.", []),
    ("Ana Ruiz briefed senior leaders Omar Haddad and Tomas Berg at her residence.",
     [("held", None, "unknown")]),
    ("On Tuesday Ana Ruiz briefed reporters at her office.", []),
    # a regent, and firms, can be met; resistance from firms is no meeting
    ("Housing Minister Ana Ruiz will meet the regent in Sumedang on Monday to discuss the "
     "relocation.",
     [("planned", D(2024, 4, 1), "in_person")]),
    ("Land Minister Ana Ruiz will meet construction companies in Tarn on Monday to review "
     "their permits.",
     [("planned", D(2024, 4, 1), "unknown")]),
    ("The plan met resistance from construction companies on Monday.", []),
    # one named person saw another: a meeting; what they saw happen, or on a screen, is not
    ("On Tuesday Ana Ruiz saw Premier Tomas Berg in Lima.",
     [("held", D(2024, 3, 26), "in_person")]),
    ("On Tuesday Ana Ruiz saw Tomas Berg leave the hall.", []),
    ("Ana Ruiz saw Tomas Berg on television.", []),
    # the office called, then the name set beside it, is a call with that person
    ("Prime Minister Giuseppe Conte called Lombardy's regional president, Attilio Fontana, "
     "yesterday morning to offer the government's help.",
     [("held", D(2024, 3, 29), "virtual")]),
    # a lone name the tagger labelled a date or a work is still someone met; a day is not
    ("The UN special envoy and donor ambassadors met Roble yesterday.",
     [("held", D(2024, 3, 29), "unknown")]),
    ("Opposition leader Ana Ruiz is scheduled to meet Oli at Baluwatar on Monday.",
     [("planned", D(2024, 4, 1), "in_person")]),
    # 'earlier in the day' with no day near it counts from the day of the article's news,
    # and is another meeting than the one told for that day
    ("President Ana Ruiz met Prime Minister Omar Haddad in Lima on Tuesday. The talks focused "
     "on trade.\n\nOfficials said the visit had gone well. Reporters were told little. Both "
     "sides issued statements. A joint text was signed.\n\nEarlier in the day, the foreign "
     "ministers held talks at the ministry.",
     [("held", D(2024, 3, 26), "in_person"), ("held", D(2024, 3, 26), "unknown")]),
    # 'at the town hall' is where a meeting is, not a town-hall meeting; 'a CNN town hall' is
    ("Prime Minister Ana Ruiz chaired a crisis meeting at the town hall on Tuesday.",
     [("held", D(2024, 3, 26), "unknown")]),
    ("Senator Omar Haddad will take questions from voters at a CNN town hall in Reno tonight.",
     [("planned", D(2024, 3, 30), "in_person")]),
    # 'the two leaders talked' tells more of the meeting just told; 'last met' is another
    ("President Ana Ruiz met Prime Minister Omar Haddad in Lima yesterday. The two leaders "
     "talked for about three hours, first alone and then with their advisers.",
     [("held", D(2024, 3, 29), "in_person")]),
    ("President Ana Ruiz met Prime Minister Omar Haddad in Lima yesterday. The two leaders "
     "last met in Quito in June.",
     [("held", D(2024, 3, 29), "in_person"), ("held", None, "in_person")]),
    # one briefed by telephone is on a call; reporters briefed are a news conference
    ("The prime minister briefed President Omar Haddad by telephone on Sunday afternoon.",
     [("held", D(2024, 3, 24), "virtual")]),
    ("The minister briefed reporters by video link on Monday.", []),
    # ... and so is one to be briefed at a place on a day; reporters still are not
    ("The envoy is due to brief President Omar Haddad in Accra on Sunday.",
     [("planned", D(2024, 3, 31), "in_person")]),
    ("The minister briefed reporters in Tarn on Monday.", []),
    # moved 'until July' (a new month, no day): the day first set is called off, and the
    # meeting is moved to a month not yet fixed
    ("A meeting of health ministers, which had been due to take place next Tuesday, "
     "has been postponed until July.",
     [("cancelled", D(2024, 4, 2), "unknown"), ("rescheduled", None, "unknown")]),
    ("The talks were postponed until July.", [("rescheduled", None, "unknown")]),
    # a task force or a working group is a body met as one; a cabinet's session is its meeting
    ("Health Minister Ana Ruiz will travel to Kasese on Saturday to meet the district task force.",
     [("planned", D(2024, 4, 6), "unknown")]),
    ("The cabinet, at its weekly session on Tuesday, agreed to postpone the vote.",
     [("held", D(2024, 3, 26), "unknown")]),
    ("The minister met the press on Tuesday.", []),
    # a meeting called off on a day is not the one held that day
    ("Yesterday, Government Minister Ana Ruiz received relatives of inmates at the ministry in "
     "Quito. A meeting between prison officials and inmates' families that had been planned "
     "for yesterday at the Turi prison was called off for security reasons.",
     [("held", D(2024, 3, 29), "in_person"), ("cancelled", D(2024, 3, 29), "unknown")]),
    ("Foreign Minister Ana Ruiz spoke with her Chilean counterpart Pablo Soto on Thursday.",
     [("held", D(2024, 3, 28), "unknown")]),
    ("Prime Minister Lena Berg phoned President Omar Haddad on Sunday.",
     [("held", D(2024, 3, 24), "virtual")]),
    ("The two leaders spoke by telephone on Friday night.", [("held", D(2024, 3, 29), "virtual")]),
    ("The foreign ministers of India and Nepal are scheduled to meet in Geneva on Tuesday.",
     [("planned", D(2024, 4, 2), "in_person")]),
    ("Officials said President Ruiz and Chancellor Berg would meet next week.",
     [("planned", None, "unknown")]),
    ("The ministry announced on Friday that talks with Iran will take place in Vienna on Monday.",
     [("planned", D(2024, 4, 1), "in_person")]),
    ("The Green Party will hold its national convention in Denver in August.",
     [("planned", None, "in_person")]),
    ("The summit between Japan and Korea was postponed to May.",
     [("rescheduled", None, "unknown")]),
    # put off with no new day: cancelled; a new day, however loose, makes it moved
    ("The summit between Lena Berg and Omar Haddad was postponed indefinitely.",
     [("cancelled", None, "unknown")]),
    ("The summit between Lena Berg and Omar Haddad was delayed.", [("cancelled", None, "unknown")]),
    ("The summit between Lena Berg and Omar Haddad was postponed until May.",
     [("rescheduled", None, "unknown")]),
    ("The talks between the union and the railway were called off on Wednesday.",
     [("cancelled", D(2024, 3, 27), "unknown")]),
    ("The envoys met in Oslo on March 20 last year.", [("held", D(2023, 3, 20), "in_person")]),
    ("The minister said she would convene the directors of the prisons next month.",
     [("planned", None, "unknown")]),
    # what was agreed at a meeting is not its plan
    ("The protests come days after Premier Lena Berg and President Omar Haddad held a virtual "
     "meeting on Thursday in which they agreed to work together on border controls.",
     [("held", D(2024, 3, 28), "virtual")]),
    # invited to talks set somewhere for a day: planned; an invitation alone sets nothing
    ("Norway has invited the rebels to talks in Oslo on April 12, its envoy said last week.",
     [("planned", D(2024, 4, 12), "in_person")]),
    ("The Greens invited the Farmers' League to talks on a new coalition last week.", []),
    # not meetings
    ("Senator Jane Doe held a press conference on Monday. She spoke to reporters after the vote.",
     []),
    ("Thousands attended a rally in the capital on Sunday.", []),
    # 'him' is never the one who phoned; 'the same night' is the night just told
    ("President Ana Ruiz met the security chiefs on Friday evening. President Omar Haddad "
     "telephoned her the same night to offer condolences.",
     [("held", D(2024, 3, 29), "unknown"), ("held", D(2024, 3, 29), "virtual")]),
    # a conference of its own kind after a news conference is still a meeting
    ("Ana Ruiz told a news conference on Friday that Norway and Japan would co-host a donors' "
     "conference by video on Sunday.", [("planned", D(2024, 3, 31), "virtual")]),
    ("The ministers discussed whether to hold talks with the rebels.", []),
    ("The government met its deficit target.", []),
    # a city before the meeting noun names where it was, not a side: the summit told before
    ("President Ana Ruiz and President Pablo Soto met in Vladivostok on Thursday. Ruiz said "
     "he would discuss the results of the Vladivostok summit with his cabinet.",
     [("held", D(2024, 3, 28), "in_person")]),
    # a trip in the present 'later today' is still ahead on the day of publication
    ("President Ana Ruiz flies to Tembo later today for a regional summit.",
     [("planned", SAT, "unknown")]),
    # a participle that set a moved meeting's first day, whatever the parser hangs it on
    ("A meeting between Okafor and the regional district board, planned for yesterday, "
     "was pushed back to Sunday.",
     [("cancelled", D(2024, 3, 29), "unknown"), ("rescheduled", D(2024, 3, 31), "unknown")]),
    # two people talking a matter over in a call held it; 'in a call, he said' may be with anyone
    ("Ana Ruiz and Pablo Soto discussed the inquiry in a call on Monday night.",
     [("held", D(2024, 3, 25), "virtual")]),
    ("In a call, Ana Ruiz said the inquiry would go on.", []),
    # two named sides doing anything by telephone held a call; joining a meeting told
    # elsewhere by video is not a call of its own
    ("Ana Ruiz and Pablo Soto settled the agenda by telephone on Monday.",
     [("held", D(2024, 3, 25), "virtual")]),
    ("The families were told by telephone on Monday.", []),
    ("Ana Ruiz and Pablo Soto are taking part by video link.", []),
    # a plan to see a named person or an office is a meeting, as a journey to see one is;
    # not a plan to see a thing or kin
    ("Ana Ruiz is due to see Prime Minister Omar Haddad in Lima on Tuesday.",
     [("planned", D(2024, 4, 2), "in_person")]),
    ("Ruiz and Soto will see each other in Rome on April 12.",
     [("planned", D(2024, 4, 12), "in_person")]),
    ("The minister is expected to see the damage on Monday.", []),
    ("She is due to see her family in Lyon.", []),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), ARTICLES)
def test_meetings_without_a_model(body: str, expected: list[tuple[str, Any, str]]) -> None:
    assert summary(body) == expected


def test_who_invites_and_who_is_invited_take_part_in_talks_set_for_a_day() -> None:
    (talks,) = meetings("Russia has invited Hamas to talks in Moscow on April 12.")
    assert talks.participants == ["Russia", "Hamas"]


def test_met_with_a_then_with_b_is_two_meetings_with_their_people() -> None:
    found = meetings("Secretary Anna Berg met with Omar Haddad in Rome, then with Li Wei.")
    assert [m.participants for m in found] == [
        ["Anna Berg", "Omar Haddad"],
        ["Anna Berg", "Li Wei"],
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the parser hangs the second 'with' on the verb, on the first 'with', or as a
        # conjunct of the verb
        "Minister Ida Lund held talks that evening with Prime Minister Omar Haddad, the first "
        "since tensions over the border last year, and with President Rosa Brandt.",
        "Minister Ida Lund also held talks on Monday with Prime Minister Omar Haddad and with "
        "President Rosa Brandt.",
        "Minister Ida Lund held talks on Monday with Prime Minister Omar Haddad, who arrived "
        "late, and with President Rosa Brandt.",
    ],
)
def test_talks_with_a_and_again_with_b_are_two_meetings(body: str) -> None:
    found = meetings(body)
    assert [m.participants for m in found] == [
        ["Ida Lund", "Omar Haddad"],
        ["Ida Lund", "Rosa Brandt"],
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a second meeting verb of the same subject shares its people and its day
        (
            "In Lima yesterday, Envoy Anna Berg met President Omar Haddad, then sat down with "
            "Foreign Minister Li Wei.",
            [
                (["Anna Berg", "Omar Haddad"], D(2024, 3, 29)),
                (["Anna Berg", "Li Wei"], D(2024, 3, 29)),
            ],
        ),
        # talks the parser hung 'with B' on the verb of: B is who is met, someone new
        (
            "In Lima yesterday, Envoy Anna Berg met President Omar Haddad. Berg also held talks "
            "yesterday with Li Wei, an adviser to the president.",
            [
                (["Anna Berg", "Omar Haddad"], D(2024, 3, 29)),
                (["Anna Berg", "Li Wei"], D(2024, 3, 29)),
            ],
        ),
        # a visit meeting one person and then another: two meetings on the visit's day
        (
            "Envoy Anna Berg made a visit to Quito on Thursday, meeting President Haddad and "
            "then Prime Minister Omar Abdullah.",
            [
                (["Anna Berg", "Haddad"], D(2024, 3, 28)),
                (["Anna Berg", "Omar Abdullah"], D(2024, 3, 28)),
            ],
        ),
    ],
)
def test_meetings_in_turn_have_their_own_people_and_the_shared_day(
    body: str, expected: list[tuple[list[str], dt.date]]
) -> None:
    assert [(m.participants, m.date) for m in meetings(body)] == expected


def test_a_second_meeting_with_a_day_of_its_own_keeps_it() -> None:
    found = meetings(
        "Envoy Anna Berg was received by President Omar Haddad in Lima on Tuesday and held "
        "talks with Foreign Minister Li Wei in Quito on Thursday."
    )
    assert [m.date for m in found] == [D(2024, 3, 26), D(2024, 3, 28)]


def test_a_meeting_where_a_journey_began_takes_the_journeys_day() -> None:
    found = meetings(
        "The tour began on Wednesday in Lima, where Envoy Anna Berg was received by President "
        "Omar Haddad and then held talks with Foreign Minister Li Wei."
    )
    assert [m.date for m in found] == [D(2024, 3, 27), D(2024, 3, 27)]


def test_a_meeting_on_the_sidelines_takes_the_day_of_the_event() -> None:
    found = meetings(
        "The summit of African leaders opened in Lima on Tuesday. On the sidelines of "
        "Tuesday's summit, Chancellor Anna Berg met President Omar Haddad."
    )
    sidelines = next(m for m in found if "Omar Haddad" in m.participants)
    assert sidelines.date == D(2024, 3, 26)
    assert all("Tuesday" not in m.participants for m in found)


@pytest.mark.parametrize(
    "body",
    [
        "Adviser Omar Haddad met a group of opposition senators at the palace on Friday.",
        "Foreign Minister Li Wei met the co-chairs of the contact group in Geneva on Friday.",
        "Senator Anna Berg dined at a hotel on Friday with President Omar Haddad.",
        "On Friday Envoy Anna Berg called Haddad on his mobile phone.",
    ],
)
def test_meetings_told_by_who_was_met_or_how(body: str) -> None:
    assert summary(body)[0][:2] == ("held", D(2024, 3, 29))


def test_a_call_someone_owns_is_theirs_not_the_sentences_subjects() -> None:
    found = meetings(
        "Aide Li Wei said he was at dinner with Envoy Anna Berg on July 26, the day after "
        "President Omar Haddad's phone call with Chancellor Ruth Amsel."
    )
    call = next(m for m in found if "Ruth Amsel" in m.participants)
    assert sorted(call.participants) == ["Omar Haddad", "Ruth Amsel"]


def test_a_common_word_opening_a_sentence_takes_no_part() -> None:
    found = meetings(
        "The budget dominated the week. Budget also came up at the party debate in Lyon on "
        "Friday, where Anna Berg and Omar Haddad took part."
    )
    assert all("Budget" not in m.participants for m in found)


def test_the_same_day_is_the_day_of_the_telling_not_a_deadline_inside_it() -> None:
    found = meetings(
        "President Anna Berg announced last Wednesday that the troops would leave by "
        "September 11, missing the May 1 deadline agreed in Doha. Berg spoke by telephone "
        "with Chancellor Omar Haddad the same day."
    )
    assert [m.date for m in found] == [D(2024, 3, 27)]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # the parser hangs the day on the reporting verb that follows: the meeting's day
        (
            "Minister Anna Berg and Omar Haddad had sat down together at Velm House, across "
            "the street, on Monday evening, an official told reporters.",
            D(2024, 3, 25),
        ),
        # a day written by the reporting verb is the day of the saying
        (
            "Anna Berg and Omar Haddad had sat down together at the palace, an official told "
            "reporters on Monday.",
            None,
        ),
    ],
)
def test_a_day_before_the_speaker_is_the_reported_meetings(body: str, day: dt.date) -> None:
    assert [m.date for m in meetings(body)] == [day]


def test_the_day_of_a_request_is_not_the_day_of_the_meeting_requested() -> None:
    found = meetings(
        "President Anna Berg and Chancellor Omar Haddad will hold a video call on Monday. "
        "On Wednesday Berg sent a letter, asking to reschedule the call."
    )
    assert [m.date for m in found] == [D(2024, 4, 1)]


def test_talks_with_one_then_with_another_are_two_meetings() -> None:
    found = meetings(
        "In Vienna, Envoy Anna Berg held talks with President Omar Haddad on Monday, then "
        "with Chancellor Li Wei."
    )
    assert [m.participants for m in found] == [
        ["Anna Berg", "Omar Haddad"],
        ["Anna Berg", "Li Wei"],
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Ministers Anna Berg and Li Wei then called on Haddad at his office on Friday.", "held"),
        ("The visit began on Friday with a working dinner that Berg hosted for Haddad.", "held"),
        ("On Monday, Berg is to meet the speaker of the parliament, Li Wei.", "planned"),
    ],
)
def test_calls_paid_dinners_hosted_and_speakers_met(body: str, status: str) -> None:
    assert [m.status for m in meetings(body)] == [status]


def test_a_call_on_someone_to_act_is_no_meeting() -> None:
    assert meetings("The union called on Haddad to resign on Friday.") == []


def test_a_named_summit_a_meeting_was_held_beside_is_its_own_meeting() -> None:
    found = meetings(
        "The leaders of Peru and Chile met on the sidelines of the UN climate summit in "
        "Glasgow last November."
    )
    assert [m.participants for m in found] == [["Peru", "Chile"], ["UN"]]


def test_later_that_day_with_someone_else_is_another_meeting() -> None:
    body = (
        "President Ali Musa met with opposition leader Sam Okoro on Wednesday. "
        "Later that day, Musa met with religious leaders."
    )
    first, second = meetings(body)
    assert (first.date, second.date) == (D(2024, 3, 27), D(2024, 3, 27))
    assert second.date_text == "that day"


def test_the_same_meeting_told_again_is_one_meeting() -> None:
    body = (
        "Ana Ruiz and Pablo Soto met in Lima on Monday. "
        "After meeting with Soto, Ruiz said the talks had gone well. "
        "It was their first meeting since 2019."
    )
    [meeting] = meetings(body)
    assert (meeting.status, meeting.date, meeting.location) == ("held", D(2024, 3, 25), "Lima")
    assert len(meeting.evidence) == 3


def test_an_ordinal_event_mentioned_again_is_one_meeting() -> None:
    body = (
        "The second debate between Ana Ruiz and Pablo Soto, scheduled for April 15, was "
        "cancelled. The second debate was meant to be held in a town-hall format."
    )
    [debate] = meetings(body)
    assert (debate.status, debate.date) == ("cancelled", D(2024, 4, 15))
    assert debate.participants == ["Ana Ruiz", "Pablo Soto"]


def test_a_meeting_moved_from_one_day_to_another_is_two_meetings() -> None:
    body = "The summit, originally planned for May 5, was postponed to June 12."
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 5, 5)),
        ("rescheduled", D(2024, 6, 12)),
    ]


def test_the_day_before_a_vote_dated_elsewhere_in_the_article() -> None:
    body = (
        "The parliament backed the plan by 97 votes to 42 on Tuesday. "
        "EU ministers will hold the final vote on April 11 in Brussels. "
        "The German chancellor will meet the French president in Brussels the day before "
        "the vote."
    )
    [meeting] = meetings(body)
    assert (meeting.date, meeting.date_text) == (D(2024, 4, 10), "the day before the vote")


def test_a_date_the_parser_hung_on_who_is_met_is_the_meetings() -> None:
    body = "Ana Ruiz spoke by phone with the Italian ambassador on Sunday."
    assert summary(body) == [("held", D(2024, 3, 24), "virtual")]


@pytest.mark.parametrize(
    "body",
    [
        "The director will meet representatives of builders' associations on Tuesday.",
        "The newly elected presidium will meet for the first time on Tuesday.",
    ],
)
def test_a_date_hung_deeper_in_the_meetings_phrase_is_the_meetings(body: str) -> None:
    assert [(m.status, m.date) for m in meetings(body)] == [("planned", D(2024, 4, 2))]


def test_a_dateline_is_not_the_date_of_the_first_sentences_meeting() -> None:
    body = "Saturday, March 30, 2024\n\nAna Ruiz met Pablo Soto in Lima on Wednesday."
    [meeting] = meetings(body)
    assert (meeting.date, meeting.date_text) == (D(2024, 3, 27), "on Wednesday")


def test_a_gathering_for_a_numbered_round_of_talks_is_one_meeting() -> None:
    body = "Envoys of the two sides gathered in Oslo on Tuesday for a fourth round of talks."
    [talks] = meetings(body)
    assert (talks.status, talks.date, talks.location) == ("held", D(2024, 3, 26), "Oslo")


def test_a_numbered_round_is_not_an_earlier_meeting_on_the_same_day() -> None:
    body = (
        "Ana Ruiz met Pablo Soto in Lima on Monday. "
        "Their aides held a second round of talks in Quito on Monday."
    )
    assert len(meetings(body)) == 2


def test_a_meeting_described_again_as_the_first_in_years_is_one_meeting() -> None:
    body = (
        "Envoys of the two sides sat down for negotiations in Vienna on Wednesday, "
        "the first direct talks in a year."
    )
    assert summary(body) == [("held", D(2024, 3, 27), "in_person")]


def test_the_following_day_counts_from_a_day_ahead_when_the_plan_is_ahead() -> None:
    body = "Ana Ruiz will fly to Madrid on Sunday and meet Pablo Soto the following day."
    assert summary(body) == [("planned", D(2024, 4, 1), "in_person")]


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("During a visit to Tamberg on Tuesday, Ana Ruiz met President Pablo Soto.", "Tamberg"),
        ("Ana Ruiz is due to visit Vienna next week for talks with Pablo Soto.", "Vienna"),
    ],
)
def test_a_meeting_on_a_visit_is_held_where_the_visit_goes(body: str, where: str) -> None:
    [meeting] = meetings(body)
    assert (meeting.location, meeting.format) == (where, "in_person")


def test_a_plan_undone_in_the_next_clause_is_a_cancelled_meeting() -> None:
    body = "Ana Ruiz had been expected to meet Pablo Soto in Lima, but she cancelled the trip."
    assert [m.status for m in meetings(body)] == ["cancelled"]


def test_a_rescheduled_meeting_has_the_day_it_was_moved_to() -> None:
    """The day it was first set for is the meeting that is off (listed apart, as the seed's
    convention lists a meeting cancelled and the one that replaces it)."""
    body = (
        "The meeting between Ana Ruiz and Pablo Soto, originally set for April 3, "
        "has been moved to April 10."
    )
    assert summary(body) == [
        ("cancelled", D(2024, 4, 3), "unknown"),
        ("rescheduled", D(2024, 4, 10), "unknown"),
    ]


def test_a_meeting_moved_to_a_part_of_a_day_is_moved_to_that_day() -> None:
    body = "A closing session planned for Thursday was pushed back to yesterday afternoon."
    assert summary(body) == [
        ("cancelled", D(2024, 3, 28), "unknown"),
        ("rescheduled", D(2024, 3, 29), "unknown"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an official reports to a leader: a meeting of the two
        (
            "President Anna Berg was briefed on the floods on Friday by Interior Minister "
            "Omar Haddad.",
            [(["Anna Berg", "Omar Haddad"], D(2024, 3, 29))],
        ),
        # a briefing of the press, or one with no briefer named, is none
        ("Interior Minister Omar Haddad briefed reporters on the floods on Friday.", []),
        ("President Anna Berg was briefed on the floods on Friday.", []),
    ],
)
def test_a_leader_briefed_by_an_official_is_a_meeting(
    body: str, expected: list[tuple[list[str], dt.date]]
) -> None:
    assert [(m.participants, m.date) for m in meetings(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a council that will discuss something sits
        (
            "The Velm Security Council is to discuss the crisis in closed consultations next "
            "Tuesday, diplomats said.",
            [("planned", D(2024, 4, 2))],
        ),
        # the purpose of a meeting told already is not another meeting
        (
            "The party's federal board will meet on Monday to discuss the campaign for the "
            "election on May 26.",
            [("planned", D(2024, 4, 1))],
        ),
    ],
)
def test_a_body_that_will_discuss_something_sits(
    body: str, expected: list[tuple[str, dt.date]]
) -> None:
    assert [(m.status, m.date) for m in meetings(body)] == expected


def test_a_date_told_from_another_meeting() -> None:
    body = (
        "The second debate between Ana Ruiz and Pablo Soto, set for April 15, was cancelled. "
        "Ruiz scheduled a town hall in Leeds for the day the debate was to be held."
    )
    _, town_hall = meetings(body)
    assert (town_hall.status, town_hall.date, town_hall.date_text) == (
        "planned",
        D(2024, 4, 15),
        "the day the debate was to be held",
    )


def test_a_planned_meeting_that_replaces_a_cancelled_one_is_rescheduled() -> None:
    body = (
        "Egypt and Qatar will hold a virtual meeting on Monday. "
        "The meeting was originally planned for last week, but Egypt announced the "
        "cancellation of the meeting. Days later, Egypt asked to reschedule the meeting."
    )
    monday, last_week = meetings(body)
    assert (monday.status, monday.date, monday.format) == ("rescheduled", D(2024, 4, 1), "virtual")
    assert (last_week.status, last_week.date_text) == ("cancelled", "last week")


def test_a_day_a_meeting_was_set_for_before_it_was_called_off_is_the_nearest_such_day() -> None:
    body = "A meeting between Lena Berg and aid donors, planned for Monday, was called off."
    [meeting] = meetings(body)
    assert (meeting.status, meeting.date) == ("cancelled", D(2024, 4, 1))  # not March 25


def test_the_day_a_meeting_was_moved_from_is_the_nearest_such_day() -> None:
    body = "A meeting between Ana Ruiz and Pablo Soto, planned for Thursday, was moved to Tuesday."
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 3, 28)),  # not April 4
        ("rescheduled", D(2024, 4, 2)),
    ]


def test_a_named_summit_on_the_same_day_is_not_the_meeting_called_off() -> None:
    body = (
        "A meeting between Lena Berg and the Tenants Union, planned for Monday, was called off, "
        "the union said.\n\n"
        "Lena Berg's office said she would still attend the Nordic Council summit on Monday."
    )
    assert [m.status for m in meetings(body)] == ["cancelled", "planned"]


def test_that_day_takes_the_date_written_before() -> None:
    body = "The president flew to Tula on Monday. In a meeting that day he was told by Ivan Orlov."
    [meeting] = meetings(body)
    assert (meeting.date, meeting.date_text, meeting.status) == (D(2024, 3, 25), "that day", "held")


def test_a_party_convention_names_its_party() -> None:
    [convention] = meetings("The planned Liberal National Convention moved from Perth to Sydney.")
    assert (convention.status, convention.location) == ("rescheduled", "Sydney")
    assert convention.participants == ["Liberal Party"]


# --- the model, asked only where the structure leaves doubt ------------------------------


def test_a_sure_meeting_asks_no_question() -> None:
    asker = CannedAsker.from_table({MeetingAnswer: MeetingAnswer(is_meeting=False)})
    assert len(meetings("Ana Ruiz met Pablo Soto in Lima on Monday.", asker)) == 1
    assert asker.calls == 0


def test_a_doubtful_meeting_is_asked_and_a_no_drops_it() -> None:
    body = "President Ana Ruiz called Pablo Soto on Monday."
    assert len(meetings(body)) == 1  # the rules backend keeps code's reading
    asker = CannedAsker.from_table({MeetingAnswer: MeetingAnswer(is_meeting=False)})
    assert meetings(body, asker) == []
    assert asker.calls == 1
    assert 'Word: "called"' in asker.questions[0]


def test_the_model_settles_a_status_the_tense_does_not() -> None:
    body = "Ana Ruiz meets Pablo Soto in Lima."
    [meeting] = meetings(body)  # a present tense that reports: code reads it as held
    assert meeting.status == "held"
    answer = MeetingAnswer(is_meeting=True, status="planned")
    asker = CannedAsker.from_table({MeetingAnswer: answer})
    [meeting] = meetings(body, asker)
    assert (meeting.status, asker.calls) == ("planned", 1)


def test_an_infinitive_or_a_habit_is_not_a_present_report() -> None:
    assert meetings("The council meets every month in Lima.") == []
    assert meetings("It is a way for Ruiz to meet Soto.") == []


def test_abstain_has_no_opinion() -> None:
    assert MeetingAnswer.abstain() == MeetingAnswer(is_meeting=None, status=None)


def test_a_meeting_told_in_the_present_with_a_day_ahead_is_planned() -> None:
    body = "Chancellor Max Hahn, who is meeting President Ida Lund next week, praised the deal."
    assert summary(body) == [("planned", None, "unknown")]


def test_a_meeting_without_a_meeting_word_is_found() -> None:
    body = "President Ida Lund and Chancellor Max Hahn spoke on Monday about the border."
    assert summary(body) == [("held", D(2024, 3, 25), "unknown")]


def test_a_named_conference_is_no_partys_meeting() -> None:
    [meeting] = meetings("Senator Ida Lund attended the Lisbon Security Conference last week.")
    assert meeting.participants == ["Ida Lund"]


def test_a_call_with_someone_hung_on_the_medium_names_them_and_takes_its_day() -> None:
    body = (
        "Chancellor Ida Lund said she had spoken by telephone with Rosa Brandt, the premier "
        "of Kelmark, yesterday morning."
    )
    [call] = meetings(body)
    assert (call.participants, call.date, call.format) == (
        ["Ida Lund", "Rosa Brandt"],
        D(2024, 3, 29),
        "virtual",
    )


def test_a_call_by_someone_else_the_same_day_is_not_the_meeting_told_before() -> None:
    body = (
        "On Sunday Prime Minister Tomas Vell met the opposition leader, Jon Aka, in his office. "
        "Speaker Rafe Kanu said he had spoken by telephone with Aka on Sunday morning."
    )
    found = meetings(body)
    assert [(m.participants, m.date) for m in found] == [
        (["Tomas Vell", "Jon Aka"], D(2024, 3, 24)),
        (["Rafe Kanu", "Jon Aka"], D(2024, 3, 24)),
    ]


def test_a_call_held_by_someone_else_the_same_day_is_not_the_call_told_before() -> None:
    body = (
        "Governor Ana Molt spoke by phone with Mayor Piet Rask on Monday. "
        "Lena Hovi, the president's security adviser, held a call with Rask on Monday morning."
    )
    found = meetings(body)
    assert [(m.participants, m.date) for m in found] == [
        (["Ana Molt", "Piet Rask"], D(2024, 3, 25)),
        (["Lena Hovi", "Piet Rask"], D(2024, 3, 25)),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "On Monday, President Ida Lund called Chancellor Rosa Brandt.",
        "On Monday, President Ida Lund called Chancellor Rosa Brandt, who invited her to visit.",
    ],
)
def test_a_named_person_called_is_a_call_whoever_the_parser_takes_them_for(body: str) -> None:
    [call] = meetings(body)
    assert (call.participants, call.date) == (["Ida Lund", "Rosa Brandt"], D(2024, 3, 25))


@pytest.mark.parametrize(
    "body",
    [
        "President Ida Lund called Rosa Brandt a traitor.",
        "President Ida Lund called the strike an outrage.",
        "President Ida Lund called off the visit.",
    ],
)
def test_calling_someone_something_is_no_call(body: str) -> None:
    assert meetings(body) == []


def test_a_call_after_another_meeting_in_one_sentence_quotes_its_own_words() -> None:
    body = (
        "Prime Minister Ida Lund chaired a meeting of the crisis committee on Wednesday "
        "and then spoke by telephone with President Rosa Brandt."
    )
    call = next(m for m in meetings(body) if "Rosa Brandt" in m.participants)
    assert call.evidence[0].quote == "spoke by telephone with President Rosa Brandt"


def test_two_named_people_who_sat_down_together_met() -> None:
    body = "On Friday, General Omar Tahir and rebel leader Yusuf Adan sat down together in Juba."
    [meeting] = meetings(body)
    assert (meeting.status, meeting.date) == ("held", D(2024, 3, 29))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The state set up a centre in Velm's town hall where families can give samples.", []),
        ("Ida Lund told supporters at Tamberg Town Hall that she would govern for all.", []),
        ("Ida Lund scheduled a town hall in Velm for Thursday.", [("planned", D(2024, 4, 4))]),
    ],
)
def test_a_town_hall_named_as_a_building_is_no_meeting(
    body: str, expected: list[tuple[str, dt.date]]
) -> None:
    assert [(m.status, m.date) for m in meetings(body)] == expected


def test_an_exact_day_told_right_after_a_vaguer_one_is_the_meetings_day() -> None:
    body = "The Velm committee will meet Governor Ida Lund again next month, on April 26 and 27."
    assert [m.date for m in meetings(body)] == [D(2024, 4, 26)]


def test_convening_a_council_is_a_meeting_of_it() -> None:
    body = "Governor Ida Lund said she would convene the regional disaster council on Friday."
    assert summary(body) == [("planned", D(2024, 4, 5), "unknown")]


@pytest.mark.parametrize(
    "body",
    [
        "President Ida Lund will receive Omar Haddad and Rosa Brandt separately in Velm on Friday.",
        # the parser hangs 'and with B' on the verb, not on the calls
        "The truce followed after Minister Ida Lund held separate calls with Jeyhun Bayramov "
        "and with Zohrab Mnatsakanyan on Friday.",
        # plural 'meetings' whose 'with' the parser hung on the verb, past the day
        "Minister Ida Lund then held separate meetings the same day with Omar Haddad and "
        "Rosa Brandt at the palace.",
    ],
)
def test_separate_meetings_with_two_people_are_two_meetings(body: str) -> None:
    found = sorted(m.participants for m in meetings(body))
    assert len(found) == 2
    assert all(len(people) == 2 and people[0] == "Ida Lund" for people in found)


def test_that_day_counts_from_the_last_day_of_its_paragraph_however_far_back() -> None:
    body = (
        "In Velm on Monday, Minister Ida Lund met Governor Omar Haddad. Lund told reporters the "
        "talks had been useful. More than 300 people have been displaced by the floods. Those "
        "figures come from the Red Cross. She left for Tamberg later that day, where she met "
        "Mayor Rosa Brandt."
    )
    assert [m.date for m in meetings(body)] == [D(2024, 3, 25), D(2024, 3, 25)]


def test_a_meeting_where_a_stop_was_made_takes_the_day_of_the_stop() -> None:
    body = (
        "On Tuesday, Minister Ida Lund met President Omar Haddad in Velm. The next day Lund made "
        "an unannounced stop in Tamberg, where she met Governor Rosa Brandt."
    )
    assert [m.date for m in meetings(body)] == [D(2024, 3, 26), D(2024, 3, 27)]


def test_she_is_the_last_person_named_as_a_subject_not_the_last_person_named() -> None:
    body = (
        "Minister Ida Lund pressed the governor on the case of the reporter Omar Haddad. She "
        "then flew to Tamberg, where she met Mayor Rosa Brandt."
    )
    assert [m.participants for m in meetings(body)] == [["Ida Lund", "Rosa Brandt"]]


@pytest.mark.parametrize(
    "body",
    [
        # the parser may hang the day on the meeting's place ...
        "Ida Lund is to meet Kenya's foreign minister, Rosa Brandt, and Interior Minister Omar "
        "Haddad in Mombasa, Kenya, tomorrow.",
        # ... or on a participle that describes who is met
        "Minister Ida Lund said she would meet owners operating the ferry route on Sunday.",
    ],
)
def test_a_day_hung_on_the_place_or_on_who_is_met_is_the_meetings(body: str) -> None:
    assert [m.date for m in meetings(body)] == [D(2024, 3, 31)]


def test_a_call_made_to_offer_something_is_a_call_and_a_call_received_names_its_caller() -> None:
    called = meetings(
        "Secretary of State Ida Lund called Foreign Minister Rosa Brandt on Friday to offer "
        "condolences."
    )
    assert [(m.participants, m.date) for m in called] == [
        (["Ida Lund", "Rosa Brandt"], D(2024, 3, 29))
    ]
    [received] = meetings("On Friday Minister Ida Lund received a telephone call from Omar Haddad.")
    assert "Omar Haddad" in received.participants


def test_a_call_taken_from_someone_is_a_meeting_with_them_not_the_days_other_one() -> None:
    body = (
        "President Ana Ruiz visited the site on Friday and sat down with relatives of the "
        "victims. Ruiz also received a telephone call on Friday from King Pablo Soto of "
        "Tembo, who offered his condolences."
    )
    found = meetings(body)
    assert [(m.status, m.participants) for m in found][-1] == (
        "held",
        ["Ana Ruiz", "Pablo Soto"],
    )
    assert len(found) == 2


def test_a_meeting_held_and_one_to_meet_again_are_two_meetings() -> None:
    body = (
        "Ida Lund held talks with Max Hahn in Velmora, and the two are due to meet again on "
        "April 20."
    )
    found = meetings(body)
    assert [(m.status, m.date) for m in found] == [
        ("held", None),
        ("planned", dt.date(2024, 4, 20)),
    ]


def test_a_town_that_names_a_summit_is_where_it_is_not_who_attends() -> None:
    found = meetings(
        "President Macron said on Tuesday that the summit with the Sahel leaders, which he was "
        "to host in the southwestern French town of Vannes on December 16, would be postponed. "
        "Macron had announced the Vannes summit last week at a news conference."
    )
    assert found
    assert all("Vannes" not in m.participants for m in found)


def test_a_meeting_in_a_city_and_a_call_the_same_day_are_two_meetings() -> None:
    found = meetings(
        "President Omar Haddad met Mayor Ana Ruiz in Munich on Wednesday. Haddad also spoke by "
        "phone with Ruiz on Wednesday about the rebuilding."
    )
    assert sorted(m.format for m in found) == ["in_person", "virtual"]


def test_a_session_later_that_evening_is_not_the_meeting_held_that_afternoon() -> None:
    found = meetings(
        "Prime Minister Ana Ruiz held a meeting with rescue commanders at the fire station on "
        "Tuesday afternoon. Her cabinet held an emergency session by telephone later that "
        "evening and released aid."
    )
    assert len(found) == 2
    assert [m.date for m in found] == [D(2024, 3, 26), D(2024, 3, 26)]


def test_it_taking_up_a_meeting_called_off_is_the_one_that_replaces_it() -> None:
    found = meetings(
        "A meeting of the regional cabinet set for Thursday was called off because of the "
        "storm; it will now be held on Monday."
    )
    assert summary_of(found) == [
        ("cancelled", D(2024, 3, 28), "A meeting"),
        ("rescheduled", D(2024, 4, 1), "it will now be held on Monday"),
    ]


def test_it_takes_up_the_meeting_just_named_not_an_earlier_one() -> None:
    found = meetings(
        "After the funeral, Governor Ana Ruiz held a closed-door meeting with army commanders. "
        "She also postponed a meeting with fishing unions that had been due in Lindau today; "
        "it will now be held on Thursday."
    )
    assert [(m.status, m.date) for m in found] == [
        ("held", None),
        ("cancelled", D(2024, 3, 30)),
        ("rescheduled", D(2024, 4, 4)),
    ]


def test_it_held_at_a_place_is_the_meeting_just_told() -> None:
    found = meetings(
        "The summit between the two presidents took place in Geneva on Tuesday. It was held "
        "at a lakeside villa."
    )
    assert [(m.status, m.date) for m in found] == [("held", D(2024, 3, 26))]


def summary_of(found: list[Meeting]) -> list[tuple[str, dt.date | None, str]]:
    return [(m.status, m.date, m.evidence[0].quote) for m in found]


def test_the_same_day_is_the_day_earlier_read_in_its_own_clauses_tense() -> None:
    found = meetings(
        "Chancellor Ida Lund, who is due to address the forum in Davos today, spoke by "
        "telephone with Prime Minister Omar Haddad on Monday. On the same day, the foreign "
        "ministry summoned the Norwegian ambassador."
    )
    assert [m.date for m in found if m.status == "held"] == [D(2024, 3, 25), D(2024, 3, 25)]


def test_whom_a_call_is_with_is_the_verbs_even_when_hung_on_the_telephone() -> None:
    # the parser hangs 'with ... and ...' on 'telephone' here (the hyphenated name splits)
    found = meetings(
        "On the flight home on Friday, Biden spoke separately by telephone with South Korean "
        "President Moon Jae-in and Japanese Prime Minister Yoshihide Suga."
    )
    assert len(found) == 2
    assert any("Yoshihide Suga" in m.participants for m in found)


def test_the_one_phoned_is_not_the_one_who_phoned() -> None:
    found = meetings(
        "President Ana Ruiz met the security chiefs on Friday evening. President Omar Haddad "
        "telephoned her the same night to offer condolences."
    )
    assert found[-1].participants == ["Omar Haddad", "Ana Ruiz"]


def test_bilateral_talks_after_a_three_way_meeting_are_another_meeting() -> None:
    found = meetings(
        "On Wednesday Ana Ruiz held a three-way meeting in Oslo with Foreign Minister Omar "
        "Haddad and Foreign Minister Lena Berg. Haddad and Berg then held their first bilateral "
        "talks, a 20-minute meeting in which they discussed fishing rights."
    )
    assert len(found) == 2


def test_a_meeting_moved_to_an_afternoon_the_parser_does_not_type_as_a_time() -> None:
    body = (
        "A candidate forum on rural schools, originally set for Thursday, was moved to "
        "tomorrow afternoon because of the debate, the organisers said."
    )
    assert summary(body) == [
        ("cancelled", D(2024, 3, 28), "unknown"),
        ("rescheduled", D(2024, 3, 31), "unknown"),
    ]


def test_a_meeting_called_off_that_will_now_be_held_later_is_both() -> None:
    body = (
        "The two delegations met on Thursday, but a session set for today was called off "
        "after the attack and will now be held on Tuesday, a negotiator said."
    )
    assert summary(body) == [
        ("held", D(2024, 3, 28), "unknown"),
        ("cancelled", D(2024, 3, 30), "unknown"),
        ("rescheduled", D(2024, 4, 2), "unknown"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the parser hangs the clause on the body, or on the body's own topic
        "A session of the regional assembly's health committee that had been set for today has "
        "been put back to Tuesday, the speaker said.",
        "A special session of Tarn's regional council on the floods, which had been called for "
        "today, has been moved to Tuesday.",
    ],
)
def test_a_body_session_set_for_a_day_and_moved_is_called_off_and_set_anew(body: str) -> None:
    assert summary(body) == [
        ("cancelled", D(2024, 3, 30), "unknown"),
        ("rescheduled", D(2024, 4, 2), "unknown"),
    ]


def test_a_council_that_called_for_calm_did_not_set_a_session() -> None:
    body = "A session of the council of elders, which called for calm, was reported by the radio."
    assert meetings(body) == []


def test_a_meeting_due_on_a_weekday_held_instead_today_was_due_on_the_weekday_ahead() -> None:
    # told on a Saturday: brought forward from the coming Monday, not moved from last Monday
    body = (
        "The mayors' council, which had been due to meet in Tarn on Monday, will instead meet "
        "this afternoon, a spokesman said."
    )
    assert summary(body) == [
        ("cancelled", D(2024, 4, 1), "in_person"),
        ("rescheduled", D(2024, 3, 30), "unknown"),
    ]


def test_a_meeting_brought_forward_beside_a_later_one_was_due_on_the_weekday_ahead() -> None:
    # 'later this week' of another meeting in the sentence is no delay of this one
    body = (
        "A meeting of the task force, which had been due on Monday, was brought forward to "
        "today, and officials are expected to meet ministers later this week."
    )
    assert summary(body)[0] == ("cancelled", D(2024, 4, 1), "unknown")


def test_a_meeting_pushed_back_to_today_was_due_on_the_weekday_past() -> None:
    body = "A meeting of the council, set for Tuesday, was pushed back to today after the storm."
    assert summary(body)[0] == ("cancelled", D(2024, 3, 26), "unknown")


def test_a_call_with_the_head_of_a_body_named_agency_is_no_interview() -> None:
    body = (
        "The environment secretary spoke by phone with the chief executive of the Environment "
        "Agency, Sir James Tarn, on Sunday morning."
    )
    assert summary(body) == [("held", D(2024, 3, 24), "virtual")]


def test_talking_to_the_agency_is_still_an_interview() -> None:
    assert meetings("The minister spoke to the agency by telephone on Sunday.") == []


def test_a_guest_received_by_a_titled_one_word_name_was_met() -> None:
    body = "The pope was received by Emperor Hiroyuki at the palace in Tarn yesterday morning."
    assert summary(body) == [("held", D(2024, 3, 29), "in_person")]


@pytest.mark.parametrize(
    "body",
    [
        "President Omar Haddad chaired the weekly Council of Ministers at the palace in Tarn "
        "on Wednesday.",
        "The prime minister presided over the cabinet yesterday.",
    ],
)
def test_a_body_chaired_on_a_day_sat_that_day(body: str) -> None:
    assert [m.status for m in meetings(body)] == ["held"]


@pytest.mark.parametrize(
    "body",
    [
        "Ana Ruiz chaired the committee for six years.",
        "Tarn, which will chair the council until 2026, backed the plan.",
        "Ana Ruiz, who chairs the finance committee, said the budget would pass.",
    ],
)
def test_chairing_a_body_for_a_span_of_time_is_no_meeting(body: str) -> None:
    assert meetings(body) == []


def test_a_meeting_held_on_the_day_another_was_set_for_does_not_hide_the_postponement() -> None:
    body = (
        "Council leader Ana Ruiz met shop owners in Tarn yesterday. A meeting of the council's "
        "cabinet set for last night was postponed until next Monday."
    )
    assert summary(body) == [
        ("held", D(2024, 3, 29), "in_person"),
        ("cancelled", D(2024, 3, 29), "unknown"),
        ("rescheduled", D(2024, 4, 1), "unknown"),
    ]


def test_a_delegation_that_was_to_have_met_a_leader_did_not_meet_him() -> None:
    body = (
        "A delegation from the regional bloc, which was to have met President Omar Haddad in "
        "Tarn on Monday, will now travel next week, the presidency said."
    )
    assert [m.status for m in meetings(body)][:1] == ["cancelled"]


def test_a_meeting_that_set_up_a_commission_was_held() -> None:
    body = (
        "Prime Minister Ana Ruiz had chaired an extraordinary cabinet meeting in Tarn on "
        "Friday morning that set up a state commission."
    )
    assert summary(body) == [("held", D(2024, 3, 29), "in_person")]


def test_a_move_reported_in_the_past_perfect_is_to_a_day_ahead() -> None:
    # 'said ... had been moved' is told as 'has been moved': the new day is ahead
    body = (
        "The spokesman said consultations with the parties, initially set for Thursday, had "
        "been moved to Tuesday."
    )
    assert summary(body) == [
        ("cancelled", D(2024, 3, 28), "unknown"),
        ("rescheduled", D(2024, 4, 2), "unknown"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "A joint meeting of the council had been scheduled for Thursday, but a spokesman said "
        "it had been put back to Tuesday.",
        "A joint meeting of the council had been scheduled for Thursday. A spokesman said it "
        "had been moved to Tuesday.",
    ],
)
def test_a_meeting_it_says_was_moved_is_rescheduled_to_that_day(body: str) -> None:
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 3, 28)),
        ("rescheduled", D(2024, 4, 2)),
    ]


def test_a_session_called_for_a_day_then_put_back_is_cancelled_and_rescheduled() -> None:
    body = (
        "The speaker had called an emergency session for tomorrow to question the minister, "
        "but it was put back to Tuesday after members said they could not travel in time."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 3, 31)),
        ("rescheduled", D(2024, 4, 2)),
    ]


def test_talks_under_way_since_a_day_began_that_day() -> None:
    body = (
        "The attack comes as the negotiators, who have been meeting in Tarn since March 12, "
        "try to agree on the rules for the talks."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [("held", D(2024, 3, 12))]


def test_a_first_meeting_since_a_day_is_not_on_that_day() -> None:
    body = "Ana Ruiz and Omar Haddad met in Tarn, their first meeting since March 12."
    assert [m.date for m in meetings(body)] == [None]


def test_a_debate_held_without_a_studio_audience_is_one_meeting() -> None:
    body = (
        "A televised debate between the three, which had been due to take place on Thursday, "
        "was postponed; it has been moved to Tuesday and will be held without a studio audience."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 3, 28)),
        ("rescheduled", D(2024, 4, 2)),
    ]


def test_a_session_called_off_that_will_be_held_on_a_day_is_rescheduled_there() -> None:
    body = (
        "A session of the regional council that had been scheduled for this afternoon was "
        "called off, and will be held on Tuesday."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("cancelled", D(2024, 3, 30)),
        ("rescheduled", D(2024, 4, 2)),
    ]


def test_a_debate_held_at_a_studio_is_a_meeting() -> None:
    body = "Ana Ruiz and Omar Haddad faced each other in a debate held at a studio in Tarn."
    assert [m.status for m in meetings(body)] == ["held"]


def test_a_meeting_a_body_is_expected_to_consider_a_matter_at_is_ahead() -> None:
    body = "The coordinating group is expected to consider the request at a meeting on Friday."
    assert [(m.status, m.date) for m in meetings(body)] == [("planned", D(2024, 4, 5))]


def test_a_meeting_of_members_that_was_planned_and_did_not_go_ahead_is_cancelled() -> None:
    # the parser hangs 'which ... had planned to hold' on the last member named
    body = (
        "A meeting of the foreign ministers of Ruvania, Tamberg and Kelso, which Tarn had "
        "planned to hold in its capital on Tuesday, did not go ahead."
    )
    assert [m.status for m in meetings(body)] == ["cancelled"]


def test_a_plan_told_after_an_opening_instead_is_planned_not_moved() -> None:
    body = "Instead, officials from the two countries are scheduled to meet on April 3 in Tarn."
    assert [(m.status, m.date) for m in meetings(body)] == [("planned", D(2024, 4, 3))]


def test_a_meeting_told_as_the_time_of_what_is_expected_is_not_set_by_it() -> None:
    body = (
        "Ana Ruiz met Omar Haddad in Tarn on Friday. Ruiz is expected to leave Tarn after her "
        "meeting with Haddad."
    )
    assert [m.status for m in meetings(body)] == ["held"]


@pytest.mark.parametrize(
    "body",
    [
        "In the men's final later today, champion Omar Haddad will meet Pablo Soto of Tamberg.",
        "Ana Ruiz and Pablo Soto, who meet in a run-off vote on April 11, condemned the killings.",
    ],
)
def test_rivals_who_meet_in_a_final_or_a_run_off_hold_no_meeting(body: str) -> None:
    assert meetings(body) == []


def test_a_meeting_on_the_sidelines_of_a_conference_and_the_conference_are_two() -> None:
    body = (
        "Foreign Minister Ana Ruiz met Foreign Minister Omar Haddad on Friday on the sidelines "
        "of the Tarn Security Conference."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("held", D(2024, 3, 29)),
        ("held", D(2024, 3, 29)),
    ]


def test_the_summit_a_sidelines_meeting_was_held_at_is_the_one_told_before() -> None:
    body = (
        "The Tarn summit opened on Friday. Ana Ruiz met Omar Haddad on the sidelines of the "
        "Tarn summit this morning."
    )
    assert len(meetings(body)) == 2


def test_a_group_met_that_day_is_another_meeting_than_the_leaders_one() -> None:
    body = (
        "President Ana Ruiz and Prime Minister Omar Haddad met in Tarn yesterday. Earlier "
        "yesterday, Ruiz met her national security team at the palace."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [
        ("held", D(2024, 3, 29)),
        ("held", D(2024, 3, 29)),
    ]


def test_a_call_by_someone_else_that_day_is_not_the_meeting_held_in_person() -> None:
    # the tagger may type the caller's surname as a place; she is still someone else
    body = (
        "Prime Minister Omar Haddad held a meeting with town officials at the fire station on "
        "Friday. European Commission President Ursula von der Leyen spoke with Haddad by phone "
        "on Friday and offered help."
    )
    assert [(m.status, m.date, m.format) for m in meetings(body)] == [
        ("held", D(2024, 3, 29), "unknown"),
        ("held", D(2024, 3, 29), "virtual"),
    ]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("King Omar Haddad hosted a luncheon for President Ana Ruiz on Friday.", 1),
        ("The charity held a dinner for 200 donors on Friday.", 0),
    ],
)
def test_a_meal_hosted_for_a_named_guest_is_a_meeting(body: str, found: int) -> None:
    assert len(meetings(body)) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (
            "In a separate call later that day, Prime Minister Omar Haddad told President "
            "Ana Ruiz that Tarn expected answers.",
            [("held", "virtual")],
        ),
        ("In a call, he said the company would grow.", []),
    ],
)
def test_one_person_telling_another_in_a_call_is_a_phone_call(
    body: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.status, m.format) for m in meetings(body)] == found


def test_ministers_meeting_that_agreed_something_met() -> None:
    body = "EU foreign ministers meeting in Tarn on Monday agreed to widen sanctions."
    assert [(m.status, m.date) for m in meetings(body)] == [("held", D(2024, 3, 25))]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (
            "Members of the commission have summoned Omar Haddad to a working meeting at the "
            "parliament building on Monday.",
            [("planned", D(2024, 4, 1))],
        ),
        (
            "The commission summoned Omar Haddad to a meeting at the parliament building on "
            "Monday, where he apologised.",
            [("held", D(2024, 3, 25))],
        ),
    ],
)
def test_a_meeting_someone_has_been_summoned_to_is_ahead(
    body: str, found: list[tuple[str, dt.date]]
) -> None:
    assert [(m.status, m.date) for m in meetings(body)] == found


def test_talking_someone_is_criticised_for_is_the_talk_of_who_is_criticised() -> None:
    body = (
        "Chancellor Ana Ruiz spoke to President Omar Haddad by phone on Monday. Prime Minister "
        "Pablo Soto, who has criticised Ruiz for talking to Haddad, will hold talks with his "
        "counterpart Lena Berg in Tarn on Sunday."
    )
    assert [(m.status, m.date, sorted(m.participants)) for m in meetings(body)] == [
        ("held", D(2024, 3, 25), ["Ana Ruiz", "Omar Haddad"]),
        ("planned", D(2024, 3, 31), ["Lena Berg", "Pablo Soto"]),
    ]


def test_an_official_met_with_a_group_in_one_noun_phrase_is_met() -> None:
    body = (
        "The UN envoy, David Shearer, flew to Bor on Monday and met Jonglei Governor Denay "
        "Jock Chagor and aid agencies."
    )
    assert [(m.status, m.date) for m in meetings(body)] == [("held", D(2024, 3, 25))]


def test_a_round_numbered_in_figures_is_one_of_a_series_of_talks() -> None:
    body = "Exploratory talks resumed in January, and the 62nd round was held in Tarn on March 16."
    assert ("held", D(2024, 3, 16)) in [(m.status, m.date) for m in meetings(body)]


@pytest.mark.parametrize(
    "body",
    [
        # the parser makes 'the commissioner and builders' associations' one noun phrase
        "Minister Omar Haddad visited the site on Monday. Haddad will meet the municipal "
        "commissioner and builders' associations next week to discuss the housing stock.",
        # 'among the ruins' is where, not with whom
        "President Ana Ruiz visited the island on Thursday. Ruiz met local officials and "
        "residents among the ruins of the main town.",
    ],
)
def test_officials_met_beside_a_group_or_a_place_are_met(body: str) -> None:
    assert len(meetings(body)) == 1


def test_a_plan_that_met_with_criticism_is_no_meeting() -> None:
    assert meetings("The plan met with criticism among the opposition.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Tarn, which controls the straits under the 1936 Montreux Convention, was notified.",
        "A Tarnish official denied that any meeting had taken place.",
        "The ministry denied that the talks would be held in Doha.",
    ],
)
def test_a_treaty_and_a_denied_meeting_are_no_meetings(body: str) -> None:
    assert meetings(body) == []


def test_an_amount_received_is_no_guest() -> None:
    body = "The minister said each affected household would receive RM1,000 in cash."
    assert meetings(body) == []
