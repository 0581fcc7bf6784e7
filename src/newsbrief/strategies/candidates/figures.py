"""Figures: numbers that count people harmed or helped, read off the dependency parse.

Each number phrase (`newsbrief.text.numbers`) is placed in the parse (`newsbrief.text.counts`):
the cue word nearest it in the tree names the metric ("were killed", "left five dead",
"injuring 12", "death toll rose to 31", "home to", "cases"); the doer of a harm ("two
gunmen killed ...") and a negated verb are no cue. A count of things that are not people,
damage or cases (blasts, aftershocks, vehicles, votes, ages) is no figure. Code asks the
model only when the parse leaves the metric open; without a model such a number is dropped.
Stated zeros ("no deaths") and single victims ("injured a man", "the attacker was shot
dead") are figures too. Each number span gives at most one figure, and a definite restatement
("all five deaths") of a figure already found is not listed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, Field

from newsbrief.models import Evidence, Figure, Metric, Qualifier
from newsbrief.strategies.candidates.context import Context, Sentence, ev, messages, news_sentences
from newsbrief.text import counts as _counts
from newsbrief.text import numbers as _numbers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Label = Metric | Literal["none"]


class FigureAnswer(BaseModel):
    """What a number in a passage counts."""

    metric: Label = Field(description="What the number counts; none if not a humanitarian count.")

    @classmethod
    def abstain(cls) -> FigureAnswer:
        """Code's answer without a model: not a figure (code labels the clear cases itself)."""
        return cls(metric="none")


# --- the cue words: lemma -> metric ----------------------------------------------------------

_LEXICON: dict[str, Label] = {
    **dict.fromkeys(
        "kill die dead death fatality body corpse murder perish drown toll behead massacre "
        "slay slain fatal".split(),
        "killed",
    ),
    **dict.fromkeys(
        "injure injured injury wound wounded hurt hospitalize hospitalise hospitalized "
        "hospitalised casualty maim shoot stab".split(),
        "wounded",
    ),
    **dict.fromkeys("missing miss unaccounted disappear trap trapped".split(), "missing"),
    **dict.fromkeys(
        "displace displaced flee evacuate evacuated evacuee evacuation refugee homeless refuge "
        "shelter relocate uproot".split(),
        "displaced",
    ),
    **dict.fromkeys("inhabit population".split(), "population"),
    **dict.fromkeys(
        "vaccinate vaccinated immunize immunise vaccine dose rescue rescued treat discharge "
        "ration".split(),
        "aid",
    ),
    **dict.fromkeys(
        "case infection infect infected positive damage damaged destroy destroyed collapse "
        "flatten raze affect sicken".split(),
        "other",
    ),
    **dict.fromkeys("kidnap abduct hostage captive".split(), "detained"),
    **dict.fromkeys(
        "arrest detain custody jail imprison sentence convict charge vote voter ballot poll "
        "seat aftershock deploy attend elect".split(),
        "none",
    ),
}
# Nouns that name who is counted but yield to a verb nearby ("5,000 residents fled").
_WEAK: dict[str, Label] = {
    **dict.fromkeys("resident inhabitant population passenger occupant".split(), "population"),
    **dict.fromkeys("survivor rescuer responder firefighter volunteer medic".split(), "other"),
    **dict.fromkeys(
        "protester demonstrator participant attendee troop supporter spectator delegate "
        "official".split(),
        "none",
    ),
}
_WEAK_PENALTY = 5
_RESPONDER_MODS = frozenset("rescue relief aid medical emergency vaccination search".split())
_RESPONDERS = frozenset("worker team personnel staff crew".split())
_HARM: frozenset[Label] = frozenset({"killed", "wounded", "missing"})

_PERSONS = frozenset(
    "people person man woman child kid boy girl baby infant adult teen teenager youth member "
    "soldier civilian officer policeman policewoman worker journalist student resident "
    "patient victim passenger pilot militant fighter protester citizen tourist migrant "
    "refugee firefighter rescuer guard doctor nurse teacher employee prisoner detainee inmate "
    "hostage individual family household staff personnel crew other more national pilgrim "
    "worshipper villager farmer miner fisherman sailor seaman marine police minor "
    "occupant survivor team pupil cop gendarme paramedic insurgent rebel local guest relative "
    "parent son daughter brother sister mother father wife husband priest nun monk athlete "
    "player fan newborn pensioner veteran soul human foreigner".split()
)
_NOT_PERSON_ER = frozenset(
    "number letter center centre container computer chamber order border tower meter metre "
    "liter litre quarter corner river water power paper matter member chapter layer floor "
    "motor sector door error mirror factor".split()
)
_STRUCTURES = frozenset(
    "building house home apartment flat school hospital shop store structure vehicle car bus "
    "truck boat ship bridge road church mosque temple dwelling shelter tent property "
    "business village town hut farm".split()
)
_PERPETRATORS = frozenset(
    "attacker gunman assailant shooter bomber perpetrator suspect terrorist hijacker".split()
)


