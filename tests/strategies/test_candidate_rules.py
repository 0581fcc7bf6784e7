"""The code-side rules of the candidate strategy, and one run of it with canned model answers.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from newsbrief.strategies import candidates as _candidates
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.base import Extraction, Job
from newsbrief.strategies.candidates import FigureAnswer, MeetingAnswer
from newsbrief.strategies.candidates.context import Context as _Context
from newsbrief.strategies.candidates.context import purpose as _purpose
from newsbrief.strategies.candidates.context import sentences as _sentences
from newsbrief.strategies.candidates.figures import _clause_ev
from newsbrief.strategies.candidates.positions import lead_summary as _lead_summary
from newsbrief.text import numbers as _numbers
from tests.askers import CannedAsker

SAT = dt.date(2024, 3, 30)  # a Saturday

# --- figures: what a number counts and whether it is one: tests/strategies/test_figures.py --


# --- meetings: read off the parse, tied into meetings: tests/text/test_events.py and
# tests/strategies/test_meetings.py; what a meeting is about: ----------------------------------

# (sentence, what the meeting is about)
PURPOSES = [
    ("Ministers met in Cairo to discuss the maritime border deal, officials said.",
     "the maritime border deal"),
    ("They spoke about aid deliveries according to officials.", "aid deliveries"),
    ("Talks on the ceasefire resumed; Qatar mediated.", "the ceasefire resumed"),
    ("They met on Monday.", None),  # a date, not a topic
    ("They will meet on 5 May.", None),
    ("Ruiz first telephoned Haddad on January 22, and the two met later.", None),  # a date
    ("Ruiz will meet him on the summit's sidelines on Sunday.", None),  # where, not what
    ("They agreed on the terms of a truce.", "the terms of a truce"),
    ("They met over dinner.", None),  # one word is not a purpose
    ("They met.", None),
    ("They met to discuss " + " ".join(f"w{i}" for i in range(20)) + ".",
     " ".join(f"w{i}" for i in range(14))),  # at most 14 words
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "purpose"), PURPOSES)
def test_purpose(sentence: str, purpose: str | None) -> None:
    assert _purpose(sentence) == purpose


def test_purpose_keeps_a_dotted_abbreviation() -> None:
    assert _purpose("Ministers met to discuss U.S. sanctions.") == "U.S. sanctions"


# --- evidence and summary ----------------------------------------------------------------

INTRO = "Intro line.\n"

# (sentence, number phrase in it, the clause quoted as evidence)
CLAUSES = [
    ("Rescuers said at least 20 people were killed, and dozens more were hurt.",
     "at least 20", "Rescuers said at least 20 people were killed"),
    ("Rescuers said at least 20 people were killed, and dozens more were hurt.",
     "dozens", "and dozens more were hurt"),
    ("The toll \u2014 45 dead and 60 injured \u2014 rose again.", "45", "45 dead and 60 injured"),
    ("Medics said (at least 25 were hurt) in the raid.", "at least 25", "at least 25 were hurt"),
    # a clause under four words gives the whole sentence, without its full stop
    ("In Gaza, 30 died, officials said.", "30", "In Gaza, 30 died, officials said"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "number", "clause"), CLAUSES)
def test_clause_ev_quotes_the_clause_around_the_number(
    sentence: str, number: str, clause: str
) -> None:
    body = INTRO + sentence
    [_, sent] = _sentences(body)
    [found] = [p for p in _numbers.find_numbers(sent.text) if p.text == number]
    evidence = _clause_ev(body, sent, found.start, found.end)
    assert evidence.quote == clause
    assert body[evidence.start : evidence.end] == clause


def context(body: str) -> _Context:
    job = Job(body=body, published=SAT, title=None, prompts=_prompts.load("candidates", "v2"))
    return _Context(job=job, ask=None, sentences=_sentences(body))  # type: ignore[arg-type]  # no model


LEAD = "One two three. Four five six. Seven eight nine."


@pytest.mark.parametrize(
    ("max_words", "summary"),
    [
        (70, LEAD),
        (6, "One two three. Four five six."),
        (5, "One two three."),
        (1, "One two three."),  # the first sentence is kept whatever its length
    ],
)
def test_lead_summary_is_the_lead_sentences_within_a_word_budget(
    max_words: int, summary: str
) -> None:
    assert _lead_summary(context(LEAD), max_words=max_words) == summary


# --- one run with canned model answers -----------------------------------------------------

ARTICLE = (
    "Foreign ministers of Egypt and Qatar will meet in Cairo on Monday to discuss the border "
    "crossing, the ministry announced on Friday. A summit with Jordan planned for next week "
    "was cancelled.\n\n"
    "At least 20 people were killed in the shelling, according to AFP."
)


def run_canned(body: str, answers: dict[type[Any], Any]) -> tuple[Extraction, CannedAsker]:
    job = Job(body=body, published=SAT, title=None, prompts=_prompts.load("candidates", "v2"))
    asker = CannedAsker.from_table(answers)
    return asyncio.run(_candidates.extract(job, asker)), asker


@pytest.fixture(scope="module")
def canned() -> tuple[Extraction, CannedAsker]:
    # The model calls every meeting "planned" and every figure "other": code must correct it.
    return run_canned(
        ARTICLE,
        {
            MeetingAnswer: MeetingAnswer(is_meeting=True, status="planned"),
            FigureAnswer: FigureAnswer(metric="other"),
        },
    )


def test_extract_dates_a_planned_meeting_and_keeps_a_cancelled_one(
    canned: tuple[Extraction, CannedAsker],
) -> None:
    planned, cancelled = canned[0].meetings
    assert planned.status == "planned"
    assert (planned.date, planned.date_text) == (dt.date(2024, 4, 1), "on Monday")
    assert planned.participants == ["Egypt", "Qatar"]
    assert (planned.location, planned.format) == ("Cairo", "in_person")
    assert planned.purpose == "the border crossing"
    assert (cancelled.status, cancelled.date, cancelled.date_precision) == (
        "cancelled",
        None,
        "week",
    )


def test_extract_reads_the_death_toll_without_asking_the_model(
    canned: tuple[Extraction, CannedAsker],
) -> None:
    extraction, job = canned
    [figure] = extraction.figures
    assert (figure.metric, figure.value, figure.qualifier, figure.value_text) == (
        "killed",
        20,
        "at_least",
        "At least 20",
    )
    assert figure.reported_by == "AFP"
    assert [s.name for s in extraction.sources] == ["AFP"]
    # the parse settles both meetings and "killed" names the metric: nothing to ask
    assert job.questions == []


def test_extract_every_evidence_quote_is_the_body_span(
    canned: tuple[Extraction, CannedAsker],
) -> None:
    extraction = canned[0]
    facts = [
        *extraction.parties,
        *extraction.people,
        *extraction.positions,
        *extraction.meetings,
        *extraction.figures,
        *extraction.sources,
    ]
    evidence = [ev for fact in facts for ev in fact.evidence]
    assert len(evidence) >= 6
    for ev in evidence:
        assert ARTICLE[ev.start : ev.end] == ev.quote


def test_extract_summary_is_the_lead_and_nothing_is_dropped(
    canned: tuple[Extraction, CannedAsker],
) -> None:
    extraction = canned[0]
    assert extraction.summary.startswith("Foreign ministers of Egypt and Qatar will meet")
    assert extraction.dropped == []
    assert {p.name: p.kind for p in extraction.parties} == {
        "Egypt": "state",
        "Qatar": "state",
        "Jordan": "state",
    }
