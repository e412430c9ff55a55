"""Event dates when the publication date is unknown: years that the text itself fixes, never guesses.

News style leaves the year out of dates in the current year ("on June 25th"), so a text with no
publication date has yearless event dates. :func:`infer_year` narrows the year from what the text
and the knowledge base say, and gives one only when exactly one year fits:

- explicit years written in the text are lower bounds (the article is not older than them);
- a person named with a title the KB dates ("Prime Minister X", "the Quds Force commander X")
  held it in known years: the article was written within them (all such spans intersect); an
  open-ended span ends at the ingest year;
- a weekday written with a day and month ("Thursday (June 25th)", "Monday, July 6") fixes the
  year modulo the calendar.

When several years still fit, there is no year (the yearless dates keep their text, no value).
A bare weekday ("On Tuesday") with no publication day is dated only by a day the text writes out:
that day itself when it falls on that weekday (a caption's "Feb. 15, 2021" and "on Monday"), else
the first such weekday after a day written just before it (:func:`resolve_weekday_after`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from factiongraph.extract.dates.expressions import MONTHS, WEEKDAYS, Anchor, DateMatch, DateValue, shift_date, value_of
from factiongraph.extract.view.quoting import is_inside_speech
from factiongraph.model import EntityType, Event, Mention
from factiongraph.model.document import DatePrecision

log = logging.getLogger(__name__)

SPAN_WITHOUT_UPPER_BOUND = 12  # years searched after the lower bound when nothing caps the span
_HONORIFIC = r"(?:(?:gen\.?|general|maj\.?|brig\.?|col\.?|dr\.?|sheikh|sayyid|sayed|grand|ayatollah|" \
             r"hojatoleslam|mr\.?|judge|imam)\s+)*"
_ENDED = re.compile(r"\b(?:former|ex|late|then|previous|outgoing|ousted|sacked|dismissed|ex-)[\s-]*$", re.I)
_YEAR_IN_TEXT = re.compile(r"(?<![\d,./-])((?:19|20)\d\d)(?![\d,/-])")
_MONTH_WORD = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|"
               r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY_WORD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_WORD = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY_PAIR = re.compile(
    _WEEKDAY_WORD + r"(?:\s+(?:morning|afternoon|evening|night))?\s*(?:\(\s*|,\s*)"
    r"(?:" + _MONTH_WORD + r"\s+" + _DAY_WORD + r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<month2>[A-Z][a-z]+\.?))\b(?!,?\s+(?:19|20)\d\d)")


@dataclass(frozen=True, slots=True)
class YearGuess:
    """An inferred year with the reasons, and the latest yearless month the body names."""

    year: int
    reasons: tuple[str, ...]
    latest_month: int | None = None

    @property
    def basis(self) -> str:
        """Return the basis text, ``inferred: <reasons>``."""
        return "inferred: " + "; ".join(self.reasons)

    def published(self) -> tuple[str, DatePrecision, str]:
        """Return ``(ISO value, precision, basis)`` for ``Metadata.published``."""
        if self.latest_month is not None:
            return f"{self.year:04d}-{self.latest_month:02d}", DatePrecision.MONTH, self.basis
        return f"{self.year:04d}", DatePrecision.YEAR, self.basis


def find_weekday_pairs(text: str) -> list[tuple[int, int, int, str]]:
    """Return ``(weekday, month, day, written)`` for each "Thursday (June 25th)"-like pair."""
    out: list[tuple[int, int, int, str]] = []
    for m in _WEEKDAY_PAIR.finditer(text):
        month_text = m.group("month") or m.group("month2") or ""
        key = month_text.strip(".").lower()[:3]
        if key not in MONTHS:
            continue
        day = int(m.group("day") or m.group("day2"))
        out.append((WEEKDAYS[m.group("weekday").lower()], MONTHS[key], day, m.group(0).strip()))
    return out


def _weekday_years(pairs: list[tuple[int, int, int, str]], years: range) -> list[int]:
    keep = []
    for year in years:
        ok = True
        for weekday, month, day, _ in pairs:
            try:
                ok = ok and date(year, month, day).weekday() == weekday
            except ValueError:
                ok = False
        if ok:
            keep.append(year)
    return keep


def _title_patterns(role: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = r"[\s-]+".join(re.escape(w) for w in role.lower().split())
    before = re.compile(rf"\b{words}\s+{_HONORIFIC}$", re.I)
    after = re.compile(rf"^\s*,\s+(?:the\s+|[\w'’-]+['’]s\s+|[A-Z][\w-]+\s+)?(?:[\w-]+\s+){{0,3}}?{words}\b", re.I)
    return before, after


def find_role_spans(text: str, mentions: list[Mention], entities: dict[str, Any], kb: Any
                    ) -> list[tuple[int, int | None, str]]:
    """Return ``(from, to, reason)`` for people named with a title the KB dates.

    "Prime Minister X" (or "X, the prime minister,") where X's KB record has that role from
    ``from`` to ``to`` (``to`` None: open-ended). "former"/"then"/"late" titles are skipped.
    """
    spans: list[tuple[int, int | None, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        entity = entities.get(m.entity_id) if m.entity_id else None
        if entity is None or entity.type is not EntityType.PERSON:
            continue
        record = kb.get(m.entity_id) if kb is not None else None
        attrs = getattr(record, "attributes", None) or entity.attributes
        for item in attrs.get("roles", ()) or ():
            role, start = str(item.get("role", "")), item.get("from")
            if not role or not isinstance(start, int) or (m.entity_id, role) in seen:
                continue
            before, after = _title_patterns(role)
            left = text[max(0, m.start - 80):m.start]
            hit = before.search(left)
            if hit is not None and _ENDED.search(left[:hit.start()]):
                continue
            if hit is None and not after.search(text[m.end:m.end + 80]):
                continue
            stop = item.get("to")
            seen.add((m.entity_id, role))  # type: ignore[arg-type]
            spans.append((start, stop if isinstance(stop, int) else None,
                          f"{m.text} is named {role} ({start}-{stop if isinstance(stop, int) else ''})"))
    return spans


def infer_year(text: str, mentions: list[Mention], entities: dict[str, Any], kb: Any,
               dates: list[DateMatch], floor: int | None = None, ceiling: int | None = None) -> YearGuess | None:
    """Return the one year consistent with the text's clues, or None when none or several fit.

    Args:
        text: the content text (body and captions).
        mentions: resolved content mentions (people with titles are read).
        entities: entity records by id.
        kb: the knowledge base (person records' ``attributes.roles``).
        dates: the text's date expressions (yearless day-month ones give the latest month).
        floor: a year already known as a lower bound, or None.
        ceiling: the latest possible year (the ingest year), or None.
    """
    reasons: list[str] = []
    low: int | None = floor
    if floor is not None:
        reasons.append(f"not before {floor} (cleaner's lower bound)")
    written = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
    if written and (low is None or max(written) > low):
        low = max(written)
        reasons.append(f"not before {low}, the latest year written in the text")
    high: int | None = None
    for start, stop, why in find_role_spans(text, mentions, entities, kb):
        low = start if low is None else max(low, start)
        if stop is not None:
            high = stop if high is None else min(high, stop)
        reasons.append(why)
    if low is None:
        return None
    if ceiling is not None:
        high = ceiling if high is None else min(high, ceiling)
    pairs = find_weekday_pairs(text)
    top = high if high is not None and high >= low else low + SPAN_WITHOUT_UPPER_BOUND
    years = list(range(low, top + 1))
    if pairs:
        fitting = _weekday_years(pairs, range(low, top + 1))
        if fitting:
            years = fitting
            reasons.append("weekday and date agree: " + ", ".join(repr(p[3]) for p in pairs[:3]))
        else:
            log.debug("weekday pairs %s fit no year in %d-%d", pairs, low, top)
    if len(years) != 1:
        log.debug("years %s fit the text's clues (%s): no year", years[:5], "; ".join(reasons))
        return None
    months = [d.value.start.month if d.value else _month_of(d.text) for d in dates
              if d.kind in ("md", "dm", "m")]
    latest = max((mo for mo in months if mo), default=None)
    return YearGuess(years[0], tuple(reasons), latest)


def _month_of(written: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", written):
        key = word.lower()[:3]
        if key in MONTHS and len(word) >= 3:
            return MONTHS[key]
    return None


def resolve_weekday_after(weekday: int, reference: date) -> date:
    """Return the first day on or after ``reference`` falling on ``weekday`` (0 = Monday).

    Used when the publication day is unknown: the article was written after every date it
    names, so a bare weekday after a dated sentence points to the following days.
    """
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


# "within hours of the arrests" (the noun is not part of the expression): how far after the
# expression the noun it counts from may start
_REFERENCE_REACH = 20


def pick_date(sent_start: int, sent_end: int, trigger: int, dates: list[DateMatch]) -> DateMatch | None:
    """Return the date expression of a sentence that belongs to the trigger at ``trigger``.

    Values beat unresolved expressions, event-relative expressions ("four days after the raid")
    come last, and a dateline's date after all of them; among equals the nearest to the trigger
    wins. A date with a ``scope_end`` ("the 2019 killing") counts only for a trigger in its scope.
    """
    inside = [d for d in dates if sent_start <= d.start and d.end <= sent_end
              and (d.scope_end is None or d.end <= trigger < d.scope_end)
              # "within hours of the arrests": the arrests are what it counts from, not dated by it
              and not (d.reference and not d.text.lower().endswith(d.reference.lower())
                       and d.end <= trigger <= d.end + _REFERENCE_REACH)]
    if not inside:
        return None
    return min(inside, key=lambda d: (d.filing, d.is_relative_to_event, d.value is None,
                                      abs(d.start - trigger)))


def choose_date(text: str, sent_start: int, sent_end: int, trigger: int, own: list[DateMatch],
                loose: list[DateMatch], dates: list[DateMatch]) -> DateMatch | None:
    """Return the date expression of the event whose trigger is at ``trigger``, or None.

    In order: a date of ``own`` (the phrases that modify the trigger's clause); a date of
    ``loose`` (the sentence's other dates, except those inside a clause about something else:
    "the militia, which was formed in 2014, ..."); a date labelling the paragraph
    (:func:`paragraph_label_date`); last, a wire dateline's date (the day the report was filed,
    only when the sentence names no other day). A year standing before a noun ("the 2019
    killing") dates only that noun.
    """
    written = [d for d in own if not d.filing]
    sentence = [d for d in loose if not d.filing]
    return pick_date(sent_start, sent_end, trigger, written) \
        or pick_date(sent_start, sent_end, trigger, sentence) \
        or paragraph_label_date(text, trigger, dates) \
        or pick_date(sent_start, sent_end, trigger, [d for d in loose if d.filing]) \
        or _dateline_before(text, sent_start, dates)


_DATELINE_TAIL = re.compile(r"[^\n]{0,80}?(?:-{1,2}|\u2013|\u2014)\s*")


def _dateline_before(text: str, sent_start: int, dates: list[DateMatch]) -> DateMatch | None:
    """Return the date of a wire dateline that the sentence at ``sent_start`` directly follows on
    its line ("BAGHDAD, March 9 (Reuters) - A roadside bomb exploded ..."): the lead sentence,
    split from its dateline, was filed that day. None for any other sentence."""
    for d in dates:
        if d.filing and d.end <= sent_start and _DATELINE_TAIL.fullmatch(text, d.end, sent_start):
            return d
    return None


_LABEL_END = re.compile(r"\s*[:\u2013\u2014-]")


def paragraph_label_date(text: str, trigger: int, dates: list[DateMatch]) -> DateMatch | None:
    """Return a date that opens the trigger's paragraph as a label ("02/23/2012: A car bomb ...").

    Incident logs and live blogs write the date first, then a colon or dash, and the report after
    it (the parser often makes the date a sentence of its own): it dates what its paragraph reports.
    """
    for d in dates:
        if d.value is None or d.filing or not d.start < trigger or "\n" in text[d.end:trigger]:
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        if text[line_start:d.start].strip() == "" and _LABEL_END.match(text, d.end):
            return d
    return None


# "Hours later" counts from a happening reported at most this many characters before it.
JUST_REPORTED_WINDOW = 300


def _reference_event(match: DateMatch, earlier: list[Event]) -> Event | None:
    """Return the earlier event a relative expression counts from (named or latest dated)."""
    word = (match.reference or "").rstrip("s")
    if not word and match.basis.startswith("the same day") and earlier:
        # "hours later", "minutes after that": the happening just reported, or none
        last = earlier[-1]
        end = max((e.end for e in last.evidence), default=None)
        if end is None or not 0 <= match.start - end <= JUST_REPORTED_WINDOW \
                or not last.date_start or last.date_precision != DatePrecision.DAY \
                or str(last.attrs.get("date_basis", "")).startswith(("undated", "relative")):
            return None
        return last
    fallback: Event | None = None
    for e in reversed(earlier):
        if any(ev.start <= match.start < ev.end for ev in e.evidence):
            continue  # "within hours of the arrests, ...": the sentence's own mention of them
        named = bool(word) and (word in str(e.attrs.get("trigger", "")).lower() or word == e.attrs.get("label"))
        undated = not e.date_start or e.date_precision is None \
            or str(e.attrs.get("date_basis", "")).startswith(("undated", "relative"))
        if named:
            # "four days after the raid": the raid it names, dated or not; an undated raid dates nothing
            return None if undated else e
        if undated:
            continue  # a publication-period guess or another relative date is no anchor
        if fallback is None and (not word or e.date_precision == DatePrecision.DAY):
            fallback = e
    return None if word else fallback


_CAME = re.compile(r"\s*(?:(?P<pronoun>It|This|That)|The\s+(?P<noun>[a-z]+))\s+(?:came|comes|happened|occurred|followed)\b")


def _subject_reference(sentence: str, earlier: list[Event]) -> Event | None:
    """Return the happening a "came N days after" sentence is about, which the clause's event
    counts back from: "It came a week after X announced ...": the story's lead (its first event
    dated to a day); "The attack came two days after ...": the latest earlier attack so dated."""
    m = _CAME.match(sentence)
    if m is None:
        return None
    dated = [e for e in earlier if e.date_start and e.date_precision == DatePrecision.DAY
             and not str(e.attrs.get("date_basis", "")).startswith(("undated", "relative"))]
    if m.group("pronoun"):
        return dated[0] if dated else None
    word = m.group("noun").rstrip("s")
    return next((e for e in reversed(dated) if word in str(e.attrs.get("trigger", "")).lower()
                 or word == e.attrs.get("label")), None)


# A bare weekday counts from a day written at most this many characters before it.
WEEKDAY_REFERENCE_WINDOW = 250


def weekday_from_text(match: DateMatch, dates: list[DateMatch], anchor: Anchor,
                      earlier_than_written: bool = False) -> tuple[date, str] | None:
    """Return the day a bare weekday ("on Monday") denotes when the publication day is unknown.

    A day written in the text that falls on that weekday is that day ("Feb. 15, 2021" in a
    caption and "on Monday" in the body); else the first such weekday after the latest day written
    shortly before it, or the last one on or before it when that day is a dateline's or
    ``earlier_than_written`` (the sentence speaks in the past perfect: "said on 12 March that troops
    had killed ... on Sunday"). Days outside the publication period (when its month or year is
    known) do not count. None when nothing in the text fits.
    """
    weekday = next((WEEKDAYS[w.lower()] for w in re.findall(r"[A-Za-z]+", match.text)
                    if w.lower() in WEEKDAYS), None)
    if weekday is None:
        return None
    latest = anchor.latest
    earliest = anchor.published - timedelta(days=7) if anchor.published is not None else None
    days = [d for d in dates if d is not match and d.value is not None and d.value.precision is DatePrecision.DAY
            and d.value.start == d.value.end and d.kind != "weekday"
            and (latest is None or d.value.start <= latest) and (earliest is None or d.value.start >= earliest)]
    same = [d for d in days if d.value is not None and d.value.start.weekday() == weekday]
    if same:
        written = min(same, key=lambda d: abs(d.start - match.start))
        assert written.value is not None
        return written.value.start, f"weekday of '{written.text.strip()}' written in the text"
    before = [d for d in days if d.end <= match.start and match.start - d.end <= WEEKDAY_REFERENCE_WINDOW]
    if not before:
        return None
    latest_written = max(before, key=lambda d: d.value.start if d.value is not None else date.min)
    assert latest_written.value is not None
    reference = latest_written.value.start
    if latest_written.filing or earlier_than_written:
        # a dateline's day is when the report was filed; "said on 12 March that troops had killed
        # ... on Sunday": a past perfect happened before the day written: the weekday before it
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
        return day, f"weekday on or before {reference.isoformat()} written before it"
    day = resolve_weekday_after(weekday, reference)
    if latest is not None and day > latest:
        return None
    return day, f"weekday after {reference.isoformat()} written just before it"


# "had killed", "had been arrested": a happening before the time the sentence speaks from
_PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|been\s+)*"
                           r"(?!(?:to|no|a|an|the|his|her|their|its|some|many|several)\b)[a-z]+\b")

# "in retaliation for the arrest", "after the raid", "following the attack": an undated event
# that answers an earlier one of the same report happened no earlier than that one.
_CAUSE = re.compile(
    r"\b(?:in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|in\s+protest\s+(?:at|against|over)"
    r"|(?:shortly\s+|soon\s+)?after|following|since)\s+(?:the|that|this|these)\s+(?P<rest>[a-z]+(?:\s+[a-z]+)?)",
    re.I)


def cause_references(sentence: str) -> list[str]:
    """Return the nouns an undated sentence answers ("for the arrest" -> "arrest"), in order.

    The word after the determiner and the one after it are both returned ("the latest raid"
    gives "latest" and "raid"); only words that name an earlier event of the report count.
    """
    return [w.lower() for m in _CAUSE.finditer(sentence) for w in m.group("rest").split()]


def _answered_event(words: list[str], earlier: list[Event]) -> tuple[Event, str] | None:
    """Return the latest dated earlier event one of ``words`` names (its trigger, label or sub-type)."""
    for e in reversed(earlier):
        if not e.date_start or e.date_precision is None \
                or str(e.attrs.get("date_basis", "")).startswith(("undated", "relative")):
            continue
        trigger = [*str(e.attrs.get("trigger", "")).lower().split(), *e.sub_type.lower().split()]
        for word in words:
            stem = word.rstrip("s")
            if len(stem) > 3 and (any(t.startswith(stem) for t in trigger) or stem == e.attrs.get("label")):
                return e, word
    return None


# "condemned the attack", "the perpetrators of this terror attack": a definite noun naming a happening
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "today's", "monday's", "tuesday's", "wednesday's",
                          "thursday's", "friday's", "saturday's", "sunday's"})


def _definite_words(sentence: str) -> list[str]:
    """Return the (at most three) words after each definite determiner of ``sentence``, lowercased."""
    tokens = [t.lower().replace("\u2019", "'") for t in re.findall(r"[A-Za-z'\u2019]+", sentence)]
    return [w for i, t in enumerate(tokens) if t in _DETERMINERS
            for w in tokens[i + 1:i + 4] if w not in _DETERMINERS]


_PLACED_IN_TIME = re.compile(r"\b(?:after|before|since|until|ago|later|earlier|prior|following|anniversary)\b", re.I)
# A reaction refers to news of the day; an older happening it names ("the 2003 invasion") dates nothing.
REACTION_WINDOW_DAYS = 7


def _reaction_day(sentence: str, earlier: list[Event], anchor: Anchor) -> tuple[Event, str] | None:
    """Return the happening an undated sentence refers to by a definite noun ("Iraq's prime minister
    condemned the attack and ordered an investigation"; "spoke with the president about this terror
    attack"), when the report dates it to a day by its own words, at most ``REACTION_WINDOW_DAYS``
    before the publication: the reaction is told as that day's news. None otherwise."""
    if _PLACED_IN_TIME.search(sentence):
        return None  # "The parade came a month after the arrest set off a standoff": placed by its own words
    words = _definite_words(sentence)
    if not words:
        return None
    latest = anchor.latest
    days = [e for e in earlier if e.date_precision == DatePrecision.DAY and e.date_start
            and e.date_end in (None, e.date_start)]
    if anchor.published is not None and latest is not None:
        days = [e for e in days if latest - timedelta(days=REACTION_WINDOW_DAYS)
                <= _date_from([int(p) for p in (e.date_start or "").split("-")]) <= latest]
    return _answered_event(words, days)


# "The first strike hit a vehicle ...", "The other rocket landed ...": one of several happenings the
# story told before as a whole ("Turkish drone strikes killed three people on Tuesday").
_ONE_OF_THEM = re.compile(r"\s*(?:The|Its|Their)\s+(?:first|second|third|fourth|last|final|other|deadliest)\s+"
                          r"(?:[\w-]+\s+)?(?P<noun>strike|attack|raid|rocket|missile|drone|blast|explosion|bomb|"
                          r"bombing|shell|projectile)\b", re.I)


def _one_of_those_told(sentence: str, earlier: list[Event]) -> Event | None:
    """Return the happenings told before as a whole that an undated sentence names one of ("The
    first strike hit a vehicle near Penjwen"): the latest earlier event dated to one day by its own
    words whose trigger is that noun in the plural ("drone strikes") or that counts several
    ("three rockets"). None otherwise."""
    m = _ONE_OF_THEM.match(sentence)
    if m is None:
        return None
    noun = m.group("noun").lower()
    for e in reversed(earlier):
        if e.date_precision != DatePrecision.DAY or not e.date_start or e.date_end not in (None, e.date_start) \
                or str(e.attrs.get("date_basis", "")).startswith(("undated", "relative")):
            continue
        evidence = e.evidence[0].text if e.evidence else ""
        if re.search(rf"\b(?:{noun}s|{noun}es|(?:two|three|four|five|six|several|multiple|\d+)\s+(?:[\w-]+\s+)?{noun}s?)\b",
                     evidence, re.I):
            return e
    return None


# A time set earlier in a paragraph is the background of what follows only when it is well before
# the publication: a recent one is the report's own time, which the publication period stands for.
BACKGROUND_BEFORE_DAYS = 45


def _paragraph_time(dates: list[DateMatch], paragraph_start: int, sentence_start: int,
                    anchor: Anchor) -> DateMatch | None:
    """Return the time an earlier sentence of the paragraph sets for an undated one ("In October
    2019, mass protests erupted. Security forces killed hundreds of protesters": October 2019):
    the last date written in full (its year in the text) before the sentence in its paragraph,
    ending well before the publication. None when the paragraph sets none or the publication is
    unknown."""
    if paragraph_start < 0 or sentence_start <= paragraph_start or anchor.published is None:
        return None
    written = [d for d in dates if paragraph_start <= d.start and d.end <= sentence_start and d.value is not None
               and d.basis.startswith("explicit") and not d.filing and d.scope_end is None
               and not d.is_relative_to_event and d.kind not in ("since_my", "since_y")]
    if not written:
        return None
    last = written[-1]
    assert last.value is not None
    return last if last.value.end < anchor.published - timedelta(days=BACKGROUND_BEFORE_DAYS) else None


def _clause_day(match: DateMatch, dates: list[DateMatch], sentence_start: int) -> DateMatch | None:
    """Return the last day written in the sentence before ``match`` ("voted on Sunday, two days
    after ..."), or None: a day of its own, not one counted from another event or a filing."""
    if sentence_start < 0:
        return None
    days = [d for d in dates if sentence_start <= d.start and d.end <= match.start and d.value is not None
            and not d.is_relative_to_event and not d.filing and d.value.precision is DatePrecision.DAY]
    return days[-1] if days else None


def resolve_event_date(match: DateMatch | None, earlier: list[Event], anchor: Anchor,
                       dates: list[DateMatch], year: YearGuess | None = None, trigger: int = -1,
                       sentence: str = "", prompted: bool = False,
                       sentence_start: int = -1, reaction: bool = False,
                       paragraph_start: int = -1) -> tuple[DateValue | None, str | None, str]:
    """Return ``(value, date_text, date_basis)`` for the date expression of one event.

    Relative expressions take the referenced (or latest explicitly dated) earlier event's date.
    When the trigger (at character ``trigger``) sits in the clause the expression introduces
    ("The attack came five days after X was killed in a strike"), the event *is* the reference:
    its date is the earlier event's date shifted back. A bare weekday with no publication day
    follows the latest day written before it; an event with no date expression gets the
    publication period (or the inferred year), unless its ``sentence`` answers an earlier dated
    event of the report ("in retaliation for the arrest"): then it gets that event's month. A
    happening its sentence answers (``prompted``: "strikes in February in response to rocket attacks": the
    attacks) came before the sentence's date: without a date of its own it has none. With no
    earlier event to count from, a trigger in the clause the expression introduces counts back from
    the day its sentence (starting at ``sentence_start``) gives before the expression. A
    ``reaction`` (a non-violent happening: a condemnation, an order, a call) with no date of its own
    that names an earlier happening by a definite noun takes that happening's day when the report
    dates it to a day of its last week (:func:`_reaction_day`).
    """
    if match is not None and match.is_relative_to_event:
        ref = _reference_event(match, earlier)
        offset = match.offset_days or 0
        basis = f"relative: {match.basis}"
        if trigger >= match.end and match.reference is None \
                and re.search(r"\b(?:after|before)$", match.text, re.I):
            offset, basis = -offset, f"relative: the event that '{match.text}' counts from"
            ref = _subject_reference(sentence, earlier) or ref
        said = _report_day(match, dates, sentence, sentence_start) \
            if offset < 0 and match.reference is None and not basis.startswith("relative: the event") else None
        if said is not None and said.value is not None:
            # "a sniper killed X the previous day, a statement said on Monday": the day before the
            # saying's, not before whichever happening the report told last
            return shift_date(said.value, offset), match.text, f"{basis}, from the saying's day '{said.text}'"
        if ref is not None and ref.date_start:
            parts = [int(p) for p in ref.date_start.split("-")]
            base = value_of(_date_from(parts), DatePrecision(ref.date_precision or DatePrecision.DAY))
            return shift_date(base, offset), match.text, basis
        own = _clause_day(match, dates, sentence_start) if offset < 0 else None
        if own is not None and own.value is not None:
            # "parliament voted on Sunday, two days after a drone strike killed X": the strike
            # counts back from the day its sentence gives the happening it follows
            return shift_date(own.value, offset), match.text, f"{basis}, from '{own.text}'"
        return None, match.text, "relative: reference event not found"
    if match is not None and match.kind == "weekday" and anchor.precision is not DatePrecision.DAY \
            and (match.value is None or "unknown" in match.basis):
        found = weekday_from_text(match, dates, anchor, _PAST_PERFECT.search(sentence) is not None)
        if found is not None:
            return value_of(found[0], DatePrecision.DAY), match.text, found[1]
        return None, match.text, "weekday: publication day unknown and no day written in the text fits it"
    if match is not None and match.value is not None and "day unknown" in match.basis:
        # "yesterday", "last week" with only the publication month or year known: no day to give
        return None, match.text, f"{match.kind}: publication day unknown"
    if match is not None and match.value is not None:
        basis = match.basis
        if year is not None and basis.startswith("text-year"):
            basis = f"inferred year {year.year}: {'; '.join(year.reasons)}"
        said = _report_day(match, dates, sentence, sentence_start) if match.kind == "weekday" else None
        why = "the report of"
        if said is None and match.kind == "weekday":
            # "Rockets hit the base on Sunday, two days after a drone struck the airport on Friday":
            # a happening the sentence puts after-wards in time came before the day written first
            said, why = _day_it_follows(match, dates, sentence, sentence_start), "the day it came before,"
        if said is not None and said.value is not None and match.value.start > said.value.start:
            # "said on Thursday that ... were killed in the strike on Sunday": the Sunday before it
            back = (match.value.start - said.value.start).days // 7 + 1
            day = match.value.start - timedelta(days=7 * back)
            return value_of(day, DatePrecision.DAY), match.text, f"{basis}; the one before {why} '{said.text}'"
        end = _range_end(match, dates, sentence, sentence_start) if basis.startswith(("text-year", "inferred")) else None
        if end is not None and end.value is not None and match.value.start > end.value.start:
            # "between the 7 October attacks and 27 January 2024": the range's start is before its end
            earlier_year = _year_before(match.value)
            if earlier_year is not None:
                return earlier_year, match.text, f"{basis}; a year before, as the start of a range ending '{end.text}'"
        return match.value, match.text, basis
    answered = _answered_event(cause_references(sentence), earlier) if match is None and sentence else None
    if answered is not None and answered[0].date_start:
        ref, word = answered
        parts = [int(p) for p in (ref.date_start or "").split("-")]
        latest = anchor.latest
        if latest is not None and re.search(rf"\bsince\s+(?:the|that|this|these)\s+(?:[a-z]+\s+)?{re.escape(word)}",
                                            sentence, re.I):
            # "320 people have been killed since the protests began": from that day to publication
            first = _date_from(parts)
            if first <= latest:
                return DateValue(first, latest, DatePrecision(ref.date_precision or DatePrecision.DAY)), None, \
                    f"relative: since the {word} ({ref.date_start}), to publication"
        precision = DatePrecision.YEAR if ref.date_precision == DatePrecision.YEAR else DatePrecision.MONTH
        value = value_of(_period_start(_date_from(parts), precision), precision)
        return value, None, f"relative: not before the {word} it answers ({ref.date_start})"
    if prompted and match is None:
        return None, None, "undated: before the happening that answered it"
    whole = _one_of_those_told(sentence, earlier) if match is None and sentence else None
    if whole is not None:
        return value_of(_date_from([int(p) for p in (whole.date_start or "").split("-")]), DatePrecision.DAY), None, \
            f"one of the happenings told before ({whole.date_start})"
    reacted = _reaction_day(sentence, earlier, anchor) if reaction and match is None and sentence else None
    if reacted is not None:
        ref, word = reacted
        return value_of(_date_from([int(p) for p in (ref.date_start or "").split("-")]), DatePrecision.DAY), None, \
            f"relative: the day of the {word} it refers to ({ref.date_start})"
    set_by = _paragraph_time(dates, paragraph_start, sentence_start, anchor) if match is None else None
    if set_by is not None and set_by.value is not None:
        latest = anchor.latest
        if latest is not None and re.search(r"\bsince\s+(?:then|that\s+time)\b", sentence, re.I):
            # "The militias since then resorted to rocket attacks": from that time to the publication
            return DateValue(set_by.value.start, latest, set_by.value.precision), None, \
                f"paragraph: since the time '{set_by.text}' set earlier in its paragraph, to publication"
        return set_by.value, None, f"paragraph: the time '{set_by.text}' set earlier in its paragraph"
    if anchor.published is None:
        return None, match.text if match else None, "undated"
    precision = DatePrecision.YEAR if anchor.precision is DatePrecision.YEAR else DatePrecision.MONTH
    return value_of(_period_start(anchor.published, precision), precision), None, \
        "undated: publication period"


_SAID_ON = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|stated|added)\s+(?:on\s+)?$", re.I)


_BEFORE_IT = re.compile(r"\b(?:after|following|since)\b", re.I)


def _day_it_follows(match: DateMatch, dates: list[DateMatch], sentence: str, sentence_start: int) -> DateMatch | None:
    """Return the day written earlier in the sentence when "after", "following" or "since" stands
    between it and ``match`` ("on Sunday, two days after a drone struck the airport on Friday"):
    the weekday ``match`` names is on or before that day. None otherwise."""
    first = _clause_day(match, dates, sentence_start)
    if first is None or sentence_start < 0:
        return None
    between = sentence[first.end - sentence_start:match.start - sentence_start]
    return first if _BEFORE_IT.search(between) else None


def _report_day(match: DateMatch, dates: list[DateMatch], sentence: str, sentence_start: int) -> DateMatch | None:
    """Return the day of a saying written in ``match``'s sentence ("said on Thursday that ... on
    Sunday", "... on Sunday, the group said on Thursday"): what it reports happened on or before
    that day."""
    if sentence_start < 0:
        return None
    sentence_end = sentence_start + len(sentence)
    found = [d for d in dates if sentence_start <= d.start and d.end <= sentence_end and d is not match
             and d.value is not None
             and d.value.precision is DatePrecision.DAY and not d.is_relative_to_event
             and _SAID_ON.search(sentence[:d.start - sentence_start])]
    return found[-1] if found else None


_RANGE_START = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)


