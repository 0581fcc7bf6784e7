"""Date expressions in news text, resolved against the article's publication date.

A model is bad at calendar arithmetic, so code does it: the words stay as written, the date is
computed here, and a precision says how exactly the words pin the date down.

Rules (``published`` is the publication date):

* Weekday names ("Monday", "on Monday", "this Monday", "Friday night"): future tense -> the
  first such day strictly after ``published``; past or unknown tense -> the last such day
  strictly before it. "next"/"coming" force the future reading and "last"/"past"/"previous"
  the past one, whatever the tense. A weekday equal to the publication weekday is the
  publication day itself in the past or unknown tense ("said on Saturday" in a Saturday
  paper is that day, the news convention) and a week ahead in the future tense, unless the
  words keep it on the same day ("this Saturday", "later on Saturday", "earlier on
  Saturday"); "last" and "next" always move a week. "on Tuesday last week" (this/next
  week) is that weekday of the calendar week named (weeks start on Monday). The "nearest"
  tense (a day a meeting was set for before it was called off or moved) takes whichever of
  the two is nearer.
* A day of the month alone ("on the 14th"): that day in this month, the month before or the
  month after, by the tense as for a month and day. Precision "day".
* "today", "tonight", "this morning" -> ``published``; "yesterday", "last night" -> -1 day;
  "tomorrow" -> +1 day; "N days ago" -> -N days. Precision "day".
* Month and day without a year ("March 22", "22 March", "on October 8"): past tense -> the
  latest such date on or before ``published``; future -> the earliest on or after it; unknown
  -> the nearest one (so within about six months). Precision "day". One guard, because tense
  is guessed from the sentence: when the tense's choice is over six months away and the other
  reading is within a month, the nearer one wins ("the debate, which was slated for October
  15, has been cancelled" in an article of 2020-10-12 is 2020-10-15, not 2019-10-15).
  A year word after it fixes the year: "March 20 last year", "on 5 May next year".
* A holiday on a fixed day ("on Christmas Day", "New Year's Eve", "Boxing Day") is that month
  and day, its year chosen the same way. Precision "day".
* A full date ("March 22, 2024", "22 March 2024", "2024-03-22") is returned even without a
  publication date, since it needs none.
* "last/this/next week", "the following week", "earlier this week", "the week after next"
  -> (None, "week");
  likewise for month and year; "in March", "March 2024" -> (None, "month"); "in 2023" ->
  (None, "year").
* Dates told from another date ("that day", "that afternoon", "in the evening", "the next
  day", "three days later", "the day before") -> (None, "day") with ``offset`` (days after
  that other date); dates told from another event ("the day the debate was to be held", "the
  eve of the summit") also name the ``event`` noun. ``anchored(phrase, date)`` resolves them
  once the caller knows the date.
* Without a publication date, relative expressions give no date but keep their precision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newsbrief.models import DatePrecision as Precision

Tense = Literal["past", "future", "unknown", "nearest"]
Resolved = tuple[dt.date | None, Precision]


@dataclass(frozen=True)
class DatePhrase:
    """A date expression found in a text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: Precision
    offset: int | None = None  # days after an earlier date the text refers to ("that day": 0)
    event: str | None = None  # the event that date is told from ("the day of the summit")


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()

_WD = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FULL_MONTH = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_ANY_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>1[89][0-9]{2}|2[01][0-9]{2})\b"
_ON_WD = rf"(?:\b(?i:on)\s+)?(?:\b(?P<wd>{_WD}),?\s+)?"

_REL_YEAR = r"(?:,?\s+(?P<rel_year>(?i:last|this|next|the\s+previous|the\s+following)\s+year)\b)?"
_NUM = (
    r"(?:[0-9]{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few|several|a\s+couple\s+of))"
)
_EVENT = (
    r"(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?P<event>(?i:meeting|meet|talks|summit"
    r"|conference|convention|debate|call|negotiations|vote|election|referendum|hearing|rally"
    r"|ceremony|visit|attack|bombing|shooting|earthquake|storm|fire|crash|explosion))\b"
)

