"""The only module that imports openai and instructor: backends, retry policy, error mapping.

Two layers of retry, both bounded and counted:
- transient endpoint failures (429 honouring Retry-After, 5xx, timeouts, connection errors)
  are retried by tenacity with exponential backoff and jitter, bounded by attempts and time;
- output that fails validation is re-asked by instructor with the validation error
  (`Settings.max_reasks` times at most).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import time
from collections.abc import Sequence
from typing import Any, TypeVar

import httpx2
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.hooks import Hooks
from pydantic import BaseModel
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
    wait_random,
)

from newsbrief.errors import ConfigError, ExtractionError, ModelCallError
from newsbrief.llm.local import LOCAL_BASE_URL, LocalEngine, adapt_response_format, transport
from newsbrief.models import CallStats, Usage
from newsbrief.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
_MAX_RETRY_AFTER_S = 60.0
MAX_RESPONSE_BYTES = 8 << 20  # a chat completion is kilobytes; 8 MiB is far beyond any real one


class _ResponseTooLarge(Exception):
    """An endpoint's response body passed `MAX_RESPONSE_BYTES` (never retried)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"response larger than {limit} bytes")
        self.limit = limit


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA store takes ~25 ms each time."""
    return httpx2.create_ssl_context()


class _GuardedTransport(httpx2.AsyncBaseTransport):
    """Every request done within `deadline` seconds, and no API key in error bodies.

    httpx's timeouts bound each read, so an endpoint that drips bytes never times out. Some
    endpoints echo the key they rejected, and openai and instructor put error bodies in
    exception messages and ERROR logs. Bodies are read here in full (we never stream), in
    chunks, and never past `max_body` bytes: a larger one fails with `_ResponseTooLarge`
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
        headers = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx2.Response(
            response.status_code,
            headers=headers,
            content=body,
            request=request,
            extensions=response.extensions,
        )

    async def _read(self, response: httpx2.Response) -> bytes:
        """The decoded body, read in chunks; `_ResponseTooLarge` once past `max_body`."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_body:
                raise _ResponseTooLarge(self._max_body)
            chunks.append(chunk)
        return b"".join(chunks)

    async def aclose(self) -> None:
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


def _http_client(settings: Settings) -> httpx2.AsyncClient:
    # No idle keep-alive sockets: a caller may hand in an LLM and never close it, and a pooled
    # socket outliving its event loop is a ResourceWarning. Measured: pooling moved the daily
    # benchmark from 77% to 80% of ideal, not worth a leak. Owners still call LLM.aclose().
    inner = httpx2.AsyncHTTPTransport(
        verify=_ssl_context(), limits=httpx2.Limits(max_keepalive_connections=0)
    )
    transport = _GuardedTransport(
        inner, settings.timeout_s, settings.api_key, settings.json_mode == "llama_cpp"
    )
    return openai.DefaultAsyncHttpxClient(timeout=settings.timeout_s, transport=transport)


def _api_error(exc: BaseException | None) -> BaseException | None:
    """The openai error behind `exc`: instructor wraps it in an InstructorRetryException."""
    seen, visited = exc, set[int]()
    while seen is not None and id(seen) not in visited:
        if isinstance(seen, openai.APIError):
            return seen
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return exc


def _too_large(exc: BaseException | None) -> _ResponseTooLarge | None:
    """The `_ResponseTooLarge` behind `exc` (openai wraps it in an APIConnectionError)."""
    seen, visited = exc, set[int]()
    while seen is not None and id(seen) not in visited:
        if isinstance(seen, _ResponseTooLarge):
            return seen
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return None


def _cassette_miss(exc: BaseException | None) -> BaseException | None:
    """The vcrpy 'no recorded interaction matches' error behind `exc`, if replaying.

    Matched by class name: vcrpy is a test tool, never a dependency of the library.
    """
    seen, visited = exc, set[int]()
    while seen is not None and id(seen) not in visited:
        if type(seen).__name__ == "CannotOverwriteExistingCassetteException":
            return seen
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return None


def _is_transient(exc: BaseException) -> bool:
    if _cassette_miss(exc) is not None:
        return False  # replaying: the same request misses the same way
    if _too_large(exc) is not None:
        return False  # the same request would bring the same flood
    exc = _api_error(exc) or exc
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, openai.APIConnectionError)  # includes APITimeoutError


def _retry_after(exc: BaseException | None) -> float | None:
    exc = _api_error(exc)
    if not isinstance(exc, openai.APIStatusError):
        return None
    value = exc.response.headers.get("retry-after")
    try:
        return min(float(value), _MAX_RETRY_AFTER_S) if value else None
    except ValueError:
        return None


class _Wait:
    """Exponential backoff with jitter, or the server's Retry-After when it gives one."""

    def __init__(self) -> None:
        # 0.5 s, 1 s, 2 s... at most 19.5 s, plus up to 0.5 s of jitter (not
        # wait_exponential_jitter(initial=...): `initial` is deprecated in recent tenacity).
        self._backoff = wait_exponential(multiplier=0.5, max=19.5) + wait_random(0, 0.5)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        after = _retry_after(exc)
        return after if after is not None else self._backoff(state)


