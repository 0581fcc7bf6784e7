"""Fixtures shared by the daily tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """An endpoint backend whose calls the tests fake (no client is ever built)."""
    return Settings(backend="openai", model="fake", cache_dir=tmp_path / "cache")
