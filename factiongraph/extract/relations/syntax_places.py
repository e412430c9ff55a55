"""Parse-based located_in: "Baghdad's fortified Green Zone", "T, an outpost in R", "X, the
capital of Y", "X, the centre of the capital, Baghdad" (word-order forms are ``rel-located-in``).
"""

from __future__ import annotations

from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.relations.syntax_groups import SyntaxGroups
from factiongraph.extract.view.docview import PLACES, DocView
from factiongraph.model import EntityType, Mention, Predicate


_DIRECTIONS = frozenset("""north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west""".split())


class SyntaxPlaces(SyntaxGroups):
    """The parse-based ``located_in`` family (``rel-syn-*`` producers)."""

    def syn_places(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Baghdad's heavily fortified Green Zone", "Tower 22, a US outpost in Rukban"."""
        out: list[Candidate] = []
        possessives = not args.present.isdisjoint(("'s", "\u2019s", "'", "\u2019"))
        for m in (args.ms if possessives else ()):
            if args.type_of(m) is not EntityType.PLACE:
                continue
            head = args.head(m)
            if head is None:
                continue
            for tok in {head, args.nominal(head)}:
                for child in tok.children:
                    outer = args.mention_at(child) if child.dep_ == "poss" else None
                    if outer is not None and args.type_of(outer) in PLACES and self.encloses_or_unknown(view, outer, m):
                        out.append(self.cand(m, Predicate.LOCATED_IN, outer, args.span_of(outer, m, tok),
                                             "rel-syn-modifier"))
        for tok in args.tokens_in(self.words.site_nouns | self.words.area_nouns):
            # "a town in Y"; "the capital of Y", "a district of Y" (a place noun owned by Y);
            # "the centre of the capital, Baghdad"
            preps = [c for c in tok.children if c.dep_ == "prep" and (c.lower_ == "in" or (
                c.lower_ == "of" and tok.lower_ in self.words.city_nouns | self.words.area_nouns))]
            if not preps or args.mention_at(tok) is not None or args.negated(tok):
                continue
            if tok.lower_ in _DIRECTIONS and not any(c.dep_ in ("det", "poss") for c in tok.children):
                continue  # "Jurf al-Sakhar, south of Baghdad": a bearing from Y, not a part of it
            sites = [m for m in args.described(tok) if args.type_of(m) is EntityType.PLACE]
            if not sites:
                continue
            for child in preps:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    named = args.named(pobj) or [m for c in pobj.children if c.dep_ == "appos" for m in args.named(c)]
                    outer_m = named[0] if named else None
                    if outer_m is None or args.type_of(outer_m) not in PLACES:
                        continue
                    for site in sites:
                        if self.encloses_or_unknown(view, outer_m, site):
                            out.append(self.cand(site, Predicate.LOCATED_IN, outer_m,
                                                 args.span_of(site, outer_m, tok), args.description_rule(tok)))
        out.extend(self.region_sites(view, args))
        out.extend(self.qualified_site(view, args))
        out.extend(self.lying_in(view, args))
        return out

    def qualified_site(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Sadr City, a Baghdad district", "Qaim is an Anbar border town": a singular site noun
        a place qualifies, restating another place, puts that place in the qualifier."""
        out: list[Candidate] = []
        for tok in args.tokens_in(self.words.site_nouns):
            if args.mention_at(tok) is not None or args.negated(tok) or any(c.lower_ in ("one", "two", "three") for c in tok.children):
                continue
            regions = [m for c in tok.children if c.dep_ in ("compound", "nmod")
                       and (m := args.mention_at(c)) is not None and args.type_of(m) in PLACES]
            if len(regions) != 1:
                continue
            region = regions[0]
            for site in args.described(tok):
                if args.type_of(site) is EntityType.PLACE and site.entity_id != region.entity_id \
                        and self.encloses_or_unknown(view, region, site) and not self.same_rank(view, region, site):
                    out.append(self.cand(site, Predicate.LOCATED_IN, region, args.span_of(site, region, tok),
                                         args.description_rule(tok)))
        return out

    def lying_in(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"Ain al-Asad, which lies in Anbar province", "the base is located in Erbil": a verb of
        lying with "in" puts its subject place in the place "in" names ("near", "north of" do not)."""
        out: list[Candidate] = []
        for verb in args.tokens_in(self.words.lie_verbs):
            if args.negated(verb):
                continue
            sites = [m for m in args.subjects(verb) if args.type_of(m) is EntityType.PLACE]
            if not sites:
                continue
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "inside", "within")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    named = args.named(pobj)
                    if len(named) != 1 or args.type_of(named[0]) not in PLACES:
                        continue
                    for site in sites:
                        if self.encloses_or_unknown(view, named[0], site):
                            out.append(self.cand(site, Predicate.LOCATED_IN, named[0],
                                                 args.span_of(site, named[0], verb), "rel-syn-clause"))
        return out

    def region_sites(self, view: DocView, args: SentenceArgs) -> list[Candidate]:
        """"the Anbar towns of Qaim and Rutba", "the Nineveh Plain bases in A, B and C": the places
        a region's sites are named as, or are in, lie in the region."""
        out: list[Candidate] = []
        sites = self.words.site_nouns
        for tok in args.tokens:
            low = tok.lower_
            plural = low.endswith("s") and (low[:-1] in sites or (low.endswith("ies") and low[:-3] + "y" in sites))
            if not plural or args.mention_at(tok) is not None or args.negated(tok):
                continue  # a singular "the Anbar town of Rutba" is read by word order
            regions = [m for c in tok.children if c.dep_ in ("compound", "nmod", "poss")
                       and (m := args.mention_at(c)) is not None and args.type_of(m) is EntityType.PLACE]
            if len(regions) != 1:
                continue
            region = regions[0]
            preps = [c for c in tok.children if c.dep_ == "prep" and (c.lower_ == "in" or (
                c.lower_ == "of" and (low[:-1] in self.words.city_nouns or low[:-3] + "y" in self.words.city_nouns)))]
            for prep in preps:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for place in args.members(pobj):
                        if args.type_of(place) is EntityType.PLACE and place.entity_id != region.entity_id \
                                and self.encloses_or_unknown(view, region, place) \
                                and not self.same_rank(view, region, place):
                            out.append(self.cand(place, Predicate.LOCATED_IN, region,
                                                 args.span_of(region, place, tok), "rel-syn-modifier"))
        return out

    def encloses_or_unknown(self, view: DocView, outer: Mention, inner: Mention) -> bool:
        """Return False when the KB says ``inner`` is the larger of the two (or they are one)."""
        if outer.entity_id == inner.entity_id or view.type_of(inner) is EntityType.COUNTRY:
            return False
        ent = self.owner.entity(view, outer.entity_id)
        if ent is not None and ent.attributes.get("parent") == inner.entity_id:
            return False
        rank_o, rank_i = self.admin_rank(view, outer), self.admin_rank(view, inner)
        return rank_o is None or rank_i is None or rank_o >= rank_i
