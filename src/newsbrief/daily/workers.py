"""Worker processes for `run_daily(workers=N)`: each with its own event loop, client and cache.

The calling process looks every input up first (partial results, cache); the articles left
to brief are dealt round-robin to N processes forked from multiprocessing's fork server, a
clean single-threaded process that has imported the worker's modules once (never forked
from the parent, which has a running event loop and threads; "spawn" where there is no fork
server or it cannot be reached). The server starts as soon as a run knows it has articles
to brief, so its imports overlap the parent's look-ups, and each worker starts in
milliseconds instead of importing everything again. The run's concurrency and rate limits
are shared out among the workers. Each opens its own connection to the SQLite cache (WAL;
the parent holds the run's lock) and saves each finished article as a partial result
before reporting it, so nothing finished is lost when a worker or the parent dies. Messages
come back over one pipe per worker: ready, start, done (the entry), and its log records.

A worker ignores Ctrl-C: the parent stops them all (SIGTERM, then SIGKILL) and the partial
results let the next run resume. A worker that ends before it has reported all of its
articles makes the run fail with `WorkerError`, once the other workers have finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import importlib
import logging
import logging.handlers
import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import pickle
import signal
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Final, TypeVar

from newsbrief.daily.briefer import Briefer, BriefFn, ResultStore, brief_fn_for
from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import ArticleEntry
from newsbrief.daily.partials import PartialStore
from newsbrief.errors import UsageError, WorkerError, one_line
from newsbrief.settings import Settings

log = logging.getLogger(__name__)

START_METHOD: Final = (
    "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
)
"""How workers start: forked from a clean server process, else a fresh interpreter."""
PRELOAD: Final = ("newsbrief.daily.workers", "newsbrief.llm", "newsbrief._api")
"""What the fork server imports once for every worker (the SDKs and the whole pipeline)."""
POLL_S = 0.2
"""How often the parent checks whether it was asked to stop while it waits for messages."""
STOP_GRACE_S = 5.0
"""How long a worker may take to end after SIGTERM before it is killed."""

_T = TypeVar("_T")


@dataclass(frozen=True)
class Task:
    """One article for a worker: its position in the inputs, the input, its cache key."""

    index: int
    item: InputArticle
    key: str


@dataclass(frozen=True)
class WorkerJob:
    """Everything one worker process needs (sent to it pickled)."""

    number: int
    settings: Settings
    tasks: list[Task]
    cache_path: str
    out_dir: Path
    date: dt.date
    limits: tuple[int, float | None, float | None]
    brief_fn: BriefFn | None = None
    log_levels: dict[str, int] = field(default_factory=dict)
    environ: dict[str, str] = field(default_factory=dict)
    """The parent's environment when the run began (the fork server's may be older)."""


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity where the platform tells it)."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def default_workers(settings: Settings) -> int:
    """Worker processes by default: one per CPU for an endpoint, else one.

    The embedded model already uses every core for one call, and the rules backend's
    work is short, so neither gains from more processes by default.
    """
    return cpu_count() if settings.backend == "openai" else 1


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop maker of uvloop when it is installed (optional), else None (asyncio's)."""
    try:
        uvloop = importlib.import_module("uvloop")
    except ImportError:
        return None
    factory: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    return factory


def run_async(coro: Coroutine[Any, Any, _T]) -> _T:
    """`asyncio.run(coro)`, on uvloop when it is installed.

    The main task's own result is None; `coro`'s comes back through a holder. On Python
    3.11 the runner's SIGINT bookkeeping at the end formats the repr of its handler, which
    holds the main task and so its result: a whole `DailyBriefing` (every entry) was
    rendered twice per run and thrown away (about 30 ms per 500 articles).
    """
    holder: list[_T] = []
    with _imports_frozen(), asyncio.Runner(loop_factory=loop_factory()) as runner:
        runner.run(_keep_result(coro, holder))
    return holder[0]


