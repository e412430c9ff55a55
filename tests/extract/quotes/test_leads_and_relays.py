"""Speakers a lead describes before naming them, and attributions through audiences and relays
(own invented sentences)."""

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
    return run_checked(extractor, text, "2024-05-02")


def one(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [q.text for q in quotes])
    return hits[0]


def test_told_an_audience_at_a_place_reports_the_clause_hung_on_the_place(extractor: QuoteExtractor) -> None:
    # the parser hangs "that ... must leave" on "prayers" as a relative clause, "that" as its object
    q = one(run(extractor, "Hadi al-Amiri visited Najaf on Friday. The Badr leader told worshippers at Friday "
                           "prayers that foreign troops must leave."), "foreign troops must leave")
    assert q.speaker_id == "hadi-al-amiri"


def test_an_agency_that_cited_a_source_as_saying_relays_the_source(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The Tasnim news agency cited a military source as saying that two advisers had "
                           "been wounded near the border."), "two advisers")
    assert q.speaker_id is None and q.speaker_role == "military source" and q.via_id == "tasnim"


def test_an_armed_group_a_lead_describes_is_the_group_named_after_it(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "An Iran-aligned militia said on Friday that it would answer the raids on its bases. "
                            "The Pentagon said the raids were defensive.\n\n"
                            "\"The response is a matter of time,\" Kataib Hezbollah said in a statement.")
    lead = one(quotes, "answer the raids")
    assert lead.speaker_id == "kataib-hezbollah" and not lead.anonymous


def test_a_group_a_lead_describes_after_one_was_named_stays_unnamed(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Asaib Ahl al-Haq held a rally in Basra. An armed group said on Friday that it would "
                            "answer the raids on its bases. Kataib Hezbollah said it had no role in the raids.")
    assert one(quotes, "answer the raids").speaker_id is None


@pytest.mark.parametrize("signature", ["the official news agency reported", "the agency said",
                                       "state television reported", "local media reported"])
def test_an_outlet_described_after_the_words_only_relays_them(extractor: QuoteExtractor, signature: str) -> None:
    quotes = run(extractor, f"Falih al-Fayyadh said the brigades would stay in Sinjar, {signature}.")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker_id == "faleh-al-fayyadh" and q.text == "the brigades would stay in Sinjar"


def test_the_agency_named_before_relays_the_words_it_sets_off(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "The Iraqi News Agency published an interview with the PMF chairman on Monday. "
                            "Falih al-Fayyadh said the brigades would stay in Sinjar, the agency reported.")
    q = one(quotes, "stay in Sinjar")
    assert q.speaker_id == "faleh-al-fayyadh" and q.via_id == "iraqi-news-agency"


def test_an_occasion_of_its_own_ends_the_outlet_a_speaker_spoke_to(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Nouri al-Maliki told Al-Sumaria TV that the framework would stay united. At a meeting "
                            "with tribal elders on Friday, Maliki said the cabinet had failed the south.")
    assert one(quotes, "stay united").via_id == "al-sumaria"
    assert one(quotes, "failed the south").via_id is None


# -- definite titles for a person named before ------------------------------------------------------
@pytest.mark.parametrize("text, fragment, speaker", [
    pytest.param("Abu Fadak al-Mohammadawi, the chief of staff of the PMF, and Qais al-Khazali laid wreaths. "
                 "Khazali told mourners that the blood would not be wasted. The PMF chief of staff said the fallen "
                 "had saved Iraq.", "the fallen had saved Iraq", "abu-fadak-al-mohammadawi",
                 id="a-title-owned-by-a-body-the-description-names"),
    pytest.param("Qais al-Khazali, the secretary-general of Asaib Ahl al-Haq, spoke after Hadi al-Amiri. The Asaib "
                 "leader said his movement would contest every seat.", "contest every seat", "qais-al-khazali",
                 id="a-title-owned-by-a-group-not-the-last-named"),
    pytest.param("Former prime minister Nouri al-Maliki and Hadi al-Amiri sat in the front row. The former "
                 "premier warned that the PMF law must not be touched.", "must not be touched", "nouri-al-maliki",
                 id="an-office-synonym-of-the-description"),
    pytest.param("Masrour Barzani received the US consul general in Erbil. The Kurdish prime minister said the "
                 "region needed more air defences.", "more air defences", "masrour-barzani",
                 id="an-office-the-knowledge-base-gives"),
    pytest.param("Muqtada al-Sadr pulled his ministers out of the cabinet on Monday. The Shiite cleric said the "
                 "government had failed the poor.", "failed the poor", "muqtada-al-sadr",
                 id="a-plural-title-between-is-no-one-else"),
])
def test_a_definite_title_is_the_person_it_fits(extractor: QuoteExtractor, text: str, fragment: str,
                                                speaker: str) -> None:
    assert one(run(extractor, text), fragment).speaker_id == speaker


def test_a_channel_the_parser_made_a_participles_subject_is_not_the_speaker(extractor: QuoteExtractor) -> None:
    text = ("Sadr's spokesman, Saleh Mohammed al-Iraqi, who is known as the Minister of the Leader, posted a "
            "message on his Facebook page urging calm.")
    q = one(run(extractor, text), "urging calm")
    assert q.speaker_id not in (None, "facebook") and q.speaker_role == "Sadr's spokesman"


