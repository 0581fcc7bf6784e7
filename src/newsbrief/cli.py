"""The `newsbrief` command: parse arguments, call the library, print. No business logic.

Exit codes: 0 success; 1 a newsbrief error (bad input, configuration, model failure), printed
as one line on stderr; 2 a usage error; 130 interrupted. Shell completion comes from typer:
`newsbrief --install-completion` (bash, zsh, fish, PowerShell).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from newsbrief import __version__, brief
from newsbrief.errors import NewsbriefError
from newsbrief.models import Briefing
from newsbrief.schema import SCHEMAS, schema_text
from newsbrief.settings import Settings
from newsbrief.text.article import decode_bytes, parse_article, read_article

if TYPE_CHECKING:
    from newsbrief.daily.inputs import InputArticle
    from newsbrief.daily.models import Coverage, DailyBriefing

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news articles into structured, source-grounded briefings.",
)

OutputFormat = Literal["json", "markdown"]
LogLevel = Literal["debug", "info", "warning", "error"]
SchemaName = Literal["briefing", "daily"]  # the keys of newsbrief.schema.SCHEMAS (a test checks)

Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", metavar="", help="Log model calls (--log-level info).")
]
LogLevelOpt = Annotated[
    LogLevel | None,
    typer.Option(
        "--log-level",
        case_sensitive=False,
        help="Log to stderr from this level on (default: warning).",
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", metavar="MODEL", help="Model name (NEWSBRIEF_MODEL).")
]


def _log_level(verbose: bool, log_level: str | None) -> int:
    """The logging level: --log-level wins, -v means info, warning otherwise."""
    name = log_level or ("info" if verbose else "warning")
    return logging.getLevelNamesMapping()[name.upper()]


def _setup_logging(level: int) -> None:
    logging.basicConfig(
        stream=sys.stderr, level=level, format="%(levelname)s %(name)s: %(message)s"
    )
    if level > logging.INFO:
        # instructor logs each failed attempt at ERROR; we report one line ourselves.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
        logging.getLogger("httpx2").setLevel(logging.WARNING)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsbrief {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            metavar="",
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn news articles into structured, source-grounded briefings."""


def _status_line(
    path: str, settings: Settings, enabled: bool
) -> contextlib.AbstractContextManager[object]:
    """A spinner on stderr while the model works, when `enabled` and stderr is a terminal."""
    if not enabled or settings.backend == "rules" or not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console
    from rich.text import Text

    name = "stdin" if path == "-" else Path(path).name
    where = "on the embedded model" if settings.backend == "local" else f"with {settings.model}"
    return Console(stderr=True).status(Text(f"briefing {name} {where}…"))


def _fail(exc: BaseException) -> typer.Exit:
    message = " ".join(str(exc).split()) or type(exc).__name__
    typer.echo(f"newsbrief: error: {message}", err=True)
    return typer.Exit(1)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None


@app.command("brief")
def brief_cmd(
    path: Annotated[str, typer.Argument(metavar="PATH|-", help="Article file, or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Publication date (overrides the header)."),
    ] = None,
    model: ModelOpt = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", case_sensitive=False, help="Output format.")
    ] = "json",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", metavar="", help="No status line on stderr.")
    ] = False,
    verbose: Verbose = False,
    log_level: LogLevelOpt = None,
) -> None:
    """Brief one article and print the Briefing on stdout."""
    from newsbrief.text.article import read_bounded

    date = _parse_date(published)
    level = _log_level(verbose, log_level)
    _setup_logging(level)
    try:
        settings = Settings.from_env().with_model(model)
        if path == "-":
            data = read_bounded(sys.stdin.buffer, max_chars=settings.max_chars)
            article = parse_article(decode_bytes(data))
        else:
            article = read_article(path, max_chars=settings.max_chars)
        with _status_line(path, settings, enabled=not quiet and level > logging.INFO):
            result = brief(article, published=date, settings=settings)
    except NewsbriefError as exc:
        raise _fail(exc) from None
    _print_briefing(result, output_format)


def _print_briefing(result: Briefing, output_format: str) -> None:
    if output_format == "markdown":
        from newsbrief.daily.render import briefing_markdown  # the page stack, only when asked

        typer.echo(briefing_markdown(result))
    else:
        typer.echo(result.model_dump_json(indent=2))


