"""Where a number applies, read off the parse and the named entities (no model).

Places are GPE/LOC/FAC entities, named venues ("Tamba Market"), proper nouns where English
puts places ("in X", "the town of X") and names the caller knows are places. The place of
a number is the one nearest it in the dependency tree, leaving out places that name where
an actor sits ("a laboratory in X") or belong to the speaker; `lead_place` is the place the
article's first sentence with one is about.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from itertools import takewhile
from typing import TYPE_CHECKING

from newsbrief.text.counts import nearby
from newsbrief.text.lexicon import (
    MEETING_NOUNS,
    MEETING_VERBS,
    NAMED_HAZARDS,
    ORG_NAME_WORDS,
    SPEECH_VERBS,
)
from newsbrief.text.ner import before_a_count, count_after, name_start
from newsbrief.text.nlp import doc_text, ents
from newsbrief.text.states import is_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_VERBAL = frozenset({"VERB", "AUX"})

_VENUE_VERBS = frozenset("strike hit attack target bomb raid storm shell".split())
_TALLY_VERBS = frozenset(
    "record register report confirm see suffer lose count log account have host detect".split()
)
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
    for ent in ents(doc):
        if ent.label_ in _PLACE_ENTS and start <= ent.start_char and ent.end_char <= end:
            found[(ent.start, ent.end)] = ent
    venues = [*_facilities(doc, start, end), *_proper_places(doc, start, end)]
    venues += [*_named_divisions(doc, start, end), *_tallying_countries(doc, start, end)]
    venues += list(_tally_items(doc, start, end))
    for venue in venues:
        if not any(s.start <= venue.root.i < s.end for s in found.values()):
            found[(venue.start, venue.end)] = venue
    window = doc_text(doc)[start:end]
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
    return [
        _the_town(s)
        for s in ordered
        if _used_as_place(s.root) and not _a_surname(s) and s.root.ent_type_ not in _TIMES
    ]


def _the_town(span: Span) -> Span:
    """'Tangerang prison' is in Tangerang: the town names the place."""
    return span[:-1] if _named_by_its_town(span[-1]) and len(span) > 1 else span


_TIMES = frozenset({"DATE", "TIME"})  # 'last Tuesday' is no place, whatever found it


# Lower-case particles inside a person's name: "Ursula von der Leyen", "Mohammed bin Salman".
_NAME_PARTICLES = frozenset("von van der den zu bin ibn".split())


def _a_surname(span: Span) -> bool:
    """A name after a particle of a person's name: "von der Leyen" is no place "Leyen"."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text in _NAME_PARTICLES


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
        if tok.lower_ not in _FACILITIES or tok.dep_ == "compound":
            continue
        if tok.pos_ != "PROPN" and not _named_by_its_town(tok):
            continue
        first = tok.i
        while first > span.start:
            if doc[first - 1].pos_ == "PROPN":
                first -= 1
            elif first - 2 >= span.start and _hyphen_between(doc[first - 2], doc[first - 1]):
                first -= 2  # "Sher-e-Bangla Medical College Hospital": one word in three
            else:
                break
        if first < tok.i:
            yield doc[first : tok.i + 1]


def _named_by_its_town(facility: Token) -> bool:
    """'At Tangerang prison': a facility named by the town it is in (a lower-case noun).

    Not a hospital: 'died in a Houston hospital' tells where the injured were taken.
    """
    if facility.pos_ != "NOUN" or facility.lower_ not in _FACILITIES - {"hospital"}:
        return False
    if facility.i == 0 or any(c.dep_ == "det" for c in facility.children):
        return False  # 'the Emirati port of Fujairah': a country's port, named after
    town = facility.doc[facility.i - 1]
    return town.dep_ == "compound" and town.ent_type_ in ("GPE", "LOC")


def _hyphen_between(word: Token, hyphen: Token) -> bool:
    """'e' '-' before the next word of a name, written with no space either side."""
    return hyphen.text == "-" and not word.whitespace_ and not hyphen.whitespace_


