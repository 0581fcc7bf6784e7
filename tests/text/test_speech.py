"""Reported speech read from the parse: who said what.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

from newsbrief.text.nlp import parse
from newsbrief.text.speech import statements


def _statements(body: str) -> list[tuple[str, str, bool, str]]:
    doc = parse(body)
    return [(s.verb, s.subject, s.pronoun, s.said) for s in statements(doc, 0, len(body))]


def test_a_reported_clause_is_what_was_said() -> None:
    [(verb, subject, pronoun, said)] = _statements(
        "The foreign minister said that the border would stay closed."
    )
    assert (verb, subject, pronoun) == ("say", "The foreign minister", False)
    assert said == "that the border would stay closed"


def test_a_quote_before_the_verb_is_what_was_said() -> None:
    [(verb, subject, pronoun, said)] = _statements('"We will rebuild the bridge," she said.')
    assert (verb, subject, pronoun) == ("say", "she", True)
    assert said == "We will rebuild the bridge"


def test_urged_takes_its_object_and_infinitive() -> None:
    [(verb, subject, _, said)] = _statements("Karl Lind urged both sides to stop fighting.")
    assert (verb, subject) == ("urge", "Karl Lind")
    assert "stop fighting" in said


def test_statement_subject_offsets_point_at_the_subject() -> None:
    body = "On Monday the mayor warned that floods could return."
    doc = parse(body)
    [statement] = statements(doc, 0, len(body))
    assert body[statement.subject_start :].startswith(statement.subject)


def test_a_sentence_without_a_verb_of_saying_has_no_statement() -> None:
    assert _statements("The bridge collapsed after heavy rain.") == []


def test_told_takes_what_was_said_not_whom() -> None:
    [(verb, subject, _, said)] = _statements("Karl Lind told reporters that the port had reopened.")
    assert (verb, subject) == ("tell", "Karl Lind")
    assert said == "that the port had reopened"