DailyInputs = Annotated[
    list[str],
    typer.Argument(metavar="INPUT", help="Files or folders (.txt .md .html .json .jsonl), or -."),
]
OutOpt = Annotated[
    Path, typer.Option("--out", metavar="DIR", help="Folder for YYYY-MM-DD.json/.md/.html.")
]
DayOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="Brief the articles published on this day (undated ones are kept and marked); "
        "default: the newest publication date among the inputs.",
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(metavar="YYYY-MM-DD", help="Window start: articles published on or after."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(metavar="YYYY-MM-DD", help="Window end: articles published on or before."),
]
ConcurrencyOpt = Annotated[
    int, typer.Option(min=1, metavar="N", help="Model calls in flight at once, all workers.")
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="N",
        show_default=False,
        help="Worker processes, each with its own event loop and client, sharing "
        "--concurrency, --rpm and --tpm. Default: one per CPU with an endpoint "
        "(OPENAI_BASE_URL or OPENAI_API_KEY set); 1 with the embedded model or "
        "NEWSBRIEF_BACKEND=rules.",
    ),
]
CacheOpt = Annotated[Path | None, typer.Option(metavar="FILE", help="SQLite cache file.")]
RpmOpt = Annotated[int | None, typer.Option(min=1, metavar="N", help="Requests per minute limit.")]
TpmOpt = Annotated[int | None, typer.Option(min=1, metavar="N", help="Tokens per minute limit.")]
NoBar = Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="No progress bar.")]
BatchExportOpt = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE.jsonl", help="Write OpenAI Batch API requests (whole strategy) here and stop."
    ),
]
BatchImportOpt = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE.jsonl", help="Read the provider's Batch output and build the daily briefing."
    ),
]


@app.command("daily")
def daily_cmd(
    inputs: DailyInputs,
    out: OutOpt,
    date: DayOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    concurrency: ConcurrencyOpt = 4,
    workers: WorkersOpt = None,
    model: ModelOpt = None,
    cache: CacheOpt = None,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    quiet: NoBar = False,
    batch_export: BatchExportOpt = None,
    batch_import: BatchImportOpt = None,
    verbose: Verbose = False,
    log_level: LogLevelOpt = None,
) -> None:
    """Brief a day's articles into one daily briefing (JSON, Markdown, HTML and .ics)."""
    from newsbrief.daily.batch import batch_daily, export_batch

    _setup_logging(_log_level(verbose, log_level))
    try:
        settings = Settings.from_env().with_model(model)
        chosen = _choose_day(inputs, date, since, until)
        if batch_export is not None:
            count = export_batch(chosen.items, batch_export, settings=settings)
            typer.echo(f"{batch_export}: {count} batch requests", err=True)
            return
        if batch_import is not None:
            daily = batch_daily(
                chosen.items,
                batch_import,
                out,
                date=chosen.day,
                settings=settings,
                coverage=chosen.coverage,
            )
        else:
            limits = _DailyLimits(concurrency, workers, rpm, tpm)
            daily = _brief_day(chosen, out, settings, limits, cache=cache, quiet=quiet)
    except (NewsbriefError, OSError) as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:  # typer would exit 130 without a word
        typer.echo("newsbrief: interrupted; finished articles are kept: run again", err=True)
        raise typer.Exit(130) from None
    _report_day(daily, out)


@dataclass(frozen=True)
class _ChosenDay:
    """The day to brief, its articles, and which inputs it covers."""

    day: dt.date
    items: list[InputArticle]
    coverage: Coverage


@dataclass(frozen=True)
class _DailyLimits:
    concurrency: int
    workers: int | None
    rpm: int | None
    tpm: int | None


def _choose_day(
    inputs: list[str], date: str | None, since: str | None, until: str | None
) -> _ChosenDay:
    """Read the inputs and keep the day's articles; say on stderr what was left out."""
    from newsbrief.daily.run import iter_inputs
    from newsbrief.daily.select import select_day

    chosen = select_day(
        iter_inputs(inputs, default_date=None),
        date=_parse_date(date),
        since=_parse_date(since),
        until=_parse_date(until),
    )
    if chosen.coverage.note:
        typer.echo(chosen.coverage.note, err=True)
    day = chosen.day or dt.date.today()  # only when no input has a date and none was given
    return _ChosenDay(day, chosen.items, chosen.coverage)


