"""Builders shared by the whole-system tests (and bench/crash.py): generated corpora, real CLI runs.

Documents are made by recombining the content paragraphs of the bundled sample articles, so they
read like news and give the pipeline entities, events, relations and quotes to extract, while
every file has its own bytes. Ingest and export run as real ``factiongraph`` processes.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factiongraph.clean import Cleaner
from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model import Document, RawDocument

SAMPLE = Path(__file__).resolve().parents[1] / "factiongraph" / "data" / "sample"


@lru_cache(maxsize=1)
def sample_paragraphs() -> tuple[tuple[str, ...], ...]:
    """Return the content paragraphs of each sample article (cleaned, chrome removed), title first."""
    cleaner = Cleaner()
    articles = []
    for item in iter_inputs([str(SAMPLE)], IngestOptions()):
        if isinstance(item, RawDocument):
            doc = cleaner.clean(item)
            if isinstance(doc, Document):
                articles.append(tuple(doc.text[b.start:b.end] for b in doc.content_spans()))
    assert len(articles) >= 2, f"no sample articles in {SAMPLE}"
    return tuple(articles)


def write_recombined(folder: Path, count: int, seed: int, paragraphs: int = 2) -> list[Path]:
    """Write ``count`` distinct .txt articles: a sample title, then paragraphs of two samples.

    The first paragraph after the title comes from the title's own article (its dateline and
    lead), the others from any sample; order and choice follow ``seed``.
    """
    rng = random.Random(seed)
    articles = sample_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    paths: list[Path] = []
    while len(paths) < count:
        first, other = rng.sample(articles, 2)
        pool = list(first[2:]) + list(other[1:])
        body = [first[1], *rng.sample(pool, k=min(paragraphs, len(pool)))]
        text = "\n\n".join([first[0], *body]) + "\n"
        if text in seen:
            continue
        seen.add(text)
        path = folder / f"doc_{len(paths):04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def factiongraph_cmd(db: Path, *args: str) -> list[str]:
    """Return the argv of a ``factiongraph`` run on store ``db`` (the installed entry point's module)."""
    return [sys.executable, "-m", "factiongraph", "--db", str(db), *args]


def ingest(db: Path, *specs: str) -> subprocess.CompletedProcess[str]:
    """Run ``factiongraph ingest`` to the end and return the finished process."""
    return subprocess.run(factiongraph_cmd(db, "ingest", "--no-progress", *specs), capture_output=True,
                          text=True, timeout=600, check=False)


def export_lines(db: Path) -> list[str]:
    """Return the store's JSONL export (``factiongraph export --format jsonl``), lines sorted.

    Sorted because documents are listed in ingest order, which a resumed run changes; each line
    is one whole record, so equal sorted lines mean equal stores.
    """
    done = subprocess.run(factiongraph_cmd(db, "export", "--format", "jsonl"), capture_output=True, text=True,
                          timeout=600, check=True)
    return sorted(done.stdout.splitlines())


def stored_documents(db: Path) -> int:
    """Return how many documents a running ingest has committed so far (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or mid-migration
        return 0


@dataclass(slots=True)
class KillLog:
    """Where each SIGKILL landed: documents committed when it was sent, and whether it cut a run."""

    at_documents: list[int] = field(default_factory=list)
    cut_short: int = 0


def ingest_with_kills(db: Path, folder: Path, total: int, kills: int, rng: random.Random) -> KillLog:
    """Start ``factiongraph ingest folder``, SIGKILL it ``kills`` times at random points, restarting each time.

    A kill is sent once the store holds a random number of documents (drawn between none and
    nine tenths of ``total``, in increasing order), after a further random delay of up to a
    second, so it lands anywhere: in start-up, mid-analysis or mid-commit. The caller then runs
    the ingest once more to the end.
    """
    log = KillLog()
    thresholds = sorted(rng.randrange(0, int(total * 0.9)) for _ in range(kills))
    for threshold in thresholds:
        proc = subprocess.Popen(factiongraph_cmd(db, "ingest", "--no-progress", str(folder)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and stored_documents(db) < threshold:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.0))
        alive = proc.poll() is None
        if alive:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        log.at_documents.append(stored_documents(db))
        log.cut_short += int(alive and log.at_documents[-1] < total)
    return log
