"""Relation families about people: titles, appositions, possessive leaders, "led by".

Each family method takes one sentence's mentions and returns :class:`Candidate` relations
(``holds_role``, ``leader_of``, ``member_of``) with the title as written and normalised.
"""

from __future__ import annotations

import re

from factiongraph.extract.view.docview import GROUPS, ORGS, PLACES, DocView
from factiongraph.extract.view.roles import RoleTitle
from factiongraph.extract.relations.patterns import _POSS, Candidate, PatternBase
from factiongraph.model import EntityType, Mention, Predicate


_SHORT_FORM = r"(?:\s*\(\s*[A-Z][A-Za-z.-]{1,9}\s*\))?"
# "PMF Chief of Staff and KH leader X"; a modifier of the second title's owner may follow "and"
# ("... and U.S.-designated KH leader X", "... and outspoken leader of Y X")
_JOINED_TITLE = re.compile(r"\s+(?P<and>and)\s+(?:(?:[A-Za-z.]+-)?[a-z]+\s+)?$")
_FUNCTION_WORDS = frozenset({"of", "to", "in", "for", "with", "by", "at", "on", "from", "and", "or",
                             "as", "than", "that", "which", "who"})
_VERB_ROLES = {"commanded": "commander", "chaired": "chairman", "founded": "founder",
               "co-founded": "co-founder", "established": "founder"}


# Organisations that "of <person>" names by their leader ("the Sadrist movement of Muqtada al-Sadr").
_LED_BY_OF = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG})


