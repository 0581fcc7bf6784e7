"""What makes a number no count, read from the text around it: dates, money, clocks, ids.

`numbers` finds number phrases; this module says when the words beside one make it a year
("in 2019"), a day of a month ("March 3"), an amount of money, a time of day, a magnitude, an
identifier ("Route 66", "Flight 302"), an age, or part of a longer token ("COVID-19").
Offsets are into the text the numbers were found in.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_I = re.IGNORECASE
_BEFORE_MONTH = re.compile(rf"\b{_MONTH}\.?\s*$", _I)
# The second day of 'between July 10 and 12', 'on June 3-4': a range of days closed there.
_DAY_RANGE = re.compile(rf"\b{_MONTH}\.?\s*[0-9]{{1,2}}\s*(?:and|to|-|–)\s*$", _I)
_RANGE_END = re.compile(r"^\s*(?:[,.;:)]|$|[0-9]{4}\b)")
_AFTER_MONTH = re.compile(rf"^\s*(?:of\s+)?{_MONTH}\b", _I)
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|during|before|after|early|late|mid|of|year"
    rf"|spring|summer|autumn|fall|winter)[\s-]*|\b{_MONTH}\.?\s+(?:[0-9]{{1,2}},?\s+)?"
    rf"|[0-9]{{1,2}}\s+{_MONTH}\.?,?\s+)$",
    _I,
)
_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₹₽₪₺]|\b(?:usd|eur|gbp|inr|rs\.?|us\$|a\$|c\$|nz\$|hk\$))\s*$", _I
)
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:(?:us|u\.s\.|american|canadian|australian|hong\s+kong|new\s+zealand|singapore)\s+)?"
    r"(?:dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|rubles?|roubles?|francs?|dinars?"
    r"|shekels?|liras?|riyals?|dirhams?|pesos?|won|naira|rand|usd|eur|gbp|bucks)\b",
    _I,
)
_CLOCK_AFTER = re.compile(
    r"^\s*(?:[ap]\.?\s?m\b\.?|o['’]clock|gmt|utc|hrs\b|local\s+time|hours\s+local)", _I
)
_MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|mw|richter)(?:\s+of)?[\s-]*$", _I)
_MAGNITUDE_AFTER = re.compile(r"^[\s-]*(?:magnitude|on\s+the\s+richter)", _I)
_ID_BEFORE = re.compile(
    r"(?:#|\b(?:nos?\.|number|resolution|article|route|flight|highway|category|level|phase"
    r"|page|chapter|section|room|seat|gate|platform|terminal|unit|paragraph|clause|version"
    r"|channel|episode|season|stage|tier|grade|row|track|apollo|top|aged|age|ages|age\s+of"
    r"|covid|code|model|district|ward|zone|sector|block|bill|law|act)\s*)$",
    _I,
)
_AGE_AFTER = re.compile(r"^[\s-]*years?[\s-]+old\b", _I)
_AGES_BEFORE = re.compile(r"\baged\s+(?:between\s+)?(?:\d+\s*(?:and|or|to|-)\s*)?$", _I)
_MEASURE_AFTER = re.compile(
    r"^[\s-]*(?:degrees?|°|km|kilomet(?:re|er)s?|met(?:re|er)s?|miles?|feet|ft|kg|kilograms?"
    r"|tonnes?|tons?|hectares?|acres?|mm|cm|litres?|liters?|km/h|mph|knots?)\b",
    _I,
)
_GLUED_BEFORE = re.compile(r"(?:[^\W\d_]-?|[0-9][-/.:,–]|[/:.#@])$")
_GLUED_AFTER = re.compile(r"^(?:-?[^\W\d_]|[:/.][0-9]|[-–][0-9])")

MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def is_year(text: str, digits: str, start: int, unit: str | None) -> bool:
    """Whether the four digits at `start` are a year ("in 2019", or a bare 2019 with no unit).

    An older year counts only with no unit and a word of time before it: "since 1865", "in
    1597"; not "in 1500 homes".
    """
    if len(digits) != 4 or not digits.isdigit() or not 1000 <= int(digits) <= 2100:
        return False
    before = text[max(0, start - 30) : start]
    if int(digits) < 1900:
        return unit is None and bool(_YEAR_BEFORE.search(before))
    return unit is None or unit == "%" or bool(_YEAR_BEFORE.search(before))


def is_date_day(text: str, digits: str, start: int, end: int) -> bool:
    """Whether the number at `start:end` is a day of a month ("March 3", "3 March").

    Or the last day of a range that a stop or a year closes ("between July 10 and 12,"); not
    "on March 3 and 12 more were hurt".
    """
    if not digits.isdigit() or not 1 <= int(digits) <= 31:
        return False
    before = text[max(0, start - 22) : start]
    if _DAY_RANGE.search(before) and _RANGE_END.match(text[end : end + 6]):
        return True
    return bool(_BEFORE_MONTH.search(before) or _AFTER_MONTH.search(text[end : end + 14]))


def not_a_count(text: str, start: int, end: int, core_end: int) -> bool:
    """Whether the words around the phrase at `start:end` make it money, a time, an id...

    `core_end` is where the number itself ends (before a unit word such as "people").
    """
    before = text[max(0, start - 24) : start]
    after = text[end : end + 40]
    if _GLUED_BEFORE.search(before) or _GLUED_AFTER.search(after):
        return True
    core_after = text[core_end : core_end + 40]
    checks = (
        _CURRENCY_BEFORE.search(before),
        _CURRENCY_AFTER.search(after),
        _CURRENCY_AFTER.search(core_after),
        _CLOCK_AFTER.search(after),
        _MAGNITUDE_BEFORE.search(before),
        _MAGNITUDE_AFTER.search(after),
        _ID_BEFORE.search(before),
        _AGE_AFTER.search(after),
        _AGES_BEFORE.search(before),  # "aged 68 and 41", "aged between 2 and 29"
        _MEASURE_AFTER.search(core_after),  # "above 47 degrees", "about 6,200 metres"
    )
    return any(m is not None for m in checks)
