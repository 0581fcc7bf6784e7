"""The day's calendar: one entry per meeting however many articles report it, and an agenda.

Reports are merged through indexes, never by comparing every pair: first by an exact key
(the meeting's date and its participants, folded by `party_key`, so 'US' = 'United States'),
then, for a report that matches no key, against the groups that share one of its
participants (or, with none named, its date) by the looser `same_meeting` test. A group
holds at most one report per article. The agenda splits the entries against the day
briefed: upcoming, held, cancelled, and unclear (planned for a date already past).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsbrief.daily.keys import party_key, unique
from newsbrief.daily.models import (
    Agenda,
    ArticleEntry,
    CalendarEntry,
    MeetingTiming,
    SourcedEvidence,
    StatusReport,
)
from newsbrief.models import UPCOMING_STATUSES, Evidence, Meeting, MeetingStatus

JACCARD_SAME_MEETING = 0.5
_TOKEN = re.compile(r"\w+")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the their they"
    " this to was were will with".split()
)


def sourced(article_id: str, evidence: list[Evidence]) -> list[SourcedEvidence]:
    """The evidence spans of one article, tagged with its id.

    Built without validating again (`model_construct`): every field comes from an
    `Evidence` that was validated when its briefing was.
    """
    return [
        SourcedEvidence.model_construct(
            article_id=article_id, quote=ev.quote, start=ev.start, end=ev.end
        )
        for ev in evidence
    ]


def ok_entries(entries: Iterable[ArticleEntry]) -> list[tuple[int, ArticleEntry]]:
    """The briefed entries with their input position."""
    return [(i, e) for i, e in enumerate(entries) if e.status == "ok" and e.briefing]


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
        people=frozenset(party_key(p) for p in m.participants if p.strip()),
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

    Same non-null date and the same participants (folded: 'US' = 'United States'); or
    compatible dates (equal, or one unknown), participants that are not disjoint, and a token
    Jaccard of the purposes or of the evidence quotes of at least 0.5.
    """
    return _same(_signature(a), _signature(b))


@dataclass
class _Group:
    reports: list[_Report] = field(default_factory=list)
    signature: _Signature | None = None
    article_ids: set[str] = field(default_factory=set)

    def add(self, report: _Report, sig: _Signature) -> None:
        self.reports.append(report)
        self.article_ids.add(report.article_id)
        old = self.signature
        self.signature = (
            sig
            if old is None
            else _Signature(
                date=old.date or sig.date,
                people=old.people | sig.people,
                purpose=old.purpose | sig.purpose,
                quotes=old.quotes | sig.quotes,
            )
        )

    def has(self, article_id: str) -> bool:
        return article_id in self.article_ids


@dataclass
class _Index:
    """Groups of reports, found by exact key, by participant (and date) and by date."""

    groups: list[_Group] = field(default_factory=list)
    exact: dict[tuple[dt.date | None, frozenset[str]], int] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_name_date: dict[tuple[str, dt.date | None], list[int]] = field(default_factory=dict)
    rank: dict[tuple[str, int], int] = field(default_factory=dict)
    by_date: dict[dt.date | None, list[int]] = field(default_factory=dict)

    def place(self, report: _Report) -> None:
        sig = _signature(report.meeting)
        hit = self._find(report, sig)
        if hit is None:
            hit = len(self.groups)
            self.groups.append(_Group())
        self.groups[hit].add(report, sig)
        self.exact.setdefault((sig.date, sig.people), hit)
        for name in sig.people:
            _append_once(self.by_name.setdefault(name, []), hit)
            _append_once(self.by_name_date.setdefault((name, sig.date), []), hit)
            self.rank.setdefault((name, hit), len(self.rank))
        _append_once(self.by_date.setdefault(sig.date, []), hit)

    def _find(self, report: _Report, sig: _Signature) -> int | None:
        exact = self.exact.get((sig.date, sig.people))
        if exact is not None and sig.people and not self.groups[exact].has(report.article_id):
            return exact
        for i in self._candidates(sig):
            group = self.groups[i]
            assert group.signature is not None
            if not group.has(report.article_id) and _same(sig, group.signature):
                return i
        return None

    def _candidates(self, sig: _Signature) -> Iterable[int]:
        """Groups that may hold the meeting: sharing a participant, on its date or undated."""
        if not sig.people:
            return self.by_date.get(sig.date, [])
        if sig.date is None:
            return (i for name in sorted(sig.people) for i in self.by_name.get(name, []))
        return (i for name in sorted(sig.people) for i in self._dated(name, sig.date))

    def _dated(self, name: str, date: dt.date) -> list[int]:
        """The groups naming `name` on `date` or undated, in the order they first named it.

        A group on another date cannot hold the meeting (`_same` says so), so it is never
        looked at: a participant in many meetings costs only the meetings of that day.
        """
        found = {
            *self.by_name_date.get((name, date), []),
            *self.by_name_date.get((name, None), []),
        }
        return sorted(found, key=lambda i: self.rank[(name, i)])


