"""Extraction strategies: what turns an article body into grounded facts.

A strategy is an `extract(job, ask)` coroutine plus the prompt set it speaks with; `STRATEGIES`
is the one registry. Strategies reach a model only through the `Asker` they are given, so they
never build or hold a client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from newsbrief.models import SCHEMA_VERSION
from newsbrief.settings import Settings
from newsbrief.strategies import candidates, whole
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.base import Asker, Extraction, Job, stamp
from newsbrief.strategies.fingerprint import code_fingerprint
from newsbrief.strategies.prompts import PromptSet

__all__ = [
    "STRATEGIES",
    "Asker",
    "Extraction",
    "Job",
    "Strategy",
    "cache_identity",
    "for_settings",
    "stamp",
]


@dataclass(frozen=True)
class Strategy:
    """One extraction strategy: its name, its prompt set and its extract coroutine."""

    name: str
    prompt_name: str
    prompt_version: str
    extract: Callable[[Job, Asker], Awaitable[Extraction]]

    def prompts(self) -> PromptSet:
        """The prompt set this strategy asks with."""
        return _prompts.load(self.prompt_name, self.prompt_version)


STRATEGIES: dict[str, Strategy] = {
    "whole": Strategy("whole", "briefing", "v1", whole.extract),
    "candidates": Strategy("candidates", "candidates", "v5", candidates.extract),
}


def for_settings(settings: Settings) -> Strategy:
    """The strategy these settings select (`auto` already resolved by the settings)."""
    return STRATEGIES[settings.effective_strategy]


def cache_identity(settings: Settings) -> str:
    """Everything besides the article text that changes a briefing (for caches).

    The code's own fingerprint is part of it: a rule fixed within one package version must
    not leave a cache serving the briefing the old rule made.
    """
    strategy = for_settings(settings)
    prompt = strategy.prompts()
    return "|".join(
        [
            settings.backend,
            settings.model,
            *([f"choice/{settings.choice}"] if settings.backend == "local" else []),
            strategy.name,
            f"{prompt.name}/{prompt.version}/{prompt.ref.hash}",
            f"schema/{SCHEMA_VERSION}",
            f"code/{code_fingerprint()}",
        ]
    )
