"""Where the tests find the project's files, whatever folder a test module sits in."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SEEDS = ROOT / "seeds"
SEED = SEEDS / "rafah-2024-03-30.txt"
SHARED = ROOT.parent / "shared"
