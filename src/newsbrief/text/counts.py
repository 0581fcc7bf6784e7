"""What a number in a parsed sentence counts, read off the dependency parse (no model).

A number phrase sits in a dependency tree (spaCy's English parser, `newsbrief.text.nlp`).
This module reads that tree around one number:

* `count_token`: the token of the number itself ("20" in "at least 20 people").
* `counted_noun`: the noun it counts ("people"; "murders" in "six of the murders"), if any.
* `nearby`: the tokens near the number in the tree, cheapest first. Moving along an arc
  inside one clause costs `ARC` (an arc to or from a preposition half of that); an arc into
  another clause (ccomp, advcl, relcl, a coordinated verb) costs `CLAUSE`; passing through
  another number costs `THROUGH_COUNT` extra, since what lies beyond it is that number's.
  A caller scans them for its own cue words: the nearest cue is the one that governs.

Who a number is attributed to is read in `newsbrief.text.attribution`, where it applies in
`newsbrief.text.places`.

Token offsets (`tok.idx`) are offsets into the parsed text.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ARC = 2
CLAUSE = 6
THROUGH_COUNT = 4

_PREP_ARCS = frozenset({"prep", "pobj", "agent", "dative"})
_CLAUSE_ARCS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "csubjpass", "pcomp", "relcl"})
_VERBAL = frozenset({"VERB", "AUX"})
_NEVER = frozenset({"punct", "cc", "mark", "dep", "meta"})


@dataclass(frozen=True)
class Reach:
    """A token near the number: its cost, where it was reached from, clause boundaries crossed."""

    cost: int
    token: Token
    via: Token
    clauses: int = 0


def count_token(doc: Doc, start: int, end: int) -> Token | None:
    """The number's own token in `doc[start:end]` (character offsets): the one nearest the root."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in _NUMBER_NOUNS]
    if not numbers:
        return None
    return min(numbers, key=lambda t: (depth(t), -t.i))


_NUMBER_NOUNS = frozenset({"dozen", "hundred", "thousand", "lakh", "million", "crore", "billion"})


def depth(tok: Token) -> int:
    """How many arcs lie between `tok` and the root of its sentence."""
    steps = 0
    while tok.head.i != tok.i and steps < 64:
        tok, steps = tok.head, steps + 1
    return steps


def _arc_cost(child: Token, down: bool) -> int:
    """The cost of the arc from `child` to its head (`down`: walked from the head)."""
    dep = child.dep_
    if dep in _NEVER:
        return 0
    if dep in ("relcl", "acl") and down:
        return ARC  # a noun's own relative clause describes it
    if dep in _CLAUSE_ARCS:
        return CLAUSE
    if dep == "conj" and (child.pos_ in _VERBAL or child.head.pos_ in _VERBAL):
        return CLAUSE
    if dep in _PREP_ARCS or child.pos_ == "ADP" or child.head.pos_ == "ADP":
        return ARC // 2
    return ARC


def _neighbours(tok: Token) -> Iterator[tuple[Token, int]]:
    if tok.head.i != tok.i:
        cost = _arc_cost(tok, down=False)
        if cost:
            yield tok.head, cost
    for child in tok.children:
        cost = _arc_cost(child, down=True)
        if cost:
            yield child, cost


def nearby(tok: Token, limit: int = 16) -> list[Reach]:
    """Tokens of `tok`'s sentence within `limit`, cheapest first (ties: nearest in the text)."""
    best: dict[int, Reach] = {tok.i: Reach(0, tok, tok, 0)}
    queue: list[tuple[int, int, int]] = [(0, 0, tok.i)]
    doc = tok.doc
    while queue:
        cost, _, i = heapq.heappop(queue)
        if cost > best[i].cost:
            continue
        here = doc[i]
        extra = THROUGH_COUNT if i != tok.i and _is_number(here) else 0
        for other, step in _neighbours(here):
            total = cost + step + extra
            if total <= limit and (other.i not in best or total < best[other.i].cost):
                crossed = best[i].clauses + (step == CLAUSE)
                best[other.i] = Reach(total, other, here, crossed)
                heapq.heappush(queue, (total, abs(other.i - tok.i), other.i))
    return sorted(best.values(), key=lambda r: (r.cost, abs(r.token.i - tok.i)))


def _is_number(tok: Token) -> bool:
    return tok.pos_ == "NUM" and tok.like_num


def counted_noun(tok: Token) -> Token | None:
    """The noun the number counts: "20 people" -> people, "six of the murders" -> murders."""
    modifies = tok.dep_ in ("nummod", "amod", "compound", "quantmod")
    if modifies and tok.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head
        for _ in range(2):  # "53 measles related deaths": the number's noun modifies the head
            head = noun.head
            if noun.dep_ not in _MODIFIER_DEPS or head.i == noun.i:
                break
            if head.pos_ in ("ADJ", "VERB") and head.dep_ == "amod":
                head = head.head
            if head.pos_ != "NOUN":
                break
            noun = head
        return noun
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return pobj
    return None


_MODIFIER_DEPS = frozenset({"compound", "npadvmod", "nmod"})


# Verbs that take no object: their subject is who it befell, whatever the parser hangs on
# them ("four people have died, among them a boy" parsed with "boy" as an object).
_NO_OBJECT = frozenset({"die", "perish", "drown"})


def takes_no_object(verb: Token) -> bool:
    """True for "die", "perish", "drown": their subject never acts on anyone."""
    return verb.lemma_.lower() in _NO_OBJECT


def is_agent(via: Token, verb: Token) -> bool:
    """True when `via` is the active subject of a `verb` with an object: the doer."""
    if via.head.i != verb.i or via.dep_ != "nsubj" or takes_no_object(verb):
        return False
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def of_object(tok: Token) -> Token | None:
    """The object of `tok`'s own "of" phrase: "Everest" of "the summit of Everest"."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


def negated(tok: Token) -> bool:
    """True when `tok` carries a negation ("were not killed")."""
    return any(c.dep_ == "neg" for c in tok.children)


def disjoined(tok: Token) -> bool:
    """True when `tok` is coordinated with "or" ("killed or injured"): a definition, not a tally."""
    if tok.dep_ == "conj":
        tok = tok.head
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    return bool(conjuncts) and any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.children)


def age_apposition(tok: Token) -> bool:
    """True for "Jane Doe, 49," and "the driver, 38,".

    A number set off after a name or after one person is an age.
    """
    if tok.dep_ not in ("appos", "npadvmod", "amod", "conj"):
        return False
    head = tok.head
    after = tok.doc[tok.i + 1].text if tok.i + 1 < len(tok.doc) else ""
    one = head.pos_ == "NOUN" and head.tag_ == "NN" and after == ","  # a count needs a plural
    # the tagger may type a runner's name a place; an age it types a date: "Tesfay, 22,"
    place = head.ent_type_ in ("GPE", "LOC") and not (tok.ent_type_ == "DATE" and after == ",")
    if head.pos_ != "PROPN" and not one or place:
        return False  # "from China, eight from Italy": a place has no age
    if head.tag_ == "NNPS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "197 Palestinians, 58 of them children": a part of a group, not an age
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


def left_phrase(tok: Token) -> Span:
    """The noun phrase of `tok` up to and including it ("a fifth person", "no deaths")."""
    start = min((c.left_edge.i for c in tok.lefts), default=tok.i)
    return tok.doc[start : tok.i + 1]
