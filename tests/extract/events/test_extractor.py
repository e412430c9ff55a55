"""Event rules: one short, invented sentence per rule family, run through the real model and KB."""

from __future__ import annotations

import pytest

from factiongraph.errors import ConfigError
from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.extract.events.typology import load_event_rules, load_typology, verb_forms
from factiongraph.model import Block, BlockPart, Certainty, Event

from tests.extract.factory import default_kb, make_context

PUB = "2021-04-14"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def events_of(extractor: EventExtractor, text: str, published: str | None = PUB) -> list[Event]:
    return extractor.extract(make_context(text, published))


def only(extractor: EventExtractor, text: str, published: str | None = PUB) -> Event:
    found = events_of(extractor, text, published)
    assert len(found) == 1, [(e.sub_type, e.attrs.get("label"), e.evidence[0].text) for e in found]
    return found[0]


def headlined_events(text: str, published: str) -> list[Event]:
    """Return the events of ``text``, its first line the document's headline."""
    ctx = make_context(text, published)
    ctx.document.metadata.title = text.split("\n")[0]
    return EventExtractor(default_kb()).extract(ctx)


def test_every_rule_uses_an_acled_pair() -> None:
    typology = load_typology()
    for rule in load_event_rules().rules:
        assert typology.is_valid(rule.type, rule.sub_type), rule.id
        assert rule.producer == f"rule.{rule.id}.v{rule.version}"


def test_bad_rule_file_is_a_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.yaml"
    path.write_text("rules:\n  - {id: x, version: 1, type: Battles, sub_type: Arrests, label: x}\n")
    with pytest.raises(ConfigError, match="Arrests"):
        load_event_rules(path)


def test_verb_forms_cover_regular_and_irregular_verbs() -> None:
    assert verb_forms("arrest")["arrested"] == "VBD"
    assert verb_forms("kidnap")["kidnapped"] == "VBD"
    assert verb_forms("take")["taken"] == "VBN"
    assert verb_forms("free")["freed"] == "VBD"


def test_arrest_with_count_actor_target_place_and_date(extractor: EventExtractor) -> None:
    e = only(extractor, "Iraqi security forces arrested five members of Asaib Ahl al-Haq in Basra on Monday.")
    assert (e.type, e.sub_type) == ("Strategic developments", "Arrests")
    assert e.counts == {"arrested": 5}
    assert "iraqi-security-forces" in e.actors and "asaib-ahl-al-haq" in e.targets
    assert e.location_id == "basra" and e.geo_precision == "city" and e.lat is not None
    assert (e.date_start, e.date_precision) == ("2021-04-12", "day")
    ev = e.evidence[0]
    assert ev.producer == "rule.event-arrest.v2" and ev.text.startswith("Iraqi security forces")
    assert ev.text == make_context(ev.text).document.text[: len(ev.text)]


def test_raid_then_arrest_and_later_mention_merge_into_one_event(extractor: EventExtractor) -> None:
    text = ("On March 2nd, the Counter-Terrorism Service raided a Kataib Hezbollah depot in Basra. "
            "The operation led to the arrest of nine fighters. "
            "Analysts said the raid was overdue.")
    found = events_of(extractor, text)
    arrests = [e for e in found if e.sub_type == "Arrests"]
    assert len(arrests) == 1
    raid = arrests[0]
    assert raid.date_start == "2021-03-02" and raid.counts.get("arrested") == 9
    assert len(raid.evidence) >= 2
    assert "counter-terrorism-service" in raid.actors


def test_release_relative_to_the_raid(extractor: EventExtractor) -> None:
    text = ("On March 2nd, the Counter-Terrorism Service raided a Kataib Hezbollah depot in Basra. "
            "Three days after the raid, the detainees were released on bail.")
    release = [e for e in events_of(extractor, text) if e.attrs.get("label") == "release"]
    assert len(release) == 1
    assert (release[0].type, release[0].sub_type) == ("Strategic developments", "Other")
    assert release[0].date_start == "2021-03-05"


def test_release_of_a_statement_is_not_an_event(extractor: EventExtractor) -> None:
    found = events_of(extractor, "On Monday, Kataib Hezbollah released a statement about the talks.")
    assert not [e for e in found if e.attrs.get("label") == "release"]


def test_rocket_attack(extractor: EventExtractor) -> None:
    e = only(extractor, "On Sunday, three Katyusha rockets struck near the Baghdad airport, police said.")
    assert (e.type, e.sub_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert e.date_start == "2021-04-11"


def test_drone_strike_with_killed_count(extractor: EventExtractor) -> None:
    e = only(extractor, "A drone strike killed four Kataib Hezbollah fighters near Qaim on Tuesday.")
    assert e.sub_type == "Air/drone strike" and e.counts.get("killed") == 4


def test_roadside_bomb(extractor: EventExtractor) -> None:
    e = only(extractor, "A roadside bomb hit a logistics convoy in Diwaniyah on April 3rd.")
    assert e.sub_type == "Remote explosive/landmine/IED" and e.date_start == "2021-04-03"


def test_clash_and_shooting_at_an_armed_group(extractor: EventExtractor) -> None:
    e = only(extractor, "On Friday, gunmen clashed with a Badr Organisation patrol outside Baquba.")
    assert (e.type, e.sub_type) == ("Battles", "Armed clash")


def test_killing_of_civilians(extractor: EventExtractor) -> None:
    e = only(extractor, "Six farmers were killed near Tarmiyah on Saturday.")
    assert (e.type, e.sub_type) == ("Violence against civilians", "Attack")
    assert e.counts == {"killed": 6}


def test_abduction(extractor: EventExtractor) -> None:
    e = only(extractor, "Gunmen abducted an activist in Nasiriyah on Wednesday.")
    assert e.sub_type == "Abduction/forced disappearance"


def test_threat_by_named_group(extractor: EventExtractor) -> None:
    e = only(extractor, "Kataib Hezbollah threatened the United States with retaliation last week.")
    assert e.attrs["label"] == "threat" and e.sub_type == "Other"
    assert e.actors == ["kataib-hezbollah"] and "united-states" in e.targets


def test_rally_and_parade(extractor: EventExtractor) -> None:
    rally = only(extractor, "Supporters of Asaib Ahl al-Haq held a rally in Basra on Friday.")
    assert (rally.type, rally.sub_type) == ("Protests", "Peaceful protest")
    parade = only(extractor, "Kataib Hezbollah staged a parade in Baghdad on April 1st.")
    assert parade.attrs["label"] == "parade"


def test_protest_dispersed_with_tear_gas(extractor: EventExtractor) -> None:
    e = only(extractor, "Police fired tear gas at a protest in Karbala on Thursday.")
    assert e.sub_type == "Protest with intervention"


def test_office_burned_by_protesters_is_a_riot(extractor: EventExtractor) -> None:
    e = only(extractor, "On Tuesday, protesters set fire to the Badr Organisation office in Najaf.")
    assert (e.type, e.sub_type) == ("Riots", "Violent demonstration")


def test_office_closure(extractor: EventExtractor) -> None:
    e = only(extractor, "Last month, Harakat al-Nujaba closed its offices in Basra.")
    assert (e.sub_type, e.attrs["label"]) == ("Change to group/activity", "closure")
    assert "harakat-al-nujaba" in e.actors


def test_weapons_seizure(extractor: EventExtractor) -> None:
    e = only(extractor, "On Sunday, troops found a rocket launcher in Abu Ghraib.")
    assert e.sub_type == "Disrupted weapons use"


def test_visit_and_meeting_are_one_event(extractor: EventExtractor) -> None:
    e = only(extractor, "On April 6th, Fuad Hussein visited Tehran and met with Hassan Rouhani.")
    assert e.attrs["label"] == "visit" and e.location_id == "tehran"
    assert "fuad-hussein" in e.actors


def test_dated_call_is_an_event_but_undated_advice_is_not(extractor: EventExtractor) -> None:
    e = only(extractor, "On April 2nd, Muqtada al-Sadr called on the government to disarm the militias.")
    assert e.attrs["label"] == "call" and e.date_start == "2021-04-02"
    assert events_of(extractor, "The analyst called on the government to disarm the militias.") == []


def test_generic_habitual_claims_are_not_events(extractor: EventExtractor) -> None:
    assert events_of(extractor, "Militias carry out attacks and engage in smuggling across Iraq.") == []
    assert events_of(extractor, "Such groups arrest critics and threaten journalists.") == []


def test_one_happening_told_in_the_past_needs_no_date_or_name(extractor: EventExtractor) -> None:
    # a wire lead often gives neither a date nor a named group: a single bomb that went off is news
    bomb = only(extractor, "A roadside bomb struck a truck carrying food for the army in southern Iraq, "
                           "police said.")
    assert bomb.sub_type == "Remote explosive/landmine/IED"
    assert only(extractor, "A car bomb was set off near a bus station, a police officer said.").type \
        == "Explosions/Remote violence"
    # the same words as a habit, a possibility or a denial tell no happening
    assert events_of(extractor, "Roadside bombs struck army trucks throughout the war.") == []
    assert events_of(extractor, "A roadside bomb could strike a truck on that road.") == []
    assert events_of(extractor, "A roadside bomb did not explode near the truck.") == []


def test_a_statement_that_carries_the_news_of_a_happening_is_not_a_statement_event(
        extractor: EventExtractor) -> None:
    found = events_of(extractor, "The Kurdistan Regional Government said in a statement on Monday that two "
                                 "civilians were wounded when a rocket hit a house in Erbil.")
    assert [e.attrs.get("label") for e in found if e.type == "Strategic developments"] == []
    assert any(e.type == "Explosions/Remote violence" for e in found)
    # a statement of a position, with no happening in what it says, stays an event
    position = events_of(extractor, "Kataib Hezbollah said in a statement on Sunday that US forces must "
                                    "leave Iraq.")
    assert [e.attrs.get("label") for e in position] == ["statement"]


def test_an_announcement_of_deaths_in_an_attack_is_the_attacks_news(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The Israeli army announced the death of two soldiers and injuries to 20 others "
                                 "following a drone attack launched from Iraq last Wednesday.")
    assert [e.attrs.get("label") for e in found if e.type == "Strategic developments"] == []
    assert [e.type for e in found] == ["Explosions/Remote violence"]
    plan = events_of(extractor, "Kataib Hezbollah announced a new political program on Monday.")
    assert [e.attrs.get("label") for e in plan] == ["announcement"]


def test_a_remark_on_the_happening_told_is_no_new_happening(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Several rockets hit a base near Erbil airport on Monday night, wounding two "
                                 "contractors, officials said. The attack was the third on the base this year.")
    assert len(found) == 1 and found[0].date_start == "2021-04-12"
    # a passive with the same opening tells who did it: still the one happening, with its actor
    claimed = events_of(extractor, "Several rockets hit a base near Erbil airport on Monday night. The attack "
                                   "was claimed by Kataib Hezbollah.")
    assert len(claimed) == 1
    # a possessor makes the noun as definite as "the"
    named = events_of(extractor, "Gunmen shot dead a tribal leader in Basra on Monday. His killing was the "
                                 "fourth in the city this month.")
    assert len(named) == 1 and named[0].date_start == "2021-04-12"


def test_a_headline_naming_no_side_and_no_toll_sums_up_the_body(extractor: EventExtractor) -> None:
    found = headlined_events("PMF commander assassinated in Karbala\nAn officer of the Popular Mobilization "
                             "Forces was shot dead by two men on a motorcycle in the city of Karbala early on "
                             "Sunday, police said.", "2022-03-14")
    assert len(found) == 1 and found[0].date_start == "2022-03-13"


def test_conditional_and_future_are_not_events(extractor: EventExtractor) -> None:
    assert events_of(extractor, "The government is expected to release the detainees.") == []
    assert events_of(extractor, "Kataib Hezbollah would attack if the detainees are not released.") == []


def test_anonymous_source_and_allegation(extractor: EventExtractor) -> None:
    anon = only(extractor, "Gunmen killed two guards in Samarra on Monday, an official told reporters "
                           "on condition of anonymity.")
    assert anon.certainty is Certainty.ANONYMOUS
    alleged = only(extractor, "Kataib Hezbollah was accused of launching rocket attacks on the airport last week.")
    assert alleged.certainty is Certainty.ALLEGED


def test_responsibility_adds_actor(extractor: EventExtractor) -> None:
    text = ("On Monday, five shepherds were killed near Tuz Khurmatu. "
            "Local officials said Asaib Ahl al-Haq was responsible for the killings.")
    e = only(extractor, text)
    assert e.actors == ["asaib-ahl-al-haq"] and len(e.evidence) == 2
    assert e.certainty is not Certainty.REPORTED


def test_comments_never_yield_events(extractor: EventExtractor) -> None:
    body = "The council met to discuss the budget."
    comment = " Kataib Hezbollah fighters killed four protesters in Basra on Monday."
    text = body + comment
    ctx = make_context(text, PUB, blocks=[Block(BlockPart.BODY, 0, len(body)),
                                          Block(BlockPart.COMMENT, len(body), len(text))])
    assert extractor.extract(ctx) == []


def test_ids_are_deterministic(extractor: EventExtractor) -> None:
    text = "Iraqi security forces arrested five members of Asaib Ahl al-Haq in Basra on Monday."
    first = [e.event_id for e in events_of(extractor, text)]
    assert first == [e.event_id for e in events_of(extractor, text)]
    assert first[0].startswith("event-")


def test_unknown_publication_gives_no_guessed_year(extractor: EventExtractor) -> None:
    # News style writes the year only for other years: "Nov. 4" need not be in 2019.
    e = only(extractor, "The 2019 unrest continued. On Nov. 4, gunmen killed three protesters in Basra.",
             published=None)
    assert e.date_start is None and e.attrs["date_text"] == "Nov. 4"


def test_threatened_happening_is_not_an_event(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Kataib Hezbollah threatened the prime minister with the burning of the Interior Ministry "
        "headquarters in Baghdad.", "2021-04-14"))
    assert not [e for e in events if e.sub_type == "Looting/property destruction"]


