"""Daily briefings: many articles in, one day's briefing out (JSON, Markdown, HTML).

Rooms: `inputs` (files, folders, JSON lines -> articles), `cache` (content-addressed SQLite and
per-article partial saves), `run` (concurrency, rate limits, resume), `merge` (calendar,
figures and parties across articles), `render` (Markdown and HTML), `batch` (OpenAI Batch
API export and import), `models` (the DailyBriefing contract). The daily layer briefs each
article through the public `abrief` and strategy API only.
"""

from newsbrief.daily.models import DailyBriefing
from newsbrief.daily.run import run_daily

__all__ = ["DailyBriefing", "run_daily"]