def _named_divisions(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """A division or a works named by a word the tagger did not type as a place.

    "Enga province", "Sirajganj district": one name written before the division word;
    "the Raspadskaya mine", "the Hwaseong plant": a named works, typed as anything.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        head = tok.head
        if tok.pos_ != "PROPN" or tok.dep_ != "compound" or head.i <= tok.i:
            continue
        while head.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_ not in _WORKS:
            head = head.head  # "the Dalvano battery plant", however the compounds nest
        kind = head.lemma_.lower()
        typed = tok.ent_type_ in _NOT_PLACE_ENTS or tok.ent_type_ in _PLACE_ENTS
        if kind in _WORKS:  # a works named by its name, whatever the tagger typed it
            between = doc[tok.i + 1 : head.i]  # "the Hwaseong battery plant"
            if tok.ent_type_ in ("DATE", "TIME") or any(t.pos_ != "NOUN" for t in between):
                continue
        elif kind not in _DIVISIONS or head.i != tok.i + 1:
            continue
        elif typed and tok.ent_type_ not in ("ORG", "PERSON", "NORP"):
            continue  # "Assam state": Assam is the place already; "Ahrweiler district" typed
            # as an organisation or a person is still a division
        elif tok.ent_type_ == "NORP" and _of_a_name(head):
            continue  # "the Catalan city of Tarragona": the name is after 'of'
        yield doc[max(span.start, name_start(tok)) : head.i + 1]


def _of_a_name(division: Token) -> bool:
    """'City of Tarragona', 'republic of Tatarstan': the division's name follows 'of'."""
    return any(
        p.pos_ == "PROPN"
        for prep in division.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    )


def _tallying_countries(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """A land the tagger did not type, recording its own count: "Sri Lanka has recorded"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in span if span is not None else ():
        if tok.pos_ == "PROPN" and tok.ent_type_ != "GPE" and _tallies(tok):
            yield doc[_whole_name_start(tok) : tok.i + 1]


def _tally_items(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """Places a toll is broken down by, whatever the tagger typed them.

    "Bohol was the worst-hit province, with 94 dead": a name said to be a division.
    "followed by Negros Occidental with 38, Cebu with 26": a name right before "with" and
    a number.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        if tok.pos_ != "PROPN" or name_start(tok) < span.start:
            continue
        said = tok.dep_ == "nsubj" and tok.head.lemma_ == "be"
        division = said and any(
            c.dep_ == "attr" and c.lemma_.lower() in _DIVISIONS for c in tok.head.children
        )
        if division or before_a_count(tok):
            yield doc[name_start(tok) : tok.i + 1]


_IN_PREPS = frozenset("in at near across throughout inside outside".split())
_REALMS = frozenset(
    "government city town village state province region island country capital district "
    "county republic kingdom territory people outskirts suburbs hills mountains coast shores "
    "centre center heart interior highlands".split()
)
_NOT_PLACE_ENTS = frozenset({"PERSON", "ORG", "DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART"})


def _proper_places(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """Proper nouns where English puts places ("in X", "the town of X"), typed or not."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        timely = tok.ent_type_ in ("DATE", "TIME")  # "floods in February, where ..."
        if tok.pos_ == "PROPN" and not timely and any(_where_clause(c) for c in tok.children):
            yield doc[name_start(tok) : tok.i + 1]  # "followed by Ondo, where 98 cases ..."
            continue
        typed = tok.ent_type_ in _PLACE_ENTS | {""} or _mistyped_org(tok)
        if (
            tok.pos_ == "PROPN"
            and not timely
            and any(_counted_beside(c) and (typed or c.dep_ == "appos") for c in tok.children)
        ):  # "Hanau, a city of 100,000 people": the apposition says what it is, whatever
            yield doc[name_start(tok) : tok.i + 1]  # type the tagger gave the name
            continue
        if tok.pos_ == "PROPN" and _has_residents(tok):
            yield doc[_whole_name_start(tok) : tok.i + 1]  # 'Providencia has 6,000 residents'
            continue
        if tok.pos_ == "PROPN" and _named_realm(tok):
            yield doc[_whole_name_start(tok) : tok.i + 1]  # "in the capital, Dhaka", any type
            continue
        if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.ent_type_ == "DATE":
            continue
        if tok.is_lower:
            continue  # "covered in ash": a common word the tagger took for a name
        prep = tok.head
        owner = prep.head
        realm = prep.lower_ == "of" and _REALMS & {owner.lemma_.lower(), owner.lower_}
        if realm and tok.ent_type_ == "ORG" and not _mistyped_org(tok):
            continue  # "a military centre of the Revolutionary Guard": whose, not where
        if tok.ent_type_ == "PERSON" and not (
            realm or _mistyped_person(tok) or _called_a_division(tok)
        ):
            continue
        typed = tok.ent_type_ not in _NOT_PLACE_ENTS or _mistyped_org(tok)
        typed = typed or tok.ent_type_ == "PERSON"
        if realm or (prep.lower_ in _IN_PREPS and typed):
            named = next((e for e in ents(doc) if e.start <= tok.i < e.end == tok.i + 1), None)
            whole = named is not None and all(t.pos_ in ("PROPN", "PUNCT") for t in named)
            first = named.start if named is not None and whole else tok.i  # 'Maaret al-Numan'
            while first > span.start and doc[first - 1].dep_ == "compound":
                first -= 1
            yield doc[first : tok.i + 1]


_RESIDENTS = frozenset("resident inhabitant population people".split())


def _has_residents(tok: Token) -> bool:
    """A name that has residents or is home to a count is a place, whatever its type.

    'Providencia has about 6,000 residents', 'Vanua Levu ... is home to 135,000 people',
    'Enugu accounted for 40 of the deaths'.
    """
    if tok.dep_ != "nsubj":
        return False
    verb = tok.head
    if verb.lemma_ == "have":
        held = [c for c in verb.children if c.dep_ == "dobj"]
        return any(o.lemma_.lower() in _RESIDENTS and _counted(o) for o in held)
    if verb.lemma_ == "be":  # 'is home to N': 'to' on the verb or on 'home'
        heads, word = [verb, *(k for k in verb.children if k.lower_ == "home")], "to"
    elif verb.lemma_ == "account":  # 'accounted for N'
        heads, word = [verb], "for"
    else:
        return False
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == word]
    return any(_counted(o) for p in preps for o in p.children if o.dep_ == "pobj")


def _counted(noun: Token) -> bool:
    return noun.like_num or any(c.like_num for c in noun.subtree)


def _whole_name_start(tok: Token) -> int:
    """Where the name ending at `tok` starts, across the hyphens of 'Cap-Haitien'."""
    start = name_start(tok)
    if tok.ent_iob_ == "O":
        return start
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _named_realm(tok: Token) -> bool:
    """The name set beside 'in the capital' or 'in the port city': "in the capital, Dhaka".

    The parser may hang the name on the noun as an apposition or a conjunct, and type it
    as anything.
    """
    start = _whole_name_start(tok)
    if tok.dep_ not in ("appos", "conj") or start < 2 or tok.doc[start - 1].text != ",":
        return False
    realm = tok.doc[start - 2]  # 'capital, X'; the parser may hang X on another noun
    if realm.pos_ != "NOUN" or realm.lemma_.lower() not in _REALMS | _DIVISIONS:
        return False
    return realm.dep_ == "pobj" and realm.head.lower_ in _IN_PREPS


_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "appos", "agent", "dative", "attr"})


def _called_a_division(tok: Token) -> bool:
    """'in Polewali Mandar, the regency south of Majene': the apposition says it is a place."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _DIVISIONS for c in tok.children)


def _mistyped_person(tok: Token) -> bool:
    """A one-word "person" after "in" that never acts in the article ("centres in Kumamoto").

    The small parser often types an unfamiliar one-word place as a person. A real person
    named once only as the object of "in" is rare; one who also speaks, acts or owns
    something anywhere in the article ("Smith said") stays a person.
    """
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    words = [t for t in ent if t.pos_ != "ADP"] if ent is not None else []
    if len(words) != 1 or tok.head.lower_ not in _IN_PREPS:
        return False  # one word, or one after the preposition it took in ("Across Kerala")
    same = [t for t in tok.doc if t.lower_ == tok.lower_ and t.i != tok.i]
    if any(t.ent_type_ in _PLACE_ENTS for t in same):
        return True  # typed a place where the article names it again
    return not any(t.dep_ in _ACTING or t.dep_ == "compound" for t in same)


_ORG_WORDS = frozenset(
    "ministry department party union council congress senate parliament assembly committee "
    "commission agency bureau office company corporation corp inc ltd group bank fund "
    "university college school institute foundation association organisation organization "
    "news times post press network police army navy force forces guard court board club "
    "league federation church hospital service services authority administration".split()
)


def _mistyped_org(tok: Token) -> bool:
    """An ORG-typed name after "in" with no organisation word in it ("in Himachal Pradesh").

    The small parser often types an unfamiliar place as an organisation; a name that holds
    no word of an organisation's kind ("Ministry", "Party", "Council") is read as a place.
    """
    if tok.ent_type_ != "ORG":
        return False
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    words = ent if ent is not None else [tok]
    return not any(w.lower_ in _ORG_WORDS or w.is_upper for w in words)


_DIVISIONS = frozenset(
    "state province region district county city town village island territory prefecture "
    "governorate municipality department regency oblast krai canton borough township upazila "
    "tehsil woreda zone commune parish".split()
)


# Works where an industrial accident happens, named by the word before them.
_WORKS = frozenset("mine colliery factory plant warehouse refinery shipyard dam quarry".split())
_SITES = (
    _DIVISIONS
    | _WORKS
    | frozenset("station camp site airport port market peninsula valley delta plateau".split())
)


def _names_division(root: Token) -> bool:
    """True for "Kerala" in "in Kerala state": the name right before the division it names.

    Not "the U.S. border city of El Paso": there the division is named by its "of" phrase
    and the word before it is a modifier.
    """
    head = root.head
    if root.dep_ != "compound" or head.i != root.i + 1 or head.lemma_.lower() not in _SITES:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


# Events a land's possessive places there: "killed in Yemen's war", "Congo's Ebola outbreak".
_LAND_EVENTS = frozenset("war conflict fighting insurgency outbreak epidemic".split())


# Nouns whose "of" names an illness, though the illness bears a river's or a town's name.
_ILLNESS_NOUNS = frozenset("case outbreak epidemic infection strain variant".split())


def _used_as_place(root: Token) -> bool:
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PARTS:
        return _unnamed_part(root.head)  # "struck Haiti's southwestern peninsula"
    if root.dep_ == "poss" and root.head.lemma_.lower() in _LAND_EVENTS | _SITES:
        return root.ent_type_ in ("GPE", "LOC")  # "killed in Yemen's war", "Aden's airport"
    if _names_division(root):
        root = root.head  # "in Kerala state": the division word carries the use
    if any(_where_clause(c) or _counted_beside(c) for c in root.children):
        return True  # "Ondo, where 98 cases have been recorded"
    if (root.dep_ == "nsubj" and root.head.lemma_ in ("be", "remain")) or _has_residents(root):
        return True  # "Edo state remains the worst hit, with 139 cases", "X has 6,000 residents"
    if before_a_count(root):
        return True  # "followed by Cebu with 26": one place of a breakdown
    if root.dep_ == "pobj":
        return _a_place_after(root.head, root)
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in _VENUE_VERBS:
        return True
    if _tallies(root):
        return True
    if _named_realm(root):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in _REALMS | _DIVISIONS:
        return root.head.pos_ == "NOUN" and _used_as_place(root.head)  # "in the capital, Nairobi"
    return root.dep_ in ("appos", "conj", "npadvmod") and root.head.pos_ == "PROPN"


def _a_place_after(prep: Token, root: Token) -> bool:
    """Whether the name `root` is a place where its preposition puts it."""
    if prep.lower_ == "from":  # "bodies recovered from X"; not "a bus from X"
        return prep.head.lemma_ in _RETRIEVALS
    if prep.lower_ == "of" and prep.head.lemma_ in ("citizen", "national"):
        return False  # "six citizens of the United States": whose, not where
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _ILLNESS_NOUNS:
        return False  # "three cases of Ebola", "an outbreak of Marburg": a disease
    if prep.lower_ == "to":
        return _taken_to_care(root)
    return prep.lower_ in _PLACE_PREPS


def _unnamed_part(part: Token) -> bool:
    """A part of a land used as a place and not named ("Pakistan's Sindh province" is)."""
    named = any(c.pos_ == "PROPN" and c.dep_ in ("compound", "appos") for c in part.children)
    return not named and _used_as_place(part)


_CARE = frozenset("hospital clinic infirmary institute".split())
_TAKING = frozenset(
    "take admit rush bring transfer airlift move send fly carry ferry die treat succumb".split()
)


def _taken_to_care(root: Token) -> bool:
    """A named hospital people were taken to: "41 were admitted to Nakuru Level Five Hospital".

    The count is where they are now; "and 19 to Molo Hospital" (the verb left out) too.
    Not "went to hospital" or "taken to hospital in X": an unnamed hospital is no place.
    """
    if root.pos_ != "PROPN" or root.lemma_.lower() not in _CARE:
        return False
    owner = root.head.head
    return owner.lemma_ in _TAKING or (owner.pos_ == "NUM" and owner.dep_ == "conj")


# Verbs that take people out of the place where harm found them: "pulled from the rubble".
_RETRIEVALS = frozenset("recover rescue pull retrieve evacuate extract free airlift winch".split())

_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)
# Parts of a land a possessive place can own: "Haiti's southwestern peninsula".
_PARTS = (
    _DIVISIONS
    | _DIRECTIONS
    | frozenset(
        "peninsula coast coastline border borderlands mainland countryside interior delta "
        "valley plains highlands desert frontier shore shores islands capital outskirts".split()
    )
)


def _landmark(root: Token) -> bool:
    """A place a distance or bearing is told from: "90 kilometres west of Athens".

    Such a place is taken only when the sentence names no other. Not "in the north of Rio":
    a region of the place, which is still the place.
    """
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in _DIRECTIONS:
        return False
    return not any(c.dep_ in ("det", "poss") for c in prep.head.children)


_SETTLED = _REALMS | _DIVISIONS | frozenset({"home", "nation", "settlement", "community"})
_HOLDING = frozenset("have be house number count".split())


def _counted_beside(child: Token) -> bool:
    """A phrase set beside a name that counts who lives there.

    ", a city of 100,000 people", ", home to 2 million", ", which has 1.8 million inhabitants".
    """
    if child.dep_ == "relcl":
        kind = child.lemma_ in _HOLDING  # not ', which killed 40 people'
    else:
        kind = child.dep_ == "appos" and child.lemma_.lower() in _SETTLED
    return kind and any(t.like_num and t.i != child.i for t in child.subtree)


def _where_clause(child: Token) -> bool:
    """A relative clause on the place: ", where 98 cases have been recorded"."""
    return child.dep_ == "relcl" and any(
        c.lower_ == "where" and c.dep_ == "advmod" for c in child.children
    )


def _tallies(root: Token) -> bool:
    """A place that records a count of its own: "Sri Lanka has recorded 5,000 cases".

    The place is typed as one, a country, a division ("North Kivu province") or said in
    apposition to be one ("Selangor, the most populous state, accounted for 6,387").
    """
    if root.dep_ != "nsubj" or root.head.lemma_ not in _TALLY_VERBS:
        return False
    name = root.doc[name_start(root) : root.i + 1].text
    if root.ent_type_ in ("GPE", "LOC") or is_country(name) or root.lemma_ in _DIVISIONS:
        return True  # "North Kivu province accounted for 2,165"
    if _a_place_elsewhere(root):
        return True  # "Amazonas recorded 198 deaths", after "Brazil's Amazonas state"
    if _keeps_a_register(root):
        return True  # "Kerala has so far recorded no deaths", the tagger's "person"
    return any(  # "Selangor, the most populous state, accounted for 6,387"
        c.dep_ == "appos" and c.lemma_.lower() in _DIVISIONS for c in root.children
    )


# Verbs of keeping a register of counts: a name that does is a land, not a person.
_REGISTERS = frozenset("record register log account".split())


def _keeps_a_register(root: Token) -> bool:
    """A name, typed as no body, that records a count: a land ("Kerala has recorded").

    People tell counts ('confirmed', 'reported') and lose relatives; a register of deaths
    or cases is kept by a land or a body, and a body is named as one: by a word of its kind
    ('the UN Assistance Mission') or where the article sets a description beside the name
    ('Temblores, a non-governmental organisation').
    """
    if root.pos_ != "PROPN" or root.ent_type_ in ("ORG", "NORP"):
        return False
    if root.head.lemma_ not in _REGISTERS:
        return False
    words = {w.lower_ for w in root.doc[name_start(root) : root.i + 1]}
    described = any(
        t.text == root.text and any(c.dep_ == "appos" for c in t.children) for t in root.doc
    )
    return not (words & (ORG_NAME_WORDS | {"mission"}) or described)


def speakers_realm(tok: Token, source: Token) -> Span | None:
    """The land whose government or ministry tells a count of its own, if it does.

    "Croatia's health ministry has recorded 2,119 cases"; "the Gujarat government said 53
    people had died in the state": the place names whose body it is, and the count is there.
    """
    doc = source.doc
    lands = [c for c in source.children if c.dep_ in ("poss", "compound") and c.ent_type_]
    name = next((e for c in lands for e in doc.ents if e.start <= c.i < e.end), None)
    if name is None or not (_own_tally(source) or _in_the_realm(tok)):
        return None
    places = {e.text for e in doc.ents if e.label_ == "GPE"}
    return name if name.label_ == "GPE" or name.text in places else None  # not 'Kenyan'


def _own_tally(source: Token) -> bool:
    return source.dep_ == "nsubj" and source.head.lemma_ in _TALLY_VERBS


def _in_the_realm(tok: Token) -> bool:
    """'53 people had died in the state': a division named by its kind alone."""
    verb = next((a for a in tok.ancestors if a.pos_ in _VERBAL), None)
    realms = [
        o
        for p in (verb.children if verb is not None else ())
        if p.dep_ == "prep" and p.lower_ in _IN_PREPS
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in _DIVISIONS | {"country"}
    ]
    return any(any(c.lower_ == "the" for c in o.children) for o in realms)  # "in the state"


def division_named_before(tok: Token) -> str | None:
    """The named division that "the province" in the count's clause stands for.

    "The province is home to about three million people", after "Syria's northwestern Idlib
    province": the last division named with the same word ("Idlib province", "the province
    of Idlib"; "the Metekel zone of western Ethiopia" is Metekel's) in the sentences before,
    if one was.
    """
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in _VERBAL), None)
    if verb is None:
        return None
    words = [c for c in verb.children if c.dep_ == "nsubj"]
    words += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in _IN_PREPS
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    kind = next(
        (
            w.lemma_.lower()
            for w in words
            if w.lemma_.lower() in _DIVISIONS
            and [c.lower_ for c in w.children if c.dep_ not in ("amod", "punct", "relcl")]
            == ["the"]
        ),
        None,
    )
    if kind is None:
        return None
    doc = tok.doc
    for word in reversed(doc[: tok.sent.start]):
        if word.lemma_.lower() != kind:
            continue
        named = [c for c in word.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        named = named or [o for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.pos_ == "PROPN"]  # fmt: skip
        if named:
            root = named[-1]
            return doc[name_start(root) : root.i + 1].text
    return None


def _a_place_elsewhere(root: Token) -> bool:
    """A name the article uses as a place elsewhere: typed so, or named as a division."""
    for other in root.doc:
        if other.i == root.i or other.text != root.text:
            continue
        if other.ent_type_ in ("GPE", "LOC"):
            return True
        if other.dep_ == "compound" and other.head.lemma_.lower() in _DIVISIONS:
            return True  # "Brazil's Amazonas state"
    return False


def there(tok: Token) -> bool:
    """True when the count at `tok` is told as happening "there": a place named before.

    "Four people were killed there", "1,300 people were unaccounted for there"; not the
    "there" of "there were 40 dead".
    """
    for word in [tok, *list(tok.ancestors)[:4]]:
        near = [*word.children, *(g for c in word.children if c.dep_ == "prep" for g in c.children)]
        if any(c.lower_ == "there" and c.dep_ != "expl" for c in near):
            return True  # 'killed there'; the parser may hang it on a preposition
        if word.pos_ in _VERBAL and word.dep_ not in ("aux", "auxpass", "acomp", "xcomp"):
            return False
    return False


def place(tok: Token, candidates: list[Span], source: Token | None = None) -> Span | None:
    """The candidate place nearest the number at `tok` in the tree (else in the text).

    A place that belongs to an actor ("a laboratory in X", "the police of X") or to the
    speaker (the subtree of `source`) is the actor's, not the number's; but a count told
    as happening "there" may be the speaker's place ("the administration of Ahrweiler
    district said 1,300 were unaccounted for there").
    """
    costs = {r.token.i: r.cost for r in nearby(tok, limit=64)}
    ranked = []
    anaphor = there(tok)
    intake = _taken_in(tok) or _in_care(tok)
    if intake:
        candidates = [*candidates, *_named_hospitals(tok.sent, candidates)]
    for span in candidates:
        root = span.root
        care = intake and _of_care(root)
        if source is not None and (_the_speakers(root, source) or _spoken_at(tok, root, source)):
            if not (_tallies(root) or anaphor or care):
                continue  # the speaker's place; but a country that records its own count
        told = count_after(tok.doc[span.end - 1])
        if told is not None and told != tok:
            continue  # "and Ituri for 347": another number's place
        if told != tok and actor_place(root):
            continue  # not ', Gaya for 52 and Nawada for 39', hung on the name before
        if root.head.lower_ == "to" and _taken_to_care(root) and not _taken(tok, root):
            continue  # "rescued seven, including three who were flown to X Hospital"
        cost = costs.get(root.i, 1000) + (2000 if _landmark(root) else 0)
        if told == tok or _own_place(tok, root) or care or _described(tok, root):
            cost = -1  # "and the Dinagat Islands with 14": the place the number is told for
        elif _home_to(tok, span):
            cost = -1  # "Zabarmari, home to about 5,000 people"
        ranked.append((cost, abs(root.i - tok.i), span.start, span))
    if not ranked:
        return None
    return _narrower(min(ranked, key=lambda r: r[:3])[3], [r[3] for r in ranked])


def _the_speakers(root: Token, source: Token) -> bool:
    """A place in the speaker's name: 'a spokesman for the governor of Ituri'."""
    return root.i == source.i or source.is_ancestor(root)


def _spoken_at(tok: Token, root: Token, source: Token) -> bool:
    """Where the speaker spoke: 'a UNICEF spokeswoman told reporters in Geneva'.

    So too 'a spokesman said at a briefing in Geneva'. The place hangs on the verb of saying
    the speaker is the subject of, after it, and the count is not in that place's phrase. A
    place told first frames the whole sentence ('In Idaho, the health department said no
    deaths had been confirmed').
    """
    verb = source.head
    if source.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ not in SPEECH_VERBS:
        return False
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _IN_PREPS or prep.i < verb.i:
        return False
    told_at = prep.head  # 'said at a news conference in Kabul': where the conference was
    if told_at.dep_ == "pobj" and told_at.head.dep_ == "prep":
        told_at = told_at.head.head
    return told_at == verb and not prep.is_ancestor(tok)


def _narrower(best: Span, spans: list[Span]) -> Span:
    """The first of two places told one after the other for one event, the narrower.

    So too a place located by the next, no comma between ("in Nasiriyah in southern Iraq").
    "collapsed in the Wujiang district of Suzhou, in China's eastern Jiangsu province":
    both "in" phrases hang on the verb; news names the narrower place first, the larger
    one after a comma to locate it ("in the town of Palma, in the province of Cabo Delgado").
    """
    root = best.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj":
        division = root.head.head  # 'in the northern province of Cabo Delgado'
        root = division if division.lemma_.lower() in _REALMS | _DIVISIONS else root
    if root.dep_ == "appos" and root.head.dep_ == "pobj":
        root = root.head  # 'near the Bangladeshi capital Dhaka'
    prep = root.head
    inner = _located_by(best, prep, spans) if root.dep_ == "pobj" else None
    if inner is not None:
        return inner  # 'in a hospital in Nasiriyah in southern Iraq': Nasiriyah
    if root.dep_ != "pobj" or prep.lower_ not in _IN_PREPS or prep.i < 2:
        return best
    comma = prep.doc[prep.i - 1]
    before = prep.doc[prep.i - 2]
    if comma.text != ",":
        return best
    first = next(
        (
            c
            for c in prep.head.children
            if c.dep_ == "prep" and c.lower_ == prep.lower_ and c.right_edge.i == before.i
        ),
        None,
    )
    if first is None:
        # 'a seminary in Peshawar, in north-western Pakistan', 'a mosque in Narayanganj, near
        # the capital Dhaka': the place told just before the comma, the larger one locating it
        told = [
            s
            for s in spans
            if s.end == comma.i and s.root.dep_ == "pobj" and s.root.head.lower_ in ("in", "at")
        ]
        return told[0] if told else best
    inside = [s for s in spans if first.is_ancestor(s.root)]
    return min(inside, key=lambda s: (s.root.head != first, s.start), default=best)


def _located_by(best: Span, prep: Token, spans: list[Span]) -> Span | None:
    """The place just before `best` that `best` locates: 'in Nasiriyah in southern Iraq'.

    Both 'in' phrases hang on one word, the second right after the first, no comma between.
    """
    if prep.lower_ != "in" or prep.i < 1:
        return None
    for span in spans:
        other = span.root.head
        if span == best or span.root.dep_ != "pobj" or other.lower_ != "in":
            continue
        if other.head == prep.head and span.end == prep.i:
            return span
    return None


_INTAKE = frozenset("receive treat admit".split())
# What a hospital does with patients it still has or lets go: 'discharged', 'remained in'.
_CARE_VERBS = frozenset("discharge release remain".split())


def _in_care(tok: Token) -> bool:
    """A count a hospital let go or still keeps: "11 of the injured had been discharged".

    "Two were discharged from X Hospital", "three remained in intensive care": the
    hospital named in the sentence is where they are, not where harm found them.
    """
    counted = tok.head if tok.dep_ == "nummod" else tok
    verb = counted.head
    if counted.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ not in _CARE_VERBS:
        return False
    if verb.lemma_ != "remain":
        return True
    kept = [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    return any(o.lemma_.lower() in ("care", "hospital", "condition") for o in kept)


def _named_hospitals(sentence: Span, taken: list[Span]) -> list[Span]:
    """Hospitals the sentence names: 'the Royal Berkshire Hospital', 'the X hospital'.

    They are bodies more than places, until a count is in their care.
    """
    out = []
    for word in sentence:
        if word.lemma_.lower() not in _CARE or word.dep_ == "compound":
            continue
        first = max(name_start(word), sentence.start)
        if first < word.i and not any(s.start <= word.i < s.end for s in taken):
            out.append(word.doc[first : word.i + 1])
    return out


def _of_care(root: Token) -> bool:
    """A hospital's name, or the name of one ('the Bhayangkara hospital')."""
    if root.lemma_.lower() in _CARE:
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in _CARE


def _taken_in(tok: Token) -> bool:
    """A count a hospital took in: "a doctor at X Hospital said it had received 35 bodies".

    The verb's subject is the hospital, or 'it' or 'they' standing for it; the count is
    where the hospital is.
    """
    counted = tok.head if tok.dep_ == "nummod" else tok
    while counted.dep_ == "conj" and counted.head.i != counted.i:
        counted = counted.head  # '35 bodies and more than 50 wounded'
    verb = counted.head
    if counted.dep_ != "dobj" or verb.lemma_ not in _INTAKE:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lower_ in ("it", "they") or s.lemma_.lower() in _CARE for s in subjects)


def _taken(tok: Token, root: Token) -> bool:
    """True when the count at `tok` is who was taken to the place at `root`."""
    counted = tok.head if tok.dep_ == "nummod" else tok
    verb = root.head.head
    if any(_where_clause(c) and c.is_ancestor(tok) for c in root.children):
        return True  # "taken to Kwekwe General Hospital, where two were in a serious condition"
    return (
        _own_place(tok, root)
        or verb in (tok.head, counted.head)
        or (verb.dep_ == "relcl" and verb.head in (tok, counted))
    )


def _own_place(tok: Token, root: Token) -> bool:
    """The place is said of the count itself: "49 were in East Flores, 23 in Lembata".

    The parser may hang the second item on the first item's place; the "in" the count
    carries is still its own.
    """
    counted = tok.head if tok.dep_ == "nummod" else tok
    prep = root.head
    gapped = tok.dep_ == "conj" and prep.i == tok.i + 1  # "and 13 to GT Hospital"
    if root.dep_ != "pobj" or not (gapped or prep.head.i in (tok.i, counted.i)):
        return False
    return prep.lower_ in _IN_PREPS or (prep.lower_ == "to" and _taken_to_care(root))


_CLIMB = frozenset({"pobj", "prep", "dobj", "attr"})


def _home_to(tok: Token, span: Span) -> bool:
    """The place named just before ', home to N people' (which the parser may hang elsewhere)."""
    node = tok.head if tok.dep_ == "nummod" else tok
    prep = node.head
    home = prep.head
    if node.dep_ != "pobj" or prep.lower_ != "to" or home.lemma_.lower() != "home" or home.i < 2:
        return False
    return home.doc[home.i - 1].text == "," and span.end == home.i - 1


def _described(tok: Token, root: Token) -> bool:
    """The count is said of the place in a phrase set beside its name.

    "Hanau, a city of about 100,000 people", "Kosovo, which has about 1.8 million
    inhabitants": an apposition or a relative clause of the place holds the count.
    """
    node = tok.head if tok.dep_ == "nummod" else tok
    if node.like_num and node.dep_ not in ("pobj", "dobj"):
        return False  # "49 were in East Flores, 23 in Lembata": a list, not a description
    for _ in range(5):
        if node.dep_ in ("appos", "relcl"):
            return node.head.i == root.i
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return False
        node = node.head
    return False


_ACTORS = frozenset(
    "police ministry government agency official authority laboratory lab office department "
    "army military council committee court embassy spokesman spokeswoman spokesperson "
    "governor mayor minister president leader".split()
)


def _chain_head(root: Token) -> Token:
    """The first name of a chain of names that is one place ("Springfield, Ohio")."""
    tok = root
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def actor_place(root: Token) -> bool:
    """True for "a laboratory in X", "the police of X": the place names where an actor is."""
    tok = _chain_head(root)
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        owner = tok.head.head
        if owner.pos_ in _VERBAL:
            return False
        if owner.lower_ in NAMED_HAZARDS:
            return False  # 'killed by the North Complex Fire in Butte County': where it burned
        if owner.ent_type_ in ("ORG", "PERSON") or owner.lemma_.lower() in _ACTORS:
            return True
        tok = owner
    return False


def lead_place(
    doc: Doc, sentences: list[tuple[int, int]], known: Collection[str] = ()
) -> str | None:
    """The place the first sentence that names one is about (the nearest its main verb).

    Where someone acts or speaks from ('authorities in X ordered', 'told reporters in X')
    is the place only when the sentence names no other. A line with no verb ('GILGIL,
    Kenya, March 8 -', a dateline) tells no event.
    """
    venue: str | None = None  # where people met: the place only when no event has another
    for start, end in sentences:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(t.pos_ in _VERBAL for t in span):
            continue
        found = [p for p in places(doc, start, end, known) if not _taken_to_care(p.root)]
        if found:  # a hospital people were taken to is not where the event was
            root = span.root if span is not None else found[0].root
            costs = {r.token.i: r.cost for r in nearby(root, limit=64)}
            best = min(
                found,
                key=lambda p: (
                    _landmark(p.root),
                    _bystander(p.root),
                    costs.get(p.root.i, 1000),
                    p.start,
                ),
            )
            if not _venue(best.root):
                return _narrower(best, found).text
            venue = venue or _narrower(best, found).text
    return venue


def _bystander(root: Token) -> bool:
    """Where who acts, speaks or meets is: 'authorities in X', 'told reporters in X'."""
    if actor_place(root) or _venue(root):
        return True
    verb = root.head.head if root.dep_ == "pobj" else None
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS


def _venue(root: Token) -> bool:
    """Where people met: 'sat down in Moscow', 'talks in Vienna', 'the summit in X'."""
    tok = _chain_head(root)
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
        return False
    owner = tok.head.head
    if owner.pos_ in _VERBAL:
        return owner.lemma_.lower() in MEETING_VERBS
    return bool({owner.lemma_.lower(), owner.lower_} & MEETING_NOUNS)  # 'talks': lemma 'talk'


# A wire dateline: a city in capitals at the start of the body, then its country or the
# date, and a dash ('JULIACA, Peru, Dec 15 - ', 'GILGIL, Kenya, March 8 -').
_DATELINE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*)(?:,[^\n]{0,60}?)?"
    r"(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s"
)
_CONNECTORS = frozenset("de da do dos das del la le el al of du von van".split())


