"""What a count in a parsed sentence counts: the metric its cue words name (no model).

A number phrase is placed in the dependency parse (`newsbrief.text.counts`); the cue word
nearest it in the tree names the metric: "were killed", "left five dead", "injuring 12",
"death toll rose to 31", "home to", "cases". The doer of a harm ("two gunmen killed ...")
and a negated verb give no cue; a count of things that are neither people, damage nor cases
(blasts, aftershocks, vehicles, votes) and a number set off after a name (an age) are no
figure. A noun that names who is counted ("residents", "rescuers") is a weak cue: a verb
near the number wins over it ("5,000 residents fled").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, get_args

from newsbrief.models import Metric
from newsbrief.text import counts as _counts

if TYPE_CHECKING:
    from spacy.tokens import Token

Label = Metric | Literal["none"]

# --- the cue words: lemma -> metric ----------------------------------------------------------

_LEXICON: dict[str, Label] = {
    **dict.fromkeys(
        "kill die dead death fatality body corpse murder perish drown toll behead massacre "
        "slay slain fatal killing electrocute neutralise neutralize succumb".split(),
        "killed",
    ),
    **dict.fromkeys(
        "injure injured injury wound wounded hurt hospitalize hospitalise hospitalized "
        "hospitalised admit casualty maim shoot stab harm".split(),
        "wounded",
    ),
    **dict.fromkeys("missing miss unaccounted disappear trap trapped".split(), "missing"),
    **dict.fromkeys(
        "displace displaced flee evacuate evacuated evacuee evacuation refugee homeless refuge "
        "shelter relocate uproot".split(),
        "displaced",
    ),
    **dict.fromkeys("inhabit population carry".split(), "population"),
    **dict.fromkeys(
        "vaccinate vaccinated immunize immunise vaccine dose rescue rescued treat treatment "
        "discharge ration aid".split(),
        "aid",
    ),
    **dict.fromkeys(
        "case infection infect infected positive damage damaged destroy destroyed collapse "
        "flatten raze affect sicken".split(),
        "other",
    ),
    **dict.fromkeys("kidnap abduct hostage captive".split(), "detained"),
    **dict.fromkeys(
        "arrest detain custody jail imprison sentence convict charge book vote voter ballot poll "
        "seat aftershock deploy station attend elect".split(),
        "none",
    ),
}
# What befalls buildings and vehicles: only these make a count of them a figure.
_DAMAGE = frozenset(
    "damage damaged destroy destroyed collapse flatten raze affect bury burn gut level "
    "sweep wash sink hit torch set wreck crush overturn flood submerge".split()
)
# What buildings and vehicles do when destroyed, said of them as the subject: "120 homes burned".
_GIVE_WAY = frozenset("burn collapse sink crumble cave".split())
# How a fire or a flood moves on through buildings: "spread to five neighbouring buildings".
_SPREAD = frozenset("sweep spread tear rip rage".split())
# Verbs that destroy with "down": "a landslide brought down five houses".
_DOWN = frozenset("bring knock tear pull come".split())
# Found unfit to use: "engineers declared 46 flats unsafe".
_UNFIT = frozenset("unsafe uninhabitable unsound unusable inhabitable".split())
# Nouns that name who is counted but yield to a verb nearby ("5,000 residents fled").
_WEAK: dict[str, Label] = {
    **dict.fromkeys("resident inhabitant population passenger occupant crew".split(), "population"),
    **dict.fromkeys("survivor rescuer responder firefighter volunteer medic".split(), "other"),
    **dict.fromkeys("migrant arrival asylum-seeker".split(), "displaced"),
    **dict.fromkeys(
        "protester demonstrator participant attendee troop supporter spectator delegate "
        "official".split(),
        "none",
    ),
}
_WEAK_PENALTY = 5
_RESPONDER_MODS = frozenset("rescue relief aid medical emergency vaccination search".split())
_RESPONDERS = frozenset("worker team personnel staff crew".split())
_HARM: frozenset[Label] = frozenset({"killed", "wounded", "missing"})

_PERSONS = frozenset(
    "people person man woman child kid boy girl baby infant adult teen teenager youth member "
    "soldier civilian officer policeman policewoman worker journalist student resident "
    "patient victim passenger pilot militant fighter protester citizen tourist migrant "
    "refugee firefighter rescuer guard doctor nurse teacher employee prisoner detainee inmate "
    "hostage individual family household staff personnel crew other more national pilgrim "
    "worshipper villager farmer miner fisherman sailor seaman marine police minor "
    "occupant survivor team pupil cop gendarme paramedic insurgent rebel local guest relative "
    "parent son daughter brother sister mother father wife husband priest nun monk athlete "
    "player fan newborn pensioner veteran soul human foreigner colleague friend neighbour "
    "neighbor contact classmate companion partner spouse visitor traveller traveler commuter "
    "customer bystander pedestrian motorist cyclist holidaymaker toddler schoolchild "
    "schoolchildren captain skipper guide shepherd merchant mechanic cook chef imam cleric "
    "bishop cadet recruit conscript sergeant corporal lieutenant colonel widow orphan twin "
    "grandson granddaughter grandmother grandfather grandchild couple nomad surgeon midwife "
    "clerk arrival".split()
)
_NOT_PERSON_ER = frozenset(
    "number letter center centre container computer chamber order border tower meter metre "
    "liter litre quarter corner river water power paper matter member chapter layer floor "
    "motor sector door error mirror factor disaster shelter cancer fever weather winter "
    "summer thunder helicopter tractor reactor generator corridor harbour harbor theatre "
    "theater cluster specimen abdomen regimen recorder trailer tanker freighter cylinder boiler "
    "transformer elevator excavator".split()
)
_STRUCTURES = frozenset(
    "building house home apartment flat school hospital shop store structure vehicle car bus "
    "truck boat ship bridge road church mosque temple dwelling shelter tent property "
    "business village town hut farm residence cottage cabin shack barn warehouse factory "
    "office mall hotel restaurant shop kiosk stall clinic classroom dormitory block tower "
    "carriage wagon coach train plane aircraft helicopter vessel ferry van lorry "
    "motorcycle shed silo".split()
)
# What makes a "unit" a dwelling or premises: "1,800 housing units".
_PREMISES = frozenset("housing residential commercial apartment dwelling business".split())
PERPETRATORS = frozenset(
    "attacker gunman assailant shooter bomber perpetrator suspect terrorist hijacker".split()
)


@dataclass(frozen=True)
class _Cue:
    metric: Label
    cost: int
    distance: int
    token: Token


def _keys(tok: Token) -> tuple[str, ...]:
    """The word's lemma, its lower-cased form and that form without a plural -s."""
    low = tok.lower_
    return (tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low)


def _lookup(table: dict[str, Label], tok: Token) -> Label | None:
    return next((table[k] for k in _keys(tok) if k in table), None)


# Verbs whose failure leaves people missing: "have not been found", "unable to contact".
_NOT_FOUND = frozenset("find locate trace contact account return".split())  # not accounted for
# Where people who have not gone back are kept from: 'have not returned to their homes' is
# displacement, not a disappearance.
_HOMES = frozenset("home house village town city area region".split())


def _goes_home(verb: Token) -> bool:
    """'Have not returned home', 'not returned to their villages': going back to a place."""
    return any(
        o.lemma_.lower() in _HOMES
        for c in verb.children
        if c.dep_ in ("prep", "advmod", "dobj")
        for o in (c, *c.children)
    )


def cue_label(tok: Token) -> Label | None:
    """The metric the word `tok` names in its context, "none" for a non-figure, else None."""
    lemma = tok.lemma_.lower()
    if _not_the_cue_it_spells(tok, lemma):
        return None
    if lemma == "life" and tok.head.lemma_ in ("lose", "claim", "take"):
        return "killed"
    if lemma == "home" and any(c.lower_ == "to" for c in tok.children):
        return "population"
    if lemma in ("board", "aboard", "onboard") and (lemma != "board" or _on_board(tok)):
        return "population"
    dwelling = _dwelling_label(tok, lemma)
    if dwelling is not None:
        return dwelling
    if lemma == "hospital" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "into"):
        return None if _deployed(tok.head.head) else "wounded"  # "taken to hospital"
    if lemma in ("rubble", "debris") and tok.head.lower_ in ("under", "beneath", "in"):
        return "missing"  # "trapped under the rubble"
    if lemma == "recover" and not any(c.dep_ == "dobj" for c in tok.children):
        return "aid"  # "150 patients have recovered" (not "recovered 12 bodies")
    if lemma == "care" and any(c.lower_ == "intensive" for c in tok.children):
        return "wounded"  # "in intensive care"
    if lemma == "condition" and any(c.lower_ in _GRAVE for c in tok.children):
        return "wounded"  # "in critical condition"
    if lemma in _NOT_FOUND and tok.head.lower_ == "unable":
        return "missing"  # "had been unable to contact about 1,300 people"
    if lemma in _SEARCH and any(c.lower_ == "for" for c in tok.children):
        return "missing"  # "searching for two climbers"
    if tok.pos_ == "VERB" and to_death(tok):
        return "killed"  # "shot dead", "stabbed to death"
    if lemma in _RESPONDER_MODS and tok.dep_ == "compound" and tok.head.lemma_ in _RESPONDERS:
        return "other"
    return _word_label(tok, lemma)


def _not_the_cue_it_spells(tok: Token, lemma: str) -> bool:
    """'Missed the deadline' (only 'missing' is a cue); 'the small body has 15 members'."""
    if lemma == "miss":
        return tok.tag_ != "VBG"
    return lemma == "body" and tok.tag_ == "NN" and not _a_corpse(tok)


