"""Tests for factiongraph.kb.schema: record and file validation, reference checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factiongraph.errors import KnowledgeBaseError
from factiongraph.kb.load import build_kb, list_bundled_files
from factiongraph.kb.schema import check_references, validate_document, validate_record
from factiongraph.model import EntityType

from .factory import make_record, write_kb


def expect_error(raw: Any) -> KnowledgeBaseError:
    with pytest.raises(KnowledgeBaseError) as caught:
        validate_record(raw, path="user.yaml", index=3)
    return caught.value


def test_valid_record_is_frozen_and_typed() -> None:
    raw = make_record("kh", aliases=["KH"], attributes={"pmf_brigades": [45], "umbrella": ["pmf"]})
    record = validate_record(raw, path="x.yaml", index=0)
    assert record.type is EntityType.ARMED_GROUP
    assert record.aliases == ("KH",)
    assert record.attributes["pmf_brigades"] == (45,)
    with pytest.raises(TypeError):
        record.attributes["note"] = "x"  # type: ignore[index]


def test_wrong_type_names_file_and_record() -> None:
    error = expect_error(make_record("bad-type", "militia"))
    assert "user.yaml" in str(error) and "bad-type" in str(error)
    assert "type" in error.errors and error.path == "user.yaml" and error.record == "bad-type"


def test_missing_name_is_reported() -> None:
    raw = make_record("no-name")
    del raw["name"]
    error = expect_error(raw)
    assert error.errors == {"name": "missing"}
    assert "no-name" in str(error)


def test_record_without_id_is_named_by_index() -> None:
    raw = make_record("x")
    del raw["id"]
    error = expect_error(raw)
    assert error.record == "#3" and "#3" in str(error)


@pytest.mark.parametrize("bad_id", ["Kataib_Hezbollah", "kh--x", "-kh", "kh ", ""])
def test_id_must_be_a_slug(bad_id: str) -> None:
    assert "id" in expect_error(make_record(bad_id)).errors


@pytest.mark.parametrize("lat, lon", [(95.0, 44.0), (33.0, 181.0), ("33", 44.0), (True, 44.0)])
def test_bad_coordinates_are_rejected(lat: Any, lon: Any) -> None:
    raw = make_record("p", "place", attributes={"admin_level": "city", "parent": "iraq",
                                                "lat": lat, "lon": lon})
    error = expect_error(raw)
    assert {"attributes.lat", "attributes.lon"} & set(error.errors)
    assert "itude" in str(error)


def test_lat_without_lon_is_rejected() -> None:
    raw = make_record("p", "place", attributes={"admin_level": "city", "parent": "iraq", "lat": 33.0})
    assert "attributes.lat" in expect_error(raw).errors


def test_place_needs_admin_level_and_parent() -> None:
    errors = expect_error(make_record("p", "place", attributes={})).errors
    assert "attributes.admin_level" in errors and "attributes.parent" in errors


@pytest.mark.parametrize("attributes, field", [
    ({"founded": "2003"}, "attributes.founded"),
    ({"founded": 20030}, "attributes.founded"),
    ({"pmf_brigades": [0]}, "attributes.pmf_brigades"),
    ({"umbrella": "pmf"}, "attributes.umbrella"),
    ({"leaders": [{"person": "x", "role": "Leader", "from": 2010, "to": 2005}]}, "attributes.leaders"),
    ({"leaders": [{"person": "x", "from": 2010}]}, "attributes.leaders"),
    ({"colour": "green"}, "attributes.colour"),
])
def test_attribute_shapes_are_checked(attributes: dict[str, Any], field: str) -> None:
    assert field in expect_error(make_record("g", attributes=attributes)).errors


def test_killed_by_is_an_acled_means() -> None:
    ok = validate_record(make_record("p", "person", attributes={"died": 2020, "killed_by": "Air/drone strike"}),
                         path="x.yaml", index=0)
    assert ok.attributes["killed_by"] == "Air/drone strike"
    bad = make_record("p", "person", attributes={"killed_by": "a drone"})
    assert "attributes.killed_by" in expect_error(bad).errors


def test_a_day_of_death_is_a_day_in_the_year_died() -> None:
    ok = validate_record(make_record("p", "person", attributes={"died": 2020, "died_on": "2020-01-03"}),
                         path="x.yaml", index=0)
    assert ok.attributes["died_on"] == "2020-01-03"
    for died_on in ("2020-13-03", "3 January 2020", "2021-01-03"):
        bad = make_record("p", "person", attributes={"died": 2020, "died_on": died_on})
        assert "attributes.died_on" in expect_error(bad).errors, died_on


def test_custom_attributes_with_prefix_are_allowed() -> None:
    record = validate_record(make_record("g", attributes={"x_colour": "green"}), path="x", index=0)
    assert record.attributes["x_colour"] == "green"


def test_duplicate_alias_in_a_record_is_rejected() -> None:
    assert "aliases" in expect_error(make_record("g", aliases=["KH", "kh"])).errors


def test_unknown_record_key_is_rejected() -> None:
    assert "alias" in expect_error(make_record("g", alias=["KH"])).errors


def test_document_header_and_duplicate_ids() -> None:
    with pytest.raises(KnowledgeBaseError, match="schema"):
        validate_document({"schema": "kb/2", "records": []}, path="f.yaml")
    with pytest.raises(KnowledgeBaseError, match="duplicate id") as caught:
        validate_document({"schema": "kb/1", "records": [make_record("a"), make_record("a")]},
                          path="f.yaml")
    assert caught.value.path == "f.yaml" and caught.value.record == "a"


def test_dangling_reference_names_file_and_record(tmp_path: Path) -> None:
    path = write_kb(tmp_path, "mine.yaml",
                    [make_record("new-front", attributes={"affiliated_with": ["no-such-group"]})])
    with pytest.raises(KnowledgeBaseError) as caught:
        build_kb(list_bundled_files(), [path])
    assert caught.value.path == str(path) and caught.value.record == "new-front"
    assert "no-such-group" in str(caught.value)


def test_reference_to_wrong_type_is_rejected(tmp_path: Path) -> None:
    record = make_record("new-front", attributes={"leaders": [{"person": "iraq", "role": "Leader"}]})
    path = write_kb(tmp_path, "mine.yaml", [record])
    with pytest.raises(KnowledgeBaseError, match="type country"):
        build_kb(list_bundled_files(), [path])


def test_parent_cycle_is_rejected() -> None:
    a = validate_record(make_record("a", "place", attributes={"admin_level": "city", "parent": "b"}),
                        path="f", index=0)
    b = validate_record(make_record("b", "place", attributes={"admin_level": "city", "parent": "a"}),
                        path="f", index=1)
    with pytest.raises(KnowledgeBaseError, match="loops"):
        check_references({"a": a, "b": b}, {"a": "f", "b": "f"})
