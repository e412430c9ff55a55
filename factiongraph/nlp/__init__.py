"""The nlp stage: tokens, sentences, KB patterns, discovery rules and statistical NER -> mentions."""

from factiongraph.nlp.pipeline import NAME, PRODUCER, VERSION, AnnotatedDoc, NlpPipeline, mask_boilerplate

__all__ = ["NAME", "PRODUCER", "VERSION", "AnnotatedDoc", "NlpPipeline", "mask_boilerplate"]
