"""Events in the ACLED typology."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from factiongraph.model.document import DatePrecision
from factiongraph.model.evidence import Evidence


class Certainty(StrEnum):
    """How the source presents an event."""

    REPORTED = "reported"
    ALLEGED = "alleged"
    CLAIMED = "claimed"
    ANONYMOUS = "claimed-by-anonymous-source"


@dataclass(slots=True)
class Event:
    """A happening with ACLED type and sub-type, time, place, participants and evidence."""

    event_id: str
    type: str
    sub_type: str
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    location_id: str | None = None
    location_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    certainty: Certainty = Certainty.REPORTED
    attrs: dict[str, object] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
