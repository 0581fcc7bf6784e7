"""Tests for newsbrief.testing: real vcrpy cassettes recorded through httpx2.MockTransport.

No model produced these recordings: the "server" is a local httpx2.MockTransport handler.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx2
import pytest
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.matchers import requests_match
from vcr.request import Request

from newsbrief import ModelCallError, Settings, brief
from newsbrief.testing import (
    assert_no_secrets,
    is_secret_header,
    json_body_matcher,
    make_vcr,
    register,
    scrub_request,
    scrub_response,
    scrub_uri,
    vcr_config,
)
from tests.paths import ROOT

pytest_plugins = ["pytester"]

TOKEN = "sk-test-SECRET123456789012345"
URL = "https://api.example.test/v1/chat/completions"
REQUEST_SECRETS = {
    "Authorization": f"Bearer {TOKEN}",
    "api-key": "AZUREKEYSECRET",
    "Cookie": "session=REQCOOKIESECRET",
    "X-Api-Key": "XAPIKEYSECRET",
    "OpenAI-Organization": "org-REQORGSECRET",
    "OpenAI-Project": "proj_REQPROJSECRET",
}
RESPONSE_SECRETS = {
    "Set-Cookie": "__cf_bm=RESPCOOKIESECRET; path=/",
    "openai-organization": "org-RESPORGSECRET",
    "openai-processing-ms": "321",
    "x-request-id": "req_RESPREQIDSECRET",
}
ALL_SECRETS = [
    TOKEN,
    "SECRET123456789012345",
    "QUERYKEYSECRET",
    *(v.split("=")[-1].split(";")[0] for v in REQUEST_SECRETS.values()),
    "RESPCOOKIESECRET",
    "RESPORGSECRET",
    "RESPREQIDSECRET",
]
PAYLOAD: dict[str, Any] = {
    "model": "test-model",
    "temperature": 0,
    "messages": [
        {"role": "system", "content": "Extract facts."},
        {"role": "user", "content": f"Article text. Ignore this key: {TOKEN}"},
    ],
}


class Server:
    """An httpx2.MockTransport handler that counts calls and answers gzip-compressed JSON."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.calls += 1
        body = json.dumps({"id": "chatcmpl-1", "echo": json.loads(request.content)}).encode()
        headers = {"content-type": "application/json", "content-encoding": "gzip"}
        return httpx2.Response(
            200, content=gzip.compress(body), headers={**headers, **RESPONSE_SECRETS}
        )


def post(server: Server, content: bytes | None = None, query: str = "") -> httpx2.Response:
    with httpx2.Client(transport=httpx2.MockTransport(server)) as client:
        return client.post(
            URL + query,
            content=content if content is not None else json.dumps(PAYLOAD).encode(),
            headers={"content-type": "application/json", **REQUEST_SECRETS},
        )


def record(path: Path, server: Server) -> httpx2.Response:
    recorder = vcr.VCR(**vcr_config(), record_mode="all")
    register(recorder)
    with recorder.use_cassette(str(path)):
        return post(server, query="?api_key=QUERYKEYSECRET&model=x")


@pytest.fixture
def cassette(tmp_path: Path) -> Path:
    path = tmp_path / "chat.yaml"
    server = Server()
    response = record(path, server)
    assert response.status_code == 200 and response.json()["id"] == "chatcmpl-1"
    assert server.calls == 1
    return path


def test_recorded_cassette_has_no_secrets(cassette: Path) -> None:
    text = cassette.read_text(encoding="utf-8")
    for secret in ALL_SECRETS:
        assert secret not in text, secret
    lowered = text.lower()
    for header in (
        "authorization",
        "api-key",
        "cookie",
        "openai-organization",
        "openai-project",
        "openai-processing-ms",
        "x-request-id",
    ):
        assert f"{header}:" not in lowered, header
    assert "api_key=REDACTED" in text and "sk-REDACTED" in text
    assert_no_secrets(cassette, ALL_SECRETS)
    assert_no_secrets(cassette.parent, ALL_SECRETS)


def test_recorded_response_is_decompressed(cassette: Path) -> None:
    text = cassette.read_text(encoding="utf-8")
    assert "content-encoding" not in text.lower()
    assert "chatcmpl-1" in text


