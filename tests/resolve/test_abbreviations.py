"""Short forms a document defines in brackets (resolve/abbreviations.py), on hand-made mentions."""

from __future__ import annotations

import pytest

from factiongraph.model import EntityType, Mention
from factiongraph.resolve.abbreviations import defined_short_forms, link_defined_short_forms

S, G, O = EntityType.STATE_BODY, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG


def mentions(text: str, spans: list[tuple[str, EntityType, str]]) -> list[Mention]:
    out, cursor = [], 0
    for surface, etype, eid in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        out.append(Mention("d", start, cursor, surface, etype, "rule.test.v1", entity_id=eid))
    return out


def test_a_bracketed_short_form_and_its_later_uses_join_the_long_name() -> None:
    text = "The Counter-Terrorism Directorate (CTD) said. The CTD added that the three were fighters."
    ms = mentions(text, [("Counter-Terrorism Directorate", S, "ent-long"), ("CTD", O, "ent-short"),
                         ("CTD", O, "ent-short")])
    linked = link_defined_short_forms(text, ms, lambda eid: False)
    assert [(m.entity_id, m.type) for m in linked] == [("ent-long", S)] * 3


def test_a_known_short_form_gives_its_entity_to_an_unknown_long_name() -> None:
    text = "The Counter Terrorism Services (CTS) raided the house."
    ms = mentions(text, [("Counter Terrorism Services", S, "ent-long"), ("CTS", S, "cts")])
    linked = link_defined_short_forms(text, ms, lambda eid: eid == "cts")
    assert [m.entity_id for m in linked] == ["cts", "cts"]


def test_two_known_bodies_stay_apart_and_brackets_must_hold_a_short_form() -> None:
    text = "Kataib Hezbollah (KH) and the Popular Mobilization Forces (Hashd) marched."
    ms = mentions(text, [("Kataib Hezbollah", G, "kataib-hezbollah"), ("KH", G, "kh-other"),
                         ("Popular Mobilization Forces", G, "pmf"), ("Hashd", G, "hashd")])
    linked = link_defined_short_forms(text, ms, lambda eid: True)
    assert [m.entity_id for m in linked] == ["kataib-hezbollah", "kh-other", "pmf", "hashd"]
    assert "Hashd" not in defined_short_forms(text, ms)  # one capital: a name, not a short form
    text = "Kataib Hezbollah (KH fighters) marched."
    assert defined_short_forms(text, mentions(text, [("Kataib Hezbollah", G, "a"), ("KH", G, "b")])) == {}


def test_a_name_given_again_in_other_words_in_brackets_is_the_same_group() -> None:
    for text in ("A group calling itself Saraya Awliyaa al-Dam or (Blood Guardians) claimed the attack.",
                 "A group calling itself Saraya Awliyaa al-Dam (Blood Guardians) claimed the attack."):
        ms = mentions(text, [("Saraya Awliyaa al-Dam", G, "saraya-awliya-al-dam"), ("Blood Guardians", O, "ent-bg")])
        linked = link_defined_short_forms(text, ms, lambda eid: eid == "saraya-awliya-al-dam")
        assert [(m.entity_id, m.type) for m in linked] == [("saraya-awliya-al-dam", G)] * 2


def test_a_known_name_in_brackets_stays_itself() -> None:
    text = "Kataib Hezbollah (Popular Mobilization Forces) marched."
    ms = mentions(text, [("Kataib Hezbollah", G, "kataib-hezbollah"), ("Popular Mobilization Forces", G, "pmf")])
    assert [m.entity_id for m in link_defined_short_forms(text, ms, lambda eid: True)] == ["kataib-hezbollah", "pmf"]


@pytest.mark.parametrize("text, unit", [
    ("Kataib Sayyid al-Shuhada (PMF Brigade 14) said it would respond.", "PMF Brigade"),
    ("Kataib Sayyid al-Shuhada, which operates as the 14th Brigade of the PMF, said it would respond.",
     "14th Brigade"),
    ("Kataib Sayyid al-Shuhada, officially the 14th Brigade of the PMF, said it would respond.", "14th Brigade"),
    ("Kataib Sayyid al-Shuhada, also known as Brigade 14, said it would respond.", "Brigade 14"),
])
def test_the_numbered_unit_a_group_is_registered_as_is_the_group(text: str, unit: str) -> None:
    ms = mentions(text, [("Kataib Sayyid al-Shuhada", G, "kataib-sayyid-al-shuhada"), (unit, G, "ent-unit")])
    linked = link_defined_short_forms(text, ms, lambda eid: eid == "kataib-sayyid-al-shuhada")
    assert [m.entity_id for m in linked] == ["kataib-sayyid-al-shuhada"] * 2


def test_a_unit_named_beside_a_group_otherwise_stays_itself() -> None:
    for text, known in (("Kataib Sayyid al-Shuhada fought beside Brigade 30 near Mosul.", False),
                        ("Kataib Sayyid al-Shuhada (Brigade 30) fought near Mosul.", True)):
        ms = mentions(text, [("Kataib Sayyid al-Shuhada", G, "kataib-sayyid-al-shuhada"), ("Brigade 30", G, "ent-b30")])
        linked = link_defined_short_forms(text, ms, lambda eid: eid == "kataib-sayyid-al-shuhada" or known)
        assert [m.entity_id for m in linked] == ["kataib-sayyid-al-shuhada", "ent-b30"]
