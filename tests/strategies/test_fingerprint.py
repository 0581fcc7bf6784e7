"""The code fingerprint in the cache identity: a fix within one version misses the old cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsbrief.strategies as strategies
from newsbrief.settings import Settings
from newsbrief.strategies.fingerprint import code_fingerprint


def _package(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "text" / "rules.py").write_text("LIMIT = 3\n")
    (root / "data.json").write_text('{"a": 1}\n')
    return root


def test_a_changed_rule_changes_the_fingerprint(tmp_path: Path) -> None:
    root = _package(tmp_path / "pkg")
    before = code_fingerprint(root)
    (root / "text" / "rules.py").write_text("LIMIT = 4\n")
    assert code_fingerprint(root) != before


def test_a_moved_file_changes_the_fingerprint(tmp_path: Path) -> None:
    root = _package(tmp_path / "pkg")
    before = code_fingerprint(root)
    (root / "text" / "rules.py").rename(root / "rules.py")
    assert code_fingerprint(root) != before


def test_bytecode_and_other_files_leave_it_alone(tmp_path: Path) -> None:
    root = _package(tmp_path / "pkg")
    before = code_fingerprint(root)
    (root / "text" / "__pycache__").mkdir()
    (root / "text" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\x00\x01")
    (root / "notes.txt").write_text("scratch")
    assert code_fingerprint(root) == before


def test_the_cache_identity_carries_the_installed_codes_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(backend="rules")
    first = strategies.cache_identity(settings)
    assert f"code/{code_fingerprint()}" in first
    monkeypatch.setattr(strategies, "code_fingerprint", lambda: "0123456789abcdef")
    assert strategies.cache_identity(settings) != first
