"""The entities step (parties, people) and what it leaves for the later steps: kinds and names;
then positions and sources, which read them.

Every article here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from newsbrief.models import Party, Person
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.base import Job
from newsbrief.strategies.candidates.context import Context, known_names, sentences
from newsbrief.strategies.candidates.entities import find_entities
from newsbrief.strategies.candidates.positions import find_positions, find_sources

ARTICLE = (
    "Chile and Peru signed a border agreement in Lima on Monday, the Chilean government "
    "said. Chilean Foreign Minister Ana Torres told reporters that the deal would end a "
    "decade of disputes. Torres added that trade would resume within weeks.\n\n"
    "Protesters gathered outside the Grand Palace Hotel, according to Reuters. Police said "
    "two people were arrested. The Andean Trade Council (ATC) welcomed the agreement."
)


def _context(body: str) -> Context:
    job = Job(
        body=body,
        published=dt.date(2024, 3, 30),
        title=None,
        prompts=_prompts.load("candidates", "v2"),
    )
    return Context(job=job, ask=None, sentences=sentences(body))  # type: ignore[arg-type]  # no model


@pytest.fixture(scope="module")
def step() -> tuple[Context, list[Party], list[Person]]:
    ctx = _context(ARTICLE)
    parties, people = asyncio.run(find_entities(ctx))
    return ctx, parties, people


def test_parties_are_the_actors_not_the_places_or_outlets(
    step: tuple[Context, list[Party], list[Person]],
) -> None:
    _, parties, _ = step
    kinds = {p.name: p.kind for p in parties}
    assert kinds["Chile"] == "state"
    assert kinds["Peru"] == "state"
    assert kinds["Andean Trade Council"] == "organisation"
    assert "Lima" not in kinds  # a place
    assert "Reuters" not in kinds  # a cited outlet
    assert "Grand Palace Hotel" not in kinds  # a venue


def test_people_carry_their_role_and_one_entry_per_person(
    step: tuple[Context, list[Party], list[Person]],
) -> None:
    _, _, people = step
    [torres] = people
    assert torres.name == "Ana Torres"
    assert torres.role == "Chilean Foreign Minister"
    assert [e.quote for e in torres.evidence] == ["Ana Torres", "Torres"]


def test_evidence_is_the_body_span(step: tuple[Context, list[Party], list[Person]]) -> None:
    _, parties, people = step
    for fact in [*parties, *people]:
        for ev in fact.evidence:
            assert ARTICLE[ev.start : ev.end] == ev.quote


def test_the_step_leaves_kinds_and_names_for_later_steps(
    step: tuple[Context, list[Party], list[Person]],
) -> None:
    ctx, _, _ = step
    assert ctx.kinds["Lima"] == "place"
    assert ctx.kinds["Reuters"] == "source"
    assert ctx.kinds["ATC"] == "organisation"
    assert ctx.names.resolve("Torres") == "Ana Torres"
    assert ctx.names.resolve("ATC") == "Andean Trade Council"
    assert "Ana Torres" in ctx.people
    assert known_names(ctx, "Torres met the ATC in Lima.") == ["Ana Torres", "Andean Trade Council"]


def test_positions_are_statements_of_known_holders(
    step: tuple[Context, list[Party], list[Person]],
) -> None:
    ctx, parties, people = step
    positions = find_positions(ctx, people, parties)
    holders = [p.holder for p in positions]
    assert "Ana Torres" in holders
    [first] = [p for p in positions if p.holder == "Ana Torres"][:1]
    assert "end a decade of disputes" in first.stance
    for position in positions:
        [ev] = position.evidence
        assert ARTICLE[ev.start : ev.end] == ev.quote


def test_sources_are_the_cited_outlets_typed(
    step: tuple[Context, list[Party], list[Person]],
) -> None:
    ctx, _, _ = step
    sources = {s.name: s.kind for s in find_sources(ctx)}
    assert sources.get("Reuters") == "news_agency"
