"""Outlets named where words are relayed (rule.outlet-relay.v1): pure functions over text and mentions."""

from __future__ import annotations

import pytest

from factiongraph.model import EntityType, Mention
from factiongraph.nlp.relay import RelayOutlets
from factiongraph.nlp.rules import load_rules

NER = "model.test"
PRODUCER = "rule.outlet-relay.v1"


@pytest.fixture(scope="module")
def relay() -> RelayOutlets:
    rules = load_rules()
    assert rules.relay is not None
    blocked = rules.org_cues[EntityType.STATE_BODY] | rules.org_cues[EntityType.POLITICAL_ORG]
    return RelayOutlets(rules.relay, blocked, NER, rules.ignore_names)


def _context(start: int, end: int) -> tuple[int, int, bool]:
    return 0, 10_000, True


def _mention(text: str, whole: str, etype: EntityType, producer: str = NER,
             entity_id: str | None = None) -> Mention:
    start = whole.index(text)
    return Mention("d", start, start + len(text), text, etype, producer, 0.6, entity_id, 0, len(whole), True)


def _outlets(relay: RelayOutlets, text: str, mentions: list[Mention],
             known: dict[str, EntityType] | None = None) -> list[str]:
    out = relay.apply(mentions, text, "d", _context, lambda name: (known or {}).get(name))
    assert all(m.text == text[m.start:m.end] for m in out)
    return [m.text for m in out if m.producer == PRODUCER and m.type is EntityType.MEDIA_OUTLET]


def test_head_word_makes_an_unknown_recipient_an_outlet_even_typed_as_a_place(relay: RelayOutlets) -> None:
    text = "A commander told the Tigris Herald on Sunday that the convoy was hit."
    place = _mention("Tigris Herald", text, EntityType.PLACE)
    assert _outlets(relay, text, [place]) == ["Tigris Herald"]


def test_outlet_replaces_a_kb_place_inside_its_name(relay: RelayOutlets) -> None:
    text = "No one was hurt, Mosul Gazette reported."
    city = _mention("Mosul", text, EntityType.PLACE, "rule.kb-alias.v1", "mosul")
    out = relay.apply([city], text, "d", _context, lambda _: None)
    assert [(m.text, m.type, m.entity_id) for m in out] == [("Mosul Gazette", EntityType.MEDIA_OUTLET, None)]


def test_reporter_cue_with_adverb_and_leading_article(relay: RelayOutlets) -> None:
    text = "The Northern Radio further reported that two drones were launched."
    assert _outlets(relay, text, []) == ["Northern Radio"]


def test_possessive_owner_and_one_word_news_site(relay: RelayOutlets) -> None:
    text = "We are waiting, the mayor told Jordan's Qalamnews on Friday."
    gpe = _mention("Qalamnews", text, EntityType.PLACE)
    assert _outlets(relay, text, [gpe]) == ["Qalamnews"]


def test_media_noun_introduces_a_name_without_head_word(relay: RelayOutlets) -> None:
    text = "In an interview with the Lebanese daily Al-Safeer, the cleric denied it."
    assert _outlets(relay, text, []) == ["Al-Safeer"]


def test_model_org_after_a_strong_cue_is_an_outlet(relay: RelayOutlets) -> None:
    text = "In a statement carried by Zawraa, the brigade claimed the attack."
    org = _mention("Zawraa", text, EntityType.POLITICAL_ORG)
    assert _outlets(relay, text, [org]) == ["Zawraa"]


def test_people_institutions_and_weak_cues_stay_as_they_are(relay: RelayOutlets) -> None:
    person = "The envoy told Karim al-Saadi that talks would resume."
    assert _outlets(relay, person, [_mention("Karim al-Saadi", person, EntityType.PLACE)]) == []
    named = "Kamal Dabbagh spoke first. Later the envoy told Dabbagh the talks would resume."
    surname = named.rindex("Dabbagh")
    mentions = [_mention("Kamal Dabbagh", named, EntityType.PERSON),
                Mention("d", surname, surname + 7, "Dabbagh", EntityType.POLITICAL_ORG, NER, 0.6, None,
                        0, len(named), True)]
    assert _outlets(relay, named, mentions) == []
    council = "The minister told the Basra Provincial Council that funds were short."
    assert _outlets(relay, council, [_mention("Basra Provincial Council", council,
                                              EntityType.STATE_BODY)]) == []
    cell = "Two rockets fell, the Security Media Cell reported."
    assert _outlets(relay, cell, []) == []
    weak = "The strikes hit five sites, according to Zawraa."
    assert _outlets(relay, weak, [_mention("Zawraa", weak, EntityType.POLITICAL_ORG)]) == []


def test_a_kb_name_wins(relay: RelayOutlets) -> None:
    text = "He told Nasiriya Times that the vote was delayed."
    assert _outlets(relay, text, [], {"Nasiriya Times": EntityType.PLACE}) == []
    text = "The claim was carried by the Zawraa News Telegram channel."
    kb = _mention("Zawraa News", text, EntityType.MEDIA_OUTLET, "rule.kb-alias.v1", "zawraa-news")
    out = relay.apply([kb], text, "d", _context, lambda _: None)
    assert out == [kb]


def test_media_noun_next_to_a_reporting_name(relay: RelayOutlets) -> None:
    text = "Five fighters were killed, the Karbala news agency reported."
    assert _outlets(relay, text, []) == ["Karbala"]
    text = "The weekly The Euphrates recently reported that the deal had collapsed."
    assert _outlets(relay, text, []) == ["Euphrates"]


def test_channel_alias_only_when_its_platform_is_a_mention() -> None:
    rules = load_rules()
    assert rules.relay is not None
    text = "The group said in a post on X that it hit the base. He stood on X Street."
    off = RelayOutlets(rules.relay, (), NER, rules.ignore_names | {"Twitter"})
    assert [m.text for m in off.apply([], text, "d", _context, lambda _: None)] == []
    on = RelayOutlets(rules.relay, (), NER, rules.ignore_names)
    out = on.apply([], text, "d", _context, lambda _: None)
    assert [(m.text, m.start) for m in out] == [("X", text.index("on X that") + 3)]


def test_media_noun_after_the_name_introduces_it(relay: RelayOutlets) -> None:
    text = "A police officer told the Al-Nahrain newspaper that the convoy was hit near Samarra."
    person = _mention("Al-Nahrain", text, EntityType.PERSON)
    assert _outlets(relay, text, [person]) == ["Al-Nahrain"]


def test_particle_first_name_needs_a_head_or_a_media_noun(relay: RelayOutlets) -> None:
    text = "Amiri told al-Dhifaf satellite channel that the talks would resume. Sadr told al-Nouri that he agreed."
    org = _mention("al-Dhifaf", text, EntityType.POLITICAL_ORG)
    other = _mention("al-Nouri", text, EntityType.POLITICAL_ORG)
    assert _outlets(relay, text, [org, other]) == ["al-Dhifaf"]


def test_kb_outlet_in_lower_case_after_a_recipient_cue(relay: RelayOutlets) -> None:
    text = "The official told baghdadtoday news that the shops reopened, and told us nothing more."
    known = {"baghdadtoday news": EntityType.MEDIA_OUTLET, "baghdadtoday": EntityType.MEDIA_OUTLET}
    assert _outlets(relay, text, [], known) == ["baghdadtoday news"]
