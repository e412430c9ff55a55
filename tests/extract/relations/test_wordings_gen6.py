"""Relations in more outlets' wordings (helper round 11): a foreign state body a group is aligned
with backs it, a title "of" a body whose kind follows its name, "the group" after a sentence whose
subject a group owns, a place qualifying a site noun, verbs of lying "in" a place.

Invented sentences through the real model.
"""

from __future__ import annotations

import pytest

from factiongraph.extract.relations.extractor import RelationExtractor
from tests.extract.relations.helpers import parsed_triples

pytestmark = pytest.mark.slow

KH = "kataib-hezbollah"


def got(extractor: RelationExtractor, text: str) -> set[tuple[str, str, str]]:
    return parsed_triples(extractor, text, "2023-05-10")


# -- a state body of another country than the story's backs the group aligned with it ------------
@pytest.mark.parametrize("text,backer", [
    ("In Iraq, Kataib Hezbollah, a militia close to Iran's Revolutionary Guards, rejected the Iraqi plan.", "irgc"),
    ("The Iraqi militia Kataib Hezbollah is aligned with the Quds Force.", "quds-force"),
])
def test_alignment_with_a_foreign_state_body_is_backing(extractor: RelationExtractor, text: str, backer: str) -> None:
    found = got(extractor, text)
    assert (KH, "backed_by", backer) in found
    assert (KH, "affiliated_with", backer) not in found


def test_association_with_the_own_government_stays_an_affiliation(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah is officially associated with the Iraqi government.")
    assert (KH, "affiliated_with", "iraqi-government") in found


# -- "the head of the X bloc Y" ------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("The secretary-general of the Asaib Ahl al-Haq movement Qais al-Khazali spoke on Sunday.",
     ("qais-al-khazali", "leader_of", "asaib-ahl-al-haq")),
    ("According to former MP and outspoken leader of the Badr Organization militia Hadi al-Amiri, it was a ploy.",
     ("hadi-al-amiri", "leader_of", "badr-organisation")),
])
def test_a_title_of_a_body_named_with_its_kind(extractor: RelationExtractor, text: str,
                                                expected: tuple[str, str, str]) -> None:
    assert expected in got(extractor, text)


# -- "the group" after a sentence whose subject is the group's own people --------------------------
def test_the_group_after_its_own_fighters_as_subject(extractor: RelationExtractor) -> None:
    text = ("Asaib Ahl al-Haq's fighters are formally enrolled in the PMF. "
            "The group is also a member of the Coordination Framework.")
    found = got(extractor, text)
    assert ("asaib-ahl-al-haq", "part_of", "coordination-framework") in found
    assert ("pmf", "part_of", "coordination-framework") not in found