@dataclass(frozen=True)
class _Cue:
    metric: Label
    cost: int
    distance: int
    token: Token


def _keys(tok: Token) -> tuple[str, ...]:
    """The word's lemma, its lower-cased form and that form without a plural -s."""
    low = tok.lower_
    return (tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low)


def _lookup(table: dict[str, Label], tok: Token) -> Label | None:
    return next((table[k] for k in _keys(tok) if k in table), None)


def _cue_label(tok: Token) -> Label | None:
    lemma = tok.lemma_.lower()
    if lemma == "miss" and tok.tag_ != "VBG":
        return None  # "missed the deadline"; only "missing" is a cue
    if lemma == "life" and tok.head.lemma_ in ("lose", "claim", "take"):
        return "killed"
    if lemma == "home" and any(c.lower_ == "to" for c in tok.children):
        return "population"
    if lemma in ("board", "aboard", "onboard") and (lemma != "board" or _on_board(tok)):
        return "population"
    if lemma == "live" and tok.pos_ == "VERB":
        return "population"
    if lemma == "hospital" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "into"):
        return "wounded"  # "remain in hospital", "taken to hospital"
    if lemma in ("rubble", "debris") and tok.head.lower_ in ("under", "beneath", "in"):
        return "missing"  # "trapped under the rubble"
    if lemma == "condition" and any(c.lower_ in _GRAVE for c in tok.children):
        return "wounded"  # "in critical condition"
    if lemma == "home" and tok.head.lemma_ in ("lose", "flee", "leave"):
        return "displaced"  # "lost their homes"
    if tok.pos_ == "VERB" and _to_death(tok):
        return "killed"  # "shot dead", "stabbed to death"
    if lemma in _RESPONDER_MODS and tok.dep_ == "compound" and tok.head.lemma_ in _RESPONDERS:
        return "other"
    return _lookup(_LEXICON, tok)


