"""Score briefings against gold annotations.

Each article is scored on four kinds of fact (figures, meetings, parties, people) with
true positives (TP), false positives (FP), false negatives (FN), precision, recall and F1.
Totals are micro-averaged: counts are summed over articles, then the ratios are taken.

Matching rules:

- **One to one, greedy.** Every (gold, predicted) pair that matches gets a score; pairs are
  taken best score first (ties: gold order, then predicted order), and each gold item and
  each predicted item is used at most once. An unmatched prediction is a FP, an unmatched
  gold item a FN.
- **Locating a gold quote.** The gold ``quote`` is looked up in the article body with an exact
  ``body.find`` (first occurrence), falling back to a case-insensitive search. A quote that is
  not in the body has no span, and only the rules that need no span can match it.
- **Overlap.** Two character spans ``[start, end)`` overlap when they share at least one
  character.
- **Figures.** A predicted figure matches a gold figure when the values agree within 1%
  (relative to the gold value; exactly, when the gold value is 0) *and* the evidence agrees:
  the gold quote's span overlaps the span of one of the predicted evidence items, or the gold
  ``value_text`` occurs inside one of the predicted evidence quotes (case-insensitive). The
  metric does not decide the match; *metric accuracy* is the share of matched figures whose
  predicted metric equals the gold metric.
- **Meetings.** A predicted meeting matches a gold meeting when the gold quote's span
  overlaps one of the predicted evidence spans, or when the predicted ``date_text`` equals the
  gold ``when_text`` (case-insensitive) and a predicted evidence span overlaps the sentence(s)
  that hold the gold quote. For matched meetings, *date accuracy* is the share of those whose
  gold ``when`` is not null where the predicted ``date`` equals it, and *status accuracy* the
  share whose predicted ``status`` equals the gold status.
- **Parties and people.** Names are normalised: Unicode NFKC, casefolded, periods and
  apostrophes removed, other punctuation turned into spaces, a leading "the" dropped, and
  common abbreviations of states and organisations expanded (US, U.S., USA, America ->
  united states; UK, U.K., Britain -> united kingdom; UN, U.N. -> united nations; EU ->
  european union). A predicted name matches a gold name when the normalised names are equal,
  or when one is contained in the other as whole words ("Netanyahu" matches "Benjamin
  Netanyahu"). A predicted party's aliases are tried too. Equal names score above
  containment.
- **Precision, recall, F1.** Precision is TP / (TP + FP) and recall TP / (TP + FN); when a
  denominator is 0 (nothing predicted, or nothing in gold) the ratio is 1.0 if both sides are
  empty and 0.0 otherwise. F1 is their harmonic mean (0.0 when both are 0).
- **Grounding rate.** The share of all evidence items, over every fact of the briefing
  (parties, people, positions, meetings, figures, sources), for which
  ``body[start:end] == quote``.
- **Cost.** Wall seconds are the time passed in by the caller, else the briefing's
  ``meta.latency_s``; tokens are ``meta.usage.total_tokens``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from rich import box
from rich.console import Console
from rich.table import Table

from newsbrief import brief
from newsbrief.errors import NewsbriefError
from newsbrief.models import ArticleInfo, Briefing, Evidence, Figure, Meeting, Meta, PromptRef
from newsbrief.settings import Settings
from newsbrief.text.article import read_article

logger = logging.getLogger(__name__)

__all__ = [
    "ArticleScore",
    "EvalReport",
    "GoldAnnotation",
    "GoldFigure",
    "GoldMeeting",
    "GoldParty",
    "GoldPerson",
    "GoldPosition",
    "Ratio",
    "Score",
    "evaluate",
    "greedy_match",
    "grounding",
    "load_gold",
    "locate",
    "names_match",
    "normalise_name",
    "pair_files",
    "render_markdown",
    "render_table",
    "score_article",
    "values_agree",
]

FIGURE_TOLERANCE = 0.01


# --------------------------------------------------------------------------- gold models


class _Gold(BaseModel):
    """Lenient base: unknown keys are ignored; a null value (or list item) means "default"."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _drop_nulls(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {
            key: [item for item in value if item is not None] if isinstance(value, list) else value
            for key, value in data.items()
            if value is not None
        }


