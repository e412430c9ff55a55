"""Event coreference: one happening described twice is one event with several evidence spans.

Pure functions over ``model.Event``. Across documents, :func:`match_event` finds the candidate
that describes the same happening (same type family, the same day, same or nested place, no
conflicting participants; or one report undated and everything else specific and equal) and
:func:`merge_events` folds the two. Within one document,
:func:`merge_in_document` folds repeated descriptions ("the raid" mentioned again) into the first.
Different happenings are never merged: different day-precision dates, disjoint places,
different sub-types or labels, or disjoint participants keep events apart.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from datetime import date, timedelta

from factiongraph.extract.events.numbers import hedged_figures
from factiongraph.extract.events.tolls import toll_update
from factiongraph.extract.events.typology import VIOLENT_TYPES
from factiongraph.extract.dates.expressions import DateValue, period_end
from factiongraph.model import Event
from factiongraph.model.document import DatePrecision
from factiongraph.model.ids import make_id

log = logging.getLogger(__name__)

Ancestors = Callable[[str], Iterable[str]]
Allied = Callable[[str, str], bool]
NEARBY_CHARS = 600
UNDATED_LOOKBACK_DAYS = 366
GEO_RANK = {"neighbourhood": 0, "city": 1, "governorate": 2, "country": 3}


def make_event_id(event: Event) -> str:
    """Return the deterministic id of an event from where it is first written and what it is.

    The document and the offset of its first evidence are part of it: two reports that
    coreference did not join are two events, never one row by an id collision (two undated
    shootings in one city would otherwise share type, place and participants).
    """
    first = event.evidence[0] if event.evidence else None
    return make_id("event", first.doc_id if first else "", first.start if first else -1, event.type,
                   event.sub_type, event.attrs.get("label"), event.date_start, event.date_end,
                   event.location_id, "|".join(sorted(event.actors)), "|".join(sorted(event.targets)))


def event_dates(event: Event) -> DateValue | None:
    """Return the event's date span, or None when it has no date."""
    if not event.date_start or event.date_precision is None:
        return None
    return _date_span(event.date_start, event.date_end, DatePrecision(event.date_precision))


@lru_cache(maxsize=16384)
def _date_span(date_start: str, date_end: str | None, precision: DatePrecision) -> DateValue:
    """Return the span of ISO start/end at a precision (pure; memoised: candidates repeat)."""
    start = _parse(date_start)
    end = period_end(_parse(date_end or date_start), precision)
    return DateValue(start, max(start, end), precision)


