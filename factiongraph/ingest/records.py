"""JSON (one object or an array of objects) and JSONL (one object per line) -> one RawDocument each.

A record's body is its ``text`` field, else ``content``, else ``body``, else ``html``. The ``html``
field, and any body field that looks like HTML, is ``text/html``. Sources are ``<path>#<index>``
with a 0-based index (for JSONL the index of the line, blank lines included, so ``#i`` is line
``i + 1``). The content hash is the SHA-256 of the record re-serialised canonically (sorted keys,
UTF-8, no whitespace), so it covers the body and every other field and does not depend on how the
file was formatted.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

from factiongraph.ingest.decode import SNIFF_BYTES, bom_encoding, decode_bytes, looks_like_html, sniff_binary
from factiongraph.ingest.hints import record_hints
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

logger = logging.getLogger(__name__)

BODY_FIELDS = ("text", "content", "body", "html")


def iter_json_records(source: str, data: bytes) -> Iterator[RawDocument | Rejection]:
    """Yield one document per object in a ``.json`` file (an object or an array of objects)."""
    text = decode_bytes(data, source)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(source, RejectionReason.BAD_JSON, f"line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    records = value if isinstance(value, list) else [value]
    if not records:
        yield Rejection(source, RejectionReason.EMPTY, "empty JSON array")
        return
    for index, record in enumerate(records):
        yield record_document(f"{source}#{index}", record)


def iter_jsonl_records(source: str, stream: io.BufferedReader, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Yield one document per line of a ``.jsonl`` stream; a bad line rejects only that line.

    Each line is limited to ``max_bytes``; longer lines are skipped without being held in memory.
    """
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    why = sniff_binary(head)
    if why is not None:
        yield Rejection(source, RejectionReason.BINARY, why)
        return
    if bom_encoding(head) not in (None, "utf-8-sig"):
        yield Rejection(source, RejectionReason.UNDECODABLE, "JSONL must be UTF-8")
        return
    found = False
    for index, line in enumerate(_iter_lines(stream, max_bytes)):
        where = f"{source}#{index}"
        if line is None:
            found = True
            yield Rejection(where, RejectionReason.TOO_LARGE, f"line {index + 1} exceeds limit {max_bytes} bytes")
            continue
        if index == 0:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        found = True
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Rejection(where, RejectionReason.UNDECODABLE,
                            f"line {index + 1}: not valid UTF-8 at byte {exc.start}")
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(where, RejectionReason.BAD_JSON, f"line {index + 1} column {exc.colno}: {exc.msg}")
            continue
        yield record_document(where, record)
    if not found:
        yield Rejection(source, RejectionReason.EMPTY, "no JSON lines")


def _iter_lines(stream: io.BufferedReader, max_bytes: int) -> Iterator[bytes | None]:
    """Yield each line (without its newline), or None for a line longer than ``max_bytes``."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(1 << 20)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def record_document(source: str, record: object) -> RawDocument | Rejection:
    """Turn one decoded JSON value into a RawDocument, or reject it."""
    if not isinstance(record, dict):
        return Rejection(source, RejectionReason.BAD_JSON, f"expected an object, got {type(record).__name__}")
    field = next((f for f in BODY_FIELDS if f in record and record[f] is not None), None)
    if field is None:
        return Rejection(source, RejectionReason.BAD_JSON, "no text, content, body or html field")
    body = record[field]
    if not isinstance(body, str):
        return Rejection(source, RejectionReason.BAD_JSON, f"field {field!r} is {type(body).__name__}, not a string")
    if not body.strip():
        return Rejection(source, RejectionReason.EMPTY, f"field {field!r} is blank")
    html = field == "html" or looks_like_html(body)
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return RawDocument(source=source, text=body, media_type="text/html" if html else "text/plain",
                       content_hash=hash_bytes(canonical.encode("utf-8")), hints=record_hints(record))
