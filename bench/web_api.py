"""Latency of the web API's entity profile and search calls on a store (part of ``make bench``).

The calls go through the whole application (routing, store views, JSON) in process, with
Starlette's test client, so the time is the server's and not the network's.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples) * 1000, samples[int(0.95 * (len(samples) - 1))] * 1000


def time_web_api(db: Path, entity_ids: list[str], names: list[str], rounds: int = 200,
                 seed: int = 5) -> dict[str, tuple[float, float]]:
    """Return ``{call: (p50 ms, p95 ms)}`` for ``rounds`` profile and search calls on random entities."""
    from fastapi.testclient import TestClient

    from factiongraph.settings import Settings
    from factiongraph.web import create_app

    rng = random.Random(seed)
    timings: dict[str, list[float]] = {"web API: entity profile": [], "web API: search": []}
    # One client makes every call: no rate limit; the test client's requests name a loopback host.
    app = create_app(Settings(db=str(db), rate_limit_per_minute=0))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        client.get("/api/overview")  # open this thread's connection before timing
        for _ in range(rounds):
            for label, url in (("web API: entity profile", f"/api/entities/{quote(rng.choice(entity_ids), safe='')}"),
                               ("web API: search", f"/api/search?q={quote(rng.choice(names))}")):
                t = time.perf_counter()
                response = client.get(url)
                timings[label].append(time.perf_counter() - t)
                if response.status_code != 200:
                    raise RuntimeError(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return {k: _percentiles(v) for k, v in timings.items()}


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.web_api STORE``: print the latencies for the 30 most mentioned entities."""
    import sys

    from factiongraph.resolve.keys import make_key
    from factiongraph.store import open_store
    from factiongraph.store.views import rank_entities

    path = Path((argv or sys.argv[1:])[0])
    with open_store(path, key_fn=make_key) as store:
        top = rank_entities(store, limit=30)
    result: dict[str, Any] = time_web_api(path, [r["entity_id"] for r in top], [r["name"] for r in top])
    for name, (p50, p95) in result.items():
        print(f"{name:<26} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms")


if __name__ == "__main__":
    main()