def _parse(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


# ACLED sub-types that gather unlike happenings: their finer labels must agree too (a closure of
# offices and the formation of a group are both "Change to group/activity").
CATCH_ALL_SUB_TYPES = frozenset({"Other", "Change to group/activity"})


def is_same_family(a: Event, b: Event) -> bool:
    """Return True if two events share type and sub-type (and, for catch-all sub-types, the finer label)."""
    if a.type != b.type or a.sub_type != b.sub_type:
        return False
    if a.sub_type in CATCH_ALL_SUB_TYPES:
        return a.attrs.get("label") == b.attrs.get("label")
    return True


def lend_headline_roles(headline: Event, body: Sequence[Event]) -> None:
    """Give a present-tense headline's participants to the body's first telling of its happening.

    "US strikes Kataib Hezbollah sites in Iraq" over "The United States carried out strikes on
    three sites on Sunday": the headline is dropped for the body's telling, but the body never
    names whom the sites belonged to, so the headline's target is the body event's. Only the role
    the body event leaves empty is filled, and never with one of its other participants.
    """
    twin = next((e for e in body if is_same_family(e, headline)), None)
    if twin is None:
        return
    if not twin.actors:
        twin.actors.extend(a for a in headline.actors if a not in twin.targets)
    if not twin.targets:
        twin.targets.extend(t for t in headline.targets if t not in twin.actors)


def is_undated(event: Event) -> bool:
    """Return True if the event's date only comes from the publication period."""
    return str(event.attrs.get("date_basis", "")).startswith("undated") or event.date_start is None


def dates_compatible(a: Event, b: Event) -> bool:
    """Return True if the dates may denote the same day (a month contains its days).

    A date that is only the publication period (an undated report) means "by then": a dated
    report of the same happening fits when it falls before that period's end and at most
    ``UNDATED_LOOKBACK_DAYS`` before its start.
    """
    da, db = event_dates(a), event_dates(b)
    if da is None or db is None:
        return False
    if is_undated(a) != is_undated(b):
        period, dated = (da, db) if is_undated(a) else (db, da)
        return dated.start <= period.end and dated.end >= period.start - timedelta(days=UNDATED_LOOKBACK_DAYS)
    if da.precision is DatePrecision.DAY and db.precision is DatePrecision.DAY \
            and da.start == da.end and db.start == db.end:
        return da.start == db.start
    return da.overlaps(db)


def _told_and_reported(a: Event, b: Event) -> bool:
    """Return True when one of two tellings is dated only by the day a source told it ("two fighters
    were killed when a drone struck their car, the group said on Thursday") and the other by its
    own day. A report of a toll ("said Monday the toll from the strikes rose to 25") is the report's
    own happening (:func:`_dated_by_its_report`), not such a telling."""
    if dated_by_report(a) == dated_by_report(b):
        return False
    report = a if dated_by_report(a) else b
    return not toll_update(report.evidence[0].text)


def _own_day_told_again(prev: Event, new: Event) -> bool:
    """Return True when ``new`` names the happening ``prev`` told again by a definite reference
    ("The strike hit the car late on Wednesday") with its own day, and ``prev``'s day is only the
    day its source spoke ("..., the group said on Thursday"), at most ``REPORT_LAG_DAYS`` after:
    in one document, one happening. A later report of a new happening ("Police said Monday that
    fighters killed two shepherds") opens with no reference and stays apart."""
    said, own = exact_day(prev), exact_day(new)
    return said is not None and own is not None and dated_by_report(prev) and not dated_by_report(new) \
        and _told_and_reported(prev, new) and _opens_with_reference(new) and within_report_lag(own, said)


def places_compatible(a: Event, b: Event, ancestors: Ancestors | None = None, containers: bool = False) -> bool:
    """Return True if the places are equal, nested, or at least one is unknown.

    With ``containers``, a place the KB does not know is also read as the known place written
    beside it that gives its coordinates (``attrs.location_container``: "the Wadi al-Shay area of
    Kirkuk province").
    """
    if a.location_id is None or b.location_id is None or a.location_id == b.location_id:
        return True
    if ancestors is None:
        return False
    for x in _place_ids(a)[:None if containers else 1]:
        for y in _place_ids(b)[:None if containers else 1]:
            if x == y or x in set(ancestors(y)) or y in set(ancestors(x)):
                return True
    return False


def _place_ids(event: Event) -> list[str]:
    container = event.attrs.get("location_container")
    return [str(event.location_id)] + ([str(container)] if container else [])


def participants_overlap(a: Event, b: Event) -> bool:
    """Return True if the two events share an actor or a target."""
    return bool((set(a.actors) | set(a.targets)) & (set(b.actors) | set(b.targets)))


def roles_conflict(a: Event, b: Event, allied: Allied | None = None) -> bool:
    """Return True if both events name actors and none is shared (two different perpetrators).

    ``allied`` (two entity ids -> one side?) lets a unit and the forces it belongs to be one side
    ("Iraqi security forces arrested ..." and "a force from the Counter-Terrorism Service raided ...").
    """
    if not (a.actors and b.actors) or set(a.actors) & set(b.actors):
        return False
    return allied is None or not any(allied(x, y) for x in a.actors for y in b.actors)


def may_be_same_event(new: Event, cand: Event, ancestors: Ancestors | None = None) -> bool:
    """Return True unless family, dates or places already rule ``cand`` out (participants unread).

    The checks :func:`match_event` starts with; a store can ask them before it loads a
    candidate's participants.
    """
    return cand is not new and is_same_family(new, cand) \
        and (dates_compatible(new, cand) or new.date_start is None or cand.date_start is None) \
        and places_compatible(new, cand, ancestors)


def exact_day(event: Event) -> date | None:
    """Return the one day an event is dated to (None: undated, or dated to a month, year or range)."""
    span = event_dates(event)
    if span is None or is_undated(event) or span.precision is not DatePrecision.DAY or span.start != span.end:
        return None
    return span.start


def counts_compatible(a: Event, b: Event) -> bool:
    """Return True when the counts both reports give may be one toll told twice.

    A toll may rise between reports ("five killed", later "seven killed"): equal, within two, or
    within half of the larger figure.
    """
    for key in set(a.counts) & set(b.counts):
        x, y = a.counts[key], b.counts[key]
        if not isinstance(x, int) or not isinstance(y, int):
            continue
        if abs(x - y) > 2 and min(x, y) * 2 < max(x, y):
            return False
    return True


def match_event(new: Event, candidates: list[Event], ancestors: Ancestors | None = None,
                is_person: Callable[[str], bool] | None = None) -> Event | None:
    """Return the candidate describing the same happening as ``new``, or None.

    Two reports are one event only when both are dated to the same day (and their places are
    equal or nested, and their participants do not conflict), or when exactly one of them is
    dated to a day and everything else is specific and equal: compatible counts and a shared
    named actor or target at the same neighbourhood-level place, or a month the text writes with
    a shared name and a place that nests ("the June raid on Kataib Hezbollah in Baghdad"). A
    shared named person is specific whatever the dates' precision (a group is not: "the strike
    that killed Soleimani" is one strike). Type, city and year are never enough; other reports
    neither of which gives a day stay apart rather than merge by guess.

    Args:
        new: an event just extracted.
        candidates: events already known (e.g. from the store, same type, nearby dates).
        ancestors: place id -> ancestor place ids (``kb.ancestors``), to accept nested places.

    Returns:
        The best compatible candidate; ties are broken by event id, so the answer is stable.
    """
    best: tuple[float, str] | None = None
    chosen: Event | None = None
    day_new = exact_day(new)
    for cand in candidates:
        if not may_be_same_event(new, cand, ancestors) or roles_conflict(new, cand) \
                or not counts_compatible(new, cand):
            continue
        day_cand = exact_day(cand)
        shared = participants_overlap(new, cand)
        same_place = new.location_id is not None and new.location_id == cand.location_id
        people = is_person is not None and any(
            is_person(p) for p in (set(new.actors) | set(new.targets)) & (set(cand.actors) | set(cand.targets)))
        if new.date_start is None or cand.date_start is None:
            # a report with no date at all ("the killing of X and Y", recalled): one only by the
            # death of the same named people, which happens once
            if not (is_person is not None and _same_deaths(new, cand, is_person)):
                continue
        elif day_new is not None and day_cand is not None:
            if day_new != day_cand or not (shared or same_place):
                continue
        elif people:
            pass  # a named person killed, arrested or met: specific whatever the dates' precision
        elif day_new is not None or day_cand is not None:
            coarse = cand if day_new is not None else new
            specific = same_place and new.geo_precision == cand.geo_precision == "neighbourhood"
            # "the June 2020 raid on Kataib Hezbollah in Baghdad": a month the text writes, a
            # shared name and nested places recall one happening; a bare year or the publication
            # period does not
            month = coarse.date_precision == DatePrecision.MONTH.value and not is_undated(coarse) \
                and shared and coarse.location_id is not None
            # "weekend US air strikes on Kataib Hezbollah killed 25" and "strikes on Sunday against
            # Kataib Hezbollah killed 25": a span of a few days holding the other's day, the same
            # actor and target and the same toll
            days = _few_days_holding(coarse, day_new if day_new is not None else day_cand)
            same_sides = bool(set(new.actors) & set(cand.actors)) and bool(set(new.targets) & set(cand.targets))
            if not ((specific and shared) or month or (days and same_sides and _a_toll_agrees(new, cand))):
                continue
        else:
            continue
        people_a, people_b = set(new.actors) | set(new.targets), set(cand.actors) | set(cand.targets)
        jaccard = len(people_a & people_b) / len(people_a | people_b) if people_a | people_b else 0.0
        score = 2 * jaccard + (1.0 if same_place else 0.0)
        key = (-score, cand.event_id)
        if best is None or key < best:
            best, chosen = key, cand
    return chosen


SHORT_SPAN_DAYS = 3  # a weekend, "overnight", "on 26-27 February": one happening may be told by such a span


def _few_days_holding(event: Event, day: date | None) -> bool:
    """Return True when ``event`` is dated (by its text, not the publication period alone) to a
    span of at most ``SHORT_SPAN_DAYS`` days that holds ``day``."""
    span = event_dates(event)
    if span is None or day is None or str(event.attrs.get("date_basis", "")).startswith("undated") \
            or span.precision is not DatePrecision.DAY:
        return False
    return (span.end - span.start).days < SHORT_SPAN_DAYS and span.start <= day <= span.end


def _a_toll_agrees(a: Event, b: Event) -> bool:
    """Return True when both reports give the same number of dead (or of injured)."""
    return any(isinstance(a.counts.get(k), int) and a.counts.get(k) == b.counts.get(k) and a.counts[k] > 0
               for k in ("killed", "injured"))


def _same_deaths(a: Event, b: Event, is_person: Callable[[str], bool]) -> bool:
    """Return True when both reports tell the killing of the same named people: the people each
    names as its targets are the same, and so is the number of dead."""
    people_a = {t for t in a.targets if is_person(t)}
    people_b = {t for t in b.targets if is_person(t)}
    killed = a.counts.get("killed")
    return bool(people_a) and people_a == people_b and isinstance(killed, int) \
        and killed >= len(people_a) and killed == b.counts.get("killed")


def _more_specific_place(a: Event, b: Event) -> Event:
    if a.location_id is None:
        return b
    if b.location_id is None:
        return a
    if bool(a.attrs.get("location_direction")) != bool(b.attrs.get("location_direction")):
        return b if a.attrs.get("location_direction") else a  # "in Tarmiyah" beats "north of Baghdad"
    rank_a, rank_b = GEO_RANK.get(a.geo_precision or "", 9), GEO_RANK.get(b.geo_precision or "", 9)
    if bool(a.attrs.get("summary")) != bool(b.attrs.get("summary")):
        # the body tells where, the headline sums up: an equal place, or one the gazetteer does not
        # know written beside the headline's ("the Mutaibija area" under "... in Diyala"), is the body's
        body, head = (b, a) if a.attrs.get("summary") else (a, b)
        rank_body, rank_head = (rank_b, rank_a) if body is b else (rank_a, rank_b)
        if rank_body <= rank_head or (rank_body == 9 and body.attrs.get("location_container") == head.location_id):
            return body
        return head
    return b if rank_b < rank_a else a


def _more_precise_date(a: Event, b: Event) -> Event:
    if is_undated(a) and not is_undated(b):
        return b
    if is_undated(b):
        return a
    if exact_day(a) is not None and exact_day(b) is not None and _told_and_reported(a, b):
        return b if dated_by_report(a) else a  # the happening's own day, not the day a source spoke
    da, db = event_dates(a), event_dates(b)
    if da is None:
        return b
    if db is None:
        return a
    return b if (db.end - db.start) < (da.end - da.start) else a


def _only_a_bound(event: Event, value: int) -> bool:
    """Return True when a telling of ``event`` gives ``value`` as a bound or a guess ("at least
    seven") and none states a toll update ("the toll rose to at least 40")."""
    texts = [e.text for e in event.evidence]
    return not any(toll_update(t) for t in texts) and any(value in hedged_figures(t) for t in texts)


def merge_events(base: Event, other: Event, *, participants: bool = True, larger_counts: bool = False) -> Event:
    """Return ``base`` enriched with ``other``: its evidence, counts, participants, finer date/place.

    A figure both give keeps ``base``'s, unless ``base`` is a headline's sum or ``larger_counts``
    (one document telling its happening again): then a larger figure of ``other``'s replaces it,
    the more precise or the revised one ("More than 20 were killed ... the bomb killed 24", "at
    least 19 ... the toll has risen to 25"), unless ``other`` only gives it as a bound or a guess
    that no toll update states ("officially four ... at least seven, a monitor said" keeps four).
    A part of the toll told later ("two of the dead were children") is smaller and changes nothing.
    The merged event keeps ``base``'s id, so a store upserts onto the existing record.
    """
    place = _more_specific_place(base, other)
    when = _more_precise_date(base, other)
    counts = dict(base.counts)
    for key, value in other.counts.items():
        counts.setdefault(key, value)
    if base.attrs.get("summary") and not other.attrs.get("summary"):
        # a headline sums up ("kills militia commander"); the body counts ("a commander and two guards")
        counts.update({key: value for key, value in other.counts.items() if value > counts.get(key, 0)})
    elif larger_counts:
        counts.update({key: value for key, value in other.counts.items()
                       if value > counts.get(key, 0) and not _only_a_bound(other, value)})
    actors, targets = list(base.actors), list(base.targets)
    if participants and base.attrs.get("summary") and not other.attrs.get("summary"):
        # the body's reading of whom a deed befell beats the headline's ("US base struck in Syria",
        # read with the base as the subject, over "Rockets hit a base housing US troops")
        actors = [a for a in actors if a not in other.targets]
    if participants:
        actors += [a for a in other.actors if a not in actors and a not in targets]
        targets += [t for t in other.targets if t not in targets and t not in actors]
    spans = {(e.doc_id, e.start, e.end) for e in base.evidence}
    evidence = list(base.evidence)
    for item in other.evidence:
        if (item.doc_id, item.start, item.end) not in spans:
            spans.add((item.doc_id, item.start, item.end))
            evidence.append(item)
    attrs = dict(other.attrs)
    attrs.update(base.attrs)
    for key in ("date_text", "date_basis"):
        if key in when.attrs:
            attrs[key] = when.attrs[key]
        elif when is other:
            attrs.pop(key, None)
    return replace(base, date_start=when.date_start, date_end=when.date_end, date_precision=when.date_precision,
                   location_id=place.location_id, location_name=place.location_name, lat=place.lat,
                   lon=place.lon, geo_precision=place.geo_precision, actors=actors, targets=targets,
                   counts=counts, attrs=attrs, evidence=evidence)


# An outcome sentence that names the happening it follows: "The explosion killed three soldiers",
# "two soldiers were killed in the attack".
REFERS_BACK = re.compile(r"\b(?:the|that|this)\s+(?:\w+\s+)?(?:attack|attacks|strike|strikes|explosion|blast|"
                         r"incident|bombing|shelling|raid|assault|barrage)\b", re.I)


# A toll counted over a period ("320 people have been killed since the protests began", "so far
# this year") adds up many happenings: it re-describes none of them.
TALLY = re.compile(r"\b(?:since\s+(?:the\s+)?(?:\w+\s+){0,2}(?:began|started|erupted|broke\s+out)|"
                   r"since\s+the\s+(?:start|beginning|outbreak)|so\s+far|to\s+date|in\s+total|altogether)\b", re.I)


# "dozens of", "hundreds of", "a series of" before a trigger, or a figure of ten or more ("around 80
# rocket attacks"): a campaign of many happenings.
_MANY_OF = r"(?:\b(?:dozens|hundreds|scores|thousands|numerous|a\s+series|a\s+wave|a\s+string|a\s+spate)\s+of\s+" \
    r"|(?<![\d,.])[1-9]\d{1,2}\s+(?!people|civilians|soldiers|fighters|members|militants|killed|dead|wounded))"


# A sentence opening with the happening just told, named again ("The explosion killed three
# soldiers" after "a drone struck Tower 22"): its outcome, not a second happening.
_OPENING_REFERENCE = re.compile(r"\s*(?:The|This|That)\s+(?:\w+\s+)?(?:explosion|blast|attack|strike|bombing|"
                                r"impact|detonation|raid|ambush|assault|shooting|operation|kidnapping|abduction)\b")
# "The rockets fired at 10 pm hit ...", "These strikes ...": a sentence that opens on the means or the
# happening just told, named again with a definite article
_MEANS_AGAIN = re.compile(r"\s*(?:The|These|Those|This|That)\s+(?:\w+\s+)?(?:rockets?|missiles?|drones?|shells?|"
                          r"mortars?|bombs?|strikes|attacks|explosions|blasts|projectiles?)\b")


@lru_cache(maxsize=4096)
def _occurs(pattern: re.Pattern[str], text: str) -> bool:
    """Return True when ``pattern`` occurs in ``text``, remembered: coreference in a document
    compares each event with every earlier one and asks the same of each sentence again."""
    return pattern.search(text) is not None


def _opens_with_reference(event: Event) -> bool:
    return bool(event.evidence) and _OPENING_REFERENCE.match(event.evidence[0].text) is not None


def is_campaign(event: Event) -> bool:
    """Return True for many happenings told as one ("hundreds of strikes since April 2022")."""
    trigger = str(event.attrs.get("trigger") or "")
    if not trigger or not event.evidence or not trigger.lower().endswith("s"):
        return False  # a plural noun counts happenings; "Hundreds of protesters stormed" counts people
    if set(trigger.lower().split()[1:]) & {"to", "the", "a", "an", "of", "on", "in", "at", "into"}:
        return False  # a verb's phrase ("took to the streets"), not a plural noun
    if len(trigger.split()) > 1 and trigger.split()[0].lower().endswith("ed"):
        return False  # "Hundreds of protesters blocked roads": a past verb and its object, no counted happenings
    return _occurs(_many_of(trigger), event.evidence[0].text)


@lru_cache(maxsize=1024)
def _many_of(trigger: str) -> re.Pattern[str]:
    """Return the pattern of ``trigger`` counted as many ("dozens of air strikes")."""
    return re.compile(_MANY_OF + r"(?:[\w'-]+\s+){0,2}" + re.escape(trigger), re.IGNORECASE)


# "A second attack the same night ...", "In another attack, ...": the text says it is not the one before
# ("It was the second attack on the base this week" and "..., police said, the third such killing this
# month" still are: the rank is the happening's own).
ANOTHER_ONE = re.compile(r"(?<!\bwas the )(?<!\bis the )(?<!\bmarks the )(?<!\bmarked the )(?<!, the )"
                         r"\b(?:another|second|third|fourth|fifth|separate|further|similar|an?\s+(?:earlier|previous|prior))"
                         r"\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:attack|attacks|strike|strikes|bombing|blast|explosion|incident|raid|assault|ambush|"
                         r"clash|clashes|shooting|bomb|bombs|device|ied|car\s+bomb|killing|assassination)\b", re.I)


# "Separately, ...", "Elsewhere, ...", "In a separate incident, ...": the sentence opens on another story.
SEPARATE_STORY = re.compile(r"\s*(?:Separately|Elsewhere|In\s+(?:a\s+)?separate\s+(?:\w+\s+)?(?:incidents?|developments?|"
                            r"attacks?|cases?)|In\s+another\s+(?:\w+\s+)?(?:incidents?|developments?|cases?))\b")


def _is_repeat(prev: Event, new: Event, ancestors: Ancestors | None = None, allied: Allied | None = None) -> bool:
    """Return True if ``new`` (later in the same document) re-describes ``prev``."""
    if new.evidence and (_occurs(ANOTHER_ONE, new.evidence[0].text) or SEPARATE_STORY.match(new.evidence[0].text)):
        return False
    if any(e.counts and (e.attrs.get("tally") or e.evidence and _occurs(TALLY, e.evidence[0].text))
           for e in (prev, new)):
        return False
    if is_campaign(prev) != is_campaign(new):
        return False  # a campaign told in summary is not one of its strikes told in full
    if _perpetrators_again(prev, new, ancestors) or _detainees_again(prev, new):
        return True
    outcome = new.attrs.get("label") in ("killing", "injury")
    refers_back = bool(new.evidence) and _occurs(REFERS_BACK, new.evidence[0].text)
    named_again = _opens_with_reference(new) and new.type in VIOLENT_TYPES and bool(prev.evidence) \
        and new.evidence[0].start - prev.evidence[-1].end <= NEARBY_CHARS  # "The explosion killed three"
    if (outcome or named_again) and is_undated(new) and prev.type in VIOLENT_TYPES \
            and (prev.targets or refers_back) \
            and not roles_conflict(prev, new) and places_compatible(prev, new, ancestors):
        # "the killing", "three soldiers were killed" with no date of their own after the strike that
        # killed: the same happening, named by its outcome
        return True
    if _force_on_the_protest(prev, new, ancestors) or _same_crowd(prev, new, ancestors):
        return True
    if _told_again_vaguely(prev, new):
        return True
    if _attack_recalled(prev, new, ancestors):
        return True
    if _headline_told_in_full(prev, new, ancestors) or _headline_lead(prev, new, ancestors, allied):
        return True
    if _part_intercepted(prev, new, ancestors):
        return True
    if _dated_by_its_report(prev, new, ancestors):
        return True
    if not is_same_family(prev, new) or roles_conflict(prev, new, allied):
        return False
    unplaced = _unplaced(prev) or _unplaced(new)
    weak_place = new.attrs.get("location_basis", "clause") != "clause" or unplaced \
        or any(e.attrs.get("location_direction") for e in (prev, new))  # "north of Baghdad": near it
    if not weak_place and not places_compatible(prev, new, ancestors, containers=not (new.actors or new.targets)):
        return False  # "The men were detained ... in the Wasiti neighbourhood" (of Kirkuk): in Kirkuk
    if unplaced and not places_compatible(prev, new, ancestors) and not participants_overlap(prev, new):
        return False  # an unknown place may be anywhere: only a shared side ties the two tellings
    headline = bool(prev.attrs.get("summary")) or bool(new.attrs.get("summary"))  # the headline sums up the story
    anaphoric = bool(new.attrs.get("anaphoric")) or headline or (
        bool(new.evidence) and new.type in VIOLENT_TYPES and _occurs(_MEANS_AGAIN, new.evidence[0].text))
    near = headline or (bool(prev.evidence and new.evidence)
                        and new.evidence[0].start - prev.evidence[-1].end <= NEARBY_CHARS)
    if is_undated(new) or str(new.attrs.get("date_basis", "")).startswith("relative: reference"):
        return anaphoric or near or participants_overlap(prev, new)
    if is_undated(prev):
        # "... condemned a drone strike that killed three. The strike on Wednesday night targeted a car"
        return near and (anaphoric or participants_overlap(prev, new) or _opens_with_reference(new))
    if _own_day_told_again(prev, new):
        return anaphoric or near or participants_overlap(prev, new)
    return dates_compatible(prev, new) and (anaphoric or near or participants_overlap(prev, new)) \
        and prev.date_start == new.date_start


# "The attackers stormed the village ...": the perpetrators of the happening just told, named again.
PERPETRATORS_AGAIN = re.compile(r"\s*(?:The|These|Those)\s+(?:\w+\s+)?(?:attackers|assailants|gunmen|militants|"
                                r"bombers|kidnappers|perpetrators|insurgents)\b")


def _perpetrators_again(prev: Event, new: Event, ancestors: Ancestors | None = None) -> bool:
    """Return True for a violent happening told by the perpetrators of the one just told, named again
    ("Gunmen killed five ... The attackers stormed the village ..."), with no date of its own or the
    same one, and no place apart from its ("The gunmen later killed a shepherd in Diyala" after a
    Kirkuk attack is their next deed)."""
    if prev.type not in VIOLENT_TYPES or new.type not in VIOLENT_TYPES or not (prev.evidence and new.evidence):
        return False
    if not PERPETRATORS_AGAIN.match(new.evidence[0].text) or roles_conflict(prev, new):
        return False
    if not (places_compatible(prev, new, ancestors) or _unplaced(prev) or _unplaced(new)
            or any(e.attrs.get("location_direction") for e in (prev, new))):
        return False  # a known place apart from the one just told: another deed
    if new.evidence[0].start - prev.evidence[-1].end > NEARBY_CHARS:
        return False
    return is_undated(new) or (not is_undated(prev) and prev.date_start == new.date_start)


# "The suspects were detained in a raid on a house ...": the people of the arrest just told, named again.
DETAINEES_AGAIN = re.compile(r"\s*(?:The|These|Those|All)\s+(?:\w+\s+)?(?:suspects|men|detainees|accused|women|"
                             r"individuals|people|persons|militants|gunmen|members|culprits|perpetrators)\s+"
                             r"(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:detained|arrested|captured|apprehended|"
                             r"held|seized|taken\s+into\s+custody|rounded\s+up)\b")


def _detainees_again(prev: Event, new: Event) -> bool:
    """Return True for an arrest told again by its detainees named again ("Police arrested three
    suspects on Wednesday ... The suspects were detained in a raid on a house in Daratu"), close
    after the arrest, with no date of its own or the same one; its place may be a finer one."""
    if prev.sub_type != "Arrests" or new.sub_type != "Arrests" or not (prev.evidence and new.evidence):
        return False
    if not DETAINEES_AGAIN.match(new.evidence[0].text) or roles_conflict(prev, new):
        return False
    if new.evidence[0].start - prev.evidence[-1].end > NEARBY_CHARS:
        return False
    return is_undated(new) or (not is_undated(prev) and prev.date_start == new.date_start)


# How many days a report may come after the happening it tells ("said Monday that the strikes
# killed 25" of strikes told as Sunday's, or last Friday's).
REPORT_LAG_DAYS = 7


def within_report_lag(day: date, reported: date) -> bool:
    """Return True when ``day`` may be the happening's own day for a report dated ``reported``."""
    return reported - timedelta(days=REPORT_LAG_DAYS) <= day <= reported

_REPORTING_VERB = r"(?:said|says|announced|reported|stated|confirmed|claimed|told\s+[\w.-]+(?:\s+[\w.-]+)?)"


@lru_cache(maxsize=4096)
def _said_on(date_text: str) -> re.Pattern[str]:
    """Return the pattern of a reporting verb dated by ``date_text`` ("said Monday", "announced
    in a statement on Sunday", "told reporters late Saturday")."""
    return re.compile(rf"\b{_REPORTING_VERB}(?:\s+in\s+a\s+statement)?\s+(?:late\s+|early\s+)?(?:on\s+)?"
                      rf"{re.escape(date_text)}\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _definite(trigger: str) -> re.Pattern[str]:
    """Return the pattern of ``trigger`` named as a happening already known ("the US strikes")."""
    words = r"\s+".join(map(re.escape, trigger.split()))
    return re.compile(rf"\b(?:the|these|those|this|that)\s+(?:[\w.-]+\s+){{0,2}}{words}\b", re.IGNORECASE)


def dated_by_report(event: Event) -> bool:
    """Return True when the event's only date is the day someone reported it ("The militia said
    Monday that the strikes killed 25"): the happening was on or before that day, not on it."""
    date_text = str(event.attrs.get("date_text") or "")
    return bool(date_text and event.evidence) and _occurs(_said_on(date_text), event.evidence[0].text)


def _dated_by_its_report(prev: Event, new: Event, ancestors: Ancestors | None) -> bool:
    """Return True for one violent happening told once with its own day (or a span as short as a
    week) and once dated only by a report of it, on that day or within ``REPORT_LAG_DAYS`` after ("US jets struck Kataib
    Hezbollah on Sunday ... The militia said Monday that the strikes killed 25"). A report told
    first (a lead's "said Monday that the toll from the strikes has risen to 25") is the
    report's own happening too, a statement: it is not folded into the strikes told after it.

    The report names the happening as one known ("the strikes", "the attack"), both name a same
    side or the report follows the telling closely (type and place alone never tie two days
    apart in a story), their sub-types agree, their places are
    compatible and their counts may be one toll."""
    if prev.type not in VIOLENT_TYPES or not is_same_family(prev, new) or dated_by_report(prev) \
            or not dated_by_report(new):
        return False
    report, told = new, prev
    trigger = str(report.attrs.get("trigger") or "").strip()
    if not trigger or not _occurs(_definite(trigger), report.evidence[0].text):
        return False  # "said Monday that gunmen killed two shepherds": another happening, told new
    said, span = exact_day(report), None if is_undated(told) else event_dates(told)
    if said is None or span is None or span.end > said or said - span.start > timedelta(days=REPORT_LAG_DAYS):
        return False  # "last week" is a span that may hold the happening; "in January" is too wide
    next_told = bool(prev.evidence) and new.evidence[0].start - prev.evidence[-1].end <= NEXT_TELLING_CHARS
    placed_apart = new.attrs.get("location_basis", "clause") == "clause" \
        and not places_compatible(prev, new, ancestors, containers=True)  # not a place the story lends
    return (participants_overlap(prev, new) or next_told) and not roles_conflict(prev, new) \
        and not placed_apart and counts_compatible(prev, new)


# "A blast ripped through a depot on Monday night. The blast killed one guard, officials said on
# Tuesday": a definite re-telling this close after the lead names the lead's happening even when
# neither telling names a side.
NEXT_TELLING_CHARS = 300


def _unplaced(event: Event) -> bool:
    """Return True for a place no gazetteer knows ("the Wadi al-Shay area"): it may lie inside any
    place the story names, so within one document it rules out no other telling."""
    return event.location_id is not None and event.lat is None and not event.attrs.get("location_container")


def _headline_told_in_full(prev: Event, new: Event, ancestors: Ancestors | None) -> bool:
    """Return True for the body's telling of the violent happening its headline sums up, under
    another sub-type ("Two PMF members killed in ISIS attack" / "... were killed in an ISIS attack":
    the body's parse reads the attack; the headline's does not), with a shared target or the same toll."""
    if not prev.attrs.get("summary") or new.attrs.get("summary"):
        return False
    if prev.type not in VIOLENT_TYPES or new.type not in VIOLENT_TYPES:
        return False
    same_toll = any(v and new.counts.get(k) == v for k, v in prev.counts.items())  # "killing of three ..." twice
    # "PMF commander assassinated in Karbala": a headline that names no side and no toll sums up the
    # violent happening its body tells first in the same (sub-country) place
    bare = not (prev.actors or prev.targets or prev.counts) and prev.location_id is not None \
        and prev.location_id == new.location_id and prev.geo_precision not in (None, "country")
    if not set(prev.targets) & set(new.targets) and not same_toll and not bare:
        return False
    if event_dates(prev) is not None and event_dates(new) is not None and not dates_compatible(prev, new):
        return False  # the headline's happening is dated (from its body), the new one another day
    # "... ambush north of Baghdad": a headline's place seen from afar holds the body's town
    return not roles_conflict(prev, new) and counts_compatible(prev, new) and (
        places_compatible(prev, new, ancestors, containers=True) or _unplaced(prev) or _unplaced(new)
        or bool(prev.attrs.get("location_direction")) and same_toll)


def _headline_lead(prev: Event, new: Event, ancestors: Ancestors | None, allied: Allied | None) -> bool:
    """Return True for the body's first telling of the happening its headline sums up, of the same
    family ("Drone attack targets oil field in Kurdistan Region" / "An armed drone attacked the Khor Mor
    gas field on Monday"), when nothing tells them apart: the headline names no side and has taken no
    body telling yet,
    it has no day of its own or the body's, no other doer, a toll that may be the body's, and a place
    that holds the body's, a place no gazetteer knows on either side, or only a country (a headline's
    "near Syria border" is a bearing, not where it happened)."""
    if not prev.attrs.get("summary") or new.attrs.get("summary") or len(prev.evidence) != 1 \
            or prev.actors or prev.targets:
        return False  # a headline naming sides is matched by them (`_headline_told_in_full`)
    if not is_same_family(prev, new) or roles_conflict(prev, new, allied) or not counts_compatible(prev, new):
        return False
    if not is_undated(prev) and not (dates_compatible(prev, new) and prev.date_start == new.date_start):
        return False
    return places_compatible(prev, new, ancestors, containers=True) or _unplaced(prev) or _unplaced(new) \
        or prev.geo_precision == "country"


_INTERCEPTED = frozenset({"intercepted", "downed", "shot", "shot down", "intercept", "down"})


def _part_intercepted(prev: Event, new: Event, ancestors: Ancestors | None = None) -> bool:
    """Return True for an interception told just after a strike by drones or missiles, with no
    date of its own ("Two drones attacked the base ... One of the drones was intercepted, but the
    other detonated"): the part of the attack that failed, no happening apart from it. Not one
    downed in another place ("Another drone was shot down over Duhok" after Erbil's)."""
    if new.sub_type != "Disrupted weapons use" or prev.type != "Explosions/Remote violence":
        return False
    if str(new.attrs.get("trigger") or "").lower() not in _INTERCEPTED or not is_undated(new):
        return False
    if not (prev.evidence and new.evidence) or new.evidence[0].start - prev.evidence[-1].end > NEARBY_CHARS:
        return False
    return not roles_conflict(prev, new) and places_compatible(prev, new, ancestors)


# Verbs that tell a violent happening without its means ("the convoy ... when it was hit"): the
# sub-type their rule gives is a default, not something the text says.
VAGUE_TRIGGERS = frozenset({"hit", "attack", "attacked", "targeted", "target"})


def _told_again_vaguely(prev: Event, new: Event) -> bool:
    """Return True for a violent happening told again just after by a verb that names no means,
    with no date of its own and the same target ("A drone struck a convoy ... The convoy was
    travelling toward X when it was hit"): one happening, the first telling's sub-type."""
    if str(new.attrs.get("trigger") or "").lower() not in VAGUE_TRIGGERS or new.type != prev.type \
            or prev.type not in VIOLENT_TYPES or not is_undated(new) or not (set(new.targets) & set(prev.targets)):
        return False
    if roles_conflict(prev, new) or not (prev.evidence and new.evidence):
        return False
    return new.evidence[0].start - prev.evidence[-1].end <= NEARBY_CHARS


def _attack_recalled(prev: Event, new: Event, ancestors: Ancestors | None) -> bool:
    """Return True for a violent happening told before, recalled later by the bare noun "attack"
    with a date ("US strikes hit X on Saturday ... Baghdad condemned the weekend attacks",
    "Tuesday's attack"): the noun names no means, so it is the earlier telling, whatever its sub-type."""
    if new.attrs.get("rule") != "event-attack-noun" or prev.type not in VIOLENT_TYPES:
        return False
    if roles_conflict(prev, new) or not places_compatible(prev, new, ancestors):
        return False
    return is_undated(new) or is_undated(prev) or dates_compatible(prev, new)


# Protest sub-types by how much force met the crowd: one protest takes the most it met.
PROTEST_FORCE = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
# A crowd that rioted stays a riot when force met it ("stormed the council building ... Security
# forces fired tear gas to disperse the crowd"): ACLED's violent demonstration, with its casualties.
RIOTS = ("Violent demonstration",)


def _force_on_the_protest(prev: Event, new: Event, ancestors: Ancestors | None = None) -> bool:
    """Return True for force used on a protest told just after it ("... protested outside the
    embassy on Saturday. Security forces fired tear gas to disperse the crowd"): ACLED's one
    protest, with intervention, not a second happening. The force has no date of its own, or the
    protest's, and no place apart from the protest's ("tear gas ... in Baghdad. Two protesters
    were killed in Nasiriyah": two cities' protests)."""
    if prev.sub_type not in PROTEST_FORCE + RIOTS or new.sub_type not in PROTEST_FORCE[1:] \
            or prev.sub_type == new.sub_type or not places_compatible(prev, new, ancestors):
        return False
    if not (prev.evidence and new.evidence) or new.evidence[0].start - prev.evidence[-1].end > NEARBY_CHARS:
        return False
    return is_undated(new) or (not is_undated(prev) and prev.date_start == new.date_start)


def _same_crowd(prev: Event, new: Event, ancestors: Ancestors | None) -> bool:
    """Return True for a crowd's protest and its riot told close together ("protesters stormed the
    embassy ... Hundreds of protesters gathered near the embassy"): one demonstration, a violent one.
    The later telling has no date of its own or the same one, and no other place."""
    if {prev.sub_type, new.sub_type} != {"Peaceful protest", RIOTS[0]}:
        return False
    if not (prev.evidence and new.evidence) or new.evidence[0].start - prev.evidence[-1].end > NEARBY_CHARS:
        return False
    if not places_compatible(prev, new, ancestors):
        return False
    return is_undated(new) or (not is_undated(prev) and prev.date_start == new.date_start)


def merge_in_document(events: list[Event], ancestors: Ancestors | None = None,
                      allied: Allied | None = None) -> list[Event]:
    """Return the events of one document with repeated descriptions merged into the first.

    ``ancestors`` (place id -> ancestor ids) lets "Baghdad" and a Baghdad neighbourhood agree;
    ``allied`` (see :func:`roles_conflict`) lets one story's telling by the forces and by their
    unit agree. Reports from different documents never use it.
    """
    merged: list[Event] = []
    for event in events:
        target = next((i for i in range(len(merged) - 1, -1, -1)
                       if _is_repeat(merged[i], event, ancestors, allied)), None)
        if target is None:
            merged.append(event)
            continue
        # A reference that adds nothing of its own: "the killing" (anaphoric) or a killing folded
        # into the strike it was the outcome of ("UNAMI condemned the killing": UNAMI did not kill).
        again = _opens_with_reference(event) and is_undated(event)  # "The explosion killed three": its toll only
        # "... was travelling toward X when it was hit": where it was going, not a place of its own
        recalled = _attack_recalled(merged[target], event, ancestors)  # "the attack on Sunday": names no means
        again = again or _told_again_vaguely(merged[target], event) or recalled
        anaphoric = bool(event.attrs.get("anaphoric")) or again or (
            event.attrs.get("label") == "killing" and merged[target].attrs.get("label") != "killing")
        base = merged[target]
        # "The blast happened near Tuz Khurmatu" after a bomb "in Salahuddin": a place inside the one
        # told says more of where it was, and stays
        finer = event.location_id is not None and base.location_id is not None and ancestors is not None \
            and event.location_id != base.location_id and base.location_id in ancestors(event.location_id)
        # "PMF says fighters killed" over "... killed in an ISIS attack on their positions in the
        # Tharthar desert": the body says where the headline did not
        finer = finer or (event.location_id is not None and base.location_id is None
                          and bool(base.attrs.get("summary")) and len(base.evidence) == 1)
        if event.attrs.get("location_basis", "clause") != "clause" or (again and not finer):
            # the place dropped, so is how it was found (an unplaced event said "clause")
            event = replace(event, location_id=None, location_name=None, lat=None, lon=None, geo_precision=None,
                            attrs={k: v for k, v in event.attrs.items() if not k.startswith("location_")})
        if base.attrs.get("summary") and len(base.evidence) == 1 and not event.attrs.get("summary") \
                and base.sub_type != event.sub_type and not recalled:
            base = replace(base, type=event.type, sub_type=event.sub_type)  # the body's first telling, in full
        if base.sub_type in PROTEST_FORCE and event.sub_type in PROTEST_FORCE and \
                PROTEST_FORCE.index(event.sub_type) > PROTEST_FORCE.index(base.sub_type):
            base = replace(base, sub_type=event.sub_type)  # the protest met force
        if base.sub_type == "Peaceful protest" and event.sub_type in RIOTS:
            base = replace(base, type=event.type, sub_type=event.sub_type)  # the crowd turned violent
        merged[target] = merge_events(base, event, participants=not anaphoric, larger_counts=True)
    return merged
