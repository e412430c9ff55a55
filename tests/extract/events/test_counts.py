"""Casualty counts as a reader counts them (extract/events/counts.py), through the real parse."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from factiongraph.extract.events.counts import NUMBER_WORDS, may_write_number, number_value
from factiongraph.extract.events.extractor import EventExtractor
from tests.extract.factory import default_kb, make_context

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def counts_of(extractor: EventExtractor, text: str) -> dict[str, int]:
    events = extractor.extract(make_context(text, "2021-05-10"))
    assert len(events) == 1, [(e.sub_type, e.evidence[0].text) for e in events]
    return events[0].counts


@pytest.mark.parametrize(("text", "counts"), [
    ("A car bomb exploded near a market in Karrada, killing 2 people and wounding 15 others.",
     {"killed": 2, "injured": 15}),
    ("One person was killed and another five injured when a bomb exploded in Dora on Monday.",
     {"killed": 1, "injured": 5}),
    ("US air strikes killed 25 Kataib Hezbollah fighters over the weekend.", {"killed": 25}),
    ("Two soldiers and three civilians were killed when a roadside bomb hit a patrol in Mosul on Monday.",
     {"killed": 5}),
    ("The blast, one of 32 coordinated attacks across the country, killed at least twenty-five people on "
     "Monday.", {"killed": 25}),
    ("A car packed with explosives blew up by a market in Sadr City on Monday; 3 people died and 8 were hurt.",
     {"killed": 3, "injured": 8}),
    ("In addition to the bomber, two people were killed when a suicide bomber blew himself up in Sadr City "
     "on Monday.", {"killed": 2}),
    ("Two rockets hit the base on Monday, causing no casualties.", {"killed": 0, "injured": 0}),
    ("The attack on the Tower 22 outpost in Jordan on Monday killed three soldiers.", {"killed": 3}),
    ("Gunmen on motorcycles shot dead a tribal sheikh in the Zubair district of Basra on Friday.", {"killed": 1}),
    ("In March, rockets struck Camp Taji, killing two Americans and a Briton.", {"killed": 3}),
    ("The strike killed two fighters and destroyed a vehicle on Monday.", {"killed": 2}),
    # the parser joins "one" to the verb, not to the commander
    ("A drone struck the group's headquarters on Thursday, killing the commander, Abu Taqwa al-Saidi, and one of "
     "his aides.", {"killed": 2}),
    ("The strike hit the group's headquarters on Palestine Street on Thursday, the officials said, killing the "
     "commander, Mushtaq Taleb al-Saeedi, and one of his aides.", {"killed": 2}),
    # the parser hangs "dead" on the name after it
    ("Gunmen shot dead the activist Hisham al-Hashimi outside his home in Baghdad on Monday.", {"killed": 1}),
    ("A drone struck a PMF vehicle near al-Qaim on Saturday, killing two fighters and wounding a third.",
     {"killed": 2, "injured": 1}),
    ("A bomb killed a soldier and wounded another in Tarmiyah on Monday.", {"killed": 1, "injured": 1}),
    ("Unknown assailants assassinated a prominent activist in Karbala on Saturday.", {"killed": 1}),
    # those killed with the victim count with it
    ("A US drone strike in Baghdad on Monday killed the commander along with two bodyguards.", {"killed": 3}),
    ("A drone strike killed the commander together with his driver in Baghdad on Monday.", {"killed": 2}),
    # attackers someone else killed are the event's dead
    ("Security forces killed the two attackers after a gunfight near Tarmiyah on Monday.", {"killed": 2}),
    # single people named before a counted group are counted with it
    ("Militants ambushed an army patrol in the Hamrin mountains on Friday, killing an officer and four soldiers.",
     {"killed": 5}),
    ("A mortar round hit a house in Zafaraniya on Monday, killing a woman and her three children.", {"killed": 4}),
    # the tagger takes a bare figure for a date
    ("BAGHDAD (Reuters) - A bomb went off in a crowded market in Baghdad on Saturday, killing at least 15 people "
     "and wounding 40, police and medical sources said.", {"killed": 15, "injured": 40}),
    ("A US drone strike killed commander Abu Baqir al-Saadi and his deputy in Baghdad on Wednesday.", {"killed": 2}),
    # an age the tagger also takes for a date is no figure
    ("A man aged 25 was killed when a bomb exploded in Kirkuk on Monday.", {"killed": 1}),
    ("Gunmen killed Ahmed, 25, and his brother, 30, in Basra on Monday.", {"killed": 2}),
    # a figure of both together is neither key's
    ("An explosion in a market in Hilla on Monday killed or wounded 30 people.", {"killed_or_injured": 30}),
    ("Sixty people were killed or wounded in a bombing in Hilla on Monday.", {"killed_or_injured": 60}),
    # an attack on premises that kills is an attack on the people: their toll is its counts
    ("KIRKUK, Iraq -- Insurgents stormed a police station here Sunday, killing the station chief and five of his "
     "men.", {"killed": 6}),
    # a breakdown after a dash is the figure's parts, not more dead; the bomber among the dead is counted apart
    ("The attack killed eight people - five soldiers and three civilians - near Tuz Khurmatu on Monday.",
     {"killed": 8}),
    ("The bombing in Sadr City on Monday killed 31 people, including the bomber.", {"killed": 30}),
    ("Officials put the number of wounded at 45 after a bomb exploded in a Kirkuk market on Monday.", {"injured": 45}),
    ("The ministry said the death toll from Monday's bombing in Baghdad had reached 35, with 90 people wounded.",
     {"killed": 35, "injured": 90}),
    ("Three rockets hit Ain al-Asad air base on Monday, causing minor injuries to two US service members.",
     {"injured": 2}),
    ("A drone struck Tower 22 in Jordan on Sunday, and about 40 US and coalition soldiers sustained mostly minor "
     "injuries.", {"injured": 40}),
    # agency style
    ("An explosive device exploded on Monday in Tarmiyah, resulting in the death of 3 people and the injury of 7 "
     "others, a security source said.", {"killed": 3, "injured": 7}),
    ("A security source said that an IED targeted an army vehicle in Kirkuk on Monday, which led to the martyrdom "
     "of an officer and the injury of two soldiers.", {"killed": 1, "injured": 2}),
    ("Gunmen killed the mukhtar of a village near Baquba on Monday.", {"killed": 1}),
    ("Gunmen attacked a village near Sinjar on Monday and slaughtered 14 shepherds.", {"killed": 14}),
    # phrases of number words
    ("Two hundred people were killed in the bombing in Karrada on Monday.", {"killed": 200}),
    ("The blast killed one hundred and fifty people in Karrada on Monday.", {"killed": 150}),
    ("A bomb killed twenty five people in Karrada on Monday.", {"killed": 25}),
    # "both" is two
    ("A drone struck a vehicle near Baghdad airport on Monday, killing both occupants.", {"killed": 2}),
    ("Gunmen killed a Marine and wounded three others in Ramadi on Monday.", {"killed": 1, "injured": 3}),
    # a list the parser reads as an apposition; the breakdown of a figure after a comma
    ("An airstrike killed a senior ISIS leader, two of his wives and four children in Hit on Monday.", {"killed": 7}),
    ("Gunmen killed five people, two soldiers and three civilians, in Tarmiyah on Monday.", {"killed": 5}),
    ("Gunmen killed two soldiers, three policemen and four civilians in Tarmiyah on Monday.", {"killed": 9}),
    ("Gunmen shot dead Ali Hassan, one of the city's best-known lawyers, outside his office in Basra on Monday.",
     {"killed": 1}),  # the man described, not a second victim
    # what was done to them, not what they had been
    ("Militants executed 12 captured soldiers in Anbar on Monday.", {"killed": 12}),
    ("In Basra, gunmen shot and killed activist Ahmed Abdul-Samad and his cameraman on Friday.", {"killed": 2}),
    # a later group with its own word after it is not the first group's fate
    ("A suicide bomber blew himself up at a wake in the Abu Ghraib district of Baghdad on Saturday, leaving 4 dead "
     "and 11 injured.", {"killed": 4, "injured": 11}),
    # one more person joined by a possessive to the counted group; a family counted by "of"
    ("Gunmen abducted three aid workers and their driver on the road to Khanaqin on Monday.", {"abducted": 4}),
    ("Gunmen stormed a farmhouse near Tarmiyah on Sunday and killed a family of five.", {"killed": 5}),
    # single people of different kinds listed before a counted group
    ("Militants killed a soldier, a policeman and two civilians near Baquba on Monday.", {"killed": 4}),
    # a dateline before the figure throws the parser, which makes the number a compound
    ("DUHOK, Kurdistan Region \u2013 Two Peshmerga fighters were martyred and three others hurt when militants "
     "attacked their post in the Gwer area on Sunday night, the ministry said.", {"killed": 2, "injured": 3}),
    ("SULAIMANI, Iraq - Two Peshmerga fighters were killed and four others wounded in an ISIS attack near "
     "Makhmour on Monday night, the ministry said.", {"killed": 2, "injured": 4}),
    ("Four people were hospitalised after a bomb went off near a bus stop in Kirkuk on Monday.", {"injured": 4}),
    # a running total is the happening's figure only when it gives none of its own
    ("A car bomb in Kirkuk on Monday killed 12 people, bringing the toll this week to 40.", {"killed": 12}),
])
def test_counts_follow_the_words_that_say_what_happened(extractor: EventExtractor, text: str,
                                                        counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


def test_a_release_gives_the_abduction_in_its_relative_clause_its_figure(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("Three engineers who were kidnapped near Baiji last month were freed on "
                                            "Sunday, police said.", "2021-05-10"))
    assert {e.sub_type: e.counts for e in events}.get("Abduction/forced disappearance") == {"abducted": 3}


def test_each_event_takes_its_own_kind_of_count(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("Police arrested five suspects in Basra on Monday, two days after a "
                                            "blast killed four people.", "2021-05-10"))
    assert {e.sub_type: e.counts for e in events} == {"Arrests": {"arrested": 5},
                                                      "Remote explosive/landmine/IED": {"killed": 4}}


@pytest.mark.parametrize(("text", "counts"), [
    ("Police raided a house in Mosul on Monday, killing one suspect and arresting two.",
     {"killed": 1, "arrested": 2}),
    ("Troops killed two militants and arrested three in a raid near Hawija on Monday.",
     {"killed": 2, "arrested": 3}),
    # the raid is the frame of the killing verb
    ("Iraqi troops killed four ISIS militants in a raid on a cave in the western desert on Thursday.",
     {"killed": 4}),
])
def test_a_raid_keeps_the_dead_its_own_doers_made(extractor: EventExtractor, text: str,
                                                   counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("word", "value"), [("25", 25), ("1,200", 1200), ("five", 5), ("dozen", 12),
                                             ("2019", None), ("first", None)])
def test_number_words(word: str, value: int | None) -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    assert number_value(Doc(Vocab(), words=[word])[0]) == value


def test_one_named_victim_by_trade_counts_one(extractor: EventExtractor) -> None:
    assert counts_of(extractor, "Gunmen killed a shop owner in Khan Bani Saad, north of Baghdad, on Monday.") \
        == {"killed": 1}


def test_a_victim_and_people_counted_beside_them(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context(
        "A US drone strike killed a senior commander of Kataib Hezbollah and two of his bodyguards in eastern "
        "Baghdad on Wednesday.", "2024-02-08"))
    assert [(e.counts, e.targets) for e in events] == [({"killed": 3}, ["kataib-hezbollah"])]


def test_a_title_parsed_apart_from_the_name_is_no_second_victim(extractor: EventExtractor) -> None:
    assert counts_of(extractor, "A US air strike in Baghdad killed senior Iranian general Qassem Soleimani "
                                "and Iraqi militia commander Abu Mahdi Al-Muhandis in 2020.") == {"killed": 2}


@pytest.mark.parametrize(("later", "killed"), [
    ("The death toll from the bombing rose to 31 on Friday, health officials said.", 31),
    ("The number of dead has climbed to at least forty, officials said.", 40),
    ("The death toll stood at 12 on Friday.", 12),  # no rise: the first figure stays
    ("Medical sources put the death toll at 15 on Friday.", 15),
    # the last of the dead counted by an ordinal
    ("A thirteenth victim died of his wounds in hospital on Friday.", 13),
])
def test_a_later_toll_raises_the_count_of_the_happening_told_before(later: str, killed: int) -> None:
    text = f"A car bomb exploded in a market in Sadr City on Thursday, killing 12 people.\n\n{later}"
    events = EventExtractor(default_kb()).extract(make_context(text, "2023-03-11"))
    assert len(events) == 1 and events[0].counts == {"killed": killed}
    assert any(ev.text == later for ev in events[0].evidence) == (killed != 12)


@pytest.mark.parametrize(("later", "counts"), [
    ("No one was hurt in the attack, a police officer said.", {"killed": 0, "injured": 0}),
    ("The strike, which officials said did not cause casualties, was the third this month.",
     {"killed": 0, "injured": 0}),
    ("Nobody was killed, the ministry said.", {"killed": 0}),
    ("There were no immediate reports of casualties.", {}),  # not yet known: no figure
    ("Four people died and 11 were hurt, police said.", {"killed": 4, "injured": 11}),
    ("Four people have died in such attacks since January.", {}),  # a tally over time, not its toll
])
def test_a_zero_toll_told_next_belongs_to_the_attack_before(later: str, counts: dict[str, int]) -> None:
    text = f"Three rockets struck a military base near Balad airfield on Sunday night.\n{later}"
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-01-15"))
    assert [e.counts for e in events] == [counts]


def test_a_zero_toll_far_from_the_attack_is_not_its_toll() -> None:
    text = ("Three rockets struck a military base near Balad airfield on Sunday night.\n"
            "The base hosts Iraqi air force units and foreign trainers.\n"
            "Its runway was extended in 2019 for the new fighter jets.\n"
            "No one was hurt when a fuel truck overturned on the road there last year.")
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-01-15"))
    assert [e.counts for e in events if e.type == "Explosions/Remote violence"] == [{}]


_VOCAB = spacy.blank("en").vocab
_PIECES = [*NUMBER_WORDS, *(w.title() for w in NUMBER_WORDS), "0", "7", "12", "1999", ",", "-", "s", "th",
           "Brigade", "al", "x"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4))
def test_may_write_number_admits_every_token_number_value_reads(pieces: list[str]) -> None:
    """The cheap test before ``written_number`` never turns away a token that writes a number."""
    word = "".join(pieces)
    tok = Doc(_VOCAB, words=[word])[0]
    if number_value(tok) is not None:
        assert may_write_number(tok.lower_), word


@pytest.mark.parametrize("word", ["25", "1,200", "Five", "twenty-five", "t,wo", "1999"])
def test_may_write_number_admits(word: str) -> None:
    assert may_write_number(Doc(_VOCAB, words=[word])[0].lower_)


@pytest.mark.parametrize("word", ["soldiers", "killed", "Brigade", ",", "2nd"])
def test_may_write_number_turns_away_words(word: str) -> None:
    assert not may_write_number(Doc(_VOCAB, words=[word])[0].lower_)


@pytest.mark.parametrize(("text", "counts"), [
    # a tally over time told beside the happening
    ("A rocket attack on the base on Monday wounded two contractors; since 2014, 400 people have been killed in "
     "the province.", {"injured": 2}),
    ("Gunmen shot dead a lawyer in Basra on Sunday; more than 40 activists have been killed in the city so far "
     "this year.", {"killed": 1}),
    ("A rocket hit the Green Zone on Monday, wounding one guard, in a campaign of attacks that has wounded 70 US "
     "troops since October.", {"injured": 1}),
    # the figure of another happening, told in its relative clause
    ("A drone strike killed a commander of Kataib Hezbollah in Baghdad on Wednesday, weeks after an attack that "
     "killed three US soldiers in Jordan.", {"killed": 1}),
    ("A roadside bomb killed two soldiers near Tarmiyah on Monday, the latest in a wave of attacks that has killed "
     "more than 200 people since January.", {"killed": 2}),
    ("A car bomb killed five people in Mosul on Monday, a day after another bombing killed nine in Kirkuk.",
     {"killed": 5}),
    ("A suicide bomber killed 20 people at a market in Baghdad on Monday, the worst attack in the capital since "
     "2016, when a truck bomb killed more than 300 in Karrada.", {"killed": 20}),
    # the tally is the happening told: its own figure
    ("More than 600 protesters have been killed since the demonstrations began in October, the commission said.",
     {"killed": 600}),
    ("Clashes that began on Monday between the army and the militia have killed 23 people, medics said on Tuesday.",
     {"killed": 23}),
])
def test_figures_of_other_happenings_stay_out(extractor: EventExtractor, text: str, counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


def test_each_happening_of_a_sentence_keeps_its_own_figures(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("A drone strike killed two commanders near al-Qaim on Monday, hours after a "
                                            "rocket attack wounded three soldiers in Erbil.", "2021-05-10"))
    assert {e.sub_type: e.counts for e in events} == {"Air/drone strike": {"killed": 2},
                                                      "Shelling/artillery/missile attack": {"injured": 3}}


def test_more_than_is_at_least_not_more_of_the_same(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("The army announced the death of two soldiers and injuries to more than 20 "
                                            "others in a drone attack in Tarmiyah on Monday.", "2021-05-10"))
    assert [e.counts for e in events if e.sub_type == "Air/drone strike"] == [{"killed": 2, "injured": 20}]


@pytest.mark.parametrize(("text", "counts"), [
    ("Gunmen stormed a police station in Kirkuk on Monday in an attack that killed six policemen.", {"killed": 6}),
    ("Militants ambushed an army convoy near Tarmiyah on Monday, an assault that left nine soldiers dead.",
     {"killed": 9}),
    ("Rockets slammed into the Green Zone on Monday in an attack that wounded three guards, officials said.",
     {"injured": 3}),
    ("The clashes, which began on Sunday, have so far killed 12 people in Tal Afar.", {"killed": 12}),
    ("Militants killed four soldiers near Kirkuk on Monday in one of the deadliest attacks on the army this year.",
     {"killed": 4}),
    # a clause after "after" without a toll of its own is no other happening
    ("A suicide bomber blew himself up at a checkpoint in Samarra on Monday after guards stopped him, killing eight "
     "people.", {"killed": 8}),
    ("A car bomb exploded in Kirkuk on Monday after police tried to defuse it, killing two officers and wounding "
     "five.", {"killed": 2, "injured": 5}),
])
def test_a_happening_named_again_in_its_own_sentence_keeps_its_figures(extractor: EventExtractor, text: str,
                                                                        counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


def test_the_toll_of_the_attack_a_strike_answers_is_the_attacks(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("US forces struck militia sites in Qaim on Sunday, in retaliation for a "
                                            "rocket attack that killed a contractor and wounded two soldiers.",
                                            "2021-05-10"))
    assert {e.sub_type: e.counts for e in events} == {"Air/drone strike": {},
                                                      "Shelling/artillery/missile attack": {"killed": 1, "injured": 2}}


def test_a_toll_told_after_after_is_the_earlier_happenings(extractor: EventExtractor) -> None:
    events = extractor.extract(make_context("On Sunday, US air strikes hit five positions of the militia in western "
                                            "Iraq, killing 25 of its fighters, after a rocket attack on a base near "
                                            "Kirkuk killed an American contractor.", "2021-05-10"))
    assert {e.sub_type: e.counts for e in events} == {"Air/drone strike": {"killed": 25},
                                                      "Shelling/artillery/missile attack": {"killed": 1}}


@pytest.mark.parametrize("text", [
    "Iran's Revolutionary Guards fired more than a dozen missiles at two bases in Iraq early on Wednesday, in what "
    "they called revenge for the killing of their most prominent general.",
    "Militia fighters fired rockets at a US base near Erbil on Monday in response to the deaths of two of their "
    "commanders.",
])
def test_the_killing_an_attack_answers_is_not_its_toll(extractor: EventExtractor, text: str) -> None:
    events = extractor.extract(make_context(text, "2021-05-10"))
    assert [e.counts for e in events if e.type == "Explosions/Remote violence"] == [{}]


@pytest.mark.parametrize("later", [
    "Five of the attackers were killed in the fighting.",
    "Five of the assailants died in the exchange of fire, police said.",
])
def test_a_part_of_the_attackers_told_next_is_counted_apart(later: str) -> None:
    text = f"Militants stormed an army post near Hawija overnight on Monday, killing two soldiers. {later}"
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-01-15"))
    assert [e.counts for e in events] == [{"killed": 2, "attackers_killed": 5}]


@pytest.mark.parametrize("text", [
    "A car bomb ripped through a crowded market in Sadr City on Tuesday, killing dozens of people.",
    "Dozens of protesters were wounded when police fired live rounds in Nasiriyah on Friday.",
])
def test_dozens_is_many_not_a_figure(extractor: EventExtractor, text: str) -> None:
    counts = counts_of(extractor, text)
    assert not {"killed", "injured"} & set(counts) and set(counts) <= {"many_killed", "many_injured"}


@pytest.mark.parametrize(("text", "killed"), [
    # "dead" hangs on the title before the name: the name's phrase, with whom it is joined to, counts
    ("Gunmen shot dead lawyer Ali Hassan and his son outside their home in Basra on Wednesday.", 2),
    ("Gunmen shot dead activist Ihab Jawad outside his home in Karbala on Sunday.", 1),
])
def test_shot_dead_counts_the_whole_named_phrase(extractor: EventExtractor, text: str, killed: int) -> None:
    assert counts_of(extractor, text) == {"killed": killed}


@pytest.mark.parametrize("text", [
    "Police found the bodies of seven men, shot in the head, on a riverbank in Tarmiyah on Saturday.",
    "Police found seven bodies, shot in the head, on a riverbank in Tarmiyah on Saturday.",
])
def test_bodies_found_are_the_dead(extractor: EventExtractor, text: str) -> None:
    assert counts_of(extractor, text) == {"killed": 7}


def test_a_cell_of_members_counts_its_members(extractor: EventExtractor) -> None:
    assert counts_of(extractor, "Counter-terrorism forces arrested a terrorist cell of five members in Kirkuk on "
                                "Sunday.") == {"arrested": 5}


def test_a_casualty_word_in_a_later_phrase_does_not_count_a_number_before_it(extractor: EventExtractor) -> None:
    # "12 people over the killing": the 12 are wanted for it, not killed in it
    events = extractor.extract(make_context("Gunmen killed a protester in Nasiriyah on Monday; a court issued arrest "
                                            "warrants for 12 people over the killing of protesters.", "2021-05-10"))
    assert all(e.counts.get("killed") != 12 for e in events)


def test_a_zero_toll_a_few_sentences_on_in_its_paragraph_is_the_attacks() -> None:
    text = ("Three rockets struck a military base near Balad airfield on Sunday night. The base hosts Iraqi air force "
            "units. Sirens sounded across the area for an hour. There were no casualties, a security source said.")
    events = EventExtractor(default_kb()).extract(make_context(text, "2024-01-15"))
    assert [e.counts for e in events] == [{"killed": 0, "injured": 0}]


@pytest.mark.parametrize(("text", "counts"), [
    # the bodies say what befell the men; "kidnapped" says what they were before
    ("The bodies of three kidnapped men were found dumped in an orchard near Baqubah on Monday, police said.",
     {"killed": 3}),
    ("Police found the bodies of four abducted fishermen on a river bank south of Samarra on Thursday.",
     {"killed": 4}),
])
def test_the_noun_a_group_belongs_to_says_its_fate(extractor: EventExtractor, text: str,
                                                   counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    # "the third such attack this month, in which ...": a toll of that kind of attack over the month
    ("A bomb killed a civilian in Kirkuk on Monday, the third such attack this month, in which at least 20 people "
     "have been killed.", {"killed": 1}),
    ("A bomb killed a civilian in Kirkuk on Monday, the fifth attack this month, which have killed 14 people in all.",
     {"killed": 1}),
    # "in such an attack, which ...": the happening told, described
    ("Gunmen killed two policemen in Mosul on Tuesday in such an attack, which also wounded three.",
     {"killed": 2, "injured": 3}),
])
def test_a_toll_of_such_attacks_or_of_a_span_is_not_the_happenings(extractor: EventExtractor, text: str,
                                                                   counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    # "both" standing alone for the two named before
    ("A drone struck a car carrying two Kataib Hezbollah commanders in Baghdad on Thursday, killing both.",
     {"killed": 2}),
    ("Gunmen stopped two engineers at a checkpoint in Kirkuk and kidnapped both on Tuesday.", {"abducted": 2}),
])
def test_both_standing_alone_counts_two(extractor: EventExtractor, text: str, counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    # "a total of nine people", "a group of five men": the number counts the people the group's verb befell
    ("A car bomb in Kirkuk on Sunday killed a total of nine people, including four policemen.", {"killed": 9}),
    ("Security forces arrested a group of five men in Mosul on Monday.", {"arrested": 5}),
])
def test_a_total_or_group_of_people_counts_them(extractor: EventExtractor, text: str, counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


def test_a_cells_emir_and_two_followers_are_three(extractor: EventExtractor) -> None:
    # an emir is one person, joined to the two counted
    text = "Iraqi forces arrested the emir of an ISIS cell and two of his followers in Mosul on Monday."
    assert counts_of(extractor, text) == {"arrested": 3}


@pytest.mark.parametrize(("text", "counts"), [
    # a "before"/"after" that opens a later clause of the doers is not another happening's clause
    ("Gunmen opened fire on a police patrol in Hawija on Tuesday, killing two policemen before fleeing, a "
     "security source said.", {"killed": 2}),
    ("Militants stormed an army post near Rutba, killing four soldiers before escaping into the desert.",
     {"killed": 4}),
])
def test_a_toll_told_before_the_doers_flee_is_the_happenings(extractor: EventExtractor, text: str,
                                                            counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    ("Two soldiers were killed and another wounded on Friday in an attack on an army post in Tarmiyah.",
     {"killed": 2, "injured": 1}),
    ("A policeman was killed and another was injured when gunmen attacked a checkpoint in Hawija on Monday.",
     {"killed": 1, "injured": 1}),
])
def test_another_after_a_passive_toll_is_one_more(extractor: EventExtractor, text: str,
                                                 counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


def test_a_tally_told_after_the_happening_keeps_its_own_figure(extractor: EventExtractor) -> None:
    # undated, the tally would otherwise be taken for the attack told again, and its 40 replace 11
    text = ("Militants attacked the village of Imam Wais in Diyala province, killing 11 people, officials said. "
            "Since January, more than 40 civilians have been killed in the province, according to local officials.")
    found = extractor.extract(make_context(text, None))
    assert [e.counts.get("killed") for e in found] == [11, 40]
    assert [bool(e.attrs.get("tally")) for e in found] == [False, True]


@pytest.mark.parametrize(("text", "counts"), [
    ("Masked gunmen shot dead a money changer in Basra on Monday.", {"killed": 1}),
    ("Gunmen killed a jeweller and his son in Mosul on Monday.", {"killed": 2}),
])
def test_a_trade_names_one_person(extractor: EventExtractor, text: str, counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    # single people after a comma break a figure of people down, as groups do
    ("Gunmen killed three people, two soldiers and a civilian, at a checkpoint in Hawija on Monday.", {"killed": 3}),
    ("A bomb killed four people, a policeman and three civilians, in Hawija on Monday.", {"killed": 4}),
])
def test_single_people_breaking_a_figure_down_are_not_added(extractor: EventExtractor, text: str,
                                                            counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("text", "counts"), [
    # a live blog's time label: the tagger runs a name across the dash onto the figure
    ("12:10 GMT - Two protesters were killed when police opened fire on a rally in Nasiriyah, medics said.",
     {"killed": 2}),
    ("09:45 GMT - Three soldiers were wounded when a roadside bomb hit their patrol near Tarmiyah.",
     {"injured": 3}),
])
def test_a_figure_after_a_time_label_counts(extractor: EventExtractor, text: str, counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts


@pytest.mark.parametrize(("later", "killed"), [
    # victims told as besides those already counted are added to them
    ("In addition to the bomber, a policeman was killed at a second gate, officials said.", 7),
    ("Two passers-by were also killed, police said.", 8),
    # a figure with no word of addition is the same dead told again
    ("Six people were killed, police said.", 6),
])
def test_victims_told_as_besides_those_counted_add_to_them(extractor: EventExtractor, later: str,
                                                           killed: int) -> None:
    text = (f"A suicide bomber blew himself up at the gate of a police station in Samarra on Monday, killing six "
            f"people. {later}")
    events = extractor.extract(make_context(text, "2023-03-11"))
    assert [e.counts.get("killed") for e in events] == [killed]


@pytest.mark.parametrize(("text", "place", "counts"), [
    # a toll told first, with no doer, then the happening pointing back at its victims: one happening
    ("Three people were killed on Thursday. A drone struck their car on the road to Sinjar, the mayor said.",
     "Sinjar", {"killed": 3}),
    ("Two shoppers were killed and five wounded on Monday. The victims were hit when a bomb hidden in a cart "
     "exploded in Kirkuk.", "Kirkuk", {"killed": 2, "injured": 5}),
])
def test_a_toll_told_before_its_happening_is_the_happenings(extractor: EventExtractor, text: str, place: str,
                                                            counts: dict[str, int]) -> None:
    events = extractor.extract(make_context(text, "2023-03-11"))
    assert [(e.location_name, e.counts) for e in events] == [(place, counts)]


def test_a_toll_before_another_happening_with_its_own_figures_stays_apart(extractor: EventExtractor) -> None:
    text = ("Three people were killed in Mosul on Thursday. In Kirkuk, gunmen shot dead two policemen at their "
            "checkpoint.")
    assert len(extractor.extract(make_context(text, "2023-03-11"))) == 2


@pytest.mark.parametrize("text", [
    # "a similar strike", "an earlier attack": another happening, whose dead are its own
    "A drone struck a pickup near Rutba on Monday, a week after a similar strike near the Jordanian border killed "
    "three smugglers.",
    "Gunmen attacked a checkpoint in Tarmiyah on Sunday, days after an earlier attack near the town killed four "
    "soldiers.",
])
def test_a_similar_or_earlier_happening_keeps_its_dead(extractor: EventExtractor, text: str) -> None:
    events = extractor.extract(make_context(text, None))
    assert events[0].counts == {}


def test_a_toll_after_a_folded_telling_is_still_the_happenings(extractor: EventExtractor) -> None:
    # the guard's sentence is folded into the bombing; the wounded told next are the bombing's too
    text = ("A suicide bomber blew himself up at a mosque in Samarra on Friday, killing five worshippers. In "
            "addition to the bomber, a guard was killed at the gate, police said.\n\nFour people, among them a "
            "child, were wounded, a medic said.")
    events = extractor.extract(make_context(text, "2023-03-11"))
    assert [e.counts for e in events] == [{"killed": 6, "injured": 4}]


def test_shot_dead_counts_each_person_listed(extractor: EventExtractor) -> None:
    assert counts_of(extractor, "Gunmen shot dead a farmer, his wife and their three children near Udhaim.") == \
        {"killed": 5}


@pytest.mark.parametrize("text", [
    "At least nine people were killed when a car bomb struck a market in Hilla, police said, while hospital "
    "sources put the toll at 13.",
    "Hospital sources put the toll at 13 after a car bomb struck a market in Hilla, while police said nine "
    "people were killed.",
])
def test_sources_that_disagree_in_one_sentence_give_the_lower_toll(extractor: EventExtractor, text: str) -> None:
    assert counts_of(extractor, text).get("killed") == 9


@pytest.mark.parametrize(("text", "counts"), [
    ("Kidnappers seized 16 hunters in the desert near Samawah on Sunday.", {"abducted": 16}),
    ("Security forces seized five suspects in a raid in Mosul on Sunday.", {"arrested": 5}),
])
def test_those_a_seizing_verb_took_are_counted(extractor: EventExtractor, text: str,
                                               counts: dict[str, int]) -> None:
    assert counts_of(extractor, text) == counts
