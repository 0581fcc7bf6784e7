"""Sentence boundaries in news text, as character offsets into the body."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep rev fr st jr sr
    pres amb hon messrs mme mlle no nos vs approx est dept univ inc corp ltd co bros mt ft rs
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m e.g i.e al
    """.split()
)
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\Z")
_CLOSERS = "\"'\u2019\u201d\u00bb)]"
_CLOSER_CLASS = "[" + re.escape(_CLOSERS) + "]*"
_TERMINATOR = re.compile(rf"[.!?]+{_CLOSER_CLASS}(?=\s|\Z)|[\u3002\uff01\uff1f]+{_CLOSER_CLASS}")


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the period at `line[dot]` ends an abbreviation or an initial."""
    word = line[:dot].rsplit(None, 1)[-1] if line[:dot].strip() else ""
    word = word.lstrip("\"'(\u201c\u2018[")
    if not word:
        return False
    if word.casefold() in _ABBREVIATIONS:
        return True
    return word[0].isupper() and _INITIALS.match(word) is not None


def _line_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINATOR.finditer(line):
        end = match.end()
        following = line[end:].lstrip()
        if following and following[0].islower():
            continue
        if match.group().startswith(".") and len(match.group().rstrip(_CLOSERS)) == 1:
            if _is_abbreviation(line, match.start()):
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    return [_trimmed(line, s, e, offset) for s, e in spans if line[s:e].strip()]


def _trimmed(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    chunk = line[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return offset + start + lead, offset + end - trail


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Split a body into sentences, returned as `(start, end)` offsets into the body.

    Sentences end at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
    whitespace, at CJK full stops, and at every line break. A period after a common
    abbreviation ("Mr.", "Gen.", "Jan.") or an initial ("J.", "U.S.", "U.N.") does not end a
    sentence, nor does one followed by a lowercase word. Spans carry no leading or trailing
    whitespace; blank stretches yield no span.

    Args:
        body: The article body.

    Returns:
        Sentence spans in body order.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in body.splitlines(keepends=True):
        spans.extend(_line_spans(line, offset))
        offset += len(line)
    return spans
