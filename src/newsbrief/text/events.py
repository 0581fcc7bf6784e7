"""Meetings read from the dependency parse: who meets whom, when, where, and what became of it.

A meeting is found by its word, a verb or a noun:

* verbs: meet ("A met B", "A and B met", "met with B"), talk / speak / confer / negotiate /
  consult / discuss / sit down *with* someone (or speak *to* a person or a state), speak *by
  phone*, phone / telephone / call someone, host / receive / visit / welcome a person,
  debate a rival, gather / convene / assemble (officials or named parties, not crowds),
  travel somewhere *to see* a person;
* nouns: meeting, talks, summit, conference (not a press conference), convention (not a
  treaty), debate (between candidates, or one held, moderated, scheduled...), call and
  conversation (a phone or video one, a dated one, or one *with* someone), negotiations,
  discussions and consultations (with someone), videoconference, town hall, General
  Assembly, and session, gathering, forum, roundtable, audience when more is said ("an
  emergency session", "a gathering of ministers").

A noun must name a specific event: it has a determiner, a possessor, an ordinal, a date, a
place or participants, or a verb like hold / attend / host governs it. Interviews ("spoke
with Wikinews", "told reporters") and speeches ("speaking to the Atlantic Council") are not
meetings. Each mention carries its participants (subject, objects, with/between phrases,
possessor), its status (see `event_status`), its format, its place and the date phrase that
attaches to it in the tree (not the date of the announcement around it). Code that knows the
article (names, other sentences, a model) decides which mentions are one meeting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.models import MeetingFormat, MeetingStatus
from newsbrief.text import dates as _dates
from newsbrief.text import event_parts as _parts
from newsbrief.text.counts import of_object
from newsbrief.text.event_dates import attached_date, moved_to, past_perfect
from newsbrief.text.event_parts import Phrase
from newsbrief.text.event_status import chain, frame, governors, status_of
from newsbrief.text.harm import is_person
from newsbrief.text.lexicon import MEETING_NOUNS, ORG_NAME_WORDS, SPEECH_VERBS, TITLE_HEADS
from newsbrief.text.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NOMINAL = frozenset("nsubj nsubjpass dobj pobj attr".split())
_PLURAL_ONLY = frozenset("talks negotiations discussions consultations".split())
_NEEDS_WITH = frozenset("discussions consultations dialogue review".split())
# Meals are meetings only between people named: 'a dinner between A and B', not 'a gala dinner'.
_MEALS = frozenset("dinner lunch luncheon breakfast banquet".split())
_QUALIFIED = frozenset("session audience gathering forum roundtable meeting".split())
_SESSION_KIND = frozenset(
    "emergency special extraordinary plenary closed-door urgent video virtual online "
    "negotiating bilateral trilateral tripartite".split()
)
_PARLIAMENTS = frozenset("national legislative constituent provincial state".split())
_AUDIENCE = re.compile(r"\b(?:supporters|crowds?|audience|students|voters|rally)\b", re.I)
_HOLD = frozenset(
    "hold host attend participate join schedule plan cancel postpone reschedule organise "
    "organize chair convene moderate open conclude end begin resume boycott skip lead "
    "conduct arrange call have set slate preside".split()
)
_NOT_CONFERENCE = frozenset("press news media".split())
_VENUES = frozenset("center centre hall room complex hotel palace arena building venue".split())
_TREATY = frozenset("geneva vienna hague ottawa istanbul".split())
_DEBATE_KIND = frozenset(
    "presidential televised vice primary leaders candidates mayoral party town".split()
)
_CALL_KIND = frozenset("phone telephone video conference zoom".split())
_TALK_VERBS = frozenset("talk speak confer negotiate discuss consult dine lunch".split())
_RIVALS = frozenset("candidate rival contender nominee challenger hopeful".split())
_TALK_PREPS = frozenset("about for via by over".split())
_TALK_ENTS = {"on": frozenset({"DATE", "TIME"}), "in": frozenset({"GPE", "LOC", "FAC", "DATE"})}
_PRINCIPALS = frozenset(
    "minister leader president premier chancellor secretary counterpart king queen prince "
    "ambassador envoy diplomat delegation negotiator governor mayor candidate side government "
    "foreign emir sultan pope".split()
)
_RECIPROCAL = frozenset("negotiate confer".split())
# Lemmas the small model gets wrong: 'dined' -> 'din'.
_LEMMA_FIXES = {"din": "dine"}
_CALL_VERBS = frozenset("phone telephone call ring".split())
_HOST_VERBS = frozenset("host receive visit welcome".split())
_GATHER_VERBS = frozenset("gather convene assemble reconvene".split())


@dataclass(frozen=True)
class MeetingMention:
    """One mention of a meeting in one sentence, with what the parse says about it."""

    trigger: Phrase  # the meeting word ("met", "talks", "Convention")
    noun: str | None  # the meeting noun, lower case ("debate"); None for a verb
    sentence: Phrase
    participants: tuple[Phrase, ...]  # name phrases: subject, objects, with/between, possessor
    counterparts: tuple[Phrase, ...]  # who a verb's subject meets: 'met with B', 'phoned B'
    described: tuple[Phrase, ...]  # who it meets, unnamed: 'met his national security team'
    span: Phrase  # the meeting's own words: the noun phrase, or 'with B' of 'met A, then B'
    status: MeetingStatus | None  # None: the words do not settle it
    hypothetical: bool  # whether to hold, could meet, refused to meet, no meeting
    present: bool  # no status, told in a reporting present tense ('the inquiry centres on')
    sure: bool  # the structure alone makes it a specific meeting
    definite: bool  # "the meeting": may be one already mentioned
    named: bool  # "its convention", "the Reform Convention": a possessor or a name says whose
    fresh: bool  # "a meeting", "another", an ordinal: a new one
    ordinal: str | None  # "second" of "the second debate"
    joins: bool  # "X joined the talks": X takes part in a meeting already named
    format: MeetingFormat
    location: Phrase | None
    date: _dates.DatePhrase | None  # offsets into the whole text
    first_date: _dates.DatePhrase | None = None  # rescheduled: the day it was first set for
    again: bool = False  # "will meet again on October 20": a later meeting than any told
    sidelines: bool = False  # "(met B) on the sidelines of the summit": the summit is its own
    stands_for: int | None = None  # 'it will now be held': where the meeting 'it' takes up is


def meeting_mentions(doc: Doc, published: dt.date | None) -> list[MeetingMention]:
    """Every meeting mention in `doc`, in text order (dates resolved against `published`)."""
    out: list[MeetingMention] = []
    for sent in doc.sents:
        words = [t for t in sent if _trigger(t) is not None]
        for word in words:
            out.extend(_mentions(word, sent, published, crowded=len(words) > 1))
    return out


def _trigger(tok: Token) -> bool | None:
    """True: surely a meeting word; False: maybe one; None: not one."""
    if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "VERB" and tok.dep_ in _NOMINAL):
        return _noun_trigger(tok)  # 'talks' tagged as a verb but used as a subject is a noun
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        return _verb_trigger(tok)
    if tok.pos_ == "PRON":
        return True if _meeting_it_stands_for(tok) is not None else None
    return None


def _clause_of(pronoun: Token) -> Phrase:
    """'it will now be held on Monday': the pronoun's clause, its own words as a meeting."""
    verb = pronoun.head
    own = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "parataxis", "ccomp")]
    last = max((c.right_edge.i for c in own), default=verb.i)
    return Phrase.of_span(pronoun.doc[pronoun.i : last + 1])


