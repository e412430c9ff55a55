"""One measurement per process, so each peak RSS is its own. Run as ``python -m bench.probes KIND ...``.

Prints one JSON object: seconds, words, docs and peak RSS in MB.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from bench.corpus import read_texts


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeRss:
    """Sample the resident memory of this process and all its descendants (worker pools fork
    through a server process, so RUSAGE_CHILDREN does not see them); keep the peak of the sum."""

    def __init__(self, every: float = 0.2) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, every: float) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
            self._stop.wait(every)


def _tree_rss_mb(root: int) -> float:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = int((fields.get("VmRSS", "0 kB").split() or ["0"])[0])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def probe_spacy_ner(corpus: Path, model: str, processes: int = 1, restricted: bool = False) -> dict[str, float]:
    """spaCy's own NER-only pipeline (tok2vec + ner) over the corpus texts, in ``processes`` processes.

    ``restricted``: with the NER cut to factiongraph's ``ner_labels``, as the pipeline runs it.
    """
    import spacy

    meta = spacy.util.get_model_meta(spacy.util.get_package_path(model))
    names = [*meta.get("pipeline", []), *meta.get("disabled", [])]
    full = spacy.load(model)
    # Keep tok2vec only if this model's ner listens to it; otherwise NER-only is just ner.
    needs_tok2vec = "tok2vec" in full.pipe_names and "ner" in getattr(full.get_pipe("tok2vec"), "listening_components", [])
    del full
    keep = ("tok2vec", "ner") if needs_tok2vec else ("ner",)
    nlp = spacy.load(model, exclude=[p for p in names if p not in keep])
    if restricted:
        from factiongraph.nlp.pipeline import REQUIRED_NER_LABELS
        from factiongraph.nlp.restrict import restrict_ner
        from factiongraph.settings import Settings

        restrict_ner(nlp, Settings().ner_labels, REQUIRED_NER_LABELS)
    texts = read_texts(corpus)
    with TreeRss() as tree:
        start = time.perf_counter()
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32, n_process=processes))
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": sum(len(t.split()) for t in texts), "docs": len(texts),
            "rss_mb": max(_rss_mb(), tree.peak_mb), "entities": ents, "components": "+".join(nlp.pipe_names),
            "labels": len(getattr(nlp.get_pipe("ner"), "labels", ()))}


def probe_spacy_full(corpus: Path, model: str) -> dict[str, float]:
    """spaCy's whole pipeline as shipped (tagger, parser, lemmatizer, NER ...): a user's alternative
    of spaCy's parse plus rules of their own."""
    import spacy

    nlp = spacy.load(model)
    texts = read_texts(corpus)
    with TreeRss() as tree:
        start = time.perf_counter()
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": sum(len(t.split()) for t in texts), "docs": len(texts),
            "rss_mb": max(_rss_mb(), tree.peak_mb), "entities": ents, "components": "+".join(nlp.pipe_names)}


def probe_pipeline(corpus: Path, workers: int) -> dict[str, float]:
    """The whole factiongraph pipeline (ingest, clean, nlp, resolve, extract, store)."""
    from factiongraph.pipeline import Pipeline
    from factiongraph.settings import Settings
    from factiongraph.store import open_store

    texts = read_texts(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(Settings(), db=str(Path(tmp) / "b.db"), workers=workers)
        store = open_store(settings.db)
        pipeline = Pipeline(settings)
        # build the stages (spaCy, resolver, extractor rules) before the clock starts, as spaCy's
        # probes load their model first
        pipeline.nlp, pipeline.resolver, pipeline.extractor  # noqa: B018 - properties build on access
        with TreeRss() as tree:
            start = time.perf_counter()
            summary = pipeline.run([str(corpus)], store)
            seconds = time.perf_counter() - start
        store.close()
    return {"seconds": seconds, "words": sum(len(t.split()) for t in texts), "docs": summary.stored,
            "rss_mb": max(_rss_mb(), tree.peak_mb), "rejected": summary.rejected}


def main() -> None:
    kind, corpus = sys.argv[1], Path(sys.argv[2])
    if kind == "spacy-ner":
        result = probe_spacy_ner(corpus, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                                 restricted=sys.argv[5:6] == ["restricted"])
    elif kind == "spacy-full":
        result = probe_spacy_full(corpus, sys.argv[3])
    elif kind == "pipeline":
        result = probe_pipeline(corpus, int(sys.argv[3]))
    elif kind == "store":
        from bench.store_scale import probe_store

        result = probe_store(corpus, int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown probe {kind}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