def _a_corpse(body: Token) -> bool:
    """A singular 'body' that is someone's: 'the body of a fisherman', 'one body', 'a body'.

    Or the count of them: 'the body count'.
    """
    if body.head.lower_ == "count":
        return True  # 'the body count'
    return any(c.lower_ in ("of", "a", "one") or c.dep_ == "nummod" for c in body.children)


_DEPLOY = frozenset("send dispatch deploy mobilise mobilize".split())


def _deployed(verb: Token) -> bool:
    """Responders sent somewhere: "160 firefighters were sent to the hospital" is no harm."""
    if verb.lemma_.lower() not in _DEPLOY:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(
        _WEAK.get(s.lemma_.lower()) == "other" or s.lemma_.lower() in _RESPONDERS
        for subject in subjects
        for s in (subject, *subject.conjuncts)
    )


_SHELTERED = frozenset("move spend take relocate house".split())
# Where people who fled their homes stay: "moved to schools and commune halls".
_REFUGES = frozenset(
    "school camp shelter hall church mosque temple stadium tent gymnasium hotel".split()
)


def _to_refuge(verb: Token) -> bool:
    """The verb takes people to (or keeps them in) places of refuge, or to higher ground."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # 'spent the night in a hall'
    for prep in (p for t in [verb, *objects] for p in t.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "in", "into", "at"):
            continue
        for place in (p for o in prep.children if o.dep_ == "pobj" for p in (o, *o.conjuncts)):
            if place.lemma_.lower() in _REFUGES:
                return True
            if place.lemma_ == "safety" and verb.lemma_ in ("move", "relocate"):
                return True  # "moved to safety": out of harm's way, not rescued
            if place.lemma_.lower() == "ground" and any(
                c.lower_ == "higher" for c in place.children
            ):
                return True
    return False


# Where people live, that moving them from makes them displaced.
_HOMES = frozenset(
    "home house village town area district neighbourhood neighborhood settlement slum".split()
)


def _from_home(verb: Token) -> bool:
    """'2,000 people had been moved from coastal villages': taken away from where they live."""
    if verb.lemma_.lower() not in ("move", "relocate"):
        return False
    preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "out")]
    preps += [o for p in preps if p.lower_ == "out" for o in p.children if o.lower_ == "of"]
    return any(  # 'moved from villages', 'moved out of the area' (the parser nests the 'of')
        o.dep_ == "pobj" and o.lemma_.lower() in _HOMES for prep in preps for o in prep.children
    )


_INJURIES = frozenset("burn fracture wound cut bruise trauma".split())
_CAPACITY = frozenset("license licence design build permit allow certify rate".split())


def _saved_people(verb: Token, lemma: str) -> bool:
    """'368 people had been saved', 'saved 40 villagers'; not 'to save money'."""
    saved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return lemma == "save" and any(is_person(c) for c in saved)


def _capacity(verb: Token) -> bool:
    """'Licensed to carry', 'designed to carry', 'can carry': a capacity, not a load."""
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in _CAPACITY


_LET_GO = frozenset("send allow let".split())


def _sent_home(verb: Token, lemma: str) -> bool:
    """'Had been sent home', 'were allowed (to go) home': patients discharged from care."""
    if lemma == "go" and verb.dep_ == "xcomp":
        verb, lemma = verb.head, verb.head.lemma_.lower()  # 'allowed to go home'
    home = any(c.lower_ == "home" for c in verb.children) or any(
        c.dep_ == "xcomp" and c.lemma_ == "go" and any(h.lower_ == "home" for h in c.children)
        for c in verb.children
    )
    if lemma not in _LET_GO or not home:
        return False
    # who was sent: patients, or a bare count of those hurt told before ('seven of them');
    # not '300 workers were sent home' from a factory
    sent = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    senders = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.pos_ == "NUM" or c.lemma_.lower() in _CARED_FOR for c in sent) and not any(
        c.lemma_.lower() not in _CARERS for c in senders
    )


_CARED_FOR = frozenset("patient survivor casualty".split())
_CARERS = frozenset("hospital clinic doctor medic physician".split())


def _word_label(tok: Token, lemma: str) -> Label | None:
    first = tok.head if tok.dep_ == "conj" else tok  # "suffered burns or fractures"
    if lemma in _INJURIES and tok.pos_ == "NOUN" and first.head.lemma_ in _EXPERIENCE:
        return "wounded"  # "suffered burns", "sustained fractures"
    if lemma == "carry" and any(c.dep_ == "prt" for c in tok.children):
        # "carried out eleven people" is a rescue; "carried out renovations" a deed
        return "aid" if _brought_out(tok, lemma) and _people_moved(tok) else None
    if lemma == "carry" and _capacity(tok):
        return "none"  # "licensed to carry 120 passengers": what it may hold, not who was in it
    if lemma in ("design", "intend") and any(c.lower_ == "for" for c in tok.children):
        return "none"  # "designed for 14,000 residents": whom it is built for, not who is there
    if lemma == "set" and any(c.dep_ == "dobj" and c.lemma_ == "fire" for c in tok.children):
        return "other"  # "setting fire to 200 houses"
    if lemma == "torch" and tok.pos_ == "VERB":
        return "other"  # "torched 40 shops"
    if lemma in _SHELTERED and tok.pos_ == "VERB" and (_to_refuge(tok) or _from_home(tok)):
        return "displaced"  # "moved to schools", "moved from coastal villages"
    if lemma == "home" and (tok.head.lemma_ in _UPROOT or _driven_from(tok)):
        return "displaced"  # "lost their homes", "forced from their homes"
    if lemma in ("house", "village") and (_left_their(tok) or _driven_from(tok)):
        return "displaced"  # "left their villages", "driven from their houses"
    if lemma == "cut" and any(c.lower_ == "free" for t in [tok, *tok.children] for c in t.children):
        return "aid"  # "cut 23 people free" (the parser may hang "free" on the people)
    if tok.pos_ == "VERB" and lemma in _VERB_ONLY:
        return _VERB_ONLY[lemma]
    if tok.pos_ == "VERB" and (
        _brought_out(tok, lemma) or _saved_people(tok, lemma) or _sent_home(tok, lemma)
    ):
        return "aid"  # "brought out 104 people", "hauled to the surface", "sent home"
    if lemma == "case" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return "none"  # "found stolen cars in 1,450 cases": instances, not patients
    if lemma == "case" and _legal_case(tok):
        return "none"  # "filed court cases against 1,300 owners"
    return _lookup(_LEXICON, tok)


# Verbs that bring people out of danger with the particle that says so ('brought out',
# 'lifted out', 'led out'); not 'brought down' (an aircraft) nor 'took off' (a flight).
_OUT_OF_DANGER = {
    "bring": frozenset({"out", "up"}),
    "lift": frozenset({"out", "from"}),
    "haul": frozenset({"out", "up"}),
    "lead": frozenset({"out"}),
    "carry": frozenset({"out"}),  # 'he alone carried out eleven people'
    "pick": frozenset({"up"}),  # '163 were picked up by a cargo ship' (a vessel: _picked_up)
    "fly": frozenset({"out"}),  # 'flew about 2,100 people out of Kabul'
    "help": frozenset({"out"}),  # 'helped 17 people out of the overturned carriage'
}
# Craft that pick people up out of the water: 'picked up by a passing tanker'.
_CRAFT = frozenset(
    "ship boat vessel tanker tug trawler freighter ferry lifeboat helicopter guard navy".split()
)


def _picked_up(verb: Token) -> bool:
    """'Were picked up by a cargo ship', 'a tug picked up 21': not 'police picked up 20'."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return any(d.lemma_.lower() in _CRAFT for d in doers)


_BY_SEA = frozenset("boat ship sea ferry helicopter air".split())


def _taken_off_by_sea(verb: Token) -> bool:
    """People taken off a beach or a roof by boat or helicopter: an evacuation by rescue."""
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    by = preps.get("by")
    return "off" in preps and by is not None and any(o.lemma_ in _BY_SEA for o in by.children)


def _people_moved(verb: Token) -> bool:
    """Whether the verb's object is people: 'carried out eleven people', not 'renovations'."""
    return any(c.dep_ == "dobj" and is_person(c) for c in verb.children)


def _brought_out(verb: Token, lemma: str) -> bool:
    """'Brought out 104 people', 'eight were hauled to the surface', 'lifted out'."""
    if lemma == "take" and _taken_off_by_sea(verb):
        return True  # "had taken 147 people off two beaches by boat"
    ways = _OUT_OF_DANGER.get(lemma)
    if ways is None or (lemma == "pick" and not _picked_up(verb)):
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]  # 'led students and staff out of'
    if lemma == "fly" and any(o.lemma_.lower() in _FORCES for o in objects):
        return False  # 'flew 200 troops out of the base': a deployment, not an evacuation
    if lemma == "bring" and ("from" in preps or any(is_person(o) for o in objects)):
        # 'brought 27 people down from balconies', 'brought 12 people down with ladders';
        # not 'brought down' a plane or a government
        ways = ways | {"down"}
    particle = any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ways
        for c in [*verb.children, *(k for o in objects for k in o.children if k.dep_ == "prep")]
    )
    surface = any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(p.lemma_ in ("surface", "safety") for p in c.children)
        for c in verb.children
    )  # 'hauled to the surface', 'lifted 1,000 people to safety'
    return particle or surface


_UPROOT = frozenset("lose flee leave force drive chase".split())


def _driven_from(home: Token) -> bool:
    """'Forced from their homes', 'driven from home', 'ordered out of their homes'."""
    prep = home.head
    if home.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lower_ == "out" and prep.head.dep_ in ("prep", "prt"):
        return prep.head.head.lemma_ in _UPROOT | {"order"}  # the parser nests 'of' in 'out'
    return prep.lower_ == "from" and prep.head.lemma_ in _UPROOT


