"""KB ruler patterns: case variants, acronyms, compound aliases, ids."""

from __future__ import annotations

from factiongraph.kb import KnowledgeBase
from factiongraph.kb.record import KBRecord
from factiongraph.model import EntityType
from factiongraph.nlp.patterns import (KB_ID_PREFIX, build_kb_patterns, dateline_variants, is_descriptive_alias,
                                        is_possessive_alias,
                                        surface_variants, particle_variants)


def test_acronyms_match_only_as_written() -> None:
    assert surface_variants("US") == {"US"}
    assert surface_variants("IRGC-QF") == {"IRGC-QF"}


def test_multiword_variants() -> None:
    forms = surface_variants("US Embassy")
    assert {"US Embassy", "US embassy"} <= forms
    assert "us embassy" not in forms
    assert "Iraqi Government" in surface_variants("Iraqi government")
    assert "International coalition" in surface_variants("the international coalition")


def test_patterns_carry_kb_ids_and_types(tiny_kb: KnowledgeBase) -> None:
    patterns = list(build_kb_patterns(tiny_kb))
    by_surface = {p["pattern"]: p for p in patterns}
    assert by_surface["Kataib Hizbullah"]["id"] == KB_ID_PREFIX + "kataib-hezbollah"
    assert by_surface["Kataib Hizbullah"]["label"] == "armed_group"
    assert by_surface["IRGC-QF"]["id"] == KB_ID_PREFIX + "quds-force"
    # "<IRGC name> <Quds Force name>" is left out so text yields both mentions
    assert "Islamic Revolutionary Guard Corps Quds Force" not in by_surface
    assert len(by_surface) == len(patterns)


def test_descriptive_aliases_yield_to_the_name_inside() -> None:
    from factiongraph.nlp.patterns import is_descriptive_alias

    names = {"Taji", "US embassy", "Green Zone", "Islamic State"}
    assert is_descriptive_alias("Taji military base", names)
    assert is_descriptive_alias("fortified Green Zone", names)
    assert is_descriptive_alias("US embassy in Baghdad", names)
    assert not is_descriptive_alias("Camp Taji", names)
    assert not is_descriptive_alias("Islamic State of Iraq and Syria", names)


def test_possessive_alias_of_another_record_is_left_to_the_parts() -> None:
    owners = {"Iran": {"iran"}, "Revolutionary Guards": {"irgc"}, "Iran's Revolutionary Guards": {"irgc"},
              "Prime Minister's Office": {"pmo"}}
    assert is_possessive_alias("Iran's Revolutionary Guards", "irgc", owners)
    assert is_possessive_alias("Iran\u2019s Revolutionary Guards", "irgc", owners)
    # the possessor is not another record: the whole name is the entity
    assert not is_possessive_alias("Prime Minister's Office", "pmo", owners)
    assert not is_possessive_alias("Revolutionary Guards", "irgc", owners)


def test_the_arabic_article_inside_a_name_in_every_spelling() -> None:
    assert particle_variants("Hashd al-Shaabi") == {"Hashd Al-Shaabi", "Hashd al Shaabi", "Hashd Al Shaabi"}
    assert "Hashd Al-Shaabi" in surface_variants("Hashd al-Shaabi")
    assert particle_variants("Kataib Hezbollah") == set()
    assert particle_variants("Al-Monitor") == set()  # one word: written as the outlet writes it
    assert particle_variants("Qais el-Khazali") == {"Qais El-Khazali"}  # al-/el- is for the resolver's keys


def test_dateline_capitals_only_for_places_with_long_one_word_names() -> None:
    erbil = KBRecord("erbil", EntityType.PLACE, "Erbil", ("Arbil", "Hawler", "Erbil city"))
    assert dateline_variants(erbil) == {"ERBIL", "ARBIL", "HAWLER"}
    assert dateline_variants(KBRecord("hit", EntityType.PLACE, "Hit", ("Heet",))) == {"HEET"}  # "HIT" is a word
    assert dateline_variants(KBRecord("kh", EntityType.ARMED_GROUP, "Kataib Hezbollah", ("Hezbollah",))) == set()
    # photo credits write outlets so: "STRINGER / REUTERS"
    assert dateline_variants(KBRecord("reuters", EntityType.MEDIA_OUTLET, "Reuters", ("AFP wire",))) == {"REUTERS"}


def test_a_facilitys_generic_nouns_in_lower_case_after_its_proper_name() -> None:
    forms = surface_variants("Ain al-Asad Air Base")
    assert {"Ain Al-Asad air base", "Ain al-Asad air base"} <= forms  # not only "Ain al-asad air base"
    assert "Erbil International airport" in surface_variants("Erbil International Airport")
    assert "Kurdistan region" in surface_variants("Kurdistan Region")
    assert "Popular Mobilization Forces" in surface_variants("Popular Mobilization Forces")  # no generic tail


def test_a_facilitys_own_name_is_no_descriptive_alias() -> None:
    assert not is_descriptive_alias("al-Tanf garrison", {"al-Tanf", "Tanf"})
    assert not is_descriptive_alias("Ain al-Asad air base", {"Ain al-Asad"})
    assert is_descriptive_alias("Salahuddin province", {"Salahuddin"})  # the mention is the name inside
    assert is_descriptive_alias("fortified Green Zone", {"Green Zone"})
    assert "Popular Mobilization forces" in surface_variants("Popular Mobilization Forces")
