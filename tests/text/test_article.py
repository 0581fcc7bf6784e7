from __future__ import annotations

import datetime as dt
import io
import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.errors import InputError
from newsbrief.text.article import (
    Article,
    decode_bytes,
    parse_article,
    read_article,
    read_bounded,
    read_limit,
    validate_body,
)
from tests.fault_helpers import deadline
from tests.paths import ROOT

SEED = ROOT / "seeds" / "rafah-2024-03-30.txt"


def test_read_the_seed_article() -> None:
    article = read_article(SEED)
    assert article.title == "US and Israel to hold virtual meeting on Rafah alternatives"
    assert article.source == "wire report (citing Axios, AFP)"
    assert article.url is None
    assert article.published == dt.date(2024, 3, 30)
    assert article.body.startswith("The United States")
    assert SEED.read_text(encoding="utf-8").endswith(article.body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Just a story.\nSecond line.\n",
            Article(body="Just a story.\nSecond line.\n"),
            id="no-header",
        ),
        pytest.param(
            "Update: the talks resumed.\n\nMore text.",
            Article(body="Update: the talks resumed.\n\nMore text."),
            id="colon-first-line",
        ),
        pytest.param(
            "title: T\nBody right after, no blank line.\n",
            Article(body="title: T\nBody right after, no blank line.\n"),
            id="no-blank-line",
        ),
        pytest.param(
            "title: T\nNot a header line\n\nbody",
            Article(body="title: T\nNot a header line\n\nbody"),
            id="non-header-line",
        ),
        pytest.param("Title: T\n\nbody", Article(body="Title: T\n\nbody"), id="capitalised-key"),
        pytest.param(
            "title: T\n\n  body kept as is \n",
            Article(body="  body kept as is \n", title="T"),
            id="body-untouched",
        ),
        pytest.param(
            "title: T\r\nsource: S\r\n\r\nbody\r\n",
            Article(body="body\r\n", title="T", source="S"),
            id="crlf",
        ),
        pytest.param(
            "title: T\n\n\nbody", Article(body="\nbody", title="T"), id="second-blank-line-is-body"
        ),
        pytest.param(
            "title:\nauthor: someone\n\nbody", Article(body="body"), id="empty-and-unknown-keys"
        ),
        pytest.param(
            "source: https://example.org/a?b=1 (scraped)\nlicense: CC BY 2.5\n\nbody",
            Article(
                body="body",
                source="https://example.org/a?b=1 (scraped)",
                url="https://example.org/a?b=1",
            ),
            id="source-url",
        ),
        pytest.param(
            "url: https://a.example/x\nsource: http://b.example/y\n\nbody",
            Article(body="body", source="http://b.example/y", url="https://a.example/x"),
            id="explicit-url-wins",
        ),
        pytest.param(
            "published: 2020-02-29\n\nbody",
            Article(body="body", published=dt.date(2020, 2, 29)),
            id="leap-day",
        ),
    ],
)
def test_parse_article(text: str, expected: Article) -> None:
    assert parse_article(text) == expected


