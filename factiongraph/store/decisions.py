"""Reviewers' judgements applied to the claim tables, and undone again.

A reviewer's positive judgement ``(left, right)`` makes ``right`` part of ``left``: every
mention, event participation, relation end, quote speaker, channel or topic and outlet link that
points at ``right`` is pointed at ``left``, ``right``'s names become aliases of ``left`` and its
entity row is removed. A split (a negative judgement with the mentions that go) points those
mentions, and the claims whose evidence names only them, at the other id. Each change is
logged in ``judgement_moves`` under the judgement's id, in order; :func:`undo` replays the log
backwards, so withdrawing a judgement restores every row it touched. Mentions keep their ids,
spans and text: only the entity they link to changes.

Documents ingested after a positive judgement are folded in as they are written
(:func:`reapply_merges`, called by the store's write path); negative judgements are read by the
resolver through :func:`apart_pairs` before it links a mention.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from factiongraph.errors import ReviewError
from factiongraph.model import Entity

if TYPE_CHECKING:
    from factiongraph.store.schema import StoreSchema

# The tables a judgement may change and the columns that identify one of their rows.
KEYS: dict[str, tuple[str, ...]] = {
    "mentions": ("mention_id",),
    "relations": ("relation_id",),
    "quotes": ("quote_id",),
    "documents": ("doc_id",),
    "event_participants": ("event_id", "entity_id", "role"),
    "quote_about": ("quote_id", "entity_id"),
    "entities": ("entity_id",),
    "aliases": ("entity_id", "alias"),
}
_CLAIM_TABLES = {"event": "event_participants", "relation": "relations", "quote": "quotes"}


class _Log:
    """Make changes to the claim tables and record each one under a judgement."""

    def __init__(self, store: StoreSchema, judgement_id: str) -> None:
        self.conn, self.judgement_id = store.conn, judgement_id
        # one sequence across all judgements: the order of changes to a row shows which came last
        row = self.conn.execute("SELECT MAX(seq) FROM judgement_moves").fetchone()
        self.seq = int(row[0] or 0)
        self.changes = 0

    def _record(self, action: str, table: str, key: dict[str, Any], column: str | None, old: Any) -> None:
        self.seq += 1
        self.changes += 1
        self.conn.execute(
            "INSERT INTO judgement_moves (judgement_id, seq, action, table_name, row_key, column_name, old_value)"
            " VALUES (?,?,?,?,?,?,?)",
            (self.judgement_id, self.seq, action, table, json.dumps(key, sort_keys=True), column,
             json.dumps(old, sort_keys=True)))

    def set(self, table: str, key: dict[str, Any], column: str, old: Any, new: Any) -> None:
        if old == new:
            return
        where = " AND ".join(f"{c} = ?" for c in KEYS[table])
        self.conn.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (new, *(key[c] for c in KEYS[table])))
        self._record("set", table, key, column, old)

    def insert(self, table: str, row: dict[str, Any]) -> None:
        columns = list(row)
        cur = self.conn.execute(
            f"INSERT OR IGNORE INTO {table} ({', '.join(_quoted(c) for c in columns)})"
            f" VALUES ({', '.join('?' * len(columns))})", [row[c] for c in columns])
        if cur.rowcount > 0:
            self._record("insert", table, {c: row[c] for c in KEYS[table]}, None, None)

    def delete(self, table: str, key: dict[str, Any]) -> None:
        where = " AND ".join(f"{c} = ?" for c in KEYS[table])
        params = [key[c] for c in KEYS[table]]
        found = self.conn.execute(f"SELECT * FROM {table} WHERE {where}", params).fetchone()
        if found is None:
            return
        whole = {k: found[k] for k in found.keys() if k != "rowid"}  # PostgreSQL's explicit rowid
        self.conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        self._record("delete", table, key, None, whole)


def _quoted(column: str) -> str:
    return f'"{column}"' if column == "end" else column


def relink(store: StoreSchema, judgement_id: str, source: str, target: str, *,
           mention_ids: Collection[str] | None = None, new_entity: Entity | None = None) -> int:
    """Point what links to ``source`` at ``target`` and log each change under ``judgement_id``.

    With ``mention_ids`` (a split) only those mentions of ``source`` move, with each claim whose
    evidence names them and no other mention of ``source``; ``new_entity`` is created as
    ``target`` when no entity has that id. Without (a merge) everything moves, ``source``'s
    names become ``target``'s aliases and ``source``'s entity row goes. Returns the number of
    changes. Runs inside the caller's transaction.
    """
    if source == target:
        return 0
    store._candidates.clear()  # coreference's cached events carry participants
    log, conn = _Log(store, judgement_id), store.conn
    rows = conn.execute('SELECT mention_id, doc_id, start, "end", text, sentence_start, sentence_end FROM mentions'
                        " WHERE entity_id = ?", (source,)).fetchall()
    split = mention_ids is not None
    chosen = set(mention_ids or ())
    moving = [r for r in rows if not split or r["mention_id"] in chosen]
    if not moving:
        return 0
    if new_entity is not None and conn.execute("SELECT 1 FROM entities WHERE entity_id = ?", (target,)).fetchone() is None:
        log.insert("entities", {"entity_id": target, "type": new_entity.type.value, "name": new_entity.name,
                                "in_kb": int(new_entity.in_kb), "attributes": json.dumps(new_entity.attributes),
                                "first_seen": _first_seen(store, source), "last_seen": _first_seen(store, source)})
    follows = _claims_that_follow(store, source, rows, chosen) if split else None
    for r in moving:
        log.set("mentions", {"mention_id": r["mention_id"]}, "entity_id", source, target)
    _move_participants(store, log, source, target, follows)
    _move_relations(store, log, source, target, follows)
    _move_quotes(store, log, source, target, follows)
    if not split:
        for r in conn.execute("SELECT doc_id FROM documents WHERE outlet_id = ?", (source,)).fetchall():
            log.set("documents", {"doc_id": r["doc_id"]}, "outlet_id", source, target)
    _move_names(store, log, source, target, moving, rows if split else None)
    return log.changes


def _first_seen(store: StoreSchema, entity_id: str) -> str:
    row = store.conn.execute("SELECT first_seen FROM entities WHERE entity_id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row is not None else ""


def _claims_that_follow(store: StoreSchema, source: str, rows: list[Any], chosen: set[str]) -> set[tuple[str, str]]:
    """Return ``(kind, claim_id)`` of the claims on ``source`` whose evidence overlaps the sentence
    of a moving mention of it and of no staying one (a split moves those claims with the mentions:
    "..., Zuhair told AFP" gives the quote to the entity "Zuhair" goes to)."""
    by_doc: dict[str, list[tuple[int, int, bool]]] = {}
    for r in rows:
        start, end = (r["sentence_start"], r["sentence_end"]) if r["sentence_end"] else (r["start"], r["end"])
        by_doc.setdefault(r["doc_id"], []).append((start, end, r["mention_id"] in chosen))
    claims: list[tuple[str, str]] = []
    conn = store.conn
    claims += [("event", r[0]) for r in conn.execute(
        "SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ?", (source,))]
    claims += [("relation", r[0]) for r in conn.execute(
        "SELECT relation_id FROM relations WHERE subject_id = ? OR object_id = ?", (source, source))]
    claims += [("quote", r[0]) for r in conn.execute(
        "SELECT quote_id FROM quotes WHERE speaker_id = ? OR via_id = ?"
        " UNION SELECT quote_id FROM quote_about WHERE entity_id = ?", (source, source, source))]
    out: set[tuple[str, str]] = set()
    for kind, claim_id in claims:
        moving = staying = 0
        for ev in conn.execute('SELECT doc_id, start, "end" FROM evidence WHERE claim_kind = ? AND claim_id = ?',
                               (kind, claim_id)):
            for start, end, moves in by_doc.get(ev["doc_id"], ()):
                if start < ev["end"] and ev["start"] < end:
                    moving += moves
                    staying += not moves
        if moving and not staying:
            out.add((kind, claim_id))
    return out


def _move_participants(store: StoreSchema, log: _Log, source: str, target: str,
                       follows: set[tuple[str, str]] | None) -> None:
    for r in store.conn.execute("SELECT event_id, role FROM event_participants WHERE entity_id = ?",
                                (source,)).fetchall():
        if follows is not None and ("event", r["event_id"]) not in follows:
            continue
        log.delete("event_participants", {"event_id": r["event_id"], "entity_id": source, "role": r["role"]})
        log.insert("event_participants", {"event_id": r["event_id"], "entity_id": target, "role": r["role"]})


def _move_relations(store: StoreSchema, log: _Log, source: str, target: str,
                    follows: set[tuple[str, str]] | None) -> None:
    for column in ("subject_id", "object_id"):
        for r in store.conn.execute(f"SELECT relation_id FROM relations WHERE {column} = ?", (source,)).fetchall():
            if follows is None or ("relation", r["relation_id"]) in follows:
                log.set("relations", {"relation_id": r["relation_id"]}, column, source, target)


def _move_quotes(store: StoreSchema, log: _Log, source: str, target: str,
                 follows: set[tuple[str, str]] | None) -> None:
    conn = store.conn
    for column in ("speaker_id", "via_id"):
        for r in conn.execute(f"SELECT quote_id FROM quotes WHERE {column} = ?", (source,)).fetchall():
            if follows is None or ("quote", r["quote_id"]) in follows:
                log.set("quotes", {"quote_id": r["quote_id"]}, column, source, target)
    for r in conn.execute("SELECT q.quote_id, q.about FROM quote_about a JOIN quotes q ON q.quote_id = a.quote_id"
                          " WHERE a.entity_id = ?", (source,)).fetchall():
        if follows is not None and ("quote", r["quote_id"]) not in follows:
            continue
        about = json.loads(r["about"])
        new = list(dict.fromkeys(target if a == source else a for a in about))
        log.set("quotes", {"quote_id": r["quote_id"]}, "about", r["about"], json.dumps(new))
        log.delete("quote_about", {"quote_id": r["quote_id"], "entity_id": source})
        log.insert("quote_about", {"quote_id": r["quote_id"], "entity_id": target})


def _move_names(store: StoreSchema, log: _Log, source: str, target: str, moving: list[Any],
                all_rows: list[Any] | None) -> None:
    """Give ``target`` the names that now point at it; retire ``source``'s entity when nothing does."""
    conn = store.conn
    if all_rows is None:  # a merge: every name of source, then the row itself
        names = [r["alias"] for r in conn.execute("SELECT alias FROM aliases WHERE entity_id = ?", (source,))]
    else:
        names = sorted({r["text"] for r in moving})
    for name in names:
        log.insert("aliases", {"entity_id": target, "alias": name, "key": store.key_fn(name)})
    if all_rows is None:
        for name in names:
            log.delete("aliases", {"entity_id": source, "alias": name})
        log.delete("entities", {"entity_id": source})
        return
    staying = {r["text"] for r in all_rows} - {r["text"] for r in moving}
    row = conn.execute("SELECT name FROM entities WHERE entity_id = ?", (source,)).fetchone()
    kept = {row[0]} if row is not None else set()
    for name in names:
        if name not in staying and name not in kept:
            log.delete("aliases", {"entity_id": source, "alias": name})


