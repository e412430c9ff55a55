"""Relation families between groups and places: affiliation, fronts, backers, umbrellas,
sub-units, locations, command and opposition.
"""

from __future__ import annotations

import re

from factiongraph.extract.view.docview import BACKERS, GROUPS, ORGS, PLACES, DocView
from factiongraph.extract.relations.patterns import _POSS, Candidate, PatternBase
from factiongraph.model import EntityType, Mention, Predicate


# "X (Y) Z": a bracketed short form between a body and its unit (the view drops the alias itself)
_ALIAS_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Za-z.-]{1,9}\s*\)")
_ADMIN_RANK = {"country": 6, "region": 5, "province": 5, "governorate": 5, "district": 4,
               "city": 3, "town": 2, "neighbourhood": 1, "neighborhood": 1, "village": 1, "base": 0,
               "site": 0, "landmark": 0, "crossing": 0}


class GroupFamilies(PatternBase):
    """Families whose subject is a group, a unit or a place."""

    def affiliation_front(self, view: DocView, ms: list[Mention], start: int, end: int,
                          memory: dict[str, list[str]], fronts_only: bool = False) -> list[Candidate]:
        """"A and B are affiliated with C"; "... could even be new names for the exact same group".

        ``fronts_only``: emit the front-group hypotheses only (the parse reads affiliations); the
        affiliation triggers still name the subjects and object a later "the same group" means.
        """
        out: list[Candidate] = []
        if not view.holds_any(self.affiliation_words, start, end):
            return out
        text = view.text
        triggers = [(m, Predicate.AFFILIATED_WITH, "rel-affiliation")
                    for m in self.affiliation.finditer(text, start, end)]
        triggers += [(m, Predicate.POSSIBLY_SAME_AS, "rel-front-group")
                     for m in self.front.finditer(text, start, end)]
        triggers.sort(key=lambda t: t[0].start())
        last_object: Mention | None = None
        for match, pred, rule in triggers:
            if any(m.start < match.start() < m.end for m in ms):
                continue  # the trigger is inside a name
            after = re.match(r"\s*(?:the\s+)?", text[match.end():end])
            pos = match.end() + (after.end() if after else 0)
            obj = self.mention_at(ms, pos, ORGS, view)
            span_end = obj.end if obj is not None else match.end()
            same = self.same_group.match(text, match.end(), end)
            if obj is None and pred is Predicate.POSSIBLY_SAME_AS and same is not None:
                obj, span_end = last_object, same.end()
            if obj is None:
                continue
            subjects = self.subjects_before(view, ms, match.start(), GROUPS)
            subjects_ids = [str(s.entity_id) for s in subjects]
            span_start = subjects[0].start if subjects else match.start()
            if not subjects and memory.get("subjects") and last_object is not None:
                subjects_ids, span_start = memory["subjects"], last_object.start
            for sid in subjects_ids:
                if not fronts_only or pred is Predicate.POSSIBLY_SAME_AS:
                    out.append(self.cand(sid, pred, obj, (span_start, span_end), rule))
            memory["subjects"] = subjects_ids
            last_object = obj
        return out

    def backed_by_family(self, view: DocView, ms: list[Mention], start: int, end: int,
                         memory: dict[str, list[str]]) -> list[Candidate]:
        """"Iran-backed militias such as A and B", "the Iran-aligned militia A", "A, backed by Iran"."""
        out: list[Candidate] = []
        if not view.holds_any(self.backed_words, start, end):
            return out
        text = view.text
        for match in self.backed.finditer(text, start, end):
            word = match.group("b1") or match.group("b2") or ""
            backer_m = self.mention_at(ms, match.start(), BACKERS, view)
            backer = backer_m.entity_id if backer_m is not None else view.lookup_name(
                self.lex.demonyms.get(word, word))
            first = self.mention_at(ms, match.end(), GROUPS, view)
            if backer is None or first is None:
                continue
            for m in self.list_forward(view, ms, first, GROUPS):
                out.append(self.cand(m, Predicate.BACKED_BY, backer, (match.start(), m.end),
                                     "rel-backed-by"))
        for match in self.backed_by.finditer(text, start, end):
            backer_m = self.mention_at(ms, match.end(), BACKERS, view)
            if backer_m is None:
                continue
            for subj in self.subjects_before(view, ms, match.start(), GROUPS):
                out.append(self.cand(subj, Predicate.BACKED_BY, backer_m, (subj.start, backer_m.end),
                                     "rel-backed-by"))
        return out

    def umbrella_family(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]], sets_only: bool = False) -> list[Candidate]:
        """"A, B and C operate under the umbrella of Y", "A, part of Y", "A, one of the factions".

        ``sets_only``: only "one of the X factions" read against a set introduced in an earlier
        sentence ("the X factions within Y"); the parse reads the rest.
        """
        out: list[Candidate] = []
        if not view.holds_any(self.umbrella_words, start, end):
            return out
        text = view.text
        groups = frozenset({EntityType.ARMED_GROUP})
        matches = [] if sets_only else list(self.umbrella.finditer(text, start, end))
        for match in matches + list(self.one_of.finditer(text, start, end)):
            obj = self.mention_at(ms, match.end(), frozenset({EntityType.ARMED_GROUP,
                                                             EntityType.STATE_BODY}), view)
            if sets_only and obj is not None:
                continue
            if obj is None and match.re is self.one_of:
                obj = self.introduced_set(view, match)
            elif obj is not None and match.re is self.one_of and obj.entity_id not in self.owner.umbrellas:
                obj = obj if view.type_of(obj) is EntityType.ARMED_GROUP else None
            if obj is None:
                continue
            if "umbrella" in match.group().lower():
                subjects = [m for m in ms if m.end <= match.start() and view.type_of(m) in groups
                            and m.entity_id != obj.entity_id]
            else:
                subjects = self.subjects_before(view, ms, match.start(), groups)
            span_end = obj.end if obj.start >= match.end() else match.end()
            for subj in subjects:
                out.append(self.cand(subj, Predicate.PART_OF, obj,
                                     (min(s.start for s in subjects), span_end), "rel-umbrella"))
        return out

    def umbrella_parts_listed(self, view: DocView, ms: list[Mention], start: int, end: int,
                              memory: dict[str, list[str]]) -> list[Candidate]:
        """"factions within the Hashd, in particular X", "militias inside the PMF, notably A and B":
        the names listed after a set of parts of a known umbrella are its parts (``rel-umbrella``;
        read by word order since the parser hangs such lists on the verb)."""
        out: list[Candidate] = []
        text = view.text
        for umbrella, first in zip(ms, ms[1:]):
            if umbrella.entity_id not in self.owner.umbrellas or view.type_of(first) is not EntityType.ARMED_GROUP:
                continue
            if not self.parts_listed.fullmatch(text, umbrella.end, first.start) \
                    or not self.parts_in.search(text, max(start, umbrella.start - 60), umbrella.start):
                continue
            for part in self.list_forward(view, ms, first, frozenset({EntityType.ARMED_GROUP})):
                if part.entity_id != umbrella.entity_id:
                    out.append(self.cand(part, Predicate.PART_OF, umbrella, (umbrella.start, part.end),
                                         "rel-umbrella"))
        return out

    def introduced_set(self, view: DocView, match: re.Match[str]) -> Mention | None:
        """Return the umbrella of a set named earlier: "one of the pro-X factions" after
        "the four pro-X factions within the PMU" (previous two sentences)."""
        phrase = re.sub(r"^one\s+of\s+the\s+", "", match.group().strip(), flags=re.IGNORECASE)
        phrase = re.sub(r"\s+(?:of|in|within|under)(?:\s+the)?$", "", phrase, flags=re.IGNORECASE)
        earlier = re.compile(re.escape(phrase).replace(r"\ ", r"\s+")
                             + r"\s+(?:within|of|in|inside|under)\s+(?:the\s+)?", re.IGNORECASE)
        for m in reversed(view.recent_mentions(match.start(), 2)):
            if m.entity_id not in self.owner.umbrellas:
                continue
            if any(hit.end() == m.start for hit in earlier.finditer(view.text, max(0, m.start - 200),
                                                                      m.start)):
                return m
        return None

    _AGAINST_IN_NAME = re.compile(r"(?:\bagainst|\bto\s+defeat|\bto\s+counter|\banti-|\bcounter-)\s*(?:the\s+)?"
                                  r"(?P<name>[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3})")

    def name_opposes(self, view: DocView, ms: list[Mention], start: int, end: int,
                     memory: dict[str, list[str]]) -> list[Candidate]:
        """"the coalition against ISIS", "Coalition forces to Defeat Daesh": a body whose name, as
        written, says whom it fights (``rel-opposes``; the name may hold the enemy's whole mention)."""
        out: list[Candidate] = []
        for m in ms:
            if view.type_of(m) not in ORGS:
                continue
            tail = self._AGAINST_IN_NAME.search(view.text, m.start, min(end, m.end + 40))
            if tail is None or tail.start() > m.end:
                continue  # the words must be the name's own, or follow it at once
            enemy = view.lookup_name(tail.group("name"))
            if enemy is None or enemy == m.entity_id:
                continue
            ent = self.owner.entity(view, enemy)
            if ent is not None and ent.type is EntityType.ARMED_GROUP:
                out.append(self.cand(m, Predicate.OPPOSES, enemy, (m.start, tail.end()), "rel-opposes"))
        return out

    def sub_unit(self, view: DocView, ms: list[Mention], start: int, end: int,
                 memory: dict[str, list[str]]) -> list[Candidate]:
        """"Islamic Revolutionary Guard Corps' Quds Force", "IRGC Quds Force", "the PMF faction
        Kataib Hezbollah" (a known umbrella, a member noun, the member) -> part_of."""
        units = frozenset({EntityType.STATE_BODY, EntityType.ARMED_GROUP})
        out: list[Candidate] = []
        for a, b in zip(ms, ms[1:]):
            # "the Islamic Revolutionary Guard Corps (IRGC) Quds Force": past the bracketed short form
            alias = _ALIAS_AFTER.match(view.text, a.end, b.start)
            gap = alias.end() if alias is not None and any(
                m.entity_id == a.entity_id and alias.start() < m.start < alias.end() for m in view.ctx.mentions) else a.end
            if view.type_of(a) in units and view.type_of(b) in units and re.fullmatch(
                    rf"{_POSS}?\s*", view.text[gap:b.start]) and gap <= b.start:
                if self.lex.find_title_before(view.text, b.start, gap) is None:
                    out.append(self.cand(b, Predicate.PART_OF, a, (a.start, b.end), "rel-sub-unit"))
            elif a.entity_id in self.owner.umbrellas and view.type_of(b) is EntityType.ARMED_GROUP and \
                    a.entity_id != b.entity_id and self.member_gap.fullmatch(view.text, gap, b.start):
                out.append(self.cand(b, Predicate.PART_OF, a, (a.start, b.end), "rel-sub-unit"))
        for a in ms:
            # "the Quds Force of (Iran's) Islamic Revolutionary Guard Corps"
            of = self.unit_of.match(view.text, a.end, end)
            unit = self.mention_at(ms, of.end(), units, view) if of is not None else None
            if unit is not None and view.type_of(a) in units and unit.entity_id != a.entity_id:
                out.append(self.cand(a, Predicate.PART_OF, unit, (a.start, unit.end), "rel-sub-unit"))
            # "Kataib Sayyid al-Shuhada (Brigade 14 in the PMF)": inside a known umbrella
            inside = self.unit_in.match(view.text, a.end, end)
            umbrella = self.mention_at(ms, inside.end(), units, view) if inside is not None else None
            if umbrella is not None and umbrella.entity_id in self.owner.umbrellas \
                    and view.type_of(a) is EntityType.ARMED_GROUP and umbrella.entity_id != a.entity_id:
                out.append(self.cand(a, Predicate.PART_OF, umbrella, (a.start, umbrella.end), "rel-sub-unit"))
        return out

    def located_in(self, view: DocView, ms: list[Mention], start: int, end: int,
                   memory: dict[str, list[str]]) -> list[Candidate]:
        """"Balad, in Salahuddin province", "Baghdad's Mansour area", "the Baghdad district of X",
        "Baghdad, Iraq", "the Kurdistan region of Iraq", "the southern Iraqi city of X", "Iraq's
        holy city of X", "the Green Zone in the centre of Baghdad", a name that says it ("Kurdistan
        Region of Iraq")."""
        out: list[Candidate] = []
        text = view.text
        places = [m for m in ms if view.type_of(m) in PLACES]
        for a, b in zip(places, places[1:]):
            gap = text[a.end:b.start]
            a_place = view.type_of(a) is EntityType.PLACE
            if a_place and self.place_in.fullmatch(gap):
                tail = self.place_noun_after.match(text, b.end, end)
                out.append(self.cand(a, Predicate.LOCATED_IN, b, (a.start, tail.end() if tail else b.end),
                                     "rel-located-in"))
            elif view.type_of(b) is EntityType.PLACE and (re.fullmatch(rf"{_POSS}\s+(?:[A-Z][\w-]*\s+)?", gap)
                                                         or self.owned_place.fullmatch(gap)):
                tail = self.place_noun_after.match(text, b.end, end)
                out.append(self.cand(b, Predicate.LOCATED_IN, a, (a.start, tail.end() if tail else b.end),
                                     "rel-located-in"))
            elif self.place_of.fullmatch(gap):
                lead = re.search(r"(?:the\s+)?(?:[a-z]+\s+)?$", text[start:a.start])
                s0 = start + lead.start() if lead else a.start
                inner, outer = (b, a) if self.contains(view, a, b) else (a, b)
                if self.same_rank(view, a, b):
                    continue  # "the Basra district of Zubair": two towns of one rank, no container known
                if view.type_of(inner) is EntityType.PLACE:
                    out.append(self.cand(inner, Predicate.LOCATED_IN, outer, (s0, b.end),
                                         "rel-located-in"))
            elif a_place and self.place_comma.fullmatch(gap) and self.encloses(view, b, a) \
                    and not self.in_place_list(view, places, b):
                out.append(self.cand(a, Predicate.LOCATED_IN, b, (a.start, b.end), "rel-located-in"))
            elif a_place and re.fullmatch(r"\s+of\s+", gap) and view.type_of(b) is EntityType.COUNTRY:
                out.append(self.cand(a, Predicate.LOCATED_IN, b, (a.start, b.end), "rel-located-in"))
        for m in places:
            if view.type_of(m) is not EntityType.PLACE:
                continue
            in_country = self.place_in_country.match(text, m.end, end) if view.main_country and \
                text.find("country", m.end, min(end, m.end + 80)) >= 0 else None
            if in_country is not None and view.main_country != m.entity_id:
                out.append(self.cand(m, Predicate.LOCATED_IN, str(view.main_country), (m.start, in_country.end()),
                                     "rel-located-in"))
            country, s0 = self.demonym_city(view, m, start)
            if country is not None and country != m.entity_id:
                out.append(self.cand(m, Predicate.LOCATED_IN, country, (s0, m.end), "rel-located-in"))
            parent = self.parent_named_in(view, m)
            if parent is not None:
                out.append(self.cand(m, Predicate.LOCATED_IN, parent, (m.start, m.end), "rel-located-in"))
        return out

    def encloses(self, view: DocView, outer: Mention, inner: Mention) -> bool:
        """Return True when ``outer`` is a country or, by the KB, a larger place around ``inner``."""
        if outer.entity_id == inner.entity_id:
            return False
        if view.type_of(outer) is EntityType.COUNTRY:
            return True
        ent = self.owner.entity(view, inner.entity_id)
        if ent is not None and ent.attributes.get("parent") == outer.entity_id:
            return True
        rank_o, rank_i = self.admin_rank(view, outer), self.admin_rank(view, inner)
        return rank_o is not None and rank_i is not None and rank_o > rank_i

    def in_place_list(self, view: DocView, places: list[Mention], b: Mention) -> bool:
        """Return True when ``b`` is followed by another place of its kind ("Erbil, Turkey and Iran")."""
        after = self.place_list_after.match(view.text, b.end)
        if after is None:
            return False
        nxt = next((m for m in places if m.start >= b.end), None)
        return nxt is not None and view.type_of(nxt) is view.type_of(b) and not view.text[
            after.end():nxt.start].strip(" \t").lower().removeprefix("the").strip()

    def demonym_city(self, view: DocView, m: Mention, floor: int) -> tuple[str | None, int]:
        """Return the country of "the (southern) Iraqi city of X" written before ``m``."""
        if not view.text.endswith(("of ", "of the "), max(floor, m.start - 8), m.start):
            return None, m.start
        window_start = max(floor, m.start - 80)
        for match in self.demonym_place.finditer(view.text, window_start, m.start):
            if match.end() != m.start or view.lookup_name(match.group("dem")) is not None:
                continue  # "the Baghdad neighbourhood of X" names a place: the place_of form
            found = view.lookup_name(self.lex.demonyms[match.group("dem")])
            ent = self.owner.entity(view, found)
            if ent is not None and ent.type is EntityType.COUNTRY:
                return found, match.start()
        return None, m.start

    def parent_named_in(self, view: DocView, m: Mention) -> str | None:
        """Return a place's KB parent when its own name says it: "Kurdistan Region of Iraq"."""
        if " of " not in m.text:
            return None
        ent = self.owner.entity(view, m.entity_id)
        parent_id = ent.attributes.get("parent") if ent is not None else None
        parent = self.owner.entity(view, str(parent_id)) if parent_id else None
        if parent is None or parent.type not in PLACES:
            return None
        written = " ".join(m.text.split())
        for name in {parent.name, *parent.aliases}:
            if len(name) > 2 and (written.endswith(f" of {name}") or written.endswith(f" of the {name}")):
                return parent.entity_id
        return None

    def contains(self, view: DocView, a: Mention, b: Mention) -> bool:
        """Return True if in "the A district of B" A is the container ("the Baghdad district of X").

        Decided by the KB's parents and administrative levels when it knows them; otherwise A contains B only
        when A is a city or larger and B is unknown. The usual order is "the X district of Y".
        """
        ent_a, ent_b = self.owner.entity(view, a.entity_id), self.owner.entity(view, b.entity_id)
        if ent_b is not None and ent_b.attributes.get("parent") == a.entity_id:
            return True
        if ent_a is not None and ent_a.attributes.get("parent") == b.entity_id:
            return False
        rank_a, rank_b = self.admin_rank(view, a), self.admin_rank(view, b)
        if rank_a is not None and rank_b is not None:
            return rank_a > rank_b
        return rank_a is not None and rank_a >= _ADMIN_RANK["city"] and rank_b is None

    def same_rank(self, view: DocView, a: Mention, b: Mention) -> bool:
        """Return True when the KB gives two places one administrative rank and neither as the
        other's parent."""
        ent_a, ent_b = self.owner.entity(view, a.entity_id), self.owner.entity(view, b.entity_id)
        if (ent_b is not None and ent_b.attributes.get("parent") == a.entity_id) or (
                ent_a is not None and ent_a.attributes.get("parent") == b.entity_id):
            return False
        rank_a, rank_b = self.admin_rank(view, a), self.admin_rank(view, b)
        return rank_a is not None and rank_a == rank_b

    def admin_rank(self, view: DocView, m: Mention) -> int | None:
        """Return the size rank of a place (country highest), or None when unknown."""
        ent = self.owner.entity(view, m.entity_id)
        if ent is None:
            return None
        if ent.type is EntityType.COUNTRY:
            return _ADMIN_RANK["country"]
        return _ADMIN_RANK.get(str(ent.attributes.get("admin_level") or "").lower())

    def commands_opposes(self, view: DocView, ms: list[Mention], start: int, end: int,
                         memory: dict[str, list[str]], verbs_only: bool = False) -> list[Candidate]:
        """"A operates under the command of B" / "B commands A"; explicit "A opposes B".

        ``verbs_only``: the active verbs only ("B commands A", "A opposes B"); the parse reads
        "under the command of" and "controlled by".
        """
        out: list[Candidate] = []
        if not view.holds_any(self.commands_words, start, end):
            return out
        text = view.text
        actors = ORGS | {EntityType.PERSON, EntityType.COUNTRY}
        for match in ([] if verbs_only else self.commands_by.finditer(text, start, end)):
            boss = self.mention_at(ms, match.end(), actors, view)
            if boss is not None:
                for subj in self.subjects_before_loose(view, ms, match.start()):
                    out.append(self.cand(boss, Predicate.COMMANDS, subj, (subj.start, boss.end),
                                         "rel-commands"))
        for match in self.commands_verb.finditer(text, start, end):
            unit = self.mention_at(ms, match.end(), GROUPS, view)
            subjects = self.subjects_before(view, ms, match.start(), actors)
            if unit is not None:
                for subj in subjects:
                    out.append(self.cand(subj, Predicate.COMMANDS, unit, (subj.start, unit.end),
                                         "rel-commands"))
        for match in self.opposes.finditer(text, start, end):
            target = self.mention_at(ms, match.end(), actors, view)
            if target is not None:
                for subj in self.subjects_before(view, ms, match.start(), actors):
                    out.append(self.cand(subj, Predicate.OPPOSES, target, (subj.start, target.end),
                                         "rel-opposes"))
        return out

    def subjects_before_loose(self, view: DocView, ms: list[Mention], pos: int) -> list[Mention]:
        """Return the group subject of "operates under ...": copular gap or a short verb phrase."""
        found = self.subjects_before(view, ms, pos, GROUPS)
        if found:
            return found
        before = [m for m in ms if m.end <= pos and view.type_of(m) in GROUPS]
        if before and re.fullmatch(r"\s*(?:,\s*which\s+)?(?:\w+\s+){0,2}", view.text[before[-1].end:pos]):
            return [before[-1]]
        return []
