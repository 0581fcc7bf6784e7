"""Stories: the day's articles grouped by the event they report.

Each article becomes two TF-IDF vectors (scikit-learn's `TfidfVectorizer`): one of its words
(title, summary and body, English stop words out, sublinear term frequency) and one of the
names its briefing holds (parties folded by `party_key`, people, the places of its figures
and meetings, meeting participants; each counted once, so a place that ten figures repeat
does not drown the rest). Their cosine similarities are blended
(`NAME_WEIGHT`) and the articles are clustered by scikit-learn's `AgglomerativeClustering`
with average linkage and a distance threshold, so the number of stories is not fixed in
advance and one outlier cannot chain two events together (as single linkage would).

scikit-learn is used because TF-IDF weighting (a name every article shares counts for
little; a rare one shared by two articles counts for much) and threshold-based hierarchical
clustering are exactly what story finding needs, and it is the best kept, most widely used
implementation of both; nothing here calls a model or reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from newsbrief.daily.calendar import sourced
from newsbrief.daily.keys import party_key, place_key, unique
from newsbrief.daily.models import (
    ArticleEntry,
    CalendarEntry,
    FigureTrack,
    PartyEntry,
    Story,
    StoryPerson,
    StoryPosition,
)
from newsbrief.text.names import fold

SAME_STORY_DISTANCE = 0.8
"""Average-linkage distance (1 - blended cosine similarity) under which articles join."""
NAME_WEIGHT = 0.35
"""Share of the names' similarity in the blend (the rest is the words')."""
SUMMARY_SENTENCES = 3
BODY_CHARS = 4000
"""How much of each body the word vectors read (the lead says what the story is)."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")
_DATELINE = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+),? \d{4}\s+"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Cluster:
    """One group of articles, most central first, with the terms they share most."""

    members: list[int]
    terms: list[str]


def _names(entry: ArticleEntry) -> list[str]:
    b = entry.briefing
    if b is None:
        return []
    names = [party_key(n) for p in b.parties for n in [p.name, *p.aliases]]
    names += [fold(p.name) for p in b.people]
    names += [fold(p.name).split()[-1] for p in b.people if fold(p.name)]
    names += [place_key(f.place) for f in b.figures if f.place]
    names += [place_key(m.location) for m in b.meetings if m.location]
    names += [party_key(n) for m in b.meetings for n in m.participants]
    return [n.replace(" ", "_") for n in names if n]


def _words(entry: ArticleEntry) -> str:
    b = entry.briefing
    title = entry.title or (b.article.title if b else None) or ""
    summary = b.summary if b else ""
    return "\n".join([title, title, summary, (entry.body or "")[:BODY_CHARS]])


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _cosine(vectorizer: TfidfVectorizer, docs: Sequence[object]) -> NDArray[np.float64] | None:
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # nothing to weigh: every document empty or made of stop words
        return None
    return np.asarray(cosine_similarity(matrix), dtype=np.float64)


def _similarity(entries: Sequence[ArticleEntry]) -> tuple[NDArray[np.float64], list[list[str]]]:
    """Blended cosine similarity of every pair, and each article's top words."""
    words = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    by_words = _cosine(words, [_words(e) for e in entries])
    by_names = _cosine(
        TfidfVectorizer(analyzer=_identity, binary=True), [_names(e) for e in entries]
    )
    parts = [
        (m, w) for m, w in ((by_words, 1 - NAME_WEIGHT), (by_names, NAME_WEIGHT)) if m is not None
    ]
    size = len(entries)
    sim = sum((m * w for m, w in parts), np.zeros((size, size))) / max(
        1e-9, sum(w for _, w in parts)
    )
    np.fill_diagonal(sim, 1.0)
    terms: list[list[str]] = [[] for _ in entries]
    if by_words is not None:
        vocabulary = words.get_feature_names_out()
        weights = words.transform([_words(e) for e in entries]).toarray()
        terms = [
            [str(vocabulary[i]) for i in np.argsort(-row)[:12] if row[i] > 0] for row in weights
        ]
    return np.clip(sim, 0.0, 1.0), terms


def cluster_articles(
    entries: Sequence[ArticleEntry], threshold: float = SAME_STORY_DISTANCE
) -> list[Cluster]:
    """Group briefed articles into stories; indices into `entries`, biggest story first.

    Args:
        entries: Briefed articles (status ok).
        threshold: Average-linkage distance under which two groups merge.
    """
    if not entries:
        return []
    if len(entries) == 1:
        return [Cluster([0], [])]
    sim, terms = _similarity(entries)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    labels = model.fit_predict(1.0 - sim)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    clusters = [_central_first(members, sim, terms) for members in groups.values()]
    return sorted(clusters, key=lambda c: (-len(c.members), min(c.members)))


