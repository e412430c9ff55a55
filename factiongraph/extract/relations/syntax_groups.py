"""Parse-based relation families between groups: affiliates, fronts, splits, control.

Each family reads one parsed sentence (:class:`SentenceArgs`) from its predicate words (the
``syntax`` vocabulary of ``rules/relations.yaml``) to their arguments, so the same rule holds
whether the fact is written as a premodifier ("Iran-backed Kataib Hezbollah"), an apposition
("Kataib Hezbollah, an Iranian-backed militia"), a participle ("militias backed by Iran such as
A and B"), a relative clause ("A, which falls under the PMF") or a copula ("A is part of Y").

The predicate follows the types the guidelines give: a country or state body backs a group
(``backed_by``); a group is ``affiliated_with`` a group; a person or state body ``commands``.
Backing and alignment are in ``syntax_backing.py``, umbrellas (``part_of``) in
``syntax_umbrellas.py``, places in ``syntax_places.py``; this class holds the helpers they share.
"""

from __future__ import annotations

import re
from typing import Any

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.relations.syntax_words import SyntaxWords
from factiongraph.extract.relations.group_families import GroupFamilies
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention, Predicate

GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG})
# People who left a group and set up another: "founded by defectors from Y".
_FORMER_PEOPLE = frozenset({"defectors", "veterans", "dissidents", "commanders", "leaders", "cadres"})
# "a front for the operations of Y": a group's doings stand for the group after a cover noun.
_DEEDS = frozenset({"activities", "activity", "operations", "attacks", "actions"})
UNIT_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY})
STATE_TYPES = frozenset({EntityType.COUNTRY, EntityType.STATE_BODY})
# A state body's arm or wing of another state body is part of it (groups' arms are affiliates).
_STATE_ARMS = frozenset({"arm", "wing", "branch"})
# The possessive marks of "Y's X" as the tokenizer writes them.
# Words a coalition's name holds ("the Fatah Alliance"): its members make it, no sponsor does.
_COALITION_WORDS = frozenset({"alliance", "coalition", "framework", "umbrella", "federation", "front"})
# Words that make a tie a charge: "its alleged links to Y".
_HEDGES = frozenset({"alleged", "suspected", "purported", "rumoured", "rumored", "supposed"})
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
UMBRELLA_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY})


