"""Brief one article of the day: partial result, cache, or a model call within the limits.

The same `Briefer` runs in the calling process (`workers=1`) and in every worker process:
`lookup` finds what needs no model (unreadable input, a partial result, a cached briefing),
`brief` makes the model call under the concurrency and rate limits and saves the result.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from aiolimiter import AsyncLimiter

from newsbrief.daily.cache import BriefingCache, cache_key
from newsbrief.daily.entries import entry_for
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import ArticleEntry
from newsbrief.daily.partials import PartialStore
from newsbrief.errors import NewsbriefError, UsageError, one_line
from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.strategies import cache_identity
from newsbrief.text.article import Article

log = logging.getLogger(__name__)

BriefFn = Callable[[Article, Settings], Awaitable[Briefing]]
"""Briefs one article: the default calls `newsbrief._api.abrief`."""

PROMPT_TOKENS_ESTIMATE = 1500
"""Tokens assumed per call besides the article (prompt and answer), for the tpm limiter."""

Found = Literal["unreadable", "resumed", "cached"]


def estimate_tokens(article: Article) -> int:
    """A rough token count of one call: four characters a token, plus prompt and answer."""
    return len(article.body) // 4 + PROMPT_TOKENS_ESTIMATE


class RateLimiter:
    """Optional requests-per-minute and tokens-per-minute limits (leaky buckets).

    A worker process gets its share of the run's limits, so the shares may be fractions.
    """

    def __init__(self, rpm: float | None = None, tpm: float | None = None) -> None:
        if (rpm is not None and rpm < 1) or (tpm is not None and tpm < 1):
            raise UsageError("rpm and tpm must be positive")
        self._requests = AsyncLimiter(rpm, 60) if rpm else None
        self._tokens = AsyncLimiter(tpm, 60) if tpm else None
        self._tpm = tpm or 0

    async def acquire(self, tokens: int) -> None:
        """Wait until one request of about `tokens` tokens fits both limits."""
        if self._requests is not None:
            await self._requests.acquire()
        if self._tokens is not None:
            await self._tokens.acquire(min(max(tokens, 1), self._tpm))


@dataclass(frozen=True)
class Lookup:
    """What `Briefer.lookup` found for one input: an entry needing no model call, or a key."""

    key: str | None
    entry: ArticleEntry | None = None
    found: Found | None = None


@dataclass
class Tally:
    """The run's counters: model calls and tokens of fresh briefings, cache hits, resumes."""

    model_calls: int = 0
    tokens: int = 0
    cache_hits: int = 0
    resumed: int = 0

    def found(self, lookup: Lookup) -> None:
        """Count an entry that needed no model call."""
        self.cache_hits += lookup.found in ("resumed", "cached")
        self.resumed += lookup.found == "resumed"

    def briefed(self, entry: ArticleEntry) -> None:
        """Count a fresh briefing's model calls and tokens (a failure counts nothing)."""
        if entry.briefing is not None:
            self.model_calls += entry.briefing.meta.model_calls
            self.tokens += entry.briefing.meta.usage.total_tokens


@dataclass
class ResultStore:
    """Where finished articles go and are found again: the briefing cache, the partials."""

    settings: Settings
    cache: BriefingCache
    partials: PartialStore

    @functools.cached_property
    def identity(self) -> str:
        """`cache_identity(settings)`, computed once per run (it reads the prompt files)."""
        return cache_identity(self.settings)

    def lookup(self, item: InputArticle) -> Lookup:
        """The entry of an input that needs no model call, or its cache key to brief it."""
        if item.article is None:
            error = item.error or "unreadable input"
            return Lookup(None, entry_for(item, None, error), "unreadable")
        key = cache_key(item.article, self.settings, identity=self.identity)
        resumed = self.partials.load(item.id, key, item.article.body)
        if resumed is not None:
            return Lookup(key, resumed, "resumed")
        cached = self._cached(key, item.article.body)
        if cached is not None:
            return Lookup(key, self.finish(key, entry_for(item, cached, None)), "cached")
        return Lookup(key)

    def keep(self, key: str, item: InputArticle, briefing: Briefing) -> ArticleEntry:
        """Store a fresh briefing in the cache and as a partial result; return its entry."""
        try:
            self.cache.put(key, briefing, identity=self.identity)
        except Exception as exc:
            log.warning("cache write failed: %s", exc)
        return self.finish(key, entry_for(item, briefing, None))

    def finish(self, key: str, entry: ArticleEntry) -> ArticleEntry:
        """Save a finished entry as a partial result (a failure to save is only logged)."""
        # Synchronous on purpose: once an article is finished it is on disk, whatever
        # happens next (a write costs the loop about a millisecond at most).
        try:
            self.partials.save(key, entry)
        except OSError as exc:
            log.warning("cannot write partial result for %s: %s", entry.id, exc)
        return entry

    def _cached(self, key: str, body: str) -> Briefing | None:
        try:
            return self.cache.get(key, body)
        except Exception as exc:  # a broken cache must not stop the day
            log.warning("cache read failed: %s", exc)
            return None


@dataclass
class Briefer:
    """Briefs articles with the model in one process, within its concurrency and rate limits."""

    brief_fn: BriefFn
    store: ResultStore
    semaphore: asyncio.Semaphore
    limiter: RateLimiter

    @classmethod
    def start(
        cls,
        brief_fn: BriefFn,
        store: ResultStore,
        limits: tuple[int, float | None, float | None],
    ) -> Briefer:
        """A briefer with `limits` = (calls in flight, requests/minute, tokens/minute)."""
        in_flight, rpm, tpm = limits
        return cls(brief_fn, store, asyncio.Semaphore(in_flight), RateLimiter(rpm, tpm))

    async def brief(
        self, item: InputArticle, key: str, on_start: Callable[[], None]
    ) -> ArticleEntry:
        """Brief one input with the model; never raises an Exception (a failure is an entry).

        `on_start` is called once the call may start (within the concurrency and rate
        limits): the article is then being worked on.
        """
        assert item.article is not None
        async with self.semaphore:
            await self.limiter.acquire(estimate_tokens(item.article))
            on_start()
            try:
                briefing = await self.brief_fn(item.article, self.store.settings)
            except NewsbriefError as exc:
                log.warning("article %s failed: %s", item.id, one_line(exc))
                return entry_for(item, None, one_line(exc))
            except Exception as exc:
                log.exception("article %s failed unexpectedly", item.id)
                return entry_for(item, None, one_line(exc))
        return self.store.keep(key, item, briefing)


async def _abrief_without_model(article: Article, run_settings: Settings) -> Briefing:
    from newsbrief import abrief  # the public API; imported late, it imports this package

    return await abrief(article, settings=run_settings)


@contextlib.asynccontextmanager
async def brief_fn_for(settings: Settings, brief_fn: BriefFn | None) -> AsyncIterator[BriefFn]:
    """`brief_fn`, or `abrief` over one client shared by the process (closed at the end)."""
    if brief_fn is not None:
        yield brief_fn
        return
    if settings.backend == "rules":  # no model: nothing to share, abrief answers from code
        yield _abrief_without_model
        return
    from newsbrief.llm import LLM  # the SDKs load only when a model is asked (~1 s)

    shared = LLM(settings)

    async def with_shared_client(article: Article, run_settings: Settings) -> Briefing:
        from newsbrief import abrief  # the public API; imported late, it imports this package

        return await abrief(article, settings=run_settings, asker=shared.asker())

    try:
        yield with_shared_client
    finally:
        await shared.aclose()