@pytest.mark.parametrize(
    "value", ["30/03/2024", "2024-02-30", "20240330", "2024-W13-6", "2024-3-30", "soon"]
)
def test_bad_published_date(value: str) -> None:
    with pytest.raises(InputError, match="published date") as info:
        parse_article(f"title: T\npublished: {value}\n\nbody")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"plain ascii", "plain ascii", id="ascii"),
        pytest.param("café – “ok”".encode(), "café – “ok”", id="utf-8"),
        pytest.param(b"\xef\xbb\xbftitle: T\n\nbody", "title: T\n\nbody", id="utf-8-bom"),
        pytest.param("héllo".encode("utf-16"), "héllo", id="utf-16-bom"),
        pytest.param(
            "Café – “quoted” … naïve résumé €5".encode("cp1252"),
            "Café – “quoted” … naïve résumé €5",
            id="cp1252",
        ),
        pytest.param(
            "Der Bürgermeister sagte, dass die Straße gesperrt wird.".encode("latin-1"),
            "Der Bürgermeister sagte, dass die Straße gesperrt wird.",
            id="latin-1",
        ),
        pytest.param(
            "Привет, мир! Это тест кодировки.".encode("cp1251"),
            "Привет, мир! Это тест кодировки.",
            id="cp1251",
        ),
        pytest.param(
            "Prezydent powiedział, że rozmowy zostaną wznowione. Żołnierze wrócili.".encode(
                "cp1250"
            ),
            "Prezydent powiedział, że rozmowy zostaną wznowione. Żołnierze wrócili.",
            id="cp1250",
        ),
        pytest.param(
            "They fled… “It was awful,” she said – 5 km away.".encode("cp1252"),
            "They fled… “It was awful,” she said – 5 km away.",
            id="cp1252-punctuation",
        ),
        pytest.param(b"a\x0bb\tc\fd\r\n", "a\x0bb\tc\fd\r\n", id="stray-control"),
    ],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def _png_like(seed: int, low: int) -> bytes:
    rng = random.Random(seed)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(low, 256) for _ in range(400))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_png_like(0, 0), id="png-random"),
        pytest.param(_png_like(1, 0x20), id="png-random-no-controls"),
        pytest.param(_png_like(2, 0x80), id="high-bytes"),
        pytest.param(b"text with a NUL\x00 byte", id="nul"),
        pytest.param(bytes(range(1, 32)) * 4 + b"some text", id="controls"),
    ],
)
def test_decode_bytes_rejects_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="looks binary"):
        decode_bytes(data)


def test_read_article_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match=f"^no such file: {missing}$"):
        read_article(missing)
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)
    with pytest.raises(InputError, match="looks binary"):
        binary = tmp_path / "image.png"
        binary.write_bytes(_png_like(0, 0))
        read_article(binary)


def test_read_article_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("body", encoding="utf-8")

    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)  # the module opens files with os.open
    with pytest.raises(InputError, match=r"^cannot read .*locked\.txt: Permission denied$"):
        read_article(locked)


