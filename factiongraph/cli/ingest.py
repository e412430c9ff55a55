"""``factiongraph ingest``: read, clean, analyse and store documents."""

from __future__ import annotations

import json
import sys
from dataclasses import replace

import click

from factiongraph.cli.context import AppContext, db_option
from factiongraph.ingest.manifest import load_manifest
from factiongraph.pipeline import Pipeline, RunSummary

#: Exit code when the run finished but at least one input was rejected.
EXIT_REJECTED = 5


@click.command("ingest")
@click.argument("specs", nargs=-1, required=True, metavar="PATH|URL|GLOB|-...")
@click.option("--no-analyze", is_flag=True, help="Store cleaned documents only (skip entities and events).")
@click.option("--summary-json", type=click.Path(dir_okay=False, writable=True), help="Also write the summary as JSON.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Processes (or Ray actors) for the NLP stages (default: setting 'workers').")
@click.option("--engine", type=click.Choice(["local", "ray"]),
              help="Run the NLP stages in local processes or in Ray actors; Ray connects to RAY_ADDRESS "
                   "when set, else starts a local instance (default: setting 'engine').")
@click.option("--progress/--no-progress", default=None, help="Progress line on stderr (default: only on a terminal).")
@click.option("--manifest", "manifest_path", type=click.Path(dir_okay=False, path_type=str),
              help="JSONL or CSV rows (file or url; title, outlet, author, published, url, language) "
                   "whose metadata wins over what is read from the text.")
@db_option
@click.pass_obj
def ingest_cmd(app: AppContext, specs: tuple[str, ...], no_analyze: bool, summary_json: str | None,
               workers: int | None, engine: str | None, progress: bool | None, manifest_path: str | None) -> None:
    """Ingest files, folders, globs, URLs, feeds or stdin (-) into the store.

    Exact duplicates are skipped, changed documents re-processed, near-duplicate reposts linked to
    the original. A bad input is reported in one line and the run goes on; the exit code is 5 when
    anything was rejected. With --engine ray the analysis runs in Ray actors (a local Ray
    instance, or the cluster at RAY_ADDRESS) and this process writes the store. With --manifest,
    each row's metadata is laid over the document it names (basis 'metadata: manifest'); rows
    that match nothing or hold a bad value are listed by name.
    """
    manifest = load_manifest(manifest_path) if manifest_path else None
    store = app.store
    settings = app.settings
    if workers:
        settings = replace(settings, workers=workers)
    if engine:
        settings = replace(settings, engine=engine)
    pipeline = Pipeline(settings, analyze=not no_analyze)
    show = sys.stderr.isatty() if progress is None else progress
    hook = _progress_line if show else None
    stdin = sys.stdin.buffer if "-" in specs else None
    summary = pipeline.run(list(specs), store, stdin=stdin, progress=hook, manifest=manifest)
    if show:
        click.echo("", err=True)
    for rejection in summary.rejections:
        click.echo(rejection.line(), err=True)
    for problem in (summary.manifest or {}).get("problems", []):
        click.echo(problem, err=True)
    click.echo(format_summary(summary, store.counts()))
    if summary_json:
        with open(summary_json, "w", encoding="utf-8") as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


def _progress_line(summary: RunSummary, label: str) -> None:
    text = (
        f"\r{summary.seen} read | {summary.stored} stored | {summary.duplicates} duplicate | "
        f"{summary.rejected} rejected  {label[-50:]:<50}"
    )
    click.echo(text, err=True, nl=False)


def format_summary(summary: RunSummary, totals: dict[str, int]) -> str:
    """Return the end-of-run summary as a few aligned lines."""
    lines = [
        "Run summary",
        f"  inputs read          {summary.seen}",
        f"  stored               {summary.stored}  ({summary.words} words, {summary.seconds:.1f}s)",
        f"  exact duplicates     {summary.duplicates}  (already stored, skipped)",
        f"  near-duplicates      {summary.near_duplicates}  (stored, linked to the original)",
        f"  changed documents    {summary.superseded}  (re-processed, earlier version retired)",
        f"  rejected             {summary.rejected}",
    ]
    for reason, n in summary.rejected_by_reason().items():
        lines.append(f"    {reason:<18} {n}")
    if summary.manifest is not None:
        m = summary.manifest
        lines.append(f"  manifest             {m['rows']} rows, {m['matched']} matched, "
                     f"{len(m['problems'])} problems  ({m['path']})")
    if summary.date_convention is not None:
        lines.append(f"  numeric dates        {summary.date_convention}, where a document shows no order of its own")
    lines.append(
        f"  extracted            {summary.mentions} mentions, {summary.events} events, "
        f"{summary.relations} relations, {summary.quotes} quotes"
    )
    lines.append("Store totals")
    lines.append("  " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return "\n".join(lines)
