"""Request limits: the body size (setting ``max_request_bytes``) and a per-client rate limit for
searches and writes (setting ``rate_limit_per_minute``).

A body whose declared ``Content-Length`` is over the limit is answered 413 before any of it is
read; a body without one (chunked) is counted as it arrives and refused as soon as it passes
the limit, so the server never holds more than the limit in memory.

Searches run full-text and alias queries, and writes run the pipeline or change the store: those
are what a client could use to wear the server down or guess the token. Each client address gets
a token bucket that holds one minute's allowance and refills evenly; a request that finds it
empty is answered 429 with ``Retry-After`` (seconds until the next token). Reading pages and the
other API calls is not limited.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from fastapi import HTTPException, Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factiongraph.web.context import error_response

#: GET paths that count against the limit (besides every method that writes).
LIMITED_PATHS = frozenset({"/api/search", "/search"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Buckets kept at most; beyond that, full (idle) buckets are forgotten first.
MAX_CLIENTS = 10_000


class BodyTooLarge(HTTPException):
    """Raised while reading a body that passes the limit (the app's error handler answers 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes (setting max_request_bytes)")


class BodyLimit:
    """ASGI middleware that refuses request bodies over ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            error = BodyTooLarge(self.limit)
            await error_response(Request(scope), 413, "Too large", str(error.detail))(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


class TokenBuckets:
    """One token bucket per client, ``per_minute`` tokens deep, refilled at ``per_minute`` a minute."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, time of last update)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Take a token for ``client``; return 0.0, or the seconds to wait when none is left."""
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                self._forget_idle(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _forget_idle(self, now: float) -> None:
        """Drop buckets that have refilled completely when too many clients are remembered."""
        if len(self._buckets) <= MAX_CLIENTS:
            return
        full = [c for c, (tokens, then) in self._buckets.items()
                if tokens + (now - then) * self.rate >= self.capacity]
        for client in full:
            del self._buckets[client]


def is_limited(method: str, path: str) -> bool:
    """Return whether a request counts against the rate limit (a write, or a search)."""
    return method.upper() not in READ_METHODS or path in LIMITED_PATHS


class RateLimit:
    """ASGI middleware that refuses searches and writes over the per-client limit with 429."""

    def __init__(self, app: ASGIApp, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.buckets = TokenBuckets(per_minute, clock) if per_minute > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.buckets is None or scope["type"] != "http" or not is_limited(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown")
        if not wait:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = error_response(Request(scope, receive), 429, "Too many requests",
                                  f"too many searches or writes from this address; try again in {seconds} s",
                                  headers={"Retry-After": str(seconds)})
        await response(scope, receive, send)
