"""Actors and targets of a verb trigger, active or passive, and the entry point :meth:`VerbRoleReader.roles`
for any trigger.
"""

from __future__ import annotations

from typing import Any

from factiongraph.extract.events.noun_roles import NounRoleReader
from factiongraph.extract.events.participants import find_modifiers
from factiongraph.extract.events.reader_base import Arguments, Token, entity_type_of, phrase_root, phrase_text, trigger_head
from factiongraph.extract.events.role_words import (
    ACTOR_PREPS, AFFILIATION_PARTICIPLES, AGAINST_VERBS, ANSWER_NOUNS, ASPECT_VERBS, ASSAULT_VERBS, ATTACK_NOUNS,
    BELIEF_WORDS, CONDEMN_VERBS, FALL_VERBS, FIRE_SETTERS, FIRE_WORDS, GROUP_TYPES, HITTING_VERBS, HOST_NOUNS,
    LANDING_VERBS, LAUNCHED_MEANS, LEAVING_VERBS, MEASURE_LABELS, MEMBER_HEADS, OUTCOME_LABELS, PARTICIPANT_TYPES,
    PARTY_LABELS, OWNED_TARGETS, PEOPLE_HEADS, PURPOSE_LABELS, ROLE_HEADS, SELF_CHANGES, SITE_NOUNS, SURVIVE_VERBS,
    TARGET_PREPS, THREATENED_ACTS, UNDERGONE_ATTACKS)
from factiongraph.model import Mention


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


class VerbRoleReader(NounRoleReader):
    """Reads the roles of a verb trigger; :meth:`roles` reads any trigger."""

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
                                        if m.entity_id and entity_type_of(self.ctx, m) in GROUP_TYPES])
        if label in ("meeting", "visit") and args.actors:
            self._met_there(self.sx.clause_verb(head), args)
        clause = self.sx.clause_verb(head)
        if violent and not args.actors:
            # "a drone strike killed X on Sunday, in an attack officials attributed to Israel": the
            # author the clause's "in an attack ..." phrase names
            # (", security sources said, in an attack ...": the phrase hung on the speech tag)
            hosts = [clause, *(c for c in clause.children if c.dep_ == "parataxis")]
            args.add("actor", [a for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                               for o in p.children if o.dep_ == "pobj" and o.lower_ in HOST_NOUNS
                               for a in self.relative_authors(o) if a not in args.targets])
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
        under = [o for _p, o in self.sx.prep_objects(verb, ("under",)) if o.lower_ in UNDERGONE_ATTACKS]
        if under and not self.sx.objects(verb):
            # "a PMF post came under attack by ISIS remnants": the subject was hit, the "by" phrase
            # (on the verb or on the attack) attacked
            self._target(args, subjects)
            # ("from ISIS militants", not "from Syria": a land names where it came from)
            args.add("actor", [a for h in [verb, *under] for p, o in self.sx.prep_objects(h, ("by", "from"))
                               if p == "by" or (m := self.sx.mention_at(o)) is None
                               or entity_type_of(self.ctx, m) in GROUP_TYPES
                               for a in self._means_actors(o) if a not in args.targets])
            return
        passive = self.sx.is_passive(verb) or self._bare_participle(verb, subjects)
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
                args.unnamed_actor = phrase_text(agents[0])
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
            # "last week's attack by ISIS on a PMF outpost left five dead", "an attack carried out by
            # ISIS against a Peshmerga post killed two": the attack's own roles
            for subject in subjects:
                if subject.lower_ in ATTACK_NOUNS and self.sx.mention_at(subject) is None:
                    told = Arguments()
                    self._noun_roles(subject, told, label)
                    if not self.ids(subjects):
                        named.extend(a for a in told.actors if a not in named)
                    args.add("target", [t for t in told.targets if t not in named])
            args.add("actor", named)
            if subjects and not named:
                args.unnamed_actor = phrase_text(subjects[0])
            self._target(args, self.sx.objects(verb) or self._shared_objects(verb))
            if not args.targets:
                args.add("target", self._members_of_coordinated(verb))
            if not args.targets:
                args.add("target", self._listed_occupants(verb))
            if verb.lower_ in LANDING_VERBS and not args.targets:
                # "rockets fell near the US embassy", "an IED exploded near an army patrol", "went
                # off inside the base": the facility or force it came down at (not a town or a street)
                self._target(args, self._landed_at(verb))
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
                found = sorted(self.sx.mentions_in(obj), key=lambda m: (m.start, -m.end))
                # "sanctions on Babylon Brigades leader Rayan al-Kildani", "on Iran's IRGC": the one
                # named, not the organisation or state its title or possessive names
                titled = find_modifiers(self.ctx, self.ctx.document.text, found)
                args.add("target", [m.entity_id for i, m in enumerate(found)
                                    if m.entity_id and entity_type_of(self.ctx, m) in PARTICIPANT_TYPES
                                    and not self._in_as_phrase(m, obj) and i not in titled])

    def _bare_participle(self, verb: Token, subjects: list[Token]) -> bool:
        """Return True for a headline's bare participle the parser read as an active verb ("KDP office
        attacked in Kirkuk", "US base struck in Syria"): a verb of hitting with no object, no
        auxiliary and a site as its subject, which cannot have done the hitting."""
        return (verb.lower_.endswith("ed") or verb.lower_ in ("struck", "hit", "shot")) and bool(subjects) \
            and verb.lower_ in HITTING_VERBS | ASSAULT_VERBS and not self.sx.objects(verb) \
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "agent") for c in verb.children) \
            and all(s.lower_ in OWNED_TARGETS | SITE_NOUNS and s.lower_ not in PEOPLE_HEADS for s in subjects)

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

    def _members_of_coordinated(self, verb: Token) -> list[str]:
        """Return the group whose unnamed members a verb takes, named by the verb coordinated with
        it ("raided a Kataib Hezbollah headquarters and detained 14 members": KH's members)."""
        objects = self.sx.objects(verb)
        if not objects or not all(o.lower_ in MEMBER_HEADS | PEOPLE_HEADS and not self.sx.phrase_mentions(o)
                                  for o in objects):
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

    def _in_as_phrase(self, m: Mention, top: Token) -> bool:
        """Return True for a mention inside an "as" phrase below ``top``: the status something is
        given, which only refers to others ("formalised the PMF as a structure parallel to the
        Ministry of Defence": the ministry is no one the bill is about)."""
        t = phrase_root(self.sx.doc, m.start, m.end)
        for _ in range(12):
            if t is None or t.i == top.i or t.head.i == t.i:
                return False
            if t.dep_ == "prep" and t.lower_ == "as":
                return True
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
