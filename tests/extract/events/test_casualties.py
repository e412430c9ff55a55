"""Casualty reports folded into the happening they belong to (extract/events/casualties.py),
through the real parse, on invented wire-style sentences."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.extract.events.tolls import toll_update
from factiongraph.model import Event
from tests.extract.factory import default_kb, make_context

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def run(extractor: EventExtractor, text: str) -> list[Event]:
    return extractor.extract(make_context(text, "2022-03-01"))


@pytest.mark.parametrize(("second", "counts"), [
    ("Twelve people were killed and 30 wounded.", {"killed": 12, "injured": 30}),
    ("At least 12 people were killed, police said.", {"killed": 12}),
])
def test_a_toll_in_the_next_sentence_is_the_bombings(extractor: EventExtractor, second: str,
                                                    counts: dict[str, int]) -> None:
    events = run(extractor, f"A car bomb exploded in Sadr City on Tuesday. {second}")
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    bomb = events[0]
    assert bomb.sub_type == "Remote explosive/landmine/IED" and bomb.counts == counts
    assert any(ev.text.startswith(second.split()[0]) for ev in bomb.evidence)  # the toll's own sentence


@pytest.mark.parametrize("entry", [
    "02/23/2012: A car bomb exploded near a police checkpoint in Karrada district, Baghdad. Five people were "
    "killed and 12 others wounded, including three policemen.",
    "March 9, 2016 - A roadside bomb exploded as an army patrol passed near Baquba. One soldier was killed and "
    "another five injured.",
])
def test_an_incident_logs_toll_sentence_is_the_entrys_toll(extractor: EventExtractor, entry: str) -> None:
    # the date labelling the entry is not the toll sentence's own: it is no second happening
    events = run(extractor, entry)
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].sub_type == "Remote explosive/landmine/IED" and events[0].counts.get("killed") in (5, 1)


@pytest.mark.parametrize("second", [
    # dated only by the day it was reported, or by the day the toll stood
    "Four protesters were killed and more than 100 were wounded, medics said on Wednesday.",
    "By Wednesday, the fighting had left four people dead and more than 100 wounded, according to medics.",
])
def test_a_toll_dated_by_its_telling_is_the_clashs(extractor: EventExtractor, second: str) -> None:
    events = run(extractor, f"Riot police clashed with stone-throwing protesters in Nasiriyah on Tuesday. {second}")
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].counts["killed"] == 4 and events[0].date_start == "2022-03-01"


def test_a_wounding_coordinated_with_the_strikes_killing_is_no_second_event(extractor: EventExtractor) -> None:
    events = run(extractor, "The US strike in al-Qaim on Sunday killed 25 fighters and wounded 51 others.")
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].sub_type == "Air/drone strike" and events[0].counts == {"killed": 25, "injured": 51}


def test_a_toll_of_another_incident_or_place_stays_apart(extractor: EventExtractor) -> None:
    for second in ("In a separate attack, two policemen were killed.", "Two policemen were killed in Mosul."):
        events = run(extractor, f"A car bomb exploded in Sadr City on Tuesday. {second}")
        assert len(events) == 2, second
        assert not next(e for e in events if e.sub_type == "Remote explosive/landmine/IED").counts




@pytest.mark.parametrize(("second", "counts"), [
    ("Another 20 were wounded, police said.", {"killed": 9, "injured": 20}),  # more of the same toll
    ("Sources said the number of dead is four.", {"killed": 4}),
    # the strike named again, with the figure: no strike of its own
    ("Sources said the number of dead people who were targeted in the strike is officially four.", {"killed": 4}),
    ("Medics said the explosion killed nine people and wounded 14 others.", {"killed": 9, "injured": 14}),
])
def test_a_toll_of_the_happening_named_again_is_its_toll(extractor: EventExtractor, second: str,
                                                          counts: dict[str, int]) -> None:
    first = "A US drone strike hit a militia convoy near al-Qaim on Sunday"
    first += ", killing nine people." if second.startswith("Another") else "."
    events = run(extractor, f"{first} {second}")
    assert len(events) == 1, [(e.sub_type, e.counts, e.evidence[0].text) for e in events]
    assert events[0].sub_type == "Air/drone strike" and events[0].counts == counts


def test_a_stray_quote_mark_between_the_two_sentences_is_no_sentence_of_its_own(extractor: EventExtractor) -> None:
    events = run(extractor, 'A US drone strike hit a militia convoy near al-Qaim on Sunday, the group said, vowing to '
                            '"take revenge."\n\nSources said the number of dead people who were targeted in the '
                            'strike from Kataib Hezbollah, one of the groups most loyal to Iran, is officially four.')
    assert [(e.sub_type, e.counts) for e in events if e.type != "Strategic developments"] \
        == [("Air/drone strike", {"killed": 4})]


@pytest.mark.parametrize(("second", "counts"), [
    ("By Wednesday, the number of people killed in the attack had climbed to 40.", {"killed": 40}),
    ("Hospital officials later said 19 people had died in the blast.", {"killed": 19}),
    ("The toll was later revised up to 15.", {"killed": 15}),
    ("Later reports put the toll at 22 dead and 40 injured.", {"killed": 22, "injured": 40}),
    ("Police said 12 people were killed and 30 wounded.", {"killed": 12, "injured": 30}),
])
def test_a_revised_toll_told_next_is_the_bombings(extractor: EventExtractor, second: str,
                                                  counts: dict[str, int]) -> None:
    events = run(extractor, f"A bomb killed 12 people in a market in Sadr City on Monday. {second}")
    assert [e.counts for e in events] == [counts], [(e.sub_type, e.evidence[0].text) for e in events]


@pytest.mark.parametrize(("first", "second", "killed"), [
    ("More than 20 people were killed when a car bomb went off at a market in Sadr City on Tuesday.",
     "Police said the car bomb killed 24 people and wounded 40.", 24),
    ("Some 10 people died when a roadside bomb hit a minibus in Tarmiyah on Friday.",
     "Thirteen people were killed, a provincial health official said.", 13),
])
def test_a_more_precise_figure_told_later_replaces_the_rounded_one(extractor: EventExtractor, first: str,
                                                                   second: str, killed: int) -> None:
    events = run(extractor, f"{first} {second}")
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].counts["killed"] == killed


def test_a_part_of_the_toll_told_later_keeps_the_whole(extractor: EventExtractor) -> None:
    events = run(extractor, "A car bomb exploded at a market in Sadr City on Tuesday, killing 24 people. "
                            "Five of the dead were children, police said.")
    assert [e.counts.get("killed") for e in events if e.counts] == [24]


@pytest.mark.parametrize(("second", "killed"), [
    ("At least seven fighters were killed in the strike, a monitoring group said.", 4),  # a bound: the stated figure stays
    ("The death toll from the strike rose to at least seven, a monitoring group said.", 7),  # a revision wins
])
def test_a_larger_figure_given_only_as_a_bound_does_not_replace_a_stated_one(extractor: EventExtractor,
                                                                             second: str, killed: int) -> None:
    events = run(extractor, "A US air strike killed four fighters at a militia base near al-Qaim on Sunday, "
                            f"officials said. {second}")
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].counts["killed"] == killed


STRIKE = "US jets struck three Kataib Hezbollah sites near al-Qaim on {day}, the Pentagon said."
REPORT = "Kataib Hezbollah said Monday that the US strikes had killed 25 of its fighters."


def test_a_toll_dated_only_by_its_report_lands_on_the_happening_told_before(extractor: EventExtractor) -> None:
    events = run(extractor, f"{STRIKE.format(day='Sunday')} Officials described the raids as defensive. {REPORT}")
    strikes = [e for e in events if e.sub_type == "Air/drone strike"]
    assert len(strikes) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    assert strikes[0].counts == {"killed": 25} and strikes[0].date_start == "2022-02-27"  # Sunday's, not Monday's
    assert any(ev.text.startswith("Kataib Hezbollah said Monday") for ev in strikes[0].evidence)


@pytest.mark.parametrize("day", ["January 2", "Tuesday"])  # weeks before Monday's report, or the day after it
def test_a_report_of_strikes_does_not_join_strikes_of_another_week(extractor: EventExtractor, day: str) -> None:
    strikes = [e for e in run(extractor, f"{STRIKE.format(day=day)} {REPORT}") if e.sub_type == "Air/drone strike"]
    assert len(strikes) == 2, [(e.date_start, e.evidence[0].text) for e in strikes]


def test_a_report_telling_a_new_happening_of_the_same_side_stays_apart(extractor: EventExtractor) -> None:
    events = run(extractor, "Islamic State fighters attacked an army post in Tarmiyah on Saturday, killing three "
                            "soldiers. Police said Monday that Islamic State fighters killed two shepherds in Tarmiyah.")
    assert sorted(e.counts.get("killed") for e in events) == [2, 3], [(e.sub_type, e.evidence[0].text) for e in events]


def test_a_lead_reports_revised_toll_is_the_happening_told_after_it() -> None:
    # the report, told first, stays a statement of its own; the strikes it is about take its figure
    text = ("Kataib Hezbollah said on Monday that the death toll from U.S. air strikes on its bases in western Iraq "
            "and eastern Syria has risen to 25, and vowed to take revenge.\n\nU.S. warplanes struck five sites of "
            "Kataib Hezbollah on Sunday, the Pentagon said. The Popular Mobilization Forces said on Sunday that the "
            "strikes had killed at least 19 of the group's fighters.")
    events = EventExtractor(default_kb()).extract(make_context(text, "2019-12-30"))
    strikes = [e for e in events if e.sub_type == "Air/drone strike" and e.date_start == "2019-12-29"]
    assert len(strikes) == 1 and strikes[0].counts == {"killed": 25}


@pytest.mark.parametrize(("text", "update"), [
    ("The death toll from Sunday's U.S. air strikes on the group's bases in western Iraq and eastern Syria has "
     "risen to 25.", ("killed", 25)),
    ("The toll rose to 31 on Friday.", ("killed", 31)),
    ("The death toll from the bombing, officials said, rose to 12.", None),  # a clause between: not read
])
def test_a_toll_update_reads_past_a_long_phrase_of_what_it_counts(text: str, update: tuple[str, int] | None) -> None:
    assert toll_update(text) == update


def test_a_lead_reports_revised_toll_carried_on_is_no_longer_the_reports() -> None:
    # the figure is the strikes' toll, told once: the report that carried it counts no one itself
    text = ("Kataib Hezbollah said on Monday that the death toll from U.S. air strikes on its bases in western Iraq "
            "and eastern Syria has risen to 25, and vowed to take revenge.\n\nU.S. warplanes struck five sites of "
            "Kataib Hezbollah on Sunday, the Pentagon said. The Popular Mobilization Forces said on Sunday that the "
            "strikes had killed at least 19 of the group's fighters.")
    events = EventExtractor(default_kb()).extract(make_context(text, "2019-12-30"))
    assert sorted(e.counts.get("killed", 0) for e in events if e.type == "Explosions/Remote violence") == [0, 25]


def test_a_bare_toll_a_few_sentences_on_in_its_paragraph_is_the_happenings(extractor: EventExtractor) -> None:
    events = run(extractor, "A car bomb exploded near a police station in Kirkuk on Monday morning. The blast shattered "
                            "windows across the neighbourhood. \"It was a huge explosion,\" said a shopkeeper. Hospital "
                            "officials said nine people were killed and 31 wounded.")
    assert [(e.location_name, e.counts) for e in events] == [("Kirkuk", {"killed": 9, "injured": 31})]


def test_a_bare_toll_in_another_paragraph_looks_back_one_sentence_only(extractor: EventExtractor) -> None:
    events = run(extractor, "A car bomb exploded near a police station in Kirkuk on Monday morning. The blast shattered "
                            "windows across the neighbourhood.\n\nThe city has seen calm for months. Officials said nine "
                            "people were killed and 31 wounded.")
    assert [e.counts for e in events if e.location_name == "Kirkuk"] == [{}]


def test_a_headline_that_only_raises_a_toll_gives_it_to_the_bodys_happening() -> None:
    headline = "Death toll from Baghdad bombing rises to 40"
    text = f"{headline}\n\nA suicide bomber blew himself up in a crowded market in Baghdad's Sadr City on Saturday."
    ctx = make_context(text, "2023-04-10")
    ctx.document.metadata.title = headline
    events = EventExtractor(default_kb()).extract(ctx)
    assert [e.counts for e in events] == [{"killed": 40}]


@pytest.mark.parametrize("text", [
    "A bomb exploded at a crowded market in Kirkuk on Monday night. The blast killed four people and wounded "
    "nine, police said on Tuesday.",  # neither telling names a side
    "A large explosion ripped through an arms depot at the Falcon base south of Kirkuk on Monday night. The blast "
    "in Kirkuk killed four guards, officials said on Tuesday.",  # near Kirkuk, then in it
])
def test_a_toll_dated_by_its_report_in_the_next_sentence_is_the_leads(extractor: EventExtractor, text: str) -> None:
    events = extractor.extract(make_context(text, "2021-03-10"))
    assert len(events) == 1, [(e.date_start, e.evidence[0].text) for e in events]
    assert events[0].date_start == "2021-03-08" and events[0].counts["killed"] == 4  # Monday's, not Tuesday's