@pytest.mark.parametrize("text", [
    "Militias have repeatedly shelled the base near Baghdad airport since 2020.",
    "Kataib Hezbollah has fired rockets at the US embassy dozens of times since 2019.",
])
def test_a_habitual_happening_is_not_an_event(extractor: EventExtractor, text: str) -> None:
    assert extractor.extract(make_context(text, "2021-04-14")) == []


def test_a_counted_happening_on_one_day_is_an_event(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("Rockets hit the base near Baghdad airport three times on Monday.",
                                            "2021-04-14"))
    assert [e.sub_type for e in events] == ["Shelling/artillery/missile attack"]


def test_noun_trigger_as_modifier_is_not_an_event(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Police questioned a protest organiser in Basra on Sunday.", "2021-04-14"))
    assert not [e for e in events if e.type == "Protests"]


def test_events_of_one_sentence_get_their_own_clause(extractor: EventExtractor) -> None:
    text = ("Following the attack on the party's offices in Baghdad, security forces arrested "
            "five of the attackers.")
    events = extractor.extract(make_context(text, "2021-04-14"))
    by_type = {e.sub_type: e.evidence[0].text for e in events}
    assert by_type["Arrests"].startswith("security forces arrested")
    assert "arrested" not in by_type["Looting/property destruction"]


def test_passive_with_agent_is_anchored(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Some of the party offices were torched by protesters.", "2021-04-14"))
    assert [e.type for e in events] == ["Riots"]


def test_killed_in_a_strike_is_an_air_strike(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Both men were killed in a US strike in January last year.", "2021-06-27"))
    assert [(e.type, e.sub_type) for e in events] == [("Explosions/Remote violence", "Air/drone strike")]


def test_country_modifying_a_person_is_not_the_place(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "On Sept. 25, Iran's Supreme Leader Ali Khamenei declared three days of mourning.", "2020-09-28"))
    assert events and all(e.location_id != "iran" for e in events)


def test_fired_missiles_a_few_words_apart(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "The IRGC fired more than a dozen ballistic missiles at two bases on Wednesday.", "2020-01-09"))
    assert [e.sub_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].actors == ["irgc"]


def test_killing_beside_a_visit_is_its_own_event(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Angered by the assassination of Qasem Soleimani, Iran sent a delegation to "
                                 "Baghdad on Monday.")
    killing = [e for e in found if e.attrs.get("label") == "killing"]
    assert len(killing) == 1 and killing[0].targets == ["qasem-soleimani"]
    assert killing[0].evidence[0].text.startswith("Angered by")
    assert "iran" not in killing[0].actors


def test_killing_inside_a_violent_event_stays_its_outcome(extractor: EventExtractor) -> None:
    e = only(extractor, "A drone strike killed four Kataib Hezbollah fighters near Qaim on Tuesday.")
    assert e.sub_type == "Air/drone strike" and e.counts.get("killed") == 4


def test_what_a_demand_answers_happened_but_what_it_asks_for_did_not(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The Iranians demanded revenge for the killing of Qasem Soleimani in Baghdad "
                                 "in January.")
    assert [e.targets for e in found if e.attrs.get("label") == "killing"] == [["qasem-soleimani"]]
    found = events_of(extractor, "Kataib Hezbollah demanded the release of the detainees on Monday.")
    assert not [e for e in found if e.attrs.get("label") == "release"]


def test_expected_happening_that_happened_before_is_reported(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The prime minister is expected to free the detainees, as happened after the "
                                 "raid on the Kataib Hezbollah depot in Basra in March.")
    release = [e for e in found if e.attrs.get("label") == "release"]
    raid = [e for e in found if e.attrs.get("label") == "raid"]
    assert len(release) == 1 and len(raid) == 1
    assert release[0].date_start == "2021-03" and release[0].targets == ["kataib-hezbollah"]
    assert release[0].location_id is None  # Basra is where the raid was
    assert raid[0].location_id == "basra" and raid[0].evidence[0].text.startswith("as happened after")


def test_expected_happening_alone_is_not_reported(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The prime minister is expected to free the detainees in Basra next week.")
    assert not [e for e in found if e.attrs.get("label") == "release"]


def test_release_after_a_raid_frees_the_raids_targets(extractor: EventExtractor) -> None:
    text = ("On March 2nd, the Counter-Terrorism Service raided a Kataib Hezbollah depot in Basra. "
            "Three days after the raid, the detainees were released on bail.")
    release = [e for e in events_of(extractor, text) if e.attrs.get("label") == "release"]
    assert release[0].targets == ["kataib-hezbollah"] and release[0].date_start == "2021-03-05"


def test_unrelated_release_does_not_take_an_arrests_targets(extractor: EventExtractor) -> None:
    text = ("On March 2nd, the Counter-Terrorism Service arrested two Kataib Hezbollah members in Basra. "
            "On Friday, police in Najaf released a journalist.")
    release = [e for e in events_of(extractor, text) if e.attrs.get("label") == "release"]
    assert len(release) == 1 and "kataib-hezbollah" not in release[0].targets


def test_place_before_the_clauses_scopes_over_both_events(extractor: EventExtractor) -> None:
    found = events_of(extractor, "In Basra on Monday, gunmen killed a Kataib Hezbollah commander, and police "
                                 "arrested two suspects.")
    assert {e.location_id for e in found} == {"basra"}


def test_a_gathering_with_chants_is_a_peaceful_protest() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Hundreds of residents gathered outside the governorate building in Basra on Sunday, chanting "
        "slogans against the power cuts.", "2023-08-01"))
    protest = next(e for e in events if e.type == "Protests")
    assert protest.sub_type == "Peaceful protest" and protest.date_start == "2023-07-30"


def test_armed_men_gathering_is_a_show_of_force_not_a_protest() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Dozens of armed Asaib Ahl al-Haq fighters in pick-up trucks gathered near the gates of the Green Zone "
        "on Sunday, demanding the release of a commander.", "2023-08-01"))
    assert not any(e.type == "Protests" for e in events)
    shows = [e for e in events if e.attrs.get("label") == "show-of-force"]
    assert len(shows) == 1 and "asaib-ahl-al-haq" in shows[0].actors


def test_a_gathering_without_the_marks_of_a_protest_is_no_event() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Investigators gathered evidence in Basra on Sunday.", "2023-08-01"))
    assert not any(e.attrs.get("rule") == "event-gathering" for e in events)


def test_a_vote_and_an_ordered_investigation_are_dated_official_acts() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "The Iraqi parliament voted on Sunday in favour of a law on the Popular Mobilisation Forces. "
        "Prime Minister Mohammed Shia al-Sudani ordered an investigation into the Basra blast on Monday.",
        "2023-08-02"))
    by_label = {e.attrs.get("label"): e for e in events}
    assert by_label["vote"].date_start == "2023-07-30"
    assert by_label["investigation"].actors == ["mohammed-shia-al-sudani"]
    assert by_label["investigation"].date_start == "2023-07-31"


def test_voting_for_a_candidate_in_an_election_is_not_a_vote_event() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Residents of Basra voted early on Sunday, officials said.", "2023-08-02"))
    assert not any(e.attrs.get("label") == "vote" for e in events)


def test_suppression_reaches_only_the_same_mention() -> None:
    extractor = EventExtractor(default_kb())
    two = extractor.extract(make_context(
        "On Sunday, US air strikes hit positions of Kataib Hezbollah in Anbar, after a rocket attack on a "
        "base near Kirkuk killed a contractor.", "2023-01-03"))
    assert {e.sub_type for e in two} >= {"Air/drone strike", "Shelling/artillery/missile attack"}
    one = extractor.extract(make_context(
        "On Sunday, a US drone strike using guided missiles hit a car in Anbar.", "2023-01-03"))
    assert [e.sub_type for e in one if e.type == "Explosions/Remote violence"] == ["Air/drone strike"]


def test_that_day_takes_the_date_of_the_event_just_reported() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Gunmen attacked a checkpoint in Basra on March 3rd, killing two policemen. "
        "Police arrested four members of Kataib Hezbollah in Nasiriyah later that day.", "2022-03-10"))
    arrest = next(e for e in events if e.sub_type == "Arrests")
    assert arrest.date_start == "2022-03-03"


def test_a_happening_the_sentence_refers_back_to_is_not_placed_by_the_main_clause() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Following the killing of Qasem Soleimani on January 3rd, the militias' network in Basra weakened.",
        "2020-06-10"))
    killing = next(e for e in events if "qasem-soleimani" in e.targets)
    assert killing.location_id is None


def test_an_incursion_into_a_guarded_area_is_an_event() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Kataib Hezbollah fighters infiltrated the Green Zone on Friday.", "2020-06-30"))
    assert [e.attrs.get("label") for e in events] == ["incursion"]
    assert events[0].location_id == "green-zone"


def test_the_headline_event_is_the_body_event() -> None:
    headline = "Police raid Kataib Hezbollah depot in Basra"
    filler = " ".join(["Residents described a tense week in the city."] * 14)
    text = (f"{headline}\n\n{filler}\n\nOn Monday, police raided a Kataib Hezbollah depot in Basra and "
            "arrested six men.")
    ctx = make_context(text, "2023-03-08")
    ctx.document.metadata.title = headline
    arrests = [e for e in EventExtractor(default_kb()).extract(ctx) if e.sub_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].date_start == "2023-03-06"
    assert len(arrests[0].evidence) == 2


def test_a_photo_released_by_an_office_is_no_release() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "The damaged house in Basra, in a photo released by the interior ministry on Monday.", "2023-03-08"))
    assert not any(e.attrs.get("label") == "release" for e in events)


def test_the_killing_named_after_a_strike_is_that_strike() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "A US drone strike killed Abu Baqir al-Saadi in Baghdad on Wednesday. "
        "The killing of the commander in Baghdad drew condemnation from the government.", "2024-02-09"))
    violent = [e for e in events if e.type in ("Explosions/Remote violence", "Violence against civilians")]
    assert len(violent) == 1 and violent[0].sub_type == "Air/drone strike" and len(violent[0].evidence) == 2


def test_deaths_reported_after_the_strike_are_its_outcome() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "A US drone strike killed Abu Baqir al-Saadi in Baghdad on Wednesday. "
        "Two of his Kataib Hezbollah guards were killed as well, police said.", "2024-02-09"))
    violent = [e for e in events if e.type in ("Explosions/Remote violence", "Violence against civilians")]
    assert len(violent) == 1 and violent[0].sub_type == "Air/drone strike"
    assert violent[0].actors == ["united-states"] and len(violent[0].evidence) == 2


def test_a_trigger_inside_a_longer_one_is_part_of_it() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "A drone attack on the residence of Mustafa al-Kadhimi in Baghdad on Sunday wounded two guards.",
        "2021-11-08"))
    assert [e.sub_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Police did not arrest anyone in Basra on Monday.",
    "The militia could attack the base in Basra on Monday, officials warned.",
    "If gunmen attack the convoy in Basra, the army will respond.",
    "Kataib Hezbollah threatened to attack US bases in Basra on Monday.",
])
def test_what_the_parse_shows_did_not_happen_is_no_event(extractor: EventExtractor, text: str) -> None:
    events = events_of(extractor, text)
    assert all(e.attrs.get("label") in ("threat", "statement") for e in events), [e.attrs.get("label") for e in events]


