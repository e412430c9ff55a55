"""Who speaks, read from the dependency parse: the subject, agent or "according to" object of a cue.

One noun phrase (its head token) becomes zero or more :class:`Speaker` records:

- a name ("Kataib Hezbollah said", "said Hadi al-Amiri"), or several ("A and B condemned");
- a pronoun or a definite description ("he", "it", "the group", "the ministry"): the last
  speaker it can mean (:meth:`QuoteSubjects.resolve_pronoun`);
- an office speaking for its organisation ("a Pentagon spokesman", "the ministry's statement"):
  the organisation; "the statement" alone: the last organisation that spoke;
- an unnamed source ("a security source", "two Iraqi officials", "witnesses", "Sources in the
  Popular Mobilization"): no entity, the phrase as written as ``speaker_role``, anonymous; "the
  source"/"the same sources" later in the document is the same source;
- a collective with its members listed ("several factions, including A and B"): each member.

Vias read from the parse live here too (:meth:`parsed_via`): an outlet reached from the verb
through the attribution's own words ("told X", "in an interview with X", "on X", "in a
statement carried by X"), never through the reported words.

Speakers told by description live in :mod:`speaker_descriptions`, those told by a title in
:mod:`speaker_titles`; :class:`SyntaxSpeakers` builds on both.
"""

from __future__ import annotations

import re

from factiongraph.extract.quotes.patterns import singular, Speaker
from factiongraph.extract.quotes.speaker_descriptions import (
    CHANNEL_HEADS, DEFINITE, GROUP_NOUNS, INDEFINITE, ISSUING, NO_OUTLET_HEADS, NOT_VIA, OBJECT_PRONOUNS, ON_AIR,
    PARTICLE_NAME, POSSESSIVE_PRONOUNS, PRONOUNS, QUANTIFIERS, RELAY_PARTICIPLES, STATE_BODY_NOUNS, STATE_NOUNS,
    Token, VIA_LINKS, VOICES)
from factiongraph.extract.quotes.speaker_titles import SpeakerTitles
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention


