"""Options for the ingest stage: the small slice of settings it needs, plus an injectable clock."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from factiongraph.settings import Settings

NAME = "stage.ingest.v1"
"""Versioned producer name of this stage."""


def now_utc() -> datetime:
    """Return the current time in UTC (the default clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """What ``iter_inputs`` needs to know.

    Attributes:
        max_document_bytes: inputs larger than this are rejected as ``too-large`` before they are
            read in full (file size, ``Content-Length`` or a bounded read).
        http_timeout: seconds to wait on a socket operation; a whole response must also arrive
            within about twice this time.
        user_agent: the ``User-Agent`` header sent with every request.
        proxies: scheme -> proxy URL for HTTP requests. Empty means "connect directly"; proxy
            environment variables are deliberately not read (library code never reads the env).
        allow_private_urls: fetch from hosts on loopback, private or link-local addresses too
            (refused by default: ``addresses.py``).
        clock: returns the current UTC time; stamped as ``fetched_at`` on fetched documents.
    """

    max_document_bytes: int = 5_000_000
    http_timeout: float = 20.0
    user_agent: str = "factiongraph/0.1"
    proxies: Mapping[str, str] = field(default_factory=dict)
    allow_private_urls: bool = False
    clock: Callable[[], datetime] = now_utc

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestOptions:
        """Return options from the ``max_document_bytes``, ``http_timeout``, ``user_agent`` and
        ``allow_private_urls`` settings."""
        return cls(max_document_bytes=settings.max_document_bytes, http_timeout=settings.http_timeout,
                   user_agent=settings.user_agent, allow_private_urls=settings.allow_private_urls)

    def fetched_at(self) -> str:
        """Return the clock's time as an ISO 8601 UTC timestamp (``2024-05-01T12:00:00Z``)."""
        return self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