def _meeting_it_stands_for(pronoun: Token) -> Token | None:
    """'... was called off; it will now be held on Monday': the meeting 'it' takes up.

    'It' or 'they' as the subject of a verb of taking place ('be held', 'take place', 'go
    ahead', 'resume') stands for the last meeting named before it, in its sentence or the one
    before.
    """
    if pronoun.lower_ not in ("it", "they") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    lemma = verb.lemma_.lower()
    kids = {c.lower_ for c in verb.children}
    happens = (
        (lemma == "hold" and pronoun.dep_ == "nsubjpass")
        or (lemma == "take" and "place" in kids)
        or (lemma == "go" and "ahead" in kids)
        or lemma in ("resume", "reconvene")
        or (pronoun.dep_ == "nsubjpass" and _moved_to_a_day(verb))
    )
    if not happens:
        return None
    sent = pronoun.sent
    start = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(pronoun.doc[start : pronoun.i]):
        if tok.pos_ != "PRON" and _noun_of(tok) is not None and _trigger(tok):
            return tok
    return None


def _moved_to_a_day(verb: Token) -> bool:
    """'(It) had been put back to Tuesday', 'was moved to Monday': moved to a day told."""
    lemma = verb.lemma_.lower()
    moves = lemma in ("move", "postpone", "push", "put", "delay", "shift", "bring", "slip")
    heads = _with_its_particle(verb)
    to = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "until")]
    return moves and any(o.ent_type_ in ("DATE", "TIME") for p in to for o in p.children)


def _verb_trigger(tok: Token) -> bool | None:
    if tok.dep_ in ("acl", "relcl") and _noun_of(tok.head) is not None:
        return None  # 'a summit hosted by C': the summit is the meeting
    lemma = _LEMMA_FIXES.get(tok.lemma_.lower(), tok.lemma_.lower())
    others = _parts.partners(tok)
    if lemma == "meet":
        return _meet(tok, others)
    if any(_parts.MEDIA.search(_subtree_text(o)) for o in others):
        return None  # an interview
    if lemma in ("sit", "spend") and _together(tok):
        return True  # 'Oli and Dahal sat together', 'A and B spent six hours together'
    if lemma == "spend" and _hours_with(tok):
        return True  # 'Miller spent nine hours with Mohawk representatives'
    if lemma in _TALK_VERBS or (lemma == "sit" and any(c.lower_ == "down" for c in tok.children)):
        return _talk_verb(tok, lemma, others)
    if lemma in _CALL_VERBS:
        return _call(tok, lemma)
    if lemma in _HOST_VERBS:
        if _intake(tok) or any(s.lemma_.lower() in _INTAKES for s in _parts.subjects(tok)):
            return None  # 'the hospitals that received them'
        guests = _parts.objects(tok) + _parts.agents(tok)  # 'was received by Putin'
        return False if any(_host_guest(o) for o in guests) else None
    if lemma == "debate":
        objects = _parts.objects(tok)
        if objects:
            return True if any(_host_guest(o) for o in objects) else None  # not 'the bill'
        rivals = any(s.lemma_.lower() in _RIVALS for s in _parts.subjects(tok))
        return True if len(_parts.subjects(tok)) > 1 or rivals or others else None
    return _other_verb(tok, lemma)


# Verbs of joining a meeting told elsewhere: 'A and B took part by video link'.
_TAKE_PART = frozenset("take join participate attend appear address follow watch".split())


def _other_verb(tok: Token, lemma: str) -> bool | None:
    """Verbs that tell a meeting only in some frames: summoned, gathered, chaired, briefed."""
    if lemma == "summon":
        return True if _summoned_an_envoy(tok) else None
    if lemma in _GATHER_VERBS:
        return _gather(tok)
    if lemma in ("chair", "preside"):
        return True if _chaired_a_sitting(tok) else None
    if lemma == "see":
        return _journey_to_see(tok)
    if lemma == "brief":
        return _briefed_by(tok)
    if _parts.by_phone(tok) and _pair(tok, him=True) and lemma not in _TAKE_PART:
        return True  # 'A and B settled the format by telephone': whatever they did, they spoke
    return None


_ENVOYS = frozenset("ambassador envoy diplomat chargé charge consul".split())


def _summoned_an_envoy(verb: Token) -> bool:
    """'The foreign ministry summoned Italy's ambassador': a meeting; a court's summons is not.

    The parser may take the envoy after the verb for a second subject.
    """
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    return any(o.lemma_.lower() in _ENVOYS for o in [*_parts.objects(verb), *after])


def _a_body_sits(verb: Token) -> bool:
    """'The Security Council will discuss the crisis next week': a body that discusses sits.

    Not the purpose of a meeting told already ('will meet on Monday to discuss ...') nor one
    more thing a sitting did ('approved the plan and discussed ...').
    """
    if verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl") and _trigger(verb.head)):
        return False
    return any(s.lemma_.lower() in _SITTING for s in _parts.subjects(verb))


def _briefed_by(verb: Token) -> bool | None:
    """'Was briefed on the fire by the shipping minister': an official reports to a leader.

    The passive with a named briefer, or someone briefed by telephone ('briefed the president
    by telephone') or on a day or at a place ('will brief the president in Accra on Sunday');
    'briefed reporters' is a news conference.
    """
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        called = _parts.by_phone(verb) or _sat_on(verb)  # 'is due to brief X in Accra on Sunday'
        return True if called and any(_principal(o) for o in _parts.objects(verb)) else None
    briefers = [a for a in _parts.agents(verb) if _parts.personish(a)]
    return True if briefers else None


def _talk_verb(tok: Token, lemma: str, others: list[Token]) -> bool | None:
    """'Spoke with B', 'sat down with B', 'the council will discuss': talks, not a speech."""
    if any(_AUDIENCE.search(_subtree_text(o)) for o in others):
        return None  # a speech: 'spoke to supporters'
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not own and lemma != "sit":
        return None  # 'Speaking to X, he said': an interview, not a meeting ('sitting down
        # with X' says no speech)
    if _parts.by_phone(tok) or (lemma == "discuss" and _a_body_sits(tok)):
        return True
    return _talk(tok, others)


def _journey_to_see(tok: Token) -> bool | None:
    """'Will travel to Juba next week to see the defence minister': a trip's purpose is a meeting.

    Only when 'see' is the purpose of a journey and whom it sees is a name or an office
    ('flew to Rome to see the Pope'), not a place, a thing or kin ('to see the damage').
    """
    seen = [o for o in _parts.objects(tok) if o.ent_type_ not in ("GPE", "LOC", "FAC")]
    each_other = any(c.dep_ == "dobj" and c.lower_ == "other" for c in tok.children)
    if each_other:
        return True if _several(tok) else None  # 'the two will see each other in Rome'
    journey = tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in _parts.MOTION
    plan = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (*_SET_FOR, "be")  # 'is to see'
    if not (journey or plan):
        return True if _one_saw_another(tok) else None
    return True if any(_principal(o) for o in seen) else None  # not 'to see her family'


