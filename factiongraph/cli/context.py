"""What every command shares: settings and a lazily opened store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import click

from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.settings import Settings
from factiongraph.store import SQLiteStore, open_store


@dataclass
class AppContext:
    """Settings plus the store, opened on first use and closed when the command ends."""

    settings: Settings
    debug: bool = False
    _store: SQLiteStore | None = None
    _kb: KnowledgeBase | None = None

    @property
    def store(self) -> SQLiteStore:
        """Return the open store."""
        if self._store is None:
            from factiongraph.resolve.keys import make_key

            self._store = open_store(self.settings.db, key_fn=make_key)
        return self._store

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base (bundled plus the user's files), loaded on first use."""
        if self._kb is None:
            self._kb = load_kb(self.settings.kb_paths)
        return self._kb

    def place_ids(self, place_id: str) -> list[str]:
        """Return a place's id followed by the ids of the places that contain it."""
        return [place_id, *(r.id for r in self.kb.ancestors(place_id))]

    def place_chain(self, place_id: str) -> list[tuple[str, str, str | None]]:
        """Return (name, admin level, iso) for a place and everything that contains it."""
        chain = []
        for rid in self.place_ids(place_id):
            record = self.kb.get(rid)
            if record is not None:
                attrs = record.attributes
                level = "country" if record.type.value == "country" else str(attrs.get("admin_level", ""))
                chain.append((record.name, level, attrs.get("iso")))
        return chain

    def outlet_of(self, doc_id: str) -> str | None:
        """Return the outlet of a stored document."""
        row = self.store.conn.execute("SELECT outlet FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        """Close the store if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None


F = TypeVar("F", bound=Callable[..., Any])


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        app = ctx.find_object(AppContext)
        if app is not None:
            app.close()
            app.settings = replace(app.settings, db=value)


def db_option(command: F) -> F:
    """Let a command take ``--db`` after its name too (``factiongraph ingest --db x.db …``)."""
    return click.option("--db", metavar="PATH|URL", expose_value=False, is_eager=True, callback=_set_db,
                        help="Store to use (same as the global --db).")(command)
