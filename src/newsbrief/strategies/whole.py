"""The whole-article strategy, for capable endpoints.

One instructor call fills a draft schema whose facts carry a verbatim `evidence` quote but no
offsets and no computed values; code then grounds each quote in the body, parses numbers,
resolves dates and canonicalises names. Facts whose quote is not in the article are re-asked
once, with the reason, and dropped (listed in meta.dropped) if still not found. The other
fields that claim to be the article's words (a meeting's date and participants, a position's
holder, a figure's number and source) are checked against the body too: see `assemble`.

Everything taken from the article is prompt data: the body and the title are fenced, and the
title is kept to one short line, so neither can close the data block or forge a header line.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from newsbrief.errors import ExtractionError, one_line
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
from newsbrief.text.grounding import contains_number, ground, locate
from newsbrief.text.injection import fence, quarantine
from newsbrief.text.names import NameIndex, canonical_alias, fold, merge_parties, merge_people

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_][\w.]*")

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

REASK_FAILED = f"{NOT_FOUND} (the re-ask for a verbatim quote failed validation)"
"""The reason a fact is dropped when its quote is not in the body and the re-ask failed."""

HEADER_MAX_CHARS = 300
"""The most characters of one header field (the title) the prompt carries."""


def header_field(value: str | None, *, limit: int = HEADER_MAX_CHARS) -> str:
    """A header field of the article as prompt data: fenced, on one line, at most `limit` chars.

    Line breaks (any Unicode line or paragraph separator) become spaces, so a title cannot
    start a forged `Published:` line or leave the header; an `<article>` tag in it is defused
    like one in the body. A blank value is "unknown".
    """
    line = fence(" ".join((value or "").split()))
    if len(line) > limit:
        line = line[: limit - 3].rstrip() + "..."
    return line or "unknown"


def whole_messages(
    body: str, published: dt.date | None, title: str | None, prompts: PromptSet
) -> list[dict[str, str]]:
    """The chat messages of the Draft call: the live call and each batch request send these.

    Every article-derived value is fenced (`newsbrief.text.injection.fence`); the title is
    also kept to one line of at most `HEADER_MAX_CHARS` characters (`header_field`).
    """
    user = prompts.render(
        "user",
        body=fence(body),
        published=published.isoformat() if published else "unknown",
        title=header_field(title),
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
    reasked = await _reground(job, ask, messages, draft, missing) if missing else True
    out = assemble(job, draft)
    if not reasked:
        out.dropped = [
            d.model_copy(update={"reason": REASK_FAILED}) if d.reason == NOT_FOUND else d
            for d in out.dropped
        ]
    return out


async def _reground(
    job: Job,
    ask: Asker,
    messages: list[dict[str, str]],
    draft: Draft,
    missing: list[tuple[_Kind, int]],
) -> bool:
    """Re-ask once for verbatim quotes of the `missing` facts; False when the re-ask failed.

    Only the re-ask's own `ExtractionError` is caught: the facts already grounded are kept
    and the missing ones are then dropped with `REASK_FAILED`. An endpoint failure
    (`ModelCallError`) still fails the article.
    """
    listing = "\n".join(
        f"{n + 1}. {kind}: {json.dumps(getattr(draft, kind)[i].model_dump(), ensure_ascii=False)}"
        for n, (kind, i) in enumerate(missing)
    )
    request = [
        *messages,
        {"role": "user", "content": job.prompts.render("regrounding", items=listing)},
    ]
    try:
        answer = await ask(Regrounded, request, 1024)
    except ExtractionError as exc:
        log.warning("re-ask for %d quote(s) failed, dropping them: %s", len(missing), one_line(exc))
        return False
    for (kind, index), quote in zip(missing, answer.quotes, strict=False):
        if quote:
            getattr(draft, kind)[index].evidence = quote
    return True


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
    """Whether the evidence overlaps a quarantined stretch (text that instructs a model)."""
    return any(q.start < evidence.end and evidence.start < q.end for q in quarantine(body))


@dataclass
class _Names:
    """The grounded parties and people: canonical names and every form each is written in."""

    body: str
    index: NameIndex = field(default_factory=NameIndex)
    forms: dict[str, list[str]] = field(default_factory=dict)
    short_forms: set[str] | None = None
    """Folded long forms of the well-known short names the body uses ('U.S.' -> 'united
    states'); computed on first use."""

    def add(self, canonical: str, *aliases: str) -> None:
        self.index.add(canonical, *aliases)
        self.forms.setdefault(canonical, []).extend((canonical, *aliases))

    def written(self, name: str) -> str | None:
        """The canonical form of `name` if the article writes it (or a form of its entity).

        None when no form is in the body: the name is the model's, not the article's.
        """
        canonical = self.index.resolve(name)
        forms = [name, *self.forms.get(canonical, [])] if canonical else [name]
        if any(locate(form, self.body) is not None for form in forms) or self._abbreviated(name):
            return canonical or name
        return None

    def _abbreviated(self, name: str) -> bool:
        """Whether the body writes `name` as a well-known short form ('US', 'U.N.', 'EU')."""
        if self.short_forms is None:
            words = set(_WORD.findall(self.body))
            self.short_forms = {fold(long) for word in words if (long := canonical_alias(word))}
        return fold(canonical_alias(name) or name) in self.short_forms


def _unwritten(out: Extraction, kind: str, item: BaseModel, what: str, outcome: str) -> None:
    """Record in meta.dropped that a field's text is not in the article, and what was done."""
    reason = f"{what} not in the article: {outcome}"
    out.dropped.append(Dropped(kind=kind, item=item.model_dump(), reason=reason))


def assemble(job: Job, draft: Draft) -> Extraction:
    """Ground, normalise and canonicalise a Draft of `job.body` into an Extraction.

    Facts whose quote is not in the body are dropped with the reason `NOT_FOUND`. Fields
    that claim to be the article's words are checked against the body (normalised
    containment, `newsbrief.text.grounding.locate`); each failure is listed in meta.dropped:

    - a meeting's `date_text` not in the body: the meeting is kept with `date` and
      `date_text` null and `date_precision` "unknown";
    - a meeting participant not in the body: that name is dropped, the meeting kept;
    - a position's `holder` not in the body: the position is dropped (it has no holder);
    - a figure's `value_text` not in its evidence (a body slice): the figure is dropped;
    - a figure's `reported_by` not in the body: set to null, the figure kept.

    A name also counts as written when it resolves to a grounded party or person one of
    whose forms (name or alias) is in the body ("United States" for an article's "U.S.").
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
    names = _Names(job.body)
    for party in out.parties:
        names.add(party.name, *party.aliases)
    for person in out.people:
        names.add(person.name)
    for s in draft.positions:
        if (ev := _grounded(job, out, "positions", s)) and (pos := _position(out, s, ev, names)):
            out.positions.append(pos)
    for m in draft.meetings:
        if ev := _grounded(job, out, "meetings", m):
            out.meetings.append(_meeting(job, out, m, ev, names))
    for f in draft.figures:
        if (ev := _grounded(job, out, "figures", f)) and (fig := _figure(out, f, ev, names)):
            out.figures.append(fig)
    for c in draft.sources:
        if ev := _grounded(job, out, "sources", c):
            out.sources.append(Source(name=c.name, kind=c.kind, evidence=ev))
    return out


def _position(out: Extraction, s: DPosition, ev: list[Evidence], names: _Names) -> Position | None:
    holder = names.written(s.holder)
    if holder is None:
        _unwritten(out, "positions", s, f"holder {s.holder!r}", "position dropped")
        return None
    return Position(holder=holder, topic=s.topic, stance=s.stance, evidence=ev)


def _meeting(job: Job, out: Extraction, m: DMeeting, ev: list[Evidence], names: _Names) -> Meeting:
    tense: Literal["past", "future"] = (
        "future" if m.status in ("planned", "rescheduled", "proposed") else "past"
    )
    date_text = m.date_text
    if date_text and locate(date_text, job.body) is None:
        _unwritten(out, "meetings", m, f"date_text {date_text!r}", "date left unknown")
        date_text = None
    date: dt.date | None = None
    precision: DatePrecision = "unknown"
    if date_text:
        date, precision = _dates.resolve(date_text, job.published, tense=tense)
    participants: list[str] = []
    for written in m.participants:
        name = names.written(written)
        if name is None:
            _unwritten(out, "meetings", m, f"participant {written!r}", "name dropped")
        elif name not in participants:
            participants.append(name)
    return Meeting(
        participants=participants,
        date=date,
        date_text=date_text,
        date_precision=precision,
        format=m.format,
        location=m.location,
        purpose=m.purpose,
        status=m.status,
        evidence=ev,
    )


def _figure(out: Extraction, f: DFigure, ev: list[Evidence], names: _Names) -> Figure | None:
    parsed = _numbers.parse_number(f.value_text)
    if parsed is None or not contains_number(f.value_text, ev[0].quote):
        out.dropped.append(
            Dropped(kind="figures", item=f.model_dump(), reason="number not in its evidence")
        )
        return None
    reported_by = names.written(f.reported_by) if f.reported_by else None
    if f.reported_by and reported_by is None:
        _unwritten(out, "figures", f, f"reported_by {f.reported_by!r}", "set to null")
    return Figure(
        metric=f.metric,
        value=parsed.value,
        value_text=f.value_text,
        qualifier=parsed.qualifier,
        upper=parsed.upper,
        unit=f.unit or parsed.unit,
        place=f.place,
        reported_by=reported_by,
        evidence=ev,
    )
