"""Parse-based relation families about people: role phrases and verbs of leading.

- a role phrase that restates a person (:meth:`SyntaxRoles.syn_roles`): "X, the leader of Y",
  "the commander of Y's Anbar operations, X", "X is the head of Y", "X, who serves as Y's
  envoy", "X, a senior commander in Y" (indefinite: ``member_of``);
- a verb of leading (:meth:`SyntaxRoles.syn_leading`): "X, who heads Y", "Y, led by X", "Y is
  headed by the prime minister", "PMF leaders headed by X", "a delegation from Y, led by X".

The title is read off the parse (its premodifiers up to an owner: "the PMF deputy chief", "Iran's
top security official"), normalised by the role lexicon, and its object is the organisation the
phrase names: a prepositional object ("of", "at", "for", following possessive chains and
unnamed sub-units: "director of the Iraq Initiative at Chatham House" holds a role in Chatham
House), a possessor, a premodifier name or demonym, else the knowledge base's dated roles or the
document's main country for offices. Titles written before a name ("Prime Minister X") stay with
the word-order family ``rel-title-person``.
"""

from __future__ import annotations

import re

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.relations.syntax_words import SyntaxWords
from factiongraph.extract.relations.role_families import RoleFamilies
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.view.docview import ORGS, PLACES, DocView
from factiongraph.model import EntityType, Mention, Predicate

OWNER_TYPES = ORGS | {EntityType.COUNTRY}
_OBJECT_PREPS = ("of", "at", "for", "with", "within", "to", "in", "from")
# "A and B, two members of Y": the count a plural title set after a list of names gives.
_COUNTED = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
# a verb of leading that founds only with its particle: "set up"
_PARTICLE_VERBS = {"set": "up"}


