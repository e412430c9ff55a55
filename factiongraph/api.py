"""The Python API for notebooks: ``factiongraph.open(path)`` and a store object with the CLI's filters.

Every query returns :class:`Records`: a list of plain dicts, each an interchange record exactly as
``factiongraph export --format jsonl`` writes it (see docs/exports.md), with ``.to_pandas()`` for
a DataFrame when pandas is installed (the ``pandas`` extra). Entity arguments take any spelling
or alias ("KH", "Kata'ib Hezbollah"), as on the command line. See docs/python.md.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from factiongraph.errors import ConfigError, FactiongraphError
from factiongraph.export.formats import write_export
from factiongraph.export.jsonl import document_record, entity_record, event_record, quote_record, relation_record
from factiongraph.export.periods import in_window
from factiongraph.export.selection import Selection
from factiongraph.importer import import_jsonl
from factiongraph.ingest.decode import looks_like_html
from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.model import EntityType, Predicate, RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.settings import Settings, load_settings
from factiongraph.store import SQLiteStore, open_store
from factiongraph.store.views import find_entities, find_events

if TYPE_CHECKING:
    import pandas

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


class Records(list[dict[str, Any]]):
    """Query results: interchange records (plain dicts), in the store's order."""

    def to_pandas(self) -> pandas.DataFrame:
        """Return the records as a pandas DataFrame, one row per record, one column per field.

        Raises:
            ConfigError: pandas is not installed (``pip install 'factiongraph[pandas]'``).
        """
        try:
            import pandas
        except ImportError:
            raise ConfigError("to_pandas needs pandas: pip install 'factiongraph[pandas]'") from None
        return pandas.DataFrame.from_records(list(self))


