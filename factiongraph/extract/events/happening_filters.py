"""Whether a trigger tells a happening of this report: not negated, planned, judged, caused, reported as
news of another, a rank in a series, a charge, an inquiry, a decision announced; and the trigger shapes
that make one happening of several words (means as subject, one doer one attack, a setting, a time apart).
"""

from __future__ import annotations

import re

from typing import Any

from factiongraph.extract.events.arguments import trigger_head
from factiongraph.extract.events.candidate import Candidate
from factiongraph.extract.events.role_words import ANNOUNCE_VERBS
from factiongraph.extract.events.typology import VIOLENT_TYPES
from factiongraph.extract.events.verb_readings import IRREGULAR_PAST, STAGING_VERBS


# "two days after", "a week before", "hours later": units of time that part two happenings
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "moment"})


_TIME_PARTING = frozenset({"after", "before", "later", "earlier"})


TEMPORAL_CONNECTORS = frozenset({"after", "before", "following", "since", "when", "while", "until", "amid",
                                 "response", "retaliation", "revenge", "reprisal"})


def means_of(verb: Any) -> set[str]:
    """Return the words naming what a verb was done with: "attacked the base with a drone",
    "using drones", "by drone" (the heads of those phrases, lower-cased; empty without a parse)."""
    if not verb.doc.has_annotation("DEP"):
        return set()
    found: set[str] = set()
    # "targeted a vital target in Eilat with drones": the parser may hang the means on the object
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(c for o in objects for c in o.children)]:
        if child.dep_ == "prep" and child.lower_ in ("with", "by", "using") \
                and (child.head is verb or child.lower_ != "by"):
            found.update(o.lower_ for o in child.children if o.dep_ == "pobj")
        elif child.dep_ in ("advcl", "xcomp", "acl") and child.lower_ == "using":
            found.update(o.lower_ for o in child.children if o.dep_ == "dobj")
    return found