class Endless(io.RawIOBase):
    """A stream of "a" that never ends (like /dev/zero), counting what it hands out."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        buffer[:size] = b"a" * size
        self.served += size
        return size


def test_read_bounded_stops_at_the_limit() -> None:
    stream = Endless()
    limit = read_limit(100)
    with pytest.raises(InputError, match=f"^stdin holds more than {limit} bytes; ") as info:
        read_bounded(io.BufferedReader(stream), max_chars=100)
    assert stream.served <= limit + 1 + io.DEFAULT_BUFFER_SIZE  # the reader's read-ahead
    assert "limited to 100 characters (NEWSBRIEF_MAX_CHARS)" in str(info.value)
    assert "\n" not in str(info.value)


def test_read_bounded_reads_a_short_stream_whole() -> None:
    data = "café ".encode() * 1000
    assert read_bounded(io.BytesIO(data), max_chars=len(data)) == data


def test_read_limit_leaves_room_for_four_bytes_a_character() -> None:
    text = "\U0001f600" * 1000
    assert read_bounded(io.BytesIO(text.encode("utf-8")), max_chars=1000) == text.encode()
    assert read_limit(1000) >= len(("title: T\n\n" + text).encode("utf-32"))


def test_read_article_refuses_an_oversized_file_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)  # a sparse 1 GiB file: cheap to make, costly to read whole
    with pytest.raises(InputError, match=f"holds more than {read_limit(1000)} bytes"):
        read_article(path, max_chars=1000)


def test_read_article_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with deadline(10), pytest.raises(InputError, match="pipe.txt is not a regular file"):
        read_article(fifo)


def test_read_article_refuses_a_link_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with deadline(10), pytest.raises(InputError, match=r"^.*zero\.txt is not a regular file"):
        read_article(link)


def test_read_article_follows_a_link_to_a_file(tmp_path: Path) -> None:
    link = tmp_path / "seed.txt"
    link.symlink_to(SEED)
    assert read_article(link) == read_article(SEED)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "Café — naïve résumé. ".encode() + b"Caf\xe9 \x93ok\x94.",
            "Café — naïve résumé. Café “ok”.",
            id="utf-8-then-cp1252",
        ),
        pytest.param(
            b"The caf\xe9 said " + "“Noël” — in Zürich.".encode(),
            "The café said “Noël” — in Zürich.",
            id="cp1252-then-utf-8",
        ),
        pytest.param(
            "École — x ".encode() + b"\xe9t\xe9",
            "École — x été",
            id="utf-8-capital-accent",
        ),
        pytest.param(
            "Prezydent powiedział, że rozmowy zostaną wznowione.".encode("cp1250")
            + " “Żołnierze” wrócili’".encode(),
            "Prezydent powiedział, że rozmowy zostaną wznowione. “Żołnierze” wrócili’",
            id="cp1250-then-utf-8",
        ),
        pytest.param(
            "Привет, мир! Это тест кодировки.".encode("cp1251") + " “ok”".encode(),
            "Привет, мир! Это тест кодировки. “ok”",
            id="cp1251-then-utf-8",
        ),
        pytest.param(
            "Der Bürgermeister sagte, die Straße sei zu. CAFÉ\u00a0: ok".encode("cp1252"),
            "Der Bürgermeister sagte, die Straße sei zu. CAFÉ\u00a0: ok",
            id="cp1252-with-an-accidental-utf-8-pair",
        ),
    ],
)
def test_decode_bytes_keeps_utf8_and_reads_stray_bytes_alone(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_read_article_cp1252_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("title: Café\n\nThe café’s owner said “no”.".encode("cp1252"))
    article = read_article(str(path))
    assert article.title == "Café"
    assert article.body == "The café’s owner said “no”."


@pytest.mark.parametrize(
    ("body", "match"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param(" \n\t\u00a0\n", "only whitespace", id="whitespace"),
        pytest.param(
            "x" * 101,
            r"article is 101 characters; the limit is 100 \(NEWSBRIEF_MAX_CHARS\)",
            id="huge",
        ),
        pytest.param(
            "<!DOCTYPE html><html><body>News</body></html>", "looks like HTML", id="html-doc"
        ),
        pytest.param(
            "<p>One.</p>\n<p>Two.</p>\n<div>Three.</div>", "looks like HTML", id="html-tags"
        ),
        pytest.param("text\x00more", "looks binary", id="nul"),
        pytest.param("ab\x01\x02\x03\x04cd", "looks binary", id="controls"),
    ],
)
def test_validate_body_rejects(body: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as info:
        validate_body(body, max_chars=100)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("The minister spoke.", id="english"),
        pytest.param("قال الوزير إن المحادثات ستستأنف.", id="arabic"),
        pytest.param("他说会谈将于周一举行。", id="chinese"),
        pytest.param("A stray \x0b vertical tab in otherwise normal text.", id="stray-control"),
        pytest.param("Prices rose 5% <br> a mention of a tag " + "filler " * 20, id="one-tag"),
        pytest.param("x" * 100, id="at-the-limit"),
    ],
)
def test_validate_body_accepts(body: str) -> None:
    validate_body(body, max_chars=100 if len(body) <= 100 else 10_000)


@settings(max_examples=300)
@given(st.text())
def test_parse_article_raises_only_input_error(text: str) -> None:
    try:
        article = parse_article(text)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert text.endswith(article.body)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_raises_only_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=200)
@given(st.text(), st.integers(1, 500))
def test_validate_body_raises_only_input_error(body: str, max_chars: int) -> None:
    try:
        validate_body(body, max_chars=max_chars)
    except InputError as exc:
        assert "\n" not in str(exc)
