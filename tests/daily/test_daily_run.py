"""run_daily: outputs, cache hits on re-run, resume after a kill, failures recorded and retried."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsbrief
from newsbrief.daily.cache import BriefingCache, atomic_write_text, cache_key
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import ArticleEntry, DailyBriefing
from newsbrief.daily.partials import PartialStore
from newsbrief.daily.run import RateLimiter
from newsbrief.settings import Settings
from newsbrief.text.article import Article
from tests.daily_helpers import DAY, FakeBrief, briefing, failing, make_inputs, run_day
from tests.paths import ROOT

SRC = Path(newsbrief.__file__).parent.parent  # where this test imported newsbrief from


run = run_day


def test_writes_json_markdown_html_and_the_ics_calendar(tmp_path: Path, settings: Settings) -> None:
    daily = run(make_inputs("a", "b"), tmp_path / "out", settings, FakeBrief())
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "2024-03-30.html",
        "2024-03-30.ics",
        "2024-03-30.json",
        "2024-03-30.md",
    ]
    again = DailyBriefing.model_validate_json((out / "2024-03-30.json").read_text())
    assert again == daily
    assert [a.id for a in daily.articles] == ["a", "b"]
    assert daily.stats.articles_ok == 2
    assert daily.stats.model_calls == 2
    assert daily.stats.tokens == 200
    assert daily.articles[0].body == "Body of article a."
    assert not (out / ".partial").exists(), "partial results are removed once the day is written"


def test_rerun_hits_the_cache_and_calls_no_model(tmp_path: Path, settings: Settings) -> None:
    first = FakeBrief()
    run(make_inputs("a", "b", "c"), tmp_path / "out", settings, first)
    assert len(first.calls) == 3
    assert (settings.cache_dir / "briefings.sqlite").exists()
    second = FakeBrief()
    daily = run(make_inputs("a", "b", "c"), tmp_path / "out2", settings, second)
    assert second.calls == []
    assert daily.stats.cache_hits == 3
    assert daily.stats.model_calls == 0
    assert daily.stats.articles_ok == 3


def test_a_run_reads_its_cache_identity_once_not_per_article(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsbrief.daily.briefer as briefer_module

    calls: list[Settings] = []

    def counting(run_settings: Settings) -> str:
        calls.append(run_settings)
        return f"identity of {run_settings.model}"

    monkeypatch.setattr(briefer_module, "cache_identity", counting)
    inputs = make_inputs("a", "b", "c")
    run(inputs, tmp_path / "out", settings, FakeBrief())
    assert calls == [settings], "the prompt files are read once a run, not per article"
    assert inputs[0].article is not None
    key = cache_key(inputs[0].article, settings, identity="identity of fake")
    with BriefingCache(settings.cache_dir / "briefings.sqlite") as cache:
        assert cache.get(key) is not None, "the briefing is stored under that identity's key"


def test_cache_key_with_a_given_identity_is_the_key_of_the_settings(settings: Settings) -> None:
    from newsbrief.strategies import cache_identity

    article = make_inputs("a")[0].article
    assert article is not None
    given = cache_key(article, settings, identity=cache_identity(settings))
    assert given == cache_key(article, settings)
    assert given != cache_key(article, settings, identity="another prompt")


def test_changed_settings_miss_the_cache(tmp_path: Path, settings: Settings) -> None:
    run(make_inputs("a"), tmp_path / "out", settings, FakeBrief())
    fake = FakeBrief()
    run(make_inputs("a"), tmp_path / "out", settings.with_model("other"), fake)
    assert fake.calls == ["a"]


def test_failures_are_recorded_and_a_rerun_retries_only_them(
    tmp_path: Path, settings: Settings
) -> None:
    fake = FakeBrief(fail={"b": failing(), "c": RuntimeError("boom\nsecond line")})
    daily = run(make_inputs("a", "b", "c", "d"), tmp_path / "out", settings, fake)
    status = {a.id: (a.status, a.error) for a in daily.articles}
    assert status["a"] == ("ok", None)
    assert status["d"] == ("ok", None)
    assert status["b"] == ("error", "ModelCallError: endpoint down after 4 attempts")
    assert status["c"] == ("error", "unexpected error: RuntimeError: boom")
    assert daily.stats.articles_failed == 2
    retry = FakeBrief()
    daily = run(make_inputs("a", "b", "c", "d"), tmp_path / "out", settings, retry)
    assert sorted(retry.calls) == ["b", "c"]
    assert daily.stats.articles_ok == 4
    assert daily.stats.cache_hits == 2


def test_unreadable_input_is_an_error_entry(tmp_path: Path, settings: Settings) -> None:
    bad = InputArticle(id="bad", origin="bad.html", error="no article text could be extracted")
    fake = FakeBrief()
    daily = run([bad, *make_inputs("a")], tmp_path / "out", settings, fake)
    assert fake.calls == ["a"]
    assert daily.articles[0].status == "error"
    assert daily.articles[0].error == "no article text could be extracted"


def test_resume_reuses_partial_results(tmp_path: Path, settings: Settings) -> None:
    """A run killed after two articles left their partial files: those are not recomputed."""
    out = tmp_path / "out"
    inputs = make_inputs("a", "b", "c")

    class Killed(BaseException):
        pass

    first = FakeBrief(fail={"c": Killed()})
    with pytest.raises(Killed):
        run(inputs, out, settings, first, concurrency=1, cache=BriefingCache(":memory:"))
    assert PartialStore(out, DAY).finished() == ["a", "b"]
    assert not (out / "2024-03-30.json").exists()
    second = FakeBrief()
    daily = run(inputs, out, settings, second, cache=BriefingCache(":memory:"))
    assert second.calls == ["c"]
    assert daily.stats.resumed == 2
    assert daily.stats.cache_hits == 2


def test_partial_from_other_settings_is_ignored(tmp_path: Path, settings: Settings) -> None:
    [item] = make_inputs("a")
    assert item.article is not None
    store = PartialStore(tmp_path / "out", DAY)
    other = settings.with_model("other-model")
    store.save(cache_key(item.article, other), _ok_entry(item))
    assert store.load("a", cache_key(item.article, settings)) is None
    assert store.load("a", cache_key(item.article, other)) is not None


def _ok_entry(item: InputArticle) -> ArticleEntry:
    assert item.article is not None
    b = briefing(item.article.body, "a")
    return ArticleEntry(id=item.id, status="ok", briefing=b, body=item.article.body)


_KILL_SCRIPT = """
import asyncio, datetime as dt, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from tests.daily_helpers import briefing
from newsbrief.text.article import Article
from newsbrief.daily.cache import BriefingCache
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.run import run_daily
from newsbrief.settings import Settings

