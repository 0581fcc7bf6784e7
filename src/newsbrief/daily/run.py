"""Many articles -> one daily briefing: concurrency, worker processes, cache, resume, merge.

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
import tempfile
import threading
import time
from pathlib import Path

from newsbrief.daily.briefer import (
    PROMPT_TOKENS_ESTIMATE,
    Briefer,
    BriefFn,
    RateLimiter,
    ResultStore,
    Tally,
    brief_fn_for,
    estimate_tokens,
)
from newsbrief.daily.cache import BriefingCache, write_temp
from newsbrief.daily.inputs import InputArticle, iter_inputs
from newsbrief.daily.models import (
    ArticleEntry,
    Coverage,
    DailyBriefing,
    DailyStats,
    daily_json_schema,
)
from newsbrief.daily.partials import PartialStore
from newsbrief.daily.progress import DailyProgress, progress_bar
from newsbrief.daily.workers import (
    PoolEvents,
    Task,
    WorkerError,
    WorkerJob,
    check_picklable,
    log_levels,
    plan_jobs,
    run_pool,
    start_server,
)
from newsbrief.errors import UsageError
from newsbrief.settings import Settings

__all__ = [
    "PROMPT_TOKENS_ESTIMATE",
    "BriefFn",
    "BriefingCache",
    "DailyBriefing",
    "InputArticle",
    "RateLimiter",
    "WorkerError",
    "build_daily",
    "daily_json_schema",
    "ensure_writable",
    "estimate_tokens",
    "iter_inputs",
    "run_daily",
    "write_outputs",
]

log = logging.getLogger(__name__)

Limits = tuple[int, int | None, int | None]
"""(calls in flight, requests per minute, tokens per minute) for the whole run."""


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
    workers: int = 1,
) -> DailyBriefing:
    """Brief every input, merge the day, write `<out_dir>/<date>.json|.md|.html|.ics`.

    Up to `concurrency` model calls run at once (one per process with the embedded local
    model), within the optional `rpm`/`tpm` limits; a failing article is recorded with its
    one-line reason. With `workers` > 1 the articles to brief are shared among that many
    processes (see `newsbrief.daily.workers`), each with its own event loop and client,
    sharing the limits; the result is the same, in input order. Briefings go to `cache`
    (default `settings.cache_dir / "briefings.sqlite"`) and, as each finishes, to
    `<out_dir>/.partial/<date>/`, so a re-run (even after a kill) reuses them and retries
    only what failed. Before any model call `out_dir` must be writable and the cache's
    lock free: a second run on the same cache fails at once, it does not wait. Workers
    start as fresh interpreters ("spawn"): a script that asks for them needs the usual
    `if __name__ == "__main__":` guard around its entry point.

    Args:
        inputs: Articles from `iter_inputs`, with unique ids.
        out_dir: Folder for the outputs (created if missing).
        date: The day being briefed; names the output files.
        settings: Backend and model settings.
        concurrency: Most model calls in flight at once, over all workers.
        rpm: Most model requests per minute, or None for no limit.
        tpm: Most tokens per minute (estimated before each call), or None for no limit.
        cache: The briefing cache; `BriefingCache(":memory:")` for none that persists
            (with workers, each then has its own).
        brief_fn: What briefs one article; defaults to `abrief`. With workers it must be
            picklable (defined at module level).
        progress: Show a progress bar on stderr (only when stderr is a terminal).
        coverage: Which inputs the day holds (from `select_day`), recorded in the briefing.
        workers: Processes that brief at once; 1 briefs in this process and event loop.

    Returns:
        The day's briefing, as written.

    Raises:
        WorkerError: A worker process crashed or was killed (finished articles are kept).
    """
    _check_arguments(inputs, concurrency, workers, out_dir)
    if workers > 1:
        check_picklable(brief_fn)
    started = time.perf_counter()
    store = cache if cache is not None else BriefingCache.default(settings)
    try:
        with store.exclusive():
            results = ResultStore(settings, store, PartialStore(out_dir, date))
            run = _Run(results, brief_fn, (concurrency, rpm, tpm), workers, (out_dir, date))
            entries, tally = await run.brief_all(inputs, progress)
            wall_s = time.perf_counter() - started
            daily = _daily_of(tally, date, entries, wall_s, coverage)
            write_outputs(daily, out_dir)
            results.partials.clear()
    finally:
        if cache is None:
            store.close()
    return daily


def _check_arguments(
    inputs: list[InputArticle], concurrency: int, workers: int, out_dir: Path
) -> None:
    if concurrency < 1:
        raise UsageError("concurrency must be >= 1")
    if workers < 1:
        raise UsageError("workers must be >= 1")
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


class _Run:
    """One run's briefing: look everything up here, brief the rest here or in workers."""

    def __init__(
        self,
        results: ResultStore,
        brief_fn: BriefFn | None,
        limits: Limits,
        workers: int,
        day: tuple[Path, dt.date],
    ) -> None:
        self.results = results
        self.day = day  # (out_dir, date): where the workers save their partial results
        self.brief_fn = brief_fn
        self.limits = limits
        self.workers = workers
        self.tally = Tally()

    async def brief_all(
        self, inputs: list[InputArticle], progress: bool
    ) -> tuple[list[ArticleEntry], Tally]:
        """Every input's entry, in input order, and the run's counters."""
        found: dict[int, ArticleEntry] = {}
        tasks: list[Task] = []
        for index, item in enumerate(inputs):
            lookup = self.results.lookup(item)
            self.tally.found(lookup)
            if lookup.entry is not None:
                found[index] = lookup.entry
            else:
                assert lookup.key is not None
                if not tasks and self.workers > 1:
                    start_server()  # its imports overlap the remaining look-ups
                tasks.append(Task(index, item, lookup.key))
        with progress_bar(len(inputs), progress) as bar:
            bar.found(list(found.values()))
            jobs = self._jobs(tasks) if self.workers > 1 else []
            where = f"{len(jobs)} worker processes" if len(jobs) > 1 else "this process"
            log.info("%d articles to brief in %s, %d found", len(tasks), where, len(found))
            if len(jobs) > 1:
                briefed = await self._in_workers(jobs, bar)
            elif tasks:
                briefed = await self._here(tasks, bar)
            else:
                briefed = {}
        entries = found | briefed
        return [entries[index] for index in range(len(inputs))], self.tally

    def _jobs(self, tasks: list[Task]) -> list[WorkerJob]:
        settings = self.results.settings
        in_flight, rpm, tpm = self.limits
        if settings.backend == "local":  # one call at a time in each process
            in_flight = self.workers
        return plan_jobs(
            tasks,
            self.workers,
            (in_flight, rpm, tpm),
            settings=settings,
            cache_path=str(self.results.cache.path),
            out_dir=self.day[0],
            date=self.day[1],
            brief_fn=self.brief_fn,
            log_levels=log_levels(),
            environ=dict(os.environ),
        )

    async def _here(self, tasks: list[Task], bar: DailyProgress) -> dict[int, ArticleEntry]:
        settings = self.results.settings
        in_flight, rpm, tpm = self.limits
        limits = (1 if settings.backend == "local" else in_flight, rpm, tpm)
        async with brief_fn_for(settings, self.brief_fn) as brief:
            briefer = Briefer.start(brief, self.results, limits)

            async def one(task: Task) -> ArticleEntry:
                entry = await briefer.brief(task.item, task.key, lambda: bar.started(task.item.id))
                self.tally.briefed(entry)
                bar.finished(entry)
                return entry

            entries = await asyncio.gather(*(one(task) for task in tasks))
        return {task.index: entry for task, entry in zip(tasks, entries, strict=True)}

    async def _in_workers(
        self, jobs: list[WorkerJob], bar: DailyProgress
    ) -> dict[int, ArticleEntry]:
        events = _Relay(self.tally, bar, {t.index: t.item.id for j in jobs for t in j.tasks})
        stop = threading.Event()
        try:
            await asyncio.to_thread(run_pool, jobs, events, stop)
        finally:
            stop.set()  # cancelled (Ctrl-C): the pool's thread stops the workers
        return events.entries