def _append_once(items: list[int], value: int) -> None:
    if not items or items[-1] != value:
        items.append(value)


def merge_calendar(entries: list[ArticleEntry], day: dt.date | None = None) -> list[CalendarEntry]:
    """One calendar entry per meeting, however many articles report it; by date, nulls last.

    Args:
        entries: The day's articles; failed ones are skipped.
        day: The day briefed, against which each entry's `timing` is set (None: every
            planned meeting counts as upcoming).
    """
    index = _Index()
    for order, entry in ok_entries(entries):
        assert entry.briefing is not None
        for meeting in entry.briefing.meetings:
            index.place(_Report(order, entry.id, entry.published, meeting))
    merged = sorted((_calendar_entry(g.reports, day) for g in index.groups), key=_calendar_order)
    return [c.model_copy(update={"id": f"m{n}"}) for n, c in enumerate(merged, 1)]


def _calendar_order(c: CalendarEntry) -> tuple[bool, dt.date, list[str]]:
    return c.date is None, c.date or dt.date.min, [p.casefold() for p in c.participants]


def _status_reports(group: list[_Report]) -> list[StatusReport]:
    by_status: dict[MeetingStatus, dict[str, None]] = {}
    for r in sorted(group, key=lambda r: (r.published or dt.date.min, r.order)):
        by_status.setdefault(r.meeting.status, {})[r.article_id] = None
    return [StatusReport(status=status, article_ids=list(ids)) for status, ids in by_status.items()]


def _calendar_entry(group: list[_Report], day: dt.date | None) -> CalendarEntry:
    dated = next((r.meeting for r in group if r.meeting.date), group[0].meeting)
    precise = next((r.meeting for r in group if r.meeting.date_precision != "unknown"), dated)
    latest = max(group, key=lambda r: (r.published or dt.date.min, r.order)).meeting
    return CalendarEntry(
        date=dated.date,
        date_text=dated.date_text or precise.date_text,
        date_precision=dated.date_precision if dated.date else precise.date_precision,
        participants=unique(p for r in group for p in r.meeting.participants),
        format=next((r.meeting.format for r in group if r.meeting.format != "unknown"), "unknown"),
        location=next((r.meeting.location for r in group if r.meeting.location), None),
        purpose=next((r.meeting.purpose for r in group if r.meeting.purpose), None),
        status=latest.status,
        statuses={r.article_id: r.meeting.status for r in group},
        status_reports=_status_reports(group),
        timing=timing(
            latest.status,
            dated.date,
            day,
            told=max((r.published for r in group if r.published), default=None),
            precision=dated.date_precision if dated.date else precise.date_precision,
        ),
        article_ids=unique(r.article_id for r in group),
        evidence=[ev for r in group for ev in sourced(r.article_id, r.meeting.evidence)],
    )


# How long after the article a meeting with no exact day can still be ahead, by precision:
# 'next week' is over within two weeks of the article, 'next month' within two months.
_HORIZON_DAYS = {"week": 14, "month": 62, "year": 731}


def timing(
    status: str,
    date: dt.date | None,
    day: dt.date | None,
    *,
    told: dt.date | None = None,
    precision: str = "unknown",
) -> MeetingTiming:
    """Where a meeting goes on the agenda of `day`, given its latest status and date.

    A planned meeting with no exact day is ahead unless the article that `told` of it is so
    old that its week, month or year is over ('next month' in an article of two years
    before); one with no date at all, once its article is two months old.
    """
    if status == "held":
        return "held"
    if status == "cancelled":
        return "cancelled"
    if status not in UPCOMING_STATUSES:
        return "unclear"
    if date is None and day is not None and told is not None:
        horizon = _HORIZON_DAYS.get(precision, _HORIZON_DAYS["month"])
        return "upcoming" if (day - told).days <= horizon else "unclear"
    return "upcoming" if date is None or day is None or date >= day else "unclear"


def split_agenda(calendar: list[CalendarEntry]) -> Agenda:
    """The calendar by timing: upcoming soonest first, held latest first, undated last."""

    def dated(timing_: str, newest_first: bool = False) -> list[CalendarEntry]:
        rows = [c for c in calendar if c.timing == timing_]
        rows.sort(key=lambda c: c.date.toordinal() * (-1 if newest_first else 1) if c.date else 0)
        return [c for c in rows if c.date] + [c for c in rows if not c.date]

    return Agenda(
        upcoming=dated("upcoming"),
        held=dated("held", newest_first=True),
        cancelled=dated("cancelled"),
        unclear=dated("unclear"),
    )
