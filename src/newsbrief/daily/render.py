"""Markdown and HTML for people: one briefing, or a whole day.

The day's pages live in `daily.html` (one self-contained page) and `daily.markdown`; this
module renders one briefing and re-exports both. Article text and everything the model
derived from it is untrusted: every value is escaped (HTML with `html.escape`, Markdown by
backslash-escaping its markup), URLs are shown as text and never linked, and the HTML page
loads nothing from the network.
"""

from __future__ import annotations

from newsbrief.daily.html import daily_html, highlight
from newsbrief.daily.labels import figure_value
from newsbrief.daily.markdown import daily_markdown, person_line, position_line
from newsbrief.daily.markdown import md as _md
from newsbrief.daily.markdown import md_table as _md_table
from newsbrief.models import Briefing

__all__ = ["briefing_markdown", "daily_html", "daily_markdown", "highlight"]


def briefing_markdown(b: Briefing) -> str:
    """Render one briefing as Markdown."""
    art = b.article
    lines = [f"# {_md(art.title or 'Untitled article')}", ""]
    byline = [_md(x) for x in (art.source, art.published, art.url) if x]
    if byline:
        lines += ["*" + " · ".join(byline) + "*", ""]
    lines += [_md(b.summary), ""]
    if b.parties:
        lines += ["## Parties", ""]
        for p in b.parties:
            aka = f" — also {', '.join(_md(a) for a in p.aliases)}" if p.aliases else ""
            lines.append(f"- **{_md(p.name)}** ({_md(p.kind)}){aka}")
        lines.append("")
    if b.people:
        lines += ["## People", ""]
        lines += [person_line(person) for person in b.people]
        lines.append("")
    if b.positions:
        lines += ["## Positions", ""]
        lines += [position_line(p) for p in b.positions]
        lines.append("")
    lines += _briefing_tables(b)
    if b.meta.dropped:
        lines += [f"*{len(b.meta.dropped)} proposed fact(s) dropped by grounding.*", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _briefing_tables(b: Briefing) -> list[str]:
    lines: list[str] = []
    if b.meetings:
        lines += ["## Meetings", ""]
        lines += _md_table(
            ["Date", "As written", "Participants", "Status", "Format", "Location", "Purpose"],
            (
                [m.date, m.date_text, ", ".join(m.participants), m.status, m.format]
                + [m.location, m.purpose]
                for m in b.meetings
            ),
        )
    if b.figures:
        lines += ["## Figures", ""]
        lines += _md_table(
            ["Metric", "Value", "As written", "Unit", "Place", "As of", "Reported by"],
            (
                [f.metric, figure_value(f), f.value_text, f.unit, f.place, f.as_of]
                + [f.reported_by]
                for f in b.figures
            ),
        )
    if b.sources:
        lines += ["## Sources", ""]
        lines += [f"- {_md(s.name)} ({_md(s.kind)})" for s in b.sources] + [""]
    return lines
