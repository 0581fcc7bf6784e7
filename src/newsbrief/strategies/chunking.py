"""Long articles: split on sentence boundaries with overlap, shift offsets back, merge facts.

An article longer than the model's context is briefed part by part. Parts end on sentence
boundaries (paragraph breaks are sentence boundaries too) and overlap by a few sentences, so a
fact that straddles a cut is seen whole in one part. Every evidence offset is shifted back into
the full body, and facts seen in two parts (the overlap) are merged into one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from newsbrief.models import Evidence, Fact
from newsbrief.strategies.base import Extraction
from newsbrief.text.names import fold, merge_parties, merge_people
from newsbrief.text.sentences import sentence_spans

F = TypeVar("F", bound=Fact)


def split(body: str, max_chars: int, overlap: int) -> list[tuple[int, int]]:
    """(start, end) windows of at most `max_chars`, cut at sentence ends, overlapping."""
    if len(body) <= max_chars:
        return [(0, len(body))]
    spans = sentence_spans(body) or [(0, len(body))]
    ends = [end for _, end in spans]
    starts = [start for start, _ in spans]
    windows: list[tuple[int, int]] = []
    start = 0
    while start < len(body):
        limit = start + max_chars
        if limit >= len(body):
            windows.append((start, len(body)))
            break
        end = max((e for e in ends if start < e <= limit), default=limit)
        windows.append((start, end))
        following = [s for s in starts if end - overlap <= s < end and s > start]
        start = following[0] if following else end
    return windows


def _shift_evidence(items: list[Evidence], offset: int) -> list[Evidence]:
    return [Evidence(quote=e.quote, start=e.start + offset, end=e.end + offset) for e in items]


def _shifted(facts: Sequence[F], offset: int) -> list[F]:
    return [
        f.model_copy(update={"evidence": _shift_evidence(list(f.evidence), offset)}) for f in facts
    ]


def _dedupe(facts: list[F], key: Callable[[F], Hashable]) -> list[F]:
    seen: dict[Hashable, F] = {}
    for fact in facts:
        seen.setdefault(key(fact), fact)
    return list(seen.values())


def _first_span(fact: Fact) -> tuple[int, int]:
    evidence = fact.evidence
    return (evidence[0].start, evidence[0].end) if evidence else (-1, -1)


def _unique_evidence(fact: F) -> F:
    evidence = list(fact.evidence)
    unique = list({(e.start, e.end): e for e in evidence}.values())
    return fact.model_copy(update={"evidence": unique})


def merge(parts: list[tuple[int, Extraction]]) -> Extraction:
    """Merge per-part extractions (with each part's start offset) into one for the full body."""
    out = Extraction(summary=parts[0][1].summary if parts else "", language=None)
    for offset, part in parts:
        out.language = out.language or part.language
        out.parties += _shifted(part.parties, offset)
        out.people += _shifted(part.people, offset)
        out.positions += _shifted(part.positions, offset)
        out.meetings += _shifted(part.meetings, offset)
        out.figures += _shifted(part.figures, offset)
        out.sources += _shifted(part.sources, offset)
        out.dropped += part.dropped
    out.parties = [_unique_evidence(p) for p in merge_parties(out.parties)]
    out.people = [_unique_evidence(p) for p in merge_people(out.people)]
    out.positions = _dedupe(out.positions, lambda p: (fold(p.holder), _first_span(p)))
    out.meetings = _dedupe(out.meetings, _first_span)
    out.figures = _dedupe(out.figures, lambda f: (f.metric, f.value, _first_span(f)))
    out.sources = _dedupe(out.sources, lambda s: fold(s.name))
    return out