def _one_saw_another(verb: Token) -> bool:
    """'Later that day Trudeau saw Premier Scott Moe': one named person saw another, no more.

    Not what someone saw happen ('saw Moe leave'), nor a name on a screen ('saw Moe on
    television').
    """
    subjects, seen = _parts.subjects(verb), _parts.objects(verb)
    if len(subjects) != 1 or len(seen) != 1 or verb.tag_ not in ("VBD", "VB", "VBZ", "VBP"):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "oprd", "advcl") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "on" and not _a_day(c) for c in verb.children):
        return False  # 'on television', not 'on Tuesday'
    people = (subjects[0], seen[0])
    return all(p.ent_type_ in ("PERSON", "") and p.pos_ == "PROPN" for p in people)


def _a_day(prep: Token) -> bool:
    """'on Tuesday', 'on March 3': a preposition whose object is a day."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _subtree_text(tok: Token) -> str:
    words = list(tok.subtree)[:10]
    return " ".join(w.text for w in words)


_CONTESTS = frozenset(
    "league final semifinal semi-final quarterfinal quarter-final cup match tournament "
    "championship game playoff play-off derby fixture bout race run-off runoff".split()
)


def _in_a_contest(verb: Token, preps: tuple[str, ...] = ("in", "at")) -> bool:
    """'The two sides had met twice in the league', 'will meet Chelsea in the final': sport."""
    places = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    words = {w.lemma_.lower() for p in places for w in (p, *p.children)}
    joined = {doc_text(verb.doc)[p.left_edge.idx : p.idx].lower().strip() for p in places}
    return bool(words & _CONTESTS) or any(j.endswith(("run-off", "runoff")) for j in joined)


def _meet(tok: Token, others: list[Token]) -> bool | None:
    people = [*_parts.subjects(tok), *_parts.objects(tok)]
    if _in_a_contest(tok, ("in",)):
        return None  # 'Djokovic will meet Medvedev in the final', 'meet in a run-off'
    if _in_a_contest(tok) and not any(p.ent_type_ == "PERSON" for p in people):
        return None  # a fixture; not 'Macron met Putin at the World Cup final'
    objects = [o for o in _parts.objects(tok) if not _behind(o)]
    if objects and not any(_parts.someone(o) or _a_body(o) for o in objects):
        return None  # met the target, met its fate; not 'met the civil surgeons', 'the council'
    met = any(_parts.someone(o) for o in objects)  # 'met officials among the ruins'
    if others and not any(_parts.personish(o) for o in others) and not met:
        return None  # met with criticism
    subjects = _parts.subjects(tok)
    if others or objects or len(subjects) > 1 or any(s.tag_ in ("NNS", "NNPS") for s in subjects):
        return True
    if any(s.lemma_.lower() in _SITTING for s in subjects):
        return True  # 'the Security Council is to meet on Tuesday': a body sits
    return False if subjects else None


def _a_body(noun: Token) -> bool:
    """'Are to meet the commission', 'the task force': a body whose members sit, met as one."""
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    kinds = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if lemma in _FIRMS:
        return True  # 'will meet construction companies working in the province'
    return lemma in _SITTING or (lemma in _TEAMS and bool(kinds & _TEAM_KINDS))


# Firms and their groupings: met, their people sit across the table.
_FIRMS = frozenset(
    "company firm developer contractor union association federation business lender creditor "
    "insurer manufacturer supplier carrier".split()
)


# Groups that sit as a body when their kind says so: 'the task force', 'a working group'.
_TEAMS = frozenset("force group".split())
_TEAM_KINDS = frozenset("task working steering contact".split())


def _behind(noun: Token) -> bool:
    """'To meet behind closed doors': the parser may take the doors for who is met."""
    first = noun.left_edge.i
    return first > 0 and noun.doc[first - 1].lower_ == "behind"


# Bodies whose members meet when the body meets.
_SITTING = frozenset("council committee cabinet board commission panel presidium politburo".split())
# Places that take people in: what they receive are patients or evacuees, not guests.
_INTAKES = frozenset("hospital clinic shelter camp morgue school centre center".split())


def _several(verb: Token) -> bool:
    """Two or more subjects: 'A and B met', 'the candidates debated', 'the two sides'."""
    subjects = _parts.subjects(verb)
    return len(subjects) > 1 or any(s.tag_ in ("NNS", "NNPS") for s in subjects)


def _pair(verb: Token, *, him: bool = False) -> bool:
    """Named people together as subject ('A and B'), or 'the two leaders', 'both sides'.

    With `him`, one of them may be a pronoun: 'he and his Michoacan counterpart'.
    """
    subjects = _parts.subjects(verb)
    if len(subjects) > 1:
        named = [s for s in subjects if not (him and s.lower_ in ("he", "she"))]
        return len(named) >= len(subjects) - 1 and all(_principal(s) for s in named)
    if not subjects or subjects[0].tag_ not in ("NNS", "NNPS") or not _principal(subjects[0]):
        return False
    return any(c.lower_ in ("two", "both") for c in subjects[0].children)


def _together(verb: Token, *, plural: bool = False) -> bool:
    """'Dagalo and al-Hilu sat down together': names, however typed, doing it together.

    With `plural`, offices in the plural will do: 'their interior ministers sat down together'.
    """
    subjects = _parts.subjects(verb)
    offices = plural and len(subjects) == 1 and subjects[0].tag_ == "NNS"
    return (
        (len(subjects) > 1 or offices)
        and all(s.pos_ == "PROPN" or _principal(s) for s in subjects)
        and any(c.lower_ == "together" for c in verb.children)
    )


_SPELLS = frozenset("minute hour day evening morning afternoon night".split())


def _hours_with(verb: Token) -> bool:
    """'Spent nine hours with Mohawk representatives': time spent with someone named or an office.

    Not time spent with kin or on something ('spent the day with his family', 'spent hours on
    the report'): whom it was spent with is a name or an office.
    """
    spells = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in _SPELLS]
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    met = [o for w in withs for o in w.children if o.dep_ == "pobj"]
    named = [o for o in met if o.lemma_.lower() not in _LAY]
    return bool(spells) and any(_principal(o) or _parts.personish(o) for o in named)


def _the_two(verb: Token) -> bool:
    """'The two men sat down': two people named before, as one plural subject."""
    subjects = _parts.subjects(verb)
    if len(subjects) != 1 or subjects[0].tag_ not in ("NNS", "NNPS"):
        return False
    both = any(c.lower_ in ("two", "both") for c in subjects[0].children)
    return both and (is_person(subjects[0]) or _principal(subjects[0]))


def _the_two_again(verb: Token) -> bool:
    """'The two leaders talked for three hours': the pair of a meeting told before.

    A verb whose subject is 'the two men', 'the two leaders', with no date of its own nor
    'again', tells more of that meeting, not another one.
    """
    if verb.pos_ != "VERB" or not _the_two(verb):
        return False
    if any(t.ent_type_ == "DATE" or t.lower_ in ("last", "again") for t in verb.subtree):
        return False  # 'the two men last sat down together on July 9': another meeting
    subject = _parts.subjects(verb)[0]
    return any(c.lower_ == "the" for c in subject.children)


def _principal(tok: Token) -> bool:
    """Someone whose talks are news: a name, a state, an office ('the two presidents')."""
    named = tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
    if named or (tok.pos_ == "PROPN" and not tok.ent_type_):
        return not _parts.MEDIA.search(_parts.text_of(tok))
    return tok.lemma_.lower() in _PRINCIPALS


def _conversation_only(verb: Token) -> bool:
    """No word of a speech or a topic: 'spoke at the rally', 'spoke of their fear' are not talks."""
    for child in verb.children:
        if child.dep_ in ("dobj", "ccomp", "xcomp", "prt"):
            return False
        if child.dep_ != "prep" or child.lower_ in _TALK_PREPS:
            continue
        places = [p for p in child.children if p.ent_type_ in _TALK_ENTS.get(child.lower_, ())]
        if not places:
            return False
    return True


def _talk(tok: Token, others: list[Token]) -> bool | None:
    if not others:
        # 'the two sides negotiated in Doha', 'A and B spoke on Monday': a meeting, if the
        # rest of the text agrees
        if tok.lemma_ in _RECIPROCAL:
            return False if _several(tok) else None
        if tok.lemma_ == "sit" and (_together(tok, plural=True) or _the_two(tok)):
            return True  # 'A and B sat down together in Juba': 'down' says no speech
        return False if _pair(tok) and _conversation_only(tok) else None
    preps = {o.head.lower_ for o in others if o.head.dep_ == "prep"}
    if "with" in preps or any(o.ent_type_ in ("PERSON", "GPE") for o in others):
        return True if tok.lemma_ != "discuss" else False
    return None


def _call(tok: Token, lemma: str) -> bool | None:
    named = [c for c in tok.children if c.dep_ in ("dobj", "oprd") and _parts.personish(c)]
    if named and _parts.by_phone(tok):
        return True  # 'called Trump on his mobile phone' (the parser may read a name as oprd)
    if lemma == "call" and _paid_a_call(tok):
        return True  # 'called on Suga at the prime minister's office': a visit
    phoned = lemma in ("phone", "telephone")
    if phoned and any(_purpose(c) for c in tok.children) and _phoned_a_name(tok):
        return True  # 'telephoned President Joko Widodo to offer condolences'
    kids = {c.dep_ for c in tok.children}
    if lemma == "call" and _called_someone(tok):
        return True
    if kids & {"oprd", "ccomp", "xcomp", "prt"} or any(_called_on(c) for c in tok.children):
        return None  # called it a hoax, called on them to, called for talks, called off
    objects = _parts.objects(tok)
    if not any(_parts.personish(o) for o in objects):
        return None
    return True if phoned else False


def _phoned_a_name(verb: Token) -> bool:
    """The one phoned is a person: 'telephoned President Widodo', 'him', not 'the families'."""
    return any(o.ent_type_ == "PERSON" or o.lower_ in ("him", "her") for o in _parts.objects(verb))


def _purpose(clause: Token) -> bool:
    """'to offer condolences': what a call was for."""
    return clause.dep_ in ("advcl", "xcomp") and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in clause.children
    )


def _called_someone(verb: Token) -> bool:
    """'Biden called German Chancellor Angela Merkel': a named person called, nothing more.

    The parser may read the name as what someone was called (an oprd); but 'called him a
    liar', 'called the attack an outrage' say what, not whom, and 'called X to ...', 'called
    on X', 'called off' are no call.
    """
    kids = [c for c in verb.children if c.dep_ not in ("punct", "prep", "npadvmod", "advmod")]
    kids = [c for c in kids if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg")]
    kids = [c for c in kids if not _purpose(c)]  # 'called Ashkenazi to offer condolences'
    if len(kids) != 1 or kids[0].dep_ not in ("dobj", "oprd"):
        return False
    if any(_called_on(c) for c in verb.children):
        return False
    called = kids[0]
    if called.pos_ == "NOUN" and called.lemma_.lower() in _parts.OFFICIALS:
        # 'called Lombardy's regional president, Attilio Fontana': the office, then the name
        called = next((c for c in called.children if c.dep_ == "appos"), called)
    return called.ent_type_ == "PERSON" and called.pos_ == "PROPN"


def _host_guest(tok: Token) -> bool:
    """A person received or visited: 'hosted Scholz', 'visited his counterpart', not 'Moscow'."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or _lone_name(tok):
        return False
    if tok.lemma_.lower() in _AWARDS:
        return False  # 'received the Kopa Trophy', 'received the Nobel Peace Prize'
    if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and _a_site(tok):
        return False  # 'visited Bohol and Southern Leyte', "visited St Joseph's Cathedral"
    return _parts.personish(tok) or _the_two_named(tok)


# Nouns that point back at two people named before when they are definite: 'both men'.
_PAIR_NOUNS = frozenset("man woman pair duo".split())


def _the_two_named(tok: Token) -> bool:
    """'Hosted both men', 'hosted the pair', 'received the two women': people told before."""
    if tok.lemma_.lower() not in _PAIR_NOUNS:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    return "both" in words or "the" in words and ("two" in words or tok.lemma_.lower() != "man")


# Last words of the names of things people receive: awards, not guests.
_AWARDS = frozenset("trophy prize award medal cup honour honor title plaque".split())
# Talks that are a process, not one meeting: 'North Macedonia's EU membership talks'.
_PROCESS_TALKS = frozenset("membership accession".split())

# Last words of the names of places people visit: "St Joseph's Cathedral", "the Louvre Museum".
_SITES = frozenset(
    "cathedral church basilica mosque temple shrine synagogue chapel palace museum castle "
    "memorial monument tower bridge square park garden stadium".split()
)


def _a_site(tok: Token) -> bool:
    """An unlabelled name that is a building or joined to a place: no guest.

    A name joined by "and" to a town ("Bohol and Southern Leyte") or ending in a word for a
    building ("St Joseph's Cathedral").
    """
    if tok.lower_ in _SITES:
        return True
    head = tok.head
    joined = tok.dep_ == "conj" and head.pos_ == "PROPN"
    return joined and (head.ent_type_ in ("GPE", "LOC", "FAC") or _lone_name(head))


def _intake(verb: Token) -> bool:
    """'The hospital received 53 people': a counted crowd taken in, not guests met."""
    return any(
        o.dep_ == "dobj"
        and any(c.dep_ == "nummod" for c in o.children)
        and not _parts.has_determiner(o)
        for o in verb.children
    )


def _lone_name(tok: Token) -> bool:
    """A one-word 'person' never named in full before: 'visited Jindo' is a visit to a place.

    News introduces people by their full names; a bare word the tagger calls a person,
    with no fuller name before it that holds the word, is more likely a town or a camp.
    """
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B":
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in TITLE_HEADS:
        return False  # 'received by Emperor Naruhito': a title names a person
    return not any(
        e.label_ == "PERSON" and len(e) > 1 and tok.text in {t.text for t in e}
        for e in tok.doc.ents
        if e.end <= tok.i
    )


def _paid_a_call(verb: Token) -> bool:
    """'Called on the prime minister at his office': a visit to a person, not an appeal.

    Not 'called on them to resign' (an infinitive follows) nor 'called on Monday'.
    """
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children):
        return False
    on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
    return any(_parts.personish(p) and p.ent_type_ != "DATE" for c in on for p in c.children)


