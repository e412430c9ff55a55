"""Model values as the store's columns hold them, and ``events`` rows read back as events.

Shared by the write path (``claims.py``, ``writer.py``), the reads (``reads.py``,
``candidates.py``) and the migrations (``schema.py``); the PostgreSQL store writes the same values.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from factiongraph.model import Certainty, DatePrecision, Event, Evidence


def now() -> str:
    """Return the current UTC time as the store writes it (``first_seen``, ``created_at``, …)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def val(value: object) -> Any:
    """Return an enum's value (or the value itself)."""
    return getattr(value, "value", value)


def _plain(value: object) -> object:
    """Turn read-only mappings and sets (as KB attributes use) into JSON-ready values."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def to_json(value: object) -> str:
    """Return ``value`` as the JSON text a column holds (keys sorted, so equal values are equal texts)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def day_number(value: str) -> int | None:
    """Return the day number of an ISO date at any precision (its first day), None if it is not one."""
    try:
        return date.fromisoformat((value + "-01-01")[:10]).toordinal()
    except ValueError:
        return None


def event_from_row(r: sqlite3.Row, attrs: dict[str, Any], evidence: list[Evidence]) -> Event:
    """Return the event of an ``events`` row, without participants (see ``ClaimReads._attach_participants``)."""
    return Event(
        event_id=r["event_id"], type=r["type"], sub_type=r["sub_type"], date_start=r["date_start"],
        date_end=r["date_end"], date_precision=DatePrecision(r["date_precision"]) if r["date_precision"] else None,
        location_id=r["location_id"], location_name=r["location_name"], lat=r["lat"], lon=r["lon"],
        geo_precision=r["geo_precision"], actors=[], targets=[], counts=json.loads(r["counts"]),
        certainty=Certainty(r["certainty"]), attrs=attrs, evidence=evidence,
    )