async def slow_after_two(article, settings):
    if article.title not in ("a", "b"):
        await asyncio.sleep(600)
    return briefing(article.body, article.title)

day = dt.date(2024, 3, 30)
inputs = [InputArticle(n, n, Article(body="Body " + n, title=n, published=day)) for n in "abcd"]
settings = Settings(backend="openai", model="fake", cache_dir=Path({cache!r}))
asyncio.run(run_daily(inputs, Path({out!r}), date=day, settings=settings, concurrency=1,
                      cache=BriefingCache(":memory:"), brief_fn=slow_after_two, progress=False))
"""


def test_resume_after_sigkill(tmp_path: Path, settings: Settings) -> None:
    out = tmp_path / "out"
    script = _KILL_SCRIPT.format(tests=str(ROOT), cache=str(tmp_path / "c"), out=str(out))
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], env=env)
    partials = PartialStore(out, DAY)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len(partials.finished()) >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert partials.finished() == ["a", "b"]
    inputs = [InputArticle(n, n, Article(body="Body " + n, title=n, published=DAY)) for n in "abcd"]
    fake = FakeBrief()
    daily = run(inputs, out, settings, fake, cache=BriefingCache(":memory:"))
    assert sorted(fake.calls) == ["c", "d"]
    assert daily.stats.resumed == 2
    assert daily.stats.articles_ok == 4


def test_local_backend_runs_one_call_at_a_time(tmp_path: Path) -> None:
    local = Settings(backend="local", cache_dir=tmp_path / "cache")
    fake = FakeBrief(delay=0.01)
    run(make_inputs(*"abcdef"), tmp_path / "out", local, fake, concurrency=8)
    assert fake.max_in_flight == 1


def test_concurrency_bounds_calls_in_flight(tmp_path: Path, settings: Settings) -> None:
    fake = FakeBrief(delay=0.02)
    run(make_inputs(*"abcdefgh"), tmp_path / "out", settings, fake, concurrency=3)
    assert fake.max_in_flight == 3


def test_rate_limiter_waits_once_the_budget_is_spent() -> None:
    async def go() -> float:
        limiter = RateLimiter(tpm=60_000)
        await limiter.acquire(10**9)  # more than a minute's budget: clamped, takes all of it
        started = time.perf_counter()
        await limiter.acquire(100)  # 100 tokens at 1000/s
        return time.perf_counter() - started

    assert 0.05 < asyncio.run(go()) < 1.0
    with pytest.raises(ValueError):
        RateLimiter(rpm=0)


def test_atomic_write_keeps_the_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "day.json"
    atomic_write_text(target, '{"v": 1}\n')
    assert json.loads(target.read_text()) == {"v": 1}

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, '{"v": 2}\n')
    assert json.loads(target.read_text()) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["day.json"], "no temporary file left"


def test_cache_roundtrip_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "c" / "briefings.sqlite"
    with BriefingCache(path) as cache:
        cache.put("k", briefing("body", "t"))
        assert cache.get("k") == briefing("body", "t")
        assert cache.get("missing") is None
        assert len(cache) == 1
        mode = cache._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_unsafe_ids_stay_inside_the_partial_folder(tmp_path: Path, settings: Settings) -> None:
    article = Article(body="Body.", title="a", published=DAY)
    item = InputArticle(id="../../escape", origin="api", article=article)
    store = PartialStore(tmp_path / "out", DAY)
    key = cache_key(article, settings)
    store.save(key, _ok_entry(item))
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [store.dir.relative_to(tmp_path) / f"{os.getpid()}.jsonl"]
    assert store.load("../../escape", key) is not None


def test_partials_of_every_process_are_read_and_the_last_line_wins(
    tmp_path: Path, settings: Settings
) -> None:
    [a, b] = make_inputs("a", "b")
    assert a.article is not None and b.article is not None
    store = PartialStore(tmp_path / "out", DAY)
    own = store.dir / f"{os.getpid()}.jsonl"
    store.save(cache_key(b.article, settings), _ok_entry(b))
    own.rename(store.dir / "99999999.jsonl")  # as a worker process would have left it
    store.save(cache_key(a.article, settings), _ok_entry(a))
    assert store.finished() == ["a", "b"]
    assert store.load("b", cache_key(b.article, settings), b.article.body) is not None
    store.save(cache_key(a.article, settings.with_model("other")), _ok_entry(a))
    fresh = PartialStore(tmp_path / "out", DAY)
    assert fresh.load("a", cache_key(a.article, settings)) is None, "the newer line replaced it"


def test_a_line_cut_short_by_a_kill_is_skipped(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    [a, b] = make_inputs("a", "b")
    assert a.article is not None and b.article is not None
    store = PartialStore(tmp_path / "out", DAY)
    store.save(cache_key(a.article, settings), _ok_entry(a))
    store.save(cache_key(b.article, settings), _ok_entry(b))
    own = store.dir / f"{os.getpid()}.jsonl"
    own.write_bytes(own.read_bytes()[:-40])
    fresh = PartialStore(tmp_path / "out", DAY)
    assert fresh.finished() == ["a"]
    assert "ignoring unreadable partial result" in caplog.text