def test_a_statement_from_the_office_of_a_person_is_that_persons(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "According to a statement from the office of Prime Minister Mohammed Shia al-Sudani, "
                           "the two delegations agreed to meet again in May."), "meet again in May")
    assert q.speaker_id == "mohammed-shia-al-sudani"


def test_a_line_linking_to_another_story_holds_no_statement(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Kataib Hezbollah said on Sunday that it would keep its weapons.\n"
                            "Read more: Sadr says the militias must disband\n"
                            "WATCH: Khazali warns Washington in a fiery speech\n"
                            "The group's statement added that the truce was over.")
    assert not any("disband" in q.text or "Washington" in q.text for q in quotes)
    assert one(quotes, "truce was over").speaker_id == "kataib-hezbollah"


def test_an_outlet_citing_a_source_in_commas_before_its_verb_relays_the_source(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "The Wall Street Journal, citing Iraqi officials, reported that the drones had "
                           "been flown in from Iran."), "flown in from Iran")
    assert q.speaker_id is None and q.speaker_role == "Iraqi officials" and q.via_id == "wall-street-journal"


def test_according_to_sources_who_spoke_to_an_outlet_is_relayed_by_it(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "According to two Iraqi officials who spoke to The Washington Post, the brigade had "
                           "moved its launchers across the border."), "moved its launchers")
    assert q.speaker_id is None and q.via_id == "washington-post"


@pytest.mark.parametrize("text", ["Kataib Hezbollah has long claimed the right to strike foreign forces.",
                                  "The Badr Organization has always claimed a role as the guardian of Diyala."])
def test_a_right_or_role_claimed_is_a_claim(extractor: QuoteExtractor, text: str) -> None:
    quotes = run(extractor, text)
    assert len(quotes) == 1 and quotes[0].text.startswith("claimed")


def test_claiming_lives_is_no_claim(extractor: QuoteExtractor) -> None:
    assert run(extractor, "The bombing in Sadr City claimed the lives of twelve people.") == []


def test_a_title_an_organisation_qualifies_is_a_person_not_the_organisation(extractor: QuoteExtractor) -> None:
    alone = one(run(extractor, "The PMF chairman said the brigades would stay in Sinjar."), "stay in Sinjar")
    assert alone.speaker_id is None and alone.speaker_role == "PMF chairman"
    named = one(run(extractor, "Falih al-Fayyadh toured the front on Monday. The PMF chairman said the brigades "
                               "would stay in Sinjar."), "stay in Sinjar")
    assert named.speaker_id == "faleh-al-fayyadh"


def test_a_person_whose_surname_is_a_district_is_no_place(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Renad Mansour, who heads a research programme at Chatham House, said the factions "
                            "had captured the state.\n\n"
                            "\"They have ministries and budgets now,\" he said.\n\n"
                            "Mansour said the strikes had changed little.")
    assert len(quotes) == 3
    assert all(q.speaker_id != "mansour" for q in quotes)
    assert len({q.speaker_role for q in quotes}) == 1


def test_a_title_written_before_the_second_of_two_names_is_only_its_own(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Iraqi Prime Minister Mohammed Shia al-Sudani and US President Joe Biden met in "
                            "Washington on Monday. Biden said the partnership would deepen. The Iraqi leader, for "
                            "his part, said his government would protect the advisers.")
    assert one(quotes, "partnership would deepen").speaker_role == "US President"
    assert one(quotes, "protect the advisers").speaker_id == "mohammed-shia-al-sudani"


def test_a_statement_received_by_an_agency_is_not_the_agencys(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "A statement by the ministry, received by the Iraqi News Agency (INA), stated that "
                           "\"the minister chaired a meeting of the border commanders.\""), "border commanders")
    assert q.speaker_id != "iraqi-news-agency" and q.via_id == "iraqi-news-agency"


def test_a_press_conference_followed_by_an_agency_reached_the_reader_through_it(extractor: QuoteExtractor) -> None:
    q = one(run(extractor, "Hadi al-Amiri stated in a press conference followed by Shafaq News Agency that the "
                           "budget would pass within days."), "budget would pass")
    assert q.speaker_id == "hadi-al-amiri" and q.via_id == "shafaq-news"


def test_the_question_an_outlet_put_is_no_statement(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "In an interview, The National asked Fuad Hussein whether Baghdad could stay out of the "
                            "conflict. \"We have no other choice at all,\" the foreign minister said.")
    assert [q.speaker_id for q in quotes] == ["fuad-hussein"]


def test_a_name_set_off_after_a_title_keys_the_unnamed_speaker(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "The head of the region's Department of Foreign Relations, Safeen Dizayee, said the "
                            "shelling was a crime. Dizayee told reporters that Erbil would complain to Baghdad.")
    first, second = one(quotes, "was a crime"), one(quotes, "complain to Baghdad")
    assert first.speaker_role == "head of the region's Department of Foreign Relations"
    assert second.speaker_role == first.speaker_role


def test_a_with_phrase_inside_the_reported_clause_is_its_subjects_own_statement(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "A Shiite armed group in Iraq said on Tuesday it would halt attacks on US forces, with "
                            "a senior aide to its leader warning that the pause could end at any time.")
    main = one(quotes, "halt attacks")
    aide = one(quotes, "could end at any time")
    assert "aide" not in main.text and aide.speaker_role == "senior aide to its leader"
