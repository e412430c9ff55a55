"""Local files, directories and globs, and every rejection a local file can earn."""

from __future__ import annotations

import os
import random
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import FIXTURES, PNG_BYTES, split_results


def ingest(specs: list[str], opts: IngestOptions | None = None) -> list[RawDocument | Rejection]:
    """Run iter_inputs to completion."""
    return list(iter_inputs(specs, opts or IngestOptions()))


def only_rejection(specs: list[str], opts: IngestOptions | None = None) -> Rejection:
    """Return the single Rejection the specs produce."""
    items = ingest(specs, opts)
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    return items[0]


def test_text_file_is_one_plain_document() -> None:
    path = str(FIXTURES / "notes.txt")
    [doc] = ingest([path])
    assert isinstance(doc, RawDocument)
    assert doc.source == path
    assert doc.media_type == "text/plain"
    assert doc.text == (FIXTURES / "notes.txt").read_text(encoding="utf-8")
    assert doc.content_hash == hash_bytes((FIXTURES / "notes.txt").read_bytes())
    assert doc.fetched_at is None


def test_html_file_is_html_and_keeps_markup() -> None:
    [doc] = ingest([str(FIXTURES / "article.html")])
    assert isinstance(doc, RawDocument)
    assert doc.media_type == "text/html"
    assert "<article>" in doc.text and "river crossing" in doc.text


def test_html_file_declaring_a_legacy_charset(tmp_path: Path) -> None:
    page = tmp_path / "legacy.htm"
    page.write_bytes(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                     b"</head><body><p>\x93Quoted\x94 caf\xe9</p></body></html>")
    [doc] = ingest([str(page)])
    assert isinstance(doc, RawDocument)
    assert "\u201cQuoted\u201d caf\u00e9" in doc.text


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [doc] = ingest(["./a.txt"])
    assert isinstance(doc, RawDocument) and doc.source == "./a.txt"


def build_tree(root: Path) -> None:
    """Write a small corpus with nested, hidden and unsupported files."""
    (root / "b").mkdir()
    (root / "b" / "deep").mkdir()
    (root / ".git").mkdir()
    (root / "a.txt").write_text("First text.", encoding="utf-8")
    (root / "b" / "page.HTML").write_text("<html><body><p>Page</p></body></html>", encoding="utf-8")
    (root / "b" / "deep" / "z.txt").write_text("Deep text.", encoding="utf-8")
    (root / "c.txt").write_text("Third text.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden text.", encoding="utf-8")
    (root / ".git" / "config.txt").write_text("Not an article.", encoding="utf-8")
    (root / "image.png").write_bytes(PNG_BYTES)
    (root / "README.md").write_text("Not read.", encoding="utf-8")


def test_directory_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    build_tree(tmp_path)
    docs, rejections = split_results(ingest([str(tmp_path)]))
    assert rejections == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt", "b/deep/z.txt", "b/page.HTML", "c.txt"]
    assert docs[2].media_type == "text/html"


def test_folder_with_one_corrupt_file_yields_the_rest_and_one_rejection(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "four.txt"):
        (tmp_path / name).write_text(f"Article {name}.", encoding="utf-8")
    (tmp_path / "three.txt").write_bytes(PNG_BYTES)
    docs, rejections = split_results(ingest([str(tmp_path)]))
    assert sorted(Path(d.source).name for d in docs) == ["four.txt", "one.txt", "two.txt"]
    assert len(rejections) == 1
    assert rejections[0].source == str(tmp_path / "three.txt")
    assert rejections[0].reason is RejectionReason.BINARY
    assert "three.txt" in rejections[0].line()


def test_glob_pattern_matches_recursively(tmp_path: Path) -> None:
    build_tree(tmp_path)
    docs, rejections = split_results(ingest([f"{tmp_path}/**/*.txt"]))
    assert rejections == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b/deep/z.txt", "c.txt"]


def test_glob_matching_nothing_is_not_found(tmp_path: Path) -> None:
    rejection = only_rejection([f"{tmp_path}/*.html"])
    assert rejection.reason is RejectionReason.NOT_FOUND and rejection.source == f"{tmp_path}/*.html"


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    rejection = only_rejection([str(tmp_path / "missing.txt")])
    assert rejection.reason is RejectionReason.NOT_FOUND


def test_broken_symlink_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert only_rejection([str(tmp_path / "link.txt")]).reason is RejectionReason.NOT_FOUND


def test_explicit_unsupported_extension_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_text("whatever", encoding="utf-8")
    rejection = only_rejection([str(tmp_path / "report.docx")])
    assert rejection.reason is RejectionReason.UNSUPPORTED and ".docx" in rejection.detail


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("png-header.txt", PNG_BYTES, RejectionReason.BINARY),
    ("report.html", b"%PDF-1.4\n" + bytes(200), RejectionReason.BINARY),
    ("random.txt", random.Random(7).randbytes(4096), RejectionReason.BINARY),
    ("latin1.txt", "Caf\xe9 na\xefve d\xe9j\xe0 vu, cr\xe8me".encode("latin-1"), RejectionReason.UNDECODABLE),
    ("empty.txt", b"", RejectionReason.EMPTY),
    ("blank.html", b"  \n\n\t ", RejectionReason.EMPTY),
])
def test_corrupt_files_are_rejected(tmp_path: Path, name: str, data: bytes, reason: RejectionReason) -> None:
    (tmp_path / name).write_bytes(data)
    rejection = only_rejection([str(tmp_path / name)])
    assert rejection.reason is reason
    assert rejection.source == str(tmp_path / name)
    assert rejection.detail and "\n" not in rejection.detail


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    rejection = only_rejection([str(tmp_path / "big.txt")], IngestOptions(max_document_bytes=1000))
    assert rejection.reason is RejectionReason.TOO_LARGE and "5000" in rejection.detail
    [doc] = ingest([str(tmp_path / "big.txt")], IngestOptions(max_document_bytes=5000))
    assert isinstance(doc, RawDocument)


def test_socket_file_is_unreadable(tmp_path: Path) -> None:
    with tempfile.TemporaryDirectory(dir="/tmp") as short:  # AF_UNIX paths must be short
        path = os.path.join(short, "s.txt")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.bind(path)
            rejection = only_rejection([path])
    assert rejection.reason is RejectionReason.UNREADABLE


def test_permission_denied_is_unreadable() -> None:
    """Checked in-process, or in a forked child that drops to user ``nobody`` when run as root."""
    workdir = tempfile.mkdtemp(dir="/tmp")
    try:
        os.chmod(workdir, 0o755)
        secret = Path(workdir) / "secret.txt"
        secret.write_text("Private text.", encoding="utf-8")
        secret.chmod(0o000)
        if os.geteuid() != 0:
            rejection = only_rejection([str(secret)])
            assert rejection.reason is RejectionReason.UNREADABLE and "permission" in rejection.detail
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: drop root, try to read, report, exit without running pytest teardown
            status = 1
            try:
                os.close(read_end)
                os.setgid(65534)
                os.setuid(65534)
                [result] = iter_inputs([str(secret)], IngestOptions())
                line = f"{result.reason.value}|{result.detail}" if isinstance(result, Rejection) else "document"
                os.write(write_end, line.encode())
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            report = pipe.read().decode()
        os.waitpid(pid, 0)
        assert report.startswith("unreadable|") and "permission" in report
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Once only.", encoding="utf-8")
    docs, _ = split_results(ingest([str(tmp_path), str(tmp_path / "a.txt"), f"{tmp_path}/*.txt"]))
    assert len(docs) == 1
