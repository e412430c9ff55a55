"""Read the JSON Lines interchange format back into model records (the inverse of ``jsonl.py``).

A line that is not JSON, has an unknown ``kind`` or a field of the wrong type becomes a one-line
problem (``line 12: event event-1: field 'counts' is not an object``); the other lines are read.
Fields the format added after a file was written default as the store would default them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from factiongraph.model import (
    Block,
    BlockPart,
    Certainty,
    DatePrecision,
    Document,
    Entity,
    EntityType,
    Event,
    Evidence,
    Mention,
    Metadata,
    Predicate,
    Quote,
    Relation,
)


class BadRecord(Exception):
    """A record that cannot be read (caught here and reported as a problem line)."""


@dataclass(slots=True)
class Records:
    """Everything read from one interchange file, in file order, with the lines that were not read."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lines: int = 0

    def counts(self) -> dict[str, int]:
        """Return how many records of each kind were read."""
        return {"documents": len(self.documents), "entities": len(self.entities), "mentions": len(self.mentions),
                "events": len(self.events), "relations": len(self.relations), "quotes": len(self.quotes)}


def _get(rec: dict[str, Any], key: str, kind: type | tuple[type, ...], required: bool = False) -> Any:
    value = rec.get(key)
    if value is None:
        if required:
            raise BadRecord(f"field {key!r} is missing")
        return None
    if isinstance(value, bool) and kind in (int, float, (int, float)):
        raise BadRecord(f"field {key!r} is a boolean, not a number")
    if not isinstance(value, kind):
        raise BadRecord(f"field {key!r} is {type(value).__name__}, not {getattr(kind, '__name__', 'a number')}")
    return value


def _number(rec: dict[str, Any], key: str, default: float | None = None) -> float | None:
    value = _get(rec, key, (int, float))
    return default if value is None else float(value)


def _strings(rec: dict[str, Any], key: str) -> list[str]:
    value = _get(rec, key, list) or []
    if not all(isinstance(v, str) for v in value):
        raise BadRecord(f"field {key!r} must list strings")
    return list(value)


def _enum(enum: Any, value: str | None, key: str) -> Any:
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        raise BadRecord(f"field {key!r} has unknown value {value!r}") from None


def _evidence(rec: dict[str, Any]) -> list[Evidence]:
    out = []
    for item in _get(rec, "evidence", list) or []:
        if not isinstance(item, dict):
            raise BadRecord("an evidence item is not an object")
        out.append(Evidence(_get(item, "doc_id", str, True), _get(item, "start", int, True),
                            _get(item, "end", int, True), _get(item, "text", str) or "",
                            _get(item, "producer", str, True), _number(item, "confidence", 1.0) or 0.0))
    return out


def _default(value: str | None, default: str) -> str:
    return default if value is None else value


def document_from_record(rec: dict[str, Any]) -> Document:
    """Return the document of a ``document`` record."""
    blocks = []
    for b in _get(rec, "blocks", list) or []:
        if not isinstance(b, dict):
            raise BadRecord("a block is not an object")
        blocks.append(Block(_enum(BlockPart, _get(b, "part", str, True), "part"), _get(b, "start", int, True),
                            _get(b, "end", int, True)))
    basis = _get(rec, "metadata_basis", dict) or {}
    meta = Metadata(
        title=_get(rec, "title", str), author=_get(rec, "author", str), outlet=_get(rec, "outlet", str),
        published=_get(rec, "published", str),
        published_precision=_enum(DatePrecision, _get(rec, "published_precision", str), "published_precision"),
        published_basis=_get(rec, "published_basis", str), section=_get(rec, "section", str),
        language=_get(rec, "language", str), url=_get(rec, "url", str),
        basis={str(k): str(v) for k, v in basis.items()},
    )
    doc_id = _get(rec, "doc_id", str, True)
    return Document(
        doc_id=doc_id, source=_get(rec, "source", str) or "", text=_get(rec, "text", str, True), blocks=blocks,
        metadata=meta, content_hash=doc_id, fetched_at=_get(rec, "fetched_at", str),
        media_type=_default(_get(rec, "media_type", str), "text/plain"),
        near_duplicate_of=_get(rec, "near_duplicate_of", str),
        producer=_default(_get(rec, "producer", str), "import"), outlet_id=_get(rec, "outlet_id", str),
    )


def entity_from_record(rec: dict[str, Any]) -> Entity:
    """Return the entity of an ``entity`` record."""
    return Entity(
        entity_id=_get(rec, "entity_id", str, True), type=_enum(EntityType, _get(rec, "type", str, True), "type"),
        name=_get(rec, "name", str, True), aliases=_strings(rec, "aliases"),
        in_kb=bool(_get(rec, "in_kb", bool)), attributes=_get(rec, "attributes", dict) or {},
    )