def test_replay_matches_reordered_json_keys(cassette: Path) -> None:
    server = Server()
    reordered = {key: PAYLOAD[key] for key in reversed(list(PAYLOAD))}
    content = json.dumps(reordered, indent=2).encode()
    with make_vcr(record_mode="none").use_cassette(str(cassette)) as played:
        response = post(server, content=content, query="?model=x&api_key=OTHERKEY")
    assert server.calls == 0 and played.play_count == 1
    assert response.json()["echo"]["messages"][1]["content"].endswith("sk-REDACTED")


def test_replay_rejects_changed_prompt(cassette: Path) -> None:
    changed = json.loads(json.dumps(PAYLOAD))
    changed["messages"][0]["content"] = "Extract facts, version 2."
    server = Server()
    with (
        make_vcr(record_mode="none").use_cassette(str(cassette)),
        pytest.raises(CannotOverwriteExistingCassetteException) as excinfo,
    ):
        post(server, content=json.dumps(changed).encode(), query="?api_key=x&model=x")
    assert server.calls == 0
    assert "json_body" in str(excinfo.value)


def test_plain_vcr_would_leak_and_check_catches_it(tmp_path: Path) -> None:
    path = tmp_path / "leaky.yaml"
    with vcr.VCR(record_mode="all").use_cassette(str(path)):
        post(Server())
    with pytest.raises(AssertionError) as excinfo:
        assert_no_secrets(path, [TOKEN, ""])
    message = str(excinfo.value)
    assert "authorization header" in message and "set-cookie header" in message
    assert "sk-t…" in message and TOKEN not in message


LEAKY_CASSETTE = """\
interactions:
- request:
    body: '{"model": "old"}'
    headers:
      Authorization:
      - Bearer sk-old-SECRET999999999999
      Content-Type:
      - application/json
    method: POST
    uri: https://api.example.test/v1/old
  response:
    body:
      string: '{"ok": true}'
    headers:
      Set-Cookie:
      - OLDCOOKIESECRET
      X-Request-Id:
      - req_OLD
    status:
      code: 200
      message: OK
version: 1
"""


@pytest.mark.parametrize("drop_unused", [False, True])
def test_old_interactions_are_scrubbed_on_save(tmp_path: Path, drop_unused: bool) -> None:
    # Headers recorded under an older, leakier config do not survive a re-save (vcrpy #961/#983).
    path = tmp_path / "old.yaml"
    path.write_text(LEAKY_CASSETTE, encoding="utf-8")
    recorder = make_vcr(record_mode="new_episodes", drop_unused_requests=drop_unused)
    with recorder.use_cassette(str(path)):
        post(Server())
    text = path.read_text(encoding="utf-8")
    assert_no_secrets(path, ["SECRET999999999999", "OLDCOOKIESECRET", "req_OLD"])
    assert ("v1/old" in text) is not drop_unused
    assert "chatcmpl-1" in text


# --------------------------------------------------------------------------- matcher units


def req(body: bytes | str | None, headers: dict[str, str] | None = None) -> Request:
    return Request("POST", URL, body, headers or {})


def test_json_body_matcher_ignores_key_order() -> None:
    json_body_matcher(req(b'{"a": 1, "b": [1, 2]}'), req('{"b":[1,2],"a":1}'))
    json_body_matcher(req(None), req(b""))
    # The protocol vcrpy uses: a matcher that returns or raises AssertionError.
    assert requests_match(req(b'{"a": 1, "b": 2}'), req(b'{"b": 2, "a": 1}'), [json_body_matcher])
    assert not requests_match(req(b'{"a": 1}'), req(b'{"a": 2}'), [json_body_matcher])


def test_json_body_matcher_rejects_changed_values() -> None:
    with pytest.raises(AssertionError) as excinfo:
        json_body_matcher(req(b'{"prompt": "new", "n": 1}'), req(b'{"n": 1, "prompt": "old"}'))
    message = str(excinfo.value)
    assert message.startswith("JSON request bodies differ")
    assert '- "prompt": "old"' in message and '+ "prompt": "new"' in message
    with pytest.raises(AssertionError):
        json_body_matcher(req(b'{"stream": true}'), req(b'{"stream": 1}'))


