"""Identifier hashing and length-preserving character normalisation."""

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.model.ids import hash_bytes, make_id
from factiongraph.model.text import normalize_chars


def test_make_id_is_deterministic_and_field_sensitive() -> None:
    assert make_id("e", "a", 1) == make_id("e", "a", 1)
    assert make_id("e", "a", 1) != make_id("e", "a", 2)
    assert make_id("e", "ab", "c") != make_id("e", "a", "bc")
    assert len(hash_bytes(b"x")) == 64


def test_normalize_maps_typographic_characters() -> None:
    assert normalize_chars("Iran\u2019s \u201cmilitias\u201d\u00a0here") == 'Iran\'s "militias" here'


@given(st.text())
def test_normalize_preserves_length_and_is_idempotent(text: str) -> None:
    once = normalize_chars(text)
    assert len(once) == len(text)
    assert normalize_chars(once) == once
