"""State forces and bodies a phrase stands for: "security forces", "the ministry", the story's home
country, a capital standing for its state, the occupants of a place, and the entity ids of tokens.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from typing import Any

from factiongraph.extract.events.bodies import body_named, coalition, country_body, service_forces, theatre_coalition
from factiongraph.extract.events.reader_base import Token, entity_type_of, trigger_head
from factiongraph.extract.events.role_words import (
    AFFILIATION_PARTICIPLES, ANNOUNCE_VERBS, BARE_HOME_BODIES, BELONG_VERBS, FORCE_HOLDERS, HELD_BY_VERBS,
    HOLDING_VERBS, HOME_BODIES, PLACE_TYPES, SAY_VERBS, SELF_CHANGES, STATE_MEANS)
from factiongraph.extract.events.syntax_names import NameReader
from factiongraph.extract.view.docview import kb_get
from factiongraph.model import EntityType


class ForceReader(NameReader):
    """Reads state forces, home bodies and the entity ids of tokens."""

    def ids(self, tokens: Iterable[Token]) -> list[str]:
        """Return the entity ids the noun phrases headed by ``tokens`` name, in order."""
        out: list[str] = []
        for tok in tokens:
            found = [m for m in self.names(tok) if m.entity_id]
            if len(found) == 1 and self.sx.mention_at(tok) is None and entity_type_of(self.ctx, found[0]) is EntityType.COUNTRY:
                # "Iraq's parliament voted": the country's body of that name, when the KB has one
                found_body = country_body(self.ctx, tok, str(found[0].entity_id))
                if found_body:
                    out.extend(i for i in found_body if i not in out)
                    continue
            allied = coalition(self.ctx, tok, False) if tok.lower_ != "coalition" else []
            if allied:
                # "US and coalition troops", read with "coalition troops" as the second conjunct:
                # the coalition, not the first conjunct the parser lends the phrase
                found = [m for m in found if tok.left_edge.idx <= m.start < tok.idx]
            named = self.shared_forces(tok) or self.own_forces(tok) or [str(m.entity_id) for m in found] + allied \
                or self.home_body(tok) \
                or coalition(self.ctx, tok, self._named_group(tok) is not None)
            if found and self.sx.mention_at(tok) is None and not self.sx.phrase_mentions(tok, conjuncts=False):
                # "the federal government and the KRG": the conjunct's name is not this head's
                named = self.home_body(tok) + named
            out.extend(i for i in named if i not in out)
        return out

    def own_forces(self, token: Token) -> list[str]:
        """Return the state body forces are named by ("Iraqi counter-terrorism forces": the
        Counter-Terrorism Service), of the nationality written or, with none, the story's home
        country; see :func:`bodies.service_forces`."""
        if self.sx.mention_at(token) is not None:
            return []
        demonym = next((c.text for c in token.children if c.text in self.demonyms and c.i < token.i), None)
        country = self.demonyms[demonym] if demonym is not None else None
        if country is None and any(self.sx.mention_at(c) is not None for c in token.subtree if c.i < token.i):
            return []  # "US special forces": the named state's, read elsewhere
        if country is None:
            # the home country's forces: its nationality word drops from the bodies' names ("an
            # army patrol" in a story set in Iraq is the Iraqi army's)
            country = self._home_country()
            return service_forces(self.ctx, token, country, None,
                                  [d for d, c in self.demonyms.items() if c == country and d[:1].isupper()])
        return service_forces(self.ctx, token, country, demonym)

    def shared_forces(self, token: Token) -> list[str]:
        """Return each side of forces or means that coordinated modifiers share ("Iraqi and US
        forces": the Iraqi forces and the United States; "Iraqi and coalition aircraft": Iraq and
        the international coalition). Empty unless the head is a force or a means and its
        modifier is coordinated."""
        if token.lower_ not in STATE_MEANS or self.sx.mention_at(token) is not None:
            return []
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        sides = [t for c in mods for t in [c, *self.sx.conjuncts(c)]]
        first = min((t.i for t in sides), default=token.i)
        if len(sides) < 2 or not any(t.dep_ == "cc" for t in token.doc[first:token.i]):
            return []  # "a US drone strike": one side's words, not two sides coordinated
        out: list[str] = []
        for side in sides:
            m = self.sx.mention_at(side)
            if m is not None and m.entity_id:
                ids = [str(m.entity_id)]
            elif side.text in self.demonyms:
                ids = body_named(self.ctx, f"{side.text} {token.text}") or [self.demonyms[side.text]]
            elif side.lower_ == "coalition":
                ids = theatre_coalition(self.ctx)
            else:
                ids = []
            out.extend(i for i in ids if i not in out)
        return out

    def home_body(self, token: Token) -> list[str]:
        """Return the state body "the army", "the police", "the government" names when no body was
        named before it: the one of the country the story is set in (the country its places and
        countries point to most), whose name is that country's adjective and the noun ("the army
        lifted the curfew" in a story set in Iraq: the Iraqi army). Empty when the story has no
        clear home country or the KB has no such body."""
        word = token.lower_
        if word not in HOME_BODIES or self.sx.mention_at(token) is not None or self._named_body(token) is not None:
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and (
                word not in BARE_HOME_BODIES or any(c.dep_ in ("det", "poss", "amod") or c.dep_ == "compound"
                                                    and not self._is_place(c) for c in token.children)):
            return []  # "a government", "a new parliament", "traffic police": not the state's own ("Basra police" is)
        home = self._home_country()
        if home is None:
            return []
        # the country's adjective and the noun ("Iraqi parliament"), in the body's name or an alias
        adjectives = [re.escape(d) for d, c in self.demonyms.items() if c == home] or [r"\w+"]
        shape = re.compile(rf"^(?:{'|'.join(adjectives)}) {re.escape(word)}$", re.IGNORECASE)
        return [r.id for r in self.ctx.kb.records.values() if r.type is EntityType.STATE_BODY
                and r.attributes.get("country") == home and shape.match(r.name)] [:1] or \
            [r.id for r in self.ctx.kb.records.values() if r.type is EntityType.STATE_BODY
             and r.attributes.get("country") == home and any(shape.match(n) for n in r.aliases)][:1]

    def _home_country(self) -> str | None:
        """Return the country most of the story's places and countries belong to (a clear majority);
        worked out once per document."""
        if not self._home_known:
            self._home, self._home_known = self._count_home_country(), True
        return self._home

    def _count_home_country(self) -> str | None:
        counts: dict[str, int] = {}
        for m in self._mentions:
            kind = entity_type_of(self.ctx, m)
            if kind is EntityType.STATE_BODY and m.entity_id:
                # "the Kurdistan Regional Government": a body of the country counts for it too
                entity = self.ctx.entity(m.entity_id)
                owner = entity.attributes.get("country") if entity is not None else None
                if isinstance(owner, str):
                    counts[owner] = counts.get(owner, 0) + 1
                continue
            if not m.entity_id or kind not in PLACE_TYPES:
                continue
            if kind is EntityType.COUNTRY:
                country: str | None = m.entity_id
            else:
                chain = self.ctx.kb.ancestors(m.entity_id)
                country = chain[-1].id if chain and chain[-1].type is EntityType.COUNTRY else None
            if country is not None:
                counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < 2 and len(ranked) > 1 or len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
            return None  # a story naming one place only is set in its country ("near Kirkuk")
        return next(c for c, n in counts.items() if n == ranked[0])

    def ordered_force(self, entity_id: str) -> str:
        """Return whose forces a person's order sends: the state, state body or group the knowledge
        base says they hold a post in (a current post before a past one); the person when none."""
        person = self.ctx.entity(entity_id)
        if person is None or person.type is not EntityType.PERSON:
            return entity_id
        posts: list[tuple[bool, str]] = []
        for item in person.attributes.get("roles") or ():  # type: ignore[attr-defined]
            of = str(item.get("of")) if hasattr(item, "get") else ""
            body = self.ctx.entity(of) or (kb_get(self.ctx.kb, of) if of else None)
            if body is not None and body.type in FORCE_HOLDERS:
                posts.append((item.get("to") is None, body.entity_id))
        current = [eid for now, eid in posts if now] or [eid for _now, eid in posts]
        return current[-1] if current else entity_id

    def state_of_means(self, token: Token, nouns: frozenset[str] = STATE_MEANS) -> list[str]:
        """Return the country a nationality adjective gives armed means ("Israeli warplanes"), or
        with ``nouns`` = :data:`STATE_TARGETS` what an attack hits ("Israeli soldiers", "an
        American target")."""
        if token.lower_ not in nouns:
            return []
        # "a Turkish drone strike": the adjective may hang from the compound ("drone") instead
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children
                      if g.dep_ in ("amod", "compound") and g.i < c.i]
        for child in modifiers:
            if child.text in self.demonyms:
                return [self.demonyms[child.text]]
        return []

    def occupants(self, token: Token) -> list[str]:
        """Return who a facility, a vehicle or a post holds: "the base, which hosts US forces",
        "where US forces were present", "a vehicle carrying Kataib Hezbollah commanders", "a
        checkpoint manned by the PMF", "a convoy belonging to the army"."""
        out: list[str] = []
        for child in token.children:
            if child.dep_ not in ("relcl", "acl"):
                continue
            word = child.lower_
            if word in HOLDING_VERBS:
                carried = self.sx.objects(child)
                # "a convoy carrying supplies for the coalition": whom the load is for
                out.extend(self.ids(carried) or self.ids(o for c in [child, *carried]
                                                         for _p, o in self.sx.prep_objects(c, ("for",))))
            elif word in HELD_BY_VERBS:
                out.extend(self.ids(self.sx.agents(child)))
            elif word in BELONG_VERBS or word in AFFILIATION_PARTICIPLES and child.dep_ == "acl":
                # "a convoy belonging to the army", "85 targets linked to the IRGC"
                out.extend(self.ids(o for _p, o in self.sx.prep_objects(child, ("to", "with"))))
            elif child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children):
                out.extend(self.ids(self.sx.subjects(child)))
        return out

    def self_announced(self, doc: Any, start: int, end: int, label: str, actors: Sequence[str]) -> bool:
        """Return True for a change a group reports of itself: "X said it was suspending attacks",
        "X announced it would close its offices" (the trigger's clause is what its actor said)."""
        if label not in SELF_CHANGES or not actors:
            return False
        tok = trigger_head(doc, start, end)
        while tok.dep_ in ("xcomp", "conj", "aux") and tok.head is not tok:
            tok = tok.head
        verb = tok.head
        if tok.dep_ != "ccomp" or verb is tok or not (verb.lower_ in ANNOUNCE_VERBS or verb.lower_ in SAY_VERBS):
            return False
        return any(eid in actors for eid in self.ids(self.sx.subjects(verb)))

    def _is_place(self, token: Token) -> bool:
        """Return True when the phrase headed by ``token`` names a place or a country only."""
        found = self.sx.phrase_mentions(token)
        return bool(found) and all(entity_type_of(self.ctx, m) in PLACE_TYPES for m in found)