def _range_end(match: DateMatch, dates: list[DateMatch], sentence: str, sentence_start: int) -> DateMatch | None:
    """Return the date written with its year that closes a range ``match`` opens in its sentence
    ("between 7 October and 27 January 2024", "from 7 October to 27 January 2024"), or None."""
    if sentence_start < 0 or not _RANGE_START.search(sentence[:max(0, match.start - sentence_start)]):
        return None
    sentence_end = sentence_start + len(sentence)
    later = [d for d in dates if match.end <= d.start and d.end <= sentence_end and d.value is not None
             and not d.is_relative_to_event and not d.basis.startswith(("text-year", "inferred"))
             and re.search(r"\b(?:and|to|until|through)\b", sentence[match.end - sentence_start:d.start - sentence_start])]
    return later[0] if later else None


def _year_before(value: DateValue) -> DateValue | None:
    """Return ``value`` a year earlier (None for a 29 February)."""
    try:
        return value_of(value.start.replace(year=value.start.year - 1), value.precision)
    except ValueError:
        return None


def _date_from(parts: list[int]) -> date:
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _period_start(day: date, precision: DatePrecision) -> date:
    return date(day.year, 1, 1) if precision is DatePrecision.YEAR else date(day.year, day.month, 1)


def spoken_day_shift(match: DateMatch, value: DateValue, dates: list[DateMatch], anchor: Anchor, text: str,
                     sent_start: int, sent_end: int) -> DateValue | None:
    """Return a word for a day said inside a quotation ("yesterday", "today", "last night") counted
    from the day the words were spoken, when the sentence dates the saying to one day of its own
    (""Our forces killed five militants yesterday," the commander said on Tuesday": Monday, not
    the day before publication). None when the word is not quoted, the saying is not dated, or it
    was dated to the publication day (nothing moves)."""
    if match.kind != "dayword" or anchor.published is None or anchor.precision is not DatePrecision.DAY \
            or not is_inside_speech(text, match.start):
        return None
    spoken = [d for d in dates if sent_start <= d.start and d.end <= sent_end and d is not match
              and d.value is not None and d.value.precision is DatePrecision.DAY and d.value.start == d.value.end
              and not d.is_relative_to_event and not d.filing and not is_inside_speech(text, d.start)]
    if len(spoken) != 1:
        return None
    shift = anchor.published - spoken[0].value.start  # type: ignore[union-attr]
    if shift.days <= 0:
        return None
    return DateValue(value.start - shift, value.end - shift, value.precision)


