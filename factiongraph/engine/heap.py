"""Keeping the garbage collector off the stages: they are built once and live as long as the process.

The knowledge base, spaCy's vocabulary and the rule indexes are some hundred thousand objects;
left in the collected generations, every full collection walks them all. The pipeline freezes
them for a run (:func:`long_lived_heap`), an engine's worker for its lifetime (:func:`freeze_heap`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Collect the youngest generation every this many new objects (CPython's default is 700). Parsing
# creates many short-lived objects; fewer, larger collections cost less in total.
GC_YOUNG_THRESHOLD = 10_000


def freeze_heap() -> tuple[int, int, int]:
    """Keep the collector off everything alive now; return the previous thresholds.

    Called once the stages are built. ``gc.freeze`` moves what is alive out of the collector's
    way (it is never freed anyway).
    """
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, thresholds[1], thresholds[2])
    return thresholds


@contextmanager
def long_lived_heap(build: Callable[[], None]) -> Iterator[None]:
    """Build the stages and freeze the heap for the run; restore the collector afterwards."""
    build()
    thresholds = freeze_heap()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
