"""Figures: numbers that count people harmed or helped, read off the dependency parse.

Each number phrase (`newsbrief.text.numbers`) is placed in the parse (`newsbrief.text.counts`)
and the cue word nearest it names the metric (`newsbrief.text.harm`). Code asks the model
only when the parse leaves the metric open; without a model such a number is dropped. Stated
zeros ("no deaths") and single victims ("injured a man", "the attacker was shot dead") are
figures too. Each number span gives at most one figure; a restatement ("all five deaths")
of a figure already found is not listed again. Place and speaker come from the parse too:
the place nearest the number in its sentence, else the place an earlier figure of the same
paragraph had, else the place the article opens on; and who the sentence attributes it to
("they said" and a quote's sentences take the source named before). Victims named by name
("the death of Jane Doe") and ordinal tolls ("a sixteenth death") are figures too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from newsbrief.models import Evidence, Figure, Metric, Qualifier
from newsbrief.strategies.candidates.context import Context, Sentence, ev, messages, news_sentences
from newsbrief.text import attribution as _attribution
from newsbrief.text import counts as _counts
from newsbrief.text import harm
from newsbrief.text import numbers as _numbers
from newsbrief.text import places as _places
from newsbrief.text.lexicon import SPEECH_VERBS
from newsbrief.text.names import without_possessive
from newsbrief.text.ner import count_after
from newsbrief.text.nlp import ents
from newsbrief.text.states import is_country

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class FigureAnswer(BaseModel):
    """What a number in a passage counts."""

    metric: harm.Label = Field(
        description="What the number counts; none if not a humanitarian count."
    )

    @classmethod
    def abstain(cls) -> FigureAnswer:
        """Code's answer without a model: not a figure (code labels the clear cases itself)."""
        return cls(metric="none")


# --- figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A count in the body: body offsets of its phrase, its value and its token in the parse.

    `metric` is set when the finding itself names it (a stated zero, a single victim).
    """

    start: int
    end: int
    text: str
    value: float
    token: Token
    qualifier: Qualifier = "exact"
    upper: float | None = None
    unit: str | None = None
    metric: Metric | None = None
    fallback: bool = False
    named: bool = False


async def find_figures(ctx: Context) -> list[Figure]:
    """Figures from the number phrases, stated zeros and single victims of the body."""
    figures: list[Figure] = []
    tokens: list[Token] = []
    fallbacks: list[tuple[Figure, bool]] = []
    spans: set[tuple[int, int]] = set()
    lead = _lead_place(ctx)
    where: tuple[int, str | None] = (-1, None)  # (paragraph, place its last figure named)
    source: tuple[int, str | None] = (-1, None)  # (paragraph, speaker) of the last sentence
    named: tuple[int, str | None] = (-1, None)  # (paragraph, last source it named)
    told: tuple[int, int] = (-1, 0)  # (paragraph, index) of the last sentence's figures
    prior: Sentence | None = None  # the sentence before, for a count told "there"
    for sentence in news_sentences(ctx):
        mined: list[Figure] = []
        previous = named[1] if named[0] == sentence.paragraph else None
        for found in [*_number_counts(ctx, sentence), *_word_counts(ctx, sentence)]:
            if (found.start, found.end) in spans or _not_told(found.token):
                continue
            last = mined or (figures[told[1] :] if told[0] == sentence.paragraph else [])
            metric = _that_toll_again(found.token, last)  # 'lowered that to 20'
            metric = metric or found.metric or await _metric(ctx, sentence, found)
            if metric is None and last:
                metric = _part_of_last(found.token, last) or _the_toll_again(found.token, last)
            if metric is None:
                told_so_far = [*figures, *mined]
                metric = _number_of_the_harmed(found.token) or _of_the_victims(
                    found.token, told_so_far
                )
            if metric is None:
                metric = _of_a_told_toll(found.token, [*figures, *mined])
            if metric is None and mined and (_bare_item(found.token) or _a_bare_one(found)):
                metric = mined[-1].metric  # "eight from Chile, eight from Peru"
            if metric is None:
                continue
            before = (
                None
                if _said_to_be_of_a_nation(found.token)  # 'three were Turkish': a new group
                else _restated(found, metric, [*figures, *mined], tokens)
            )
            if before is not None:
                home, at = (
                    (figures, before) if before < len(figures) else (mined, before - len(figures))
                )
                home[at] = _with_source(home[at], found, previous)
                continue
            spans.add((found.start, found.end))
            carried = where[1] if where[0] == sentence.paragraph and _more(found.token) else None
            if _places.there(found.token):
                carried = _told_before(ctx, prior)  # 'Four were killed there'
            figure = _figure(ctx, sentence, found, metric, (carried or lead, lead), previous)
            where = (sentence.paragraph, figure.place)
            if found.fallback:
                fallbacks.append((figure, found.named))
            else:
                mined.append(figure)
                tokens.append(found.token)
                if metric in ("killed", "wounded", "missing") and harm.everyone_aboard(found.token):
                    mined.append(figure.model_copy(update={"metric": "population"}))
                    tokens.append(found.token)  # "killing all 157 people on board": both
        mined, source = _carry_source(mined, sentence, source)
        if told[0] == sentence.paragraph:  # 'Those figures were given by X, which said 17 ...'
            _credit_back(ctx, sentence, figures, told[1])
        if mined:
            told = (sentence.paragraph, len(figures))
        figures += mined
        named = (sentence.paragraph, _sentence_speaker(ctx, sentence) or previous)
        prior = sentence
    return figures + _unstated(figures, fallbacks)


_HARMED: frozenset[Metric] = frozenset({"killed", "wounded", "missing", "displaced"})
# Counts whose parts are told too: '73 people on board, 64 of them tourists', 'rescued 2,000
# people, 631 of them yesterday'.
_PARTED: frozenset[Metric] = frozenset({"population", "aid"})


def _part_of_last(count: Token, last: list[Figure]) -> Metric | None:
    """'19 people had died ... Nine of them came from one village': a part of the last toll.

    A count of 'them' whose own words name nothing that befell it takes the harm of the one
    figure its own sentence gave before it ("96 wounded were admitted, 31 of them children"),
    else of the one figure the sentence before gave.
    """
    told = _of_them(count) or _among_them(count) or _said_to_be_of_a_nation(count)
    told = told or _the_others(count)
    if not told or len(last) != 1:
        return None
    reading = harm.read_count(count)
    if reading.metric is not None or last[0].metric not in _HARMED | _PARTED:
        return None
    if reading.choices and last[0].metric not in reading.choices:
        return None
    return last[0].metric


def _the_toll_again(count: Token, last: list[Figure]) -> Metric | None:
    """'reported 62 deaths and revised the figure to 75': a new value of the toll just told.

    A bare toll noun ('the figure', 'the total') set to a number takes the harm of the last
    figure told before it.
    """
    toll = _toll_noun(count)
    if not last or last[-1].metric not in _HARMED or toll is None:
        return None
    own = [c for c in toll.children if c.dep_ in ("compound", "amod", "prep")]
    if any(not (c.dep_ == "prep" and count.head == c) for c in own):
        return None  # 'the unemployment figure', 'the number of visitors': a count of its own
    return last[-1].metric


def _number_of_the_harmed(count: Token) -> Metric | None:
    """'Brought to 26 the number of soldiers the army has lost': the harm its clause names.

    The parser hangs that clause too far from the number for a cue to reach it.
    """
    toll = _toll_noun(count)
    if toll is None or toll.lemma_.lower() != "number":
        return None
    people = [p for c in toll.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if not any(harm.is_person(p) for p in people):
        return None
    clauses = [c for t in (toll, *people) for c in t.children if c.dep_ == "relcl"]
    harms = {m for c in clauses if (m := harm.harm_of(harm.cue_label(c))) is not None}
    return harms.pop() if len(harms) == 1 else None


def _that_toll_again(count: Token, last: list[Figure]) -> Metric | None:
    """'27 dead, but the police lowered that to 20': a toll named by 'that' or 'it' set anew.

    Its harm is the last figure's, whatever other cue the sentence holds ('raised that count
    to 25, with six people still missing').
    """
    toll = _toll_noun(count)
    if toll is None or not last or last[-1].metric not in _HARMED:
        return None
    pointing = toll.lower_ in _POINTERS or any(c.lower_ in _POINTERS for c in toll.children)
    return last[-1].metric if pointing else None


def _bare_item(count: Token) -> bool:
    """A later item of a list of counts without a noun of its own: "..., eight from Peru".

    Or a name told with its number after the list's verb: "Aurangabad recorded 39 of them,
    Gaya 32 and Nawada 14".
    """
    if count_after(count.head) == count and count.head.pos_ == "PROPN":
        return True
    if count.dep_ not in ("conj", "appos") or _counts.counted_noun(count) is not None:
        return False
    return harm.read_count(count).metric is None


def _a_bare_one(found: _Found) -> bool:
    """A "one" found as an item of a breakdown, which takes its list's metric."""
    return found.text.lower() == "one" and found.metric is None


