"""Read-side queries for profiles, rankings and timelines (the main queries the benchmark times).

Every query here is served by an index: cost does not grow with the number of documents beyond
the rows it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factiongraph.model import Entity, Event
from factiongraph.store.sqlite import SQLiteStore


@dataclass(slots=True, frozen=True)
class MentionRow:
    """A mention of an entity with the sentence that contains it."""

    doc_id: str
    title: str | None
    published: str | None
    text: str
    sentence: str
    in_content: bool


def find_entities(store: SQLiteStore, name: str, limit: int = 10) -> list[Entity]:
    """Return entities whose name or alias has the same lookup key as ``name``, best-known first.

    Falls back to a prefix match on keys when nothing matches exactly.
    """
    key = store.key_fn(name.strip())
    sql = (
        "SELECT DISTINCT a.entity_id, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = a.entity_id) AS n"
        " FROM aliases a WHERE a.key {op} ? ORDER BY n DESC LIMIT ?"
    )
    rows = store.conn.execute(sql.format(op="="), (key, limit)).fetchall()
    if not rows:
        rows = store.conn.execute(sql.format(op="LIKE"), (key.replace("%", "") + "%", limit)).fetchall()
    ids = [r[0] for r in rows]
    entities = {e.entity_id: e for e in _entities(store, ids)}
    return [entities[i] for i in ids if i in entities]


def get_entity(store: SQLiteStore, entity_id: str) -> Entity | None:
    """Return one entity with its aliases."""
    found = _entities(store, [entity_id])
    return found[0] if found else None


def _entities(store: SQLiteStore, ids: list[str]) -> list[Entity]:
    import json

    from factiongraph.model import EntityType

    out = []
    for entity_id in ids:
        row = store.conn.execute("SELECT * FROM entities WHERE entity_id = ?", (entity_id,)).fetchone()
        if row is None:
            continue
        aliases = [
            r[0] for r in store.conn.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))
            if r[0] != row["name"]
        ]
        out.append(Entity(row["entity_id"], EntityType(row["type"]), row["name"], aliases, bool(row["in_kb"]),
                          json.loads(row["attributes"])))
    return out


def rank_entities(store: SQLiteStore, type_: str | None = None, new_only: bool = False,
                  limit: int = 50) -> list[dict[str, Any]]:
    """Return entities ranked by content mentions: id, name, type, in_kb, mentions, documents."""
    conds, params = ["m.in_content = 1"], []
    if type_:
        conds.append("e.type = ?")
        params.append(type_)
    if new_only:
        conds.append("e.in_kb = 0")
    rows = store.conn.execute(
        "SELECT e.entity_id, e.name, e.type, e.in_kb, COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS documents"
        " FROM mentions m JOIN entities e ON e.entity_id = m.entity_id JOIN documents d ON d.doc_id = m.doc_id"
        f" WHERE d.superseded_by IS NULL AND {' AND '.join(conds)}"
        " GROUP BY e.entity_id ORDER BY mentions DESC, e.name LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [dict(r) for r in rows]


def entity_mentions(store: SQLiteStore, entity_id: str, limit: int = 50) -> list[MentionRow]:
    """Return the mentions of an entity with their sentences, most recently stored first.

    Walks the (entity_id) index backwards, so the cost is that of ``limit`` rows however many
    mentions the entity has.
    """
    rows = store.conn.execute(
        'SELECT m.doc_id, m.start, m."end", m.text, m.sentence_start, m.sentence_end, m.in_content, d.title,'
        ' d.published, d.text AS doc_text, b.start AS block_start, b."end" AS block_end'
        " FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
        ' LEFT JOIN blocks b ON b.doc_id = m.doc_id AND b.start <= m.start AND m."end" <= b."end"'
        " WHERE m.entity_id = ? AND d.superseded_by IS NULL ORDER BY m.rowid DESC LIMIT ?",
        (entity_id, limit),
    ).fetchall()
    out = []
    for r in rows:
        s, e = r["sentence_start"], r["sentence_end"]
        if e <= s:
            s, e = r["start"], r["end"]
        if r["block_start"] is not None:  # a sentence never runs past its block (title, caption, comment)
            s, e = max(s, r["block_start"]), min(e, r["block_end"])
        out.append(MentionRow(r["doc_id"], r["title"], r["published"], r["text"], r["doc_text"][s:e].strip(),
                              bool(r["in_content"])))
    return out


def events_for(store: SQLiteStore, entity_id: str, role: str | None = None, evidence_limit: int = 5) -> list[Event]:
    """Return the events an entity took part in (as actor, target or either), in date order.

    Each event carries its first ``evidence_limit`` evidence rows and ``attrs["sources"]``, the
    number of documents that report it.
    """
    cond = "e.event_id IN (SELECT event_id FROM event_participants WHERE entity_id = ?"
    params: list[object] = [entity_id]
    if role:
        cond += " AND role = ?"
        params.append(role)
    return list(store.iter_events(cond + ")", params, evidence_limit=evidence_limit))


def find_events(store: SQLiteStore, actor_id: str | None = None, type_: str | None = None,
                since: str | None = None, until: str | None = None) -> list[Event]:
    """Return events, date order, filtered as ``factiongraph events`` filters them.

    ``actor_id``: the entity is actor or target; ``type_``: ACLED type or sub-event type;
    ``since``: on or after this ISO date; ``until``: on or before this date or prefix.
    """
    conds: list[str] = []
    params: list[object] = []
    if actor_id:
        conds.append("e.event_id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)")
        params.append(actor_id)
    if type_:
        conds.append("(e.type = ? OR e.sub_type = ?)")
        params += [type_, type_]
    if since:
        conds.append("e.date_start >= ?")
        params.append(since)
    if until:
        conds.append("substr(e.date_start, 1, ?) <= ?")
        params += [len(until), until]
    return list(store.iter_events(" AND ".join(conds), params))