def _central_first(members: list[int], sim: NDArray[np.float64], terms: list[list[str]]) -> Cluster:
    block = sim[np.ix_(members, members)]
    centrality = block.sum(axis=1)
    order = sorted(range(len(members)), key=lambda k: (-centrality[k], members[k]))
    ranked = [members[k] for k in order]
    if len(members) == 1:
        return Cluster(ranked, terms[members[0]][:6])
    shared = [t for t in terms[ranked[0]] if sum(t in terms[m] for m in members) > 1]
    return Cluster(ranked, shared[:6])


# ---------------------------------------------------------------- one story's facts


def outlet(entry: ArticleEntry) -> str | None:
    """A short publisher name: the source when it is short, else the URL's host."""
    source = (entry.source or "").strip()
    if source and "://" not in source and len(source) <= 60:
        return source
    for text in (entry.url, source):
        host = urlparse((text or "").split()[0] if text else "").hostname
        if host:
            return host.removeprefix("www.")
    return source[:60] or None


def _sentences(text: str) -> list[str]:
    text = _DATELINE.sub("", " ".join(text.split()))
    return [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 1]


def summarise(articles: Sequence[ArticleEntry], limit: int = SUMMARY_SENTENCES) -> str:
    """An extractive summary: the lead's summary first, then what other articles add."""
    chosen: list[str] = []
    seen: list[set[str]] = []
    for rank, entry in enumerate(articles):
        sentences = _sentences(entry.briefing.summary if entry.briefing else "")
        for sentence in sentences[: limit if rank == 0 else 1]:
            words = {w.casefold() for w in _WORD.findall(sentence)}
            if any(len(words & s) / max(1, len(words | s)) >= 0.5 for s in seen):
                continue
            chosen.append(sentence)
            seen.append(words)
            if len(chosen) >= limit:
                return " ".join(chosen)
    return " ".join(chosen)


def _people(articles: Sequence[ArticleEntry]) -> list[StoryPerson]:
    people: dict[str, StoryPerson] = {}
    for entry in articles:
        for person in entry.briefing.people if entry.briefing else []:
            key = fold(person.name)
            kept = people.setdefault(key, StoryPerson(name=person.name, article_ids=[]))
            kept.role = kept.role or person.role
            kept.affiliation = kept.affiliation or person.affiliation
            if entry.id not in kept.article_ids:
                kept.article_ids.append(entry.id)
    full = [k for k in people if " " in k]
    for key in [k for k in people if " " not in k]:
        owners = [f for f in full if f.split()[-1] == key]
        if len(owners) == 1:
            short, owner = people.pop(key), people[owners[0]]
            owner.article_ids = unique([*owner.article_ids, *short.article_ids])
            owner.role = owner.role or short.role
    return list(people.values())


def _positions(articles: Sequence[ArticleEntry]) -> list[StoryPosition]:
    return [
        StoryPosition(
            holder=p.holder,
            topic=p.topic,
            stance=p.stance,
            article_id=entry.id,
            evidence=sourced(entry.id, p.evidence),
        )
        for entry in articles
        for p in (entry.briefing.positions if entry.briefing else [])
    ]


def _parties(ids: set[str], parties: list[PartyEntry]) -> list[str]:
    named = [(p, len(ids & set(p.article_ids))) for p in parties]
    return [p.name for p, n in sorted(named, key=lambda x: -x[1]) if n]


def build_story(
    story_id: str,
    cluster: Cluster,
    articles: Sequence[ArticleEntry],
    *,
    figures: list[FigureTrack],
    calendar: list[CalendarEntry],
    parties: list[PartyEntry],
) -> Story:
    """Assemble one story from its articles (most central first) and the day's merged views."""
    lead = articles[0]
    ids = {e.id for e in articles}
    dates = sorted(e.published for e in articles if e.published)
    cited = [s.name for e in articles for s in (e.briefing.sources if e.briefing else [])]
    return Story(
        id=story_id,
        headline=lead.title or (lead.briefing.article.title if lead.briefing else None) or lead.id,
        summary=summarise(articles),
        lead_article_id=lead.id,
        article_ids=[e.id for e in articles],
        terms=cluster.terms,
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        outlets=unique(o for e in articles if (o := outlet(e))),
        figures=figures,
        meeting_ids=[c.id for c in calendar if ids & set(c.article_ids)],
        parties=_parties(ids, parties),
        people=_people(articles),
        positions=_positions(articles),
        cited_sources=unique(cited),
    )
