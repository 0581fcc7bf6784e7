"""Names read from the parse: entity spans, titles and roles, and how each mention is used.

How a mention is used in its sentence: an agent, a possessor, a place...

The parser (`newsbrief.text.nlp.parse`) labels entities (PERSON, ORG, GPE, NORP, FAC, LOC)
and links words by dependencies. Its entity spans are often a little off ("the", a
possessive "'s", a title such as "Chief Superintendent", a surname left outside the span), so
each span is cleaned here, token by token, and every offset stays an offset into the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsbrief.text.gazetteer import is_city
from newsbrief.text.lexicon import (
    AT_PLACE,
    COLLECTIVE_HEADS,
    INTERACTION_NOUNS,
    NAME_ABBREVIATIONS,
    NAME_CONNECTORS,
    ORG_NAME_WORDS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_WORDS,
)
from newsbrief.text.nlp import doc_text, ents
from newsbrief.text.states import is_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Use = Literal[
    "agent",
    "object",
    "partner",
    "possessor",
    "place",
    "toward",
    "modifier",
    "source",
    "aside",
    "other",
]

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(frozen=True)
class NameSpan:
    """One mention of a name: its text and character span, and the parser's label for it.

    `first` and `last` are the token indices of the name's first and last word.
    """

    text: str
    start: int
    end: int
    label: str
    first: int
    last: int


def _span(doc: Doc, first: int, last: int, label: str) -> NameSpan:
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return NameSpan(doc_text(doc)[start:end], start, end, label, first, last)


def token_span(doc: Doc, index: int, label: str) -> NameSpan:
    """The one-word mention at token `index`."""
    return _span(doc, index, index, label)


def name_start(root: Token) -> int:
    """Where the proper name whose last word is `root` begins ("Sri Lanka").

    The proper nouns compounded right before it ("Papua New Guinea"), and the rest of the
    named entity it ends ("Cox's Bazar").
    """
    first = root.i
    while first > 0 and root.doc[first - 1].dep_ == "compound":
        if root.doc[first - 1].pos_ != "PROPN":
            break
        first -= 1
    doc = root.doc
    while doc[first].ent_iob_ == "I" and doc[first - 1].pos_ in ("PROPN", "PART"):
        first -= 1  # "Cox's Bazar": a name the tagger read whole holds a possessive
    return first


def _is_name_word(token: Token) -> bool:
    """A capitalised word, or a dotted abbreviation, that can be part of a proper name."""
    text = token.text
    if token.lower_ in NAME_CONNECTORS:
        return True
    return bool(text[:1].isupper()) and token.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _joined(doc: Doc, left: int) -> bool:
    """True when token `left` and the next one are written with no space between them."""
    return doc[left].whitespace_ == ""


_DANGLING = frozenset({"of", "and", "for", "the", "&"})


def clean(doc: Doc, first: int, last: int, label: str) -> NameSpan | None:
    """The name inside tokens first..last: no article, possessive, bracket or edge punctuation."""
    for i in range(first, last + 1):
        if doc[i].text in ("(", "[", "/") or "\n" in doc[i].text:
            last = i - 1
            break
    while (
        first < last and label != "COLLECTIVE" and doc[first].is_lower and not _joined(doc, first)
    ):
        first += 1  # 'the', 'national Constitution Party'
    while first <= last and (doc[first].lower_ in ("the", "a", "an") or doc[first].is_punct):
        first += 1
    while last > first and doc[last].text in ("Image", "Photo"):
        last -= 1  # a caption: 'Susan Rice Image: White House.'
    if label not in ("GPE", "LOC", "FAC"):
        last = _before_where(doc, first, last)
    while last >= first and (
        doc[last].tag_ == "POS" or doc[last].is_punct or doc[last].lower_ in _DANGLING
    ):
        if doc[last].text == "." and last > first and _abbreviated(doc, last - 1):
            break  # 'Ltd.': the stop belongs to the abbreviation
        last -= 1  # and 'of' left over where the tagger cut a name: 'the Alliance of'
    if first > last:
        return None
    return _span(doc, first, last, label)


def _abbreviated(doc: Doc, index: int) -> bool:
    """True when the word at `index` is an abbreviation that a stop written after it ends.

    The tokenizer keeps the abbreviations it knows whole ('Inc.', 'U.S.'); a stop split off
    after any other word ends the sentence ('the EU Civil Protection Mechanism.').
    """
    return _joined(doc, index) and (
        "." in doc[index].text or doc[index].lower_ in NAME_ABBREVIATIONS
    )


def _before_where(doc: Doc, first: int, last: int) -> int:
    """Where a name the tagger ran on into its place ends: 'Council of Ministers in Ouagadougou'.

    A lower-case 'in', 'on' or 'at' inside the span followed by nothing but a place name.
    """
    for k in range(first + 1, last):
        if doc[k].lower_ not in ("in", "on", "at") or not doc[k].is_lower:
            continue
        tail = doc[k + 1 : last + 1]
        typed = all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tail)
        if typed or is_city(tail.text):
            return k - 1
    return last


def person_name(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """The personal name at the end of tokens first..last, titles before it left out.

    Words are taken from the right while they are capitalised (or connectors such as 'bin')
    and are neither title words nor organisation words; tokens written together ('Man-kei',
    'Jean-Yves') are one word. A nationality or place ends the name ('US Ambassador to
    Germany Richard Grenell').
    """
    i = last
    while i >= first:
        j = i
        while j > first and _joined(doc, j - 1) and "-" in (doc[j].text, doc[j - 1].text):
            j -= 1
        word = text_of(doc, j, i)
        lower = word.lower()
        if any(doc[k].ent_type_ in ("GPE", "NORP") for k in range(j, i + 1)) and i < last:
            break
        if not (word[:1].isupper() or lower.split("-")[0] in NAME_CONNECTORS) or doc[j].is_punct:
            break
        if lower in TITLE_WORDS or lower in ORG_NAME_WORDS:
            break
        i = j - 1
    start = i + 1
    while start <= last and (doc[start].text == "-" or doc[start].lower_ in NAME_CONNECTORS):
        start += 1
    return (start, last) if start <= last else None


def _in_other_entity(doc: Doc, index: int) -> bool:
    return doc[index].ent_type_ not in ("", "PERSON")


def _extend_person(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Widen a person span over name words the parser left outside it ('Arnel' dela Vega)."""
    sentence = doc[first].sent
    while last + 1 < sentence.end and doc[last].whitespace_ == " ":
        nxt = doc[last + 1]
        if not (_is_name_word(nxt) and nxt.pos_ == "PROPN") or _in_other_entity(doc, last + 1):
            break
        if nxt.lower_ in TITLE_WORDS or nxt.lower_ in NAME_CONNECTORS:
            break
        last += 1
    while first - 1 >= sentence.start and doc[first - 1].whitespace_ == " ":
        prev = doc[first - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or _in_other_entity(doc, first - 1):
            break
        if prev.lower_ in TITLE_WORDS or prev.ent_type_ == "PERSON":
            break
        first -= 1
    return first, last


def entity_spans(doc: Doc) -> list[NameSpan]:
    """Every PERSON, ORG, GPE, NORP, FAC and LOC entity, cleaned; a person without titles."""
    out: list[NameSpan] = []
    for ent in ents(doc):
        if ent.label_ not in LABELS:
            continue
        first, last = ent.start, ent.end - 1
        if ent.label_ == "PERSON":
            while last > first and (doc[last].tag_ == "POS" or doc[last].is_punct):
                last -= 1  # "Joe Doyle’s"
            first, last = _extend_person(doc, first, last)
            bounds = person_name(doc, first, last)
            if bounds is None:
                continue
            first, last = bounds
        span = clean(doc, first, last, ent.label_)
        if span is not None and not span.text.islower():
            out.append(span)  # a name has a capital: 'the health ministry' is no name
    return out


def acronym_spans(doc: Doc) -> list[NameSpan]:
    """Capitalised abbreviations the entity tagger missed ('UNICEF reported ...')."""
    return [
        _span(doc, t.i, t.i, "ACRONYM")
        for t in doc
        if t.ent_type_ == "" and t.is_alpha and t.is_upper and 3 <= len(t.text) <= 8
    ]


def country_spans(doc: Doc) -> list[NameSpan]:
    """Names of countries the entity tagger missed ('Niger began three days of mourning')."""
    out: list[NameSpan] = []
    i = 0
    while i < len(doc):
        last = i
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and not doc[last + 1].ent_type_:
            last += 1
        names = (
            [k for k in range(last, i - 1, -1) if is_country(doc[i : k + 1].text)]
            if doc[i].pos_ == "PROPN" and not doc[i].ent_type_
            else []
        )
        if names:
            out.append(_span(doc, i, names[0], "GPE"))
        i = (names[0] if names else i) + 1
    return out


def head_of(doc: Doc, span: NameSpan) -> Token:
    """The word of the span that the rest of the sentence attaches to."""
    tokens = doc[span.first : span.last + 1]
    root: Token = tokens.root
    return root


def _first_conjunct(token: Token) -> Token:
    """Walk up conjunctions and appositions: 'Egypt and Greece agreed' uses Greece as Egypt."""
    seen = 0
    while token.dep_ in ("conj", "appos") and token.head != token and seen < 8:
        token = token.head
        seen += 1
    return token


def use_of(doc: Doc, span: NameSpan) -> Use:
    """How a mention is used: agent (subject), possessor, object, partner, place, modifier."""
    head = head_of(doc, span)
    token = _first_conjunct(head)
    dep = token.dep_
    if _names_a_place(token):
        return "place"
    if dep in _AGENT_DEPS:
        return "agent"
    if dep == "poss":
        return "possessor"
    if dep == "dobj" and token is head and token.head.lemma_ in _WON:
        return "aside"  # 'won the Premier League', 'won the Silver Lion': a title, no one
    if dep in ("dobj", "dative", "attr", "oprd"):
        return "object"
    if dep in _MODIFIER_DEPS:
        return "modifier"
    if dep == "pobj":
        return _use_after(token.head)
    return "other"


_WON = frozenset("win clinch lift retain".split())
_DIVISIONS = frozenset(
    "town city village province district region island neighbourhood neighborhood county "
    "municipality state prefecture camp site port suburb area zone valley".split()
)
_DWELLERS = frozenset("resident inhabitant people villager townspeople".split())


def _names_a_place(token: Token) -> bool:
    """'the town of X', 'X province', 'X's Y district', 'residents of X': a place's name."""
    head = token.head
    if token.dep_ in ("compound", "poss") and head.lemma_.lower() in _DIVISIONS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head.lemma_.lower()
        return owner in _DIVISIONS or owner in _DWELLERS
    return before_a_count(token)  # 'followed by Negros Occidental with 38'


def before_a_count(tok: Token) -> bool:
    """'Cebu with 26': a name followed by "with" and a number, one item of a breakdown."""
    return count_after(tok) is not None


_MORE = frozenset({"another", "further", "a", "some"})


def count_after(tok: Token) -> Token | None:
    """The number a name is told with, as one item of a breakdown, else None.

    "followed by Cebu with 26"; and, in a list whose verb is said once, "Selangor accounted
    for 6,387 and Kuala Lumpur for another 1,581": a name joined to the list ("conj") and
    followed by "for" and a number; or a name set in such a list with its number right
    after it ("Gaya 32").
    """
    doc = tok.doc
    before = doc[name_start(tok) - 1].text if name_start(tok) > 0 else ""
    listed = tok.dep_ in ("npadvmod", "conj", "appos") and tok.pos_ == "PROPN"
    listed = listed and before in (",", "and")  # an item of a list, not "Boeing 737 MAX 8"
    if listed and tok.i + 1 < len(doc) and tok.ent_type_ not in ("DATE", "TIME"):
        after = doc[tok.i + 1]
        dated = after.ent_type_ in ("DATE", "TIME")  # not "April 12"
        if after.like_num and after.dep_ == "nummod" and after.head == tok and not dated:
            return after  # "..., Gaya 32 and Nawada 14": the verb said once, before
    if tok.i + 2 >= len(doc):
        return None
    word = doc[tok.i + 1].lower_
    item = tok.dep_ == "conj" or (tok.pos_ == "PROPN" and before in (",", "and"))
    if word != "with" and not (word == "for" and item):  # ', Gaya for 52 and Nawada for 39'
        return None
    number = doc[tok.i + 2]
    while number.lower_ in _MORE and number.i + 1 < min(len(doc), tok.i + 5):
        number = doc[number.i + 1]  # "for another 1,581", "for a further 20"
    return number if number.like_num else None


def speaks(doc: Doc, span: NameSpan) -> bool:
    """True when the mention is the subject of a verb of saying ('Blinken expressed ...')."""
    token = _first_conjunct(head_of(doc, span))
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS


def owns_his(doc: Doc, span: NameSpan) -> bool:
    """True when the mention is the subject of a verb whose object is 'his' or 'her' thing.

    'Novak Djokovic won his sixth title': a person, whatever label the tagger gave the
    name (a body's things are 'its').
    """
    token = _first_conjunct(head_of(doc, span))
    if token.dep_ != "nsubj":
        return False
    objects = [c for c in token.head.children if c.dep_ in ("dobj", "attr")]
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for o in objects for c in o.children)


def followed_by_who(doc: Doc, span: NameSpan) -> bool:
    """True when 'who' opens the clause after the name ('Ashleigh Barty, who beat ...').

    A body is told with 'which'; only a person (or a team, which has a word of its own) takes
    'who'.
    """
    return _word_after(doc, span) == "who"


def _word_after(doc: Doc, span: NameSpan) -> str | None:
    """The word after the name, past a comma: what opens a clause on it ('who', 'which')."""
    at = span.last + 1
    if at < len(doc) and doc[at].text == ",":
        at += 1
    return doc[at].lower_ if at < len(doc) else None


def followed_by_which(doc: Doc, span: NameSpan) -> bool:
    """True when 'which' opens the clause after the name ('Sinn Féin, which won ...').

    Not after a leader's name, where it tells of what they lead ('the faction led by
    Abdel Wahid al-Nur, which holds ...', 'the party of Nabil Karoui, which has 38').
    """
    head = head_of(doc, span)
    while head.dep_ in ("conj", "appos") and head.head != head:
        head = head.head  # 'led by Naftali Bennett and Yair Lapid, which ...'
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "of"):
        return False
    return _word_after(doc, span) == "which"