def dateline_span(body: str) -> tuple[int, int] | None:
    """Offsets of the city of a wire dateline at the start of `body` ('JULIACA'), or None."""
    match = _DATELINE.match(body)
    if match is None or len(match["city"]) < 3:
        return None
    return match.start("city"), match.end("city")


def dateline_place(body: str) -> str | None:
    """The city of a wire dateline at the start of `body`, in title case ('Juliaca')."""
    span = dateline_span(body)
    if span is None:
        return None
    words = re.split(r"(\s+|-)", body[span[0] : span[1]].lower())
    return "".join(w if w in _CONNECTORS and i else w.capitalize() for i, w in enumerate(words))


_WORLDWIDE = re.compile(
    r"\b(?:world-?wide|globally|(?:around|across|throughout|in) the (?:world|globe))\b", re.I
)
_NATIONWIDE = re.compile(
    r"\b(?:nation-?wide|countrywide|(?:across|throughout|in) the (?:country|nation))\b", re.I
)


def worldwide(tok: Token, place: Span | None) -> str | None:
    """The words that place the count at `tok` in the whole world, when they are its own.

    "infected 80,000 people worldwide, most of them in China": "worldwide" sits nearer the
    count in the tree than "China" does, so the count is the world's.
    """
    words = _scope(tok, _WORLDWIDE)
    if words is None or _ranks(words) or not (place is None or _nearer(tok, words, place)):
        return None
    return words.text


