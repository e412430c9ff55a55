"""Provenance: where a claim was read, by which producer, how sure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Evidence:
    """A character span of a document that supports a claim.

    ``text`` is a cached snippet and always equals ``document.text[start:end]``.
    ``producer`` is a versioned name such as ``rule.kb-alias.v1``.
    """

    doc_id: str
    start: int
    end: int
    text: str
    producer: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, object]:
        """Return the interchange-format dict."""
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "producer": self.producer,
            "confidence": self.confidence,
        }