_PATTERNS: dict[str, str] = {
    "iso": r"\b(?P<year>[12][0-9]{3})-(?P<month>[01]?[0-9])-(?P<day>[0-3]?[0-9])\b",
    "slash": r"\b(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<year>[12][0-9]{3})\b",
    "mdy": rf"{_ON_WD}\b(?P<month>{_ANY_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?{_REL_YEAR}",
    "dmy": rf"{_ON_WD}(?:\b(?i:the)\s+)?\b{_DAY}\s+(?:(?i:of)\s+)?(?P<month>{_ANY_MONTH})"
    rf"(?:,?\s+{_YEAR})?{_REL_YEAR}",
    "month": r"\b(?i:(?:in\s+)?(?:early|late|mid-?)|in|since|during|until|by|before|after|last"
    rf"|this|next)\s*\b(?P<month>{_FULL_MONTH})\b(?!\s+{_DAY})(?:,?\s+{_YEAR})?",
    "month_year": rf"\b(?P<month>{_FULL_MONTH}),?\s+{_YEAR}",
    "year": r"\b(?i:(?:in\s+)?(?:early|late|mid-?)|in|since|during|until|by|before|after)"
    rf"\s*{_YEAR}(?![,.]?[0-9])",
    "weekday": r"(?:\b(?P<same>(?i:later|earlier))\s+)?(?:\b(?i:on)\s+)?(?:\b(?P<mod>(?i:this"
    r"\s+coming|this|next|last|coming|past|previous))\s+)?\b"
    rf"(?P<wd>{_WD})\b(?:\s+(?i:morning|afternoon|evening|night)\b)?"
    r"(?:,?\s+(?P<week>(?i:last|this|next))\s+(?i:week)\b)?",
    "dayword": r"\b(?P<rel>(?i:(?:earlier|later)\s+today|today|tonight|this\s+(?:morning"
    r"|afternoon|evening)|yesterday|last\s+night|tomorrow|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow))\b",
    "period": r"\b(?i:(?:earlier|later)\s+this|this|last|next|the\s+(?:following|previous"
    r"|past|coming|same|next))\s+(?P<unit>(?i:week|weekend|month|year))\b"
    r"|\b(?i:the)\s+(?P<far>(?i:week|month|year))\s+(?i:after\s+next|before\s+last)\b",
    "ago": r"\b(?P<n>[0-9]{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+few|several|a\s+couple\s+of))\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+"
    r"(?i:ago)\b",
    "anaphor": r"\b(?i:that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|the\s+same"
    r"\s+(?:day|morning|afternoon|evening|night)|(?:later|earlier)\s+in\s+the\s+day"
    r"|in\s+the\s+(?:morning|afternoon|evening)"
    r"(?!\s+(?i:on|of)\s)"
    r"|the\s+(?P<step>following|next|previous)\s+day|the\s+day\s+(?P<side>before|after))\b",
    "later": rf"\b(?P<n>{_NUM})\s+(?i:days?)\s+(?P<dir>(?i:later|earlier))\b"
    r"|\b(?i:a)\s+(?i:day)\s+(?P<dir1>(?i:later|earlier))\b",
    "holiday": r"\b(?i:on\s+)?(?P<holiday>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)"
    r"|Boxing\s+Day)\b",
    "nth": r"\b(?i:on\s+)?(?i:the)\s+(?P<nth>[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th)\b"
    r"(?=\s*[,.;:)]|\s*$|\s+(?i:to|and|at|in|for|when|with|but|after|before|or|of\s+this"
    r"\s+month)\b)",
    "event": r"\b(?i:on\s+)?(?i:the\s+)(?P<unit>(?i:day|eve|morning|evening|night))\s+"
    r"(?:(?P<side>(?i:before|after))\s+)?(?:(?i:of|that|when|on\s+which)\s+)?"
    rf"{_EVENT}(?:\s+(?:(?i:was|were|is|are|had\s+been|would\s+have\s+been)\s+(?:(?i:due"
    r"|scheduled|set|supposed|planned|expected)\s+)?)?(?i:to\s+(?:be\s+held|take\s+place|happen"
    r"|start|begin|open)|held|took\s+place|happened|began|opened)\b)?",
}
# Only for resolve(): a whole expression that is just a month or a year.
_BARE: dict[str, str] = {
    "bare_month": rf"^\s*(?P<month>{_FULL_MONTH})\s*$",
    "bare_year": rf"^\s*{_YEAR}\s*$",
}
_FIND_RULES = [(name, re.compile(p)) for name, p in _PATTERNS.items()]
_RESOLVE_RULES = [(name, re.compile(p, re.IGNORECASE)) for name, p in (_PATTERNS | _BARE).items()]

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DAY_OFFSETS = {"yesterday": -1, "last night": -1, "tomorrow": 1}
_DAY_OFFSETS |= {"the day before yesterday": -2, "the day after tomorrow": 2}


