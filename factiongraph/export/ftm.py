"""FollowTheMoney entities (Aleph, OpenSanctions tooling), one JSON object per line.

Written as plain JSON (``{"id", "schema", "properties": {name: [values]}}``, keys sorted);
``check_ftm`` validates the lines with the ``followthemoney`` library (the optional ``export``
extra). Mapping (docs/exports.md says what it keeps and loses):

- armed groups, parties, international bodies and outlets -> ``Organization``; state bodies and
  countries -> ``PublicBody``; people -> ``Person``; places -> ``Address``;
- documents -> ``Article``; mentions -> ``Mention`` (one per document and entity);
- ``leader_of``/``commands`` -> ``Directorship``; ``member_of``/``part_of``/``holds_role`` ->
  ``Membership``; other relations (and those whose ends do not fit) -> ``UnknownLink``;
- events -> ``Event``; quotes -> ``Note``. Claims cite their documents in ``proof``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

from factiongraph.errors import ConfigError, FactiongraphError
from factiongraph.export.acled_csv import summarize_event
from factiongraph.export.selection import Snapshot, country_code
from factiongraph.model import Entity, EntityType, Event, Predicate, Quote, Relation

SCHEMA = {
    EntityType.ARMED_GROUP: "Organization",
    EntityType.POLITICAL_ORG: "Organization",
    EntityType.INTL_ORG: "Organization",
    EntityType.MEDIA_OUTLET: "Organization",
    EntityType.STATE_BODY: "PublicBody",
    EntityType.COUNTRY: "PublicBody",
    EntityType.PERSON: "Person",
    EntityType.PLACE: "Address",
}
TOPICS = {EntityType.STATE_BODY: ["gov"], EntityType.COUNTRY: ["gov.national"],
          EntityType.POLITICAL_ORG: ["pol.party"], EntityType.INTL_ORG: ["gov.igo"]}
LEGAL = {"Organization", "PublicBody", "Person"}
ORGANIZATIONS = {"Organization", "PublicBody"}
_VALID_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")


def ftm_id(key: str) -> str:
    """Return a FollowTheMoney id for a factiongraph id (the id itself when FtM allows it)."""
    if _VALID_ID.match(key) and len(key) <= 200:
        return key
    return "fg-" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def _entity_dict(schema: str, key: str, props: dict[str, list[str]]) -> dict[str, Any]:
    clean = {k: list(dict.fromkeys(v for v in values if v)) for k, values in props.items()}
    return {"id": ftm_id(key), "schema": schema, "properties": {k: v for k, v in clean.items() if v}}


def _entity(e: Entity, snapshot: Snapshot) -> dict[str, Any]:
    schema = SCHEMA[e.type]
    iso = country_code(e, snapshot.known)
    note = e.attributes.get("note")
    props: dict[str, list[str]] = {"name": [e.name], "alias": list(e.aliases), "country": [iso.lower()] if iso else [],
                                   "description": [note] if isinstance(note, str) else []}
    if schema == "Address":
        lat, lon = e.attributes.get("lat"), e.attributes.get("lon")
        props["full"] = [e.name]
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            props["latitude"], props["longitude"] = [str(lat)], [str(lon)]
    else:
        props["classification"] = [e.type.value.replace("_", " ")]
        props["topics"] = TOPICS.get(e.type, [])
        if not e.in_kb:
            props["keywords"] = ["discovered in text"]
    return _entity_dict(schema, e.entity_id, props)


def _link(r: Relation, schemas: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    source, target = schemas.get(r.subject_id), schemas.get(r.object_id)
    role = r.attrs.get("role")
    words = r.predicate.value.replace("_", " ")
    common = {"startDate": [r.valid_from or ""], "endDate": [r.valid_to or ""], "recordId": [r.relation_id],
              "proof": [ftm_id(ev.doc_id) for ev in r.evidence],
              "summary": [f"{names.get(r.subject_id, r.subject_id)} {words} {names.get(r.object_id, r.object_id)}"],
              "description": [ev.text for ev in r.evidence]}
    subject, obj = ftm_id(r.subject_id), ftm_id(r.object_id)
    fits = source in LEGAL and target in ORGANIZATIONS
    if fits and r.predicate in (Predicate.LEADER_OF, Predicate.COMMANDS):
        title = role if isinstance(role, str) else ("leader" if r.predicate is Predicate.LEADER_OF else "commander")
        return _entity_dict("Directorship", r.relation_id, {**common, "director": [subject],
                                                             "organization": [obj], "role": [title]})
    if fits and r.predicate in (Predicate.MEMBER_OF, Predicate.PART_OF, Predicate.HOLDS_ROLE):
        title = role if isinstance(role, str) else words
        return _entity_dict("Membership", r.relation_id, {**common, "member": [subject], "organization": [obj],
                                                           "role": [title]})
    return _entity_dict("UnknownLink", r.relation_id, {**common, "subject": [subject], "object": [obj],
                                                        "role": [words + (f" ({role})" if isinstance(role, str) else "")]})


def _event(e: Event, snapshot: Snapshot, schemas: dict[str, str], entities: dict[str, Entity]) -> dict[str, Any]:
    legal = [ftm_id(i) for i in (*e.actors, *e.targets) if schemas.get(i) in LEGAL]
    place = entities.get(e.location_id) if e.location_id else None
    iso = country_code(place, snapshot.known) if place is not None else None
    return _entity_dict("Event", e.event_id, {
        "name": [f"{str(e.attrs.get('label') or e.sub_type).capitalize()}: {e.location_name or 'place unknown'}, "
                 f"{e.date_start or 'date unknown'}"],
        "summary": [summarize_event(e, entities)], "description": [ev.text for ev in e.evidence],
        "startDate": [e.date_start or ""], "endDate": [e.date_end or ""],
        "organizer": [ftm_id(a) for a in e.actors if schemas.get(a) in LEGAL], "involved": legal,
        "addressEntity": [ftm_id(e.location_id)] if e.location_id and schemas.get(e.location_id) == "Address" else [],
        "location": [e.location_name or ""], "country": [iso.lower()] if iso else [],
        "keywords": [e.type, e.sub_type, e.certainty.value], "recordId": [e.event_id],
        "proof": [ftm_id(ev.doc_id) for ev in e.evidence],
    })


def _note(q: Quote, schemas: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    speaker = "an anonymous source" if q.anonymous or not q.speaker_id else names.get(q.speaker_id, q.speaker_id)
    role = f" ({q.speaker_role})" if q.speaker_role else ""
    return _entity_dict("Note", q.quote_id, {
        "name": [f"{speaker}{role}"], "description": [q.text],
        "entity": [ftm_id(i) for i in dict.fromkeys(x for x in (q.speaker_id, *q.about) if x) if i in schemas],
        "publisher": [names.get(q.via_id, "")] if q.via_id else [],
        "proof": [ftm_id(ev.doc_id) for ev in q.evidence],
    })


def iter_ftm(snapshot: Snapshot) -> Iterator[dict[str, Any]]:
    """Yield a snapshot's FollowTheMoney entities: entities, articles, mentions, links, events, notes."""
    entities = snapshot.entity_map()
    schemas = {i: SCHEMA[e.type] for i, e in entities.items()}
    names = {i: e.name for i, e in entities.items()}
    for e in snapshot.entities:
        yield _entity(e, snapshot)
    for d in snapshot.documents:
        m = d.metadata
        yield _entity_dict("Article", d.doc_id, {
            "title": [m.title or ""], "name": [m.title or d.source], "author": [m.author or ""],
            "publisher": [m.outlet or ""], "publishedAt": [m.published or ""], "sourceUrl": [m.url or ""],
            "fileName": [d.source], "bodyText": [d.text],
        })
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for mention in snapshot.mentions:
        key = mention.entity_id or f"text:{mention.type.value}:{mention.text}"
        seen[(mention.doc_id, key)].append(mention.text)
    for (doc_id, key), texts in seen.items():
        resolved = key if schemas.get(key) in LEGAL else None
        schema = schemas.get(key) or SCHEMA[EntityType(key.split(":")[1])]
        yield _entity_dict("Mention", f"mention|{doc_id}|{key}", {
            "document": [ftm_id(doc_id)], "resolved": [ftm_id(resolved)] if resolved else [],
            "name": sorted(set(texts)), "detectedSchema": [schema],
        })
    for r in snapshot.relations:
        if r.subject_id in schemas and r.object_id in schemas:
            yield _link(r, schemas, names)
    for event in snapshot.events:
        yield _event(event, snapshot, schemas, entities)
    for q in snapshot.quotes:
        yield _note(q, schemas, names)