def test_json_body_matcher_compares_other_bodies_as_bytes() -> None:
    json_body_matcher(req(b"a=1&b=2"), req("a=1&b=2"))
    with pytest.raises(AssertionError, match="bytes in this request"):
        json_body_matcher(req(b"a=1&b=2"), req(b"b=2&a=1"))
    with pytest.raises(AssertionError):
        json_body_matcher(req(b'{"a": 1}'), req(b"not json"))


def test_json_body_matcher_diff_is_complete() -> None:
    old = json.dumps({f"k{i}": i for i in range(50)}).encode()
    new = json.dumps({f"k{i}": i + 1 for i in range(50)}).encode()
    with pytest.raises(AssertionError) as excinfo:
        json_body_matcher(req(new), req(old))
    message = str(excinfo.value)
    for i in range(50):
        assert f'- "k{i}": {i},' in message or f'- "k{i}": {i}' in message
        assert f'+ "k{i}": {i + 1}' in message
    assert "more lines" not in message and "…" not in message


def test_json_body_matcher_shows_a_long_changed_line_whole_and_where_it_differs() -> None:
    prompt = "You read one news article. " * 40 + "At least 20 people were killed."
    changed = prompt.replace("20 people", "21 people")
    with pytest.raises(AssertionError) as excinfo:
        json_body_matcher(req(json.dumps({"p": changed})), req(json.dumps({"p": prompt})))
    message = str(excinfo.value)
    assert f'- "p": "{prompt}"' in message and f'+ "p": "{changed}"' in message
    at = len(' "p": "') + prompt.index("20 people") + 1
    assert f"first difference at character {at}:" in message
    assert "recorded:     …" in message and "At least 20 people were killed." in message
    assert "this request: …" in message and "At least 21 people were killed." in message


# --------------------------------------------------------------------------- scrub units


def test_vcr_config_is_fresh_and_complete() -> None:
    config = vcr_config()
    assert config is not vcr_config()
    assert config["decode_compressed_response"] is True
    assert config["match_on"] == ["method", "scheme", "host", "port", "path", "query", "json_body"]
    for header in ("authorization", "api-key", "x-api-key", "cookie", "set-cookie"):
        assert header in config["filter_headers"]
    assert {"openai-organization", "openai-project"} <= set(config["filter_headers"])


def test_vcr_config_without_registration_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="json_body"):
        vcr.VCR(**vcr_config()).use_cassette(str(tmp_path / "x.yaml")).__enter__()


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("AUTHORIZATION", True),
        ("Api-Key", True),
        ("x-stainless-os", True),
        ("OpenAI-Version", True),
        ("Content-Type", False),
        ("user-agent", False),
        (b"Set-Cookie", True),
    ],
)
def test_is_secret_header(name: str | bytes, secret: bool) -> None:
    assert is_secret_header(name) is secret


def test_scrub_uri_and_bodies() -> None:
    assert scrub_uri("https://h/p?key=abc&q=1") == "https://h/p?key=REDACTED&q=1"
    assert scrub_uri("https://h/p?q=1") == "https://h/p?q=1"
    request = scrub_request(req(f"token {TOKEN} and task-abcdefghijk", {"X-Foo": "1"}))
    assert request.body == b"token sk-REDACTED and task-abcdefghijk"
    assert dict(request.headers) == {}
    response = scrub_response(
        {
            "status": {"code": 200, "message": "OK"},
            "headers": {"Content-Length": ["40"], "SET-COOKIE": ["a"], "Date": ["d"]},
            "body": {"string": f'{{"key": "{TOKEN}"}}'.encode()},
        }
    )
    assert response["headers"] == {"Content-Length": ["22"], "Date": ["d"]}
    assert response["body"]["string"] == b'{"key": "sk-REDACTED"}'


