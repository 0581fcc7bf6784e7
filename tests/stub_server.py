"""A stub OpenAI-compatible endpoint on loopback, for fault-injection tests and benchmarks.

`POST /v1/chat/completions` waits a fixed latency and answers a valid `chat.completion`
whose message content is a JSON object (the draft a strategy expects), or misbehaves as the
test scripts it. `GET /stats` reports what it served. Use it in-process (a background thread
with its own event loop):

    with StubServer(latency=0.1) as stub:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="stub")

or as a separate process (what the benchmark does, so its CPU and memory are not counted):

    python benchmarks/stub_openai.py --port 0 --latency 0.1   # prints the base URL first

Behaviour: `fault(n, request)` picks how to answer the n-th request (1-based): None or "ok"
for a completion built by `content(request) -> dict`, an HTTP status (429 and 503 carry a
`Retry-After` header), or one of `BEHAVIOURS`:

- "hang": no answer until `hang_s` seconds pass (or the stub stops); the client times out;
- "drip": a good answer, one byte every 0.1 s: each read is quick, the whole takes minutes;
- "reset": the connection is closed without a response (TCP RST);
- "malformed": HTTP 200 with a body that is not JSON;
- "truncated": the content cut in half, `finish_reason: "length"`;
- "invalid": JSON content that does not match the schema;
- "empty": `choices: []`;
- "refusal": `message.content` null and `message.refusal` set.

`script(...)` and `random_faults(...)` build `fault` functions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Behaviour = int | str
Content = Callable[[dict[str, Any]], dict[str, Any]]
Fault = Callable[[int, dict[str, Any]], Behaviour | None]

BEHAVIOURS = (
    "ok",
    "hang",
    "drip",
    "reset",
    "malformed",
    "truncated",
    "invalid",
    "empty",
    "refusal",
)
REFUSAL = "I'm sorry, but I can't help with that request."


def default_content(request: dict[str, Any]) -> dict[str, Any]:
    """An empty but valid briefing draft."""
    return {
        "summary": "Stub summary.",
        "language": "en",
        "parties": [],
        "people": [],
        "positions": [],
        "meetings": [],
        "figures": [],
        "sources": [],
    }


def response_model_name(request: dict[str, Any]) -> str | None:
    """The schema name instructor asks for (`Draft`, `Regrounded`...), if any."""
    response_format = request.get("response_format") or {}
    schema = response_format.get("json_schema") or {}
    name = schema.get("name")
    return str(name) if name else None


def user_text(request: dict[str, Any]) -> str:
    """Every user message of a request, joined (the article is in there)."""
    return "\n".join(
        str(m.get("content", "")) for m in request.get("messages", []) if m.get("role") == "user"
    )


def script(*behaviours: Behaviour | None, then: Behaviour | None = None) -> Fault:
    """Answer request n with `behaviours[n - 1]`, and every later one with `then`."""

    def fault(n: int, request: dict[str, Any]) -> Behaviour | None:
        return behaviours[n - 1] if n <= len(behaviours) else then

    return fault


def random_faults(rate: float, choices: Sequence[Behaviour], seed: int = 0) -> Fault:
    """Each request misbehaves with probability `rate`, as one of `choices` (seeded)."""
    rng = random.Random(seed)
    lock = threading.Lock()

    def fault(n: int, request: dict[str, Any]) -> Behaviour | None:
        with lock:
            return rng.choice(list(choices)) if rng.random() < rate else None

    return fault


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
    served: list[str] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for name in ("bodies", "served", "authorizations"):
            data.pop(name)
        return data


def _completion(
    n: int,
    request: dict[str, Any],
    content: dict[str, Any] | str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    choices: bool = True,
) -> dict[str, Any]:
    text = content if content is None or isinstance(content, str) else json.dumps(content)
    prompt_chars = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
    prompt_tokens, completion_tokens = prompt_chars // 4 + 1, len(text or "") // 4 + 1
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if refusal is not None:
        message["refusal"] = refusal
    choice = {"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}
    return {
        "id": f"chatcmpl-stub-{n}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "stub"),
        "choices": [choice] if choices else [],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _reset(req: web.Request) -> None:
    """Close the client's connection at once, with a TCP RST, sending nothing."""
    transport = req.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def _drip(req: web.Request, text: str, every: float = 0.1) -> web.StreamResponse:
    data = text.encode()
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    response.content_length = len(data)
    await response.prepare(req)
    for index in range(len(data)):
        await response.write(data[index : index + 1])
        await asyncio.sleep(every)
    return response


