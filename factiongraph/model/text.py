"""Character normalisation that never changes a string's length, so offsets survive it."""

from __future__ import annotations

# One character in, one character out. Mapping typographic variants to their ASCII forms makes
# "Iran’s" and "Iran's" the same string for every later stage, and keeps gold offsets aligned.
_CHAR_MAP = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",  # modifier letter apostrophe
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u00ad": "-",  # soft hyphen, kept as one char so offsets hold
    "\u2010": "-",
    "\u2011": "-",
    "\ufeff": " ",  # byte-order mark inside text
    "\t": " ",
}
_TABLE = str.maketrans(_CHAR_MAP)


def normalize_chars(text: str) -> str:
    """Return ``text`` with typographic spaces, quotes and hyphens mapped one-to-one to ASCII.

    The result always has the same length as the input.
    """
    return text.translate(_TABLE)