def _left_their(place: Token) -> bool:
    """'Have left their villages', 'fled their houses': people who left where they live."""
    theirs = any(c.dep_ == "poss" and c.lower_ in ("their", "his", "her") for c in place.children)
    return theirs and place.dep_ == "dobj" and place.head.lemma_ in _UPROOT


def _legal_case(case: Token) -> bool:
    """'Court cases', 'criminal cases against': cases in law, not patients."""
    mods = {c.lower_ for c in case.children if c.dep_ in ("compound", "amod")}
    against = any(c.dep_ == "prep" and c.lower_ == "against" for c in case.children)
    return bool(mods & {"court", "legal", "criminal", "civil", "lawsuit"}) or against


# Cue words only as verbs ("Red Cross", "a pull", "the host" are no cue).
_VERB_ONLY: dict[str, Label] = {
    "free": "aid",  # "freed 12 hostages" reads as detained below; "freed 40 trapped miners"
    "lose": "killed",  # "said it had lost two fighters"
    "pull": "aid",  # "rescuers pulled 27 people out of the mud"
    "winch": "aid",  # "helicopters winched 1,200 people from roofs"
    "airlift": "aid",
    "pluck": "aid",  # "helicopters plucked 167 people from rooftops"
    "distribute": "aid",  # "distributed food to 112,000 people"
    "feed": "aid",
    "cross": "displaced",  # "25,000 people have crossed into Chad"
    "execute": "killed",  # "executed 15 lookouts"
    **dict.fromkeys(("rally", "protest", "demonstrate", "march"), "none"),  # a crowd's size
}


_SEARCH = frozenset({"search", "look", "hunt"})
# Verbs whose subject is who it befalls, even with an object: "1,800 families fled the
# fighting", "25,000 people crossed the border".
_MOVERS = frozenset({"flee", "cross", "spend"})


# Verbs of violence whose subject is the one who does it: "a man attacked passengers".
_ASSAULTS = frozenset("attack stab shoot kill murder injure wound ambush behead".split())


def attacked_someone(noun: Token) -> bool:
    """True when `noun` is the subject of violence against others in its own clause.

    "A man attacked passengers with an axe", "Merah shot dead seven people", "the gunman
    opened fire on worshippers": the one who attacked, not one of those harmed.
    """
    if noun.dep_ != "nsubj":
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    if lemma == "open":
        return any(c.lemma_.lower() == "fire" for c in verb.children)
    return lemma in _ASSAULTS and bool(objects) or to_death(verb) and bool(objects)


def to_death(verb: Token) -> bool:
    """True for "shot dead", "stabbed to death": the verb's result is a death."""
    for child in verb.children:
        if child.lower_ == "dead" and child.dep_ not in ("conj", "nsubj", "dobj"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(c.lemma_ == "death" for c in child.children):
                return True
    return False


# Verbs of staying somewhere: who they count lives or shelters there.
_DWELLING = frozenset("live stay sleep house accommodate".split())
# Places that hold people: 'the camp holds 70,000', 'the prisons hold 38,000 inmates'.
_HOLDERS = frozenset("camp prison jail facility centre center shelter site settlement".split())
# Words of a place where people shelter because they were driven from home.
_REFUGE_WORDS = frozenset(
    "evacuation evacuee temporary tent shelter makeshift displacement".split()
)


def _in_refuge(verb: Token) -> bool:
    """'staying in evacuation centres', 'sleeping in tents', 'shelters were housing 2,300'."""
    places = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    holder = verb.head if verb.dep_ in ("attr", "acomp") else verb  # 'were housing' as a noun
    places += [c for c in holder.children if c.dep_ == "nsubj"]
    places += [c for place in places for c in place.conjuncts]  # 'in tents or in hotels'
    words = [w for place in places for w in (place, *place.children)]
    return any(w.lemma_.lower() in _REFUGE_WORDS for w in words)


def _dwelling_label(tok: Token, lemma: str) -> Label | None:
    """Who lives or shelters somewhere: 'living in', 'was housing 800', 'the camp holds'.

    'Staying in evacuation centres' or 'sleeping in tents': driven from home, displaced.
    """
    if (lemma in _DWELLING and tok.pos_ == "VERB") or _housing_someone(tok):
        return "displaced" if _in_refuge(tok) else "population"
    if lemma == "hold" and _a_facility_holds(tok):
        return "population"  # 'the camp, which holds some 70,000 people'
    return None


def _housing_someone(tok: Token) -> bool:
    """'was housing 800 people', which the tagger may read as the noun 'housing'."""
    return tok.lower_ == "housing" and any(c.dep_ == "dobj" for c in tok.children)


def _a_facility_holds(verb: Token) -> bool:
    """'The camp holds 70,000 people', 'the prisons hold 38,000 inmates': who is there."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head  # 'the al-Hol camp, which holds ...'
    if subject is not None and subject.lemma_.lower() in _HOLDERS:
        return True
    # 'Block C2, which held 122 inmates': a place named, its occupants counted
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    held = [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.lemma_.lower() in _OCCUPANTS for c in held)


# Who a place holds: 'Block C2 held 122 inmates' (not 'gunmen held 20 hostages').
_OCCUPANTS = frozenset("inmate prisoner detainee patient refugee migrant resident".split())


def _on_board(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("on", "-")


_GRAVE = frozenset({"critical", "serious", "grave", "stable", "life-threatening"})
_ON_BOARD = frozenset({"board", "aboard", "onboard"})


def everyone_aboard(count: Token) -> bool:
    """True for "killing all 157 people on board": the number is also who was on board.

    Only with "all": "killing 15 people on board" says nothing of how many were aboard.
    """
    noun = _counts.counted_noun(count) or count
    if not any(c.lower_ == "all" for c in [*noun.children, *count.children]):
        return False
    words = [t for c in noun.children if c.dep_ in ("prep", "advmod", "amod") for t in c.subtree]
    return any(w.lemma_.lower() in _ON_BOARD for w in words)


# Verbs that pass a number through to the words around them ("rose to", "include", "said").
_TRANSPARENT = frozenset(
    "be have include remain reach rise climb stand increase bring put total number leave "
    "raise push take lift jump grow double hit exceed top surpass follow "
    "say report confirm tell claim state add estimate record count list show".split()
)


def _cues(count: Token, noun: Token | None) -> list[_Cue]:
    """Every cue near the number, with the cost at which it governs the number.

    A cue beyond a clause boundary does not govern a number whose own verb is a content verb
    that names no cue ("pulled 23 people out; four died": the 23 did not die).
    """
    found: list[_Cue] = []
    closed = _closed_clause(noun or count)
    done_to = _what_it_acted_on(noun or count)
    for reach in _counts.nearby(count):
        tok = reach.token
        if any(tok.i == t.i or t.is_ancestor(tok) for t in done_to):
            continue  # "the two men discussed vaccines": what they acted on befell no one
        label, cost = cue_label(tok), reach.cost
        weak = _lookup(_WEAK, tok) if noun is not None and tok.i == noun.i else None
        if label is None and weak is not None:
            label, cost = weak, cost + _WEAK_PENALTY
        elif tok.lemma_.lower() in _ON_BOARD or _of_something_else(tok, noun):
            cost += _WEAK_PENALTY
        if _counts.negated(tok) and tok.lemma_.lower() in _NOT_FOUND and not _goes_home(tok):
            label = "missing"  # "sixty people who have not been found", "had not returned"
        elif label is None or _counts.negated(tok):
            continue
        if label != "none" and _counts.is_agent(reach.via, tok) and tok.lemma_ not in _MOVERS:
            continue
        if reach.clauses and (closed or label == "population"):
            continue  # "on board" or "home to" speaks only of its own clause's people
        found.append(_Cue(label, cost, abs(tok.i - count.i), tok))
    part = _the_part(count)
    whole = _counts.of_object(part) if part is not None else None
    if part is not None and whole is not None and any(_in_predicate(c.token, part) for c in found):
        # "six of the injured later died": what the part's own verb says happened to it
        found = [
            replace(c, cost=c.cost + 1) if whole.i == c.token.i or whole.is_ancestor(c.token) else c
            for c in found
        ]  # "49 of those evacuated were taken to hospital": the whole's own words too
    if noun is not None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _LATER_DEATHS:
        # 'two wounded soldiers then died': what befell them last, not how they were before
        found = [
            replace(c, cost=c.cost + 1) if c.token.dep_ == "amod" and c.token.head == noun else c
            for c in found
        ]
    head = noun or count  # of two cues as near, the counted noun's own modifier wins:
    return sorted(  # "11 deaths and five people missing"
        found, key=lambda c: (c.cost, not _modifies(c.token, head), c.distance)
    )


_LATER_DEATHS = frozenset("die perish succumb".split())


def _the_part(count: Token) -> Token | None:
    """The subject a count is a part of a group by: 'six of ...', 'three more of ...'."""
    if count.dep_ in ("nsubj", "nsubjpass"):
        return count
    more = count.head
    if count.dep_ == "nummod" and more.lower_ == "more" and more.dep_ in ("nsubj", "nsubjpass"):
        return more  # 'three more of the injured died': the parser hangs 'of' on 'more'
    return None


def _in_predicate(cue: Token, subject: Token) -> bool:
    """The cue is the subject's verb or in what that verb says of it, not in the subject."""
    verb = subject.head
    return cue.i == verb.i or verb.is_ancestor(cue) and not subject.is_ancestor(cue)


def _of_something_else(cue: Token, noun: Token | None) -> bool:
    """A relative clause on the counted people about something of theirs.

    "4,000 people whose homes were damaged are sleeping in tents": the damage befell the
    homes; what befell the people is told by their own verb, when it names anything.
    """
    if noun is None or cue.dep_ != "relcl" or cue.head.i != noun.i:
        return False
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ not in ("who", "that", "which") for c in subjects)


