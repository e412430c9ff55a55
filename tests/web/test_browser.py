"""The web app in a real browser: Debian's Chromium, headless, driven by Playwright, against a
real uvicorn server on 127.0.0.1. Every request that leaves loopback is aborted and recorded;
each test fails if any was attempted. Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

from typing import Any

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import REPO, TOKEN, LiveServer, web_settings

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts" / "web"
# Without the background-networking flags Chromium phones home at start, which a closed network refuses.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: 'make test' installs Debian's chromium package")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


class Offline:
    """Abort every request that leaves loopback; remember what was attempted."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.attempts.append(url)
            route.abort()  # type: ignore[attr-defined]


@contextmanager
def guarded_page(browser: object, base: str) -> Iterator[object]:
    """Yield a fresh page that may only reach ``base``; fail on any other request, any page error
    (uncaught exception, CSP violation) or any dialog (an alert from an injected script)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    offline = Offline()
    context.route("**/*", offline.route)
    pg = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.base = base  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not offline.attempts, f"requests left loopback: {offline.attempts}"
    assert not dialogs, f"a script opened a dialog: {dialogs}"
    assert not errors, f"browser errors: {errors}"


@pytest.fixture
def page(browser: object, live_server: LiveServer) -> Iterator[object]:
    """A guarded page on the read-only session server."""
    with guarded_page(browser, live_server.url) as pg:
        yield pg


def shot(pg: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def no_injected_code(pg: object) -> None:
    """Assert no script from the data ran and no element from the data's markup exists."""
    assert pg.evaluate("() => window.__xss === undefined")  # type: ignore[attr-defined]
    scripts = pg.evaluate(  # type: ignore[attr-defined]
        "() => Array.from(document.scripts).map(s => s.getAttribute('src') || 'INLINE:' + s.textContent)")
    assert all(s.startswith(("/static/", "/vendor/")) for s in scripts), scripts
    assert pg.locator("img[onerror], [onmouseover]").count() == 0  # type: ignore[attr-defined]




def see_decision_then_undo(pg: Any, base: str, reviewer: str) -> None:
    """On the profile just opened, see the reviewer's decision; then undo it from the review page."""
    pg.wait_for_url(re.compile(r"/entities/"))
    assert reviewer in pg.locator("#decisions").inner_text()
    pg.goto(base + "/review")
    pg.fill("#review-token", TOKEN)
    pg.locator("#judgements button.undo").first.click()
    pg.wait_for_selector("#judgements button.undo", state="detached")

def header_search(pg: Any, query: str) -> Any:
    """Search ``query`` from the header box and return the first entity result's link."""
    pg.fill("header input[name=q]", query)
    pg.press("header input[name=q]", "Enter")
    pg.wait_for_url(re.compile(r"/search\?q="))
    return pg.locator("#entity-results li a").first

