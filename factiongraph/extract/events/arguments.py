"""Event arguments read from the dependency parse: who acted, who was acted on, where, when.

Used when the document was parsed (``ctx.syntax().available``); :mod:`participants` keeps the
word-order fallback. The trigger's head token decides:

- **verb trigger, active** ("X attacked Y on Z"): actors are the subjects; targets the objects
  and the objects of "on/against/at/targeting"; "with X" adds a side for meetings and visits.
- **verb trigger, passive** ("Y was struck by missiles fired by X"): targets are the subjects,
  actors the ``by`` phrase; when the agent is a means ("missiles", "a drone") its own agent or
  modifier is the actor ("fired by X", "a US drone").
- **noun trigger** ("a US drone strike on Y", "the arrest of Y by X", "X carried out an
  attack"): its compound/possessive modifiers and "by/from" phrase are actors, "on/against/at/
  of" phrases targets; a light verb it is the object of ("carried out", "launched", "claimed
  responsibility for") gives its subject as actor, a verb it is the subject of ("the strike
  killed Y") gives that verb's objects as targets.
- a subject, object or agent that names no entity ("unidentified gunmen", "a group alleged to be
  linked to ...") takes the role with nobody in it: no other mention of the sentence is promoted.

Noun phrases are read through their mentions (:meth:`Syntax.phrase_mentions`); a head that names
no entity but stands for its members ("members of X", "fighters from X") is read as X.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factiongraph.extract.events.bodies import body_named, coalition, country_body, service_forces, theatre_coalition
from factiongraph.extract.events.role_words import (
    ACTOR_PREPS, AFFILIATION_PARTICIPLES, AGAINST_VERBS, AIMING_PARTICIPLES, AIM_WORDS, ANNOUNCED_OPERATIONS,
    ANNOUNCE_VERBS, ANSWER_NOUNS, ANSWER_VERBS, ASPECT_VERBS, ASSAULT_VERBS, ATTACK_NOUNS, ATTEND_VERBS,
    BACKING_WORDS, BARE_HOME_BODIES, BELIEF_WORDS, BELONG_VERBS, BODY_ANAPHORS, CIVILIAN_HEADS,
    CLAUSE_INNER_DEPS, CONDEMN_VERBS, DEED_LABELS, DEED_VERBS, DONE_BY, FACILITY_LEVELS, FALL_VERBS,
    FIRED_MEANS, FIRE_SETTERS, FIRE_WORDS, FORCE_HOLDERS, FORCE_LABELS, GROUP_ANAPHORS, GROUP_TYPES,
    GUEST_VERBS, HELD_BY_VERBS, HITTING_VERBS, HOLDING_VERBS, HOME_BODIES, HOST_NOUNS, INVOLVEMENT_NOUNS,
    LAND_NOUNS, LAUNCHED_MEANS, LEAVING_LABELS, LEAVING_VERBS, LIGHT_VERBS, MEASURE_LABELS, MEET_VERBS,
    MEMBER_HEADS, MOURNING_LABELS, NONSTATE_HEADS, ORDER_VERBS, OUTCOME_LABELS, OUTCOME_PARTICIPLES, OWNED_TARGETS,
    PARTICIPANT_TYPES, PARTY_LABELS, PEOPLE_HEADS, PERSON_ANAPHORS, PERSON_REACH, PLACE_NOUNS, PLACE_PREPS,
    PLACE_TYPES, PRONOUNS, PURPOSE_LABELS, REFERENCE_PREPS, REPORT_VERBS, ROLE_HEADS, SAY_VERBS, SELF_CHANGES,
    SITE_NOUNS, SPARKING, SPEAKER_PRONOUNS, SPEAKING_VERBS, SPOKEN_LABELS, STATE_DEEDS, STATE_MEANS,
    STATE_TARGETS, SUPPORTER_HEADS, SURVIVE_VERBS, SUSPICION_WORDS, TAKING_VERBS, TARGET_PREPS,
    THREATENED_ACTS, TIE_WORDS, TIME_HEADS, UNDERGONE_LABELS, WITH_SIDES)
from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.docview import kb_get
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import Entity, EntityType, Mention

Token = Any

# Words of speaking a place may be said of: where the words were said ("the announcement in Baghdad").
_SPEECH_WORDS = frozenset("""announcement announcements statement statements conference conferences briefing
    briefings speech speeches remarks interview interviews speaking addressing""".split())
# What a happening is done with: a clause on it tells that happening ("a drone launched from Iraq struck Erbil").
_MEANS_HOSTS = frozenset("""drone drones rocket rockets missile missiles bomb bombs shell shells mortar mortars
    device devices ied ieds grenade grenades projectile projectiles explosive explosives munition munitions
    katyusha katyushas""".split())
# A local force a town's name is put on ("Basra police").
_POLICE_WORDS = frozenset("police policemen".split())
# Happening nouns beside HOST_NOUNS: a clause on one of them tells that happening itself.
_HAPPENING_HOSTS = frozenset("""bombings blasts explosions raids ambushes assaults operation operations fighting
    violence incident incidents killing killings assassination shooting""".split())


@dataclass(slots=True)
class Arguments:
    """The roles read for one trigger, and the words that named a role without an entity."""

    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    unnamed_actor: str | None = None
    """The words of an actor that names no entity ("unidentified gunmen"), if any."""

    def add(self, role: str, ids: Iterable[str]) -> None:
        """Add entity ids to a role (an actor is never also a target)."""
        for eid in ids:
            if role == "actor" and eid not in self.actors:
                self.actors.append(eid)
                if eid in self.targets:
                    self.targets.remove(eid)
            elif role == "target" and eid not in self.targets and eid not in self.actors:
                self.targets.append(eid)


_CAPITALS: dict[int, dict[str, str]] = {}


def _capitals(kb: Any) -> dict[str, str]:
    """Return {capital place id: country id} from the knowledge base (built once per KB)."""
    found = _CAPITALS.get(id(kb))
    if found is None:
        found = {str(r.attributes["capital"]): r.id for r in kb.records.values()
                 if r.type is EntityType.COUNTRY and r.attributes.get("capital")}
        _CAPITALS.clear()
        _CAPITALS[id(kb)] = found
    return found


# Sites a country's name before them says the owner of ("a US base", "the Turkish airport"), as
# :data:`SITE_NOUNS` do.
_OWNED_SITES = frozenset("base bases airport".split())


def _backer(root: Token) -> bool:
    """Return True for the object of "by"/"to"/"with" after a word of :data:`BACKING_WORDS` that
    describes a noun ("factions backed by Iran", "gunmen loyal to Iran"): a backer, not a place."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "to", "with"):
        return False
    word = prep.head
    return word.lower_ in BACKING_WORDS and word.dep_ in ("acl", "amod", "relcl", "appos") and word.head.i != word.i


def _type_of(ctx: DocContext, m: Mention) -> EntityType | None:
    entity = ctx.entity(m.entity_id)
    return entity.type if isinstance(entity, Entity) else m.type


def trigger_head(doc: Any, start: int, end: int) -> Token:
    """Return the syntactic head of a trigger span (the token whose head lies outside it)."""
    for i in range(start, end):
        tok = doc[i]
        if not start <= tok.head.i < end or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def _is_place_noun(tok: Token) -> bool:
    """Return True for a noun of a kind of place or site, also one the tokenizer split at its hyphen
    ("the Sidakan sub-district": "sub", "-", "district")."""
    if tok.lower_ in PLACE_NOUNS | SITE_NOUNS:
        return True
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in PLACE_NOUNS


def _on_date_by_misparse(clause: Token) -> bool:
    """Return True for a relative clause the parser hung on a date that its relative pronoun cannot
    stand for ("The attack on Wednesday, which killed five fighters": the attack killed, not the
    Wednesday); "since 2016, when a truck bomb killed 300" is a clause of that time."""
    return clause.dep_ == "relcl" and clause.head.ent_type_ in ("DATE", "TIME") \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who") for c in clause.children)


