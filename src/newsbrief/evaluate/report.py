"""The report's models: counts and ratios per kind of fact, per article, per part and whole."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from pydantic import BaseModel, Field


class Score(BaseModel):
    """Counts and ratios for one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 1.0
    recall: float = 1.0
    f1: float = 1.0

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> Score:
        """Build a score from its counts (see the package docstring for empty cases)."""
        precision = _safe_ratio(tp, tp + fp, fp + fn == 0)
        recall = _safe_ratio(tp, tp + fn, fp + fn == 0)
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)

    @property
    def empty(self) -> bool:
        """True when nothing was scored: no gold item and no prediction."""
        return self.tp + self.fp + self.fn == 0

    def __add__(self, other: Score) -> Score:
        return Score.of(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _safe_ratio(numerator: int, denominator: int, both_empty: bool) -> float:
    if denominator:
        return numerator / denominator
    return 1.0 if both_empty else 0.0


class Ratio(BaseModel):
    """A share of items that were right; ``rate`` is null when there were none."""

    correct: int = 0
    total: int = 0
    rate: float | None = None

    @classmethod
    def of(cls, correct: int, total: int) -> Ratio:
        """Build a ratio from its counts."""
        return cls(correct=correct, total=total, rate=correct / total if total else None)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio.of(self.correct + other.correct, self.total + other.total)


class ArticleScore(BaseModel):
    """Scores of one article, or (in ``EvalReport.parts`` and ``totals``) of a set of them."""

    name: str
    part: str | None = Field(
        default=None, description="The split part the article is in; null: no split, or none."
    )
    figures: Score = Field(default_factory=Score)
    meetings: Score = Field(default_factory=Score)
    parties: Score = Field(default_factory=Score)
    people: Score = Field(default_factory=Score)
    meeting_date: Ratio = Field(default_factory=Ratio)
    meeting_status: Ratio = Field(default_factory=Ratio)
    figure_metric: Ratio = Field(
        default_factory=Ratio, description="Matched figures whose metric equals gold's."
    )
    figure_place: Ratio = Field(
        default_factory=Ratio, description="Matched figures whose place agrees with gold's."
    )
    figure_reported_by: Ratio = Field(
        default_factory=Ratio, description="Matched figures whose reported_by agrees with gold's."
    )
    grounding: Ratio = Field(default_factory=Ratio)
    wall_s: float | None = None
    tokens: int = 0
    error: str | None = Field(
        default=None, description="Why the article could not be briefed (scored as empty)."
    )
    missed: dict[str, list[str]] = Field(
        default_factory=dict, description="Gold items not found (false negatives), by kind."
    )
    spurious: dict[str, list[str]] = Field(
        default_factory=dict, description="Predicted items not in gold (false positives), by kind."
    )


class EvalReport(BaseModel):
    """Per-article rows, micro-averaged totals per split part, and the whole's totals."""

    articles: list[ArticleScore] = Field(default_factory=list)
    parts: list[ArticleScore] = Field(
        default_factory=list,
        description="One totals row per split part, in the split file's order; empty: no split.",
    )
    totals: ArticleScore = Field(
        default_factory=lambda: ArticleScore(name="total"),
        description='The whole: every article ("whole" with a split, else "total").',
    )
    median_wall_s: float | None = None


def add_up(name: str, rows: Sequence[ArticleScore]) -> ArticleScore:
    """Micro-average ``rows``: sum their counts, then take the ratios.

    Args:
        name: The totals row's label.
        rows: Article rows.

    Returns:
        A row whose counts are the sums; wall seconds are summed (None when no row has any).
    """
    totals = ArticleScore(name=name)
    for row in rows:
        totals.figures += row.figures
        totals.meetings += row.meetings
        totals.parties += row.parties
        totals.people += row.people
        totals.meeting_date += row.meeting_date
        totals.meeting_status += row.meeting_status
        totals.figure_metric += row.figure_metric
        totals.figure_place += row.figure_place
        totals.figure_reported_by += row.figure_reported_by
        totals.grounding += row.grounding
        totals.tokens += row.tokens
    walls = [row.wall_s for row in rows if row.wall_s is not None]
    totals.wall_s = sum(walls) if walls else None
    return totals


def median_wall(rows: Sequence[ArticleScore]) -> float | None:
    """The median wall seconds per article (None when no row has any)."""
    walls = [row.wall_s for row in rows if row.wall_s is not None]
    return statistics.median(walls) if walls else None
