"""Markdown and HTML for people: one briefing, or a whole day.

Article text and everything the model derived from it is untrusted: every value is
escaped (HTML with `html.escape`, Markdown by backslash-escaping its markup), URLs are
shown as text and never linked, and the HTML page loads nothing from the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from newsbrief.daily.models import ArticleEntry, CalendarEntry, DailyBriefing, FigureEntry
from newsbrief.models import Briefing, Evidence, Figure

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")

# ---------------------------------------------------------------- Markdown


def _md(value: object) -> str:
    """Escape a value for inline Markdown (one line, no markup, no raw HTML)."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_table(header: list[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _figure_value(fig: Figure | FigureEntry) -> str:
    if fig.qualifier == "range" and fig.upper is not None:
        return f"{_number(fig.value)}–{_number(fig.upper)}"
    prefix = {
        "approximately": "~",
        "at_least": "≥",
        "more_than": ">",
        "up_to": "≤",
    }.get(fig.qualifier, "")
    return prefix + _number(fig.value)


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
        for person in b.people:
            extra = ", ".join(_md(x) for x in (person.role, person.affiliation) if x)
            lines.append(f"- **{_md(person.name)}**" + (f" — {extra}" if extra else ""))
        lines.append("")
    if b.positions:
        lines += ["## Positions", ""]
        lines += [f"- **{_md(p.holder)}** on {_md(p.topic)}: {_md(p.stance)}" for p in b.positions]
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
                [f.metric, _figure_value(f), f.value_text, f.unit, f.place, f.as_of]
                + [f.reported_by]
                for f in b.figures
            ),
        )
    if b.sources:
        lines += ["## Sources", ""]
        lines += [f"- {_md(s.name)} ({_md(s.kind)})" for s in b.sources] + [""]
    return lines


def daily_markdown(d: DailyBriefing) -> str:
    """Render a daily briefing as Markdown: stats, calendar, figures, parties, articles."""
    s = d.stats
    lines = [
        f"# Daily briefing — {d.date.isoformat()}",
        "",
        f"{s.articles_ok} article(s) briefed, {s.articles_failed} failed; "
        f"{s.model_calls} model call(s), {s.cache_hits} reused, {s.tokens} tokens, "
        f"{s.wall_s:.1f} s.",
        "",
    ]
    if d.calendar:
        lines += ["## Calendar", ""]
        lines += _md_table(
            ["Date", "Participants", "Status", "Format", "Location", "Purpose", "Articles"],
            (
                [c.date or c.date_text or "unknown", ", ".join(c.participants), c.status]
                + [c.format, c.location, c.purpose, ", ".join(c.article_ids)]
                for c in d.calendar
            ),
        )
    if d.figures:
        lines += ["## Figures", ""]
        lines += _md_table(
            ["Metric", "Value", "As written", "Place", "As of", "Reported by", "Article", "⚠"],
            (
                [f.metric, _figure_value(f), f.value_text, f.place, f.as_of, f.reported_by]
                + [f.article_id, _conflict_text(f)]
                for f in d.figures
            ),
        )
    if d.parties:
        lines += ["## Parties", ""]
        lines += _md_table(
            ["Party", "Kind", "Mentions", "Articles"],
            ([p.name, p.kind, p.mention_count, ", ".join(p.article_ids)] for p in d.parties),
        )
    lines += ["## Articles", ""]
    for entry in d.articles:
        lines += _article_markdown(entry)
    return "\n".join(lines).rstrip("\n") + "\n"


def _conflict_text(f: FigureEntry) -> str:
    return f"conflicts with {', '.join(f.conflicts_with)}" if f.conflict else ""


def _article_markdown(entry: ArticleEntry) -> list[str]:
    title = entry.title or (entry.briefing.article.title if entry.briefing else None)
    lines = [f"### {_md(title or entry.id)} \\[{_md(entry.id)}\\]", ""]
    meta = [_md(x) for x in (entry.source, entry.published, entry.url) if x]
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    if entry.status == "error":
        lines += [f"**Failed:** {_md(entry.error)}", ""]
    elif entry.briefing is not None:
        lines += [_md(entry.briefing.summary), ""]
    return lines


