"""What a trigger's sentence tells about the happening once it is one: done by a light verb, narrated as a
deed, told once, in a title or headline, a stance over it, a verb that dates it, a recollection in
passing, its own clauses and days, the paragraph's follow-up, grievances and doers that refine its type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factiongraph.extract.dates.expressions import DateMatch
from factiongraph.extract.events.candidate import Candidate
from factiongraph.extract.events.coref import exact_day
from factiongraph.extract.events.happening_filters import JUDGING, MODALS
from factiongraph.extract.events.typology import EventRule, PAST_FORMS, VIOLENT_TYPES
from factiongraph.extract.events.verb_readings import CONTRAST_MARKS
from factiongraph.extract.view.context import DocContext
from factiongraph.model import DatePrecision, EntityType, Event


FOLLOW_UP_SENTENCES = 3  # how far back in its paragraph a bare toll looks for the happening it counts


def paragraph_floor(text: str, before: Sequence[Any], start: int, floor: int) -> int:
    """Return where the happening a bare toll counts may be told: the sentence before (``floor``)
    or, in the same paragraph, up to :data:`FOLLOW_UP_SENTENCES` sentences back ("A car bomb
    exploded ... The blast shattered windows ... "It was huge," said a shopkeeper. Hospital
    officials said nine people were killed")."""
    seen = 0
    for s in reversed(before):  # the last FOLLOW_UP_SENTENCES sentences with words, latest first
        if seen == FOLLOW_UP_SENTENCES:
            break
        if not any(ch.isalnum() for ch in text[s.start_char:s.end_char]):
            continue
        seen += 1
        if "\n" in text[s.end_char:start]:
            break
        floor = min(floor, s.start_char)
    return floor


# "US forces carried out airstrikes against X": a noun done by a past-tense verb of doing is a
# happening, not the generic plural of "airstrikes are a risk".
_DONE_VERBS = frozenset({"carried", "conducted", "launched", "staged", "mounted", "executed", "unleashed",
                         "waged", "made"})


def done_by_light_verb(cand: Candidate) -> bool:
    """Return True for a noun trigger that is the object of a past "carried out", "launched"."""
    if cand.is_verb:
        return False
    head = cand.sent.doc[cand.end - 1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    return head.dep_ in ("dobj", "nsubjpass") and verb.lower_ in _DONE_VERBS and not any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)  # "strikes were conducted", not "will be"


_SUFFERED = frozenset({"killed", "wounded", "injured", "slain", "martyred", "hurt", "died"})


def described_deaths(sent: Any, trigger: Any) -> set[int]:
    """Return the tokens of participle or relative clauses that describe people by what befell them in
    another happening ("carrying the coffins of fighters killed in US air strikes", "fighters who were
    killed in a strike"), when the trigger is not inside: they say nothing of the trigger's happening."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ in ("acl", "relcl") and t.lower_ in _SUFFERED and any(
                c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and any(g.dep_ == "pobj" for g in c.children)
                for c in t.children):
            span = {x.i for x in t.subtree}
            if trigger.i not in span:
                out |= span
    return out


def two_days_told(sent: Any, cand: Candidate, dates: Sequence[DateMatch]) -> tuple[int, DateMatch, DateMatch] | None:
    """Return where the second part starts and the two days of a verb told of two days by one
    clause ("struck two sites in Syria on Sunday and a command post in Iraq on Monday"), else None.

    Both days follow the verb, each is a day (a weekday or a written date), and an "and" that opens
    no clause of its own (no subject after it) stands between the first day and the second part."""
    doc = sent.doc
    verb = doc[cand.end - 1]
    told_by_verb = cand.is_verb or verb.dep_ in ("ROOT", "conj", "ccomp") and any(c.dep_ == "dobj" for c in verb.children)
    if not told_by_verb or cand.rule.type not in VIOLENT_TYPES | {"Strategic developments"}:
        return None  # "drones struck ...": a phrase ending on its verb tells it as a verb does
    after = doc[cand.end - 1].idx + len(doc[cand.end - 1].text)
    days = [d for d in dates if after <= d.start and d.end <= sent.end_char and (
        d.kind == "weekday" or d.value is not None and d.value.precision is DatePrecision.DAY)]
    if len(days) != 2 or days[0].text.lower() == days[1].text.lower():
        return None
    first, second = days
    joints = [t for t in sent if first.end <= t.idx < second.start and t.lower_ == "and" and t.dep_ == "cc"]
    if len(joints) != 1:
        return None
    joint = joints[0]
    between = [t for t in sent if joint.idx < t.idx < second.start]
    if any(t.dep_ in ("nsubj", "nsubjpass") or t.lower_ in (",", ";") for t in between) or not between:
        return None  # "... on Monday and police arrested two on Tuesday": a clause of its own
    if any(t.i != verb.i and t.dep_ in ("ROOT", "conj") and t.head.i == verb.i and t.lower_.endswith("ed")
           and any(c.dep_ in ("dobj", "nsubjpass") for c in t.children) for t in between):
        return None  # "struck X on Monday and bombed Y on Tuesday": another verb, its own trigger
    return joint.idx, first, second


def narrated_deed(cand: Candidate) -> bool:
    """Return True for a noun trigger that is what a simple-past verb with a subject did ("Police
    fired tear gas at the crowd", "students staged a sit-in", "militants launched a rocket attack"):
    the clause tells one happening of the story, as a narrated verb does. Not for rules that need a
    day or named sides, nor a verb with a clause of what was said or meant."""
    rule = cand.rule
    if cand.is_verb or rule.require_date or rule.require_participant_types or rule.participants_are_actors:
        return False
    if rule.type not in VIOLENT_TYPES and rule.type != "Protests":
        return False
    head = cand.sent.doc[cand.end - 1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    return head.dep_ == "dobj" and verb.lower_ in _DEED_VERBS and verb.dep_ not in ("relcl", "acl", "amod", "xcomp") \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "neg", "ccomp", "xcomp") for c in verb.children)


_DEED_VERBS = _DONE_VERBS | frozenset({"fired", "held", "threw", "hurled", "planted", "detonated"})


_TOLD_AUXILIARIES = frozenset({"was", "were", "had", "has", "have"})


def one_told_happening(cand: Candidate) -> bool:
    """Return True for one happening told in the past: "A roadside bomb hit a convoy", "A car bomb
    exploded", "Two gunmen attacked a checkpoint" (one thing or a counted set as the subject, a verb
    in the past, no auxiliary); not "Roadside bombs kill civilians", "a bomb could hit" or "bombs
    have hit convoys for years". The model has no tagger: the past is read from the verb's form
    ("-ed", an irregular past, or a bare form after a singular subject, where the present adds -s)."""
    doc = cand.sent.doc
    head = doc[cand.end - 1]
    if cand.is_verb:
        verb, subjects = head, [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif head.dep_ in ("nsubj", "nsubjpass"):
        verb, subjects = head.head, [head]
    else:
        return False
    if verb.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp", "pcomp") or any(
            c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ not in _TOLD_AUXILIARIES
            for c in verb.children):
        return False
    word = verb.lower_
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        word = "ed"  # "was detonated", "has hit": the auxiliary already places it in the past
    counted = [s for s in subjects if any(c.dep_ == "nummod" for c in s.children)]
    single = [s for s in subjects if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in s.children)
              and not s.lower_.endswith("s")]
    past = word.endswith("ed") or word in PAST_FORMS
    return bool(counted and past or single and (past or (word.isalpha() and not word.endswith("s"))))


def has_object(verb: Any, objectless: frozenset[str]) -> bool:
    """Return True when one of a rule's object-free verbs has an object, a clause or a passive
    reading ("rallied support", "demonstrated that", "as demonstrated by")."""
    if verb.lower_ not in objectless:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "auxpass", "agent", "nsubjpass") for c in verb.children):
        return True
    return bool(verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as")


# Adverbs by which a relative clause goes on with the story ("X, who was later released").
SEQUENCE_ADVERBS = frozenset({"later", "then", "subsequently", "afterwards", "afterward", "eventually", "soon",
                              "immediately", "briefly"})


RELATIVE_PRONOUNS = frozenset({"who", "which", "whom", "whose"})


def tells_in_clause(sent: Any, trigger_at: int, verb: Any) -> bool:
    """Return True when the trigger at character ``trigger_at`` belongs to ``verb``'s own clause
    ("who were killed in an airstrike": the airstrike is the relative clause's), not to a clause of
    its own inside it ("who have camped ... to protest the election")."""
    token = next((t for t in sent if t.idx == trigger_at), None)
    for _ in range(12):
        if token is None or token.i == verb.i:
            return token is not None
        if token.dep_ in ("xcomp", "advcl", "ccomp", "relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return False


_GRIEVANCE_PREPS = frozenset({"over", "against"})


def grievance_tokens(verb: Any) -> set[int]:
    """Return the token indices of what a verb's happening is over or against, or marks ("protested
    over a drone strike that killed three", "rallied against the killing of X", "rallied to mark two
    years since a strike killed X"): another happening, whose words say nothing of how this one went."""
    out: set[int] = set()
    for child in verb.children:
        if (child.dep_ == "prep" and child.lower_ in _GRIEVANCE_PREPS) \
                or (child.dep_ in ("advcl", "xcomp") and child.lower_ in _MARKING_VERBS):
            out.update(range(child.left_edge.i, child.right_edge.i + 1))
    return out


# "rallied to mark the anniversary of the killing", "gathered to mourn the victims": what a
# gathering marks is another happening.
_MARKING_VERBS = frozenset({"mark", "marking", "commemorate", "commemorating", "mourn", "mourning", "honour",
                            "honouring", "honor", "honoring", "remember", "remembering"})


def in_title(ctx: DocContext, sent: Any) -> bool:
    """Return True when the sentence is the document's headline."""
    title = (ctx.document.metadata.title or "").strip()
    at = ctx.document.text.find(title) if title else -1
    return at >= 0 and at <= sent.start_char < at + len(title)


def does_in_headline(cand: Candidate) -> bool:
    """Return True for a violent noun that a headline's verb tells doing something to an object
    ("Drone strike hits militia convoy near Syria border"): the headline's happening, told."""
    if cand.is_verb or not cand.sent.doc.has_annotation("DEP"):
        return False
    noun = cand.sent.doc[cand.end - 1]
    return noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in noun.head.children)


def doer_words(cand: Candidate) -> set[str]:
    """Return the lower-cased words of who did a verb trigger as the parse gives them: its active
    subject ("Security forces killed three demonstrators") or its passive's "by" phrase ("were shot
    dead by security forces"), the head with the words set before it; empty for a noun trigger."""
    doc = cand.sent.doc
    if not cand.is_verb or not doc.has_annotation("DEP"):
        return set()
    verb = doc[cand.start]
    heads = [c for c in verb.children if c.dep_ == "nsubj"] if not cand.passive else \
        [o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
         for o in c.children if o.dep_ == "pobj"]
    if not heads and cand.passive:  # "was killed in an attack by ISIS gunmen": the attack's doer
        told = [verb, *(c for c in verb.children if c.dep_ == "conj")]  # "was killed and two were injured in ..."
        heads = [d for v in told for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                 for o in c.children if o.dep_ == "pobj"
                 for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                 for d in b.children if d.dep_ == "pobj"]
    if not heads and verb.dep_ == "conj":  # "killed three and wounded 40": the first verb's doer
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if heads and all(h.lower_ in ("they", "it", "we") for h in heads) and verb.dep_ == "ccomp":
        # "Iraqi forces said they had killed two fighters": the pronoun is the sayer
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"] or heads
    return {w.lower_ for h in heads for w in (h, *(k for k in h.children if k.dep_ in ("compound", "amod")))}


def own_clauses(a: Candidate, b: Candidate) -> bool:
    """Return True when two verb triggers head clauses of their own, each with its own subject
    ("Rockets hit the Green Zone, and a drone struck Erbil airport"): two tellings, neither the
    other's means; "drones fired missiles that hit the base" shares one doer and stays one."""
    if not a.sent.doc.has_annotation("DEP"):
        return False
    doc = a.sent.doc
    # the clause verb of each trigger ("a drone struck" matches the phrase "drone strike": its verb;
    # "staged a sit-in": the verb whose object the noun is)
    verbs: list[Any] = [_clause_verb(doc, c) for c in (a, b)]
    if any(v is None for v in verbs):
        return False
    first, second = sorted(verbs, key=lambda t: int(t.i))
    contrasted = second.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in second.children)
    if second.dep_ != "conj" and not contrasted or second.head.i != first.i:
        return False
    subjects = [[c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] for v in (first, second)]
    return all(subjects) and subjects[0][0].lower_ != subjects[1][0].lower_


