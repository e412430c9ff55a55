"""A tiny store built by hand (no spaCy): two short articles written for these tests, their claims.

``python -m tests.export.factory`` (``make golden``) rewrites the golden files from it; review the
diff before committing.
"""

from __future__ import annotations

import io
from pathlib import Path

from factiongraph.export.formats import FORMATS, write_export
from factiongraph.model import (
    Block,
    BlockPart,
    Certainty,
    DatePrecision,
    Document,
    Entity,
    EntityType,
    Event,
    Evidence,
    Mention,
    Metadata,
    Predicate,
    Quote,
    Relation,
)
from factiongraph.model.ids import hash_bytes
from factiongraph.model.result import DocumentResult
from factiongraph.store import SQLiteStore, open_store

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"jsonl": "jsonl", "stix": "stix.json", "ftm": "ftm.jsonl", "graphml": "graphml", "gexf": "gexf",
          "acled-csv": "acled.csv"}

TEXT_A = ("Lantern Brigades raid in Qasr\n\n"
          "Fighters of the Lantern Brigades attacked a checkpoint of the Border Guard in Qasr on 3 May 2021, "
          "killing two guards. Commander Salim Haddad leads the Lantern Brigades, which is backed by Norland. "
          "\"We will not stop,\" Haddad told the Delta Courier.")
TEXT_B = ("Border Guard arrests Lantern members\n\n"
          "The Border Guard arrested four members of the Lantern Brigades near Wadi Sabr in June 2021, "
          "an official said on condition of anonymity.")

ENTITIES = [
    Entity("lantern-brigades", EntityType.ARMED_GROUP, "Lantern Brigades", ["Lantern Brigade", "LB"], True,
           {"note": "An invented armed group for tests.", "source": "tests"}),
    Entity("border-guard", EntityType.STATE_BODY, "Border Guard", [], True, {"country": "norland"}),
    Entity("salim-haddad", EntityType.PERSON, "Salim Haddad", ["Haddad"], True, {}),
    Entity("norland", EntityType.COUNTRY, "Norland", [], True, {"iso": "NL", "lat": 52.1, "lon": 5.3}),
    Entity("qasr", EntityType.PLACE, "Qasr", [], True, {"lat": 51.5, "lon": 4.9, "parent": "norland",
                                                         "admin_level": "city"}),
    Entity("ent-wadi-sabr", EntityType.PLACE, "Wadi Sabr", [], False, {"discovered_by": "rule.test.v1"}),
    Entity("ent-delta-courier", EntityType.MEDIA_OUTLET, "Delta Courier", [], False, {}),
]


def _span(doc_id: str, text: str, phrase: str, producer: str, confidence: float = 0.9) -> Evidence:
    start = text.index(phrase)
    return Evidence(doc_id, start, start + len(phrase), phrase, producer, confidence)


def _mentions(doc_id: str, text: str, names: list[tuple[str, str, EntityType]]) -> list[Mention]:
    out = []
    for phrase, entity_id, type_ in names:
        start = text.index(phrase)
        out.append(Mention(doc_id, start, start + len(phrase), phrase, type_, "rule.kb-alias.v1", 1.0, entity_id,
                           0, len(text)))
    return out