def test_strikes_carried_out_are_a_happening() -> None:
    """A plural noun done by a past "carried out" is an event; the same noun as a plan is not."""
    ex = EventExtractor(default_kb())
    done = ex.extract(make_context("US forces carried out airstrikes against Kataib Hezbollah in western Iraq.",
                                   "2022-03-02"))
    assert [(e.sub_type, e.actors, e.targets) for e in done] == [
        ("Air/drone strike", ["united-states"], ["kataib-hezbollah"])]
    planned = ex.extract(make_context("The US will carry out airstrikes against Kataib Hezbollah.", "2022-03-02"))
    assert planned == []


def test_an_attack_claimed_by_a_group_in_the_same_sentence() -> None:
    ex = EventExtractor(default_kb())
    events = ex.extract(make_context("On Monday, four rockets were fired at Ain al-Asad air base, an attack claimed "
                                     "by the Islamic Resistance in Iraq.", "2022-03-02"))
    assert [(e.actors, e.certainty) for e in events] == [(["islamic-resistance-in-iraq"], Certainty.CLAIMED)]


def test_a_political_development_is_placed_by_its_own_phrase() -> None:
    """A sanction or announcement takes the place its own phrase names, not one the sentence
    mentions about something else; an arrest still takes the place it happened in."""
    ex = EventExtractor(default_kb())

    def places(text: str) -> list[str | None]:
        return [e.location_id for e in ex.extract(make_context(text, "2022-03-02"))]
    assert places("On Monday the US Treasury imposed sanctions on Rayan al-Kildani, whose militia controls "
                  "parts of Nineveh.") == [None]
    assert places("On Monday, Kataib Hezbollah announced it would suspend attacks, days after a strike in "
                  "Baghdad.") == [None]
    assert places("Security forces arrested five men in Basra on Monday.") == ["basra"]


@pytest.mark.parametrize(("text", "protest"), [
    ("As demonstrated by this evening's strikes, the president will act.", False),
    ("The strike demonstrated that the group could hit Baghdad on Monday.", False),
    ("The militia rallied support for its candidate on Monday.", False),
    ("Hundreds demonstrated outside the provincial council in Basra on Friday.", True),
    ("Supporters of the cleric rallied in Tahrir Square on Friday.", True),
    ("Supporters of the cleric took to the streets in Basra on Friday.", True),
    ("Supporters of the cleric took to the main streets of Basra on Friday.", True),  # a word before "streets"
    ("The cleric took to the airwaves on Friday.", False),
])
def test_protest_verbs_that_also_mean_showing_or_gathering_support(text: str, protest: bool) -> None:
    events = EventExtractor(default_kb()).extract(make_context(text, "2022-03-02"))
    assert [e.type for e in events] == (["Protests"] if protest else [])


def test_a_happening_inside_a_quote_is_left_to_the_narrative() -> None:
    ex = EventExtractor(default_kb())
    said = ex.extract(make_context('"We have no alternative today other than confrontation," Kataib Hezbollah said.',
                                   "2022-03-02"))
    assert said == []
    counted = ex.extract(make_context('"Two of our fighters were killed in Baghdad today," Kataib Hezbollah said.',
                                      "2022-03-02"))
    assert [e.counts for e in counted] == [{"killed": 2}]


def test_strikes_said_to_have_been_conducted_against_a_group() -> None:
    """A passive "strikes were conducted against X" happened, to X; a set-off term in quotation
    marks is not someone's speech; "will be carried out" has not happened."""
    ex = EventExtractor(default_kb())
    done = ex.extract(make_context('The U.S. military said "precision defensive strikes" were conducted against '
                                   'five sites of Kataib Hezbollah in Iraq and Syria.', "2019-12-31"))
    assert [(e.sub_type, e.targets) for e in done] == [("Air/drone strike", ["kataib-hezbollah"])]
    assert ex.extract(make_context("Airstrikes will be carried out against Kataib Hezbollah positions.",
                                   "2019-12-31")) == []


def test_a_toll_over_a_period_is_its_own_record() -> None:
    """"320 killed since the protests began" tallies many happenings: a later killing in the same
    story is not folded into it, and the tally itself is kept though its host is only referred to."""
    ex = EventExtractor(default_kb())
    events = ex.extract(make_context(
        "More than 320 people have been killed since the protests began, the commission said. "
        "In Maysan, gunmen killed activist Amjad al-Dahhamat near the police directorate.", "2019-11-07"))
    assert sorted(e.counts.get("killed") for e in events if e.type == "Violence against civilians") == [1, 320]


def test_a_kind_of_weapon_named_by_an_event_word_is_not_the_trigger() -> None:
    """"an attack drone ... struck": "attack" names the drone; the strike's actor launched it."""
    events = EventExtractor(default_kb()).extract(make_context(
        "On 28 January 2024, an attack drone, launched by the Islamic Resistance in Iraq, struck Tower 22.",
        "2024-02-01"))
    assert [(e.sub_type, e.actors) for e in events] == [("Air/drone strike", ["islamic-resistance-in-iraq"])]


def test_claims_that_name_the_attack_by_its_day_or_the_group_by_reference() -> None:
    ex = EventExtractor(default_kb())
    events = ex.extract(make_context(
        "Two drones targeted Ain al-Asad air base on Tuesday. The attack caused no casualties. Armed groups "
        "have threatened US interests for weeks. A group called the \u201cIslamic resistance in Iraq\u201d has "
        "endorsed Tuesday\u2019s attack. On Monday, four rockets were fired at Ain al-Asad air base, an attack "
        "also claimed by the same group.", "2023-11-01"))
    violent = {e.date_start: e.actors for e in events if e.type == "Explosions/Remote violence"}
    assert violent == {"2023-10-31": ["islamic-resistance-in-iraq"], "2023-10-30": ["islamic-resistance-in-iraq"]}


@pytest.mark.parametrize("claim", [
    "The attack was later claimed by Kataib Hezbollah.",
    "The strike has been claimed by Kataib Hezbollah, a statement showed.",
])
def test_a_claim_in_the_passive_names_the_attack_told_before(claim: str) -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        f"A drone attack hit Erbil airport late on Tuesday. {claim}", "2024-03-10"))
    assert [(e.sub_type, e.actors) for e in events] == [("Air/drone strike", ["kataib-hezbollah"])]


@pytest.mark.parametrize(("text", "sub_type", "counts"), [
    # a person seized by gunmen or an armed group is abducted; no territory is taken
    ("Gunmen captured three men in Baghdad in March.", "Abduction/forced disappearance", {"abducted": 3}),
    ("Elizabeth Tsurkov vanished in Baghdad. Kataib Hezbollah captured Tsurkov in Baghdad in March.",
     "Abduction/forced disappearance", {}),
    ("Police captured three suspects in Basra on Monday.", "Arrests", {"arrested": 3}),
    # strikes a head of state ordered are military strikes, not a labour strike or a statement
    ("Biden ordered limited strikes in Syria in February.", "Air/drone strike", {}),
])
def test_seizing_people_and_ordered_strikes(extractor: EventExtractor, text: str, sub_type: str,
                                            counts: dict[str, int]) -> None:
    events = events_of(extractor, text)
    assert [e.sub_type for e in events] == [sub_type], [(e.sub_type, e.evidence[0].text) for e in events]
    assert events[0].counts == counts


def test_a_happening_answered_is_an_event_of_its_own_with_its_own_actors(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Biden ordered limited strikes in Syria in February, that time in "
                                  "response to rocket attacks in Iraq.")
    by_type = {e.sub_type: e for e in events}
    assert set(by_type) == {"Air/drone strike", "Shelling/artillery/missile attack"}
    assert by_type["Air/drone strike"].actors == ["united-states"]  # the president's order: the US struck
    assert by_type["Shelling/artillery/missile attack"].actors == []


def test_the_body_counts_what_the_headline_sums_up() -> None:
    headline = "Drone strike kills militia commander in Baghdad"
    text = (f"{headline}\n\nA drone strike on Wednesday killed a senior commander of Kataib Hezbollah and "
            "two of his guards in Baghdad, officials said.")
    ctx = make_context(text, "2024-02-08")
    ctx.document.metadata.title = headline
    strikes = [e for e in EventExtractor(default_kb()).extract(ctx) if e.sub_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0].counts == {"killed": 3}


def test_the_scene_of_a_strike_is_where_it_happened_and_no_new_strike(extractor: EventExtractor) -> None:
    events = events_of(extractor, "A drone strike hit a car in the Mashtal district of Baghdad on Wednesday, "
                                  "killing two members of Kataib Hezbollah.\n\nHundreds of supporters gathered "
                                  "at the scene of the strike on Thursday, chanting slogans against the United "
                                  "States.", "2024-02-08")
    assert sorted(e.sub_type for e in events) == ["Air/drone strike", "Peaceful protest"]
    protest = next(e for e in events if e.sub_type == "Peaceful protest")
    assert protest.location_id == "mashtal" and protest.date_start == "2024-02-08"


@pytest.mark.parametrize("text", [
    "Hundreds of supporters gathered on Thursday, chanting slogans against the United States.",
    "The killing of a commander would make it harder for the government to pursue its talks with Washington.",
])
def test_what_a_happening_opposes_or_deals_with_is_not_its_place(extractor: EventExtractor, text: str) -> None:
    assert all(e.location_id is None for e in events_of(extractor, text))


@pytest.mark.parametrize(("text", "sub_type", "killed"), [
    ("Gunmen attacked an army checkpoint in Baghdad on Monday, killing two soldiers.", "Armed clash", 2),
    ("Militants attacked a village near Khanaqin on Friday, killing four farmers.", "Attack", 4),
])
def test_a_ground_attack_on_forces_or_civilians(extractor: EventExtractor, text: str, sub_type: str,
                                                killed: int) -> None:
    event = only(extractor, text)
    assert event.sub_type == sub_type and event.counts == {"killed": killed}


@pytest.mark.parametrize(("text", "sub_type", "counts"), [
    ("Security forces fired tear gas at protesters in Nasiriyah on Friday.", "Protest with intervention", {}),
    ("Police used live ammunition to disperse demonstrators in Baghdad on Sunday, killing two.",
     "Excessive force against protesters", {"killed": 2}),
    ("Security forces fired live rounds at protesters in Tahrir Square on Monday.", "Protest with intervention", {}),
    ("Riot police fired rubber-coated bullets at demonstrators in Basra on Monday.", "Protest with intervention", {}),
])
def test_a_protest_named_by_the_force_used_on_it(extractor: EventExtractor, text: str, sub_type: str,
                                                 counts: dict[str, int]) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type, event.counts) == ("Protests", sub_type, counts)


def test_repelling_an_attack_is_a_battle(extractor: EventExtractor) -> None:
    event = only(extractor, "Iraqi forces repelled an Islamic State attack on their positions in Diyala on "
                            "Monday, killing three militants.")
    assert (event.sub_type, event.counts) == ("Armed clash", {"killed": 3})


def test_a_final_l_doubles_in_the_past() -> None:
    assert {"repelled", "repeled"} <= set(verb_forms("repel"))


@pytest.mark.parametrize("text", [
    "U.S. and British forces struck Houthi radar sites near the port city of Hodeidah on Saturday.",
    "Israeli jets pounded Hezbollah positions in southern Lebanon on Saturday.",
])
def test_forces_striking_military_sites_is_an_air_strike(extractor: EventExtractor, text: str) -> None:
    events = events_of(extractor, text, "2024-01-27")
    assert [e.sub_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("A barrage of at least ten rockets struck Ain al-Asad air base in Anbar on Saturday.",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb struck an army convoy near Tarmiyah on Monday.", "Remote explosive/landmine/IED"),
])
def test_a_projectile_or_bomb_that_struck_is_its_own_event(extractor: EventExtractor, text: str,
                                                           sub_type: str) -> None:
    assert [e.sub_type for e in events_of(extractor, text, "2024-01-27")] == [sub_type]


def test_a_visit_needs_someone_who_counts(extractor: EventExtractor) -> None:
    assert events_of(extractor, "The source said the vehicle was travelling on the road between al-Qaim and "
                                "the border when it was hit.", "2022-03-01") == []
    [visit] = events_of(extractor, "Prime Minister Mohammed Shia al-Sudani arrived in Tehran on Sunday for talks.",
                        "2022-03-01")
    assert visit.actors == ["mohammed-shia-al-sudani"]



