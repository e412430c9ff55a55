"""What an attack hit, read from the sentence's structure: where a means came down, what it was
thrown at, a headline's site hit."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-10"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def roles(extractor: EventExtractor, text: str) -> list[tuple[list[str], list[str]]]:
    return [(sorted(e.actors), sorted(e.targets)) for e in extractor.extract(make_context(text, PUB))]


@pytest.mark.parametrize(("text", "target"), [
    # a facility a means came down at, inside or near
    ("Two Katyusha rockets fell near the US embassy in Baghdad late on Sunday.", "us-embassy-baghdad"),
    ("A rocket landed inside Ain al-Asad air base in Anbar on Monday night.", "ain-al-asad"),
    # a force it went off near
    ("A roadside bomb exploded near an army patrol in Diyala province on Tuesday, wounding two soldiers.",
     "iraqi-army"),
    ("A bomb went off near a police checkpoint in eastern Baghdad on Friday.", "iraqi-police"),
    ("A rocket struck near the US embassy in Baghdad on Tuesday.", "us-embassy-baghdad"),
])
def test_where_a_means_came_down_is_hit_when_a_facility_or_force(extractor: EventExtractor, text: str,
                                                                 target: str) -> None:
    assert [t for _a, t in roles(extractor, text)] == [[target]]


def test_a_town_or_a_field_a_means_came_down_in_is_no_target(extractor: EventExtractor) -> None:
    text = "Three rockets landed in an empty field near the town of Balad on Wednesday."
    assert [t for _a, t in roles(extractor, text)] == [[]]


def test_what_a_grenade_was_thrown_at_is_hit(extractor: EventExtractor) -> None:
    text = "Unknown assailants threw a hand grenade at the Kurdistan Democratic Party office in Kirkuk on Saturday."
    assert roles(extractor, text) == [([], ["kdp"])]


@pytest.mark.parametrize(("text", "want"), [
    # a headline's bare participle over a site: the site's owner was hit, it did nothing
    ("KDP office attacked in Kirkuk", ([], ["kdp"])),
    ("US base struck in western Iraq", ([], ["united-states"])),
])
def test_a_headlines_site_with_a_bare_participle_was_hit(extractor: EventExtractor, text: str,
                                                         want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_whose_fire_killed_is_named_by_its_from_phrase(extractor: EventExtractor) -> None:
    text = "A soldier was killed on Friday by sniper fire from Islamic State militants in the Tarmiyah district."
    assert [a for a, _t in roles(extractor, text)] == [["isis"]]


@pytest.mark.parametrize(("text", "target"), [
    # the person a measure names, not the organisation of the title before the name
    ("Washington imposed sanctions on Babylon Brigades leader Rayan al-Kildani on Thursday.", "rayan-al-kildani"),
    # nor the state owning the body
    ("The United States imposed new sanctions on Iran's Revolutionary Guards on Friday.", "irgc"),
])
def test_a_measure_hits_the_one_named_not_its_titles_organisation(extractor: EventExtractor, text: str,
                                                                 target: str) -> None:
    assert [t for _a, t in roles(extractor, text)] == [[target]]


@pytest.mark.parametrize(("text", "target"), [
    # a participle on the verb of a strike told as a noun
    ("US forces conducted a strike in Jurf al-Sakhar early on Sunday, targeting a facility used by Kataib "
     "Hezbollah.", "kataib-hezbollah"),
    # the people a raid on a group's site took
    ("Iraqi counter-terrorism forces raided a Kataib Hezbollah headquarters in Baghdad on Friday and arrested 14 "
     "people.", "kataib-hezbollah"),
])
def test_targets_told_beside_the_trigger(extractor: EventExtractor, text: str, target: str) -> None:
    assert [t for _a, t in roles(extractor, text)] == [[target]]


def test_whom_an_attack_was_carried_out_against_is_hit(extractor: EventExtractor) -> None:
    text = ("An attack carried out by Islamic State militants against a Peshmerga post in Kirkuk province killed two "
            "fighters on Friday.")
    assert roles(extractor, text) == [(["isis"], ["peshmerga"])]


@pytest.mark.parametrize(("text", "want"), [
    # what came under attack was hit; the "by" / "from" phrase attacked
    ("A PMF post in Tarmiyah came under attack by ISIS remnants on Sunday night.", (["isis"], ["pmf"])),
    ("Peshmerga forces came under attack from ISIS militants near Makhmour on Friday.", (["isis"], ["peshmerga"])),
    # what was subjected to an attack was hit
    ("The headquarters of the Kurdistan Democratic Party in Baghdad was subjected to an armed attack on Saturday.",
     ([], ["kdp"])),
    # the passive subject of a means' verb was hit
    ("A Peshmerga patrol was targeted by a roadside bomb near Makhmour on Monday.", ([], ["peshmerga"])),
])
def test_what_underwent_an_attack_was_hit(extractor: EventExtractor, text: str,
                                          want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]
