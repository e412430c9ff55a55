"""No path traversal in any route that serves files (``/static``, ``/vendor``) or names a stored
record (``/documents``, ``/api/documents``, ``/entities``, ``/events``).

The requests go to a real uvicorn server over a raw socket, with the path exactly as written:
an HTTP client library would resolve ``../`` itself before sending. Every attempt must be
answered 404 (or 400 when the server refuses the request line), and no answer may carry the
contents of a file outside the asset folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.web import assets
from tests.web.conftest import LiveServer
from tests.web.factory import raw_request

pytestmark = pytest.mark.slow

WEB = Path(__file__).resolve().parents[2] / "factiongraph" / "web"
#: Files outside the served folders and a line each that would show it leaked.
SECRETS = {"app.py": b"def create_app", "/etc/passwd": b"root:", "package.json": b'"dependencies"',
           "cytoscape/package.json": b'"name": "cytoscape"'}

TRAVERSALS = [
    "../app.py", "../../web/app.py", "%2e%2e/app.py", "%2e%2e%2fapp.py", "..%2fapp.py", "..%2F..%2Fweb%2Fapp.py",
    "%252e%252e%252fapp.py", "..%5capp.py", "..\\app.py", "....//app.py", ".%2e/app.py", "%c0%ae%c0%ae/app.py",
    "/etc/passwd", "%2fetc%2fpasswd", "//etc/passwd", "..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "../../../../../../../../etc/passwd", "C:%5cWindows%5cwin.ini", "file:///etc/passwd", "app.py%00.css",
    "../vendor/package.json", "..%2fvendor%2fpackage.json", "../vendor/node_modules/cytoscape/package.json",
    "cytoscape/package.json", "node_modules%2fcytoscape%2fpackage.json", "..",  "%2e%2e", ".", "",
]
PREFIXES = ["/static/", "/vendor/", "/documents/", "/api/documents/", "/entities/", "/events/", "/api/events/"]


@pytest.fixture(scope="module")
def port(live_server: LiveServer) -> int:
    return live_server.port


def get(port: int, path: str) -> tuple[int, bytes]:
    return raw_request(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())


def test_the_asset_routes_serve_their_own_files(port: int) -> None:
    """The control: the same requests reach real files when the path is inside the folders."""
    status, answer = get(port, "/static/app.css")
    assert status == 200 and b"text/css" in answer
    if assets.available()["graph"]:
        assert get(port, "/vendor/cytoscape.min.js")[0] == 200
    assert get(port, "/static/./app.css")[0] in (200, 404)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_traversal_out_of_any_file_route(port: int, prefix: str) -> None:
    for attempt in TRAVERSALS:
        status, answer = get(port, prefix + attempt)
        assert status in (404, 400, 307, 308), (prefix + attempt, status, answer[:200])
        for leak in SECRETS.values():
            assert leak not in answer, (prefix + attempt, answer[:300])
        if status in (307, 308):  # a redirect may only normalise within the site
            location = [h for h in answer.split(b"\r\n") if h.lower().startswith(b"location:")][0]
            assert b"//" not in location.split(b":", 1)[1].strip().replace(b"http://127.0.0.1", b""), location


def test_vendor_serves_only_the_listed_files(port: int) -> None:
    for name in ("package.json", "package-lock.json", "node_modules", "cytoscape", "leaflet.js/../package.json",
                 "LEAFLET.JS", "leaflet.js.map", "leaflet.js%00"):
        assert get(port, "/vendor/" + name)[0] in (400, 404), name
    assert all(not Path(entry).is_absolute() and ".." not in Path(entry).parts for entry, _ in assets.FILES.values())
