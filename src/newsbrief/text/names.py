"""One party or person per real entity: canonical names and their aliases."""

from __future__ import annotations

import re
import unicodedata

from newsbrief.models import Party, Person

# Common short forms of state and organisation names, keyed by their folded form.
_ALIASES: dict[str, str] = {
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "un": "United Nations",
    "eu": "European Union",
    "uae": "United Arab Emirates",
    "nato": "NATO",
    "who": "World Health Organization",
}


def without_accents(text: str) -> str:
    """`text` decomposed (NFKD) and without its combining marks: 'Saúde' -> 'Saude'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_possessive(name: str) -> str:
    """A name without the possessive it was written with: "Magen David Adom's" -> the name."""
    return re.sub(r"['’]s$", "", name)


def fold(name: str) -> str:
    """Compare names case-, accent-, punctuation- and article-insensitively."""
    text = without_possessive(without_accents(name.strip()))
    text = re.sub(r"[.\u2019'`]", "", text).casefold()
    text = re.sub(r"^the\s+", "", text)
    return " ".join(text.split())


def canonical_alias(name: str) -> str | None:
    """The long form of a well-known abbreviation ('U.S.' -> 'United States'), if any."""
    return _ALIASES.get(fold(name))


class NameIndex:
    """Maps any written form of a name to the canonical name of its entity."""

    def __init__(self) -> None:
        self._canon: dict[str, str] = {}

    def add(self, canonical: str, *aliases: str) -> None:
        """Register a canonical name and the forms that refer to it."""
        for form in (canonical, *aliases):
            self._canon.setdefault(fold(form), canonical)

    def resolve(self, name: str) -> str | None:
        """Canonical name for `name`: exact form, known alias, or a person's surname."""
        key = fold(name)
        if key in self._canon:
            return self._canon[key]
        alias = canonical_alias(name)
        if alias and fold(alias) in self._canon:
            return self._canon[fold(alias)]
        matches = {c for k, c in self._canon.items() if k.split()[-1:] == key.split()[-1:]}
        return matches.pop() if len(matches) == 1 and " " not in key else None


def merge_parties(parties: list[Party]) -> list[Party]:
    """Fold parties that are the same entity ('U.S.' into 'United States')."""
    by_key: dict[str, Party] = {}
    for party in parties:
        long_form = canonical_alias(party.name)
        key = fold(long_form or party.name)
        if key in by_key:
            kept = by_key[key]
            names = {kept.name, *kept.aliases, party.name, *party.aliases}
            # the long form, when the article writes it, names the party whatever the order
            written = sorted(n for n in names if fold(n) == key)
            if written and fold(kept.name) != key:
                kept = kept.model_copy(update={"name": written[0]})
            by_key[key] = kept.model_copy(
                update={
                    "aliases": sorted(names - {kept.name}),
                    "evidence": kept.evidence + party.evidence,
                }
            )
        else:
            by_key[key] = party
    return list(by_key.values())


def merge_people(people: list[Person]) -> list[Person]:
    """Fold a surname-only mention ('Netanyahu') into the full name ('Benjamin Netanyahu')."""
    full = [p for p in people if " " in p.name.strip()]
    out: dict[str, Person] = {fold(p.name): p for p in full}
    for person in people:
        if " " in person.name.strip():
            continue
        owners = [p for p in full if fold(p.name).split()[-1] == fold(person.name)]
        if len(owners) == 1:
            key = fold(owners[0].name)
            kept = out[key]
            out[key] = kept.model_copy(update={"evidence": kept.evidence + person.evidence})
        else:
            out.setdefault(fold(person.name), person)
    return list(out.values())
