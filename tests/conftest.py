"""Hermetic tests: no environment leaks in, the network is blocked, cassettes replay."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsbrief.testing import pytest_recording_configure  # noqa: F401  (registers json_body)
from newsbrief.testing import vcr_config as newsbrief_vcr_config
from tests.paths import ROOT

SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "rafah-2024-03-30.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites tests/golden/*.json from the current (replayed) output."""
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden briefings in tests/golden/"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites golden briefings instead of comparing with them."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def clean_environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No OPENAI_* / NEWSBRIEF_* variable from the developer's shell reaches a test."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "NEWSBRIEF_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    yield


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """The CLI configures logging (basicConfig, levels); no test leaks that into the next."""
    import logging

    root = logging.getLogger()
    names = ("", "newsbrief", "instructor", "httpx2")
    levels = {name: logging.getLogger(name).level for name in names}
    handlers = list(root.handlers)
    logging.disable(logging.NOTSET)
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if name.startswith("newsbrief") and isinstance(logger, logging.Logger):
            logger.disabled = False
            logger.propagate = True
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    root.handlers[:] = handlers


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """The same scrubbing and JSON-body matching that newsbrief.testing gives users."""
    return newsbrief_vcr_config()


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    """Cassettes live at the project root: cassettes/<test_module>/<test_name>.yaml."""
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture
def seed_text() -> str:
    """The seed article, header block included."""
    return SEED.read_text(encoding="utf-8")
