"""Figures: number phrases that count people harmed or helped, labelled by cue or by the model."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from newsbrief.models import Evidence, Figure, Metric
from newsbrief.strategies.candidates.context import Context, Sentence, ev, messages, news_sentences
from newsbrief.text import entities as _entities
from newsbrief.text import numbers as _numbers

_NOT_COUNT_UNITS = re.compile(
    r"^(minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|percent|%|"
    r"dollars?|euros?|pounds?|km|kilometres?|kilometers?|miles?|metres?|meters?|times|"
    r"points?|seats?|votes?|officials?|sources?|troops?|soldiers?|magnitude)$",
    re.IGNORECASE,
)


_FORCE_UNITS = re.compile(r"^(troops?|soldiers?|servicemen|police(?:men)?|officers?)$", re.I)


class FigureAnswer(BaseModel):
    """What a number in a passage counts."""

    metric: Metric | Literal["none"] = Field(
        description="What the number counts; none if not a humanitarian count."
    )
    place: str | None = Field(default=None, description="Place the figure applies to, or null.")

    @classmethod
    def abstain(cls) -> FigureAnswer:
        """Code's answer without a model: a count of something humanitarian, kind unknown."""
        return cls(metric="other")


_NOT_HUMANITARIAN = re.compile(
    r"\b(voted|voters?|votes|turnout|ballots?|budget|price|shares|stake|revenue|profit|"
    r"dollars|euros|magnitude|Richter|kilomet\w+|miles|degrees|percent|per cent|km)\b|[$€£%]",
    re.I,
)


def _is_count(phrase: _numbers.NumberPhrase, after: str, window: str) -> bool:
    unit = (phrase.unit or "").strip()
    if phrase.vague:
        return False
    if _FORCE_UNITS.match(unit) and _metric_cue(_near(phrase, after, window)):
        return True  # the casualty word wins over the troops/soldiers unit
    if unit and _NOT_COUNT_UNITS.match(unit):
        return False
    if phrase.value != int(phrase.value) and phrase.value < 100 and not unit:
        return False  # 6.6, 7.2: magnitudes and ratios, not counts
    if 1000 <= phrase.value <= 2100 and phrase.qualifier == "exact" and not unit:
        return False  # a year
    if _metric_cue(window):
        return True
    if _NOT_HUMANITARIAN.search(window):
        return False
    if any(_NOT_COUNT_UNITS.match(w.strip(".,;:")) for w in after.split()[:2]):
        return False
    return phrase.value >= 20 or phrase.qualifier != "exact"


def _near(phrase: _numbers.NumberPhrase, after: str, window: str) -> str:
    """The two words before the number, the number and the three words after it."""
    tail = after[:60]
    head = window[: len(window) - len(tail)] if tail else window
    if head.endswith(phrase.text):
        head = head[: len(head) - len(phrase.text)]
    return " ".join([*head.split()[-2:], phrase.text, *after.split()[:3]])


_METRIC_CUES: tuple[tuple[Metric, re.Pattern[str]], ...] = (
    (
        "killed",
        re.compile(r"\b(killed|dead|died|deaths?|death toll|lives|fatalities|bodies)\b", re.I),
    ),
    (
        "wounded",
        re.compile(r"\b(wounded|injured|injuries|hurt|hospitali[sz]ed|casualties)\b", re.I),
    ),
    ("missing", re.compile(r"\b(missing|unaccounted|under the rubble|trapped)\b", re.I)),
    ("detained", re.compile(r"\b(detained|arrested|detention|held captive|hostages?)\b", re.I)),
    (
        "displaced",
        re.compile(
            r"\b(displaced|fled|refuge|evacuated|homeless|refugees?|sheltering|evacuees)\b", re.I
        ),
    ),
    ("population", re.compile(r"\b(home to|inhabitants|residents|population|live in)\b", re.I)),
    (
        "aid",
        re.compile(
            r"\b(vaccinated|vaccines?|vaccinations?|immuni[sz]ed|aid|food|supplies)\b", re.I
        ),
    ),
    (
        "other",
        re.compile(
            r"\b(cases|infected|infections?|damaged|destroyed|collapsed|buildings|homes|houses|"
            r"apartments|rescuers|survivors|rescued)\b",
            re.I,
        ),
    ),
)


def _metric_cue(window: str, center: int | None = None) -> Metric | None:
    """The metric named nearest the number ('killed', 'sought refuge'); None if none or a tie.

    `center` is the number's offset in `window` (default: the window's middle).
    """
    middle = len(window) // 2 if center is None else center
    hits = sorted(
        (min(abs(m.start() - middle), abs(m.end() - middle)), metric)
        for metric, cue in _METRIC_CUES
        for m in cue.finditer(window)
    )
    if not hits:
        return None
    tied = {metric for distance, metric in hits if distance == hits[0][0]}
    return hits[0][1] if len(tied) == 1 else None


async def find_figures(ctx: Context) -> list[Figure]:
    """Figures from number phrases that count people or damage, labelled by cue or model."""
    figures: list[Figure] = []
    for sentence in news_sentences(ctx):
        for phrase in _numbers.find_numbers(sentence.text):
            left = max(0, phrase.start - 60)
            window = sentence.text[left : phrase.end + 60]
            if not _is_count(phrase, sentence.text[phrase.end :], window):
                continue
            middle = (phrase.start + phrase.end) // 2 - left
            cued = _metric_cue(window, middle)
            answer = (
                FigureAnswer(metric=cued)
                if cued
                else await ctx.ask(
                    FigureAnswer,
                    messages(ctx, "figure", sentence=sentence.text, number=phrase.text),
                    48,
                )
            )
            if answer.metric != "none":
                figures.append(_figure(ctx, sentence, phrase, answer.metric, answer.place))
    return figures


def _figure(
    ctx: Context,
    sentence: Sentence,
    phrase: _numbers.NumberPhrase,
    metric: Metric,
    answered_place: str | None,
) -> Figure:
    place = answered_place if answered_place and answered_place in sentence.text else None
    if place is None:
        place = next((n for n, k in ctx.kinds.items() if k == "place" and n in sentence.text), None)
    return Figure(
        metric=metric,
        value=phrase.value,
        value_text=phrase.text,
        qualifier=phrase.qualifier,
        upper=phrase.upper,
        unit=phrase.unit,
        place=place,
        reported_by=_reporter(ctx, sentence),
        evidence=[_clause_ev(ctx.job.body, sentence, phrase.start, phrase.end)],
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


def _reporter(ctx: Context, sentence: Sentence) -> str | None:
    for source in _entities.cited_sources(sentence.text):
        return ctx.names.resolve(source.text) or source.text
    return None
