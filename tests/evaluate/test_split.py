"""A split file names parts of the set; the report adds a totals row per part, then the whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.errors import UsageError
from newsbrief.evaluate import (
    EvalReport,
    Score,
    Split,
    evaluate,
    load_split,
    pair_files,
    render_markdown,
    render_table,
)
from newsbrief.evaluate.split import claims
from newsbrief.models import Figure
from tests.evaluate.helpers import ev, gold_of, make_briefing
from tests.paths import ROOT, SHARED

BODY = "Officials said 20 people were killed. Later 300 families fled the floods."
GOLD = gold_of(
    figures=[
        {"metric": "killed", "value": 20, "value_text": "20", "quote": "20 people were killed"}
    ]
)
TUNE_AND_CHECK = Split(parts={"tune": ("01",), "check": ("02",)})


def killed(value: float, quote: str) -> Figure:
    return Figure(metric="killed", value=value, value_text=str(value), evidence=[ev(BODY, quote)])


def three_articles() -> EvalReport:
    """01 (tune) is right, 02 (check) is wrong, 03 (in no part) is right."""
    hit = make_briefing(figures=[killed(20, "20 people")])
    miss = make_briefing(figures=[killed(300, "300 families")])
    return evaluate(
        [
            ("01-tune", hit, BODY, GOLD, 1.0),
            ("02-check", miss, BODY, GOLD, 2.0),
            ("03-nowhere", hit, BODY, GOLD, 4.0),
        ],
        split=TUNE_AND_CHECK,
    )


def counts(score: Score) -> tuple[int, int, int]:
    return (score.tp, score.fp, score.fn)


def test_each_part_is_totalled_over_its_own_articles_only() -> None:
    report = three_articles()
    tune, check = report.parts
    assert (tune.name, check.name, report.totals.name) == ("tune", "check", "whole")
    assert counts(tune.figures) == (1, 0, 0)  # the check article's miss stays out of tune
    assert counts(check.figures) == (0, 1, 1)
    assert counts(report.totals.figures) == (2, 1, 1)  # 03, in no part, counts in the whole
    assert (tune.wall_s, check.wall_s, report.totals.wall_s) == (1.0, 2.0, 7.0)
    assert [row.part for row in report.articles] == ["tune", "check", None]


def test_the_table_and_the_markdown_end_with_tune_check_and_whole_rows() -> None:
    report = three_articles()
    table = render_table(report).splitlines()
    assert [line.split()[0] for line in table[-4:-1]] == ["tune", "check", "whole"]
    assert table[-1].startswith("3 articles (tune 1, check 1, in no part 1);")
    markdown = render_markdown(report).splitlines()
    assert [line.split(" | ")[0] for line in markdown[-5:-2]] == [
        "| **tune**",
        "| **check**",
        "| **whole**",
    ]


def test_the_json_report_holds_the_part_rows_and_each_article_s_part() -> None:
    data = EvalReport.model_validate_json(three_articles().model_dump_json())
    assert [row.name for row in data.parts] == ["tune", "check"]
    assert data.parts[0].figures.precision == 1.0 and data.parts[1].figures.precision == 0.0
    assert data.articles[1].part == "check"


def test_without_a_split_there_is_just_the_total_row() -> None:
    report = evaluate([("01-tune", make_briefing(), BODY, GOLD, None)])
    assert report.parts == [] and report.totals.name == "total"
    assert report.articles[0].part is None


@pytest.mark.parametrize(
    ("prefix", "name", "claimed"),
    [
        ("00", "00-seed-rafah", True),
        ("42", "42-catalonia-fire", True),
        ("4", "42-catalonia-fire", False),
        ("42", "420-other", False),
        ("43", "42-catalonia-fire", False),
    ],
)
def test_a_prefix_claims_only_its_own_file_number(prefix: str, name: str, claimed: bool) -> None:
    assert claims(prefix, name) is claimed


def test_load_split_keeps_the_file_s_part_order(tmp_path: Path) -> None:
    path = tmp_path / "split.toml"
    path.write_text('check = ["42"]\ntune = ["00", "40"]\n', encoding="utf-8")
    split = load_split(path)
    assert list(split.parts) == ["check", "tune"]
    assert split.part_of("40-escape-room") == "tune"
    assert split.part_of("42-catalonia") == "check"
    assert split.part_of("43-unlisted") is None


def test_the_project_dev_split_has_a_tune_and_a_check_part() -> None:
    split = load_split(ROOT / "eval" / "dev-split.toml")
    assert list(split.parts) == ["tune", "check"]
    assert split.part_of("00-seed-rafah") == "tune"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tune = [", "is not TOML"),
        ("", "no part"),
        ('tune = "00"', "must be a list"),
        ('whole = ["00"]', "names the totals row"),
        ('tune = ["42"]\ncheck = ["42"]', "can claim the same article"),
        ('tune = ["4"]\ncheck = ["4-a"]', "can claim the same article"),
    ],
)
def test_a_bad_split_file_is_a_usage_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "split.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_split(path)


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="needs the dev set at ../shared/dev")
def test_the_dev_split_puts_every_dev_article_in_a_part() -> None:
    split = load_split(ROOT / "eval" / "dev-split.toml")
    dev = SHARED / "dev"
    parts = [
        split.part_of(article.stem) for article, _ in pair_files(dev / "articles", dev / "gold")
    ]
    assert None not in parts
    assert (parts.count("tune"), parts.count("check")) == (24, 14)
