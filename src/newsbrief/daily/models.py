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


MeetingTiming = Literal["upcoming", "held", "cancelled", "unclear"]


class StatusReport(_Model):
    """One distinct status of a meeting and the articles that report it."""

    status: MeetingStatus = Field(description="The status as reported.")
    article_ids: list[str] = Field(description="Ids of the articles that report this status.")


class CalendarEntry(_Model):
    """One meeting, merged over every article that reports it."""

    id: str = Field(default="", description="Stable id of the meeting within the day (m1, m2...).")
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
    status_reports: list[StatusReport] = Field(
        default_factory=list,
        description="Each distinct status once, with the articles reporting it, oldest first.",
    )
    timing: MeetingTiming = Field(
        default="unclear",
        description="Against the day briefed: upcoming (planned, rescheduled or proposed, on "
        "or after the day or undated), held, cancelled, or unclear (planned for a past date).",
    )
    article_ids: list[str] = Field(description="Ids of every article that reports the meeting.")
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="Every article's evidence for the meeting."
    )


class ConflictingValue(_Model):
    """A value other articles give for a figure at the same time, once however many give it."""

    value: float = Field(description="The number stated; the lower bound of a range.")
    upper: float | None = Field(default=None, description="Upper bound when a range.")
    qualifier: Qualifier = Field(default="exact", description="How the number is hedged.")
    value_text: str = Field(description="The number phrase as first written.")
    reported_by: list[str] = Field(
        default_factory=list, description="Who the articles attribute it to (the first three)."
    )
    article_count: int = Field(description="How many articles give this value.")
    article_ids: list[str] = Field(
        description="The first three articles that give it; the figure's track lists them all."
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
        description="True when another article of the same story gives an incompatible value "
        "(non-overlapping, 'at least 20' and 27 overlap) for the same metric, place and unit "
        "at the same time (as_of, else publication date); a later revision is no conflict.",
    )
    conflicts_with: list[str] = Field(
        default_factory=list,
        description="Ids of articles that give an incompatible value for the same time: the "
        "first three of each value in conflicting_values, which counts them all.",
    )
    conflicting_values: list[ConflictingValue] = Field(
        default_factory=list,
        description="Each distinct incompatible value for the same time, once with its "
        "sources, most reported first (at most five; the track lists every value).",
    )
    track: str | None = Field(
        default=None, description="Id of the story figure track the figure belongs to."
    )
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="The reporting article's evidence for the figure."
    )


FigureRelation = Literal["latest", "earlier", "same_source", "consistent", "conflicting"]


class FigureReport(_Model):
    """One distinct value of a tracked figure, with every article that reports it."""

    value: float = Field(description="The number stated; the lower bound of a range.")
    upper: float | None = Field(default=None, description="Upper bound when a range.")
    qualifier: Qualifier = Field(default="exact", description="How the number is hedged.")
    value_text: str = Field(description="The number phrase as first written.")
    when: dt.date | None = Field(
        default=None, description="The time it refers to: as_of, else the publication date."
    )
    relation: FigureRelation = Field(
        description="To the latest value: the latest itself; earlier (for an earlier time: a "
        "revision); same_source (another value only articles giving the latest give: a "
        "breakdown or the toll before); consistent or conflicting with it at the same time."
    )
    reported_by: list[str] = Field(
        default_factory=list, description="Who the articles attribute the value to."
    )
    article_ids: list[str] = Field(description="Ids of the articles that report this value.")
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="Each reporting article's evidence for the value."
    )


class FigureTrack(_Model):
    """One metric at one place in one story: its latest value and how it got there."""

    id: str = Field(description="Stable id within the day (story id, metric and place).")
    metric: Metric = Field(description="What is counted.")
    place: str | None = Field(default=None, description="Where it applies, as first written.")
    unit: str | None = Field(default=None, description="What is counted, as first written.")
    latest: FigureReport = Field(description="The value for the latest time reported.")
    others: list[FigureReport] = Field(
        default_factory=list,
        description="Every other distinct value, oldest first, each once with its sources.",
    )
    conflict: bool = Field(
        default=False,
        description="True when a source gives an incompatible value for the latest time.",
    )


