"""brief() and abrief(): prompt -> call -> ground -> normalise -> stamp."""

from __future__ import annotations

import datetime as dt

from newsbrief._article import Article
from newsbrief.models import SCHEMA_VERSION, Briefing
from newsbrief.settings import Settings

PROMPT_NAME = "briefing"
PROMPT_VERSION = "v1"


def cache_identity(settings: Settings) -> str:
    """Everything besides the article text that changes a briefing (for caches)."""
    return "|".join(
        [settings.backend, settings.model, settings.effective_strategy,
         f"{PROMPT_NAME}/{PROMPT_VERSION}", f"schema/{SCHEMA_VERSION}"]
    )


async def abrief(
    article: str | Article,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
) -> Briefing:
    """Brief one article (async). Placeholder until the LLM path lands."""
    raise NotImplementedError
