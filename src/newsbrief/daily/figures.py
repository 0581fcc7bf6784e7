"""Figures across articles: one track per metric, place and unit, its latest value and history.

A track gathers every report of one metric at one place (folded: 'the Rafah' = 'Rafah') in
one unit ('people' = 'persons' = none) within a story. Each distinct value is kept once with
every article that reports it, so a toll repeated by ten outlets is one line, not ten. The
time of a report is its `as_of` date, else its article's publication date:

* each time has a main value (the most reported, then the largest); another value given
  only by the articles that give the main one is 'same_source' (a breakdown, or the
  toll before, cited beside it), never a conflict;
* the latest value is the main value of the latest time;
* the main value of an earlier time is a revision ('earlier'), never a conflict;
* at the latest time, values whose ranges overlap agree ('at least 20' and 27), and values
  that cannot both be true conflict (20 and 35).

A figure without a place is its own track: nothing says two of them count the same thing.
A reported figure in conflict names each distinct value against it once, with its first
few sources and how many articles give it, never every copy: the track lists them all.
Everything is linear in the number of figures, plus the square of the distinct values at
a track's latest time (values, not articles: a toll copied by a thousand outlets is one).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from newsbrief.daily.calendar import ok_entries, sourced
from newsbrief.daily.keys import place_key, unique, unit_key
from newsbrief.daily.models import (
    ArticleEntry,
    ConflictingValue,
    FigureEntry,
    FigureReport,
    FigureTrack,
)
from newsbrief.models import METRICS, Figure

APPROXIMATE = 0.1
"""Relative slack of 'about N' when comparing values."""
CONFLICT_VALUES = 5
"""At most this many distinct conflicting values are named on one reported figure."""
CONFLICT_SOURCES = 3
"""At most this many articles (and attributions) are named per conflicting value."""

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Row:
    order: int
    article_id: str
    index: int
    published: dt.date | None
    fig: Figure

    @property
    def when(self) -> dt.date | None:
        return self.fig.as_of or self.published


@dataclass(frozen=True)
class RowFlag:
    """What a track says of one reported figure (by article id and index in its briefing)."""

    track: str
    conflict: bool
    conflicts_with: tuple[ConflictingValue, ...] = ()


def interval(value: float, upper: float | None, qualifier: str) -> tuple[float, float]:
    """The values a hedged number allows: 'at least 20' is [20, inf), 'about 100' [90, 110]."""
    if qualifier in ("at_least", "more_than"):
        return value, math.inf
    if qualifier == "up_to":
        return 0.0, value
    if qualifier == "approximately":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if qualifier == "range" and upper is not None:
        return min(value, upper), max(value, upper)
    return value, value


def compatible(a: FigureReport, b: FigureReport) -> bool:
    """Whether two values can both be true (their ranges overlap)."""
    lo_a, hi_a = interval(a.value, a.upper, a.qualifier)
    lo_b, hi_b = interval(b.value, b.upper, b.qualifier)
    return lo_a <= hi_b and lo_b <= hi_a


def _key(row: _Row) -> tuple[str, ...]:
    place = place_key(row.fig.place)
    unit = unit_key(row.fig.unit)
    if not place:
        return row.fig.metric, "", unit, row.article_id, str(row.index)
    return row.fig.metric, place, unit


@dataclass
class _Value:
    report: FigureReport
    rows: list[_Row] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    who: set[str] = field(default_factory=set)

    def add(self, row: _Row) -> None:
        """Count `row` in: its article and attribution once, its evidence always."""
        self.rows.append(row)
        rep, f = self.report, row.fig
        if row.article_id not in self.ids:
            self.ids.add(row.article_id)
            rep.article_ids.append(row.article_id)
        if f.reported_by and f.reported_by not in self.who:
            self.who.add(f.reported_by)
            rep.reported_by.append(f.reported_by)
        rep.evidence.extend(sourced(row.article_id, f.evidence))


def _values(rows: list[_Row]) -> list[_Value]:
    """Distinct values of one track (by value, bounds, hedge and time), oldest first."""
    found: dict[tuple[object, ...], _Value] = {}
    for row in rows:
        f = row.fig
        key = (f.value, f.upper, f.qualifier, row.when)
        value = found.get(key)
        if value is None:
            report = FigureReport(
                value=f.value,
                upper=f.upper,
                qualifier=f.qualifier,
                value_text=f.value_text,
                when=row.when,
                relation="latest",
                article_ids=[],
            )
            value = found[key] = _Value(report)
        value.add(row)
    return sorted(found.values(), key=lambda v: (v.report.when or dt.date.min, v.rows[0].order))


def _time(value: _Value) -> dt.date:
    return value.report.when or dt.date.min


def _mains(values: list[_Value]) -> dict[dt.date, _Value]:
    """The main value of each time: the most reported, then the largest, then the first."""
    mains: dict[dt.date, _Value] = {}
    for value in values:
        best = mains.get(_time(value))
        rank = (len(value.report.article_ids), value.report.value)
        if best is None or rank > (len(best.report.article_ids), best.report.value):
            mains[_time(value)] = value
    return mains


def _relate(value: _Value, latest: _Value, main: _Value) -> None:
    rep, top = value.report, latest.report
    if value is latest:
        rep.relation = "latest"
    elif value is not main and value.ids <= main.ids:
        rep.relation = "same_source"  # a breakdown, or the toll before, beside the main value
    elif _time(value) < _time(latest):
        rep.relation = "earlier"
    else:
        rep.relation = "consistent" if compatible(rep, top) else "conflicting"


def _against(value: _Value, same_time: list[_Value]) -> list[_Value]:
    """The values at `value`'s time that contradict it, most reported first."""
    found = [
        other
        for other in same_time
        if other is not value
        and not other.ids <= value.ids
        and "conflicting" in (value.report.relation, other.report.relation)
        and not compatible(value.report, other.report)
    ]
    return sorted(found, key=lambda v: -len(v.ids))


