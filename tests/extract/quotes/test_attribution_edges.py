"""Attributions the parser or the mention finder reads in odd ways (own invented sentences)."""

from __future__ import annotations

import pytest

from factiongraph.extract.quotes.extractor import QuoteExtractor
from factiongraph.model import Quote
from tests.extract.factory import default_kb
from tests.extract.quotes.helpers import run_checked


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor(default_kb())


def run(extractor: QuoteExtractor, text: str) -> list[Quote]:
    return run_checked(extractor, text, "2024-02-01")


def one(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [q.text for q in quotes])
    return hits[0]


def test_told_an_audience_that_reports_the_clause_the_parser_made_relative(extractor: QuoteExtractor) -> None:
    # the parser hangs "that the United States held ..." on "briefing" as a relative clause
    text = ("Later, in Washington, State Department spokesman Matthew Miller told a briefing that the "
            "United States held Iran responsible for the actions of its proxies.")
    quotes = run(extractor, text)
    assert len(quotes) == 1, [(q.speaker_id, q.text) for q in quotes]
    assert quotes[0].speaker_role == "State Department spokesman"
    assert quotes[0].text.startswith("the United States held Iran responsible")


def test_the_deputy_is_the_lawmaker_named_before(extractor: QuoteExtractor) -> None:
    text = ("MP Aref al-Hamami said the security committee would meet on Sunday. "
            "The deputy stressed the need to keep weapons in the hands of the state.")
    quotes = run(extractor, text)
    first = one(quotes, "committee would meet")
    assert first.speaker_id is not None
    assert one(quotes, "keep weapons").speaker_id == first.speaker_id


def test_the_mp_is_the_lawmaker_named_last_not_an_earlier_mp(extractor: QuoteExtractor) -> None:
    text = ("MP Aref al-Hamami said the security committee would meet on Sunday. "
            "Lawmaker Mustafa Sand said the vote had been postponed. "
            "The MP added that several blocs had boycotted the session.")
    quotes = run(extractor, text)
    assert one(quotes, "boycotted").speaker_id == one(quotes, "postponed").speaker_id
    assert one(quotes, "boycotted").speaker_id != one(quotes, "committee would meet").speaker_id


@pytest.mark.parametrize("tail, via", [
    (", in a statement on Sabereen News.", "sabereen-news"),
    (", during a televised speech on Al-Ahd TV.", "al-ahed-tv"),
])
def test_a_closing_channel_phrase_after_a_claim_is_its_via(extractor: QuoteExtractor, tail: str, via: str) -> None:
    q = one(run(extractor, "Kataib Hezbollah vowed to keep up its operations against the occupation" + tail),
            "vowed to keep up")
    assert q.speaker_id == "kataib-hezbollah" and q.via_id == via
    assert q.text.endswith("against the occupation")


def test_they_is_never_one_named_person(extractor: QuoteExtractor) -> None:
    text = ('Prime Minister Mohammed Shia al-Sudani called the strikes "terrorist acts" on Monday.\n\n'
            "The factions see the foreign troops as occupiers. They say the presence must end.")
    quotes = run(extractor, text)
    assert all(q.speaker_id != "mohammed-shia-al-sudani" for q in quotes if "must end" in q.text)


def test_a_name_the_mention_finder_missed_speaks_through_its_title(extractor: QuoteExtractor) -> None:
    text = ("BAGHDAD (Reuters) - Karim al-Sudani, a member of the Basra provincial council, said on Monday "
            "that the armed factions would not hand over their weapons before the elections.")
    q = one(run(extractor, text), "hand over their weapons")
    assert q.speaker_id is None and not q.anonymous
    assert q.speaker_role == "member of the Basra provincial council"


