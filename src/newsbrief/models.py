"""The Briefing contract (schema v1) as Pydantic models.

Field names are the public contract; every field carries a description because the
description is part of what a model sees when it fills the schema.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

# --- vocabularies: the one home of the contract's value sets ----------------------------------

PartyKind = Literal["state", "government", "organisation", "armed_group", "person", "other"]
MeetingStatus = Literal["planned", "held", "cancelled", "rescheduled", "proposed"]
MeetingFormat = Literal["in_person", "virtual", "phone", "unknown"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Metric = Literal[
    "killed", "wounded", "displaced", "population", "missing", "detained", "aid", "other"
]
Qualifier = Literal["exact", "approximately", "at_least", "more_than", "up_to", "range"]
SourceKind = Literal["news_agency", "outlet", "official", "organisation", "other"]
FactKind = Literal["parties", "people", "positions", "meetings", "figures", "sources"]
# What code calls a name before it is a fact: a party kind, or a place or a cited outlet.
EntityKind = Literal[
    "state", "government", "organisation", "armed_group", "person", "other", "place", "source"
]

PARTY_KINDS: tuple[PartyKind, ...] = get_args(PartyKind)
# The party kinds code assigns to collective actors (a person is a Person, "other" is unsure).
ACTOR_KINDS: tuple[PartyKind, ...] = ("state", "government", "organisation", "armed_group")
MEETING_STATUSES: tuple[MeetingStatus, ...] = get_args(MeetingStatus)
UPCOMING_STATUSES: tuple[MeetingStatus, ...] = ("planned", "rescheduled", "proposed")
MEETING_FORMATS: tuple[MeetingFormat, ...] = get_args(MeetingFormat)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
METRICS: tuple[Metric, ...] = get_args(Metric)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A verbatim span of the article body that supports a fact."""

    quote: str = Field(description="Verbatim text copied from the article body.")
    start: int = Field(ge=0, description="Character offset of the quote's start in the body.")
    end: int = Field(ge=0, description="Character offset just past the quote's end in the body.")


def _evidence() -> list[Evidence]:
    return Field(
        default_factory=list,
        description="Verbatim spans of the body that support this fact; body[start:end] == quote.",
    )


class Fact(_Model):
    """A fact: it always carries its evidence (declared last in each subclass)."""

    if TYPE_CHECKING:
        evidence: list[Evidence]


class Party(Fact):
    """A state, government, organisation, armed group or person that acts in the story."""

    name: str = Field(description="Canonical name of the party, as the article names it.")
    kind: PartyKind = Field(description="What sort of actor the party is.")
    aliases: list[str] = Field(
        default_factory=list, description="Other names the article uses for the same party."
    )
    evidence: list[Evidence] = _evidence()


class Person(Fact):
    """A named person and the role the article gives them."""

    name: str = Field(description="The person's fullest name in the article.")
    role: str | None = Field(default=None, description="Title or role, as the article states it.")
    affiliation: str | None = Field(
        default=None, description="The party the person belongs to or speaks for."
    )
    evidence: list[Evidence] = _evidence()


class Position(Fact):
    """What a party or person thinks, wants or has said about a topic."""

    holder: str = Field(description="Canonical name of the party or person holding the position.")
    topic: str = Field(description="What the position is about, in a few words.")
    stance: str = Field(description="Short neutral paraphrase of the position.")
    evidence: list[Evidence] = _evidence()


class Meeting(Fact):
    """A meeting, talks, summit, debate or call between identified parties."""

    participants: list[str] = Field(
        default_factory=list, description="Canonical names of the parties or people taking part."
    )
    date: dt.date | None = Field(
        default=None,
        description="Resolved date (YYYY-MM-DD), or null if not known to the day.",
    )
    date_text: str | None = Field(default=None, description="The date as the article writes it.")
    date_precision: DatePrecision = Field(
        default="unknown", description="How precisely date_text pins the date down."
    )
    format: MeetingFormat = Field(default="unknown", description="How the meeting takes place.")
    location: str | None = Field(default=None, description="Where it takes place, if stated.")
    purpose: str | None = Field(default=None, description="What it is about, in a few words.")
    status: MeetingStatus = Field(description="Whether it is planned, held, cancelled, etc.")
    evidence: list[Evidence] = _evidence()


