"""`newsbrief eval` through the CLI: nothing to score is one error line, and --split works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.models import Figure
from tests.evaluate.helpers import ev, make_briefing
from tests.paths import SEEDS

runner = CliRunner()

BODY = "Officials said 20 people were killed in the blast."
GOLD = {"figures": [{"metric": "killed", "value": 20, "value_text": "20", "quote": "20 people"}]}


def assert_one_error_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["eval", *args])
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("newsbrief: error: ") and message in last
    assert "1.00" not in result.stdout and "Traceback" not in result.output


def test_a_gold_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    """Issue 11: this printed totals of 1.00 over 0 articles and exited 0."""
    assert_one_error_line([str(SEEDS), str(tmp_path / "nope")], "gold folder")


def test_an_articles_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    assert_one_error_line([str(tmp_path / "nope"), str(tmp_path)], "articles folder")


def test_no_article_with_a_gold_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    assert_one_error_line([str(SEEDS), str(tmp_path / "gold")], "no article in")


def test_a_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    assert_one_error_line([str(tmp_path), str(tmp_path)], "no article (.txt) in")


def dev_set(tmp_path: Path, stems: list[str]) -> tuple[Path, Path, Path]:
    """Articles, gold and saved briefings (each right) for `stems`."""
    articles, gold, pred = tmp_path / "articles", tmp_path / "gold", tmp_path / "pred"
    for folder in (articles, gold, pred):
        folder.mkdir()
    figure = Figure(metric="killed", value=20, value_text="20", evidence=[ev(BODY, "20 people")])
    for stem in stems:
        (articles / f"{stem}.txt").write_text(f"title: {stem}\n\n{BODY}\n", encoding="utf-8")
        (gold / f"{stem}.json").write_text(json.dumps(GOLD), encoding="utf-8")
        saved = make_briefing(figures=[figure]).model_dump_json()
        (pred / f"{stem}.json").write_text(saved, encoding="utf-8")
    return articles, gold, pred


def test_a_prediction_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    articles, gold, _ = dev_set(tmp_path, ["01-a"])
    args = [str(articles), str(gold), "--pred", str(tmp_path / "none")]
    assert_one_error_line(args, "predictions folder")


@pytest.mark.parametrize(
    ("text", "message"),
    [("tune = [", "is not TOML"), ('tune = ["01"]\ncheck = ["01"]', "can claim the same article")],
)
def test_a_bad_split_file_is_an_error(tmp_path: Path, text: str, message: str) -> None:
    articles, gold, pred = dev_set(tmp_path, ["01-a"])
    (tmp_path / "split.toml").write_text(text, encoding="utf-8")
    args = [str(articles), str(gold), "--pred", str(pred), "--split", str(tmp_path / "split.toml")]
    assert_one_error_line(args, message)


def test_split_gives_tune_check_and_whole_rows(tmp_path: Path) -> None:
    articles, gold, pred = dev_set(tmp_path, ["01-a", "02-b", "03-c"])
    split = tmp_path / "split.toml"
    split.write_text('tune = ["01"]\ncheck = ["02"]\n', encoding="utf-8")
    out = tmp_path / "report.json"
    args = [str(articles), str(gold), "--pred", str(pred), "--split", str(split)]
    result = runner.invoke(app, ["eval", *args, "--markdown", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "| **tune** |" in result.stdout and "| **whole** |" in result.stdout
    assert "3 articles (tune 1, check 1, in no part 1)" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [row["name"] for row in report["parts"]] == ["tune", "check"]
    assert [row["figures"]["tp"] for row in report["parts"]] == [1, 1]
    assert report["totals"]["name"] == "whole" and report["totals"]["figures"]["tp"] == 3