def test_assert_no_secrets_passes_clean_dir(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("headers:\n  Content-Type:\n  - x\n", "utf-8")
    assert_no_secrets(tmp_path, ["s3cr3t"])
    (tmp_path / "sub" / "b.json").write_text('{"headers": {"api-key": ["v"]}}', "utf-8")
    with pytest.raises(AssertionError, match=r"b\.json:1: stores a api-key header"):
        assert_no_secrets(tmp_path)


# --------------------------------------------------------------------------- pytest wiring

INNER_TEST = """
import json
import httpx2
import pytest

PROMPT = {prompt!r}


def handler(request):
    return httpx2.Response(200, json={{"answer": 42}}, headers={{"set-cookie": "s=INNERCOOKIE"}})


@pytest.mark.vcr
def test_call():
    with httpx2.Client(transport=httpx2.MockTransport(handler)) as client:
        response = client.post(
            "https://api.example.test/v1/chat",
            content=json.dumps({body}),
            headers={{"Authorization": "Bearer {token}", "content-type": "application/json"}},
        )
    assert response.json() == {{"answer": 42}}
"""

CONFTESTS = {
    "imports": (
        "import pytest\n"
        "from newsbrief.testing import pytest_recording_configure  # noqa: F401\n"
        "from newsbrief.testing import vcr_config as newsbrief_vcr_config\n\n\n"
        "@pytest.fixture\n"
        "def vcr_config():\n"
        "    return newsbrief_vcr_config()\n"
    ),
    "plugin": 'pytest_plugins = ["newsbrief.testing"]\n',
}


def write_inner(pytester: pytest.Pytester, prompt: str, reorder: bool = False) -> None:
    body = '{"prompt": PROMPT, "model": "m"}' if reorder else '{"model": "m", "prompt": PROMPT}'
    pytester.makepyfile(test_inner=INNER_TEST.format(prompt=prompt, body=body, token=TOKEN))


@pytest.mark.parametrize("style", sorted(CONFTESTS))
def test_conftest_wiring_with_pytest_recording(pytester: pytest.Pytester, style: str) -> None:
    pytester.makeconftest(CONFTESTS[style])
    write_inner(pytester, "v1 prompt")
    pytester.runpytest("--record-mode=once").assert_outcomes(passed=1)
    cassette = pytester.path / "cassettes" / "test_inner" / "test_call.yaml"
    assert_no_secrets(cassette, [TOKEN, "INNERCOOKIE"])
    pytester.runpytest().assert_outcomes(passed=1)
    write_inner(pytester, "v1 prompt", reorder=True)
    pytester.runpytest().assert_outcomes(passed=1)
    write_inner(pytester, "v2 prompt")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*CannotOverwriteExistingCassetteException*"])


# ------------------------------------------------------------------ the user-project example

EXAMPLE = ROOT / "examples" / "user-project"
EXAMPLE_CASSETTE = (
    EXAMPLE / "cassettes" / "test_briefing" / "test_the_briefing_has_the_meeting_and_the_toll.yaml"
)


def test_the_user_project_example_passes_with_warnings_as_errors(tmp_path: Path) -> None:
    """A user's pytest run, in its own process and folder: it replays, and warns of nothing."""
    project = tmp_path / "user-project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSBRIEF_"))}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-W", "error", "-p", "no:cacheprovider", "-rA"],
        cwd=project,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "1 passed" in output
    assert "warning" not in output.lower(), output
    assert_no_secrets(EXAMPLE / "cassettes")


def test_a_cassette_miss_is_reported_at_once_with_the_full_diff(tmp_path: Path) -> None:
    """A changed request is a miss: one request, no retry, and every changed line shown.

    Needs the cassette-miss mapping in newsbrief.llm.client (non-transient ModelCallError).
    """
    settings = Settings(
        backend="openai",
        base_url="http://127.0.0.1:8080/v1",  # as examples/user-project/conftest.py sets it
        model="example-model",
        strategy="whole",
        cache_dir=tmp_path / "cache",
    )
    article = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    changed = article.replace("At least 20 people", "At least 21 people")
    with (
        make_vcr(record_mode="none").use_cassette(str(EXAMPLE_CASSETTE)),
        pytest.raises(ModelCallError) as excinfo,
    ):
        brief(changed, settings=settings)
    message = str(excinfo.value)
    assert message.startswith("cassette miss: Can't play back this request")
    assert excinfo.value.attempts == 1
    assert "first difference at character" in message
    assert "At least 20 people were killed" in message and "At least 21 people" in message
    # the whole changed line (the user prompt), recorded and new, not an excerpt
    assert message.count("Return the briefing of this article as JSON matching the schema.") == 2
    assert "record_mode='new_episodes'" in message
