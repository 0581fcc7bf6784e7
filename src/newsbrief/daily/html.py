"""The daily briefing as one self-contained HTML page, built around its stories.

Contents, what is coming, one card per story (summary, figures with their history and a
chart where values differ, meetings, who, positions, sources), the held and cancelled
meetings, parties, then every article with its evidence highlighted and a legend.

Article text and everything derived from it is untrusted: every value is escaped with
`html.escape`, URLs are shown as text and never linked, links are in-page anchors only, and
the page loads nothing (no script, image, font or style sheet; the CSP says so too).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from newsbrief.daily.labels import (
    FORMAT,
    KIND,
    RELATION,
    day_label,
    figure_value,
    label,
    meeting_when,
    participants,
    precision_note,
    short_date,
    shown,
    status_line,
    track_title,
)
from newsbrief.daily.merge import with_views
from newsbrief.daily.models import (
    ArticleEntry,
    CalendarEntry,
    DailyBriefing,
    FigureReport,
    FigureTrack,
    Story,
)
from newsbrief.daily.stories import outlet
from newsbrief.daily.svg import track_chart
from newsbrief.models import Briefing, Evidence

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'"
FACT_LISTS = ("parties", "people", "positions", "meetings", "figures", "sources")
LEGEND = (
    ("parties people", "Who: parties and people"),
    ("positions", "Positions"),
    ("meetings", "Meetings"),
    ("figures", "Figures"),
    ("sources", "Cited sources"),
)
# later rules win where one span is evidence for several kinds: figures show through
_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;
margin-top:2.2rem}h3{margin:.2rem 0}h4{margin:1rem 0 .3rem;color:#444}
a{color:#1f4e79}.meta,.stats,.note{color:#555;font-size:.9rem}.note{font-style:italic}
nav.toc{background:#f6f8fa;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1.2rem}
nav.toc ol{margin:.2rem 0;padding-left:1.3rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.conflict td{background:#fff1f0}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:600;
background:#e8eef5;color:#1f4e79}.badge.conflict,.badge.cancelled{background:#c0392b;color:#fff}
.badge.rescheduled,.badge.unclear{background:#f5e6c8;color:#7a4b00}
.badge.held{background:#e2f0e5;color:#245c33}.badge.undated{background:#eee;color:#555}
section.story{border:1px solid #dcdcdc;border-left:5px solid #1f4e79;border-radius:6px;
padding:.6rem 1.2rem;margin:1.2rem 0}
.summary{font-size:1.02rem}.chips span{display:inline-block;background:#eef3ee;border-radius:10px;
padding:0 .55rem;margin:.1rem .15rem;font-size:.88rem}
.earlier{color:#555;font-size:.88rem}blockquote{margin:.2rem 0 .2rem 1rem;color:#444;
border-left:3px solid #ddd;padding-left:.6rem}svg.chart{max-width:100%;height:auto;margin:.3rem 0}
article.source{border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.error{color:#b00020;font-weight:600}
.body{white-space:pre-wrap;background:#fafafa;padding:.75rem;border-radius:4px}
.legend span{margin-right:.8rem}
mark{padding:0 1px}mark.sources{background:#e6e6e6}mark.parties,mark.people{background:#d9f2d0}
mark.positions{background:#eadcf7}mark.meetings{background:#d6ecff}mark.figures{background:#ffd9a8}
"""


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _table(cls: str, header: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "\n".join(rows) if rows else f'<tr><td colspan="{len(header)}">none</td></tr>'
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>'


def _links(ids: Sequence[str], articles: dict[str, ArticleEntry]) -> str:
    """Links to the articles `ids` (the first few, then how many more)."""

    def one(aid: str) -> str:
        entry = articles.get(aid)
        name = (outlet(entry) if entry else None) or aid
        day = short_date(entry.published) if entry else ""
        text = f"{name}, {day}" if day else name
        return f'<a href="#a-{_e(aid)}" title="{_e(aid)}">{_e(text)}</a>'

    first, more = shown(ids)
    return "; ".join(one(aid) for aid in first) + _e(more)


# ---------------------------------------------------------------- calendar


def _badge(text: str, cls: str) -> str:
    return f'<span class="badge {_e(cls)}">{_e(text)}</span>'


def _meeting_rows(
    calendar: list[CalendarEntry], articles: dict[str, ArticleEntry], story_of: dict[str, str]
) -> list[str]:
    rows = []
    for c in calendar:
        story = story_of.get(c.article_ids[0]) if c.article_ids else None
        where = ", ".join(x for x in (c.location, label(FORMAT, c.format)) if x)
        rows.append(
            f'<tr class="calendar-row" id="{_e(c.id)}">'
            f"<td>{_e(meeting_when(c))}"
            f'<div class="meta">{_e(precision_note(c))}</div></td>'
            f"<td>{_e(participants(c))}<div class=meta>{_e(c.purpose)}</div></td>"
            f"<td>{_e(where)}</td><td>{_badge(status_line(c), c.status)}</td>"
            f"<td>{_links(c.article_ids, articles)}"
            + (f' · <a href="#{_e(story)}">story</a>' if story else "")
            + "</td></tr>"
        )
    return rows


def _calendar_table(
    calendar: list[CalendarEntry], articles: dict[str, ArticleEntry], story_of: dict[str, str]
) -> str:
    header = ["When", "Who and what", "Where", "Status", "Sources"]
    return _table("calendar", header, _meeting_rows(calendar, articles, story_of))


# ---------------------------------------------------------------- stories


def _report_line(r: FigureReport, articles: dict[str, ArticleEntry]) -> str:
    who = f" ({_e(', '.join(r.reported_by))})" if r.reported_by else ""
    return (
        f"{_e(figure_value(r))} — {_e(label(RELATION, r.relation))}{who}, "
        f"{_links(r.article_ids, articles)}"
    )


def _track_row(t: FigureTrack, articles: dict[str, ArticleEntry]) -> str:
    latest = t.latest
    main = [r for r in t.others if r.relation != "same_source"]
    same = [r for r in t.others if r.relation == "same_source"]
    others = "<br>".join(_report_line(r, articles) for r in main)
    if same:
        lines = "<br>".join(_report_line(r, articles) for r in same)
        others += (
            f"<details><summary>{len(same)} more in the same articles</summary>{lines}</details>"
        )
    flag = _badge("⚠ sources disagree", "conflict") if t.conflict else ""
    quote = latest.evidence[0].quote if latest.evidence else latest.value_text
    return (
        f'<tr class="figure-row{" conflict" if t.conflict else ""}" id="{_e(t.id)}">'
        f"<td>{_e(track_title(t))}</td>"
        f"<td><strong>{_e(figure_value(latest))}</strong> {flag}"
        f"<blockquote>{_e(quote)}</blockquote></td>"
        f"<td>{_e(', '.join(latest.reported_by))}<div class=meta>"
        f"{_links(latest.article_ids, articles)}</div></td>"
        f'<td class="earlier">{others}</td></tr>'
    )


def _story_figures(story: Story, articles: dict[str, ArticleEntry]) -> str:
    if not story.figures:
        return ""
    rows = [_track_row(t, articles) for t in story.figures]
    table = _table("figures", ["What", "Latest", "Reported by", "Other reports"], rows)
    charts = "".join(track_chart(t, articles) for t in story.figures)
    return f"<h4>Figures</h4>{table}{charts}"


def _story_people(story: Story, articles: dict[str, ArticleEntry]) -> str:
    parts = []
    if story.parties:
        chips = "".join(f"<span>{_e(p)}</span>" for p in story.parties)
        parts.append(f'<h4>Who</h4><div class="chips">{chips}</div>')
    if story.people:
        items = "".join(
            f"<li><strong>{_e(p.name)}</strong>"
            + "".join(
                f" — {_e(x)}" for x in [", ".join(y for y in (p.role, p.affiliation) if y)] if x
            )
            + "</li>"
            for p in story.people
        )
        parts.append(f"<h4>People</h4><ul>{items}</ul>")
    if story.positions:
        items = "".join(
            f"<li><strong>{_e(p.holder)}</strong> on {_e(p.topic)}: {_e(p.stance)}"
            + "".join(f"<blockquote>{_e(ev.quote)}</blockquote>" for ev in p.evidence[:1])
            + f' <span class="meta">{_links([p.article_id], articles)}</span></li>'
            for p in story.positions
        )
        parts.append(f"<h4>Positions</h4><ul>{items}</ul>")
    return "".join(parts)


def _story_card(
    story: Story,
    articles: dict[str, ArticleEntry],
    calendar: dict[str, CalendarEntry],
    story_of: dict[str, str],
) -> str:
    n = len(story.article_ids)
    span = " – ".join(
        dict.fromkeys(short_date(d) for d in (story.first_published, story.last_published) if d)
    )
    meta = " · ".join(
        x for x in (f"{n} article{'s' if n > 1 else ''}", ", ".join(story.outlets), span) if x
    )
    meetings = [calendar[m] for m in story.meeting_ids if m in calendar]
    sources = "".join(
        f'<li><a href="#a-{_e(a)}">{_e(_title(articles[a]))}</a> '
        f'<span class="meta">{_e(_byline(articles[a]))}</span></li>'
        for a in story.article_ids
        if a in articles
    )
    cited = (
        f'<p class="meta">Cited: {_e(", ".join(story.cited_sources))}</p>'
        if story.cited_sources
        else ""
    )
    return (
        f'<section class="story" id="{_e(story.id)}"><h3>{_e(story.headline)}</h3>'
        f'<p class="meta">{_e(meta)}</p><p class="summary">{_e(story.summary)}</p>'
        + _story_figures(story, articles)
        + ("<h4>Meetings</h4>" + _calendar_table(meetings, articles, story_of) if meetings else "")
        + _story_people(story, articles)
        + f"<h4>Sources</h4><ul>{sources}</ul>{cited}</section>"
    )


# ---------------------------------------------------------------- articles


def _byline(entry: ArticleEntry) -> str:
    return ", ".join(x for x in (outlet(entry), short_date(entry.published)) if x)


def _title(entry: ArticleEntry) -> str:
    b = entry.briefing
    return entry.title or (b.article.title if b else None) or entry.id


def spans(b: Briefing, body: str) -> list[tuple[int, int, str]]:
    """Evidence spans whose offsets really hold their quote, tagged with the fact list."""
    found: list[tuple[int, int, str]] = []
    for kind in FACT_LISTS:
        facts: list[object] = getattr(b, kind)
        for fact in facts:
            evidence: list[Evidence] = getattr(fact, "evidence", [])
            for ev in evidence:
                if 0 <= ev.start < ev.end <= len(body) and body[ev.start : ev.end] == ev.quote:
                    found.append((ev.start, ev.end, kind))
    return found


def highlight(body: str, marks: list[tuple[int, int, str]]) -> str:
    """Escape `body` and wrap each evidence span in `<mark>` (overlaps split cleanly)."""
    cuts = sorted({0, len(body), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        kinds = sorted({k for s, e, k in marks if s <= lo and hi <= e})
        text = _e(body[lo:hi])
        if kinds:
            title = _e(", ".join(kinds))
            out.append(f'<mark class="{" ".join(kinds)}" title="{title}">{text}</mark>')
        else:
            out.append(text)
    return "".join(out)


def _legend() -> str:
    items = "".join(f'<span><mark class="{c}">{_e(t)}</mark></span>' for c, t in LEGEND)
    return f'<p class="legend">Highlighted evidence: {items}</p>'


def _article_html(entry: ArticleEntry, story_of: dict[str, str], undated: set[str]) -> str:
    b = entry.briefing
    meta = [_e(x) for x in (outlet(entry), short_date(entry.published), entry.url) if x]
    if entry.id in undated:
        meta.append(_badge("no publication date", "undated"))
    story = story_of.get(entry.id)
    if story:
        meta.append(f'<a href="#{_e(story)}">story</a>')
    parts = [
        f'<article id="a-{_e(entry.id)}" class="source {_e(entry.status)}">',
        f'<h3>{_e(_title(entry))} <span class="meta">[{_e(entry.id)}]</span></h3>',
        f'<div class="meta">{" · ".join(meta)}</div>',
    ]
    if entry.status == "error":
        parts.append(f'<p class="error">Failed: {_e(entry.error)}</p>')
    elif b is not None:
        parts.append(f'<p class="summary">{_e(b.summary)}</p>')
    if entry.body:
        marked = highlight(entry.body, spans(b, entry.body) if b is not None else [])
        parts.append(f'<div class="body">{marked}</div>')
    parts.append("</article>")
    return "\n".join(parts)


# ---------------------------------------------------------------- page


def _parties_html(d: DailyBriefing) -> str:
    def row(p_name: str, kind: str, aliases: list[str], ids: list[str], mentions: int) -> str:
        aka = f'<div class="meta">also: {_e(", ".join(aliases))}</div>' if aliases else ""
        return (
            f"<tr><td>{_e(p_name)}{aka}</td><td>{_e(label(KIND, kind))}</td>"
            f"<td>{len(ids)}</td><td>{mentions}</td></tr>"
        )

    header = ["Party", "Kind", "Articles", "Mentions"]
    rows = [row(p.name, p.kind, p.aliases, p.article_ids, p.mention_count) for p in d.parties]
    several = [r for r, p in zip(rows, d.parties, strict=True) if len(p.article_ids) > 1]
    once = [r for r, p in zip(rows, d.parties, strict=True) if len(p.article_ids) <= 1]
    out = _table("parties", header, several) if several else ""
    if once:
        out += (
            f"<details><summary>{len(once)} part{'ies' if len(once) > 1 else 'y'} named by one "
            f"article</summary>{_table('parties', header, once)}</details>"
        )
    return out or "<p>none</p>"


def _toc(d: DailyBriefing) -> str:
    stories = "".join(
        f'<li><a href="#{_e(s.id)}">{_e(s.headline)}</a> '
        f'<span class="meta">({len(s.article_ids)})</span></li>'
        for s in d.stories
    )
    a = d.agenda
    past = len(a.held) + len(a.cancelled) + len(a.unclear)
    entries = [
        ("coming", "What is coming", len(a.upcoming), ""),
        ("stories", "Stories", len(d.stories), f"<ol>{stories}</ol>"),
        ("held", "Held and cancelled meetings", past, ""),
        ("parties", "Parties", len(d.parties), ""),
        ("articles", "Articles", len(d.articles), ""),
    ]
    items = "".join(
        f'<li><a href="#{anchor}">{title}</a> <span class="meta">({n})</span>{sub}</li>'
        for anchor, title, n, sub in entries
    )
    return f'<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>{items}</ol></nav>'


def _header(d: DailyBriefing) -> str:
    s = d.stats
    lede = (
        f"{len(d.stories)} stor{'ies' if len(d.stories) != 1 else 'y'} from {s.articles_ok} "
        f"article{'s' if s.articles_ok != 1 else ''}; {len(d.agenda.upcoming)} meeting(s) coming."
    )
    note = d.coverage.note if d.coverage and d.coverage.note else ""
    return (
        f"<h1>Daily briefing — {_e(day_label(d.date))}</h1>"
        f'<p class="lede">{_e(lede)}</p>'
        + (f'<p class="note">{_e(note)}</p>' if note else "")
        + f'<p class="stats">{s.articles_failed} failed; {s.model_calls} model call(s), '
        f"{s.cache_hits} reused, {s.tokens} tokens, {s.wall_s:.1f} s.</p>"
    )


def _past_meetings(
    d: DailyBriefing, articles: dict[str, ArticleEntry], story_of: dict[str, str]
) -> str:
    parts = []
    for title, rows in (
        ("Held", d.agenda.held),
        ("Cancelled", d.agenda.cancelled),
        ("Planned for a date already past", d.agenda.unclear),
    ):
        if rows:
            parts.append(f"<h3>{_e(title)}</h3>{_calendar_table(rows, articles, story_of)}")
    return "".join(parts) or "<p>none</p>"


def daily_html(daily: DailyBriefing) -> str:
    """Render a daily briefing as one self-contained HTML page (no scripts, no network)."""
    d = with_views(daily)
    articles = {e.id: e for e in d.articles}
    story_of = {a: s.id for s in d.stories for a in s.article_ids}
    calendar = {c.id: c for c in d.calendar}
    undated = set(d.coverage.undated_article_ids) if d.coverage else set()
    day = _e(d.date.isoformat())
    cards = "\n".join(_story_card(s, articles, calendar, story_of) for s in d.stories)
    sources = "\n".join(_article_html(e, story_of, undated) for e in d.articles)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daily briefing {day}</title>
<style>{_CSS}</style>
</head>
<body>
<header>{_header(d)}{_toc(d)}</header>
<h2 id="coming">What is coming</h2>
{_calendar_table(d.agenda.upcoming, articles, story_of)}
<h2 id="stories">Stories</h2>
{cards or "<p>none</p>"}
<h2 id="held">Held and cancelled meetings</h2>
{_past_meetings(d, articles, story_of)}
<h2 id="parties">Parties</h2>
{_parties_html(d)}
<h2 id="articles">Articles</h2>
{_legend()}
{sources}
</body>
</html>
"""