def test_walk_overview_search_profile_graph_event_document(page: object) -> None:
    pg = page
    pg.goto(pg.base + "/")  # type: ignore[attr-defined]
    assert pg.locator("h1").inner_text() == "Overview"  # type: ignore[attr-defined]
    assert pg.locator("[data-count=documents]").inner_text() == "13"  # type: ignore[attr-defined]
    assert "Kataib Hezbollah" in pg.locator("#active-groups").inner_text()  # type: ignore[attr-defined]
    assert pg.locator("#latest-events li").count() >= 3  # type: ignore[attr-defined]
    shot(pg, "1-overview")

    # search a transliteration variant from the header box
    first = header_search(pg, "Kata'ib Hizballah")
    assert first.inner_text() == "Kataib Hezbollah"
    shot(pg, "2-search")

    first.click()
    pg.wait_for_url(re.compile(r"/entities/kataib-hezbollah$"))  # type: ignore[attr-defined]
    assert pg.locator("#entity-name").inner_text() == "Kataib Hezbollah"  # type: ignore[attr-defined]
    assert "Kata'ib Hizballah" in pg.locator("#aliases").inner_text()  # type: ignore[attr-defined]
    assert pg.locator("h3.predicate").count() >= 1  # type: ignore[attr-defined]
    assert pg.locator("#timeline li.tl-item").count() >= 3  # type: ignore[attr-defined]
    assert pg.locator("a.evidence-link").count() >= 5  # type: ignore[attr-defined]
    shot(pg, "3-profile")

    # the network around it: cytoscape draws the nodes; clicking one opens its profile
    pg.click("text=network")  # type: ignore[attr-defined]
    pg.wait_for_selector("#graph[data-ready]")  # type: ignore[attr-defined]
    assert int(pg.get_attribute("#graph", "data-ready")) >= 5  # type: ignore[attr-defined]
    assert pg.locator("#graph canvas").count() >= 1  # type: ignore[attr-defined]
    shot(pg, "4-graph")
    pos = pg.evaluate("""() => { const n = window.factiongraphCy.getElementById('kataib-hezbollah');
        const p = n.renderedPosition(); const r = document.getElementById('graph').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; }""")  # type: ignore[attr-defined]
    pg.mouse.click(pos["x"], pos["y"])  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/entities/kataib-hezbollah$"))  # type: ignore[attr-defined]

    # an event from the timeline, with its sources
    pg.locator("#timeline a.event-link").first.click()  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/events/event-"))  # type: ignore[attr-defined]
    assert pg.locator("#event-title").inner_text()  # type: ignore[attr-defined]
    assert "Kataib Hezbollah" in (pg.locator("#actors").inner_text() + pg.locator("#targets").inner_text())  # type: ignore[attr-defined]
    source = pg.locator("#sources a.evidence-link").first  # type: ignore[attr-defined]
    quoted = source.inner_text().strip("“”").rstrip(".…")
    shot(pg, "5-event")

    # the document, scrolled to and highlighting that evidence
    source.click()
    pg.wait_for_url(re.compile(r"/documents/[0-9a-f]+\?start=\d+&end=\d+#hl"))  # type: ignore[attr-defined]
    marked = pg.locator(".doc-text mark.hl")  # type: ignore[attr-defined]
    assert marked.count() >= 1
    highlighted = " ".join("".join(marked.all_inner_texts()).split())
    assert " ".join(quoted.split())[:60] in highlighted
    assert marked.first.is_visible()
    in_view = pg.evaluate("() => { const r = document.getElementById('hl').getBoundingClientRect();"
                          " return r.top >= 0 && r.top < window.innerHeight; }")  # type: ignore[attr-defined]
    assert in_view, "the highlighted evidence is scrolled into view"
    assert pg.locator("a.mention").count() >= 3  # type: ignore[attr-defined]
    assert pg.locator("#claims li").count() >= 1  # type: ignore[attr-defined]
    shot(pg, "6-document")


def test_events_page_draws_the_map_offline(page: object) -> None:
    pg = page
    pg.goto(pg.base + "/events?place=Baghdad")  # type: ignore[attr-defined]
    pg.wait_for_selector("#map[data-ready]")  # type: ignore[attr-defined]
    assert int(pg.get_attribute("#map", "data-ready")) >= 1  # type: ignore[attr-defined]
    pg.wait_for_selector("#map path.leaflet-interactive", state="attached")  # type: ignore[attr-defined]
    assert pg.locator("#map path").count() > 50, "country boundaries drawn from world-atlas"  # type: ignore[attr-defined]
    assert pg.locator("#timeline li.tl-item").count() >= 1  # type: ignore[attr-defined]
    shot(pg, "7-events-map")


def test_document_view_separates_captions_and_comments(page: object, live_server: LiveServer) -> None:
    import json
    from urllib.request import urlopen

    with urlopen(live_server.url + "/api/documents?limit=50") as response:  # noqa: S310 - loopback
        docs = json.load(response)["items"]
    pg = page
    seen = set()
    for d in docs:
        pg.goto(f"{pg.base}/documents/{d['doc_id']}")  # type: ignore[attr-defined]
        comments = pg.locator("section.part-comment")  # type: ignore[attr-defined]
        captions = pg.locator("section.part-caption")  # type: ignore[attr-defined]
        if comments.count():
            assert "reader comment (not part of the article)" in comments.first.inner_text().lower()
            seen.add("comment")
            body = pg.locator("section.part-body").last.bounding_box()  # type: ignore[attr-defined]
            box = comments.first.bounding_box()
            assert box["x"] > body["x"], "comments are indented away from the article body"
            shot(pg, "8-document-comments")
        if captions.count():
            assert captions.first.inner_text().lower().startswith("caption")
            seen.add("caption")
    assert seen == {"comment", "caption"}


