"""The OpenAI Batch mode: export requests, import the provider's results, write the day.

Recorded files under tests/data/batch/:
- articles.jsonl: three short invented articles (the inputs);
- requests.jsonl: what `export_batch` writes for them (pinned, byte for byte);
- output.jsonl: a provider output file written by hand in the Batch output format: a success
  whose Draft quotes are verbatim from `port-talks`, an `error` object for `vell-floods`, an
  HTTP 500 for `harbour-strike`, and one result whose custom_id names no input.

A changed prompt, model or Draft schema changes every custom_id, so the pinned export and the
recorded output go stale together and these tests fail loudly. After a deliberate change,
regenerate both (requests.jsonl anew; output.jsonl's custom_ids re-pointed, bodies kept):

    cd /work/main && PYTHONPATH=src /work/venv/bin/python tests/test_batch.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsbrief._api import abrief
from newsbrief.daily.batch import (
    NO_REASK,
    NO_RESULT,
    STALE,
    batch_daily,
    export_batch,
    import_batch,
    request_body,
)
from newsbrief.daily.inputs import InputArticle, iter_inputs
from newsbrief.errors import ConfigError
from newsbrief.settings import Settings
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.whole import Draft
from newsbrief.text.article import Article, parse_article
from tests.askers import CannedAsker
from tests.paths import ROOT

DATA = ROOT / "tests" / "data" / "batch"
ARTICLES, REQUESTS, OUTPUT = DATA / "articles.jsonl", DATA / "requests.jsonl", DATA / "output.jsonl"
DAY = dt.date(2025, 3, 14)
WHOLE_CASSETTE = (
    ROOT
    / "cassettes"
    / "test_brief_cassettes"
    / "test_the_whole_article_strategy_on_the_small_model_is_grounded_or_refused.yaml"
)


def batch_settings(tmp_path: Path | None = None, **changes: Any) -> Settings:
    values: dict[str, Any] = {"backend": "openai", "model": "gpt-4o-mini", "strategy": "whole"}
    if tmp_path is not None:
        values["cache_dir"] = tmp_path / "cache"
    return Settings(**{**values, **changes})


def inputs() -> list[InputArticle]:
    return iter_inputs([str(ARTICLES)], default_date=DAY)


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def by_id(results: list[Any]) -> dict[str, Any]:
    return {item.id: (briefing, error) for item, briefing, error in results}


# -- export -------------------------------------------------------------------------------


def test_export_matches_the_pinned_file(tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    assert export_batch(inputs(), out, settings=batch_settings()) == 3
    assert out.read_bytes() == REQUESTS.read_bytes(), (
        "the export drifted from tests/data/batch/requests.jsonl: if the prompt, model or "
        "Draft schema changed on purpose, regenerate it (see this module's docstring)"
    )


def test_export_is_byte_stable(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export_batch(inputs(), first, settings=batch_settings())
    export_batch(inputs(), second, settings=batch_settings())
    assert first.read_bytes() == second.read_bytes()


def test_export_lines_are_batch_requests(tmp_path: Path) -> None:
    lines = records(REQUESTS)
    assert [line["custom_id"].rpartition(":")[0] for line in lines] == [
        "port-talks",
        "vell-floods",
        "harbour-strike",
    ]
    for line in lines:
        assert set(line) == {"custom_id", "method", "url", "body"}
        assert (line["method"], line["url"]) == ("POST", "/v1/chat/completions")
        body = line["body"]
        assert body["response_format"]["json_schema"] == {
            "name": "Draft",
            "schema": Draft.model_json_schema(),
        }
        assert (body["temperature"], body["seed"], body["max_tokens"]) == (0, 0, 4096)
        assert len(line["custom_id"].rpartition(":")[2]) == 12


def test_export_sends_what_the_recorded_live_call_sent(seed_text: str) -> None:
    """The seed's request equals the whole-strategy request recorded in its cassette."""
    cassette = yaml.safe_load(WHOLE_CASSETTE.read_text("utf-8"))
    live = json.loads(cassette["interactions"][0]["request"]["body"])
    settings = Settings(strategy="whole")  # the cassette's model
    body = request_body(parse_article(seed_text), _prompts.load("briefing", "v1"), settings)
    assert body == {k: live[k] for k in body}
    assert set(live) == set(body)


def test_export_sends_what_abrief_sends() -> None:
    item = inputs()[0]
    assert item.article is not None
    recorder = CannedAsker(lambda model: Draft(summary="S.", language="en"))

    asyncio.run(abrief(item.article, settings=batch_settings(), asker=recorder))
    body = request_body(item.article, _prompts.load("briefing", "v1"), batch_settings())
    assert recorder.asked == [(body["messages"], body["max_tokens"])]


