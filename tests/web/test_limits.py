"""What keeps strangers out: the token on every write route (from the OpenAPI schema), request
size limits (413 before the body is read), the per-client rate limit (429 with Retry-After),
CORS closed, the Host header check, and the security headers on every kind of response."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from factiongraph.web.limits import TokenBuckets, is_limited
from factiongraph.web.security import CONTENT_SECURITY_POLICY, host_name
from tests.web.conftest import TOKEN, LiveServer, web_settings
from tests.web.factory import WRITE_METHODS, operations, raw_request

pytestmark = pytest.mark.slow

HEADERS = {"content-security-policy": CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff",
           "x-frame-options": "DENY", "referrer-policy": "no-referrer"}
FOREIGN = "http://evil.example"


def _write_url(path: str) -> str:
    return path.replace("{judgement_id}", "some-judgement")


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings(web_db), token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def assert_security_headers(response: object, what: str) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (what, name, headers.get(name))
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY and "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY


# -- the token -------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _ in operations(WRITE_METHODS)])
def test_every_write_route_needs_the_token(web_db: Path, client: TestClient, method: str, path: str) -> None:
    url = _write_url(path)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": TOKEN}, {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer "}):
        response = client.request(method.upper(), url, json={}, headers=headers)
        assert response.status_code == 401, (method, path, headers, response.text)
        assert response.headers["www-authenticate"] == "Bearer" and response.json()["error"]
    with TestClient(create_app(web_settings(web_db))) as read_only:
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
            response = read_only.request(method.upper(), url, json={}, headers=headers)
            assert response.status_code == 403 and "read-only" in response.json()["error"], (method, path)
    right = client.request(method.upper(), url, json={}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code in (404, 422), (method, path, right.text)  # past the guard, then the input is wrong


# -- request size ----------------------------------------------------------------------------

def test_a_body_over_the_limit_is_refused_with_413(web_db: Path) -> None:
    app = create_app(web_settings(web_db, max_request_bytes=1000), token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as c:
        big = {"text": "x" * 2000}
        for headers in (auth, {}):
            response = c.post("/api/documents", json=big, headers=headers)
            assert response.status_code == 413 and response.json()["error"], response.text
            assert_security_headers(response, "413")
        small = c.post("/api/review/judgements", json={"left_id": "nope", "right_id": "nope", "verdict": "unsure"},
                       headers=auth)
        assert small.status_code == 404, "a body under the limit goes through"


def test_413_comes_before_the_body_is_read(web_db: Path) -> None:
    """A real server answers a declared 50 MB body at once: only the headers were sent, so a
    server that read the body first would wait until the timeout instead."""
    with LiveServer(create_app(web_settings(web_db), token=TOKEN)) as server:
        head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
                "Content-Length: 50000000\r\n").encode()
        status, answer = raw_request(server.port, head, b'{"text": "', timeout=15)
        assert status == 413, answer[:300]
        assert b"x-content-type-options: nosniff" in answer.lower()


def test_a_chunked_body_is_cut_off_at_the_limit(web_db: Path) -> None:
    """Without a Content-Length the server stops reading once the limit is passed: the stream
    below never ends, yet the answer is 413."""
    with LiveServer(create_app(web_settings(web_db, max_request_bytes=10_000), token=TOKEN)) as server:
        head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n").encode()
        chunk = b"x" * 4096
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5))  # no final 0-chunk
        status, answer = raw_request(server.port, head, body, timeout=15)
        assert status == 413, answer[:300]


# -- rate limit ------------------------------------------------------------------------------

def test_searches_and_writes_over_the_rate_limit_get_429(web_db: Path) -> None:
    app = create_app(web_settings(web_db, rate_limit_per_minute=3), token=TOKEN)
    with TestClient(app, client=("192.0.2.1", 50000)) as c, TestClient(app, client=("192.0.2.2", 50000)) as other:
        for _ in range(3):
            assert c.get("/api/search?q=Basra").status_code == 200
        refused = c.get("/api/search?q=Basra")
        assert refused.status_code == 429 and "too many" in refused.json()["error"]
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert_security_headers(refused, "429")
        page = c.get("/search?q=Basra")
        assert page.status_code == 429 and page.headers["content-type"].startswith("text/html")
        assert c.post("/api/documents", json={}).status_code == 429, "writes (and token guesses) count too"
        for _ in range(5):
            assert c.get("/api/overview").status_code == 200, "reads are not limited"
            assert c.get("/entities/kataib-hezbollah").status_code == 200
        assert other.get("/api/search?q=Basra").status_code == 200, "each client address has its own allowance"
        assert other.post("/api/documents", json={}).status_code == 401
    with TestClient(create_app(web_settings(web_db, rate_limit_per_minute=0))) as unlimited:
        assert all(unlimited.get("/api/search?q=Basra").status_code == 200 for _ in range(10))


def test_token_buckets_refill_evenly() -> None:
    now = [0.0]
    buckets = TokenBuckets(6, clock=lambda: now[0])  # one token every 10 s
    assert [buckets.take("a") for _ in range(6)] == [0.0] * 6
    assert buckets.take("a") == pytest.approx(10.0)
    assert buckets.take("b") == 0.0
    now[0] = 5.0
    assert buckets.take("a") == pytest.approx(5.0)
    now[0] = 10.0
    assert buckets.take("a") == 0.0 and buckets.take("a") == pytest.approx(10.0)
    now[0] = 1000.0
    assert [buckets.take("a") for _ in range(7)][-2:] == [0.0, pytest.approx(10.0)], "never more than a minute's worth"
    assert is_limited("POST", "/api/anything") and is_limited("DELETE", "/x") and is_limited("GET", "/search")
    assert not is_limited("GET", "/api/events") and not is_limited("HEAD", "/api/search/other")


# -- CORS and the Host header ----------------------------------------------------------------

def test_cors_is_closed(client: TestClient) -> None:
    for _, path, _ in operations(("get",) + WRITE_METHODS):
        url = _write_url(path).replace("{entity_id}", "kataib-hezbollah").replace("{event_id}", "x").replace(
            "{doc_id}", "x")
        response = client.get(url, headers={"Origin": FOREIGN})
        assert not [h for h in response.headers if h.lower().startswith("access-control-")], (url, response.headers)
        preflight = client.options(url, headers={"Origin": FOREIGN, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "authorization, content-type"})
        assert preflight.status_code in (400, 403, 405), (url, preflight.status_code)
        assert not [h for h in preflight.headers if h.lower().startswith("access-control-")], url
    sent = client.post("/api/review/judgements", json={}, headers={"Origin": FOREIGN})
    assert sent.status_code == 401 and "access-control-allow-origin" not in sent.headers


def test_unknown_host_headers_are_refused(web_db: Path) -> None:
    app = create_app(web_settings(web_db))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/overview").status_code == 200
        for host in ("localhost:8000", "[::1]:8000", "127.0.0.1", "LOCALHOST"):
            assert c.get("/api/overview", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::2]:80"):
            refused = c.get("/api/overview", headers={"Host": host})
            assert refused.status_code == 400 and "allowed_hosts" in refused.json()["error"], host
            assert_security_headers(refused, "400 host")
    with TestClient(create_app(web_settings(web_db, allowed_hosts=("*",))), base_url="http://evil.example") as c:
        assert c.get("/api/overview").status_code == 200
    assert [host_name(h) for h in ("A.example:80", "[::1]:8000", "::1", "[::1]", "x")] == [
        "a.example", "::1", "::1", "::1", "x"]


# -- security headers on every kind of response ----------------------------------------------

def test_security_headers_on_every_kind_of_response(web_db: Path, client: TestClient) -> None:
    app = create_app(web_settings(web_db), token=TOKEN)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("a bug with a secret in its message")

    with TestClient(app, raise_server_exceptions=False) as c:
        crash = c.get("/api/boom")
        assert crash.status_code == 500 and "secret" not in crash.text and crash.json()["error"]
        assert_security_headers(crash, "500")
    cases = {
        "/": 200, "/api/overview": 200, "/api/openapi.json": 200, "/api/docs": 200, "/static/app.css": 200,
        "/static/graph.js": 200, "/vendor/leaflet.css": 200, "/favicon.ico": 204, "/api/entities/none": 404,
        "/entities/none": 404, "/no/such/page": 404, "/static/none.css": 404, "/vendor/none.js": 404,
        "/api/events?since=soon": 422, "/events?since=soon": 422,
    }
    for url, status in cases.items():
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        assert_security_headers(response, url)
    for response in (client.post("/api/documents", json={}), client.put("/api/overview"),
                     client.post("/api/review/judgements", content=b"{not json", headers={
                         "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})):
        assert response.status_code in (401, 405, 422)
        assert_security_headers(response, str(response.request.url))
    errors = client.get("/api/entities/none")
    assert errors.headers["content-type"] == "application/json" and json.loads(errors.text)["error"]
