"""Ingest: read files, directories, globs, stdin, URLs and RSS/Atom feeds into RawDocuments.

Also home of near-duplicate detection (MinHash + LSH band keys). See docs/stages/ingest.md.
"""

from factiongraph.ingest.dedupe import estimate_similarity, lsh_bands, minhash_signature
from factiongraph.ingest.options import NAME, IngestOptions
from factiongraph.ingest.sources import iter_inputs

__all__ = [
    "NAME",
    "IngestOptions",
    "estimate_similarity",
    "iter_inputs",
    "lsh_bands",
    "minhash_signature",
]
