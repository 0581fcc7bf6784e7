"""Pin the matching rules of newsbrief.evaluate on hand-made cases."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from newsbrief.evaluate import (
    EvalReport,
    GoldAnnotation,
    GoldFigure,
    GoldMeeting,
    Score,
    evaluate,
    load_gold,
    names_match,
    normalise_name,
    pair_files,
    render_markdown,
    render_table,
    score_article,
)
from newsbrief.models import (
    Briefing,
    Evidence,
    Figure,
    Meeting,
    Party,
    Person,
    Position,
    Source,
)
from tests.evaluate.helpers import ev, gold_of, make_briefing
from tests.paths import ROOT

DEV = ROOT.parent / "shared" / "dev"
needs_dev = pytest.mark.skipif(
    not DEV.is_dir(), reason="needs the dev set at ../shared/dev beside the project"
)
SEED = "00-seed-rafah"

BODY = (
    "Officials said at least 20 people were killed in the blast on Sunday. "
    "Separately, 300 families were displaced by floods in the north. "
    "The two foreign ministers will meet in Cairo on Monday to discuss a truce."
)


KILLED = {
    "metric": "killed",
    "value": 20,
    "value_text": "at least 20 people",
    "quote": "at least 20 people were killed in the blast",
}


def figure(value: float, quote: str, value_text: str = "20") -> Figure:
    return Figure(metric="killed", value=value, value_text=value_text, evidence=[ev(BODY, quote)])


# --------------------------------------------------------------------------- figures


def test_figure_right_value_and_overlapping_evidence_is_tp() -> None:
    row = score_article(
        "a",
        make_briefing(figures=[figure(20, "20 people were killed")]),
        BODY,
        gold_of(figures=[KILLED]),
    )
    assert (row.figures.tp, row.figures.fp, row.figures.fn) == (1, 0, 0)
    assert row.figures.f1 == 1.0


def test_figure_right_value_but_evidence_elsewhere_is_fp_and_fn() -> None:
    row = score_article(
        "a",
        make_briefing(figures=[figure(20, "300 families were displaced")]),
        BODY,
        gold_of(figures=[KILLED]),
    )
    assert (row.figures.tp, row.figures.fp, row.figures.fn) == (0, 1, 1)
    assert row.spurious["figures"] and row.missed["figures"]


def test_figure_value_off_by_two_percent_misses() -> None:
    row = score_article(
        "a",
        make_briefing(figures=[figure(20.4, "20 people were killed")]),
        BODY,
        gold_of(figures=[KILLED]),
    )
    assert (row.figures.tp, row.figures.fp, row.figures.fn) == (0, 1, 1)


def test_figure_value_within_one_percent_matches() -> None:
    row = score_article(
        "a",
        make_briefing(figures=[figure(20.19, "20 people were killed")]),
        BODY,
        gold_of(figures=[KILLED]),
    )
    assert row.figures.tp == 1


def test_figure_zero_needs_exact_value() -> None:
    gold = gold_of(figures=[{**KILLED, "value": 0}])
    assert score_article(
        "a", make_briefing(figures=[figure(0, "20 people")]), BODY, gold
    ).figures.tp
    near = make_briefing(figures=[figure(0.001, "20 people")])
    assert score_article("a", near, BODY, gold).figures.tp == 0


def test_figure_matches_when_value_text_inside_predicted_quote() -> None:
    gold = gold_of(figures=[{**KILLED, "quote": "not in the body at all"}])
    pred = make_briefing(figures=[figure(20, "said at least 20 people were")])
    assert score_article("a", pred, BODY, gold).figures.tp == 1


def test_figure_gold_quote_found_case_insensitively() -> None:
    gold = gold_of(
        figures=[{**KILLED, "quote": "AT LEAST 20 PEOPLE WERE KILLED", "value_text": ""}]
    )
    pred = make_briefing(figures=[figure(20, "were killed")])
    assert score_article("a", pred, BODY, gold).figures.tp == 1


def test_figures_match_one_to_one_best_first() -> None:
    # Two predictions of the same gold figure: one TP, one FP; the closer value wins.
    pred = make_briefing(figures=[figure(20.1, "20 people"), figure(20, "20 people were")])
    row = score_article("a", pred, BODY, gold_of(figures=[KILLED]))
    assert (row.figures.tp, row.figures.fp, row.figures.fn) == (1, 1, 0)
    assert row.spurious["figures"] == ["20.1 (20)"]


# --------------------------------------------------------------------------- meetings

GOLD_MEETING = {
    "participants": ["Egypt", "Jordan"],
    "when_text": "on Monday",
    "when": "2024-04-01",
    "status": "planned",
    "quote": "will meet in Cairo on Monday",
}


def meeting(status: str, date: dt.date | None, quote: str, date_text: str = "on Monday") -> Meeting:
    return Meeting.model_validate(
        {"status": status, "date": date, "date_text": date_text, "evidence": [ev(BODY, quote)]}
    )


@pytest.mark.parametrize(
    ("status", "date", "status_rate", "date_rate"),
    [
        ("planned", dt.date(2024, 4, 1), 1.0, 1.0),
        ("held", dt.date(2024, 4, 1), 0.0, 1.0),
        ("planned", dt.date(2024, 4, 8), 1.0, 0.0),
        ("held", None, 0.0, 0.0),
    ],
)
def test_meeting_matched_by_overlap_with_accuracies(
    status: str, date: dt.date | None, status_rate: float, date_rate: float
) -> None:
    pred = make_briefing(meetings=[meeting(status, date, "foreign ministers will meet in Cairo")])
    row = score_article("a", pred, BODY, gold_of(meetings=[GOLD_MEETING]))
    assert (row.meetings.tp, row.meetings.fp, row.meetings.fn) == (1, 0, 0)
    assert row.meeting_status.rate == status_rate
    assert row.meeting_date.rate == date_rate


def test_meeting_date_accuracy_skips_gold_without_date() -> None:
    pred = make_briefing(meetings=[meeting("planned", None, "will meet in Cairo")])
    row = score_article("a", pred, BODY, gold_of(meetings=[{**GOLD_MEETING, "when": None}]))
    assert row.meetings.tp == 1
    assert row.meeting_date.total == 0 and row.meeting_date.rate is None
    assert row.meeting_status.rate == 1.0


def test_meeting_elsewhere_does_not_match() -> None:
    pred = make_briefing(meetings=[meeting("planned", None, "killed in the blast on Sunday")])
    row = score_article("a", pred, BODY, gold_of(meetings=[GOLD_MEETING]))
    assert (row.meetings.tp, row.meetings.fp, row.meetings.fn) == (0, 1, 1)
    assert row.meeting_status.rate is None


def test_meeting_matched_by_when_text_in_same_sentence() -> None:
    pred = make_briefing(meetings=[meeting("planned", None, "to discuss a truce")])
    assert score_article("a", pred, BODY, gold_of(meetings=[GOLD_MEETING])).meetings.tp == 1
    other = make_briefing(meetings=[meeting("planned", None, "to discuss a truce", "Tuesday")])
    assert score_article("a", other, BODY, gold_of(meetings=[GOLD_MEETING])).meetings.tp == 0


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Benjamin Netanyahu", "Netanyahu"),
        ("Netanyahu", "Benjamin Netanyahu"),
        ("United States", "U.S."),
        ("United States", "the US"),
        ("United States", "USA"),
        ("United Kingdom", "Britain"),
        ("U.N. Security Council", "United Nations Security Council"),
        ("European Union", "EU"),
        ("The Pentagon", "Pentagon"),
    ],
)
def test_names_match(gold: str, predicted: str) -> None:
    assert names_match(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [("Israel", "Israeli military"), ("Joe Biden", "Hunter Biden"), ("Hamas", "")],
)
def test_names_do_not_match(gold: str, predicted: str) -> None:
    assert not names_match(gold, predicted)


def test_normalise_name() -> None:
    assert normalise_name("The U.S.") == "united states"
    assert normalise_name("Netanyahu’s office") == "netanyahus office"


def test_parties_and_people_scored_with_aliases() -> None:
    pred = make_briefing(
        parties=[
            Party(name="Washington", kind="state", aliases=["U.S."]),
            Party(name="Hamas", kind="armed_group"),
        ],
        people=[Person(name="Netanyahu"), Person(name="Joe Biden")],
    )
    gold = gold_of(
        parties=[{"name": "United States", "kind": "state"}, {"name": "Israel"}],
        people=[{"name": "Benjamin Netanyahu", "role": None}],
    )
    row = score_article("a", pred, BODY, gold)
    assert (row.parties.tp, row.parties.fp, row.parties.fn) == (1, 1, 1)
    assert (row.people.tp, row.people.fp, row.people.fn) == (1, 1, 0)
    assert row.people.precision == 0.5 and row.people.recall == 1.0


def test_equal_name_preferred_over_containment() -> None:
    pred = make_briefing(people=[Person(name="Netanyahu"), Person(name="Benjamin Netanyahu")])
    gold = gold_of(people=[{"name": "Benjamin Netanyahu"}, {"name": "Netanyahu"}])
    assert score_article("a", pred, BODY, gold).people.tp == 2


# --------------------------------------------------------------------------- whole articles


def read_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def perfect_briefing(gold: GoldAnnotation, body: str) -> Briefing:
    def evs(quote: str) -> list[Evidence]:
        return [ev(body, quote)] if quote and quote in body else []

    return make_briefing(
        parties=[Party.model_validate({"name": p.name, "kind": p.kind}) for p in gold.parties],
        people=[Person(name=p.name, role=p.role) for p in gold.people],
        positions=[
            Position(holder=p.holder, topic="t", stance=p.stance, evidence=evs(p.quote))
            for p in gold.positions
        ],
        meetings=[_perfect_meeting(m, evs(m.quote)) for m in gold.meetings],
        figures=[_perfect_figure(f, evs(f.quote)) for f in gold.figures],
        sources=[Source(name=s, kind="other", evidence=evs(s)) for s in gold.sources_cited],
    )


def _perfect_meeting(gold: GoldMeeting, evidence: list[Evidence]) -> Meeting:
    return Meeting.model_validate(
        {
            "participants": gold.participants,
            "date": gold.when,
            "date_text": gold.when_text,
            "status": gold.status,
            "evidence": evidence,
        }
    )


def _perfect_figure(gold: GoldFigure, evidence: list[Evidence]) -> Figure:
    return Figure.model_validate(
        {
            "metric": gold.metric,
            "value": gold.value,
            "value_text": gold.value_text,
            "evidence": evidence,
        }
    )


@needs_dev
def test_perfect_briefing_from_real_gold_scores_one() -> None:
    gold = load_gold(DEV / "gold" / f"{SEED}.json")
    body = read_body(DEV / "articles" / f"{SEED}.txt")
    briefing = perfect_briefing(gold, body)
    report = evaluate([(SEED, briefing, body, gold, None)])
    row = report.articles[0]
    for score in (row.figures, row.meetings, row.parties, row.people):
        assert score.f1 == 1.0
    assert (row.figures.tp, row.meetings.tp, row.parties.tp, row.people.tp) == (2, 4, 8, 6)
    assert row.meeting_date.rate == 1.0 and row.meeting_date.total == 2
    assert row.meeting_status.rate == 1.0
    assert row.grounding.rate == 1.0 and row.grounding.total > 0
    assert row.wall_s == 2.5 and row.tokens == 15
    assert report.totals.figures.f1 == 1.0
    assert not row.missed and not row.spurious


@needs_dev
def test_empty_briefing_scores_recall_zero() -> None:
    gold = load_gold(DEV / "gold" / f"{SEED}.json")
    body = read_body(DEV / "articles" / f"{SEED}.txt")
    row = score_article(SEED, make_briefing(), body, gold, wall_s=1.0)
    for score in (row.figures, row.meetings, row.parties, row.people):
        assert score.recall == 0.0 and score.f1 == 0.0 and score.tp == 0
    assert row.figures.fn == 2
    assert row.grounding.rate is None
    assert row.wall_s == 1.0


def test_score_edge_cases() -> None:
    assert Score.of(0, 0, 0).f1 == 1.0
    assert Score.of(0, 2, 0).precision == 0.0
    assert Score.of(0, 2, 0).recall == 0.0
    assert Score.of(0, 0, 3).precision == 0.0
    assert Score.of(1, 1, 0).f1 == pytest.approx(2 / 3)


def test_grounding_rate_counts_bad_offsets() -> None:
    good = ev(BODY, "20 people")
    bad = Evidence(quote="20 people", start=0, end=9)
    pred = make_briefing(
        figures=[Figure(metric="killed", value=20, value_text="20", evidence=[good, bad])]
    )
    row = score_article("a", pred, BODY, gold_of())
    assert (row.grounding.correct, row.grounding.total) == (1, 2)


def test_totals_are_micro_averaged() -> None:
    gold = gold_of(figures=[KILLED])
    hit = make_briefing(figures=[figure(20, "20 people")])
    miss = make_briefing(figures=[figure(300, "300 families")])
    report = evaluate([("a", hit, BODY, gold, 1.0), ("b", miss, BODY, gold, 3.0)])
    totals = report.totals
    assert (totals.figures.tp, totals.figures.fp, totals.figures.fn) == (1, 1, 1)
    assert totals.figures.precision == 0.5
    assert totals.wall_s == 4.0 and report.median_wall_s == 2.0 and totals.tokens == 30
    assert EvalReport.model_validate_json(report.model_dump_json()) == report


def test_renderers() -> None:
    gold = gold_of(figures=[KILLED])
    report = evaluate(
        [("01-blast", make_briefing(figures=[figure(20, "20 people")]), BODY, gold, None)]
    )
    text = render_table(report)
    assert "01-blast" in text and "total" in text and "1.00/1.00/1.00" in text
    assert "\x1b[" not in text
    md = render_markdown(report).splitlines()
    assert md[0].startswith("| Article | Figures P/R/F1")
    assert md[1].startswith("|---|---:")
    assert md[3].startswith("| **total** |")


def test_load_gold_tolerates_missing_and_null(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(
        json.dumps(
            {
                "parties": None,
                "people": [None, {"name": "Ann Lee", "role": None}],
                "figures": [{"value": 3, "value_text": "three", "quote": None, "extra": 1}],
                "meetings": [{"when": None, "when_text": None, "status": "held"}],
            }
        ),
        encoding="utf-8",
    )
    gold = load_gold(path)
    assert gold.parties == [] and gold.sources_cited == []
    assert [p.name for p in gold.people] == ["Ann Lee"] and gold.people[0].role is None
    assert gold.figures[0].quote == "" and gold.figures[0].value == 3
    assert gold.meetings[0].when is None and gold.meetings[0].quote == ""


@needs_dev
def test_all_dev_gold_files_load() -> None:
    for article, gold_path in pair_files(DEV / "articles", DEV / "gold"):
        gold = load_gold(gold_path)
        body = read_body(article)
        row = score_article(article.stem, perfect_briefing(gold, body), body, gold)
        assert row.meetings.f1 == 1.0 and row.parties.f1 == 1.0 and row.people.f1 == 1.0
        assert row.figures.f1 == 1.0, article.stem


def test_pair_files_skips_missing_gold(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "g").mkdir()
    for stem in ("01-one", "02-two"):
        (tmp_path / "a" / f"{stem}.txt").write_text("x", encoding="utf-8")
    (tmp_path / "g" / "01-one.json").write_text("{}", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="newsbrief.evaluate"):
        pairs = pair_files(tmp_path / "a", tmp_path / "g")
    assert pairs == [(tmp_path / "a" / "01-one.txt", tmp_path / "g" / "01-one.json")]
    assert "02-two" in caplog.text


def test_metric_accuracy_counts_matched_figures_with_the_gold_metric() -> None:
    """A figure matched on value and evidence still reports whether its label is right."""
    body = "At least 20 people were killed and 1,500 fled the town."
    gold = gold_of(
        figures=[
            {
                "metric": "killed",
                "value": 20,
                "value_text": "At least 20",
                "quote": "At least 20 people were killed",
            },
            {
                "metric": "displaced",
                "value": 1500,
                "value_text": "1,500",
                "quote": "1,500 fled the town",
            },
        ]
    )
    pred = [
        Figure(
            metric="killed",
            value=20,
            value_text="At least 20",
            evidence=[ev(body, "At least 20 people were killed")],
        ),
        Figure(
            metric="population",
            value=1500,
            value_text="1,500",
            evidence=[ev(body, "1,500 fled the town")],
        ),
    ]
    row = score_article("x", make_briefing(figures=pred), body, gold)
    assert row.figures.f1 == 1.0
    assert (row.figure_metric.correct, row.figure_metric.total) == (1, 2)
