"""Names and cited sources found in plain text by patterns, without the parser.

`find_names` finds capitalised name sequences in any piece of text (a sentence, a phrase), so
that later steps can look the names up in the article's `NameIndex`; `cited_sources` finds
who the article attributes information to ("according to X", "told X", "X reported").
Who each name is (person, state, organisation, place, outlet) is read from the parse, in
`newsbrief.text.actors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONNECT = r"(?:of|the|for|de|al|bin|van|von|la|le|du|der)"
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)"
_NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*")
_STOP = {
    "Reports",
    "Officials",
    "Witnesses",
    "Sources",
    "Authorities",
    "Residents",
    "Rescuers",
    "Experts",
    "Analysts",
    "Critics",
    "Police",
    "Doctors",
    "Survivors",
    "Locals",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Now",
    "Then",
    "Here",
    "Still",
    "Yet",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Not",
    "No",
    "Yes",
    "Both",
    "All",
    "Each",
    "Every",
    "Most",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "But",
    "And",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Besides",
    "According",
    *(
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
        "Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Hundreds Thousands Dozens Scores "
        "Several"
    ).split(),
    "Senior",
    "While",
    "As",
    "If",
    "When",
    "Since",
    "However",
    "Also",
    "Meanwhile",
    "There",
    "Some",
    "Many",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Following",
    "Despite",
    "Under",
    "Over",
    "With",
    "From",
    "For",
    "By",
    "To",
}
# Titles with a lower-case 'of'/'for' ('Secretary of State', 'Minister of Foreign Affairs'),
# listed first so that the regex alternation prefers them to a bare 'Secretary'/'Minister'.
_OF_TITLE = (
    r"(?:Secretary|Minister)\s+(?:[Oo]f|[Ff]or)\s+"
    r"(?:the\s+)?(?:(?:Foreign|Home|External|Internal|Veterans|Economic) Affairs|"
    r"Homeland Security|National Defen[cs]e|Public Security|[A-Z][a-z]+)"
)
_TITLE_WORDS = (
    _OF_TITLE + "|"
    "President|Prime Minister|Minister|Secretary|Advisor|Adviser|Chancellor|King|Queen|Prince|"
    "Governor|Mayor|Senator|Representative|Ambassador|Spokesperson|Spokesman|Spokeswoman|"
    "General|Gen\\.|Commander|Chief|Director|Chairman|Chairwoman|Chair|Speaker|Leader|Pope|"
    "Bishop|Archbishop|Father|Judge|Justice|Officer|Head|CEO|Envoy|Foreign Minister|"
    "Vice President|Deputy|Colonel|Captain|Sheikh|Emir|Sultan|Superintendent|Admiral|"
    "Commandant|Sergeant|Lieutenant|Major|Inspector|Mr\\.|Mrs\\.|Ms\\.|Dr\\."
)
_TITLE_PREFIX_RE = re.compile(rf"(?:(?:[A-Z][\w.]*\s+){{0,4}}?(?:{_TITLE_WORDS})\s+)+")
_SOURCE_RES = (
    re.compile(r"[Aa]ccording to (?:the )?((?:[A-Z][\w.&'’\-]*\s?)+|(?:[a-z]+\s){0,3}officials)"),
    re.compile(r"(?:told|statements? to) ((?:[A-Z][\w.&'’\-]*\s?)+?)(?=[,.])"),
    re.compile(r"((?:[A-Z][\w.&'’\-]*\s?)+) (?:reported|quoted|said in a statement)"),
)


@dataclass(frozen=True)
class Mention:
    """A name as written, with its character span in the body."""

    text: str
    start: int
    end: int


def find_names(body: str) -> list[Mention]:
    """Capitalised name sequences, minus sentence-initial function words and dates."""
    found: list[Mention] = []
    for match in _NAME_RE.finditer(body):
        text, start = match.group(0), match.start()
        words = text.split()
        while words and words[0].rstrip(".") in _STOP:
            start += len(text) - len(text[len(words[0]) :].lstrip())
            text = text[len(words[0]) :].lstrip()
            words = words[1:]
        text = re.sub(r"(?:\s+(?:" + _CONNECT + r"))+$", "", text)
        title = _TITLE_PREFIX_RE.match(text)
        if title and title.end() < len(text):
            start, text = start + title.end(), text[title.end() :]
        if not words or len(text) < 2 or text.rstrip(".") in _STOP or not text[0].isupper():
            continue
        if re.fullmatch(rf"(?:{_TITLE_WORDS}|\s)+", text):
            continue
        found.append(Mention(text, start, start + len(text)))
    return found


def cited_sources(body: str) -> list[Mention]:
    """Sources the article attributes information to ('according to X', 'X reported')."""
    found: dict[str, Mention] = {}
    for index, pattern in enumerate(_SOURCE_RES):
        for match in pattern.finditer(body):
            # a sentence end inside the run: the source is the part next to the cue
            parts = _sentence_parts(match.group(1))
            offset, text = parts[-1] if index == len(_SOURCE_RES) - 1 else parts[0]
            title = _TITLE_PREFIX_RE.match(text)  # 'Chief Superintendent Graciano Mijares'
            if title and title.end() < len(text) and text[title.end()].isupper():
                offset, text = offset + title.end(), text[title.end() :]
            if not text or text in _STOP or len(text) > 60:
                continue
            start = match.start(1) + offset
            found.setdefault(text, Mention(text, start, start + len(text)))
    return sorted(found.values(), key=lambda m: m.start)


def _sentence_parts(run: str) -> list[tuple[int, str]]:
    """(offset, text) of the pieces of a capitalised run split at sentence ends.

    'Gaza. Axios' splits, dotted abbreviations ('U.S. Embassy') do not; each piece comes
    without its edge space, comma or stop.
    """
    parts: list[tuple[int, str]] = []
    start = 0
    for end in re.finditer(r"(?<!\b[A-Z])\.(?:\s|$)", run):
        parts.append((start, run[start : end.start()]))
        start = end.end()
    parts.append((start, run[start:]))
    out = []
    for offset, text in parts:
        stripped = text.strip().rstrip(",")
        out.append((offset + len(text) - len(text.lstrip()), stripped))
    return [p for p in out if p[1]] or [(0, "")]


def short_form(name: str) -> str:
    """Last word of a multi-word personal name ('Benjamin Netanyahu' -> 'Netanyahu')."""
    words = name.split()
    return words[-1] if len(words) > 1 else name
