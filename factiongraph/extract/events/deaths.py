"""Killings of people whose death the knowledge base records: the day they died dates the killing.

News about armed groups recalls a few killings again and again ("the killing of Qasem Soleimani
and Abu Mahdi al-Muhandis", "since the assassination of Hisham al-Hashimi"), often with a day that
belongs to the sentence's other happening (the anniversary rally, the report) or a yearless day
the publication's year was guessed for ("On January 3, a US strike killed Soleimani" in a 2021
article). A person dies once: a violent happening that kills a person whose record gives the day
of death (``died_on``, a fact with the record's source) is that day's. The record's day replaces
only a date the text gave that holds it (a month or year) or that falls after the death; an
undated recollection stays undated (the text does not date it, and the gold guidelines date
events by what the text implies).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factiongraph.extract.events.coref import event_dates, is_undated
from factiongraph.model import DatePrecision, Entity, EntityType, Event

# Event labels that name a killing whatever the counts say ("the assassination of X").
_KILLING_LABELS = frozenset({"killing"})


def _death_day(entity: Entity | None) -> date | None:
    if entity is None or entity.type is not EntityType.PERSON:
        return None
    written = entity.attributes.get("died_on")
    try:
        return date.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        return None


def date_by_recorded_death(event: Event, entity_of: Callable[[str], Entity | None],
                           violent: frozenset[str]) -> bool:
    """Give a violent happening that kills a person whose death day the KB records that day.

    Only a killing (a killed count, or a killing's label: "the assassination of X") of people
    who all died on one recorded day; only when the happening's date, read from the text, is a
    month or a year holding that day, or a day after it (a yearless day given the publication's
    year, the day of a rally or report told in the same sentence). Run after in-document
    coreference: a month's telling and a day's must not be kept apart by it. Return True when
    the date was set.
    """
    if event.type not in violent or not (event.counts.get("killed") or event.attrs.get("label") in _KILLING_LABELS):
        return False
    dead = [(target, day) for target in event.targets if (day := _death_day(entity_of(target))) is not None]
    days = {day for _, day in dead}
    if len(days) != 1:
        return False
    day = days.pop()
    current = None if is_undated(event) else event_dates(event)
    if current is None:
        return False  # undated: the text gives no date to correct
    holds = current.start <= day <= current.end and current.precision is not DatePrecision.DAY
    if not holds and current.start <= day:
        return False  # its own day, an earlier one (not this death), or a period without the day
    entity = entity_of(dead[0][0])
    name = entity.name if entity is not None else dead[0][0]
    event.date_start = event.date_end = day.isoformat()
    event.date_precision = DatePrecision.DAY
    event.attrs["date_basis"] = f"KB: the recorded death of {name} on {day.isoformat()}"
    return True
