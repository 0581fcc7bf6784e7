"""The model client: backends, retry policy, error mapping (the SDKs stay in this package).

Two layers of retry, both bounded and counted:
- transient endpoint failures (429 honouring Retry-After, 5xx, timeouts, connection errors)
  are retried by tenacity with exponential backoff and jitter, bounded by attempts and time;
- output that fails validation is re-asked with the validation error, by instructor's
  JSON_SCHEMA handler (`Settings.max_reasks` times at most; see `structured`).

Each HTTP request is counted where it is sent (`LLM._send`, given the briefing's
`CallStats`), so counting costs no per-call hooks; connections are pooled per `LLM`
(see `http`), which its owner closes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any, TypeVar, cast

import httpx2
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion
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
from newsbrief.llm import structured
from newsbrief.llm.http import MAX_RESPONSE_BYTES, ResponseTooLarge, http_client
from newsbrief.llm.local import LOCAL_BASE_URL, LocalEngine, transport
from newsbrief.models import CallStats, Usage
from newsbrief.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
_MAX_RETRY_AFTER_S = 60.0

__all__ = ["LLM", "MAX_RESPONSE_BYTES", "StatsAsker", "default_retrying"]


def _api_error(exc: BaseException | None) -> BaseException | None:
    """The openai error behind `exc`: instructor wraps it in an InstructorRetryException."""
    seen, visited = exc, set[int]()
    while seen is not None and id(seen) not in visited:
        if isinstance(seen, openai.APIError):
            return seen
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return exc


def _too_large(exc: BaseException | None) -> ResponseTooLarge | None:
    """The `ResponseTooLarge` behind `exc` (openai wraps it in an APIConnectionError)."""
    seen, visited = exc, set[int]()
    while seen is not None and id(seen) not in visited:
        if isinstance(seen, ResponseTooLarge):
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
    """An async openai client for one backend, asking structured questions through instructor.

    It holds a pool of keep-alive connections: close it (`async with LLM(...) as llm`, or
    `await llm.aclose()`), as `brief()`, `abrief()` and `run_daily` do with the ones they open.
    """

    def __init__(self, settings: Settings, retrying: AsyncRetrying | None = None) -> None:
        self.settings = settings
        self._retrying = retrying or default_retrying(settings)
        self._request = {"model": settings.model, "temperature": 0.0, "seed": 0}
        if settings.backend == "local":
            engine = LocalEngine(
                settings.local_model_path,
                settings.cache_dir,
                settings.n_ctx,
                settings.n_threads,
                settings.choice,
            )
            self._http = httpx2.AsyncClient(transport=transport(engine), timeout=settings.timeout_s)
            client = openai.AsyncOpenAI(
                api_key="embedded", base_url=LOCAL_BASE_URL, max_retries=0, http_client=self._http
            )
        else:
            self._http = http_client(settings)
            client = openai.AsyncOpenAI(
                api_key=settings.api_key or "not-needed",
                base_url=settings.base_url,
                max_retries=0,
                timeout=settings.timeout_s,
                http_client=self._http,
            )
        self._client = client
        self._options: Any = {"security": {"bearer_auth": True}}  # what `create()` passes

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
        """One structured call: transient retries outside, validation re-asks inside.

        Every HTTP request adds one to `stats.attempts` and its token usage to `stats.usage`;
        the question adds one to `stats.model_calls`.
        """
        retrying = self._retrying.copy()
        stats.model_calls += 1
        started = time.perf_counter()
        try:
            prepared = structured.prepare(response_model)
            request = dict(self._request, max_tokens=max_tokens)
            async for attempt in retrying:
                with attempt:
                    result = await structured.call(
                        self._send,
                        prepared,
                        (stats,),
                        request,
                        messages,
                        self.settings.max_reasks,
                    )
                    return cast(T, result)
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

    async def _send(self, stats: CallStats, **request: Any) -> ChatCompletion:
        """One HTTP request of a structured call, counted in `stats` with its usage.

        What `chat.completions.create(**request)` sends, without its per-request walk of the
        body against the params' TypedDicts: our messages are plain text and the schema is
        already JSON, so that walk changes nothing (a test pins the body equal to instructor's)
        and it cost ~1.9 ms of CPU per request (benchmarks/bench_request.py).
        """
        stats.attempts += 1
        response = await self._client.post(
            "/chat/completions", body=request, cast_to=ChatCompletion, options=self._options
        )
        _add_usage(stats, response)
        return response

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