class SyntaxGroups(GroupFamilies):
    """Parse-based families whose subject is a group (``rel-syn-*`` producers)."""

    words: SyntaxWords

    # -- shared ---------------------------------------------------------------------------
    def backer_before_hyphen(self, view: DocView, args: SentenceArgs, tok: Token) -> Mention | str | None:
        """Return who a hyphenated premodifier names: "Iran" in "Iran-backed", "Iranian-backed"."""
        doc = args.doc
        if tok.i < 2 or doc[tok.i - 1].text not in ("-", "\u2010", "\u2011") or not args.inside(doc[tok.i - 2]):
            return None
        word = doc[tok.i - 2]
        found = args.mention_at(word)
        if found is not None and found is not args.mention_at(tok):
            return found
        # a name that holds its own premodifier ("Turkish-backed Syrian National Army" as one
        # alias): the demonym is the backer, never the name itself
        name = self.lex.demonyms.get(word.text)
        return view.lookup_name(name) if name else None

    def umbrella_of_parts(self, args: SentenceArgs, phrase: Token, m: Mention) -> bool:
        """Return True when ``m`` is a known umbrella written before a part noun that is not itself
        a name ("PMF factions"): the phrase is about the parts."""
        return m.entity_id in self.owner.umbrellas and args.mention_at(phrase) is None and (
            phrase.lower_ in self.words.part_nouns) and any(
            args.mention_at(c) is m for c in phrase.lefts if c.dep_ in ("compound", "nmod", "amod"))

    def alignment_predicate(self, view: DocView, other: Mention | str, support: bool,
                            person_leads: bool = False) -> Predicate | None:
        """Return the predicate a group has with what backs or aligns it, by that one's type.

        ``person_leads``: a person the group is affiliated with leads it ("the military wing
        affiliated with cleric X"); a "pro-X" group is only said to support X.
        """
        otype = self.type_of_id(view, other)
        if otype is EntityType.COUNTRY or (support and otype is EntityType.STATE_BODY):
            return Predicate.BACKED_BY
        if otype is EntityType.STATE_BODY and self.foreign_body(view, other):
            return Predicate.BACKED_BY  # "close to Iran's Revolutionary Guards", "IRGC-aligned"
        if otype in GROUP_TYPES or otype is EntityType.STATE_BODY:
            return Predicate.AFFILIATED_WITH  # "associated with the government", "IRGC-aligned"
        if otype is EntityType.PERSON and person_leads:
            return Predicate.LEADER_OF  # "the wing affiliated with cleric X": X leads it
        return None

    def foreign_body(self, view: DocView, item: Mention | str) -> bool:
        """Return True when a state body belongs, by the KB, to another country than the one the
        document is about (or in a text naming no country): a group aligned with it is backed from
        abroad (the IRGC in a text about Iraq), while one "associated with the government" of its
        own country is affiliated."""
        ent = self.owner.entity(view, item.entity_id if isinstance(item, Mention) else item)
        country = ent.attributes.get("country") if ent is not None else None
        return isinstance(country, str) and country != view.main_country

    def foreign_state(self, view: DocView, item: Mention | str) -> bool:
        """Return True for a country other than the document's main one, or a state body of one."""
        otype = self.type_of_id(view, item)
        if otype is EntityType.COUNTRY:
            found = item.entity_id if isinstance(item, Mention) else item
            return view.main_country is not None and found != view.main_country  # "Iran created X" in Iran's story
        return otype is EntityType.STATE_BODY and self.foreign_body(view, item)

    @staticmethod
    def where(args: SentenceArgs, m: Mention) -> bool:
        """Return True for a name that only says where ("its grip in Lebanon and Syria, and its
        allies": "its" is not Syria's)."""
        head = args.head(m)
        while head is not None and head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        return head is not None and head.dep_ == "pobj" and head.head.lower_ in ("in", "across", "inside", "throughout")

    def known_or_named(self, view: DocView, m: Mention) -> bool:
        """Return True for a mention of a KB body or a name of several words: not a lone adjective
        the finder took for a body ("the PKK's Yazidi affiliate")."""
        ent = self.owner.entity(view, str(m.entity_id))
        return (ent is not None and ent.in_kb) or len(m.text.split()) > 1

    def type_of_id(self, view: DocView, item: Mention | str) -> EntityType | None:
        """Return the type of a mention or an entity id."""
        if isinstance(item, Mention):
            return view.type_of(item)
        ent = self.owner.entity(view, item)
        return ent.type if ent is not None else None

    def as_actor(self, view: DocView, other: Mention | str) -> Mention | str:
        """Return the country a capital stands for ("Tehran's allies" -> Iran), else ``other``."""
        if isinstance(other, Mention) and view.type_of(other) is EntityType.PLACE:
            name = self.lex.demonyms.get(other.text)
            found = view.lookup_name(name) if name else None
            if found is not None:
                return found
        return other

    def emit_alignment(self, view: DocView, args: SentenceArgs, subjects: list[Mention],
                       other: Mention | str, support: bool, rule: str, *tokens: Token,
                       person_leads: bool = False) -> list[Candidate]:
        """Return ``backed_by`` / ``affiliated_with`` / ``leader_of`` candidates for a subject list."""
        other_m = other if isinstance(other, Mention) else None
        other = self.as_actor(view, other)
        pred = self.alignment_predicate(view, other, support, person_leads)
        if pred is None or (pred is Predicate.LEADER_OF and other_m is not None and self.owned_title(view, other_m)):
            return []  # "loyal to Iran's supreme leader X": X holds another body's office
        return self._aligned(args, subjects, other, other_m, pred, rule, tokens)

    def owned_title(self, view: DocView, person: Mention) -> bool:
        """Return True when a title owned by a name or demonym stands before a person ("Iran's
        supreme leader X", "Iraqi Prime Minister X"): the person's office is that body's."""
        idx = view.sentence_index(person.start)
        floor = view.sentences[idx][0] if idx >= 0 else max(0, person.start - 120)
        title = self.lex.find_title_before(view.text, person.start, floor)
        if title is None:
            return False
        before = view.text[max(floor, title.start - 40):title.start]
        return bool(re.search(r"['\u2019]s?\s*$", before)) or self.lex.demonym_before(
            view.text, title.start, floor) is not None

    def _aligned(self, args: SentenceArgs, subjects: list[Mention], other: Mention | str,
                 other_m: Mention | None, pred: Predicate, rule: str,
                 tokens: tuple[Token, ...]) -> list[Candidate]:
        """Return the candidates of an alignment whose predicate is decided."""
        out: list[Candidate] = []
        for subj in subjects:
            if args.type_of(subj) not in GROUP_TYPES:
                continue
            span = args.span_of(subj, other_m, *tokens)
            if pred is Predicate.LEADER_OF:
                out.append(self.cand(other, pred, subj, span, rule))
            else:
                out.append(self.cand(subj, pred, other, span, rule))
        return out

    def is_negated(self, tok: Token) -> bool:
        """Return True when the clause of ``tok`` is negated ("is not backed by")."""
        for t in (tok, tok.head):
            if any(c.dep_ == "neg" for c in t.children):
                return True
        return SentenceArgs.denied(tok)  # "X denied it had joined Y"

    def pobj_names(self, args: SentenceArgs, prep: Token) -> list[Mention]:
        """Return the names under a preposition (lists and "known as" included)."""
        out: list[Mention] = []
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                out.extend(args.members(pobj) or args.named_as(pobj) or self.titled_person(args, pobj))
        return out

    @staticmethod
    def titled_person(args: SentenceArgs, noun: Token) -> list[Mention]:
        """Return the person named right after a lower-case noun the parser took for the whole
        object ("loyal to cleric Moqtada al-Sadr" with the name hung elsewhere)."""
        if args.mention_at(noun) is not None or not noun.text.islower():
            return []
        return [m for m in args.name_after(noun) if args.type_of(m) is EntityType.PERSON]

    # -- affiliation ----------------------------------------------------------------------
    @staticmethod
    def right_before(args: SentenceArgs, tok: Token) -> list[Mention]:
        """Return the mention written just before ``tok`` with at most a comma between ("the
        Sadrists, whose ...": the parse may hang the clause elsewhere)."""
        text = args.view.text
        return [m for m in args.ms if m.end <= tok.idx and text[m.end:tok.idx].strip() in ("", ",")][-1:]

    def titled_affiliate(self, view: DocView, args: SentenceArgs, noun: Token) -> list[Candidate]:
        """Return the affiliation an affiliate noun written before a name states with the noun's
        owner: "the PKK and its Syrian offshoot YPG", "Iran's proxy Kataib Hezbollah"."""
        named = args.mention_at(noun.head)
        if named is None or args.negated(noun.head):
            return []
        others: list[Mention] = []
        for child in (*noun.children, *noun.head.children):
            if child.dep_ != "poss" or child.i > noun.i:
                continue
            if child.lower_ in ("its", "their"):
                others += [m for m in args.ms if m.end <= child.idx and not self.where(args, m) and
                           self.type_of_id(view, self.as_actor(view, m)) in STATE_TYPES | GROUP_TYPES][-1:]
            else:
                others += args.named(child)
        return [c for other in others if other.entity_id != named.entity_id
                for c in self.emit_alignment(view, args, [named], other, False, "rel-syn-modifier", noun)]

    def syn_affiliate(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, a proxy of Iran", "X, the military wing of Y", "Iran's proxies, including A and B",
        "an Iranian proxy", "a splinter group of Y", "X has ties to Y"."""
        out: list[Candidate] = []
        words = self.words
        seen: set[int] = set()
        for found in args.tokens_in(words.affiliate_triggers):
            tok = found
            if found.dep_ in ("compound", "amod") and found.lower_ in words.affiliate_nouns and found.head.i > found.i:
                tok = found.head  # "a splinter group of Y"
                if args.mention_at(tok) is not None and tok.i not in seen:
                    seen.add(tok.i)
                    out.extend(self.titled_affiliate(view, args, found))  # "its Syrian offshoot YPG"
                    continue
            if args.mention_at(tok) is not None or tok.i in seen:
                continue
            seen.add(tok.i)
            low = tok.lower_
            if low in words.link_nouns:
                out.extend(self.ties(view, args, tok))
                continue
            modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
            political_front = (low in words.front_nouns or low in words.wing_nouns) and bool(
                modifiers & words.front_modifiers)
            # "X, the militia of the Sadrist movement": a party's (or a person's) own militia
            wing = tok is found and low in words.wing_nouns and low not in words.affiliate_nouns
            party_arm = wing and not political_front
            if (low not in words.affiliate_nouns and not political_front and not party_arm and tok is found) \
                    or args.negated(tok):
                continue
            others: list[Mention | str] = []
            nationality: list[str] = []  # a demonym backs only when nothing else owns the noun
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "to"):
                    others.extend(self.pobj_names(args, child))
                elif child.dep_ == "poss" and child.lower_ in ("its", "their"):
                    # "Iran and its proxies, such as A": the country or group named just before
                    # (in the sentence before when none: "X won 73 seats. Its armed wing, Y, ...")
                    before = [m for m in args.ms if m.end <= child.idx] or args.view.recent_mentions(args.start, 1)[:1]
                    owner = next((m for m in reversed(before) if
                                  self.type_of_id(view, self.as_actor(view, m)) in STATE_TYPES | GROUP_TYPES
                                  and not self.where(args, m)), None)
                    if owner is not None:
                        others.append(owner)
                elif child.dep_ == "poss" and child.lower_ == "whose":
                    # "the Sadrists, whose armed wing Saraya al-Salam ...": the name the clause hangs on
                    clause = next((h for h in (tok.head, tok.head.head) if h.dep_ == "relcl"), None)
                    others.extend(args.named(clause.head) if clause is not None else self.right_before(args, child))
                elif child.dep_ == "poss" and child.lower_ in args.anaphor_nouns and not args.named(child):
                    others.extend(args.antecedent(child))  # "The group's political wing, Y"
                elif child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < tok.i and not (
                        child.dep_ != "poss" and any(c.dep_ == "poss" and c.i < child.i for c in tok.children)):
                    # "the PKK's Yazidi affiliate": a word after the possessor only qualifies the noun
                    # "Hamas's armed wing"; "the Sadrist movement's armed wing": the name inside
                    named = args.mention_at(child) or next(iter(args.named(child)), None)
                    demonym = self.lex.demonyms.get(child.text) if child.text[:1].isupper() else None
                    if named is not None and child.dep_ != "poss" and args.type_of(named) is EntityType.PERSON \
                            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                        continue  # "a local Yazidi force": one of a kind, no person's own militia
                    if named is not None and child.dep_ != "poss" and any(
                            low in name.lower().split() for name in args.names_of(named)):
                        continue  # "the Sadrist movement": the noun ends the body's own name
                    if named is not None:
                        others.append(named)
                    elif demonym and (found := view.lookup_name(demonym)) is not None:
                        nationality.append(found)  # "an Iranian proxy"; not "Iran's Iraqi proxies"
            others = others or list(nationality)
            if wing:
                kinds = {EntityType.POLITICAL_ORG, EntityType.PERSON} if party_arm else GROUP_TYPES | {EntityType.PERSON}
                civil = political_front and bool(modifiers & words.civil_modifiers)  # "the PMF's political bloc"
                others = [o for o in others if self.type_of_id(view, o) in kinds and (civil or (
                    o.entity_id if isinstance(o, Mention) else o) not in self.owner.umbrellas) and not (
                    party_arm and isinstance(o, Mention) and not self.names_phrase(args, o))]
            if not others and low in words.reciprocal_nouns:
                out.extend(self.reciprocal(view, args, tok))
                continue
            if not others:
                continue
            subjects = [m for m in args.members(tok, own_name=False) + args.described(tok) + args.kindred(tok)
                        if m not in others]
            subjects = subjects or [m for m in args.name_after(tok) if m not in others]
            if not subjects and low in words.affiliate_nouns:
                # "Iran and its Houthi allies": a group's name after the owner's possessive is the ally
                subjects = [m for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and any(
                    p.dep_ == "poss" and p.i < c.i for p in tok.children) and (m := args.mention_at(c)) is not None
                    and args.type_of(m) in GROUP_TYPES and m not in others and self.known_or_named(view, m)]
            rule = args.description_rule(tok)
            for other in others:
                if low in _STATE_ARMS and self.type_of_id(view, other) is EntityType.STATE_BODY:
                    # "the Quds Force, the foreign operations arm of the IRGC": a body of the body
                    other_m = other if isinstance(other, Mention) else None
                    out.extend(self.cand(subj, Predicate.PART_OF, other, args.span_of(subj, other_m, tok), rule)
                               for subj in subjects if args.type_of(subj) is EntityType.STATE_BODY)
                    # "X, effectively the Iraqi arm of the Quds Force": a group is the body's affiliate
                    groups = [m for m in subjects if args.type_of(m) in GROUP_TYPES]
                    out.extend(self.emit_alignment(view, args, groups, other, False, rule, tok))
                    continue
                out.extend(self.emit_alignment(view, args, subjects, other, False, rule, tok,
                                               person_leads=True))
        return out

    def syn_cooperates(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X cooperates closely with Y", "X coordinates with Y", "X joined forces with Y": two
        groups affiliated (a state body working with a group is no affiliation)."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.cooperation_verbs | words.joint_nouns | words.close_verbs):
            if tok.lower_ in words.joint_nouns:
                verb = tok.head  # "joined forces with Y": the preposition on the noun or the verb
                if tok.dep_ != "dobj" or not verb.lower_.startswith("join"):
                    continue
                holders = [tok, verb]
            elif tok.lower_ in words.close_verbs:
                if not any(c.dep_ == "advmod" and c.lower_ in words.close_adverbs for c in tok.children):
                    continue  # "X works with Y" alone says too little; "works closely with Y"
                verb, holders = tok, [tok]
            else:
                # "X coordinates its attacks with Y": the preposition may hang on what is coordinated
                verb, holders = tok, [tok, *(c for c in tok.children if c.dep_ == "dobj")]
            if self.is_negated(verb) or verb.dep_ in ("amod", "compound", "pobj", "nsubj", "dobj"):
                continue
            # the partner is the name itself ("with the PMF command": the command, not the PMF)
            partners = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj" and args.mention_at(p) is not None
                        for m in args.members(p) if args.type_of(m) in GROUP_TYPES]
            if not partners:
                continue
            for subj in args.subjects(verb):
                out.extend(self.cand(subj, Predicate.AFFILIATED_WITH, other, args.span_of(subj, other, tok),
                                     "rel-syn-clause") for other in partners
                           if args.type_of(subj) in GROUP_TYPES and subj.entity_id != other.entity_id)
        return out

    def syn_owned_group(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"the Sadrist movement's Saraya al-Salam", "Kataib Hezbollah's Harakat Hoquq", "Asaib Ahl
        al-Haq's Sadiqoun bloc": a party's
        militia or a militia's party named with its owner's possessive -> affiliated_with (a known
        umbrella's member -> part_of). Two armed groups written together are left to
        ``rel-sub-unit``; two parties say nothing of which holds which."""
        out: list[Candidate] = []
        for case in args.tokens_in(POSSESSIVE_MARKS):
            owner_tok = case.head
            if case.dep_ != "case" or owner_tok.dep_ != "poss" or not args.inside(owner_tok.head):
                continue
            owned = args.mention_at(owner_tok.head)
            if owned is None and owner_tok.head.lower_ in self.words.wing_nouns | self.words.part_nouns:
                # "Asaib Ahl al-Haq's Sadiqoun bloc": the name before the owned group's kind
                owned = next((m for c in owner_tok.head.children if c.dep_ == "compound" and c.i > owner_tok.i
                              and (m := args.mention_at(c)) is not None), None)
            owner = args.mention_at(owner_tok) or next(iter(args.named(owner_tok)), None)
            if owned is None or owner is None or owned.entity_id == owner.entity_id:
                continue
            kinds = {args.type_of(owner), args.type_of(owned)}
            span = args.span_of(owner, owned)
            if owner.entity_id in self.owner.umbrellas and args.type_of(owned) is EntityType.ARMED_GROUP:
                out.append(self.cand(owned, Predicate.PART_OF, owner, span, "rel-syn-modifier"))
            elif kinds == GROUP_TYPES:
                out.append(self.cand(owned, Predicate.AFFILIATED_WITH, owner, span, "rel-syn-modifier"))
        return out

    def names_phrase(self, args: SentenceArgs, m: Mention) -> bool:
        """Return True when ``m`` is the whole phrase it stands in: "the Sadrist movement", not
        "a group of Sadrist movement defectors" (the defectors are no party)."""
        head = args.head(m)
        if head is None:
            return False
        phrase = args.nominal(head)
        return args.mention_at(phrase) is m or phrase.lower_ in self.words.group_part_nouns

    def syn_fronts(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X is a front for Y", "X, one of the groups experts believe are fronts for Y", "X, a
        facade used by Y", "X is a cover name for Y" -> X possibly_same_as Y (a front-group
        hypothesis; "Y's political front" is an affiliation, read by :meth:`syn_affiliate`)."""
        out: list[Candidate] = []
        words = self.words
        for found in args.tokens_in(words.cover_nouns | words.name_nouns):
            tok = found
            if found.dep_ in ("compound", "amod") and found.lower_ in words.cover_nouns \
                    and found.head.lower_ in words.group_part_nouns and args.mention_at(found.head) is None:
                tok = found.head  # "one of several front groups for Y", "Y and its front groups, such as X"
            low = found.lower_
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.i != found.i}
            if args.mention_at(tok) is not None or args.negated(tok) or mods & words.front_modifiers:
                continue
            if low in words.name_nouns and not mods & (words.name_modifiers | words.cover_nouns):
                continue  # "a name" alone is no alias
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")]
            others = [m for c in preps for m in self.pobj_names(args, c)]
            # "a label for the activities of Y": what a group does stands for the group
            others += [m for c in preps for p in c.children if p.dep_ == "pobj" and p.lower_ in _DEEDS
                       for g in p.children if g.dep_ == "prep" and g.lower_ == "of" for m in self.pobj_names(args, g)]
            others += [m for c in tok.children if c.dep_ == "acl" for a in c.children
                       if a.dep_ == "agent" for m in self.pobj_names(args, a)]  # "a facade used by Y"
            named_after: list[Mention] = []
            if tok is not found:  # "Y and its front groups": the owner of "its"
                others += [m for c in tok.children if c.dep_ == "poss" for m in self.owner_of(args, c)]
                # "a KH facade group", "Kataib Hezbollah front group X": the owner written before
                others += [m for c in (*tok.children, *found.children) if c.dep_ in ("compound", "nmod", "poss")
                           and c.i < found.i and (m := args.mention_at(c)) is not None]
                if tok.dep_ == "compound" and (m := args.mention_at(tok.head)) is not None:
                    named_after = [m]  # "... front group Saraya Awliya al-Dam"
            elif low in words.cover_nouns and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                # "X, a Kataib Hezbollah front", "a KH facade": the name written before the noun
                others += [m for c in tok.children if c.dep_ in ("compound", "nmod")
                           and (m := args.mention_at(c)) is not None]
            others = _unique_mentions([m for m in others if args.type_of(m) in GROUP_TYPES])
            if not others:
                continue
            subjects = [m for m in args.described(tok) + (args.members(tok, own_name=False) if tok is not found else [])
                        + named_after if args.type_of(m) in GROUP_TYPES and m not in others]
            for other in others:
                out.extend(self.cand(subj, Predicate.POSSIBLY_SAME_AS, other, args.span_of(subj, other, tok),
                                     args.description_rule(tok))
                           for subj in subjects if subj.entity_id != other.entity_id)
        return out

    def reciprocal(self, view: DocView, args: SentenceArgs, noun: Token) -> list[Candidate]:
        """"A and B are allies", "A and B, close partners, ...": each is affiliated with the other."""
        groups = [m for m in args.described(noun) if args.type_of(m) in GROUP_TYPES]
        if len({m.entity_id for m in groups}) != 2:
            return []  # a longer list says less about each pair
        a, b = groups
        rule = args.description_rule(noun)
        return [self.cand(a, Predicate.AFFILIATED_WITH, b, args.span_of(a, b, noun), rule)]

    def ties(self, view: DocView, args: SentenceArgs, noun: Token) -> list[Candidate]:
        """"X has ties to Y", "X, which maintains links with Y", "X, a militia with close ties to
        Y" (not "ties between A and B")."""
        verb = noun.head
        if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
            return []  # "X has no links to Y"
        if any(c.dep_ == "amod" and c.lower_ in _HEDGES for c in noun.children):
            return []  # "sanctioned for its alleged links to Tehran": a charge, not a stated tie
        if noun.dep_ == "pobj" and verb.lower_ == "with" and verb.head.dep_ in ("appos", "attr"):
            holder = verb.head  # "X, a militia with ties to Y": the phrase the name restates
            subjects = args.referents(holder)
        elif noun.dep_ == "dobj" and verb.lower_ in self.words.link_verbs and not self.is_negated(verb):
            subjects = args.subjects(verb)
        elif (poss := next((c for c in noun.children if c.dep_ == "poss"), None)) is not None \
                and not self.is_negated(noun) and not self.is_negated(verb):
            subjects = self.owner_of(args, poss)  # "Kataib Hezbollah's ties to Iran", "its links with Y"
        else:
            return []
        others = [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                  for m in self.pobj_names(args, c)]
        if not others and noun.dep_ == "dobj":  # "X pledged allegiance to Y": "to" hung on the verb
            others = [m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with") and c.i > noun.i
                      for m in self.pobj_names(args, c)]
        if not others:
            return []
        out: list[Candidate] = []
        for other in others:
            out.extend(self.emit_alignment(view, args, subjects, other, False, "rel-syn-clause", noun))
        return out

    def owner_of(self, args: SentenceArgs, poss: Token) -> list[Mention]:
        """Return the group a possessive names: a name ("X's"), "the group's", or "its"/"their" for
        the group named last before it (in the sentence, else the first of the sentence before)."""
        if poss.lower_ not in ("its", "their"):
            return [m for m in args.named(poss) or args.antecedent(poss) if args.type_of(m) in GROUP_TYPES]
        root = poss
        while root.head.i != root.i:
            root = root.head
        subject = [m for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < poss.i
                   for m in args.named(c) if args.type_of(m) in GROUP_TYPES]
        if subject:
            return subject[:1]  # "X has always claimed ..., although their ties to Y": the clause's subject
        before = [m for m in args.ms if m.end <= poss.idx and args.type_of(m) in GROUP_TYPES]
        if before:
            return before[-1:]
        earlier = [m for m in args.view.recent_mentions(args.start, 1) if args.type_of(m) in GROUP_TYPES]
        return earlier[:1]

    def syn_split(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, which split from Y", "X broke away from Y", "X emerged from Y" -> affiliated_with."""
        out: list[Candidate] = []
        for tok in args.tokens_in(self.words.split_verbs):
            if tok.lower_ not in self.words.split_verbs or self.is_negated(tok):
                continue
            sources = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "off")
                       for m in self.pobj_names(args, c)]
            sources += [m for c in tok.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("away", "off", "out")
                        for p in c.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                        for m in self.pobj_names(args, p)]  # "broke away from Y", "grew out of Y"
            groups = [m for m in sources if args.type_of(m) in GROUP_TYPES]
            if not groups:
                continue
            subjects = args.subjects(tok)
            for source in groups:
                out.extend(self.emit_alignment(view, args, subjects, source, False, "rel-syn-clause", tok))
        return out

    def syn_founded(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, a group created by Y", "X was set up by Y", "Y established X" (Y a group), "X, which
        analysts tie to Y" -> X affiliated_with Y."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.founding_verbs | words.tying_verbs):
            if self.is_negated(tok) or tok.dep_ in ("amod", "compound"):
                continue
            tying = tok.lower_ in words.tying_verbs
            if tok.lower_ == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                continue  # "set up", not "set"
            passive = tok.dep_ == "acl" or any(c.dep_ in ("auxpass", "agent") for c in tok.children)
            if tying:  # "officials tie X to Y": the object is tied to what the preposition names
                if passive:
                    continue  # "X, tied to Y" is an alignment (syn_support)
                made = [m for c in tok.children if c.dep_ == "dobj" for m in args.referents(c)]
                if not made and tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that")
                                                           for c in tok.children):
                    made = args.referents(tok.head)  # "X, which analysts tie to Y"
                makers = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                          for m in self.pobj_names(args, c)]
            elif passive:
                made = args.subjects(tok) if tok.dep_ != "acl" or self.names_a_group(args, tok.head) else []
                agents = [c for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
                makers = [m for c in agents for m in self.pobj_names(args, c) or self.people_from(args, c)]
            else:
                makers = args.subjects(tok)
                made = [m for c in tok.children if c.dep_ == "dobj" and self.names_a_group(args, c)
                        for m in args.members(c)]
            # a foreign state that set a group up backs it ("X was established by the Quds Force")
            backers = [] if tying else [m for m in makers if self.foreign_state(view, m)]
            # an umbrella's own creations are its parts, not its affiliates
            makers = [m for m in makers if args.type_of(m) in GROUP_TYPES and m.entity_id not in self.owner.umbrellas]
            made = [m for m in made if args.type_of(m) in GROUP_TYPES and not self.coalition(args, m)]
            for maker in makers + backers:
                pred = Predicate.BACKED_BY if maker in backers else Predicate.AFFILIATED_WITH
                for m in made:
                    if m.entity_id != maker.entity_id:
                        out.append(self.cand(m, pred, maker, args.span_of(m, maker, tok), "rel-syn-clause"))
        return out

    def relative_members(self, args: SentenceArgs, noun: Token) -> list[Mention]:
        """Return the names a relative clause on a plural group noun picks out of it: "factions in
        which A plays a leading role", "militias among which A is the most active" (the clause's
        subject, the relative pronoun the object of "in", "among" or "of")."""
        if noun.lower_ not in self.words.group_part_nouns | self.words.part_nouns:
            return []
        out: list[Mention] = []
        for clause in noun.children:
            if clause.dep_ != "relcl" or self.is_negated(clause) or not any(
                    c.dep_ == "prep" and c.lower_ in ("in", "among", "of") and any(
                        p.dep_ == "pobj" and p.lower_ in ("which", "whom") for p in c.children)
                    for c in clause.children):
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            out.extend(m for c in subjects[:1] for m in args.members(c) or args.named(c))
        for clause in noun.children:
            if clause.dep_ == "relcl":
                out.extend(self.which_names(args, clause))
        return out

    def which_names(self, args: SentenceArgs, clause: Token) -> list[Mention]:
        """Return the names "the largest of which are A and B" lists (the clause's subject picks
        from "which"; its complement names them; the parser may make the name a second subject of
        the copula: "the most powerful of which is A")."""
        pickers = [c for c in clause.children if c.dep_ == "nsubj" and any(
            p.dep_ == "prep" and p.lower_ in ("of", "among") and any(
                o.dep_ == "pobj" and o.lower_ in ("which", "whom") for o in p.children) for p in c.children)]
        if self.is_negated(clause) or not pickers:
            return []
        copula = clause.lower_ in ("is", "are", "was", "were")
        return [m for c in clause.children if c.dep_ == "attr" or (
            copula and c.dep_ == "nsubj" and c not in pickers) for m in args.members(c)]

    def people_from(self, args: SentenceArgs, prep: Token) -> list[Mention]:
        """Return the group whose former people a preposition's object names: "founded by former
        members of Y", "set up by defectors from Y" (the group they came from)."""
        out: list[Mention] = []
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lower_ not in self.words.holder_nouns and pobj.lower_ not in _FORMER_PEOPLE:
                continue
            out.extend(m for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for m in self.pobj_names(args, c))
        return out

    def names_a_group(self, args: SentenceArgs, tok: Token) -> bool:
        """Return True when a phrase is a name or a group noun ("a group created by Y"), not a
        thing a group made ("the checkpoint set up by Y")."""
        words = self.words
        return args.mention_at(tok) is not None or tok.lower_ in (
            words.group_part_nouns | words.anaphor_nouns | words.part_nouns | words.wing_nouns)

    def coalition(self, args: SentenceArgs, m: Mention) -> bool:
        """Return True for a body made by its members: a known umbrella, or one whose name holds a
        collective or umbrella noun ("the Fatah Alliance", "the Coordination Framework")."""
        if m.entity_id in self.owner.umbrellas:
            return True
        return any(w in _COALITION_WORDS for name in args.names_of(m) for w in name.split())

    # -- control --------------------------------------------------------------------------
    def syn_control(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, under the command of Y", "X is controlled by Y", "under the leadership of Y"."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.control_triggers):
            low = tok.lower_
            bosses: list[Mention | str]
            if low in words.answer_verbs:
                out.extend(self.answers_to(view, args, tok))
            elif low in words.control_verbs and not self.is_negated(tok):
                bosses = [m for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                          for m in self.pobj_names(args, c)]
                subjects = args.subjects(tok) if bosses else []
                out.extend(self.control(view, args, subjects, bosses, False, tok))
            elif (low in words.control_nouns or low in words.leadership_nouns) and tok.dep_ == "pobj" \
                    and tok.head.lower_ in ("under", "within"):
                owners = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"]
                # "under the prime minister's command", "under Sadr's direct control"
                owners += [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her")]
                bosses = [m for p in owners for m in args.named(p)]
                if not bosses:  # "under the command of the prime minister": who holds the office
                    bosses = [h for p in owners for h in self.office_holder(view, args, p)]
                if not bosses:
                    continue
                attach = tok.head.head
                if args.mention_at(attach) is not None or attach.dep_ in ("appos", "pobj", "dobj", "nsubj"):
                    subjects = args.referents(attach)
                else:
                    subjects = args.subjects(attach)
                out.extend(self.control(view, args, subjects, bosses, low in words.leadership_nouns, tok))
        return out

    def answers_to(self, view: DocView, args: SentenceArgs, verb: Token) -> list[Candidate]:
        """"X answers to Y", "X, which reports directly to the prime minister": Y commands X (a verb
        with no object or reported clause of its own, in the active voice)."""
        if self.is_negated(verb) or verb.dep_ in ("amod", "compound", "pobj", "nsubj", "dobj") or any(
                c.dep_ in ("dobj", "ccomp", "auxpass", "nsubjpass", "agent") for c in verb.children):
            return []
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        bosses: list[Mention | str] = [m for c in preps for m in self.pobj_names(args, c)]
        if not bosses:  # "reports to the prime minister": who holds the office
            bosses = [h for c in preps for p in c.children if p.dep_ == "pobj"
                      for h in self.office_holder(view, args, p)]
        return self.control(view, args, args.subjects(verb), bosses, False, verb) if bosses else []

    def office_holder(self, view: DocView, args: SentenceArgs, noun: Token) -> list[str]:
        """Return who holds the office "the prime minister" names (earlier in the text, else the KB)."""
        if noun.lower_ not in self.lex.canonical and not any(
                noun.lower_ == v.split()[-1] for v in self.lex.canonical):
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return []
        written = re.sub(r"^the\s+", "", view.text[noun.left_edge.idx:noun.idx + len(noun.text)], flags=re.IGNORECASE)
        # "the Iraqi prime minister": the demonym says whose office it is
        first = written.split()[0] if written.split() else ""
        country = self.lex.demonyms.get(first) if first[:1].isupper() else None
        where = view.lookup_name(country) if country else None
        if where is not None:
            written = written[len(first):].strip()
        norm, kind, _ = self.lex.normalize_role(written)
        if kind != "office":
            return []
        holder = self.owner.role_holder(view, norm, where if where is not None else view.main_country)
        return [holder] if holder else []

    def control(self, view: DocView, args: SentenceArgs, subjects: list[Mention],
                bosses: list[Mention | str], leadership: bool, tok: Token) -> list[Candidate]:
        """Return the candidates of "subjects under the control of bosses" by the bosses' types."""
        out: list[Candidate] = []
        for boss in bosses:
            btype = args.type_of(boss) if isinstance(boss, Mention) else EntityType.PERSON
            boss_id = boss.entity_id if isinstance(boss, Mention) else boss
            for subj in subjects:
                if args.type_of(subj) not in GROUP_TYPES | {EntityType.STATE_BODY} or subj.entity_id == boss_id:
                    continue
                span = args.span_of(subj, boss if isinstance(boss, Mention) else None, tok, tok.right_edge)
                if btype is EntityType.PERSON:
                    pred = Predicate.LEADER_OF if leadership else Predicate.COMMANDS
                    role: dict[str, Any] = {"role": "leader"} if leadership else {}
                    out.append(self.cand(boss, pred, subj, span, "rel-syn-clause", **role))
                elif btype is EntityType.STATE_BODY and not leadership:
                    out.append(self.cand(boss, Predicate.COMMANDS, subj, span, "rel-syn-clause"))
                elif btype in GROUP_TYPES:
                    out.append(self.cand(subj, Predicate.AFFILIATED_WITH, boss, span, "rel-syn-clause"))
                elif btype is EntityType.COUNTRY:
                    out.append(self.cand(subj, Predicate.BACKED_BY, boss, span, "rel-syn-clause"))
        return out

    def opposition(self, view: DocView, args: SentenceArgs, subjects: list[Mention], other: Mention | str,
                   *tokens: Token) -> list[Candidate]:
        """Return "A opposes B" candidates for actors ("the anti-ISIS coalition")."""
        actors = UNIT_TYPES | {EntityType.PERSON, EntityType.COUNTRY, EntityType.INTL_ORG}
        if self.type_of_id(view, other) not in actors:
            return []
        other_m = other if isinstance(other, Mention) else None
        oid = other.entity_id if isinstance(other, Mention) else other
        return [self.cand(subj, Predicate.OPPOSES, other, args.span_of(subj, other_m, *tokens), "rel-syn-modifier")
                for subj in subjects if args.type_of(subj) in actors and subj.entity_id != oid]

    def unit_modifier(self, args: SentenceArgs, obj: Token, m: Mention) -> bool:
        """Return True when ``m`` only modifies a unit noun that is the object ("controls three
        PMF brigades": the brigades are commanded, not the PMF)."""
        return args.mention_at(obj) is None and obj.lower_ in self.words.part_nouns \
            and args.mention_at(obj) is not m and any(
                args.mention_at(c) is m for c in obj.lefts if c.dep_ in ("compound", "nmod", "poss"))


def _unique_mentions(ms: list[Mention]) -> list[Mention]:
    """Return mentions without repeats, in order."""
    out: list[Mention] = []
    for m in ms:
        if m not in out:
            out.append(m)
    return out
