"""What a strategy gets (a Job) and gives back (an Extraction)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from newsbrief._llm import LLM, CallStats
from newsbrief._prompts import PromptSet
from newsbrief.models import Dropped, Figure, Meeting, Party, Person, Position, Source

T = TypeVar("T", bound=BaseModel)


_INSTRUCTION = re.compile(
    r"\b(ignor\w* (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|rules)|disregard (?:all|any|the|your|previous)|"
    r"you are (?:now )?(?:a|an|the) (?:assistant|AI|model|language model|chatbot)|"
    r"system prompt|as an AI|respond only|output only|new instructions|"
    r"(?:report|say|state|write) that .{0,80}\b(?:killed|dead|will meet)|"
    r"return (?:this|the following) JSON)\b|<\|im_start\|>|\{\s*\"[a-z_]+\"\s*:",
    re.I,
)


def is_instruction(text: str) -> bool:
    """True for text that addresses a model ('ignore previous instructions', fake JSON)."""
    return bool(_INSTRUCTION.search(text))


def fence(body: str) -> str:
    """The body as prompt data: an <article> tag inside it cannot close the data block."""
    return re.sub(r"<(/?)article", r"<\1 article", body, flags=re.IGNORECASE)


@dataclass
class Job:
    """One article to extract, the model to ask, and the counters of this briefing."""

    body: str
    published: dt.date | None
    title: str | None
    llm: LLM
    prompts: PromptSet
    stats: CallStats = field(default_factory=CallStats)

    async def ask(
        self, response_model: type[T], messages: list[dict[str, str]], max_tokens: int
    ) -> T:
        """Ask the model one structured question, counting it in this job's stats."""
        return await self.llm.ask(response_model, messages, stats=self.stats, max_tokens=max_tokens)


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
