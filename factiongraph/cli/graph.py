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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
    out: dict[str, object] = {
        "edges": [
            {"source": e.source, "source_name": names.get(e.source, e.source), "target": e.target,
             "target_name": names.get(e.target, e.target), "predicates": e.predicates,
             "first_valid": e.first_valid, "last_valid": e.last_valid, "evidence": e.evidence_count}
            for e in network.edges()
        ]
    }
    if metrics:
        out["centrality"] = [
            {"entity_id": c.entity_id, "name": names.get(c.entity_id, c.entity_id), "degree": c.degree,
             "betweenness": c.betweenness} for c in network.centrality()
        ]
        out["communities"] = [[names.get(m, m) for m in c] for c in network.communities()]
    if diff:
        before, after = _parse_window(diff[0]), _parse_window(diff[1])
        assert before is not None and after is not None
        change = network.diff(before, after)
        out["diff"] = {k: [[names.get(a, a), names.get(b, b)] for a, b in getattr(change, k)]
                       for k in ("appeared", "disappeared", "kept")}
    if fmt == "json":
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    edges = out["edges"]
    assert isinstance(edges, list)
    if not edges:
        click.echo("no relations (ingest some articles first)", err=True)
    for e in edges:
        when = f" [{e['first_valid']}..{e['last_valid']}]" if e["first_valid"] else ""
        click.echo(f"{e['source_name']} <-> {e['target_name']}  [{', '.join(e['predicates'])}]{when}"
                   f"  ({e['evidence']} evidence)")
    if metrics:
        click.secho("\nMost central (betweenness, degree)", bold=True)
        for c in out["centrality"][:15]:  # type: ignore[index]
            click.echo(f"  {c['betweenness']:.3f}  {c['degree']:.3f}  {c['name']}")
        click.secho("\nCommunities", bold=True)
        for i, members in enumerate(out["communities"], start=1):  # type: ignore[arg-type]
            click.echo(f"  {i}. {', '.join(members)}")
    if diff:
        click.secho(f"\nChange from {diff[0]} to {diff[1]}", bold=True)
        for kind in ("appeared", "disappeared"):
            for a, b in out["diff"][kind]:  # type: ignore[index]
                click.echo(f"  {kind:<11} {a} -- {b}")
