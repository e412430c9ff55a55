"""Search across entities (any alias or spelling), events and the full text of documents."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from factiongraph.store import SQLiteStore
from factiongraph.store.views import search_entities, search_events
from factiongraph.web.context import Limit, Offset, Store, render
from factiongraph.web.records import entity_url, events_json, page

api = APIRouter(tags=["search"])
pages = APIRouter(include_in_schema=False)


class Kind(StrEnum):
    """What to search."""

    ALL = "all"
    ENTITIES = "entities"
    EVENTS = "events"
    DOCUMENTS = "documents"


Text = Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.")]


def search_data(store: SQLiteStore, q: str, kind: Kind, limit: int, offset: int) -> dict[str, Any]:
    """Return one page of each kind of hit asked for (entities, events, documents)."""
    out: dict[str, Any] = {"q": q}
    entities = search_entities(store, q, limit=limit + 1, offset=offset) if kind in (Kind.ALL, Kind.ENTITIES) \
        or kind == Kind.EVENTS else []
    for e in entities:
        e["url"] = entity_url(e["entity_id"])
    if kind in (Kind.ALL, Kind.ENTITIES):
        out["entities"] = page(entities, limit, offset)
    if kind in (Kind.ALL, Kind.EVENTS):
        named = [e["entity_id"] for e in entities if e["match"] == "exact"][:5]
        out["events"] = page(events_json(store, search_events(store, q, named, limit + 1, offset)), limit, offset)
    if kind in (Kind.ALL, Kind.DOCUMENTS):
        rows = store.search(q, limit=limit + offset + 1)[offset:]
        for r in rows:
            r["url"] = f"/documents/{quote(r['doc_id'], safe='')}"
        out["documents"] = page(rows, limit, offset)
    return out


@api.get("/search", summary="Search entities, events and full text")
def search_api(store: Store, q: Text, kind: Kind = Kind.ALL, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Find entities by any alias or spelling (transliteration-insensitive keys), events by type,
    place or participant, and documents by full text (SQLite FTS5 syntax)."""
    return search_data(store, q, kind, limit, offset)


@pages.get("/search")
def search_page(request: Request, store: Store, q: str = "", limit: Limit = 20, offset: Offset = 0) -> Response:
    results = search_data(store, q[:200], Kind.ALL, limit, offset) if q.strip() else None
    return render(request, "search.html", title="Search", q=q, results=results)
