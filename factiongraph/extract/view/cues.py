"""Word gates: skip a pattern's regex scan over a span that cannot hold any of its words.

A trigger regex built from a word list (``\\b(?:said|told|...)\\b``, case-insensitive) can only
match where one of its phrases is written, so where the longest word of one of them is. Python's
``re`` tries such an alternation at every character; a substring search for a few words is far
cheaper, and a sentence holding none of them is skipped. The test is on the lowercased text,
which has the original offsets unless lowercasing changed a length or the text holds one of the
three characters that match an ASCII letter case-insensitively but do not lowercase to it
("İ", "ı", "ſ"); such a text has no lowercase copy and every span may match.
"""

from __future__ import annotations

from collections.abc import Iterable

# Non-ASCII characters that re.IGNORECASE matches with an ASCII letter that str.lower() does not give.
_CASE_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f")


def cue_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """Return the longest word of each phrase, lowercased: every match of the phrases holds one.

    A word that holds another of the words is left out ("say" covers "says" and "saying"):
    wherever it occurs, so does the shorter one.
    """
    words = {max(p.lower().split(), key=len) for p in phrases if p.split()}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def lowercase_copy(text: str) -> str | None:
    """Return ``text.lower()`` when it keeps every offset and every ASCII case match, else None."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _CASE_FOLD_TRAPS):
        return None
    return low


def holds_any(low: str | None, words: Iterable[str], start: int, end: int) -> bool:
    """Return False only when ``low[start:end]`` holds none of ``words`` (``low`` None: True)."""
    return low is None or any(low.find(w, start, end) >= 0 for w in words)
