"""Locate evidence quotes in an article body and report them as character offsets.

A quote is looked up verbatim first. When that fails it is looked up again after both sides
are normalised: whitespace runs collapse to one space, typographic quotes, dashes, ellipses
and odd spaces become their ASCII forms, compatibility forms are decomposed (NFKD),
combining marks and invisible format characters are dropped, and the text is casefolded.
Every normalised character remembers which body character produced it, so a match is always
reported as offsets into the original body, and the evidence text is always the body slice.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from newsbrief.models import Evidence

__all__ = ["contains_number", "ground", "locate", "normalise"]

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u2039\u203a", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u3000", " "),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f", None),
        "\u2026": "...",
    }
)
# Stripped from a quote's ends before the normalised search: whitespace and trailing .,;:!?
# first; if that finds nothing, straight (and formerly curly) quote marks at either end too.
_TRAILING_PUNCT = ".,;:!?"
_QUOTE_MARKS = "\"'"
_LEADING_JUNK = " " + _QUOTE_MARKS
_TRAILING_JUNK = _LEADING_JUNK + _TRAILING_PUNCT


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Normalise one character; the result may be empty or several characters long."""
    text = unicodedata.normalize("NFKD", char.translate(_TRANSLATE)).casefold()
    text = unicodedata.normalize("NFKD", text).translate(_TRANSLATE)
    return "".join(" " if c.isspace() else c for c in text if not unicodedata.combining(c))