# Verbs of talking about a thing: their object is a topic, not what befell their subject.
_TOPIC_VERBS = frozenset(
    "discuss debate address raise mention consider review examine study plan negotiate".split()
)


# Verbs of resolving: what their subject agreed to do befell no one ("the four agreed to
# finance vaccine production").
_RESOLVE_VERBS = frozenset("agree decide pledge promise vow plan aim vote resolve".split())


def _what_it_acted_on(head: Token) -> list[Token]:
    """The objects of a verb of discussing whose active subject is `head`: its topics.

    "The two men had discussed the Uyghurs and vaccines": nothing befell the two men.
    """
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_.lower() in _RESOLVE_VERBS:
        return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")]  # a plan
    if not _counts.is_agent(head, verb) or verb.lemma_.lower() not in _TOPIC_VERBS:
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "dative")]


def _modifies(cue: Token, noun: Token) -> bool:
    return cue.head.i == noun.i and cue.dep_ in ("acl", "amod")


def _closed_clause(tok: Token) -> bool:
    """True when the clause of `tok` is headed by a content verb that names no cue."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.pos_ == "AUX" or cue_label(verb) is not None:
        return False
    return verb.lemma_.lower() not in _TRANSPARENT


# Nouns for groups of people: 'a family of six' counts six people, 'a child of six' is an age.
_GROUPS = frozenset(
    "family household group crew team staff personnel couple party delegation".split()
)
_AGE_BOUNDS = frozenset("under over above below".split())
_AGE_SUPERLATIVES = frozenset("youngest oldest".split())
_SHARES = frozenset("most many all half some".split())


def _age_or_ratio(count: Token) -> bool:
    """An age or a ratio, not a tally.

    'a child of about six' and 'children under 15' (ages); 'the youngest of the dead was 17';
    'one in five children' (both numbers of a ratio).
    """
    head = count.head
    if any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(_numeric(p) and not _places(p) for p in c.children)
        for c in count.children
    ):
        return True  # 'one in five', 'one in 10 children'
    if count.dep_ == "attr" and head.lemma_ == "be" and head.dep_ == "relcl":
        if is_person(head.head) or head.head.ent_type_ == "PERSON":
            return True  # 'Magufuli, who was 61, died on March 17'
    if any(c.lower_ == "every" for c in [*count.children, *head.children]):
        return True  # 'one of every three houses'
    if count.dep_ == "nummod" and head.dep_ == "pobj" and head.head.lower_ == "in":
        return _numeric(head.head.head)  # the 'five' of 'one in five children'
    if count.dep_ == "pobj" and head.dep_ == "prep" and is_person(head.head):
        person = head.head
        if head.lower_ == "of" and person.tag_ == "NN" and person.lemma_.lower() not in _GROUPS:
            return True
        return head.lower_ in _AGE_BOUNDS
    if _said_to_be_under(count) or _bound_after_people(count):
        return True  # 'three of the four children who died were under five'
    first = head if count.dep_ == "conj" else count  # 'aged three and eight'
    aged = first.head
    if aged.lower_ == "aged" and aged.pos_ == "VERB" and aged.i < first.i and first.dep_ == "dobj":
        return True
    if first.dep_ == "pobj" and aged.dep_ == "prep" and aged.head.lower_ == "aged":
        return True  # 'aged between nine and twelve', 'aged from nine to 12'
    if first.dep_ == "nummod" and aged.lemma_ in ("year", "month") and aged.head.lower_ == "old":
        return True  # 'children between five and 14 years old'
    if count.dep_ == "pobj" and head.lower_ == "than" and head.head.lemma_ in ("old", "young"):
        return True  # 'children no older than ten'
    if count.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lower_ in _AGE_SUPERLATIVES for c in head.children)
    # 'were killed, the youngest just 14': the superlative rides on the number itself
    return any(c.dep_ == "amod" and c.lower_ in _AGE_SUPERLATIVES for c in count.children)


def _bound_after_people(count: Token) -> bool:
    """'Vaccinated 3,500 children under five': an age bound the parser hangs on the verb."""
    bound = count.head
    if count.dep_ != "pobj" or bound.lower_ not in _AGE_BOUNDS or bound.i != count.i - 1:
        return False
    return bound.i > 0 and is_person(count.doc[bound.i - 1])


def _said_to_be_under(count: Token) -> bool:
    """'Were under five', 'were over 60' said of people: their age, not a count.

    Not 'the toll was over 50': what the bound is said of must be people, a count of them
    or a share of them ('most of the dead').
    """
    verb = count.head
    if count.dep_ == "pobj" and verb.lower_ in _AGE_BOUNDS:
        verb = verb.head  # 'were under five': the bound is a preposition on the verb
    elif count.dep_ != "attr" or not any(c.lower_ in _AGE_BOUNDS for c in count.children):
        return False  # 'were over 60': the bound is an adverb on the number
    if verb.lemma_ != "be":
        return False
    said_of = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(is_person(s) or _numeric(s) or s.lower_ in _SHARES for s in said_of)


_FEW = frozenset({"one", "two", "three", "1", "2", "3"})
_HAND_OUT = frozenset("hand distribute deliver give provide supply bring donate serve".split())


def _told_by_its_frame(count: Token, noun: Token | None) -> Reading | None:
    """A reading the words around the count settle before any cue.

    Ages, ratios and multipliers; settlements named as where something happened; people
    things were handed out to.
    """
    if _counts.age_apposition(count) or _age_or_ratio(count):
        return Reading("none")
    if any(c.lower_ == "times" for c in count.children) or (noun and noun.lower_ == "times"):
        return Reading("none")  # "three times the number of cases": a multiplier
    if noun is not None and _where_it_happened(noun):
        return Reading("none")  # "houses damaged in 27 villages": where, not what befell
    if noun is not None and _electorate(noun):
        return Reading("none")  # "60.4 million people are eligible to vote": voters
    if _supplies_for(count):
        return Reading("none")  # "sent surgical supplies for 50 wounded": what they can serve
    toll = _the_toll_set(count)
    if toll is not None:
        return Reading(toll)  # "raised the death toll from Friday's collapse to 65"
    if noun is not None and _responders_at_work(noun):
        return Reading("other")  # "1,000 soldiers and police resumed the search": a response
    if noun is not None and _cut_off(noun):
        return Reading("other")  # "1.1 million households were still without electricity"
    if noun is not None and _in_need(noun):
        return Reading("other")  # "2.3 million people need humanitarian assistance"
    if noun is not None and _handed_to(noun):
        return Reading("aid")  # "handed out food and blankets to 5,200 people"
    if noun is not None and _relief_delivered(noun):
        return Reading("aid")  # "delivered 1.5 million water purification tablets"
    if _sheltering_in(noun or count):
        return Reading("population")  # "27,000 people were staying in evacuation centres"
    return None


# Verbs of people staying somewhere, and the places people shelter in after a disaster.
_STAYING = frozenset("shelter stay sleep live remain spend be".split())
_SHELTERS = frozenset(
    "centre center shelter camp school church mosque madrasa tent site hall gym gymnasium "
    "stadium dormitory hotel embankment compound temple building facility".split()
)
# Places where being is sheltering: 'were still at 229 relief centres'.
_CAMPS = frozenset("centre center shelter camp".split())
# Words of being driven out, which make people sheltering somewhere displaced.
_DRIVEN = frozenset("flee displace evacuate leave force drive uproot".split())


def _sheltering_in(head: Token) -> bool:
    """People the count's clause has sheltering or staying in shelters: a population there.

    "27,000 people were staying in evacuation centres", "4,000 survivors were sheltering in a
    school". Not when its clause also drives them out ("had fled their homes and were
    sheltering in schools", "displaced by the cyclone were still living in camps", "who fled":
    displaced).
    """
    verb = head.head
    staying = head.dep_ == "nsubj" and verb.lemma_.lower() in _STAYING
    if not staying or not (is_person(head) or head.like_num):
        return False
    places = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    shelters = _CAMPS if verb.lemma_ == "be" else _SHELTERS  # not 'soldiers were at the site'
    if not any(o.lemma_.lower() in shelters for o in places):
        return False
    linked = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        linked.append(verb.head)
    linked += [c for c in head.children if c.dep_ in ("acl", "relcl")]  # 'displaced by Idai'
    return not any(v.lemma_.lower() in _DRIVEN for v in linked)


TOLLS = frozenset("toll tally count number total".split())
"""Nouns for a toll: what a number is set to ('raised the toll to 65')."""


def _counted_by(toll: Token) -> Label | None:
    """What a toll noun's 'of' says it counts: 'the number of people killed (...)'.

    People in a building or on board when it happened are its population; people with no
    harm and nowhere named ('the number of visitors') are no figure.
    """
    # 'the number of people confirmed dead': the parser may hang the participle on the toll
    told = [
        w for c in toll.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") for w in c.subtree
    ]
    for prep in toll.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for word in [*prep.subtree, *told]:
            label = cue_label(word)
            if label is not None and label != "none":
                return label  # 'of Sudanese refugees in Chad': displaced
        counted = [o for o in prep.children if o.dep_ == "pobj" and is_person(o)]
        if any(_inside_a_structure(o) for o in counted):
            return "population"  # 'the number of people in the building'
        return "none" if counted else None
    return None


def _inside_a_structure(noun: Token) -> bool:
    """'people in the building', 'passengers on board the bus'."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "aboard", "on"):
            where = [o for o in prep.children if o.dep_ == "pobj"]
            if any(_keys(o)[0] in _STRUCTURES or o.lower_ == "board" for o in where):
                return True
    return False


