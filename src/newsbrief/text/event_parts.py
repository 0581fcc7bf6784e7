"""The parts of an event in the dependency parse: who takes part, where, and how."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.models import MeetingFormat
from newsbrief.text.event_status import chain
from newsbrief.text.gazetteer import is_city
from newsbrief.text.harm import is_person
from newsbrief.text.lexicon import MEETING_NOUNS, SPEECH_VERBS
from newsbrief.text.nlp import doc_text
from newsbrief.text.states import is_country

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_VIRTUAL = frozenset(
    "virtual virtually video videoconference teleconference phone telephone online zoom "
    "remote remotely videolink skype webinar teams webex".split()
)
_IN_PERSON = re.compile(r"\b(?:in[- ]person|face[- ]to[- ]face)\b", re.I)
_VIRTUAL_VERBS = frozenset("call phone telephone ring".split())
_VISIT_VERBS = frozenset("visit host receive welcome travel fly".split())
MOTION = frozenset("travel fly go come arrive head move relocate return".split())
"""Verbs of going somewhere: the meeting they lead to is at their destination."""
_PLACE_PREPS = frozenset("in at on".split())
_PLACE_ENTS = frozenset("GPE LOC FAC".split())
_NOT_PLACE_ENTS = frozenset("PERSON NORP DATE TIME CARDINAL ORDINAL MONEY PERCENT".split())
_PARTNER_PREPS = frozenset("with between among against alongside".split())
_FRAME_PREPS = frozenset("at in during after before following on ahead".split())
_ORDINALS = frozenset(
    "first second third fourth fifth final last next previous latest new another".split()
)
_FRESH_DETS = frozenset("a an another".split())
_DEFINITE_DETS = frozenset("the this that these those".split())
_RELATIVE = frozenset("who which that whom".split())
MEDIA = re.compile(
    r"\b(?:news|times|post|journal|press|radio|tv|television|wikinews|reuters|afp|cnn|bbc|nbc"
    r"|cbs|abc|fox|axios|reporters?|journalists?|media|newspaper|magazine|broadcaster"
    r"|interviewer|(?-i:agency))\b",  # 'told the agency'; not a body named 'Environment Agency'
    re.I,
)
OFFICIALS = frozenset(
    "minister leader official delegate representative diplomat envoy negotiator president "
    "premier chancellor secretary delegation counterpart head chief king ambassador mediator "
    "governor mayor member candidate party protester resident family victim student worker "
    "farmer activist lawmaker legislator senator relative survivor manager operator executive "
    "director commander officer owner commissioner adviser advisor chairman chairwoman boss "
    "elder donor investor employer unionist organiser organizer authority management "
    "leadership chair co-chair speaker emir sultan sheikh prince princess queen monarch emperor "
    "pope cardinal archbishop patriarch general investigator inspector regent prefect".split()
)
# Nouns for a number of people, who are whoever their "of" phrase names: 'a group of senators'.
_GROUPS_OF = frozenset("group team panel contingent body handful number".split())
PRONOUNS = frozenset("he she him her they them we us i".split())
HOSTING = frozenset(
    "hold host attend join participate have convene chair lead conduct organise organize "
    "plan schedule arrange".split()
)
_PERSONISH = frozenset("PERSON ORG GPE NORP".split())
# Labels the small tagger gives a lone unfamiliar name it has not read as anything else.
_UNLABELLED = frozenset({"", "WORK_OF_ART", "PRODUCT", "DATE"})
_CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr) if w
)
_TAKING_CALLS = frozenset("receive get take".split())


@dataclass(frozen=True)
class Phrase:
    """A stretch of the parsed text: offsets into it, its words, and an entity label if any."""

    start: int
    end: int
    text: str
    label: str = ""

    @classmethod
    def of(cls, item: Token) -> Phrase:
        """The phrase of one token."""
        return cls(item.idx, item.idx + len(item.text), item.text)

    @classmethod
    def of_span(cls, item: Span) -> Phrase:
        """The phrase of a span (a sentence)."""
        return cls(item.start_char, item.end_char, item.text)


def _expand(tokens: list[Token]) -> list[Token]:
    """The tokens and their conjuncts and appositions ("A, B and C"; "his counterpart, B").

    A named person's apposition is their role ("Malu Dreyer, the Minister-President of X"),
    no one else.
    """
    out: list[Token] = []
    todo = list(tokens)
    while todo:
        tok = todo.pop(0)
        if tok not in out:
            out.append(tok)
            named = tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"
            todo.extend(
                c for c in tok.children if c.dep_ == "conj" or (c.dep_ == "appos" and not named)
            )
    return out


def text_of(tok: Token) -> str:
    """A token with its name words ("US President Joe Biden", "the foreign ministers")."""
    return name_phrase(tok).text


def name_phrase(tok: Token) -> Phrase:
    """The name around a token: its entity, else the token with its compounds and modifiers."""
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "CARDINAL", "ORDINAL"):
        doc, start, end = tok.doc, tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        span = doc[start:end]
        return Phrase(span.start_char, span.end_char, span.text, tok.ent_type_)
    if tok.lower_ in ("he", "she", "him", "her"):
        antecedent = _antecedent(tok)
        if antecedent is not None:
            return name_phrase(antecedent)
    kinds = ("compound", "amod", "nmod", "det", "nummod", "poss")
    left = [c for c in tok.lefts if c.dep_ in kinds]
    first = left[0] if left else tok
    label = "PRON" if tok.lower_ in PRONOUNS else "PROPN" if tok.pos_ == "PROPN" else ""
    text = doc_text(tok.doc)[first.idx : tok.idx + len(tok.text)]
    return Phrase(first.idx, tok.idx + len(tok.text), text, label)


def _antecedent(pronoun: Token) -> Token | None:
    """'he', 'she': the last person named before it, in its sentence or the one before.

    The subject of a clause that is what someone said is the speaker ("Manuake said he had
    spoken with Kasso"), whoever was named last.
    """
    clause = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
        if clause.head.lemma_ in SPEECH_VERBS:
            speaker = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
            if speaker:
                return speaker[0]
    start = pronoun.sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    people = [t for t in pronoun.doc[start : pronoun.i] if t.ent_type_ == "PERSON"]
    return prefer_subjects(people, pronoun)


def prefer_subjects(people: list[Token], pronoun: Token) -> Token | None:
    """Of the people named before `pronoun` (in text order), the one it most likely means.

    The last one named as a clause's subject, in the pronoun's own sentence first, then in
    the sentences before: 'The next day Pompeo made a stop in Baghdad, where he met ...',
    'Pompeo pressed the crown prince on the case of Jamal Khashoggi. He left ...'. Without
    a subject, the last one named.
    """
    mates = _own_subject(pronoun)
    people = [t for t in people if t.i not in mates]
    subjects = [t for t in people if _named_as_subject(t)]
    own = [t for t in subjects if t.sent == pronoun.sent]
    chosen = own or subjects or people
    return chosen[-1] if chosen else None


def _own_subject(pronoun: Token) -> set[int]:
    """The tokens of the subject of the verb whose object `pronoun` is.

    'Kenyatta telephoned him': 'him' is never its own verb's subject ('himself' would be).
    """
    if pronoun.lower_ not in ("him", "her") or pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {t.i for c in subjects(verb) for t in c.subtree}


def _named_as_subject(tok: Token) -> bool:
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head  # 'Mike Pompeo': the surname carries the name's role
    return tok.dep_ in ("nsubj", "nsubjpass")


def someone(tok: Token) -> bool:
    """A person who can be met: a name or an official, or people of any kind but the press.

    'met the civil surgeons', 'meet the shrine administrators'; not 'met reporters'.
    """
    return personish(tok) or (is_person(tok) and not MEDIA.search(text_of(tok)))


def personish(tok: Token) -> bool:
    """A name, a pronoun or an official: someone who can take part in a meeting."""
    if MEDIA.search(text_of(tok)) or tok.ent_type_ != "PERSON" and _common_word(tok):
        return False  # 'Impeachment also came up': a common noun the tagger took for a name
    return (
        tok.ent_type_ in _PERSONISH
        # a name the tagger did not label, or labelled a work or a date ('met Roble
        # yesterday', 'to meet Oli'); not 'RM1,000', an amount, nor 'Monday'
        or (
            tok.pos_ == "PROPN"
            and tok.ent_type_ in _UNLABELLED
            and not any(c.isdigit() for c in tok.text)
            and tok.lower_ not in _CALENDAR_WORDS
        )
        or tok.lemma_.lower() in OFFICIALS
        or tok.lower_ in PRONOUNS
        or any(personish(c) for c in tok.children if c.dep_ in ("conj", "appos"))
        # 'met Governor Denay Chagor and aid agencies', 'the commissioner and builders'
        # associations', parsed as one noun phrase
        or any(_a_listed_person(c) for c in tok.children if c.dep_ == "nmod")
        or tok.lemma_.lower() in _GROUPS_OF
        and any(personish(p) for g in _prep_objects(tok, frozenset({"of"})) for p in g)
    )


def _a_listed_person(nmod: Token) -> bool:
    """A person or official listed first in a noun phrase the parser made one ('X and Y's')."""
    listed = any(c.dep_ == "cc" for c in nmod.children)
    return nmod.ent_type_ == "PERSON" or (listed and nmod.lemma_.lower() in OFFICIALS)


def _common_word(tok: Token) -> bool:
    """A capitalised word at the start of a sentence the article also writes in lower case.

    'Impeachment also came up at the debate': a common noun the tagger took for a name.
    """
    if not tok.is_sent_start or tok.is_lower:
        return False
    lower = tok.lower_
    return any(t.text == lower for t in tok.doc)


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The subjects of a verb, or of the verb above ('agreed to meet', 'after meeting')."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if found and found[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
        return _expand([verb.head])
    if found:
        return _expand(found)
    if verb.dep_ == "acl":
        return _expand([verb.head]) if personish(verb.head) else []
    blamed = _done_by_the_object(verb)
    if blamed:
        return blamed
    climb = ("xcomp", "conj", "advcl", "pcomp", "acomp")
    run_on = verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ == "VERB"
    if depth < 3 and (verb.dep_ in climb or run_on) and verb.head != verb:
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        return subjects(head, depth + 1)
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _name_before(verb)  # a subject the parser hung elsewhere
    return []


def _done_by_the_object(verb: Token) -> list[Token]:
    """'Criticised Merkel for talking to Lukashenko': the object of the verb above did it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "for" or prep.head.pos_ != "VERB":
        return []
    return [o for o in objects(prep.head) if personish(o)]


def _name_before(verb: Token) -> list[Token]:
    """The name written right before a finite verb that the parser left without a subject."""
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.pos_ == "PUNCT":
            continue
        if tok.ent_type_ in _PERSONISH and tok.dep_ in ("appos", "conj", "pobj", "nsubj"):
            return [tok]
        return []
    return []


def objects(verb: Token) -> list[Token]:
    """Direct objects (and their conjuncts) of a verb."""
    return _expand([c for c in verb.children if c.dep_ in ("dobj", "dative")])


def agents(verb: Token) -> list[Token]:
    """The 'by' agents of a passive verb ('was received by the king')."""
    return _expand([p for c in verb.children if c.dep_ == "agent" for p in c.children])


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[list[Token]]:
    """The objects of each preposition of `tok` named in `preps` ('within A and with B')."""
    groups: list[list[Token]] = []
    found = [c for c in tok.children if c.dep_ in ("prep", "agent")]
    found += [c for p in found for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    found += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "ADP"]  # 'and then with'
    found += _through_medium(found)
    found.sort(key=lambda c: c.i)
    for prep in found:
        if prep.lower_ in preps:
            groups.append(_expand([c for c in prep.children if c.dep_ == "pobj"]))
    return [g for g in groups if g]


def _through_medium(preps: list[Token]) -> list[Token]:
    """'spoke by telephone with B': the partner the parser hung on the medium, not the verb."""
    media = [
        pobj
        for prep in preps
        if prep.lower_ in ("by", "over", "via", "on")
        for pobj in prep.children
        if pobj.dep_ == "pobj" and (pobj.lower_ in _VIRTUAL or pobj.lemma_ == "call")
    ]
    return [c for pobj in media for c in pobj.children if c.dep_ == "prep"]


def partners(verb: Token) -> list[Token]:
    """Who a verb is done with: 'met with B', 'spoke to B', 'talks between A and B'."""
    preps = _PARTNER_PREPS | ({"to"} if verb.lemma_ in ("speak", "talk") else frozenset())
    return [t for g in _prep_objects(verb, preps) for t in g]


def by_phone(tok: Token) -> bool:
    """'spoke by telephone', 'talked over the phone', 'via video link'."""
    for child in tok.children:
        if child.lower_ in ("virtually", "online", "remotely"):
            return True
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "over", "on", "via"):
            for pobj in child.children:
                words = {pobj.lower_, *(c.lower_ for c in pobj.children)}
                if words & _VIRTUAL or pobj.lemma_ == "call":
                    return True
    return False


def noun_partners(noun: Token) -> list[Token]:
    """Participants written on a meeting noun: with/between, a possessor, 'US-China talks'.

    A call's caller is written with 'from' ('received a telephone call from the Emir').
    """
    preps = _PARTNER_PREPS | ({"from"} if noun.lemma_.lower() == "call" else frozenset())
    out = [t for g in _prep_objects(noun, preps) for t in g]
    for group in _prep_objects(noun, frozenset({"of"})):
        out.extend(t for t in group if personish(t))
    for child in noun.children:
        own = child.ent_iob_ != "O" and child.ent_type_ == noun.ent_type_ and noun.ent_type_
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            if child.ent_type_ not in ("DATE", "TIME"):  # "Tuesday's summit": when, not who
                out.extend(_expand([child]))
        elif child.dep_ in ("compound", "amod", "nmod") and not own and personish(child):
            if not _venue_name(child):
                out.extend(_expand([child]))
    return out


def _venue_name(tok: Token) -> bool:
    """'the Vladivostok summit', 'the Geneva talks': a city names where, not who.

    Not 'US-China talks' or 'the Kenya talks': a country names a side.
    """
    return tok.ent_type_ != "ORG" and is_city(tok.text) and not is_country(tok.text)


def _taken_call(noun: Token) -> bool:
    """'received a call', 'took a call': the subject is called."""
    head = noun.head
    return noun.lemma_.lower() == "call" and noun.dep_ == "dobj" and head.lemma_ in _TAKING_CALLS


def callers(noun: Token) -> list[Token]:
    """Who made a call the subject took: 'received a telephone call on Friday from X'.

    The parser may hang the 'from' on the verb.
    """
    if not _taken_call(noun):
        return []  # not 'hosted the call from the White House': where from
    return [t for g in _prep_objects(noun, frozenset({"from"})) for t in g] + _verb_callers(noun)


def _verb_callers(noun: Token) -> list[Token]:
    """The caller of a call taken, when the parser hung the 'from' on the verb."""
    if not _taken_call(noun):
        return []
    return [t for g in _prep_objects(noun.head, frozenset({"from"})) for t in g]


def has_determiner(noun: Token) -> bool:
    """A determiner or a possessor: 'the talks', 'a meeting', 'its convention'."""
    return any(c.dep_ in ("det", "poss") for c in noun.children)


def ordinal(noun: Token) -> str | None:
    """'second' of 'the second debate', 'final' of 'the final round of talks'."""
    if copular(noun):
        return None  # 'their first meeting since 2019' ranks it, it does not name it
    for child in noun.children:
        if child.dep_ in ("amod", "det", "nummod") and (
            child.lower_ in _ORDINALS or child.ent_type_ == "ORDINAL"
        ):
            return child.lower_
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("round", "session"):
        return ordinal(head.head)
    return None


def is_definite(noun: Token) -> bool:
    """'The meeting', 'their talks', 'it was their first meeting': maybe one named before."""
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    return bool(dets & (_DEFINITE_DETS | {"its", "their", "his", "her"})) or copular(noun)


def copular(noun: Token) -> bool:
    """'It was their first meeting': the noun describes something already named."""
    head = noun.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    pronoun = bool(subjects) and subjects[0].lower_ in ("it", "this", "that")
    return noun.dep_ == "attr" and head.lemma_ == "be" and pronoun


def is_fresh(noun: Token) -> bool:
    """'a meeting', 'another summit', 'a second call', 'new talks': one not mentioned yet."""
    if copular(noun):
        return False
    kids = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "nummod")}
    return bool(kids & (_FRESH_DETS | {"new", "second", "third", "fourth", "further"}))


def has_place_or_date(noun: Token) -> bool:
    """A place or a date written on the noun: 'a meeting in Cairo', 'talks on Monday'."""
    for child in noun.children:
        if child.dep_ == "prep":
            if any(_place_like(p, child) or p.ent_type_ == "DATE" for p in child.children):
                return True
        if child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "nummod", "compound", "nmod"):
            return True
        if child.dep_ in ("acl", "relcl") and any(
            p.ent_type_ == "DATE" for c in child.children for p in c.subtree
        ):
            return True
    return False


def _place_like(pobj: Token, prep: Token) -> bool:
    if pobj.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS | {"to"}:
        return False
    if pobj.ent_type_ in _PLACE_ENTS:
        return True
    return pobj.pos_ == "PROPN" and pobj.ent_type_ not in _NOT_PLACE_ENTS


def _place_phrase(pobj: Token) -> Phrase:
    """'Cleveland, Ohio'; 'Belmont University, Nashville, Tennessee'."""
    parts = [name_phrase(pobj)]
    for child in pobj.children:
        if child.dep_ in ("appos", "npadvmod", "conj") and child.ent_type_ in _PLACE_ENTS:
            parts.append(name_phrase(child))
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            inner = [p for p in child.children if _place_like(p, child)]
            parts.extend(_place_phrase(p) for p in inner[:1])
    text = ", ".join(dict.fromkeys(p.text for p in parts))
    return Phrase(parts[0].start, max(p.end for p in parts), text, parts[0].label)


def location(word: Token) -> Phrase | None:
    """Where the meeting is: 'in/at/on X' on the meeting word or its verb, 'moved to X'."""
    nodes = [word, *(n for n in chain(word)[1:4] if n.pos_ in ("VERB", "AUX"))]
    nodes += [c for c in word.children if c.dep_ in ("acl", "relcl")]
    trip = journey(word)
    if trip is not None:
        nodes.append(trip)
    for node in nodes:
        preps = _PLACE_PREPS | ({"to"} if node.lemma_ in MOTION else frozenset())
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj == word or (word.ent_type_ and name_phrase(pobj) == name_phrase(word)):
                    continue
                if _place_like(pobj, prep) and not MEDIA.search(pobj.text):
                    return _place_phrase(pobj)
    return _visited(nodes) or _on_the_met(word)


def _on_the_met(word: Token) -> Phrase | None:
    """A place the parser hung on who is met: 'met ferry operators in Kendari'."""
    if word.pos_ != "VERB":
        return None
    for met in objects(word) + partners(word):
        for prep in met.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC"):
                    return _place_phrase(pobj)
    return None


_GATHER = frozenset("gather assemble convene meet".split())


def journey(word: Token) -> Token | None:
    """The verb of going (or gathering) that leads to the meeting: its place is the meeting's.

    'Will travel to Washington next week to meet Trump'; 'arrived in Washington for two days
    of trade negotiations'; 'gathered in Astana for talks'.
    """
    nodes = chain(word)
    top = nodes[-1]
    if top.dep_ in ("xcomp", "advcl") and top.head.lemma_ in MOTION:
        return top.head
    for node in nodes[1:6]:
        if node.dep_ == "prep" and node.lower_ == "for":
            head = node.head
            return head if head.lemma_.lower() in MOTION | _GATHER and head != word else None
    return None


_TRIPS = frozenset({"visit", "trip", "tour", "journey"})


def _visited(nodes: list[Token]) -> Phrase | None:
    """The place of a visit the meeting happens on.

    'During a visit to Kyiv, A met B'; 'A is due to visit Beijing for talks with B'.
    """
    for node in nodes:
        near = [*node.children, *(node.head.children if node.dep_ == "pobj" else [])]
        for tok in [node, *near, *(g for c in near if c.dep_ == "prep" for g in c.children)]:
            if tok.lemma_ not in _TRIPS:
                continue
            if tok.pos_ == "VERB":
                places = [c for c in tok.children if c.dep_ == "dobj" and _is_place(c)]
            else:
                places = [
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "in")
                    for p in c.children
                    if _place_like(p, c)
                ]
            if places:
                return _place_phrase(places[0])
    return None


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in _PLACE_ENTS or (tok.pos_ == "PROPN" and tok.ent_type_ == "")


def meeting_format(word: Token) -> MeetingFormat:
    """Virtual for calls and 'virtual/video/online' words; in person for 'in-person' or visits."""
    nodes = chain(word)[:4]
    window = doc_text(word.doc)[word.idx - 40 if word.idx >= 40 else 0 : word.idx + len(word.text)]
    if _IN_PERSON.search(window.split(".")[-1]):
        return "in_person"
    mods = {c.lower_ for n in nodes for c in n.children if c.dep_ != "prep"}
    mods |= {g.lower_ for n in nodes for c in n.children for g in c.children if g.dep_ == "advmod"}
    mods |= {t.lower_ for t in word.subtree if t.i < word.i}  # 'the virtual 2020 convention'
    calls = _VIRTUAL_VERBS | {"conversation"} if mods & {"phone", "telephone"} else _VIRTUAL_VERBS
    if word.lemma_ in calls or mods & _VIRTUAL or any(by_phone(n) for n in nodes):
        return "virtual"
    if word.lower_ in ("videoconference", "teleconference"):
        return "virtual"
    if word.lemma_ in _VISIT_VERBS or location(word) is not None:
        return "in_person"
    return "unknown"


def own_span(word: Token, met: list[Token]) -> Phrase:
    """The words of one meeting: a noun's phrase, or the 'with B' of a verb's counterpart."""
    if met:
        first = met[0].head if met[0].head.pos_ == "ADP" else met[0].left_edge
        if met[0].dep_ == "dobj" and met[0].head.i == word.i:
            first = word  # 'meeting Ghani'
        while first.is_punct and first.i < met[0].i:
            first = word.doc[first.i + 1]  # not the comma before ', separately, B'
        last = met[0].right_edge
    elif word.pos_ != "VERB" or word.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        first = word.head if word.head.pos_ == "ADP" and word.head.i < word.i else word.left_edge
        first, last = min(first, word.left_edge, key=lambda t: t.i), word
    else:
        first, last = word.sent[0], word.sent[-1]
    end = last.idx + len(last.text)
    return Phrase(first.idx, end, doc_text(word.doc)[first.idx : end])


def _called(verb: Token) -> list[Token]:
    """'called Chancellor Angela Merkel': a person the parser read as what was called (oprd)."""
    if verb.lemma_ != "call":
        return []
    return [c for c in verb.children if c.dep_ == "oprd" and c.ent_type_ == "PERSON"]


def participant_groups(word: Token) -> list[tuple[list[Token], list[Token]]]:
    """Who takes part, as (everyone, counterparts), one pair per meeting.

    'Met with A, then with B' is two meetings; the counterparts are who the subject meets.
    """
    separate = _separate(word)
    if word.pos_ == "VERB" and word.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        lead = subjects(word)
        others = [o for o in objects(word) + agents(word) + _called(word) if personish(o)]
        spoken = {"to"} if word.lemma_ in ("speak", "talk") else set()
        spoken |= {"on"} if word.lemma_ == "call" else set()  # 'called on Suga'
        withs = _prep_objects(word, _PARTNER_PREPS | spoken)
        withs = [g for g in withs if not all(t.ent_type_ in ("DATE", "TIME") for t in g)]
        if separate and len(withs) == 1 and not others:
            withs = [[t] for t in withs[0]]  # 'met separately with A and B'
        if len(withs) > 1 and (word.lemma_ == "meet" or separate or _in_turn(withs[1:])):
            return [(_named(lead + others + g), others + g) for g in withs]
        turns = [t for o in others for t in (o, *o.conjuncts)]
        turns += [  # 'meeting Ghani and then Abdullah', the second name hung on the verb
            c for c in word.children if c.dep_ == "conj" and c.pos_ == "PROPN" and personish(c)
        ]
        apart = [c for c in word.children if others and _set_apart(c, others[0], separate)]
        turns += [t for t in apart if t not in turns]  # 'met A and, separately, B'
        if not withs and word.lemma_ == "meet" and _one_after_another(turns):
            return [(_named(lead + [o]), [o]) for o in turns]  # 'meeting A and then B'
        if not withs and (separate or apart) and len(turns) > 1:
            return [(_named(lead + [o]), [o]) for o in turns]  # 'will receive A and B separately'
        met = others + [t for g in withs for t in g]
        return [(_named(lead + met), met)]
    withs = _prep_objects(word, frozenset({"with"}))
    later = _then_with(word) + _with_again(word)
    if withs and later:  # 'held talks with A on Monday, then with B'
        withs = [g for g in withs if g not in later]  # 'with A and with B': B once
        hosts = subjects(word.head)
        return [(_named(hosts + g), g) for g in [*withs, *later]]
    if separate:  # 'held separate meetings with A and with B' (or 'with A and B')
        withs += _withs_on_the_verb(word)  # the parser may hang 'and with B' on the verb
        groups = [[t] for t in withs[0]] if len(withs) == 1 else withs
        if len(groups) > 1:
            taken = {t.i for g in groups for t in g}
            hosts = [h for h in _frame_people(word) if h.i not in taken]
            return [(_named(hosts + g), g) for g in groups]
    met = [t for g in withs for t in g] or met_on_the_verb(word) or callers(word)
    owned = any(c.dep_ == "poss" and personish(c) for c in word.children)
    framed = [] if owned and met else _frame_people(word)  # "after Trump's call with X": theirs
    return [(_named(framed + noun_partners(word)), met)]


def described_counterparts(verb: Token) -> list[Token]:
    """Who the subject of 'meet' meets, described rather than named.

    'Biden met his national security team', 'met relatives of the victims': a group of
    people the text does not name, so no participant, but someone the meeting is with.
    """
    if verb.pos_ != "VERB" or verb.lemma_ != "meet":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return [c for c in objects if not personish(c) and c.lemma_ not in MEETING_NOUNS]


def met_on_the_verb(noun: Token) -> list[Token]:
    """'Held talks yesterday with B': who the noun's meeting is with, hung on its verb."""
    return [
        t for prep, group in _verb_withs(noun) if prep.dep_ == "prep" for t in group if personish(t)
    ]


def _then_with(noun: Token) -> list[list[Token]]:
    """'Held talks with A, then with B' (or ', and with B'): later 'with' groups on the verb."""
    return [
        group
        for prep, group in _verb_withs(noun)
        if _and_again(prep) or (prep.dep_ == "prep" and _said_later(prep))
    ]


def _with_again(noun: Token) -> list[list[Token]]:
    """'Talks with A and with B': the second 'with', hung on the first, said after 'and'."""
    return [
        _expand([p for p in conj.children if p.dep_ == "pobj"])
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for conj in prep.children
        if conj.dep_ == "conj" and conj.lower_ == "with" and _and_again(conj)
    ]


def _in_turn(groups: list[list[Token]]) -> bool:
    """'Spoke with A and then with B': each later 'with' said again after 'and' or 'then'."""
    preps = [t.head for g in groups for t in g[:1]]
    return all(_and_again(prep) or _said_later(prep) for prep in preps)


def _said_later(prep: Token) -> bool:
    """'Then with B', 'later with B': a 'with' marked as coming after the one before."""
    return any(c.dep_ == "advmod" and c.lower_ in ("then", "later") for c in prep.children)


def _and_again(prep: Token) -> bool:
    """'Held talks with A, ..., and with B': the preposition said again after 'and'.

    The parser hangs the second 'with' on the verb, on the first 'with' or on a word
    between; wherever it hangs, it is another meeting.
    """
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ == "and"


def _withs_on_the_verb(noun: Token) -> list[list[Token]]:
    """'Held separate calls with A and with B': a 'with' group hung on the noun's verb."""
    return [group for prep, group in _verb_withs(noun) if prep.i > noun.i]


def _verb_withs(noun: Token) -> list[tuple[Token, list[Token]]]:
    """Each 'with' on the verb whose object `noun` is, with the people it names.

    A 'with' may be a preposition or a conjunct the parser made of one.
    """
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    return [
        (prep, list(_expand([p for p in prep.children if p.dep_ == "pobj"])))
        for prep in verb.children
        if prep.dep_ in ("prep", "conj") and prep.lower_ == "with"
    ]


def _one_after_another(met: list[Token]) -> bool:
    """'Met A and then B': people met in turn, each a meeting of its own."""
    return len(met) > 1 and any(
        c.dep_ == "advmod" and c.lower_ in ("then", "later", "afterwards")
        for t in met[1:]
        for c in t.children
    )


def _set_apart(tok: Token, first: Token, separate: bool) -> bool:
    """'Met A and, separately, B': a name hung on the verb after its object, said apart.

    The parser makes B an adverb or a conjunct of the verb; 'separately' may hang on either.
    """
    hung = tok.dep_ in ("npadvmod", "conj") and tok.pos_ == "PROPN" and tok.i > first.i
    return hung and personish(tok) and (separate or _separate(tok))


def _separate(word: Token) -> bool:
    """'Separate meetings', 'met separately': one meeting with each of those named."""
    return any(c.lower_ in ("separate", "separately") for c in word.children)


def _named(tokens: list[Token]) -> list[Token]:
    """The tokens, with the names hanging from a common noun: 'ministers from A and B'."""
    out = list(tokens)
    for tok in tokens:
        if tok.ent_type_ or tok.pos_ != "NOUN":
            continue
        for group in _prep_objects(tok, frozenset({"of", "from"})):
            out.extend(t for t in group if t.ent_type_ in _PERSONISH)
    return out


def _frame_people(noun: Token) -> list[Token]:
    """People around a meeting noun: who holds or attends it, who acts 'at' or 'during' it."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        hosts = subjects(head) if head.lemma_ in HOSTING or _taken_call(noun) else []
        return hosts + [p for p in partners(head) + _verb_callers(noun) if personish(p)]
    invited = noun.dep_ == "xcomp" and head.lemma_ == "invite"  # the parser's 'to talks'
    if invited or (noun.dep_ == "pobj" and head.lower_ in _FRAME_PREPS | {"in", "to", "for"}):
        verb = head if invited else head.head
        for _ in range(4):  # 'served as a delegate at the convention': up to 'served'
            if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        # 'invited the Taliban to talks in Moscow': who is to come, to a meeting that is set
        guests = verb.lemma_ == "invite" and has_place_or_date(noun)
        people = [o for o in objects(verb) if o.ent_type_ == "PERSON" or guests and personish(o)]
        who = [t for t in subjects(verb) if personish(t)]  # not 'Impeachment came up at it'
        return who + _expand(agents) + people + partners(verb)
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")]
        agents = [p for v in verbs for c in v.children if c.dep_ == "agent" for p in c.children]
        return [a for a in _expand(agents) if personish(a)] + partners(head)
    return []
