"""Markdown and HTML pages: stories, agenda, labels, evidence, escaping, headless Chromium."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from newsbrief.daily import labels
from newsbrief.daily.labels import meeting_when, precision_note
from newsbrief.daily.merge import with_views
from newsbrief.daily.models import ArticleEntry, CalendarEntry, DailyBriefing, FigureTrack
from newsbrief.daily.render import briefing_markdown, daily_html, daily_markdown, highlight
from newsbrief.daily.run import build_daily
from newsbrief.models import ArticleInfo, Figure, Party, Person, Position
from tests.daily_helpers import BODY_A, BODY_B, briefing, entry, ev, rafah_pair
from tests.paths import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFACTS = ROOT / "build" / "test-artefacts"
EVIL = '<script>alert("x")</script><img src=https://evil.example/p.png>'
DAY = dt.date(2024, 3, 30)


class _Tags(HTMLParser):
    """Collects the tags and the URL-bearing attributes of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action", "srcset")]


def parse(doc: str) -> _Tags:
    tags = _Tags()
    tags.feed(doc)
    return tags


def sample_day() -> DailyBriefing:
    """Two Rafah reports of one day that disagree (20+ vs 15), a hostile one, a failure."""
    a, b = rafah_pair()
    assert a.briefing is not None and b.briefing is not None
    people = [
        Person(name="Benjamin Netanyahu", role="Prime Minister", evidence=ev(BODY_A, "Israel"))
    ]
    stance = "Rafah operation will go ahead"
    positions = [
        Position(
            holder="Israel",
            topic="Rafah",
            stance=stance,
            evidence=ev(BODY_A, "Israel and Hamas traded accusations"),
        )
    ]
    a = a.model_copy(
        update={
            "briefing": a.briefing.model_copy(update={"people": people, "positions": positions})
        }
    )
    fifteen = Figure(
        metric="killed",
        value=15,
        value_text="15",
        place="Rafah",
        unit="people",
        evidence=ev(BODY_B, "35 people were killed in Rafah"),
    )
    b = b.model_copy(
        update={"published": DAY, "briefing": b.briefing.model_copy(update={"figures": [fifteen]})}
    )
    body = f"Attack report {EVIL} ends here."
    hostile = briefing(
        body, title=EVIL, parties=[Party(name=EVIL, kind="other", evidence=ev(body, EVIL))]
    )
    c = entry("evil", body, hostile).model_copy(
        update={"title": EVIL, "url": "https://evil.example/a"}
    )
    failed = ArticleEntry(id="down", status="error", error="ModelCallError: <b>503</b>")
    return with_views(build_daily(DAY, [a, b, c, failed]))


def test_briefing_markdown_lists_facts_and_escapes() -> None:
    a, _ = rafah_pair()
    assert a.briefing is not None
    md = briefing_markdown(a.briefing)
    assert md.startswith("# A\n")
    assert "## Meetings" in md and "## Figures" in md
    assert "| killed | at least 20 | At least 20 |" in md
    hostile = briefing("x", title="a|b <i>x</i>")
    hostile = hostile.model_copy(update={"article": ArticleInfo(title="a|b <i>x</i>")})
    assert "# a\\|b \\<i\\>x\\</i\\>" in briefing_markdown(hostile)


def test_daily_markdown_reads_as_stories_and_renders_safely() -> None:
    md = daily_markdown(sample_day())
    assert md.startswith("# Daily briefing — Saturday 30 March 2024\n")
    for heading in ("## Contents", "## What is coming", "## Stories", "## Parties", "## Articles"):
        assert heading in md
    assert "| Mon 1 Apr 2024 | exact day | United States, Israel |" in md
    assert "in_person" not in md and "at_least" not in md
    assert "| Unit |" in md and "| people |" in md
    assert "sources disagree" in md
    assert "> “At least 20 people were killed in Rafah” — a" in md  # evidence
    assert "**Benjamin Netanyahu** — Prime Minister" in md
    assert "**Israel** on Rafah: Rafah operation will go ahead" in md
    assert "**Failed:** ModelCallError: \\<b\\>503\\</b\\>" in md
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    tags = parse(page)
    assert "script" not in tags.tags and "img" not in tags.tags and "b" not in tags.tags
    assert tags.tags.count("table") >= 3 and tags.tags.count("h3") >= 4
    assert "&lt;script&gt;" in page