class StoryPerson(_Model):
    """A named person in a story, folded over its articles."""

    name: str = Field(description="The fullest name reported.")
    role: str | None = Field(default=None, description="Title or role, as first reported.")
    affiliation: str | None = Field(default=None, description="Party they belong to, if given.")
    article_ids: list[str] = Field(description="Ids of the articles that name them.")


class StoryPosition(_Model):
    """What a party or person holds about a topic, as one article reports it."""

    holder: str = Field(description="Who holds the position.")
    topic: str = Field(description="What it is about.")
    stance: str = Field(description="Short neutral paraphrase of the position.")
    article_id: str = Field(description="Id of the article that reports it.")
    evidence: list[SourcedEvidence] = Field(
        default_factory=list, description="That article's evidence for the position."
    )


class Story(_Model):
    """Articles about one event or thread of events, and what they say together."""

    id: str = Field(description="Stable id within the day (s1, s2...), most covered first.")
    headline: str = Field(description="The title of the story's most central article.")
    summary: str = Field(description="A few neutral sentences taken from its articles' summaries.")
    lead_article_id: str = Field(description="Id of the most central article.")
    article_ids: list[str] = Field(description="Ids of its articles, most central first.")
    terms: list[str] = Field(
        default_factory=list, description="Words and names its articles share most."
    )
    first_published: dt.date | None = Field(default=None, description="Earliest publication.")
    last_published: dt.date | None = Field(default=None, description="Latest publication.")
    outlets: list[str] = Field(default_factory=list, description="Publishers of its articles.")
    figures: list[FigureTrack] = Field(
        default_factory=list, description="Latest value per metric, place and unit, with history."
    )
    meeting_ids: list[str] = Field(
        default_factory=list, description="Ids of the calendar entries its articles report."
    )
    parties: list[str] = Field(
        default_factory=list, description="Names of its parties (as in the day's parties list)."
    )
    people: list[StoryPerson] = Field(default_factory=list, description="Named people.")
    positions: list[StoryPosition] = Field(
        default_factory=list, description="Who holds which stance, by article."
    )
    cited_sources: list[str] = Field(
        default_factory=list, description="Sources its articles cite (agencies, officials...)."
    )


class Agenda(_Model):
    """The day's meetings split by timing against the day briefed."""

    upcoming: list[CalendarEntry] = Field(
        default_factory=list,
        description="Planned, rescheduled or proposed, on or after the day (or undated), "
        "soonest first.",
    )
    held: list[CalendarEntry] = Field(default_factory=list, description="Held, latest first.")
    cancelled: list[CalendarEntry] = Field(default_factory=list, description="Cancelled.")
    unclear: list[CalendarEntry] = Field(
        default_factory=list, description="Planned for a date already past, with no later report."
    )


class Coverage(_Model):
    """Which articles the day covers, and how they were chosen."""

    mode: Literal["date", "window", "newest", "all"] = Field(
        description="date: published on the day; window: since/until; newest: the newest "
        "publication date among the inputs; all: no selection made."
    )
    since: dt.date | None = Field(default=None, description="First day of the window.")
    until: dt.date | None = Field(default=None, description="Last day of the window.")
    kept: int = Field(description="Inputs kept.")
    left_out: int = Field(default=0, description="Inputs published outside the day or window.")
    undated_article_ids: list[str] = Field(
        default_factory=list, description="Ids of kept articles without a publication date."
    )
    note: str | None = Field(
        default=None, description="One line when the inputs span several days, else null."
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
    """A day's briefings: stories, an agenda, parties, calendar and figures across articles."""

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
    stories: list[Story] = Field(
        default_factory=list, description="Articles grouped by event, most covered first."
    )
    agenda: Agenda = Field(
        default_factory=Agenda,
        description="The calendar split into upcoming, held, cancelled and unclear.",
    )
    coverage: Coverage | None = Field(
        default=None, description="How the day's articles were selected, when they were."
    )
    stats: DailyStats = Field(description="Counts and costs of the run.")


def daily_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of `DailyBriefing` (what schemas/daily.v1.schema.json holds)."""
    return DailyBriefing.model_json_schema()
