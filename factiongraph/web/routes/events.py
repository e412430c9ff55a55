"""Events: a filtered timeline and map, and one event with its sources."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from factiongraph.store import SQLiteStore
from factiongraph.store.views import event_locations, filter_events, find_entities, get_entity
from factiongraph.web.context import Limit, Offset, Store, render
from factiongraph.web.records import events_json, page

api = APIRouter(tags=["events"])
pages = APIRouter(include_in_schema=False)

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
Name = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date or prefix (2020-07).")]


def _entity_id(store: SQLiteStore, name: str) -> str:
    """Return the entity an id or any spelling of a name refers to (404 when none)."""
    if get_entity(store, name) is not None:
        return name
    found = find_entities(store, name, limit=1)
    if not found:
        raise HTTPException(404, f"no entity called {name!r}")
    return found[0].entity_id


def _places_within(request: Request, store: SQLiteStore, place: str) -> list[str]:
    """Return the ids of event locations that are ``place`` or lie inside it (KB containment)."""
    target = _entity_id(store, place)
    kb = request.app.state.kb()
    return [loc for loc in event_locations(store)
            if loc == target or any(r.id == target for r in kb.ancestors(loc))]


def events_data(request: Request, store: SQLiteStore, actor: str | None, type_: str | None, place: str | None,
                since: str | None, until: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Return one page of events matching the filters, in date order (empty filters are ignored)."""
    actor, type_, place, since, until = (v.strip() or None if v else None for v in (actor, type_, place, since, until))
    for value in (since, until):
        if value and not _DATE.fullmatch(value):
            raise HTTPException(422, f"not an ISO date or prefix: {value!r} (e.g. 2020, 2020-07, 2020-07-15)")
    actor_id = _entity_id(store, actor) if actor else None
    locations = _places_within(request, store, place) if place else None
    found = filter_events(store, actor_id=actor_id, type_=type_ or None, since=since, until=until,
                          location_ids=locations, limit=limit + 1, offset=offset)
    out = page(events_json(store, found), limit, offset)
    out["filters"] = {"actor": actor, "actor_id": actor_id, "type": type_, "place": place, "since": since,
                      "until": until}
    return out


def event_data(store: SQLiteStore, event_id: str, evidence_limit: int = 50) -> dict[str, Any]:
    """Return one event with up to ``evidence_limit`` sources (404 when unknown)."""
    found = list(store.iter_events("e.event_id = ?", [event_id], evidence_limit=evidence_limit))
    if not found:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return events_json(store, found)[0]


@api.get("/events", summary="Events, filtered")
def events_api(request: Request, store: Store, actor: Name = None, type: Name = None, place: Name = None,
               since: Date = None, until: Date = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """List events in date order: ``actor`` (entity id or any spelling, as actor or target),
    ``type`` (ACLED event type or sub-event type), ``place`` (that place or anywhere inside it),
    ``since`` and ``until`` (ISO dates or prefixes)."""
    return events_data(request, store, actor, type, place, since, until, limit, offset)


@api.get("/events/{event_id}", summary="One event with its sources")
def event_api(store: Store, event_id: str) -> dict[str, Any]:
    """Return one event: type, date, place, actors, targets, counts and every source's evidence."""
    return event_data(store, event_id)


@pages.get("/events")
def events_page(request: Request, store: Store, actor: Name = None, type: Name = None, place: Name = None,
                since: Name = None, until: Name = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    data = events_data(request, store, actor, type, place, since, until, limit, offset)
    kept = {k: v for k, v in data["filters"].items() if v and k != "actor_id"}
    return render(request, "events.html", title="Events", listing=data, filters=data["filters"],
                  pager_base="/events?" + (urlencode(kept) + "&" if kept else ""))


@pages.get("/events/{event_id}")
def event_page(request: Request, store: Store, event_id: str) -> Response:
    event = event_data(store, event_id)
    return render(request, "event.html", title=f"{event['label']} {event['date_start'] or ''}", event=event)