# What only a body has: members who sit for it ('Fianna Fáil's TDs and senators').
_MEMBERS = frozenset(
    "member lawmaker legislator mp td deputy senator councillor councilor leadership rank "
    "branch wing".split()
)


def owns_members(doc: Doc, span: NameSpan) -> bool:
    """True when the mention owns members, or its parliamentary party ('Fine Gael's TDs')."""
    head = head_of(doc, span)
    if head.dep_ != "poss":
        return False
    owned = head.head
    if owned.lemma_.lower() in _MEMBERS:
        return True
    return owned.lower_ == "party" and any(c.lower_ == "parliamentary" for c in owned.children)


def beside_person(doc: Doc, span: NameSpan) -> bool:
    """True when the mention is listed with a person ('Nikos Dendias, Nikos X and Y')."""
    head = head_of(doc, span)
    linked = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        linked.append(head.head)
    return any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and not _in_place(t) for t in linked)


_PLACES = ("GPE", "LOC")


def _in_place(token: Token) -> bool:
    """'Ciudad Juarez, Mexico': a country or region in apposition after the word."""
    return any(c.dep_ == "appos" and c.ent_type_ in _PLACES for c in token.children)


def beside_place(doc: Doc, span: NameSpan) -> bool:
    """True when the mention is written as a place: 'Ciudad Juarez, Mexico', 'Reno and X'.

    A country or region in apposition after it, or a place it is listed with.
    """
    head = head_of(doc, span)
    places = _PLACES
    if _in_place(head):
        return True
    linked = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        linked.append(head.head)
    return bool(linked) and all(t.ent_type_ in places for t in linked)


