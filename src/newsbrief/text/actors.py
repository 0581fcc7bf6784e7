"""Who the article is about: the parser's names grouped into actors, each with a kind.

`read_actors(doc)` turns the named entities of a parsed body into one `Actor` per real entity
(aliases merged: 'U.N.' / 'United Nations', 'Trump' / 'Donald Trump', 'OIC' / 'Organisation of
Islamic Cooperation'), each typed: a person (with the role written around the name), a
state (a country that acts in the story, not one that is only a place), a government, an
organisation, an armed group, a cited news outlet ('source') or a place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsbrief.models import EntityKind
from newsbrief.text import collectives, gazetteer, lexicon, ner
from newsbrief.text import roles as _roles
from newsbrief.text.names import canonical_alias, fold
from newsbrief.text.ner import NameSpan
from newsbrief.text.nlp import doc_text, ents
from newsbrief.text.outlets import is_outlet
from newsbrief.text.places import dateline_span
from newsbrief.text.roles import looks_like_name
from newsbrief.text.states import is_country, state_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Actor:
    """One real entity of the article: its name, kind, mentions and (for a person) role."""

    name: str
    kind: EntityKind
    mentions: list[NameSpan]
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None


@dataclass
class _Group:
    """The mentions that share one name, and what the parse says about them."""

    mentions: list[NameSpan]
    labels: Counter[str] = field(default_factory=Counter)
    uses: Counter[str] = field(default_factory=Counter)
    speaking: int = 0
    siblings: int = 0
    role: str | None = None

    @property
    def name(self) -> str:
        texts = [m.text for m in self.mentions if m.label != "OFFICIAL"] or [self.mentions[0].text]
        return max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))


# A name that ends in one of these is a place ('Gaza Strip', 'Jolo Cathedral'); the second
# list only when the parser does not call the name an organisation ('Kennedy Space Center').
_PLACE_END = re.compile(
    r"\b(?:Avenue|Street|Road|Square|Boulevard|Bridge|Airport|Hospital|Stadium|River|Mountains?|"
    r"Islands?|Sea|Ocean|Province|Region|District|County|City|Valley|Strait|Gulf|Strip|"
    r"Peninsula|Heights|Desert|Coast|Basin|Delta|Lake|Canal|Plateau|Corridor|Crossing|Station|"
    r"Cathedral|Church|Mosque|Temple|Mall|Park|Hotel|Prison|Port|Harbou?r|Village|Zoo|"
    r"Building|Tower|Palace|Clinic)$"
)
_PLACE_END_UNLESS_ORG = re.compile(r"\b(?:Center|Centre|Hall|Base|Camp|Headquarters|Bank)$")
_GOVERNMENT = re.compile(
    r"\b(?:Government|Ministry|Department|Administration|White House|Pentagon|Kremlin|Cabinet|"
    r"Parliament|Congress|Senate|Police|Army|Navy|Air Force|Military|Presidency|Office|"
    r"Commission|Agency|Authority|Court|Assembly|Command|Service|Survey|Guard|Forces|"
    r"House of Representatives|Prefecture|Brigade|Committee|Bureau|Directorate)\b|"
    r"\b(?:government|administration|authorities|police|army|military|cabinet|parliament|"
    r"prosecutors|forces|ministry|council)$"
)
_ARMED = re.compile(
    r"\b(?:Hamas|Hezbollah|Houthis?|Taliban|al-Qaeda|Al-Qaeda|Islamic State|ISIS|ISIL|"
    r"Abu Sayyaf|Boko Haram|al-Shabaab|Al-Shabaab|Brigades?|Militia|Liberation Army|Rebels?|"
    r"Liberation Front|Revolutionary Guards?|Mujahideen|Jihad)\b"
)
# The whole name of a known armed group, which the tagger sometimes takes for a person's.
_ARMED_NAME = re.compile(
    r"(?:the\s+)?(?:Hamas|Hezbollah|Houthis?|Taliban|al-Qaeda|Al-Qaeda|Islamic State|ISIS|ISIL|"
    r"Abu Sayyaf|Boko Haram|al-Shabaab|Al-Shabaab|Ansarul Islam|Ansar al-Sharia|Ansar Allah)"
)
# Words around a name that make an organisation an armed group.
_ARMED_CONTEXT = re.compile(
    r"\b(?:militants?|militia|rebels?|insurgents?|jihadists?|terrorists?|armed group|"
    r"extremists?|guerrillas?)\b",
    re.IGNORECASE,
)
# A storm or a ship: 'Typhoon Marilag', 'MV Sonar Tori'; never a person nor a party.
_HAZARD_OR_SHIP = re.compile(
    r"^(?:(?:Super\s+)?Typhoon|(?:Tropical\s+)?(?:Cyclone|Storm|Depression)|Hurricane|"
    r"MV|MS|SS|HMS|USS|RMS|FV|M/V|INS|HMAS|HMCS|HMNZS|USNS|BRP|KRI|TCG|PNS|ROKS|RFA)\s"
)
# Words no person's name begins with, which a cut name or a sentence's first word may: the
# 'Sans Frontières' of 'Médecins Sans Frontières', 'Besides' or 'Friday' before a surname.
_NOT_A_FIRST_NAME = frozenset(
    "without sans besides for of against with from across among after before during since "
    "under into monday tuesday wednesday thursday friday saturday sunday".split()
)
# Last words of names of things, not of anyone: 'the Paris Agreement', 'the World Cup'.
_THING_ENDS = (
    "Treaty Agreement Accord Award Prize Games Cup Festival Summit Conference Project "
    "Initiative Pipeline".split()
)
# Names of things no person is called: 'the Kopa Trophy', 'Operation Yellowhammer'.
_NO_PERSON = re.compile(r"^Operation\s|\b(?:" + "|".join([*_THING_ENDS, "Trophy", "Medal"]) + r")$")
# Names of actors that are things, not actors: programmes, appeals, vehicles, diseases.
_NOT_ACTOR_ENDS = (
    "Campaign Appeal Plan Act Day Week Convention Forum Report Fund War Primary Election Zone"
).split()
_NOT_ACTOR = re.compile(
    r"\b(?:" + "|".join([*_THING_ENDS, *_NOT_ACTOR_ENDS]) + r")$|"
    r"\d|^(?:UTC|GMT|EST|EDT|PST|PDT|CET|CEST|BST)$|" + _HAZARD_OR_SHIP.pattern
)
# A group of states named by its size ('G20', 'G5 Sahel'), not a number in a name.
_GROUP_OF_STATES = re.compile(r"G\d{1,2}\b")
# Words that end the name of a body as well as of an event or a pot of money.
_BODY_OR_EVENT_END = re.compile(r"\b(?:Forum|Fund)$")


def _a_body_after_all(group: _Group) -> bool:
    """A name the event and thing words would rule out that names a body all the same.

    'G20' and 'the G5 Sahel' are groups of states; a forum or fund that speaks, owns or has
    members or meets ('ministers of the Pacific Islands Forum', 'the International Monetary
    Fund said') is a body, not a meeting or a pot of money.
    """
    name = group.name
    if _GROUP_OF_STATES.match(name):
        return True
    return bool(_BODY_OR_EVENT_END.search(name)) and (
        group.uses["agent"] + group.uses["possessor"] + group.uses["partner"] > 0
    )


# A political party is never a place, even when met only 'at' ('at the Labour Party's
# conference').
_POLITICAL_PARTY = re.compile(r"\bParty\b")
# An office held by a person, not a body: 'Minister of Transport', 'Secretary of State'.
_OFFICE = re.compile(
    r"^(?:(?:Deputy|Vice|Prime|Foreign|Acting)\s+)?(?:Minister|Secretary|Commissioner|Director|"
    r"Governor|Mayor|President|Chairman|Chairwoman|Ambassador)\s+(?:of|for)\b"
)
_ORG_WORDS = re.compile(
    r"\b(?:Council|Nations|Union|Organi[sz]ation|Committee|Fund|Bank|Company|Corporation|"
    r"Group|Institute|University|Church|Foundation|Association|Party|League|Federation|"
    r"Inc|Ltd|Kft|Airlines?|Airways|Agency|Centre|Center|Laboratory|Society|Movement|Team|"
    r"Network|Alliance|Coalition|Club|School|College|Office)\b"
)


def read_actors(doc: Doc, headline: frozenset[str] = frozenset()) -> list[Actor]:
    """Every actor, place and outlet the parsed body names, in order of first mention.

    Args:
        doc: The parsed body.
        headline: Names the headline makes its subject (`ner.headline_subjects`): each is
            central to the story, so a country or region among them acts in it.
    """
    subjects = {fold(canonical_alias(name) or name) for name in headline}
    spans = ner.shared_surnames(doc, ner.entity_spans(doc))
    spans = collectives.collective_spans(doc) + _roles.person_spans(doc) + spans
    spans = collectives.party_members(doc) + spans
    spans = _armed_group_spans(doc) + spans
    spans = _outside_titles(doc, spans) + ner.acronym_spans(doc) + ner.country_spans(doc)
    spans = [s for s in spans if not _in_credit(doc_text(doc), s)]
    dateline = dateline_span(doc_text(doc))  # 'RIGA, March 10 - ': a place, never an actor
    if dateline is not None:
        spans = [s for s in spans if not (s.start < dateline[1] and dateline[0] < s.end)]
    spans += _roles.official_states(doc) + collectives.bare_collectives(doc)
    groups = _merge_short_forms(doc, _group(doc, spans))
    actors: list[Actor] = []
    unsure: list[Actor] = []  # one-word names that count only as a known person's short form
    for group in groups:
        # 'Storm Ciara', 'Cyclone Gati': the tagger may take them for people
        hazard = _HAZARD_OR_SHIP.match(group.name)
        kind = None if hazard else _kind(doc, group, is_outlet(doc, group.mentions))
        if kind == "place" and _headlined(group, subjects):
            kind = _headline_kind(group)
        if kind is not None:
            actors.append(Actor(group.name, kind, group.mentions))
        elif " " not in group.name and not group.labels["OFFICIAL"]:
            unsure.append(Actor(group.name, "other", group.mentions))
    actors = _merge_people(actors, unsure)
    actors = _fold_the_government(actors)
    _add_surnames(doc, actors)
    adjectives = _adjectives(doc)
    for actor in actors:
        forms = {m.text for m in actor.mentions if m.label != "OFFICIAL"}
        formal = _formal_names(actor.name, adjectives) if actor.kind == "government" else set()
        if actor.kind == "state":
            formal = _state_government(actor.name, adjectives)  # 'Turkey said': its government
        actor.aliases = sorted((forms | formal) - {actor.name})
        if actor.kind == "person":
            _describe(doc, actor, actors)
    return sorted(actors, key=lambda a: a.mentions[0].start)


def _fold_the_government(actors: list[Actor]) -> list[Actor]:
    """'The government said' in a story with one state that acts: that state's government.

    Its mentions join the state, whose aliases carry the government's formal names.
    """
    states = [a for a in actors if a.kind == "state"]
    bare = [a for a in actors if a.name.lower() == "government"]
    if len(states) != 1 or len(bare) != 1:
        return actors
    states[0].mentions = sorted([*states[0].mentions, *bare[0].mentions], key=lambda m: m.start)
    return [a for a in actors if a is not bare[0]]


_FORMAL_HEADS = frozenset({"government", "cabinet", "parliament"})


def _government_of(country: str) -> str:
    """'Government of Turkey', 'Government of the United States', '... of the Netherlands'."""
    plural = country.endswith("s") and is_country(country)  # not 'the Texas'
    the = country.startswith(("United ", "Republic ", "Democratic ")) or plural
    return f"Government of the {country}" if the else f"Government of {country}"


def _state_government(country: str, adjectives: dict[str, str]) -> set[str]:
    """The government of a state, as formal names write it and as the article's adjective does.

    'Government of Spain', and 'Spanish government' when the article writes 'Spanish'.
    """
    names = {_government_of(country)}
    adjective = adjectives.get(country)
    if adjective is not None:
        names.add(f"{adjective} government")
    return names


def _place_word(word: str) -> bool:
    """A capitalised name that is not an adjective of nationality ('Sindh', not 'Dutch')."""
    return word[:1].isupper() and state_of(word) is None and not word.endswith(("an", "ese"))


# The portfolio words of a ministry as its formal name spells them ('Ministry of Defence').
_PORTFOLIOS = {"foreign": "Foreign Affairs", "defense": "Defense", "defence": "Defence"}


def _adjectives(doc: Doc) -> dict[str, str]:
    """The adjective of nationality the article writes for each country ('Turkey': 'Turkish')."""
    out: dict[str, str] = {}
    for tok in doc:
        # 'Norwegian' in 'the Norwegian Institute of Public Health' is written too
        if tok.ent_type_ in ("NORP", "ORG") and tok.text[:1].isupper():
            state = state_of(tok.text)
            if state is not None and tok.text.casefold() != state.casefold():
                out.setdefault(state, tok.text)
    return out


def _formal_names(name: str, adjectives: dict[str, str] | None = None) -> set[str]:
    """Other ways the same body is written, kept as aliases.

    'Government of Iraq' for 'the Iraqi government' or 'Iraq's government'; 'Mozambique
    health ministry' and 'Ministry of Health' for 'Mozambique's health ministry'; 'Turkish
    foreign ministry' for 'Turkey's foreign ministry' when the article writes 'Turkish';
    'Government of Sindh' for 'the Sindh government'.
    """
    out: set[str] = set()
    if "'s " in name:
        out.add(name.replace("'s ", " ", 1))
        owner, rest = name.split("'s ", 1)
        adjective = (adjectives or {}).get(canonical_alias(owner) or owner)
        if adjective is not None:
            out.add(f"{adjective} {rest}")
    words = name.replace("'s ", " ").split()
    if len(words) >= 2 and words[-1].lower() == "government" and all(map(_place_word, words[:-1])):
        out.add(_government_of(" ".join(words[:-1])))  # 'Government of Andhra Pradesh'
    if len(words) in (2, 3) and words[-1].lower() == "ministry":  # 'the economy ministry'
        portfolio = words[-2].lower()
        out.add(f"Ministry of {_PORTFOLIOS.get(portfolio, portfolio.capitalize())}")
    if len(words) == 2 and words[1].lower() in _FORMAL_HEADS:
        country = words[0] if is_country(words[0]) else state_of(words[0])
        if country:
            head = words[1].lower()
            out.add(
                _government_of(country)
                if head == "government"
                else f"{head.capitalize()} of {country}"
            )
    return out


def _headlined(group: _Group, subjects: set[str]) -> bool:
    """True when the headline makes this country, region or organisation its subject."""
    if not subjects or _label(group) not in ("GPE", "ORG"):
        return False
    return any(fold(canonical_alias(m.text) or m.text) in subjects for m in group.mentions)


def _headline_kind(group: _Group) -> EntityKind:
    """A headline's subject: a country is a state, a region its government ('Ohio declares')."""
    name = group.name
    if is_country(name) or is_country(canonical_alias(name) or "-"):
        return "state"
    return "government" if _label(group) == "GPE" else "organisation"


def _add_surnames(doc: Doc, actors: list[Actor]) -> None:
    """Add the surname mentions the tagger missed ('Torres added ...') to their person."""
    people = [a for a in actors if a.kind == "person" and " " in a.name]
    taken = {i for a in actors for m in a.mentions for i in range(m.first, m.last + 1)}
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        owners = [p for p in people if fold(p.name).split()[-1] == fold(token.text)]
        if len(owners) == 1:
            owner = owners[0]
            owner.mentions = sorted(
                [*owner.mentions, ner.token_span(doc, token.i, "PERSON")], key=lambda m: m.start
            )


def _describe(doc: Doc, person: Actor, actors: list[Actor]) -> None:
    """A person's role as written, and the party the role or an 'of'-phrase names."""
    role = _roles.role_of(doc, person.mentions)
    tokens = _roles.affiliation_tokens(doc, person.mentions)
    if role is not None:
        person.role = ner.text_of(doc, *role)
        tokens.update(range(role[0], role[1] + 1))
    parties = [a for a in actors if a.kind not in ("person", "place", "source")]
    for actor in parties:
        if any(m.first in tokens for m in actor.mentions):
            person.affiliation = actor.name
            return
    states = {_state_named(doc, i) for i in sorted(tokens)} - {None}
    named = [a.name for a in parties if a.name in states]
    if named:
        person.affiliation = named[0]  # 'US Secretary of State', 'the Egyptian minister'


def _state_named(doc: Doc, index: int) -> str | None:
    """The state a nationality or country word names ('Egyptian', 'US'), if any."""
    token = doc[index]
    if token.ent_type_ == "NORP":
        return state_of(token.text)
    if token.ent_type_ == "GPE":
        return canonical_alias(token.text) or token.text
    return None


_CREDIT = re.compile(r"\b(?:Image|Photo|Credit):")


def _armed_group_spans(doc: Doc) -> list[NameSpan]:
    """Known armed groups the entity tagger cut or missed ('Islamic' of 'Islamic State')."""
    out: list[NameSpan] = []
    for match in _ARMED_NAME.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        if span is None or any(t.ent_type_ in ("ORG", "PERSON") for t in span):
            continue  # tagged already (a person's name is mended by kind)
        name = ner.clean(doc, span.start, span.end - 1, "ORG")
        if name is not None:
            out.append(name)
    return out


def _in_credit(text: str, span: NameSpan) -> bool:
    """A name in a picture credit ('Susan Rice Image: White House.') credits, not acts."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(_CREDIT.search(text, line_start, span.start))


def _outside_titles(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Drop names that only qualify a person's title ('Defence' in 'Defence Secretary X')."""
    titles: set[int] = set()
    for span in spans:
        if span.label in ("PERSON", "ROLE"):
            found = ner.title_before(doc, span)
            if found is not None:
                titles.update(range(found[0], found[1] + 1))
    return [
        s
        for s in spans
        if s.label in ("PERSON", "ROLE", "COLLECTIVE")
        or not set(range(s.first, s.last + 1)) <= titles
        or _organisation_in_title(s)
        or _body_led_in_title(doc, s)
    ]


def _organisation_in_title(span: NameSpan) -> bool:
    """'NATO' in 'NATO Secretary General X': the person's organisation takes part too.

    Only an organisation's own name counts: an acronym or a name with an organisation's word;
    not 'Defence' of 'Defence Secretary'.
    """
    if span.label != "ORG" or len(span.text) < 2:
        return False
    return span.text.isupper() or bool(_ORG_WORDS.search(span.text))


# Titles that a body gives the people who lead it or speak for it, not a minister's portfolio:
# 'Podemos leader X', 'Entergy chief executive X', 'Kremlin aide X' name the body.
_LEADS_A_BODY = frozenset(
    "founder chief ceo president chairman chairwoman chair leader spokesman spokeswoman "
    "spokesperson aide director head member".split()
)
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "adviser", "advisor"})