def later_judgements(store: StoreSchema, judgement_id: str) -> list[str]:
    """Return the other judgements that changed a row after ``judgement_id`` changed it (they must
    be undone first, or undoing this one would put back a value they since replaced)."""
    rows = store.conn.execute(
        "SELECT DISTINCT later.judgement_id FROM judgement_moves mine JOIN judgement_moves later"
        " ON later.table_name = mine.table_name AND later.row_key = mine.row_key AND later.seq > mine.seq"
        " AND later.judgement_id != mine.judgement_id WHERE mine.judgement_id = ? ORDER BY later.judgement_id",
        (judgement_id,)).fetchall()
    return [str(r[0]) for r in rows]


def undo(store: StoreSchema, judgement_id: str) -> int:
    """Reverse every change logged under ``judgement_id``, newest first; return how many.

    Raises ReviewError when a later judgement changed one of the same rows (see
    :func:`later_judgements`); nothing is changed then.
    """
    blocking = later_judgements(store, judgement_id)
    if blocking:
        raise ReviewError(f"judgement {judgement_id} cannot be undone before the later decision(s) "
                          f"{', '.join(blocking)} that changed the same rows: undo those first", blocked_by=blocking)
    store._candidates.clear()
    conn = store.conn
    moves = conn.execute("SELECT action, table_name, row_key, column_name, old_value FROM judgement_moves"
                         " WHERE judgement_id = ? ORDER BY seq DESC", (judgement_id,)).fetchall()
    for m in moves:
        table = m["table_name"]
        if table not in KEYS:
            continue
        key = json.loads(m["row_key"])
        where = " AND ".join(f"{c} = ?" for c in KEYS[table])
        params = [key[c] for c in KEYS[table]]
        if m["action"] == "set":
            column = m["column_name"]
            if column not in _COLUMNS:
                continue
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (json.loads(m["old_value"]), *params))
        elif m["action"] == "insert":
            if table == "entities" and conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1",
                                                    params).fetchone() is not None:
                continue  # documents ingested since link to it in their own right: it stays
            conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        else:
            row = json.loads(m["old_value"])
            parent = _PARENTS.get(table)
            if parent and conn.execute(f"SELECT 1 FROM {parent[0]} WHERE {parent[1]} = ?",
                                       (row[parent[1]],)).fetchone() is None:
                continue  # its event or quote is gone (the document was superseded since)
            columns = list(row)
            conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(_quoted(c) for c in columns)})"
                         f" VALUES ({', '.join('?' * len(columns))})", [row[c] for c in columns])
    conn.execute("DELETE FROM judgement_moves WHERE judgement_id = ?", (judgement_id,))
    return len(moves)


