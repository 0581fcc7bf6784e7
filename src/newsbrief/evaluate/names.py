"""Name rules: normalising party and person names, and token overlap for places and sources."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

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
_POSSESSIVE = re.compile(r"['’`]s\b", re.IGNORECASE)
STOP_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "near", "of", "on", "the", "to"}
)
JACCARD_AGREES = 0.5


def normalise_name(name: str) -> str:
    """Normalise a party or person name for matching (see the package docstring)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[\W_]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return _ALIAS_RE.sub(lambda m: _ALIAS_TO_CANON[m.group(1)], text)


def name_score(gold: str, predicted: str) -> float | None:
    """How well two names match: 2 when equal, between 1 and 2 when one contains the other.

    Returns:
        The score, or None when the names do not match.
    """
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
    """True when two names match under the name rules of the package docstring."""
    return name_score(gold, predicted) is not None


def best_name_score(gold: str, names: Sequence[str]) -> float | None:
    """The best :func:`name_score` of ``gold`` against any of ``names`` (None: no match)."""
    scores = [s for s in (name_score(gold, name) for name in names) if s is not None]
    return max(scores, default=None)


def content_tokens(text: str | None) -> frozenset[str]:
    """The content words of a place or source name, as :func:`normalise_name` spells them.

    A possessive "'s" is dropped and so are :data:`STOP_WORDS`; "the U.S.'s" gives
    ``{"united", "states"}``. None gives the empty set.
    """
    if not text:
        return frozenset()
    return frozenset(normalise_name(_POSSESSIVE.sub("", text)).split()) - STOP_WORDS


def tokens_agree(gold: str | None, predicted: str | None) -> bool:
    """True when a predicted place or ``reported_by`` agrees with gold's.

    Both sides are reduced to :func:`content_tokens`; a value with no content word (null,
    blank, "the") is no value. No value agrees only with no value. Two values agree when one
    token set contains the other ("Gaza" and "Rafah, Gaza") or their Jaccard overlap
    (shared / all distinct tokens) is at least 0.5.

    Args:
        gold: The gold value.
        predicted: The predicted value.

    Returns:
        Whether the prediction counts as correct.
    """
    a, b = content_tokens(gold), content_tokens(predicted)
    if not a or not b:
        return a == b
    return a <= b or b <= a or len(a & b) / len(a | b) >= JACCARD_AGREES
