"""Which date phrase of a sentence is a meeting's own, resolved with the meeting's tense.

The phrase whose words hang from the meeting word or the words that govern it is the
meeting's date, nearest first. A date on a reporting verb ("announced on Friday that ..."),
on another verb or on another noun ("a press release issued the following day") dates
something else; a date that hangs from nothing of the meeting's is taken only when the
sentence names no other meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsbrief.models import MeetingStatus
from newsbrief.text import dates as _dates
from newsbrief.text.event_parts import HOSTING, MOTION, journey, objects, partners, someone
from newsbrief.text.event_status import (
    SPEECH,
    called_off,
    clause_tense,
    frame,
    governors,
    since_a_day,
    topmost,
)
from newsbrief.text.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _date_tense(
    word: Token, status: MeetingStatus | None, present: bool, original: bool = False
) -> _dates.Tense:
    if original or (status == "cancelled" and called_off(word.sent)):
        return "nearest"  # 'planned for Wednesday, was called off': news of it is near its day
    if status == "cancelled":
        return "unknown"  # 'but the meeting did not take place': the last such day
    if status in ("planned", "rescheduled", "proposed"):
        verb = frame(word)
        return "unknown" if past_perfect(verb) and not _backshifted(verb) else "future"
    if status == "held":
        return "past"
    if present:
        return "future"  # 'the summit opens on Sunday', 'is hosting B on Tuesday': a timetable
    return clause_tense(word)


def _backshifted(verb: Token | None) -> bool:
    """'Officials said it had been moved to Saturday': told as 'has been moved', so ahead."""
    return (
        verb is not None
        and verb.dep_ == "ccomp"
        and verb.head.lemma_ in SPEECH
        and any(c.lemma_ in _MOVES for c in (verb, *verb.children))
    )


# Verbs that commit to a meeting ahead of them: 'had agreed to meet on Wednesday' tells when
# the agreement was made, not that the day has passed.
_COMMITMENTS = frozenset("agree decide promise pledge vow arrange consent undertake".split())


def past_perfect(verb: Token | None) -> bool:
    """'had been due to meet on Friday': a plan told from after its day."""
    if verb is None or verb.lemma_.lower() in _COMMITMENTS:
        return False
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


# Parts of a day the parser may not type as a time: 'moved to tomorrow afternoon'.
_DAY_PARTS = frozenset("morning afternoon evening night".split())


def _reach(start: Token, nodes: set[int], word: Token) -> int | None:
    """Steps from a date word up to the meeting's words.

    None when the date belongs to something else on the way: a reporting verb, another verb,
    or a noun outside the meeting's phrase.
    """
    current, steps = start, 0
    inside = {t.i for t in word.subtree} if word.pos_ != "VERB" else {word.i}
    while current.i not in nodes:
        if current.lemma_ in SPEECH and current.pos_ == "VERB":
            return steps + 1 if _said_after(current, start, nodes) else None
        # 'yesterday morning' is still the day; 'in Anchorage, Alaska, tomorrow': a date the
        # parser hung on the meeting's place
        dated = current.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
        dated = dated or current.lower_ in _DAY_PARTS
        if current.pos_ in ("NOUN", "PROPN", "VERB") and current.i not in inside and steps:
            if not dated:
                return None  # 'a press release issued the following day': the release's date
        if current.head.i == current.i:
            return 50
        current, steps = current.head, steps + 1
    return steps


def _said_after(verb: Token, date: Token, nodes: set[int]) -> bool:
    """'A and B met on Monday evening, an official told reporters': the day is the meeting's.

    The parser may hang the day on the reporting verb that follows the reported clause; a
    day written before the speaker, after the clause that holds the meeting, is that
    clause's ('said on Monday' stays the day of the saying).
    """
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.i < date.i or not speakers or speakers[0].i < date.i:
        return False
    return any(c.dep_ == "ccomp" and c.i < date.i and c.i in nodes for c in verb.children)


def _meeting_nodes(word: Token) -> set[int]:
    chained = governors(word)
    nodes = {n.i for n in chained}
    top = topmost(chained)
    where = any(c.lower_ == "where" for n in chained for c in n.children)
    while top is not None and (
        _after_arriving(top) or _same_subject_after(top, word) or _meanwhile(top)
    ):
        trip = _journey_of(top.head) if _after_arriving(top) else None
        top = top.head  # 'arrived in Ashgabat yesterday and held talks with B'
        nodes.add(top.i)
        if trip is not None:
            nodes.add(trip.i)
        where = where or any(c.lower_ == "where" for c in top.children)
    if top is not None and top.dep_ == "relcl" and where:
        day = top.head  # 'flew to Borongan on Monday, where he met ...': the parser may hang
        nodes.add(day.i)  # the clause on the day of the journey it tells
        if day.dep_ == "pobj":
            nodes.add(day.head.i)
            verb = day.head.head  # 'the tour began on Wednesday in Riyadh, where ...'
            if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
                verb = verb.head  # 'made a stop in Baghdad, where ...': the verb of the stop
            if verb.pos_ == "VERB" and verb.lemma_ not in SPEECH:
                nodes.add(verb.i)
    trip = journey(word)
    if trip is not None:
        nodes.add(trip.i)  # 'will travel to Washington next week to meet Trump'
    nodes |= {c.i for c in word.children if c.dep_ in ("acl", "relcl", "prep", "npadvmod")}
    if word.pos_ == "VERB":  # 'spoke with the ambassador on Sunday': a date hung on who is met
        met = [t for t in partners(word) + objects(word) if someone(t)]
        met += [c for t in met for c in t.conjuncts]  # 'officials of X and both clubs on Monday'
        if met:  # 'meet the administrators of the Imam Hussein and al-Abbas shrines on Thursday':
            nodes |= {o.i for o in objects(word)}  # the parser may split one object in two
        elif word.lemma_ == "meet":
            met = objects(word)  # 'will meet construction companies ... on Wednesday': whoever
            nodes |= {o.i for o in met}  # is met, however the tagger reads them
        nodes |= {n.i for t in met for n in _of_chain(t)}
        # 'would meet operators serving the route in Banyuwangi on Monday': the parser may
        # hang the day on a participle that describes who is met
        nodes |= {c.i for t in met for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG"}
        # 'received a delegation, led by its envoy, in Abuja on Monday': or on a passive
        # participle that describes them, which the parser may hang on the meeting verb
        nodes |= {c.i for c in word.children if _describes_who_is_met(c)}
        nodes |= {  # 'will meet for the first time on Thursday'
            p.i
            for c in word.children
            if c.dep_ == "prep" and c.lower_ not in _NOT_THE_MEETINGS
            for p in c.children
            if p.dep_ == "pobj"
        }
        nodes |= {h.i for h in _hosting_event(word)}  # 'on the sidelines of Tuesday's summit'
        nodes |= {c.i for c in word.children if _purpose_of_meeting(c)}
    return nodes


def _purpose_of_meeting(clause: Token) -> bool:
    """What a meeting was for: 'met to discuss the deal on March 29'.

    The parser may hang the meeting's day on it.
    """
    to = any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children)
    return clause.dep_ in ("xcomp", "advcl") and clause.pos_ == "VERB" and to


def _describes_who_is_met(clause: Token) -> bool:
    """'..., led by its envoy, ...': a passive participle with its agent and no subject."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in clause.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in clause.children)
    )