def _normalise_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalise `text`, mapping each output character to the index of its source character."""
    out: list[str] = []
    src: list[int] = []
    for index, char in enumerate(text):
        for folded in _fold_char(char):
            if folded == " " and out and out[-1] == " ":
                continue
            out.append(folded)
            src.append(index)
    return "".join(out), tuple(src)


_normalised_body = lru_cache(maxsize=8)(_normalise_with_map)


def normalise(text: str) -> str:
    """Return the normalised form of `text` used for fuzzy matching (whitespace kept)."""
    return _normalise_with_map(text)[0]


def _key(text: str, *, quote_marks: bool = True) -> str:
    """Normalise a quote and strip what a model tends to add or drop at its edges."""
    key = normalise(text)
    lead = _LEADING_JUNK if quote_marks else " "
    trail = _TRAILING_JUNK if quote_marks else " " + _TRAILING_PUNCT
    previous = None
    while key != previous:
        previous = key
        key = key.lstrip(lead).rstrip(trail)
    return key


def _closest(spans: list[tuple[int, int]], near: int | None) -> tuple[int, int] | None:
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda span: (abs(span[0] - near), span[0]))


# Letters of scripts that separate words with spaces (Latin, Greek, Cyrillic, Armenian,
# Georgian and their extensions): a quote must not start or end inside such a word. Other
# scripts are left alone: Chinese, Japanese or Thai write no spaces, and Arabic and Hebrew
# attach prefixes ("and", "the") to the word, so a name may rightly start inside one.
_SPACED_SCRIPTS = (
    (0x0041, 0x0590),
    (0x10A0, 0x1100),
    (0x1C80, 0x1CC0),
    (0x1D00, 0x2000),
    (0x2C00, 0x2E00),
    (0xA640, 0xA6A0),
    (0xA720, 0xA800),
    (0xAB30, 0xAB70),
    (0xFB00, 0xFB07),
    (0xFF21, 0xFF5B),
)


def _word_char(char: str) -> bool:
    """A digit, or a letter of a script that separates words with spaces."""
    if char.isdigit():
        return True
    if not char.isalpha():
        return False
    code = ord(char)
    return any(low <= code < high for low, high in _SPACED_SCRIPTS)


def _continues(edge: str, neighbour: str, beyond: str) -> bool:
    """Whether `neighbour` (then `beyond`) continues the word or number that `edge` is in.

    "2" continues into "12" and "1.2" (or "1,2"); "Israel" into "Israeli"; a combining mark
    continues the letter before it. A digit next to a Chinese character does not.
    """
    if not neighbour or not _word_char(edge):
        return False
    if _word_char(neighbour) or unicodedata.combining(neighbour):
        return True
    return edge.isdigit() and neighbour in ".," and beyond.isdigit()


def _on_boundaries(body: str, start: int, end: int) -> bool:
    """Whether `body[start:end]` neither starts nor ends inside a word or number.

    Combining marks before the start belong to the letter before them, so the left
    neighbour is that letter ("" when the marks stand at the start of the text).
    """
    left = start
    while (
        left > 0
        and unicodedata.combining(body[left - 1])
        and not unicodedata.combining(body[start])
    ):
        left -= 1
    before = body[left - 1] if left > 0 else ""
    ahead = body[left - 2] if left > 1 else ""
    after, beyond = body[end : end + 1], body[end + 1 : end + 2]
    return not (
        _continues(body[start], before, ahead)
        or _continues(body[end - 1], after, beyond)
        or (unicodedata.combining(body[start]) and bool(before))
    )


def _exact_spans(quote: str, body: str, *, first_only: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = body.find(quote)
    while start != -1:
        if _on_boundaries(body, start, start + len(quote)):
            spans.append((start, start + len(quote)))
            if first_only:
                break
        start = body.find(quote, start + 1)
    return spans


def _aligned(norm: str, src: tuple[int, ...], pos: int, end: int) -> bool:
    """Whether `norm[pos:end]` covers whole body characters.

    The first body character may also have produced leading spaces or quote marks, and the
    last one trailing spaces, quote marks or punctuation: those are what `_key` strips.
    """
    first, last = src[pos], src[end - 1]
    before = pos - 1
    while before >= 0 and src[before] == first:
        if norm[before] not in _LEADING_JUNK:
            return False
        before -= 1
    after = end
    while after < len(src) and src[after] == last:
        if norm[after] not in _TRAILING_JUNK:
            return False
        after += 1
    return True


def _normalised_spans(key: str, body: str, *, first_only: bool) -> list[tuple[int, int]]:
    """Find `key` in the normalised body: matches on whole body characters and word edges."""
    norm, src = _normalised_body(body)
    spans: list[tuple[int, int]] = []
    pos = norm.find(key)
    while pos != -1:
        end = pos + len(key)
        stop = src[end - 1] + 1
        while stop < len(body) and unicodedata.combining(body[stop]):
            stop += 1  # marks that normalising dropped belong to the letter before them
        span = (src[pos], stop)
        if _aligned(norm, src, pos, end) and _on_boundaries(body, *span):
            spans.append(span)
            if first_only:
                break
        pos = norm.find(key, pos + 1)
    return spans


def locate(quote: str, body: str, *, near: int | None = None) -> tuple[int, int] | None:
    """Find `quote` in `body`, verbatim first, then after normalising both sides.

    A match must sit on word and number boundaries: "2 people" is not found in "12 people"
    nor "5 million" in "1.5 million", nor "Israel" in "Israeli" (in scripts that write
    spaces between words; see `_SPACED_SCRIPTS`).

    Args:
        quote: Text that should occur in the body, e.g. evidence a model copied from it.
        body: The article body.
        near: Preferred offset; when the quote occurs several times, the occurrence whose
            start is closest to it wins. Without it the first occurrence wins.

    Returns:
        `(start, end)` offsets into `body` such that `body[start:end]` is the matched text
        (which may differ from `quote` in case, whitespace, quotes or dashes), or None when
        the quote is blank or not found.
    """
    if not quote or quote.isspace():
        return None
    found = _closest(_exact_spans(quote, body, first_only=near is None), near)
    if found is not None:
        return found
    first_only = near is None
    for key in dict.fromkeys((_key(quote, quote_marks=False), _key(quote))):
        found = _closest(_normalised_spans(key, body, first_only=first_only), near) if key else None
        if found is not None:
            return found
    return None


def ground(quote: str, body: str, *, near: int | None = None) -> Evidence | None:
    """Turn a quote into `Evidence` whose text is the exact body slice it was found at.

    Args:
        quote: Text that should occur in the body.
        body: The article body.
        near: Preferred offset when the quote occurs several times.

    Returns:
        The grounded evidence, or None when the quote cannot be located.
    """
    span = locate(quote, body, near=near)
    if span is None:
        return None
    start, end = span
    return Evidence(quote=body[start:end], start=start, end=end)


def contains_number(value_text: str, evidence_quote: str) -> bool:
    """Tell whether a number phrase occurs in an evidence quote (normalised comparison).

    A match must not sit inside a longer number or word: "12" is not found in "120" or
    "1,120", and "million" is not found in "millions".

    Args:
        value_text: The number phrase, e.g. "more than 1,000".
        evidence_quote: The evidence text.

    Returns:
        True when the phrase occurs in the evidence.
    """
    key = _key(value_text)
    if not key:
        return False
    haystack = normalise(evidence_quote)
    pos = haystack.find(key)
    while pos != -1:
        end = pos + len(key)
        if _clean_edge(haystack, pos, key[0], before=True) and _clean_edge(
            haystack, end, key[-1], before=False
        ):
            return True
        pos = haystack.find(key, pos + 1)
    return False


def _clean_edge(text: str, index: int, edge_char: str, *, before: bool) -> bool:
    """True when the match edge does not continue a word or number.

    `index` is the match start when `before`, else the match end (exclusive).
    """
    if not edge_char.isalnum():
        return True
    near, beyond = (index - 1, index - 2) if before else (index, index + 1)
    neighbour = text[near] if 0 <= near < len(text) else ""
    if neighbour.isalnum():
        return False
    if edge_char.isdigit() and neighbour in {",", "."}:
        return not (0 <= beyond < len(text) and text[beyond].isdigit())
    return True