_FAR_DAYS, _NEAR_DAYS = 183, 31


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _month_index(name: str) -> int:
    low = name.lower().rstrip(".")
    return next(i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(low[:3]))


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _choose_year(month: int, day: int, published: dt.date, tense: Tense) -> dt.date | None:
    options = [
        d for y in range(published.year - 4, published.year + 5) if (d := _make(y, month, day))
    ]
    before = [d for d in options if d <= published]
    after = [d for d in options if d >= published]
    if tense == "past" and before and not _implausible(before[-1], after, published):
        return before[-1]
    if tense == "future" and after and not _implausible(after[0], before[::-1], published):
        return after[0]
    return min(options, key=lambda d: (abs((d - published).days), d), default=None)


def _implausible(chosen: dt.date, others: list[dt.date], published: dt.date) -> bool:
    """A yearless date over six months off, when the other reading is within a month."""
    far = abs((chosen - published).days) > _FAR_DAYS
    return far and bool(others) and abs((others[0] - published).days) <= _NEAR_DAYS


def _shift(published: dt.date, delta: relativedelta) -> dt.date | None:
    try:
        return published + delta
    except (OverflowError, ValueError):  # beyond year 1 or 9999
        return None


def _iso(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    date = _make(int(m["year"]), int(m["month"]), int(m["day"]))
    return (date, "day") if date else (None, "unknown")


def _slash(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a == b or a > 12 or b > 12:
        date = _make(year, b, a) if a > 12 else _make(year, a, b)
        return (date, "day") if date else (None, "unknown")
    return None, "day"  # 03/04/2024: day-first or month-first cannot be told apart


_REL_YEARS = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}


def _month_day(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    month, day = _month_index(m["month"]), int(m["day"])
    if m["year"]:
        date = _make(int(m["year"]), month, day)
        return (date, "day") if date else (None, "unknown")
    if _make(2024, month, day) is None:  # 2024 is a leap year: only impossible days fail
        return None, "unknown"
    if published is None:
        return None, "day"
    if m["rel_year"]:
        shift = _REL_YEARS[_norm(m["rel_year"]).removesuffix(" year")]
        return _make(published.year + shift, month, day), "day"
    return _choose_year(month, day, published, tense), "day"


# Holidays on a fixed day of the year: (month, day).
_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "boxing day": (12, 26),
}


def _holiday(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    """'On Christmas Day': that day of the year, its year chosen as for a month and day."""
    month, day = _HOLIDAYS[_norm(m["holiday"]).replace("’", "'")]
    if published is None:
        return None, "day"
    return _choose_year(month, day, published, tense), "day"


def _nth(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    """'On the 14th': that day of this month, or of the next or last month by the tense."""
    if published is None:
        return None, "day"
    day = int(m["nth"])
    months = [published + relativedelta(months=k, day=1) for k in (-1, 0, 1)]
    options = [d for first in months if (d := _make(first.year, first.month, day))]
    before = [d for d in options if d <= published]
    after = [d for d in options if d >= published]
    if tense == "past" and before:
        return before[-1], "day"
    if tense == "future" and after:
        return after[0], "day"
    return min(options, key=lambda d: (abs((d - published).days), d), default=None), "day"


def _weekday(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    if published is None:
        return None, "day"
    mod = _norm(m["mod"] or "")
    if mod.endswith(("next", "coming")):
        tense = "future"
    elif mod in ("last", "past", "previous"):
        tense = "past"
    day = _WEEKDAYS[_WEEKDAY_NAMES.index(m["wd"].lower())]
    if m["week"]:  # "on Tuesday last week": that weekday of the calendar week named
        weeks = {"last": -1, "this": 0, "next": 1}[m["week"].lower()]
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=weeks, days=day.weekday), "day"
    same = bool(m["same"]) or mod == "this"
    if published.weekday() == day.weekday and (same or (not mod and tense != "future")):
        return published, "day"
    if tense == "nearest":  # 'planned for Wednesday, was called off': the day nearest
        ahead = (day.weekday - published.weekday()) % 7
        tense = "future" if ahead <= 3 else "past"
    if tense == "future":
        return _shift(published, relativedelta(days=+1, weekday=day(+1))), "day"
    return _shift(published, relativedelta(days=-1, weekday=day(-1))), "day"


def _dayword(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    if published is None:
        return None, "day"
    return _shift(published, relativedelta(days=_DAY_OFFSETS.get(_norm(m["rel"]), 0))), "day"


def _period(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    unit = _norm(m["unit"] or m["far"])
    if unit == "weekend":
        return None, "week"
    return None, "month" if unit == "month" else "year" if unit == "year" else "week"


def _ago(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
    unit = _norm(m["unit"]).rstrip("s")
    count = _NUMBER_WORDS.get(_norm(m["n"])) or (int(m["n"]) if m["n"].isdigit() else None)
    if unit != "day":
        return None, "week" if unit == "week" else "month" if unit == "month" else "year"
    if published is None or count is None:
        return None, "day"
    return _shift(published, relativedelta(days=-count)), "day"


def _fixed(precision: Precision) -> Callable[[re.Match[str], dt.date | None, Tense], Resolved]:
    def handler(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolved:
        return None, precision

    return handler


_HANDLERS: dict[str, Callable[[re.Match[str], dt.date | None, Tense], Resolved]] = {
    "iso": _iso,
    "slash": _slash,
    "mdy": _month_day,
    "dmy": _month_day,
    "month": _fixed("month"),
    "month_year": _fixed("month"),
    "bare_month": _fixed("month"),
    "year": _fixed("year"),
    "bare_year": _fixed("year"),
    "weekday": _weekday,
    "nth": _nth,
    "holiday": _holiday,
    "dayword": _dayword,
    "period": _period,
    "ago": _ago,
    "anaphor": _fixed("day"),
    "later": _fixed("day"),
    "event": _fixed("day"),
}


def _count(word: str) -> int | None:
    norm = _norm(word)
    if norm.isdigit():
        return int(norm)
    return _NUMBER_WORDS.get(norm) or {"eleven": 11, "twelve": 12, "a couple of": 2}.get(norm)


def _relation(name: str, m: re.Match[str]) -> tuple[int | None, str | None]:
    """The offset in days from another date, and the event named, of a relative phrase."""
    if name == "anaphor":
        step = _norm(m["step"] or m["side"] or "")
        return (-1 if step in ("previous", "before") else 1 if step else 0), None
    if name == "later":
        back = _norm(m["dir"] or m["dir1"]) == "earlier"
        count = _count(m["n"]) if m["n"] else 1
        return ((count or 0) * (-1 if back else 1) if count else None), None
    if name == "event":
        side = _norm(m["side"] or "")
        offset = -1 if side == "before" or _norm(m["unit"]) == "eve" else 1 if side else 0
        return offset, m["event"].lower()
    return None, None


def _scan(text: str, published: dt.date | None, tense: Tense, *, lenient: bool) -> list[DatePhrase]:
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _RESOLVE_RULES if lenient else _FIND_RULES:
        found.extend((m.start(), m.end(), name, m) for m in pattern.finditer(text) if m.group())
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[DatePhrase] = []
    for start, end, name, m in found:
        if all(end <= k.start or start >= k.end for k in kept):
            date, precision = _HANDLERS[name](m, published, tense)
            offset, event = _relation(name, m)
            kept.append(DatePhrase(start, end, text[start:end], date, precision, offset, event))
    return sorted(kept, key=lambda p: p.start)


def anchored(phrase: DatePhrase, anchor: dt.date | None) -> DatePhrase:
    """A phrase told from another date ("that day", "two days later"), resolved from it."""
    if phrase.offset is None or anchor is None:
        return phrase
    date = _shift(anchor, relativedelta(days=phrase.offset))
    return dataclasses.replace(phrase, date=date, precision="day")


def find_dates(
    text: str, published: dt.date | None = None, tense: Tense = "unknown"
) -> list[DatePhrase]:
    """Date expressions in ``text``, sorted by start, non-overlapping (longest wins).

    Month and weekday names must be capitalised, so "may" and "march" as verbs are not dates.
    Each phrase is resolved against ``published`` with the given tense.
    """
    return _scan(text, published, tense, lenient=False)


def resolve(text: str, published: dt.date | None, *, tense: Tense = "unknown") -> Resolved:
    """Resolve one date expression (as a model or an article writes it) to a date.

    Returns ``(date, precision)``; ``(None, "unknown")`` when the text holds no date.
    Case does not matter here; the longest date expression in ``text`` is used.
    """
    found = _scan(text, published, tense, lenient=True)
    if not found:
        return None, "unknown"
    best = max(found, key=lambda p: p.end - p.start)
    return best.date, best.precision


_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|is\s+to\s+(?:be|take|hold|meet|begin|start)"
    r"|(?:is|are|am)\s+going\s+to|(?:is|are)\s+(?:set|scheduled|due|expected|planned|slated"
    r"|poised|about)\s+(?:to|for)|plans?\s+to|planning\s+to|intends?\s+to|upcoming"
    r"|next\s+(?:week|month|year)|tomorrow)\b|['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|met|held|said|told|spoke|took|came|went|gave|made|saw|began"
    r"|ended|agreed|sent|left|won|lost|killed|yesterday|ago|last\s+(?:week|month|year|night))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_NOT_PAST_ED = frozenset("need speed indeed hundred seed feed breed bleed exceed proceed".split())
_PRESENT_AUX = frozenset("is are am be being".split())


def infer_tense(sentence: str) -> Tense:
    """Guess whether a sentence reports the past or announces the future.

    Future markers win, because reported speech puts a past verb around a future event
    ("officials said the meeting will take place on Monday"): will, shall, won't, 'll, is/are
    going to, is/are set/scheduled/due/expected/planned/slated to (or for), plans to, intends
    to, upcoming, next week/month/year, tomorrow. Otherwise past markers: was, were, had,
    did, common irregular past verbs (met, held, said, told...), yesterday, ago, last week,
    or a lower-case regular "-ed" verb not after is/are/be. Otherwise "unknown".
    """
    if _FUTURE.search(sentence):
        return "future"
    if _PAST.search(sentence):
        return "past"
    words = _WORD.findall(sentence)
    for before, word in zip(["", *words], words, strict=False):
        if len(word) < 5 or not word.endswith("ed") or not word.islower():
            continue
        if word not in _NOT_PAST_ED and before.lower() not in _PRESENT_AUX:
            return "past"
    return "unknown"


_AHEAD = re.compile(
    r"\b(?:next|coming|upcoming|tomorrow|later\s+(?:this|today|tonight))\b", re.IGNORECASE
)
_BEHIND = re.compile(r"\b(?:last|earlier|ago|yesterday|previous|past)\b", re.IGNORECASE)


def direction(phrase: str) -> Literal["ahead", "behind"] | None:
    """Whether a relative date phrase points after or before the publication day.

    "next week", "later this month", "later today", "the coming days" are ahead; "last
    week", "earlier this month", "two days ago" are behind; a phrase with neither (or both),
    or one told from another day ("the following week", "later that day"), says nothing.
    """
    ahead, behind = bool(_AHEAD.search(phrase)), bool(_BEHIND.search(phrase))
    if ahead == behind:
        return None
    return "ahead" if ahead else "behind"
