"""newsbrief: turn news articles into structured, source-grounded briefings."""

from newsbrief.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelCallError,
    NewsbriefError,
)
from newsbrief.models import Briefing
from newsbrief.settings import Settings

__all__ = [
    "Briefing",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelCallError",
    "NewsbriefError",
    "Settings",
]
