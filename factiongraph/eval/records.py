"""Predicted records (the JSON Lines interchange format) read into lookup tables for scoring.

The reader is lenient: a missing optional field takes its default and an unknown ``kind`` is
counted and skipped, because the scorer must report on imperfect runs rather than refuse them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlparse

logger = logging.getLogger(__name__)

Span = tuple[int, int]
CONTENT_PARTS = frozenset({"body", "caption"})


@dataclass(slots=True)
class PredictedDocument:
    """A predicted document: cleaned text, classified blocks and metadata."""

    doc_id: str
    source: str
    text: str
    blocks: list[tuple[str, int, int]]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None

    def content_share(self, span: Span) -> float:
        """Return the fraction of ``span`` covered by body or caption blocks.

        A document without blocks is treated as all body (the cleaner classified nothing).
        """
        start, end = span
        if end <= start:
            return 0.0
        if not self.blocks:
            return 1.0
        covered = sum(max(0, min(end, b_end) - max(start, b_start))
                      for part, b_start, b_end in self.blocks if part in CONTENT_PARTS)
        return covered / (end - start)

    def is_content(self, span: Span) -> bool:
        """Return True if most of ``span`` lies in body or caption blocks."""
        return self.content_share(span) > 0.5

    def is_line_bounded(self, span: Span) -> bool:
        """Return True if ``span`` fills its line (or block), ignoring surrounding spaces."""
        start, end = span
        edges = {b_start for _, b_start, _ in self.blocks} | {b_end for _, _, b_end in self.blocks}
        i = start
        while i > 0 and self.text[i - 1] in " \t" and i not in edges:
            i -= 1
        j = end
        while j < len(self.text) and self.text[j] in " \t" and j not in edges:
            j += 1
        left = i == 0 or self.text[i - 1] in "\r\n" or i in edges
        right = j >= len(self.text) or self.text[j] in "\r\n" or j in edges
        return left and right


@dataclass(slots=True)
class PredictedEvent:
    """The fields of an event record that are scored, with its evidence spans per document."""

    event_id: str
    type: str
    sub_type: str
    date_start: str | None
    location_id: str | None
    location_name: str | None
    actors: list[str]
    targets: list[str]
    certainty: str | None
    spans: dict[str, list[Span]]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class PredictedRelation:
    """A relation record: ends, predicate and the documents its evidence comes from."""

    subject_id: str
    predicate: str
    object_id: str
    doc_ids: list[str]


@dataclass(slots=True)
class PredictedQuote:
    """The scored fields of a quote record, with its evidence spans per document."""

    quote_id: str
    speaker_id: str | None
    speaker_role: str | None
    via_id: str | None
    about: list[str]
    spans: dict[str, list[Span]]


@dataclass(slots=True)
class PredictedRun:
    """Every predicted record, grouped by kind."""

    documents: list[PredictedDocument] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[PredictedEvent] = field(default_factory=list)
    relations: list[PredictedRelation] = field(default_factory=list)
    quotes: list[PredictedQuote] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def document_for(self, file: str) -> PredictedDocument | None:
        """Return the first document whose source basename is ``file`` (stem as a fallback)."""
        by_stem: PredictedDocument | None = None
        stem = file.rsplit(".", 1)[0]
        for doc in self.documents:
            name = source_basename(doc.source)
            if name == file:
                return doc
            if by_stem is None and name.rsplit(".", 1)[0] == stem:
                by_stem = doc
        return by_stem


def source_basename(source: str) -> str:
    """Return the file name at the end of a path or URL."""
    path = urlparse(source).path if "://" in source else source
    if "\\" in path:
        return PureWindowsPath(path).name
    return PurePosixPath(path).name


def read_records(records: Iterable[dict[str, Any]]) -> PredictedRun:
    """Group interchange records by kind into a ``PredictedRun``."""
    run = PredictedRun()
    for record in records:
        kind = record.get("kind") if isinstance(record, dict) else None
        if kind == "document":
            run.documents.append(read_document(record))
        elif kind == "entity" and record.get("entity_id") is not None:
            run.entities[str(record["entity_id"])] = record
        elif kind == "mention":
            run.mentions.append(record)
        elif kind == "event":
            run.events.append(read_event(record))
        elif kind == "relation":
            run.relations.append(PredictedRelation(
                subject_id=str(record.get("subject_id")),
                predicate=str(record.get("predicate")),
                object_id=str(record.get("object_id")),
                doc_ids=sorted(read_spans(record.get("evidence")).keys()),
            ))
        elif kind == "quote":
            run.quotes.append(PredictedQuote(
                quote_id=str(record.get("quote_id")),
                speaker_id=optional_str(record.get("speaker_id")),
                speaker_role=optional_str(record.get("speaker_role")),
                via_id=optional_str(record.get("via_id")),
                about=[str(a) for a in record.get("about") or []],
                spans=read_spans(record.get("evidence")),
            ))
        else:
            run.skipped[str(kind)] += 1
    if run.skipped:
        logger.warning("skipped records of unknown kind: %s", dict(run.skipped))
    return run


def read_document(record: dict[str, Any]) -> PredictedDocument:
    """Return the scored view of a document record."""
    blocks = []
    for block in record.get("blocks") or []:
        try:
            blocks.append((str(block["part"]), int(block["start"]), int(block["end"])))
        except (KeyError, TypeError, ValueError):
            logger.warning("document %s: ignoring malformed block %r", record.get("doc_id"), block)
    return PredictedDocument(
        doc_id=str(record.get("doc_id")),
        source=str(record.get("source") or ""),
        text=str(record.get("text") or ""),
        blocks=sorted(blocks, key=lambda b: (b[1], b[2])),
        title=optional_str(record.get("title")),
        author=optional_str(record.get("author")),
        outlet=optional_str(record.get("outlet")),
        published=optional_str(record.get("published")),
    )


def read_event(record: dict[str, Any]) -> PredictedEvent:
    """Return the scored view of an event record."""
    return PredictedEvent(
        event_id=str(record.get("event_id")),
        type=str(record.get("type") or ""),
        sub_type=str(record.get("sub_type") or ""),
        date_start=optional_str(record.get("date_start")),
        location_id=optional_str(record.get("location_id")),
        location_name=optional_str(record.get("location_name")),
        actors=[str(a) for a in record.get("actors") or []],
        targets=[str(t) for t in record.get("targets") or []],
        certainty=optional_str(record.get("certainty")),
        spans=read_spans(record.get("evidence")),
        counts={str(k): v for k, v in (record.get("counts") or {}).items() if isinstance(v, int)},
    )


def read_spans(evidence: Any) -> dict[str, list[Span]]:
    """Return the evidence spans of a record grouped by document id."""
    spans: dict[str, list[Span]] = {}
    for item in evidence or []:
        try:
            doc_id = str(item["doc_id"])
            span = (int(item["start"]), int(item["end"]))
        except (KeyError, TypeError, ValueError):
            continue
        spans.setdefault(doc_id, []).append(span)
    return spans


def optional_str(value: Any) -> str | None:
    """Return ``value`` as a string, or None for null and empty strings."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None
