"""run_daily(workers=N): worker processes give the day one process gives, and fail clearly."""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import multiprocessing.forkserver as forkserver
import os
import signal
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path
from typing import Any

import pytest

import newsbrief
from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import iter_inputs
from newsbrief.daily.partials import PartialStore
from newsbrief.daily.run import run_daily
from newsbrief.daily.workers import (
    Task,
    WorkerError,
    cpu_count,
    default_workers,
    loop_factory,
    plan_jobs,
    run_async,
)
from newsbrief.errors import UsageError
from newsbrief.settings import Settings
from newsbrief.text.article import Article
from tests.daily.worker_helpers import MARK, RecordingBrief
from tests.daily_helpers import DAY, FakeBrief, make_inputs, run_day
from tests.paths import ROOT

SRC = Path(newsbrief.__file__).parent.parent


run = functools.partial(run_day, workers=2)


def without_timing(value: Any) -> Any:
    """The JSON of a day without the fields that measure time."""
    if isinstance(value, dict):
        return {k: without_timing(v) for k, v in value.items() if k not in ("wall_s", "latency_s")}
    if isinstance(value, list):
        return [without_timing(v) for v in value]
    return value


def test_two_workers_brief_the_same_day_as_one(tmp_path: Path) -> None:
    """The code-only backend, real abrief in each worker: the outputs match but for timing."""
    rules = Settings(backend="rules", cache_dir=tmp_path / "cache")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:3]
    inputs = list(iter_inputs([str(p) for p in seeds], default_date=DAY))
    days = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        asyncio.run(
            run_daily(
                inputs,
                out,
                date=DAY,
                settings=rules,
                progress=False,
                workers=workers,
                cache=BriefingCache(":memory:"),
            )
        )
        days[workers] = json.loads((out / "2024-03-30.json").read_text(encoding="utf-8"))
    assert days[1]["stats"]["articles_ok"] == 3
    assert without_timing(days[2]) == without_timing(days[1])
    assert (tmp_path / "w1" / "2024-03-30.ics").read_text() == (
        tmp_path / "w2" / "2024-03-30.ics"
    ).read_text()


