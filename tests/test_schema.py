"""The JSON Schemas in schemas/ are generated from the models; drift fails here."""

from __future__ import annotations

import pytest

import newsbrief
from newsbrief.schema import SCHEMAS, schema_text
from tests.paths import ROOT


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_file_matches_the_models(name: str) -> None:
    on_disk = (ROOT / "schemas" / SCHEMAS[name]).read_text(encoding="utf-8")
    assert on_disk == schema_text(name), (
        f"schemas/{SCHEMAS[name]} is stale: run `newsbrief schema --write schemas`"
    )


def test_every_briefing_field_has_a_description() -> None:
    import json

    schema = json.loads(schema_text("briefing"))
    missing = [
        f"{model}.{field}"
        for model, body in {"Briefing": schema, **schema["$defs"]}.items()
        for field, spec in body.get("properties", {}).items()
        if "description" not in spec
    ]
    assert missing == []


def test_public_names_are_pinned() -> None:
    assert newsbrief.__all__ == [
        "Article",
        "Asker",
        "Briefing",
        "CallStats",
        "ConfigError",
        "ExtractionError",
        "InputError",
        "ModelCallError",
        "NewsbriefError",
        "Settings",
        "UsageError",
        "WorkerError",
        "__version__",
        "abrief",
        "brief",
    ]
    assert newsbrief.__all__ == sorted(newsbrief.__all__)
