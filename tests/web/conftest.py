"""A store built once per session from the sample corpus plus an article (and a KB record) full of
markup, and a real uvicorn server over it on a free loopback port.

The store is built by the real pipeline with the trained spaCy model (slow marker on the tests
that use it). Tests that write use a copy (``writable_db``), never the shared store.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from factiongraph.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "factiongraph" / "data" / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MARKUP_ARTICLE = FIXTURES / "markup_article.txt"
MARKUP_KB = FIXTURES / "markup_kb.yaml"
TOKEN = "test-token-7f3c"


def web_settings(db: Path, **changes: object) -> Settings:
    """Return the settings the web tests use (the markup KB record added to the bundled KB).

    The test client sends ``Host: testserver``, so that name is allowed besides loopback.
    """
    values: dict[str, object] = {"db": str(db), "kb_paths": (str(MARKUP_KB),),
                                 "allowed_hosts": (*Settings().allowed_hosts, "testserver"), **changes}
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store holding the sample corpus and the markup article (built once)."""
    from factiongraph.pipeline import Pipeline
    from factiongraph.resolve.keys import make_key
    from factiongraph.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.db"
    settings = web_settings(path)
    with open_store(path, key_fn=make_key) as store:
        summary = Pipeline(settings).run([str(SAMPLE), str(MARKUP_ARTICLE)], store)
    assert summary.stored == 13 and not summary.rejected
    return path


@pytest.fixture
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    """Return a private copy of the session store for tests that write."""
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    return copy


class LiveServer:
    """uvicorn serving an app on a pre-bound loopback socket in a background thread."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))  # type: ignore[arg-type]
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[LiveServer]:
    """Serve the session store (read-only) on 127.0.0.1 and a free port."""
    from factiongraph.web import create_app

    with LiveServer(create_app(web_settings(web_db))) as server:
        yield server
