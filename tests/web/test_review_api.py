"""The review queue's proposed splits and merges through the API: a judgement changes profiles,
search and the graph; undoing it puts them back (a private copy of the session store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factiongraph.web import create_app
from tests.web.conftest import TOKEN, web_settings

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json()


def entity_named(client: TestClient, name: str) -> str:
    found = [e for e in get(client, "/api/search?kind=entities&q=" + name)["entities"]["items"] if e["name"] == name]
    assert len(found) == 1, found
    return str(found[0]["entity_id"])


def mention_texts(client: TestClient, entity_id: str) -> set[str]:
    return {m["text"] for m in get(client, f"/api/entities/{entity_id}")["mentions"]}


def test_proposed_split_is_listed_accepted_shown_and_undone(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        person = entity_named(c, "Nabil Fadhil Zuhair")
        splits = [s for s in get(c, "/api/review")["splits"] if s["entity_id"] == person]
        assert len(splits) == 1, splits
        split = splits[0]
        assert split["split_names"] == ["Zuhair"] and split["signal"] == "shared"
        assert "Nabil Zuhair" in split["reason"] and split["url"] == f"/entities/{person}"
        assert "Zuhair" in mention_texts(c, person)
        page = c.get("/review").text
        assert 'id="splits"' in page and f'data-right="{split["split_id"]}" data-verdict="negative">split' in page

        body = {"left_id": person, "right_id": split["split_id"], "verdict": "negative",
                "reviewer": "analyst three", "reason": "another Zuhair"}
        assert c.post("/api/review/judgements", json=body).status_code == 401
        done = c.post("/api/review/judgements", json=body, headers=AUTH)
        assert done.status_code == 201, done.text
        assert done.json()["kind"] == "split" and done.json()["changes"] > 0
        assert mention_texts(c, person) == {"Nabil Fadhil Zuhair"}
        assert mention_texts(c, split["split_id"]) == {"Zuhair"}
        profile = get(c, f"/api/entities/{person}")
        (decision,) = profile["judgements"]
        assert decision["producer"] == "user:analyst three" and decision["reason"] == "another Zuhair"
        assert decision["effect"] == "Zuhair split off Nabil Fadhil Zuhair (kept apart from now on)"
        assert "user:analyst three" in c.get(f"/entities/{person}").text  # who decided what, on the page
        assert not [s for s in get(c, "/api/review")["splits"] if s["entity_id"] == person]

        undo = c.delete(f"/api/review/judgements/{done.json()['judgement_id']}", headers=AUTH)
        assert undo.status_code == 200
        assert c.get(f"/api/entities/{split['split_id']}").status_code == 404
        assert "Zuhair" in mention_texts(c, person)
        assert [s["split_id"] for s in get(c, "/api/review")["splits"] if s["entity_id"] == person] == [split["split_id"]]


def test_merge_changes_profile_search_and_graph_and_undo_restores(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        kept, merged = entity_named(c, "Nabil Fadhil Zuhair"), entity_named(c, "Nabil Zuhair")
        proposals = [m for m in get(c, "/api/review")["merges"] if {m["left_id"], m["right_id"]} == {kept, merged}]
        assert proposals and all(m["keep_id"] in (kept, merged) for m in proposals)
        body = {"left_id": kept, "right_id": merged, "verdict": "positive", "reviewer": "analyst four"}
        done = c.post("/api/review/judgements", json=body, headers=AUTH)
        assert done.status_code == 201 and done.json()["kind"] == "merge", done.text

        hits = get(c, "/api/search?kind=entities&q=Nabil Zuhair")["entities"]["items"]
        assert [h["entity_id"] for h in hits] == [kept]
        redirected = c.get(f"/api/entities/{merged}", follow_redirects=False)
        assert redirected.status_code == 307 and redirected.headers["location"] == f"/api/entities/{kept}"
        assert c.get(f"/entities/{merged}", follow_redirects=False).headers["location"] == f"/entities/{kept}"
        profile = get(c, f"/api/entities/{kept}")
        assert "Nabil Zuhair" in profile["entity"]["aliases"]
        assert {"Nabil Fadhil Zuhair", "Nabil Zuhair"} <= {m["text"] for m in profile["mentions"]}
        assert len({d["doc_id"] for d in profile["documents"]}) == 2
        assert profile["judgements"][0]["effect"] == "Nabil Zuhair merged into Nabil Fadhil Zuhair"
        assert not [m for m in get(c, "/api/review")["merges"] if merged in (m["left_id"], m["right_id"])]

        assert c.delete(f"/api/review/judgements/{done.json()['judgement_id']}", headers=AUTH).status_code == 200
        assert get(c, f"/api/entities/{merged}")["entity"]["name"] == "Nabil Zuhair"
        assert len({d["doc_id"] for d in get(c, f"/api/entities/{kept}")["documents"]}) == 1


def test_merge_folds_graph_edges_into_the_kept_node(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        nodes = {n["id"]: n for n in get(c, "/api/graph?max_nodes=2000")["nodes"]}
        merged, kept = "asaib-ahl-al-haq", "kataib-hezbollah"  # the mechanism, not a real finding
        assert merged in nodes and kept in nodes
        linked = {e["source"] if e["target"] == merged else e["target"]
                  for e in get(c, "/api/graph?max_nodes=2000")["edges"] if merged in (e["source"], e["target"])}
        assert linked - {kept}
        body = {"left_id": kept, "right_id": merged, "verdict": "positive", "reviewer": "analyst five"}
        done = c.post("/api/review/judgements", json=body, headers=AUTH)
        assert done.status_code == 201, done.text
        graph = get(c, "/api/graph?max_nodes=2000")
        assert merged not in {n["id"] for n in graph["nodes"]}
        now_linked = {e["source"] if e["target"] == kept else e["target"]
                      for e in graph["edges"] if kept in (e["source"], e["target"])}
        assert linked - {kept} <= now_linked
        assert c.delete(f"/api/review/judgements/{done.json()['judgement_id']}", headers=AUTH).status_code == 200
        again = {n["id"]: n for n in get(c, "/api/graph?max_nodes=2000")["nodes"]}
        assert again.keys() == nodes.keys() and again[kept]["degree"] == nodes[kept]["degree"]


def test_rejected_merge_leaves_the_queue_and_unknown_ids_are_refused(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        proposal = get(c, "/api/review")["merges"][0]
        body = {"left_id": proposal["keep_id"], "right_id": proposal["merge_id"], "verdict": "negative"}
        done = c.post("/api/review/judgements", json=body, headers=AUTH)
        assert done.status_code == 201 and done.json()["kind"] in ("keep-apart", "split"), done.text
        left = {frozenset((m["left_id"], m["right_id"])) for m in get(c, "/api/review")["merges"]}
        assert frozenset((proposal["left_id"], proposal["right_id"])) not in left
        missing = c.post("/api/review/judgements", json={**body, "right_id": "ent-nothing"}, headers=AUTH)
        assert missing.status_code == 404 and "no entity" in missing.json()["error"]


def test_undoing_an_earlier_decision_under_a_later_one_is_refused(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        kept, merged = entity_named(c, "Nabil Fadhil Zuhair"), entity_named(c, "Nabil Zuhair")
        first = c.post("/api/review/judgements", json={"left_id": kept, "right_id": merged, "verdict": "positive"},
                       headers=AUTH).json()["judgement_id"]
        analyst = entity_named(c, "Hisham al-Hashimi")  # a later (wrong) merge of the same mentions
        second = c.post("/api/review/judgements", json={"left_id": analyst, "right_id": kept, "verdict": "positive"},
                        headers=AUTH).json()["judgement_id"]
        refused = c.delete(f"/api/review/judgements/{first}", headers=AUTH)
        assert refused.status_code == 409 and second in refused.json()["error"]
        assert c.delete(f"/api/review/judgements/{second}", headers=AUTH).status_code == 200
        assert c.delete(f"/api/review/judgements/{first}", headers=AUTH).status_code == 200
        assert get(c, f"/api/entities/{merged}")["entity"]["name"] == "Nabil Zuhair"


def test_a_proposed_split_shows_the_sentences_it_would_move(web_db: Path) -> None:
    with TestClient(create_app(web_settings(web_db))) as c:
        person = entity_named(c, "Nabil Fadhil Zuhair")
        (split,) = [s for s in get(c, "/api/review")["splits"] if s["entity_id"] == person]
        (example,) = split["examples"]
        assert example["text"] == "Zuhair" and "Zuhair told Tigris Dispatch" in example["sentence"]
        document = get(c, f"/api/documents/{example['doc_id']}")["document"]
        assert document["text"][example["start"]:example["end"]] == "Zuhair"
        assert example["url"] == f"/documents/{example['doc_id']}?start={example['start']}&end={example['end']}#hl"
        assert example["url"].replace("&", "&amp;") in c.get("/review").text


def test_a_contrary_verdict_waits_until_the_first_is_withdrawn(writable_db: Path) -> None:
    with TestClient(create_app(web_settings(writable_db), token=TOKEN)) as c:
        kept, merged = entity_named(c, "Nabil Fadhil Zuhair"), entity_named(c, "Nabil Zuhair")
        same = {"left_id": kept, "right_id": merged, "verdict": "positive"}
        first = c.post("/api/review/judgements", json=same, headers=AUTH).json()["judgement_id"]
        different = {"left_id": merged, "right_id": kept, "verdict": "negative"}
        refused = c.post("/api/review/judgements", json=different, headers=AUTH)
        assert refused.status_code == 409 and first in refused.json()["error"]
        assert c.delete(f"/api/review/judgements/{first}", headers=AUTH).status_code == 200
        assert c.post("/api/review/judgements", json=different, headers=AUTH).status_code == 201
