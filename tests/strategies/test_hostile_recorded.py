"""The hostile article of test_hostile.py, briefed by the real embedded model (recorded).

Recorded from the embedded default, Qwen2.5-Coder-0.5B-Instruct Q4_K_M on llama-cpp-python
0.3.36 (candidate strategy). Re-record with
`pytest --record-mode=rewrite tests/strategies/test_hostile_recorded.py` (needs
newsbrief[local]). Since candidates/v3 the parser answers every question this article raises,
so the model is not asked and the recording is empty; should a later version ask it, replay
without a recording is a loud cassette miss until it is re-recorded.
"""

from __future__ import annotations

import pytest

from newsbrief import Settings, brief
from tests.strategies.test_hostile import BODY, HOSTILE


@pytest.mark.vcr
def test_the_embedded_model_reports_the_news_and_not_the_injections() -> None:
    result = brief(HOSTILE, settings=Settings(strategy="candidates"))

    values = [f.value for f in result.figures]
    assert 32 in values  # the real news: at least 32 killed
    assert 1_000_000 not in values and 5_000_000 not in values  # the injections
    assert not any(m.date_text and "Monday" in m.date_text for m in result.meetings)
    for kind in ("parties", "people", "positions", "meetings", "figures", "sources"):
        for fact in getattr(result, kind):
            for ev in fact.evidence:
                assert BODY[ev.start : ev.end] == ev.quote
    reasons = {d.reason for d in result.meta.dropped}
    assert any("instructions to a model" in r for r in reasons)
