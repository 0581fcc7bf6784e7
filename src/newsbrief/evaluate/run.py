"""Running an evaluation over a folder: brief (or read saved briefings), score, report."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from newsbrief import brief
from newsbrief.errors import NewsbriefError
from newsbrief.evaluate.gold import load_gold, pair_files, require_folder
from newsbrief.evaluate.report import EvalReport
from newsbrief.evaluate.score import Scorable, evaluate
from newsbrief.evaluate.split import Split
from newsbrief.models import ArticleInfo, Briefing, Meta, PromptRef
from newsbrief.settings import Settings
from newsbrief.text.article import Article, read_article


def _empty_briefing(settings: Settings) -> Briefing:
    prompt = PromptRef(name="none", version="none", hash="0" * 16)
    meta = Meta(
        model=settings.model, backend=settings.backend, strategy=settings.strategy, prompt=prompt
    )
    return Briefing(article=ArticleInfo(), summary="", meta=meta)


def _predict(
    article: Article, stem: str, settings: Settings, pred_dir: Path | None
) -> tuple[Briefing, float | None]:
    """The article's briefing and the wall seconds it took (None when read from `pred_dir`)."""
    if pred_dir is not None:
        text = (pred_dir / f"{stem}.json").read_text(encoding="utf-8")
        return Briefing.model_validate_json(text), None
    started = time.perf_counter()
    result = brief(article, settings=settings)
    return result, time.perf_counter() - started


def run_eval(
    articles_dir: str | Path,
    gold_dir: str | Path,
    *,
    settings: Settings,
    pred_dir: Path | None = None,
    save_dir: Path | None = None,
    split: Split | None = None,
    on_article: Callable[[str, str | None], None] | None = None,
) -> EvalReport:
    """Brief every article (or read saved briefings from `pred_dir`) and score it.

    An article that cannot be briefed (a `NewsbriefError`) is scored as an empty briefing and
    its row carries the one-line error, so one bad article does not stop the evaluation.

    Args:
        articles_dir: Folder of article files.
        gold_dir: Folder of gold files with the same stems.
        settings: Backend and model for briefing.
        pred_dir: Read `STEM.json` briefings from here instead of briefing.
        save_dir: Save each new briefing as `STEM.json` here.
        split: Parts of the set (see :func:`newsbrief.evaluate.load_split`); the report then
            has a totals row per part and one for the whole.
        on_article: Called with each article's stem and its error (or None) when done.

    Returns:
        The report, with one row per article and micro-averaged totals.

    Raises:
        UsageError: A folder is missing, or no article has a gold file.
    """
    pairs = pair_files(articles_dir, gold_dir)
    if pred_dir is not None:
        require_folder(pred_dir, "predictions")
    scorables: list[Scorable] = []
    errors: dict[str, str] = {}
    for article_path, gold_path in pairs:
        scorable, error = _one(article_path, gold_path, settings, pred_dir, save_dir)
        scorables.append(scorable)
        if error is not None:
            errors[scorable[0]] = error
        if on_article is not None:
            on_article(scorable[0], error)
    report = evaluate(scorables, split=split)
    for row in report.articles:
        row.error = errors.get(row.name)
    return report


def _one(
    article_path: Path,
    gold_path: Path,
    settings: Settings,
    pred_dir: Path | None,
    save_dir: Path | None,
) -> tuple[Scorable, str | None]:
    """One article ready to score, and the one-line error when it could not be briefed."""
    stem = article_path.stem
    article = read_article(article_path)
    try:
        result, wall = _predict(article, stem, settings, pred_dir)
    except NewsbriefError as exc:
        empty = _empty_briefing(settings)
        return (stem, empty, article.body, load_gold(gold_path), None), " ".join(str(exc).split())
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
        (save_dir / f"{stem}.json").write_text(result.model_dump_json(indent=2))
    return (stem, result, article.body, load_gold(gold_path), wall), None
