"""How a trigger word's place in the parse tells whether and how it happened.

Pure readings of one spaCy token (no rules, no candidates): a noun that is only what an agreement is
about (`topic_of`), a "warned" that only tags reported words (`warning_as_speech_tag`), a deadline
given for an act (`deadline_given`), a vow or an -ing verb hung on a past verb (`vow_beside_past`,
`absolute_past`), a passive verb sharing its conjunct's agent (`agent_of_conjoined`), a deed a
reputation is made of (`reputation_of`), a happening asked for (`asked_for`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["ASPECT_PAST", "CONTRAST_MARKS", "IRREGULAR_PAST", "STAGING_VERBS", "TOPIC_NOUNS", "absolute_past",
           "agent_of_conjoined", "asked_for", "deadline_given", "reputation_of", "topic_of", "vow_beside_past", "warning_as_speech_tag"]

# Irregular past forms ("responded by firing", "retaliated by"; "struck" before a vow or a "with" phrase).
IRREGULAR_PAST = frozenset("""struck hit shot fought began led took made went sent came""".split())


# Nouns whose "on/over/about" phrase says what they are about ("an agreement on the deployment of ...").
TOPIC_NOUNS = frozenset({"agreement", "agreements", "deal", "deals", "accord", "accords", "memorandum", "talks",
                         "negotiations", "discussion", "discussions", "dispute", "disputes", "law", "bill",
                         "decision", "plan", "plans", "proposal", "resolution", "consultations", "understanding",
                         "truce", "truces", "ceasefire", "moratorium"})
# Verbs that hold or stage a happening named by a noun ("hold a rally", "stage a sit-in").
STAGING_VERBS = frozenset({"hold", "stage", "organise", "organize", "launch", "mount", "conduct", "carry", "call"})
# Subordinators that set a second clause beside the first ("..., while in Kut dozens staged a sit-in").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})


def topic_of(noun: Any) -> bool:
    """Return True when a noun trigger is what an agreement, talks or a plan are about ("reached an
    agreement on the deployment of joint forces", "talks over the withdrawal of US troops"): no
    happening told."""
    if not noun.doc.has_annotation("DEP") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ not in ("on", "over", "about", "regarding", "concerning"):
        return False
    owner = prep.head  # "an agreement on ...", "agreed on ...", "reached an agreement on Sunday on ..."
    return owner.lower_ in TOPIC_NOUNS or owner.lower_ in ("agreed", "agree", "agrees") \
        or any(c.dep_ == "dobj" and c.lower_ in TOPIC_NOUNS for c in owner.children)


DEADLINE_UNITS = frozenset({"minutes", "hours", "days", "deadline"})


def deadline_given(verb: Any) -> bool:
    """Return True when "gave" sets a deadline for an act: a span of time followed by "to" and what must
    be done ("gave his followers 60 minutes to withdraw", "gave US forces 48 hours to leave")."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 8, len(doc) - 1)):
        if doc[k].lower_ in DEADLINE_UNITS:
            nxt = k + 1
            while nxt < len(doc) and doc[nxt].text in ('"', "'", "\u201d", "\u2019"):
                nxt += 1
            return nxt < len(doc) and doc[nxt].lower_ == "to"
    return False


def warning_as_speech_tag(verb: Any) -> bool:
    """Return True when "warned" only tags the words it reports, set inside or after them ("Israel, he
    warned, seeks to advance plans", "The situation could spiral out of control, the minister warned"):
    a view voiced, not a threat made by the speaker."""
    if not verb.doc.has_annotation("DEP") or not verb.lower_.startswith("warn"):
        return False
    if verb.dep_ == "parataxis":
        return True
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)


# Past aspect verbs before an -ing form that tell it began or went on ("began withdrawing Tuesday").
ASPECT_PAST = frozenset({"began", "begun", "started", "continued", "kept"})


VOWING = frozenset({"vowing", "threatening", "pledging"})


def vow_beside_past(token: Any) -> bool:
    """Return True for "vowing/threatening to ..." hung on a past verb ("The PMF announced on Monday the
    killing of its fighters ..., vowing to take revenge"): the vow was made then."""
    if not token.doc.has_annotation("DEP") or token.lower_ not in VOWING or token.dep_ not in ("advcl", "conj"):
        return False
    if not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return False
    head = token.head
    for _ in range(4):  # "announced ... the killing of fighters in strikes targeting X, vowing to ...": up to "announced"
        if head.lower_.endswith("ed") or head.lower_ in IRREGULAR_PAST:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def absolute_past(token: Any) -> bool:
    """Return True for an -ing verb with a subject of its own in a "with" phrase hung on a past verb
    ("The violence pitted Sadr loyalists against rival factions, with the sides exchanging gunfire"):
    it tells what went on then."""
    if not token.doc.has_annotation("DEP") or token.dep_ not in ("pcomp", "pobj", "advcl"):
        return False
    head = token.head
    if head.lower_ != "with" or not any(c.dep_ == "nsubj" for c in token.children):
        return False
    verb = head.head
    return verb.lower_.endswith("ed") or verb.lower_ in IRREGULAR_PAST


def agent_of_conjoined(verb: Any) -> bool:
    """Return True when a passive verb shares the agent of the verb coordinated with it ("a third
    device was found and dismantled by the bomb squad"): the doer is written."""
    if not verb.doc.has_annotation("DEP"):
        return False
    return any(c.dep_ == "conj" and any(g.dep_ == "agent" for g in c.children) for c in verb.children)


# Words that describe what someone is known for ("known for its rocket attacks", "notorious for abducting
# activists"): a reputation, made of many happenings, none told.
REPUTATION_WORDS = frozenset({"known", "notorious", "famous", "infamous", "renowned", "feared", "remembered"})


def reputation_of(token: Any) -> bool:
    """Return True when a trigger is what a reputation rests on: it sits (through at most four steps of
    prepositional phrases, compounds and conjuncts) in the "for" phrase of "known", "notorious" ...
    ("The group is known for its rocket attacks on the US embassy and for kidnapping foreigners")."""
    if not token.doc.has_annotation("DEP"):
        return False
    t = token
    for _ in range(4):
        head = t.head
        if head.i == t.i or t.dep_ not in ("pobj", "pcomp", "compound", "conj", "prep"):
            return False
        if head.lower_ == "for" and head.dep_ == "prep" and head.head.lower_ in REPUTATION_WORDS:
            return True
        t = head
    return False


# Verbs whose "for" phrase is what is asked for ("called for the withdrawal of US forces").
ASKING_VERBS = frozenset(f"{base}{end}" for base in ("call", "push", "press", "appeal", "ask", "plead")
                         for end in ("", "s", "es", "ed", "ing")) | {"lobbied", "lobbying", "lobby", "lobbies"}


def asked_for(noun: Any) -> bool:
    """Return True when a noun trigger (or the first of its conjuncts) is the "for" phrase of a verb of
    asking ("called for the withdrawal of US forces", "called on Saturday for the dissolution of
    parliament and the withdrawal of foreign troops", "pushing for the release of activists"): not
    done yet."""
    if not noun.doc.has_annotation("DEP"):
        return False
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "for":
        return False
    verb = t.head.head
    return verb.lower_ in ASKING_VERBS  # the verb or its noun: "renewed calls for the withdrawal"