def _called_on(child: Token) -> bool:
    if child.lower_ not in ("for", "on", "off", "upon"):
        return False
    return not any(p.ent_type_ in ("DATE", "TIME") for p in child.children)


def _gather(tok: Token) -> bool | None:
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
        if any(_noun_of(p) is not None for p in prep.children):
            return None  # 'gathered in Brussels for a summit': the summit is the meeting
    subjects = _parts.subjects(tok)
    official = any(_official(s) and s.lemma_.lower() not in _LAY for s in subjects)
    if tok.lemma_ != "gather" and any(_official(o) for o in _parts.objects(tok)):
        return True  # 'would convene the directors of the prisons': whom they gather
    bodies = [*subjects, *_parts.objects(tok)]
    if tok.lemma_ != "gather" and any(b.lemma_.lower() in _SITTING for b in bodies):
        return True  # 'will convene the risk management council', 'the committee will reconvene'
    return True if official and tok.lemma_ != "gather" else (False if official else None)


def _chaired_a_sitting(verb: Token) -> bool:
    """'Chaired the weekly Council of Ministers on Wednesday': the body's sitting, that day.

    The body ('council', 'cabinet', 'committee') is what was chaired or presided over, and a
    day or a place says when or where it sat: not 'who chairs the committee'.
    """
    over = [o for p in verb.children if p.lower_ == "over" for o in p.children]
    bodies = [o for o in [*_parts.objects(verb), *over] if o.lemma_.lower() in _SITTING]
    return bool(bodies) and any(_sat_on(t) for t in (verb, *bodies))


