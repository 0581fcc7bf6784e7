"""What became of an event, read from the words that govern it in the dependency parse.

A meeting word ("met", "talks", "summit") sits in a clause; the verbs above it in that clause
(its *chain*: "scheduled to meet", "will hold a meeting", "the cancellation of the talks") say
whether it was held, is planned, cancelled, rescheduled or only proposed. The chain stops at a
reporting verb, so "officials said the leaders would meet" is read from "would meet", not from
"said". Lexical cues win over tense: cancel > reschedule > propose > plan; then negation and
hypothetical frames ("whether to hold", "could meet", "refused to meet") make it no meeting;
then tense: future (will, would in reported speech, is to, going to) is planned and past
(simple past, perfect) is held. A present tense alone settles nothing (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsbrief.models import MeetingStatus

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tense = Literal["past", "future", "unknown"]

SPEECH = frozenset(
    "say tell announce report state confirm add note declare claim write mention reveal "
    "insist warn explain indicate argue acknowledge disclose".split()
)
_CANCEL = frozenset("cancel scrap abandon scuttle axe cancellation".split())
_RESCHEDULE = frozenset("reschedule postpone delay postponement relocate shift".split())
_MOVE = frozenset("move push bring slip".split())
_PROPOSE = frozenset(
    "propose offer suggest invite urge request seek proposal invitation ask".split()
)
_PLAN = frozenset(
    "schedule slate set plan arrange expect due agree prepare intend organise organize "
    "await pencil".split()
)
_PLAN_AMOD = frozenset("upcoming next future forthcoming coming planned scheduled".split())
_HYPOTHETICAL = {
    "VERB": frozenset(
        "refuse decline reject want hope wish like love consider threaten demand try "
        "attempt".split()
    ),
    "ADJ": frozenset("willing ready open eager unwilling happy glad keen interested".split()),
    "NOUN": frozenset("possibility idea notion prospect chance willingness".split()),
}
_BEFORE_AFTER = frozenset("after before following since prior".split())
_SETTING_PREPS = frozenset("in during at amid throughout".split())
_TAKING_PART = frozenset(
    "take participate engage join attend be remain sit hold host have meet speak talk".split()
)
_WEAK_MODALS = frozenset("could might may should must can".split())
_AUX = frozenset({"aux", "auxpass"})
_FUTURE_AUX = frozenset("will shall 'll wo".split())
# Nouns whose infinitive ('an invitation to meet') is what they propose or plan.
_OFFERS = frozenset("invitation offer proposal plan request".split())
_CLIMB = frozenset(
    "dobj nsubj nsubjpass pobj prep pcomp xcomp attr agent dative conj npadvmod appos "
    "acomp oprd".split()
)


@dataclass(frozen=True)
class StatusReading:
    """What the governing words say: a status (None when they do not settle it)."""

    status: MeetingStatus | None
    hypothetical: bool = False
    weak_plan: bool = False  # only a modifier ("the upcoming summit") says it is ahead
    present: bool = False  # no status, but told in the present tense ("the inquiry centres on")


def chain(word: Token) -> list[Token]:
    """`word` and the words governing it in its clause, nearest first.

    Climbs through objects, prepositions, xcomp ("scheduled to meet") and conjuncts; stops
    below a reporting verb ("said ... would meet") and at a clause of its own (advcl, relcl).
    """
    out = [word]
    current = word
    while current.head != current and len(out) < 8:
        head = current.head
        purpose = current.dep_ == "advcl" and _infinitive(current) or _offered(current)
        if (current.dep_ not in _CLIMB and not purpose) or current.lower_ in _BEFORE_AFTER:
            break  # 'met on Tuesday, a day after talks': the talks are another event
        if current.dep_ == "conj" and (head.pos_ != current.pos_ or current.pos_ == "VERB"):
            if not _shared_infinitive(current):
                break  # 'had ... but spoke': a verb conjunct is a clause of its own
        out.append(head)
        current = head
    return out


def _offered(verb: Token) -> bool:
    """'an invitation to meet', 'a plan to visit': the infinitive is what the noun offers."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in _OFFERS and _infinitive(verb)


