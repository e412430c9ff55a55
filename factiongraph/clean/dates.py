"""Find and parse calendar dates in news text, and infer a publication date from them.

A small parser of our own (no dependency): "September 28, 2020", "28 September 2020",
"Sept. 28, 2020", "2020-09-28", ISO datetimes from meta tags, "Oct. 17", "June 25th",
"October 2019", "in early March" and bare years ("in 2014").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factiongraph.model import DatePrecision

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
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}{_END}")),
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


def find_dates(text: str) -> list[DateMention]:
    """Return the non-overlapping date mentions in ``text``, in text order.

    More specific forms win: "Sept. 28, 2020" is one mention, not "Sept. 28" plus "2020".
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_digit = _DIGIT.search(text) is not None
    has_month = _MONTH_START.search(text) is not None
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


def parse_date(text: str) -> DateMention | None:
    """Return the first date with a year in ``text`` (a dateline, a meta value), or None."""
    for mention in find_dates(text):
        if mention.year is not None:
            return mention
    return None


@dataclass(slots=True, frozen=True)
class PublishedGuess:
    """An inferred publication date: ISO value, precision and the reason given to users."""

    value: str
    precision: DatePrecision
    basis: str


def _latest_month(months: Sequence[int]) -> tuple[int, bool]:
    """Return the latest of yearless months and whether the set wraps over a new year.

    {1, 6, 10} -> 10; {1, 10} -> 10; {11, 12, 1} -> 1 (only late-year months with early-year
    months across a wide gap read as December before January).
    """
    ordered = sorted(set(months))
    gaps = [(ordered[i + 1] - ordered[i], i) for i in range(len(ordered) - 1)]
    widest = max(gaps, default=(0, 0))
    if widest[0] >= 6 and ordered[-1] >= 11 and ordered[widest[1]] <= 2:
        return ordered[widest[1]], True
    return ordered[-1], False


def infer_published(parts: Sequence[tuple[str, bool]]) -> PublishedGuess | None:
    """Infer when an article was written from the dates it mentions.

    Args:
        parts: the article's content in document order, as ``(text, is_caption)`` pairs.

    Returns:
        A lower-bound estimate with its reason, or None when the text writes no year at all.

    News style writes the year of a date only when it is not the current year ("Oct. 17" this
    year, "October 2019" another year). So yearless month mentions place the article in the
    publication year, and that year comes after every month-dated year written in the text (and
    not before any bare year). Exception: yearless dates just after a body date written with
    its year and day ("On Sept. 13, 2020 ... On Sept. 25") stay in that year. A date in a photo caption
    is weaker evidence (photos are often older): it only bounds the year, and a result that
    rests on it is given at year precision.
    """
    mentions = [(m, cap) for text, cap in parts for m in find_dates(text)]
    dated = [(m, cap) for m, cap in mentions if m.year is not None]
    yearless = [m for m, _cap in mentions if m.year is None and m.month is not None]
    if not dated:
        return None
    latest, latest_caption = max(dated, key=lambda mc: (_sort_key(mc[0]), not mc[1]))
    assert latest.year is not None
    if not yearless:
        where = " in a photo caption" if latest_caption else ""
        basis = f"inferred: not before the latest year written, {latest.year} ('{latest.text.strip()}'{where})"
        return PublishedGuess(format_date(latest.year), DatePrecision.YEAR, basis)
    month, _wraps = _latest_month([m.month for m in yearless if m.month is not None])
    names = ", ".join(repr(m.text.strip().rstrip(".")) for m in yearless[:4])
    body_dated = [m for m, cap in dated if not cap and m.month is not None]
    recent = max(body_dated, key=_sort_key, default=None)
    if recent is not None and recent is latest and recent.day is not None and all(0 <= (m.month or 0) - (recent.month or 0) < 3 for m in yearless):
        assert recent.year is not None
        year = recent.year
        basis = f"inferred: yearless dates ({names}) follow '{recent.text.strip()}' in the same year"
        return PublishedGuess(format_date(year, month), DatePrecision.MONTH, basis)
    year = latest.year + 1
    where = " (a photo caption, weaker: photos are often older)" if latest_caption else ""
    basis = (
        f"inferred: yearless dates ({names}) are in the publication year, which follows "
        f"'{latest.text.strip()}'{where}, written with its year; at least {year}"
    )
    if latest_caption:
        return PublishedGuess(format_date(year), DatePrecision.YEAR, basis)
    return PublishedGuess(format_date(year, month), DatePrecision.MONTH, basis)


def _sort_key(mention: DateMention) -> tuple[int, int, int]:
    return (mention.year or 0, mention.month or 0, mention.day or 0)
