"""newsbrief: turn news articles into structured, source-grounded briefings."""

from importlib.metadata import PackageNotFoundError, version

from newsbrief._api import abrief, brief
from newsbrief.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelCallError,
    NewsbriefError,
    UsageError,
    WorkerError,
)
from newsbrief.models import Briefing, CallStats
from newsbrief.settings import Settings
from newsbrief.strategies import Asker
from newsbrief.text.article import Article

try:
    __version__ = version("newsbrief")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Asker",
    "Briefing",
    "CallStats",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelCallError",
    "NewsbriefError",
    "Settings",
    "UsageError",
    "WorkerError",
    "__version__",
    "abrief",
    "brief",
]
