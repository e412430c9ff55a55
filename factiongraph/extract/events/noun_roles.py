"""Actors and targets of a noun trigger ("a US drone strike on Y", "the arrest of Y by X", "X carried
out an attack").
"""

from __future__ import annotations

from factiongraph.extract.events.reader_base import Arguments, Token, entity_type_of, phrase_text
from factiongraph.extract.events.role_words import (
    ACTOR_PREPS, AIMING_PARTICIPLES, ANNOUNCED_OPERATIONS, ANNOUNCE_VERBS, ANSWER_NOUNS, ANSWER_VERBS,
    ATTEND_VERBS, DEED_LABELS, DEED_VERBS, DONE_BY, FORCE_LABELS, HITTING_VERBS, INVOLVEMENT_NOUNS,
    LAUNCHED_MEANS, LEAVING_LABELS, LIGHT_VERBS, MEMBER_HEADS, MOURNING_LABELS, ORDER_VERBS, PARTICIPANT_TYPES,
    PRONOUNS, REFERENCE_PREPS, SELF_CHANGES, SPARKING, SPEAKING_VERBS, SPOKEN_LABELS, STATE_DEEDS, SURVIVE_VERBS,
    TAKING_VERBS, TARGET_PREPS, UNDERGONE_LABELS, UNDERGO_VERBS, WITH_SIDES)
from factiongraph.extract.events.target_roles import TargetReader
from factiongraph.model import EntityType


class NounRoleReader(TargetReader):
    """Reads the roles of a noun trigger."""

    def relative_authors(self, noun: Token) -> list[str]:
        """Return whom a relative clause on an attack noun names as its author: "in an attack Iraqi
        officials attributed to Israel", "an attack a US official said was carried out by American
        forces", "an attack that was blamed on X"."""
        out: list[str] = []
        for child in noun.children:
            if child.dep_ != "relcl" or child.i < noun.i:
                continue
            for told in [child, *(c for c in child.children if c.dep_ == "ccomp")]:
                if told.lower_ in ("attributed", "blamed"):
                    out += [a for _p, o in self.sx.prep_objects(told, ("to", "on")) for a in self._means_actors(o)]
                elif told.lower_ in DONE_BY and self.sx.is_passive(told):
                    out += [a for agent in self.sx.agents(told) for a in self._means_actors(agent)]
        return list(dict.fromkeys(out))

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
        if not args.actors:
            args.add("actor", self.relative_authors(noun))
        for child in noun.children:
            if child.dep_ == "acl" and child.i > noun.i and child.lower_ in DONE_BY and not args.actors:
                # "strikes carried out by the United States", "a drone launched by X": the agent acts
                args.add("actor", [a for agent in self.sx.agents(child) for a in self._means_actors(agent)])
                # "the attack carried out by Daesh against Iraqi forces": whom it was carried out against
                self._target(args, [o for _p, o in self.sx.prep_objects(child, TARGET_PREPS)])
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
                                   and entity_type_of(self.ctx, m) in PARTICIPANT_TYPES and m.start not in said])
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
            if noun.dep_ == "pobj" and governor.lower_ in ("to", "under") and verb.lower_ in UNDERGO_VERBS \
                    and governor.head.i == verb.i and not args.targets:
                # "the KDP headquarters was subjected to an armed attack": what underwent it was hit
                self._target(args, self.sx.subjects(verb))
            if noun.dep_ == "pobj" and governor.dep_ == "agent" and self.sx.is_passive(governor.head) \
                    and not args.targets:
                # "an army force was targeted by an IED": the means' passive subject was hit
                self._target(args, self.sx.subjects(governor.head))
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
                    args.unnamed_actor = phrase_text(subjects[0])
            if noun.dep_ == "dobj" and (verb.lower_ in LIGHT_VERBS and label in FORCE_LABELS
                                        or noun.lower_ in LAUNCHED_MEANS):
                # "carried out an airstrike on an ISIS hideout", "threw a grenade at the KDP office":
                # the "on" / "at" phrase hung on the verb
                self._target(args, [o for _p, o in self.sx.prep_objects(verb, TARGET_PREPS)])
                if not args.targets:
                    # "conducted a strike in Jurf al-Sakhar on Dec. 3, targeting a facility used by X"
                    self._target(args, self._aiming_objects(verb))
        elif noun.dep_ in ("nsubj",) and governor is not noun:
            # "an attack drone struck Tower 22, a US outpost": what the verb hits, read as a verb's
            # objects are (occupants, a nationality on forces hit, an unnamed commander's group)
            self._target(args, self.sx.objects(governor))
            self._target(args, [o for p, o in self.sx.prep_objects(governor, TARGET_PREPS)])
            self._target(args, self._aiming_objects(governor))  # "an IED exploded targeting a vehicle"
            if not args.targets:
                self._target(args, self._landed_at(governor))  # "a roadside bomb exploded near an army patrol"
        elif noun.dep_ == "nsubjpass" and governor is not noun and governor.lower_ in LIGHT_VERBS:
            # "strikes were conducted against five sites of X by Y"
            self._target(args, [o for _, o in self.sx.prep_objects(governor, TARGET_PREPS)])
            if not args.actors:
                args.add("actor", self.ids(self.sx.agents(governor)))
