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
* `attribution`: who the sentence says the number comes from ("according to X", "X said").
* `place`: where it applies ("in X" near the number; else the nearest place in the sentence).
* `lead_place`: the place the article's opening sentence is about.

Token offsets (`tok.idx`) are offsets into the parsed text.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterator
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
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if not numbers:
        return None
    return min(numbers, key=lambda t: (_depth(t), -t.i))


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 64:
        tok, depth = tok.head, depth + 1
    return depth


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


def is_agent(via: Token, verb: Token) -> bool:
    """True when `via` is the active subject of a `verb` with an object: the doer."""
    if via.head.i != verb.i or via.dep_ != "nsubj":
        return False
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


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
    """True for "Jane Doe, 49," - a number set off after a name is an age."""
    if tok.dep_ not in ("appos", "npadvmod", "amod", "conj") or tok.head.pos_ != "PROPN":
        return False
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


def left_phrase(tok: Token) -> Span:
    """The noun phrase of `tok` up to and including it ("a fifth person", "no deaths")."""
    start = min((c.left_edge.i for c in tok.lefts), default=tok.i)
    return tok.doc[start : tok.i + 1]


# --- who says so ------------------------------------------------------------------------------

_SAY = frozenset(
    "say report tell confirm claim state indicate announce add estimate suggest note reveal "
    "write tweet post show put record count tally list quote cite warn explain".split()
)
_REPORT_NOUNS = frozenset(
    "report data datum figure statistic estimate count tally record update announcement statement "
    "account tweet release bulletin".split()
)
_SPEAKERS = frozenset(
    "official authority police source medium media report witness spokesman spokeswoman "
    "spokesperson officer agency ministry government department service brigade council "
    "army military office committee commission hospital newspaper paper outlet press "
    "coroner prosecutor team".split()
)
_SOURCE_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "flat"})


@dataclass(frozen=True)
class Attribution:
    """Who a number is attributed to: the name as the body writes it, and its head token."""

    name: str
    token: Token | None


def attribution(tok: Token) -> Attribution | None:
    """Who the sentence attributes the number at `tok` to, or None.

    In order: "according to X" (or "per X") on a clause above the number, the subject of the
    nearest verb of saying above it ("X said ..."), a verb of saying set beside the number's
    clause ("..., X said"; "..., reported officials"), "according to X" anywhere in the
    sentence, then "reportedly" or "by reports" on the number's own clause ("reports").
    A relative clause ("where 20 died") is the writer's own description: the search for a
    speaker does not climb out of it.
    """
    chain = _clause_chain(tok)
    for anc in chain:
        found = _according(anc) or _speaker(anc)
        if found is not None:
            return found
    ids = {t.i for t in chain}
    for other in tok.sent:
        beside = other.head.i in ids and other.dep_ in ("parataxis", "advcl", "conj", "ccomp")
        found = (_speaker(other) if beside else None) or _said_by_noun(other)
        if found is not None:
            return found
    for other in (r.token for r in nearby(tok, limit=64)):
        found = _according(other)
        if found is not None:
            return found
    own = chain[: next((k for k, t in enumerate(chain) if t.pos_ in _VERBAL), len(chain)) + 1]
    if any(c.lower_ == "reportedly" or _by_reports(c) for t in own for c in t.children):
        return Attribution("reports", None)
    return None