def _infinitive(verb: Token) -> bool:
    """'(offered on Friday) to meet', '(flew to Rome) to negotiate': a purpose, not a clause.

    The parser hangs such an infinitive as a clause of its own; what became of it is what
    became of the verb it is the purpose of.
    """
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _shared_infinitive(verb: Token) -> bool:
    """'plans to visit Kyiv and meet the king': 'meet' shares the plan of 'visit'."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    head = verb.head
    return verb.pos_ == "VERB" and head.pos_ == "VERB" and head.tag_ == "VB" and not own_subject


def _in_setting(nodes: list[Token]) -> list[Token]:
    """The nodes up to a setting ('in a call with B, A urged restraint').

    What A did during the call ('urged') is not what became of the call; only its tense
    counts, unless the verb is taking part in it ('was scheduled to take part in the summit').
    """
    for i, node in enumerate(nodes[1:], start=1):
        if node.dep_ != "prep" or node.lower_ not in _SETTING_PREPS or i + 1 >= len(nodes):
            continue
        if nodes[i + 1].lemma_.lower() not in _TAKING_PART:
            return nodes[: i + 1]
    return nodes


def frame(word: Token) -> Token | None:
    """The nearest finite verb above `word` (itself included); None past a reporting verb."""
    current = word
    for _ in range(12):
        nominal = current.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
        if current.pos_ in ("VERB", "AUX") and _finite(current) and not nominal:
            return current
        head = current.head
        if head == current or (head.lemma_ in SPEECH and current.dep_ in ("ccomp", "parataxis")):
            return None
        current = head
    return None


def _finite(verb: Token) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    finite = ("MD", "VBD", "VBZ", "VBP")
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in verb.children):
        return True
    return _bare_participle(verb)


def _bare_participle(verb: Token) -> bool:
    """A main verb with a subject tagged as a participle: 'the candidates debated' (a past)."""
    kids = {c.dep_ for c in verb.children}
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and "nsubj" in kids and not kids & _AUX


def tense_of(verb: Token | None) -> Tense:
    """Past, future or unknown (present, or no verb) for one verb and its auxiliaries."""
    if verb is None:
        return "unknown"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & _FUTURE_AUX or "would" in words or _going_to(verb) or _is_to(verb):
        return "future"
    if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and _is_to(c) for c in verb.children):
        return "future"
    if any(c.tag_ == "VBD" for c in aux) or verb.tag_ == "VBD":
        return "past"
    if "have" in {c.lemma_ for c in aux} and verb.tag_ == "VBN":
        return "past"
    progressive = {"have", "has"} & words and "been" in words and verb.tag_ == "VBG"
    if progressive and any(since_a_day(c) for c in verb.children if c.dep_ == "prep"):
        return "past"  # 'have been meeting since September 12': begun that day
    if _bare_participle(verb):
        return "past"
    return "unknown"


def since_a_day(since: Token) -> bool:
    """'Since September 12': a day; not 'since 2013' or 'since November' (a span).

    Only the date's own words count: not 'since November, when the six leaders last met'.
    """
    dates = [o for o in since.children if o.dep_ == "pobj"]
    words = [t for o in dates for t in (o, *o.children)]
    return since.lower_ == "since" and any(t.like_num and len(t.text) <= 2 for t in words)


_EXPECTED = frozenset("expect schedule slate plan set due".split())


def _expected_at(word: Token, verb: Token | None) -> bool:
    """Whether the meeting is inside what is told now as expected: then it is ahead.

    'Is expected to consider it at a meeting on Friday', 'are scheduled to discuss it in
    talks'. Not '(is expected to leave) after his meeting with B' (a meeting told as a time), nor
    'the envoy for the dialogue is expected to ...' (the meeting outside it).
    """
    if verb is None or (word.dep_ == "pobj" and word.head.lower_ in _BEFORE_AFTER):
        return False
    if verb.dep_ == "xcomp":
        head, plan = verb.head, verb
    else:
        head = verb
        plan = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    to = plan is not head and any(c.lower_ == "to" and c.dep_ == "aux" for c in plan.children)
    now = any(
        c.lower_ in ("is", "are", "am", "'s", "'re") and c.dep_ in ("aux", "auxpass")
        for c in head.children
    )
    inside = plan.is_ancestor(word) or word == plan
    return to and now and inside and head.lemma_.lower() in _EXPECTED


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.head != head


def _is_to(verb: Token) -> bool:
    """'is to be held', 'was to meet': be + to-infinitive, a plan."""
    head = verb.head
    has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    return verb.dep_ == "xcomp" and head.lemma_ == "be" and has_to


def clause_tense(word: Token) -> Tense:
    """The tense of the clause `word` is in ("would meet" under "said" is future)."""
    return tense_of(frame(word))


def _cues(nodes: list[Token]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        lemma = node.lemma_.lower()
        kids = list(node.children)
        particles = {c.lower_ for c in kids if c.dep_ in ("prt", "prep", "advmod")}
        if _cancels(lemma, particles):
            found.add("cancelled")
        if "indefinitely" in particles and lemma in _RESCHEDULE:
            found.add("cancelled")
        if _moves(lemma, particles):
            found.add("rescheduled")
        found |= _asked_for(lemma, kids, particles)
        if (lemma in _PLAN and not _its_own_act(nodes[0], node)) or lemma == "ahead":
            found.add("planned")
        if lemma == "be" and any(c.dep_ == "acomp" and c.lemma_ in _PLAN for c in kids):
            found.add("planned")  # 'the summit is due next week'
        if _plan_past_perfect(node, lemma, kids) or _was_to_have(node, kids):
            found.add("unmet")  # 'had been due to meet B on Monday': it did not happen then
        if lemma in _HYPOTHETICAL.get(node.pos_, ()) or (lemma == "rule" and "out" in particles):
            found.add("hypothetical")
        # 'would meet him at the border if he saw the message': what would follow
        if any(c.lower_ in ("whether", "if", "unless") or _on_a_condition(c) for c in kids):
            found.add("hypothetical")
        if any(c.dep_ == "neg" for c in kids) or any(c.lower_ == "no" for c in kids):
            found.add("negated")
        if node.dep_ == "ccomp" and node.head.lemma_.lower() == "deny":
            found.add("denied")  # 'denied that any meeting had taken place': none told
        if any(_nobody(c) for c in kids if c.dep_ in ("nsubj", "nsubjpass")):
            found.add("negated")  # 'Neither side announced a further round'
        if any(c.lower_ in _WEAK_MODALS and c.dep_ == "aux" for c in kids):
            found.add("modal")
        found |= _adverb_cues(kids)
        if node.tag_ == "VBG" and node.dep_ in ("csubj", "csubjpass", "nsubj"):
            found.add("hypothetical")  # 'holding a meeting is a way to ...': no meeting in view
    return found


def _its_own_act(word: Token, node: Token) -> bool:
    """'Ministers meeting in Brussels agreed to widen sanctions': what the meeting did.

    The meeting is the subject of the verb; it agreed or arranged something, nobody
    arranged it.
    """
    return word.dep_ == "nsubj" and word.head == node and word.pos_ in ("NOUN", "PROPN")


def _asked_for(lemma: str, kids: list[Token], particles: set[str]) -> set[str]:
    """'Proposed talks', 'called for talks': offered; 'called a session for tomorrow': set."""
    if lemma == "call" and _for_a_day(kids):
        return {"planned"}
    if lemma in _PROPOSE or (lemma == "call" and "for" in particles):
        return {"proposed"}
    return set()


def _for_a_day(kids: list[Token]) -> bool:
    """'(Called a session) for tomorrow': a day the meeting is set for, not 'called for talks'."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
        for c in kids
    )


