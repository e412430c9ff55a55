"""Store growth: write 10,000 analysed documents and time writes and the main queries."""

from __future__ import annotations

import copy
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from factiongraph.clean import Cleaner
from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model import Document, RawDocument
from factiongraph.model.ids import make_id
from factiongraph.model.result import DocumentResult


def _analysed(corpus: Path, limit: int) -> list[DocumentResult]:
    from factiongraph.pipeline import Pipeline
    from factiongraph.settings import Settings

    pipeline = Pipeline(Settings())
    cleaner = pipeline.cleaner
    docs: list[Document] = []
    for item in iter_inputs([str(corpus)], IngestOptions()):
        if isinstance(item, RawDocument):
            doc = cleaner.clean(item)
            if isinstance(doc, Document):
                docs.append(doc)
        if len(docs) >= limit:
            break
    return [r for r in pipeline.analyze_documents(docs) if isinstance(r, DocumentResult)]


def _clone(result: DocumentResult, n: int) -> DocumentResult:
    new = copy.deepcopy(result)
    doc_id = make_id("bench", result.document.doc_id, n)
    new.document = replace(result.document, doc_id=doc_id, source=f"bench://{n}", content_hash=doc_id)
    for m in new.mentions:
        m.doc_id = doc_id
    for claim in (*new.events, *new.relations, *new.quotes):
        claim.evidence = [replace(ev, doc_id=doc_id) for ev in claim.evidence]
    return new


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples) * 1000, samples[int(0.95 * (len(samples) - 1))] * 1000


def probe_store(corpus: Path, total: int) -> dict[str, Any]:
    """Write ``total`` documents (clones of analysed corpus documents); time each 1,000 and the queries."""
    from factiongraph.store import open_store
    from factiongraph.store.views import entity_mentions, events_for, rank_entities

    base = _analysed(corpus, 100)
    rng = random.Random(3)
    out: dict[str, Any] = {"docs": total, "per_doc_ms_by_thousand": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "scale.db")
        start = time.perf_counter()
        for n in range(total):
            store.write_result(_clone(base[n % len(base)], n))
            if (n + 1) % 1000 == 0:
                now = time.perf_counter()
                out["per_doc_ms_by_thousand"].append(round((now - start), 3))
                start = now
        out["per_doc_ms_by_thousand"] = [round(s, 3) for s in out["per_doc_ms_by_thousand"]]
        top = [r["entity_id"] for r in rank_entities(store, limit=30)]
        names = [r["name"] for r in rank_entities(store, limit=30)]
        timings: dict[str, list[float]] = {"entity profile": [], "full-text search": [], "events of an actor": []}
        for _ in range(200):
            entity_id, name = rng.choice(top), rng.choice(names)
            t = time.perf_counter()
            entity_mentions(store, entity_id, limit=50)
            timings["entity profile"].append(time.perf_counter() - t)
            t = time.perf_counter()
            store.search(f'"{name}"', limit=20)
            timings["full-text search"].append(time.perf_counter() - t)
            t = time.perf_counter()
            events_for(store, entity_id)
            timings["events of an actor"].append(time.perf_counter() - t)
        out["queries"] = {k: _percentiles(v) for k, v in timings.items()}
        store.close()
    return out
