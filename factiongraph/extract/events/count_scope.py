"""Which happening of a sentence a casualty figure belongs to.

A sentence may tell one happening and give figures of others beside it: "A drone strike killed a
commander on Wednesday, weeks after an attack that killed three soldiers" (the three are the
attack's); "A bomb killed two soldiers on Monday, the latest in a wave of attacks that has killed
more than 200 people since January" (the 200 are the wave's); "Gunmen shot dead a lawyer on
Sunday; more than 40 activists have been killed so far this year" (a tally over time). Such a
figure is left out of the counts of a happening told outside its clause (:func:`is_foreign`); the
happening its clause tells keeps it ("More than 320 people have been killed since the protests
began" is that tally's own figure). A place in such a clause is that happening's too
(:func:`in_other_happening`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

Token = Any

# Nouns of happenings (one or many): a relative clause on one of them tells its casualties.
HAPPENING_NOUNS = frozenset("""attack attacks strike strikes airstrike airstrikes bombing bombings blast
    blasts explosion explosions raid raids ambush ambushes shelling assault assaults offensive operation
    operations clash clashes fighting violence wave campaign series spate string surge war conflict
    insurgency uprising crackdown massacre incident incidents barrage barrages onslaught rampage""".split())
# Words of a span of time a tally runs over ("so far this year", "over the past months").
_SPAN_NOUNS = frozenset("year years month months week weeks decade decades period".split())
_SPAN_WORDS = frozenset("this last past recent previous".split())
# Points "since" may start a happening's own toll from: a battle "since Monday" is one happening.
_SHORT_STARTS = frozenset("""monday tuesday wednesday thursday friday saturday sunday dawn morning
    afternoon evening night midnight yesterday""".split())


# Nouns of many happenings told as one: their tolls are never one of them's.
_CAMPAIGN_NOUNS = frozenset("wave campaign series spate string surge war conflict insurgency uprising".split())
# Prepositions that put a happening before or behind the one told: "in retaliation for an attack
# that killed ...", "weeks after an attack that killed ...".
_BEHIND_PREPS = frozenset("for after following before since".split())


def _is_other(noun: Token) -> bool:
    """Return True for a happening noun that cannot be the one a clause around it tells: many
    happenings ("a wave of attacks", "attacks"), one said to be another ("a previous attack"), or
    one the sentence puts behind it ("in retaliation for an attack", "weeks after an attack");
    "in an attack that killed six" restates the happening told."""
    if noun.lower_ in _CAMPAIGN_NOUNS or (noun.lower_.endswith("s") and noun.lower_ not in ("clashes", "fighting")
                                          and noun.lower_[:-1] in HAPPENING_NOUNS):
        return True
    if any(c.lower_ in _OTHER_WORDS for c in noun.children):
        return True
    if any((c.lower_ == "such" and c.dep_ != "predet") or _is_span(c) for c in noun.children):
        return True  # "the third such attack this month, in which 20 were killed": a class or a span of them
    t = noun
    while t.dep_ in ("conj", "pobj", "compound") and t.head.i != t.i:  # "a wave of attacks": the wave's place
        t = t.head
        if t.dep_ == "prep" and t.lower_ in _BEHIND_PREPS:
            return True
        if t.lower_ in _CAMPAIGN_NOUNS:
            return True
    return False


# Nouns that make "to" point behind: "in response to the killing of".
_ANSWER_NOUNS = frozenset("response reply answer retaliation reaction revenge".split())


def _behind(word: Token) -> Token | None:
    """Return the phrase that puts a casualty noun behind the happening told ("revenge for the
    killing of Soleimani", "after the deaths of two soldiers", "in response to the killing of"),
    else None."""
    if word.dep_ != "pobj" or word.head.dep_ != "prep":
        return None
    prep = word.head
    if prep.lower_ in _BEHIND_PREPS or (prep.lower_ == "to" and prep.head.lower_ in _ANSWER_NOUNS):
        return prep
    return None


def _happening_of(word: Token) -> Token | None:
    """Return the happening noun whose relative or participle clause ``word`` is in, when it is
    another happening than the one its sentence tells ("in retaliation for an attack that killed
    three", "a wave of attacks that has killed 200"), else None."""
    t = word
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "acl") and t.head.lower_ in HAPPENING_NOUNS and _is_other(t.head):
            return t.head
        if t.dep_ == "relcl" and t.head.ent_type_ in ("DATE", "TIME") \
                and any(c.lower_ == "when" for c in t.children):
            return t.head  # "since 2016, when a truck bomb killed more than 300": that time's happening
        t = t.head
    return None


# Words that put a happening before or beside the one told: "another bombing killed nine".
_OTHER_WORDS = frozenset("another separate earlier previous similar prior".split())
# What a happening is done with: "another roadside bomb wounded four".
_MEANS_NOUNS = frozenset("""bomb bombs device devices ied ieds rocket rockets missile missiles drone drones mortar
    mortars shell shells grenade grenades mine mines bomber bombers gunman gunmen""".split())
# Spans of time before "after"/"before": "a day after", "hours before".
_LAPSE_NOUNS = frozenset("""minute minutes hour hours day days week weeks month months year years
    moment moments""".split())


def _earlier_clause(word: Token, casualty: Collection[str]) -> Token | None:
    """Return the clause that tells another happening ``word`` is in: "a day after another
    bombing killed nine", "hours after a rocket attack wounded three", "killing 25, after a rocket
    attack killed a contractor" (a lapse of time before "after"/"before", a toll of its own in a
    clause after "after"/"before", or a subject said to be another happening), else None. Words of
    ``casualty`` say a toll."""
    t = word
    while t.head.i != t.i:
        if t.dep_ in ("advcl", "conj", "ccomp", "pcomp", "parataxis"):
            # the word opens the clause: "killing two policemen before fleeing" is told before the
            # fleeing, and its "before" opens that clause, not the killing's
            marks = [c for c in t.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")
                     and c.i < t.i]
            lapse = any(c.dep_ == "npadvmod" and c.lower_ in _LAPSE_NOUNS for c in t.children) \
                or any(c.dep_ == "npadvmod" and c.lower_ in _LAPSE_NOUNS for m in marks for c in m.children)
            other = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in HAPPENING_NOUNS | _MEANS_NOUNS
                        and any(d.lower_ in _OTHER_WORDS for d in c.children) for c in t.children)
            # "after a rocket attack killed a contractor": the clause's own verb says a toll ("after
            # guards stopped him, killing eight" does not: the killing is the happening told)
            toll = marks and (t.lower_ in casualty or any(c.dep_ == "conj" and c.lower_ in casualty
                                                          for c in t.children))
            if (marks and lapse) or other or toll:
                return t
        t = t.head
    return None