# What may stand between "a week after the killing" and the day of the killing: its own phrase
# ("of a contractor", "of two engineers in Kirkuk"), no clause of its own.
_REFERENCE_PHRASE = re.compile(r"[^,;.:()\"\u201c\u201d]{0,80}?\b(?:on|in|at)\s*$", re.IGNORECASE)


def counted_from_dated_reference(match: DateMatch, value: DateValue, in_sentence: list[DateMatch], text: str,
                                 trigger: int) -> tuple[DateValue, str, str] | None:
    """Return the date of a happening told as coming a span after (or before) another that the
    same phrase dates ("The strike came a week after the killing of a contractor on February 15":
    22 February), with its basis and words; None when ``match``, the day written, dates the
    happening itself.

    The relative words must stand after the trigger and before the day, and only the referenced
    happening's own phrase between them (no comma, no clause of its own)."""
    if value.precision is not DatePrecision.DAY or match.is_relative_to_event:
        return None
    relative = [d for d in in_sentence if d.is_relative_to_event and d.offset_days and trigger < d.start
                and d.end <= match.start and re.search(r"\b(?:after|before|earlier|later)\b", d.text, re.I)
                and _REFERENCE_PHRASE.fullmatch(text[d.end:match.start])]
    if not relative:
        return None
    rel = relative[-1]
    return shift_date(value, rel.offset_days or 0), \
        f"relative: '{rel.text}' the happening '{match.text}' dates", f"{rel.text} ... {match.text}"
