"""SQL injection and other hostile values in every parameter of every API route (routes and
parameters are read from the app's OpenAPI schema, so a new route is covered when it is added).

Each value must be answered 200 or 4xx (never 500), with an ``{"error"}`` body for 4xx and no
hits for 200 (no payload names anything in the store, and ``%``/``_`` are not wildcards), and
the store must be byte-for-byte the same afterwards (row counts and a hash of every table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from tests.web.conftest import TOKEN, web_settings
from tests.web.factory import api_schema, fingerprint, operations

pytestmark = pytest.mark.slow

PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE documents; --',
    "1; DELETE FROM entities",
    "x' UNION SELECT name, sql FROM sqlite_master --",
    "%",
    "_",
    "%_%",
    "\\",
    "*",
    "NEAR(a b) OR title:*",
    "\x00",
    "nul\x00 byte",
    "Кatаib Нezbollah \u202e\u0661\u0662 \u200d",
    "\U0001f3f4\u200d\u2620\ufe0f \U0001f600",
    "q" * 10_000,
]
#: Raw query-string and path bytes that are not UTF-8 (sent as they are, not re-encoded).
RAW = ["%FF%FE", "%ED%A0%80", "%C0%AF"]

#: Path parameters get a value that exists, the others a neutral value, unless under test.
NEUTRAL = {"q": "zzzz"}


def _cases() -> list[tuple[str, str]]:
    return [(path, p["name"]) for _, path, op in operations(("get",)) for p in op.get("parameters", [])]


def _url(path: str, name: str, encoded: str) -> str:
    """Return the URL with ``name`` set to an already percent-encoded value."""
    op = api_schema()["paths"][path]["get"]
    params = {p["name"]: p for p in op.get("parameters", [])}
    url = path
    for p in params.values():
        if p["in"] == "path":
            url = url.replace("{" + p["name"] + "}", encoded if p["name"] == name else "x")
    query = [f"{quote(k)}={quote(v)}" for k, v in NEUTRAL.items() if k in params and k != name]
    if params[name]["in"] == "query":
        query.append(f"{name}={encoded}")
    return url + ("?" + "&".join(query) if query else "")


def hits(body: Any) -> int:
    """Return how many items a 200 answer found (lists, search sections, graph nodes, a record)."""
    if not isinstance(body, dict):
        return 0
    found = len(body.get("items", [])) + len(body.get("nodes", []))
    found += sum(hits(body[k]) for k in ("entities", "events", "documents") if isinstance(body.get(k), dict))
    found += sum(1 for k in ("entity", "event_id", "document") if k in body)
    return found


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings(web_db, rate_limit_per_minute=0))) as c:
        yield c


def test_the_schema_lists_every_read_route() -> None:
    paths = {path for _, path, _ in operations(("get",))}
    assert {"/api/search", "/api/entities", "/api/entities/{entity_id}", "/api/graph", "/api/events",
            "/api/events/{event_id}", "/api/documents", "/api/documents/{doc_id}", "/api/review"} <= paths
    assert len(_cases()) >= 30


@pytest.mark.parametrize(("path", "name"), _cases())
def test_hostile_values_in_every_parameter(client: TestClient, web_db: Path, path: str, name: str) -> None:
    before = fingerprint(web_db)
    values = [quote(v, safe="") for v in PAYLOADS] + RAW
    for encoded in values:
        url = _url(path, name, encoded)
        response = client.get(url)
        assert response.status_code < 500, (url[:200], response.text[:300])
        assert response.status_code in (200, 400, 404, 422), (url[:200], response.status_code)
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        if response.status_code == 200:
            assert hits(body) == 0, (url[:200], str(body)[:300])
        else:
            assert isinstance(body["error"], str) and body["error"], url[:200]
    assert fingerprint(web_db) == before


def test_wildcards_are_literal_in_every_search(client: TestClient) -> None:
    """``%`` and ``_`` match those characters only: a search made of them finds nothing, while
    the same search with a real word still finds it (the filter is applied, not dropped)."""
    for q in ("%", "_", "%%", "_%_", " % "):
        body = client.get("/api/search?" + urlencode({"q": q})).json()
        assert hits(body) == 0, (q, body)
    assert hits(client.get("/api/search?q=Basra").json()) > 0
    assert client.get("/api/events?" + urlencode({"type": "%"})).json()["items"] == []
    assert client.get("/api/events?" + urlencode({"actor": "Kataib_Hezbollah"})).status_code == 200


def test_hostile_values_in_every_write_route(writable_db: Path) -> None:
    """Judgements and an uploaded article carrying the payloads are stored as text, verbatim."""
    before, _ = fingerprint(writable_db)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    writes = {path for _, path, _ in operations(("post", "put", "patch", "delete"))}
    assert writes == {"/api/review/judgements", "/api/review/judgements/{judgement_id}", "/api/documents"}
    with TestClient(create_app(web_settings(writable_db, rate_limit_per_minute=0), token=TOKEN)) as c:
        for i, payload in enumerate(PAYLOADS[:11]):
            for field in ("left_id", "right_id"):
                body = {"left_id": "markup-brigade", "right_id": "kataib-hezbollah", "verdict": "unsure", field: payload}
                response = c.post("/api/review/judgements", json=body, headers=auth)
                assert response.status_code == 404 and response.json()["error"].startswith("no entity"), payload
            body = {"left_id": "markup-brigade", "right_id": "kataib-hezbollah", "verdict": "unsure",
                    "reason": payload, "reviewer": f"analyst {i}"}  # one judgement per reviewer
            assert c.post("/api/review/judgements", json=body, headers=auth).status_code == 201
            if not re.fullmatch(r"[\w.@ -]+", payload):  # reviewer names are words, not markup or SQL
                bad_reviewer = {**body, "reviewer": payload}
                assert c.post("/api/review/judgements", json=bad_reviewer, headers=auth).status_code == 422
            gone = c.delete("/api/review/judgements/" + quote(payload, safe=""), headers=auth)
            assert gone.status_code == 404, payload
        reasons = [j["reason"] for j in c.get("/api/entities/markup-brigade").json()["judgements"]]
        assert sorted(reasons) == sorted(PAYLOADS[:11])
        text = ("Kataib Hezbollah fighters attacked a checkpoint in Basra on Monday, police said. "
                "Their statement read: " + " | ".join(PAYLOADS[:11]) + "\n")
        response = c.post("/api/documents", json={"text": text}, headers=auth)
        assert response.status_code == 201 and response.json()["stored"] == 1, response.text
        doc_id = c.get("/api/documents?limit=50").json()["items"][-1]["doc_id"]
        stored = c.get(f"/api/documents/{doc_id}").json()["document"]["text"]
        assert all(p in stored for p in PAYLOADS[:11]), stored
    after, _ = fingerprint(writable_db)
    assert after["documents"] == before["documents"] + 1
    assert after["entities"] >= before["entities"] and after["judgements"] == before["judgements"] + 11
