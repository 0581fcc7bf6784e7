"""A structured call prepares its response model once and keeps instructor's behaviour.

`LLM.ask` sends what instructor's `create()` sent, re-asks an invalid answer with the
validation error, counts every request and sums every response's usage; the response model's
wrapper class and JSON schema are built once, not per call. Requests go through a mock
transport (under the real guarded one) that records each body and answers from a script.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2
import instructor
import openai
import pytest

from newsbrief.errors import ExtractionError
from newsbrief.llm import client as llm_client
from newsbrief.llm import structured
from newsbrief.llm.http import GuardedTransport
from newsbrief.models import CallStats, Usage
from newsbrief.settings import Settings
from newsbrief.strategies.whole import Draft
from tests.fault_helpers import good_draft

MESSAGES = [
    {"role": "system", "content": "Draft a briefing."},
    {"role": "user", "content": "At least 20 people were killed in Rafah."},
]
INVALID = {"summary": ["not", "a", "string"], "language": "en"}
SETTINGS = Settings(backend="openai", model="stub-model", base_url="http://mock/v1", api_key="k")

Answer = tuple[dict[str, Any], tuple[int, int]]  # message content, (prompt, completion) tokens


def completion(content: dict[str, Any], tokens: tuple[int, int]) -> dict[str, Any]:
    prompt, answer = tokens
    return {
        "id": "chatcmpl-mock",
        "object": "chat.completion",
        "created": 0,
        "model": "stub-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps(content)},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": answer,
            "total_tokens": prompt + answer,
        },
    }


def scripted(answers: list[Answer], bodies: list[dict[str, Any]]) -> httpx2.MockTransport:
    """Answer request n with answers[n] (the last one for every later request)."""

    def handle(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content))
        content, tokens = answers[min(len(bodies), len(answers)) - 1]
        return httpx2.Response(200, json=completion(content, tokens))

    return httpx2.MockTransport(handle)


def mocked_llm(
    monkeypatch: pytest.MonkeyPatch, answers: list[Answer], settings: Settings = SETTINGS
) -> tuple[llm_client.LLM, list[dict[str, Any]]]:
    bodies: list[dict[str, Any]] = []

    def http_client(settings: Settings) -> httpx2.AsyncClient:
        guarded = GuardedTransport(scripted(answers, bodies), 5.0, settings.api_key)
        return httpx2.AsyncClient(transport=guarded)

    monkeypatch.setattr(llm_client, "http_client", http_client)
    return llm_client.LLM(settings), bodies


def ask(llm: llm_client.LLM, stats: CallStats, times: int = 1) -> Draft:
    async def go() -> Draft:
        async with llm:
            for _ in range(times):
                draft = await llm.ask(Draft, MESSAGES, stats=stats, max_tokens=4096)
            return draft

    return asyncio.run(go())


def instructor_create_body() -> dict[str, Any]:
    """The body instructor's own `create()` sends for the same question (as newsbrief did)."""
    bodies: list[dict[str, Any]] = []
    http = httpx2.AsyncClient(transport=scripted([(good_draft(), (1, 1))], bodies))
    client = instructor.from_openai(
        openai.AsyncOpenAI(api_key="k", base_url="http://mock/v1", http_client=http),
        mode=instructor.Mode.JSON_SCHEMA,
    )

    async def go() -> None:
        async with http:
            await client.create(
                model="stub-model",
                messages=list(MESSAGES),  # type: ignore[arg-type]
                response_model=Draft,
                max_retries=1,
                temperature=0.0,
                seed=0,
                max_tokens=4096,
            )

    asyncio.run(go())
    return bodies[0]


def test_the_request_is_the_one_instructor_create_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    llm, bodies = mocked_llm(monkeypatch, [(good_draft(), (10, 5))])
    draft = ask(llm, CallStats())
    assert isinstance(draft, Draft) and draft.figures[0].value_text == "At least 20"
    assert bodies == [instructor_create_body()]


def test_a_reask_sends_the_validation_error_back_and_is_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    llm, bodies = mocked_llm(monkeypatch, [(INVALID, (10, 5)), (good_draft(), (30, 7))])
    stats = CallStats()
    draft = ask(llm, stats)
    assert draft.summary == good_draft()["summary"]
    assert len(bodies) == 2
    first, second = bodies[0]["messages"], bodies[1]["messages"]
    assert first == MESSAGES
    assert second[:2] == MESSAGES
    assert second[2] == {"role": "assistant", "content": json.dumps(INVALID)}
    assert second[3]["role"] == "user"
    assert second[3]["content"].startswith("Correct your JSON ONLY RESPONSE")
    assert "summary" in second[3]["content"]  # the validation error names the bad field
    assert bodies[1]["response_format"] == bodies[0]["response_format"]
    assert (stats.model_calls, stats.attempts) == (1, 2)  # one question, two requests
    assert stats.usage == Usage(prompt_tokens=40, completion_tokens=12, total_tokens=52)


def test_an_answer_that_never_validates_counts_every_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = SETTINGS
    llm, bodies = mocked_llm(monkeypatch, [(INVALID, (10, 5))], settings)
    stats = CallStats()
    with pytest.raises(ExtractionError) as info:
        ask(llm, stats)
    assert len(bodies) == 1 + settings.max_reasks
    assert info.value.attempts == stats.attempts == len(bodies)
    assert stats.usage.total_tokens == 15 * len(bodies)
    assert "summary" in info.value.errors[0]


def test_calls_do_not_share_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [(INVALID, (1, 1)), (good_draft(), (1, 1))]
    llm, bodies = mocked_llm(monkeypatch, answers)
    ask(llm, CallStats(), times=2)
    assert [len(b["messages"]) for b in bodies] == [2, 4, 2]  # the re-ask did not leak


def test_each_response_model_is_prepared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    llm, bodies = mocked_llm(monkeypatch, [(INVALID, (1, 1)), (good_draft(), (1, 1))])
    prepared = structured.prepare(Draft)
    before = structured.prepare.cache_info()
    ask(llm, CallStats(), times=3)
    after = structured.prepare.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (3, 0)
    assert structured.prepare(Draft) is prepared
    assert issubclass(prepared.model, Draft)
    fresh = {
        "type": "json_schema",
        "json_schema": {"name": "Draft", "schema": Draft.model_json_schema()},
    }
    assert prepared.response_format == fresh  # shared, and still unchanged after a re-ask
    assert all(b["response_format"] == fresh for b in bodies)