def _clause_verb(doc: Any, cand: Candidate) -> Any | None:
    """Return the verb heading a trigger's clause: a word of the trigger with a subject, else, for a
    noun, the verb it is the object of ("dozens staged a sit-in": "staged")."""
    own = next((t for t in doc[cand.start:cand.end] if any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children)), None)
    if own is not None or cand.is_verb:
        return own
    token = doc[cand.start]
    for _ in range(4):  # "staged a sit-in demanding jobs": up through the noun's phrase to its verb
        if token.dep_ in ("relcl", "acl", "pobj") or token.head.i == token.i:
            return None  # a noun in a relative clause or after a preposition belongs to another's clause
        token = token.head
        if any(k.dep_ in ("nsubj", "nsubjpass") for k in token.children):
            return token
    return None


def subtree_end(token: Any) -> int:
    last = token.doc[token.right_edge.i]
    return int(last.idx + len(last.text))


def stance_over(noun: Any) -> Any | None:
    """Return the verb a happening's noun is the object of when that verb judges it ("condemned a
    drone strike", "welcomed the strikes") or answers it ("summoned the ambassador over a drone
    strike", "protested over the killing"), else None. A claim of responsibility is not one: its
    day is mostly the happening's own."""
    if noun.dep_ == "dobj" and JUDGING.match(noun.head.lower_):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "over" and noun.head.dep_ == "prep":
        # "over" a happening: about it, after it ("summoned the ambassador over a strike": on the verb)
        verb = noun.head.head
        if verb.dep_ == "dobj":
            verb = verb.head
        return verb if verb.dep_ in _STANCE_CLAUSES and verb.i != noun.i else None
    return None


