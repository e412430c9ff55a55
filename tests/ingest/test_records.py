"""JSON and JSONL records: one RawDocument per record, bad records rejected one by one."""

from __future__ import annotations

import json
from pathlib import Path

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.ingest.records import record_document
from factiongraph.model.document import DatePrecision, RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import FIXTURES, split_results


def run(path: Path | str, opts: IngestOptions | None = None) -> list[RawDocument | Rejection]:
    """Ingest one path."""
    return list(iter_inputs([str(path)], opts or IngestOptions()))


def test_json_array_gives_one_document_per_record_with_hints() -> None:
    path = FIXTURES / "records.json"
    docs, rejections = split_results(run(path))
    assert rejections == []
    assert [d.source for d in docs] == [f"{path}#0", f"{path}#1"]
    first, second = docs
    assert first.media_type == "text/plain" and first.text.startswith("The transport ministry")
    assert first.hints.title == "Ministry announces new bus routes"
    assert first.hints.author == "Hana Aziz, Karim Mahdi"
    assert first.hints.outlet == "Example Daily"
    assert (first.hints.published, first.hints.published_precision) == ("2023-08-14", DatePrecision.DAY)
    assert first.hints.published_basis == "metadata: json published"
    assert second.media_type == "text/html" and second.text.startswith("<p>")
    assert second.hints.outlet == "Example Weekly"
    assert (second.hints.published, second.hints.published_precision) == ("2023-08", DatePrecision.MONTH)


def test_jsonl_bad_line_is_rejected_and_the_rest_go_on() -> None:
    path = FIXTURES / "records.jsonl"
    items = run(path)
    assert [(i.source, type(i).__name__) for i in items] == [
        (f"{path}#0", "RawDocument"),
        (f"{path}#1", "Rejection"),
        (f"{path}#2", "RawDocument"),
        (f"{path}#4", "Rejection"),
    ]
    bad_line, no_text = items[1], items[3]
    assert isinstance(bad_line, Rejection) and bad_line.reason is RejectionReason.BAD_JSON
    assert "line 2" in bad_line.detail
    assert isinstance(no_text, Rejection) and no_text.reason is RejectionReason.BAD_JSON
    harvest, bridge = items[0], items[2]
    assert isinstance(harvest, RawDocument) and isinstance(bridge, RawDocument)
    assert harvest.text.startswith("Agricultural officials")  # from the "content" field
    assert harvest.hints.published == "2023-10-10" and harvest.hints.published_basis == "metadata: json date"
    assert bridge.text.startswith("Engineers")  # from the "body" field
    assert (bridge.hints.published, bridge.hints.published_precision) == ("2023", DatePrecision.YEAR)


def test_text_field_order_is_text_content_body_html() -> None:
    doc = record_document("x#0", {"html": "<p>h</p>", "body": "b", "content": "c", "text": "t"})
    assert isinstance(doc, RawDocument) and doc.text == "t"
    doc = record_document("x#0", {"html": "<p>h</p>", "body": "b"})
    assert isinstance(doc, RawDocument) and doc.text == "b"


def test_content_hash_covers_every_field_and_ignores_formatting() -> None:
    record = {"text": "Same words.", "title": "A", "url": "https://example.org/a"}
    doc = record_document("x#0", record)
    assert isinstance(doc, RawDocument)
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert doc.content_hash == hash_bytes(canonical.encode("utf-8"))
    reordered = record_document("y#3", {"url": "https://example.org/a", "title": "A", "text": "Same words."})
    assert isinstance(reordered, RawDocument) and reordered.content_hash == doc.content_hash
    retitled = record_document("x#0", {**record, "title": "B"})
    assert isinstance(retitled, RawDocument) and retitled.content_hash != doc.content_hash


def test_single_object_file_is_record_zero(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Only one."}), encoding="utf-8")
    [doc] = run(path)
    assert isinstance(doc, RawDocument) and doc.source == f"{path}#0"


def test_broken_json_file_is_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "unfinished"', encoding="utf-8")
    [rejection] = run(path)
    assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.BAD_JSON
    assert rejection.source == str(path)


def test_bad_records_inside_an_array(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([{"text": "Good."}, "a string", {"text": 5}, {"text": "  "}, {"title": "t"}]),
                    encoding="utf-8")
    items = run(path)
    assert [getattr(i, "reason", None) for i in items] == [
        None, RejectionReason.BAD_JSON, RejectionReason.BAD_JSON, RejectionReason.EMPTY, RejectionReason.BAD_JSON]


def test_empty_array_and_blank_jsonl_are_empty(tmp_path: Path) -> None:
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n  \n", encoding="utf-8")
    for name in ("none.json", "blank.jsonl"):
        [rejection] = run(tmp_path / name)
        assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.EMPTY


def test_jsonl_size_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "long " * 100}), json.dumps({"text": "tail"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run(path, IngestOptions(max_document_bytes=100))
    assert [getattr(i, "reason", None) for i in items] == [None, RejectionReason.TOO_LARGE, None]
    assert isinstance(items[2], RawDocument) and items[2].text == "tail"


def test_jsonl_that_is_binary_or_has_bad_utf8(tmp_path: Path) -> None:
    (tmp_path / "bin.jsonl").write_bytes(b"PK\x03\x04" + bytes(64))
    [rejection] = run(tmp_path / "bin.jsonl")
    assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.BINARY
    (tmp_path / "latin.jsonl").write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    first, second = run(tmp_path / "latin.jsonl")
    assert isinstance(first, Rejection) and first.reason is RejectionReason.UNDECODABLE
    assert isinstance(second, RawDocument)
