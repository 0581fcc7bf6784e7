"""Matching predicted facts to gold: spans, the greedy one-to-one match, pair scores."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsbrief.evaluate.gold import GoldFigure, GoldMeeting
from newsbrief.models import Evidence, Figure, Meeting

FIGURE_TOLERANCE = 0.01

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def overlaps(a: Span, b: Span) -> bool:
    """True when two ``[start, end)`` spans share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


def overlap_len(a: Span, b: Span) -> int:
    """How many characters two ``[start, end)`` spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate(body: str, quote: str) -> Span | None:
    """Find ``quote`` in ``body``: exact first occurrence, else case-insensitive; else None."""
    if not quote:
        return None
    start = body.find(quote)
    if start >= 0:
        return start, start + len(quote)
    found = re.search(re.escape(quote), body, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def spans(evidence: Sequence[Evidence]) -> list[Span]:
    """The ``(start, end)`` spans of evidence items."""
    return [(item.start, item.end) for item in evidence]


def sentence_span(body: str, span: Span) -> Span:
    """Widen ``span`` to the sentence(s) of ``body`` that contain it."""
    start, end = 0, len(body)
    for boundary in _SENTENCE_END.finditer(body):
        if boundary.end() <= span[0]:
            start = boundary.end()
        elif boundary.start() >= span[1]:
            end = boundary.start()
            break
    return start, end


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


def figure_score(body: str, gold: GoldFigure, pred: Figure) -> float | None:
    """How well a predicted figure matches a gold one (None: no match; see the package doc)."""
    if not values_agree(pred.value, gold.value):
        return None
    span = locate(body, gold.quote)
    overlap = max((overlap_len(span, s) for s in spans(pred.evidence)), default=0) if span else 0
    text = gold.value_text.casefold()
    in_quote = bool(text) and any(text in item.quote.casefold() for item in pred.evidence)
    if not overlap and not in_quote:
        return None
    closeness = 1.0 - abs(pred.value - gold.value) / max(abs(gold.value), 1.0)
    share = overlap / (span[1] - span[0]) if span else 0.0
    return share + (1.0 if in_quote else 0.0) + closeness


def meeting_score(body: str, gold: GoldMeeting, pred: Meeting) -> float | None:
    """How well a predicted meeting matches a gold one (None: no match; see the package doc)."""
    span = locate(body, gold.quote)
    if span is None:
        return None
    pred_spans = spans(pred.evidence)
    overlap = max((overlap_len(span, s) for s in pred_spans), default=0)
    same_date = (
        gold.when_text is not None
        and pred.date_text is not None
        and gold.when_text.casefold() == pred.date_text.casefold()
    )
    if overlap:
        return 1.0 + overlap / (span[1] - span[0]) + (0.5 if same_date else 0.0)
    sentence = sentence_span(body, span)
    if same_date and any(overlaps(sentence, s) for s in pred_spans):
        return 0.5
    return None
