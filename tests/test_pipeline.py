"""The pipeline's own decisions: duplicates, near-duplicate reposts, workers, transactional writes."""

from __future__ import annotations

import gc
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from factiongraph.export.jsonl import iter_records
from factiongraph.pipeline import Pipeline
from factiongraph.settings import Settings
from factiongraph.store import open_store

SAMPLE = Path(__file__).resolve().parents[1] / "factiongraph" / "data" / "sample"
TXT = sorted(SAMPLE.glob("*.txt"))


def test_exact_copies_in_one_run_are_stored_once(tmp_path: Path) -> None:
    shutil.copy(TXT[0], tmp_path / "a.txt")
    shutil.copy(TXT[0], tmp_path / "b.txt")
    store = open_store(tmp_path / "s.db")
    summary = Pipeline(Settings(), analyze=False).run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store)
    assert (summary.stored, summary.duplicates) == (1, 1)


def test_repost_with_new_chrome_is_linked_to_the_original(tmp_path: Path) -> None:
    original = TXT[0].read_text(encoding="utf-8")
    repost = "World Desk\n\n" + original + "\nShare this story\nAll rights reserved 2026\n"
    (tmp_path / "orig.txt").write_text(original, encoding="utf-8")
    (tmp_path / "repost.txt").write_text(repost, encoding="utf-8")
    (tmp_path / "other.txt").write_text(TXT[1].read_text(encoding="utf-8"), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    pipeline = Pipeline(Settings(), analyze=False)
    pipeline.run([str(tmp_path / "orig.txt")], store)
    summary = pipeline.run([str(tmp_path / "repost.txt"), str(tmp_path / "other.txt")], store)
    assert summary.stored == 2 and summary.near_duplicates == 1
    docs = {Path(d.source).name: d for d in store.iter_documents()}
    assert docs["repost.txt"].near_duplicate_of == docs["orig.txt"].doc_id
    assert docs["other.txt"].near_duplicate_of is None


def test_a_run_gives_the_garbage_collector_back_as_it_found_it(tmp_path: Path) -> None:
    # The run freezes the long-lived stages out of the collector's way and collects less often;
    # the caller's process must not keep either setting, even when the run fails.
    before = gc.get_threshold()
    store = open_store(tmp_path / "s.db")
    summary = Pipeline(Settings(), analyze=False).run([str(TXT[0])], store)
    assert summary.stored == 1
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    with pytest.raises(AttributeError):  # a store that is not one: the run fails
        Pipeline(Settings(), analyze=False).run([str(TXT[0])], None)  # type: ignore[arg-type]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


@pytest.mark.slow
def test_two_workers_give_the_same_store_as_one(tmp_path: Path) -> None:
    exports = []
    for workers in (1, 2):
        store = open_store(tmp_path / f"w{workers}.db")
        settings = replace(Settings(), workers=workers, batch_size=2)
        summary = Pipeline(settings).run([str(p) for p in TXT[:4]], store)
        assert summary.stored == 4 and not summary.rejections
        records = [r for r in iter_records(store) if r["kind"] in ("mention", "event", "relation", "quote")]
        exports.append(sorted((r["kind"], r.get("text") or r.get("event_id") or r.get("relation_id")) for r in records))
        store.close()
    assert exports[0] == exports[1]


@pytest.mark.slow
def test_a_copy_of_a_document_still_in_the_workers_is_a_duplicate(tmp_path: Path) -> None:
    # batch_size 1 x 2 workers: a.txt and b.txt are in flight while c.txt (a copy of a.txt) is read.
    for name, source in (("a.txt", TXT[0]), ("b.txt", TXT[1]), ("c.txt", TXT[0])):
        shutil.copy(source, tmp_path / name)
    store = open_store(tmp_path / "s.db")
    settings = replace(Settings(), workers=2, batch_size=1)
    summary = Pipeline(settings).run([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")], store)
    assert (summary.stored, summary.duplicates, summary.rejected) == (2, 1, 0)
    assert sorted(Path(d.source).name for d in store.iter_documents()) == ["a.txt", "b.txt"]
