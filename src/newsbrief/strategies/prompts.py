"""Load prompt texts from prompts/ by name and version, and hash them for meta."""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsbrief.errors import ConfigError
from newsbrief.models import PromptRef


@functools.cache
def _prompt_root() -> Path:
    """Where the prompt files are (found once per process: importlib's lookup costs 1.5 ms)."""
    packaged = resources.files("newsbrief").joinpath("_data", "prompts")
    if packaged.is_dir():
        return Path(str(packaged))
    # Editable install or source checkout: prompts/ sits at the project root.
    return Path(__file__).resolve().parents[3] / "prompts"


@dataclass(frozen=True)
class PromptSet:
    """All parts (system, user, ...) of one prompt version."""

    name: str
    version: str
    parts: dict[str, str]

    def render(self, part: str, **values: str) -> str:
        """Fill one part's `{placeholders}`; unknown braces in values are left alone."""
        try:
            template = self.parts[part]
        except KeyError:
            raise ConfigError(f"prompt {self.name}/{self.version} has no part {part!r}") from None
        return template.format_map(values)

    @property
    def ref(self) -> PromptRef:
        """Name, version and a hash over every part, for Briefing.meta."""
        digest = hashlib.sha256()
        for key in sorted(self.parts):
            digest.update(key.encode() + b"\0" + self.parts[key].encode() + b"\0")
        return PromptRef(name=self.name, version=self.version, hash=digest.hexdigest()[:16])


def load(name: str, version: str, *, root: Path | None = None) -> PromptSet:
    """Load every `prompts/<name>/<version>.<part>.md` file.

    Loaded sets are remembered per process and used again while none of their files, nor the
    folder's list of files, has changed (a few `stat` calls instead of a glob and three reads
    for every article of a day; on plain path strings, which cost a third of pathlib's).
    """
    folder = os.path.join(root or _prompt_root(), name)
    try:
        listing: int | None = os.stat(folder).st_mtime_ns
    except OSError:
        listing = None
    loaded = _load(folder, name, version, listing)
    if any(_stamp(path) != stamp for path, stamp in loaded.stamps):
        _load.cache_clear()  # a file was edited in place
        loaded = _load(folder, name, version, listing)
    return loaded.prompt


@dataclass(frozen=True)
class _Loaded:
    prompt: PromptSet
    stamps: tuple[tuple[str, tuple[int, int] | None], ...]  # each file's (mtime, size)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=32)
def _load(folder: str, name: str, version: str, listing: int | None) -> _Loaded:
    files = sorted(Path(folder).glob(f"{version}.*.md")) if listing is not None else []
    if not files:
        raise ConfigError(f"no prompt {name}/{version} under {Path(folder)}")
    stamps = tuple((str(f), _stamp(str(f))) for f in files)
    parts = {f.name[len(version) + 1 : -len(".md")]: f.read_text("utf-8") for f in files}
    return _Loaded(PromptSet(name=name, version=version, parts=parts), stamps)
