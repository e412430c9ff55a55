"""Read-side queries for profiles, rankings and timelines (the main queries the benchmark times).

Every query here is served by an index: cost does not grow with the number of documents beyond
the rows it returns.
"""

from __future__ import annotations

import json
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


def like_escape(text: str) -> str:
    """Return ``text`` with LIKE's wildcards escaped, for ``LIKE ? ESCAPE '\\'``: ``%`` and ``_``
    in a search are the characters themselves, never "anything"."""
    text = text.replace("\x00", "")  # SQLite ends a LIKE pattern at a NUL, which would match everything
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_entities(store: SQLiteStore, name: str, limit: int = 10) -> list[Entity]:
    """Return entities whose name or alias has the same lookup key as ``name``, best-known first.

    Falls back to a prefix match on keys when nothing matches exactly.
    """
    key = store.key_fn(name.strip())
    if not key:  # no letters or digits: it names nothing (an empty prefix would match every key)
        return []
    sql = (
        "SELECT DISTINCT a.entity_id, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = a.entity_id) AS n"
        " FROM aliases a WHERE a.key {op} ? {escape} ORDER BY n DESC LIMIT ?"
    )
    rows = store.conn.execute(sql.format(op="=", escape=""), (key, limit)).fetchall()
    if not rows:
        rows = store.conn.execute(sql.format(op="LIKE", escape="ESCAPE '\\'"),
                                  (like_escape(key) + "%", limit)).fetchall()
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
                  limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
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
        " GROUP BY e.entity_id ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?",
        (*params, limit, offset),
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


# -- queries for the web app (paged; evidence capped per claim so big stores stay fast) ---------

