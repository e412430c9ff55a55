"""Casualty reports that belong to a happening told before them, not happenings of their own.

Wire copy reports an attack and its toll in separate clauses or sentences: "The US strike
killed 25 fighters and wounded 51 others"; "A car bomb exploded in Sadr City on Tuesday.
Twelve people were killed and 30 wounded." The killing and wounding verbs are event triggers,
so each would become an event of its own: a second, undated, unplaced "attack" beside the strike
or the bombing, whose casualties it then lacks. Here such a report is folded into the happening
it is about:

- in one sentence, a wounding whose figure another violent event of the sentence already holds
  ("killed 25 and wounded 51") is that event's (:func:`coordinated_casualties`);
- a sentence whose only events are casualty reports with no actor, no place and no date of their
  own gives its figures and its evidence to the last violent event of the sentence before
  (:func:`follow_up_casualties`), unless it says it is about another incident ("in a separate
  attack", "elsewhere").

Counts merge as :func:`merge_events` merges one document's tellings: of two figures for one
happening, the larger (the precise "24" after "more than 20", the revised toll) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factiongraph.extract.events.tolls import no_casualties, toll_update
from datetime import timedelta

from factiongraph.extract.events.coref import (REPORT_LAG_DAYS, dated_by_report, event_dates, exact_day, is_campaign,
                                                is_same_family, is_undated, merge_events)
from factiongraph.extract.events.typology import VIOLENT_TYPES
from factiongraph.model import Event

# Labels of the events a killing or wounding verb makes on its own (events.yaml).
CASUALTY_LABELS = frozenset({"killing", "injury"})
# Words that put a casualty report in another incident than the one told before.
# ("Another 20 were wounded" adds to the toll told: only "another" happening points away.)
_OTHER_INCIDENT = re.compile(r"\b(?:separate|another\s+(?:[\w-]+\s+)?(?:attack|incident|blast|strike|bombing|"
                             r"explosion|shooting|ambush|raid|clash)|other\s+(?:attack|incident|blast|strike)s?|"
                             r"elsewhere|meanwhile|earlier|previous|last\s+(?:week|month|year))\b", re.IGNORECASE)


# Words that make a sentence's figures a tally over time, not one happening's toll.
_TALLY_WORDS = re.compile(r"\b(?:since|so\s+far|in\s+total|in\s+all|altogether|overall|toll|this\s+year|"
                          r"months?|years?|weeks)\b", re.IGNORECASE)


def stated_figures(text: str, counted: dict[str, int]) -> dict[str, int]:
    """Return the toll a sentence without a happening of its own states for the one told before.

    ``counted`` is the sentence's reading (:func:`~factiongraph.extract.events.counts.sentence_counts`).
    A zero toll ("There were no casualties") always; otherwise the killed and injured figures
    ("Five people died and 20 were hurt, police said"), unless the sentence tallies over time
    ("since October", "so far this year") or speaks of another incident.
    """
    zeros = no_casualties(text)
    if zeros:
        return zeros
    if _OTHER_INCIDENT.search(text) or _TALLY_WORDS.search(text):
        return {}
    return {k: v for k, v in counted.items() if k in ("killed", "injured") and v > 0}


def toll_as_of(event: Event) -> bool:
    """Return True when the event's only date is the day its toll stood by ("By Tuesday, the
    fighting had left 23 dead"): when it was counted, not when it happened."""
    date_text = str(event.attrs.get("date_text") or "")
    return bool(date_text and event.evidence) and re.search(
        rf"\bby\s+(?:late\s+|early\s+)?(?:on\s+)?{re.escape(date_text)}\b", event.evidence[0].text,
        re.IGNORECASE) is not None


def is_bare_casualty(event: Event) -> bool:
    """Return True for a killing or wounding with figures and nothing of its own besides: no
    actor, no place, no date but the publication period, the day someone reported it ("Four
    protesters were killed, medics said on Tuesday"), the day its toll stood by, or one written
    outside its sentence (:func:`dated_from_elsewhere`)."""
    return (event.attrs.get("label") in CASUALTY_LABELS and bool(event.counts) and not event.actors
            and event.location_id is None and (is_undated(event) or dated_by_report(event) or toll_as_of(event)
                                               or dated_from_elsewhere(event)))


def dated_from_elsewhere(event: Event) -> bool:
    """Return True when an event's date is written outside its own sentence: the date labelling its
    paragraph ("02/23/2012: A car bomb exploded ... Five people were killed") or its dateline."""
    written = str(event.attrs.get("date_text") or "")
    return bool(written) and bool(event.evidence) and written not in event.evidence[0].text


def is_toll_of_one_told(event: Event, sentence: str) -> bool:
    """Return True for a violent happening a sentence names as one already told ("The explosion
    killed three soldiers", "the number of dead people who were targeted in the strike is
    four"): a definite noun, figures, and no place finer than a country and no date of its own
    (who it names as acting is the happening's, told before)."""
    trigger = str(event.attrs.get("trigger", ""))
    placed = event.location_id is not None and event.geo_precision != "country"
    if event.type not in VIOLENT_TYPES or not event.counts or placed or not is_undated(event) or not trigger.strip():
        return False
    words = r"\s+".join(map(re.escape, trigger.split()))
    return re.search(rf"\b(?:the|this|that)\s+(?:[\w.-]+\s+){{0,2}}{words}\b", sentence, re.IGNORECASE) is not None


# Words that tell victims besides those told before ("were also killed", "In addition to the bomber,
# a guard was killed", "two more", "another three"); "more than" is a bound, not an addition.
_MORE = re.compile(r"\b(?:also|in\s+addition\s+to|additional|another|further)\b|\bmore\b(?!\s+than)",
                   re.IGNORECASE)


