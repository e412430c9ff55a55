"""The entry point: spec dispatch, stdin, ordering, and never raising for bad input."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import FIXTURES, PNG_BYTES


def from_stdin(data: bytes, opts: IngestOptions | None = None) -> list[RawDocument | Rejection]:
    """Ingest ``-`` with ``data`` on standard input."""
    return list(iter_inputs(["-"], opts or IngestOptions(), stdin=io.BytesIO(data)))


def test_stdin_plain_text() -> None:
    data = b"Reports said the convoy was stopped near the border.\n"
    [doc] = from_stdin(data)
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.media_type, doc.text) == ("-", "text/plain", data.decode())
    assert doc.content_hash == hash_bytes(data)


def test_stdin_html_is_sniffed() -> None:
    [doc] = from_stdin((FIXTURES / "article.html").read_bytes())
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html"


def test_stdin_feed_is_expanded_into_items() -> None:
    docs = from_stdin((FIXTURES / "offline.atom").read_bytes())
    assert len(docs) == 2 and all(isinstance(d, RawDocument) for d in docs)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", RejectionReason.EMPTY),
    (b"\n   \n", RejectionReason.EMPTY),
    (PNG_BYTES[:40], RejectionReason.BINARY),
    (b"caf\xe9 au lait", RejectionReason.UNDECODABLE),
    (b"x" * 101, RejectionReason.TOO_LARGE),
])
def test_stdin_rejections(data: bytes, reason: RejectionReason) -> None:
    [rejection] = from_stdin(data, IngestOptions(max_document_bytes=100))
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.reason) == ("-", reason)


def test_unsupported_url_scheme() -> None:
    [rejection] = iter_inputs(["ftp://example.org/file.txt"], IngestOptions())
    assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.UNSUPPORTED


def test_mixed_specs_keep_order_and_never_raise(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(PNG_BYTES)
    specs = [str(FIXTURES / "notes.txt"), str(tmp_path / "missing.txt"), "", str(tmp_path / "bad.txt"),
             f"{tmp_path}/*.nothing", "-", "mailto://nobody", str(FIXTURES / "records.json")]
    items = list(iter_inputs(specs, IngestOptions(), stdin=io.BytesIO(b"From stdin.")))
    assert [getattr(i, "reason", "doc") for i in items] == [
        "doc", RejectionReason.NOT_FOUND, RejectionReason.NOT_FOUND, RejectionReason.BINARY,
        RejectionReason.NOT_FOUND, "doc", RejectionReason.UNSUPPORTED, "doc", "doc"]


def test_rejection_lines_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{\n\n  broken", encoding="utf-8")
    for item in iter_inputs([str(tmp_path / "x.json"), str(tmp_path / "nope")], IngestOptions()):
        assert isinstance(item, Rejection) and "\n" not in item.line()


def test_an_unexpected_failure_becomes_a_rejection_not_an_exception(tmp_path: Path) -> None:
    closed = io.BytesIO(b"text")
    closed.close()  # reading raises ValueError, which no reader expects
    (tmp_path / "after.txt").write_text("Still read.", encoding="utf-8")
    first, second = iter_inputs(["-", str(tmp_path / "after.txt")], IngestOptions(), stdin=closed)
    assert isinstance(first, Rejection) and first.reason is RejectionReason.PIPELINE_ERROR
    assert "ValueError" in first.detail
    assert isinstance(second, RawDocument)


@settings(max_examples=60, deadline=None)
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(str.encode)),
       suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".xml"]))
def test_arbitrary_bytes_never_cause_an_internal_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, f"input{suffix}")
        with open(path, "wb") as handle:
            handle.write(data)
        items = list(iter_inputs([path, "-"], IngestOptions(max_document_bytes=500), stdin=io.BytesIO(data)))
    assert items
    for item in items:
        assert isinstance(item, RawDocument | Rejection)
        if isinstance(item, Rejection):
            assert item.reason is not RejectionReason.PIPELINE_ERROR, item.line()
            assert "\n" not in item.detail