def test_markup_in_the_data_never_runs(page: object, live_server: LiveServer) -> None:
    pg = page
    pg.goto(pg.base + "/search?q=Liwa al-Tajriba")  # type: ignore[attr-defined]
    no_injected_code(pg)
    link = pg.locator("#entity-results li a").first  # type: ignore[attr-defined]
    assert "<script>window.__xss='kb'</script>" in link.inner_text(), "the name is shown as text"
    link.click()
    pg.wait_for_url(re.compile(r"/entities/markup-brigade$"))  # type: ignore[attr-defined]
    no_injected_code(pg)
    assert "<img src=x" in pg.locator("#entity-name").inner_text()  # type: ignore[attr-defined]
    shot(pg, "9-markup-profile")
    pg.goto(pg.base + "/graph?events=true")  # type: ignore[attr-defined]
    pg.wait_for_selector("#graph[data-ready]")  # type: ignore[attr-defined]
    no_injected_code(pg)
    pg.goto(pg.base + "/events?actor=markup-brigade")  # type: ignore[attr-defined]
    pg.wait_for_selector("#map[data-ready]")  # type: ignore[attr-defined]
    no_injected_code(pg)
    pg.locator("a.evidence-link, #timeline a.event-link").first.click()  # type: ignore[attr-defined]
    pg.wait_for_load_state()  # type: ignore[attr-defined]
    no_injected_code(pg)
    pg.goto(pg.base + "/search?q=Tajriba")  # type: ignore[attr-defined]
    pg.locator("#document-results a").first.click()  # type: ignore[attr-defined]
    pg.wait_for_url(re.compile(r"/documents/"))  # type: ignore[attr-defined]
    no_injected_code(pg)
    text = pg.locator(".doc-text").inner_text()  # type: ignore[attr-defined]
    assert "<script>window.__xss='body'</script>" in text and "<img src=x onerror=" in text
    assert "<script>" in pg.locator("#doc-title").inner_text()  # type: ignore[attr-defined]
    shot(pg, "10-markup-document")
    pg.goto(pg.base + "/search?q=%3Cscript%3Ewindow.__xss%3D%27q%27%3C%2Fscript%3E")  # type: ignore[attr-defined]
    no_injected_code(pg)


def test_review_queue_records_and_undoes_a_judgement(browser: object, writable_db: Path) -> None:
    from factiongraph.web import create_app

    with LiveServer(create_app(web_settings(writable_db), token=TOKEN)) as server, \
            guarded_page(browser, server.url) as pg:
        pg.goto(server.url + "/review")  # type: ignore[attr-defined]
        assert "No decisions yet." in pg.locator("#judgements").inner_text()  # type: ignore[attr-defined]
        pg.fill("#review-token", TOKEN)  # type: ignore[attr-defined]
        pg.fill("#review-name", "analyst two")  # type: ignore[attr-defined]
        row = pg.locator("#unknown tbody tr").first  # type: ignore[attr-defined]
        name = row.locator("a").inner_text()
        row.locator("button", has_text="not an entity").click()
        pg.wait_for_selector("#judgements button.undo")  # type: ignore[attr-defined]
        decisions = pg.locator("#judgements").inner_text()  # type: ignore[attr-defined]
        assert "user:analyst two" in decisions and "negative" in decisions
        shot(pg, "11-review")
        pg.locator("#unknown tbody tr a", has_text=name).first.click()  # type: ignore[attr-defined]
        see_decision_then_undo(pg, server.url, "user:analyst two")
        assert "No decisions yet." in pg.locator("#judgements").inner_text()  # type: ignore[attr-defined]


def test_offline_guard_catches_a_request_that_leaves_loopback(browser: object, live_server: LiveServer) -> None:
    """The guard the other tests rely on: a page asking for an outside URL is caught."""
    context = browser.new_context()  # type: ignore[attr-defined]
    offline = Offline()
    context.route("**/*", offline.route)
    pg = context.new_page()
    pg.goto(live_server.url + "/")
    with pytest.raises(Exception, match="ERR_FAILED"):
        pg.goto("http://198.51.100.7/tile.png")
    context.close()
    assert offline.attempts == ["http://198.51.100.7/tile.png"]


