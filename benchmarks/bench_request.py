"""CPU per structured model call on the real path (run on demand, not a test).

    python benchmarks/bench_request.py [--n 300] [--repeat 3] [--concurrency 8]
        [--latency 0.01] [--path all|legacy|current|floor]

`LLM.ask(Draft, ...)` -> instructor's JSON_SCHEMA handling -> openai -> httpx2 -> a stub
endpoint in its own process (benchmarks/stub_openai.py, whose default answer is a valid
whole-article `Draft`), so the CPU reported (getrusage of this process) is the client's alone.
After a warm-up, `--repeat` timed passes of `--n` requests give CPU ms per request (the least
disturbed pass is reported: the machine may be shared); then one pass under cProfile, timed
in CPU time, attributes it (tottime) to groups by each function's module file. C functions and
stdlib helpers are charged to the groups of the code that called them.

`--path legacy` runs the call the way newsbrief made it before issue 12 (instructor's
`create()`: a fresh wrapper class and schema per call, new hooks per call, no keep-alive),
rebuilt from the same public APIs, so one script prints both sides of the comparison.
`--path floor` is the least any structured call through openai + httpx2 costs: one pooled
`client.post` of the same body and `Draft.model_validate_json` of the answer, nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib.util
import pstats
import resource
import sys
import sysconfig
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

if importlib.util.find_spec("newsbrief") is None:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


from stub_process import start_stub, stub_stats  # noqa: E402

from newsbrief.llm import LLM  # noqa: E402
from newsbrief.models import CallStats  # noqa: E402
from newsbrief.settings import Settings  # noqa: E402
from newsbrief.strategies.whole import DRAFT_MAX_TOKENS, Draft  # noqa: E402

Ask = Callable[[CallStats], Awaitable[Draft]]

SYSTEM = "Return a JSON briefing of the article: summary, parties, meetings, figures."
PARAGRAPH = (
    "Officials from Ruritania and Freedonia will meet in Geneva on Monday to discuss a "
    "ceasefire. At least {n} people were killed in clashes last week, the UN said, and more "
    "than 1,000 were displaced. "
)

GROUPS = (
    ("ours", ("/newsbrief/",)),
    ("instructor", ("/instructor/",)),
    (
        "HTTP (httpx2, aiohttp)",
        (
            "/openai/_vendor/httpx_aiohttp/",
            "/httpx",
            "/httpcore",
            "/anyio/",
            "/h11/",
            "/sniffio/",
            "/aiohttp/",
            "/yarl/",
            "/multidict/",
            "/propcache/",
            "/aiohappyeyeballs/",
            "/frozenlist/",
            "/aiosignal/",
        ),
    ),
    ("openai", ("/openai/",)),
    ("JSON + pydantic", ("/pydantic/", "/pydantic_core/", "/json/", "/typing_extensions")),
    ("asyncio + sockets", ("/asyncio/", "/selectors.py", "/socket.py", "/ssl.py")),
    ("tenacity", ("/tenacity/",)),
)


IDLE = ("<method 'poll' of 'select.epoll' objects>", "<method 'select' of 'select.poll' objects>")
"""The event loop waiting for the stub: wall time in the profile, not CPU."""


def messages(i: int) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": (PARAGRAPH.format(n=i) * 12).strip()},
    ]


def current_ask(llm: LLM) -> Ask:
    """The path newsbrief takes today: `LLM.ask`."""

    async def ask(stats: CallStats) -> Draft:
        return await llm.ask(
            Draft, messages(stats.model_calls), stats=stats, max_tokens=DRAFT_MAX_TOKENS
        )

    return ask


def legacy_ask(settings: Settings) -> tuple[Ask, Callable[[], Awaitable[None]]]:
    """The call as made before issue 12, rebuilt from the libraries' public APIs."""
    import httpx2
    import instructor
    import openai
    from instructor.v2.core.hooks import Hooks

    inner = httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_keepalive_connections=0))
    http = openai.DefaultAsyncHttpxClient(timeout=settings.timeout_s, transport=inner)
    client = instructor.from_openai(
        openai.AsyncOpenAI(
            api_key="stub", base_url=settings.base_url, max_retries=0, http_client=http
        ),
        mode=instructor.Mode.JSON_SCHEMA,
    )

    def count(stats: CallStats) -> None:
        stats.attempts += 1

    async def ask(stats: CallStats) -> Draft:
        hooks = Hooks()
        hooks.on("completion:kwargs", lambda *a, **k: count(stats))
        hooks.on("completion:response", lambda response: None)
        stats.model_calls += 1
        result: Draft = await client.create(
            model=settings.model,
            messages=messages(stats.model_calls),  # type: ignore[arg-type]
            response_model=Draft,
            max_retries=settings.max_reasks,
            hooks=hooks,
            temperature=0.0,
            seed=0,
            max_tokens=DRAFT_MAX_TOKENS,
        )
        return result

    return ask, http.aclose


def floor_ask(settings: Settings) -> tuple[Ask, Callable[[], Awaitable[None]]]:
    """One pooled openai `post` and one validation per request: the floor under any wrapper."""
    import openai
    from openai.types.chat import ChatCompletion

    client = openai.AsyncOpenAI(api_key="stub", base_url=settings.base_url, max_retries=0)
    response_format = {
        "type": "json_schema",
        "json_schema": {"name": "Draft", "schema": Draft.model_json_schema()},
    }

    async def ask(stats: CallStats) -> Draft:
        stats.model_calls += 1
        stats.attempts += 1
        body = {
            "model": settings.model,
            "messages": messages(stats.model_calls),
            "response_format": response_format,
            "temperature": 0.0,
            "seed": 0,
            "max_tokens": DRAFT_MAX_TOKENS,
        }
        completion = await client.post("/chat/completions", body=body, cast_to=ChatCompletion)
        return Draft.model_validate_json(completion.choices[0].message.content or "")

    return ask, client.close