def _the_toll_set(count: Token) -> Label | None:
    """What the toll a number is set to counts: "raised the death toll (...) to 65".

    The toll is the object or subject of the verb the "to"/"at" hangs on; whatever else the
    parser hung on that verb ("from Friday's collapse") says what caused it, not what it is.
    """
    prep = count.head
    if count.dep_ != "pobj":
        return None
    if prep.lower_ in ("to", "at"):
        verb = prep.head
    elif prep.lower_ == "from" and prep.head.lower_ in ("up", "down"):
        verb = prep.head.head  # 'to 184, up from 78': the toll it was set from
    elif prep.lower_ == "from" and any(c.lower_ == "to" for c in prep.head.children):
        verb = prep.head  # 'has risen from about 750 to 1,178': the toll it rose from
    else:
        return None
    # 'raised the toll from a heatwave that has gripped the state to 184': the parser may hang
    # the number on a verb inside the clause that says what the toll is from
    at: Token | None = verb
    for _ in range(3):
        if at is None or at.pos_ not in _VERBAL:
            return None
        for noun in at.children:
            if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.lemma_.lower() in TOLLS:
                label = harm_of(cue_label(noun)) or _counted_by(noun)
                if label is not None:
                    return label
        if at.dep_ not in ("relcl", "acl"):
            return None
        at = next((a for a in at.ancestors if a.pos_ in _VERBAL), None)
    return None


_INSIDE = frozenset("inside underground aboard onboard indoors".split())


def _present_there(noun: Token) -> bool:
    """People said to be in a place when it happened: "There were 142 people inside".

    Or said so as the subject: "while 29 miners were underground", "18 staff were inside".
    """
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_ == "be" and is_person(noun):
        return any(c.lower_ in _INSIDE and c.dep_ in ("advmod", "acomp") for c in verb.children)
    if noun.dep_ != "attr" or verb.lemma_ != "be" or not is_person(noun):
        return False
    if not any(c.dep_ == "expl" for c in verb.children):
        return False
    if _on_a_vessel(verb) or _on_a_vessel(noun):
        return True  # "there may have been more than 200 people on the ferry"
    return any(c.lower_ in _INSIDE for c in [*verb.children, *noun.children])


def _electorate(noun: Token) -> bool:
    """People said to be eligible or registered to vote: an electorate, not a population."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ not in ("be", "register"):
        return False
    said = [c for c in verb.children if c.dep_ in ("acomp", "xcomp")] + [verb]
    return any(
        w.lemma_ in ("eligible", "register") and any(v.lemma_ == "vote" for v in w.subtree)
        for w in said
    )


_DELIVER = frozenset("deliver distribute donate supply airlift ship send hand".split())
_RELIEF = frozenset(
    "food water tablet dose vaccine kit tent blanket ration meal parcel supply medicine "
    "tarpaulin mosquito net shelter aid relief packet package hamper".split()
)


def _supplies_for(count: Token) -> bool:
    """'Sent surgical supplies for 50 wounded', 'tents for 2,000 people': a size, not a toll."""
    counted = count.head if count.dep_ == "nummod" else count  # 'for 2,000 people', 'for 50'
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ != "for":
        return False
    owner = prep.head
    goods = [owner] if owner.pos_ == "NOUN" else [c for c in owner.children if c.dep_ == "dobj"]
    return any(g.lemma_.lower() in _RELIEF for g in goods)


def _relief_delivered(noun: Token) -> bool:
    """Relief goods handed out: "delivered 38 tonnes of food", "distributed 5,000 kits".

    The counted thing, a word compounded with it or what it measures ('tonnes of food') is
    a relief good, and it is the object of a verb of delivering.
    """
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _DELIVER or is_person(noun):
        return False
    words = [noun, *noun.children]
    words += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return any(w.lemma_.lower() in _RELIEF for w in words)


_FORCES = frozenset(
    "soldier officer police policeman personnel firefighter troop rescuer worker volunteer "
    "member diver sailor guardsman medic".split()
)
_RESPONSE_WORK = frozenset("search rescue operation effort firefight fire blaze relief".split())


def _responders_at_work(noun: Token) -> bool:
    """Soldiers, police or crews counted as they search, rescue or fight fires: a response.

    The dev set counts rescuers who responded as `other`; troops or police counted for
    anything else (a deployment, a parade, a manhunt) stay no figure.
    """
    people = [noun, *noun.conjuncts]
    if not any(p.lemma_.lower() in _FORCES for p in people):
        return False
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False  # who does the work; not 'seven sailors were rescued'
    if harm_of(cue_label(verb)) in ("killed", "wounded", "missing"):
        return False  # '112 workers died in a fire': what befell them, not their work
    words = [w for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp") for w in c.subtree]
    return verb.lemma_.lower() in ("search", "rescue") or any(
        w.lemma_.lower() in _RESPONSE_WORK for w in words
    )


_UTILITIES = frozenset("power electricity water gas heating internet".split())


def _cut_off(noun: Token) -> bool:
    """People or homes without power or water: the noun's own "without", or its verb's."""
    holders = [noun]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in ("be", "remain", "leave"):
        holders.append(noun.head)
    if noun.dep_ == "dobj" and noun.head.lemma_ == "leave":
        holders.append(noun.head)  # "left 40,000 homes without power"
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_ in ("lose", "have"):
        lost = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in _UTILITIES]
        if verb.lemma_ == "lose" and lost:
            return True  # "520,000 households lost electricity"
        if any(d.lower_ == "no" for o in lost for d in o.children):
            return True  # "200,000 customers had no electricity"
    if _supply_cut_to(noun):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "without"
        and any(o.lemma_.lower() in _UTILITIES for o in prep.children if o.dep_ == "pobj")
        for holder in holders
        for prep in holder.children
    )


_BLACKOUTS = frozenset("blackout outage".split())


def _supply_cut_to(noun: Token) -> bool:
    """'Power was cut to 1.5 million households', 'blackouts for 3.2 million customers'."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    owner = prep.head
    if prep.lower_ == "for":  # the parser may hang "for" on the verb of the blackouts
        owners = [owner, *(o for o in owner.children if o.dep_ == "dobj")]
        return any(o.lemma_.lower() in _BLACKOUTS for o in owners)
    cut = prep.lower_ == "to" and owner.lemma_ == "cut"
    return cut and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in _UTILITIES for c in owner.children
    )


_NEEDS = frozenset("assistance aid help relief food support".split())
_DANGERS = frozenset("famine starvation hunger".split())


def _in_need(noun: Token) -> bool:
    """People who need help or are at risk of famine: an impact count, not aid given.

    "2.3 million people need humanitarian assistance", "14 million are at risk of famine".
    """
    verb = noun.head
    if noun.dep_ != "nsubj" or not is_person(noun):
        return False
    if verb.lemma_ in ("need", "require"):
        return any(o.dep_ == "dobj" and o.lemma_.lower() in _NEEDS for o in verb.children)
    risks = [r for p in verb.children if p.dep_ == "prep" and p.lower_ == "at" for r in p.children]
    return any(w.lemma_.lower() in _DANGERS for r in risks if r.lemma_ == "risk" for w in r.subtree)


def _where_it_happened(noun: Token) -> bool:
    """'In 27 villages', 'across 12 districts': settlements named as where a thing happened."""
    prep = noun.head
    on_a_verb = prep.head.pos_ in ("VERB", "AUX")
    in_prep = prep.lower_ in ("in", "across", "throughout", "from")
    return noun.dep_ == "pobj" and in_prep and on_a_verb and noun.lemma_.lower() in _SETTLEMENTS


