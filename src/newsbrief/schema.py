"""JSON Schema export of the public models (schemas/*.json are generated from here)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from newsbrief.daily.models import daily_json_schema
from newsbrief.models import Briefing

SCHEMAS: dict[str, str] = {
    "briefing": "briefing.v1.schema.json",
    "daily": "daily.v1.schema.json",
}


def _briefing() -> dict[str, Any]:
    return Briefing.model_json_schema()


_BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {
    "briefing": _briefing,
    "daily": daily_json_schema,
}


def schema_text(name: str) -> str:
    """The schema file's exact text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(_BUILDERS[name](), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