class SyntaxSpeakers(SpeakerTitles):
    """Resolve the noun phrases a parse gives as subjects of saying into speakers."""

    # -- one noun phrase ------------------------------------------------------------------
    def speakers_of(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                    seen: list[Speaker], roles: dict[str, str], *, kinds: frozenset[EntityType] = VOICES,
                    according: bool = False) -> list[Speaker]:
        """Return who the noun phrase headed by ``tok`` is as a speaker (empty: no one we can name).

        ``pos`` is where the statement is (pronouns look back from there); ``kinds`` the entity
        types a named speaker may have; ``according``: the phrase follows "according to".
        """
        low = OBJECT_PRONOUNS.get(tok.lower_, tok.lower_)  # "according to him"
        if low in PRONOUNS:
            if low == "it" and last is not None and last.anonymous and \
                    last.key.split("#")[0].removeprefix("anon:") in self.group_nouns:
                return [last]  # "a militia said ... it vowed"
            if low in ("he", "she") and self._is_person_speaker(view, last):
                main = self._governing_subject(view, syn, tok, pos, roles)
                if main is not None and last is not None and main.entity_id != last.entity_id:
                    return [main]  # "X received a delegation, during which he affirmed ...": X, not the last speaker
                lead = self._described_before(view, syn, tok, last, roles) or \
                    self._subject_before(view, syn, tok, last, roles)
                if lead is not None:  # 'X was defiant. "...," he said': X, not the last speaker
                    return [lead]
            if low in ("he", "she") and not self._is_person_speaker(view, last):
                main = self._main_subject(view, syn, tok, pos, roles)
                if main is not None:  # "X, who ..., gave them an hour, after which he would ...": X
                    return [main]
            sp = self.resolve_pronoun(view, low, pos, last, seen, roles)
            if sp is None and low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                # '"...," he said' with no person we can name (the mention finder missed "Sudani"):
                # someone said it; an unnamed person "he" may go on speaking as
                sp = Speaker(None, None, False, f"desc-person:{low}#{tok.idx}")
            return [sp] if sp is not None else []
        if low in self.observer_heads:
            return []  # "according to a correspondent at the scene": the outlet's own reporting
        if low in ("one", "some", "both", "all", "each", "none"):
            group = next((o for _, o in syn.prep_objects(tok, ("of",))), None)
            if group is not None:  # "one of them said", "one of the sources said": that source
                found = self.speakers_of(view, syn, group, pos, last, seen, roles, kinds=kinds)
                if not found and group.lower_ in self.collective_heads | self.source_heads:
                    # "one of the protesters shouted": one of a crowd no one introduced as a source
                    return [Speaker(None, self.role_text(view, tok), True, f"anon:{singular(group.lower_)}#{tok.idx}")]
                return found
        if low in CHANNEL_HEADS:  # "Kataib Hezbollah's Telegram channel said": its owner speaks, on Telegram
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) in kinds
                          and view.type_of(m) is not EntityType.MEDIA_OUTLET), None)
            if owner is not None:
                eid = str(owner.entity_id)
                return [Speaker(eid, roles.get(eid), False, eid)]
            group = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in self.group_nouns), None)
            if group is not None:  # "the group's Telegram channel said": the group last named
                sp = self.resolve_pronoun(view, f"the {group.lower_}", pos, last, seen, roles)
                return [sp] if sp is not None else []
        place = syn.mention_at(tok)
        if tok.text[:1].isupper() and place is not None and view.type_of(place) is EntityType.PLACE:
            unnamed = self._unnamed_by_surname(tok.lower_, seen)
            if unnamed is not None:  # "Renad Mansour, who ..., said ... Mansour said": not the district
                return [unnamed]
        named = self._named_head(view, syn, tok, kinds, roles)
        if named is not None:
            return [named]
        if low in self.statement_nouns or low in self.finding_nouns:
            return self._statement_owner(view, syn, tok, pos, last, seen, roles, kinds,
                                         look_back=low not in self.finding_nouns)
        if low in self.spokes_nouns:
            named = self._named_spokesperson(view, syn, tok)
            if named is not None:
                return [named]
            owner = self._owner(view, syn, tok, kinds)
            if owner is not None:
                eid = str(owner.entity_id)
                return [Speaker(eid, self.role_text(view, tok), False, eid)]
            holder = next((h for c in [*(c for c in tok.children if c.dep_ == "poss"),
                                       *(o for _, o in syn.prep_objects(tok, ("of",)))]
                           for h in [self._title_holder(view, c, pos, seen, roles)] if h is not None), None)
            if holder is not None:  # "the prime minister's office said": the prime minister
                return [holder]
            mine = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if mine is not None:
                return self._office_owner(view, tok, "he" if mine.lower_ == "his" else "she", pos, last, seen, roles)
            if any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
                owner_org = self._governing_body(view, syn, tok, kinds)
                if owner_org is not None:  # "X released a video in which its spokesman threatened ...": X
                    return [owner_org]
        titled = self._titled_person(view, syn, tok, roles) or self._title_holder(view, tok, pos, seen, roles) \
            or self._varied_title(view, syn, tok, pos, seen, roles) or self._org_leader(view, syn, tok, pos, last,
                                                                                         seen, roles)
        if titled is not None:
            return [titled]
        if low in self.source_heads or low in self.collective_heads:
            det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod")
                        and c.lower_ in QUANTIFIERS), None)
            members = self._listed_members(view, syn, tok, kinds, roles) if det is not None else []
            if members:  # "several factions, including A and B, said": A and B
                return members
            owner = next((m for _, o in syn.prep_objects(tok, ("of",)) for m in syn.phrase_mentions(o)
                          if m.entity_id and view.type_of(m) in kinds - {EntityType.PERSON}), None)
            if owner is not None and singular(low) != low:  # "officials of the KRG": the KRG speaks
                eid = str(owner.entity_id)
                return [Speaker(eid, tok.text, False, eid)]
            named = self._set_off_name(view, tok, roles) if det in INDEFINITE else None
            if named is not None:  # "A tribal leader in Basra, Sheikh X, told ...": X
                return [named]
            source = self._anonymous(view, tok, seen)
            if det in DEFINITE and low in self.collective_heads and source.key.split("#")[-1] == str(tok.idx):
                return []  # "the militias said" with no militias introduced: no one in particular
            return [source]
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if low in self.body_nouns and low not in self.group_nouns and det in DEFINITE \
                and not syn.phrase_mentions(tok, appositions=False):
            sp = self._definite_org(view, tok, pos, seen, roles, named_only=True)
            if sp is not None:  # "The Security Media Cell said ... The cell added": the body named so
                return [sp]
        if low in self.group_nouns:
            if det in DEFINITE and not syn.phrase_mentions(tok, appositions=False):
                sp = self._definite_org(view, tok, pos, seen, roles)
                if sp is not None:
                    return [sp]
            elif det in ("a", "an") and not syn.phrase_mentions(tok, appositions=False):
                return [self._anonymous(view, tok, seen)]
        plural = singular(low) != low
        for m in syn.phrase_mentions(tok):
            if plural and any(c.dep_ == "poss" and syn.mention_at(c) is m for c in tok.children):
                continue  # "Iraq's allies", "Iran's proxies": others than the possessor
            if (low in self.body_nouns or low in self.role_head_words) and \
                    view.type_of(m) in (EntityType.COUNTRY, EntityType.PLACE) and any(
                    c.dep_ in ("poss", "compound", "amod") and syn.mention_at(c) is m for c in tok.lefts):
                continue  # "Turkey's defence ministry said": the ministry speaks, not Turkey
            if low in NO_OUTLET_HEADS and view.type_of(m) is EntityType.MEDIA_OUTLET and m.end <= tok.idx:
                continue  # "Türkiye's National Defence Ministry": a word of its name, not the outlet
            if low in self.role_head_words and low not in self.spokes_nouns and not plural and m.entity_id and \
                    view.type_of(m) in GROUP_NOUNS | STATE_NOUNS and any(
                    c.dep_ in ("poss", "compound", "amod") and syn.mention_at(c) is m for c in tok.lefts):
                return [self._org_title_holder(view, tok, str(m.entity_id))]  # "the PMF chairman": a person
            if m.entity_id and view.type_of(m) in kinds and not self._is_modifier_place(view, m) and \
                    not (view.type_of(m) is EntityType.COUNTRY and self._is_people(view, m)):
                eid = str(m.entity_id)
                return [Speaker(eid, roles.get(eid), False, eid)]
        if low in self.body_nouns and not plural:
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) in kinds and view.type_of(m) not in (
                              EntityType.PERSON, EntityType.PLACE, EntityType.COUNTRY, EntityType.MEDIA_OUTLET)), None)
            if owner is not None:  # "the PMF's Dhi Qar directorate rejected ...": a body of the PMF speaks for it
                eid = str(owner.entity_id)
                return [Speaker(eid, self.role_text(view, tok), False, eid)]
        if tok.text[:1].isupper() and tok.i > 0:
            sp = self._by_surname(view, tok.text, seen)
            if sp is not None:
                return [sp]
        described = self._described(view, syn, tok, seen, kinds) or self._someone(view, syn, tok, seen, roles)
        first = next(t for t in tok.subtree if t.dep_ != "det")
        affiliation = self._affiliation(view, syn, tok)  # "X of Chatham House": where X works
        # "Renad Mansour, who heads ...": a relative clause tells about the name, it is no part of it
        who = [c for c in tok.rights if c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose")
               and tok.doc[c.left_edge.i - 1].text == ","]
        aside = affiliation | {t.i for c in who for t in c.subtree}
        if described is None and tok.dep_ in ("nsubj", "pobj") and all(
                view.type_of(m) in (EntityType.PLACE, EntityType.COUNTRY) and m.start > first.idx
                for m in syn.phrase_mentions(tok) if not any(m.start <= tok.doc[k].idx < m.end for k in aside)
        ):  # "Renad Mansour", "Anbar Provincial Council": no place speaks
            name = self._unknown_name(tok, aside)
            if name is not None:  # "International Christian Concern said": a name we do not know, as written
                kind = "desc-person" if PARTICLE_NAME.search(name) or who else "desc-body"  # "Mahdi Taqi al-Amirli"
                title = next((c for c in tok.rights if c.dep_ == "appos" and c.text[:1].islower()), None)
                role = self.role_text(view, title) if title is not None else name  # "X, commander of Y, said"
                if title is None and affiliation:  # "Renad Mansour of Chatham House"
                    role = view.text[tok.doc[tok.left_edge.i].idx:self._token_end(tok.doc[max(affiliation)])]
                described = Speaker(None, role, False, f"{kind}:{name.lower()}#{tok.idx}")
        if described is None:
            described = self._unknown_person(view, syn, tok)
        return [described] if described is not None else []

    def _org_title_holder(self, view: DocView, tok: Token, org: str) -> Speaker:
        """Return who a title an organisation's name qualifies is ("the PMF chairman said"): the one
        person the document names whom the knowledge base gives that title in it that year, else
        someone unnamed described by the title."""
        role = self.role_text(view, tok)
        holders = [r.id for r in self.kb.role_holders(tok.text, org, view.year) if view.ctx.entity(r.id) is not None]
        if len(holders) == 1:
            return Speaker(holders[0], role, False, holders[0])
        return Speaker(None, role, False, f"desc-person:{tok.lower_}#{tok.idx}")

    def _owner(self, view: DocView, syn: Syntax, tok: Token, kinds: frozenset[EntityType]) -> Mention | None:
        """Return the organisation an office or statement belongs to ("a Pentagon spokesman",
        "the ministry's statement", "a statement by X", "the spokesman of X")."""
        for m in syn.phrase_mentions(tok, appositions=False, conjuncts=False):
            if m.entity_id and view.type_of(m) in kinds and view.type_of(m) is not EntityType.PERSON:
                return m
        objects = [obj for _, obj in syn.prep_objects(tok, ("of", "for", "by", "from"))]
        relayed = {a.i for a in self._relay_agents(view, syn, tok)}
        objects += [a for c in tok.children if c.dep_ == "acl" for a in syn.agents(c)
                    if a.i not in relayed]  # "a statement issued by X"
        objects += [o for c in tok.children if c.dep_ == "acl" and c.lower_ == "attributed"
                    for _, o in syn.prep_objects(c, ("to",))]  # "a statement attributed to X"
        for obj in objects:
            for m in syn.phrase_mentions(obj, appositions=False, conjuncts=False):
                if m.entity_id and view.type_of(m) in kinds:
                    return m
        return None

    @staticmethod
    def _relay_agents(view: DocView, syn: Syntax, tok: Token) -> list[Token]:
        """Return the outlets that only carried the statement ``tok`` heads ("a statement carried by
        INA", "a statement published by Sabereen News"): its via, never its author."""
        found = []
        for c in tok.children:
            if c.dep_ != "acl" or c.lower_ not in RELAY_PARTICIPLES:
                continue
            for a in syn.agents(c):
                m = syn.mention_at(a) or next(iter(syn.phrase_mentions(a, appositions=False, conjuncts=False)), None)
                if m is not None and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    found.append(a)
        return found

    def _statement_owner(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                         seen: list[Speaker], roles: dict[str, str], kinds: frozenset[EntityType],
                         look_back: bool = True) -> list[Speaker]:
        """Return who a statement that "said" something is from.

        Its owner when written ("a ministry statement" after the ministry was named, "the
        group's statement", "a statement by X"), else (``look_back``) the organisation that
        spoke last.
        """
        owner = self._owner(view, syn, tok, kinds)
        if owner is None or view.type_of(owner) is EntityType.MEDIA_OUTLET:
            # "Khazali's message", "Sadr's tweet": a person's own statement; "X's Telegram post": X's,
            # on Telegram
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) is EntityType.PERSON), owner)
        if owner is not None:
            eid = str(owner.entity_id)
            return [Speaker(eid, roles.get(eid), False, eid)]
        for child in tok.children:
            if child.dep_ == "compound" and child.lower_ in STATE_BODY_NOUNS:
                # "a ministry statement": the ministry named last
                sp = self._definite_org(view, child, pos, seen, roles, named_only=True)
                if sp is not None:
                    return [sp]
            if child.dep_ in ("compound", "poss") and child.lower_ in self.group_nouns:
                sp = self.resolve_pronoun(view, f"the {child.lower_}", pos, last, seen, roles)
                return [sp] if sp is not None else []
        issuers = [issuer for _prep, issuer in syn.prep_objects(tok, ("from", "by"))]
        # "a statement issued by X", "a statement signed by X": the participle's agent issued it
        relayed = {a.i for a in self._relay_agents(view, syn, tok)}
        issuers += [a for c in tok.children if c.dep_ == "acl" and c.lower_ in ISSUING for a in syn.agents(c)
                    if a.i not in relayed]
        for issuer in issuers:
            found = self.speakers_of(view, syn, issuer, pos, last, seen, roles, kinds=kinds)
            named = [sp for sp in found if sp.entity_id is not None]
            if named and (issuer not in [i for _, i in syn.prep_objects(tok, ("from", "by"))]
                          or issuer.lower_ in self.spokes_nouns):  # "a statement from the office of X": X
                return named[:1]
            if not named and found and issuer.lower_ in self.collective_heads | self.source_heads:
                return found[:1]  # "statements issued by several groups": those groups, unnamed
            owned = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in issuer.children)
            if (issuer.text[:1].isupper() or issuer.lower_ in self.body_nouns) and issuer.is_alpha and not owned and \
                    not any(view.type_of(m) in kinds for m in syn.phrase_mentions(issuer)):
                # "a statement from the Nineveh Operations Command", "a statement from the region's interior
                # ministry": a body no entity names, described
                text = self.role_text(view, issuer)
                text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
                return [Speaker(None, text, False, f"desc-body:{text.lower()}#{issuer.idx}")]
        if not look_back:
            return []
        if seen and self._person_issued(view, tok, seen[-1]):
            return [seen[-1]]  # "X said in a statement that ... The statement added": X's statement
        for sp in reversed(seen):
            ent = view.entity(sp.entity_id)
            if ent is not None and ent.type is not EntityType.PERSON:
                return [sp]
            if sp.entity_id is None and not sp.anonymous and sp.role:
                return [sp]  # "the office of the governor said in a statement ... The statement added"
        # "X issued a statement on Monday. '...,' the statement said": the organisation just named, when
        # the sentence or the two before speak of such a text ("Forces found a launcher. The report
        # showed ...": no report of theirs)
        sp = self.resolve_pronoun(view, "it", pos, None, seen, roles) if self._noun_before(tok) else None
        if sp is None and relayed:  # "A statement carried by INA said": an unnamed author, never INA
            sp = Speaker(None, tok.lower_, True, f"anon:{tok.lower_}#{tok.idx}")
        return [sp] if sp is not None else []

    @staticmethod
    def _noun_before(tok: Token) -> bool:
        """Return True when the noun ``tok`` is also written before it, in its sentence or the two before
        (a quotation of two sentences may stand between: 'X released a statement. "A. B," the statement said')."""
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        lo = sents[max(0, here - 2)].start
        return any(t.lower_ in (tok.lower_, singular(tok.lower_)) or singular(t.lower_) == singular(tok.lower_)
                   for t in tok.doc[lo:tok.i])

    @staticmethod
    def _person_issued(view: DocView, tok: Token, sp: Speaker) -> bool:
        """Return True when the person ``sp`` (the latest speaker) issued the statement ``tok``
        names again: one of the two sentences before holds the same noun ("statement") and the
        person, by name or as "he"/"she"/"his" ("X said in a statement ...", "In a statement, his office
        said")."""
        ent = view.entity(sp.entity_id)
        if ent is None or ent.type is not EntityType.PERSON:
            return False
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        for st in sents[max(0, here - 2):here]:
            if not any(t.lower_ == tok.lower_ for t in st):
                continue
            if any(t.lower_ in ("he", "she", "his", "her") for t in st) or any(
                    m.entity_id == sp.entity_id and st.start_char <= m.start < st.end_char for m in view.ctx.mentions):
                return True
        return False

    # -- the outlet that relayed the words -----------------------------------------------
    def subject_channel(self, view: DocView, syn: Syntax, subjects: list[Token]) -> str | None:
        """Return the platform of a subject that is someone's own channel or post ("Kataib
        Hezbollah's Telegram channel said", "X's Telegram post accused ...": Telegram), or None."""
        for s in subjects:
            if (s.lower_ not in CHANNEL_HEADS and s.lower_ not in self.statement_nouns) or \
                    not any(c.dep_ == "poss" for c in s.children):
                continue
            for c in s.children:
                m = syn.mention_at(c) if c.dep_ in ("compound", "nmod", "amod") else None
                if m is not None and m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    return str(m.entity_id)
        return None

    def parsed_via(self, view: DocView, syn: Syntax, verb: Token, skip: set[int]) -> str | None:
        """Return the outlet the attribution around ``verb`` names, reached through its own words.

        ``skip``: token indices of the reported words and the speaker, never searched.
        """
        def follows(c: Token) -> bool:
            if c.i in skip or c.dep_ not in VIA_LINKS:
                return False
            if c.dep_ == "prep" and c.lower_ in NOT_VIA and not any(
                    o.dep_ == "pobj" and o.lower_ in ON_AIR for o in c.children):
                return False  # "during an interview with X", "during an appearance on X" lead on
            return c.dep_ != "acl" or c.lower_ in RELAY_PARTICIPLES

        stack = [c for c in verb.children if follows(c)]
        steps = 0
        while stack and steps < 40:
            t = stack.pop(0)
            steps += 1
            m = syn.mention_at(t)
            if m is not None and m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET:
                return str(m.entity_id)
            stack.extend(c for c in t.children if follows(c))
        return None
