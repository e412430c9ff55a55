"""A real HTTP server on 127.0.0.1 serving hand-written fixtures, for the ingest network tests.

Fixture bodies may contain ``__BASE__``, replaced by the server's own ``http://127.0.0.1:<port>``
so feed items can link back to pages on the same server.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factiongraph.ingest import IngestOptions

from .factory import ARABIC, BIG_BYTES, FIXTURES, FROZEN, PNG_BYTES, SLOW_SECONDS

# path -> (content type or None, fixture file name or literal body)
ROUTES: dict[str, tuple[str | None, str | bytes]] = {
    "/article.html": ("text/html; charset=utf-8", "article.html"),
    "/items/one.html": ("text/html; charset=utf-8", "items/one.html"),
    "/items/two.html": ("text/html", "items/two.html"),
    "/feed.rss": ("application/rss+xml", "feed.rss"),
    "/feed.atom": ("application/atom+xml; charset=utf-8", "feed.atom"),
    "/feed-untyped": ("application/octet-stream", "feed.rss"),
    "/empty-feed.rss": ("application/rss+xml", "empty.rss"),
    "/bad-feed.rss": ("application/rss+xml", b"<<< this is not a feed at all >>>"),
    "/notes.txt": ("text/plain; charset=utf-8", "notes.txt"),
    "/untyped-page": (None, "article.html"),
    "/image.png": ("image/png", PNG_BYTES),
    "/fake.html": ("text/html", PNG_BYTES),
    "/video": ("video/mp4", b"definitely a video, honest"),
    "/data.xml": ("application/xml", b"<?xml version='1.0'?><inventory><item>bolts</item></inventory>"),
    "/arabic.html": ("text/html; charset=windows-1256",
                     f"<html><body><p>{ARABIC}</p></body></html>".encode("cp1256")),
    "/latin1-meta.html": ("text/html", "<html><head><meta charset='iso-8859-1'></head>"
                          "<body><p>Caf\xe9 na\xefve r\xe9sum\xe9</p></body></html>".encode("latin-1")),
    "/garbage.txt": ("text/plain", "caf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1")),
    "/blank.txt": ("text/plain", b"   \n\t  \n"),
}


class FixtureHandler(BaseHTTPRequestHandler):
    """Serve ROUTES plus a few special paths; everything else is a 404."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Keep test output quiet."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Answer one GET."""
        base = f"http://127.0.0.1:{self.server.server_port}"  # type: ignore[attr-defined]
        path = self.path.split("?")[0]
        if path == "/redirect":
            self._send(302, None, b"", {"Location": "/article.html"})
        elif path == "/redirect-loop":
            self._send(302, None, b"", {"Location": "/redirect-loop"})
        elif path == "/boom":
            self._send(500, "text/plain", b"internal error")
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, "text/plain", b"finally")
        elif path == "/big":
            self._send(200, "text/plain", b"word " * (BIG_BYTES // 5))
        elif path == "/big-undeclared":
            self._send(200, "text/plain", b"word " * (BIG_BYTES // 5), length=False)
        elif path == "/gzip.html":
            body = gzip.compress((FIXTURES / "article.html").read_bytes())
            self._send(200, "text/html; charset=utf-8", body, {"Content-Encoding": "gzip"})
        elif path == "/ua":
            self._send(200, "text/plain", self.headers.get("User-Agent", "").encode())
        elif path in ROUTES:
            ctype, spec = ROUTES[path]
            if isinstance(spec, str):
                spec = (FIXTURES / spec).read_bytes().replace(b"__BASE__", base.encode())
            self._send(200, ctype, spec)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, ctype: str | None, body: bytes, headers: dict[str, str] | None = None,
              *, length: bool = True) -> None:
        """Write a whole response (HTTP/1.0, so the connection closes after it)."""
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        # the client may give up (size limit, timeout): expected in some tests
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    """Start the fixture server on a free loopback port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """Return a loopback port that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def opts() -> IngestOptions:
    """Options with a frozen clock and a short timeout, allowed to fetch from the loopback server."""
    return IngestOptions(max_document_bytes=5_000_000, http_timeout=5.0, user_agent="factiongraph-test/1",
                         allow_private_urls=True, clock=lambda: FROZEN)
