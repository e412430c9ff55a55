"""Resolution: KB links, short forms, must-not-merge, cross-document merging, judgements."""

from __future__ import annotations

import pytest

from factiongraph.kb import KnowledgeBase
from factiongraph.model import EntityType, Mention
from factiongraph.model.judgement import Verdict
from factiongraph.resolve import Resolution, Resolver, discovered_id, make_key
from tests.resolve.factory import make_document, make_tiny_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return make_tiny_kb()


@pytest.fixture(scope="module")
def resolver(kb: KnowledgeBase) -> Resolver:
    return Resolver(kb)


def mentions_of(text: str, spans: list[tuple[str, EntityType]], doc_id: str = "doc-1",
                producer: str = "rule.test.v1") -> list[Mention]:
    """Return a mention for each (surface, type); spans are given in text order."""
    out: list[Mention] = []
    cursor = 0
    for surface, etype in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        out.append(Mention(doc_id, start, start + len(surface), surface, etype, producer,
                           sentence_start=0, sentence_end=len(text)))
    return out


def resolve(resolver: Resolver, text: str, spans: list[tuple[str, EntityType]],
            doc_id: str = "doc-1", producer: str = "rule.test.v1") -> Resolution:
    return resolver.resolve(make_document(text, doc_id), mentions_of(text, spans, doc_id, producer))


def ids(res: Resolution) -> list[str | None]:
    return [m.entity_id for m in res.mentions]


P, G = EntityType.PERSON, EntityType.ARMED_GROUP


def test_transliteration_variant_links_to_kb(resolver: Resolver) -> None:
    res = resolve(resolver, "Kata'ib Hizballah and Asa'ib Ahl el-Haq fired.",
                  [("Kata'ib Hizballah", G), ("Asa'ib Ahl el-Haq", G)])
    assert ids(res) == ["kataib-hezbollah", "asaib-ahl-al-haq"]
    kb_entities = {e.entity_id: e for e in res.entities}
    assert kb_entities["kataib-hezbollah"].in_kb
    assert any(j.verdict is Verdict.POSITIVE and j.left_id == "kataib-hezbollah"
               for j in res.judgements)


def test_a_place_written_with_other_vowels_links_to_the_kb_place(resolver: Resolver) -> None:
    res = resolve(resolver, "A bomb exploded in Khaniqeen city.", [("Khaniqeen", EntityType.PLACE)])
    assert ids(res) == ["khanaqin"]
    assert any(j.verdict is Verdict.POSITIVE and j.left_id == "khanaqin" and j.producer == "rule.place-letters.v1"
               for j in res.judgements)
    # a person's name with those letters is not the place
    res = resolve(resolver, "Khaniqeen spoke.", [("Khaniqeen", EntityType.PERSON)])
    assert ids(res) != ["khanaqin"]


def test_mentions_are_copied_not_rewritten(resolver: Resolver) -> None:
    text = "Hatem al-Falahi said. al-Falahi added."
    spans = [("Hatem al-Falahi", P), ("al-Falahi", P)]
    original = mentions_of(text, spans)
    res = resolver.resolve(make_document(text), original)
    assert all(m.entity_id is None for m in original)
    for before, after in zip(original, res.mentions):
        assert (before.start, before.end, before.text) == (after.start, after.end, after.text)


def test_short_form_links_to_preceding_full_name(resolver: Resolver) -> None:
    text = "Analyst Hatem al-Falahi spoke. Later al-Falahi said more. Falahi ended."
    res = resolve(resolver, text, [("Hatem al-Falahi", P), ("al-Falahi", P), ("Falahi", P)])
    assert len(set(ids(res))) == 1
    entity = res.entities[0]
    assert entity.name == "Hatem al-Falahi" and not entity.in_kb
    assert entity.attributes["discovered_by"] == "rule.test.v1"
    assert entity.attributes["first_evidence"]
    assert any(j.verdict is Verdict.POSITIVE and j.producer == "rule.short-form.v1"
               for j in res.judgements)


