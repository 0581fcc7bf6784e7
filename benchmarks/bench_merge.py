"""Benchmark the daily merge and renderers over copies of seed articles (on demand, not a test).

    python benchmarks/bench_merge.py [--seeds seeds] [--sizes 10 200 1000] [--src DIR]

Each seed is briefed once with the code-only backend (`Settings(backend="rules")`, no
model); a day of N articles is N copies of those briefings, each with its own id, so every
story, meeting and figure is reported N / seeds times. The merge (`assemble_daily`: calendar,
parties, stories, figure tracks) and each renderer are timed in CPU seconds
(`time.process_time`, the least of three runs), and each output's size is measured. Flat
CPU per article and MB per article across the sizes mean linear work and linear output.
The cluster column times `cluster_articles` alone again (it is part of the merge).

`--src` runs the same benchmark against another source tree (a copy of `src/` taken before
a change), so before and after can be compared without touching the checkout.
`--briefings FILE` keeps the seed briefings in a JSON file between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2024, 3, 30)


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of .txt seeds")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 200, 1000])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="newsbrief source tree")
    parser.add_argument("--briefings", type=Path, help="JSON file caching the seed briefings")
    parser.add_argument("--label", default="", help="a word printed above the table")
    parser.add_argument("--same", action="store_true", help="exact copies (no disagreement)")
    return parser.parse_args()


def seed_entries(seeds: Path, cache: Path | None) -> list[Any]:
    """One briefed `ArticleEntry` per seed file (rules backend), cached in `cache` if given."""
    from newsbrief import brief
    from newsbrief.daily.models import ArticleEntry
    from newsbrief.settings import Settings
    from newsbrief.text.article import parse_article

    if cache is not None and cache.exists():
        return [ArticleEntry.model_validate(e) for e in json.loads(cache.read_text())]
    settings = Settings(backend="rules")
    entries = []
    for path in sorted(seeds.glob("*.txt")):
        art = parse_article(path.read_text(encoding="utf-8"))
        b = brief(art, settings=settings)
        entries.append(
            ArticleEntry(
                id=path.stem,
                title=art.title,
                source=art.source,
                published=art.published,
                status="ok",
                briefing=b,
                body=art.body,
            )
        )
    if cache is not None:
        cache.write_text(json.dumps([e.model_dump(mode="json") for e in entries]))
    return entries


def copies(seeds: list[Any], n: int, vary: bool = True) -> list[Any]:
    """`n` entries: the seeds over and over, each copy with its own id.

    With `vary`, copies disagree the way outlets do: the c-th copy of a seed shifts each of
    its figures by c % 3 halves of the value (three versions of every toll on the same day),
    and every fourth copy is published a day later (a revision, not a conflict).
    """
    out = []
    for i in range(n):
        seed, c = seeds[i % len(seeds)], i // len(seeds)
        update: dict[str, Any] = {"id": f"{seed.id}-{i:05d}"}
        if vary and seed.briefing is not None:
            figures = [
                f.model_copy(update={"value": f.value + (c % 3) * max(1.0, f.value // 2)})
                for f in seed.briefing.figures
            ]
            update["briefing"] = seed.briefing.model_copy(update={"figures": figures})
            if c % 4 == 3 and seed.published is not None:
                update["published"] = seed.published + dt.timedelta(days=1)
        out.append(seed.model_copy(update=update))
    return out


def cpu(fn: Callable[[], Any], repeat: int = 3) -> tuple[Any, float]:
    """`fn()` and the least CPU seconds it took over `repeat` runs (each after a collection)."""
    best, value = math.inf, None
    for _ in range(repeat):
        forget_keys()
        gc.collect()
        start = time.process_time()
        value = fn()
        best = min(best, time.process_time() - start)
    return value, best


def forget_keys() -> None:
    """Empty the name-key caches, so no run is timed with the names of the one before."""
    from newsbrief.daily import keys

    for name in ("party_key", "person_key"):
        clear = getattr(getattr(keys, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def measure(seeds: list[Any], n: int, vary: bool = True) -> dict[str, float]:
    """Merge and render a day of `n` copies; CPU ms per article and MB per output."""
    from newsbrief.daily.calendar import ok_entries
    from newsbrief.daily.ics import daily_ics
    from newsbrief.daily.merge import assemble_daily
    from newsbrief.daily.models import DailyStats
    from newsbrief.daily.render import daily_html, daily_markdown
    from newsbrief.daily.stories import cluster_articles

    entries = copies(seeds, n, vary)
    stats = DailyStats(
        articles_ok=n, articles_failed=0, model_calls=0, cache_hits=n, tokens=0, wall_s=0.0
    )
    daily, merge_s = cpu(lambda: assemble_daily(DAY, entries, stats))
    _, cluster_s = cpu(lambda: cluster_articles([e for _, e in ok_entries(entries)]))
    renderers: dict[str, Callable[[], str]] = {
        "json": lambda: daily.model_dump_json(indent=2),
        "md": lambda: daily_markdown(daily),
        "html": lambda: daily_html(daily),
        "ics": lambda: daily_ics(daily),
    }
    row: dict[str, float] = {"n": n, "merge": merge_s, "cluster": cluster_s, "render": 0.0}
    for name, render in renderers.items():
        text, seconds = cpu(render)
        row["render"] += seconds
        row[name] = len(text.encode("utf-8")) / 1e6
    row["conflicts"] = sum(len(f.conflicts_with) for f in daily.figures)
    row["values"] = sum(len(getattr(f, "conflicting_values", [])) for f in daily.figures)
    row["stories"] = len(daily.stories)
    return row


def main() -> None:
    args = _args()
    sys.path.insert(0, str(args.src.resolve()))
    seeds = seed_entries(args.seeds, args.briefings)
    import newsbrief

    where = Path(newsbrief.__file__).parent
    print(f"{args.label} newsbrief={where} seeds={len(seeds)} from {args.seeds}".strip())
    head = "articles  merge ms/art  cluster ms/art  render ms/art   json MB   md MB   html MB"
    print(f"{head}   ics MB  conflicts_with  conflicting_values  stories")
    measure(seeds, min(args.sizes), vary=not args.same)  # warm up: imports, first calls
    for n in args.sizes:
        r = measure(seeds, n, vary=not args.same)
        print(
            f"{n:8d}  {1e3 * r['merge'] / n:12.2f}  {1e3 * r['cluster'] / n:14.2f}"
            f"  {1e3 * r['render'] / n:13.2f}  {r['json']:8.2f}  {r['md']:6.2f}  {r['html']:8.2f}"
            f"  {r['ics']:7.3f}  {int(r['conflicts']):14d}  {int(r['values']):18d}"
            f"  {int(r['stories']):7d}"
        )


if __name__ == "__main__":
    main()
