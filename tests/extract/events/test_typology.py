"""Event rule data (factiongraph.extract.events.typology): patterns asked together."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.extract.events.typology import AnyPattern, load_event_rules

CUES = (re.compile(r"\bsources?\s+said\b", re.I), re.compile(r"(?<!not )\ballegedly\b", re.I),
        re.compile(r"^claimed", re.I))
WORDS = ["sources", "source", "said", "not", "allegedly", "claimed", "Claimed", "the", " ", "\n", ",", "x"]


@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))
def test_any_pattern_answers_as_the_patterns_one_by_one(text: str) -> None:
    assert AnyPattern(CUES).search_any(text) is any(p.search(text) for p in CUES)


@pytest.mark.parametrize("patterns", [
    (),  # none: nothing occurs
    (re.compile(r"(a)\1"), re.compile("b")),  # groups: not joined
    (re.compile("a", re.I), re.compile("b")),  # different flags: not joined
    (re.compile("(?i)a"), re.compile("(?i)b")),  # global inline flags join to an invalid pattern
])
def test_any_pattern_searches_one_by_one_what_it_cannot_join(patterns: tuple[re.Pattern[str], ...]) -> None:
    for text in ("", "aa", "A", "b", "xyz"):
        assert AnyPattern(patterns).search_any(text) is any(p.search(text) for p in patterns)


def test_rule_file_cues_join_and_agree() -> None:
    """The bundled certainty and responsibility cues are joined into one pattern each."""
    rules = load_event_rules()
    texts = ["A source who spoke on condition of anonymity said the group carried out the attack.",
             "The militia allegedly fired rockets.", "Islamic State claimed responsibility for the bombing.",
             "Gunmen killed two soldiers."]
    for patterns in (rules.anonymous, rules.alleged, rules.claimed, rules.responsibility):
        joined = AnyPattern(patterns)
        assert joined._joined is not None
        for text in texts:
            assert joined.search_any(text) is any(p.search(text) for p in patterns)
