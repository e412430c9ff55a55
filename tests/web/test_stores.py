"""A store handed out by the dependency works in whichever server thread the handler runs."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

from factiongraph.store import open_store
from factiongraph.store.views import get_entity
from factiongraph.web.context import store_of
from factiongraph.web.stores import StoreConnections


def test_the_dependency_and_the_handler_may_run_on_different_threads(tmp_path: Path) -> None:
    path = tmp_path / "fg.db"
    open_store(str(path)).close()
    connections = StoreConnections(path)
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(stores=connections)))
    handed: list[object] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def resolve_dependency() -> None:
        handed.append(store_of(request))  # type: ignore[arg-type]
        done.wait(10)  # stay alive, so the handler's thread cannot reuse this thread's id
    resolve = threading.Thread(target=resolve_dependency)
    resolve.start()
    while not handed:
        threading.Event().wait(0.01)

    def handle() -> None:
        try:
            assert get_entity(handed[0], "no-such-entity") is None  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
    worker = threading.Thread(target=handle)
    worker.start()
    worker.join()
    done.set()
    resolve.join()

    assert errors == []
