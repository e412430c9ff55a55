"""Parse-based part_of: a group inside an umbrella, however the sentence puts it.

"X is part of Y", "X, a faction within Y", "one of the factions of Y", "X, which falls under
Y", "X operates under the umbrella of Y", "Y, which includes A, B and C", "the factions that
make up Y", "Y is made up of A and B", "X joined Y", "Y, an umbrella of militias including A
and B", "PMF factions such as A". The words are the ``syntax`` vocabulary of
``rules/relations.yaml``; the shared helpers are :class:`SyntaxGroups`'.
"""

from __future__ import annotations

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.relations.syntax_groups import GROUP_TYPES, UMBRELLA_TYPES, UNIT_TYPES, SyntaxGroups
from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention, Predicate


class SyntaxUmbrellas(SyntaxGroups):
    """The parse-based ``part_of`` family (``rel-syn-*`` producers)."""

    # -- umbrellas ------------------------------------------------------------------------
    def umbrella_referent(self, args: SentenceArgs, tok: Token) -> list[Mention]:
        """Return the umbrella "its" or "the coalition" stands for: the umbrella named last.

        "The PMF was formed in 2014. Kataib Hezbollah is one of its factions", "The umbrella
        includes A and B". The antecedent is the last body before the word, in its sentence or
        the one before, that the knowledge base knows as an umbrella, or (for a collective noun)
        whose name holds the noun ("the alliance" after "the Fatah Alliance").
        """
        low = tok.lower_
        noun: str | None = None
        if low not in ("its", "it"):  # "its factions"; "Kataib Hezbollah later joined it"
            if low not in self.words.collective_nouns or args.mention_at(tok) is not None or not any(
                    c.dep_ == "det" and c.lower_ in args.anaphor_dets for c in tok.children) or any(
                    c.dep_ in ("poss", "compound", "prep") or args.mention_at(c) is not None for c in tok.children):
                return []
            noun = low
        edge = tok.left_edge.idx
        here = [m for m in args.ms if m.end <= edge]
        before = args.view.recent_mentions(args.start, 1)
        for m in [*reversed(here), *reversed(before)]:
            if args.type_of(m) not in UMBRELLA_TYPES:
                continue
            if m.entity_id in self.owner.umbrellas or (noun is not None and noun in args.text[m.start:m.end].lower()):
                if low == "it":  # a bare "it" only for the body its sentence is about (named first)
                    bodies = [x for x in (here if m in here else before) if args.type_of(x) in UMBRELLA_TYPES]
                    return [m] if bodies and bodies[0] == m else []
                return [m]
        return []

    def umbrella_under(self, args: SentenceArgs, tok: Token, depth: int = 0) -> list[Mention]:
        """Return the umbrella a phrase names: itself, "the umbrella of Y", "militias known as Y"."""
        found = args.named(tok) or args.named_as(tok)
        if not found and tok.lower_ in ("which", "whom"):
            clause = next((t for t in (tok.head, tok.head.head, tok.head.head.head) if t.dep_ == "relcl"), None)
            found = args.named(clause.head) if clause is not None else []  # "Y, of which X is a member"
        if not found and depth == 0:
            found = self.umbrella_referent(args, tok)  # "X joined the coalition"
        if found or depth > 1:
            return [m for m in found if args.type_of(m) in UMBRELLA_TYPES]
        if tok.lower_ in self.words.umbrella_nouns or tok.lower_ in self.words.share_nouns:
            for child in tok.children:  # "the umbrella of Y", "make up the bulk of Y"
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.umbrella_under(args, pobj, depth + 1)
        return []

    def syn_part_of(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X is part of Y", "X, a faction within Y", "one of the factions of Y", "X, which falls
        under Y", "X operates under the umbrella of Y", "Y, which includes A, B and C"."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.part_triggers):
            low = tok.lower_
            # "X was incorporated into Y", "a force incorporated into Y" (a participle without an
            # object): joined, where "Y incorporated A and B" includes
            passive_join = low in words.join_verbs and (any(c.dep_ == "auxpass" for c in tok.children) or (
                tok.dep_ == "acl" and not any(c.dep_ == "dobj" for c in tok.children)))
            if low in words.include_verbs and not passive_join \
                    and (low not in words.group_part_nouns or self.is_verbal(tok)):
                out.extend(self.includes(view, args, tok))  # "Y groups A and B", not "the groups in Y"
                continue
            if low in words.inner_preps and tok.dep_ == "prep":
                out.extend(self.under(view, args, tok))
                continue
            if low in words.join_verbs:
                out.extend(self.joins(view, args, tok))
                continue
            if low in words.constitute_verbs:
                out.extend(self.constitutes(view, args, tok))
                continue
            if low in words.consist_verbs:
                out.extend(self.consists(view, args, tok))
                continue
            if low in words.collective_nouns and args.mention_at(tok) is None:
                out.extend(self.collective(view, args, tok))
            generic = low in words.group_part_nouns and not self.part_phrase(tok)  # not "a PMF member group"
            if generic and args.present.isdisjoint(words.inner_preps) and "in" not in args.present \
                    and not self.compound_umbrellas(args, tok):
                continue  # "a militia within Y" needs its preposition, "a PMF militia" a known umbrella
            if not (generic or low in words.part_nouns or self.part_phrase(tok)) or args.mention_at(tok) is not None \
                    or args.negated(tok):
                continue
            umbrellas: list[Mention] = []
            preps = list(tok.children)
            if tok.dep_ == "attr" and tok.head.dep_ == "relcl":  # "Y, of which X is a member"
                preps += [c for c in tok.head.children if c.dep_ == "prep" and c.i < tok.head.i]
            for child in preps:
                if child.dep_ != "prep" or child.lower_ not in words.part_preps:
                    continue
                if generic and child.lower_ not in words.inner_preps and child.lower_ != "in":
                    continue
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.umbrella_under(args, pobj)
                        if generic and child.lower_ == "in":
                            # "groups in Y": only a known umbrella or a body whose name says it is a
                            # coalition ("parties in the Coordination Framework, such as X")
                            found = [m for m in found if m.entity_id in self.owner.umbrellas or self.coalition(args, m)]
                        umbrellas.extend(found)
            if not umbrellas and not generic and not tok.lower_.endswith("s"):
                # "X, al-Qaeda's branch in Syria", "X is Hezbollah's elite unit": one part of its owner
                owners = [m for c in tok.children if c.dep_ == "poss" for m in args.named(c)
                          if args.type_of(m) in UMBRELLA_TYPES]
                # "the Golani Brigade, an Israeli army infantry unit": a state body written before
                owners += [m for m in args.ms if tok.left_edge.idx <= m.start and m.end <= tok.idx
                           and args.type_of(m) is EntityType.STATE_BODY and not any(
                               c.dep_ == "poss" and c.idx >= m.start for c in tok.lefts)]
                if owners and (args.described(tok) or args.named_as(tok)):
                    umbrellas = owners  # also "the Islamic State's Khorasan branch, known as ISIS-K"
            if not umbrellas:
                umbrellas = [m for m in self.compound_umbrellas(args, tok)]
                if not umbrellas:
                    continue
                subjects = [m for m in (args.members(tok, own_name=False) + args.described(tok) + args.named_as(tok)
                                        + args.kindred(tok)  # "X, along with other PMF factions, ..."
                                        or args.antecedent(tok))  # "these PMF factions"
                            if m not in umbrellas]  # "a PMF unit known as Brigade 30"
                rule = "rel-syn-modifier"
            else:  # "X, like other members of Y, ...": X is one of them
                # "the Islamic State's Khorasan branch, known as ISIS-K": the given name, not "Khorasan"
                given = args.named_as(tok)
                subjects = (given or args.members(tok)) + args.described(tok) + args.kindred(tok)
                rule = args.description_rule(tok)
            for umbrella in umbrellas:
                for subj in subjects:
                    if args.type_of(subj) in UNIT_TYPES and subj.entity_id != umbrella.entity_id:
                        out.append(self.cand(subj, Predicate.PART_OF, umbrella,
                                             args.span_of(subj, umbrella, tok), rule))
        out.extend(self.named_umbrella_list(args))
        return out

    def named_umbrella_list(self, args: SentenceArgs) -> list[Candidate]:
        """"The Popular Mobilization Forces, including Kataib Hezbollah and Asaib Ahl al-Haq, ...":
        the groups listed after a known umbrella's name are its parts."""
        out: list[Candidate] = []
        for prep in args.tokens_in(frozenset({"including"})):
            umbrella = args.mention_at(prep.head)
            if prep.dep_ != "prep" or umbrella is None or umbrella.entity_id not in self.owner.umbrellas:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for part in args.complete_list(args.named(pobj)):
                    if args.type_of(part) in UNIT_TYPES and part.entity_id != umbrella.entity_id:
                        out.append(self.cand(part, Predicate.PART_OF, umbrella,
                                             args.span_of(part, umbrella, prep), "rel-syn-apposition"))
        return out

    def syn_owned_members(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"The PMF said two of its fighters from Kataib Sayyid al-Shuhada were killed", "the PMF's
        brigades from Kataib Hezbollah": an umbrella's own people or units from a group put the
        group in the umbrella."""
        out: list[Candidate] = []
        for noun in args.tokens_in(self.words.holder_nouns):
            owners: list[Mention] = []
            for child in noun.children:
                if child.dep_ == "compound" and child.i < noun.i:  # "PMF fighters from Kataib Hezbollah"
                    m = args.mention_at(child)
                    owners.extend([m] if m is not None and m.entity_id in self.owner.umbrellas else [])
                    continue
                if child.dep_ == "prep" and child.lower_ == "of" and any(
                        c.dep_ == "prep" and c.lower_ == "including" for c in noun.children):
                    # "Members of the PMF, including fighters from Kataib Hezbollah"
                    owners.extend(m for m in self.pobj_names(args, child) if m.entity_id in self.owner.umbrellas)
                    continue
                if child.dep_ != "poss":
                    continue
                m = args.mention_at(child)
                if m is not None and m.entity_id in self.owner.umbrellas:
                    owners.append(m)
                elif m is None:
                    owners.extend(self.umbrella_referent(args, child))
            if not owners:
                continue
            holders = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "including"
                                for p in c.children if p.dep_ == "pobj" and p.lower_ in self.words.holder_nouns]
            groups = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                      for m in self.pobj_names(args, c) if args.type_of(m) in GROUP_TYPES
                      and m.entity_id not in {o.entity_id for o in owners}]
            for umbrella in owners:
                for group in groups:
                    if group.entity_id != umbrella.entity_id:
                        out.append(self.cand(group, Predicate.PART_OF, umbrella,
                                             args.span_of(umbrella, noun, group), "rel-syn-modifier"))
        return out

    def held_units(self, args: SentenceArgs, verb: Token) -> list[tuple[Token, list[Mention]]]:
        """Return the unit phrases a verb's object names with the umbrella they belong to:
        "three PMF brigades", "several brigades in the PMF", "the PMF's 14th Brigade"
        (``(object, umbrellas)`` pairs)."""
        out: list[tuple[Token, list[Mention]]] = []
        for obj in verb.children:
            # "X has brigades in the PMF", also its people: "X has fighters in the PMF"
            if obj.dep_ != "dobj" or (obj.lower_ not in self.words.part_nouns
                                      and obj.lower_ not in self.words.unit_holder_nouns):
                continue
            # a unit's own name owned by a known umbrella: "operates the PMF's 45th Brigade"
            owned = [m for c in obj.lefts for d in c.subtree if d.dep_ == "poss"
                     and (m := args.mention_at(d)) is not None and m.entity_id in self.owner.umbrellas]
            if args.mention_at(obj) is not None:
                umbrellas = owned
                if umbrellas:
                    out.append((obj, umbrellas))
                continue
            umbrellas = owned + self.compound_umbrellas(args, obj) + [
                m for c in obj.children if c.dep_ == "prep" and c.lower_ in self.words.part_preps
                for p in c.children if p.dep_ == "pobj" for m in self.umbrella_under(args, p)
                if m.entity_id in self.owner.umbrellas]
            if umbrellas:
                out.append((obj, umbrellas))
        return out

    def units_held(self, args: SentenceArgs, verb: Token) -> list[tuple[Token, list[Mention]]]:
        """Return a passive holding verb's units with their known umbrella: "Brigades 45 and 46 of
        the PMF are controlled by X", "the PMF's brigades run by X" (``(unit, umbrellas)`` pairs)."""
        units = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ in ("acl", "relcl") and (not units or units[0].lower_ in ("which", "that")):
            units = [verb.head]
        out: list[tuple[Token, list[Mention]]] = []
        for unit in units:
            if unit.lower_ not in self.words.part_nouns:
                continue
            named = args.mention_at(unit)
            umbrellas = [m for c in unit.lefts for d in c.subtree if d.dep_ == "poss"
                         and (m := args.mention_at(d)) is not None and m.entity_id in self.owner.umbrellas]
            umbrellas += self.compound_umbrellas(args, unit) + [
                m for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj" for m in self.umbrella_under(args, p)
                if m.entity_id in self.owner.umbrellas]
            umbrellas = [m for m in umbrellas if named is None or m.entity_id != named.entity_id]
            if umbrellas:
                out.append((unit, umbrellas))
        return out

    def syn_held_units(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X has three brigades in the PMF", "X controls several PMF brigades", "X, which has
        fighters in the PMF" -> X part_of PMF."""
        out: list[Candidate] = []
        for verb in args.tokens_in(self.words.hold_verbs):
            if self.is_negated(verb):
                continue
            holders = [m for c in verb.children if c.dep_ == "agent" for m in self.pobj_names(args, c)]
            if holders:  # "Brigades 45, 46 and 47 of the PMF are controlled by X"
                for unit, umbrellas in self.units_held(args, verb):
                    out.extend(self.cand(g, Predicate.PART_OF, u, args.span_of(g, u, unit, verb), "rel-syn-clause")
                               for u in umbrellas for g in holders
                               if args.type_of(g) is EntityType.ARMED_GROUP and g.entity_id != u.entity_id)
                continue
            for obj, umbrellas in self.held_units(args, verb):
                for subj in args.subjects(verb):
                    for umbrella in umbrellas:
                        if args.type_of(subj) in GROUP_TYPES and subj.entity_id != umbrella.entity_id:
                            out.append(self.cand(subj, Predicate.PART_OF, umbrella,
                                                 args.span_of(subj, umbrella, verb), "rel-syn-clause"))
        return out

    @staticmethod
    def is_verbal(tok: Token) -> bool:
        """Return True when the parse uses a word as a verb (it has a subject, object or
        auxiliary, or heads a clause): "the alliance groups A and B", not "the groups in Y"."""
        return tok.dep_ in ("ROOT", "relcl", "ccomp", "advcl", "xcomp") and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in tok.children)

    def joins(self, view: DocView, args: SentenceArgs, verb: Token) -> list[Candidate]:
        """"X joined the PMF", "X was folded into the PMF", "X belongs to Y"."""
        if self.is_negated(verb) or verb.dep_ in ("amod", "compound"):
            return []
        serving = verb.lower_.startswith("serv")  # "X serves in the PMF" ("serves Iran's interests": no)
        umbrellas = [m for c in verb.children if c.dep_ == "dobj" and not serving for m in self.umbrella_under(args, c)]
        umbrellas += [m for c in verb.children if c.dep_ == "prep" and c.lower_ in self.words.join_preps
                      for p in c.children if p.dep_ == "pobj" for m in self.umbrella_under(args, p)
                      if not serving or c.lower_ in ("in", "with")]
        served_in = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                     for p in c.children if p.dep_ == "pobj" for m in self.umbrella_under(args, p)]
        out: list[Candidate] = []
        if verb.lower_.startswith("belong"):
            out.extend(self.units_belonging(args, verb, umbrellas))
        for umbrella in umbrellas:
            for subj in args.subjects(verb):
                if subj.entity_id == umbrella.entity_id:
                    continue
                if serving and args.type_of(subj) is not EntityType.PERSON and umbrella not in served_in:
                    continue  # a group "serving with" another fights beside it
                if args.type_of(subj) in GROUP_TYPES | {EntityType.STATE_BODY}:
                    # "a group belonging to Kataib Hezbollah": a group that is no umbrella has affiliates
                    pred = Predicate.AFFILIATED_WITH if verb.lower_.startswith("belong") and args.type_of(
                        umbrella) in GROUP_TYPES and args.type_of(subj) in GROUP_TYPES and not self.coalition(
                        args, umbrella) else Predicate.PART_OF
                    out.append(self.cand(subj, pred, umbrella,
                                         args.span_of(subj, umbrella, verb), "rel-syn-clause"))
                elif args.type_of(subj) is EntityType.PERSON and args.type_of(umbrella) is EntityType.ARMED_GROUP:
                    out.append(self.cand(subj, Predicate.MEMBER_OF, umbrella,  # "X joined Kataib Hezbollah"
                                         args.span_of(subj, umbrella, verb), "rel-syn-clause"))
        return out

    def units_belonging(self, args: SentenceArgs, verb: Token, owners: list[Mention]) -> list[Candidate]:
        """"The PMF's 313th, 314th and 315th brigades belong to Saraya al-Salam": a group that
        units of a known umbrella belong to is part of the umbrella (as "X controls three PMF
        brigades")."""
        out: list[Candidate] = []
        groups = [m for m in owners if args.type_of(m) is EntityType.ARMED_GROUP and m.entity_id not in self.owner.umbrellas]
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
                subj = verb.head  # "The PMU's 45th and 46th Brigades, which belong to X"
            if subj.lower_ not in self.words.part_nouns and subj.lower_ not in self.words.unit_holder_nouns:
                continue
            named = args.mention_at(subj)
            if named is not None and named.entity_id in self.owner.umbrellas:
                continue
            # "the PMF's brigades", also hung on the first number: "the PMF's 313th, ... brigades"
            umbrellas = [m for c in subj.lefts for d in c.subtree if d.dep_ == "poss"
                         and (m := args.mention_at(d)) is not None and m.entity_id in self.owner.umbrellas]
            umbrellas += self.compound_umbrellas(args, subj)
            for umbrella in umbrellas:
                out.extend(self.cand(g, Predicate.PART_OF, umbrella, args.span_of(umbrella, g, verb), "rel-syn-clause")
                           for g in groups)
        return out

    def constitutes(self, view: DocView, args: SentenceArgs, verb: Token) -> list[Candidate]:
        """"the factions that make up the PMF", "A and B form the Y alliance" -> part_of."""
        if self.is_negated(verb) or (verb.lower_ in ("make", "makes") and not any(
                c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
            return []
        umbrellas = [m for c in verb.children if c.dep_ in ("dobj", "attr") for m in self.umbrella_under(args, c)]
        out: list[Candidate] = []
        for umbrella in umbrellas:
            for subj in args.subjects(verb):
                if args.type_of(subj) in GROUP_TYPES and subj.entity_id != umbrella.entity_id:
                    out.append(self.cand(subj, Predicate.PART_OF, umbrella,
                                         args.span_of(subj, umbrella, verb), "rel-syn-clause"))
        return out

    def consists(self, view: DocView, args: SentenceArgs, verb: Token) -> list[Candidate]:
        """"Y is made up of A and B", "Y consists of A and B", "Y, composed of A and B"."""
        if self.is_negated(verb):
            return []
        members = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for m in args.members(p)]
        members += [m for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for m in args.members(o)]
        # "Y is made up of 60 factions, the largest of which are A and B"
        members += [m for c in verb.children if c.dep_ in ("advcl", "relcl") for m in self.which_names(args, c)]
        members += [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" for m in self.relative_members(args, p)]
        if not members:
            return []
        out: list[Candidate] = []
        for umbrella in args.subjects(verb):
            if args.type_of(umbrella) not in UMBRELLA_TYPES:
                continue
            for member in members:
                if args.type_of(member) in GROUP_TYPES and member.entity_id != umbrella.entity_id:
                    out.append(self.cand(member, Predicate.PART_OF, umbrella,
                                         args.span_of(umbrella, member, verb), "rel-syn-clause"))
        return out

    def collective(self, view: DocView, args: SentenceArgs, noun: Token) -> list[Candidate]:
        """"Y, an umbrella of militias including A and B", "Y, a coalition of A, B and C"."""
        if noun.dep_ == "compound" and args.mention_at(noun.head) is None:
            noun = noun.head  # "an umbrella group for A and B"
        if args.negated(noun):
            return []
        umbrellas = [m for m in args.described(noun) if args.type_of(m) in UMBRELLA_TYPES]
        if not umbrellas and noun.dep_ not in ("attr", "oprd"):
            return []
        arm = any(c.dep_ in ("amod", "compound") and c.lower_ in self.words.front_modifiers for c in noun.children)
        # "Y, the political bloc of the PMF": the PMF's own arm, not a bloc of it (unlike "a
        # political alliance of parties including A")
        pobjs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                 for p in c.children if p.dep_ == "pobj" and not (arm and args.mention_at(p) is not None)]
        # "the political umbrella of the PMF factions": the umbrella's factions, not the umbrella
        members = [m for p in pobjs for m in args.members(p) or self.relative_members(args, p)
                   if not (m.entity_id in args.umbrellas and self.part_phrase(p) and args.mention_at(p) is None)]
        # "a banner used by several factions including A"
        members += [m for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                    for p in a.children if p.dep_ == "pobj" for m in args.members(p)]
        # a name of the listed set is never the umbrella the phrase describes (a list the parser
        # made an apposition chain: "an umbrella term for the groups A, B and C")
        listed = {m.entity_id for m in members}
        umbrellas = [u for u in umbrellas if u.entity_id not in listed]
        if not umbrellas and noun.dep_ in ("attr", "oprd"):
            umbrellas = [m for m in args.subjects(noun) if args.type_of(m) in UMBRELLA_TYPES and m.entity_id not in listed]
        out: list[Candidate] = []
        for umbrella in umbrellas:
            for member in members:
                if args.type_of(member) in GROUP_TYPES and member.entity_id != umbrella.entity_id:
                    out.append(self.cand(member, Predicate.PART_OF, umbrella,
                                         args.span_of(umbrella, member, noun), args.description_rule(noun)))
        return out

    def part_phrase(self, tok: Token) -> bool:
        """Return True for a part noun ("its factions") or a group noun a part noun qualifies
        ("its member groups", "its component militias")."""
        part = self.words.part_nouns
        return tok.lower_ in part or (tok.lower_ in self.words.group_part_nouns and any(
            c.dep_ in ("compound", "amod") and c.lower_ in part for c in tok.children))

    def syn_state_units(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"The Asayish, the Kurdistan Region's security agency", "the Peshmerga, the armed forces of
        the KRG", "X is a directorate of the Interior Ministry": a state body's own unit."""
        out: list[Candidate] = []
        for tok in args.tokens_in(self.words.state_unit_nouns):
            if args.mention_at(tok) is not None or args.negated(tok):
                continue
            units = [m for m in args.described(tok) if args.type_of(m) is EntityType.STATE_BODY]
            if not units:
                continue
            owners: list[tuple[Mention, str]] = []
            for child in tok.children:
                found = self.pobj_names(args, child) if child.dep_ == "prep" and child.lower_ == "of" else (
                    args.named(child) if child.dep_ == "poss" else [])
                for m in found:
                    kind = args.type_of(m)
                    if kind is EntityType.STATE_BODY:
                        owners.append((m, str(m.entity_id)))
                    elif kind is EntityType.PLACE:
                        body = self.place_owner(view, m)  # "the Kurdistan Region's": its government
                        if body is not None and self.type_of_id(view, body) is EntityType.STATE_BODY:
                            owners.append((m, body))
            for written, body in owners:
                for unit in units:
                    if unit.entity_id != body:
                        out.append(self.cand(unit, Predicate.PART_OF, body, args.span_of(unit, written, tok),
                                             args.description_rule(tok)))
        for unit in args.ms:  # "the Kurdistan Region's Ministry of Interior": the region's government's
            head = args.head(unit) if args.type_of(unit) is EntityType.STATE_BODY else None
            for child in head.children if head is not None else ():
                region = args.mention_at(child) if child.dep_ == "poss" else None
                if region is None or args.type_of(region) is not EntityType.PLACE:
                    continue
                body = self.place_owner(view, region)
                if body is not None and body != region.entity_id and body != unit.entity_id \
                        and self.type_of_id(view, body) is EntityType.STATE_BODY:
                    out.append(self.cand(unit, Predicate.PART_OF, body, args.span_of(region, unit),
                                         "rel-syn-modifier"))
        return out

    def compound_umbrellas(self, args: SentenceArgs, tok: Token) -> list[Mention]:
        """Return a known umbrella written before a plural group noun ("PMF factions such as A")."""
        out: list[Mention] = []
        lefts = list(tok.lefts)
        if tok.lower_ in self.words.group_part_nouns:  # "a PMF member group": the umbrella on "member"
            lefts += [c for p in lefts if p.dep_ == "compound" and p.lower_ in self.words.part_nouns
                      for c in p.lefts]
        for child in lefts:
            if child.dep_ in ("compound", "poss", "nmod"):
                m = args.mention_at(child)
                if m is not None and m.entity_id in self.owner.umbrellas:
                    out.append(m)
                elif m is None and child.dep_ == "poss" and child.lower_ == "whose":
                    out.extend(self.whose_owner(args, child))  # "the PMF, whose largest factions include A"
                elif m is None and child.dep_ == "poss":
                    out.extend(self.umbrella_referent(args, child))  # "one of its factions"
        return out

    def whose_owner(self, args: SentenceArgs, whose: Token) -> list[Mention]:
        """Return the body a relative "whose" stands for: the name the clause hangs on."""
        clause = whose
        for _ in range(4):
            if clause.dep_ == "relcl" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "relcl":
            return []
        return [m for m in args.named(clause.head) if args.type_of(m) in UMBRELLA_TYPES]

    def under(self, view: DocView, args: SentenceArgs, prep: Token) -> list[Candidate]:
        """"X, which falls under the PMF", "X operates under the umbrella of Y", "units within Y"."""
        out: list[Candidate] = []
        head = prep.head
        if args.negated(prep):
            return out
        relative = head.dep_ == "relcl" and any(c.dep_ == "pobj" and c.lower_ in ("which", "whom")
                                                for c in prep.children)
        if head.lower_ in self.words.part_nouns | self.words.group_part_nouns and not relative:
            return out  # read from the noun ("a faction within Y")
        umbrellas: list[Mention] = []
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and relative and pobj.lower_ in ("which", "whom"):
                # "Y, the banner under which A and B operate": the phrase the clause describes
                noun = head.head
                umbrellas.extend(m for m in args.named(noun) or args.described(noun)
                                 if args.type_of(m) in UMBRELLA_TYPES)
            elif pobj.dep_ == "pobj" and pobj.lower_ not in self.words.control_nouns | self.words.leadership_nouns:
                umbrellas.extend(self.umbrella_under(args, pobj))
        if not umbrellas:
            return out
        if args.mention_at(head) is not None or head.dep_ in ("appos", "pobj", "dobj", "nsubj", "nsubjpass") \
                or head.lower_ in self.words.part_nouns | self.words.group_part_nouns:
            subjects = args.referents(head)  # "Asaib, under the PMF, ..."; "under which militias including A"
        else:
            subjects = args.subjects(head)
        if relative and all(m.entity_id in {u.entity_id for u in umbrellas} for m in subjects):
            # "Y, the umbrella under which the group operates": the group named before Y, never Y
            skip = frozenset(str(u.entity_id) for u in umbrellas)
            subjects = [m for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                        and args.mention_at(c) is None for m in args.antecedent(c, skip)]
        for umbrella in umbrellas:
            for subj in subjects:
                if args.type_of(subj) in GROUP_TYPES and subj.entity_id != umbrella.entity_id:
                    out.append(self.cand(subj, Predicate.PART_OF, umbrella,
                                         args.span_of(subj, umbrella, prep), "rel-syn-clause"))
        return out

    def picked_out(self, args: SentenceArgs, obj: Token) -> list[Mention]:
        """Return the names a relative clause picks out of a set: "dozens of factions, the most
        prominent of which are A and B" (on the quantity or on its noun), "factions in which A
        plays a leading role"."""
        nouns = [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj")]
        return [m for n in nouns for m in self.relative_members(args, n)] + [
            m for n in nouns for c in n.children if c.dep_ == "relcl" and n.lower_ not in self.words.group_part_nouns
            for m in self.which_names(args, c)]

    def includes(self, view: DocView, args: SentenceArgs, verb: Token) -> list[Candidate]:
        """"Y, which includes A, B and C" / "Y includes A": the members are part of Y."""
        out: list[Candidate] = []
        if verb.lower_ in ("brings", "bringing") and not any(c.lower_ == "together" for c in verb.children):
            return out
        if self.is_negated(verb):
            return out
        umbrellas = [m for m in args.subjects(verb) if args.type_of(m) in UMBRELLA_TYPES]
        if not umbrellas:  # "The coalition comprises A and B", "Its members include A and B"
            umbrellas = [m for s in verb.children if s.dep_ == "nsubj"
                         for m in self.umbrella_referent(args, s) or (
                             self.compound_umbrellas(args, s) if self.part_phrase(s) else [])]
        if not umbrellas:
            return out
        members: list[Mention] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "attr"):
                # "The PMF, which includes the group": the group named before, not the PMF
                members.extend(args.members(child) or self.picked_out(args, child) or args.antecedent(
                    child, frozenset(str(m.entity_id) for m in umbrellas)))
        for umbrella in umbrellas:
            for member in members:
                if args.type_of(member) in GROUP_TYPES and member.entity_id != umbrella.entity_id:
                    out.append(self.cand(member, Predicate.PART_OF, umbrella,
                                         args.span_of(umbrella, member, verb), "rel-syn-clause"))
        return out
