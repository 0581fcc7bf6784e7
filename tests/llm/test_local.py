"""The embedded model's plumbing, with a fake llama.cpp and a tiny fake "model" file.

- one process-wide lock: many engines (one per `abrief` call) never enter the shared,
  cached `Llama` object from two threads at once (that crashed the interpreter);
- assembly: stale `.part` files of an interrupted assembly are removed, a corrupted
  assembled file is rebuilt once from the parts, and a file that is still wrong after that
  is a `ConfigError`;
- the sha256 is checked once and remembered in a stamp (size, mtime_ns, inode): an
  unchanged file is not hashed again, a changed one is.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest

from newsbrief.errors import ConfigError
from newsbrief.llm import local
from newsbrief.llm.local import LOCAL_BASE_URL, LocalEngine, assemble_default_model, transport

PARTS = [b"GGUF fake model, part one. ", b"Part two. " * 50, b"The end."]
CHAT = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 8}


class FakeLlama:
    """Records how many threads are inside `create_chat_completion` at once.

    Each call waits (briefly) for a second thread to come in: without serialisation two
    concurrent requests always overlap, so the test does not depend on scheduling luck.
    """

    def __init__(self) -> None:
        self.calls = 0
        self.active = 0
        self.peak = 0
        self._cond = threading.Condition()

    def create_chat_completion(self, **kwargs: Any) -> dict[str, Any]:
        with self._cond:
            self.calls += 1
            self.active += 1
            self.peak = max(self.peak, self.active)
            self._cond.notify_all()
            self._cond.wait_for(lambda: self.active > 1, timeout=0.2)
            self.active -= 1
        message = {"role": "assistant", "content": "{}"}
        return {
            "object": "chat.completion",
            "created": 0,
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }


def test_engines_of_concurrent_calls_never_enter_llama_cpp_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeLlama()
    monkeypatch.setattr(local, "_load_llama", lambda *args: fake)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")

    async def one_call() -> int:
        # what each abrief() does: its own LLM, hence its own engine, on the one cached model
        engine = LocalEngine(model, tmp_path, n_ctx=512, n_threads=1)
        async with httpx2.AsyncClient(transport=transport(engine)) as client:
            response = await client.post(f"{LOCAL_BASE_URL}/chat/completions", json=CHAT)
        return response.status_code

    async def many() -> list[int]:
        return await asyncio.gather(*(one_call() for _ in range(4)))

    assert asyncio.run(many()) == [200] * 4
    assert fake.calls == 4
    assert fake.peak == 1


class ShortContextLlama(FakeLlama):
    """A model with a 64-token context whose tokens are characters (for the scoring guard)."""

    metadata = {"tokenizer.chat_template": "{% for m in messages %}{{ m.content }}{% endfor %}"}

    def n_ctx(self) -> int:
        return 64

    def tokenize(self, text: bytes, add_bos: bool = False, special: bool = True) -> list[int]:
        return list(text)


def test_a_closed_question_too_long_to_score_is_left_to_sampling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("llama_cpp", reason="scoring formats prompts with llama-cpp-python")
    fake = ShortContextLlama()
    monkeypatch.setattr(local, "_load_llama", lambda *args: fake)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    schema = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}
    request = {
        **CHAT,
        "messages": [{"role": "user", "content": "long " * 40}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "A", "schema": schema}},
    }
    engine = LocalEngine(model, tmp_path, n_ctx=64, n_threads=1, choice="logprobs")
    assert engine.complete(request)["choices"][0]["message"]["content"] == "{}"
    assert fake.calls == 1, "sampling answered (and reports a prompt too long for the context)"


# --------------------------------------------------------------------------- assembly


@pytest.fixture
def fake_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Packaged parts of a tiny fake model; the pinned sha256 and size are its own."""
    paths = []
    for index, data in enumerate(PARTS, start=1):
        path = tmp_path / "wheels" / f"part{index:02d}.bin"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    whole = b"".join(PARTS)
    monkeypatch.setattr(local, "_part_files", lambda: list(paths))
    monkeypatch.setattr(local, "GGUF_SHA256", hashlib.sha256(whole).hexdigest())
    monkeypatch.setattr(local, "GGUF_SIZE", len(whole))
    return whole


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the module hashes, in order."""
    seen: list[Path] = []
    real: Callable[[Path], str] = local._sha256

    def counting(path: Path) -> str:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(local, "_sha256", counting)
    return seen


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _messages(caplog: pytest.LogCaptureFixture, needle: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if needle in r.getMessage()]


def test_the_model_is_assembled_then_hashed_once(
    fake_model: bytes, hashes: list[Path], cache: Path
) -> None:
    target = assemble_default_model(cache)
    assert target.read_bytes() == fake_model
    assert len(hashes) == 1  # the assembled .part file, before it is moved into place
    assert [p.name for p in target.parent.iterdir()] == sorted(
        [target.name, target.name + ".verified"]
    )
    for _ in range(3):
        assert assemble_default_model(cache) == target
    assert len(hashes) == 1  # unchanged file, matching stamp: no re-hash


def test_a_file_that_changed_since_its_stamp_is_hashed_again(
    fake_model: bytes, hashes: list[Path], cache: Path
) -> None:
    target = assemble_default_model(cache)
    info = target.stat()
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert assemble_default_model(cache) == target
    assert hashes[1:] == [target]  # re-hashed once, still good, stamp renewed
    assert assemble_default_model(cache) == target
    assert hashes[1:] == [target]


def test_a_model_without_a_stamp_is_hashed_and_stamped(
    fake_model: bytes, hashes: list[Path], cache: Path
) -> None:
    target = assemble_default_model(cache)
    (target.parent / (target.name + ".verified")).write_text("not json", encoding="utf-8")
    assemble_default_model(cache)
    assemble_default_model(cache)
    assert hashes[1:] == [target]


@pytest.mark.parametrize(
    "corrupt",
    [
        pytest.param(lambda data: b"X" + data[1:], id="same-size"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
    ],
)
def test_a_corrupted_model_is_rebuilt_once_from_the_parts(
    corrupt: Callable[[bytes], bytes],
    fake_model: bytes,
    cache: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    target = assemble_default_model(cache)
    target.write_bytes(corrupt(fake_model))
    with caplog.at_level(logging.INFO, logger="newsbrief.llm.local"):
        assert assemble_default_model(cache) == target
    assert target.read_bytes() == fake_model
    rebuilt = _messages(caplog, "failed its sha256 check; rebuilding")
    assert len(rebuilt) == 1 and "\n" not in rebuilt[0]
    assert len(_messages(caplog, "assembling")) == 1
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="newsbrief.llm.local"):
        assemble_default_model(cache)
    assert caplog.records == []


def test_a_rebuilt_model_that_still_mismatches_is_a_config_error(
    fake_model: bytes, cache: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = assemble_default_model(cache)
    target.write_bytes(b"X" + fake_model[1:])
    (tmp_path / "wheels" / "part02.bin").write_bytes(b"Part 2! " * 50)  # the parts are bad too
    with caplog.at_level(logging.INFO, logger="newsbrief.llm.local"):
        with pytest.raises(ConfigError, match="failed its sha256 check") as info:
            assemble_default_model(cache)
    assert "\n" not in str(info.value)
    assert len(_messages(caplog, "assembling")) == 1  # rebuilt once, not in a loop
    assert list(target.parent.glob("*.part")) == []
    assert not target.exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_part_files_are_removed(fake_model: bytes, cache: Path) -> None:
    folder = cache / "models"
    folder.mkdir(parents=True)
    name = f"qwen2.5-coder-0.5b-instruct-q4_k_m-{local.GGUF_SHA256[:12]}"
    dead = _dead_pid()
    # two live processes of their own: the parent may be process 1 when pytest is detached
    idler = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        killed_before = folder / f"{name}.{dead}.part"  # the naming of earlier versions
        killed = folder / f"{name}.gguf.{dead}.part"
        idle = folder / f"{name}.gguf.{idler.pid}.part"  # a live process, idle for an hour
        live = folder / f"{name}.gguf.{writer.pid}.part"  # a live process, written just now
        for path in (killed_before, killed, idle, live):
            path.write_bytes(b"half a model")
        info = idle.stat()
        os.utime(idle, ns=(info.st_atime_ns, info.st_mtime_ns - 3_600 * 10**9))

        target = assemble_default_model(cache)
        assert target.read_bytes() == fake_model
        assert [p.name for p in folder.glob("*.part")] == [live.name]
    finally:
        for proc in (idler, writer):
            proc.kill()
            proc.wait()
