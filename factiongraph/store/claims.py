"""Claims written: entities and their aliases, mentions, events with participants, relations, quotes, evidence.

Entities and claims are upserted by id (an event joined to an earlier report by coreference is
that report's row with one more evidence row); evidence and mentions are inserted. Each method
runs inside the write path's transaction (``writer.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from factiongraph.model import Entity, Event, Mention, Quote, Relation
from factiongraph.model.ids import make_id
from factiongraph.model.result import claim_id
from factiongraph.store.columns import to_json, val
from factiongraph.store.schema import StoreSchema

_ALIAS_KEY_CACHE_LIMIT = 100_000  # aliases whose keys are remembered (a few MB)


class ClaimWrites(StoreSchema):
    """Upserts of entities and claims, one statement per table (``executemany``)."""

    def _write_claims(self, entities: Sequence[Entity], mentions: Sequence[Mention], events: Sequence[Event],
                      relations: Sequence[Relation], quotes: Sequence[Quote], now: str, or_ignore: bool = False) -> None:
        """Upsert entities and claims and insert mentions (``or_ignore``: keep mentions already stored)."""
        self._upsert_entities(entities, now)
        # A mention id is (document, span): new with its document, so a plain INSERT. Two mentions
        # of one span keep the last (as REPLACE would; REPLACE itself is slow with foreign keys on).
        mention_rows = {
            make_id("m", m.doc_id, m.start, m.end): (
                m.doc_id, m.entity_id, m.start, m.end, m.text, m.type.value, m.producer, m.confidence,
                int(m.in_content), m.sentence_start, m.sentence_end)
            for m in mentions
        }
        self.conn.executemany(
            f'INSERT {"OR IGNORE " if or_ignore else ""}INTO mentions (mention_id, doc_id, entity_id, start, "end",'
            " text, type, producer, confidence, in_content, sentence_start, sentence_end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(mention_id, *row) for mention_id, row in mention_rows.items()],
        )
        self._upsert_events(events, now)
        self._upsert_relations(relations, now)
        self._upsert_quotes(quotes, now)

    # Each claim kind is written with one statement per table (executemany), in list order. An
    # upsert leaves a stored row alone when nothing it would set differs (WHERE …): on PostgreSQL
    # every update is a new row version, and the same entities and events, rewritten unchanged by
    # every document of a batch, made each later lookup of them walk hundreds of dead versions.
    def _upsert_entities(self, entities: Sequence[Entity], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO entities (entity_id, type, name, in_kb, attributes, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(entity_id) DO UPDATE SET type = excluded.type,"
            " name = excluded.name, in_kb = excluded.in_kb, attributes = excluded.attributes,"
            " last_seen = excluded.last_seen WHERE entities.type <> excluded.type OR entities.name <> excluded.name"
            " OR entities.in_kb <> excluded.in_kb OR entities.attributes <> excluded.attributes"
            " OR entities.last_seen <> excluded.last_seen",
            [(e.entity_id, e.type.value, e.name, int(e.in_kb), to_json(e.attributes), now, now) for e in entities],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?,?,?)",
            [(e.entity_id, a, self._alias_key(a)) for e in entities for a in {e.name, *e.aliases}],
        )

    def _alias_key(self, alias: str) -> str:
        """Return ``key_fn(alias)``, remembered: every document re-writes its entities' aliases."""
        key = self._alias_keys.get(alias)
        if key is None:
            if len(self._alias_keys) >= _ALIAS_KEY_CACHE_LIMIT:
                self._alias_keys.clear()
            key = self._alias_keys[alias] = self.key_fn(alias)
        return key

    def _evidence(self, kind: str, claims: Sequence[Event | Relation | Quote]) -> None:
        self.conn.executemany(
            'INSERT OR IGNORE INTO evidence (evidence_id, claim_kind, claim_id, doc_id, start, "end", text, producer,'
            " confidence) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (make_id("ev", kind, claim_id, ev.doc_id, ev.start, ev.end, ev.producer), kind, claim_id,
                 ev.doc_id, ev.start, ev.end, ev.text, ev.producer, ev.confidence)
                for claim, claim_id in ((c, claim_id(c)) for c in claims)
                for ev in claim.evidence
            ],
        )

    def _upsert_events(self, events: Sequence[Event], now: str) -> None:
        for e in events:
            self._candidates.pop(e.event_id, None)
        self.conn.executemany(
            "INSERT INTO events (event_id, type, sub_type, date_start, date_end, date_precision, location_id,"
            " location_name, lat, lon, geo_precision, certainty, counts, attrs, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(event_id) DO UPDATE SET"
            " date_start = excluded.date_start, date_end = excluded.date_end,"
            " date_precision = excluded.date_precision, location_id = excluded.location_id,"
            " location_name = excluded.location_name, lat = excluded.lat, lon = excluded.lon,"
            " geo_precision = excluded.geo_precision, counts = excluded.counts, attrs = excluded.attrs,"
            " last_seen = excluded.last_seen WHERE events.last_seen <> excluded.last_seen"
            " OR events.counts <> excluded.counts OR events.attrs <> excluded.attrs"
            " OR events.date_start IS NOT excluded.date_start OR events.date_end IS NOT excluded.date_end"
            " OR events.date_precision IS NOT excluded.date_precision"
            " OR events.location_id IS NOT excluded.location_id OR events.location_name IS NOT excluded.location_name"
            " OR events.lat IS NOT excluded.lat OR events.lon IS NOT excluded.lon"
            " OR events.geo_precision IS NOT excluded.geo_precision",
            [
                (e.event_id, e.type, e.sub_type, e.date_start, e.date_end, val(e.date_precision), e.location_id,
                 e.location_name, e.lat, e.lon, e.geo_precision, val(e.certainty), to_json(e.counts),
                 to_json(e.attrs), now, now)
                for e in events
            ],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role) VALUES (?,?,?)",
            [(e.event_id, entity_id, role) for e in events
             for role, ids in (("actor", e.actors), ("target", e.targets)) for entity_id in ids],
        )
        self._evidence("event", events)

    def _upsert_relations(self, relations: Sequence[Relation], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO relations (relation_id, subject_id, predicate, object_id, attrs, valid_from, valid_to,"
            " first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(relation_id) DO UPDATE SET"
            " last_seen = excluded.last_seen WHERE relations.last_seen <> excluded.last_seen",
            [(r.relation_id, r.subject_id, r.predicate.value, r.object_id, to_json(r.attrs), r.valid_from,
              r.valid_to, now, now) for r in relations],
        )
        self._evidence("relation", relations)

    def _upsert_quotes(self, quotes: Sequence[Quote], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO quotes (quote_id, speaker_id, speaker_role, via_id, text, anonymous, about, first_seen,"
            " last_seen) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(quote_id) DO UPDATE SET last_seen = excluded.last_seen"
            " WHERE quotes.last_seen <> excluded.last_seen",
            [(q.quote_id, q.speaker_id, q.speaker_role, q.via_id, q.text, int(q.anonymous), to_json(q.about), now, now)
             for q in quotes],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO quote_about (quote_id, entity_id) VALUES (?, ?)",
            [(q.quote_id, a) for q in quotes for a in q.about],
        )
        self._evidence("quote", quotes)