def _cancels(lemma: str, particles: set[str]) -> bool:
    """'Cancelled', 'called off'; 'the dinner was dropped', not 'dropped in on the talks'."""
    if lemma == "drop":
        return not particles & {"by", "in", "out", "off", "to"}
    return lemma in _CANCEL or (lemma == "call" and "off" in particles)


def _on_a_condition(clause: Token) -> bool:
    """An 'if' or 'unless' clause on the verb: what would follow, not what is set."""
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children
    )


def _nobody(subject: Token) -> bool:
    """'neither side', 'nobody', 'none of them': a subject that names no one who acted."""
    if subject.lower_ in ("nobody", "none", "neither"):
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True  # 'no one'
    return any(c.dep_ in ("det", "preconj") and c.lower_ == "neither" for c in subject.children)


def _moves(lemma: str, particles: set[str]) -> bool:
    """'postponed', 'moved to May', 'moved from Lyon', 'put back to next month', 'put off'."""
    if lemma in _RESCHEDULE or (lemma in _MOVE and particles & {"to", "back", "forward"}):
        return True
    return (lemma == "move" and "from" in particles) or (
        lemma in ("put", "hold") and bool(particles & {"off", "back"})
    )  # 'put off', 'was held back'


# A plan told in the past perfect ("had been scheduled for May 16", "had been due to meet",
# "had planned to discuss") was overtaken: the meeting did not take place as set.
_SET = frozenset("schedule slate set plan expect due intend".split())


