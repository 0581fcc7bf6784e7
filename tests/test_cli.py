"""The CLI prints data on stdout, one error line on stderr, and documented exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsbrief.cli import app

runner = CliRunner()


def test_schema_prints_the_briefing_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Briefing"


def test_a_missing_file_is_one_error_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("newsbrief: error: no such file")
    assert "Traceback" not in result.output


def test_an_empty_article_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("newsbrief: error:")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["brief"]).exit_code == 2
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    assert runner.invoke(app, ["brief", str(path), "--published", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["brief", str(path), "--format", "xml"]).exit_code == 2


def test_diff_reports_changes_and_exits_1(tmp_path: Path) -> None:
    from newsbrief.models import Briefing, Meta, PromptRef

    meta = Meta(
        model="m",
        backend="local",
        strategy="candidates",
        prompt=PromptRef(name="p", version="v1", hash="0"),
    )
    a = Briefing(article={}, summary="one", meta=meta)  # type: ignore[arg-type]
    b = a.model_copy(update={"summary": "two"})
    (tmp_path / "a.json").write_text(a.model_dump_json(), encoding="utf-8")
    (tmp_path / "b.json").write_text(b.model_dump_json(), encoding="utf-8")
    same = runner.invoke(app, ["diff", str(tmp_path / "a.json"), str(tmp_path / "a.json")])
    changed = runner.invoke(app, ["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    assert same.exit_code == 0
    assert changed.exit_code == 1 and "summary" in changed.stdout