class _Relay(PoolEvents):
    """The workers' reports, relayed to the tally and the progress bar (in the pool's thread)."""

    def __init__(self, tally: Tally, bar: DailyProgress, ids: dict[int, str]) -> None:
        self.tally = tally
        self.bar = bar
        self.ids = ids
        self.entries: dict[int, ArticleEntry] = {}

    def started(self, index: int) -> None:
        self.bar.started(self.ids[index])

    def finished(self, index: int, entry: ArticleEntry) -> None:
        self.entries[index] = entry
        self.tally.briefed(entry)
        self.bar.finished(entry)


def _daily_of(
    tally: Tally,
    date: dt.date,
    entries: list[ArticleEntry],
    wall_s: float,
    coverage: Coverage | None,
) -> DailyBriefing:
    return build_daily(
        date,
        entries,
        model_calls=tally.model_calls,
        cache_hits=tally.cache_hits,
        resumed=tally.resumed,
        tokens=tally.tokens,
        wall_s=wall_s,
        coverage=coverage,
    )


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
    from newsbrief.daily.merge import assemble_daily  # late: worker processes never merge

    return assemble_daily(date, entries, stats, coverage)


def write_outputs(daily: DailyBriefing, out_dir: Path) -> dict[str, Path]:
    """Write `<date>.json`, `.md`, `.html` and `.ics` as one set; return their paths.

    The three texts are first written to temporary files beside their targets; only when
    all three are on disk are they renamed into place. A failed write (a full disk) leaves
    the previous set untouched. Should a rename fail midway, the day's outputs are removed,
    new and old alike, so the folder never holds a mix of two runs.
    """
    from newsbrief.daily.ics import daily_ics  # late: worker processes never render
    from newsbrief.daily.render import daily_html, daily_markdown

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
