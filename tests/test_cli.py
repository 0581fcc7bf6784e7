"""The CLI prints data on stdout, one error line on stderr, and documented exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from tests.paths import TESTS

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


def test_daily_batch_export_then_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--batch-export` writes the requests; `--batch-import` turns the provider's recorded
    output into the daily briefing files."""
    data = TESTS / "data" / "batch"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    args = ["daily", str(data / "articles.jsonl"), "--date", "2025-03-14", "--out", str(tmp_path)]
    exported = runner.invoke(app, [*args, "--batch-export", str(tmp_path / "req.jsonl")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "req.jsonl").read_text() == (data / "requests.jsonl").read_text()

    imported = runner.invoke(app, [*args, "--batch-import", str(data / "output.jsonl")])
    assert imported.exit_code == 1  # two of the three recorded results are errors
    daily = json.loads((tmp_path / "2025-03-14.json").read_text())
    assert [a["status"] for a in daily["articles"]].count("ok") == 1
    assert (tmp_path / "2025-03-14.html").is_file() and (tmp_path / "2025-03-14.md").is_file()


def test_eval_keeps_going_past_an_article_that_cannot_be_briefed(tmp_path: Path) -> None:
    """One bad article is an error row scored as empty, not the end of the evaluation."""
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "01-empty.txt").write_text("title: Empty\n\n   \n", encoding="utf-8")
    (gold / "01-empty.json").write_text(
        json.dumps({"figures": [{"metric": "killed", "value": 3, "quote": "x"}]}),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["eval", str(articles), str(gold), "--json", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 1
    assert "01-empty: error: the article is only whitespace" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["articles"][0]["error"] == "the article is only whitespace"
    assert report["totals"]["figures"]["fn"] == 1
