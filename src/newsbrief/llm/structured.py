"""Structured calls through instructor's JSON_SCHEMA handler, each response model prepared once.

instructor's `create()` re-derives everything from the response model on every call: it
wraps the model in a new `ResponseSchema` subclass (pydantic builds a class and inspects the
signature of every `default_factory`), builds the model's JSON schema, and walks the model
tree for async validators five times (once more in its retry loop). None of that depends on
the request, and it was most of a call's CPU. `prepare()` does that work once per model class,
the way instructor does it (`reject_async_validators`, `response_schema`, then the handler's
`prepare_request`). `call()` is instructor's retry loop (`retry_async_v2`) for the one case we
use (no streaming, hooks, token budget or validation context), around the same handler: its
parser validates the answer, its re-ask sends the failed answer and the validation error
back, `max_reasks` bounds it, and it raises what instructor raises (`IncompleteOutputException`
as is, anything else wrapped in an `InstructorRetryException` whose cause is the error).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from instructor.core.exceptions import (
    AsyncValidationError,
    FailedAttempt,
    IncompleteOutputException,
    InstructorRetryException,
    ResponseParsingError,
)
from instructor.mode import Mode
from instructor.utils.providers import Provider
from instructor.v2.core.function_calls import response_schema
from instructor.v2.core.registry import mode_registry
from instructor.v2.validation.async_validators import reject_async_validators
from pydantic import BaseModel, ValidationError

MODE = Mode.JSON_SCHEMA
"""Structured outputs via `response_format: json_schema` (the endpoint enforces the schema)."""


_REASKABLE = (ValidationError, json.JSONDecodeError, AsyncValidationError, ResponseParsingError)
"""What instructor's retry loop re-asks on (its `_RETRYABLE_PARSE_ERRORS`)."""


@dataclass(frozen=True)
class Prepared:
    """A response model made ready for requests, once.

    Attributes:
        model: instructor's `ResponseSchema` subclass of the response model; answers are
            validated into it (as instructor's `create()` does, with a class it builds per call).
        response_format: The request's `response_format` (name and JSON schema). Shared by
            every request for this model: read, never mutated.
        parse: The JSON_SCHEMA handler's response parser.
        reask: The JSON_SCHEMA handler's re-ask: the request with the failed answer and the
            validation error appended to its messages.
    """

    model: type[BaseModel]
    response_format: dict[str, Any]
    parse: Callable[..., Any]
    reask: Callable[..., dict[str, Any]]


@functools.lru_cache(maxsize=256)
def prepare(response_model: type[BaseModel]) -> Prepared:
    """The prepared form of `response_model` (cached per class: it depends on nothing else).

    Raises what instructor raises for a model it cannot serve (async validators, a
    non-pydantic class), on first use as before.
    """
    reject_async_validators(response_model)
    model = response_schema(response_model)
    handlers = mode_registry.get_handlers(Provider.OPENAI, MODE)
    _, request = handlers.request_handler(response_model=model, kwargs={"messages": []})
    return Prepared(
        model, request["response_format"], handlers.response_parser, handlers.reask_handler
    )


Send = Callable[..., Awaitable[Any]]


async def call(
    send: Send,
    prepared: Prepared,
    args: tuple[Any, ...],
    request: dict[str, Any],
    messages: Sequence[dict[str, str]],
    max_reasks: int,
) -> BaseModel:
    """One structured question: `send(*args, **kwargs)` for each HTTP request it takes.

    At most `max_reasks + 1` requests. An answer that fails validation is re-asked with the
    error; a send that fails the same way (a body that is not JSON) is sent again as it was,
    as instructor's loop does. `request` carries the model name and sampling options; a fresh
    list of `messages` is sent, since a re-ask appends the failed answer and the error to it.
    """
    kwargs = dict(request, messages=list(messages), response_format=prepared.response_format)
    tries = max(max_reasks, 0) + 1
    failed: list[FailedAttempt] = []
    number = 0
    try:
        for number in range(1, tries + 1):
            try:
                response = await send(*args, **kwargs)
            except _REASKABLE:  # e.g. a body that is not JSON: the same request, once more
                if number == tries:
                    raise
                continue
            try:
                parsed: BaseModel = prepared.parse(
                    response=response,
                    response_model=prepared.model,
                    validation_context=None,
                    strict=True,
                    stream=False,
                    is_async=True,
                )
                return parsed
            except _REASKABLE as exc:
                failed.append(FailedAttempt(number, exc, response))
                if number == tries:
                    raise
                kwargs = prepared.reask(kwargs=kwargs, response=response, exception=exc)
    except IncompleteOutputException:
        raise
    except Exception as exc:  # instructor wraps every other failure, the cause kept
        raise InstructorRetryException(
            str(exc),
            last_completion=failed[-1].completion if failed else None,
            n_attempts=number,
            total_usage=None,
            messages=kwargs["messages"],
            create_kwargs=kwargs,
            failed_attempts=failed,
        ) from exc
    raise AssertionError("unreachable")  # pragma: no cover