def _plan_past_perfect(node: Token, lemma: str, kids: list[Token]) -> bool:
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in kids):
        return False
    return lemma in _SET or (
        lemma == "be" and any(c.dep_ == "acomp" and c.lemma_ in _SET for c in kids)
    )


def _was_to_have(node: Token, kids: list[Token]) -> bool:
    """'Was to have met him on Thursday': a plan that did not come about."""
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    head = node.head
    return (
        node.tag_ == "VBN"
        and {"to", "have"} <= aux
        and node.dep_ == "xcomp"
        and head.lower_ in ("was", "were")
    )


_PLANS = frozenset("trip visit journey plan plans meeting talks it tour".split())


def _opens(adverb: Token) -> bool:
    """An adverb that opens its sentence, set off by a comma: 'Instead, ...'."""
    doc = adverb.doc
    after = doc[adverb.i + 1] if adverb.i + 1 < len(doc) else None
    return adverb.i == adverb.sent.start and after is not None and after.text == ","


def _adverb_cues(kids: list[Token]) -> set[str]:
    """'Originally set for May', 'will instead be held on May 15', 'would now meet on June 29'."""
    found: set[str] = set()
    if any(c.lower_ == "originally" for c in kids):
        found.add("originally")
    if any(c.lower_ in ("instead", "now") and c.dep_ == "advmod" and not _opens(c) for c in kids):
        found.add("instead")  # not 'Instead, officials are to meet on March 3': another plan
    days = [c for c in kids if c.dep_ == "prep"]  # 'meet instead on Monday': hung on the 'on'
    if any(g.lower_ == "instead" and g.dep_ == "advmod" for c in days for g in c.children):
        found.add("instead")
    return found


def _called_off_beside(nodes: list[Token]) -> set[str]:
    """'Was expected to meet B, but cancelled the trip': a plan undone in the next clause."""
    top = topmost(nodes)
    if top is None:
        return set()
    beside = [c for c in top.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    undone = [
        c
        for c in beside
        if any(o.dep_ == "dobj" and o.lemma_.lower() in _PLANS for o in c.children)
        or _same_subject_undone(c)
    ]
    return _cues(undone) & {"cancelled", "rescheduled"}


# Verbs that say an event happened or was attended: 'did not take place', 'did not attend'.
_OCCUR = frozenset("take happen occur go proceed attend materialise materialize convene".split())


def _did_not_happen_beside(nodes: list[Token]) -> bool:
    """'Were to meet on Monday, but the meeting did not take place': a plan that fell through.

    A 'but' conjunct of the plan's top verb, negated and in the past, that says the event did
    not happen, go ahead or was not attended ('but the delegation did not attend'), or one
    that did something else instead ('but travelled to Shymkent instead').
    """
    top = topmost(nodes)
    if top is None:
        return False
    for verb in (c for c in top.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in top.children)
        negated = any(c.dep_ == "neg" for c in verb.children)
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in _AUX)
        if contrast and negated and past and verb.lemma_.lower() in _OCCUR:
            return True
        instead = any(c.lower_ == "instead" and c.dep_ == "advmod" for c in verb.children)
        if contrast and instead and past:
            return True  # 'had been scheduled to meet B on Wednesday but flew to C instead'
    return False


