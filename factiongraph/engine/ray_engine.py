"""The Ray engine: the per-document stages in Ray actors, on this machine or across a cluster.

``ingest --engine ray --workers N`` starts N actors; each builds the spaCy pipeline, the
knowledge base and the extractors once, then analyses chunks of the batches, taking the next
chunk whenever it is free.
The results come back to the driver, which writes them in input order through the store's
single writer (so a Ray run gives the same store as a local one). With the ``ray_address``
setting (or ``RAY_ADDRESS``) the actors run on that existing cluster, whose nodes need the same
factiongraph, model and knowledge-base files installed; otherwise a local Ray instance is
started on 127.0.0.1 with ``workers`` CPUs and no dashboard, and stopped at the end.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from concurrent.futures import Future
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


CHUNKS_PER_ACTOR = 2
"""A batch is cut into this many chunks per actor; each actor takes the next chunk when it is free."""


class RayEngine:
    """``settings.workers`` actors on a local Ray instance or the cluster at ``settings.ray_address``.

    Chunks are handed out as actors become free (a feeder thread per actor takes the next chunk
    from one queue), not pinned to an actor in turn: with pinned chunks an actor that was given
    the shorter articles sat idle until the driver had the whole batch back, which cost a third
    of the second worker's gain on two cores. The results still come back in input order.
    """

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
        self._queue: queue.Queue[tuple[list[Document], Future[list[DocumentResult | Rejection]]] | None] = queue.Queue()
        self._feeders = [threading.Thread(target=self._feed, args=(actor,), name=f"ray-feeder-{i}", daemon=True)
                         for i, actor in enumerate(self.actors)]
        for feeder in self._feeders:
            feeder.start()

    def submit(self, docs: list[Document]) -> _RayInFlight:
        """Queue a batch in chunks; the first free actor takes each chunk."""
        chunks = split(docs, CHUNKS_PER_ACTOR * len(self.actors))
        futures: list[Future[list[DocumentResult | Rejection]]] = []
        for chunk in chunks:
            future: Future[list[DocumentResult | Rejection]] = Future()
            futures.append(future)
            self._queue.put((chunk, future))
        return _RayInFlight(futures)

    def _feed(self, actor: Any) -> None:
        """Hand chunks from the queue to one actor, one at a time, until ``close``."""
        while (item := self._queue.get()) is not None:
            docs, future = item
            try:
                future.set_result(_analyze_on(actor, docs))
            except BaseException as exc:  # noqa: BLE001 - the driver waiting on it re-raises it
                future.set_exception(exc)

    def close(self) -> None:
        """Stop the actors (and the local Ray instance, if this engine started it)."""
        for _ in self._feeders:
            self._queue.put(None)
        for feeder in self._feeders:
            feeder.join()
        self._feeders = []
        for actor in self.actors:
            ray.kill(actor)
        self.actors = []
        if self._owns_ray:
            ray.shutdown()


def _analyze_on(actor: Any, docs: list[Document]) -> list[DocumentResult | Rejection]:
    """Analyse a chunk on one actor; a chunk whose actor failed becomes one rejection per document."""
    try:
        return list(ray.get(actor.analyze.remote(docs)))
    except ray.exceptions.RayError as exc:
        log.error("a Ray worker failed: %s", exc)
        reason = f"ray worker failed: {type(exc).__name__}"
        return [Rejection(d.source, RejectionReason.PIPELINE_ERROR, reason) for d in docs]


class _RayInFlight:
    """A batch being analysed by the actors: one future per chunk, in input order."""

    def __init__(self, futures: list[Future[list[DocumentResult | Rejection]]]) -> None:
        self._futures = futures

    def get(self) -> list[DocumentResult | Rejection]:
        """Wait for every chunk; return the outcomes in input order."""
        return [r for future in self._futures for r in future.result()]
