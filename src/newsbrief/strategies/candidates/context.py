"""What every candidate step shares: the article's sentences, the names found, how to ask."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsbrief.models import Dropped, EntityKind, Evidence
from newsbrief.strategies.base import Asker, Job
from newsbrief.text import entities as _entities
from newsbrief.text.injection import FOREIGN, Quarantined, fence
from newsbrief.text.injection import quarantine as quarantined_spans
from newsbrief.text.names import NameIndex
from newsbrief.text.nlp import parse
from newsbrief.text.sentences import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Sentence:
    """One sentence of the body: offsets, text and the paragraph (line) it sits in."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Context:
    """One article's run: the job, how to ask, its sentences and the names found so far."""

    job: Job
    ask: Asker
    sentences: list[Sentence]
    names: NameIndex = field(default_factory=NameIndex)
    kinds: dict[str, EntityKind] = field(default_factory=dict)
    event_keys: list[str | None] = field(default_factory=list)
    people: set[str] = field(default_factory=set)

    @functools.cached_property
    def doc(self) -> Doc:
        """The body parsed by the English news parser (once per article part)."""
        return parse(self.job.body)

    @functools.cached_property
    def quarantine(self) -> list[Quarantined]:
        """The stretches of the body that instruct a model: not mined for facts."""
        return quarantined_spans(self.job.body)


def sentences(body: str) -> list[Sentence]:
    """The body's sentences with their paragraph numbers."""
    out: list[Sentence] = []
    for start, end in sentence_spans(body):
        paragraph = body.count("\n", 0, start)
        out.append(Sentence(start, end, body[start:end], paragraph))
    return out


def news_sentences(ctx: Context) -> list[Sentence]:
    """Sentences to mine for facts: none inside a quarantined paragraph (it instructs a model)."""
    spans = ctx.quarantine
    return [s for s in ctx.sentences if not any(q.start < s.end and s.start < q.end for q in spans)]


_QUOTE_MAX = 300


def instruction_drops(ctx: Context) -> list[Dropped]:
    """A `meta.dropped` entry for each quarantined paragraph (text that instructs a model)."""
    body = ctx.job.body
    drops: list[Dropped] = []
    for span in ctx.quarantine:
        quote = body[span.start : span.end]
        if len(quote) > _QUOTE_MAX:
            quote = quote[:_QUOTE_MAX] + " ..."
        drops.append(
            Dropped(
                kind="paragraph",
                item={"quote": quote, "start": span.start, "end": span.end},
                reason=(
                    f"{span.reason}: may address machine readers; not mined for facts"
                    if span.reason == FOREIGN
                    else f"reads as instructions to a model, not as news ({span.reason}); "
                    "not mined for facts"
                ),
            )
        )
    return drops


def ev(body: str, start: int, end: int) -> Evidence:
    """The evidence of `body[start:end]`."""
    return Evidence(quote=body[start:end], start=start, end=end)


def messages(ctx: Context, part: str, **values: str) -> list[dict[str, str]]:
    """The shared system prefix, then one question (a prompt part) with fenced passages.

    v3 prompts keep the article out of the prefix (each question carries its passage), so a
    call costs its passage's tokens; v1 and v2 render the fenced article into the prefix.
    """
    prompts = ctx.job.prompts
    fenced = {name: fence(value) for name, value in values.items()}
    return [
        {"role": "system", "content": prompts.render("system", body=fence(ctx.job.body))},
        {"role": "user", "content": prompts.render(part, **fenced)},
    ]


def known_names(ctx: Context, text: str) -> list[str]:
    """Canonical names of the known parties and people mentioned in `text`, in order."""
    found: list[str] = []
    for mention in _entities.find_names(text):
        if ctx.kinds.get(mention.text) == "source":
            continue
        canon = ctx.names.resolve(mention.text)
        if canon and canon not in found:
            found.append(canon)
    return found


_NOT_A_TOPIC = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the following|[0-9]"
# After 'on', a day or a time is when, not what: 'on January 22', 'on the sidelines'.
_WHEN_AFTER_ON = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"the (?:[\w-]+'s )?(?:sidelines|margins)\b|"
    r"the (?:eve|same|next|previous|night|morning|afternoon|evening|day)\b"
)
_PURPOSE = re.compile(
    r"\b(?:(?:to discuss|to talk about|to address|about|over|regarding|concerning)\s+"
    rf"(?!(?:{_NOT_A_TOPIC}))|on\s+(?!(?:{_NOT_A_TOPIC}|{_WHEN_AFTER_ON})))"
    r"((?:[^,;.]|\.(?=\S)|(?<=\b[A-Z])\.)+?)(?=,|;|(?<!\b[A-Z])\.(?:\s|$)|$|\s+according to)"
)


def purpose(text: str) -> str | None:
    """What a meeting or statement is about ('to discuss X', 'over X'), if the text says."""
    match = _PURPOSE.search(text)
    if not match:
        return None
    words = match.group(1).split()
    return " ".join(words[:14]) if len(words) >= 2 else None
