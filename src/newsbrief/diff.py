"""Field-level differences between two briefings of the same article.

``meta`` (model, tokens, latency...) is ignored: the diff is about what the briefings say.
Lists of facts are aligned by a key rather than by position, so inserting one figure shows as
one ``added`` change instead of a cascade of ``changed`` ones:

=========  ==========================================================
list       key
=========  ==========================================================
figures    metric + value_text
meetings   date_text + status (first evidence quote when no date_text)
parties    name
people     name
positions  holder + topic
sources    name
evidence   quote
=========  ==========================================================

Keys are compared casefolded. Items left over after the key pass are paired when they share
their first evidence quote (the same fact, re-described), so a figure whose value changed shows
as ``changed`` on its fields. Items that are still left over are ``removed`` (only in the first
briefing) or ``added`` (only in the second). Other lists (aliases, participants) are compared
as whole values.

Paths use the index in the second briefing for ``added`` and ``changed`` items and the index in
the first briefing for ``removed`` ones: ``figures[1].value``, ``parties[0].aliases``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from newsbrief.models import Briefing

__all__ = ["Change", "diff_briefings", "render_changes"]

ChangeKind = Literal["added", "removed", "changed"]
_Item = Mapping[str, Any]
_KeyFn = Callable[[_Item], Hashable]


class Change(BaseModel):
    """One difference between two briefings."""

    path: str = Field(description="Where the difference is, e.g. 'figures[1].value'.")
    kind: ChangeKind = Field(description="added, removed or changed.")
    old: Any = Field(default=None, description="Value in the first briefing (None if added).")
    new: Any = Field(default=None, description="Value in the second briefing (None if removed).")


def _fold(value: Any) -> Any:
    return value.casefold().strip() if isinstance(value, str) else value


def _first_quote(item: _Item) -> str | None:
    evidence = item.get("evidence") or []
    quote = evidence[0].get("quote") if evidence else None
    return _fold(quote) if quote else None


def _meeting_key(item: _Item) -> Hashable:
    if item.get("date_text"):
        return ("date", _fold(item["date_text"]), item.get("status"))
    return ("quote", _first_quote(item))


def _fields(*names: str) -> _KeyFn:
    def key(item: _Item) -> Hashable:
        return tuple(_fold(item.get(name)) for name in names)

    return key


_KEYS: dict[str, _KeyFn] = {
    "figures": _fields("metric", "value_text"),
    "meetings": _meeting_key,
    "parties": _fields("name"),
    "people": _fields("name"),
    "positions": _fields("holder", "topic"),
    "sources": _fields("name"),
    "evidence": _fields("quote"),
}


def diff_briefings(a: Briefing, b: Briefing) -> list[Change]:
    """List the field-level differences from briefing ``a`` to briefing ``b``, ignoring meta.

    Args:
        a: The old (or reference) briefing.
        b: The new briefing.

    Returns:
        Changes in document order; empty when the briefings say the same thing.
    """
    old = a.model_dump(mode="json", exclude={"meta"})
    new = b.model_dump(mode="json", exclude={"meta"})
    return _diff_dicts("", old, new)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _diff_dicts(prefix: str, old: _Item, new: _Item) -> list[Change]:
    changes: list[Change] = []
    for name in [*old, *(k for k in new if k not in old)]:
        path = _join(prefix, name)
        if name not in new:
            changes.append(Change(path=path, kind="removed", old=old[name]))
        elif name not in old:
            changes.append(Change(path=path, kind="added", new=new[name]))
        else:
            changes += _diff_values(path, name, old[name], new[name])
    return changes


def _diff_values(path: str, name: str, old: Any, new: Any) -> list[Change]:
    if isinstance(old, dict) and isinstance(new, dict):
        return _diff_dicts(path, old, new)
    if name in _KEYS and isinstance(old, list) and isinstance(new, list):
        return _diff_lists(path, _KEYS[name], old, new)
    if old != new:
        return [Change(path=path, kind="changed", old=old, new=new)]
    return []


def align(
    old: Sequence[_Item], new: Sequence[_Item], key: _KeyFn
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair list items by key, then leftovers by first evidence quote.

    Returns:
        ``(pairs, removed, added)``: index pairs (old, new), and the unpaired indexes of each side.
    """
    pairs = _pair_by(old, new, key, range(len(old)), range(len(new)))
    removed, added = _unpaired(pairs, len(old), len(new))
    pairs += _pair_by(old, new, _first_quote, removed, added)
    removed, added = _unpaired(pairs, len(old), len(new))
    return sorted(pairs, key=lambda p: p[1]), removed, added


def _unpaired(pairs: list[tuple[int, int]], n_old: int, n_new: int) -> tuple[list[int], list[int]]:
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    return (
        [i for i in range(n_old) if i not in paired_old],
        [j for j in range(n_new) if j not in paired_new],
    )


def _pair_by(
    old: Sequence[_Item],
    new: Sequence[_Item],
    key: Callable[[_Item], Hashable],
    old_indexes: Sequence[int],
    new_indexes: Sequence[int],
) -> list[tuple[int, int]]:
    """Pair the k-th old item with a key to the k-th new item with the same key (None: never)."""
    waiting: dict[Hashable, list[int]] = {}
    for i in old_indexes:
        k = key(old[i])
        if k is not None:
            waiting.setdefault(k, []).append(i)
    pairs: list[tuple[int, int]] = []
    for j in new_indexes:
        queue = waiting.get(key(new[j]))
        if queue:
            pairs.append((queue.pop(0), j))
    return pairs


def _diff_lists(path: str, key: _KeyFn, old: list[_Item], new: list[_Item]) -> list[Change]:
    pairs, removed, added = align(old, new, key)
    changes = [Change(path=f"{path}[{i}]", kind="removed", old=old[i]) for i in removed]
    for i, j in pairs:
        changes += _diff_dicts(f"{path}[{j}]", old[i], new[j])
    changes += [Change(path=f"{path}[{j}]", kind="added", new=new[j]) for j in added]
    return changes


_SIGNS: dict[str, str] = {"added": "+", "removed": "-", "changed": "~"}


def _short(value: Any, limit: int) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_changes(changes: Sequence[Change], limit: int = 120) -> str:
    """Render changes one per line: ``+`` added, ``-`` removed, ``~`` changed.

    Args:
        changes: Output of :func:`diff_briefings`.
        limit: Longest rendering of one value, in characters; longer ones are cut with "…".

    Returns:
        The text, one line per change, ending in a newline ("no differences" when none).
    """
    if not changes:
        return "no differences\n"
    lines = []
    for change in changes:
        sign = _SIGNS[change.kind]
        if change.kind == "added":
            detail = _short(change.new, limit)
        elif change.kind == "removed":
            detail = _short(change.old, limit)
        else:
            detail = f"{_short(change.old, limit)} -> {_short(change.new, limit)}"
        lines.append(f"{sign} {change.path}: {detail}")
    return "\n".join(lines) + "\n"
