"""Test and benchmark texts built from the project's own seed articles."""

from __future__ import annotations

from newsbrief.text.article import parse_article
from tests.paths import ROOT

SEEDS = ROOT / "seeds"


def long_article(words: int = 20_000) -> str:
    """A long body assembled from the real seed articles, paragraph after paragraph."""
    bodies = [
        parse_article(p.read_text(encoding="utf-8")).body for p in sorted(SEEDS.glob("*.txt"))
    ]
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.extend(bodies)
    return "\n\n".join(parts)