class GoldParty(_Gold):
    """A party the article's main story involves."""

    name: str = ""
    kind: str | None = None


class GoldPerson(_Gold):
    """A named person and their role."""

    name: str = ""
    role: str | None = None


class GoldPosition(_Gold):
    """A stance held by a party or person."""

    holder: str = ""
    stance: str = ""
    quote: str = ""


class GoldMeeting(_Gold):
    """A meeting, with its date as written and as resolved."""

    participants: list[str] = Field(default_factory=list)
    when_text: str | None = None
    when: dt.date | None = None
    format: str | None = None
    status: str | None = None
    where: str | None = None
    quote: str = ""


class GoldFigure(_Gold):
    """A casualty or humanitarian figure."""

    metric: str | None = None
    value: float = 0.0
    value_text: str = ""
    place: str | None = None
    reported_by: str | None = None
    quote: str = ""


class GoldAnnotation(_Gold):
    """A hand-made annotation of one article (``gold/NN-slug.json``)."""

    parties: list[GoldParty] = Field(default_factory=list)
    people: list[GoldPerson] = Field(default_factory=list)
    positions: list[GoldPosition] = Field(default_factory=list)
    meetings: list[GoldMeeting] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)
    sources_cited: list[str] = Field(default_factory=list)


def load_gold(path: str | Path) -> GoldAnnotation:
    """Read a gold annotation file.

    Args:
        path: A ``gold/NN-slug.json`` file.

    Returns:
        The annotation; missing keys and null values take their defaults.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return GoldAnnotation.model_validate(data)


def pair_files(articles_dir: str | Path, gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """Pair each article ``NN-slug.txt`` with its gold ``NN-slug.json`` by file stem.

    Articles without a gold file are skipped with a warning.

    Args:
        articles_dir: Folder of article text files.
        gold_dir: Folder of gold JSON files.

    Returns:
        ``(article_path, gold_path)`` pairs, sorted by article name.
    """
    gold_dir = Path(gold_dir)
    pairs: list[tuple[Path, Path]] = []
    for article in sorted(Path(articles_dir).glob("*.txt")):
        gold = gold_dir / f"{article.stem}.json"
        if gold.is_file():
            pairs.append((article, gold))
        else:
            logger.warning("no gold annotation for %s (expected %s); skipped", article.name, gold)
    return pairs


# --------------------------------------------------------------------------- report models


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
        """Build a score from its counts (see the module docstring for empty cases)."""
        precision = _safe_ratio(tp, tp + fp, fp + fn == 0)
        recall = _safe_ratio(tp, tp + fn, fp + fn == 0)
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)

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
    """Scores of one article (or, in ``EvalReport.totals``, of all of them)."""

    name: str
    figures: Score = Field(default_factory=Score)
    meetings: Score = Field(default_factory=Score)
    parties: Score = Field(default_factory=Score)
    people: Score = Field(default_factory=Score)
    meeting_date: Ratio = Field(default_factory=Ratio)
    meeting_status: Ratio = Field(default_factory=Ratio)
    figure_metric: Ratio = Field(
        default_factory=Ratio, description="Matched figures whose metric equals gold's."
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
    """Per-article rows and micro-averaged totals."""

    articles: list[ArticleScore] = Field(default_factory=list)
    totals: ArticleScore = Field(default_factory=lambda: ArticleScore(name="total"))
    median_wall_s: float | None = None


# --------------------------------------------------------------------------- spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def _overlap_len(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate(body: str, quote: str) -> tuple[int, int] | None:
    """Find ``quote`` in ``body``: exact first occurrence, else case-insensitive; else None."""
    if not quote:
        return None
    start = body.find(quote)
    if start >= 0:
        return start, start + len(quote)
    found = re.search(re.escape(quote), body, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def _spans(evidence: Sequence[Evidence]) -> list[tuple[int, int]]:
    return [(item.start, item.end) for item in evidence]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def _sentence_span(body: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen ``span`` to the sentence(s) of ``body`` that contain it."""
    start, end = 0, len(body)
    for boundary in _SENTENCE_END.finditer(body):
        if boundary.end() <= span[0]:
            start = boundary.end()
        elif boundary.start() >= span[1]:
            end = boundary.start()
            break
    return start, end


