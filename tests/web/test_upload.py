"""The upload page and ``POST /api/documents``: a file's text or a URL is ingested with the token,
refused without it; size limits and the private-address guard hold; the result page links
what was extracted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from tests.web.conftest import TOKEN, web_settings

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Written for this test: a group the knowledge base does not know, in an invented incident.
ARTICLE = ("Rocket attack near Balad claimed by new group\n\n"
           "BAGHDAD (Test Wire) - A little-known armed group calling itself Saraya Rijal al-Fajr claimed "
           "responsibility for a rocket attack on an army base near Balad on Tuesday, a police officer told "
           "Test Wire. Saraya Rijal al-Fajr said in a statement that more attacks would follow.\n")
HTML = ("<html><head><title>Drone strike near Qaim</title></head><body><article><h1>Drone strike near Qaim</h1>"
        "<p>A drone struck a vehicle carrying members of Kataib Hezbollah near al-Qaim on Friday, two security "
        "officials said.</p><p>The group blamed the United States for the strike.</p></article></body></html>")


class _Article(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        body = HTML.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def article_server() -> Iterator[str]:
    """Serve one HTML article on 127.0.0.1 (a private address: the guard refuses it by default)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Article)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/qaim.html"
    server.shutdown()
    server.server_close()


def post(client: TestClient, body: dict[str, Any], status: int = 201) -> Any:
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    return response.json()


def test_upload_page_only_with_a_token(web_db: Path) -> None:
    with TestClient(create_app(web_settings(web_db))) as c:
        page = c.get("/upload").text
        assert "read-only" in page and 'id="upload-form"' not in page and 'href="/upload"' not in page
        assert c.post("/api/documents", json={"text": ARTICLE}).status_code == 403
    with TestClient(create_app(web_settings(web_db), token=TOKEN)) as c:
        page = c.get("/upload").text
        assert 'id="upload-form"' in page and 'type="file"' in page and 'type="url"' in page
        assert 'href="/upload"' in c.get("/").text
        assert c.post("/api/documents", json={"text": ARTICLE}).status_code == 401


def test_uploaded_file_is_ingested_and_its_result_page_links_what_was_found(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        done = post(c, {"text": ARTICLE, "filename": "balad attack.txt"})
        assert done["stored"] == 1 and done["doc_id"] and done["result_url"] == f"/upload/{done['doc_id']}"
        extracted = c.get(f"/api/documents/{done['doc_id']}/extracted").json()
        assert extracted["document"]["source"].endswith("/balad attack.txt")
        group = [e for e in extracted["entities"] if e["name"] == "Saraya Rijal al-Fajr"]
        assert group and not group[0]["in_kb"] and group[0]["mentions"] == 2
        page = c.get(done["result_url"]).text
        assert f'href="{group[0]["url"]}">Saraya Rijal al-Fajr</a> <span class="badge">new</span>' in page
        assert f'href="/documents/{done["doc_id"]}"' in page
        again = post(c, {"text": ARTICLE, "filename": "same bytes.txt"})
        assert again["stored"] == 0 and again["duplicates"] == 1 and again["doc_id"] == done["doc_id"]
        assert 'id="result-already"' in c.get(again["result_url"] + "?already=1").text
        assert 'id="result-already"' not in page
        hits = c.get("/api/search?kind=entities&q=Saraya Rijal al Fajr").json()["entities"]["items"]
        assert [h["entity_id"] for h in hits] == [group[0]["entity_id"]]


def test_an_html_file_is_read_as_html(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        done = post(c, {"text": HTML, "filename": "qaim.html"})
        document = c.get(f"/api/documents/{done['doc_id']}").json()["document"]
        assert document["title"] == "Drone strike near Qaim" and "<p>" not in document["text"]


def test_url_upload_respects_the_private_address_guard(writable_db: Path, article_server: str) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        refused = post(c, {"url": article_server})
        assert refused["stored"] == 0 and refused["doc_id"] is None
        assert "127.0.0.1" in " ".join(refused["rejections"]) and "allow_private_urls" in " ".join(refused["rejections"])
    with TestClient(create_app(web_settings(writable_db, allow_private_urls=True), token=TOKEN)) as c:
        done = post(c, {"url": article_server})
        assert done["stored"] == 1 and done["doc_id"], done
        extracted = c.get(done["result_url"].replace("/upload/", "/api/documents/") + "/extracted").json()
        assert "kataib-hezbollah" in {e["entity_id"] for e in extracted["entities"]}
        assert extracted["document"]["source"] == article_server


@pytest.mark.parametrize("body", [
    {"url": "file:///etc/passwd"}, {"url": "/etc/passwd"}, {"url": "ftp://example.org/a.txt"},
    {"text": ARTICLE, "url": "https://example.org/a"}, {}, {"text": ARTICLE, "filename": "a.exe"},
    {"text": ARTICLE, "filename": "../../a.txt"}, {"text": ARTICLE, "media_type": "application/json"},
])
def test_bad_uploads_are_refused_with_a_reason(writable_db: Path, body: dict[str, Any]) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        response = c.post("/api/documents", json=body, headers=AUTH)
        assert response.status_code == 422 and response.json()["error"], response.text
        assert c.get("/api/overview").json()["counts"]["documents"] == 13


def test_upload_larger_than_max_document_bytes_is_refused(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db, max_document_bytes=200), token=TOKEN)) as c:
        response = c.post("/api/documents", json={"text": ARTICLE}, headers=AUTH)
        assert response.status_code == 413 and "max_document_bytes" in response.json()["error"]


def test_markup_in_an_upload_is_text_on_its_result_page(writable_db: Path) -> None:
    from tests.web.test_escaping import live_markup

    hostile = ("<script>window.__xss='title'</script> Raid near Samarra\n\n"
               "Fighters of Saraya <img src=x onerror=\"window.__xss='name'\"> Rijal attacked a checkpoint near "
               "Samarra on Monday, police said. \"We warned them <b onmouseover=alert(1)>twice</b>,\" a commander "
               "told Test Wire.\n")
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        done = post(c, {"text": hostile, "filename": "raid.txt"})
        page = c.get(done["result_url"]).text
        assert not live_markup(page), live_markup(page)
        assert "&lt;script&gt;" in page or "&lt;img" in page
