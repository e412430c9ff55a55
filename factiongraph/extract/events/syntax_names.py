"""Which entities a phrase of the parse names: mentions under a token, antecedents of pronouns and
bare group words, speakers of the clause a token sits in.
"""

from __future__ import annotations

import re

from typing import Any

from factiongraph.extract.events.bodies import coalition
from factiongraph.extract.events.reader_base import ReaderBase, Token, entity_type_of
from factiongraph.extract.events.role_words import (
    AFFILIATION_PARTICIPLES, ANNOUNCE_VERBS, BODY_ANAPHORS, CIVILIAN_HEADS, CLAUSE_INNER_DEPS, FACILITY_LEVELS,
    GROUP_ANAPHORS, GROUP_TYPES, MEMBER_HEADS, NONSTATE_HEADS, PARTICIPANT_TYPES, PEOPLE_HEADS, PERSON_ANAPHORS,
    PERSON_REACH, PRONOUNS, ROLE_HEADS, SPEAKER_PRONOUNS, SPEAKING_VERBS, SUPPORTER_HEADS, SUSPICION_WORDS,
    TIE_WORDS)
from factiongraph.model import EntityType, Mention


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


class NameReader(ReaderBase):
    """Reads which entities a phrase names."""

    def capital_state(self, token: Token) -> list[str]:
        """Return the state a capital written as an agent stands for ("Washington imposed sanctions",
        "designated by Washington": the United States); a capital as a target stays a place."""
        m = self.sx.mention_at(token)
        return self.capital_state_of(m) if m is not None else []

    def capital_state_of(self, m: Mention) -> list[str]:
        """Return the state whose capital ``m`` names, if it is one."""
        if entity_type_of(self.ctx, m) is not EntityType.PLACE or not m.entity_id:
            return []
        state = _capitals(self.ctx.kb).get(m.entity_id)
        return [state] if state else []

    def is_facility(self, m: Mention) -> bool:
        """Return True for a place an attack can be aimed at (a base, an embassy, an airport)."""
        if entity_type_of(self.ctx, m) is not EntityType.PLACE:
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
                  and entity_type_of(self.ctx, m) in types and m.entity_id]
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
                if m.entity_id and entity_type_of(self.ctx, m) in GROUP_TYPES | {EntityType.COUNTRY}]

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
                kind = entity_type_of(self.ctx, m)
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
                  and entity_type_of(self.ctx, m) in GROUP_TYPES]
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
                  and entity_type_of(self.ctx, m) is EntityType.STATE_BODY]
        for m in reversed(bodies):
            if start - m.end > 1500:
                break
            entity = self.ctx.entity(m.entity_id)
            names = [m.text, *((entity.name, *entity.aliases) if entity is not None else ())]
            if any(re.search(rf"\b{re.escape(word)}\b", n, re.IGNORECASE) for n in names):
                return m
        near = [m for m in bodies if start - m.end <= 400]
        return near[-1] if near else None

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
                 if (entity_type_of(self.ctx, m) in types or self.is_facility(m))
                 # "the commander of X, Qassim Musleh": the person the role names, not X
                 and (own is not None or token.lower_ not in ROLE_HEADS
                      or entity_type_of(self.ctx, m) is EntityType.PERSON)
                 # "Sadr's supporters" are not Sadr; "Kataib Hezbollah fighters" are Kataib Hezbollah
                 and (own is not None or token.lower_ not in MEMBER_HEADS
                      or entity_type_of(self.ctx, m) is not EntityType.PERSON
                      # "Asaib Ahl al-Haq's leader Qais al-Khazali": the title's own name after it
                      or token.lower_ in ROLE_HEADS and m.start > token.idx)
                 # "a US defense contractor", "two Turkish citizens": civilians are not their state
                 and (own is not None or token.lower_ not in CIVILIAN_HEADS
                      or entity_type_of(self.ctx, m) is not EntityType.COUNTRY)
                 # "Iraq's state-sanctioned militias", "Iran's proxies": armed groups, not the state
                 and (own is not None or token.lower_ not in NONSTATE_HEADS
                      or entity_type_of(self.ctx, m) is not EntityType.COUNTRY)]
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
            speakers = [m for m in self._speakers_of_clause(token) if entity_type_of(self.ctx, m) in types]
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
                        if entity_type_of(self.ctx, m) is EntityType.PERSON]
            # "The commander of Iran's Quds Force, Esmail Qaani, arrived": the name the parser hung
            # on the organisation is the holder of the role
            return [m for _p, o in self.sx.prep_objects(token, ("of",)) for c in o.children
                    if c.dep_ == "appos" and c.i > o.i and (m := self.sx.mention_at(c)) is not None
                    and entity_type_of(self.ctx, m) is EntityType.PERSON and m.entity_id][:1]
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
                            for m in self.sx.phrase_mentions(o) if entity_type_of(self.ctx, m) in GROUP_TYPES]
                    if tied:
                        return tied
            # "militants, who officials said belonged to X, ...", "arrested the men, who belong to
            # X": the group a relative clause ties them to
            for clause in (c for c in token.children if c.dep_ == "relcl"):
                for tie in clause.subtree:
                    if tie.lower_ in AFFILIATION_PARTICIPLES or tie.lower_ in ("belong", "belonged", "belongs"):
                        tied = [m for _p, o in self.sx.prep_objects(tie, ("to", "with"))
                                for m in self.sx.phrase_mentions(o) if entity_type_of(self.ctx, m) in GROUP_TYPES]
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
                if m is not None and entity_type_of(self.ctx, m) in GROUP_TYPES:
                    return [m]
            # "X said its fighters launched drones": the group the pronoun stands for
            # "X said four of its fighters were killed": the same, for the members a number counts
            counted = token.dep_ == "pobj" and token.head.lower_ == "of"
            for child in token.children if token.dep_ in ("nsubj", "nsubjpass") or counted else ():
                if child.dep_ == "poss" and child.lower_ in ("its", "their", "our"):
                    found_group = self.antecedent(child)
                    if found_group is not None and entity_type_of(self.ctx, found_group) in GROUP_TYPES | {EntityType.COUNTRY}:
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
                found = [m for m in self.sx.phrase_mentions(obj) if entity_type_of(self.ctx, m) in types]
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
                found = [m for m in self.names(prev, types) if entity_type_of(self.ctx, m) in GROUP_TYPES]
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
                        and entity_type_of(self.ctx, own) in GROUP_TYPES and entity_type_of(self.ctx, named) in GROUP_TYPES:
                    found = [m for m in found if m.start != own.start]
        return found
