"""Hand-built briefings and fake brief functions for the daily tests."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import ArticleEntry, DailyBriefing
from newsbrief.daily.run import run_daily
from newsbrief.errors import ModelCallError
from newsbrief.models import (
    ArticleInfo,
    Briefing,
    Evidence,
    Figure,
    Meeting,
    Meta,
    Party,
    PromptRef,
    Usage,
)
from newsbrief.settings import Settings
from newsbrief.text.article import Article


def ev(body: str, quote: str) -> list[Evidence]:
    start = body.index(quote)
    return [Evidence(quote=quote, start=start, end=start + len(quote))]


def meta(calls: int = 1, tokens: int = 100) -> Meta:
    return Meta(
        model="fake",
        backend="openai",
        strategy="whole",
        prompt=PromptRef(name="briefing", version="v1", hash="0" * 16),
        usage=Usage(prompt_tokens=tokens - 10, completion_tokens=10, total_tokens=tokens),
        model_calls=calls,
        attempts=calls,
    )


def briefing(body: str, title: str = "T", **facts: Any) -> Briefing:
    return Briefing(
        article=ArticleInfo(title=title),
        summary=f"Summary of {title}.",
        meta=meta(),
        **facts,
    )


def entry(aid: str, body: str, b: Briefing, published: dt.date | None = None) -> ArticleEntry:
    return ArticleEntry(
        id=aid, title=b.article.title, status="ok", briefing=b, body=body, published=published
    )


BODY_A = (
    "US and Israeli officials will hold a virtual meeting on Monday to discuss Rafah. "
    "At least 20 people were killed in Rafah, the health ministry said. "
    "Israel and Hamas traded accusations."
)
BODY_B = (
    "Officials from Israel and the United States meet on Monday by video call about "
    "alternatives to a Rafah offensive. Local officials said 35 people were killed in Rafah."
)


def rafah_pair() -> tuple[ArticleEntry, ArticleEntry]:
    """Two articles that report the same meeting and disagree on the death toll."""
    monday = dt.date(2024, 4, 1)
    a = briefing(
        BODY_A,
        "A",
        parties=[
            Party(name="Israel", kind="state", evidence=ev(BODY_A, "Israel and Hamas")),
            Party(name="Hamas", kind="armed_group", evidence=ev(BODY_A, "Hamas")),
        ],
        meetings=[
            Meeting(
                participants=["United States", "Israel"],
                date=monday,
                date_text="on Monday",
                date_precision="day",
                format="virtual",
                purpose="discuss Rafah",
                status="planned",
                evidence=ev(BODY_A, "will hold a virtual meeting on Monday to discuss Rafah"),
            )
        ],
        figures=[
            Figure(
                metric="killed",
                value=20,
                value_text="At least 20",
                qualifier="at_least",
                unit="people",
                place="Rafah",
                reported_by="health ministry",
                evidence=ev(BODY_A, "At least 20 people were killed in Rafah"),
            )
        ],
    )
    b = briefing(
        BODY_B,
        "B",
        parties=[Party(name="ISRAEL", kind="state", evidence=ev(BODY_B, "Israel"))],
        meetings=[
            Meeting(
                participants=["israel", "united states"],
                date=monday,
                date_text="on Monday",
                format="virtual",
                purpose="alternatives to a Rafah offensive",
                status="planned",
                evidence=ev(BODY_B, "meet on Monday by video call"),
            )
        ],
        figures=[
            Figure(
                metric="killed",
                value=35,
                value_text="35",
                place="rafah",
                reported_by="Local officials",
                evidence=ev(BODY_B, "35 people were killed in Rafah"),
            )
        ],
    )
    return entry("a", BODY_A, a, dt.date(2024, 3, 30)), entry("b", BODY_B, b, dt.date(2024, 3, 31))


class FakeBrief:
    """A brief_fn that counts calls, records concurrency and fails on request."""

    def __init__(
        self,
        fail: dict[str, BaseException] | None = None,
        delay: float = 0.0,
    ) -> None:
        self.calls: list[str] = []
        self.fail = fail or {}
        self.delay = delay
        self.in_flight = 0
        self.max_in_flight = 0

    async def __call__(self, article: Article, settings: Settings) -> Briefing:
        key = article.title or ""
        self.calls.append(key)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            if key in self.fail:
                raise self.fail[key]
            return briefing(article.body, key)
        finally:
            self.in_flight -= 1


def failing(message: str = "endpoint down after 4 attempts") -> ModelCallError:
    return ModelCallError(message, provider="openai", status=503, attempts=4)


DAY = dt.date(2024, 3, 30)  # the day the daily run tests brief


def make_inputs(*names: str, body: str = "Body of article {name}.") -> list[InputArticle]:
    """One input article per name, published on DAY, its body from the `body` template."""
    return [
        InputArticle(
            id=name,
            origin=f"{name}.txt",
            article=Article(body=body.format(name=name), title=name, published=DAY),
        )
        for name in names
    ]


def run_day(
    inputs: list[InputArticle],
    out: Path,
    settings: Settings,
    brief: Any,
    *,
    concurrency: int = 4,
    workers: int = 1,
    cache: BriefingCache | None = None,
) -> DailyBriefing:
    """`run_daily` over `inputs` for DAY with `brief` as the model, no progress bar."""
    return asyncio.run(
        run_daily(
            inputs,
            out,
            date=DAY,
            settings=settings,
            brief_fn=brief,
            progress=False,
            concurrency=concurrency,
            workers=workers,
            cache=cache,
        )
    )
