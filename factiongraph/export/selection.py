"""What an export contains: the whole store, or a time window and/or the neighbourhood of one entity.

A selection is closed under reference: every id a kept record names (an actor, a speaker, the
document of an evidence span, a publishing outlet, the original of a repost) is kept too, so an
export never points at something it does not contain. Record order is the store's order, so the
same store and selection always give the same export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from factiongraph.export.periods import in_window
from factiongraph.model import Document, Entity, Event, Evidence, Mention, Quote, Relation
from factiongraph.store.base import Store

EPOCH = "1970-01-01"
"""The export date of a store whose documents carry no publication date."""


@dataclass(slots=True, frozen=True)
class Selection:
    """Which part of the store to export.

    ``since``/``until`` are ISO dates (``until`` may be a prefix such as ``2020-07``): events by
    their start date, relations by the dates they were reported valid (else the publication dates
    of their sources), quotes and documents by publication date. ``around`` is an entity id: only
    the claims it takes part in (actor or target, either side of a relation, speaker, relay or
    subject of a quote) and the documents that mention it.
    """

    since: str | None = None
    until: str | None = None
    around: str | None = None

    @property
    def everything(self) -> bool:
        """Return True when nothing is filtered out."""
        return self.since is None and self.until is None and self.around is None


@dataclass(slots=True)
class Snapshot:
    """The records of one export, in store order."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    known: dict[str, Entity] = field(default_factory=dict)
    """Every entity of the store by id, for lookups beyond the selection (a place's parent chain)."""

    def entity_map(self) -> dict[str, Entity]:
        """Return the entities by id."""
        return {e.entity_id: e for e in self.entities}

    def document_map(self) -> dict[str, Document]:
        """Return the documents by id."""
        return {d.doc_id: d for d in self.documents}

    def as_of(self) -> str:
        """Return the export's date: the newest publication date (first day of its period).

        Formats that need a creation time (STIX ``created``, GEXF's ``lastmodifieddate``, ACLED's
        ``timestamp``) use it, so the same store always gives the same bytes.
        """
        dates = [d.metadata.published for d in self.documents if d.metadata.published]
        if not dates:
            return EPOCH
        newest = max(dates)
        year, _, rest = newest.partition("-")
        month, _, day = rest.partition("-")
        return f"{year}-{month or '01'}-{day or '01'}"[:10]


def take(store: Store, selection: Selection = Selection()) -> Snapshot:
    """Return the part of ``store`` that ``selection`` names (everything by default)."""
    documents = list(store.iter_documents())
    entities = list(store.iter_entities())
    mentions = list(store.iter_mentions())
    events, relations, quotes = list(store.iter_events()), list(store.iter_relations()), list(store.iter_quotes())
    known = {e.entity_id: e for e in entities}
    if selection.everything:
        return Snapshot(documents, entities, mentions, events, relations, quotes, known)
    published = {d.doc_id: d.metadata.published for d in documents}
    since, until, center = selection.since, selection.until, selection.around

    def dated(dates: Iterable[str | None]) -> bool:
        return any(in_window(d, since, until) for d in dates)

    def sources(evidence: list[Evidence]) -> list[str | None]:
        return [published.get(ev.doc_id) for ev in evidence]

    kept_events = [e for e in events if in_window(e.date_start, since, until)
                   and (center is None or center in e.actors or center in e.targets)]
    kept_relations = [r for r in relations
                      if dated([r.valid_from, r.valid_to] if r.valid_from or r.valid_to else sources(r.evidence))
                      and (center is None or center in (r.subject_id, r.object_id))]
    kept_quotes = [q for q in quotes if dated(sources(q.evidence))
                   and (center is None or center in (q.speaker_id, q.via_id, *q.about))]
    claims: list[Event | Relation | Quote] = [*kept_events, *kept_relations, *kept_quotes]
    doc_ids = {ev.doc_id for claim in claims for ev in claim.evidence}
    if center is None:
        doc_ids |= {d.doc_id for d in documents if in_window(d.metadata.published, since, until)}
    else:
        doc_ids |= {m.doc_id for m in mentions if m.entity_id == center
                    and (since is None and until is None or in_window(published.get(m.doc_id), since, until))}
    by_doc = {d.doc_id: d for d in documents}
    for doc_id in list(doc_ids):  # the original of a kept repost
        original = by_doc[doc_id].near_duplicate_of if doc_id in by_doc else None
        while original is not None and original in by_doc and original not in doc_ids:
            doc_ids.add(original)
            original = by_doc[original].near_duplicate_of
    kept_documents = [d for d in documents if d.doc_id in doc_ids]
    entity_ids = {center} if center else set()
    for e in kept_events:
        entity_ids.update(e.actors, e.targets, [e.location_id] if e.location_id else [])
    for r in kept_relations:
        entity_ids.update((r.subject_id, r.object_id))
    for q in kept_quotes:
        entity_ids.update(x for x in (q.speaker_id, q.via_id, *q.about) if x)
    entity_ids.update(d.outlet_id for d in kept_documents if d.outlet_id)
    kept_mentions = [m for m in mentions if m.doc_id in doc_ids]
    if center is None:
        entity_ids.update(m.entity_id for m in kept_mentions if m.entity_id)
    else:
        kept_mentions = [m for m in kept_mentions if m.entity_id in entity_ids]
    kept_entities = [e for e in entities if e.entity_id in entity_ids]
    return Snapshot(kept_documents, kept_entities, kept_mentions, kept_events, kept_relations, kept_quotes, known)


def country_code(entity: Entity, known: dict[str, Entity]) -> str | None:
    """Return the ISO 3166 alpha-2 code of a country, or of the country a place lies in (its parent chain)."""
    seen: set[str] = set()
    current: Entity | None = entity
    while current is not None and current.entity_id not in seen:
        seen.add(current.entity_id)
        iso = current.attributes.get("iso")
        if isinstance(iso, str) and len(iso) == 2:
            return iso.upper()
        parent = current.attributes.get("parent") or current.attributes.get("country")
        current = known.get(parent) if isinstance(parent, str) else None
    return None
