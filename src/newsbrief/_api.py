"""brief() and abrief(): read -> prompt -> call -> ground -> normalise -> stamp."""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import logging
import time

from newsbrief.errors import InputError
from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.strategies import Asker, Extraction, Job, Strategy, for_settings, stamp
from newsbrief.strategies import chunking as _chunking
from newsbrief.strategies.base import RulesAsker
from newsbrief.text.article import Article, parse_article, validate_body

logger = logging.getLogger(__name__)

_OVERLAP_CHARS = 400


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
    asker: Asker | None = None,
) -> Briefing:
    """Brief one article: the async twin of `brief()`, same arguments.

    `asker` is how the model is reached: by default a client for `settings` is opened and
    closed around this call; to share one client (and its kept-alive connections) across
    many articles, pass `llm.asker()` inside `async with LLM(settings) as llm:`, which
    closes it; or pass any `Asker` (a test double, a cache) to bring your own.
    """
    settings = (settings or Settings.from_env()).with_model(model)
    art = _as_article(article, published, title, source, url)
    validate_body(art.body, max_chars=settings.max_chars)
    if asker is not None:
        return await _brief_with(art, asker, settings)
    if settings.backend == "rules":
        return await _brief_with(art, RulesAsker(), settings)
    from newsbrief.llm import LLM  # the SDKs load only when a model is asked (~1 s)

    async with LLM(settings) as llm:
        return await _brief_with(art, llm.asker(), settings)


async def _brief_with(art: Article, ask: Asker, settings: Settings) -> Briefing:
    """Strategy over each part -> merge the parts -> stamp with the asker's counters."""
    strategy = for_settings(settings)
    prompts = strategy.prompts()
    job = Job(body=art.body, published=art.published, title=art.title, prompts=prompts)
    extraction = await _extract_in_parts(job, ask, strategy, settings)
    meta = ask.stats.meta(
        model=settings.model, backend=settings.backend, strategy=strategy.name, prompt=prompts.ref
    )
    return stamp(art, extraction, meta)


async def _extract_in_parts(
    job: Job, ask: Asker, strategy: Strategy, settings: Settings
) -> Extraction:
    started = time.perf_counter()
    windows = _chunking.split(job.body, settings.effective_chunk_chars, _OVERLAP_CHARS)
    parts: list[tuple[int, Extraction]] = []
    for start, end in windows:
        part = dataclasses.replace(job, body=job.body[start:end])
        parts.append((start, await strategy.extract(part, ask)))
    logger.info(
        "briefed %d chars in %d part(s) in %.1fs",
        len(job.body),
        len(parts),
        time.perf_counter() - started,
    )
    return parts[0][1] if len(parts) == 1 else _chunking.merge(parts)


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
