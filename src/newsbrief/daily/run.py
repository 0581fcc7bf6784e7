"""Many articles -> one daily briefing: concurrency, rate limits, cache, resume, merge.

```python
inputs = iter_inputs(["today/"], default_date=day)
daily = asyncio.run(run_daily(inputs, Path("briefings"), date=day, settings=settings))
```
writes `briefings/<day>.json`, `.md` and `.html` and returns the `DailyBriefing`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from aiolimiter import AsyncLimiter
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsbrief.daily.cache import BriefingCache, PartialStore, cache_key, write_temp
from newsbrief.daily.entries import entry_for
from newsbrief.daily.ics import daily_ics
from newsbrief.daily.inputs import InputArticle, iter_inputs
from newsbrief.daily.merge import assemble_daily
from newsbrief.daily.models import (
    ArticleEntry,
    Coverage,
    DailyBriefing,
    DailyStats,
    daily_json_schema,
)
from newsbrief.daily.render import daily_html, daily_markdown
from newsbrief.errors import NewsbriefError, UsageError, one_line
from newsbrief.llm import LLM
from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.strategies import cache_identity
from newsbrief.text.article import Article

__all__ = [
    "BriefFn",
    "BriefingCache",
    "DailyBriefing",
    "InputArticle",
    "build_daily",
    "daily_json_schema",
    "ensure_writable",
    "iter_inputs",
    "run_daily",
    "write_outputs",
]

log = logging.getLogger(__name__)

BriefFn = Callable[[Article, Settings], Awaitable[Briefing]]
"""Briefs one article: the default calls `newsbrief._api.abrief`."""

PROMPT_TOKENS_ESTIMATE = 1500
"""Tokens assumed per call besides the article (prompt and answer), for the tpm limiter."""


def estimate_tokens(article: Article) -> int:
    """A rough token count of one call: four characters a token, plus prompt and answer."""
    return len(article.body) // 4 + PROMPT_TOKENS_ESTIMATE


class RateLimiter:
    """Optional requests-per-minute and tokens-per-minute limits (leaky buckets)."""

    def __init__(self, rpm: int | None = None, tpm: int | None = None) -> None:
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


@dataclass
class _Tally:
    model_calls: int = 0
    tokens: int = 0
    cache_hits: int = 0
    resumed: int = 0

    def daily(
        self,
        date: dt.date,
        entries: list[ArticleEntry],
        wall_s: float,
        coverage: Coverage | None = None,
    ) -> DailyBriefing:
        """The day's briefing of `entries`, with these counters as its stats."""
        return build_daily(
            date,
            entries,
            model_calls=self.model_calls,
            cache_hits=self.cache_hits,
            resumed=self.resumed,
            tokens=self.tokens,
            wall_s=wall_s,
            coverage=coverage,
        )


@dataclass
class _Runner:
    settings: Settings
    brief_fn: BriefFn
    cache: BriefingCache
    partials: PartialStore
    semaphore: asyncio.Semaphore
    limiter: RateLimiter
    tally: _Tally

    @classmethod
    def start(
        cls,
        settings: Settings,
        brief_fn: BriefFn,
        cache: BriefingCache,
        partials: PartialStore,
        limits: tuple[int, int | None, int | None],
    ) -> _Runner:
        """A runner with `limits` = (calls in flight, requests/minute, tokens/minute)."""
        in_flight, rpm, tpm = limits
        semaphore = asyncio.Semaphore(in_flight)
        return cls(settings, brief_fn, cache, partials, semaphore, RateLimiter(rpm, tpm), _Tally())

    async def one(self, item: InputArticle) -> ArticleEntry:
        """Brief one input, reusing a partial or cached result; never raises an Exception."""
        if item.article is None:
            return entry_for(item, None, item.error or "unreadable input")
        key = cache_key(item.article, self.settings)
        resumed = self.partials.load(item.id, key, item.article.body)
        if resumed is not None:
            self.tally.cache_hits += 1
            self.tally.resumed += 1
            return resumed
        cached = self._cached(key, item.article.body)
        if cached is not None:
            self.tally.cache_hits += 1
            return self._finish(key, entry_for(item, cached, None))
        async with self.semaphore:
            await self.limiter.acquire(estimate_tokens(item.article))
            try:
                briefing = await self.brief_fn(item.article, self.settings)
            except NewsbriefError as exc:
                log.warning("article %s failed: %s", item.id, one_line(exc))
                return entry_for(item, None, one_line(exc))
            except Exception as exc:
                log.exception("article %s failed unexpectedly", item.id)
                return entry_for(item, None, one_line(exc))
        self.tally.model_calls += briefing.meta.model_calls
        self.tally.tokens += briefing.meta.usage.total_tokens
        self._store(key, briefing)
        return self._finish(key, entry_for(item, briefing, None))

    def _cached(self, key: str, body: str) -> Briefing | None:
        try:
            return self.cache.get(key, body)
        except Exception as exc:  # a broken cache must not stop the day
            log.warning("cache read failed: %s", exc)
            return None

    def _store(self, key: str, briefing: Briefing) -> None:
        try:
            self.cache.put(key, briefing, identity=cache_identity(self.settings))
        except Exception as exc:
            log.warning("cache write failed: %s", exc)

    def _finish(self, key: str, entry: ArticleEntry) -> ArticleEntry:
        # Synchronous on purpose: once an article is finished it is on disk, whatever
        # happens next (a write costs the loop about a millisecond at most).
        try:
            self.partials.save(key, entry)
        except OSError as exc:
            log.warning("cannot write partial result for %s: %s", entry.id, exc)
        return entry


