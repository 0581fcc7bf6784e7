"""Read the inputs of a daily run: files, folders, JSON records or JSON lines on stdin.

Every input becomes an `InputArticle` with a stable, file-system-safe id. A file or record
that cannot be read becomes an entry with `error` set instead of an exception, so one bad
file never stops the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlparse

from dateutil import parser as dateparser

from newsbrief.errors import InputError
from newsbrief.text.article import Article, decode_bytes, read_article

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})
STDIN = "-"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_ATX_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class InputArticle:
    """One input of a daily run: an article, or the reason it could not be read."""

    id: str
    origin: str
    article: Article | None = None
    error: str | None = None


def iter_inputs(
    paths: list[str],
    *,
    default_date: dt.date | None,
    stdin: TextIO | None = None,
) -> list[InputArticle]:
    """Read every input named by `paths`, in order, with unique ids.

    A path is a file (`.txt` with a header block, `.md`, `.html`/`.htm`, `.json` holding one
    record or a list of records, `.jsonl`), a folder (searched recursively for those
    suffixes; hidden entries skipped, links that leave the folder and non-regular files
    skipped with a warning), or `-` for JSON lines on `stdin`. Articles without a
    publication date take `default_date`.
    """
    items: list[InputArticle] = []
    for raw in paths:
        if raw == STDIN:
            items.extend(_read_jsonl_lines(stdin or sys.stdin, "stdin", "<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                items.extend(_read_file(file))
        elif path.exists():
            items.extend(_read_file(path))
        else:
            items.append(_failed(_slug(path.stem), raw, "no such file or folder"))
    return [_with_date(item, default_date) for item in _unique(items)]


def _walk(folder: Path) -> Iterator[Path]:
    """The article files under `folder`, sorted; hidden entries and folders are passed over.

    A symbolic link is followed only when it resolves inside the folder: one that leads
    outside (`ln -s /etc/passwd day/p.txt`), dangles or loops is skipped with a warning, and
    so is anything that is not a regular file (a FIFO, a device), which could block a read.
    """
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or path.suffix.lower() not in SUFFIXES:
            continue
        try:
            real = path.resolve(strict=True)
            mode = real.stat().st_mode
        except (OSError, RuntimeError) as exc:  # a dangling link, a link loop
            log.warning("skipping %s: cannot follow it (%s)", path, exc)
            continue
        if stat.S_ISDIR(mode):
            continue
        if not real.is_relative_to(root):
            log.warning("skipping %s: a link to %s, outside %s", path, real, folder)
        elif not stat.S_ISREG(mode):
            log.warning("skipping %s: not a regular file", path)
        else:
            yield path


def _read_file(path: Path) -> list[InputArticle]:
    stem, origin, suffix = _slug(path.stem), str(path), path.suffix.lower()
    try:
        if suffix == ".json":
            return _read_json(path, stem)
        if suffix == ".jsonl":
            with path.open(encoding="utf-8-sig") as fh:
                return list(_read_jsonl_lines(fh, stem, origin))
        if suffix == ".txt":
            return [InputArticle(stem, origin, read_article(path))]
        if suffix in (".md", ".markdown"):
            return [InputArticle(stem, origin, parse_markdown(_read_text(path)))]
        if suffix in (".html", ".htm"):
            return [InputArticle(stem, origin, parse_html(_read_text(path)))]
        raise InputError(f"unsupported file type {suffix or '(none)'!r}")
    except (InputError, OSError, UnicodeError, ValueError) as exc:
        log.warning("cannot read %s: %s", origin, exc)
        return [_failed(stem, origin, _reason(exc))]


def _read_text(path: Path) -> str:
    return decode_bytes(path.read_bytes())


def _read_json(path: Path, stem: str) -> list[InputArticle]:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc}") from None
    if isinstance(data, dict):
        return [_from_record(data, str(data.get("id") or stem), str(path))]
    if not isinstance(data, list):
        raise InputError("a .json input must hold one record (an object) or a list of records")
    return [
        _from_record(rec, _record_id(rec, stem, i), f"{path}[{i - 1}]")
        for i, rec in enumerate(data, start=1)
    ]


def _read_jsonl_lines(lines: Iterable[str], stem: str, origin: str) -> Iterator[InputArticle]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _failed(f"{stem}-{lineno}", where, f"invalid JSON: {exc}")
            continue
        yield _from_record(rec, _record_id(rec, stem, lineno), where)


def _record_id(rec: object, stem: str, index: int) -> str:
    if isinstance(rec, dict):
        if rec.get("id"):
            return _slug(str(rec["id"]))
        if isinstance(rec.get("url"), str) and rec["url"]:
            return _url_slug(rec["url"]) or f"{stem}-{index}"
    return f"{stem}-{index}"


def _from_record(rec: object, rid: str, origin: str) -> InputArticle:
    rid = _slug(rid)
    try:
        return InputArticle(rid, origin, article_from_record(rec))
    except InputError as exc:
        return _failed(rid, origin, _reason(exc))


def article_from_record(rec: object) -> Article:
    """Build an Article from a JSON record with `text` and optional metadata."""
    if not isinstance(rec, dict):
        raise InputError("a record must be a JSON object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no 'text' (a non-empty string)")
    meta = {k: rec.get(k) for k in ("title", "source", "url")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"record field {key!r} must be a string")
    return Article(
        body=text,
        title=meta["title"],
        source=meta["source"],
        url=meta["url"],
        published=parse_date(rec.get("published")),
    )


def parse_date(value: object) -> dt.date | None:
    """Parse a publication date (ISO date or datetime, or a common written form)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be a date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return dateparser.parse(value).date()
    except (ValueError, OverflowError):
        raise InputError(f"'published' is not a date: {value!r}") from None