@contextlib.contextmanager
def _imports_frozen() -> Iterator[None]:
    """Keep the cyclic garbage collector off the objects that exist before the run.

    Those are mostly the imported libraries' (over 200,000 objects once the SDKs and
    scikit-learn are loaded); every full collection walked them all, about 150 ms each, and
    a day of 500 articles set off one or two. `gc.freeze()` moves them out of the
    collector's sight for the run (`gc.unfreeze()` puts them back after it), so a full
    collection walks only what the run made. Cyclic garbage left from before the run is
    freed after it instead of during it. A caller that froze objects itself is left as is.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


async def _keep_result(coro: Coroutine[Any, Any, _T], holder: list[_T]) -> None:
    holder.append(await coro)


def plan_jobs(
    tasks: list[Task],
    workers: int,
    limits: tuple[int, int | None, int | None],
    **common: Any,
) -> list[WorkerJob]:
    """Deal `tasks` round-robin to at most `workers` jobs, sharing out the run's `limits`.

    `limits` = (calls in flight, requests/minute, tokens/minute) for the whole run; a job
    never gets less than one call in flight or one request and one token a minute, so
    there are at most that many jobs. `common` holds the other `WorkerJob` fields.
    """
    in_flight, rpm, tpm = limits
    count = min(workers, len(tasks), in_flight, rpm or workers, tpm or workers)
    jobs = []
    for number in range(count):
        share = in_flight // count + (number < in_flight % count)
        job_limits = (share, rpm / count if rpm else None, tpm / count if tpm else None)
        jobs.append(WorkerJob(number, tasks=tasks[number::count], limits=job_limits, **common))
    return jobs


def log_levels() -> dict[str, int]:
    """This process's logging levels (root as ""), for a worker to filter the same way."""
    levels = {"": logging.getLogger().level}
    for name, logger in logging.Logger.manager.loggerDict.items():
        if isinstance(logger, logging.Logger) and logger.level != logging.NOTSET:
            levels[name] = logger.level
    return levels


def check_picklable(brief_fn: BriefFn | None) -> None:
    """Raise UsageError unless `brief_fn` can be sent to a worker process."""
    try:
        pickle.dumps(brief_fn)
    except Exception as exc:
        raise UsageError(
            f"brief_fn cannot be sent to a worker process ({one_line(exc)}): define it at "
            "module level, or use workers=1"
        ) from None


# --- the worker process ---------------------------------------------------------------


class _Outbox:
    """The worker's end of its pipe; also the 'queue' its log records go through."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()

    def send(self, message: tuple[Any, ...]) -> None:
        with self._lock:
            try:
                self._conn.send(message)
            except OSError:  # the parent is gone: nobody will read our results
                raise SystemExit(1) from None

    def put_nowait(self, record: logging.LogRecord) -> None:
        self.send(("log", record))


def _forward_logs(outbox: _Outbox, levels: dict[str, int]) -> None:
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    root.addHandler(logging.handlers.QueueHandler(outbox))  # type: ignore[arg-type]
    for name, level in levels.items():
        logging.getLogger(name or None).setLevel(level)


def worker_main(conn: Connection, job: WorkerJob) -> None:
    """The body of one worker process: report ready, wait for go, brief the job's tasks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # SIGINT is also blocked from the start
    if job.environ:
        os.environ.clear()
        os.environ.update(job.environ)
    outbox = _Outbox(conn)
    _forward_logs(outbox, job.log_levels)
    outbox.send(("ready",))
    try:
        if conn.recv() != "go":
            return
    except (EOFError, OSError):  # the parent stopped before the start
        return
    try:
        run_async(_brief_tasks(job, outbox))
    except Exception as exc:
        log.error("worker %d failed: %s", job.number, one_line(exc))
        raise SystemExit(1) from None
    finally:
        conn.close()


async def _brief_tasks(job: WorkerJob, outbox: _Outbox) -> None:
    cache = BriefingCache(job.cache_path)
    try:
        async with brief_fn_for(job.settings, job.brief_fn) as brief:
            store = ResultStore(job.settings, cache, PartialStore(job.out_dir, job.date))
            briefer = Briefer.start(brief, store, job.limits)

            async def one(task: Task) -> None:
                entry = await briefer.brief(
                    task.item, task.key, lambda: outbox.send(("start", task.index))
                )
                outbox.send(("done", task.index, entry))

            await asyncio.gather(*(one(task) for task in job.tasks))
    finally:
        cache.close()


# --- the parent -------------------------------------------------------------------------


@dataclass
class _Worker:
    job: WorkerJob
    process: BaseProcess
    conn: Connection
    ready: bool = False
    ended: bool = False  # its pipe is closed: the process is gone or going
    done: set[int] = field(default_factory=set)
    working: dict[int, str] = field(default_factory=dict)  # index -> article id
    ids: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = {task.index: task.item.id for task in self.job.tasks}

    @property
    def complete(self) -> bool:
        return len(self.done) == len(self.job.tasks)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread: a process started meanwhile inherits the block."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def start_server() -> None:
    """Start the fork server workers come from, if the platform has one and it is not running.

    It returns at once: the server imports `PRELOAD` in its own process while this one goes
    on, and the first worker asked for waits until it is ready. SIGINT stays blocked in the
    server, and so in every worker forked from it: Ctrl-C is the parent's to handle.
    """
    if START_METHOD != "forkserver":
        return
    ctx = multiprocessing.get_context(START_METHOD)
    ctx.set_forkserver_preload(list(PRELOAD))
    with _sigint_blocked():
        forkserver.ensure_running()


