"""Whole numbers as a text writes them: digits ("25", "1,200"), number words ("five",
"twenty-five", "a dozen", "dozens": 24, the least the word allows) and phrases of number words
("two hundred", "one hundred and fifty", "twenty five"). Years are no numbers ("2019").
"""

from __future__ import annotations

import re
from typing import Any

Token = Any

# "hundred" reads alone as 100 ("a hundred people"); after a number word it multiplies it.
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24}

ORDINAL_OR_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


def number_value(tok: Token) -> int | None:
    """Return the whole number a token writes ("25", "1,200", "five", "twenty-five"), or None."""
    text = tok.text.replace(",", "")
    if text.isdigit():
        return None if ORDINAL_OR_YEAR.match(text) else int(text)
    low = text.lower()
    if "-" in low:  # "twenty-five"
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return NUMBER_WORDS.get(low)


def may_write_number(low: str) -> bool:
    """Return False when a token whose lowercase text is ``low`` cannot write a number.

    A cheap test to run before :func:`written_number`: every token :func:`number_value` reads is
    digits (commas aside), a number word, or holds a hyphen ("twenty-five").
    """
    bare = low.replace(",", "")
    return bare in NUMBER_WORDS or "-" in bare or bare.isdigit()


_SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}


def _joins(prev: str, low: str) -> bool:
    """Return True when number word ``low`` goes on the phrase number word ``prev`` ends
    ("twenty five", "two hundred", "hundred fifty"); "two and three" are two numbers."""
    if low not in NUMBER_WORDS and low not in _SCALES:
        return False
    if low in _SCALES:
        return prev in NUMBER_WORDS and prev not in ("dozen", "dozens")
    value, before = NUMBER_WORDS[low], NUMBER_WORDS.get(prev) or _SCALES.get(prev, 0)
    if prev in _SCALES:
        return value < 100 and low not in ("dozen", "dozens")
    return before in (20, 30, 40, 50, 60, 70, 80, 90) and 0 < value < 10


def _phrase_start(tok: Token) -> bool:
    """Return False for a number word that goes on a phrase begun before it ("two *hundred*",
    "one hundred and *fifty*", "twenty - *five*")."""
    doc, i = tok.doc, tok.i
    low = tok.lower_
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in NUMBER_WORDS and low in NUMBER_WORDS \
            and not doc[i - 1].whitespace_:
        return False
    if i >= 1 and _joins(doc[i - 1].lower_, low):
        return False
    return not (i >= 2 and doc[i - 1].lower_ == "and" and doc[i - 2].lower_ in _SCALES and _joins(doc[i - 2].lower_, low))


def written_number(tok: Token) -> int | None:
    """Return the number a token starts, reading "twenty - five" split by the tokenizer as 25 and
    phrases of number words ("two hundred", "one hundred and fifty", "twenty five"); a later word
    of such a phrase is None (it was read with the first)."""
    doc = tok.doc
    low = tok.lower_
    if not _phrase_start(tok):
        return None
    value = number_value(tok)
    if value is not None and low in NUMBER_WORDS and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" \
            and not tok.whitespace_ and doc[tok.i + 2].lower_ in NUMBER_WORDS:
        return value + NUMBER_WORDS[doc[tok.i + 2].lower_]
    if value is None or low not in NUMBER_WORDS:
        return value
    total, current, prev, i = 0, value, low, tok.i + 1
    while i < len(doc):
        word = doc[i].lower_
        if word == "and" and prev in _SCALES and i + 1 < len(doc) and _joins(prev, doc[i + 1].lower_):
            i += 1
            word = doc[i].lower_
        elif not _joins(prev, word):
            break
        if word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word != "hundred":
                total, current = total + current, 0
        else:
            current += NUMBER_WORDS[word]
        prev, i = word, i + 1
    return total + current


# "at least 7", "more than twenty", "some 30": a figure the text gives as a bound or a guess.
_HEDGED = re.compile(r"\b(?:at\s+least|more\s+than|over|upwards\s+of|some|about|around|nearly|almost|"
                     r"approximately|roughly|up\s+to|as\s+many\s+as)\s+(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b", re.I)


def hedged_figures(text: str) -> set[int]:
    """Return the figures ``text`` gives as a bound or a guess ("at least seven", "more than 20")."""
    out: set[int] = set()
    for match in _HEDGED.finditer(text):
        raw = match.group("n").replace(",", "").lower()
        if raw.isdigit():
            out.add(int(raw))
        elif "-" in raw:
            a, _, b = raw.partition("-")
            if a in NUMBER_WORDS and b in NUMBER_WORDS:
                out.add(NUMBER_WORDS[a] + NUMBER_WORDS[b])
        elif raw in NUMBER_WORDS:
            out.add(NUMBER_WORDS[raw])
    return out
