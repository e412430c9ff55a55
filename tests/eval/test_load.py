"""The gold/1 loader: valid files load, malformed ones fail naming the place."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from factiongraph.errors import GoldFormatError
from factiongraph.eval import load_gold

from .conftest import TINY


def raw_gold() -> dict[str, Any]:
    """Return the tiny gold file as parsed JSON."""
    data: dict[str, Any] = json.loads((TINY / "gold.json").read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: Any) -> Path:
    """Write ``data`` as a gold file and return its path."""
    path = tmp_path / "bad.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_tiny_gold_loads() -> None:
    gold = load_gold(TINY / "gold.json")
    assert [d.file for d in gold.documents] == ["a_raid.txt", "b_release.txt"]
    assert gold.distinct == (("karim-al-mansouri", "salim-al-mansouri"),)
    assert gold.events_by_id()["b-e1"].same_as == "a-e1"
    assert gold.documents[1].author is None


def test_missing_schema(tmp_path: Path) -> None:
    data = raw_gold()
    del data["schema"]
    with pytest.raises(GoldFormatError, match="missing 'schema'"):
        load_gold(write(tmp_path, data))


def test_wrong_schema(tmp_path: Path) -> None:
    data = raw_gold()
    data["schema"] = "gold/0"
    with pytest.raises(GoldFormatError, match="unsupported schema 'gold/0'"):
        load_gold(write(tmp_path, data))


def test_unknown_entity_in_mention(tmp_path: Path) -> None:
    data = raw_gold()
    data["documents"][1]["mentions"][2]["entity"] = "no-such-entity"
    with pytest.raises(GoldFormatError) as info:
        load_gold(write(tmp_path, data))
    message = str(info.value)
    assert "document 'b_release.txt' mentions[2]" in message
    assert "unknown entity 'no-such-entity'" in message
    assert "bad.gold.json" in message


@pytest.mark.parametrize(("date", "precision", "expected"), [
    ("2021-03-03", "week", "bad date_precision 'week'"),
    ("2021-03", "day", "does not match precision 'day'"),
    ("2021-03-09/2021-03-01", "range", "must be 'start/end'"),
    ("2021", None, "bad date_precision None"),
])
def test_bad_precision(tmp_path: Path, date: str, precision: str | None, expected: str) -> None:
    data = raw_gold()
    event = data["documents"][0]["events"][0]
    event["date"], event["date_precision"] = date, precision
    with pytest.raises(GoldFormatError, match="document 'a_raid.txt' event 'a-e1'") as info:
        load_gold(write(tmp_path, data))
    assert expected in str(info.value)


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["documents"][0]["events"][0].update(type="Skirmish"), "unknown event type"),
    (lambda d: d["documents"][0]["events"][0].update(same_as="zz-1"), "unknown event 'zz-1'"),
    (lambda d: d["documents"][0]["relations"][0].update(predicate="likes"),
     "unknown predicate"),
    (lambda d: d["documents"][0]["quotes"][0].update(via="nobody"), "via refers to unknown"),
    (lambda d: d["entities"][0].update(type="gang"), "entity 'saraya-al-nour': unknown type"),
    (lambda d: d["distinct"].append(["basra"]), "distinct[1]: must be a pair"),
    (lambda d: d["documents"].append(copy.deepcopy(d["documents"][0])),
     "file 'a_raid.txt' listed twice"),
    (lambda d: d["documents"][0].pop("file"), "documents[0]: missing field 'file'"),
    (lambda d: d["documents"][0].update(published="March 2021"), "published 'March 2021'"),
    (lambda d: d["documents"][0]["mentions"][0].update(text=""), "field 'text' is empty"),
])
def test_malformed_items(tmp_path: Path, mutate: Any, expected: str) -> None:
    data = raw_gold()
    mutate(data)
    with pytest.raises(GoldFormatError) as info:
        load_gold(write(tmp_path, data))
    assert expected in str(info.value)


def test_unreadable_and_invalid_json(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.json")
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_gold(path)
