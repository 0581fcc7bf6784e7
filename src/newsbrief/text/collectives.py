"""Collective actors named by a common noun, with a name before it or none at all.

'The German government', 'the Biden administration', 'the government of Samoa', and 'police
said' with no name at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbrief.text.lexicon import (
    BARE_HEADS,
    COLLECTIVE_HEADS,
    GOVERNMENT_LEVELS,
    PARTY_MEMBERS,
    PORTFOLIOS,
    QUALIFIED_BODIES,
)
from newsbrief.text.names import canonical_alias
from newsbrief.text.ner import NameSpan, clean, name_start, token_span, use_of
from newsbrief.text.nlp import doc_text
from newsbrief.text.states import is_country, state_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def collective_spans(doc: Doc) -> list[NameSpan]:
    """Collective actors named by a common noun and a name ('the Iraqi government')."""
    out: list[NameSpan] = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.lower_ in _DESCRIBED_BODIES:
            described = _owned_described(doc, token) or _a_bodys_described(doc, token)
            if described is not None:
                out.append(described)
            continue
        if token.lower_ not in COLLECTIVE_HEADS:
            continue
        owned = _owned(doc, token)  # "Egypt's health ministry" (the tagger may call part ORG)
        if owned is not None:
            out.append(owned)
            continue
        if token.ent_type_ == "ORG":
            continue  # already a named organisation ('Armed Forces of the Philippines')
        span = _named_modifier(doc, token) or _named_of(doc, token)
        if span is not None:
            out.append(_delegations_state(span, token) or span)
    return out


def _delegations_state(span: NameSpan, head: Token) -> NameSpan | None:
    """'The Kyrgyz delegation', 'the US delegation': a state's delegation is the state.

    The span names the state and is typed as an official's ('OFFICIAL'), as 'the Kyrgyz
    envoy' is; a group's delegation ('the rebel delegation') stays a collective of its own.
    """
    if head.lower_ != "delegation" or " " not in span.text:
        return None
    owner = span.text.rsplit(" ", 1)[0].removesuffix("'s")
    state = state_of(owner) or canonical_alias(owner) or owner
    if not is_country(state):
        return None
    return NameSpan(state, span.start, span.end, "OFFICIAL", span.first, span.last)


def _named_modifier(doc: Doc, head: Token) -> NameSpan | None:
    """'German government', 'U.S. federal authorities': a name written just before the noun.

    The name may be up to three words before the noun ('Texas state prosecutors') and need
    not be the noun's own modifier in the parse ('a German government source').
    """
    first = None
    k = head.i - 1
    while k >= max(head.i - 4, 0):
        token = doc[k]
        if token.is_punct and token.text != "." or token.tag_ == "POS" or token.pos_ == "DET":
            break
        if token.ent_type_ in _COLLECTIVE_OWNERS:
            first = k
        elif first is not None or token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        k -= 1
    if first is None:
        return None
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return clean(doc, first, head.i, "COLLECTIVE")


def _owned(doc: Doc, head: Token) -> NameSpan | None:
    """A body a state owns, written with its possessive, or None.

    "Egypt's health ministry", "Guyana's police" (a ministry needs its portfolio).
    """
    owner = _proper_owner(head)
    if owner is None:
        return None
    if owner.ent_type_ not in ("GPE", "") and not _owner_is_country(doc, owner):
        return None  # a country the tagger mistyped still owns its ministry ('Chad's')
    between = doc[owner.i + 1 : head.i]
    words = [t for t in between if t.tag_ != "POS"]
    allowed = _qualifiers(head)
    if head.lower_ == "ministry" and not words:
        return None
    if any(t.lower_ not in allowed for t in words):
        return None
    return clean(doc, name_start(owner), head.i, "COLLECTIVE")


# Bodies a state owns that annotators name by a description: "Indonesia's national search
# and rescue agency", "Chile's financial market regulator".
_DESCRIBED_BODIES = frozenset("agency office service department directorate regulator".split())
_DESCRIPTION_WORDS = 6


def _owned_described(doc: Doc, head: Token) -> NameSpan | None:
    """A body a country owns, described in lower-case words between the two, or None.

    "Indonesia's national search and rescue agency": the owner must be a country, and the
    words between it and the body plain lower-case words (no name, no number).
    """
    owner = _proper_owner(head)
    if owner is None or not _owner_is_country(doc, owner):
        return None
    words = [t for t in doc[owner.i + 1 : head.i] if t.tag_ != "POS"]
    if not words or len(words) > _DESCRIPTION_WORDS:
        return None
    if not all(t.is_lower and (t.is_alpha or t.text == "-") for t in words):
        return None
    return clean(doc, name_start(owner), head.i, "COLLECTIVE")


def _a_bodys_described(doc: Doc, head: Token) -> NameSpan | None:
    """An agency of a well-known body, described in lower-case words after its short name.

    'the UN refugee agency', 'the UN humanitarian office': the short name is one whose long
    form is known ('UN', 'EU') and the words between it and the body plain lower-case words.
    """
    if not head.is_lower:
        return None  # 'Office' is part of a name, not a description
    k = head.i - 1
    while k >= max(head.i - _DESCRIPTION_WORDS, 0) and _describes(doc[k]):
        k -= 1
    if k == head.i - 1 or k < 0:
        return None
    owner = doc[k]
    long = canonical_alias(owner.text)
    if not owner.text.isupper() or long is None or is_country(long):
        return None
    return clean(doc, k, head.i, "COLLECTIVE")


def _describes(word: Token) -> bool:
    """A plain lower-case word that says what a body does ('refugee', 'humanitarian')."""
    return word.is_lower and word.is_alpha and word.pos_ in ("NOUN", "ADJ")


def _proper_owner(head: Token) -> Token | None:
    """The proper noun that owns the body with a possessive ('Egypt' of "Egypt's ministry")."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
    return owner if owner is not None and owner.pos_ == "PROPN" else None