@pytest.mark.parametrize("text", [
    "Iraqi forces detained five Kataib Hezbollah fighters accused of rocket attacks on Tuesday.",
    "The Federal Police arrested a man suspected of planting the bomb in Kirkuk on Tuesday.",
])
def test_what_someone_is_held_for_is_no_new_happening(extractor: EventExtractor, text: str) -> None:
    assert [e.sub_type for e in events_of(extractor, text, "2023-06-10")] == ["Arrests"]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("A bomb killed a soldier in Tarmiyah on Monday.", "Remote explosive/landmine/IED"),
    ("A bomb wounded two policemen in Tarmiyah on Monday.", "Remote explosive/landmine/IED"),
    # no bomb: gunmen killing a soldier fight the forces (ACLED: soldiers are no civilians)
    ("Gunmen killed a soldier in Tarmiyah on Monday.", "Armed clash"),
    ("Gunmen killed a shopkeeper in Tarmiyah on Monday.", "Attack"),
])
def test_a_bomb_as_the_means_is_an_explosive(extractor: EventExtractor, text: str, sub_type: str) -> None:
    assert [e.sub_type for e in events_of(extractor, text, "2023-06-10")] == [sub_type]


def test_an_announced_change_is_one_happening_of_the_announcer(extractor: EventExtractor) -> None:
    [event] = events_of(extractor, "Kataib Hezbollah announced the suspension of its military operations "
                                   "against US forces on Tuesday.", "2024-02-10")
    assert event.sub_type == "Change to group/activity" and event.actors == ["kataib-hezbollah"]


def test_a_change_a_group_says_it_is_making_is_its_own(extractor: EventExtractor) -> None:
    # the group is named far from "suspending": what it said of itself is the happening
    events = events_of(extractor, "Kataib Hezbollah, the most powerful of the Iran-aligned factions, said on Monday "
                                  "it was suspending attacks on US forces.", "2024-02-10")
    assert [(e.sub_type, e.actors) for e in events] == [("Change to group/activity", ["kataib-hezbollah"])]


def test_force_used_on_a_protest_just_told_is_that_protest(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Hundreds of supporters of the armed factions protested outside the US embassy in "
                                  "Baghdad on Saturday. Security forces fired tear gas to disperse the crowd, and at "
                                  "least 12 protesters were injured, a medical source said.", "2024-02-05")
    assert [(e.sub_type, e.counts) for e in events] == [("Protest with intervention", {"injured": 12})]
    assert events[0].date_start == "2024-02-03"


def test_force_used_in_another_city_is_not_the_protest_just_told(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Security forces fired tear gas at protesters on a bridge in Baghdad, a witness "
                                  "said. Two protesters were killed by live fire in Nasiriyah, medics said.",
                       "2019-11-05")
    assert sorted(e.location_id or "" for e in events) == ["baghdad", "nasiriyah"]


def test_force_on_them_wounding_some_is_the_protest_just_told(extractor: EventExtractor) -> None:
    # "took to the streets" is one protest of many people, not many protests
    events = events_of(extractor, "Hundreds of protesters took to the streets of Nasiriyah on Sunday, blocking roads "
                                  "with burning tyres.\nPolice fired tear gas to disperse them near the governorate "
                                  "building, wounding at least nine people, a medic said.", "2021-05-17")
    assert [(e.sub_type, e.counts, e.date_start) for e in events] == [
        ("Protest with intervention", {"injured": 9}, "2021-05-16")]


def test_a_clause_a_subordinator_opens_is_its_own_events_evidence(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Iraq's Ministry of Communications on Friday dismissed US fears after the ministry "
                                  "awarded a fiber-optic cable contract to the Muhandis General Company.", "2025-11-01")
    by_type = {e.sub_type: e for e in events}
    assert by_type["Agreement"].evidence[0].text.startswith("after the ministry awarded")
    assert "awarded" not in by_type["Other"].evidence[0].text
    # the contract's other party acts too, and "General Company" is no general named Company
    assert len(by_type["Agreement"].actors) == 2


def test_the_explosion_that_follows_a_strike_is_its_toll(extractor: EventExtractor) -> None:
    events = events_of(extractor, "On 28 January 2024, an attack drone launched by the Islamic Resistance in Iraq "
                                  "struck Tower 22, a US outpost in northeast Jordan. The explosion killed three US "
                                  "soldiers and injured 47 others.", "2024-02-05")
    assert [(e.sub_type, e.counts) for e in events] == [("Air/drone strike", {"killed": 3, "injured": 47})]


def test_a_strike_told_again_without_its_means_is_the_same_strike(extractor: EventExtractor) -> None:
    events = events_of(extractor, "A drone struck a convoy of the Kataib Sayyid al-Shuhada militia near al-Qaim on "
                                  "Tuesday, killing four fighters. The officials said the convoy was travelling toward "
                                  "the Akashat desert when it was hit.", "2024-06-05")
    assert [(e.sub_type, e.location_name) for e in events] == [("Air/drone strike", "al-Qaim")]


@pytest.mark.parametrize("dateline, place", [("AL-QAIM, Iraq, June 4 (Wire) - ", "al-Qaim"),
                                             ("BAGHDAD, June 4 (Wire) - ", None)])
def test_a_lead_with_no_place_of_its_own_is_placed_at_its_dateline(extractor: EventExtractor, dateline: str,
                                                                   place: str | None) -> None:
    events = events_of(extractor, dateline + "A drone struck a convoy of the Kataib Sayyid al-Shuhada militia near "
                                  "the border on Tuesday, killing four fighters.", "2024-06-05")
    assert [(e.location_name, e.attrs.get("location_basis")) for e in events] == \
        [(place, "dateline" if place else None)]


def test_a_second_attack_is_not_the_first_told_again(extractor: EventExtractor) -> None:
    # also: "two wounded" (a participle after its number) reports in any sentence, not only the first
    events = events_of(extractor, "Gunmen killed five members of a family in an overnight attack on a village north "
                                  "of Baquba, police sources said.\n\nThe attackers opened fire on a house, a police "
                                  "captain said. Among the dead were two women.\n\nA second attack the same night, on an "
                                  "army checkpoint near Khanaqin, left one soldier dead and two wounded, according to a "
                                  "statement.", None)  # undated: nothing but the words sets the two apart
    assert sorted((e.counts.get("killed", 0), e.counts.get("injured", 0)) for e in events) == [(1, 2), (5, 0)]


def test_the_attackers_named_again_tell_the_same_attack(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Gunmen killed five members of a family in an overnight attack on a village north "
                                  "of Baquba, police sources said.\n\nThe attackers stormed the village of al-Rashad, in "
                                  "the Muqdadiya district of Diyala province, shortly before midnight on Saturday and "
                                  "opened fire on a house, a police captain said.", None)
    assert [e.counts for e in events] == [{"killed": 5}]


def test_the_attackers_named_again_in_another_place_did_something_else(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Gunmen attacked a checkpoint in Kirkuk on Monday, killing two policemen. The "
                                  "gunmen later killed a shepherd in Diyala.", "2021-03-10")
    assert sorted(e.counts.get("killed", 0) for e in events) == [1, 2]


def test_there_is_the_place_written_last_before_it(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Speaking at a press conference in Erbil, the minister said production at the Khor "
                                  "Mor gas field had not recovered since a drone hit a storage tank there on June 26, "
                                  "killing four workers.", "2025-08-07")
    assert [e.location_name for e in events] == ["Khor Mor"]


def test_killed_in_an_armed_groups_attack_on_fighters_is_a_clash_told_once() -> None:
    text = ("Two PMF members killed in ISIS attack in Kirkuk\n\nTwo members of the Popular Mobilization Forces (PMF) "
            "were killed and three others injured on Tuesday evening in an ISIS attack in southern Kirkuk, a "
            "security source said.\n\nThe source said that ISIS remnants targeted a PMF post in the Wadi al-Shay "
            "area, sparking clashes that lasted for about an hour.")
    events = headlined_events(text, "2023-05-17")
    assert [(e.sub_type, e.actors, e.counts) for e in events] == [("Armed clash", ["isis"], {"killed": 2, "injured": 3})]


@pytest.mark.parametrize("text, sub_type", [
    ("Islamic State militants attacked a military base near Tuz Khurmatu on Tuesday, killing four soldiers.",
     "Armed clash"),
    ("Militants fired three rockets at a military base near Tuz Khurmatu on Tuesday.",
     "Shelling/artillery/missile attack"),
])
def test_a_base_stormed_on_the_ground_is_a_battle(extractor: EventExtractor, text: str, sub_type: str) -> None:
    assert sub_type in [e.sub_type for e in events_of(extractor, text, "2024-03-13")]


def test_an_attack_that_sparks_clashes_sets_both_sides_fighting(extractor: EventExtractor) -> None:
    event = only(extractor, "Islamic State remnants targeted a PMF post near Kirkuk on Tuesday, sparking clashes that "
                            "lasted an hour.", "2023-05-17")
    assert sorted(event.actors) == ["isis", "pmf"]


def test_a_past_act_done_by_an_attack_is_that_attack(extractor: EventExtractor) -> None:
    events = events_of(extractor, "On 3 January 2020, a US drone strike near Baghdad airport killed Qasem Soleimani. "
                                  "Iran responded five days later by firing ballistic missiles at the Ain al-Asad air "
                                  "base in Anbar province.", "2020-06-01")
    [missiles] = [e for e in events if e.sub_type == "Shelling/artillery/missile attack"]
    assert missiles.actors == ["iran"] and missiles.date_start == "2020-01-08"
    # what is threatened is not done
    assert "Shelling/artillery/missile attack" not in [e.sub_type for e in events_of(
        extractor, "Iran threatened to respond by firing missiles at US bases.", "2020-06-01")]


def test_a_headline_and_its_body_share_a_toll() -> None:
    text = ("Security Media Cell announces killing of three terrorists in Kirkuk\n\nThe Security Media Cell "
            "announced, on Saturday, the killing of three terrorists in an air strike carried out by Iraqi F-16 "
            "aircraft in the Wadi al-Shay area of Kirkuk province.")
    events = headlined_events(text, "2023-06-10")
    assert [(e.sub_type, e.counts, e.date_start) for e in events] == [("Air/drone strike", {"killed": 3}, "2023-06-10")]


def test_a_security_body_announcing_an_arrest_made_it(extractor: EventExtractor) -> None:
    event = only(extractor, "The Joint Operations Command announced on Monday the arrest of a terrorist wanted in "
                            "Anbar province.", "2023-06-10")
    assert (event.sub_type, event.actors, event.counts) == ("Arrests", ["joint-operations-command"], {"arrested": 1})


def test_a_development_told_in_a_relative_clause_describes(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Most of the groups belong to the Coordination Framework, the Shiite alliance that "
                                  "formed the current government.", "2025-02-14")
    assert events == []


def test_force_met_by_a_riot_just_told_is_that_riot(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Hundreds of protesters stormed the provincial council building in Nasiriyah on "
                                  "Sunday, setting fire to its entrance. Security forces fired tear gas to disperse the "
                                  "crowd, killing two protesters. The governor ordered an investigation into the "
                                  "shooting.", "2023-07-16")
    violent = [(e.sub_type, e.counts) for e in events if e.type != "Strategic developments"]
    assert violent == [("Violent demonstration", {"killed": 2})]


def test_a_sit_in_is_a_protest(extractor: EventExtractor) -> None:
    event = only(extractor, "Supporters of the Sadrist movement staged a sit-in outside the Green Zone on Sunday.",
                 "2023-07-16")
    assert event.sub_type == "Peaceful protest"


def test_a_phone_call_is_a_meeting_and_its_topic_no_happening(extractor: EventExtractor) -> None:
    event = only(extractor, "Iraqi Prime Minister Mustafa al-Kadhimi spoke by phone with US Secretary of State Mike "
                            "Pompeo on Sunday about the attacks.", "2020-09-28")
    assert (event.attrs["label"], sorted(event.actors)) == ("meeting", ["mike-pompeo", "mustafa-al-kadhimi"])
    events = events_of(extractor, "In a phone call with Mustafa al-Kadhimi on Sunday, Mike Pompeo discussed the rocket "
                                  "attacks.", "2020-09-28")
    assert [e.attrs["label"] for e in events] == ["meeting"]


def test_shooting_down_a_drone_is_an_interception_not_a_shooting(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Air defences at Baghdad airport shot down a drone approaching the facility early "
                                  "on Thursday, the Iraqi military said.", "2021-03-06")
    assert [e.sub_type for e in events] == ["Disrupted weapons use"]


@pytest.mark.parametrize("text", [
    "Security forces killed two demonstrators during clashes in Nasiriyah on Friday, medical sources said.",
    "Clashes broke out on Friday between security forces and supporters of the factions camped near the Green Zone "
    "to protest the election results.",
])
def test_clashes_with_a_crowd_are_a_violent_demonstration(extractor: EventExtractor, text: str) -> None:
    assert "Violent demonstration" in [e.sub_type for e in events_of(extractor, text, "2021-11-07")]