def _handed_to(noun: Token) -> bool:
    """People or households things were handed out to: 'distributed kits to 9,500 families'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to" or not is_person(noun):
        return False
    verbs = [prep.head, *([prep.head.head] if prep.head.dep_ == "conj" else [])]
    return any(v.pos_ == "VERB" and v.lemma_.lower() in _HAND_OUT for v in verbs)


def _numeric(tok: Token) -> bool:
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children)


def is_person(noun: Token) -> bool:
    """True when `noun` names people ("miners", "Britons", "schoolgirls", "the suspect")."""
    keys = _keys(noun)
    if noun.ent_type_ == "NORP" or any(k in _PERSONS or k in PERPETRATORS for k in keys):
        return True
    if noun.tag_ == "NNPS" and noun.ent_type_ == "":
        return True  # "three Britons": a plural proper noun the tagger left untyped
    if any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in noun.children):
        return True  # "two Pakistani guides": a nationality describes people
    if any(c.dep_ == "relcl" and _who(c) for c in noun.children):
        return True  # "300,000 Rohingya who fled": 'who' stands only for people
    if noun.dep_ == "conj" and noun.is_title and noun.tag_ in ("NNS", "NNPS"):
        if noun.head.i != noun.i and is_person(noun.head):
            return True  # "eleven Indians, eight Britons": a capitalised group in a list of people
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma in _NOT_PERSON_ER:
        return False
    # 'servicemen': the tagger may leave an irregular plural as its own lemma
    return lemma.endswith(("ist", "ian", "ee", "er", "or", "girl", "boy", "man", "men"))


def _who(clause: Token) -> bool:
    return any(c.lower_ in ("who", "whom") and c.i < clause.i for c in clause.children)


@dataclass(frozen=True)
class Reading:
    """What code reads a number as: a metric, nothing, or a choice to put to the model."""

    metric: Label | None
    choices: tuple[Label, ...] = ()


def read_count(count: Token) -> Reading:
    """The metric the parse gives the number at `count` (None: not a figure)."""
    borrowed = _borrowed(count)
    if borrowed is not None:
        return borrowed
    noun = _counts.counted_noun(count)
    if noun is None and _of_the_counted(count):
        return Reading("none")  # "recovered the bodies of the three": people counted before
    if noun is not None and _the_talkers(noun):
        return Reading("none")  # "the two men also talked about Afghanistan": who met
    told = _told_by_its_frame(count, noun)
    if told is not None:
        return told
    own = cue_label(noun) if noun is not None else None
    structure = noun is not None and _a_structure(noun)
    if structure and noun is not None and _damage_befell(count, noun):
        return Reading("other")  # "a landslide buried two houses", "120 homes burned"
    if noun is not None and own is None and not structure and not is_person(noun):
        if _lookup(_WEAK, noun) is None and not _a_people_at_home(noun):
            return Reading("none")  # a count of things: blasts, rooms, offences
    scene = _among_the(noun or count) or _at_the_scene(noun or count)
    if scene is not None:
        return Reading(scene)
    predicate = _object_predicate(noun or count)
    if predicate is not None and _state_word(count, noun) is None:
        return Reading(predicate)  # the word beside the number beats one further off
    cues = _cues(count, noun)
    if structure:  # "destroyed 120 homes"; not "search teams using two ships"
        cues = [c for c in cues if c.metric == "none" or c.token.lemma_.lower() in _DAMAGE]
    head = noun or count
    cues = _whole_cues(count, head, cues)
    befell = (_befell_the_subject(noun) or _joined_verb(noun)) if not cues else None
    state = _state_word(count, noun) or befell
    if not cues or (state is not None and cues[0].metric in _HARM):
        if state is not None:
            return Reading(state)
        if not cues and noun is not None and _present_there(noun):
            return Reading("population")  # "There were 285 people underground at the time"
        victims = noun is not None and _keys(noun)[0] == "victim" and count.lower_ != "one"
        return Reading(None, _sentence_choices(count, ("killed", "wounded") if victims else ()))
    best = cues[0]
    if best.metric in _HARM and _counts.disjoined(best.token) and _harms_differ(best.token):
        return Reading(None, _sentence_choices(count))
    return Reading(best.metric)


_TALKING = frozenset("talk meet discuss speak confer negotiate agree".split())


def _the_talkers(noun: Token) -> bool:
    """'The two men talked', 'the two leaders agreed': the people of a meeting, not a count."""
    definite = any(c.lower_ == "the" and c.dep_ == "det" for c in noun.children)
    return definite and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _TALKING


def _a_structure(noun: Token) -> bool:
    """A building or vehicle: "houses", "lorries", "housing units"."""
    if any(k in _STRUCTURES for k in _keys(noun)):
        return True
    mods = (c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
    return noun.lemma_.lower() == "unit" and any(m in _PREMISES for m in mods)


def _damage_befell(count: Token, noun: Token) -> bool:
    """True when the clause says the counted buildings or vehicles were damaged.

    "A landslide buried two houses", "120 homes had burned", "three of the lorries were burnt
    out", "brought down five houses", "declared 46 flats unsafe". The clause is the noun's,
    or the number's when it picks a part ("three of the lorries").
    """
    site = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head == count:
        site = count
    verb = site.head
    lemma = verb.lemma_.lower()
    if site.dep_ in ("dobj", "nsubjpass"):
        if lemma in _DOWN:
            return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
        return lemma in _DAMAGE and cue_label(verb) is None
    if site.dep_ == "pobj" and verb.lower_ in ("through", "to"):
        return verb.head.lemma_.lower() in _SPREAD  # "the fire swept through three carriages"
    if site.dep_ != "nsubj":
        return False
    if lemma in _GIVE_WAY or lemma == "come" and any(c.lower_ == "down" for c in verb.children):
        return True  # "120 homes had burned", "55 of which came down"
    return lemma in _UNFIT and verb.dep_ in ("ccomp", "oprd", "xcomp")  # "declared 46 unsafe"


def _harms_differ(cue: Token) -> bool:
    """True when words joined by "or" name different harms.

    "Killed or injured" is a choice between harms; "suffered burns or fractures" is one harm
    named two ways.
    """
    first = cue.head if cue.dep_ == "conj" else cue
    words = [first, *first.conjuncts]
    return len({cue_label(w) for w in words}) > 1


def _a_label(count: Token) -> bool:
    """A number after the capitalised noun it belongs to: part of a name ("Flight 752")."""
    head = count.head
    if count.dep_ not in ("nummod", "appos") or head.i != count.i - 1 or not head.is_title:
        return False  # not "Gaya 32" in a list of places either: there the name is a place
    return head.pos_ == "NOUN" or count.ent_type_ in ("ORG", "FAC", "PRODUCT", "EVENT", "LAW")


def _a_people_at_home(noun: Token) -> bool:
    """'Home to more than 880,000 Rohingya': a people named by a name the tagger mistyped."""
    prep = noun.head
    return noun.pos_ == "PROPN" and prep.lower_ == "to" and prep.head.lemma_ == "home"


def _borrowed(count: Token) -> Reading | None:
    """A reading the number takes from words beside it rather than from its own noun."""
    if _a_label(count):
        return Reading("none")  # "Rescue 1122", "Terminal 21": a name, not a count
    if any(c.lower_ == "fatally" for c in count.children):
        return Reading("killed")  # "sickened 230 people, 18 of them fatally"
    gapped = _gapped_subject(count)
    if gapped is not None:
        return read_count(gapped)  # 'three died of burns and seven of suffocation'
    noun = _counts.counted_noun(count)
    if noun is not None and noun.lower_ in ("dose", "doses") and count.lower_ in _FEW:
        return Reading("none")  # "at least one dose", "two doses": a schedule, not a tally
    whole = _counts.of_object(count)
    if whole is not None and cue_label(whole) == "none":
        return Reading("none")  # "all nine of its seats": a part of things, not of people
    if _a_rate(count, noun) or _a_proportion(count):
        return Reading("none")  # "40 doses per 100 people": a rate, neither number a tally
    if _a_grade(count):
        return Reading("none")  # "raised its alert level to 4 on a scale of 5": a step
    if _aimed_at(noun or count):
        return Reading("none")  # "aims to immunise 2.4 million children": a target
    if noun is not None and noun.lower_ in ("dose", "doses") and _promised(count):
        return Reading("none")  # "pledged to share one billion doses": none given yet
    return _part_of_antecedent(count) or _revised_from(count)


def _gapped_subject(count: Token) -> Token | None:
    """The number a gapped clause repeats the verb of: 'and seven of suffocation'.

    'Three babies died of burns and seven of suffocation', 'four bodies were found in the
    river and two in the forest': a bare number joined to the verb, or to what the verb's
    preposition governs, with a preposition of its own, is a second subject of that verb.
    """
    if count.dep_ not in ("conj", "appos"):
        return None  # the parser may set the gapped number beside the noun: '..., 14 on Y'
    head = count.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        word, verb = head.head.lower_, head.head.head
    elif head.pos_ == "VERB":
        word, verb = None, head
    else:
        return None
    own = [c for c in count.children if c.dep_ == "prep"]
    if verb.pos_ != "VERB" or not own or (word is not None and own[0].lower_ != word):
        return None
    if word is None and _counts.counted_noun(count) is not None:
        return None  # 'and 20 cars in the fire': a count of its own
    # the object's number first: 'killed 140,000 people in X and 74,000 in Y'
    for role in (("dobj",), _SUBJECTS):
        for told in (c for c in verb.children if c.dep_ in role and c.i < count.i):
            if told.like_num:
                return told
            number = next((c for c in told.children if c.dep_ == "nummod" and c.like_num), None)
            if number is not None:
                return number
    return None


def _a_proportion(count: Token) -> bool:
    """Either number of "nine in ten houses": a share, not a count.

    Not "7 out of 20 suspected cases": there both are counts of cases.
    """
    doc = count.doc
    if _a_span_of_time(count):
        return False  # "killed 30 in two days": a count over a time
    after = doc[count.i + 1 : count.i + 4]
    if len(after) >= 2 and after[0].lower_ == "in" and _a_whole(after[1]):
        return True  # "nine in ten", not "30 in two days" or "652 in 2015"
    before = doc[max(0, count.i - 2) : count.i]
    return len(before) == 2 and before[1].lower_ == "in" and before[0].like_num


def _places(tok: Token) -> bool:
    """'four states', 'in 12 districts': a count of places where it happened, not a whole."""
    after = tok.doc[tok.i + 1] if tok.like_num and tok.i + 1 < len(tok.doc) else tok
    return after.lemma_.lower() in _SETTLEMENTS


def _a_whole(number: Token) -> bool:
    """The "ten" of "nine in ten": a number, not a year, a span of time or places."""
    if not number.like_num or number.ent_type_ in ("DATE", "TIME") or _places(number):
        return False
    return not (_a_span_of_time(number) or (number.text.isdigit() and len(number.text) == 4))


_TIME_UNITS = frozenset("second minute hour day night week weekend month year decade".split())


def _a_span_of_time(number: Token) -> bool:
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return after is not None and after.lemma_.lower() in _TIME_UNITS


_PROMISES = frozenset(
    "pledge promise expect need require order buy purchase seek contract secure procure".split()
)
_FUTURE = frozenset({"will", "would", "shall", "'ll"})


def _promised(count: Token) -> bool:
    """Doses pledged, ordered, expected, needed or still to be given: not doses given."""
    verb = next((a for a in count.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.lemma_ in _PROMISES or any(c.lower_ in _FUTURE for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _PROMISES | {"agree", "plan", "aim"}


_AIMS = frozenset("aim plan hope seek target intend want expect".split())


def _aimed_at(noun: Token) -> bool:
    """A count of what someone aims, plans or hopes to do: a target, not a tally."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else None
    if verb is None or verb.pos_ != "VERB":
        return False
    if verb.lemma_ == "expect" and noun.dep_ == "dobj":
        return any(c.lower_ in ("would", "normally") for c in verb.children)  # a baseline
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in _DRIVES:
            return True  # 'a campaign to vaccinate 80 million'
        if verb.dep_ in ("acl", "advcl") and _by_a_date(verb):
            return True  # '... to vaccinate 80 million people by 2026': a deadline, a target
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _AIMS