def _the_others(count: Token) -> bool:
    """'One of the dead was a conscript. The other two were civilians': the rest of a count."""
    kids = {(c.dep_, c.lower_) for c in count.children}
    return {("det", "the"), ("amod", "other")} <= kids


def _of_them(count: Token) -> bool:
    """'18 of them', 'one of them': a part of people just counted."""
    whole = _counts.of_object(count)
    return whole is not None and whole.lower_ == "them"


def _among_them(count: Token) -> bool:
    """'Seven of its staff were among them': a part of the count told just before.

    Or "160 people had been killed, among them about 20 children": the parser may hang the
    part beside "them" on one "among".
    """
    noun = _counts.counted_noun(count) or count
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return _among_them_prep(noun.head)
    if noun.dep_ == "attr":  # 'Among them were three children': told the other way round
        return any(c.dep_ == "prep" and _among_them_prep(c) for c in noun.head.children)
    if count.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.dep_ == "prep" and _among_them_prep(c) for c in count.head.children)


def _among_them_prep(prep: Token) -> bool:
    """An "among" whose object is "them"."""
    return prep.lower_ == "among" and any(
        o.lower_ == "them" and o.dep_ == "pobj" for o in prep.children
    )


def _of_the_victims(count: Token, before: list[Figure]) -> Metric | None:
    """'19 of the victims worked for the UN': the harm the article's victims suffered.

    "Victims" may be dead or hurt; when the article has so far counted only one of the two,
    the victims are those.
    """
    whole = _counts.of_object(count) or _who_the_victims_were(count)
    if whole is None or whole.lemma_.lower() != "victim":
        return None
    harmed = [f for f in before if f.metric in ("killed", "wounded")]
    size = next((c for c in whole.children if c.dep_ == "nummod"), None)
    said = _numbers.find_numbers(size.text) if size is not None else []
    if said:  # 'seven of the nine victims': the harm of the nine told before
        harmed = [f for f in harmed if f.value == said[0].value]
    harms = {f.metric for f in harmed}
    return harms.pop() if len(harms) == 1 else None


def _who_the_victims_were(count: Token) -> Token | None:
    """'The victims were 31 men and eight women': the victims the items make up."""
    item = _counts.counted_noun(count) or count
    while item.dep_ == "conj":
        item = item.head
    verb = item.head
    if item.dep_ != "attr" or verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _of_a_told_toll(count: Token, before: list[Figure]) -> Metric | None:
    """'Three of the 19 were children': a part of a toll the article gave as that number."""
    whole = next(
        (p for c in count.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children),
        None,
    )
    if whole is None or not whole.like_num or not any(c.lower_ == "the" for c in whole.children):
        return None
    said = _numbers.find_numbers(whole.text)
    told = [f for f in before if said and f.value == said[0].value and f.metric in _HARMED]
    return told[-1].metric if told else None


def _said_to_be_of_a_nation(count: Token) -> bool:
    """'Three were Turkish citizens', 'one was Greek': a breakdown of the toll by nationality.

    A bare count, subject of 'be', whose complement is a nationality or people of one.
    """
    verb = count.head
    if count.dep_ != "nsubj" or verb.lemma_ != "be" or _counts.counted_noun(count) is not None:
        return False
    for comp in (c for c in verb.children if c.dep_ in ("attr", "acomp")):
        words = [comp, *comp.children]
        if any(w.ent_type_ == "NORP" for w in words):
            return True
    return False


