"""A day of briefings built from the dev set's gold annotations (no model), with story labels.

The labels say which dev articles report one story: the two Samoa measles articles (the
shutdown for a vaccination drive, then the end of the state of emergency) and the two US
campaign articles (June's campaign trail, then October's cancelled debate). Every other
article is a story of its own, among them near misses: two London knife attacks, two COVID
reports, several Trump stories.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from newsbrief.daily.models import ArticleEntry
from newsbrief.evaluate.gold import GoldAnnotation, load_gold
from newsbrief.models import (
    MEETING_FORMATS,
    MEETING_STATUSES,
    METRICS,
    PARTY_KINDS,
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
)
from newsbrief.text.article import read_article
from newsbrief.text.sentences import sentence_spans
from tests.conftest import SHARED

DEV = SHARED / "dev"
STORIES: dict[str, str] = {
    "11-samoa-measles-shutdown": "samoa-measles",
    "60-samoan-government-ends-state-of-emergency-over-m": "samoa-measles",
    "20-us-debate-cancelled": "us-campaign",
    "84-on-the-campaign-trail-in-the-usa-june-2020": "us-campaign",
}
_HEDGES = [
    (r"\b(at least|no fewer than)\b", "at_least"),
    (r"\b(more than|over|above)\b", "more_than"),
    (r"\b(about|around|roughly|approximately|nearly|almost)\b", "approximately"),
    (r"\bup to\b", "up_to"),
]


def _ev(body: str, quote: str | None) -> list[dict[str, object]]:
    if not quote or quote not in body:
        return []
    start = body.index(quote)
    return [Evidence(quote=quote, start=start, end=start + len(quote)).model_dump()]


def _pick(value: str | None, allowed: Sequence[str], default: str) -> str:
    return value if value in allowed else default


def _qualifier(text: str) -> str:
    return next((q for pattern, q in _HEDGES if re.search(pattern, text, re.I)), "exact")


def _facts(body: str, gold: GoldAnnotation) -> dict[str, list[object]]:
    return {
        "parties": [
            Party.model_validate(
                {
                    "name": p.name,
                    "kind": _pick(p.kind, PARTY_KINDS, "other"),
                    "evidence": _ev(body, p.name),
                }
            )
            for p in gold.parties
        ],
        "people": [
            Person(name=p.name, role=p.role, evidence=[Evidence(**e) for e in _ev(body, p.name)])
            for p in gold.people
        ],
        "positions": [
            Position.model_validate(
                {
                    "holder": p.holder,
                    "topic": " ".join(p.stance.split()[:4]),
                    "stance": p.stance,
                    "evidence": _ev(body, p.quote),
                }
            )
            for p in gold.positions
        ],
        "meetings": [
            Meeting.model_validate(
                {
                    "participants": m.participants,
                    "date": m.when,
                    "date_text": m.when_text,
                    "date_precision": "day" if m.when else "unknown",
                    "format": _pick(m.format, MEETING_FORMATS, "unknown"),
                    "status": _pick(m.status, MEETING_STATUSES, "planned"),
                    "location": m.where,
                    "evidence": _ev(body, m.quote),
                }
            )
            for m in gold.meetings
        ],
        "figures": [
            Figure.model_validate(
                {
                    "metric": _pick(f.metric, METRICS, "other"),
                    "value": f.value,
                    "value_text": f.value_text or str(f.value),
                    "qualifier": _qualifier(f.value_text),
                    "place": f.place,
                    "reported_by": f.reported_by,
                    "evidence": _ev(body, f.quote),
                }
            )
            for f in gold.figures
        ],
        "sources": [Source(name=name, kind="other") for name in gold.sources_cited],
    }


def gold_entry(article_path: Path, gold_path: Path) -> ArticleEntry:
    """One dev article as a briefed entry: gold facts, the body's first two sentences."""
    art = read_article(article_path)
    lead = " ".join(art.body[s:e] for s, e in sentence_spans(art.body)[:2])
    briefing = Briefing.model_validate(
        {
            "article": ArticleInfo(
                title=art.title, source=art.source, url=art.url, published=art.published
            ),
            "summary": lead,
            "meta": Meta(
                model="gold",
                backend="none",
                strategy="gold",
                prompt=PromptRef(name="gold", version="v0", hash="0" * 16),
            ),
            **_facts(art.body, load_gold(gold_path)),
        }
    )
    return ArticleEntry(
        id=article_path.stem,
        title=art.title,
        url=art.url,
        source=art.source,
        published=art.published,
        status="ok",
        briefing=briefing,
        body=art.body,
    )


def gold_day() -> list[ArticleEntry]:
    """Every dev article that has a gold file, as briefed entries, in file order."""
    return [
        gold_entry(path, DEV / "gold" / f"{path.stem}.json")
        for path in sorted((DEV / "articles").glob("*.txt"))
        if (DEV / "gold" / f"{path.stem}.json").is_file()
    ]


def pairwise_scores(ids: Sequence[str], predicted: Sequence[Sequence[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted groups against `STORIES` (1.0 when empty)."""
    label = {aid: STORIES.get(aid, aid) for aid in ids}
    truth = {frozenset(p) for p in itertools.combinations(ids, 2) if label[p[0]] == label[p[1]]}
    found = {frozenset(p) for group in predicted for p in itertools.combinations(group, 2)}
    hits = len(truth & found)
    return hits / len(found) if found else 1.0, hits / len(truth) if truth else 1.0
