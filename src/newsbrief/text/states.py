"""States: is a name a country, and which country an adjective of nationality points to.

Country names come from pycountry (ISO 3166) plus the everyday English names it lacks or only
knows in a long official form ('Iran, Islamic Republic of'). A nationality adjective
('Israeli', 'Turkish', 'French') maps to its state by a small table of irregular forms, else
by stripping the adjective's ending and finding the one country whose name starts so.
"""

from __future__ import annotations

import functools
import re

# Everyday English names of states that pycountry does not find under that name, or finds
# only through a long official form. Compared case-insensitively.
EVERYDAY_STATES = (
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
    "England",
    "Scotland",
    "Wales",
)
# Adjectives of nationality whose state the ending rule cannot find.
_IRREGULAR = {
    "czech": "Czech Republic",
    "uzbek": "Uzbekistan",
    "kazakh": "Kazakhstan",
    "turkmen": "Turkmenistan",
    "tajik": "Tajikistan",
    "kyrgyz": "Kyrgyzstan",
    "azeri": "Azerbaijan",
    "slovak": "Slovakia",
    "burkinabe": "Burkina Faso",
    "burkinabé": "Burkina Faso",
    "lao": "Laos",
    "nigerien": "Niger",
    "togolese": "Togo",
    "ivorian": "Côte d'Ivoire",
    "bosnian": "Bosnia and Herzegovina",
    "montenegrin": "Montenegro",
    "salvadoran": "El Salvador",
    "panamanian": "Panama",
    "dominican": "Dominican Republic",  # far commoner than Dominica's
    "mozambican": "Mozambique",
    "american": "United States",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "french": "France",
    "greek": "Greece",
    "cypriot": "Cyprus",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "spanish": "Spain",
    "irish": "Ireland",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "thai": "Thailand",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "lebanese": "Lebanon",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "afghan": "Afghanistan",
    "turkish": "Turkey",
    "polish": "Poland",
    "burmese": "Myanmar",
    "argentine": "Argentina",
    "belgian": "Belgium",
    "peruvian": "Peru",
    "malagasy": "Madagascar",
    "somali": "Somalia",
    "kiwi": "New Zealand",
    "israeli": "Israel",
    "norwegian": "Norway",
    "portuguese": "Portugal",
    "chinese": "China",
    "japanese": "Japan",
    "vietnamese": "Vietnam",
    "sudanese": "Sudan",
    "congolese": "Congo",
    "ukrainian": "Ukraine",
    "russian": "Russia",
    "iranian": "Iran",
    "syrian": "Syria",
    "palestinian": "Palestine",
    "north korean": "North Korea",
    "south korean": "South Korea",
}
# Adjectives the ending rule would misread ('Roman' is not Romanian).
_NOT_NATIONALITIES = frozenset({"roman", "latin", "latins", "romans"})
# Endings tried shortest first, so 'Nigerian' finds Nigeria before Niger.
_ENDINGS = ("i", "n", "an", "ic", "ian", "ean", "ese", "ish")


def _short_name(name: str) -> str:
    """'Iran, Islamic Republic of' -> 'Iran'; 'Bolivia, Plurinational State of' -> 'Bolivia'."""
    return name.split(",")[0].strip()


@functools.cache
def _country_names() -> tuple[str, ...]:
    import pycountry

    names = {_short_name(c.name) for c in pycountry.countries}
    names |= {getattr(c, "common_name", "") for c in pycountry.countries} - {""}
    names |= set(EVERYDAY_STATES)
    return tuple(sorted(names))


def is_country(name: str) -> bool:
    """True when `name` names a country or territory ('Egypt', 'Russia', 'U.K.' is not)."""
    import pycountry

    text = name.strip()
    if text.casefold() in {s.casefold() for s in EVERYDAY_STATES}:
        return True
    if len(text) <= 3 and "." not in text:
        return False  # 'US', 'UN', 'EU': aliases are resolved elsewhere
    try:
        pycountry.countries.lookup(text)
    except LookupError:
        return False
    return True


def state_of(adjective: str) -> str | None:
    """The state an adjective of nationality points to ('Egyptian' -> 'Egypt'), or None."""
    word = re.sub(r"\s+", " ", adjective.strip()).casefold()
    if word in _NOT_NATIONALITIES:
        return None
    for form in (word, word[:-1] if word.endswith("s") else word):
        if form in _IRREGULAR:
            return _IRREGULAR[form]
    if re.fullmatch(r".*(?:ans|is)", word):
        word = word[:-1]  # 'Libyans', 'Iraqis'
    for ending in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 4:
            continue
        stem = word[: len(word) - len(ending)]
        slack = 0 if ending == "i" else 3  # 'Iraqi' is Iraq exactly; 'Franci(s)' is not France
        found = [
            n
            for n in _country_names()
            if n.casefold().startswith(stem) and len(n) - len(stem) <= slack
        ]
        if len(found) == 1:
            return found[0]
    return None
