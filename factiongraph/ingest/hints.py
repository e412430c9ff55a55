"""Container metadata -> ``Metadata`` hints: dates from feeds and JSON fields, names, languages.

Dates keep the calendar day as the container wrote it (``Thu, 25 Jun 2020 01:00 +0300`` is the
25th, not the 24th in UTC): the outlet's local date is what its readers saw.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from factiongraph.model.document import DatePrecision, Metadata

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def parse_published(value: object) -> tuple[str, DatePrecision] | None:
    """Return ``(iso_date, precision)`` for a container date, or None if it cannot be read.

    Accepts ISO 8601 (``2020``, ``2020-06``, ``2020-06-25``, ``2020-06-25T10:00:00Z``), RFC 2822
    (``Thu, 25 Jun 2020 10:00:00 +0300``) integer years (``2023``) and Unix timestamps in seconds or milliseconds.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and _MIN_YEAR <= value <= _MAX_YEAR:
        return str(value), DatePrecision.YEAR  # a bare year, not a timestamp in 1970
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            day = datetime.fromtimestamp(seconds, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
        return _checked(day.isoformat(), DatePrecision.DAY, day.year)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _YEAR.match(text):
        return _checked(text, DatePrecision.YEAR, int(match.group(1)))
    if match := _MONTH.match(text):
        if 1 <= int(match.group(2)) <= 12:
            return _checked(text, DatePrecision.MONTH, int(match.group(1)))
        return None
    if match := _DAY.match(text):
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
        return _checked(day.isoformat(), DatePrecision.DAY, day.year)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.date().isoformat(), DatePrecision.DAY, parsed.year)


def _checked(iso: str, precision: DatePrecision, year: int) -> tuple[str, DatePrecision] | None:
    """Return the pair only for a plausible year."""
    return (iso, precision) if _MIN_YEAR <= year <= _MAX_YEAR else None


def clean_name(value: object) -> str | None:
    """Return a stripped one-line string from a string or a list of strings, or None."""
    if isinstance(value, list | tuple):
        names = [n for n in (clean_name(v) for v in value) if n]
        return ", ".join(names) or None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def record_hints(record: dict[str, object]) -> Metadata:
    """Return hints from a JSON record's ``title``, ``author``, ``outlet``/``source_name``,
    ``published``/``date``, ``url``/``link`` and ``language``/``lang`` fields (first one present wins)."""
    url = clean_name(record.get("url") or record.get("link"))
    hints = Metadata(
        title=clean_name(record.get("title")),
        author=clean_name(record.get("author") or record.get("authors")),
        outlet=clean_name(record.get("outlet") or record.get("source_name")),
        language=clean_name(record.get("language") or record.get("lang")),
        url=url if url is not None and url.startswith(("http://", "https://")) else None,
    )
    for name in ("title", "author", "outlet", "url"):
        if getattr(hints, name):
            hints.basis[name] = "metadata: json record"
    for key in ("published", "date"):
        if record.get(key) in (None, ""):
            continue
        parsed = parse_published(record[key])
        if parsed is not None:
            hints.published, hints.published_precision = parsed
            hints.published_basis = f"metadata: json {key}"
        break
    return hints


def merge_hints(primary: Metadata, fallback: Metadata) -> Metadata:
    """Return ``primary`` with its empty fields filled from ``fallback`` (dates move as a unit)."""
    merged = Metadata(
        title=primary.title or fallback.title,
        author=primary.author or fallback.author,
        outlet=primary.outlet or fallback.outlet,
        section=primary.section or fallback.section,
        language=primary.language or fallback.language,
        url=primary.url or fallback.url,
    )
    for name in ("title", "author", "outlet", "section", "language", "url"):
        source = primary if getattr(primary, name) else fallback
        if name in source.basis:
            merged.basis[name] = source.basis[name]
    dated = primary if primary.published else fallback
    merged.published = dated.published
    merged.published_precision = dated.published_precision
    merged.published_basis = dated.published_basis
    return merged
