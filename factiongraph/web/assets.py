"""Front-end libraries installed from the npm registry (``make web-assets``), served by the app.

Only the files listed here are served, from ``vendor/node_modules`` beside this module. When they
are missing the pages still work and say that the graph or map is not installed.
"""

from __future__ import annotations

from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor" / "node_modules"

#: URL name -> (file under node_modules, media type)
FILES: dict[str, tuple[str, str]] = {
    "cytoscape.min.js": ("cytoscape/dist/cytoscape.min.js", "text/javascript"),
    "leaflet.js": ("leaflet/dist/leaflet.js", "text/javascript"),
    "leaflet.css": ("leaflet/dist/leaflet.css", "text/css"),
    "topojson-client.min.js": ("topojson-client/dist/topojson-client.min.js", "text/javascript"),
    "countries-50m.json": ("world-atlas/countries-50m.json", "application/json"),
}

#: Which files each front-end feature needs.
FEATURES = {
    "graph": ("cytoscape.min.js",),
    "map": ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-50m.json"),
}


def vendor_file(name: str, root: Path = VENDOR) -> tuple[Path, str] | None:
    """Return the path and media type of a listed vendor file, or None when unlisted or missing."""
    entry = FILES.get(name)
    if entry is None:
        return None
    path = root / entry[0]
    return (path, entry[1]) if path.is_file() else None


def available(root: Path = VENDOR) -> dict[str, bool]:
    """Return, per feature, whether all of its files are installed."""
    return {feature: all(vendor_file(n, root) is not None for n in names) for feature, names in FEATURES.items()}