def test_highlight_escapes_and_marks_overlapping_spans() -> None:
    body = "a <b> c d"
    out = highlight(body, [(2, 5, "parties"), (4, 7, "figures")])
    assert out == (
        'a <mark class="parties" title="parties">&lt;b</mark>'
        '<mark class="figures parties" title="figures, parties">&gt;</mark>'
        '<mark class="figures" title="figures"> c</mark> d'
    )


def test_html_page_is_built_around_stories() -> None:
    day = sample_day()
    page = daily_html(day)
    assert "<title>Daily briefing 2024-03-30</title>" in page
    assert "Daily briefing — Saturday 30 March 2024" in page
    [rafah] = [s for s in day.stories if "a" in s.article_ids]
    assert rafah.article_ids in (["a", "b"], ["b", "a"])
    assert f'<a href="#{rafah.id}">' in page and f'<section class="story" id="{rafah.id}">' in page
    assert page.count('<tr class="figure-row conflict"') == 1
    assert "⚠ sources disagree" in page
    assert '<svg class="chart"' in page and "disagrees" in page
    assert 'class="legend"' in page and "Who: parties and people" in page
    assert "virtual" in page and "in_person" not in page
    assert "Benjamin Netanyahu" in page and "Rafah operation will go ahead" in page
    assert page.count("https://evil.example/a") == 1  # the URL once, as text


def test_html_escapes_untrusted_text_and_links_only_in_page() -> None:
    page = daily_html(sample_day())
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    tags = parse(page)
    assert "script" not in tags.tags and "img" not in tags.tags
    assert tags.urls and all(u.startswith("#") for u in tags.urls), tags.urls
    assert "<mark" in page
    quote = "At least 20 people were killed in Rafah"
    assert f'title="figures">{quote}</mark>' in page


def test_marks_are_skipped_when_offsets_do_not_hold_the_quote() -> None:
    body = "Some body text."
    bad = briefing(body, figures=[Figure(metric="killed", value=3, value_text="3")])
    bad.figures[0].evidence = ev("xxxxx Some", "Some")  # offsets for another text
    day = build_daily(DAY, [entry("x", body, bad)])
    assert "<mark" not in daily_html(day).split('<h2 id="articles">')[1].split("</p>", 1)[1]


def test_pages_of_an_older_file_without_stories_still_have_them() -> None:
    day = sample_day().model_copy(update={"stories": []})
    assert '<section class="story"' in daily_html(day)
    assert "## Stories" in daily_markdown(day) and "### " in daily_markdown(day)


def _chromium(page: Path, profile: Path, *args: str) -> str:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_html_page_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "2024-03-30.html"
    page.write_text(daily_html(sample_day()), encoding="utf-8")
    dom = _chromium(page, tmp_path / "profile", "--dump-dom")
    assert "<table" in dom, dom[:500]
    assert len(re.findall(r'<section class="story"', dom)) == 2
    assert len(re.findall(r"<mark\b", dom)) >= 5
    assert len(re.findall(r'<tr class="figure-row conflict"', dom)) == 1
    assert "<svg" in dom and "<rect" in dom
    tags = parse(dom)
    assert "script" not in tags.tags and "img" not in tags.tags, "article text must stay text"
    assert tags.urls and all(u.startswith("#") for u in tags.urls), "no network asset"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "daily-page.png"
    _chromium(page, tmp_path / "profile", "--window-size=1280,2400", f"--screenshot={shot}")
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("date", "date_text", "precision", "when", "note"),
    [
        (None, None, "unknown", "date not set", ""),  # said once, not twice
        (None, "next week", "week", "next week", "week only"),
        (dt.date(2024, 4, 1), "on Monday", "day", "Mon 1 Apr 2024", "exact day"),
    ],
)
def test_an_agenda_row_says_once_that_a_meeting_has_no_date(
    date: dt.date | None, date_text: str | None, precision: str, when: str, note: str
) -> None:
    row = CalendarEntry.model_validate(
        {
            "date": date,
            "date_text": date_text,
            "date_precision": precision,
            "participants": [],
            "status": "planned",
            "article_ids": ["a"],
        }
    )
    assert (meeting_when(row), precision_note(row)) == (when, note)


@pytest.mark.parametrize(
    ("place", "title"),
    [("Samoa", "Killed in Samoa"), ("worldwide", "Killed worldwide"), (None, "Killed")],
)
def test_a_figure_told_for_the_whole_world_is_not_in_worldwide(
    place: str | None, title: str
) -> None:
    track = FigureTrack.model_construct(metric="killed", place=place, unit=None)
    assert labels.track_title(track) == title