def _ranks(words: Span) -> bool:
    """True for the "in the world" of "one of the fastest rollouts in the world": a rank."""
    owner = words.root.head
    return owner.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in owner.children)


def nationwide(tok: Token, place: Span | None) -> bool:
    """True when the count at `tok` is the whole country's, not `place`'s (or any place's).

    "50 killed nationwide, including 20 in the capital, Nairobi": the 50 are not Nairobi's.
    """
    words = _scope(tok, _NATIONWIDE) or _the_country(tok)
    if words is None:
        return False
    return place is None or _nearer(tok, words, place) or _of_the_counted(tok, words, place)


_COUNTRY_NOUNS = frozenset({"country", "nation"})


def _the_country(tok: Token) -> Span | None:
    """'The country' the sentence makes the owner or the scene of the count at `tok`.

    'The country has recorded 9,000 deaths', 'the country's outbreak had grown to 6,000
    cases', 'the country's 600 deaths', 'put the country's toll at ten', 'a country of
    some 40 million people': the country the article is about, not the last town it named.
    """
    verb = next((a for a in tok.ancestors if a.pos_ in _VERBAL), None)
    for noun in [tok, *takewhile(lambda a: verb is None or a.i != verb.i, tok.ancestors)]:
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_ in _COUNTRY_NOUNS
        ):
            country = noun.head.head
            if country.dep_ == "appos" and country.head.pos_ == "PROPN":
                return None  # 'Mali, a country of 20 million people': the name is the place
            return country.doc[country.i : country.i + 1]  # 'a country of 40 million people'
        owner = _country_owner(noun)
        if owner is not None:
            return owner
    if verb is None:
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        if _is_the_country(subject) and subject.dep_ != "dobj":  # not 'have left the country'
            return subject.doc[subject.i : subject.i + 1]
        owner = _country_owner(subject)
        if owner is not None:
            return owner
    return None


