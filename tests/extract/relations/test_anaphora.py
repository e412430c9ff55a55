"""Relations whose subject is written elsewhere: plural anaphors for a list of groups ("these
groups", "both factions", "all three", "they"), a group's own fighters or units ("X's fighters",
"whose units"), and units an umbrella counts ("X has three brigades in the PMF").

Invented sentences through the real model; each positive case has a look-alike that must give
nothing (a count that does not fit the list, a phrase that picks some out, a negation).
"""

from __future__ import annotations

import pytest

from factiongraph.extract.relations.extractor import RelationExtractor
from tests.extract.relations.helpers import run_checked, triples

pytestmark = pytest.mark.slow

KH, NUJABA, KSS = "kataib-hezbollah", "harakat-al-nujaba", "kataib-sayyid-al-shuhada"


def got(extractor: RelationExtractor, text: str) -> set[tuple[str, str, str]]:
    return triples(run_checked(extractor, text, "2022-05-10", parsed=True))


@pytest.mark.parametrize("second", [
    "These groups are part of the Popular Mobilization Forces.",
    "Both factions belong to the PMF.",
    "These militias operate under the umbrella of the PMF.",
    "These groups, which are backed by Iran, are part of the PMF.",
    "These are all nominally part of the PMF.",
    "All of these groups operate under the umbrella of the PMF.",
    "Each of them is part of the PMF.",
    "These brigades officially belong to the PMF.",
])
def test_a_plural_anaphor_stands_for_the_list_before(extractor: RelationExtractor, second: str) -> None:
    found = got(extractor, f"Kataib Hezbollah and Harakat al-Nujaba denied any role in the attack. {second}")
    assert {(KH, "part_of", "pmf"), (NUJABA, "part_of", "pmf")} <= found


def test_all_three_and_bracketed_short_forms(extractor: RelationExtractor) -> None:
    found = got(extractor, "The attacks were claimed by Kataib Hezbollah (KH), Harakat al-Nujaba (HaN) and "
                           "Kataib Sayyid al-Shuhada (KSS). All three are members of the PMF.")
    assert {(KH, "part_of", "pmf"), (NUJABA, "part_of", "pmf"), (KSS, "part_of", "pmf")} <= found


