"""run_daily under attack: hand-edited cache rows, bad cache files, full disks, locked caches."""

from __future__ import annotations

import errno
import functools
import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsbrief.daily import run as run_module
from newsbrief.daily.cache import BriefingCache, cache_key
from newsbrief.daily.models import ArticleEntry, DailyBriefing
from newsbrief.daily.partials import PartialStore
from newsbrief.daily.run import build_daily, write_outputs
from newsbrief.errors import ConfigError, UsageError
from newsbrief.models import Briefing, Evidence, Party
from newsbrief.settings import Settings
from newsbrief.text.article import Article
from tests.daily_helpers import DAY, FakeBrief, briefing, ev, run_day
from tests.daily_helpers import make_inputs as _make_inputs

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
make_inputs = functools.partial(
    _make_inputs, body="Israel and article {name}."
)  # a party to ground


class GroundedBrief(FakeBrief):
    """A fake whose briefings carry one party grounded in the article body."""

    async def __call__(self, article: Article, settings: Settings) -> Briefing:
        b = await super().__call__(article, settings)
        party = Party(name="Israel", kind="state", evidence=ev(article.body, "Israel"))
        return b.model_copy(update={"parties": [party]})


run = run_day


def warnings(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)


# --- 6: nothing read back from the cache or a partial file is trusted ---


def edit_cached_evidence(path: Path, **changes: Any) -> None:
    db = sqlite3.connect(path)
    with db:
        [(key, text)] = db.execute("SELECT key, briefing FROM briefings").fetchall()
        data = json.loads(text)
        data["parties"][0]["evidence"][0].update(changes)
        db.execute("UPDATE briefings SET briefing = ? WHERE key = ?", (json.dumps(data), key))
    db.close()


@pytest.mark.parametrize(
    "edit",
    [{"start": 500, "end": 520}, {"quote": "Hamas"}, {"start": 5, "end": 2}],
    ids=["out-of-range", "other-quote", "reversed"],
)
def test_a_hand_edited_cache_row_is_a_miss_and_rebriefed(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture, edit: dict[str, Any]
) -> None:
    run(make_inputs("a"), tmp_path / "out1", settings, GroundedBrief())
    edit_cached_evidence(settings.cache_dir / "briefings.sqlite", **edit)
    again = GroundedBrief()
    daily = run(make_inputs("a"), tmp_path / "out2", settings, again)
    assert again.calls == ["a"], "the bad row is re-briefed"
    assert daily.stats.cache_hits == 0
    assert "dropping cache entry" in warnings(caplog)
    written = json.loads((tmp_path / "out2" / "2024-03-30.json").read_text())
    [evidence] = written["articles"][0]["briefing"]["parties"][0]["evidence"]
    assert evidence == {"quote": "Israel", "start": 0, "end": 6}
    third = GroundedBrief()
    run(make_inputs("a"), tmp_path / "out3", settings, third)
    assert third.calls == [], "the re-briefed row replaced the bad one"