def _more(count: Token) -> bool:
    """'Another 110 were injured', '12 others', '20 more people': more of the count before.

    Such a count is where the one before it is; any other count without a place of its own
    is the article's (measured: carrying a paragraph's place further was more often wrong).
    """
    noun = _counts.counted_noun(count)
    words = [count, *count.children, *(noun.children if noun is not None else [])]
    if noun is not None and noun.lemma_.lower() == "other":
        return True
    return any(w.lower_ in ("another", "more", "other", "others") for w in words)


def _credit_back(ctx: Context, sentence: Sentence, figures: list[Figure], first: int) -> None:
    """Credit the last sentence's figures to the source this sentence names for them.

    "The figures were given by Dr Nur": his, unless their own sentence named a speaker.
    """
    span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    name = _attribution.confirmed_after(span) if span is not None else None
    if name is None:
        return
    for i in range(first, len(figures)):
        if figures[i].reported_by is None:
            figures[i] = figures[i].model_copy(update={"reported_by": name})


def _unstated(figures: list[Figure], fallbacks: list[tuple[Figure, bool]]) -> list[Figure]:
    """Victims named without a number, for a harm the article gives no number for.

    A victim named by name ("the death of Jane Doe") is one figure per name; a definite one
    ("the driver was killed") counts once in all, since several may be the same person.
    """
    stated = {f.metric for f in figures}
    open_ = [(f, named) for f, named in fallbacks if f.metric not in stated]
    names: dict[str, Figure] = {}
    for f, named in open_:
        if named:
            names.setdefault(_surname(f.value_text), f)
    definite = [f for f, named in open_ if not named][:1]
    return sorted([*names.values(), *definite], key=lambda f: f.evidence[0].start)


def _surname(name: str) -> str:
    """The last capitalised word: 'Khashoggi' of 'Jamal Khashoggi' and "Khashoggi's killing"."""
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in name.split()]
    capitals = [w for w in words if w[:1].isupper()]
    return capitals[-1] if capitals else name


_BREAKDOWN_OPENER = re.compile(
    r"^\W*(?:out\s+(?:of\s+)?|of\s+|among\s+)(?:these|them|those|whom)\b", re.IGNORECASE
)


def _carry_source(
    mined: list[Figure], sentence: Sentence, last: tuple[int, str | None]
) -> tuple[list[Figure], tuple[int, str | None]]:
    """A breakdown of the previous sentence's figure keeps its speaker.

    "The ministry reported 500 cases. Of these, 40 died." - the 40 is the ministry's too: the
    sentence opens by pointing back ("of these", "among them") and names no speaker itself.
    """
    named = next((f.reported_by for f in mined if f.reported_by), None)
    if not mined:
        return mined, (sentence.paragraph, None)
    same = last[1] is not None and last[0] == sentence.paragraph
    if named is None and same and _BREAKDOWN_OPENER.match(sentence.text):
        mined = [f.model_copy(update={"reported_by": last[1]}) for f in mined]
        named = last[1]
    return mined, (sentence.paragraph, named)


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s+to\s+\S", re.IGNORECASE)


def _number_counts(ctx: Context, sentence: Sentence) -> list[_Found]:
    out: list[_Found] = []
    text = sentence.text
    for phrase in _numbers.find_numbers(text):
        if phrase.vague or phrase.unit == "%":
            continue
        if phrase.value != int(phrase.value) and phrase.value < 100:
            continue  # 6.6, 7.2: magnitudes and ratios, not counts
        if _FROM.search(text[: phrase.start]) and _TO.match(text[phrase.end :]):
            continue  # "rose from 14 to 31": the figure is where it rose to
        start, end = sentence.start + phrase.start, sentence.start + phrase.end
        token = _counts.count_token(ctx.doc, start, end)
        if token is not None and not _inside_a_name(token):
            out.append(
                _Found(
                    start,
                    end,
                    phrase.text,
                    phrase.value,
                    token,
                    phrase.qualifier,
                    phrase.upper,
                    phrase.unit,
                )
            )
    return out


def _conditional(count: Token) -> bool:
    """'if the jailed politician died in prison': what would follow if, not what befell."""
    verb = next((a for a in [count, *count.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children
    )


def _not_told(count: Token) -> bool:
    """A count that befell no one: 'if he died in prison', 'none of the 40 passengers'."""
    return _conditional(count) or _none_of(count)


def _none_of(count: Token) -> bool:
    """'Neither of the two pilots', 'none of the 40 passengers': a group no harm befell."""
    noun = count.head if count.dep_ == "nummod" else count
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in _NOBODY


_NAMES = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "FAC"})


def _inside_a_name(token: Token) -> bool:
    """'the Group of Seven', 'the Committee of 100': a number that is part of a name."""
    doc = token.doc
    if token.is_alpha and token.is_title and not token.is_sent_start and token.i >= 2:
        if doc[token.i - 1].lower_ == "of" and doc[token.i - 2].is_title:
            return True  # a number word capitalised inside a name: 'the Group of Seven'
    if token.ent_type_ not in _NAMES or token.ent_iob_ != "I" or count_after(token.head) == token:
        return False  # but 'Gaya 32', a place told with its number, is no name
    return any(e.start < token.i < e.end for e in ents(token.doc))


async def _metric(ctx: Context, sentence: Sentence, found: _Found) -> Metric | None:
    reading = harm.breakdown(found.token) or harm.read_count(found.token)
    if reading.metric is not None:
        return None if reading.metric == "none" else reading.metric
    if not reading.choices:
        return None
    answer = await ctx.ask(
        FigureAnswer,
        messages(
            ctx,
            "figure",
            sentence=sentence.text,
            number=found.text,
            choices=", ".join((*reading.choices, "none")),
        ),
        24,
    )
    metric = answer.metric
    return metric if metric != "none" and metric in reading.choices else None


# --- stated zeros and single victims ----------------------------------------------------------

_NOBODY = frozenset({"nobody", "none", "neither"})