def test_a_statement_relays_the_claim_of_the_person_its_words_name(extractor: QuoteExtractor) -> None:
    text = ("Foreign Minister Fuad Hussein spoke by phone with Antony Blinken on Friday, the ministry said. "
            "Blinken reaffirmed the commitment of the United States to the security partnership, the statement added.")
    quotes = [q for q in run(extractor, text) if "security partnership" in q.text]
    assert [q.speaker_id for q in quotes] == ["antony-blinken"]


def test_he_in_a_clause_under_a_named_subject_is_that_subject(extractor: QuoteExtractor) -> None:
    text = ("Antony Blinken said Washington remained committed to the partnership. "
            "Separately, Prime Minister Mohammed Shia al-Sudani received a delegation from the European Union, "
            "during which he affirmed that Iraq seeks balanced relations with all countries, "
            "said a statement from his media office.")
    quotes = [q for q in run(extractor, text) if "balanced relations" in q.text]
    assert [q.speaker_id for q in quotes] == ["mohammed-shia-al-sudani"]


@pytest.mark.parametrize("text, role", [
    ("Hadi al-Amiri, a veteran of the war against the Baath regime, said the road was safe.",
     "veteran of the war against the Baath regime"),
    ("Um Hussein, a 60-year-old widow in Chibayish, said the road was safe.", "60-year-old widow in Chibayish"),
])
def test_an_indefinite_description_after_a_person_is_the_role(extractor: QuoteExtractor, text: str, role: str
                                                              ) -> None:
    q = one(run(extractor, text), "road was safe")
    assert q.speaker_id is not None and q.speaker_role == role


def test_an_outlets_own_service_is_the_via(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "Speaking to the BBC's Arabic service, Muqtada al-Sadr said the count had been rigged."),
            "count had been rigged")
    assert q.speaker_id == "muqtada-al-sadr" and q.via_id == "bbc"


def test_a_varied_title_is_checked_for_other_titles_only_after_its_person(extractor: QuoteExtractor) -> None:
    text = ("Nouri al-Maliki, the former prime minister, has argued that a rapid withdrawal would leave Iraq "
            "exposed, two people familiar with the talks said.\n\n"
            "Qais al-Khazali takes a different view. In a televised interview last week, the Asaib Ahl al-Haq "
            "leader said the presence of foreign forces had no legal basis.")
    assert one(run(extractor, text), "no legal basis").speaker_id == "qais-al-khazali"


def test_he_is_the_one_person_the_sentence_before_is_about(extractor: QuoteExtractor) -> None:
    text = ('"We protect everyone here," Waad Qado said.\n\n'
            "Rayan al-Kildani did not respond to a request for comment. In the past, he has rejected "
            'criticism of his movement as "politically motivated."')
    assert one(run(extractor, text), "rejected criticism").speaker_id == "rayan-al-kildani"


def test_a_name_ending_in_a_place_name_speaks_unnamed(extractor: QuoteExtractor) -> None:
    # the mention finder only finds the town in the family name
    text = ("Mahdi Taqi al-Amirli told Rudaw the army had not fired at the crowd. "
            "He added that the soldiers had stayed in their barracks.")
    quotes = run(extractor, text)
    for fragment in ("not fired at the crowd", "stayed in their barracks"):
        q = one(quotes, fragment)
        assert q.speaker_id is None and q.speaker_role == "Mahdi Taqi al-Amirli" and q.via_id == "rudaw"


def test_a_persons_advisers_speak_unnamed(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "Sudani's advisers privately concede that the bill has little chance of passing this year."),
            "little chance")
    assert q.speaker_id is None and q.speaker_role == "Sudani's advisers"


def test_a_title_after_a_dateline_keeps_the_person_named_before(extractor: QuoteExtractor) -> None:
    # a caption names the prime minister above the lead, whose dateline the parser makes the subject
    text = ("Prime Minister Mohammed Shia al-Sudani speaks to reporters in Baghdad on March 3.\n\n"
            "BAGHDAD, March 4 (Reuters) - Iraq's prime minister vowed on Monday to protect foreign missions "
            "after a rocket attack near the embassy, saying those responsible would be hunted down.")
    q = one(run(extractor, text), "protect foreign missions")
    assert q.speaker_id == "mohammed-shia-al-sudani"


