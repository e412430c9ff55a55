"""Later last-name references to a person named in full (``rule.doc-name-repeat.v1``)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.model import EntityType, Mention
from factiongraph.nlp import NlpPipeline
from factiongraph.nlp.repeats import (DOC_NAME_REPEAT_PRODUCER, DOC_ORG_REPEAT_PRODUCER, add_group_repeats,
                                      add_name_repeats, last_name_forms, whole_word_spans)
from tests.resolve.factory import make_document


def test_last_name_forms() -> None:
    assert last_name_forms("Ali al-Zaidi") == ("al-Zaidi", "Al-Zaidi", "Zaidi")
    assert last_name_forms("Wayne Marotto") == ("Marotto",)
    assert last_name_forms("Sadr") == ()
    assert last_name_forms("Ali Hu") == ()  # too short to be telling


def _mentions(text: str, names: dict[str, EntityType]) -> list[Mention]:
    out = []
    for name, etype in names.items():
        for match in re.finditer(re.escape(name), text):
            out.append(Mention(doc_id="d", start=match.start(), end=match.end(), text=name, type=etype,
                               producer="test", confidence=1.0, entity_id=None))
    return sorted(out, key=lambda m: m.start)


def _added(text: str, names: dict[str, EntityType], known: dict[str, EntityType] | None = None) -> list[str]:
    known = known or {}
    found = add_name_repeats(_mentions(text, names), text, "d", lambda s, e: (0, len(text), True),
                             lambda name: known.get(name.lower()), lambda name: None)
    return [m.text for m in found if m.producer == DOC_NAME_REPEAT_PRODUCER]


def test_a_later_last_name_becomes_a_person_mention() -> None:
    text = "Ali al-Zaidi spoke on Sunday. Zaidi, speaking to reporters, said no. Al-Zaidi left."
    assert _added(text, {"Ali al-Zaidi": EntityType.PERSON}) == ["Zaidi", "Al-Zaidi"]


def test_longer_names_places_and_earlier_text_are_left_alone() -> None:
    text = ("Zaidi Street was closed. Ali al-Zaidi spoke. Hussein al-Zaidi, a lawmaker, disagreed. "
            "The Zaidi Brigade fought. Hakim said nothing.")
    assert _added(text, {"Ali al-Zaidi": EntityType.PERSON, "Hussein al-Zaidi": EntityType.PERSON}) == []
    text = "Ammar al-Hakim spoke. Hakim is a district. Hakim said no."
    assert _added(text, {"Ammar al-Hakim": EntityType.PERSON}, {"hakim": EntityType.PLACE}) == []


def test_an_unknown_groups_name_found_once_is_found_again() -> None:
    text = ("Al-Shabaab fighters storm base\n\nAl-Shabaab militants attacked the base. The Al-Shabaab Media Office "
            "said. The Al-Shabaab group denied it.")
    first = Mention(doc_id="d", start=0, end=10, text="Al-Shabaab", type=EntityType.ARMED_GROUP, producer="test",
                    confidence=1.0, entity_id=None)
    found = add_group_repeats([first], text, "d", lambda s, e: (0, len(text), True))
    added = [(m.start, m.type) for m in found if m.producer == DOC_ORG_REPEAT_PRODUCER]
    assert added == [(text.index("Al-Shabaab militants"), EntityType.ARMED_GROUP),  # not inside a longer name
                     (text.index("Al-Shabaab group"), EntityType.ARMED_GROUP)]


def test_only_people_lend_their_last_name() -> None:
    text = "The Badr Organisation spoke. Organisation officials said no."
    assert _added(text, {"Badr Organisation": EntityType.ARMED_GROUP}) == []


def test_a_nationality_run_into_a_name_is_no_last_name(nlp_pipeline: NlpPipeline) -> None:
    # the model may read "Faisal Hussein Iraqi" as one name: "Iraqi" later is still an adjective
    text = "Faisal Hussein Iraqi and Iranian officials met. Iraqi and Iranian officials met again."
    mentions = nlp_pipeline.annotate(make_document(text, "doc-1")).mentions
    assert all(m.text not in ("Iraqi", "Iranian") for m in mentions), [m.text for m in mentions]


_WORD_PIECES = ["Zaidi", "al-Zaidi", "Al-Zaidi", "Zaidiya", "Kataib", "Kataib Hezbollah", "Hezbollah", " ", "\n",
                "-", "'", "\u2019", "_", "s", "1", "é", "²", ",", "."]


def _pattern_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    return [m.span() for m in pattern.finditer(text)]


@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=14).map("".join),
       st.lists(st.sampled_from(["Zaidi", "al-Zaidi", "Al-Zaidi", "Kataib Hezbollah", "Kataib", "Hezbollah", "é"]),
                min_size=1, max_size=4, unique=True))
def test_whole_word_spans_are_the_patterns_matches(text: str, words: list[str]) -> None:
    """The str.find search finds what the whole-word pattern it replaces finds, in the same order."""
    ordered = sorted(words, key=len, reverse=True)
    assert list(whole_word_spans(text, ordered)) == _pattern_spans(text, ordered)


def test_whole_word_spans_prefers_the_first_word_at_a_position() -> None:
    # "Kataib Hezbollahs": the longer word runs on, the shorter one ends a word
    text = "Kataib Hezbollah and Kataib-x and Kataib Hezbollahs, Kataib."
    words = ["Kataib Hezbollah", "Kataib"]
    assert list(whole_word_spans(text, words)) == _pattern_spans(text, words) == [(0, 16), (34, 40), (53, 59)]
