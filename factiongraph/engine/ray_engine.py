"""The Ray engine: the per-document stages in Ray actors, on this machine or across a cluster.

``ingest --engine ray --workers N`` starts N actors; each builds the spaCy pipeline, the
knowledge base and the extractors once, then analyses the chunks of each batch it is handed.
The results come back to the driver, which writes them in input order through the store's
single writer (so a Ray run gives the same store as a local one). With the ``ray_address``
setting (or ``RAY_ADDRESS``) the actors run on that existing cluster, whose nodes need the same
factiongraph, model and knowledge-base files installed; otherwise a local Ray instance is
started on 127.0.0.1 with ``workers`` CPUs and no dashboard, and stopped at the end.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from typing import Any

import ray

from factiongraph.engine import split
from factiongraph.model import Document, Rejection, RejectionReason
from factiongraph.model.result import DocumentResult
from factiongraph.settings import Settings

log = logging.getLogger(__name__)

LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
"""Shared memory a local Ray instance reserves for results in transit (batches are small)."""


@ray.remote(num_cpus=1)
class Analyzer:
    """One worker: the stages built once, then any number of chunks analysed."""

    def __init__(self, settings: Settings, today: date) -> None:
        from factiongraph.engine.local import build_worker

        self.pipeline = build_worker(settings, today)

    def analyze(self, docs: list[Document]) -> list[DocumentResult | Rejection]:
        """Run nlp, resolve and extract over a chunk; a failing document becomes a rejection."""
        return self.pipeline.analyze_documents(docs)


class RayEngine:
    """``settings.workers`` actors on a local Ray instance or the cluster at ``settings.ray_address``."""

    def __init__(self, settings: Settings, today: date) -> None:
        self._owns_ray = False
        if not ray.is_initialized():
            # Ray reports usage to its authors by default; an analyst's closed network must not.
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            if settings.ray_address:
                ray.init(address=settings.ray_address, log_to_driver=False, logging_level=logging.WARNING)
            else:
                ray.init(address="local", num_cpus=settings.workers, include_dashboard=False,
                         _node_ip_address="127.0.0.1", object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                         log_to_driver=False, logging_level=logging.WARNING)
            self._owns_ray = True
        self.actors: list[Any] = [Analyzer.remote(settings, today) for _ in range(settings.workers)]  # type: ignore[attr-defined]

    def submit(self, docs: list[Document]) -> _RayInFlight:
        """Hand a batch to the actors, one chunk each."""
        chunks = split(docs, len(self.actors))
        refs = [actor.analyze.remote(chunk) for actor, chunk in zip(self.actors, chunks, strict=False)]
        return _RayInFlight(list(zip(chunks, refs, strict=True)))

    def close(self) -> None:
        """Stop the actors (and the local Ray instance, if this engine started it)."""
        for actor in self.actors:
            ray.kill(actor)
        self.actors = []
        if self._owns_ray:
            ray.shutdown()


class _RayInFlight:
    """A batch being analysed by the actors: one object reference per chunk."""

    def __init__(self, chunks: list[tuple[list[Document], Any]]) -> None:
        self._chunks = chunks

    def get(self) -> list[DocumentResult | Rejection]:
        """Wait for every chunk; a chunk whose actor died becomes one rejection per document."""
        out: list[DocumentResult | Rejection] = []
        for docs, ref in self._chunks:
            try:
                out.extend(ray.get(ref))
            except ray.exceptions.RayError as exc:
                log.error("a Ray worker failed: %s", exc)
                reason = f"ray worker failed: {type(exc).__name__}"
                out.extend(Rejection(d.source, RejectionReason.PIPELINE_ERROR, reason) for d in docs)
        return out