def test_markup_in_a_reviewers_reason_and_the_map_popup_never_runs(browser: object, writable_db: Path) -> None:
    import json
    from urllib.request import Request, urlopen

    from factiongraph.web import create_app

    reason = "<img src=x onerror=\"window.__xss='reason'\"><script>window.__xss='reason'</script>"
    with LiveServer(create_app(web_settings(writable_db), token=TOKEN)) as server, \
            guarded_page(browser, server.url) as pg:
        body = json.dumps({"left_id": "markup-brigade", "right_id": "kataib-hezbollah", "verdict": "negative",
                           "reason": reason}).encode()
        sent = Request(server.url + "/api/review/judgements", data=body, method="POST",
                       headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        with urlopen(sent) as response:  # noqa: S310 - loopback
            assert response.status == 201
        for path in ("/review", "/entities/markup-brigade", "/entities/kataib-hezbollah"):
            pg.goto(server.url + path)  # type: ignore[attr-defined]
            no_injected_code(pg)
            assert reason in pg.locator("main").inner_text(), path  # type: ignore[attr-defined]
        pg.goto(server.url + "/events?actor=markup-brigade")  # type: ignore[attr-defined]
        pg.wait_for_selector("#map[data-ready]")  # type: ignore[attr-defined]
        # dispatched on the marker itself: a click at its position could land elsewhere while the map pans
        pg.locator('#map path[fill="#e74c3c"]').first.dispatch_event("click")  # type: ignore[attr-defined]
        popup = pg.locator(".leaflet-popup-content")  # type: ignore[attr-defined]
        popup.wait_for()
        assert popup.locator("a").count() == 1 and popup.locator("a").get_attribute("href").startswith("/events/")
        no_injected_code(pg)
        shot(pg, "12-markup-review-and-popup")


# Written for this test: a group no knowledge base knows, in an invented incident.
UPLOADED = ("Rocket attack near Balad claimed by new group\n\n"
            "BAGHDAD (Test Wire) - A little-known armed group calling itself Saraya Rijal al-Fajr claimed "
            "responsibility for a rocket attack on an army base near Balad on Tuesday, a police officer told "
            "Test Wire. Saraya Rijal al-Fajr said in a statement that more attacks would follow.\n")


def test_upload_a_file_then_find_its_entity_in_search(browser: object, writable_db: Path, tmp_path: Path) -> None:
    from factiongraph.web import create_app

    article = tmp_path / "balad attack.txt"
    article.write_text(UPLOADED, encoding="utf-8")
    with LiveServer(create_app(web_settings(writable_db), token=TOKEN)) as server, \
            guarded_page(browser, server.url) as pg:
        pg.goto(server.url + "/")  # type: ignore[attr-defined]
        pg.click("header nav a:has-text('Upload')")  # type: ignore[attr-defined]
        pg.wait_for_url(re.compile(r"/upload$"))  # type: ignore[attr-defined]
        pg.fill("#upload-token", TOKEN)  # type: ignore[attr-defined]
        pg.set_input_files("#upload-file", str(article))  # type: ignore[attr-defined]
        shot(pg, "13-upload")
        pg.click("#upload-send")  # type: ignore[attr-defined]
        pg.wait_for_url(re.compile(r"/upload/[0-9a-f]{64}$"), timeout=120_000)  # type: ignore[attr-defined]
        found = pg.locator("#result-entities a", has_text="Saraya Rijal al-Fajr")  # type: ignore[attr-defined]
        assert found.count() == 1
        assert "new" in pg.locator("#result-entities tr", has_text="Saraya Rijal al-Fajr").inner_text()  # type: ignore[attr-defined]
        assert "balad attack.txt" in pg.locator(".meta").inner_text()  # type: ignore[attr-defined]
        shot(pg, "14-upload-result")

        # the new group is in the store: search a spelling of it from the header box
        hit = header_search(pg, "Saraya Rijal al Fajr")
        assert hit.inner_text() == "Saraya Rijal al-Fajr"
        hit.click()
        pg.wait_for_url(re.compile(r"/entities/"))  # type: ignore[attr-defined]
        assert pg.locator("#entity-name").inner_text() == "Saraya Rijal al-Fajr"  # type: ignore[attr-defined]
        shot(pg, "15-uploaded-entity")


SPLIT_ROW = "#splits tbody tr:has(td:first-child a:text-is('Nabil Fadhil Zuhair'))"


def test_review_queue_splits_an_entity_and_undoes_it(browser: object, writable_db: Path) -> None:
    from factiongraph.web import create_app

    with LiveServer(create_app(web_settings(writable_db), token=TOKEN)) as server, \
            guarded_page(browser, server.url) as pg:
        pg.goto(server.url + "/review")  # type: ignore[attr-defined]
        pg.fill("#review-token", TOKEN)  # type: ignore[attr-defined]
        pg.fill("#review-name", "analyst six")  # type: ignore[attr-defined]
        row = pg.locator(SPLIT_ROW)  # type: ignore[attr-defined]
        assert "shared" in row.inner_text() and "Zuhair" in row.inner_text()
        row.locator("button", has_text="split").click()
        pg.wait_for_selector("#judgements button.undo")  # type: ignore[attr-defined]
        decisions = pg.locator("#judgements").inner_text()  # type: ignore[attr-defined]
        assert "user:analyst six" in decisions and "Zuhair split off Nabil Fadhil Zuhair" in decisions
        assert pg.locator(SPLIT_ROW).count() == 0  # type: ignore[attr-defined]
        shot(pg, "16-review-split")
        pg.locator("#judgements a", has_text="Nabil Fadhil Zuhair").first.click()  # type: ignore[attr-defined]
        see_decision_then_undo(pg, server.url, "user:analyst six")
        pg.wait_for_selector(SPLIT_ROW)  # type: ignore[attr-defined]  # the queue is drawn again after the undo
        assert pg.locator(SPLIT_ROW).count() == 1  # type: ignore[attr-defined]
