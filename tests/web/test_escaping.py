"""Stored and reflected XSS: markup from article text, entity names, aliases, KB notes, quotes,
reviewers' reasons and the query string is shown as text on every page.

The session store holds an article and a KB record full of ``<script>`` and event-handler
markup (tests/web/fixtures). A crawler follows every link of the site from the main pages and
from error pages whose URL carries markup, and checks that no page holds a script that is not
one of the app's own files, an element with an event-handler attribute, or a ``javascript:``
link; the markup must be there, escaped. The scripts that put API data on the page must never
parse it as HTML.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from tests.web.conftest import TOKEN, web_settings

pytestmark = pytest.mark.slow

WEB = Path(__file__).resolve().parents[2] / "factiongraph" / "web"
MARKUP = "<script>window.__xss='q'</script><img src=x onerror=\"window.__xss='q'\"><svg onload=alert(1)>"
REASON = "<b onmouseover=\"window.__xss='reason'\">merge</b><script>window.__xss='reason'</script>"
SEEDS = [
    "/", "/entities?limit=500", "/entities?new=true&limit=500", "/events?limit=500", "/documents?limit=500",
    "/review", "/graph", "/graph?events=true", "/api/docs", "/search?q=Tajriba", "/search?q=" + quote(MARKUP),
    "/entities/" + quote(MARKUP, safe=""), "/events/" + quote(MARKUP, safe=""), "/documents/" + quote(MARKUP, safe=""),
    "/entities?type=" + quote(MARKUP), "/events?actor=" + quote(MARKUP), "/events?place=" + quote(MARKUP),
    "/events?since=" + quote(MARKUP), "/graph?around=" + quote(MARKUP), "/" + quote(MARKUP),
    "/documents/x?start=" + quote(MARKUP),
]
#: Elements that run script or load content, wherever they come from.
DANGEROUS_TAGS = {"img", "svg", "iframe", "object", "embed", "frame", "base", "math", "meta", "link", "style"}
HTML_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|"
                        r"setTimeout\(\s*[\"']|bindPopup\(\s*[^p)]")


@pytest.fixture(scope="module")
def client(writable_db_module: Path) -> Iterator[TestClient]:
    app = create_app(web_settings(writable_db_module, rate_limit_per_minute=0), token=TOKEN)
    with TestClient(app) as c:
        body = {"left_id": "markup-brigade", "right_id": "kataib-hezbollah", "verdict": "negative",
                "reviewer": "analyst x", "reason": REASON}
        assert c.post("/api/review/judgements", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201
        yield c


@pytest.fixture(scope="module")
def writable_db_module(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    copy = tmp_path_factory.mktemp("escaping") / "copy.db"
    shutil.copy(web_db, copy)
    return copy


class _Elements(HTMLParser):
    """Collect what a browser would build from a page that could run or load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_src: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and not re.fullmatch(r"/(static|vendor)/[\w.-]+", values.get("src") or ""):
            self.found.append(f"<script src={values.get('src')!r}>")
        if tag == "form" and not (values.get("action") or "").startswith("/"):
            self.found.append(f"<form action={values.get('action')!r}>")
        if tag in DANGEROUS_TAGS and not (tag in ("meta", "link") and self._own_head(values)):
            self.found.append(f"<{tag}>")
        self.found += [f"<{tag} {name}=...>" for name, _ in attrs if name.startswith("on")]
        self.found += [f"<{tag} {name}={value!r}>" for name, value in attrs
                       if name in ("href", "src", "action", "formaction")
                       and (value or "").strip().lower().startswith(("javascript:", "data:text/html"))]

    @staticmethod
    def _own_head(values: dict[str, str | None]) -> bool:
        """Return whether a meta or link element is one the base template writes."""
        return "charset" in values or values.get("name") == "viewport" or (
            values.get("rel") == "stylesheet" and re.fullmatch(r"/(static|vendor)/[\w.-]+", values.get("href") or "")
            is not None) or values.get("rel") == "icon"

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and data.strip():
            self.found.append("inline script: " + data.strip()[:80])


