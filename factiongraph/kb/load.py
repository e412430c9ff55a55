"""Read the bundled KB files and the user's files, validate, merge and index them.

Order: the bundled files in ``factiongraph/kb/data`` (sorted by name), then the user paths in the
order given (a directory means every ``*.yaml``/``*.yml`` in it, sorted). An id may appear only
once among the bundled files; a user record with an existing id replaces that record whole (a
later user file wins over an earlier one). References are checked after merging, so a user file
may refer to bundled records and the other way round.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from factiongraph.errors import KnowledgeBaseError
from factiongraph.kb.base import KnowledgeBase
from factiongraph.kb.gazetteer import DEFAULT_COUNTRIES, Gazetteer
from factiongraph.kb.record import KBRecord
from factiongraph.kb.schema import check_references, validate_document
from factiongraph.model import EntityType

logger = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parent / "data"
KB_SUFFIXES = (".yaml", ".yml")
VERSION_LENGTH = 12
# The C-accelerated safe loader when libyaml is present (about 10x faster), else the pure one.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def list_bundled_files() -> list[Path]:
    """Return the bundled KB files, sorted by name."""
    return sorted(p for p in BUNDLED_DIR.iterdir() if p.suffix in KB_SUFFIXES)


def expand_user_paths(user_paths: Sequence[str | Path]) -> list[Path]:
    """Return the KB files named by ``user_paths`` (files as given, directories expanded).

    Raises:
        KnowledgeBaseError: a path does not exist.
    """
    files: list[Path] = []
    for raw in user_paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in KB_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise KnowledgeBaseError("knowledge-base file not found (check the kb_paths setting)",
                                     path=str(path))
    return files


def read_kb_file(path: Path) -> tuple[bytes, list[KBRecord]]:
    """Return the raw bytes and validated records of one KB file.

    Raises:
        KnowledgeBaseError: the file cannot be read, is not YAML, or holds an invalid record.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc
    try:
        parsed: Any = yaml.load(data.decode("utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (safe loader)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"not valid UTF-8 YAML: {exc}", path=str(path)) from exc
    return data, validate_document(parsed, path=str(path))


def build_kb(bundled: Sequence[Path], user: Sequence[Path],
             gazetteer_countries: Sequence[str] = DEFAULT_COUNTRIES) -> KnowledgeBase:
    """Validate and merge the given files into a :class:`KnowledgeBase` (no caching).

    Raises:
        KnowledgeBaseError: any invalid file or record, a duplicate bundled id, or a dangling
            or ill-typed reference.
    """
    records: dict[str, KBRecord] = {}
    origins: dict[str, str] = {}
    digest = hashlib.sha256()
    for is_user, paths in ((False, bundled), (True, user)):
        for path in paths:
            data, file_records = read_kb_file(path)
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
            for record in file_records:
                if record.id in records:
                    if not is_user:
                        raise KnowledgeBaseError(f"duplicate id, already defined in {origins[record.id]}",
                                                 path=str(path), record=record.id)
                    logger.info("kb: %s overrides %r from %s", path, record.id, origins[record.id])
                records[record.id] = record
                origins[record.id] = str(path)
    check_references(records, origins)
    country_ids = {str(r.attributes["iso"]): r.id for r in records.values()
                   if r.type is EntityType.COUNTRY and "iso" in r.attributes}
    wanted = {iso: country_ids[iso] for iso in gazetteer_countries if iso in country_ids}
    version = digest.hexdigest()[:VERSION_LENGTH]
    logger.info("kb: %d records from %d files, version %s", len(records),
                len(bundled) + len(user), version)
    return KnowledgeBase(records, version=version, origins=origins,
                         gazetteer=Gazetteer(wanted) if wanted else None)


@lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int, int], ...]) -> KnowledgeBase:
    return build_kb(list_bundled_files(), [Path(p) for p, _, _ in key])


def load_kb(user_paths: Sequence[str | Path] = ()) -> KnowledgeBase:
    """Load the bundled knowledge base plus the user's files (the ``kb_paths`` setting).

    The result is cached per process for the same files with the same size and modification
    time, so calling it from every stage is cheap and an edited file is picked up.

    Args:
        user_paths: extra KB files or directories of them; their records override bundled
            records with the same id.

    Returns:
        The merged, validated :class:`KnowledgeBase`.

    Raises:
        KnowledgeBaseError: a missing or invalid file; the message names the file and record.
    """
    files = expand_user_paths(user_paths)
    key = tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load_cached(key)
