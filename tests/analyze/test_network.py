"""Network metrics over a small hand-built set of relations and events."""

from __future__ import annotations

from factiongraph.analyze.network import CO_PARTICIPATION, EntityNetwork
from factiongraph.model import Event, Evidence, Predicate, Relation

EV = Evidence("d1", 0, 4, "text", "rule.test.v1")


def rel(s: str, p: Predicate, o: str, when: str | None, n: int = 1) -> Relation:
    return Relation(f"{s}-{p}-{o}", s, p, o, valid_from=when, valid_to=when, evidence=[EV] * n)


def sample() -> EntityNetwork:
    # Two triangles joined through "hub": hub has the highest betweenness.
    rels = [
        rel("a1", Predicate.AFFILIATED_WITH, "a2", "2020-03-01"),
        rel("a2", Predicate.AFFILIATED_WITH, "a3", "2020-04-01"),
        rel("a1", Predicate.AFFILIATED_WITH, "a3", "2020-05-01"),
        rel("a1", Predicate.PART_OF, "hub", "2020-06-01", n=2),
        rel("hub", Predicate.BACKED_BY, "b1", "2022-01-10"),
        rel("b1", Predicate.AFFILIATED_WITH, "b2", "2022-02-01"),
        rel("b2", Predicate.AFFILIATED_WITH, "b3", "2022-03-01"),
        rel("b1", Predicate.AFFILIATED_WITH, "b3", "2022-04-01"),
    ]
    return EntityNetwork.build(rels)


def test_edges_keep_predicates_dates_and_evidence_counts() -> None:
    net = EntityNetwork.build([
        rel("x", Predicate.LEADER_OF, "y", "2020-01-01"),
        rel("x", Predicate.HOLDS_ROLE, "y", "2021-06-01", n=3),
    ])
    [edge] = net.edges()
    assert (edge.source, edge.target) == ("x", "y")
    assert edge.predicates == ["holds_role", "leader_of"]
    assert (edge.first_valid, edge.last_valid, edge.evidence_count) == ("2020-01-01", "2021-06-01", 4)


def test_centrality_ranks_the_bridges_first() -> None:
    rows = sample().centrality()
    assert {r.entity_id for r in rows[:3]} == {"hub", "a1", "b1"}
    top = rows[0]
    assert top.entity_id == "hub" and top.betweenness > 0.5
    assert all(r.betweenness == 0 for r in rows if r.entity_id in ("a2", "a3", "b2", "b3"))


def test_communities_split_the_two_clusters() -> None:
    groups = sample().communities()
    flat = [set(g) for g in groups]
    assert {"a2", "a3"} <= next(g for g in flat if "a2" in g)
    assert not ({"a2"} <= next(g for g in flat if "b2" in g))


def test_ego_network_depth() -> None:
    net = sample()
    assert set(net.ego("hub", 1).graph.nodes) == {"hub", "a1", "b1"}
    assert set(net.ego("hub", 2).graph.nodes) == {"hub", "a1", "a2", "a3", "b1", "b2", "b3"}
    assert net.ego("nobody", 2).graph.number_of_nodes() == 0


def test_diff_between_time_windows() -> None:
    diff = sample().diff(("2020", "2020"), ("2022", "2022"))
    assert ("b1", "hub") in diff.appeared and ("a1", "a2") in diff.disappeared
    assert diff.kept == []
    assert set(diff.appeared) == {("b1", "hub"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3")}


def test_window_bounds_are_inclusive_at_any_precision() -> None:
    net = sample()
    edges = {tuple(sorted(e)) for e in net.window("2020-04", "2020-05-01").graph.edges}
    assert edges == {("a2", "a3"), ("a1", "a3")}


def test_event_co_participation_links_actors_and_targets() -> None:
    event = Event("e1", "Strategic developments", "Arrests", date_start="2020-06-25",
                  actors=["cts"], targets=["kh"], evidence=[EV])
    net = EntityNetwork.build([], events=[event])
    [edge] = net.edges()
    assert edge.predicates == [CO_PARTICIPATION] and edge.first_valid == "2020-06-25"
