"""``factiongraph entities`` and ``show``: who is this?"""

from __future__ import annotations

import json
from collections import defaultdict

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.errors import FactiongraphError
from factiongraph.model import Entity, EntityType
from factiongraph.store.views import entity_mentions, events_for, find_entities, get_entity, rank_entities


@click.command("entities")
@click.option("--type", "type_", type=click.Choice([t.value for t in EntityType]), help="Only this entity type.")
@click.option("--new", "new_only", is_flag=True, help="Only entities the knowledge base does not know.")
@click.option("--limit", default=50, show_default=True)
@db_option
@click.pass_obj
def entities_cmd(app: AppContext, type_: str | None, new_only: bool, limit: int) -> None:
    """List entities ranked by how often the articles mention them."""
    rows = rank_entities(app.store, type_, new_only, limit)
    if not rows:
        click.echo("no entities (ingest some articles first)", err=True)
    for r in rows:
        flag = "" if r["in_kb"] else "  [new]"
        click.echo(f"{r['mentions']:>5} mentions {r['documents']:>4} docs  {r['type']:<13} {r['name']}{flag}")


def resolve_name(app: AppContext, name: str) -> Entity:
    """Return the entity a user means by ``name`` (any alias or spelling), or fail with a hint."""
    found = find_entities(app.store, name)
    if not found:
        raise FactiongraphError(f"no entity called {name!r} (try 'factiongraph entities')")
    return found[0]


def _name(app: AppContext, entity_id: str | None) -> str:
    if entity_id is None:
        return "(unnamed)"
    entity = get_entity(app.store, entity_id)
    return entity.name if entity else entity_id


@click.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@click.option("--limit", default=10, show_default=True, help="Sentences, events and quotes to show per section.")
@db_option
@click.pass_obj
def show_cmd(app: AppContext, name: str, as_json: bool, limit: int) -> None:
    """Profile of an entity: aliases, type, KB facts, relations, events, quotes and sources."""
    store = app.store
    entity = resolve_name(app, name)
    relations = list(store.iter_relations(entity.entity_id))
    events = events_for(store, entity.entity_id)
    said = list(store.iter_quotes(speaker_id=entity.entity_id))
    about = list(store.iter_quotes(about_id=entity.entity_id))
    mentions = entity_mentions(store, entity.entity_id, limit=200)
    if as_json:
        from factiongraph.export.jsonl import entity_record, event_record, quote_record, relation_record

        click.echo(json.dumps({
            "entity": entity_record(entity), "relations": [relation_record(r) for r in relations],
            "events": [event_record(e) for e in events], "quotes_by": [quote_record(q) for q in said],
            "quotes_about": [quote_record(q) for q in about],
            "mentions": [m.__dict__ if hasattr(m, "__dict__") else {
                "doc_id": m.doc_id, "title": m.title, "text": m.text, "sentence": m.sentence} for m in mentions],
        }, indent=2, ensure_ascii=False, default=str))
        return
    click.secho(f"{entity.name}", bold=True)
    click.echo(f"  type: {entity.type.value}   {'in knowledge base' if entity.in_kb else 'NEW (not in the knowledge base)'}")
    if entity.aliases:
        click.echo(f"  aliases: {', '.join(entity.aliases)}")
    for key, value in entity.attributes.items():
        if key not in ("first_evidence",):
            click.echo(f"  {key}: {value if not isinstance(value, (list, dict)) else json.dumps(value, ensure_ascii=False)}")
    if relations:
        click.secho("\nRelations", bold=True)
        grouped = defaultdict(list)
        for r in relations:
            grouped[r.predicate.value].append(r)
        for predicate, items in sorted(grouped.items()):
            click.echo(f"  {predicate}")
            for r in items:
                other = f"{_name(app, r.subject_id)} -> {_name(app, r.object_id)}"
                when = f" [{r.valid_from or '?'}..{r.valid_to or ''}]" if r.valid_from or r.valid_to else ""
                role = f" ({r.attrs['role']})" if r.attrs.get("role") else ""
                click.echo(f"    {other}{role}{when}  {len({e.doc_id for e in r.evidence})} source(s)")
                for ev in r.evidence[:2]:
                    click.echo(f"      \"{ev.text.strip()}\"  ({ev.doc_id[:12]})")
    if events:
        click.secho("\nEvents (timeline)", bold=True)
        for e in events[:limit]:
            label = e.attrs.get("label") or e.sub_type
            role = "actor" if entity.entity_id in e.actors else "target"
            sources = e.attrs.get("sources", len({ev.doc_id for ev in e.evidence}))
            click.echo(f"  {e.date_start or '????'}  {e.type} / {label}  as {role}  {e.location_name or ''}  "
                       f"[{sources} source(s)]")
            if e.evidence:
                click.echo(f"      \"{e.evidence[0].text.strip()}\"")
    for title, quotes in (("Quotes by", said), ("Said about it", about)):
        if quotes:
            click.secho(f"\n{title} {entity.name}", bold=True)
            for q in quotes[:limit]:
                via = f" via {_name(app, q.via_id)}" if q.via_id else ""
                who = "anonymous source" if q.anonymous else _name(app, q.speaker_id)
                role = f", {q.speaker_role}" if q.speaker_role else ""
                click.echo(f"  {who}{role}{via}: \"{q.text.strip()[:240]}\"")
    if mentions:
        click.secho(f"\nMentioned in {len({m.doc_id for m in mentions})} document(s)", bold=True)
        for m in mentions[:limit]:
            mark = " (reader comment)" if not m.in_content else ""
            click.echo(f"  {m.doc_id[:12]} {m.title or ''}{mark}\n      {m.sentence}")
