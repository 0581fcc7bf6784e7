"""The candidate strategy, made for small local models.

Code finds candidates (names, number phrases, sentences with meeting words); the model answers
one short, enum-constrained question about each, with the article as a shared prompt prefix
(llama.cpp reuses the KV cache of that prefix, so the article is read once); code assembles,
resolves dates and numbers, and grounds. Every evidence span is a sentence or name span that
code found in the body, so nothing the model writes can become evidence.

One module per fact kind: `entities` (parties, people), `figures`, `meetings`, `positions`
(positions, sources, summary), over a shared `context`.
"""

from __future__ import annotations

from newsbrief.strategies.base import Asker, Extraction, Job
from newsbrief.strategies.candidates.context import Context, instruction_drops, sentences
from newsbrief.strategies.candidates.entities import find_entities
from newsbrief.strategies.candidates.figures import FigureAnswer, find_figures
from newsbrief.strategies.candidates.meetings import MeetingAnswer, find_meetings
from newsbrief.strategies.candidates.positions import find_positions, find_sources, lead_summary

__all__ = ["FigureAnswer", "MeetingAnswer", "extract"]


async def extract(job: Job, ask: Asker) -> Extraction:
    """Run the candidate strategy over one article."""
    ctx = Context(job=job, ask=ask, sentences=sentences(job.body))
    parties, people = await find_entities(ctx)
    figures = await find_figures(ctx)
    meetings = await find_meetings(ctx)
    return Extraction(
        summary=lead_summary(ctx),
        parties=parties,
        people=people,
        positions=find_positions(ctx, people, parties),
        meetings=meetings,
        figures=figures,
        sources=find_sources(ctx),
        dropped=instruction_drops(ctx),
    )
