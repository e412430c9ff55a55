"""Tests for factiongraph.kb.load: bundled data, user files, override rule, caching, version."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from factiongraph.errors import KnowledgeBaseError
from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.kb.load import build_kb, list_bundled_files
from factiongraph.model import EntityType

from .factory import make_record, write_kb

MINIMUM_COUNTS = {
    EntityType.ARMED_GROUP: 60,
    EntityType.PERSON: 80,
    EntityType.STATE_BODY: 20,
    EntityType.POLITICAL_ORG: 10,
    EntityType.INTL_ORG: 5,
    EntityType.MEDIA_OUTLET: 15,
    EntityType.COUNTRY: 12,
    EntityType.PLACE: 100,
}


def test_bundled_kb_validates_and_meets_minimum_counts() -> None:
    kb = load_kb()
    counts = Counter(record.type for record in kb)
    for entity_type, minimum in MINIMUM_COUNTS.items():
        assert counts[entity_type] >= minimum, entity_type
    assert len(kb.by_type(EntityType.ARMED_GROUP)) == counts[EntityType.ARMED_GROUP]


def test_load_is_cached_and_versioned() -> None:
    first, second = load_kb(), load_kb(())
    assert first is second
    assert len(first.version) == 12 and int(first.version, 16) >= 0


def test_user_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    path = write_kb(tmp_path, "mine.yaml", [
        make_record("kataib-hezbollah", name="Kataib Hezbollah (user)", aliases=["KH-user"]),
        make_record("saraya-new-front", aliases=["New Front"],
                    attributes={"affiliated_with": ["kataib-hezbollah"]}),
    ])
    kb = load_kb([path])
    assert kb.get("kataib-hezbollah").name == "Kataib Hezbollah (user)"  # type: ignore[union-attr]
    assert kb.get("kataib-hezbollah").aliases == ("KH-user",)  # type: ignore[union-attr]
    assert kb.origin("kataib-hezbollah") == str(path)
    assert kb.lookup("new front")[0].id == "saraya-new-front"
    assert kb.version != load_kb().version
    assert load_kb().get("kataib-hezbollah").name == "Kataib Hezbollah"  # type: ignore[union-attr]


def test_later_user_file_wins(tmp_path: Path) -> None:
    one = write_kb(tmp_path, "a.yaml", [make_record("my-group", name="First")])
    two = write_kb(tmp_path, "b.yaml", [make_record("my-group", name="Second")])
    assert load_kb([one, two]).get("my-group").name == "Second"  # type: ignore[union-attr]
    assert load_kb([tmp_path]).get("my-group").name == "Second"  # type: ignore[union-attr]


def test_edited_user_file_is_reloaded(tmp_path: Path) -> None:
    path = write_kb(tmp_path, "mine.yaml", [make_record("my-group", name="Before")])
    assert load_kb([path]).get("my-group").name == "Before"  # type: ignore[union-attr]
    write_kb(tmp_path, "mine.yaml", [make_record("my-group", name="After and longer")])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_kb([path]).get("my-group").name == "After and longer"  # type: ignore[union-attr]


def test_duplicate_id_across_bundled_files_is_an_error(tmp_path: Path) -> None:
    copy = write_kb(tmp_path, "copy.yaml", [make_record("kataib-hezbollah")])
    with pytest.raises(KnowledgeBaseError, match="duplicate id") as caught:
        build_kb([*list_bundled_files(), copy], [])
    assert caught.value.path == str(copy) and caught.value.record == "kataib-hezbollah"


def test_missing_and_malformed_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not found"):
        load_kb([tmp_path / "absent.yaml"])
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: kb/1\nrecords: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb([broken])
    assert caught.value.path == str(broken)


def test_bad_user_record_error_names_file_and_record(tmp_path: Path) -> None:
    path = write_kb(tmp_path, "mine.yaml", [make_record("odd-group", "militia")])
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb([path])
    message = str(caught.value)
    assert str(path) in message and "odd-group" in message and "type" in message


def test_kb_without_countries_has_no_gazetteer(tmp_path: Path) -> None:
    path = write_kb(tmp_path, "tiny.yaml", [make_record("g")])
    kb = build_kb([path], [])
    assert isinstance(kb, KnowledgeBase) and len(kb) == 1
    assert kb.lookup_place("Zakho") is None
