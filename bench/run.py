"""``make bench``: throughput and memory of factiongraph against spaCy's NER-only pipeline.

Builds a >= 200k-word corpus from the sample articles, runs each configuration in its own
process (so peak RSS is per configuration), then the 10,000-document store-growth probe, then the
scale-out figures of ``bench/scale.py`` (1 and 2 workers with the local and Ray engines on
BENCH_SCALE_DOCS documents, and BENCH_PG_DOCS documents written to PostgreSQL), and writes a
markdown table to bench/results/latest.md. spaCy's NER-only run and the one-worker
pipeline run alternate BENCH_ROUNDS times (default 2) and are compared by their mean times.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.corpus import build_corpus

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results" / "latest.md"
MIN_WORDS = int(os.environ.get("BENCH_MIN_WORDS", "200000"))
STORE_DOCS = int(os.environ.get("BENCH_STORE_DOCS", "10000"))
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "2")))
SCALE_DOCS = int(os.environ.get("BENCH_SCALE_DOCS", "300"))
PG_DOCS = int(os.environ.get("BENCH_PG_DOCS", "100000"))


def _probe(*args: str) -> dict[str, Any]:
    print(f"  running probe: {' '.join(args)}", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, "-m", "bench.probes", *args], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mean_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the first run with ``seconds`` the mean over all runs and ``rss_mb`` the largest;
    ``spread`` is the slowest over the fastest time."""
    seconds = [r["seconds"] for r in runs]
    return {**runs[0], "seconds": sum(seconds) / len(seconds), "rss_mb": max(r["rss_mb"] for r in runs),
            "spread": max(seconds) / min(seconds)}


def main() -> None:
    from factiongraph.settings import Settings

    model = Settings().spacy_model
    started = time.perf_counter()
    corpus = WORK / "corpus"
    docs, words = build_corpus(corpus, MIN_WORDS)
    print(f"corpus: {docs} documents, {words} words in {corpus}", file=sys.stderr)
    cores = os.cpu_count() or 1
    # The ratio compares two single-process runs made minutes apart; on a shared machine the
    # speed drifts in between. Alternate them ROUNDS times and compare the mean times.
    spacy_runs, single_runs, full_runs = [], [], []
    for _ in range(ROUNDS):
        spacy_runs.append(_probe("spacy-ner", str(corpus), model))
        single_runs.append(_probe("pipeline", str(corpus), "1"))
        full_runs.append(_probe("spacy-full", str(corpus), model))
    spacy_row, single_row, full_row = _mean_run(spacy_runs), _mean_run(single_runs), _mean_run(full_runs)
    rows = [(f"spaCy NER-only ({spacy_row['components']}, {spacy_row['labels']} labels)", spacy_row)]
    rows.append(("factiongraph, 1 worker", single_row))
    # The anchor a user compares with: spaCy's own full pipeline (parse included) on the same text.
    rows.append((f"spaCy full pipeline ({full_row['components']})", full_row))
    # factiongraph runs the NER cut to the labels it reads (setting ner_labels): the same cut in
    # spaCy alone shows how much of the pipeline's speed comes from it.
    cut = _probe("spacy-ner", str(corpus), model, "1", "restricted")
    rows.append((f"spaCy NER-only, cut to factiongraph's {cut['labels']} labels", cut))
    if cores > 1:
        rows.append((f"factiongraph, {cores} workers", _probe("pipeline", str(corpus), str(cores))))
        # Like for like: spaCy's NER-only pipeline on the same cores (nlp.pipe n_process).
        rows.append((f"spaCy NER-only, {cores} processes", _probe("spacy-ner", str(corpus), model, str(cores))))
    store = _probe("store", str(corpus), str(STORE_DOCS))
    base = rows[0][1]["words"] / rows[0][1]["seconds"]
    lines = [
        f"# factiongraph benchmark ({datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')})",
        "",
        f"Machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}; model `{model}`.",
        f"Corpus: {docs} documents, {words} words, recombined from the bundled sample articles.",
        "",
        "| configuration | words/s | docs/s | vs spaCy NER-only | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        wps = r["words"] / r["seconds"]
        rss = r["rss_mb"]
        lines.append(f"| {name} | {wps:,.0f} | {r['docs'] / r['seconds']:.1f} | {wps / base:.2f} | {rss:,.0f} |")
    lines += [
        "",
        "Peak RSS: the process's own peak; with workers, the sampled peak of the parent plus all workers.",
        "The ratio column compares every row with spaCy's single-process NER-only run; the last row is",
        "spaCy's NER-only pipeline on all cores, for a like-for-like reading of the multi-worker row.",
        "factiongraph removes the NER labels it does not read (MONEY, PERCENT, ... ; setting `ner_labels`)",
        "from the model's output layer; the fourth row is spaCy's NER with the same cut, and the",
        "one-worker row divided by it is the share of NER-only speed the rest of the pipeline leaves.",
        "factiongraph runs spaCy's parser too (setting `parse`), without the tagger and lemmatizer; the",
        "third row is spaCy's whole pipeline as shipped, the speed of its parse plus a user's own rules.",
        f"The first three rows are each the mean of {ROUNDS} runs made alternately (slowest/fastest run:",
        f"spaCy NER {spacy_row['spread']:.2f}, factiongraph {single_row['spread']:.2f}, spaCy full "
        f"{full_row['spread']:.2f}); the others are one run each.",
        "",
        f"## Store growth: {store['docs']:,} analysed documents written to SQLite",
        "",
        "| documents stored | ms per document (mean over that thousand) |",
        "|---:|---:|",
    ]
    for i, ms in enumerate(store["per_doc_ms_by_thousand"], start=1):
        lines.append(f"| {i * 1000:,} | {ms:.2f} |")
    lines += ["", "## Query latency on that store (200 queries each)", "", "| query | p50 (ms) | p95 (ms) |", "|---|---:|---:|"]
    for name, (p50, p95) in store["queries"].items():
        lines.append(f"| {name} | {p50:.2f} | {p95:.2f} |")
    lines += ["", "The web API rows time whole requests through the application in process (routing, store",
              "views, JSON), without the network; the target is p95 under 150 ms."]
    # Scale-out (bench/scale.py): 1 and 2 workers with each engine, and the PostgreSQL ingest.
    from bench.scale import main as scale_main

    lines += ["", scale_main(["--docs", str(SCALE_DOCS), "--pg-docs", str(PG_DOCS)]).rstrip()]
    lines += ["", f"Total benchmark time: {time.perf_counter() - started:.0f}s."]
    table = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
