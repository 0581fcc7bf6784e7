"""The report as a plain-text table (terminal) or a Markdown table (README)."""

from __future__ import annotations

import io
from collections import Counter

from rich import box
from rich.console import Console
from rich.table import Table

from newsbrief.evaluate.report import ArticleScore, EvalReport, Ratio, Score

HEADERS = (
    "Article",
    "Figures P/R/F1",
    "Meetings P/R/F1",
    "Parties P/R/F1",
    "People P/R/F1",
    "Date acc",
    "Status acc",
    "Metric acc",
    "Place acc",
    "Reported-by acc",
    "Grounded",
    "Wall s",
    "Tokens",
)
_WIDE = 10_000  # a console wider than any table, so no cell is cut


def _prf(score: Score) -> str:
    if score.empty:
        return "-"
    return f"{score.precision:.2f}/{score.recall:.2f}/{score.f1:.2f}"


def _rate(ratio: Ratio) -> str:
    if ratio.rate is None:
        return "-"
    return f"{ratio.rate:.2f} ({ratio.correct}/{ratio.total})"


def _cells(row: ArticleScore) -> list[str]:
    return [
        row.name,
        _prf(row.figures),
        _prf(row.meetings),
        _prf(row.parties),
        _prf(row.people),
        _rate(row.meeting_date),
        _rate(row.meeting_status),
        _rate(row.figure_metric),
        _rate(row.figure_place),
        _rate(row.figure_reported_by),
        _rate(row.grounding),
        "-" if row.wall_s is None else f"{row.wall_s:.1f}",
        str(row.tokens),
    ]


def _total_rows(report: EvalReport) -> list[list[str]]:
    return [_cells(row) for row in [*report.parts, report.totals]]


def render_table(report: EvalReport, width: int | None = None) -> str:
    """Render the report as a plain-text table for a terminal.

    Args:
        report: The report from :func:`newsbrief.evaluate.evaluate`.
        width: Console width in characters; None makes it as wide as the table, so that no
            cell is cut short.

    Returns:
        The table as text, without colour codes: a row per article, then the totals rows
        (one per split part, and the whole last), then a footer line.
    """
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for i, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=True)
    articles = [_cells(row) for row in report.articles]
    for i, cells in enumerate(articles):
        table.add_row(*cells, end_section=i == len(articles) - 1)
    for cells in _total_rows(report):
        table.add_row(*cells)
    console = Console(record=True, width=width or _WIDE, file=io.StringIO(), color_system=None)
    console.print(table)
    lines = [line.rstrip() for line in console.export_text().rstrip().splitlines()]
    return "\n".join(lines) + "\n" + footer(report) + "\n"


def footer(report: EvalReport) -> str:
    """One line under the table: article counts (per part with a split) and the median time."""
    median = "-" if report.median_wall_s is None else f"{report.median_wall_s:.1f}"
    return f"{_counts(report)}; totals are micro-averaged; median wall s per article: {median}"


def _counts(report: EvalReport) -> str:
    text = f"{len(report.articles)} articles"
    if not report.parts:
        return text
    per_part = Counter(row.part for row in report.articles)
    counts = [f"{part.name} {per_part[part.name]}" for part in report.parts]
    if per_part[None]:
        counts.append(f"in no part {per_part[None]}")
    return f"{text} ({', '.join(counts)})"


def render_markdown(report: EvalReport) -> str:
    """Render the report as a Markdown table (for a README); totals rows are bold."""
    lines = [
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join(["---", *["---:"] * (len(HEADERS) - 1)]) + "|",
    ]
    rows = [_cells(row) for row in report.articles]
    rows += [[f"**{cell}**" for cell in cells] for cells in _total_rows(report)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n\n" + footer(report) + "\n"