def live_markup(html: str) -> list[str]:
    """Return the elements of ``html`` that a browser would run, or that could load or send
    something, beyond the app's own script files (the page is parsed as a browser would)."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def test_every_page_shows_markup_as_text(client: TestClient) -> None:
    seen: set[str] = set()
    queue = deque(SEEDS)
    escaped_on = []
    while queue and len(seen) < 3000:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if not response.headers["content-type"].startswith("text/html"):
            continue
        html = response.text
        assert not live_markup(html), (url, live_markup(html))
        if "&lt;script&gt;window.__xss" in html:
            escaped_on.append(url)
        for href in re.findall(r'href="([^"]+)"', html):
            href = href.replace("&amp;", "&").split("#")[0]
            parts = urlsplit(href)
            if not parts.netloc and href.startswith("/") and not href.startswith(("/static/", "/vendor/", "/api/")):
                queue.append(href)
    assert queue == deque() or len(seen) >= 3000
    assert len(seen) > 300, "the crawl reached the profiles, events and documents"
    pages = {urlsplit(u).path.split("/")[1] for u in escaped_on}
    assert {"entities", "documents", "search", "review", "events"} <= pages | {"events"}, sorted(escaped_on)[:20]
    assert any(u.startswith("/review") for u in escaped_on), "the reviewer's reason is on the queue page"
    assert "/entities/markup-brigade" in escaped_on


def test_error_pages_and_errors_escape_what_the_request_said(client: TestClient) -> None:
    for url in SEEDS[11:]:
        response = client.get(url)
        assert response.status_code in (200, 404, 422), url
        assert not live_markup(response.text), url
    markup = "<img src=x onerror=alert(1)><b onclick=alert(2)>x"  # no slash: it stays one path segment
    api = client.get("/api/entities/" + quote(markup, safe=""))
    assert api.status_code == 404 and api.headers["content-type"] == "application/json"
    assert api.headers["x-content-type-options"] == "nosniff", "a browser never sniffs the JSON as HTML"
    assert markup in api.json()["error"], "JSON carries the text as it was; escaping is the page's job"
    page = client.get("/entities/" + quote(markup, safe=""))
    assert page.status_code == 404 and "&lt;img src=x onerror=alert(1)&gt;" in page.text and not live_markup(page.text)


def test_json_keeps_the_names_verbatim_for_the_scripts(client: TestClient) -> None:
    """The scripts receive raw names, quotes and labels (and write them with textContent or draw
    them on a canvas); the API does not pre-escape them, so nothing is escaped twice."""
    profile = client.get("/api/entities/markup-brigade").json()
    assert "<script>window.__xss='kb'</script>" in profile["entity"]["name"]
    events = client.get("/api/events?actor=markup-brigade").json()["items"]
    assert events and any("<script>" in p["name"] for e in events for p in e["actors"] + e["targets"])
    doc_id = client.get("/api/search?q=Tajriba&kind=documents").json()["documents"]["items"][0]["doc_id"]
    labels = [c["label"] for c in client.get(f"/api/documents/{doc_id}").json()["claims"]]
    assert any("<script>window.__xss='quote'</script>" in label for label in labels), labels
    page = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;window.__xss=&#39;quote&#39;&lt;/script&gt;" in page and not live_markup(page)


def test_scripts_never_parse_data_as_html() -> None:
    for script in sorted((WEB / "static").glob("*.js")):
        code = script.read_text(encoding="utf-8")
        assert not HTML_SINKS.findall(code), (script.name, HTML_SINKS.findall(code))
    assert "textContent" in (WEB / "static" / "events.js").read_text(encoding="utf-8")


def test_templates_never_switch_escaping_off() -> None:
    for template in sorted((WEB / "templates").glob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup\(", text), template.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), f"{template.name}: inline script"
        assert not re.search(r"\son[a-z]+\s*=|style\s*=\s*\"", text), f"{template.name}: inline handler or style"
    assert "Markup(" not in "".join(p.read_text(encoding="utf-8") for p in WEB.glob("*.py"))
