"""Temporal anchoring: find date expressions and normalise them against the publication date.

Pure functions, no spaCy. :func:`find_dates` scans a text and returns every date expression with
its normalised value (``DateValue``: first day, last day, precision) and the basis of that value
(explicit, publication, text-year, relative). Expressions that count from another event ("four
days after the raid", "a day prior") come back unresolved with ``offset_days`` and ``reference``;
:func:`shift_date` resolves them once the caller knows the reference event's date.

Invariant (property-tested): a value never ends after the publication date unless the text
states a future ("next week", "tomorrow", "in the coming days"); then ``basis`` starts with
``future``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from factiongraph.model.document import DatePrecision
from factiongraph.model.numeric_dates import NUMERIC_DATE, read_numeric

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}

_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
          r"June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|"
          r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_PREP = r"(?i:in|since|during|until|till|by|from|of|around|before|after|through|throughout)"
_WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY = r"(?P<weekday>" + _WEEKDAY_NAMES + ")"
_FUTURE_CUE = re.compile(r"\b(?:will|shall|is due|are due|scheduled|is set to|are set to|plans? to|planned)\b"
                         r"(?:(?!\b(?:after|following|since|because|when|despite|amid)\b)[^.;])*$", re.I)


# A weekday written before a date belongs to it ("Saturday, October 26", "Friday (April 9th)").
_ON_WEEKDAY = r"(?:(?P<wd>" + _WEEKDAY_NAMES + r")(?:\s+(?:morning|afternoon|evening|night))?\s*(?:,\s*|\(\s*|\s+))?"

# Order matters: earlier patterns win where matches overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b")),
    ("numeric", NUMERIC_DATE),
    # "26-27 February", "February 26-27, 2021", "from 3 to 5 March": the days of one span
    ("dm_range", re.compile(r"\b(?:(?P<span>(?i:from|between))\s+)?(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?P<conn>[-\u2013]|\s(?:to|and|until)\s)\s*"
                            + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+" + _YEAR + r"\b)?")),
    ("md_range", re.compile(r"\b(?:(?P<span>(?i:from|between))\s+)?" + _MONTH + r"\s+(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s*"
                            r"(?P<conn>[-\u2013]|\s(?:to|and|until)\s)\s*" + _DAY + r"\b(?![\d:])(?:,?\s+" + _YEAR + r"\b)?")),
    ("mdy", re.compile(r"\b" + _ON_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")),
    ("dmy", re.compile(r"\b" + _ON_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("since_my", re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I)),
    ("since_m", re.compile(r"\b(?i:since)\s+(?:early\s+|late\s+|mid-?)?" + _MONTH + r"(?![\w])(?!\s+[0-3]?\d\b)")),
    ("since_y", re.compile(r"\b(?i:since)\s+" + _YEAR + r"\b")),
    # "June 11: militants fired ..." labels a paragraph; "June 11:30" is no date
    ("md", re.compile(r"\b" + _ON_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b(?!,?\s+(?:19|20)\d\d)(?!\d|:\d)")),
    ("dm", re.compile(r"\b" + _ON_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s+(?:19|20)\d\d)")),
    ("m_last_year", re.compile(r"\b(?:(?i:in|during|since)\s+)?(?:(?i:early|late|mid)[\s-]+)?" + _MONTH
                               + r"\s+(?:of\s+)?last\s+year\b")),
    ("m_that_year", re.compile(r"\b(?:(?i:in|during|by)\s+)?(?:(?i:early|late|mid)[\s-]+)?" + _MONTH
                               + r"\s+(?:of\s+)?(?i:that|the\s+same)\s+year\b")),
    ("that_year", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:in\s+)?(?:that|the\s+same)\s+year\b", re.I)),
    ("last_month_name", re.compile(r"\b(?i:last)\s+" + _MONTH + r"(?![\w])(?!\s+[0-3]?\d\b)")),
    ("my", re.compile(r"\b(?:(?i:early|late|mid)[\s-]+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("m", re.compile(r"\b" + _PREP + r"\s+(?:(?i:early|late|mid)[\s-]+)?" + _MONTH + r"(?![\w])")),
    ("y", re.compile(r"\b" + _PREP + r"\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?" + _YEAR + r"\b(?!\d)")),
    # "the 2019 killing", "Soleimani's 2020 assassination": the year of the noun it stands before
    ("y_attr", re.compile(r"(?:(?<=\b[Tt]he )|(?<=\b[Ii]ts )|(?<=\b[Tt]heir )|(?<=['\u2019]s ))" + _YEAR
                          + r"(?=\s+[a-z])")),
    ("future", re.compile(r"\b(?P<fut>tomorrow|next\s+(?:week|month|year|" + _WEEKDAY_NAMES + r")|"
                          r"in\s+the\s+coming\s+(?:days|weeks|months)|later\s+this\s+(?:week|month|year))\b", re.I)),
    ("ago", re.compile(r"\b" + _NUM + r"\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago\b", re.I)),
    ("rel_event", re.compile(
        r"\b(?:(?:" + _NUM + r"\s+(?P<unit>day|days|week|weeks))\s+(?P<dir>after|later|before|earlier|prior)"
        r"(?:\s+(?:the|that|this)\s+(?P<ref>[a-z]+))?"
        r"|(?:(?:only|just|a\s+few|several|some|two|three|\d+)\s+)?(?P<hours>minutes|hours|moments)\s+"
        r"(?P<dir3>after|later|before|earlier|prior)"
        r"(?:(?=\s+(?:the|that|this|[A-Z][\w-]*['\u2019]s)\s+(?P<ref2>[a-z]+))|\s+that\b)?"
        r"|within\s+(?P<hours2>minutes|hours)\s+of(?=\s+(?:the|that|this|[A-Z][\w-]*['\u2019]s)\s+(?P<ref3>[a-z]+))"
        r"|the\s+(?P<adj>next|following|previous|preceding)\s+day|the\s+day\s+(?P<dir2>before|after)(?!\s+yesterday))\b", re.I)),
    ("same_day", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:day|night|morning|afternoon|"
                            r"evening)\b|\blater\s+in\s+the\s+(?:day|evening|afternoon)\b"
                            # "Later, he addressed the nation": a sentence that opens on a bare "Later"
                            r"|(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n)|^)(?-i:Later)(?=,?\s+(?!this\b|that\b|in\b|on\b|"
                            r"the\b|next\b|last\b|that\b|years?\b|months?\b|weeks?\b)[A-Za-z])", re.I)),
    # "on Monday and Tuesday", "from Saturday to Monday", "between Sunday and Tuesday": consecutive days
    ("weekday_range", re.compile(r"\b(?:(?P<span>(?i:from|between))\s+)?" + _WEEKDAY
                                 + r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?P<conn>and|to|until|through|into)\s+"
                                 r"(?P<weekday2>" + _WEEKDAY_NAMES + r")\b")),
    ("weekday_last_week", re.compile(r"\b" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?"
                                      r"(?i:last\s+week)\b|\b(?i:last\s+week\s+on)\s+(?P<weekday2>" + _WEEKDAY_NAMES
                                      + r")\b")),
    ("weekend", re.compile(r"\b(?:(?:over|during|at|on)\s+the\s+|(?:last|this|past)\s+|the\s+)?weekend\b", re.I)),
    ("last_period", re.compile(r"\b(?P<which>last|this|earlier\s+this|past|(?:earlier|later)\s+in\s+the)\s+"
                               r"(?P<unit>week|month|year)\b", re.I)),
    ("recent", re.compile(
        r"\b(?:(?:in|over|during|for|of)\s+)?(?:the\s+)?(?:past|last|recent)\s+(?:(?P<qty>few|several|couple\s+of|"
        r"\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(?P<unit>days|weeks|months|years|hours)\b", re.I)),
    ("recent2", re.compile(r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months|years)\b", re.I)),
    ("dayword", re.compile(r"\b(?P<dw>(?:the\s+day\s+before\s+)?yesterday|today|tonight|last\s+night|overnight(?!\s+(?:on|into|to|from|between|of)\b)|this\s+(?:morning|afternoon|"
                           r"evening))\b", re.I)),
    # "on the 7th": a day of the publication month (or the month before, when it would follow it)
    ("ordinal_day", re.compile(r"(?<=\b[Oo]n )the\s+(?P<oday>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])"
                               r"(?!\s+(?:day|anniversary|floor|time|century|brigade|division|regiment|battalion)\b)")),
    ("weekday", re.compile(r"\b(?:(?P<last>(?i:last|this\s+past|past))\s+)?" + _WEEKDAY
                           + r"(?:\s+(?:morning|afternoon|evening|night))?\b")),
]


_MONTH_WORDS = ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                "november", "dec", "december")
_PREP_WORDS = ("in", "since", "during", "until", "till", "by", "from", "of", "around", "before", "after",
               "through", "throughout")
_DIGIT = "<digit>"  # any word that starts with a digit
_NUM_WORDS = (_DIGIT, *NUMBER_WORDS)
# The words each pattern can start with (lowercased; the month and number words are exactly those
# of _MONTH and _NUM, which are always followed by a non-word character). Every pattern opens with
# \b and a word character, so a match starts where a word starts, and only at words listed here:
# scan_dates tries a pattern only there (one pass over the words instead of 22 over every
# character). A property test checks the result against a full scan.
_FIRST_WORDS: dict[str, tuple[str, ...]] = {
    "iso": (_DIGIT,), "numeric": (_DIGIT,), "dm_range": ("from", "between", _DIGIT),
    "md_range": ("from", "between", *_MONTH_WORDS), "ordinal_day": ("the",), "mdy": (*_MONTH_WORDS, *WEEKDAYS), "dmy": (_DIGIT, *WEEKDAYS),
    "since_my": ("since",), "since_m": ("since",),
    "since_y": ("since",), "md": (*_MONTH_WORDS, *WEEKDAYS), "dm": (_DIGIT, *WEEKDAYS),
    "m_last_year": ("in", "during", "since", "early", "late", "mid", *_MONTH_WORDS),
    "m_that_year": ("in", "during", "by", "early", "late", "mid", *_MONTH_WORDS),
    "that_year": ("later", "earlier", "in", "that", "the"),
    "last_month_name": ("last",), "my": ("early", "late", "mid", *_MONTH_WORDS), "m": _PREP_WORDS,
    "y": _PREP_WORDS, "y_attr": (_DIGIT,), "future": ("tomorrow", "next", "in", "later"), "ago": _NUM_WORDS,
    "rel_event": (*_NUM_WORDS, "the", "only", "just", "several", "some", "minutes", "hours", "moments", "within"), "same_day": ("later", "earlier", "that", "the"),
    "weekend": ("over", "during", "at", "on", "last", "this", "past", "the", "weekend"),
    "weekday_range": ("from", "between", *WEEKDAYS),
    "weekday_last_week": (*WEEKDAYS, "last"),
    "last_period": ("last", "this", "earlier", "later", "past"),
    "recent": ("in", "over", "during", "for", "of", "the", "past", "last", "recent"),
    "recent2": ("in", "recent"), "dayword": ("the", "yesterday", "today", "tonight", "last", "overnight", "this"),
    "weekday": (*WEEKDAYS, "last", "this", "past"),
}
_WORD_START = re.compile(r"\b\w+")


def _kinds_by_first_word() -> dict[str, tuple[str, ...]]:
    """Return word -> the pattern kinds that can start with it."""
    out: dict[str, list[str]] = {}
    for kind, words in _FIRST_WORDS.items():
        for word in words:
            out.setdefault(word, []).append(kind)
    return {word: tuple(kinds) for word, kinds in out.items()}


_KINDS_OF = _kinds_by_first_word()


def _pattern_starts(text: str) -> dict[str, list[int]]:
    """Return, for each pattern kind, the offsets in ``text`` where a match could start."""
    starts: dict[str, list[int]] = {}
    for w in _WORD_START.finditer(text):
        word = w.group()
        for kind in _KINDS_OF.get(_DIGIT if word[0].isdigit() else word.lower(), ()):
            starts.setdefault(kind, []).append(w.start())
    return starts


@dataclass(frozen=True, slots=True)
class Anchor:
    """What dates are normalised against: the publication date at its precision.

    ``published`` is the first day of the published period (the day, month or year), ``None``
    when unknown. ``year_hint`` is used when the publication date is unknown.
    """

    published: date | None
    precision: DatePrecision | None
    year_hint: int | None = None
    numeric_order: str | None = None
    """``dmy``/``mdy``: how to read numeric dates whose day and month could be swapped."""
    ceiling: date | None = None
    """The latest possible day when the publication date is unknown (the day of ingest)."""

    @property
    def latest(self) -> date | None:
        """Return the last day the publication could fall on (the ingest day when it is unknown)."""
        if self.published is None:
            return self.ceiling
        return period_end(self.published, self.precision or DatePrecision.DAY)


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date: the first and last day it may denote, and its precision."""

    start: date
    end: date
    precision: DatePrecision

    @property
    def iso_start(self) -> str:
        """Return ``start`` written at the value's precision."""
        return format_date(self.start, self.precision)

    @property
    def iso_end(self) -> str:
        """Return ``end`` written at the value's precision."""
        return format_date(self.end, self.precision)

    def contains(self, other: DateValue) -> bool:
        """Return True if ``other`` lies inside this value's span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: DateValue) -> bool:
        """Return True if the two spans share a day."""
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression in a text: span, normalised value (or None) and how it was obtained."""

    start: int
    end: int
    text: str
    kind: str
    value: DateValue | None
    basis: str
    offset_days: int | None = None
    reference: str | None = None
    filing: bool = False
    """A wire dateline's date ("BAGHDAD, March 3 (Reuters) -"): the day the report was filed."""
    scope_end: int | None = None
    """The date belongs only to the words before this offset ("the 2019 killing": the killing)."""

    @property
    def is_relative_to_event(self) -> bool:
        """Return True if the value must come from another event's date."""
        return self.offset_days is not None


