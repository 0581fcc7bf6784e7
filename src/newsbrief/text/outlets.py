"""News outlets and agencies: cited as sources, never parties to the story.

They are cited: 'according to Reuters', 'told the BBC'.

An outlet is known by its name ('... News', '... Times', a website), by a noun next to it
('the newspaper X', 'broadcaster X', 'X news agency') or by being only ever cited: the one
told something ('told Reuters') or quoting someone ('X quoted a source').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbrief.text.ner import NameSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OUTLET_NAME = re.compile(
    r"\b(?:[Nn]ews|Times|Post|Herald|Telegraph|Guardian|Journal|Tribune|Gazette|Observer|Media|"
    r"TV|Television|Radio|Broadcasting|Channel|Daily|Magazine|Chronicle|Express|Mirror|Wire|"
    r"Press(?! release)|Reuters|AFP|Agence France-Presse|Associated Press|AP|BBC|CNN|NPR|PBS|"
    r"Al Jazeera|Axios|TASS|Xinhua|Interfax|EFE|ANSA|DPA|Bloomberg|Politico|Wikinews|NBC|CBS|"
    r"ABC|MSNBC|Fox|Sky|Sputnik|IRNA|Anadolu|Yonhap|Kyodo|PAP|Spiegel|Le Monde)\b|"
    r"\.(?:com|org|net)$"
)
# Nouns after a name that make it an outlet ('X news agency'); not 'the X website'.
OUTLET_NOUNS_AFTER = frozenset(
    "newspaper daily weekly tabloid broadcaster channel magazine news agency".split()
)
# 'agency' alone is any agency ('the UN refugee agency UNHCR'); only a news or press agency
# is an outlet.
_NEWS_AGENCY_WORDS = frozenset({"news", "press", "wire"})
# News agencies: wire services that sell news to other outlets.
_AGENCY = re.compile(
    r"^(?:Reuters|AFP|Agence France-Presse|Associated Press|AP|TASS|Xinhua|Interfax|EFE|ANSA|"
    r"DPA|Kyodo|Yonhap|Anadolu|IRNA|PAP|PA Media|Press Association|UPI|Bernama|Antara)$"
)
# Nouns that say the name next to them is an outlet ('the daily Magyar Nemzet').
OUTLET_NOUNS = frozenset(
    (
        "newspaper newspapers paper daily weekly tabloid broadcaster outlet channel station "
        "magazine website site agency network publication journal blog news"
    ).split()
)
# Verbs whose object is the outlet spoken to ('told Reuters'), or whose subject reports.
_TOLD = frozenset({"tell", "give"})
_REPORTS = frozenset({"quote", "cite"})


def is_news_agency(name: str) -> bool:
    """True for a wire service ('Reuters', 'Agence France-Presse'), not a single outlet."""
    return bool(_AGENCY.match(name.removeprefix("the ").strip()))


def is_outlet(doc: Doc, mentions: list[NameSpan]) -> bool:
    """True when the mentions name a news outlet or agency rather than a party."""
    if all(m.label in ("NORP", "GPE", "LOC", "FAC") for m in mentions):
        return bool(_OUTLET_NAME.search(mentions[0].text))  # 'Axios', not 'Hungarian'
    if any(m.label in ("PERSON", "ROLE", "OFFICIAL", "COLLECTIVE") for m in mentions) and not any(
        m.label == "ORG" for m in mentions
    ):
        return bool(_OUTLET_NAME.search(mentions[0].text)) and all(
            m.label not in ("ROLE", "OFFICIAL", "COLLECTIVE") for m in mentions
        )
    if any(_OUTLET_NAME.search(m.text) for m in mentions):
        return True
    return any(_outlet_noun_near(doc, m) for m in mentions) or all(_cited(doc, m) for m in mentions)


def _outlet_noun_near(doc: Doc, mention: NameSpan) -> bool:
    """'the newspaper X', 'broadcaster X', 'X news agency', 'X, a Kurdish outlet'."""
    before = doc[max(mention.first - 3, 0) : mention.first]
    after = doc[mention.last + 1 : mention.last + 3]
    sent = doc[mention.first].sent
    if any(t.lower_ in OUTLET_NOUNS and _of_news(t) for t in before if t.sent == sent):
        return True
    if any(t.lower_ in OUTLET_NOUNS_AFTER and t.pos_ == "NOUN" and _of_news(t) for t in after):
        return True
    head = doc[mention.first : mention.last + 1].root
    return any(
        c.dep_ == "appos" and c.lower_ in OUTLET_NOUNS and _of_news(c) for c in head.children
    )


def _of_news(noun: Token) -> bool:
    """An outlet noun, save 'agency' not written as a news, press or wire agency."""
    if noun.lower_ != "agency":
        return True
    return noun.i > 0 and noun.doc[noun.i - 1].lower_ in _NEWS_AGENCY_WORDS


def _cited(doc: Doc, mention: NameSpan) -> bool:
    """Told something, or quoting someone: 'told Reuters', 'Reuters quoted a source'."""
    head = doc[mention.first : mention.last + 1].root
    if head.dep_ in ("dobj", "dative") and head.head.lemma_ in _TOLD:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lemma_ == "say":
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.lower_ == "interview":
        return True
    return head.dep_ == "nsubj" and head.head.lemma_ in _REPORTS