class GraphStore:
    """A store opened for reading and ingesting from Python (what :func:`open` returns)."""

    def __init__(self, store: SQLiteStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._kb: KnowledgeBase | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base (bundled plus ``settings.kb_paths``), loaded on first use."""
        if self._kb is None:
            self._kb = load_kb(self.settings.kb_paths)
        return self._kb

    def entity_id(self, name: str) -> str:
        """Return the id of the entity ``name`` means (any spelling or alias).

        Raises:
            FactiongraphError: no entity has that name.
        """
        found = find_entities(self.store, name)
        if not found:
            raise FactiongraphError(f"no entity called {name!r} (try .entities())")
        return found[0].entity_id

    # -- queries --------------------------------------------------------------------------------
    def entities(self, type: str | None = None, new: bool = False, name: str | None = None) -> Records:
        """Return entity records: all, of one ``type`` (``armed_group``, ``person`` ...), only those the
        knowledge base does not know (``new``), or those a ``name`` matches."""
        if type is not None and type not in {t.value for t in EntityType}:
            raise FactiongraphError(f"unknown entity type {type!r}: use one of {', '.join(t.value for t in EntityType)}")
        wanted = {e.entity_id for e in find_entities(self.store, name)} if name else None
        return Records(entity_record(e) for e in self.store.iter_entities()
                       if (type is None or e.type.value == type) and not (new and e.in_kb)
                       and (wanted is None or e.entity_id in wanted))

    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, place: str | None = None) -> Records:
        """Return event records, in date order, filtered as ``factiongraph events`` filters them.

        Args:
            actor: an entity (any spelling) that is actor or target.
            type: ACLED event type or sub-event type ("Arrests").
            since: on or after this ISO date; until: on or before this date or prefix ("2020-07").
            place: in this place or anywhere inside it (Baghdad includes al-Dora).
        """
        events = find_events(self.store, self.entity_id(actor) if actor else None, type, since, until)
        if place:
            target = self.entity_id(place)
            events = [e for e in events if e.location_id
                      and target in [e.location_id, *(r.id for r in self.kb.ancestors(e.location_id))]]
        return Records(event_record(e) for e in events)

    def relations(self, entity: str | None = None, predicate: str | None = None, since: str | None = None,
                  until: str | None = None) -> Records:
        """Return relation records touching ``entity`` (either side), of one ``predicate``, and/or
        reported valid in a window (relations without dates are kept only without one)."""
        if predicate is not None and predicate not in {p.value for p in Predicate}:
            raise FactiongraphError(f"unknown predicate {predicate!r}: use one of {', '.join(p.value for p in Predicate)}")
        relations = self.store.iter_relations(self.entity_id(entity) if entity else None)
        return Records(relation_record(r) for r in relations
                       if (predicate is None or r.predicate.value == predicate)
                       and (since is None and until is None
                            or any(in_window(d, since, until) for d in (r.valid_from, r.valid_to))))

    def quotes(self, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None) -> Records:
        """Return quote records by a ``speaker`` and/or ``about`` an entity, and/or published in a window."""
        quotes = self.store.iter_quotes(speaker_id=self.entity_id(speaker) if speaker else None,
                                        about_id=self.entity_id(about) if about else None)
        published = self._published() if since or until else {}
        return Records(quote_record(q) for q in quotes
                       if since is None and until is None
                       or any(in_window(published.get(ev.doc_id), since, until) for ev in q.evidence))

    def documents(self, since: str | None = None, until: str | None = None, outlet: str | None = None) -> Records:
        """Return document records (with their text) published in a window and/or by an ``outlet``."""
        return Records(document_record(d) for d in self.store.iter_documents()
                       if in_window(d.metadata.published, since, until)
                       and (outlet is None or (d.metadata.outlet or "").casefold() == outlet.casefold()))

    def _place_chain(self, place_id: str) -> list[tuple[str, str, str | None]]:
        """Return (name, admin level, iso) for a place and the places containing it (ACLED's columns)."""
        chain = []
        for record in (self.kb.get(place_id), *self.kb.ancestors(place_id)):
            if record is not None:
                level = "country" if record.type is EntityType.COUNTRY else str(record.attributes.get("admin_level", ""))
                iso = record.attributes.get("iso")
                chain.append((record.name, level, iso if isinstance(iso, str) else None))
        return chain

    def _published(self) -> dict[str, str | None]:
        return {str(r[0]): r[1] for r in self.store.conn.execute(
            "SELECT doc_id, published FROM documents WHERE superseded_by IS NULL")}

    # -- writing --------------------------------------------------------------------------------
    def ingest(self, items: Iterable[str | Path], workers: int | None = None) -> dict[str, Any]:
        """Ingest paths, folders, globs, URLs or texts; return the run summary as a dict.

        A string is read as a path or URL when it names an existing file or folder, matches a
        glob, or starts with a URL scheme; any other string is the text of a document (plain text
        or HTML), stored with the source ``text:<first 16 hex digits of its SHA-256>``.
        """
        from factiongraph.pipeline import Pipeline

        specs: list[str | RawDocument] = []
        for item in items:
            if isinstance(item, Path) or _is_spec(item):
                specs.append(str(item))
            else:
                digest = hash_bytes(item.encode("utf-8"))
                specs.append(RawDocument(source=f"text:{digest[:16]}", text=item, content_hash=digest,
                                         media_type="text/html" if looks_like_html(item) else "text/plain"))
        settings = replace(self.settings, workers=workers) if workers else self.settings
        return Pipeline(settings).run(specs, self.store).to_dict()

    def export(self, fmt: str = "jsonl", path: str | Path | None = None, since: str | None = None,
               until: str | None = None, around: str | None = None) -> str | None:
        """Export in ``fmt`` (``jsonl``, ``stix``, ``ftm``, ``graphml``, ``gexf``, ``acled-csv``).

        Returns the text when ``path`` is None, else writes the file and returns None.
        """
        import io

        selection = Selection(since, until, self.entity_id(around) if around else None)
        buffer = io.StringIO()
        write_export(self.store, fmt, buffer, selection, place_chain=self._place_chain if fmt == "acled-csv" else None)
        if path is None:
            return buffer.getvalue()
        Path(path).write_text(buffer.getvalue(), encoding="utf-8", newline="")
        return None


def _is_spec(item: str) -> bool:
    return (item == "-" or bool(_URL.match(item)) or os.path.exists(item)
            or (any(c in item for c in "*?[") and bool(glob.glob(item))))


def open(path_or_url: str | Path, settings: Settings | None = None) -> GraphStore:  # noqa: A001 - the API's name
    """Open a store for Python use (created if missing).

    Args:
        path_or_url: a SQLite file path, ``sqlite:///path``, or a ``.jsonl`` export, which is
            loaded into a store in memory (``factiongraph import`` without a file).
        settings: settings for ingest and the knowledge base (defaults otherwise; the
            environment is not read).

    Raises:
        StoreError: the store cannot be opened.
        SourceError: the export cannot be read.
    """
    from factiongraph.errors import SourceError
    from factiongraph.resolve.keys import make_key

    text = str(path_or_url)
    settings = settings or load_settings(overrides={"db": text})
    if text.endswith(".jsonl"):
        store = open_store(":memory:", key_fn=make_key)
        try:
            with Path(text).open(encoding="utf-8") as fh:
                summary = import_jsonl(fh, store)
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read {text}: {exc}") from exc
        if summary.problems:
            raise SourceError(f"{text}: {summary.problems[0]} ({len(summary.problems)} problems)")
        return GraphStore(store, settings)
    return GraphStore(open_store(text, key_fn=make_key), settings)