def _conflicting(other: _Value, mine: _Value) -> ConflictingValue:
    rep = other.report
    return ConflictingValue(
        value=rep.value,
        upper=rep.upper,
        qualifier=rep.qualifier,
        value_text=rep.value_text,
        reported_by=rep.reported_by[:CONFLICT_SOURCES],
        article_count=len(other.ids),
        article_ids=list(
            islice((a for a in rep.article_ids if a not in mine.ids), CONFLICT_SOURCES)
        ),
    )


def _flags(track_id: str, values: list[_Value], latest: _Value) -> dict[tuple[str, int], RowFlag]:
    """Per reported figure: its track and the distinct values that contradict it at its time.

    One flag per distinct value, shared by every row that reports it: its size does not
    grow with the number of copies.
    """
    same_time = [v for v in values if v.report.when == latest.report.when]
    flags: dict[tuple[str, int], RowFlag] = {}
    for value in values:
        against = _against(value, same_time) if value.report.when == latest.report.when else []
        listed = tuple(_conflicting(v, value) for v in against[:CONFLICT_VALUES])
        flag = RowFlag(track_id, bool(against), listed)
        for row in value.rows:
            flags[(row.article_id, row.index)] = flag
    return flags


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")[:40] or "x"


def _track(track_id: str, rows: list[_Row]) -> tuple[FigureTrack, list[_Value], _Value]:
    """One track from its reports: distinct values, each related to the latest."""
    values = _values(rows)
    mains = _mains(values)
    latest = mains[max(mains)]
    for value in values:
        _relate(value, latest, mains[_time(value)])
    track = FigureTrack(
        id=track_id,
        metric=rows[0].fig.metric,
        place=next((r.fig.place for r in rows if r.fig.place), None),
        unit=next((r.fig.unit for r in rows if r.fig.unit), None),
        latest=latest.report,
        others=[v.report for v in values if v is not latest],
        conflict=any(v.report.relation == "conflicting" for v in values),
    )
    return track, values, latest


def _track_id(base: str, seen: dict[str, int], used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not used yet (a constant-length suffix)."""
    n = seen.get(base, 0)
    track_id = base
    while track_id in used:
        n += 1
        track_id = f"{base}-{n + 1}"
    seen[base] = n
    used.add(track_id)
    return track_id


def track_figures(
    story_id: str, entries: Iterable[ArticleEntry]
) -> tuple[list[FigureTrack], dict[tuple[str, int], RowFlag]]:
    """The figure tracks of one story's articles, and each reported figure's flag."""
    groups: dict[tuple[str, ...], list[_Row]] = {}
    for order, entry in ok_entries(entries):
        assert entry.briefing is not None
        for index, fig in enumerate(entry.briefing.figures):
            row = _Row(order, entry.id, index, entry.published, fig)
            groups.setdefault(_key(row), []).append(row)
    tracks: list[FigureTrack] = []
    flags: dict[tuple[str, int], RowFlag] = {}
    seen: dict[str, int] = {}
    used: set[str] = set()
    for rows in groups.values():
        first = rows[0].fig
        base = f"{story_id}-{first.metric}-{_slug(first.place or 'unplaced')}"
        track, values, latest = _track(_track_id(base, seen, used), rows)
        flags.update(_flags(track.id, values, latest))
        tracks.append(track)
    tracks.sort(key=lambda t: (METRICS.index(t.metric), -t.latest.value))
    return tracks, flags


def _entry(entry_id: str, fig: Figure, flag: RowFlag | None) -> FigureEntry:
    listed = flag.conflicts_with if flag else ()
    return FigureEntry(
        article_id=entry_id,
        evidence=sourced(entry_id, fig.evidence),
        conflict=flag.conflict if flag else False,
        conflicts_with=unique(a for v in listed for a in v.article_ids),
        conflicting_values=list(listed),
        track=flag.track if flag else None,
        **fig.model_dump(exclude={"evidence"}),
    )


def figure_rows(
    entries: list[ArticleEntry], flags: dict[tuple[str, int], RowFlag]
) -> list[FigureEntry]:
    """Every figure of every article as a flat row, with its track and conflict flags."""
    rows: list[tuple[str, str, int, FigureEntry]] = []
    for _, entry in ok_entries(entries):
        assert entry.briefing is not None
        for index, fig in enumerate(entry.briefing.figures):
            row = _entry(entry.id, fig, flags.get((entry.id, index)))
            rows.append((row.metric, place_key(row.place) or "\uffff", len(rows), row))
    rows.sort(key=lambda r: r[:3])
    return [r[3] for r in rows]


def merge_figures(entries: list[ArticleEntry]) -> list[FigureEntry]:
    """Every figure of every article, conflicts flagged, the whole day taken as one story."""
    return figure_rows(entries, track_figures("day", entries)[1])