def test_short_form_of_kb_person_in_document(resolver: Resolver) -> None:
    text = "Qais Khazali spoke. Khazali then left."
    res = resolve(resolver, text, [("Qais Khazali", P), ("Khazali", P)])
    assert ids(res) == ["qais-al-khazali", "qais-al-khazali"]


def test_people_sharing_a_name_part_are_never_merged(resolver: Resolver) -> None:
    text = ("Foreign Minister Fuad Hussein met officials. Analyst Ghazi Faisal Hussein disagreed. "
            "Hussein said the talks failed. Fuad Hussein left.")
    res = resolve(resolver, text, [("Fuad Hussein", P), ("Ghazi Faisal Hussein", P), ("Hussein", P),
                                   ("Fuad Hussein", P)])
    fuad, ghazi, short, fuad2 = ids(res)
    assert fuad == fuad2 == "fuad-hussein"
    assert ghazi != fuad and ghazi == discovered_id(P, make_key("Ghazi Faisal Hussein"))
    assert short == ghazi  # the most recent preceding full name
    negatives = [j for j in res.judgements if j.verdict is Verdict.NEGATIVE]
    assert {frozenset((j.left_id, j.right_id)) for j in negatives} == {frozenset((fuad, ghazi))}


def test_short_form_goes_to_most_recent_preceding_name(resolver: Resolver) -> None:
    text = "Ghazi Faisal Hussein spoke. Fuad Hussein replied. Hussein then added."
    res = resolve(resolver, text, [("Ghazi Faisal Hussein", P), ("Fuad Hussein", P), ("Hussein", P)])
    assert ids(res)[2] == "fuad-hussein"


def test_partial_name_joins_the_longer_name(resolver: Resolver) -> None:
    text = "Ghazi Faisal Hussein spoke. Faisal Hussein added."
    res = resolve(resolver, text, [("Ghazi Faisal Hussein", P), ("Faisal Hussein", P)])
    assert ids(res)[0] == ids(res)[1]
    assert not [j for j in res.judgements if j.verdict is Verdict.NEGATIVE]


def test_kb_surname_links_only_when_unambiguous(resolver: Resolver) -> None:
    res = resolve(resolver, "Kadhimi spoke. Hussein did not.", [("Kadhimi", P), ("Hussein", P)])
    kadhimi, hussein = ids(res)
    assert kadhimi == "mustafa-al-kadhimi"
    assert hussein not in ("fuad-hussein", "saddam-hussein")
    assert hussein == discovered_id(P, make_key("Hussein"))


def test_ner_typed_surname_is_retyped_as_the_person(resolver: Resolver) -> None:
    text = "Majid al-Qaisi spoke. al-Qaisi added."
    mentions = mentions_of(text, [("Majid al-Qaisi", P)])
    mentions += mentions_of(text, [("al-Qaisi", EntityType.POLITICAL_ORG)], producer="model.spacy-x-1")
    mentions[1].start = text.index("al-Qaisi added")
    mentions[1].end = mentions[1].start + len("al-Qaisi")
    res = resolver.resolve(make_document(text), mentions)
    assert res.mentions[0].entity_id == res.mentions[1].entity_id
    assert res.mentions[1].type is P


def test_same_unknown_group_in_two_documents_gets_one_id(resolver: Resolver) -> None:
    first = resolve(resolver, "Saraya Rijal al-Fajr claimed it.", [("Saraya Rijal al-Fajr", G)], "a")
    second = resolve(resolver, "Sarayat Rijal el-Fajr denied it.", [("Sarayat Rijal el-Fajr", G)], "b")
    third = resolve(resolver, "Liwa al-Thabitin denied it.", [("Liwa al-Thabitin", G)], "c")
    assert ids(first)[0] is not None and not first.entities[0].in_kb
    assert ids(first) == ids(second)
    assert ids(third) != ids(first)
    assert first.entities[0].type is G