class RoleFamilies(PatternBase):
    """Families that relate a person to the organisation or country of a title."""

    def role_predicate(self, kind: str, object_type: EntityType | None, definite: bool) -> Predicate:
        """Return the predicate a title implies for its object."""
        if kind == "member":
            return Predicate.MEMBER_OF
        if kind == "leader" and object_type is not EntityType.COUNTRY:
            return Predicate.LEADER_OF if definite else Predicate.MEMBER_OF
        return Predicate.HOLDS_ROLE

    def names_an_owner(self, written: str) -> bool:
        """Return True when a title opens with a capitalised word of no title ("Coalition
        spokesman"): it names its owner, which no mention found, so the context may not stand in."""
        first = written.split()[0] if written.split() else ""
        if not first[:1].isupper():
            return False
        low = first.lower()
        if self._title_words is None:  # built once: the lexicon does not change
            known = {w for phrase in self.lex.canonical for w in phrase.split()}
            known |= {m.lower() for m in self.lex.modifiers} | {u.lower() for u in self.lex.unit_words}
            self._title_words = frozenset(known)
        return low not in self._title_words and low not in self.lex.demonyms and first not in self.lex.demonyms

    _title_words: frozenset[str] | None = None

    def written_owner(self, view: DocView, written: str) -> str | None:
        """Return the body a title's capitalised first word names when that word is the head of
        exactly one organisation the document names ("Coalition spokesman" after "the US-led
        coalition"), else None: the owner the mention finder missed, found by its head noun."""
        if not self.names_an_owner(written):
            return None
        low = written.split()[0].lower()
        found: set[str] = set()
        for m in view.mentions:
            if view.type_of(m) not in ORGS:
                continue
            ent = view.ctx.entity(m.entity_id)
            names = [view.text[m.start:m.end]] + ([ent.name, *ent.aliases] if ent is not None else [])
            if any(len(n.split()) > 1 and n.split()[-1].lower() == low for n in names):
                found.add(str(m.entity_id))
        return next(iter(found)) if len(found) == 1 else None

    def context_object(self, view: DocView, person: Mention, norm: str, kind: str,
                       generic: bool, floor: int, end: int) -> str | None:
        """Return what an org-less title is of: KB dated roles, a demonym, the context group.

        A rank ("General") is never completed from context; a legislator's seat is in the
        parliament of the country named by a demonym, else of the main country. The knowledge
        base completes offices and posts only: a bare "leader X" does not say of what.
        """
        if kind == "rank":
            return None
        if kind == "legislator":
            country = None
            for name in reversed(self.lex.demonyms_in(view.text[floor:person.start])):
                found = view.lookup_name(name)
                if found and (ent := self.owner.entity(view, found)) is not None and ent.type is EntityType.COUNTRY:
                    country = found
                    break
            return self.legislature_of(view, country)
        pid = str(person.entity_id)
        known = self.owner.office_holder_of(pid, norm, view.year) if kind in ("office", "post") else None
        if known:
            return known
        if generic:
            for m in reversed(view.recent_mentions(person.start, 3)):
                if view.type_of(m) in GROUPS:
                    return m.entity_id
            return None
        if norm.casefold() in self.context_posts:
            orgs = {m.entity_id for m in view.recent_mentions(person.start, 1) if view.type_of(m) in ORGS}
            return orgs.pop() if len(orgs) == 1 else None  # the one body that just spoke
        if kind == "office":
            for name in reversed(self.lex.demonyms_in(view.text[floor:person.start])):
                found = view.lookup_name(name)
                if found and (ent := self.owner.entity(view, found)) is not None and ent.type is EntityType.COUNTRY:
                    return found
            return view.main_country
        return None

    _title_ends: frozenset[str] | None = None

    def may_follow_title(self, text: str, pos: int, floor: int) -> bool:
        """Return False when the word before ``pos`` (or before a comma there) cannot end a title.

        A cheap test before the title regex, which tries every position of its window.
        """
        if self._title_ends is None:
            ends = set()
            for phrase in [*self.lex.canonical, *self.lex.honorifics]:
                last = phrase.lower().split()[-1]
                ends.update({last, last.split("-")[-1], last.rstrip(".")})
            self._title_ends = frozenset(ends)
        before = text[max(floor, pos - 60):pos].rstrip()
        if before.endswith(","):
            before = before[:-1].rstrip()
        words = before.rsplit(None, 1)
        if not words:
            return False
        last = words[-1].lower().rstrip(".")
        return last in self._title_ends or last.split("-")[-1] in self._title_ends

    def is_country(self, view: DocView, entity_id: str | None) -> bool:
        """Return True when an id names a country."""
        ent = self.owner.entity(view, entity_id)
        return ent is not None and ent.type is EntityType.COUNTRY

    def legislature_of(self, view: DocView, country: str | None) -> str | None:
        """Return the parliament a legislator sits in, from the KB ("Iraqi parliament").

        ``country``: the one a demonym named; else the document's countries are tried, most
        named first (an article about Iraq names the United States often, but an MP quoted in
        it sits in the parliament the knowledge base knows).
        """
        if country is not None:
            return self._parliament(view, country)
        counts: dict[str, int] = {}
        for m in view.mentions:
            if m.entity_id and view.type_of(m) is EntityType.COUNTRY:
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        ordered = sorted(counts, key=lambda k: (k != view.main_country, -counts[k], k))
        for candidate in ordered or ([view.main_country] if view.main_country else []):
            found = self._parliament(view, candidate)
            if found is not None:
                return found
        return None

    def _parliament(self, view: DocView, country: str) -> str | None:
        """Return the KB parliament of one country ("<demonym> parliament"), if any."""
        ent = self.owner.entity(view, country)
        if ent is None or ent.type is not EntityType.COUNTRY:
            return None
        adjectives = [k for k, v in self.lex.demonyms.items() if v == ent.name] + [ent.name]
        for adj in adjectives:
            for word in self.legislature_words:
                found = view.lookup_name(f"{adj} {word}")
                body = self.owner.entity(view, found)
                if body is not None and body.type is EntityType.STATE_BODY:
                    return body.entity_id
        return None

    def title_of_org(self, view: DocView, ms: list[Mention], start: int, end: int,
                     memory: dict[str, list[str]]) -> list[Candidate]:
        """"the head of the PMF Faleh al-Fayyadh", "Secretary-General of Kataib Hezbollah X": a title
        "of" a body written right before a name, with no comma between (``rel-title-person``); the
        body's lower-case kind may follow its name ("the head of the Sadiqoun bloc X")."""
        out: list[Candidate] = []
        text = view.text
        if self._title_of is None or self._name_gap is None:
            self._title_of = re.compile(
                rf"(?<![\w-])(?P<det>(?:the|a|an)\s+)?(?P<title>{self.lex.title_core})\s+of\s+(?:the\s+)?$",
                re.IGNORECASE)
            nouns = "|".join(re.escape(n) for n in self.lex.generic_nouns)
            self._name_gap = re.compile(rf"(?:\s+(?:{nouns}))?\s+(?:(?:{self.lex.honorific_alt})\s+)*")
        title_of, name_gap = self._title_of, self._name_gap
        for org, person in zip(ms, ms[1:]):
            if view.type_of(person) is not EntityType.PERSON or view.type_of(org) not in ORGS | {EntityType.COUNTRY}:
                continue
            if not name_gap.fullmatch(text, org.end, person.start):
                continue
            title = title_of.search(text[max(start, org.start - 80):org.start])
            if title is None:
                continue
            written = title.group("title")
            whole = re.sub(r"\s+", " ", f"{title.group('title')} of {text[org.start:org.end]}").lower()
            if any(whole.endswith(variant) for variant in self.lex.canonical if " of " in variant):
                continue  # "Secretary of State X": one title, not a secretary of "State"
            norm, kind, ended = self.lex.normalize_role(written)
            if kind in ("rank", "legislator"):
                continue
            ent = self.owner.entity(view, org.entity_id)
            definite = (title.group("det") or "the").strip().lower() == "the"
            pred = self.role_predicate(kind, ent.type if ent is not None else None, definite)
            first = max(start, org.start - 80) + title.start("title")
            out.append(self.cand(person, pred, org, (first, person.end), "rel-title-person",
                                 role=written, role_normalized=norm, ended=ended))
            self.remember_role(view, str(person.entity_id), norm)
        return out

    _PERSON_OF = re.compile(r"\s+of\s+(?:the\s+)?")
    _LEADERS_LIST = re.compile(r"\b(?:leaders|commanders|chiefs|heads)\b,?\s+(?:including|such\s+as|like|among\s+them"
                               r"|namely)\s+[^.;:]*$", re.IGNORECASE)

    def person_of_group(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"Abu Ali al-Askari of Kataib Hezbollah" (member_of); "leaders including Qais al-Khazali of
        Asaib Ahl al-Haq" (leader_of: the list's noun is the title) (``rel-apposition-role``)."""
        out: list[Candidate] = []
        text = view.text
        for person, group in zip(ms, ms[1:]):
            if view.type_of(person) is not EntityType.PERSON or view.type_of(group) not in GROUPS:
                continue
            if not self._PERSON_OF.fullmatch(text, person.end, group.start) or re.match(
                    rf"{_POSS}", text[group.end:group.end + 2]):
                continue  # "X of Kataib Hezbollah's military wing": a part of it
            leaders = self._LEADERS_LIST.search(text, max(start, person.start - 160), person.start)
            pred = Predicate.LEADER_OF if leaders is not None else Predicate.MEMBER_OF
            role = "leader" if leaders is not None else None
            out.append(self.cand(person, pred, group, (person.start, group.end), "rel-apposition-role",
                                 role=role, role_normalized=role))
        return out

    _title_of: re.Pattern[str] | None = None
    _name_gap: re.Pattern[str] | None = None

    def remember_role(self, view: DocView, person: str, norm: str) -> None:
        """Remember who holds a title in this document ("the prime minister" later)."""
        view.role_memory.setdefault(norm.casefold(), person)

    # -- titles and appositions -----------------------------------------------------------
    def title_person(self, view: DocView, ms: list[Mention], start: int, end: int,
                     memory: dict[str, list[str]]) -> list[Candidate]:
        """"Quds Force commander X", "Iran's leader X", "Iraqi Foreign Minister X", "group leader X"."""
        out: list[Candidate] = []
        text = view.text
        for person in ms:
            if view.type_of(person) is not EntityType.PERSON or not self.may_follow_title(text, person.start, start):
                continue
            title = self.lex.find_title_before(text, person.start, start)
            comma = title is None
            if title is None:
                title = self.lex.find_title_before(text, person.start, start, comma=True)
                if title is None:
                    continue
            if title.kind == "rank" and not comma:
                # "Pentagon press secretary Major General X": the post before the rank is X's
                outer = self.lex.find_title_before(text, title.start, start)
                if outer is not None and outer.kind != "rank":
                    title = outer
            for _ in range(3):  # "Foreign Minister and Deputy Prime Minister X": both are X's
                cand, left = self.title_candidate(view, ms, person, title, comma, start, end)
                if cand is not None:
                    out.append(cand)
                joined = _JOINED_TITLE.search(text, max(start, left - 30), left)
                if joined is None or comma:
                    break
                title = self.lex.find_title_before(text, joined.start("and"), start)
                if title is None:
                    break
        return out

    def title_candidate(self, view: DocView, ms: list[Mention], person: Mention, title: RoleTitle,
                        comma: bool, start: int, end: int) -> tuple[Candidate | None, int]:
        """Return the relation a title before a name states, and where the title's phrase starts."""
        text = view.text
        obj: str | None = None
        span_start = title.start
        # "Asaib Ahl al-Haq (AAH) leader X": the body's bracketed short form may stand between
        gap = _SHORT_FORM + (rf"{_POSS}\s*" if comma else rf"{_POSS}?\s*")
        org = next((m for m in ms if m.end <= title.start and re.fullmatch(
            gap, text[m.end:title.start]) and view.type_of(m) is not EntityType.PERSON), None)
        generic = bool(self.lex.generic_re.match(title.written))
        pronoun = re.search(r"\b(?:its|their)\s+$", text[max(start, title.start - 8):title.start],
                            re.IGNORECASE)
        dem = self.lex.demonym_before(text, title.start, start)
        owned = re.search(rf"{_POSS}\s*$", text[max(0, title.start - 4):title.start])
        if comma and dem is not None and not owned:
            dem = None  # "Iran's minister, X" is owned; "Iranian minister, X" may be a list
        if org is not None and view.type_of(org) in ORGS | {EntityType.COUNTRY}:
            obj, span_start = org.entity_id, org.start
        elif org is not None and view.type_of(org) is EntityType.PLACE and title.kind == "office":
            # "Basra Governor X", "Kurdistan Region President X"; "Tehran's envoy" is Iran's
            obj, span_start = self.place_owner(view, org), org.start
        elif pronoun is not None:
            obj = self.pronoun_owner(view, ms, title.start, pronoun.start() + max(start, title.start - 8))
        elif dem is not None and not generic and title.kind != "leader" and not self.lex.has_unit(title.written):
            # "Iraqi Foreign Minister X"; not "Iraqi militia commander X" (the militia is
            # Iraqi) nor "Iraqi commander X" (a nationality: a leader leads some group)
            obj = view.lookup_name(dem[0])
            span_start = dem[1] if obj else span_start
        if title.kind == "legislator" and (obj is None or self.is_country(view, obj)):
            obj = self.legislature_of(view, obj)
        if obj is None and comma:
            return None, span_start  # a title set off by a comma counts only when something owns it
        if obj is None and dem is not None and (generic or title.kind == "leader"):
            return None, span_start  # "Iraqi militia commander X": some Iraqi militia, not the context's
        if obj is None and not comma:
            # "Coalition spokesman X": a capitalised word before the title names its owner
            # (or the title's own first word: "Coalition" read as a generic noun)
            word = re.search(r"(?<![\w-])([A-Z][\w-]+)\s+$", text[max(start, title.start - 40):title.start])
            found = self.written_owner(view, f"{word.group(1)} {title.written}") if word is not None else None
            if found is not None and word is not None:
                obj, span_start = found, title.start - len(word.group(0))
            elif generic and title.written[:1].isupper():
                obj = self.written_owner(view, title.written)
        if obj is None:
            obj = self.context_object(view, person, title.normalized, title.kind, generic,
                                      start, end)
        if obj is None:
            return None, span_start
        obj_ent = self.owner.entity(view, obj)
        otype = obj_ent.type if obj_ent is not None else None
        pred = self.role_predicate(title.kind, otype, True)
        self.remember_role(view, str(person.entity_id), title.normalized)
        return self.cand(person, pred, obj, (span_start, person.end), "rel-title-person",
                         role=title.written, role_normalized=title.normalized,
                         ended=title.ended), span_start

    def apposition_role(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"X, secretary of Y", "X, a consultant at Y", "X, the Y commander", "X, a member of Y"."""
        out: list[Candidate] = []
        text = view.text
        for person in ms:
            if view.type_of(person) is not EntityType.PERSON:
                continue
            match = self.apposition.match(text, person.end, end)
            if match is not None and any(match.start("role") <= m.start < match.end("role")
                                         and not m.producer.startswith("rule.definite-reference")
                                         for m in ms):
                match = None  # ", the PMF deputy chief": the name inside is the object
            obj: Mention | None = None
            if match is not None and match.group("role").split()[0].lower() in _FUNCTION_WORDS:
                match = None  # ", of the former governor ...": not an apposition
            if match is not None:
                role = match.group("role")
                span_end = match.end("role")
                if match.group("prep"):
                    obj = self.mention_at(ms, match.end(), ORGS | {EntityType.COUNTRY}, view)
                    obj = self.possessed(view, ms, obj) if obj is not None else None
                    span_end = obj.end if obj is not None else span_end
                definite = (match.group("det") or "the").strip().lower() == "the"
            else:
                lead = self.apposition_org.match(text, person.end, end)
                nxt = next((m for m in ms if m.start >= person.end), None)
                if nxt is None or view.type_of(nxt) not in ORGS | {EntityType.COUNTRY}:
                    continue
                head = re.match(rf",\s+(?P<det>(?:the|a|an)\s+)?$", text[person.end:nxt.start])
                if head is None:
                    continue
                tail = re.match(rf"{_POSS}?\s+(?P<role>{self.lex.title_core})\b", text[nxt.end:end],
                                re.IGNORECASE)
                if tail is None:
                    continue
                obj, role = nxt, tail.group("role")
                span_end = nxt.end + tail.end()
                definite = (head.group("det") or "the").strip().lower() == "the" or lead is None
            if any(m.start > span_end and view.type_of(m) is EntityType.PERSON and re.fullmatch(
                    r"\s+", text[span_end:m.start]) for m in ms):
                continue  # ", Iraqioun Movement leader Ammar al-Hakim": the title is the next name's
            norm, kind, ended = self.lex.normalize_role(role)
            oid = obj.entity_id if obj is not None else self.written_owner(view, role) if self.names_an_owner(role) \
                else self.context_object(view, person, norm, kind, False, start, end)
            if oid is None:
                continue
            ent = self.owner.entity(view, oid)
            pred = self.role_predicate(kind, ent.type if ent is not None else None, definite)
            region = self.region_after(view, ms, span_end, end)
            if region is not None:
                # "the commander of Y in Anbar" leads a regional branch, not Y
                if pred is Predicate.LEADER_OF:
                    pred = Predicate.HOLDS_ROLE
                role, span_end = f"{role.strip()} in {region.text}", region.end
            out.append(self.cand(person, pred, oid, (person.start, span_end), "rel-apposition-role",
                                 role=role.strip(), role_normalized=norm, ended=ended))
            if pred is not Predicate.MEMBER_OF:
                self.remember_role(view, str(person.entity_id), norm)
        return out

    def pronoun_owner(self, view: DocView, ms: list[Mention], pos: int, at: int | None = None) -> str | None:
        """Return the organisation "its"/"their" at ``pos`` refers to.

        With the parse (``at``: where the pronoun is written), the subject of the clause the
        pronoun's clause is joined to ("Badr has close ties to the IRGC but its leader X ...": Badr);
        else the nearest organisation earlier in the same sentence; failing that, the first one of
        the sentences before (their subject), not the last one named there.
        """
        parallel = self._parallel_owner(view, ms, at) if at is not None else None
        if parallel is not None:
            return parallel
        same = [m for m in ms if m.end <= pos and view.type_of(m) in ORGS]
        if same:
            return same[-1].entity_id
        floor = min((m.start for m in ms), default=pos)
        here = view.sentence_index(pos)
        for back in (1, 2, 3):  # a sentence naming no organisation ("The group, backed by Iran, ...")
            # continues the one before it
            prior = [m for m in view.recent_mentions(pos, back) if m.end <= floor and view.type_of(m) in ORGS]
            start = view.sentences[max(0, here - back)][0]
            if prior and not (back < 3 and prior[0].start >= start and self._ANAPHOR_OPENING.match(view.text, start)):
                return self._subject_first(view, prior).entity_id
            # "It is the most capable of the PMF militias. Its leader X ...": a sentence about "it"
            # continues the one before, whose first organisation "its" stands for
            floor = start
        return None

    @staticmethod
    def _subject_first(view: DocView, prior: list[Mention]) -> Mention:
        """Return the first organisation of an earlier sentence that is some clause's subject, by
        the parse ("X, director at Chatham House, said the PMF had ... Its chairman": the PMF),
        else the first one named."""
        doc = view.ctx.spacy_doc
        if doc is None or not doc.has_annotation("DEP"):
            return prior[0]
        for m in prior:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return m
        return prior[0]

    _ANAPHOR_OPENING = re.compile(r"(?:It|Its|They|Their|The\s+(?:group|militia|faction|movement|organi[sz]ation))\b")

    @staticmethod
    def _parallel_owner(view: DocView, ms: list[Mention], at: int) -> str | None:
        """Return the organisation subject of the clause the pronoun at ``at`` is joined to, by the parse."""
        doc = view.ctx.spacy_doc
        if doc is None or not doc.has_annotation("DEP"):
            return None
        span = doc.char_span(at, at + 3, alignment_mode="expand")
        if span is None:
            return None
        t = span[0]
        for _ in range(6):
            if t.head.i == t.i:
                return None
            t = t.head
            if t.dep_ in ("conj", "ROOT", "ccomp", "advcl", "relcl"):
                break
        if t.dep_ != "conj" or t.head.i == t.i:
            return None
        for subject in (c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")):
            m = next((m for m in ms if m.start <= subject.idx < m.end), None)
            if m is not None and view.type_of(m) in ORGS:
                return m.entity_id
        return None

    def possessed(self, view: DocView, ms: list[Mention], obj: Mention) -> Mention:
        """Return the last organisation of a possessive chain ("the IRGC's Quds Force")."""
        while True:
            nxt = next((m for m in ms if m.start >= obj.end), None)
            if nxt is None or view.type_of(nxt) not in ORGS or not re.fullmatch(
                    rf"{_POSS}\s+", view.text[obj.end:nxt.start]):
                return obj
            obj = nxt

    def region_after(self, view: DocView, ms: list[Mention], pos: int, end: int) -> Mention | None:
        """Return the place of an "in <place>" qualifier right after ``pos`` ("... in Anbar")."""
        lead = re.match(r"\s+in\s+(?:the\s+)?", view.text[pos:end])
        if lead is None:
            return None
        return self.mention_at(ms, pos + lead.end(), PLACES, view)

    def possessive_leader(self, view: DocView, ms: list[Mention], start: int, end: int,
                          memory: dict[str, list[str]]) -> list[Candidate]:
        """"Qais Khazali's Asaib Ahl al-Haq" -> leader_of; so is "the Badr Organisation of Hadi
        al-Amiri", a group or party named with "of" and its leader (not a state body: "the
        government of X" is a post, read elsewhere)."""
        out: list[Candidate] = []
        for a, b in zip(ms, ms[1:]):
            if view.type_of(a) is EntityType.PERSON and view.type_of(b) in ORGS and (re.fullmatch(
                    rf"{_POSS}\s+", view.text[a.end:b.start]) or self._POSS_NOUN.fullmatch(view.text, a.end, b.start)
                    or self._HIS_NOUN.fullmatch(view.text, a.end, b.start)):
                # "Qais Khazali's Asaib Ahl al-Haq", "Sadr's militia, Saraya al-Salam", "Khazali said
                # his movement, Asaib Ahl al-Haq, ..."
                out.append(self.cand(a, Predicate.LEADER_OF, b, (a.start, b.end), "rel-possessive-leader"))
            elif view.type_of(a) is EntityType.PERSON and view.type_of(b) in ORGS and \
                    self._LED_HYPHEN.fullmatch(view.text, a.end, b.start):
                # "the Amiri-led Badr Organization", "the Sadr-led Sairoun alliance"
                out.append(self.cand(a, Predicate.LEADER_OF, b, (a.start, b.end), "rel-possessive-leader",
                                     role="leader", role_normalized="leader"))
            elif view.type_of(a) in _LED_BY_OF and view.type_of(b) is EntityType.PERSON and \
                    view.text[a.end:b.start] == " of " and not re.match(rf"{_POSS}", view.text[b.end:b.end + 2]):
                out.append(self.cand(b, Predicate.LEADER_OF, a, (a.start, b.end), "rel-possessive-leader"))
        return out

    # "X's militia, Y": a generic group noun owned by the person, then the group's name
    _POSS_NOUN = re.compile(rf"{_POSS}\s+(?:[a-z]+\s+)?(?:militia|movement|party|group|faction|bloc|"
                            r"organi[sz]ation|alliance|coalition|brigades?)\s*,\s+(?:the\s+)?")
    # "X said his movement, Y, ...", "X ordered his militia, Y, to ...": a few lower-case words (a
    # verb of the person's clause), "his" and a group noun, then the group's name
    _HIS_NOUN = re.compile(r"\s+(?:[a-z]+\s+){1,3}(?:his|her)\s+(?:own\s+)?(?:[a-z]+\s+)?(?:militia|movement|party|"
                           r"group|faction|bloc|organi[sz]ation|alliance|coalition|brigades?)\s*,\s+(?:the\s+)?")
    # "X-led Y": a person's name, "-led" or "-headed", then the body (one word may stand between)
    _LED_HYPHEN = re.compile(r"-(?:led|headed|founded)\s+(?:[A-Za-z]+\s+)?")
    _PERSON_VERB_ORG = re.compile(r"\s+(?:(?:now|currently|still|also|formerly)\s+)?"
                                  r"(?P<verb>heads|leads|chairs|commands|runs|headed|led|chaired|commanded)"
                                  r"\s+(?:the\s+)?$")
    _FUNCTION_WORDS = frozenset("""in on at since for and with from until after before when which who that as
        but or while to of by during amid""".split())
    _VERB_ROLES = {"heads": "head", "headed": "head", "leads": "leader", "led": "leader", "chairs": "chairman",
                   "chaired": "chairman", "commands": "commander", "commanded": "commander", "runs": "leader"}

    def person_verb_org(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"X heads Y", "X now leads Y": a person, a verb of leading and an organisation written in a
        row (the small model often parses "heads" here as a noun, so word order reads it)."""
        out: list[Candidate] = []
        for person, org in zip(ms, ms[1:]):
            if view.type_of(person) is not EntityType.PERSON or view.type_of(org) not in ORGS:
                continue
            match = self._PERSON_VERB_ORG.fullmatch(view.text, person.end, org.start)
            after = re.match(r"['\u2019]s?\s|\s+(?P<word>[a-z]+)\b", view.text[org.end:org.end + 40])
            if match is None or (after is not None and (after.group("word") is None
                                                        or after.group("word") not in self._FUNCTION_WORDS)):
                continue  # "leads Kataib Hezbollah's military wing", "heads the X political bureau": a part of it
            role = self._VERB_ROLES[match.group("verb")]
            norm, kind, _ = self.lex.normalize_role(role)
            ended = match.group("verb").endswith("ed")
            out.append(self.cand(person, Predicate.LEADER_OF, org, (person.start, org.end), "rel-led-by",
                                 role=role, role_normalized=norm, ended=ended))
        return out

    def led_by_person(self, view: DocView, ms: list[Mention], start: int, end: int,
                      memory: dict[str, list[str]], whose_only: bool = False) -> list[Candidate]:
        """"Y, led by X", "the government headed by Prime Minister X", "Y, whose leader X".

        ``whose_only``: "Y, whose leader X" only (the parse reads the verbs).
        """
        out: list[Candidate] = []
        text = view.text
        for org in ms:
            if view.type_of(org) not in ORGS:
                continue
            match = None if whose_only else self.led_by.match(text, org.end, end)
            match = match or self.whose.match(text, org.end, end)
            if match is None:
                continue
            title = match.group("title")
            person = self.mention_at(ms, match.end(), frozenset({EntityType.PERSON}), view)
            norm = self.lex.normalize_role(title)[0] if title else None
            if person is None and title and match.groupdict().get("the"):
                ref = self.owner.role_holder(view, norm or title, view.main_country)
                if ref is None:
                    continue
                pid, span_end = ref, match.end("title")
            elif person is not None:
                pid, span_end = str(person.entity_id), person.end
            else:
                continue
            delegation = self.delegation.search(text, max(start, org.start - 40), org.start)
            pred = Predicate.MEMBER_OF if delegation else Predicate.LEADER_OF
            span_start = delegation.start() if delegation else org.start
            verb = match.groupdict().get("verb") or "led"
            role = title or ("delegation leader" if delegation else _VERB_ROLES.get(verb.lower(), "leader"))
            out.append(self.cand(pid, pred, org, (span_start, span_end), "rel-led-by",
                                 role=role, role_normalized=norm or self.lex.normalize_role(role)[0]))
        return out

    def founder_family(self, view: DocView, ms: list[Mention], start: int, end: int,
                       memory: dict[str, list[str]]) -> list[Candidate]:
        """"X, a veteran commander who founded Y", "X founded Y in 2007" -> leader_of (founder)."""
        out: list[Candidate] = []
        if not view.holds_any(self.founded_words, start, end):
            return out
        text = view.text
        for match in self.founded.finditer(text, start, end):
            group = self.mention_at(ms, match.end(), GROUPS, view)
            people = [m for m in ms if m.end <= match.start() and view.type_of(m) is EntityType.PERSON]
            if group is None or not people:
                continue
            person = people[-1]
            if not re.fullmatch(r"(?:,[^,;.()]{0,100}?)?,?\s*(?:(?:also|later|had|has|once|reportedly)\s+)*",
                                text[person.end:match.start()]):
                continue
            if any(person.end <= m.start < match.start() for m in ms):
                continue  # another name sits between: it may be the founder
            out.append(self.cand(person, Predicate.LEADER_OF, group, (person.start, group.end),
                                 "rel-founder", role="founder", role_normalized="founder"))
        return out

