"""Number phrases in English news text: find them, parse them, keep their words.

A number phrase is a count as the article writes it ("over a million", "approximately 1.5
million", "at least 20", "between 36 and 40", "eleven", "1,500", "45%"), with its value, the
hedge on it (the qualifier), the upper bound of a range and the counted noun that follows.

Rules:

* ``value`` is the number stated; a range gives its lower bound in ``value`` and its upper
  bound in ``upper``. ``text`` is the phrase with its hedge words but without the counted noun
  (``45%`` and ``45 percent`` keep their percent sign or word; ``unit`` is then ``"%"``).
* Hedges: about, approximately, around, roughly, nearly, almost, some, (an) estimated, close
  to, just under -> ``approximately``; at least, no fewer/less than, not less than, a minimum
  of -> ``at_least``; over, more than, upwards of, in excess of, above, exceeding, just/well
  over -> ``more_than``; up to, as many as, no more than, at most, a maximum of, fewer/less
  than, under -> ``up_to``; "between X and Y", "X to Y", "X-Y", "X or Y" -> ``range``.
  "N or more" -> ``at_least``; "N or so" -> ``approximately``; "a total of N" -> ``exact``.
  A hedge before a range ("about 1,000-1,500") gives ``range``: the bounds say more.
* "from X to Y" reads as a change (a toll rising from 14 to 31), so it gives two phrases.
* Vague quantities follow ACLED's rule of coding the most conservative figure a report
  supports (ACLED, "Fatalities" FAQ: "tens" is coded 10, "dozens" 12, "hundreds" 100). The
  value is the unit the plural multiplies and the qualifier is ``more_than``, because a plural
  guarantees more than one such unit: dozens -> 12, scores of -> 20, hundreds -> 100, thousands
  -> 1,000, tens of thousands -> 10,000, hundreds of thousands -> 100,000, millions ->
  1,000,000, several/a few hundred -> 100. A hedge word before them ("at least hundreds") wins.
  These phrases carry ``vague=True``: the gold convention does not count "dozens" as a figure.
* Skipped as not counts: years (1900-2100 after in/since/by/..., after a month, or without a
  plural noun after them), dates ("March 22", "22 March"), clock times ("10:30", "6am"),
  ordinals ("3rd", "twenty-first"), compound modifiers ("10-year-old", "7.0-magnitude",
  "two-day"), magnitudes ("magnitude 7.0"), money ("$5 million", "one million rubles"),
  identifiers ("Resolution 2728", "COVID-19", "G7", "No. 5"), ages ("aged 23"), ISO dates and
  version numbers, and numbers inside words. Bare "one" is kept only before a person noun
  ("one soldier") or after a hedge ("at least one"); "a"/"an" only before a scale word ("a
  million", "a dozen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.models import Qualifier as NumberQualifier
from newsbrief.text import number_context as _context


@dataclass(frozen=True)
class NumberPhrase:
    """A count found in a text; ``text == source[start:end]``.

    ``vague`` marks "dozens", "hundreds", "tens of thousands"...; ``unit_end`` is the offset
    just past the counted noun, so ``source[start:unit_end]`` is e.g. "over a million
    Palestinians" (None when there is no noun or the unit is "%").
    """

    start: int
    end: int
    text: str
    value: float
    qualifier: NumberQualifier
    upper: float | None
    unit: str | None
    vague: bool = False
    unit_end: int | None = None


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class _Core:
    value: float
    start: int  # token index of the first token
    end: int  # token index just past the last token
    scale: float  # the last scale word applied (1 when none)
    vague: bool = False
    bare_one: bool = False


_TOKEN_RE = re.compile(r"(?P<num>[0-9]+(?:,[0-9]+)*(?:\.[0-9]+)?)|(?P<word>[^\W\d_]+)|\S")

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_BIG = {
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
_MULT = {"hundred": 100.0, "dozen": 12.0, **_BIG}
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
_VAGUE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    **{k + "s": v for k, v in _BIG.items()},
}
_VAGUE_OF = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0}
_FEW = {"several", "few", "many"}

_PREFIXES: list[tuple[tuple[str, ...], NumberQualifier]] = [
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("not", "less", "than"), "at_least"),
    (("a", "minimum", "of"), "at_least"),
    (("at", "least"), "at_least"),
    (("in", "excess", "of"), "more_than"),
    (("more", "than"), "more_than"),
    (("greater", "than"), "more_than"),
    (("upwards", "of"), "more_than"),
    (("just", "over"), "more_than"),
    (("well", "over"), "more_than"),
    (("over",), "more_than"),
    (("above",), "more_than"),
    (("exceeding",), "more_than"),
    (("as", "many", "as"), "up_to"),
    (("no", "more", "than"), "up_to"),
    (("a", "maximum", "of"), "up_to"),
    (("fewer", "than"), "up_to"),
    (("less", "than"), "up_to"),
    (("at", "most"), "up_to"),
    (("up", "to"), "up_to"),
    (("under",), "up_to"),
    (("an", "estimated"), "approximately"),
    (("close", "to"), "approximately"),
    (("just", "under"), "approximately"),
    (("approx", "."), "approximately"),
    (("approximately",), "approximately"),
    (("approx",), "approximately"),
    (("about",), "approximately"),
    (("around",), "approximately"),
    (("roughly",), "approximately"),
    (("nearly",), "approximately"),
    (("almost",), "approximately"),
    (("some",), "approximately"),
    (("estimated",), "approximately"),
    (("a", "total", "of"), "exact"),
]

_PERSONS = frozenset(
    "person man woman child boy girl baby infant member soldier civilian officer policeman "
    "worker journalist student resident patient victim body passenger pilot militant fighter "
    "protester demonstrator citizen tourist migrant refugee firefighter rescuer guard doctor "
    "nurse teacher employee prisoner detainee hostage staffer".split()
)
_INVARIANT = frozenset(
    "people children men women police personnel staff livestock cattle sheep aircraft "
    "militia clergy youth crew".split()
)
_STATE_WORDS = frozenset("dead injured wounded missing displaced homeless hurt killed".split())
_ONE_UNITS = _PERSONS | _STATE_WORDS
_NOT_PLURAL = frozenset(
    "measles mumps rabies diabetes herpes news series this his its was has does goes always "
    "perhaps whereas besides across towards afterwards plus yes bus gas thus less unless "
    "includes".split()
)
_STOP = frozenset(
    "of in at on were was are is be been have has had and or to from for with who that which "
    "by the a an as per since including each more than their its his her our they it were "
    "would will could may might".split()
)

_I = re.IGNORECASE


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN_RE.finditer(text):
        kind = "num" if m.group("num") else "word" if m.group("word") else "punct"
        toks.append(_Tok(kind, m.group(), m.group().lower(), m.start(), m.end()))
    return toks


def _low(toks: list[_Tok], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


# "1.200 people": a dot before exactly three digits, with no scale word after, groups thousands
# as much of the world writes them; a count of people has no decimals.
_DOT_THOUSANDS = re.compile(r"^[1-9][0-9]{0,2}\.[0-9]{3}$")


def _digit_core(toks: list[_Tok], i: int) -> _Core | None:
    digits = toks[i].text.replace(",", "")
    if len(digits) > 18:
        return None
    value, scale, j = float(digits), 1.0, i + 1
    nxt = toks[j] if j < len(toks) else None
    grouped = _DOT_THOUSANDS.match(digits) and (nxt is None or nxt.start != toks[i].end)
    if grouped and _low(toks, j) not in _MULT:
        value = float(digits.replace(".", ""))
    if nxt is not None and nxt.start == toks[i].end and nxt.low in _SUFFIX:
        scale = _SUFFIX[nxt.low]
        value, j = value * scale, j + 1
    while _low(toks, j) in _MULT:
        scale = _MULT[_low(toks, j)]
        value, j = value * scale, j + 1
    return _Core(round(value, 6), i, j, scale)  # 1.1 lakh is 110000, not 110000.00000000001


def _vague_core(toks: list[_Tok], i: int) -> _Core | None:
    w = toks[i].low
    if w in _FEW or (w == "a" and _low(toks, i + 1) == "few"):
        k = i + (2 if w == "a" else 1)
        base = _MULT.get(_low(toks, k)) or _MULT.get(_low(toks, k).removesuffix("s"))
        if base is None:
            return None
        return _Core(base, i, k + 1, base, vague=True)
    if w in _VAGUE_OF and _low(toks, i + 1) == "of":
        outer = _low(toks, i + 2)
        if outer in _VAGUE and outer not in _VAGUE_OF:
            return _Core(_VAGUE_OF[w] * _VAGUE[outer], i, i + 3, _VAGUE[outer], vague=True)
    if w in _VAGUE and (w != "scores" or _low(toks, i + 1) == "of"):
        return _Core(_VAGUE[w], i, i + 1, _VAGUE[w], vague=True)
    return None


def _word_start(toks: list[_Tok], i: int) -> tuple[float, str, int] | None:
    """Value, state and next index for what may open a word number ("a", "half a")."""
    w = toks[i].low
    if w in ("a", "an") and _low(toks, i + 1) in _MULT:
        return 1.0, "unit", i + 1
    if w == "half" and _low(toks, i + 1) in ("a", "an") and _low(toks, i + 2) in _MULT:
        return 0.5, "unit", i + 2
    share = _QUARTERS.get((w, _low(toks, i + 1)))  # "a quarter of a million"
    if share is not None and _low(toks, i + 2) == "of" and _low(toks, i + 3) in ("a", "an"):
        if _low(toks, i + 4) in _MULT:
            return share, "unit", i + 4
    return None


_QUARTERS = {("a", "quarter"): 0.25, ("one", "quarter"): 0.25, ("three", "quarters"): 0.75}


_ALLOWED = {
    "unit": (None, "tens", "hundred", "big"),
    "teen": (None, "hundred", "big"),
    "tens": (None, "hundred", "big"),
    "hundred": ("unit", "teen", "tens"),
    "dozen": ("unit", "teen", "tens"),
    "big": ("unit", "teen", "tens", "hundred", "dozen"),
}


def _category(w: str) -> str | None:
    if w in _UNITS:
        return "unit"
    if w in _TEENS:
        return "teen"
    if w in _TENS:
        return "tens"
    if w in ("hundred", "dozen"):
        return w
    return "big" if w in _BIG else None


def _word_core(toks: list[_Tok], i: int) -> _Core | None:
    opened = _word_start(toks, i)
    total, current, scale = 0.0, 0.0, 1.0
    state: str | None = None
    j = end = i
    if opened is not None:
        current, state, j = opened
    while j < len(toks):
        w = toks[j].low
        if w in ("and", "-") and state in ("hundred", "big", "tens"):
            if (w == "and") == (state == "tens") or _category(_low(toks, j + 1)) is None:
                break
            j += 1
            continue
        cat = _category(w)
        if cat is None or state not in _ALLOWED[cat]:
            break
        if cat in ("unit", "teen", "tens"):
            current += _UNITS.get(w) or _TEENS.get(w) or _TENS[w]
        elif cat == "big":
            total, current, scale = total + current * _BIG[w], 0.0, _BIG[w]
        else:
            current, scale = current * _MULT[w], _MULT[w]
        state, j, end = cat, j + 1, j + 1
    if end == i:
        return None
    bare = end == i + 1 and toks[i].low == "one"
    return _Core(total + current, i, end, scale, bare_one=bare)


def _core(toks: list[_Tok], i: int) -> _Core | None:
    if i >= len(toks):
        return None
    if toks[i].kind == "num":
        return _digit_core(toks, i)
    if toks[i].kind != "word":
        return None
    return _vague_core(toks, i) or _word_core(toks, i)


def _prefix(toks: list[_Tok], i: int) -> tuple[NumberQualifier | None, int]:
    for words, qual in _PREFIXES:
        if all(_low(toks, i + k) == w for k, w in enumerate(words)):
            return qual, i + len(words)
    return None, i


_DASHES = ("-", "–", "—")


def _second(toks: list[_Tok], first: _Core, j: int, between: bool) -> _Core | None:
    """The upper bound of a range whose separator is at token ``j``, or None."""
    sep = _low(toks, j)
    seps = ("and", "to", *_DASHES) if between else ("to", "or", *_DASHES)
    if sep not in seps or first.vague:
        return None
    second = _core(toks, j + 1)
    if second is None or second.vague:
        return None
    if sep in _DASHES and (toks[first.end - 1].kind, toks[j + 1].kind) != ("num", "num"):
        return None
    return second


def _range_values(first: _Core, second: _Core) -> tuple[float, float] | None:
    low, high = first.value, second.value
    if first.scale == 1.0 and second.scale > 1.0 and low * second.scale <= high:
        low *= second.scale
    return (low, high) if high > low else None


@dataclass
class _Draft:
    start: int  # token index of the phrase start
    core: _Core
    end: int  # token index just past the phrase
    qualifier: NumberQualifier | None
    upper: float | None = None
    value: float = 0.0
    percent: bool = False


def _before_qualifier(toks: list[_Tok], start: int) -> int:
    """The index of the word before the number at `start` and any qualifier written before it."""
    for words, _ in _PREFIXES:
        begin = start - len(words)
        if begin >= 0 and all(_low(toks, begin + k) == w for k, w in enumerate(words)):
            return begin - 1
    return start - 1


def _with_range(toks: list[_Tok], draft: _Draft, between: bool) -> _Draft | None:
    second = _second(toks, draft.core, draft.end, between)
    if second is None:
        return None if between else draft
    if _low(toks, draft.end) == "to" and _low(toks, _before_qualifier(toks, draft.start)) == "from":
        return draft  # 'rose from (about) 300 to 412': a change, two numbers
    bounds = _range_values(draft.core, second)
    if bounds is None:
        return None if between else draft
    draft.value, draft.upper = bounds
    draft.end, draft.qualifier = second.end, "range"
    return draft


def _with_suffix(toks: list[_Tok], draft: _Draft) -> None:
    j = draft.end
    pair = (_low(toks, j), _low(toks, j + 1))
    if pair == ("or", "more") and draft.qualifier is None:
        draft.qualifier, j = "at_least", j + 2
    elif pair == ("or", "so") and draft.qualifier is None:
        draft.qualifier, j = "approximately", j + 2
    elif _low(toks, j) == "+" and toks[j].start == toks[j - 1].end and draft.qualifier is None:
        draft.qualifier, j = "at_least", j + 1
    if _low(toks, j) == "%":
        draft.percent, j = True, j + 1
    elif _low(toks, j) in ("percent", "pct"):
        draft.percent, j = True, j + 1
    elif (_low(toks, j), _low(toks, j + 1)) == ("per", "cent"):
        draft.percent, j = True, j + 2
    draft.end = j


def _draft(toks: list[_Tok], i: int) -> _Draft | None:
    qual, j = _prefix(toks, i)
    between = _low(toks, j) == "between"
    j += between
    core = _core(toks, j)
    if core is None:
        return None
    draft = _Draft(i, core, core.end, qual, value=core.value)
    result = _with_range(toks, draft, between)
    if result is not None:
        _with_suffix(toks, result)
    return result


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in _INVARIANT:
        return True
    if low in _NOT_PLURAL or len(low) < 3 or not word.isalpha():
        return False
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _unit(toks: list[_Tok], draft: _Draft) -> tuple[str | None, int | None]:
    if draft.percent:
        return "%", None
    j = draft.end
    if _low(toks, j) == "of" and (draft.core.vague or draft.core.scale > 1.0):
        j += 1
    first = toks[j] if j < len(toks) and toks[j].kind == "word" else None
    if first is not None and first.low in (_ONE_UNITS if draft.core.bare_one else _STATE_WORDS):
        after = toks[j + 1] if j + 1 < len(toks) and toks[j + 1].kind == "word" else None
        if after is None or not _is_plural(after.text) or after.low in _STOP:
            return first.text, first.end  # 'two dead', not 'two wounded soldiers'
        j += 1
    if first is not None and draft.core.bare_one and _one_of_a_kind(toks, j):
        return first.text, first.end
    found: tuple[str | None, int | None] = (None, None)
    for _ in range(4):
        if j >= len(toks) or toks[j].kind != "word" or toks[j].low in _STOP:
            break
        if _is_plural(toks[j].text):
            found = (toks[j].text, toks[j].end)
        elif found[0] is not None:
            break
        j += 1
        if _low(toks, j) == "-" and j + 1 < len(toks) and toks[j + 1].kind == "word":
            j += 1
    return found


def _one_of_a_kind(toks: list[_Tok], j: int) -> bool:
    """True for "one Canadian", "one French national", "one other person".

    A person named by a proper adjective or "other": a breakdown of a toll by nationality.
    """
    word = toks[j]
    if word.low == "other":
        return True
    if (
        not word.text[:1].isupper()
        or word.low in _context.MONTH_WORDS
        or word.low in _context.WEEKDAYS
    ):
        return False
    after = _low(toks, j + 1)
    return after in _ONE_UNITS or after in ("national", "citizen") or not after.isalpha()


def _is_year(text: str, toks: list[_Tok], draft: _Draft, unit: str | None) -> bool:
    tok = toks[draft.core.start]
    if tok.kind != "num" or draft.core.end != draft.core.start + 1:
        return False
    if draft.qualifier not in (None, "range"):
        return False
    return _context.is_year(text, tok.text, tok.start, unit)


def _not_a_count(text: str, toks: list[_Tok], draft: _Draft) -> bool:
    first, last = toks[draft.core.start], toks[draft.end - 1]
    core_last = toks[draft.core.end - 1]
    if _context.not_a_count(text, first.start, last.end, core_last.end):
        return True
    single = first.kind == "num" and draft.core.end == draft.core.start + 1
    return single and _context.is_date_day(text, first.text, first.start, first.end)


def _phrase(text: str, toks: list[_Tok], i: int, relaxed: bool) -> NumberPhrase | None:
    draft = _draft(toks, i)
    if draft is None or _not_a_count(text, toks, draft):
        return None
    unit, unit_end = _unit(toks, draft)
    if not relaxed and _is_year(text, toks, draft, unit):
        return None
    core = draft.core
    plain = draft.qualifier is None or draft.qualifier == "exact"
    if core.bare_one and plain and not relaxed and unit is None:
        return None
    if core.bare_one and plain and _low(toks, draft.start - 1) == "no":
        return None  # 'no one remains missing': a zero, told by the figure step's own reading
    qualifier: NumberQualifier = draft.qualifier or ("more_than" if core.vague else "exact")
    start, end = toks[draft.start].start, toks[draft.end - 1].end
    return NumberPhrase(
        start, end, text[start:end], draft.value, qualifier, draft.upper, unit, core.vague, unit_end
    )


def _scan(text: str, relaxed: bool) -> list[NumberPhrase]:
    toks = _tokenize(text)
    found = [p for i in range(len(toks)) if (p := _phrase(text, toks, i, relaxed)) is not None]
    found.sort(key=lambda p: (p.start - p.end, p.start))
    kept: list[NumberPhrase] = []
    for p in found:
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every count phrase in ``text``, sorted by start and non-overlapping (longest wins)."""
    return _scan(text, relaxed=False)


def parse_number(text: str) -> NumberPhrase | None:
    """The first count phrase in a short text such as a model's ``value_text``.

    Offsets are relative to ``text``. Bare "one" and year-like numbers are accepted here,
    since the caller has already said the text is a number.
    """
    found = _scan(text, relaxed=False) or _scan(text, relaxed=True)
    return found[0] if found else None


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_TENTHS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_DIGIT_ORDINAL = re.compile(r"^([0-9]+)(?:st|nd|rd|th)$", _I)


def ordinal_value(word: str) -> int | None:
    """The number an ordinal names ("sixteenth" -> 16, "twenty-first" -> 21, "3rd" -> 3)."""
    low = word.lower().strip()
    digits = _DIGIT_ORDINAL.match(low)
    if digits:
        return int(digits.group(1))
    if low in _ORDINALS or low in _TENTHS:
        return _ORDINALS.get(low) or _TENTHS[low]
    tens, _, unit = low.partition("-")
    if tens in _TENS and unit in _ORDINALS and _ORDINALS[unit] < 10:
        return _TENS[tens] + _ORDINALS[unit]
    return None