def _word_counts(ctx: Context, sentence: Sentence) -> list[_Found]:
    """Stated zeros ("no deaths", "nobody was hurt") and single victims ("injured a man")."""
    span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    out: list[_Found] = []
    for tok in span if span is not None else ():
        zero = _zero(tok)
        found = zero or _both(tok) or _single(tok) or _named_victim(tok) or _ordinal(tok)
        found = found or _lone(tok)
        if found is not None:
            out.append(found)
        if zero is not None:
            out.extend(_nor(tok, zero))
    return out


def _nor(tok: Token, zero: _Found) -> list[_Found]:
    """The other harms a zero denies: "no one was killed or injured", "no deaths or injuries"."""
    word = zero.token
    pronoun = harm.cue_label(word) is None  # 'no one', 'none of them': the verb says the harm
    if pronoun and word.dep_ in ("nsubj", "nsubjpass") and word.head.pos_ in ("VERB", "AUX"):
        word = word.head
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in word.children):
        return []
    out: list[_Found] = []
    told = {zero.metric}
    for alt in [word, *(c for c in word.children if c.dep_ == "conj")]:
        metric = harm.harm_of(harm.cue_label(alt))
        if metric is not None and metric not in told:
            told.add(metric)
            phrase = tok.doc[min(tok.i, zero.token.i) : max(alt.i, zero.token.i) + 1]
            out.append(_word_found(phrase, alt, 0, metric))
    return out


def _zero(tok: Token) -> _Found | None:
    if tok.lower_ in _NOBODY and tok.dep_ in ("nsubj", "nsubjpass"):
        head = tok
    elif tok.lower_ == "no" and tok.dep_ == "det":
        head = tok.head
    elif _not_a_single(tok):
        head, tok = tok, next(c for c in tok.children if c.dep_ == "neg")
    else:
        return None
    reported = _reports_of(head)  # "no reports of injuries"
    metric = harm.harm_of(harm.cue_label(reported or head)) or harm.verb_harm(head)
    if metric is None and head.lemma_.lower() in ("case", "infection"):
        metric = "other"  # "no cases have been reported"
    if metric is None:
        return None
    last = reported or head
    phrase = tok.doc[min(tok.i, head.i) : last.i + 1]
    return _word_found(phrase, head, 0, metric)


