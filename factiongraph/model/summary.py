"""What one ingest run did: documents by outcome, the claims stored, rejections by reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factiongraph.model.rejection import Rejection
from factiongraph.model.result import DocumentResult


@dataclass(slots=True)
class RunSummary:
    """What one run did: counts by outcome and rejections by reason (data, printed at the end)."""

    seen: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    superseded: int = 0
    words: int = 0
    mentions: int = 0
    events: int = 0
    relations: int = 0
    quotes: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    manifest: dict[str, Any] | None = None
    """The manifest's rows, how many matched and its problems, when the run had one."""
    date_convention: str | None = None
    """The day/month order the collection's numeric dates showed ("mdy (12 documents show it)"), if any."""

    @property
    def rejected(self) -> int:
        """Return the number of rejected inputs."""
        return len(self.rejections)

    def count_stored(self, result: DocumentResult, superseded: bool) -> None:
        """Count a document the run wrote, with its claims (``superseded``: it replaced an earlier version)."""
        self.stored += 1
        self.superseded += int(superseded)
        self.near_duplicates += int(result.document.near_duplicate_of is not None)
        self.words += len(result.document.text.split())
        self.mentions += len(result.mentions)
        self.events += len(result.events)
        self.relations += len(result.relations)
        self.quotes += len(result.quotes)

    def rejected_by_reason(self) -> dict[str, int]:
        """Return rejection counts keyed by reason code."""
        return dict(sorted(Counter(r.reason.value for r in self.rejections).items()))

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as plain data."""
        return {
            "seen": self.seen, "stored": self.stored, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates, "superseded": self.superseded, "words": self.words,
            "mentions": self.mentions, "events": self.events, "relations": self.relations, "quotes": self.quotes,
            "rejected": self.rejected, "rejected_by_reason": self.rejected_by_reason(),
            "rejections": [r.line() for r in self.rejections], "seconds": round(self.seconds, 2),
            "manifest": self.manifest, "date_convention": self.date_convention,
        }
