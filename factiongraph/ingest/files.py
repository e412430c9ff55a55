"""Local inputs: files, directories (recursive, sorted, hidden entries skipped) and glob patterns.

The extension decides the type: ``.txt`` plain text, ``.html``/``.htm``/``.xhtml`` HTML,
``.json``/``.jsonl``/``.ndjson`` records, ``.xml``/``.rss``/``.atom`` feeds. Sizes are checked with
``stat`` and a bounded read, so an oversized file is never loaded.
"""

from __future__ import annotations

import glob
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from factiongraph.ingest.decode import decode_bytes
from factiongraph.ingest.feeds import iter_feed_documents
from factiongraph.ingest.options import IngestOptions
from factiongraph.ingest.records import iter_json_records, iter_jsonl_records
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

logger = logging.getLogger(__name__)

EXTENSIONS: dict[str, str] = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
"""Supported file extensions (lower case) and how each is read."""

_GLOB_MAGIC = frozenset("*?[")


def is_glob(spec: str) -> bool:
    """Return True if ``spec`` contains glob wildcards."""
    return any(ch in _GLOB_MAGIC for ch in spec)


def iter_path(spec: str, opts: IngestOptions, seen: set[str]) -> Iterator[RawDocument | Rejection]:
    """Yield documents for a path that exists (file or directory) or a glob pattern.

    ``seen`` holds resolved paths already read in this run, so a file named twice is read once.
    """
    if os.path.lexists(spec):
        if os.path.isdir(spec):
            yield from _iter_directory(spec, opts, seen)
        else:
            yield from _iter_once(spec, opts, seen, explicit=True)
        return
    if is_glob(spec):
        matches = sorted(m for m in glob.glob(spec, recursive=True) if not os.path.isdir(m))
        if not matches:
            yield Rejection(spec, RejectionReason.NOT_FOUND, "glob pattern matched no files")
        for match in matches:
            yield from _iter_once(match, opts, seen, explicit=True)
        return
    yield Rejection(spec, RejectionReason.NOT_FOUND, "no such file or directory")


def _iter_directory(root: str, opts: IngestOptions, seen: set[str]) -> Iterator[RawDocument | Rejection]:
    """Walk ``root`` depth-first in name order; only supported, non-hidden files are read."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except PermissionError as exc:
        yield Rejection(root, RejectionReason.UNREADABLE, f"cannot list directory: {exc.strerror}")
        return
    except OSError as exc:
        yield Rejection(root, RejectionReason.UNREADABLE, f"cannot list directory: {exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(root, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from _iter_directory(path, opts, seen)
        elif Path(entry.name).suffix.lower() in EXTENSIONS:
            yield from _iter_once(path, opts, seen, explicit=False)
        else:
            logger.debug("skipping %s: unsupported extension", path)


def _iter_once(path: str, opts: IngestOptions, seen: set[str], *, explicit: bool) -> Iterator[RawDocument | Rejection]:
    """Read ``path`` unless it was already read in this run."""
    key = os.path.realpath(path)
    if key in seen:
        logger.debug("skipping %s: already read in this run", path)
        return
    seen.add(key)
    yield from iter_file(path, opts)


def iter_file(path: str, opts: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """Yield the document(s) in one file: one for text/HTML, one per record or feed item."""
    kind = EXTENSIONS.get(Path(path).suffix.lower())
    if kind is None:
        suffix = Path(path).suffix or "(none)"
        yield Rejection(path, RejectionReason.UNSUPPORTED,
                        f"extension {suffix} is not one of {', '.join(EXTENSIONS)}")
        return
    if kind == "jsonl":
        yield from _iter_jsonl_file(path, opts)
        return
    data = read_bounded(path, opts.max_document_bytes)
    if isinstance(data, Rejection):
        yield data
        return
    if kind == "json":
        yield from iter_json_records(path, data)
    elif kind == "feed":
        yield from iter_feed_documents(path, data, opts)
    else:
        text = decode_bytes(data, path, html=kind == "text/html")
        if isinstance(text, Rejection):
            yield text
        else:
            yield RawDocument(source=path, text=text, media_type=kind, content_hash=hash_bytes(data))


def _iter_jsonl_file(path: str, opts: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """Stream a JSONL file; the size limit applies per line, not to the whole file."""
    problem = _stat_problem(path, None)
    if problem is not None:
        yield problem
        return
    try:
        with open(path, "rb") as stream:
            yield from iter_jsonl_records(path, stream, opts.max_document_bytes)
    except OSError as exc:
        yield _os_rejection(path, exc)


def read_bounded(path: str, limit: int) -> bytes | Rejection:
    """Return the bytes of ``path``, never reading more than ``limit + 1`` of them.

    Rejections: ``not-found``, ``unreadable`` (permission, not a regular file), ``too-large``,
    ``empty`` (0 bytes).
    """
    problem = _stat_problem(path, limit)
    if problem is not None:
        return problem
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return _os_rejection(path, exc)
    if len(data) > limit:
        return Rejection(path, RejectionReason.TOO_LARGE, f"more than limit {limit} bytes")
    if not data:
        return Rejection(path, RejectionReason.EMPTY, "0 bytes")
    return data


def _stat_problem(path: str, limit: int | None) -> Rejection | None:
    """Check existence, type and size with ``stat`` before opening anything."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return _os_rejection(path, exc)
    if not stat.S_ISREG(info.st_mode):
        return Rejection(path, RejectionReason.UNREADABLE, "not a regular file")
    if limit is not None and info.st_size > limit:
        return Rejection(path, RejectionReason.TOO_LARGE, f"{info.st_size} bytes > limit {limit}")
    if info.st_size == 0:
        return Rejection(path, RejectionReason.EMPTY, "0 bytes")
    return None


def _os_rejection(path: str, exc: OSError) -> Rejection:
    """Map an OS error to a rejection reason."""
    if isinstance(exc, FileNotFoundError):
        return Rejection(path, RejectionReason.NOT_FOUND, "no such file (or a broken link)")
    if isinstance(exc, PermissionError):
        return Rejection(path, RejectionReason.UNREADABLE, f"permission denied: {exc.strerror}")
    return Rejection(path, RejectionReason.UNREADABLE, exc.strerror or str(exc))
