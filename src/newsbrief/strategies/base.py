"""What a strategy gets (a Job and an Asker) and gives back (an Extraction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from pydantic import BaseModel

from newsbrief.errors import ConfigError
from newsbrief.models import (
    ArticleInfo,
    Briefing,
    CallStats,
    Dropped,
    Figure,
    Meeting,
    Meta,
    Party,
    Person,
    Position,
    Source,
)
from newsbrief.strategies.prompts import PromptSet
from newsbrief.text.article import Article

T = TypeVar("T", bound=BaseModel)


class Asker(Protocol):
    """How a strategy reaches a model: one structured question, one validated answer.

    `stats` holds the counters of the briefing the asker serves (calls, requests, tokens).
    """

    stats: CallStats

    async def __call__(
        self, response_model: type[T], messages: list[dict[str, str]], max_tokens: int
    ) -> T:
        """Ask one question; the answer is an instance of `response_model`."""
        ...


@dataclass
class RulesAsker:
    """The asker of the `rules` backend: no model; code's own reading answers.

    Every candidate question's answer model has an `abstain()` class method giving the
    answer code falls back to; a question without one needs a model.
    """

    stats: CallStats = field(default_factory=CallStats)

    async def __call__(
        self, response_model: type[T], messages: list[dict[str, str]], max_tokens: int
    ) -> T:
        """The response model's `abstain()` answer; no model is called, nothing is counted."""
        abstain = getattr(response_model, "abstain", None)
        if abstain is None:
            raise ConfigError(
                f"{response_model.__name__} needs a model: the rules backend cannot answer it"
            )
        answer: T = abstain()
        return answer


@dataclass(frozen=True)
class Job:
    """One article (or one part of it) to extract, and the prompts to ask with. Data only."""

    body: str
    published: dt.date | None
    title: str | None
    prompts: PromptSet


@dataclass
class Extraction:
    """Grounded facts a strategy found, before the briefing is stamped."""

    summary: str
    parties: list[Party] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    language: str | None = None


def stamp(art: Article, ex: Extraction, meta: Meta) -> Briefing:
    """The Briefing of one article: its header, the extracted facts and the run's metadata."""
    return Briefing(
        article=ArticleInfo(
            title=art.title,
            source=art.source,
            url=art.url,
            published=art.published,
            language=ex.language or "en",
        ),
        summary=ex.summary,
        parties=ex.parties,
        people=ex.people,
        positions=ex.positions,
        meetings=ex.meetings,
        figures=ex.figures,
        sources=ex.sources,
        meta=meta.model_copy(update={"dropped": ex.dropped}),
    )
