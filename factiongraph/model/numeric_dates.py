"""Numeric dates ("15/11/2019", "02/23/2012", "2012-02-23", "23.02.2012") read without guessing.

Shared by ``clean`` (datelines) and ``extract`` (event dates), so it lives with the plain data: pure
functions, no I/O. Day/month order is decided, in this order, by:

1. the value: a first number above 12 is a day ("23/02/2012"), a second one above 12 makes the
   first the month ("02/23/2012"); equal numbers need no decision;
2. a weekday written just before it ("Thursday, 11/03/2021": only 11 March 2021 is a Thursday);
3. the convention of the document or collection (``order``: ``dmy`` or ``mdy``), which callers
   take from a setting or from the unambiguous numeric dates of the same document or collection;
4. the latest day the date can denote (``latest``: the publication day for a past happening):
   "03/08/2021" in a report of 10 March 2021 is 8 March, since 3 August had not yet come;
5. nothing: with both readings possible and no convention, only the year is certain, and the
   result says so (precision ``year``) rather than pick one.

The ``basis`` of every result names which rule decided. Only four-digit years are read: "3/4/21"
has too many readings to be worth one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from dataclasses import dataclass

ORDERS = ("dmy", "mdy")
"""The day/month conventions a document or collection can have."""

NUMERIC_DATE = re.compile(
    r"(?<![\w./-])(?:"
    r"(?P<y1>(?:19|20)\d\d)(?P<s1>[-/.])(?P<m1>[01]?\d)(?P=s1)(?P<d1>[0-3]?\d)"
    r"|(?P<a>[0-3]?\d)(?P<s2>[-/.])(?P<b>[0-3]?\d)(?P=s2)(?P<y2>(?:19|20)\d\d)"
    r")(?![\w/-]|\.\d)"
)
"""``Y-M-D`` with any one separator, or ``A/B/Y`` (``-`` and ``.`` too) with a four-digit year."""


@dataclass(frozen=True, slots=True)
class NumericDate:
    """What a numeric date says: year always, month and day when the order is known."""

    year: int
    month: int | None
    day: int | None
    basis: str


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def read_numeric(match: re.Match[str], order: str | None = None, latest: date | None = None) -> NumericDate | None:
    """Return the date a :data:`NUMERIC_DATE` match denotes, or None when no reading is valid.

    Args:
        match: a match of :data:`NUMERIC_DATE`.
        order: ``dmy`` or ``mdy``: the convention used when both readings are valid.
        latest: the last day the date may denote (a past happening's publication day); with no
            convention, a reading after it is dropped.
    """
    if match.group("y1"):
        year, month, day = int(match.group("y1")), int(match.group("m1")), int(match.group("d1"))
        if not _valid(year, month, day):
            return None
        return NumericDate(year, month, day, "numeric year-month-day")
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y2"))
    dmy, mdy = _valid(year, b, a), _valid(year, a, b)
    written = match.group(0)
    if dmy and not mdy:
        return NumericDate(year, b, a, f"numeric day-month-year ({a} cannot be a month)")
    if mdy and not dmy:
        return NumericDate(year, a, b, f"numeric month-day-year ({b} cannot be a month)")
    if not dmy:
        return None
    if a == b:
        return NumericDate(year, a, a, "numeric date, day and month equal")
    weekday = _weekday_before(match)
    if weekday is not None:
        fits = [(m, d) for m, d in ((b, a), (a, b)) if calendar.weekday(year, m, d) == weekday]
        if len(fits) == 1:
            month, day = fits[0]
            return NumericDate(year, month, day, f"numeric date '{written}': only one reading falls on the weekday written with it")
    if order == "dmy":
        return NumericDate(year, b, a, f"numeric day-month-year by the convention of the document or collection ('{written}')")
    if order == "mdy":
        return NumericDate(year, a, b, f"numeric month-day-year by the convention of the document or collection ('{written}')")
    if latest is not None:
        past = [(m, d) for m, d in ((b, a), (a, b)) if date(year, m, d) <= latest]
        if len(past) == 1:
            month, day = past[0]
            return NumericDate(year, month, day, f"numeric date '{written}': the other reading falls after {latest.isoformat()}")
    return NumericDate(year, None, None, f"numeric date '{written}' reads as day-month or month-day: only the year is certain")


_WEEKDAY_BEFORE = re.compile(r"\b(?P<day>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|s|nesday|rsday|r|rs|urday)?"
                             r"\.?,?\s*$", re.IGNORECASE)
_WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _weekday_before(match: re.Match[str]) -> int | None:
    """Return the weekday (0 = Monday) written just before a numeric date ("Thursday, 11/03/2021",
    "Thu 11.03.2021"), or None."""
    found = _WEEKDAY_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    return _WEEKDAY_NUMBERS[found.group("day").lower()] if found else None


def document_order(text: str) -> str | None:
    """Return the day/month order the unambiguous numeric dates of ``text`` agree on, or None.

    "15/11/2019" shows ``dmy``; "02/23/2012" shows ``mdy``; a text showing both, or neither,
    has no convention.
    """
    seen: set[str] = set()
    for match in NUMERIC_DATE.finditer(text):
        if match.group("y1"):
            continue
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y2"))
        dmy, mdy = _valid(year, b, a), _valid(year, a, b)
        if dmy and not mdy:
            seen.add("dmy")
        elif mdy and not dmy:
            seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


COLLECTION_PREFIX = "auto/"
"""``auto/dmy``, ``auto/mdy``: the document's own convention, else the collection's (set by a run)."""


def choose_order(setting: str | None, text: str) -> str | None:
    """Return the order for ambiguous numeric dates: an explicit setting, else the document's own,
    else (for ``auto/dmy``, ``auto/mdy``) the convention of the collection the document came in."""
    if setting in ORDERS:
        return setting
    own = document_order(text)
    if own is None and setting is not None and setting.startswith(COLLECTION_PREFIX) \
            and setting[len(COLLECTION_PREFIX):] in ORDERS:
        return setting[len(COLLECTION_PREFIX):]
    return own


def collection_order(texts: Iterable[str], minimum: int = 2) -> tuple[str | None, int]:
    """Return the order the documents of a collection agree on, and how many show it.

    Each text votes with its own convention (:func:`document_order`); texts showing none do not
    vote. An order is returned only when at least ``minimum`` texts show it and none shows the
    other (an incident log whose "02/23/2012" entries make its "03/04/2012" ones March 4th);
    a mixed collection has none.
    """
    votes = dict.fromkeys(ORDERS, 0)
    for text in texts:
        own = document_order(text)
        if own is not None:
            votes[own] += 1
    shown = [order for order in ORDERS if votes[order]]
    if len(shown) == 1 and votes[shown[0]] >= minimum:
        return shown[0], votes[shown[0]]
    return None, sum(votes.values())
