"""The resolve stage: link each mention to a canonical entity and record why.

Order of decisions for one document:

1. Full names (two or more name parts, or any non-person name): the KB id the ruler found,
   else a KB record with the same transliteration key, else a *discovered* entity whose id is
   derived from type + key (so the same unknown group in two documents gets the same id).
2. Partial names ("Faisal Hussein" after "Ghazi Faisal Hussein"): the longer name in the same
   document that contains all their parts and the same last part.
3. Short forms ("Khazali", "al-Falahi", "Hussain"): the most recent preceding full name in
   the document whose parts contain it; failing that, the only full name later in the document
   that contains it; failing that, the only KB person with that last name; else its own
   discovered entity.
4. Different full names in one document that share a name part get a negative judgement:
   they must never be merged (Fuad Hussein is not Ghazi Faisal Hussein).

Reviewers' negative judgements (``Resolver.apart``, read from the store before each run) come
before steps 1-3: a mention is never linked to an entity a reviewer said differs from the id the
mention would have on its own; it keeps that id (or the next candidate).

Mentions are copied, never rewritten: only ``entity_id`` (and ``type``, when the entity's type
is known better than the NER label) change. Every merge other than an exact KB alias match is
a :class:`Judgement` naming the id the mention would have had on its own, so it can be undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import TYPE_CHECKING

from factiongraph.model import Document, Entity, EntityType, Mention
from factiongraph.model.ids import make_id
from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.resolve.abbreviations import link_defined_short_forms
from factiongraph.resolve.home_bodies import HOME_BODY_PRODUCER, body_tails, home_body, story_country
from factiongraph.resolve.index import KBIndex, build_index
from factiongraph.resolve.keys import is_acronym, make_key, name_parts, strip_titles

if TYPE_CHECKING:
    from factiongraph.kb import KnowledgeBase

NAME = "stage.resolve"
VERSION = 1
PRODUCER = f"{NAME}.v{VERSION}"
KEY_PRODUCER = "rule.translit-key.v1"
LETTERS_PRODUCER = "rule.place-letters.v1"
SHORT_FORM_PRODUCER = "rule.short-form.v1"
PARTIAL_NAME_PRODUCER = "rule.partial-name.v1"
KB_SURNAME_PRODUCER = "rule.kb-surname.v1"
DISTINCT_PRODUCER = "rule.name-part-distinct.v1"
OUTLET_PRODUCER = "rule.doc-outlet-entity.v1"
_RETYPABLE_PREFIX = "model."  # statistical labels may be corrected by resolution
# A lone name reads as a place after a locative preposition or "city of", or before a place noun.
_PLACE_BEFORE = re.compile(r"\b(?:in|into|to|from|near|at|outside|around|across|towards?|through|"
                           r"(?:city|province|governorate|town|region)\s+of)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:province|governorate|city|airport|district|region|governor|police|"
                          r"council|residents|university)\b|,\s+(?:Iraq|Syria|Kurdistan\s+Region|Iran)\b",
                          re.IGNORECASE)
# A wire dateline: the name opens its line in capitals before a comma, dash or agency ("SULAIMANI,
# Kurdistan Region -", "ERBIL (Reuters) -"): where the report was filed.
_OWNER_BEFORE = re.compile(r"['\u2019]s\s+$")
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|\u2014|\u2013|-\s)")


def discovered_id(etype: EntityType, key: str) -> str:
    """Return the deterministic id of an entity the KB does not know."""
    return make_id("ent", etype.value, key)


@dataclass(slots=True)
class Resolution:
    """What resolving one document produced."""

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    outlet_id: str | None = None
    """The ``media_outlet`` entity of the document's publisher (its entity is in ``entities``)."""


@dataclass(slots=True)
class _FullName:
    start: int
    entity_id: str
    parts: list[str]
    kb: bool