def _body_led_in_title(doc: Doc, span: NameSpan) -> bool:
    """An organisation named in a person's title by its own name, not by a portfolio.

    'European Commission President X' and 'National Transportation Safety Board member X' (the
    name has a body's word), 'Virgin Galactic founder X' (a body's own title follows); not
    'Interior Minister X', 'Local Government Minister X' or 'Transport Cabinet Secretary X',
    which name a portfolio, nor 'Supreme Leader X' or 'Ugandan President X'.
    """
    if span.label != "ORG" or " and " in span.text:
        return False
    after = doc[span.last + 1] if span.last + 1 < len(doc) else None
    if after is None or after.lower_ in _PORTFOLIO_TITLES:
        return False
    if " " in span.text and _GOVERNMENT.search(span.text):
        return True
    # a body's own title is written in lower case: 'Podemos leader', not 'Supreme Leader'
    if after.text not in _LEADS_A_BODY or not span.text[:1].isupper():
        return False
    word = doc[span.first]
    return " " in span.text or (
        word.pos_ == "PROPN"
        and state_of(word.text) is None
        and word.lower_ not in lexicon.TITLE_WORDS
        and not _GOVERNMENT.fullmatch(word.text)
    )


def _key(span: NameSpan) -> str:
    """The name that mentions of one entity share.

    'The U.S.' and 'United States' share one; so do 'the Samoan government' and 'the
    government of Samoa'.
    """
    text = span.text
    if span.label == "BARE":
        return f"the {text.lower()}"
    if span.label != "COLLECTIVE":
        return fold(canonical_alias(text) or text)
    words = text.split()
    of_form = len(words) > 2 and words[1] == "of"
    head, owner = (words[0], " ".join(words[2:])) if of_form else (words[-1], " ".join(words[:-1]))
    owner = state_of(owner) or canonical_alias(owner) or owner
    return f"{fold(owner)} {head.lower()}"


