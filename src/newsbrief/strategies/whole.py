"""The whole-article strategy, for capable endpoints.

One instructor call fills a draft schema whose facts carry a verbatim `evidence` quote but no
offsets and no computed values; code then grounds each quote in the body, parses numbers,
resolves dates and canonicalises names. Facts whose quote is not in the article are re-asked
once, with the reason, and dropped (listed in meta.dropped) if still not found.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from newsbrief.models import (
    DatePrecision,
    Dropped,
    Evidence,
    Figure,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Metric,
    Party,
    PartyKind,
    Person,
    Position,
    Source,
    SourceKind,
)
from newsbrief.strategies.base import Asker, Extraction, Job
from newsbrief.strategies.prompts import PromptSet
from newsbrief.text import dates as _dates
from newsbrief.text import numbers as _numbers
from newsbrief.text.grounding import contains_number, ground
from newsbrief.text.injection import fence, is_instruction
from newsbrief.text.names import NameIndex, merge_parties, merge_people
from newsbrief.text.sentences import sentence_spans

_Q = Field(description="One short span copied VERBATIM from the article that supports this item.")


class DParty(BaseModel):
    """A state, government, organisation or armed group."""

    name: str = Field(description="Name as the article writes it.")
    kind: PartyKind = Field(description="Kind of actor.")
    aliases: list[str] = Field(default_factory=list, description="Other names used for it.")
    evidence: str = _Q


class DPerson(BaseModel):
    """A named person."""

    name: str = Field(description="Fullest name in the article.")
    role: str | None = Field(default=None, description="Role or title as written.")
    affiliation: str | None = Field(default=None, description="Party they belong to.")
    evidence: str = _Q


class DPosition(BaseModel):
    """A stance held by a party or person."""

    holder: str = Field(description="Who holds it (a party or person name).")
    topic: str = Field(description="What it is about, a few words.")
    stance: str = Field(description="Short neutral paraphrase.")
    evidence: str = _Q


class DMeeting(BaseModel):
    """A meeting, talks, summit, debate or call."""

    participants: list[str] = Field(description="Parties or people taking part.")
    date_text: str | None = Field(description="Date phrase exactly as written, or null.")
    format: MeetingFormat = Field(description="in_person, virtual, phone or unknown.")
    location: str | None = Field(default=None, description="Where, if stated.")
    purpose: str | None = Field(default=None, description="What it is about.")
    status: MeetingStatus = Field(description="planned, held, cancelled, rescheduled, proposed.")
    evidence: str = _Q


class DFigure(BaseModel):
    """A casualty or humanitarian figure."""

    metric: Metric = Field(description="What is counted.")
    value_text: str = Field(description="The number phrase exactly as written.")
    unit: str | None = Field(default=None, description="What is counted (people, homes...).")
    place: str | None = Field(default=None, description="Where it applies.")
    reported_by: str | None = Field(default=None, description="Who the article attributes it to.")
    evidence: str = _Q


class DSource(BaseModel):
    """A source the article cites."""

    name: str = Field(description="Name of the source.")
    kind: SourceKind = Field(description="Kind of source.")
    evidence: str = _Q


class Draft(BaseModel):
    """The briefing as the model drafts it; code grounds and normalises it."""

    summary: str = Field(description="Two or three neutral sentences from the article only.")
    language: str = Field(description="ISO 639-1 code of the article's language.")
    parties: list[DParty] = Field(default_factory=list, description="Actors.")
    people: list[DPerson] = Field(default_factory=list, description="Named people.")
    positions: list[DPosition] = Field(default_factory=list, description="Stances.")
    meetings: list[DMeeting] = Field(default_factory=list, description="Meetings.")
    figures: list[DFigure] = Field(default_factory=list, description="Figures.")
    sources: list[DSource] = Field(default_factory=list, description="Cited sources.")


class Regrounded(BaseModel):
    """Corrected evidence quotes, one per item asked about, in order (null if none)."""

    quotes: list[str | None] = Field(description="A verbatim span for each item, or null.")


_Kind = Literal["parties", "people", "positions", "meetings", "figures", "sources"]
_KINDS: tuple[_Kind, ...] = ("parties", "people", "positions", "meetings", "figures", "sources")


DRAFT_MAX_TOKENS = 4096
"""Answer budget of the one Draft call (the live call and each batch request)."""

NOT_FOUND = "evidence not found in the article"
"""The reason a fact is dropped when its quote is not in the body."""


def whole_messages(
    body: str, published: dt.date | None, title: str | None, prompts: PromptSet
) -> list[dict[str, str]]:
    """The chat messages of the Draft call: the live call and each batch request send these."""
    user = prompts.render(
        "user",
        body=fence(body),
        published=published.isoformat() if published else "unknown",
        title=title or "unknown",
    )
    return [
        {"role": "system", "content": prompts.render("system")},
        {"role": "user", "content": user},
    ]


async def extract(job: Job, ask: Asker) -> Extraction:
    """Run the whole-article strategy over one article."""
    messages = whole_messages(job.body, job.published, job.title, job.prompts)
    draft = await ask(Draft, messages, DRAFT_MAX_TOKENS)
    missing = [
        (k, i)
        for k in _KINDS
        for i, d in enumerate(getattr(draft, k))
        if ground(d.evidence, job.body) is None
    ]
    if missing:
        await _reground(job, ask, messages, draft, missing)
    return assemble(job, draft)


async def _reground(
    job: Job,
    ask: Asker,
    messages: list[dict[str, str]],
    draft: Draft,
    missing: list[tuple[_Kind, int]],
) -> None:
    listing = "\n".join(
        f"{n + 1}. {kind}: {json.dumps(getattr(draft, kind)[i].model_dump(), ensure_ascii=False)}"
        for n, (kind, i) in enumerate(missing)
    )
    request = [
        *messages,
        {"role": "user", "content": job.prompts.render("regrounding", items=listing)},
    ]
    answer = await ask(Regrounded, request, 1024)
    for (kind, index), quote in zip(missing, answer.quotes, strict=False):
        if quote:
            getattr(draft, kind)[index].evidence = quote


def _grounded(job: Job, out: Extraction, kind: str, item: BaseModel) -> list[Evidence] | None:
    quote = str(getattr(item, "evidence", ""))
    evidence = ground(quote, job.body)
    if evidence is None:
        out.dropped.append(Dropped(kind=kind, item=item.model_dump(), reason=NOT_FOUND))
        return None
    if kind in ("figures", "meetings", "positions") and _in_instruction(job.body, evidence):
        out.dropped.append(
            Dropped(
                kind=kind,
                item=item.model_dump(),
                reason="evidence is text that instructs a model, not news",
            )
        )
        return None
    return [evidence]


def _in_instruction(body: str, evidence: Evidence) -> bool:
    """Whether the evidence sits in a sentence that addresses a model with instructions."""
    for start, end in sentence_spans(body):
        if start < evidence.end and evidence.start < end and is_instruction(body[start:end]):
            return True
    return False


def assemble(job: Job, draft: Draft) -> Extraction:
    """Ground, normalise and canonicalise a Draft of `job.body` into an Extraction.

    Facts whose quote is not in the body are dropped with the reason `NOT_FOUND`.
    """
    out = Extraction(summary=draft.summary, language=draft.language)
    for p in draft.parties:
        if ev := _grounded(job, out, "parties", p):
            out.parties.append(Party(name=p.name, kind=p.kind, aliases=p.aliases, evidence=ev))
    for h in draft.people:
        if ev := _grounded(job, out, "people", h):
            out.people.append(
                Person(name=h.name, role=h.role, affiliation=h.affiliation, evidence=ev)
            )
    out.parties, out.people = merge_parties(out.parties), merge_people(out.people)
    names = NameIndex()
    for party in out.parties:
        names.add(party.name, *party.aliases)
    for person in out.people:
        names.add(person.name)
    for s in draft.positions:
        if ev := _grounded(job, out, "positions", s):
            holder = names.resolve(s.holder) or s.holder
            out.positions.append(
                Position(holder=holder, topic=s.topic, stance=s.stance, evidence=ev)
            )
    for m in draft.meetings:
        if ev := _grounded(job, out, "meetings", m):
            out.meetings.append(_meeting(job, m, ev, names))
    for f in draft.figures:
        if (ev := _grounded(job, out, "figures", f)) and (fig := _figure(out, f, ev, names)):
            out.figures.append(fig)
    for c in draft.sources:
        if ev := _grounded(job, out, "sources", c):
            out.sources.append(Source(name=c.name, kind=c.kind, evidence=ev))
    return out


def _meeting(job: Job, m: DMeeting, ev: list[Evidence], names: NameIndex) -> Meeting:
    tense: Literal["past", "future"] = (
        "future" if m.status in ("planned", "rescheduled", "proposed") else "past"
    )
    date: dt.date | None = None
    precision: DatePrecision = "unknown"
    if m.date_text:
        date, precision = _dates.resolve(m.date_text, job.published, tense=tense)
    participants = list(dict.fromkeys(names.resolve(p) or p for p in m.participants))
    return Meeting(
        participants=participants,
        date=date,
        date_text=m.date_text,
        date_precision=precision,
        format=m.format,
        location=m.location,
        purpose=m.purpose,
        status=m.status,
        evidence=ev,
    )


def _figure(out: Extraction, f: DFigure, ev: list[Evidence], names: NameIndex) -> Figure | None:
    parsed = _numbers.parse_number(f.value_text)
    if parsed is None or not contains_number(f.value_text, ev[0].quote):
        out.dropped.append(
            Dropped(kind="figures", item=f.model_dump(), reason="number not in its evidence")
        )
        return None
    return Figure(
        metric=f.metric,
        value=parsed.value,
        value_text=f.value_text,
        qualifier=parsed.qualifier,
        upper=parsed.upper,
        unit=f.unit or parsed.unit,
        place=f.place,
        reported_by=(names.resolve(f.reported_by) or f.reported_by) if f.reported_by else None,
        evidence=ev,
    )
