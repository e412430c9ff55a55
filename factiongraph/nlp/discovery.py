"""The discovery component: naming patterns that find groups and people the KB does not know.

It runs after the KB ruler and before the statistical ``ner``, so the spans it sets constrain
the model (spaCy's NER keeps entities already on the doc). Cues are found with one
PhraseMatcher; the name next to each cue is read by walking tokens, which handles hyphenated
particles ("al-Haq") that a token pattern cannot express. Each span keeps its rule's producer
name in ``span.id_``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from factiongraph.model import EntityType
from factiongraph.nlp.patterns import KB_ID_PREFIX
from factiongraph.nlp.rules import DiscoveryRule, DiscoveryRules, RuleKind

COMPONENT_NAME = "factiongraph_discovery"
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", ","})


class NameReader:
    """Read capitalised names token by token, using the shared word lists of the rules."""

    def __init__(self, rules: DiscoveryRules) -> None:
        self.rules = rules

    def is_name_token(self, token: Token) -> bool:
        """Return True for a capitalised word that can be part of a name."""
        text = token.text
        if not text or not text[0].isupper() or text in self.rules.stop_words:
            return False
        letters = text.replace("'", "").replace("\u2019", "")
        return letters.isalpha() and not (len(letters) == 1)

    def _particle_at(self, doc: Doc, i: int) -> bool:
        """Return True if ``doc[i:i+3]`` is particle, hyphen, word ("al-Haq", "Al-Amil")."""
        if i + 2 >= len(doc):
            return False
        tok, hyph, word = doc[i], doc[i + 1], doc[i + 2]
        return (tok.lower_ in self.rules.particles and hyph.text == "-" and not tok.whitespace_
                and not hyph.whitespace_ and word.is_alpha)

    def read_forward(self, doc: Doc, start: int, max_words: int) -> tuple[int, int]:
        """Return ``(end, words)``: the name starting at ``start`` ends before token ``end``."""
        i, words, end = start, 0, start
        while i < len(doc) and words < max_words:
            tok = doc[i]
            if self._particle_at(doc, i):
                i += 3
                words += 1
                end = i
            elif self.is_name_token(tok):
                i += 1
                words += 1
                end = i
                # hyphenated capitalised compound: "Abu-Mahdi"
                if (i + 1 < len(doc) and doc[i].text == "-" and not tok.whitespace_
                        and self.is_name_token(doc[i + 1])):
                    i += 2
                    end = i
            elif tok.lower_ in self.rules.connectors and tok.text.islower() and words > 0:
                i += 1  # kept only if a name word follows
            else:
                break
        return end, words

    def read_backward(self, doc: Doc, end: int, max_words: int) -> tuple[int, int]:
        """Return ``(start, words)``: the name ending before token ``end`` starts at ``start``."""
        i, words, start = end - 1, 0, end
        while i >= 0 and words < max_words:
            tok = doc[i]
            if (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in self.rules.particles
                    and tok.is_alpha and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_):
                i -= 3
                words += 1
                start = i + 1
            elif self.is_name_token(tok):
                i -= 1
                words += 1
                start = i + 1
            elif tok.lower_ in self.rules.connectors and tok.text.islower() and words > 0:
                i -= 1
            else:
                break
        return start, words


class DiscoveryComponent:
    """spaCy component: add spans for names introduced by discovery cues to ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = COMPONENT_NAME) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules_by_key: dict[str, DiscoveryRule] = {}
        self.reader: NameReader | None = None
        self.rules: DiscoveryRules | None = None

    def set_rules(self, rules: DiscoveryRules) -> None:
        """Compile the cues of ``rules`` (call once, right after ``add_pipe``)."""
        self.rules = rules
        self.reader = NameReader(rules)
        for rule in rules.rules:
            key = rule.producer
            self.rules_by_key[key] = rule
            self.matcher.add(key, [self.nlp.make_doc(cue) for cue in rule.cues])

    def __call__(self, doc: Doc) -> Doc:
        """Find cue matches, read the names next to them, and add the non-conflicting spans."""
        if self.reader is None:
            return doc
        candidates = list(self.find_candidates(doc))
        if candidates:
            forward = frozenset(r.producer for r in self.rules_by_key.values() if r.kind is RuleKind.PREFIX_NAME)
            doc.ents = merge_candidates(doc.ents, candidates, forward)
        return doc

    def find_candidates(self, doc: Doc) -> Iterable[Span]:
        """Yield one span per cue match whose neighbouring tokens read as a name."""
        assert self.reader is not None and self.rules is not None
        strings = self.nlp.vocab.strings
        for match_id, start, end in self.matcher(doc):
            rule = self.rules_by_key[strings[match_id]]
            cue = doc[start:end]
            span = self._read_name(doc, rule, cue)
            if span is None or span.text in self.rules.ignore_names:
                continue
            yield Span(doc, span.start, span.end, label=rule.type.value, span_id=rule.producer)

    def _read_name(self, doc: Doc, rule: DiscoveryRule, cue: Span) -> Span | None:
        assert self.reader is not None and self.rules is not None
        reader = self.reader
        if rule.kind is RuleKind.PREFIX_NAME:
            if not cue.text[0].isupper():
                return None
            end, words = reader.read_forward(doc, cue.end, rule.max_name_tokens)
            return doc[cue.start:end] if words >= rule.min_name_tokens else None
        if rule.kind is RuleKind.SUFFIX_NAME:
            if not cue.text[0].isupper():
                return None
            start, words = reader.read_backward(doc, cue.start, rule.max_name_tokens)
            return doc[start:cue.end] if words >= rule.min_name_tokens else None
        if rule.kind is RuleKind.NUMBERED_UNIT:
            return self._numbered_unit(doc, cue)
        if rule.case_sensitive and cue.text not in rule.cues:
            return None
        if rule.kind is RuleKind.BEFORE_CUE:
            start, words = reader.read_backward(doc, cue.start, rule.max_name_tokens)
            return doc[start:cue.start] if words >= rule.min_name_tokens else None
        start = cue.end
        if rule.type is not EntityType.PERSON:
            while start < len(doc) and start - cue.end < 2 and doc[start].text in _QUOTES:
                start += 1
        end, words = reader.read_forward(doc, start, rule.max_name_tokens)
        if words < rule.min_name_tokens:
            return None
        span = doc[start:end]
        if rule.type is EntityType.PERSON and any(t.text in self.rules.non_person_words for t in span):
            return None
        return span

    @staticmethod
    def _numbered_unit(doc: Doc, cue: Span) -> Span | None:
        """Return "Brigade 30" or "30th Brigade": a capitalised unit word and its number."""
        if not cue.text[0].isupper():
            return None
        if cue.end < len(doc) and doc[cue.end].text.isdigit() and len(doc[cue.end].text) <= 3:
            return doc[cue.start:cue.end + 1]
        if cue.start > 0 and _ORDINAL.fullmatch(doc[cue.start - 1].text):
            return doc[cue.start - 1:cue.end]
        return None