_NOT_THE_MEETINGS = frozenset("after before since following ahead".split())
_SIDELINES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})


def _hosting_event(verb: Token) -> list[Token]:
    """The event a meeting was held on the sidelines of: its day is the meeting's."""
    return [
        event
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("on", "at")
        for side in prep.children
        if side.dep_ == "pobj" and side.lower_ in _SIDELINES
        for of in side.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for event in of.children
        if event.dep_ == "pobj"
    ]


def _after_arriving(top: Token) -> bool:
    """A meeting verb joined to a journey with the same subject: the journey's day is its."""
    trip = _journey_of(top.head)
    if top.dep_ != "conj" or trip is None:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)


def _journey_of(head: Token) -> Token | None:
    """The verb of going: 'arrived in X', or the one a plan names ('is due to fly to X')."""
    if head.lemma_ == "be":  # 'is due to fly to Mamuju tomorrow and will chair a meeting'
        plans = [c for c in head.children if c.dep_ == "acomp"]
        head = next((x for a in plans for x in a.children if x.dep_ == "xcomp"), head)
    return head if head.pos_ == "VERB" and head.lemma_.lower() in MOTION else None


def _meanwhile(top: Token) -> bool:
    """'Promised a loan as he hosted Lukashenko': a meeting told as the time of the verb's act.

    It happened on that verb's day ('Putin yesterday promised ...').
    """
    return (
        top.dep_ == "advcl"
        and top.head.pos_ == "VERB"
        and top.head.lemma_ not in SPEECH
        and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in top.children)
    )


