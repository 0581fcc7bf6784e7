"""Response bodies are capped: a flood from an endpoint is a ModelCallError, never held.

An oversized body used to be read whole, kept in memory and, when it did not validate,
sent back to the model in the re-ask. Now the guarded transport reads in chunks and stops
at `MAX_RESPONSE_BYTES` (8 MiB); the request is neither retried nor re-asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from newsbrief._api import abrief
from newsbrief.errors import ModelCallError
from newsbrief.llm.client import LLM, MAX_RESPONSE_BYTES
from newsbrief.llm.http import GuardedTransport, ResponseTooLarge
from tests.fault_helpers import ARTICLE, fast_retrying, good_draft, stub_settings
from tests.stub_server import StubServer

MIB = 1 << 20


def test_an_endless_body_is_cut_off_at_the_cap() -> None:
    sent: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            sent.append(MIB)
            yield b"x" * MIB

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=endless())

    guarded = GuardedTransport(httpx2.MockTransport(handler), 30.0, None)
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions", content=b"{}")
    too_large = f"response larger than {MAX_RESPONSE_BYTES} bytes"
    with pytest.raises(ResponseTooLarge, match=too_large):
        asyncio.run(guarded.handle_async_request(request))
    assert sum(sent) <= MAX_RESPONSE_BYTES + MIB  # stopped at the cap, not at memory's end


def test_a_body_under_the_cap_passes_unchanged() -> None:
    body = b'{"ok": true}' * 1000

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=body)

    guarded = GuardedTransport(httpx2.MockTransport(handler), 30.0, None)
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions", content=b"{}")
    response = asyncio.run(guarded.handle_async_request(request))
    assert response.content == body


def _huge_content(request: dict[str, Any]) -> dict[str, Any]:
    return {**good_draft(), "summary": "flood " * (MAX_RESPONSE_BYTES // 5)}


def test_a_flood_from_the_endpoint_is_one_model_call_error(tmp_path: Path) -> None:
    with StubServer(latency=0, content=_huge_content) as stub:
        settings = stub_settings(stub, tmp_path, timeout_s=60)  # 9 MB on a busy machine

        async def run() -> None:
            async with LLM(settings, retrying=fast_retrying(settings)) as llm:
                await abrief(ARTICLE, settings=settings, asker=llm.asker())

        with pytest.raises(ModelCallError) as info:
            asyncio.run(run())
    assert stub.requests == 1  # neither retried nor re-asked with the flood in it
    message = str(info.value)
    assert message == (
        f"127.0.0.1 sent a response larger than {MAX_RESPONSE_BYTES} bytes after 1 request(s); "
        "not reading further"
    )
    assert info.value.provider == "127.0.0.1" and info.value.attempts == 1
