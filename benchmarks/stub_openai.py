"""A stub OpenAI-compatible endpoint for benchmarks: a thin entry point to tests/stub_server.py.

The stub lives with the tests (the fault-injection suites use it in-process); this script
runs it as a separate process, so a benchmark does not count its CPU and memory:

    python benchmarks/stub_openai.py --port 0 --latency 0.1   # prints the base URL first
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from stub_server import (  # noqa: E402
    BEHAVIOURS,
    Content,
    Fault,
    StubServer,
    StubStats,
    default_content,
    main,
    make_app,
    random_faults,
    script,
)

__all__ = [
    "BEHAVIOURS",
    "Content",
    "Fault",
    "StubServer",
    "StubStats",
    "default_content",
    "main",
    "make_app",
    "random_faults",
    "script",
]

if __name__ == "__main__":
    main()
