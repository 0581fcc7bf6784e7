"""Gold annotations: their lenient models, reading one file, pairing articles with gold files."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsbrief.errors import UsageError

logger = logging.getLogger(__name__)


class _Gold(BaseModel):
    """Lenient base: unknown keys are ignored; a null value (or list item) means "default"."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _drop_nulls(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {
            key: [item for item in value if item is not None] if isinstance(value, list) else value
            for key, value in data.items()
            if value is not None
        }


class GoldParty(_Gold):
    """A party the article's main story involves."""

    name: str = ""
    kind: str | None = None


class GoldPerson(_Gold):
    """A named person and their role."""

    name: str = ""
    role: str | None = None


class GoldPosition(_Gold):
    """A stance held by a party or person."""

    holder: str = ""
    stance: str = ""
    quote: str = ""


class GoldMeeting(_Gold):
    """A meeting, with its date as written and as resolved."""

    participants: list[str] = Field(default_factory=list)
    when_text: str | None = None
    when: dt.date | None = None
    format: str | None = None
    status: str | None = None
    where: str | None = None
    quote: str = ""


class GoldFigure(_Gold):
    """A casualty or humanitarian figure."""

    metric: str | None = None
    value: float = 0.0
    value_text: str = ""
    place: str | None = None
    reported_by: str | None = None
    quote: str = ""


class GoldAnnotation(_Gold):
    """A hand-made annotation of one article (``gold/NN-slug.json``)."""

    parties: list[GoldParty] = Field(default_factory=list)
    people: list[GoldPerson] = Field(default_factory=list)
    positions: list[GoldPosition] = Field(default_factory=list)
    meetings: list[GoldMeeting] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)
    sources_cited: list[str] = Field(default_factory=list)


def load_gold(path: str | Path) -> GoldAnnotation:
    """Read a gold annotation file.

    Args:
        path: A ``gold/NN-slug.json`` file.

    Returns:
        The annotation; missing keys and null values take their defaults.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return GoldAnnotation.model_validate(data)


def require_folder(path: str | Path, what: str) -> Path:
    """Return ``path`` as a Path, or raise a one-line UsageError when it is no folder.

    Args:
        path: The folder the caller named.
        what: What the folder holds, for the message ("articles", "gold", "predictions").

    Raises:
        UsageError: ``path`` does not exist or is not a folder.
    """
    folder = Path(path)
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"{what} folder {folder} {problem}")
    return folder


def pair_files(articles_dir: str | Path, gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """Pair each article ``NN-slug.txt`` with its gold ``NN-slug.json`` by file stem.

    Articles without a gold file are skipped with a warning.

    Args:
        articles_dir: Folder of article text files.
        gold_dir: Folder of gold JSON files.

    Returns:
        ``(article_path, gold_path)`` pairs, sorted by article name; never empty.

    Raises:
        UsageError: A folder is missing, or no article has a gold file, so there is nothing
            to score.
    """
    articles = require_folder(articles_dir, "articles")
    gold_folder = require_folder(gold_dir, "gold")
    texts = sorted(articles.glob("*.txt"))
    if not texts:
        raise UsageError(f"no article (.txt) in {articles}: nothing to score")
    pairs: list[tuple[Path, Path]] = []
    for article in texts:
        gold = gold_folder / f"{article.stem}.json"
        if gold.is_file():
            pairs.append((article, gold))
        else:
            logger.warning("no gold annotation for %s (expected %s); skipped", article.name, gold)
    if not pairs:
        raise UsageError(f"no article in {articles} has a gold file in {gold_folder}")
    return pairs