def test_a_purpose_clause_holding_another_happening_is_cut_from_the_evidence(extractor: EventExtractor) -> None:
    events = events_of(extractor, "Clashes broke out on Friday between security forces and supporters of the "
                                  "factions who have camped near the Green Zone to protest the results of the "
                                  "October 10 parliamentary election.", "2021-11-07")
    riot = next(e for e in events if e.sub_type == "Violent demonstration")
    assert "election" not in riot.evidence[0].text and riot.date_start == "2021-11-05"


@pytest.mark.parametrize("second", [
    "Another bomb exploded near a mosque in the same district, wounding four people.",
    "A second roadside bomb exploded near a mosque in the same district, wounding four people.",
])
def test_another_bomb_is_another_happening(second: str) -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        f"A bomb exploded near a market in Baquba on Monday, wounding six people.\n{second}", "2024-03-12"))
    assert sorted(e.counts.get("injured") for e in events) == [4, 6]


def test_a_headline_place_seen_from_a_direction_joins_the_bodys_place() -> None:
    text = ("Two PMF fighters killed in ISIS ambush north of Baghdad\n\nTwo fighters of the Popular Mobilization "
            "Forces were killed and three others wounded on Thursday evening when ISIS militants ambushed their "
            "patrol in Tarmiyah, a security source said.\n\nOn Tuesday, a roadside bomb struck a vehicle of the "
            "Iraqi army in the same district, wounding three soldiers.")
    events = headlined_events(text, "2024-06-14")
    assert [(e.sub_type, e.date_start, e.location_name, len(e.evidence)) for e in events] == [
        ("Armed clash", "2024-06-13", "Tarmiyah", 2),  # the headline and the body: one ambush, in Tarmiyah
        ("Remote explosive/landmine/IED", "2024-06-11", "Tarmiyah", 1),  # another day: never the headline's
    ]


@pytest.mark.parametrize(("text", "actor", "certainty"), [
    # the group a sentence makes responsible for its own attack acts in it
    ("Harakat al-Nujaba said it was responsible for the rocket fire on the US embassy on Tuesday.",
     "harakat-al-nujaba", "claimed"),
    ("Rockets were fired at the US embassy on Tuesday. Harakat al-Nujaba later said it was responsible.",
     "harakat-al-nujaba", "claimed"),
    ("Kataib Sayyid al-Shuhada was behind the rocket attack on the airport on Tuesday, officials said.",
     "kataib-sayyid-al-shuhada", "alleged"),
    ("A drone attack on the Ain al-Asad base on Tuesday was the work of Kataib Hezbollah, a US official said.",
     "kataib-hezbollah", "claimed-by-anonymous-source"),
])
def test_who_the_sentence_makes_responsible_acts(text: str, actor: str, certainty: str) -> None:
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-03-13"))
    assert [(e.actors, e.certainty.value) for e in events] == [([actor], certainty)]


@pytest.mark.parametrize(("text", "actors"), [
    ("Grand Ayatollah Ali al-Sistani issued a fatwa in June 2014 calling on Iraqis to take up arms.",
     [["ali-al-sistani"]]),
    # the ruling the formation followed is a development of its own, with its own evidence
    ("The PMF was officially formed in 2014 to combat ISIS, following Ayatollah Sistani's fatwa for able-bodied "
     "men to defend the country.", [["pmf"], ["ali-al-sistani"]]),
])
def test_a_religious_ruling_is_a_development(text: str, actors: list[list[str]]) -> None:
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-03-13"))
    assert [e.actors for e in events] == actors


@pytest.mark.parametrize(("text", "sub_types"), [
    # property attacked, and votes
    ("Militants set fire to farmland in the village of al-Hadid in Diyala on Friday.",
     ["Looting/property destruction"]),
    ("Gunmen attacked a farm near Tarmiyah on Monday, killing two shepherds.", ["Attack"]),
    ("Gunmen attacked a house near Tarmiyah on Monday, killing two men.", ["Attack"]),
    ("Protesters set fire to the party headquarters in Basra on Monday, killing two guards.",
     ["Violent demonstration"]),
    ("Iraq's parliament voted on Tuesday to expel foreign troops from the country.", ["Other"]),
    ("Iraqis voted in provincial elections on Monday.", []),
    # a change a group announces as decided is its change, though told with "would"/"will"
    ("Kataib Hezbollah announced on Tuesday that it would suspend military operations against US forces.",
     ["Change to group/activity"]),
    ("Kataib Hezbollah said it will withdraw its fighters from Jurf al-Sakhar.", ["Change to group/activity"]),
    ("Kataib Hezbollah said it would not suspend its operations on Tuesday.", []),
    ("Kataib Hezbollah threatened to suspend cooperation with the government on Tuesday.", ["Other"]),
    # an armed group's video, a leader's address
    ("Kataib Hezbollah released a video on Monday night of a kidnapped academic.", ["Other"]),
    ("Police released a video of the arrest on Monday.", ["Arrests"]),  # no armed group's video
    ("The prime minister addressed the nation on television on Sunday.", ["Other"]),
    # officials talking, diplomatic summons, inquiries
    ("US Secretary of State Antony Blinken spoke with Iraqi Prime Minister Mustafa al-Kadhimi on Tuesday about "
     "the attack.", ["Other"]),
    ("A Kataib Hezbollah commander spoke with reporters in Baghdad on Tuesday.", []),
    ("The foreign ministry summoned the Turkish ambassador on Tuesday over the strikes.", ["Other"]),
    ("Iraq recalled its ambassador to Tehran on Tuesday.", ["Other"]),
    ("The army recalled reservists on Tuesday.", []),
    ("The prime minister opened a full investigation into the attack on Tuesday.", ["Other"]),
    # what crowds do
    ("Hundreds of Sadrists stormed the parliament building in Baghdad on Wednesday.", ["Violent demonstration"]),
    ("Demonstrators threw stones at security forces in Nasiriyah on Wednesday.", ["Violent demonstration"]),
    ("A mob killed a man accused of blasphemy in Baghdad on Wednesday.", ["Mob violence"]),
    ("Protesters blocked roads with burning tyres in Nasiriyah on Wednesday.", ["Peaceful protest"]),
    ("Gunmen blocked the road near Tarmiyah on Wednesday.", []),
    # a nomination whose near word is far off behind a long name
    ("The Coordination Framework nominated Mohammed Shia al-Sudani for prime minister on Monday.", ["Other"]),
    ("Police named the suspect as a 25-year-old man from Basra on Monday.", []),
    # a dated statement by a named subject, however long the apposition between it and the verb
    ("Masrour Barzani, the Kurdistan Region's prime minister, condemned the attack on Monday.", ["Other"]),
    # fire opened on protesters is on them, whoever fires; the state's forces use force on a protest
    ("Fighters belonging to the Badr Organisation opened fire on protesters in Diyala on Monday.", ["Attack"]),
    ("Iraqi security forces opened fire on protesters in Nasiriyah on Friday, killing three.",
     ["Excessive force against protesters"]),
    ("Fighters opened fire on a police patrol near Kirkuk on Monday.", ["Armed clash"]),
    # a strike as the subject of the verb that tells what it hit is one happening, of the strike's kind
    ("A US air strike hit a base near Qaim on Sunday, killing four fighters.", ["Air/drone strike"]),
    # "issued a statement" is one statement, not a statement and an announcement
    ("Kataib Hezbollah issued a statement on Tuesday calling for the expulsion of US forces.", ["Other"]),
    # the change announced is the happening, not its announcement as well
    ("Muqtada al-Sadr announced his withdrawal from politics on Monday.", ["Change to group/activity"]),
    ("Kataib Hezbollah announced the formation of a new brigade on Monday.", ["Change to group/activity"]),
    # one crowd doing a peaceful and a violent thing in one sentence: one violent demonstration
    ("Protesters blocked roads and set fire to a police vehicle in Nasiriyah on Wednesday.",
     ["Violent demonstration"]),
    # a killing told before "two days after" an arrest is its own happening, not the arrest's outcome
    ("Gunmen killed a lawyer in Basra on Monday, two days after his brother was arrested.", ["Arrests", "Attack"]),
    ("Militants shot dead a police officer in Mosul on Sunday, a week after police detained his cousin.",
     ["Arrests", "Attack"]),
    ("Security forces raided a house in Tarmiyah on Monday, killing two suspects.", ["Arrests"]),
    # a killing and an arrest each told with a doer of its own are two happenings; one doer for both
    # verbs keeps the killing the arrest's outcome
    ("Gunmen killed a farmer near Kirkuk on Monday and police arrested two suspects on Thursday.",
     ["Arrests", "Attack"]),
    ("Troops killed two militants and arrested three in a raid near Hawija on Monday.", ["Arrests"]),
    # what a causing verb made people do happened; what it may make them do did not
    ("The cleric quit politics on Monday, prompting hundreds of his supporters to storm the palace in Baghdad.",
     ["Violent demonstration"]),
    ("The decision could prompt militias to attack US bases in Iraq.", []),
    ("The cleric urged his supporters to storm the palace in Baghdad.", []),
    # a killing told by its phrasal verb
    ("Unknown assailants gunned down a tribal sheikh in Basra on Tuesday.", ["Attack"]),
    # a place seized is territory taken; weapons or houses seized are not
    ("Islamic State militants seized the town of Hit in Anbar province on Saturday.",
     ["Non-state actor overtakes territory"]),
    ("ISIS seized Mosul in June 2014.", ["Non-state actor overtakes territory"]),
    ("Iraqi forces seized a large weapons cache in Kirkuk on Monday.", ["Disrupted weapons use"]),
    ("The militia seized the houses of Christian families in Nineveh on Monday.", []),
    # hostages taken are abducted; hostages freed are a release
    ("Gunmen took two Turkish engineers hostage in Salahuddin on Tuesday.", ["Abduction/forced disappearance"]),
    ("The fate of the hostages remains unknown.", []),
    # an agreement told by "agreed to" on a stated day between named sides; not an opinion shared
    ("Iraqi and US officials agreed on Friday to end the coalition's mission in Iraq.", ["Agreement"]),
    ("Analysts agreed that the attack was a message to Washington.", []),
    ("Most residents agreed with the decision on Monday.", []),
    # the dead an attack leaves: forces dead in a fight; a describing "dead" is no happening
    ("An ISIS attack left five soldiers dead in Diyala on Tuesday.", ["Armed clash"]),
    ("The blast left 12 people dead in Sadr City on Thursday.", ["Remote explosive/landmine/IED"]),
    ("Mourners left the dead man's house on Monday.", []),
    # killed and abducted in one attack: one event, an attack (its gravest act); a killing in a
    # relative clause is no part of the abduction
    ("Gunmen killed three farmers and abducted two others near Tarmiyah on Monday.", ["Attack"]),
    ("Militants abducted four shepherds and killed one of them near Rutba on Friday.", ["Attack"]),
    ("Gunmen abducted the brother of a journalist who was killed last year, police said on Monday.",
     ["Abduction/forced disappearance"]),
    # a group's own word for its dead; a ceasefire announced is one happening, the ceasefire
    ("Two PMF fighters were martyred in an ISIS attack on their position in Tarmiyah on Monday.", ["Armed clash"]),
    ("The Iraqi government on Monday announced a ceasefire between the rival tribes in Basra.", ["Agreement"]),
    # an attack on a person that failed is an attack; by a bomb, an explosive
    ("A senior Asaib Ahl al-Haq leader survived an assassination attempt in Baghdad on Thursday.", ["Attack"]),
    ("The governor escaped an attempt on his life when a bomb exploded near his convoy in Basra on Monday.",
     ["Remote explosive/landmine/IED"]),
    # forces attacked, told from their side; a projectile named makes it remote violence
    ("A federal police patrol came under fire from ISIS militants near Tarmiyah on Monday.", ["Armed clash"]),
    ("The Harir air base came under rocket fire late on Tuesday.", ["Shelling/artillery/missile attack"]),
    # a killing told by how; a seizure of a person by "snatched"
    ("A shop owner was stabbed to death in Amara on Sunday.", ["Attack"]),
    ("Masked men snatched a blogger from his car in Nasiriyah on Friday.", ["Abduction/forced disappearance"]),
    # fire aimed at people or a house; rockets fired at a base stay the rockets' own event
    ("Gunmen fired at the home of a protest leader in Kut late on Saturday.", ["Attack"]),
    ("Three rockets were fired at the airport late on Saturday.", ["Shelling/artillery/missile attack"]),
    ("Militias have often fired on protesters.", []),
    # a violent happening told by a simple past verb with its subject needs no named entity, date or place
    ("Snipers who fired on the crowd were never identified.", ["Attack"]),
    ("Unidentified gunmen shot a shop owner as he closed his store.", ["Attack"]),
    # the bare noun "attack" with a date or a named agent of its own; not a comparison over time
    ("Tensions rose after the October 7 attacks by Hamas on southern Israel.", ["Armed clash"]),
    ("The January 2021 attack on a market in Baghdad killed 32 civilians.", ["Attack"]),
    ("It was the deadliest attack on the group in almost a year.", []),
    ("The attack was condemned by the United Nations.", []),
    # fighting between sides; not a fight as a policy
    ("Fighting between Saraya al-Salam and rival factions in August 2022 left 30 dead.", ["Armed clash"]),
    ("The fight against ISIS lasted three years.", []),
    # any happening told by a simple-past verb with a subject; not words about what may be
    ("Afterwards the cleric addressed the nation on television.", ["Other"]),
    ("Analysts warned that the factions were gaining strength.", []),
    # an attack prevented; a group renamed
    ("Police thwarted an attack on a checkpoint in Diyala on Monday.", ["Disrupted weapons use"]),
    ("The militia rebranded itself as a political movement in 2019.", ["Change to group/activity"]),
    # a strategic development told in the passive with its subject; staff evacuated are no group's change
    ("Most of the consulate's staff had been evacuated by then.", ["Other"]),
    # forces attacked on the ground; an operation launched, not its suspension nor a command's name
    ("Islamic State fighters attacked Iraqi troops near Tarmiyah on Sunday night.", ["Armed clash"]),
    ("The army launched a military operation against ISIS cells in Wadi Hauran on Thursday.", ["Armed clash"]),
    ("The group announced the suspension of military operations against US forces.", []),
    # offices left and taken, forces moved, courts, press conferences
    ("The speaker of parliament resigned on Tuesday.", ["Other"]),
    ("Protesters demanded the resignation of the governor.", []),
    ("The new governor was sworn in on Monday.", ["Other"]),
    ("Dozens of PMF fighters took up positions near the bridge on Tuesday.", ["Other"]),
    ("The army deployed reinforcements to Sinjar on Monday.", ["Other"]),
    ("Khazali held a press conference in Baghdad on Saturday.", ["Other"]),
    ("A Baghdad court sentenced two men to death on Sunday.", ["Other"]),
    # territory handed over; a statement posted; an attack whose doer its own phrase names
    ("The army handed over control of the district to the PMF on Saturday.", ["Non-violent transfer of territory"]),
    ("Kataib Hezbollah posted a statement on Telegram on Monday.", ["Other"]),
    ("Three PMF fighters died of their wounds after an ISIS attack on their position.", ["Armed clash"]),
    ("The militia issued an ultimatum to US forces on Monday.", ["Other"]),
    ("The PMF commemorated the anniversary of al-Muhandis's death on Sunday.", ["Other"]),
])
def test_what_happened_and_its_sub_type(text: str, sub_types: list[str]) -> None:
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-03-13"))
    assert [e.sub_type for e in events] == sub_types