def _same_subject_after(top: Token, word: Token) -> bool:
    """'Yesterday A met B, then sat down with C': a second meeting verb of the same subject.

    The day told for the first verb is the second's too, unless the second has its own.
    """
    head = top.head
    # 'visited Kabul ..., meeting A' or '..., holding talks with A'; not '..., requesting to
    # reschedule the meeting', whose day is not the day of the request
    told = top.i == word.i or (word.head.i == top.i and top.lemma_ in HOSTING)
    participle = top.dep_ == "advcl" and top.tag_ == "VBG" and told
    if top.dep_ not in ("conj", "dep") and not participle or top.pos_ != "VERB":
        return False
    if head.pos_ != "VERB":
        return False
    if head.lemma_ in SPEECH or any(t.ent_type_ in ("DATE", "TIME") for t in top.subtree):
        return False  # 'and held talks with C on Monday': a day of its own
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)


def _of_chain(tok: Token) -> list[Token]:
    """Where a date on who is met may hang: 'representatives of X', 'elders from the camps'."""
    out = [tok]
    while True:
        prep = next(
            (c for c in out[-1].children if c.dep_ == "prep" and c.lower_ in ("of", "from")),
            None,
        )
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None or len(out) > 3:
            return out
        out.append(pobj)


def attached_date(
    word: Token,
    sent: Span,
    published: dt.date | None,
    status: MeetingStatus | None,
    *,
    crowded: bool,
    within: tuple[int, int] | None = None,
    present: bool = False,
    original: bool = False,
) -> _dates.DatePhrase | None:
    """The date phrase of the sentence that belongs to the meeting (offsets into the text).

    With `original`, the day a rescheduled meeting was first set for, never the day it was
    moved to.

    The phrase whose words hang from the meeting word or its verbs, nearest first; a date on
    a reporting verb ("announced on Friday that ...") is never the meeting's. A date on
    nothing of the meeting's is taken only when the sentence names no other meeting. With
    `within` (offsets into the text), only a phrase that starts there is taken: 'met A on
    Monday and B on Tuesday' dates each meeting by its own stretch of the sentence. A
    meeting told in the `present` tense with a day is ahead ('the summit opens on Sunday').
    """
    phrases = _dates.find_dates(
        sent.text, published=published, tense=_date_tense(word, status, present, original)
    )
    if within is not None:
        low, high = within[0] - sent.start_char, within[1] - sent.start_char
        phrases = [p for p in phrases if low <= p.start < high]
    nodes = _meeting_nodes(word)
    own = _own_conjunct(word)
    best: tuple[int, _dates.DatePhrase] | None = None
    for phrase in phrases:
        start, end = sent.start_char + phrase.start, sent.start_char + phrase.end
        toks = [t for t in sent if start <= t.idx < end]
        if not toks or _beside_speech(toks[0], toks[-1]) or _since_on_a_noun(toks):
            continue  # 'said on Thursday (that) ...': the date of the saying
        roots = [t for t in toks if t.head not in toks or t.head == t] or toks
        steps = _reach(roots[0], nodes, word)
        if steps is None and within is not None:
            steps = 40  # 'and then with B on Tuesday': in B's own stretch, B's meeting's date
        if steps is not None and status == "rescheduled" and _moved_to(roots[0]):
            if original:
                continue
            steps = -1  # 'originally set for March 3, has been moved to March 10': the new day
        if steps is None or (steps >= 50 and crowded):
            continue
        if own is not None and own.is_ancestor(roots[0]):
            steps -= 100  # 'will survey the areas today and hold a meeting tomorrow'
        if best is None or steps < best[0]:
            best = (steps, _shift(phrase, sent.start_char))
    if best is None:
        return None
    return _made_exact(best[1], [_shift(p, sent.start_char) for p in phrases], sent)


