"""Tolls a sentence states as a whole: none ("There were no casualties": 0 killed, 0 injured)
and a later figure for a happening told before ("The death toll from the bombing rose to 31",
"Medical sources put the death toll at 12", "The toll was later revised up to 15", "A fifth soldier
later died of his wounds").
"""

from __future__ import annotations

import re

from factiongraph.extract.events.numbers import NUMBER_WORDS, ORDINAL_OR_YEAR

_NONE_KILLED = re.compile(r"\b(?:no\s+(?:casualties|fatalities|deaths|injuries|one\s+died)|"
                          r"(?:no\s+one|nobody)\s+(?:was|were)\s+(?:killed|hurt|injured|harmed|wounded)|"
                          r"without\s+(?:causing\s+)?(?:any\s+)?(?:casualties|injuries)|"
                          r"did\s+not\s+(?:cause|result\s+in|leave)\s+(?:any\s+)?(?:casualties|injuries))\b",
                          re.IGNORECASE)


def no_casualties(text: str) -> dict[str, int]:
    """Return the zero counts ``text`` states ("no casualties": 0 killed, 0 injured), else {}."""
    if not text or not _NONE_KILLED.search(text):
        return {}
    if re.search(r"casualties|injur|hurt|harmed", text, re.IGNORECASE):
        return {"killed": 0, "injured": 0}
    return {"killed": 0}


# "The death toll from the bombing rose to 31", "the number of dead climbed to at least 40":
# a later figure for a happening told before.
_TOLL_UPDATE = re.compile(
    r"\b(?P<what>death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|fatalities|"
    r"injured|wounded|casualties))\b(?:\s+[\w.'-]+){0,16}?\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|"
    r"climbs|increased|jumped|reached|hit|stands|stood|revised(?:\s+up(?:wards?)?)?|raised|updated|"
    r"(?:went|gone)\s+up)\s+(?:to\s+|at\s+)?(?:at\s+least\s+)?"
    r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b", re.I)


# "Medical sources put the death toll at 12": the same, the figure given by a source.
_TOLL_PUT = re.compile(r"\b(?:put|puts|putting|placed|places|placing)\s+the\s+(?P<what>death\s+toll|toll|"
                       r"number\s+of\s+(?:the\s+)?(?:dead|injured|wounded))\s+at\s+(?:at\s+least\s+)?"
                       r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b", re.I)


# "A fifth soldier later died of his wounds", "a third victim succumbed": the dead the ordinal
# counts, the one who died last among them.
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20}
_NTH_DEAD = re.compile(r"\b(?:a|the)\s+(?P<nth>" + "|".join(_ORDINALS) + r")\s+(?:[a-z-]+\s+){0,2}?"
                       r"(?:(?:later|also|subsequently)\s+)?(?:died|was\s+(?:later\s+)?killed|succumbed|"
                       r"was\s+(?:later\s+)?pronounced\s+dead)\b", re.I)


def toll_update(text: str) -> tuple[str, int] | None:
    """Return ``(count key, number)`` when ``text`` raises an earlier happening's toll, else None."""
    nth = _NTH_DEAD.search(text)
    if nth is not None:
        return "killed", _ORDINALS[nth.group("nth").lower()]
    match = _TOLL_UPDATE.search(text) or _TOLL_PUT.search(text)
    if match is None:
        return None
    raw = match.group("n").replace(",", "").lower()
    if raw.isdigit():
        value: int | None = None if ORDINAL_OR_YEAR.match(raw) else int(raw)
    elif "-" in raw:
        a, _, b = raw.partition("-")
        value = NUMBER_WORDS[a] + NUMBER_WORDS[b] if a in NUMBER_WORDS and b in NUMBER_WORDS else None
    else:
        value = NUMBER_WORDS.get(raw)
    if value is None:
        return None
    what = match.group("what").lower()
    key = "injured" if what.endswith(("injured", "wounded")) else "killed"
    return key, value
