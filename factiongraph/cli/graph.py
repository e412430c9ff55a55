"""``factiongraph graph``: the network around an entity, its metrics and how it changed."""

from __future__ import annotations

import json

import click

from factiongraph.analyze.network import EntityNetwork
from factiongraph.cli.context import AppContext, db_option
from factiongraph.cli.entities import resolve_name


def _parse_window(text: str | None) -> tuple[str | None, str | None] | None:
    if text is None:
        return None
    start, _, end = text.partition("..")
    return (start or None, end or None)


@click.command("graph")
@click.option("--around", metavar="NAME", help="Only the ego network of this entity (any spelling).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1), help="Hops from --around.")
@click.option("--events/--no-events", default=False, help="Also link entities that took part in the same event.")
@click.option("--metrics", is_flag=True, help="Print degree and betweenness centrality and communities.")
@click.option("--diff", "diff", nargs=2, metavar="BEFORE AFTER",
              help="Compare two windows, e.g. --diff ..2019-12 2020-01.. (which ties appeared?).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "graphml"]), default="text", show_default=True,
              help="graphml loads in Gephi, yEd or networkx.")
@db_option
@click.pass_obj
def graph_cmd(app: AppContext, around: str | None, depth: int, events: bool, metrics: bool,
              diff: tuple[str, str] | None, fmt: str) -> None:
    """Print the relation network (or the neighbourhood of one entity) with its evidence counts."""
    store = app.store
    entities = list(store.iter_entities())
    network = EntityNetwork.build(store.iter_relations(), store.iter_events() if events else (), entities)
    if around:
        network = network.ego(resolve_name(app, around).entity_id, depth)
    names = {e.entity_id: e.name for e in entities}
    edges = [
        {"source": e.source, "source_name": names.get(e.source, e.source), "target": e.target,
         "target_name": names.get(e.target, e.target), "predicates": e.predicates,
         "first_valid": e.first_valid, "last_valid": e.last_valid, "evidence": e.evidence_count}
        for e in network.edges()
    ]
    centrality = [
        {"entity_id": c.entity_id, "name": names.get(c.entity_id, c.entity_id), "degree": c.degree,
         "betweenness": c.betweenness} for c in network.centrality()
    ] if metrics else []
    communities = [[names.get(m, m) for m in c] for c in network.communities()] if metrics else []
    change: dict[str, list[list[str]]] = {}
    if diff:
        before, after = _parse_window(diff[0]), _parse_window(diff[1])
        assert before is not None and after is not None
        found = network.diff(before, after)
        change = {k: [[names.get(a, a), names.get(b, b)] for a, b in getattr(found, k)]
                  for k in ("appeared", "disappeared", "kept")}
    out: dict[str, object] = {"edges": edges}
    if metrics:
        out["centrality"], out["communities"] = centrality, communities
    if diff:
        out["diff"] = change
    if fmt == "json":
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    if fmt == "graphml":
        types = {e.entity_id: e.type.value for e in entities}
        for line in network.to_graphml(names, types):
            click.echo(line)
        return
    if not edges:
        click.echo("no relations (ingest some articles first)", err=True)
    for edge in network.edges():
        when = f" [{edge.first_valid}..{edge.last_valid}]" if edge.first_valid else ""
        click.echo(f"{names.get(edge.source, edge.source)} <-> {names.get(edge.target, edge.target)}  "
                   f"[{', '.join(edge.predicates)}]{when}  ({edge.evidence_count} evidence)")
    if metrics:
        click.secho("\nMost central (betweenness, degree)", bold=True)
        for c in centrality[:15]:
            click.echo(f"  {c['betweenness']:.3f}  {c['degree']:.3f}  {c['name']}")
        click.secho("\nCommunities", bold=True)
        for i, members in enumerate(communities, start=1):
            click.echo(f"  {i}. {', '.join(members)}")
    if diff:
        click.secho(f"\nChange from {diff[0]} to {diff[1]}", bold=True)
        for kind in ("appeared", "disappeared"):
            for a, b in change[kind]:
                click.echo(f"  {kind:<11} {a} -- {b}")
