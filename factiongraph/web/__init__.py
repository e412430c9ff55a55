"""The web application: read-only pages and a JSON API over a store (extra ``web``).

``create_app(settings, store)`` builds the ASGI app; ``factiongraph serve`` runs it under uvicorn.
Nothing here queries SQL directly: pages and API read through ``store.views`` and ``analyze``.
"""

from __future__ import annotations

__all__ = ["create_app"]

from factiongraph.web.app import create_app
