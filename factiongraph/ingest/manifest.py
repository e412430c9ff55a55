"""Metadata manifests: what a user knows about scraped files from where the pages came from.

A scraped collection often loses its page metadata: the text file holds the article, but the
outlet, the address and the publication date were in the browser's address bar. A manifest gives
them back, one row per document, as JSON Lines or CSV::

    {"file": "a01.txt", "url": "https://example.org/2020/06/25/raid", "outlet": "Example Times",
     "published": "2020-06-25", "title": "...", "author": null, "language": "en"}

Rows are keyed by ``file`` (a path relative to the manifest, or a bare file name matched
against the base name of an ingested file) or by ``url`` (matched against a document fetched
from that address, or one whose feed item or JSON record names it). Values a row gives win over
what the cleaner reads from the text; each keeps the basis ``metadata: manifest``.

Bad rows never stop a run: a row that cannot be read, names nothing, or holds a bad value is a
:class:`ManifestProblem` (row number, key, reason), and rows that match no ingested document are
reported by name when the run ends (:meth:`Manifest.unmatched`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factiongraph.errors import SourceError
from factiongraph.ingest.hints import clean_name, parse_published
from factiongraph.model.document import Metadata, RawDocument
from factiongraph.model.ids import hash_bytes

BASIS = "metadata: manifest"
"""The basis recorded for every value a manifest gives."""

FIELDS = ("file", "url", "title", "outlet", "author", "published", "language")
"""The columns a manifest row may have; others are reported once and ignored."""

MAX_MANIFEST_BYTES = 50_000_000


@dataclass(slots=True, frozen=True)
class ManifestProblem:
    """A row (1-based line or CSV record number) that could not be used, in full or in part."""

    row: int
    key: str
    reason: str

    def line(self) -> str:
        """Return the one-line message shown to users."""
        where = f"row {self.row}" + (f" ({self.key})" if self.key else "")
        return f"manifest {where}: {self.reason}"


@dataclass(slots=True)
class ManifestRow:
    """One usable row: its key and the metadata it gives (only the fields it set)."""

    row: int
    file: str | None
    url: str | None
    hints: Metadata
    matched: int = 0

    @property
    def key(self) -> str:
        """Return how the row names its document (file, else url)."""
        return self.file or self.url or ""

    def fingerprint(self) -> bytes:
        """Return the canonical bytes of the values the row gives (part of the document's hash)."""
        h = self.hints
        values = {"title": h.title, "author": h.author, "outlet": h.outlet, "published": h.published,
                  "language": h.language, "url": h.url}
        return json.dumps(values, sort_keys=True, ensure_ascii=False).encode("utf-8")


@dataclass(slots=True)
class Manifest:
    """A loaded manifest: usable rows indexed by path, base name and URL, plus the problems found.

    Build with :func:`load_manifest`; call :meth:`apply` on each ingested document.
    """

    path: str
    rows: list[ManifestRow] = field(default_factory=list)
    problems: list[ManifestProblem] = field(default_factory=list)
    _by_path: dict[str, ManifestRow] = field(default_factory=dict)
    _by_name: dict[str, list[ManifestRow]] = field(default_factory=dict)
    _by_url: dict[str, ManifestRow] = field(default_factory=dict)

    def add(self, row: ManifestRow, base: Path) -> None:
        """Index a usable row; a second row for the same key is a problem, the first one wins."""
        if row.file is not None:
            if os.sep in row.file or "/" in row.file:
                resolved = str((base / row.file).resolve())
                if resolved in self._by_path:
                    self.problems.append(ManifestProblem(row.row, row.key, "repeats an earlier row's file; ignored"))
                    return
                self._by_path[resolved] = row
            else:
                named = self._by_name.setdefault(row.file, [])
                if named:
                    self.problems.append(ManifestProblem(row.row, row.key, "repeats an earlier row's file; ignored"))
                    return
                named.append(row)
                direct = (base / row.file).resolve()
                self._by_path.setdefault(str(direct), row)
        elif row.url is not None:
            key = url_key(row.url)
            if key in self._by_url:
                self.problems.append(ManifestProblem(row.row, row.key, "repeats an earlier row's url; ignored"))
                return
            self._by_url[key] = row
        self.rows.append(row)

    def find(self, raw: RawDocument) -> ManifestRow | None:
        """Return the row that names ``raw`` (by path, then base name, then URL), or None."""
        source = raw.source.split("#", 1)[0] if not _is_url(raw.source) else raw.source
        if not _is_url(source) and source != "-":
            resolved = str(Path(source).resolve())
            if resolved in self._by_path:
                return self._by_path[resolved]
            named = self._by_name.get(os.path.basename(source))
            if named:
                return named[0]
        for address in (raw.source, raw.hints.url):
            if address and _is_url(address):
                row = self._by_url.get(url_key(address))
                if row is not None:
                    return row
        return None

    def apply(self, raw: RawDocument) -> RawDocument:
        """Return ``raw`` with the metadata of its row laid over its own hints (unchanged if none).

        The document's content hash covers the row's values too, so ingesting the same file
        again with a new or changed manifest row re-processes it (the earlier version is retired).
        """
        row = self.find(raw)
        if row is None:
            return raw
        row.matched += 1
        hints = overlay_hints(row.hints, raw.hints)
        content_hash = hash_bytes(raw.content_hash.encode("ascii") + b"\0" + row.fingerprint())
        return replace(raw, hints=hints, content_hash=content_hash)

    def unmatched(self) -> list[ManifestProblem]:
        """Return a problem for every usable row that matched no document of the run."""
        return [ManifestProblem(r.row, r.key, "matches no ingested document") for r in self.rows if not r.matched]

    def stats(self) -> dict[str, Any]:
        """Return counts for the run summary."""
        return {"path": self.path, "rows": len(self.rows), "matched": sum(1 for r in self.rows if r.matched),
                "problems": [p.line() for p in [*self.problems, *self.unmatched()]]}


def overlay_hints(primary: Metadata, fallback: Metadata) -> Metadata:
    """Return ``fallback`` with every field ``primary`` sets replaced, bases included."""
    merged = replace(fallback, basis=dict(fallback.basis))
    merged.take_text_fields(primary)
    if primary.published:
        merged.published = primary.published
        merged.published_precision = primary.published_precision
        merged.published_basis = primary.published_basis
    return merged


def url_key(url: str) -> str:
    """Return a URL reduced for matching: no scheme, no ``www.``, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def load_manifest(path: str | Path) -> Manifest:
    """Read a JSON Lines or CSV manifest.

    Args:
        path: a ``.jsonl``/``.ndjson``/``.json`` file (one object per line) or a ``.csv`` file
            with a header row. Other extensions are read as JSON Lines when the first
            non-blank character is ``{``, else as CSV.

    Returns:
        The manifest; rows that could not be used are in ``problems``, never raised.

    Raises:
        SourceError: the file cannot be read at all (missing, unreadable, not UTF-8, too large).
    """
    p = Path(path)
    try:
        if p.stat().st_size > MAX_MANIFEST_BYTES:
            raise SourceError(f"manifest {p}: larger than {MAX_MANIFEST_BYTES} bytes")
        text = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise SourceError(f"manifest {p}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"manifest {p}: not UTF-8 (byte {exc.start})") from exc
    except OSError as exc:
        raise SourceError(f"manifest {p}: cannot read ({exc.strerror or exc})") from exc
    manifest = Manifest(str(p))
    base = p.resolve().parent
    is_csv = p.suffix.lower() == ".csv" or (p.suffix.lower() not in (".jsonl", ".ndjson", ".json")
                                            and not text.lstrip().startswith("{"))
    records = _csv_records(text) if is_csv else _jsonl_records(text)
    unknown: set[str] = set()
    for number, record in records:
        if isinstance(record, ManifestProblem):
            manifest.problems.append(record)
            continue
        unknown.update(k for k in record if k not in FIELDS)
        row = parse_row(number, record, manifest.problems)
        if row is not None:
            manifest.add(row, base)
    if unknown:
        manifest.problems.append(ManifestProblem(0, "", f"columns ignored (not manifest fields): {', '.join(sorted(unknown))}"))
    return manifest


def _jsonl_records(text: str) -> Iterable[tuple[int, dict[str, Any] | ManifestProblem]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ManifestProblem(number, "", f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(value, dict):
            yield number, ManifestProblem(number, "", f"expected an object, got {type(value).__name__}")
            continue
        yield number, value


def _csv_records(text: str) -> Iterable[tuple[int, dict[str, Any] | ManifestProblem]]:
    reader = csv.DictReader(io.StringIO(text))
    for number, record in enumerate(reader, start=2):  # row 1 is the header
        if None in record:
            yield number, ManifestProblem(number, "", "more cells than header columns")
            continue
        yield number, {k.strip().lower(): (v if v != "" else None) for k, v in record.items() if k}


def parse_row(number: int, record: dict[str, Any], problems: list[ManifestProblem]) -> ManifestRow | None:
    """Return the usable part of one row; append a problem for each bad value (the rest is kept)."""
    file_name = clean_name(record.get("file"))
    url = clean_name(record.get("url"))
    key = file_name or url or ""
    if url is not None and not _is_url(url):
        problems.append(ManifestProblem(number, key, f"url {url!r} is not an http(s) address; ignored"))
        url = None
    if file_name is None and url is None:
        problems.append(ManifestProblem(number, "", "names no document (no 'file' and no http(s) 'url')"))
        return None
    hints = Metadata(url=url)
    for name in ("title", "outlet", "author", "language"):
        raw = record.get(name)
        if raw is not None and not isinstance(raw, str):
            problems.append(ManifestProblem(number, key, f"{name} {raw!r} is not text; ignored"))
            continue
        value = clean_name(raw)
        if value is not None:
            setattr(hints, name, value)
            hints.basis[name] = BASIS
    if url is not None:
        hints.basis["url"] = BASIS
    published = record.get("published")
    if published not in (None, ""):
        parsed = parse_published(published)
        if parsed is None or isinstance(published, bool):
            problems.append(ManifestProblem(number, key, f"published {published!r} is not a date "
                                            "(YYYY-MM-DD, YYYY-MM or YYYY); ignored"))
        else:
            hints.published, hints.published_precision = parsed
            hints.published_basis = BASIS
    return ManifestRow(number, file_name, url, hints)
