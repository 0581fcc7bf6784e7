"""brief() end to end against recorded model answers (replayed offline).

Recorded from the embedded default model, Qwen2.5-Coder-0.5B-Instruct Q4_K_M run by
llama-cpp-python 0.3.36, through its OpenAI-compatible chat-completions interface.
Re-record with:  pytest --record-mode=rewrite tests/test_brief_cassettes.py
(needs `pip install -e '.[local,test]'`). A changed prompt, schema or strategy changes the
request bodies, and the JSON-aware body matcher turns that into a loud cassette miss.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief import Settings, brief
from newsbrief._article import parse_article


def _all_evidence(briefing):  # type: ignore[no-untyped-def]
    for kind in ("parties", "people", "positions", "meetings", "figures", "sources"):
        for fact in getattr(briefing, kind):
            yield from fact.evidence


@pytest.mark.vcr
def test_seed_with_the_candidate_strategy(seed_text: str) -> None:
    body = parse_article(seed_text).body
    result = brief(seed_text, settings=Settings(strategy="candidates"))

    assert result.article.published == dt.date(2024, 3, 30)
    assert result.meta.backend == "local" and result.meta.strategy == "candidates"
    assert result.meta.model_calls > 0 and result.meta.usage.total_tokens > 0
    for evidence in _all_evidence(result):
        assert body[evidence.start : evidence.end] == evidence.quote
    values = {f.value for f in result.figures}
    assert 1_500_000 in values
    monday = [m for m in result.meetings if m.date == dt.date(2024, 4, 1)]
    assert monday and monday[0].format == "virtual"
    assert {"United States", "Israel"} <= {p.name for p in result.parties}


@pytest.mark.vcr
def test_seed_with_the_whole_article_strategy(seed_text: str) -> None:
    body = parse_article(seed_text).body
    result = brief(seed_text, settings=Settings(strategy="whole"))

    assert result.meta.strategy == "whole"
    for evidence in _all_evidence(result):
        assert body[evidence.start : evidence.end] == evidence.quote
    for dropped in result.meta.dropped:
        assert dropped.reason
