"""Where an event happened (events/arguments.py place reading, place/locate.py), through the real extractor."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def place_of(extractor: EventExtractor, text: str, published: str = "2023-04-10") -> str | None:
    events = extractor.extract(make_context(text, published))
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    return events[0].location_name


@pytest.mark.parametrize(("text", "place"), [
    # a town's name before the site where it happened
    ("A bomb went off in a crowded Baghdad market on Monday, killing six shoppers.", "Baghdad"),
    ("Gunmen attacked a Kirkuk checkpoint on Tuesday, killing two soldiers.", "Kirkuk"),
    ("Three rockets hit the Basra refinery overnight, wounding three workers.", "Basra"),
    ("An explosion ripped through a Sadr City mosque during Friday prayers, killing eight worshippers.",
     "Sadr City"),
])
def test_a_place_naming_the_site_locates_it(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # the text nests the first place in the second, whatever level the KB gives each
    ("A suicide bomber struck a funeral tent in the Abu Ghraib district of Baghdad on Saturday, killing four "
     "mourners.", "Abu Ghraib"),
    ("A drone hit a pickup truck in the al-Qaim district of Anbar on Sunday, killing two fighters.", "al-Qaim"),
    # a place the KB does not know, put by the text inside one it knows
    ("Masked gunmen shot dead a money changer in Basra's Hayaniya district on Monday.", "Hayaniya"),
])
def test_a_place_the_text_puts_inside_another_is_the_finer(extractor: EventExtractor, text: str,
                                                            place: str) -> None:
    assert place_of(extractor, text) == place


def test_a_country_naming_a_site_is_whose_it_is_not_where(extractor: EventExtractor) -> None:
    # "the US compound" says whose the compound is, not where it stands
    assert place_of(extractor, "Two rockets hit the US compound on Tuesday night, causing no damage.") is None


def test_a_capital_after_a_preposition_and_a_part_of_town_is_a_place(extractor: EventExtractor) -> None:
    # the forces are the state's; the capital after "in southern" is where, not the state acting
    text = ("Iraqi counter-terrorism forces detained 14 members of Kataib Hezbollah during a night raid in southern "
            "Baghdad on Thursday.")
    assert place_of(extractor, text) == "Baghdad"


@pytest.mark.parametrize(("text", "place"), [
    # a town in capitals the tagger misses is still known by name
    ("MOSUL, Iraq (AP) \u2014 Gunmen ambushed an army patrol west of the city on Sunday, killing five soldiers, "
     "officials said.", "Mosul"),
    ("RAMADI - A suicide bomber drove a truck into an army post on Tuesday, killing four soldiers.", "Ramadi"),
    # an outlet after a slash, as regional agencies write it
    ("SULAYMANIYAH / Shafaq News - A Turkish drone struck a vehicle on Tuesday, killing two PKK members, a local "
     "source said.", "Sulaymaniyah"),
])
def test_a_dateline_town_in_capitals_places_a_lead_with_no_place(extractor: EventExtractor, text: str,
                                                                  place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a town in ordinary case with its region after it is a dateline too: the place the sentence
    # names is where it happened, not the town it was filed from
    ("Sulaimani, Kurdistan Region - A Turkish drone hit a car in Sinjar on Friday, killing two fighters of a "
     "local force, the mayor told reporters.", "Sinjar"),
    ("Duhok, Kurdistan Region of Iraq - An artillery shell landed in a village in Amedi district on Sunday, "
     "wounding a shepherd.", "Amedi"),
])
def test_a_dateline_town_in_ordinary_case_with_its_region_is_not_the_place(extractor: EventExtractor, text: str,
                                                                          place: str) -> None:
    assert place_of(extractor, text) == place


def test_a_town_and_a_dash_alone_is_no_dateline() -> None:
    from factiongraph.extract.view.dateline import dateline_end

    text = "Kataib Hezbollah - the militia backed by Iran - denied the attack."
    assert dateline_end(text, 0, len(text)) is None
    filed = "Erbil, Iraq - Gunmen attacked a checkpoint."
    assert dateline_end(filed, 0, len(filed)) == filed.index("Gunmen")


def test_a_capital_dateline_still_places_nothing(extractor: EventExtractor) -> None:
    text = "WASHINGTON (AP) - A drone struck a militia convoy near the border on Sunday, killing three fighters."
    assert place_of(extractor, text) is None


@pytest.mark.parametrize("text", [
    # a backer named after "backed by", "loyal to": who the participants are, not where
    "Two activists were shot dead in the street on Tuesday by gunmen loyal to Iran.",
    "Sadr loyalists clashed on Monday with fighters of factions backed by neighbouring Iran.",
    # a country before a base says whose it is
    "Fighters from militias funded by Iran attacked a US base with rockets on Tuesday.",
    "Militants fired three rockets at a US base on Tuesday night, causing no casualties.",
])
def test_a_backer_or_an_owner_is_no_place(extractor: EventExtractor, text: str) -> None:
    assert place_of(extractor, text) is None


@pytest.mark.parametrize(("text", "place"), [
    ("Since early October, demonstrators have taken to the Iraqi streets to protest against corruption.", "Iraq"),
    ("US forces struck a weapons depot belonging to Kataib Hezbollah on Syrian territory on Tuesday.", "Syria"),
])
def test_a_nationality_on_a_word_of_land_names_the_country(extractor: EventExtractor, text: str,
                                                            place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize("text", [
    # what a development is about is not where it happened
    "Iraq's Ministry of Oil on Sunday dismissed reports of Iran being able to siphon oil from southern fields.",
    "Last year, the US Treasury sanctioned a militia leader for abuses against civilians in Nineveh.",
])
def test_the_topic_of_a_development_is_no_place(extractor: EventExtractor, text: str) -> None:
    assert place_of(extractor, text) is None


def test_a_development_keeps_the_place_its_clause_gives(extractor: EventExtractor) -> None:
    text = "Gunmen threatened on Monday to burn the offices of a TV channel in Baghdad's Karrada district."
    assert place_of(extractor, text) == "Karrada"


def test_a_happening_of_another_time_is_placed_by_its_own_clause(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "A car bomb exploded in Sadr City on Monday, killing four people, in the deadliest attack in the capital "
        "since January, when 32 people were killed in twin suicide bombings.", "2023-04-10"))
    recalled = [e for e in events if e.counts.get("killed") == 32]
    assert recalled and all(e.location_name != "Sadr City" for e in recalled)


def test_places_in_two_countries_give_no_one_place(extractor: EventExtractor) -> None:
    text = "US jets pounded Kataib Hezbollah depots in al-Qaim and Albu Kamal overnight on Sunday, killing 25 fighters."
    assert place_of(extractor, text) is None
    # a country named beside one town does not split it
    text = "US jets pounded Kataib Hezbollah depots in al-Qaim near the Syrian border overnight on Sunday."
    assert place_of(extractor, text) == "al-Qaim"


@pytest.mark.parametrize(("text", "place"), [
    # the place the happening's place is measured from is no place of its own
    ("US aircraft struck a weapons depot in the town of Albu Kamal, across the border from al-Qaim, on Thursday.",
     "Albu Kamal"),
    ("Israeli jets struck a convoy in Albu Kamal, just across the border from the Iraqi town of al-Qaim, on Sunday.",
     "Albu Kamal"),
])
def test_a_reference_point_is_not_where(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize("text", [
    # a neighbourhood's name the parser reads as an adjective of the place noun
    "Counter-terrorism forces arrested five people in an operation in the Yarmouk neighbourhood of western "
    "Baghdad on Sunday.",
    "Police raided a house in western Baghdad's Yarmouk neighbourhood on Sunday and arrested two men.",
])
def test_a_neighbourhood_named_before_its_noun_is_finer_than_its_town(extractor: EventExtractor, text: str) -> None:
    assert place_of(extractor, text) == "Yarmouk"


def test_a_place_dropped_from_a_telling_again_leaves_no_basis_behind(extractor: EventExtractor) -> None:
    # the second telling's place is not taken; neither is how it was found, nor its container (a
    # sentence that only places the blast, "The blast happened on the main road in ...", now places it)
    events = extractor.extract(make_context(
        "A roadside bomb exploded near a minibus on Sunday, killing two passengers, police said. The blast "
        "on the main road in the city's Zuhur neighbourhood also damaged three shops.", "2023-04-10"))
    unplaced = [e for e in events if e.location_id is None]
    assert unplaced and all(not any(k.startswith("location_") for k in e.attrs) for e in unplaced)


@pytest.mark.parametrize(("text", "place"), [
    # a town written before the noun of the happening, or of the attack it happened in, names where
    ("Four soldiers were killed in a Mosul ambush on Friday.", "Mosul"),
    ("Five tribal fighters were killed in a Diyala attack late on Monday.", "Diyala Governorate"),
    # not before the noun of another happening the sentence dates it by
    ("Police arrested three suspects on Tuesday, two days after the Kirkuk attack.", None),
])
def test_a_town_before_the_happenings_noun_is_where(extractor: EventExtractor, text: str, place: str | None) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("headline", "body", "place"), [
    ("Gunmen abduct activist in Nasiriyah",
     "Unknown gunmen abducted a prominent protest activist on Tuesday evening as he left his home, his relatives "
     "said.", "Nasiriyah"),
    # the body's own place stands
    ("Gunmen abduct activist in Nasiriyah",
     "Unknown gunmen abducted a prominent protest activist in Shatra on Tuesday evening, his relatives said.",
     "Shatra"),
])
def test_a_present_headlines_place_goes_to_the_bodys_telling(extractor: EventExtractor, headline: str, body: str,
                                                              place: str) -> None:
    text = f"{headline}\n\n{body}"
    ctx = make_context(text, "2023-04-10")
    ctx.document.metadata.title = headline
    events = extractor.extract(ctx)
    assert [e.location_name for e in events] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # where the speaker spoke from is not where it happened
    ("Gunmen attacked a police post in Rutba on Sunday night, a provincial official said from Ramadi.", "Rutba"),
    ("Fighters of a local militia clashed with army troops on Monday, the governor said from Mosul.", None),
    # the towns a road is named by are its ends, not where on it
    ("Gunmen attacked a checkpoint on the Kirkuk-Baghdad road near Daquq on Saturday, killing one policeman.",
     "Daquq"),
    ("A bomb exploded on the Basra-Nasiriyah highway on Monday, wounding two drivers.", "Basra"),
])
def test_the_speakers_place_and_a_roads_ends_are_not_where(extractor: EventExtractor, text: str,
                                                            place: str | None) -> None:
    assert place_of(extractor, text) == place


def test_the_town_a_wounded_man_was_taken_to_is_not_where_he_was_hurt(extractor: EventExtractor) -> None:
    text = ("A drone struck a vehicle near Sinjar on Wednesday, killing two people. A third passenger was "
            "wounded and taken to a hospital in Dohuk.")
    found = extractor.extract(make_context(text, "2022-06-16"))
    assert [(e.location_name, e.counts) for e in found] == [("Sinjar", {"killed": 2, "injured": 1})]
    # a hospital that was hit is where it happened
    assert place_of(extractor, "A drone hit a hospital in Sinjar on Wednesday, killing eight people.") == "Sinjar"


def test_a_dateline_far_from_the_country_the_happening_was_in_does_not_place_it(extractor: EventExtractor) -> None:
    text = ("TAMPA, Fla. — At approximately 11:30 p.m. (Iraq time) on Feb. 7, U.S. Central Command forces "
            "conducted a unilateral strike in Iraq in response to the attacks on U.S. service members, killing a "
            "Kataib Hezbollah commander responsible for planning attacks on U.S. forces in the region.")
    assert [e.location_name for e in extractor.extract(make_context(text, "2024-02-08"))] != ["TAMPA"]
    near = "AL-QAIM, Iraq (Wire) — A drone struck a convoy near the border with Syria on Tuesday, killing three fighters."
    assert place_of(extractor, near, "2024-02-08") == "al-Qaim"


def test_an_existential_there_is_no_place_told_before(extractor: EventExtractor) -> None:
    # "there has been" says something exists, not "in the place just named": the threat is not in Basra
    text = ("Gunmen killed a shopkeeper in Basra on Monday. There has been a wave of such threats across Iraq, and "
            "on Tuesday the militia threatened to attack US forces in Iraq.")
    events = extractor.extract(make_context(text, "2023-04-10"))
    threat = [e for e in events if "threatened" in e.evidence[0].text]
    assert [e.location_name for e in threat] == ["Iraq"]


@pytest.mark.parametrize("text", [
    # the funeral or burial was in the town; the strike that killed those mourned was elsewhere
    "The group held a funeral on Tuesday in Najaf for three of its members who were killed in a drone strike last week.",
    "Mourners gathered in Karbala on Wednesday to bury two commanders killed in an Israeli strike.",
])
def test_violence_told_in_a_clause_on_a_mourned_person_is_not_placed_by_the_funeral(
        extractor: EventExtractor, text: str) -> None:
    events = extractor.extract(make_context(text, "2023-04-10"))
    strikes = [e for e in events if e.sub_type == "Air/drone strike"]
    assert strikes and [e.location_name for e in strikes] == [None]


@pytest.mark.parametrize(("text", "place"), [
    # the clause describes the happening itself, or the sentence opens on the place
    ("An attack in Kirkuk that killed three soldiers was claimed by ISIS on Monday.", "Kirkuk"),
    ("In Basra, three men who were kidnapped last week were found dead on Monday.", "Basra"),
])
def test_a_clause_on_the_happening_or_after_an_opening_place_keeps_it(extractor: EventExtractor, text: str,
                                                                      place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # one happening told at several listed places or sites: the place the text or the KB puts them in
    ("Drones attacked the towns of Bartella, Qaraqosh and Bashiqa in the Nineveh Plains on Friday.",
     "Nineveh Plains"),
    ("The brigade pulled its men out of its Nineveh Plain bases in Telsqopa, Batnaya and Tel Kepe on Monday.",
     "Nineveh Plains"),
    ("Rockets hit the downtown area, Erbil International Airport and a coalition base north of Erbil on Monday "
     "night.", "Erbil"),
    ("Rockets struck Baghdad airport and the Green Zone on Wednesday night.", "Baghdad"),
    # nothing finer than a country holds both towns: the first stays
    ("Clashes broke out in Baghdad and Basra on Friday, killing four protesters.", "Baghdad"),
])
def test_a_list_of_places_is_placed_at_what_holds_it(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


def test_a_town_the_tagger_took_for_a_person_is_found_by_the_gazetteer(extractor: EventExtractor) -> None:
    # "Penjwen" after "in" is tagged as a person; the gazetteer knows it as a town in Iraq, which the story names
    text = "A drone attack wounded three people in Penjwen on Friday, officials in Iraq's Kurdistan Region said."
    events = extractor.extract(make_context(text, "2023-04-10"))
    assert len(events) == 1 and events[0].geo_precision == "city" and events[0].lat is not None


def test_a_town_of_a_country_the_story_never_names_is_not_taken(extractor: EventExtractor) -> None:
    # with no country named, a gazetteer hit for a word tagged as a person may be anywhere: left unknown
    assert place_of(extractor, "A drone attack wounded three people in Penjwen on Friday, local officials said.") \
        is None


@pytest.mark.parametrize("text", [
    # where the words were said
    "The announcement in Baghdad came a day after officials said US aircraft had struck militia positions.",
    "Speaking at a news conference in Erbil, the governor said a drone had struck a car on Monday, killing two "
    "fighters.",
    # the place of another happening, told in its relative clause
    "US forces struck militia positions on Friday in retaliation for an attack that killed three soldiers in Jordan.",
])
def test_where_words_were_said_or_another_happening_was_is_not_where(extractor: EventExtractor, text: str) -> None:
    assert place_of(extractor, text) is None


def test_a_place_in_the_happenings_own_relative_clause_stays(extractor: EventExtractor) -> None:
    text = "An attack that killed three soldiers in Jordan on Sunday was claimed by the Islamic Resistance in Iraq."
    assert place_of(extractor, text) == "Jordan"


def test_a_nationwide_happening_is_in_the_storys_country(extractor: EventExtractor) -> None:
    text = "Clashes in Baghdad left 20 dead. Minutes after the speech, the army lifted a nationwide curfew."
    events = extractor.extract(make_context(text, "2023-04-10"))
    curfew = [e for e in events if "curfew" in e.evidence[0].text]
    assert [e.location_name for e in curfew] == ["Iraq"]
    # the speech the curfew is dated by is not said to be nationwide
    assert all(e.location_name is None for e in events if e.evidence[0].text.startswith("Minutes"))


@pytest.mark.parametrize(("text", "place"), [
    # a town's police act in their town
    ("Basra police arrested three men suspected of drug trafficking on Monday.", "Basra"),
    ("Three men suspected of drug trafficking were arrested by Basra police on Monday.", "Basra"),
    # police who only report the happening say nothing of where it was
    ("Kirkuk police said gunmen killed a shepherd on Tuesday.", None),
])
def test_a_towns_police_acting_place_the_happening_in_it(extractor: EventExtractor, text: str,
                                                         place: str | None) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("12/21/2013: A suicide attacker wearing an explosive vest struck a funeral tent in Abu Ghraib, west of "
     "Baghdad, killing 14 mourners and wounding 30.", "Abu Ghraib"),
    ("09/30/2013: Police found the bodies of four men, handcuffed and shot in the head, dumped in an orchard "
     "near Tarmiyah, north of Baghdad.", "Tarmiyah"),
    ("A roadside bomb killed two soldiers north of Baghdad on Monday.", "Baghdad"),
    # a town's possessive on a site it holds ("Kirkuk's main courthouse") is where
    ("05/26/2014: A car bomb went off in a parking lot near Kirkuk's main courthouse, killing a guard and "
     "injuring 11 people, among them two judges.", "Kirkuk"),
])
def test_the_town_a_place_is_measured_from_after_a_comma_is_not_where(
        extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


def test_the_body_s_place_beside_the_headline_s_is_where(extractor: EventExtractor) -> None:
    text = ("Two PMF fighters killed in ISIS attack in Diyala\nISIS militants attacked a PMF post in the Mutaibija "
            "area of Diyala on Saturday night, killing two fighters, a security source said.")
    ctx = make_context(text, "2023-05-14")
    ctx.document.metadata.title = text.split("\n")[0]
    found = extractor.extract(ctx)
    assert [(e.location_name, e.attrs.get("location_container")) for e in found] == [("Mutaibija", "diyala")]


@pytest.mark.parametrize(("text", "place"), [
    # a later sentence that tells nothing new says where the happening told was
    ("A roadside bomb killed three members of a family in Salahuddin on Sunday. The bomb struck their car near "
     "Balad, police said.", "Balad"),
    ("Gunmen opened fire on a wedding party on Friday, killing five people. The attack happened in a village on "
     "the outskirts of Samarra.", "Samarra"),
    ("Two soldiers were killed in a clash with ISIS fighters on Monday. The fighting took place near the "
     "village of Albu Khudair, northeast of Tikrit, a local source said.", "Albu Khudair"),
    # a relative clause on the happening named again places it too
    ("Rockets were fired at an air base in western Anbar that hosts US troops on Saturday, officials said. No one "
     "was hurt in the attack, which targeted Ain al-Asad.", "Ain al-Asad Air Base"),
    # a place that is not inside the one told is no finer telling of it
    ("A roadside bomb killed three soldiers in Mosul on Sunday. The attack happened near a checkpoint on the "
     "road to Kirkuk.", "Mosul"),
])
def test_a_place_told_later_places_the_happening(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # "it" as the subject of a verb that only places, and verbs of breaking out
    ("Three policemen were killed in an ISIS attack in Diyala on Friday. It happened near the village of Abu "
     "Karma, north of Baquba.", "Abu Karma"),
    ("Two soldiers died in clashes with ISIS in Kirkuk province on Friday. The clashes erupted in the Daquq "
     "district.", "Daquq"),
    ("Two soldiers died in clashes with ISIS in Kirkuk province on Friday. The fighting broke out in the Daquq "
     "district.", "Daquq"),
])
def test_it_or_a_breaking_out_told_later_places_the_happening(extractor: EventExtractor, text: str,
                                                              place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # the noun naming the happening again is a trigger of its own ("ambush", "raid"): still only a
    # placing of the happening told, not a second one
    ("Four policemen were killed on Tuesday when gunmen ambushed their patrol, the ministry said. The ambush "
     "took place in the Khalis district.", "Khalis"),
    ("Militants shot dead two shepherds on Friday, a security source said. The shooting happened near the "
     "village of Qara Tapa, south of Kirkuk.", "Qara Tapa"),
])
def test_a_happening_noun_told_again_with_a_place_places_the_happening(extractor: EventExtractor, text: str,
                                                                       place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # where the speaker sits is not where the happening was, when the words name a place
    ("A Kurdish security official in Sulaimani said two Peshmerga fighters were killed in clashes with ISIS "
     "near Kirkuk on Friday.", "Kirkuk"),
    ("A spokesman in Erbil said a guard was wounded in a clash with smugglers near Zakho on Monday.", "Zakho"),
    # and is, when they name none
    ("Police in Najaf said gunmen killed a shopkeeper on Monday.", "Najaf"),
])
def test_the_speakers_place_gives_way_to_the_place_the_words_name(extractor: EventExtractor, text: str,
                                                                  place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a name with a place noun of its own holds the place after "of"
    ("Unknown assailants threw a grenade at the house of a judge in the Maysan governorate town of Amarah on "
     "Monday, wounding two of his guards.", "Amarah"),
    ("Gunmen killed two farmers in the Diyala province town of Khanaqin on Monday.", "Khanaqin"),
])
def test_a_province_naming_a_town_holds_it(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


def test_the_outcome_clause_says_where_the_dead_were(extractor: EventExtractor) -> None:
    text = ("Turkish jets struck targets in Iraq's Duhok province on Thursday, killing two civilians in the "
            "village of Kani Masi, a local official said.")
    assert place_of(extractor, text) == "Kani Masi"


@pytest.mark.parametrize(("text", "place"), [
    # the place of a happening an arrest is only about is that happening's
    ("Security forces arrested three men suspected of carrying out last week's bombing in Tikrit, police said on "
     "Sunday.", None),
    ("The Kurdistan Region Security Council said on Monday that its forces arrested three people suspected of "
     "involvement in the rocket attack on Erbil airport.", None),
    # the frame the arrest was made in places it
    ("Security forces arrested five suspected ISIS members in a raid on a village near Tikrit on Monday.", "Tikrit"),
    # and so does the frame of a verb coordinated with the arrest's, of the same doers
    ("Police detained four men and seized explosives in a raid on a farm near Samarra on Thursday.", "Samarra"),
    ("Special forces arrested 12 suspects and confiscated rifles during raids in the Tarmiyah district.",
     "Tarmiyah"),
])
def test_the_place_of_a_happening_an_arrest_is_about_is_not_the_arrests(extractor: EventExtractor, text: str,
                                                                       place: str | None) -> None:
    found = [e for e in extractor.extract(make_context(text, "2023-04-10")) if e.sub_type == "Arrests"]
    assert [e.location_name for e in found] == [place]


def test_a_province_s_name_put_inside_a_town_is_another_place(extractor: EventExtractor) -> None:
    # "Qadisiya" is a province's name too: a neighbourhood of Samarra is no province
    text = "The men were detained in a raid on a house in the Qadisiya neighbourhood of Samarra on Monday."
    assert place_of(extractor, text) == "Samarra"


def test_a_clause_the_parser_hangs_on_the_date_is_the_happenings(extractor: EventExtractor) -> None:
    # "which killed five" describes the attack near Balad, though the parser hangs it on "Wednesday"
    text = ("The attack on a PMF convoy near Balad on Wednesday, which killed five fighters, was the deadliest in "
            "Salahuddin since the Speicher massacre in 2014.")
    assert place_of(extractor, text) == "Balad"


@pytest.mark.parametrize(("text", "place"), [
    # "sub-district" split at its hyphen by the tokenizer is still a kind of place
    ("A drone struck a vehicle in the Sidakan sub-district of Erbil province on Tuesday, killing three people.",
     "Sidakan"),
    ("Gunmen killed two farmers in the Mansouriya sub-district of Diyala on Monday.", "Mansouriya"),
])
def test_a_hyphenated_place_noun_names_its_place(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # "the city" stands for the town named before it, even inside a name
    ("Unknown gunmen killed Ahmed Hassan, a member of the Basra provincial council, outside his home in the city "
     "on Monday, police said.", "Basra"),
    # with no town named before, it names none
    ("Gunmen killed a teacher in the city on Monday.", None),
])
def test_the_city_is_the_town_named_before(extractor: EventExtractor, text: str, place: str | None) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # the happening named again with a place inside the one told keeps that finer place
    ("A roadside bomb wounded two soldiers in Salahuddin on Sunday. The blast happened near Tuz Khurmatu.",
     "Tuz Khurmatu"),
    ("Gunmen attacked a checkpoint in Diyala province on Friday, killing two policemen. The attack happened "
     "near Baqubah.", "Baqubah"),
])
def test_a_finer_place_of_the_happening_named_again_stays(extractor: EventExtractor, text: str, place: str) -> None:
    assert place_of(extractor, text) == place


def test_an_unknown_place_told_later_takes_the_known_one_beside_it(extractor: EventExtractor) -> None:
    text = ("Two soldiers were killed in a clash with ISIS fighters on Monday. The fighting took place near the "
            "village of Albu Khudair, northeast of Tikrit, a local source said.")
    found = extractor.extract(make_context(text, "2023-04-10"))
    assert [(e.location_name, e.attrs.get("location_container")) for e in found] == [("Albu Khudair", "tikrit")]


@pytest.mark.parametrize(("text", "place"), [
    # a place the gazetteer does not know, told after a province, is in it
    ("Gunmen killed two farmers in Diyala province on Monday. The attack happened in the village of Umm Hanta.",
     "Umm Hanta"),
    # after a town it may lie anywhere around: the town stays
    ("Gunmen killed two farmers in Baqubah on Monday. The attack happened in the village of Umm Hanta.", "Baqubah"),
])
def test_an_unknown_place_told_later_refines_only_a_province(extractor: EventExtractor, text: str,
                                                             place: str) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a headline opening on a place's name and a colon or bar labels the story with it
    ("Kirkuk: Two killed in IED blast\nTwo people were killed on Monday when an improvised explosive device went "
     "off near their car, a security source said.", "Kirkuk"),
    # a town's name before an orchard or a farm says where it is
    ("Diyala | Gunmen kill farmer in Muqdadiyah orchards\nUnknown gunmen killed a farmer on Tuesday while he was "
     "working in his orchard, a local official said.", "Muqdadiyah"),
])
def test_a_headline_s_place_label_places_the_story(extractor: EventExtractor, text: str, place: str) -> None:
    ctx = make_context(text, "2023-05-14")
    ctx.document.metadata.title = text.split("\n")[0]
    assert [e.location_name for e in extractor.extract(ctx)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # a place in the phrase of a happening set before the one told is that happening's
    ("A car bomb killed 12 people on Monday, the deadliest attack in the country since the bombing in Mosul in "
     "2017.", None),
    ("A car bomb killed 12 people on Monday in the deadliest attack since a bombing in Karrada two years ago.", None),
    ("Two rockets hit the airport on Tuesday, a week after a similar attack on a base in Taji.", None),
    # the happening's own phrase still places it
    ("Two soldiers were killed in an attack on a checkpoint in Tarmiyah on Monday.", "Tarmiyah"),
])
def test_the_place_of_a_happening_set_before_is_not_the_happenings(extractor: EventExtractor, text: str,
                                                                   place: str | None) -> None:
    assert place_of(extractor, text) == place


@pytest.mark.parametrize("body", [
    "The Popular Mobilization Forces said on Sunday that two of its fighters were killed in an ISIS attack on "
    "their positions near Tarmiyah.",
    "Two soldiers were killed on Sunday in an ISIS attack on their post near Tarmiyah, the army said.",
])
def test_the_body_places_a_headline_that_names_no_place(extractor: EventExtractor, body: str) -> None:
    # the body's "attack" names no means, but it says where the headline did not
    text = f"Fighters killed in militant assault\n\n{body}\n"
    ctx = make_context(text, "2023-04-10")
    ctx.document.metadata.title = text.split("\n")[0]
    assert [e.location_name for e in extractor.extract(ctx)] == ["Tarmiyah"]
