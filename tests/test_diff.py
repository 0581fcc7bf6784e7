"""Tests for newsbrief.diff: key-aligned, field-level briefing differences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsbrief.diff import Change, diff_briefings, render_changes
from newsbrief.models import (
    ArticleInfo,
    Briefing,
    Evidence,
    Figure,
    Meeting,
    Meta,
    Party,
    Person,
    Position,
    PromptRef,
    Source,
    Usage,
)


def meta(model: str = "m", tokens: int = 0) -> Meta:
    return Meta(
        model=model,
        backend="openai",
        strategy="whole",
        prompt=PromptRef(name="briefing", version="v1", hash="0" * 16),
        usage=Usage(total_tokens=tokens),
    )


def fig(value: float, text: str, quote: str | None = None, metric: str = "killed") -> Figure:
    evidence = [Evidence(quote=quote, start=0, end=len(quote))] if quote else []
    return Figure.model_validate(
        {"metric": metric, "value": value, "value_text": text, "evidence": evidence}
    )


def base(**overrides: Any) -> Briefing:
    fields: dict[str, Any] = {
        "article": ArticleInfo(title="T", published=dt.date(2024, 3, 30)),
        "summary": "A summary.",
        "parties": [Party(name="Israel", kind="state"), Party(name="Hamas", kind="armed_group")],
        "people": [Person(name="Joe Biden", role="President")],
        "positions": [Position(holder="Israel", topic="Rafah", stance="will attack")],
        "meetings": [
            Meeting(date_text="on Monday", status="planned", date=dt.date(2024, 4, 1)),
        ],
        "figures": [fig(20, "at least 20", "at least 20 killed"), fig(5, "five", "five hurt")],
        "sources": [Source(name="AFP", kind="news_agency")],
        "meta": meta(),
    }
    fields.update(overrides)
    return Briefing(**fields)


def test_identical_briefings_have_no_changes() -> None:
    assert diff_briefings(base(), base()) == []
    assert render_changes([]) == "no differences\n"


def test_meta_is_ignored() -> None:
    assert diff_briefings(base(), base(meta=meta(model="other", tokens=99))) == []


def test_inserted_figure_is_one_added() -> None:
    a = base()
    b = base(figures=[fig(300, "300 families", "300 families"), *a.figures])
    changes = diff_briefings(a, b)
    assert len(changes) == 1
    assert changes[0].path == "figures[0]" and changes[0].kind == "added"
    assert changes[0].new["value"] == 300 and changes[0].old is None


def test_removed_party_is_one_removed() -> None:
    a = base()
    b = base(parties=[a.parties[1]])
    assert diff_briefings(a, b) == [
        Change(path="parties[0]", kind="removed", old=a.parties[0].model_dump(mode="json"))
    ]


def test_changed_field_in_aligned_item() -> None:
    a = base()
    b = base(parties=[a.parties[1], Party(name="israel", kind="government")])
    assert diff_briefings(a, b) == [
        Change(path="parties[1].name", kind="changed", old="Israel", new="israel"),
        Change(path="parties[1].kind", kind="changed", old="state", new="government"),
    ]


def test_figure_value_change_with_same_evidence_is_changed() -> None:
    a = base()
    b = base(figures=[fig(21, "at least 21", "at least 20 killed"), a.figures[1]])
    changes = diff_briefings(a, b)
    assert [(c.path, c.kind, c.old, c.new) for c in changes] == [
        ("figures[0].value", "changed", 20.0, 21.0),
        ("figures[0].value_text", "changed", "at least 20", "at least 21"),
    ]


def test_meeting_status_change_paired_by_evidence() -> None:
    ev = [Evidence(quote="will meet on Monday", start=3, end=22)]
    a = base(meetings=[Meeting(date_text="on Monday", status="planned", evidence=ev)])
    b = base(meetings=[Meeting(date_text="on Monday", status="held", evidence=ev)])
    assert diff_briefings(a, b) == [
        Change(path="meetings[0].status", kind="changed", old="planned", new="held")
    ]


def test_meeting_without_date_text_keyed_by_quote() -> None:
    ev = [Evidence(quote="talks in Cairo", start=0, end=14)]
    a = base(meetings=[Meeting(status="planned", evidence=ev)])
    b = base(meetings=[Meeting(status="planned", location="Cairo", evidence=ev)])
    assert diff_briefings(a, b) == [
        Change(path="meetings[0].location", kind="changed", old=None, new="Cairo")
    ]


def test_evidence_aligned_by_quote_and_scalars_compared() -> None:
    a = base()
    extra = Evidence(quote="the Israeli state", start=10, end=27)
    b = base(
        parties=[Party(name="Israel", kind="state", aliases=["IL"], evidence=[extra]), a.parties[1]]
    )
    changes = diff_briefings(a, b)
    assert sorted((c.path, c.kind) for c in changes) == [
        ("parties[0].aliases", "changed"),
        ("parties[0].evidence[0]", "added"),
    ]
    aliases = next(c for c in changes if c.path == "parties[0].aliases")
    assert aliases.old == [] and aliases.new == ["IL"]


def test_summary_article_people_positions_sources() -> None:
    a = base()
    b = base(
        summary="Another summary.",
        article=ArticleInfo(title="T", published=dt.date(2024, 3, 31)),
        people=[Person(name="Joe Biden", role="U.S. President")],
        positions=[Position(holder="Israel", topic="Rafah", stance="will attack alone")],
        sources=[Source(name="AFP", kind="news_agency"), Source(name="Axios", kind="outlet")],
    )
    paths = [(c.path, c.kind) for c in diff_briefings(a, b)]
    assert paths == [
        ("article.published", "changed"),
        ("summary", "changed"),
        ("people[0].role", "changed"),
        ("positions[0].stance", "changed"),
        ("sources[1]", "added"),
    ]


def test_duplicate_keys_pair_in_order() -> None:
    a = base(figures=[fig(2, "two"), fig(2, "two")])
    b = base(figures=[fig(2, "two"), fig(2, "two"), fig(2, "two")])
    changes = diff_briefings(a, b)
    assert [(c.path, c.kind) for c in changes] == [("figures[2]", "added")]


def test_render_changes() -> None:
    a = base()
    b = base(
        summary="x" * 300,
        parties=[a.parties[1]],
        figures=[*a.figures, fig(7, "seven", "seven missing", metric="missing")],
    )
    text = render_changes(diff_briefings(a, b), limit=60)
    lines = text.splitlines()
    assert lines[0].startswith('~ summary: "A summary." -> "xxx')
    assert lines[0].endswith("…")
    assert lines[1].startswith('- parties[0]: {"name": "Israel"')
    assert lines[2].startswith('+ figures[2]: {"metric": "missing", "value": 7')
    assert text.endswith("\n") and len(lines) == 3