def _sat_on(tok: Token) -> bool:
    """A day or a place on the word ('on Monday', 'in Rabat').

    Not a span of time: 'for six years', 'until 2023', 'in 2023'.
    """
    for child in tok.children:
        if child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
            return True
        objects = [o.ent_type_ for o in child.children] if child.dep_ == "prep" else []
        if child.lower_ == "on" and "DATE" in objects:
            return True
        if child.lower_ in ("in", "at") and {"GPE", "LOC", "FAC"} & set(objects):
            return True
        if child.lower_ == "at" and any(_a_seat(o) for o in child.children):
            return True  # 'at his residence', 'at the ministry'
    return False


# Where officials receive people: 'briefed the leaders at his residence'.
_SEATS = frozenset("residence office headquarters ministry home".split())


def _a_seat(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.lemma_.lower() in _SEATS | _VENUES


# People who gather without meeting anyone: 'relatives gathered outside the factory gates'.
_LAY = frozenset("protester resident family victim student worker farmer relative survivor".split())


def _official(tok: Token) -> bool:
    if tok.lemma_.lower() in _parts.OFFICIALS or tok.ent_type_ in ("PERSON", "ORG"):
        return not _parts.MEDIA.search(_parts.text_of(tok))
    return any(_official(c) for c in tok.children if c.dep_ == "conj")


def _noun_trigger(tok: Token) -> bool | None:
    word = _noun_of(tok)
    if word is None or _excluded_noun(tok, word):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("via", "by", "over"):
        if tok.head.head.lemma_.lower() != "preside":  # 'presided over a meeting of X'
            return None  # 'held via a video call': how a meeting is held, not another one
    governed = any(n.lemma_.lower() in _HOLD | _MOVED for n in governors(tok)[1:4])
    governed = governed or _parts.journey(tok) is not None  # 'arrived in X for talks'
    # 'meetings scheduled for tonight have been put off': set for a day, whatever became of it
    governed = governed or any(
        c.dep_ == "acl" and c.lemma_.lower() in _SET_FOR | _HOLD for c in tok.children
    )
    specific = _parts.has_determiner(tok) or bool(_parts.ordinal(tok)) or tok.pos_ == "PROPN"
    anchored = bool(_parts.noun_partners(tok)) or _parts.has_place_or_date(tok)
    if word in _NEEDS_WITH and not (_parts.noun_partners(tok) or governed):
        return None
    if word == "dialogue" and not (specific or governed or _parts.has_place_or_date(tok)):
        return None  # 'committed to dialogue with the rebels': a way, not a meeting
    if word in _MEALS and not (
        _parts.noun_partners(tok) or (governed and _shared_meal(tok)) or _had_with(tok)
    ):
        return None
    if word in _QUALIFIED and not _qualified(tok, word, governed):
        return None
    if governed or anchored or tok.pos_ == "PROPN":
        return True
    return False if specific else None


def _had_with(meal: Token) -> bool:
    """'Had dinner with representatives of German companies': a meal with someone named."""
    verb = meal.head
    if meal.dep_ != "dobj" or verb.lemma_.lower() != "have":
        return False
    met = [t for t in _parts.met_on_the_verb(meal) if t.lemma_.lower() not in _LAY]
    return any(_principal(t) or _official(t) for t in met)


_HOST_MEAL = frozenset("host give offer hold throw".split())  # 'a dinner that A hosted for B'


def _shared_meal(meal: Token) -> bool:
    """'A and B held a dinner', 'hosted a state banquet in his honour': a meal with a guest."""
    verb = meal.head if meal.dep_ == "dobj" else None
    words = [*meal.children, *(verb.children if verb is not None else [])]
    honour = any(
        c.dep_ == "prep" and any(p.lemma_ in ("honour", "honor") for p in c.children) for c in words
    )
    hosted = any(c.dep_ == "relcl" and c.lemma_.lower() in _HOST_MEAL for c in meal.children)
    return honour or hosted or _given_for(meal, verb) or (verb is not None and _several(verb))


def _given_for(meal: Token, verb: Token | None) -> bool:
    """'Hosted a luncheon for Xi', 'gave a dinner for President Ramaphosa': a named guest's meal.

    Not 'a dinner for 200 donors': a guest the text does not name may be anyone.
    """
    if verb is None or verb.lemma_.lower() not in _HOST_MEAL:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(_named_guest(p) for p in c.children)
        for c in [*meal.children, *verb.children]
    )


def _named_guest(tok: Token) -> bool:
    return _host_guest(tok) and any(t.ent_type_ == "PERSON" for t in tok.subtree)


def _qualified(tok: Token, word: str, governed: bool) -> bool:
    """Words that name a meeting only with more said: 'an emergency session', 'meetings with'."""
    if word == "meeting":  # 'held meetings with A and B': the 'with' may hang on the verb
        met = _parts.noun_partners(tok) or _parts.met_on_the_verb(tok)
        # 'meetings scheduled for tonight have been put off': set for a day, they are meetings
        return tok.tag_ not in ("NNS", "NNPS") or bool(met) or _set_for(tok)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    partners = bool(_parts.noun_partners(tok))
    if word == "audience" and tok.dep_ == "pobj" and not partners:
        return False  # 'held without a studio audience', 'in front of an audience'
    if word == "session":  # 'an emergency session was held', 'a session with the delegation'
        kind = bool(mods & (_SESSION_KIND | _SESSION_PLACE)) or _of_a_body(tok) or _a_bodys(tok)
        anchored = governed or _parts.has_place_or_date(tok) or _set_for(tok)
        return (kind or partners) and (anchored or partners)
    return governed or partners or tok.pos_ == "PROPN"


# Where a session stands in a series of talks: 'the closing session', 'a preparatory session'.
_SESSION_PLACE = frozenset(
    "preparatory opening closing first second third final joint next inaugural latest further "
    "closed".split()
)
# Bodies whose sessions are meetings; a parliament's or a court's sitting is not one.
_BODIES = frozenset(
    "commission committee council cabinet delegation board group task talks".split()
)


def _of_a_body(tok: Token) -> bool:
    """'A session of the border commission': a body's sitting, not a parliament's or a court's."""
    return any(
        body.dep_ == "pobj" and body.lemma_.lower() in _BODIES
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for body in prep.children
    )


