from __future__ import annotations

import pytest

from newsbrief.models import Evidence
from newsbrief.text.grounding import contains_number, ground, locate, normalise
from newsbrief.text.sentences import sentence_spans
from tests.paths import ROOT

BODY = (
    "The United States and Israel will hold a virtual meeting on Monday to discuss "
    "alternative proposals from U.S. President Joe Biden\u2019s administration. The "
    "U.N. Security Council passed a resolution \u2013 the first in months. "
    '"One day later, he sent quiet messages," Axios reported.\n'
    "Over 1,000  people\nfled\u2026 according to the U.N."
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        pytest.param("virtual meeting on Monday", "virtual meeting on Monday", id="exact"),
        pytest.param("Joe Biden's administration", "Joe Biden\u2019s administration", id="apos"),
        pytest.param(
            "\u201cOne day later, he sent quiet messages,\u201d",
            '"One day later, he sent quiet messages,"',
            id="curly-double-quotes",
        ),
        pytest.param("resolution - the first", "resolution \u2013 the first", id="en-dash"),
        pytest.param("resolution \u2014 the first", "resolution \u2013 the first", id="em-dash"),
        pytest.param("the UNITED states", "The United States", id="case"),
        pytest.param("over 1,000 people fled", "Over 1,000  people\nfled", id="whitespace"),
        pytest.param("fled... according", "fled\u2026 according", id="ellipsis"),
        pytest.param(
            "  alternative\tproposals.  ", "alternative proposals", id="strip-and-trailing-dot"
        ),
        pytest.param("President\u00a0Joe", "President Joe", id="nbsp"),
    ],
)
def test_locate_returns_the_original_slice(quote: str, expected: str) -> None:
    span = locate(quote, BODY)
    assert span is not None
    start, end = span
    assert BODY[start:end] == expected


@pytest.mark.parametrize(
    "quote",
    ["", "   ", "\n\t", "not in the article", "Security Council voted", "..."],
)
def test_locate_returns_none(quote: str) -> None:
    assert locate(quote, BODY) is None


def test_near_picks_the_closest_occurrence() -> None:
    body = "U.N. officials met. Later U.N. staff left. Finally U.N. envoys spoke."
    starts = [i for i in range(len(body)) if body.startswith("U.N.", i)]
    assert locate("U.N.", body) == (starts[0], starts[0] + 4)
    assert locate("U.N.", body, near=starts[1] + 3) == (starts[1], starts[1] + 4)
    assert locate("U.N.", body, near=len(body)) == (starts[2], starts[2] + 4)
    assert locate("u.n. staff", body, near=0) == (starts[1], starts[1] + 10)


def test_near_applies_to_normalised_matches() -> None:
    body = "\u201cyes\u201d first, then \u201cyes\u201d again"
    second = body.rindex("\u201cyes")
    assert locate('"yes"', body, near=len(body)) == (second, second + 5)


@pytest.mark.parametrize(
    ("body", "quote", "expected"),
    [
        pytest.param("قال الوزير  اليوم", "الوزير اليوم", "الوزير  اليوم", id="arabic"),
        pytest.param(
            "\u0642\u064e\u0627\u0644\u064e \u0627\u0644\u0648\u0632\u064a\u0631",
            "قال الوزير",
            "\u0642\u064e\u0627\u0644\u064e \u0627\u0644\u0648\u0632\u064a\u0631",
            id="arabic-harakat",
        ),
        pytest.param(
            "他说：“我们不会接受。”", '"我们不会接受。"', "“我们不会接受。”", id="chinese"
        ),
        pytest.param("fans 😀 cheered 🎉 loudly", "😀 CHEERED", "😀 cheered", id="emoji"),
        pytest.param("the cafe\u0301 opened", "café opened", "cafe\u0301 opened", id="nfd-body"),
        pytest.param("the café opened", "cafe\u0301 opened", "café opened", id="nfc-body"),
        pytest.param("die Straße war zu", "STRASSE war", "Straße war", id="sharp-s-body"),
        pytest.param("die STRASSE war zu", "Stra\u00dfe war", "STRASSE war", id="sharp-s-quote"),
        pytest.param("in İstanbul today", "istanbul today", "İstanbul today", id="dotted-I"),
        pytest.param("x\u00adyz", "xyz", "x\u00adyz", id="soft-hyphen"),
    ],
)
def test_locate_non_ascii(body: str, quote: str, expected: str) -> None:
    span = locate(quote, body)
    assert span is not None
    assert body[span[0] : span[1]] == expected


def test_match_must_cover_whole_body_characters() -> None:
    # "ss" matches half of the casefolded "ß": that is not a span of the body.
    assert locate("s", "\u00dfx") is None
    assert locate("sx", "\u00dfx") is None
    assert locate("ssx", "\u00dfx") == (0, 2)


def test_ground_quotes_the_body_not_the_model() -> None:
    evidence = ground("the UNITED states and israel", BODY)
    assert evidence == Evidence(quote="The United States and Israel", start=0, end=28)
    assert ground("nowhere to be found", BODY) is None
    assert ground("", BODY) is None


