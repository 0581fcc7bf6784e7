"""Names, roles, cited sources and stated positions found in the text by code.

Code finds the candidates (capitalised name sequences, title words before a name,
"according to X", "X said ..."); the model is only asked what kind of actor a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.models import EntityKind

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
_ROLE_RE = re.compile(
    rf"((?:[A-Z][\w'’\-\.]*\s+){{0,5}}?(?:{_TITLE_WORDS})(?:\s+[A-Z][\w'’\-]*){{0,4}}?)\s+"
    rf"([A-Z][\w'’\-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)"
)
_SOURCE_RES = (
    re.compile(r"[Aa]ccording to (?:the )?((?:[A-Z][\w.&'’\-]*\s?)+|(?:[a-z]+\s){0,3}officials)"),
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
        start = match.start(1)
        for word in re.finditer(r"\S+", match.group(1)):
            if word.group() not in _STOP:
                start = match.start(1) + word.start()
                break
        else:
            continue  # 'The government': no name before the common noun
        out.append(Mention(body[start : match.end()], start, match.end()))
    return out


def is_outlet(name: str, body: str) -> bool:
    """A cited name that only ever appears as a source ('according to AFP', 'Axios reported')."""
    uses = len(re.findall(rf"\b{re.escape(name)}\b", body))
    as_source = len(
        re.findall(
            rf"(?:[Aa]ccording to (?:the )?|told |to ){re.escape(name)}\b|\b{re.escape(name)} "
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
        name = re.sub(r"['’]s$", "", match.group(2).strip())
        span = _title_span(body, match.start(1), match.end(1))
        if span and name not in out:
            out[name] = Mention(body[span[0] : span[1]], *span)
    return out


_ABBREV = re.compile(r"(?:[A-Z]\.)+|(?:Gen|Lt|Col|Sgt|Capt|Maj|Mrs?|Ms|Dr|St)\.")


def _title_span(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The title as written in body[start:end]: this sentence only, without edge stop words."""
    words = list(re.finditer(r"\S+", body[start:end]))
    ends = [
        i
        for i, w in enumerate(words)
        if w.group()[-1] in ".!?" and not _ABBREV.fullmatch(w.group())
    ]
    words = words[ends[-1] + 1 :] if ends else words
    while words and words[0].group() in _STOP:
        words = words[1:]
    while words and words[-1].group() in _STOP:
        words = words[:-1]
    if not words:
        return None
    return start + words[0].start(), start + words[-1].end()


_LOWER_ROLE_RE = re.compile(
    r"\b((?:[\w.’'\-]+\s){0,3}(?:minister|spokesperson|spokesman|spokeswoman|"
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
        start = match.start(1) + _role_start(match.group(1))
        out.setdefault(name, Mention(body[start : match.end(1)], start, match.end(1)))
    return out


# Lower-case words that can belong to a role ('foreign minister', 'former envoy').
_ROLE_ADJECTIVES = set(
    "foreign prime defence defense interior deputy vice former special senior acting interim "
    "assistant finance health justice press top security national state military opposition "
    "outgoing incoming economy trade education energy home human rights chief general "
    "permanent high regional local campaign communications information culture environment "
    "agriculture transport labour labor intelligence army police party executive managing "
    "founding co-founder lead political".split()
)


def _role_start(role: str) -> int:
    """Offset of the role's first word: only title-like words may precede the role noun."""
    words = list(re.finditer(r"\S+", role))
    first = len(words) - 1
    while first > 0 and _is_role_word(words[first - 1].group()):
        first -= 1
    return words[first].start()


def _is_role_word(word: str) -> bool:
    if word.lower() in _ROLE_ADJECTIVES:
        return True  # 'Foreign' at a sentence start too
    return bool(re.fullmatch(r"[A-Z][\w.\-]*", word)) and word.rstrip(".") not in _STOP


_PLACE_WORDS = re.compile(
    r"\b(Avenue|Street|Road|Square|Boulevard|Bridge|Airport|Hospital|Stadium|River|Mountains?|"
    r"Islands?|Sea|Ocean|Province|Region|District|County|City|Valley|Strait|Gulf|Mediterranean|"
    r"Strip|West Bank|Peninsula|Heights|Desert|Coast|Basin|Delta|Lake|Canal|Plateau|Corridor|"
    r"Crossing)\b"
)
# A name that ends in one of these is a place ('Gaza Strip', 'Golan Heights', 'Rafah Crossing').
_PLACE_END = re.compile(
    r"^West Bank$|\s(?:Strip|Peninsula|Heights|Desert|Basin|Delta|Plateau|Corridor|Crossing|"
    r"Sea|Ocean|Gulf|Strait|Valley|River|Mountains|Islands?|Province|Region|District|"
    r"Square|Avenue|Street|Road|Boulevard|Bridge|Airport)$"
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


# Everyday English names of states that pycountry (ISO 3166) does not find under that name
# ('Türkiye', 'Russian Federation', "Côte d'Ivoire"...) or finds only through a long official
# form ('Iran, Islamic Republic of'). Checked before pycountry, compared case-insensitively.
_EVERYDAY_STATES = {
    name.casefold()
    for name in (
        "Turkey",
        "Russia",
        "Iran",
        "Syria",
        "Vietnam",
        "Venezuela",
        "Bolivia",
        "Tanzania",
        "Moldova",
        "Laos",
        "North Korea",
        "South Korea",
        "Czech Republic",
        "Ivory Coast",
        "Palestine",
        "State of Palestine",
        "Taiwan",
        "Vatican",
        "Vatican City",
        "Holy See",
        "Britain",
        "Great Britain",
        "Congo",
        "DR Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Republic of Congo",
        "Micronesia",
        "Brunei",
        "Cape Verde",
        "Swaziland",
        "Macedonia",
        "Burma",
        "East Timor",
        "Kosovo",
        "The Gambia",
        "Holland",
    )
}


def _is_country(name: str) -> bool:
    import pycountry

    if name.strip().casefold() in _EVERYDAY_STATES:
        return True
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return len(name) > 3 or "." in name


def guess_kind(name: str, body: str, people: set[str]) -> EntityKind:
    """Kind of actor a name is, from its words and its context in the body (code, no model)."""
    from newsbrief.text.names import canonical_alias

    if name in people or any(p.split()[-1] == name for p in people):
        return "person"
    if _is_country(name) or _is_country(canonical_alias(name) or "-"):
        return "state"
    if _ARMED_WORDS.search(name):
        return "armed_group"
    if _PLACE_END.search(name) and " of " not in name:  # not 'Law of the Sea'
        return "place"
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
