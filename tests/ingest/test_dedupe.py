"""MinHash signatures, LSH band keys and similarity estimates."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.ingest import estimate_similarity, lsh_bands, minhash_signature
from factiongraph.ingest.dedupe import BANDS, NUM_PERM, normalize_for_shingles

from .factory import FIXTURES

ORIGINAL = (FIXTURES / "dedupe" / "original.txt").read_text(encoding="utf-8")
UNRELATED = (FIXTURES / "dedupe" / "unrelated.txt").read_text(encoding="utf-8")


def make_repost(text: str) -> str:
    """Return ``text`` as another site would repost it: new headline, new footer, curly quotes."""
    lines = text.strip().splitlines()
    body = "\n".join(lines[1:-1]).replace("'", "\u2019")
    return ("Farmers leave land idle as canal runs dry - regional desk\n"
            f"{body}\nThis article first appeared on a partner site. Read more stories in our daily briefing.")


def test_identical_texts_are_one() -> None:
    assert estimate_similarity(minhash_signature(ORIGINAL), minhash_signature(ORIGINAL)) == 1.0


def test_repost_with_new_headline_and_footer_is_near_duplicate() -> None:
    sim = estimate_similarity(minhash_signature(ORIGINAL), minhash_signature(make_repost(ORIGINAL)))
    assert sim > 0.8


def test_unrelated_articles_are_far_apart() -> None:
    assert estimate_similarity(minhash_signature(ORIGINAL), minhash_signature(UNRELATED)) < 0.3


def test_formatting_differences_do_not_matter() -> None:
    shouted = re.sub(r"\s+", "  ", ORIGINAL.upper()).replace(",", " ;")
    assert minhash_signature(shouted) == minhash_signature(ORIGINAL)


def test_signature_is_deterministic_within_and_across_processes() -> None:
    sig = minhash_signature(ORIGINAL)
    assert sig == minhash_signature(ORIGINAL)
    code = ("import sys; from factiongraph.ingest import minhash_signature; "
            "print(list(minhash_signature(sys.stdin.read())))")
    out = subprocess.run([sys.executable, "-c", code], input=ORIGINAL, capture_output=True, text=True,
                         check=True, env={"PYTHONHASHSEED": "12345"})
    assert tuple(int(v) for v in out.stdout.strip()[1:-1].split(",")) == sig


def test_signature_length_follows_num_perm() -> None:
    assert len(minhash_signature(ORIGINAL)) == NUM_PERM
    assert len(minhash_signature(ORIGINAL, num_perm=128)) == 128
    with pytest.raises(ValueError):
        minhash_signature(ORIGINAL, num_perm=0)


def test_normalisation_lowercases_and_strips_punctuation() -> None:
    assert normalize_for_shingles("The Militia's  \u201cstatement\u201d, issued-today!") == [
        "the", "militias", "statement", "issued", "today"]


def test_band_keys_have_band_prefix_and_reposts_share_a_band() -> None:
    keys = lsh_bands(minhash_signature(ORIGINAL))
    assert len(keys) == BANDS
    assert all(re.fullmatch(r"b\d{2}:[0-9a-f]{16}", k) for k in keys)
    assert [k[:3] for k in keys] == [f"b{i:02d}" for i in range(BANDS)]
    repost_keys = lsh_bands(minhash_signature(make_repost(ORIGINAL)))
    assert set(keys) & set(repost_keys)
    assert not set(keys) & set(lsh_bands(minhash_signature(UNRELATED)))


def test_band_count_must_divide_signature() -> None:
    with pytest.raises(ValueError):
        lsh_bands(minhash_signature(ORIGINAL), bands=10)


def test_text_without_words_matches_nothing() -> None:
    empty = minhash_signature(" ... !!! ")
    assert estimate_similarity(empty, empty) == 0.0
    assert lsh_bands(empty) == []


def test_short_texts_still_get_a_signature() -> None:
    assert estimate_similarity(minhash_signature("Raid in Basra"), minhash_signature("raid in basra!")) == 1.0


def test_mismatched_signatures_are_an_error() -> None:
    with pytest.raises(ValueError):
        estimate_similarity(minhash_signature("a b c"), minhash_signature("a b c", num_perm=32))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_similarity_is_a_symmetric_fraction(a: str, b: str) -> None:
    sa, sb = minhash_signature(a, num_perm=16), minhash_signature(b, num_perm=16)
    sim = estimate_similarity(sa, sb)
    assert 0.0 <= sim <= 1.0
    assert sim == estimate_similarity(sb, sa)


def test_signature_is_the_minimum_of_each_permutation_over_the_shingle_hashes() -> None:
    # The definition, computed the slow way: stored signatures must stay comparable.
    from factiongraph.ingest.dedupe import _PRIME, _hash64, _permutations, normalize_for_shingles

    words = normalize_for_shingles(ORIGINAL)
    hashes = {_hash64(" ".join(words[i:i + 5])) % _PRIME for i in range(len(words) - 4)}
    expected = tuple(min((a * x + b) % _PRIME for x in hashes) for a, b in _permutations(NUM_PERM))
    assert minhash_signature(ORIGINAL) == expected
