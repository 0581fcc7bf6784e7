"""Scoring: one briefing against its gold annotation, and a set of them into a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from newsbrief.evaluate.gold import GoldAnnotation, GoldFigure, GoldMeeting
from newsbrief.evaluate.match import figure_score, greedy_match, meeting_score
from newsbrief.evaluate.names import best_name_score, tokens_agree
from newsbrief.evaluate.report import ArticleScore, EvalReport, Ratio, Score, add_up, median_wall
from newsbrief.evaluate.split import Split
from newsbrief.models import Briefing, Figure, Meeting

G = TypeVar("G")
P = TypeVar("P")

Pairs = list[tuple[int, int]]
Tally = tuple[Score, list[str], list[str]]
Scorable = tuple[str, Briefing, str, GoldAnnotation, float | None]


class FigureAccuracy(NamedTuple):
    """Shares of matched figures whose metric, place and reported_by are right."""

    metric: Ratio
    place: Ratio
    reported_by: Ratio


def _tally(pairs: Pairs, gold_labels: Sequence[str], pred_labels: Sequence[str]) -> Tally:
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    missed = [label for i, label in enumerate(gold_labels) if i not in matched_gold]
    spurious = [label for i, label in enumerate(pred_labels) if i not in matched_pred]
    return Score.of(len(pairs), len(spurious), len(missed)), missed, spurious


def _share(matched: Sequence[tuple[G, P]], right: Callable[[G, P], bool]) -> Ratio:
    return Ratio.of(sum(right(g, p) for g, p in matched), len(matched))


def grounding(briefing: Briefing, body: str) -> Ratio:
    """Share of all evidence items in ``briefing`` for which ``body[start:end] == quote``."""
    facts = [
        *briefing.parties,
        *briefing.people,
        *briefing.positions,
        *briefing.meetings,
        *briefing.figures,
        *briefing.sources,
    ]
    items = [item for fact in facts for item in fact.evidence]
    return Ratio.of(sum(body[e.start : e.end] == e.quote for e in items), len(items))


def score_article(
    name: str,
    briefing: Briefing,
    body: str,
    gold: GoldAnnotation,
    wall_s: float | None = None,
) -> ArticleScore:
    """Score one briefing against the gold annotation of its article.

    Args:
        name: Row label, usually the article's file stem.
        briefing: The predicted briefing.
        body: The article body the briefing's offsets refer to.
        gold: The gold annotation.
        wall_s: Wall time taken to make the briefing; defaults to ``meta.latency_s``.

    Returns:
        The article's scores.
    """
    row = ArticleScore(
        name=name,
        grounding=grounding(briefing, body),
        wall_s=briefing.meta.latency_s if wall_s is None else wall_s,
        tokens=briefing.meta.usage.total_tokens,
    )
    meetings, row.meeting_date, row.meeting_status = _score_meetings(
        body, gold.meetings, briefing.meetings
    )
    figures, accuracy = _score_figures(body, gold.figures, briefing.figures)
    row.figure_metric, row.figure_place, row.figure_reported_by = accuracy
    tallies = {
        "figures": figures,
        "meetings": meetings,
        "parties": _score_names(
            [p.name for p in gold.parties], [[p.name, *p.aliases] for p in briefing.parties]
        ),
        "people": _score_names([p.name for p in gold.people], [[p.name] for p in briefing.people]),
    }
    for kind, (score, missed, spurious) in tallies.items():
        setattr(row, kind, score)
        if missed:
            row.missed[kind] = missed
        if spurious:
            row.spurious[kind] = spurious
    return row


def _score_meetings(
    body: str, gold: Sequence[GoldMeeting], pred: Sequence[Meeting]
) -> tuple[Tally, Ratio, Ratio]:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: meeting_score(body, gold[g], pred[p]))
    tally = _tally(
        pairs,
        [f"{m.when_text or '?'}: {m.quote}" for m in gold],
        [m.evidence[0].quote if m.evidence else str(m.date_text) for m in pred],
    )
    matched = [(gold[g], pred[p]) for g, p in pairs]
    dated = [(g, p) for g, p in matched if g.when is not None]
    date = _share(dated, lambda g, p: p.date == g.when)
    status = _share(matched, lambda g, p: g.status == p.status)
    return tally, date, status


def _score_figures(
    body: str, gold: Sequence[GoldFigure], pred: Sequence[Figure]
) -> tuple[Tally, FigureAccuracy]:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: figure_score(body, gold[g], pred[p]))
    tally = _tally(
        pairs,
        [f"{g.value:g} ({g.value_text})" for g in gold],
        [f"{p.value:g} ({p.value_text})" for p in pred],
    )
    matched = [(gold[g], pred[p]) for g, p in pairs]
    return tally, FigureAccuracy(
        metric=_share(matched, lambda g, p: g.metric == p.metric),
        place=_share(matched, lambda g, p: tokens_agree(g.place, p.place)),
        reported_by=_share(matched, lambda g, p: tokens_agree(g.reported_by, p.reported_by)),
    )


def _score_names(gold: Sequence[str], pred: Sequence[Sequence[str]]) -> Tally:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: best_name_score(gold[g], pred[p]))
    return _tally(pairs, list(gold), [names[0] for names in pred])


def evaluate(pairs: Iterable[Scorable], *, split: Split | None = None) -> EvalReport:
    """Score briefings against gold and micro-average the totals.

    Args:
        pairs: ``(name, briefing, body, gold, wall_s)`` tuples; ``wall_s`` may be None to use
            the briefing's ``meta.latency_s``.
        split: Parts of the set; each gets a totals row of its own articles, and the whole's
            row is called "whole". An article in no part counts only in the whole.

    Returns:
        A report with one row per article, one totals row per part and the whole's totals.
    """
    rows = [score_article(*item) for item in pairs]
    parts: list[ArticleScore] = []
    if split is not None:
        for row in rows:
            row.part = split.part_of(row.name)
        parts = [add_up(part, [r for r in rows if r.part == part]) for part in split.parts]
    whole = add_up("total" if split is None else "whole", rows)
    return EvalReport(articles=rows, parts=parts, totals=whole, median_wall_s=median_wall(rows))
