"""Cassette hygiene from newsbrief, and the settings the cassettes were recorded with."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["newsbrief.testing"]  # the vcr_config fixture and the json_body matcher

# A replay must send the very requests that were recorded: same endpoint host, port and path,
# same model, strategy and prompts. So the tests set them here and never take them from the
# shell that runs pytest. Change them, and re-record: pytest --record-mode=rewrite
RECORDED_WITH = {
    "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1",
    "NEWSBRIEF_MODEL": "example-model",
    "NEWSBRIEF_STRATEGY": "whole",
}


@pytest.fixture(autouse=True)
def recorded_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every OPENAI_*/NEWSBRIEF_* variable as at recording time.

    OPENAI_API_KEY alone may come from the shell, for re-recording: it is sent as a header,
    which is neither matched nor stored.
    """
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "NEWSBRIEF_")) and name != "OPENAI_API_KEY":
            monkeypatch.delenv(name)
    for name, value in RECORDED_WITH.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    yield
