"""Merge the briefings of one day: stories, parties, a calendar and agenda, figures.

Pure functions over `ArticleEntry` lists; nothing here calls a model or touches a file.
`assemble_daily` builds every merged view of a `DailyBriefing` at once; the calendar lives
in `calendar`, figure tracks in `figures`, story finding in `stories`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from newsbrief.daily.calendar import (
    JACCARD_SAME_MEETING,
    jaccard,
    merge_calendar,
    ok_entries,
    same_meeting,
    split_agenda,
)
from newsbrief.daily.figures import RowFlag, figure_rows, merge_figures, track_figures
from newsbrief.daily.keys import party_key, unique
from newsbrief.daily.models import (
    ArticleEntry,
    CalendarEntry,
    Coverage,
    DailyBriefing,
    DailyStats,
    PartyEntry,
    Story,
)
from newsbrief.daily.stories import DayViews, build_story, cluster_articles
from newsbrief.models import Party

__all__ = [
    "JACCARD_SAME_MEETING",
    "assemble_daily",
    "find_stories",
    "jaccard",
    "merge_calendar",
    "merge_figures",
    "merge_parties",
    "same_meeting",
    "with_views",
]


def merge_parties(entries: list[ArticleEntry]) -> list[PartyEntry]:
    """Merge parties across articles by any of their names, most named first.

    Names are compared by `party_key`: 'U.N. Security Council' and 'United Nations
    Security Council', 'WHO' and 'World Health Organisation' are one party, named by the
    longest form any article writes.
    """
    groups: list[list[tuple[str, Party]]] = []
    index: dict[str, int] = {}
    for _, entry in ok_entries(entries):
        assert entry.briefing is not None
        for party in entry.briefing.parties:
            keys = {party_key(n) for n in [party.name, *party.aliases] if n.strip()}
            hit = next((index[k] for k in sorted(keys) if k in index), None)
            if hit is None:
                hit = len(groups)
                groups.append([])
            groups[hit].append((entry.id, party))
            for key in keys:
                index.setdefault(key, hit)
    merged = [_party_entry(group) for group in groups]
    return sorted(merged, key=lambda p: (-len(p.article_ids), -p.mention_count, p.name.casefold()))


def _party_entry(group: list[tuple[str, Party]]) -> PartyEntry:
    kinds = Counter(p.kind for _, p in group)
    names = unique(n for _, p in group for n in [p.name, *p.aliases])
    written = Counter(p.name for _, p in group)
    # the most written name, the longer form on a tie ('United Nations' over 'U.N.')
    name = max(names, key=lambda n: (written[n], len(n) if " " in n else 0, -names.index(n)))
    return PartyEntry(
        name=name,
        kind=kinds.most_common(1)[0][0],
        aliases=[n for n in names if n.casefold() != name.casefold()],
        mention_count=sum(max(1, len(p.evidence)) for _, p in group),
        article_ids=unique(aid for aid, _ in group),
    )


def find_stories(
    entries: list[ArticleEntry],
    calendar: list[CalendarEntry] | None = None,
    parties: list[PartyEntry] | None = None,
) -> tuple[list[Story], dict[tuple[str, int], RowFlag]]:
    """The day's stories, and each reported figure's track and conflict flag.

    Args:
        entries: The day's entries (failed ones are left out).
        calendar: The day's merged calendar (`merge_calendar`), computed when None.
        parties: The day's merged parties (`merge_parties`), computed when None.
    """
    ok = [entry for _, entry in ok_entries(entries)]
    calendar = merge_calendar(entries) if calendar is None else calendar
    parties = merge_parties(entries) if parties is None else parties
    views = DayViews.of(calendar, parties)
    stories: list[Story] = []
    flags: dict[tuple[str, int], RowFlag] = {}
    for n, cluster in enumerate(cluster_articles(ok), 1):
        story_id = f"s{n}"
        articles = [ok[i] for i in cluster.members]
        tracks, story_flags = track_figures(story_id, articles)
        flags.update(story_flags)
        stories.append(build_story(story_id, cluster, articles, figures=tracks, views=views))
    return stories, flags


def assemble_daily(
    day: dt.date,
    entries: list[ArticleEntry],
    stats: DailyStats,
    coverage: Coverage | None = None,
) -> DailyBriefing:
    """The day's briefing: entries in input order plus every merged view.

    Args:
        day: The day briefed (it titles the pages and splits the agenda).
        entries: Every input's entry, failed ones included.
        stats: Counts and costs of the run.
        coverage: How the articles were selected (`select_day(...).coverage`), if they were.
    """
    calendar = merge_calendar(entries, day)
    parties = merge_parties(entries)
    stories, flags = find_stories(entries, calendar, parties)
    return DailyBriefing(
        date=day,
        articles=entries,
        parties=parties,
        calendar=calendar,
        figures=figure_rows(entries, flags),
        stories=stories,
        agenda=split_agenda(calendar),
        coverage=coverage,
        stats=stats,
    )


def with_views(daily: DailyBriefing) -> DailyBriefing:
    """`daily` with its stories and agenda, computed when it has none (an older file)."""
    if daily.stories or not any(e.status == "ok" for e in daily.articles):
        return daily
    return assemble_daily(daily.date, daily.articles, daily.stats, daily.coverage)
