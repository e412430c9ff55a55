"""GraphML and GEXF (Gephi, yEd, networkx): the entity graph with types, weights and time.

Nodes are entities (``label`` the name, ``type``, ``in_kb``, ``aliases``, counts of mentions,
documents and events). Edges are directed, one per relation (subject -> object, ``kind``
``relation``, ``predicate``, ``role``, ``valid_from``/``valid_to`` as written) and one per actor ->
target pair of an event (``kind`` ``event``, ``predicate`` the sub-event type). ``weight`` is the
number of documents that support the edge. ``start``/``end`` are the first and last day of the
dates written (GEXF makes the graph dynamic with them, so Gephi's timeline filters it); a node
spans the dates of the claims it takes part in. Insertion order is the store's, and GEXF's
``lastmodifieddate`` is the export's date, so the same store gives the same bytes.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from typing import IO, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from factiongraph import __version__
from factiongraph.export.periods import first_day, last_day
from factiongraph.export.selection import Snapshot


def _span(spans: dict[str, list[str]], node: str, *dates: str | None) -> None:
    spans[node].extend(d for d in dates if d)


def build_graph(snapshot: Snapshot) -> nx.MultiDiGraph[str]:
    """Return the snapshot's entity graph (a MultiDiGraph keyed by relation or event id)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    mentions = Counter(m.entity_id for m in snapshot.mentions if m.entity_id)
    documents = Counter(e for e in {(m.doc_id, m.entity_id) for m in snapshot.mentions if m.entity_id})
    doc_counts = Counter(entity for _, entity in documents)
    events = Counter(i for e in snapshot.events for i in {*e.actors, *e.targets})
    spans: dict[str, list[str]] = defaultdict(list)
    for e in snapshot.events:
        for node in {*e.actors, *e.targets}:
            _span(spans, node, e.date_start, e.date_end)
    for r in snapshot.relations:
        for node in (r.subject_id, r.object_id):
            _span(spans, node, r.valid_from, r.valid_to)
    for ent in snapshot.entities:
        attrs: dict[str, Any] = {"label": ent.name, "type": ent.type.value, "in_kb": ent.in_kb,
                                 "aliases": "; ".join(ent.aliases), "mentions": mentions[ent.entity_id],
                                 "documents": doc_counts[ent.entity_id], "events": events[ent.entity_id]}
        dates = spans.get(ent.entity_id)
        start, end = (first_day(min(dates)), last_day(max(dates))) if dates else (None, None)
        if start and end:
            attrs["start"], attrs["end"] = start, end
        graph.add_node(ent.entity_id, **attrs)
    for r in snapshot.relations:
        if r.subject_id not in graph or r.object_id not in graph:
            continue
        role = r.attrs.get("role")
        attrs = {"kind": "relation", "predicate": r.predicate.value, "role": role if isinstance(role, str) else "",
                 "valid_from": r.valid_from or "", "valid_to": r.valid_to or "",
                 "weight": len({ev.doc_id for ev in r.evidence}), "evidence": len(r.evidence)}
        start, end = first_day(r.valid_from), last_day(r.valid_to or r.valid_from)
        if start and end and start <= end:
            attrs["start"], attrs["end"] = start, end
        graph.add_edge(r.subject_id, r.object_id, key=r.relation_id, **attrs)
    for e in snapshot.events:
        start, end = first_day(e.date_start), last_day(e.date_end or e.date_start)
        for actor in e.actors:
            for target in e.targets:
                if actor == target or actor not in graph or target not in graph:
                    continue
                attrs = {"kind": "event", "predicate": e.sub_type, "event_id": e.event_id,
                         "date": e.date_start or "", "weight": len({ev.doc_id for ev in e.evidence}),
                         "evidence": len(e.evidence)}
                if start and end:
                    attrs["start"], attrs["end"] = start, end
                graph.add_edge(actor, target, key=f"{e.event_id}:{actor}:{target}", **attrs)
    return graph


def _graphml_ready(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """Return a copy with the same attribute set on every node and edge (GraphML declares each once)."""
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    node_keys = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_keys = sorted({k for *_, data in graph.edges(keys=True, data=True) for k in data})
    defaults: dict[str, Any] = {"start": "", "end": "", "event_id": "", "date": "", "role": "", "valid_from": "",
                                "valid_to": ""}
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: data.get(k, defaults.get(k, "")) for k in node_keys})
    for a, b, key, data in graph.edges(keys=True, data=True):
        out.add_edge(a, b, key=key, **{k: data.get(k, defaults.get(k, "")) for k in edge_keys})
    return out


def write_graphml(snapshot: Snapshot, out: IO[str]) -> int:
    """Write the entity graph as GraphML; return the number of edges."""
    graph = _graphml_ready(build_graph(snapshot))
    for line in nx.generate_graphml(graph, named_key_ids=True, edge_id_from_attribute=None):
        out.write(line)
        out.write("\n")
    return int(graph.number_of_edges())


def write_gexf(snapshot: Snapshot, out: IO[str]) -> int:
    """Write the entity graph as GEXF 1.2 (dynamic when any date is known); return the number of edges."""
    graph = build_graph(snapshot)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # fixed, so the same store gives the same bytes
        meta.set("lastmodifieddate", snapshot.as_of())
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"factiongraph {__version__}"
    writer.add_graph(graph)
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write(buffer.getvalue().decode("utf-8"))
    out.write("\n")
    return int(graph.number_of_edges())