def test_they_and_a_premodified_anaphor(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah and Harakat al-Nujaba denied involvement. They are backed by Iran.")
    assert {(KH, "backed_by", "iran"), (NUJABA, "backed_by", "iran")} <= found
    found = got(extractor, "Kataib Hezbollah and Harakat al-Nujaba denied involvement. "
                           "These PMF factions have threatened US forces before.")
    assert {(KH, "part_of", "pmf"), (NUJABA, "part_of", "pmf")} <= found


def test_a_count_that_does_not_fit_the_list_stands_for_nothing(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah, Harakat al-Nujaba and Asaib Ahl al-Haq denied it. "
                           "The two groups are backed by Iran.")
    assert not {t for t in found if t[1] == "backed_by"}


def test_a_plural_that_picks_some_out_is_not_the_list(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah and Harakat al-Nujaba denied involvement. "
                           "These groups in Basra are part of the PMF.")
    assert (KH, "part_of", "pmf") not in found and (NUJABA, "part_of", "pmf") not in found


def test_a_singular_anaphor_with_as_part_of(extractor: RelationExtractor) -> None:
    assert (KH, "part_of", "pmf") in got(extractor, "Kataib Hezbollah fired rockets. "
                                                    "The group operates as part of the PMF.")


def test_a_groups_own_fighters_or_units_stand_for_it(extractor: RelationExtractor) -> None:
    assert (KH, "part_of", "pmf") in got(extractor, "Kataib Hezbollah's fighters are enrolled in the PMF.")
    assert (KH, "part_of", "pmf") in got(extractor, "Kataib Hezbollah, whose units are part of the PMF, "
                                                    "denied the claim.")
    assert (KH, "part_of", "pmf") not in got(extractor, "Kataib Hezbollah's spokesman visited the PMF.")


def test_units_an_umbrella_counts(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah controls three PMF brigades.")
    assert (KH, "part_of", "pmf") in found
    assert (KH, "commands", "pmf") not in found  # the brigades are commanded, not the umbrella
    assert (KH, "part_of", "pmf") in got(extractor, "Kataib Hezbollah has several brigades in the PMF.")
    assert (KH, "part_of", "pmf") not in got(extractor, "Kataib Hezbollah does not have brigades in the PMF.")


@pytest.mark.parametrize("second", ["These include Kataib Hezbollah.", "Many of these groups are part of the PMF."])
def test_these_as_a_list_or_a_part_of_one_stands_for_no_list(extractor: RelationExtractor, second: str) -> None:
    found = got(extractor, f"Kataib Hezbollah and Harakat al-Nujaba denied any role in the attack. {second}")
    assert not {t for t in found if t[1] == "part_of"}


@pytest.mark.parametrize("first", [
    "The attacks were claimed by Kataib Hezbollah, the most powerful faction; Harakat al-Nujaba, led by Akram "
    "al-Kaabi; and Kataib Sayyid al-Shuhada.",
    "Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada have claimed dozens of attacks. Washington "
    "has sanctioned their leaders.",
])
def test_a_described_list_or_one_a_sentence_further_back(extractor: RelationExtractor, first: str) -> None:
    found = got(extractor, f"{first} These groups are part of the PMF.")
    assert {(KH, "part_of", "pmf"), (NUJABA, "part_of", "pmf"), (KSS, "part_of", "pmf")} <= found


# -- singular definite descriptions that name a unit or an umbrella ------------------------------
def test_a_unit_noun_stands_for_a_group_so_named(extractor: RelationExtractor) -> None:
    found = got(extractor, "The Shabak Brigade has manned checkpoints east of Mosul since 2017. "
                           "The brigade belongs to the Popular Mobilization Forces.")
    assert ("shabak-brigade", "part_of", "pmf") in found


def test_a_unit_noun_does_not_stand_for_a_group_named_otherwise(extractor: RelationExtractor) -> None:
    found = got(extractor, "Asaib Ahl al-Haq fired rockets at the base on Monday. "
                           "The brigade belongs to the Popular Mobilization Forces.")
    assert ("asaib-ahl-al-haq", "part_of", "pmf") not in found


def test_a_unit_noun_fits_a_group_by_its_translated_name(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah fired rockets at the base on Monday. "
                           "The brigade belongs to the Popular Mobilization Forces.")
    assert (KH, "part_of", "pmf") in found  # "Kataib Hezbollah" is the "Hezbollah Brigades"


def test_the_umbrella_faction_refers_back(extractor: RelationExtractor) -> None:
    found = got(extractor, "Police in Basra arrested three members of Asaib Ahl al-Haq on Sunday. "
                           "The PMF faction denied the charges.")
    assert ("asaib-ahl-al-haq", "part_of", "pmf") in found


def test_an_umbrella_before_a_part_noun_is_not_what_the_phrase_names(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib al-Imam Ali is a PMF faction led by Shibl al-Zaydi.")
    assert ("shibl-al-zaidi", "leader_of", "kataib-al-imam-ali") in found
    assert ("shibl-al-zaidi", "leader_of", "pmf") not in found
    assert ("kataib-al-imam-ali", "part_of", "pmf") in found


@pytest.mark.parametrize(("text", "group"), [
    ("The PMF was set up in 2014 to fight ISIS. Kataib Hezbollah is one of its factions.", KH),
    ("The Popular Mobilization Forces were set up in 2014. Its largest factions include Kataib Hezbollah.", KH),
    ("The Popular Mobilization Forces were set up in 2014. The umbrella includes Kataib Hezbollah.", KH),
])
def test_its_and_the_umbrella_stand_for_the_umbrella_named_before(extractor: RelationExtractor, text: str,
                                                                   group: str) -> None:
    assert (group, "part_of", "pmf") in got(extractor, text)


def test_its_stands_for_no_body_that_is_not_an_umbrella(extractor: RelationExtractor) -> None:
    found = got(extractor, "Harakat al-Nujaba was set up in 2013. Kataib Hezbollah is one of its allies.")
    assert all(p != "part_of" for _, p, _ in found)


def test_both_as_a_bare_subject_stands_for_a_pair(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah and Harakat al-Nujaba have threatened US forces. "
                           "Both are part of the Popular Mobilization Forces.")
    assert {(KH, "part_of", "pmf"), (NUJABA, "part_of", "pmf")} <= found


def test_the_faction_never_stands_for_an_umbrella(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Sayyid al-Shuhada, a member of the PMF, held a parade on Friday. "
                           "The faction's secretary-general, Abu Alaa al-Walai, addressed the crowd.")
    assert ("abu-alaa-al-walai", "leader_of", "pmf") not in found
    assert ("abu-alaa-al-walai", "leader_of", KSS) in found


def test_the_groups_own_forces_stand_for_the_group(extractor: RelationExtractor) -> None:
    found = got(extractor, "Kataib Hezbollah has been blamed for the rocket attacks. "
                           "The group's fighters are part of the Popular Mobilization Forces.")
    assert (KH, "part_of", "pmf") in found


@pytest.mark.parametrize("text", [
    "The Hashd al-Shaabi, of which Kataib Hezbollah is a member, condemned the strike.",
    "The US struck five Kataib Hezbollah facilities. The Popular Mobilization Forces, which includes the "
    "group, said 25 fighters were killed.",
    "The Popular Mobilization Forces said two of its fighters from Kataib Hezbollah were killed.",
])
def test_an_umbrella_told_of_its_member_in_a_clause(extractor: RelationExtractor, text: str) -> None:
    found = got(extractor, text)
    assert (KH, "part_of", "pmf") in found
    assert ("pmf", "part_of", KH) not in found


def test_an_umbrella_is_never_put_inside_its_own_member(extractor: RelationExtractor) -> None:
    found = got(extractor, "The strike hit the 45th and 46th brigades of the PMF, which belong to Kataib "
                           "Hezbollah.")
    assert ("pmf", "part_of", KH) not in found


def test_an_umbrella_unit_refers_back_to_any_group(extractor: RelationExtractor) -> None:
    found = got(extractor, "Two members of the Babylon Brigades were arrested in Alqosh. "
                           "The Hashd unit is led by Rayan al-Kildani.")
    assert ("babiliyoun", "part_of", "pmf") in found
    assert ("rayan-al-kildani", "leader_of", "babiliyoun") in found


@pytest.mark.parametrize("second", [
    "The Popular Mobilization Forces, which include it, condemned the raid.",
    "The Popular Mobilization Forces, of which it is part, condemned the raid.",
])
def test_it_in_an_umbrellas_clause_is_the_group_before(extractor: RelationExtractor, second: str) -> None:
    found = got(extractor, f"The strike hit a Kataib Hezbollah depot. {second}")
    assert (KH, "part_of", "pmf") in found


def test_it_in_a_groups_own_clause_is_that_group(extractor: RelationExtractor) -> None:
    found = got(extractor, "The strike hit a depot near Qaim. Kataib Hezbollah, which says it is part of the "
                           "Popular Mobilization Forces, denied any role.")
    assert (KH, "part_of", "pmf") in found


def test_the_group_reaches_past_a_sentence_that_names_no_group(extractor: RelationExtractor) -> None:
    text = ("Police raided a Kataib Hezbollah depot in Basra on Friday. Nobody was hurt. "
            "Footage showed the seized rockets at a base of the Popular Mobilization Forces, "
            "the umbrella under which the group operates.")
    assert (KH, "part_of", "pmf") in got(extractor, text)
    # another group named since: "the group" is the one named last
    text = ("Police raided a Kataib Hezbollah depot in Basra on Friday. Asaib Ahl al-Haq condemned it. "
            "Nobody was hurt. Footage showed the rockets at a base of the Popular Mobilization Forces, "
            "the umbrella under which the group operates.")
    found = got(extractor, text)
    assert (KH, "part_of", "pmf") not in found and ("asaib-ahl-al-haq", "part_of", "pmf") in found


@pytest.mark.parametrize("text", [
    "Members of the Popular Mobilization Forces, including fighters from Kataib Hezbollah, marched in Baghdad.",
    "PMF fighters from Kataib Hezbollah marched in Baghdad.",
])
def test_an_umbrellas_people_from_a_group(extractor: RelationExtractor, text: str) -> None:
    assert (KH, "part_of", "pmf") in got(extractor, text)


def test_an_umbrellas_people_beside_a_groups_people_say_nothing(extractor: RelationExtractor) -> None:
    assert (KH, "part_of", "pmf") not in got(extractor, "PMF fighters clashed with fighters from Kataib Hezbollah.")