async def run(ask: Ask, n: int, concurrency: int) -> CallStats:
    stats = CallStats()
    gate = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            await ask(stats)

    await asyncio.gather(*(one() for _ in range(n)))
    return stats


def cpu_s() -> tuple[float, float]:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime, ru.ru_stime


STDLIB = sysconfig.get_paths()["stdlib"]


def group_of(filename: str) -> str | None:
    """The group of a function's file; None for C code and stdlib helpers (see `breakdown`)."""
    path = filename.replace("\\", "/")
    for name, needles in GROUPS:
        if any(needle in path for needle in needles):
            return name
    if filename == "~" or filename.startswith(("<", STDLIB)):
        return None
    return "other"


def breakdown(stats: pstats.Stats) -> dict[str, float]:
    """tottime per group.

    C functions and stdlib helpers (contextlib, typing, copy, json's C encoder...) belong to
    whoever called them: their time is shared among their callers' groups, by how much of it
    each caller accounts for, up the call chain until a function of a known group.
    """
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    memo: dict[Any, dict[str, float]] = {}

    def mix(func: Any, seen: frozenset[Any]) -> dict[str, float]:
        if func in memo:
            return memo[func]
        own = group_of(func[0])
        callers = raw[func][4] if func in raw else {}
        if own is not None or not callers or func in seen:
            result = {own or "other": 1.0}
        else:
            total = sum(c[2] for c in callers.values()) or 1.0
            result = defaultdict(float)
            for caller, timing in callers.items():
                for group, weight in mix(caller, seen | {func}).items():
                    result[group] += weight * timing[2] / total
        memo[func] = dict(result)
        return memo[func]

    out: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tottime, _ct, _callers) in raw.items():
        if func[2] in IDLE:
            continue
        for group, weight in mix(func, frozenset()).items():
            out[group] += tottime * weight
    return dict(out)


PATHS = {
    "legacy": "legacy: instructor create() as before issue 12",
    "current": "current: LLM.ask",
    "floor": "floor: openai post + validation only",
}


async def measure(ask: Ask, args: argparse.Namespace) -> dict[str, Any]:
    """Timed passes (getrusage; the least disturbed one counts), then one profiled pass."""
    await run(ask, 20, args.concurrency)  # warm up: imports, first connections, caches
    passes: list[tuple[float, float]] = []
    attempts = 0
    for _ in range(args.repeat):
        user0, sys0 = cpu_s()
        stats = await run(ask, args.n, args.concurrency)
        user1, sys1 = cpu_s()
        passes.append(((user1 - user0) / args.n * 1e3, (sys1 - sys0) / args.n * 1e3))
        attempts = stats.attempts
    profiler = cProfile.Profile(time.process_time)  # CPU time, not wall: waits excluded
    profiler.enable()
    await run(ask, args.n, args.concurrency)
    profiler.disable()
    return {
        "passes": sorted(passes, key=sum),
        "groups": breakdown(pstats.Stats(profiler)),
        "attempts": attempts,
    }


async def bench(path: str, args: argparse.Namespace, base_url: str) -> dict[str, Any]:
    settings = Settings(
        backend="openai", model="stub", base_url=base_url, api_key="stub", strategy="whole"
    )
    if path == "legacy":
        ask, close = legacy_ask(settings)
    elif path == "floor":
        ask, close = floor_ask(settings)
    else:
        llm = LLM(settings)
        ask, close = current_ask(llm), llm.aclose
    try:
        before = stub_stats(base_url)["requests"]
        result = await measure(ask, args)
        result["served"] = stub_stats(base_url)["requests"] - before
    finally:
        await close()
    return result


def report(path: str, args: argparse.Namespace, result: dict[str, Any]) -> float:
    """Print one path's numbers; return its CPU ms per request (the least disturbed pass)."""
    passes: list[tuple[float, float]] = result["passes"]
    user, system = passes[0]
    per_request = user + system
    median = sum(passes[len(passes) // 2])
    print(
        f"{PATHS[path]}: {args.n} requests x {args.repeat} passes, concurrency {args.concurrency}"
    )
    print(f"  stub served {result['served']} requests (incl. warm-up and the profiled pass)")
    print(f"  HTTP requests counted in CallStats.attempts (one pass): {result['attempts']}")
    print(
        f"  client CPU per request (getrusage): {per_request:.2f} ms "
        f"(user {user:.2f} + system {system:.2f}); median pass {median:.2f} ms"
    )
    print("  where it goes (cProfile tottime in CPU time; shares scaled to the ms above):")
    groups: dict[str, float] = result["groups"]
    total = sum(groups.values()) or 1.0
    for name, seconds in sorted(groups.items(), key=lambda kv: -kv[1]):
        share = seconds / total
        print(f"    {name:<26} {share:6.1%}  ~{per_request * share:5.2f} ms")
    return per_request


def main() -> None:
    parser = argparse.ArgumentParser(description="CPU per structured call against a stub.")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per path")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.01)
    parser.add_argument("--path", choices=("all", *PATHS), default="all")
    args = parser.parse_args()
    paths = list(PATHS) if args.path == "all" else [args.path]
    proc, base_url = start_stub(args.latency)
    cpu: dict[str, float] = {}
    try:
        for path in paths:
            result = asyncio.run(bench(path, args, base_url))
            cpu[path] = report(path, args, result)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    if "legacy" in cpu and "current" in cpu:
        ratio = cpu["legacy"] / cpu["current"]
        print(
            f"before -> after: {cpu['legacy']:.2f} -> {cpu['current']:.2f} ms ({ratio:.1f}x less)"
        )


if __name__ == "__main__":
    main()