def _to_death(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ == "dead" and child.dep_ not in ("conj", "nsubj", "dobj"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(c.lemma_ == "death" for c in child.children):
                return True
    return False


def _on_board(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("on", "-")


_GRAVE = frozenset({"critical", "serious", "grave", "stable", "life-threatening"})
_ON_BOARD = frozenset({"board", "aboard", "onboard"})
# Verbs that pass a number through to the words around them ("rose to", "include", "said").
_TRANSPARENT = frozenset(
    "be have include remain reach rise climb stand increase bring put total number leave "
    "say report confirm tell claim state add estimate record count list show".split()
)


def _cues(count: Token, noun: Token | None) -> list[_Cue]:
    """Every cue near the number, with the cost at which it governs the number.

    A cue beyond a clause boundary does not govern a number whose own verb is a content verb
    that names no cue ("pulled 23 people out; four died": the 23 did not die).
    """
    found: list[_Cue] = []
    closed = _closed_clause(noun or count)
    for reach in _counts.nearby(count):
        tok = reach.token
        label, cost = _cue_label(tok), reach.cost
        weak = _lookup(_WEAK, tok) if noun is not None and tok.i == noun.i else None
        if label is None and weak is not None:
            label, cost = weak, cost + _WEAK_PENALTY
        elif tok.lemma_.lower() in _ON_BOARD:
            cost += _WEAK_PENALTY
        if label is None or _counts.negated(tok):
            continue
        if label != "none" and _counts.is_agent(reach.via, tok):
            continue
        if closed and reach.clauses:
            continue
        found.append(_Cue(label, cost, abs(tok.i - count.i), tok))
    return sorted(found, key=lambda c: (c.cost, c.distance))


def _closed_clause(tok: Token) -> bool:
    """True when the clause of `tok` is headed by a content verb that names no cue."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.pos_ == "AUX" or _cue_label(verb) is not None:
        return False
    return verb.lemma_.lower() not in _TRANSPARENT


def _is_person(noun: Token) -> bool:
    keys = _keys(noun)
    if noun.ent_type_ == "NORP" or any(k in _PERSONS or k in _PERPETRATORS for k in keys):
        return True
    if noun.tag_ == "NNPS" and noun.ent_type_ == "":
        return True  # "three Britons": a plural proper noun the tagger left untyped
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma in _NOT_PERSON_ER:
        return False
    return lemma.endswith(("ist", "ian", "ee", "er", "or", "girl", "boy", "man", "woman"))


@dataclass(frozen=True)
class _Reading:
    """What code reads a number as: a metric, nothing, or a choice to put to the model."""

    metric: Label | None
    choices: tuple[Label, ...] = ()


def read_count(count: Token) -> _Reading:
    """The metric the parse gives the number at `count` (None: not a figure)."""
    if _counts.age_apposition(count):
        return _Reading("none")
    noun = _counts.counted_noun(count)
    own = _cue_label(noun) if noun is not None else None
    structure = noun is not None and any(k in _STRUCTURES for k in _keys(noun))
    if noun is not None and own is None and not structure and not _is_person(noun):
        if _lookup(_WEAK, noun) is None:
            return _Reading("none")  # a count of things: blasts, rooms, offences
    cues = [c for c in _cues(count, noun) if not structure or c.metric in ("other", "none")]
    if not cues:
        return _Reading(None, _sentence_choices(count))
    best = cues[0]
    if best.metric in _HARM and _counts.disjoined(best.token):
        return _Reading(None, _sentence_choices(count))
    return _Reading(best.metric)


def _sentence_choices(count: Token) -> tuple[Label, ...]:
    """Metrics named anywhere in the number's sentence: what the model may choose from."""
    labels = {label for t in count.sent if (label := _cue_label(t)) not in (None, "none")}
    return tuple(m for m in get_args(Metric) if m in labels)


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


async def find_figures(ctx: Context) -> list[Figure]:
    """Figures from the number phrases, stated zeros and single victims of the body."""
    figures: list[Figure] = []
    tokens: list[Token] = []
    fallbacks: list[Figure] = []
    spans: set[tuple[int, int]] = set()
    lead = _lead_place(ctx)
    source: tuple[int, str | None] = (-1, None)  # (paragraph, speaker) of the last sentence
    for sentence in news_sentences(ctx):
        mined: list[Figure] = []
        for found in [*_number_counts(ctx, sentence), *_word_counts(ctx, sentence)]:
            if (found.start, found.end) in spans:
                continue
            metric = found.metric or await _metric(ctx, sentence, found)
            if metric is None or _restates(found, metric, [*figures, *mined], tokens):
                continue
            spans.add((found.start, found.end))
            figure = _figure(ctx, sentence, found, metric, lead)
            if found.fallback:
                fallbacks.append(figure)
            else:
                mined.append(figure)
                tokens.append(found.token)
        mined, source = _carry_source(mined, sentence, source)
        figures += mined
    stated = {f.metric for f in figures}
    return figures + [f for f in fallbacks if f.metric not in stated][:1]


def _carry_source(
    mined: list[Figure], sentence: Sentence, last: tuple[int, str | None]
) -> tuple[list[Figure], tuple[int, str | None]]:
    """Figures of a sentence that names no speaker go on with the previous sentence's one.

    "The ministry reported 500 cases. Of these, 40 died." - the 40 is the ministry's too,
    when the two sentences are in one paragraph and follow each other.
    """
    named = next((f.reported_by for f in mined if f.reported_by), None)
    if not mined:
        return mined, (sentence.paragraph, None)
    if named is None and last[1] is not None and last[0] == sentence.paragraph:
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
        if token is not None:
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
                )  # fmt: skip
            )
    return out


async def _metric(ctx: Context, sentence: Sentence, found: _Found) -> Metric | None:
    reading = _breakdown(found.token) or read_count(found.token)
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


def _breakdown(count: Token) -> _Reading | None:
    """A breakdown ("..., including 54 children") takes the metric of the total before it."""
    doc = count.doc
    i = count.i - 1
    while i > count.sent.start and (
        doc[i].is_punct or doc[i].pos_ in ("DET", "ADJ", "ADV") or _in_according(doc[i])
    ):
        i -= 1
    if doc[i].lower_ != "including":
        return None
    totals = [t for t in doc[count.sent.start : i] if t.like_num and t.pos_ == "NUM"]
    return read_count(totals[-1]) if totals else None


def _in_according(tok: Token) -> bool:
    return any(a.lower_ == "according" for a in [tok, *tok.ancestors])


# --- stated zeros and single victims ----------------------------------------------------------

_NOBODY = frozenset({"nobody", "none"})


def _word_counts(ctx: Context, sentence: Sentence) -> list[_Found]:
    """Stated zeros ("no deaths", "nobody was hurt") and single victims ("injured a man")."""
    span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    out: list[_Found] = []
    for tok in span if span is not None else ():
        found = _zero(tok) or _single(tok)
        if found is not None:
            out.append(found)
    return out


def _zero(tok: Token) -> _Found | None:
    if tok.lower_ in _NOBODY and tok.dep_ in ("nsubj", "nsubjpass"):
        head = tok
    elif tok.lower_ == "no" and tok.dep_ == "det":
        head = tok.head
    else:
        return None
    metric = _harm(_cue_label(head)) or _verb_harm(head)
    if metric is None:
        return None
    phrase = tok.doc[min(tok.i, head.i) : head.i + 1]
    return _word_found(phrase, head, 0, metric)


def _single(tok: Token) -> _Found | None:
    """A single person harmed: "a man was killed", "one died", "shot him dead".

    "The driver was killed" (a definite victim) is only a fallback: it counts when the
    article states no number for that harm, since a stated total already includes it.
    """
    if tok.pos_ == "PRON":
        dead = tok.dep_ == "dobj" and _to_death(tok.head)
        if not dead or tok.lower_ not in ("him", "her"):
            return None
        return _word_found(tok.doc[tok.i : tok.i + 1], tok, 1, "killed")
    no_one = any(c.lower_ == "no" for c in tok.children)
    if tok.lower_ == "one" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and not no_one:
        metric = _verb_harm(tok)
        return _word_found(tok.doc[tok.i : tok.i + 1], tok, 1, metric) if metric else None
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or tok.tag_ != "NN" or not _is_person(tok):
        return None
    metric = _verb_harm(tok)
    if metric is None or det.lower_ not in ("a", "an", "the"):
        return None
    perpetrator = tok.lemma_.lower() in _PERPETRATORS and metric == "killed"
    fallback = det.lower_ == "the" and not perpetrator
    return _word_found(_counts.left_phrase(tok), tok, 1, metric, fallback)


_EXPERIENCE = frozenset({"suffer", "sustain", "receive", "incur"})


def _verb_harm(noun: Token) -> Metric | None:
    """The harm the verb governing `noun` names, when `noun` is who suffered it."""
    verb = noun.head
    experiencer = verb.lemma_.lower() in _EXPERIENCE
    suffered = noun.dep_ in ("dobj", "nsubjpass") or (
        noun.dep_ == "nsubj" and (experiencer or not any(c.dep_ == "dobj" for c in verb.children))
    )
    if not suffered or _counts.negated(verb):
        return None
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    words = [*verbs, *(c for c in verb.children if c.dep_ in ("oprd", "acomp"))]
    words += [o for c in verb.children if c.lower_ == "among" for o in c.children]
    if experiencer and noun.dep_ == "nsubj":  # "a firefighter suffered injuries"
        words += [c for c in verb.children if c.dep_ == "dobj"]
    harm = [m for word in words if (m := _harm(_cue_label(word))) is not None]
    return harm[-1] if harm else None


def _harm(label: Label | None) -> Metric | None:
    if label == "killed" or label == "wounded" or label == "missing":
        return label
    return None


def _word_found(
    phrase: Span, token: Token, value: float, metric: Metric, fallback: bool = False
) -> _Found:
    return _Found(
        phrase.start_char, phrase.end_char, phrase.text, value, token, metric=metric,
        fallback=fallback,
    )  # fmt: skip


def _restates(found: _Found, metric: Metric, figures: list[Figure], tokens: list[Token]) -> bool:
    """A restatement of a figure found before: "all five deaths", "two women" again."""
    same = [
        t
        for f, t in zip(figures, tokens, strict=True)
        if (f.metric, f.value) == (metric, found.value)
    ]
    if not same:
        return False
    noun = _counts.counted_noun(found.token) or found.token
    words = {c.lower_ for c in [*noun.children, *found.token.children] if c.dep_ in _DEFINITE_DEPS}
    if words & {"the", "these", "those", "all", "both"}:
        return True
    if found.metric is not None and found.value == 1 and found.token.pos_ == "PRON":
        return True
    key = noun.lemma_.lower()
    return key not in _GENERIC and any(
        (_counts.counted_noun(t) or t).lemma_.lower() == key for t in same
    )


_DEFINITE_DEPS = frozenset({"det", "predet", "quantmod"})
_GENERIC = frozenset({"people", "person", "other", "more", "individual"})


# --- where, who says, and the quote -----------------------------------------------------------


def _known_places(ctx: Context) -> list[str]:
    return [name for name, kind in ctx.kinds.items() if kind in ("place", "state")]


def _lead_place(ctx: Context) -> str | None:
    spans = [(s.start, s.end) for s in news_sentences(ctx)]
    return _counts.lead_place(ctx.doc, spans, _known_places(ctx))


def _figure(
    ctx: Context, sentence: Sentence, found: _Found, metric: Metric, lead: str | None
) -> Figure:
    source = _counts.attribution(found.token)
    candidates = _counts.places(ctx.doc, sentence.start, sentence.end, _known_places(ctx))
    place = _counts.place(found.token, candidates, source.token if source else None)
    return Figure(
        metric=metric,
        value=found.value,
        value_text=found.text,
        qualifier=found.qualifier,
        upper=found.upper,
        unit=found.unit,
        place=place.text if place is not None else lead,
        reported_by=source.name if source else None,
        evidence=[
            _clause_ev(
                ctx.job.body, sentence, found.start - sentence.start, found.end - sentence.start
            )
        ],
    )


_CLAUSE_EDGE = re.compile(r"[,;:()\u2014\"“”]|\s[\u2013-]\s")


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
