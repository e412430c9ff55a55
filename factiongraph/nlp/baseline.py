"""The "spaCy baseline" for ``factiongraph eval``: plain statistical NER, no KB, no resolution.

Records are in the interchange format (``kind: entity`` and ``kind: mention``). Entities are
grouped by exact mention text and typed by a fixed mapping of spaCy labels; NORP and every
non-name label are skipped. The mapping is deliberately naive: this is what the model alone
gives, so the evaluation can show what the KB, the rules and resolution add.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy

from factiongraph.errors import ConfigError
from factiongraph.model import Document, EntityType
from factiongraph.model.ids import make_id
from factiongraph.nlp.pipeline import mask_boilerplate

BASELINE_LABELS: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.POLITICAL_ORG,
    "GPE": EntityType.COUNTRY,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
}


def baseline_records(docs: Iterable[Document], model_name: str,
                     batch_size: int = 32) -> Iterator[dict[str, object]]:
    """Yield entity and mention records from the model's own NER over each document's text.

    Boilerplate blocks are blanked first (offsets unchanged), as for the full pipeline, so the
    comparison is about recognition, not about cleaning.

    Mentions are yielded as they are found; entities (one per distinct text and type) follow
    at the end.

    Raises:
        ConfigError: the model is not installed.
    """
    try:
        nlp = spacy.load(model_name, exclude=["tagger", "parser", "attribute_ruler",
                                              "lemmatizer", "senter"])
    except OSError as exc:
        raise ConfigError(f"spaCy model {model_name!r} is not installed ({exc})") from exc
    producer = f"model.spacy-{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', model_name)}-" \
               f"{nlp.meta.get('version', '0')}"
    entities: dict[str, dict[str, object]] = {}
    pairs = ((mask_boilerplate(d), d.doc_id) for d in docs)
    for sdoc, doc_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        for ent in sdoc.ents:
            etype = BASELINE_LABELS.get(ent.label_)
            if etype is None:
                continue
            entity_id = make_id("baseline", etype.value, ent.text)
            if entity_id not in entities:
                entities[entity_id] = {"kind": "entity", "entity_id": entity_id, "type": etype.value,
                                       "name": ent.text, "aliases": [], "in_kb": False,
                                       "attributes": {"discovered_by": producer}}
            yield {"kind": "mention", "doc_id": doc_id, "entity_id": entity_id, "text": ent.text,
                   "start": ent.start_char, "end": ent.end_char, "producer": producer,
                   "confidence": 0.5}
    yield from entities.values()