def test_a_title_in_the_lead_is_its_holder_named_later(extractor: QuoteExtractor) -> None:
    text = ("BAGHDAD, Feb 1 (Reuters) - Iraq's prime minister vowed on Thursday to protect foreign missions "
            "after a rocket attack near the embassy.\n\n"
            '"We will not be intimidated by anyone," Mohammed Shia al-Sudani told a news conference.')
    q = one(run(extractor, text), "protect foreign missions")
    assert q.speaker_id == "mohammed-shia-al-sudani" and q.speaker_role == "Iraq's prime minister"


def test_its_spokesman_speaks_for_the_body_that_governs_the_clause(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "Asaib Ahl al-Haq released a video in which its spokesman threatened to strike "
                           "American interests."), "threatened to strike")
    assert q.speaker_id == "asaib-ahl-al-haq" and q.speaker_role == "spokesman"


def test_with_a_source_saying_is_that_sources_statement(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The talks ended without agreement, with one Iraqi official saying the Americans had "
                           "refused to set a date."), "refused to set a date")
    assert q.speaker_id is None and q.speaker_role == "one Iraqi official"
    assert q.text == "the Americans had refused to set a date"


def test_a_subject_the_parser_hung_on_an_opening_phrase_speaks(extractor: QuoteExtractor) -> None:
    text = ("Kataib Hezbollah has been the most defiant. In a statement published on its Telegram channel, the "
            "group's security official Abu Ali al-Askari mocked the government's efforts and said the fighters "
            "would decide when to stop.")
    q = one(run(extractor, text), "decide when to stop")
    assert q.speaker_id == "abu-ali-al-askari" and q.via_id == "telegram"


def test_a_regional_body_of_an_organisation_speaks_for_it(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The PMF's Dhi Qar directorate rejected the accusations in a statement on Sunday."),
            "rejected the accusations")
    assert q.speaker_id == "pmf" and q.speaker_role == "PMF's Dhi Qar directorate"


def test_a_that_clause_the_parser_hung_on_the_object_is_reported(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "A report published on Wednesday by the Washington Institute found that Iran-backed "
                           "factions controlled at least five of Iraq's border crossings."), "border crossings")
    assert q.speaker_id == "washington-institute"
    assert q.text.startswith("Iran-backed factions controlled")


def test_a_participle_after_the_words_keeps_the_outlet_they_were_told_to(extractor: QuoteExtractor) -> None:
    text = ('Hadi al-Amiri explained to Shafaq News that "the government is unable to confront the factions at '
            'this stage," pointing out that the factions control several border crossings.')
    q = one(run(extractor, text), "border crossings")
    assert q.speaker_id == "hadi-al-amiri" and q.via_id == "shafaq-news"


@pytest.mark.parametrize("aside", ["who spoke on condition of anonymity", "who asked not to be named"])
def test_according_to_a_source_described_by_a_relative_clause_reports_the_clause_before(
        extractor: QuoteExtractor, aside: str) -> None:
    # the relative clause tells how the sources spoke, not what they said: the clause before is theirs
    text = f"A drone hit a fuel depot near the Balad air base, according to two police officers {aside}."
    q = one(run(extractor, text), "fuel depot")
    assert q.speaker_id is None and q.speaker_role is not None and q.speaker_role.startswith("two police officers")
    assert q.text == "A drone hit a fuel depot near the Balad air base"


def test_with_a_subject_and_participle_the_parser_made_its_object_is_that_subjects_statement(
        extractor: QuoteExtractor) -> None:
    # the parser makes "warning" the object of "with" and "aide" its subject
    text = ("The Coordination Framework gathered on Sunday to discuss the budget, with a senior aide warning that "
            "the talks could collapse within days.")
    q = one(run(extractor, text), "could collapse")
    assert q.speaker_id is None and q.speaker_role == "senior aide"


