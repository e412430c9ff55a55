"""Quote and reported-claim patterns on hand-written paragraphs, through the real nlp/resolve stages."""

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
    return run_checked(extractor, text, "2022-05-01")


def by_text(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [q.text for q in quotes])
    return hits[0]


def test_reported_speech_with_pronoun_continuation_keeps_via(extractor: QuoteExtractor) -> None:
    text = ("Kataib Hezbollah will not give up its weapons, Qais al-Khazali told Rudaw on Sunday.\n"
            '"The factions are stronger than they were a year ago," he said.')
    quotes = run(extractor, text)
    first = by_text(quotes, "will not give up its weapons")
    second = by_text(quotes, "stronger than they were")
    assert first.speaker_id == second.speaker_id == "qais-al-khazali"
    assert first.via_id == second.via_id == "rudaw"
    assert "kataib-hezbollah" in first.about
    assert "told Rudaw" not in first.text


def test_direct_quote_then_separate_quoted_paragraph(extractor: QuoteExtractor) -> None:
    text = ('"Nobody in the government wants another war," Hadi al-Amiri said.\n'
            '"We will defend the state against anyone who threatens it."')
    quotes = run(extractor, text)
    assert len(quotes) == 2
    assert {q.speaker_id for q in quotes} == {"hadi-al-amiri"}
    assert by_text(quotes, "another war").evidence[0].producer == "rule.quote-reported.v4"
    assert by_text(quotes, "defend the state").evidence[0].producer == "rule.quote-continuation.v3"


def test_two_quoted_sentences_attributed_once_are_one_quote(extractor: QuoteExtractor) -> None:
    text = '"The raid was lawful. It was ordered by a judge," Hadi al-Amiri said.'
    quotes = run(extractor, text)
    assert len(quotes) == 1 and "ordered by a judge" in quotes[0].text


def test_surname_only_refers_to_last_named_speaker(extractor: QuoteExtractor) -> None:
    text = ("Political analyst Ahmed Sharifi told Shafaq News that the factions were divided. "
            "The militias want to keep their revenue from the border crossings, Sharifi said.")
    quotes = run(extractor, text)
    first = by_text(quotes, "factions were divided")
    second = by_text(quotes, "border crossings")
    assert first.speaker_id is not None and second.speaker_id == first.speaker_id
    assert first.speaker_role == "Political analyst" and second.speaker_role == "Political analyst"
    assert first.via_id == "shafaq-news"


def test_anonymous_source_and_definite_back_reference(extractor: QuoteExtractor) -> None:
    text = ("A senior security official in Basra told Reuters that the cell had planned more attacks. "
            '"They had drones and rockets ready in a farm outside the city," the official told Reuters '
            "on condition of anonymity.")
    quotes = run(extractor, text)
    first = by_text(quotes, "planned more attacks")
    second = by_text(quotes, "drones and rockets")
    for q in (first, second):
        assert q.speaker_id is None and q.anonymous
        assert q.speaker_role == "senior security official in Basra"
        assert q.via_id == "reuters"


def test_speaker_after_verb_with_appositive_role(extractor: QuoteExtractor) -> None:
    text = ('"The latest arrests were a turning point for the state," said Hadi al-Amiri, '
            "a veteran politician from Diyala.")
    q = by_text(run(extractor, text), "turning point")
    assert q.speaker_id == "hadi-al-amiri"
    assert q.speaker_role == "veteran politician from Diyala"


def test_according_to(extractor: QuoteExtractor) -> None:
    text = "According to Hadi al-Amiri, the talks with the government will resume next week."
    q = by_text(run(extractor, text), "talks with the government")
    assert q.speaker_id == "hadi-al-amiri"


def test_claim_verbs_give_one_quote_per_speaker(extractor: QuoteExtractor) -> None:
    text = "Kataib Hezbollah and Harakat al-Nujaba condemned the arrests and threatened to retaliate."
    quotes = run(extractor, text)
    assert {q.speaker_id for q in quotes} == {"kataib-hezbollah", "harakat-al-nujaba"}
    # one claim, one statement per speaker, each evidence from its speaker's own name
    starts = {q.speaker_id: q.text.split()[0] for q in quotes}
    assert starts == {"kataib-hezbollah": "Kataib", "harakat-al-nujaba": "Harakat"}
    assert all(q.text.endswith("threatened to retaliate") for q in quotes)


def test_scare_quotes_and_unattributed_text_are_not_quotes(extractor: QuoteExtractor) -> None:
    text = ('The militias called the raid "illegal" in leaflets. Rockets later hit the Green Zone '
            "in Baghdad.")
    assert run(extractor, text) == []


