"""STIX 2.1 bundle (OpenCTI, MISP): entities, relations, events, quotes and their source documents.

Written as plain JSON (no STIX library needed); ``check_stix`` parses a bundle with the ``stix2``
library (the optional ``export`` extra). Ids are UUIDv5 of the factiongraph ids, objects are sorted,
and ``created``/``modified`` are the export's date (:meth:`Snapshot.as_of`), so the same store gives
the same bytes. Mapping (docs/exports.md says what it keeps and loses):

- armed groups -> ``threat-actor``; people -> ``identity`` (individual); state bodies, parties,
  international bodies and outlets -> ``identity`` (organization); countries and places with a
  country or coordinates -> ``location``;
- relations -> ``relationship`` (``start_time``/``stop_time`` from the validity dates);
- events -> ``incident`` with ``attributed-to`` (actors), ``targets`` and ``located-at``
  relationships, and a ``sighting`` of it by the outlets that reported it;
- quotes -> ``note``; documents -> ``report`` whose ``object_refs`` are what was read in it.

Evidence spans become ``external_references`` (document id and SHA-256, URL, span and sentence).
"""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from typing import IO, Any

from factiongraph.errors import ConfigError, FactiongraphError
from factiongraph.export.acled_csv import summarize_event
from factiongraph.export.periods import first_day, last_day, stix_time
from factiongraph.export.selection import Snapshot, country_code
from factiongraph.model import Document, Entity, EntityType, Event, Evidence, Predicate, Quote, Relation

NAMESPACE = uuid.UUID("6f0c6a52-3f41-5d8e-9c57-2a1b7f6e4d10")
"""The UUIDv5 namespace of factiongraph's STIX ids (fixed: changing it changes every id)."""

RELATIONSHIP_TYPES = {
    Predicate.LEADER_OF: "leader-of",
    Predicate.HOLDS_ROLE: "holds-role",
    Predicate.MEMBER_OF: "member-of",
    Predicate.PART_OF: "part-of",
    Predicate.AFFILIATED_WITH: "affiliated-with",
    Predicate.POSSIBLY_SAME_AS: "related-to",
    Predicate.BACKED_BY: "backed-by",
    Predicate.COMMANDS: "commands",
    Predicate.OPPOSES: "opposes",
    Predicate.LOCATED_IN: "located-at",
}
SECTORS = {EntityType.STATE_BODY: ["government"], EntityType.MEDIA_OUTLET: ["communications"]}
_ORDER = ["identity", "threat-actor", "location", "report", "incident", "sighting", "note", "relationship"]
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
PRODUCER = "factiongraph"


def stix_id(kind: str, key: str) -> str:
    """Return the STIX id of a factiongraph record (``kind--uuid5(kind|key)``)."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}|{key}')}"


class _Bundle:
    """Collects STIX objects with the common properties filled in."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.time = stix_time(snapshot.as_of())
        self.producer = stix_id("identity", PRODUCER)
        self.objects: dict[str, dict[str, Any]] = {}
        self.docs = snapshot.document_map()
        self.ids: dict[str, str] = {}  # factiongraph entity id -> STIX id
        self.by_doc: dict[str, set[str]] = defaultdict(set)  # doc_id -> STIX ids read in it
        self.add("identity", PRODUCER, {"name": "factiongraph", "identity_class": "system",
                                        "description": "Extracted from news reports by factiongraph."},
                 created_by=False)

    def add(self, kind: str, key: str, props: dict[str, Any], created_by: bool = True) -> str:
        sid = stix_id(kind, key)
        obj: dict[str, Any] = {"type": kind, "spec_version": "2.1", "id": sid, "created": self.time,
                               "modified": self.time}
        if created_by:
            obj["created_by_ref"] = self.producer
        obj.update({k: v for k, v in props.items() if v not in (None, [], "")})
        self.objects[sid] = obj
        return sid

    def references(self, evidence: list[Evidence], sid: str) -> list[dict[str, Any]]:
        """Return external references for evidence spans (and note the object under each document)."""
        out = []
        for ev in evidence:
            self.by_doc[ev.doc_id].add(sid)
            doc = self.docs.get(ev.doc_id)
            ref: dict[str, Any] = {"source_name": (doc.metadata.outlet if doc else None) or "factiongraph document",
                                   "external_id": ev.doc_id,
                                   "description": f"characters {ev.start}-{ev.end} ({ev.producer}): {ev.text}"}
            if doc is not None and doc.metadata.url:
                ref["url"] = doc.metadata.url
            if _SHA256.match(ev.doc_id):
                ref["hashes"] = {"SHA-256": ev.doc_id}
            out.append(ref)
        return out


