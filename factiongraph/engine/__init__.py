"""Where the per-document stages (nlp, resolve, extract) run when they run in parallel.

Two engines behind one small interface, chosen by the ``engine`` setting: ``local`` (worker
processes on this machine, used when ``workers > 1``) and ``ray`` (Ray actors on a local Ray
instance or an existing cluster; the ``ray`` extra). Either way each worker builds the stages
once, analyses the batches it is handed, and gives the results back to the pipeline, which
writes them in input order through the store's single writer and runs the cross-document steps
(near-duplicates, event coreference) there. The engine never touches the store.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from factiongraph.model import Document, Rejection
from factiongraph.model.result import DocumentResult
from factiongraph.settings import Settings

ENGINES = ("local", "ray")


class InFlight(Protocol):
    """A batch being analysed."""

    def get(self) -> list[DocumentResult | Rejection]:
        """Wait for the batch; return its outcomes in input order."""
        ...


class Engine(Protocol):
    """Runs the per-document stages of batches somewhere else than the writing process."""

    def submit(self, docs: list[Document]) -> InFlight:
        """Start analysing a batch; the outcomes arrive through the returned handle."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


def start_engine(settings: Settings, today: date, apart: frozenset[frozenset[str]] = frozenset()) -> Engine:
    """Start the workers of ``settings.engine`` (``settings.workers`` of them); ``apart`` are the
    pairs of entity ids reviewers judged different, which the workers' resolvers never join."""
    if settings.engine == "ray":
        from factiongraph.engine.ray_engine import RayEngine

        return RayEngine(settings, today, apart)
    from factiongraph.engine.local import ProcessEngine

    return ProcessEngine(settings, today, apart)


def split(docs: list[Document], parts: int) -> list[list[Document]]:
    """Split a batch into at most ``parts`` consecutive chunks of nearly equal size."""
    size = max(1, -(-len(docs) // max(1, parts)))
    return [docs[i:i + size] for i in range(0, len(docs), size)]