# -- mechanisms added in quotes v2 (own sentences) ------------------------------------------
def test_appositive_name_and_appositive_description(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Iraq's defence minister, Hadi al-Amiri, wrote on Twitter that the border "
                            "posts would reopen within a week.")
    q = by_text(quotes, "border posts would reopen")
    assert q.speaker_id == "hadi-al-amiri" and q.speaker_role == "Iraq's defence minister"
    assert "wrote" not in q.text
    quotes = run(extractor, "Hadi al-Amiri, the head of the Badr Organisation, denounced the curfew as "
                            "collective punishment.")
    assert by_text(quotes, "curfew").speaker_id == "hadi-al-amiri"


def test_reduced_relative_between_group_and_verb(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Asaib Ahl al-Haq, led by Qais al-Khazali, said it would boycott the new "
                            "cabinet until the budget is passed.")
    q = by_text(quotes, "boycott the new cabinet")
    assert q.speaker_id == "asaib-ahl-al-haq"


def test_relative_clause_attributions(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Troops searched a farm north of Samarra that officials said had been used "
                            "to hide explosives.")
    q = by_text(quotes, "used to hide explosives")
    assert q.speaker_id is None and q.anonymous and q.speaker_role == "officials"
    assert q.text.startswith("that officials said")
    quotes = run(extractor, "Army officers blamed the shelling on Kataib Hezbollah, which denied any "
                            "involvement in the attack.")
    assert by_text(quotes, "denied any involvement").speaker_id == "kataib-hezbollah"
    assert by_text(quotes, "blamed the shelling").speaker_role == "Army officers"


