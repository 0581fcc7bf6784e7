"""Who a sentence attributes a number to, read off the dependency parse (no model).

"According to X", "per X", "X said ...", "..., X said", "..., reported officials",
"reportedly" / "by reports". The speaker is named as the body writes it: an entity's text,
else the head noun with its compounds and adjectives ("local officials"); "figures from X",
"X's data" give X; "he"/"she" give the last person named before.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.text.counts import nearby
from newsbrief.text.gazetteer import is_city
from newsbrief.text.lexicon import ORG_NAME_WORDS
from newsbrief.text.names import without_possessive
from newsbrief.text.nlp import doc_text, ents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_VERBAL = frozenset({"VERB", "AUX"})

_SAY = frozenset(
    "say report tell confirm claim state indicate announce add estimate suggest note reveal "
    "write tweet post show put record count tally list quote cite warn explain declare "
    "acknowledge disclose publish release admit verify document register inform allege "
    "update describe testify specify detail".split()
)
_REPORT_NOUNS = frozenset(
    "report data datum figure statistic estimate count tally record update announcement statement "
    "account tweet release bulletin list toll research analysis survey study assessment".split()
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


def attribution(tok: Token, previous: str | None = None) -> Attribution | None:
    """Who the sentence attributes the number at `tok` to, or None.

    In order: "according to X" (or "per X") on a clause above the number, the subject of the
    nearest verb of saying above it ("X said ..."), a verb of saying set beside the number's
    clause ("..., X said"; "..., reported officials"), "according to X" anywhere in the
    sentence, a verb of saying whose clause ends the sentence after a comma (", police told
    reporters."), then "reportedly" or "by reports" on the number's own clause ("reports").
    A relative clause ("where 20 died") is the writer's own description: the search for a
    speaker does not climb out of it, but a closing ", X said" speaks for it too. "They"
    or "it" as the speaker is `previous`, the source the paragraph named last ("The agency
    said ... It said ...").
    """
    chain = _clause_chain(tok)
    country: Attribution | None = None
    for anc in chain:
        found = (
            _according(anc) or _speaker(anc, previous) or _toll_given_by(anc) or _figure_given(anc)
        )
        if found is not None and _a_country(found) and country is None:
            country = found  # "Kenya has reported 210 cases, its health ministry said"
        elif found is not None:
            return found
    if country is not None:
        return country
    ids = {t.i for t in chain}
    for other in tok.sent:
        beside = other.head.i in ids and other.dep_ in ("parataxis", "advcl", "conj", "ccomp")
        found = (_speaker(other, previous) if beside else None) or _said_by_noun(other)
        if found is not None:
            return found
    for other in (r.token for r in nearby(tok, limit=64)):
        found = _according(other)
        if found is not None:
            return found
    closing = _closing_attribution(tok.sent)
    outside = closing is not None and tok.i not in range(
        closing.left_edge.i, closing.right_edge.i + 1
    )
    # '..., in Piedmont, where about 300 people were evacuated, its president said': the
    # closing clause speaks for the relative clause too
    told = (
        closing is not None
        and chain[-1].dep_ in ("relcl", "acl")
        and closing in chain[-1].ancestors
    )
    if closing is not None and (outside or told):
        found = _speaker(closing, previous)
        if found is not None:
            return found
    own = chain[: next((k for k, t in enumerate(chain) if t.pos_ in _VERBAL), len(chain)) + 1]
    if any(c.lower_ == "reportedly" or _by_reports(c) for t in own for c in t.children):
        return Attribution("reports", None)
    return None


def _a_country(found: Attribution) -> bool:
    """A country that 'reported' a count is where it was counted; a speaker above it tells it."""
    return found.token is not None and found.token.ent_type_ == "GPE"


_GIVE = frozenset("give put issue provide offer lower raise revise update".split())
_FIGURE_NOUNS = frozenset("figure toll count tally estimate number".split())


def _figure_given(verb: Token) -> Attribution | None:
    """'The commission gave a higher figure of 40 injured': whoever gave the figure."""
    if verb.lemma_ not in _GIVE or verb.pos_ not in _VERBAL:
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS for c in verb.children):
        return None
    subject = _subject(verb)
    return _named(subject) if subject is not None and _can_speak(subject) else None


def _toll_given_by(verb: Token) -> Attribution | None:
    """'The toll, confirmed by the governor, stood at 12': whoever gave the subject toll.

    Or whose it is: "the AAPP's count of civilians killed rose to 701" (not a place's:
    "Bago's toll" says where).
    """
    if verb.pos_ not in _VERBAL:
        return None
    subject = _subject(verb)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and passive is not None and passive.lemma_.lower() in _BACK_NOUNS:
        by = _released_by(verb)  # "An earlier toll of ten had been given by the agency"
        if by is not None and verb.lemma_ in _GIVE:
            return _named(by)
    if subject is None or subject.lemma_.lower() not in _BACK_NOUNS:
        return None
    for child in subject.children:
        by = _released_by(child) if child.dep_ == "acl" else None
        if by is not None:
            return _named(by)
        whose = child.dep_ == "poss" and child.pos_ != "PRON" and child.ent_type_ != "GPE"
        if whose and _is_source(child):
            return _named(child)
    return None


def _closing_attribution(sent: Span) -> Token | None:
    """The verb of saying of a clause that ends the sentence after a comma (", police said").

    Such a clause speaks for the whole sentence, whichever clause the parser hung it on.
    """
    for verb in sent:
        if verb.lemma_ not in _SAY or verb.pos_ not in _VERBAL or verb.i == sent.start:
            continue
        subject = _subject(verb)
        first = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
        after = verb.doc[verb.i + 1 : sent.end]
        own = all(t.is_punct or not t.text.strip() or verb in t.ancestors for t in after)
        if own and first > sent.start and verb.doc[first - 1].text == ",":
            return verb
    return None


def _clause_chain(tok: Token) -> list[Token]:
    chain = _climb([tok])
    if chain[-1].dep_ == "acl" and chain[-1].tag_ == "VBG" and chain[-1].head.i != chain[-1].i:
        chain = _climb([*chain, chain[-1].head])  # 'reported outages affecting 5,000 households'
    elif chain[-1].dep_ == "acl" and _a_clause_said(chain[-1]):
        chain = _climb([*chain, chain[-1].head])  # 'A blast killed 11 miners, officials said'
    elif chain[-1].dep_ == "acl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in chain[-1].children
    ):
        chain = _climb([*chain, chain[-1].head])  # 'said in a statement that they had killed'
    return chain


def _a_clause_said(part: Token) -> bool:
    """'A blast killed 11 miners, officials said': the clause is what was said.

    The parser may read it as 'a blast [that] killed 11 miners', a second subject of 'said'
    before its real one.
    """
    noun, verb = part.head, part.head.head
    if part.tag_ not in ("VBD", "VBN") or noun.dep_ != "nsubj" or verb.lemma_ not in _SAY:
        return False
    said_by = _subject(verb)
    return said_by is not None and said_by.i != noun.i and noun.i < said_by.i < verb.i


def _climb(chain: list[Token]) -> list[Token]:
    """The chain extended by heads up to the root or a relative or adjectival clause."""
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


def _speaker(tok: Token, previous: str | None = None) -> Attribution | None:
    if tok.lemma_ not in _SAY or tok.pos_ not in _VERBAL or tok.dep_ == "amod":
        return None
    if tok.lemma_ == "admit" and any(c.dep_ == "dobj" for c in tok.children):
        return None  # 'its treatment centre had admitted 900 patients': took them in
    if tok.lemma_ == "claim" and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in tok.children):
        return None  # 'measles, which has claimed 400 lives': killed them, said nothing
    subject = _subject(tok)
    if subject is not None and subject.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
        return _relative_speaker(subject, tok.head)
    if subject is not None and subject.lower_ in _PLURAL_PRONOUNS:
        return Attribution(previous, subject) if previous else None
    if subject is not None and _set_off(subject, tok):
        beside = _stray_subject(tok, loose=True)  # "19 people injured ..., the prison system
        if beside is not None:  # said": the parser took a count for the speaker
            return beside
        if _a_count(subject):
            return _listed_speaker(subject)  # a count does not speak; a name set in its list may
    if subject is None and tok.dep_ == "advcl" and tok.tag_ == "VBG":
        subject = _subject(tok.head)  # 'The agency gave a lower toll, saying that ...'
    if subject is not None and tok.lemma_ in _TALLIES and _a_place_name(subject):
        return None  # "Aurangabad recorded 39 of them": a place that counted, not a source
    if subject is not None:
        return _named(subject) if _can_speak(subject) else None
    for child in tok.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _named(pobj)
    return _stray_subject(tok)


def _relative_speaker(relative: Token, antecedent: Token) -> Attribution | None:
    """'The Directorate, which said 1,057 died': the body 'which' stands for.

    Not a place ('Mozambique, which recorded 30,000 cases'). The attribution's token stays
    the relative word, so that the clause's own places remain the count's.
    """
    if antecedent.pos_ not in ("NOUN", "PROPN") or antecedent.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    if _a_place_name(antecedent) or not _can_speak(antecedent):
        return None
    name = source_name(antecedent)
    return Attribution(name, relative) if name else None


_TALLIES = frozenset("record register log".split())


def _a_count(tok: Token) -> bool:
    """A number, or a noun a number counts ('two Italians'): no one who speaks."""
    return tok.pos_ == "NUM" or any(c.dep_ == "nummod" for c in tok.children)


def _listed_speaker(subject: Token) -> Attribution | None:
    """The last person or body set in apposition inside a misparsed subject, or None.

    "The missing are four French nationals, a Slovak climber and two guides, Mira Acharya,
    a director at the tourism department, told reporters": the parser took the count's noun
    for the speaker and hung the speaker on the list.
    """
    named = [
        t
        for t in subject.subtree
        if t.dep_ == "appos" and t.ent_type_ in ("PERSON", "ORG") and _can_speak(t)
    ]
    return _named(named[-1]) if named else None


def _a_place_name(tok: Token) -> bool:
    """A proper name the tagger gave no kind, or a place's: not a body that can speak.

    Not a name with a word of a body in it ('the UN Assistance Mission') or an acronym.
    """
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "LOC", "FAC"):
        return False
    words = {t.lower_ for t in tok.subtree}
    return not (words & (ORG_NAME_WORDS | {"mission", "("}) or tok.is_upper)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a misparse), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _set_off(subject: Token, verb: Token) -> bool:
    """A subject before the verb with a comma between them: a misparse of '..., X said'."""
    if subject.i > verb.i:
        return False
    named = subject.pos_ == "PROPN" and subject.ent_type_ not in ("NORP", "GPE")
    if (named or subject.ent_type_ in ("ORG", "PERSON")) and not _a_count(subject):
        if _described(subject, verb):
            return False  # 'Reid Health, the city's hospital, said': a name, its description
    return any(t.text == "," for t in verb.doc[subject.i + 1 : verb.i])


def _described(subject: Token, verb: Token) -> bool:
    """True when all that stands between the subject and its verb is its own apposition."""
    appos = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i]
    if not appos:
        return False
    end = appos[-1].right_edge.i
    return end + 2 == verb.i and verb.doc[end + 1].text == ","


def _stray_subject(verb: Token, *, loose: bool = False) -> Attribution | None:
    """A speaker the parser hung elsewhere: '..., the agency (NEMA) said' with no subject.

    The words right before the verb (after a comma) name a source - an organisation or
    person, or an official's title - that is not the verb's own subject in the parse.
    """
    at = verb.i - 1
    while at > verb.sent.start and verb.doc[at].text in (")", "]"):
        at = _opening(verb.doc, at)
    if at <= verb.sent.start:
        return None
    head = verb.doc[at]
    if head.text == "," and head.i - 1 > verb.sent.start:
        return _apposed_speaker(verb.doc[head.i - 1])
    comma = max((t.i for t in verb.doc[verb.sent.start : at] if t.text == ","), default=-1)
    while comma < head.head.i < verb.i and head.head != head:
        head = head.head  # "a spokesman for the fire department said": the spokesman speaks
    if not _comma_set_source(head, loose=loose):
        return None
    return _named(head)


_NOT_SPEAKING = frozenset("GPE LOC FAC DATE TIME CARDINAL QUANTITY".split())


def _comma_set_source(tok: Token, *, loose: bool = False) -> bool:
    """A noun that can speak and is set off by a comma before it: ', the agency said'.

    `loose` takes any such noun that is not a place ("the country's prison system").
    """
    source = _is_source(tok) or (loose and tok.ent_type_ not in _NOT_SPEAKING)
    if tok.pos_ not in ("NOUN", "PROPN") or not source or not _can_speak(tok):
        return False
    first = min(t.i for t in tok.subtree)
    return first > tok.sent.start and tok.doc[first - 1].text == ","


def _apposed_speaker(last: Token) -> Attribution | None:
    """The speaker of '..., the Observatory, a Britain-based monitor, said'.

    The parser hung the speaker and its description on a noun before them; the first of
    them set off by a comma speaks.
    """
    if last.dep_ != "appos":
        return None
    group = sorted([last.head, *(c for c in last.head.children if c.dep_ == "appos")])
    speaker = next((tok for tok in group if _comma_set_source(tok)), None)
    return _named(speaker) if speaker is not None else None


def _appos_of(tok: Token) -> Token | None:
    """The noun `tok` stands in apposition to, written right before it with no comma."""
    head = tok.head
    if tok.dep_ != "appos" or not tok.sent.start <= head.i < tok.i:
        return None
    between = tok.doc[head.i + 1 : tok.left_edge.i]
    return None if any(t.text == "," for t in between) else head


def _opening(doc: Doc, close: int) -> int:
    """The index just before the bracket that `doc[close]` closes (or close - 1)."""
    for k in range(close - 1, max(close - 12, doc[close].sent.start) - 1, -1):
        if doc[k].text in ("(", "["):
            return k - 1
    return close - 1


_PLURAL_PRONOUNS = frozenset({"they", "it"})


def sentence_speaker(sent: Span) -> str | None:
    """The source a sentence names for what it reports, or None.

    "The ministry said ...", "according to the UN ...": a named speaker, not a pronoun.
    """
    for tok in sent:
        found = _according(tok) or _speaker(tok)
        if found is not None and found.token is not None and found.token.pos_ != "PRON":
            return found.name
    return None


_THAT = frozenset("that this these those".split())
_POINTING = _THAT | {"the"}
_BACK_NOUNS = _REPORT_NOUNS | {"toll", "number", "breakdown"}


def confirmed_after(sent: Span) -> str | None:
    """The source a sentence names for the figures told just before it, or None.

    "The figures were given by Dr Nur"; "The toll was confirmed by the ministry"; "The
    ministry confirmed the figure": the sentence points back at numbers and says whose they are.
    """
    for tok in sent:
        if tok.lemma_.lower() not in _BACK_NOUNS or tok.pos_ != "NOUN":
            continue
        whose = _pointed_at(tok)
        if whose is not None:
            return source_name(whose)
        if not any(c.dep_ == "det" and c.lower_ in _POINTING for c in tok.children):
            continue
        verb = tok.head
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # 'but the figure was not confirmed by officials': no one's
        came = [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
        ]
        if tok.dep_ == "nsubj" and verb.lemma_ == "come" and came:
            return source_name(came[0])  # "Those numbers came from the regional office"
        by = _released_by(verb) if tok.dep_ == "nsubjpass" else None
        if by is not None:
            return source_name(by)
        if tok.dep_ == "dobj" and verb.pos_ == "VERB":
            subject = _subject(verb)
            if subject is not None and subject.pos_ != "PRON" and _is_source(subject):
                return source_name(subject)
    return None


def _pointed_at(noun: Token) -> Token | None:
    """'That was the account of Captain Baker': whose account a pointing 'that' says it was."""
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_ != "be":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _THAT for c in verb.children):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        by = _released_by(child) if child.dep_ == "acl" else None
        if by is not None:
            return by  # "That was the figure given by the ministry"
    return None


def quote_speaker(doc: Doc, at: int) -> str | None:
    """Who speaks the double-quoted passage around body offset `at`, or None.

    The quote is opened in the same paragraph (line) as `at` and not yet closed. Its speaker
    is the subject of the clause that introduces it ('The agency announced: "..."', 'he
    said, "..."'), else of the verb of saying right after it closes ('"...," the mayor said').
    """
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    opened = _open_quote(text, line_start, at)
    if opened is None:
        return None
    closed = _close_quote(text, at, line_end)
    before = _token_before(doc, opened)
    found = _introducer(before) if before is not None else None
    if found is None and closed is not None:
        after = _token_after(doc, closed, line_end)
        found = _closer(after) if after is not None else None
    return found.name if found is not None else None


def _open_quote(text: str, start: int, at: int) -> int | None:
    """The offset of the quote mark that opens a quote still open at `at`, or None."""
    last_open = text.rfind("\u201c", start, at)
    if last_open >= 0 and text.rfind("\u201d", start, at) < last_open:
        return last_open
    straight = [i for i in range(start, at) if text[i] == '"']
    return straight[-1] if len(straight) % 2 == 1 else None


def _close_quote(text: str, at: int, end: int) -> int | None:
    for i in range(at, end):
        if text[i] in '"\u201d':
            return i
    return None


def _token_before(doc: Doc, offset: int) -> Token | None:
    before = [t for t in doc if t.idx + len(t.text) <= offset and t.text.strip()]
    last = before[-1] if before else None
    if last is not None and last.text in (":", ",") and last.i > 0:
        return doc[last.i - 1]
    return None


def _token_after(doc: Doc, offset: int, end: int) -> Token | None:
    for tok in doc:
        if tok.idx > offset and tok.idx < end and not tok.is_punct and tok.text.strip():
            return tok
    return None


def _introducer(tok: Token) -> Attribution | None:
    """The subject of the clause ending right before an opening quote ("X announced:")."""
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in _VERBAL), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not _can_speak(subject):
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("he", "she"):
        return None
    if verb.lemma_ not in _SAY and not _is_source(subject):
        return None
    return _named(subject)


def _closer(tok: Token) -> Attribution | None:
    """The speaker of the verb of saying right after a closing quote ('..." the mayor said')."""
    verb = next((a for a in [tok, *tok.ancestors] if a.lemma_ in _SAY and a.pos_ in _VERBAL), None)
    return _speaker(verb) if verb is not None else None


def _is_source(tok: Token) -> bool:
    """A subject that can be a source: a named person or body, or an official's title."""
    return (
        tok.ent_type_ in _SOURCE_ENTS
        or tok.lemma_.lower() in _SPEAKERS
        or lower_in(tok, _SOURCE_NOUNS)
    )


_SOURCE_NOUNS = frozenset(
    "account spokesman spokeswoman minister governor mayor chief director president head "
    "commander official statement".split()
)


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


# Entity types of a count, never of a speaker.
_COUNTS = frozenset({"QUANTITY", "PERCENT", "MONEY"})


# Words of quantity that stand for people no one names: 'many fear', 'some say'.
_QUANTITIES = frozenset("many some most several others few all both none each".split())


def _named(tok: Token) -> Attribution | None:
    if any(ch.isdigit() for ch in tok.text) or tok.ent_type_ in _COUNTS:
        return None  # '2,522 cases, 2,428 of them confirmed': a count confirms nothing
    if tok.lower_ in _QUANTITIES:
        return None  # 'many estimate that 14,000 homes were destroyed': no one named
    name = source_name(tok)
    return Attribution(name, tok) if name else None


def _by_reports(tok: Token) -> bool:
    return tok.lower_ == "by" and any(c.lemma_ == "report" for c in tok.children)


def source_name(tok: Token) -> str | None:
    """The name of the speaker whose head word is `tok`, as the body writes it."""
    if tok.pos_ == "PRON":
        return _antecedent(tok)
    if tok.lemma_ in _REPORT_NOUNS:
        owner = _report_owner(tok)
        if owner is not None:
            return source_name(owner)
    named = _apposed_name(tok)
    if named is not None:
        return named
    ent = _entity_of(tok)
    earlier = (
        (_named_before(tok) or _titled_before(tok) or _issuer_before(tok)) if ent is None else None
    )
    if earlier is not None:
        return earlier
    start = ent.start if ent is not None else tok.i
    while start > tok.sent.start and (
        tok.doc[start - 1].dep_ in _NAME_DEPS or _hyphen_in_name(tok.doc, start - 1)
    ):
        if _split_at_hyphen(tok.doc, start - 1):
            start -= 2  # 'Sanwo-Olu': the parser may make each half a subject of its own
            continue
        if tok.doc[start - 1].head.i not in range(start, tok.i + 1):
            break
        if start > 1 and tok.doc[start - 2].tag_ == "HYPH" and tok.doc[start - 1].is_lower:
            break  # "secretary-general George Kettaneh": not the "general" the tokenizer split
        start -= 1
    while start < tok.i and tok.doc[start].pos_ == "VERB" and tok.doc[start - 1].tag_ == "HYPH":
        start += 1  # "the state-run Somali National News Agency": not "run Somali ..."
    start = _owner_start(tok, start)
    end = max(ent.end if ent is not None else tok.i + 1, _named_appos_end(tok))
    if ent is None and tok.pos_ == "NOUN":
        end = max(end, _whose_end(tok))
    name = tok.doc[start : _acronym_end(tok, end)]
    found = _spelled_out(name) or _with_its_acronym(_strip_the(name), doc_text(tok.doc))
    return without_possessive(found)  # "Magen David Adom's first toll": Magen David Adom


_GIVEN_ACRONYM = r" \(([A-Z][A-Za-z]{1,9})\)"


def _with_its_acronym(name: str, text: str) -> str:
    """A full name with the acronym the body gives it elsewhere, as the body first wrote both.

    'the National Disaster Risk Reduction and Management Council said', after 'the National
    Disaster Risk Reduction and Management Council (NDRRMC)': that name with '(NDRRMC)'.
    """
    if len(name.split()) < 2 or name.endswith(")"):
        return name
    given = re.search(re.escape(name) + _GIVEN_ACRONYM, text)
    return f"{name} ({given.group(1)})" if given else name


def _spelled_out(name: Span) -> str | None:
    """An acronym with the full name the body spelled it out as before.

    'NCDC' after 'the Nigeria Centre for Disease Control (NCDC)' is that name, as written
    there, with its acronym.
    """
    if len(name) != 1 or not name[0].is_upper or len(name.text) < 2:
        return None
    doc = name.doc
    for j in range(name.start - 3, 0, -1):
        if doc[j].text == "(" and doc[j + 1].text == name.text and doc[j + 2].text == ")":
            full = next((e for e in ents(doc) if e.end == j and e.label_ == "ORG"), None)
            return None if full is None else f"{_strip_the(full)} ({name.text})"
    return None


def _report_owner(report: Token) -> Token | None:
    """Whose a report noun is, or None.

    "The ministry's figures", "IOM figures", "figures from X", "figures released by X", "a
    list of names compiled by X".
    """
    for child in report.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "poss":
            return _who_said_its(report)  # 'Amnesty said its research showed ...'
        named = child.ent_type_ in ("ORG", "NORP") or (
            child.pos_ == "PROPN" and not child.ent_type_
        )
        if child.dep_ == "compound" and named:
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                compiled = [_released_by(c) for c in pobj.children if c.dep_ == "acl"]
                return next((b for b in compiled if b is not None), pobj)
        by = _released_by(child) if child.dep_ == "acl" else None
        if by is not None:
            return by
    return None


def _who_said_its(report: Token) -> Token | None:
    """'Amnesty said its research showed 56 had died': whose 'its' is, the one who said it."""
    for verb in report.ancestors:
        if verb.lemma_ not in _SAY:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c != report), None)
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return None


def _split_at_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen written tight between two halves of one name: 'Sanwo-Olu', not 'Sanwo - Olu'."""
    return (
        i > 0 and _hyphen_in_name(doc, i) and not doc[i - 1].whitespace_ and not doc[i].whitespace_
    )


def _hyphen_in_name(doc: Doc, i: int) -> bool:
    """A hyphen between two parts of a name: "Yen Teh-fa", not "state-run"."""
    return doc[i].tag_ == "HYPH" and i > 0 and doc[i - 1].pos_ == "PROPN"


def _acronym_end(tok: Token, end: int) -> int:
    """The end of a name with the acronym the body gives it in brackets right after.

    'the UN Assistance Mission in Afghanistan (UNAMA)', 'the International Organization for
    Migration (IOM)': the acronym is how the rest of the article, and readers, know it.
    """
    doc = tok.doc
    for j in range(end, min(end + 5, len(doc) - 2)):
        if doc[j].text == "(":
            short, close = doc[j + 1], doc[j + 2]
            if close.text == ")" and short.is_upper and len(short.text) <= 10:
                inside = all(t.i == tok.i or tok.is_ancestor(t) for t in doc[end:j])
                return j + 3 if inside else end
            return end
    return end


_WHOSE = frozenset("for of at from with".split())
_WHOSE_MAX = 8


def _whose_end(tok: Token) -> int:
    """The end of the body a title belongs to (a short phrase right after the title).

    'A spokesman for the city's fire department', 'officials at the district hospital'.
    """
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _WHOSE and child.i == tok.i + 1:
            end = child.right_edge.i + 1
            if any(c.dep_ == "pobj" for c in child.children) and end - tok.i <= _WHOSE_MAX:
                return end
    return tok.i + 1


def _apposed_name(tok: Token) -> str | None:
    """The name set after a speaker noun: 'a rights group, the Observatorio, said'."""
    if tok.pos_ != "NOUN" or _entity_of(tok) is not None:
        return None
    # the parser may hang the name on the title's own place: "a leader in Riyom, Dan Gyang,"
    owners = [tok, *(p for c in tok.children if c.dep_ == "prep" for p in c.children)]
    for child in (c for owner in owners for c in owner.children):
        ent = _entity_of(child) if child.dep_ == "appos" and child.i > tok.i else None
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            return _strip_the(ent)
    return None


def _named_before(tok: Token) -> str | None:
    """The organisation a bare "the institute said" names: the last one of that kind before.

    Only a bare definite noun ("the agency", "the ministry") is read as a second mention; its
    name is the last organisation entity before it whose head word is the same noun.
    """
    before = [c.lower_ for c in tok.children if c.i < tok.i]
    if tok.pos_ != "NOUN" or before not in (["the"], ["its"]):
        return None
    lemma = tok.lemma_.lower()
    if before == ["its"] and tok.tag_ != "NNS":
        return None  # 'its director' is one person, not the body
    before_it = [  # not 'were in the Sud department': a place the tagger called a body
        e for e in ents(tok.doc) if e.label_ == "ORG" and e.end <= tok.i and not _after_in(e.root)
    ]
    named = [e for e in before_it if not is_city(e.text)]  # not a town tagged as a body
    near = [e for e in named if tok.sent.start - e.sent.start < _BACK_REACH]
    if before == ["its"] or lemma in _KIND_NOUNS:  # 'the group', 'its members'
        return _strip_the(near[-1]) if near else None
    # a body named by the same noun ('Ethiopian Airlines' for 'the airline') is the one
    # meant however far back; any body is, only when near
    same = [e for e in named if _headed_by(e, lemma)]
    if not same and lemma in _BODY_NOUNS and tok.tag_ == "NN":
        # 'the authority' for a Transport Authority named further back; else 'the agency'
        # for the last body named, 'the National Service for ... (SNAI)'
        same = [e for e in before_it if e.root.lemma_.lower() == lemma] or near
    return _strip_the(same[-1]) if same else None


# Titles a bare "the minister said" takes up from the person named with it before.
_TITLES = frozenset(
    "minister governor mayor prefect premier chancellor commissioner director secretary "
    "coordinator president chairman chairwoman".split()
)


def _titled_before(tok: Token) -> str | None:
    """The person a bare "the minister said" names: the last one given that title before.

    "Health Minister Fahrettin Koca ... the minister said"; a name set beside the title
    ("the minister, Koca, said") is the apposition's job.
    """
    lemma = tok.lemma_.lower()
    before = [c.lower_ for c in tok.children if c.i < tok.i]
    if tok.pos_ != "NOUN" or lemma not in _TITLES or before != ["the"]:
        return None  # not 'its director': the director of what was just named
    people = [e for e in ents(tok.doc) if e.label_ == "PERSON" and e.end <= tok.i]
    titled = [e for e in people if _titled(e, lemma)]  # however far back: the title says who
    return titled[-1].text if titled else None


def _titled(person: Span, lemma: str) -> bool:
    """'Health Minister Fahrettin Koca', 'Koca, the health minister', 'the minister, Koca'."""
    doc = person.doc
    words = [doc[i] for i in range(max(person.start - 3, 0), person.start)]
    words += [c for t in person for c in t.children if c.dep_ == "appos"]
    words += [person.root.head] if person.root.dep_ == "appos" else []
    return any(w.lemma_.lower() == lemma for w in words)


def _headed_by(name: Span, lemma: str) -> bool:
    """'Ethiopian Airlines' for 'the airline': the name's head word, or its last, is the noun."""
    return name.root.lemma_.lower() == lemma or name[-1].lower_ in (lemma, lemma + "s")


def _after_in(tok: Token) -> bool:
    """'in the Sud department', 'at Camp Bastion': a name written where something is."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _AT - {"from", "into"}


_DOCUMENTS = frozenset("statement communique communiqué release bulletin".split())


def _issuer_before(tok: Token) -> str | None:
    """Whoever issued the last statement told before: "according to the statement".

    That is its named owner ("a police statement", "the army's statement") or the speaker who
    said something in it ("the ministry said in a statement on Monday").
    """
    lemma = tok.lemma_.lower()
    before = [c.lower_ for c in tok.children if c.i < tok.i]
    if tok.pos_ != "NOUN" or lemma not in _DOCUMENTS or before != ["the"]:
        return None
    first = max(tok.sent.start - _BACK_REACH, 0)
    for doc_tok in reversed(tok.doc[first : tok.i]):
        if doc_tok.lemma_.lower() != lemma:
            continue
        owner = next((c for c in doc_tok.children if c.dep_ in ("compound", "poss")), None)
        if owner is not None and owner.pos_ in ("PROPN", "NOUN") and _can_speak(owner):
            return source_name(owner)
        verb = doc_tok.head.head if doc_tok.dep_ == "pobj" else None
        subject = _subject(verb) if verb is not None and verb.lemma_ in _SAY else None
        if subject is not None and subject.pos_ != "PRON" and _can_speak(subject):
            return source_name(subject)
    return None


# Nouns of kind that stand for the last organisation named: 'according to the group'.
_KIND_NOUNS = frozenset(
    "group organisation organization company firm charity website newspaper broadcaster "
    "outlet station network".split()
)
# Nouns for a body of any name: the last organisation, when none is named with the same word.
_BODY_NOUNS = frozenset("agency body service authority".split())
# How far back (in tokens, from the start of the sentence) a second mention looks for its name.
_BACK_REACH = 120


def _owner_start(tok: Token, start: int) -> int:
    """Where "Indonesia's" begins in "Indonesia's disaster agency" (only a named owner)."""
    words = tok.doc[start : tok.i + 1]
    owner = next((c for w in words for c in w.children if c.dep_ == "poss" and c.i < start), None)
    if owner is None or owner.right_edge.i + 1 != start:
        return start
    if owner.pos_ != "PROPN" and owner.ent_type_ not in _SOURCE_ENTS:
        return start  # "the country's agency": the agency
    if owner.right_edge.dep_ != "case":
        return start
    return owner.left_edge.i


def _named_appos_end(tok: Token) -> int:
    """The end of a name set right after the speaker: "broadcaster TVN24", "agency (NEMA)"."""
    end = tok.i + 1
    for child in tok.children:
        if _appos_of(child) is None:
            continue
        if child.ent_type_ not in _SOURCE_ENTS and child.pos_ != "PROPN":
            continue
        last = child.right_edge.i + 1
        if last < len(tok.doc) and tok.doc[last].text == ")" and tok.doc[child.i - 1].text == "(":
            last += 1
        if child.left_edge.i <= end + 1:
            end = max(end, last)
    return end


def _released_by(verb: Token) -> Token | None:
    """The X of a report noun's participle "released by X", "compiled by X"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _entity_of(tok: Token) -> Span | None:
    for ent in ents(tok.doc):
        if ent.start <= tok.i < ent.end and ent.label_ in _SOURCE_ENTS and ent.root.i == tok.i:
            return ent
    return None


# Honorifics before a name are not part of it ('Dr. Mercy Wanjiru' is Mercy Wanjiru).
_HONORIFICS = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof.".split())


def _strip_the(span: Span) -> str:
    """The name without its article or an honorific before a name ('the', 'Dr.')."""
    words = list(span)
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    while len(words) > 1 and words[0].lower_ in _HONORIFICS and words[1].pos_ == "PROPN":
        words = words[1:]
    return span.doc[words[0].i : span.end].text if words else span.text


def _antecedent(pron: Token) -> str | None:
    """The last person named before "he" or "she"; other pronouns are not resolved."""
    if pron.lower_ not in ("he", "she"):
        return None
    people = [
        e
        for e in ents(pron.doc)
        if e.label_ == "PERSON" and e.end <= pron.i and not _written_as_place(e.root)
    ]
    return people[-1].text if people else None


_AT = frozenset("in at near from into across outside".split())


def _written_as_place(tok: Token) -> bool:
    """'The army brigade in Basilan': a name after 'in' is a place the tagger called a person.

    So is a name in apposition to a settlement ('a single village, Ambohitsara').
    """
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in _SETTLEMENTS:
        return True
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].lemma_ in _SETTLEMENTS:
        return True  # the parser may hang 'village, Tamboa' on the comma
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in _DIVISIONS:
        return True  # 'the neighbouring state of Puebla'
    return tok.dep_ == "pobj" and tok.head.lower_ in _AT


_SETTLEMENTS = frozenset("village town city hamlet district province region island".split())
_DIVISIONS = _SETTLEMENTS | frozenset("state county department municipality prefecture".split())
