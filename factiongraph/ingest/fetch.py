"""HTTP(S) fetching with the standard library: bounded size, a timeout, redirects, clear rejections.

``fetch_url`` only moves bytes; ``classify_response`` decides what they are (page, feed, binary,
unsupported) and ``document_from_response`` decodes a page into a ``RawDocument``.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from enum import StrEnum

from factiongraph.ingest.addresses import refuse_url
from factiongraph.ingest.decode import decode_bytes, looks_like_feed, looks_like_html, sniff_binary
from factiongraph.ingest.options import IngestOptions
from factiongraph.model.document import Metadata, RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

logger = logging.getLogger(__name__)

_CHUNK = 64 * 1024
_ACCEPT = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
           "text/plain;q=0.9, application/xml;q=0.8, */*;q=0.5")
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})


class Kind(StrEnum):
    """What a fetched body is."""

    HTML = "text/html"
    TEXT = "text/plain"
    FEED = "feed"


@dataclass(slots=True)
class Response:
    """A successful (2xx) response, read in full within the size limit."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    fetched_at: str
    headers: dict[str, str] = field(default_factory=dict)


def fetch_url(url: str, opts: IngestOptions) -> Response | Rejection:
    """GET ``url`` (following redirects) and return the response, or an HTTP Rejection.

    Rejections: ``http-error`` (status >= 400, with the status), ``unreachable`` (DNS, refused
    connection, timeout, broken transfer, bad URL), ``too-large`` (``Content-Length`` or the bytes
    read exceed ``max_document_bytes``; the body is never read past the limit).
    """
    try:
        request = urllib.request.Request(url, headers={
            "User-Agent": opts.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, identity"})
    except ValueError as exc:
        return Rejection(url, RejectionReason.UNREACHABLE, f"invalid URL: {exc}")
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler(dict(opts.proxies))]
    if not opts.allow_private_urls:
        refused = refuse_url(url)
        if refused:
            return Rejection(url, RejectionReason.UNREACHABLE, refused)
        handlers.append(PublicRedirects())
    opener = urllib.request.build_opener(*handlers)
    started = time.monotonic()
    try:
        with opener.open(request, timeout=opts.http_timeout) as resp:
            fetched_at = opts.fetched_at()
            headers = {k.lower(): v for k, v in resp.headers.items()}
            limit = _check_length(url, headers, opts.max_document_bytes)
            if isinstance(limit, Rejection):
                return limit
            body = _read_bounded(url, resp, opts, started)
            if isinstance(body, Rejection):
                return body
            final_url = resp.geturl()
            status = resp.status
    except RefusedRedirect as exc:
        return Rejection(url, RejectionReason.UNREACHABLE, f"redirect to {exc.target}: {exc.reason}")
    except urllib.error.HTTPError as exc:
        exc.close()
        return Rejection(url, RejectionReason.HTTP_ERROR, " ".join(f"HTTP {exc.code} {exc.reason}".split()))
    except urllib.error.URLError as exc:
        return Rejection(url, RejectionReason.UNREACHABLE, _describe(exc.reason, opts))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return Rejection(url, RejectionReason.UNREACHABLE, _describe(exc, opts))
    if headers.get("content-encoding", "identity").lower() in ("gzip", "x-gzip"):
        body = _gunzip_bounded(url, body, opts.max_document_bytes)
        if isinstance(body, Rejection):
            return body
    content_type, charset = _parse_content_type(headers.get("content-type", ""))
    logger.debug("fetched %s -> %s (%d bytes, %s)", url, final_url, len(body), content_type)
    return Response(url, final_url, status, content_type, charset, body, fetched_at, headers)


class RefusedRedirect(urllib.error.URLError):
    """A redirect to a host on a private network (see ``addresses.py``)."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(reason)
        self.target = target


class PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects (as urllib does) only to hosts with public addresses."""

    def redirect_request(self, req: urllib.request.Request, fp: object, code: int, msg: str,
                         headers: object, newurl: str) -> urllib.request.Request | None:
        refused = refuse_url(newurl)
        if refused:
            raise RefusedRedirect(newurl, refused)
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _check_length(url: str, headers: dict[str, str], limit: int) -> Rejection | None:
    """Reject a declared ``Content-Length`` over the limit before reading anything."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        return Rejection(url, RejectionReason.TOO_LARGE,
                         f"Content-Length {declared} bytes > limit {limit}")
    return None


def _read_bounded(url: str, resp: http.client.HTTPResponse, opts: IngestOptions,
                  started: float) -> bytes | Rejection:
    """Read at most ``max_document_bytes + 1`` bytes, within about twice the timeout overall."""
    limit = opts.max_document_bytes
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > 2 * opts.http_timeout:
            return Rejection(url, RejectionReason.UNREACHABLE,
                             f"timed out: response took longer than {2 * opts.http_timeout:g}s")
        # read1: whatever one receive brings. read() would keep receiving until the chunk is
        # full, so a server trickling a byte at a time would never reach the deadline check.
        chunk = resp.read1(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return Rejection(url, RejectionReason.TOO_LARGE, f"response exceeds limit {limit} bytes")


def _gunzip_bounded(url: str, body: bytes, limit: int) -> bytes | Rejection:
    """Decompress a gzip body without letting it grow past the limit."""
    inflater = zlib.decompressobj(wbits=47)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        return Rejection(url, RejectionReason.UNREACHABLE, f"corrupt gzip transfer: {exc}")
    if len(data) > limit:
        return Rejection(url, RejectionReason.TOO_LARGE, f"decompressed response exceeds limit {limit} bytes")
    return data


def _parse_content_type(value: str) -> tuple[str, str | None]:
    """Split ``text/html; charset=UTF-8`` into ``("text/html", "UTF-8")``."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset


def _describe(reason: object, opts: IngestOptions) -> str:
    """Return a one-line description of a network failure."""
    if isinstance(reason, TimeoutError):
        return f"timed out after {opts.http_timeout:g}s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = " ".join(str(reason).split())
    if isinstance(reason, str):
        return text or "unknown network error"
    return f"{type(reason).__name__}: {text}" if text else type(reason).__name__


def classify_response(resp: Response) -> Kind | Rejection:
    """Decide whether a response is an HTML page, plain text or a feed (or reject it).

    Binary signatures are checked first, whatever the ``Content-Type`` claims; a feed is recognised
    by its content type or, for generic/missing types, by its root element.
    """
    why = sniff_binary(resp.body)
    if why is not None:
        return Rejection(resp.url, RejectionReason.BINARY, f"{why} (Content-Type {resp.content_type or 'none'})")
    ctype = resp.content_type
    if ctype in FEED_TYPES or looks_like_feed(resp.body):
        return Kind.FEED
    if ctype in _HTML_TYPES:
        return Kind.HTML
    if ctype == "text/plain":
        return Kind.TEXT
    if ctype in _UNTYPED:
        head = resp.body[:8192].decode("utf-8", "ignore")
        return Kind.HTML if looks_like_html(head) else Kind.TEXT
    detail = "XML that is not an RSS/Atom feed" if ctype in _XML_TYPES else f"Content-Type {ctype}"
    return Rejection(resp.url, RejectionReason.UNSUPPORTED, detail)


def document_from_response(resp: Response, kind: Kind, source: str | None = None) -> RawDocument | Rejection:
    """Decode a page response (``Kind.HTML`` or ``Kind.TEXT``) into a RawDocument.

    ``source`` defaults to the requested URL; ``Content-Language`` becomes the language hint.
    """
    if kind is Kind.FEED:
        raise ValueError("a feed response has items, not one document: use iter_feed_documents")
    where = source or resp.url
    text = decode_bytes(resp.body, where, charset=resp.charset, html=kind is Kind.HTML)
    if isinstance(text, Rejection):
        return text
    language = resp.headers.get("content-language", "").split(",")[0].strip() or None
    hints = Metadata(language=language, url=resp.final_url or resp.url, basis={"url": "metadata: fetched address"})
    return RawDocument(source=where, text=text, media_type=kind.value, content_hash=hash_bytes(resp.body),
                       fetched_at=resp.fetched_at, hints=hints)