def shared_surnames(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """First names that share the surname of the next name: 'Ann and Tom Berg'.

    'Ann' becomes a mention of 'Ann Berg' (its text is the full name; its offsets stay those
    of 'Ann'). Other spans are returned unchanged.
    """
    starts = {s.first: s for s in spans if s.label == "PERSON" and s.last > s.first}
    surnames = {doc[s.last].text for s in starts.values()}  # 'Esken and Walter-Borjans'
    out: list[NameSpan] = []
    for span in spans:
        after = starts.get(span.last + 2)
        single = span.label == "PERSON" and span.first == span.last
        single = single and doc[span.first].text not in surnames
        if single and after is not None and doc[span.last + 1].lower_ == "and":
            span = NameSpan(
                f"{span.text} {doc[after.last].text}",
                span.start,
                span.end,
                span.label,
                span.first,
                span.last,
            )
        out.append(span)
    return out


def _use_after(prep: Token) -> Use:
    word = prep.lower_
    if word == "by" and prep.head.pos_ in ("VERB", "AUX"):
        return "agent"
    if word in ("with", "against", "between", "among"):
        head = prep.head
        interacts = head.pos_ in ("VERB", "AUX") or head.lemma_.lower() in INTERACTION_NOUNS
        return "partner" if interacts else "other"
    if word == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
        owner = prep.head.lemma_.lower()
        return "possessor" if owner in TITLE_HEADS or owner in COLLECTIVE_HEADS else "other"
    if word == "to" and prep.head.lower_ == "according":
        return "source"
    if word == "from" and prep.head.pos_ in ("NOUN", "PROPN"):
        return "other"  # 'representatives from the Pentagon'
    if word == "for" and _in_an_office_name(prep):
        return "aside"  # 'Minister of State for Advanced Sciences': a portfolio, no one acting
    if word in ("as", "under") or (word == "on" and prep.head.lemma_.lower() in _POSTS):
        # 'known as Farmaajo', 'services such as Apple Music', 'under the Imperial House Law',
        # 'wrote on Telegram': another name, an example, a frame or a platform; no one acting
        return "aside"
    if word in PLACE_PREPOSITIONS:
        return "place" if word in AT_PLACE else "toward"
    return "other"


_OFFICE_WORDS = frozenset("commissioner council committee ministry office state".split())


def _in_an_office_name(prep: Token) -> bool:
    """A 'for' inside the capitalised name of an office: 'Commissioner for Crisis Management'.

    Not 'a spokesman for the ECOWAS Commission': a body a lower-case title speaks for.
    """
    head = prep.head
    word = head.lower_
    return (
        head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and (word in TITLE_HEADS or word in _OFFICE_WORDS)
    )


# Verbs of putting words or pictures out: 'posted on Facebook', 'streamed live on Instagram'.
_POSTS = frozenset("write post share stream say tweet publish broadcast air upload".split())


def title_before(doc: Doc, span: NameSpan) -> tuple[int, int] | None:
    """Token range of a title written just before a name, or None.

    'Chief Superintendent', 'Turkish president', 'US Ambassador to Germany', 'Secretary of
    State'.
    """
    i = span.first - 1
    sentence_start = doc[span.first].sent.start
    if i < sentence_start or doc[i].lower_ in ("of", "to") or doc[i].pos_ == "DET":
        return None  # 'the mayor of Paris': Paris is what the mayor serves, not a name
    while i >= sentence_start:
        token = doc[i]
        if token.lower_ in TITLE_WORDS or token.lower_ in ROLE_NOUNS:
            i -= 1
        elif token.pos_ == "DET":
            break
        elif token.ent_type_ in ("NORP", "GPE", "ORG") or token.lower_ in ("of", "to"):
            i -= 1
        elif token.pos_ in ("PROPN", "ADJ") and token.text[:1].isupper():
            i -= 1
        else:
            break
    first = i + 1
    words = [doc[k] for k in range(first, span.first)]
    while words and (words[0].lower_ in ("of", "to", "for") or words[0].is_punct):
        words = words[1:]
    while words and (words[-1].lower_ in ("of", "to", "for") or words[-1].is_punct):
        words = words[:-1]
    if not words or not _ends_in_title(words):
        return None
    return words[0].i, words[-1].i


def _ends_in_title(words: list[Token]) -> bool:
    """True when the words end as a title does.

    '... President', '... spokesman', '<head> of <Word>' ('Secretary of State'), or a head
    followed by the place or body it serves ('Ambassador to Germany', 'director of Amnesty
    International').
    """
    if _is_title_head(words[-1]):
        return True
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower_ in ("of", "to"):
            tail = words[k + 1 :]
            named = len(tail) == 1 or all(t.ent_type_ in ("ORG", "GPE") for t in tail)
            return named and _is_title_head(words[k - 1])
    return False


def _is_title_head(token: Token) -> bool:
    """'President', 'Minister', or a common noun of role ('spokesman', 'director')."""
    word = token.lower_
    return word in TITLE_HEADS or word in ROLE_NOUNS and token.pos_ == "NOUN"


def appositive_role(doc: Doc, span: NameSpan) -> tuple[int, int] | None:
    """Token range of an appositive naming the person's role, or None.

    'X, the foreign minister,' or 'the foreign minister, X'.
    """
    head = head_of(doc, span)
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
        candidates.extend(_owner_of_of_phrase(head.head))
    if head.dep_ == "conj" and head.head.dep_ == "appos":
        candidates.append(head.head.head)
    for noun in candidates:
        if noun.pos_ == "NOUN" and _is_role_noun(noun):
            return _role_phrase(doc, noun, span)
    before = _role_set_before(doc, span)
    return _role_phrase(doc, before, span) if before is not None else None


def _role_set_before(doc: Doc, span: NameSpan) -> Token | None:
    """'..., the governor of X's Y region, NAME,': a role set off right before the name.

    The parser may hang the name elsewhere; the words between the comma before the name and
    the comma, 'and' or sentence start before them are a noun phrase opened by a determiner
    whose head is a role noun, with no verb in it.
    """
    comma = span.first - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    after = doc[span.last + 1] if span.last + 1 < len(doc) else None
    if after is not None and not after.is_punct:
        return None  # '..., LGBT activist Andrew Kinsman': the name goes on
    k = comma - 1
    while (
        k > doc[comma].sent.start
        and doc[k - 1].text not in (",", ";", "(")
        and (doc[k - 1].lower_ not in ("and", "but"))
    ):
        k -= 1
    phrase = doc[k:comma]
    if (
        not phrase
        or phrase[0].lower_ not in ("the", "a", "an")
        or any(t.pos_ in ("VERB", "AUX") for t in phrase)
    ):
        return None
    nouns = [t for t in phrase if t.pos_ == "NOUN"]
    return nouns[0] if nouns and _is_role_noun(nouns[0]) else None


# Endings of compound nouns of occupation: 'schoolteacher', 'fisherman', 'shopkeeper'.
_ROLE_ENDINGS = ("teacher", "worker", "man", "woman", "keeper", "driver", "owner", "maker")


def _is_role_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in ROLE_NOUNS or (noun.tag_ == "NN" and lemma.endswith(_ROLE_ENDINGS))


def _owner_of_of_phrase(noun: Token) -> list[Token]:
    """'the chief minister of X province, NAME': the parser hangs NAME on the province.

    The noun the 'of'-phrase belongs to is the one the name stands in apposition to.
    """
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        return [prep.head]
    return []


def _role_phrase(doc: Doc, noun: Token, span: NameSpan) -> tuple[int, int]:
    """The role noun with its modifiers and 'of'-phrase, never reaching into the name."""
    left = noun.left_edge.i
    right = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "at"):
            right = child.right_edge.i
            break
    if left <= span.last and right >= span.first:
        left = span.last + 1 if left <= span.last < noun.i else left
        right = span.first - 1 if noun.i < span.first <= right else right
    while left < right and (doc[left].lower_ in ("the", "a", "an") or doc[left].is_punct):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return left, right