def test_a_hand_edited_partial_result_is_ignored(
    settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    [item] = make_inputs("a")
    assert item.article is not None
    body = item.article.body
    key = cache_key(item.article, settings)
    store = PartialStore(tmp_path / "out", DAY)
    good = briefing(
        body, "a", parties=[Party(name="Israel", kind="state", evidence=ev(body, "Israel"))]
    )
    entry = ArticleEntry(id="a", status="ok", briefing=good, body=body)
    store.save(key, entry)
    assert store.load("a", key, body) == entry
    bad_span = good.parties[0].model_copy(
        update={"evidence": [Evidence(quote="x", start=90, end=91)]}
    )
    store.save(
        key, entry.model_copy(update={"briefing": good.model_copy(update={"parties": [bad_span]})})
    )
    assert store.load("a", key, body) is None
    store.save(key, entry.model_copy(update={"body": "root:x:0:0:root:/root:/bin/bash"}))
    assert store.load("a", key, body) is None
    assert warnings(caplog).count("ignoring partial result") == 2


# --- 14: a cache file that is corrupt, empty, a folder or read-only ---


def test_a_corrupt_cache_file_is_moved_aside_and_rebuilt(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    path = settings.cache_dir / "briefings.sqlite"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database\x00" * 200)
    fake = FakeBrief()
    daily = run(make_inputs("a"), tmp_path / "out", settings, fake)
    assert daily.stats.articles_ok == 1 and fake.calls == ["a"]
    [aside] = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside.name.startswith("briefings.sqlite.corrupt-")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert "is corrupt" in warnings(caplog)
    with BriefingCache(path) as cache:
        assert len(cache) == 1


def test_an_empty_cache_file_is_a_fresh_cache(tmp_path: Path) -> None:
    path = tmp_path / "briefings.sqlite"
    path.write_bytes(b"")
    with BriefingCache(path) as cache:
        cache.put("k", briefing("body", "t"))
        assert len(cache) == 1


def test_a_cache_path_that_is_a_folder_is_one_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"is a folder") as info:
        BriefingCache(tmp_path)
    assert "\n" not in str(info.value)


def test_a_read_only_cache_is_one_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "briefings.sqlite"
    sqlite3.connect(path).close()
    connect = sqlite3.connect

    def read_only(target: str, **kwargs: Any) -> sqlite3.Connection:
        return connect(f"file:{target}?mode=ro", uri=True, **kwargs)  # what a 0444 file gives

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(ConfigError, match=r"cannot use the cache .*readonly"):
        BriefingCache(path)
    assert path.exists(), "a read-only cache is not moved aside"


@pytest.mark.skipif(ROOT_USER, reason="root writes to read-only files")
def test_a_read_only_cache_file_on_disk_is_one_config_error(tmp_path: Path) -> None:
    path = tmp_path / "briefings.sqlite"
    sqlite3.connect(path).close()
    path.chmod(0o444)
    with pytest.raises(ConfigError, match="cannot use the cache"):
        BriefingCache(path)


# --- 16: the day's three outputs are replaced together or not at all ---


def two_days(tmp_path: Path) -> tuple[DailyBriefing, DailyBriefing, Path]:
    out = tmp_path / "out"
    old = build_daily(DAY, [])
    write_outputs(old, out)
    new = build_daily(DAY, [], model_calls=7)
    return old, new, out


def outputs(out: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(out.iterdir())}


def test_a_failed_third_write_leaves_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new, out = two_days(tmp_path)
    before = outputs(out)
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="No space left"):
        write_outputs(new, out)
    assert outputs(out) == before, "old JSON, MD and HTML, no temporary files"


def test_a_failed_rename_leaves_no_mixed_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new, out = two_days(tmp_path)
    real_replace, calls = os.replace, []

    def replace(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="I/O error"):
        write_outputs(new, out)
    assert outputs(out) == {}, "neither a mix of two runs nor temporary files"


def test_run_daily_keeps_partials_when_the_outputs_cannot_be_written(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, text: str, *, fsync: bool = True) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run_module, "write_temp", full_disk)
    with pytest.raises(OSError):
        run(make_inputs("a"), tmp_path / "out", settings, FakeBrief())
    assert PartialStore(tmp_path / "out", DAY).finished() == ["a"]


# --- 17: an unusable --out or a cache in use is found before any model call ---


def test_an_out_that_is_a_file_fails_before_any_model_call(
    tmp_path: Path, settings: Settings
) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder")
    fake = FakeBrief()
    with pytest.raises(UsageError, match="cannot write to the output folder") as info:
        run(make_inputs("a"), out, settings, fake)
    assert fake.calls == [] and "\n" not in str(info.value)


def test_an_unwritable_out_fails_before_any_model_call(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(run_module.tempfile, "mkstemp", read_only)
    fake = FakeBrief()
    with pytest.raises(UsageError, match="Permission denied"):
        run(make_inputs("a"), tmp_path / "out", settings, fake)
    assert fake.calls == []


@pytest.mark.skipif(ROOT_USER, reason="root writes to read-only folders")
def test_a_read_only_out_on_disk_fails_before_any_model_call(
    tmp_path: Path, settings: Settings
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    fake = FakeBrief()
    with pytest.raises(UsageError):
        run(make_inputs("a"), out, settings, fake)
    assert fake.calls == []


def test_a_second_run_on_the_same_cache_fails_at_once(tmp_path: Path, settings: Settings) -> None:
    path = settings.cache_dir / "briefings.sqlite"
    fake = FakeBrief()
    with BriefingCache(path) as holder, holder.exclusive():  # the first run, still going
        with pytest.raises(UsageError, match=f"another newsbrief daily is using {path}$"):
            run(make_inputs("a", "b"), tmp_path / "out", settings, fake)
        assert fake.calls == []
    daily = run(make_inputs("a", "b"), tmp_path / "out", settings, fake)  # lock released
    assert daily.stats.articles_ok == 2
