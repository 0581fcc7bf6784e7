"""The OpenAI Batch API mode of `newsbrief daily` (whole-article strategy only).

`export_batch` writes one chat-completion request per article, exactly the request the live
whole-article call sends, as an OpenAI Batch input file (vLLM's `run_batch` reads the same
format). The provider answers hours later with an output file; `import_batch` reads it,
validates each answer into a `Draft` and grounds it with the same code as the live path.
A live call re-asks once for quotes that are not in the article; a batch result cannot, so
those facts are dropped (listed in meta.dropped). `batch_daily` turns an import into the
day's JSON, Markdown and HTML, like `run_daily`.

Each request's `custom_id` is `<article id>:<hash of the request body>`: a result answers
exactly one request, and a result for an article whose text, prompt, model or schema changed
since the export is reported as stale instead of being applied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from newsbrief.daily.cache import atomic_write_text
from newsbrief.daily.entries import entry_for
from newsbrief.daily.inputs import InputArticle
from newsbrief.daily.models import Coverage, DailyBriefing
from newsbrief.daily.run import build_daily, ensure_writable, write_outputs
from newsbrief.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelCallError,
    NewsbriefError,
    UsageError,
    one_line,
)
from newsbrief.models import Briefing, CallStats, Usage
from newsbrief.settings import Settings
from newsbrief.strategies import STRATEGIES, Job, stamp
from newsbrief.strategies.prompts import PromptSet
from newsbrief.strategies.whole import DRAFT_MAX_TOKENS, NOT_FOUND, Draft, assemble, whole_messages
from newsbrief.text.article import Article, validate_body

log = logging.getLogger(__name__)

BATCH_URL = "/v1/chat/completions"
MAX_BATCH_REQUESTS = 50_000
"""The most requests OpenAI accepts in one batch input file."""

NO_REASK = f"{NOT_FOUND} (batch: no re-ask)"
NO_RESULT = "no result in the batch output"
STALE = (
    "stale batch result: it answers an older request (the article, prompt, model or schema "
    "changed since the export)"
)

BatchResult = tuple[InputArticle, Briefing | None, str | None]
"""One input, and its briefing or the one-line reason it has none."""


def _whole_prompts(settings: Settings) -> PromptSet:
    if settings.effective_strategy != "whole":
        raise ConfigError(
            "batch mode needs the whole-article strategy (one request per article); the "
            "candidates strategy makes many small interactive calls per article: set "
            "NEWSBRIEF_STRATEGY=whole"
        )
    return STRATEGIES["whole"].prompts()


def request_body(article: Article, prompts: PromptSet, settings: Settings) -> dict[str, Any]:
    """The chat-completion request the live whole-article call sends for `article`."""
    return {
        "model": settings.model,
        "messages": whole_messages(article.body, article.published, article.title, prompts),
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": Draft.__name__, "schema": Draft.model_json_schema()},
        },
        "temperature": 0,
        "seed": 0,
        "max_tokens": DRAFT_MAX_TOKENS,
    }


def custom_id(article_id: str, body: Mapping[str, Any]) -> str:
    """`<article id>:<first 12 hex digits of the sha256 of the canonical request body>`."""
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"{article_id}:{hashlib.sha256(canonical.encode()).hexdigest()[:12]}"


def _checked(item: InputArticle, settings: Settings) -> tuple[Article | None, str | None]:
    if item.article is None:
        return None, item.error or "unreadable input"
    try:
        validate_body(item.article.body, max_chars=settings.max_chars)
    except NewsbriefError as exc:
        return None, one_line(exc)
    return item.article, None


def _unique_ids(inputs: list[InputArticle]) -> None:
    if len({item.id for item in inputs}) != len(inputs):
        raise UsageError("input ids must be unique (iter_inputs makes them so)")


def export_batch(inputs: list[InputArticle], path: Path, *, settings: Settings) -> int:
    """Write one OpenAI Batch request per readable article to `path` (JSON lines).

    The file is byte-identical for the same inputs, prompt, model and schema. Unreadable
    or invalid articles are skipped with a warning (`import_batch` records their error).

    Args:
        inputs: Articles from `iter_inputs`, with unique ids.
        path: The batch input file to write (replaced atomically).
        settings: Model settings; the strategy must be 'whole' (or 'auto' on an endpoint).

    Returns:
        The number of requests written.

    Raises:
        ConfigError: The strategy is 'candidates', which batch mode does not support.
    """
    prompts = _whole_prompts(settings)
    _unique_ids(inputs)
    lines: list[str] = []
    for item in inputs:
        article, error = _checked(item, settings)
        if article is None:
            log.warning("article %s not exported: %s", item.id, error)
            continue
        body = request_body(article, prompts, settings)
        line = {"custom_id": custom_id(item.id, body), "method": "POST", "url": BATCH_URL}
        lines.append(json.dumps({**line, "body": body}, ensure_ascii=False))
    if len(lines) > MAX_BATCH_REQUESTS:
        log.warning("%d requests: OpenAI takes at most %d a batch", len(lines), MAX_BATCH_REQUESTS)
    atomic_write_text(path, "".join(f"{line}\n" for line in lines))
    log.info("wrote %d batch requests to %s", len(lines), path)
    return len(lines)


def _read_output(path: Path) -> dict[str, dict[str, Any]]:
    """The provider's output lines by custom_id; unusable lines are skipped with a warning.

    Raises:
        InputError: The file is not UTF-8 text, or none of its lines is a result.
        OSError: The file cannot be read.
    """
    results: dict[str, dict[str, Any]] = {}
    lines = 0
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if raw.strip():
                    lines += 1
                    _add_result(results, raw, f"{path}:{lineno}")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a batch output file: it is not UTF-8 text") from None
    if lines and not results:
        raise InputError(
            f"{path} is not a batch output file: no line is a JSON object with a custom_id"
        )
    return results


def _add_result(results: dict[str, dict[str, Any]], raw: str, where: str) -> None:
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        log.warning("%s: not JSON (%s), skipped", where, _short(str(exc), 80))
        return
    cid = record.get("custom_id") if isinstance(record, dict) else None
    if not isinstance(cid, str):
        log.warning("%s: no custom_id, skipped", where)
    elif cid in results:
        log.warning("%s: custom_id %r repeated, skipped", where, cid)
    else:
        results[cid] = record


def _error_of(record: Mapping[str, Any]) -> str | None:
    """The provider's reason a request failed, or None when it answered HTTP 200."""
    error = record.get("error")
    if error:
        if isinstance(error, dict):
            return f"{error.get('code') or 'error'}: {error.get('message') or 'no message'}"
        return str(error)
    response = record.get("response")
    if not isinstance(response, dict):
        return "no response"
    status = response.get("status_code")
    if status == 200:
        return None
    body = response.get("body")
    detail = body.get("error") if isinstance(body, dict) else None
    message = detail.get("message") if isinstance(detail, dict) else None
    return f"HTTP {status}: {message or 'no message'}"


