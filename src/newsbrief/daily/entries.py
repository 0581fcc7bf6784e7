"""One input article's row in the day: its briefing, or the one-line reason it has none."""

from __future__ import annotations

from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import ArticleEntry
from newsbrief.models import Briefing


def entry_for(item: InputArticle, briefing: Briefing | None, error: str | None) -> ArticleEntry:
    """The day's entry for `item`: status ok with its briefing, or error with the reason."""
    art = item.article
    return ArticleEntry(
        id=item.id,
        origin=item.origin,
        title=art.title if art else None,
        url=art.url if art else None,
        source=art.source if art else None,
        published=art.published if art else None,
        status="ok" if briefing is not None else "error",
        briefing=briefing,
        error=error,
        body=art.body if art else None,
    )
