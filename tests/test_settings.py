"""Settings are read once from the environment and never leak the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import ConfigError, Settings
from newsbrief.settings import DEFAULT_OPENAI_MODEL, LOCAL_MODEL_NAME, RULES_MODEL_NAME


def test_no_variables_means_the_embedded_model() -> None:
    settings = Settings.from_env({})
    assert settings.backend == "local"
    assert settings.effective_strategy == "candidates"


@pytest.mark.parametrize(
    "env",
    [{"OPENAI_API_KEY": "sk-abc"}, {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"}],
)
def test_openai_variables_select_the_endpoint(env: dict[str, str]) -> None:
    settings = Settings.from_env(env)
    assert settings.backend == "openai"
    assert settings.effective_strategy == "whole"


def test_model_and_strategy_come_from_newsbrief_variables() -> None:
    settings = Settings.from_env(
        {
            "OPENAI_BASE_URL": "http://x/v1",
            "NEWSBRIEF_MODEL": "llama3",
            "NEWSBRIEF_STRATEGY": "candidates",
        }
    )
    assert (settings.model, settings.effective_strategy) == ("llama3", "candidates")


def test_local_model_path_is_expanded() -> None:
    settings = Settings.from_env({"NEWSBRIEF_LOCAL_MODEL": "~/m.gguf"})
    assert settings.local_model_path == Path("~/m.gguf").expanduser()


def test_repr_never_shows_the_key() -> None:
    settings = Settings.from_env({"OPENAI_API_KEY": "sk-very-secret-key-123456"})
    assert "sk-very-secret" not in repr(settings)
    assert "sk-very-secret" not in str(settings)


@pytest.mark.parametrize(
    "env",
    [{"NEWSBRIEF_STRATEGY": "magic"}, {"NEWSBRIEF_MAX_CHARS": "lots"}, {"NEWSBRIEF_TIMEOUT": "x"}],
)
def test_bad_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_with_model_returns_a_copy() -> None:
    base = Settings(backend="openai", model=DEFAULT_OPENAI_MODEL)
    assert base.with_model("other").model == "other"
    assert base.with_model(None) is base


# --------------------------------------------------------------------------- model names


@pytest.mark.parametrize("model", ["gpt-4o-mini", "llama3", "other"])
def test_a_model_name_without_an_endpoint_is_a_config_error(model: str) -> None:
    """The briefing's meta.model must name what ran, not an endpoint model never called."""
    with pytest.raises(ConfigError, match="set OPENAI_BASE_URL or OPENAI_API_KEY") as info:
        Settings.from_env({}).with_model(model)
    assert "\n" not in str(info.value)
    with pytest.raises(ConfigError, match="names a model of an endpoint"):
        Settings.from_env({"NEWSBRIEF_MODEL": model})
    with pytest.raises(ConfigError):
        Settings(model=model)


def test_the_embedded_model_accepts_its_own_name() -> None:
    settings = Settings.from_env({}).with_model(LOCAL_MODEL_NAME)
    assert (settings.backend, settings.model) == ("local", LOCAL_MODEL_NAME)
    assert Settings.from_env({"NEWSBRIEF_MODEL": LOCAL_MODEL_NAME}).model == LOCAL_MODEL_NAME


def test_a_local_model_file_may_carry_any_name(tmp_path: Path) -> None:
    settings = Settings(local_model_path=tmp_path / "mine.gguf").with_model("my-finetune")
    assert settings.model == "my-finetune"


def test_the_rules_backend_takes_no_model_name() -> None:
    rules = Settings.from_env({"NEWSBRIEF_BACKEND": "rules"})
    assert rules.model == RULES_MODEL_NAME
    assert rules.with_model(RULES_MODEL_NAME) == rules
    assert Settings(backend="rules").model == RULES_MODEL_NAME  # the default follows
    with pytest.raises(ConfigError, match="rules backend runs no model"):
        rules.with_model("gpt-4o-mini")
    with pytest.raises(ConfigError, match="rules backend runs no model"):
        Settings.from_env({"NEWSBRIEF_BACKEND": "rules", "NEWSBRIEF_MODEL": "gpt-4o-mini"})


def test_an_endpoint_accepts_any_model_name() -> None:
    settings = Settings.from_env({"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"})
    assert settings.with_model("llama3").model == "llama3"