def test_taking_credit_is_a_claim(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The Islamic Resistance in Iraq later took credit for the drone attack on the base."),
            "took credit")
    assert q.speaker_id == "islamic-resistance-in-iraq"


@pytest.mark.parametrize("after, role", [("he asked.", None), ("asked Umm Ali, a widow from Basra.", "widow from Basra")])
def test_a_quoted_question_and_the_verb_of_asking_after_it_are_one_statement(
        extractor: QuoteExtractor, after: str, role: str | None) -> None:
    text = f'Hadi al-Amiri said the talks had failed. "Who will pay for the damage?" {after}'
    quotes = run(extractor, text)
    q = one(quotes, "Who will pay")
    assert q.text == "Who will pay for the damage?"
    assert not any(x.text in ("asked", "he asked") or x.text.startswith("asked ") for x in quotes)
    if role is None:
        assert q.speaker_id == "hadi-al-amiri"
    else:
        assert q.speaker_id != "hadi-al-amiri" and q.speaker_role == role


@pytest.mark.parametrize("text", ["Kataib Hezbollah responded within hours.",
                                  "The Interior Ministry replied on Monday evening."])
def test_a_verb_of_saying_with_only_a_time_after_it_reports_nothing(extractor: QuoteExtractor, text: str) -> None:
    assert run(extractor, text) == []


def test_a_person_keeps_the_title_written_with_their_name_in_every_statement(extractor: QuoteExtractor) -> None:
    text = ("The governor of Basra, Asaad al-Eidani, said on Monday that the port would reopen. "
            "Al-Eidani also criticised the delays in paying the dock workers.")
    q = one(run(extractor, text), "criticised the delays")
    assert q.speaker_role == "governor of Basra"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Kataib Hezbollah called Saturday evening for the closure of the US embassy.", "closure of the US embassy",
     "kataib-hezbollah"),
    ("Hadi al-Amiri called late Sunday on the government to expel the foreign troops.", "expel the foreign troops",
     "hadi-al-amiri"),
])
def test_a_day_between_the_words_of_a_cue_does_not_part_it(extractor: QuoteExtractor, text: str, fragment: str,
                                                           speaker: str) -> None:
    assert one(run(extractor, text), fragment).speaker_id == speaker


def test_a_claim_the_parser_hung_on_the_name_before_it_is_that_names(extractor: QuoteExtractor) -> None:
    # "cleric" is the root and "called" a clause on "Sistani": the verb is still his
    text = ("NAJAF - Iraq's top Shiite cleric, Grand Ayatollah Ali al-Sistani, called on Friday for an end to the "
            "killing and urged the security forces to show restraint.")
    q = one(run(extractor, text), "show restraint")
    assert q.speaker_id == "ali-al-sistani" and q.text.startswith("called on Friday for an end")


