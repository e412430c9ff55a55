"""factiongraph: news about armed groups -> a sourced, time-aware knowledge graph and event dataset."""

__version__ = "0.1.0"