def test_two_unknown_groups_in_one_document_stay_apart(resolver: Resolver) -> None:
    text = "Saraya Rijal al-Fajr and Liwa al-Thabitin traded accusations."
    res = resolve(resolver, text, [("Saraya Rijal al-Fajr", G), ("Liwa al-Thabitin", G)])
    assert len(set(ids(res))) == 2 and len(res.entities) == 2


def test_acronym_from_kb_alias(resolver: Resolver) -> None:
    res = resolve(resolver, "The PMU and AAH and the IRGC-QF.",
                  [("PMU", G), ("AAH", G), ("IRGC-QF", EntityType.STATE_BODY)])
    assert ids(res) == ["pmf", "asaib-ahl-al-haq", "quds-force"]


@pytest.fixture(scope="module")
def full_resolver() -> Resolver:
    from factiongraph.kb import load_kb

    return Resolver(load_kb())


PL = EntityType.PLACE


@pytest.mark.parametrize("text,surface,etype,producer", [
    ("Crowds mourned Soleimani on Monday.", "Soleimani", PL, "model.spacy-x-1"),
    ("Suleimani's death changed the region.", "Suleimani", EntityType.POLITICAL_ORG, "model.spacy-x-1"),
    ("Sulaimani, the Quds Force commander, was buried.", "Sulaimani", PL, "rule.kb-alias.v1"),
])
def test_person_surname_never_folds_into_a_same_key_place(full_resolver: Resolver, text: str,
                                                         surface: str, etype: EntityType,
                                                         producer: str) -> None:
    mentions = mentions_of(text, [(surface, etype)], producer=producer)
    if producer.startswith("rule."):
        mentions[0].entity_id = "sulaymaniyah"  # the alias matcher's exact (place) hit
    res = full_resolver.resolve(make_document(text), mentions)
    assert res.mentions[0].entity_id == "qasem-soleimani"
    assert res.mentions[0].type is P


@pytest.mark.parametrize("text,surface", [
    ("SULAIMANI, Kurdistan Region - Turkish drones struck a village near Penjwen.", "SULAIMANI"),  # a dateline
    ("Sulaimani governor Haval Abubakr visited the site.", "Sulaimani"),
    ("Shops closed in Penjwen and in Sulaimani, Kurdistan Region, on Monday.", "Sulaimani"),
])
def test_a_lone_name_written_as_a_place_keeps_the_place(full_resolver: Resolver, text: str, surface: str) -> None:
    mentions = mentions_of(text, [(surface, PL)], producer="rule.kb-alias.v1")
    mentions[0].entity_id = "sulaymaniyah"
    res = full_resolver.resolve(make_document(text), mentions)
    assert res.mentions[0].entity_id == "sulaymaniyah"


def test_surname_in_document_wins_and_place_context_keeps_the_place(full_resolver: Resolver) -> None:
    text = "Qassem Soleimani visited Baghdad. Soleimani met allies. Later, rallies in Sulaimani grew."
    mentions = mentions_of(text, [("Qassem Soleimani", P)])
    mentions += mentions_of(text, [("Soleimani", PL)], producer="model.spacy-x-1")
    mentions[1].start = text.index("Soleimani met")
    mentions[1].end = mentions[1].start + len("Soleimani")
    place = mentions_of(text, [("Sulaimani", PL)], producer="rule.kb-alias.v1")[0]
    place.entity_id = "sulaymaniyah"
    res = full_resolver.resolve(make_document(text), mentions + [place])
    assert ids(res) == ["qasem-soleimani", "qasem-soleimani", "sulaymaniyah"]
    assert res.mentions[2].type is PL


def test_the_publishing_outlet_is_an_entity_even_when_the_text_never_names_it(resolver: Resolver) -> None:
    doc = make_document("Gunmen fired on a checkpoint.")
    doc.metadata.outlet = "Tigris  Evening Post"
    doc.metadata.basis["outlet"] = "metadata: manifest"
    res = resolver.resolve(doc, [])
    outlet = next(e for e in res.entities if e.entity_id == res.outlet_id)
    assert (outlet.type, outlet.name, outlet.in_kb) == (EntityType.MEDIA_OUTLET, "Tigris Evening Post", False)
    assert res.outlet_id == discovered_id(EntityType.MEDIA_OUTLET, make_key("Tigris Evening Post"))
    assert "metadata: manifest" in outlet.attributes["first_evidence"]


