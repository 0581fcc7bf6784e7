"""The daily briefing as Markdown, built around its stories (same order as the HTML page).

Every value is untrusted: it is put on one line and its Markdown markup (and raw HTML) is
backslash-escaped; URLs are shown as text, never linked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

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
    SourcedEvidence,
    Story,
)
from newsbrief.daily.stories import outlet

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
QUOTE_CHARS = 240


def md(value: object) -> str:
    """Escape a value for inline Markdown (one line, no markup, no raw HTML)."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


class _PersonLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def affiliation(self) -> str | None: ...


class _PositionLike(Protocol):
    @property
    def holder(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def stance(self) -> str: ...


def person_line(person: _PersonLike) -> str:
    """A person as a Markdown bullet: name in bold, then role and affiliation."""
    extra = ", ".join(md(x) for x in (person.role, person.affiliation) if x)
    return f"- **{md(person.name)}**" + (f" — {extra}" if extra else "")


def position_line(position: _PositionLike) -> str:
    """A position as a Markdown bullet: holder, topic and stance."""
    return f"- **{md(position.holder)}** on {md(position.topic)}: {md(position.stance)}"


def md_table(header: list[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """A pipe table; every cell escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _sources(ids: Sequence[str], articles: dict[str, ArticleEntry]) -> str:
    """The articles `ids` as 'outlet, date [id]' (the first few, then how many more)."""

    def one(aid: str) -> str:
        entry = articles.get(aid)
        name = (outlet(entry) if entry else None) or aid
        day = short_date(entry.published) if entry else ""
        return f"{name}, {day} [{aid}]" if day else f"{name} [{aid}]"

    first, more = shown(ids)
    return "; ".join(one(aid) for aid in first) + more


def _quote(ev: SourcedEvidence) -> str:
    text = ev.quote if len(ev.quote) <= QUOTE_CHARS else ev.quote[: QUOTE_CHARS - 1] + "…"
    return f"  > “{md(text)}” — {md(ev.article_id)}"


def _calendar(rows: list[CalendarEntry], articles: dict[str, ArticleEntry]) -> list[str]:
    return md_table(
        ["When", "Precision", "Participants", "What", "Where", "Format", "Status", "Sources"],
        (
            [meeting_when(c), precision_note(c), participants(c), c.purpose]
            + [c.location, label(FORMAT, c.format), status_line(c)]
            + [_sources(c.article_ids, articles)]
            for c in rows
        ),
    )


def _report(r: FigureReport, articles: dict[str, ArticleEntry]) -> str:
    who = f" ({', '.join(r.reported_by)})" if r.reported_by else ""
    return (
        f"{figure_value(r)} {label(RELATION, r.relation)}{who}: {_sources(r.article_ids, articles)}"
    )


def _story_figures(story: Story, articles: dict[str, ArticleEntry]) -> list[str]:
    if not story.figures:
        return []
    lines = ["**Figures**", ""]
    lines += md_table(
        ["What", "Latest", "As written", "Unit", "Place", "Reported by", "Sources", "⚠"],
        (
            [track_title(t), figure_value(t.latest), t.latest.value_text, t.unit, t.place]
            + [", ".join(t.latest.reported_by), _sources(t.latest.article_ids, articles)]
            + ["sources disagree" if t.conflict else ""]
            for t in story.figures
        ),
    )
    for t in story.figures:
        if t.latest.evidence or t.others:
            lines.append(f"- {md(track_title(t))}: **{md(figure_value(t.latest))}**")
            lines += [_quote(ev) for ev in t.latest.evidence[:1]]
            lines += [f"  - {md(_report(r, articles))}" for r in t.others]
    return [*lines, ""]


def _story_people(story: Story, articles: dict[str, ArticleEntry]) -> list[str]:
    lines: list[str] = []
    if story.parties:
        lines += [f"**Who:** {', '.join(md(p) for p in story.parties)}", ""]
    if story.people:
        lines += ["**People**", ""]
        lines += [person_line(p) for p in story.people]
        lines.append("")
    if story.positions:
        lines += ["**Positions**", ""]
        for pos in story.positions:
            lines.append(position_line(pos))
            lines += [_quote(ev) for ev in pos.evidence[:1]]
        lines.append("")
    return lines


def _story(
    story: Story, articles: dict[str, ArticleEntry], calendar: dict[str, CalendarEntry]
) -> list[str]:
    dates = dict.fromkeys(short_date(d) for d in (story.first_published, story.last_published) if d)
    n = len(story.article_ids)
    meta = [f"{n} article{'s' if n > 1 else ''}", ", ".join(story.outlets), " – ".join(dates)]
    lines = [f"### {md(story.headline)}", "", "*" + md(" · ".join(x for x in meta if x)) + "*", ""]
    lines += [md(story.summary), ""]
    lines += _story_figures(story, articles)
    meetings = [calendar[m] for m in story.meeting_ids if m in calendar]
    if meetings:
        lines += ["**Meetings**", ""] + _calendar(meetings, articles)
    lines += _story_people(story, articles)
    lines += ["**Sources**", ""]
    for aid in story.article_ids:
        entry = articles[aid]
        lines.append(f"- {md(_title(entry))} — {md(_sources([aid], articles))}")
    if story.cited_sources:
        lines += ["", f"Cited: {md(', '.join(story.cited_sources))}"]
    return [*lines, ""]


def _title(entry: ArticleEntry) -> str:
    b = entry.briefing
    return entry.title or (b.article.title if b else None) or entry.id


def _article(entry: ArticleEntry, undated: set[str]) -> list[str]:
    lines = [f"### {md(_title(entry))} \\[{md(entry.id)}\\]", ""]
    meta = [md(x) for x in (outlet(entry), short_date(entry.published), entry.url) if x]
    if entry.id in undated:
        meta.append("no publication date")
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    if entry.status == "error":
        lines += [f"**Failed:** {md(entry.error)}", ""]
    elif entry.briefing is not None:
        lines += [md(entry.briefing.summary), ""]
    return lines


def _contents(d: DailyBriefing) -> list[str]:
    a = d.agenda
    lines = ["## Contents", "", f"1. What is coming ({len(a.upcoming)})"]
    lines.append(f"2. Stories ({len(d.stories)})")
    lines += [f"   - {md(s.headline)} ({len(s.article_ids)})" for s in d.stories]
    past = len(a.held) + len(a.cancelled) + len(a.unclear)
    lines += [f"3. Held and cancelled meetings ({past})", "4. Parties", "5. Articles", ""]
    return lines


def _parties(d: DailyBriefing) -> list[str]:
    several = [p for p in d.parties if len(p.article_ids) > 1]
    lines = md_table(
        ["Party", "Kind", "Also written", "Articles"],
        ([p.name, label(KIND, p.kind), ", ".join(p.aliases), len(p.article_ids)] for p in several),
    )
    once = [p.name for p in d.parties if len(p.article_ids) <= 1]
    if once:
        lines += [f"Named by one article: {md(', '.join(once))}", ""]
    return lines


def daily_markdown(daily: DailyBriefing) -> str:
    """Render a daily briefing as Markdown: contents, agenda, stories, parties, articles."""
    d = with_views(daily)
    s = d.stats
    articles = {e.id: e for e in d.articles}
    calendar = {c.id: c for c in d.calendar}
    lines = [f"# Daily briefing — {md(day_label(d.date))}", ""]
    if d.coverage and d.coverage.note:
        lines += [f"*{md(d.coverage.note)}*", ""]
    lines += [
        f"{len(d.stories)} stories from {s.articles_ok} article(s), {s.articles_failed} failed; "
        f"{s.model_calls} model call(s), {s.cache_hits} reused, {s.tokens} tokens, "
        f"{s.wall_s:.1f} s.",
        "",
    ]
    lines += _contents(d)
    lines += ["## What is coming", ""]
    lines += _calendar(d.agenda.upcoming, articles) if d.agenda.upcoming else ["None.", ""]
    lines += ["## Stories", ""]
    for story in d.stories:
        lines += _story(story, articles, calendar)
    lines += ["## Held and cancelled meetings", ""]
    for title, rows in (("Held", d.agenda.held), ("Cancelled", d.agenda.cancelled)):
        if rows:
            lines += [f"### {title}", ""] + _calendar(rows, articles)
    if d.agenda.unclear:
        lines += ["### Planned for a date already past", ""] + _calendar(d.agenda.unclear, articles)
    lines += ["## Parties", ""] + _parties(d)
    lines += ["## Articles", ""]
    undated = set(d.coverage.undated_article_ids) if d.coverage else set()
    for entry in d.articles:
        lines += _article(entry, undated)
    return "\n".join(lines).rstrip("\n") + "\n"