def _brief_day(
    chosen: _ChosenDay,
    out: Path,
    settings: Settings,
    limits: _DailyLimits,
    *,
    cache: Path | None,
    quiet: bool,
) -> DailyBriefing:
    """Brief the chosen articles with the model (or code) and write the day's outputs."""
    from newsbrief.daily.run import BriefingCache, run_daily
    from newsbrief.daily.workers import default_workers, run_async

    workers = limits.workers or default_workers(settings)
    return run_async(
        run_daily(
            chosen.items,
            out,
            date=chosen.day,
            settings=settings,
            coverage=chosen.coverage,
            concurrency=limits.concurrency,
            workers=workers,
            rpm=limits.rpm,
            tpm=limits.tpm,
            cache=BriefingCache(cache) if cache else None,
            progress=not quiet,
        )
    )


def _report_day(daily: DailyBriefing, out: Path) -> None:
    """One summary line on stderr; exit 1 when an article failed."""
    stats = daily.stats
    typer.echo(
        f"{out / (daily.date.isoformat() + '.json')}: {stats.articles_ok} ok, "
        f"{stats.articles_failed} failed, {stats.model_calls} model calls, "
        f"{stats.cache_hits} cache hits",
        err=True,
    )
    if stats.articles_failed:
        raise typer.Exit(1)


@app.command("schema")
def schema_cmd(
    name: Annotated[SchemaName, typer.Argument(metavar="NAME", help="Which schema.")] = "briefing",
    write: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR", help="Write every schema into this folder instead of printing."
        ),
    ] = None,
) -> None:
    """Print (or write) the JSON Schema exported from the Pydantic models."""
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for key, filename in SCHEMAS.items():
            (write / filename).write_text(schema_text(key), encoding="utf-8")
            typer.echo(f"wrote {write / filename}", err=True)
        return
    typer.echo(schema_text(name), nl=False)


@app.command("eval")
def eval_cmd(
    articles_dir: Annotated[
        Path, typer.Argument(metavar="ARTICLES_DIR", help="Folder of article .txt files.")
    ],
    gold_dir: Annotated[
        Path, typer.Argument(metavar="GOLD_DIR", help="Folder of gold .json files (same stems).")
    ],
    model: ModelOpt = None,
    pred: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Read saved briefings (STEM.json) instead of briefing."),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="Write the report here.")
    ] = None,
    markdown: Annotated[bool, typer.Option(metavar="", help="Print a Markdown table.")] = False,
    save: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Save each briefing as STEM.json in this folder."),
    ] = None,
    split: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.toml",
            help="TOML file of parts (e.g. tune, check: lists of file-name prefixes); "
            "adds a totals row per part before the whole.",
        ),
    ] = None,
    verbose: Verbose = False,
    log_level: LogLevelOpt = None,
) -> None:
    """Brief each article (or read --pred) and score it against gold annotations."""
    from newsbrief import evaluate

    _setup_logging(_log_level(verbose, log_level))

    def progress(stem: str, error: str | None) -> None:
        typer.echo(f"{stem}: error: {error}" if error else f"scored {stem}", err=True)

    try:
        report = evaluate.run_eval(
            articles_dir,
            gold_dir,
            settings=Settings.from_env().with_model(model),
            pred_dir=pred,
            save_dir=save,
            split=None if split is None else evaluate.load_split(split),
            on_article=progress,
        )
    except (NewsbriefError, OSError, ValueError) as exc:
        raise _fail(exc) from None
    typer.echo(evaluate.render_markdown(report) if markdown else evaluate.render_table(report))
    if json_out is not None:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    if any(row.error for row in report.articles):
        raise typer.Exit(1)


@app.command("diff")
def diff_cmd(
    a: Annotated[
        Path, typer.Argument(metavar="A.json", help="Briefing JSON (e.g. the golden one).")
    ],
    b: Annotated[Path, typer.Argument(metavar="B.json", help="Briefing JSON to compare with it.")],
) -> None:
    """Field-level differences between two briefings, ignoring meta. Exit 1 if any."""
    from newsbrief.diff import diff_briefings, render_changes

    try:
        left = Briefing.model_validate_json(a.read_text(encoding="utf-8"))
        right = Briefing.model_validate_json(b.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _fail(exc) from None
    changes = diff_briefings(left, right)
    typer.echo(render_changes(changes))
    if changes:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point.

    Once the command has finished, its output flushed and logging shut down, the process
    ends without the interpreter's teardown, which takes about 1.5 s with the parser and
    the model loaded and does nothing a finished command needs.
    """
    try:
        app()
        code: int | str | None = 0
    except KeyboardInterrupt:
        typer.echo("newsbrief: interrupted", err=True)
        code = 130
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, (int, str)) else None
    if isinstance(code, str):
        sys.exit(code)  # a message for Python to print
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed file
            stream.flush()
    os._exit(code or 0)