def announced_decision(verb: Any) -> bool:
    """Return True for a change announced as decided: "X announced that it would suspend its
    operations", "said it will withdraw its fighters" (a decision told, not a threat or a plan)."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and (head.lower_ in ANNOUNCE_VERBS or head.lower_ in (
        "said", "decided", "stated"))


SCENE_NOUNS = frozenset({"site", "scene", "aftermath", "wake", "spot", "location"})


# Nouns of looking into or reacting to a happening told elsewhere ("an investigation into the
# shooting", "a denunciation of the rocket attacks").
_INQUIRY_NOUNS = frozenset({"investigation", "investigations", "inquiry", "probe", "inquiries", "condemnation",
                            "condemnations", "denunciation", "denunciations"})


def investigated(words: list[str], i: int) -> bool:
    """Return True for a happening named as what an inquiry looks into ("an investigation into the
    shooting", "a probe into the attack")."""
    k = i - 1
    while k >= 0 and k >= i - 4 and words[k] not in ("into", "of"):
        if words[k] in (",", ";", ".", "and"):
            return False
        k -= 1
    return k >= 1 and words[k] in ("into", "of") and words[k - 1] in _INQUIRY_NOUNS


def scene_of(words: list[str], i: int) -> bool:
    """Return True when the noun at ``i`` names a place or time by a known happening: "the site of
    the strike", "the scene of the deadly attack", "in the aftermath of the bombing"."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if words[j] in ("the", "this", "that", "last", "its", "their"):
            return j >= 2 and words[j - 1] == "of" and words[j - 2] in SCENE_NOUNS
    return False


# Verbs whose complement has not happened ("threatened to attack", "plans to withdraw").
_PROSPECTIVE = frozenset("""threaten threatened threatens threatening vow vowed vows vowing plan planned plans
    planning intend intended intends intending seek sought seeks seeking promise promised promises warn warned
    warns pledge pledged pledges expect expected hope hoped want wanted wants prepare prepared refuse refused
    decline declined fail failed""".split())


MODALS = frozenset({"will", "would", "could", "should", "may", "might", "shall", "can", "'ll", "must"})


# "have consistently demanded the expulsion": a position held, no one act
_HABITUAL = frozenset({"repeatedly", "regularly", "frequently", "often", "routinely", "usually",
                       "habitually", "constantly", "continually", "sometimes", "consistently", "persistently"})


_MANY = frozenset({"dozens", "numerous", "hundreds", "countless", "scores"})  # not "hit several times": one attack


_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


_SET_OFF_VERBS = frozenset({"sparked", "triggered", "prompted", "provoked", "ignited", "fuelled", "fueled",
                            "unleashed", "set"})


def noun_by_parse(token: Any) -> bool:
    """Return True when the parse puts a verb's present form in a noun's place ("the main target of
    attacks": "target" and "attacks" are what "be" and "of" take): a noun, not the verb."""
    return token.doc.has_annotation("DEP") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") \
        and not any(c.dep_ in ("aux", "neg", "dobj") for c in token.children)


def suffered_in(outcome: Candidate, host: Candidate) -> bool:
    """Return True when an outcome verb names its host in its own "in/by/during" phrase ("mourners marched
    carrying the coffins of fighters killed in US air strikes": the strikes killed them, not the march)."""
    if not outcome.is_verb or host.is_verb:
        return False
    verb = outcome.sent.doc[outcome.start]
    head = host.sent.doc[host.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "by", "during") and head.head.head.i == verb.i


def told_as_before(cand: Candidate) -> bool:
    """Return True for a happening noun a temporal preposition sets before what the sentence tells
    ("missiles were fired at the airport days after Soleimani's killing in January 2020", "protests
    erupted after the assassination of an activist"): a happening of its own, no outcome of the host."""
    head = cand.sent.doc[cand.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in ("after", "before", "since", "following")


def sets_off(cand: Candidate) -> bool:
    """Return True for a happening noun that is the subject of a verb of setting something off
    ("The assassination of an activist sparked protests", "the killing triggered clashes"): it came
    first, and is no outcome of what it set off."""
    if cand.is_verb:
        return False
    head = cand.sent.doc[cand.end - 1]
    return head.dep_ == "nsubj" and head.head.lower_ in _SET_OFF_VERBS


def described_again(noun: Any) -> bool:
    """Return True for a definite happening noun that is the subject of "be" with a description
    ("The attack was the third on the base this year", "This bombing is the deadliest since 2019",
    "Hamdani's killing is the latest in a series of killings"):
    a remark on the happening already told, not a new one (a passive, "The attack was claimed by
    X", is not this)."""
    verb = noun.head
    if noun.dep_ == "attr" and verb.lower_ in _BE_FORMS and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in verb.children):
        # "It was the third such attack on liquor stores this month", "This was the deadliest bombing
        # since 2019": the happening told is ranked among others, no new one
        return any(c.lower_ == "such" or c.lower_ in _RANKS or c.lower_.endswith("est") and c.dep_ == "amod"
                   for c in noun.children)
    return noun.dep_ == "nsubj" and verb.lower_ in _BE_FORMS \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in noun.children) \
        and any(c.dep_ in ("attr", "acomp") for c in verb.children)


_SERIES = frozenset({"wave", "series", "string", "spate", "spree", "campaign", "chain", "succession", "flurry"})


def ranked_among(noun: Any) -> bool:
    """Return True for the happenings a ranked one is counted among ("The killing is the latest in a
    wave of assassinations since 2019", "the third in a series of attacks"): the class of the one
    told, no happening of its own."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    series = noun.head.head
    if series.lower_ not in _SERIES or series.dep_ != "pobj" or series.head.lower_ != "in":
        return False
    rank = series.head.head
    return rank.lower_ in _RANKS or rank.lower_.endswith("est") or rank.lower_ == "one"


_BE_FORMS = frozenset({"was", "is", "were", "are", "'s"})


_RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                    "latest", "last", "deadliest", "worst", "biggest", "largest", "another"})


def news_of(told: Candidate, violent: Candidate) -> bool:
    """Return True when an announcement tells the news of a violent happening of its sentence,
    however far apart ("the army announced the death of two soldiers and injuries to 20 others
    following a drone attack launched from Iraq"): the happening is the event."""
    if told.rule.label != "announcement" or violent.rule.type not in VIOLENT_TYPES:
        return False
    return violent.start > told.start or _reports_clause(told, violent)


def _reports_clause(told: Candidate, violent: Candidate) -> bool:
    """Return True when an announcing verb set after a clause reports that clause ("Iraqi forces
    recaptured the Old City on Sunday, the prime minister announced"): the parse makes the clause
    the verb's complement, and the verb takes no object of its own."""
    doc = told.sent.doc
    if not told.is_verb or not doc.has_annotation("DEP"):
        return False
    verb = doc[told.start]
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return False  # "..., and the army announced the end of the operation": its own news
    token = doc[violent.start]
    for _ in range(12):
        if token.head.i == token.i:
            return False
        if token.head.i == verb.i:
            return token.dep_ in ("ccomp", "parataxis") and token.i < verb.i
        token = token.head
    return False


def reported_by(told: Candidate, saying: Candidate) -> bool:
    """Return True when ``told`` sits in the clause ``saying`` reports ("the ministry said in a
    statement that two civilians were wounded in the attack"): the statement carries the news of
    that happening and is no position of its own; so does a saying set after the clause it reports
    ("Two soldiers were killed when militants ambushed their patrol, the army said in a statement")."""
    doc = saying.sent.doc
    head = trigger_head(doc, saying.start, saying.end)
    if head.lower_ not in ("said", "says", "say", "tweeted", "tweets", "wrote", "writes", "posted", "posts"):
        return False  # "dismissed the fears after the ministry awarded ...": a position, whatever follows
    if told.start < head.i and any(doc[i].text in ('"', "\u201d") and doc[i - 1].text in (",", "\u2019", "'")
                                   for i in range(told.start + 1, head.i)):
        return True  # '"... one contractor was killed," the spokesman tweeted': the quote is what was said
    t = doc[told.start]
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.head.i == head.i:
            return bool(t.dep_ == "ccomp")
        t = t.head
    return False


# Participles that describe someone by what they are held for ("fighters accused of rocket
# attacks", "a man suspected of planting the bomb", "members wanted for the killing").
# Verbs of a court's judgment: what someone is judged "for" is a charge, told elsewhere.
_JUDGED = frozenset({"sentenced", "convicted", "charged", "indicted", "jailed", "imprisoned", "tried", "executed",
                     "hanged", "prosecuted", "acquitted"})


_CHARGE_WORDS = frozenset({"accused", "suspected", "charged", "wanted", "convicted", "blamed", "sentenced",
                           "arrested", "detained", "jailed", "held"})


def _verb_read_as_clause(token: Any) -> bool:
    """Return True for a participle the parser hung on its subject as a clause although it is the
    sentence's verb: the noun it describes is the subject of a saying that has a subject of its own
    ("Security forces arrested at dawn today a terrorist cell ..., the Security Media Cell said")."""
    noun = token.head
    return token.dep_ == "acl" and noun.dep_ == "nsubj" and token.i > noun.i and any(
        c.dep_ == "nsubj" and c.i != noun.i for c in noun.head.children)


# People held for a happening: "the suspects in the attack".
_SUSPECT_NOUNS = frozenset({"suspect", "suspects"})


def charged_with(token: Any) -> bool:
    """Return True for a trigger that names a charge: the word itself describes a noun ("fighters
    accused of ...") or it sits in the "of/for/with" phrase of such a participle (at most two
    steps up: "accused of carrying out rocket attacks")."""
    if not token.doc.has_annotation("DEP"):
        return False
    if token.lower_ in _CHARGE_WORDS and token.dep_ in ("acl", "amod") and token.head is not token \
            and not _verb_read_as_clause(token):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("for", "over") and token.head.head.lower_ in _JUDGED:
        return True  # "a court sentenced three men to death for the killing of an activist": the charge
    noun = token.head if token.dep_ == "compound" else token  # "the rocket attack": its head noun
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    suspects = holder is not None and (holder.lower_ in _SUSPECT_NOUNS or any(  # the parser may hang "in" on the verb
        c.dep_ == "dobj" and c.lower_ in _SUSPECT_NOUNS for c in holder.children))
    if suspects and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return True  # "arrested three suspects in the rocket attack": the attack told before, held against them
    t = token
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return False
        if head.lower_ in _CHARGE_WORDS and head.dep_ in ("acl", "amod") and t.dep_ in ("prep", "pcomp", "pobj"):
            return True
        t = head
    return False


# Verbs whose object is a subject of talk, not a happening told ("discussed the rocket attacks").
TOPIC_VERBS = frozenset({"discuss", "discussed", "discusses", "discussing", "review", "reviewed", "reviewing",
                         "debate", "debated", "debating"})


def means_of_a_past_act(token: Any) -> bool:
    """Return True for a gerund that says how a past act was done: "Iran responded five days later
    by firing ballistic missiles", "... retaliated by striking ..." (the parse's governing verb is
    in the past; without a parse, no)."""
    if not token.doc.has_annotation("DEP"):
        return False
    if token.dep_ == "pcomp" and token.head.lower_ in ("by",):
        verb = token.head.head
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "should", "to")
           for c in verb.children):
        return False
    return verb.lower_.endswith("ed") or verb.lower_ in IRREGULAR_PAST


