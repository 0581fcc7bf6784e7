"""Positions (reported speech of a known holder), cited sources and the lead summary."""

from __future__ import annotations

from newsbrief.models import Party, Person, Position, Source, SourceKind
from newsbrief.strategies.candidates.context import Context, ev, news_sentences, purpose
from newsbrief.text import entities as _entities
from newsbrief.text.names import canonical_alias, fold


def lead_summary(ctx: Context, max_words: int = 70) -> str:
    """An extractive summary: the article's lead sentences (news leads summarise)."""
    picked: list[str] = []
    for sentence in ctx.sentences:
        if picked and len(" ".join(picked).split()) + len(sentence.text.split()) > max_words:
            break
        picked.append(sentence.text)
    return " ".join(picked)


def find_sources(ctx: Context) -> list[Source]:
    """The sources the article cites ('according to X', 'X reported'), typed by their kind."""
    out: list[Source] = []
    for mention in _entities.cited_sources(ctx.job.body):
        kind = ctx.kinds.get(mention.text, "")
        source_kind: SourceKind = (
            "official"
            if kind in ("government", "state") or "official" in mention.text
            else "organisation"
            if kind in ("organisation", "armed_group")
            else "outlet"
        )
        name = ctx.names.resolve(mention.text) or mention.text
        if any(fold(s.name) == fold(name) for s in out):
            continue
        out.append(
            Source(
                name=name,
                kind=source_kind,
                evidence=[ev(ctx.job.body, mention.start, mention.end)],
            )
        )
    return out


def find_positions(ctx: Context, people: list[Person], parties: list[Party]) -> list[Position]:
    """Positions from reporting verbs whose subject is a known person or party."""
    out: list[Position] = []
    for sentence in news_sentences(ctx):
        for verb, v_start, v_end in _entities.speech_spans(sentence.text):
            holder = _subject(ctx, sentence.text[:v_start])
            stance = sentence.text[v_end:].strip(' ,:"“”')
            if not holder or len(stance.split()) < 4:
                continue
            if any(p.holder == holder for p in out):
                continue
            words = stance.split()
            out.append(
                Position(
                    holder=holder,
                    topic=purpose(sentence.text) or verb,
                    stance=" ".join(words[:30]) + (" ..." if len(words) > 30 else ""),
                    evidence=[ev(ctx.job.body, sentence.start, sentence.end)],
                )
            )
            break
    return out


def _subject(ctx: Context, before: str) -> str | None:
    found = _entities.find_names(before) + _entities.collective_names(before)
    mentions = sorted(found, key=lambda m: (m.end, m.end - m.start))
    for mention in reversed(mentions):
        canon = ctx.names.resolve(mention.text) or canonical_alias(mention.text)
        if canon and ctx.names.resolve(canon):
            return ctx.names.resolve(canon)
    return None
