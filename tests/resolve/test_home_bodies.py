"""A state body written without its country is the story's country's (resolve/home_bodies.py)."""

from __future__ import annotations

import pytest

from factiongraph.kb import KnowledgeBase
from factiongraph.model import EntityType
from factiongraph.resolve import Resolver
from factiongraph.resolve.home_bodies import body_tails, story_country
from factiongraph.resolve.keys import make_key
from tests.extract.factory import default_kb
from tests.resolve.factory import make_document
from tests.resolve.test_resolver import mentions_of

B, PL, C = EntityType.STATE_BODY, EntityType.PLACE, EntityType.COUNTRY


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def test_bodies_are_indexed_by_their_names_without_the_country(kb: KnowledgeBase) -> None:
    tails = body_tails(kb)
    assert tails[make_key("Interior Ministry")]["iraq"] == "ministry-of-interior-iraq"
    assert tails[make_key("Foreign Ministry")]["iran"] == "iranian-foreign-ministry"
    assert make_key("Ministry") not in tails  # a country's name never leaves a bare head


def test_the_interior_ministry_of_an_iraqi_story_is_iraqs(kb: KnowledgeBase) -> None:
    text = "Gunmen killed two policemen in Basra and Baghdad on Monday, the Interior Ministry said."
    res = Resolver(kb).resolve(make_document(text), mentions_of(text, [("Basra", PL), ("Baghdad", PL),
                                                                       ("Interior Ministry", B)]))
    assert res.mentions[-1].entity_id == "ministry-of-interior-iraq"
    assert any(j.producer == "rule.home-country-body.v1" for j in res.judgements)


def test_no_leading_country_or_no_such_body_links_nothing(kb: KnowledgeBase) -> None:
    tied = "Iran and Iraq talked, the Foreign Ministry said."
    res = Resolver(kb).resolve(make_document(tied), mentions_of(tied, [("Iran", C), ("Iraq", C),
                                                                       ("Foreign Ministry", B)]))
    assert res.mentions[-1].entity_id not in kb.records
    assert story_country(kb, res.mentions) is None
    turkish = "Turkish jets struck Duhok. The Foreign Ministry in Ankara defended it, Turkey said."
    res = Resolver(kb).resolve(make_document(turkish), mentions_of(
        turkish, [("Duhok", PL), ("Foreign Ministry", B), ("Ankara", PL), ("Turkey", C)]))
    assert res.mentions[1].entity_id not in kb.records  # Turkey's ministry is not in the KB


@pytest.mark.parametrize("text,owner", [
    ("Gunmen killed two policemen in Erbil, the Kurdistan Region's Ministry of Interior said.", "Kurdistan Region"),
    ("Gunmen killed two policemen in Erbil, the Kurdistan Region Ministry of Interior said.", "Kurdistan Region"),
])
def test_a_body_written_with_its_owner_is_not_the_story_countrys(kb: KnowledgeBase, text: str, owner: str) -> None:
    res = Resolver(kb).resolve(make_document(text), mentions_of(text, [("Erbil", PL), (owner, PL),
                                                                       ("Ministry of Interior", B)]))
    assert res.mentions[-1].entity_id != "ministry-of-interior-iraq"