def test_a_dated_attack_noun_recalls_the_strike_told_before() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "US warplanes struck two Kataib Hezbollah sites in Qaim on Saturday. Saturday's attack wounded "
        "four fighters, local officials said.", "2024-03-13"))
    violent = [e for e in events if e.type != "Strategic developments"]
    assert [e.sub_type for e in violent] == ["Air/drone strike"]
    assert len(violent[0].evidence) == 2


@pytest.mark.parametrize("text, sub_types", [
    # the KB records the strike that killed him: ACLED codes the killing by it
    ("Tensions soared after the assassination in January of Quds Force commander Qasem Soleimani.",
     ["Air/drone strike"]),
    ("Many blamed Washington for the killing of Abu Mahdi al-Muhandis in 2020.", ["Air/drone strike"]),
    # no such record, or another year than the record's: the killing as told
    ("Gunmen killed the researcher Hisham al-Hashimi outside his home in Baghdad on Monday.", ["Attack"]),
])
def test_a_killing_the_kb_records_takes_its_means(text: str, sub_types: list[str]) -> None:
    events = EventExtractor(default_kb()).extract(make_context(text, "2020-11-02"))
    assert [e.sub_type for e in events] == sub_types


def test_a_demand_made_during_a_protest_keeps_the_protest() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Students demanded jobs during a rally outside the oil ministry in Basra on Friday.", "2024-03-13"))
    assert "Peaceful protest" in [e.sub_type for e in events]


def test_a_saying_set_after_the_happening_it_reports_is_no_statement_event(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Three soldiers were killed when Islamic State fighters ambushed their patrol "
                                 "near Samarra on Sunday, the Security Media Cell said in a statement.")
    assert [e.attrs.get("label") for e in found if e.type == "Strategic developments"] == []
    assert [e.type for e in found] == ["Battles"]


def test_a_happening_ranked_among_others_is_no_new_happening(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A grenade was thrown at a pharmacy in Mosul on Tuesday night, wounding its owner. "
                                 "It was the second such attack on shops in the city this week.")
    assert [e.sub_type for e in found] == ["Grenade"]
    ranked = events_of(extractor, "A car bomb exploded at a bus station in Hilla on Sunday, killing nine people. "
                                  "This was the deadliest bombing in the province since 2019.")
    assert len(ranked) == 1 and ranked[0].date_start == "2021-04-11"


def test_a_noun_done_by_a_narrated_verb_is_a_happening(extractor: EventExtractor) -> None:
    gas = events_of(extractor, "Police fired tear gas at the crowd when students tried to enter the building.")
    assert [(e.type, e.sub_type) for e in gas] == [("Protests", "Protest with intervention")]
    sit_in = events_of(extractor, "Dozens of unpaid teachers staged a sit-in outside the education directorate.")
    assert [e.sub_type for e in sit_in] == ["Peaceful protest"]
    # what is said about such deeds stays no happening
    assert events_of(extractor, "The police have fired tear gas at crowds for years.") == []


