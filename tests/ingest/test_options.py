"""IngestOptions: settings slice and clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from factiongraph.ingest import IngestOptions
from factiongraph.settings import Settings


def test_from_settings_takes_the_ingest_slice() -> None:
    settings = replace(Settings(), max_document_bytes=123, http_timeout=4.5, user_agent="ua/2")
    opts = IngestOptions.from_settings(settings)
    assert (opts.max_document_bytes, opts.http_timeout, opts.user_agent) == (123, 4.5, "ua/2")


def test_fetched_at_is_utc_iso_from_the_clock() -> None:
    baghdad = timezone(timedelta(hours=3))
    opts = IngestOptions(clock=lambda: datetime(2024, 3, 1, 2, 15, 9, tzinfo=baghdad))
    assert opts.fetched_at() == "2024-02-29T23:15:09Z"
