"""schemas/daily.v1.schema.json is generated from DailyBriefing; this fails on drift.

Regenerate with:
    PYTHONPATH=src python -c "import json; from newsbrief.daily_models import daily_json_schema; \
print(json.dumps(daily_json_schema(), indent=2, sort_keys=True))" > schemas/daily.v1.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.daily_models import daily_json_schema

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "daily.v1.schema.json"


def test_daily_schema_file_matches_the_model() -> None:
    expected = json.dumps(daily_json_schema(), indent=2, sort_keys=True) + "\n"
    assert SCHEMA.read_text(encoding="utf-8") == expected, f"regenerate {SCHEMA.name}"


def test_every_daily_field_has_a_description() -> None:
    schema = daily_json_schema()
    for name, definition in [("DailyBriefing", schema), *schema["$defs"].items()]:
        if not name.startswith(("Article", "Calendar", "Daily", "Figure", "Party", "Sourced")):
            continue
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"