def not_happened(token: Any) -> bool:
    """Return True when the parse shows a verb's happening did not take place (or not yet).

    Negated ("did not attack"), under a modal ("could attack", "would strike"), in a condition
    ("if they attack"), habitual ("repeatedly attacked", "attacked ... dozens of times": a generic
    claim, not one happening), or the complement of a verb of intent or threat ("threatened to attack",
    "plans to withdraw"). Without a parse nothing is decided here.
    """
    doc = token.doc
    if not doc.has_annotation("DEP"):
        return False
    for c in token.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS):
            return True
        if c.dep_ == "mark" and c.lower_ in _CONDITIONS:
            return True
        if c.dep_ == "advmod" and c.lower_ in _HABITUAL or c.lower_ == "whenever":
            return True  # "repeatedly shelled", "whenever the state arrests ...": no one happening
        if c.lower_ in ("time", "times") and any(g.dep_ == "det" and g.lower_ in ("every", "each", "any")
                                                  for g in c.children):
            return True  # "every time the state arrests a commander"
    for t in token.subtree:  # "has attacked US forces dozens of times": a count of many happenings
        if t.lower_ == "times" and t.i >= 1 and (doc[t.i - 1].lower_ in _MANY or (
                t.i >= 2 and doc[t.i - 1].lower_ == "of" and doc[t.i - 2].lower_ in _MANY)):
            return True
    if token.dep_ in ("xcomp", "ccomp") and token.head is not token and token.head.lower_ in _PROSPECTIVE:
        return True
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children):
        return True
    return False