def test_workers_keep_input_order_count_failures_and_share_the_cache(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    # The first articles are the slowest: they finish last, yet stay first.
    names = ("a", "b", "c", "d", "e", "f")
    brief = RecordingBrief(tmp_path / "calls.log", delay={"a": 0.3, "b": 0.2}, fail=frozenset("c"))
    daily = run(make_inputs(*names), tmp_path / "out", settings, brief)
    assert [a.id for a in daily.articles] == list(names)
    assert [a.status for a in daily.articles] == ["ok", "ok", "error", "ok", "ok", "ok"]
    assert daily.articles[2].error == "ModelCallError: endpoint down after 4 attempts"
    assert (daily.stats.articles_ok, daily.stats.articles_failed) == (5, 1)
    assert (daily.stats.model_calls, daily.stats.tokens) == (5, 500)
    assert sorted(brief.calls()) == list(names), "each article briefed once"
    assert len(brief.pids() - {os.getpid()}) == 2, "in two other processes"
    assert "article c failed: ModelCallError" in caplog.text, "a worker's warning reaches us"

    retry = RecordingBrief(tmp_path / "retry.log")
    again = run(make_inputs(*names), tmp_path / "out", settings, retry)
    assert retry.calls() == ["c"], "what the workers cached is not briefed again"
    assert (again.stats.articles_ok, again.stats.cache_hits) == (6, 5)


def test_workers_fork_from_a_server_and_see_the_environment_of_the_run(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forked from the fork server (started by an earlier run here), not from this process;
    yet they see this process's environment as it is when the run starts."""
    run(make_inputs("a", "b"), tmp_path / "first", settings, RecordingBrief(tmp_path / "1.log"))
    monkeypatch.setenv(MARK, "set-after-the-server-started")
    brief = RecordingBrief(tmp_path / "2.log")
    daily = run(make_inputs("c", "d"), tmp_path / "second", settings, brief)
    assert daily.stats.articles_ok == 2
    assert len(brief.pids()) == 2 and os.getpid() not in brief.parents()
    assert brief.marks() == {"set-after-the-server-started"}


def test_workers_start_fresh_when_the_fork_server_is_unreachable(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network guard in a user's tests (pytest-recording's) may refuse its local socket."""

    def refused(fds: Any) -> Any:
        raise RuntimeError("Network is disabled for host '/tmp/pymp-x/listener-y'")

    monkeypatch.setattr(forkserver, "connect_to_new_process", refused)
    brief = RecordingBrief(tmp_path / "calls.log")
    daily = run(make_inputs("a", "b", "c"), tmp_path / "out", settings, brief)
    assert daily.stats.articles_ok == 3
    assert brief.parents() == {os.getpid()}, "spawned by this process"


def test_a_crashed_worker_fails_the_run_and_the_rerun_resumes(
    tmp_path: Path, settings: Settings
) -> None:
    """Worker 0 gets a, c, e and worker 1 b, d, f, one call at a time each; d kills worker 1."""
    inputs = make_inputs(*"abcdef")
    out = tmp_path / "out"
    crash = RecordingBrief(tmp_path / "crash.log", crash=frozenset("d"))
    with pytest.raises(WorkerError) as failure:
        run(inputs, out, settings, crash, concurrency=2, cache=BriefingCache(":memory:"))
    message = str(failure.value)
    assert "worker process 1 ended (exit code 3) while briefing d" in message
    assert "2 of 6 articles were not briefed" in message
    assert "run the same command again to resume" in message
    finished = PartialStore(out, DAY).finished()
    assert finished == ["a", "b", "c", "e"], "what was finished is kept"
    assert not (out / "2024-03-30.json").exists()

    resume = RecordingBrief(tmp_path / "resume.log")
    daily = run(inputs, out, settings, resume, cache=BriefingCache(":memory:"))
    assert sorted(resume.calls()) == ["d", "f"]
    assert (daily.stats.articles_ok, daily.stats.resumed) == (6, 4)


_INTERRUPT_SCRIPT = """
import asyncio, datetime as dt, signal, sys
# Ctrl-C as a terminal delivers it to a foreground program: a shell that starts jobs in the
# background (nohup, '&') passes SIGINT on ignored, and Python then keeps it ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.daily.worker_helpers import MARK, RecordingBrief
from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.run import run_daily
from newsbrief.settings import Settings
from newsbrief.text.article import Article

day = dt.date(2024, 3, 30)
inputs = [InputArticle(n, n, Article(body="Body " + n, title=n, published=day)) for n in "abcd"]
settings = Settings(backend="openai", model="fake", cache_dir=Path({cache!r}))
brief = RecordingBrief(Path({log!r}), default_delay=600)
asyncio.run(run_daily(inputs, Path({out!r}), date=day, settings=settings, concurrency=2,
                      workers=2, cache=BriefingCache(":memory:"), brief_fn=brief, progress=False))
"""


def test_ctrl_c_stops_the_workers_and_does_not_hang(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    script = _INTERRUPT_SCRIPT.format(
        root=str(ROOT), cache=str(tmp_path / "c"), log=str(log), out=str(tmp_path / "out")
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)], env=env, stderr=subprocess.PIPE
    )
    brief = RecordingBrief(log)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and len(brief.calls()) < 2 and proc.poll() is None:
            time.sleep(0.05)
        assert len(brief.calls()) == 2, "both workers are in a (long) model call"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)  # a hang fails here
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()  # a hang must not leak the pipe into the next test
    assert b"KeyboardInterrupt" in stderr
    for pid in brief.pids():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # each worker is gone (and was reaped)


def test_a_brief_fn_a_worker_cannot_receive_is_a_usage_error(
    tmp_path: Path, settings: Settings
) -> None:
    async def local_closure(article: Article, settings: Settings) -> Any:
        raise AssertionError("never called")

    with pytest.raises(UsageError, match="brief_fn cannot be sent to a worker process"):
        run(make_inputs("a", "b"), tmp_path / "out", settings, local_closure)


def test_one_worker_or_one_article_left_briefs_in_this_process(
    tmp_path: Path, settings: Settings
) -> None:
    """No process is started when there is nothing to share: FakeBrief sees the calls here."""
    fake = FakeBrief()
    run(make_inputs("a"), tmp_path / "out", settings, fake, workers=4)
    assert fake.calls == ["a"]


def tasks(n: int) -> list[Task]:
    return [Task(i, item, f"key-{i}") for i, item in enumerate(make_inputs(*map(str, range(n))))]


def plan(n: int, workers: int, limits: tuple[int, int | None, int | None]) -> list[Any]:
    common = {"settings": Settings(backend="rules"), "cache_path": ":memory:"}
    return plan_jobs(tasks(n), workers, limits, out_dir=Path("out"), date=DAY, **common)


def test_jobs_deal_articles_round_robin_and_share_the_limits() -> None:
    jobs = plan(10, 3, (8, 90, 30_000))
    assert [[t.index for t in job.tasks] for job in jobs] == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]
    assert [job.limits for job in jobs] == [(3, 30.0, 10_000.0)] * 2 + [(2, 30.0, 10_000.0)]
    assert sum(job.limits[0] for job in jobs) == 8


@pytest.mark.parametrize(
    ("n", "workers", "limits", "count"),
    [
        (2, 8, (32, None, None), 2),  # no more workers than articles
        (100, 8, (3, None, None), 3),  # each worker has at least one call in flight
        (100, 8, (32, 2, None), 2),  # ... and at least one request a minute
    ],
)
def test_never_more_workers_than_there_is_work_for(
    n: int, workers: int, limits: tuple[int, int | None, int | None], count: int
) -> None:
    assert len(plan(n, workers, limits)) == count


def test_default_workers_one_per_cpu_for_an_endpoint_only() -> None:
    assert default_workers(Settings(backend="openai", model="m")) == cpu_count() >= 1
    assert default_workers(Settings(backend="local")) == 1
    assert default_workers(Settings(backend="rules")) == 1


def test_uvloop_is_used_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("uvloop")
    fake.new_event_loop = asyncio.new_event_loop  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "uvloop", fake)
    assert loop_factory() is asyncio.new_event_loop
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import uvloop -> ImportError
    assert loop_factory() is None


class _Costly:
    """A result that counts its reprs (the runner's SIGINT code rendered it twice per run)."""

    def __init__(self) -> None:
        self.reprs = 0

    def __repr__(self) -> str:
        self.reprs += 1
        return "costly"


def test_run_async_returns_the_result_without_rendering_it() -> None:
    result = _Costly()

    async def answer() -> _Costly:
        return result

    assert run_async(answer()) is result
    assert result.reprs == 0


def test_run_async_freezes_what_exists_for_the_run_and_restores_it() -> None:
    async def frozen_during() -> int:
        return gc.get_freeze_count()

    assert gc.get_freeze_count() == 0
    assert run_async(frozen_during()) > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own freeze is left alone
    try:
        before = gc.get_freeze_count()
        assert run_async(frozen_during()) == before
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def test_run_async_raises_what_the_coroutine_raises() -> None:
    async def failing() -> None:
        raise UsageError("no")

    with pytest.raises(UsageError, match="no"):
        run_async(failing())
    assert gc.get_freeze_count() == 0
