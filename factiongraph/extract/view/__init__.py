"""The shared view of one document that every extractor reads: context, sentences, mentions, syntax.

Nothing here knows about events, relations or quotes; those subpackages import from here and
never from each other.
"""

from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.docview import DocView

__all__ = ["DocContext", "DocView"]