def _short(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _validation_summary(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in err['loc']) or 'output'}: {err['msg']}"
        for err in exc.errors()
    )


def _usage_of(usage: Mapping[str, Any]) -> Usage:
    tokens = {k: int(usage.get(k) or 0) for k in ("prompt_tokens", "completion_tokens")}
    total = int(usage.get("total_tokens") or 0) or sum(tokens.values())
    return Usage(**tokens, total_tokens=total)


def _draft_of(record: Mapping[str, Any]) -> tuple[Draft, Usage]:
    """The validated Draft and token usage of one result line, or a NewsbriefError."""
    if (failure := _error_of(record)) is not None:
        raise ModelCallError(f"the batch request failed: {_short(failure)}", provider="batch")
    try:
        completion = record["response"]["body"]
        choice = completion["choices"][0]
        message = choice["message"]
        if not isinstance(choice, dict) or not isinstance(message, dict):
            raise TypeError("choices[0] or its message is not an object")
        usage = _usage_of(completion.get("usage") or {})
    except (LookupError, TypeError, AttributeError, ValueError, OverflowError) as exc:
        raise ExtractionError(f"unusable batch result: {_short(repr(exc))}") from None
    if choice.get("finish_reason") == "length":
        raise ExtractionError("the model's output was cut off (finish_reason=length)", usage=usage)
    if message.get("refusal"):
        raise ExtractionError(f"the model refused: {_short(str(message['refusal']))}", usage=usage)
    try:
        draft = Draft.model_validate_json(message.get("content") or "", strict=True)
    except ValidationError as exc:
        reason = f"the model's output never validated: {_short(_validation_summary(exc))}"
        raise ExtractionError(reason, usage=usage, last_response=message.get("content")) from None
    return draft, usage


