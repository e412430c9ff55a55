"""Entities: the ranked list and the profile (aliases, KB facts, relations grouped by predicate,
events, quotes by and about, documents), every fact with links to its evidence."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from factiongraph.export.jsonl import entity_record
from factiongraph.model import EntityType
from factiongraph.store import SQLiteStore
from factiongraph.store.decisions import merged_into
from factiongraph.store.views import (
    entity_documents,
    entity_mentions,
    entity_names,
    filter_events,
    get_entity,
    quotes_of,
    rank_entities,
    relations_of,
)
from factiongraph.web.context import Limit, Offset, Store, entity_or_404, render
from factiongraph.web.records import entity_url, events_json, evidence_url, page, quote_json, relation_json
from factiongraph.web.routes.review import judgements_data

api = APIRouter(tags=["entities"])
pages = APIRouter(include_in_schema=False)

Section = Annotated[int, Query(ge=1, le=500, description="Items per section (events, quotes, documents).")]


def list_data(store: SQLiteStore, type_: EntityType | None, new: bool, limit: int, offset: int) -> dict[str, Any]:
    """Return one page of entities ranked by content mentions."""
    rows = rank_entities(store, type_.value if type_ else None, new, limit + 1, offset)
    for r in rows:
        r["in_kb"] = bool(r["in_kb"])
        r["url"] = entity_url(r["entity_id"])
    return page(rows, limit, offset)


def profile_data(store: SQLiteStore, entity_id: str, limit: int = 50) -> dict[str, Any]:
    """Return an entity's profile; sections hold at most ``limit`` items, claims three evidence rows."""
    entity = entity_or_404(store, entity_id)
    relations = relations_of(store, entity_id, limit=limit * 4)
    said, about = quotes_of(store, entity_id, limit=limit), quotes_of(store, entity_id, about=True, limit=limit)
    ids = {i for r in relations for i in (r["subject_id"], r["object_id"])}
    ids |= {i for q in (*said, *about) for i in (q["speaker_id"], q["via_id"], *q["about"]) if i}
    names = entity_names(store, sorted(ids))
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in relations:
        grouped[r["predicate"]].append(relation_json(store, r, names))
    events = events_json(store, filter_events(store, actor_id=entity_id, limit=limit))
    for e in events:
        e["role"] = "actor" if any(a["entity_id"] == entity_id for a in e["actors"]) else "target"
    record = entity_record(entity)
    record.pop("kind")
    record["facts"] = {k: v for k, v in entity.attributes.items() if k != "first_evidence"}
    mentions = [{"doc_id": m.doc_id, "title": m.title, "text": m.text, "sentence": m.sentence,
                 "in_content": m.in_content} for m in entity_mentions(store, entity_id, limit=10)]
    documents = entity_documents(store, entity_id, limit=limit)
    for d in documents:
        d["url"] = f"/documents/{d['doc_id']}"
    return {"entity": record, "relations": dict(sorted(grouped.items())), "events": events,
            "quotes_by": [quote_json(store, q, names) for q in said],
            "quotes_about": [quote_json(store, q, names) for q in about],
            "mentions": mentions, "documents": documents, "judgements": judgements_data(store, entity_id)}


def merged_redirect(store: SQLiteStore, entity_id: str, prefix: str) -> Response | None:
    """Answer a request for an entity a reviewer merged into another with a redirect to that one."""
    if get_entity(store, entity_id) is not None:
        return None
    kept = merged_into(store, entity_id)
    return None if kept is None else RedirectResponse(prefix + entity_url(kept), status_code=307)


@api.get("/entities", summary="Entities ranked by mentions")
def entities_api(store: Store, type: EntityType | None = None, new: bool = False, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    """List entities ranked by how often article content mentions them; ``new`` keeps only those
    the knowledge base does not know."""
    return list_data(store, type, new, limit, offset)


@api.get("/entities/{entity_id}", summary="Entity profile")
def profile_api(store: Store, entity_id: str, limit: Section = 50) -> Any:
    """Return the profile of one entity: aliases, KB facts, relations grouped by predicate with
    time and evidence, events, quotes by and about it, the documents that mention it, and the
    reviewers' judgements on it (who decided what). An id a reviewer merged into another
    answers 307 with the profile it is part of now."""
    return merged_redirect(store, entity_id, "/api") or profile_data(store, entity_id, limit)


@pages.get("/entities")
def entities_page(request: Request, store: Store, type: str = "", new: bool = False,
                  limit: Limit = 50, offset: Offset = 0) -> Response:
    types = [t.value for t in EntityType]
    if type and type not in types:
        raise HTTPException(422, f"unknown entity type {type!r} (one of {', '.join(types)})")
    listing = list_data(store, EntityType(type) if type else None, new, limit, offset)
    return render(request, "entities.html", title="Entities", listing=listing, type=type, new=new, types=types)


@pages.get("/entities/{entity_id}")
def profile_page(request: Request, store: Store, entity_id: str, limit: Section = 50) -> Response:
    redirect = merged_redirect(store, entity_id, "")
    if redirect is not None:
        return redirect
    data = profile_data(store, entity_id, limit)
    return render(request, "profile.html", title=data["entity"]["name"], evidence_url=evidence_url, **data)
