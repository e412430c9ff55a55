"""Builders shared by the clean tests: raw documents from strings and fixture files."""

from __future__ import annotations

from pathlib import Path

from factiongraph.model import RawDocument
from factiongraph.model.ids import hash_bytes

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MEDIA_TYPES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}


def make_raw(text: str, media_type: str = "text/plain", source: str = "test://doc") -> RawDocument:
    """Return a RawDocument for ``text`` with its content hash set."""
    return RawDocument(source, text, media_type, hash_bytes(text.encode("utf-8")))


def read_raw(path: Path) -> RawDocument:
    """Return a RawDocument read from a file the way ingest does (bytes, UTF-8, hash, media type)."""
    data = path.read_bytes()
    return RawDocument(str(path), data.decode("utf-8"), MEDIA_TYPES.get(path.suffix, "text/plain"), hash_bytes(data))


def read_fixture(name: str) -> RawDocument:
    """Return the RawDocument of a file under tests/clean/fixtures."""
    return read_raw(FIXTURES / name)
