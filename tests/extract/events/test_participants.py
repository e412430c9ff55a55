"""Tests for event participants (extract/events/participants.py), through the real extractor."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def only(events: list, sub_type: str):  # type: ignore[no-untyped-def]
    found = [e for e in events if e.sub_type == sub_type]
    assert len(found) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    return found[0]


def test_a_place_after_in_is_not_a_target(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Kataib Hezbollah fighters torched two shops in Iraq on Friday.", "2022-05-02")),
        "Looting/property destruction")
    assert "iraq" not in event.targets


def test_the_nearest_preposition_decides(extractor: EventExtractor) -> None:
    # "under the banner of X": "of" is nearer than "under", so X stays an actor.
    event = only(extractor.extract(make_context(
        "Factions operating under the banner of the Islamic Resistance in Iraq claimed dozens of "
        "drone attacks on Israel in 2023.", "2024-01-10")), "Air/drone strike")
    assert "islamic-resistance-in-iraq" in event.actors and "israel" in event.targets


def test_modifiers_of_a_person_are_not_participants(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Gunmen assassinated Iran's IRGC Quds Force commander Qasem Soleimani in Baghdad on Friday.",
        "2020-01-05")), "Attack")
    assert event.targets == ["qasem-soleimani"]


def test_apposition_does_not_hide_the_subject(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Esmail Qaani, the head of the Quds Force, arrived in Baghdad on Monday for talks.",
        "2024-01-31")), "Other")
    assert event.actors == ["esmail-qaani"] and event.targets == []


def test_victims_of_an_outcome_verb_are_targets(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "A US drone strike on a car in eastern Baghdad on Wednesday night killed Abu Baqir al-Saadi, "
        "a senior commander of Kataib Hezbollah.", "2024-02-09")), "Air/drone strike")
    assert "united-states" in event.actors
    assert {"abu-baqir-al-saadi", "kataib-hezbollah"} <= set(event.targets)


def test_killed_together_with_puts_both_on_the_victims_side(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Qasem Soleimani, the head of the Quds Force, was killed together with Abu Mahdi al-Muhandis "
        "in a US drone strike in Baghdad on Friday.", "2020-01-04")), "Air/drone strike")
    assert event.actors == ["united-states"]
    assert set(event.targets) == {"qasem-soleimani", "abu-mahdi-al-muhandis"}


def test_country_inside_an_apposition_is_background(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Gunmen shot dead Hisham al-Hashimi, one of Iraq's best-known researchers, outside his home "
        "in Baghdad on Monday.", "2020-07-08")), "Attack")
    assert event.targets == ["hisham-al-hashimi"]


def test_country_before_the_strike_that_killed_is_its_actor_not_its_place(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Abu Mahdi al-Muhandis was killed in a US strike in January.", "2021-04-14")), "Air/drone strike")
    assert event.actors == ["united-states"] and event.location_id != "united-states"


def test_organisation_describing_an_unnamed_person_is_not_a_participant(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "The PMF deputy chief was killed in a US strike near Kirkuk on Monday.", "2022-05-02")), "Air/drone strike")
    assert "pmf" not in event.targets and "pmf" not in event.actors


def test_subject_of_a_clause_did_not_do_what_it_answers(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Iran sent a delegation to Baghdad on Monday as a punishment for the assassination of Qasem Soleimani.",
        "2022-05-02"))
    killing = [e for e in found if e.attrs.get("label") == "killing"]
    assert len(killing) == 1 and "iran" not in killing[0].actors


def test_antecedent_of_who_is_the_subject_of_the_passive(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Abu Baqir al-Saadi, who was arrested in Basra on Monday, denied the charges.", "2022-05-02")), "Arrests")
    assert event.targets == ["abu-baqir-al-saadi"]


def test_everyone_at_a_meeting_is_an_actor(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Prime Minister Mohammed Shia al-Sudani met Hadi al-Amiri in Baghdad on Tuesday.", "2023-04-20")), "Other")
    assert event.attrs["label"] == "meeting"
    assert {"mohammed-shia-al-sudani", "hadi-al-amiri"} <= set(event.actors) and event.targets == []


def test_organisation_in_a_role_apposition_after_a_participant_describes_them(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Muqtada al-Sadr met Hadi al-Amiri, head of the Badr Organisation, in Najaf on Sunday.", "2022-08-30")),
        "Other")
    assert "badr-organisation" not in event.actors + event.targets
    assert {"muqtada-al-sadr", "hadi-al-amiri"} <= set(event.actors)


def test_delegation_sender_is_an_actor_across_a_relative_clause(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "A delegation from Saraya al-Salam, which is loyal to the Sadrist movement, led by a senior cleric "
        "visited the Counter-Terrorism Service headquarters in Baghdad on Monday.", "2022-09-14")), "Other")
    assert "saraya-al-salam" in event.actors


def test_participle_after_a_group_makes_it_the_group_that_changed(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Kataib Sayyid al-Shuhada, formed in 2013 to fight ISIS in Syria, announced new units on Monday.",
        "2021-02-10")), "Change to group/activity")
    assert event.actors == ["kataib-sayyid-al-shuhada"]
    assert "isis" not in event.targets


def test_participle_after_a_person_makes_them_its_target(extractor: EventExtractor) -> None:
    text = "Police said Hadi al-Amiri, wounded in the blast in Baghdad on Sunday, was recovering."
    events = extractor.extract(make_context(text, "2022-03-01"))
    assert any("hadi-al-amiri" in e.targets for e in events), [(e.sub_type, e.actors, e.targets) for e in events]
    assert not any("hadi-al-amiri" in e.actors for e in events)


def test_subject_with_an_including_list_keeps_its_verbs(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Several factions, including Kataib Sayyid al-Shuhada, rejected the offer and vowed to keep "
        "fighting on Monday.", "2024-02-06"))
    threat = next(e for e in events if e.attrs.get("label") == "threat")
    assert threat.actors == ["kataib-sayyid-al-shuhada"]


def test_a_clause_with_its_own_subject_is_not_stepped_over(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Kataib Hezbollah fighters attacked a checkpoint in Basra on Monday, and police arrested "
        "Hadi al-Amiri, who was later released.", "2022-03-01"))
    release = next(e for e in events if e.attrs.get("label") == "release")
    assert "kataib-hezbollah" not in release.actors


def test_every_item_of_a_listed_passive_subject_is_a_participant(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "In Basra, the offices of Asaib Ahl al-Haq, Badr Organisation, Kataib Hezbollah and Saraya al-Salam "
        "have been closed on Monday.", "2022-09-01"))
    closure = next(e for e in events if e.attrs.get("label") == "closure")
    assert set(closure.actors) == {"asaib-ahl-al-haq", "badr-organisation", "kataib-hezbollah", "saraya-al-salam"}


@pytest.mark.parametrize(("text", "actor"), [
    ("Israeli warplanes struck a weapons depot near Albu Kamal on Sunday.", "israel"),
    ("Two people were killed in an Israeli strike on a car near Albu Kamal on Sunday.", "israel"),
    ("Turkish drones struck PKK positions in Sinjar on Friday.", "turkey"),
])
def test_a_nationality_before_armed_means_names_their_state(extractor: EventExtractor, text: str,
                                                             actor: str) -> None:
    event = only(extractor.extract(make_context(text, "2021-05-10")), "Air/drone strike")
    assert event.actors == [actor]


def test_a_nationality_before_people_names_no_actor(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("Iraqi protesters stormed the embassy in Baghdad on Sunday.",
                                            "2021-05-10"))
    assert events and all("iraq" not in e.actors for e in events)


def test_a_trigger_phrase_headed_by_its_verb_takes_the_verbs_object(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context("Turkish drones struck PKK positions in Sinjar on Friday.",
                                                "2021-05-10")), "Air/drone strike")
    assert event.targets == ["pkk"]


def test_a_happening_across_two_countries_has_no_one_place(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("US warplanes struck weapons depots in Iraq and Syria on Friday.",
                                            "2024-02-03"))
    assert [e.location_id for e in events] == [None]
    events = extractor.extract(make_context("US warplanes struck weapons depots in Qaim, Iraq, on Friday.",
                                            "2024-02-03"))
    assert [e.location_id for e in events] == ["qaim"]


def test_the_ministry_is_the_ministry_named_before(extractor: EventExtractor) -> None:
    text = ("Iraq's Ministry of Communications on Friday dismissed US fears. Earlier this month the ministry "
            "awarded a fiber-optic cable contract to a company in Baghdad.")
    agreement = only(extractor.extract(make_context(text, "2025-10-31")), "Agreement")
    named = [m for m in make_context(text, "2025-10-31").content_mentions() if m.text.startswith("Ministry")]
    assert named and agreement.actors == [named[0].entity_id]


def test_a_claim_in_the_next_sentence_names_the_actor(extractor: EventExtractor) -> None:
    text = ("Two armed drones targeted Ain al-Asad air base in western Iraq on Tuesday, security sources said. "
            "A group calling itself the Islamic Resistance in Iraq later claimed the attack in a statement.")
    event = only(extractor.extract(make_context(text, "2023-10-24")), "Air/drone strike")
    assert event.actors == ["islamic-resistance-in-iraq"]


def test_a_wire_dateline_is_not_the_place_or_the_actor(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "Baghdad, May 9 (AFP) - Gunmen on motorbikes shot dead an activist in Karbala early on Sunday, "
        "police said.", "2021-05-10")), "Attack")
    assert event.location_id == "karbala" and event.counts == {"killed": 1}
    event = only(extractor.extract(make_context(
        "ERBIL, Iraq (AP) - A drone packed with explosives struck a base in northern Iraq late Saturday, "
        "wounding three people.", "2021-05-10")), "Air/drone strike")
    assert "iraq" not in event.actors and event.counts == {"injured": 3}


def test_a_participle_clause_shares_its_main_verbs_subject(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Kataib Hezbollah fighters attacked a checkpoint near Tarmiyah on Sunday, killing two soldiers.",
        "2021-05-10"))
    assert [e.actors for e in events] == [["kataib-hezbollah"]]


def test_an_unknown_place_keeps_its_name_and_takes_its_containers_coordinates(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context(
        "A roadside bomb exploded in the Saadiya neighborhood of Khaniqeen city, Diyala province, killing two "
        "policemen on Monday.", "2012-03-05")), "Remote explosive/landmine/IED")
    # "Khaniqeen" is Khanaqin spelt with other vowels: the town, not only its governorate, holds it
    assert event.location_name == "Saadiya" and event.attrs["location_container"] == "khanaqin"
    assert event.lat is not None and event.geo_precision == "city"  # the level the coordinates reach


@pytest.mark.parametrize(("text", "sub_type", "actor"), [
    # the agent of a participle that follows the trigger noun
    ("Four fighters were killed on Monday in air strikes carried out by the United States near Qaim.",
     "Air/drone strike", "united-states"),
    # "fell under the control of X": X took the place
    ("Mosul fell under the control of the Islamic State in June 2014.",
     "Non-state actor overtakes territory", "isis"),
    ("Mosul fell into the hands of the Islamic State in June 2014.",
     "Non-state actor overtakes territory", "isis"),
    # a pronoun subject of a reported clause is the reporting verb's subject, even with another
    # group named just before
    ("Kataib Hezbollah fired rockets at the base last week. On Monday, the United States said it had "
     "launched air strikes on the border.", "Air/drone strike", "united-states"),
])
def test_actors_from_agent_holder_and_reporter(extractor: EventExtractor, text: str, sub_type: str,
                                                  actor: str) -> None:
    event = only(extractor.extract(make_context(text, "2021-06-28")), sub_type)
    assert event.actors == [actor]


def test_a_participle_between_commas_the_parser_read_as_active(extractor: EventExtractor) -> None:
    # "X, designated ... by Y, has ...": Y designated X, whatever the parse says
    event = only(extractor.extract(make_context(
        "Kataib Hezbollah, designated a terrorist organization by the United States in 2009, has no seats.",
        "2023-03-10")), "Other")
    assert event.actors == ["united-states"] and event.targets == ["kataib-hezbollah"]


def test_the_modifier_nearest_the_head_names_the_actor(extractor: EventExtractor) -> None:
    # "Yemen's Houthi movement": the movement is the Houthis, Yemen only its country
    event = only(extractor.extract(make_context(
        "Yemen's Houthi movement fired an anti-ship missile at a tanker in the Gulf of Aden on Friday.",
        "2024-01-27")), "Shelling/artillery/missile attack")
    assert event.actors == ["houthis"]


def test_a_nationality_on_the_means_compound_names_the_state(extractor: EventExtractor) -> None:
    # the parser hangs "Turkish" from "drone", not from "strike"
    event = only(extractor.extract(make_context(
        "A Turkish drone strike on a vehicle in Sulaimani province's Penjwen district killed three people "
        "on Tuesday afternoon.", "2024-01-10")), "Air/drone strike")
    assert event.actors == ["turkey"]


@pytest.mark.parametrize("text", [
    "Clashes erupted between Saraya al-Salam and Asaib Ahl al-Haq fighters in Basra on Monday, leaving four dead.",
    "Saraya al-Salam fighters clashed with Asaib Ahl al-Haq in Basra on Monday, leaving four dead.",
    "Members of Saraya al-Salam clashed with fighters of Asaib Ahl al-Haq in Basra on Monday.",
])
def test_both_sides_of_a_clash_between_them_act(extractor: EventExtractor, text: str) -> None:
    event = only(extractor.extract(make_context(text, "2023-06-10")), "Armed clash")
    assert sorted(event.actors) == ["asaib-ahl-al-haq", "saraya-al-salam"]


@pytest.mark.parametrize(("text", "actor"), [
    ("Biden last ordered limited strikes in Syria in February, officials said.", "united-states"),
    ("US President Donald Trump authorized airstrikes against Kataib Hezbollah bases on Sunday.", "united-states"),
])
def test_a_leader_ordering_force_sends_their_states_forces(extractor: EventExtractor, text: str,
                                                           actor: str) -> None:
    event = only(extractor.extract(make_context(text, "2024-03-01")), "Air/drone strike")
    assert event.actors == [actor]


ROLE_CASES = [
    pytest.param("Prime Minister Mustafa al-Kadhimi ordered an investigation into the attack, his office said.",
                 "2021-05-01", "Other", "actors", ["mustafa-al-kadhimi"], id="an-ordered-investigation-is-the-leaders"),
    # the Badr Organisation was once the Badr Brigade: "the brigade" is the one written so here
    pytest.param("The Ali al-Akbar Brigade, which works alongside the Badr Organisation, refused to leave. On Tuesday, "
                 "fighters from the brigade detained three men at a checkpoint near Bartella.", "2020-10-15",
                 "Arrests", "actors", ["ali-al-akbar-brigade"], id="the-brigade-is-the-one-written-so"),
    # KB forces_of: "the US military" is written as the United States, as "US forces" is
    pytest.param("Iranian factions targeted a US military base in Syria on Monday.", "2024-01-02",
                 "Shelling/artillery/missile attack", "targets", ["united-states"], id="a-states-forces-are-the-state"),
    pytest.param("Several rockets hit Erbil on Monday, killing one foreign civilian contractor.\n\nSaraya Awliya "
                 "al-Dam claimed responsibility for the attack, which targeted the American occupation in Iraq.",
                 "2021-02-16", "Shelling/artillery/missile attack", "actors", ["saraya-awliya-al-dam"],
                 id="a-country-as-place-is-no-claimant"),
    # the parser makes BAQUBA the subject and the militants its apposition
    pytest.param("BAQUBA, Iraq, March 3 (Wire) - Islamic State militants ambushed an Iraqi army patrol near the "
                 "village of Abu Saida in Diyala province late on Tuesday, killing four soldiers.", "2021-03-06",
                 "Armed clash", "actors", ["isis"], id="the-subject-hung-on-a-dateline-acts"),
    pytest.param("Protesters set fire to the offices of the Badr Organisation in Nasiriyah on Friday.", "2021-03-06",
                 "Violent demonstration", "targets", ["badr-organisation"], id="what-was-set-fire-to-is-the-target"),
    # the investigation is ordered, not the strike it looks into
    pytest.param("A drone struck a convoy near al-Qaim on Tuesday. Prime Minister Mohammed Shia al-Sudani ordered an "
                 "investigation into the strike.", "2024-06-05", "Air/drone strike", "actors", [],
                 id="an-investigation-into-a-strike-is-no-order-of-it"),
    # "the group" as subject goes on with the group that was the subject, not the umbrella named last
    pytest.param("Kataib Sayyid al-Shuhada, which operates as a brigade of the Popular Mobilisation Forces, blamed "
                 "the United States for the strike. On Wednesday the group fired rockets at the Ain al-Asad base.",
                 "2024-06-05", "Shelling/artillery/missile attack", "actors", ["kataib-sayyid-al-shuhada"],
                 id="the-group-is-the-subject-before-it"),
    # the parser ran the dateline on into the subject ("ERBIL ... of Iraq - Iraq's Ministry of ...")
    pytest.param("Mark Esper said Washington had carried out military strikes against the militia on Sunday.",
                 "2020-01-01", "Air/drone strike", "actors", ["united-states"], id="a-capital-carrying-out-strikes"),
    pytest.param("Security forces took control of the Green Zone after the withdrawal of Kataib Hezbollah fighters "
                 "on Friday.", "2020-05-29", "Change to group/activity", "actors", ["kataib-hezbollah"],
                 id="who-withdraws-acts"),
    pytest.param("Iraqi forces arrested Qasim Muslih on Wednesday. He was held for his involvement in rocket attacks "
                 "on the Ain al-Asad base in 2020.", "2021-05-28", "Shelling/artillery/missile attack", "actors",
                 ["qasim-muslih"], id="whoever-was-involved-acted"),
]


@pytest.mark.parametrize(("text", "published", "sub_type", "role", "expected"), ROLE_CASES)
def test_who_acts_and_who_is_hit(extractor: EventExtractor, text: str, published: str, sub_type: str, role: str,
                                 expected: list[str]) -> None:
    event = only(extractor.extract(make_context(text, published)), sub_type)
    assert getattr(event, role) == expected


def test_a_capital_as_agent_is_its_state_and_as_target_a_place(extractor: EventExtractor) -> None:
    sanction = only(extractor.extract(make_context(
        "Washington imposed sanctions on four Iraqi militia leaders on Monday.", "2024-01-10")), "Other")
    assert sanction.actors == ["united-states"] and sanction.location_id is None  # the capital acted
    strike = only(extractor.extract(make_context("Israeli jets struck Damascus on Monday.", "2024-01-10")),
                  "Air/drone strike")
    assert strike.actors == ["israel"] and "syria" not in strike.targets


def test_a_subject_the_parser_ran_into_the_dateline_acts(extractor: EventExtractor) -> None:
    # "ERBIL, Kurdistan Region of Iraq - Iraq's Ministry of X": the parser hangs the ministry under the dateline
    ctx = make_context("ERBIL, Kurdistan Region of Iraq - Iraq's Ministry of Communications on Friday dismissed "
                       "reported US fears of Iran being able to monitor Iraqi communications.", "2025-11-01")
    ministry = next(m.entity_id for m in ctx.mentions if m.text == "Ministry of Communications")
    assert only(extractor.extract(ctx), "Other").actors == [ministry]


@pytest.mark.parametrize(("text", "sub_type", "target"), [
    ("Islamic State militants attacked a checkpoint manned by the Popular Mobilization Forces near Tarmiyah on "
     "Sunday, killing two fighters.", "Armed clash", "pmf"),
    ("A US drone strike hit a vehicle carrying Kataib Hezbollah commanders in eastern Baghdad on Wednesday.",
     "Air/drone strike", "kataib-hezbollah"),
    ("A drone struck a truck belonging to Kataib Hezbollah near al-Qaim on Friday.", "Air/drone strike",
     "kataib-hezbollah"),
])
def test_who_a_post_or_a_vehicle_holds_is_hit_through_it(extractor: EventExtractor, text: str, sub_type: str,
                                                         target: str) -> None:
    event = only(extractor.extract(make_context(text, "2024-03-01")), sub_type)
    assert target in event.targets


def test_an_unknown_part_of_town_lies_in_the_town_of_the_happening_before(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Gunmen shot dead a protest organiser in the southern city of Nasiriyah on Saturday, police said.\n"
        "Hours later, a bomb exploded outside a shop in the al-Nour neighbourhood, wounding two people.\n"
        "Another bomb exploded in the village of al-Nour, wounding two people.", "2021-05-16"))
    parts = [e for e in events if e.location_name == "al-Nour"]
    assert [e.attrs.get("location_container") for e in parts] == ["nasiriyah", None]  # a village may lie anywhere
    assert parts[0].lat is not None and parts[1].lat is None


@pytest.mark.parametrize(("text", "sub_type", "actor"), [
    ("The Iraqi army killed three Islamic State fighters in Kirkuk province on Thursday.", "Armed clash",
     "iraqi-army"),
    ("Iraqi forces killed an ISIS commander near Hawija on Thursday.", "Armed clash", "iraqi-security-forces"),
])
def test_the_states_forces_killing_an_armed_groups_men_fight_it(extractor: EventExtractor, text: str,
                                                                sub_type: str, actor: str) -> None:
    event = only(extractor.extract(make_context(text, "2024-03-01")), sub_type)
    assert event.actors == [actor] and event.targets == ["isis"]


def test_the_state_killing_civilians_stays_an_attack_on_them(extractor: EventExtractor) -> None:
    event = only(extractor.extract(make_context("Iraqi forces killed three civilians near Hawija on Thursday.",
                                                "2024-03-01")), "Attack")
    assert event.actors == ["iraqi-security-forces"]


@pytest.mark.parametrize(("text", "actors"), [
    ("Iraqi Prime Minister Mohammed Shia al-Sudani received Iranian Foreign Minister Abbas Araghchi in Baghdad on "
     "Sunday, his office said.", ["abbas-araghchi", "mohammed-shia-al-sudani"]),
    ("Kataib Hezbollah received weapons from Iran in 2019, officials said.", None),  # no meeting
])
def test_a_host_receiving_an_official_meets_them(extractor: EventExtractor, text: str,
                                                 actors: list[str] | None) -> None:
    events = extractor.extract(make_context(text, "2024-10-14"))
    if actors is None:
        assert events == []
    else:
        assert [(e.sub_type, sorted(e.actors)) for e in events] == [("Other", actors)]


@pytest.mark.parametrize(("text", "place"), [
    ("Police said the protest was the largest in Basra this year. Hundreds of protesters also marched in the "
     "capital on Friday, police in Iraq said.", "Baghdad"),  # the story's country, named most
    ("In Iraq, hundreds of protesters marched in the capital on Friday.", "Baghdad"),  # the country named
    ("Hundreds of protesters marched in the capital on Friday, chanting against the United States.", None),
])
def test_the_capital_is_the_capital_of_the_storys_country(extractor: EventExtractor, text: str,
                                                          place: str | None) -> None:
    events = [e for e in extractor.extract(make_context(text, "2024-03-10")) if "capital" in e.evidence[0].text]
    assert [e.location_name for e in events] == [place]


@pytest.mark.parametrize(("text", "actors"), [
    ("A US drone strike killed Abu Baqir al-Saadi in Baghdad on Wednesday. Hundreds of supporters attended his "
     "funeral in Baghdad on Friday.", []),  # "his": the dead man, not who held it
    ("Thousands attended the funeral of Abu Baqir al-Saadi in Baghdad on Friday.", []),
    ("Kataib Hezbollah held a funeral for its commander in Baghdad on Friday.", ["kataib-hezbollah"]),
])
def test_whose_funeral_it_is_takes_no_part(extractor: EventExtractor, text: str, actors: list[str]) -> None:
    funerals = [e for e in extractor.extract(make_context(text, "2024-02-10")) if e.attrs.get("label") == "funeral"]
    assert [(e.actors, e.targets) for e in funerals] == [(actors, [])]


@pytest.mark.parametrize("text", [
    # the means named far from the verb ("with a drone" after the object's place)
    "The Islamic Resistance in Iraq said in a statement it had attacked an Israeli target in the occupied Golan "
    "with a drone on Tuesday.",
    # "its fighters": the group the speaker is
    "The Islamic Resistance in Iraq said on Tuesday its fighters launched drones at a target in Eilat.",
])
def test_a_groups_own_report_of_its_drone_attack(extractor: EventExtractor, text: str) -> None:
    events = extractor.extract(make_context(text, "2024-03-13"))
    assert [(e.sub_type, e.actors) for e in events] == [("Air/drone strike", ["islamic-resistance-in-iraq"])]


@pytest.mark.parametrize(("text", "target"), [
    ("Five civilians were killed when a Katyusha rocket aimed at Baghdad airport fell short on Sunday.",
     "baghdad-international-airport"),  # what the means was aimed at
    ("A drone attack launched from Iraq killed two Israeli soldiers in the Golan Heights on Thursday.", "israel"),
    ("The Islamic Resistance in Iraq said it attacked an Israeli target in Eilat with drones on Tuesday.", "israel"),
    ("Rockets targeted American forces at a base in Anbar on Monday.", "united-states"),
    ("Kataib Hezbollah launched a drone attack on Israel on Tuesday.", "israel"),
])
def test_the_state_whose_forces_or_targets_are_hit(extractor: EventExtractor, text: str, target: str) -> None:
    events = extractor.extract(make_context(text, "2024-03-13"))
    assert len(events) == 1 and target in events[0].targets


def test_a_suspension_of_attacks_on_forces_hits_no_one(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "Kataib Hezbollah said on Tuesday it was suspending its attacks on US forces.", "2024-01-31"))
    assert [(e.sub_type, e.targets) for e in events] == [("Change to group/activity", [])]


@pytest.mark.parametrize(("text", "place"), [
    ("A drone attack launched from Iraq killed two soldiers at a base in the Golan Heights on Thursday.",
     "Golan Heights"),
    ("A drone attack launched from Iraq killed two soldiers on Thursday.", None),  # where it came from only
    ("Rockets fired from Syria hit a base in Iraq on Thursday.", "Iraq"),
    ("A drone launched from Iraq struck Erbil on Thursday.", "Erbil"),  # the town struck is where it was
])
def test_where_a_remote_attack_came_from_is_not_where_it_struck(extractor: EventExtractor, text: str,
                                                               place: str | None) -> None:
    assert [e.location_name for e in extractor.extract(make_context(text, "2024-03-13"))] == [place]


def test_a_unit_and_the_forces_it_belongs_to_are_one_side() -> None:
    from factiongraph.extract.events.participants import one_state_side
    kb = default_kb()
    assert one_state_side(kb, "iraqi-security-forces", "counter-terrorism-service")
    assert one_state_side(kb, "iraqi-army", "ministry-of-defence-iraq")  # part_of
    assert not one_state_side(kb, "kataib-hezbollah", "asaib-ahl-al-haq")  # factions are never one side by country
    assert not one_state_side(kb, "iraqi-army", "kataib-hezbollah")


def test_a_lead_by_the_forces_and_a_body_sentence_by_their_unit_tell_one_arrest(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Iraqi security forces on Sunday arrested a senior Islamic State financier in Anbar province, officials "
        "said. A force from the Counter-Terrorism Service raided a house in Fallujah and detained the man.",
        "2023-11-13"))
    arrests = [e for e in found if e.sub_type == "Arrests"]
    assert len(arrests) == 1
    assert {"iraqi-security-forces", "counter-terrorism-service"} <= set(arrests[0].actors)
