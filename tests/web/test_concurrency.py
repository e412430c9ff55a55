"""Many requests at once on a real server: every one is answered 200 (each request borrows its
own store connection, though its dependencies and handler may run in different threads)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from tests.web.conftest import LiveServer

pytestmark = pytest.mark.slow

URLS = ["/api/entities/kataib-hezbollah", "/api/search?q=Basra", "/api/events?actor=kataib-hezbollah",
        "/api/graph?around=kataib-hezbollah", "/api/overview", "/entities/kataib-hezbollah", "/events"]


def test_concurrent_requests_all_succeed(live_server: LiveServer) -> None:
    def fetch(i: int) -> int:
        try:
            with urlopen(live_server.url + URLS[i % len(URLS)], timeout=60) as response:  # noqa: S310 - loopback
                response.read()
                return int(response.status)
        except HTTPError as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(pool.map(fetch, range(24 * 15)))
    assert statuses == [200] * len(statuses), sorted(set(statuses))
