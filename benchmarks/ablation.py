"""Ablation: code only vs the embedded 0.5B model vs a 1.5B model, on tune and check.

Each variant runs `newsbrief eval` in its own process (so its peak RSS is its own) over
../shared/dev with the split in eval/dev-split.toml, and one Markdown table is printed:

    python benchmarks/ablation.py                        # rules + 0.5B (scored and sampled)
    python benchmarks/ablation.py --model-15b /path/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf

The 1.5B weights are not a dependency: assemble them by hand (see the README) and pass the path.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
SPLIT = ROOT / "eval" / "dev-split.toml"

COLUMNS = [
    ("figures F1", lambda r: _f1(r["figures"])),
    ("meetings F1", lambda r: _f1(r["meetings"])),
    ("meeting dates", lambda r: _rate(r["meeting_date"])),
    ("status", lambda r: _rate(r["meeting_status"])),
    ("figure metric", lambda r: _rate(r["figure_metric"])),
    ("place", lambda r: _rate(r["figure_place"])),
    ("reported_by", lambda r: _rate(r["figure_reported_by"])),
    ("parties F1", lambda r: _f1(r["parties"])),
    ("people F1", lambda r: _f1(r["people"])),
    ("grounded", lambda r: _rate(r["grounding"])),
]


def _f1(score: dict[str, Any]) -> str:
    tp, fp, fn = score["tp"], score["fp"], score["fn"]
    if tp + fp + fn == 0:
        return "-"
    return f"{2 * tp / (2 * tp + fp + fn):.2f}"


def _rate(ratio: dict[str, Any]) -> str:
    hits, total = ratio["correct"], ratio["total"]
    return f"{hits / total:.2f} ({hits}/{total})" if total else "-"


def run_variant(name: str, env: dict[str, str], articles: Path, gold: Path) -> dict[str, Any]:
    """One `newsbrief eval` in a child process; its JSON report plus the child's peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "newsbrief", "eval", str(articles), str(gold)]
        cmd += ["--split", str(SPLIT), "--json", str(report)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(cmd, env={**os.environ, **env}, check=False, capture_output=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if not report.exists():
            raise SystemExit(f"{name}: eval wrote no report")
        data: dict[str, Any] = json.loads(report.read_text("utf-8"))
    data["peak_rss_mib"] = max(peak, before) / 1024
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEV / "articles")
    parser.add_argument("--gold", type=Path, default=DEV / "gold")
    parser.add_argument("--rules-only", action="store_true", help="only the code-only row")
    parser.add_argument("--model-15b", type=Path, help="GGUF of the 1.5B model, to add its rows")
    args = parser.parse_args()
    clean = {k: "" for k in os.environ if k.startswith(("OPENAI_", "NEWSBRIEF_"))}
    variants = [("code only (rules)", {**clean, "NEWSBRIEF_BACKEND": "rules"})]
    if not args.rules_only:
        variants.append(("Qwen2.5-Coder-0.5B, log-probabilities (default)", dict(clean)))
        variants.append(
            (
                "Qwen2.5-Coder-0.5B, sampled under the grammar",
                {**clean, "NEWSBRIEF_CHOICE": "sample"},
            )
        )
    if args.model_15b:
        variants.append(
            ("Qwen2.5-Coder-1.5B", {**clean, "NEWSBRIEF_LOCAL_MODEL": str(args.model_15b)})
        )
    header = ["variant", "part", *(c for c, _ in COLUMNS), "median s / article", "peak RSS"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, env in variants:
        data = run_variant(name, env, args.articles, args.gold)
        rows = [*data["parts"], data["totals"]]
        for row in rows:
            cells = [name, row["name"], *(fn(row) for _, fn in COLUMNS)]
            median = data.get("median_wall_s")
            cells += [
                f"{median:.1f}" if median is not None else "-",
                f"{data['peak_rss_mib']:.0f} MiB",
            ]
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
