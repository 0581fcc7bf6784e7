"""Content-addressed briefing cache (SQLite, WAL), resumable partial results, atomic writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType

from pydantic import ValidationError

from newsbrief.daily.models import ArticleEntry
from newsbrief.models import Briefing
from newsbrief.settings import Settings
from newsbrief.strategies import cache_identity
from newsbrief.text.article import Article

log = logging.getLogger(__name__)

CACHE_FILENAME = "briefings.sqlite"
PARTIAL_DIRNAME = ".partial"
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")


def atomic_write_text(path: Path, text: str, *, fsync: bool = True) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part.

    The text goes to a temporary file in the same folder, which then replaces `path`
    (`os.replace` is atomic on POSIX and Windows). A crash, even SIGKILL, leaves at worst
    a stray `.tmp` file. `fsync=False` skips flushing to disk (enough against a killed
    process, not against power loss).
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
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def cache_key(article: Article, settings: Settings) -> str:
    """sha256 of the article (body and metadata) and of everything else that shapes a briefing."""
    published = article.published.isoformat() if article.published else None
    payload = json.dumps(
        {
            "body": article.body,
            "title": article.title,
            "published": published,
            "source": article.source,
            "url": article.url,
            "identity": cache_identity(settings),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class BriefingCache:
    """Successful briefings by content key, in one SQLite file shared by every run.

    WAL mode lets several runs read while one writes. Pass `":memory:"` for a cache that
    lives only as long as the object (no reuse across runs).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            str(path), timeout=30.0, isolation_level=None, check_same_thread=False
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS briefings ("
            " key TEXT PRIMARY KEY, identity TEXT NOT NULL, created_at TEXT NOT NULL,"
            " briefing TEXT NOT NULL)"
        )

    @classmethod
    def default(cls, settings: Settings) -> BriefingCache:
        """The cache at `settings.cache_dir / "briefings.sqlite"`."""
        return cls(settings.cache_dir / CACHE_FILENAME)

    def get(self, key: str) -> Briefing | None:
        """The cached briefing for `key`, or None (a corrupt row counts as a miss)."""
        row = self._db.execute("SELECT briefing FROM briefings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return Briefing.model_validate_json(row[0])
        except ValidationError:
            log.warning("dropping an unreadable cache entry %s", key[:12])
            self._db.execute("DELETE FROM briefings WHERE key = ?", (key,))
            return None

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


class PartialStore:
    """Finished articles of one day's run, one JSON file each, so a killed run can resume.

    Files live in `out_dir/.partial/<date>/<id>.json` and carry the article's cache key:
    a file whose key no longer matches its input (the article or settings changed) is ignored.
    """

    def __init__(self, out_dir: Path, date: dt.date) -> None:
        self.dir = out_dir / PARTIAL_DIRNAME / date.isoformat()

    def _path(self, article_id: str) -> Path:
        if _SAFE_NAME.fullmatch(article_id):
            return self.dir / f"{article_id}.json"
        digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:24]
        return self.dir / f"id-{digest}.json"  # ids from API callers may hold '/' or '..'

    def load(self, article_id: str, key: str) -> ArticleEntry | None:
        """The finished entry for `article_id` if it was made from the same input and settings."""
        path = self._path(article_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key:
                return None
            entry = ArticleEntry.model_validate(data.get("entry"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, ValidationError) as exc:
            log.warning("ignoring unreadable partial result %s: %s", path, exc)
            return None
        return entry if entry.id == article_id and entry.status == "ok" else None

    def save(self, key: str, entry: ArticleEntry) -> None:
        """Write one finished entry atomically."""
        text = json.dumps({"key": key, "entry": entry.model_dump(mode="json")}, ensure_ascii=False)
        atomic_write_text(self._path(entry.id), text + "\n", fsync=False)

    def clear(self) -> None:
        """Remove this day's partial results (after the final outputs are written)."""
        shutil.rmtree(self.dir, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.dir.parent.rmdir()  # only when no other day's partials are left
