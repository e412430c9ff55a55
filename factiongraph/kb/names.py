"""Name keys for exact knowledge-base look-ups.

A key is a case-, accent- and punctuation-insensitive form of a name: ``"Kata'ib Hizballah"`` and
``"kataib hizballah"`` share one key, and so do ``"U.S."`` and ``"US"``. This is deliberately
simple: transliteration-insensitive matching (Hezbollah / Hizbullah) belongs to ``resolve``;
these keys only make alias look-ups robust to typography.
"""

from __future__ import annotations

import re
import unicodedata

_DROPPED = str.maketrans("", "", ".'\u2019\u2018`\u02bf\u02be\u00b4\u02bb\u02bc\u0640")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/,;:()]+")
_ARTICLES = ("al ", "el ", "the ")


def normalize_name(text: str) -> str:
    """Return the look-up key of a name: NFKD without marks, casefolded, punctuation-light."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = bare.casefold().translate(_DROPPED)
    return _SEPARATORS.sub(" ", key).strip()


def strip_article(key: str) -> str:
    """Return a key without one leading article (``al``, ``el``, ``the``); keys stay non-empty."""
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article):]
    return key


# Letters English transliterations of Arabic and Kurdish place names disagree on: the vowels.
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLED = re.compile(r"([a-z])\1+")
MIN_CONSONANTS = 4


def consonant_key(key: str) -> str | None:
    """Return the written consonants of a place-name key, or None when too short.

    "khaniqeen" and "khanaqin" are both ``khnkn``; "nasriya" and "nasiriyah" both ``nsry-a``; "balad
    ruz" and "baladruz" both ``bldrz``: doubled letters are written once, then the vowels, word
    breaks, a leading article and a final "h" are dropped, and "q" is "k". A final vowel is kept as
    its kind ("-a" for a, e, o, u, as Persian "-eh" is Arabic "-a"; "-i" for i, y), so a nisba is
    not its town ("tikriti" is not "tikrit", "samarrai" not "samarra"). Fewer than
    :data:`MIN_CONSONANTS` consonants say too little to tell places apart.
    """
    word = "".join(strip_article(key).split()).replace("q", "k")
    if len(word) > 1 and word.endswith("h"):
        word = word[:-1]
    if not word.isalpha():
        return None
    end = "-i" if word[-1] in "iy" else "-a" if word[-1] in "aeou" else ""
    letters = _VOWELS.sub("", _DOUBLED.sub(r"\1", word))
    if end == "-i" and letters.endswith("y"):
        letters = letters[:-1]
    return letters + end if len(letters) >= MIN_CONSONANTS else None
