"""Who acts, read from the sentence's structure where the parser's reading needs help."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-10"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def actors(extractor: EventExtractor, text: str) -> list[list[str]]:
    return [e.actors for e in extractor.extract(make_context(text, PUB))]


@pytest.mark.parametrize(("text", "want"), [
    # the participle that ties unnamed men to a group, read by the parser as the main verb
    ("Gunmen linked to the Islamic State killed four soldiers near Kirkuk on Tuesday.", [["isis"]]),
    ("According to the Iraqi military, gunmen linked to the Islamic State killed four soldiers near Kirkuk "
     "on Tuesday.", [["isis"]]),
    ("Fighters affiliated with Kataib Hezbollah fired rockets at the base on Monday.", [["kataib-hezbollah"]]),
    # a relative clause that ties the men to a group, and "believed to be X militants"
    ("Militants, who security officials said belonged to the Islamic State, killed four shepherds near "
     "Tarmiyah on Friday.", [["isis"]]),
    ("The attackers, believed to be Islamic State militants, killed four shepherds near Tarmiyah on Friday.",
     [["isis"]]),
    # a group's own description in a relative clause does not act
    ("The group, which is part of the Popular Mobilisation Forces, fired rockets at the airport on Sunday.",
     [[]]),
    # "hundreds of members of X": X
    ("Hundreds of members of Asaib Ahl al-Haq paraded through central Baghdad on Saturday.",
     [["asaib-ahl-al-haq"]]),
])
def test_actor_from_structure(extractor: EventExtractor, text: str, want: list[list[str]]) -> None:
    assert actors(extractor, text) == want


def test_a_militia_parade_told_with_the_verb_is_a_development(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Hundreds of members of Asaib Ahl al-Haq paraded through central Baghdad on Saturday.", PUB))
    assert [(e.type, e.sub_type, e.attrs["label"]) for e in found] == [("Strategic developments", "Other", "parade")]


@pytest.mark.parametrize("text", [
    "A commander of Kataib Hezbollah was killed in a US drone strike in eastern Baghdad on Wednesday.",
    "A commander in Kataib Hezbollah was killed in a US drone strike in eastern Baghdad on Wednesday.",
    "A US drone strike killed a commander with Kataib Hezbollah in eastern Baghdad on Wednesday.",
])
def test_an_unnamed_commander_of_a_group_makes_the_group_a_target(extractor: EventExtractor, text: str) -> None:
    found = extractor.extract(make_context(text, PUB))
    assert [(e.actors, e.targets) for e in found] == [(["united-states"], ["kataib-hezbollah"])]


@pytest.mark.parametrize("text", [
    "Supporters of Kataib Hezbollah gathered at the scene of the strike in Baghdad on Wednesday, chanting slogans.",
    "Hundreds of supporters of the Popular Mobilisation Forces broke into the compound of the embassy in Baghdad "
    "on Tuesday.",
    "Kataib Hezbollah loyalists rallied in Baghdad on Friday.",
])
def test_a_groups_supporters_are_a_crowd_not_the_group(extractor: EventExtractor, text: str) -> None:
    assert actors(extractor, text) == [[]]


@pytest.mark.parametrize(("text", "target"), [
    ("The coalition was officially formed in 2014 to combat the Islamic State.", "isis"),
    ("Kataib Hezbollah formed a new unit on Monday to confront US forces.", "united-states"),
])
def test_whom_a_group_was_formed_against_is_the_target(extractor: EventExtractor, text: str, target: str) -> None:
    assert [e.targets for e in extractor.extract(make_context(text, PUB))] == [[target]]


def roles(extractor: EventExtractor, text: str) -> list[tuple[list[str], list[str]]]:
    return [(sorted(e.actors), sorted(e.targets)) for e in extractor.extract(make_context(text, PUB))]


@pytest.mark.parametrize(("text", "want"), [
    # both sides of a fight told by any clash noun with "between"
    ("A gunfight between Kataib Hezbollah and the Iraqi army broke out in Jurf al-Sakhar on Monday.",
     (["iraqi-army", "kataib-hezbollah"], [])),
    # an attack repelled: the attackers fight too
    ("Peshmerga forces repelled an attack by ISIS militants near Makhmour on Saturday night.",
     (["isis", "peshmerga"], [])),
    # what the launched means was aimed at
    ("Harakat al-Nujaba launched drones against Israeli targets in the Golan Heights on Tuesday.",
     (["harakat-al-nujaba"], ["israel"])),
    # "the group", named by the group that reports it
    ("The group launched drones against Israeli targets in the Golan Heights, the Islamic Resistance in Iraq "
     "said on Saturday.", (["islamic-resistance-in-iraq"], ["israel"])),
    # the "when" clause names who killed them
    ("Two members of the PMF were killed when ISIS attacked their post near Tuz Khurmatu on Sunday.",
     (["isis"], ["pmf"])),
    # a facility's apposition says whose it is
    ("Rockets struck Ain al-Asad, a base hosting US troops, on Monday.", ([], ["united-states"])),
    # the name after an opening participle phrase is the main verb's subject, not a second victim
    ("Speaking at a ceremony marking the anniversary of the killing of Abu Mahdi al-Muhandis, Mohammed Shia "
     "al-Sudani said the state would control all weapons.", ([], ["abu-mahdi-al-muhandis"])),
    # an affiliation told with a verb of belief
    ("Gunmen believed to belong to Asaib Ahl al-Haq shot dead an activist in Basra on Saturday.",
     (["asaib-ahl-al-haq"], [])),
    # accused with an indefinite attack
    ("The United States blames Kataib Hezbollah for a rocket attack on Friday that killed an American "
     "contractor at a base near Kirkuk.", (["kataib-hezbollah"], [])),
])
def test_roles_from_structure(extractor: EventExtractor, text: str, want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_an_earlier_killing_the_clause_is_dated_by_is_not_its_target(extractor: EventExtractor) -> None:
    # (the killing is a recalled happening of its own since detect-gen6)
    text = "Rockets were fired at Baghdad International Airport days after Qasem Soleimani's killing in January 2020."
    assert roles(extractor, text) == [([], ["baghdad-international-airport"]), ([], ["qasem-soleimani"])]


def test_the_claimer_is_the_subject_of_the_claim(extractor: EventExtractor) -> None:
    text = ("A drone struck a military base in the Golan Heights on Wednesday, killing two soldiers. "
            "The report from Israel came after a statement from the Islamic Resistance in Iraq, which claimed "
            "responsibility for the attack.")
    found = extractor.extract(make_context(text, PUB))
    assert [e.actors for e in found if e.type == "Explosions/Remote violence"] == [["islamic-resistance-in-iraq"]]


@pytest.mark.parametrize(("text", "want"), [
    # whom a threatened act or a threatened reprisal is aimed at
    ("Kataib Hezbollah threatened to target US interests across the region on Sunday.",
     (["kataib-hezbollah"], ["united-states"])),
    ("Harakat al-Nujaba threatened retaliation against US forces in Iraq on Monday.",
     (["harakat-al-nujaba"], ["united-states"])),
    # the killing a strike answers is not the strike's
    ("The IRGC fired missiles at two bases in Iraq that host US forces on Wednesday, in what it called revenge "
     "for the killing of Qasem Soleimani.", (["irgc"], ["united-states"])),
    # a role apposition restates the person named before it
    ("It was founded by Abu Mahdi al-Muhandis, the PMF deputy chief who was killed alongside Iranian general "
     "Qasem Soleimani in a US strike in January.",
     (["united-states"], ["abu-mahdi-al-muhandis", "qasem-soleimani"])),
])
def test_targets_from_structure(extractor: EventExtractor, text: str, want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_an_umbrella_written_before_its_unit_does_not_act(extractor: EventExtractor) -> None:
    text = ("Under pressure from Washington, the Shabak Popular Mobilization Units (PMU) Brigade 30, a paramilitary "
            "force that controls much of the Nineveh Plain, has withdrawn its fighters from three towns.")
    found = extractor.extract(make_context(text, PUB))
    assert len(found) == 1 and len(found[0].actors) == 1 and "pmf" not in found[0].actors


@pytest.mark.parametrize(("text", "want"), [
    # an attack told as the subject of the verb of its outcome
    ("Last week's attack by ISIS on a PMF outpost near Baiji left five dead.", (["isis"], ["pmf"])),
    # a nationality on the police hit makes its state the target, as on soldiers
    ("Four Iraqi policemen were killed in an ambush by ISIS militants near Rutba on Thursday.", (["isis"], ["iraq"])),
    # the number the parser made the object, with the counted group hung on the verb
    ("The Counter-Terrorism Service detained 14 Kataib Hezbollah fighters in a raid on Thursday.",
     (["counter-terrorism-service"], ["kataib-hezbollah"])),
    # "attributed to": an accusation
    ("Gunmen killed an activist in Basra on Monday. The killing was attributed to Asaib Ahl al-Haq.",
     (["asaib-ahl-al-haq"], [])),
])
def test_more_roles_from_structure(extractor: EventExtractor, text: str, want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_a_title_names_the_person_after_it_and_the_main_subject_is_no_victim(extractor: EventExtractor) -> None:
    text = ("Addressing a rally marking the anniversary of the killing of Qasem Soleimani and former Popular "
            "Mobilization Forces deputy chief Abu Mahdi al-Muhandis, Mohammed Shia al-Sudani pointed to the "
            "vote on state control of arms.")
    found = [e for e in extractor.extract(make_context(text, PUB)) if e.attrs["label"] == "killing"]
    assert [sorted(e.targets) for e in found] == [["abu-mahdi-al-muhandis", "qasem-soleimani"]]


@pytest.mark.parametrize(("text", "want"), [
    ("Three civilians were killed at the hands of ISIS militants in Anbar on Sunday.", (["isis"], [])),
    ("Two soldiers were wounded in an attack by suspected ISIS militants in Diyala on Sunday.", (["isis"], [])),
    ("The Iraqi Air Force carried out an airstrike on an ISIS hideout in Kirkuk on Monday.",
     (["iraqi-air-force"], ["isis"])),
    ("The attack, which targeted a convoy of the US-led coalition, took place near Nasiriyah on Monday.",
     ([], ["international-coalition"])),
])
def test_hands_light_verbs_and_relative_clauses(extractor: EventExtractor, text: str,
                                                want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_the_army_of_a_story_set_in_one_country_is_that_country_s_army(extractor: EventExtractor) -> None:
    text = ("Gunmen attacked a checkpoint in Basra on Monday. Hours later, the army imposed a curfew in Basra "
            "and Amara.")
    found = extractor.extract(make_context(text, PUB))
    assert [e.actors for e in found if e.attrs["label"] == "curfew"] == [["iraqi-army"]]


def test_the_army_of_a_story_without_a_home_country_is_nobody(extractor: EventExtractor) -> None:
    text = ("Gunmen attacked a checkpoint near the border on Monday. Hours later, the army imposed a curfew "
            "in the area.")
    found = extractor.extract(make_context(text, PUB))
    assert [e.actors for e in found if e.attrs["label"] == "curfew"] == [[]]


def test_a_condemnation_of_an_attack_is_against_its_author(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Iraqi Prime Minister Mohammed Shia al-Sudani condemned the US strike on Kataib Hezbollah on Monday.", PUB))
    assert [(e.actors, e.targets) for e in found] == [(["mohammed-shia-al-sudani"], ["united-states"])]


@pytest.mark.parametrize("text", [
    "A rocket attack on Friday killed a U.S. defense contractor at a military compound near Kirkuk.",
    "Gunmen kidnapped two Turkish citizens in Baghdad on Monday.",
])
def test_civilians_named_by_their_country_do_not_make_it_a_target(extractor: EventExtractor, text: str) -> None:
    assert [e.targets for e in extractor.extract(make_context(text, PUB))] == [[]]


def test_a_measure_is_not_about_whom_its_as_phrase_compares_with(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "The Iraqi government withdrew a bill on Sunday that would have formalised the PMF as a structure parallel "
        "to the Ministry of Defence.", PUB))
    assert [(e.actors, e.targets) for e in found] == [(["iraqi-government"], ["pmf"])]


@pytest.mark.parametrize(("text", "want"), [
    # the organisation a title before the name gives the person acts with them
    ("Asaib Ahl al-Haq leader Qais al-Khazali threatened the United States on Tuesday.",
     ["asaib-ahl-al-haq", "qais-al-khazali"]),
    ("Quds Force commander Esmail Qaani visited Baghdad on Monday.", ["esmail-qaani", "quds-force"]),
    ("Badr Organisation chief Hadi al-Amiri met the Iranian ambassador in Baghdad on Monday.",
     ["badr-organisation", "hadi-al-amiri"]),
    # an apposition after the name describes the person; a country is no organisation of theirs
    ("Qais al-Khazali, the leader of Asaib Ahl al-Haq, visited Basra on Wednesday.", ["qais-al-khazali"]),
    ("Iran's Supreme Leader Ali Khamenei met Mohammed Shia al-Sudani in Tehran on Tuesday.",
     ["ali-khamenei", "mohammed-shia-al-sudani"]),
])
def test_the_organisation_of_an_acting_persons_title_acts_too(extractor: EventExtractor, text: str,
                                                              want: list[str]) -> None:
    assert [sorted(a) for a in actors(extractor, text)] == [want]


def test_a_victims_title_organisation_is_not_hit(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "A US drone strike killed Kataib Hezbollah commander Abu Baqir al-Saadi in Baghdad on Wednesday.", PUB))
    assert [(e.actors, e.targets) for e in found] == [(["united-states"], ["abu-baqir-al-saadi"])]


def test_the_speaker_of_a_speech_told_by_said_in_gives_it(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Qais al-Khazali said in a televised speech on Friday that foreign forces must leave Iraq.", PUB))
    assert [(e.attrs["label"], e.actors) for e in found] == [("speech", ["qais-al-khazali"])]


@pytest.mark.parametrize(("text", "want"), [
    # the members a number counts, with a possessive pronoun: the group the pronoun stands for is hit
    ("Kataib Hezbollah said four of its fighters were killed in a US airstrike near Jurf al-Sakhar on Tuesday.",
     (["united-states"], ["kataib-hezbollah"])),
    # armed means with a possessive pronoun: their owner acts
    ("The US-led coalition said on Wednesday that its aircraft had killed a senior ISIS leader in a strike in "
     "northern Syria.", (["international-coalition"], ["isis"])),
])
def test_a_possessive_pronoun_on_members_or_means_names_its_group(extractor: EventExtractor, text: str,
                                                                   want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_he_goes_on_with_the_person_named_before_a_long_quote(extractor: EventExtractor) -> None:
    text = ("Mustafa al-Kadhimi survived a drone attack on his residence in Baghdad early on Sunday, officials said. "
            "Two security officials told reporters that six guards were hurt in the attack, which came amid "
            "tensions over the election results and weeks of protests outside the Green Zone by supporters "
            "of the factions that lost seats. They spoke on condition of anonymity because they were not "
            "allowed to brief the press. The prime minister responded quickly on social media, writing that "
            "\"the rockets of treachery will not shake the resolve of the heroic security forces\" and that "
            "he was safe among his people and thanked God for it. "
            "Later he addressed the nation on television.")
    found = extractor.extract(make_context(text, PUB))
    assert [e.actors for e in found if e.attrs["label"] == "speech"] == [["mustafa-al-kadhimi"]]


@pytest.mark.parametrize(("text", "want"), [
    # "our" in a quote: whoever speaks it
    ("\"Our forces arrested five suspects in Kirkuk on Monday,\" the Counter-Terrorism Service said.",
     ["counter-terrorism-service"]),
    # "its" in a reported clause: the country that says it
    ("Turkey said on Friday that its warplanes had struck PKK shelters in northern Iraq.", ["turkey"]),
    ("Iran said on Sunday its forces had fired missiles at militant camps in Erbil.", ["iran"]),
])
def test_a_possessive_in_a_reported_clause_is_the_speakers(extractor: EventExtractor, text: str,
                                                           want: list[str]) -> None:
    found = extractor.extract(make_context(text, PUB))
    assert [e.actors for e in found if e.attrs["label"] != "statement"] == [want]


def headed(extractor: EventExtractor, text: str) -> list[tuple[list[str], list[str]]]:
    ctx = make_context(text, PUB)
    ctx.document.metadata.title = text.split("\n")[0]
    return [(sorted(e.actors), sorted(e.targets)) for e in extractor.extract(ctx)]


def test_a_present_tense_headline_lends_the_body_the_role_it_leaves_empty(extractor: EventExtractor) -> None:
    text = ("Gunmen kill Kataib Hezbollah official in Basra\n\n"
            "A senior official was shot dead by unidentified gunmen in central Basra on Monday, police said.\n")
    assert headed(extractor, text) == [([], ["kataib-hezbollah"])]


def test_a_headline_word_the_parse_makes_a_verb_gives_the_verbs_roles(extractor: EventExtractor) -> None:
    text = ("Iraqi forces arrest ISIS emir in Kirkuk\n\n"
            "Security forces arrested a senior leader in a raid in Kirkuk on Tuesday, the Security Media Cell said.\n")
    assert headed(extractor, text) == [(["iraqi-security-forces"], ["isis"])]


def test_a_country_naming_a_crowd_is_not_the_crowds_act(extractor: EventExtractor) -> None:
    assert actors(extractor, "Iraq protesters stormed the embassy compound in Baghdad on Tuesday.") == [[]]


@pytest.mark.parametrize(("text", "want"), [
    # the sentence's verb, hung on an appositive subject as a participle: with an object it is active
    ("The Coordination Framework, the ruling Shiite alliance, nominated Mohammed Shia al-Sudani for prime "
     "minister on Monday.", (["coordination-framework"], ["mohammed-shia-al-sudani"])),
    # forces "at" a base are there: the base is not what they were sent at
    ("The Islamic Resistance in Iraq said it targeted US forces at Harir base in Erbil on Tuesday.",
     (["islamic-resistance-in-iraq"], ["united-states"])),
])
def test_roles_where_the_parse_misleads(extractor: EventExtractor, text: str,
                                        want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


@pytest.mark.parametrize(("text", "want"), [
    # whom a convoy's load is for
    ("A roadside bomb struck a convoy carrying supplies for the US-led coalition in Diwaniyah on Thursday.",
     ([], ["international-coalition"])),
    # what an attack noun's participle says it was aimed at
    ("An airstrike targeting a PMF convoy near al-Qaim killed three fighters on Tuesday.", ([], ["pmf"])),
    # an unnamed description aimed at is left to the story, not read as an anaphor
    ("US forces carried out strikes targeting the militia blamed for a rocket attack on Friday that killed an "
     "American contractor in Kirkuk.", (["united-states"], [])),
])
def test_targets_named_by_a_participle(extractor: EventExtractor, text: str,
                                       want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text)[:1] == [want]


def test_a_sides_description_is_no_side_of_the_fight(extractor: EventExtractor) -> None:
    text = ("Fighting broke out on Wednesday between Saraya al-Salam, the armed wing of Muqtada al-Sadr's movement, "
            "and Asaib Ahl al-Haq in Basra.")
    assert roles(extractor, text) == [(["asaib-ahl-al-haq", "saraya-al-salam"], [])]


def test_a_capitals_possessed_attack_is_its_states(extractor: EventExtractor) -> None:
    assert roles(extractor, "Washington's strikes on Kataib Hezbollah on Sunday killed 25 fighters.") == \
        [(["united-states"], ["kataib-hezbollah"])]


def test_who_receives_a_phone_call_takes_part(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Mohammed Shia al-Sudani received a phone call from US Secretary of State Antony Blinken on Wednesday.", PUB))
    assert [sorted(e.actors) for e in found if e.attrs["label"] == "meeting"] == \
        [["antony-blinken", "mohammed-shia-al-sudani"]]


def test_detainees_a_relative_clause_ties_to_a_group_hit_it(extractor: EventExtractor) -> None:
    text = "Iraqi security forces arrested the men, who belong to Asaib Ahl al-Haq, in Basra on Thursday."
    assert roles(extractor, text) == [(["iraqi-security-forces"], ["asaib-ahl-al-haq"])]


# -- helper round 10 (actors-gen4) ------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    # a capital that answers with strikes struck
    ("Washington responded with airstrikes on Kataib Hezbollah sites in Anbar on Friday.",
     (["united-states"], ["kataib-hezbollah"])),
    ("Turkey retaliated with drone strikes on PKK hideouts in the Qandil mountains on Monday.",
     (["turkey"], ["pkk"])),
])
def test_who_answers_with_an_attack_makes_it(extractor: EventExtractor, text: str,
                                             want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_what_a_participle_after_the_verb_aims_at_is_hit(extractor: EventExtractor) -> None:
    text = "A bomb exploded on Monday in Diyala, targeting a vehicle belonging to the Iraqi army."
    assert [t for _a, t in roles(extractor, text)] == [["iraqi-army"]]


@pytest.mark.parametrize(("text", "want"), [
    ("Coalition forces carried out an airstrike on an Islamic State cell near Hit on Friday.",
     (["international-coalition"], ["isis"])),
    ("Two rockets were fired at coalition troops in the Ain al-Asad base on Wednesday.",
     ([], ["international-coalition"])),
    ("A rocket attack hit a base used by the coalition near Erbil on Sunday.", ([], ["international-coalition"])),
])
def test_coalition_forces_in_the_war_on_isis_are_the_international_coalition(
        extractor: EventExtractor, text: str, want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


@pytest.mark.parametrize("text", [
    # another coalition's war, and a coalition of parties
    "The Saudi-led coalition carried out airstrikes on Houthi positions near Sanaa in Yemen on Saturday.",
    "Coalition warplanes struck Houthi positions near Sanaa in Yemen on Saturday.",
])
def test_another_coalition_is_not_the_international_one(extractor: EventExtractor, text: str) -> None:
    assert all("international-coalition" not in a + t for a, t in roles(extractor, text))


@pytest.mark.parametrize(("text", "want"), [
    ("Iraq's parliament voted on Sunday to end the presence of foreign troops.", ["council-of-representatives"]),
    ("Iraq's interior ministry arrested four ISIS members in Anbar on Tuesday.", ["ministry-of-interior-iraq"]),
    # no such body in the knowledge base: the country stays
    ("Turkey's defence ministry struck PKK targets in Duhok on Friday.", ["turkey"]),
])
def test_a_countrys_institution_is_its_state_body(extractor: EventExtractor, text: str, want: list[str]) -> None:
    assert [a for a, _t in roles(extractor, text)][:1] == [want]


@pytest.mark.parametrize(("text", "want"), [
    # the deed's doer made the happening it was done in, to whom it was done
    ("US special forces killed an Islamic State leader in a raid in Idlib province overnight.",
     (["united-states"], ["isis"])),
    ("The Counter-Terrorism Service arrested three Kataib Hezbollah members during a raid in Dora on Thursday.",
     (["counter-terrorism-service"], ["kataib-hezbollah"])),
    # the victims of a passive made nothing
    ("Two Kataib Hezbollah members were killed in a raid near Kirkuk on Monday.", ([], ["kataib-hezbollah"])),
])
def test_the_doer_of_a_deed_told_in_a_happening_makes_it(extractor: EventExtractor, text: str,
                                                         want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text)[:1] == [want]


def test_a_verb_without_object_shares_the_next_verbs(extractor: EventExtractor) -> None:
    text = "Protesters stormed and torched the offices of the Kurdistan Democratic Party in Baghdad on Saturday."
    assert roles(extractor, text) == [([], ["kdp"])]


@pytest.mark.parametrize(("text", "want"), [
    ("Kataib Hezbollah warned on Monday that the group would target US interests.",
     (["kataib-hezbollah"], ["united-states"])),
    ("Harakat al-Nujaba threatened on Monday that US forces would be attacked if they stayed.",
     (["harakat-al-nujaba"], ["united-states"])),
])
def test_a_threats_that_clause_names_whom_it_threatens(extractor: EventExtractor, text: str,
                                                       want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_the_land_a_withdrawal_leaves_does_not_withdraw(extractor: EventExtractor) -> None:
    # (a withdrawal only called for is no happening since detect-gen6: the withdrawal here is done)
    found = extractor.extract(make_context(
        "Turkey completed the withdrawal of its troops from Iraq on Friday.", PUB))
    withdrawals = [e.actors for e in found if e.attrs["label"] == "withdrawal"]
    assert withdrawals and all("iraq" not in actors for actors in withdrawals)


@pytest.mark.parametrize(("text", "want"), [
    # coordinated modifiers of forces or means: each side
    ("Iraqi and US forces conducted a joint raid on an Islamic State hideout near Qaim on Thursday.",
     (["iraqi-security-forces", "united-states"], ["isis"])),
    ("Iraqi and coalition aircraft struck Islamic State positions in the Wadi Hauran valley on Wednesday.",
     (["international-coalition", "iraq"], ["isis"])),
])
def test_forces_shared_by_coordinated_modifiers_are_each_sides(extractor: EventExtractor, text: str,
                                                               want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_an_outcome_after_an_assault_befell_what_was_assaulted(extractor: EventExtractor) -> None:
    text = "Islamic State remnants attacked a PMF position near Adhaim on Friday, killing one fighter."
    assert roles(extractor, text) == [(["isis"], ["pmf"])]


def test_an_attack_attributed_to_someone_is_alleged_theirs(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "A drone strike attributed to Turkey hit a car in Sinjar on Tuesday, killing two PKK members.", PUB))
    assert [(e.actors, e.targets, e.certainty.value) for e in found] == [(["turkey"], ["pkk"], "alleged")]


@pytest.mark.parametrize("text", [
    "US and coalition troops were attacked with rockets near Hasakah on Tuesday.",
    "Rockets were fired at US and coalition forces in Syria on Monday.",
])
def test_us_and_coalition_forces_hit_both(extractor: EventExtractor, text: str) -> None:
    assert roles(extractor, text) == [([], ["international-coalition", "united-states"])]


@pytest.mark.parametrize(("text", "want"), [
    ("Iraqi counter-terrorism forces killed a senior Islamic State leader near Rutba on Sunday.",
     (["counter-terrorism-service"], ["isis"])),
    ("Counter-terrorism forces detained members of Kataib Hezbollah in Baghdad and Basra last June.",
     (["counter-terrorism-service"], ["kataib-hezbollah"])),
    # bare security forces name no body (nor one whose name starts with the word)
    ("Security forces killed three protesters in Baghdad and Basra on Monday.", ([], [])),
])
def test_forces_named_by_a_services_own_words_are_that_service(extractor: EventExtractor, text: str,
                                                               want: tuple[list[str], list[str]]) -> None:
    assert roles(extractor, text) == [want]


def test_a_countrys_militias_are_not_the_country(extractor: EventExtractor) -> None:
    text = "A blast at a base belonging to Iraq's state-sanctioned militias killed one person on Saturday."
    assert roles(extractor, text) == [([], [])]


def test_the_militants_are_the_group_the_same_word_was_tied_to(extractor: EventExtractor) -> None:
    text = ("Islamic State militants raided a village near Khanaqin on Friday night. The militants killed four "
            "farmers before fleeing, police said.")
    assert [a for a, _t in roles(extractor, text)][-1:] == [["isis"]]


def test_targets_linked_to_a_group_hit_it(extractor: EventExtractor) -> None:
    text = "Israeli jets struck weapons depots affiliated with Kataib Hezbollah near Albukamal on Sunday."
    assert roles(extractor, text) == [(["israel"], ["kataib-hezbollah"])]


def test_those_named_among_a_funerals_mourners_take_part(extractor: EventExtractor) -> None:
    text = ("Thousands attended the funeral in Karbala on Friday, including PMF chairman Faleh al-Fayyadh and "
            "Badr leader Hadi al-Amiri.")
    assert [a for a, _t in roles(extractor, text)] == [["badr-organisation", "faleh-al-fayyadh", "hadi-al-amiri", "pmf"]]


@pytest.mark.parametrize("text", [
    "Kataib Hezbollah said an Israeli drone struck its headquarters in Qaim on Monday.",
    "Kataib Hezbollah said on Monday that Israeli aircraft had bombed its positions near Qaim.",
])
def test_a_site_its_speaker_owns_hits_the_speaker(extractor: EventExtractor, text: str) -> None:
    assert roles(extractor, text) == [(["israel"], ["kataib-hezbollah"])]


def test_the_groups_site_hit_is_the_groups(extractor: EventExtractor) -> None:
    text = "Kataib Hezbollah shelled a US base on Monday. Hours later, US jets bombed the group's depots in Jurf al-Sakhar."
    assert roles(extractor, text)[-1:] == [(["united-states"], ["kataib-hezbollah"])]


def test_a_persons_residence_hit_is_the_person(extractor: EventExtractor) -> None:
    text = ("Prime Minister Mustafa al-Kadhimi was unhurt on Sunday after an explosives-laden drone hit his residence "
            "in Baghdad.")
    assert [t for _a, t in roles(extractor, text)] == [["mustafa-al-kadhimi"]]


def test_unnamed_members_taken_in_a_raid_on_a_groups_site_are_the_groups(extractor: EventExtractor) -> None:
    text = "The Counter-Terrorism Service raided a Kataib Hezbollah compound in Dora on Thursday and detained 14 members."
    assert [t for _a, t in roles(extractor, text)] == [["kataib-hezbollah"]]


def test_a_number_of_a_groups_supporters_is_a_crowd(extractor: EventExtractor) -> None:
    text = "Thousands of Kataib Hezbollah supporters protested outside the US embassy in Baghdad on Friday."
    assert roles(extractor, text) == [([], [])]


@pytest.mark.parametrize("text", [
    "A Turkish drone attack killed two soldiers in Duhok on Sunday.",
    "Two soldiers were killed in a Turkish drone attack in Duhok on Sunday.",
    "Two shepherds were killed in Turkish shelling near Zakho on Sunday.",
])
def test_a_nationality_on_an_armed_deed_makes_it_its_states(extractor: EventExtractor, text: str) -> None:
    assert actors(extractor, text) == [["turkey"]]


def test_a_headline_participle_takes_the_actor_of_the_strike_it_was_suffered_in(extractor: EventExtractor) -> None:
    text = ("PMF fighters killed in US strike near Syrian border\n\n"
            "Three members of the Popular Mobilization Forces were killed early on Wednesday when a drone struck "
            "their vehicle near al-Qaim, a PMF official said.\n")
    assert headed(extractor, text) == [(["united-states"], ["pmf"])]


@pytest.mark.parametrize(("text", "want"), [
    # a body's name written before its post, vehicle or man: the home country's body
    ("Islamic State militants attacked an army patrol near Kirkuk on Tuesday, killing two soldiers.",
     [(["isis"], ["iraqi-army"])]),
    ("A police officer was shot dead in Kirkuk on Thursday.", [([], ["iraqi-police"])]),
    ("Federal police units arrested two suspects in Kirkuk on Saturday.", [(["iraqi-federal-police"], [])]),
    # words too general to name a body
    ("A roadside bomb hit a security checkpoint in Kirkuk on Saturday.", [([], [])]),
    ("Security forces arrested two suspects in Kirkuk on Saturday.", [([], [])]),
])
def test_a_bodys_words_before_its_post_or_man_name_the_body(extractor: EventExtractor, text: str,
                                                           want: list[tuple[list[str], list[str]]]) -> None:
    assert roles(extractor, text) == want


def test_an_outcome_clause_hung_on_what_the_attack_hit_is_the_attacks(extractor: EventExtractor) -> None:
    text = ("The Islamic State claimed an attack on a federal police checkpoint in Kirkuk that killed four "
            "policemen on Saturday.")
    assert roles(extractor, text) == [(["isis"], ["iraqi-federal-police"])]


def test_a_named_side_and_the_men_of_another_both_fight(extractor: EventExtractor) -> None:
    text = "The Peshmerga and fighters of the Popular Mobilization Forces exchanged fire near Makhmour on Monday."
    assert [a for a, _t in roles(extractor, text)] == [["peshmerga", "pmf"]]


def test_the_sides_of_a_clash_keep_out_what_describes_their_men(extractor: EventExtractor) -> None:
    text = ("Four people were killed in Basra on Friday in clashes between members of Saraya al-Salam, the armed wing "
            "of the Sadrist movement, and fighters of Asaib Ahl al-Haq.")
    assert [a for a, _t in roles(extractor, text)] == [["asaib-ahl-al-haq", "saraya-al-salam"]]


def test_a_headlines_state_gives_way_to_the_bodys_own_body_of_it(extractor: EventExtractor) -> None:
    text = ("Iraq arrests militia commander over rocket attacks\n\n"
            "Iraqi security forces on Wednesday arrested Qasim Muslih, a commander of the Popular Mobilisation "
            "Forces in Anbar, officials said.\n")
    assert [a for a, _t in headed(extractor, text)] == [["iraqi-security-forces"]]


def test_a_titles_own_name_after_it_is_whom_a_measure_hits(extractor: EventExtractor) -> None:
    text = "Asaib Ahl al-Haq's leader Qais al-Khazali was sanctioned by Washington in December 2019."
    assert roles(extractor, text) == [(["united-states"], ["qais-al-khazali"])]


def test_parliament_without_an_article_is_the_home_countrys(extractor: EventExtractor) -> None:
    text = "The PMF fought in Fallujah and Mosul. In 2016, parliament passed a law making the PMF a formal part of the state."
    assert [a for a, _t in roles(extractor, text)] == [["council-of-representatives"]]


def test_what_a_coordinated_verb_sets_fire_to_is_hit(extractor: EventExtractor) -> None:
    text = ("Supporters of the Popular Mobilization Forces stormed and set fire to the headquarters of the "
            "Kurdistan Democratic Party in Baghdad on Saturday.")
    assert [t for _a, t in roles(extractor, text)] == [["kdp"]]


@pytest.mark.parametrize("text", [
    "Kataib Hezbollah threatened on Sunday to resume attacks on US forces.",
    "Kataib Hezbollah vowed on Sunday to keep attacking US forces until they leave Iraq.",
])
def test_a_threat_hits_whom_the_act_it_carries_on_is_aimed_at(extractor: EventExtractor, text: str) -> None:
    assert roles(extractor, text) == [(["kataib-hezbollah"], ["united-states"])]


def test_a_speech_hung_on_what_was_said_is_the_speakers(extractor: EventExtractor) -> None:
    text = ("PMF chairman Faleh al-Fayyadh said on Saturday that the force would never be dissolved, in a speech "
            "marking the anniversary of its founding in Baghdad.")
    assert [a for a, _t in roles(extractor, text)] == [["faleh-al-fayyadh", "pmf"]]


def test_a_call_received_from_someone_has_both_sides(extractor: EventExtractor) -> None:
    text = ("Prime Minister Mohammed Shia al-Sudani received a phone call on Friday from US President Joe Biden, "
            "who invited him to visit Washington.")
    assert [a for a, _t in roles(extractor, text)] == [["joe-biden", "mohammed-shia-al-sudani"]]


@pytest.mark.parametrize("text", [
    "Antony Blinken visited Baghdad on Sunday, where he met Prime Minister Mohammed Shia al-Sudani.",
    "US Secretary of State Antony Blinken made an unannounced visit to Baghdad on Sunday, where he met Prime "
    "Minister Mohammed Shia al-Sudani.",
])
def test_whom_a_visitor_met_there_takes_part(extractor: EventExtractor, text: str) -> None:
    assert [a for a, _t in roles(extractor, text)] == [["antony-blinken", "mohammed-shia-al-sudani"]]


def test_the_home_government_beside_a_named_body_is_the_home_countrys(extractor: EventExtractor) -> None:
    text = ("The federal government and the Kurdistan Regional Government signed an agreement in Baghdad on "
            "Tuesday to resume oil exports through Turkey.")
    assert [a for a, _t in roles(extractor, text)] == [["iraqi-government", "kurdistan-regional-government"]]


def test_the_zeravani_are_a_known_kurdish_force(extractor: EventExtractor) -> None:
    text = "Zeravani forces arrested three ISIS suspects near Makhmour on Monday."
    assert roles(extractor, text) == [(["zeravani"], ["isis"])]


def test_a_clock_names_no_target(extractor: EventExtractor) -> None:
    text = "Rockets targeted US forces in Iraq on Monday at 10 pm (Iraq time), officials said."
    assert [t for _a, t in roles(extractor, text)] == [["united-states"]]


@pytest.mark.parametrize("text", [
    "An official of the Patriotic Union of Kurdistan survived an assassination attempt in Kirkuk on Sunday.",
    "A senior PUK official survived an assassination attempt in Kirkuk on Sunday.",
    "An official of the Patriotic Union of Kurdistan survived an assassination attempt on Sunday when gunmen "
    "opened fire on his car in Kirkuk.",
])
def test_who_survived_an_attack_was_its_target(extractor: EventExtractor, text: str) -> None:
    assert [t for _a, t in roles(extractor, text)] == [["puk"]]


@pytest.mark.parametrize(("text", "want"), [
    ("The Sulaimani Asayish on Wednesday arrested four people suspected of belonging to the Islamic State.",
     [(["asayish"], ["isis"])]),
    ("Police arrested two men suspected of being members of ISIS in Kirkuk on Monday.", [(["iraqi-police"], ["isis"])]),
    ("Security forces detained three suspects accused of links to Kataib Hezbollah in Basra on Monday.",
     [([], ["kataib-hezbollah"])]),
    # what they are suspected of doing is no tie
    ("Police arrested two men suspected of carrying out the attack on the Kataib Hezbollah office in Basra on Monday.",
     [(["iraqi-police"], [])]),
])
def test_people_a_suspicion_ties_to_a_group_are_the_groups(extractor: EventExtractor, text: str,
                                                         want: list[tuple[list[str], list[str]]]) -> None:
    assert roles(extractor, text) == want


def test_the_syrian_national_army_is_no_outlet(extractor: EventExtractor) -> None:
    text = "Fighters of the Syrian National Army clashed with the SDF near Manbij on Monday."
    assert [sorted(a) for a, _t in roles(extractor, text)] == [["syrian-democratic-forces", "syrian-national-army"]]


def test_they_after_two_speakers_are_both(extractor: EventExtractor) -> None:
    text = ("The Islamic Resistance in Iraq and Yemen's Houthis said on Thursday they had jointly targeted a ship "
            "in the port of Haifa with drones.")
    assert [sorted(a) for a, _t in roles(extractor, text)] == [["houthis", "islamic-resistance-in-iraq"]]


def test_asaib_alone_is_asaib_ahl_al_haq(extractor: EventExtractor) -> None:
    text = "Fighters of Saraya al-Salam and Asaib clashed in central Basra on Sunday night, killing two people."
    assert [sorted(a) for a, _t in roles(extractor, text)] == [["asaib-ahl-al-haq", "saraya-al-salam"]]


@pytest.mark.parametrize("text", [
    "US jets struck several sites, including a depot used by Kataib Hezbollah, near Qaim on Sunday.",
    "US forces struck 85 targets in Iraq and Syria on Friday, including command centres and weapons depots used "
    "by Kataib Hezbollah.",
])
def test_whose_the_sites_an_including_list_names_are_is_hit(extractor: EventExtractor, text: str) -> None:
    assert roles(extractor, text) == [(["united-states"], ["kataib-hezbollah"])]


def test_the_bodys_roles_beat_the_headlines_misread_ones(extractor: EventExtractor) -> None:
    text = ("US base struck in eastern Syria\n\n"
            "Rockets hit a base housing US troops in eastern Syria on Thursday, causing no casualties, a US "
            "official said.\n")
    assert headed(extractor, text) == [([], ["united-states"])]


def test_who_a_site_next_door_is_said_to_host_is_hit(extractor: EventExtractor) -> None:
    text = ("Three rockets were fired on Sunday at the Victory base near Baghdad airport, which hosts US forces, "
            "security officials said.")
    assert [t for _a, t in roles(extractor, text)] == [["united-states"]]


@pytest.mark.parametrize(("text", "actor"), [
    # the author a relative clause on the "in an attack" phrase names
    ("A drone strike killed a PMF commander near the Syrian border on Sunday, in an attack Iraqi officials "
     "attributed to Israel.", "israel"),
    ("A drone strike on a car in Baghdad killed two members of Kataib Hezbollah on Wednesday, police said, in an "
     "attack a US official said was carried out by American forces.", "united-states"),
])
def test_the_author_of_the_attack_an_outcome_was_told_in(extractor: EventExtractor, text: str, actor: str) -> None:
    assert [a for a, _t in roles(extractor, text)] == [[actor]]


@pytest.mark.parametrize(("text", "want"), [
    # a backer the subject's participle names is no actor
    ("Iraqi militias backed by Iran launched drones at Israel on Tuesday.", []),
    # a group's "mujahideen" are the group's men
    ("The Islamic Resistance in Iraq said on Wednesday that its mujahideen targeted a site in Eilat with drones.",
     ["islamic-resistance-in-iraq"]),
])
def test_who_acts_through_the_subjects_words(extractor: EventExtractor, text: str, want: list[str]) -> None:
    assert [a for a, _t in roles(extractor, text)] == [want]


def test_the_name_hung_on_the_organisation_of_a_role_holds_the_role(extractor: EventExtractor) -> None:
    text = ("The commander of Iran's Quds Force, Esmail Qaani, arrived in Baghdad on Sunday for talks, two officials "
            "said.")
    assert [a for a, _t in roles(extractor, text)] == [["esmail-qaani"]]


@pytest.mark.parametrize(("text", "want"), [
    # who took a stance on the attack in its relative clause did not carry it out
    ("The attack, which the Kurdistan Regional Government condemned, killed two civilians in Erbil on Monday.", []),
    ("The strike, which Washington blamed on Kataib Hezbollah, killed two civilians in Erbil on Monday.",
     ["kataib-hezbollah"]),
    # who fired the means in its relative clause did
    ("The rockets, which Kataib Hezbollah fired from Jurf al-Sakhar, hit the base on Monday.", ["kataib-hezbollah"]),
])
def test_a_relative_clause_on_the_attack_names_its_author_not_a_bystander(extractor: EventExtractor, text: str,
                                                                           want: list[str]) -> None:
    assert [a for a, _t in roles(extractor, text)] == [want]
