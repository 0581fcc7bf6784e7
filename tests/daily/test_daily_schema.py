"""The daily schema describes every field.

The drift check itself is tests/test_schema.py; regenerate with `newsbrief schema --write schemas`.
"""

from __future__ import annotations

from newsbrief.daily.models import daily_json_schema
from tests.paths import ROOT

SCHEMA = ROOT / "schemas" / "daily.v1.schema.json"


def test_every_daily_field_has_a_description() -> None:
    schema = daily_json_schema()
    for name, definition in [("DailyBriefing", schema), *schema["$defs"].items()]:
        if not name.startswith(("Article", "Calendar", "Daily", "Figure", "Party", "Sourced")):
            continue
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"
