"""Happenings a sentence recalls with a noun ("his killing in 2020") rather than a verb."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-05"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def test_a_possessed_killing_with_its_own_date_is_an_event_that_befell_the_possessor(
        extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Soleimani's killing in January 2020 hardened the factions' stance.", PUB))
    # the KB records the strike that killed him (``killed_by``): ACLED codes the killing by it
    assert [(e.sub_type, e.actors, e.targets) for e in found] == [("Air/drone strike", [], ["qasem-soleimani"])]
    assert (found[0].date_start or "").startswith("2020-01")


def test_with_an_of_object_the_possessor_acts(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Kataib Hezbollah's abduction of two activists in Basra in May drew wide condemnation.", PUB))
    assert [(e.sub_type, e.actors) for e in found] == [("Abduction/forced disappearance", ["kataib-hezbollah"])]


@pytest.mark.parametrize("text", [
    "The factions swore to avenge Soleimani's killing.",
    "His killing shocked the movement.",
])
def test_a_recalled_killing_with_no_date_or_place_of_its_own_is_no_event(
        extractor: EventExtractor, text: str) -> None:
    assert extractor.extract(make_context(text, PUB)) == []


def test_protesters_gathering_is_a_protest(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Demonstrators gathered in front of the Turkish embassy in Baghdad on Sunday.", PUB))
    assert [e.sub_type for e in found] == ["Peaceful protest"]


def test_a_crowd_told_storming_and_then_gathering_is_one_violent_demonstration(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Angry protesters stormed the Turkish embassy compound in Baghdad on Tuesday. Turkish drones had struck "
        "a village near Zakho on Sunday. Hundreds of protesters gathered early Tuesday near the embassy to "
        "denounce the strikes.", PUB))
    assert sorted(e.sub_type for e in found) == ["Air/drone strike", "Violent demonstration"]


def test_a_gathering_in_another_city_is_another_demonstration(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Angry protesters stormed the Turkish consulate in Mosul on Tuesday. In Basra, hundreds of protesters "
        "gathered outside the provincial council building.", PUB))
    assert sorted(e.sub_type for e in found) == ["Peaceful protest", "Violent demonstration"]


def test_an_attack_named_as_the_cause_of_another_is_its_own_happening(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "The US military launched the air strikes on Friday in retaliation for a drone attack on a base in "
        "Jordan in January that killed three soldiers.", PUB))
    assert sorted((e.date_start or "")[:7] for e in found) == ["2024-01", "2024-03"]


def headlined(extractor: EventExtractor, text: str) -> list[tuple[str, list[str]]]:
    ctx = make_context(text, PUB)
    ctx.document.metadata.title = text.split("\n")[0]
    return [(e.sub_type, e.actors) for e in extractor.extract(ctx)]


def test_a_present_tense_headline_is_the_happening_the_body_only_refers_to(extractor: EventExtractor) -> None:
    assert headlined(extractor, "Kataib Hezbollah drone hits US base in Syria\n\n"
                                "The attack on Sunday caused no casualties, officials said.") == \
        [("Air/drone strike", ["kataib-hezbollah"])]


def test_a_present_tense_headline_yields_to_the_bodys_telling(extractor: EventExtractor) -> None:
    found = headlined(extractor, "Gunmen kill activist in Basra\n\nAn activist was shot dead in Basra on Monday.")
    assert [sub for sub, _ in found] == ["Attack"]


def test_kurdistan_written_alone_is_the_region_that_holds_the_province(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Rockets hit an oil field in Kurdistan's Sulaimaniyah province on Monday.", PUB))
    assert [e.location_id for e in found] == ["sulaymaniyah-governorate"]


def test_the_date_of_the_happening_answered_is_not_the_answers(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "US forces struck militia sites in Iraq and Syria in response to attacks on US troops, including a "
        "drone attack that killed three soldiers in Jordan last month.", PUB))
    strikes = [e for e in found if "united-states" in e.actors]
    assert strikes and all(not (e.date_start or "").startswith("2024-02") for e in strikes)


def test_a_relative_clause_telling_another_happening_is_its_evidence(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "The militia held a funeral in Baghdad on Tuesday for four of its members who were killed in an "
        "American airstrike on the border.", PUB))
    evidence = {e.sub_type: e.evidence[0].text for e in found}
    assert evidence["Air/drone strike"].startswith("who were killed")
    assert "airstrike" not in evidence["Other"]


def test_a_relative_clause_whose_own_clause_holds_the_other_happening_is_not_cut(
        extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Clashes broke out in Baghdad on Friday between police and supporters of the factions who have been "
        "camped near the Green Zone to protest the results of the October 10 election.", PUB))
    assert all(not e.evidence[0].text.startswith("who") for e in found)


def test_a_date_describing_the_subject_does_not_date_a_coordinated_verb(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Kataib Hezbollah, founded in 2007, has repeatedly targeted US forces and has threatened to escalate "
        "if Washington does not withdraw.", PUB))
    threats = [e for e in found if e.attrs.get("label") == "threat"]
    assert threats and all(not (e.date_start or "").startswith("2007") for e in threats)


def test_a_happening_counted_back_from_its_sentences_own_day(extractor: EventExtractor) -> None:
    # PUB is Tuesday 2024-03-05: "on Sunday" is 2024-03-03, the strike two days before it
    found = extractor.extract(make_context(
        "The council met in Baghdad on Sunday to discuss the crisis, two days after a drone strike in the "
        "city killed a militia commander.", PUB))
    strikes = [e for e in found if e.sub_type == "Air/drone strike"]
    assert [e.date_start for e in strikes] == ["2024-03-01"]


@pytest.mark.parametrize("text", [
    "The group said on Saturday that four of its fighters were killed in a US strike on Monday near Qaim.",
    "Four fighters were killed in a US strike on Monday near Qaim, the group said on Saturday.",
])
def test_a_weekday_in_what_a_dated_saying_reports_is_on_or_before_the_saying(extractor: EventExtractor,
                                                                             text: str) -> None:
    # PUB is Tuesday 2024-03-05: Saturday is 2024-03-02, so Monday is 2024-02-26, not 2024-03-04
    strikes = [e for e in extractor.extract(make_context(text, PUB)) if e.sub_type == "Air/drone strike"]
    assert [e.date_start for e in strikes] == ["2024-02-26"]


@pytest.mark.parametrize("text, day", [
    ("The bombing, which took place on 2 March, killed 11 people at a market in Baghdad.", "2024-03-02"),
    ("The blast, which happened on Saturday night, wounded three policemen in Mosul.", "2024-03-02"),
])
def test_a_clause_describing_the_subject_happening_dates_it(extractor: EventExtractor, text: str,
                                                            day: str) -> None:
    # the subject names the happening itself: its relative clause is no participant's history
    found = extractor.extract(make_context(text, PUB))
    assert [e.date_start for e in found] == [day]
