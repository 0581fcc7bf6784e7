from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsbrief.text.grounding import (
    _key,
    _on_boundaries,
    contains_number,
    ground,
    locate,
    normalise,
)
from newsbrief.text.sentences import sentence_spans

# Any code point except surrogates, with extra weight on characters the normaliser rewrites.
_TRICKY = list(
    " \t\n\r\u00a0\u2009\u3000\"'\u2018\u2019\u201c\u201d\u00ab\u00bb-\u2013\u2014\u2212"
    "\u2026.,;:!?\u00df\u0130\u0131\u03a3\u03c2\u0301\u064e\u00ad\u200b\u200d\ufe0f\ufb01"
    "aAzZ\u00e9\u0628\u4e2d\U0001f600"
)
_CHARS = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(_TRICKY))
_TEXT = st.text(_CHARS, max_size=80)
_SWAPS = str.maketrans({'"': "\u201c", "'": "\u2019", "-": "\u2014"})


@st.composite
def _body_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    body = draw(st.text(_CHARS, min_size=1, max_size=120))
    start = draw(st.integers(0, len(body) - 1))
    end = draw(st.integers(start + 1, len(body)))
    return body, start, end


def _perturb(text: str, case: str) -> str:
    text = re.sub(r"\s+", " ", text.translate(_SWAPS))
    # Change case of ASCII letters only: other scripts do not round-trip through casefold.
    return "".join(
        (c.upper() if case == "upper" else c.lower()) if c.isascii() else c for c in text
    )


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without the edge characters a quote's key drops (spaces, quotes, .,;:!?)."""
    while start < end and not _key(body[start]):
        start += 1
    while end > start and not _key(body[end - 1]):
        end -= 1
    return start, end


@settings(max_examples=400)
@given(_body_and_span())
@example(("ab\u00dfc", 2, 3))
@example(("x \u00a0 y", 1, 4))
@example(("12 people", 1, 9))
def test_a_slice_of_the_body_on_word_boundaries_is_found_verbatim(
    case: tuple[str, int, int],
) -> None:
    body, start, end = case
    piece = body[start:end]
    span = locate(piece, body)
    if piece.isspace():
        assert span is None
        return
    if span is None:  # only a slice that starts or ends inside a word or number is not found
        assert not _on_boundaries(body, start, end)
        return
    assert _on_boundaries(body, *span)
    found = body[span[0] : span[1]]
    if not _on_boundaries(body, start, end):  # found elsewhere, maybe after normalising
        assert found == piece or _key(found) in {_key(piece), _key(piece, quote_marks=False)}
        return
    assert found == piece
    evidence = ground(piece, body)
    assert evidence is not None and evidence.quote == piece


@settings(max_examples=400)
@given(_body_and_span(), st.sampled_from(["upper", "lower"]))
@example(('He said "yes" - twice.', 3, 22), "upper")
@example(("die Stra\u00dfe war", 4, 10), "lower")
@example(("\u081600a", 0, 4), "upper")  # a mark with no letter before it opens the text
def test_a_perturbed_slice_is_found_and_normalises_alike(
    case: tuple[str, int, int], kind: str
) -> None:
    body, start, end = case
    piece = body[start:end]
    quote = _perturb(piece, kind)
    span = locate(quote, body)
    if span is None:
        assert not _key(piece) or piece.isspace() or not _on_boundaries(body, start, end)
        if _key(piece) and not piece.isspace():
            assert not _on_boundaries(body, *_trimmed(body, start, end))
        return
    assert _on_boundaries(body, *span)
    found = body[span[0] : span[1]]
    assert found == quote or _key(found) == _key(quote)
    if _key(piece):
        assert _key(found) == _key(piece)


_DIGITS_AND_WORDS = st.text(st.sampled_from("0123456789ab .,"), min_size=1, max_size=40)


def _inside_a_token(body: str, start: int, end: int) -> bool:
    """An independent oracle for ASCII text: does the span cut a word or a number?"""
    first, last = body[start], body[end - 1]
    if start and first.isalnum() and body[start - 1].isalnum():
        return True
    if end < len(body) and last.isalnum() and body[end].isalnum():
        return True
    if first.isdigit() and re.search(r"[0-9][.,]$", body[:start]):
        return True
    return bool(last.isdigit() and re.match(r"[.,][0-9]", body[end:]))


@settings(max_examples=400)
@given(_DIGITS_AND_WORDS, st.data())
@example("12 people", None)
@example("1.5 million", None)
def test_numbers_and_words_are_never_cut(body: str, data: st.DataObject | None) -> None:
    start, end = (
        (1, len(body))
        if data is None
        else sorted(data.draw(st.tuples(st.integers(0, len(body)), st.integers(0, len(body)))))
    )
    piece = body[start:end]
    if not piece or piece.isspace():
        return
    span = locate(piece, body)
    if span is not None:
        assert not _inside_a_token(body, *span)
    elif not _inside_a_token(body, start, end):
        # only a key stripped of its edge punctuation may end up cut ("2." in "2.5")
        assert _inside_a_token(body, *_trimmed(body, start, end))


@settings(max_examples=300)
@given(_TEXT, _TEXT, st.one_of(st.none(), st.integers(-10, 200)))
def test_locate_never_raises_and_returns_a_real_span(
    quote: str, body: str, near: int | None
) -> None:
    span = locate(quote, body, near=near)
    if span is not None:
        start, end = span
        assert 0 <= start < end <= len(body)
        found = body[start:end]
        assert found == quote or _key(found) in {_key(quote), _key(quote, quote_marks=False)}


@settings(max_examples=300)
@given(_TEXT)
def test_sentence_spans_are_ordered_trimmed_and_cover_the_text(body: str) -> None:
    spans = sentence_spans(body)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(body)
        piece = body[start:end]
        assert piece == piece.strip()
        previous_end = end
    covered = "".join(body[s:e] for s, e in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", body)


@settings(max_examples=200)
@given(_TEXT, _TEXT)
def test_contains_number_and_normalise_never_raise(value: str, evidence: str) -> None:
    assert isinstance(contains_number(value, evidence), bool)
    assert normalise(normalise(value)) == normalise(value)
