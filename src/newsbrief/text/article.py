"""Article input: read a file, decode its bytes, split off the header block, check the body.

An article file is plain text, optionally opening with a header block of `key: value` lines
(title, source, published, license, url), one blank line, then the body exactly as published.
Character offsets in a briefing refer to the body, so it is never stripped or rewritten.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from newsbrief.errors import InputError
from newsbrief.settings import DEFAULT_MAX_CHARS

__all__ = [
    "Article",
    "decode_bytes",
    "parse_article",
    "read_article",
    "read_bounded",
    "read_limit",
    "validate_body",
]

_FIRST_HEADER = re.compile(r"(?:title|source|published|license|url):")
_HEADER_LINE = re.compile(r"([a-z][a-z0-9_-]*):(.*)")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|script|style|table|tr|td|th|ul|ol|li|h[1-6]|meta|link"
    r"|article|section|header|footer|nav|strong|em|b|i|figure|iframe)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls and DEL, minus \t\n\v\f\r
_BINARY_SHARE = 0.10
_MOJIBAKE_SHARE = 0.25
_HTML_SHARE = 0.05
_GLUED_SYMBOLS = frozenset({"So", "Sk", "Sm", "No", "Sc", "Po"})
_WORD = re.compile(r"[^\W\d_]+")
_READ_MARGIN = 64 * 1024  # room for a header block and a byte-order mark
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_DECODED_NON_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")  # valid UTF-8 sequences
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Article:
    """An article: its body, and what its header block said about it."""

    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None


def _split_header(text: str) -> tuple[dict[str, str], str] | None:
    """Return (headers, body) when `text` opens with a header block, else None."""
    if not _FIRST_HEADER.match(text):
        return None
    headers: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        content = line.splitlines()[0]
        if not content.strip():
            return headers, text[offset:]
        match = _HEADER_LINE.fullmatch(content)
        if match is None:
            return None
        headers.setdefault(match.group(1), match.group(2).strip())
    return None


def _parse_date(value: str) -> dt.date:
    if not _ISO_DATE.fullmatch(value):
        raise InputError(f"bad published date {value!r} in the header: use YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"bad published date {value!r} in the header: no such day") from None


def parse_article(text: str) -> Article:
    """Split an article's text into its header block and body.

    The text has a header block only when its first line is `title:`, `source:`,
    `published:`, `license:` or `url:`, every line before the first blank line is a
    lowercase `key: value` line, and a blank line follows. Otherwise all of it is the body.
    A `source` that is a URL also supplies `url` when no `url` line is given.

    Args:
        text: The decoded article file.

    Returns:
        The article; its body is the text after the blank line, unchanged.

    Raises:
        InputError: `published` is not a valid YYYY-MM-DD date.
    """
    split = _split_header(text)
    if split is None:
        return Article(body=text)
    headers, body = split
    values = {key: value for key, value in headers.items() if value}
    published = values.get("published")
    source = values.get("source")
    url = values.get("url")
    if url is None and source is not None and source.startswith("http"):
        url = source.split()[0]
    return Article(
        body=body,
        title=values.get("title"),
        source=source,
        url=url,
        published=_parse_date(published) if published is not None else None,
    )


def _looks_binary(text: str) -> bool:
    """NUL, or more than a tenth C0 controls (and DEL) other than ordinary text whitespace."""
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text)) > _BINARY_SHARE * len(text)


def _odd_char(text: str, index: int) -> bool:
    """Whether `text[index]` looks like a byte decoded with the wrong code page."""
    char = text[index]
    category = unicodedata.category(char)
    if category in ("Cc", "Co", "Cn"):
        return char >= "\x80"
    before = text[index - 1] if index else ""
    after = text[index + 1 : index + 2]
    if category in _GLUED_SYMBOLS and not "\u2000" <= char <= "\u206f":
        # "powiedzia³", "¯o³nierze", "mo¿e", "reanudar·n"; not "…" or "†" (General Punctuation)
        return before.isalpha() or (after.isalpha() and category != "Po")
    # A case change inside a word at an accented letter: "prÛxima", "QuÈ", "ōIt".
    return (category == "Lu" and before.islower()) or (category == "Ll" and after.isupper())


def _mojibake(text: str) -> int:
    """Count signs that a single-byte text was decoded with the wrong code page.

    Odd characters (see `_odd_char`), plus Latin words of four or more letters that are
    mostly non-ASCII ("Ïðèâåò" is Russian read as cp1252).
    """
    score = sum(1 for index, char in enumerate(text) if char >= "\x80" and _odd_char(text, index))
    for word in _WORD.findall(text):
        foreign = sum(1 for c in word if not c.isascii())
        if len(word) >= 4 and 2 * foreign > len(word) and "LATIN" in unicodedata.name(word[0], ""):
            score += 1
    return score


def _detect(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes as cp1252 unless another code page shows less mojibake.

    charset_normalizer proposes the candidates; the one with the fewest mojibake signs
    wins, then the most coherent as language. cp1252 wins unless it shows more mojibake:
    on short or English texts charset_normalizer's ranking cannot tell cp1252 from cp1250,
    cp852 or even Big5, so it only decides when cp1252 visibly fails (Polish, Russian...).
    Returns the text and the code page it was decoded with.
    """
    found: dict[str, tuple[float, str]] = {}  # text -> (best coherence, its encoding)
    for match in charset_normalizer.from_bytes(data):
        text = str(match)
        if text not in found or match.coherence > found[text][0]:
            found[text] = (match.coherence, match.encoding)
    if not found:
        raise InputError("cannot decode the article: it looks binary or its encoding is unknown")
    order = list(found)
    mojibake = {text: _mojibake(text) for text in order}
    best = min(order, key=lambda text: (mojibake[text], -found[text][0], order.index(text)))
    encoding = found[best][1]
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mojibake(western) <= mojibake[best]:
        best, encoding = western, "cp1252"
    if _mojibake(best) > _MOJIBAKE_SHARE * len(best):
        raise InputError("cannot decode the article: it looks binary or its encoding is unknown")
    return best, encoding


