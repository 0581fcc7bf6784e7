"""The daily progress bar on stderr: done/total, failures, time left, the article in the works."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsbrief.daily.models import ArticleEntry

LABEL_CHARS = 40
"""The longest article id shown whole on the bar (longer ones end in an ellipsis)."""


def _label(article_id: str) -> str:
    name = " ".join(article_id.split())  # no newline or tab can break the line
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


class DailyProgress:
    """Feeds the bar: what needed no model, which article started, which finished.

    The bar names the article being worked on the longest (with `+N` for the others in
    flight), not the one that just finished. Entries that needed no model call are added
    in one step, so the time left is estimated from the model calls alone.
    """

    def __init__(self, bar: Progress, task: TaskID, *, shown: bool = True) -> None:
        self._bar = bar
        self._task = task
        self._shown = shown  # a bar nobody sees is not fed (rich's update per event is work)
        self._failed = 0
        self._in_flight: dict[str, None] = {}  # insertion-ordered: the oldest first

    def found(self, entries: list[ArticleEntry]) -> None:
        """Count the entries that needed no model call (cached, resumed, unreadable)."""
        if not self._shown:
            return
        self._failed += sum(entry.status == "error" for entry in entries)
        self._bar.update(self._task, advance=len(entries), failed=self._failed)

    def started(self, article_id: str) -> None:
        """An article's model call started."""
        if not self._shown:
            return
        self._in_flight[article_id] = None
        self._show(advance=0)

    def finished(self, entry: ArticleEntry) -> None:
        """An article finished (briefed or failed)."""
        if not self._shown:
            return
        self._in_flight.pop(entry.id, None)
        self._failed += entry.status == "error"
        self._show(advance=1)

    def _show(self, advance: int) -> None:
        oldest = next(iter(self._in_flight), None)
        text = "" if oldest is None else f"working on {_label(oldest)}"
        if len(self._in_flight) > 1:
            text += f" +{len(self._in_flight) - 1}"
        self._bar.update(self._task, advance=advance, failed=self._failed, description=text)


@contextlib.contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[DailyProgress]:
    """A bar on stderr (a terminal only): done/total, failures, elapsed, eta, current article."""
    console = Console(stderr=True)
    show = enabled and sys.stderr.isatty()
    columns = (
        TextColumn("briefing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        # An article's id is untrusted text: shown as is, never parsed as rich markup.
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=console, disable=not show, transient=False) as bar:
        yield DailyProgress(bar, bar.add_task("", total=total, failed=0), shown=show)
