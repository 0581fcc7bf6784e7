"""Settings are read once from the environment and never leak the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import ConfigError, Settings


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
    base = Settings()
    assert base.with_model("other").model == "other"
    assert base.with_model(None) is base
