"""One LLM keeps its connections alive across requests, and closing it closes them.

A server on loopback counts the TCP connections it accepts and the ones the client closes.
Under `filterwarnings = error`, a socket left open past its event loop would fail the test
with a ResourceWarning.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsbrief import brief
from newsbrief.llm import LLM
from newsbrief.models import CallStats
from newsbrief.settings import Settings
from newsbrief.strategies.whole import Draft
from tests.fault_helpers import ARTICLE, good_content, good_draft, stub_settings
from tests.stub_server import StubServer

MESSAGES = [{"role": "user", "content": "At least 20 people were killed in Rafah."}]
_LENGTH = re.compile(rb"content-length:\s*(\d+)", re.IGNORECASE)


@dataclass
class Counts:
    accepted: int = 0
    closed_by_client: int = 0
    requests: int = 0


def _answer() -> bytes:
    body = json.dumps(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": json.dumps(good_draft())},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
    ).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def _serve(counts: Counts) -> asyncio.Server:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        counts.accepted += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                match = _LENGTH.search(head)
                await reader.readexactly(int(match.group(1)) if match else 0)
                counts.requests += 1
                writer.write(_answer())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            counts.closed_by_client += 1
        finally:
            writer.close()
            await writer.wait_closed()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def test_requests_reuse_one_connection_until_the_llm_is_closed() -> None:
    counts = Counts()

    async def go() -> tuple[int, int]:
        server = await _serve(counts)
        port = server.sockets[0].getsockname()[1]
        settings = Settings(backend="openai", base_url=f"http://127.0.0.1:{port}/v1", model="m")
        async with server:
            async with LLM(settings) as llm:
                for _ in range(3):
                    await llm.ask(Draft, MESSAGES, stats=CallStats())
                open_while_in_use = counts.accepted - counts.closed_by_client
            while counts.closed_by_client < counts.accepted:  # the server sees the close
                await asyncio.sleep(0.01)
        return counts.accepted, open_while_in_use

    accepted, open_while_in_use = asyncio.run(asyncio.wait_for(go(), 30))
    assert counts.requests == 3
    assert accepted == 1  # three requests, one connection
    assert open_while_in_use == 1  # kept alive between requests
    assert counts.closed_by_client == 1  # and closed with the LLM


def test_brief_closes_the_client_it_opens(tmp_path: Path) -> None:
    with StubServer(latency=0, content=good_content) as stub:
        result = brief(ARTICLE, settings=stub_settings(stub, tmp_path))
    assert result.meta.attempts == 1 and result.meta.model_calls == 1
