"""A stub OpenAI-compatible endpoint for benchmarks and fault-injection tests.

`POST /v1/chat/completions` waits a fixed latency and answers a valid `chat.completion`
whose message content is a JSON object (the draft a strategy expects). `GET /stats`
reports what it served. Use it in-process (a background thread with its own event loop):

    with StubServer(latency=0.1) as stub:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="stub")

or as a separate process (what the benchmark does, so its CPU and memory are not counted):

    python benchmarks/stub_openai.py --port 0 --latency 0.1   # prints the base URL first

Fault injection: `fault(n, request) -> int | None` returns an HTTP status to answer the
n-th request with (429, 500, 503...) instead of a completion; `content(request) -> dict`
builds the message content.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Content = Callable[[dict[str, Any]], dict[str, Any]]
Fault = Callable[[int, dict[str, Any]], int | None]


def default_content(request: dict[str, Any]) -> dict[str, Any]:
    """An empty but valid briefing draft."""
    return {
        "summary": "Stub summary.",
        "parties": [],
        "people": [],
        "positions": [],
        "meetings": [],
        "figures": [],
        "sources": [],
    }


@dataclass
class StubStats:
    """What the stub served; times are `time.time()` so other processes can compare them."""

    requests: int = 0
    responses: int = 0
    faults: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    first_request_at: float | None = None
    last_response_at: float | None = None
    bodies: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data.pop("bodies")
        return data


def _completion(n: int, request: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(content)
    prompt_chars = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
    prompt_tokens, completion_tokens = prompt_chars // 4 + 1, len(text) // 4 + 1
    return {
        "id": f"chatcmpl-stub-{n}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "stub"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def make_app(
    latency: float = 0.1,
    content: Content = default_content,
    fault: Fault | None = None,
    stats: StubStats | None = None,
    keep_bodies: bool = False,
) -> web.Application:
    """The aiohttp application behind the stub."""
    st = stats if stats is not None else StubStats()

    async def chat(req: web.Request) -> web.Response:
        body = await req.json()
        st.requests += 1
        n = st.requests
        st.first_request_at = st.first_request_at or time.time()
        st.in_flight += 1
        st.max_in_flight = max(st.max_in_flight, st.in_flight)
        if keep_bodies:
            st.bodies.append(body)
        try:
            await asyncio.sleep(latency)
            status = fault(n, body) if fault else None
            if status is not None:
                st.faults += 1
                error = {"error": {"message": f"stub fault {status}", "type": "stub", "code": None}}
                return web.json_response(error, status=status)
            return web.json_response(_completion(n, body, content(body)))
        finally:
            st.in_flight -= 1
            st.responses += 1
            st.last_response_at = time.time()

    async def models(req: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "stub", "object": "model"}]})

    async def get_stats(req: web.Request) -> web.Response:
        return web.json_response(st.as_dict())

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_post("/v1/chat/completions", chat)
    app.router.add_get("/v1/models", models)
    app.router.add_get("/stats", get_stats)
    return app


class StubServer:
    """The stub on 127.0.0.1 in a background thread (its own event loop)."""

    def __init__(
        self,
        latency: float = 0.1,
        content: Content = default_content,
        fault: Fault | None = None,
        port: int = 0,
        keep_bodies: bool = False,
    ) -> None:
        self.stats = StubStats()
        self._app = make_app(latency, content, fault, self.stats, keep_bodies)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", port))
        self.port: int = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None

    def start(self) -> StubServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    async def _start(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        await web.SockSite(self._runner, self._sock).start()

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
        self._sock.close()

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    print(f"http://127.0.0.1:{sock.getsockname()[1]}/v1", flush=True)
    web.run_app(make_app(args.latency), sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    main()