@dataclass
class _Importer:
    """Matches each input to its result line and briefs it; never raises for one article."""

    settings: Settings
    prompts: PromptSet
    results: dict[str, dict[str, Any]]
    used: set[str] = field(default_factory=set)
    by_article: dict[str, list[str]] = field(default_factory=dict)
    matched: int = 0

    def __post_init__(self) -> None:
        for cid in self.results:
            self.by_article.setdefault(cid.rpartition(":")[0], []).append(cid)

    def one(self, item: InputArticle) -> BatchResult:
        article, error = _checked(item, self.settings)
        if article is None:
            return item, None, error
        cid = custom_id(item.id, request_body(article, self.prompts, self.settings))
        record = self.results.get(cid)
        if record is None:
            older = self.by_article.get(item.id, [])
            self.used.update(older)  # reported as stale, not as unknown
            return item, None, STALE if older else NO_RESULT
        self.used.add(cid)
        self.matched += 1
        try:
            return item, self._briefing(article, record), None
        except NewsbriefError as exc:
            log.warning("article %s failed: %s", item.id, one_line(exc))
            return item, None, one_line(exc)
        except Exception as exc:
            log.exception("article %s failed unexpectedly", item.id)
            return item, None, one_line(exc)

    def _briefing(self, article: Article, record: Mapping[str, Any]) -> Briefing:
        draft, usage = _draft_of(record)
        job = Job(
            body=article.body,
            published=article.published,
            title=article.title,
            prompts=self.prompts,
        )
        stats = CallStats(usage=usage, model_calls=1, attempts=1)
        extraction = assemble(job, draft)
        extraction.dropped = [
            d.model_copy(update={"reason": NO_REASK}) if d.reason == NOT_FOUND else d
            for d in extraction.dropped
        ]
        meta = stats.meta(
            model=self.settings.model,
            backend=self.settings.backend,
            strategy="whole",
            prompt=self.prompts.ref,
        )
        return stamp(article, extraction, meta)


def _import(
    inputs: list[InputArticle], path: Path, settings: Settings
) -> tuple[list[BatchResult], int]:
    prompts = _whole_prompts(settings)
    _unique_ids(inputs)
    results = _read_output(path)
    importer = _Importer(settings, prompts, results)
    out = [importer.one(item) for item in inputs]
    for cid in sorted(results.keys() - importer.used):
        log.warning("ignoring result %r: no input article has that custom_id", cid)
    failed = sum(briefing is None for _, briefing, _ in out)
    log.info(
        "imported %d batch results from %s: %d ok, %d failed",
        importer.matched,
        path,
        len(out) - failed,
        failed,
    )
    return out, importer.matched


def import_batch(
    inputs: list[InputArticle], path: Path, *, settings: Settings
) -> list[BatchResult]:
    """Read a provider's Batch output file into one briefing or error per input.

    Each result's message content is validated into a `Draft` and grounded by the same code
    as the live whole-article call; facts whose quote is not in the article are dropped with
    the reason `NO_REASK` (a batch result cannot be re-asked). A failed request (an `error`
    object or a non-200 status), an answer that does not validate, a stale result and a
    missing result each become that article's one-line error. Results whose custom_id names
    no input are ignored with a warning.

    Args:
        inputs: The same articles that were exported, with unique ids.
        path: The provider's output file (JSON lines).
        settings: The settings of the export (model and strategy).

    Returns:
        `(input, briefing, None)` or `(input, None, reason)` for every input, in order.

    Raises:
        ConfigError: The strategy is 'candidates', which batch mode does not support.
        InputError: The output file is not UTF-8 text, or none of its lines is a result.
        OSError: The output file cannot be read.
    """
    return _import(inputs, path, settings)[0]


def batch_daily(
    inputs: list[InputArticle],
    path: Path,
    out_dir: Path,
    *,
    date: dt.date,
    settings: Settings,
    coverage: Coverage | None = None,
) -> DailyBriefing:
    """Import a Batch output file and write `<out_dir>/<date>.json|.md|.html|.ics`.

    The daily briefing is merged exactly as `run_daily` merges it; `stats.model_calls`
    counts the result lines matched to an input (each was one request to the provider).

    Args:
        inputs: The same articles that were exported, with unique ids.
        path: The provider's output file (JSON lines).
        out_dir: Folder for the outputs (created if missing).
        date: The day being briefed; names the output files.
        settings: The settings of the export (model and strategy).
        coverage: Which inputs the day holds (from `select_day`), recorded in the briefing.

    Returns:
        The day's `DailyBriefing`, as written to `<out_dir>/<date>.json`.
    """
    ensure_writable(out_dir)
    started = time.perf_counter()
    results, read = _import(inputs, path, settings)
    entries = [entry_for(item, briefing, error) for item, briefing, error in results]
    tokens = sum(b.meta.usage.total_tokens for _, b, _ in results if b is not None)
    wall_s = time.perf_counter() - started
    daily = build_daily(
        date, entries, model_calls=read, tokens=tokens, wall_s=wall_s, coverage=coverage
    )
    write_outputs(daily, out_dir)
    return daily