_PARENTS = {"event_participants": ("events", "event_id"), "quote_about": ("quotes", "quote_id")}
# The columns a logged 'set' may write back (the log is data: it never names a column itself).
_COLUMNS = {"entity_id", "subject_id", "object_id", "speaker_id", "via_id", "about", "outlet_id"}


def reapply_merges(store: StoreSchema, entity_ids: Iterable[str]) -> int:
    """Fold entities just written into the entities reviewers merged them into; return the changes.

    Called by the store after each document is written: a document ingested after a positive
    judgement is treated as the judgement treated the documents before it (and undone with it).
    """
    ids = sorted(set(entity_ids))
    changes = 0
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = store.conn.execute(
            # "|| ''" keeps the lookup on the small index of reviewers' judgements: by right_id it
            # would walk every resolver judgement on these ids, a cost that grows with the store
            "SELECT judgement_id, left_id, right_id FROM judgements WHERE doc_id IS NULL AND verdict = 'positive'"
            f" AND left_id != right_id AND right_id || '' IN ({','.join('?' * len(chunk))}) ORDER BY created_at",
            chunk).fetchall()
        for r in rows:
            changes += relink(store, r["judgement_id"], r["right_id"], r["left_id"])
    return changes


def apart_pairs(store: StoreSchema) -> frozenset[frozenset[str]]:
    """Return the pairs of ids reviewers said are different (negative judgements, not withdrawn)."""
    rows = store.conn.execute("SELECT left_id, right_id FROM judgements WHERE doc_id IS NULL"
                              " AND verdict = 'negative' AND left_id != right_id").fetchall()
    return frozenset(frozenset((r[0], r[1])) for r in rows)


def merged_into(store: StoreSchema, entity_id: str) -> str | None:
    """Return the entity a reviewer merged ``entity_id`` into (following chains), or None."""
    seen = {entity_id}
    current = entity_id
    while True:
        row = store.conn.execute(
            "SELECT left_id FROM judgements WHERE doc_id IS NULL AND verdict = 'positive' AND right_id || '' = ?"
            " AND left_id != right_id ORDER BY created_at DESC LIMIT 1", (current,)).fetchone()
        if row is None or row[0] in seen:
            break
        current = str(row[0])
        seen.add(current)
    return None if current == entity_id else current
