"""Year inference, weekday pairs, relative dates and date choice (invented sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from factiongraph.extract.dates.anchoring import cause_references, find_weekday_pairs, resolve_weekday_after
from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.extract.dates.expressions import find_dates, parse_published

from tests.extract.factory import default_kb, make_context


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def test_weekday_pairs_are_read_in_both_orders() -> None:
    pairs = find_weekday_pairs("Police acted on Friday (March 3rd) and again on Sunday, 12 March.")
    assert [(w, m, d) for w, m, d, _ in pairs] == [(4, 3, 3), (6, 3, 12)]


def test_weekday_after_reference_day() -> None:
    assert resolve_weekday_after(1, date(2022, 5, 9)) == date(2022, 5, 10)  # Monday -> Tuesday
    assert resolve_weekday_after(0, date(2022, 5, 9)) == date(2022, 5, 9)


def test_an_office_held_over_several_years_gives_no_year(extractor: EventExtractor) -> None:
    ctx = make_context("Prime Minister Mustafa al-Kadhimi said police arrested four men in Basra on March 9th.")
    events, year = extractor.extract_with_year(ctx)
    assert year is None  # 2020, 2021 and 2022 all fit: no guess
    assert events[0].date_start is None and events[0].attrs["date_text"] == "March 9th"


def test_weekday_pair_fixes_the_one_year_that_fits(extractor: EventExtractor) -> None:
    # Kadhimi was prime minister 2020-2022; of those years February 11th fell on a Thursday in 2021 only.
    ctx = make_context("Prime Minister Mustafa al-Kadhimi spoke after gunmen killed two guards in Basra "
                       "on Thursday (February 11th).")
    events, year = extractor.extract_with_year(ctx)
    assert year is not None and year.year == 2021
    assert events[0].date_start == "2021-02-11"


def test_former_title_does_not_date_the_text(extractor: EventExtractor) -> None:
    ctx = make_context("Former Prime Minister Mustafa al-Kadhimi said police arrested four men in Basra.")
    assert extractor.infer_year(ctx) is None


def test_no_inference_when_the_cleaner_read_a_date(extractor: EventExtractor) -> None:
    ctx = make_context("Prime Minister Mustafa al-Kadhimi said police arrested four men in Basra.", "2023-02-01")
    assert extractor.infer_year(ctx) is None


def test_bare_weekday_follows_the_latest_written_day(extractor: EventExtractor) -> None:
    text = ("Prime Minister Mustafa al-Kadhimi condemned the attack after gunmen killed a journalist in Basra "
            "on Monday (July 13th). On Wednesday, police arrested two suspects in Basra.")
    events = extractor.extract(make_context(text))
    arrest = next(e for e in events if e.sub_type == "Arrests")
    assert arrest.date_start == "2020-07-15"


def test_event_inside_an_after_clause_is_dated_backwards(extractor: EventExtractor) -> None:
    text = ("Rockets struck a base in Basra on Thursday. The barrage came three days after gunmen "
            "kidnapped two engineers in Basra.")
    events = extractor.extract(make_context(text, "2022-03-12"))
    kidnap = next(e for e in events if e.sub_type == "Abduction/forced disappearance")
    assert kidnap.date_start == "2022-03-07"  # Thursday 2022-03-10 minus three days


def test_month_last_year_and_last_month_name() -> None:
    anchor = parse_published("2022-04-20")
    values = {d.text: d.value.iso_start for d in find_dates(
        "It began in May last year and worsened last June, then again last March.", anchor) if d.value}
    assert values == {"in May last year": "2021-05", "last June": "2021-06", "last March": "2022-03"}


def test_one_event_per_family_in_a_sentence(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Iraqi security forces detained six members of Kataib Hezbollah in a raid in Basra on Monday.",
        "2021-04-14"))
    arrests = [e for e in events if e.sub_type == "Arrests"]
    assert len(arrests) == 1
    assert "iraqi-security-forces" in arrests[0].actors and "kataib-hezbollah" in arrests[0].targets


def test_seized_people_is_an_arrest(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("Three suspects were seized in Basra on Monday.", "2021-04-14"))
    assert [e.sub_type for e in events] == ["Arrests"]
    weapons = extractor.extract(make_context("Police seized rockets in Basra on Monday.", "2021-04-14"))
    assert all(e.sub_type != "Arrests" for e in weapons)


def test_the_publication_date_is_never_inferred_by_extraction() -> None:
    from factiongraph.extract import Extractor

    ctx = make_context("Prime Minister Mustafa al-Kadhimi spoke after gunmen killed two guards in Basra "
                       "on Thursday (February 11th).")
    extraction = Extractor(default_kb()).extract(ctx)
    assert ctx.document.metadata.published is None
    assert extraction.events[0].date_start == "2021-02-11"


def test_a_bare_weekday_is_the_day_written_in_the_text_on_that_weekday(extractor: EventExtractor) -> None:
    text = ("Rockets hit Erbil on Feb. 15, 2021, officials said. On Monday, police arrested two men in Erbil "
            "over the attack.")
    arrest = next(e for e in extractor.extract(make_context(text)) if e.sub_type == "Arrests")
    assert arrest.date_start == "2021-02-15"  # 15 February 2021 was a Monday
    assert "weekday of 'Feb. 15, 2021'" in str(arrest.attrs["date_basis"])


def test_a_bare_weekday_with_only_the_publication_month_known(extractor: EventExtractor) -> None:
    text = "On Monday, police arrested two men in Erbil."
    arrest = extractor.extract(make_context(text, "2021-02"))[0]
    assert arrest.date_start is None and arrest.attrs["date_text"] == "Monday"


def test_far_background_day_does_not_date_a_weekday(extractor: EventExtractor) -> None:
    text = ("The group was founded on March 3, 2014 in Baghdad by veterans of the militias that fought US "
            "forces, and its leaders have since held posts in the ministries, the council and the security "
            "services, according to a report by a research centre published last year, which the group "
            "rejected at the time as slander and propaganda by its enemies abroad and at home, and its "
            "spokesman repeated that denial in a long statement. On Tuesday, police arrested two of its "
            "members in Basra.")
    arrest = next(e for e in extractor.extract(make_context(text)) if e.sub_type == "Arrests")
    assert arrest.date_start is None


def test_participant_country_is_not_the_location(extractor: EventExtractor) -> None:
    e = next(iter(extractor.extract(make_context(
        "Kataib Hezbollah claimed drone attacks on Israel on Monday.", "2024-03-06"))))
    assert "israel" in e.targets and e.location_id != "israel"


def test_companion_of_a_victim_is_not_an_actor(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Qasem Soleimani was killed together with Iraqi commander Abu Mahdi al-Muhandis in a US drone strike "
        "in Baghdad on Friday.", "2020-01-04"))
    strike = next(e for e in events if e.sub_type == "Air/drone strike")
    assert "abu-mahdi-al-muhandis" not in strike.actors and "united-states" in strike.actors


def test_subject_of_another_clause_is_not_a_noun_triggers_actor(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Pressure on Kataib Hezbollah has grown since the protests in Basra in March.", "2021-04-14"))
    protest = next(e for e in events if e.type == "Protests")
    assert "kataib-hezbollah" not in protest.actors



def test_cause_references_read_the_nouns_after_the_determiner() -> None:
    assert cause_references("They protested in retaliation for the arrest of their leader.") == ["arrest", "of"]
    assert cause_references("Shortly after the latest raid, they rallied.")[:2] == ["latest", "raid"]
    assert cause_references("They rallied in Basra.") == []


def test_undated_event_answering_an_earlier_one_takes_its_month(extractor: EventExtractor) -> None:
    text = ("On March 3rd, police arrested five members of Kataib Hezbollah in Basra. "
            "Hundreds of supporters of the group protested in Nasiriyah in retaliation for the arrests.")
    events = extractor.extract(make_context(text, "2021-05-20"))
    protest = next(e for e in events if e.type == "Protests")
    assert (protest.date_start, protest.date_precision) == ("2021-03", "month")
    assert str(protest.attrs["date_basis"]).startswith("relative: not before the arrest")


def test_undated_event_naming_no_earlier_event_keeps_the_publication_period(extractor: EventExtractor) -> None:
    text = ("On March 3rd, police arrested five members of Kataib Hezbollah in Basra. "
            "Hundreds of supporters of the group protested in Nasiriyah in retaliation for the election results.")
    events = extractor.extract(make_context(text, "2021-05-20"))
    protest = next(e for e in events if e.type == "Protests")
    assert protest.date_start == "2021-05"


def test_bare_weekday_counts_from_the_latest_day_not_a_background_date(extractor: EventExtractor) -> None:
    text = ("Gunmen killed a journalist in Basra on Monday (July 6th), Prime Minister Mustafa al-Kadhimi's "
            "office said. The killing came weeks after police "
            "arrested members of Kataib Hezbollah in Baghdad on June 25th. On Tuesday, hundreds of people "
            "gathered in Basra, chanting slogans against the killers.")
    events = extractor.extract(make_context(text))
    protest = next(e for e in events if e.type == "Protests")
    assert protest.date_start.endswith("-07-07")


def test_a_date_in_a_relative_clause_about_a_participant_does_not_date_the_event(extractor: EventExtractor) -> None:
    text = "The brigade, which was set up in 2016, attacked a police post near Tikrit, killing two officers."
    events = extractor.extract(make_context(text, "2023-05-18"))
    attack = next(e for e in events if e.attrs.get("trigger") == "attacked")
    assert attack.date_start == "2023-05"  # the publication period, not the brigade's founding year


def test_a_year_before_a_noun_is_that_happenings_year_only(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Mourners in Baghdad recalled the 2020 assassination of Qais al-Khazali's aide.", "2023-05-18"))
    killing = next(e for e in events if e.attrs.get("trigger") == "assassination")
    assert killing.date_start == "2020" and killing.date_precision == "year"
    # a person whose day of death the KB records: that day (events/deaths.py)
    events = extractor.extract(make_context(
        "Mourners in Baghdad recalled the 2020 assassination of Qasem Soleimani.", "2023-05-18"))
    killing = next(e for e in events if e.attrs.get("trigger") == "assassination")
    assert killing.date_start == "2020-01-03"


def test_the_sentences_own_day_beats_the_datelines_day(extractor: EventExtractor) -> None:
    text = "KIRKUK, Iraq, May 18 (Wire) - Gunmen shot dead a tribal sheikh in Kirkuk on Tuesday, police said."
    events = extractor.extract(make_context(text, "2023-05-18"))
    assert events[0].date_start == "2023-05-16"
    assert events[0].attrs["date_text"] == "Tuesday"


def test_a_lead_with_no_day_of_its_own_is_dated_by_its_dateline(extractor: EventExtractor) -> None:
    # the parser may cut the dateline off as a sentence of its own: the lead still takes its day
    text = ("KIRKUK, May 16 (Reuters) - A roadside bomb exploded near a police patrol in Kirkuk, police said.\n\n"
            "In a separate incident, a bomb wounded two soldiers in Hawija, police said.")
    events = extractor.extract(make_context(text, "2023-05-18"))
    lead = next(e for e in events if "patrol" in e.evidence[0].text)
    other = next(e for e in events if "Hawija" in e.evidence[0].text)
    assert (lead.date_start, lead.attrs["date_text"]) == ("2023-05-16", "May 16")
    assert other.date_start != "2023-05-16"  # only the sentence the dateline opens


def test_a_bare_weekday_goes_back_from_the_datelines_day(extractor: EventExtractor) -> None:
    # only the month is known; the dateline (a Thursday) fixes the day, Tuesday is two days before
    text = "KIRKUK, Iraq, May 18 (Wire) - Gunmen shot dead a tribal sheikh in Kirkuk on Tuesday, police said."
    events = extractor.extract(make_context(text, "2023-05"))
    assert events[0].date_start == "2023-05-16"


def test_hours_later_takes_the_day_of_the_happening_just_reported(extractor: EventExtractor) -> None:
    text = ("A roadside bomb struck an army patrol in Diyala on Monday. "
            "Hours later, gunmen attacked a checkpoint in Diyala, killing a soldier.")
    events = extractor.extract(make_context(text, "2023-05-18"))
    attack = next(e for e in events if e.attrs.get("trigger") == "attacked")
    assert attack.date_start == "2023-05-15"


def test_a_weekday_in_the_past_perfect_goes_back_from_the_day_written(extractor: EventExtractor) -> None:
    # no publication date: the statement's day is written; the killing "had" happened the Sunday before
    text = "In a statement on 12 March 2024, the ministry said troops had killed five militants in Anbar on Sunday."
    events = extractor.extract(make_context(text))
    assert events[0].date_start == "2024-03-10"


def test_a_date_in_an_appositive_description_of_a_participant_does_not_date_the_event(
        extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Saraya Awliya al-Dam, a group that emerged in 2020, claimed a rocket attack on Erbil airport.", "2024-03-14"))
    attack = next(e for e in events if "attack" in str(e.attrs.get("trigger")))
    assert attack.date_start == "2024-03"


def test_what_a_sentence_answers_does_not_take_its_date(extractor: EventExtractor) -> None:
    # the strikes were in February; the rocket fire they answered came earlier, day unknown
    events = extractor.extract(make_context(
        "The US ordered strikes on militia depots in Syria in February, in response to rocket attacks on Erbil.",
        "2021-06-29"))
    rockets = next(e for e in events if "rocket" in str(e.attrs.get("trigger")))
    assert rockets.date_start is None
    strikes = next(e for e in events if e is not rockets)
    assert strikes.date_start == "2021-02"


def test_since_the_event_it_answers_runs_from_that_day_to_publication(extractor: EventExtractor) -> None:
    text = ("Demonstrators took to the streets of Basra on March 2. "
            "Security forces have killed more than 40 people since the protests began, a rights group said.")
    events = extractor.extract(make_context(text, "2023-05-18"))
    toll = next(e for e in events if e.attrs.get("trigger") == "killed")
    assert (toll.date_start, toll.date_end) == ("2023-03-02", "2023-05-18")


def test_within_hours_of_an_earlier_happening_takes_its_day(extractor: EventExtractor) -> None:
    text = ("Counter-terrorism troops arrested 14 militia members in Baghdad late on June 25. "
            "Within hours of the arrests, armed men attacked a checkpoint near the Green Zone, wounding a guard.")
    events = extractor.extract(make_context(text, "2020-06-30"))
    attack = next(e for e in events if e.attrs.get("trigger") == "attacked")
    assert attack.date_start == "2020-06-25"


def test_the_start_of_a_range_ending_in_a_written_year_is_before_that_end() -> None:
    from factiongraph.extract.dates.anchoring import resolve_event_date
    from factiongraph.extract.dates.expressions import Anchor
    text = "Between the 7 October attacks and 27 January 2024, the bases came under fire 160 times."
    dates = find_dates(text, Anchor(None, None, year_hint=2024))
    first = next(d for d in dates if d.text.startswith("7 October"))
    value, _, basis = resolve_event_date(first, [], Anchor(None, None, year_hint=2024), dates, None,
                                         text.index("attacks"), text, False, 0)
    assert value is not None and value.iso_start == "2023-10-07", basis
    # without a range, the year the text fixes stands
    plain = "The 7 October attacks shook the region; on 27 January 2024 a drone struck a base."
    dates = find_dates(plain, Anchor(None, None, year_hint=2024))
    first = next(d for d in dates if d.text.startswith("7 October"))
    value, _, _ = resolve_event_date(first, [], Anchor(None, None, year_hint=2024), dates, None,
                                     plain.index("attacks"), plain, False, 0)
    assert value is not None and value.iso_start == "2024-10-07"


def test_it_came_a_week_after_counts_back_from_the_storys_lead(extractor: EventExtractor) -> None:
    # PUB Wednesday 2021-03-10: "It" is the Wednesday strike, not Sunday's attack told in between
    text = ("A US drone strike killed a militia commander in Baghdad on Wednesday. The strike answered a drone "
            "attack that killed three soldiers in Jordan on Sunday. It came a week after Kataib Hezbollah "
            "announced that it was suspending its operations against US forces.")
    events = extractor.extract(make_context(text, "2021-03-10"))
    change = next(e for e in events if e.evidence[0].text.startswith("It came"))
    assert change.date_start == "2021-03-03"


def test_a_reaction_naming_the_happening_takes_its_day(extractor: EventExtractor) -> None:
    # PUB Wednesday 2021-03-10: the condemnation names "the attack" of Monday, news of that week
    text = ("At least ten rockets struck Ain al-Asad air base in Anbar early on Monday. "
            "Iraqi Prime Minister Mustafa al-Kadhimi condemned the attack and ordered an investigation.")
    events = extractor.extract(make_context(text, "2021-03-10"))
    reaction = next(e for e in events if "condemned" in e.evidence[0].text)
    assert reaction.date_start == "2021-03-08"
    assert reaction.attrs["date_basis"].startswith("relative: the day of the attack")


def test_a_reaction_to_an_old_happening_keeps_the_publication_period(extractor: EventExtractor) -> None:
    text = ("Rockets struck Ain al-Asad air base in Anbar on January 8, 2020.\n\n"
            "Iraqi Prime Minister Mustafa al-Kadhimi condemned the attack and ordered an investigation.")
    events = extractor.extract(make_context(text, "2021-03-10"))
    reaction = next(e for e in events if "condemned" in e.evidence[0].text)
    assert reaction.date_start == "2021-03"  # the attack is no news of the report's week


def test_an_undated_happening_takes_the_time_its_paragraph_set_earlier(extractor: EventExtractor) -> None:
    text = ("In October 2019, mass protests erupted in Baghdad and the south. Militiamen killed hundreds "
            "of protesters in Nasiriyah.\n\nGunmen attacked a checkpoint in Diyala, killing two soldiers.")
    events = extractor.extract(make_context(text, "2023-05-10"))
    killing = next(e for e in events if "Nasiriyah" in e.evidence[0].text)
    other = next(e for e in events if "Diyala" in e.evidence[0].text)
    assert killing.date_start == "2019-10" and killing.attrs["date_basis"].startswith("paragraph:")
    assert other.date_start == "2023-05"  # another paragraph: the publication period


def test_a_recent_time_set_in_the_paragraph_is_the_reports_own(extractor: EventExtractor) -> None:
    # a date of the report's own weeks is no background: the publication period stands
    text = "On May 2, 2023, protesters gathered in Basra. Gunmen killed two protesters in Basra."
    events = extractor.extract(make_context(text, "2023-05-10"))
    killing = next(e for e in events if "killed" in e.evidence[0].text)
    assert not str(killing.attrs.get("date_basis", "")).startswith("paragraph:")


def test_a_sentence_placed_in_time_by_its_own_words_is_no_same_day_reaction(extractor: EventExtractor) -> None:
    text = ("Rockets struck Ain al-Asad air base in Anbar on Monday. Marking the first anniversary of the "
            "attack, the speaker ordered an investigation.")
    events = extractor.extract(make_context(text, "2021-03-10"))
    assert not any(str(e.attrs.get("date_basis", "")).startswith("relative: the day of") for e in events)


def test_a_weekday_after_after_is_on_or_before_the_day_written_first(extractor: EventExtractor) -> None:
    # PUB Friday 2021-03-12: the drone strike two days before Sunday the 7th is Friday the 5th
    text = "Rockets hit Ain al-Asad air base on Sunday, two days after a drone struck Erbil airport on Friday."
    events = extractor.extract(make_context(text, "2021-03-12"))
    drone = next(e for e in events if e.sub_type == "Air/drone strike")
    assert drone.date_start == "2021-03-05"
