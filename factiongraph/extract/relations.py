"""Relations between entities, read from one document by pattern families over resolved mentions.

The rules work on the text between and around mentions, so they run whether or not the spaCy
pipeline has a dependency parse. Each pattern family is one method of :class:`PatternFamilies`;
ids, versions, confidences and vocabularies are data in ``rules/relations.yaml``. Finding candidates and turning them into :class:`Relation` records
(merging, time validity, the knowledge-base role check) are separate steps.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from factiongraph.errors import ConfigError
from factiongraph.extract.roles import RoleLexicon
from factiongraph.model import Entity, EntityType, Evidence, Mention, Predicate, Relation
from factiongraph.model.ids import make_id

if TYPE_CHECKING:
    from factiongraph.extract.context import DocContext

log = logging.getLogger(__name__)

RULES_DIR = Path(__file__).with_name("rules")
_SENT_END = re.compile(r"(?<=[.!?])(?P<close>[\"'\u201d\u2019)]*)\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Gen|Maj|Brig|Col|Lt|Dr|Mr|Mrs|Ms|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
                     r"Oct|Nov|Dec|U\.S|U\.N|No|Capt|Sgt|Rep|Sen|Gov|Prof)\.$")


@cache
def load_rule_file(name: str) -> dict[str, Any]:
    """Return the parsed rule file ``rules/<name>.yaml``.

    Raises:
        ConfigError: the file is missing, is not a mapping or has the wrong schema.
    """
    path = RULES_DIR / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read rule file {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != "rules/1":
        raise ConfigError(f"{path}: expected a mapping with schema: rules/1")
    return data


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return sentence spans of ``text[start:end]`` by punctuation and line breaks."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENT_END.finditer(text, start, end):
        if match.group().strip() == "" and "\n" not in match.group() and _ABBREV.search(
                text[max(start, match.start() - 6):match.start()]):
            continue
        stop = match.start() + len(match.group("close") or "")
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """Return the content sentences of a document (spaCy's when it has them, else our own).

    Sentences never cross a line break; spans in boilerplate or reader comments are dropped.
    """
    text = ctx.document.text
    raw: list[tuple[int, int]] = []
    doc = ctx.spacy_doc
    has_sents = doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
    if has_sents:
        for sent in doc.sents:
            raw.extend(split_sentences(text, sent.start_char, sent.end_char))
    else:
        raw = split_sentences(text, 0, len(text))
    out: list[tuple[int, int]] = []
    for start, end in raw:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        block = ctx.document.block_at(start) if ctx.document.blocks else None
        if start < end and (block is None or block.is_content):
            out.append((start, end))
    return out


_ORGS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                   EntityType.INTL_ORG})
_GROUPS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG})
_BACKERS = frozenset({EntityType.COUNTRY, EntityType.STATE_BODY, EntityType.ARMED_GROUP,
                      EntityType.POLITICAL_ORG})
_PLACES = frozenset({EntityType.PLACE, EntityType.COUNTRY})

@dataclass(slots=True)
class Candidate:
    """A relation found by one pattern, before merging."""

    subject_id: str
    predicate: Predicate
    object_id: str
    start: int
    end: int
    rule: str
    attrs: dict[str, object] = field(default_factory=dict)
    ended: bool = False


class DocView:
    """One document as the pattern families see it: text, sentences, typed, resolved mentions."""

    def __init__(self, ctx: DocContext, names: dict[str, str]) -> None:
        self.ctx = ctx
        self.text = ctx.document.text
        self.names = names
        self.sentences = sentence_spans(ctx)
        linked = [m for m in ctx.content_mentions() if m.entity_id]
        self.mentions = _drop_parenthetical_aliases(self.text, linked)
        self.published = ctx.document.metadata.published
        self.year = int(self.published[:4]) if self.published and self.published[:4].isdigit() else None
        self.role_memory: dict[str, str] = {}
        self.main_country: str | None = None

    def count_countries(self, lexicon: RoleLexicon) -> None:
        """Set ``main_country``: the country most named in the content (nouns and demonyms)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if self.type_of(m) is EntityType.COUNTRY and m.entity_id:
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        for start, end in self.sentences:
            for name in lexicon.demonyms_in(self.text[start:end]):
                found = self.lookup_name(name)
                ent = self.entity(found)
                if found and ent is not None and ent.type is EntityType.COUNTRY:
                    counts[found] = counts.get(found, 0) + 1
        self.main_country = max(counts, key=lambda k: counts[k]) if counts else None

    def add_definite_references(self, lexicon: RoleLexicon) -> None:
        """Link "the government", "the intelligence service" to an org named in full earlier.

        The key is the org's name without a leading demonym ("Iraqi Intelligence Service" ->
        "intelligence service"); "the government" with no earlier government falls back to the
        main country's government when the knowledge base has one.
        """
        keys: dict[str, tuple[str, EntityType, int]] = {}
        for m in self.mentions:
            ent = self.ctx.entity(m.entity_id)
            if ent is None or ent.type not in _ORGS:
                continue
            for name in {ent.name, m.text}:
                words = name.split()
                if len(words) >= 2 and words[0] in lexicon.demonyms:
                    keys.setdefault(" ".join(words[1:]).lower(), (ent.entity_id, ent.type, m.end))
        country = self.entity(self.main_country)
        if "government" not in keys and country is not None:
            adjectives = [k for k, v in lexicon.demonyms.items() if v == country.name and k != v]
            for name in [f"{a} government" for a in adjectives] + [f"government of {country.name}"]:
                found = self.names.get(name.casefold())
                if found and (ent := self.entity(found)) is not None:
                    keys["government"] = (found, ent.type, 0)
                    break
        if not keys:
            return
        pattern = re.compile(r"\bthe\s+(?:(?:current|new|former|previous|same)\s+)?(?P<key>"
                             + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                             + r")\b", re.IGNORECASE)
        taken = [(m.start, m.end) for m in self.mentions]
        extra: list[Mention] = []
        for start, end in self.sentences:
            for match in pattern.finditer(self.text, start, end):
                entity_id, etype, after = keys[match.group("key").lower()]
                s0, e0 = match.start("key"), match.end("key")
                if s0 < after or any(a < e0 and s0 < b for a, b in taken):
                    continue
                extra.append(Mention(self.ctx.document.doc_id, s0, e0, self.text[s0:e0], etype,
                                     "rule.definite-reference.v1", 0.6, entity_id))
        self.mentions = sorted(self.mentions + extra, key=lambda m: m.start)

    def type_of(self, m: Mention) -> EntityType:
        """Return the resolved entity's type (the mention's own type as a fallback)."""
        ent = self.ctx.entity(m.entity_id)
        return ent.type if ent is not None else m.type

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return an entity from the document context or the knowledge base."""
        ent = self.ctx.entity(entity_id)
        if ent is None and entity_id is not None:
            ent = kb_get(self.ctx.kb, entity_id)
        return ent

    def in_sentence(self, start: int, end: int) -> list[Mention]:
        """Return the mentions inside ``[start, end)``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def lookup_name(self, name: str) -> str | None:
        """Return the entity id for a name: a mentioned entity first, then the knowledge base."""
        key = name.casefold()
        for m in self.mentions:
            ent = self.ctx.entity(m.entity_id)
            if ent is not None and (ent.name.casefold() == key
                                    or key in (a.casefold() for a in ent.aliases)):
                return ent.entity_id
        return self.names.get(key)

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence containing ``pos`` (-1 when none)."""
        for i, (s, e) in enumerate(self.sentences):
            if s <= pos < e:
                return i
        return -1

    def recent_mentions(self, pos: int, back: int) -> list[Mention]:
        """Return mentions before ``pos`` in its sentence and the ``back`` sentences before it."""
        idx = self.sentence_index(pos)
        floor = self.sentences[max(0, idx - back)][0] if idx >= 0 else 0
        return [m for m in self.mentions if floor <= m.start and m.end <= pos]


def _drop_parenthetical_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop "(PMF)" after "Popular Mobilisation Forces": the same entity restated in brackets."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].entity_id == m.entity_id and re.fullmatch(
                r"\s*\(\s*", text[out[-1].end:m.start]):
            continue
        out.append(m)
    return out


def kb_get(kb: Any, entity_id: str) -> Entity | None:
    """Return ``kb.get(entity_id)`` or None when the knowledge base lacks the record or the API."""
    getter = getattr(kb, "get", None)
    if getter is None:
        return None
    try:
        ent = getter(entity_id)
    except (KeyError, LookupError):
        return None
    if ent is not None and not isinstance(ent, Entity) and hasattr(ent, "to_entity"):
        ent = ent.to_entity()
    return ent if isinstance(ent, Entity) else None


def record_id(record: Any) -> str:
    """Return the id of a KB record or an Entity."""
    return str(record.entity_id if isinstance(record, Entity) else record.id)


def build_name_index(kb: Any) -> dict[str, str]:
    """Return casefolded name/alias -> entity id for every non-person knowledge-base record."""
    index: dict[str, str] = {}
    by_type = getattr(kb, "by_type", None)
    if by_type is None:
        return index
    for etype in EntityType:
        if etype is EntityType.PERSON:
            continue
        try:
            records = list(by_type(etype))
        except (KeyError, TypeError, ValueError):
            continue
        for ent in records:
            for name in [ent.name, *ent.aliases]:
                index.setdefault(name.casefold(), record_id(ent))
    return index


def _span_year(value: object) -> int | None:
    """Return the year of a KB date value (int, "2020", "2020-06-01") or None."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None


_POSS = r"(?:'s|\u2019s|'|\u2019)"
_LIST_SEP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as well as)\s*(?:the\s+)?", re.IGNORECASE)
_LIST_SEP_WIDE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as well as|,?\s*in addition to|,?\s*along"
                            r"\s+with)\s*(?:the\s+)?", re.IGNORECASE)
