"""A split of the evaluation set into named parts (tune, check) by file-name prefix."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbrief.errors import UsageError

RESERVED = frozenset({"total", "whole"})


def claims(prefix: str, name: str) -> bool:
    """True when ``prefix`` claims the file ``name``.

    A prefix claims the names that start with it where the next character is not another
    digit: "4" claims "4-slug" but not "42-slug"; "00" claims "00-seed-rafah".
    """
    return name.startswith(prefix) and not name[len(prefix) : len(prefix) + 1].isdigit()


@dataclass(frozen=True)
class Split:
    """Named parts of an evaluation set, each a tuple of file-name prefixes, in file order."""

    parts: Mapping[str, tuple[str, ...]]

    def part_of(self, name: str) -> str | None:
        """The part whose prefixes claim the article ``name`` (a file stem), else None."""
        for part, prefixes in self.parts.items():
            if any(claims(prefix, name) for prefix in prefixes):
                return part
        return None


def load_split(path: str | Path) -> Split:
    """Read a split file: TOML, each key a part, each value a list of file-name prefixes.

    Example: ``tune = ["00", "02"]`` and ``check = ["42"]``.

    Args:
        path: The ``.toml`` file.

    Returns:
        The split, its parts in the file's order.

    Raises:
        UsageError: The file cannot be read, is not TOML, or is not a valid split.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read split file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"split file {path} is not TOML: {exc}") from None
    return split_from(data, source=str(path))


def split_from(data: Mapping[str, Any], source: str = "split") -> Split:
    """Check parsed split data and build the Split (see :func:`load_split`).

    Raises:
        UsageError: No part; a part named "total" or "whole"; a value that is not a list of
            non-empty strings; or a prefix of one part claiming a prefix of another, so that an
            article could be in two parts.
    """
    if not data:
        raise UsageError(f"{source}: no part (expected e.g. tune = [...] and check = [...])")
    parts: dict[str, tuple[str, ...]] = {}
    for part, prefixes in data.items():
        if part in RESERVED:
            raise UsageError(f"{source}: {part!r} names the totals row; call the part otherwise")
        if not isinstance(prefixes, list) or not all(isinstance(p, str) and p for p in prefixes):
            raise UsageError(f"{source}: {part} must be a list of file-name prefixes")
        parts[part] = tuple(dict.fromkeys(prefixes))
    _reject_overlaps(parts, source)
    return Split(parts=parts)


def _reject_overlaps(parts: Mapping[str, tuple[str, ...]], source: str) -> None:
    tagged = [(part, prefix) for part, prefixes in parts.items() for prefix in prefixes]
    for i, (part_a, a) in enumerate(tagged):
        for part_b, b in tagged[i + 1 :]:
            if part_a != part_b and (claims(a, b) or claims(b, a)):
                raise UsageError(
                    f"{source}: prefix {a!r} ({part_a}) and {b!r} ({part_b}) can claim the "
                    "same article"
                )
