"""Statements set as paragraphs of their own: interview transcripts ("Name: words") and a
statement introduced by a clause that ends with a colon (own invented texts, real model)."""

from __future__ import annotations

import pytest

from factiongraph.extract.quotes.extractor import QuoteExtractor
from factiongraph.model import Quote
from tests.extract.factory import default_kb
from tests.extract.quotes.helpers import run_checked

pytestmark = pytest.mark.slow

INTERVIEW = (
    "Hadi al-Amiri spoke to the paper in Baghdad last week about the future of the factions.\n\n"
    "Q: What is the future of the PMF?\n\n"
    "Hadi al-Amiri: The PMF will stay as long as Iraq needs it. Nobody can dissolve it by decree.\n\n"
    "We have thousands of fighters who defended the country when the army collapsed.\n\n"
    "Q: And the American forces?\n\n"
    "Amiri: They must leave this year. We gave the government more than enough time.\n\n"
    "What happens if they stay?\n\n"
)


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor(default_kb())


def run(extractor: QuoteExtractor, text: str) -> list[Quote]:
    return run_checked(extractor, text, "2023-03-01")


def test_transcript_answers_their_continuations_and_no_questions(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, INTERVIEW)
    texts = {q.text: q for q in quotes}
    first = next(q for t, q in texts.items() if t.startswith("The PMF will stay"))
    assert first.speaker_id == "hadi-al-amiri" and "by decree" in first.text  # the whole paragraph
    assert first.evidence[0].producer == "rule.quote-transcript.v1"
    assert any(t.startswith("We have thousands") and q.speaker_id == "hadi-al-amiri" for t, q in texts.items())
    assert any(t.startswith("They must leave") and q.speaker_id == "hadi-al-amiri" for t, q in texts.items())
    assert not any("future of the PMF" in t or "if they stay" in t for t in texts)  # questions are not his


def test_one_name_line_is_no_transcript(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "Hadi al-Amiri: The PMF will stay as long as Iraq needs it, and nobody can dissolve it.\n\n"
                            "The parliament meets again on Sunday to debate the budget for the coming year.")
    assert [q.speaker_id for q in quotes] == ["hadi-al-amiri"]


def test_a_dateline_or_heading_with_a_colon_is_no_speaker(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "BAGHDAD: Iraqi security forces arrested five suspects in the south of the capital.\n\n"
                            "Iraq: the new budget leaves the factions with more money than last year.")
    assert quotes == []


@pytest.mark.parametrize("intro, speaker, via", [
    ("Kataib Hezbollah said in a statement on Telegram:", "kataib-hezbollah", "telegram"),
    ("In a statement, Kataib Hezbollah said:", "kataib-hezbollah", None),
])
def test_a_statement_set_as_the_next_paragraph(extractor: QuoteExtractor, intro: str, speaker: str,
                                               via: str | None) -> None:
    quotes = run(extractor, f"{intro}\n\nThe occupation forces will pay a heavy price for this crime against our people.")
    q = next(q for q in quotes if q.text.startswith("The occupation forces"))
    assert q.speaker_id == speaker and q.evidence[0].producer == "rule.quote-block.v1"
    if via is not None:
        assert q.via_id == via


def test_only_the_next_paragraph_follows_the_colon(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, "The ministry said in a statement:\n\nThe attack on the base was a criminal act that "
                            "targets the security of the country.\n\nThe base hosts troops of the coalition "
                            "and has been attacked four times this year.")
    assert [q.text[:10] for q in quotes] == ["The attack"]


@pytest.mark.parametrize("told", ["Hadi al-Amiri spoke to reporters in Basra on Sunday.",
                                  "Hadi al-Amiri addressed supporters in Basra on Sunday.",
                                  "Hadi al-Amiri gave a televised speech on Sunday."])
def test_a_quoted_paragraph_after_someone_spoke_is_theirs(extractor: QuoteExtractor, told: str) -> None:
    quotes = run_checked(extractor, f"{told}\n\n\"The Americans must go, and they will go. There is no other "
                                    "way.\"\n\n", "2024-02-05")
    assert [(q.speaker_id, q.text.startswith("The Americans must go")) for q in quotes] == [("hadi-al-amiri", True)]


def test_a_quoted_paragraph_after_a_meeting_is_nobodys(extractor: QuoteExtractor) -> None:
    quotes = run_checked(extractor, "Hadi al-Amiri met the prime minister in Baghdad on Sunday.\n\n\"The "
                                    "Americans must go, and they will go. There is no other way.\"\n\n", "2024-02-05")
    assert quotes == []


def test_a_first_name_labels_the_one_person_it_begins(extractor: QuoteExtractor) -> None:
    quotes = run(extractor, INTERVIEW.replace("Hadi al-Amiri: ", "Hadi: ").replace("Amiri: ", "Hadi: "))
    assert {q.speaker_id for q in quotes} == {"hadi-al-amiri"} and len(quotes) >= 2


def test_said_that_and_a_colon_then_the_paragraph(extractor: QuoteExtractor) -> None:
    text = ("The Badr Organisation said in its statement that:\n"
            "The government must hold early elections and protect the protesters from any attack.\n")
    quotes = run(extractor, text)
    assert len(quotes) == 1 and quotes[0].speaker_id == "badr-organisation"
    assert quotes[0].text.startswith("The government must hold early elections")


@pytest.mark.parametrize("about", ["Jassim Mohammed, a 52-year-old farmer, lost his house in the flood.",
                                   "Jassim Mohammed was in no mood to wait any longer."])
def test_a_quoted_paragraph_after_a_sentence_about_one_person_is_theirs(extractor: QuoteExtractor,
                                                                        about: str) -> None:
    text = (f"The Kataib Hezbollah militia said it would rebuild the road.\n\n{about}\n\n\"Nobody from the "
            "government has come here in three months. We are on our own.\"\n\n")
    quotes = run_checked(extractor, text, "2024-02-05")
    q = next(q for q in quotes if q.text.startswith("Nobody from the government"))
    assert q.speaker_id is not None and q.speaker_id.startswith("ent-")


def test_a_transcript_label_in_capitals_the_splitter_cut_off_is_the_person_named_before(
        extractor: QuoteExtractor) -> None:
    # "AMIRI:" is cut off as a sentence of its own; the label is the surname of the guest introduced
    text = ("PRESENTER: With us from Baghdad is Hadi al-Amiri, head of the Badr Organization.\n\n"
            "AMIRI: Thank you for the invitation.\n\n"
            "PRESENTER: Will the factions hand over their weapons?\n\n"
            "AMIRI: No faction will give up its weapons while foreign troops remain on our soil.\n\n")
    q = one_text(run(extractor, text), "No faction will give up")
    assert q.speaker_id == "hadi-al-amiri" and q.evidence[0].producer == "rule.quote-transcript.v1"


def one_text(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


def test_answers_set_out_as_a_lines_are_the_one_person_the_interview_named_before_its_questions(
        extractor: QuoteExtractor) -> None:
    text = ("Hadi al-Amiri leads the Badr Organization. We met him in Baghdad.\n\n"
            "Q: Will the PMF survive the new law?\n\n"
            "A: It will survive, because the people who fought for it are still here.\n\n"
            "Q: And the Americans?\n\n"
            "A: They have to leave. We gave the government enough time to arrange it.\n\n")
    quotes = run(extractor, text)
    assert {q.speaker_id for q in quotes} == {"hadi-al-amiri"}
    assert one_text(quotes, "They have to leave").evidence[0].producer == "rule.quote-transcript.v1"
    assert not any("Americans" in q.text or "survive the new law" in q.text for q in quotes)
