"""``ingest --manifest`` as a user runs it: metadata laid over scraped files, the outlet as an entity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from factiongraph.cli import cli, main

# Invented outlet and text, written for this test.
ARTICLE = """Militia commander detained in Basra

Security forces detained a commander of an armed faction in Basra on Tuesday, officials said.

"We will not allow weapons outside the state," said Karim al-Nuri, the governor of Basra.

Faction spokesman Hadi Jabbar said the commander had done nothing wrong.
"""


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def export(db: Path) -> list[dict[str, Any]]:
    out = run(db, "export", "--format", "jsonl")
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.mark.slow
def test_manifest_sets_metadata_outlet_entity_and_quote_via(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "p1.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "pages.csv"
    manifest.write_text("file,url,outlet,published\n"
                        "p1.txt,https://basra-courier.example/2023/05/09/commander,Basra Courier,2023-05-09\n"
                        "nowhere.txt,,Ghost Gazette,2020-01-01\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = run(db, "ingest", str(folder), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    assert "manifest             2 rows, 1 matched, 1 problems" in result.stdout
    assert "row 3 (nowhere.txt): matches no ingested document" in result.stderr
    records = export(db)
    doc = next(r for r in records if r["kind"] == "document")
    assert doc["url"] == "https://basra-courier.example/2023/05/09/commander"
    assert (doc["outlet"], doc["published"]) == ("Basra Courier", "2023-05-09")
    assert doc["published_basis"] == "metadata: manifest"
    assert doc["metadata_basis"]["outlet"] == "metadata: manifest"
    outlet = next(r for r in records if r["kind"] == "entity" and r["entity_id"] == doc["outlet_id"])
    assert (outlet["type"], outlet["name"], outlet["in_kb"]) == ("media_outlet", "Basra Courier", False)
    quotes = [r for r in records if r["kind"] == "quote"]
    assert quotes and all(q["via_id"] == doc["outlet_id"] for q in quotes)
    events = [r for r in records if r["kind"] == "event"]
    assert events and all(e["date_start"] is None or e["date_start"] <= "2023-05-09" for e in events)


@pytest.mark.slow
def test_a_changed_manifest_row_reprocesses_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "p1.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    assert run(db, "ingest", str(folder)).exit_code == 0
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"file": "p1.txt", "outlet": "Basra Courier", "published": "2023-05"}\n', encoding="utf-8")
    again = run(db, "ingest", str(folder), "--manifest", str(manifest))
    assert "changed documents    1" in again.stdout
    docs = [r for r in export(db) if r["kind"] == "document"]
    assert len(docs) == 1 and docs[0]["outlet"] == "Basra Courier" and docs[0]["published"] == "2023-05"
    same = run(db, "ingest", str(folder), "--manifest", str(manifest))
    assert "exact duplicates     1" in same.stdout


def test_missing_manifest_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "s.db"), "ingest", str(tmp_path), "--manifest", str(tmp_path / "none.jsonl")])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert err.startswith("error: manifest ") and "none.jsonl: no such file" in err
