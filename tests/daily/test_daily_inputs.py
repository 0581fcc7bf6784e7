"""Inputs of a daily run: every file kind, folders, stdin, bad files as error entries."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from newsbrief.daily.inputs import iter_inputs, parse_html, parse_markdown

DAY = dt.date(2024, 4, 2)

TXT = """title: Talks in Cairo
source: Wire
published: 2020-01-11

Foreign ministers met in Cairo on Wednesday.
"""

MD = """---
title: "Quake hits Aegean"
published: 2020-10-30
url: https://example.org/quake
---
# Ignored heading

At least 25 people were killed.
"""

HTML = """<!DOCTYPE html><html><head><title>Summit in Geneva</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-29T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Summit in Geneva</h1>
<p>Ministers from Ruritania and Freedonia will meet in Geneva on Monday to discuss a
ceasefire, officials said on Friday.</p>
<p>At least 20 people were killed in clashes last week, according to the United Nations,
and more than 1,000 people were displaced from their homes in the border region.</p>
</article><footer>Copyright Example News</footer></body></html>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_with_header_block(tmp_path: Path) -> None:
    [item] = iter_inputs([str(write(tmp_path / "cairo.txt", TXT))], default_date=DAY)
    assert item.id == "cairo"
    assert item.error is None and item.article is not None
    assert item.article.title == "Talks in Cairo"
    assert item.article.published == dt.date(2020, 1, 11)
    assert item.article.body == "Foreign ministers met in Cairo on Wednesday.\n"


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    [item] = iter_inputs([str(write(tmp_path / "quake.md", MD))], default_date=DAY)
    assert item.article is not None
    assert item.article.title == "Quake hits Aegean"
    assert item.article.url == "https://example.org/quake"
    assert item.article.published == dt.date(2020, 10, 30)
    assert item.article.body.startswith("# Ignored heading")
    plain = parse_markdown("# Heading only title\n\nSome text.\n")
    assert plain.title == "Heading only title"
    assert plain.published is None


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    [item] = iter_inputs([str(write(tmp_path / "geneva.html", HTML))], default_date=DAY)
    assert item.error is None and item.article is not None
    body = item.article.body
    assert "Ministers from Ruritania and Freedonia" in body
    assert "Home" not in body and "Copyright" not in body
    assert "<p>" not in body
    assert item.article.title == "Summit in Geneva"


def test_html_without_text_is_a_clear_error(tmp_path: Path) -> None:
    page = write(
        tmp_path / "empty.htm",
        "<html><head><script>var x = 1;</script></head><body> </body></html>",
    )
    [item] = iter_inputs([str(page)], default_date=DAY)
    assert item.article is None
    assert item.error == "no article text could be extracted from the HTML page"
    with pytest.raises(Exception, match="no article text"):
        parse_html("<html></html>")


def test_json_one_record_and_a_list(tmp_path: Path) -> None:
    one = {"text": "Body one.", "title": "One", "published": "2024-03-01T09:00:00Z"}
    many = [
        {"text": "Body two.", "url": "https://news.example/world/2024/talks-resume.html"},
        {"text": "Body three.", "id": "third"},
        {"text": "Body four."},
        {"title": "no text"},
    ]
    write(tmp_path / "one.json", json.dumps(one))
    write(tmp_path / "many.json", json.dumps(many))
    items = iter_inputs([str(tmp_path / "one.json"), str(tmp_path / "many.json")], default_date=DAY)
    assert [i.id for i in items] == ["one", "talks-resume", "third", "many-3", "many-4"]
    assert items[0].article is not None
    assert items[0].article.published == dt.date(2024, 3, 1)
    assert items[1].article is not None and items[1].article.published == DAY
    assert items[4].article is None
    assert items[4].error == "record has no 'text' (a non-empty string)"


def test_jsonl_file_with_a_bad_line(tmp_path: Path) -> None:
    lines = ['{"text": "First."}', "{not json", "", '{"text": "Third.", "source": "AFP"}']
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = iter_inputs([str(tmp_path / "feed.jsonl")], default_date=DAY)
    assert [i.id for i in items] == ["feed-1", "feed-2", "feed-4"]
    assert items[1].error is not None and items[1].error.startswith("invalid JSON")
    assert items[2].article is not None and items[2].article.source == "AFP"


def test_stdin_json_lines() -> None:
    stdin = io.StringIO('{"text": "From stdin.", "title": "S"}\n{"text": "Again."}\n')
    items = iter_inputs(["-"], default_date=DAY, stdin=stdin)
    assert [i.id for i in items] == ["stdin-1", "stdin-2"]
    assert all(i.article is not None and i.article.published == DAY for i in items)


def test_folder_is_walked_in_order_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    write(tmp_path / "day" / "b.txt", TXT)
    write(tmp_path / "day" / "sub" / "a.md", MD)
    write(tmp_path / "day" / "notes.csv", "x,y\n")
    write(tmp_path / "day" / ".partial" / "2024-04-02" / "a.json", '{"key": "k"}')
    items = iter_inputs([str(tmp_path / "day")], default_date=DAY)
    assert [i.id for i in items] == ["b", "a"]


def test_bad_files_become_error_entries(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    write(tmp_path / "bad-date.txt", "title: X\npublished: 2024-02-30\n\nBody.\n")
    write(tmp_path / "broken.json", "{")
    paths = [str(tmp_path / n) for n in ("binary.txt", "bad-date.txt", "broken.json", "nope.txt")]
    items = iter_inputs(paths, default_date=DAY)
    assert [i.id for i in items] == ["binary", "bad-date", "broken", "nope"]
    assert all(i.article is None and i.error for i in items)
    assert items[3].error == "no such file or folder"


def test_ids_are_unique_and_undated_articles_take_the_default_date(tmp_path: Path) -> None:
    write(tmp_path / "x" / "same.txt", "Undated body.\n")
    write(tmp_path / "y" / "same.txt", "Another undated body.\n")
    items = iter_inputs([str(tmp_path / "x"), str(tmp_path / "y")], default_date=DAY)
    assert [i.id for i in items] == ["same", "same-2"]
    assert all(i.article is not None and i.article.published == DAY for i in items)


def test_links_out_of_the_folder_and_special_files_are_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    day = tmp_path / "day"
    (day / "sub").mkdir(parents=True)
    (day / "a.txt").write_text(TXT, encoding="utf-8")
    (day / "p.txt").symlink_to(outside)
    (day / "passwd.txt").symlink_to("/etc/passwd")
    (day / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (day / "sub" / "same.txt").symlink_to(day / "a.txt")  # inside the tree: followed
    (day / "outdir").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(day / "fifo.txt")
    items = iter_inputs([str(day)], default_date=DAY)
    assert [i.origin for i in items] == [str(day / "a.txt"), str(day / "sub" / "same.txt")]
    assert all(i.article is not None and "root:" not in i.article.body for i in items)
    skipped = " ".join(r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    for name in ("p.txt", "passwd.txt", "dangling.txt", "fifo.txt"):
        assert f"skipping {day / name}" in skipped