def mention_from_record(rec: dict[str, Any], entity_types: dict[str, EntityType]) -> Mention:
    """Return the mention of a ``mention`` record (its type defaults to its entity's)."""
    entity_id = _get(rec, "entity_id", str)
    type_ = _get(rec, "type", str)
    if type_ is None and entity_id not in entity_types:
        raise BadRecord("field 'type' is missing and the mention names no known entity")
    return Mention(
        doc_id=_get(rec, "doc_id", str, True), start=_get(rec, "start", int, True), end=_get(rec, "end", int, True),
        text=_get(rec, "text", str, True),
        type=_enum(EntityType, type_, "type") if type_ else entity_types[str(entity_id)],
        producer=_get(rec, "producer", str, True), confidence=_number(rec, "confidence", 1.0) or 0.0,
        entity_id=entity_id, in_content=_get(rec, "in_content", bool) is not False,
        sentence_start=_get(rec, "sentence_start", int) or 0, sentence_end=_get(rec, "sentence_end", int) or 0,
    )


def event_from_record(rec: dict[str, Any]) -> Event:
    """Return the event of an ``event`` record."""
    counts = _get(rec, "counts", dict) or {}
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in counts.values()):
        raise BadRecord("field 'counts' must map names to whole numbers")
    return Event(
        event_id=_get(rec, "event_id", str, True), type=_get(rec, "type", str, True),
        sub_type=_get(rec, "sub_type", str, True), date_start=_get(rec, "date_start", str),
        date_end=_get(rec, "date_end", str),
        date_precision=_enum(DatePrecision, _get(rec, "date_precision", str), "date_precision"),
        location_id=_get(rec, "location_id", str), location_name=_get(rec, "location_name", str),
        lat=_number(rec, "lat"), lon=_number(rec, "lon"), geo_precision=_get(rec, "geo_precision", str),
        actors=_strings(rec, "actors"), targets=_strings(rec, "targets"), counts=dict(counts),
        certainty=_enum(Certainty, _get(rec, "certainty", str) or "reported", "certainty"),
        attrs=_get(rec, "attrs", dict) or {}, evidence=_evidence(rec),
    )


def relation_from_record(rec: dict[str, Any]) -> Relation:
    """Return the relation of a ``relation`` record."""
    return Relation(
        relation_id=_get(rec, "relation_id", str, True), subject_id=_get(rec, "subject_id", str, True),
        predicate=_enum(Predicate, _get(rec, "predicate", str, True), "predicate"),
        object_id=_get(rec, "object_id", str, True), attrs=_get(rec, "attrs", dict) or {},
        valid_from=_get(rec, "valid_from", str), valid_to=_get(rec, "valid_to", str), evidence=_evidence(rec),
    )


def quote_from_record(rec: dict[str, Any]) -> Quote:
    """Return the quote of a ``quote`` record."""
    return Quote(
        quote_id=_get(rec, "quote_id", str, True), speaker_id=_get(rec, "speaker_id", str),
        text=_get(rec, "text", str, True), speaker_role=_get(rec, "speaker_role", str),
        via_id=_get(rec, "via_id", str), anonymous=bool(_get(rec, "anonymous", bool)),
        about=_strings(rec, "about"), evidence=_evidence(rec),
    )


_ID_FIELD = {"document": "doc_id", "entity": "entity_id", "mention": "doc_id", "event": "event_id",
             "relation": "relation_id", "quote": "quote_id"}


def read_records(lines: Iterable[str]) -> Records:
    """Read interchange lines into records; unreadable lines become ``problems``."""
    out = Records()
    pending_mentions: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        out.lines = number
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            out.problems.append(f"line {number}: not JSON ({exc.msg})")
            continue
        kind = rec.get("kind") if isinstance(rec, dict) else None
        if kind not in _ID_FIELD:
            out.problems.append(f"line {number}: unknown kind {kind!r}")
            continue
        try:
            if kind == "document":
                out.documents.append(document_from_record(rec))
            elif kind == "entity":
                out.entities.append(entity_from_record(rec))
            elif kind == "mention":
                pending_mentions.append((number, rec))
            elif kind == "event":
                out.events.append(event_from_record(rec))
            elif kind == "relation":
                out.relations.append(relation_from_record(rec))
            else:
                out.quotes.append(quote_from_record(rec))
        except BadRecord as exc:
            out.problems.append(f"line {number}: {kind} {rec.get(_ID_FIELD[kind])}: {exc}")
    types = {e.entity_id: e.type for e in out.entities}
    for number, rec in pending_mentions:
        try:
            out.mentions.append(mention_from_record(rec, types))
        except BadRecord as exc:
            out.problems.append(f"line {number}: mention in {rec.get('doc_id')}: {exc}")
    return out
