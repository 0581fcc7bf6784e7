"""People found by the role written around their name, and states named by their officials.

The parser misses some personal names ('Sameh Shoukry, the Egyptian foreign minister'); a run
of capitalised words with a title before it ('Lieutenant Colonel Arnel dela Vega') or a role
noun in apposition ('Tomasz Kubiak, a fire service spokesman') is a person whatever the
parser's label. A nationality or country that qualifies an official ('the Greek, Cypriot and
French counterparts', 'US President') names a state that acts in the story.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbrief.text import lexicon, ner
from newsbrief.text.names import canonical_alias
from newsbrief.text.ner import NameSpan
from newsbrief.text.states import is_country, state_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Officials who speak for their state abroad: their nationality names a state that takes
# part ('the French counterparts', 'the Egyptian foreign minister', 'US envoy').
DIPLOMATIC_NOUNS = frozenset(
    "counterpart ambassador envoy diplomat delegation embassy consul consulate".split()
)
# Heads of state or government, who speak for their state ('Prime' + 'Minister' is one too).
_LEADERS = frozenset({"president", "chancellor", "premier", "king", "queen", "emir"})
_FOREIGN_OFFICES = frozenset({"minister", "secretary", "ministry", "office"})
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
_NAME_TAIL = re.compile(r"[\w'’.]*(?:-[\w'’]+)*")


def looks_like_name(name: str) -> bool:
    """One to five capitalised words (connectors such as 'bin' or 'de' allowed), no digits."""
    words = name.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    if re.search(r"['’]s\b", name) or words[-1].lower() in lexicon.TITLE_WORDS:
        return False
    tail = words[-1].split("-")[-1]
    if not words[0][:1].isupper() or not (tail[:1].isupper() or _a_name_part(words[-1])):
        return False
    return all(_name_word(w) or w.split("-")[0].lower() in lexicon.NAME_CONNECTORS for w in words)


def _name_word(word: str) -> bool:
    """Initials ('J.R.'), or a capital of any alphabet and word characters ('Šimonytė')."""
    if _INITIALS.fullmatch(word):
        return True
    return word[:1].isupper() and bool(_NAME_TAIL.fullmatch(word[1:]))


def _a_name_part(word: str) -> bool:
    """'Jae-in', 'Chan-o-cha': a capitalised name whose hyphenated parts are lower case.

    Not 'Biden-led': a name made an adjective by the word after it.
    """
    parts = word.split("-")
    lowered = [p for p in parts[1:] if p.isalpha() and p.islower()]
    return (
        len(parts) > 1
        and parts[0].istitle()
        and len(lowered) == len(parts) - 1
        and (parts[-1] not in lexicon.NAME_COMPOUNDING)
    )


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs inside one sentence and one line."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for token in doc:
        inside = (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            or (start is not None and token.lower_ in lexicon.NAME_CONNECTORS)
        )
        glued = token.i > 0 and doc[token.i - 1].whitespace_ == ""
        inside = inside or (
            start is not None and glued and "-" in (token.text, doc[token.i - 1].text)
        )
        if inside and start is not None and (token.is_sent_start or "\n" in doc[token.i - 1].text):
            out.append((start, token.i - 1))
            start = None
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            out.append((start, token.i - 1))
            start = None
    if start is not None:
        out.append((start, len(doc) - 1))
    return out


def person_spans(doc: Doc) -> list[NameSpan]:
    """Names with a title before them or a role noun in apposition, labelled ROLE."""
    out: list[NameSpan] = []
    for first, last in _runs(doc):
        bounds = ner.person_name(doc, first, last)
        if bounds is None:
            continue
        span = ner.clean(doc, bounds[0], bounds[1], "ROLE")
        if span is None or not looks_like_name(span.text):
            continue
        if span.first > 0 and doc[span.first - 1].lower_ in ("and", "of", "&"):
            continue  # 'Minister of Transport and Logistics': the end of an office's name
        titled = ner.title_before(doc, span) is not None
        if titled and _a_building(doc, span):
            continue  # 'Kwekwe General Hospital': the title word is part of its name
        if not titled and _not_a_persons_name(doc, span):
            continue
        if not titled and ner.appositive_role(doc, span) is None:
            continue
        if doc[span.first].ent_type_ in ("GPE", "NORP", "FAC", "LOC"):
            continue
        if not titled and _inside_org(doc, span):
            continue
        out.append(span)
    return out


# Buildings that end a body's name after a word that is also a title: 'Kwekwe General
# Hospital', 'St Mary's Cathedral'. No person is named so.
_BUILDINGS = frozenset(
    "hospital clinic hotel airport stadium school college university church mosque "
    "cathedral".split()
)


def _a_building(doc: Doc, span: NameSpan) -> bool:
    """The 'name' after a title is a building's word: 'General Hospital' is no General."""
    return doc[span.last].lower_ in _BUILDINGS