def _clause_chain(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and chain[-1].dep_ not in ("relcl", "acl"):
        chain.append(chain[-1].head)
    return chain


def _according(tok: Token) -> Attribution | None:
    for child in tok.children:
        if child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None:
                return _named(pobj)
        if child.dep_ == "prep" and child.lower_ == "per":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _named(pobj)
    return None


def _speaker(tok: Token) -> Attribution | None:
    if tok.lemma_ not in _SAY or tok.pos_ not in _VERBAL or tok.dep_ == "amod":
        return None
    for child in tok.children:
        if child.dep_ == "nsubj" and _can_speak(child):
            return _named(child)
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _named(pobj)
    return None


def _can_speak(tok: Token) -> bool:
    """False for an event as the subject: "the fire claimed 11 lives" is no attribution."""
    return tok.lemma_.lower() not in _EVENTS and not lower_in(tok, _EVENTS)


_EVENTS = frozenset(
    "fire blaze quake earthquake tremor storm flood flooding explosion blast attack crash "
    "disease virus outbreak epidemic pandemic accident collision shooting bombing typhoon "
    "hurricane cyclone tornado landslide avalanche eruption disaster war conflict strike "
    "raid fighting violence clash".split()
)


def lower_in(tok: Token, words: Collection[str]) -> bool:
    """True when the word, or the word without a plural -s, is in `words`."""
    low = tok.lower_
    return low in words or low.removesuffix("s") in words


def _said_by_noun(tok: Token) -> Attribution | None:
    """A verb ("..., reported officials") of saying parsed as its speaker's modifier."""
    if tok.lemma_ not in _SAY or tok.dep_ != "amod" or tok.i + 1 != tok.head.i or tok.i == 0:
        return None
    speaker = tok.head
    named = speaker.ent_type_ in _SOURCE_ENTS or speaker.lemma_.lower() in _SPEAKERS
    return _named(speaker) if named and tok.doc[tok.i - 1].text == "," else None


def _named(tok: Token) -> Attribution | None:
    name = source_name(tok)
    return Attribution(name, tok) if name else None


def _by_reports(tok: Token) -> bool:
    return tok.lower_ == "by" and any(c.lemma_ == "report" for c in tok.children)


def source_name(tok: Token) -> str | None:
    """The name of the speaker whose head word is `tok`, as the body writes it."""
    if tok.pos_ == "PRON":
        return _antecedent(tok)
    if tok.lemma_ in _REPORT_NOUNS:
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return source_name(child)  # "the ministry's figures"
            if child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return source_name(pobj)
    ent = _entity_of(tok)
    if ent is not None:
        return _strip_the(ent)
    start = tok.i
    while start > tok.sent.start and tok.doc[start - 1].dep_ in _NAME_DEPS:
        if tok.doc[start - 1].head.i not in range(start, tok.i + 1):
            break
        start -= 1
    return _strip_the(tok.doc[start : tok.i + 1])


def _entity_of(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in _SOURCE_ENTS and ent.root.i == tok.i:
            return ent
    return None


def _strip_the(span: Span) -> str:
    words = list(span)
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return span.doc[words[0].i : span.end].text if words else span.text


def _antecedent(pron: Token) -> str | None:
    """The last person named before "he" or "she"; other pronouns are not resolved."""
    if pron.lower_ not in ("he", "she"):
        return None
    people = [e for e in pron.doc.ents if e.label_ == "PERSON" and e.end <= pron.i]
    return people[-1].text if people else None


# --- where ------------------------------------------------------------------------------------

_VENUE_VERBS = frozenset("strike hit attack target bomb raid storm shell".split())
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset(
    "in at on near across through throughout inside outside of around within off along into".split()
)


def places(doc: Doc, start: int, end: int, known: Collection[str] = ()) -> list[Span]:
    """Place names in `doc` between character offsets `start` and `end` used as places.

    Places are GPE/LOC/FAC entities and the `known` place names; a place used as a modifier
    ("U.S. border city", "Turkey's ministry") or as a speaker or actor is not one.
    """
    found: dict[tuple[int, int], Span] = {}
    for ent in doc.ents:
        if ent.label_ in _PLACE_ENTS and start <= ent.start_char and ent.end_char <= end:
            found[(ent.start, ent.end)] = ent
    for venue in [*_facilities(doc, start, end), *_proper_places(doc, start, end)]:
        if not any(s.start <= venue.root.i < s.end for s in found.values()):
            found[(venue.start, venue.end)] = venue
    window = doc.text[start:end]
    for name in known:
        at = window.find(name)
        while at >= 0 and name:
            named = doc.char_span(start + at, start + at + len(name))
            if named is not None and not any(
                s.start <= named.start < s.end for s in found.values()
            ):
                found[(named.start, named.end)] = named
            at = window.find(name, at + len(name))
    ordered = sorted(found.values(), key=lambda s: s.start)
    return [s for s in ordered if _used_as_place(s.root)]


_FACILITIES = frozenset(
    "cathedral church mosque temple synagogue airport station hospital school university "
    "college market mall stadium hotel bridge square street road avenue highway park gardens "
    "prison camp port harbour harbor base palace tower centre center headquarters".split()
)


def _facilities(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """Named venues the parser may miss: "Jolo Cathedral", "Forbury Gardens"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        if tok.pos_ != "PROPN" or tok.lower_ not in _FACILITIES or tok.dep_ == "compound":
            continue
        first = tok.i
        while first > span.start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first < tok.i:
            yield doc[first : tok.i + 1]


_IN_PREPS = frozenset("in at near across throughout inside outside".split())
_REALMS = frozenset(
    "government city town village state province region island country capital district "
    "county republic kingdom territory people".split()
)
_NOT_PLACE_ENTS = frozenset({"PERSON", "ORG", "DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART"})


def _proper_places(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """Proper nouns where English puts places ("in X", "the town of X"), typed or not."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.ent_type_ in ("PERSON", "DATE"):
            continue
        prep = tok.head
        realm = prep.lower_ == "of" and prep.head.lemma_.lower() in _REALMS
        if realm or (prep.lower_ in _IN_PREPS and tok.ent_type_ not in _NOT_PLACE_ENTS):
            first = tok.i
            while first > span.start and doc[first - 1].dep_ == "compound":
                first -= 1
            yield doc[first : tok.i + 1]


def _used_as_place(root: Token) -> bool:
    if root.dep_ == "pobj":
        return root.head.lower_ in _PLACE_PREPS
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in _VENUE_VERBS:
        return True
    return root.dep_ in ("appos", "conj", "npadvmod") and root.head.pos_ == "PROPN"


def place(tok: Token, candidates: list[Span], source: Token | None = None) -> Span | None:
    """The candidate place nearest the number at `tok` in the tree (else in the text).

    A place that belongs to an actor ("a laboratory in X", "the police of X") or to the
    speaker (the subtree of `source`) is the actor's, not the number's.
    """
    costs = {r.token.i: r.cost for r in nearby(tok, limit=64)}
    ranked = []
    for span in candidates:
        root = span.root
        if source is not None and (root.i == source.i or source.is_ancestor(root)):
            continue
        if actor_place(root):
            continue
        cost = costs.get(root.i, 1000)
        ranked.append((cost, abs(root.i - tok.i), span.start, span))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


_ACTORS = frozenset(
    "police ministry government agency official authority laboratory lab office department "
    "army military council committee court embassy spokesman spokeswoman spokesperson "
    "governor mayor minister president leader".split()
)


def actor_place(root: Token) -> bool:
    """True for "a laboratory in X", "the police of X": the place names where an actor is."""
    tok = root
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head  # "Springfield, Ohio": the chain of names is one place
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        owner = tok.head.head
        if owner.pos_ in _VERBAL:
            return False
        if owner.ent_type_ in ("ORG", "PERSON") or owner.lemma_.lower() in _ACTORS:
            return True
        tok = owner
    return False


def lead_place(
    doc: Doc, sentences: list[tuple[int, int]], known: Collection[str] = ()
) -> str | None:
    """The place the first sentence that names one is about (the nearest its main verb)."""
    for start, end in sentences:
        found = places(doc, start, end, known)
        if found:
            span = doc.char_span(start, end, alignment_mode="expand")
            root = span.root if span is not None else found[0].root
            costs = {r.token.i: r.cost for r in nearby(root, limit=64)}
            best = min(found, key=lambda p: (costs.get(p.root.i, 1000), p.start))
            return best.text
    return None