def _group(doc: Doc, spans: list[NameSpan]) -> list[_Group]:
    """Mentions grouped by folded name; overlapping mentions keep the first one read."""
    taken: set[int] = set()
    groups: dict[str, _Group] = {}
    for whole in spans:
        span = whole if whole.label == "OFFICIAL" else _untaken(doc, whole, taken)
        if span is None:
            continue
        taken |= set(range(span.first, span.last + 1))
        group = groups.setdefault(_key(span), _Group([]))
        group.mentions.append(span)
        group.labels[span.label] += 1
        group.uses[ner.use_of(doc, span)] += 1
        # a 'place' that speaks is a person the tagger misread ('Blinken expressed ...')
        group.speaking += span.label in ("GPE", "LOC", "FAC", "NORP") and ner.speaks(doc, span)
        group.siblings += span.label not in ("PERSON", "ROLE") and ner.beside_person(doc, span)
    for group in groups.values():
        group.mentions.sort(key=lambda m: m.start)
    return list(groups.values())


def _untaken(doc: Doc, span: NameSpan, taken: set[int]) -> NameSpan | None:
    """The span, or its part before or after words another mention already holds."""
    tokens = range(span.first, span.last + 1)
    if not taken.intersection(tokens):
        return span
    free = [i for i in tokens if i not in taken]
    if not free or free[-1] - free[0] + 1 != len(free) or free[0] not in (span.first, free[0]):
        return None
    part = ner.clean(doc, free[0], free[-1], span.label)
    return part if part is not None and part.text[:1].isupper() else None


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def _absorb(owner: _Group, group: _Group) -> None:
    owner.mentions = sorted(owner.mentions + group.mentions, key=lambda m: m.start)
    owner.labels += group.labels
    owner.uses += group.uses
    owner.speaking += group.speaking
    owner.siblings += group.siblings


