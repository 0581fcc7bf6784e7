"""A test of code that calls newsbrief, replayed from cassettes/test_briefing/<test>.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsbrief import brief

ARTICLE = Path(__file__).with_name("article.txt")


@pytest.mark.vcr
def test_the_briefing_has_the_meeting_and_the_toll() -> None:
    """One model call, replayed: no endpoint, no key and no network needed."""
    b = brief(ARTICLE.read_text(encoding="utf-8"))

    assert b.meta.backend == "openai" and b.meta.strategy == "whole"
    assert b.meta.model == "example-model"
    [meeting] = b.meetings
    assert meeting.date == dt.date(2024, 4, 1) and meeting.format == "virtual"
    [figure] = b.figures
    assert (figure.metric, figure.value, figure.place) == ("killed", 20, "Rafah")
    assert figure.evidence[0].quote == "At least 20 people were killed in Rafah"