def test_riot_police_is_a_force_not_a_riot(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Riot police dispersed hundreds of protesters in Kut on Thursday.")
    assert [(e.type, e.sub_type) for e in found] == [("Protests", "Protest with intervention")]


def test_a_headline_placed_near_a_city_sums_up_the_body_with_the_same_toll() -> None:
    found = headlined_events("Two soldiers killed in IS ambush north of Baghdad\n\nTwo Iraqi soldiers were "
                             "killed when Islamic State fighters ambushed their patrol near Tarmiyah on Saturday.",
                             "2024-03-15")
    assert [(e.sub_type, e.date_start, len(e.evidence)) for e in found] == [("Armed clash", "2024-03-09", 2)]


def test_sexual_violence_is_its_own_sub_type(extractor: EventExtractor) -> None:
    raped = events_of(extractor, "Fighters of an armed faction raped two women held at a farm near Baiji in "
                                 "January, a rights group said.")
    assert [(e.type, e.sub_type) for e in raped] == [("Violence against civilians", "Sexual violence")]
    assaulted = events_of(extractor, "A displaced girl was sexually assaulted by guards at a camp near Mosul last week.")
    assert [e.sub_type for e in assaulted] == ["Sexual violence"]
    # a warning about such violence is no happening
    assert events_of(extractor, "Rights groups warned that sexual violence is used as a weapon of war.") == []


def test_an_arrest_told_again_in_a_neighbourhood_of_its_city_is_one_arrest(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Iraqi counter-terrorism forces arrested four members of an Islamic State cell in "
                                 "Kirkuk on Saturday. The men were detained during a dawn raid on a house in the "
                                 "Wasiti neighbourhood.")
    assert [(e.sub_type, len(e.evidence)) for e in found] == [("Arrests", 2)]


def test_a_state_and_its_own_forces_are_one_side_of_one_happening() -> None:
    found = headlined_events("Kurdish officials say Iranian missiles struck Erbil\n\nIran's Revolutionary Guards "
                             "fired a dozen ballistic missiles at Erbil overnight, hitting a residential compound "
                             "and killing four civilians, Kurdish officials said on Tuesday.", "2024-03-15")
    assert [(e.sub_type, len(e.evidence)) for e in found] == [("Shelling/artillery/missile attack", 2)]


def test_territory_taken_over_without_a_fight_is_a_transfer(extractor: EventExtractor) -> None:
    found = only(extractor, "Federal police took over the checkpoints on the Kirkuk-Erbil road from Peshmerga "
                            "forces on Monday.")
    assert found.sub_type == "Non-violent transfer of territory"
    assert events_of(extractor, "The army could take over security in the city if the talks succeed.") == []


def test_a_lynching_is_mob_violence(extractor: EventExtractor) -> None:
    found = only(extractor, "Angry residents lynched a man accused of stealing a car in a village near Kut on "
                            "Thursday, police said.")
    assert (found.type, found.sub_type) == ("Riots", "Mob violence")


def test_a_body_launched_is_a_change_to_a_group(extractor: EventExtractor) -> None:
    found = only(extractor, "The new movement was formally launched in Najaf on 2 May 2022.")
    assert (found.sub_type, found.date_start) == ("Change to group/activity", "2022-05-02")
    # attacks and channels launched are no new group
    assert [e.attrs.get("label") for e in events_of(extractor, "The faction launched rockets at the base on Sunday.")] \
        == ["rocket-attack"]
    assert events_of(extractor, "The militia launched its own television channel last year.") == []


def test_a_dated_overthrow_is_a_happening(extractor: EventExtractor) -> None:
    found = only(extractor, "Several factions took up arms after the 2003 overthrow of the Baathist government.")
    assert (found.sub_type, found.attrs.get("label"), found.date_start) == ("Other", "regime-change", "2003")
    assert events_of(extractor, "Officials fear an invasion could destabilise the region.") == []


def test_one_verb_told_of_two_days_is_two_happenings(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Police arrested two men in Basra on Monday and three others in Amara on Wednesday.")
    assert [(e.date_start, e.location_name, e.counts.get("arrested")) for e in found] == [
        ("2021-04-12", "Basra", 2), ("2021-04-14", "Amarah", 3)]
    strikes = events_of(extractor, "Turkish drones struck suspected PKK hideouts in the Qandil mountains on Monday "
                                   "and a village near Makhmour on Tuesday, local officials said.")
    assert [e.date_start for e in strikes] == ["2021-04-12", "2021-04-13"]
    # two clauses, each with its own subject, stay their own rules' events; one day said twice is one
    assert len(events_of(extractor, "The strikes hit targets in Syria on Monday and on Monday night.")) <= 1


def test_a_killing_that_set_off_a_protest_is_its_own_happening(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The assassination of a well-known activist in Amara on Monday sparked protests.")
    assert sorted(e.type for e in found) == ["Protests", "Violence against civilians"]


def test_a_drone_shot_down_is_no_shooting_told_in_the_passive_either(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A drone carrying explosives was shot down near Erbil airport on Wednesday.")
    assert [e.sub_type for e in found] == ["Disrupted weapons use"]


def test_a_demand_held_consistently_is_no_one_act(extractor: EventExtractor) -> None:
    assert events_of(extractor, "In 2021, Kataib Hezbollah consistently demanded the expulsion of American "
                                "troops.") == []
    assert events_of(extractor, "Since January 2020, the factions have persistently called for the expulsion "
                                "of US forces.") == []


def test_a_participle_set_on_a_name_describes_it(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The raids stopped in 2023 when Prime Minister Sudani, nominated by the "
                                 "Coordination Framework, took office.")
    assert "nomination" not in [e.attrs.get("label") for e in found]
    video = events_of(extractor, "The three-minute video was the first sign of life released by the armed group.")
    assert [e.attrs.get("label") for e in video] == []
    # a group made, told by the same participle, stays a change to a group
    formed = events_of(extractor, "The new militias formed after the killing of Soleimani in 2020, such as Ashab "
                                  "al-Kahf, have claimed dozens of attacks.")
    assert "Change to group/activity" in [e.sub_type for e in formed]


def test_a_sentence_opening_participle_that_names_a_person_describes_them(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Kidnapped Iraqi journalist Ali Hassan in a video released by his captors, "
                                 "Nov. 13, 2023.")
    assert [e.sub_type for e in found if e.sub_type == "Abduction/forced disappearance"] == []


def test_a_drone_of_the_attack_intercepted_is_part_of_the_attack(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A faction said it launched two drones at a military base in the Golan Heights on "
                                 "Sunday. One of the drones was intercepted, but the other evaded air defences and "
                                 "detonated at the military base north of the Golan Heights.")
    assert [(e.sub_type, len(e.evidence)) for e in found] == [("Air/drone strike", 2)]
    # an interception told on its own stays one
    alone = events_of(extractor, "Air defences intercepted a drone over Baghdad airport on Friday.")
    assert [e.sub_type for e in alone] == ["Disrupted weapons use"]
    # one downed in another place is no part of it
    apart = events_of(extractor, "A drone attacked the airport in Erbil on Sunday. Another drone was shot down "
                                 "over Duhok.")
    assert sorted(e.sub_type for e in apart) == ["Air/drone strike", "Disrupted weapons use"]


def test_two_clauses_of_one_sentence_dated_to_two_days_are_two_happenings(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Rockets hit Ain al-Asad air base on Sunday, and a drone struck Erbil airport "
                                 "on Friday.")
    assert len(found) == 2 and len({e.date_start for e in found}) == 2


@pytest.mark.parametrize(("text", "killed"), [
    ("The bodies of seven men were found in Tarmiyah on Tuesday.", 7),
    ("Seven bodies bearing gunshot wounds were found dumped in a field near Baquba on Tuesday.", 7),
])
def test_bodies_found_tell_a_killing(extractor: EventExtractor, text: str, killed: int) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type, event.counts.get("killed")) == ("Violence against civilians", "Attack", killed)


def test_bodies_recovered_after_a_strike_are_its_toll_and_bodies_handed_over_no_event(
        extractor: EventExtractor) -> None:
    found = events_of(extractor, "A drone struck a house in Jurf al-Sakhar on Monday. Rescuers recovered four "
                                 "bodies from the rubble.")
    assert [(e.sub_type, e.counts.get("killed")) for e in found] == [("Air/drone strike", 4)]
    assert events_of(extractor, "The government said it would hand the bodies to their families.") == []


def test_means_hung_on_the_object_types_a_claimed_strike(extractor: EventExtractor) -> None:
    # the parser hangs "with drones" on the quoted object, far from the verb
    event = only(extractor, 'The faction said it had targeted a "sensitive military site" in Haifa with drones '
                            'on Monday.')
    assert (event.type, event.sub_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_artillery_that_pounded_positions_is_shelling(extractor: EventExtractor) -> None:
    event = only(extractor, "Turkish artillery pounded suspected rebel positions in the mountains near Zakho "
                            "on Tuesday.")
    assert event.sub_type == "Shelling/artillery/missile attack"


def test_aircraft_that_killed_are_an_air_strike(extractor: EventExtractor) -> None:
    event = only(extractor, "American aircraft killed a senior militia commander near Qaim on Thursday.")
    assert event.sub_type == "Air/drone strike"


def test_suicide_car_bomber_is_a_suicide_bombing(extractor: EventExtractor) -> None:
    event = only(extractor, "At least six people died when a suicide car bomber rammed a checkpoint outside "
                            "Samarra on Sunday.")
    assert event.sub_type == "Suicide bomb"


def test_two_clauses_with_their_own_means_are_two_happenings(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Rockets hit the Green Zone on Sunday, and a drone struck Erbil airport, "
                                 "security sources said.")
    assert sorted(e.sub_type for e in found) == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_a_gathering_where_violence_happened_is_its_scene(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Nine people were killed after a suicide bomber blew himself up at a funeral "
                                 "in Diyala on Friday.")
    assert [e.sub_type for e in found] == ["Suicide bomb"]
    held = events_of(extractor, "Thousands attended the funeral of the slain commander in Najaf on Saturday.")
    assert [e.attrs.get("label") for e in held] == ["funeral"]


@pytest.mark.parametrize("text", [
    "Security forces killed four demonstrators and wounded 30 in Kut on Thursday, hospital sources said.",
    "Three protesters were shot dead by riot police during a sit-in in Diwaniyah on Friday.",
])
def test_protesters_killed_by_forces_named_by_their_words_is_excessive_force(extractor: EventExtractor,
                                                                              text: str) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type) == ("Protests", "Excessive force against protesters")


def test_protesters_killed_by_gunmen_stay_violence_against_civilians(extractor: EventExtractor) -> None:
    event = only(extractor, "Unidentified gunmen killed two demonstrators in Basra on Sunday.")
    assert event.type == "Violence against civilians"


def test_a_beating_is_an_attack_and_riot_police_beating_a_crowd_intervene(extractor: EventExtractor) -> None:
    event = only(extractor, "A local reporter was beaten by gunmen outside his office in Samawah on Sunday.")
    assert (event.type, event.sub_type, event.attrs.get("label")) == ("Violence against civilians", "Attack", "beating")
    crowd = only(extractor, "Riot police beat students with batons outside the university in Kut on Monday.")
    assert crowd.type == "Violence against civilians"
    protest = only(extractor, "Police beat protesters with sticks near the oil company in Basra on Monday.")
    assert protest.sub_type == "Protest with intervention"
    assert events_of(extractor, "Al-Quwa Al-Jawiya beat Naft Maysan 3-0 in Baghdad on Friday.") == []


def test_an_attack_beaten_back_is_a_clash(extractor: EventExtractor) -> None:
    event = only(extractor, "Border guards beat back an attack by smugglers near Rutba on Monday.")
    assert event.sub_type == "Armed clash"


def test_an_adverb_down_is_no_verb_of_a_seizure(extractor: EventExtractor) -> None:
    assert events_of(extractor, "The monitor counted 900 deaths from explosive weapons in 2020, down from "
                                "2,000 the year before.") == []


def test_the_series_a_ranked_happening_belongs_to_is_no_event(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Gunmen shot dead a blogger in Amarah on Saturday. His killing is the latest in "
                                 "a wave of assassinations targeting critics of the militias since 2019.")
    assert [(e.attrs.get("label"), e.date_start) for e in found] == [("shooting", "2021-04-10")]


def test_force_on_a_crowd_counted_in_hundreds_is_the_same_protest(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Hundreds of graduates blocked roads in Kut on Monday. Police fired tear gas to "
                                 "disperse them.")
    assert [e.sub_type for e in found] == ["Protest with intervention"]


def test_detainees_named_again_are_the_arrest_told(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Counter-terrorism forces arrested four suspects in Sulaimaniyah on Tuesday. The "
                                 "suspects were detained in a raid on a farm in the Bakrajo district, officials said.")
    assert [(e.sub_type, len(e.evidence)) for e in found] == [("Arrests", 2)]


def test_a_post_online_with_a_date_is_a_statement(extractor: EventExtractor) -> None:
    event = only(extractor, "On Tuesday, the Asaib Ahl al-Haq leader Qais al-Khazali wrote on Telegram that his "
                            "fighters would not hand over their weapons.")
    assert (event.sub_type, event.attrs.get("label")) == ("Other", "statement")


@pytest.mark.parametrize("saying", ["the coalition spokesman tweeted on Monday",
                                    "Colonel Jamie Hart, the coalition spokesman, wrote on X on Monday"])
def test_a_post_quoting_a_violent_happening_is_its_news(extractor: EventExtractor, saying: str) -> None:
    found = events_of(extractor, '"Indirect fire hit the base tonight. There was one contractor killed, two '
                                 f'contractors injured and one soldier injured," {saying}.')
    assert found and all(e.attrs.get("label") != "statement" for e in found)


def test_a_side_making_its_stance_known_is_a_development(extractor: EventExtractor) -> None:
    event = only(extractor, "Several factions, including Kataib Hezbollah, signalled readiness to hand their "
                            "heavy weapons to the army.")
    assert (event.sub_type, event.attrs.get("label")) == ("Other", "stance")
    assert events_of(extractor, "The UN envoy expressed concern over the fighting in Sinjar.") == []


def test_what_a_court_judged_someone_for_is_the_charge(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A court in Basra sentenced two men to life in prison on Monday for the murder of "
                                 "a journalist.")
    assert [e.attrs.get("label") for e in found] == ["court-ruling"]


def test_a_named_base_handed_over_is_a_transfer(extractor: EventExtractor) -> None:
    event = only(extractor, "The coalition handed over the Taji camp to the Iraqi army on Thursday.")
    assert event.sub_type == "Non-violent transfer of territory"


def test_a_dialogue_opened_between_named_sides_is_a_meeting(extractor: EventExtractor) -> None:
    event = only(extractor, "Prime Minister Mohammed Shia al-Sudani initiated a dialogue with Kataib Hezbollah "
                            "on Sunday.")
    assert event.attrs.get("label") == "meeting"


def test_a_ransom_demanded_is_no_call(extractor: EventExtractor) -> None:
    assert events_of(extractor, "The kidnappers demanded a ransom of $80,000 from his relatives, police said on "
                                "Monday.") == []
    call = only(extractor, "The Sadrist movement demanded on Monday the dissolution of parliament.")
    assert call.attrs.get("label") == "call"


def test_an_area_bombed_is_an_air_strike_and_weather_striking_no_event(extractor: EventExtractor) -> None:
    event = only(extractor, "Turkish forces bombed the Zap area in Duhok province on Sunday, residents said.")
    assert event.sub_type == "Air/drone strike"
    assert events_of(extractor, "A sandstorm struck villages across Anbar on Sunday.") == []


@pytest.mark.parametrize("text", [
    "An armed tribal feud erupted in the Madaina district of Basra on Saturday, leaving three people dead.",
    "Two men were killed in a tribal dispute over farmland in Maysan on Sunday.",
])
def test_a_tribal_fight_is_an_armed_clash(extractor: EventExtractor, text: str) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")


def test_an_announcement_of_a_bombing_is_the_bombing(extractor: EventExtractor) -> None:
    event = only(extractor, "The Security Media Cell announced on Thursday that a roadside bomb exploded under an "
                            "army vehicle near Baiji, resulting in the martyrdom of two soldiers.")
    assert (event.sub_type, event.counts.get("killed")) == ("Remote explosive/landmine/IED", 2)


@pytest.mark.parametrize("text", [
    "Iraqi troops said they had killed four insurgents in the Hamrin mountains on Sunday.",
    "Three militants were killed by security forces in an ambush near Rutba on Sunday.",
])
def test_forces_named_by_their_words_killing_militants_fight_them(extractor: EventExtractor, text: str) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")


def test_forces_storming_a_building_held_by_gunmen_fight_them(extractor: EventExtractor) -> None:
    event = only(extractor, "Security forces stormed a house where gunmen were holding two hostages in Kirkuk on "
                            "Sunday, killing both attackers.")
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")
    raid = only(extractor, "Security forces stormed a house in the Hay al-Askari district of Kirkuk on Sunday.")
    assert raid.sub_type == "Arrests"


def test_a_headline_whose_strike_hits_something_is_told(extractor: EventExtractor) -> None:
    found = headlined_events("Air strike hits militia trucks near Syria border\n\nThe trucks were parked at a "
                             "farm, residents said.", "2024-03-14")
    assert [e.sub_type for e in found] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "A policeman was killed by a sniper near the Syrian border on Friday.",
    "Gunmen wounded two soldiers at a checkpoint near Tarmiyah on Friday.",
])
def test_forces_hit_by_gunmen_or_snipers_fight_them(extractor: EventExtractor, text: str) -> None:
    event = only(extractor, text)
    assert (event.type, event.sub_type) == ("Battles", "Armed clash")


def test_one_doers_coordinated_violent_verbs_are_one_attack(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Gunmen attacked the police post with two drones and then opened fire on it, "
                                 "killing three policemen.")
    assert [e.sub_type for e in found] == ["Air/drone strike"]
    apart = events_of(extractor, "Rockets hit the Green Zone on Sunday, and a drone struck Erbil airport, "
                                 "security sources said.")
    assert len(apart) == 2


def test_an_announcing_verb_after_the_clause_it_reports_is_no_event(extractor: EventExtractor) -> None:
    event = only(extractor, "Iraqi troops retook the town of Rawa from the Islamic State on Friday after weeks of "
                            "fighting, the defence minister announced.")
    assert event.type == "Battles"


def test_what_an_agreement_is_about_is_no_happening(extractor: EventExtractor) -> None:
    event = only(extractor, "Baghdad and Erbil reached a deal on Thursday on the deployment of federal troops "
                            "along the disputed border.")
    assert event.sub_type == "Agreement"


def test_a_rally_someone_would_hold_is_not_held(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The Sadrist movement said on Monday that it would hold a rally in Najaf next "
                                 "Friday.")
    assert not [e for e in found if e.type == "Protests"]


def test_a_passive_verb_sharing_the_agent_of_its_conjunct_is_told(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A bomb went off near a bakery in Mosul on Sunday, wounding a child. A second "
                                 "device was discovered and defused by police engineers.", "2022-05-03")
    assert sorted(e.sub_type for e in found) == ["Disrupted weapons use", "Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text, sub_types", [
    ("Dozens of nurses protested outside the health directorate in Amara on Tuesday, while in Kut, hundreds of "
     "farmers staged a sit-in over water shortages.", ["Peaceful protest", "Peaceful protest"]),
    ("Turkish jets bombed a PKK hideout near Avashin on Sunday, while Turkish howitzers pounded villages in the "
     "Zakho district.", ["Air/drone strike", "Shelling/artillery/missile attack"]),
])
def test_a_while_clause_with_a_subject_of_its_own_tells_a_second_happening(
        extractor: EventExtractor, text: str, sub_types: list[str]) -> None:
    assert sorted(e.sub_type for e in events_of(extractor, text)) == sorted(sub_types)


def test_seized_explosive_belts_are_no_suicide_bombing(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Police seized four explosive belts and a rifle in a house in Tikrit on Monday.")
    assert "Suicide bomb" not in [e.sub_type for e in found]
    assert "Disrupted weapons use" in [e.sub_type for e in found]


def test_people_gathering_peacefully_protest(extractor: EventExtractor) -> None:
    event = only(extractor, "Several hundred residents gathered peacefully outside the council building in Kut "
                            "on Saturday.")
    assert event.sub_type == "Peaceful protest"


def test_handing_control_of_a_town_to_another_force_is_a_transfer(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The brigade handed control of the town to the federal police on Wednesday.")
    assert [e.sub_type for e in found] == ["Non-violent transfer of territory"]


def test_a_condemnation_of_a_strike_is_a_position_of_its_own(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The Iraqi foreign ministry on Monday condemned the Turkish bombardment of two "
                                 "villages near Zakho.")
    assert sorted(e.attrs.get("label") for e in found) == ["air-strike", "statement"]


def test_a_sentence_opened_by_separately_tells_another_happening(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The prime minister on Wednesday replaced the commander of the Anbar Operations "
                                 "Command. Separately, the interior minister dismissed the police chief of Kirkuk "
                                 "after a string of killings.")
    assert [e.sub_type for e in found] == ["Change to group/activity", "Change to group/activity"]


def test_a_figure_of_many_attacks_is_a_campaign_not_the_attack_before(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Three rockets were fired at Erbil and landed near the airport. In all, around 60 "
                                 "rocket attacks have taken place against US sites in Iraq this year.", None)
    assert len(found) == 2


@pytest.mark.parametrize("text", [
    "Drone attack hits gas field in Kurdistan Region\n\nAn armed drone struck the Khor Mor gas field in Chamchamal "
    "on Monday evening, halting production, the operator said.",
    "Drone strike kills militia commander near Syria border\n\nA militia commander was killed with two companions "
    "when an unidentified drone hit their car near al-Qaim on Wednesday night, security sources said.",
])
def test_a_headline_naming_no_side_is_the_body_lead_it_sums_up(text: str) -> None:
    found = headlined_events(text, "2023-06-21")
    assert [e.sub_type for e in found] == ["Air/drone strike"]


def test_a_funeral_a_bomber_struck_is_the_target_not_an_event(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A suicide bomber wearing an explosive vest struck a funeral in Tarmiyah on "
                                 "Friday, killing nine mourners.")
    assert [e.sub_type for e in found] == ["Suicide bomb"]


def test_police_killed_in_an_attack_by_gunmen_fought_them(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A police officer was killed and two others were wounded in an attack by ISIS "
                                 "gunmen on a checkpoint in the Mutaibija area of Salahuddin on Thursday.\n")
    assert [(e.type, e.sub_type) for e in found] == [("Battles", "Armed clash")]


@pytest.mark.parametrize("text", [
    "Turkey, he warned on Sunday, wants to expand its bases in the Kurdistan Region.",
    "The crisis could spread to the whole region, the Iraqi foreign minister warned on Sunday.",
])
def test_warned_as_a_speech_tag_is_no_threat(extractor: EventExtractor, text: str) -> None:
    assert not [e for e in events_of(extractor, text) if e.attrs.get("label") == "threat"]


def test_a_warning_of_what_a_group_will_do_stays_a_threat(extractor: EventExtractor) -> None:
    event = only(extractor, "Kataib Hezbollah warned on Sunday that it would target US bases in Iraq.")
    assert event.attrs.get("label") == "threat"


def test_sides_exchanging_fire_in_a_with_phrase_fought(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The unrest on Monday pitted the cleric's loyalists against rival factions, with "
                                 "the two sides exchanging gunfire across the square.")
    assert [(e.type, e.sub_type) for e in found] == [("Battles", "Armed clash")]


def test_began_withdrawing_tells_a_withdrawal(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Fighters of the brigade began withdrawing on Tuesday from the town of Sinjar.")
    assert [e.attrs.get("label") for e in found] == ["withdrawal"]


def test_a_deadline_given_for_an_act_is_an_ultimatum(extractor: EventExtractor) -> None:
    event = only(extractor, "The group gave US forces 48 hours to leave Iraq on Sunday.")
    assert (event.sub_type, event.attrs.get("label")) == ("Other", "threat")
    assert not [e for e in events_of(extractor, "The minister gave a speech hours after the funeral on Tuesday.")
                if e.attrs.get("label") == "threat"]


def test_a_vote_told_by_its_noun_is_a_vote(extractor: EventExtractor) -> None:
    event = only(extractor, "Members of parliament held a vote on Saturday on a resolution to expel foreign "
                            "troops.")
    assert event.attrs.get("label") == "vote"


def test_vowing_hung_on_a_past_verb_is_a_threat_unless_a_statement_holds_it(extractor: EventExtractor) -> None:
    found = events_of(extractor, "The PMF announced on Monday the killing of four of its fighters in US strikes on "
                                 "the border, vowing to take revenge.")
    assert sorted(e.attrs.get("label") for e in found) == ["air-strike", "threat"]
    said = events_of(extractor, "Kataib Hezbollah said in a statement on Monday that the raid was a crime, vowing "
                                "to retaliate.")
    assert [e.attrs.get("label") for e in said] == ["statement"]


def test_a_reopened_headquarters_is_a_base_established(extractor: EventExtractor) -> None:
    event = only(extractor, "The brigade reopened its headquarters in the Bartella area on Thursday.")
    assert event.sub_type == "Headquarters or base established"


def test_a_deal_struck_is_an_agreement(extractor: EventExtractor) -> None:
    event = only(extractor, "Baghdad and Ankara struck a deal on Monday on water releases from the Tigris.")
    assert event.sub_type == "Agreement"


def test_a_possessive_s_does_not_make_the_verb_passive(extractor: EventExtractor) -> None:
    event = only(extractor, "Iraq's foreign ministry rejected the Turkish demands on Saturday, calling them a "
                            "breach of sovereignty.")
    assert event.attrs.get("label") == "statement"


def test_one_verb_tells_one_happening(extractor: EventExtractor) -> None:
    event = only(extractor, "Militants attacked a police station in Khanaqin on Monday night, killing two "
                            "policemen.")
    assert event.sub_type == "Armed clash"
    stormed = only(extractor, "Hundreds of angry supporters stormed and burned the offices of a Kurdish party in "
                              "Kirkuk on Saturday.")
    assert stormed.sub_type == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "Kataib Hezbollah on Wednesday ruled out any halt to its operations.",
    "The Coordination Framework insisted on Wednesday that foreign troops must leave.",
    "The UN mission expressed concern on Monday over the attacks on activists.",
    "Kurdistan Region President Nechirvan Barzani on Friday slammed the decision as unconstitutional.",
])
def test_a_dated_position_taken_is_a_statement(extractor: EventExtractor, text: str) -> None:
    event = only(extractor, text)
    assert event.sub_type == "Other" and event.attrs.get("label") in ("statement", "stance")


def test_what_a_group_is_known_for_is_no_happening(extractor: EventExtractor) -> None:
    assert events_of(extractor, "The militia is known for its rocket attacks on the US embassy in 2019 and for "
                                "kidnapping foreigners in 2015.") == []


def test_what_a_truce_covers_is_no_happening(extractor: EventExtractor) -> None:
    event = only(extractor, "The faction announced a truce on attacks against US forces on Sunday.")
    assert event.sub_type == "Agreement"


def test_a_raid_that_turns_into_a_gunfight_is_an_armed_clash(extractor: EventExtractor) -> None:
    event = only(extractor, "Special forces raided an ISIS hideout in the Hamrin mountains on Monday, killing three "
                            "militants in a gunfight.")
    assert event.sub_type == "Armed clash" and event.counts.get("killed") == 3
    held = events_of(extractor, "Special forces raided an ISIS hideout on Monday and arrested two militants after a "
                                "gunfight.")
    assert "Arrests" in [e.sub_type for e in held]


def test_a_happening_called_for_is_not_done(extractor: EventExtractor) -> None:
    event = only(extractor, "The Coordination Framework on Saturday called for the withdrawal of US forces from "
                            "Iraq.")
    assert event.attrs.get("label") == "call"


def test_the_happening_a_relative_date_counts_from_is_the_one_told_before(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Hours after the raid, armed men drove through the streets of the capital.",
                      "2020-06-27")
    raids = [e for e in found if e.attrs.get("label") == "raid"]
    assert raids and all(e.attrs.get("anaphoric") for e in raids)  # merged into the raid told before


def test_attacks_being_prepared_are_not_done(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Police seized rockets on Monday at a farm the cell had used to prepare drone "
                                 "attacks on the airport.")
    assert [e.sub_type for e in found] == ["Disrupted weapons use"]


def test_a_happening_set_before_by_a_preposition_is_its_own(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Missiles were fired at the Erbil airport days after General Qasem Soleimani's "
                                 "killing in January 2020.", "2021-02-16")
    assert sorted(e.sub_type for e in found) == ["Air/drone strike", "Shelling/artillery/missile attack"]
    killing = next(e for e in found if e.sub_type == "Air/drone strike")
    assert killing.evidence[0].text.startswith("General Qasem Soleimani's killing")


def test_a_verb_form_in_a_noun_place_is_no_trigger(extractor: EventExtractor) -> None:
    event = only(extractor, "The base has been the target of attacks since 2019, but missiles were fired at Erbil "
                            "on Sunday night.")
    assert event.attrs.get("trigger") == "fired"
    placed = only(extractor, "Washington placed sanctions on the militia leader in late 2019.")
    assert placed.attrs.get("label") == "sanction"


def test_the_dead_a_march_mourns_were_killed_by_the_strike_not_the_march(extractor: EventExtractor) -> None:
    found = events_of(extractor, "Thousands of mourners marched in Baghdad on Monday carrying the coffins of 25 "
                                 "fighters killed in US air strikes on Sunday.", "2019-12-31")
    march = next(e for e in found if e.type == "Protests")
    strike = next(e for e in found if e.sub_type == "Air/drone strike")
    assert march.sub_type == "Peaceful protest" and strike.counts.get("killed") == 25


@pytest.mark.parametrize("text", [
    "Residents of Sinjar held a vigil on Wednesday for the victims of the genocide.",
    "Thousands of demonstrators poured into Tahrir Square in Baghdad on Friday.",
])
def test_a_crowd_told_by_a_vigil_or_pouring_in_is_a_peaceful_protest(extractor: EventExtractor, text: str) -> None:
    assert only(extractor, text).sub_type == "Peaceful protest"


def test_who_seized_decides_abduction_or_arrest(extractor: EventExtractor) -> None:
    held = only(extractor, "Two militants were captured by Iraqi troops during the operation near Kirkuk on Monday.")
    assert held.sub_type == "Arrests"
    taken = only(extractor, "Kidnappers seized 16 hunters in the desert west of Rutba on Wednesday.")
    assert taken.sub_type == "Abduction/forced disappearance"


def test_an_arrest_the_parser_hung_on_its_subject_is_still_an_arrest() -> None:
    # "arrested at dawn today a cell": the parser reads "forces arrested at dawn" as a clause on the
    # subject of "said", which has a subject of its own
    text = ("Security forces arrested at dawn today a terrorist cell of five members in the Tarmiyah district, "
            "north of Baghdad, the Security Media Cell said.")
    found = EventExtractor(default_kb()).extract(make_context(text, "2022-05-12"))
    assert [e.sub_type for e in found] == ["Arrests"]


def test_shot_down_by_its_particle_is_no_shooting(extractor: EventExtractor) -> None:
    found = events_of(extractor, "A drone approached the airport late on Monday. Kurdish forces said they shot it "
                                 "down before it reached the runway.")
    assert "Attack" not in [e.sub_type for e in found]


@pytest.mark.parametrize("text", [
    "A bomb attack on a minibus in Baqubah on Monday claimed the lives of four passengers.",
    "A bomb blast in a crowded market in Hilla killed three people on Monday.",
])
def test_a_bomb_attack_or_blast_is_an_explosive(text: str) -> None:
    found = EventExtractor(default_kb()).extract(make_context(text, "2021-03-10"))
    assert [e.sub_type for e in found] == ["Remote explosive/landmine/IED"]