def _status_answer(status: int, retry_after: float | None, message: str | None) -> web.Response:
    text = message or f"stub fault {status}"
    error = {"error": {"message": text, "type": "stub", "code": None}}
    headers = {"Retry-After": str(retry_after)} if retry_after and status in (429, 503) else {}
    return web.json_response(error, status=status, headers=headers)


@dataclass
class _Answerer:
    content: Content
    retry_after: float | None
    hang_s: float
    release: asyncio.Event
    error_message: str | None = None

    async def answer(
        self, req: web.Request, n: int, body: dict[str, Any], how: Behaviour
    ) -> web.StreamResponse:
        if isinstance(how, int):
            return _status_answer(how, self.retry_after, self.error_message)
        if how == "hang":
            try:
                await asyncio.wait_for(self.release.wait(), self.hang_s)
            except TimeoutError:
                pass
        elif how == "drip":
            return await _drip(req, json.dumps(_completion(n, body, self.content(body))))
        elif how == "reset":
            _reset(req)
            await asyncio.sleep(3600)  # cancelled when the connection is lost
        elif how == "malformed":
            return web.Response(
                text='{"id": "chatcmpl-broken", "choices": [{"mess',
                status=200,
                content_type="application/json",
            )
        elif how == "truncated":
            text = json.dumps(self.content(body))
            return web.json_response(
                _completion(n, body, text[: len(text) // 2], finish_reason="length")
            )
        elif how == "invalid":
            wrong = {"summary": ["not", "a", "string"], "figures": "none"}
            return web.json_response(_completion(n, body, wrong))
        elif how == "empty":
            return web.json_response(_completion(n, body, None, choices=False))
        elif how == "refusal":
            return web.json_response(_completion(n, body, None, refusal=REFUSAL))
        elif how != "ok":
            raise ValueError(f"unknown stub behaviour {how!r}")
        return web.json_response(_completion(n, body, self.content(body)))


def make_app(
    latency: float = 0.1,
    content: Content = default_content,
    fault: Fault | None = None,
    stats: StubStats | None = None,
    keep_bodies: bool = False,
    *,
    retry_after: float | None = 0.1,
    hang_s: float = 10.0,
    release: asyncio.Event | None = None,
    error_message: str | None = None,
) -> web.Application:
    """The aiohttp application behind the stub (`error_message`: text of HTTP errors)."""
    st = stats if stats is not None else StubStats()
    answerer = _Answerer(content, retry_after, hang_s, release or asyncio.Event(), error_message)

    async def chat(req: web.Request) -> web.StreamResponse:
        body = await req.json()
        st.requests += 1
        n = st.requests
        st.first_request_at = st.first_request_at or time.time()
        st.in_flight += 1
        st.max_in_flight = max(st.max_in_flight, st.in_flight)
        if keep_bodies:
            st.bodies.append(body)
            st.authorizations.append(req.headers.get("Authorization", ""))
        try:
            await asyncio.sleep(latency)
            how = (fault(n, body) if fault else None) or "ok"
            st.served.append(str(how))
            st.faults += how != "ok"
            return await answerer.answer(req, n, body, how)
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
        *,
        retry_after: float | None = 0.1,
        hang_s: float = 10.0,
        error_message: str | None = None,
    ) -> None:
        self.stats = StubStats()
        self._loop = asyncio.new_event_loop()
        self._release = asyncio.Event()
        self._app = make_app(
            latency,
            content,
            fault,
            self.stats,
            keep_bodies,
            retry_after=retry_after,
            hang_s=hang_s,
            release=self._release,
            error_message=error_message,
        )
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", port))
        self.port: int = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None

    @property
    def requests(self) -> int:
        """How many chat requests reached the stub."""
        return self.stats.requests

    def start(self) -> StubServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    async def _start(self) -> None:
        # handler_cancellation: a handler whose client went away (timeout, reset) is cancelled
        self._runner = web.AppRunner(
            self._app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.SockSite(self._runner, self._sock).start()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._release.set)
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


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A stub OpenAI-compatible endpoint.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args(argv)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    print(f"http://127.0.0.1:{sock.getsockname()[1]}/v1", flush=True)
    web.run_app(make_app(args.latency), sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    main()