def _clause_verb(word: Token) -> Token:
    """Return the verb of the clause a casualty word says ("were dead" -> were; "killing" itself)."""
    if word.dep_ in ("acomp", "oprd", "attr", "amod") and word.head.i != word.i:
        return word.head
    return word


def _is_span(tok: Token) -> bool:
    """Return True for "this year", "the past months", "recent weeks": a span of time."""
    return tok.lower_ in _SPAN_NOUNS and any(c.lower_ in _SPAN_WORDS for c in tok.children)


def is_tally(word: Token) -> bool:
    """Return True when the clause of a casualty word counts over a span of time: "since 2014",
    "since the protests began", "so far", "this year", "over the past months" (not "since Monday":
    a battle's toll)."""
    verb = _clause_verb(word)
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "prep" and low == "since":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects or any(g.lower_ not in _SHORT_STARTS for g in objects):
                return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return True
        if low == "far" and any(c.lower_ == "so" for c in child.children):
            return True
        if child.dep_ in ("npadvmod", "advmod") and _is_span(child):
            return True
        if child.dep_ == "prep" and low in ("in", "over", "during", "throughout") \
                and any(g.dep_ == "pobj" and _is_span(g) for g in child.children):
            return True
    return False


# Dependencies that start a clause of its own.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "parataxis", "relcl", "acl", "csubj"})


def _starts_clause(tok: Token) -> bool:
    """Return True for the head of a clause (the parse alone: tags may be absent); a conjunct
    starts one when what it is joined to does ("wounded two and killed three")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in tok.children):
        return False  # "killed since the protests began": the span of the tally, the protests its happening
    return tok.dep_ in _CLAUSE_DEPS


def _clause_of(tok: Token) -> Token:
    """Return the head of the clause ``tok`` is in (the nearest token up its path that starts a
    clause: "A rocket attack wounded two; since 2014, 400 were killed": attack -> wounded)."""
    t = tok
    while t.head.i != t.i and not _starts_clause(t):
        t = t.head
    return t


def _inside(tok: Token, trigger: tuple[int, int]) -> bool:
    """Return True when a token of the trigger span lies in ``tok``'s subtree."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    return any(lo <= i <= hi for i in range(*trigger))


