"""Reported speech read from the parse: who said what ('X said that ...', 'X called for ...').

A statement is a verb of saying with its subject and the words said: the clause it
introduces ('said that Israel should ...'), the quote it closes ('"We will go," he said'),
what it calls for or urges ('urged Israel to allow aid'), or its object ('expressed
opposition to the operation').
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.text.lexicon import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRONOUNS = frozenset({"he", "she"})
_SAID_DEPS = ("ccomp", "xcomp", "dobj", "dative", "advcl")
_TO_AUDIENCE = frozenset({"tell", "inform", "warn", "ask", "urge"})
_EDGE = " ,.:;\"“”‘’'"


@dataclass(frozen=True)
class Statement:
    """A verb of saying: its lemma, its subject as written, and what was said."""

    verb: str
    subject: str
    subject_start: int
    pronoun: bool
    said: str


def statements(doc: Doc, start: int, end: int) -> list[Statement]:
    """The statements of the sentence at body offsets start..end, in reading order."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Statement] = []
    for verb in span:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in SPEECH_VERBS:
            continue
        subject = _subject(verb)
        if subject is None:
            continue
        said = _said(doc, verb, subject)
        if not said:
            continue
        first, last = subject.left_edge.i, subject.right_edge.i
        text = doc[first : last + 1].text
        out.append(
            Statement(
                verb=verb.lemma_.lower(),
                subject=text,
                subject_start=doc[first].idx,
                pronoun=subject.lower_ in _PRONOUNS,
                said=said,
            )
        )
    return out


def _subject(verb: Token) -> Token | None:
    """The subject of the verb, or of the verb it is coordinated with ('said and added')."""
    for candidate in (verb, verb.head if verb.dep_ == "conj" else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _said(doc: Doc, verb: Token, subject: Token) -> str:
    """The words said: the verb's clause, its object or its 'for'/'on' phrase ('' if none)."""
    audience = verb.lemma_.lower() in _TO_AUDIENCE  # 'told reporters': whom, not what
    for dep in _SAID_DEPS:
        if audience and dep in ("dobj", "dative"):
            continue
        for child in verb.children:
            if child.dep_ == dep and child.i != subject.i:
                return _text(doc, child.left_edge.i, child.right_edge.i)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "about", "of"):
            return _text(doc, child.i, child.right_edge.i)
    return ""


def _text(doc: Doc, first: int, last: int) -> str:
    text: str = doc[first : last + 1].text
    return text.strip(_EDGE)
