"""A llama-cpp-python server wants the JSON schema as {"type": "json_object", "schema": ...}."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from newsbrief import ConfigError, Settings
from newsbrief._api import abrief
from tests.fault_helpers import ARTICLE, good_content, stub_settings
from tests.stub_server import StubServer


@pytest.mark.parametrize(
    ("mode", "expected_type"), [("json_schema", "json_schema"), ("llama_cpp", "json_object")]
)
def test_the_response_format_follows_the_json_mode(
    tmp_path: Path, mode: str, expected_type: str
) -> None:
    with StubServer(latency=0, content=good_content, keep_bodies=True) as stub:
        settings = stub_settings(stub, tmp_path, json_mode=mode)
        asyncio.run(abrief(ARTICLE, settings=settings))
    fmt = stub.stats.bodies[0]["response_format"]
    assert fmt["type"] == expected_type
    schema = fmt["json_schema"]["schema"] if mode == "json_schema" else fmt["schema"]
    assert "figures" in schema["properties"]


def test_the_json_mode_comes_from_the_environment() -> None:
    assert Settings.from_env({"NEWSBRIEF_JSON_MODE": "llama_cpp"}).json_mode == "llama_cpp"
    with pytest.raises(ConfigError):
        Settings.from_env({"NEWSBRIEF_JSON_MODE": "xml"})