def _not_a_single(noun: Token) -> bool:
    """'Not a single member of the crew was hurt': a zero told by its one person."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("neg", "amod")}
    return noun.dep_ in ("nsubj", "nsubjpass") and {"not", "single"} <= words


def _both(tok: Token) -> _Found | None:
    """'Both pilots were among the injured', 'both attackers': a count of two people.

    What befell them is read as for a number; 'both sides', 'both flight recorders' are no
    people, and a bare 'both' ('Both were in a stable condition') mostly restates a pair the
    article counted in words of its own ('a man and his son').
    """
    noun = tok.head
    if tok.lower_ != "both" or tok.dep_ not in ("det", "predet") or noun.pos_ != "NOUN":
        return None
    if not harm.is_person(noun):
        return None
    phrase = tok.doc[tok.i : noun.i + 1]
    return _Found(phrase.start_char, phrase.end_char, phrase.text, 2, tok)


def _reports_of(noun: Token) -> Token | None:
    if noun.lemma_.lower() not in ("report", "sign", "word"):
        return None
    return _counts.of_object(noun)


def _one(tok: Token) -> _Found | None:
    """A bare "one" harmed: "one died", "one of them seriously", "and one in Paulista"."""
    if any(c.lower_ == "no" for c in tok.children) or _compound_number(tok):
        return None  # "no one"; the "one" of "Thirty-one", which the tokenizer split off
    word = tok.doc[tok.i : tok.i + 1]
    item = _Found(tok.idx, tok.idx + len(tok), tok.text, 1, tok)  # takes its list's metric
    if tok.pos_ == "PRON":  # "one was a Canadian": only as an item of a breakdown
        return item if _an_item_of_a_breakdown(tok) else None
    if _gravely(tok):
        return _word_found(word, tok, 1, "wounded")  # "one of them seriously"
    if tok.dep_ == "conj" and tok.head.like_num and tok.head.pos_ == "NUM":
        # 'five in Santos and one in São Vicente': an item of a list of counts is what they are
        metric = harm.harm_of(harm.read_count(tok.head).metric)
        return _word_found(word, tok, 1, metric) if metric else None
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        metric = harm.verb_harm(tok)
        if metric:
            return _word_found(word, tok, 1, metric)
        part = harm.harm_of(harm.read_count(tok).metric) if _of_the(tok) else None
        if part:
            return _word_found(word, tok, 1, part)  # 'One of the dead was a conscript'
        counted = tok.dep_ != "dobj" and _numbers_before(tok)
        if counted and harm.read_count(tok).metric == "aid":
            # 'four were taken to hospitals and one was treated at the scene': cared for
            return _word_found(word, tok, 1, "aid")
    return item if _an_item_of_a_breakdown(tok) else None


def _of_the(one: Token) -> bool:
    """'One of the dead was a conscript': one of a whole its 'of' phrase names, described.

    Only what that one was ('a conscript', 'a child'), not a name ('was Adrian Nel', 'was
    identified as ...': a named victim inside the toll) nor what that one did.
    """
    whole = _counts.of_object(one) is not None
    verb = one.head
    said = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    named = any(t.ent_type_ == "PERSON" for c in said for t in c.subtree)
    return whole and one.dep_ == "nsubj" and verb.lemma_ == "be" and bool(said) and not named


def _numbers_before(one: Token) -> list[Token]:
    """The numbers before a bare "one" in its sentence: the count it may be one of."""
    return [t for t in one.doc[one.sent.start : one.i] if t.like_num and t.pos_ == "NUM"]


def _an_item_of_a_breakdown(one: Token) -> bool:
    """A bare "one" that is an item of a breakdown told just before it in the sentence.

    "14 people, one of them a volunteer", "26 of them civilians and one a police officer",
    "16 were Kenyans, one was a US citizen", "Indiana with three and Illinois with one". It
    takes the metric of the list it ends; a "one" with no number before it is no item.
    """
    doc = one.doc
    before = _numbers_before(one)
    after = [t.lower_ for t in doc[one.i + 1 : one.i + 3]]
    if not before or one.i + 1 < len(doc) and doc[one.i + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        return False  # 'one man', 'one British national': a noun of its own, read elsewhere
    if after[:1] == ["of"] and after[1:] not in (["them"], ["those"], ["these"]):
        return False  # 'one of the worst accidents': a description, not a part of a count
    if one.dep_ in ("conj", "appos"):
        return True
    if one.dep_ == "pobj" and one.head.lower_ == "with":
        return any(t.dep_ == "pobj" and t.head.lower_ == "with" for t in before)
    said = [c for c in one.head.children if c.dep_ in ("attr", "acomp")]
    return one.dep_ == "nsubj" and one.head.lemma_ == "be" and bool(said)


def _compound_number(one: Token) -> bool:
    doc = one.doc
    return one.i >= 2 and doc[one.i - 1].text in ("-", "\u2013") and doc[one.i - 2].like_num


def _single(tok: Token) -> _Found | None:
    """A single person harmed: "a man was killed", "one died", "shot him dead".

    "The driver was killed" (a definite victim) is only a fallback: it counts when the
    article states no number for that harm, since a stated total already includes it.
    """
    if tok.lower_ == "one":
        return _one(tok)
    if tok.pos_ == "PRON":
        if tok.lower_ in ("himself", "herself"):
            return _killed_self(tok)
        if tok.dep_ == "nsubjpass" and tok.lower_ in ("he", "she") and _perpetrator_before(tok):
            metric = harm.verb_harm(tok)  # "the gunman ... before he was shot dead"
            return _word_found(tok.doc[tok.i : tok.i + 1], tok, 1, metric) if metric else None
        dead = tok.dep_ == "dobj" and harm.to_death(tok.head)
        if not dead or tok.lower_ not in ("him", "her"):
            return None
        return _word_found(tok.doc[tok.i : tok.i + 1], tok, 1, "killed")
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    one = next((c for c in tok.children if c.dep_ == "nummod" and c.lower_ == "one"), None)
    if det is None and one is not None and not list(one.children) and _one_subject(tok):
        det = one  # 'One volunteer firefighter has been killed'; not 'at least one person
    if det is None or not _singular_noun(tok) or not harm.is_person(tok):
        return None  # 'a man', 'the driver', 'one volunteer firefighter'
    if _speaks(tok):
        return None  # "a nurse there said": who tells the toll, not one more in it
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return None  # "Mira Acharya, a director at the ministry": describes a named person
    if tok.lemma_.lower() in _GROUPS:
        return None  # "a family of five": a group, not one person
    # "among them two children and a police officer": one item of a numbered breakdown
    sibling = _numbered_item(tok)
    breakdown = sibling is not None
    metric = harm.verb_harm(tok)
    listed = _one_of_the_dead(tok, det)  # an item of the toll's breakdown by nationality
    if metric is None and listed:
        metric = harm.among_the(tok)  # 'Among the dead was a Kenyan national': no subject
    if metric is None and sibling is not None:
        metric = harm.harm_of(harm.read_count(sibling).metric)  # what the numbered item is
    if metric is None or det.lower_ not in ("a", "an", "the", "one"):
        return None
    perpetrator = tok.lemma_.lower() in harm.PERPETRATORS and metric == "killed"
    among = any(c.lower_ == "among" for c in tok.head.children)  # one of a toll told elsewhere
    told = (among and not listed) or _raised_the_toll(tok)
    fallback = (det.lower_ == "the" or told) and not perpetrator and not breakdown
    return _word_found(_counts.left_phrase(tok), tok, 1, metric, fallback)


# Verbs whose reflexive object is the subject's own death: 'before shooting himself'.
_SELF_KILLING = frozenset({"kill", "shoot"})


def _killed_self(pron: Token) -> _Found | None:
    """'Killed 12 children before shooting himself', 'killed his wife and then himself'.

    The killer's own death, which a toll of his victims does not count. Not 'shot himself in
    the leg' (a wound), and not 'blew himself up' (a bomber the tolls seldom count apart).
    """
    verb = pron.head
    while pron.dep_ == "conj" and verb.pos_ in ("NOUN", "PROPN", "PRON"):
        pron, verb = verb, verb.head  # 'his mother and then himself': the object's verb
    if pron.dep_ not in ("dobj", "conj") or verb.pos_ != "VERB" or _counts.negated(verb):
        return None
    wounded_in = [o for c in verb.children if c.lower_ == "in" for o in c.children]
    if any(o.lemma_.lower() != "head" for o in wounded_in):
        return None  # 'shot himself in the foot'; not 'in the head'
    killing = verb.lemma_.lower() in _SELF_KILLING
    if not (killing or harm.to_death(verb)):
        return None
    return _word_found(pron.doc[pron.i : pron.i + 1], pron, 1, "killed")


_NAME_MODS = frozenset({"amod", "compound", "nmod"})


def _one_subject(noun: Token) -> bool:
    """'One volunteer has been killed', 'one more victim died': one person, the subject."""
    more = any(c.lower_ == "more" for c in noun.children)
    return noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and more)


def _one_of_the_dead(tok: Token, det: Token) -> bool:
    """'A Sri Lankan national was among the dead': an item of the toll's breakdown by country.

    Said as a clause of its own, of someone told by nationality; not 'the pilot was among the
    dead' (someone told before), 'a 14-year-old boy was among the dead' or 'killing three,
    among them a six-year-old boy'.
    """
    verb = tok.head
    if det.lower_ not in ("a", "an") or tok.dep_ not in ("nsubj", "attr") or verb.lemma_ != "be":
        return False
    nation = tok.ent_type_ == "NORP" or any(
        c.ent_type_ in ("NORP", "GPE") for c in tok.children if c.dep_ in _NAME_MODS
    )
    groups = [o for c in verb.children if c.lower_ == "among" for o in c.children]
    return nation and any(o.dep_ == "pobj" and o.lower_ != "them" for o in groups)


def _singular_noun(tok: Token) -> bool:
    """A singular noun; the tagger may take one for an adjective ('a Sri Lankan national')."""
    if tok.tag_ == "JJ" and tok.ent_type_ in ("ORDINAL", "CARDINAL"):
        return False  # 'a fourth (died)': the next of a toll, told by `_ordinal`
    return tok.tag_ == "NN" or (tok.tag_ == "JJ" and tok.dep_ in ("nsubj", "nsubjpass", "attr"))


def _raised_the_toll(tok: Token) -> bool:
    """'The toll rose to three when a worker died': the death the new toll already counts."""
    verb = tok.head
    if not any(c.lower_ in _WHEN_MARKS for c in verb.children):
        return False
    up = list(verb.ancestors)[:3]  # the parser may hang the clause on the number
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in harm.TOLLS
        for a in up
        for c in a.children
    )


_GRAVELY = frozenset("seriously critically severely gravely badly".split())


def _gravely(one: Token) -> bool:
    """'Wounded, one of them seriously': one of those just counted, hurt badly."""
    hurt = any(c.dep_ == "advmod" and c.lower_ in _GRAVELY for c in one.children)
    return hurt and _of_them(one)


def _speaks(tok: Token) -> bool:
    """The person is the one who says it: its subject, or written right before the verb.

    The parser hangs "13 villagers, a nurse there said," as an apposition; the verb right
    after the noun (past an adverb) still makes the nurse the speaker.
    """
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS:
        return True
    # past the noun's own clause: "a hospital official who asked not to be named told ..."
    clauses = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    end = max([tok.i, *(t.i for c in clauses for t in c.subtree)])
    after = [t for t in tok.doc[end + 1 : end + 4] if t.pos_ != "ADV"]
    if not after or after[0].pos_ not in ("VERB", "AUX"):
        return False
    return after[0].lemma_.lower() in SPEECH_VERBS or after[0].lower_ in ("said", "says")


_GROUPS = frozenset("family household crew team staff personnel group couple".split())
_LINKS = frozenset({"conj", "appos"})


def _numbered_item(tok: Token) -> Token | None:
    """The number of another item in the list `tok` is in, or None.

    "Three women, a child and the driver": "three" for "a child" and for "the driver". Not
    the number of a whole the list restates ("two civilians, a farmer and his son") or picks
    one from ("six people, among them a border guard").
    """
    if tok.dep_ not in _LINKS:
        return None
    root = tok
    while root.dep_ in _LINKS and root.head.pos_ in ("NOUN", "PROPN"):
        root = root.head
    items = [t for t in root.subtree if t.dep_ in _LINKS and t.pos_ in ("NOUN", "PROPN")]
    numbers = [c for item in items if item != tok for c in item.children if c.dep_ == "nummod"]
    whole = next((c for c in root.children if c.dep_ == "nummod"), None)
    picked = any(c.lower_ in ("among", "including") for t in items for c in t.children)
    told = _numbers.parse_number(whole.text) if whole is not None else None
    restated = told is not None and told.value == len(items)
    if whole is not None and not (picked or restated):
        numbers.append(whole)
    return numbers[0] if numbers else None


def _perpetrator_before(pron: Token) -> bool:
    """Whether "he" or "she" stands for the attacker: the last singular person noun before."""
    start = pron.sent.start
    earlier = pron.doc[max(0, start - 40) : pron.i]
    people = [t for t in earlier if t.tag_ == "NN" and harm.is_person(t)]
    last = people[-1] if people else None
    subject = next((t for t in reversed(earlier) if t.dep_ == "nsubj" and t.tag_ == "NN"), None)
    if subject is not None and (last is None or subject.i >= last.i or last.head == subject.head):
        last = subject  # 'a 17-year-old asylum seeker attacked passengers ... before he was'
    if last is None:
        return False
    return last.lemma_.lower() in harm.PERPETRATORS or harm.attacked_someone(last)


_NUMBERED = frozenset("death fatality case infection".split())


def _ordinal(tok: Token) -> _Found | None:
    """A toll given by its latest item: "the sixteenth death" is 16 deaths.

    "The first case" is one case; an ordinal person is not a toll ("a fifth person was hurt"
    is one person, read by `_single`), nor is "the first case of its kind".
    """
    head = tok.head
    if tok.dep_ != "amod" or head.lemma_.lower() not in _NUMBERED or head.i != tok.i + 1:
        return None
    if head.tag_ == "NNS":
        return None  # 'confirmed its first cases in July': the earliest, not a count
    doc, first = tok.doc, tok.i
    if first >= 2 and doc[first - 1].text in ("-", "\u2013") and doc[first - 2].like_num:
        first -= 2  # "twenty-first", split by the tokenizer
    value = _numbers.ordinal_value(doc[first : tok.i + 1].text.replace(" ", ""))
    label = harm.cue_label(head)
    if value is None or label not in ("killed", "other") or _a_kind(head) or _a_time(head):
        return None
    return _word_found(doc[first : head.i + 1], head, value, label)


_WHEN_MARKS = frozenset("since after before when until once".split())


def _a_time(noun: Token) -> bool:
    """'since the first case was detected': the ordinal tells when, not how many."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    return verb is not None and any(
        c.dep_ == "mark" and c.lower_ in _WHEN_MARKS for c in verb.children
    )