def _since_on_a_noun(toks: list[Token]) -> bool:
    """'Their first meeting since 2019': a span after another meeting, not this one's date.

    So is any span of months or years ('has been pushed back twice since November', 'have
    been negotiating since 2013'); 'have been meeting in Doha since September 12' tells the
    day the talks began.
    """
    first = toks[0]
    since = first if first.lower_ == "since" else first.doc[first.i - 1] if first.i else None
    if since is None or since.lower_ != "since":
        return False
    return since.head.pos_ in ("NOUN", "PROPN") or not since_a_day(since)


def _made_exact(
    chosen: _dates.DatePhrase, phrases: list[_dates.DatePhrase], sent: Span
) -> _dates.DatePhrase:
    """The exact day told right after a vaguer one: 'next month, on June 26 and 27'."""
    if chosen.precision == "day" and chosen.date is not None:
        return chosen
    text = doc_text(sent.doc)
    for phrase in phrases:
        between = text[chosen.end : phrase.start]
        if phrase.date is not None and phrase.precision == "day" and between.strip() == ",":
            return phrase
    return chosen


def _own_conjunct(word: Token) -> Token | None:
    """The verb conjunct that holds the meeting, when it shares another verb's subject.

    'Will carry out a survey today and hold a meeting tomorrow': a day in the meeting's own
    conjunct is its day; one on the other verb only when the meeting's has none.
    """
    for node in governors(word):
        if node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ == "VERB":
            return node
    return None


_MOVES = frozenset("move postpone reschedule delay push bring shift change defer put".split())


def moved_to(doc: Doc, date: _dates.DatePhrase) -> bool:
    """True when the date is the one a meeting was moved to, not the one it had been set for."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and _moved_to(span.root)


def _moved_to(tok: Token) -> bool:
    """A date a meeting was moved to: 'moved to March 10', 'postponed until May'."""
    while tok.dep_ in ("compound", "npadvmod") and (
        tok.head.ent_type_ in ("DATE", "TIME") or tok.head.lower_ in _DAY_PARTS
    ):
        tok = tok.head  # 'pushed back to yesterday afternoon': the day names the afternoon
    prep = tok if tok.dep_ == "prep" else tok.head  # the phrase may begin at 'until July'
    if tok.dep_ not in ("pobj", "prep") or prep.lower_ not in ("to", "until", "till"):
        return False
    # 'postponed its summit, which was due on Saturday, to April 10': the parser may hang
    # the new day on a verb inside the moved thing's own clause
    return any(a.lemma_.lower() in _MOVES for a in prep.ancestors)


def _beside_speech(first: Token, last: Token) -> bool:
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return any(t is not None and t.lemma_ in SPEECH and t.pos_ == "VERB" for t in (before, after))


def _shift(phrase: _dates.DatePhrase, by: int) -> _dates.DatePhrase:
    return _dates.DatePhrase(
        phrase.start + by,
        phrase.end + by,
        phrase.text,
        phrase.date,
        phrase.precision,
        phrase.offset,
        phrase.event,
    )
