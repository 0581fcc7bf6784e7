"""brief() and abrief(): read -> prompt -> call -> ground -> normalise -> stamp."""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import logging
import time

from newsbrief import _candidates, _chunking, _prompts, _whole
from newsbrief._article import Article, parse_article, validate_body
from newsbrief._extraction import Extraction, Job
from newsbrief._llm import LLM
from newsbrief.errors import InputError
from newsbrief.models import SCHEMA_VERSION, ArticleInfo, Briefing, Meta
from newsbrief.settings import Settings

logger = logging.getLogger(__name__)

_OVERLAP_CHARS = 400
PROMPTS = {"whole": ("briefing", "v1"), "candidates": ("candidates", "v1")}


def cache_identity(settings: Settings) -> str:
    """Everything besides the article text that changes a briefing (for caches)."""
    name, version = PROMPTS[settings.effective_strategy]
    prompt = _prompts.load(name, version)
    return "|".join(
        [
            settings.backend,
            settings.model,
            settings.effective_strategy,
            f"{name}/{version}/{prompt.ref.hash}",
            f"schema/{SCHEMA_VERSION}",
        ]
    )


def _as_article(
    article: str | Article,
    published: dt.date | str | None,
    title: str | None,
    source: str | None,
    url: str | None,
) -> Article:
    if not isinstance(article, (str, Article)):
        raise InputError(f"article must be text or an Article, not {type(article).__name__}")
    parsed = parse_article(article) if isinstance(article, str) else article
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise InputError(f"published must be YYYY-MM-DD, not {published!r}") from None
    return Article(
        body=parsed.body,
        title=title or parsed.title,
        source=source or parsed.source,
        url=url or parsed.url,
        published=published or parsed.published,
    )


async def abrief(
    article: str | Article,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
    llm: LLM | None = None,
) -> Briefing:
    """Brief one article: the async twin of `brief()`, same arguments."""
    settings = (settings or Settings.from_env()).with_model(model)
    art = _as_article(article, published, title, source, url)
    validate_body(art.body, max_chars=settings.max_chars)
    strategy = settings.effective_strategy
    prompts = _prompts.load(*PROMPTS[strategy])
    own_llm = llm is None
    job = Job(
        body=art.body,
        published=art.published,
        title=art.title,
        llm=llm or LLM(settings),
        prompts=prompts,
    )
    try:
        return await _run(job, art, settings, strategy)
    finally:
        if own_llm:
            await job.llm.aclose()


async def _run(job: Job, art: Article, settings: Settings, strategy: str) -> Briefing:
    started = time.perf_counter()
    extractor = _candidates.extract if strategy == "candidates" else _whole.extract
    windows = _chunking.split(art.body, settings.effective_chunk_chars, _OVERLAP_CHARS)
    parts: list[tuple[int, Extraction]] = []
    for start, end in windows:
        part = dataclasses.replace(job, body=art.body[start:end])
        parts.append((start, await extractor(part)))
    extraction = parts[0][1] if len(parts) == 1 else _chunking.merge(parts)
    logger.info(
        "briefed %d chars in %d part(s) in %.1fs",
        len(art.body),
        len(parts),
        time.perf_counter() - started,
    )
    return _stamp(art, extraction, job, settings, strategy)


def _stamp(art: Article, ex: Extraction, job: Job, settings: Settings, strategy: str) -> Briefing:
    meta = Meta(
        model=settings.model,
        backend=settings.backend,
        strategy=strategy,
        prompt=job.prompts.ref,
        usage=job.stats.usage,
        model_calls=job.stats.model_calls,
        attempts=job.stats.attempts,
        latency_s=round(job.stats.latency_s, 3),
        dropped=ex.dropped,
    )
    return Briefing(
        article=ArticleInfo(
            title=art.title,
            source=art.source,
            url=art.url,
            published=art.published,
            language=ex.language or "en",
        ),
        summary=ex.summary,
        parties=ex.parties,
        people=ex.people,
        positions=ex.positions,
        meetings=ex.meetings,
        figures=ex.figures,
        sources=ex.sources,
        meta=meta,
    )


def brief(
    article: str | Article,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
) -> Briefing:
    """Turn one news article into a source-grounded `Briefing`.

    Args:
        article: The article text, plain or with a `key: value` header block
            (title, source, published) followed by a blank line; or an `Article`.
        published: Publication date (YYYY-MM-DD); relative dates resolve against it.
        title: Headline, if not in the header block.
        source: Publisher, if not in the header block.
        url: Where the article was published.
        model: Model name; overrides the settings' model.
        settings: Backend and limits; `Settings.from_env()` when omitted.

    Returns:
        A Briefing whose every evidence quote equals `body[start:end]`.

    Raises:
        InputError: The article is empty, binary, HTML or too long.
        ConfigError: The backend is misconfigured or the local model is missing.
        ModelCallError: The endpoint kept failing after bounded retries.
        ExtractionError: The model's output never validated.
    """
    coro = abrief(
        article,
        published=published,
        title=title,
        source=source,
        url=url,
        model=model,
        settings=settings,
    )
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