def decode_bytes(data: bytes) -> str:
    """Decode an article file's bytes to text.

    UTF-8 (with or without a byte-order mark) and UTF-16/32 with a byte-order mark are
    decoded directly. UTF-8 with a few stray bytes keeps its UTF-8 characters, each stray
    byte read as cp1252. Anything else is detected with charset_normalizer, with cp1252
    preferred when it is among the best candidates.

    Args:
        data: The file's bytes.

    Returns:
        The decoded text.

    Raises:
        InputError: The bytes look binary or their encoding cannot be detected.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if _looks_binary(text):
                raise InputError("the article looks binary (NUL or control characters)")
            return text
    if _looks_binary(data.decode("latin-1")):
        raise InputError("the article looks binary (NUL or control characters)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    if not _DECODED_NON_ASCII.search(escaped):
        return _detect(data)[0]  # no UTF-8 sequence at all: a single-byte code page
    return _mostly_utf8(data, escaped)


def _stray_bytes_as(escaped: str, encoding: str) -> str:
    """Replace each byte that was not UTF-8 by its character in a single-byte `encoding`.

    Bytes the code page leaves undefined become the Latin-1 character, as browsers do.
    """

    def one(match: re.Match[str]) -> str:
        byte = bytes([ord(match.group()) - 0xDC00])
        try:
            return byte.decode(encoding)
        except UnicodeDecodeError:
            return byte.decode("latin-1")

    return _ESCAPED_BYTE.sub(one, escaped)


def _single_byte(encoding: str) -> bool:
    try:
        return len(_HIGH_BYTES.decode(encoding, errors="replace")) == len(_HIGH_BYTES)
    except LookupError:
        return False


def _mostly_utf8(data: bytes, escaped: str) -> str:
    """Decode UTF-8 with stray bytes: each valid sequence as UTF-8, each stray byte alone.

    That keeps every valid UTF-8 character intact (a file pasted together from a UTF-8 and a
    cp1252 source). The stray bytes are read in the single-byte code page detected from
    them alone (cp1252 when in doubt). Only when that code page reads the whole file with
    less mojibake, or as little while stray bytes outnumber UTF-8 characters (its few
    "UTF-8 sequences" were accidental, "CAFÉ\u00a0:"), is it used for the whole file.
    """
    strays = len(_ESCAPED_BYTE.findall(escaped))
    valid = len(_DECODED_NON_ASCII.findall(escaped))
    try:
        encoding = _detect(_DECODED_NON_ASCII.sub("", escaped).encode("utf-8", "surrogateescape"))[
            1
        ]
    except InputError:
        if strays > valid:
            raise  # mostly undecodable bytes: binary, or an unknown encoding
        encoding = "cp1252"
    if not _single_byte(encoding):
        encoding = "cp1252"
    text = _stray_bytes_as(escaped, encoding)
    try:
        whole = data.decode(encoding)
    except UnicodeDecodeError:
        whole = None
    # less mojibake wins; on a tie, what most non-ASCII bytes are (stray bytes or UTF-8)
    if whole is not None and (_mojibake(whole), valid) < (_mojibake(text), strays):
        text = whole
    if _mojibake(text) > _MOJIBAKE_SHARE * len(text):
        raise InputError("cannot decode the article: it looks binary or its encoding is unknown")
    return text


def read_limit(max_chars: int) -> int:
    """The most bytes read for an article of at most `max_chars` characters.

    Four bytes per character (UTF-8's and UTF-32's widest) plus room for a header block.
    """
    return 4 * max_chars + _READ_MARGIN


def read_bounded(stream: BinaryIO, *, max_chars: int, name: str = "stdin") -> bytes:
    """Read a stream, but never more than `read_limit(max_chars)` bytes (plus one).

    Args:
        stream: A binary stream, e.g. `sys.stdin.buffer`.
        max_chars: The longest body accepted (`Settings.max_chars`).
        name: What to call the stream in the error message.

    Returns:
        The bytes read, to the end of the stream.

    Raises:
        InputError: The stream holds more than the limit (it is not read further).
    """
    limit = read_limit(max_chars)
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(
        f"{name} holds more than {limit} bytes; articles are limited to {max_chars} "
        "characters (NEWSBRIEF_MAX_CHARS)"
    )


def _open_regular(file: Path) -> int:
    """Open a regular file for reading; refuse FIFOs, devices and sockets without blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(file, flags)
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        return fd
    os.close(fd)
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(file))
    raise InputError(f"{_one_line(file)} is not a regular file (a device, FIFO or socket)")


