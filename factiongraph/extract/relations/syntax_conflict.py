"""Parse-based explicit command and opposition: "B commands A", "A opposes B", "A is fighting B",
"X, a fierce opponent of Y", "X declared war on Y", "the coalition against Y".

Only what the sentence states: a rival competes, a clash is an event, a purpose ("formed to
combat Y") and a war a body wages by possessive ("Y's war against Z") are not read as stances.
The shared helpers are :class:`SyntaxGroups`'.
"""

from __future__ import annotations

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.relations.syntax_groups import GROUP_TYPES, UNIT_TYPES, SyntaxGroups
from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention, Predicate


# "directs the operations of X": nouns of what a group does, standing for the group
_GROUP_DOINGS = frozenset({"operations", "activities", "actions", "attacks", "affairs"})


class SyntaxConflict(SyntaxGroups):
    """The parse-based ``commands`` / ``opposes`` family (``rel-syn-*`` producers)."""

    def opponent(self, args: SentenceArgs, tok: Token, actors: frozenset[EntityType]) -> list[Candidate]:
        """"X, a fierce opponent of Y", "X is an enemy of Y", "X, hostile to Y" -> X opposes Y."""
        if args.negated(tok) or self.is_negated(tok):
            return []
        preps = ("to",) if tok.lower_ == "hostile" else ("of", "to")
        targets = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                   for m in self.pobj_names(args, c)]
        if tok.lower_ != "hostile":  # "Hezbollah, Israel's arch-enemy"
            targets += [m for c in tok.children if c.dep_ == "poss" for m in args.named(c)]
        if not targets:
            return []
        subjects = args.subjects(tok) if tok.lower_ == "hostile" else args.described(tok)
        return [self.cand(subj, Predicate.OPPOSES, target, args.span_of(subj, target, tok),
                          args.description_rule(tok) if tok.lower_ != "hostile" else "rel-syn-clause")
                for target in targets if args.type_of(target) in actors
                for subj in subjects if args.type_of(subj) in actors and subj.entity_id != target.entity_id]


    def body_against(self, args: SentenceArgs, prep: Token, actors: frozenset[EntityType]) -> list[Candidate]:
        """"the US-led coalition against the Islamic State": a body's own "against" phrase."""
        body = args.mention_at(prep.head) if prep.dep_ == "prep" else None
        if body is None or args.type_of(body) not in actors or args.negated(prep):
            return []
        return [self.cand(body, Predicate.OPPOSES, target, args.span_of(body, target, prep), "rel-syn-modifier")
                for target in self.pobj_names(args, prep)
                if args.type_of(target) in actors and target.entity_id != body.entity_id]

    @staticmethod
    def after_preposition(args: SentenceArgs, m: Mention, verb: Token) -> bool:
        """Return True when a name the parser made a verb's object follows a preposition of the
        verb ("fought with Asaib Ahl al-Haq" split apart: an ally or a foe, never the object)."""
        return any(c.dep_ == "prep" and c.i < len(c.doc) - 1 and c.doc[c.i + 1].idx >= m.start
                   and c.doc[c.i + 1].idx < m.end and c.idx < m.start for c in verb.children)

    def war(self, args: SentenceArgs, tok: Token, actors: frozenset[EntityType]) -> list[Candidate]:
        """"X declared war on Y", "X wages a campaign against Y", "X is at war with Y" -> X opposes Y
        (the war noun the object of a war verb, or of "at"; "a war on Y" alone says nobody's)."""
        head = tok.head
        if tok.dep_ == "dobj" and head.lower_ in self.words.war_verbs:
            verb = head
            preps = ("on", "against") if tok.lower_ != "war" else tuple(self.words.war_preps - {"with"})
        elif tok.dep_ == "pobj" and head.lower_ == "at" and tok.lower_ == "war":
            verb = head.head
            preps = ("with",)
        else:
            return []
        if args.negated(tok) or self.is_negated(verb):
            return []
        targets = [m for holder in (tok, verb) for c in holder.children
                   if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i for m in self.pobj_names(args, c)]
        return [self.cand(subj, Predicate.OPPOSES, target, args.span_of(subj, target, tok), "rel-syn-clause")
                for target in targets if args.type_of(target) in actors
                for subj in args.subjects(verb) if args.type_of(subj) in actors and subj.entity_id != target.entity_id]

    def syn_explicit(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"B commands A" (A a group), "A opposes B", "A is fighting B", "A is opposed to B"."""
        out: list[Candidate] = []
        actors = UNIT_TYPES | {EntityType.PERSON, EntityType.COUNTRY, EntityType.INTL_ORG}
        for tok in args.tokens_in(self.words.explicit_triggers):
            low = tok.lower_
            if low in self.words.oppose_nouns:
                out.extend(self.opponent(args, tok, actors))
                continue
            if low in self.words.war_nouns:
                out.extend(self.war(args, tok, actors))
                continue
            if low == "against":
                out.extend(self.body_against(args, tok, actors))
                continue
            if self.is_negated(tok) or tok.dep_ in ("amod", "compound", "pobj", "nsubj", "dobj"):
                continue
            objects = [m for c in tok.children if c.dep_ == "dobj" for m in args.members(c)
                       if not self.unit_modifier(args, c, m) and not self.after_preposition(args, m, tok)]
            if low in self.words.command_verbs:
                if any(c.dep_ in ("auxpass", "agent") for c in tok.children):
                    continue  # "commanded by": read as a leader (syn_leading)
                subjects = args.subjects(tok)
                # "the Quds Force directs the operations of X": what a group does stands for it
                objects += [m for c in tok.children if c.dep_ == "dobj" and c.lower_ in _GROUP_DOINGS
                            for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                            for m in self.pobj_names(args, p)]
                for unit in objects:
                    if args.type_of(unit) is EntityType.STATE_BODY:  # "X, who commands the Quds Force"
                        out.extend(self.cand(subj, Predicate.LEADER_OF, unit, args.span_of(subj, unit, tok),
                                             "rel-syn-clause", role="commander", role_normalized="commander")
                                   for subj in subjects if args.type_of(subj) is EntityType.PERSON)
                        continue
                    if args.type_of(unit) not in GROUP_TYPES:
                        continue
                    for subj in subjects:
                        # a person or state body commands a group ("KH controls Brigade 14": a group's
                        # own unit, no command relation)
                        if args.type_of(subj) in actors - GROUP_TYPES and subj.entity_id != unit.entity_id:
                            out.append(self.cand(subj, Predicate.COMMANDS, unit,
                                                 args.span_of(subj, unit, tok), "rel-syn-clause"))
                continue
            objects += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in self.words.oppose_preps
                        for m in self.pobj_names(args, c)]
            subjects = args.subjects(tok)
            for target in objects:
                if args.type_of(target) not in actors:
                    continue
                for subj in subjects:
                    if args.type_of(subj) in actors and subj.entity_id != target.entity_id:
                        out.append(self.cand(subj, Predicate.OPPOSES, target,
                                             args.span_of(subj, target, tok), "rel-syn-clause"))
        return out
