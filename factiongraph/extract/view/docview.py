"""The document as relation and quote rules see it: sentences and typed, resolved mentions.

:class:`DocView` adds two document-level readings to the resolved mentions: the main country
(most named) and definite references ("the government" after "the Iraqi government"). The
knowledge-base helpers here tolerate a KB without a given API (tests pass small fakes).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from factiongraph.extract.view.cues import holds_any, lowercase_copy
from factiongraph.extract.view.roles import RoleLexicon
from factiongraph.extract.view.sentences import sentence_spans
from factiongraph.model import Entity, EntityType, Mention

if TYPE_CHECKING:
    from factiongraph.extract.view.context import DocContext

ORGS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                  EntityType.INTL_ORG})
GROUPS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG})
BACKERS = frozenset({EntityType.COUNTRY, EntityType.STATE_BODY, EntityType.ARMED_GROUP,
                     EntityType.POLITICAL_ORG})
PLACES = frozenset({EntityType.PLACE, EntityType.COUNTRY})


class DocView:
    """One document as the pattern families see it: text, sentences, typed, resolved mentions."""

    def __init__(self, ctx: DocContext, names: dict[str, str]) -> None:
        self.ctx = ctx
        self.text = ctx.document.text
        self.low = lowercase_copy(self.text)  # for word gates (None: no gate applies)
        self.names = names
        self.sentences = sentence_spans(ctx)
        linked = [m for m in ctx.content_mentions() if m.entity_id]
        self.mentions = _drop_parenthetical_aliases(self.text, linked)
        self.published = ctx.document.metadata.published
        self.year = int(self.published[:4]) if self.published and self.published[:4].isdigit() else None
        self.role_memory: dict[str, str] = {}
        self.main_country: str | None = None
        self._sentence_starts = [start for start, _ in self.sentences]
        self._indexed: list[Mention] | None = None  # the mention list the indexes below were built from
        self._starts: list[int] = []
        self._names: dict[str, str] = {}

    @classmethod
    def build(cls, ctx: DocContext, names: dict[str, str], lexicon: RoleLexicon) -> DocView:
        """Return the view the relation and quote extractors share: main country and "the X"
        references resolved. Extractors read it; only relations write ``role_memory``."""
        view = cls(ctx, names)
        view.count_countries(lexicon)
        view.add_definite_references(lexicon)
        return view

    def _index(self) -> None:
        """(Re)build the start and name indexes when ``mentions`` was replaced."""
        if self._indexed is self.mentions:
            return
        self._indexed = self.mentions
        self._starts = [m.start for m in self.mentions]
        self._names = {}
        for m in self.mentions:
            ent = self.ctx.entity(m.entity_id)
            if ent is not None:
                for name in (ent.name, *ent.aliases):
                    self._names.setdefault(name.casefold(), ent.entity_id)

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
            if ent is None or ent.type not in ORGS:
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

    def holds_any(self, words: tuple[str, ...], start: int, end: int) -> bool:
        """Return False only when ``[start, end)`` holds none of ``words`` (see ``extract.cues``)."""
        return holds_any(self.low, words, start, end)

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
        self._index()
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, lo=i)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def lookup_name(self, name: str) -> str | None:
        """Return the entity id for a name: a mentioned entity first (first mentioned wins), then the KB."""
        self._index()
        key = name.casefold()
        return self._names.get(key) or self.names.get(key)

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence containing ``pos`` (-1 when none)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return -1

    def recent_mentions(self, pos: int, back: int) -> list[Mention]:
        """Return mentions before ``pos`` in its sentence and the ``back`` sentences before it."""
        idx = self.sentence_index(pos)
        floor = self.sentences[max(0, idx - back)][0] if idx >= 0 else 0
        self._index()
        i = bisect_left(self._starts, floor)
        j = bisect_left(self._starts, pos, lo=i)
        return [m for m in self.mentions[i:j] if m.end <= pos]


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
