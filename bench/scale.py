"""Scale-out figures: documents/s by engine and workers, and a long ingest into PostgreSQL.

Run as ``python -m bench.scale [--docs N] [--pg-docs M] [--batch B]`` (``make bench`` runs it
with the defaults through ``bench/run.py``). Each measurement runs in its own process:

- ``engine CORPUS ENGINE WORKERS BATCH``: ingest the corpus into a new SQLite store with the
  local engine or Ray; documents/s counted from the first stored batch to the end, so the
  one-off start (model loading, Ray start) is left out of the rate.
- ``postgres CORPUS TOTAL BATCH``: start a PostgreSQL server on 127.0.0.1 (durable: fsync on),
  analyse 100 corpus documents once, then write TOTAL documents made from them (new ids,
  sources and near-duplicate signatures) through the pipeline's per-document store path
  (near-duplicate lookup, event coreference, one savepoint each, one commit per batch), timing
  every batch (the store's work: the clones are made before each batch's clock starts) and
  reading the database size as it grows; each batch's figures go to stderr as it ends. This is the store side of an ingest;
  the NLP side is the engine figure, and the two run concurrently in a real run.

Prints one JSON object per measurement; ``main`` prints a markdown report.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def probe_engine(corpus: Path, engine: str, workers: int, batch: int) -> dict[str, Any]:
    """Ingest ``corpus`` with one engine configuration; return docs, seconds and steady documents/s."""
    from factiongraph.pipeline import Pipeline, RunSummary
    from factiongraph.settings import Settings
    from factiongraph.store import open_store

    marks: list[tuple[float, int]] = []

    def progress(summary: RunSummary, _label: str) -> None:
        if not marks or marks[-1][1] != summary.stored:
            marks.append((time.perf_counter(), summary.stored))

    settings = replace(Settings(), engine=engine, workers=workers, batch_size=batch)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "engine.db")
        started = time.perf_counter()
        summary = Pipeline(settings).run([str(corpus)], store, progress=progress)
        total = time.perf_counter() - started
        store.close()
    first = next(((t, n) for t, n in marks if n > 0), (started, 0))
    last = marks[-1] if marks else (started + total, summary.stored)
    steady = (last[1] - first[1]) / (last[0] - first[0]) if last[0] > first[0] else 0.0
    return {"engine": engine, "workers": workers, "docs": summary.stored, "words": summary.words,
            "seconds": round(total, 2), "docs_per_s": round(summary.stored / total, 2),
            "steady_docs_per_s": round(steady, 2), "rejected": summary.rejected}


def probe_postgres(corpus: Path, total: int, batch: int) -> dict[str, Any]:
    """Write ``total`` analysed documents into PostgreSQL in batches; return per-batch timings and sizes."""
    from bench.store_scale import _analysed, _clone
    from factiongraph.pipeline import Pipeline
    from factiongraph.resolve.keys import make_key
    from factiongraph.settings import Settings
    from factiongraph.store import open_store
    from tests.store.pgserver import TempPostgres

    pipeline = Pipeline(Settings())
    base = _analysed(pipeline, corpus, 100)
    rng = random.Random(3)
    server = TempPostgres(durable=True, settings=PG_SERVER_SETTINGS)
    out: dict[str, Any] = {"docs": total, "batch": batch, "batches": [], "server": PG_SERVER_SETTINGS}
    try:
        server.start()
        store = open_store(server.create_database("scale"), key_fn=make_key)
        backend = int(store.conn.execute("SELECT pg_backend_pid()").fetchone()[0])
        started, stored_s = time.perf_counter(), 0.0
        for first in range(0, total, batch):
            # The clones are made before the clock starts: copying a result is not the store's work.
            clones = [_clone(base[n % len(base)], n, rng) for n in range(first, min(total, first + batch))]
            t, cpu, server_cpu = time.perf_counter(), time.process_time(), _process_cpu(backend)
            with store.batch():
                for clone in clones:
                    pipeline.link_and_write(clone, store)
            elapsed = time.perf_counter() - t
            cpu, server_cpu = time.process_time() - cpu, _process_cpu(backend) - server_cpu
            stored_s += elapsed
            row = {"stored": first + len(clones), "ms_per_doc": round(1000 * elapsed / len(clones), 3),
                   "docs_per_s": round(len(clones) / elapsed, 1), "elapsed_s": round(stored_s, 1),
                   "client_cpu_ms_per_doc": round(1000 * cpu / len(clones), 2),
                   "server_cpu_ms_per_doc": round(1000 * server_cpu / len(clones), 2),
                   "size_mb": round(store.size_bytes() / 2**20, 1)}  # type: ignore[attr-defined]
            out["batches"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)  # progress, and a record if the run is cut short
        out["seconds"] = round(stored_s, 1)
        out["wall_seconds"] = round(time.perf_counter() - started, 1)
        out["queries_ms"] = time_queries(store, rng)
        out["counts"] = store.counts()
        store.close()
    finally:
        server.stop()
    return out


def _process_cpu(pid: int) -> float:
    """Return the CPU seconds (user + system) a process on this machine has used (0.0 if unreadable).

    The server's backend for the store's connection: with the client's own CPU time, the cost of a
    document that other jobs on a shared machine do not change, as they change the wall time.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


