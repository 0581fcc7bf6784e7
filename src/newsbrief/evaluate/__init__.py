"""Score briefings against gold annotations.

Each article is scored on four kinds of fact (figures, meetings, parties, people) with
true positives (TP), false positives (FP), false negatives (FN), precision, recall and F1.
Totals are micro-averaged: counts are summed over articles, then the ratios are taken.

Matching rules:

- **One to one, greedy.** Every (gold, predicted) pair that matches gets a score; pairs are
  taken best score first (ties: gold order, then predicted order), and each gold item and
  each predicted item is used at most once. An unmatched prediction is a FP, an unmatched
  gold item a FN.
- **Locating a gold quote.** The gold ``quote`` is looked up in the article body with an exact
  ``body.find`` (first occurrence), falling back to a case-insensitive search. A quote that is
  not in the body has no span, and only the rules that need no span can match it.
- **Overlap.** Two character spans ``[start, end)`` overlap when they share at least one
  character.
- **Figures.** A predicted figure matches a gold figure when the values agree within 1%
  (relative to the gold value; exactly, when the gold value is 0) *and* the evidence agrees:
  the gold quote's span overlaps the span of one of the predicted evidence items, or the gold
  ``value_text`` occurs inside one of the predicted evidence quotes (case-insensitive). The
  metric does not decide the match; *metric accuracy* is the share of matched figures whose
  predicted metric equals the gold metric.
- **Figure place and reported_by.** Over matched figures, *place accuracy* and *reported_by
  accuracy* are the shares whose predicted value agrees with gold's by tokens
  (:func:`tokens_agree`): both are cut to content words (names normalised as below, a
  possessive "'s" and stop words such as "the", "of", "in" dropped). A value with no content
  word counts as null; null agrees only with null; two values agree when one token set
  contains the other ("Gaza" and "Rafah, Gaza") or their Jaccard overlap is at least 0.5.
- **Meetings.** A predicted meeting matches a gold meeting when the gold quote's span
  overlaps one of the predicted evidence spans, or when the predicted ``date_text`` equals the
  gold ``when_text`` (case-insensitive) and a predicted evidence span overlaps the sentence(s)
  that hold the gold quote. For matched meetings, *date accuracy* is the share of those whose
  gold ``when`` is not null where the predicted ``date`` equals it, and *status accuracy* the
  share whose predicted ``status`` equals the gold status.
- **Parties and people.** Names are normalised: Unicode NFKC, casefolded, periods and
  apostrophes removed, other punctuation turned into spaces, a leading "the" dropped, and
  common abbreviations of states and organisations expanded (US, U.S., USA, America ->
  united states; UK, U.K., Britain -> united kingdom; UN, U.N. -> united nations; EU ->
  european union). A predicted name matches a gold name when the normalised names are equal,
  or when one is contained in the other as whole words ("Netanyahu" matches "Benjamin
  Netanyahu"). A predicted party's aliases are tried too. Equal names score above
  containment.
- **Precision, recall, F1.** Precision is TP / (TP + FP) and recall TP / (TP + FN); when a
  denominator is 0 (nothing predicted, or nothing in gold) the ratio is 1.0 if both sides are
  empty and 0.0 otherwise. F1 is their harmonic mean (0.0 when both are 0). The tables show
  a kind with nothing on either side (TP + FP + FN = 0) as "-", never as 1.00; an accuracy
  over no items is "-" too (``rate`` null in JSON).
- **Grounding rate.** The share of all evidence items, over every fact of the briefing
  (parties, people, positions, meetings, figures, sources), for which
  ``body[start:end] == quote``.
- **Cost.** Wall seconds are the time passed in by the caller, else the briefing's
  ``meta.latency_s``; tokens are ``meta.usage.total_tokens``.
- **Split.** With a split (:func:`load_split`), each part gets a totals row over its own
  articles and the row over every article is called "whole"; an article in no part counts
  only in the whole.
"""

from newsbrief.evaluate.gold import (
    GoldAnnotation,
    GoldFigure,
    GoldMeeting,
    GoldParty,
    GoldPerson,
    GoldPosition,
    load_gold,
    pair_files,
)
from newsbrief.evaluate.match import greedy_match, locate, values_agree
from newsbrief.evaluate.names import names_match, normalise_name, tokens_agree
from newsbrief.evaluate.render import render_markdown, render_table
from newsbrief.evaluate.report import ArticleScore, EvalReport, Ratio, Score
from newsbrief.evaluate.run import run_eval
from newsbrief.evaluate.score import evaluate, grounding, score_article
from newsbrief.evaluate.split import Split, load_split

__all__ = [
    "ArticleScore",
    "EvalReport",
    "GoldAnnotation",
    "GoldFigure",
    "GoldMeeting",
    "GoldParty",
    "GoldPerson",
    "GoldPosition",
    "Ratio",
    "Score",
    "Split",
    "evaluate",
    "greedy_match",
    "grounding",
    "load_gold",
    "load_split",
    "locate",
    "names_match",
    "normalise_name",
    "pair_files",
    "render_markdown",
    "render_table",
    "run_eval",
    "score_article",
    "tokens_agree",
    "values_agree",
]