def search_entities(store: SQLiteStore, name: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Return entities a name refers to: same lookup key first, then keys that start with or contain it.

    Each row: entity_id, name, type, in_kb, mentions, match (``exact`` | ``prefix`` | ``contains``).
    Any alias or spelling matches, because keys are made by the store's key function.
    """
    key = store.key_fn(name.strip())
    if not key:
        return []
    rows = store.conn.execute(
        "SELECT a.entity_id, MIN(CASE WHEN a.key = ? THEN 0 WHEN a.key LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END) AS rank"
        " FROM aliases a WHERE a.key LIKE ? ESCAPE '\\' GROUP BY a.entity_id",
        (key, like_escape(key) + "%", "%" + like_escape(key) + "%"),
    ).fetchall()
    ranked = []
    for r in rows:
        n = store.conn.execute("SELECT COUNT(*) FROM mentions WHERE entity_id = ?", (r[0],)).fetchone()[0]
        ranked.append((r[1], -n, r[0], n))
    ranked.sort()
    out = []
    for rank, _, entity_id, n in ranked[offset:offset + limit]:
        row = store.conn.execute("SELECT name, type, in_kb FROM entities WHERE entity_id = ?", (entity_id,)).fetchone()
        if row is not None:
            out.append({"entity_id": entity_id, "name": row["name"], "type": row["type"], "in_kb": bool(row["in_kb"]),
                        "mentions": n, "match": ("exact", "prefix", "contains")[rank]})
    return out


def entity_names(store: SQLiteStore, ids: list[str]) -> dict[str, dict[str, str]]:
    """Return ``{entity_id: {"name", "type"}}`` for the ids that exist."""
    out: dict[str, dict[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(f"SELECT entity_id, name, type FROM entities WHERE entity_id IN ({marks})", chunk):
            out[r[0]] = {"name": r[1], "type": r[2]}
    return out


def claim_evidence(store: SQLiteStore, kind: str, claim_id: str, limit: int = 3) -> tuple[list[Any], int]:
    """Return the first ``limit`` evidence rows of a claim and how many it has in all."""
    total = int(store.conn.execute("SELECT COUNT(*) FROM evidence WHERE claim_kind = ? AND claim_id = ?",
                                   (kind, claim_id)).fetchone()[0])
    return store.evidence_for(kind, claim_id, limit), total


def relations_of(store: SQLiteStore, entity_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """Return the relations touching an entity as rows (no evidence; see ``claim_evidence``)."""
    rows = store.conn.execute(
        "SELECT * FROM relations WHERE subject_id = ? UNION SELECT * FROM relations WHERE object_id = ?"
        " ORDER BY predicate, valid_from LIMIT ?", (entity_id, entity_id, limit)).fetchall()
    out = []
    for r in rows:
        item = dict(r)
        item["attrs"] = json.loads(item["attrs"])
        out.append(item)
    return out


def quotes_of(store: SQLiteStore, entity_id: str, about: bool = False, limit: int = 50) -> list[dict[str, Any]]:
    """Return quotes by an entity (or about it, with ``about``) as rows (no evidence)."""
    if about:
        sql = ("SELECT q.* FROM quote_about a JOIN quotes q ON q.quote_id = a.quote_id WHERE a.entity_id = ?"
               " ORDER BY q.quote_id LIMIT ?")
    else:
        sql = "SELECT * FROM quotes WHERE speaker_id = ? ORDER BY quote_id LIMIT ?"
    out = []
    for r in store.conn.execute(sql, (entity_id, limit)).fetchall():
        item = dict(r)
        item["about"] = json.loads(item["about"])
        item["anonymous"] = bool(item["anonymous"])
        out.append(item)
    return out


def entity_documents(store: SQLiteStore, entity_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """Return the current documents that mention an entity, most recently stored first.

    Walks the entity's mentions newest first and stops at ``limit`` documents, so the cost does
    not grow with how many documents mention it.
    """
    doc_ids: list[str] = []
    for (doc_id,) in store.conn.execute("SELECT doc_id FROM mentions WHERE entity_id = ? ORDER BY rowid DESC",
                                        (entity_id,)):
        if doc_id not in doc_ids:
            doc_ids.append(doc_id)
            if len(doc_ids) > limit * 2:  # superseded documents are dropped below
                break
    out = []
    for doc_id in doc_ids:
        row = store.conn.execute("SELECT doc_id, title, outlet, published FROM documents"
                                 " WHERE doc_id = ? AND superseded_by IS NULL", (doc_id,)).fetchone()
        if row is not None:
            item = dict(row)
            item["mentions"] = store.conn.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = ? AND +entity_id = ?",
                                                  (doc_id, entity_id)).fetchone()[0]
            out.append(item)
        if len(out) == limit:
            break
    return out


def _event_conditions(actor_id: str | None, type_: str | None, since: str | None, until: str | None
                      ) -> tuple[list[str], list[object]]:
    """Return the SQL conditions (on ``events e``) and parameters of the events filters."""
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
    return conds, params


def find_events(store: SQLiteStore, actor_id: str | None = None, type_: str | None = None,
                since: str | None = None, until: str | None = None) -> list[Event]:
    """Return events, date order, filtered as ``factiongraph events`` filters them.

    ``actor_id``: the entity is actor or target; ``type_``: ACLED type or sub-event type;
    ``since``: on or after this ISO date; ``until``: on or before this date or prefix.
    """
    conds, params = _event_conditions(actor_id, type_, since, until)
    return list(store.iter_events(" AND ".join(conds), params))


def filter_events(store: SQLiteStore, *, actor_id: str | None = None, type_: str | None = None,
                  since: str | None = None, until: str | None = None, location_ids: list[str] | None = None,
                  newest_first: bool = False, limit: int = 100, offset: int = 0) -> list[Event]:
    """Return one page of events by participant, ACLED type or sub-type, date range and place ids."""
    conds, params = _event_conditions(actor_id, type_, since, until)
    if location_ids is not None:
        conds.append(f"e.location_id IN ({','.join('?' * len(location_ids)) or 'NULL'})")
        params += location_ids
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    order = "DESC" if newest_first else "ASC"
    ids = [r[0] for r in store.conn.execute(
        f"SELECT e.event_id FROM events e {where} ORDER BY e.date_start {order}, e.event_id LIMIT ? OFFSET ?",
        (*params, limit, offset))]
    if not ids:
        return []
    found = {e.event_id: e for e in store.iter_events(f"e.event_id IN ({','.join('?' * len(ids))})", ids,
                                                       evidence_limit=3)}
    return [found[i] for i in ids if i in found]


def event_locations(store: SQLiteStore) -> list[str]:
    """Return the distinct location ids events happened at."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT location_id FROM events WHERE location_id IS NOT NULL")]


def document_mentions(store: SQLiteStore, doc_id: str) -> list[dict[str, Any]]:
    """Return a document's mentions in text order with their entity's name and type."""
    rows = store.conn.execute(
        'SELECT m.mention_id, m.start, m."end", m.text, m.type, m.entity_id, m.producer, m.in_content,'
        " e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id"
        " WHERE m.doc_id = ? ORDER BY m.start", (doc_id,)).fetchall()
    return [dict(r) for r in rows]


def document_claims(store: SQLiteStore, doc_id: str) -> list[dict[str, Any]]:
    """Return the evidence spans a document gives to events, relations and quotes, in text order."""
    rows = store.conn.execute(
        'SELECT evidence_id, claim_kind, claim_id, start, "end", producer, confidence FROM evidence'
        " WHERE doc_id = ? ORDER BY start, claim_kind", (doc_id,)).fetchall()
    return [dict(r) for r in rows]