class Figure(Fact):
    """A casualty or humanitarian figure reported in the article."""

    metric: Metric = Field(description="What is counted.")
    value: float = Field(description="The number stated; the lower bound of a range.")
    value_text: str = Field(description="The number phrase exactly as written.")
    qualifier: Qualifier = Field(default="exact", description="How the number is hedged.")
    upper: float | None = Field(default=None, description="Upper bound when qualifier is range.")
    unit: str | None = Field(default=None, description="What is counted: people, homes, cases...")
    place: str | None = Field(default=None, description="Where the figure applies.")
    as_of: dt.date | None = Field(default=None, description="Date the figure refers to, if given.")
    reported_by: str | None = Field(
        default=None, description="Who the article attributes the number to, else null."
    )
    evidence: list[Evidence] = _evidence()


class Source(Fact):
    """A source the article cites."""

    name: str = Field(description="Name of the cited source.")
    kind: SourceKind = Field(description="What sort of source it is.")
    evidence: list[Evidence] = _evidence()


class ArticleInfo(_Model):
    """Bibliographic facts about the article."""

    title: str | None = Field(default=None, description="Headline.")
    source: str | None = Field(default=None, description="Publisher or feed the article came from.")
    url: str | None = Field(default=None, description="Where the article was published.")
    published: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    language: str | None = Field(default=None, description="ISO 639-1 code of the body's language.")


class Usage(_Model):
    """Token usage summed over every model call and attempt."""

    prompt_tokens: int = Field(default=0, description="Prompt tokens, all attempts.")
    completion_tokens: int = Field(default=0, description="Completion tokens, all attempts.")
    total_tokens: int = Field(default=0, description="Prompt plus completion tokens.")

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class PromptRef(_Model):
    """Which prompt produced the briefing."""

    name: str = Field(description="Prompt name, e.g. 'briefing'.")
    version: str = Field(description="Prompt version, e.g. 'v1'.")
    hash: str = Field(description="sha256 of the prompt texts, first 16 hex digits.")


class Dropped(_Model):
    """A fact the model proposed that was rejected, and why."""

    kind: str = Field(description="Which list the fact was meant for (figures, meetings...).")
    item: dict[str, object] = Field(description="The fact as the model proposed it.")
    reason: str = Field(description="Why it was rejected.")


class Meta(_Model):
    """How the briefing was made."""

    model: str = Field(description="Model name.")
    backend: str = Field(description="'local' (embedded) or 'openai' (any compatible endpoint).")
    strategy: str = Field(description="Extraction strategy: 'whole' or 'candidates'.")
    prompt: PromptRef = Field(description="Prompt name, version and hash.")
    schema_version: str = Field(default=SCHEMA_VERSION, description="Briefing schema version.")
    usage: Usage = Field(default_factory=Usage, description="Tokens over all calls and attempts.")
    model_calls: int = Field(default=0, description="Model requests sent, retries included.")
    attempts: int = Field(default=0, description="Validation attempts over all calls (re-asks).")
    latency_s: float = Field(default=0.0, description="Wall time spent waiting on the model.")
    dropped: list[Dropped] = Field(
        default_factory=list, description="Facts rejected by grounding or validation."
    )


class Briefing(_Model):
    """A structured, source-grounded briefing of one news article."""

    schema_version: Literal["1"] = Field(default="1", description="Briefing schema version.")
    article: ArticleInfo = Field(description="Title, source, URL, date and language.")
    summary: str = Field(description="Two or three neutral sentences; nothing not in the article.")
    parties: list[Party] = Field(default_factory=list, description="Actors in the story.")
    people: list[Person] = Field(default_factory=list, description="Named people and roles.")
    positions: list[Position] = Field(default_factory=list, description="Who holds which stance.")
    meetings: list[Meeting] = Field(default_factory=list, description="Meetings and their status.")
    figures: list[Figure] = Field(
        default_factory=list, description="Casualty and humanitarian figures."
    )
    sources: list[Source] = Field(default_factory=list, description="Sources the article cites.")
    meta: Meta = Field(description="Model, prompt, usage, attempts and dropped facts.")


@dataclass
class CallStats:
    """Counters of one briefing's model use, filled by whoever asks the model.

    `model_calls` counts questions asked; `attempts` counts HTTP requests, so transient
    retries and validation re-asks make it larger than `model_calls`.
    """

    usage: Usage = field(default_factory=Usage)
    model_calls: int = 0
    attempts: int = 0
    latency_s: float = 0.0

    def meta(self, *, model: str, backend: str, strategy: str, prompt: PromptRef) -> Meta:
        """These counters as a briefing's `Meta` (dropped facts are added when stamping)."""
        return Meta(
            model=model,
            backend=backend,
            strategy=strategy,
            prompt=prompt,
            usage=self.usage,
            model_calls=self.model_calls,
            attempts=self.attempts,
            latency_s=round(self.latency_s, 3),
        )
