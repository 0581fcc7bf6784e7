"""Start benchmarks/stub_openai.py in its own process and read its counters (benchmark helper).

Kept apart from stub_openai.py so a benchmark's client process does not import the server.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any


def start_stub(latency: float) -> tuple[subprocess.Popen[str], str]:
    """benchmarks/stub_openai.py in its own process; its base URL once it answers."""
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
    """The stub's request counters (GET /stats on loopback)."""
    url = base_url.removesuffix("/v1") + "/stats"
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
        data: dict[str, Any] = json.loads(resp.read())
    return data
