"""A happening's own day told after the lead that dated it by its source's saying; series ranks."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.model import Event

from tests.extract.factory import default_kb, make_context

PUB = "2022-06-16"  # a Thursday

LEAD = ("Two members of a local armed group were killed when a drone struck their vehicle near Sinjar, "
        "the group said on Thursday. ")


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def violent(extractor: EventExtractor, text: str, published: str = PUB) -> list[Event]:
    return [e for e in extractor.extract(make_context(text, published))
            if e.type in ("Explosions/Remote violence", "Violence against civilians", "Battles")]


@pytest.mark.parametrize("later", [
    "The attack took place late on Wednesday on the main road west of the town.",
    "The strike was carried out late on Wednesday, a spokesman said.",
    "The strike hit the car on the main road west of the town late on Wednesday.",
    "The drone strike hit the car on the main road west of the town late on Wednesday.",
])
def test_a_later_sentence_gives_the_happening_its_own_day(extractor: EventExtractor, later: str) -> None:
    found = violent(extractor, LEAD + later)
    assert len(found) == 1, [(e.sub_type, e.date_start, e.evidence[0].text) for e in found]
    strike = found[0]
    assert strike.date_start == "2022-06-15"  # Wednesday, not the Thursday the group spoke
    assert strike.counts.get("killed") == 2
    assert any(later.split(",")[0].rstrip(".") in e.text for e in strike.evidence)


@pytest.mark.parametrize("later", [
    "The attack, which took place late on Wednesday, was the third in the district this month.",
    "The attack, which began late on Wednesday, targeted the car on the main road, the group said in a statement.",
    "The attack, carried out late on Wednesday, also damaged a house.",
])
def test_a_clause_on_the_reference_gives_the_happening_its_own_day(extractor: EventExtractor, later: str) -> None:
    found = violent(extractor, LEAD + later)
    assert [e.date_start for e in found] == ["2022-06-15"], [(e.sub_type, e.date_start, e.evidence[0].text)
                                                            for e in found]


def test_a_definite_raid_with_its_own_day_is_the_raid_the_lead_reported(extractor: EventExtractor) -> None:
    text = ("Security forces arrested three suspects in a raid in Mosul, officials said on Thursday. "
            "The raid, carried out late on Tuesday, also netted weapons.")
    raids = [e for e in extractor.extract(make_context(text, PUB)) if e.sub_type == "Arrests"]
    assert [e.date_start for e in raids] == ["2022-06-14"], [(e.date_start, e.evidence[0].text) for e in raids]


def test_the_lead_keeps_the_report_day_when_nothing_later_dates_it(extractor: EventExtractor) -> None:
    found = violent(extractor, LEAD + "A third passenger was taken to hospital in Dohuk.")
    assert [e.date_start for e in found] == ["2022-06-16"]


def test_a_later_day_beyond_a_week_before_the_report_is_not_the_same_happening(extractor: EventExtractor) -> None:
    found = violent(extractor, LEAD + "The attack took place on June 2.")
    assert [e.date_start for e in found] == ["2022-06-16"]


def test_a_day_the_lead_wrote_for_the_happening_itself_is_kept(extractor: EventExtractor) -> None:
    text = ("A drone struck a car near Sinjar on Tuesday, killing two fighters. "
            "The attack took place late on Wednesday, the group said.")
    found = violent(extractor, text)
    assert [e.date_start for e in found] == ["2022-06-14"]


def test_a_toll_report_is_not_folded_into_the_strikes_it_counts(extractor: EventExtractor) -> None:
    text = ("A militia said on Thursday that the death toll from air strikes on its bases rose to 25. "
            "The strikes hit five sites near Qaim late on Tuesday.")
    strikes = [e for e in violent(extractor, text) if e.date_start == "2022-06-14"]
    assert strikes and all(not any("death toll" in ev.text for ev in e.evidence) for e in strikes)


def test_a_rank_in_a_series_does_not_date_the_happening(extractor: EventExtractor) -> None:
    text = ("Activist shot dead in Amarah\n"
            "A prominent activist was shot dead by unidentified gunmen in the southern city of Amarah, police "
            "said, the third such killing this month.\n"
            "The gunmen opened fire on the activist as he left his home on Saturday evening and fled.")
    ctx = make_context(text, "2020-08-24")
    ctx.document.metadata.title = text.split("\n")[0]
    found = [e for e in extractor.extract(ctx) if e.sub_type == "Attack"]
    assert [e.date_start for e in found] == ["2020-08-22"], [(e.date_start, e.evidence[0].text) for e in found]


def test_one_of_several_happenings_told_as_a_whole_takes_their_day(extractor: EventExtractor) -> None:
    text = ("Drone strikes killed three people in the Kurdistan Region on Tuesday, local officials said.\n\n"
            "The first strike hit a vehicle near the town of Penjwen, killing two people. A second strike "
            "targeted a farm in the Qandil mountains hours later, killing one man.")
    found = violent(extractor, text, "2023-08-15")
    parts = {e.location_name: e.date_start for e in found if e.location_name in ("Penjwen", "Qandil Mountains")}
    assert parts == {"Penjwen": "2023-08-15", "Qandil Mountains": "2023-08-15"}, \
        [(e.location_name, e.date_start) for e in found]


def test_one_of_them_needs_a_whole_told_as_several(extractor: EventExtractor) -> None:
    text = ("A drone strike killed a man near Sinjar on Tuesday, officials said.\n\n"
            "The first strike of the year hit a farm near Penjwen, killing two people.")
    penjwen = [e for e in violent(extractor, text, "2023-08-15") if e.location_name == "Penjwen"]
    assert penjwen and penjwen[0].date_start != "2023-08-15"


def test_the_day_of_a_condemnation_is_not_the_day_of_what_it_condemns(extractor: EventExtractor) -> None:
    text = ("The Iraqi government on Thursday condemned a drone strike in the capital that killed three "
            "people. The strike on Wednesday night targeted a car in eastern Baghdad.")
    found = violent(extractor, text, "2024-02-09")
    assert [(e.date_start, e.counts.get("killed")) for e in found] == [("2024-02-07", 3)]
    alone = violent(extractor, text.split(". ")[0] + ".", "2024-02-09")
    assert [e.date_start for e in alone] != ["2024-02-08"]  # not the condemnation's Thursday


def test_a_day_in_the_condemned_phrase_dates_the_happening(extractor: EventExtractor) -> None:
    text = "The Iraqi government condemned on Thursday Wednesday's drone strike in Baghdad that killed three people."
    assert [e.date_start for e in violent(extractor, text, "2024-02-09")] == ["2024-02-07"]


@pytest.mark.parametrize("text", [
    "The foreign ministry on Thursday summoned the Turkish ambassador over a drone strike that killed three "
    "people near Sinjar on Tuesday.",  # "over" hangs on the ambassador: the summons' phrase
    "Hundreds protested in Duhok on Thursday over a drone strike that killed three people near Sinjar on Tuesday.",
])
def test_a_day_on_the_clause_of_what_a_reaction_is_over_dates_it(extractor: EventExtractor, text: str) -> None:
    strikes = [e for e in violent(extractor, text, "2024-02-09") if e.sub_type == "Air/drone strike"]
    assert [e.date_start for e in strikes] == ["2024-02-06"]  # Tuesday, not the Thursday of the reaction


def test_a_claim_of_responsibility_keeps_its_day(extractor: EventExtractor) -> None:
    text = "Kataib Hezbollah on Friday claimed responsibility for a rocket attack on the airport in Erbil that wounded two."
    assert [e.date_start for e in violent(extractor, text, "2024-02-09")] == ["2024-02-09"]


@pytest.mark.parametrize(("text", "recalled"), [
    ("Supporters rallied in Baghdad on Friday, two years after a drone strike killed a commander near the airport.",
     "2019"),
    ("Fighters paraded through Basra on Friday, six months after gunmen killed their commander in the city.",
     "2020-09"),
    ("The rally on Friday came a year after a drone strike killed two commanders near the airport.", "2020"),
])
def test_a_happening_set_years_or_months_before_another_is_dated_back(
        extractor: EventExtractor, text: str, recalled: str) -> None:
    found = extractor.extract(make_context(text, "2021-03-12"))
    killings = [e for e in found if e.counts.get("killed")]
    assert [e.date_start for e in killings] == [recalled], [(e.sub_type, e.date_start) for e in found]
    assert all(e.date_start in (recalled, "2021-03-12") for e in found)


def test_a_date_inside_the_after_clause_is_the_happenings_own(extractor: EventExtractor) -> None:
    text = "Protesters gathered on Friday, two years after a drone strike killed a commander in January 2019."
    killings = [e for e in extractor.extract(make_context(text, "2021-03-12")) if e.counts.get("killed")]
    assert [e.date_start for e in killings] == ["2019-01"]


def test_months_after_without_a_number_gives_no_day(extractor: EventExtractor) -> None:
    text = "Rockets hit the base on Friday, months after a drone attack killed three soldiers there."
    killings = [e for e in extractor.extract(make_context(text, "2021-03-12")) if e.counts.get("killed") == 3]
    assert killings and killings[0].date_start is None


def test_words_of_a_clause_set_apart_in_time_do_not_type_the_happening(extractor: EventExtractor) -> None:
    text = ("Thousands of supporters of the factions rallied in central Baghdad on Friday to demand the "
            "withdrawal of foreign forces, two years after a drone strike killed a commander near the airport.")
    rally = [e for e in extractor.extract(make_context(text, "2022-01-07")) if e.type == "Protests"]
    assert [(e.sub_type, e.date_start) for e in rally] == [("Peaceful protest", "2022-01-07")]
    shot = "Police shot dead two protesters who rallied in central Baghdad on Friday."
    assert any(e.sub_type != "Peaceful protest" for e in extractor.extract(make_context(shot, "2022-01-07")))


@pytest.mark.parametrize("text", [
    "Hundreds protested in Duhok on Thursday over a drone strike that killed three people near Sinjar on Tuesday.",
    "Students rallied in Basra on Friday against the killing of an activist who was shot dead in the city.",
])
def test_what_a_protest_is_over_does_not_type_it(extractor: EventExtractor, text: str) -> None:
    rallies = [e for e in extractor.extract(make_context(text, "2024-02-09")) if e.type == "Protests"]
    assert [(e.sub_type, e.counts) for e in rallies] == [("Peaceful protest", {})]


def test_what_a_rally_marks_does_not_type_it(extractor: EventExtractor) -> None:
    text = "Supporters rallied in Baghdad on Sunday to mark two years since a drone strike killed a commander."
    rallies = [e for e in extractor.extract(make_context(text, "2022-01-03")) if e.type == "Protests"]
    assert [(e.sub_type, e.counts) for e in rallies] == [("Peaceful protest", {})]


@pytest.mark.parametrize(("later", "place"), [
    ("The attack took place on Monday evening near the town of Tuz Khurmatu.", "tuz-khurmatu"),
    ("The attack happened near the town of Tuz Khurmatu, officials said.", "tuz-khurmatu"),
    ("The attack took place on Monday evening near the city of Basra.", "salahuddin"),  # not inside: kept
])
def test_a_later_sentence_placing_the_happening_gives_a_place_inside_its_own(
        extractor: EventExtractor, later: str, place: str) -> None:
    lead = ("Two soldiers were killed when militants ambushed their patrol in Salahuddin province, "
            "the military said on Tuesday. ")
    found = violent(extractor, lead + later, "2021-01-05")
    assert [e.location_id for e in found] == [place], [(e.location_id, e.evidence[0].text) for e in found]


def test_a_roundups_day_labels_date_their_paragraphs(extractor: EventExtractor) -> None:
    text = ("Militia attacks resumed this week.\n\nJune 11: Militants fired two rockets at the Victory Base "
            "Complex near Baghdad airport.\n\nJune 13: A drone targeted the Harir air base in Erbil province.\n")
    found = violent(extractor, text, "2033-06-17")
    assert sorted(e.date_start or "" for e in found) == ["2033-06-11", "2033-06-13"]


@pytest.mark.parametrize(("text", "day"), [
    ("\"Our forces killed five militants near Baiji yesterday,\" the commander told reporters on Tuesday.",
     "2021-03-08"),  # Tuesday's yesterday
    ("\"Our forces killed five militants near Baiji yesterday,\" the commander told reporters.",
     "2021-03-11"),  # the saying undated: the publication's yesterday
])
def test_a_quoted_day_word_counts_from_the_day_it_was_said(extractor: EventExtractor, text: str, day: str) -> None:
    assert [e.date_start for e in violent(extractor, text, "2021-03-12")] == [day]


def test_the_attack_suspects_are_held_for_is_no_new_attack(extractor: EventExtractor) -> None:
    text = ("Rockets hit the Victory base on June 11. On June 14, security forces arrested three suspects in "
            "the rocket attack in Radwaniyah.")
    found = violent(extractor, text, "2033-06-17")
    assert [e.date_start for e in found] == ["2033-06-11"]  # not a second attack on the arrest's day


@pytest.mark.parametrize(("text", "day"), [
    # the day before the saying's day, not before the happening the report told last
    ("On Monday, two rockets hit the Green Zone in Baghdad, police said. Gunmen killed a shepherd near "
     "Khanaqin the previous day, a statement said on Tuesday.", "2021-03-08"),
    ("Gunmen killed a shepherd near Khanaqin the day before, the provincial council said on Monday.",
     "2021-03-07"),
])
def test_the_previous_day_counts_from_the_saying_in_its_sentence(extractor: EventExtractor, text: str,
                                                                  day: str) -> None:
    found = [e for e in violent(extractor, text, "2021-03-10") if e.location_id != "green-zone"]
    assert [e.date_start for e in found] == [day], [(e.date_start, e.attrs.get("date_basis")) for e in found]


def all_events(extractor: EventExtractor, text: str, published: str) -> list[Event]:
    return extractor.extract(make_context(text, published))


@pytest.mark.parametrize("text", [
    "Police arrested the main suspect in last week's assassination of an activist in Basra.",
    "Security forces detained two men in Karbala over Sunday's bombing of a bus station.",
])
def test_a_possessive_date_of_another_happening_does_not_date_the_arrest(extractor: EventExtractor,
                                                                          text: str) -> None:
    arrests = [e for e in all_events(extractor, text, "2021-03-10") if e.sub_type == "Arrests"]
    assert arrests and all(e.date_start not in ("2021-03-01", "2021-03-07") for e in arrests), \
        [(e.date_start, e.attrs.get("date_text")) for e in arrests]


@pytest.mark.parametrize("text", [
    "Three soldiers were killed in Sunday's attack near Kirkuk.",
    "In Sunday's attack, three soldiers were killed near Kirkuk.",
])
def test_a_possessive_date_of_the_same_happening_still_dates_it(extractor: EventExtractor, text: str) -> None:
    assert [e.date_start for e in violent(extractor, text, "2021-03-10")] == ["2021-03-07"]


@pytest.mark.parametrize(("text", "day"), [
    ("The strike came a week after the killing of a contractor on February 15.", "2021-02-22"),
    ("Militants attacked a checkpoint in Tarmiyah two days after the arrest of their leader on March 3.",
     "2021-03-05"),
    # the day written for the happening itself stays its day
    ("Rockets hit the base on March 5, a week after the killing of a contractor on February 26.", "2021-03-05"),
])
def test_a_span_after_a_dated_happening_counts_from_its_day(extractor: EventExtractor, text: str,
                                                            day: str) -> None:
    found = [e for e in all_events(extractor, text, "2021-03-10") if e.sub_type != "Arrests"]
    assert [e.date_start for e in found][:1] == [day], [(e.date_start, e.attrs.get("date_basis")) for e in found]
