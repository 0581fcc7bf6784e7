"""Cassette hygiene for pytest-recording / vcrpy: no secrets on disk, loud prompt drift.

Use it in your own tests of code that calls newsbrief (or any OpenAI-compatible endpoint), as
this project does in its own tests. Two ways to wire it into a ``conftest.py``::

    # conftest.py, either load the whole plugin (fixture + hook) ...
    pytest_plugins = ["newsbrief.testing"]

    # ... or take the pieces
    import pytest
    from newsbrief.testing import pytest_recording_configure  # registers "json_body"
    from newsbrief.testing import vcr_config as newsbrief_vcr_config

    @pytest.fixture
    def vcr_config():
        return newsbrief_vcr_config()  # add your own keys: {**newsbrief_vcr_config(), ...}

Then mark tests with ``@pytest.mark.vcr``, record once with ``pytest --record-mode=once``
(or ``--record-mode=rewrite`` to re-record) and replay offline with plain ``pytest``.
Note that ``from newsbrief.testing import vcr_config`` alone does not make a fixture:
:func:`vcr_config` is a plain function returning the configuration dict.

What the configuration does:

- Drops secret headers, compared case-insensitively, from requests and responses:
  ``authorization``, ``proxy-authorization``, ``api-key``, ``x-api-key``, ``cookie``,
  ``set-cookie``, ``openai-organization``, ``openai-project`` and every ``x-*`` and
  ``openai-*`` header. This is done in ``before_record_request``/``before_record_response``
  hooks and again in ``before_save_interaction`` as the cassette is written, because
  ``filter_headers`` alone has been bypassed by some vcrpy code paths (kevin1024/vcrpy #961,
  #983).
- Replaces the value of the query parameters ``api_key``, ``apikey``, ``api-key``, ``key`` and
  ``access_token`` with ``REDACTED``, and any ``sk-...`` token in request or response bodies with
  ``sk-REDACTED``.
- Stores responses decompressed (``decode_compressed_response=True``).
- Matches on method, scheme, host, port, path, query and the JSON request body compared as
  parsed JSON (:func:`json_body_matcher`): key order does not matter, but a changed prompt is
  a miss, which fails loudly in record mode ``none`` instead of replaying a stale answer.
  The miss names every changed line of the JSON body, in full, and where a long line (a
  prompt) first differs. Inside newsbrief it is a ``ModelCallError`` whose message starts
  with ``cassette miss:``, raised on the first request: a miss is never retried.

What must be the same at replay as at recording: the endpoint's scheme, host, port and path
(``OPENAI_BASE_URL``), and everything that goes into the request body: the model
(``NEWSBRIEF_MODEL``), the strategy (``NEWSBRIEF_STRATEGY``), the prompt version, the chunk
size and JSON mode, and the article. Pin them in the test (or an autouse fixture), not in
the shell that happens to run it.

:func:`assert_no_secrets` checks cassette files after the fact. Nothing here touches global
state: :func:`vcr_config` returns a fresh dict and the matcher is registered on the ``VCR``
instance that pytest-recording passes to :func:`pytest_recording_configure`.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

__all__ = [
    "MATCH_ON",
    "SECRET_HEADERS",
    "assert_no_secrets",
    "is_secret_header",
    "json_body_matcher",
    "make_vcr",
    "pytest_recording_configure",
    "register",
    "scrub_interaction",
    "scrub_request",
    "scrub_response",
    "vcr_config",
]

SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "api-key",
        "x-api-key",
        "cookie",
        "set-cookie",
        "openai-organization",
        "openai-project",
    }
)
SECRET_HEADER_PREFIXES = ("x-", "openai-")
SECRET_QUERY_PARAMS = frozenset({"api_key", "apikey", "api-key", "key", "access_token"})
MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "json_body")
REDACTED = "REDACTED"

_TOKEN = re.compile(r"(?<![A-Za-z0-9_\-])sk-(?!REDACTED)[A-Za-z0-9_\-]{8,}")
_TOKEN_BYTES = re.compile(rb"(?<![A-Za-z0-9_\-])sk-(?!REDACTED)[A-Za-z0-9_\-]{8,}")


# --------------------------------------------------------------------------- scrubbing


def is_secret_header(name: str | bytes) -> bool:
    """True for a header name that must not be stored in a cassette (any case)."""
    text = name.decode("latin-1") if isinstance(name, bytes) else str(name)
    lowered = text.strip().lower()
    return lowered in SECRET_HEADERS or lowered.startswith(SECRET_HEADER_PREFIXES)


def scrub_text(value: Any) -> Any:
    """Replace ``sk-...`` tokens in a str or bytes value; anything else is returned as is."""
    if isinstance(value, str):
        return _TOKEN.sub("sk-" + REDACTED, value)
    if isinstance(value, (bytes, bytearray)):
        return _TOKEN_BYTES.sub(b"sk-" + REDACTED.encode(), bytes(value))
    return value


def scrub_uri(uri: str) -> str:
    """Replace the values of secret query parameters (``api_key``, ``key``...) in a URI."""
    parts = urlsplit(uri)
    if not parts.query:
        return uri
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(name.lower() in SECRET_QUERY_PARAMS for name, _ in query):
        return uri
    cleaned = [
        (name, REDACTED if name.lower() in SECRET_QUERY_PARAMS else value) for name, value in query
    ]
    return urlunsplit(parts._replace(query=urlencode(cleaned)))


def scrub_request(request: Any) -> Any:
    """Drop secret headers, redact secret query parameters and tokens (a vcrpy request hook).

    Args:
        request: A ``vcr.request.Request``; vcrpy passes a copy, which is changed in place.

    Returns:
        The same request.
    """
    request.headers = {k: v for k, v in request.headers.items() if not is_secret_header(k)}
    request.uri = scrub_uri(request.uri)
    body = request.body
    if isinstance(body, (str, bytes, bytearray)):
        scrubbed = scrub_text(body)
        if scrubbed != body:
            request.body = scrubbed
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Drop secret headers and redact tokens in the body (a vcrpy response hook).

    Args:
        response: vcrpy's response dict (``status``, ``headers``, ``body``).

    Returns:
        A scrubbed copy; ``content-length`` follows the body when redaction changed it.
    """
    response = dict(response)
    headers = response.get("headers")
    if isinstance(headers, dict):
        response["headers"] = {k: v for k, v in headers.items() if not is_secret_header(k)}
    body = response.get("body")
    if isinstance(body, dict) and isinstance(body.get("string"), (str, bytes, bytearray)):
        text = scrub_text(body["string"])
        if text != body["string"]:
            response["body"] = {**body, "string": text}
            _fix_content_length(response, text)
    return response


