"""Tests for factiongraph.kb.names: look-up keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.kb.names import normalize_name, strip_article


def test_typographic_variants_share_a_key() -> None:
    assert normalize_name("Kata'ib Hizballah") == normalize_name("kataib  hizballah")
    assert normalize_name("U.S.") == normalize_name("US") == "us"
    assert normalize_name("al-Qa\u2019im") == normalize_name("Al Qaim")
    assert normalize_name("Türkiye") == "turkiye"


def test_strip_article() -> None:
    assert strip_article(normalize_name("al-Dora")) == "dora"
    assert strip_article("the guardian") == "guardian"
    assert strip_article("al") == "al" and strip_article("alamein") == "alamein"


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert key == key.strip()
