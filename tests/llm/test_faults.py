"""Fault injection: a misbehaving OpenAI-compatible endpoint on loopback (tests/stub_server.py).

For each fault: how many requests the stub received (retries are bounded), recovery when the
fault is followed by a good answer, a typed error carrying attempts and usage when it
persists, never a hang, and one `newsbrief: error:` line (exit 1) from the CLI. Then
`run_daily` over 200 articles with 30% of responses faulty loses none, and a re-run retries
only the failed ones.

What the user sees when a fault persists (settings: 3 attempts, 1 re-ask, 0.5 s timeout):

==========  ========  =============================================================
fault       requests  error
==========  ========  =============================================================
429         3         ModelCallError "HOST answered HTTP 429 after 3 request(s): ..."
500/502/503 3         ModelCallError "HOST answered HTTP 50x after 3 request(s): ..."
hang        3         ModelCallError "HOST timed out after 3 request(s)"
drip        3         ModelCallError "HOST timed out after 3 request(s)" (bytes trickle in)
reset       3         ModelCallError "HOST unreachable after 3 request(s)"
malformed   2         ExtractionError "the model's output never validated: <JSON error>"
truncated   1         ExtractionError "the model's output was cut off (finish_reason=length)"
invalid     2         ExtractionError "the model's output never validated: N validation errors"
empty       1         ExtractionError "the model's output never validated: list index out ..."
refusal     2         ExtractionError "the model refused: <the refusal text>"
==========  ========  =============================================================

`drip` answers one byte every 0.1 s: no single read times out, so only the per-request
deadline (`timeout_s` bounds the whole request) stops it. Transient faults (status, timeout,
drip, reset) are retried by tenacity; bad output is re-asked once by instructor
(`max_reasks=1`), except a truncated answer or one without choices, which fail at once (the
same request would be cut off again).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsbrief._api import abrief
from newsbrief.cli import app
from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.run import run_daily
from newsbrief.errors import ExtractionError, ModelCallError
from newsbrief.llm.client import LLM, default_retrying
from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.text.article import Article
from tests.fault_helpers import (
    ARTICLE,
    BODY,
    deadline,
    fast_default_retrying,
    fast_retrying,
    good_content,
    one_error_line,
    stub_env,
    stub_settings,
)
from tests.paths import ROOT
from tests.stub_server import Behaviour, StubServer, random_faults, script, user_text

TRANSIENT: list[Behaviour] = [429, 500, 502, 503, "hang", "drip", "reset"]
OUTPUT: dict[Behaviour, int] = {  # fault -> requests before ExtractionError (1 + max_reasks)
    "malformed": 2,
    "truncated": 1,
    "invalid": 2,
    "empty": 1,
    "refusal": 2,
}
ALL_FAULTS = [*TRANSIENT, *OUTPUT]


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    with deadline(120):
        yield


def run(settings: Settings, retrying_fast: bool = True) -> Briefing:
    retrying = fast_retrying(settings) if retrying_fast else default_retrying(settings)

    async def with_own_client() -> Briefing:
        async with LLM(settings, retrying=retrying) as llm:
            return await abrief(ARTICLE, settings=settings, asker=llm.asker())

    return asyncio.run(with_own_client())


def assert_good(result: Briefing) -> None:
    assert [f.value for f in result.figures] == [20]
    assert len(result.meetings) == 1
    for fact in [*result.parties, *result.meetings, *result.figures]:
        for ev in fact.evidence:
            assert BODY[ev.start : ev.end] == ev.quote


# --------------------------------------------------------------------------- library


@pytest.mark.parametrize("fault", TRANSIENT)
def test_transient_fault_then_good_answer_recovers(fault: Behaviour, tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content, fault=script(fault, fault)) as stub:
        result = run(stub_settings(stub, tmp_path))
    assert stub.requests == 3
    assert stub.stats.served == [str(fault), str(fault), "ok"]
    assert result.meta.model_calls == 1  # one question asked...
    assert result.meta.attempts == 3  # ...in three requests: every retry is counted
    assert result.meta.usage.total_tokens > 0  # only the good answer carried usage
    assert_good(result)


@pytest.mark.parametrize("fault", TRANSIENT)
def test_persistent_transient_fault_is_a_model_call_error(fault: Behaviour, tmp_path: Path) -> None:
    started = time.perf_counter()
    with StubServer(latency=0, content=good_content, fault=script(then=fault)) as stub:
        with pytest.raises(ModelCallError) as info:
            run(stub_settings(stub, tmp_path))
    assert stub.requests == 3  # max_attempts, no more
    err = info.value
    assert err.attempts == 3
    assert err.status == (fault if isinstance(fault, int) else None)
    assert err.provider == "127.0.0.1"
    assert err.usage is not None
    assert "after 3 request(s)" in str(err)
    assert "\n" not in str(err)
    assert time.perf_counter() - started < 5  # three 0.5 s timeouts at most


@pytest.mark.parametrize("fault", list(OUTPUT))
def test_persistent_bad_output_is_an_extraction_error(fault: Behaviour, tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content, fault=script(then=fault)) as stub:
        with pytest.raises(ExtractionError) as info:
            run(stub_settings(stub, tmp_path))
    expected = OUTPUT[fault]
    assert stub.requests == expected
    assert info.value.attempts == expected
    assert info.value.usage is not None
    assert info.value.errors
    message = str(info.value)
    assert "\n" not in message
    if fault == "truncated":
        assert "cut off" in message
    if fault == "refusal":
        assert message == "the model refused: I'm sorry, but I can't help with that request."


@pytest.mark.parametrize("fault", ["malformed", "invalid", "refusal"])
def test_bad_output_then_good_answer_recovers_by_reasking(fault: Behaviour, tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content, fault=script(fault)) as stub:
        result = run(stub_settings(stub, tmp_path))
    assert stub.requests == 2
    assert (result.meta.model_calls, result.meta.attempts) == (1, 2)  # the re-ask is a request
    assert_good(result)


@pytest.mark.parametrize("fault", ["truncated", "empty"])
def test_truncated_or_empty_answer_is_not_reasked(fault: Behaviour, tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content, fault=script(fault)) as stub:
        with pytest.raises(ExtractionError):
            run(stub_settings(stub, tmp_path))
    assert stub.requests == 1


def test_transient_fault_during_a_reask_is_retried_within_bounds(tmp_path: Path) -> None:
    """invalid -> re-ask hits a 503 -> the whole call is retried: bounded, then it recovers."""
    with StubServer(latency=0, content=good_content, fault=script("invalid", 503)) as stub:
        result = run(stub_settings(stub, tmp_path))
    assert stub.stats.served == ["invalid", "503", "ok"]
    assert_good(result)


def test_retries_never_exceed_attempts_times_reasks(tmp_path: Path) -> None:
    faults = script("invalid", 500, "invalid", 500, "invalid", 500, then="ok")
    with StubServer(latency=0, content=good_content, fault=faults) as stub:
        with pytest.raises(ModelCallError) as info:
            run(stub_settings(stub, tmp_path))
    assert stub.requests == 6  # 3 attempts x (1 + 1 re-ask)
    assert info.value.attempts == 6


def test_retry_after_is_honoured(tmp_path: Path) -> None:
    """The product's own wait policy: it sleeps Retry-After (0.3 s) twice, not its backoff.

    The sleeps are recorded instead of slept, so the test does not depend on the clock.
    """
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    with StubServer(
        latency=0, content=good_content, fault=script(429, 429), retry_after=0.3
    ) as stub:
        settings = stub_settings(stub, tmp_path)
        retrying = default_retrying(settings).copy(sleep=record)

        async def with_own_client() -> Briefing:
            async with LLM(settings, retrying=retrying) as llm:
                return await abrief(ARTICLE, settings=settings, asker=llm.asker())

        result = asyncio.run(with_own_client())
    assert stub.requests == 3
    assert slept == [0.3, 0.3]
    assert_good(result)


def test_total_retry_time_is_bounded(tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content, fault=script(then="hang")) as stub:
        settings = stub_settings(stub, tmp_path, max_attempts=50, max_retry_seconds=1.2)
        started = time.perf_counter()
        with pytest.raises(ModelCallError, match="timed out"):
            run(settings)
        elapsed = time.perf_counter() - started
    assert 2 <= stub.requests <= 4
    assert elapsed < 30  # bounded (an unbounded loop would hang); not a speed target


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fault", ALL_FAULTS)
def test_cli_prints_one_error_line_when_a_fault_persists(
    fault: Behaviour, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_default_retrying(monkeypatch)
    with StubServer(latency=0, content=good_content, fault=script(then=fault)) as stub:
        stub_env(monkeypatch, stub)
        result = CliRunner().invoke(app, ["brief", str(article_file)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    one_error_line(result.stderr)
    assert "Traceback" not in result.output
    assert stub.requests == (4 if fault in TRANSIENT else OUTPUT[fault])  # from_env: 4 attempts


def test_cli_recovers_from_a_transient_fault(
    article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_default_retrying(monkeypatch)
    with StubServer(latency=0, content=good_content, fault=script(503, "reset")) as stub:
        stub_env(monkeypatch, stub)
        result = CliRunner().invoke(app, ["brief", str(article_file)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    briefing = Briefing.model_validate_json(result.stdout)
    assert (briefing.meta.model_calls, briefing.meta.attempts) == (1, 3)
    assert_good(briefing)


@pytest.mark.parametrize("fault", [503, "refusal"])
def test_cli_process_stderr_is_one_line(fault: Behaviour, article_file: Path) -> None:
    """A real process: real logging setup, real stderr (503 carries Retry-After: 0.1)."""
    with StubServer(latency=0, content=good_content, fault=script(then=fault)) as stub:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSBRIEF_"))}
        env |= {
            "PYTHONPATH": str(ROOT / "src"),
            "OPENAI_BASE_URL": stub.base_url,
            "OPENAI_API_KEY": "sk-test-cli",
            "NEWSBRIEF_STRATEGY": "whole",
            "NEWSBRIEF_TIMEOUT": "0.5",
            "NEWSBRIEF_CACHE_DIR": str(article_file.parent / "cache"),
        }
        proc = subprocess.run(
            [sys.executable, "-m", "newsbrief", "brief", str(article_file)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,  # a hang guard, not a speed target
        )
    assert proc.returncode == 1
    assert proc.stdout == ""
    line = one_error_line(proc.stderr)
    assert ("HTTP 503 after 4 request(s)" in line) if fault == 503 else ("refused" in line)


# --------------------------------------------------------------------------- daily


DAY = dt.date(2024, 3, 30)
# No "hang" here: with 16 requests in flight on 2 busy cores a healthy answer can take longer
# than the 0.5 s hang tests use, so this run has a 5 s timeout (hangs are tested above).
DAILY_FAULTS: list[Behaviour] = [429, 500, 502, 503, "reset", *OUTPUT]


def daily_inputs(n: int) -> list[InputArticle]:
    return [
        InputArticle(
            id=f"a{i:03d}",
            origin="test",
            article=Article(body=f"Report {i}. {BODY}", title=f"Article {i:03d}", published=DAY),
        )
        for i in range(n)
    ]


def requests_per_article(bodies: list[dict[str, Any]]) -> Counter[str]:
    """How many requests the stub received for each article (by the title in the prompt)."""
    return Counter(
        line.removeprefix("Title: ")
        for body in bodies
        for line in user_text(body).splitlines()
        if line.startswith("Title: ")
    )


def test_daily_with_30_percent_faults_loses_nothing_and_rerun_retries_only_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_default_retrying(monkeypatch)
    inputs = daily_inputs(200)
    healthy = False
    faulty = random_faults(0.3, DAILY_FAULTS, seed=5)

    def fault(n: int, request: dict[str, Any]) -> Behaviour | None:
        return None if healthy else faulty(n, request)

    out = tmp_path / "out"
    with StubServer(latency=0, content=good_content, fault=fault, keep_bodies=True) as stub:
        settings = stub_settings(stub, tmp_path, timeout_s=5)
        with BriefingCache(tmp_path / "briefings.sqlite") as cache:
            first = asyncio.run(
                run_daily(
                    inputs,
                    out,
                    date=DAY,
                    settings=settings,
                    concurrency=16,
                    cache=cache,
                    progress=False,
                )
            )
            assert stub.stats.faults > 40  # about 30% of the responses misbehaved
            assert (
                max(requests_per_article(stub.stats.bodies).values()) <= 6
            )  # attempts x (1 + re-asks)

            assert [a.id for a in first.articles] == [i.id for i in inputs]  # nothing lost
            failed = [a.id for a in first.articles if a.status == "error"]
            for entry in first.articles:
                if entry.status == "ok":
                    assert entry.briefing is not None and entry.error is None
                else:
                    assert entry.error and entry.error.startswith(
                        ("ModelCallError: ", "ExtractionError: ")
                    ), entry.error
            assert 0 < len(failed) < 60
            assert first.stats.articles_ok + first.stats.articles_failed == 200
            written = json.loads((out / f"{DAY}.json").read_text(encoding="utf-8"))
            assert len(written["articles"]) == 200

            healthy = True
            before = stub.requests
            second = asyncio.run(
                run_daily(
                    inputs,
                    out,
                    date=DAY,
                    settings=settings,
                    concurrency=16,
                    cache=cache,
                    progress=False,
                )
            )
            assert stub.requests - before == len(failed)  # one good request per failed article
    assert second.stats.articles_ok == 200
    assert second.stats.cache_hits == 200 - len(failed)
    retried = requests_per_article(stub.stats.bodies[before:])
    assert sorted(retried) == sorted(f"Article {i[1:]}" for i in failed)
    assert set(retried.values()) == {1}