def test_normalise() -> None:
    assert normalise("\u201cA\u2014B\u2026\u201d \n\t\u00a0 C\u00dfe") == '"a-b..." csse'
    assert normalise("Ｆｕｌｌ\u3000ｗｉｄｔｈ ﬁ") == "full width fi"


def test_sentence_spans_with_abbreviations() -> None:
    body = (
        "  The U.S. decision not to veto a U.N. Security Council resolution angered Mr. "
        "Netanyahu. Gen. J. Smith said on Jan. 5 that talks would resume! Did they? "
        '"Yes," said Dr. Lee. He left at 10 a.m. on Monday.\n\nNew paragraph without stop\n'
    )
    sentences = [body[s:e] for s, e in sentence_spans(body)]
    assert sentences == [
        "The U.S. decision not to veto a U.N. Security Council resolution angered Mr. Netanyahu.",
        "Gen. J. Smith said on Jan. 5 that talks would resume!",
        "Did they?",
        '"Yes," said Dr. Lee.',
        "He left at 10 a.m. on Monday.",
        "New paragraph without stop",
    ]


def test_sentence_spans_quotes_cjk_and_blank() -> None:
    body = 'He said "stop." Then she left. \u4ed6\u6765\u4e86\u3002\u5979\u8d70\u4e86\u3002'
    assert [body[s:e] for s, e in sentence_spans(body)] == [
        'He said "stop."',
        "Then she left.",
        "\u4ed6\u6765\u4e86\u3002",
        "\u5979\u8d70\u4e86\u3002",
    ]
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n\t") == []


def test_sentence_spans_cover_the_seed() -> None:
    with open(ROOT / "seeds" / "rafah-2024-03-30.txt", encoding="utf-8") as handle:
        body = handle.read().split("\n\n", 1)[1]
    spans = sentence_spans(body)
    texts = [body[s:e] for s, e in spans]
    assert texts[0].startswith("The United States") and texts[0].endswith("to Axios.")
    assert texts[1].startswith("The meeting was originally")
    assert all(t == t.strip() and t for t in texts)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    ("value_text", "evidence", "expected"),
    [
        ("1,000", "over 1,000 people", True),
        ("more than 1,000", "More than 1,000 people fled.", True),
        ("12", "about 12.", True),
        ("12", "about 120 people", False),
        ("200", "some 1,200 people", False),
        ("1", "some 1,200 people", False),
        ("1.5 million", "1.5\u00a0Million displaced", True),
        ("million", "millions displaced", False),
        ("5 million", "1.5 million displaced", False),
        ("5 million", "1,5 million displaced", False),
        ("2", "12 people were killed", False),
        ("2", "2nd attack", False),
        ("1.5 million", "about 1.5 million.", True),
        ("twenty-five", "Twenty\u2013five people", True),
        ("", "anything", False),
        ("7", "", False),
    ],
)
def test_contains_number(value_text: str, evidence: str, expected: bool) -> None:
    assert contains_number(value_text, evidence) is expected


@pytest.mark.parametrize(
    ("quote", "body"),
    [
        pytest.param("2 people were killed", "Officials said 12 people were killed.", id="12"),
        pytest.param("5 million", "About 1.5 million people fled.", id="decimal"),
        pytest.param("5 million", "About 1,5 million people fled.", id="decimal-comma"),
        pytest.param("said 12", "Officials said 12.5 people", id="decimal-end"),
        pytest.param("000 people", "Some 20,000 people fled.", id="thousands"),
        pytest.param("Israel", "Israeli officials said so.", id="word-start"),
        pytest.param("sraeli officials", "Israeli officials said so.", id="word-end"),
        pytest.param("20 people", "Flight A320 people", id="letter-digit"),
        pytest.param("'2 PEOPLE were killed'", "Officials said 12 people were killed.", id="norm"),
    ],
)
def test_a_quote_cut_out_of_a_word_or_number_is_not_grounded(quote: str, body: str) -> None:
    assert locate(quote, body) is None
    assert ground(quote, body) is None


@pytest.mark.parametrize(
    ("quote", "body", "expected"),
    [
        pytest.param("Israel", "Israeli officials met Israel's envoy.", (22, 28), id="later"),
        pytest.param("20 people", "At least 20 people. Not 120 people.", (9, 18), id="number"),
        pytest.param("20", "In Rafah, 20.", (10, 12), id="before-a-full-stop"),
        pytest.param("20", "Some 1,200 or 20 people", (14, 16), id="skip-the-thousands"),
        pytest.param("cafe", "the cafe\u0301 opened", (4, 9), id="with-its-combining-mark"),
        pytest.param("拉法", "在拉法有20人", (1, 3), id="chinese"),
        pytest.param("20", "在拉法有20人", (4, 6), id="chinese-number"),
        pytest.param("إسرائيل", "وإسرائيل", (1, 8), id="arabic-prefix"),
    ],
)
def test_a_quote_on_word_boundaries_is_grounded(
    quote: str, body: str, expected: tuple[int, int]
) -> None:
    assert locate(quote, body) == expected