@dataclass(slots=True)
class _State:
    """Per-document working state."""

    document: Document
    out: list[Mention] = field(default_factory=list)
    full_names: list[_FullName] = field(default_factory=list)
    judgements: dict[tuple[str, str, str], Judgement] = field(default_factory=dict)

    def judge(self, left: str, right: str, verdict: Verdict, score: float, producer: str,
              reason: str) -> None:
        if left == right:
            return
        if verdict is Verdict.NEGATIVE and right < left:
            left, right = right, left
        self.judgements.setdefault((left, right, verdict.value),
                                   Judgement(left, right, verdict, score, producer, reason))


class Resolver:
    """Build once (indexes the KB); call :meth:`resolve` per document."""

    def __init__(self, kb: KnowledgeBase, apart: frozenset[frozenset[str]] = frozenset()) -> None:
        self.kb = kb
        self.index: KBIndex = build_index(kb)
        self.body_tails = body_tails(kb)
        self.apart = apart
        """Pairs of ids reviewers judged different (negative judgements): never linked."""

    def _allowed(self, target: str, own: str) -> bool:
        """Return False when a reviewer said ``target`` and ``own`` are different entities."""
        return not self.apart or frozenset((target, own)) not in self.apart

    def resolve(self, document: Document, mentions: list[Mention]) -> Resolution:
        """Link ``mentions`` of ``document`` to entities.

        Returns:
            A :class:`Resolution` with copies of the mentions (``entity_id`` set), every entity
            they reference and the judgements behind each non-trivial link.
        """
        state = _State(document)
        ordered = sorted(enumerate(mentions), key=lambda p: (p[1].start, p[1].end))
        slots: list[Mention | None] = [None] * len(mentions)
        parts_of = {i: name_parts(m.text) for i, m in ordered}
        shorts: list[int] = []
        partials: list[int] = []
        for i, m in ordered:
            parts = parts_of[i]
            if self._is_short_form(m, parts) or self._surname_of_earlier_name(state, m, parts):
                shorts.append(i)
                continue
            resolved = self._resolve_full(state, m)
            slots[i] = resolved
            if resolved.type is EntityType.PERSON and len(parts) >= 2 and resolved.entity_id:
                state.full_names.append(_FullName(m.start, resolved.entity_id, parts,
                                                  resolved.entity_id in self.kb.records))
                if resolved.entity_id not in self.kb.records:
                    partials.append(i)
        for i in partials:
            slots[i] = self._resolve_partial(state, slots[i], parts_of[i])  # type: ignore[arg-type]
        for i in shorts:
            slots[i] = self._resolve_short(state, mentions[i], parts_of[i][0])
        self._judge_distinct(state)
        resolved_mentions = link_defined_short_forms(document.text, [m for m in slots if m is not None],
                                                     lambda eid: eid in self.kb.records)
        resolved_mentions = self._link_home_bodies(state, resolved_mentions)
        entities = self._collect_entities(document, resolved_mentions)
        outlet = self.outlet_entity(document)
        if outlet is not None and all(e.entity_id != outlet.entity_id for e in entities):
            entities.append(outlet)
        return Resolution(document.doc_id, resolved_mentions, entities,
                          list(state.judgements.values()),
                          outlet.entity_id if outlet is not None else None)

    def outlet_entity(self, document: Document) -> Entity | None:
        """Return the ``media_outlet`` entity of the document's publisher, or None when unknown.

        A KB outlet whose name or alias has the key of the name, or of one of its shorter forms
        (:func:`outlet_name_forms`: "FDD's Long War Journal" -> "Long War Journal", "Al Arabiya
        English" -> "Al Arabiya", "MINA (Mi'raj News Agency)" -> "MINA"), is that record; any
        other name is a discovered (unverified) outlet with the same deterministic id a mention
        of it gets, and its shorter forms as aliases.
        """
        name = " ".join((document.metadata.outlet or "").split())
        forms = outlet_name_forms(name)
        if not forms:
            return None
        for form in forms:
            key = make_key(strip_titles(form))
            known = [c for c in self.index.candidates(key, EntityType.MEDIA_OUTLET)
                     if self.index.types[c] is EntityType.MEDIA_OUTLET] if key else []
            if known:
                return self.kb.records[known[0]].to_entity()
        key = make_key(strip_titles(name))
        if not key:
            return None
        basis = document.metadata.basis.get("outlet") or "the page names it"
        return Entity(discovered_id(EntityType.MEDIA_OUTLET, key), EntityType.MEDIA_OUTLET, name, forms[1:], False,
                      {"discovered_by": OUTLET_PRODUCER, "first_evidence": f"publisher of {document.source} ({basis})"})

    def _is_short_form(self, m: Mention, parts: list[str]) -> bool:
        if len(parts) != 1 or is_acronym(m.text):
            return False
        if m.type is EntityType.PERSON:
            return True
        if self.index.surname_candidates(parts[0]) and not (
                m.entity_id and self.index.types.get(m.entity_id) is not EntityType.PLACE):
            return True  # a place name that is also a KB person's surname: decided in context
        # NER often types a lone surname as ORG or GPE ("al-Jawary", "Soleimani")
        return m.producer.startswith(_RETYPABLE_PREFIX) and m.entity_id is None

    @staticmethod
    def _surname_of_earlier_name(state: _State, m: Mention, parts: list[str]) -> bool:
        """Return True for a one-word name of another type that is the last name of a person named
        in full before it ("Renad Mansour ... Mansour said": not the Baghdad district); decided as
        a short form, where the words around it may still make it the place."""
        return len(parts) == 1 and m.type is not EntityType.PERSON and not is_acronym(m.text) \
            and any(len(f.parts) >= 2 and f.parts[-1] == parts[0] and f.start < m.start for f in state.full_names)

    def _resolve_full(self, state: _State, m: Mention) -> Mention:
        key = make_key(strip_titles(m.text))
        if m.entity_id and m.entity_id in self.kb.records:
            return self._link(m, m.entity_id)
        own = discovered_id(m.type, key or m.text.lower())
        candidates = [c for c in self.index.candidates(key, m.type) if self._allowed(c, own)]
        if candidates:
            target = candidates[0]
            if not (self.index.types[target] is m.type or m.producer.startswith(_RETYPABLE_PREFIX)):
                same = [c for c in candidates if self.index.types[c] is m.type]
                target = same[0] if same else ""
            if target:
                state.judge(target, own, Verdict.POSITIVE, 0.9, KEY_PRODUCER,
                            f"{m.text!r} has the key {key!r} of a KB name")
                for other in candidates[1:]:
                    if self.index.types[other] is self.index.types[target]:
                        state.judge(target, other, Verdict.UNSURE, 0.5, KEY_PRODUCER,
                                    f"key {key!r} is shared by two KB records")
                return self._link(m, target)
        if m.type is EntityType.PLACE:
            spelt = self.kb.place_by_letters(m.text)
            if spelt is not None and spelt.id in self.kb.records and self._allowed(spelt.id, own):
                # "Khaniqeen" for Khanaqin: a place the KB knows, written with other vowels
                state.judge(spelt.id, own, Verdict.POSITIVE, 0.7, LETTERS_PRODUCER,
                            f"{m.text!r} is written with the consonants of the KB place {spelt.name!r}")
                return self._link(m, spelt.id)
        return replace(m, entity_id=own)

    def _resolve_partial(self, state: _State, m: Mention, parts: list[str]) -> Mention:
        """Point "Faisal Hussein" at "Ghazi Faisal Hussein" when the document has the longer name."""
        longer = [f for f in state.full_names if len(f.parts) > len(parts)
                  and f.parts[-1] == parts[-1] and set(parts) <= set(f.parts)
                  and self._allowed(f.entity_id, m.entity_id or "")]
        target = self._nearest(longer, m.start)
        if target is None:
            return m
        state.judge(target.entity_id, m.entity_id or "", Verdict.POSITIVE, 0.8, PARTIAL_NAME_PRODUCER,
                    f"{m.text!r} is part of a longer name in the same document")
        state.full_names = [f for f in state.full_names
                            if not (f.start == m.start and f.entity_id == m.entity_id)]
        return self._link(m, target.entity_id, EntityType.PERSON)

    def _resolve_short(self, state: _State, m: Mention, part: str) -> Mention:
        alone = discovered_id(EntityType.PERSON, part)
        place_context = reads_as_place(state.document.text, m)
        if place_context and m.entity_id and self.index.types.get(m.entity_id) is EntityType.PLACE:
            return self._link(m, m.entity_id)
        holders = [f for f in state.full_names if part in f.parts and self._allowed(f.entity_id, alone)]
        target = self._nearest(holders, m.start)
        if target is not None:
            rivals = {f.entity_id for f in holders if f.start < m.start} - {target.entity_id}
            reason = f"{m.text!r} is a short form of a full name earlier in the same document"
            if rivals:
                reason += f"; {len(rivals)} other full name(s) share it, the most recent was used"
            state.judge(target.entity_id, alone, Verdict.POSITIVE, 0.6 if rivals else 0.85,
                        SHORT_FORM_PRODUCER, reason)
            return self._link(m, target.entity_id, EntityType.PERSON)
        people = [p for p in self.index.surname_candidates(part) if self._allowed(p, alone)]
        # A KB person's surname outweighs a place whose name folds to the same key ("Soleimani"
        # vs the city alias "Sulaimani"), unless the words around it read as a place.
        person_first = len(people) == 1 and not place_context
        if m.entity_id and m.entity_id in self.kb.records and not person_first and self._allowed(m.entity_id, alone):
            return self._link(m, m.entity_id)
        key = make_key(strip_titles(m.text))
        kb_same = [c for c in self.index.candidates(key) if self.index.types[c] is not EntityType.PERSON]
        if kb_same and m.type is not EntityType.PERSON and not person_first:
            return self._link(m, kb_same[0])
        if len(people) == 1:
            state.judge(people[0], alone, Verdict.POSITIVE, 0.7, KB_SURNAME_PRODUCER,
                        f"{m.text!r} is the last name of exactly one KB person")
            return self._link(m, people[0], EntityType.PERSON)
        if len(people) > 1:
            for person in people:
                state.judge(person, alone, Verdict.UNSURE, 0.3, KB_SURNAME_PRODUCER,
                            f"{m.text!r} is the last name of {len(people)} KB people")
            if not place_context:  # "Khazali said": a person's name, whichever Khazali it is
                return replace(m, type=EntityType.PERSON, entity_id=discovered_id(EntityType.PERSON, key or part))
        return replace(m, entity_id=discovered_id(m.type, key or part))

    @staticmethod
    def _nearest(names: list[_FullName], start: int) -> _FullName | None:
        """Return the most recent name before ``start``, else the only distinct one after it."""
        before = [f for f in names if f.start < start]
        if before:
            return max(before, key=lambda f: f.start)
        after_ids = {f.entity_id for f in names}
        if len(after_ids) == 1:
            return min(names, key=lambda f: f.start)
        return None

    def _judge_distinct(self, state: _State) -> None:
        """Record must-not-merge for different full names in the document sharing a part."""
        by_id: dict[str, set[str]] = {}
        for f in state.full_names:
            by_id.setdefault(f.entity_id, set()).update(f.parts)
        for (a, pa), (b, pb) in combinations(sorted(by_id.items()), 2):
            shared = pa & pb
            if shared:
                state.judge(a, b, Verdict.NEGATIVE, 1.0, DISTINCT_PRODUCER,
                            f"different full names share the part(s) {sorted(shared)!r}")

    def _link_home_bodies(self, state: _State, mentions: list[Mention]) -> list[Mention]:
        """Link "the Interior Ministry" (a state body named without its country) to the story
        country's body (:mod:`factiongraph.resolve.home_bodies`)."""
        unlinked = [m for m in mentions if m.type is EntityType.STATE_BODY and m.entity_id not in self.kb.records]
        if not unlinked:
            return mentions
        country = story_country(self.kb, mentions)
        text = state.document.text
        owned = {m.start for m in unlinked if _OWNER_BEFORE.search(text, max(0, m.start - 4), m.start)
                 or any(o is not m and 0 <= m.start - o.end <= 1 and o.type is not EntityType.STATE_BODY
                        for o in mentions)}
        out: list[Mention] = []
        for m in mentions:
            # "the Kurdistan Region's Ministry of Interior", "KRG Interior Ministry": the body of the
            # one named before it, not the story country's
            body = home_body(self.body_tails, country, m) if m in unlinked and m.start not in owned else None
            if body is not None and self._allowed(body, str(m.entity_id)):
                if m.entity_id:
                    state.judge(str(m.entity_id), body, Verdict.POSITIVE, 0.8, HOME_BODY_PRODUCER,
                                f"'{m.text}' written without its country in a story about {country}")
                m = self._link(m, body)
            out.append(m)
        return out

    def _link(self, m: Mention, entity_id: str, etype: EntityType | None = None) -> Mention:
        """Return a copy of ``m`` linked to ``entity_id``, typed as the entity is."""
        record = self.kb.records.get(entity_id)
        if record is not None:
            etype = EntityType(record.type)
        return replace(m, entity_id=entity_id, type=etype or m.type)

    def _collect_entities(self, document: Document, mentions: list[Mention]) -> list[Entity]:
        entities: dict[str, Entity] = {}
        for m in mentions:
            eid = m.entity_id
            if eid is None:
                continue
            record = self.kb.records.get(eid)
            if record is not None:
                if eid not in entities:
                    entities[eid] = record.to_entity()
                continue
            surface = strip_titles(m.text)
            entity = entities.get(eid)
            if entity is None:
                entities[eid] = Entity(eid, m.type, surface, [], False, {
                    "discovered_by": m.producer,
                    "first_evidence": document.text[m.sentence_start:m.sentence_end].strip(),
                })
            elif surface != entity.name and surface not in entity.aliases:
                if len(surface) > len(entity.name):
                    entity.aliases.append(entity.name)
                    entity.name = surface
                else:
                    entity.aliases.append(surface)
        return list(entities.values())