_STANCE_CLAUSES = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "relcl", "parataxis"})


def dated_verb(doc: Any, match: DateMatch, verb: Any) -> bool:
    """Return True when a date expression modifies ``verb`` itself, not a phrase inside its object."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(6):
        if t.head.i == verb.i:
            return t.dep_ in ("prep", "npadvmod", "advmod", "tmod") or t.dep_ == "pobj"
        if t.head.i == t.i or t.dep_ in ("dobj", "nsubj", "nsubjpass", "relcl", "acl"):
            return False  # inside the object, or a clause on one of the verb's nouns
        t = t.head
    return False


def done_in_passing(host: Candidate, outcome: Candidate) -> bool:
    """Return True for an outcome verb the host's own doers did in the same stretch: a participle
    or a coordinated verb with no subject of its own under the host's verb ("Police raided a house,
    killing one suspect and arresting two"; "Troops killed two militants and arrested three"), or the
    verb whose frame the host's noun is ("killed three militants in a raid")."""
    doc = host.sent.doc
    verb, head = doc[outcome.start], doc[host.start]  # "killing" may read as a noun: its parse decides
    if not host.is_verb and not outcome.passive and head.dep_ == "pobj" and head.head.lower_ in ("in", "during") \
            and head.head.head.i == verb.i:
        return True  # "Troops killed three militants in a raid on a hideout": the raid's own dead
    if not host.is_verb or outcome.passive:
        return False
    if head.dep_ == "conj" and head.head.i == verb.i:  # "Troops killed two and arrested three"
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.head.i == head.i and verb.dep_ in ("advcl", "conj", "xcomp")