def format_date(day: date, precision: DatePrecision) -> str:
    """Return ISO 8601 at ``precision`` (``2020-06-25``, ``2020-06``, ``2020``)."""
    if precision is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def period_end(start: date, precision: DatePrecision) -> date:
    """Return the last day of the day/month/year that starts at ``start``."""
    if precision is DatePrecision.YEAR:
        return date(start.year, 12, 31)
    if precision is DatePrecision.MONTH:
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def parse_published(published: str | None, precision: DatePrecision | str | None = None) -> Anchor:
    """Return the Anchor for a document's ``published`` string (``YYYY[-MM[-DD]]`` or None)."""
    if not published:
        return Anchor(None, None)
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if not m:
        return Anchor(None, None)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day and month:
            return Anchor(date(year, int(month), int(day)), DatePrecision.DAY)
        if month:
            return Anchor(date(year, int(month), 1), DatePrecision.MONTH)
        return Anchor(date(year, 1, 1), DatePrecision.YEAR)
    except ValueError:
        return Anchor(None, None)


def value_of(start: date, precision: DatePrecision, end: date | None = None) -> DateValue:
    """Return the DateValue for a period starting at ``start`` (or the span to ``end``)."""
    return DateValue(start, end if end is not None else period_end(start, precision), precision)


def shift_date(reference: DateValue, days: int) -> DateValue:
    """Return ``reference`` moved by ``days``; a day-precision date stays a day."""
    if reference.precision is DatePrecision.DAY:
        return value_of(reference.start + timedelta(days=days), DatePrecision.DAY)
    return DateValue(reference.start + timedelta(days=min(days, 0)),
                     reference.end + timedelta(days=max(days, 0)), reference.precision)