def _by_a_date(verb: Token) -> bool:
    """'By 2026', 'by the end of the year': the date something is to be done by."""
    return any(
        c.dep_ == "prep" and c.lower_ == "by" and any(o.ent_type_ == "DATE" for o in c.children)
        for c in verb.children
    )


# Nouns of an undertaking whose 'to' clause says what it sets out to do.
_DRIVES = frozenset("campaign drive plan programme program effort goal target aim bid push".split())


def _a_rate(count: Token, noun: Token | None) -> bool:
    """Either number of "40 doses per 100 people", or "500,000 doses a day"."""
    holder = noun or count
    if holder.dep_ == "pobj" and holder.head.lower_ == "per":
        return True
    if any(c.dep_ == "prep" and c.lower_ == "per" for c in holder.children):
        return True
    return any(  # "500,000 doses a day", "2,000 arrivals a week"
        c.dep_ == "npadvmod"
        and c.lemma_.lower() in ("day", "week", "month", "year", "hour")
        and any(d.lower_ in ("a", "an", "per", "each") for d in c.children)
        for c in holder.children
    )


_GRADES = frozenset("level scale category grade rating stage phase tier".split())


def _a_grade(count: Token) -> bool:
    """Either number of "raised its alert level to 4 on a scale of 5": a step on a scale.

    The number a level, stage or category is set to or kept at, or the top of a scale.
    """
    prep = count.head
    if count.dep_ != "pobj":
        return False
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() == "scale"  # "on a scale of 5"
    if prep.lower_ not in ("to", "at", "from"):
        return False
    return any(  # "the level was raised to 3", "kept the alert level at 2"
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _GRADES for c in prep.head.children
    )


def _revised_from(count: Token) -> Reading | None:
    """The earlier value of the same count: "rose to 49, up from 40 announced on Wednesday".

    The number after "up from" or "down from" is what the number before it in the sentence
    was, so it reads as that one does, wherever the parser hangs the "up".
    """
    prep = count.head
    if count.dep_ != "pobj" or prep.lower_ != "from" or prep.head.lower_ not in ("up", "down"):
        return None
    earlier = [t for t in count.sent if t.i < count.i and t.pos_ == "NUM" and t.like_num]
    if not earlier or _revised_from(earlier[-1]) is not None:
        return None
    reading = read_count(earlier[-1])
    return reading if reading.metric not in (None, "none") else None


def _object_predicate(head: Token) -> Label | None:
    """What a verb left its object as: "sent 87,000 fleeing", "left five dead" (object control).

    A participle or adjective hung on the verb whose object is the count says what befell it.
    """
    if head.dep_ != "dobj":
        return None
    verb = head.head
    for child in verb.children:
        if child.i < head.i or child.dep_ not in ("advcl", "xcomp", "oprd", "ccomp", "acomp"):
            continue
        if child.tag_ in ("VBG", "VBN", "JJ") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "dobj") for c in child.children
        ):  # not 'attacked three villages, killing 12': that participle has its own object
            label = cue_label(child)
            if label in _OPEN:
                return label
    return _listed_as(verb, head)


def _listed_as(verb: Token, obj: Token) -> Label | None:
    """What a verb set its object down as: 'listed 19 residents as missing'."""
    for prep in verb.children:
        if prep.i < obj.i or prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        for word in prep.children:
            if word.dep_ in ("pcomp", "pobj", "amod", "acomp") and word.tag_ in (
                "VBG",
                "VBN",
                "JJ",
            ):
                label = cue_label(word)
                if label in _OPEN:
                    return label
    return None


_CRAFTS = frozenset("vessel ferry boat ship bus train plane aircraft island barge tug".split())


def _on_a_vessel(verb: Token) -> bool:
    """'At least 170 people were on the vessel', 'while 47 people were on the island'."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("on", "aboard")
        and any(o.lemma_.lower() in _CRAFTS for o in p.children if o.dep_ == "pobj")
        for p in verb.children
    )


def _at_the_time(verb: Token) -> bool:
    """'Were inside when the gunmen arrived', 'were in the centre at the time'."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(g.lower_ == "when" for g in child.children):
            return True
    return any(t.lower_ == "time" and t.head.lower_ == "at" for t in verb.subtree)


def among_the(head: Token) -> Metric | None:
    """The harm of the group a sentence puts one person in: 'Among the dead was a Kenyan'."""
    return harm_of(_among_the(head))


def _among_the(head: Token) -> Label | None:
    """The harm of the group a sentence puts a count in, or None.

    'Among the dead were four members of one family (whose house collapsed)': the group
    names the harm, whatever else their own clause says; so for every item of a list told
    so ('eight gendarmes, three village guards and two firefighters').
    """
    while head.dep_ in ("conj", "appos") and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head = head.head
    verb = head.head
    if head.dep_ not in ("attr", "nsubj", "nsubjpass", "dobj") or verb.pos_ not in _VERBAL:
        return None
    root = head.sent.root
    if verb != root and any(t.pos_ in _VERBAL for t in head.doc[root.i + 1 : head.i]):
        return None  # the parser hung the count on a later verb; only right after the root
    for prep in (*verb.children, *root.children):
        if prep.dep_ == "prep" and prep.lower_ == "among" and prep.i < head.i:
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if group is not None and group.lower_ in _STATES:
                return harm_of(cue_label(group))
    return None


_SETTLEMENTS = frozenset(
    "village town city community settlement island camp country kingdom nation state region "
    "province district county territory municipality prefecture peninsula archipelago port "
    "suburb neighbourhood neighborhood".split()
)


def _at_the_scene(head: Token) -> Label | None:
    """People present when it happened, or living in a place: population.

    "30 people had been working underground when the shaft gave way"; "a village of about
    1,500 people", "the city of 200,000".
    """
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (is_person(head) or head.like_num):
        if head.head.head.lemma_.lower() in _SETTLEMENTS:
            return "population"  # 'a village of about 1,500 people', 'a country of 10.7 million'
    if _a_lands_people(head) and harm_of(cue_label(head.head)) is None:
        return "population"  # "Ethiopia's roughly 110 million people", "Egypt, whose 100 million"
    if _held_by_a_building(head):
        return "population"  # "the hospital had 90 patients", "a jail that holds about 2,300"
    if head.dep_ == "conj" and head.head.dep_ in _SUBJECTS and is_person(head):
        head = head.head  # "126 patients and 18 staff were inside at the time"
    verb = _raised(head)
    if head.dep_ not in _SUBJECTS or not is_person(head):
        return None
    if verb.lemma_ == "be" and (_at_the_time(verb) or _on_a_vessel(verb)):
        return "population"  # "30 customers were inside when ...", "170 were on the vessel"
    if head.dep_ != "nsubj":
        return None
    if verb.tag_ != "VBG":
        return None
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    when = any(  # the clause of what happened, wherever the parser hung it
        t.lower_ == "when"
        and t.dep_ == "advmod"
        and t.head.dep_ in ("advcl", "relcl")
        and t.i > verb.i
        for t in verb.subtree
    )
    return "population" if progressive and when else None


# Verbs by which a building holds people, and the buildings that hold them.
_HOLDING = frozenset("have hold host house accommodate".split())
_SUBJECTS = ("nsubj", "nsubjpass")
_HOLDERS = frozenset(
    "school college university hospital clinic ward prison jail camp centre center shelter "
    "hotel dormitory mosque church synagogue temple ship vessel boat ferry".split()
)


def _held_by_a_building(head: Token) -> bool:
    """People a building holds at the time: population there.

    "The hospital had 90 COVID-19 patients on its rolls", "the hotel was hosting about 60
    guests", "the jail, which was built for 800 inmates and holds about 2,300", "the camp
    hosts more than 38,000". The holder is the verb's subject, the subject of the verb it
    is joined to, or what "which" or "that" stands for.
    """
    if head.dep_ != "dobj" or not (is_person(head) or head.like_num):
        return False
    verb = head.head
    if verb.lemma_.lower() not in _HOLDING:
        return False
    while not any(c.dep_ in _SUBJECTS for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head  # "was built for 800 inmates but held more than 2,000"
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in _HOLDERS


# Verbs that pass their subject on to an infinitive: "were believed to have been inside".
_RAISING = frozenset("believe think say report estimate fear".split())


def _raised(subject: Token) -> Token:
    """The verb a subject belongs to: past a passive verb of belief to its infinitive.

    "more than 100 workers were believed to have been inside when the fire started": the
    workers' verb is "been", not "believed".
    """
    verb = subject.head
    if subject.dep_ == "nsubjpass" and verb.lemma_.lower() in _RAISING:
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if infinitive is not None:
            return infinitive
    return verb


def _a_lands_people(noun: Token) -> bool:
    """People counted as a land's own: "Ethiopia's 110 million people", "Egypt, whose ..."."""
    if not is_person(noun) or not any(c.dep_ == "nummod" for c in noun.children):
        return False
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ == "whose" and noun.head.dep_ == "relcl":
        owner = noun.head.head  # "Egypt, whose more than 100 million people depend on ..."
    return owner is not None and owner.ent_type_ == "GPE"


def _of_the_counted(count: Token) -> bool:
    """True for a bare "the three" that points back at a group told before.

    "The bodies of the three", "rescued seven climbers, including the three injured".
    """
    prep = count.head
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in count.children)
    if not the or count.dep_ != "pobj":
        return False
    return (prep.lower_ == "of" and prep.head.pos_ == "NOUN") or prep.lower_ in (
        "including",
        "among",
    )