# -- located_in ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Sadr City, a Baghdad district, is a stronghold of the Sadrists.", ("sadr-city", "located_in", "baghdad")),
    ("Qaim is an Anbar border town.", ("qaim", "located_in", "anbar")),
    ("The attack on Ain al-Asad, which lies in Anbar province, wounded two.", ("ain-al-asad", "located_in", "anbar")),
    ("Ain al-Asad, located in western Anbar, was hit again.", ("ain-al-asad", "located_in", "anbar")),
])
def test_located_in_wordings(extractor: RelationExtractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in got(extractor, text)


@pytest.mark.parametrize("text", [
    "Jurf al-Sakhar lies 60 km south of Baghdad.",
    "The base is located near Anbar, not in Baghdad.",
])
def test_lying_near_or_off_is_not_containment(extractor: RelationExtractor, text: str) -> None:
    assert not any(p == "located_in" and o == "baghdad" for _, p, o in got(extractor, text))


# -- backing: what is received, whose people are trained, who set the group up -----------------------
@pytest.mark.parametrize("text,backer", [
    ("Kataib Hezbollah gets most of its weapons from Iran.", "iran"),
    ("Kataib Hezbollah gets direction and funding from the IRGC.", "irgc"),
    ("The IRGC has trained thousands of Kataib Hezbollah fighters.", "irgc"),
    ("Iran armed Kataib Hezbollah's fighters.", "iran"),
    ("The Iraqi militia Kataib Hezbollah was established by the Quds Force in 2007.", "quds-force"),
    ("In Iraq, the Iraqi militia Kataib Hezbollah was formed with the help of Iran's Quds Force.", "quds-force"),
])
def test_backing_wordings(extractor: RelationExtractor, text: str, backer: str) -> None:
    assert (KH, "backed_by", backer) in got(extractor, text)


@pytest.mark.parametrize("text", [
    "Kataib Hezbollah retook the town with the help of Asaib Ahl al-Haq.",
    "Kataib Hezbollah gets most of its recruits from Basra.",
])
def test_one_off_help_and_other_things_received_are_no_tie(extractor: RelationExtractor, text: str) -> None:
    assert not any(s == KH and p in ("backed_by", "affiliated_with") for s, p, _ in got(extractor, text))


# -- "X, along with other PMF factions" ------------------------------------------------------------
def test_along_with_other_factions_of_a_known_umbrella(extractor: RelationExtractor) -> None:
    assert (KH, "part_of", "pmf") in got(extractor, "Kataib Hezbollah, along with other PMF factions, rejected it.")


# -- a set picked out of by a relative clause, or named after an umbrella's parts ----------------------
def test_backed_factions_in_which_a_group_leads(extractor: RelationExtractor) -> None:
    text = "The strikes targeted Iran-backed factions in which Kataib Hezbollah plays a leading role."
    assert (KH, "backed_by", "iran") in got(extractor, text)


@pytest.mark.parametrize("text,parts", [
    ("Washington blames factions within the Hashd, in particular Kataib Hezbollah, for the attacks.", [KH]),
    ("Officials blamed militias inside the PMF, especially Kataib Hezbollah and Harakat al-Nujaba, for it.",
     [KH, "harakat-al-nujaba"]),
])
def test_names_listed_after_parts_of_a_known_umbrella(extractor: RelationExtractor, text: str,
                                                      parts: list[str]) -> None:
    found = got(extractor, text)
    assert all((p, "part_of", "pmf") in found for p in parts)


def test_people_listed_after_an_umbrella_are_not_parts(extractor: RelationExtractor) -> None:
    found = got(extractor, "Officials met leaders of the PMF, including Hadi al-Amiri.")
    assert not any(p == "part_of" for _, p, _ in found)


# -- a long name the mention finder missed, written with its short form in brackets ------------------
def test_a_missed_name_stands_for_its_bracketed_short_form(extractor: RelationExtractor) -> None:
    text = "Yousif Matti also criticised the Nineveh Plain Guards (NPG), which is affiliated with Brigade 50."
    found = got(extractor, text)
    assert any(p == "affiliated_with" and o == "babiliyoun" and s.startswith("ent-") for s, p, o in found)
    assert not any(s == "nineveh-plains" for s, _, _ in found)


# -- "its" after a sentence that is itself about "it" ------------------------------------------------
def test_its_after_a_sentence_about_it_reaches_the_group_before(extractor: RelationExtractor) -> None:
    text = ("Kataib Hezbollah emerged in 2007. It is widely seen as the most capable of the militias in the "
            "Popular Mobilisation Forces. Its secretary-general, Abu Hussein al-Hamidawi, rarely appears.")
    found = got(extractor, text)
    assert ("abu-hussein-al-hamidawi", "leader_of", KH) in found
    assert ("abu-hussein-al-hamidawi", "leader_of", "pmf") not in found


def test_its_after_a_sentence_naming_the_body_first(extractor: RelationExtractor) -> None:
    found = got(extractor, "The PMF was formed in 2014 after a fatwa. Its chairman, Faleh al-Fayyadh, spoke.")
    assert ("faleh-al-fayyadh", "leader_of", "pmf") in found


# -- precision: a name inside an indefinite phrase is no person's own militia --------------------------
def test_an_indefinite_force_a_person_name_qualifies_has_no_leader(extractor: RelationExtractor) -> None:
    text = "Turkish warplanes struck Sinjar, where the YBS, a local Yazidi force affiliated with the PKK, operates."
    found = got(extractor, text)
    assert ("sinjar-resistance-units", "affiliated_with", "pkk") in found
    assert not any(p == "leader_of" for _, p, _ in found)


# -- a title's capitalised owner word that heads a body the text names ----------------------------------
def test_a_title_owner_word_heading_a_named_body(extractor: RelationExtractor) -> None:
    text = ('"Rockets landed," Colonel Wayne Marotto, Coalition spokesman, tweeted on Monday. '
            "The US-led coalition said it would respond.")
    assert any(p == "holds_role" and o == "international-coalition" for _, p, o in got(extractor, text))


def test_a_title_owner_word_heading_no_named_body_gives_nothing(extractor: RelationExtractor) -> None:
    text = '"Rockets landed," Colonel Wayne Marotto, Coalition spokesman, tweeted on Monday.'
    assert not any(p == "holds_role" for _, p, _ in got(extractor, text))


# -- backing: "has" support, an ally named between the owner's possessive and the noun ------------------
@pytest.mark.parametrize("text", [
    "Kataib Hezbollah, which has Iranian backing, vowed revenge.",
    "Kataib Hezbollah has the support of Tehran.",
])
def test_having_support(extractor: RelationExtractor, text: str) -> None:
    assert (KH, "backed_by", "iran") in got(extractor, text)


@pytest.mark.parametrize("text", [
    "Kataib Hezbollah has no support from Iran.",
    "Kataib Hezbollah receives no funding from Iran.",
    "Kataib Hezbollah has training camps in Iran.",
])
def test_no_support_or_no_support_noun_is_no_backing(extractor: RelationExtractor, text: str) -> None:
    assert (KH, "backed_by", "iran") not in got(extractor, text)


@pytest.mark.parametrize("text", [
    "Tehran's Houthi allies attacked ships.",
    "With the Iranian regime losing its grip in Lebanon and Syria, and its Houthi allies in Yemen "
    "facing pressure, the militias matter more.",
])
def test_an_ally_named_after_the_owner(extractor: RelationExtractor, text: str) -> None:
    found = got(extractor, text)
    assert ("houthis", "backed_by", "iran") in found
    assert ("houthis", "backed_by", "syria") not in found


# -- subjects: an infinitive relative picks a named one out; "the group, known as X" ------------------------
@pytest.mark.parametrize("text,expected", [
    ("Kataib Hezbollah was one of the first groups to join the PMF.", (KH, "part_of", "pmf")),
    ("Nujaba became the latest faction to join the Islamic Resistance in Iraq.",
     ("harakat-al-nujaba", "part_of", "islamic-resistance-in-iraq")),
    ("The group, known as Kataib Hezbollah, is part of the PMF.", (KH, "part_of", "pmf")),
])
def test_subjects_picked_out_or_named_as(extractor: RelationExtractor, text: str,
                                          expected: tuple[str, str, str]) -> None:
    assert expected in got(extractor, text)


# -- a singular relative clause the parser hung on the plural people "of" a body ----------------------------
def test_a_singular_clause_after_the_people_of_a_body_is_the_bodys(extractor: RelationExtractor) -> None:
    text = ("Gunmen attacked a checkpoint of the PMF's 24th Brigade near Muqdadiyah. The attack killed two "
            "members of the brigade, which belongs to the Badr Organization.")
    assert any(p == "affiliated_with" and o == "badr-organisation" for _, p, o in got(extractor, text))


# -- patrons: the noun's owner is backed by the one it restates --------------------------------------------
@pytest.mark.parametrize("text", [
    "Kataib Hezbollah's patron, Iran, denied involvement.",
    "Iran, Kataib Hezbollah's main sponsor, denied involvement.",
    "Iran is the main backer of Kataib Hezbollah.",
    "Kataib Hezbollah's backers in Tehran denied involvement.",
    "Kataib Hezbollah said nothing. Iran, the group's main patron, denied involvement.",
])
def test_patron_nouns(extractor: RelationExtractor, text: str) -> None:
    assert (KH, "backed_by", "iran") in got(extractor, text)


def test_a_patron_of_a_state_or_a_denied_sponsor_gives_nothing(extractor: RelationExtractor) -> None:
    assert not any(p == "backed_by" for _, p, _ in got(extractor, "The US, Israel's main backer, said nothing."))
    assert not got(extractor, "Kataib Hezbollah is not a sponsor of Iran.")


# -- an umbrella's units belonging to a group ---------------------------------------------------------------
@pytest.mark.parametrize("text,group", [
    ("The PMF's 313th, 314th and 315th brigades belong to Saraya al-Salam.", "saraya-al-salam"),
    ("Three PMF brigades belong to the Badr Organization.", "badr-organisation"),
])
def test_an_umbrellas_units_belonging_to_a_group(extractor: RelationExtractor, text: str, group: str) -> None:
    found = got(extractor, text)
    assert (group, "part_of", "pmf") in found
    assert ("pmf", "part_of", group) not in found


# -- leaders: an honorific after the apposition's comma, a group noun's name after it -----------------------
@pytest.mark.parametrize("text,expected", [
    ("The leader of Asaib Ahl al-Haq, Sheikh Qais al-Khazali, said so.", ("qais-al-khazali", "leader_of", "asaib-ahl-al-haq")),
    ("Nujaba's secretary-general, Sheikh Akram al-Kaabi, said so.", ("akram-al-kaabi", "leader_of", "harakat-al-nujaba")),
    ("Akram al-Kaabi, the head of the Iraqi armed group Harakat al-Nujaba, said so.",
     ("akram-al-kaabi", "leader_of", "harakat-al-nujaba")),
])
def test_leader_wordings(extractor: RelationExtractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in got(extractor, text)


def test_the_head_of_the_group_names_no_later_group(extractor: RelationExtractor) -> None:
    text = "Akram al-Kaabi, the head of the group, said Harakat al-Nujaba would respond."
    assert not any(p == "leader_of" for _, p, _ in got(extractor, text))


# -- "who" hung on a name-bearing apposition of a person ----------------------------------------------------
def test_who_after_a_party_name_describing_a_person(extractor: RelationExtractor) -> None:
    text = "Qais al-Khazali, a former Sadrist who now leads Asaib Ahl al-Haq, spoke."
    found = got(extractor, text)
    assert ("qais-al-khazali", "leader_of", "asaib-ahl-al-haq") in found
    assert not any(s == "sadrist-movement" for s, _, _ in found)


# -- "a Kataib Hezbollah front": the owner written before a bare cover noun --------------------------------
@pytest.mark.parametrize("text", [
    "Ashab al-Kahf, a Kataib Hezbollah front, claimed the attack.",
    "Ashab al-Kahf, which analysts describe as a Kataib Hezbollah front, claimed the attack.",
])
def test_an_owner_written_before_a_cover_noun(extractor: RelationExtractor, text: str) -> None:
    assert ("ashab-al-kahf", "possibly_same_as", KH) in got(extractor, text)


def test_a_battle_front_is_no_cover(extractor: RelationExtractor) -> None:
    assert not got(extractor, "Kataib Hezbollah fighters on the Anbar front clashed with ISIS.")


# -- affiliation: a group set up by another's former people; a rebranded version ----------------------------
@pytest.mark.parametrize("text,expected", [
    ("Harakat al-Nujaba was formed by former members of Asaib Ahl al-Haq.",
     ("harakat-al-nujaba", "affiliated_with", "asaib-ahl-al-haq")),
    ("Harakat al-Nujaba, founded by defectors from Asaib Ahl al-Haq, fought in Syria.",
     ("harakat-al-nujaba", "affiliated_with", "asaib-ahl-al-haq")),
    ("Saraya al-Salam, a rebranded version of the Mahdi Army, deployed.",
     ("saraya-al-salam", "affiliated_with", "mahdi-army")),
    ("Saraya al-Salam, the reincarnation of the Mahdi Army, deployed.",
     ("saraya-al-salam", "affiliated_with", "mahdi-army")),
])
def test_affiliation_wordings(extractor: RelationExtractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in got(extractor, text)


def test_a_thing_set_up_by_a_groups_defectors_is_no_group(extractor: RelationExtractor) -> None:
    assert not got(extractor, "The checkpoint was set up by defectors from Kataib Hezbollah.")


# -- cooperation: "coordinates its attacks with Y", "works closely with Y" -----------------------------------
@pytest.mark.parametrize("text", [
    "Kataib Hezbollah coordinates its attacks with Harakat al-Nujaba.",
    "Kataib Hezbollah works closely with Harakat al-Nujaba.",
])
def test_cooperation_wordings(extractor: RelationExtractor, text: str) -> None:
    assert (KH, "affiliated_with", "harakat-al-nujaba") in got(extractor, text)


def test_working_with_alone_is_no_tie(extractor: RelationExtractor) -> None:
    assert not got(extractor, "Kataib Hezbollah works with Harakat al-Nujaba on some issues.")


def test_its_after_a_sentence_whose_subject_is_not_named_first(extractor: RelationExtractor) -> None:
    text = ("Renad Mansour, director of the Iraq Initiative at Chatham House, said the PMF had become a state "
            "within the state. Its chairman, Faleh al-Fayyadh, is also the national security adviser.")
    found = got(extractor, text)
    assert ("faleh-al-fayyadh", "leader_of", "pmf") in found
    assert ("faleh-al-fayyadh", "leader_of", "chatham-house") not in found
