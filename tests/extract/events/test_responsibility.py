"""Who a later sentence makes responsible for an attack told before it: claims, accusations, denials."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.model import Certainty

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-10"
BLAST = "A roadside bomb hit a supply convoy near Diwaniyah on Tuesday. "
ROCKETS = "Three rockets struck near the embassy compound in Baghdad on Sunday. "


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def violent(extractor: EventExtractor, text: str) -> list[tuple[list[str], Certainty]]:
    return [(e.actors, e.certainty) for e in extractor.extract(make_context(text, PUB))
            if e.type == "Explosions/Remote violence"]


@pytest.mark.parametrize("follow", [
    "The attack was blamed on Kataib Hezbollah, which denied involvement.",
    "US officials blamed Kataib Hezbollah for the attack.",
    "Washington accused Kataib Hezbollah of carrying out the attack.",
    "The Americans held Kataib Hezbollah responsible.",
    "Officials said Kataib Hezbollah was likely behind the attack.",
])
def test_the_accused_is_the_alleged_actor_not_the_accuser(extractor: EventExtractor, follow: str) -> None:
    assert violent(extractor, ROCKETS + follow) == [(["kataib-hezbollah"], Certainty.ALLEGED)]


@pytest.mark.parametrize("follow", [
    "No group claimed responsibility for the attack, which came days after Kataib Hezbollah threatened US interests.",
    "Kataib Hezbollah denied it was behind the attack.",
    "Kataib Hezbollah accused Washington of violating Iraqi sovereignty.",
    "The prime minister held talks with Kataib Hezbollah leaders.",
])
def test_no_claim_a_denial_or_another_accusation_names_no_actor(extractor: EventExtractor, follow: str) -> None:
    assert [actors for actors, _ in violent(extractor, ROCKETS + follow)] == [[]]


def test_a_denunciation_of_the_attack_recalls_it_and_adds_no_event(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        BLAST + "The governor said he expects a clear denunciation of the bombing from the Badr Organisation.",
        PUB))
    assert [e.sub_type for e in found] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("follow", [
    "Police blamed the attack on Kataib Hezbollah.",
    "Iraqi security officials attributed the rocket fire to Kataib Hezbollah.",
    "Security officials said the attack bore the hallmarks of Kataib Hezbollah.",
])
def test_an_act_blamed_on_or_attributed_to_a_group_is_alleged_to_be_theirs(extractor: EventExtractor,
                                                                          follow: str) -> None:
    assert violent(extractor, ROCKETS + follow) == [(["kataib-hezbollah"], Certainty.ALLEGED)]


@pytest.mark.parametrize("follow", [
    "US officials blamed the strike on militias backed by Iran, which denied any role.",
    "Washington blamed the attack on militias backed by Iran.",
])
def test_the_backer_of_an_unnamed_accused_is_not_accused(extractor: EventExtractor, follow: str) -> None:
    assert [actors for actors, _ in violent(extractor, ROCKETS + follow)] == [[]]


def test_an_apposition_describing_the_accused_is_not_accused(extractor: EventExtractor) -> None:
    found = violent(extractor, ROCKETS + "Washington has blamed that attack on the Islamic Resistance in Iraq, an "
                    "umbrella for factions in which Kataib Hezbollah plays a leading role.")
    assert [actors for actors, _ in found] == [["islamic-resistance-in-iraq"]]


def test_a_group_suspected_of_carrying_out_the_attack_is_its_alleged_actor(extractor: EventExtractor) -> None:
    text = ("Authorities said Kataib Hezbollah was suspected of carrying out the rocket attack, which hit the "
            "embassy compound in Baghdad on Sunday.")
    assert violent(extractor, text) == [(["kataib-hezbollah"], Certainty.ALLEGED)]


@pytest.mark.parametrize("follow", [
    "Washington has previously said Kataib Hezbollah is behind such attacks.",
    "Similar attacks are usually blamed on factions such as Kataib Hezbollah.",
])
def test_blame_for_a_kind_of_attack_names_no_actor_of_this_one(extractor: EventExtractor, follow: str) -> None:
    assert [actors for actors, _ in violent(extractor, ROCKETS + follow)] == [[]]


def test_a_clause_describing_the_accused_does_not_make_the_blame_generic(extractor: EventExtractor) -> None:
    text = BLAST + "The bombing bore the hallmarks of the Islamic State, which has staged similar attacks in the south."
    assert [actors for actors, _c in violent(extractor, text)] == [["isis"]]


def test_blame_for_similar_attacks_in_the_main_clause_names_no_actor(extractor: EventExtractor) -> None:
    text = ROCKETS + "No group claimed the attack, but US officials have blamed Kataib Hezbollah for similar attacks."
    assert [actors for actors, _c in violent(extractor, text)] == [[]]


def test_pointing_the_finger_at_a_group_accuses_it(extractor: EventExtractor) -> None:
    assert violent(extractor, ROCKETS + "Washington pointed the finger at Kataib Hezbollah.") == \
        [(["kataib-hezbollah"], Certainty.ALLEGED)]


def test_pointing_to_something_accuses_no_one(extractor: EventExtractor) -> None:
    assert [a for a, _c in violent(extractor, ROCKETS + "Kataib Hezbollah pointed to the need for calm.")] == [[]]


@pytest.mark.parametrize("follow", [
    "Officials accused Kataib Hezbollah of being behind the group.",
    "Kurdish officials said Kataib Hezbollah was behind Saraya Awliya al-Dam.",
])
def test_who_is_behind_a_group_is_no_doer_of_its_attack(extractor: EventExtractor, follow: str) -> None:
    text = ROCKETS + "A little-known group, Saraya Awliya al-Dam, claimed the attack. " + follow
    assert [a for a, _c in violent(extractor, text)] == [["saraya-awliya-al-dam"]]


def test_who_is_behind_the_attack_is_still_accused(extractor: EventExtractor) -> None:
    text = ROCKETS + "Officials accused Kataib Hezbollah of being behind the attack."
    assert [a for a, _c in violent(extractor, text)] == [["kataib-hezbollah"]]


@pytest.mark.parametrize("follow", [
    # an accusation of planting the means
    "Security officials accused Kataib Hezbollah of planting the explosives.",
    # blaming with no "for": the happening just told
    "Iraqi officials blamed Kataib Hezbollah and promised an investigation.",
    # the body named, not the state whose it is
    "Investigators said Iran's Kataib Hezbollah allies were behind the attack.",
])
def test_more_accusations_name_the_alleged_actor(extractor: EventExtractor, follow: str) -> None:
    assert violent(extractor, BLAST + follow) == [(["kataib-hezbollah"], Certainty.ALLEGED)]


def test_the_owning_state_of_the_body_held_responsible_is_no_actor(extractor: EventExtractor) -> None:
    text = BLAST + "The party said Iran's Revolutionary Guards were behind the blast."
    assert [a for a, _c in violent(extractor, text)] == [["irgc"]]


def test_an_attack_carried_out_by_x_against_y_makes_only_x_act(extractor: EventExtractor) -> None:
    text = ("The coalition condemned the attack carried out by Daesh militants against Iraqi security forces near "
            "Kirkuk on Friday, which killed three soldiers.")
    assert [e.actors for e in extractor.extract(make_context(text, PUB)) if e.type != "Strategic developments"] \
        == [["isis"]]


def test_a_run_of_killings_blamed_on_a_group_gives_no_actor_to_the_killing_told(extractor: EventExtractor) -> None:
    text = ("Gunmen shot dead a shopkeeper in Baquba on Thursday, police said. "
            "The province has seen a wave of sectarian killings blamed on Islamic State remnants.")
    told = [e for e in extractor.extract(make_context(text, PUB)) if "shopkeeper" in e.evidence[0].text]
    assert [e.actors for e in told] == [[]]


def test_the_subject_of_claimed_the_attack_is_the_claimer_not_the_group_it_branched_from(
        extractor: EventExtractor) -> None:
    text = ROCKETS + "An offshoot of Kataib Hezbollah called Ashab al-Kahf claimed the attack."
    assert [a for a, _c in violent(extractor, text)] == [["ashab-al-kahf"]]


@pytest.mark.parametrize(("follow", "certainty"), [
    ("The attack was the latest by Kataib Hezbollah.", Certainty.ALLEGED),
    ("The attack was the latest in a series of attacks blamed on Kataib Hezbollah.", Certainty.ALLEGED),
    ("The attack was attributed by Iraqi officials to Kataib Hezbollah.", Certainty.ALLEGED),
    ("Kataib Hezbollah said it had carried out the attack.", Certainty.CLAIMED),
])
def test_later_words_that_name_the_author_of_the_attack_told(extractor: EventExtractor, follow: str,
                                                              certainty: Certainty) -> None:
    assert violent(extractor, BLAST + follow) == [(["kataib-hezbollah"], certainty)]