def _merge_short_forms(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """Fold short forms into the one long name they stand for.

    'OIC' into 'Organisation of Islamic Cooperation' (initials, or written in brackets after
    it: 'Federal Security Service (FSB)'), 'Mahan' into 'Mahan Air' and 'Telegraph' into
    'Daily Telegraph' (its first or last word), and
    'police said' into the one police the article names ('Toronto Police').
    """
    out: list[_Group] = []
    for group in groups:
        owners = [g for g in groups if g is not group and _shortens(doc, group, g)]
        if len(owners) == 1:
            _absorb(owners[0], group)
        else:
            out.append(group)
    return out


def _shortens(doc: Doc, short: _Group, long: _Group) -> bool:
    """True when `short` is a short form of `long`'s name."""
    name, full = short.name, long.name
    if " " not in full or len(name) >= len(full) or short.labels["OFFICIAL"]:
        return False
    if short.labels["BARE"]:  # 'police' of 'Toronto Police', 'state police' of 'Ohio State Police'
        words, whole = name.lower().split(), full.lower().split()
        tail = whole[len(whole) - len(words) :] == words
        return len(short.labels) == 1 and (tail or len(words) == 1 and words[0] in whole)
    if re.fullmatch(r"[A-Z]{2,8}", name):  # up to "CARICOM", "MONUSCO"
        if _initials(full).endswith(name) or full.split()[0] == name:
            return True  # 'OIC', and 'HDT' of 'HDT Limited'
        return any(doc_text(doc).startswith(f" ({name})", m.end) for m in long.mentions)
    if short.labels["PERSON"] or short.labels["ROLE"] or is_country(name) or state_of(name):
        return False  # 'Turkish' is no short form of 'Turkish Airlines'
    if " " in name:
        return _org_variant(short, long)
    return bool(long.labels["ORG"]) and name in (full.split()[0], full.split()[-1])


def _singular_words(name: str) -> list[str]:
    """The folded words of a name, a plural 's' dropped ('Defence Forces' -> defence force)."""
    return [re.sub(r"(?<=[a-z]{3})s$", "", w) for w in fold(name).split()]


def _org_variant(short: _Group, long: _Group) -> bool:
    """An organisation's name written shorter or in the other number.

    'Security Council' of 'UN Security Council', 'Defence Force' of 'Defence Forces': the
    shorter name's words (plural or singular) are the last words of the longer one.
    """
    if not (short.labels["ORG"] and long.labels["ORG"]):
        return False
    words, whole = _singular_words(short.name), _singular_words(long.name)
    return len(words) <= len(whole) and whole[len(whole) - len(words) :] == words


def _kind(doc: Doc, group: _Group, outlet: bool) -> EntityKind | None:
    """The kind of actor a group names, or None when it names no actor at all."""
    name = group.name
    if outlet:
        return "source"
    written = _kind_as_written(doc, group)
    if written is not None:
        return written
    if _is_person(doc, group):
        # 'fighting Boko Haram': the tagger took a known armed group's name for a person's
        return "armed_group" if _ARMED_NAME.fullmatch(name) else "person"
    label = _label_read(group)
    if is_country(name) or is_country(canonical_alias(name) or "-"):
        return "state" if _acts(group) else "place"
    if _CARE_END.search(name) and _speaks_or_owns(doc, group):
        return "organisation"  # 'Mulago Hospital said', 'the hospital's director': it takes part
    if label in ("GPE", "LOC", "FAC") or _PLACE_END.search(name):
        return "place"
    if label != "ORG" and _PLACE_END_UNLESS_ORG.search(name):
        return "place"
    last = name.split()[-1].lower()
    if (
        label != "ORG"
        or (_NOT_ACTOR.search(name) and not _a_body_after_all(group))
        or last in lexicon.TITLE_HEADS | lexicon.NAMED_HAZARDS
    ):
        return None
    if name.lower() in lexicon.BELIEFS:
        return None  # 'converted to Islam': a faith, not a party
    if _OFFICE.match(name) or name.split()[-1].lower() in ("and", "of", "the", "for"):
        return None  # 'Minister of Transport and Logistics': an office, or a broken name
    if set(group.uses) <= {"place"} and not _POLITICAL_PARTY.search(name):
        return "place"
    if _misread_place(doc, group):
        return "place"
    if " " not in name and _only_qualifies_a_thing(doc, group):
        return None  # 'Mulago hospital', 'the Osh regions': one word that only qualifies a noun
    if not _looks_like_org_name(doc, name) or set(group.uses) == {"aside"}:
        return None  # or named only as another name, an example, a frame or a platform
    return _organisation_kind(doc, group)


# Nouns that say what kind of body a name in apposition to them is: 'the group Boko Haram'.
_BODY_NOUNS = frozenset(
    "group organisation organization movement company firm charity militia faction network "
    "alliance coalition union club insurgency outfit".split()
)


def _named_as_a_body(doc: Doc, group: _Group) -> bool:
    """A name set in apposition to a noun of organisations ('the militant group Boko Haram').

    Whatever label the tagger gave it, the writer has said what it is.
    """
    for mention in group.mentions:
        root = doc[mention.last]
        if root.dep_ in ("appos", "compound") and root.head.i < mention.first:
            head = root.head
            if head.lemma_.lower() in _BODY_NOUNS and head.i == mention.first - 1:
                return True
    return False


def _label_read(group: _Group) -> str:
    """The parser's label, mended where the name says otherwise.

    An acronym or a camel-cased 'person' that acts is an organisation ('SpaceX'); a 'place'
    whose head noun is a body's is one ('Lake Chad Basin Commission').
    """
    label, name = _label(group), group.name
    if label == "ACRONYM" or label == "PERSON" and re.fullmatch(r"[A-Z]\w*[A-Z]\w*", name):
        return "ORG" if _acts(group) else label
    if label in ("GPE", "LOC", "FAC") and _a_body_by_name(name) and not _PLACE_END.search(name):
        return "ORG"
    return label


# Head nouns that make a name a body, whatever place it is named after: 'Lake Chad Basin
# Commission', 'Asia-Pacific Economic Cooperation', 'Chamber of Commerce'.
_BODY_HEADS = frozenset(
    "commission council union organisation organization committee cooperation authority agency "
    "bank fund federation association league alliance chamber coalition community court "
    "assembly ministry department institute board secretariat".split()
)


def _a_body_by_name(name: str) -> bool:
    """A name whose head noun is a body's: the last word, or the word before its first 'of'."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() in _BODY_HEADS


def _kind_as_written(doc: Doc, group: _Group) -> EntityKind | None:
    """The kind the words around the name state: a collective, or a body in apposition."""
    if group.labels["COLLECTIVE"] or group.labels["OFFICIAL"] or group.labels["BARE"]:
        return _collective_kind(group)
    if _named_as_a_body(doc, group) or _has_members(doc, group) or _told_with_which(doc, group):
        return _organisation_kind(doc, group)
    return None


def _told_with_which(doc: Doc, group: _Group) -> bool:
    """A 'person' told with 'which' that speaks or owns ('Temblores, which said') is a body.

    A thing is told with 'which' too ('the Hajj, which', 'the Moon, which'), but says and
    owns nothing.
    """
    if _label(group) != "PERSON" or group.labels["ROLE"] or is_country(group.name):
        return False
    if not any(ner.followed_by_which(doc, m) for m in group.mentions):
        return False
    return _speaks_or_owns(doc, group) or group.uses["agent"] > 0


def _has_members(doc: Doc, group: _Group) -> bool:
    """A 'person' whose members sit for it ('Fine Gael's parliamentary party') is a body.

    A land with lawmakers is still a land, and a name typed as a body is read as one.
    """
    if is_country(group.name) or _PLACE_END.search(group.name) or group.uses["place"]:
        return False
    if _label(group) != "PERSON":
        return False  # 'Hela's members of parliament': a province's; a body's name is read
    return any(ner.owns_members(doc, m) for m in group.mentions)


def _misread_place(doc: Doc, group: _Group) -> bool:
    """An 'organisation' that is a town: a known city, or a name also typed as a place.

    The small tagger calls unfamiliar towns organisations ('Chelyabinsk's governor',
    'Dushanbe was open to talks'). A name with a word of an organisation's kind ('Kabul
    Bank', 'Lagos State Emergency Agency') stays an organisation, and so does one that
    speaks ('Paraopeba said', a company named after its town).
    """
    name = group.name
    if _ORG_WORDS.search(name) or _GOVERNMENT.search(name) or _ARMED.search(name):
        return False
    if _POLITICAL_PARTY.search(name) or any(ner.speaks(doc, m) for m in group.mentions):
        return False
    # only mentions of the whole name: not 'Blantyre' folded into 'Blantyre United'
    whole = [m for m in group.mentions if fold(m.text) == fold(name)]
    typed = any(m.label in ("GPE", "LOC") for m in whole) and group.uses["place"] > 0
    return typed or gazetteer.is_city(name)


# People who act for a body: a name that qualifies one of these names a party.
_MEMBERS = frozenset(
    "official spokesman spokeswoman spokesperson member leader commander chief head envoy "
    "negotiator delegation representative fighter militant rebel insurgent soldier troop "
    "founder aide".split()
)


# Meetings a body holds of its members: a name that qualifies one names a party.
_BODY_MEETINGS = frozenset({"summit", "meeting", "ministerial", "congress"})


def _only_qualifies_a_thing(doc: Doc, group: _Group) -> bool:
    """True when the name's one mention qualifies a noun that is not a title ('Mulago hospital').

    'NATO Secretary General' still names NATO: an organisation in a person's title takes part.
    """
    if len(group.mentions) != 1 or set(group.uses) != {"modifier"}:
        return False
    noun = ner.head_of(doc, group.mentions[0]).head
    if noun.lemma_.lower() in _MEMBERS and state_of(group.name) is None:
        return False  # 'a Taliban official said', 'Taliban fighters': the body acts through them
    if noun.lemma_.lower() in _BODY_MEETINGS and state_of(group.name) is None:
        return False  # 'a NATO summit', 'the G20 summit': the body meets
    return noun.lower_ not in lexicon.TITLE_WORDS


def _looks_like_org_name(doc: Doc, name: str) -> bool:
    """An organisation's name, not a list, a place pair, a title or a capitalised word.

    Not 'Prohibition Party, Reform Party', 'Crete and Cyprus', 'Interior', nor 'Reports' at
    the start of a sentence.
    """
    if re.search(r", (?!Inc|Ltd|LLC)", name):
        return False
    if len(name) <= 2:
        return canonical_alias(name) is not None  # 'UN', 'EU': short, but well known
    if any(is_country(part) for part in name.split(" and ")[1:]):
        return False
    if all(w.lower() in lexicon.TITLE_WORDS for w in name.split()):
        return False
    if " " not in name and not name.isupper():
        return not re.search(rf"\b{re.escape(name.lower())}\b", doc_text(doc))
    return True


def _collective_kind(group: _Group) -> EntityKind:
    name = group.name
    if is_country(name) or group.labels["OFFICIAL"] and not group.labels["COLLECTIVE"]:
        return "state" if _acts(group) else "place"
    owner = canonical_alias(name.split()[0])
    if name.endswith("campaign") or owner is not None and not is_country(owner):
        return "organisation"  # 'the Ruiz campaign', 'the UN refugee agency'
    return "government"


def _organisation_kind(doc: Doc, group: _Group) -> EntityKind:
    name = group.name
    if _ARMED.search(name):
        return "armed_group"
    around = " ".join(doc[m.first].sent.text for m in group.mentions)
    if _ARMED_CONTEXT.search(around) and not _GOVERNMENT.search(name):
        return "armed_group"
    if _GOVERNMENT.search(name):
        return "government"
    return "organisation"


def _label(group: _Group) -> str:
    """The parser's commonest label other than PERSON; an organisation wins a tie."""
    labels = {k: v for k, v in group.labels.items() if k != "PERSON"}
    if not labels:
        return "PERSON"
    return max(labels, key=lambda k: (labels[k], k == "ORG"))


# A country named this often is central to the story, whatever the grammar of its mentions.
_CENTRAL_MENTIONS = 4


# Names of places of care, which are also bodies that speak and act: 'X Hospital said'.
_CARE_END = re.compile(r"\b(?:Hospital|Clinic|Medical Cent(?:re|er))$")


def _speaks_or_owns(doc: Doc, group: _Group) -> bool:
    """True when some mention says something or owns something ('the hospital's director').

    Not a subject of any other verb: 'X Hospital returned to normal operation' is a building.
    """
    return group.uses["possessor"] > 0 or any(ner.speaks(doc, m) for m in group.mentions)


def _acts(group: _Group) -> bool:
    """True when a state takes part in the story rather than only being where it happens.

    Some mention is a subject, a possessor, a partner or an official's state, or the article
    names it again and again.
    """
    if group.labels["OFFICIAL"] or len(group.mentions) >= _CENTRAL_MENTIONS:
        return True
    return any(group.uses[u] for u in ("agent", "possessor", "partner"))


def _is_person(doc: Doc, group: _Group) -> bool:
    """A person: a name of name words, with a role, or labelled PERSON more than anything else.

    One word alone ('Blinken') must have a role or be labelled PERSON and speak, and must not
    also be written in lower case (a sentence-initial 'Measles').
    """
    name = group.name
    if not looks_like_name(name) or is_country(name) or _label(group) == "NORP":
        return False
    if _NO_PERSON.search(name) or name.split()[0].lower() in _NOT_A_FIRST_NAME:
        return False  # 'Kopa Trophy', 'Sans Frontières', 'Besides Shen': typed a person
    if _ORG_WORDS.search(name) or _GOVERNMENT.search(name) or _PLACE_END.search(name):
        return False
    if any(ner.followed_by_which(doc, m) for m in group.mentions) and not group.labels["ROLE"]:
        return False  # 'Sinn Féin, which won the most votes': a body or a place
    if group.labels["ROLE"] or _of_an_organisation(doc, group):
        return True
    if " " in name and any(ner.owns_his(doc, m) for m in group.mentions):
        return True  # 'Novak Djokovic won his sixth title', typed as an organisation
    if set(group.uses) <= {"place"} or all(ner.beside_place(doc, m) for m in group.mentions):
        return False  # 'in Chippewa Falls', 'Ciudad Juarez, Mexico': a place misread
    if " " in name and group.uses["place"] and gazetteer.is_city(name):
        return False  # 'in San Pedro Sula' once and 'San Pedro Sula was flooded': a city
    if any(e.text.startswith(name + " ") and e.label_ != "PERSON" for e in ents(doc)):
        return False  # 'Tupua Tamasese Meaole's clinic' beside 'Tupua Tamasese Meaole Hospital'
    if _label(group) not in ("GPE", "LOC", "FAC") and " " in name:
        if any(ner.followed_by_who(doc, m) for m in group.mentions):
            return True  # 'Ashleigh Barty, who beat ...', typed as an organisation
    others = sum(v for k, v in group.labels.items() if k != "PERSON") - group.speaking
    votes = group.labels["PERSON"] + group.speaking
    if " " not in name:
        lower = re.search(rf"\b{re.escape(name.lower())}\b", doc_text(doc))
        return bool(group.labels["PERSON"] and group.speaking and not lower and votes > others)
    votes += group.siblings
    return votes > others or bool(group.siblings) and votes >= others


def _of_an_organisation(doc: Doc, group: _Group) -> bool:
    """'Arben Rexhepi of the Union for Democratic Progress': a member named by their body.

    A name of two or three name words followed by 'of' and an organisation names a person,
    whatever label the tagger gave it.
    """
    if not 2 <= len(group.name.split()) <= 3:
        return False
    for mention in group.mentions:
        at = mention.last + 1
        if at + 1 >= len(doc) or doc[at].lower_ != "of":
            continue
        if doc[at + 1].ent_type_ == "ORG" and doc[at + 1].ent_iob_ == "B":
            return True  # 'of the Union for ...', 'of UNICEF'
    return False


def _short_forms(name: str) -> tuple[str, ...]:
    """'Bashar al-Assad' -> ('bashar', 'al-assad', 'assad'): the forms that name one person.

    Of three words or more, the second counts too: 'Restrepo' of 'Camila Restrepo Salcedo'
    (a first surname), 'Moussa' of 'Hassan Moussa Ali'.
    """
    words = fold(name).split()
    middle = (words[1],) if len(words) >= 3 and len(words[1]) > 2 else ()
    return (words[0], words[-1], words[-1].split("-")[-1], *middle)


def _merge_people(actors: list[Actor], unsure: list[Actor]) -> list[Actor]:
    """Fold shorter forms of a person's name into the one fullest form they shorten.

    'Netanyahu' or 'Tuilaepa' (one word, whatever the tagger called it), 'Tuilaepa
    Malielegaoi' (first and last words of 'Tuilaepa Sailele Malielegaoi'); 'Joe Biden' beside
    'Joseph R. Biden' stays apart. An unsure name that shortens no one is dropped.
    """
    people = [a for a in actors if a.kind == "person"]
    known = {id(a) for a in actors}
    out: list[Actor] = []
    for actor in actors + unsure:
        if actor.kind in ("state", "source"):
            out.append(actor)
            continue
        # 'Von der Leyen', 'López Obrador': a surname of several words, typed a body
        typed_a_body = actor.kind != "person" and " " in actor.name
        shortens = _ends_name if typed_a_body else _shortens_person
        owners = [p for p in people if p is not actor and shortens(actor.name, p.name)]
        if len(owners) == 1:
            owners[0].mentions = sorted(owners[0].mentions + actor.mentions, key=lambda m: m.start)
        elif id(actor) in known:
            out.append(actor)
    return out


def _ends_name(short: str, full: str) -> bool:
    """'Von der Leyen' of 'Ursula von der Leyen': the last words of a longer name, in full."""
    words, whole = fold(short).split(), fold(full).split()
    return 1 < len(words) < len(whole) and whole[-len(words) :] == words


def _shortens_person(short: str, full: str) -> bool:
    """'Assad' of 'Bashar al-Assad'; 'Tuilaepa Malielegaoi' of 'Tuilaepa Sailele Malielegaoi'."""
    words, whole = fold(short).split(), fold(full).split()
    if len(words) >= len(whole):
        return False
    if len(words) == 1:
        return words[0] in _short_forms(full)
    return words[-1] == whole[-1] and words[0] == whole[0]
