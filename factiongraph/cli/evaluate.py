"""``factiongraph eval``: score the whole pipeline against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from factiongraph.cli.context import AppContext
from factiongraph.eval import format_columns, format_report
from factiongraph.evaluation import run_eval

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("eval")
@click.option("--gold", "gold_path", required=True, type=_FILE, help="Gold file in the gold/1 format.")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--manifest", type=_FILE, help="Metadata manifest (JSONL or CSV) applied while ingesting, as for ingest.")
@click.option("--split", type=_FILE,
              help="JSON object of part -> file names (e.g. tune/check): scores each part side by side.")
@click.option("--show-check-detail", is_flag=True,
              help="Keep the item-level detail of the 'check' part in --json (withheld by default: "
                   "check is scored, never read).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), help="Also write all scores as JSON.")
@click.option("--baseline", type=click.Choice(["spacy", "none"]), default="spacy", show_default=True,
              help="Score plain spaCy NER beside factiongraph.")
@click.pass_obj
def eval_cmd(app: AppContext, gold_path: Path, corpus_dir: Path, manifest: Path | None, split: Path | None,
             show_check_detail: bool, json_out: str | None, baseline: str) -> None:
    """Ingest CORPUS_DIR into a temporary store, run every stage and score it against --gold.

    Prints a table (factiongraph beside the spaCy baseline; with --split, one column per part and
    one for the whole corpus) and optionally writes JSON. The store given by --db is not touched.
    """
    result = run_eval(gold_path, corpus_dir, app.settings, baseline=baseline == "spacy", manifest=manifest,
                      split=split, show_blind_detail=show_check_detail)
    if result["parts"]:
        columns: list[tuple[str, dict[str, Any]]] = []
        for name, part in result["parts"].items():
            columns.append((name, part["factiongraph"]))
        columns.append(("all", result["factiongraph"]))
        if result["baseline"] is not None:
            columns += [(f"{name} spacy", part["baseline"]) for name, part in result["parts"].items()]
        title = f"gold: {gold_path}" + (f"  manifest: {manifest}" if manifest else "  (no manifest)")
        click.echo(format_columns(columns, title))
    else:
        click.echo(format_report(result["factiongraph"], result["baseline"]))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2, sort_keys=True)
        click.echo(f"scores written to {json_out}", err=True)