def parse_markdown(text: str) -> Article:
    """Read a Markdown article: optional `---` front matter, title from the first heading."""
    meta: dict[str, str] = {}
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        body = text[match.end() :]
    body = body.strip("\n")
    if not body.strip():
        raise InputError("the Markdown file has no text")
    heading = _ATX_HEADING.search(body)
    title = meta.get("title") or (heading.group(1).strip() if heading else None)
    return Article(
        body=body,
        title=title,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        published=parse_date(meta.get("published") or meta.get("date")),
    )


def parse_html(html: str) -> Article:
    """Extract an HTML page's main text and metadata (trafilatura, offline)."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    body = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not body or not body.strip():
        raise InputError("no article text could be extracted from the HTML page")
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        try:
            published = parse_date(meta.date)
        except InputError:
            published = None
    return Article(
        body=body,
        title=meta.title if meta is not None else None,
        source=meta.sitename if meta is not None else None,
        url=meta.url if meta is not None else None,
        published=published,
    )


def _failed(rid: str, origin: str, reason: str) -> InputArticle:
    return InputArticle(id=rid, origin=origin, error=reason)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.")[:80] or "article"


def _url_slug(url: str) -> str:
    parsed = urlparse(url)
    segments = [s for s in parsed.path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else parsed.netloc
    return _UNSAFE.sub("-", last).strip("-.")[:80]


def _unique(items: list[InputArticle]) -> list[InputArticle]:
    seen: set[str] = set()
    out: list[InputArticle] = []
    for item in items:
        rid, n = item.id, 1
        while rid.lower() in seen:
            n += 1
            rid = f"{item.id}-{n}"
        seen.add(rid.lower())
        out.append(item if rid == item.id else dataclasses.replace(item, id=rid))
    return out


def _with_date(item: InputArticle, default: dt.date | None) -> InputArticle:
    if item.article is None or item.article.published is not None or default is None:
        return item
    return dataclasses.replace(item, article=dataclasses.replace(item.article, published=default))
