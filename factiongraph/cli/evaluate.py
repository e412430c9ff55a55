"""``factiongraph eval``: score the whole pipeline against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from factiongraph.cli.context import AppContext
from factiongraph.eval import format_report
from factiongraph.evaluation import run_eval


@click.command("eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold file in the gold/1 format.")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), help="Also write all scores as JSON.")
@click.option("--baseline", type=click.Choice(["spacy", "none"]), default="spacy", show_default=True,
              help="Score plain spaCy NER beside factiongraph.")
@click.pass_obj
def eval_cmd(app: AppContext, gold_path: Path, corpus_dir: Path, json_out: str | None, baseline: str) -> None:
    """Ingest CORPUS_DIR into a temporary store, run every stage and score it against --gold.

    Prints a table (factiongraph beside the spaCy baseline) and optionally writes JSON. The store
    given by --db is not touched.
    """
    result = run_eval(gold_path, corpus_dir, app.settings, baseline=baseline == "spacy")
    click.echo(format_report(result["factiongraph"], result["baseline"]))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2, sort_keys=True)
        click.echo(f"scores written to {json_out}", err=True)
