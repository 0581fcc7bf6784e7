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
        prefixes = ("Agenda", "Article", "Calendar", "Coverage", "Daily", "Figure", "Party")
        if not name.startswith((*prefixes, "Sourced", "Status", "Story")):
            continue
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_daily_schema_has_stories_agenda_and_coverage() -> None:
    schema = daily_json_schema()
    assert {"stories", "agenda", "coverage", "calendar", "figures"} <= set(schema["properties"])
    assert {"Story", "FigureTrack", "FigureReport", "Agenda", "Coverage"} <= set(schema["$defs"])
    assert "stories" not in schema["required"]  # older files (no stories) still validate