def test_a_changed_prompt_changes_the_export_and_stales_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "prompts"
    (root / "briefing").mkdir(parents=True)
    for file in (_prompts._prompt_root() / "briefing").glob("v1.*.md"):
        text = file.read_text("utf-8")
        if file.name == "v1.system.md":
            text += "- Be brief.\n"
        (root / "briefing" / file.name).write_text(text, "utf-8")
    monkeypatch.setattr(_prompts, "_prompt_root", lambda: root)
    out = tmp_path / "requests.jsonl"
    export_batch(inputs(), out, settings=batch_settings())
    old, new = records(REQUESTS), records(out)
    assert all(a["custom_id"] != b["custom_id"] for a, b in zip(old, new, strict=True))
    results = import_batch(inputs(), OUTPUT, settings=batch_settings())
    assert [error for _, _, error in results] == [STALE] * 3


def test_a_changed_model_changes_the_custom_ids(tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    export_batch(inputs(), out, settings=batch_settings(model="gpt-4.1-mini"))
    assert {r["custom_id"] for r in records(out)}.isdisjoint(
        r["custom_id"] for r in records(REQUESTS)
    )


def test_unreadable_inputs_are_not_exported(tmp_path: Path) -> None:
    bad = InputArticle(id="broken", origin="x", error="record has no 'text'")
    empty = InputArticle(id="empty", origin="y", article=Article(body="   "))
    out = tmp_path / "requests.jsonl"
    assert export_batch([bad, *inputs(), empty], out, settings=batch_settings()) == 3
    assert out.read_bytes() == REQUESTS.read_bytes()


@pytest.mark.parametrize(
    "settings",
    [Settings(backend="openai", strategy="candidates"), Settings(backend="local")],
    ids=["candidates", "auto-on-the-embedded-model"],
)
def test_the_candidate_strategy_is_refused(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(ConfigError, match="whole-article strategy.*candidates"):
        export_batch(inputs(), tmp_path / "r.jsonl", settings=settings)
    with pytest.raises(ConfigError, match="candidates"):
        import_batch(inputs(), OUTPUT, settings=settings)
    assert not (tmp_path / "r.jsonl").exists()


# -- import -------------------------------------------------------------------------------


def test_import_the_recorded_output(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsbrief.daily.batch"):
        results = import_batch(inputs(), OUTPUT, settings=batch_settings())
    assert [item.id for item, _, _ in results] == ["port-talks", "vell-floods", "harbour-strike"]
    got = by_id(results)
    briefing, error = got["port-talks"]
    assert error is None and briefing is not None
    body = inputs()[0].article.body  # type: ignore[union-attr]
    assert sorted(p.name for p in briefing.parties) == ["Estavia", "Norland", "Red Crescent"]
    assert [p.name for p in briefing.people] == ["Anja Berg"]
    assert [m.date for m in briefing.meetings] == [dt.date(2025, 3, 18)]
    assert [(f.metric, f.value, f.qualifier) for f in briefing.figures] == [
        ("displaced", 1200, "at_least")
    ]
    facts = [*briefing.parties, *briefing.people, *briefing.meetings, *briefing.figures]
    for fact in [*facts, *briefing.positions, *briefing.sources]:
        for ev in fact.evidence:
            assert body[ev.start : ev.end] == ev.quote
    meta = briefing.meta
    assert (meta.model_calls, meta.attempts, meta.strategy, meta.dropped) == (1, 1, "whole", [])
    assert (meta.usage.prompt_tokens, meta.usage.completion_tokens) == (1612, 388)
    assert meta.usage.total_tokens == 2000
    assert got["vell-floods"] == (
        None,
        "ModelCallError: the batch request failed: batch_expired: This request could not be "
        "executed before the completion window expired.",
    )
    assert got["harbour-strike"][0] is None
    assert got["harbour-strike"][1].startswith(
        "ModelCallError: the batch request failed: HTTP 500: The server had an error"
    )
    assert "no input article has that custom_id" in caplog.text
    assert "retired-article" in caplog.text


def _success() -> dict[str, Any]:
    return next(r for r in records(OUTPUT) if r["custom_id"].startswith("port-talks:"))


def _draft(record: dict[str, Any]) -> dict[str, Any]:
    content = record["response"]["body"]["choices"][0]["message"]["content"]
    return json.loads(content)  # type: ignore[no-any-return]


def _with_draft(record: dict[str, Any], draft: dict[str, Any]) -> dict[str, Any]:
    record["response"]["body"]["choices"][0]["message"]["content"] = json.dumps(draft)
    return record


def _import_one(tmp_path: Path, record: dict[str, Any]) -> tuple[Any, str | None]:
    path = tmp_path / "output.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    results = import_batch(inputs()[:1], path, settings=batch_settings())
    return results[0][1], results[0][2]


def test_an_ungrounded_quote_is_dropped_without_a_reask(tmp_path: Path) -> None:
    draft = _draft(_success())
    draft["figures"][0]["evidence"] = "1,200 people fled the port"  # not in the article
    briefing, error = _import_one(tmp_path, _with_draft(_success(), draft))
    assert error is None
    assert briefing.figures == []
    assert [(d.kind, d.reason) for d in briefing.meta.dropped] == [("figures", NO_REASK)]
    assert NO_REASK == "evidence not found in the article (batch: no re-ask)"


def test_batch_and_live_paths_give_the_same_briefing(tmp_path: Path) -> None:
    """The same Draft, answered live or by the batch, grounds to the same briefing."""
    draft = Draft.model_validate(_draft(_success()))
    item = inputs()[0]
    live = asyncio.run(
        abrief(item.article, settings=batch_settings(), asker=CannedAsker(lambda model: draft))
    )
    batch = import_batch(inputs(), OUTPUT, settings=batch_settings())[0][1]
    assert batch is not None
    assert batch.model_dump(exclude={"meta"}) == live.model_dump(exclude={"meta"})
    assert (batch.meta.prompt, batch.meta.model) == (live.meta.prompt, live.meta.model)


def _break_content(record: dict[str, Any]) -> dict[str, Any]:
    record["response"]["body"]["choices"][0]["message"]["content"] = '{"summary": 3}'
    return record


def _cut_off(record: dict[str, Any]) -> dict[str, Any]:
    record["response"]["body"]["choices"][0]["finish_reason"] = "length"
    return record


def _refuse(record: dict[str, Any]) -> dict[str, Any]:
    message = record["response"]["body"]["choices"][0]["message"]
    message["content"], message["refusal"] = None, "I can't help with that."
    return record


def _no_choices(record: dict[str, Any]) -> dict[str, Any]:
    record["response"]["body"]["choices"] = []
    return record


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _break_content,
            "ExtractionError: the model's output never validated: summary: Input should be "
            "a valid string; language: Field required",
        ),
        (_cut_off, "ExtractionError: the model's output was cut off (finish_reason=length)"),
        (_refuse, "ExtractionError: the model refused: I can't help with that."),
        (_no_choices, "ExtractionError: unusable batch result: IndexError('list index out of "),
    ],
    ids=["invalid", "cut-off", "refused", "no-choices"],
)
def test_a_bad_answer_is_that_articles_one_line_error(
    tmp_path: Path, change: Any, expected: str
) -> None:
    briefing, error = _import_one(tmp_path, change(_success()))
    assert briefing is None
    assert error is not None and error.startswith(expected) and "\n" not in error


