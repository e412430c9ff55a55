"""The exception hierarchy. One root; subclasses grouped by who has to act.

Expected bad data is not an exception: stages return a ``Rejection`` instead. These are for
broken settings, knowledge-base files, sources that cannot be read at all, stores and gold files.
The CLI turns any ``FactiongraphError`` into a one-line message and exit code ``exit_code``.
"""

from __future__ import annotations


class FactiongraphError(Exception):
    """Root of every error factiongraph raises on purpose."""

    exit_code = 1


class ConfigError(FactiongraphError):
    """A setting is wrong; the user fixes the setting."""

    exit_code = 2


class KnowledgeBaseError(FactiongraphError):
    """A knowledge-base file is invalid; the message names the file and the record."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, record: str | None = None,
                 errors: dict[str, str] | None = None) -> None:
        where = ", ".join(x for x in (path, f"record {record!r}" if record else None) if x)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.record = record
        self.errors = errors or {}


class SourceError(FactiongraphError):
    """An input cannot be read at all (not a per-document rejection)."""

    exit_code = 3


class StoreError(FactiongraphError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4


class GoldFormatError(FactiongraphError):
    """A gold file does not follow the gold/1 format."""

    exit_code = 2


class ReviewError(FactiongraphError):
    """A reviewer's judgement cannot be applied as asked: it names an entity (or a split) that does
    not exist, or undoing it would undo a later decision's changes; the reviewer picks another
    pair, or withdraws the later decision first."""

    exit_code = 2

    def __init__(self, message: str, *, blocked_by: list[str] | None = None) -> None:
        super().__init__(message)
        self.blocked_by = blocked_by or []
        """Later judgements to withdraw first (empty when the judgement names something unknown)."""
