"""RSS/Atom feeds -> one RawDocument per item.

Each item's link is fetched; when it cannot be (any rejection: network, status, binary, size),
the item's own content or summary is used as an HTML document instead. Item title, author and
date become hints. ``feedparser`` parses bytes we already hold; it is never allowed to fetch.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser  # type: ignore[import-untyped]

from factiongraph.ingest.decode import sniff_binary
from factiongraph.ingest.fetch import Kind, classify_response, document_from_response, fetch_url
from factiongraph.ingest.hints import clean_name, merge_hints, parse_published
from factiongraph.ingest.options import IngestOptions
from factiongraph.model.document import DatePrecision, Metadata, RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.model.rejection import Rejection, RejectionReason

logger = logging.getLogger(__name__)


def iter_feed_documents(source: str, data: bytes, opts: IngestOptions, *, base_url: str | None = None,
                        content_type: str | None = None,
                        fetched_at: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Yield one RawDocument (or Rejection) per item of the feed in ``data``.

    Args:
        source: the feed's path or URL (names item documents that have no link).
        data: the feed bytes.
        opts: ingest options (item pages are fetched with them).
        base_url: URL the feed was fetched from, to resolve relative item links.
        content_type: the feed's ``Content-Type``, if known.
        fetched_at: when the feed was fetched (used for items built from feed content).

    Yields:
        Item documents; ``bad-feed`` if the bytes are not a feed, ``empty`` if it has no items.
    """
    why = sniff_binary(data)
    if why is not None:
        yield Rejection(source, RejectionReason.BINARY, why)
        return
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = f"not an RSS/Atom feed: {problem}" if problem else "not an RSS/Atom feed"
        yield Rejection(source, RejectionReason.BAD_FEED, detail.replace("\n", " "))
        return
    if not entries:
        yield Rejection(source, RejectionReason.EMPTY, "feed has no items")
        return
    if parsed.get("bozo"):
        logger.warning("feed %s is malformed (%s); using the %d items read", source,
                       parsed.get("bozo_exception"), len(entries))
    language = clean_name(parsed.get("feed", {}).get("language"))
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        link = _entry_link(entry, base_url)
        if link is not None and link in seen:
            continue
        if link is not None:
            seen.add(link)
        hints = merge_hints(entry_hints(entry), Metadata(language=language))
        yield _document_for_entry(source, index, entry, link, hints, opts, fetched_at)


def entry_hints(entry: Any) -> Metadata:
    """Return title, author and date hints for one feed item."""
    detail = entry.get("author_detail") or {}
    hints = Metadata(title=clean_name(entry.get("title")),
                     author=clean_name(detail.get("name") or entry.get("author")))
    for key, basis in (("published", "metadata: feed pubDate"), ("updated", "metadata: feed updated")):
        parsed = parse_published(entry.get(key)) or _from_struct(entry.get(f"{key}_parsed"))
        if parsed is not None:
            hints.published, hints.published_precision = parsed
            hints.published_basis = basis
            break
    return hints


def _from_struct(value: object) -> tuple[str, DatePrecision] | None:
    """Return the day of a feedparser ``*_parsed`` time tuple (UTC) as a fallback."""
    if not isinstance(value, time.struct_time):
        return None
    return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}", DatePrecision.DAY


def _entry_link(entry: Any, base_url: str | None) -> str | None:
    """Return the item's absolute http(s) link, or None."""
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        link = urljoin(base_url, link.strip()) if base_url else link.strip()
        return link if urlsplit(link).scheme in ("http", "https") and urlsplit(link).netloc else None
    except ValueError:  # e.g. a malformed IPv6 host
        return None


def _entry_content(entry: Any) -> tuple[str, str] | None:
    """Return ``(text, media_type)`` of the item's content, else its summary, else None."""
    candidates: list[Any] = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for item in candidates:
        value = item.get("value")
        if isinstance(value, str) and value.strip():
            media = "text/plain" if item.get("type") == "text/plain" else "text/html"
            return value, media
    return None


def _document_for_entry(source: str, index: int, entry: Any, link: str | None, hints: Metadata,
                        opts: IngestOptions, fetched_at: str | None) -> RawDocument | Rejection:
    """Fetch the item's page, falling back to the item's own content."""
    failure: Rejection | None = None
    if link is not None:
        page = _fetch_page(link, opts)
        if isinstance(page, RawDocument):
            page.hints = merge_hints(hints, page.hints)
            return page
        failure = page
        logger.info("feed %s item %d: %s; using the item's content", source, index, page.line())
    content = _entry_content(entry)
    item_source = link or f"{source}#{index}"
    if content is None:
        if failure is not None:
            return failure
        return Rejection(item_source, RejectionReason.EMPTY, "feed item has no link and no content")
    text, media_type = content
    if link is not None:
        hints.url = link
        hints.basis["url"] = "metadata: feed item link"
    return RawDocument(source=item_source, text=text, media_type=media_type,
                       content_hash=hash_bytes(text.encode("utf-8")), fetched_at=fetched_at, hints=hints)


def _fetch_page(link: str, opts: IngestOptions) -> RawDocument | Rejection:
    """Fetch one item page; a nested feed is not expanded (it counts as unsupported)."""
    resp = fetch_url(link, opts)
    if isinstance(resp, Rejection):
        return resp
    kind = classify_response(resp)
    if isinstance(kind, Rejection):
        return kind
    if kind is Kind.FEED:
        return Rejection(link, RejectionReason.UNSUPPORTED, "feed item links to another feed")
    return document_from_response(resp, kind)
