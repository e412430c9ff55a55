"""Deterministic identifiers: content hashes of the fields that define a record."""

from __future__ import annotations

import hashlib


def hash_bytes(data: bytes) -> str:
    """Return the hex SHA-256 of raw bytes (the identity of an ingested document)."""
    return hashlib.sha256(data).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """Return ``prefix-<16 hex>`` from the repr-free string form of ``parts``.

    The same parts always give the same id, so re-running a stage upserts instead of duplicating.
    """
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}-{digest.hexdigest()[:16]}"