def default_retrying(settings: Settings) -> AsyncRetrying:
    """The transient-failure policy: bounded by attempts and by total time."""
    return AsyncRetrying(
        stop=stop_after_attempt(settings.max_attempts)
        | stop_after_delay(settings.max_retry_seconds),
        wait=_Wait(),
        retry=retry_if_exception(_is_transient),
        reraise=True,
    )


def _unwrap(exc: BaseException) -> BaseException:
    """Find the underlying error instructor or openai wrapped."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConfigError):
            return seen
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


class StatsAsker:
    """An `Asker` bound to one LLM and one briefing's counters (what strategies call)."""

    def __init__(self, llm: LLM, stats: CallStats) -> None:
        self._llm = llm
        self.stats = stats

    async def __call__(
        self, response_model: type[T], messages: list[dict[str, str]], max_tokens: int
    ) -> T:
        """Ask one structured question, counted in this asker's stats."""
        return await self._llm.ask(
            response_model, messages, stats=self.stats, max_tokens=max_tokens
        )


class LLM:
    """An instructor-wrapped async openai client for one backend."""

    def __init__(self, settings: Settings, retrying: AsyncRetrying | None = None) -> None:
        self.settings = settings
        self._retrying = retrying
        if settings.backend == "local":
            engine = LocalEngine(
                settings.local_model_path, settings.cache_dir, settings.n_ctx, settings.n_threads
            )
            async_transport = transport(engine)
            http_client = httpx2.AsyncClient(transport=async_transport, timeout=settings.timeout_s)
            self._http = http_client
            client = openai.AsyncOpenAI(
                api_key="embedded", base_url=LOCAL_BASE_URL, max_retries=0, http_client=http_client
            )
        else:
            self._http = _http_client(settings)
            client = openai.AsyncOpenAI(
                api_key=settings.api_key or "not-needed",
                base_url=settings.base_url,
                max_retries=0,
                timeout=settings.timeout_s,
                http_client=self._http,
            )
        self._client = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)

    def asker(self, stats: CallStats | None = None) -> StatsAsker:
        """An `Asker` for one briefing; its requests are counted in `stats`."""
        return StatsAsker(self, stats or CallStats())

    async def __aenter__(self) -> LLM:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connections (the loaded local model stays cached)."""
        await self._http.aclose()

    @property
    def provider(self) -> str:
        """'local' or the endpoint's host, for error messages (never a key)."""
        if self.settings.backend == "local":
            return "local"
        return str(httpx2.URL(self.settings.base_url or "https://api.openai.com/v1").host)

    async def ask(
        self,
        response_model: type[T],
        messages: Sequence[dict[str, str]],
        *,
        stats: CallStats,
        max_tokens: int = 1024,
    ) -> T:
        """One structured call: transient retries outside, validation re-asks inside."""
        hooks = Hooks()
        hooks.on("completion:kwargs", lambda *a, **k: _count_request(stats))
        hooks.on("completion:response", lambda response: _add_usage(stats, response))
        retrying = (self._retrying or default_retrying(self.settings)).copy()
        stats.model_calls += 1
        started = time.perf_counter()
        try:
            async for attempt in retrying:
                with attempt:
                    result: T = await self._client.create(
                        model=self.settings.model,
                        messages=list(messages),  # type: ignore[arg-type]
                        response_model=response_model,
                        max_retries=self.settings.max_reasks,
                        hooks=hooks,
                        temperature=0.0,
                        seed=0,
                        max_tokens=max_tokens,
                    )
                    return result
        except BaseException as exc:  # noqa: BLE001 - mapped to our hierarchy below
            raise self._map_error(exc, stats) from None
        finally:
            stats.latency_s += time.perf_counter() - started
            logger.info(
                "model=%s calls=%d tokens=%d latency=%.2fs",
                self.settings.model,
                stats.model_calls,
                stats.usage.total_tokens,
                stats.latency_s,
            )
        raise AssertionError("unreachable")  # pragma: no cover

    def _redact(self, text: str) -> str:
        key = self.settings.api_key
        return text.replace(key, "[REDACTED]") if key else text

    def _map_error(self, exc: BaseException, stats: CallStats) -> BaseException:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            return exc
        root = _unwrap(exc)
        if isinstance(root, ConfigError):
            return root
        if (miss := _cassette_miss(exc)) is not None:
            return ModelCallError(
                f"cassette miss: {miss}",
                provider=self.provider,
                attempts=stats.attempts,
                usage=stats.usage,
            )
        if (flood := _too_large(exc)) is not None:
            return ModelCallError(
                f"{self.provider} sent a response larger than {flood.limit} bytes "
                f"after {stats.attempts} request(s); not reading further",
                provider=self.provider,
                attempts=stats.attempts,
                usage=stats.usage,
            )
        if isinstance(root, openai.APIStatusError):
            return ModelCallError(
                f"{self.provider} answered HTTP {root.status_code} after {stats.attempts} "
                f"request(s): {self._redact(_short(root.message))}",
                provider=self.provider,
                status=root.status_code,
                attempts=stats.attempts,
                usage=stats.usage,
            )
        if isinstance(root, openai.APIConnectionError):
            kind = "timed out" if isinstance(root, openai.APITimeoutError) else "unreachable"
            cause = root.__cause__ or root.__context__
            detail = f": {_short(str(cause), 160)}" if cause and str(cause) else ""
            return ModelCallError(
                f"{self.provider} {kind} after {stats.attempts} request(s){detail}",
                provider=self.provider,
                attempts=stats.attempts,
                usage=stats.usage,
            )
        return self._extraction_error(exc, root, stats)

    def _extraction_error(
        self, exc: BaseException, root: BaseException, stats: CallStats
    ) -> BaseException:
        last = getattr(exc, "last_completion", None)
        if isinstance(exc, IncompleteOutputException) or isinstance(
            root, IncompleteOutputException
        ):
            reason = "the model's output was cut off (finish_reason=length)"
        elif refusal := _refusal_of(last):
            reason = f"the model refused: {_short(refusal)}"
        elif isinstance(exc, InstructorRetryException):
            reason = f"the model's output never validated: {_short(str(root))}"
        elif isinstance(exc, (openai.OpenAIError, ValueError, TypeError, KeyError)):
            reason = f"unusable model response: {_short(str(root))}"
        else:
            return exc
        return ExtractionError(
            self._redact(reason),
            attempts=stats.attempts,
            usage=stats.usage,
            last_response=_content_of(last),
            errors=[self._redact(_short(str(root)))],
        )


def _count_request(stats: CallStats) -> None:
    stats.attempts += 1


def _add_usage(stats: CallStats, response: Any) -> None:
    usage = getattr(response, "usage", None)
    if usage is None:
        return
    stats.usage = stats.usage + Usage(
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
        total_tokens=getattr(usage, "total_tokens", 0) or 0,
    )


def _content_of(completion: Any) -> str | None:
    try:
        content = completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return None
    return None if content is None else str(content)


def _refusal_of(completion: Any) -> str | None:
    try:
        refusal = completion.choices[0].message.refusal
    except (AttributeError, IndexError, TypeError):
        return None
    return str(refusal) if refusal else None


def _short(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."
