"""``factiongraph export`` and ``import``: write the store in formats other tools load, and load an export back."""

from __future__ import annotations

import io
import sys

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.cli.entities import resolve_name
from factiongraph.cli.ingest import EXIT_REJECTED
from factiongraph.errors import SourceError
from factiongraph.export.formats import FORMATS, check_export, write_export
from factiongraph.export.jsonl import KINDS
from factiongraph.export.selection import Selection
from factiongraph.importer import import_jsonl


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True,
              help="jsonl (interchange), stix (STIX 2.1 bundle), ftm (FollowTheMoney), graphml / gexf (Gephi), "
                   "acled-csv.")
@click.option("--out", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here; - is stdout.")
@click.option("--since", metavar="DATE", help="Only what happened or was published on or after this ISO date.")
@click.option("--until", metavar="DATE", help="Only what happened or was published on or before this date or prefix.")
@click.option("--around", metavar="NAME", help="Only the claims this entity (any spelling) takes part in, "
                                               "the documents that mention it, and what they refer to.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS)), help="jsonl: only these record kinds.")
@click.option("--check", is_flag=True, help="Load the output with its ecosystem library (stix2, followthemoney, "
                                            "networkx) and report; needs the 'export' extra for stix and ftm.")
@db_option
@click.pass_obj
def export_cmd(app: AppContext, fmt: str, out: str, since: str | None, until: str | None, around: str | None,
               kinds: tuple[str, ...], check: bool) -> None:
    """Export the store (or a time window or one entity's neighbourhood) in a format other tools load.

    Every format is deterministic: the same store gives the same bytes. See docs/exports.md for
    what each format keeps and loses.
    """
    selection = Selection(since, until, resolve_name(app, around).entity_id if around else None)
    chain = app.place_chain if fmt == "acled-csv" else None
    buffer = io.StringIO() if check else None
    if out == "-":
        n = write_export(app.store, fmt, buffer or sys.stdout, selection, kinds or KINDS, chain)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            n = write_export(app.store, fmt, buffer or fh, selection, kinds or KINDS, chain)
            if buffer is not None:
                fh.write(buffer.getvalue())
    if buffer is not None and out == "-":
        sys.stdout.write(buffer.getvalue())
    click.echo(f"exported {n} {'records' if fmt == 'jsonl' else 'items'} as {fmt}", err=True)
    if buffer is not None:
        click.echo(f"check: {check_export(fmt, buffer.getvalue())}", err=True)


@click.command("import")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@db_option
@click.pass_obj
def import_cmd(app: AppContext, path: str) -> None:
    """Load a JSON Lines export (factiongraph export --format jsonl) into the store.

    Into a fresh store, exporting again gives the same bytes; into a store with content, the two
    are merged (documents already there are kept; entities and claims are upserted by id and gain
    the imported evidence). Lines that cannot be read are named on stderr and the exit code is 5.
    """
    if path == "-":
        summary = import_jsonl(sys.stdin, app.store)
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                summary = import_jsonl(fh, app.store)
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read {path}: {exc}") from exc
    for problem in summary.problems:
        click.echo(problem, err=True)
    read = ", ".join(f"{k} {v}" for k, v in summary.read.items())
    click.echo(f"read {summary.lines} lines: {read}")
    click.echo(f"documents added {summary.documents_added}, skipped records {len(summary.problems)}")
    click.echo("store totals: " + ", ".join(f"{k} {v}" for k, v in app.store.counts().items()))
    if summary.problems:
        sys.exit(EXIT_REJECTED)
