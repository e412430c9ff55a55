"""Read and validate a gold/1 file by hand, naming the document and item of every problem."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from factiongraph.errors import GoldFormatError
from factiongraph.eval.gold import (
    CERTAINTIES,
    DATE_PRECISIONS,
    ENTITY_TYPES,
    EVENT_TYPES,
    PREDICATES,
    SCHEMA,
    SUB_EVENT_TYPES,
    Gold,
    GoldDocument,
    GoldEntity,
    GoldEvent,
    GoldMention,
    GoldQuote,
    GoldRelation,
)

logger = logging.getLogger(__name__)

_DATE_BY_PRECISION = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}
_ANY_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class _Reader:
    """Validation state: the file path, known entity ids, and a location prefix for errors."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entity_ids: set[str] = set()

    def fail(self, where: str, message: str) -> GoldFormatError:
        """Return an error that names the file and the place inside it."""
        return GoldFormatError(f"{self.path}: {where}: {message}" if where else
                               f"{self.path}: {message}")

    def get(self, obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, *,
            required: bool = True, nullable: bool = False, default: Any = None) -> Any:
        """Return ``obj[key]`` after checking presence and type."""
        if key not in obj:
            if required:
                raise self.fail(where, f"missing field {key!r}")
            return default
        value = obj[key]
        if value is None:
            if nullable or not required:
                return default if not nullable else None
            raise self.fail(where, f"field {key!r} must not be null")
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise self.fail(where, f"field {key!r} has the wrong type ({type(value).__name__})")
        return value

    def text(self, obj: dict[str, Any], key: str, where: str, *, nullable: bool = False,
             required: bool = True) -> str | None:
        """Return a string field; an empty string is an error unless the field may be null."""
        value = self.get(obj, key, str, where, nullable=nullable, required=required)
        if value is not None and not value.strip():
            raise self.fail(where, f"field {key!r} is empty")
        return value  # type: ignore[no-any-return]

    def strings(self, obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        """Return an optional list-of-strings field as a tuple."""
        values = self.get(obj, key, list, where, required=False, default=[])
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(where, f"{key}[{i}] must be a non-empty string")
        return tuple(values)

    def entity(self, value: Any, where: str, field: str, *, nullable: bool = False) -> str | None:
        """Return a reference to a declared entity id."""
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in self.entity_ids:
            raise self.fail(where, f"{field} refers to unknown entity {value!r}")
        return value

    def entity_list(self, obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        """Return an optional list of entity references."""
        values = self.get(obj, key, list, where, required=False, default=[])
        return tuple(str(self.entity(v, where, f"{key}[{i}]")) for i, v in enumerate(values))


def load_gold(path: str | Path) -> Gold:
    """Read a gold/1 file and validate it.

    Args:
        path: the JSON file.

    Returns:
        The validated ``Gold``.

    Raises:
        GoldFormatError: the file cannot be read or parsed, or breaks the format; the message
            names the document and item at fault.
    """
    reader = _Reader(str(path))
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise reader.fail("", f"cannot read gold file: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise reader.fail("", f"not valid JSON: {exc}") from exc
    return parse_gold(raw, reader)


def parse_gold(raw: Any, reader: _Reader) -> Gold:
    """Validate the parsed JSON of a gold file."""
    if not isinstance(raw, dict):
        raise reader.fail("", "top level must be a JSON object")
    if "schema" not in raw:
        raise reader.fail("", "missing 'schema' (expected 'gold/1')")
    if raw["schema"] != SCHEMA:
        raise reader.fail("", f"unsupported schema {raw['schema']!r} (expected 'gold/1')")
    entities = parse_entities(raw, reader)
    distinct = parse_distinct(raw, reader)
    docs_raw = reader.get(raw, "documents", list, "")
    documents: list[GoldDocument] = []
    seen_files: set[str] = set()
    event_ids: set[str] = set()
    for i, doc_raw in enumerate(docs_raw):
        file = doc_raw.get("file") if isinstance(doc_raw, dict) else None
        if file in seen_files:
            raise reader.fail(f"documents[{i}]", f"file {file!r} listed twice")
        doc = parse_document(doc_raw, reader, f"documents[{i}]", event_ids)
        seen_files.add(doc.file)
        documents.append(doc)
    for doc in documents:
        for event in doc.events:
            if event.same_as is not None and event.same_as not in event_ids:
                raise reader.fail(f"document {doc.file!r} event {event.event_id!r}",
                                  f"same_as refers to unknown event {event.same_as!r}")
    return Gold(path=reader.path, entities=entities, distinct=distinct, documents=tuple(documents))


def parse_entities(raw: dict[str, Any], reader: _Reader) -> dict[str, GoldEntity]:
    """Validate the entity list and remember its ids on the reader."""
    entities: dict[str, GoldEntity] = {}
    for i, item in enumerate(reader.get(raw, "entities", list, "")):
        where = f"entities[{i}]"
        if not isinstance(item, dict):
            raise reader.fail(where, "must be an object")
        entity_id = str(reader.text(item, "id", where))
        where = f"entity {entity_id!r}"
        if entity_id in entities:
            raise reader.fail(where, "id declared twice")
        etype = reader.text(item, "type", where)
        if etype not in ENTITY_TYPES:
            raise reader.fail(where, f"unknown type {etype!r}")
        name = str(reader.text(item, "name", where))
        aliases = reader.strings(item, "aliases_in_corpus", where)
        entities[entity_id] = GoldEntity(entity_id, str(etype), name, aliases)
    reader.entity_ids = set(entities)
    return entities


def parse_distinct(raw: dict[str, Any], reader: _Reader) -> tuple[tuple[str, str], ...]:
    """Validate the must-not-merge pairs."""
    pairs: list[tuple[str, str]] = []
    for i, pair in enumerate(reader.get(raw, "distinct", list, "", required=False, default=[])):
        where = f"distinct[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise reader.fail(where, "must be a pair [entity_id, entity_id]")
        a = str(reader.entity(pair[0], where, "first id"))
        b = str(reader.entity(pair[1], where, "second id"))
        if a == b:
            raise reader.fail(where, "a pair needs two different entities")
        pairs.append((a, b))
    return tuple(pairs)


def parse_document(raw: Any, reader: _Reader, where: str, event_ids: set[str]) -> GoldDocument:
    """Validate one document entry."""
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be an object")
    file = str(reader.text(raw, "file", where))
    where = f"document {file!r}"
    published = reader.text(raw, "published", where, nullable=True, required=False)
    if published is not None and not _ANY_DATE.fullmatch(published):
        raise reader.fail(where, f"published {published!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    mentions = []
    for i, item in enumerate(reader.get(raw, "mentions", list, where, required=False,
                                        default=[])):
        at = f"{where} mentions[{i}]"
        if not isinstance(item, dict):
            raise reader.fail(at, "must be an object")
        entity_id = str(reader.entity(item.get("entity"), at, "entity"))
        mentions.append(GoldMention(entity_id, str(reader.text(item, "text", at))))
    events = []
    for i, item in enumerate(reader.get(raw, "events", list, where, required=False, default=[])):
        event = parse_event(item, reader, f"{where} events[{i}]")
        if event.event_id in event_ids:
            raise reader.fail(f"{where} event {event.event_id!r}", "event id used twice")
        event_ids.add(event.event_id)
        events.append(event)
    relations = [parse_relation(item, reader, f"{where} relations[{i}]") for i, item in
                 enumerate(reader.get(raw, "relations", list, where, required=False, default=[]))]
    quotes = [parse_quote(item, reader, f"{where} quotes[{i}]") for i, item in
              enumerate(reader.get(raw, "quotes", list, where, required=False, default=[]))]
    return GoldDocument(
        file=file,
        title=reader.text(raw, "title", where, nullable=True, required=False),
        author=reader.text(raw, "author", where, nullable=True, required=False),
        outlet=reader.text(raw, "outlet", where, nullable=True, required=False),
        published=published,
        boilerplate=reader.strings(raw, "boilerplate", where),
        captions=reader.strings(raw, "captions", where),
        comments=reader.strings(raw, "comments", where),
        mentions=tuple(mentions),
        events=tuple(events),
        relations=tuple(relations),
        quotes=tuple(quotes),
    )


def parse_event(raw: Any, reader: _Reader, where: str) -> GoldEvent:
    """Validate one event, including that its date fits its precision."""
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be an object")
    event_id = str(reader.text(raw, "id", where))
    where = f"{where.rsplit(' ', 1)[0]} event {event_id!r}"
    etype = reader.text(raw, "type", where)
    if etype not in EVENT_TYPES:
        raise reader.fail(where, f"unknown event type {etype!r}")
    sub_type = reader.text(raw, "sub_type", where)
    if sub_type not in SUB_EVENT_TYPES:
        raise reader.fail(where, f"unknown sub_type {sub_type!r}")
    date = reader.text(raw, "date", where, nullable=True, required=False)
    precision = reader.text(raw, "date_precision", where, nullable=True, required=False)
    check_date(date, precision, reader, where)
    certainty = reader.text(raw, "certainty", where, required=False) or "reported"
    if certainty not in CERTAINTIES:
        raise reader.fail(where, f"unknown certainty {certainty!r}")
    same_as = reader.get(raw, "same_as", str, where, required=False, nullable=True)
    return GoldEvent(
        event_id=event_id,
        type=str(etype),
        sub_type=str(sub_type),
        date=date,
        date_precision=precision,
        location=reader.entity(raw.get("location"), where, "location", nullable=True),
        actors=reader.entity_list(raw, "actors", where),
        targets=reader.entity_list(raw, "targets", where),
        certainty=certainty,
        evidence=str(reader.text(raw, "evidence", where)),
        same_as=same_as,
        counts=read_counts(raw.get("counts"), reader, where),
    )


def read_counts(raw: Any, reader: _Reader, where: str) -> tuple[tuple[str, int], ...]:
    """Return an event's ``counts`` object as sorted (key, number) pairs (absent: none)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                                            and v >= 0 for k, v in raw.items()):
        raise reader.fail(where, f"counts must map names to whole numbers >= 0, got {raw!r}")
    return tuple(sorted(raw.items()))


def check_date(date: str | None, precision: str | None, reader: _Reader, where: str) -> None:
    """Raise unless ``date`` is well formed for ``precision`` (both null is fine)."""
    if date is None and precision is None:
        return
    if precision not in DATE_PRECISIONS:
        raise reader.fail(where, f"bad date_precision {precision!r} (day, month, year or range)")
    if date is None:
        raise reader.fail(where, f"date_precision {precision!r} given without a date")
    if precision == "range":
        parts = date.split("/")
        if len(parts) != 2 or not all(_ANY_DATE.fullmatch(p) for p in parts) or parts[0] > parts[1]:
            raise reader.fail(where, f"range date {date!r} must be 'start/end' ISO dates, in order")
    elif not _DATE_BY_PRECISION[precision].fullmatch(date):
        raise reader.fail(where, f"date {date!r} does not match precision {precision!r}")


def parse_relation(raw: Any, reader: _Reader, where: str) -> GoldRelation:
    """Validate one relation."""
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be an object")
    predicate = reader.text(raw, "predicate", where)
    if predicate not in PREDICATES:
        raise reader.fail(where, f"unknown predicate {predicate!r}")
    return GoldRelation(
        subject=str(reader.entity(raw.get("subject"), where, "subject")),
        predicate=str(predicate),
        object=str(reader.entity(raw.get("object"), where, "object")),
        evidence=str(reader.text(raw, "evidence", where)),
    )


def parse_quote(raw: Any, reader: _Reader, where: str) -> GoldQuote:
    """Validate one quote."""
    if not isinstance(raw, dict):
        raise reader.fail(where, "must be an object")
    return GoldQuote(
        speaker=reader.entity(raw.get("speaker"), where, "speaker", nullable=True),
        speaker_role=reader.text(raw, "speaker_role", where, nullable=True, required=False),
        via=reader.entity(raw.get("via"), where, "via", nullable=True),
        evidence=str(reader.text(raw, "evidence", where)),
        about=reader.entity_list(raw, "about", where),
    )
