"""The exception hierarchy: one base class, typed context, nothing from a vendor SDK leaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsbrief.models import Usage


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose."""


class ConfigError(NewsbriefError):
    """Bad settings: unknown backend or strategy, missing or corrupt local model file."""


class InputError(NewsbriefError):
    """The article cannot be briefed: empty, binary, oversized, undecodable, unreadable."""


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
