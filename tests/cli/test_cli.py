"""The command line as a user runs it: ingest, docs, doc, search, export, errors and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factiongraph.cli import cli
from factiongraph.cli.ingest import EXIT_REJECTED

SAMPLE = Path(__file__).resolve().parents[2] / "factiongraph" / "data" / "sample"


def run(db: Path, *args: str, input: str | bytes | None = None) -> object:
    runner = CliRunner()
    return runner.invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_ingest_twice_stores_nothing_new(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    n_files = len(list(corpus.iterdir()))
    first = run(db, "ingest", "--no-analyze", str(corpus))
    assert first.exit_code == 0, first.output
    assert f"stored               {n_files}" in first.output
    second = run(db, "ingest", "--no-analyze", str(corpus))
    assert second.exit_code == 0
    assert "stored               0" in second.output
    assert f"exact duplicates     {n_files}" in second.output


def test_corrupt_file_is_named_and_the_rest_is_stored(tmp_path: Path, corpus: Path) -> None:
    (corpus / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = tmp_path / "s.db"
    result = run(db, "ingest", "--no-analyze", str(corpus))
    assert result.exit_code == EXIT_REJECTED
    assert "broken.html" in result.stderr and "binary" in result.stderr
    stored = len(list(corpus.iterdir())) - 1
    assert f"stored               {stored}" in result.stdout
    assert "rejected             1" in result.stdout


def test_docs_doc_search_and_export(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    run(db, "ingest", "--no-analyze", str(corpus))
    listing = run(db, "docs")
    assert listing.exit_code == 0 and len(listing.output.strip().splitlines()) == len(list(corpus.iterdir()))
    first_id = listing.output.split()[0]
    shown = run(db, "doc", first_id[:8])
    assert shown.exit_code == 0 and "[body " in shown.output
    exported = run(db, "export", "--format", "jsonl")
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    docs = [r for r in records if r["kind"] == "document"]
    assert len(docs) == len(list(corpus.iterdir()))
    for record in docs:
        assert {"doc_id", "source", "title", "author", "outlet", "published", "published_precision",
                "published_basis", "text", "blocks"} <= set(record)
        for block in record["blocks"]:
            assert 0 <= block["start"] < block["end"] <= len(record["text"])
    word = next(w for w in docs[0]["text"].split() if len(w) > 6 and w.isalpha())
    found = run(db, "search", word)
    assert found.exit_code == 0 and found.output.strip()
    out = tmp_path / "x.jsonl"
    assert run(db, "export", "--out", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == len(records)


def test_stdin_and_changed_document(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    piped = run(db, "ingest", "--no-analyze", "-", input="Militia offices closed\n\nOffices of a militia in Basra were closed on Monday, officials said.\n")
    assert piped.exit_code == 0 and "stored               1" in piped.stdout
    article = tmp_path / "a.txt"
    article.write_text("Raid in Baghdad\n\nSecurity forces raided a militia depot in Baghdad on Friday.\n")
    run(db, "ingest", "--no-analyze", str(article))
    article.write_text("Raid in Baghdad\n\nSecurity forces raided a militia depot in Baghdad on Saturday.\n")
    changed = run(db, "ingest", "--no-analyze", str(article))
    assert "changed documents    1" in changed.stdout
    assert len(run(db, "docs").output.strip().splitlines()) == 2


def test_missing_path_and_bad_store_are_one_line_errors(tmp_path: Path) -> None:
    result = run(tmp_path / "s.db", "ingest", "--no-analyze", str(tmp_path / "nope.txt"))
    assert result.exit_code == EXIT_REJECTED and "not-found" in result.stderr
    runner = CliRunner()
    from factiongraph.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "no" / "dir" / "s.db"), "docs"])
    assert exit_info.value.code == 4
    del runner


def test_db_option_works_after_the_command_name(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Raid in Basra\n\nPolice raided a depot in Basra on Friday, officials said.\n")
    runner = CliRunner()
    db = tmp_path / "late.db"
    result = runner.invoke(cli, ["ingest", "--no-analyze", "--db", str(db), str(article)], catch_exceptions=False)
    assert result.exit_code == 0 and db.exists()
    listing = runner.invoke(cli, ["docs", "--db", str(db)], catch_exceptions=False)
    assert "Raid in Basra" in listing.output


def test_unknown_document_id_is_a_one_line_error(tmp_path: Path) -> None:
    from factiongraph.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "s.db"), "doc", "ffff"])
    assert exit_info.value.code == 1


@pytest.mark.slow
def test_users_own_kb_file_names_a_group_the_bundled_kb_lacks(tmp_path: Path) -> None:
    kb = tmp_path / "mine.yaml"
    kb.write_text(
        "schema: kb/1\nrecords:\n  - id: dawn-shield-brigade\n    type: armed_group\n"
        "    name: Liwa Dir al-Fajr\n    aliases: [Dawn Shield Brigade]\n    source: analyst note\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Convoy in Basra\n\nMen of the Dawn Shield Brigade drove through Basra, residents said.\n")
    db = tmp_path / "s.db"
    assert run(db, "--kb", str(kb), "ingest", str(article)).exit_code == 0
    shown = run(db, "--kb", str(kb), "show", "Liwa Dir al-Fajr")
    assert shown.exit_code == 0 and "in knowledge base" in shown.output and "Dawn Shield Brigade" in shown.output
