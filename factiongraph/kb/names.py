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
