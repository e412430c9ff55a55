"""Transliteration-insensitive keys for names.

Arabic and Persian names reach English news in many spellings: Hezbollah / Hizbullah /
Hizballah, Kataib / Kata'ib / Kataeb, Kadhimi / Kadhemi, Hussein / Hussain, Qasem / Qassim,
Mohammed / Muhammad. :func:`make_key` folds such variants to one key so that a name seen in two
spellings resolves to one entity. The folding is deliberately coarse on vowels and doubled
letters (where English transliterations disagree) and keeps consonants (where they mostly agree),
so Hussein and Hassan still get different keys.

Keys are idempotent: ``make_key(make_key(x)) == make_key(x)`` (a property test checks it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Articles and particles that transliterations attach, drop or spell differently
# ("al-Haq", "el-Haq", "Haq"). Sun-letter forms only count when hyphenated ("ash-Sham").
_ARTICLE_RE = re.compile(r"(?<![a-z0-9])(?:al|el)(?:-|\s+)"
                         r"|(?<![a-z0-9])(?:an|ar|as|ash|ad|at|az|adh|ath)-")
_LEADING_THE_RE = re.compile(r"^the\s+")
_APOSTROPHES_RE = re.compile(r"['`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4]")
_ORDINAL_UNIT_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(brigades?|liwa)\b")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_DOUBLE_RE = re.compile(r"([a-z])\1+")

# British/American and other English spelling pairs that occur in organisation names.
_ENGLISH_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise(d|s)?$"), r"ize\1"),
    (re.compile(r"centre$"), "center"),
    (re.compile(r"defence$"), "defense"),
    (re.compile(r"programme$"), "program"),
)

# Whole-token spellings of frequent given names whose vowels differ in a way the generic
# folding below cannot see (fatha written as e or a). Values are already folded keys.
_NAME_TOKENS: dict[str, str] = {
    "mohammed": "muhamad", "mohamed": "muhamad", "muhammed": "muhamad", "mohammad": "muhamad",
    "muhammad": "muhamad", "mohamad": "muhamad", "muhamad": "muhamad", "mehmet": "muhamad",
    "ahmed": "ahmad", "ahmad": "ahmad",
    "mahmood": "mahmud", "mahmoud": "mahmud", "mahmud": "mahmud",
    "hezbollah": "hizbulah", "hizbollah": "hizbulah", "hizbullah": "hizbulah",
    "hizballah": "hizbulah", "hezbullah": "hizbulah", "hizbulah": "hizbulah",
}

# Applied in order to each token; the whole sequence is repeated until nothing changes, which
# makes the key idempotent by construction.
_TOKEN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:ou|oo)"), "u"),
    (re.compile(r"(?:ee|ie)"), "i"),
    (re.compile(r"(?:ei|ey|ay|ae|ai)"), "ai"),
    (re.compile(r"(?<=[a-z])allah$|ollah$|ullah$"), "ulah"),
    (re.compile(r"e"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"q"), "k"),
    (re.compile(r"dh"), "z"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[a-z]{3})at$"), "a"),  # ta marbuta: Usbat / Osba, Harakat / Haraka
    (re.compile(r"(?<=[a-z]{3})ah$"), "a"),  # written with or without its final h: Baqubah / Baquba
)


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """Return the transliteration-folded form of one lowercase ASCII token (memoised: pure)."""
    if token in _NAME_TOKENS:
        return _NAME_TOKENS[token]
    if token.isdigit() or len(token) <= 2:
        return token
    for pattern, repl in _ENGLISH_RULES:
        token = pattern.sub(repl, token)
    for _ in range(6):
        before = token
        for pattern, repl in _TOKEN_RULES:
            token = pattern.sub(repl, token)
        token = _DOUBLE_RE.sub(r"\1", token)
        if token in _NAME_TOKENS:
            token = _NAME_TOKENS[token]
        if token == before:
            break
    return token


def to_ascii(text: str) -> str:
    """Return ``text`` lowercased, without diacritics and without apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES_RE.sub("", stripped.lower())


def key_tokens(name: str) -> list[str]:
    """Return the folded tokens of ``name`` (articles dropped), in order."""
    return list(_key_tokens(name))


@lru_cache(maxsize=65536)
def _key_tokens(name: str) -> tuple[str, ...]:
    text = _LEADING_THE_RE.sub("", to_ascii(name).strip())
    text = _ORDINAL_UNIT_RE.sub(r"\2 \1", text)  # "30th Brigade" is "Brigade 30"
    for _ in range(3):
        stripped = _ARTICLE_RE.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    tokens = [t for t in _NON_ALNUM_RE.split(text) if t]
    folded = [fold_token(t) for t in tokens]
    return tuple(t for t in folded if t and t not in ("al", "il", "ul", "the"))


@lru_cache(maxsize=65536)
def make_key(name: str) -> str:
    """Return the transliteration-insensitive key of a name (space-joined folded tokens).

    Args:
        name: a surface form or canonical name, with or without articles and diacritics.

    Returns:
        The key; ``""`` when the name has no letters or digits.
    """
    tokens = key_tokens(name)
    for _ in range(4):
        again = key_tokens(" ".join(tokens))
        if again == tokens:
            break
        tokens = again
    return " ".join(tokens)


# Bumped whenever the folding changes, so stores rewrite the keys they hold (store.refresh_keys).
# 2: "30th Brigade" is "Brigade 30"; a final "-ah" folds like "-a" (Baqubah / Baquba).
KEY_VERSION = 2
make_key.version = KEY_VERSION  # type: ignore[attr-defined]


def is_acronym(text: str) -> bool:
    """Return True for all-capital short forms such as ``PMF``, ``KH``, ``IRGC-QF``."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters)


# Titles and honorifics removed from the front of a name before keying ("Prime Minister
# Mustafa al-Kadhimi" -> "Mustafa al-Kadhimi"). "Imam" is kept on purpose: for the historic
# imams it is part of the name ("Imam Hassan" is not Hassan Rouhani). Longest first.
TITLES: tuple[str, ...] = tuple(sorted((
    "prime minister", "deputy prime minister", "foreign minister", "defence minister",
    "defense minister", "interior minister", "finance minister", "oil minister", "minister",
    "president", "vice president", "speaker", "grand ayatollah", "ayatollah", "hojatoleslam",
    "sheikh", "sheik", "shaikh", "general", "gen", "maj gen", "major general", "brig gen",
    "brigadier general", "lt gen", "lieutenant general", "col", "colonel", "lt", "lieutenant",
    "capt", "captain", "commander", "dr", "doctor", "mr", "mrs", "ms", "sir", "judge", "mp",
    "secretary general", "secretary-general", "spokesman", "spokesperson", "cleric",
    "supreme leader",
), key=len, reverse=True))
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t).replace(r"\ ", r"[\s.]+") for t in TITLES) + r")\.?\s+)+",
    re.IGNORECASE,
)


def strip_titles(name: str) -> str:
    """Return ``name`` without leading titles and honorifics (kept if nothing would remain)."""
    stripped = _TITLE_RE.sub("", name.strip())
    return stripped if stripped.strip() else name.strip()


def name_parts(name: str) -> list[str]:
    """Return the folded keys of a person name's parts, articles dropped ("al-Falahi" -> "falahi")."""
    return key_tokens(strip_titles(name))
