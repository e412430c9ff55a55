"""Hard-wrapped paragraphs: line breaks inside a sentence become spaces (offsets unchanged).

Plain-text sources (wire copy, e-mail, text saved from a PDF or a terminal) often break every
line at a fixed width. Later stages read a line as a unit (chrome is decided line by line, a
sentence never crosses a line break), so a sentence cut by such a break loses its speaker or its
object. A break is a wrap when the line before it is prose that runs on: long enough, ending
without sentence-final punctuation, and the line after it goes on in lower case ("... denied any
involvement in the / drone attack"). When a text shows that habit at least ``MIN_WRAPS`` times
with lines of similar width, it is wrapped throughout and a break before a capital letter is a
wrap too ("Interior Minister Reber / Ahmed told reporters"). In any text that wraps at all, a prose
line ending on a comma or on a word no sentence ends with ("one of the factions in the / Popular
Mobilization Forces") goes on before a capital letter too. Blank lines (paragraph breaks) are
never touched, and each newline becomes one space, so every offset keeps its meaning.
"""

from __future__ import annotations

import re

MIN_LINE = 40  # characters: a menu item or a caption fragment is shorter than a wrapped prose line
MIN_WORDS = 6
MIN_WRAPS = 3
MAX_WIDTH = 100  # wrapped text breaks at a fixed width well below a paragraph's length
_FINAL = re.compile(r"""[.!?:;"\u201d\u2019')\]]\s*$""")
# A line that ends on a comma or a word no sentence ends with goes on, whatever the next line opens with.
_OPEN_END = re.compile(r"(?:,|\b(?:the|a|an|of|in|on|at|to|by|for|with|from|and|or|as|its|his|her|their|that|"
                       r"which|who|whose|than|into|under|near|between|against|including|said|told))\s*$", re.I)


def _prose(line: str) -> bool:
    """Return True for a line that reads as running prose."""
    return len(line) >= MIN_LINE and len(line.split()) >= MIN_WORDS and any(c.islower() for c in line)


def _runs_on(line: str, following: str) -> bool:
    """Return True when ``line`` stops mid-sentence and ``following`` goes on in lower case."""
    return _prose(line) and not _FINAL.search(line) and following[:1].islower()


def unwrap(text: str) -> str:
    """Return ``text`` with the line breaks of hard-wrapped paragraphs replaced by spaces."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    wraps = sum(1 for a, b in zip(lines, lines[1:]) if _runs_on(a, b.lstrip()))
    if not wraps:
        return text
    prose = [len(line) for line in lines if _prose(line)]
    wrapped_throughout = wraps >= MIN_WRAPS and prose and max(prose) <= MAX_WIDTH
    out = list(text)
    pos = 0
    for a, b in zip(lines, lines[1:]):
        pos += len(a)  # ``pos`` is now the index of the newline after ``a``
        nxt = b.lstrip()
        if nxt and (_runs_on(a, nxt) or (wrapped_throughout and _prose(a) and not _FINAL.search(a)
                                         and nxt[:1].isupper() and len(a) >= MAX_WIDTH * 0.55)
                    or (_prose(a) and _OPEN_END.search(a) and nxt[:1].isupper())):
            out[pos] = " "
        pos += 1
    return "".join(out)