def _a_bodys(tok: Token) -> bool:
    """A session of the body that is the subject of its verb.

    'The committee postponed its session to Monday', 'the council will review it at a
    session next month', or the body of the sentence's main clause: 'the board was due to meet
    on Thursday, but the session has been postponed, a member said'.
    """
    verb = next((a for a in [tok, *tok.ancestors][:4] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    verbs = [verb, *(a for a in verb.ancestors if a.pos_ in ("VERB", "AUX"))][:2]
    verbs.append(tok.sent.root)  # 'the board was due to meet on Thursday, but the session ...'
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _BODIES
        for v in verbs
        for c in v.children
    )


def _set_for(tok: Token) -> bool:
    """'A session set for October 2', 'scheduled for August 28': a day it was set for.

    The parser may hang the clause on a noun of the session's own phrase: "a session of the
    committee that had been set for today", "of the council on the flood, which had been
    called for today".
    """
    nouns = [tok]
    while len(nouns) < 3 and (after := _first_object(nouns[-1])) is not None:
        nouns.append(after)  # the session, its 'of' noun, and that noun's own 'on' noun
    return any(c.dep_ in ("acl", "relcl") and _set_verb(c) for n in nouns for c in n.children)


def _first_set_for(
    word: Token, clause: Token, sent: Span, published: dt.date | None
) -> _dates.DatePhrase | None:
    """The day a moved meeting was set for by a clause on its noun (see `_set_clause`).

    'A cabinet meeting that had been scheduled for tomorrow will instead be held on Thursday';
    'a second round, which had been expected on Monday, will now take place on October 28'.
    """
    told_after = past_perfect(clause)  # 'had been due on Thursday': a day now past
    return attached_date(
        word,
        sent,
        published,
        "held" if told_after else "rescheduled",
        crowded=False,
        within=_extent(clause),
        original=True,
    )


def _set_clause(word: Token) -> Token | None:
    """The clause on a meeting noun's phrase that set the day first ('which had been due').

    It may hang on a noun of the meeting's own phrase ('a meeting between A and B on the
    rollout, which had been set for tomorrow').
    """
    if word.pos_ not in ("NOUN", "PROPN"):
        return None  # a verb's subtree holds its subject's clauses: 'X, which had been due to
        # meet on Thursday, will instead meet today' is told by that clause's own mention
    for clause in word.subtree:
        if clause.dep_ in ("acl", "relcl") and (_set_verb(clause) or _expected(clause)):
            return clause
    if word.dep_ in ("nsubj", "nsubjpass"):
        # 'A meeting between A and B, planned for Friday, was pushed back': the parser may hang
        # the participle set off after the subject on the main verb
        verb = word.head
        for clause in verb.children:
            if clause.dep_ == "advcl" and clause.tag_ == "VBN" and word.i < clause.i < verb.i:
                if _set_verb(clause) or _expected(clause):
                    return clause
    return None


def _extent(clause: Token) -> tuple[int, int]:
    """The character offsets a clause spans."""
    return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)


def _moved_to_after(
    word: Token, clause: Token, sent: Span, published: dt.date | None
) -> _dates.DatePhrase | None:
    """The new day of a moved meeting, told after the clause that set the first one.

    'A second round, which had been expected on Monday, will now take place on October 28':
    the day nearest the meeting word is the one in its clause; the new one comes after it.
    """
    after = (_extent(clause)[1], sent.end_char)
    return attached_date(word, sent, published, "rescheduled", crowded=False, within=after)


def _expected(verb: Token) -> bool:
    """'Which had been expected on Monday', 'which had been due on Tuesday'."""
    due = verb.lemma_ == "be" and any(c.lower_ == "due" for c in verb.children)
    return due or verb.lemma_.lower() == "expect"


def _first_object(noun: Token) -> Token | None:
    """The object of a noun's first preposition: 'committee' of 'a session of the committee'."""
    objects = (o for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")
    return next(objects, None)


def _set_verb(verb: Token) -> bool:
    """'set', 'scheduled', 'planned', or a passive 'called' or 'convened' (not 'called for')."""
    lemma = verb.lemma_.lower()
    if lemma in ("set", "schedule", "plan", "slate"):
        return True
    passive = verb.tag_ == "VBN" and (
        verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)
    )
    return passive and lemma in ("call", "convene")


# Prepositions that put a noun as the place something happens: 'at the town hall'.
_VENUE_PREPS = frozenset("at in inside outside near to from into".split())


def _venue(hall: Token) -> bool:
    """'Met them at the town hall': the building where, not a town-hall meeting."""
    words = {c.lower_ for c in hall.children}
    return hall.dep_ == "pobj" and hall.head.lower_ in _VENUE_PREPS and words == {"the", "town"}


def _noun_of(tok: Token) -> str | None:
    low = tok.lower_
    if low in _PLURAL_ONLY:
        return low
    lemma = tok.lemma_.lower()
    if lemma not in MEETING_NOUNS or lemma in _PLURAL_ONLY or low == "meets":
        return None
    if lemma == "hall":  # 'held a town hall', 'at a CNN town hall'; not 'at the town hall'
        return (
            "town hall"
            if any(c.lower_ == "town" for c in tok.children) and not _venue(tok)
            else None
        )
    if lemma == "assembly":
        return "assembly" if _general_assembly(tok) else None
    if lemma == "congress":
        return "congress" if tok.pos_ == "NOUN" and tok.lower_ == tok.text else None
    if lemma == "round":
        return "round" if _round_of_talks(tok) else None
    return lemma


_ROUND_MODS = frozenset(
    "new next last latest final fresh previous first second third fourth fifth decisive "
    "further another".split()
)
# Rounds that are not talks: of a vote, a contest or a series of strikes or shots.
_OTHER_ROUNDS = re.compile(
    r"\b(?:vot\w*|elect\w*|ballot\w*|runoff|run-off|poll\w*|primar\w*|candidates?|"
    r"tournament|championship|cup|match|league|qualif\w*|golf|boxing|bout|fight|beaten|"
    r"sanctions|layoffs?|strikes?|shots?|gunfire|ammunition|mortars?|shells?|rockets?|"
    r"artillery|vaccin\w*|funding|financing)\b",
    re.IGNORECASE,
)


def _round_of_talks(tok: Token) -> bool:
    """'The first round, in Addis Ababa in February, ended without agreement'.

    A round with a determiner and no 'of'-phrase, in a sentence that names no vote, contest,
    strike or other series ('the second round', not 'the first round of the tournament'; in
    'a round of talks' the talks are the meeting).
    """
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # 'a round of talks': the talks are the meeting; 'a round of voting'
    if any(c.dep_ in ("compound", "nmod") for c in tok.children):
        return False  # 'a mortar round', 'the qualifying round'
    mods = {c.lower_ for c in tok.children if c.dep_ == "amod" and c.ent_type_ != "ORDINAL"}
    if mods - _ROUND_MODS:
        return False  # 'a live round'; 'the 62nd round' is one of a series of talks
    determined = _parts.has_determiner(tok) or bool(_parts.ordinal(tok))
    return determined and not _OTHER_ROUNDS.search(tok.sent.text)


def _general_assembly(tok: Token) -> bool:
    """'The General Assembly', 'an assembly of ministers'; not 'the National Assembly'."""
    words = {c.lower_ for c in tok.children}
    if words & _PARLIAMENTS:
        return False
    if "general" in words:
        return True
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        # 'an assembly of ministers'; not 'the Assembly of Albania', a parliament
        if not any(p.ent_type_ in ("GPE", "NORP") or p.pos_ == "PROPN" for p in prep.children):
            return True
    return tok.pos_ == "PROPN" and any(n.lemma_.lower() in _HOLD for n in governors(tok)[1:4])


