"""Development-set splits (factiongraph.eval.split): parts scored apart, blind parts kept blind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factiongraph.errors import GoldFormatError
from factiongraph.eval import score
from factiongraph.eval.gold import Gold
from factiongraph.eval.split import WITHHELD, load_split, strip_details, subset_gold
from tests.eval.factory import Record


def test_load_split_reads_parts_in_order(tmp_path: Path) -> None:
    path = tmp_path / "split.json"
    path.write_text(json.dumps({"tune": ["a.txt", "b.txt"], "check": ["c.txt"]}), encoding="utf-8")
    assert load_split(path) == {"tune": ("a.txt", "b.txt"), "check": ("c.txt",)}


@pytest.mark.parametrize("content, message", [
    ('["a.txt"]', "JSON object"),
    ('{"tune": "a.txt"}', "list of file names"),
    ('{"tune": ["a.txt"], "check": ["a.txt"]}', "both"),
    ("{not json", "cannot read"),
])
def test_bad_split_files_are_gold_format_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "split.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message):
        load_split(path)


def test_a_part_is_scored_on_its_own_documents(tiny_gold: Gold, tiny_corpus: Path,
                                               tiny_records: list[Record]) -> None:
    part = subset_gold(tiny_gold, ["a_raid.txt"])
    assert [d.file for d in part.documents] == ["a_raid.txt"]
    scores = score(part, tiny_records, tiny_corpus)
    assert scores["alignment"]["documents_gold"] == 1
    assert scores["events"]["detection"]["f1"] == 1.0
    # same_as links into the other part are cut, not left dangling
    assert all(e.same_as is None for d in part.documents for e in d.events
               if e.same_as is not None and e.same_as not in {x.event_id for x in d.events})


def test_strip_details_withholds_every_item_level_entry() -> None:
    scores = {"events": {"f1": 0.5, "detail": {"missed": ["x"]}}, "detail": [1], "n": 3}
    stripped = strip_details(scores)
    assert stripped == {"events": {"f1": 0.5, "detail": WITHHELD}, "detail": WITHHELD, "n": 3}
    assert scores["events"]["detail"] == {"missed": ["x"]}  # the input is not changed
