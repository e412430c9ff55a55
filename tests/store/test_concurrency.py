"""Several processes on one SQLite store: opening a new file at once, and writing side by side."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from factiongraph.model import Entity, EntityType, Event
from factiongraph.store import open_store
from factiongraph.store.sqlite import list_migrations

from .test_sqlite import make_result

# Each process says it is ready, waits for the "go" file, then opens (and so migrates) the store.
OPENER = """
import os, sys, time
from factiongraph.store import open_store
go = sys.argv[2]
open(go + "." + sys.argv[3], "w").close()
while not os.path.exists(go):
    time.sleep(0.001)
store = open_store(sys.argv[1])
print(store.schema_version())
"""


def test_processes_opening_a_new_store_at_once_all_migrate_it_once(tmp_path: Path) -> None:
    latest = max(v for v, _, _ in list_migrations())
    for round_ in range(3):  # a fresh file each round: the race is on the first migration
        db, go = tmp_path / f"s{round_}.db", tmp_path / f"go{round_}"
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db), str(go), str(n)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
        while len(list(tmp_path.glob(f"go{round_}.*"))) < 4:  # every interpreter is at its wait loop
            time.sleep(0.01)
        go.touch()
        outcomes = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, [err[-600:] for _, err in outcomes]
        assert [out.strip() for out, _ in outcomes] == [str(latest)] * 4
        store = open_store(db)
        rows = store.conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == [v for v, _, _ in list_migrations()]
        store.close()


def test_a_commit_by_another_connection_refreshes_coreference_candidates(tmp_path: Path) -> None:
    mine, theirs = open_store(tmp_path / "s.db"), open_store(tmp_path / "s.db")
    mine.write_result(make_result("d1", "a.txt"))

    def candidate() -> Event:
        (found,) = mine.candidate_events("Strategic developments", "Arrests", "2020-06-25")
        return found

    assert candidate().actors == []  # read, and kept in memory
    richer = make_result("d2", "b.txt")
    richer.entities.append(Entity("pmf", EntityType.ARMED_GROUP, "PMF", [], True, {}))
    richer.events[0].actors, richer.events[0].date_end = ["pmf"], "2020-06-26"
    theirs.write_result(richer)  # the other ingest adds to the same event
    assert candidate().actors == ["pmf"] and candidate().date_end == "2020-06-26"


def test_bytes_another_process_stored_meanwhile_are_not_written_twice(tmp_path: Path) -> None:
    mine, theirs = open_store(tmp_path / "s.db"), open_store(tmp_path / "s.db")
    assert not mine.has_document("d1")  # the run's duplicate check passes ...
    theirs.write_result(make_result("d1", "copy/a.txt"))  # ... then the other ingest stores the bytes
    with mine.batch():
        mine.write_result(make_result("d1", "a.txt"))
    assert mine.counts()["documents"] == 1
    assert [d.source for d in mine.iter_documents()] == ["copy/a.txt"]
