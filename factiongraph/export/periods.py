"""ISO dates at a precision (``2020``, ``2020-06``, ``2020-06-25``) as the periods they name.

Formats with full timestamps (STIX) or full dates (GEXF) need the first and the last day of a
period; the interchange format keeps the date as written, at its precision.
"""

from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parts(date: str) -> tuple[int, int | None, int | None] | None:
    match = _DATE.match(date)
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return year, month, day


def first_day(date: str | None) -> str | None:
    """Return the first day (``YYYY-MM-DD``) of the period an ISO date names, or None if unreadable."""
    parts = _parts(date) if date else None
    if parts is None:
        return None
    year, month, day = parts
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"


def last_day(date: str | None) -> str | None:
    """Return the last day (``YYYY-MM-DD``) of the period an ISO date names, or None if unreadable."""
    parts = _parts(date) if date else None
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    return f"{year:04d}-{month:02d}-{day or calendar.monthrange(year, month)[1]:02d}"


def in_window(date: str | None, since: str | None, until: str | None) -> bool:
    """Return True when ``date`` is on or after ``since`` and on or before ``until``.

    The same rule as ``factiongraph events``: ``since`` compares as a string, ``until`` as a prefix
    (``--until 2020-07`` keeps every day of July). An undated record is outside any window.
    """
    if since is None and until is None:
        return True
    if not date:
        return False
    if since is not None and date < since:
        return False
    if until is not None and date[: len(until)] > until:
        return False
    return True


def stix_time(day: str, end: bool = False) -> str:
    """Return a STIX timestamp (millisecond precision, UTC) at the start or end of a day."""
    return f"{day}T23:59:59.999Z" if end else f"{day}T00:00:00.000Z"