def _excluded_noun(tok: Token, word: str) -> bool:
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in _VENUES:
        return True  # 'the George R. Brown Convention Center': a building
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in _parts.OFFICIALS:
        return True  # 'Forum Secretary General Meg Taylor': an office of a body
    if _with_media(tok):
        return True  # 'a phone call to a radio station', 'a meeting with reporters'
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    if word == "conference" and mods & _NOT_CONFERENCE:
        return True
    if word == "talks" and mods & _PROCESS_TALKS:
        return True  # 'its EU accession talks': a years-long process, not a meeting
    if word == "convention" and (
        mods & _TREATY
        or any(c.lower_ in ("on", "against") for c in tok.children)
        or (tok.dep_ == "pobj" and tok.head.lower_ == "under")  # 'under the Montreux Convention'
    ):
        return True
    if word in ("call", "conversation"):
        phone = mods & _CALL_KIND or _parts.has_place_or_date(tok) or _told_on_a_call(tok)
        return not (phone or _parts.noun_partners(tok))
    if word == "summit" and _peak(tok):
        return True
    if word == "town hall" and (tok.text == "Hall" or any(_a_places(c) for c in tok.children)):
        return True  # "a centre in Tlahuelilpan's town hall", "Auckland Town Hall": a building
    if word == "forum" and _named_body(tok):
        return True
    if word == "debate":
        kind = mods & _DEBATE_KIND or _parts.ordinal(tok) or _parts.noun_partners(tok)
        held = any(n.lemma_.lower() in _HOLD for n in governors(tok)[1:4])
        held = held or any(c.dep_ == "acl" and c.lemma_.lower() in _HOLD for c in tok.children)
        return not (kind or held or _parts.has_place_or_date(tok))  # 'a debate held at X'
    return tok.tag_ in ("NNS", "NNPS") and word not in _PLURAL_ONLY | {"meeting"}