def _confidence(evidence: list[Evidence]) -> int | None:
    return round(100 * max(ev.confidence for ev in evidence)) if evidence else None


def _entity(b: _Bundle, e: Entity) -> None:
    refs = [{"source_name": PRODUCER, "external_id": e.entity_id}]
    origin = "in the knowledge base" if e.in_kb else "discovered in text, not in the knowledge base"
    note = e.attributes.get("note")
    description = f"{e.type.value.replace('_', ' ')}, {origin}." + (f" {note}" if isinstance(note, str) else "")
    common = {"name": e.name, "external_references": refs}
    if e.type is EntityType.ARMED_GROUP:
        b.ids[e.entity_id] = b.add("threat-actor", e.entity_id, {**common, "description": description,
                                                                  "aliases": list(e.aliases)})
    elif e.type in (EntityType.PLACE, EntityType.COUNTRY):
        lat, lon = e.attributes.get("lat"), e.attributes.get("lon")
        iso = country_code(e, b.snapshot.known)
        located = isinstance(lat, (int, float)) and isinstance(lon, (int, float))
        if not located and iso is None:
            return  # STIX needs a country or coordinates: the place is named in descriptions only
        b.ids[e.entity_id] = b.add("location", e.entity_id, {
            **common, "description": description, "country": iso,
            "latitude": float(lat) if located else None,  # type: ignore[arg-type]
            "longitude": float(lon) if located else None,  # type: ignore[arg-type]
        })
    else:
        also = f" Also written: {', '.join(e.aliases)}." if e.aliases else ""
        b.ids[e.entity_id] = b.add("identity", e.entity_id, {
            **common, "description": description + also, "sectors": SECTORS.get(e.type, []),
            "identity_class": "individual" if e.type is EntityType.PERSON else "organization",
        })


def _relation(b: _Bundle, r: Relation, names: dict[str, str]) -> None:
    source, target = b.ids.get(r.subject_id), b.ids.get(r.object_id)
    if source is None or target is None:
        return
    start, stop = first_day(r.valid_from), last_day(r.valid_to)
    role = r.attrs.get("role")
    words = r.predicate.value.replace("_", " ") + (f" ({role})" if isinstance(role, str) else "")
    sid = stix_id("relationship", r.relation_id)
    b.add("relationship", r.relation_id, {
        "relationship_type": RELATIONSHIP_TYPES[r.predicate], "source_ref": source, "target_ref": target,
        "description": f"{names.get(r.subject_id, r.subject_id)} {words} {names.get(r.object_id, r.object_id)}",
        "start_time": stix_time(start) if start else None,
        "stop_time": stix_time(stop, end=True) if stop and (start is None or stop >= start) else None,
        "confidence": _confidence(r.evidence), "external_references": b.references(r.evidence, sid),
    })


def _event(b: _Bundle, e: Event, entities: dict[str, Entity]) -> None:
    sid = stix_id("incident", e.event_id)
    label = str(e.attrs.get("label") or e.sub_type)
    where = f", {e.location_name}" if e.location_name else ""
    b.add("incident", e.event_id, {
        "name": f"{label.capitalize()}{where}, {e.date_start or 'date unknown'}",
        "description": summarize_event(e, entities), "labels": list(dict.fromkeys([e.type, e.sub_type, e.certainty.value])),
        "confidence": _confidence(e.evidence), "external_references": b.references(e.evidence, sid),
    })
    links = [("attributed-to", a) for a in e.actors] + [("targets", t) for t in e.targets]
    links += [("located-at", e.location_id)] if e.location_id else []
    for rel_type, entity_id in links:
        if entity_id in b.ids:
            rid = b.add("relationship", f"{e.event_id}|{rel_type}|{entity_id}", {
                "relationship_type": rel_type, "source_ref": sid, "target_ref": b.ids[entity_id]})
            for ev in e.evidence:
                b.by_doc[ev.doc_id].add(rid)
    outlets = sorted({b.ids[o] for ev in e.evidence if (d := b.docs.get(ev.doc_id)) and (o := d.outlet_id)
                      and o in b.ids})
    start, stop = first_day(e.date_start), last_day(e.date_end or e.date_start)
    seen = b.add("sighting", e.event_id, {
        "sighting_of_ref": sid, "where_sighted_refs": outlets, "count": len({ev.doc_id for ev in e.evidence}),
        "first_seen": stix_time(start) if start else None,
        "last_seen": stix_time(stop, end=True) if stop and start and stop >= start else None,
        "description": f"Reported by {len({ev.doc_id for ev in e.evidence})} document(s); certainty: "
                       f"{e.certainty.value}.",
    })
    for ev in e.evidence:
        b.by_doc[ev.doc_id].add(seen)