# Words that name an edition of an outlet rather than the outlet ("Al Arabiya English").
_EDITION = re.compile(r"\s+(?:English|Arabic|Online|Edition|International|Digital|\.com|\.net|\.org)$",
                      re.IGNORECASE)


def outlet_name_forms(name: str) -> list[str]:
    """Return an outlet's name and the shorter forms it is also known by, longest first.

    "FDD's Long War Journal" (an owner's possessive) -> "Long War Journal"; "Al Arabiya English"
    (an edition) -> "Al Arabiya"; "MINA (Mi'raj News Agency)" -> "MINA", "Mi'raj News Agency";
    "The Jerusalem Post" -> "Jerusalem Post".
    """
    name = " ".join(name.split())
    if not name:
        return []
    forms = [name]
    paren = re.fullmatch(r"(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)", name)
    if paren:
        forms += [paren.group("a").strip(), paren.group("b").strip()]
    for form in list(forms):
        owner = re.fullmatch(r"[^\s']+['\u2019]s\s+(?P<rest>.+)", form)
        if owner:
            forms.append(owner.group("rest"))
        if form.lower().startswith("the ") and len(form) > 4:
            forms.append(form[4:])
        edition = _EDITION.search(form)
        if edition and edition.start() > 0:
            forms.append(form[:edition.start()])
    seen: list[str] = []
    for form in forms:
        if form and form not in seen:
            seen.append(form)
    return seen


def reads_as_place(text: str, m: Mention) -> bool:
    """Return True when a lone name is written as a place ("in X", "city of X", "X province", "X
    governor", "X, Kurdistan Region", a dateline's "X, ..." in capitals)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    dateline = m.text.isupper() and not text[line_start:m.start].strip() and _DATELINE_AFTER.match(text, m.end)
    return bool(_PLACE_BEFORE.search(text[max(0, m.start - 40):m.start])
                or _PLACE_AFTER.match(text, m.end) or dateline)
