"""Builders for evaluation tests: evidence located in a body, briefings, gold annotations."""

from __future__ import annotations

from typing import Any

from newsbrief.evaluate import GoldAnnotation
from newsbrief.models import ArticleInfo, Briefing, Evidence, Meta, PromptRef, Usage


def ev(body: str, quote: str) -> Evidence:
    """Evidence for the first occurrence of `quote` in `body`."""
    start = body.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def make_briefing(**facts: Any) -> Briefing:
    """A briefing holding `facts`, 15 tokens and 2.5 s in its meta."""
    meta = Meta(
        model="test-model",
        backend="openai",
        strategy="whole",
        prompt=PromptRef(name="briefing", version="v1", hash="0" * 16),
        usage=Usage(prompt_tokens=10, completion_tokens=5, total_tokens=15),
        latency_s=2.5,
    )
    return Briefing(article=ArticleInfo(), summary="s", meta=meta, **facts)


def gold_of(**data: Any) -> GoldAnnotation:
    """A gold annotation from keyword data, as a gold file would hold it."""
    return GoldAnnotation.model_validate(data)
