"""Build the benchmark corpus by repeating and recombining the bundled sample articles."""

from __future__ import annotations

import random
from pathlib import Path

from factiongraph.clean import Cleaner
from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model import Document, RawDocument

SAMPLE = Path(__file__).resolve().parents[1] / "factiongraph" / "data" / "sample"


def sample_paragraphs() -> list[list[str]]:
    """Return the content paragraphs of each sample article (cleaned, chrome removed)."""
    cleaner = Cleaner()
    articles = []
    for item in iter_inputs([str(SAMPLE)], IngestOptions()):
        if not isinstance(item, RawDocument):
            continue
        doc = cleaner.clean(item)
        if isinstance(doc, Document):
            articles.append([doc.text[b.start:b.end] for b in doc.content_spans()])
    if not articles:
        raise SystemExit(f"no sample articles found in {SAMPLE}")
    return articles


def build_corpus(out_dir: Path, min_words: int, seed: int = 7) -> tuple[int, int]:
    """Write recombined .txt articles into ``out_dir`` until ``min_words``; return (docs, words)."""
    rng = random.Random(seed)
    articles = sample_paragraphs()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.txt"):
        old.unlink()
    docs = words = 0
    while words < min_words:
        a, b = rng.sample(articles, 2) if len(articles) > 1 else (articles[0], articles[0])
        title, body = a[0], a[1:] + rng.sample(b[1:], k=min(3, max(0, len(b) - 1)))
        rng.shuffle(body)
        text = "\n\n".join([title, *body]) + "\n"
        (out_dir / f"bench_{docs:05d}.txt").write_text(text, encoding="utf-8")
        docs += 1
        words += len(text.split())
    return docs, words


def read_texts(corpus_dir: Path) -> list[str]:
    """Return the corpus texts in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