def text_of(doc: Doc, first: int, last: int) -> str:
    """The text of tokens first..last as written."""
    span: Span = doc[first : last + 1]
    text: str = span.text
    return text


_HEADLINE_LABELS = frozenset({"GPE", "ORG"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def headline_subjects(title: Doc) -> frozenset[str]:
    """The names a parsed headline makes the subject of its verb ('Bangladesh reports ...').

    A proper name that is the subject, or is listed with it ('US and Israel to hold ...'),
    whatever the tagger labels it (a short headline gives it little to go on); and a place or
    organisation that opens the headline and that the parser read as modifying the verb as
    if it were a noun ('Iran issues ...' misread as the noun 'issues').
    """
    out: set[str] = set()
    for token in title:
        if token.pos_ == "PROPN" and _first_conjunct(token).dep_ in _SUBJECT_DEPS:
            first = token.i
            while (
                first > 0
                and title[first - 1].dep_ == "compound"
                and title[first - 1].pos_ == "PROPN"
            ):
                first -= 1
            out.add(title[first : token.i + 1].text)
    for ent in ents(title):
        root = ent.root
        misread = ent.start == 0 and root.dep_ == "compound" and root.head.dep_ == "ROOT"
        if ent.label_ in _HEADLINE_LABELS and misread:
            out.add(ent.text)
    return frozenset(out)
