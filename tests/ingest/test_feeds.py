"""Feeds read from local files (offline) and served over loopback HTTP (network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.model.document import DatePrecision
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import FIXTURES, FROZEN, split_results


def test_local_atom_feed_without_links_uses_item_content() -> None:
    path = str(FIXTURES / "offline.atom")
    docs, rejections = split_results(list(iter_inputs([path], IngestOptions())))
    assert rejections == []
    first, second = docs
    assert (first.source, second.source) == (f"{path}#0", f"{path}#1")
    assert first.media_type == "text/html" and "education directorate" in first.text
    assert first.hints.title == "School term starts late in three districts"
    assert first.hints.author == "Sara Nouri"
    assert (first.hints.published, first.hints.published_precision) == ("2024-11-19", DatePrecision.DAY)
    assert first.hints.published_basis == "metadata: feed pubDate"
    assert second.media_type == "text/plain"
    assert second.hints.published_basis == "metadata: feed updated"
    assert first.fetched_at is None


def test_local_xml_that_is_not_a_feed_is_bad_feed(tmp_path: Path) -> None:
    (tmp_path / "stock.xml").write_text("this is not xml at all", encoding="utf-8")
    [rejection] = iter_inputs([str(tmp_path / "stock.xml")], IngestOptions())
    assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.BAD_FEED


def test_feed_without_items_is_empty() -> None:
    [rejection] = iter_inputs([str(FIXTURES / "empty.rss")], IngestOptions())
    assert isinstance(rejection, Rejection) and rejection.reason is RejectionReason.EMPTY


@pytest.mark.network
def test_rss_feed_over_http_fetches_item_pages_and_falls_back(http_base: str, opts: IngestOptions) -> None:
    docs, rejections = split_results(list(iter_inputs([f"{http_base}/feed.rss"], opts)))
    assert rejections == []
    assert [d.source for d in docs] == [f"{http_base}/items/one.html", f"{http_base}/items/two.html",
                                        f"{http_base}/items/gone.html"]
    one, two, gone = docs
    assert one.media_type == "text/html" and "covered market in the old quarter" in one.text
    assert one.content_hash == hash_bytes((FIXTURES / "items/one.html").read_bytes())
    assert one.hints.title == "Council reopens market after repairs"
    assert one.hints.author == "Layla Haddad"
    # the local date as written in pubDate (01:30 +0300 on the 6th is still the 6th)
    assert (one.hints.published, one.hints.published_precision) == ("2025-01-06", DatePrecision.DAY)
    assert one.hints.published_basis == "metadata: feed pubDate"
    assert one.hints.language == "en"
    assert one.fetched_at == "2025-01-07T09:30:00Z" == FROZEN.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert two.hints.published == "2025-01-05"
    # /items/gone.html is a 404: the item's description stands in, as HTML
    assert gone.media_type == "text/html" and "rolling power cuts" in gone.text
    assert gone.hints.title == "Power cuts expected during maintenance"


@pytest.mark.network
def test_atom_feed_over_http_resolves_relative_links(http_base: str, opts: IngestOptions) -> None:
    url = f"{http_base}/feed.atom"
    docs, rejections = split_results(list(iter_inputs([url], opts)))
    assert rejections == []
    assert [d.source for d in docs] == [f"{http_base}/items/one.html", f"{http_base}/items/two.html", f"{url}#2"]
    assert docs[0].hints.author == "Omar Saleh"
    assert docs[0].hints.published == "2025-02-02"  # <published> wins over <updated>
    assert docs[1].hints.published_basis == "metadata: feed updated"
    assert "road repairs would be doubled" in docs[2].text


@pytest.mark.network
def test_feed_is_sniffed_when_served_untyped(http_base: str, opts: IngestOptions) -> None:
    docs, _ = split_results(list(iter_inputs([f"{http_base}/feed-untyped"], opts)))
    assert len(docs) == 3


@pytest.mark.network
def test_local_feed_file_linking_to_the_server(http_base: str, opts: IngestOptions, tmp_path: Path) -> None:
    feed = (FIXTURES / "feed.rss").read_text(encoding="utf-8").replace("__BASE__", http_base)
    (tmp_path / "saved.rss").write_text(feed, encoding="utf-8")
    docs, _ = split_results(list(iter_inputs([str(tmp_path / "saved.rss")], opts)))
    assert [d.fetched_at for d in docs] == ["2025-01-07T09:30:00Z", "2025-01-07T09:30:00Z", None]


@pytest.mark.network
@pytest.mark.parametrize(("path", "reason"), [
    ("/bad-feed.rss", RejectionReason.BAD_FEED),
    ("/empty-feed.rss", RejectionReason.EMPTY),
])
def test_broken_feeds_over_http(http_base: str, opts: IngestOptions, path: str, reason: RejectionReason) -> None:
    [rejection] = iter_inputs([f"{http_base}{path}"], opts)
    assert isinstance(rejection, Rejection) and rejection.reason is reason
