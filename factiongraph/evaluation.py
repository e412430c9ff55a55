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
from factiongraph.eval.split import BLIND_PARTS, load_split, strip_details, subset_gold
from factiongraph.export.jsonl import document_record, iter_records
from factiongraph.ingest.manifest import load_manifest
from factiongraph.pipeline import Pipeline
from factiongraph.settings import Settings
from factiongraph.store import open_store

log = logging.getLogger(__name__)


def run_eval(gold_path: Path, corpus_dir: Path, settings: Settings, *, baseline: bool = False,
             manifest: Path | None = None, split: Path | None = None,
             show_blind_detail: bool = False) -> dict[str, Any]:
    """Ingest ``corpus_dir`` into a temporary store, run every stage, score against the gold.

    Args:
        gold_path: a gold/1 file.
        corpus_dir: the folder of documents the gold annotates.
        settings: the run's settings (its ``db`` is replaced by a temporary file).
        baseline: also score plain spaCy NER on the same cleaned documents.
        manifest: a metadata manifest applied while ingesting (as ``ingest --manifest``).
        split: a split file (``{"tune": [...], "check": [...]}``): the run is also scored per part.
        show_blind_detail: keep the item-level detail of blind parts (``check``) in the result.

    Returns:
        ``{"factiongraph": scores, "baseline": scores | None, "parts": {part: {"factiongraph":
        scores, "baseline": scores | None}} (empty without a split), "run": summary}``.

    Raises:
        GoldFormatError: the gold file or the split file is malformed.
        SourceError: the manifest cannot be read.
    """
    gold = load_gold(gold_path)
    parts = load_split(split) if split is not None else {}
    rows = load_manifest(manifest) if manifest is not None else None
    with tempfile.TemporaryDirectory(prefix="factiongraph-eval-") as tmp:
        run_settings = replace(settings, db=str(Path(tmp) / "eval.db"))
        from factiongraph.resolve.keys import make_key

        store = open_store(run_settings.db, key_fn=make_key)
        try:
            pipeline = Pipeline(run_settings)
            summary = pipeline.run([str(corpus_dir)], store, manifest=rows)
            records = list(iter_records(store))
            base_records = None
            if baseline:
                from factiongraph.nlp.baseline import baseline_records

                docs = list(store.iter_documents())
                base_records = [document_record(d) for d in docs]
                base_records.extend(baseline_records(docs, run_settings.spacy_model))
        finally:
            store.close()
    scores = score(gold, records, corpus_dir)
    base = score(gold, base_records, corpus_dir) if base_records is not None else None
    by_part: dict[str, dict[str, Any]] = {}
    for name, files in parts.items():
        part_gold = subset_gold(gold, files)
        part = {"factiongraph": score(part_gold, records, corpus_dir),
                "baseline": score(part_gold, base_records, corpus_dir) if base_records is not None else None}
        if name in BLIND_PARTS and not show_blind_detail:
            part = {k: strip_details(v) if v is not None else None for k, v in part.items()}
        by_part[name] = part
    if any(name in BLIND_PARTS for name in parts) and not show_blind_detail:
        # the whole-corpus scores would list the blind part's items too
        scores = strip_details(scores)
        base = strip_details(base) if base is not None else None
    return {"factiongraph": scores, "baseline": base, "parts": by_part, "run": summary.to_dict()}
