"""Text alignment: find gold strings in a predicted document's cleaned text.

Gold strings are copied from the original files; a predicted document keeps a cleaned text
(CRLF -> LF, ``normalize_chars``, HTML rebuilt from extracted parts). Both sides are therefore
compared in a normal form: ``normalize_chars``, every whitespace run collapsed to one space.
``NormalText`` keeps the map from normal-form positions back to the original offsets.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from factiongraph.model.text import normalize_chars

_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s$")
_ARTICLE = re.compile(r"^the ", re.IGNORECASE)


def normalize_string(text: str) -> str:
    """Return ``text`` in the comparison form: ASCII quotes and spaces, single spaces, stripped."""
    return _WS.sub(" ", normalize_chars(text)).strip()


def normalize_surface(text: str) -> str:
    """Return the key a mention surface form is compared by.

    ``normalize_string``, then a trailing possessive ``'s`` and a leading article ``the`` are
    dropped and the result is casefolded ("the PMF's" and "PMF" share a key).
    """
    key = normalize_string(text)
    key = _POSSESSIVE.sub("", key)
    key = _ARTICLE.sub("", key)
    return key.strip().casefold()


def normalize_field(text: str | None) -> str | None:
    """Return a metadata value in case- and space-insensitive form (None stays None)."""
    if text is None:
        return None
    key = normalize_string(text).casefold()
    return key or None


@dataclass(slots=True)
class NormalText:
    """A text in comparison form with the offset of every normal-form character in the original.

    ``offsets[i]`` is the original index of ``norm[i]``; a collapsed whitespace run maps to its
    first character.
    """

    original: str
    norm: str = ""
    offsets: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str) -> NormalText:
        """Return the normal form of ``text`` with its offset map."""
        chars = normalize_chars(text)
        out: list[str] = []
        offsets: list[int] = []
        in_space = False
        for i, ch in enumerate(chars):
            if ch.isspace():
                if in_space:
                    continue
                in_space = True
                out.append(" ")
            else:
                in_space = False
                out.append(ch)
            offsets.append(i)
        return cls(original=text, norm="".join(out), offsets=offsets)

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Return every ``(start, end)`` original span whose normal form equals ``needle``'s.

        An HTML-escaped gold string is retried unescaped. Overlapping occurrences are returned.
        """
        spans = self._find_norm(normalize_string(needle))
        if not spans and "&" in needle:
            spans = self._find_norm(normalize_string(html.unescape(needle)))
        return spans

    def _find_norm(self, key: str) -> list[tuple[int, int]]:
        """Return the original spans of every occurrence of an already normalised key."""
        if not key:
            return []
        spans: list[tuple[int, int]] = []
        pos = self.norm.find(key)
        while pos >= 0:
            end = pos + len(key)
            spans.append((self.offsets[pos], self.offsets[end - 1] + 1))
            pos = self.norm.find(key, pos + 1)
        return spans

    def relative_position(self, needle: str) -> float | None:
        """Return where ``needle`` first occurs, as a fraction of the text length, or None."""
        spans = self.find_all(needle)
        if not spans or not self.original:
            return None
        return spans[0][0] / len(self.original)


def is_word_bounded(text: str, start: int, end: int) -> bool:
    """Return True if ``text[start:end]`` neither starts nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum())


def pick_nearest(spans: list[tuple[int, int]], length: int,
                 hint: float | None) -> tuple[int, int] | None:
    """Return the span whose relative position is closest to ``hint`` (the first without one)."""
    if not spans:
        return None
    if hint is None or length <= 0:
        return spans[0]
    return min(spans, key=lambda s: (abs(s[0] / length - hint), s[0]))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Return the number of characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
