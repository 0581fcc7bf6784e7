"""Closed questions answered by the options' log-probabilities (llm/choice.py), model-free.

The fake reader tokenises one character per token and expects one answer text: after any
prefix of it the next character has log-probability 0 (certain), every other token -10.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from newsbrief.llm.choice import Field, fields_of, score
from newsbrief.strategies.candidates.figures import FigureAnswer
from newsbrief.strategies.candidates.meetings import MeetingAnswer

PROMPT = "<question>"


class ExpectingReader:
    """A model that will write `PROMPT + expected` and nothing else."""

    def __init__(self, expected: str) -> None:
        self.text = PROMPT + expected
        self.reads: list[str] = []

    def tokens(self, text: str) -> list[int]:
        return [ord(c) for c in text]

    def logprobs(self, tokens: list[int]) -> Sequence[float]:
        so_far = "".join(chr(t) for t in tokens)
        self.reads.append(so_far[len(PROMPT) :])
        expected = None
        if self.text.startswith(so_far) and len(so_far) < len(self.text):
            expected = ord(self.text[len(so_far)])
        return _Table(expected)


class _Table(Sequence[float]):
    """Log-probability 0 for the expected token, -10 for every other."""

    def __init__(self, expected: int | None) -> None:
        self.expected = expected

    def __len__(self) -> int:
        return 0x110000

    def __getitem__(self, token: int) -> float:  # type: ignore[override]
        return 0.0 if token == self.expected else -10.0


def test_the_candidate_questions_are_closed() -> None:
    assert fields_of(FigureAnswer.model_json_schema()) == [
        (
            "metric",
            [
                "killed",
                "wounded",
                "displaced",
                "population",
                "missing",
                "detained",
                "aid",
                "other",
                "none",
            ],
            True,
        )
    ]
    [is_meeting, status] = fields_of(MeetingAnswer.model_json_schema()) or []
    assert is_meeting == ("is_meeting", [True, False, None], True)
    assert status[0] == "status" and status[2] is False and None in status[1]


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object", "properties": {"why": {"type": "string"}}},
        {"type": "object", "properties": {"n": {"type": "integer"}}},
        {"type": "array", "items": {"enum": ["a"]}},
        {"type": "object", "properties": {}},
        None,
    ],
)
def test_an_open_answer_is_not_scored(schema: dict[str, object] | None) -> None:
    assert fields_of(schema) is None


@pytest.mark.parametrize(
    "answer",
    [
        {"metric": "killed"},
        {"metric": "population"},
        {"metric": "none"},
    ],
)
def test_the_likeliest_option_is_the_answer(answer: dict[str, str]) -> None:
    fields = fields_of(FigureAnswer.model_json_schema()) or []
    written = json.dumps(answer)
    assert score(ExpectingReader(written), PROMPT, fields) == written


@pytest.mark.parametrize(
    "answer",
    [
        {"is_meeting": True, "status": "held"},
        {"is_meeting": False, "status": None},
        {"is_meeting": None},
        {"is_meeting": True, "status": "planned"},
        {"is_meeting": True, "status": "proposed"},
    ],
)
def test_an_optional_field_may_be_written_or_left_out(answer: dict[str, object]) -> None:
    fields = fields_of(MeetingAnswer.model_json_schema()) or []
    written = json.dumps(answer)
    result = score(ExpectingReader(written), PROMPT, fields)
    assert result == written
    assert MeetingAnswer.model_validate_json(result or "") == MeetingAnswer.model_validate(answer)


def test_the_model_is_read_only_where_the_options_part_ways() -> None:
    fields = fields_of(FigureAnswer.model_json_schema()) or []
    reader = ExpectingReader('{"metric": "missing"}')
    score(reader, PROMPT, fields)
    # after the opening quote, then after "m" (missing), "d" (displaced/detained), "w"...:
    # one read per branching point, never one per character of the answer
    assert reader.reads[0] == '{"metric": '
    assert len(reader.reads) <= 4
    assert all(r.startswith('{"metric": ') for r in reader.reads)


def test_options_that_begin_one_another_are_left_to_sampling() -> None:
    fields: list[Field] = [("word", ["a", "ab"], True)]
    # '"a"' and '"ab"' part at the closing quote, so they can be told apart ...
    assert score(ExpectingReader('{"word": "ab"}'), PROMPT, fields) == '{"word": "ab"}'

    # ... but tokens where one option's path is the start of another's cannot
    class Whole(ExpectingReader):
        def tokens(self, text: str) -> list[int]:
            return [ord(c) for c in text.removesuffix('"')]

    assert score(Whole('{"word": "ab"}'), PROMPT, fields) is None
