"""Hostile input at the ingest stage: every case is read correctly or rejected with its reason,
within the size limit and the timeout.

The inputs are built by the test (tests/factory.py); the network cases hit a misbehaving server on
127.0.0.1. Memory is measured with tracemalloc (what Python allocated), never time.
"""

from __future__ import annotations

import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from factiongraph.ingest import IngestOptions, iter_inputs
from factiongraph.ingest.fetch import fetch_url
from factiongraph.model import RawDocument, Rejection, RejectionReason

from ..factory import (
    ARABIC,
    BOMB_FACTOR,
    DRIP_BYTES,
    DRIP_INTERVAL,
    LEAD,
    SECRET,
    HostileServer,
    base_url,
    hostile_server,
    write_hostile_files,
)
from .factory import FROZEN

pytestmark = pytest.mark.network

LIMIT = 2_000_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileServer]:
    with hostile_server(tmp_path_factory.mktemp("secret") / "secret.txt", LIMIT) as running:
        yield running


@pytest.fixture
def hostile_opts() -> IngestOptions:
    return IngestOptions(max_document_bytes=LIMIT, http_timeout=1.0, user_agent="factiongraph-test/1",
                         allow_private_urls=True, clock=lambda: FROZEN)


def one(items: list[RawDocument | Rejection]) -> RawDocument | Rejection:
    assert len(items) == 1, items
    return items[0]


def test_gzip_bomb_is_too_large_and_never_inflated_in_full(server: HostileServer, hostile_opts: IngestOptions) -> None:
    bomb = server.bomb()
    inflated = len(zlib.decompressobj(wbits=31).decompress(bomb))
    assert inflated >= 20 * LIMIT and inflated / len(bomb) >= BOMB_FACTOR * 0.9
    tracemalloc.start()
    try:
        got = fetch_url(base_url(server) + "/bomb.html", hostile_opts)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(got, Rejection) and got.reason is RejectionReason.TOO_LARGE
    assert "decompressed" in got.detail
    assert peak < 3 * LIMIT + len(bomb)  # the limit plus the transfer, never the 40 MB it inflates to


def test_server_trickling_a_page_is_cut_off(server: HostileServer, hostile_opts: IngestOptions) -> None:
    before = len(server.drips)
    got = fetch_url(base_url(server) + "/drip.html", hostile_opts)
    assert isinstance(got, Rejection) and got.reason is RejectionReason.UNREACHABLE and "timed out" in got.detail
    for _ in range(2 * DRIP_BYTES):  # the handler notices the hang-up at its next write
        if len(server.drips) > before:
            break
        time.sleep(DRIP_INTERVAL)
    assert server.drips[-1] < DRIP_BYTES  # the client hung up; it did not wait for the server to finish


def test_server_that_never_answers_times_out(server: HostileServer, hostile_opts: IngestOptions) -> None:
    got = fetch_url(base_url(server) + "/stall.html", hostile_opts)
    assert isinstance(got, Rejection) and got.reason is RejectionReason.UNREACHABLE and "timed out" in got.detail


@pytest.mark.parametrize("path", ["/hop/0", "/loop"])
def test_endless_redirects_are_refused(server: HostileServer, hostile_opts: IngestOptions, path: str) -> None:
    before = len(server.hits)
    got = fetch_url(base_url(server) + path, hostile_opts)
    assert isinstance(got, Rejection) and got.reason is RejectionReason.HTTP_ERROR
    assert len(server.hits) - before <= 11  # urllib's own bound: 10 redirects


def test_redirect_to_a_local_file_is_refused(server: HostileServer, hostile_opts: IngestOptions) -> None:
    got = fetch_url(base_url(server) + "/to-file", hostile_opts)
    assert isinstance(got, Rejection) and got.reason is RejectionReason.HTTP_ERROR
    assert SECRET not in got.detail


def test_feed_with_external_entities_resolves_none(server: HostileServer, hostile_opts: IngestOptions) -> None:
    items = list(iter_inputs([base_url(server) + "/xxe.rss"], hostile_opts))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert docs, items  # the item is read ...
    assert all(SECRET not in d.text and SECRET not in (d.hints.title or "") for d in docs)  # ... not the file
    assert not [h for h in server.hits if h.startswith("/probe/")]  # no entity or DTD was fetched


def test_feed_over_the_size_limit_is_too_large(server: HostileServer, hostile_opts: IngestOptions) -> None:
    got = one(list(iter_inputs([base_url(server) + "/huge.rss"], hostile_opts)))
    assert isinstance(got, Rejection) and got.reason is RejectionReason.TOO_LARGE


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile_files(folder)
    return folder


def read(path: Path) -> list[RawDocument | Rejection]:
    return list(iter_inputs([str(path)], IngestOptions()))


def test_fifty_megabyte_text_is_rejected_unread(hostile_files: Path) -> None:
    tracemalloc.start()
    try:
        got = one(read(hostile_files / "fifty-megabytes.txt"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(got, Rejection) and got.reason is RejectionReason.TOO_LARGE
    assert peak < 1_000_000


def test_utf16_with_bom_is_decoded(hostile_files: Path) -> None:
    got = one(read(hostile_files / "utf16-bom.txt"))
    assert isinstance(got, RawDocument) and got.text.startswith(LEAD)


def test_windows_1256_arabic_is_decoded_when_declared_and_refused_when_not(hostile_files: Path) -> None:
    page = one(read(hostile_files / "arabic-1256.html"))
    assert isinstance(page, RawDocument) and ARABIC in page.text
    bare = one(read(hostile_files / "arabic-1256-undeclared.txt"))
    assert isinstance(bare, Rejection) and bare.reason is RejectionReason.UNDECODABLE  # never guessed


@pytest.mark.parametrize("name", ["rtl-ltr.txt", "emoji.txt"])
def test_bidi_controls_and_emoji_arrive_unchanged(hostile_files: Path, name: str) -> None:
    got = one(read(hostile_files / name))
    assert isinstance(got, RawDocument)
    assert got.text == (hostile_files / name).read_text(encoding="utf-8")


def test_entity_expansion_bomb_is_bounded(hostile_files: Path) -> None:
    tracemalloc.start()
    try:
        items = read(hostile_files / "laughs.rss")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    texts = [i.text for i in items if isinstance(i, RawDocument)]
    assert all(len(t) < 10_000 for t in texts), [len(t) for t in texts]  # a billion "ha"s were never made
    assert peak < 50_000_000


def test_malformed_feed_gives_what_it_holds(hostile_files: Path) -> None:
    items = read(hostile_files / "malformed.rss")
    assert any(isinstance(i, RawDocument) and LEAD in i.text for i in items)
    assert all(isinstance(i, RawDocument) or i.reason is RejectionReason.EMPTY for i in items)


def test_feed_with_many_items_gives_one_document_each(hostile_files: Path) -> None:
    items = read(hostile_files / "many-items.rss")
    assert len(items) == 200 and all(isinstance(i, RawDocument) for i in items)
