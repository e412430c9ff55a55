"""Run the whole pipeline on a corpus in a throw-away store and score it against a gold file.

Composition layer (like ``pipeline.py``): it wires ingest..store, the scorer in ``eval`` and the
plain-spaCy baseline in ``nlp.baseline``; the scorer itself never imports a stage.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from factiongraph.eval import load_gold, score
from factiongraph.export.jsonl import document_record, iter_records
from factiongraph.pipeline import Pipeline
from factiongraph.settings import Settings
from factiongraph.store import open_store

log = logging.getLogger(__name__)


def run_eval(gold_path: Path, corpus_dir: Path, settings: Settings, *, baseline: bool = False) -> dict[str, Any]:
    """Ingest ``corpus_dir`` into a temporary store, run every stage, score against the gold.

    Returns ``{"factiongraph": scores, "baseline": scores | None, "run": summary}``.

    Raises:
        GoldFormatError: the gold file is malformed.
    """
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="factiongraph-eval-") as tmp:
        run_settings = replace(settings, db=str(Path(tmp) / "eval.db"))
        from factiongraph.resolve.keys import make_key

        store = open_store(run_settings.db, key_fn=make_key)
        try:
            pipeline = Pipeline(run_settings)
            summary = pipeline.run([str(corpus_dir)], store)
            records = list(iter_records(store))
            scores = score(gold, records, corpus_dir)
            base = None
            if baseline:
                from factiongraph.nlp.baseline import baseline_records

                docs = list(store.iter_documents())
                base_records = [document_record(d) for d in docs]
                base_records.extend(baseline_records(docs, run_settings.spacy_model))
                base = score(gold, base_records, corpus_dir)
        finally:
            store.close()
    return {"factiongraph": scores, "baseline": base, "run": summary.to_dict()}
