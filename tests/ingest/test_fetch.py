"""Pages over a real HTTP server on 127.0.0.1: success, redirects, errors, limits, charsets."""

from __future__ import annotations

import time

import pytest

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.ingest.fetch import Response, fetch_url
from factiongraph.model.document import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import ARABIC, BIG_BYTES, FIXTURES, SLOW_SECONDS

pytestmark = pytest.mark.network


def fetch_one(url: str, opts: IngestOptions) -> RawDocument | Rejection:
    """Ingest one URL that must yield exactly one item."""
    items = list(iter_inputs([url], opts))
    assert len(items) == 1, items
    return items[0]


def expect_rejection(url: str, opts: IngestOptions, reason: RejectionReason) -> Rejection:
    """Ingest ``url`` and check it is rejected for ``reason``."""
    item = fetch_one(url, opts)
    assert isinstance(item, Rejection), item
    assert item.reason is reason, item.line()
    assert item.source == url and "\n" not in item.detail
    return item


def test_page_is_fetched_with_hash_time_and_type(http_base: str, opts: IngestOptions) -> None:
    url = f"{http_base}/article.html"
    doc = fetch_one(url, opts)
    assert isinstance(doc, RawDocument)
    assert doc.source == url
    assert doc.media_type == "text/html"
    assert doc.content_hash == hash_bytes((FIXTURES / "article.html").read_bytes())
    assert doc.fetched_at == "2025-01-07T09:30:00Z"
    assert "river crossing" in doc.text


def test_plain_text_and_untyped_pages(http_base: str, opts: IngestOptions) -> None:
    text = fetch_one(f"{http_base}/notes.txt", opts)
    assert isinstance(text, RawDocument) and text.media_type == "text/plain"
    untyped = fetch_one(f"{http_base}/untyped-page", opts)
    assert isinstance(untyped, RawDocument) and untyped.media_type == "text/html"


def test_redirect_is_followed_and_source_stays_as_given(http_base: str, opts: IngestOptions) -> None:
    url = f"{http_base}/redirect"
    doc = fetch_one(url, opts)
    assert isinstance(doc, RawDocument) and doc.source == url and "river crossing" in doc.text
    resp = fetch_url(url, opts)
    assert isinstance(resp, Response) and resp.final_url == f"{http_base}/article.html"


def test_redirect_loop_is_an_http_error(http_base: str, opts: IngestOptions) -> None:
    expect_rejection(f"{http_base}/redirect-loop", opts, RejectionReason.HTTP_ERROR)


def test_user_agent_is_sent(http_base: str, opts: IngestOptions) -> None:
    doc = fetch_one(f"{http_base}/ua", opts)
    assert isinstance(doc, RawDocument) and doc.text == "factiongraph-test/1"


@pytest.mark.parametrize(("path", "status"), [("/nothing-here", "404"), ("/boom", "500")])
def test_error_status_is_http_error(http_base: str, opts: IngestOptions, path: str, status: str) -> None:
    rejection = expect_rejection(f"{http_base}{path}", opts, RejectionReason.HTTP_ERROR)
    assert status in rejection.detail


def test_closed_port_is_unreachable(closed_port: int, opts: IngestOptions) -> None:
    rejection = expect_rejection(f"http://127.0.0.1:{closed_port}/x.html", opts, RejectionReason.UNREACHABLE)
    assert "refused" in rejection.detail


def test_bad_host_name_is_unreachable(opts: IngestOptions) -> None:
    # ".invalid" is reserved (RFC 2606) and never resolves, so no DNS server is needed to fail
    expect_rejection("http://no-such-host.invalid/", opts, RejectionReason.UNREACHABLE)


def test_slow_server_times_out_quickly(http_base: str) -> None:
    opts = IngestOptions(http_timeout=0.5, allow_private_urls=True)
    started = time.monotonic()
    rejection = expect_rejection(f"{http_base}/slow", opts, RejectionReason.UNREACHABLE)
    assert time.monotonic() - started < SLOW_SECONDS - 2
    assert "timed out" in rejection.detail


@pytest.mark.parametrize("path", ["/image.png", "/fake.html"])
def test_binary_response_is_binary(http_base: str, opts: IngestOptions, path: str) -> None:
    rejection = expect_rejection(f"{http_base}{path}", opts, RejectionReason.BINARY)
    assert "PNG" in rejection.detail


@pytest.mark.parametrize("path", ["/video", "/data.xml"])
def test_unsupported_content_type(http_base: str, opts: IngestOptions, path: str) -> None:
    expect_rejection(f"{http_base}{path}", opts, RejectionReason.UNSUPPORTED)


@pytest.mark.parametrize(("path", "hint"), [("/big", "Content-Length"), ("/big-undeclared", "exceeds")])
def test_oversized_response_is_too_large(http_base: str, path: str, hint: str) -> None:
    opts = IngestOptions(max_document_bytes=BIG_BYTES // 2, allow_private_urls=True)
    rejection = expect_rejection(f"{http_base}{path}", opts, RejectionReason.TOO_LARGE)
    assert hint in rejection.detail
    ok = fetch_one(f"{http_base}{path}", IngestOptions(max_document_bytes=BIG_BYTES, allow_private_urls=True))
    assert isinstance(ok, RawDocument)


def test_header_charset_is_honoured(http_base: str, opts: IngestOptions) -> None:
    doc = fetch_one(f"{http_base}/arabic.html", opts)
    assert isinstance(doc, RawDocument) and ARABIC in doc.text


def test_meta_charset_is_honoured(http_base: str, opts: IngestOptions) -> None:
    doc = fetch_one(f"{http_base}/latin1-meta.html", opts)
    assert isinstance(doc, RawDocument) and "Caf\u00e9 na\u00efve r\u00e9sum\u00e9" in doc.text


@pytest.mark.parametrize(("path", "reason"), [("/garbage.txt", RejectionReason.UNDECODABLE),
                                              ("/blank.txt", RejectionReason.EMPTY)])
def test_undecodable_and_blank_responses(http_base: str, opts: IngestOptions, path: str,
                                         reason: RejectionReason) -> None:
    expect_rejection(f"{http_base}{path}", opts, reason)


def test_gzip_transfer_is_decoded(http_base: str, opts: IngestOptions) -> None:
    doc = fetch_one(f"{http_base}/gzip.html", opts)
    assert isinstance(doc, RawDocument) and "river crossing" in doc.text
    assert doc.content_hash == hash_bytes((FIXTURES / "article.html").read_bytes())


@pytest.mark.parametrize("url", ["http://", "https://[::1/page"])
def test_malformed_urls_are_unreachable(url: str, opts: IngestOptions) -> None:
    rejection = expect_rejection(url, opts, RejectionReason.UNREACHABLE)
    assert "str:" not in rejection.detail
