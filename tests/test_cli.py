"""The CLI prints data on stdout, one error line on stderr, and documented exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
import typer.completion
from typer.testing import CliRunner

import newsbrief
from newsbrief import cli
from newsbrief.cli import SchemaName, _log_level, app
from newsbrief.models import ArticleInfo, Briefing, Meta, PromptRef
from newsbrief.schema import SCHEMAS
from newsbrief.settings import Settings
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


# --------------------------------------------------------------------------- a finished CLI

WIDE = {"COLUMNS": "200"}


def fake_briefing() -> Briefing:
    meta = Meta(
        model="m",
        backend="local",
        strategy="candidates",
        prompt=PromptRef(name="p", version="v1", hash="0"),
    )
    return Briefing(article=ArticleInfo(title="T"), summary="A summary.", meta=meta)


def test_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsbrief {newsbrief.__version__}\n"


@pytest.mark.parametrize("command", ["brief", "daily", "eval", "diff", "schema"])
def test_help_shows_choices_and_readable_metavars(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env=WIDE)
    assert result.exit_code == 0
    options = [line for line in result.stdout.splitlines() if "--" in line]
    assert options and not [line for line in options if "<str>" in line or "<int>" in line]
    if command in ("brief", "daily", "eval"):
        assert "--log-level" in result.stdout and "<debug|info|warning|error>" in result.stdout
    if command == "brief":
        assert "<json|markdown>" in result.stdout and "YYYY-MM-DD" in result.stdout
    if command == "schema":
        assert "<briefing|daily>" in result.stdout


def test_the_schema_choices_are_the_exported_schemas() -> None:
    assert set(get_args(SchemaName)) == set(SCHEMAS)
    assert runner.invoke(app, ["schema", "nope"]).exit_code == 2


def test_shell_completion_is_offered_and_completes_choices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    top = runner.invoke(app, ["--help"], env=WIDE).stdout
    assert "--install-completion" in top and "--show-completion" in top
    # the shell is detected from the process tree, which a test run started by a script
    # without a shell lacks: say it is bash
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    script = runner.invoke(app, ["--show-completion", "bash"], prog_name="newsbrief")
    assert script.exit_code == 0 and "_NEWSBRIEF_COMPLETE=complete_bash" in script.stdout
    words = {"COMP_WORDS": "newsbrief brief a.txt --format ", "COMP_CWORD": "4"}
    env = {"_NEWSBRIEF_COMPLETE": "complete_bash", **words}
    completed = runner.invoke(app, [], prog_name="newsbrief", env=env)
    assert completed.stdout.split() == ["json", "markdown"]


def test_log_level_wins_over_verbose() -> None:
    assert _log_level(verbose=False, log_level=None) == logging.WARNING
    assert _log_level(verbose=True, log_level=None) == logging.INFO
    assert _log_level(verbose=True, log_level="error") == logging.ERROR
    assert _log_level(verbose=False, log_level="debug") == logging.DEBUG


@pytest.mark.parametrize(
    ("args", "status_enabled"),
    [([], True), (["--quiet"], False), (["-v"], False), (["--log-level", "ERROR"], True)],
)
def test_brief_runs_the_model_inside_the_status_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], status_enabled: bool
) -> None:
    """The status line wraps brief(); it is off with --quiet and when logs go to stderr."""
    events: list[str] = []

    @contextlib.contextmanager
    def status(path: str, settings: object, enabled: bool) -> Iterator[None]:
        events.append(f"status {Path(path).name} enabled={enabled}")
        yield
        events.append("status done")

    def fake_brief(*args: object, **kwargs: object) -> Briefing:
        events.append("brief")
        return fake_briefing()

    monkeypatch.setattr(cli, "_status_line", status)
    monkeypatch.setattr(cli, "brief", fake_brief)
    monkeypatch.setattr(cli, "_setup_logging", lambda level: None)  # the test's logging stays
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(path), "--format", "MARKDOWN", *args])
    assert result.exit_code == 0, result.output
    assert events == [f"status a.txt enabled={status_enabled}", "brief", "status done"]
    assert result.stdout.startswith("#")  # markdown, chosen case-insensitively


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_status_line_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    local = Settings()
    assert isinstance(cli._status_line("a.txt", local, enabled=True), contextlib.nullcontext)
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert isinstance(cli._status_line("a.txt", local, enabled=False), contextlib.nullcontext)
    rules = Settings(backend="rules")
    assert isinstance(cli._status_line("a.txt", rules, enabled=True), contextlib.nullcontext)
    with cli._status_line("dir/[bold]a.txt", local, enabled=True):
        pass
    assert "briefing [bold]a.txt on the embedded model…" in sys.stderr.getvalue()


def bar_as_left(terminal: Terminal) -> str:
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    return plain.split("\r")[-1]  # the bar as it was left


def test_daily_progress_bar_names_the_article_in_the_works_and_shows_time_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsbrief.daily.models import ArticleEntry
    from newsbrief.daily.progress import progress_bar

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar(4, enabled=True) as bar:
        bar.found([ArticleEntry(id="00-cached", status="ok")])
        bar.started("01-rafah")
        bar.started("02-[red]gaza\n")
        bar.started("03-cairo")
        bar.finished(ArticleEntry(id="01-rafah", status="error", error="x"))
    last = bar_as_left(terminal)
    assert "2/4" in last and "1 failed" in last
    # the oldest call still running, never the one that just finished, nor rich markup
    assert "working on 02-[red]gaza +1" in last and "01-rafah" not in last
    assert re.search(r"eta (-:--:--|\d+:\d\d:\d\d)", last)


def test_daily_progress_bar_is_silent_when_not_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.daily.models import ArticleEntry
    from newsbrief.daily.progress import progress_bar

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar(1, enabled=False) as bar:
        bar.started("01")
        bar.finished(ArticleEntry(id="01", status="ok"))
    assert terminal.getvalue() == ""


def test_daily_help_explains_the_workers_default() -> None:
    result = runner.invoke(app, ["daily", "--help"], env=WIDE)
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "--workers N [x>=1] Worker processes" in text
    assert "Default: one per CPU with an endpoint" in text
    assert "1 with the embedded model or NEWSBRIEF_BACKEND=rules" in text


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        ({"NEWSBRIEF_BACKEND": "rules"}, [], 1),
        ({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, [], "cpus"),
        ({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, ["--workers", "3"], 3),
    ],
    ids=["rules", "endpoint", "explicit"],
)
def test_daily_workers_default_follows_the_backend(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    args: list[str],
    expected: int | str,
) -> None:
    from newsbrief.daily import run as run_module
    from newsbrief.daily.workers import cpu_count
    from newsbrief.errors import UsageError

    seen: dict[str, object] = {}

    async def fake_run_daily(*a: object, **kw: object) -> object:
        seen.update(kw)
        raise UsageError("stop here")

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(run_module, "run_daily", fake_run_daily)
    article = tmp_path / "a.txt"
    article.write_text("title: A\npublished: 2024-03-30\n\nSome text.", encoding="utf-8")
    result = runner.invoke(app, ["daily", str(article), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 1 and "stop here" in result.stderr
    assert seen["workers"] == (cpu_count() if expected == "cpus" else expected)


def test_daily_interrupted_says_the_finished_work_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsbrief.daily import run as run_module

    async def interrupted(*a: object, **kw: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setenv("NEWSBRIEF_BACKEND", "rules")
    monkeypatch.setattr(run_module, "run_daily", interrupted)
    article = tmp_path / "a.txt"
    article.write_text("title: A\npublished: 2024-03-30\n\nSome text.", encoding="utf-8")
    result = runner.invoke(app, ["daily", str(article), "--out", str(tmp_path / "o")])
    assert result.exit_code == 130
    assert result.stderr.strip().endswith("interrupted; finished articles are kept: run again")
