"""``factiongraph export``: write the store in a format other tools load."""

from __future__ import annotations

import sys

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.export import iter_records, write_jsonl
from factiongraph.export.jsonl import KINDS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS)), help="Only these record kinds.")
@db_option
@click.pass_obj
def export_cmd(app: AppContext, fmt: str, out: str | None, kinds: tuple[str, ...]) -> None:
    """Export the store (JSON Lines interchange format: documents, entities, mentions, ...)."""
    records = iter_records(app.store, kinds or KINDS)
    if out is None:
        n = write_jsonl(records, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            n = write_jsonl(records, fh)
    click.echo(f"exported {n} records", err=True)
