"""Server-side request forgery: by default ingest fetches nothing from loopback, private or
link-local addresses, neither directly, nor through a feed's item links, nor through a redirect."""

from __future__ import annotations

import ipaddress
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.ingest.addresses import describe_address, refuse_url
from factiongraph.ingest.fetch import PublicRedirects, RefusedRedirect, fetch_url
from factiongraph.model.rejection import Rejection, RejectionReason


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"), ("100.64.0.1", "non-public"), ("240.0.0.1", "private"),
])
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    assert describe_address(ipaddress.ip_address(address)) == kind
    assert refuse_url(f"http://{address if ':' not in address else '[' + address + ']'}/x")


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert describe_address(ipaddress.ip_address(address)) is None


def test_localhost_by_name_is_refused() -> None:
    assert "loopback" in (refuse_url("http://localhost:8080/feed.rss") or "")


def test_a_loopback_url_is_refused_unless_allowed(http_base: str, opts: IngestOptions) -> None:
    refused = fetch_url(f"{http_base}/article.html", IngestOptions())
    assert isinstance(refused, Rejection) and refused.reason is RejectionReason.UNREACHABLE
    assert "loopback" in refused.detail and "allow_private_urls" in refused.detail
    assert not isinstance(fetch_url(f"{http_base}/article.html", opts), Rejection), "allowed when opted in"


def test_feed_item_links_to_private_hosts_are_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>"
        "<item><title>router</title><link>http://192.168.0.1/admin</link></item>"
        "</channel></rss>", encoding="utf-8")
    items = list(iter_inputs([str(feed)], IngestOptions(http_timeout=2.0)))
    details = [i.detail for i in items if isinstance(i, Rejection)]
    assert any("link-local" in d for d in details) and any("private" in d for d in details), items


def test_a_redirect_to_a_private_host_is_refused() -> None:
    handler = PublicRedirects()
    request = urllib.request.Request("http://93.184.215.14/page")
    with pytest.raises(RefusedRedirect, match="link-local"):
        handler.redirect_request(request, None, 302, "Found", Message(), "http://169.254.169.254/latest/")
    follow = handler.redirect_request(request, None, 302, "Found", Message(), "http://93.184.215.14/other")
    assert follow is not None and follow.full_url == "http://93.184.215.14/other"
