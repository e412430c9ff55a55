"""A network view over entities and relations: centrality, communities, ego networks, change.

Input is plain model records (relations, optionally events for co-participation); output is
plain data. Edges are undirected for the metrics (who is connected to whom) but keep the
predicates and direction they were stated with.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from networkx.algorithms import community as nx_community

from factiongraph.model import Entity, Event, Relation

log = logging.getLogger(__name__)

CO_PARTICIPATION = "co_participation"


@dataclass(slots=True)
class EdgeInfo:
    """One link between two entities with everything that supports it."""

    source: str
    target: str
    predicates: list[str] = field(default_factory=list)
    first_valid: str | None = None
    last_valid: str | None = None
    evidence_count: int = 0


@dataclass(slots=True)
class Centrality:
    """Centrality scores of one entity."""

    entity_id: str
    degree: float
    betweenness: float


@dataclass(slots=True)
class WindowDiff:
    """Edges present in one time window and not the other (pairs sorted, as ``(a, b)``)."""

    appeared: list[tuple[str, str]]
    disappeared: list[tuple[str, str]]
    kept: list[tuple[str, str]]


def _pair(a: str, b: str) -> tuple[str, str]:
    """Return an undirected edge key."""
    return (a, b) if a <= b else (b, a)


def _relation_dates(rel: Relation) -> list[str]:
    """Return the dates a relation was reported valid (validity bounds)."""
    return [d for d in (rel.valid_from, rel.valid_to) if d]


class EntityNetwork:
    """An undirected graph: one edge per entity pair, carrying every predicate that links them."""

    def __init__(self) -> None:
        self.graph: nx.Graph[str] = nx.Graph()
        self.names: dict[str, str] = {}

    @classmethod
    def build(cls, relations: Iterable[Relation], events: Iterable[Event] = (),
              entities: Iterable[Entity] = ()) -> EntityNetwork:
        """Return the network of ``relations`` (plus actor/target co-participation in ``events``)."""
        net = cls()
        for ent in entities:
            net.names[ent.entity_id] = ent.name
            net.graph.add_node(ent.entity_id, name=ent.name, type=ent.type.value)
        for rel in relations:
            net.add_link(rel.subject_id, rel.object_id, rel.predicate.value, _relation_dates(rel),
                         len(rel.evidence))
        for event in events:
            people = sorted(set(event.actors) | set(event.targets))
            dates = [d for d in (event.date_start, event.date_end) if d]
            for a, b in combinations(people, 2):
                net.add_link(a, b, CO_PARTICIPATION, dates, len(event.evidence))
        return net

    def add_link(self, a: str, b: str, predicate: str, dates: list[str], evidence: int) -> None:
        """Add or extend the edge between ``a`` and ``b``."""
        if a == b:
            return
        if self.graph.has_edge(a, b):
            data = self.graph.edges[a, b]
        else:
            self.graph.add_edge(a, b, predicates=[], dates=[], evidence_count=0)
            data = self.graph.edges[a, b]
        if predicate not in data["predicates"]:
            data["predicates"].append(predicate)
        data["dates"].extend(dates)
        data["evidence_count"] += evidence

    def edges(self) -> list[EdgeInfo]:
        """Return every edge as plain data, sorted by endpoints."""
        out = []
        for a, b, data in self.graph.edges(data=True):
            s, t = _pair(a, b)
            dates = sorted(data["dates"])
            out.append(EdgeInfo(s, t, sorted(data["predicates"]), dates[0] if dates else None,
                                dates[-1] if dates else None, data["evidence_count"]))
        return sorted(out, key=lambda e: (e.source, e.target))

    def to_graphml(self, names: dict[str, str], types: dict[str, str]) -> list[str]:
        """Return the network as GraphML lines, with entity names and types as node attributes."""
        out: nx.Graph[str] = nx.Graph()
        for node in self.graph.nodes:
            out.add_node(node, name=names.get(node, node), type=types.get(node, ""))
        for edge in self.edges():
            out.add_edge(edge.source, edge.target, predicates=",".join(edge.predicates),
                         first_valid=edge.first_valid or "", last_valid=edge.last_valid or "",
                         evidence=edge.evidence_count)
        return list(nx.generate_graphml(out))

    def centrality(self) -> list[Centrality]:
        """Return degree and betweenness centrality per entity, most central first."""
        if self.graph.number_of_nodes() == 0:
            return []
        degree = nx.degree_centrality(self.graph)
        between = nx.betweenness_centrality(self.graph)
        rows = [Centrality(n, round(degree[n], 6), round(between[n], 6)) for n in self.graph.nodes]
        return sorted(rows, key=lambda c: (-c.betweenness, -c.degree, c.entity_id))

    def communities(self) -> list[list[str]]:
        """Return communities by greedy modularity (largest first, members sorted)."""
        if self.graph.number_of_edges() == 0:
            return [[n] for n in sorted(self.graph.nodes)]
        found = nx_community.greedy_modularity_communities(self.graph)
        return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))

    def ego(self, entity_id: str, depth: int = 1) -> EntityNetwork:
        """Return the sub-network within ``depth`` hops of one entity (empty when unknown)."""
        sub = EntityNetwork()
        sub.names = self.names
        if entity_id in self.graph:
            sub.graph = nx.ego_graph(self.graph, entity_id, radius=depth).copy()
        return sub

    def window(self, start: str | None, end: str | None) -> EntityNetwork:
        """Return the sub-network of edges reported valid at some date in ``[start, end]``.

        Dates compare as ISO strings by their common prefix, so "2020" covers "2020-06-25".
        Undated edges are kept only when no bound is given.
        """
        sub = EntityNetwork()
        sub.names = self.names
        for a, b, data in self.graph.edges(data=True):
            dates = data["dates"]
            if start is None and end is None:
                keep = True
            else:
                keep = any(_in_window(d, start, end) for d in dates)
            if keep:
                sub.graph.add_edge(a, b, **{k: (list(v) if isinstance(v, list) else v)
                                            for k, v in data.items()})
        return sub

    def diff(self, before: tuple[str | None, str | None], after: tuple[str | None, str | None]
             ) -> WindowDiff:
        """Return the edges that appeared, disappeared or stayed between two time windows."""
        old = {_pair(a, b) for a, b in self.window(*before).graph.edges}
        new = {_pair(a, b) for a, b in self.window(*after).graph.edges}
        return WindowDiff(sorted(new - old), sorted(old - new), sorted(old & new))


def _in_window(date: str, start: str | None, end: str | None) -> bool:
    """Return True when an ISO date (any precision) falls inside ``[start, end]``."""
    if start is not None and date[: len(start)] < start[: len(date)]:
        return False
    if end is not None and date[: len(end)] > end[: len(date)]:
        return False
    return True
