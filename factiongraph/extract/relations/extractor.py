"""Relations between entities, read from one document over its resolved mentions.

Two kinds of families find candidates sentence by sentence. With a dependency parse (the
default), the parse-based families read sentence structure through :class:`SentenceArgs`
(``arguments.py``): people and their roles in ``syntax_roles.py``, groups, backers, umbrellas
and places in ``syntax_groups.py``. The word-order families (``role_families.py``,
``group_families.py``) run beside them only where word order is the better evidence (titles
before names, possessives, adjacent units and places, fixed phrases, sets introduced in an
earlier sentence) and all of them when the document was not parsed (setting ``parse`` off).
Ids, versions, confidences and vocabularies are data in ``rules/relations.yaml``. Finding
candidates and turning them into :class:`Relation` records (merging, time validity, the
knowledge-base role check) are separate steps.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from factiongraph.errors import ConfigError
from factiongraph.extract.view.docview import ORGS, PLACES, DocView, build_name_index, kb_get, record_id
from factiongraph.extract.relations.arguments import SentenceArgs
from factiongraph.extract.relations.datelines import dateline_places
from factiongraph.extract.relations.doc_index import DocIndex
from factiongraph.extract.relations.syntax_words import SyntaxWords
from factiongraph.extract.relations.patterns import Candidate
from factiongraph.extract.relations.syntax_backing import SyntaxBacking
from factiongraph.extract.relations.syntax_conflict import SyntaxConflict
from factiongraph.extract.relations.syntax_places import SyntaxPlaces
from factiongraph.extract.relations.syntax_roles import SyntaxRoles
from factiongraph.extract.relations.syntax_groups import POSSESSIVE_MARKS
from factiongraph.extract.relations.syntax_umbrellas import SyntaxUmbrellas
from factiongraph.extract.view.cues import cue_words
from factiongraph.extract.view.roles import RoleLexicon
from factiongraph.extract.view.sentences import load_rule_file, sentence_spans, split_sentences
from factiongraph.model import Entity, EntityType, Evidence, Mention, Predicate, Relation
from factiongraph.model.ids import make_id

if TYPE_CHECKING:
    from factiongraph.extract.view.context import DocContext

log = logging.getLogger(__name__)

__all__ = ["Candidate", "DocView", "PatternFamilies", "RelationExtractor", "build_name_index",
           "load_rule_file", "sentence_spans", "split_sentences"]


def _span_year(value: object) -> int | None:
    """Return the year of a KB date value (int, "2020", "2020-06-01") or None."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None



_ALIAS_GAP = re.compile(r"\s*\(\s*")
Reader = Callable[[DocView, SentenceArgs], list[Candidate]]
Family = Callable[[DocView, list[Mention], int, int, dict[str, list[str]]], list[Candidate]]


