"""Frozen settings, read from the environment once, at the edge (CLI or brief() default)."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, TypeVar

import platformdirs

from newsbrief.errors import ConfigError

Backend = Literal["local", "openai", "rules"]
Strategy = Literal["auto", "whole", "candidates"]
JsonMode = Literal["json_schema", "llama_cpp"]
Choice = Literal["logprobs", "sample"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
LOCAL_MODEL_NAME = "qwen2.5-coder-0.5b-instruct-q4_k_m"
RULES_MODEL_NAME = "rules"
DEFAULT_MAX_CHARS = 200_000
DEFAULT_TIMEOUT_S = 120.0

# Numeric settings: field -> (environment variable or None, smallest value, largest or None).
_LIMITS: dict[str, tuple[str | None, float, float | None]] = {
    "max_attempts": (None, 1, 100),
    "max_retry_seconds": (None, 0, 86_400),
    "max_reasks": (None, 0, 20),
    "timeout_s": ("NEWSBRIEF_TIMEOUT", 0, 86_400),
    "max_chars": ("NEWSBRIEF_MAX_CHARS", 1, 50_000_000),
    "n_ctx": (None, 512, 1 << 20),
    "chunk_chars": ("NEWSBRIEF_CHUNK_CHARS", 1_000, None),
    "n_threads": ("NEWSBRIEF_THREADS", 1, 1_024),
}
# These must be greater than their smallest value: a zero timeout can never succeed.
_POSITIVE = frozenset({"timeout_s"})
_OPTIONAL = frozenset({"chunk_chars", "n_threads"})

_N = TypeVar("_N", int, float)


def _default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("newsbrief", appauthor=False))


def _range_problem(name: str, value: float) -> str | None:
    """What is wrong with a numeric setting's value, or None when it is in range."""
    _, low, high = _LIMITS[name]
    if not math.isfinite(value):
        return "must be a finite number"
    if name in _POSITIVE and value <= low:
        return f"must be greater than {low:g}"
    if value < low:
        return f"must be at least {low:g}"
    if high is not None and value > high:
        return f"must be at most {high:g}"
    return None


def _check_number(name: str, value: object) -> None:
    """Raise a one-line ConfigError naming the setting unless `value` is in its range."""
    variable = _LIMITS[name][0]
    label = f"{name} ({variable})" if variable else name
    whole = name not in ("max_retry_seconds", "timeout_s")
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
        raise ConfigError(f"{label} must be {'an integer' if whole else 'a number'}, not {value!r}")
    problem = _range_problem(name, value)
    if problem:
        raise ConfigError(f"{label} {problem}, not {value!r}")


def _env_number(env: Mapping[str, str], name: str, parse: Callable[[str], _N]) -> _N | None:
    """Parse one numeric variable (None when unset or empty); one line naming it if bad."""
    variable = _LIMITS[name][0]
    assert variable is not None
    raw = env.get(variable, "").strip()
    if not raw:
        return None
    try:
        value = parse(raw)
    except ValueError:
        kind = "an integer" if parse is int else "a number"
        raise ConfigError(f"{variable} must be {kind}, not {raw!r}") from None
    problem = _range_problem(name, value)
    if problem:
        raise ConfigError(f"{variable} {problem}, not {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything newsbrief needs to know about where and how to call a model.

    Build one with `Settings.from_env()` or directly; it never changes after that.
    The API key is kept out of `repr()` so it cannot reach a log or a traceback.
    Every numeric setting is checked when the value is built (`ConfigError` otherwise).
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
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_chars: int = DEFAULT_MAX_CHARS
    n_ctx: int = 4096
    chunk_chars: int | None = None
    json_mode: JsonMode = "json_schema"
    n_threads: int | None = None
    choice: Choice = "logprobs"
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
        if self.choice not in ("logprobs", "sample"):
            raise ConfigError(f"unknown NEWSBRIEF_CHOICE {self.choice!r}: use logprobs or sample")
        for name in _LIMITS:
            value = getattr(self, name)
            if value is not None or name not in _OPTIONAL:
                _check_number(name, value)
        if self.backend == "rules" and self.model == LOCAL_MODEL_NAME:
            object.__setattr__(self, "model", RULES_MODEL_NAME)  # the default follows the backend
        self._check_model_name()

    def _check_model_name(self) -> None:
        """A model name must name what runs: the meta of a briefing records it."""
        if self.backend == "rules" and self.model != RULES_MODEL_NAME:
            raise ConfigError(
                f"the rules backend runs no model, so it cannot use model {self.model!r} "
                "(--model / NEWSBRIEF_MODEL); unset NEWSBRIEF_BACKEND to use an endpoint"
            )
        if self.backend == "local" and self.local_model_path is None:
            if self.model != LOCAL_MODEL_NAME:
                raise ConfigError(
                    f"model {self.model!r} (--model / NEWSBRIEF_MODEL) names a model of an "
                    "endpoint, and none is set: set OPENAI_BASE_URL or OPENAI_API_KEY (the "
                    f"embedded model is {LOCAL_MODEL_NAME!r})"
                )

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
        """Return a copy that uses `model` (unchanged when None).

        Raises:
            ConfigError: `model` cannot be what runs: a name other than the embedded
                model's without an endpoint, or any name on the rules backend.
        """
        return self if not model else replace(self, model=model)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read settings from environment variables.

        `OPENAI_API_KEY` or `OPENAI_BASE_URL` selects an OpenAI-compatible endpoint;
        with neither set the embedded local model is used. `NEWSBRIEF_MODEL`,
        `NEWSBRIEF_STRATEGY`, `NEWSBRIEF_LOCAL_MODEL`, `NEWSBRIEF_MAX_CHARS`,
        `NEWSBRIEF_TIMEOUT`, `NEWSBRIEF_CHUNK_CHARS`, `NEWSBRIEF_THREADS` (the embedded
        model's threads; default: the idle cores), `NEWSBRIEF_CHOICE` (how the embedded model
        answers a closed question: `logprobs`, the default, reads the options' log-probabilities;
        `sample` samples under the JSON-schema grammar), `NEWSBRIEF_JSON_MODE` (`llama_cpp` for
        a llama-cpp-python server) and `NEWSBRIEF_CACHE_DIR` refine that.
        `NEWSBRIEF_BACKEND=rules` runs no model at all: code answers every question (the
        ablation baseline, and a fast offline mode).

        Raises:
            ConfigError: A variable has a bad value (one line naming the variable).
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
        if local and backend == "local":  # meta.model names the file that runs
            default_model = Path(local).stem
        return cls(
            backend=backend,
            model=env.get("NEWSBRIEF_MODEL") or default_model,
            base_url=base_url,
            api_key=key,
            local_model_path=Path(local).expanduser() if local else None,
            strategy=env.get("NEWSBRIEF_STRATEGY", "auto"),  # type: ignore[arg-type]
            json_mode=env.get("NEWSBRIEF_JSON_MODE", "json_schema"),  # type: ignore[arg-type]
            max_chars=_env_number(env, "max_chars", int) or DEFAULT_MAX_CHARS,
            chunk_chars=_env_number(env, "chunk_chars", int),
            n_threads=_env_number(env, "n_threads", int),
            choice=env.get("NEWSBRIEF_CHOICE") or "logprobs",  # type: ignore[arg-type]
            timeout_s=_env_number(env, "timeout_s", float) or DEFAULT_TIMEOUT_S,
            cache_dir=Path(cache).expanduser() if cache else _default_cache_dir(),
        )