def clamp_to_publication(value: DateValue, anchor: Anchor) -> DateValue:
    """Return ``value`` with its end cut at the latest publication day (start kept <= end)."""
    latest = anchor.latest
    if latest is None or value.end <= latest:
        return value
    start = min(value.start, latest)
    return DateValue(start, latest, value.precision)


def _month_number(token: str) -> int:
    return MONTHS[token.strip(".").lower()[:3]]


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _year_for(month: int, day: int | None, anchor: Anchor) -> tuple[int | None, str]:
    """Return the year of a yearless month (and day) and the basis that gave it."""
    if anchor.published is None:
        if anchor.year_hint is None:
            return None, "no year: publication date unknown"
        return anchor.year_hint, f"text-year: {anchor.year_hint}"
    latest = anchor.latest
    assert latest is not None
    year = anchor.published.year
    first = _safe_date(year, month, day or 1)
    if first is not None and first > latest:
        return year - 1, "publication: previous year (date would follow publication)"
    return year, "publication year"


def _resolve(kind: str, m: re.Match[str], anchor: Anchor) -> tuple[DateValue | None, str, int | None, str | None]:
    """Return (value, basis, offset_days, reference) for one regex match of ``kind``."""
    g = m.groupdict()
    pub = anchor.published
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["dnum"]))
        return (value_of(d, DatePrecision.DAY) if d else None), "explicit", None, None
    if kind == "numeric":
        numeric = read_numeric(m, anchor.numeric_order, anchor.latest)
        if numeric is None:
            return None, "numeric: no valid reading", None, None
        if numeric.month is None or numeric.day is None:
            return value_of(date(numeric.year, 1, 1), DatePrecision.YEAR), f"explicit: {numeric.basis}", None, None
        return value_of(date(numeric.year, numeric.month, numeric.day), DatePrecision.DAY), \
            f"explicit: {numeric.basis}", None, None
    if kind in ("mdy", "dmy"):
        d = _safe_date(int(g["year"]), _month_number(g["month"]), int(g["day"]))
        return (value_of(d, DatePrecision.DAY) if d else None), "explicit", None, None
    if kind == "my":
        return value_of(date(int(g["year"]), _month_number(g["month"]), 1), DatePrecision.MONTH), "explicit", None, None
    if kind in ("y", "y_attr"):
        return value_of(date(int(g["year"]), 1, 1), DatePrecision.YEAR), "explicit", None, None
    if kind in ("md_range", "dm_range"):
        month, first_day, last_day = _month_number(g["month"]), int(g["day1"]), int(g["day"])
        if g["conn"].strip() and g["conn"].strip() not in "-\u2013" and not g.get("span"):
            # "on March 3 and 12 people died": a span only as "from 3 to 5", "between 3 and 5"
            first_day = last_day if kind == "dm_range" else first_day
            last_day = first_day
        span_year, basis = (int(g["year"]), "explicit") if g.get("year") else _year_for(month, last_day, anchor)
        first = _safe_date(span_year, month, first_day) if span_year is not None else None
        last = _safe_date(span_year, month, last_day) if span_year is not None else None
        if first is None or last is None or last < first:
            return None, f"{kind}: no valid span" if span_year is not None else basis, None, None
        return DateValue(first, last, DatePrecision.DAY), f"{basis}; a span of days", None, None
    if kind in ("md", "dm"):
        month, day = _month_number(g["month"]), int(g["day"])
        year, basis = _year_for(month, day, anchor)
        d = _safe_date(year, month, day) if year is not None else None
        return (value_of(d, DatePrecision.DAY) if d else None), basis, None, None
    if kind == "m":
        month = _month_number(g["month"])
        year, basis = _year_for(month, None, anchor)
        return (value_of(date(year, month, 1), DatePrecision.MONTH) if year else None), basis, None, None
    if kind in ("m_last_year", "last_month_name"):
        month = _month_number(g["month"])
        if pub is None:
            if kind == "m_last_year" and anchor.year_hint is not None:
                return value_of(date(anchor.year_hint - 1, month, 1), DatePrecision.MONTH), \
                    f"text-year: {anchor.year_hint} minus one ('last year')", None, None
            return None, f"{kind}: publication date unknown", None, None
        if kind == "m_last_year":
            return value_of(date(pub.year - 1, month, 1), DatePrecision.MONTH), "publication: previous year", None, None
        if anchor.precision is DatePrecision.YEAR:  # "last June" in a year-dated text: this year's or last
            return None, f"{kind}: publication month unknown", None, None
        year = pub.year if month < pub.month else pub.year - 1
        return value_of(date(year, month, 1), DatePrecision.MONTH), "publication: latest such month before it", None, None
    if kind in ("since_my", "since_m", "since_y"):
        if kind == "since_y":
            first, basis = date(int(g["year"]), 1, 1), "explicit"
        elif kind == "since_my":
            first, basis = date(int(g["year"]), _month_number(g["month"]), 1), "explicit"
        else:
            month = _month_number(g["month"])
            year, basis = _year_for(month, None, anchor)
            if year is None:
                return None, basis, None, None
            first = date(year, month, 1)
        latest = anchor.latest
        last = latest if anchor.published is not None and latest is not None else period_end(first, DatePrecision.MONTH)
        # "since early January" with the publication day known: the days from the 1st to it
        day_range = anchor.precision is DatePrecision.DAY and latest is not None
        prec = DatePrecision.YEAR if kind == "since_y" else DatePrecision.DAY if day_range else DatePrecision.MONTH
        return DateValue(first, max(first, last), prec), f"range to publication; {basis}", None, None
    if kind == "future":
        if pub is None:
            return None, "future (stated); publication date unknown", None, None
        word = g["fut"].lower()
        base = anchor.latest or pub
        if word == "tomorrow":
            return value_of(base + timedelta(days=1), DatePrecision.DAY), "future (stated)", None, None
        if "month" in word:
            return value_of(_add_months(base, 1), DatePrecision.MONTH), "future (stated)", None, None
        if "year" in word:
            return value_of(date(base.year + 1, 1, 1), DatePrecision.YEAR), "future (stated)", None, None
        return DateValue(base + timedelta(days=1), base + timedelta(days=14), DatePrecision.DAY), "future (stated)", None, None
    if kind == "same_day":  # "that day", "later that night": the day of the event just reported
        return None, "the same day as an earlier event", 0, None
    if kind == "rel_event":
        if g.get("hours") or g.get("hours2"):  # "hours earlier", "minutes after the attack": the same day
            ref = g.get("ref2") or g.get("ref3")
            return None, f"the same day as {'the ' + ref if ref else 'an earlier event'}", 0, ref
        if g.get("adj") or g.get("dir2"):
            word = (g.get("adj") or g.get("dir2") or "").lower()
            sign = 1 if word in ("next", "following", "after") else -1
            return None, "relative to an earlier event", sign, None
        n = _number(g["num"] or "") or 1
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        sign = 1 if g["dir"].lower() in ("after", "later") else -1
        ref = g.get("ref")
        return None, f"relative to {'the ' + ref if ref else 'an earlier event'}", sign * days, ref
    if pub is None:
        return None, f"{kind}: publication date unknown", None, None
    latest = anchor.latest
    assert latest is not None
    day_pub = anchor.precision is DatePrecision.DAY
    if kind == "ago":
        n = _number(g["num"]) or 1
        unit = g["unit"].lower()
        if unit.startswith("day") and day_pub:
            return value_of(pub - timedelta(days=n), DatePrecision.DAY), "publication minus days", None, None
        if unit.startswith("week") and day_pub:  # "a week ago": the day it names, as with "two days ago"
            return value_of(pub - timedelta(days=7 * n), DatePrecision.DAY), "publication minus weeks", None, None
        if unit.startswith("month") and anchor.precision is DatePrecision.YEAR:
            return None, "ago: publication month unknown", None, None
        if unit.startswith("month"):
            return value_of(_add_months(date(pub.year, pub.month, 1), -n), DatePrecision.MONTH), "publication minus months", None, None
        return value_of(date(pub.year - n, 1, 1), DatePrecision.YEAR), "publication minus years", None, None
    if kind == "dayword":
        word = g["dw"].lower()
        if not day_pub:
            return value_of(pub, anchor.precision or DatePrecision.YEAR), "publication period (day unknown)", None, None
        if word == "overnight" or word.split() == ["last", "night"]:  # the night that ended on the publication day
            return DateValue(pub - timedelta(days=1), pub, DatePrecision.DAY), "publication: the night before", None, None
        delta = 2 if word.endswith("yesterday") and word != "yesterday" else 1 if word == "yesterday" else 0
        return value_of(pub - timedelta(days=delta), DatePrecision.DAY), "publication day", None, None
    if kind == "ordinal_day":
        if not day_pub:
            return None, "ordinal_day: publication day unknown", None, None
        n = int(g["oday"])
        month_start = date(pub.year, pub.month, 1) if n <= pub.day else _add_months(date(pub.year, pub.month, 1), -1)
        d = _safe_date(month_start.year, month_start.month, n)
        return (value_of(d, DatePrecision.DAY) if d else None), "publication: that day of the latest month it fits", None, None
    if kind == "weekday":
        if not day_pub:
            return value_of(pub, anchor.precision or DatePrecision.YEAR), "weekday; publication day unknown", None, None
        back = (pub.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if g.get("last") and back == 0:  # "last Tuesday" written on a Tuesday: the week before
            return value_of(pub - timedelta(days=7), DatePrecision.DAY), "the weekday before publication's", None, None
        return value_of(pub - timedelta(days=back), DatePrecision.DAY), "most recent weekday on or before publication", None, None
    if kind == "weekday_range":  # "on Monday and Tuesday", "from Saturday to Monday": the latest such days
        gap = (WEEKDAYS[g["weekday2"].lower()] - WEEKDAYS[g["weekday"].lower()]) % 7
        if not day_pub:
            return value_of(pub, anchor.precision or DatePrecision.YEAR), "weekdays; publication day unknown", None, None
        if gap == 0 or gap > (1 if g["conn"].lower() == "and" and not g.get("span") else 4):
            # "on Monday and Thursday": two days, not a span; the first is the one written beside the verb
            back = (pub.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
            return value_of(pub - timedelta(days=back), DatePrecision.DAY), \
                "most recent weekday on or before publication (the first of two)", None, None
        last = pub - timedelta(days=(pub.weekday() - WEEKDAYS[g["weekday2"].lower()]) % 7)
        return DateValue(last - timedelta(days=gap), last, DatePrecision.DAY), \
            "publication: the latest such days on or before publication; a span of days", None, None
    if kind == "weekday_last_week":  # "on Tuesday last week": that weekday in the week before publication's
        if not day_pub:
            return value_of(pub, anchor.precision or DatePrecision.YEAR), "weekday; publication day unknown", None, None
        name = (g.get("weekday") or g.get("weekday2") or "").lower()
        monday = pub - timedelta(days=pub.weekday() + 7)
        return value_of(monday + timedelta(days=WEEKDAYS[name]), DatePrecision.DAY), \
            "publication: weekday of the previous week", None, None
    if kind == "weekend":  # "over the weekend", "last weekend", "weekend strikes": the latest Saturday and Sunday
        if not day_pub:
            return value_of(pub, anchor.precision or DatePrecision.YEAR), "publication period (day unknown)", None, None
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return DateValue(saturday, min(saturday + timedelta(days=1), pub), DatePrecision.DAY), \
            "publication: latest weekend", None, None
    if kind == "last_period":
        which, unit = g["which"].lower(), g["unit"].lower()
        if unit == "week":
            if not day_pub:
                return value_of(pub, anchor.precision or DatePrecision.YEAR), "publication period (day unknown)", None, None
            monday = pub - timedelta(days=pub.weekday())
            if which == "last":
                return DateValue(monday - timedelta(days=7), monday - timedelta(days=1), DatePrecision.DAY), "publication: previous week", None, None
            return DateValue(monday, pub, DatePrecision.DAY), "publication: this week", None, None
        if unit == "month" and anchor.precision is DatePrecision.YEAR:
            # a year-dated text: "this month" is some month of that year; "last month" may be December before
            if which in ("last", "past"):
                return None, "last_period: publication month unknown", None, None
            return value_of(pub, DatePrecision.YEAR), "publication year (month unknown)", None, None
        if unit == "month":
            first = date(pub.year, pub.month, 1)
            if which in ("last", "past"):
                return value_of(_add_months(first, -1), DatePrecision.MONTH), "publication: previous month", None, None
            return value_of(first, DatePrecision.MONTH), "publication month", None, None
        if which in ("last", "past"):
            return value_of(date(pub.year - 1, 1, 1), DatePrecision.YEAR), "publication: previous year", None, None
        return value_of(date(pub.year, 1, 1), DatePrecision.YEAR), "publication year", None, None
    if kind in ("recent", "recent2"):
        unit = g["unit"].lower()
        qty = _number((g.get("qty") or "").split()[0]) if g.get("qty") else None
        span = {"hours": 1, "days": 7, "weeks": 30, "months": 182, "years": 730}[unit]
        if qty is not None:  # "the past 24 hours": the day before and the publication day
            span = -(-qty // 24) if unit == "hours" else qty * {"days": 1, "weeks": 7, "months": 31, "years": 366}[unit]
        if anchor.precision is DatePrecision.YEAR and unit != "years":  # "in recent weeks" of a year-dated text
            return value_of(pub, DatePrecision.YEAR), "range before publication (publication month unknown)", None, None
        first = latest - timedelta(days=span)
        prec = DatePrecision.DAY if unit in ("hours", "days", "weeks") and day_pub else DatePrecision.MONTH
        if prec is DatePrecision.MONTH:
            first = date(first.year, first.month, 1)
        return DateValue(first, latest, prec), "range before publication", None, None
    return None, f"{kind}: not understood", None, None


def _resolve_future(kind: str, m: re.Match[str], anchor: Anchor, value: DateValue | None,
                    basis: str) -> tuple[DateValue | None, str]:
    """Return the on-or-after-publication reading of a date the text puts in the future."""
    pub = anchor.published
    if pub is None or value is None:
        return value, basis
    if kind == "weekday":
        if anchor.precision is not DatePrecision.DAY:
            return value, basis
        ahead = (WEEKDAYS[m.group("weekday").lower()] - pub.weekday()) % 7 or 7
        return value_of(pub + timedelta(days=ahead), DatePrecision.DAY), "future (stated)"
    if value.end < pub:
        moved = _safe_date(value.start.year + 1, value.start.month, value.start.day)
        if moved is not None:
            return value_of(moved, value.precision), "future (stated): following year"
    return value, "future (stated)"


RawDate = tuple[int, int, str, "re.Match[str]"]


def scan_dates(text: str) -> list[RawDate]:
    """Return the date expressions of ``text`` as ``(start, end, kind, match)``, in text order.

    The scan does not depend on the anchor, so one scan serves several anchors
    (:func:`find_dates` with ``scanned``).
    """
    taken: list[tuple[int, int]] = []
    raw: list[RawDate] = []
    starts = _pattern_starts(text)
    for kind, pattern in _PATTERNS:
        resume = 0  # as finditer: the next match starts at or after the previous one's end
        for pos in starts.get(kind, ()):
            if pos < resume:
                continue
            m = pattern.match(text, pos)
            if m is None:
                continue
            s, e = m.span()
            resume = e
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            raw.append((s, e, kind, m))
    raw.sort(key=lambda item: item[0])
    return raw


_EARLIER_YEAR = re.compile(r"(?<![\d,./-])((?:19|20)\d\d)(?![\d,/-])")


def _that_year(text: str, start: int, end: int, kind: str, m: re.Match[str]) -> DateMatch:
    """Return "in October of that year" / "later that year" dated by the last year written before it."""
    years = _EARLIER_YEAR.findall(text, max(0, start - 1500), start)
    if not years:
        return DateMatch(start, end, text[start:end], kind, None, f"{kind}: no year written before it", None, None)
    year = int(years[-1])
    if kind == "m_that_year":
        value = value_of(date(year, _month_number(m.group("month")), 1), DatePrecision.MONTH)
    else:
        value = value_of(date(year, 1, 1), DatePrecision.YEAR)
    return DateMatch(start, end, text[start:end], kind, value, f"text: the year written before it ({year})", None, None)


# A wire dateline: capitalised place words before the date, an optional agency and a dash after it.
_FILED_BEFORE = re.compile(r"(?!(?:On|In|By|Since|From|Until|At|After|Before|During|Early|Late)\b)[A-Z][\w'\u2019.-]*(?:(?:\s+|\s*,\s*)(?:of\s+)?[A-Z][\w'\u2019.-]*){0,5}\s*,?\s*")
_FILED_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:-{1,2}|\u2013|\u2014)\s")
_NOUN_WORDS = re.compile(r"(?:\s+[a-z][\w-]*){1,2}")


def is_filing_date(text: str, start: int, end: int) -> bool:
    """Return True when ``text[start:end]`` is the date of a wire dateline opening its line.

    "BAGHDAD, March 3 (Reuters) - ...", "Basra, Iraq, 3 March 2021 (INA) \u2013 ...": a place before
    the date, a dash after it (an agency in brackets between). That is the day the report was
    filed, not the day of what it reports. A date that itself opens the line ("02/23/2012: ...")
    is a label of its paragraph instead.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == start or _FILED_BEFORE.fullmatch(text, line_start, start) is None:
        return False
    return _FILED_AFTER.match(text, end) is not None


def filing_anchor(text: str, anchor: Anchor, scanned: list[RawDate]) -> Anchor:
    """Return ``anchor`` with the dateline's day as publication day when the publication day is unknown.

    A wire report is published the day its dateline names; that day fixes "on Tuesday" and
    "yesterday" when the page gives only the month or year (the day must fall inside it), or
    nothing (then the dateline must write its year).
    """
    if anchor.precision is DatePrecision.DAY:
        return anchor
    for s, e, kind, m in scanned[:3]:
        if kind not in ("iso", "numeric", "mdy", "dmy", "md", "dm") or not is_filing_date(text, s, e):
            continue
        value, _, _, _ = _resolve(kind, m, anchor)
        if value is None or value.precision is not DatePrecision.DAY:
            return anchor
        latest = anchor.latest
        if anchor.published is not None and not anchor.published <= value.start <= (latest or value.start):
            return anchor
        if anchor.published is None and latest is not None and value.start > latest:
            return anchor
        return Anchor(value.start, DatePrecision.DAY, anchor.year_hint, anchor.numeric_order, anchor.ceiling)
    return anchor


def find_dates(text: str, anchor: Anchor, scanned: list[RawDate] | None = None) -> list[DateMatch]:
    """Return the date expressions in ``text``, in text order, without overlaps.

    Args:
        text: any text; offsets in the result refer to it.
        anchor: the publication date. When it is unknown, a yearless date ("Nov. 4", "in
            March") takes ``anchor.year_hint`` (a year the text fixes, see
            :func:`factiongraph.extract.dates.anchoring.infer_year`), else no value: a year is never
            guessed. Not from the years written beside other dates either: news style writes
            the year only for dates *outside* the current year ("June 23rd, 2017 ... On June
            25th" is two different years). Nothing ends after ``anchor.latest`` (the
            publication period, or the ingest day when that is unknown) unless the text puts it
            in the future.
        scanned: the result of :func:`scan_dates` for ``text`` (or a subset of it), when the
            caller already has it.

    Returns:
        One DateMatch per expression. ``value`` is None when it cannot be normalised yet
        (relative to another event, or no year available).
    """
    raw = scan_dates(text) if scanned is None else scanned
    filed = filing_anchor(text, anchor, raw)
    out: list[DateMatch] = []
    for s, e, kind, m in raw:
        if kind in ("m_that_year", "that_year"):
            out.append(_that_year(text, s, e, kind, m))
            continue
        filing = is_filing_date(text, s, e)
        value, basis, offset, ref = _resolve(kind, m, anchor if filing else filed)
        if filed is not anchor and not filing and value is not None and "publication" in basis:
            basis = f"{basis} (the dateline's day)"
        if kind in ("weekday", "md", "dm", "m") and _FUTURE_CUE.search(text[max(0, s - 80):s]):
            value, basis = _resolve_future(kind, m, anchor if filing else filed, value, basis)
        if value is not None and not basis.startswith(("future", "explicit")):
            if anchor.published is None and anchor.ceiling is not None and value.start > anchor.ceiling:
                value, basis = None, f"{kind}: would fall after the ingest day; publication date unknown"
            else:
                value = clamp_to_publication(value, anchor if filing else filed)
        scope = None
        if kind == "y_attr":
            words = _NOUN_WORDS.match(text, e)
            scope = words.end() if words is not None else e
        out.append(DateMatch(s, e, text[s:e], kind, value, basis, offset, ref, filing, scope))
    return out