def read_article(path: str | os.PathLike[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read, decode and parse an article file.

    Args:
        path: The file to read (a regular file, or a link to one).
        max_chars: The longest body accepted (`Settings.max_chars`); at most
            `read_limit(max_chars)` bytes are read.

    Returns:
        The parsed article.

    Raises:
        InputError: The file is missing, a directory, not a regular file, unreadable,
            larger than the read limit, binary, undecodable, or its header block has a
            bad date.
    """
    file = Path(path)
    try:
        with os.fdopen(_open_regular(file), "rb") as fh:
            data = read_bounded(fh, max_chars=max_chars, name=_one_line(file))
    except FileNotFoundError:
        raise InputError(f"no such file: {_one_line(file)}") from None
    except IsADirectoryError:
        raise InputError(f"{_one_line(file)} is a directory, not an article file") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read {_one_line(file)}: {reason}") from None
    return parse_article(decode_bytes(data))


def _one_line(path: Path) -> str:
    text = str(path)
    return repr(text) if any(c in text for c in "\r\n") else text


def _looks_like_html(body: str) -> bool:
    if _HTML_DOCUMENT.search(body):
        return True
    tags = [match.end() - match.start() for match in _HTML_TAG.finditer(body)]
    return len(tags) >= 3 and sum(tags) >= _HTML_SHARE * len(body)


def validate_body(body: str, *, max_chars: int) -> None:
    """Check that a body can be briefed.

    Args:
        body: The article body.
        max_chars: The longest body accepted (`Settings.max_chars`).

    Raises:
        InputError: The body is empty or blank, too long, binary, or HTML markup.
    """
    if not body.strip():
        raise InputError("the article is empty" if not body else "the article is only whitespace")
    if len(body) > max_chars:
        raise InputError(
            f"article is {len(body)} characters; the limit is {max_chars} (NEWSBRIEF_MAX_CHARS)"
        )
    if _looks_binary(body):
        raise InputError("the article looks binary (NUL or control characters)")
    if _looks_like_html(body):
        raise InputError(
            "the article looks like HTML; pass the extracted text (newsbrief daily reads "
            ".html files)"
        )