def called_off(sent: Span) -> bool:
    """True when the sentence cancels or moves something ('was called off', 'postponed').

    Such news says nothing of whether the day it was set for is past or ahead ('was to have
    met him on Thursday' neither); 'did not take place' does: it is past.
    """
    for tok in sent:
        lemma = tok.lemma_.lower()
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
        if lemma in _CANCEL | _RESCHEDULE or (lemma == "call" and "off" in particles):
            return True
        if lemma in _MOVE | {"put"} and particles & {"to", "back", "forward", "off"}:
            return True
        if lemma == "hold" and "back" in particles:
            return True  # 'was held back while the police withdrew'
        if _was_to_have(tok, list(tok.children)):
            return True  # 'was to have met him on Thursday'
    return False


def _planned_did_not_occur(word: Token, verb: Token | None, tense: Tense) -> bool:
    """'The meeting, scheduled for Monday, did not take place': set, then fallen through.

    The meeting noun's own words say it was set; the verb says, in the past, that it did not
    happen. Without the plan ('no meeting took place') nothing was called off.
    """
    occurs = verb is not None and verb.lemma_.lower() in _OCCUR
    return occurs and tense == "past" and "planned" in _noun_cues(word)


def topmost(nodes: list[Token]) -> Token | None:
    """The node nearest the root of the parse (the chain's top, not a verb added below it)."""
    return min(nodes, key=lambda n: sum(1 for _ in n.ancestors)) if nodes else None


def _same_subject_undone(verb: Token) -> bool:
    """'The talks had been due to open ... but were postponed': the verb shares the subject.

    It has no subject or object of its own ('met B and postponed the vote' is another act).
    """
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _trip_undone(nodes: list[Token]) -> set[str]:
    """The fate of the trip a meeting was to happen on, as cues.

    'Called off a visit to Dodoma, where she was due to meet B': the meeting is told in a
    clause on the place of a cancelled or moved trip.
    """
    top = topmost(nodes)
    if top is None or top.dep_ != "relcl":
        return set()
    noun = top.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.lemma_.lower() in _PLANS:
        return _cues([noun.head]) & {"cancelled", "rescheduled"}
    return set()


def _happened_there(clause: Token) -> bool:
    """'The summit, where they agreed to set up a fund': what happened at it, not its fate.

    So too 'a meeting in which (at which, during which) they agreed to work together'.
    """
    return any(
        (c.lower_ in ("where", "when") and c.dep_ == "advmod")
        or (c.dep_ == "prep" and any(o.lower_ == "which" for o in c.children))
        for c in clause.children
    )


def _noun_cues(word: Token) -> set[str]:
    """Modifiers of a meeting noun: 'the upcoming summit', 'the talks, cancelled last week'."""
    found: set[str] = set()
    for child in [*word.children, *_held_clauses_of_its_members(word)]:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "compound") and child.lower_ in _PLAN_AMOD:
            found.add("weak_plan")
        if child.dep_ in ("acl", "relcl") and not _happened_there(child) and not _acts(child):
            found |= _cues([child]) - {"hypothetical", "modal", "negated", "unmet"}
        if child.dep_ == "det" and lemma == "no":
            found.add("negated")
    return found


_HOLDS = frozenset("hold host convene organise organize stage".split())


def _held_clauses_of_its_members(word: Token) -> list[Token]:
    """Relative clauses the parser hung on a meeting's members that tell of the meeting.

    'A meeting of the troika, which Moscow had planned to hold': what was to be held is the
    meeting, not the troika.
    """
    members = [t for p in word.children if p.lower_ == "of" for t in p.subtree]
    return [
        c
        for c in members
        if c.dep_ == "relcl"
        and any(t.dep_ == "dobj" and t.tag_ == "WDT" for t in c.subtree)
        and any(t.lemma_.lower() in _HOLDS for t in c.subtree)
    ]


def _acts(clause: Token) -> bool:
    """'A meeting that set up a commission': the meeting does something; no plan for it."""
    subject = any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children)
    return clause.dep_ == "relcl" and subject and clause.lemma_ != "be"


def governors(word: Token) -> list[Token]:
    """The chain, plus the verb of 'is to be held' or of 'were due to open'."""
    nodes = chain(word)
    extra = [c for n in nodes if n.lemma_ == "be" for c in n.children if c.dep_ == "xcomp"]
    due = [c for n in nodes if n.lemma_ == "be" for c in n.children if c.dep_ == "acomp"]
    extra += [c for a in due for c in a.children if c.dep_ == "xcomp"]  # 'was due to open'
    return nodes + [c for c in extra if c not in nodes]


