"""The overview: store counts, the most active groups and the latest events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from factiongraph.store import SQLiteStore
from factiongraph.store.views import filter_events, rank_entities
from factiongraph.web.context import Store, render
from factiongraph.web.records import entity_url, events_json

api = APIRouter(tags=["overview"])
pages = APIRouter(include_in_schema=False)


def overview_data(store: SQLiteStore, top: int = 10) -> dict[str, Any]:
    """Return counts, the ``top`` most mentioned armed groups and the ``top`` latest events."""
    groups = rank_entities(store, "armed_group", limit=top)
    for g in groups:
        g["in_kb"] = bool(g["in_kb"])
        g["url"] = entity_url(g["entity_id"])
    return {"counts": store.counts(), "active_groups": groups,
            "latest_events": events_json(store, filter_events(store, newest_first=True, limit=top))}


@api.get("/overview", summary="Counts, most active groups, latest events")
def overview_api(store: Store) -> dict[str, Any]:
    """Return the store's counts, its ten most mentioned armed groups and its ten latest events."""
    return overview_data(store)


@pages.get("/")
def overview_page(request: Request, store: Store) -> Response:
    return render(request, "overview.html", title="Overview", **overview_data(store))
