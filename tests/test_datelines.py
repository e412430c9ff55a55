"""A page's date stamp through the whole pipeline: it dates the page, never an event (real model)."""

from __future__ import annotations

from pathlib import Path

import pytest

import factiongraph

pytestmark = pytest.mark.slow

BODY = "\n\nA strike in Baghdad on Sunday killed a militia leader, officials said.\n"


@pytest.mark.parametrize("stamp", ["March 12, 2024 | 10:33 AM", "Tue 12 Mar 2024 14.30 GMT",
                                   "Posted on 12 March, 2024 by admin"])
def test_the_stamp_under_the_headline_is_the_publication_date(tmp_path: Path, stamp: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Iraqi militia leader killed in strike\n{stamp}{BODY}", encoding="utf-8")
    fg = factiongraph.open(tmp_path / "t.db")
    fg.ingest([page])
    [doc] = fg.documents()
    assert doc["published"] == "2024-03-12" and doc["title"] == "Iraqi militia leader killed in strike"
    # the headline's strike is the body's: Sunday before the stamp, one event
    assert [e["date_start"] for e in fg.events()] == ["2024-03-10"]
