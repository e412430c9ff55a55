"""One module per resource; each has an ``api`` router (JSON, under /api) and a ``pages`` router."""
