"""Hard-wrapped paragraphs are joined in place (clean/unwrap.py); other line breaks stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.clean.unwrap import unwrap

WRAPPED = (
    "Militia denies role in drone attack\n"
    "\n"
    "Kataib Hezbollah on Tuesday denied any involvement in the\n"
    "drone attack on Erbil airport, saying the accusations were part of a campaign to\n"
    "tarnish the resistance.\n"
    "\n"
    "Abu Ali al-Askari, the group's security official, said in a statement that the\n"
    "faction had not carried out any operation in the Kurdistan Region since the truce\n"
    "was announced in January.\n"
    "\n"
    "\"We have evidence about who did this,\" Kurdistan Region Interior Minister Reber\n"
    "Ahmed told reporters at the airport.\n"
)


def test_wrapped_paragraphs_become_one_line_each() -> None:
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    paragraphs = [p for p in out.split("\n") if p]
    assert paragraphs[0] == "Militia denies role in drone attack"
    assert paragraphs[1].startswith("Kataib Hezbollah") and paragraphs[1].endswith("tarnish the resistance.")
    assert "Reber Ahmed told reporters" in paragraphs[3]  # a capital after the break: wrapped throughout
    assert out.count("\n\n") == WRAPPED.count("\n\n")  # paragraph breaks untouched


def test_unwrapped_pages_keep_their_lines() -> None:
    page = ("Home\nNews\nWorld\nIraqi security forces stand guard near the embassy in Baghdad\n"
            "BAGHDAD - Two rockets hit the Green Zone on Sunday, the military said.\n"
            "A second paragraph follows on its own line, as scraped pages write it.\n")
    assert unwrap(page) == page


def test_one_run_on_line_joins_only_before_lower_case() -> None:
    text = ("The minister said the government would not allow attacks on the\n"
            "embassy to go unpunished.\n"
            "Iraqi security forces stand guard near the embassy in central Baghdad\n"
            "BAGHDAD - Rockets hit the Green Zone on Sunday.\n")
    out = unwrap(text)
    assert "on the embassy to go" in out
    assert "central Baghdad\nBAGHDAD" in out  # a caption over the dateline stays apart


def test_a_line_ending_on_a_comma_or_a_function_word_goes_on_before_a_capital() -> None:
    text = ("The commander, a senior figure in one of the armed factions in the\n"
            "Popular Mobilization Forces, denied that his group was behind the rocket\n"
            "attack on the airport. The leader of the other large faction in the capital,\n"
            "Qais al-Khazali, said the attack served the interests of Washington.\n"
            "Iraqi security forces stand guard near the embassy in central Baghdad\n"
            "BAGHDAD - Rockets hit the Green Zone on Sunday.\n")
    out = unwrap(text)
    assert "factions in the Popular Mobilization Forces" in out
    assert "in the capital, Qais al-Khazali" in out
    assert "central Baghdad\nBAGHDAD" in out  # a caption over the dateline stays apart


@given(st.text(alphabet=st.sampled_from(list("ab .,\nA")), max_size=300))
def test_only_newlines_change_and_length_is_kept(text: str) -> None:
    out = unwrap(text)
    assert len(out) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out))
