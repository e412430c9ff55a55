"""Word gates (factiongraph.extract.view.cues): they may only skip spans the trigger regexes cannot match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.extract.view.cues import cue_words, holds_any, lowercase_copy
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.quotes.extractor import QuoteExtractor
from factiongraph.extract.relations.extractor import RelationExtractor
from factiongraph.extract.view.sentences import load_rule_file
from tests.extract.factory import default_kb, make_context

_QUOTES = load_rule_file("quotes")
_RELATIONS = load_rule_file("relations")
VOCABULARIES = {
    "quote cues": [str(w) for k in ("say_verbs", "claim_verbs", "according", "continuation_say",
                                    "continuation_other") for w in _QUOTES[k]],
    "affiliation": [str(w) for k in ("affiliation_triggers", "front_triggers") for w in _RELATIONS[k]],
    "commands": [str(w) for k in ("commands_triggers", "commands_verbs", "opposes_verbs") for w in _RELATIONS[k]],
    "umbrella": [str(w) for k in ("umbrella_triggers", "membership_nouns") for w in _RELATIONS[k]],
}


def _trigger_regex(phrases: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def test_cue_words_are_the_longest_words_without_covered_ones() -> None:
    assert cue_words(["Said", "says", "saying", "pointed out", "set up", "  "]) == ("pointed", "said", "saying", "says", "set")
    assert cue_words(["affiliate", "affiliated", "affiliates"]) == ("affiliate",)


def test_lowercase_copy_keeps_offsets_or_gives_none() -> None:
    text = "\u201cWe will respond,\u201d the KH spokesman SAID in Baghdad\u2019s Karrada."
    low = lowercase_copy(text)
    assert low is not None and len(low) == len(text) and "said" in low
    for trap in ("\u0130stanbul", "Diyarbak\u0131r", "\u017fays"):
        assert lowercase_copy(f"A trip to {trap}.") is None


def test_holds_any_looks_only_inside_the_span() -> None:
    low = "rockets hit. the group said it fired them."
    assert holds_any(low, ("said",), 13, len(low))
    assert not holds_any(low, ("said",), 0, 12)
    assert holds_any(None, ("said",), 0, 12)  # no lowercase copy: every span may match


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
@given(data=st.data())
def test_a_span_the_trigger_regex_matches_always_passes_the_gate(name: str, data: st.DataObject) -> None:
    phrases = VOCABULARIES[name]
    pieces = data.draw(st.lists(st.one_of(
        st.sampled_from(phrases).map(lambda p: p.upper() if len(p) % 2 else p.title()),
        st.sampled_from(phrases),
        st.text(alphabet=st.sampled_from("ab \n,.-\u2019\u201c\u0130\u0131\u017fSsAIi"), max_size=8)), max_size=6))
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    words = cue_words(phrases)
    if _trigger_regex(phrases).search(text, start, end):
        assert holds_any(lowercase_copy(text), words, start, end)


_SAMPLE = Path(__file__).parents[3] / "factiongraph" / "data" / "sample"


@pytest.mark.parametrize("name", ["01_dora_raid_tigrisdispatch", "03_soleimani_muhandis_strike_crescentwire",
                                  "05_hashimi_killing_tigrisdispatch", "11_sudani_faction_weapons_crescentwire"])
def test_gates_change_no_quote_and_no_relation(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = default_kb()
    quotes, relations = QuoteExtractor(kb), RelationExtractor(kb)
    text = (_SAMPLE / f"{name}.txt").read_text(encoding="utf-8")
    gated = (quotes.extract(make_context(text, "2022-05-01")), relations.extract(make_context(text, "2022-05-01")))
    assert gated[0] and gated[1]
    monkeypatch.setattr(DocView, "holds_any", lambda self, words, start, end: True)  # scan every sentence
    assert (quotes.extract(make_context(text, "2022-05-01")), relations.extract(make_context(text, "2022-05-01"))) == gated
