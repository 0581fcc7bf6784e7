"""The DailyBriefing contract (daily schema v1): many articles, one day, merged views."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from newsbrief.models import (
    Briefing,
    DatePrecision,
    MeetingFormat,
    MeetingStatus,
    Metric,
    PartyKind,
    Qualifier,
)

DAILY_SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleEntry(_Model):
    """One input article of the day and what became of it."""

    id: str = Field(description="Stable id of the input (file stem, record id or URL slug).")
    title: str | None = Field(default=None, description="Headline, if known.")
    url: str | None = Field(default=None, description="Where the article was published.")
    source: str | None = Field(default=None, description="Publisher or feed of the article.")
    published: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    origin: str | None = Field(
        default=None, description="Where the input was read from (path, record or stdin line)."
    )
    status: Literal["ok", "error"] = Field(description="'ok' when briefed, 'error' otherwise.")
    briefing: Briefing | None = Field(default=None, description="The briefing when status is ok.")
    error: str | None = Field(default=None, description="One-line reason when status is error.")
    body: str | None = Field(
        default=None, description="The article body the evidence offsets refer to."
    )


class SourcedEvidence(_Model):
    """A verbatim span of one article's body, tagged with that article's id."""

    article_id: str = Field(description="Id of the article the span comes from.")
    quote: str = Field(description="Verbatim text of that article's body.")
    start: int = Field(ge=0, description="Character offset of the quote's start in that body.")
    end: int = Field(ge=0, description="Character offset just past the quote's end.")


class PartyEntry(_Model):
    """A party named by one or more articles of the day."""

    name: str = Field(description="Canonical name (as first reported).")
    kind: PartyKind = Field(description="What sort of actor it is (most frequently reported).")
    aliases: list[str] = Field(default_factory=list, description="Other names used for it.")
    mention_count: int = Field(
        description="Evidence spans naming it over all articles (at least one per article)."
    )
    article_ids: list[str] = Field(description="Ids of the articles that name it.")


class CalendarEntry(_Model):
    """One meeting, merged over every article that reports it."""

    date: dt.date | None = Field(default=None, description="Resolved date, or null if unknown.")
    date_text: str | None = Field(default=None, description="The date as first written.")
    date_precision: DatePrecision = Field(default="unknown", description="Precision of the date.")
    participants: list[str] = Field(description="Union of participants over all reports.")
    format: MeetingFormat = Field(default="unknown", description="How it takes place.")
    location: str | None = Field(default=None, description="Where it takes place, if stated.")
    purpose: str | None = Field(default=None, description="What it is about, as first reported.")
    status: MeetingStatus = Field(description="Status as reported by the latest article.")
    statuses: dict[str, MeetingStatus] = Field(
        default_factory=dict, description="Status as each article reports it, by article id."
    )
    article_ids: list[str] = Field(description="Ids of every article that reports the meeting.")
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="Every article's evidence for the meeting."
    )


class FigureEntry(_Model):
    """One figure as one article reports it, flagged when another article disagrees."""

    article_id: str = Field(description="Id of the article that reports the figure.")
    metric: Metric = Field(description="What is counted.")
    value: float = Field(description="The number stated; the lower bound of a range.")
    value_text: str = Field(description="The number phrase exactly as written.")
    qualifier: Qualifier = Field(default="exact", description="How the number is hedged.")
    upper: float | None = Field(default=None, description="Upper bound when a range.")
    unit: str | None = Field(default=None, description="What is counted: people, homes...")
    place: str | None = Field(default=None, description="Where the figure applies.")
    as_of: dt.date | None = Field(default=None, description="Date the figure refers to.")
    reported_by: str | None = Field(default=None, description="Who the number is attributed to.")
    conflict: bool = Field(
        default=False,
        description="True when another article gives a different value for the same metric, "
        "place and unit (and a compatible as_of date).",
    )
    conflicts_with: list[str] = Field(
        default_factory=list, description="Ids of the articles whose value differs."
    )
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="The reporting article's evidence for the figure."
    )


class DailyStats(_Model):
    """Counts and costs of the run that produced the daily briefing."""

    articles_ok: int = Field(description="Articles briefed successfully.")
    articles_failed: int = Field(description="Articles recorded with an error.")
    model_calls: int = Field(description="Model requests of briefings made fresh in this run.")
    cache_hits: int = Field(
        description="Briefings reused without calling the model (cache or resumed partials)."
    )
    resumed: int = Field(default=0, description="Of cache_hits, those read from partial files.")
    tokens: int = Field(description="Total tokens of briefings made fresh in this run.")
    wall_s: float = Field(description="Wall time of the run in seconds.")


class DailyBriefing(_Model):
    """A day's briefings, with parties, calendar and figures merged across articles."""

    schema_version: Literal["1"] = Field(default="1", description="Daily schema version.")
    date: dt.date = Field(description="The day the briefing covers (YYYY-MM-DD).")
    articles: list[ArticleEntry] = Field(description="Every input article, in input order.")
    parties: list[PartyEntry] = Field(
        default_factory=list, description="Parties over all articles, most mentioned first."
    )
    calendar: list[CalendarEntry] = Field(
        default_factory=list, description="Meetings merged across articles, by date, nulls last."
    )
    figures: list[FigureEntry] = Field(
        default_factory=list, description="Every figure of every article, conflicts flagged."
    )
    stats: DailyStats = Field(description="Counts and costs of the run.")


def daily_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of `DailyBriefing` (what schemas/daily.v1.schema.json holds)."""
    return DailyBriefing.model_json_schema()
