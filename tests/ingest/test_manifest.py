"""Metadata manifests (factiongraph.ingest.manifest): reading rows, matching documents, reporting problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factiongraph.errors import SourceError
from factiongraph.ingest.manifest import BASIS, load_manifest, url_key
from factiongraph.model import DatePrecision, Metadata, RawDocument


def raw(source: str, *, hints: Metadata | None = None) -> RawDocument:
    return RawDocument(source=source, text="Some text.", media_type="text/plain", content_hash="abc",
                       hints=hints or Metadata())


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_row_by_bare_name_sets_metadata_with_basis(tmp_path: Path) -> None:
    manifest = load_manifest(write_jsonl(tmp_path / "m.jsonl", [
        {"file": "a.txt", "url": "https://www.example.org/2020/06/25/raid/", "outlet": "Example Times",
         "published": "2020-06-25", "title": "A raid", "author": None}]))
    doc = manifest.apply(raw(str(tmp_path / "articles" / "a.txt")))
    assert doc.hints.outlet == "Example Times"
    assert doc.hints.title == "A raid"
    assert doc.hints.author is None
    assert doc.hints.url == "https://www.example.org/2020/06/25/raid/"
    assert (doc.hints.published, doc.hints.published_precision) == ("2020-06-25", DatePrecision.DAY)
    assert doc.hints.published_basis == BASIS
    assert doc.hints.basis == {"outlet": BASIS, "title": BASIS, "url": BASIS}
    assert doc.content_hash != "abc"  # the row's values are part of the document's identity
    assert manifest.unmatched() == [] and manifest.problems == []


def test_manifest_values_win_over_container_hints_and_keep_the_rest(tmp_path: Path) -> None:
    manifest = load_manifest(write_jsonl(tmp_path / "m.jsonl", [{"file": "a.txt", "outlet": "Right Outlet"}]))
    hints = Metadata(outlet="Feed Name", language="en", basis={"outlet": "metadata: feed"})
    doc = manifest.apply(raw("a.txt", hints=hints))
    assert doc.hints.outlet == "Right Outlet" and doc.hints.basis["outlet"] == BASIS
    assert doc.hints.language == "en"


def test_relative_path_row_matches_only_that_file(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    manifest = load_manifest(write_jsonl(tmp_path / "m.jsonl", [{"file": "x/a.txt", "outlet": "X Daily"}]))
    assert manifest.apply(raw(str(tmp_path / "x" / "a.txt"))).hints.outlet == "X Daily"
    assert manifest.apply(raw(str(tmp_path / "y" / "a.txt"))).hints.outlet is None


def test_url_row_matches_a_fetched_page_or_a_document_naming_it(tmp_path: Path) -> None:
    manifest = load_manifest(write_jsonl(tmp_path / "m.jsonl", [
        {"url": "http://example.org/story/1", "outlet": "Example Times"}]))
    assert manifest.apply(raw("https://www.example.org/story/1/")).hints.outlet == "Example Times"
    linked = raw("feed.xml#3", hints=Metadata(url="https://example.org/story/1"))
    assert manifest.apply(linked).hints.outlet == "Example Times"
    assert manifest.apply(raw("https://example.org/story/2")).hints.outlet is None


def test_url_key_ignores_scheme_www_slash_and_fragment() -> None:
    assert url_key("https://www.Example.org/a/b/#top") == url_key("http://example.org/a/b")
    assert url_key("https://example.org/a?id=2") != url_key("https://example.org/a?id=3")


def test_csv_manifest(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("file,outlet,published,title\nb.txt,Levant Post,2021-03,\n", encoding="utf-8")
    manifest = load_manifest(path)
    doc = manifest.apply(raw("b.txt"))
    assert doc.hints.outlet == "Levant Post"
    assert (doc.hints.published, doc.hints.published_precision) == ("2021-03", DatePrecision.MONTH)
    assert doc.hints.title is None


def test_bad_rows_and_values_are_reported_by_name_and_the_rest_is_used(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text(
        '{"file": "a.txt", "published": "last Tuesday", "outlet": "Good Outlet"}\n'
        "not json\n"
        '["a list"]\n'
        '{"title": "no key"}\n'
        '{"file": "a.txt", "outlet": "Again"}\n'
        '{"file": "c.txt", "url": "ftp://x", "colour": "red"}\n'
        '{"file": "ghost.txt"}\n', encoding="utf-8")
    manifest = load_manifest(path)
    doc = manifest.apply(raw("a.txt"))
    assert doc.hints.outlet == "Good Outlet" and doc.hints.published is None
    manifest.apply(raw("c.txt"))
    lines = [p.line() for p in [*manifest.problems, *manifest.unmatched()]]
    assert any("row 1 (a.txt)" in line and "published 'last Tuesday' is not a date" in line for line in lines)
    assert any("row 2" in line and "not JSON" in line for line in lines)
    assert any("row 3" in line and "expected an object" in line for line in lines)
    assert any("row 4" in line and "names no document" in line for line in lines)
    assert any("row 5 (a.txt)" in line and "repeats" in line for line in lines)
    assert any("row 6 (c.txt)" in line and "not an http(s) address" in line for line in lines)
    assert any("colour" in line for line in lines)
    assert any("row 7 (ghost.txt)" in line and "matches no ingested document" in line for line in lines)
    stats = manifest.stats()
    assert (stats["rows"], stats["matched"]) == (3, 2)


def test_unreadable_manifest_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        load_manifest(tmp_path / "missing.jsonl")
    bad = tmp_path / "latin.csv"
    bad.write_bytes(b"file,outlet\na.txt,Caf\xe9\n")
    with pytest.raises(SourceError, match="not UTF-8"):
        load_manifest(bad)
