"""Content-addressed briefing cache (SQLite, WAL) and atomic writes.

Nothing read back is trusted: a cached briefing or a partial result is used only when every
evidence span is the article body's own text (`ungrounded`), else it is a miss and re-briefed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from pydantic import ValidationError

from newsbrief.errors import ConfigError, UsageError
from newsbrief.models import FACT_KINDS, Briefing, Fact
from newsbrief.settings import Settings
from newsbrief.strategies import cache_identity
from newsbrief.text.article import Article

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

CACHE_FILENAME = "briefings.sqlite"


def write_temp(path: Path, text: str, *, fsync: bool = True) -> Path:
    """Write `text` to a new temporary file beside `path` and return the temporary's path.

    The caller renames it over `path` (`os.replace`) or removes it. On any failure the
    temporary is removed and the error raised.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write_text(path: Path, text: str, *, fsync: bool = True) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part.

    The text goes to a temporary file in the same folder, which then replaces `path`
    (`os.replace` is atomic on POSIX and Windows). A crash, even SIGKILL, leaves at worst
    a stray `.tmp` file. `fsync=False` skips flushing to disk (enough against a killed
    process, not against power loss).
    """
    tmp = write_temp(path, text, fsync=fsync)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def ungrounded(briefing: Briefing, body: str) -> str | None:
    """Why `briefing` does not belong to `body`, or None when every evidence span is its text.

    A briefing read back from the cache or a partial file may have been edited by hand: it
    is used only when `body[start:end] == quote` holds for every evidence of every fact.
    """
    for kind in FACT_KINDS:
        facts: list[Fact] = getattr(briefing, kind)
        for index, fact in enumerate(facts):
            for ev in fact.evidence:
                if not ev.start <= ev.end <= len(body) or body[ev.start : ev.end] != ev.quote:
                    return f"{kind}[{index}] evidence {ev.start}:{ev.end} is not the article's text"
    return None


def cache_key(article: Article, settings: Settings, *, identity: str | None = None) -> str:
    """sha256 of the article (body and metadata) and of everything else that shapes a briefing.

    `identity` is `cache_identity(settings)` when the caller already has it (it reads the
    prompt files: a run computes it once, not once per article).
    """
    published = article.published.isoformat() if article.published else None
    payload = json.dumps(
        {
            "body": article.body,
            "title": article.title,
            "published": published,
            "source": article.source,
            "url": article.url,
            "identity": cache_identity(settings) if identity is None else identity,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _connect(target: str) -> sqlite3.Connection:
    """Open (or create) the cache database, WAL mode, with its table."""
    db = sqlite3.connect(target, timeout=30.0, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(
            "CREATE TABLE IF NOT EXISTS briefings ("
            " key TEXT PRIMARY KEY, identity TEXT NOT NULL, created_at TEXT NOT NULL,"
            " briefing TEXT NOT NULL)"
        )
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(file: Path) -> Path:
    """Rename a corrupt cache (and its WAL and shared-memory files) with a timestamp suffix."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = file.with_name(f"{file.name}.corrupt-{stamp}")
    try:
        os.replace(file, aside)
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{file}{extra}", f"{aside}{extra}")
    except OSError as exc:
        raise ConfigError(f"the cache {file} is corrupt and cannot be moved aside: {exc}") from None
    return aside


class BriefingCache:
    """Successful briefings by content key, in one SQLite file shared by every run.

    WAL mode lets readers share the file with a writer; `run_daily` still holds
    `exclusive()` for a whole run, so a second run on the same cache stops at once instead
    of briefing every article again. Pass `":memory:"` for a cache that lives only as long as
    the object (no reuse across runs).

    A file that is not a SQLite database (corrupt, or something else) is moved aside as
    `<name>.corrupt-<UTC timestamp>` with a warning, and an empty cache is started in its
    place. A path that cannot be used (a folder, a read-only file or folder) is a
    one-line `ConfigError`.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if str(path) == ":memory:":
            self._db = _connect(":memory:")
            return
        file = Path(path)
        if file.is_dir():
            raise ConfigError(f"the cache {file} is a folder; give a file path for the cache")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._db = _connect(str(file))
        except sqlite3.DatabaseError as exc:
            if exc.sqlite_errorname not in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                raise ConfigError(f"cannot use the cache {file}: {exc}") from None
            aside = _move_aside(file)
            log.warning(
                "the cache %s is corrupt (%s): moved it to %s, starting anew", file, exc, aside
            )
            self._db = self._reopen(file)
        except OSError as exc:
            raise ConfigError(f"cannot use the cache {file}: {exc.strerror or exc}") from None

    @staticmethod
    def _reopen(file: Path) -> sqlite3.Connection:
        try:
            return _connect(str(file))
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"cannot use the cache {file}: {exc}") from None

    @classmethod
    def default(cls, settings: Settings) -> BriefingCache:
        """The cache at `settings.cache_dir / "briefings.sqlite"`."""
        return cls(settings.cache_dir / CACHE_FILENAME)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold this cache's advisory lock for the block (`fcntl.flock` on `<cache>.lock`).

        The lock does not wait: when another process holds it, `UsageError("another
        newsbrief daily is using CACHE")` is raised at once. An in-memory cache needs no
        lock, and neither does Windows (no `fcntl`), where two runs may both brief.
        """
        if str(self.path) == ":memory:" or sys.platform == "win32":
            yield
            return
        lock = Path(f"{self.path}.lock")
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ConfigError(f"cannot lock the cache {self.path}: {exc.strerror}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise UsageError(f"another newsbrief daily is using {self.path}") from None
            yield
        finally:
            os.close(fd)  # releases the lock

    def get(self, key: str, body: str | None = None) -> Briefing | None:
        """The cached briefing for `key`, or None (a corrupt row counts as a miss).

        With `body`, a briefing whose evidence is not that body's text (see `ungrounded`)
        is also a miss: it is logged, deleted, and the article is briefed again.
        """
        row = self._db.execute("SELECT briefing FROM briefings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            briefing = Briefing.model_validate_json(row[0])
        except ValidationError:
            log.warning("dropping an unreadable cache entry %s", key[:12])
            self._db.execute("DELETE FROM briefings WHERE key = ?", (key,))
            return None
        problem = ungrounded(briefing, body) if body is not None else None
        if problem is not None:
            log.warning("dropping cache entry %s: %s", key[:12], problem)
            self._db.execute("DELETE FROM briefings WHERE key = ?", (key,))
            return None
        return briefing

    def put(self, key: str, briefing: Briefing, *, identity: str = "") -> None:
        """Store a successful briefing under `key` (replacing any older one)."""
        self._db.execute(
            "INSERT OR REPLACE INTO briefings (key, identity, created_at, briefing)"
            " VALUES (?, ?, ?, ?)",
            (key, identity, dt.datetime.now(dt.UTC).isoformat(), briefing.model_dump_json()),
        )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0])

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> BriefingCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