PG_SERVER_SETTINGS = ["shared_buffers = 512MB", "max_wal_size = 4GB", "checkpoint_timeout = 15min"]
"""The benchmark server's settings beyond the defaults: a small slice of a dedicated server's memory
(PostgreSQL's own guidance is a quarter of RAM for ``shared_buffers``) and checkpoints far enough
apart that index pages are not written out whole again every few thousand documents."""


def time_queries(store: Any, rng: random.Random) -> dict[str, list[float]]:
    """Return p50 and p95 (ms) of 100 each of the main reads on a store, for its 30 top entities."""
    from factiongraph.store.views import entity_mentions, events_for, rank_entities

    top = rank_entities(store, limit=30)
    timings: dict[str, list[float]] = {"entity profile": [], "full-text search": [], "events of an actor": []}
    for _ in range(100):
        row = rng.choice(top)
        for name, call in (("entity profile", lambda: entity_mentions(store, row["entity_id"], limit=50)),
                           ("full-text search", lambda: store.search(f'"{row["name"]}"', limit=20)),
                           ("events of an actor", lambda: events_for(store, row["entity_id"]))):
            t = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - t)
    return {k: [round(1000 * sorted(v)[len(v) // 2], 2), round(1000 * sorted(v)[int(0.95 * (len(v) - 1))], 2)]
            for k, v in timings.items()}


def _run_probe(*args: str) -> dict[str, Any]:
    print(f"  running: bench.scale {' '.join(args)}", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, "-m", "bench.scale", *args], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def flatness(batches: list[dict[str, Any]], key: str = "ms_per_doc") -> float:
    """Return the mean ``key`` (ms/document) of the last tenth of the batches over that of the first tenth."""
    tenth = max(1, len(batches) // 10)
    head = sum(b.get(key, 0.0) for b in batches[:tenth]) / tenth
    tail = sum(b.get(key, 0.0) for b in batches[-tenth:]) / tenth
    return tail / head if head else 0.0


def report(corpus_docs: int, engines: list[dict[str, Any]], pg: dict[str, Any] | None) -> str:
    """Return the markdown sections for the engine and PostgreSQL figures."""
    lines: list[str] = []
    if engines:
        lines += [f"## Workers and engines: {corpus_docs} documents ingested into SQLite", "",
                  "| engine | workers | docs/s (steady) | docs/s (with start-up) | vs 1 worker |", "|---|---:|---:|---:|---:|"]
        one = {r["engine"]: r["steady_docs_per_s"] for r in engines if r["workers"] == 1}
        for r in engines:
            ratio = r["steady_docs_per_s"] / one[r["engine"]] if one.get(r["engine"]) else 0.0
            lines.append(f"| {r['engine']} | {r['workers']} | {r['steady_docs_per_s']:.2f} | {r['docs_per_s']:.2f} "
                         f"| {ratio:.2f} |")
        lines += ["", "Steady: from the first stored batch to the end (model loading and Ray's start left out)."]
    if pg is not None:
        batches = pg["batches"]
        step = max(1, len(batches) // 20)
        lines += ["", f"## PostgreSQL: {pg['docs']:,} documents through the store path, {pg['batch']} per commit", "",
                  "| documents stored | ms/document (that batch) | docs/s | client CPU ms/doc | server CPU ms/doc"
                  " | elapsed (s) | database size (MB) |",
                  "|---:|---:|---:|---:|---:|---:|---:|"]
        for b in batches[step - 1::step]:
            lines.append(f"| {b['stored']:,} | {b['ms_per_doc']:.2f} | {b['docs_per_s']:.0f} "
                         f"| {b.get('client_cpu_ms_per_doc', 0.0):.1f} | {b.get('server_cpu_ms_per_doc', 0.0):.1f} "
                         f"| {b['elapsed_s']:.0f} | {b['size_mb']:.0f} |")
        lines += ["", f"Per-document cost, last tenth of the batches over the first tenth (1.00 = flat): wall time "
                  f"{flatness(batches):.2f}, client CPU {flatness(batches, 'client_cpu_ms_per_doc'):.2f}, server CPU "
                  f"{flatness(batches, 'server_cpu_ms_per_doc'):.2f} (CPU time is what other jobs on a shared machine"
                  f" do not change). Total {pg['seconds']:.0f}s of store writes ({pg['docs'] / pg['seconds']:.0f} documents/s);"
                  f" {pg['counts']}. Server: PostgreSQL on 127.0.0.1, fsync on, {', '.join(pg['server'])}.", "",
                  "| query on that store | p50 (ms) | p95 (ms) |", "|---|---:|---:|"]
        for name, (p50, p95) in pg["queries_ms"].items():
            lines.append(f"| {name} | {p50:.2f} | {p95:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> str:
    """Run every scale measurement in its own process; print and return the markdown report."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--docs", type=int, default=300, help="corpus documents for the engine runs (0: skip them)")
    parser.add_argument("--pg-docs", type=int, default=100_000, help="documents written to PostgreSQL (0: skip)")
    parser.add_argument("--batch", type=int, default=16, help="documents per batch (engine runs)")
    parser.add_argument("--pg-batch", type=int, default=500, help="documents per commit (PostgreSQL run)")
    parser.add_argument("--engines", default="local,ray", help="engines to measure (comma-separated)")
    args = parser.parse_args(argv)
    from bench.corpus import build_corpus

    corpus = ROOT / "bench" / "work" / "scale-corpus"
    wanted = max(args.docs, 100)  # the PostgreSQL run analyses 100 of them
    docs, _ = build_corpus(corpus, wanted * 2000)  # stops at a word count: ask for plenty, keep what is wanted
    if docs < wanted:
        raise SystemExit(f"only {docs} corpus documents for --docs {args.docs}")
    for extra in sorted(corpus.glob("*.txt"))[wanted:]:
        extra.unlink()
    engines = [_run_probe("engine", str(corpus), engine, str(workers), str(args.batch))
               for engine in args.engines.split(",") for workers in (1, 2)] if args.docs else []
    pg = _run_probe("postgres", str(corpus), str(args.pg_docs), str(args.pg_batch)) if args.pg_docs else None
    text = report(args.docs, engines, pg)
    print(text)
    return text


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "engine":
        print(json.dumps(probe_engine(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "postgres":
        print(json.dumps(probe_postgres(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
    else:
        main()