@contextlib.contextmanager
def _progress_bar(total: int, enabled: bool) -> Iterator[Callable[[ArticleEntry], None]]:
    """A bar on stderr (a terminal only): done/total, failures, the last article, time left.

    Yields the function to call as each article finishes; it names that article on the bar.
    """
    console = Console(stderr=True)
    show = enabled and sys.stderr.isatty()
    columns = (
        TextColumn("briefing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        # An article's id is untrusted text: shown as is, never parsed as rich markup.
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=console, disable=not show, transient=False) as bar:
        task = bar.add_task("", total=total, failed=0)
        failed = 0

        def advance(entry: ArticleEntry) -> None:
            nonlocal failed
            failed += entry.status == "error"
            mark = "failed" if entry.status == "error" else "done"
            name = " ".join(entry.id.split())  # no newline or tab can break the line
            label = name if len(name) <= 40 else name[:39] + "…"
            bar.update(task, advance=1, failed=failed, description=f"{mark}: {label}")

        yield advance


async def run_daily(
    inputs: list[InputArticle],
    out_dir: Path,
    *,
    date: dt.date,
    settings: Settings,
    concurrency: int = 4,
    rpm: int | None = None,
    tpm: int | None = None,
    cache: BriefingCache | None = None,
    brief_fn: BriefFn | None = None,
    progress: bool = True,
    coverage: Coverage | None = None,
) -> DailyBriefing:
    """Brief every input, merge the day, write `<out_dir>/<date>.json|.md|.html|.ics`.

    Up to `concurrency` model calls run at once (one with the embedded local model), within
    the optional `rpm`/`tpm` limits; a failing article is recorded with its one-line reason.
    Briefings go to `cache` (default `settings.cache_dir / "briefings.sqlite"`) and, as each
    finishes, to `<out_dir>/.partial/<date>/`, so a re-run (even after a kill) reuses them
    and retries only what failed. Before any model call `out_dir` must be writable and the
    cache's lock free: a second run on the same cache fails at once, it does not wait.

    Args:
        inputs: Articles from `iter_inputs`, with unique ids.
        out_dir: Folder for the outputs (created if missing).
        date: The day being briefed; names the output files.
        settings: Backend and model settings.
        concurrency: Most model calls in flight at once.
        rpm: Most model requests per minute, or None for no limit.
        tpm: Most tokens per minute (estimated before each call), or None for no limit.
        cache: The briefing cache; `BriefingCache(":memory:")` for none that persists.
        brief_fn: What briefs one article; defaults to `abrief`.
        progress: Show a progress bar on stderr (only when stderr is a terminal).
        coverage: Which inputs the day holds (from `select_day`), recorded in the briefing.

    Returns:
        The day's briefing, as written.
    """
    _check_arguments(inputs, concurrency, out_dir)
    started = time.perf_counter()
    store = cache if cache is not None else BriefingCache.default(settings)
    try:
        with store.exclusive():
            async with _brief_fn(settings, brief_fn) as brief:
                limits = (1 if settings.backend == "local" else concurrency, rpm, tpm)
                runner = _Runner.start(settings, brief, store, PartialStore(out_dir, date), limits)
                entries = await _brief_all(runner, inputs, progress)
            daily = runner.tally.daily(date, entries, time.perf_counter() - started, coverage)
            write_outputs(daily, out_dir)
            runner.partials.clear()
    finally:
        if cache is None:
            store.close()
    return daily


def _check_arguments(inputs: list[InputArticle], concurrency: int, out_dir: Path) -> None:
    if concurrency < 1:
        raise UsageError("concurrency must be >= 1")
    if len({item.id for item in inputs}) != len(inputs):
        raise UsageError("input ids must be unique (iter_inputs makes them so)")
    ensure_writable(out_dir)


def ensure_writable(out_dir: Path) -> None:
    """Create `out_dir` if needed and prove a file can be written in it, or raise UsageError.

    Run before any model call, so a read-only or misspelt `--out` costs nothing.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".newsbrief-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(
            f"cannot write to the output folder {out_dir}: {exc.strerror or exc}"
        ) from None


async def _abrief_without_model(article: Article, run_settings: Settings) -> Briefing:
    from newsbrief import abrief  # the public API; imported late, it imports this package

    return await abrief(article, settings=run_settings)


@contextlib.asynccontextmanager
async def _brief_fn(settings: Settings, brief_fn: BriefFn | None) -> AsyncIterator[BriefFn]:
    """`brief_fn`, or `abrief` over one client shared by the run (closed at the end)."""
    if brief_fn is not None:
        yield brief_fn
        return
    if settings.backend == "rules":  # no model: nothing to share, abrief answers from code
        yield _abrief_without_model
        return
    shared = LLM(settings)

    async def with_shared_client(article: Article, run_settings: Settings) -> Briefing:
        from newsbrief import abrief  # the public API; imported late, it imports this package

        return await abrief(article, settings=run_settings, asker=shared.asker())

    try:
        yield with_shared_client
    finally:
        await shared.aclose()


async def _brief_all(
    runner: _Runner, inputs: list[InputArticle], progress: bool
) -> list[ArticleEntry]:
    """Every input's entry, in input order, with a progress bar."""
    with _progress_bar(len(inputs), progress) as advance:

        async def tracked(item: InputArticle) -> ArticleEntry:
            entry = await runner.one(item)
            advance(entry)
            return entry

        return await asyncio.gather(*(tracked(item) for item in inputs))


def build_daily(
    date: dt.date,
    entries: list[ArticleEntry],
    *,
    model_calls: int = 0,
    cache_hits: int = 0,
    resumed: int = 0,
    tokens: int = 0,
    wall_s: float = 0.0,
    coverage: Coverage | None = None,
) -> DailyBriefing:
    """Assemble the DailyBriefing: entries in input order plus stories and merged views."""
    ok = sum(entry.status == "ok" for entry in entries)
    stats = DailyStats(
        articles_ok=ok,
        articles_failed=len(entries) - ok,
        model_calls=model_calls,
        cache_hits=cache_hits,
        resumed=resumed,
        tokens=tokens,
        wall_s=round(wall_s, 3),
    )
    return assemble_daily(date, entries, stats, coverage)


def write_outputs(daily: DailyBriefing, out_dir: Path) -> dict[str, Path]:
    """Write `<date>.json`, `.md`, `.html` and `.ics` as one set; return their paths.

    The three texts are first written to temporary files beside their targets; only when
    all three are on disk are they renamed into place. A failed write (a full disk) leaves
    the previous set untouched. Should a rename fail midway, the day's outputs are removed,
    new and old alike, so the folder never holds a mix of two runs.
    """
    stem = daily.date.isoformat()
    texts = {
        "json": daily.model_dump_json(indent=2) + "\n",
        "md": daily_markdown(daily),
        "html": daily_html(daily),
        "ics": daily_ics(daily),
    }
    paths = {suffix: out_dir / f"{stem}.{suffix}" for suffix in texts}
    staged: list[Path] = []
    try:
        for suffix, text in texts.items():
            staged.append(write_temp(paths[suffix], text))
    except BaseException:
        _remove(staged)
        raise
    try:
        for tmp, path in zip(staged, paths.values(), strict=True):
            os.replace(tmp, path)
    except BaseException:
        log.error("the outputs of %s could not all be renamed into place: removing them", stem)
        _remove([*staged, *paths.values()])
        raise
    return paths


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
