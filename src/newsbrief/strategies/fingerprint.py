"""A fingerprint of the installed extractor's code, so a cache never serves an older build's work.

The package version alone is not enough: a fix to a rule within one version changes what a
briefing says, and a cache keyed only on the version would keep serving the old answer. The
prompts are fingerprinted on their own (`PromptSet.ref`); this covers the code and its data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# What shapes a briefing inside the package: the code and the data files it reads.
_SHAPES = frozenset({".py", ".json"})
PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def code_fingerprint(root: Path = PACKAGE_ROOT) -> str:
    """A short sha256 of every code and data file under `root`, by path and content."""
    digest = hashlib.sha256()
    files = (p for p in root.rglob("*") if p.suffix in _SHAPES and "__pycache__" not in p.parts)
    for path in sorted(files):
        if not path.is_file():
            continue
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
