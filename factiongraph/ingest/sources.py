"""The ingest entry point: turn input specs (paths, globs, URLs, feeds, ``-``) into RawDocuments.

``iter_inputs`` never raises for bad input: every problem is a ``Rejection`` with a stable reason.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from factiongraph.ingest.decode import decode_bytes, looks_like_feed, looks_like_html
from factiongraph.ingest.feeds import iter_feed_documents
from factiongraph.ingest.fetch import Kind, classify_response, document_from_response, fetch_url
from factiongraph.ingest.files import iter_path
from factiongraph.ingest.options import IngestOptions
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

logger = logging.getLogger(__name__)

STDIN = "-"
"""The spec (and the ``source``) meaning standard input."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def iter_inputs(specs: Sequence[str], opts: IngestOptions,
                stdin: BinaryIO | None = None) -> Iterator[RawDocument | Rejection]:
    """Yield a RawDocument or a Rejection for everything the specs name, in order.

    Args:
        specs: file paths, directories, glob patterns, ``-`` (standard input) and http(s) URLs
            of pages or RSS/Atom feeds.
        opts: size limit, timeout, User-Agent, clock.
        stdin: the stream ``-`` reads (default: ``sys.stdin.buffer``).

    Yields:
        One RawDocument per file, page, JSON record or feed item; one Rejection per input that
        could not be used (reasons: not-found, unreadable, binary, undecodable, empty, too-large,
        unsupported-type, bad-json, unreachable, http-error, bad-feed).
    """
    seen: set[str] = set()
    for spec in specs:
        try:
            yield from _iter_spec(spec, opts, stdin, seen)
        except Exception as exc:  # a bug must not stop the run; it is recorded, with a traceback
            logger.exception("ingest failed on %s", spec)
            yield Rejection(spec, RejectionReason.PIPELINE_ERROR, f"{type(exc).__name__}: {exc}")


def _iter_spec(spec: str, opts: IngestOptions, stdin: BinaryIO | None,
               seen: set[str]) -> Iterator[RawDocument | Rejection]:
    """Dispatch one spec by its form."""
    if spec == STDIN:
        yield from iter_stdin(stdin if stdin is not None else sys.stdin.buffer, opts)
        return
    scheme = _SCHEME.match(spec)
    if scheme is not None:
        if scheme.group(1).lower() in ("http", "https"):
            yield from iter_url(spec, opts)
        else:
            yield Rejection(spec, RejectionReason.UNSUPPORTED, f"URL scheme {scheme.group(1)}: is not http(s)")
        return
    if not spec.strip():
        yield Rejection(spec, RejectionReason.NOT_FOUND, "empty input name")
        return
    yield from iter_path(spec, opts, seen)


def iter_url(url: str, opts: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """Fetch ``url``: one document for a page, one per item for a feed."""
    resp = fetch_url(url, opts)
    if isinstance(resp, Rejection):
        yield resp
        return
    kind = classify_response(resp)
    if isinstance(kind, Rejection):
        yield kind
    elif kind is Kind.FEED:
        yield from iter_feed_documents(url, resp.body, opts, base_url=resp.final_url,
                                       content_type=resp.content_type or None, fetched_at=resp.fetched_at)
    else:
        yield document_from_response(resp, kind)


def iter_stdin(stream: BinaryIO, opts: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """Read standard input (bounded) and sniff it: a feed, an HTML page or plain text."""
    try:
        data = stream.read(opts.max_document_bytes + 1)
    except OSError as exc:
        yield Rejection(STDIN, RejectionReason.UNREADABLE, str(exc))
        return
    if len(data) > opts.max_document_bytes:
        yield Rejection(STDIN, RejectionReason.TOO_LARGE, f"more than limit {opts.max_document_bytes} bytes")
        return
    if data and looks_like_feed(data):
        yield from iter_feed_documents(STDIN, data, opts)
        return
    text = decode_bytes(data, STDIN, html=True)
    if isinstance(text, Rejection):
        yield text
        return
    media_type = "text/html" if looks_like_html(text) else "text/plain"
    yield RawDocument(source=STDIN, text=text, media_type=media_type, content_hash=hash_bytes(data))
