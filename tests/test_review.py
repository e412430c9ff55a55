"""Reviewers' judgements change what a real SQLite store serves, undo puts it back, and later
ingests respect them (the sample corpus through the real pipeline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factiongraph import review
from factiongraph.export.jsonl import iter_records
from factiongraph.model import EntityType
from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.pipeline import Pipeline
from factiongraph.resolve.keys import make_key
from factiongraph.resolve.resolver import discovered_id
from factiongraph.settings import Settings
from factiongraph.store import SQLiteStore, open_store
from factiongraph.store.decisions import merged_into
from factiongraph.store.views import entity_mentions, find_entities, get_entity, quotes_of, search_entities
from tests.web.factory import fingerprint

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[1] / "factiongraph" / "data" / "sample"
DORA = "01_dora_raid_tigrisdispatch.txt"  # "Security analyst Nabil Fadhil Zuhair said ... Zuhair told"


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """Return a private copy of the sample corpus and a store built from it by the real pipeline
    (a few seconds; each test changes its store, and some change the articles)."""
    folder, db = tmp_path / "sample", tmp_path / "store.db"
    shutil.copytree(SAMPLE, folder)
    with open_store(db, key_fn=make_key) as store:
        assert Pipeline(Settings(db=str(db))).run([str(folder)], store).stored == 12
    return folder, db


def one(store: SQLiteStore, name: str) -> str:
    found = [e for e in find_entities(store, name) if e.name == name]
    assert len(found) == 1, (name, found)
    return found[0].entity_id


def exported(store: SQLiteStore) -> list[dict[str, object]]:
    return [json.loads(json.dumps(r)) for r in iter_records(store)]


def test_positive_judgement_merges_in_profile_search_and_export_and_undo_restores(copy: tuple[Path, Path]) -> None:
    _, db = copy
    before = fingerprint(db)
    with open_store(db, key_fn=make_key) as store:
        kept, merged = one(store, "Nabil Fadhil Zuhair"), one(store, "Nabil Zuhair")
        assert review.merge_sides(store, merged, kept)[0] in (kept, merged)
        kept_mentions = len(entity_mentions(store, kept))
        merged_mentions = len(entity_mentions(store, merged))
        assert quotes_of(store, merged), "the sample quotes Nabil Zuhair in the Hashimi article"

        decision = review.decide(store, kept, merged, Verdict.POSITIVE, "analyst1", "same analyst, middle name dropped")
        assert decision.kind == "merge" and decision.changes > 0
        assert get_entity(store, merged) is None
        assert [e.entity_id for e in find_entities(store, "Nabil Zuhair")] == [kept]
        assert [r["entity_id"] for r in search_entities(store, "Nabil Zuhair")] == [kept]
        assert len(entity_mentions(store, kept)) == kept_mentions + merged_mentions
        assert "Nabil Zuhair" in get_entity(store, kept).aliases  # type: ignore[union-attr]
        assert len(quotes_of(store, kept)) >= 2
        records = exported(store)
        assert not [r for r in records if merged in json.dumps(r)]
        assert sum(r["kind"] == "mention" and r["entity_id"] == kept for r in records) == kept_mentions + merged_mentions
        assert merged_into(store, merged) == kept

        assert review.withdraw(store, decision.judgement_id)
        assert get_entity(store, merged) is not None
        assert len(entity_mentions(store, kept)) == kept_mentions
        assert not review.withdraw(store, decision.judgement_id)
    assert fingerprint(db) == before  # every row back as it was


def test_positive_judgement_folds_in_documents_ingested_later(copy: tuple[Path, Path]) -> None:
    folder, db = copy
    hashimi = folder / "05_hashimi_killing_tigrisdispatch.txt"
    with open_store(db, key_fn=make_key) as store:
        kept, merged = one(store, "Nabil Fadhil Zuhair"), one(store, "Nabil Zuhair")
        decision = review.decide(store, kept, merged, Verdict.POSITIVE, "analyst1")
        hashimi.write_text(hashimi.read_text(encoding="utf-8") + "\nNabil Zuhair also spoke to other outlets.\n",
                           encoding="utf-8")
        summary = Pipeline(Settings(db=str(db))).run([str(folder)], store)
        assert summary.superseded == 1
        assert get_entity(store, merged) is None
        texts = {m.text for m in entity_mentions(store, kept, limit=100)}
        assert "Nabil Zuhair" in texts
        assert review.withdraw(store, decision.judgement_id)
        assert get_entity(store, merged) is not None
        assert {m.text for m in entity_mentions(store, merged, limit=100)} >= {"Nabil Zuhair"}


def test_split_moves_mentions_and_claims_and_undo_restores(copy: tuple[Path, Path]) -> None:
    _, db = copy
    before = fingerprint(db)
    with open_store(db, key_fn=make_key) as store:
        person = one(store, "Nabil Fadhil Zuhair")
        candidates = [c for c in review.split_candidates(store) if c["entity_id"] == person]
        assert len(candidates) == 1 and candidates[0]["split_names"] == ["Zuhair"]
        assert candidates[0]["signal"] == "shared"
        split_id = candidates[0]["split_id"]
        speakers = {q["quote_id"] for q in quotes_of(store, person)}
        assert speakers

        decision = review.decide(store, person, split_id, Verdict.NEGATIVE, "analyst2", "Zuhair here is someone else")
        assert decision.kind == "split" and decision.changes > 0
        assert {m.text for m in entity_mentions(store, person)} == {"Nabil Fadhil Zuhair"}
        split = get_entity(store, split_id)
        assert split is not None and split.name == "Zuhair" and not split.in_kb
        assert {m.text for m in entity_mentions(store, split_id)} == {"Zuhair"}
        # the quote introduced by "Zuhair told Tigris Dispatch" now belongs to the split-off entity
        moved = {q["quote_id"] for q in quotes_of(store, split_id)}
        assert moved and moved <= speakers
        assert not [c for c in review.split_candidates(store) if c["entity_id"] == person]

        assert review.withdraw(store, decision.judgement_id)
        assert get_entity(store, split_id) is None
    assert fingerprint(db) == before


def test_reingest_respects_a_negative_judgement(copy: tuple[Path, Path]) -> None:
    folder, db = copy
    dora = folder / DORA
    with open_store(db, key_fn=make_key) as store:
        person = one(store, "Nabil Fadhil Zuhair")
        split_id = next(c["split_id"] for c in review.split_candidates(store) if c["entity_id"] == person)
        assert "Zuhair" in {m.text for m in entity_mentions(store, person)}  # the resolver linked it
        review.decide(store, person, split_id, Verdict.NEGATIVE, "analyst2")
        after_split = fingerprint(db)
        again = Pipeline(Settings(db=str(db))).run([str(folder)], store)  # the same corpus, unchanged
        assert again.duplicates == 12 and again.stored == 0
        assert fingerprint(db) == after_split
        # the same corpus again, one article changed: that article is resolved anew
        dora.write_text(dora.read_text(encoding="utf-8") + "\nZuhair declined to comment further.\n",
                        encoding="utf-8")
        summary = Pipeline(Settings(db=str(db))).run([str(folder)], store)
        assert summary.superseded == 1 and summary.duplicates == 11
        assert {m.text for m in entity_mentions(store, person, limit=100)} == {"Nabil Fadhil Zuhair"}
        assert {m.text for m in entity_mentions(store, split_id, limit=100)} == {"Zuhair"}
        new_doc = store.latest_for_source(str(dora))
        # both "Zuhair"s of the new version (the earlier version's mentions went with it)
        assert [m.doc_id for m in entity_mentions(store, split_id, limit=100)] == [new_doc, new_doc]


@pytest.mark.parametrize("workers", [1, 2])
def test_reviewer_judgement_reaches_a_fresh_resolution(tmp_path: Path, workers: int) -> None:
    """A store holding the negative judgement before anything is ingested never makes the link
    (with two workers, the engine's processes resolve with it too)."""
    folder = tmp_path / "sample"
    folder.mkdir()
    shutil.copy(SAMPLE / DORA, folder / DORA)
    person = discovered_id(EntityType.PERSON, make_key("Nabil Fadhil Zuhair"))
    alone = discovered_id(EntityType.PERSON, "zuhair")  # the id the short form has on its own
    for judged in (False, True) if workers == 1 else (True,):  # the control once: workers cost time
        db = tmp_path / f"store-{judged}.db"
        with open_store(db, key_fn=make_key) as store:
            if judged:
                store.record_judgement(Judgement(person, alone, Verdict.NEGATIVE, 1.0, "user:analyst2"))
            Pipeline(Settings(db=str(db), workers=workers)).run([str(folder)], store)
            texts = {m.text for m in entity_mentions(store, person)}
            assert texts == ({"Nabil Fadhil Zuhair"} if judged else {"Nabil Fadhil Zuhair", "Zuhair"})
            assert {m.text for m in entity_mentions(store, alone)} == ({"Zuhair"} if judged else set())