def _quote(b: _Bundle, q: Quote, names: dict[str, str]) -> None:
    sid = stix_id("note", q.quote_id)
    speaker = "an anonymous source" if q.anonymous or not q.speaker_id else names.get(q.speaker_id, q.speaker_id)
    role = f" ({q.speaker_role})" if q.speaker_role else ""
    via = f" via {names.get(q.via_id, q.via_id)}" if q.via_id else ""
    refs = [b.ids[i] for i in dict.fromkeys(x for x in (q.speaker_id, *q.about, q.via_id) if x) if i in b.ids]
    refs += sorted({stix_id("report", ev.doc_id) for ev in q.evidence if ev.doc_id in b.docs})
    b.add("note", q.quote_id, {
        "abstract": f"{speaker}{role}{via}", "content": q.text,
        "authors": [names[q.speaker_id]] if q.speaker_id in names and not q.anonymous else [],
        "object_refs": refs or [b.producer], "labels": ["quote", "anonymous"] if q.anonymous else ["quote"],
        "confidence": _confidence(q.evidence), "external_references": b.references(q.evidence, sid),
    })


def _report(b: _Bundle, d: Document) -> None:
    meta = d.metadata
    day = first_day(meta.published)
    refs = set(b.by_doc.get(d.doc_id, set()))
    if d.outlet_id in b.ids:
        refs.add(b.ids[str(d.outlet_id)])
    reference: dict[str, Any] = {"source_name": meta.outlet or "factiongraph document", "external_id": d.doc_id,
                                 "description": f"ingested from {d.source}"}
    if meta.url:
        reference["url"] = meta.url
    if _SHA256.match(d.doc_id):
        reference["hashes"] = {"SHA-256": d.doc_id}
    b.add("report", d.doc_id, {
        "name": meta.title or d.source, "published": stix_time(day) if day else b.time,
        "description": ", ".join(x for x in (meta.outlet, meta.author, meta.published) if x) or None,
        "labels": [] if day else ["publication-date-unknown"],
        "object_refs": sorted(refs) or [b.producer], "external_references": [reference],
    })


def build_bundle(snapshot: Snapshot) -> dict[str, Any]:
    """Return the STIX 2.1 bundle of a snapshot as a plain dict, objects in a fixed order."""
    b = _Bundle(snapshot)
    entities = snapshot.entity_map()
    names = {i: e.name for i, e in entities.items()}
    for entity in snapshot.entities:
        _entity(b, entity)
    for mention in snapshot.mentions:
        if mention.entity_id in b.ids:
            b.by_doc[mention.doc_id].add(b.ids[mention.entity_id])
    for relation in snapshot.relations:
        _relation(b, relation, names)
    for event in snapshot.events:
        _event(b, event, entities)
    for quote in snapshot.quotes:
        _quote(b, quote, names)
    for doc in snapshot.documents:
        _report(b, doc)
    objects = sorted(b.objects.values(), key=lambda o: (_ORDER.index(o["type"]), o["id"]))
    bundle_key = "|".join(o["id"] for o in objects)
    return {"type": "bundle", "id": f"bundle--{uuid.uuid5(NAMESPACE, bundle_key)}", "objects": objects}


def write_stix(snapshot: Snapshot, out: IO[str]) -> int:
    """Write the STIX 2.1 bundle of a snapshot as indented JSON; return the number of objects."""
    bundle = build_bundle(snapshot)
    out.write(json.dumps(bundle, ensure_ascii=False, indent=2))
    out.write("\n")
    return len(bundle["objects"])


def check_stix(text: str) -> int:
    """Parse a bundle with the ``stix2`` library (strict: no custom content); return its object count.

    Raises:
        ConfigError: ``stix2`` is not installed (``pip install 'factiongraph[export]'``).
        FactiongraphError: the bundle does not parse.
    """
    try:
        import stix2  # type: ignore[import-untyped]
    except ImportError:
        raise ConfigError("checking STIX needs the stix2 library: pip install 'factiongraph[export]'") from None
    try:
        bundle = stix2.parse(text, allow_custom=False)
    except Exception as exc:  # stix2 raises many exception types for invalid content
        raise FactiongraphError(f"the STIX bundle does not parse: {exc}") from exc
    return len(bundle.objects or [])
