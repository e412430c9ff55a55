"""The local engine: a pool of worker processes on this machine (``workers > 1``)."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from factiongraph.engine import split
from factiongraph.engine.heap import freeze_heap
from factiongraph.model import Document, Rejection
from factiongraph.model.result import DocumentResult
from factiongraph.settings import Settings

if TYPE_CHECKING:
    from factiongraph.pipeline import Pipeline


def build_worker(settings: Settings, today: date, apart: frozenset[frozenset[str]] = frozenset()) -> Pipeline:
    """Return a pipeline that analyses in this process, its stages built and frozen out of the collector's way."""
    from factiongraph.pipeline import Pipeline

    pipeline = Pipeline(replace(settings, workers=1, engine="local"), today=today)
    pipeline.apart = apart
    pipeline._build_stages()
    freeze_heap()  # for the worker's lifetime
    return pipeline


class ProcessEngine:
    """A forkserver pool; each process builds the stages once (``_init_worker``)."""

    def __init__(self, settings: Settings, today: date, apart: frozenset[frozenset[str]] = frozenset()) -> None:
        ctx = multiprocessing.get_context("forkserver")
        self.workers = settings.workers
        self._pool: Any = ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings, today, apart))

    def submit(self, docs: list[Document]) -> _PoolInFlight:
        """Hand a batch to the pool, one chunk per process."""
        return _PoolInFlight(self._pool.map_async(_worker_analyze, split(docs, self.workers)))

    def close(self) -> None:
        """Let the processes finish and stop them."""
        self._pool.close()
        self._pool.join()


class _PoolInFlight:
    """A batch being analysed in the worker pool."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def get(self) -> list[DocumentResult | Rejection]:
        """Wait for the batch; return its outcomes in input order."""
        return [r for chunk in self._handle.get() for r in chunk]


_WORKER: Pipeline | None = None


def _init_worker(settings: Settings, today: date, apart: frozenset[frozenset[str]]) -> None:
    """Build the stages once in each worker process."""
    global _WORKER
    _WORKER = build_worker(settings, today, apart)


def _worker_analyze(docs: list[Document]) -> list[DocumentResult | Rejection]:
    assert _WORKER is not None
    return _WORKER.analyze_documents(docs)