def write_ftm(snapshot: Snapshot, out: IO[str]) -> int:
    """Write FollowTheMoney entities, one per line with sorted keys; return how many."""
    n = 0
    for entity in iter_ftm(snapshot):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True))
        out.write("\n")
        n += 1
    return n


def check_ftm(lines: list[str]) -> int:
    """Validate FtM lines with the ``followthemoney`` library; return the entity count.

    Each entity must name a known schema and its properties, carry the schema's required
    properties, keep every value when the library cleans it, and refer only to entities in the
    same output.

    Raises:
        ConfigError: ``followthemoney`` is not installed (``pip install 'factiongraph[export]'``).
        FactiongraphError: an entity is not valid FollowTheMoney (the first problem found).
    """
    try:
        from followthemoney import model
    except ImportError:
        raise ConfigError("checking FtM needs the followthemoney library: pip install 'factiongraph[export]'") from None
    try:
        data = [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as exc:
        raise FactiongraphError(f"FtM output is not JSON lines: {exc}") from exc
    ids = {d["id"] for d in data}
    for item in data:
        try:
            _check_one(model, item, ids)
        except FactiongraphError:
            raise
        except Exception as exc:  # the library raises InvalidData and friends
            raise FactiongraphError(f"FtM entity {item.get('id')}: {exc}") from exc
    return len(data)


def _check_one(model: Any, item: dict[str, Any], ids: set[str]) -> None:
    """Validate one entity against the model (raises on the first problem)."""
    proxy = model.get_proxy(item, cleaned=False)
    missing = [p for p in proxy.schema.required if not proxy.get(p)]
    if missing:
        raise FactiongraphError(f"FtM entity {item['id']} ({item['schema']}) lacks {missing}")
    for prop, values in item["properties"].items():
        if prop not in proxy.schema.properties:
            raise FactiongraphError(f"FtM entity {item['id']}: {item['schema']} has no property {prop!r}")
        kept = proxy.get(prop)
        if len(kept) != len(values):
            raise FactiongraphError(f"FtM entity {item['id']}: {prop} values {values} clean to {kept}")
        if proxy.schema.properties[prop].type.name == "entity" and not set(kept) <= ids:
            raise FactiongraphError(f"FtM entity {item['id']}: {prop} refers to {sorted(set(kept) - ids)}")
