"""Plain JSON records of the web API: claims with the names of the entities they touch and links
to their evidence (the document view scrolled to and highlighting the span).

Records extend the interchange records of ``export.jsonl`` with names and URLs; the pages render
the same dicts the API returns.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from factiongraph.export.jsonl import event_record
from factiongraph.model import Event, Evidence
from factiongraph.store import SQLiteStore
from factiongraph.store.views import claim_evidence, entity_names


def entity_url(entity_id: str) -> str:
    """Return the profile page of an entity."""
    return f"/entities/{quote(entity_id, safe='')}"


def event_url(event_id: str) -> str:
    """Return the page of an event."""
    return f"/events/{quote(event_id, safe='')}"


def evidence_url(doc_id: str, start: int, end: int) -> str:
    """Return the document view that highlights ``[start, end)`` and scrolls to it."""
    return f"/documents/{quote(doc_id, safe='')}?{urlencode({'start': start, 'end': end})}#hl"


def evidence_json(ev: Evidence) -> dict[str, Any]:
    """Return one piece of evidence with the link that shows it in its document."""
    return {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text, "producer": ev.producer,
            "confidence": ev.confidence, "url": evidence_url(ev.doc_id, ev.start, ev.end)}


def party(entity_id: str | None, names: dict[str, dict[str, str]]) -> dict[str, Any] | None:
    """Return ``{entity_id, name, type, url}`` for an id (the id as name when unknown)."""
    if entity_id is None:
        return None
    found = names.get(entity_id, {})
    return {"entity_id": entity_id, "name": found.get("name", entity_id), "type": found.get("type"),
            "url": entity_url(entity_id)}


def events_json(store: SQLiteStore, events: list[Event]) -> list[dict[str, Any]]:
    """Return events as records with named actors and targets, linked evidence and a page URL."""
    ids = sorted({i for e in events for i in (*e.actors, *e.targets)})
    names = entity_names(store, ids)
    out = []
    for e in events:
        record = event_record(e)
        record.pop("kind")
        record["label"] = e.attrs.get("label") or e.sub_type
        record["actors"] = [party(a, names) for a in e.actors]
        record["targets"] = [party(t, names) for t in e.targets]
        record["sources"] = e.attrs.get("sources", len({ev.doc_id for ev in e.evidence}))
        record["evidence"] = [evidence_json(ev) for ev in e.evidence]
        record["url"] = event_url(e.event_id)
        out.append(record)
    return out


def relation_json(store: SQLiteStore, row: dict[str, Any], names: dict[str, dict[str, str]],
                  evidence_limit: int = 3) -> dict[str, Any]:
    """Return a relation row with both sides named and its first pieces of evidence."""
    evidence, total = claim_evidence(store, "relation", row["relation_id"], evidence_limit)
    return {"relation_id": row["relation_id"], "predicate": row["predicate"],
            "subject": party(row["subject_id"], names), "object": party(row["object_id"], names),
            "attrs": row["attrs"], "valid_from": row["valid_from"], "valid_to": row["valid_to"],
            "evidence_count": total, "evidence": [evidence_json(ev) for ev in evidence]}


def quote_json(store: SQLiteStore, row: dict[str, Any], names: dict[str, dict[str, str]],
               evidence_limit: int = 3) -> dict[str, Any]:
    """Return a quote row with its speaker, relay and subjects named and its evidence."""
    evidence, total = claim_evidence(store, "quote", row["quote_id"], evidence_limit)
    return {"quote_id": row["quote_id"], "text": row["text"], "speaker": party(row["speaker_id"], names),
            "speaker_role": row["speaker_role"], "via": party(row["via_id"], names),
            "anonymous": row["anonymous"], "about": [party(a, names) for a in row["about"]],
            "evidence_count": total, "evidence": [evidence_json(ev) for ev in evidence]}


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """Return one page of a listing; ``next_offset`` is None on the last page.

    Handlers fetch ``limit + 1`` rows so a full page knows whether another follows.
    """
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
