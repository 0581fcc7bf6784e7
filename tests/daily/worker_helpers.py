"""Brief functions a worker process can receive (picklable: module-level, plain fields)."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.text.article import Article
from tests.daily_helpers import briefing, failing

MARK = "NEWSBRIEF_TEST_MARK"


@dataclass(frozen=True)
class RecordingBrief:
    """Appends "<title> <pid> <parent pid> <$MARK>" to `log` for each call; waits, fails or
    crashes on request.

    The log file is how a test sees the calls made in other processes.
    """

    log: Path
    delay: dict[str, float] = field(default_factory=dict)
    fail: frozenset[str] = frozenset()
    crash: frozenset[str] = frozenset()
    default_delay: float = 0.0

    async def __call__(self, article: Article, settings: Settings) -> Briefing:
        title = article.title or ""
        with self.log.open("a", encoding="utf-8") as fh:
            fh.write(f"{title} {os.getpid()} {os.getppid()} {os.environ.get(MARK, '-')}\n")
        await asyncio.sleep(self.delay.get(title, self.default_delay))
        if title in self.crash:
            os._exit(3)  # a worker dying without a word, as a segfault would
        if title in self.fail:
            raise failing()
        return briefing(article.body, title)

    def calls(self) -> list[str]:
        """The titles briefed so far, in the order the calls started."""
        if not self.log.exists():
            return []
        return [line.split()[0] for line in self.log.read_text(encoding="utf-8").splitlines()]

    def pids(self) -> set[int]:
        """The processes that made the calls."""
        return {int(fields[1]) for fields in self._lines()}

    def parents(self) -> set[int]:
        """The parents of the processes that made the calls."""
        return {int(fields[2]) for fields in self._lines()}

    def marks(self) -> set[str]:
        """The values of $NEWSBRIEF_TEST_MARK the calls saw ("-": unset)."""
        return {fields[3] for fields in self._lines()}

    def _lines(self) -> list[list[str]]:
        return [line.split() for line in self.log.read_text(encoding="utf-8").splitlines()]
