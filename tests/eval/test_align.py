"""Text alignment between gold strings and cleaned predicted texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.eval.align import (
    NormalText,
    is_word_bounded,
    normalize_string,
    normalize_surface,
    pick_nearest,
)
from factiongraph.eval.cleaning import is_leak
from factiongraph.eval.context import DocPair
from factiongraph.eval.gold import GoldDocument
from factiongraph.eval.records import PredictedDocument


def test_normal_form_maps_back_to_original_offsets() -> None:
    text = "Iran\u2019s  envoy\n\nsaid:\u00a0\u201cno\u201d."
    norm = NormalText.build(text)
    assert norm.norm == "Iran's envoy said: \"no\"."
    [(start, end)] = norm.find_all("envoy said: \u201cno\u201d")
    assert text[start:end] == "envoy\n\nsaid:\u00a0\u201cno\u201d"


def test_all_occurrences_and_html_entities() -> None:
    norm = NormalText.build("A & B met A & B.")
    assert len(norm.find_all("A & B")) == 2
    assert len(norm.find_all("A &amp; B")) == 2
    assert norm.find_all("C") == []
    assert norm.find_all("   ") == []


def test_surface_keys() -> None:
    assert normalize_surface("Qais  Khazali\u2019s") == "qais khazali"
    assert normalize_surface("the Popular Mobilisation Forces") == "popular mobilisation forces"
    assert normalize_surface("PMF") == normalize_surface("pmf")
    assert normalize_string(" a\tb \n") == "a b"


def test_word_bounds_and_nearest() -> None:
    text = "Counter-Terrorism Service; Terrorisms"
    start = text.index("Terrorism")
    assert is_word_bounded(text, start, start + 9)
    later = text.index("Terrorisms")
    assert not is_word_bounded(text, later, later + 9)
    assert pick_nearest([(0, 1), (50, 51)], 100, 0.6) == (50, 51)
    assert pick_nearest([(0, 1), (50, 51)], 100, None) == (0, 1)
    assert pick_nearest([], 100, 0.5) is None


def make_pair(text: str, blocks: list[tuple[str, int, int]], gold_text: str) -> DocPair:
    """Return a DocPair for a predicted text and an original corpus text."""
    gold = GoldDocument("x.txt", None, None, None, None, (), (), (), (), (), (), ())
    pred = PredictedDocument("d", "x.txt", text, blocks)
    return DocPair(gold, pred, NormalText.build(text), NormalText.build(gold_text))


def test_locate_survives_reflowed_text_and_prefers_content() -> None:
    original = "Title\r\n\r\nThe raid\u00a0happened.\r\n\r\nChrome: The raid happened.\r\n"
    cleaned = "Title\nThe raid happened.\nChrome: The raid happened.\n"
    body_end = cleaned.index("Chrome")
    pair = make_pair(cleaned, [("body", 0, body_end), ("boilerplate", body_end, len(cleaned))],
                     original)
    span = pair.locate("The raid\u00a0happened.")
    assert span is not None and cleaned[span[0]:span[1]] == "The raid happened."
    assert span[0] < body_end


def test_short_chrome_inside_a_sentence_is_not_a_leak() -> None:
    text = "Terrorism\nThe Counter-Terrorism Service acted.\nDo you like this article? Yes.\n"
    pair = make_pair(text, [("body", 0, len(text))], text)
    spans = pair.find("Terrorism")
    assert [is_leak(pair, "Terrorism", s) for s in spans] == [True, False]
    long = pair.find("Do you like this article?")
    assert is_leak(pair, "Do you like this article?", long[0])


@given(st.text(alphabet=" \t\n\u00a0ab\u2019'", max_size=40), st.text(alphabet="ab'", min_size=1,
                                                                       max_size=4))
def test_found_spans_normalise_to_the_needle(text: str, needle: str) -> None:
    norm = NormalText.build(text)
    for start, end in norm.find_all(needle):
        assert normalize_string(text[start:end]) == normalize_string(needle)
