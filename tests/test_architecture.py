"""The folder tree is the architecture: import contracts hold, private names stay private.

The layer rules live in pyproject.toml ([tool.importlinter]); this test runs them, so a
violation fails the suite as well as CI's `lint-imports` step.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT

SRC = ROOT / "src" / "newsbrief"


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _private_imports(module: str, path: Path) -> list[str]:
    """Imports of another module's `_private` name or of a `_private` module."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("newsbrief"):
            continue
        source = node.module or ""
        if source == module:
            continue
        private_module = any(p.startswith("_") for p in source.split("."))
        if private_module and not (module == "newsbrief" and source == "newsbrief._api"):
            found.append(f"{module} imports module {source}")
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append(f"{module} imports {source}.{alias.name}")
    return found


def test_the_import_contracts_hold() -> None:
    # In a child process: import-linter configures logging, which would leak into other tests.
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports as f; "
            "raise SystemExit(f(no_cache=True, no_logo=True))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_no_module_reaches_into_another_modules_private_names() -> None:
    offences = [o for name, path in _modules() for o in _private_imports(name, path)]
    assert offences == []


@pytest.mark.parametrize("needle", ["import openai", "import instructor", "import llama_cpp"])
def test_vendor_sdks_are_imported_only_in_the_llm_room(needle: str) -> None:
    users = {
        name
        for name, path in _modules()
        if needle in path.read_text("utf-8") and not name.startswith("newsbrief.llm")
    }
    assert users == set()