def _lone(tok: Token) -> _Found | None:
    """'A single death', 'one fatality': a toll of one, told by its noun."""
    if tok.lemma_.lower() not in _NUMBERED or tok.tag_ != "NN":
        return None
    lone = [c for c in tok.children if c.lower_ in ("single", "lone", "sole", "one")]
    if not lone and _tallied(tok) and _of_an_illness(tok):  # 'confirmed a case of Marburg'
        lone = [c for c in tok.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
    if not lone or _a_kind(tok):
        return None
    label = harm.cue_label(tok)
    if label != "killed" and not (label == "other" and _tallied(tok)):
        return None  # not 'closed the border because of a single case': a reason, not a tally
    first = min([lone[0].i, *(c.i for c in tok.children if c.dep_ == "det")])
    return _word_found(tok.doc[first : tok.i + 1], tok, 1, label)


_TALLY = frozenset("report record confirm register detect log".split())


def _tallied(noun: Token) -> bool:
    """'Has reported one case', 'one case was confirmed': a country's tally of one."""
    verb = noun.head
    told = noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _TALLY
    return told and not _counts.negated(verb)  # not 'had not recorded a case in a century'


_ILLNESS = frozenset(
    "virus disease fever flu influenza infection poliovirus cholera measles polio ebola mpox "
    "dengue malaria meningitis typhoid diphtheria covid-19".split()
)


def _of_an_illness(case: Token) -> bool:
    """'A case of Marburg virus disease', 'a case of cholera': not 'a case of fraud'."""
    of = _counts.of_object(case)
    if of is None:
        return False
    return any(t.lemma_.lower() in _ILLNESS or t.pos_ == "PROPN" for t in of.subtree)


_KINDS = frozenset("type kind sort nature its".split())


def _a_kind(noun: Token) -> bool:
    """True for "the first case of its kind": an instance, not an infection."""
    pobj = _counts.of_object(noun)
    return pobj is not None and pobj.lemma_.lower() in _KINDS


_DEATHS = frozenset("death killing murder assassination execution slaying".split())


def _named_victim(tok: Token) -> _Found | None:
    """A person harmed, named by name: "Jane Doe was killed", "the death of Jane Doe".

    The name is a victim only where no number covers the harm (a named victim is usually
    one of a stated toll): see `_unstated`.
    """
    ent = next((e for e in ents(tok.doc) if e.end - 1 == tok.i and e.label_ == "PERSON"), None)
    if ent is None:
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _DEATHS:
        phrase = tok.doc[head.head.left_edge.i : tok.i + 1]  # "the death of Jane Doe"
        return _word_found(phrase, tok, 1, "killed", fallback=True, named=True)
    if tok.dep_ == "poss" and head.lemma_.lower() in _DEATHS:
        phrase = tok.doc[ent.start : head.i + 1]  # "Jane Doe's death"
        return _word_found(phrase, tok, 1, "killed", fallback=True, named=True)
    metric = harm.verb_harm(tok) if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if metric not in ("killed", "wounded"):
        return None
    return _word_found(ent, tok, 1, metric, fallback=True, named=True)


def _word_found(
    phrase: Span,
    token: Token,
    value: float,
    metric: Metric,
    fallback: bool = False,
    named: bool = False,
) -> _Found:
    start, end = phrase.start_char, phrase.end_char
    return _Found(
        start, end, phrase.text, value, token, metric=metric, fallback=fallback, named=named
    )


def _restated(
    found: _Found, metric: Metric, figures: list[Figure], tokens: list[Token]
) -> int | None:
    """The index of the figure found before that this one restates, or None.

    "All five deaths", "two women" again.
    """
    same = [
        (i, t)
        for i, (f, t) in enumerate(zip(figures, tokens, strict=True))
        if (f.metric, f.value) == (metric, found.value)
    ]
    if not same or _part_of_a_larger(found.token, found.value):
        return None
    if _told_as_the_toll(found.token):
        return same[-1][0]  # "bringing the toll to 19" after "killing 19 people"
    noun = _counts.counted_noun(found.token) or found.token
    words = {c.lower_ for c in [*noun.children, *found.token.children] if c.dep_ in _DEFINITE_DEPS}
    if words & {"the", "these", "those", "all", "both"}:
        return same[-1][0]
    if found.metric is not None and found.value == 1 and found.token.pos_ == "PRON":
        index, earlier = same[-1]  # "he was shot dead" after "the attacker was shot dead"
        return index if _sentences_apart(earlier, found.token) <= 1 else None
    key = noun.lemma_.lower()
    if key in _GENERIC:
        return None
    return next(
        (
            i
            for i, t in reversed(same)
            if (_counts.counted_noun(t) or t).lemma_.lower() == key
            and not _listed_together(t, found.token)
        ),
        None,
    )


def _part_of_a_larger(count: Token, value: float) -> bool:
    """A share of a larger whole, told for the first time, whatever number came before.

    'Of the 43 dead, 17 died in Jakarta, 16 in West Java'. Not 'one of the twelve', a number
    with a whole of its own, which may restate a victim told before.
    """
    verb = next((a for a in count.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "among") or prep.head == count:
            continue
        if prep.head != verb and not prep.head.like_num:
            continue  # the whole of the verb or of another item of the list
        objects = [p for p in prep.children if p.dep_ == "pobj"]
        numbers = [n for p in objects for n in (p, *p.children) if n.like_num]  # 'the 43 dead'
        wholes = [_numbers.parse_number(n.text) for n in numbers]
        if any(w is not None and w.value > value for w in wholes):
            return True
    return False


def _listed_together(earlier: Token, later: Token) -> bool:
    """Two items of one list: "eight from China, eight from Italy and eight from Peru".

    The number or the noun it counts is joined to the list: "two women from Lyon and two
    women from Nice".
    """
    item = _counts.counted_noun(later) or later
    return earlier.sent == later.sent and (
        later.dep_ in ("conj", "appos") or item.dep_ in ("conj", "appos")
    )


def _sentences_apart(earlier: Token, later: Token) -> int:
    """How many sentence boundaries lie between two tokens of one parse."""
    doc = later.doc
    return sum(1 for t in doc[earlier.i + 1 : later.i + 1] if t.is_sent_start)


_TOLL_NOUNS = frozenset("toll tally count number figure total".split())


def _told_as_the_toll(count: Token) -> bool:
    """A number given as the value of the toll: "bringing the toll to 19", "put the toll at 9".

    Its figure is the toll's; the same number found before is the same figure. Not an
    earlier toll ("an earlier toll of ten dead"): a report of its own, even of the same number.
    """
    toll = _toll_noun(count)
    return toll is not None and not any(c.lower_ in _EARLIER for c in toll.children)


_EARLIER = frozenset("earlier previous initial first original".split())


def _toll_noun(count: Token) -> Token | None:
    """The toll a number is given as the value of: 'toll' in "bringing the toll to 19".

    Or the 'it' that stands for the toll just told: "by Friday it had risen to 16".
    """
    prep = count.head
    if count.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _TOLL_NOUNS:
        return prep.head  # 'gave a figure of 75', 'an earlier toll of 27'
    if count.dep_ == "dobj" and prep.lemma_.lower() in _REACHES:
        return _the_toll(prep, [c for c in prep.children if c.dep_ == "nsubj"])
    if count.dep_ != "pobj" or prep.lower_ not in ("to", "at"):
        return None
    owner = prep.head
    nouns = [owner, *(c for c in owner.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
    if owner.lemma_ in _REVISES:  # 'the police lowered that to 20', 'revised it to 75'
        pointer = next((n for n in nouns if n.lower_ in _POINTERS and n.dep_ == "dobj"), None)
        if pointer is not None:
            return pointer
    return _the_toll(owner, nouns)


def _the_toll(verb: Token, nouns: list[Token]) -> Token | None:
    """The definite toll noun among `nouns` ('the toll', 'that count', "the ministry's tally").

    Or the subject 'it' of a verb that says where a toll now stands ("it stood at nine", "it
    had passed 90").
    """
    for noun in nouns:
        if noun.lower_ == "it" and noun.dep_ == "nsubj" and verb.lemma_ in _STANDS:
            return noun
        if noun.lemma_.lower() in _TOLL_NOUNS and any(
            c.lower_ in ("the", *_POINTERS) or c.dep_ == "poss" for c in noun.children
        ):
            return noun
    return None


_RISES = frozenset("rise climb grow increase jump fall drop".split())
# Verbs whose object is the value a toll has come to: 'the count had reached 27'.
_REACHES = frozenset("reach pass exceed top surpass hit cross".split())
_STANDS = _RISES | _REACHES | {"stand", "remain"}
_REVISES = frozenset("raise lower revise cut reduce increase put bring push lift".split())
_POINTERS = frozenset({"that", "this", "it"})


def _with_source(figure: Figure, found: _Found, previous: str | None) -> Figure:
    """The figure, with the source its restatement names when it had none of its own.

    "Toll rises to 18" in a summary line, then "the toll had risen to 18, the health
    department said": the 18 is the health department's.
    """
    if figure.reported_by is not None:
        return figure
    source = _attribution.attribution(found.token, previous)
    if source is None:
        return figure
    return figure.model_copy(update={"reported_by": source.name})


_DEFINITE_DEPS = frozenset({"det", "predet", "quantmod"})
_GENERIC = frozenset({"people", "person", "other", "more", "individual"})


# --- where, who says, and the quote -----------------------------------------------------------


def _known_places(ctx: Context) -> list[str]:
    return [name for name, kind in ctx.kinds.items() if kind in ("place", "state")]


def _lead_place(ctx: Context) -> str | None:
    """The article's place: its first sentence's, or the dateline's city when more exact.

    A wire dateline ('JULIACA, Peru, Dec 15 - ') names a city; it wins over a whole
    country (or nothing) read from the first sentence.
    """
    spans = [(s.start, s.end) for s in news_sentences(ctx)]
    lead = _places.lead_place(ctx.doc, spans, _known_places(ctx))
    city = _places.dateline_place(ctx.job.body)
    if city is not None and (lead is None or is_country(lead)):
        return city
    return lead


def _country(ctx: Context, article: str | None) -> str | None:
    """The country a nationwide count is of.

    The article's place if it is a country, else the first country the article names
    ('recorded nationwide' in a report that leads with Metro Manila).
    """
    if article is not None and is_country(article):
        return article
    for ent in ents(ctx.doc):
        if ent.label_ == "GPE" and is_country(ent.text):
            return ent.text
    return article


def _told_before(ctx: Context, prior: Sentence | None) -> str | None:
    """The place the sentence before is about: where a count told "there" happened."""
    if prior is None:
        return None
    return _places.lead_place(ctx.doc, [(prior.start, prior.end)], _known_places(ctx))


def _sentence_speaker(ctx: Context, sentence: Sentence) -> str | None:
    span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return _attribution.sentence_speaker(span) if span is not None else None


def _figure(
    ctx: Context,
    sentence: Sentence,
    found: _Found,
    metric: Metric,
    leads: tuple[str | None, str | None],
    previous: str | None = None,
) -> Figure:
    """The figure of a count: its value, metric, place and source.

    `leads` = (the place when the sentence names none, the article's own place): a
    nationwide count is the article's.
    """
    lead, article = leads
    source = _attribution.attribution(found.token, previous)
    quoted = None if source else _attribution.quote_speaker(ctx.doc, found.start)
    candidates = _places.places(ctx.doc, sentence.start, sentence.end, _known_places(ctx))
    speaker = source.token if source else None
    place = _places.place(found.token, candidates, speaker)
    realm = _places.speakers_realm(found.token, speaker) if speaker is not None else None
    place = realm or place  # 'Croatia's health ministry has recorded 2,119 cases'
    named = None if place is not None else _places.division_named_before(found.token)
    if _places.nationwide(found.token, place):
        place, lead = None, _country(ctx, article)  # the country's count
    return Figure(
        metric=metric,
        value=found.value,
        value_text=found.text,
        qualifier=found.qualifier,
        upper=found.upper,
        unit=found.unit,
        place=_places.worldwide(found.token, place)
        or _unowned(place.text if place else named or lead),
        reported_by=source.name if source else quoted,
        evidence=[
            _clause_ev(
                ctx.job.body, sentence, found.start - sentence.start, found.end - sentence.start
            )
        ],
    )


def _unowned(place: str | None) -> str | None:
    """A place as a name, without the possessive it was written with ("Ontario's" -> Ontario)."""
    return without_possessive(place) if place else place


# Where a clause ends: punctuation, but not the comma of "1,025,000" or the colon of "10:30".
_CLAUSE_EDGE = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\u2014\"“”]|\s[\u2013-]\s")


def _clause_ev(body: str, sentence: Sentence, start: int, end: int) -> Evidence:
    """The clause of the sentence that holds [start, end) (sentence-relative offsets)."""
    text = sentence.text
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(text, end)), len(text))
    if len(text[left:right].split()) < 4:
        left, right = 0, len(text)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " .":
        right -= 1
    return ev(body, sentence.start + left, sentence.start + right)
