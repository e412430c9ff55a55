"""One ingest run over the whole hostile corpus (files and a misbehaving loopback server).

Each input is stored or rejected with its reason, the run goes on to the end, the summary counts
the rejections by reason, and what is stored is sound: every mention and evidence span is the
text it claims to be, and no local file named by hostile XML was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factiongraph.model import Event, Quote, Rejection, Relation
from factiongraph.pipeline import Pipeline, RunSummary
from factiongraph.resolve.keys import make_key
from factiongraph.settings import Settings
from factiongraph.store import open_store
from factiongraph.store.sqlite import SQLiteStore

from .factory import LEAD, SECRET, HostileServer, base_url, hostile_server, write_hostile_files, xxe_feed

pytestmark = [pytest.mark.slow, pytest.mark.network]

URLS = {  # path on the hostile server -> expected reason (None: stored)
    "/page.html": None, "/xxe.rss": None, "/bomb.html": "too-large", "/drip.html": "unreachable",
    "/stall.html": "unreachable", "/hop/0": "http-error", "/loop": "http-error", "/to-file": "http-error",
    "/huge.rss": "too-large",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileServer]:
    with hostile_server(tmp_path_factory.mktemp("secret") / "secret.txt", Settings().max_document_bytes,
                        stall_seconds=5.0) as running:
        yield running


@pytest.fixture(scope="module")
def run(server: HostileServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[RunSummary, SQLiteStore]:
    folder = tmp_path_factory.mktemp("hostile-run")
    write_hostile_files(folder)
    (folder / "xxe-local.rss").write_text(xxe_feed(server.secret_path, base_url(server) + "/probe"), encoding="utf-8")
    (folder / "long.txt").write_text((LEAD + " ") * 400 + "\n", encoding="utf-8")  # ~38,000 characters
    settings = Settings(db=str(folder / "s.db"), http_timeout=2.0, max_text_chars=20_000, allow_private_urls=True)
    store = open_store(settings.db, key_fn=make_key)
    specs = [str(folder), *(base_url(server) + path for path in URLS)]
    return Pipeline(settings).run(specs, store), store


def test_every_hostile_input_is_stored_or_rejected_with_its_reason(run: tuple[RunSummary, SQLiteStore]) -> None:
    summary, _ = run
    expected = {"too-large": 4, "undecodable": 1, "malformed": 1, "unreachable": 2, "http-error": 3, "empty": 1}
    assert summary.rejected_by_reason() == expected, [r.line() for r in summary.rejections]
    by_source = {r.source.rsplit("/", 1)[-1]: r.reason.value for r in summary.rejections}
    assert by_source["fifty-megabytes.txt"] == "too-large" and by_source["long.txt"] == "too-large"
    assert by_source["deep-10000.html"] == "malformed" and by_source["arabic-1256-undeclared.txt"] == "undecodable"
    assert all(isinstance(r, Rejection) and r.detail for r in summary.rejections)


def test_the_rest_is_stored_and_every_span_is_its_text(run: tuple[RunSummary, SQLiteStore]) -> None:
    summary, store = run
    # 6 good files, 1 + 200 feed items, the two XXE feeds' items, the good page; the laughs feed's item
    assert summary.stored + summary.duplicates >= 210
    texts = {d.doc_id: d.text for d in store.iter_documents()}
    assert all(SECRET not in t for t in texts.values())
    for mention in store.iter_mentions():
        assert texts[mention.doc_id][mention.start:mention.end] == mention.text
    claims: list[Event | Relation | Quote] = [*store.iter_events(), *store.iter_relations(), *store.iter_quotes()]
    for claim in claims:
        for ev in claim.evidence:
            assert texts[ev.doc_id][ev.start:ev.end] == ev.text


def test_no_external_entity_or_dtd_was_fetched(run: tuple[RunSummary, SQLiteStore], server: HostileServer) -> None:
    assert "/xxe.rss" in server.hits
    assert [h for h in server.hits if h.startswith("/probe/")] == []