_PART_PRONOUNS = frozenset({"whom", "which"})


def _part_of_antecedent(count: Token) -> Reading | None:
    """A part takes its whole's metric: "52 passengers, 14 of whom were children".

    Only when the part's own clause names no harm ("14 of whom died" is a toll of its own).
    """
    pronoun = _counts.of_object(count)
    verb = count.head
    if pronoun is None or pronoun.lower_ not in _PART_PRONOUNS or verb.dep_ != "relcl":
        return None
    own = [verb, *(c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd", "dobj"))]
    if any(harm_of(cue_label(t)) is not None for t in own):
        return None
    whole = next((c for c in verb.head.children if c.dep_ == "nummod" and c.like_num), None)
    return read_count(whole) if whole is not None else None


_STATES = frozenset("dead injured wounded hurt missing killed".split())


def _state_word(count: Token, noun: Token | None) -> Metric | None:
    """The harm a state word right after a bare number names: "four dead and 30 injured".

    Past a copula too: "22 killed, 56 injured and 27 were still missing".

    The word beside the number is what the number counts, whatever the parse hangs it on; it
    beats a harm named further off in the clause (not an aid or displacement verb: "doctors
    treated 35 wounded" counts treatment).
    """
    if noun is not None:
        return None
    after = iter(count.doc[count.i + 1 : count.i + 5])
    nxt = next(after, None)
    if nxt is not None and nxt.lemma_ in ("be", "remain"):  # "and 27 were still missing"
        nxt = next((t for t in after if t.pos_ != "ADV"), None)
    if nxt is None or nxt.lower_ not in _STATES:
        return None
    return harm_of(cue_label(nxt))


def _whole_cues(count: Token, head: Token, cues: list[_Cue]) -> list[_Cue]:
    """The cues of a part's whole are its own words: "Of the 90 patients, 61 recovered".

    Only for the whole's own number ("the 325" of "75 of the 325"), not for the part's.
    """
    own = head is count or count.head.i == head.i
    if not own or not _partitive_whole(head):
        return cues
    return [c for c in cues if c.token.i == head.i or head.is_ancestor(c.token)]


def _partitive_whole(head: Token) -> bool:
    """True for the N of "Of the N ..., M did X" and of "M of the N did X": a part's whole.

    What the part's verb says befell the part, not the whole ("75 of the 325 students
    were rescued": the 325 were not).
    """
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("of", "among"):
        return False
    if prep.lower_ == "of" and prep.head.like_num and prep.head.i < head.i:
        words = {c.dep_ for c in head.children if c.lower_ == "the" or c.like_num}
        return words >= {"det", "nummod"}  # 'of the 325 students', not 'of the attackers'
    return prep.head.pos_ in _VERBAL


_VERBAL = frozenset({"VERB", "AUX"})


def _sentence_choices(count: Token, also: tuple[Label, ...] = ()) -> tuple[Label, ...]:
    """Metrics named anywhere in the number's sentence: what the model may choose from.

    `also` adds what the counted noun allows ("victims": killed or wounded).
    """
    labels = {label for t in count.sent if (label := cue_label(t)) in _OPEN}
    return tuple(m for m in get_args(Metric) if m in labels or m in also)


# The metrics a number far from its cue may still have; "home to", "on board", "vaccinated"
# and "cases" speak only of the numbers next to them.
_OPEN: frozenset[Label | None] = frozenset({"killed", "wounded", "missing", "displaced"})


def breakdown(count: Token) -> Reading | None:
    """A breakdown ("..., including 54 children") takes the metric of the total before it.

    Unless the part's own noun names a harm: "412 cases, including 27 deaths" are killed.
    """
    doc = count.doc
    i = count.i - 1
    while i > count.sent.start and (
        doc[i].is_punct or doc[i].pos_ in ("DET", "ADJ", "ADV") or _in_according(doc[i])
    ):
        i -= 1
    if doc[i].lower_ != "including":
        return None
    noun = _counts.counted_noun(count)
    if noun is not None and cue_label(noun) not in (None, "none"):
        return None  # "412 cases, including 27 deaths": the part's own noun names its harm
    if noun is None and _of_the_counted(count):
        return Reading("none")  # "rescued seven, including the three injured": told before
    totals = [t for t in doc[count.sent.start : i] if t.like_num and t.pos_ == "NUM"]
    return read_count(totals[-1]) if totals else None


def _in_according(tok: Token) -> bool:
    return any(a.lower_ == "according" for a in [tok, *tok.ancestors])


_EXPERIENCE = frozenset({"suffer", "sustain", "receive", "incur"})


# Verbs that pass their subject to the state they report: "is believed to be missing".
_RAISING = frozenset("believe think fear presume know understand".split())


def verb_harm(noun: Token) -> Metric | None:
    """The harm the verb governing `noun` names, when `noun` is who suffered it."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        noun = noun.head  # "two men and a woman were hurt": the first conjunct's verb
    verb = noun.head
    lemma = verb.lemma_.lower()
    experiencer = lemma in _EXPERIENCE or _counts.takes_no_object(verb) or _lost_life(verb)
    suffered = noun.dep_ in ("dobj", "nsubjpass") or (
        noun.dep_ == "nsubj" and (experiencer or not any(c.dep_ == "dobj" for c in verb.children))
    )
    if not suffered and noun.dep_ == "nsubj":
        return _then_befell(verb)  # 'one attacker opened fire and was shot dead'
    if not suffered or _counts.negated(verb) or _shot_down(verb):
        return None
    if noun.dep_ == "nsubj" and lemma in _SEARCH:
        return None  # 'the rover is searching for signs of life': who searches is not missing
    verbs = [verb, *_joined_verbs(verb)]
    if noun.dep_ == "dobj":  # 'arrested the son and was searching for the owner': not the son
        verbs = [v for v in verbs if v == verb or v.lemma_.lower() not in _SEARCH]
        # 'killing a guard and wounding two officers': a later verb's harm is its own object's
        verbs = [v for v in verbs if v == verb or not any(c.dep_ == "dobj" for c in v.children)]
    words = [*verbs, *(c for c in verb.children if c.dep_ in ("oprd", "acomp"))]
    if verb.lemma_.lower() in _RAISING:  # "no one is believed to be missing"
        words += [c for c in verb.children if c.dep_ == "xcomp"]
    among = [o for c in verb.children if c.lower_ == "among" for o in c.children]
    words += among + [a for o in among for a in o.children if a.dep_ in ("acl", "amod")]
    if experiencer and noun.dep_ == "nsubj":  # "a firefighter suffered injuries"
        words += [c for c in verb.children if c.dep_ == "dobj"]
    harm = [m for word in words if (m := harm_of(cue_label(word))) is not None]
    return harm[-1] if harm else None


def _befell_the_subject(noun: Token | None) -> Label | None:
    """'Two soldiers fought back and were wounded': the harm of the joined passive verb."""
    return _then_befell(noun.head) if noun is not None and noun.dep_ == "nsubj" else None


def _joined_verb(noun: Token | None) -> Label | None:
    """'19 people had been traced and vaccinated': what the subject's joined verb names.

    Only when the subject's own verb names nothing, and the joined verb has no subject of
    its own.
    """
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass") or cue_label(noun.head):
        return None
    labels = [label for c in _joined_verbs(noun.head) if (label := cue_label(c)) is not None]
    return labels[0] if labels and labels[0] != "none" else None


def _then_befell(verb: Token) -> Metric | None:
    """The harm a passive verb joined to the subject's act names: '... and was shot dead'."""
    passives = [c for c in _joined_verbs(verb) if any(a.dep_ == "auxpass" for a in c.children)]
    harm = [m for c in passives if (m := harm_of(cue_label(c))) is not None]
    return harm[-1] if harm and not _counts.negated(passives[-1]) else None


def _shot_down(verb: Token) -> bool:
    """'Shot down a Saudi fighter jet': an aircraft brought down, not a person hurt."""
    down = any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    people = any(k in _PERSONS for o in objects for k in _keys(o))  # 'shot down protesters'
    return verb.lemma_.lower() == "shoot" and down and not people


def _lost_life(verb: Token) -> bool:
    """'No soldier lost his life', 'the gunman took his own life': the subject's own death."""
    lemma = verb.lemma_.lower()
    lives = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "life"]
    own = any(m.lower_ == "own" for life in lives for m in life.children)
    return bool(lives) and (lemma == "lose" or (lemma == "take" and own))


def _joined_verbs(verb: Token) -> list[Token]:
    """The verbs joined to `verb` that share its subject: 'were shot and killed'."""
    return [c for c in verb.children if c.dep_ == "conj" and _shares_subject(c)]


def _shares_subject(conj: Token) -> bool:
    """True for a second verb of the same subject: "were shot and killed".

    Not "... and that 47 officers were hurt", a clause with a subject of its own.
    """
    own = any(c.dep_ in _SUBJECTS for c in conj.children)
    return conj.pos_ == "VERB" and not own


def harm_of(label: Label | None) -> Metric | None:
    """The label when it is a harm to people (killed, wounded, missing), else None."""
    if label == "killed" or label == "wounded" or label == "missing":
        return label
    return None