def _not_a_persons_name(doc: Doc, span: NameSpan) -> bool:
    """Words no untitled person is written as.

    A name after 'the' ('the Taliban about 1,000 members') or an acronym in brackets after the
    body it shortens ('the World Food Programme (WFP), David Beasley') names a body, whatever
    role noun the parser hangs beside it.
    """
    before = doc[span.first - 1].lower_ if span.first > 0 else ""
    return before == "the" or before == "(" and span.text.isupper()


def _inside_org(doc: Doc, span: NameSpan) -> bool:
    """The name ends an organisation's name ('... High Commissioner for Human Rights')."""
    first = span.first
    if doc[first].ent_type_ != "ORG" or doc[first].ent_iob_ == "B":
        return False
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return not any(doc[k].lower_ in lexicon.TITLE_HEADS for k in range(first, span.first))


def role_of(doc: Doc, mentions: list[NameSpan]) -> tuple[int, int] | None:
    """Token range of the role written around a person's name, or None.

    A title before it or an appositive ('the foreign minister'), from the first mention that
    has one.
    """
    for mention in mentions:
        found = ner.title_before(doc, mention) or ner.appositive_role(doc, mention)
        if found is not None:
            return found
    return None


def affiliation_tokens(doc: Doc, mentions: list[NameSpan]) -> set[int]:
    """Tokens that may name whom a person works for: 'X of the Y', 'X from the Y'."""
    out: set[int] = set()
    for mention in mentions:
        head = ner.head_of(doc, mention)
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        out.update(range(obj.left_edge.i, obj.i + 1))
    return out


def official_states(doc: Doc) -> list[NameSpan]:
    """States named by the nationality of an official ('Egyptian foreign minister').

    The official is a diplomat, a foreign minister or a head of state or government
    ('French President', 'Dutch Prime Minister'): what they do, their state does. A plain
    minister's nationality ('Kenyan Trade Minister') only says where they serve.
    """
    out: list[NameSpan] = []
    for token in doc:
        if not _nationality_start(token):
            continue
        last = token.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        # the official hangs on the name's last word: 'South Korean President', 'United States
        # envoy'
        if _official_head(doc[last]) is None:
            continue
        text = ner.text_of(doc, token.i, last)
        state = _country(text) if token.ent_type_ == "GPE" else state_of(text)
        if state is None:
            continue
        span = ner.clean(doc, token.i, last, "OFFICIAL")
        if span is not None:
            out.append(NameSpan(state, span.start, span.end, "OFFICIAL", span.first, span.last))
    return out


def _nationality_start(token: Token) -> bool:
    """The first word of a country's or nationality's name, as tagged or as known.

    The tagger misses some adjectives of nationality ('Lithuanian Foreign Minister').
    """
    if token.ent_type_ in ("NORP", "GPE"):
        return token.ent_iob_ == "B"
    return not token.ent_type_ and token.text[:1].isupper() and state_of(token.text) is not None


def _official_head(token: Token) -> Token | None:
    """The official noun a nationality qualifies, through 'Greek, Cypriot and French'."""
    seen = 0
    while token.dep_ == "conj" and seen < 6:
        token = token.head
        seen += 1
    if token.dep_ not in ("amod", "compound", "nmod", "poss"):
        return None
    head = token.head
    while head.dep_ == "compound" and head.head.i > head.i and not _diplomatic(head):
        head = head.head
    return head if _diplomatic(head) else None


def _diplomatic(noun: Token) -> bool:
    """An envoy, a counterpart, a head of state or government, or a foreign minister."""
    lemma = noun.lemma_.lower()
    if lemma in DIPLOMATIC_NOUNS or lemma in _LEADERS:
        return True
    if lemma == "minister" and any(c.lower_ == "prime" for c in noun.lefts):
        return True
    foreign = any(c.lower_ == "foreign" for c in noun.lefts)
    return lemma in _FOREIGN_OFFICES and foreign


def _country(text: str) -> str | None:
    long_form = canonical_alias(text)
    if long_form and is_country(long_form) or long_form == "United States":
        return long_form
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE) if is_country(text) else None
