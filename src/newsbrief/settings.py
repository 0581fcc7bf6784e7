"""Frozen settings, read from the environment once, at the edge (CLI or brief() default)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import platformdirs

from newsbrief.errors import ConfigError

Backend = Literal["local", "openai", "rules"]
Strategy = Literal["auto", "whole", "candidates"]
JsonMode = Literal["json_schema", "llama_cpp"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
LOCAL_MODEL_NAME = "qwen2.5-coder-0.5b-instruct-q4_k_m"
RULES_MODEL_NAME = "rules"


def _default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("newsbrief", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything newsbrief needs to know about where and how to call a model.

    Build one with `Settings.from_env()` or directly; it never changes after that.
    The API key is kept out of `repr()` so it cannot reach a log or a traceback.
    """

    backend: Backend = "local"
    model: str = LOCAL_MODEL_NAME
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    local_model_path: Path | None = None
    strategy: Strategy = "auto"
    max_attempts: int = 4
    max_retry_seconds: float = 120.0
    max_reasks: int = 1
    timeout_s: float = 120.0
    max_chars: int = 200_000
    n_ctx: int = 4096
    chunk_chars: int | None = None
    json_mode: JsonMode = "json_schema"
    n_threads: int | None = None
    cache_dir: Path = field(default_factory=_default_cache_dir)

    def __post_init__(self) -> None:
        if self.backend not in ("local", "openai", "rules"):
            raise ConfigError(f"unknown backend {self.backend!r}: use 'local', 'openai' or 'rules'")
        if self.backend == "rules" and self.strategy == "whole":
            raise ConfigError("the rules backend (no model) works with the candidates strategy")
        if self.strategy not in ("auto", "whole", "candidates"):
            raise ConfigError(
                f"unknown strategy {self.strategy!r}: use 'auto', 'whole' or 'candidates'"
            )
        if self.json_mode not in ("json_schema", "llama_cpp"):
            raise ConfigError(f"unknown json mode {self.json_mode!r}: use json_schema or llama_cpp")
        if self.max_attempts < 1 or self.max_reasks < 0 or self.max_chars < 1:
            raise ConfigError("max_attempts and max_chars must be >= 1, max_reasks >= 0")

    @property
    def effective_strategy(self) -> Literal["whole", "candidates"]:
        """The strategy in use: 'auto' is 'candidates' on the embedded model, else 'whole'."""
        if self.strategy != "auto":
            return self.strategy
        return "whole" if self.backend == "openai" else "candidates"

    @property
    def effective_chunk_chars(self) -> int:
        """Longest part of an article briefed in one go (longer ones are split)."""
        if self.chunk_chars:
            return self.chunk_chars
        return 48_000 if self.backend == "openai" else 8_000

    def with_model(self, model: str | None) -> Settings:
        """Return a copy that uses `model` (unchanged when None)."""
        return self if not model else replace(self, model=model)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read settings from environment variables.

        `OPENAI_API_KEY` or `OPENAI_BASE_URL` selects an OpenAI-compatible endpoint;
        with neither set the embedded local model is used. `NEWSBRIEF_MODEL`,
        `NEWSBRIEF_STRATEGY`, `NEWSBRIEF_LOCAL_MODEL`, `NEWSBRIEF_MAX_CHARS`,
        `NEWSBRIEF_TIMEOUT`, `NEWSBRIEF_CHUNK_CHARS`, `NEWSBRIEF_JSON_MODE` (`llama_cpp` for
        a llama-cpp-python server) and `NEWSBRIEF_CACHE_DIR` refine that.
        `NEWSBRIEF_BACKEND=rules` runs no model at all: code answers every question (the
        ablation baseline, and a fast offline mode).
        """
        env = os.environ if environ is None else environ
        key = env.get("OPENAI_API_KEY") or None
        base_url = env.get("OPENAI_BASE_URL") or None
        backend: Backend = "openai" if (key or base_url) else "local"
        if env.get("NEWSBRIEF_BACKEND") == "rules":
            backend = "rules"
        elif env.get("NEWSBRIEF_BACKEND") not in (None, "", "auto"):
            raise ConfigError(
                f"unknown NEWSBRIEF_BACKEND {env['NEWSBRIEF_BACKEND']!r}: use 'auto' or 'rules'"
            )
        default_model = {
            "openai": DEFAULT_OPENAI_MODEL,
            "local": LOCAL_MODEL_NAME,
            "rules": RULES_MODEL_NAME,
        }[backend]
        local = env.get("NEWSBRIEF_LOCAL_MODEL")
        cache = env.get("NEWSBRIEF_CACHE_DIR")
        try:
            return cls(
                backend=backend,
                model=env.get("NEWSBRIEF_MODEL") or default_model,
                base_url=base_url,
                api_key=key,
                local_model_path=Path(local).expanduser() if local else None,
                strategy=env.get("NEWSBRIEF_STRATEGY", "auto"),  # type: ignore[arg-type]
                json_mode=env.get("NEWSBRIEF_JSON_MODE", "json_schema"),  # type: ignore[arg-type]
                max_chars=int(env.get("NEWSBRIEF_MAX_CHARS", "200000")),
                chunk_chars=int(env["NEWSBRIEF_CHUNK_CHARS"])
                if env.get("NEWSBRIEF_CHUNK_CHARS")
                else None,
                timeout_s=float(env.get("NEWSBRIEF_TIMEOUT", "120")),
                cache_dir=Path(cache).expanduser() if cache else _default_cache_dir(),
            )
        except ValueError as exc:
            raise ConfigError(f"bad numeric setting in the environment: {exc}") from None