_PLACE_LABELS = frozenset({EntityType.PLACE.value, "GPE", "LOC", "FAC"})
_ORG_LABELS = frozenset({EntityType.STATE_BODY.value, EntityType.ARMED_GROUP.value})


def merge_candidates(existing: Iterable[Span], candidates: list[Span],
                     forward: frozenset[str] = frozenset()) -> list[Span]:
    """Return ``existing`` plus the candidates that do not clash with it.

    A candidate that overlaps an existing span is dropped, unless it strictly contains the
    existing spans it touches and they all carry its label, or are places inside an
    organisation's name ("the Nineveh Operations Command"): then the longer reading wins. A
    name read forward from its cue (a producer in ``forward``) that only runs on past a KB name
    of its type starting where it starts ("Kataib Hezbollah Suspends Attacks" in a title-case
    headline) leaves the KB name. Among candidates, the longest non-overlapping ones are kept.
    """
    kept = list(existing)
    for cand in filter_spans(candidates):
        touching = [e for e in kept if e.start < cand.end and cand.start < e.end]
        if not touching:
            kept.append(cand)
        elif all((e.label_ == cand.label_ or e.label_ in _PLACE_LABELS and cand.label_ in _ORG_LABELS)
                 and cand.start <= e.start and e.end <= cand.end and len(e) < len(cand)
                 and not (cand.id_ in forward and e.start == cand.start and e.label_ == cand.label_
                          and e.id_.startswith(KB_ID_PREFIX))
                 for e in touching):
            # a KB name the candidate only runs on from ("Kataib Hezbollah Suspends Attacks" in a
            # title-case headline, "Kataib Hezbollah Secretary-General ...") stays the KB name
            kept = [e for e in kept if e not in touching] + [cand]
    return sorted(kept, key=lambda s: s.start)


@Language.factory(COMPONENT_NAME)
def make_discovery(nlp: Language, name: str) -> DiscoveryComponent:
    """Create the discovery component; give it rules with :meth:`DiscoveryComponent.set_rules`."""
    return DiscoveryComponent(nlp, name)

