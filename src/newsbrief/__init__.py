"""newsbrief: turn news articles into structured, source-grounded briefings."""

from newsbrief._api import abrief, brief
from newsbrief._article import Article
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
    "Article",
    "Briefing",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelCallError",
    "NewsbriefError",
    "Settings",
    "abrief",
    "brief",
]
