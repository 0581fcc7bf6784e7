"""Merge the briefings of one day: parties, a calendar of meetings, a table of figures.

Pure functions over `ArticleEntry` lists; nothing here calls a model or touches a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsbrief.daily.models import (
    ArticleEntry,
    CalendarEntry,
    FigureEntry,
    PartyEntry,
    SourcedEvidence,
)
from newsbrief.models import Evidence, Figure, Meeting, Party

JACCARD_SAME_MEETING = 0.5
_TOKEN = re.compile(r"\w+")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the their they"
    " this to was were will with".split()
)
_PEOPLE_UNITS = frozenset({"", "people", "person", "persons", "individuals"})


def _ok(entries: Iterable[ArticleEntry]) -> list[tuple[int, ArticleEntry]]:
    return [(i, e) for i, e in enumerate(entries) if e.status == "ok" and e.briefing]


def _sourced(article_id: str, evidence: list[Evidence]) -> list[SourcedEvidence]:
    return [
        SourcedEvidence(article_id=article_id, quote=ev.quote, start=ev.start, end=ev.end)
        for ev in evidence
    ]


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold().strip(), value)
    return list(seen.values())


# ---------------------------------------------------------------- parties


def merge_parties(entries: list[ArticleEntry]) -> list[PartyEntry]:
    """Merge parties across articles by name or alias (case-insensitive), most named first."""
    groups: list[list[tuple[str, Party]]] = []
    index: dict[str, int] = {}
    for _, entry in _ok(entries):
        assert entry.briefing is not None
        for party in entry.briefing.parties:
            keys = {n.casefold().strip() for n in [party.name, *party.aliases] if n.strip()}
            hit = next((index[k] for k in keys if k in index), None)
            if hit is None:
                hit = len(groups)
                groups.append([])
            groups[hit].append((entry.id, party))
            for key in keys:
                index.setdefault(key, hit)
    merged = [_party_entry(group) for group in groups]
    return sorted(merged, key=lambda p: (-p.mention_count, p.name.casefold()))


def _party_entry(group: list[tuple[str, Party]]) -> PartyEntry:
    name = group[0][1].name
    kinds = Counter(p.kind for _, p in group)
    names = _unique(n for _, p in group for n in [p.name, *p.aliases])
    return PartyEntry(
        name=name,
        kind=kinds.most_common(1)[0][0],
        aliases=[n for n in names if n.casefold() != name.casefold()],
        mention_count=sum(max(1, len(p.evidence)) for _, p in group),
        article_ids=_unique(aid for aid, _ in group),
    )


# ---------------------------------------------------------------- calendar


@dataclass(frozen=True)
class _Report:
    order: int
    article_id: str
    published: dt.date | None
    meeting: Meeting


@dataclass(frozen=True)
class _Signature:
    date: dt.date | None
    people: frozenset[str]
    purpose: frozenset[str]
    quotes: frozenset[str]


def _tokens(texts: Iterable[str | None]) -> frozenset[str]:
    words = (w.lower() for t in texts if t for w in _TOKEN.findall(t))
    return frozenset(w for w in words if len(w) > 1 and w not in _STOPWORDS)


def _signature(m: Meeting) -> _Signature:
    return _Signature(
        date=m.date,
        people=frozenset(p.casefold().strip() for p in m.participants if p.strip()),
        purpose=_tokens([m.purpose]),
        quotes=_tokens(e.quote for e in m.evidence),
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Token Jaccard similarity; 0.0 when either side is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _same(a: _Signature, b: _Signature) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.date and a.date == b.date and a.people and a.people == b.people:
        return True
    if a.people and b.people and not a.people & b.people:
        return False
    best = max(jaccard(a.purpose, b.purpose), jaccard(a.quotes, b.quotes))
    return best >= JACCARD_SAME_MEETING


def same_meeting(a: Meeting, b: Meeting) -> bool:
    """Whether two reports describe one meeting.

    Same non-null date and the same participants (as case-insensitive sets); or compatible
    dates (equal, or one unknown), participants that are not disjoint, and a token Jaccard
    of the purposes or of the evidence quotes of at least 0.5.
    """
    return _same(_signature(a), _signature(b))


def merge_calendar(entries: list[ArticleEntry]) -> list[CalendarEntry]:
    """One calendar entry per meeting, however many articles report it; by date, nulls last."""
    reports = [
        _Report(order, entry.id, entry.published, meeting)
        for order, entry in _ok(entries)
        for meeting in (entry.briefing.meetings if entry.briefing else [])
    ]
    sigs = [_signature(r.meeting) for r in reports]
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            if a.article_id != reports[j].article_id and _same(sigs[i], sigs[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[_Report]] = {}
    for i, report in enumerate(reports):
        groups.setdefault(find(i), []).append(report)
    merged = [_calendar_entry(group) for group in groups.values()]
    return sorted(merged, key=_calendar_order)


def _calendar_order(c: CalendarEntry) -> tuple[bool, dt.date, list[str]]:
    return c.date is None, c.date or dt.date.min, [p.casefold() for p in c.participants]


def _calendar_entry(group: list[_Report]) -> CalendarEntry:
    dated = next((r.meeting for r in group if r.meeting.date), group[0].meeting)
    latest = max(group, key=lambda r: (r.published or dt.date.min, r.order)).meeting
    return CalendarEntry(
        date=dated.date,
        date_text=dated.date_text,
        date_precision=dated.date_precision,
        participants=_unique(p for r in group for p in r.meeting.participants),
        format=next((r.meeting.format for r in group if r.meeting.format != "unknown"), "unknown"),
        location=next((r.meeting.location for r in group if r.meeting.location), None),
        purpose=next((r.meeting.purpose for r in group if r.meeting.purpose), None),
        status=latest.status,
        statuses={r.article_id: r.meeting.status for r in group},
        article_ids=_unique(r.article_id for r in group),
        evidence=[ev for r in group for ev in _sourced(r.article_id, r.meeting.evidence)],
    )


# ---------------------------------------------------------------- figures


def _norm(text: str | None) -> str:
    value = " ".join((text or "").casefold().split())
    return value[4:] if value.startswith("the ") else value


def _figure_key(fig: Figure) -> tuple[str, str, str] | None:
    """What must match for two figures to be about the same thing; None without a place."""
    place = _norm(fig.place)
    if not place:
        return None
    unit = _norm(fig.unit)
    return fig.metric, place, "" if unit in _PEOPLE_UNITS else unit


def _disagree(a: FigureEntry, b: FigureEntry) -> bool:
    if a.article_id == b.article_id:
        return False
    if a.as_of and b.as_of and a.as_of != b.as_of:
        return False
    return (a.value, a.upper) != (b.value, b.upper)


def merge_figures(entries: list[ArticleEntry]) -> list[FigureEntry]:
    """Every figure of every article, conflicts flagged.

    Where two articles disagree on one metric, place and unit (different value, compatible
    as_of), both rows are kept, each flagged with the ids of the articles it conflicts with.
    Figures without a place are never flagged.
    """
    rows: list[FigureEntry] = []
    groups: dict[tuple[str, str, str], list[int]] = {}
    for _, entry in _ok(entries):
        assert entry.briefing is not None
        for fig in entry.briefing.figures:
            data = fig.model_dump(exclude={"evidence"})
            evidence = _sourced(entry.id, fig.evidence)
            key = _figure_key(fig)
            if key is not None:
                groups.setdefault(key, []).append(len(rows))
            rows.append(FigureEntry(article_id=entry.id, evidence=evidence, **data))
    for members in groups.values():
        for i in members:
            ids = _unique(rows[j].article_id for j in members if _disagree(rows[i], rows[j]))
            rows[i] = rows[i].model_copy(update={"conflict": bool(ids), "conflicts_with": ids})
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i].metric, _norm(rows[i].place) or "\uffff", i)
    )
    return [rows[i] for i in order]
