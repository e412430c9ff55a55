"""Validation of knowledge-base files (format ``kb/1``).

Two passes. :func:`validate_document` checks one parsed YAML file record by record (keys, type,
id slug, attribute shapes, years, coordinates) and returns frozen :class:`KBRecord` objects.
:func:`check_references` runs once all files are merged and checks that every id an attribute
names exists and has a fitting type, and that place parents form no cycle. Every failure raises
:class:`KnowledgeBaseError` naming the file and the record, with per-field messages in ``errors``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from factiongraph.errors import KnowledgeBaseError
from factiongraph.kb.names import normalize_name
from factiongraph.kb.record import KBRecord, freeze_value
from factiongraph.model import EntityType

SCHEMA_VERSION = "kb/1"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_PATTERN = re.compile(r"^[A-Z]{2}$")
REQUIRED_KEYS = ("id", "type", "name", "source")
OPTIONAL_KEYS = ("aliases", "arabic", "attributes")
ADMIN_LEVELS = ("country", "region", "governorate", "city", "district", "neighbourhood",
                "landmark", "base", "crossing")
MIN_YEAR, MAX_YEAR = 500, 2100
CUSTOM_PREFIX = "x_"

_T = EntityType
_ACTORS = frozenset({_T.ARMED_GROUP, _T.STATE_BODY, _T.POLITICAL_ORG, _T.INTL_ORG, _T.COUNTRY})
_ORGS = frozenset({_T.ARMED_GROUP, _T.STATE_BODY, _T.POLITICAL_ORG, _T.INTL_ORG})

# Attribute name -> kind; kinds are checked by the functions in _CHECKS below.
_COMMON = {"note": "text", "founded": "year", "dissolved": "year"}
_GROUP = {**_COMMON, "umbrella": "ids", "affiliated_with": "ids", "backed_by": "ids",
          "leaders": "leaders"}
ATTRIBUTES: dict[EntityType, dict[str, str]] = {
    _T.ARMED_GROUP: {**_GROUP, "pmf_brigades": "ints"},
    _T.POLITICAL_ORG: dict(_GROUP),
    _T.STATE_BODY: {**_COMMON, "country": "id", "part_of": "ids", "leaders": "leaders",
                    "backed_by": "ids", "forces_of": "id"},
    _T.INTL_ORG: {**_COMMON, "part_of": "ids", "leaders": "leaders"},
    _T.PERSON: {"note": "text", "nationality": "id", "roles": "roles", "born": "year",
                "died": "year", "died_on": "day", "killed_by": "death_means"},
    _T.COUNTRY: {"note": "text", "iso": "iso", "capital": "id", "demonym": "text", "lat": "lat",
                 "lon": "lon"},
    _T.PLACE: {"note": "text", "admin_level": "admin_level", "parent": "id", "lat": "lat",
               "lon": "lon"},
    _T.MEDIA_OUTLET: {**_COMMON, "country": "id", "affiliated_with": "ids", "kind": "outlet_kind"},
}
OUTLET_KINDS = ("wire_agency", "newspaper", "broadcaster", "website", "social_media", "faction_channel")
DEATH_MEANS = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb")
"""How a person the KB records as killed died (``killed_by``): the ACLED sub-type of the strike or blast."""
"""What a media outlet is; a ``wire_agency``'s credit on other outlets' pages is not their publisher."""

# Which entity types a referencing attribute may point at.
REFERENCE_TARGETS: dict[str, frozenset[EntityType]] = {
    "umbrella": _ORGS,
    "affiliated_with": _ORGS | {_T.MEDIA_OUTLET},
    "backed_by": _ACTORS,
    "part_of": _ORGS,
    "country": frozenset({_T.COUNTRY}),
    "forces_of": frozenset({_T.COUNTRY}),
    "nationality": frozenset({_T.COUNTRY}),
    "capital": frozenset({_T.PLACE}),
    "parent": frozenset({_T.PLACE, _T.COUNTRY}),
    "leaders.person": frozenset({_T.PERSON}),
    "roles.of": _ACTORS | {_T.PLACE},
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    return None


def _check_year(value: Any) -> str | None:
    if not _is_int(value) or not MIN_YEAR <= value <= MAX_YEAR:
        return f"must be a year (integer {MIN_YEAR}-{MAX_YEAR}), got {value!r}"
    return None


def _check_day(value: Any) -> str | None:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return f"must be a day written YYYY-MM-DD (years {MIN_YEAR}-{MAX_YEAR}), got {value!r}"
    return None


def _check_id(value: Any) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return f"must be a record id (lowercase slug), got {value!r}"
    return None


def _check_ids(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of record ids"
    return next((f"item {i}: {e}" for i, v in enumerate(value) if (e := _check_id(v))), None)


def _check_ints(value: Any) -> str | None:
    if not isinstance(value, list) or not all(_is_int(v) and v > 0 for v in value):
        return "must be a list of positive integers"
    return None


def _check_lat(value: Any) -> str | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not -90 <= value <= 90:
        return f"latitude must be a number in [-90, 90], got {value!r}"
    return None


def _check_lon(value: Any) -> str | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not -180 <= value <= 180:
        return f"longitude must be a number in [-180, 180], got {value!r}"
    return None


def _check_iso(value: Any) -> str | None:
    if not isinstance(value, str) or not ISO_PATTERN.match(value):
        return f"must be an ISO 3166-1 alpha-2 code such as IQ, got {value!r}"
    return None


def _check_admin_level(value: Any) -> str | None:
    if value not in ADMIN_LEVELS:
        return f"must be one of {', '.join(ADMIN_LEVELS)}, got {value!r}"
    return None


def _check_spans(value: Any, ref_key: str) -> str | None:
    """Check a list of ``{<ref_key>: id, role: text, from: year|null, to: year|null}``."""
    if not isinstance(value, list) or not value:
        return f"must be a non-empty list of {{{ref_key}, role, from, to}} mappings"
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            return f"item {i}: must be a mapping"
        unknown = set(item) - {ref_key, "role", "from", "to"}
        if unknown:
            return f"item {i}: unknown keys {sorted(unknown)}"
        if (error := _check_id(item.get(ref_key))) is not None:
            return f"item {i}: {ref_key} {error}"
        if (error := _check_text(item.get("role"))) is not None:
            return f"item {i}: role {error}"
        for end in ("from", "to"):
            if item.get(end) is not None and (error := _check_year(item[end])):
                return f"item {i}: {end} {error}"
        start, stop = item.get("from"), item.get("to")
        if start is not None and stop is not None and start > stop:
            return f"item {i}: from {start} is after to {stop}"
    return None


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "text": _check_text, "year": _check_year, "day": _check_day, "id": _check_id, "ids": _check_ids,
    "ints": _check_ints, "lat": _check_lat, "lon": _check_lon, "iso": _check_iso,
    "admin_level": _check_admin_level,
    "outlet_kind": lambda v: None if v in OUTLET_KINDS else f"must be one of {', '.join(OUTLET_KINDS)}",
    "death_means": lambda v: None if v in DEATH_MEANS else f"must be one of {', '.join(DEATH_MEANS)}",
    "leaders": lambda v: _check_spans(v, "person"), "roles": lambda v: _check_spans(v, "of"),
}


def _check_aliases(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be a list of strings"
    seen: set[str] = set()
    for alias in value:
        if not isinstance(alias, str) or not alias.strip() or alias != alias.strip():
            return f"alias {alias!r} must be a non-empty string without surrounding spaces"
        key = alias.casefold()
        if key in seen:
            return f"alias {alias!r} is listed twice"
        seen.add(key)
    return None


def _check_attributes(kind: EntityType, attributes: Any) -> dict[str, str]:
    if not isinstance(attributes, dict):
        return {"attributes": "must be a mapping"}
    allowed = ATTRIBUTES[kind]
    errors: dict[str, str] = {}
    for key, value in attributes.items():
        if isinstance(key, str) and key.startswith(CUSTOM_PREFIX):
            continue
        if key not in allowed:
            errors[f"attributes.{key}"] = (f"unknown attribute for type {kind.value}; allowed: "
                                           f"{', '.join(sorted(allowed))} (or an '{CUSTOM_PREFIX}' prefix)")
        elif (error := _CHECKS[allowed[key]](value)) is not None:
            errors[f"attributes.{key}"] = error
    if kind in (_T.PLACE, _T.COUNTRY) and ("lat" in attributes) != ("lon" in attributes):
        errors["attributes.lat"] = "lat and lon must be given together"
    if kind is _T.PLACE and "admin_level" not in attributes:
        errors["attributes.admin_level"] = "required for places"
    if kind is _T.PLACE and "parent" not in attributes:
        errors["attributes.parent"] = "required for places (a place or country id)"
    born, died = attributes.get("born"), attributes.get("died")
    if isinstance(born, int) and isinstance(died, int) and born > died:
        errors["attributes.born"] = f"born {born} is after died {died}"
    died_on = attributes.get("died_on")
    if isinstance(died_on, str) and "attributes.died_on" not in errors and died_on[:4] != str(died):
        errors["attributes.died_on"] = f"{died_on} is not in the year died ({died})"
    return errors


def validate_record(raw: Any, *, path: str, index: int) -> KBRecord:
    """Check one raw record and return it as a frozen :class:`KBRecord`.

    Raises:
        KnowledgeBaseError: naming ``path`` and the record (its id, or ``#index`` without one).
    """
    label = f"#{index}"
    if not isinstance(raw, dict):
        raise KnowledgeBaseError("a record must be a mapping", path=path, record=label)
    if isinstance(raw.get("id"), str) and raw["id"]:
        label = raw["id"]
    errors: dict[str, str] = {}
    for key in REQUIRED_KEYS:
        if key not in raw or raw[key] is None:
            errors[key] = "missing"
    for key in raw:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            errors[str(key)] = "unknown key"
    if "id" not in errors and (error := _check_id(raw["id"])):
        errors["id"] = error
    kind: EntityType | None = None
    if "type" not in errors:
        try:
            kind = EntityType(raw["type"])
        except ValueError:
            errors["type"] = f"{raw['type']!r} is not one of {', '.join(t.value for t in EntityType)}"
    for key in ("name", "source"):
        if key not in errors and (error := _check_text(raw[key])):
            errors[key] = error
    if raw.get("arabic") is not None and (error := _check_text(raw["arabic"])):
        errors["arabic"] = error
    aliases = raw.get("aliases") or []
    if (error := _check_aliases(aliases)) is not None:
        errors["aliases"] = error
    attributes = raw.get("attributes") or {}
    if kind is not None:
        errors.update(_check_attributes(kind, attributes))
    if errors:
        detail = "; ".join(f"{field}: {message}" for field, message in errors.items())
        raise KnowledgeBaseError(f"invalid record: {detail}", path=path, record=label, errors=errors)
    assert kind is not None
    return KBRecord(id=raw["id"], type=kind, name=raw["name"].strip(), aliases=tuple(aliases),
                    arabic=raw.get("arabic"), attributes=freeze_value(attributes),
                    source=raw["source"].strip())


def validate_document(data: Any, *, path: str) -> list[KBRecord]:
    """Check one parsed KB file (``schema: kb/1`` and a ``records`` list) and return its records.

    Raises:
        KnowledgeBaseError: on a wrong header, a bad record, or an id used twice in the file.
    """
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a KB file must be a mapping with 'schema' and 'records'", path=path)
    if data.get("schema") != SCHEMA_VERSION:
        raise KnowledgeBaseError(f"schema must be {SCHEMA_VERSION!r}, got {data.get('schema')!r}",
                                 path=path)
    unknown = set(data) - {"schema", "records"}
    if unknown:
        raise KnowledgeBaseError(f"unknown top-level keys {sorted(unknown)}", path=path)
    raw_records = data.get("records")
    if not isinstance(raw_records, list):
        raise KnowledgeBaseError("'records' must be a list", path=path)
    records: list[KBRecord] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_records):
        record = validate_record(raw, path=path, index=index)
        if record.id in seen:
            raise KnowledgeBaseError("duplicate id within the file", path=path, record=record.id)
        seen.add(record.id)
        records.append(record)
    return records


def iter_references(record: KBRecord) -> Iterator[tuple[str, str]]:
    """Yield ``(attribute, referenced id)`` for every id a record's attributes name."""
    for key, value in record.attributes.items():
        if key == "leaders":
            yield from (("leaders.person", item["person"]) for item in value)
        elif key == "roles":
            yield from (("roles.of", item["of"]) for item in value)
        elif key in REFERENCE_TARGETS and isinstance(value, str):
            yield key, value
        elif key in REFERENCE_TARGETS and isinstance(value, tuple):
            yield from ((key, item) for item in value)


def check_references(records: Mapping[str, KBRecord], origins: Mapping[str, str]) -> None:
    """Check that referenced ids exist with a fitting type and that place parents have no cycle.

    Raises:
        KnowledgeBaseError: naming the file (from ``origins``) and the referencing record.
    """
    for record in records.values():
        for attribute, target_id in iter_references(record):
            target = records.get(target_id)
            if target is None:
                raise KnowledgeBaseError(f"{attribute} refers to unknown id {target_id!r}",
                                         path=origins.get(record.id), record=record.id,
                                         errors={attribute: f"unknown id {target_id!r}"})
            allowed = REFERENCE_TARGETS[attribute]
            if target.type not in allowed:
                kinds = ", ".join(sorted(t.value for t in allowed))
                raise KnowledgeBaseError(
                    f"{attribute} refers to {target_id!r} of type {target.type.value}; expected {kinds}",
                    path=origins.get(record.id), record=record.id,
                    errors={attribute: f"wrong target type {target.type.value}"})
        if record.type is _T.PLACE:
            _check_parent_chain(record, records, origins)


def _check_parent_chain(record: KBRecord, records: Mapping[str, KBRecord],
                        origins: Mapping[str, str]) -> None:
    seen = {record.id}
    current = records.get(record.attributes.get("parent", ""))
    while current is not None:
        if current.id in seen:
            raise KnowledgeBaseError(f"parent chain loops back to {current.id!r}",
                                     path=origins.get(record.id), record=record.id)
        seen.add(current.id)
        current = records.get(current.attributes.get("parent", ""))


def find_alias_clashes(records: Mapping[str, KBRecord]) -> dict[str, list[str]]:
    """Return name keys that more than one record claims, mapped to the ids that claim them.

    Not an error (a user KB may hold genuinely ambiguous names); the bundled data keeps it empty.
    """
    owners: dict[str, set[str]] = {}
    for record in records.values():
        for name in record.names:
            owners.setdefault(normalize_name(name), set()).add(record.id)
    return {key: sorted(ids) for key, ids in owners.items() if len(ids) > 1}
