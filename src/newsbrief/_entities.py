"""Names, roles, cited sources and stated positions found in the text by code.

Code finds the candidates (capitalised name sequences, title words before a name,
"according to X", "X said ..."); the model is only asked what kind of actor a name is.
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
    "One",
    "Two",
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
_TITLE_WORDS = (
    "President|Prime Minister|Minister|Secretary|Advisor|Adviser|Chancellor|King|Queen|Prince|"
    "Governor|Mayor|Senator|Representative|Ambassador|Spokesperson|Spokesman|Spokeswoman|"
    "General|Gen\\.|Commander|Chief|Director|Chairman|Chairwoman|Chair|Speaker|Leader|Pope|"
    "Bishop|Archbishop|Father|Judge|Justice|Officer|Head|CEO|Envoy|Foreign Minister|"
    "Vice President|Deputy|Colonel|Captain|Sheikh|Emir|Sultan|Superintendent|Admiral|"
    "Commandant|Sergeant|Lieutenant|Major|Inspector|Mr\\.|Mrs\\.|Ms\\.|Dr\\."
)
_TITLE_PREFIX_RE = re.compile(rf"(?:(?:[A-Z][\w.]*\s+){{0,4}}?(?:{_TITLE_WORDS})\s+)+")
_ROLE_RE = re.compile(
    rf"((?:[A-Z][\w'’\-\.]*\s+){{0,5}}?(?:{_TITLE_WORDS})(?:\s+[A-Z][\w'’\-]*){{0,4}}?)\s+"
    rf"([A-Z][\w'’\-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)"
)
_SOURCE_RES = (
    re.compile(r"according to (?:the )?((?:[A-Z][\w.&'’\-]*\s?)+|(?:[a-z]+\s){0,3}officials)"),
    re.compile(r"(?:told|statements? to) ((?:[A-Z][\w.&'’\-]*\s?)+?)(?=[,.])"),
    re.compile(r"((?:[A-Z][\w.&'’\-]*\s?)+) (?:reported|quoted|said in a statement)"),
)
_SPEECH_RE = re.compile(
    r"\b(said|stated|says|warned|told|argued|insisted|urged|called for|expressed|indicated|"
    r"announced|claimed|demanded|rejected|denied|added|noted|has informed|informed)\b"
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


_COLLECTIVE_RE = re.compile(
    r"\b((?:[A-Z][\w\-]+\s){0,2}?[A-Z][\w\-]+)\s+(administration|government|authorities)\b"
)


def collective_names(body: str) -> list[Mention]:
    """'the Biden administration', 'the Iraqi government': parties named by a common noun."""
    out: list[Mention] = []
    for match in _COLLECTIVE_RE.finditer(body):
        head = match.group(1).split()
        if head[0] in _STOP:
            continue
        start = match.start(1)
        out.append(Mention(body[start : match.end()], start, match.end()))
    return out


def is_outlet(name: str, body: str) -> bool:
    """A cited name that only ever appears as a source ('according to AFP', 'Axios reported')."""
    uses = len(re.findall(rf"\b{re.escape(name)}\b", body))
    as_source = len(
        re.findall(
            rf"(?:according to (?:the )?|told |to ){re.escape(name)}\b|\b{re.escape(name)} "
            r"(?:reported|quoted|said in a statement)",
            body,
        )
    )
    return uses > 0 and as_source >= uses


def unique_names(mentions: list[Mention], limit: int = 40) -> list[Mention]:
    """First mention of each distinct name, in order of appearance."""
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.text, mention)
    return list(seen.values())[:limit]


def roles(body: str) -> dict[str, Mention]:
    """Person name -> the title words written before it ('Prime Minister ...')."""
    out: dict[str, Mention] = {}
    for match in _ROLE_RE.finditer(body):
        role = re.split(r"[.!?]\s+", match.group(1).strip())[-1]
        role_words = [w for w in role.split() if w not in _STOP]
        name = re.sub(r"['’]s$", "", match.group(2).strip())
        if role_words and name not in out:
            text = " ".join(role_words)
            start = match.start(1) + match.group(1).find(role)
            start += role.find(role_words[0])
            out[name] = Mention(text, start, start + len(body[start : match.end(1)].rstrip()))
    return out


_LOWER_ROLE_RE = re.compile(
    r"\b((?:(?:[A-Z][a-z]+|[a-z]+)\s){0,2}?(?:minister|spokesperson|spokesman|spokeswoman|"
    r"correspondent|president|secretary|ambassador|envoy|director|chief|leader|rapporteur|"
    r"journalist|columnist|commander|governor|mayor|senator|prosecutor|chairman|chairwoman|"
    r"representative|counterparts?|fianc[ée]e?|founder|editor|reporter))\s*,?\s+"
    r"([A-Z][\w'’\-]+(?:\s+(?:al-|bin |de |dela |van |von )?[A-Z][\w'’\-]+){1,2})"
)


def lower_roles(body: str) -> dict[str, Mention]:
    """Person name -> a lower-case role before it ('foreign minister Sameh Shoukry')."""
    out: dict[str, Mention] = {}
    for match in _LOWER_ROLE_RE.finditer(body):
        name = re.sub(r"['’]s$", "", match.group(2))
        if name.split()[0] in _STOP or _GOVERNMENT_WORDS.search(name) or _ORG_WORDS.search(name):
            continue
        role = match.group(1)
        out.setdefault(name, Mention(role, match.start(1), match.end(1)))
    return out


_PLACE_WORDS = re.compile(
    r"\b(Avenue|Street|Road|Square|Boulevard|Bridge|Airport|Hospital|Stadium|River|Mountains?|"
    r"Island|Sea|Ocean|Province|Region|District|County|City|Valley|Strait|Gulf|Mediterranean)\b"
)


def looks_like_person(name: str) -> bool:
    """Two or three capitalised words with no organisation, government or place word."""
    words = name.split()
    if not 2 <= len(words) <= 3 or any(w.isupper() for w in words):
        return False
    if _GOVERNMENT_WORDS.search(name) or _ORG_WORDS.search(name) or _ARMED_WORDS.search(name):
        return False
    if _PLACE_WORDS.search(name) or re.fullmatch(rf"(?:{_TITLE_WORDS}|\s)+", name):
        return False
    return not _is_country(name) and not any(_DEMONYM.match(w) for w in words[:1])


def cited_sources(body: str) -> list[Mention]:
    """Sources the article attributes information to ('according to X', 'X reported')."""
    found: dict[str, Mention] = {}
    for pattern in _SOURCE_RES:
        for match in pattern.finditer(body):
            text = re.split(r"\.\s", match.group(1).strip())[0].rstrip(".,")
            if not text or text in _STOP or len(text) > 60:
                continue
            start = match.start(1)
            found.setdefault(text, Mention(text, start, start + len(text)))
    return sorted(found.values(), key=lambda m: m.start)


def speech_spans(sentence: str) -> list[tuple[str, int, int]]:
    """(verb, start, end) of reporting verbs in a sentence."""
    return [(m.group(1), m.start(), m.end()) for m in _SPEECH_RE.finditer(sentence)]


def short_form(name: str) -> str:
    """Last word of a multi-word personal name ('Benjamin Netanyahu' -> 'Netanyahu')."""
    words = name.split()
    return words[-1] if len(words) > 1 else name


_GOVERNMENT_WORDS = re.compile(
    r"\b(Government|Ministry|Department|Administration|White House|Pentagon|Kremlin|Cabinet|"
    r"Parliament|Congress|Senate|Police|Army|Navy|Air Force|Military|Presidency|Office|"
    r"Commission|Agency|Authority|Court|Assembly|Command|Ministry of \w+|Service|Survey|"
    r"Presidency|Guard|Forces|House of Representatives)\b"
)
_ORG_WORDS = re.compile(
    r"\b(Council|Nations|Union|Organi[sz]ation|Committee|Fund|Bank|Company|Corporation|Group|"
    r"Institute|University|Church|Cathedral|Red Cross|Red Crescent|Foundation|Association|"
    r"Party|League|Federation|Inc|Ltd|News|Press|Times|Post|Agency)\b"
)
_ARMED_WORDS = re.compile(
    r"\b(Hamas|Hezbollah|Houthis?|Taliban|al-Qaeda|Al-Qaeda|Islamic State|ISIS|ISIL|Abu Sayyaf|"
    r"Boko Haram|al-Shabaab|Brigades?|Militia|Liberation Army|Rebels?|Front)\b"
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:i|ian|ese|ish|ean|an)$")


def _is_country(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return len(name) > 3 or "." in name


def guess_kind(name: str, body: str, people: set[str]) -> str:
    """Kind of actor a name is, from its words and its context in the body (code, no model)."""
    from newsbrief._names import canonical_alias

    if name in people or any(p.split()[-1] == name for p in people):
        return "person"
    if _is_country(name) or _is_country(canonical_alias(name) or "-"):
        return "state"
    if _ARMED_WORDS.search(name):
        return "armed_group"
    if _GOVERNMENT_WORDS.search(name) or re.search(r"\s(?:administration|government)$", name):
        return "government"
    if _ORG_WORDS.search(name) or canonical_alias(name):
        return "organisation"
    if _DEMONYM.match(name) and " " not in name:
        return "other"
    if re.search(rf"\b{re.escape(name)}\s+(?:{_SPEECH_RE.pattern[3:-3]})", body):
        return "person"
    if re.search(rf"\b(?:in|at|from|of|near|to)\s+(?:the\s+)?{re.escape(name)}\b", body):
        return "place"
    if looks_like_person(name):
        return "person"
    return "other"