class ArgumentReader:
    """Reads one document's event arguments from its parse; build per document (cheap).

    ``demonyms``: nationality adjective -> country id ("Israeli" -> israel), from the KB.
    """

    def __init__(self, ctx: DocContext, demonyms: dict[str, str] | None = None) -> None:
        self.ctx = ctx
        self.sx: Syntax = ctx.syntax()
        self._mentions = ctx.content_mentions()
        self._home: str | None = None
        self._home_known = False
        self.demonyms = demonyms or {}

    def capital_state(self, token: Token) -> list[str]:
        """Return the state a capital written as an agent stands for ("Washington imposed sanctions",
        "designated by Washington": the United States); a capital as a target stays a place."""
        m = self.sx.mention_at(token)
        return self.capital_state_of(m) if m is not None else []

    def capital_state_of(self, m: Mention) -> list[str]:
        """Return the state whose capital ``m`` names, if it is one."""
        if _type_of(self.ctx, m) is not EntityType.PLACE or not m.entity_id:
            return []
        state = _capitals(self.ctx.kb).get(m.entity_id)
        return [state] if state else []

    def is_facility(self, m: Mention) -> bool:
        """Return True for a place an attack can be aimed at (a base, an embassy, an airport)."""
        if _type_of(self.ctx, m) is not EntityType.PLACE:
            return False
        entity = self.ctx.entity(m.entity_id)
        level = str(entity.attributes.get("admin_level", "")) if entity is not None else ""
        return level in FACILITY_LEVELS

    def antecedent(self, token: Token) -> Mention | None:
        """Return the group or person a pronoun or a definite description stands for.

        "it"/"they"/"the group"/"the militia" -> the last group named before it (within the
        previous 400 characters); "he"/"she" -> the last person. None when nothing fits.
        """
        word = token.lower_
        if word in SPEAKER_PRONOUNS or word in ("its", "their") and token.dep_ == "poss":
            # "'Our forces arrested five,' the ministry said", "Turkey said its jets struck ...":
            # whoever says the clause the pronoun stands in
            speaker = self._speaker_of_clause(token)
            if speaker is not None or word in SPEAKER_PRONOUNS:
                return speaker
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        if word in BODY_ANAPHORS and definite:
            return self._named_body(token)
        if word in PERSON_ANAPHORS:
            types: frozenset[EntityType] = frozenset({EntityType.PERSON})
        elif word in GROUP_ANAPHORS and (word in PRONOUNS or any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)):
            types = GROUP_TYPES
        else:
            return None
        reporter = self._reporting_subject(token, word in PERSON_ANAPHORS)
        if reporter is not None:
            return reporter
        start = token.idx
        if word not in PRONOUNS and word in GROUP_ANAPHORS:
            # "the brigade" after "the 30th Brigade of the PMF": the group whose name says brigade
            named = self._named_group(token)
            if named is not None:
                return named
            if word == "coalition" and coalition(self.ctx, token, False):
                return None  # "the coalition" where fighting is told: the international one, not the last group
        # "he" goes on with the last person named, however long the quote between ("... he is
        # unharmed. [a paragraph of what others said and he wrote] Later he addressed the nation")
        reach = PERSON_REACH if word in PERSON_ANAPHORS else 400
        before = [m for m in self._mentions if m.end <= start and start - m.end <= reach
                  and _type_of(self.ctx, m) in types and m.entity_id]
        if types is GROUP_TYPES and token.dep_ in ("nsubj", "nsubjpass"):
            # a group as subject goes on with the group that was the subject before it ("X, which
            # operates as a brigade of the PMF, blamed Y. ... the group vowed"): not the last named
            subjects = [m for m in before if self.sx.is_subject(m)]
            if subjects:
                return subjects[-1]
        return before[-1] if before else None

    def _speaker_of_clause(self, token: Token) -> Mention | None:
        """Return the group, body or country that says the clause ``token`` stands in ("Turkey said
        its jets struck ...", "'We targeted the base,' X said"); None outside a reported clause."""
        found = self._speakers_of_clause(token)
        return found[0] if found else None

    def _speakers_of_clause(self, token: Token) -> list[Mention]:
        """Return every group, body or country that says the clause ``token`` stands in ("X and Y
        said they had jointly targeted a ship": both)."""
        clause = token
        while clause.dep_ != "ccomp":
            if clause.dep_ not in CLAUSE_INNER_DEPS or clause.head is clause:
                return []
            clause = clause.head
        verb = clause.head
        if verb.lower_ not in SPEAKING_VERBS and verb.lower_ not in ANNOUNCE_VERBS:
            return []
        return [m for subject in self.sx.subjects(verb) for m in self.sx.phrase_mentions(subject, conjuncts=False)
                if m.entity_id and _type_of(self.ctx, m) in GROUP_TYPES | {EntityType.COUNTRY}]

    def _reporting_subject(self, token: Token, person: bool) -> Mention | None:
        """Return who a pronoun subject of a reported clause is: the reporting verb's own subject.

        "the United States announced that it had launched strikes": it is the United States; "X
        said he ...": he is X (when X is a person). None when the clause is not reported.
        """
        described = token.lower_ not in PRONOUNS  # "the group launched drones, X said"
        if token.dep_ not in ("nsubj", "nsubjpass") or described and (
                token.lower_ not in GROUP_ANAPHORS or not any(c.dep_ == "det" for c in token.children)):
            return None
        clause = token.head
        if clause.dep_ != "ccomp" or clause.head is clause:
            return None
        for subject in self.sx.subjects(clause.head):
            for m in self.sx.phrase_mentions(subject):
                kind = _type_of(self.ctx, m)
                if described and kind is not EntityType.ARMED_GROUP:
                    continue  # "the militia fired rockets, the army said": the militia is not the army
                if m.entity_id and (kind is EntityType.PERSON) == person and kind in PARTICIPANT_TYPES:
                    return m
        return None

    def _named_group(self, token: Token) -> Mention | None:
        """Return the last group (within 1,500 characters) whose name holds the noun of a definite
        description ("the brigade" -> "the 30th Brigade"; a plural noun never: "the factions")."""
        start, word = token.idx, token.lower_
        if word.endswith("s") and word not in ("alliances",):
            return None
        groups = [m for m in self._mentions if m.end <= start and m.entity_id and start - m.end <= 1500
                  and _type_of(self.ctx, m) in GROUP_TYPES]
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        written = [m for m in groups if pattern.search(m.text)]  # as written here before a former name
        if written:
            return written[-1]
        for m in reversed(groups):
            entity = self.ctx.entity(m.entity_id)
            if entity is not None and any(pattern.search(n) for n in (entity.name, *entity.aliases)):
                return m
        return None

    def _named_body(self, token: Token) -> Mention | None:
        """Return the state body "the ministry", "the army" stands for: the last one whose name
        holds the noun (within 1,500 characters), else the last state body of the 400 before."""
        start, word = token.idx, token.lower_
        bodies = [m for m in self._mentions if m.end <= start and m.entity_id
                  and _type_of(self.ctx, m) is EntityType.STATE_BODY]
        for m in reversed(bodies):
            if start - m.end > 1500:
                break
            entity = self.ctx.entity(m.entity_id)
            names = [m.text, *((entity.name, *entity.aliases) if entity is not None else ())]
            if any(re.search(rf"\b{re.escape(word)}\b", n, re.IGNORECASE) for n in names):
                return m
        near = [m for m in bodies if start - m.end <= 400]
        return near[-1] if near else None

    @property
    def available(self) -> bool:
        """Return True when the document was parsed."""
        return self.sx.available

    # -- noun phrases -------------------------------------------------------------------------
    def names(self, token: Token, types: frozenset[EntityType] = PARTICIPANT_TYPES) -> list[Mention]:
        """Return the participant mentions a noun phrase names.

        Its own mention or its modifiers' ("Kataib Hezbollah fighters" -> KH), except an
        organisation modifying a person's role ("the PMF deputy chief" names an unnamed person);
        "it"/"the group": its antecedent; "members of X", "factions operating under the banner
        of X", "factions, including X": X.
        """
        own = self.sx.mention_at(token)
        if own is None and token.lower_ in SUPPORTER_HEADS:
            return []  # "supporters of Kataib Hezbollah gathered": a crowd, not the group's own act
        found = [m for m in self.sx.phrase_mentions(token)
                 if (_type_of(self.ctx, m) in types or self.is_facility(m))
                 # "the commander of X, Qassim Musleh": the person the role names, not X
                 and (own is not None or token.lower_ not in ROLE_HEADS
                      or _type_of(self.ctx, m) is EntityType.PERSON)
                 # "Sadr's supporters" are not Sadr; "Kataib Hezbollah fighters" are Kataib Hezbollah
                 and (own is not None or token.lower_ not in MEMBER_HEADS
                      or _type_of(self.ctx, m) is not EntityType.PERSON
                      # "Asaib Ahl al-Haq's leader Qais al-Khazali": the title's own name after it
                      or token.lower_ in ROLE_HEADS and m.start > token.idx)
                 # "a US defense contractor", "two Turkish citizens": civilians are not their state
                 and (own is not None or token.lower_ not in CIVILIAN_HEADS
                      or _type_of(self.ctx, m) is not EntityType.COUNTRY)
                 # "Iraq's state-sanctioned militias", "Iran's proxies": armed groups, not the state
                 and (own is not None or token.lower_ not in NONSTATE_HEADS
                      or _type_of(self.ctx, m) is not EntityType.COUNTRY)]
        if len(found) > 1:
            found = self._drop_name_modifiers(token, found)
        if found and own is None and token.lower_ in MEMBER_HEADS \
                and not self.sx.phrase_mentions(token, conjuncts=False):
            # "the Peshmerga and fighters of the PMF": the men's own group besides their conjunct's
            found += [m for m in self._of_names(token, types) if all(m.start != f.start for f in found)]
        if found:
            return found
        antecedent = self.antecedent(token)
        if antecedent is not None and token.lower_ == "they":
            # "X and Y said they had jointly targeted a ship": each speaker
            speakers = [m for m in self._speakers_of_clause(token) if _type_of(self.ctx, m) in types]
            if len(speakers) > 1 and any(m.start == antecedent.start for m in speakers):
                return speakers
        if antecedent is not None:
            return [antecedent]
        same = self._same_men(token, types)
        if same:
            return same
        if token.lower_ in ROLE_HEADS:
            if token.dep_ == "appos" and token.head.i != token.i:
                # "X, the PMF deputy chief who was killed ...": the role restates the person named
                return [m for m in self.sx.phrase_mentions(token.head, appositions=False)
                        if _type_of(self.ctx, m) is EntityType.PERSON]
            return []
        found = self._of_names(token, types)
        if found:
            return found
        if token.lower_ in MEMBER_HEADS or token.lower_ in PEOPLE_HEADS:
            # "arrested four people suspected of belonging to X", "two men suspected of being
            # members of X", "suspects accused of links to X": the group the suspicion ties them to
            for clause in (c for c in token.children if c.dep_ == "acl" and c.lower_ in SUSPICION_WORDS):
                for tie in clause.subtree:
                    preps = ("to", "with") if tie.lower_ in TIE_WORDS else ("of",) if tie.lower_ in MEMBER_HEADS else ()
                    tied = [m for _p, o in self.sx.prep_objects(tie, preps)
                            for m in self.sx.phrase_mentions(o) if _type_of(self.ctx, m) in GROUP_TYPES]
                    if tied:
                        return tied
            # "militants, who officials said belonged to X, ...", "arrested the men, who belong to
            # X": the group a relative clause ties them to
            for clause in (c for c in token.children if c.dep_ == "relcl"):
                for tie in clause.subtree:
                    if tie.lower_ in AFFILIATION_PARTICIPLES or tie.lower_ in ("belong", "belonged", "belongs"):
                        tied = [m for _p, o in self.sx.prep_objects(tie, ("to", "with"))
                                for m in self.sx.phrase_mentions(o) if _type_of(self.ctx, m) in GROUP_TYPES]
                        if tied:
                            return tied
        if token.lower_ in MEMBER_HEADS:
            # "factions operating under the banner of X": the groups a members' phrase names; not
            # those of a clause that describes it ("the group, which is part of X")
            described = {d.i for c in token.children if c.dep_ in ("relcl", "ccomp") for d in c.subtree}
            for t in token.subtree:
                if t.i == token.i or t.i in described:
                    continue
                m = self.sx.mention_at(t)
                if m is not None and _type_of(self.ctx, m) in GROUP_TYPES:
                    return [m]
            # "X said its fighters launched drones": the group the pronoun stands for
            # "X said four of its fighters were killed": the same, for the members a number counts
            counted = token.dep_ == "pobj" and token.head.lower_ == "of"
            for child in token.children if token.dep_ in ("nsubj", "nsubjpass") or counted else ():
                if child.dep_ == "poss" and child.lower_ in ("its", "their", "our"):
                    found_group = self.antecedent(child)
                    if found_group is not None and _type_of(self.ctx, found_group) in GROUP_TYPES | {EntityType.COUNTRY}:
                        return [found_group]
        return []

    def _of_names(self, token: Token, types: frozenset[EntityType]) -> list[Mention]:
        """Return the group whose men a phrase names by a preposition ("members of X", "fighters
        from the brigade": the brigade named before)."""
        if not (token.lower_ in MEMBER_HEADS or token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")):
            return []
        for prep, obj in self.sx.prep_objects(token, ("of", "from", "within", "belonging", "including")):
            if obj.lower_ in SUPPORTER_HEADS and self.sx.mention_at(obj) is None:
                continue  # "thousands of Kataib Hezbollah supporters": a crowd, as "supporters of X"
            if token.lower_ in MEMBER_HEADS or prep == "of":
                found = [m for m in self.sx.phrase_mentions(obj) if _type_of(self.ctx, m) in types]
                if not found and obj.lower_ in MEMBER_HEADS:
                    found = self.names(obj, types)  # "hundreds of members of X": X
                if found:
                    return found
                antecedent = self.antecedent(obj)
                if antecedent is not None and token.lower_ in MEMBER_HEADS:
                    return [antecedent]
        return []

    def _same_men(self, token: Token, types: frozenset[EntityType]) -> list[Mention]:
        """Return the group "the militants" stands for: the one the same noun was tied to shortly
        before ("Islamic State militants stormed a village. The militants killed four villagers":
        ISIS). Only for a bare definite noun of armed men; the latest earlier telling that names a
        group, within 800 characters."""
        word = token.lower_
        if word not in MEMBER_HEADS and word not in PEOPLE_HEADS or not word.endswith(("s", "men")):
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
                c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "relcl", "acl") for c in token.children):
            return []
        for prev in reversed(token.doc[:token.i]):
            if token.idx - prev.idx > 800:
                break
            if prev.lower_ == word and prev.i != token.i:
                found = [m for m in self.names(prev, types) if _type_of(self.ctx, m) in GROUP_TYPES]
                if found:
                    return found
        return []

    def _drop_name_modifiers(self, token: Token, found: list[Mention]) -> list[Mention]:
        """Drop a group that only names the unit after it, which the parser made an apposition
        with no comma between ("the PMF (PMU) Brigade 30 withdrew": Brigade 30 acts, not the PMF);
        a listed apposition ("A, B and C") keeps every item."""
        doc = token.doc
        for head in [token, *self.sx.conjuncts(token)]:
            own = self.sx.mention_at(head)
            if own is None or own not in found:
                continue
            for child in head.children:
                named = self.sx.mention_at(child) if child.dep_ == "appos" else None
                if named is None or named not in found or named.start == own.start:
                    continue
                gap = doc[head.i + 1:child.left_edge.i]
                if all(t.text in ("(", ")") or self.sx.mention_at(t) is not None for t in gap) \
                        and _type_of(self.ctx, own) in GROUP_TYPES and _type_of(self.ctx, named) in GROUP_TYPES:
                    found = [m for m in found if m.start != own.start]
        return found

    def occupants(self, token: Token) -> list[str]:
        """Return who a facility, a vehicle or a post holds: "the base, which hosts US forces",
        "where US forces were present", "a vehicle carrying Kataib Hezbollah commanders", "a
        checkpoint manned by the PMF", "a convoy belonging to the army"."""
        out: list[str] = []
        for child in token.children:
            if child.dep_ not in ("relcl", "acl"):
                continue
            word = child.lower_
            if word in HOLDING_VERBS:
                carried = self.sx.objects(child)
                # "a convoy carrying supplies for the coalition": whom the load is for
                out.extend(self.ids(carried) or self.ids(o for c in [child, *carried]
                                                         for _p, o in self.sx.prep_objects(c, ("for",))))
            elif word in HELD_BY_VERBS:
                out.extend(self.ids(self.sx.agents(child)))
            elif word in BELONG_VERBS or word in AFFILIATION_PARTICIPLES and child.dep_ == "acl":
                # "a convoy belonging to the army", "85 targets linked to the IRGC"
                out.extend(self.ids(o for _p, o in self.sx.prep_objects(child, ("to", "with"))))
            elif child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children):
                out.extend(self.ids(self.sx.subjects(child)))
        return out

    def _target(self, args: Arguments, tokens: Iterable[Token]) -> None:
        """Add the targets ``tokens`` name; a facility that houses someone is a target through them.
        A time of day names no one ("at 10 pm (Iraq time)", "at dawn (local time)")."""
        for tok in tokens:
            if tok.lower_ in TIME_HEADS and self.sx.mention_at(tok) is None:
                # its own words are the clock's ("Iraq time"); "on Monday night of kidnapped X" goes on
                self._target(args, [o for _p, o in self.sx.prep_objects(tok, ("of",))])
                continue
            # "Ain al-Asad, a base hosting US troops", "Tower 22, a US military outpost": the
            # apposition says whose the facility is
            restated = [c for c in tok.children if c.dep_ == "appos" and self.sx.mention_at(c) is None]
            housed = self.occupants(tok) or [i for c in restated
                                             for i in self.occupants(c) or self.state_of_means(c, STATE_TARGETS)
                                             or (self.ids([c]) if c.lower_ in STATE_TARGETS else [])]
            if not housed and self.sx.mention_at(tok) is None:
                housed = self._listed_occupants(tok)
            if not housed and (tok.lower_ in SITE_NOUNS or self._is_facility_token(tok)):
                # "the Victory base near Baghdad airport, which hosts US forces": the relative clause
                # the parser hung on the site next door tells who is there
                housed = [i for _p, o in self.sx.prep_objects(tok, ("near", "outside", "inside", "at"))
                          if o.lower_ in SITE_NOUNS or self._is_facility_token(o) for i in self.occupants(o)]
            if housed:
                args.add("target", housed)
            else:
                args.add("target", self.ids([tok]) or self.role_groups(tok)
                         or self.state_of_means(tok, STATE_TARGETS) or self._owner_group(tok))

    def _is_facility_token(self, token: Token) -> bool:
        m = self.sx.mention_at(token)
        return m is not None and self.is_facility(m)

    def _listed_occupants(self, token: Token) -> list[str]:
        """Return whose the sites an "including" list names are ("struck 85 targets, including
        command centres and depots used by the Quds Force": the Quds Force), the list hung on the
        sites or on the verb."""
        return [i for _p, o in self.sx.prep_objects(token, ("including",))
                for c in [o, *self.sx.conjuncts(o)] for i in self.occupants(c)]

    def _owner_group(self, token: Token) -> list[str]:
        """Return the group "its" or "their" stands for on a site or force hit ("X said a drone
        struck its headquarters", "one of its brigades' headquarters": X is hit)."""
        if token.lower_ not in OWNED_TARGETS:
            return []
        for poss in (c for c in token.children if c.dep_ == "poss"):
            for owner in [poss, *(g for g in poss.children if g.dep_ == "poss")]:
                if owner.lower_ in ("its", "their") or owner.lower_ in GROUP_ANAPHORS and owner.lower_ not in PRONOUNS:
                    kinds = GROUP_TYPES  # "its headquarters", "the group's bases"
                elif owner.lower_ in ("his", "her"):
                    kinds = frozenset({EntityType.PERSON})  # "a drone hit his residence"
                else:
                    continue
                found = self.antecedent(owner)
                if found is not None and found.entity_id and _type_of(self.ctx, found) in kinds:
                    return [str(found.entity_id)]
        return []

    def _aimed_at(self, tokens: Iterable[Token]) -> list[Token]:
        """Return what the words "aimed at", "directed at" or "meant for" after ``tokens`` point to."""
        return [o for t in tokens for c in t.children if c.dep_ in ("acl", "relcl") and c.lower_ in AIM_WORDS
                for _p, o in self.sx.prep_objects(c, ("at", "toward", "towards", "for"))]

    def role_groups(self, token: Token) -> list[str]:
        """Return the groups an unnamed holder of a role belongs to: "killed an ISIS commander"
        hits ISIS, as do "a commander of ISIS", "a commander in ISIS", "a commander with ISIS"."""
        if token.lower_ not in ROLE_HEADS or self.sx.mention_at(token) is not None:
            return []
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []  # "the PMF deputy chief": one known person, whom the story names, not the PMF
        heads = [c for c in token.children if c.dep_ in ("compound", "nmod", "poss") and c.i < token.i]
        heads += [o for _p, o in self.sx.prep_objects(token, ("of", "in", "with", "from"))]
        return [m.entity_id for c in heads
                for m in self.sx.phrase_mentions(c) if m.entity_id and _type_of(self.ctx, m) in GROUP_TYPES]

    def victim_groups(self, token: Token) -> list[str]:
        """Return the groups a victim's apposition names ("X, a senior commander of Y" -> Y)."""
        out: list[str] = []
        for child in token.children:
            if child.dep_ == "appos":
                for _p, obj in self.sx.prep_objects(child, ("of", "in", "from")):
                    out.extend(m.entity_id for m in self.sx.phrase_mentions(obj)
                               if m.entity_id and _type_of(self.ctx, m) in GROUP_TYPES)
        return out

    def ids(self, tokens: Iterable[Token]) -> list[str]:
        """Return the entity ids the noun phrases headed by ``tokens`` name, in order."""
        out: list[str] = []
        for tok in tokens:
            found = [m for m in self.names(tok) if m.entity_id]
            if len(found) == 1 and self.sx.mention_at(tok) is None and _type_of(self.ctx, found[0]) is EntityType.COUNTRY:
                # "Iraq's parliament voted": the country's body of that name, when the KB has one
                found_body = country_body(self.ctx, tok, str(found[0].entity_id))
                if found_body:
                    out.extend(i for i in found_body if i not in out)
                    continue
            allied = coalition(self.ctx, tok, False) if tok.lower_ != "coalition" else []
            if allied:
                # "US and coalition troops", read with "coalition troops" as the second conjunct:
                # the coalition, not the first conjunct the parser lends the phrase
                found = [m for m in found if tok.left_edge.idx <= m.start < tok.idx]
            named = self.shared_forces(tok) or self.own_forces(tok) or [str(m.entity_id) for m in found] + allied \
                or self.home_body(tok) \
                or coalition(self.ctx, tok, self._named_group(tok) is not None)
            if found and self.sx.mention_at(tok) is None and not self.sx.phrase_mentions(tok, conjuncts=False):
                # "the federal government and the KRG": the conjunct's name is not this head's
                named = self.home_body(tok) + named
            out.extend(i for i in named if i not in out)
        return out

    def own_forces(self, token: Token) -> list[str]:
        """Return the state body forces are named by ("Iraqi counter-terrorism forces": the
        Counter-Terrorism Service), of the nationality written or, with none, the story's home
        country; see :func:`bodies.service_forces`."""
        if self.sx.mention_at(token) is not None:
            return []
        demonym = next((c.text for c in token.children if c.text in self.demonyms and c.i < token.i), None)
        country = self.demonyms[demonym] if demonym is not None else None
        if country is None and any(self.sx.mention_at(c) is not None for c in token.subtree if c.i < token.i):
            return []  # "US special forces": the named state's, read elsewhere
        if country is None:
            # the home country's forces: its nationality word drops from the bodies' names ("an
            # army patrol" in a story set in Iraq is the Iraqi army's)
            country = self._home_country()
            return service_forces(self.ctx, token, country, None,
                                  [d for d, c in self.demonyms.items() if c == country and d[:1].isupper()])
        return service_forces(self.ctx, token, country, demonym)

    def shared_forces(self, token: Token) -> list[str]:
        """Return each side of forces or means that coordinated modifiers share ("Iraqi and US
        forces": the Iraqi forces and the United States; "Iraqi and coalition aircraft": Iraq and
        the international coalition). Empty unless the head is a force or a means and its
        modifier is coordinated."""
        if token.lower_ not in STATE_MEANS or self.sx.mention_at(token) is not None:
            return []
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        sides = [t for c in mods for t in [c, *self.sx.conjuncts(c)]]
        first = min((t.i for t in sides), default=token.i)
        if len(sides) < 2 or not any(t.dep_ == "cc" for t in token.doc[first:token.i]):
            return []  # "a US drone strike": one side's words, not two sides coordinated
        out: list[str] = []
        for side in sides:
            m = self.sx.mention_at(side)
            if m is not None and m.entity_id:
                ids = [str(m.entity_id)]
            elif side.text in self.demonyms:
                ids = body_named(self.ctx, f"{side.text} {token.text}") or [self.demonyms[side.text]]
            elif side.lower_ == "coalition":
                ids = theatre_coalition(self.ctx)
            else:
                ids = []
            out.extend(i for i in ids if i not in out)
        return out

    def home_body(self, token: Token) -> list[str]:
        """Return the state body "the army", "the police", "the government" names when no body was
        named before it: the one of the country the story is set in (the country its places and
        countries point to most), whose name is that country's adjective and the noun ("the army
        lifted the curfew" in a story set in Iraq: the Iraqi army). Empty when the story has no
        clear home country or the KB has no such body."""
        word = token.lower_
        if word not in HOME_BODIES or self.sx.mention_at(token) is not None or self._named_body(token) is not None:
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and (
                word not in BARE_HOME_BODIES or any(c.dep_ in ("det", "poss", "amod") or c.dep_ == "compound"
                                                    and not self._is_place(c) for c in token.children)):
            return []  # "a government", "a new parliament", "traffic police": not the state's own ("Basra police" is)
        home = self._home_country()
        if home is None:
            return []
        # the country's adjective and the noun ("Iraqi parliament"), in the body's name or an alias
        adjectives = [re.escape(d) for d, c in self.demonyms.items() if c == home] or [r"\w+"]
        shape = re.compile(rf"^(?:{'|'.join(adjectives)}) {re.escape(word)}$", re.IGNORECASE)
        return [r.id for r in self.ctx.kb.records.values() if r.type is EntityType.STATE_BODY
                and r.attributes.get("country") == home and shape.match(r.name)] [:1] or \
            [r.id for r in self.ctx.kb.records.values() if r.type is EntityType.STATE_BODY
             and r.attributes.get("country") == home and any(shape.match(n) for n in r.aliases)][:1]

    def _home_country(self) -> str | None:
        """Return the country most of the story's places and countries belong to (a clear majority);
        worked out once per document."""
        if not self._home_known:
            self._home, self._home_known = self._count_home_country(), True
        return self._home

    def _count_home_country(self) -> str | None:
        counts: dict[str, int] = {}
        for m in self._mentions:
            kind = _type_of(self.ctx, m)
            if kind is EntityType.STATE_BODY and m.entity_id:
                # "the Kurdistan Regional Government": a body of the country counts for it too
                entity = self.ctx.entity(m.entity_id)
                owner = entity.attributes.get("country") if entity is not None else None
                if isinstance(owner, str):
                    counts[owner] = counts.get(owner, 0) + 1
                continue
            if not m.entity_id or kind not in PLACE_TYPES:
                continue
            if kind is EntityType.COUNTRY:
                country: str | None = m.entity_id
            else:
                chain = self.ctx.kb.ancestors(m.entity_id)
                country = chain[-1].id if chain and chain[-1].type is EntityType.COUNTRY else None
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < 2 and len(ranked) > 1 or len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
            return None  # a story naming one place only is set in its country ("near Kirkuk")
        return next(c for c, n in counts.items() if n == ranked[0])

    def self_announced(self, doc: Any, start: int, end: int, label: str, actors: Sequence[str]) -> bool:
        """Return True for a change a group reports of itself: "X said it was suspending attacks",
        "X announced it would close its offices" (the trigger's clause is what its actor said)."""
        if label not in SELF_CHANGES or not actors:
            return False
        tok = trigger_head(doc, start, end)
        while tok.dep_ in ("xcomp", "conj", "aux") and tok.head is not tok:
            tok = tok.head
        verb = tok.head
        if tok.dep_ != "ccomp" or verb is tok or not (verb.lower_ in ANNOUNCE_VERBS or verb.lower_ in SAY_VERBS):
            return False
        return any(eid in actors for eid in self.ids(self.sx.subjects(verb)))

    def ordered_force(self, entity_id: str) -> str:
        """Return whose forces a person's order sends: the state, state body or group the knowledge
        base says they hold a post in (a current post before a past one); the person when none."""
        person = self.ctx.entity(entity_id)
        if person is None or person.type is not EntityType.PERSON:
            return entity_id
        posts: list[tuple[bool, str]] = []
        for item in person.attributes.get("roles") or ():  # type: ignore[attr-defined]
            of = str(item.get("of")) if hasattr(item, "get") else ""
            body = self.ctx.entity(of) or (kb_get(self.ctx.kb, of) if of else None)
            if body is not None and body.type in FORCE_HOLDERS:
                posts.append((item.get("to") is None, body.entity_id))
        current = [eid for now, eid in posts if now] or [eid for _now, eid in posts]
        return current[-1] if current else entity_id

    def state_of_means(self, token: Token, nouns: frozenset[str] = STATE_MEANS) -> list[str]:
        """Return the country a nationality adjective gives armed means ("Israeli warplanes"), or
        with ``nouns`` = :data:`STATE_TARGETS` what an attack hits ("Israeli soldiers", "an
        American target")."""
        if token.lower_ not in nouns:
            return []
        # "a Turkish drone strike": the adjective may hang from the compound ("drone") instead
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children
                      if g.dep_ in ("amod", "compound") and g.i < c.i]
        for child in modifiers:
            if child.text in self.demonyms:
                return [self.demonyms[child.text]]
        return []

    def _means_actors(self, token: Token) -> list[str]:
        """Return who used a means ("missiles fired by X", "a US drone", "Israeli warplanes")."""
        ids = self.ids([token]) or self.state_of_means(token, STATE_DEEDS) or self.capital_state(token)
        if ids:
            return ids
        for child in token.children:
            if child.dep_ in ("acl", "relcl"):
                ids = self.ids(self.sx.agents(child)) or self.ids(self.sx.subjects(child) if child.dep_ == "relcl" else [])
                if ids:
                    return ids
        if token.lower_ in FIRED_MEANS:
            # "the coalition said its aircraft had killed ...": the means' owner the pronoun stands for
            for child in token.children:
                if child.dep_ == "poss" and child.lower_ in ("its", "their", "our"):
                    owner = self.antecedent(child)
                    if owner is not None and owner.entity_id and _type_of(self.ctx, owner) in FORCE_HOLDERS | GROUP_TYPES:
                        return [str(owner.entity_id)]
        return []

    # -- roles --------------------------------------------------------------------------------
    def roles(self, doc: Any, start: int, end: int, is_verb: bool, passive_subject_role: str = "target",
              label: str = "", violent: bool = False) -> Arguments | None:
        """Return the arguments of the trigger ``doc[start:end]``, or None without a parse."""
        if not self.available:
            return None
        head = trigger_head(doc, start, end)
        args = Arguments()
        if not is_verb and head.dep_ in ("oprd", "acomp") and head.head.lower_ in LEAVING_VERBS:
            head, is_verb = head.head, True  # "an attack by X left five dead": the verb's roles
        if not is_verb and end - start > 1 and head.dep_ in ("ROOT", "ccomp", "advcl", "conj", "relcl") and \
                any(c.dep_ in ("nsubj", "dobj") for c in head.children):
            is_verb = True  # a phrase headed by its verb ("drones struck X"): the verb's roles
        if not is_verb and head.dep_ in ("ROOT", "ccomp", "conj") and \
                {"nsubj", "dobj"} <= {c.dep_ for c in head.children}:
            is_verb = True  # a word read as a noun that the parse makes a verb: "Iraqi forces arrest ISIS emir"
        if not is_verb and head.dep_ == "advcl" and head.lower_.endswith("ing") and \
                any(c.dep_ == "dobj" for c in head.children):
            is_verb = True  # "X attacked a checkpoint, killing two soldiers": a participle clause
        participle = is_verb and head.dep_ in ("amod", "acl") and head.head is not head \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children)
        if participle and head.head.dep_ == "ROOT" and head.head.i < head.i and not head.lower_.endswith("ing") \
                and any(c.dep_ == "dobj" for c in head.children):
            # "The Coordination Framework, the ruling alliance, nominated X": the sentence's verb,
            # which the parser hung on the subject as a participle; with an object it is active
            args.add("actor", self.ids([head.head]))
            self._target(args, [*self.sx.objects(head), *(o for _p, o in self.sx.prep_objects(head, TARGET_PREPS))])
            return args
        if is_verb and self.sx.heads_clause(head) and not participle:
            self._verb_roles(head, args, passive_subject_role, label)
        elif participle:
            # "kidnapped academic X", "a journalist killed in ...": the participle's noun undergoes
            # it ("the PMF, formed in 2014": is its actor, for rules whose passive subject acts)
            args.add("actor" if passive_subject_role == "actor" else "target", self.ids([head.head]))
            for agent in self.sx.agents(head):
                args.add("actor", self._means_actors(agent))
            if not self.sx.agents(head) and label in OUTCOME_LABELS:
                self._host_actors(head, args)  # "PMF fighters killed in US strike"
        else:
            self._noun_roles(head, args, label, "actor" if passive_subject_role == "actor" else "target")
        if violent:  # a victim's group is hit too ("killed X, a senior commander of Y")
            for tok in self.sx.objects(head) if self.sx.heads_clause(head) else \
                    self.sx.objects(head.head) if head.dep_ == "nsubj" else []:
                if any(m.entity_id in args.targets for m in self.sx.phrase_mentions(tok)):
                    args.add("target", self.victim_groups(tok))
                elif tok.lower_ in ROLE_HEADS | MEMBER_HEADS:  # "killed a senior commander of X": X is hit
                    args.add("target", [m.entity_id for _, o in self.sx.prep_objects(tok, ("of",))
                                        for m in self.sx.phrase_mentions(o)
                                        if m.entity_id and _type_of(self.ctx, m) in GROUP_TYPES])
        if label in ("meeting", "visit") and args.actors:
            self._met_there(self.sx.clause_verb(head), args)
        clause = self.sx.clause_verb(head)
        if violent and not args.targets and clause.dep_ == "advcl" and clause.head.lower_ in SURVIVE_VERBS:
            # "an official of the PUK survived an assassination attempt when gunmen opened fire on his
            # car": the survivor was the target
            self._target(args, self.sx.subjects(clause.head))
        if label in PURPOSE_LABELS and not args.targets and not participle:
            # "formed in 2014 to combat ISIS", "a fatwa calling on men to fight the Islamic State":
            # whom the group or the call was made against ("X, formed in 2014 to combat ISIS,
            # announced ...": a description of X, not the happening told)
            self._target(args, [o for c in head.subtree if c.i > head.i and c.lower_ in AGAINST_VERBS
                                and c.dep_ in ("xcomp", "advcl", "acl", "relcl") for o in self.sx.objects(c)])
        return args

    def _verb_roles(self, verb: Token, args: Arguments, passive_subject_role: str, label: str) -> None:
        subjects = [self._told_attack(verb, s) for s in self.sx.subjects(verb)]
        passive = self.sx.is_passive(verb)
        agents = self._misread_agents(verb, subjects)
        if agents:  # "X, designated a terrorist group by the US in 2009, ...": read as the passive it is
            args.add("actor" if passive_subject_role == "actor" else "target", self.ids(subjects))
            args.add("actor", [a for agent in agents for a in self._means_actors(agent)])
            return
        if not passive:
            # "gunmen linked to X killed four soldiers", parsed as "gunmen linked to X and killed":
            # the group the subject's participle ties it to acts
            args.add("actor", self.ids(_affiliation_misread(verb)))
        if not subjects and verb.dep_ == "advcl" and verb.lower_.endswith("ing") and verb.head.i != verb.i:
            subjects = self.sx.subjects(verb.head)  # "X attacked the base, killing two": X killed them
            if verb.head.lower_ in ASSAULT_VERBS and not self.sx.is_passive(verb.head):
                # "militants attacked a PMF position, killing one fighter": the fighter was the PMF's
                self._target(args, self.sx.objects(verb.head))
        elif not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.i != verb.head.i:
            subjects = self.sx.subjects(verb.head.head)  # "Iran responded by firing missiles": Iran fired
        if passive:
            role = "actor" if passive_subject_role == "actor" else "target"
            if role == "target":
                self._target(args, subjects)  # "a commander of X was killed": X through its man
            else:
                args.add(role, self.ids(subjects))
            # "X was killed together with Y": Y shares X's side
            for prep in verb.children:
                if prep.dep_ == "prep" and (prep.lower_ == "alongside" or prep.lower_ == "with" and any(
                        c.lower_ in ("together", "along") for c in verb.children)):
                    args.add(role, self.ids(c for c in prep.children if c.dep_ == "pobj"))
            agents = self.sx.agents(verb)
            for agent in agents:
                args.add("actor", self._means_actors(agent))
            if agents and not args.actors:
                args.unnamed_actor = _phrase_text(agents[0])
            if not agents and label in OUTCOME_LABELS:
                self._host_actors(verb, args)
                for clause in verb.children:
                    # "two soldiers were killed when ISIS attacked their post": who did the deed
                    # of the "when" clause killed them (not the victims: "when they hit a mine")
                    if clause.dep_ == "advcl" and not args.actors and not self.sx.is_passive(clause) and any(
                            c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in clause.children):
                        doers = [a for subject in self.sx.subjects(clause) for a in self._means_actors(subject)]
                        if not set(doers) & set(args.targets):
                            args.add("actor", doers)
        else:
            named = self.ids(subjects) or [a for s in subjects for a in self._means_actors(s)]
            if not named:
                # "last week's attack by ISIS on a PMF outpost left five dead": the attack's own roles
                for subject in subjects:
                    if subject.lower_ in ATTACK_NOUNS and self.sx.mention_at(subject) is None:
                        told = Arguments()
                        self._noun_roles(subject, told, label)
                        named.extend(a for a in told.actors if a not in named)
                        args.add("target", told.targets)
            args.add("actor", named)
            if subjects and not named:
                args.unnamed_actor = _phrase_text(subjects[0])
            self._target(args, self.sx.objects(verb) or self._shared_objects(verb))
            if not args.targets:
                args.add("target", self._members_of_coordinated(verb))
            if not args.targets:
                args.add("target", self._listed_occupants(verb))
            if verb.lower_ in FALL_VERBS and not args.actors:
                # "Mosul fell under the control of X", "fell into the hands of X": X took it
                args.add("actor", self.ids(o for p, holder in self.sx.prep_objects(verb, ("under", "into", "in"))
                                           if holder.lower_ in ("control", "hands", "grip")
                                           for _, o in self.sx.prep_objects(holder, ("of",))))
        aimed = self.sx.prep_objects(verb, TARGET_PREPS)
        # "killed at the hands of ISIS militants": who did it, not whom it hit
        hands = [o for p, o in aimed if p == "at" and o.lower_ == "hands"]
        args.add("actor", [a for h in hands for _p, o in self.sx.prep_objects(h, ("of",)) for a in self._means_actors(o)])
        self._target(args, [o for p, o in aimed if o not in hands])
        # "a Katyusha aimed at Baghdad airport fell short": what the means was aimed at
        self._target(args, self._aimed_at([verb, *subjects, *self.sx.objects(verb)]))
        # "an IED exploded targeting a vehicle belonging to the army": what the participle aims at
        self._target(args, self._aiming_objects(verb))
        if label not in SELF_CHANGES:  # "suspending its attacks on US forces" hits no one
            # "launched a drone attack on Israel", "launched drones against Israeli targets": what
            # the object (a happening or an armed means) is aimed at
            self._target(args, [o for obj in self.sx.objects(verb) if obj.lower_ in ATTACK_NOUNS | LAUNCHED_MEANS
                                or obj.lower_ in ANSWER_NOUNS for p, o in self.sx.prep_objects(obj, TARGET_PREPS)])
        if label == "threat":
            # "threatened to target US interests", "vowed to strike Israeli targets": whom the
            # threatened act is aimed at
            # "threatened on Sunday to resume ...": the infinitive may be parsed as an adverbial clause
            acts = [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ == "advcl" and c.i > verb.i
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            # "vowed to keep attacking US forces": the act the aspect verb carries on
            acts += [g for a in acts if a.lower_ in ASPECT_VERBS for g in a.children if g.dep_ == "xcomp"]
            for act in acts:
                self._target(args, self.sx.objects(act))
                # "threatened to resume attacks on US forces": whom the attacks threatened are aimed at
                self._target(args, [o for obj in self.sx.objects(act) if obj.lower_ in ATTACK_NOUNS
                                    for _p, o in self.sx.prep_objects(obj, TARGET_PREPS)])
                self._target(args, [o for _p, o in self.sx.prep_objects(act, TARGET_PREPS)])
            for act in (c for c in verb.children if c.dep_ == "ccomp" and c.lower_ in THREATENED_ACTS):
                # "warned that the group would target US interests", "... that US forces would be
                # attacked": whom the act the threat tells of is aimed at
                self._target(args, self.sx.subjects(act) if self.sx.is_passive(act) else self.sx.objects(act))
                self._target(args, [o for _p, o in self.sx.prep_objects(act, TARGET_PREPS)])
        if label == "clash":
            # "forces repelled an attack by ISIS militants": the attackers fight too
            args.add("actor", [a for obj in self.sx.objects(verb) if obj.lower_ in ATTACK_NOUNS
                               for _p, o in self.sx.prep_objects(obj, ACTOR_PREPS) for a in self._means_actors(o)])
        if label == "clash" and verb.lower_.startswith("clash"):
            # "X clashed with Y fighters": both sides fight (ACLED: both are actors)
            args.add("actor", [a for _p, o in self.sx.prep_objects(verb, ("with",)) for a in self._means_actors(o)
                               if a not in args.targets])
        for setter in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.lower_ in FIRE_SETTERS)]:
            fires = [o for o in self.sx.objects(setter) if o.lower_ in FIRE_WORDS]
            if fires:
                # "set fire to the offices of X", "stormed and set fire to the headquarters of X" (the
                # "to" phrase on the verb or on "fire"): what was set alight
                self._target(args, [o for h in [setter, *fires] for p, o in self.sx.prep_objects(h, ("to",))])
        if label in MEASURE_LABELS and verb.lower_ in CONDEMN_VERBS:
            # "condemned the US strike on Kataib Hezbollah": who is condemned is who struck
            authors = []
            for obj in self.sx.objects(verb):
                if obj.lower_ in ATTACK_NOUNS and self.sx.mention_at(obj) is None:
                    told = Arguments()
                    self._noun_roles(obj, told, "")
                    authors.extend(told.actors)
            if authors:
                args.targets.clear()
                args.add("target", authors)
        if label in ("meeting", "visit"):
            self._sides(verb, subjects, args)
        elif label in PARTY_LABELS:
            # "awarded a contract to X", "signed an agreement with X": X is a party (ACLED: both act)
            hosts = [verb, *self.sx.objects(verb)]
            args.add("actor", self.ids(o for h in hosts for _p, o in self.sx.prep_objects(h, ("to", "with"))))
            datives = [c for c in verb.children if c.dep_ == "dative"]  # "awarded X a contract", "to X"
            args.add("actor", self.ids([o for d in datives for o in d.children if o.dep_ == "pobj"]
                                       + [d for d in datives if d.lower_ not in ("to", "for")]))
        elif label in MEASURE_LABELS and not args.targets:
            # "withdrew a bill that would have formalised the PMF", "imposed sanctions on X":
            # who a political measure is about, anywhere in its object
            for obj in self.sx.objects(verb):
                args.add("target", [m.entity_id for m in self.sx.mentions_in(obj)
                                    if m.entity_id and _type_of(self.ctx, m) in PARTICIPANT_TYPES
                                    and not self._in_as_phrase(m, obj)])

    def _told_attack(self, verb: Token, subject: Token) -> Token:
        """Return the attack a relative clause of outcome tells of when the parser hung it on what
        the attack hit ("an attack on a police checkpoint that killed four policemen": the attack
        killed them, not the checkpoint); otherwise ``subject``."""
        if verb.dep_ != "relcl" or verb.head.i != subject.i or verb.lower_ not in HITTING_VERBS | LEAVING_VERBS \
                or subject.dep_ != "pobj" or subject.head.lower_ not in TARGET_PREPS \
                or subject.lower_ in PEOPLE_HEADS | MEMBER_HEADS or self.sx.mention_at(subject) is not None \
                or not any(c.lower_ in ("that", "which") for c in verb.children):
            return subject
        attack = subject.head.head
        return attack if attack.lower_ in ATTACK_NOUNS | HOST_NOUNS and attack.i < subject.i else subject

    def _host_actors(self, verb: Token, args: Arguments) -> None:
        """Add who made the happening an outcome was suffered in: "two soldiers were killed in an
        ISIS attack", "PMF fighters killed in US strike" (a headline's participle), "wounded in an
        attack by suspected ISIS militants"."""
        for host in verb.subtree:
            if host.lower_ in HOST_NOUNS and host.dep_ == "pobj" and host.head.lower_ in ("in", "during") \
                    and self._within_clause(host.head, verb):
                args.add("actor", self.ids(c for c in host.children if c.dep_ in ("compound", "poss", "nmod")
                                           and c.i < host.i) or self.state_of_means(host, STATE_DEEDS)
                         or [a for _p, o in self.sx.prep_objects(host, ACTOR_PREPS)
                             for a in self._means_actors(o)])

    def _members_of_coordinated(self, verb: Token) -> list[str]:
        """Return the group whose unnamed members a verb takes, named by the verb coordinated with
        it ("raided a Kataib Hezbollah headquarters and detained 14 members": KH's members)."""
        objects = self.sx.objects(verb)
        if not objects or not all(o.lower_ in MEMBER_HEADS and not self.sx.phrase_mentions(o) for o in objects):
            return []
        others = [verb.head] if verb.dep_ == "conj" and verb.head.i != verb.i else []
        others += [c for c in verb.children if c.dep_ == "conj"]
        for other in others:
            found = [i for o in self.sx.objects(other) for i in (self.ids([o]) or self.occupants(o))
                     if (e := self.ctx.entity(i)) is not None and e.type in GROUP_TYPES]
            if found:
                return found
        return []

    def _shared_objects(self, verb: Token) -> list[Token]:
        """Return the object a verb without one shares with the verb coordinated after it ("stormed
        and burned the KDP headquarters": both acts befell the headquarters)."""
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.i > verb.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
                    and not self.sx.is_passive(conj):
                return self.sx.objects(conj)
        return []

    def _is_place(self, token: Token) -> bool:
        """Return True when the phrase headed by ``token`` names a place or a country only."""
        found = self.sx.phrase_mentions(token)
        return bool(found) and all(_type_of(self.ctx, m) in PLACE_TYPES for m in found)

    def _aiming_objects(self, verb: Token) -> list[Token]:
        """Return what a participle after the verb says it was aimed at ("an IED exploded targeting
        a vehicle belonging to the army", "a drone crashed, hitting a house")."""
        return [o for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                and c.lower_ in AIMING_PARTICIPLES for o in self.sx.objects(c)]

    def _in_as_phrase(self, m: Mention, top: Token) -> bool:
        """Return True for a mention inside an "as" phrase below ``top``: the status something is
        given, which only refers to others ("formalised the PMF as a structure parallel to the
        Ministry of Defence": the ministry is no one the bill is about)."""
        t = _phrase_root(self.sx.doc, m.start, m.end)
        for _ in range(12):
            if t is None or t.i == top.i or t.head.i == t.i:
                return False
            if t.dep_ == "prep" and t.lower_ == "as":
                return True
            t = t.head
        return False

    @staticmethod
    def _within_clause(tok: Token, verb: Token) -> bool:
        """Return True when ``tok`` hangs from ``verb`` through no clause of its own ("killed and three
        others injured in an attack": the coordinated casualty is one clause; "said it was an attack": not)."""
        t = tok
        for _ in range(8):
            if t.head.i == verb.i:
                return True
            if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or t.head.i == t.i:
                return False
            t = t.head
        return False

    def _misread_agents(self, verb: Token, subjects: list[Token]) -> list[Token]:
        """Return the "by" phrase of a participle set off by commas that the parser read as an active
        verb ("Kataib Hezbollah, designated a terrorist organisation by the United States, has ...")."""
        doc = verb.doc
        if self.sx.is_passive(verb) or not verb.lower_.endswith("ed") or verb.i == 0 or doc[verb.i - 1].text != ",":
            return []
        if not any(s.i < verb.i - 1 for s in subjects):
            return []
        return [o for t in verb.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by" and t.i > verb.i
                for o in t.children if o.dep_ == "pobj"][:1]

    def _noun_roles(self, noun: Token, args: Arguments, label: str, of_role: str = "target") -> None:
        # the noun's own modifiers: "a US drone strike", "Israel's attack", "the militia's raid"
        mourned = label in MOURNING_LABELS  # "his funeral", "the funeral of X": the dead take no part
        undergone = label in UNDERGONE_LABELS and not any(p == "of" for p, _ in self.sx.prep_objects(noun))
        for child in noun.children:
            if child.dep_ == "poss" and child.i < noun.i and undergone:
                self._target(args, [child])
            elif child.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod") and child.i < noun.i \
                    and not (mourned and child.dep_ == "poss"):
                # "Washington's strikes": a capital as the agent is its state
                args.add("actor", self.ids([child]) or (self.capital_state(child) if child.dep_ == "poss" else []))
        part = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
        if part is not None and part.lower_ in INVOLVEMENT_NOUNS and not args.actors:
            # "X's involvement in attacks", "his role in the attacks": whoever took part acted
            for child in part.children:
                if child.dep_ == "poss":
                    found = self.ids([child])
                    if not found and child.lower_ in PRONOUNS:
                        antecedent = self.antecedent(child)
                        found = [str(antecedent.entity_id)] if antecedent is not None else []
                    args.add("actor", found)
        if not args.actors:
            args.add("actor", self.state_of_means(noun, STATE_DEEDS))  # "an Israeli strike", "a Turkish drone attack"
        for child in noun.children:
            if child.dep_ == "relcl" and child.lower_ in HITTING_VERBS and any(
                    c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in child.children):
                # "the attack, which targeted a convoy of the coalition, ...": what it hit
                self._target(args, self.sx.objects(child))
        for child in noun.children:
            if child.dep_ == "acl" and child.i > noun.i and child.lower_ in AIMING_PARTICIPLES:
                # "an airstrike targeting a PMF convoy killed three": what it was aimed at, when
                # named ("targeting the militia blamed for ..." leaves the target to the story)
                self._target(args, [o for o in self.sx.objects(child) if self.sx.phrase_mentions(o) or self.occupants(o)])
        for child in noun.children:
            if child.dep_ == "acl" and child.i > noun.i and child.lower_ in ("attributed", "blamed") and not args.actors:
                # "a drone strike attributed to Turkey", "an attack blamed on ISIS": the one accused
                args.add("actor", [a for _p, o in self.sx.prep_objects(child, ("to", "on")) for a in self._means_actors(o)])
        for child in noun.children:
            if child.dep_ == "acl" and child.i > noun.i and child.lower_ in DONE_BY and not args.actors:
                # "strikes carried out by the United States", "a drone launched by X": the agent acts
                args.add("actor", [a for agent in self.sx.agents(child) for a in self._means_actors(agent)])
        for prep, obj in self.sx.prep_objects(noun):
            if prep in ACTOR_PREPS:
                args.add("actor", self.ids([obj]) or self.capital_state(obj))  # "by Washington": the US
            elif prep == "from" and args.actors == [] and not (label in LEAVING_LABELS and self._is_place(obj)):
                # not the land a withdrawal leaves ("the withdrawal of foreign troops from Iraq")
                args.add("actor", self.ids([obj]))
            elif prep == "of" and mourned:
                continue
            elif prep == "of":
                if of_role == "actor":
                    args.add("actor", self.ids([obj]))
                else:
                    self._target(args, [obj])
            elif prep in TARGET_PREPS:
                self._target(args, [obj])
            elif prep == "with" and (noun.lower_ in WITH_SIDES or label in ("meeting", "clash")):
                args.add("actor", self.ids([obj]))  # "clashes with X", "a meeting / phone call with X"
        if noun.lower_ in WITH_SIDES or label == "clash":
            # "clashes between A and B fighters", "clashes erupted between A and B", "a gunfight
            # between A and B broke out": each side named
            hosts = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") and noun.head is not noun else [noun]
            for prep, obj in (po for host in hosts for po in self.sx.prep_objects(host, ("between",))):
                # each side, not what describes it ("between X, the armed wing of Y's movement, and Z")
                # ("between members of X, the armed wing of Y, and ...": however deep the description)
                said = {d.idx for t in [obj, *self.sx.conjuncts(obj)] for n in t.subtree for c in n.children
                        if c.dep_ in ("appos", "relcl", "acl") and self.sx.mention_at(c) is None for d in c.subtree}
                args.add("actor", [str(m.entity_id) for m in self.sx.mentions_in(obj) if m.entity_id
                                   and _type_of(self.ctx, m) in PARTICIPANT_TYPES and m.start not in said])
                if not self.sx.conjuncts(obj):
                    # "between members of X, the armed wing of Y, and fighters of Z": the parser
                    # may hang the second side on the clause's verb as its conjunct
                    verb = self.sx.clause_verb(obj)
                    args.add("actor", [i for c in verb.children if c.dep_ == "conj" and c.i > obj.i
                                       and c.lower_ in MEMBER_HEADS and self.sx.mention_at(c) is None
                                       and any(t.lower_ == "and" for t in c.doc[c.i - 2:c.i])
                                       for i in self.ids([c])])
            spark = noun.head
            if noun.dep_ == "dobj" and spark.dep_ == "advcl" and spark.lower_ in SPARKING and spark.head.i != spark.i \
                    and not args.actors:
                # "ISIS remnants targeted a PMF post, sparking clashes": who attacked and who was attacked fight
                main = spark.head
                args.add("actor", self.ids(self.sx.subjects(main)))
                args.add("actor", [i for o in self.sx.objects(main) for i in self.ids([o]) or self.victim_groups(o)])
        governor = noun.head
        if noun.dep_ in ("dobj", "pobj") and governor is not noun:
            verb = governor if noun.dep_ == "dobj" else self.sx.clause_verb(governor)
            if noun.dep_ == "pobj" and governor.lower_ == "for" and governor.head.lower_ == "responsibility":
                verb = governor.head.head  # "claimed responsibility for the attack"
            elif noun.dep_ == "pobj" and (governor.lower_ in REFERENCE_PREPS or governor.lower_ in ("to", "for")
                                          and governor.head.lower_ in ANSWER_NOUNS):
                verb = noun  # "ordered strikes in response to rocket attacks": the attacks are others'
            if label in ("meeting", "visit") and (verb.lower_ in LIGHT_VERBS or verb.lower_ in TAKING_VERBS):
                # "held talks", "received a phone call from X": who took it is a side too
                if verb.lower_ in TAKING_VERBS and noun.dep_ == "dobj":
                    args.add("actor", self.ids(self.sx.subjects(verb)))
                    # "received a phone call on Friday from X": the "from" phrase hung on the verb
                    args.add("actor", self.ids(o for _p, o in self.sx.prep_objects(verb, ("from",))))
                self._sides(verb, self.sx.subjects(verb), args)
            if noun.dep_ == "dobj" and verb.lower_ in SURVIVE_VERBS and not args.targets:
                # "an official of the PUK survived an assassination attempt": who survived was its target
                self._target(args, self.sx.subjects(verb))
            if label in SELF_CHANGES and verb.lower_ in ANNOUNCE_VERBS and not args.actors:
                args.add("actor", self.ids(self.sx.subjects(verb)))  # "X announced the suspension of its operations"
            elif label in ANNOUNCED_OPERATIONS and verb.lower_ in ANNOUNCE_VERBS and noun.dep_ == "dobj" \
                    and not args.actors:
                # "the Joint Operations Command announced the arrest of a terrorist": a security body
                # announcing its operation did it
                args.add("actor", [i for i in self.ids(self.sx.subjects(verb))
                                   if (e := self.ctx.entity(i)) is not None and e.type is EntityType.STATE_BODY])
            # the verb's own object: "ordered strikes", "took part in the raid", "launched a wave of
            # strikes"; not "ordered an investigation into the strike" (the investigation is ordered)
            own = noun.dep_ == "dobj" or governor.head.i == verb.i or governor.lower_ == "of" and \
                governor.head.dep_ == "dobj" and governor.head.head.i == verb.i or \
                governor.lower_ == "for" and governor.head.lower_ == "responsibility"
            ordered = own and verb.lower_ in ORDER_VERBS and label in FORCE_LABELS
            speaker = verb.head if verb.dep_ == "ccomp" and verb.lower_ not in SPEAKING_VERBS \
                and verb.head.lower_ in SPEAKING_VERBS and governor.head.i == verb.i else verb
            if label in SPOKEN_LABELS and own and noun.dep_ == "pobj" and governor.lower_ in ("in", "during") \
                    and speaker.lower_ in SPEAKING_VERBS and not args.actors:
                # "X said in a televised speech on Friday", "warned during a speech": the speaker gave
                # it ("X said on Saturday that ..., in a speech marking ...": the "in" phrase hung on
                # what was said)
                args.add("actor", self.ids(self.sx.subjects(speaker)))
            answered = own and noun.dep_ == "pobj" and governor.lower_ == "with" and verb.lower_ in ANSWER_VERBS
            if mourned and noun.dep_ == "dobj" and verb.lower_ in ATTEND_VERBS:
                # "thousands attended the funeral, including X and Y": those named among the
                # mourners take part (ACLED codes a gathering's named participants)
                mourners = self.sx.subjects(verb)
                args.add("actor", self.ids(mourners))
                args.add("actor", self.ids(o for h in [verb, *mourners]
                                           for _p, o in self.sx.prep_objects(h, ("including", "among"))))
            if own and noun.dep_ == "pobj" and governor.lower_ in ("in", "during") and label in DEED_LABELS \
                    and verb.lower_ in DEED_VERBS:
                # "US forces killed an ISIS leader in a raid", "arrested three suspects during a
                # raid": who did the deed made the happening it was done in, to whom it was done
                # ("two of its members were killed in a raid": the victims, who made nothing)
                if self.sx.is_passive(verb):
                    self._target(args, self.sx.subjects(verb))
                elif not args.actors:
                    args.add("actor", [a for s in self.sx.subjects(verb) for a in self._means_actors(s)])
                    self._target(args, self.sx.objects(verb))
            if (verb.lower_ in LIGHT_VERBS and own or ordered or answered) and not args.actors:
                subjects = self.sx.subjects(verb)
                # "Washington had carried out strikes": the capital acts for its state
                named = self.ids(subjects) or [eid for s in subjects for eid in self.capital_state(s)]
                if ordered:
                    named = [self.ordered_force(eid) for eid in named]  # "Biden ordered strikes": the US struck
                args.add("actor", named)
                if subjects and not named:
                    args.unnamed_actor = _phrase_text(subjects[0])
            if verb.lower_ in LIGHT_VERBS and noun.dep_ == "dobj" and label in FORCE_LABELS:
                # "carried out an airstrike on an ISIS hideout", the "on" phrase hung on the verb
                self._target(args, [o for _p, o in self.sx.prep_objects(verb, TARGET_PREPS)])
        elif noun.dep_ in ("nsubj",) and governor is not noun:
            # "an attack drone struck Tower 22, a US outpost": what the verb hits, read as a verb's
            # objects are (occupants, a nationality on forces hit, an unnamed commander's group)
            self._target(args, self.sx.objects(governor))
            self._target(args, [o for p, o in self.sx.prep_objects(governor, TARGET_PREPS)])
            self._target(args, self._aiming_objects(governor))  # "an IED exploded targeting a vehicle"
        elif noun.dep_ == "nsubjpass" and governor is not noun and governor.lower_ in LIGHT_VERBS:
            # "strikes were conducted against five sites of X by Y"
            self._target(args, [o for _, o in self.sx.prep_objects(governor, TARGET_PREPS)])
            if not args.actors:
                args.add("actor", self.ids(self.sx.agents(governor)))

    def _met_there(self, verb: Token, args: Arguments) -> None:
        """Add whom a visitor met there: "visited Baghdad on Sunday, where he met X", "made a visit to
        Baghdad, where he met X", "arrived in Baghdad, meeting X" (ACLED: all who meet act)."""
        for clause in verb.subtree:
            if clause.lower_ in MEET_VERBS and clause.i > verb.i and (
                    clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children)
                    or clause.dep_ in ("advcl", "conj") and clause.head.i == verb.i):
                args.add("actor", self.ids(self.sx.objects(clause)))

    def _sides(self, verb: Token, subjects: list[Token], args: Arguments) -> None:
        """Everyone taking part in a meeting or visit acts (ACLED's convention).

        The subject; "with X" anywhere in the verb's clause ("travelled to Tehran to discuss ...
        with X"); a delegation's "from X" and "led/headed by X"; what a visit's object belongs to
        ("visited the headquarters of X"). Nobody is a target.
        """
        for subject in subjects:
            args.add("actor", self.ids(o for _p, o in self.sx.prep_objects(subject, ("from",))))
            for child in subject.children:
                if child.dep_ in ("acl", "relcl"):
                    args.add("actor", self.ids(self.sx.agents(child)))
        for tok in verb.subtree:
            if tok.dep_ == "prep" and tok.lower_ in ("with", "alongside"):
                args.add("actor", self.ids(c for c in tok.children if c.dep_ == "pobj"))
        if verb.lower_ in GUEST_VERBS:  # "X received / hosted Y": the guest takes part too
            args.add("actor", self.ids(self.sx.objects(verb)))

        for obj in self.sx.objects(verb):
            args.add("actor", self.ids(o for _p, o in self.sx.prep_objects(obj, ("of",))))
            for child in obj.children:
                if child.dep_ in ("acl", "relcl"):  # "sent a delegation, headed by X"
                    args.add("actor", self.ids(self.sx.agents(child)))
        args.add("actor", list(args.targets))
        args.targets.clear()

    # -- place --------------------------------------------------------------------------------
    def place_mentions(self, doc: Any, start: int, end: int) -> list[Mention]:
        """Return the place and country mentions the trigger's phrase attaches, in text order.

        Walks from the trigger, its clause's verb and their subjects and objects through
        prepositional phrases ("in", "near", "outside", ... and "of": "members of a family near
        Balad, in Salahuddin"), appositions, coordinations and the modifiers of place nouns
        ("Baghdad's Mashtal district"); places that only describe something else
        (:meth:`describes_other`) are left out. Clauses of their own (relative clauses, other
        verbs) are not entered.
        """
        if not self.available:
            return []
        head = trigger_head(doc, start, end)
        anchors = [head]
        verb = self.sx.clause_verb(head)
        # a happening named inside a prepositional phrase ("following the killing of X, ...") is
        # placed by its own phrase only, not by the clause it is mentioned in
        if verb.i != head.i and head.dep_ != "pobj":
            anchors.append(verb)
        # "struck targets in Duhok province, killing two civilians in the village of Kani Masi": the
        # outcome's participle clause tells where the happening's dead were
        anchors += [c for a in list(anchors) for c in a.children
                    if c.dep_ == "advcl" and c.i > a.i and c.lower_ in OUTCOME_PARTICIPLES]
        for anchor in list(anchors):
            anchors.extend(self.sx.objects(anchor))
            anchors.extend(s for s in self.sx.subjects(anchor) if s.i != head.i)
        found: dict[int, Mention] = {}
        seen: set[int] = set()
        frontier = list(anchors)
        for _ in range(6):
            nxt: list[Token] = []
            for tok in frontier:
                if tok.i in seen:
                    continue
                seen.add(tok.i)
                m = self.sx.mention_at(tok)
                if m is not None and _type_of(self.ctx, m) in PLACE_TYPES and not self.describes_other(m, head.i):
                    found.setdefault(m.start, m)
                for child in tok.children:
                    # appositions restate ("Muslih, the commander of the PMU in Anbar"): their
                    # places describe a person, not where the event was
                    if child.dep_ == "prep" and child.lower_ in PLACE_PREPS + ("of",):
                        nxt.extend(c for c in child.children if c.dep_ in ("pobj", "prep"))
                    elif child.dep_ in ("pobj", "conj", "compound", "poss", "nmod") or (
                            child.dep_ == "amod" and _is_place_noun(tok)):
                        nxt.append(child)  # "the Yarmouk neighbourhood", the name parsed as an adjective
            frontier = nxt
        places = [found[k] for k in sorted(found)]
        countries = [m for m in places if _type_of(self.ctx, m) is EntityType.COUNTRY]
        if len({m.entity_id for m in countries}) > 1 and len(countries) == len(places):
            return []  # "in western Iraq and eastern Syria": no one place
        return places

    def written_inside(self, mentions: Sequence[Mention]) -> dict[str, set[str]]:
        """Return, for each place of ``mentions`` the text puts inside another, the ids of the
        places it is put in: "the Abu Ghraib district of Baghdad", "Basra's Hayaniya district",
        "the Jadriya area in Baghdad" (a possessive, or "of"/"in" on the place or on the place
        noun it names). The text's own nesting says which is finer, whatever level the KB
        gives each ("district" is coarser than "city" in the KB, not in "X district of Y")."""
        out: dict[str, set[str]] = {}
        if not self.available:
            return out
        for m in mentions:
            if m.entity_id is None or _type_of(self.ctx, m) is not EntityType.PLACE:
                continue
            span = self.sx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            noun = span.root
            if noun.dep_ in ("compound", "nmod", "amod") and noun.head.i > noun.i \
                    and _is_place_noun(noun.head) and noun.lower_ not in PLACE_NOUNS:
                # "the Abu Ghraib district of ...": the district's phrase; a name with a place noun of
                # its own names what holds the next noun ("the Maysan governorate town of Amarah")
                noun = noun.head
            outer: list[Token] = [c for c in noun.children if c.dep_ == "poss"]
            outer += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for o in c.children if o.dep_ == "pobj"]
            for tok in outer:
                held = self.sx.mention_at(tok)
                if held is not None and held.entity_id not in (None, m.entity_id) \
                        and _type_of(self.ctx, held) in PLACE_TYPES:
                    out.setdefault(m.entity_id, set()).add(held.entity_id)
        return out

    def listed_places(self, m: Mention) -> tuple[list[Mention], list[Mention]] | None:
        """Return the places of a list a place is written in, and the places written around that
        list as what holds it, when the place is one of two or more coordinated places or sites
        ("the towns of Bartella, Qaraqosh and Bashiqa in the Nineveh Plains", "its Nineveh Plain
        bases in A, B and C", "hit the downtown area, Erbil airport and a coalition base"); else
        None. Holders: a place modifying or "in"/"of" on the noun the list hangs from, or on the
        list's first or last item."""
        root = _phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if root is None:
            return None
        if root.dep_ in ("compound", "nmod") and root.head.i > root.i and root.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
            root = root.head  # "the Abu Ghraib district": the district's phrase
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        items, frontier = [first], [first]
        while frontier:
            nxt = [c for t in frontier for c in t.children if c.dep_ == "conj"]
            items += nxt
            frontier = nxt
        places = [p for t in items if (p := self.sx.mention_at(t)) is not None and _type_of(self.ctx, p) in PLACE_TYPES]
        # another item that is a place, a site, or a name the tagger left unmarked ("A, Batnaya and
        # Tel Kepe": a capitalised word listed with a place is one too)
        spots = [t for t in items if t.i != root.i and (t.lower_ in PLACE_NOUNS | SITE_NOUNS or t.text[:1].isupper()
                                                         or any(p.start <= t.idx < p.end for p in places))]
        if not spots:
            return None
        host = first.head.head if first.dep_ == "pobj" and first.head.lower_ in ("of", "in") else None
        listed = {t.i for t in items}
        around: list[Token] = []
        for noun in (host, first, items[-1]):
            if noun is None:
                continue
            around += [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss") and c.i not in listed]
            around += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                       for o in c.children if o.dep_ == "pobj" and o.i not in listed]
        holders = [h for t in around if (h := self.sx.mention_at(t)) is not None
                   and _type_of(self.ctx, h) in PLACE_TYPES and all(h.start != p.start for p in places)]
        return places, holders

    def time_clause(self, doc: Any, start: int, end: int) -> tuple[int, int] | None:
        """Return the character span of the relative clause of a time the trigger is told in
        ("since January, when 32 people were killed in twin bombings"), else None."""
        if not self.available:
            return None
        t = trigger_head(doc, start, end)
        while t.head.i != t.i:
            if t.dep_ == "relcl" and t.head.ent_type_ in ("DATE", "TIME") and not _on_date_by_misparse(t):
                return t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
            t = t.head
        return None

    def spoken_at(self, m: Mention, start: int, end: int) -> bool:
        """Return True for a place written in a phrase on a word of speaking other than the
        trigger (token span ``start``-``end``): "The announcement in Baghdad came a day after ...
        strikes", "Speaking at a news conference in Erbil, the governor said ...", "In a statement
        issued in Baghdad, ...": where the words were said, not where the happening was."""
        root = _phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        t = root
        for _ in range(6):
            if t is None or t.head.i == t.i:
                return False
            t = t.head
            if start <= t.i < end:
                return False
            if t.lower_ in _SPEECH_WORDS:
                return True
            if t.dep_ not in ("prep", "pobj", "acl", "compound") and self.sx.heads_clause(t):
                return False
        return False

    def local_police(self, mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
        """Return the town or province naming the police that carry out the trigger's happening
        ("Basra police arrested three men", "Diyala police foiled an attack"): a town's police act
        in it. Not police that only report it ("Kirkuk police said gunmen killed ..."), whose
        clause is another."""
        if not self.available:
            return None
        head = trigger_head(self.sx.doc, start, end)
        verb = self.sx.clause_verb(head)
        for m in mentions:
            if _type_of(self.ctx, m) is not EntityType.PLACE:
                continue
            root = _phrase_root(self.sx.doc, m.start, m.end)
            if root is None or root.dep_ not in ("compound", "nmod", "poss") or root.head.lower_ not in _POLICE_WORDS:
                continue
            force = root.head
            if force.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") and force.head.i in (verb.i, head.i) \
                    or (force.dep_ == "pobj" and force.head.head.i in (verb.i, head.i)):
                return m
        return None

    def host_clause(self, doc: Any, start: int, end: int) -> tuple[int, int] | None:
        """Return the character span of the relative or participial clause the trigger is told in
        when that clause describes a person or thing of another clause ("held a funeral in Najaf for
        members *who were killed in a strike*", "gathered in Karbala to bury commanders *killed in a
        strike*"): the other clause's places are where that clause's happening was, not this one's.
        None when the trigger is in no such clause, when the clause describes a happening ("an
        attack in Kirkuk that killed three") or what it was done with ("a drone launched from Iraq
        struck Erbil"), or a place ("the region that fell to ISIS in 2014"), or
        when the other clause only reports it ("police said three men who were kidnapped ...")."""
        if not self.available:
            return None
        t = trigger_head(doc, start, end)
        while t.head.i != t.i:
            host = t.head
            if t.dep_ in ("relcl", "acl") and t.i > host.i:  # a clause on a noun (spaCy's acl, relcl)
                if _on_date_by_misparse(t):
                    return None  # "The attack near Balad on Wednesday, which killed five": the attack's clause
                if host.lower_ in HOST_NOUNS | _HAPPENING_HOSTS | _MEANS_HOSTS | PLACE_NOUNS | SITE_NOUNS \
                        or ((owned := self.sx.mention_at(host)) is not None
                            and _type_of(self.ctx, owned) in PLACE_TYPES):
                    return None  # "the region that fell to ISIS", "the outpost, established as ...": there
                outer = self.sx.clause_verb(host)
                if outer.lower_ in REPORT_VERBS:
                    return None
                last = doc[t.right_edge.i]
                return doc[t.left_edge.i].idx, last.idx + len(last.text)
            t = host
        return None

    def attribution_spans(self, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
        """Return the character spans of the prepositional phrases of a verb of saying whose
        reported clause holds the trigger ("..., the governor said from Mosul", "officials said in
        Baghdad that ..."): where the speaker was, not where the happening was."""
        if not self.available:
            return []
        head = trigger_head(doc, start, end)
        clause = self.sx.clause_verb(head)
        sayers: list[Token] = []
        t = head
        while t.head.i != t.i:  # "X said [that gunmen attacked ...]"
            if t.dep_ in ("ccomp", "parataxis") and t.head.lower_ in REPORT_VERBS:
                sayers.append(t.head)
            t = t.head
        # "Gunmen attacked ..., X said": the parser may hang the saying on the happening's verb
        sayers += [c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.lower_ in REPORT_VERBS
                   and c.i > clause.i]
        out: list[tuple[int, int]] = []
        for verb in sayers:
            for c in verb.children:
                if c.dep_ in ("prep", "agent") and not (c.left_edge.i <= head.i <= c.right_edge.i):
                    out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        return out

    def is_topic(self, m: Mention) -> bool:
        """Return True for a place a development is about, not where it happened: inside a phrase
        of a reason or a topic ("sanctioned X for abuses in Nineveh", "talks over Kirkuk") or the
        "of" object of a word that is no place ("fears of Iran being able to ...", not "the city of
        Basra")."""
        t = _phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if t is None:
            return False
        while t.dep_ in ("compound", "poss", "nmod", "amod") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i \
                and t.head.head.lower_ not in PLACE_NOUNS | SITE_NOUNS and self.sx.mention_at(t.head.head) is None:
            return True
        while t.head.i != t.i:
            t = t.head
            if t.dep_ == "prep" and t.lower_ in ("for", "over", "about"):
                return True
        return False

    def national_land(self, sent: Any) -> str | None:
        """Return the country a nationality adjective on a word of land names ("took to the Iraqi
        streets", "struck a depot on Syrian territory", "in Iraqi airspace") after a preposition
        of place, when the sentence names one such country; else None."""
        if not self.available:
            return None
        found = {self.demonyms[t.text] for t in sent if t.dep_ == "amod" and t.text in self.demonyms
                 and t.head.lower_ in LAND_NOUNS and t.head.dep_ == "pobj"
                 and t.head.head.lower_ in PLACE_PREPS + ("to",)}
        return found.pop() if len(found) == 1 else None

    def describes_other(self, m: Mention, trigger: int | None = None) -> bool:
        """Return True for a place or country that only describes something else in its sentence.

        A town written before the happening's own noun (``trigger``, a token index: "five killed in
        Diyala attack") names where it was, as it does before a site ("a Kirkuk checkpoint").

        "Iran's Supreme Leader", "US operations in Yemen", "the Iraqi capital's streets": a
        possessive or compound modifier of a noun that is not itself a place (a district, a
        province ...), and a country that is the subject or object of a clause (a participant
        written as a place). Such a mention is not where an event happened.
        """
        root = _phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if root is None:
            return False
        if root.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") and root.head is not root:
            head = root.head
            owned = self.sx.mention_at(head)
            if owned is not None and owned.start != m.start:
                # "Iran's IRGC", "Iran's Supreme Leader Khamenei": describes a participant; "Iraq's
                # Kurdistan region" (a place in a place) still locates
                return _type_of(self.ctx, owned) not in PLACE_TYPES
            # the happening's noun, or the one it happened "in" ("five killed in Diyala attack")
            own = head.lower_ in HOST_NOUNS and trigger is not None and (head.i == trigger or (
                head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.i == trigger))
            if owned is None and head.lower_ not in PLACE_NOUNS and not _is_place_noun(head) and not (
                    (head.lower_ in SITE_NOUNS or own) and _type_of(self.ctx, m) is EntityType.PLACE):
                return True
            if owned is None and head.lower_ in SITE_NOUNS | _OWNED_SITES \
                    and _type_of(self.ctx, m) is EntityType.COUNTRY:
                return True  # "a US base", "the US compound": whose the site is, not where
        if _type_of(self.ctx, m) is EntityType.COUNTRY and root.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
        return _backer(root)

    # -- time ---------------------------------------------------------------------------------
    def attaches(self, doc: Any, trig_start: int, trig_end: int, char_start: int, char_end: int) -> bool:
        """Return True when the phrase at ``[char_start, char_end)`` modifies the trigger's clause.

        Climbs from the phrase's head to the first clause head: it must be the trigger's own
        clause (or the trigger itself, for a noun trigger: "the March 3 raid").
        """
        root = _phrase_root(doc, char_start, char_end) if self.available else None
        if root is None:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        clause = self.sx.clause_verb(head)
        t = root
        for _ in range(10):
            if t.i in (head.i, clause.i):
                return True
            if t.head.i == t.i or (self.sx.heads_clause(t) and t.i != root.i):
                return False
            t = t.head
        return False

    def refers_back(self, doc: Any, trig_start: int, trig_end: int) -> bool:
        """Return True for a noun trigger that names another happening the clause is dated by
        ("rockets were fired at the airport days after *the killing* of X"): its victims are not
        the clause's."""
        if not self.available:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        if _answered_phrase(head) is not None:
            return True  # "fired missiles ..., in revenge for the killing of X"
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in ("for", "to") and any(
                c.dep_ in ("oprd", "attr", "dobj") and c.lower_ in _ANSWER_NOUNS for c in prep.head.children):
            return True  # "in what it called revenge for the killing of X"
        return head.dep_ == "pobj" and head.head.lower_ in REFERENCE_PREPS and head.head.i != head.i

    def answered_span(self, doc: Any, trig_start: int, trig_end: int) -> tuple[int, int] | None:
        """Return the characters of a noun trigger's phrase when its clause answers it ("ordered
        strikes in February in response to *rocket attacks*", "in retaliation for *the killing* of
        X"): it happened before the clause's happening, so the clause's date is not its date; only
        a date inside its own phrase is ("in response to Sunday's attack"). None otherwise."""
        if not self.available:
            return None
        return _answered_phrase(trigger_head(doc, trig_start, trig_end))

    def answer_spans(self, sent: Any) -> list[tuple[int, int]]:
        """Return the characters of every phrase a sentence's clause answers ("in response to attacks
        on US troops, including a drone attack on a base in Jordan last month"): what they hold is
        the earlier happening's, not the answering one's."""
        if not self.available:
            return []
        return [span for tok in sent if (span := _answered_phrase(tok)) is not None]

    def in_other_clause(self, doc: Any, trig_start: int, trig_end: int, char_start: int, char_end: int) -> bool:
        """Return True when the phrase at ``[char_start, char_end)`` sits in a relative clause
        that describes a participant of the trigger's main clause ("the militia, which was formed
        in 2014, attacked ...", "a group founded in 2007 claimed ..."): it dates that clause's
        happening, not the trigger's. Only for a trigger of the sentence's main clause; a clause
        that describes the trigger noun itself ("the violence that erupted on Monday") dates it."""
        root = _phrase_root(doc, char_start, char_end) if self.available else None
        if root is None:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        verb = self.sx.clause_verb(head)
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "X, founded in 2007, has targeted ... and has threatened ...": the main clause
        if verb.dep_ != "ROOT":
            return False
        t = root
        for _ in range(12):
            if t.dep_ in ("relcl", "acl", "appos") and t.head.i != head.i \
                    and not (t.left_edge.i <= head.i <= t.right_edge.i) \
                    and (t.dep_ != "appos" or any(c.dep_ in ("relcl", "acl") for c in t.children)) \
                    and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                    and not _tells_the_happening(t.head, verb):
                # set off by commas: a description ("X, which was formed in 2014,", "X, a group
                # founded in 2007,"), not the report
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False


# "in retaliation for", "in response to", "in revenge for": what the clause answers came before it
_ANSWER_NOUNS = ("retaliation", "response", "revenge", "reprisal", "reaction")


def _tells_the_happening(noun: Token, verb: Token) -> bool:
    """Return True when ``noun`` is the subject of the trigger's clause ``verb`` and names a
    happening ("The bombing, which took place on 2 March, killed 11 people"): a clause that
    describes it tells the trigger's own happening, not a participant's history."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i and noun.lower_ in HOST_NOUNS


def _phrase_root(doc: Any, char_start: int, char_end: int) -> Token | None:
    """Return the head token of the phrase at ``[char_start, char_end)``, or None off token bounds."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    return span.root if span is not None else None


def _answered_phrase(token: Token) -> tuple[int, int] | None:
    """Return the characters of the phrase ``token`` heads when a clause answers it ("in response to
    *rocket attacks*", "in retaliation for *the killing* of X"), else None."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("for", "to") or prep.head.lower_ not in _ANSWER_NOUNS:
        return None
    last = token.doc[token.right_edge.i]
    return token.doc[token.left_edge.i].idx, last.idx + len(last.text)


def _affiliation_misread(verb: Token) -> list[Token]:
    """Return the group of a subject the parser made the subject of an affiliation participle.

    "Gunmen linked to the Islamic State killed four soldiers" is parsed with "linked" as the main
    verb and "killed" as its conjunct or adverbial clause, with no subject of its own: the group is
    the object of the participle's "to"/"with".
    """
    head = verb.head
    if verb.dep_ not in ("conj", "advcl", "ccomp") or head.i == verb.i or verb.i < head.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return []
    tie = head
    if head.lower_ not in AFFILIATION_PARTICIPLES:
        # "gunmen believed to belong to X shot dead ...": the tie is the belief's complement
        tie = next((c for c in head.children if c.dep_ == "xcomp" and c.i < verb.i and head.lower_ in BELIEF_WORDS
                    and (c.lower_ in AFFILIATION_PARTICIPLES or c.lower_ in ("belong", "be"))), head)
        if tie is head:
            return []
    elif verb.dep_ == "ccomp":
        return []
    if any(c.dep_ == "cc" for c in head.children if head.i < c.i < verb.i) or \
            any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return []  # "they were linked to X and killed": two statements
    if tie.lower_ == "be":  # "believed to be linked to X", "believed to be members of X"
        tie = next((c for c in tie.children if c.dep_ in ("acomp", "attr", "oprd")
                    and (c.lower_ in AFFILIATION_PARTICIPLES or c.lower_ in MEMBER_HEADS)), tie)
        if tie.lower_ in MEMBER_HEADS:  # "believed to be members of X"; "believed to be X militants"
            return [o for p in tie.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                    for o in p.children if o.dep_ == "pobj"] or [tie]
    return [o for p in tie.children if p.dep_ == "prep" and p.lower_ in ("to", "with") and p.i < verb.i
            for o in p.children if o.dep_ == "pobj"]


def _phrase_text(token: Token) -> str:
    """Return the words of the noun phrase headed by ``token`` (its subtree, without clauses)."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i == token.i]
    left = min(w.i for w in words)
    right = max(w.i for w in words)
    return str(token.doc[left:right + 1].text)


def participant_mentions(ctx: DocContext, mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions whose entities can act or be acted on."""
    return [m for m in mentions if _type_of(ctx, m) in PARTICIPANT_TYPES]
