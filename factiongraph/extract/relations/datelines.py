"""located_in from a wire dateline: "ERBIL, Kurdistan Region of Iraq - ", "NINEVEH PLAIN, Iraq – ".

A report filed from a place often opens its first paragraph with that place and what contains
it, in capitals, before a dash. The mention finder may miss an upper-case name, so both parts are
looked up by name (document mentions first, then the knowledge base); the relation holds only when
both are places (or the container a country) and the first is not the second.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Predicate

from factiongraph.extract.relations.patterns import Candidate

# "PLACE, CONTAINER (agency) - ": the place in capitals (a wire dateline), the container as written.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+){0,3}),\s+"
    r"(?P<container>[A-Z][\w'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'.-]*){0,4})"
    r"\s*(?:\([^()]{1,40}\))?\s*(?:-{1,2}|\u2013|\u2014)\s+")
_PLACES = (EntityType.PLACE, EntityType.COUNTRY)


def dateline_places(view: DocView, type_of: Callable[[str], EntityType | None], rule: str,
                    limit: int = 3) -> list[Candidate]:
    """Return ``place located_in container`` from the first dateline of the document's body.

    ``type_of``: an entity id's type (document, else knowledge base); ``limit``: how many
    paragraphs from the start may hold the dateline.
    """
    text = view.text
    for n, (start, _end) in enumerate(_paragraphs(view)):
        if n >= limit:
            break
        match = _DATELINE.match(text, start)
        if match is None:
            continue
        place = view.lookup_name(match.group("place").title()) or view.lookup_name(match.group("place"))
        container = view.lookup_name(match.group("container"))
        if place is None or container is None or place == container:
            return []
        if type_of(place) is not EntityType.PLACE or type_of(container) not in _PLACES:
            return []
        return [Candidate(place, Predicate.LOCATED_IN, container, match.start(), match.end("container"), rule)]
    return []


def _paragraphs(view: DocView) -> list[tuple[int, int]]:
    """Return the spans of the body's non-empty lines, in order."""
    out: list[tuple[int, int]] = []
    text = view.text
    for block in view.ctx.document.blocks:
        if block.part.value != "body":
            continue
        pos = block.start
        for line in text[block.start:block.end].split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                out.append((pos + lead, pos + len(line)))
            pos += len(line) + 1
    return sorted(out)
