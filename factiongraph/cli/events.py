"""``factiongraph events`` and ``quotes``: what did they do, and who said what."""

from __future__ import annotations

import csv
import json
import sys

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.cli.entities import resolve_name
from factiongraph.export.acled_csv import summarize_event, write_acled_csv
from factiongraph.export.jsonl import event_record, quote_record
from factiongraph.model import Event
from factiongraph.store.views import find_events, get_entity


def _filter_events(app: AppContext, actor: str | None, type_: str | None, since: str | None, until: str | None,
                   place: str | None) -> list[Event]:
    actor_id = resolve_name(app, actor).entity_id if actor else None
    events = find_events(app.store, actor_id, type_, since, until)
    if place:
        target = resolve_name(app, place).entity_id
        events = [e for e in events if e.location_id and target in app.place_ids(e.location_id)]
    return events


@click.command("events")
@click.option("--actor", help="Only events where this entity (any spelling) is actor or target.")
@click.option("--type", "type_", help="ACLED event type or sub-event type, e.g. 'Arrests'.")
@click.option("--since", metavar="DATE", help="Only events on or after this ISO date (2020-06-01).")
@click.option("--until", metavar="DATE", help="Only events on or before this ISO date or prefix (2020-07).")
@click.option("--place", help="Only events in this place or anywhere inside it (Baghdad includes al-Dora).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "acled-csv"]), default="table",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@db_option
@click.pass_obj
def events_cmd(app: AppContext, actor: str | None, type_: str | None, since: str | None, until: str | None,
               place: str | None, fmt: str, out: str | None) -> None:
    """List events, filtered, as a table, CSV, JSON or ACLED-compatible CSV."""
    events = _filter_events(app, actor, type_, since, until, place)
    entities = {}
    for e in events:
        for entity_id in (*e.actors, *e.targets):
            if entity_id not in entities and (found := get_entity(app.store, entity_id)):
                entities[entity_id] = found
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "json":
            for e in events:
                stream.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
        elif fmt == "acled-csv":
            write_acled_csv(events, entities, app.outlet_of, stream, app.place_chain)
        elif fmt == "csv":
            writer = csv.writer(stream)
            writer.writerow(["event_id", "date", "precision", "type", "sub_type", "location", "actors", "targets",
                             "sources", "summary"])
            for e in events:
                writer.writerow([e.event_id, e.date_start, e.date_precision, e.type, e.sub_type, e.location_name,
                                 "; ".join(entities[a].name for a in e.actors if a in entities),
                                 "; ".join(entities[t].name for t in e.targets if t in entities),
                                 len({ev.doc_id for ev in e.evidence}), summarize_event(e, entities)])
        else:
            if not events:
                click.echo("no events match", err=True)
            for e in events:
                sources = len({ev.doc_id for ev in e.evidence})
                stream.write(f"{e.date_start or '????':<10}  {e.sub_type:<28}  {(e.location_name or '-')[:20]:<20}  "
                             f"{sources} src  {summarize_event(e, entities)}\n")
    finally:
        if out:
            stream.close()


@click.command("quotes")
@click.option("--speaker", help="Only quotes by this entity (any spelling).")
@click.option("--about", help="Only quotes about this entity (any spelling).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
@click.pass_obj
def quotes_cmd(app: AppContext, speaker: str | None, about: str | None, fmt: str) -> None:
    """List quotes and reported claims: who said what, through which outlet, about whom."""
    speaker_id = resolve_name(app, speaker).entity_id if speaker else None
    about_id = resolve_name(app, about).entity_id if about else None
    quotes = list(app.store.iter_quotes(speaker_id=speaker_id, about_id=about_id))
    if not quotes:
        click.echo("no quotes match", err=True)
    for q in quotes:
        if fmt == "json":
            click.echo(json.dumps(quote_record(q), ensure_ascii=False))
            continue
        who = "anonymous source" if q.anonymous or not q.speaker_id else _name(app, q.speaker_id)
        role = f" ({q.speaker_role})" if q.speaker_role else ""
        via = f" told {_name(app, q.via_id)}" if q.via_id else ""
        click.echo(f"{who}{role}{via}:\n    \"{q.text.strip()}\"")


def _name(app: AppContext, entity_id: str) -> str:
    entity = get_entity(app.store, entity_id)
    return entity.name if entity else entity_id