def _country_owner(noun: Token) -> Span | None:
    """'the country's' before `noun`, as a span."""
    for child in noun.children:
        if child.dep_ == "poss" and _is_the_country(child):
            return child.doc[child.i : child.i + 1]
    return None


def _is_the_country(tok: Token) -> bool:
    """'the country', 'this nation': the one the article is about, not 'a neighbouring country'."""
    if tok.lemma_.lower() not in _COUNTRY_NOUNS or tok.tag_ == "NNS":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    return dets in (["the"], ["this"]) and not any(c.dep_ == "amod" for c in tok.children)


def _of_the_counted(tok: Token, words: Span, place: Span) -> bool:
    """The scope is said of what the number counts, the place is not.

    "With the killings in Bago, the count of civilians killed across the country rose to
    701": the subject of "rose to" is what 701 is.
    """
    verb = next((a for a in tok.ancestors if a.pos_ in _VERBAL), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if subject is None:
        return False
    inside = range(subject.left_edge.i, subject.right_edge.i + 1)
    return words.root.i in inside and place.root.i not in inside


def _scope(tok: Token, pattern: re.Pattern[str]) -> Span | None:
    sent = tok.sent
    match = pattern.search(sent.text)
    if match is None:
        return None
    return tok.doc.char_span(
        sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
    )


def _nearer(tok: Token, words: Span, place: Span) -> bool:
    costs = {r.token.i: r.cost for r in nearby(tok, limit=64)}
    mine = min(costs.get(t.i, 1000) for t in words)
    return mine < costs.get(place.root.i, 1000)