def planned_by_light_verb(noun: Any) -> bool:
    """Return True when a noun trigger is the object of a staging verb that did not happen (yet):
    "said it would hold a rally next week", "plans to stage a sit-in", "did not launch an attack"."""
    if not noun.doc.has_annotation("DEP") or noun.dep_ != "dobj":
        return False
    verb = noun.head
    return verb.lower_ in STAGING_VERBS and not_happened(verb)


def judged(told: Candidate, judging: Candidate) -> bool:
    """Return True when a violent noun trigger is the object of a judging statement verb ("The foreign
    ministry on Tuesday condemned the Turkish bombardment of villages"): the condemnation is a position
    of its own, told beside the happening it judges, not the happening's news."""
    doc = told.sent.doc
    if told.is_verb or not judging.is_verb or judging.rule.label != "statement" or not doc.has_annotation("DEP"):
        return False
    noun = doc[told.end - 1]
    return noun.dep_ == "dobj" and noun.head.i == judging.start and bool(JUDGING.match(noun.head.lower_))


def means_as_subject(found: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a verb whose subject is a strike told by another trigger made one.

    "A US air strike hit a base, killing four fighters": the air strike and its hitting are one
    happening; the verb's position gives its roles, the noun's rule its kind (not the armed clash
    the verb's own rule reads from "fighters").
    """
    out = list(found)
    for noun in found:
        if noun.is_verb or noun.rule.type != "Explosions/Remote violence":
            continue
        head = noun.sent.doc[noun.end - 1]
        for i, verb in enumerate(out):
            token = verb.sent.doc[verb.start]
            if verb is noun or not verb.is_verb or verb.end - verb.start != 1 or head.dep_ != "nsubj" \
                    or head.head.i != token.i or verb.rule.type == noun.rule.type and verb.rule.sub_type == noun.rule.sub_type:
                continue
            merged = Candidate(noun.rule, verb.sent, verb.start, verb.end, True, verb.passive,
                               [*verb.outcomes, *noun.outcomes])
            out = [merged if c is verb else c for c in out if c is not noun]
            break
    return out


def one_doer_one_attack(found: list[Candidate]) -> list[Candidate]:
    """Fold a violent verb coordinated with an earlier violent verb and sharing its subject into it
    ("Gunmen attacked the post with three drones and then opened fire on it, killing two"): one
    doer's one attack, typed by its first telling (as "killed three and abducted two" is one attack);
    a clause with a subject of its own ("..., and a drone struck the airport") stays its own."""
    out = list(found)
    for first in found:
        if not first.is_verb or first.rule.type not in VIOLENT_TYPES or first not in out:
            continue
        doc = first.sent.doc
        if not doc.has_annotation("DEP"):
            return out
        head = doc[first.start]
        for second in list(out):
            if second is first or not second.is_verb or second.rule.type not in VIOLENT_TYPES \
                    or second.start <= first.start:
                continue
            verb = doc[second.start]
            if verb.dep_ != "conj" or verb.head.i != head.i \
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            first.outcomes.extend([second, *second.outcomes] if second.rule.outcome else second.outcomes)
            out.remove(second)
    return out


def raid_as_fight(found: list[Candidate]) -> list[Candidate]:
    """Fold a fight told inside a raid's own clause into the raid, typed as the fight ("Special forces
    raided a hideout, killing three militants in a gunfight", "raided a hideout and killed two militants
    in an exchange of fire": one armed clash, the raiders its actors); a raid that arrests anyone (an
    arrest trigger or an arrest count in the sentence) stays an arrest."""
    raids = [c for c in found if c.is_verb and c.rule.label == "raid" and c.rule.sub_type == "Arrests"]
    if not raids or any(c.rule.label != "raid" and (c.rule.sub_type == "Arrests" or c.rule.count == "arrested")
                        for c in found):
        return found
    out = list(found)
    for raid in raids:
        doc = raid.sent.doc
        if not doc.has_annotation("DEP") or any(o.rule.label != "raid" and (o.rule.sub_type == "Arrests"
                                                                             or o.rule.count == "arrested")
                                                for o in raid.outcomes):
            continue
        inside = {t.i for t in doc[raid.start].subtree}
        fight = next((c for c in out if c is not raid and c.rule.type == "Battles" and c.start in inside), None)
        if fight is None:
            continue
        merged = Candidate(fight.rule, raid.sent, raid.start, raid.end, True, raid.passive,
                           [*raid.outcomes, *fight.outcomes], tag=raid.tag)
        out = [merged if c is raid else c for c in out if c is not fight]
    return out


SETTING_PREPS = frozenset({"at", "during", "on", "near", "outside", "inside"})


def setting_of(told: Candidate, violent: Candidate) -> bool:
    """Return True when a non-violent noun trigger is where a violent one happened ("a suicide bomber
    blew himself up at a funeral", "a bomb exploded during a meeting of tribal elders"), or what it
    struck ("a suicide attacker struck a funeral"): the gathering is the scene of the violence, no
    development of its own."""
    if told.is_verb or told.rule.type != "Strategic developments" or violent.rule.type not in VIOLENT_TYPES:
        return False
    noun = told.sent.doc[told.end - 1]
    if noun.dep_ == "dobj":  # "a suicide attacker struck a funeral", "gunmen attacked a wedding": what was hit
        host = noun.head
    elif noun.dep_ != "pobj" or noun.head.lower_ not in SETTING_PREPS:
        return False
    else:
        host = noun.head.head
    return violent.start <= host.i < violent.end or any(
        violent.start <= k.i < violent.end for k in host.children if k.dep_ in ("nsubj", "nsubjpass"))


def time_apart(host: Candidate, outcome: Candidate) -> bool:
    """Return True when an outcome trigger is told before a stretch of time that parts it from its host.

    "killed a lawyer on Monday, two days after his brother was arrested", "a week before":
    a unit of time just before "after"/"before"/"later"/"earlier" parts two happenings; a bare
    "after" ("killed after gunmen opened fire") may join a happening to its outcome. A killing
    told after the parting words ("days after Soleimani's killing") is recalled, not reported;
    so is one told by a noun ("The assassination came two weeks after ...": callers check that).
    """
    lo, hi = sorted((outcome.start, host.start))  # "rallied on Friday, two years after a strike killed X" too
    doc = host.sent.doc
    for i in range(lo + 1, hi):
        if doc[i].lower_ in _TIME_PARTING and i > 0 and doc[i - 1].lower_.rstrip("s") in _TIME_UNITS:
            return True
    return False


# Verbs that judge a happening told as their object: the judging comes after it ("condemned").
JUDGING = re.compile(r"^(?:condemn|denounc|deplor|welcom|prais|hail|applaud|criticis|criticiz|mourn)\w*$")


# Verbs that make someone do a thing: "prompting supporters to storm", "forced the troops to withdraw".
_CAUSING = frozenset({"prompting", "prompted", "forcing", "forced", "causing", "caused", "sparking", "sparked",
                      "driving", "drove", "driven", "pushing", "pushed", "leading", "led"})


def caused(verb: Any) -> bool:
    """Return True for a verb a past or ongoing causing verb governs ("prompting X to storm",
    "which led protesters to torch"): what was caused happened."""
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _CAUSING \
        and not any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "never", "will", "would", "could", "may",
                                                             "might") for c in verb.head.children)


def other_doers(host: Candidate, outcome: Candidate) -> bool:
    """Return True when a non-violent host and an outcome verb each have a subject of their own
    ("Gunmen killed a farmer on Monday and police arrested two suspects on Thursday"): two doers,
    two happenings. "Police raided a house, killing one suspect" and "Troops killed two militants and
    arrested three" (one subject for both verbs) keep the killing as the host's outcome."""
    if host.rule.type in VIOLENT_TYPES or not (host.is_verb and outcome.is_verb) or outcome.passive:
        return False
    doc = host.sent.doc

    def subject(i: int) -> Any | None:
        return next((c for c in doc[i].children if c.dep_ in ("nsubj", "nsubjpass")), None)

    a, b = subject(host.start), subject(outcome.start)
    return a is not None and b is not None and a.i != b.i and a.lower_ != b.lower_


def set_apart(first: Candidate, second: Candidate) -> bool:
    """Return True when a connector of time or cause stands between two noun triggers of a sentence."""
    lo, hi = sorted((first.start, second.start))
    return any(first.sent.doc[i].lower_ in TEMPORAL_CONNECTORS for i in range(lo + 1, hi))


def gerund_as_noun(token: Any) -> bool:
    """Return True when an -ing form is a noun ("his killing") that tells a happening of its own.

    It needs a possessor or an article and none of a verb's dependents; and, being a happening
    recalled in passing, a date or a place of its own ("Soleimani's killing in January 2020").
    """
    if not any(c.dep_ in ("poss", "det") and c.i < token.i for c in token.children) \
            or any(c.dep_ in ("dobj", "aux", "auxpass", "nsubj") for c in token.children):
        return False
    return any(t.ent_type_ in ("DATE", "GPE", "LOC", "FAC") for c in token.children if c.dep_ == "prep"
               for t in c.subtree)


def acts_as_verb(token: Any) -> bool:
    """Return True when the parse gives a noun-or-verb word an auxiliary, a negation or a condition.

    Those make it a verb whose factuality must be checked ("did not arrest", "could attack", "if
    gunmen attack"); a bare present with a subject stays as it was (headlines: "Police raid depot").
    """
    if not token.doc.has_annotation("DEP"):
        return False
    return any(c.dep_ in ("aux", "auxpass", "neg", "mark") for c in token.children)


# Verbs of a stance on a happening told elsewhere ("endorsed Tuesday's attack", "condemned the attack").
STANCE = re.compile(r"^(?:claim|endors|condemn|denounc|den[iy]|welcom|prais|hail|blam|applaud|responsibility)\w*$")