def coordinated_casualties(events: list[Event], first: int) -> list[int]:
    """Merge, among ``events[first:]`` (one sentence's), each wounding whose figures another
    violent event of the sentence already holds into that event; return the merged indices."""
    gone: list[int] = []
    for i in range(first, len(events)):
        event = events[i]
        if event.attrs.get("label") != "injury" or not event.counts:
            continue
        host = next((j for j in range(first, len(events)) if j != i and j not in gone
                     and events[j].type in VIOLENT_TYPES and events[j].attrs.get("label") != "injury"
                     and all(events[j].counts.get(k) == v for k, v in event.counts.items())), None)
        if host is not None:
            events[host] = merge_events(events[host], event)
            gone.append(i)
    return gone


def follow_up_casualties(events: list[Event], first: int, triggers: Sequence[int], floor: int,
                         sentence: str) -> list[int]:
    """Fold the casualty reports of one sentence (``events[first:]``) into the last violent
    event whose trigger is at or after ``floor`` (the sentence before's start); return the
    folded indices (none unless every event of the sentence is a bare casualty report)."""
    new = range(first, len(events))
    update = toll_update(sentence)
    if not new or _OTHER_INCIDENT.search(sentence) \
            or not all(is_bare_casualty(events[i]) or is_toll_of_one_told(events[i], sentence)
                       or (update is not None and events[i].attrs.get("label") in CASUALTY_LABELS) for i in new):
        return []
    # the host's trigger, or a telling of it already folded in ("..., killing eight. In addition to the
    # bomber, a guard was killed. // Three people, including two children, were wounded")
    host = next((j for j in range(first - 1, -1, -1)
                 if (triggers[j] >= floor or any(ev.start >= floor for ev in events[j].evidence))
                 and events[j].type in VIOLENT_TYPES and not is_bare_casualty(events[j])), None)
    if host is None:
        return []
    more = _MORE.search(sentence) is not None and update is None
    for i in new:
        before = dict(events[host].counts)
        # "More than 20 were killed ... Police said the bomb killed 24", "Hospital officials later
        # said 19 people had died": the larger figure is the more precise or the revised one
        events[host] = merge_events(events[host], events[i], participants=False, larger_counts=True)
        if more:
            # "... killing eight. In addition to the bomber, a guard was killed", "Two civilians were
            # also killed": victims besides those told, added to them
            for key, value in events[i].counts.items():
                if key in before and key in ("killed", "injured"):
                    events[host].counts[key] = before[key] + value
    if update is not None and update[1] > events[host].counts.get(update[0], 0):
        events[host].counts[update[0]] = update[1]  # "Later reports put the toll at 22"
    return list(new)


# Words by which a sentence telling a happening points back at victims just counted ("A drone struck
# their car", "The victims were hit when a bomb exploded").
_VICTIMS_BACK = re.compile(r"\b(?:their|them|the\s+(?:victims?|dead|wounded|casualties))\b", re.IGNORECASE)


def toll_told_first(events: list[Event], first: int, triggers: Sequence[int], floor: int, sentence: str,
                    holds: Callable[[str, str], bool]) -> int | None:
    """Fold a bare toll told just before its happening into it: "Four people were killed on
    Wednesday. A drone struck their car on the road to Sinjar": the one violent happening of the
    sentence (``events[first:]``), with no figure of its own and words pointing back at the victims,
    takes the killing or wounding the sentence before (trigger at or after ``floor``) reported with
    no doer, when their days and places agree (``holds(outer, inner)``: the KB puts one place in the
    other). Return the index of the folded toll, else None."""
    if len(events) - first != 1 or first == 0 or triggers[first - 1] < floor:
        return None
    told, toll = events[first], events[first - 1]
    if told.type not in VIOLENT_TYPES or told.counts or told.attrs.get("label") in CASUALTY_LABELS \
            or not _VICTIMS_BACK.search(sentence):
        return None
    if toll.attrs.get("label") not in CASUALTY_LABELS or not toll.counts or toll.actors:
        return None
    if not is_undated(told) and not is_undated(toll) and told.date_start != toll.date_start:
        return None
    if told.location_id and toll.location_id and told.location_id != toll.location_id \
            and not holds(toll.location_id, told.location_id):
        return None
    events[first] = merge_events(told, toll, participants=False)
    return first - 1


def carry_lead_toll(events: list[Event]) -> None:
    """Give the happening a report's toll update is about that figure when the report is told
    first and the happening after it with a smaller one ("Kataib Hezbollah said Monday that the
    death toll from US strikes has risen to 25 ... The strikes on Sunday killed at least 19"): the
    revised toll is the happening's, and no longer the report's. The report stays an event of its
    own (a statement, told first); the happening is the next one of the same family, with a shared actor, on the report's
    day or at most ``REPORT_LAG_DAYS`` before it."""
    for i, report in enumerate(events):
        update = toll_update(report.evidence[0].text) if report.evidence else None
        said = exact_day(report)
        if update is None or said is None or report.type not in VIOLENT_TYPES or not dated_by_report(report):
            continue
        key, value = update
        for told in events[i + 1:]:
            span = event_dates(told)
            if told.type not in VIOLENT_TYPES or not is_same_family(report, told) or is_campaign(told) \
                    or not set(report.actors) & set(told.actors) or span is None or is_undated(told):
                continue
            if span.end > said or said - span.start > timedelta(days=REPORT_LAG_DAYS):
                continue
            if told.counts.get(key, 0) < value:
                told.counts[key] = value
            if report.counts.get(key) == value:
                del report.counts[key]  # the strikes' toll, told once: the report counts no one itself
            break
