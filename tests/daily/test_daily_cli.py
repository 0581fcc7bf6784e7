"""`newsbrief daily` failures are one line on stderr and exit 1, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.daily.cache import BriefingCache
from tests.paths import TESTS

runner = CliRunner()
ARTICLES = TESTS / "data" / "batch" / "articles.jsonl"
DATE = ["--date", "2025-03-14"]


@pytest.fixture(autouse=True)
def endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """An endpoint no test reaches: every case here fails or ends before a model call."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")


def one_error_line(result: Result, start: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"newsbrief: error: {start}"), line
    return line


def empty_day(tmp_path: Path) -> Path:
    """A folder whose one article is unreadable: the run makes no model call."""
    day = tmp_path / "day"
    day.mkdir()
    (day / "blank.md").write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    return day


def test_a_cache_that_is_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["daily", str(empty_day(tmp_path)), "--out", str(tmp_path / "o"), "--cache", str(tmp_path)],
    )
    one_error_line(result, f"the cache {tmp_path} is a folder")


def test_a_corrupt_cache_is_moved_aside_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "c.sqlite"
    cache.write_bytes(b"\x00garbage" * 100)
    args = ["daily", str(empty_day(tmp_path)), "--out", str(tmp_path / "o"), "--cache", str(cache)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1  # the one article is unreadable
    assert "Traceback" not in result.output
    assert "0 ok, 1 failed" in result.stderr
    assert any("is corrupt" in r.getMessage() for r in caplog.records)
    [aside] = tmp_path.glob("c.sqlite.corrupt-*")
    assert aside.read_bytes().startswith(b"\x00garbage")


def test_an_out_that_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x")
    result = runner.invoke(app, ["daily", str(empty_day(tmp_path)), "--out", str(out)])
    one_error_line(result, f"cannot write to the output folder {out}")


def test_a_cache_in_use_by_another_run(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    args = ["daily", str(empty_day(tmp_path)), "--out", str(tmp_path / "o"), "--cache", str(cache)]
    with BriefingCache(cache) as holder, holder.exclusive():
        result = runner.invoke(app, args)
    one_error_line(result, f"another newsbrief daily is using {cache}")


@pytest.mark.parametrize(
    ("content", "start"),
    [
        (
            "caf\u00e9 \u201cresults\u201d\n".encode("cp1252"),
            "{path} is not a batch output file: it is not UTF-8",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "{path} is not a batch output file"),
        (b"<html><body>Not found</body></html>\n", "{path} is not a batch output file: no line"),
        (
            b'[1, 2]\n{"custom": 1}\n' + b"[" * 100_000 + b"\n",
            "{path} is not a batch output file: no line",
        ),
    ],
    ids=["cp1252", "binary", "html", "json-but-not-results"],
)
def test_a_bad_batch_import_file(tmp_path: Path, content: bytes, start: str) -> None:
    path = tmp_path / "output.jsonl"
    path.write_bytes(content)
    args = ["daily", str(ARTICLES), *DATE, "--out", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, "--batch-import", str(path)])
    one_error_line(result, start.format(path=path))
    assert not (tmp_path / "o" / "2025-03-14.json").exists()


def test_malformed_result_lines_are_each_articles_error(tmp_path: Path) -> None:
    """Lines with a custom_id but a broken shape fail that article, not the import."""
    text = (TESTS / "data" / "batch" / "requests.jsonl").read_text(encoding="utf-8")
    requests = [json.loads(line) for line in text.splitlines()]
    shapes = [
        {"response": {"status_code": 200, "body": {"choices": ["not an object"]}}},
        {"response": {"status_code": 200, "body": {"choices": [{"message": "text"}]}}},
        {"response": {"status_code": 200, "body": {"choices": [], "usage": {"total_tokens": "x"}}}},
    ]
    lines = [
        json.dumps({"custom_id": r["custom_id"], **s})
        for r, s in zip(requests, shapes, strict=True)
    ]
    path = tmp_path / "output.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["daily", str(ARTICLES), *DATE, "--out", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, "--batch-import", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    daily = json.loads((tmp_path / "o" / "2025-03-14.json").read_text())
    errors = [a["error"] for a in daily["articles"]]
    assert all(e.startswith("ExtractionError: unusable batch result") for e in errors), errors