def test_a_name_blamed_in_an_aside_claims_nothing(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Kataib Hezbollah, blamed by Washington for the drone attack, has not commented.")
    assert all(q.speaker_id != "kataib-hezbollah" for q in quotes)


@pytest.mark.parametrize("verb", ["pointed to", "spoke about"])
def test_pointing_to_or_speaking_about_something_is_a_claim(extractor: QuoteExtractor, verb: str) -> None:
    q = one(run(extractor, f"Falih al-Fayyadh {verb} the losses the PMF suffered in the battle for Mosul."),
            "losses the PMF suffered")
    assert q.speaker_id == "faleh-al-fayyadh"


def test_a_name_holding_a_place_with_a_title_set_off_after_it_speaks_unnamed(extractor: QuoteExtractor) -> None:
    # the mention finder reads "Amirli" in the name as the town: the name speaks, described by its title
    q = one(run(extractor, "Jassim Hadi al-Amirli, commander of the 52nd brigade, said his men had held the road."),
            "held the road")
    assert q.speaker_id is None and q.speaker_role == "commander of the 52nd brigade"


def test_a_participle_after_a_with_phrase_the_parser_hung_on_the_verb_is_the_with_nouns(
        extractor: QuoteExtractor) -> None:
    # "saying" hangs on "denounced", beside "with ... spokesman, Y": the spokesman speaks, the claim ends before "with"
    text = ("The Iraqi government denounced the raid as an attack on the state, with the prime minister's "
            "spokesman, Basim al-Awadi, saying that the army had not been told in advance.")
    quotes = run(extractor, text)
    told = one(quotes, "not been told")
    assert told.speaker_id is not None and told.speaker_id != "iraqi-government"
    assert "with the prime minister" not in one(quotes, "denounced the raid").text


@pytest.mark.parametrize("text", ["Kataib Hezbollah is known for threatening American bases in the region.",
                                  "Qais al-Khazali, notorious for calling for the expulsion of US troops, spoke "
                                  "at the rally."])
def test_what_a_speaker_is_known_for_is_no_statement(extractor: QuoteExtractor, text: str) -> None:
    assert not any("threatening" in q.text or "calling for" in q.text for q in run(extractor, text))


@pytest.mark.parametrize("aside", ["As Michael Knights of the Washington Institute observes,",
                                   "As Hadi al-Amiri told supporters on Sunday,"])
def test_an_as_aside_with_any_verb_of_saying_gives_the_rest_of_the_sentence(extractor: QuoteExtractor,
                                                                            aside: str) -> None:
    q = one(run(extractor, f"{aside} the factions now answer to nobody but themselves."), "answer to nobody")
    assert q.speaker_id is not None and q.text == "the factions now answer to nobody but themselves"


@pytest.mark.parametrize("verb", ["revealed", "disclosed"])
def test_revealing_a_thing_is_a_claim(extractor: QuoteExtractor, verb: str) -> None:
    q = one(run(extractor, f"Hadi al-Amiri {verb} on Saturday the outline of a deal between the government and the "
                           "factions."), "outline of a deal")
    assert q.speaker_id == "hadi-al-amiri"


def test_a_search_that_reveals_a_thing_is_no_speaker(extractor: QuoteExtractor) -> None:
    assert run(extractor, "The search of the farm revealed a cache of rockets and mortar rounds.") == []


@pytest.mark.parametrize("opening, speaker", [
    ("Qais al-Khazali addressed a crowd in Baghdad. In his view,", "qais-al-khazali"),
    ("In the view of Qais al-Khazali,", "qais-al-khazali"),
    ("In the Pentagon's view,", "us-department-of-defense"),
])
def test_a_view_opening_the_sentence_makes_the_rest_its_holders(extractor: QuoteExtractor, opening: str,
                                                                 speaker: str) -> None:
    q = one(run(extractor, f"{opening} the factions will never accept a foreign timetable."), "foreign timetable")
    assert q.speaker_id == speaker and q.text == "the factions will never accept a foreign timetable"


def test_the_view_of_many_people_is_no_ones_statement(extractor: QuoteExtractor) -> None:
    assert run(extractor, "In the view of many Iraqis, the factions will never accept a foreign timetable.") == []


@pytest.mark.parametrize("later", ["The group's leader later rejected", "Its leader later rejected",
                                   "Asaib Ahl al-Haq's chief later rejected"])
def test_an_organisations_leader_is_the_person_described_as_leading_it(extractor: QuoteExtractor,
                                                                        later: str) -> None:
    text = ("The secretary-general of Asaib Ahl al-Haq, Qais al-Khazali, said on Friday that the talks would "
            "resume. \"We are patient,\" Khazali said. Asaib Ahl al-Haq won 16 seats in the last election. "
            f"{later} reports that his men had fired the rockets.")
    q = one(run(extractor, text), "fired the rockets")
    assert q.speaker_id == "qais-al-khazali"


def test_a_leader_no_one_was_described_as_stays_unnamed(extractor: QuoteExtractor) -> None:
    text = ("Asaib Ahl al-Haq won 16 seats in the last election. The group's leader later rejected reports that "
            "his men had fired the rockets.")
    q = one(run(extractor, text), "fired the rockets")
    assert q.speaker_id is None


def test_a_hyphenated_title_the_parser_split_stays_whole_in_the_role(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The secretary-general of Asaib Ahl al-Haq, Qais al-Khazali, said on Monday that the "
                           "truce would hold."), "truce would hold")
    assert q.speaker_role == "secretary-general of Asaib Ahl al-Haq"


