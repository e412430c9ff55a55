"""Coreference candidates: stored events a new report may describe, read through indexes and kept in memory.

The pipeline asks for them once per new event (:meth:`CandidateCache.candidate_events`); the
events read are kept between calls, so a batch of reports of the same happenings reads each
stored event once. This store's own writes drop the events they change (``claims.py``,
``writer.py``, ``decisions.py``); a commit by another connection drops them all
(``PRAGMA data_version``; the PostgreSQL store reads them afresh for each batch instead).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from factiongraph.model import Event
from factiongraph.store.columns import day_number, event_from_row
from factiongraph.store.reads import ClaimReads

_CANDIDATE_CACHE_LIMIT = 50_000  # events kept for coreference between calls (a few tens of MB at most)


class CandidateCache(ClaimReads):
    """Stored events that may be the same happening as a new report, cached between calls."""

    def _check_data_version(self) -> None:
        """Drop the cached candidates when another connection has committed since they were read."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._data_version:
            self._candidates.clear()
            self._data_version = version

    def candidate_events(self, type_: str, sub_type: str, date_start: str | None, limit: int = 100,
                         keep: Callable[[Event], bool] | None = None) -> list[Event]:
        """Return stored events of the same type that could be the same happening (for coreference).

        Dated events: those within a year either side, nearest date first, then undated ones
        (most recently seen first). Read through the indexes of migration 0009, at most ``limit``
        rows per query, so the cost per new event stays flat as the store grows. Candidates carry participants but no evidence
        (coreference does not read it; the new report's evidence is added to the stored rows).
        Candidates are kept in memory between calls (this store's writes drop the ones they
        change; a commit by another connection drops them all), so callers must not modify them.
        ``keep``, when given, filters the candidates.
        """
        self._check_data_version()
        ids = self._candidate_ids(type_, sub_type, date_start, limit)
        if not ids:
            return []
        missing = [i for i in ids if i not in self._candidates]
        if missing and len(self._candidates) > _CANDIDATE_CACHE_LIMIT:
            self._candidates.clear()
            missing = ids
        if missing:
            rows = self.conn.execute(
                f"SELECT e.* FROM events e WHERE e.event_id IN ({','.join('?' * len(missing))})", missing).fetchall()
            loaded = [event_from_row(r, json.loads(r["attrs"]), []) for r in rows]
            self._attach_participants(loaded)
            self._candidates.update((e.event_id, e) for e in loaded)
        events = sorted((self._candidates[i] for i in ids), key=lambda e: (e.date_start or "", e.event_id))
        return [e for e in events if keep(e)] if keep is not None else events

    def _candidate_ids(self, type_: str, sub_type: str, date_start: str | None, limit: int) -> list[str]:
        """Return the ids of the ``limit`` candidate events (see :meth:`candidate_events`).

        Each query is an index range read of at most ``limit`` rows (migration 0009): for a dated
        event, the nearest dated events after and before its date within a year either side, then
        the undated ones last seen most recently; for an undated event, those last seen most recently.
        """
        head = "SELECT e.event_id, e.date_start FROM events e WHERE e.type = ? AND e.sub_type = ?"
        if not date_start:
            return [r[0] for r in self.conn.execute(f"{head} ORDER BY e.last_seen DESC LIMIT ?",
                                                    (type_, sub_type, limit))]
        year = int(date_start[:4])
        dated = [*self.conn.execute(
            f"{head} AND e.date_start >= ? AND e.date_start < ? ORDER BY e.date_start NULLS LAST LIMIT ?",
            (type_, sub_type, max(date_start, str(year - 1)), str(year + 2), limit)),
            *self.conn.execute(
            f"{head} AND e.date_start >= ? AND e.date_start < ? ORDER BY e.date_start DESC NULLS FIRST LIMIT ?",
            (type_, sub_type, str(year - 1), date_start, limit))]
        day = day_number(date_start)
        dated.sort(key=lambda r: -1 if (d := day_number(r[1])) is None or day is None else abs(d - day))
        ids = [r[0] for r in dated[:limit]]
        if len(ids) < limit:
            ids += [r[0] for r in self.conn.execute(
                f"{head} AND e.date_start IS NULL ORDER BY e.last_seen DESC LIMIT ?",
                (type_, sub_type, limit - len(ids)))]
        return ids