# ---------------------------------------------------------------- HTML

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.conflict td{background:#fff1f0}
.badge{display:inline-block;background:#c0392b;color:#fff;border-radius:3px;
padding:0 .35rem;font-size:.8rem;font-weight:600}
.stats,.meta{color:#555}.error{color:#b00020;font-weight:600}
article{border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.body{white-space:pre-wrap;background:#fafafa;padding:.75rem;border-radius:4px}
mark{background:#fff3a3;padding:0 1px}mark.figures{background:#ffd6cc}
mark.meetings{background:#d6ecff}mark.parties,mark.people{background:#e2f7d9}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'"
_FACT_LISTS = ("parties", "people", "positions", "meetings", "figures", "sources")


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _table(cls: str, header: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "\n".join(rows) if rows else f'<tr><td colspan="{len(header)}">none</td></tr>'
    return f'<table id="{cls}"><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>'


def _article_links(ids: Iterable[str]) -> str:
    return ", ".join(f'<a href="#a-{_e(i)}">{_e(i)}</a>' for i in ids)


def _calendar_html(calendar: list[CalendarEntry]) -> str:
    rows = [
        '<tr class="calendar-row">'
        f"<td>{_e(c.date.isoformat() if c.date else 'unknown')}"
        f'<div class="meta">{_e(c.date_text)}</div></td>'
        f"<td>{_e(', '.join(c.participants))}</td><td>{_e(c.status)}</td>"
        f"<td>{_e(c.format)}</td><td>{_e(c.location)}</td><td>{_e(c.purpose)}</td>"
        f"<td>{_article_links(c.article_ids)}</td></tr>"
        for c in calendar
    ]
    header = ["Date", "Participants", "Status", "Format", "Location", "Purpose", "Sources"]
    return _table("calendar", header, rows)


def _figures_html(figures: list[FigureEntry]) -> str:
    rows = []
    for f in figures:
        flag = (
            f'<span class="badge">⚠ conflict</span> with {_article_links(f.conflicts_with)}'
            if f.conflict
            else ""
        )
        rows.append(
            f'<tr class="figure-row{" conflict" if f.conflict else ""}">'
            f"<td>{_e(f.metric)}</td><td>{_e(_figure_value(f))}</td><td>{_e(f.value_text)}</td>"
            f"<td>{_e(f.unit)}</td><td>{_e(f.place)}</td><td>{_e(f.as_of)}</td>"
            f"<td>{_e(f.reported_by)}</td><td>{_article_links([f.article_id])}</td>"
            f"<td>{flag}</td></tr>"
        )
    header = ["Metric", "Value", "As written", "Unit", "Place", "As of", "Reported by"]
    return _table("figures", [*header, "Article", "Conflict"], rows)


def _spans(b: Briefing, body: str) -> list[tuple[int, int, str]]:
    """Evidence spans whose offsets really hold their quote, tagged with the fact list."""
    spans: list[tuple[int, int, str]] = []
    for kind in _FACT_LISTS:
        facts: list[object] = getattr(b, kind)
        for fact in facts:
            evidence: list[Evidence] = getattr(fact, "evidence", [])
            for ev in evidence:
                if 0 <= ev.start < ev.end <= len(body) and body[ev.start : ev.end] == ev.quote:
                    spans.append((ev.start, ev.end, kind))
    return spans


def highlight(body: str, spans: list[tuple[int, int, str]]) -> str:
    """Escape `body` and wrap each evidence span in `<mark>` (overlaps split cleanly)."""
    cuts = sorted({0, len(body), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        kinds = sorted({k for s, e, k in spans if s <= lo and hi <= e})
        text = _e(body[lo:hi])
        if kinds:
            label = _e(", ".join(kinds))
            out.append(f'<mark class="{" ".join(kinds)}" title="{label}">{text}</mark>')
        else:
            out.append(text)
    return "".join(out)


def _article_html(entry: ArticleEntry) -> str:
    b = entry.briefing
    title = entry.title or (b.article.title if b else None) or entry.id
    meta = " · ".join(_e(x) for x in (entry.source, entry.published, entry.url) if x)
    parts = [
        f'<article id="a-{_e(entry.id)}" class="{_e(entry.status)}">',
        f'<h3>{_e(title)} <span class="meta">[{_e(entry.id)}]</span></h3>',
        f'<div class="meta">{meta}</div>' if meta else "",
    ]
    if entry.status == "error":
        parts.append(f'<p class="error">Failed: {_e(entry.error)}</p>')
    elif b is not None:
        parts.append(f'<p class="summary">{_e(b.summary)}</p>')
    if entry.body:
        spans = _spans(b, entry.body) if b is not None else []
        parts.append(f'<div class="body">{highlight(entry.body, spans)}</div>')
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def daily_html(d: DailyBriefing) -> str:
    """Render a daily briefing as one self-contained HTML page (no scripts, no network)."""
    s = d.stats
    parties = [
        f"<tr><td>{_e(p.name)}</td><td>{_e(p.kind)}</td><td>{p.mention_count}</td>"
        f"<td>{_article_links(p.article_ids)}</td></tr>"
        for p in d.parties
    ]
    articles = "\n".join(_article_html(entry) for entry in d.articles)
    day = _e(d.date.isoformat())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daily briefing {day}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Daily briefing — {day}</h1>
<p class="stats">{s.articles_ok} article(s) briefed, {s.articles_failed} failed;
{s.model_calls} model call(s), {s.cache_hits} reused, {s.tokens} tokens, {s.wall_s:.1f} s.</p>
<h2>Calendar</h2>
{_calendar_html(d.calendar)}
<h2>Figures</h2>
{_figures_html(d.figures)}
<h2>Parties</h2>
{_table("parties", ["Party", "Kind", "Mentions", "Articles"], parties)}
<h2>Articles</h2>
{articles}
</body>
</html>
"""