def test_bare_plural_sources_only_where_they_open_a_claim(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Kurdish officials blamed the blackout on sabotage of the power lines.")
    q = by_text(quotes, "blackout on sabotage")
    assert q.anonymous and q.speaker_role == "Kurdish officials"
    # a plain "officials said" after an event report is not taken as a statement
    assert run(extractor, "Two rockets hit a warehouse near Basra overnight, officials said.") == []


def test_it_and_the_group_said(extractor: QuoteExtractor) -> None:
    text = ("Kataib Hezbollah announced a pause in its attacks on Monday.\n"
            "In a message to its fighters, the group said it would resume operations if provoked.\n"
            "It said the pause would last for at least a month.")
    quotes = run(extractor, text)
    assert by_text(quotes, "resume operations").speaker_id == "kataib-hezbollah"
    assert by_text(quotes, "at least a month").speaker_id == "kataib-hezbollah"


def test_participle_after_attribution_is_a_second_statement(extractor: QuoteExtractor) -> None:
    text = ("The factions are weaker than they look, Hadi al-Amiri said, adding that their funding "
            "had collapsed since the spring.")
    quotes = run(extractor, text)
    assert len(quotes) == 2 and {q.speaker_id for q in quotes} == {"hadi-al-amiri"}
    assert by_text(quotes, "their funding had collapsed").text.startswith("their funding")
    quotes = run(extractor, "Qais al-Khazali toured the flooded villages, promising to rebuild every "
                            "destroyed home.")
    q = by_text(quotes, "promising to rebuild")
    assert q.speaker_id == "qais-al-khazali"


def test_according_to_sources(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "According to a Badr Organisation official, the convoy left before dawn.")
    q = by_text(quotes, "convoy left before dawn")
    assert q.speaker_id is None and q.speaker_role == "Badr Organisation official"
    quotes = run(extractor, "Three shops were looted, according to officials of the Kurdistan "
                            "Regional Government.")
    q = by_text(quotes, "shops were looted")
    assert q.speaker_id == "kurdistan-regional-government" and q.speaker_role == "officials"


def test_capital_and_list_with_possessive_tail(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "The United States, the United Nations and Iraq's allies condemned the "
                            "bombing.")
    assert {q.speaker_id for q in quotes} == {"united-states", "united-nations"}
    quotes = run(extractor, "Tehran denies arming the factions that attack US bases.")
    assert by_text(quotes, "arming the factions").speaker_id == "tehran"
    quotes = run(extractor, "Protesters in Baghdad denounced the new electricity tariffs.")
    assert all(q.speaker_id is None and q.anonymous for q in quotes)  # the protesters, never Baghdad


def test_claimed_with_an_object_is_not_a_statement(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Saraya Awliya al-Dam, which previously claimed two roadside bombings, "
                            "is little known.")
    assert quotes == []



# -- via: the outlet or channel that relayed the words ------------------------------------------


def test_told_an_outlet_the_kb_does_not_know(extractor: QuoteExtractor) -> None:
    text = "A senior Badr commander told the Tigris Herald on Sunday that the convoy had turned back."
    relayed = by_text(run(extractor, text), "convoy had turned back")
    assert relayed.via_id is not None and relayed.via_id.startswith("ent-")
    assert "Tigris Herald" not in relayed.text
    text = "A senior official told Karim al-Saadi on Sunday that the talks would resume."
    assert by_text(run(extractor, text), "talks would resume").via_id is None  # a person is told


def test_possessive_owner_between_told_and_the_outlet(extractor: QuoteExtractor) -> None:
    text = ('"We are ready for talks," Qais al-Khazali told Lebanon\'s Al-Mayadeen on Monday, adding: '
            '"But the weapons stay with the resistance."')
    quotes = run(extractor, text)
    assert {q.via_id for q in quotes} == {"al-mayadeen"}
    assert len(quotes) == 2 and all("told" not in q.text for q in quotes)


def test_carrier_in_a_phrase_opening_the_clause(extractor: QuoteExtractor) -> None:
    text = ("In a statement carried by Sabereen News, Kataib Hezbollah said it would suspend its "
            "operations against US forces.")
    q = by_text(run(extractor, text), "suspend its operations")
    assert q.speaker_id == "kataib-hezbollah" and q.via_id == "sabereen-news"


def test_carrier_after_the_verb_but_not_inside_the_reported_words(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Qais al-Khazali said in an interview broadcast by Al-Sumaria that the "
                            "elections must go ahead.")
    assert by_text(quotes, "elections must go ahead").via_id == "al-sumaria"
    quotes = run(extractor, "Qais al-Khazali said the video, published by Sabereen News, was a forgery.")
    assert by_text(quotes, "forgery").via_id is None


def test_interviewed_by_an_outlet_opening_the_clause(extractor: QuoteExtractor) -> None:
    text = "Interviewed by Kurdistan24, the mayor of Zakho said the border crossing would stay closed."
    q = by_text(run(extractor, text), "border crossing would stay closed")
    assert q.via_id == "kurdistan24"


def test_lower_case_and_particle_first_outlets_relay(extractor: QuoteExtractor) -> None:
    q = by_text(run(extractor, "A police source told alsumaria that the market was evacuated."),
                "market was evacuated")
    assert q.via_id == "al-sumaria"
    q = by_text(run(extractor, "A police officer told al-Rafidain satellite channel that the road was cut."),
                "road was cut")
    assert q.via_id is not None and q.via_id.startswith("ent-")


def test_an_outlet_that_reports_is_speaker_and_via(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Nobody was hurt in the blast, the Mosul Gazette reported.")
    q = by_text(quotes, "Nobody was hurt")
    assert q.speaker_id is not None and q.speaker_id == q.via_id
    quotes = run(extractor, "Three rockets hit the airport on Friday, according to Rudaw.")
    q = by_text(quotes, "Three rockets hit the airport")
    assert q.speaker_id == q.via_id == "rudaw"
    assert run(extractor, "The attack was reported on Friday by residents of the town.") == []


def test_closing_outlet_names_the_via_of_another_speaker(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Hadi al-Amiri said the truce would hold, the IRNA news agency reported.")
    q = by_text(quotes, "truce would hold")
    assert q.speaker_id == "hadi-al-amiri" and q.via_id == "irna"


def test_quoted_as_saying(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Al-Sumaria quoted Hadi al-Amiri as saying that the factions would not "
                            "disarm.")
    q = by_text(quotes, "factions would not disarm")
    assert q.speaker_id == "hadi-al-amiri" and q.via_id == "al-sumaria"


def test_an_unnamed_source_keeps_the_outlet_it_spoke_to(extractor: QuoteExtractor) -> None:
    text = ("An Iraqi security source said the embassy staff had left the compound.\n"
            "The source, who asked not to be named, told Reuters that the gates were closed.\n"
            "Meanwhile, witnesses told Reuters that militia leaders were among the crowd.")
    quotes = run(extractor, text)
    assert by_text(quotes, "staff had left").via_id == "reuters"
    assert by_text(quotes, "gates were closed").via_id == "reuters"
    witnesses = by_text(quotes, "militia leaders were among")
    assert witnesses.anonymous and witnesses.via_id == "reuters"


def test_he_is_never_a_plural_source(extractor: QuoteExtractor) -> None:
    text = ("Two officials told Reuters that the guards were injured.\n"
            '"I am well," he said.')
    quotes = run(extractor, text)
    assert all(q.speaker_role != "Two officials" for q in quotes if "I am well" in q.text)


def test_a_platform_named_as_the_medium_is_the_via(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Hadi al-Amiri wrote on Twitter that the factions would respond.")
    assert by_text(quotes, "factions would respond").via_id == "twitter"


def test_attribution_spans_leave_relay_phrases_and_addressees_out(extractor: QuoteExtractor) -> None:
    q = by_text(run(extractor, "Speaking to Al-Mayadeen on Sunday, Qais al-Khazali said the factions "
                               "would not disarm."), "would not disarm")
    assert q.text == "the factions would not disarm" and q.via_id == "al-mayadeen"
    q = by_text(run(extractor, "Hadi al-Amiri told reporters in Baghdad that the vote would go ahead."),
                "vote would go ahead")
    assert q.text == "the vote would go ahead"
    q = by_text(run(extractor, "Kataib Hezbollah said in a statement posted on its website that it "
                               "would halt its attacks."), "halt its attacks")
    assert q.text == "it would halt its attacks"
    quotes = run(extractor, "The minister told the Security Council that the attacks must stop.")
    assert all(q.speaker_id is None for q in quotes)  # the addressee is not the speaker


@pytest.mark.parametrize("text", [
    "The group had no role, Ali al-Zaidi was quoted as saying by the Iraqi News Agency.",
    "Ali al-Zaidi was quoted by the Iraqi News Agency as saying the group had no role.",
])
def test_quoted_as_saying_in_the_passive(extractor: QuoteExtractor, text: str) -> None:
    quotes = run(extractor, text)
    assert [(q.text, q.via_id) for q in quotes] == [
        ("The group had no role" if text.startswith("The") else "the group had no role", "iraqi-news-agency")]
    assert quotes[0].speaker_id is not None and quotes[0].speaker_id.startswith("ent-")


def test_he_said_after_a_quote_of_several_sentences(extractor: QuoteExtractor) -> None:
    """The quote's own sentences name nobody: "he" is the person named before the quote opened."""
    quotes = run(extractor, 'Ali al-Zaidi spoke to reporters on Sunday.\n\n'
                            '"We had no role in the attack. We condemn it," he said.')
    assert [q.text for q in quotes] == ["We had no role in the attack. We condemn it"]
    assert quotes[0].speaker_id is not None and quotes[0].speaker_id.startswith("ent-")
    # a person named inside an earlier quote is what was said, not who says it
    quotes = run(extractor, 'The talks went on.\n\n"Ali al-Zaidi lied to us. We condemn it," he said.')
    assert all(q.speaker_id is None for q in quotes)


def test_single_curly_quotes_are_trimmed_like_double_ones(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Ali al-Zaidi spoke on Sunday. \u2018We had no role in the attack,\u2019 he said.")
    assert [q.text for q in quotes] == ["We had no role in the attack"]


def test_plain_role_drops_the_article_only() -> None:
    from factiongraph.extract.quotes.extractor import plain_role
    assert plain_role("An Iraqi security source") == "Iraqi security source"
    assert plain_role("the Kurdish interior minister") == "Kurdish interior minister"
    assert plain_role("Anbar police chief") == "Anbar police chief"
    assert plain_role(None) is None


def test_plain_role_drops_a_linking_word_that_opened_the_sentence() -> None:
    from factiongraph.extract.quotes.extractor import plain_role
    assert plain_role("Yet some Iraqi analysts") == "some Iraqi analysts"
    assert plain_role("But the ministry") == "ministry"
    assert plain_role("Stillwater residents") == "Stillwater residents"


def test_a_rank_before_the_name_gives_way_to_the_post_after_it(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, '"One contractor was killed," Colonel Wayne Marotto, Coalition spokesman, said.')
    assert [q.speaker_role for q in quotes] == ["Coalition spokesman"]
    quotes = run(extractor, '"One contractor was killed," Colonel Wayne Marotto said.')
    assert [q.speaker_role for q in quotes] == ["Colonel"]


def test_a_role_loses_the_outlet_signature_before_it() -> None:
    from factiongraph.extract.quotes.extractor import plain_role
    assert plain_role("Baghdad Today/ A security source in Diyala") == "security source in Diyala"
    assert plain_role("RFE/RL correspondent") == "RFE/RL correspondent"


def test_a_continuation_in_the_first_person_is_a_persons_not_an_organisations() -> None:
    text = ('Hadi al-Amiri spoke to reporters in Basra. "We will stay," he said. The Badr Organization said in '
            'a statement that its fighters would hold their positions.\n\n"I have told the prime minister that '
            'my men will not leave the border."\n')
    quotes = run_checked(QuoteExtractor(default_kb()), text, "2024-02-05")
    q = next(q for q in quotes if q.text.startswith("I have told"))
    assert q.speaker_id == "hadi-al-amiri"


def test_outlet_that_carried_a_statement_is_its_via_not_its_author(extractor: QuoteExtractor) -> None:
    alone = run(extractor, "A statement carried by INA said the ministry would answer the strike soon.")
    assert len(alone) == 1
    assert alone[0].speaker_id is None and alone[0].via_id == "iraqi-news-agency"
    text = ("Kataib Hezbollah denounced the raid on Tuesday. A statement published by Sabereen News said "
            "the group would answer the raid at a time of its choosing.")
    q = by_text(run(extractor, text), "time of its choosing")
    assert q.speaker_id == "kataib-hezbollah" and q.via_id == "sabereen-news"


def test_relay_after_a_comma_or_a_during_phrase_is_the_via(extractor: QuoteExtractor) -> None:
    quoted = run(extractor, "Hadi al-Amiri said, quoted by INA, that the armed factions would keep their arms.")
    assert [(q.speaker_id, q.via_id) for q in quoted] == [("hadi-al-amiri", "iraqi-news-agency")]
    aired = run(extractor, "Hadi al-Amiri said during a speech broadcast by Al-Sumaria that the vote must go ahead.")
    assert [(q.speaker_id, q.via_id) for q in aired] == [("hadi-al-amiri", "al-sumaria")]


def test_a_lone_noun_parsed_as_a_clause_is_not_the_reported_words(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Qais al-Khazali said on his Telegram account that the armed factions would keep their arms.")
    assert [(q.text, q.via_id) for q in quotes] == [("the armed factions would keep their arms", "telegram")]


def test_an_owners_own_channel_speaks_for_the_owner_through_the_platform(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Kataib Hezbollah's Telegram channel said the fighters had hit two convoys.")
    assert [(q.speaker_id, q.via_id) for q in quotes] == [("kataib-hezbollah", "telegram")]
    text = ("Kataib Hezbollah warned Washington on Sunday. The group's Telegram channel said the fighters "
            "had hit two convoys.")
    q = by_text(run(extractor, text), "hit two convoys")
    assert (q.speaker_id, q.via_id) == ("kataib-hezbollah", "telegram")


def test_outlet_quoting_an_unnamed_source_as_saying(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Shafaq News quoted a police source as saying that a mortar round hit the market.")
    assert [(q.speaker_id, q.speaker_role, q.via_id) for q in quotes] == [(None, "police source", "shafaq-news")]
    quotes = run(extractor, "Reuters quoted two army officers as saying that the convoy had been ambushed.")
    assert [(q.speaker_id, q.via_id) for q in quotes] == [(None, "reuters")]
    assert "ambushed" in quotes[0].text


def test_aside_on_how_the_statement_reached_an_outlet_names_the_via(extractor: QuoteExtractor) -> None:
    text = ("Kataib Hezbollah said in a statement, a copy of which was obtained by Shafaq News, that its "
            "fighters would stay on alert.")
    quotes = run(extractor, text)
    assert [(q.speaker_id, q.via_id, q.text) for q in quotes] == [
        ("kataib-hezbollah", "shafaq-news", "its fighters would stay on alert")]


def test_closing_statement_phrase_names_the_channel(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Kataib Hezbollah said the base had been hit twice, in a statement posted to its "
                            "Telegram channel.")
    assert [(q.speaker_id, q.via_id, q.text) for q in quotes] == [
        ("kataib-hezbollah", "telegram", "the base had been hit twice")]
    quotes = run(extractor, "Kataib Hezbollah said the base had been hit twice, in a statement published by "
                            "Sabereen News on Monday.")
    assert [(q.via_id, q.text) for q in quotes] == [("sabereen-news", "the base had been hit twice")]


def test_a_countrys_unnamed_minister_speaks_not_the_country(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Iran's defence minister told reporters that the armed factions acted on their own.")
    assert [(q.speaker_id, q.speaker_role) for q in quotes] == [(None, "Iran's defence minister")]


def test_publishing_outlets_own_earlier_report_is_no_statement(extractor: QuoteExtractor) -> None:
    from tests.extract.factory import make_context

    text = ("The Tigris Dispatch reported last month that the factions had paused their attacks after a US "
            "strike killed a senior commander.\n")
    ctx = make_context(text, "2024-03-01")
    outlet = next((m.entity_id for m in ctx.mentions if m.text == "Tigris Dispatch"), None)
    assert outlet is not None
    ctx.document.outlet_id = outlet
    assert extractor.extract(ctx) == []
