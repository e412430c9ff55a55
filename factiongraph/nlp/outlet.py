"""Mentions of the document's own outlet (``rule.doc-outlet.v1``).

The cleaner names the publisher of a document (``metadata.outlet``: site metadata, a source
note, or the name the article's sources speak to, "told <Outlet>"). Most outlets are not in the
knowledge base, so the ruler cannot type them and the statistical model reads "Levant Observer"
as an organisation or a person, or finds only a place inside "Baghdad Ledger". Each exact,
case-sensitive occurrence of the outlet name in the text therefore becomes a ``media_outlet``
mention, replacing whatever shorter or mistyped span sat there. A KB mention that already covers
exactly that name is kept as it is (the KB knows the record).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factiongraph.model import EntityType, Mention

DOC_OUTLET_PRODUCER = "rule.doc-outlet.v1"
DOC_OUTLET_CONFIDENCE = 0.8
_MAX_OUTLET_WORDS = 6

# (start, end) -> (sentence start, sentence end, in content)
SpanContext = Callable[[int, int], tuple[int, int, bool]]


def is_usable_outlet_name(name: str | None) -> bool:
    """Return True for a name worth searching for: capitalised words, not a URL or a sentence."""
    if not name:
        return False
    name = name.strip()
    words = name.split()
    if not words or len(words) > _MAX_OUTLET_WORDS or len(name) < 3:
        return False
    if "/" in name or "@" in name or name.lower().startswith("www."):
        return False
    return name[0].isupper() or name[0].isdigit()


def find_outlet_spans(text: str, outlet: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every whole-word, case-sensitive ``outlet`` in ``text``.

    Whitespace inside the name matches any run of spaces (a line wrap does not hide it).
    """
    words = [re.escape(w) for w in outlet.split()]
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def add_outlet_mentions(mentions: list[Mention], text: str, doc_id: str, outlet: str | None,
                        context: SpanContext, kb_type: Callable[[str], EntityType | None]
                        ) -> list[Mention]:
    """Return ``mentions`` with every occurrence of the document's outlet as a ``media_outlet``.

    Args:
        mentions: the document's mentions, in text order.
        text: the document text the offsets refer to.
        doc_id: the document id recorded on new mentions.
        outlet: ``metadata.outlet`` (nothing changes when it is None or not a usable name).
        context: sentence bounds and content flag of a character span.
        kb_type: the type of a KB record named exactly like the outlet, if any; a KB record of
            another type (a person, a place) wins and nothing is added.
    """
    if not is_usable_outlet_name(outlet):
        return mentions
    assert outlet is not None
    name = " ".join(outlet.split())
    known = kb_type(name)
    if known is not None and known is not EntityType.MEDIA_OUTLET:
        return mentions
    spans = find_outlet_spans(text, name)
    if not spans:
        return mentions
    kept = list(mentions)
    for start, end in spans:
        exact = [m for m in kept if m.start == start and m.end == end]
        if any(m.entity_id is not None and m.type is EntityType.MEDIA_OUTLET for m in exact):
            continue
        kept = [m for m in kept if m.end <= start or m.start >= end]
        s_start, s_end, in_content = context(start, end)
        kept.append(Mention(
            doc_id=doc_id, start=start, end=end, text=text[start:end],
            type=EntityType.MEDIA_OUTLET, producer=DOC_OUTLET_PRODUCER,
            confidence=DOC_OUTLET_CONFIDENCE, entity_id=None, sentence_start=s_start,
            sentence_end=s_end, in_content=in_content,
        ))
    return sorted(kept, key=lambda m: (m.start, m.end))
