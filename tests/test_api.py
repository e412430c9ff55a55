"""The Python API (factiongraph.open) on the hand-built tiny store: queries, filters, DataFrames."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas
import pytest

import factiongraph
from factiongraph.api import GraphStore
from factiongraph.errors import ConfigError, FactiongraphError

from .export.factory import build_tiny_store


@pytest.fixture()
def fg(tmp_path: Path) -> GraphStore:
    build_tiny_store(tmp_path / "tiny.db").close()
    return factiongraph.open(tmp_path / "tiny.db")


def test_queries_take_the_cli_filters_and_any_spelling(fg: GraphStore) -> None:
    assert [e["event_id"] for e in fg.events(actor="LB")] == ["event-raid", "event-arrest"]
    assert [e["event_id"] for e in fg.events(actor="lantern brigade", type="Arrests")] == ["event-arrest"]
    assert [e["event_id"] for e in fg.events(since="2021-06")] == ["event-arrest"]
    assert [e["event_id"] for e in fg.events(until="2021-05")] == ["event-raid"]
    assert [q["quote_id"] for q in fg.quotes(speaker="Haddad")] == ["quote-haddad"]
    assert [q["quote_id"] for q in fg.quotes(about="Border Guard")] == ["quote-anon"]
    assert [q["quote_id"] for q in fg.quotes(since="2021-06")] == ["quote-anon"]
    assert [r["relation_id"] for r in fg.relations(entity="Salim Haddad")] == ["rel-leads"]
    assert [r["relation_id"] for r in fg.relations(predicate="backed_by")] == ["rel-backed"]
    assert [r["relation_id"] for r in fg.relations(since="2021-05-01", until="2021-05")] == ["rel-leads"]
    assert {e["entity_id"] for e in fg.entities(new=True)} == {"ent-wadi-sabr", "ent-delta-courier"}
    assert [e["name"] for e in fg.entities(type="person")] == ["Salim Haddad"]
    assert [d["title"] for d in fg.documents(since="2021-06")] == ["Border Guard arrests Lantern members"]
    assert len(fg.documents(outlet="delta courier")) == 1


def test_records_are_interchange_records_and_become_dataframes(fg: GraphStore) -> None:
    events = fg.events(actor="LB")
    assert events[0]["kind"] == "event" and events[0]["evidence"][0]["text"].startswith("Fighters of")
    frame = events.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["event_id"]) == ["event-raid", "event-arrest"] and "certainty" in frame.columns


def test_to_pandas_without_pandas_says_which_extra(fg: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ConfigError, match=r"factiongraph\[pandas\]"):
        fg.events().to_pandas()


def test_unknown_names_and_values_are_errors(fg: GraphStore) -> None:
    with pytest.raises(FactiongraphError, match="no entity called"):
        fg.events(actor="Nobody At All")
    with pytest.raises(FactiongraphError, match="unknown entity type"):
        fg.entities(type="militia")
    with pytest.raises(FactiongraphError, match="unknown predicate"):
        fg.relations(predicate="likes")


def test_export_and_open_an_export(fg: GraphStore, tmp_path: Path) -> None:
    text = fg.export("jsonl")
    assert text is not None
    (tmp_path / "shared.jsonl").write_text(text, encoding="utf-8")
    with factiongraph.open(tmp_path / "shared.jsonl") as shared:
        assert shared.export("jsonl") == text
        assert [e["event_id"] for e in shared.events(actor="LB")] == ["event-raid", "event-arrest"]
    fg.export("gexf", tmp_path / "g.gexf", around="Haddad")
    assert "Salim Haddad" in (tmp_path / "g.gexf").read_text(encoding="utf-8")


@pytest.mark.slow
def test_ingest_takes_texts_and_paths(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Militia offices closed\n\nThe offices of Kataib Hezbollah in Basra were closed on Monday.\n",
                    encoding="utf-8")
    text = "Arrests in Basra\n\nPolice arrested three members of Asaib Ahl al-Haq in Basra on Sunday, officials said.\n"
    with factiongraph.open(tmp_path / "new.db") as fg:
        summary = fg.ingest([page, text, text])
        assert summary["stored"] == 2 and summary["duplicates"] == 1
        sources = sorted(d["source"] for d in fg.documents())
        assert sources[0] == str(page) and sources[1].startswith("text:")
        assert fg.entity_id("AAH")