def tiny_results() -> list[DocumentResult]:
    """Return the two documents with their claims, as the pipeline would hand them to the store."""
    id_a, id_b = hash_bytes(TEXT_A.encode()), hash_bytes(TEXT_B.encode())
    doc_a = Document(id_a, "tests/a.txt", TEXT_A, [Block(BlockPart.BODY, 0, 28), Block(BlockPart.BODY, 30, len(TEXT_A))],
                     Metadata(title="Lantern Brigades raid in Qasr", outlet="Delta Courier", published="2021-05-04",
                              published_precision=DatePrecision.DAY, published_basis="explicit: test",
                              url="https://example.org/a"),
                     content_hash=id_a, producer="test", outlet_id="ent-delta-courier")
    doc_b = Document(id_b, "tests/b.txt", TEXT_B, [Block(BlockPart.BODY, 0, len(TEXT_B))],
                     Metadata(title="Border Guard arrests Lantern members", published="2021-06",
                              published_precision=DatePrecision.MONTH),
                     content_hash=id_b, producer="test")
    ev_raid = _span(id_a, TEXT_A, "Fighters of the Lantern Brigades attacked a checkpoint of the Border Guard in Qasr "
                    "on 3 May 2021, killing two guards.", "rule.event-attack.v1", 0.8)
    ev_arrest = _span(id_b, TEXT_B, "The Border Guard arrested four members of the Lantern Brigades near Wadi Sabr in "
                      "June 2021", "rule.event-arrest.v1", 0.7)
    raid = Event("event-raid", "Battles", "Armed clash", "2021-05-03", None, DatePrecision.DAY, "qasr", "Qasr", 51.5,
                 4.9, "city", ["lantern-brigades"], ["border-guard"], {"killed": 2}, Certainty.REPORTED,
                 {"label": "attack"}, [ev_raid])
    arrest = Event("event-arrest", "Strategic developments", "Arrests", "2021-06", None, DatePrecision.MONTH,
                   "ent-wadi-sabr", "Wadi Sabr", None, None, None, ["border-guard"], ["lantern-brigades"],
                   {"arrested": 4}, Certainty.ANONYMOUS, {"label": "arrest"}, [ev_arrest])
    leads = Relation("rel-leads", "salim-haddad", Predicate.LEADER_OF, "lantern-brigades", {"role": "commander"},
                     "2021-05-04", "2021-05-04",
                     [_span(id_a, TEXT_A, "Commander Salim Haddad leads the Lantern Brigades", "rule.rel-leads.v1")])
    backed = Relation("rel-backed", "lantern-brigades", Predicate.BACKED_BY, "norland", {}, None, None,
                      [_span(id_a, TEXT_A, "the Lantern Brigades, which is backed by Norland", "rule.rel-backed.v1")])
    located = Relation("rel-located", "lantern-brigades", Predicate.LOCATED_IN, "qasr", {}, "2021", None,
                       [_span(id_a, TEXT_A, "Lantern Brigades attacked a checkpoint of the Border Guard in Qasr",
                              "rule.rel-located.v1", 0.5)])
    said = Quote("quote-haddad", "salim-haddad", "We will not stop,", "commander", "ent-delta-courier", False,
                 ["lantern-brigades"], [_span(id_a, TEXT_A, "We will not stop,", "rule.quote-direct.v1", 0.95)])
    anonymous = Quote("quote-anon", None, "The Border Guard arrested four members", None, None, True,
                      ["border-guard"], [_span(id_b, TEXT_B, "The Border Guard arrested four members",
                                               "rule.quote-reported.v1", 0.6)])
    mentions_a = _mentions(id_a, TEXT_A, [("Lantern Brigades", "lantern-brigades", EntityType.ARMED_GROUP),
                                          ("Border Guard", "border-guard", EntityType.STATE_BODY),
                                          ("Qasr", "qasr", EntityType.PLACE),
                                          ("Salim Haddad", "salim-haddad", EntityType.PERSON),
                                          ("Norland", "norland", EntityType.COUNTRY),
                                          ("Delta Courier", "ent-delta-courier", EntityType.MEDIA_OUTLET)])
    mentions_b = _mentions(id_b, TEXT_B, [("Border Guard", "border-guard", EntityType.STATE_BODY),
                                          ("Lantern Brigades", "lantern-brigades", EntityType.ARMED_GROUP),
                                          ("Wadi Sabr", "ent-wadi-sabr", EntityType.PLACE)])
    by_id = {e.entity_id: e for e in ENTITIES}
    first = ["lantern-brigades", "border-guard", "salim-haddad", "norland", "qasr", "ent-delta-courier"]
    return [
        DocumentResult(doc_a, mentions_a, [by_id[i] for i in first], [raid], [leads, backed, located], [said]),
        DocumentResult(doc_b, mentions_b, [by_id[i] for i in ("border-guard", "lantern-brigades", "ent-wadi-sabr")],
                       [arrest], [], [anonymous]),
    ]


def build_tiny_store(path: str | Path) -> SQLiteStore:
    """Return a store at ``path`` holding the tiny corpus (written as the pipeline writes)."""
    store = open_store(path)
    for result in tiny_results():
        store.write_result(result)
    return store


def export_text(store: SQLiteStore, fmt: str) -> str:
    """Return one export of ``store`` as text (no KB place chain, so the output is the store's alone)."""
    out = io.StringIO()
    write_export(store, fmt, out)
    return out.getvalue()


def main() -> None:
    """Rewrite the golden files from the tiny store."""
    store = build_tiny_store(":memory:")
    for fmt in FORMATS:
        (GOLDEN / f"tiny.{SUFFIX[fmt]}").write_text(export_text(store, fmt), encoding="utf-8", newline="")
        print(f"wrote {GOLDEN / f'tiny.{SUFFIX[fmt]}'}")


if __name__ == "__main__":
    main()