def test_a_known_outlet_is_its_kb_record_and_a_mention_of_it_is_the_same_entity(resolver: Resolver) -> None:
    text = "A source told Diyaruna the raid went ahead."
    doc = make_document(text)
    doc.metadata.outlet = "Diyaruna"
    res = resolver.resolve(doc, mentions_of(text, [("Diyaruna", EntityType.MEDIA_OUTLET)]))
    assert res.outlet_id == "diyaruna"
    assert [e.entity_id for e in res.entities].count("diyaruna") == 1
    unknown = make_document("No outlet here.")
    assert resolver.resolve(unknown, []).outlet_id is None


def test_reviewers_negative_judgements_keep_each_rule_from_linking(kb: KnowledgeBase) -> None:
    """Each rule that joins a mention to another id gives way to a reviewer's "different"."""
    kadhimi_alone = discovered_id(P, make_key("Kadhimi"))
    ghazi = discovered_id(P, make_key("Ghazi Faisal Hussein"))
    faisal = discovered_id(P, make_key("Faisal Hussein"))
    hussein_alone = discovered_id(P, make_key("Hussein"))
    apart = frozenset({frozenset(("mustafa-al-kadhimi", kadhimi_alone)), frozenset((ghazi, faisal)),
                       frozenset((ghazi, hussein_alone)), frozenset(("qais-al-khazali", discovered_id(P, "khazali")))})
    plain, judged = Resolver(kb), Resolver(kb, apart)
    cases = [
        ("Kadhimi spoke.", [("Kadhimi", P)], 0),  # the only KB person with that surname
        ("Ghazi Faisal Hussein spoke. Faisal Hussein added.",
         [("Ghazi Faisal Hussein", P), ("Faisal Hussein", P)], 1),  # a partial name
        ("Ghazi Faisal Hussein spoke. Hussein added.", [("Ghazi Faisal Hussein", P), ("Hussein", P)], 1),
        ("Qais Khazali spoke. Khazali then left.", [("Qais Khazali", P), ("Khazali", P)], 1),  # short form
    ]
    for text, spans, which in cases:
        linked = ids(resolve(plain, text, spans))
        kept_apart = ids(resolve(judged, text, spans))
        assert linked[which] != kept_apart[which], text
        assert kept_apart[which] == discovered_id(P, make_key(spans[which][0])), text  # its own id


def test_a_surname_several_kb_people_share_is_a_person_of_its_own(resolver: Resolver) -> None:
    # NER read "Hussein" as an organisation; two KB people are called Hussein: unsure which, but a person
    res = resolve(resolver, "Hussein said the talks were useful.", [("Hussein", EntityType.POLITICAL_ORG)])
    [m] = res.mentions
    assert m.type is EntityType.PERSON and m.entity_id not in ("fuad-hussein", "saddam-hussein")
    assert {j.verdict for j in res.judgements} == {Verdict.UNSURE}


def test_a_place_word_that_is_the_last_name_of_a_person_named_before_is_that_person() -> None:
    from tests.extract.factory import default_kb
    from dataclasses import replace
    real = Resolver(default_kb())

    def run(text: str) -> Resolution:
        name, place = mentions_of(text, [("Renad Mansour", P), ("Mansour", EntityType.PLACE)])
        return real.resolve(make_document(text), [name, replace(place, entity_id="mansour")])  # the KB ruler's link

    res = run("Renad Mansour, a researcher, said the groups had grown. Mansour said they were rich.")
    assert res.mentions[1].entity_id == res.mentions[0].entity_id
    # after a locative preposition the same word is the place
    assert run("Renad Mansour said the groups had grown. A bomb exploded in Mansour.").mentions[1].entity_id == "mansour"
