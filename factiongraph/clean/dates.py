"""Find and parse calendar dates in news text and in page addresses.

A small parser of our own (no dependency): "September 28, 2020", "28 September 2020",
"Sept. 28, 2020", "2020-09-28", ISO datetimes from meta tags, numeric dates in either day/month
order ("15/11/2019", "02/23/2012", "23.02.2012": see :mod:`factiongraph.model.numeric_dates`),
"Oct. 17", "June 25th", "October 2019", "in early March" and bare years ("in 2014"), and the date
paths of news addresses ("/2019/12/31/", "-2019-12-30", "/archives/2024/01/").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factiongraph.model import DatePrecision
from factiongraph.model.numeric_dates import NUMERIC_DATE, read_numeric

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

# Month names are matched with a capital initial: "may" the verb is not a month.
_MON = (
    r"(?P<mon>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?"
    r"|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?"
    r"|NOV(?:EMBER)?|DEC(?:EMBER)?))\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_END = r"(?![\w-])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(
        r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}{_END}")),
    ("dmy", re.compile(rf"\b{_DAY}(?:\s+(?:of\s+)?|-){_MON}(?:,?\s+|-){_YEAR}{_END}")),  # also "14-Jun-2023"
    ("my", re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}{_END}")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}{_END}(?!,?\s*\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}{_END}")),
    ("m", re.compile(
        rf"\b(?:in|since|early|late|mid|until|till|from|during|last|this|next|of|by)[\s-]+"
        rf"(?:(?:early|late|mid)[\s-]+)?{_MON}{_END}")),
    ("y", re.compile(rf"(?<![\d,.$£€-]){_YEAR}(?![\d,%-])(?!\s*(?:percent|per cent|people|fighters|members|troops|soldiers|km|kilometres|dollars))")),
)
# What each pattern cannot match without: a digit, a month name. A text that lacks one skips
# those patterns (most paragraphs have no month name, many no digit).
_NEEDS: dict[str, tuple[bool, bool]] = {
    "iso": (True, False), "mdy": (True, True), "dmy": (True, True), "my": (True, True),
    "md": (True, True), "dm": (True, True), "m": (False, True), "y": (True, False),
}
_DIGIT = re.compile(r"\d")
# Every _MON alternative starts with one of these (title or upper case) after a word boundary.
_MONTH_START = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
                          r"JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
# Bare years after these words are targets or plans ("by 2030"), not things that happened.
_FUTURE_BEFORE_YEAR = re.compile(r"\b(?:by|before|vision|plan|target)\s*$", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class DateMention:
    """A date written in a text: where, how, and the parts it fixes (None = not stated)."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    basis: str = ""
    """How a numeric or address date was read (day/month order); empty for written-out dates."""

    @property
    def precision(self) -> DatePrecision | None:
        """Return the precision of a mention that has a year, else None."""
        if self.year is None:
            return None
        if self.month is None:
            return DatePrecision.YEAR
        return DatePrecision.DAY if self.day is not None else DatePrecision.MONTH


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """Return the ISO 8601 form at the precision given (``2020``, ``2020-09``, ``2020-09-28``)."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mnum"):
        return int(groups["mnum"])
    return MONTHS[groups["mon"].lower().rstrip(".")]


def _is_valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year or 2000, month or 1, day)  # 2000 is a leap year: "Feb. 29" stays valid
    except ValueError:
        return False
    return True


def _build_mention(kind: str, match: re.Match[str], text: str) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = None if kind == "y" else _month_number(match)
    day = int(groups["day"]) if groups.get("day") else None
    if kind == "y" and _FUTURE_BEFORE_YEAR.search(text[max(0, match.start() - 12) : match.start()]):
        return None
    if not _is_valid(year, month, day):
        return None
    return DateMention(match.start(), match.end(), match.group(0), year, month, day)


def find_dates(text: str, order: str | None = None) -> list[DateMention]:
    """Return the non-overlapping date mentions in ``text``, in text order.

    More specific forms win: "Sept. 28, 2020" is one mention, not "Sept. 28" plus "2020".
    ``order`` (``dmy``/``mdy``) reads numeric dates whose day and month could be swapped; without
    it such a date gives its year only.
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_digit = _DIGIT.search(text) is not None
    has_month = _MONTH_START.search(text) is not None
    if has_digit and ("/" in text or "." in text or "-" in text):
        for match in NUMERIC_DATE.finditer(text):
            numeric = read_numeric(match, order)
            if numeric is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(match.start(), match.end(), match.group(0), numeric.year, numeric.month,
                                     numeric.day, numeric.basis))
    for kind, pattern in _PATTERNS:
        needs_digit, needs_month = _NEEDS[kind]
        if (needs_digit and not has_digit) or (needs_month and not has_month):
            continue
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            mention = _build_mention(kind, match, text)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return found


def parse_date(text: str, order: str | None = None) -> DateMention | None:
    """Return the first date with a year in ``text`` (a dateline, a meta value), or None."""
    for mention in find_dates(text, order):
        if mention.year is not None:
            return mention
    return None


_URL_YMD = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<s>[/-])(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?![\d])")
_URL_YM = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?:/|$)")
_URL_PACKED = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{0,14}(?=[/?#._-]|$)")


def date_from_url(url: str) -> DateMention | None:
    """Return the publication date a news address carries in its path, or None.

    Reads ``/2019/12/31/``, ``/2019-12-31`` and slugs ending ``-2019-12-30`` (day), ``/2024/01/``
    (month), and a path segment of digits that opens with a valid ``YYYYMMDD`` ("/20211107257614",
    an article number built from the day). The host, query and fragment are not read.
    """
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE).split("?", 1)[0].split("#", 1)[0]
    for pattern, basis in ((_URL_YMD, "the address's date path"), (_URL_PACKED, "the article number in the address opens with a date")):
        found = pattern.search(path)
        if found and _is_valid(int(found.group("y")), int(found.group("m")), int(found.group("d"))):
            year, month, day = int(found.group("y")), int(found.group("m")), int(found.group("d"))
            return DateMention(0, 0, found.group(0).strip("/"), year, month, day, basis)
    found = _URL_YM.search(path)
    if found and 1 <= int(found.group("m")) <= 12:
        return DateMention(0, 0, found.group(0).strip("/"), int(found.group("y")), int(found.group("m")), None,
                           "the address's date path")
    return None