def other_days(a: Event, b: Event) -> bool:
    """Return True when two events of one sentence are each dated to a day by the text, and to
    different days ("Rockets hit the base on Sunday, and a drone struck the airport on Friday"):
    two happenings, whatever their family."""
    return exact_day(a) is not None and exact_day(b) is not None and exact_day(a) != exact_day(b)


def counted_from(match: DateMatch, trigger: int) -> bool:
    """Return True when a relative date counts from the trigger at character ``trigger`` ("Hours after
    the raid, ..."): it dates what follows, and names the trigger's happening as one told before."""
    return bool(match.reference) and match.end <= trigger <= match.end + 12


PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "them"})


def narrated(verb: Any, rule: EventRule, tag: str, passive: bool) -> bool:
    """Return True for a happening the narrative tells by a simple-past verb with a subject.

    "Some protesters set fire to the walls", "gunmen shot a shop owner", "later he addressed the
    nation": the clause reports one happening of the story (its date and place are the story's),
    though it names no entity. Not for rules that need a day (calls, announcements) or named sides
    (orders, formations, statements), nor a verb with a clause of what was said or meant. A passive
    counts for strategic developments with a subject that is not a pronoun ("most of the embassy
    staff had been evacuated").
    """
    if rule.require_date or rule.require_participant_types or rule.participants_are_actors:
        return False  # calls need their day, orders, formations, meetings and visits their named sides
    if passive:  # "most of the staff had been evacuated"; a violent passive names its agent or place,
        # and a drone "shot down" or "intercepted" is the failure of the attack told beside it
        return rule.type == "Strategic developments" and rule.sub_type != "Disrupted weapons use" \
            and any(c.dep_ == "nsubjpass" and c.lower_ not in PRONOUNS for c in verb.children)
    if tag != "VBD":
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "analysts warned that ...", "vowed to take revenge": words about what may be
    return any(c.dep_ == "nsubj" for c in verb.children)


MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"})


def own_anchor(head: Any) -> bool:
    """Return True when a noun's own phrase dates it or names who did it.

    "the October 7 attacks", "Tuesday's attack", "the January 2024 attack", "the attack on Monday",
    "attacks by Hamas": a happening of its own, not "the attack" recalling one told before.
    """
    for child in head.children:
        if child.i < head.i and child.ent_type_ == "DATE":
            return True
        if child.i < head.i and child.dep_ in ("compound", "poss", "nmod") and child.ent_type_ in ("ORG", "NORP"):
            return True  # "an ISIS attack", "Hamas's attack": who did it, named in the phrase
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "by"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ != "by" and obj.ent_type_ == "DATE" and (
                        child.lower_ == "on" or any(t.like_num or t.lower_ in MONTH_WORDS for t in obj.subtree)):
                    return True  # "the attack in January 2020", not "the deadliest attack in almost a year"
                if child.lower_ == "by" and obj.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
                    return True
    return False


def recorded_death(ctx: DocContext, targets: list[str], year: str | None, told_by_verb: bool) -> str | None:
    """Return how the knowledge base says a person killed in this happening died, if it says so.

    "the assassination of Qasem Soleimani" names no means; ACLED codes the killing by the strike
    that did it, which the person's record gives (``killed_by``), when the happening's year (if
    known) is the year the record says they died, and no active verb tells it with its doer
    ("gunmen assassinated X" says how, whatever the record).
    """
    for target in targets:
        entity = ctx.entity(target)
        if entity is None or entity.type is not EntityType.PERSON:
            continue
        means, died = entity.attributes.get("killed_by"), entity.attributes.get("died")
        if isinstance(means, str) and not told_by_verb and (year is None or str(died) == year):
            return means
    return None
