"""Targets of a trigger and the sides told beside it: who or what was aimed at, occupants and owners
of a site, the means a state acted with, victims' groups, "with" sides of meetings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factiongraph.extract.events.reader_base import Arguments, Token, entity_type_of
from factiongraph.extract.events.role_words import (
    ACTOR_PREPS, AIMING_PARTICIPLES, AIM_WORDS, BACKING_WORDS, FIRED_MEANS, FORCE_HOLDERS, GROUP_ANAPHORS, GROUP_TYPES,
    GUEST_VERBS, HOST_NOUNS, LANDING_PREPS, LANDING_VERBS, MEET_VERBS, OWNED_TARGETS, PRONOUNS, ROLE_HEADS, SHOT_MEANS,
    SITE_NOUNS, STATE_DEEDS, STATE_TARGETS, TIME_HEADS)
from factiongraph.extract.events.state_forces import ForceReader
from factiongraph.model import EntityType


# Verbs of a stance on a happening, or of telling it: their subject did not do it ("the attack,
# which the KRG condemned", "the strike, which Washington blamed on X").
STANCE_VERB = re.compile(r"^(?:condemn|denounc|criticiz|criticis|welcom|prais|hail|den[iy]|reject|investigat|report|"
                         r"describ|call|mourn|blam|accus|attribut|confirm|deplor|decr[iy]|protest)\w*$")


class TargetReader(ForceReader):
    """Reads targets, means and sides."""

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
                if found is not None and found.entity_id and entity_type_of(self.ctx, found) in kinds:
                    return [str(found.entity_id)]
        return []

    def _landed_at(self, verb: Token) -> list[Token]:
        """Return the facility or force a means came down or went off at ("rockets fell near the US
        embassy", "an IED exploded near an army patrol", "went off inside the base"); not a town,
        a street or a field."""
        if verb.lower_ not in LANDING_VERBS:
            return []
        hosts = [verb, *(c for c in verb.children if c.dep_ == "prt" and c.lower_ == "off")]
        return [o for h in hosts for _p, o in self.sx.prep_objects(h, LANDING_PREPS)
                if self._is_facility_token(o) or self.sx.mention_at(o) is None and o.lower_ in OWNED_TARGETS | STATE_TARGETS]

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
                for m in self.sx.phrase_mentions(c) if m.entity_id and entity_type_of(self.ctx, m) in GROUP_TYPES]

    def victim_groups(self, token: Token) -> list[str]:
        """Return the groups a victim's apposition names ("X, a senior commander of Y" -> Y)."""
        out: list[str] = []
        for child in token.children:
            if child.dep_ == "appos":
                for _p, obj in self.sx.prep_objects(child, ("of", "in", "from")):
                    out.extend(m.entity_id for m in self.sx.phrase_mentions(obj)
                               if m.entity_id and entity_type_of(self.ctx, m) in GROUP_TYPES)
        return out

    def _means_actors(self, token: Token) -> list[str]:
        """Return who used a means ("missiles fired by X", "a US drone", "Israeli warplanes")."""
        ids = self.ids([token]) or self.state_of_means(token, STATE_DEEDS) or self.capital_state(token)
        if ids:
            return ids
        for child in token.children:
            if child.dep_ in ("acl", "relcl") and child.lower_ not in BACKING_WORDS:
                # "missiles fired by X", "rockets which X fired"; not "militias backed by Iran" (a
                # backer), nor "the attack, which the KRG condemned" (a stance on it)
                said = child.dep_ == "relcl" and STANCE_VERB.match(child.lower_) is not None
                ids = self.ids(self.sx.agents(child)) or self.ids(self.sx.subjects(child)
                                                                  if child.dep_ == "relcl" and not said else [])
                if ids:
                    return ids
        if token.lower_ in SHOT_MEANS:
            # "killed by sniper fire from ISIS militants": whose fire it was (not the land it came
            # from: "shelling from Iran" names no group)
            ids = [i for _p, o in self.sx.prep_objects(token, ("from",))
                   if (m := self.sx.mention_at(o)) is None or entity_type_of(self.ctx, m) in GROUP_TYPES
                   for i in self.ids([o])]
            if ids:
                return ids
        if token.lower_ in FIRED_MEANS:
            # "the coalition said its aircraft had killed ...": the means' owner the pronoun stands for
            for child in token.children:
                if child.dep_ == "poss" and child.lower_ in ("its", "their", "our"):
                    owner = self.antecedent(child)
                    if owner is not None and owner.entity_id and entity_type_of(self.ctx, owner) in FORCE_HOLDERS | GROUP_TYPES:
                        return [str(owner.entity_id)]
        return []

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

    def _met_there(self, verb: Token, args: Arguments) -> None:
        """Add whom a visitor met there: "visited Baghdad on Sunday, where he met X", "made a visit to
        Baghdad, where he met X", "arrived in Baghdad, meeting X" (ACLED: all who meet act)."""
        for clause in verb.subtree:
            if clause.lower_ in MEET_VERBS and clause.i > verb.i and (
                    clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children)
                    or clause.dep_ in ("advcl", "conj") and clause.head.i == verb.i):
                args.add("actor", self.ids(self.sx.objects(clause)))

    def _aiming_objects(self, verb: Token) -> list[Token]:
        """Return what a participle after the verb says it was aimed at ("an IED exploded targeting
        a vehicle belonging to the army", "a drone crashed, hitting a house")."""
        return [o for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                and c.lower_ in AIMING_PARTICIPLES for o in self.sx.objects(c)]