def test_missing_results_and_broken_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "output.jsonl"
    path.write_text('not json\n{"id": "x"}\n\n' + json.dumps(_success()) + "\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="newsbrief.daily.batch"):
        results = import_batch(inputs(), path, settings=batch_settings())
    assert [error for _, _, error in results] == [None, NO_RESULT, NO_RESULT]
    assert "output.jsonl:1: not JSON" in caplog.text
    assert "output.jsonl:2: no custom_id" in caplog.text


# -- the day ------------------------------------------------------------------------------


def test_batch_daily_writes_the_day(tmp_path: Path) -> None:
    unreadable = InputArticle(id="broken", origin="broken.json", error="invalid JSON: x")
    day = batch_daily(
        [*inputs(), unreadable], OUTPUT, tmp_path / "out", date=DAY, settings=batch_settings()
    )
    for suffix in ("json", "md", "html"):
        assert (tmp_path / "out" / f"2025-03-14.{suffix}").is_file()
    assert json.loads((tmp_path / "out" / "2025-03-14.json").read_text("utf-8")) == json.loads(
        day.model_dump_json()
    )
    assert [(a.id, a.status) for a in day.articles] == [
        ("port-talks", "ok"),
        ("vell-floods", "error"),
        ("harbour-strike", "error"),
        ("broken", "error"),
    ]
    assert day.articles[3].error == "invalid JSON: x"
    assert "batch_expired" in (day.articles[1].error or "")
    assert "HTTP 500" in (day.articles[2].error or "")
    stats = day.stats
    assert (stats.articles_ok, stats.articles_failed) == (1, 3)
    assert (stats.model_calls, stats.cache_hits, stats.tokens) == (3, 0, 2000)
    assert [c.date for c in day.calendar] == [dt.date(2025, 3, 18)]
    assert [f.article_id for f in day.figures] == ["port-talks"]
    assert day.parties[0].article_ids == ["port-talks"]


# -- regeneration -------------------------------------------------------------------------


def regenerate() -> None:
    """Rewrite requests.jsonl, and re-point output.jsonl's custom_ids at the new requests."""
    export_batch(inputs(), REQUESTS, settings=batch_settings())
    new = {r["custom_id"].rpartition(":")[0]: r["custom_id"] for r in records(REQUESTS)}
    lines = []
    for record in records(OUTPUT):
        article_id = record["custom_id"].rpartition(":")[0]
        record["custom_id"] = new.get(article_id, record["custom_id"])
        lines.append(json.dumps(record, ensure_ascii=False))
    OUTPUT.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    print(f"wrote {REQUESTS} and re-pointed {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
