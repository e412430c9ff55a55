"""``python -m bench.crash`` (part of ``make bench``): the 1,000-document crash-safety run.

The same checks as tests/test_crash.py, at the size the issue names: 1,000 generated documents,
an uninterrupted ingest as the reference, three SIGKILLs at random points and a resume (the
export must equal the reference), then two ingests at once on one new store file, one of them
killed (every document stored once, with the evidence of the reference). Writes
bench/results/crash.md and exits non-zero when a check fails.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.factory import export_lines, factiongraph_cmd, ingest, ingest_with_kills, stored_documents, write_recombined
from tests.test_crash import order_free

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work" / "crash"
RESULTS = ROOT / "bench" / "results" / "crash.md"
DOCUMENTS = int(os.environ.get("BENCH_CRASH_DOCS", "1000"))
SEED = int(os.environ.get("BENCH_CRASH_SEED", "1000"))


def _fresh(name: str) -> Path:
    db = WORK / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = WORK / "corpus"
    for old in corpus.glob("*.txt"):
        old.unlink()
    write_recombined(corpus, DOCUMENTS, seed=SEED)
    rows: list[tuple[str, str, str]] = []

    started = time.perf_counter()
    clean_db = _fresh("clean.db")
    done = ingest(clean_db, str(corpus))
    clean = export_lines(clean_db)
    clean_ok = done.returncode == 0 and stored_documents(clean_db) == DOCUMENTS
    rows.append(("clean run", f"{stored_documents(clean_db)} documents, {len(clean)} export lines, "
                 f"{time.perf_counter() - started:.0f}s", "ok" if clean_ok else f"exit {done.returncode}"))
    print(rows[-1], file=sys.stderr, flush=True)

    started = time.perf_counter()
    killed_db = _fresh("killed.db")
    kills = ingest_with_kills(killed_db, corpus, DOCUMENTS, kills=3, rng=random.Random(SEED))
    done = ingest(killed_db, str(corpus))
    same = done.returncode == 0 and export_lines(killed_db) == clean
    rows.append(("3 x SIGKILL + resume", f"kills after {kills.at_documents} documents stored "
                 f"({kills.cut_short} inside a run), {time.perf_counter() - started:.0f}s",
                 "export identical" if same else "EXPORT DIFFERS"))
    print(rows[-1], file=sys.stderr, flush=True)

    started = time.perf_counter()
    shared_db = _fresh("shared.db")
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    forward = subprocess.Popen(factiongraph_cmd(shared_db, "ingest", "--no-progress", *files),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    backward = subprocess.Popen(factiongraph_cmd(shared_db, "ingest", "--no-progress", *reversed(files)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    threshold = random.Random(SEED + 1).randrange(DOCUMENTS // 4, DOCUMENTS // 2)
    while forward.poll() is None and stored_documents(shared_db) < threshold:
        time.sleep(0.05)
    forward.send_signal(signal.SIGKILL)
    forward.wait()
    backward.wait()
    done = ingest(shared_db, *files)
    same = (backward.returncode == 0 and done.returncode == 0 and stored_documents(shared_db) == DOCUMENTS
            and order_free(export_lines(shared_db)) == order_free(clean))
    rows.append(("2 ingests at once, one killed", f"kill after {threshold} documents, other exit "
                 f"{backward.returncode}, {time.perf_counter() - started:.0f}s",
                 "every document once, same evidence" if same else "STORES DIFFER"))
    print(rows[-1], file=sys.stderr, flush=True)

    failed = [r for r in rows if r[2].isupper() or r[2].startswith("exit")]
    lines = [f"# factiongraph crash-safety run ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)", "",
             f"{DOCUMENTS} documents recombined from the sample articles (seed {SEED}); real "
             "`factiongraph ingest` processes on one SQLite file.", "",
             "| run | what happened | result |", "|---|---|---|",
             *[f"| {a} | {b} | {c} |" for a, b, c in rows], ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
