"""A measure over nothing is shown as "-", never as a perfect 1.00."""

from __future__ import annotations

from newsbrief.evaluate import GoldAnnotation, evaluate, render_markdown, render_table
from tests.evaluate.helpers import make_briefing

BODY = "Nothing happened today."


def test_totals_over_no_article_show_dashes() -> None:
    text = render_table(evaluate([]))
    assert "1.00" not in text
    total = text.splitlines()[-2].split()
    assert total[0] == "total" and set(total[1:12]) == {"-"}


def test_a_kind_with_nothing_in_gold_or_predicted_shows_a_dash() -> None:
    report = evaluate([("01-quiet", make_briefing(), BODY, GoldAnnotation(), None)])
    assert report.totals.figures.tp + report.totals.figures.fp + report.totals.figures.fn == 0
    markdown = render_markdown(report)
    assert "1.00/1.00/1.00" not in markdown
    assert "| **total** | **-** | **-** | **-** | **-** |" in markdown
