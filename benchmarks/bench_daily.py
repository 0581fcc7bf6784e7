"""Benchmark `run_daily` against a stub OpenAI-compatible endpoint (run on demand, not a test).

    python benchmarks/bench_daily.py [--n 500] [--latency 0.1] [--concurrency 32]

The stub runs in its own process, so the CPU time and peak RSS reported are the client's
(newsbrief + the openai client). A naive sequential loop (one instructor call per article)
over a few articles, extrapolated to N, is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

if importlib.util.find_spec("newsbrief") is None:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import instructor
import openai
from pydantic import BaseModel

from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.run import BriefFn, run_daily
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


def start_stub(latency: float) -> tuple[subprocess.Popen[str], str]:
    stub = Path(__file__).with_name("stub_openai.py")
    proc = subprocess.Popen(
        [sys.executable, str(stub), "--port", "0", "--latency", str(latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    base_url = proc.stdout.readline().strip()
    for _ in range(100):  # wait until it answers
        try:
            stub_stats(base_url)
            return proc, base_url
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the stub server did not start")


def stub_stats(base_url: str) -> dict[str, Any]:
    url = base_url.removesuffix("/v1") + "/stats"
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
        data: dict[str, Any] = json.loads(resp.read())
    return data


def cpu_s() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def timed_run(
    brief_fn: BriefFn | None, settings: Settings, n: int, concurrency: int
) -> dict[str, Any]:
    """One run_daily over n fresh articles (empty cache); wall, client CPU, output size."""
    inputs = make_inputs(n)
    with tempfile.TemporaryDirectory() as tmp:
        cpu0, t0 = cpu_s(), time.perf_counter()
        with BriefingCache(Path(tmp) / "cache.sqlite") as cache:
            daily = asyncio.run(
                run_daily(
                    inputs,
                    Path(tmp) / "out",
                    date=DAY,
                    settings=settings,
                    concurrency=concurrency,
                    cache=cache,
                    brief_fn=brief_fn,
                    progress=False,
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


def bench_daily(base_url: str, n: int, concurrency: int) -> dict[str, Any]:
    """The real path: run_daily -> abrief (whole strategy) -> instructor -> openai -> stub."""
    settings = Settings(
        backend="openai", model="stub", base_url=base_url, api_key="stub", strategy="whole"
    )
    before = stub_stats(base_url)
    result = timed_run(None, settings, n, concurrency)
    after = stub_stats(base_url)
    assert after["requests"] - before["requests"] == n
    return result | {
        "span": after["last_response_at"] - after["first_request_at"],
        "max_in_flight": after["max_in_flight"],
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
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


def report(
    args: argparse.Namespace, d: dict[str, Any], lib: dict[str, Any], naive_s: float
) -> None:
    n, lat, conc = args.n, args.latency, args.concurrency
    ideal = n * lat / conc
    naive_n = naive_s / args.baseline_n * n
    rows = [
        ("articles / latency / concurrency", f"{n} / {lat * 1000:.0f} ms / {conc}"),
        ("ideal (N x latency / concurrency)", f"{ideal:.2f} s"),
        ("achieved (first request -> last response)", f"{d['span']:.2f} s"),
        ("efficiency (ideal / achieved)", f"{ideal / d['span']:.0%}"),
        ("run_daily wall (incl. merge + writing)", f"{d['wall']:.2f} s"),
        ("max requests in flight at the stub", f"{d['max_in_flight']}"),
        ("client call time mean (latency incl.)", f"{d['mean_call'] * 1000:.1f} ms"),
        ("wall outside the model span, per article", f"{(d['wall'] - d['span']) / n * 1e3:.2f} ms"),
        ("client CPU per article (newsbrief + openai)", f"{d['cpu'] / n * 1e3:.2f} ms"),
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


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark run_daily against a stub endpoint.")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--baseline-n", type=int, default=20)
    args = parser.parse_args()
    proc, base_url = start_stub(args.latency)
    try:
        daily = bench_daily(base_url, args.n, args.concurrency)
        naive = bench_naive(base_url, args.baseline_n)
        library = bench_library(args.n, args.latency, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    report(args, daily, library, naive)


if __name__ == "__main__":
    main()
