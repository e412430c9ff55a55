"""The entity network: nodes and edges filtered by type, predicate and time window, with
centrality and communities (``analyze.network``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from factiongraph.analyze.network import CO_PARTICIPATION, EntityNetwork
from factiongraph.model import EntityType, Predicate
from factiongraph.store import SQLiteStore
from factiongraph.store.views import relation_links
from factiongraph.web.context import Store, render
from factiongraph.web.records import entity_url

api = APIRouter(tags=["graph"])
pages = APIRouter(include_in_schema=False)

Names = Annotated[list[str] | None, Query(max_length=50)]
Window = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="ISO date or prefix.")]
Around = Annotated[str | None, Query(max_length=200, description="Only the neighbourhood of this entity id.")]
Depth = Annotated[int, Query(ge=1, le=4, description="Hops from 'around'.")]
MaxNodes = Annotated[int, Query(ge=1, le=2000, description="Keep this many best-connected nodes.")]


def _links(request: Request, store: SQLiteStore) -> dict[str, Any]:
    """Return the relation links (``links``), ``{entity_id: (name, type)}`` (``entities``) and event
    co-participants (``co``), cached until the store changes.

    A new cache replaces the old one whole, so a request in another thread never sees it half built.
    """
    stores = request.app.state.stores
    cache: dict[str, Any] = request.app.state.graph_cache
    if cache.get("generation") != stores.generation:
        entities = {e.entity_id: (e.name, e.type.value) for e in store.iter_entities()}
        co = [(sorted(set(e.actors) | set(e.targets)), [d for d in (e.date_start, e.date_end) if d])
              for e in store.iter_events(with_evidence=False)]
        cache = {"generation": stores.generation, "links": relation_links(store), "entities": entities, "co": co}
        request.app.state.graph_cache = cache
    return cache


def graph_data(request: Request, store: SQLiteStore, types: list[str] | None, predicates: list[str] | None,
               since: str | None, until: str | None, events: bool, max_nodes: int, around: str | None = None,
               depth: int = 2) -> dict[str, Any]:
    """Return the network's nodes (sized by centrality) and edges after the filters."""
    cache = _links(request, store)
    links, entities = cache["links"], cache["entities"]
    wanted = {p for p in predicates or [] if p}  # a form's "any" sends an empty value
    types = [t for t in types or [] if t]
    network = EntityNetwork()
    for link in links:
        if wanted and link["predicate"] not in wanted:
            continue
        dates = [d for d in (link["valid_from"], link["valid_to"]) if d]
        network.add_link(link["subject_id"], link["object_id"], link["predicate"], dates, link["evidence"])
    if events and (not wanted or CO_PARTICIPATION in wanted):
        for people, dates in cache["co"]:
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    network.add_link(a, b, CO_PARTICIPATION, dates, 1)
    if since or until:
        network = network.window(since or None, until or None)
    if around:
        network = network.ego(around, depth)
    graph = network.graph
    if types:
        graph.remove_nodes_from([n for n in list(graph.nodes) if entities.get(n, ("", ""))[1] not in types])
    if graph.number_of_nodes() > max_nodes:
        keep = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:max_nodes]
        graph.remove_nodes_from(set(graph.nodes) - set(keep))
    community = {m: i for i, members in enumerate(network.communities()) for m in members}
    nodes = []
    for c in network.centrality():
        name, type_ = entities.get(c.entity_id, (c.entity_id, "unknown"))
        nodes.append({"id": c.entity_id, "name": name, "type": type_, "degree": c.degree,
                      "betweenness": c.betweenness, "community": community.get(c.entity_id, 0),
                      "url": entity_url(c.entity_id)})
    edges = [{"source": e.source, "target": e.target, "predicates": e.predicates, "first_valid": e.first_valid,
              "last_valid": e.last_valid, "evidence": e.evidence_count} for e in network.edges()]
    return {"nodes": nodes, "edges": edges}


@api.get("/graph", summary="The entity network")
def graph_api(request: Request, store: Store, type: Names = None, predicate: Names = None, since: Window = None,
              until: Window = None, events: bool = False, max_nodes: MaxNodes = 300, around: Around = None,
              depth: Depth = 2) -> dict[str, Any]:
    """Return nodes (with degree and betweenness centrality and a community number) and edges
    (with predicates, first and last valid date and evidence count). ``type`` and ``predicate``
    repeat; ``since``/``until`` keep edges reported valid in that window; ``events`` adds links
    between entities that took part in the same event (predicate ``co_participation``); ``around``
    keeps the entities within ``depth`` hops of one entity."""
    return graph_data(request, store, type, predicate, since, until, events, max_nodes, around or None, depth)


@pages.get("/graph")
def graph_page(request: Request, store: Store, type: Names = None, predicate: Names = None, since: Window = None,
               until: Window = None, events: bool = False, max_nodes: MaxNodes = 300, around: Around = None,
               depth: Depth = 2) -> Response:
    data = graph_data(request, store, type, predicate, since, until, events, max_nodes, around or None, depth)
    top = sorted(data["nodes"], key=lambda n: (-n["degree"], n["name"]))[:15]
    return render(request, "graph.html", title="Network", graph=data, top=top, types=[t.value for t in EntityType],
                  predicates=[p.value for p in Predicate] + [CO_PARTICIPATION],
                  filters={"type": type or [], "predicate": predicate or [], "since": since or "",
                           "until": until or "", "events": events, "max_nodes": max_nodes, "around": around or "",
                           "depth": depth},
                  query=request.url.query)
