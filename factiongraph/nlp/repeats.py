"""Later references to a person by last name (``rule.doc-name-repeat.v1``), and an organisation's
name written again where the model missed it (``rule.doc-org-repeat.v1``).

News style names a person in full once ("Ali al-Zaidi, a spokesman for the group") and then by
the last name alone ("Zaidi said", "Al-Zaidi, speaking to reporters, said"). The statistical
model finds most of these, but not all: a lone capitalised word at the start of a sentence and
before a comma is often left out. Once a document has named a person in full, every later
whole-word, capitalised occurrence of that person's last name part (with or without the
article: "al-Zaidi", "Al-Zaidi", "Zaidi") that no mention covers becomes a person mention. The
resolver then links it to the full name, as it does for the short forms the model finds.

An occurrence is left alone when it is part of a longer name (a capitalised word right before
or after it: "Sadr City", "Hussein al-Zaidi"), when the knowledge base or the gazetteer gives
the word another type (a place or a group), or when the part is too short to be telling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from factiongraph.model import EntityType, Mention

DOC_NAME_REPEAT_PRODUCER = "rule.doc-name-repeat.v1"
DOC_NAME_REPEAT_CONFIDENCE = 0.75
_ARTICLES = ("al-", "el-", "Al-", "El-", "al ", "Al ")
_MIN_PART = 4

# Nationality adjectives of the region and of the powers reported on there (besides the KB's own):
# a model that runs one into a name ("Faisal Hussein Iraqi and Iranian officials") lends no last name.
NATIONALITIES = frozenset("""Iraqi Iranian Syrian Turkish Kurdish Lebanese Jordanian Saudi Kuwaiti Qatari
    Emirati Bahraini Omani Yemeni Egyptian Israeli Palestinian Afghan Pakistani American British French German
    Russian Chinese Italian Spanish Dutch Canadian Australian Arab Persian""".split())

SpanContext = Callable[[int, int], tuple[int, int, bool]]
TypeLookup = Callable[[str], EntityType | None]


def last_name_forms(full_name: str) -> tuple[str, ...]:
    """Return the forms a later reference to ``full_name`` may take by its last name.

    "Ali al-Zaidi" -> ("al-Zaidi", "Al-Zaidi", "Zaidi"); "Wayne Marotto" -> ("Marotto",). A
    one-word name has none.
    """
    words = full_name.split()
    if len(words) < 2:
        return ()
    last = words[-1]
    bare = last
    for article in _ARTICLES:
        if last.startswith(article):
            bare = last[len(article):]
            break
    if len(bare) < _MIN_PART or not bare[:1].isupper():
        return ()
    if bare == last:
        return (bare,)
    return (f"al-{bare}", f"Al-{bare}", bare)


def add_name_repeats(mentions: list[Mention], text: str, doc_id: str, context: SpanContext,
                     kb_type: TypeLookup, place_type: TypeLookup,
                     demonyms: frozenset[str] = frozenset()) -> list[Mention]:
    """Return ``mentions`` with uncovered later last-name references to a person named in full.

    Args:
        mentions: the document's mentions, in text order.
        text: the document text the offsets refer to.
        doc_id: the id recorded on new mentions.
        context: sentence bounds and content flag of a character span.
        kb_type: the knowledge base's type for a name, if it knows one.
        place_type: the gazetteer's type for a place name, if it knows one.
        demonyms: nationality adjectives ("Iraqi"): never a last name, even when the model ran
            one into the name before it ("Faisal Hussein Iraqi and Iranian officials").
    """
    first_seen: dict[str, int] = {}
    for m in mentions:
        if m.type is not EntityType.PERSON:
            continue
        for form in last_name_forms(m.text):
            if form not in demonyms and form not in NATIONALITIES:
                first_seen.setdefault(form, m.end)
    if not first_seen:
        return mentions
    forms = sorted(first_seen, key=len, reverse=True)
    covered = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    for start, end in whole_word_spans(text, forms):
        word = text[start:end]
        if start < first_seen[word] or any(s < end and start < e for s, e in covered):
            continue
        if _inside_longer_name(text, start, end):
            continue
        bare = word.split("-", 1)[-1]
        if _other_type(kb_type(word)) or _other_type(kb_type(bare)) or place_type(bare) is not None:
            continue
        s_start, s_end, in_content = context(start, end)
        added.append(Mention(doc_id=doc_id, start=start, end=end, text=word, type=EntityType.PERSON,
                             producer=DOC_NAME_REPEAT_PRODUCER, confidence=DOC_NAME_REPEAT_CONFIDENCE,
                             entity_id=None, sentence_start=s_start, sentence_end=s_end,
                             in_content=in_content))
        covered.append((start, end))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


_GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                          EntityType.INTL_ORG})
DOC_ORG_REPEAT_PRODUCER = "rule.doc-org-repeat.v1"


def add_group_repeats(mentions: list[Mention], text: str, doc_id: str, context: SpanContext) -> list[Mention]:
    """Return ``mentions`` with every other whole-word occurrence of an organisation's name the
    document found once but the knowledge base does not know ("Al-Shabaab fighters storm ..." in
    the headline, "Al-Shabaab militants attacked ..." in the body, where the model missed it).

    Names of two words, or one hyphenated or long word (six letters or more); an occurrence inside
    a longer capitalised name is left alone.
    """
    names: dict[str, EntityType] = {}
    for m in mentions:
        if m.type in _GROUP_TYPES and m.entity_id is None and m.text[:1].isupper() and (
                " " in m.text or "-" in m.text or len(m.text) >= 6):
            names.setdefault(m.text, m.type)
    if not names:
        return mentions
    covered = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    for start, end in whole_word_spans(text, sorted(names, key=len, reverse=True)):
        if any(s < end and start < e for s, e in covered):
            continue
        article = re.search(r"(?:^|[^\w'-])(?:The|A|An)[ \t]+$", text[max(0, start - 5):start]) is not None
        if _inside_longer_name(text, start, end) and (article is False or re.match(r"[ \t]+[A-Z]", text[end:end + 3])):
            continue  # "the Al-Shabaab Media Office": another body's name; "The Al-Shabaab group": this one
        s_start, s_end, in_content = context(start, end)
        added.append(Mention(doc_id=doc_id, start=start, end=end, text=text[start:end], type=names[text[start:end]],
                             producer=DOC_ORG_REPEAT_PRODUCER, confidence=DOC_NAME_REPEAT_CONFIDENCE,
                             entity_id=None, sentence_start=s_start, sentence_end=s_end, in_content=in_content))
        covered.append((start, end))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def whole_word_spans(text: str, words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` of each whole-word occurrence of ``words`` in ``text``, in text order.

    The same spans as ``re.finditer`` of ``(?<![\\w'’-])(?:w1|w2|...)(?![\\w-])``: occurrences do
    not overlap, and where several words start at one position the first in ``words`` that ends
    a word wins. Found with ``str.find``: compiling that pattern, new for every document, cost
    more than the search.
    """
    if any(not w for w in words):  # an empty word matches everywhere: leave that to the pattern
        pattern = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
        yield from (m.span() for m in pattern.finditer(text))
        return
    starts: set[int] = set()
    for word in set(words):
        at = text.find(word)
        while at >= 0:
            starts.add(at)
            at = text.find(word, at + 1)
    resume = 0
    for start in sorted(starts):
        if start < resume or (start > 0 and _joins_word_before(text[start - 1])):
            continue
        for word in words:
            end = start + len(word)
            if text.startswith(word, start) and not (end < len(text) and _joins_word_after(text[end])):
                yield start, end
                resume = end
                break


def _joins_word_before(char: str) -> bool:
    """Return True for a character that makes a word run on to the right (``[\\w'’-]``)."""
    return char.isalnum() or char in "_'\u2019-"


def _joins_word_after(char: str) -> bool:
    """Return True for a character that makes a word run on to the left (``[\\w-]``)."""
    return char.isalnum() or char in "_-"


def _other_type(found: EntityType | None) -> bool:
    return found is not None and found is not EntityType.PERSON


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Return True when a capitalised word touches the span on either side ("Sadr City",
    "Hussein al-Zaidi": another person who shares the name part)."""
    if re.match(r"[ \t]+[A-Z]", text[end:end + 3]):
        return True
    return re.search(r"(?<![\w'-])[A-Z][\w'-]*[ \t]+$", text[max(0, start - 40):start]) is not None
