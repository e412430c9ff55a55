"""``python -m bench.web_load`` (part of ``make bench``): a bounded load test of the web API.

A real ``factiongraph serve`` process on a free loopback port, over a store of generated
articles (the sample corpus recombined, as in bench/crash.py), and 50 concurrent clients of our
own (httpx on asyncio, one keep-alive connection each) for 30 seconds, each cycling through
entity profiles, searches, event filters and the network. Reports throughput and latency
percentiles per endpoint in bench/results/web_load.md and exits non-zero on any error (a status
other than 200, or a failed connection).

The server runs with ``rate_limit_per_minute = 0``: all the clients share one address, which
the rate limit would otherwise (rightly) throttle. Everything else is the default server.
"""

from __future__ import annotations

import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from tests.factory import factiongraph_cmd, ingest, stored_documents, write_recombined

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work" / "web_load"
RESULTS = ROOT / "bench" / "results" / "web_load.md"
DOCUMENTS = int(os.environ.get("BENCH_WEB_DOCS", "200"))
CLIENTS = int(os.environ.get("BENCH_WEB_CLIENTS", "50"))
SECONDS = float(os.environ.get("BENCH_WEB_SECONDS", "30"))


@dataclass
class Tally:
    """Latencies (seconds) and errors of one kind of request."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def row(self, name: str, seconds: float) -> str:
        lat = sorted(self.latencies) or [0.0]
        p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
        return (f"| {name} | {len(self.latencies)} | {len(self.latencies) / seconds:.1f} | "
                f"{statistics.median(lat) * 1000:.1f} | {p99 * 1000:.1f} | {lat[-1] * 1000:.1f} | {len(self.errors)} |")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _urls(base: str) -> list[tuple[str, str]]:
    """Return the requests the clients cycle through: ``(kind, url)``, built from the store."""
    import httpx

    top = httpx.get(f"{base}/api/entities?limit=20").json()["items"]
    groups = httpx.get(f"{base}/api/entities?type=armed_group&limit=5").json()["items"]
    urls = []
    for e in top:
        urls.append(("profile", f"{base}/api/entities/{quote(e['entity_id'], safe='')}"))
        urls.append(("search", f"{base}/api/search?{urlencode({'q': e['name']})}"))
    for g in groups:
        urls.append(("events", f"{base}/api/events?{urlencode({'actor': g['name']})}"))
        urls.append(("graph", f"{base}/api/graph?{urlencode({'around': g['entity_id'], 'depth': 2})}"))
    urls += [("events", f"{base}/api/events?type=Battles"), ("events", f"{base}/api/events?place=Iraq"),
             ("events", f"{base}/api/events?since=2020&limit=50"), ("graph", f"{base}/api/graph"),
             ("graph", f"{base}/api/graph?type=armed_group&type=person"), ("search", f"{base}/api/search?q=drone")]
    return urls


async def _client(number: int, urls: list[tuple[str, str]], until: float, tallies: dict[str, Tally]) -> None:
    import httpx

    async with httpx.AsyncClient(timeout=30.0, limits=httpx.Limits(max_connections=1)) as client:
        i = number * 7  # clients start at different places of the cycle
        while time.perf_counter() < until:
            kind, url = urls[i % len(urls)]
            i += 1
            started = time.perf_counter()
            try:
                response = await client.get(url)
                ok = response.status_code == 200
                detail = f"HTTP {response.status_code} {url}"
            except httpx.HTTPError as exc:
                ok, detail = False, f"{type(exc).__name__} {url}"
            elapsed = time.perf_counter() - started
            if ok:
                tallies[kind].latencies.append(elapsed)
            else:
                tallies[kind].errors.append(detail)


async def _load(urls: list[tuple[str, str]]) -> tuple[dict[str, Tally], float]:
    tallies = {kind: Tally() for kind, _ in urls}
    started = time.perf_counter()
    await asyncio.gather(*(_client(n, urls, started + SECONDS, tallies) for n in range(CLIENTS)))
    return tallies, time.perf_counter() - started


def main() -> int:
    import httpx

    WORK.mkdir(parents=True, exist_ok=True)
    db = WORK / "store.db"
    if not db.exists() or stored_documents(db) != DOCUMENTS:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        corpus = WORK / "corpus"
        for old in corpus.glob("*.txt"):
            old.unlink()
        write_recombined(corpus, DOCUMENTS, seed=18)
        done = ingest(db, str(corpus))
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "FACTIONGRAPH_RATE_LIMIT_PER_MINUTE": "0"}
    log = (WORK / "server.log").open("w")
    server = subprocess.Popen(factiongraph_cmd(db, "serve", "--port", str(port)), env=env,
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/overview", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        urls = _urls(base)
        for _, url in urls:  # warm the caches (graph links, this process's connections)
            httpx.get(url, timeout=30).raise_for_status()
        tallies, seconds = asyncio.run(_load(urls))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    total = Tally([x for t in tallies.values() for x in t.latencies], [x for t in tallies.values() for x in t.errors])
    lines = [
        f"# factiongraph web API load test ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"`factiongraph serve` (one uvicorn process, default settings but `rate_limit_per_minute = 0`) on "
        f"127.0.0.1 over a store of {DOCUMENTS} generated documents; {CLIENTS} concurrent clients (httpx on "
        f"asyncio in one other process, one keep-alive connection each) for {seconds:.0f} s; "
        f"{os.cpu_count()} CPU cores shared by server and clients; Python {platform.python_version()}.",
        "",
        "| requests | count | per second | p50 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|---|",
        *(tallies[k].row(k, seconds) for k in sorted(tallies)),
        total.row("**all**", seconds),
    ]
    if total.errors:
        lines += ["", "Errors (first 10):", *(f"- {e}" for e in total.errors[:10])]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if total.errors else 0


if __name__ == "__main__":
    sys.exit(main())
