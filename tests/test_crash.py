"""Crash safety: SIGKILL an ingest at random points, or run two ingests at once on one store file.

Every run is a real ``factiongraph ingest`` process on a real SQLite file, over a few hundred
documents recombined from the sample articles (bench/crash.py runs the same with 1,000). After a
resume, the store must hold every document exactly once with all its extractions and nothing
half-written: its JSONL export equals the export of a clean, uninterrupted run.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from .factory import export_lines, factiongraph_cmd, ingest, ingest_with_kills, stored_documents, write_recombined

pytestmark = pytest.mark.slow

DOCUMENTS = 200
SEED = 18


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder of DOCUMENTS generated articles."""
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_recombined(folder, DOCUMENTS, seed=SEED)
    return folder


@pytest.fixture(scope="module")
def clean_export(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Return the sorted export of one uninterrupted ingest of the corpus."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    done = ingest(db, str(corpus))
    assert done.returncode == 0, done.stderr[-2000:]
    assert stored_documents(db) == DOCUMENTS
    return export_lines(db)


def assert_whole(db: Path) -> None:
    """Check the file is sound and each document is stored once."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents").fetchone() == (DOCUMENTS, DOCUMENTS)
        assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == \
            conn.execute("SELECT COUNT(DISTINCT version) FROM schema_migrations").fetchone()[0]


def test_three_kills_then_a_resume_give_the_clean_runs_export(corpus: Path, clean_export: list[str],
                                                              tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    kills = ingest_with_kills(db, corpus, DOCUMENTS, kills=3, rng=random.Random(SEED))
    assert kills.cut_short >= 1, f"no kill landed inside a run: {kills}"
    done = ingest(db, str(corpus))
    assert done.returncode == 0, done.stderr[-2000:]
    assert_whole(db)
    assert export_lines(db) == clean_export, f"kills at {kills.at_documents} documents"


def order_free(lines: list[str]) -> set[str]:
    """Return what of an export does not depend on the order documents were stored in.

    Two ingests at once store documents in an order no one chose, and some things legitimately
    follow that order (which of two reposts is the original, which report an event is first
    known from, the aliases an unverified entity collects first). What may not change: each
    document and its text, its mentions, the entities, and the evidence every claim kind has in
    each document.
    """
    out: set[str] = set()
    for line in lines:
        record = json.loads(line)
        kind = record["kind"]
        if kind == "document":
            record.pop("near_duplicate_of")
            out.add(json.dumps(record, sort_keys=True))
        elif kind == "entity":
            out.add(json.dumps(["entity", record["entity_id"], record["type"]]))
        elif kind == "mention":
            out.add(line)
        else:
            out.update(json.dumps([kind, e["doc_id"], e["start"], e["end"], e["text"], e["producer"]])
                       for e in record["evidence"])
    return out


def test_two_ingests_at_once_on_a_new_store_while_one_is_killed(corpus: Path, clean_export: list[str],
                                                               tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    forward = subprocess.Popen(factiongraph_cmd(db, "ingest", "--no-progress", *files),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    backward = subprocess.Popen(factiongraph_cmd(db, "ingest", "--no-progress", *reversed(files)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rng = random.Random(SEED + 1)
    threshold = rng.randrange(DOCUMENTS // 4, DOCUMENTS // 2)
    while forward.poll() is None and stored_documents(db) < threshold:
        time.sleep(0.05)
    forward.send_signal(signal.SIGKILL)
    forward.communicate()
    _, errors = backward.communicate(timeout=600)
    assert backward.returncode == 0, errors[-2000:]  # it finishes the work of the one killed beside it
    assert_whole(db)
    mine, clean = order_free(export_lines(db)), order_free(clean_export)
    assert mine == clean, (sorted(mine - clean)[:5], sorted(clean - mine)[:5])
