"""Shared pieces of the hardening suites: an article, good stub answers, settings, deadlines."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from tenacity import AsyncRetrying, wait_fixed

from newsbrief.llm import client as _llm
from newsbrief.llm.client import default_retrying
from newsbrief.settings import Settings
from tests.stub_server import StubServer, response_model_name

KEY = "sk-test-SECRETSECRETSECRET123"

BODY = (
    "US and Israeli officials will hold a virtual meeting on Monday to discuss Rafah. "
    "At least 20 people were killed in Rafah, the health ministry said. "
    "Israel and Hamas traded accusations.\n"
)
ARTICLE = f"title: Talks on Rafah\nsource: Test Wire\npublished: 2024-03-30\n\n{BODY}"


def good_draft() -> dict[str, Any]:
    """A whole-strategy `Draft` whose every quote is a verbatim span of BODY."""
    return {
        "summary": "Officials will meet on Monday; at least 20 people were killed in Rafah.",
        "language": "en",
        "parties": [
            {"name": "Israel", "kind": "state", "aliases": [], "evidence": "Israel and Hamas"},
            {"name": "Hamas", "kind": "armed_group", "aliases": [], "evidence": "Hamas"},
        ],
        "people": [],
        "positions": [],
        "meetings": [
            {
                "participants": ["United States", "Israel"],
                "date_text": "on Monday",
                "format": "virtual",
                "location": None,
                "purpose": "discuss Rafah",
                "status": "planned",
                "evidence": "will hold a virtual meeting on Monday to discuss Rafah",
            }
        ],
        "figures": [
            {
                "metric": "killed",
                "value_text": "At least 20",
                "unit": "people",
                "place": "Rafah",
                "reported_by": "the health ministry",
                "evidence": "At least 20 people were killed in Rafah",
            }
        ],
        "sources": [],
    }


def good_content(request: dict[str, Any]) -> dict[str, Any]:
    """What a sensible model answers: the good draft, and no better quote when re-asked."""
    if response_model_name(request) == "Regrounded":
        return {"quotes": []}
    return good_draft()


def stub_settings(stub: StubServer, tmp_path: Path, **changes: Any) -> Settings:
    """Settings for the stub: whole strategy, 3 attempts, 0.5 s timeout, a private cache."""
    values: dict[str, Any] = {
        "backend": "openai",
        "model": "stub-model",
        "base_url": stub.base_url,
        "api_key": KEY,
        "strategy": "whole",
        "max_attempts": 3,
        "max_retry_seconds": 10,
        "timeout_s": 0.5,
        "cache_dir": tmp_path / "cache",
    }
    return Settings(**{**values, **changes})


def fast_retrying(settings: Settings) -> AsyncRetrying:
    """The product's retry policy (stop, retry conditions) with a 10 ms wait."""
    return default_retrying(settings).copy(wait=wait_fixed(0.01))


def fast_default_retrying(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every LLM built inside the library (CLI, run_daily) wait 10 ms between tries."""
    monkeypatch.setattr(_llm, "default_retrying", fast_retrying)


def stub_env(monkeypatch: pytest.MonkeyPatch, stub: StubServer, key: str = KEY) -> None:
    """The environment a user would set to point the CLI at the stub."""
    monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("NEWSBRIEF_STRATEGY", "whole")
    monkeypatch.setenv("NEWSBRIEF_TIMEOUT", "0.5")


class Hang(Exception):
    """Raised in the main thread when a test runs past its deadline."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than `seconds` (SIGALRM).

    A hang guard with room for a loaded machine, never a speed target.
    """

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def one_error_line(stderr: str) -> str:
    """The single stderr line of a failed CLI run (asserts there is exactly one)."""
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].startswith("newsbrief: error: "), lines[0]
    return lines[0]
