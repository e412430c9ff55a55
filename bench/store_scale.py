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
from factiongraph.ingest import IngestOptions, iter_inputs, lsh_bands, minhash_signature
from factiongraph.model import Document, RawDocument
from factiongraph.model.ids import make_id
from factiongraph.model.result import DocumentResult


def _analysed(pipeline: Any, corpus: Path, limit: int) -> list[DocumentResult]:
    cleaner = pipeline.cleaner
    docs: list[Document] = []
    for item in iter_inputs([str(corpus)], IngestOptions()):
        if isinstance(item, RawDocument):
            doc = cleaner.clean(item)
            if isinstance(doc, Document):
                docs.append(doc)
        if len(docs) >= limit:
            break
    results = [r for r in pipeline.analyze_documents(docs) if isinstance(r, DocumentResult)]
    for r in results:
        content = " ".join(r.document.text[b.start:b.end] for b in r.document.content_spans())
        r.signature = minhash_signature(content)
        r.bands = lsh_bands(r.signature)
    return results


def _clone(result: DocumentResult, n: int, rng: random.Random) -> DocumentResult:
    """Return a copy under a new id and source, with its own MinHash signature.

    Distinct articles have unrelated signatures; identical clones would all collide in the
    near-duplicate index, which a real corpus (whose exact copies are skipped by hash) never does.
    """
    new = copy.deepcopy(result)
    new.signature = tuple(rng.getrandbits(63) for _ in result.signature)
    new.bands = lsh_bands(new.signature)
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
    """Store ``total`` analysed documents through the pipeline's per-document store path.

    Each is a clone of an analysed corpus document under a new id and source, so the work per
    document is real (near-duplicate lookup, event linking, one transaction) while the NLP is
    done once. Times each 1,000 and then the main queries.
    """
    from factiongraph.pipeline import Pipeline
    from factiongraph.resolve.keys import make_key
    from factiongraph.settings import Settings
    from factiongraph.store import open_store
    from factiongraph.store.views import entity_mentions, events_for, rank_entities

    pipeline = Pipeline(Settings())
    base = _analysed(pipeline, corpus, 100)
    rng = random.Random(3)
    out: dict[str, Any] = {"docs": total, "per_doc_ms_by_thousand": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "scale.db", key_fn=make_key)
        start = time.perf_counter()
        for n in range(total):
            pipeline.link_and_write(_clone(base[n % len(base)], n, rng), store)
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
        from bench.web_api import time_web_api

        out["queries"].update(time_web_api(Path(tmp) / "scale.db", top, names))
    return out
