"""Wire datelines: "BAGHDAD (Reuters) - ", "Erbil, Iraq (AFP) - ", "ERBIL, Kurdistan Region of Iraq - ",
"Sulaimani, Kurdistan Region - " (a town in ordinary case with its country or region),
"SULAYMANIYAH / Shafaq News - " (an outlet after a slash).

The place and agency a report was filed from, written before its first sentence. They are not
the sentence's speaker, actor or target, and the filing place is not where the event happened
unless the sentence names no other place.
"""

from __future__ import annotations

import re

# An agency in brackets, an upper-case place or a day is required: "Kataib Hezbollah - the militia
# backed by Iran - denied ..." is no dateline.
_DATELINE = re.compile(
    r"\s*(?P<place>(?P<caps>[A-Z]{3,}(?:[ -][A-Z]{2,})*)|[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})"
    r"(?:,\s*(?P<region>[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,4}))?"
    r"(?:,?\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"(?:\s*/\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})?"  # "SULAYMANIYAH / Shafaq News - "
    r"\s*(?P<agency>\([^()]{1,40}\))?\s*(?:-{1,2}|\u2013|\u2014)\s+")


# A town in ordinary case needs the country or region it lies in after it ("Sulaimani, Kurdistan
# Region - ", "Erbil, Iraq - "): a name and a dash alone may open a sentence.
_REGION = re.compile(r"(?:(?:Iraqi\s+)?Kurdistan(?:\s+Region)?(?:\s+of\s+Iraq)?|Iraq|Syria|Iran|Lebanon|Jordan|Turkey"
                     r"|Türkiye|Israel|Yemen|Kuwait|Saudi\s+Arabia|Bahrain|Qatar|Egypt|KRI)")


def _is_dateline(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    region = match.group("region")
    return bool(match.group("agency") or match.group("caps") or match.group("day")
                or (region is not None and _REGION.fullmatch(region)))


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Return where a wire dateline opening ``text[start:end]`` ends, or None when there is none."""
    match = _DATELINE.match(text, start, end)
    if match is None or not _is_dateline(match):
        return None
    return match.end()


def dateline_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span of the place name a wire dateline opening ``text[start:end]`` starts with
    ("MOSUL" in "MOSUL, Iraq (AP) - "), or None when there is no dateline."""
    match = _DATELINE.match(text, start, end)
    if match is None or not _is_dateline(match):
        return None
    return match.span("place")


def dateline_end_in_line(text: str, start: int, end: int) -> int | None:
    """Return where a dateline that opens the line holding ``start`` ends, when it ends after
    ``start`` (the parser may have cut "BAGHDAD" off as a sentence of its own), else None."""
    line_start = text.rfind("\n", 0, start) + 1
    cut = dateline_end(text, line_start, max(end, start))
    return cut if cut is not None and cut > start else None