def _spawn(jobs: list[WorkerJob]) -> list[_Worker]:
    ctx = multiprocessing.get_context(START_METHOD)
    start_server()
    workers: list[_Worker] = []
    try:
        for job in jobs:
            parent_end, child_end = ctx.Pipe()
            try:
                process = _start(ctx, job, child_end)
            except (OSError, RuntimeError) as exc:  # RuntimeError: a test's network guard
                if workers or START_METHOD != "forkserver":
                    raise
                log.info("fork server unreachable (%s): workers start fresh", one_line(exc))
                ctx = multiprocessing.get_context("spawn")
                process = _start(ctx, job, child_end)
            child_end.close()
            workers.append(_Worker(job, process, parent_end))
    except BaseException:
        _stop(workers)
        raise
    return workers


def _start(ctx: Any, job: WorkerJob, child_end: Connection) -> BaseProcess:
    process: BaseProcess = ctx.Process(
        target=worker_main,
        args=(child_end, job),
        name=f"newsbrief-worker-{job.number}",
        daemon=True,
    )
    with _sigint_blocked():
        process.start()
    return process


class PoolEvents:
    """What the parent does as workers report: override `started` and `finished`."""

    def started(self, index: int) -> None:
        """The article at `index` of the inputs started its model call."""

    def finished(self, index: int, entry: ArticleEntry) -> None:
        """The article at `index` of the inputs finished (briefed or failed)."""


def run_pool(jobs: list[WorkerJob], events: PoolEvents, stop: threading.Event) -> None:
    """Run one worker process per job until all have ended, or until `stop` is set.

    Raises:
        WorkerError: A worker ended before it reported all of its articles (the others
            finish theirs first), or could not start.
    """
    workers = _spawn(jobs)
    try:
        lost = _serve(workers, events, stop)
    finally:
        _stop(workers)
    if lost is not None and not stop.is_set():
        raise WorkerError(_lost_message(lost, workers))


def _serve(workers: list[_Worker], events: PoolEvents, stop: threading.Event) -> _Worker | None:
    """Relay the workers' messages until all have ended; the first one lost, if any."""
    by_conn = {id(worker.conn): worker for worker in workers}
    lost: _Worker | None = None
    going = False
    while not stop.is_set():
        open_ = [worker for worker in workers if not worker.ended]
        if not open_ or (lost is not None and not going):
            break  # all done, or a worker could not start: stop the others
        if not going and all(worker.ready for worker in workers):
            for worker in workers:
                with contextlib.suppress(OSError):  # one that died meanwhile is found lost
                    worker.conn.send("go")
            going = True
        for conn in wait([worker.conn for worker in open_], timeout=POLL_S):
            assert isinstance(conn, Connection)
            worker = by_conn[id(conn)]
            _receive(worker, events)
            if worker.ended and not worker.complete and lost is None:
                lost = worker
    return lost


def _receive(worker: _Worker, events: PoolEvents) -> None:
    try:
        message = worker.conn.recv()
    except (EOFError, OSError, pickle.UnpicklingError):
        worker.ended = True
        return
    kind = message[0]
    if kind == "ready":
        worker.ready = True
    elif kind == "start":
        index = message[1]
        worker.working[index] = worker.ids[index]
        events.started(index)
    elif kind == "done":
        index, entry = message[1], message[2]
        worker.working.pop(index, None)
        worker.done.add(index)
        events.finished(index, entry)
    elif kind == "log":
        record: logging.LogRecord = message[1]
        logging.getLogger(record.name).handle(record)


def _stop(workers: list[_Worker]) -> None:
    """End every worker process: those still briefing get SIGTERM, then SIGKILL."""
    for worker in workers:
        if worker.process.is_alive() and not worker.complete:
            worker.process.terminate()
    for worker in workers:
        worker.process.join(STOP_GRACE_S)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _exit_text(code: int | None) -> str:
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def _lost_message(lost: _Worker, workers: list[_Worker]) -> str:
    how = _exit_text(lost.process.exitcode)
    if not lost.ready:
        return f"worker process {lost.job.number} could not start ({how})"
    left = sum(len(w.job.tasks) - len(w.done) for w in workers)
    total = sum(len(w.job.tasks) for w in workers)
    working = ", ".join(sorted(lost.working.values())[:3]) or "no article"
    return (
        f"worker process {lost.job.number} ended ({how}) while briefing {working}; "
        f"{left} of {total} articles were not briefed. Finished articles are kept: "
        "run the same command again to resume"
    )


__all__ = [
    "PoolEvents",
    "Task",
    "WorkerError",
    "WorkerJob",
    "cpu_count",
    "default_workers",
    "log_levels",
    "loop_factory",
    "plan_jobs",
    "run_async",
    "run_pool",
    "start_server",
    "worker_main",
]
