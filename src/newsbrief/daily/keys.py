"""Comparison keys for merging a day: one key per party, place or unit, however written.

"U.N. Security Council" and "United Nations Security Council", "WHO" and "World Health
Organisation", "Government of Samoa" and "Samoa government" each fold to one key. Pure
string rules over `newsbrief.text.names`; nothing here reads a file or calls a model.
Each key is remembered for the most recent names (`functools.lru_cache`, bounded): a day
of a thousand articles names the same parties and places thousands of times.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from newsbrief.text.names import canonical_alias, fold

_PEOPLE_UNITS = frozenset(
    "people person persons individuals residents deaths dead lives victims fatalities".split()
) | {""}
# "<head> of <place>" reads as "<place> <head>" ("Government of Samoa" = "Samoa government").
_HEAD_OF = re.compile(r"^(government|parliament|ministry of \w+|president|people) of (.+)$")
_ISATION = re.compile(r"(?<=\w)is(ation|e|ed|ing)\b")


def _expand(name: str, words: list[str]) -> list[str]:
    """Replace a leading abbreviation ('U.N.', 'UN', 'US') by its long form ('Who' stays)."""
    written = name.split()[:1]
    if not words or not written or not (written[0].isupper() or "." in written[0]):
        return words
    long_form = canonical_alias(words[0])
    return fold(long_form).split() + words[1:] if long_form else words


KEY_CACHE = 16384
"""How many names each key function remembers (a day repeats the same names many times)."""


@functools.lru_cache(maxsize=KEY_CACHE)
def party_key(name: str) -> str:
    """The key two names of one party share ('U.N. Security Council' = 'UN Security Council').

    Case, punctuation, a leading 'the', British or American '-ise/-ize' spelling, a known
    abbreviation at the start ('U.S.', 'UN', 'WHO') and the order of 'Government of X' do not
    matter.
    """
    whole = canonical_alias(name)
    text = fold(whole) if whole else fold(name)
    text = _ISATION.sub(lambda m: "iz" + m.group(1), text)
    words = _expand(name, text.split())
    text = " ".join(words)
    head_of = _HEAD_OF.match(text)
    if head_of:
        text = f"{head_of.group(2)} {head_of.group(1)}"
    return text


@functools.lru_cache(maxsize=KEY_CACHE)
def person_key(name: str) -> str:
    """The key of a person's name: case, accents, punctuation and a leading 'the' folded."""
    return fold(name)


def place_key(place: str | None) -> str:
    """The key of a place ('the Rafah' = 'Rafah'; 'U.S.' = 'United States'); '' when none."""
    return party_key(place) if place and place.strip() else ""


def unit_key(unit: str | None) -> str:
    """The key of a unit: every word for people ('people', 'persons', '') is ''."""
    text = fold(unit or "")
    return "" if text in _PEOPLE_UNITS else text


def unique(values: Iterable[str]) -> list[str]:
    """The values in first-seen order, without case-insensitive repeats or blanks."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.casefold().strip(), value)
    return list(seen.values())