# --------------------------------------------------------------------------- numeric settings


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("NEWSBRIEF_CHUNK_CHARS", "-5", "NEWSBRIEF_CHUNK_CHARS must be at least 1000, not '-5'"),
        ("NEWSBRIEF_CHUNK_CHARS", "1", "NEWSBRIEF_CHUNK_CHARS must be at least 1000, not '1'"),
        ("NEWSBRIEF_CHUNK_CHARS", "0", "NEWSBRIEF_CHUNK_CHARS must be at least 1000, not '0'"),
        ("NEWSBRIEF_CHUNK_CHARS", "2k", "NEWSBRIEF_CHUNK_CHARS must be an integer, not '2k'"),
        ("NEWSBRIEF_TIMEOUT", "nan", "NEWSBRIEF_TIMEOUT must be a finite number, not 'nan'"),
        ("NEWSBRIEF_TIMEOUT", "inf", "NEWSBRIEF_TIMEOUT must be a finite number, not 'inf'"),
        ("NEWSBRIEF_TIMEOUT", "-1", "NEWSBRIEF_TIMEOUT must be greater than 0, not '-1'"),
        ("NEWSBRIEF_TIMEOUT", "0", "NEWSBRIEF_TIMEOUT must be greater than 0, not '0'"),
        ("NEWSBRIEF_TIMEOUT", "x", "NEWSBRIEF_TIMEOUT must be a number, not 'x'"),
        ("NEWSBRIEF_MAX_CHARS", "0", "NEWSBRIEF_MAX_CHARS must be at least 1, not '0'"),
        ("NEWSBRIEF_MAX_CHARS", "-3", "NEWSBRIEF_MAX_CHARS must be at least 1, not '-3'"),
        ("NEWSBRIEF_MAX_CHARS", "1e6", "NEWSBRIEF_MAX_CHARS must be an integer, not '1e6'"),
        (
            "NEWSBRIEF_MAX_CHARS",
            str(10**12),
            f"NEWSBRIEF_MAX_CHARS must be at most 5e+07, not '{10**12}'",
        ),
    ],
)
def test_bad_numeric_variables_are_one_line_config_errors(
    variable: str, value: str, message: str
) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env({variable: value})
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("env", "field", "expected"),
    [
        ({"NEWSBRIEF_CHUNK_CHARS": "1000"}, "chunk_chars", 1000),
        ({"NEWSBRIEF_CHUNK_CHARS": ""}, "chunk_chars", None),
        ({"NEWSBRIEF_TIMEOUT": "0.5"}, "timeout_s", 0.5),
        ({"NEWSBRIEF_MAX_CHARS": " 100 "}, "max_chars", 100),
    ],
)
def test_good_numeric_variables_are_read(env: dict[str, str], field: str, expected: object) -> None:
    assert getattr(Settings.from_env(env), field) == expected


@pytest.mark.parametrize(
    ("changes", "starts"),
    [
        ({"chunk_chars": -5}, "chunk_chars (NEWSBRIEF_CHUNK_CHARS) must be at least 1000"),
        ({"timeout_s": float("nan")}, "timeout_s (NEWSBRIEF_TIMEOUT) must be a finite number"),
        ({"timeout_s": -1.0}, "timeout_s (NEWSBRIEF_TIMEOUT) must be greater than 0"),
        ({"max_chars": 0}, "max_chars (NEWSBRIEF_MAX_CHARS) must be at least 1"),
        ({"max_chars": 2.5}, "max_chars (NEWSBRIEF_MAX_CHARS) must be an integer"),
        ({"n_ctx": 100}, "n_ctx must be at least 512"),
        ({"n_threads": 0}, "n_threads (NEWSBRIEF_THREADS) must be at least 1"),
        ({"max_attempts": 0}, "max_attempts must be at least 1"),
        ({"max_attempts": True}, "max_attempts must be an integer"),
        ({"max_reasks": -1}, "max_reasks must be at least 0"),
        ({"max_retry_seconds": float("inf")}, "max_retry_seconds must be a finite number"),
    ],
)
def test_bad_values_in_code_are_config_errors_too(changes: dict[str, object], starts: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings(**changes)  # type: ignore[arg-type]
    assert str(info.value).startswith(starts)
    assert "\n" not in str(info.value)
