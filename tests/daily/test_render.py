"""Markdown and HTML rendering: escaping, evidence marks, and the page in headless Chromium."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsbrief.daily.models import ArticleEntry, DailyBriefing
from newsbrief.daily.render import briefing_markdown, daily_html, daily_markdown, highlight
from newsbrief.daily.run import build_daily
from newsbrief.models import ArticleInfo, Figure, Party
from tests.daily_helpers import BODY_A, briefing, entry, ev, rafah_pair

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EVIL = '<script>alert("x")</script><img src=https://evil.example/p.png>'


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
    a, b = rafah_pair()
    body = f"Attack report {EVIL} ends here."
    hostile = briefing(
        body,
        title=EVIL,
        parties=[Party(name=EVIL, kind="other", evidence=ev(body, EVIL))],
    )
    c = entry("evil", body, hostile)
    c = c.model_copy(update={"title": EVIL, "url": "https://evil.example/a"})
    failed = ArticleEntry(id="down", status="error", error="ModelCallError: <b>503</b>")
    return build_daily(dt.date(2024, 3, 30), [a, b, c, failed])


def test_briefing_markdown_lists_facts_and_escapes() -> None:
    a, _ = rafah_pair()
    assert a.briefing is not None
    md = briefing_markdown(a.briefing)
    assert md.startswith("# A\n")
    assert "## Meetings" in md and "## Figures" in md
    assert "| killed | ≥20 | At least 20 |" in md
    hostile = briefing("x", title="a|b <i>x</i>")
    hostile = hostile.model_copy(update={"article": ArticleInfo(title="a|b <i>x</i>")})
    assert "# a\\|b \\<i\\>x\\</i\\>" in briefing_markdown(hostile)


def test_daily_markdown_has_calendar_figures_and_failures() -> None:
    md = daily_markdown(sample_day())
    assert "## Calendar" in md
    assert md.count("| 2024-04-01 |") == 1
    assert "conflicts with b" in md and "conflicts with a" in md
    assert "**Failed:** ModelCallError: \\<b\\>503\\</b\\>" in md
    assert "<script>" not in md


def test_highlight_escapes_and_marks_overlapping_spans() -> None:
    body = "a <b> c d"
    out = highlight(body, [(2, 5, "parties"), (4, 7, "figures")])
    assert out == (
        'a <mark class="parties" title="parties">&lt;b</mark>'
        '<mark class="figures parties" title="figures, parties">&gt;</mark>'
        '<mark class="figures" title="figures"> c</mark> d'
    )


def test_html_escapes_untrusted_text_and_marks_evidence() -> None:
    page = daily_html(sample_day())
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    tags = parse(page)
    assert "script" not in tags.tags and "img" not in tags.tags
    assert tags.urls and all(u.startswith("#") for u in tags.urls), tags.urls
    assert page.count('class="calendar-row"') == 1
    assert page.count('<tr class="figure-row conflict">') == 2
    assert "⚠ conflict" in page
    assert "<mark" in page
    quote = "At least 20 people were killed in Rafah"
    assert f'title="figures">{quote}</mark>' in page
    assert BODY_A.index(quote) >= 0


def test_marks_are_skipped_when_offsets_do_not_hold_the_quote() -> None:
    body = "Some body text."
    bad = briefing(body, figures=[Figure(metric="killed", value=3, value_text="3")])
    bad.figures[0].evidence = ev("xxxxx Some", "Some")  # offsets for another text
    day = build_daily(dt.date(2024, 3, 30), [entry("x", body, bad)])
    assert "<mark" not in daily_html(day)


def _dump_dom(page: Path, profile: Path) -> str:
    assert CHROMIUM is not None
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_html_page_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "2024-03-30.html"
    page.write_text(daily_html(sample_day()), encoding="utf-8")
    dom = _dump_dom(page, tmp_path / "profile")
    assert "<table" in dom, dom[:500]
    assert len(re.findall(r'<tr class="calendar-row">', dom)) == 1
    assert len(re.findall(r"<mark\b", dom)) >= 5
    assert len(re.findall(r'<tr class="figure-row conflict">', dom)) == 2
    tags = parse(dom)
    assert "script" not in tags.tags and "img" not in tags.tags, "article text must stay text"
    assert tags.urls, "links between the tables and the articles are expected"
    assert all(u.startswith("#") for u in tags.urls), "no network asset: " + repr(tags.urls)