def _fix_content_length(response: dict[str, Any], body: str | bytes) -> None:
    headers = response.get("headers")
    if not isinstance(headers, dict):
        return
    size = len(body.encode("utf-8") if isinstance(body, str) else body)
    for name in list(headers):
        if name.lower() == "content-length":
            headers[name] = [str(size)]


def scrub_interaction(request: Any, response: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Scrub a whole interaction as it is saved (a vcrpy ``before_save_interaction`` hook)."""
    return scrub_request(request), scrub_response(response)


# --------------------------------------------------------------------------- matching


def _body_bytes(request: Any) -> bytes:
    from vcr.util import read_body

    body = read_body(request)
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (list, tuple)):
        return b"".join(c.encode("utf-8") if isinstance(c, str) else bytes(c) for c in body)
    return bytes(body)


def _canonical_json(body: bytes) -> str | None:
    """The body as sorted, indented JSON text, or None when it is not JSON."""
    if not body.strip():
        return None
    try:
        return json.dumps(json.loads(body), sort_keys=True, indent=1, ensure_ascii=False)
    except (ValueError, UnicodeDecodeError):
        return None


def _first_difference(recorded: str, current: str, around: int = 40) -> str:
    """Where two long lines first differ, with a little text either side."""
    index = next(
        (i for i, (a, b) in enumerate(zip(recorded, current, strict=False)) if a != b),
        min(len(recorded), len(current)),
    )
    start = max(0, index - around)

    def excerpt(text: str) -> str:
        shown = text[start : index + around]
        return ("…" if start else "") + shown + ("…" if index + around < len(text) else "")

    return (
        f"first difference at character {index}:\n"
        f"  recorded:     {excerpt(recorded)}\n"
        f"  this request: {excerpt(current)}"
    )


def _json_diff(recorded: str, current: str, long_line: int = 160) -> str:
    """Every changed line of two JSON texts, in full: a unified diff without context lines.

    A prompt is one JSON string, so one changed word changes a whole, long line; for each
    such pair of lines (longer than ``long_line``) the diff ends with where they first differ.
    """
    old, new = recorded.splitlines(), current.splitlines()
    lines = list(difflib.unified_diff(old, new, "recorded", "this request", n=0, lineterm=""))
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        for before, after in zip(old[i1:i2], new[j1:j2], strict=False):
            if max(len(before), len(after)) > long_line:
                lines.append(_first_difference(before, after))
    return "\n".join(lines)


def json_body_matcher(r1: Any, r2: Any) -> None:
    """Vcrpy matcher: request bodies equal as parsed JSON (key order ignored), else as bytes.

    vcrpy calls matchers with the request being made first and the recorded one second; a
    matcher signals a mismatch by raising ``AssertionError`` (or returning False).

    Raises:
        AssertionError: The bodies differ; the message is the full diff (every changed line).
    """
    current, recorded = _body_bytes(r1), _body_bytes(r2)
    if current == recorded:
        return
    current_json, recorded_json = _canonical_json(current), _canonical_json(recorded)
    if current_json is not None and recorded_json is not None:
        if current_json == recorded_json:
            return
        raise AssertionError(
            "JSON request bodies differ:\n" + _json_diff(recorded_json, current_json)
        )
    raise AssertionError(
        f"request bodies differ ({len(current)} bytes in this request, {len(recorded)} recorded)"
    )


# --------------------------------------------------------------------------- configuration


def vcr_config() -> dict[str, Any]:
    """The configuration for pytest-recording's ``vcr_config`` fixture (or ``vcr.VCR(**...)``).

    ``match_on`` names the ``json_body`` matcher: register it with :func:`register`, which
    :func:`pytest_recording_configure` and :func:`make_vcr` do for you.

    Returns:
        A new dict on each call, safe to extend.
    """
    return {
        "filter_headers": sorted(SECRET_HEADERS),
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "before_save_interaction": scrub_interaction,
        "decode_compressed_response": True,
        "match_on": list(MATCH_ON),
    }


def register(vcr: Any) -> None:
    """Register :func:`json_body_matcher` as ``json_body`` on a ``vcr.VCR`` instance."""

    def json_body(r1: Any, r2: Any) -> None:  # vcrpy's messages name a matcher by __name__
        json_body_matcher(r1, r2)

    vcr.register_matcher("json_body", json_body)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """pytest-recording hook: register the ``json_body`` matcher on each test's VCR."""
    register(vcr)


def make_vcr(**overrides: Any) -> Any:
    """A ``vcr.VCR`` with :func:`vcr_config` (updated by ``overrides``) and the matcher registered.

    For tests that drive vcrpy directly, without pytest-recording's fixtures.
    """
    import vcr

    instance = vcr.VCR(**{**vcr_config(), **overrides})
    register(instance)
    return instance


@pytest.fixture(name="vcr_config")
def _vcr_config_fixture() -> dict[str, Any]:
    """pytest-recording's ``vcr_config``, when this module is loaded with ``pytest_plugins``."""
    return vcr_config()


# --------------------------------------------------------------------------- checking

_HEADER_NAMES = "|".join(map(re.escape, sorted(SECRET_HEADERS)))
# A quoted key anywhere (JSON, YAML flow style) or a bare YAML key at the start of a line.
_HEADER_LINE = re.compile(
    rf"[\"']({_HEADER_NAMES})[\"']\s*:|^[ \t\-]*({_HEADER_NAMES})[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def _mask(secret: str) -> str:
    return secret[:4] + "…" if len(secret) > 4 else "…"


def _problems(path: Path, text: str, secrets: Iterable[str]) -> list[str]:
    found = [f"{path}: contains the secret {_mask(s)}" for s in secrets if s and s in text]
    for match in _HEADER_LINE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        name = match.group(1) or match.group(2)
        found.append(f"{path}:{line}: stores a {name.lower()} header")
    for match in _TOKEN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append(f"{path}:{line}: contains a token {_mask(match.group(0))}")
    return found


def assert_no_secrets(path: str | Path, secrets: Iterable[str] = ()) -> None:
    """Fail if cassette files hold any of ``secrets``, a secret header or an ``sk-`` token.

    Args:
        path: A cassette file, or a folder searched recursively (every file in it).
        secrets: Literal values that must not appear (API keys, cookies...); empty ones are
            ignored.

    Raises:
        AssertionError: Listing each finding by file and line, with secrets masked.
    """
    root = Path(path)
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    wanted = [s for s in secrets if s]
    problems: list[str] = []
    for file in files:
        problems += _problems(file, file.read_text(encoding="utf-8", errors="replace"), wanted)
    if problems:
        raise AssertionError("secrets found in cassettes:\n" + "\n".join(problems))
