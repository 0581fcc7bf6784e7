"""The `newsbrief` command: parse arguments, call the library, print. No business logic.

Exit codes: 0 success; 1 a newsbrief error (bad input, configuration, model failure), printed
as one line on stderr; 2 a usage error; 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsbrief._api import brief
from newsbrief._article import decode_bytes, parse_article, read_article
from newsbrief._schema import SCHEMAS, schema_text
from newsbrief.errors import NewsbriefError
from newsbrief.models import Briefing
from newsbrief.render import briefing_markdown
from newsbrief.settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news articles into structured, source-grounded briefings.",
)

Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log model calls to stderr.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name (NEWSBRIEF_MODEL).")]


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        # instructor logs each failed attempt at ERROR; we report one line ourselves.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
        logging.getLogger("httpx2").setLevel(logging.WARNING)


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
    path: Annotated[
        str, typer.Argument(help="Article file, or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the header).")
    ] = None,
    model: ModelOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", help="json or markdown.", case_sensitive=False)
    ] = "json",
    verbose: Verbose = False,
) -> None:
    """Brief one article and print the Briefing on stdout."""
    if output_format not in ("json", "markdown"):
        raise typer.BadParameter("--format must be json or markdown")
    date = _parse_date(published)
    _setup_logging(verbose)
    try:
        settings = Settings.from_env().with_model(model)
        if path == "-":
            article = parse_article(decode_bytes(sys.stdin.buffer.read()))
        else:
            article = read_article(path)
        result = brief(article, published=date, settings=settings)
    except NewsbriefError as exc:
        raise _fail(exc) from None
    _print_briefing(result, output_format)


def _print_briefing(result: Briefing, output_format: str) -> None:
    if output_format == "markdown":
        typer.echo(briefing_markdown(result))
    else:
        typer.echo(result.model_dump_json(indent=2))


@app.command("schema")
def schema_cmd(
    name: Annotated[str, typer.Argument(help=f"One of: {', '.join(SCHEMAS)}.")] = "briefing",
    write: Annotated[
        Path | None, typer.Option(help="Write every schema into this folder instead of printing.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema exported from the Pydantic models."""
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for key, filename in SCHEMAS.items():
            (write / filename).write_text(schema_text(key), encoding="utf-8")
            typer.echo(f"wrote {write / filename}", err=True)
        return
    if name not in SCHEMAS:
        raise typer.BadParameter(f"unknown schema {name!r}")
    typer.echo(schema_text(name), nl=False)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newsbrief: interrupted", err=True)
        sys.exit(130)


def _json_default(value: object) -> str:
    return str(value)


def dumps(data: object) -> str:
    """JSON for stdout (dates as ISO strings)."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=_json_default)
