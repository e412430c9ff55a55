"""The JSON Lines interchange format (DESIGN.md): one record per line, field names fixed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from factiongraph.export.selection import Snapshot
from factiongraph.model import Document, Entity, Event, Mention, Quote, Relation
from factiongraph.store.base import Store

KINDS = ("document", "entity", "mention", "event", "relation", "quote")


def document_record(doc: Document) -> dict[str, Any]:
    """Return the interchange record of a document."""
    m = doc.metadata
    return {
        "kind": "document",
        "doc_id": doc.doc_id,
        "source": doc.source,
        "url": m.url,
        "title": m.title,
        "author": m.author,
        "outlet": m.outlet,
        "published": m.published,
        "published_precision": m.published_precision.value if m.published_precision else None,
        "published_basis": m.published_basis,
        "metadata_basis": dict(sorted(m.basis.items())),
        "outlet_id": doc.outlet_id,
        "near_duplicate_of": doc.near_duplicate_of,
        "text": doc.text,
        "blocks": [{"part": b.part.value, "start": b.start, "end": b.end} for b in doc.blocks],
        "section": m.section,
        "language": m.language,
        "media_type": doc.media_type,
        "fetched_at": doc.fetched_at,
        "producer": doc.producer,
    }


def entity_record(e: Entity) -> dict[str, Any]:
    """Return the interchange record of an entity."""
    return {
        "kind": "entity",
        "entity_id": e.entity_id,
        "type": e.type.value,
        "name": e.name,
        "aliases": list(e.aliases),
        "in_kb": e.in_kb,
        "attributes": e.attributes,
    }


def mention_record(m: Mention) -> dict[str, Any]:
    """Return the interchange record of a mention."""
    return {
        "kind": "mention",
        "doc_id": m.doc_id,
        "entity_id": m.entity_id,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "producer": m.producer,
        "confidence": m.confidence,
        "type": m.type.value,
        "in_content": m.in_content,
        "sentence_start": m.sentence_start,
        "sentence_end": m.sentence_end,
    }


def event_record(e: Event) -> dict[str, Any]:
    """Return the interchange record of an event."""
    return {
        "kind": "event",
        "event_id": e.event_id,
        "type": e.type,
        "sub_type": e.sub_type,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision.value if e.date_precision else None,
        "location_id": e.location_id,
        "location_name": e.location_name,
        "lat": e.lat,
        "lon": e.lon,
        "geo_precision": e.geo_precision,
        "actors": list(e.actors),
        "targets": list(e.targets),
        "counts": dict(e.counts),
        "certainty": e.certainty.value,
        "attrs": e.attrs,
        "evidence": [ev.to_dict() for ev in e.evidence],
    }


def relation_record(r: Relation) -> dict[str, Any]:
    """Return the interchange record of a relation."""
    return {
        "kind": "relation",
        "relation_id": r.relation_id,
        "subject_id": r.subject_id,
        "predicate": r.predicate.value,
        "object_id": r.object_id,
        "attrs": r.attrs,
        "valid_from": r.valid_from,
        "valid_to": r.valid_to,
        "evidence": [ev.to_dict() for ev in r.evidence],
    }


def quote_record(q: Quote) -> dict[str, Any]:
    """Return the interchange record of a quote."""
    return {
        "kind": "quote",
        "quote_id": q.quote_id,
        "speaker_id": q.speaker_id,
        "speaker_role": q.speaker_role,
        "via_id": q.via_id,
        "anonymous": q.anonymous,
        "text": q.text,
        "about": list(q.about),
        "evidence": [ev.to_dict() for ev in q.evidence],
    }


def iter_records(store: Store, kinds: Iterable[str] = KINDS) -> Iterator[dict[str, Any]]:
    """Yield the store's content as interchange records, kind by kind."""
    wanted = set(kinds)
    if "document" in wanted:
        yield from (document_record(d) for d in store.iter_documents())
    if "entity" in wanted:
        yield from (entity_record(e) for e in store.iter_entities())
    if "mention" in wanted:
        yield from (mention_record(m) for m in store.iter_mentions())
    if "event" in wanted:
        yield from (event_record(e) for e in store.iter_events())
    if "relation" in wanted:
        yield from (relation_record(r) for r in store.iter_relations())
    if "quote" in wanted:
        yield from (quote_record(q) for q in store.iter_quotes())


def snapshot_records(snapshot: Snapshot, kinds: Iterable[str] = KINDS) -> Iterator[dict[str, Any]]:
    """Yield a selection's records in the same order as :func:`iter_records`."""
    wanted = set(kinds)
    makers: list[tuple[str, Iterable[Any], Any]] = [
        ("document", snapshot.documents, document_record), ("entity", snapshot.entities, entity_record),
        ("mention", snapshot.mentions, mention_record), ("event", snapshot.events, event_record),
        ("relation", snapshot.relations, relation_record), ("quote", snapshot.quotes, quote_record),
    ]
    for kind, items, make in makers:
        if kind in wanted:
            yield from (make(item) for item in items)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records one per line; return how many were written."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
