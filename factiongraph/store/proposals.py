"""Read queries behind the review queue: the links resolution rules made (what a split would undo),
an entity's spellings and example sentences, and what reviewers' judgements changed.

Every query reads; applying and undoing judgements is ``decisions.py``.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factiongraph.store.sqlite import SQLiteStore


def rule_links(store: SQLiteStore, producers: Collection[str], limit: int = 200) -> list[dict[str, Any]]:
    """Return the links resolution rules made between an entity and an id its mentions would have
    had on their own (positive judgements with a document), one row per pair, least sure first,
    leaving out pairs a reviewer has already judged."""
    marks = ",".join("?" * len(producers))
    rows = store.conn.execute(
        "SELECT j.left_id, j.right_id, COUNT(DISTINCT j.doc_id) AS documents, MIN(j.score) AS score,"
        " MIN(j.producer) AS producer, MIN(j.reason) AS reason FROM judgements j"
        f" WHERE j.doc_id IS NOT NULL AND j.verdict = 'positive' AND j.producer IN ({marks})"
        " AND j.left_id != j.right_id AND EXISTS (SELECT 1 FROM entities e WHERE e.entity_id = j.left_id)"
        " AND NOT EXISTS (SELECT 1 FROM judgements r WHERE r.doc_id IS NULL AND ((r.left_id = j.left_id"
        "  AND r.right_id = j.right_id) OR (r.left_id = j.right_id AND r.right_id = j.left_id)))"
        " GROUP BY j.left_id, j.right_id ORDER BY MIN(j.score), j.left_id, j.right_id LIMIT ?",
        (*producers, limit)).fetchall()
    return [dict(r) for r in rows]


def entity_surfaces(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    """Return the mentions of an entity (id, document, text, type), for proposing splits."""
    rows = store.conn.execute("SELECT mention_id, doc_id, text, type FROM mentions WHERE entity_id = ?",
                              (entity_id,)).fetchall()
    return [dict(r) for r in rows]


def entity_facts(store: SQLiteStore, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Return ``{entity_id: {"name", "type", "in_kb", "mentions"}}`` for the ids that exist."""
    out: dict[str, dict[str, Any]] = {}
    for entity_id in ids:
        row = store.conn.execute(
            "SELECT name, type, in_kb, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.entity_id) AS n"
            " FROM entities e WHERE e.entity_id = ?", (entity_id,)).fetchone()
        if row is not None:
            out[entity_id] = {"name": row[0], "type": row[1], "in_kb": bool(row[2]), "mentions": int(row[3])}
    return out


def move_count(store: SQLiteStore, judgement_id: str) -> int:
    """Return how many changes are logged under a judgement."""
    return int(store.conn.execute("SELECT COUNT(*) FROM judgement_moves WHERE judgement_id = ?",
                                  (judgement_id,)).fetchone()[0])


def archived_names(store: SQLiteStore, ids: Collection[str]) -> dict[str, str]:
    """Return the names of entities a judgement removed (merged into another), by id."""
    out: dict[str, str] = {}
    for entity_id in ids:
        row = store.conn.execute(
            "SELECT old_value FROM judgement_moves WHERE table_name = 'entities' AND action = 'delete'"
            " AND row_key = ? ORDER BY seq LIMIT 1", (json.dumps({"entity_id": entity_id}, sort_keys=True),)).fetchone()
        if row is not None:
            out[entity_id] = str(json.loads(row[0]).get("name") or entity_id)
    return out


def entity_spellings(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    """Return each distinct (text, type) the mentions of an entity have, with how many there are."""
    rows = store.conn.execute("SELECT text, type, COUNT(*) AS mentions FROM mentions WHERE entity_id = ?"
                              " GROUP BY text, type ORDER BY text, type", (entity_id,)).fetchall()
    return [dict(r) for r in rows]


def documents_naming(store: SQLiteStore, entity_id: str, texts: list[str]) -> int:
    """Return how many documents have a mention of ``entity_id`` written as one of ``texts``."""
    if not texts:
        return 0
    row = store.conn.execute(
        f"SELECT COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id = ? AND text IN ({','.join('?' * len(texts))})",
        (entity_id, *texts)).fetchone()
    return int(row[0])


def mention_examples(store: SQLiteStore, entity_id: str, texts: list[str], limit: int = 3) -> list[dict[str, Any]]:
    """Return up to ``limit`` mentions of ``entity_id`` written as one of ``texts``, each with its
    document, span and sentence (what a reviewer reads before splitting them off)."""
    if not texts:
        return []
    rows = store.conn.execute(
        'SELECT m.doc_id, m.start, m."end", m.text, m.sentence_start, m.sentence_end, d.title, d.text AS doc_text'
        " FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
        f" WHERE m.entity_id = ? AND m.text IN ({','.join('?' * len(texts))}) ORDER BY m.doc_id, m.start LIMIT ?",
        (entity_id, *texts, limit)).fetchall()
    return [{"doc_id": r["doc_id"], "start": r["start"], "end": r["end"], "text": r["text"], "title": r["title"],
             "sentence": (r["doc_text"][r["sentence_start"]:r["sentence_end"]].strip()
                          if r["sentence_end"] > r["sentence_start"] else r["text"])} for r in rows]


def pair_judgements(store: SQLiteStore, a: str, b: str) -> list[dict[str, Any]]:
    """Return reviewers' judgements in force on the pair ``a``, ``b`` (either order)."""
    rows = store.conn.execute(
        "SELECT judgement_id, left_id, right_id, verdict FROM judgements WHERE doc_id IS NULL"
        " AND ((left_id || '' = ? AND right_id || '' = ?) OR (left_id || '' = ? AND right_id || '' = ?))"
        " ORDER BY created_at",  # "|| ''": the small index of reviewers' judgements, not the resolver's
        (a, b, b, a)).fetchall()
    return [dict(r) for r in rows]
