"""``factiongraph docs``, ``doc`` and ``search``: look at stored documents."""

from __future__ import annotations

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.errors import FactiongraphError


@click.command("docs")
@click.option("--limit", default=100, show_default=True, help="How many documents to list.")
@click.option("--offset", default=0, show_default=True, help="Skip this many first.")
@db_option
@click.pass_obj
def docs_cmd(app: AppContext, limit: int, offset: int) -> None:
    """List stored documents (id, published, outlet, title)."""
    for row in app.store.list_documents(limit=limit, offset=offset):
        dup = f"  [near-duplicate of {row['near_duplicate_of'][:12]}]" if row["near_duplicate_of"] else ""
        click.echo(
            f"{row['doc_id'][:12]}  {row['published'] or '-':<10}  {(row['outlet'] or '-')[:18]:<18}  "
            f"{row['title'] or row['source']}{dup}"
        )


@click.command("doc")
@click.argument("doc_id")
@click.option("--all-blocks", is_flag=True, help="Also print boilerplate blocks.")
@db_option
@click.pass_obj
def doc_cmd(app: AppContext, doc_id: str, all_blocks: bool) -> None:
    """Show one document's metadata and its cleaned text block by block (ID may be a prefix)."""
    store = app.store
    matches = store.find_documents(doc_id)
    if not matches:
        raise FactiongraphError(f"no document with id {doc_id!r} (see 'factiongraph docs')")
    if len(matches) > 1:
        raise FactiongraphError(f"id prefix {doc_id!r} is ambiguous: {', '.join(m[:12] for m in matches)}")
    doc = store.get_document(matches[0])
    assert doc is not None
    m = doc.metadata
    click.echo(f"doc_id     {doc.doc_id}")
    click.echo(f"source     {doc.source}")
    click.echo(f"title      {m.title}")
    click.echo(f"author     {m.author}")
    click.echo(f"outlet     {m.outlet}")
    click.echo(f"published  {m.published} ({m.published_precision or '-'}; {m.published_basis or 'unknown'})")
    if doc.near_duplicate_of:
        click.echo(f"repost of  {doc.near_duplicate_of}")
    click.echo("")
    for block in doc.blocks:
        if block.part.value == "boilerplate" and not all_blocks:
            continue
        click.echo(f"[{block.part.value} {block.start}-{block.end}] {doc.text[block.start:block.end]}")


@click.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@db_option
@click.pass_obj
def search_cmd(app: AppContext, query: str, limit: int) -> None:
    """Full-text search over titles and article content (SQLite FTS5 syntax)."""
    rows = app.store.search(query, limit=limit)
    if not rows:
        click.echo("no matches", err=True)
    for row in rows:
        click.echo(f"{row['doc_id'][:12]}  {row['title']}\n    {row['snippet']}")
