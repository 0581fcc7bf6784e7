"""Positions (reported speech of a known holder), cited sources and the lead summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbrief.models import Party, Person, Position, Source, SourceKind
from newsbrief.strategies.candidates.context import (
    Context,
    ev,
    known_names,
    news_sentences,
    purpose,
)
from newsbrief.text import entities as _entities
from newsbrief.text import speech as _speech
from newsbrief.text.names import fold
from newsbrief.text.outlets import is_news_agency

if TYPE_CHECKING:
    from newsbrief.text.speech import Statement

_MAX_STANCE_WORDS = 30


def lead_summary(ctx: Context, max_words: int = 70) -> str:
    """An extractive summary: the article's lead sentences (news leads summarise).

    Quarantined text (instructions to a model) never reaches the summary.
    """
    picked: list[str] = []
    for sentence in news_sentences(ctx):
        if picked and len(" ".join(picked).split()) + len(sentence.text.split()) > max_words:
            break
        picked.append(sentence.text)
    return " ".join(picked)


def find_sources(ctx: Context) -> list[Source]:
    """The sources the article cites ('according to X', 'X reported') and the outlets named."""
    body = ctx.job.body
    cited = [(m.text, m.start, m.end) for m in _entities.cited_sources(body)]
    outlets = [
        (body[m.start : m.end], m.start, m.end)
        for name, kind in ctx.kinds.items()
        if kind == "source"
        for m in _first_mention(body, name)
    ]
    out: list[Source] = []
    for text, start, end in sorted(cited + outlets, key=lambda c: c[1]):
        name = ctx.names.resolve(text) or text
        if any(fold(s.name) == fold(name) for s in out):
            continue
        out.append(Source(name=name, kind=_source_kind(ctx, text), evidence=[ev(body, start, end)]))
    return out


def _first_mention(body: str, name: str) -> list[_entities.Mention]:
    start = body.find(name)
    return [] if start < 0 else [_entities.Mention(name, start, start + len(name))]


def _source_kind(ctx: Context, text: str) -> SourceKind:
    kind = ctx.kinds.get(text) or ctx.kinds.get(ctx.names.resolve(text) or "")
    if kind == "source":
        return "news_agency" if is_news_agency(text) else "outlet"
    if kind in ("government", "state") or "official" in text:
        return "official"
    if kind in ("organisation", "armed_group"):
        return "organisation"
    return "other"


def find_positions(ctx: Context, people: list[Person], parties: list[Party]) -> list[Position]:
    """Positions from verbs of saying whose subject is a known person or party.

    The parse gives the verb ('said', 'warned', 'called for'), its subject and what was said;
    a subject 'he' or 'she' is the last person named before it. One position per sentence.
    """
    known = {p.name for p in people} | {p.name for p in parties}
    out: list[Position] = []
    for sentence in news_sentences(ctx):
        for statement in _speech.statements(ctx.doc, sentence.start, sentence.end):
            holder = _holder(ctx, statement, known)
            words = statement.said.split()
            if holder is None or len(words) < 4:
                continue
            stance = " ".join(words[:_MAX_STANCE_WORDS])
            out.append(
                Position(
                    holder=holder,
                    topic=purpose(statement.said) or statement.verb,
                    stance=stance + (" ..." if len(words) > _MAX_STANCE_WORDS else ""),
                    evidence=[ev(ctx.job.body, sentence.start, sentence.end)],
                )
            )
            break
    return out


def _holder(ctx: Context, statement: Statement, known: set[str]) -> str | None:
    """The known person or party who says it: named in the subject, or 'he'/'she'."""
    if statement.pronoun:
        return _last_person(ctx, statement.subject_start)
    whole = ctx.names.resolve(statement.subject)  # 'the Biden administration' itself
    if whole in known:
        return whole
    names = [n for n in known_names(ctx, statement.subject) if n in known]
    return names[-1] if names else None


def _last_person(ctx: Context, before: int) -> str | None:
    """The person named last in the 600 characters before `before`."""
    window = ctx.job.body[max(0, before - 600) : before]
    people = [n for n in known_names(ctx, window) if n in ctx.people]
    return max(people, key=lambda n: window.rfind(n.split()[-1]), default=None)
