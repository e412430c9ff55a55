"""Tests for factiongraph.kb.names: look-up keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.kb.names import consonant_key, normalize_name, strip_article


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


@pytest.mark.parametrize(("one", "other"), [
    ("Khaniqeen", "Khanaqin"), ("Nasriya", "Nasiriyah"), ("Tuz Khormato", "Tuz Khurmatu"),
    ("Balad Ruz", "Baladrūz"), ("Kirkouk", "Kirkuk"), ("al-Yusufiya", "Yusufiyah"),
])
def test_spellings_of_one_place_share_their_consonants(one: str, other: str) -> None:
    assert consonant_key(normalize_name(one)) is not None
    assert consonant_key(normalize_name(one)) == consonant_key(normalize_name(other))


@pytest.mark.parametrize(("one", "other"), [
    ("Baghdadi", "Baghdad"), ("Tikriti", "Tikrit"),  # a nisba is not its town
    ("Hassan", "Husseiniya"),
])
def test_different_names_keep_different_consonants(one: str, other: str) -> None:
    assert consonant_key(normalize_name(one)) != consonant_key(normalize_name(other))


def test_names_of_few_consonants_have_no_consonant_key() -> None:
    assert consonant_key(normalize_name("Hit")) is None  # too few letters to tell places apart
    assert consonant_key(normalize_name("Mosul")) is None