class PatternFamilies(SyntaxRoles, SyntaxUmbrellas, SyntaxPlaces, SyntaxConflict, SyntaxBacking):
    """All relation families; :meth:`run` applies them to one sentence.

    With a dependency parse, the parse-based families (``rel-syn-*``) read appositions,
    copulas, relative clauses, participles, premodifiers and lists; the word-order families
    run beside them only where word order is the better evidence (titles before names,
    possessives, adjacent units and places, fixed phrases). Without a parse (setting ``parse``
    off) every word-order family runs.
    """

    def __init__(self, rules: dict[str, Any], lexicon: RoleLexicon, owner: RelationExtractor) -> None:
        super().__init__(rules, lexicon, owner)
        self.words = SyntaxWords(rules)
        self.umbrellas = frozenset(owner.umbrellas)
        words = self.words
        self.person_readers: tuple[tuple[Reader, frozenset[str]], ...] = (
            (self.syn_roles, self.role_heads() | self.plural_role_heads()), (self.syn_leading, frozenset(words.leader_verbs)),
            (self.syn_whose, frozenset({"whose"})))
        self.group_readers: tuple[tuple[Reader, frozenset[str]], ...] = (
            (self.syn_support, words.support_triggers), (self.syn_restated_set, words.plural_anaphor_nouns), (self.syn_backers, words.support_verbs | words.supply_verbs),
            (self.syn_receives, words.receive_verbs | words.support_nouns),
            (self.syn_relies, words.reliance_words), (self.syn_patrons, words.patron_nouns), (self.syn_cooperates, words.cooperation_verbs | words.joint_nouns | words.close_verbs), (self.syn_affiliate, words.affiliate_triggers),
            (self.syn_split, words.split_verbs), (self.syn_founded, words.founding_verbs | words.tying_verbs), (self.syn_owned_group, POSSESSIVE_MARKS), (self.syn_fronts, words.cover_nouns | words.name_nouns), (self.syn_state_units, words.state_unit_nouns), (self.syn_part_of, words.part_triggers),
            (self.syn_held_units, words.hold_verbs), (self.syn_owned_members, words.holder_nouns),
            (self.syn_control, words.control_triggers), (self.syn_explicit, words.explicit_triggers))
        self.front_words = tuple(str(w).lower() for w in rules.get("front_cues") or ())
        if any(not any(w in str(t).lower() for w in self.front_words) for t in rules["front_triggers"]):
            raise ConfigError("relations.yaml: every front trigger must hold one of front_cues")
        self.verb_words = cue_words([str(w) for key in ("commands_verbs", "opposes_verbs") for w in rules[key]])

    def run(self, view: DocView, start: int, end: int, index: DocIndex | None = None) -> list[Candidate]:
        """Return every family's candidates for the sentence ``[start, end)``.

        ``index``: the document's :class:`DocIndex` when it was parsed (None: word order only).
        """
        ms = view.in_sentence(start, end)
        if not ms:
            # every family relates a mention of this sentence, but a backer named by a demonym
            # ("An Iranian-backed militia said ...") may back the group the sentence stands for
            return self.unnamed(view, start, end, index)
        memory: dict[str, list[str]] = {}
        out: list[Candidate] = []
        kinds = {index.type_of(m) for m in ms} if index is not None else {view.type_of(m) for m in ms}
        people = EntityType.PERSON in kinds or view.holds_any(("he", "she"), start, end)
        if index is not None:
            # Type gates: a family whose subject cannot be in this sentence is not asked.
            args = SentenceArgs(view, index, ms, start, end, self.words, self.umbrellas)
            # Word gates: a family runs only when one of its words is in the sentence.
            present = args.present
            readers: list[Reader] = []
            if people:
                readers += [r for r, words in self.person_readers if not present.isdisjoint(words)]
            elif kinds & ORGS and not present.isdisjoint(self.words.leader_verbs):
                readers.append(self.syn_leading)  # "Y is headed by the prime minister"
            if kinds & ORGS or not present.isdisjoint(self.words.anaphor_gate):
                readers += [r for r, words in self.group_readers if not present.isdisjoint(words)]
            if EntityType.PLACE in kinds:
                readers.append(self.syn_places)
            for reader in readers:
                out.extend(reader(view, args))
            if people:
                # a comma apposition the parse did not read (a long name can derail it): word order
                related = {c.subject_id for c in out}
                if any(index.type_of(m) is EntityType.PERSON and m.entity_id not in related
                       and view.text.startswith(",", m.end) for m in ms):
                    out.extend(c for c in self.apposition_role(view, ms, start, end, memory)
                               if c.subject_id not in related)
            families: tuple[Family, ...] = (
                *((self.title_person, self.title_of_org, self.possessive_leader, self.person_verb_org,
                   self.person_of_group) if people else ()),
                *((self.front_groups, self.introduced_sets, self.sub_unit, self.name_opposes,
                   self.umbrella_parts_listed)
                  if kinds & ORGS else ()),
                *((self.located_in,) if kinds & PLACES else ()))
        else:
            families = (self.title_person, self.title_of_org, self.person_of_group, self.apposition_role, self.possessive_leader,
                        self.led_by_person, self.founder_family, self.affiliation_front,
                        self.backed_by_family, self.umbrella_family, self.umbrella_parts_listed,
                        self.sub_unit, self.name_opposes,
                        self.located_in,
                        self.commands_opposes)
        for family in families:
            out.extend(family(view, ms, start, end, memory))
        # "X (Y)": a name and its bracketed alias are one body written twice, never two related ones
        aliases = {frozenset((str(a.entity_id), str(b.entity_id))) for a, b in zip(ms, ms[1:])
                   if _ALIAS_GAP.fullmatch(view.text, a.end, b.start)}
        if aliases:
            out = [c for c in out if frozenset((c.subject_id, c.object_id)) not in aliases]
        return out


    def unnamed(self, view: DocView, start: int, end: int, index: DocIndex | None) -> list[Candidate]:
        """Return the backing a sentence that names nothing states through a demonym ("An
        Iranian-backed militia said ...", "the Iranian proxy"): the group it stands for."""
        if index is None:
            return []
        args = SentenceArgs(view, index, [], start, end, self.words, self.umbrellas)
        if args.present.isdisjoint(self.words.anaphor_nouns):
            return []
        out: list[Candidate] = []
        for reader, words in ((self.syn_support, self.words.support_triggers),
                              (self.syn_affiliate, self.words.affiliate_triggers)):
            if not args.present.isdisjoint(words):
                out.extend(reader(view, args))
        return out

    # -- the word-order families kept beside the parse (fixed phrases, earlier sentences) ----
    def whose_leader(self, view: DocView, ms: list[Mention], start: int, end: int,
                     memory: dict[str, list[str]]) -> list[Candidate]:
        """"Y, whose leader X" (``rel-led-by``)."""
        if not view.holds_any(("whose",), start, end):
            return []
        return self.led_by_person(view, ms, start, end, memory, whose_only=True)

    def front_groups(self, view: DocView, ms: list[Mention], start: int, end: int,
                     memory: dict[str, list[str]]) -> list[Candidate]:
        """"A could be a new name for B", "a front for B" (``rel-front-group``)."""
        if not view.holds_any(self.front_words, start, end):
            return []
        return self.affiliation_front(view, ms, start, end, memory, fronts_only=True)

    def introduced_sets(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"A, one of the pro-X factions" after "the pro-X factions within Y" (``rel-umbrella``)."""
        if not view.holds_any(("one of",), start, end):
            return []
        return self.umbrella_family(view, ms, start, end, memory, sets_only=True)

    def explicit_verbs(self, view: DocView, ms: list[Mention], start: int, end: int,
                       memory: dict[str, list[str]]) -> list[Candidate]:
        """"B commands A", "A opposes B" (``rel-commands``, ``rel-opposes``)."""
        if not view.holds_any(self.verb_words, start, end):
            return []
        return self.commands_opposes(view, ms, start, end, memory, verbs_only=True)


class RelationExtractor:
    """Find relations in one document: build once with the KB, call :meth:`extract` per document.

    Reads ``DocContext`` (text, sentences, content mentions with ``entity_id``); writes
    :class:`Relation` records whose evidence names the pattern family that found them.
    """

    NAME = "stage.extract.relations"
    VERSION = 2  # v2: relations read from the dependency parse (rel-syn-*) when it is there

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self.rules = load_rule_file("relations")
        self.lexicon = RoleLexicon(self.rules)
        try:
            self.patterns = {str(p["id"]): (int(p["version"]), float(p["confidence"]))
                             for p in self.rules["patterns"]}
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"relations.yaml: bad patterns entry ({exc!r})") from exc
        self.umbrellas = self._find_umbrellas()
        self.families = PatternFamilies(self.rules, self.lexicon, self)
        self.names = build_name_index(kb)
        self._roles: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self._kb_norms: dict[str, str] = {}  # KB role titles, normalised once
        self._kb_entities: dict[str, Entity | None] = {}

    def _find_umbrellas(self) -> set[str]:
        """Return ids that some knowledge-base group names as its umbrella."""
        out: set[str] = set()
        by_type = getattr(self.kb, "by_type", None)
        if by_type is None:
            return out
        try:
            groups = list(by_type(EntityType.ARMED_GROUP))
        except (KeyError, TypeError, ValueError):
            return out
        for ent in groups:
            value = ent.attributes.get("umbrella")
            out.update(str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v)
        return out

    def producer(self, rule: str) -> str:
        """Return the versioned producer name of a pattern family."""
        version = self.patterns.get(rule, (1, 0.5))[0]
        return f"rule.{rule}.v{version}"

    def extract(self, ctx: DocContext, view: DocView | None = None) -> list[Relation]:
        """Return the relations stated in one document, merged by (subject, predicate, object).

        ``view``: the document's :meth:`DocView.build` when the caller already has it.
        """
        view = view if view is not None else DocView.build(ctx, self.names, self.lexicon)
        candidates = self.find_candidates(view)
        return self.build_relations(view, candidates)

    def find_candidates(self, view: DocView) -> list[Candidate]:
        """Run every pattern family over every sentence; return the raw candidates."""
        found: list[Candidate] = []
        doc = view.ctx.spacy_doc  # parsed unless the setting ``parse`` is off (word order then)
        index = DocIndex(view, doc, view.ctx.lowers()) if doc is not None and doc.has_annotation("DEP") else None
        for start, end in view.sentences:
            found.extend(self.families.run(view, start, end, index))
        found.extend(dateline_places(view, lambda eid: self.entity_type(view, eid), "rel-located-in"))
        # "X, who commanded Kataib Hezbollah", "Brigade 30 is commanded by X": the group's own
        # commander leads it; ``commands`` is kept for a body or person outside it
        leads = {(c.subject_id, c.object_id) for c in found if c.predicate is Predicate.LEADER_OF}
        return [c for c in found if c.subject_id != c.object_id and not self.against_hierarchy(c)
                and not (c.predicate is Predicate.COMMANDS and (c.subject_id, c.object_id) in leads)]

    def against_hierarchy(self, cand: Candidate) -> bool:
        """Return True for ``A part_of B`` (or ``A affiliated_with B``) when the knowledge base
        puts B under A: "the brigades of the PMF, which belong to (are affiliated with) Kataib
        Hezbollah" misread as the PMF inside (beside) the group."""
        if cand.predicate not in (Predicate.PART_OF, Predicate.AFFILIATED_WITH) or cand.subject_id not in self.umbrellas:
            return False
        lower = self.kb_entity(cand.object_id)
        value = lower.attributes.get("umbrella") if lower is not None else None
        ups = value if isinstance(value, (list, tuple)) else [value]
        return cand.subject_id in {str(v) for v in ups if v}

    def build_relations(self, view: DocView, candidates: list[Candidate]) -> list[Relation]:
        """Merge candidates into relations with evidence, validity and the KB role check."""
        merged: dict[str, Relation] = {}
        text = view.text
        for cand in candidates:
            if cand.predicate is Predicate.LEADER_OF and self.holds_a_post_in(cand):
                cand.predicate = Predicate.HOLDS_ROLE  # "PMF commander X" who commands one sector
            rel_id = make_id("rel", cand.subject_id, cand.predicate.value, cand.object_id)
            confidence = self.patterns.get(cand.rule, (1, 0.5))[1]
            attrs = dict(cand.attrs)
            if cand.predicate in (Predicate.HOLDS_ROLE, Predicate.LEADER_OF, Predicate.MEMBER_OF):
                status, factor = self.check_role(cand, view.year)
                attrs["kb_check"] = status
                confidence = round(min(0.99, confidence * factor), 3)
            if cand.ended:
                attrs["ended"] = True
            evidence = Evidence(view.ctx.document.doc_id, cand.start, cand.end,
                                text[cand.start:cand.end], self.producer(cand.rule), confidence)
            rel = merged.get(rel_id)
            if rel is None:
                rel = Relation(rel_id, cand.subject_id, cand.predicate, cand.object_id, attrs,
                               valid_from=None if cand.ended else view.published,
                               valid_to=view.published)
                merged[rel_id] = rel
            else:
                for key, value in attrs.items():
                    rel.attrs.setdefault(key, value)
            if all((e.start, e.end) != (evidence.start, evidence.end) for e in rel.evidence):
                rel.evidence.append(evidence)
        return list(merged.values())

    def role_records(self, person_id: str, object_id: str | None) -> list[dict[str, Any]]:
        """Return the KB's dated roles of a person (person roles and group leader lists).

        Cached per (person, object): the knowledge base does not change during a run, and a
        record's attributes are thawed from the KB's frozen form on every look-up.
        """
        key = (person_id, object_id)
        cached = self._roles.get(key)
        if cached is not None:
            return cached
        records: list[dict[str, Any]] = []
        person = self.kb_entity(person_id)
        if person is not None:
            for r in _records(person.attributes.get("roles")):
                records.append(r)
        if object_id is not None:
            group = self.kb_entity(object_id)
            if group is not None:
                for r in _records(group.attributes.get("leaders")):
                    if r.get("person") == person_id:
                        records.append({**r, "of": object_id})
        if len(self._roles) < 50_000:
            self._roles[key] = records
        return records

    def kb_entity(self, entity_id: str | None) -> Entity | None:
        """Return a KB record as an entity, thawed once per process (the KB does not change)."""
        if entity_id is None:
            return None
        if entity_id in self._kb_entities:
            return self._kb_entities[entity_id]
        found = kb_get(self.kb, entity_id)
        if len(self._kb_entities) < 100_000:
            self._kb_entities[entity_id] = found
        return found

    def entity_type(self, view: DocView, entity_id: str) -> EntityType | None:
        """Return the type of an entity of the document, else of the KB."""
        ent = self.entity(view, entity_id)
        return ent.type if ent is not None else None

    def entity(self, view: DocView, entity_id: str | None) -> Entity | None:
        """Return an entity of the document, else of the KB (cached)."""
        return view.ctx.entity(entity_id) or self.kb_entity(entity_id)

    def holds_a_post_in(self, cand: Candidate) -> bool:
        """Return True when the KB says a person named as a leader of a body holds a post in it.

        "PMF commander Qasim Muslih": the KB lists the PMF's leaders without him and records his
        role there as a sector command ("Anbar Operations Commander"), so the title names a post,
        not the body's lead. Without such records the text's reading stands.
        """
        group = self.kb_entity(cand.object_id)
        if group is None or not _records(group.attributes.get("leaders")):
            return False
        records = [r for r in self.role_records(cand.subject_id, cand.object_id) if r.get("of") == cand.object_id]
        if not records or any(r.get("person") == cand.subject_id for r in records):
            return False
        kinds = [self.lexicon.normalize_role(str(r.get("role") or ""))[1] for r in records]
        return all(kind != "leader" for kind in kinds)

    def check_role(self, cand: Candidate, year: int | None) -> tuple[str, float]:
        """Return ``(kb_check, confidence factor)`` for a role relation against KB dates."""
        records = [r for r in self.role_records(cand.subject_id, cand.object_id)
                   if r.get("of") in (None, cand.object_id)]
        norm = str(cand.attrs.get("role_normalized") or "").casefold()
        if norm:
            named = [r for r in records if self.roles_match(str(r.get("role") or ""), norm)]
            records = named or ([] if cand.predicate is Predicate.HOLDS_ROLE else records)
        if not records:
            return "unknown", 1.0
        if year is None:
            return "unchecked", 1.0
        for r in records:
            start, end = _span_year(r.get("from")), _span_year(r.get("to"))
            if (start is None or start <= year) and (end is None or year <= end):
                return "consistent", 1.1
        if cand.ended:
            return "consistent", 1.0
        return "mismatch", 0.5

    def roles_match(self, kb_role: str, norm: str) -> bool:
        """Return True when a KB role title and a normalised title name the same post."""
        kb_norm = self._kb_norms.get(kb_role)
        if kb_norm is None:
            kb_norm = self._kb_norms[kb_role] = self.lexicon.normalize_role(kb_role)[0].casefold()
        return kb_norm == norm or kb_norm in norm or norm in kb_norm

    def office_holder_of(self, person_id: str, role_norm: str, year: int | None) -> str | None:
        """Return what the KB says a person's office was of ("Prime Minister" -> iraq)."""
        best: str | None = None
        for r in self.role_records(person_id, None):
            if r.get("of") and self.roles_match(str(r.get("role") or ""), role_norm.casefold()):
                start, end = _span_year(r.get("from")), _span_year(r.get("to"))
                if year is None or ((start is None or start <= year) and (end is None or year <= end)):
                    return str(r["of"])
                best = best or str(r["of"])
        return best

    def role_holder(self, view: DocView, role_norm: str, of: str | None) -> str | None:
        """Return who holds a role ("the prime minister"): earlier in the document, else the KB."""
        known = view.role_memory.get(role_norm.casefold())
        if known:
            return known
        holders = getattr(self.kb, "role_holders", None)
        if holders is None or of is None:
            return None
        try:
            found = list(holders(role_norm, of, view.year))
        except (KeyError, TypeError, ValueError):
            return None
        if len(found) != 1:
            return None
        item = found[0]
        return item if isinstance(item, str) else record_id(item)


def _records(value: object) -> list[dict[str, Any]]:
    """Return a KB attribute holding a list of records (read-only mappings) as plain dicts."""
    if not isinstance(value, (list, tuple)):
        return []
    return [dict(item) for item in value if isinstance(item, Mapping)]