# --------------------------------------------------------------------------- matching


def greedy_match(
    n_gold: int, n_pred: int, score: Callable[[int, int], float | None]
) -> list[tuple[int, int]]:
    """One-to-one greedy matching: best-scoring pairs first; ``None`` means no match."""
    candidates: list[tuple[float, int, int]] = []
    for g in range(n_gold):
        for p in range(n_pred):
            value = score(g, p)
            if value is not None:
                candidates.append((-value, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def values_agree(predicted: float, gold: float, tolerance: float = FIGURE_TOLERANCE) -> bool:
    """True when ``predicted`` is within ``tolerance`` (relative) of ``gold``; exact for 0."""
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= tolerance * abs(gold)


def _figure_score(body: str, gold: GoldFigure, pred: Figure) -> float | None:
    if not values_agree(pred.value, gold.value):
        return None
    span = locate(body, gold.quote)
    overlap = max((_overlap_len(span, s) for s in _spans(pred.evidence)), default=0) if span else 0
    text = gold.value_text.casefold()
    in_quote = bool(text) and any(text in item.quote.casefold() for item in pred.evidence)
    if not overlap and not in_quote:
        return None
    closeness = 1.0 - abs(pred.value - gold.value) / max(abs(gold.value), 1.0)
    share = overlap / (span[1] - span[0]) if span else 0.0
    return share + (1.0 if in_quote else 0.0) + closeness


def _meeting_score(body: str, gold: GoldMeeting, pred: Meeting) -> float | None:
    span = locate(body, gold.quote)
    if span is None:
        return None
    pred_spans = _spans(pred.evidence)
    overlap = max((_overlap_len(span, s) for s in pred_spans), default=0)
    same_date = (
        gold.when_text is not None
        and pred.date_text is not None
        and gold.when_text.casefold() == pred.date_text.casefold()
    )
    if overlap:
        return 1.0 + overlap / (span[1] - span[0]) + (0.5 if same_date else 0.0)
    sentence = _sentence_span(body, span)
    if same_date and any(_overlaps(sentence, s) for s in pred_spans):
        return 0.5
    return None


# --------------------------------------------------------------------------- names

_ALIASES: dict[str, tuple[str, ...]] = {
    "united states": ("united states of america", "us", "usa", "america"),
    "united kingdom": ("uk", "britain", "great britain"),
    "united nations": ("un",),
    "european union": ("eu",),
}
_ALIAS_TO_CANON = {alias: canon for canon, aliases in _ALIASES.items() for alias in aliases}
_ALIAS_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _ALIAS_TO_CANON), key=len, reverse=True)) + r")\b"
)