def status_of(word: Token) -> StatusReading:
    """The status the words governing `word` give it (see the module docstring)."""
    nodes = _in_setting(governors(word))
    verb = frame(word)
    cues = _cues(nodes) | _noun_cues(word) | _called_off_beside(nodes) | _trip_undone(nodes)
    if _invited_to(word):
        cues = (cues - {"proposed"}) | {"planned"}  # 'invited them to a summit in May'
    tense = "future" if _expected_at(word, verb) else tense_of(verb)
    if "denied" in cues:
        return StatusReading(None, hypothetical=True)
    if "cancelled" in cues:
        return StatusReading("rescheduled" if "rescheduled" in cues else "cancelled")
    if "rescheduled" in cues or (cues & {"originally", "instead"} and tense == "future"):
        return StatusReading("rescheduled")
    if "unmet" in cues:
        return StatusReading("cancelled")
    if "negated" in cues and tense == "future" and _specific(word, nodes):
        return StatusReading("cancelled")  # 'the talks will not take place on Monday'
    if "negated" in cues and _planned_did_not_occur(word, verb, tense):
        return StatusReading("cancelled")  # 'a meeting, pencilled in for Monday, did not happen'
    if cues & {"negated", "hypothetical", "proposed"}:
        return StatusReading(None, hypothetical=True)  # an offer or a call to meet: none yet
    if ("planned" in cues or tense == "future") and _did_not_happen_beside(nodes):
        return StatusReading("cancelled")
    if "planned" in cues:
        return StatusReading("planned")
    if "modal" in cues:
        return StatusReading(None, hypothetical=True)
    if tense == "future":
        return StatusReading("planned")
    if "weak_plan" in cues:
        return StatusReading("held" if tense == "past" else "planned", weak_plan=True)
    if tense == "past":
        return StatusReading("held")
    return StatusReading(None, present=_present(word, verb))


def _invited_to(word: Token) -> bool:
    """'Has invited the leaders to a summit at Camp David': the summit is set, not offered.

    (An invitation 'to meet' only offers a meeting.)
    """
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    if word.dep_ == "xcomp" and any(c.lower_ == "to" for c in word.children):
        # the parser's 'to talks' as a verb's; only talks set somewhere or for a day
        return word.head.lemma_.lower() == "invite" and _set_somewhere_or_for_a_day(word)
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "to":
        return False
    verb = prep.head
    # 'have summoned the minister to a meeting on Monday': set; not a summons told as done
    return verb.lemma_.lower() == "invite" or (verb.lemma_ == "summon" and verb.tag_ != "VBD")


def _set_somewhere_or_for_a_day(noun: Token) -> bool:
    """'talks in Moscow on October 20': a place or a day written on the meeting noun."""
    return any(
        child.dep_ == "prep" and p.ent_type_ in ("DATE", "GPE", "LOC", "FAC")
        for child in noun.children
        for p in child.children
    )


def _specific(word: Token, nodes: list[Token]) -> bool:
    """A meeting that was set: 'the talks', 'its summit', or one with a day ('on Monday').

    'would not meet him until ...' and 'would not allow any talks' refuse a meeting that
    was never set; they call nothing off.
    """
    if word.pos_ in ("NOUN", "PROPN"):
        for child in word.children:
            if child.dep_ == "poss" or child.lower_ in ("the", "this", "that", "these"):
                return True
    return any(t.ent_type_ in ("DATE", "TIME") for n in nodes for t in n.children)


_HABITUAL = frozenset("every regularly usually often annually monthly weekly daily".split())


def _present(word: Token, verb: Token | None) -> bool:
    """A present tense that reports (not 'meets every month', not 'a way to meet')."""
    if verb is None or not (verb.tag_ in ("VBZ", "VBP") or _finite(verb)):
        return False
    path: list[Token] = []
    current = word
    while current != verb and current.head != current and len(path) < 12:
        path.append(current)
        current = current.head
    infinitive = any(
        n.tag_ == "VB" and any(c.lower_ == "to" for c in n.children) for n in [*path, verb]
    )
    habitual = any(t.lower_ in _HABITUAL for t in verb.subtree)
    return not (infinitive or habitual)
