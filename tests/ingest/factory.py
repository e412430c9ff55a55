"""Shared builders and constants for the ingest tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from factiongraph.model.document import RawDocument
from factiongraph.model.rejection import Rejection

FIXTURES = Path(__file__).parent / "fixtures"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
ARABIC = "أعلن المجلس المحلي إعادة فتح السوق"  # "the local council announced the market's reopening"
SLOW_SECONDS = 5.0
BIG_BYTES = 10_000
FROZEN = datetime(2025, 1, 7, 9, 30, 0, tzinfo=UTC)


def split_results(items: list[RawDocument | Rejection]) -> tuple[list[RawDocument], list[Rejection]]:
    """Return (documents, rejections) from an iter_inputs result list."""
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) + len(rejections) == len(items), "iter_inputs yielded something else"
    return docs, rejections
