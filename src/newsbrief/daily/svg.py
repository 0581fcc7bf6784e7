"""A small inline SVG chart of one figure track: each reported value as a bar, oldest first.

A picture beats a table when a toll is revised or sources disagree: the bars show at a
glance how far apart the values are. Inline SVG only (no script, no link, no network), with
every text escaped; colours are presentation attributes, so the page's CSP holds.
"""

from __future__ import annotations

import html
import math

from newsbrief.daily.labels import RELATION, figure_value, label, short_date, track_title
from newsbrief.daily.models import ArticleEntry, FigureReport, FigureTrack
from newsbrief.daily.stories import outlet

WIDTH = 640
ROW = 26
LABEL_W = 230
VALUE_W = 190
COLOURS = {
    "latest": "#1f4e79",
    "earlier": "#8fa9c4",
    "consistent": "#4f8a5b",
    "conflicting": "#c0392b",
}
PLOTTED = tuple(COLOURS)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def charted(track: FigureTrack) -> list[FigureReport]:
    """The reports a chart shows (not 'also in that article'), oldest first; [] for one."""
    rows = [r for r in [*track.others, track.latest] if r.relation in PLOTTED]
    rows.sort(key=lambda r: (r.when.toordinal() if r.when else 0, r.relation == "latest"))
    return rows if len(rows) > 1 else []


def _who(report: FigureReport, articles: dict[str, ArticleEntry]) -> str:
    names = [outlet(articles[a]) or a if a in articles else a for a in report.article_ids]
    who = ", ".join(dict.fromkeys(names))
    when = short_date(report.when)
    return f"{when} · {who}" if when else who


def _bar(i: int, report: FigureReport, top: float, who: str) -> str:
    y = 28 + i * ROW
    span = WIDTH - LABEL_W - VALUE_W
    width = max(2.0, span * report.value / top) if top else 2.0
    colour = COLOURS.get(report.relation, "#888")
    parts = [
        f'<text x="{LABEL_W - 8}" y="{y + 13}" text-anchor="end">{_e(who[:38])}</text>',
        f'<rect x="{LABEL_W}" y="{y}" width="{width:.1f}" height="18" fill="{colour}">'
        f"<title>{_e(label(RELATION, report.relation))}: {_e(report.value_text)}</title></rect>",
    ]
    upper = report.upper if report.qualifier == "range" else None
    if report.qualifier in ("at_least", "more_than"):
        upper = report.value * 1.08
    if upper is not None and upper > report.value and top:
        extra = span * (min(upper, top) - report.value) / top
        parts.append(
            f'<rect x="{LABEL_W + width:.1f}" y="{y}" width="{extra:.1f}" height="18" '
            f'fill="{colour}" fill-opacity="0.3"/>'
        )
        width += extra
    text = f"{figure_value(report)} · {label(RELATION, report.relation)}"
    parts.append(f'<text x="{LABEL_W + width + 6:.1f}" y="{y + 13}">{_e(text)}</text>')
    return "".join(parts)


def track_chart(track: FigureTrack, articles: dict[str, ArticleEntry]) -> str:
    """An inline SVG of the track's values, or '' when there is only one to show."""
    rows = charted(track)
    if not rows:
        return ""
    top = max((r.upper or r.value) if r.qualifier == "range" else r.value for r in rows)
    top = top * 1.1 if top > 0 else 1.0
    height = 36 + len(rows) * ROW
    title = f"{track_title(track)}: values reported over time and by source"
    bars = "".join(_bar(i, r, top, _who(r, articles)) for i, r in enumerate(rows))
    if not math.isfinite(top):
        return ""
    return (
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" font-size="12" '
        f'font-family="system-ui, sans-serif" fill="#1b1b1b">'
        f"<title>{_e(title)}</title>"
        f'<text x="0" y="14" font-weight="600">{_e(track_title(track))}</text>'
        f"{bars}</svg>"
    )
