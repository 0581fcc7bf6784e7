"""The exception hierarchy: one base class, typed context, nothing from a vendor SDK leaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsbrief.models import Usage


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose."""


def one_line(exc: BaseException) -> str:
    """An error as one line for logs and reports: type and first line of the message.

    Errors newsbrief did not raise on purpose are marked `unexpected error:`.
    """
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if isinstance(exc, NewsbriefError) else f"unexpected error: {text}"


class ConfigError(NewsbriefError):
    """Bad settings: unknown backend or strategy, missing or corrupt local model file."""


class InputError(NewsbriefError):
    """The article cannot be briefed: empty, binary, oversized, undecodable, unreadable."""


class UsageError(NewsbriefError, ValueError):
    """The caller passed something the API does not accept (a bad argument value)."""


class ModelCallError(NewsbriefError):
    """The model endpoint failed after every retry."""

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        status: int | None = None,
        attempts: int = 0,
        usage: Usage | None = None,
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.status = status
        self.attempts = attempts
        self.usage = usage


class ExtractionError(NewsbriefError):
    """The model answered, but its output never validated against the schema."""

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        usage: Usage | None = None,
        last_response: str | None = None,
        errors: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.usage = usage
        self.last_response = last_response
        self.errors = errors or []


class WorkerError(NewsbriefError):
    """A `daily --workers` process ended before it reported all of its articles.

    Every article it finished is in the cache and the partial results: run again to resume.
    """
