"""Parties and people: names found and typed by code (titles, country names, organisation words)."""

from __future__ import annotations

from newsbrief.models import ACTOR_KINDS, EntityKind, Party, Person
from newsbrief.strategies.candidates.context import Context, ev
from newsbrief.text import entities as _entities
from newsbrief.text.names import merge_parties, merge_people


async def find_entities(ctx: Context) -> tuple[list[Party], list[Person]]:
    """Names found and typed by code: title words, country names, organisation words."""
    body = ctx.job.body
    found = _entities.find_names(body) + _entities.collective_names(body)
    mentions = _entities.unique_names(sorted(found, key=lambda m: m.start))
    roles = {**_entities.lower_roles(body), **_entities.roles(body)}
    cited = {m.text for m in _entities.cited_sources(body)}
    parties: list[Party] = []
    people: list[Person] = []
    for mention in mentions:
        kind: EntityKind = _entities.guess_kind(mention.text, body, set(roles))
        if mention.text in cited and _entities.is_outlet(mention.text, body):
            kind = "source"
        ctx.kinds[mention.text] = kind
        evidence = [ev(body, mention.start, mention.end)]
        if kind == "person":
            role = roles.get(mention.text)
            people.append(
                Person(name=mention.text, role=role.text if role else None, evidence=evidence)
            )
        elif kind in ACTOR_KINDS:
            parties.append(Party(name=mention.text, kind=kind, evidence=evidence))
    parties, people = merge_parties(parties), merge_people(people)
    for party in parties:
        ctx.names.add(party.name, *party.aliases)
    for person in people:
        ctx.names.add(person.name, _entities.short_form(person.name))
        ctx.people.add(person.name)
    return parties, people
