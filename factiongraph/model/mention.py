"""Mentions: a span of text that names an entity."""

from __future__ import annotations

from dataclasses import dataclass

from factiongraph.model.entity import EntityType


@dataclass(slots=True)
class Mention:
    """A surface form found in a document. ``entity_id`` is what resolution linked it to."""

    doc_id: str
    start: int
    end: int
    text: str
    type: EntityType
    producer: str
    confidence: float = 1.0
    entity_id: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    in_content: bool = True
