"""Story finding: the labelled dev day (gold annotations, no model) and small made-up days."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.daily.merge import assemble_daily, find_stories
from newsbrief.daily.models import ArticleEntry, DailyStats
from newsbrief.daily.stories import cluster_articles, outlet, summarise
from newsbrief.models import Party
from tests.conftest import SHARED
from tests.daily.gold_day import STORIES, gold_day, pairwise_scores
from tests.daily_helpers import briefing, entry, rafah_pair

STATS = DailyStats(
    articles_ok=0, articles_failed=0, model_calls=0, cache_hits=0, tokens=0, wall_s=0
)
QUAKE = (
    "A magnitude 6.4 earthquake struck off the coast of Puerto Rico on Tuesday, collapsing "
    "homes in Guanica and cutting power across the island, the US Geological Survey said."
)


@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="needs shared/dev gold")
def test_story_finding_on_the_labelled_dev_day() -> None:
    day = gold_day()
    ids = [e.id for e in day]
    assert set(STORIES) <= set(ids)
    groups = [[day[i].id for i in c.members] for c in cluster_articles(day)]
    precision, recall = pairwise_scores(ids, groups)
    print(
        f"story finding on {len(ids)} dev articles: precision {precision:.2f}, recall {recall:.2f}"
    )
    samoa = [g for g in groups if "11-samoa-measles-shutdown" in g][0]
    assert sorted(samoa) == sorted(k for k, v in STORIES.items() if v == "samoa-measles")
    assert precision == 1.0  # no unrelated articles merged: two London attacks stay apart
    assert recall >= 0.5  # 20/84 (June campaign round-up, October debate) share little text


def test_articles_about_one_event_are_one_story_and_others_stay_apart() -> None:
    a, b = rafah_pair()
    usgs = Party(name="US Geological Survey", kind="government")
    quake = entry("quake", QUAKE, briefing(QUAKE, "Earthquake hits Puerto Rico", parties=[usgs]))
    clusters = cluster_articles([a, quake, b])
    assert sorted(sorted(c.members) for c in clusters) == [[0, 2], [1]]
    assert clusters[0].terms  # the words the two Rafah articles share


def test_like_articles_months_apart_are_different_stories() -> None:
    a, b = rafah_pair()
    later = b.model_copy(update={"published": dt.date(2024, 7, 1)})
    assert sorted(sorted(c.members) for c in cluster_articles([a, later])) == [[0], [1]]


def test_like_articles_weeks_apart_or_undated_stay_one_story() -> None:
    a, b = rafah_pair()
    weeks = b.model_copy(update={"published": dt.date(2024, 4, 20)})
    undated = b.model_copy(update={"published": None})
    assert [sorted(c.members) for c in cluster_articles([a, weeks])] == [[0, 1]]
    assert [sorted(c.members) for c in cluster_articles([a, undated])] == [[0, 1]]


def test_a_story_carries_headline_summary_figures_meetings_and_sources() -> None:
    a, b = rafah_pair()
    day = assemble_daily(dt.date(2024, 3, 31), [a, b], STATS)
    [story] = day.stories
    assert story.id == "s1" and story.article_ids[0] == story.lead_article_id
    assert story.headline in ("A", "B")
    assert story.summary in ("Summary of A.", "Summary of B.")  # the other repeats it
    assert story.first_published == dt.date(2024, 3, 30)
    assert story.last_published == dt.date(2024, 3, 31)
    [track] = story.figures
    assert (track.latest.value, track.latest.value_text) == (35, "35")
    assert [(o.value_text, o.relation) for o in track.others] == [("At least 20", "earlier")]
    assert story.meeting_ids == [day.calendar[0].id]
    assert story.parties == ["Israel", "Hamas"]
    assert {f.track for f in day.figures} == {track.id}


def test_one_article_is_one_story_and_failures_are_left_out() -> None:
    a, _ = rafah_pair()
    failed = ArticleEntry(id="z", status="error", error="down")
    stories, _ = find_stories([a, failed])
    assert [s.article_ids for s in stories] == [["a"]]
    assert cluster_articles([]) == []


def test_summary_skips_datelines_and_repeats() -> None:
    def art(aid: str, summary: str) -> ArticleEntry:
        b = briefing("x", aid).model_copy(update={"summary": summary})
        return entry(aid, "x", b)

    text = summarise(
        [
            art("a", "Monday, January 28, 2019 Twin bombs struck the cathedral. Twenty died."),
            art("b", "Twin bombs struck the cathedral in Jolo. Police blamed Abu Sayyaf."),
        ]
    )
    assert text == "Twin bombs struck the cathedral. Twenty died."


def test_outlet_is_short() -> None:
    e = ArticleEntry(
        id="x",
        status="error",
        source="https://en.wikinews.org/wiki/X (text as scraped in github.com/y)",
    )
    assert outlet(e) == "en.wikinews.org"
    assert outlet(e.model_copy(update={"source": "Reuters"})) == "Reuters"
