"""The HTTP layer under the openai client: a pooled transport with a deadline and a body cap.

The pool is aiohttp's, through the httpx2 adapter that openai ships (`pool_transport`).

One `http_client` per `LLM`: its connections are kept alive and reused across requests (a
new TCP connection per request cost a connect, a close and their event-loop work each time),
and they are closed by `LLM.aclose()`, which every owner calls (`async with LLM(...)`,
`abrief`, `run_daily`). A pooled socket left open past its event loop would be a
ResourceWarning, so owning and closing the client is part of the contract.
"""

from __future__ import annotations

import asyncio
import functools
import json
import ssl

import httpx2
import openai

from newsbrief.llm.local import adapt_response_format
from newsbrief.settings import Settings

MAX_RESPONSE_BYTES = 8 << 20  # a chat completion is kilobytes; 8 MiB is far beyond any real one
_BODY_HEADERS = (b"content-encoding", b"content-length", b"transfer-encoding")  # body decoded
KEEPALIVE_S = 30.0
"""How long an idle pooled connection is kept before it is closed."""


class ResponseTooLarge(Exception):
    """An endpoint's response body passed `MAX_RESPONSE_BYTES` (never retried)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"response larger than {limit} bytes")
        self.limit = limit


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA store takes ~25 ms each time."""
    return httpx2.create_ssl_context()


class GuardedTransport(httpx2.AsyncBaseTransport):
    """Every request done within `deadline` seconds, and no API key in error bodies.

    httpx's timeouts bound each read, so an endpoint that drips bytes never times out. Some
    endpoints echo the key they rejected, and openai and instructor put error bodies in
    exception messages and ERROR logs. Bodies are read here in full (we never stream), in
    chunks, and never past `max_body` bytes: a larger one fails with `ResponseTooLarge`
    (it would otherwise be held in memory and sent back to the model in a re-ask).
    """

    def __init__(
        self,
        inner: httpx2.AsyncBaseTransport,
        deadline: float,
        secret: str | None,
        json_object_schema: bool = False,
        max_body: int | None = None,
    ):
        self._inner = inner
        self._deadline = deadline
        self._secret = secret.encode() if secret else None
        self._json_object_schema = json_object_schema
        self._max_body = MAX_RESPONSE_BYTES if max_body is None else max_body

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send `request`; the response comes back read in full (or an error)."""
        if self._json_object_schema:
            request = _as_json_object_schema(request)
        try:
            async with asyncio.timeout(self._deadline):
                response = await self._inner.handle_async_request(request)
                try:
                    body = await self._read(response)
                finally:
                    await response.aclose()
        except TimeoutError:
            message = f"no complete response within {self._deadline:g} s"
            raise httpx2.ReadTimeout(message, request=request) from None
        if self._secret and response.status_code >= 400:
            body = body.replace(self._secret, b"[REDACTED]")
        headers = [(k, v) for k, v in response.headers.raw if k.lower() not in _BODY_HEADERS]
        return httpx2.Response(
            response.status_code,
            headers=headers,
            content=body,
            request=request,
            extensions=response.extensions,
        )

    async def _read(self, response: httpx2.Response) -> bytes:
        """The decoded body, read in chunks; `ResponseTooLarge` once past `max_body`."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_body:
                raise ResponseTooLarge(self._max_body)
            chunks.append(chunk)
        return b"".join(chunks)

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._inner.aclose()


def _as_json_object_schema(request: httpx2.Request) -> httpx2.Request:
    """Rewrite a JSON-schema request for llama-cpp-python's server.

    It wants {"type": "json_object", "schema": ...} and answers HTTP 500 to OpenAI's
    {"type": "json_schema", ...}.
    """
    try:
        payload = json.loads(request.content)
    except ValueError:
        return request
    fmt = payload.get("response_format") if isinstance(payload, dict) else None
    adapted = adapt_response_format(fmt) if isinstance(fmt, dict) else None
    if adapted is None or adapted == fmt:
        return request
    payload["response_format"] = adapted
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
    return httpx2.Request(
        request.method,
        request.url,
        headers=headers,
        content=json.dumps(payload).encode(),
        extensions=request.extensions,
    )


def pool_transport() -> httpx2.AsyncBaseTransport:
    """The connection pool: aiohttp's under httpx2 where openai's adapter for it loads.

    openai ships that adapter (`openai.DefaultAioHttpClient` uses it) and aiohttp is installed
    with instructor. It spends about 0.8 ms less CPU per request than httpx2's own pool
    (`benchmarks/bench_request.py`: 2.6 -> 1.8 ms). Without it, httpx2's pool is used.
    """
    limits = httpx2.Limits(keepalive_expiry=KEEPALIVE_S)
    try:
        from openai._vendor.httpx_aiohttp import AiohttpTransport
    except ImportError:  # pragma: no cover - an openai without the adapter, or no aiohttp
        return httpx2.AsyncHTTPTransport(verify=ssl_context(), limits=limits)
    return AiohttpTransport(verify=ssl_context(), limits=limits)


def http_client(settings: Settings) -> httpx2.AsyncClient:
    """The pooled, guarded HTTP client of one `LLM` (closed by `LLM.aclose()`)."""
    transport = GuardedTransport(
        pool_transport(), settings.timeout_s, settings.api_key, settings.json_mode == "llama_cpp"
    )
    return openai.DefaultAsyncHttpxClient(timeout=settings.timeout_s, transport=transport)
