"""Long articles: split on sentence boundaries with overlap, shift offsets back, merge facts.

An article longer than the model's context is briefed part by part. Parts end on sentence
boundaries (paragraph breaks are sentence boundaries too) and overlap by a few sentences, so a
fact that straddles a cut is seen whole in one part. Every evidence offset is shifted back into
the full body, and facts seen in two parts (the overlap) are merged into one. A meeting told in
two parts is one meeting when its quotes overlap, or when the parts give it the same people and
status and no two different dates ("the party held its convention" here, "on June 27 the
party's convention" there).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from newsbrief.models import Evidence, Fact, Meeting
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
    meetings: list[list[Meeting]] = []
    for offset, part in parts:
        out.language = out.language or part.language
        out.parties += _shifted(part.parties, offset)
        out.people += _shifted(part.people, offset)
        out.positions += _shifted(part.positions, offset)
        meetings.append(_shifted(part.meetings, offset))
        out.figures += _shifted(part.figures, offset)
        out.sources += _shifted(part.sources, offset)
        out.dropped += part.dropped
    out.parties = [_unique_evidence(p) for p in merge_parties(out.parties)]
    out.people = [_unique_evidence(p) for p in merge_people(out.people)]
    out.positions = _dedupe(out.positions, lambda p: (fold(p.holder), _first_span(p)))
    out.meetings = merge_meetings(meetings)
    out.figures = _dedupe(out.figures, lambda f: (f.metric, f.value, _first_span(f)))
    out.sources = _dedupe(out.sources, lambda s: fold(s.name))
    return out


# --- meetings told in two parts -------------------------------------------------------------

_STOP_WORDS = frozenset("and of the for de la".split())
_GENERIC_LAST = frozenset("party movement front alliance union league".split())


def merge_meetings(parts: list[list[Meeting]]) -> list[Meeting]:
    """One meeting per real meeting, from each part's meetings (offsets into the full body).

    A part's own meetings are never merged with each other: the part saw them all and kept
    them apart. A meeting of a later part joins one of an earlier part when their quotes
    overlap, or when they have the same people and status and no two different dates.
    """
    out: list[Meeting] = []
    for part in parts:
        earlier = len(out)
        for meeting in part:
            index = next((i for i in range(earlier) if same_meeting(out[i], meeting)), None)
            if index is None:
                out.append(meeting)
            else:
                out[index] = _combined(out[index], meeting)
    return out


def same_meeting(a: Meeting, b: Meeting) -> bool:
    """Whether two meetings from different parts are one.

    They are when their quotes overlap, or when they have the same people and status and no
    two different dates (a date given in one part only does not tell them apart).
    """
    if any(x.start < y.end and y.start < x.end for x in a.evidence for y in b.evidence):
        return True
    if a.status != b.status or not a.participants or not b.participants:
        return False
    if a.date_text is not None and b.date_text is not None:
        same_day = a.date is not None and a.date == b.date
        if not same_day and fold(a.date_text) != fold(b.date_text):
            return False
    return _same_people(a.participants, b.participants)


def _same_people(a: list[str], b: list[str]) -> bool:
    def covered(names: list[str], others: list[str]) -> bool:
        return all(any(_same_name(n, o) for o in others) for n in names)

    return covered(a, b) and covered(b, a)


def _same_name(a: str, b: str) -> bool:
    """'Ruiz' is 'Ana Ruiz'; 'L&L' is 'Life and Liberty Party'."""
    x, y = fold(a), fold(b)
    if not (x and y):
        return False
    if x == y or x.split()[-1] == y or y.split()[-1] == x:
        return True
    return _acronym(a, b) or _acronym(b, a)


def _acronym(short: str, long: str) -> bool:
    """'L&L' or 'LLP' of 'Life and Liberty Party' (the initials, with or without 'Party')."""
    letters = "".join(ch for ch in short if ch.isalpha())
    if not (2 <= len(letters) <= 6 and letters.isupper() and " " not in short.strip()):
        return False
    words = [w for w in fold(long).split() if w not in _STOP_WORDS]
    initials = "".join(w[0] for w in words).upper()
    if words and words[-1] in _GENERIC_LAST:
        return letters in (initials, initials[:-1])
    return letters == initials


def _combined(kept: Meeting, other: Meeting) -> Meeting:
    """The first part's meeting, with what the other part adds: quotes, people, a date."""
    quotes = {(e.start, e.end): e for e in [*kept.evidence, *other.evidence]}
    people = [*kept.participants]
    people += [p for p in other.participants if not any(_same_name(p, q) for q in people)]
    update: dict[str, object] = {
        "evidence": sorted(quotes.values(), key=lambda e: e.start),
        "participants": people,
    }
    if (kept.date is None and other.date is not None) or kept.date_text is None:
        update |= {
            "date": other.date,
            "date_text": other.date_text,
            "date_precision": other.date_precision,
        }
    if kept.format == "unknown":
        update["format"] = other.format
    if kept.location is None:
        update["location"] = other.location
    return kept.model_copy(update=update)