def normalise_name(name: str) -> str:
    """Normalise a party or person name for matching (see the module docstring)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[\W_]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return _ALIAS_RE.sub(lambda m: _ALIAS_TO_CANON[m.group(1)], text)


def _name_score(gold: str, predicted: str) -> float | None:
    a, b = normalise_name(gold), normalise_name(predicted)
    if not a or not b:
        return None
    if a == b:
        return 2.0
    short, long = sorted((a, b), key=len)
    if f" {short} " in f" {long} ":
        return 1.0 + len(short) / len(long)
    return None


def names_match(gold: str, predicted: str) -> bool:
    """True when two names match under the name rules of the module docstring."""
    return _name_score(gold, predicted) is not None


def _best_name_score(gold: str, names: Sequence[str]) -> float | None:
    scores = [s for s in (_name_score(gold, name) for name in names) if s is not None]
    return max(scores, default=None)


# --------------------------------------------------------------------------- scoring


def _tally(
    pairs: list[tuple[int, int]],
    gold_labels: Sequence[str],
    pred_labels: Sequence[str],
) -> tuple[Score, list[str], list[str]]:
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    missed = [label for i, label in enumerate(gold_labels) if i not in matched_gold]
    spurious = [label for i, label in enumerate(pred_labels) if i not in matched_pred]
    return Score.of(len(pairs), len(spurious), len(missed)), missed, spurious


def _meeting_accuracy(
    pairs: list[tuple[int, int]], gold: Sequence[GoldMeeting], pred: Sequence[Meeting]
) -> tuple[Ratio, Ratio]:
    dated = [(gold[g], pred[p]) for g, p in pairs if gold[g].when is not None]
    date = Ratio.of(sum(p.date == g.when for g, p in dated), len(dated))
    status = Ratio.of(sum(gold[g].status == pred[p].status for g, p in pairs), len(pairs))
    return date, status


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
    figures, row.figure_metric = _score_figures(body, gold.figures, briefing.figures)
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
) -> tuple[tuple[Score, list[str], list[str]], Ratio, Ratio]:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: _meeting_score(body, gold[g], pred[p]))
    tally = _tally(
        pairs,
        [_meeting_label(m) for m in gold],
        [m.evidence[0].quote if m.evidence else str(m.date_text) for m in pred],
    )
    return (tally, *_meeting_accuracy(pairs, gold, pred))


def _meeting_label(meeting: GoldMeeting) -> str:
    return f"{meeting.when_text or '?'}: {meeting.quote}"


def _score_figures(
    body: str, gold: Sequence[GoldFigure], pred: Sequence[Figure]
) -> tuple[tuple[Score, list[str], list[str]], Ratio]:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: _figure_score(body, gold[g], pred[p]))
    tally = _tally(
        pairs,
        [f"{g.value:g} ({g.value_text})" for g in gold],
        [f"{p.value:g} ({p.value_text})" for p in pred],
    )
    metric = Ratio.of(sum(gold[g].metric == pred[p].metric for g, p in pairs), len(pairs))
    return tally, metric


def _score_names(
    gold: Sequence[str], pred: Sequence[Sequence[str]]
) -> tuple[Score, list[str], list[str]]:
    pairs = greedy_match(len(gold), len(pred), lambda g, p: _best_name_score(gold[g], pred[p]))
    return _tally(pairs, list(gold), [names[0] for names in pred])


def evaluate(
    pairs: Iterable[tuple[str, Briefing, str, GoldAnnotation, float | None]],
) -> EvalReport:
    """Score briefings against gold and micro-average the totals.

    Args:
        pairs: ``(name, briefing, body, gold, wall_s)`` tuples; ``wall_s`` may be None to use
            the briefing's ``meta.latency_s``.

    Returns:
        A report with one row per article and the micro-averaged totals.
    """
    rows = [score_article(*item) for item in pairs]
    totals = ArticleScore(name="total")
    for row in rows:
        totals.figures += row.figures
        totals.meetings += row.meetings
        totals.parties += row.parties
        totals.people += row.people
        totals.meeting_date += row.meeting_date
        totals.meeting_status += row.meeting_status
        totals.figure_metric += row.figure_metric
        totals.grounding += row.grounding
        totals.tokens += row.tokens
    walls = [row.wall_s for row in rows if row.wall_s is not None]
    totals.wall_s = sum(walls) if walls else None
    median = statistics.median(walls) if walls else None
    return EvalReport(articles=rows, totals=totals, median_wall_s=median)


# --------------------------------------------------------------------------- rendering

_HEADERS = (
    "Article",
    "Figures P/R/F1",
    "Meetings P/R/F1",
    "Parties P/R/F1",
    "People P/R/F1",
    "Date acc",
    "Status acc",
    "Metric acc",
    "Grounded",
    "Wall s",
    "Tokens",
)


def _prf(score: Score) -> str:
    return f"{score.precision:.2f}/{score.recall:.2f}/{score.f1:.2f}"


def _rate(ratio: Ratio) -> str:
    if ratio.rate is None:
        return "-"
    return f"{ratio.rate:.2f} ({ratio.correct}/{ratio.total})"


def _cells(row: ArticleScore) -> list[str]:
    return [
        row.name,
        _prf(row.figures),
        _prf(row.meetings),
        _prf(row.parties),
        _prf(row.people),
        _rate(row.meeting_date),
        _rate(row.meeting_status),
        _rate(row.figure_metric),
        _rate(row.grounding),
        "-" if row.wall_s is None else f"{row.wall_s:.1f}",
        str(row.tokens),
    ]


def _rows(report: EvalReport) -> list[list[str]]:
    return [*(_cells(row) for row in report.articles), _cells(report.totals)]


def render_table(report: EvalReport, width: int = 180) -> str:
    """Render the report as a plain-text table for a terminal.

    Args:
        report: The report from :func:`evaluate`.
        width: Console width in characters.

    Returns:
        The table as text, without colour codes; the last row holds the totals.
    """
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for i, header in enumerate(_HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=True)
    rows = _rows(report)
    for i, cells in enumerate(rows):
        table.add_row(*cells, end_section=i == len(rows) - 2)
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(table)
    footer = _footer(report)
    return console.export_text().rstrip() + "\n" + footer + "\n"


def _footer(report: EvalReport) -> str:
    median = "-" if report.median_wall_s is None else f"{report.median_wall_s:.1f}"
    return (
        f"{len(report.articles)} articles; totals are micro-averaged; "
        f"median wall s per article: {median}"
    )


def render_markdown(report: EvalReport) -> str:
    """Render the report as a Markdown table (for a README)."""
    lines = [
        "| " + " | ".join(_HEADERS) + " |",
        "|" + "|".join(["---", *["---:"] * (len(_HEADERS) - 1)]) + "|",
    ]
    rows = _rows(report)
    rows[-1] = [f"**{cell}**" for cell in rows[-1]]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n\n" + _footer(report) + "\n"


# --------------------------------------------------------------------------- running


def _empty_briefing(model: str, backend: str, strategy: str) -> Briefing:
    prompt = PromptRef(name="none", version="none", hash="0" * 16)
    meta = Meta(model=model, backend=backend, strategy=strategy, prompt=prompt)
    return Briefing(article=ArticleInfo(), summary="", meta=meta)


def run_eval(
    articles_dir: str | Path,
    gold_dir: str | Path,
    *,
    settings: Settings,
    pred_dir: Path | None = None,
    save_dir: Path | None = None,
    on_article: Callable[[str, str | None], None] | None = None,
) -> EvalReport:
    """Brief every article (or read saved briefings from `pred_dir`) and score it.

    An article that cannot be briefed (a `NewsbriefError`) is scored as an empty briefing and
    its row carries the one-line error, so one bad article does not stop the evaluation.

    Args:
        articles_dir: Folder of article files.
        gold_dir: Folder of gold files with the same stems.
        settings: Backend and model for briefing.
        pred_dir: Read `STEM.json` briefings from here instead of briefing.
        save_dir: Save each new briefing as `STEM.json` here.
        on_article: Called with each article's stem and its error (or None) when done.

    Returns:
        The report, with one row per article and micro-averaged totals.
    """
    rows = []
    errors: dict[str, str] = {}
    for article_path, gold_path in pair_files(articles_dir, gold_dir):
        stem = article_path.stem
        article = read_article(article_path)
        started = time.perf_counter()
        wall: float | None = None
        try:
            if pred_dir is not None:
                text = (pred_dir / f"{stem}.json").read_text(encoding="utf-8")
                result = Briefing.model_validate_json(text)
            else:
                result = brief(article, settings=settings)
                wall = time.perf_counter() - started
        except NewsbriefError as exc:
            errors[stem] = " ".join(str(exc).split())
            result = _empty_briefing(settings.model, settings.backend, settings.strategy)
        if save_dir is not None and stem not in errors:
            save_dir.mkdir(parents=True, exist_ok=True)
            (save_dir / f"{stem}.json").write_text(result.model_dump_json(indent=2))
        rows.append((stem, result, article.body, load_gold(gold_path), wall))
        if on_article is not None:
            on_article(stem, errors.get(stem))
    report = evaluate(rows)
    for row in report.articles:
        row.error = errors.get(row.name)
    return report
