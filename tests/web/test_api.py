"""The JSON API and the pages through Starlette's test client, over a real store of the sample
corpus (slow: the store is built with the trained model)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from factiongraph.web.security import CONTENT_SECURITY_POLICY
from tests.web.conftest import TOKEN, web_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings(web_db))) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    return response.json()


def test_overview_counts_groups_and_latest_events(client: TestClient) -> None:
    data = get(client, "/api/overview")
    assert data["counts"]["documents"] == 13
    assert "Kataib Hezbollah" in [g["name"] for g in data["active_groups"]]
    dates = [e["date_start"] for e in data["latest_events"] if e["date_start"]]
    assert dates == sorted(dates, reverse=True) and len(data["latest_events"]) <= 10


@pytest.mark.parametrize("spelling", ["Kata'ib Hizballah", "Kataib Hezbollah", "kataib hizbullah", "KH"])
def test_search_finds_an_entity_by_any_spelling(client: TestClient, spelling: str) -> None:
    data = get(client, f"/api/search?q={spelling}&kind=entities")
    first = data["entities"]["items"][0]
    assert first["entity_id"] == "kataib-hezbollah" and first["match"] == "exact"
    assert "events" not in data and "documents" not in data


def test_search_events_and_full_text(client: TestClient) -> None:
    data = get(client, "/api/search?q=Kataib Hezbollah")
    assert data["events"]["items"], "events involving the named group"
    assert all(e["url"].startswith("/events/") for e in data["events"]["items"])
    docs = get(client, "/api/search?q=drone&kind=documents")["documents"]["items"]
    assert docs and all("drone" in (d["snippet"] + (d["title"] or "")).lower() for d in docs)


def test_search_pages_with_next_offset(client: TestClient) -> None:
    first = get(client, "/api/search?q=a&kind=entities&limit=2")["entities"]
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    second = get(client, "/api/search?q=a&kind=entities&limit=2&offset=2")["entities"]
    assert {e["entity_id"] for e in first["items"]}.isdisjoint(e["entity_id"] for e in second["items"])


def test_profile_has_every_section_with_evidence_links(client: TestClient) -> None:
    data = get(client, "/api/entities/kataib-hezbollah")
    entity = data["entity"]
    assert entity["name"] == "Kataib Hezbollah" and entity["type"] == "armed_group" and entity["in_kb"]
    assert "Kata'ib Hizballah" in entity["aliases"] and entity["facts"]
    assert data["relations"] and data["events"] and data["quotes_about"] and data["documents"]
    for predicate, items in data["relations"].items():
        for r in items:
            assert r["predicate"] == predicate
            assert r["evidence"] and r["evidence_count"] >= len(r["evidence"])
            assert "kataib-hezbollah" in (r["subject"]["entity_id"], r["object"]["entity_id"])
    for e in data["events"]:
        assert e["role"] in ("actor", "target") and e["evidence"]
    ev = data["events"][0]["evidence"][0]
    assert ev["url"] == f"/documents/{ev['doc_id']}?start={ev['start']}&end={ev['end']}#hl"


def test_profile_unknown_entity_is_404(client: TestClient) -> None:
    assert get(client, "/api/entities/no-such-thing", 404)["error"].startswith("no entity")
    assert client.get("/entities/no-such-thing").status_code == 404


def test_entities_list_filters_by_type_and_pages(client: TestClient) -> None:
    data = get(client, "/api/entities?type=person&limit=3")
    assert len(data["items"]) == 3 and {e["type"] for e in data["items"]} == {"person"}
    assert get(client, "/api/entities?type=nonsense", 422)["error"]


def test_graph_filters_by_type_predicate_and_window(client: TestClient) -> None:
    full = get(client, "/api/graph")
    assert full["nodes"] and full["edges"]
    ids = {n["id"] for n in full["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in full["edges"])
    assert all(0 <= n["betweenness"] <= 1 for n in full["nodes"])
    groups = get(client, "/api/graph?type=armed_group")
    assert groups["nodes"] and {n["type"] for n in groups["nodes"]} == {"armed_group"}
    predicate = full["edges"][0]["predicates"][0]
    only = get(client, f"/api/graph?predicate={predicate}")
    assert only["edges"] and all(predicate in e["predicates"] for e in only["edges"])
    dated = [e for e in full["edges"] if e["first_valid"]]
    year = dated[0]["first_valid"][:4]
    window = get(client, f"/api/graph?since={year}&until={year}")
    assert 0 < len(window["edges"]) < len(full["edges"])
    assert len(get(client, "/api/graph?max_nodes=5")["nodes"]) <= 5
    ego = get(client, "/api/graph?around=kataib-hezbollah&depth=1")
    assert "kataib-hezbollah" in {n["id"] for n in ego["nodes"]} and len(ego["nodes"]) < len(full["nodes"])
    neighbours = {e["source"] for e in full["edges"] if e["target"] == "kataib-hezbollah"} | {
        e["target"] for e in full["edges"] if e["source"] == "kataib-hezbollah"}
    assert {n["id"] for n in ego["nodes"]} == neighbours | {"kataib-hezbollah"}
    with_events = get(client, "/api/graph?events=true")
    assert len(with_events["edges"]) > len(full["edges"])


def test_events_filters(client: TestClient) -> None:
    everything = get(client, "/api/events?limit=500")["items"]
    assert everything and everything == sorted(everything, key=lambda e: (e["date_start"] is not None, e["date_start"] or ""))
    by_actor = get(client, "/api/events?actor=Kata'ib Hizballah")["items"]
    assert by_actor and all("kataib-hezbollah" in [p["entity_id"] for p in e["actors"] + e["targets"]]
                            for e in by_actor)
    arrests = get(client, "/api/events?type=Arrests")["items"]
    assert arrests and all("Arrests" in (e["type"], e["sub_type"]) for e in arrests)
    in_baghdad = get(client, "/api/events?place=Baghdad&limit=500")["items"]
    assert in_baghdad and len(in_baghdad) < len(everything)
    assert all(e["lat"] is not None for e in in_baghdad)
    dated = sorted(e["date_start"] for e in everything if e["date_start"])
    pivot = dated[len(dated) // 2]
    assert all(e["date_start"] >= pivot for e in get(client, f"/api/events?since={pivot}")["items"])
    assert get(client, "/api/events?since=June", 422)["error"]
    page = get(client, "/api/events?limit=3")
    assert len(page["items"]) == 3 and page["next_offset"] == 3


def test_event_has_sources_that_link_to_the_span(client: TestClient) -> None:
    first = get(client, "/api/events?actor=kataib-hezbollah")["items"][0]
    event = get(client, first["url"].replace("/events/", "/api/events/"))
    assert event["event_id"] == first["event_id"] and event["sources"] >= 1
    for ev in event["evidence"]:
        doc = get(client, f"/api/documents/{ev['doc_id']}")["document"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
    assert get(client, "/api/events/event-nope", 404)


def test_document_has_text_blocks_mentions_and_claim_spans(client: TestClient) -> None:
    listing = get(client, "/api/documents?limit=20")
    assert len(listing["items"]) == 13 and listing["next_offset"] is None
    doc_id = listing["items"][0]["doc_id"]
    data = get(client, f"/api/documents/{doc_id}")
    text = data["document"]["text"]
    assert data["document"]["blocks"] and data["mentions"]
    for m in data["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    kinds = {c["claim_kind"] for c in data["claims"]}
    assert kinds <= {"event", "relation", "quote"}
    assert all(c["label"] for c in data["claims"])


def test_document_page_highlights_the_requested_span(client: TestClient) -> None:
    event = get(client, "/api/events?actor=kataib-hezbollah")["items"][0]
    ev = event["evidence"][0]
    html = client.get(ev["url"]).text
    assert 'id="hl"' in html and '<mark class="hl">' in html
    assert "Evidence highlighted below" in html


def test_captions_and_comments_are_separate_blocks(client: TestClient) -> None:
    found = set()
    for d in get(client, "/api/documents?limit=20")["items"]:
        found |= {b["part"] for b in get(client, f"/api/documents/{d['doc_id']}")["document"]["blocks"]}
        html = client.get(f"/documents/{d['doc_id']}").text
        if "part-comment" in html:
            assert "Reader comment (not part of the article)" in html
        if "part-caption" in html:
            assert ">Caption<" in html
    assert {"body", "caption", "comment"} <= found


@pytest.mark.parametrize("url", ["/", "/search?q=Kataib", "/entities", "/entities/kataib-hezbollah", "/graph",
                                 "/events", "/documents", "/review", "/api/docs"])
def test_pages_render_with_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY and "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text, "no inline scripts"


def test_page_forms_left_blank_mean_any(client: TestClient) -> None:
    listing = client.get("/entities?type=&new=true")
    assert listing.status_code == 200 and "Kataib Hezbollah" not in listing.text  # in the KB, so not new
    assert client.get("/entities?type=nonsense").status_code == 422
    full = get(client, "/api/graph")
    assert get(client, "/api/graph?predicate=&type=&since=&until=") == full
    assert client.get("/events?actor=&type=&place=&since=&until=").status_code == 200
    assert client.get("/events?since=soon").status_code == 422


def test_markup_in_names_and_text_is_escaped(client: TestClient) -> None:
    profile = client.get("/entities/markup-brigade").text
    assert "<script>window.__xss" not in profile and "<img src=x" not in profile
    assert "&lt;script&gt;window.__xss=&#39;kb&#39;&lt;/script&gt;" in profile
    search = client.get("/search?q=<script>alert(1)</script>").text
    assert "<script>alert(1)" not in search and "&lt;script&gt;alert(1)&lt;/script&gt;" in search
    doc_id = get(client, "/api/search?q=Tajriba&kind=documents")["documents"]["items"][0]["doc_id"]
    page = client.get(f"/documents/{doc_id}").text
    assert "<script>window.__xss" not in page and "onerror=\"window" not in page
    assert page.count("&lt;script&gt;window.__xss") >= 2


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = get(client, "/api/openapi.json")
    for path in ("/api/overview", "/api/search", "/api/entities/{entity_id}", "/api/graph", "/api/events",
                 "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/review", "/api/review/judgements"):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "place", "since", "until", "limit", "offset"} <= params
    assert "/api/events" in client.get("/api/docs").text


def test_vendor_assets_are_served_from_the_npm_install(client: TestClient) -> None:
    response = client.get("/vendor/cytoscape.min.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert client.get("/vendor/../../app.py").status_code == 404
    assert client.get("/vendor/package.json").status_code == 404


def test_pages_say_when_assets_are_missing(web_db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(web_settings(web_db), vendor=tmp_path)) as bare:
        graph, events = bare.get("/graph").text, bare.get("/events").text
    assert "graph assets are not installed" in graph and 'id="central"' in graph
    assert "map assets are not installed" in events and 'id="timeline"' in events


def test_read_only_without_a_token(client: TestClient) -> None:
    body = {"left_id": "markup-brigade", "right_id": "markup-brigade", "verdict": "negative"}
    response = client.post("/api/review/judgements", json=body)
    assert response.status_code == 403 and "read-only" in response.json()["error"]
    assert client.post("/api/documents", json={"text": "x"}).status_code == 403


def test_review_judgement_needs_the_token_and_can_be_undone(writable_db: Path) -> None:
    app = create_app(web_settings(writable_db), token=TOKEN)
    body = {"left_id": "markup-brigade", "right_id": "kataib-hezbollah", "verdict": "negative",
            "reviewer": "analyst one", "reason": "different groups"}
    with TestClient(app) as c:
        assert c.post("/api/review/judgements", json=body).status_code == 401
        wrong = c.post("/api/review/judgements", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        queue = get(c, "/api/review")
        assert "markup-brigade" not in [u["entity_id"] for u in queue["unknown"]["items"]]  # the KB knows it
        ok = c.post("/api/review/judgements", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201, ok.text
        judgement_id = ok.json()["judgement_id"]
        decided = get(c, "/api/entities/markup-brigade")["judgements"]
        assert [(j["producer"], j["verdict"]) for j in decided] == [("user:analyst one", "negative")]
        assert "user:analyst one" in c.get("/entities/kataib-hezbollah").text
        assert c.delete(f"/api/review/judgements/{judgement_id}").status_code == 401
        undo = c.delete(f"/api/review/judgements/{judgement_id}", headers={"Authorization": f"Bearer {TOKEN}"})
        assert undo.status_code == 200
        assert get(c, "/api/entities/markup-brigade")["judgements"] == []


def test_upload_ingests_with_the_token(writable_db: Path) -> None:
    app = create_app(web_settings(writable_db), token=TOKEN)
    text = ("Liwa al-Tajriba fighters fired rockets at an army base near Kirkuk on Sunday, "
            "a security official said.\n")
    with TestClient(app) as c:
        assert c.post("/api/documents", json={"text": text}).status_code == 401
        response = c.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 201, response.text
        assert response.json()["stored"] == 1
        assert get(c, "/api/overview")["counts"]["documents"] == 14
        assert get(c, "/api/search?q=Kirkuk&kind=documents")["documents"]["items"]
