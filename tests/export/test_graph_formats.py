"""GraphML and GEXF, read back by networkx."""

from __future__ import annotations

import io

import networkx as nx

from factiongraph.store import SQLiteStore

from .factory import export_text


def read(tiny_store: SQLiteStore, fmt: str) -> nx.MultiDiGraph:
    text = export_text(tiny_store, fmt).encode("utf-8")
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(text), force_multigraph=True)
    return nx.read_gexf(io.BytesIO(text))


def test_graphml_keeps_types_weights_and_validity(tiny_store: SQLiteStore) -> None:
    graph = read(tiny_store, "graphml")
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.nodes["lantern-brigades"]["type"] == "armed_group"
    assert graph.nodes["lantern-brigades"]["label"] == "Lantern Brigades"
    assert graph.nodes["lantern-brigades"]["mentions"] == 2 and graph.nodes["lantern-brigades"]["documents"] == 2
    leads = graph.edges["salim-haddad", "lantern-brigades", "rel-leads"]
    assert leads["predicate"] == "leader_of" and leads["weight"] == 1 and leads["valid_from"] == "2021-05-04"
    raid = [d for _, _, d in graph.edges("lantern-brigades", data=True) if d["kind"] == "event"]
    assert raid and raid[0]["predicate"] == "Armed clash" and raid[0]["date"] == "2021-05-03"


def test_gexf_is_dynamic_with_whole_days(tiny_store: SQLiteStore) -> None:
    text = export_text(tiny_store, "gexf")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and 'lastmodifieddate="2021-06-01"' in text
    graph = read(tiny_store, "gexf")
    assert graph.nodes["salim-haddad"]["label"] == "Salim Haddad"
    # the arrest is dated "2021-06": its edge spans the whole month
    arrest = [d for _, _, d in graph.edges("border-guard", data=True) if d.get("event_id") == "event-arrest"]
    assert arrest and arrest[0]["start"] == "2021-06-01" and arrest[0]["end"] == "2021-06-30"
    assert graph.nodes["lantern-brigades"]["start"] == "2021-01-01"  # 'located in' since 2021
