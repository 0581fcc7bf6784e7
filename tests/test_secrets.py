"""The API key never shows: not in repr(settings), logs at any level, errors, CLI output, cassettes.

The key is set the way users set it (`OPENAI_API_KEY`). The stub really receives it (as
`Authorization: Bearer ...`), so each check below is a check of a key that was in play. One
endpoint behaviour is hostile on purpose: some providers echo the key they rejected in the
error message; that message must not carry it into a `ModelCallError` or the CLI's line.
"""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief._api import abrief
from newsbrief.cli import app
from newsbrief.errors import ModelCallError
from newsbrief.settings import Settings
from newsbrief.testing import assert_no_secrets, make_vcr
from tests.fault_helpers import ARTICLE, KEY, deadline, good_content, stub_env
from tests.paths import ROOT
from tests.stub_server import StubServer, script

LOGGERS = ["", "newsbrief", "openai", "httpx2", "httpcore2", "instructor", "asyncio", "aiohttp"]
ECHO = f"Incorrect API key provided: {KEY}. You can find your API key at example.test."


@pytest.fixture(autouse=True)
def key_in_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with deadline(120):
        yield


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def assert_no_key(*texts: object) -> None:
    for text in texts:
        assert KEY not in str(text)
        assert "SECRETSECRET" not in str(text)


def assert_logs_clean(caplog: pytest.LogCaptureFixture) -> None:
    assert caplog.records
    for record in caplog.records:
        assert_no_key(record.getMessage(), repr(record.args), record.exc_text or "")
    assert_no_key(caplog.text)


def test_settings_repr_has_no_key() -> None:
    settings = Settings.from_env()
    assert settings.api_key == KEY
    assert_no_key(repr(settings), str(settings), repr(settings.with_model("other")))


def test_debug_logs_of_a_brief_have_no_key(
    debug_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with StubServer(latency=0, content=good_content, keep_bodies=True) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        monkeypatch.setenv("NEWSBRIEF_STRATEGY", "whole")
        result = asyncio.run(abrief(ARTICLE))
    assert stub.stats.authorizations == [f"Bearer {KEY}"]  # the key was really in play
    assert result.figures
    assert any(r.name.startswith("openai") for r in debug_logs.records)
    assert_logs_clean(debug_logs)


def test_model_call_error_has_no_key_even_when_the_endpoint_echoes_it(
    debug_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with StubServer(latency=0, fault=script(then=401), error_message=ECHO) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        monkeypatch.setenv("NEWSBRIEF_STRATEGY", "whole")
        with pytest.raises(ModelCallError) as info:
            asyncio.run(abrief(ARTICLE))
    err = info.value
    assert err.status == 401
    assert stub.requests == 1  # 401 is not retried
    assert "Incorrect API key provided" in str(err)
    assert_no_key(str(err), repr(err), err.args)
    assert_logs_clean(debug_logs)


def test_cli_output_has_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with StubServer(latency=0, content=good_content) as stub:
        stub_env(monkeypatch, stub)
        ok = CliRunner().invoke(app, ["brief", "-v", str(path)])
    with StubServer(latency=0, fault=script(then=401), error_message=ECHO) as stub:
        stub_env(monkeypatch, stub)
        failed = CliRunner().invoke(app, ["brief", "-v", str(path)])
    assert ok.exit_code == 0 and failed.exit_code == 1
    assert "Incorrect API key provided" in failed.stderr
    assert_no_key(ok.output, failed.output)


def test_cli_process_verbose_stderr_has_no_key(tmp_path: Path) -> None:
    """A real process, so the CLI's own logging setup writes every INFO line to stderr."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with StubServer(latency=0, fault=script(then=401), error_message=ECHO) as stub:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSBRIEF_"))}
        env |= {
            "PYTHONPATH": str(ROOT / "src"),
            "OPENAI_BASE_URL": stub.base_url,
            "OPENAI_API_KEY": KEY,
            "NEWSBRIEF_STRATEGY": "whole",
            "NEWSBRIEF_CACHE_DIR": str(tmp_path / "cache"),
        }
        proc = subprocess.run(
            [sys.executable, "-m", "newsbrief", "brief", "-v", str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,  # a hang guard, not a speed target
        )
    assert proc.returncode == 1
    assert "newsbrief: error: " in proc.stderr
    assert_no_key(proc.stdout, proc.stderr)


def test_recorded_cassette_has_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record a brief against the stub with the project's vcr config, then scan the file."""
    cassette = tmp_path / "cassettes" / "brief.yaml"
    with StubServer(latency=0, content=good_content, keep_bodies=True) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        monkeypatch.setenv("NEWSBRIEF_STRATEGY", "whole")
        with make_vcr(record_mode="all").use_cassette(str(cassette)):
            asyncio.run(abrief(ARTICLE))
    assert stub.stats.authorizations == [f"Bearer {KEY}"]
    text = cassette.read_text(encoding="utf-8")
    assert "chat/completions" in text
    assert_no_secrets(cassette, secrets=[KEY])
    for word in ("Authorization", "Bearer", "sk-test"):
        assert word.lower() not in text.lower()


def test_a_cassette_recorded_from_an_endpoint_replays_with_the_endpoint_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Users record against their endpoint (aiohttp's pool under httpx2) and replay offline."""
    cassette = tmp_path / "cassettes" / "brief.yaml"
    monkeypatch.setenv("NEWSBRIEF_STRATEGY", "whole")
    with StubServer(latency=0, content=good_content) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        with make_vcr(record_mode="all").use_cassette(str(cassette)):
            recorded = asyncio.run(abrief(ARTICLE))
    assert stub.requests == 1  # the server is gone from here on
    with make_vcr(record_mode="none").use_cassette(str(cassette)) as played:
        replayed = asyncio.run(abrief(ARTICLE))
    assert played.play_count == 1
    assert replayed.figures == recorded.figures
    assert replayed.model_dump(exclude={"meta"}) == recorded.model_dump(exclude={"meta"})


def test_project_cassettes_have_no_secrets() -> None:
    cassettes = ROOT / "cassettes"
    if cassettes.is_dir():
        assert_no_secrets(cassettes, secrets=[KEY])
        for file in (f for f in cassettes.rglob("*") if f.is_file()):
            text = file.read_text(encoding="utf-8", errors="replace").lower()
            assert "authorization" not in text and "bearer" not in text, file
