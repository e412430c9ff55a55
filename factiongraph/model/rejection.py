"""Rejections: an input a stage declined, with a stable reason code and a one-line detail."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RejectionReason(StrEnum):
    """Stable reason codes, counted in run summaries."""

    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    UNSUPPORTED = "unsupported-type"
    BAD_JSON = "bad-json"
    UNREACHABLE = "unreachable"
    HTTP_ERROR = "http-error"
    BAD_FEED = "bad-feed"
    NO_CONTENT = "no-content"
    MALFORMED = "malformed"
    PIPELINE_ERROR = "pipeline-error"


@dataclass(slots=True, frozen=True)
class Rejection:
    """An input that was not stored: where it came from, why, and a human-readable detail."""

    source: str
    reason: RejectionReason
    detail: str

    def line(self) -> str:
        """Return the one-line message shown to users."""
        return f"rejected {self.source}: {self.reason.value}: {self.detail}"