def _told_on_a_call(call: Token) -> bool:
    """'In a separate call, Trudeau told Rouhani that ...': one person speaks to another on it.

    The call frames a verb of speaking whose subject and object both name people, or a verb
    of talking things over whose subjects do ('A and B discussed the inquiry in a call'); 'in
    a call, he said' may be a call with anyone.
    """
    if call.dep_ != "pobj" or call.head.lower_ not in ("in", "during", "on"):
        return False
    verb = call.head.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in SPEECH_VERBS | _TALKED_OVER:
        return False
    subjects = _parts.subjects(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in _TALKED_OVER and sum(t.pos_ == "PROPN" for t in subjects) >= 2:
        return True
    named = [t for t in [*subjects, *objects] if t.ent_type_ == "PERSON"]
    return bool(objects) and len(named) >= 2


# Verbs of two sides talking a matter over: their subjects took part in what framed it.
_TALKED_OVER = frozenset("discuss agree review exchange debate".split())


def _a_places(child: Token) -> bool:
    """A place's possessive on a noun: 'Tlahuelilpan's (town hall)'."""
    return child.dep_ == "poss" and (child.ent_type_ in ("GPE", "LOC") or child.pos_ == "PROPN")


# What happens to a forum that is an event: 'the forum opened', 'was held in Davos'.
_EVENT_VERBS = frozenset("open close begin end start take hold meet convene run continue".split())


def _named_body(tok: Token) -> bool:
    """'The Kenya Bar Forum was admitted', 'the organisers, the Media Council Forum': a body.

    A forum with a proper name that acts (the subject of any verb but an event's) or stands
    in apposition to another noun names an organisation, not a gathering.
    """
    if tok.pos_ != "PROPN":
        return False
    if tok.dep_ == "appos" or any(a.lower_ == "according" for a in tok.ancestors):
        return True  # a source speaks: 'according to the organisers, the Media Council Forum'
    acting = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() not in _EVENT_VERBS
    return acting or any(c.dep_ == "appos" for c in tok.children)


def _with_media(tok: Token) -> bool:
    """The noun's partner, after 'to' or 'with', is the press: an interview, not a meeting."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            if any(_parts.MEDIA.search(_subtree_text(o)) for o in prep.children):
                return True
    return False


_CLIMB = frozenset("reach climb scale conquer ascend summit attempt".split())


def _peak(tok: Token) -> bool:
    """A mountain's summit: 'reached the summit of Everest', 'the summit of Mont Blanc'."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CLIMB:
        return True
    place = of_object(tok)
    if place is None or place.lemma_.lower() in ORG_NAME_WORDS:
        return False  # 'a summit of the Lake Chad Basin Commission': a body's summit
    return place.ent_type_ in ("LOC", "FAC")


def _mentions(
    word: Token, sent: Span, published: dt.date | None, *, crowded: bool
) -> list[MeetingMention]:
    sure = _trigger(word)
    reading = status_of(word)
    nominal = word.pos_ != "VERB" or word.dep_ in _NOMINAL
    noun = _noun_of(word) if nominal else None
    taken_up = _meeting_it_stands_for(word) if word.pos_ == "PRON" else None
    if taken_up is not None:
        noun = _noun_of(taken_up)  # 'it will now be held on Monday': that meeting's noun
    whole = Phrase.of_span(sent)
    base = MeetingMention(
        trigger=Phrase.of(word),
        noun=noun,
        sentence=whole,
        participants=(),
        counterparts=(),
        described=tuple(_parts.name_phrase(t) for t in _parts.described_counterparts(word)),
        span=_clause_of(word) if taken_up is not None else _parts.own_span(word, []),
        status=reading.status,
        hypothetical=reading.hypothetical,
        present=reading.present,
        sure=bool(sure),
        definite=_parts.is_definite(word) or taken_up is not None or _the_two_again(word),
        stands_for=taken_up.idx if taken_up is not None else None,
        named=word.pos_ == "PROPN" or any(_names_it(c) for c in word.children),
        fresh=_parts.is_fresh(word),
        again=any(c.lower_ == "again" and c.dep_ == "advmod" for c in word.children),
        sidelines=_on_its_sidelines(word),
        ordinal=_parts.ordinal(word),
        joins=any(n.lemma_ in ("join", "attend", "participate") for n in chain(word)[1:3]),
        format=_parts.meeting_format(word),
        location=_parts.location(word),
        date=attached_date(
            word, sent, published, reading.status, crowded=crowded, present=_timetable(word)
        ),
    )
    day = base.date
    if reading.status == "cancelled":
        base = _set_again(word, sent, published, base)
    elif (
        reading.status == "rescheduled" and _put_off(word) and not (day and moved_to(word.doc, day))
    ):
        # 'was postponed', 'was put off': no new day, so the day given is the one called off
        date = attached_date(word, sent, published, "cancelled", crowded=crowded)
        base = dataclasses.replace(base, status="cancelled", date=date)
        base = _set_again(word, sent, published, base)  # '... and will be held on Thursday'
    elif reading.status == "rescheduled" and day is not None:
        clause = _set_clause(word)
        first = (
            _first_set_for(word, clause, sent, published) if clause is not None else None
        ) or attached_date(word, sent, published, "rescheduled", crowded=True, original=True)
        new = (
            _moved_to_after(word, clause, sent, published)
            if clause is not None and first is not None and first.start == day.start
            else None
        )
        if new is not None:
            base = dataclasses.replace(base, date=new, first_date=first)
        elif first is not None and first.start != day.start:
            base = dataclasses.replace(base, first_date=first)
        elif (plan := _plan_it_was_set_by(word.doc, day)) is not None:
            # 'had been due on June 15 but was postponed': the day given is the one called
            # off, and no new one is: that meeting is cancelled; a plan told in the past
            # perfect ('had been scheduled for Friday') was for a day now past
            told_after = past_perfect(plan)
            date = (
                attached_date(word, sent, published, "held", crowded=crowded) if told_after else day
            )
            base = dataclasses.replace(base, status="cancelled", date=date or day)
    groups = _parts.participant_groups(word)
    stretches = _stretches(sent, [met for _, met in groups])
    dates = [_own_date(word, sent, published, reading.status, s) or base.date for s in stretches]
    if len(dates) > 1 and dates[-1] is not None and all(d is None for d in dates[:-1]):
        dates = [dates[-1]] * len(dates)  # 'met A and then B on Monday': both on Monday
    first = dates[0] if dates else None
    if first is not None and first.start < word.idx and all(d is None for d in dates[1:]):
        # 'visited Lagos on May 5 and held separate meetings with A and B': both that day
        dates = [first] * len(dates)
    return [
        dataclasses.replace(
            base,
            participants=tuple(_parts.name_phrase(t) for t in everyone),
            counterparts=tuple(_parts.name_phrase(t) for t in met),
            span=_parts.own_span(word, met)
            if len(groups) > 1
            else _own_words(word, met, base.span, crowded=crowded),
            date=date,
        )
        for (everyone, met), date in zip(groups, dates, strict=True)
    ]


def _own_words(word: Token, met: list[Token], whole: Phrase, *, crowded: bool) -> Phrase:
    """A second verb's meeting's own words when its sentence tells another meeting first.

    'chaired a meeting of X on Wednesday and then spoke by telephone with B': the call is
    'spoke by telephone with B', not the sentence the meeting before shares.
    """
    if not crowded or not met or word.pos_ != "VERB" or word.dep_ != "conj":
        return whole
    last = max((t.right_edge for t in met), key=lambda t: t.i)
    if last.i < word.i:
        return whole
    end = last.idx + len(last.text)
    return Phrase(word.idx, end, doc_text(word.doc)[word.idx : end])


def _names_it(child: Token) -> bool:
    """A possessor, or a proper name the meeting noun is called by ('the G7 summit')."""
    if child.dep_ == "poss":
        return True
    return (
        child.dep_ in ("compound", "nmod")
        and child.pos_ == "PROPN"
        and child.ent_type_
        in (
            "ORG",
            "EVENT",
            "FAC",
        )
    )


_SET_FOR = frozenset("schedule due set plan slate expect".split())


def _plan_it_was_set_by(doc: Doc, date: _dates.DatePhrase) -> Token | None:
    """The plan the date hangs on ('scheduled for June 15', 'due to open on May 2'), if any."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return None
    for above in span.root.ancestors:
        lemma = above.lemma_.lower()
        if lemma in _SET_FOR:
            return above
        if above.pos_ == "VERB" and lemma in _MOVED:
            return None  # '(had been scheduled for today, but) it was put back to Tuesday'
    return None


_MOVED = frozenset("move postpone reschedule delay push put shift defer bring".split())


_PUT_OFF = frozenset("postpone delay defer".split())


# Verbs that set a meeting for a day: '(was called off,) and will be held on Thursday'.
_HELD_AGAIN = frozenset("hold take reconvene resume convene meet".split())


def _set_again(
    word: Token, sent: Span, published: dt.date | None, base: MeetingMention
) -> MeetingMention:
    """A called-off meeting set for a new day: '(was called off) and will now be held on X'.

    The verb that sets it again is a conjunct of the verb that called it off, told in the
    future with 'now' or 'instead' or as held or meeting; the meeting is then rescheduled,
    first set for the day it had.
    """
    verb = frame(word)
    for conj in verb.children if verb is not None else ():
        kids = {c.lower_ for c in conj.children}
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or not kids & {"will", "would", "'ll"}:
            continue
        negated = any(c.dep_ == "neg" for c in conj.children)
        if (kids & {"now", "instead"} or conj.lemma_ in _HELD_AGAIN) and not negated:
            span = (conj.left_edge.idx, conj.right_edge.idx + len(conj.right_edge))
            new = attached_date(word, sent, published, "rescheduled", crowded=False, within=span)
            if new is not None:
                return dataclasses.replace(
                    base, status="rescheduled", date=new, first_date=base.date
                )
    return base


def _on_its_sidelines(word: Token) -> bool:
    """'On the sidelines of the summit', 'on the margins of the assembly': the gathering."""
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in ("sideline", "sidelines", "margin", "margins")
    )


def _with_its_particle(verb: Token) -> list[Token]:
    """The verb and its 'back' or 'forward', where the parser may hang 'to Tuesday'."""
    return [verb, *(c for c in verb.children if c.lower_ in ("back", "forward"))]


def _put_off(word: Token) -> bool:
    """'The summit was postponed (indefinitely)': put off, not moved to another day or place."""
    verb = frame(word)
    if verb is None:
        return False
    heads = _with_its_particle(verb)
    if any(c.lower_ in ("to", "until", "till") for h in heads for c in h.children):
        return False  # 'postponed to May', 'put back to Tuesday': moved to a day, however loose
    put = verb.lemma_ == "put" and any(c.lower_ in ("off", "back") for c in verb.children)
    return put or verb.lemma_.lower() in _PUT_OFF


def _timetable(word: Token) -> bool:
    """Whether a meeting is told in the present as its own event: a timetable.

    'The summit opens on Sunday', 'A is hosting B on Tuesday', 'flies to Oslo for talks on
    Monday': its day is ahead. Not 'the inquiry centres on the call of Monday', a present
    about a past meeting.
    """
    verb = frame(word)
    if verb is None or not status_of(word).present:
        return False
    held = word.dep_ == "dobj" and verb.lemma_.lower() in ("hold", "host")  # 'holds talks'
    if verb == word or ((word.dep_ in ("nsubj", "nsubjpass") or held) and word.head == verb):
        return True
    # 'travels to Brussels for a summit on Monday': a journey to it in the present
    bound = word.dep_ == "pobj" and word.head.lower_ in ("for", "to") and word.head.head == verb
    return bound and verb.lemma_.lower() in _parts.MOTION


def _stretches(sent: Span, groups: list[list[Token]]) -> list[tuple[int, int] | None]:
    """Each meeting's stretch of the sentence when one verb names several ('met A, then B')."""
    if len(groups) < 2 or not all(groups):
        return [None] * len(groups)
    starts = [g[0].head.idx if g[0].head.pos_ == "ADP" else g[0].idx for g in groups]
    starts[0] = sent.start_char
    ends = [*starts[1:], sent.end_char]
    return list(zip(starts, ends, strict=True))


def _own_date(
    word: Token,
    sent: Span,
    published: dt.date | None,
    status: MeetingStatus | None,
    stretch: tuple[int, int] | None,
) -> _dates.DatePhrase | None:
    if stretch is None:
        return None
    return attached_date(word, sent, published, status, crowded=True, within=stretch)