_COPULA_GAP = re.compile(
    r"[\s,\u2014\u2013-]*(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were|has|have|had|been|be|being|"
    r"remain|remains|all|both|also|now|still|widely|believed|said|thought|seen|reported|known|"
    r"considered|to|\w+ly)\s+)*[\s,\u2014\u2013-]*", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)|\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_PARTICIPLE = re.compile(r",\s*(?:formed|founded|created|established|set up|based|known|launched|"
                         r"headquartered)\b.*?(?=\s+(?:is|are|was|were|has|have)\b|,|$)", re.IGNORECASE)


def _words(items: list[str]) -> str:
    """Return a word-bounded alternation of phrases (longest first)."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class PatternFamilies:
    """The relation pattern families; each method returns candidates for one sentence."""

    def __init__(self, rules: dict[str, Any], lexicon: RoleLexicon, owner: RelationExtractor) -> None:
        self.lex = lexicon
        self.owner = owner
        try:
            vocab = {k: [str(w) for w in rules[k]] for k in (
                "backing_words", "group_nouns", "list_openers", "affiliation_triggers",
                "front_triggers", "same_group_phrases", "umbrella_triggers", "membership_nouns",
                "led_by_verbs", "commands_triggers", "commands_verbs", "opposes_verbs", "place_nouns")}
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"relations.yaml: missing vocabulary ({exc!r})") from exc
        flags = re.IGNORECASE
        self.affiliation = re.compile(rf"\b(?:{_words(vocab['affiliation_triggers'])})\b", flags)
        self.front = re.compile(rf"\b(?:{_words(vocab['front_triggers'])})\b", flags)
        self.same_group = re.compile(rf"\s*(?:{_words(vocab['same_group_phrases'])})\b", flags)
        self.umbrella = re.compile(rf"\b(?:{_words(vocab['umbrella_triggers'])})\s+(?:the\s+)?", flags)
        self.one_of = re.compile(
            rf"\bone\s+of\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{_words(vocab['membership_nouns'])})\b"
            rf"(?:\s+(?:of|in|within|under)\s+(?:the\s+)?)?", flags)
        title = lexicon.title_core
        self.backed = re.compile(
            rf"(?<![\w-])(?:(?P<b1>[A-Z][\w.]*)[-\s](?:{_words(vocab['backing_words'])})|"
            rf"pro-(?P<b2>[A-Z]\w*))\b(?P<np>(?:\s+[\w-]+){{0,3}}?\s+(?:{_words(vocab['group_nouns'])})\b)?"
            rf"(?:\s+in\s+[A-Z][\w-]*)?\s*,?\s*(?:(?:{_words(vocab['list_openers'])})\s+)?(?:the\s+)?")
        self.backed_by = re.compile(
            rf"\b(?:{_words(vocab['backing_words'])})\s+by\s+(?:the\s+)?", flags)
        self.led_by = re.compile(
            r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|who)\s+[^,]{1,90},)?\s*,?\s*(?:(?:which|that|who)\s+)?"
            r"(?:(?:is|are|was|were|has been|had been|have been)\s+)?(?:currently\s+|now\s+|also\s+|"
            rf"reportedly\s+)?(?P<verb>{_words(vocab['led_by_verbs'])})\s+by\s+"
            rf"(?:(?P<the>the\s+)?(?P<title>{title})\b\s*)?(?:(?:{lexicon.honorific_alt})\s+)*", flags)
        self.led_by_ref = re.compile(rf"(?P<title>{title})\b", flags)
        self.whose = re.compile(rf"\s*,?\s*whose\s+(?P<title>{title})\s*,?\s*", flags)
        self.delegation = re.compile(
            r"\b(?:delegation|team|convoy|committee|group|unit)\s+(?:from|of)\s+(?:the\s+)?$", flags)
        self.apposition = re.compile(
            rf",\s+(?:who\s+(?:is|was)\s+)?(?P<det>(?:the|a|an|one)\s+)?(?P<role>(?:[a-z][\w-]*\s+)"
            rf"{{0,3}}?{title}(?:\s+{title})*)(?:\s+(?P<prep>of|at|in|for|with|to|within)\s+(?:the\s+)?)?", flags)
        self.apposition_org = re.compile(rf",\s+(?P<det>(?:the|a|an)\s+)?$", flags)
        self.commands_by = re.compile(rf"\b(?:{_words(vocab['commands_triggers'])})\s+(?:the\s+)?", flags)
        self.commands_verb = re.compile(rf"\b(?:{_words(vocab['commands_verbs'])})\s+(?:the\s+)?", flags)
        self.opposes = re.compile(rf"\b(?:{_words(vocab['opposes_verbs'])})\s+(?:the\s+)?", flags)
        places = _words(vocab["place_nouns"])
        self.place_in = re.compile(r",?\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?", flags)
        self.place_of = re.compile(rf"\s+(?:{places})\s+of\s+(?:the\s+)?$", flags)
        self.place_noun_after = re.compile(rf"\s+(?:{places})\b", flags)

    # -- shared walkers -------------------------------------------------------------------
    def run(self, view: DocView, start: int, end: int) -> list[Candidate]:
        """Return every family's candidates for the sentence ``[start, end)``."""
        ms = view.in_sentence(start, end)
        memory: dict[str, list[str]] = {}
        out: list[Candidate] = []
        for family in (self.title_person, self.apposition_role, self.possessive_leader,
                       self.led_by_person, self.affiliation_front, self.backed_by_family,
                       self.umbrella_family, self.sub_unit, self.located_in, self.commands_opposes):
            out.extend(family(view, ms, start, end, memory))
        return out

    def mention_at(self, ms: list[Mention], pos: int, types: frozenset[EntityType] | None,
                   view: DocView) -> Mention | None:
        """Return the mention starting exactly at ``pos`` (optionally of the given types)."""
        for m in ms:
            if m.start == pos and (types is None or view.type_of(m) in types):
                return m
        return None

    def list_forward(self, view: DocView, ms: list[Mention], first: Mention,
                     types: frozenset[EntityType], sep: re.Pattern[str] = _LIST_SEP) -> list[Mention]:
        """Return ``first`` and the mentions listed after it ("A, B and C")."""
        out = [first]
        for m in ms:
            if m.start < out[-1].end:
                continue
            if sep.fullmatch(view.text, out[-1].end, m.start) and view.type_of(m) in types:
                out.append(m)
            elif m.start > out[-1].end:
                break
        return out

    def subjects_before(self, view: DocView, ms: list[Mention], pos: int,
                        types: frozenset[EntityType]) -> list[Mention]:
        """Return the subject list of a predicate starting at ``pos`` ("A and B are ...")."""
        before = [m for m in ms if m.end <= pos][::-1][:8]
        for i, m in enumerate(before):
            gap = _PARTICIPLE.sub("", _PARENS.sub("", view.text[m.end:pos]))
            if not _COPULA_GAP.fullmatch(gap):
                continue
            if view.type_of(m) not in types or re.match(r"\s*" + _POSS + r"\s", view.text[m.end:]):
                return []
            found = [m]
            for prev in before[i + 1:]:
                if _LIST_SEP_WIDE.fullmatch(view.text, prev.end, found[-1].start) and \
                        view.type_of(prev) in types:
                    found.append(prev)
                elif prev.entity_id == found[-1].entity_id:
                    continue
                else:
                    break
            return found[::-1]
        return []

    def cand(self, s: Mention | str, p: Predicate, o: Mention | str, span: tuple[int, int],
             rule: str, **attrs: object) -> Candidate:
        """Return a candidate between mentions or ids over ``span``."""
        sid = s if isinstance(s, str) else str(s.entity_id)
        oid = o if isinstance(o, str) else str(o.entity_id)
        ended = bool(attrs.pop("ended", False))
        return Candidate(sid, p, oid, span[0], span[1], rule,
                         {k: v for k, v in attrs.items() if v is not None}, ended)

    def role_predicate(self, kind: str, object_type: EntityType | None, definite: bool) -> Predicate:
        """Return the predicate a title implies for its object."""
        if kind == "member":
            return Predicate.MEMBER_OF
        if kind == "leader" and object_type is not EntityType.COUNTRY:
            return Predicate.LEADER_OF if definite else Predicate.MEMBER_OF
        return Predicate.HOLDS_ROLE

    def context_object(self, view: DocView, person: Mention, norm: str, kind: str,
                       generic: bool, floor: int, end: int) -> str | None:
        """Return what an org-less title is of: KB dated roles, a demonym, the context group."""
        pid = str(person.entity_id)
        known = self.owner.office_holder_of(pid, norm, view.year)
        if known:
            return known
        if generic:
            for m in reversed(view.recent_mentions(person.start, 3)):
                if view.type_of(m) in _GROUPS:
                    return m.entity_id
            return None
        if kind == "office":
            for name in reversed(self.lex.demonyms_in(view.text[floor:person.start])):
                found = view.lookup_name(name)
                if found and (ent := view.entity(found)) is not None and ent.type is EntityType.COUNTRY:
                    return found
            return view.main_country
        return None

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
            if view.type_of(person) is not EntityType.PERSON:
                continue
            title = self.lex.find_title_before(text, person.start, start)
            if title is None:
                continue
            obj: str | None = None
            span_start = title.start
            org = next((m for m in ms if m.end <= title.start and re.fullmatch(
                rf"{_POSS}?\s*", text[m.end:title.start]) and view.type_of(m) is not EntityType.PERSON),
                None)
            generic = bool(self.lex.generic_re.match(title.written))
            pronoun = re.search(r"\b(?:its|their)\s+$", text[max(start, title.start - 8):title.start],
                                re.IGNORECASE)
            if org is not None and view.type_of(org) in _ORGS | {EntityType.COUNTRY}:
                obj, span_start = org.entity_id, org.start
            elif pronoun is not None:
                prior = [m for m in view.recent_mentions(title.start, 1) if view.type_of(m) in _ORGS]
                obj = prior[-1].entity_id if prior else None
            elif (dem := self.lex.demonym_before(text, title.start, start)) is not None:
                obj = view.lookup_name(dem[0])
                span_start = dem[1] if obj else span_start
            if obj is None:
                obj = self.context_object(view, person, title.normalized, title.kind, generic,
                                          start, end)
            if obj is None:
                continue
            otype = view.entity(obj).type if view.entity(obj) is not None else None  # type: ignore[union-attr]
            pred = self.role_predicate(title.kind, otype, True)
            out.append(self.cand(person, pred, obj, (span_start, person.end), "rel-title-person",
                                 role=title.written, role_normalized=title.normalized,
                                 ended=title.ended))
            self.remember_role(view, str(person.entity_id), title.normalized)
        return out

    def apposition_role(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"X, secretary of Y", "X, a consultant at Y", "X, the Y commander", "X, a member of Y"."""
        out: list[Candidate] = []
        text = view.text
        for person in ms:
            if view.type_of(person) is not EntityType.PERSON:
                continue
            match = self.apposition.match(text, person.end, end)
            obj: Mention | None = None
            if match is not None:
                role = match.group("role")
                span_end = match.end("role")
                if match.group("prep"):
                    obj = self.mention_at(ms, match.end(), _ORGS | {EntityType.COUNTRY}, view)
                    span_end = obj.end if obj is not None else span_end
                definite = (match.group("det") or "the").strip().lower() == "the"
            else:
                lead = self.apposition_org.match(text, person.end, end)
                nxt = next((m for m in ms if m.start >= person.end), None)
                if nxt is None or view.type_of(nxt) not in _ORGS | {EntityType.COUNTRY}:
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
            oid = obj.entity_id if obj is not None else self.context_object(
                view, person, norm, kind, False, start, end)
            if oid is None:
                continue
            ent = view.entity(oid)
            pred = self.role_predicate(kind, ent.type if ent is not None else None, definite)
            out.append(self.cand(person, pred, oid, (person.start, span_end), "rel-apposition-role",
                                 role=role.strip(), role_normalized=norm, ended=ended))
            if pred is not Predicate.MEMBER_OF:
                self.remember_role(view, str(person.entity_id), norm)
        return out

    def possessive_leader(self, view: DocView, ms: list[Mention], start: int, end: int,
                          memory: dict[str, list[str]]) -> list[Candidate]:
        """"Qais Khazali's Asaib Ahl al-Haq" -> leader_of."""
        out: list[Candidate] = []
        for a, b in zip(ms, ms[1:]):
            if view.type_of(a) is EntityType.PERSON and view.type_of(b) in _ORGS and re.fullmatch(
                    rf"{_POSS}\s+", view.text[a.end:b.start]):
                out.append(self.cand(a, Predicate.LEADER_OF, b, (a.start, b.end), "rel-possessive-leader"))
        return out

    def led_by_person(self, view: DocView, ms: list[Mention], start: int, end: int,
                      memory: dict[str, list[str]]) -> list[Candidate]:
        """"Y, led by X", "the government headed by Prime Minister X", "Y, whose leader X"."""
        out: list[Candidate] = []
        text = view.text
        for org in ms:
            if view.type_of(org) not in _ORGS:
                continue
            match = self.led_by.match(text, org.end, end) or self.whose.match(text, org.end, end)
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
            role = title or ("delegation leader" if delegation else
                             {"commanded": "commander", "chaired": "chairman"}.get(verb.lower(), "leader"))
            out.append(self.cand(pid, pred, org, (span_start, span_end), "rel-led-by",
                                 role=role, role_normalized=norm or self.lex.normalize_role(role)[0]))
        return out

    # -- group-to-group statements --------------------------------------------------------
    def affiliation_front(self, view: DocView, ms: list[Mention], start: int, end: int,
                          memory: dict[str, list[str]]) -> list[Candidate]:
        """"A and B are affiliated with C"; "... could even be new names for the exact same group"."""
        out: list[Candidate] = []
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
            obj = self.mention_at(ms, pos, _ORGS, view)
            span_end = obj.end if obj is not None else match.end()
            same = self.same_group.match(text, match.end(), end)
            if obj is None and pred is Predicate.POSSIBLY_SAME_AS and same is not None:
                obj, span_end = last_object, same.end()
            if obj is None:
                continue
            subjects = self.subjects_before(view, ms, match.start(), _GROUPS)
            subjects_ids = [str(s.entity_id) for s in subjects]
            span_start = subjects[0].start if subjects else match.start()
            if not subjects and memory.get("subjects") and last_object is not None:
                subjects_ids, span_start = memory["subjects"], last_object.start
            for sid in subjects_ids:
                out.append(self.cand(sid, pred, obj, (span_start, span_end), rule))
            memory["subjects"] = subjects_ids
            last_object = obj
        return out

    def backed_by_family(self, view: DocView, ms: list[Mention], start: int, end: int,
                         memory: dict[str, list[str]]) -> list[Candidate]:
        """"Iran-backed militias such as A and B", "the Iran-aligned militia A", "A, backed by Iran"."""
        out: list[Candidate] = []
        text = view.text
        for match in self.backed.finditer(text, start, end):
            word = match.group("b1") or match.group("b2") or ""
            backer_m = self.mention_at(ms, match.start(), _BACKERS, view)
            backer = backer_m.entity_id if backer_m is not None else view.lookup_name(
                self.lex.demonyms.get(word, word))
            first = self.mention_at(ms, match.end(), _GROUPS, view)
            if backer is None or first is None:
                continue
            for m in self.list_forward(view, ms, first, _GROUPS):
                out.append(self.cand(m, Predicate.BACKED_BY, backer, (match.start(), m.end),
                                     "rel-backed-by"))
        for match in self.backed_by.finditer(text, start, end):
            backer_m = self.mention_at(ms, match.end(), _BACKERS, view)
            if backer_m is None:
                continue
            for subj in self.subjects_before(view, ms, match.start(), _GROUPS):
                out.append(self.cand(subj, Predicate.BACKED_BY, backer_m, (subj.start, backer_m.end),
                                     "rel-backed-by"))
        return out

    def umbrella_family(self, view: DocView, ms: list[Mention], start: int, end: int,
                        memory: dict[str, list[str]]) -> list[Candidate]:
        """"A, B and C operate under the umbrella of Y", "A, part of Y", "A, one of the factions"."""
        out: list[Candidate] = []
        text = view.text
        groups = frozenset({EntityType.ARMED_GROUP})
        for match in list(self.umbrella.finditer(text, start, end)) + list(
                self.one_of.finditer(text, start, end)):
            obj = self.mention_at(ms, match.end(), frozenset({EntityType.ARMED_GROUP,
                                                             EntityType.STATE_BODY}), view)
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

    def sub_unit(self, view: DocView, ms: list[Mention], start: int, end: int,
                 memory: dict[str, list[str]]) -> list[Candidate]:
        """"Islamic Revolutionary Guard Corps' Quds Force", "IRGC Quds Force" -> part_of."""
        units = frozenset({EntityType.STATE_BODY, EntityType.ARMED_GROUP})
        out: list[Candidate] = []
        for a, b in zip(ms, ms[1:]):
            if view.type_of(a) in units and view.type_of(b) in units and re.fullmatch(
                    rf"{_POSS}?\s*", view.text[a.end:b.start]) and a.end <= b.start:
                if self.lex.find_title_before(view.text, b.start, a.end) is None:
                    out.append(self.cand(b, Predicate.PART_OF, a, (a.start, b.end), "rel-sub-unit"))
        return out

    def located_in(self, view: DocView, ms: list[Mention], start: int, end: int,
                   memory: dict[str, list[str]]) -> list[Candidate]:
        """"Balad, in Salahuddin province", "Baghdad's Mansour area", "the Baghdad district of X"."""
        out: list[Candidate] = []
        text = view.text
        places = [m for m in ms if view.type_of(m) in _PLACES]
        for a, b in zip(places, places[1:]):
            gap = text[a.end:b.start]
            if view.type_of(a) is EntityType.PLACE and self.place_in.fullmatch(gap):
                tail = self.place_noun_after.match(text, b.end, end)
                out.append(self.cand(a, Predicate.LOCATED_IN, b, (a.start, tail.end() if tail else b.end),
                                     "rel-located-in"))
            elif view.type_of(b) is EntityType.PLACE and re.fullmatch(rf"{_POSS}\s+", gap):
                tail = self.place_noun_after.match(text, b.end, end)
                out.append(self.cand(b, Predicate.LOCATED_IN, a, (a.start, tail.end() if tail else b.end),
                                     "rel-located-in"))
            elif view.type_of(b) is EntityType.PLACE and self.place_of.fullmatch(gap):
                lead = re.search(r"(?:the\s+)?(?:[a-z]+\s+)?$", text[start:a.start])
                s0 = start + lead.start() if lead else a.start
                out.append(self.cand(b, Predicate.LOCATED_IN, a, (s0, b.end), "rel-located-in"))
        return out

    def commands_opposes(self, view: DocView, ms: list[Mention], start: int, end: int,
                         memory: dict[str, list[str]]) -> list[Candidate]:
        """"A operates under the command of B" / "B commands A"; explicit "A opposes B"."""
        out: list[Candidate] = []
        text = view.text
        actors = _ORGS | {EntityType.PERSON, EntityType.COUNTRY}
        for match in self.commands_by.finditer(text, start, end):
            boss = self.mention_at(ms, match.end(), actors, view)
            if boss is not None:
                for subj in self.subjects_before_loose(view, ms, match.start()):
                    out.append(self.cand(boss, Predicate.COMMANDS, subj, (subj.start, boss.end),
                                         "rel-commands"))
        for match in self.commands_verb.finditer(text, start, end):
            unit = self.mention_at(ms, match.end(), _GROUPS, view)
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
        found = self.subjects_before(view, ms, pos, _GROUPS)
        if found:
            return found
        before = [m for m in ms if m.end <= pos and view.type_of(m) in _GROUPS]
        if before and re.fullmatch(r"\s*(?:,\s*which\s+)?(?:\w+\s+){0,2}", view.text[before[-1].end:pos]):
            return [before[-1]]
        return []


class RelationExtractor:
    """Find relations in one document: build once with the KB, call :meth:`extract` per document.

    Reads ``DocContext`` (text, sentences, content mentions with ``entity_id``); writes
    :class:`Relation` records whose evidence names the pattern family that found them.
    """

    NAME = "stage.extract.relations"
    VERSION = 1

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self.rules = load_rule_file("relations")
        self.lexicon = RoleLexicon(self.rules)
        try:
            self.patterns = {str(p["id"]): (int(p["version"]), float(p["confidence"]))
                             for p in self.rules["patterns"]}
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"relations.yaml: bad patterns entry ({exc!r})") from exc
        self.families = PatternFamilies(self.rules, self.lexicon, self)
        self.names = build_name_index(kb)
        self.umbrellas = self._find_umbrellas()

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

    def extract(self, ctx: DocContext) -> list[Relation]:
        """Return the relations stated in one document, merged by (subject, predicate, object)."""
        view = DocView(ctx, self.names)
        view.count_countries(self.lexicon)
        view.add_definite_references(self.lexicon)
        candidates = self.find_candidates(view)
        return self.build_relations(view, candidates)

    def find_candidates(self, view: DocView) -> list[Candidate]:
        """Run every pattern family over every sentence; return the raw candidates."""
        found: list[Candidate] = []
        for start, end in view.sentences:
            found.extend(self.families.run(view, start, end))
        return [c for c in found if c.subject_id != c.object_id]

    def build_relations(self, view: DocView, candidates: list[Candidate]) -> list[Relation]:
        """Merge candidates into relations with evidence, validity and the KB role check."""
        merged: dict[str, Relation] = {}
        text = view.text
        for cand in candidates:
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
        """Return the KB's dated roles of a person (person roles and group leader lists)."""
        records: list[dict[str, Any]] = []
        person = kb_get(self.kb, person_id)
        if person is not None:
            for r in person.attributes.get("roles") or []:  # type: ignore[union-attr]
                if isinstance(r, dict):
                    records.append(r)
        if object_id is not None:
            group = kb_get(self.kb, object_id)
            if group is not None:
                for r in group.attributes.get("leaders") or []:  # type: ignore[union-attr]
                    if isinstance(r, dict) and r.get("person") == person_id:
                        records.append({**r, "of": object_id})
        return records

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
        kb_norm = self.lexicon.normalize_role(kb_role)[0].casefold()
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
