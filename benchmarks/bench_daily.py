"""Benchmark `run_daily` against a stub OpenAI-compatible endpoint (run on demand, not a test).

    python benchmarks/bench_daily.py                 # the targets: met or not, one line each
    python benchmarks/bench_daily.py --latency 0.1 --concurrency 32 --workers 2 [--n 500]

With no scenario given it runs the three targets over 500 articles (the real path: run_daily
-> abrief, whole strategy -> instructor -> openai -> the stub) and prints whether each is met;
efficiency = ideal / achieved, ideal = ceil(N / concurrency) x latency, achieved = the stub's
first request to its last response (wall, with worker start-up, merge and writing, is shown
too). A small warm-up run goes first (its CPU is printed; `--cold` skips it), so the
one-off imports of a fresh process are not charged to the first scenario's articles (worker
processes still pay theirs). The stub runs in its own process: its CPU is reported apart
from the client's (this process plus its worker processes). A custom scenario also prints
the detailed table, with a naive sequential loop (one instructor call per article,
extrapolated to N) as the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import json
import math
import multiprocessing.forkserver as forkserver
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if importlib.util.find_spec("newsbrief") is None:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import instructor
import openai
from pydantic import BaseModel
from stub_process import start_stub, stub_stats

from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.run import BriefFn, run_daily
from newsbrief.daily.workers import loop_factory, run_async
from newsbrief.models import ArticleInfo, Briefing, Meta, PromptRef, Usage
from newsbrief.settings import Settings
from newsbrief.text.article import Article

DAY = dt.date(2024, 3, 30)
SYSTEM = "Return a JSON briefing of the article: summary, parties, meetings, figures."
PARAGRAPH = (
    "Officials from Ruritania and Freedonia will meet in Geneva on Monday to discuss a "
    "ceasefire. At least {n} people were killed in clashes last week, the UN said, and more "
    "than 1,000 were displaced. "
)


class Draft(BaseModel):
    """The minimal draft the stub answers with (baseline's response model)."""

    summary: str
    parties: list[str] = []
    figures: list[dict[str, Any]] = []
    meetings: list[dict[str, Any]] = []


def make_inputs(n: int) -> list[InputArticle]:
    return [
        InputArticle(
            id=f"art-{i:04d}",
            origin="bench",
            article=Article(
                body=(PARAGRAPH.format(n=i) * 12).strip(),
                title=f"Article {i}",
                source="Bench Wire",
                published=DAY,
            ),
        )
        for i in range(n)
    ]


def to_briefing(
    article: Article, settings: Settings, draft: dict[str, Any], **meta: Any
) -> Briefing:
    return Briefing(
        article=ArticleInfo(
            title=article.title, source=article.source, published=article.published
        ),
        summary=str(draft.get("summary", "")),
        meta=Meta(
            model=settings.model,
            backend="openai",
            strategy="whole",
            prompt=PromptRef(name="bench", version="v0", hash="0" * 16),
            model_calls=1,
            attempts=1,
            **meta,
        ),
    )


def sleep_brief_fn(latency: float) -> BriefFn:
    """A brief_fn with no HTTP at all: isolates newsbrief's own overhead."""

    async def brief(article: Article, settings: Settings) -> Briefing:
        await asyncio.sleep(latency)
        return to_briefing(article, settings, {"summary": "Stub summary."}, latency_s=latency)

    return brief


def openai_brief_fn(base_url: str, durations: list[float]) -> BriefFn:
    """A brief_fn: one chat call through openai.AsyncOpenAI, JSON parsed into a Briefing."""
    client = openai.AsyncOpenAI(base_url=base_url, api_key="stub", max_retries=0)
    assert client.chat.completions is not None  # import the lazy resources before timing

    async def brief(article: Article, settings: Settings) -> Briefing:
        started = time.perf_counter()
        resp = await client.chat.completions.create(
            model=settings.model,
            messages=[
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": article.body},
            ],
            response_format={"type": "json_object"},
        )
        draft = json.loads(resp.choices[0].message.content or "{}")
        elapsed = time.perf_counter() - started
        durations.append(elapsed)
        usage = resp.usage
        tokens = Usage(
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            total_tokens=usage.total_tokens if usage else 0,
        )
        return to_briefing(article, settings, draft, usage=tokens, latency_s=elapsed)

    return brief


def cpu_s() -> float:
    """CPU seconds of this process and of the worker processes.

    Workers spawned by this process are reaped children; workers forked from the fork
    server are its children, counted in its /proc record once it has reaped them (with the
    server's own CPU: its imports are part of a run's cost).
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    served = process_cpu_s(server, children=True) if server is not None else 0.0
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + served


def process_cpu_s(pid: int, *, children: bool = False) -> float:
    """CPU seconds a running process has used so far (Linux /proc), or NaN elsewhere;
    with `children`, also those of the children it has reaped."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    used = int(fields[11]) + int(fields[12])
    if children:
        used += int(fields[13]) + int(fields[14])
    return used / os.sysconf("SC_CLK_TCK")


def timed_run(
    brief_fn: BriefFn | None, settings: Settings, n: int, concurrency: int, workers: int = 1
) -> dict[str, Any]:
    """One run_daily over n fresh articles (empty cache); wall, client CPU, output size."""
    inputs = make_inputs(n)
    with tempfile.TemporaryDirectory() as tmp:
        cpu0, t0 = cpu_s(), time.perf_counter()
        with BriefingCache(Path(tmp) / "cache.sqlite") as cache:
            daily = run_async(  # as the CLI runs it: on uvloop when installed
                run_daily(
                    inputs,
                    Path(tmp) / "out",
                    date=DAY,
                    settings=settings,
                    concurrency=concurrency,
                    cache=cache,
                    brief_fn=brief_fn,
                    progress=False,
                    workers=workers,
                )
            )
        wall, cpu = time.perf_counter() - t0, cpu_s() - cpu0
        outputs = sum(p.stat().st_size for p in (Path(tmp) / "out").iterdir())
    assert daily.stats.articles_ok == n, daily.stats
    latencies = [a.briefing.meta.latency_s for a in daily.articles if a.briefing is not None]
    return {
        "wall": wall,
        "cpu": cpu,
        "outputs_mb": outputs / 1e6,
        "mean_call": sum(latencies) / max(1, len(latencies)),
    }


def bench_daily(
    stub: subprocess.Popen[str], base_url: str, n: int, concurrency: int, workers: int = 1
) -> dict[str, Any]:
    """The real path: run_daily -> abrief (whole strategy) -> instructor -> openai -> stub."""
    settings = Settings(
        backend="openai", model="stub", base_url=base_url, api_key="stub", strategy="whole"
    )
    before, stub_cpu0 = stub_stats(base_url), process_cpu_s(stub.pid)
    result = timed_run(None, settings, n, concurrency, workers)
    after, stub_cpu1 = stub_stats(base_url), process_cpu_s(stub.pid)
    assert after["requests"] - before["requests"] == n
    return result | {
        "span": after["last_response_at"] - after["first_request_at"],
        "max_in_flight": after["max_in_flight"],
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stub_cpu": stub_cpu1 - stub_cpu0,
    }


def bench_library(n: int, latency: float, concurrency: int) -> dict[str, Any]:
    settings = Settings(backend="openai", model="stub", api_key="stub")
    return timed_run(sleep_brief_fn(latency), settings, n, concurrency)


def bench_naive(base_url: str, n: int) -> float:
    client = instructor.from_openai(
        openai.OpenAI(base_url=base_url, api_key="stub", max_retries=0), mode=instructor.Mode.JSON
    )
    started = time.perf_counter()
    for item in make_inputs(n):
        assert item.article is not None
        client.chat.completions.create(
            model="stub",
            response_model=Draft,
            messages=[
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": item.article.body},
            ],
        )
    return time.perf_counter() - started


@dataclass(frozen=True)
class Scenario:
    """One measured configuration, with the efficiency it should reach (if any)."""

    latency: float
    concurrency: int
    workers: int
    target: float | None = None

    @property
    def name(self) -> str:
        where = "one process" if self.workers == 1 else f"--workers {self.workers}"
        return f"{self.latency * 1000:.0f} ms, concurrency {self.concurrency}, {where}"

    def ideal(self, n: int) -> float:
        return math.ceil(n / self.concurrency) * self.latency


TARGETS = (
    Scenario(latency=1.5, concurrency=64, workers=1, target=0.95),
    Scenario(latency=0.1, concurrency=32, workers=1, target=0.6),
    Scenario(latency=0.1, concurrency=32, workers=2, target=0.9),
)


def report_targets(n: int, results: list[tuple[Scenario, dict[str, Any]]]) -> bool:
    """One line per scenario; True when every target is met."""
    head = (
        f"{'scenario (' + str(n) + ' articles)':<40} {'ideal':>7} {'achieved':>8} {'eff.':>6} "
        f"{'target':>7}  {'met':<4} {'wall':>7} {'client CPU/art.':>15} {'stub CPU':>8}"
    )
    print(head)
    print("-" * len(head))
    all_met = True
    for scenario, d in results:
        ideal = scenario.ideal(n)
        eff = ideal / d["span"]
        met = scenario.target is None or eff >= scenario.target
        all_met = all_met and met
        target = "-" if scenario.target is None else f">= {scenario.target:.2f}"
        print(
            f"{scenario.name:<40} {ideal:>6.2f}s {d['span']:>7.2f}s {eff:>6.2f} {target:>7}  "
            f"{'yes' if met else 'NO':<4} {d['wall']:>6.2f}s {d['cpu'] / n * 1e3:>12.2f} ms "
            f"{d['stub_cpu']:>7.2f}s"
        )
    loop = "uvloop" if loop_factory() else "asyncio"
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {loop} loop")
    return all_met


def report(
    args: argparse.Namespace, d: dict[str, Any], lib: dict[str, Any], naive_s: float
) -> None:
    n, lat, conc = args.n, args.latency, args.concurrency
    ideal = Scenario(lat, conc, args.workers).ideal(n)
    naive_n = naive_s / args.baseline_n * n
    rows = [
        (
            "articles / latency / concurrency / workers",
            f"{n} / {lat * 1000:.0f} ms / {conc} / {args.workers}",
        ),
        ("ideal (ceil(N / concurrency) x latency)", f"{ideal:.2f} s"),
        ("achieved (first request -> last response)", f"{d['span']:.2f} s"),
        ("efficiency (ideal / achieved)", f"{ideal / d['span']:.0%}"),
        ("run_daily wall (incl. workers, merge, writing)", f"{d['wall']:.2f} s"),
        ("max requests in flight at the stub", f"{d['max_in_flight']}"),
        ("client call time mean (latency incl.)", f"{d['mean_call'] * 1000:.1f} ms"),
        ("wall outside the model span, per article", f"{(d['wall'] - d['span']) / n * 1e3:.2f} ms"),
        ("client CPU per article (all its processes)", f"{d['cpu'] / n * 1e3:.2f} ms"),
        ("stub CPU (its own process)", f"{d['stub_cpu']:.2f} s"),
        ("newsbrief alone (no HTTP): wall", f"{lib['wall']:.2f} s"),
        ("newsbrief alone: CPU per article", f"{lib['cpu'] / n * 1e3:.2f} ms"),
        ("outputs written (json+md+html)", f"{d['outputs_mb']:.1f} MB"),
        ("peak RSS (client process)", f"{d['rss_mb']:.0f} MiB"),
        (f"naive sequential, {args.baseline_n} articles", f"{naive_s:.2f} s"),
        (f"naive sequential, extrapolated to {n}", f"{naive_n:.1f} s"),
        ("speed-up over naive", f"{naive_n / d['wall']:.1f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'metric':<{width}}  value")
    print(f"{'-' * width}  {'-' * 16}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def warm_up(n: int = 8) -> float:
    """One small run, so every scenario below runs warm; returns its client CPU seconds.

    The first run in a process pays one-off costs: the LLM stack's and scikit-learn's
    lazy imports (story clustering), the first request's schema building. Counted in the
    first scenario they made its CPU per article look ~6 ms worse than the others.
    """
    proc, base_url = start_stub(0.0)
    try:
        return float(bench_daily(proc, base_url, n, concurrency=4)["cpu"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run_targets(n: int, warm: bool = True) -> bool:
    """Run every target scenario, each against a fresh stub (its stats span one run)."""
    if warm:
        print(f"warm-up (one run of 8 articles: imports, first call): {warm_up():.2f}s CPU")
    results = []
    for scenario in TARGETS:
        print(f"running: {scenario.name}", file=sys.stderr, flush=True)
        proc, base_url = start_stub(scenario.latency)
        try:
            d = bench_daily(proc, base_url, n, scenario.concurrency, scenario.workers)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        results.append((scenario, d))
    return report_targets(n, results)


def run_custom(args: argparse.Namespace) -> None:
    proc, base_url = start_stub(args.latency)
    try:
        daily = bench_daily(proc, base_url, args.n, args.concurrency, args.workers)
        naive = bench_naive(base_url, args.baseline_n)
        library = bench_library(args.n, args.latency, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    report(args, daily, library, naive)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark run_daily against a stub endpoint.")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--latency", type=float, help="custom scenario: stub latency (s)")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--baseline-n", type=int, default=20)
    parser.add_argument(
        "--cold", action="store_true", help="targets: no warm-up run (the first pays imports)"
    )
    args = parser.parse_args()
    if args.latency is None:
        raise SystemExit(0 if run_targets(args.n, warm=not args.cold) else 1)
    run_custom(args)


if __name__ == "__main__":
    main()