def _owner_is_country(doc: Doc, owner: Token) -> bool:
    return is_country(doc[name_start(owner) : owner.i + 1].text)


def _named_of(doc: Doc, head: Token) -> NameSpan | None:
    """'the government of Samoa': the noun and its 'of'-phrase naming a state or place."""
    if head.lower_ not in ("government", "administration", "cabinet", "parliament"):
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and objects[0].ent_type_ in ("GPE", "ORG"):
                last = objects[0].i
                while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                    last += 1
                return clean(doc, head.i, last, "COLLECTIVE")
    return None


_COLLECTIVE_OWNERS = frozenset({"GPE", "NORP", "PERSON", "ORG"})


def bare_collectives(doc: Doc) -> list[NameSpan]:
    """'Police said ...', 'the army confirmed ...': a collective actor with no name before it.

    Only the subject of a verb, the agent of a passive or the body a figure is credited to
    ('according to the health ministry') counts, so 'in police custody' names no one.
    """
    out: list[NameSpan] = []
    for token in doc:
        if token.lower_ not in BARE_HEADS or not _common_noun(token):
            continue
        acting = (
            token.dep_ in ("nsubj", "nsubjpass")
            or (token.dep_ == "pobj" and token.head.dep_ == "agent")
            or _according_to(token)
        )
        first = _bare_start(token)
        if acting and first is not None:
            start, end = doc[first].idx, token.idx + len(token.text)
            out.append(NameSpan(doc_text(doc)[start:end], start, end, "BARE", first, token.i))
    return out


def _according_to(token: Token) -> bool:
    """'according to the health ministry': the body a figure is credited to speaks."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _common_noun(token: Token) -> bool:
    """A common noun, or one in lower case the tagger took for a name ('the health ministry')."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower


def _bare_start(head: Token) -> int | None:
    """First token of a bare collective: the noun, or the level of government before it.

    'state police', 'federal authorities', 'the country's cabinet' (the owner is no name);
    None when a name or any other word qualifies the noun ('Texas police' is a collective
    with a name; 'riot police' is no party). A ministry needs its portfolio ('the interior
    ministry').
    """
    first = head.i
    for child in sorted(head.lefts, key=lambda c: -c.i):
        if child.dep_ == "poss":
            if child.pos_ != "NOUN" or child.ent_type_:
                return None  # 'Peru's army' is named; 'the nation's army' is not
        elif child.dep_ in ("compound", "amod", "nmod"):
            allowed = _qualifiers(head)
            named = child.ent_type_ and not (child.is_lower and child.ent_type_ == head.ent_type_)
            if child.lower_ not in allowed or named or child.i != first - 1:
                return None
            first = child.i
    needs_kind = head.lower_ == "ministry" or head.lower_ in QUALIFIED_BODIES
    if needs_kind and first == head.i:
        return None  # 'the ministry said', 'the agency said': which one, the article said before
    return first


def _qualifiers(head: Token) -> frozenset[str]:
    """The words that may stand before a bare collective: a portfolio, a kind, a level."""
    if head.lower_ == "ministry":
        return PORTFOLIOS
    return QUALIFIED_BODIES.get(head.lower_, GOVERNMENT_LEVELS)


def party_members(doc: Doc) -> list[NameSpan]:
    """A political party named by its members: 'Democrats said', 'the Tories' plan'.

    Only members who act (a subject, a possessor, a partner) count, and the mention is named
    by the party ('Democratic Party'); its offsets stay those of the word as written.
    """
    out: list[NameSpan] = []
    for token in doc:
        party = PARTY_MEMBERS.get(token.lower_)
        if party is None or token.ent_type_ not in ("NORP", "ORG") or token.pos_ != "PROPN":
            continue
        span = token_span(doc, token.i, "ORG")
        if use_of(doc, span) in ("agent", "possessor", "partner"):
            out.append(NameSpan(party, span.start, span.end, "ORG", span.first, span.last))
    return out
