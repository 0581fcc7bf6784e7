"""Prompts are data files, loaded by name and version and hashed into meta."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import ConfigError
from newsbrief.strategies.prompts import load


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("briefing", {"system", "user", "regrounding"}),
        ("candidates", {"system", "figure", "meeting"}),
    ],
)
def test_each_prompt_has_its_parts(name: str, parts: set[str]) -> None:
    assert parts <= set(load(name, "v1").parts)


def test_the_hash_changes_when_a_part_changes(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "v1.system.md").write_text("one", encoding="utf-8")
    first = load("p", "v1", root=tmp_path).ref.hash
    (tmp_path / "p" / "v1.system.md").write_text("two", encoding="utf-8")
    assert load("p", "v1", root=tmp_path).ref.hash != first


def test_a_loaded_set_is_reused_until_a_file_is_added_or_edited(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "v1.system.md").write_text("one", encoding="utf-8")
    first = load("p", "v1", root=tmp_path)
    assert load("p", "v1", root=tmp_path) is first, "nothing changed: no second read"
    (tmp_path / "p" / "v1.user.md").write_text("question", encoding="utf-8")
    assert set(load("p", "v1", root=tmp_path).parts) == {"system", "user"}
    (tmp_path / "p" / "v1.user.md").write_text("a longer question", encoding="utf-8")
    assert load("p", "v1", root=tmp_path).parts["user"] == "a longer question"


def test_rendering_leaves_braces_in_values_alone() -> None:
    text = load("candidates", "v1").render("system", body='{"role": "system"}')
    assert '{"role": "system"}' in text


def test_unknown_prompt_or_part_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load("nope", "v1")
    with pytest.raises(ConfigError):
        load("briefing", "v1").render("nope")
