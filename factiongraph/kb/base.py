"""The loaded knowledge base: records by id plus the look-ups other stages need."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from factiongraph.kb.gazetteer import Gazetteer
from factiongraph.kb.names import consonant_key, normalize_name, strip_article
from factiongraph.kb.record import KBRecord
from factiongraph.model import EntityType

logger = logging.getLogger(__name__)

_PLACE_TYPES = (EntityType.PLACE, EntityType.COUNTRY)


# How far (in degrees, about 20 km) a gazetteer place may lie from a KB place of its name to be it.
_TWIN_DEGREES = 0.2

class KnowledgeBase:
    """Validated, merged KB records with look-ups by id, type, name, place and role.

    Built by :func:`factiongraph.kb.load_kb`; treat it as read-only and share it freely.
    """

    __slots__ = ("_records", "_origins", "_version", "_gazetteer", "_names", "_bare_place_names",
                 "_roles", "_place_letters")

    def __init__(self, records: Mapping[str, KBRecord], *, version: str,
                 origins: Mapping[str, str] | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        """Index already-validated records (see ``kb.schema``) for look-ups."""
        self._records: Mapping[str, KBRecord] = MappingProxyType(dict(records))
        self._origins: Mapping[str, str] = MappingProxyType(dict(origins or {}))
        self._version = version
        self._gazetteer = gazetteer
        self._names: dict[str, list[str]] = {}
        self._bare_place_names: dict[str, list[str]] = {}
        self._roles: dict[tuple[str, str], list[tuple[str, int | None, int | None]]] = {}
        self._place_letters: dict[str, set[str]] = {}
        for record in self._records.values():
            self._index_record(record)

    def _index_record(self, record: KBRecord) -> None:
        for name in record.names:
            key = normalize_name(name)
            owners = self._names.setdefault(key, [])
            if record.id not in owners:
                owners.append(record.id)
            if record.type in _PLACE_TYPES:
                bare = self._bare_place_names.setdefault(strip_article(key), [])
                if record.id not in bare:
                    bare.append(record.id)
                letters = consonant_key(key)
                if letters is not None:
                    self._place_letters.setdefault(letters, set()).add(record.id)
        for item in record.attributes.get("roles", ()):
            self._add_role(record.id, item["of"], item)
        for item in record.attributes.get("leaders", ()):
            self._add_role(item["person"], record.id, item)

    def _add_role(self, person_id: str, of: str, item: Mapping[str, object]) -> None:
        start, stop = item.get("from"), item.get("to")
        span = (person_id, start if isinstance(start, int) else None,
                stop if isinstance(stop, int) else None)
        holders = self._roles.setdefault((of, normalize_name(str(item["role"]))), [])
        if span not in holders:
            holders.append(span)

    @property
    def records(self) -> Mapping[str, KBRecord]:
        """All curated records by id (gazetteer places are not included)."""
        return self._records

    @property
    def version(self) -> str:
        """Short sha256 over the bytes of the loaded files; changes when any file changes."""
        return self._version

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._records

    def __iter__(self) -> Iterator[KBRecord]:
        return iter(self._records.values())

    def get(self, record_id: str) -> KBRecord | None:
        """Return the record with this id (curated, or a ``geonames-`` gazetteer place), or None."""
        record = self._records.get(record_id)
        if record is None and self._gazetteer is not None:
            record = self._gazetteer.get(record_id)
        return record

    def origin(self, record_id: str) -> str | None:
        """Return the path of the file the record was loaded from, or None."""
        return self._origins.get(record_id)

    def by_type(self, entity_type: EntityType) -> list[KBRecord]:
        """Return the curated records of one type, in file order."""
        return [r for r in self._records.values() if r.type == entity_type]

    def lookup(self, name: str, types: tuple[EntityType, ...] = ()) -> list[KBRecord]:
        """Return curated records whose name or alias has the same key as ``name``.

        Matching is exact up to case, accents and punctuation (see ``kb.names``); fuzzy and
        transliteration matching is the resolve stage's job. ``types`` filters when given.
        """
        found = [self._records[i] for i in self._names.get(normalize_name(name), ())]
        return [r for r in found if not types or r.type in types]

    def lookup_place(self, name: str) -> KBRecord | None:
        """Return the place or country called ``name``: KB first, then the offline gazetteer.

        Tries the exact key, then the key without a leading article ("al-Dora" = "Dora"), then
        the gazetteer (largest population wins). Returns None when nothing matches.
        """
        key = normalize_name(name)
        if not key:
            return None
        for ids in (self._names.get(key, ()), self._bare_place_names.get(strip_article(key), ())):
            for record_id in ids:
                record = self._records[record_id]
                if record.type in _PLACE_TYPES:
                    return record
        found = self._gazetteer.lookup(name) if self._gazetteer is not None else None
        twin = self._curated_twin(key, found) if found is not None else None
        return twin or found

    def _curated_twin(self, key: str, found: KBRecord) -> KBRecord | None:
        """Return the KB's own record of a gazetteer place spelt otherwise ("Kirkouk": Kirkuk), when
        one KB place has the name's consonants and lies within about 20 km of it."""
        letters = consonant_key(key)
        ids = self._place_letters.get(letters, set()) if letters is not None else set()
        if len(ids) != 1:
            return None
        own = self._records[next(iter(ids))]
        points: list[float] = []
        for value in (own.attributes.get(k) if n < 2 else found.attributes.get(k)
                      for n, k in enumerate(("lat", "lon", "lat", "lon"))):
            if not isinstance(value, (int, float)):
                return None
            points.append(float(value))
        lat, lon, far_lat, far_lon = points
        return own if abs(lat - far_lat) < _TWIN_DEGREES and abs(lon - far_lon) < _TWIN_DEGREES else None

    def place_by_letters(self, name: str) -> KBRecord | None:
        """Return the one place whose name is written with the same consonants as ``name``.

        For spellings :meth:`lookup_place` does not know ("Khaniqeen" for Khanaqin, "Nasriya" for
        Nasiriyah): the KB's places first, then the gazetteer's. None when the name has too few
        consonants to tell places apart or when two places share them.
        """
        letters = consonant_key(normalize_name(name))
        if letters is None:
            return None
        curated = self._place_letters.get(letters, set())
        if len(curated) == 1:
            return self._records[next(iter(curated))]
        if curated or self._gazetteer is None:
            return None
        return self._gazetteer.by_letters(letters)

    def ancestors(self, place_id: str) -> list[KBRecord]:
        """Return the parent chain of a place, nearest first, ending at its country.

        The place itself is not included: for a Baghdad neighbourhood the result is
        ``[baghdad, baghdad-governorate, iraq]``. Unknown ids give an empty list.
        """
        chain: list[KBRecord] = []
        seen = {place_id}
        record = self.get(place_id)
        while record is not None:
            parent_id = record.attributes.get("parent")
            if not isinstance(parent_id, str) or parent_id in seen:
                break
            seen.add(parent_id)
            record = self.get(parent_id)
            if record is not None:
                chain.append(record)
        return chain

    def role_holders(self, role: str, of: str, year: int) -> list[KBRecord]:
        """Return the people who held ``role`` of ``of`` at any time in ``year``.

        Both people's ``roles`` and organisations' ``leaders`` count. Role names match up to
        case and punctuation ("prime minister" = "Prime Minister"). A null ``from`` means the
        start is unknown and a null ``to`` means current or unknown: both are open-ended.
        Results are ordered by start year.
        """
        spans = self._roles.get((of, normalize_name(role)), [])
        hits: dict[str, int] = {}
        for person_id, start, stop in spans:
            if (start is None or start <= year) and (stop is None or year <= stop):
                hits[person_id] = min(hits.get(person_id, start or 0), start or 0)
        ordered = sorted(hits, key=lambda pid: (hits[pid], pid))
        return [self._records[pid] for pid in ordered if pid in self._records]