def in_other_happening(word: Token, trigger: tuple[int, int]) -> bool:
    """Return True when ``word`` sits in a relative or participle clause of another happening
    than the trigger's ("strikes on the militia blamed for a rocket attack that killed a contractor
    in Iraq last week": Iraq is where that attack was, not the strikes)."""
    owner = _happening_of(word)
    return owner is not None and not _inside(owner, trigger)


# Nouns of one happening a sentence may name besides the one it tells ("suspected of the bombing
# in Tikrit", "over the killing of a sheikh in Zubair").
_REFERRED_NOUNS = HAPPENING_NOUNS | frozenset("""killing killings assassination assassinations murder murders
    kidnapping kidnappings abduction shooting shootings massacre bombardment""".split())
# Prepositions on the trigger's own verb that set the frame it happened in ("arrested in a raid on a
# house in Samarra", "during an operation near Rutba"): the frame's place is the happening's.
_FRAME_PREPS = frozenset("in during at amid within".split())
# What a place's phrase climbs through to the noun it hangs on ("the attack on Erbil airport").
_PHRASE_DEPS = frozenset("pobj prep compound conj appos nmod poss".split())


def _phrase_happening(word: Token) -> Token | None:
    """Return the happening noun the phrase of ``word`` hangs on ("the attack on Erbil airport":
    attack), else None."""
    t = word
    while t.head.i != t.i and t.dep_ in _PHRASE_DEPS:
        t = t.head
        if t.lower_ in _REFERRED_NOUNS:
            return t
    return None


# Prepositions that set a happening before the one told: "the deadliest since the bombing in Mosul".
_EARLIER_PREPS = frozenset("since after before following".split())


def in_earlier_happening(word: Token, trigger: Token) -> bool:
    """Return True when the place ``word`` sits in the phrase of a happening the sentence sets before
    or beside the trigger's ("the deadliest attack in the country since the bombing in Mosul", "a week
    after a similar attack on a base in Taji"), which is that happening's place."""
    noun = _phrase_happening(word)
    if noun is None or noun.i == trigger.i or noun.left_edge.i <= trigger.i <= noun.right_edge.i:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _OTHER_WORDS for c in noun.children):
        return True
    t = noun
    while t.head.i != t.i and t.dep_ in ("pobj", "prep", "conj", "appos"):
        t = t.head
        if t.dep_ == "prep" and t.lower_ in _EARLIER_PREPS:
            return not t.left_edge.i <= trigger.i <= t.right_edge.i
    return False


def in_referred_happening(word: Token, trigger: Token) -> bool:
    """Return True when the place ``word`` sits in the phrase of a happening the sentence only
    names beside the trigger's ("arrested three men suspected of carrying out last week's bombing in
    Tikrit", "detained suspects over the rocket attack on Erbil airport": that happening's place),
    not the frame the trigger's verb happened in ("arrested five in a raid on a village near
    Tikrit")."""
    noun = _phrase_happening(word)
    if noun is None or noun.i == trigger.i or noun.left_edge.i <= trigger.i <= noun.right_edge.i:
        return False
    frame = noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in _FRAME_PREPS \
        and (noun.head.head.i == trigger.i or _same_doers(noun.head.head, trigger))
    return not frame


def _same_doers(verb: Token, trigger: Token) -> bool:
    """Return True when ``verb`` is a verb coordinated with the trigger's that shares its subject
    ("arrested five men and seized explosives in a raid near Samarra": the raid is the arrest's
    frame too)."""
    first, later = (trigger, verb) if trigger.i < verb.i else (verb, trigger)
    return later.dep_ == "conj" and later.head.i == first.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in later.children)


def is_foreign(word: Token, trigger: tuple[int, int], casualty: Collection[str]) -> bool:
    """Return True when the figure a casualty word says belongs to another happening than the one
    whose trigger spans ``trigger`` (token indices, end exclusive): it sits in a relative clause
    of another happening, or in a tally over time that the trigger is not part of."""
    owner = _happening_of(word)
    if owner is not None and not _inside(owner, trigger):
        return True
    behind = _behind(word)
    if behind is not None and not _inside(behind, trigger):
        return True
    told = _earlier_clause(word, casualty)
    if told is not None and not _inside(told, trigger):
        return True
    doc = word.doc
    for i in range(*trigger):  # the trigger tells the other happening: the figures outside are not its
        around = _earlier_clause(doc[i], casualty)
        if around is not None and not around.left_edge.i <= word.i <= around.right_edge.i:
            return True
    if not is_tally(word):
        return False
    verb = _clause_verb(word)
    doc = word.doc
    return not any(_clause_of(doc[i]).i == verb.i for i in range(*trigger)) \
        and not any(_inside(c, trigger) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
