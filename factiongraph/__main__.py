"""``python -m factiongraph`` runs the CLI."""

from factiongraph.cli import main

main()