@pytest.mark.parametrize("carrier, via", [("published by Al-Ghadeer TV", "al-ghadir-tv"),
                                          ("carried by the Iraqi News Agency", "iraqi-news-agency")])
def test_according_to_a_statement_an_outlet_carried_is_relayed_through_that_outlet(
        extractor: QuoteExtractor, carrier: str, via: str) -> None:
    text = f"Hadi al-Amiri said the alliance would not join the government, according to a statement {carrier}."
    q = one(run(extractor, text), "not join the government")
    assert q.speaker_id == "hadi-al-amiri" and q.via_id == via
    assert q.text == "the alliance would not join the government"


def test_he_said_with_no_person_to_name_is_still_a_statement(extractor: QuoteExtractor) -> None:
    # the mention finder does not know "Sudani" alone: the words are still someone's
    text = 'Sudani toured the flooded villages on Monday. "We will rebuild every house," he said.'
    q = one(run(extractor, text), "rebuild every house")
    assert q.speaker_id is None and not q.anonymous


def test_an_unnamed_source_set_after_a_named_groups_claim_reports_one_statement(extractor: QuoteExtractor) -> None:
    text = ("Kataib Hezbollah vowed on Sunday to avenge the fighters killed in the overnight strike, a senior "
            "official in the group said.")
    quotes = run(extractor, text)
    assert len(quotes) == 1, [(q.speaker_id, q.text) for q in quotes]
    assert quotes[0].speaker_id == "kataib-hezbollah"


def test_a_lead_that_describes_a_person_named_in_the_next_paragraph_is_that_persons(
        extractor: QuoteExtractor) -> None:
    text = ("The leader of an Iran-backed Iraqi militia on Friday warned Washington against new strikes.\n\n"
            "Akram al-Kaabi, who heads Harakat al-Nujaba, said in a televised speech that the resistance was "
            "ready for every scenario.")
    q = one(run(extractor, text), "against new strikes")
    assert q.speaker_id == "akram-al-kaabi"


def test_an_anonymous_source_in_the_lead_is_not_the_person_named_next(extractor: QuoteExtractor) -> None:
    text = ("A senior militia commander on Friday warned Washington against new strikes.\n\n"
            "Akram al-Kaabi, who heads Harakat al-Nujaba, said in a televised speech that the resistance was "
            "ready for every scenario.")
    q = one(run(extractor, text), "against new strikes")
    assert q.speaker_id is None


def test_a_speaker_with_a_middle_initial_after_the_words_speaks(extractor: QuoteExtractor) -> None:
    text = '"These strikes answer the attacks on our troops," said Defense Secretary Lloyd J. Austin III.'
    q = one(run(extractor, text), "answer the attacks")
    assert q.speaker_id == "lloyd-austin"


def test_a_name_holding_a_place_with_an_affiliation_after_it_speaks_unnamed(extractor: QuoteExtractor) -> None:
    # "Mansour" is also a Baghdad district; "of Chatham House" tells where the person works
    q = one(run(extractor, "Renad Mansour of Chatham House said the factions now sit inside the state."),
            "sit inside the state")
    assert q.speaker_id is None and q.speaker_role == "Renad Mansour of Chatham House"
