"""Where the document quotes someone: positions inside quotation marks."""

from __future__ import annotations


def is_inside_quote(text: str, pos: int) -> bool:
    """Return True when ``pos`` lies inside quotation marks opened earlier in its paragraph.

    Straight double quotes pair up by count; curly ones by opening and closing marks.
    """
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
