"""ACLED-compatible CSV: ACLED's column names and value conventions, one row per event.

``notes`` is a one-sentence summary written from the extracted fields (never copied text).
Place hierarchy (admin1/admin2/admin3) comes from a ``place_chain`` callable supplied by the
caller (the knowledge base), so this module reads only the store and the model.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import IO

from factiongraph.model import Entity, EntityType, Event

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
]

#: ACLED interaction codes by entity type (1 state forces, 3 political militias, 7 civilians, 8 external).
INTER_CODES = {
    EntityType.STATE_BODY: 1,
    EntityType.ARMED_GROUP: 3,
    EntityType.POLITICAL_ORG: 3,
    EntityType.PERSON: 7,
    EntityType.MEDIA_OUTLET: 7,
    EntityType.INTL_ORG: 8,
    EntityType.COUNTRY: 8,
    EntityType.PLACE: 0,
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
PRECISION_CODE = {"day": 1, "month": 2, "year": 3}
GEO_CODE = {"neighbourhood": 1, "city": 1, "base": 1, "landmark": 1, "district": 2, "governorate": 3, "country": 3}
ISO_NUMERIC = {"IQ": 368, "IR": 364, "SY": 760, "JO": 400, "SA": 682, "KW": 414, "TR": 792, "LB": 422, "YE": 887}

PlaceChain = Callable[[str], list[tuple[str, str, str | None]]]  # id -> [(name, admin_level, iso)], self first


def _actor(ids: list[str], entities: dict[str, Entity]) -> tuple[str, str, int]:
    names = [entities[i].name for i in ids if i in entities]
    inter = INTER_CODES.get(entities[ids[0]].type, 0) if ids and ids[0] in entities else 0
    return (names[0] if names else ""), "; ".join(names[1:]), inter


def summarize_event(event: Event, entities: dict[str, Entity]) -> str:
    """Return a one-sentence summary of an event built from its fields."""
    actors = " and ".join(entities[a].name for a in event.actors if a in entities) or "Unidentified actors"
    targets = " and ".join(entities[t].name for t in event.targets if t in entities)
    label = str(event.attrs.get("label") or event.sub_type).lower()
    when = f"On {event.date_start}" if event.date_precision and event.date_precision.value == "day" else (
        f"In {event.date_start}" if event.date_start else "On an unreported date")
    where = f" in {event.location_name}" if event.location_name else ""
    counts = ", ".join(f"{v} {k}" for k, v in sorted(event.counts.items()) if v)
    target = f" involving {targets}" if targets else ""
    tail = f" ({counts})" if counts else ""
    return f"{when}, {actors}: {label}{target}{where}{tail} [{event.certainty.value}]."


def write_acled_csv(events: Iterable[Event], entities: dict[str, Entity], outlets: Callable[[str], str | None],
                    out: IO[str], place_chain: PlaceChain | None = None, timestamp: int | None = None) -> int:
    """Write events as ACLED CSV rows; return the number of rows.

    Args:
        events: the events to write.
        entities: entity records by id (for actor names and inter codes).
        outlets: doc_id -> outlet name, for the ``source`` column.
        out: a text stream.
        place_chain: location id -> its chain of (name, admin level, iso) from the place upward.
        timestamp: the ``timestamp`` column (Unix seconds); the time of writing when omitted.
    """
    stamp = int(datetime.now().timestamp()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for event in events:
        a1, assoc1, inter1 = _actor(event.actors, entities)
        a2, assoc2, inter2 = _actor(event.targets, entities)
        chain = place_chain(event.location_id) if place_chain and event.location_id else []
        levels = {level: name for name, level, _ in chain}
        iso = next((i for _, _, i in chain if i), None)
        sources = sorted({o for ev in event.evidence if (o := outlets(ev.doc_id))})
        date = event.date_start or ""
        writer.writerow({
            "event_id_cnty": f"{iso or 'XX'}{event.event_id[-8:].upper()}",
            "event_date": date,
            "year": date[:4],
            "time_precision": PRECISION_CODE.get(event.date_precision.value if event.date_precision else "", 3),
            "disorder_type": DISORDER.get(event.type, "Strategic developments"),
            "event_type": event.type,
            "sub_event_type": event.sub_type,
            "actor1": a1, "assoc_actor_1": assoc1, "inter1": inter1 if a1 else "",
            "actor2": a2, "assoc_actor_2": assoc2, "inter2": inter2 if a2 else "",
            "interaction": int("".join(str(x) for x in sorted(c for c in (inter1, inter2) if c)) or 0),
            "civilian_targeting": "Civilian targeting" if event.type == "Violence against civilians" else "",
            "iso": ISO_NUMERIC.get(iso or "", ""),
            "region": "Middle East" if iso in ISO_NUMERIC else "",
            "country": levels.get("country", ""),
            "admin1": levels.get("governorate", ""),
            "admin2": levels.get("district", levels.get("city", "")),
            "admin3": levels.get("neighbourhood", ""),
            "location": event.location_name or "",
            "latitude": "" if event.lat is None else f"{event.lat:.4f}",
            "longitude": "" if event.lon is None else f"{event.lon:.4f}",
            "geo_precision": GEO_CODE.get(event.geo_precision or "", 3),
            "source": "; ".join(sources),
            "source_scale": "Other" if not sources else ("International" if len(sources) > 1 else "National"),
            "notes": summarize_event(event, entities),
            "fatalities": int(event.counts.get("killed", 0) or 0),
            "timestamp": stamp,
        })
        n += 1
    return n