class SyntaxRoles(RoleFamilies):
    """Parse-based families that relate a person to an organisation (``rel-syn-*``)."""

    words: SyntaxWords
    _role_heads: frozenset[str] | None = None

    def role_heads(self) -> frozenset[str]:
        """Return the last word of every title variant ("minister", "chief", "general")."""
        if self._role_heads is None:
            heads = set()
            for variant in self.lex.canonical:
                last = variant.split()[-1].split("-")[-1]
                heads.add(last)
            self._role_heads = frozenset(heads)
        return self._role_heads

    @staticmethod
    def counted_title(tok: Token) -> int | None:
        """Return the count of a plural title set after a list of names ("A and B, two members of
        Y", "both senior commanders of Y"), or None."""
        if tok.dep_ != "appos":
            return None
        counts = [_COUNTED[c.lower_] for c in tok.children if c.dep_ in ("nummod", "det", "predet", "quantmod")
                  and c.lower_ in _COUNTED]
        return counts[0] if len(counts) == 1 else None

    def plural_role_heads(self) -> frozenset[str]:
        """Return the plurals of the title heads ("commanders", "leaders")."""
        return frozenset(h + "s" for h in self.role_heads() if not h.endswith("s"))

    _title_words: frozenset[str] | None = None

    def title_words(self) -> frozenset[str]:
        """Return the words of titles and title modifiers ("deputy", "top", "former", "prime")."""
        if self._title_words is None:
            words = {w for variant in self.lex.canonical for w in re.split(r"[\s-]+", variant)}
            words |= {m.lower() for m in self.lex.modifiers}
            self._title_words = frozenset(words)
        return self._title_words

    # -- the title written around a role noun -----------------------------------------------
    def read_title(self, view: DocView, args: SentenceArgs, head: Token
                   ) -> tuple[int, int, Mention | str | None, Token]:
        """Return ``(start, end, owner, last)`` of the title a role noun heads.

        ``start``/``end`` are character offsets of the title as written (modifiers kept, owner
        left out); ``owner`` is a name or demonym written before it ("the PMF deputy chief",
        "the Iraqi prime minister", "Iran's top security official"); ``last`` is the title's
        last token (after "of staff", "of state", "of parliament" when the lexicon knows the
        longer title).
        """
        doc = args.doc
        start_tok = head
        owner: Mention | str | None = None
        for i in range(head.i - 1, args.first - 1, -1):
            child = doc[i]
            if child.dep_ == "case" and head.is_ancestor(child):
                continue  # the "'s" of a possessor
            if not head.is_ancestor(child) or child.dep_ in ("det", "predet"):
                break
            m = args.mention_at(child)
            if m is not None and m.producer.startswith("rule.definite-reference"):
                m = None  # "the military spokesman": an adjective, not "the military"
            if m is not None or child.dep_ == "poss":
                if m is not None and args.type_of(m) in OWNER_TYPES:
                    owner = m
                elif m is not None and args.type_of(m) is EntityType.PLACE:
                    owner = self.place_owner(view, m)  # "the Basra governor", "Tehran's envoy"
                elif child.lower_ in self.lex.generic_nouns and child.dep_ == "poss":
                    owner = next(iter(args.antecedent(child)), None)  # "the group's leader"
                    if owner is None and child.lower_ in self.words.collective_nouns:
                        owner = self.collective_owner(args, child)  # "the coalition's spokesman"
                elif child.lower_ in ("its", "their"):
                    owner = self.pronoun_owner(view, args.ms, child.idx, child.idx) or None
                break
            name = self.lex.demonyms.get(child.text)
            if name is not None and child.text[:1].isupper():
                owner = view.lookup_name(name)
                break
            if child.dep_ not in ("compound", "amod", "nmod", "punct", "npadvmod", "advmod", "nummod"):
                break
            if child.dep_ in ("compound", "nmod", "nummod") or child.text in ("-", "\u2010") \
                    or child.lower_ in self.title_words() or self.lex.has_unit(child.lower_):
                start_tok = child  # "deputy chief", "security official", "top commander", "military commander"
            # other adjectives ("longtime leader", "outspoken leader") describe the holder
        last = head
        for size in (3, 2):  # "chief of staff", "minister of the interior"
            if head.i + size <= args.last:
                stop = doc[head.i + size]
                longer = " ".join(view.text[head.idx:stop.idx + len(stop.text)].lower().split())
                if longer in self.lex.canonical:
                    last = stop
                    break
        return start_tok.idx, last.idx + len(last.text), owner, last

    def collective_owner(self, args: SentenceArgs, noun: Token) -> Mention | None:
        """Return the body "the coalition" stands for: the last organisation named before it, in
        its sentence or the one before, whose name holds the noun ("the US-led coalition")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        here = [m for m in args.ms if m.end <= noun.idx]
        for m in [*reversed(here), *reversed(args.view.recent_mentions(args.start, 1))]:
            if args.type_of(m) in OWNER_TYPES and noun.lower_ in args.text[m.start:m.end].lower():
                return m
        return None

    def office_served(self, view: DocView, args: SentenceArgs, tok: Token) -> str | None:
        """Return the body whose office a post serves: "an adviser to Prime Minister X" (X's
        office), "a political adviser to the prime minister", "to Iraq's president" (an office's
        owner: a possessor or demonym written with it, the KB, else the document's country)."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                person = args.mention_at(pobj)
                if person is not None and args.type_of(person) is EntityType.PERSON:
                    title = self.lex.find_title_before(view.text, person.start, args.start)
                    if title is not None and title.kind == "office":
                        return self.context_object(view, person, title.normalized, "office", False,
                                                   args.start, args.end)
                    continue
                if person is not None or not any(c.dep_ in ("det", "poss") for c in pobj.children):
                    continue
                written = view.text[pobj.left_edge.idx:pobj.idx + len(pobj.text)]
                norm, kind, _ = self.lex.normalize_role(re.sub(r"^(?:the|its|his|her)\s+", "", written, flags=re.I))
                if kind != "office":
                    continue
                owners = [m for c in pobj.children if c.dep_ == "poss" for m in args.named(c)
                          if args.type_of(m) is EntityType.COUNTRY]
                if owners:
                    return str(owners[0].entity_id)  # "Iraq's prime minister"
                for name in self.lex.demonyms_in(written):
                    found = view.lookup_name(name)
                    if found is not None and self.is_country(view, found):
                        return found
                if any(c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
                    return view.main_country
        return None

    def object_after(self, view: DocView, args: SentenceArgs, tok: Token, depth: int = 0
                     ) -> tuple[Mention | None, bool, list[tuple[Token, Mention]]]:
        """Return ``(object, through a sub-unit, regions)`` named after a role phrase.

        "the head of the IRGC's Quds Force" -> Quds Force; "director of the Iraq Initiative at
        Chatham House" -> Chatham House, through a sub-unit; "commander of Y in Anbar" -> Y and
        the region candidate ("in", Anbar) (the caller keeps it when it follows the phrase).
        """
        found: Mention | None = None
        indirect = False
        regions: list[tuple[Token, Mention]] = []
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in _OBJECT_PREPS:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                named = args.named(pobj)
                if not named and pobj.lower_ in self.lex.generic_nouns and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
                    # "the head of the Iraqi armed group Harakat al-Nujaba": the group noun's name
                    named = [m for m in args.name_after(pobj) if args.type_of(m) in ORGS]
                m = named[0] if named else None
                if m is not None and args.mention_at(pobj) is None and args.type_of(m) in PLACES:
                    m = None  # "Anbar Operations": a unit named after a place
                if m is not None and args.type_of(m) in PLACES and args.type_of(m) is not EntityType.COUNTRY:
                    if child.lower_ == "in":
                        regions.append((child, m))
                        continue
                if m is not None and args.type_of(m) in OWNER_TYPES | PLACES and found is None:
                    found = self.possessed(view, args.ms, m)
                    regions.extend(self.regions_of(view, args, pobj))
                elif m is None and found is None and depth < 2:
                    inner, _, inner_regions = self.object_after(view, args, pobj, depth + 1)
                    poss = [args.mention_at(c) for c in pobj.children if c.dep_ in ("poss", "compound")]
                    owner = next((p for p in poss if p is not None and args.type_of(p) in ORGS), None)
                    if inner is not None or owner is not None:
                        found, indirect = inner or owner, True
                        regions.extend(inner_regions)
        return found, indirect, regions

    def regions_of(self, view: DocView, args: SentenceArgs, tok: Token) -> list[tuple[Token, Mention]]:
        """Return the "in <place>" phrases attached to ``tok``."""
        out: list[tuple[Token, Mention]] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    m = args.named(pobj)[0] if pobj.dep_ == "pobj" and args.named(pobj) else None
                    if m is not None and args.type_of(m) is EntityType.PLACE:
                        out.append((child, m))
        return out

    @staticmethod
    def region_next_to(view: DocView, regions: list[tuple[Token, Mention]], pos: int) -> Mention | None:
        """Return the region whose "in" follows ``pos`` with only spaces (and "the") between."""
        for prep, m in regions:
            if prep.idx >= pos and not view.text[pos:prep.idx].strip():
                return m
        return None

    # -- role phrases -----------------------------------------------------------------------
    def syn_roles(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, the leader of Y", "the commander of Y, X", "X is the head of Y", "X, a member of Y"."""
        out: list[Candidate] = []
        heads = self.role_heads()
        plurals = self.plural_role_heads()
        for tok in args.tokens_in(heads | plurals):
            if args.mention_at(tok) is not None or args.negated(tok):
                continue
            counted = self.counted_title(tok) if tok.lower_ in plurals else None
            if tok.lower_ not in heads and counted is None and not (
                    tok.lower_ in plurals and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                    and tok.head.head.lower_ == "one"):
                continue  # a plural title only as "one of the commanders of Y" or "A and B, two members of Y"
            if tok.dep_ == "compound" and args.mention_at(tok.head) is not None:
                continue  # a title before a name: rel-title-person
            if tok.head.i != tok.i and abs(tok.head.i - tok.i) == 2 and tok.head.lower_ in heads and \
                    args.doc[min(tok.i, tok.head.i) + 1].text == "-":
                continue  # one half of "secretary-general": read from the half that heads it
            people = [m for m in args.described(tok) if args.type_of(m) is EntityType.PERSON]
            if not people or (counted is not None and len(people) != counted):
                continue  # "A and B, two members of Y": the count must fit the names
            if len(people) > 1 and not tok.lower_.endswith("s") and all(m.end <= tok.idx for m in people) \
                    and tok.dep_ == "appos":
                people = people[-1:]  # "A and B, the PMF chairman": one title after a list is the last name's
            start, end, owner, last = self.read_title(view, args, tok)
            after = args.name_after(last)
            if after and args.type_of(after[0]) is EntityType.PERSON and \
                    not view.text[end:after[0].start].strip(" \u00a0"):
                continue  # "deputy chief Abu Mahdi al-Muhandis": a title before a name
            written = view.text[start:end]
            norm, kind, ended = self.lex.normalize_role(written[:-1] if tok.lower_ not in heads else written)
            obj, indirect, regions = self.object_after(view, args, last)
            if obj is None and last.i != tok.i:
                obj, indirect, regions = self.object_after(view, args, tok)
            oid: str | None = owner.entity_id if isinstance(owner, Mention) else None
            if obj is not None and oid is None:
                oid = obj.entity_id
                if kind == "office" and args.type_of(obj) is EntityType.PLACE:
                    oid = self.place_owner(view, obj)  # "the prime minister of the Kurdistan Region"
            elif obj is not None:  # a name written before the title owns it ("Iran's envoy to Iraq")
                obj, indirect = None, False
            pronoun = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
            if oid is None and isinstance(owner, str) and (kind not in ("leader", "member") or pronoun):
                # a demonym or a place owns an office ("the Iraqi prime minister"); "its" owns any
                # title ("The PMF said one of its commanders, X"); a demonym before a leader title
                # is a nationality ("the Iraqi commander")
                oid = owner
            region = self.region_next_to(view, regions, obj.end if obj is not None else end)
            if kind == "legislator" and (oid is None or self.is_country(view, oid)):
                oid = self.legislature_of(view, oid)
            det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
            quantified = (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one") \
                or counted is not None
            definite = det not in ("a", "an") and not quantified
            rule = args.description_rule(tok)
            for person in people:
                pid = oid
                if pid is None and definite and not self.names_an_owner(written):
                    pid = self.context_object(view, person, norm, kind, False, args.start, args.end)
                elif pid is None and obj is None and owner is None:
                    pid = self.written_owner(view, written)  # "Coalition spokesman" after "the US-led coalition"
                if pid is None and obj is None and owner is None and kind == "post":
                    # "an adviser to Prime Minister X": the body of X's office (the KB's own record first)
                    pid = self.owner.office_holder_of(str(person.entity_id), norm, view.year) or \
                        self.office_served(view, args, last)
                if pid is None:
                    continue
                ent = self.owner.entity(view, pid)
                otype = ent.type if ent is not None else None
                if otype in PLACES and otype is not EntityType.COUNTRY and kind != "office":
                    continue  # "the leader in Basra": a place is a region, not an organisation
                pred = self.role_predicate(kind, otype, definite)
                if otype in (EntityType.STATE_BODY, EntityType.INTL_ORG) and pred is Predicate.MEMBER_OF \
                        and definite:
                    pred = Predicate.HOLDS_ROLE  # "a member of parliament" holds a seat
                elif otype is EntityType.ARMED_GROUP and not definite and not (
                        kind == "post" and norm.casefold() in self.context_posts):
                    # "a security official of Y": one of its members; "a spokesman for Y" speaks for it
                    pred = Predicate.MEMBER_OF
                role = written.strip() if tok.lower_ in heads else written.strip()[:-1]  # "one of its commanders"
                if indirect and obj is not None:
                    role = view.text[start:self.phrase_end(args, last)].strip()
                    if pred is Predicate.LEADER_OF:
                        pred = Predicate.HOLDS_ROLE  # the head of a sub-unit holds a role in the body
                elif pred is Predicate.LEADER_OF and self.lex.has_unit(written):
                    pred = Predicate.HOLDS_ROLE  # "Y's military commander": the head of a branch
                elif pred is Predicate.LEADER_OF and obj is not None and otype in (
                        EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG) and re.fullmatch(
                        r"\s+in\s+(?:the\s+)?[\"\u201c]?", view.text[end:obj.start]):
                    pred = Predicate.MEMBER_OF  # "the leader in the PMF, X": one of its leaders
                if region is not None:
                    if pred is Predicate.LEADER_OF:
                        pred = Predicate.HOLDS_ROLE
                    role = f"{role} in {region.text}"
                span = args.span_of(person, obj, owner if isinstance(owner, Mention) else None, tok, region)
                span = (min(span[0], start), max(span[1], end))
                out.append(self.cand(person, pred, pid, span, rule, role=role,
                                     role_normalized=norm, ended=ended))
                if pred is not Predicate.MEMBER_OF:
                    self.remember_role(view, str(person.entity_id), norm)
        return out

    def syn_whose(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Y, whose leader is X" / "Y, whose spokesman, X, said" / "Y, whose leader X hails from Z":
        the title belongs to Y."""
        out: list[Candidate] = []
        heads = self.role_heads()
        for tok in args.tokens_in(heads):
            if tok.lower_ not in heads or not any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
                continue
            verb = tok.head
            titled = args.mention_at(verb) if tok.dep_ == "compound" else None
            if titled is not None and args.type_of(titled) is EntityType.PERSON:
                verb = verb.head  # "Y, whose leader X hails from Z": the title is a compound of X's name
            else:
                titled = None
            clause = verb if verb.dep_ == "relcl" else tok if tok.dep_ == "relcl" else None
            owner = args.mention_at(clause.head) if clause is not None and clause.head.i != clause.i else None
            if owner is None and clause is not None and clause.head.i != clause.i \
                    and clause.head.lower_ in self.words.group_part_nouns | self.words.part_nouns:
                # "X, an Iranian-backed militia whose leader Y ...": the name the phrase restates
                owner = next(iter(args.described(clause.head)), None)
            if owner is None or args.type_of(owner) not in ORGS | {EntityType.COUNTRY}:
                continue
            people = [titled] if titled is not None else [
                m for c in (*verb.children, *tok.children) if c.dep_ in ("attr", "appos") and c.i != tok.i
                for m in args.named(c) if args.type_of(m) is EntityType.PERSON]
            title = tok.text
            doc = tok.doc
            if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ \
                    and not doc[tok.i + 1].whitespace_:
                title = tok.text + "-" + doc[tok.i + 2].text  # "whose secretary-general X"
            norm, kind, ended = self.lex.normalize_role(title)
            pred = self.role_predicate(kind, args.type_of(owner), True)
            for person in people:
                out.append(self.cand(person, pred, owner, args.span_of(person, owner, tok), "rel-syn-clause",
                                     role=title, role_normalized=norm, ended=ended))
        out.extend(self.whose_group(args))
        return out

    def whose_group(self, args: SentenceArgs) -> list[Candidate]:
        """"X, whose Asaib Ahl al-Haq holds 16 seats", "X, whose militia, Saraya al-Salam, ...": a
        person's own group is the one they lead (as "X's Asaib Ahl al-Haq" is)."""
        out: list[Candidate] = []
        groups = (EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)
        for whose in args.tokens_in(frozenset({"whose"})):
            phrase = whose.head
            if whose.dep_ != "poss" or phrase.i == whose.i:
                continue
            clause = next((t for t in (phrase.head, phrase.head.head) if t.dep_ == "relcl"), None)
            person = args.mention_at(clause.head) if clause is not None else next(
                (m for m in args.ms if args.text[m.end:whose.idx] == ", "), None)  # a clause the parse lost
            if person is None or args.type_of(person) is not EntityType.PERSON:
                continue
            named = args.mention_at(phrase)
            found = [named] if named is not None else [
                m for c in phrase.children if c.dep_ == "appos" for m in args.named(c)] \
                if phrase.lower_ in self.words.group_part_nouns | self.words.anaphor_nouns else []
            for group in found:
                if args.type_of(group) in groups:
                    out.append(self.cand(person, Predicate.LEADER_OF, group, args.span_of(person, group, whose),
                                         "rel-syn-clause", role="leader", role_normalized="leader"))
        return out

    def in_delegation(self, args: SentenceArgs, org: Mention) -> bool:
        """Return True when a name is what a delegation comes from ("a delegation from Y, ...")."""
        head = args.head(org)
        return bool(head is not None and head.dep_ == "pobj" and head.head.lower_ in ("from", "of")
                    and head.head.head.lower_ in self.words.delegation_nouns)

    def phrase_end(self, args: SentenceArgs, tok: Token) -> int:
        """Return where the role phrase's first sub-unit ends ("director of the Iraq Initiative")."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and args.mention_at(pobj) is None:
                        return int(pobj.idx + len(pobj.text))
        return int(tok.idx + len(tok.text))

    # -- verbs of leading -------------------------------------------------------------------
    def syn_leading(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"X, who heads Y", "X founded Y", "Y, led by X", "PMF leaders headed by X"."""
        out: list[Candidate] = []
        verbs = self.words.leader_verbs
        for tok in args.tokens_in(verbs):
            role = verbs.get(tok.lower_)
            if role is None or any(c.dep_ == "neg" for c in tok.children):
                continue
            if tok.lower_ in _PARTICLE_VERBS and not any(
                    c.dep_ == "prt" and c.lower_ == _PARTICLE_VERBS[tok.lower_] for c in tok.children):
                continue  # "X set up Y" founds it; "X set the terms for Y" does not
            agents = [c for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
            if agents:
                out.extend(self.led_by_agent(view, args, tok, agents, role))
                continue
            if tok.dep_ in ("amod", "compound", "acl") or tok.lower_.endswith("ing"):
                continue
            people = [m for m in args.subjects(tok) if args.type_of(m) is EntityType.PERSON]
            if not people:
                continue
            for child in tok.children:
                if child.dep_ != "dobj":
                    continue
                # "X heads the Y political bureau": a post in Y, not Y's lead
                unit = args.mention_at(child) is None and child.lower_ not in self.words.group_part_nouns \
                    and child.lower_ not in self.words.anaphor_nouns and child.lower_ not in self.words.collective_nouns
                orgs = args.members(child)
                if not orgs and child.lower_ in ("which", "that") and tok.dep_ == "relcl":
                    orgs, unit = args.named(tok.head), False  # "Saraya al-Salam, which Sadr formed in 2014"
                for org in orgs:
                    if args.type_of(org) not in ORGS:
                        continue
                    org = self.possessed(view, args.ms, org)
                    # "heads the State of Law coalition": the noun is a word of the body's own name
                    unit = unit and not any(child.lower_ in name.split() for name in args.names_of(org))
                    written = f"{role} of the {child.text}" if unit else role
                    for person in people:
                        out.append(self.cand(person, Predicate.HOLDS_ROLE if unit else Predicate.LEADER_OF,
                                             org, args.span_of(person, org, tok, child), "rel-syn-clause",
                                             role=written, role_normalized=self.lex.normalize_role(written)[0]))
        return out

    def led_phrase(self, args: SentenceArgs, verb: Token) -> list[Mention]:
        """Return what "led by X" describes when the parser hung it on a body a group noun is
        "in" or "of": "a Christian militia in the PMF led by X" leads the militia (the name it
        restates), not the PMF."""
        body = verb.head
        if verb.dep_ != "acl" or body.dep_ != "pobj" or args.mention_at(body) is None:
            return []
        prep = body.head
        noun = prep.head
        if prep.dep_ != "prep" or prep.lower_ not in self.words.part_preps or args.mention_at(noun) is not None \
                or noun.lower_ not in self.words.group_part_nouns | self.words.part_nouns:
            return []
        return [m for m in args.described(noun) if m is not args.mention_at(body)]

    def led_by_agent(self, view: DocView, args: SentenceArgs, verb: Token, agents: list[Token],
                     role: str) -> list[Candidate]:
        """"Y, led by X" / "Y is headed by the prime minister" / "a delegation from Y, led by X"."""
        out: list[Candidate] = []
        people: list[str] = []
        last_person: Mention | None = None
        for agent in agents:
            for pobj in agent.children:
                if pobj.dep_ != "pobj":
                    continue
                for m in args.members(pobj):
                    if args.type_of(m) is EntityType.PERSON:
                        people.append(str(m.entity_id))
                        last_person = m
                if not people and pobj.lower_ in self.role_heads() and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
                    start, end, _, _ = self.read_title(view, args, pobj)
                    norm = self.lex.normalize_role(view.text[start:end])[0]
                    holder = self.owner.role_holder(view, norm, view.main_country)
                    if holder:
                        people.append(holder)
                        role = view.text[start:end]
        if not people:
            return out
        head = verb.head if verb.dep_ == "acl" else None
        member = False
        orgs: list[Mention]
        if head is not None and head.lower_ in self.words.delegation_nouns:
            orgs = [m for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for p in c.children if p.dep_ == "pobj" for m in args.named(p)]
            member = True
        else:
            orgs = self.led_phrase(args, verb) or args.subjects(verb)
            member = any(self.in_delegation(args, org) for org in orgs)
            # "the Quds Force, the IRGC's overseas arm, was led by X": the owner inside an
            # apposition is not what was led
            owned = [m for m in orgs if (h := args.head(m)) is not None and h.dep_ == "poss"
                     and args.mention_at(h.head) is None]
            orgs = [m for m in orgs if m not in owned] or orgs
        for org in orgs:
            if args.type_of(org) not in ORGS:
                continue
            for pid in people:
                pred = Predicate.MEMBER_OF if member else Predicate.LEADER_OF
                written = "delegation leader" if member else role
                out.append(self.cand(pid, pred, org, args.span_of(org, last_person, verb),
                                     "rel-syn-clause", role=written,
                                     role_normalized=self.lex.normalize_role(written)[0]))
        return out
