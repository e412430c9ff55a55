"""Parse-based backing: who arms, funds, supports or aligns a group.

"Iran-backed X", "pro-Iran factions such as A", "X, backed by Iran", "X, loyal to Y" (alignment
words), "Iran backs X", "the Quds Force armed and funded X", "Iran provides X with weapons",
"Tehran supplied drones to X", "X receives funding from Iran", "X enjoys backing from Tehran",
"X relies on Iranian funding", "X takes its orders from Y" (command). The predicate follows the
backer's type (:meth:`SyntaxGroups.alignment_predicate`): a country or state body backs
(``backed_by``), a group is an affiliate, a person the group is aligned with leads it.
"""

from __future__ import annotations

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.relations.syntax_groups import STATE_TYPES, SyntaxGroups
from factiongraph.extract.view.docview import GROUPS, DocView
from factiongraph.model import EntityType, Mention, Predicate

# Received words that are commands: "X takes its orders from Y" (Y commands X).
_ORDER_NOUNS = frozenset({"orders", "instructions", "directives", "directions", "commands"})
_SHARE_WORDS = frozenset({"most", "much", "all", "some", "part", "bulk", "majority", "share"})


class SyntaxBacking(SyntaxGroups):
    """The parse-based backing and alignment family (``rel-syn-*`` producers)."""

    def syn_support(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Iran-backed X", "pro-Iran factions such as A", "X, backed by Iran", "X, loyal to Iran"."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.support_triggers):
            low = tok.lower_
            support = low in words.support
            if not support and low not in words.alignment and low != "pro":
                continue
            if self.is_negated(tok):
                continue
            if low in ("pro", "anti"):  # "pro-Iran factions", "the anti-ISIS coalition"
                doc = args.doc
                if tok.i + 2 <= args.last and doc[tok.i + 1].text == "-":
                    word = doc[tok.i + 2]
                    other: Mention | str | None = args.mention_at(word)
                    if other is not None and other is args.mention_at(tok):
                        other = None  # "Pro-Iranian" read as one name: the demonym is the backer
                    if other is None:
                        name = self.lex.demonyms.get(word.text)
                        other = view.lookup_name(name) if name else None
                    if other is not None:
                        phrase = args.nominal(word)
                        subjects = [m for m in args.referents(phrase) if m.end <= tok.idx or m.start > word.idx]
                        if not subjects:  # "The pro-Iran Kataib Hezbollah": a parse that lost the name
                            subjects = [m for m in args.name_after(word) if args.type_of(m) in GROUPS]
                        if low == "pro":
                            out.extend(self.emit_alignment(view, args, subjects, other, False,
                                                           "rel-syn-modifier", tok, phrase))
                        else:
                            out.extend(self.opposition(view, args, subjects, self.as_actor(view, other), tok, phrase))
                continue
            backer = self.backer_before_hyphen(view, args, tok)
            if backer is not None:  # a premodifier: the phrase it modifies is backed
                phrase = args.nominal(tok)
                # "Iran-aligned PMF factions, notably X": the factions are backed, not the PMF
                subjects = [m for m in args.referents(phrase) if not self.umbrella_of_parts(args, phrase, m)]
                if not subjects:  # "Iran-backed factions in which A plays a leading role"
                    subjects = self.relative_members(args, phrase)
                if not subjects:  # "Iran-backed militia vows revenge": the story's only militia
                    subjects = self.sole_group(view, args, phrase)
                if low == "affiliated" and isinstance(backer, Mention):  # "the PMF-affiliated X"
                    subjects = self.umbrella_members(args, subjects, backer, out, phrase, "rel-syn-modifier")
                out.extend(self.emit_alignment(view, args, subjects, backer, support,
                                               "rel-syn-modifier", args.doc[tok.i - 2], phrase))
                continue
            preps = ("by",) if support else tuple(words.alignment_preps)
            others: list[Mention] = []
            # "armed and trained by Iran": the agent hangs on the last of the joined participles
            heads = [tok] + ([c for c in tok.children if c.dep_ == "conj"] if support else [])
            for child in (c for h in heads for c in h.children):
                if child.dep_ in ("agent", "prep") and child.lower_ in preps:
                    others.extend(self.pobj_names(args, child))
            if not others:
                continue
            subjects = args.subjects(tok)
            for other_m in others:
                # "the militia loyal to cleric X" with X hung on the militia: not its own subject
                own = [m for m in subjects if m.entity_id != other_m.entity_id]
                if not own and subjects and tok.dep_ == "amod":
                    own = [m for m in args.described(tok.head) if m.entity_id != other_m.entity_id]
                kept = self.umbrella_members(args, own, other_m, out, tok, "rel-syn-clause") \
                    if low == "affiliated" else own
                out.extend(self.emit_alignment(view, args, kept, other_m, support,
                                               "rel-syn-clause", tok, person_leads=not support))
        return out

    def syn_restated_set(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Iran-backed factions have attacked US forces. The factions, including X, say ...":
        a definite plural group noun whose names are listed restates the same noun of the sentence
        before, and a backer premodifying it there backs each name."""
        out: list[Candidate] = []
        idx = view.sentence_index(args.start)
        if idx < 1:
            return out
        prev_start = view.sentences[idx - 1][0]
        doc = args.doc
        for tok in args.tokens_in(self.words.plural_anaphor_nouns):
            if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children) or any(
                    c.dep_ in ("amod", "compound") for c in tok.children) or args.negated(tok):
                continue  # "the Iran-backed factions, including X" is read where it stands
            members = [m for m in args.members(tok, own_name=False) if args.type_of(m) in GROUPS]
            if not members:
                continue
            i = args.first - 1
            while i >= 0 and doc[i].idx >= prev_start:
                earlier = doc[i]
                i -= 1
                if earlier.lower_ != tok.lower_:
                    continue
                for mod in earlier.children:
                    if mod.dep_ not in ("amod", "compound") or mod.i < 2 or mod.lower_ not in self.words.support_triggers \
                            or doc[mod.i - 1].text not in ("-", "\u2010", "\u2011"):
                        continue
                    word = doc[mod.i - 2]
                    backer: Mention | str | None = args.mention_at(word)
                    if backer is None and (name := self.lex.demonyms.get(word.text)):
                        backer = view.lookup_name(name)
                    if backer is not None:
                        out.extend(self.emit_alignment(view, args, members, backer, mod.lower_ in self.words.support,
                                                       "rel-syn-modifier", tok))
        return out

    def umbrella_members(self, args: SentenceArgs, subjects: list[Mention], other: Mention,
                         out: list[Candidate], tok: Token, rule: str) -> list[Mention]:
        """Add ``part_of`` for the armed groups "affiliated with" a known umbrella ("factions
        affiliated with the PMF, including A", "the PMF-affiliated A": members of it) and return
        the other subjects (a party affiliated with the PMF is its civilian side, no faction)."""
        if other.entity_id not in self.owner.umbrellas:
            return subjects
        armed = [m for m in subjects if args.type_of(m) is EntityType.ARMED_GROUP]
        out.extend(self.cand(m, Predicate.PART_OF, other, args.span_of(m, other, tok), rule)
                   for m in armed if m.entity_id != other.entity_id)
        return [m for m in subjects if m not in armed]

    def sole_group(self, view: DocView, args: SentenceArgs, phrase: Token) -> list[Mention]:
        """Return the armed group a story is about, for a singular unnamed group noun that a
        backer premodifies ("Iran-backed militia vows revenge", "An Iranian-backed militia said
        ..." before the story names Kataib Hezbollah): the only one it names, or one named more
        than twice as often as any other (known umbrellas do not count). Otherwise nothing."""
        if phrase.lower_ not in self.words.anaphor_nouns or args.mention_at(phrase) is not None \
                or any(c.dep_ in ("compound", "nmod", "poss") for c in phrase.lefts):
            return []
        counts: dict[str, list[Mention]] = {}
        for m in view.mentions:
            if view.type_of(m) is EntityType.ARMED_GROUP and m.entity_id not in self.owner.umbrellas:
                counts.setdefault(str(m.entity_id), []).append(m)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or (len(ranked) > 1 and len(ranked[0]) <= 2 * len(ranked[1])):
            return []
        return ranked[0][:1]

    def syn_backers(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Iran backs X", "Tehran supports several militias, including X and Y", "the Quds Force
        armed and funded X", "Iran provides X with weapons", "Iran supplied drones to X"."""
        out: list[Candidate] = []
        words = self.words
        for tok in args.tokens_in(words.support_verbs | words.supply_verbs):
            low = tok.lower_
            if (low not in words.support_verbs and low not in words.supply_verbs) or self.is_negated(tok):
                continue
            if not self.active_clause(tok):
                continue  # active voice only: "backed by" is read by syn_support
            backers = [self.as_actor(view, m) for m in args.subjects(tok)]
            backers = [b for b in backers if self.type_of_id(view, b) in STATE_TYPES]
            if not backers:
                continue
            if low in words.support_verbs:
                groups = [m for c in tok.children if c.dep_ == "dobj" for m in args.referents(c) or self.trained(args, c)]
                if not groups and tok.dep_ == "relcl":  # "militias that Iran backs, such as A"
                    groups = args.referents(tok.head)
            else:
                groups = self.supplied(args, tok)
            for backer in backers:
                out.extend(self.emit_alignment(view, args, groups, backer, True, "rel-syn-clause", tok))
        return out

    def trained(self, args: SentenceArgs, obj: Token) -> list[Mention]:
        """Return the group whose own people a backer's object names: "trained Kataib Hezbollah
        fighters", "armed thousands of the group's fighters", "funds its members"."""
        nouns = [obj] + [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"]  # "thousands of X fighters"
        for noun in nouns:
            if noun.lower_ not in self.words.holder_nouns:
                continue
            found = args.possessor(noun) or [m for c in noun.children if c.dep_ in ("compound", "nmod")
                                             for m in args.named(c)]
            groups = [m for m in found if args.type_of(m) in GROUPS]
            if groups:
                return groups
        return []

    @staticmethod
    def active_clause(verb: Token) -> bool:
        """Return True for a verb in the active voice with a subject of its own or, joined to an
        earlier verb ("X has long armed and funded Y"), that verb's."""
        for v in (verb, verb.head if verb.dep_ == "conj" else None):
            if v is None:
                return False
            if any(c.dep_ in ("auxpass", "agent") for c in v.children) or v.dep_ in ("acl", "amod"):
                return False
            if any(c.dep_ == "nsubj" for c in v.children):
                return True
        return False

    def is_supply(self, tok: Token) -> bool:
        """Return True for a noun of what a backer gives ("weapons", "drones", "training")."""
        return tok.lower_ in self.words.support_nouns or tok.lower_ in self.words.supply_nouns

    def supplied(self, args: SentenceArgs, verb: Token) -> list[Mention]:
        """Return the groups a supply verb gives support to: "provides X with weapons", "supplied
        drones to X", "gives X funding" (what is given must be support, never "gave a speech to X")."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        given = [c for c in objects if self.is_supply(c) or any(self.is_supply(x) for x in c.conjuncts)]
        given += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj" and self.is_supply(p)]
        if not given:
            return []
        out = [m for c in objects if c not in given and args.mention_at(c) is not None for m in args.referents(c)]
        out += [m for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                for p in c.children if p.dep_ == "pobj" for m in args.members(p)]
        return out

    def syn_receives(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X receives funding from Iran", "X gets its weapons from the IRGC" -> backed_by."""
        out: list[Candidate] = []
        for tok in args.tokens_in(self.words.receive_verbs | self.words.support_nouns):
            if tok.lower_ in self.words.support_nouns:
                # "X operates with Iranian support", "X fights with Iran's backing": the verb's subject
                prep = tok.head
                if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ not in ("VERB", "AUX", "") \
                        or prep.head.dep_ in ("pobj", "dobj", "nsubj", "appos") or self.is_negated(prep.head):
                    continue
                if args.mention_at(prep.head) is not None or prep.head.lower_ in self.words.support_nouns:
                    continue
                tok, objects = prep.head, [tok]
            elif self.is_negated(tok):
                continue
            else:
                objects = [n for c in tok.children if c.dep_ == "dobj" for n in self.support_objects(c)]
            if not objects:
                continue
            # "from Iran" on the verb or on its object ("takes orders from the Quds Force")
            sources: list[Mention | str] = [m for h in (tok, *objects) for c in h.children
                                            if c.dep_ == "prep" and c.lower_ == "from" for m in self.pobj_names(args, c)]
            sources += self.noun_owners(view, args, objects)  # "Iranian funding", "Iran's backing"
            if all(o.lower_ in self.words.help_nouns for o in objects):
                sources = [s for s in sources if self.foreign_state(view, s)]  # not "with the help of Y"
            subjects = args.subjects(tok)
            if any(o.lower_ in _ORDER_NOUNS for o in objects):
                # "X takes its orders from the Quds Force": the one who gives them commands X
                out.extend(self.control(view, args, subjects, list(sources), False, tok))
                continue
            for source in sources:
                out.extend(self.emit_alignment(view, args, subjects, source, True, "rel-syn-clause", tok))
        return out

    def syn_patrons(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Iran, Kataib Hezbollah's main patron", "X's patron, Iran", "Iran is the main backer of X",
        "X's backers in Tehran": the noun's owner is backed by the one the noun restates."""
        out: list[Candidate] = []
        for noun in args.tokens_in(self.words.patron_nouns):
            if args.mention_at(noun) is not None or args.negated(noun):
                continue
            clients = [m for c in noun.children if c.dep_ == "poss"
                       for m in (args.named(c) or args.antecedent(c))]
            clients += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                        for m in self.pobj_names(args, c)]
            clients = [m for m in clients if args.type_of(m) in GROUPS]
            if not clients:
                continue
            patrons: list[Mention | str] = [m for m in args.described(noun) if m not in clients]
            patrons += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
                        for m in self.pobj_names(args, c)]  # "its backers in Tehran"
            for patron in patrons:
                out.extend(self.emit_alignment(view, args, clients, patron, True, args.description_rule(noun), noun))
        return out

    def support_objects(self, obj: Token) -> list[Token]:
        """Return the support nouns a verb's object is or holds: "funding", "direction and funding"
        (a support noun in its list), "most of its weapons" (a share "of" one)."""
        nouns = self.words.support_nouns
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in obj.children):
            return []  # "has no support from Iran", "receives no funding"
        if obj.lower_ in nouns:
            return [obj]
        listed = [c for c in obj.children if c.dep_ == "conj" and c.lower_ in nouns]
        if listed:
            return listed
        if obj.lower_ in _SHARE_WORDS:
            return [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.lower_ in nouns]
        return []

    def syn_relies(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X relies on Iranian funding", "X depends on Iran's support", "X relies on funding from
        Tehran", "X is dependent on Iran for weapons" -> backed_by (the support noun's giver, or the body relied on for support)."""
        out: list[Candidate] = []
        for tok in args.tokens_in(self.words.reliance_words):
            if self.is_negated(tok):
                continue
            sources: list[Mention | str] = []
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")):
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    if self.is_supply(pobj):
                        sources += self.noun_owners(view, args, [pobj])
                        # "relies on funding from Tehran": the giver named after "from"
                        sources += [m for c in pobj.children if c.dep_ == "prep" and c.lower_ == "from"
                                    for m in self.pobj_names(args, c)]
                    elif any(c.dep_ == "prep" and c.lower_ == "for" and any(
                            self.is_supply(p) for p in c.children if p.dep_ == "pobj")
                            for c in (*tok.children, *pobj.children)):
                        sources += args.members(pobj)  # "relies on Iran for weapons"
            subjects = args.subjects(tok)
            for source in sources:
                out.extend(self.emit_alignment(view, args, subjects, source, True, "rel-syn-clause", tok))
        return out

    def noun_owners(self, view: DocView, args: SentenceArgs, nouns: list[Token]) -> list[Mention | str]:
        """Return who gives what a support noun names: its possessor ("Iran's backing") or a
        demonym before it ("Iranian funding": the country)."""
        out: list[Mention | str] = []
        for noun in nouns:
            for child in noun.children:
                if child.dep_ == "poss":
                    out.extend(args.named(child))
                elif child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i:
                    out.extend(self.pobj_names(args, child))  # "with the support of Iran"
                elif child.dep_ in ("amod", "compound") and child.i < noun.i and child.text[:1].isupper():
                    named = args.mention_at(child)
                    demonym = self.lex.demonyms.get(child.text)
                    if named is not None and self.type_of_id(view, named) in STATE_TYPES:
                        out.append(named)
                    elif named is None and demonym and (found := view.lookup_name(demonym)) is not None:
                        out.append(found)
        return out
