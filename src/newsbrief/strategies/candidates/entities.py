"""Parties and people: the parser's named entities, grouped and typed by code.

`text.actors.read_actors` reads the parsed body (`ctx.doc`): one actor per real entity, its
kind (person, state, government, organisation, armed group, place, cited outlet) and, for a
person, the role written around the name. This step turns actors into `Party` and `Person`
facts and fills `ctx.kinds` and `ctx.names`, which the figure, meeting and position steps
read.
"""

from __future__ import annotations

from newsbrief.models import ACTOR_KINDS, Evidence, Party, Person
from newsbrief.strategies.candidates.context import Context, ev
from newsbrief.text.actors import Actor, read_actors
from newsbrief.text.entities import short_form
from newsbrief.text.ner import headline_subjects
from newsbrief.text.nlp import parse

# Evidence kept per fact: the first mention of each written form, at most this many.
_MAX_EVIDENCE = 4


async def find_entities(ctx: Context) -> tuple[list[Party], list[Person]]:
    """Parties and people of the article, from the parser's entities (no model call)."""
    headline = headline_subjects(parse(ctx.job.title)) if ctx.job.title else frozenset()
    actors = [a for a in read_actors(ctx.doc, headline) if not _quarantined(ctx, a)]
    parties: list[Party] = []
    people: list[Person] = []
    for actor in actors:
        _register(ctx, actor)
        evidence = _evidence(ctx, actor)
        if actor.kind == "person":
            people.append(
                Person(
                    name=actor.name,
                    role=actor.role,
                    affiliation=actor.affiliation,
                    evidence=evidence,
                )
            )
        elif actor.kind in ACTOR_KINDS:
            parties.append(
                Party(name=actor.name, kind=actor.kind, aliases=actor.aliases, evidence=evidence)
            )
    return parties, people


def _quarantined(ctx: Context, actor: Actor) -> bool:
    """True when the actor is named only inside paragraphs that instruct a model."""
    spans = ctx.quarantine
    return bool(spans) and all(
        any(q.start <= m.start and m.end <= q.end for q in spans) for m in actor.mentions
    )


def _register(ctx: Context, actor: Actor) -> None:
    """Record the actor's kind under every form it is written in, and its canonical name."""
    for form in (actor.name, *actor.aliases):
        ctx.kinds.setdefault(form, actor.kind)
    if actor.kind == "person":
        ctx.names.add(actor.name, short_form(actor.name), *actor.aliases)
        ctx.people.add(actor.name)
    elif actor.kind in (*ACTOR_KINDS, "source"):
        ctx.names.add(actor.name, *actor.aliases)


def _evidence(ctx: Context, actor: Actor) -> list[Evidence]:
    """The first mention of each written form of the name."""
    body = ctx.job.body
    seen: set[str] = set()
    out: list[Evidence] = []
    for mention in actor.mentions:
        quote = body[mention.start : mention.end]
        if quote in seen:
            continue
        seen.add(quote)
        out.append(ev(body, mention.start, mention.end))
        if len(out) == _MAX_EVIDENCE:
            break
    return out