def unknown_entities(store: SQLiteStore, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Return groups and people the knowledge base does not know, most mentioned first."""
    rows = store.conn.execute(
        "SELECT e.entity_id, e.name, e.type, COUNT(m.mention_id) AS mentions FROM entities e"
        " LEFT JOIN mentions m ON m.entity_id = e.entity_id WHERE e.in_kb = 0 AND e.type IN ('armed_group', 'person')"
        " GROUP BY e.entity_id ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return [dict(r) for r in rows]


def search_events(store: SQLiteStore, text: str, entity_ids: list[str], limit: int = 20,
                  offset: int = 0) -> list[Event]:
    """Return events whose type, sub-type or place name contains ``text`` or that involve one of
    ``entity_ids`` (the entities the text names), newest first."""
    text = text.replace("\x00", "").strip()
    like = "%" + like_escape(text) + "%"
    conds = [f"e.{column} LIKE ? ESCAPE '\\'" for column in ("type", "sub_type", "location_name")]
    params: list[object] = [like, like, like]
    if not text:  # nothing to look for in the text: only the named entities' events
        conds, params = [], []
    if not conds and not entity_ids:
        return []
    if entity_ids:
        conds.append("e.event_id IN (SELECT event_id FROM event_participants WHERE entity_id IN "
                     f"({','.join('?' * len(entity_ids))}))")
        params += entity_ids
    ids = [r[0] for r in store.conn.execute(
        f"SELECT e.event_id FROM events e WHERE {' OR '.join(conds)} ORDER BY e.date_start DESC, e.event_id"
        " LIMIT ? OFFSET ?", (*params, limit, offset))]
    if not ids:
        return []
    found = {e.event_id: e for e in store.iter_events(f"e.event_id IN ({','.join('?' * len(ids))})", ids,
                                                       evidence_limit=3)}
    return [found[i] for i in ids if i in found]


def relation_links(store: SQLiteStore) -> list[dict[str, Any]]:
    """Return every relation as a link: subject_id, object_id, predicate, valid_from, valid_to and
    the number of evidence rows (no evidence text: for building networks)."""
    rows = store.conn.execute(
        "SELECT r.subject_id, r.object_id, r.predicate, r.valid_from, r.valid_to,"
        " (SELECT COUNT(*) FROM evidence v WHERE v.claim_kind = 'relation' AND v.claim_id = r.relation_id)"
        " AS evidence FROM relations r ORDER BY r.relation_id").fetchall()
    return [dict(r) for r in rows]


def claim_rows(store: SQLiteStore, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Return ``{claim_id: row}`` for relations (``kind="relation"``) or quotes (``"quote"``)."""
    table, key = {"relation": ("relations", "relation_id"), "quote": ("quotes", "quote_id")}[kind]
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.conn.execute(f"SELECT * FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})", chunk):
            item = dict(r)
            for field in ("attrs", "about"):
                if field in item:
                    item[field] = json.loads(item[field])
            out[item[key]] = item
    return out


def merge_candidates(store: SQLiteStore, limit: int = 50) -> list[dict[str, Any]]:
    """Return proposed merges: a group or person the KB does not know whose name key contains, or
    is contained in, a name key of another entity of the same type (left_id the unknown one)."""
    rows = store.conn.execute(
        "SELECT u.entity_id AS left_id, u.name AS left_name, k.entity_id AS right_id, k.name AS right_name,"
        " u.type, MIN(ua.alias) AS left_alias, MIN(ka.alias) AS right_alias"
        " FROM entities u JOIN aliases ua ON ua.entity_id = u.entity_id"
        " JOIN aliases ka ON ka.entity_id != u.entity_id AND length(ka.key) >= 4 AND length(ua.key) >= 4"
        "  AND (instr(ka.key, ua.key) > 0 OR instr(ua.key, ka.key) > 0)"
        " JOIN entities k ON k.entity_id = ka.entity_id AND k.type = u.type"
        " WHERE u.in_kb = 0 AND u.type IN ('armed_group', 'person')"
        " GROUP BY u.entity_id, k.entity_id ORDER BY u.name, k.name LIMIT ?", (limit,)).fetchall()
    return [dict(r) for r in rows]


def reviewer_judgements(store: SQLiteStore, entity_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Return judgements recorded by reviewers (no document), newest first; those touching
    ``entity_id`` when given."""
    sql, params = "SELECT * FROM judgements WHERE doc_id IS NULL", []
    if entity_id is not None:  # the '+' keeps SQLite on the small reviewers' index
        sql += " AND (+left_id = ? OR +right_id = ?)"
        params = [entity_id, entity_id]
    rows = store.conn.execute(sql + " ORDER BY created_at DESC, judgement_id LIMIT ?", (*params, limit)).fetchall()
    return [dict(r) for r in rows]
