"""Where the document quotes someone: positions inside quotation marks."""

from __future__ import annotations

import re

_CLOSERS = {'"': '"', "\u201c": "\u201d"}
# A quoted phrase shorter than this is a term the writer sets off ('"precision defensive
# strikes" were conducted'), not someone's words.
_MIN_SPEECH_WORDS = 6


def is_inside_quote(text: str, pos: int) -> bool:
    """Return True when ``pos`` lies inside quotation marks opened earlier in its paragraph.

    Straight double quotes pair up by count; curly ones by opening and closing marks.
    """
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def is_inside_speech(text: str, pos: int) -> bool:
    """Return True when ``pos`` lies inside a quotation of someone's words, not a short phrase
    in quotation marks. A quotation left open at the paragraph's end (one that goes on in the
    next paragraph) counts as speech."""
    if not is_inside_quote(text, pos):
        return False
    para = text.rfind("\n", 0, pos) + 1
    opener = max(text.rfind('"', para, pos), text.rfind("\u201c", para, pos))
    if opener < 0:
        return False
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    close = text.find(_CLOSERS[text[opener]], pos, para_end)
    inner = text[opener + 1:close if close >= 0 else para_end]
    return close < 0 or len(re.findall(r"\w+", inner)) >= _MIN_SPEECH_WORDS
