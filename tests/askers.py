"""Test doubles for the `Asker` protocol: answer from a table or a function, record questions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsbrief.models import CallStats


@dataclass
class CannedAsker:
    """Answers each question with `answer(response_model)` and never calls a model.

    Every question is counted in `stats` like a real call, and recorded as
    `(messages, max_tokens)` in `asked`.
    """

    answer: Callable[[type[Any]], Any]
    stats: CallStats = field(default_factory=CallStats)
    asked: list[tuple[list[dict[str, str]], int]] = field(default_factory=list)

    @classmethod
    def from_table(cls, answers: dict[type[Any], Any]) -> CannedAsker:
        """An asker whose answer depends only on the response model asked for."""
        return cls(answer=lambda model: answers[model])

    async def __call__(
        self, response_model: type[Any], messages: list[dict[str, str]], max_tokens: int
    ) -> Any:
        self.stats.model_calls += 1
        self.stats.attempts += 1
        self.asked.append((messages, max_tokens))
        return self.answer(response_model)

    @property
    def questions(self) -> list[str]:
        """The last message of every question asked, in order."""
        return [messages[-1]["content"] for messages, _ in self.asked]

    @property
    def calls(self) -> int:
        """How many questions were asked."""
        return len(self.asked)
