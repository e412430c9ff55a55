"""End-to-end scoring: a perfect prediction scores 1.0, and each kind of damage is seen."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from factiongraph.eval import Gold, score

from .factory import Record, build_perfect_records

# Every count that a perfect prediction must leave at zero.
ZERO_KEYS = [
    ("alignment", "mentions_not_in_text"), ("alignment", "events_unaligned"),
    ("alignment", "quotes_unaligned"), ("alignment", "gold_strings_not_in_corpus"),
    ("cleaning", "boilerplate_leaks"), ("cleaning", "comment_leaks"),
    ("cleaning", "captions_missing"), ("cleaning", "captions_duplicated"),
    ("linking", "must_not_merge_violations"),
    ("events", "date_wrong_rate"), ("events", "date_missing_rate"), ("events", "date_coarse"),
    ("events", "false_merges"), ("events", "false_merges_cross_doc"), ("events", "counts_extra"),
    ("metadata", "outlet_or_published_wrong_rate"), ("metadata", "outlet_wrong"),
    ("metadata", "published_wrong"), ("metadata", "published_unknown"),
]
ONE_KEYS = [
    ("metadata", "title_accuracy"), ("metadata", "author_accuracy"),
    ("metadata", "outlet_accuracy"), ("metadata", "published_accuracy"),
    ("metadata", "overall_accuracy"),
    ("mentions", "precision"), ("mentions", "recall"), ("mentions", "f1"),
    ("typing", "accuracy"),
    ("linking", "bcubed_precision"), ("linking", "bcubed_recall"), ("linking", "bcubed_f1"),
    ("events", "detection", "f1"), ("events", "typed", "f1"), ("events", "sub_type_accuracy"),
    ("events", "date_accuracy"), ("events", "location_accuracy"), ("events", "actors_accuracy"),
    ("events", "targets_accuracy"), ("events", "certainty_accuracy"), ("events", "cross_doc"),
    ("events", "counts_accuracy"),
    ("relations", "precision"), ("relations", "recall"), ("relations", "f1"),
    ("quotes", "precision"), ("quotes", "recall"), ("quotes", "f1"),
    ("quotes", "speaker_accuracy"), ("quotes", "via_accuracy"),
    ("quotes", "speaker_role_accuracy"), ("quotes", "about_precision"),
    ("quotes", "about_recall"),
]


def get(scores: dict[str, Any], *keys: str) -> Any:
    """Return a nested value."""
    for key in keys:
        scores = scores[key]
    return scores


def document(records: list[Record], file: str) -> Record:
    """Return the document record of a corpus file."""
    return next(r for r in records if r["kind"] == "document" and r["doc_id"] == f"D:{file}")


def numeric_leaves(scores: dict[str, Any]) -> list[float]:
    """Return every ratio outside the detail sections."""
    out: list[float] = []
    for key, value in scores.items():
        if key == "detail" or key.endswith("_rate"):
            continue  # rates of errors are 0.0 when everything is right
        if isinstance(value, dict):
            out += numeric_leaves(value)
        elif isinstance(value, float):
            out.append(value)
    return out


def assert_perfect(scores: dict[str, Any]) -> None:
    """Fail unless every score is 1.0 and every leak or violation is 0."""
    for keys in ONE_KEYS:
        assert get(scores, *keys) == 1.0, keys
    for keys in ZERO_KEYS:
        assert get(scores, *keys) == 0, keys
    assert all(v == 1.0 for v in numeric_leaves(scores))
    assert scores["alignment"]["documents_missing"] == []
    json.dumps(scores)  # plain data all the way down


def test_perfect_prediction_on_tiny_corpus(tiny_gold: Gold, tiny_corpus: Path,
                                           tiny_records: list[Record]) -> None:
    assert_perfect(score(tiny_gold, tiny_records, tiny_corpus))


def test_perfect_prediction_on_seeds(seeds: tuple[Gold, Path]) -> None:
    gold, corpus = seeds
    scores = score(gold, build_perfect_records(gold, corpus), corpus)
    assert_perfect(scores)
    assert scores["events"]["cross_doc_support"] > 0


def test_perfect_prediction_on_reflowed_text(tiny_gold: Gold, tiny_corpus: Path) -> None:
    def reflow(text: str) -> str:
        return re.sub(r"\n\n+", "\n", text).replace("\n", "\n  ")

    records = build_perfect_records(tiny_gold, tiny_corpus, reflow)
    document_text = document(records, "a_raid.txt")["text"]
    assert "\n\n" not in document_text
    assert_perfect(score(tiny_gold, records, tiny_corpus))


def test_records_may_be_a_generator(tiny_gold: Gold, tiny_corpus: Path,
                                    tiny_records: list[Record]) -> None:
    assert_perfect(score(tiny_gold, (r for r in tiny_records), tiny_corpus))


def test_missing_document_counts_as_missed(tiny_gold: Gold, tiny_corpus: Path,
                                           tiny_records: list[Record]) -> None:
    dropped = "D:b_release.txt"
    records = [r for r in tiny_records if r.get("doc_id") != dropped]
    scores = score(tiny_gold, records, tiny_corpus)
    assert scores["alignment"]["documents_missing"] == ["b_release.txt"]
    assert scores["metadata"]["overall_accuracy"] == 0.5
    assert scores["mentions"]["recall"] < 1.0
    assert scores["events"]["detection"]["recall"] < 1.0


def test_dropped_mentions_lower_recall_only(tiny_gold: Gold, tiny_corpus: Path,
                                            tiny_records: list[Record]) -> None:
    records = [r for r in tiny_records if not (r["kind"] == "mention" and r["text"] == "CTS")]
    scores = score(tiny_gold, records, tiny_corpus)["mentions"]
    assert scores["recall"] == 14 / 15
    assert scores["precision"] == 1.0
    assert scores["detail"]["missed"] == [["a_raid.txt", "CTS", "counter-terrorism-service"]]


def test_mention_in_comment_does_not_count(tiny_gold: Gold, tiny_corpus: Path,
                                           tiny_records: list[Record]) -> None:
    doc = document(tiny_records, "a_raid.txt")
    comment = next(b for b in doc["blocks"] if b["part"] == "comment")
    start = doc["text"].index("people", comment["start"])
    tiny_records.append({"kind": "mention", "doc_id": doc["doc_id"], "entity_id": None,
                         "text": "people", "start": start, "end": start + 6})
    assert score(tiny_gold, tiny_records, tiny_corpus)["mentions"]["precision"] == 1.0


def test_spurious_mention_lowers_precision(tiny_gold: Gold, tiny_corpus: Path,
                                           tiny_records: list[Record]) -> None:
    doc = document(tiny_records, "a_raid.txt")
    start = doc["text"].index("Officers")
    tiny_records.append({"kind": "mention", "doc_id": doc["doc_id"], "entity_id": "E:new",
                         "text": "Officers", "start": start, "end": start + 8})
    scores = score(tiny_gold, tiny_records, tiny_corpus)["mentions"]
    assert scores["precision"] == 15 / 16
    assert scores["recall"] == 1.0


def test_merging_distinct_entities_is_a_violation(tiny_gold: Gold, tiny_corpus: Path,
                                                  tiny_records: list[Record]) -> None:
    for record in tiny_records:
        if record["kind"] == "mention" and record["entity_id"] == "E:salim-al-mansouri":
            record["entity_id"] = "E:karim-al-mansouri"
    linking = score(tiny_gold, tiny_records, tiny_corpus)["linking"]
    assert linking["must_not_merge_violations"] == 1
    assert linking["detail"]["violations"] == [
        ["karim-al-mansouri", "salim-al-mansouri", ["E:karim-al-mansouri"]]]
    assert linking["bcubed_precision"] < 1.0
    assert linking["bcubed_recall"] == 1.0


def test_splitting_an_entity_lowers_bcubed_recall(tiny_gold: Gold, tiny_corpus: Path,
                                                  tiny_records: list[Record]) -> None:
    for record in tiny_records:
        if record["kind"] == "mention" and record["doc_id"] == "D:b_release.txt" \
                and record["entity_id"] == "E:saraya-al-nour":
            record["entity_id"] = "E:saraya-al-nour-2"
    linking = score(tiny_gold, tiny_records, tiny_corpus)["linking"]
    assert linking["bcubed_recall"] < 1.0
    assert linking["bcubed_precision"] == 1.0
    assert linking["must_not_merge_violations"] == 0


def test_wrong_entity_type_lowers_typing(tiny_gold: Gold, tiny_corpus: Path,
                                         tiny_records: list[Record]) -> None:
    entity = next(r for r in tiny_records if r.get("entity_id") == "E:basra"
                  and r["kind"] == "entity")
    entity["type"] = "country"
    typing = score(tiny_gold, tiny_records, tiny_corpus)["typing"]
    assert typing["accuracy"] == 13 / 15
    assert len(typing["detail"]["mistyped"]) == 2


def test_wrong_event_dates_lower_date_accuracy(tiny_gold: Gold, tiny_corpus: Path,
                                               tiny_records: list[Record]) -> None:
    for record in tiny_records:
        if record["kind"] == "event":
            record["date_start"] = "2019-01-01"
    events = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert events["date_accuracy"] == 0.0
    assert events["detection"]["f1"] == 1.0


def test_less_precise_date_is_wrong(tiny_gold: Gold, tiny_corpus: Path,
                                    tiny_records: list[Record]) -> None:
    arrest = next(r for r in tiny_records if r["kind"] == "event"
                  and r["sub_type"] == "Arrests")
    arrest["date_start"] = "2021-03"  # gold a-e1 is day precision, b-e1 month precision
    events = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert events["date_accuracy"] == 2 / 3
    assert events["detail"]["wrong"][0]["gold"] == "a-e1"


def test_date_rates_tell_wrong_coarse_and_missing_apart(tiny_gold: Gold, tiny_corpus: Path,
                                                       tiny_records: list[Record]) -> None:
    # two predicted events: the arrest (one record for gold a-e1 and b-e1) and the release (b-e2)
    arrest = next(r for r in tiny_records if r["kind"] == "event" and r["sub_type"] == "Arrests")
    release = next(r for r in tiny_records if r["kind"] == "event" and r["sub_type"] == "Other")
    arrest["date_start"] = None             # missing for both reports of the arrest
    release["date_start"] = "1999-01-01"    # wrong
    scores = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert scores["matched"] == 3
    assert scores["date_missing_rate"] == 2 / 3
    assert scores["date_wrong_rate"] == 1 / 3
    assert scores["date_accuracy"] == 0.0
    assert scores["date_coarse"] == 0


def test_a_coarser_date_counts_as_wrong_and_is_shown_apart(tiny_gold: Gold, tiny_corpus: Path,
                                                           tiny_records: list[Record]) -> None:
    arrest = next(r for r in tiny_records if r["kind"] == "event" and r["sub_type"] == "Arrests")
    arrest["date_start"] = "2021"  # right year, less precise than both gold reports of it
    scores = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert scores["date_coarse"] == 2
    assert scores["date_wrong_rate"] == 2 / 3
    assert scores["date_missing_rate"] == 0.0


def test_metadata_counts_wrong_and_unknown_values_apart(tiny_gold: Gold, tiny_corpus: Path,
                                                        tiny_records: list[Record]) -> None:
    a = document(tiny_records, "a_raid.txt")
    b = document(tiny_records, "b_release.txt")
    a["outlet"], a["published"] = None, None         # unknown: honest
    b["outlet"], b["published"] = "Wire Agency", "2021-03"  # wrong outlet; a date less precise than gold
    meta = score(tiny_gold, tiny_records, tiny_corpus)["metadata"]
    assert (meta["outlet_unknown"], meta["outlet_wrong"]) == (1, 1)
    assert (meta["published_unknown"], meta["published_wrong"]) == (1, 1)
    assert meta["outlet_or_published_wrong_rate"] == 0.5
    assert meta["outlet_accuracy"] == 0.0


def test_boilerplate_in_body_is_a_leak(tiny_gold: Gold, tiny_corpus: Path,
                                       tiny_records: list[Record]) -> None:
    doc = document(tiny_records, "a_raid.txt")
    for block in doc["blocks"]:
        if doc["text"][block["start"]:block["end"]] == "Related articles":
            block["part"] = "body"
    cleaning = score(tiny_gold, tiny_records, tiny_corpus)["cleaning"]
    assert cleaning["boilerplate_leaks"] == 1
    assert cleaning["detail"][0]["text"] == "Related articles"


def test_comment_in_body_and_lost_caption(tiny_gold: Gold, tiny_corpus: Path,
                                          tiny_records: list[Record]) -> None:
    doc = document(tiny_records, "a_raid.txt")
    for block in doc["blocks"]:
        if block["part"] == "comment":
            block["part"] = "body"
        elif block["part"] == "caption":
            block["part"] = "boilerplate"
    cleaning = score(tiny_gold, tiny_records, tiny_corpus)["cleaning"]
    assert cleaning["comment_leaks"] == 1
    assert cleaning["captions_missing"] == 1


def test_repeated_caption_is_duplicated(tiny_gold: Gold, tiny_corpus: Path,
                                        tiny_records: list[Record]) -> None:
    doc = document(tiny_records, "a_raid.txt")
    for block in doc["blocks"]:
        if block["part"] == "boilerplate" and "Officers" in doc["text"][block["start"]:
                                                                       block["end"]]:
            block["part"] = "caption"
    assert score(tiny_gold, tiny_records, tiny_corpus)["cleaning"]["captions_duplicated"] == 1


def test_split_same_as_event_lowers_cross_doc(tiny_gold: Gold, tiny_corpus: Path,
                                              tiny_records: list[Record]) -> None:
    merged = next(r for r in tiny_records if r["kind"] == "event" and len(r["evidence"]) == 2)
    second = dict(merged, event_id=merged["event_id"] + "-b", evidence=[merged["evidence"][1]])
    merged["evidence"] = merged["evidence"][:1]
    tiny_records.append(second)
    events = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert events["cross_doc"] == 0.0
    assert events["detection"]["f1"] == 1.0


def test_wrong_quote_speaker(tiny_gold: Gold, tiny_corpus: Path,
                             tiny_records: list[Record]) -> None:
    for record in tiny_records:
        if record["kind"] == "quote" and record["speaker_id"] == "E:karim-al-mansouri":
            record["speaker_id"] = "E:salim-al-mansouri"
    quotes = score(tiny_gold, tiny_records, tiny_corpus)["quotes"]
    assert quotes["speaker_accuracy"] == 2 / 3
    assert quotes["f1"] == 1.0


def test_reversed_relation_is_wrong(tiny_gold: Gold, tiny_corpus: Path,
                                    tiny_records: list[Record]) -> None:
    rel = next(r for r in tiny_records if r["kind"] == "relation" and r["predicate"] == "part_of")
    rel["subject_id"], rel["object_id"] = rel["object_id"], rel["subject_id"]
    relations = score(tiny_gold, tiny_records, tiny_corpus)["relations"]
    assert relations["precision"] == 2 / 3
    assert relations["per_predicate"]["part_of"] == {"gold": 1, "predicted": 1,
                                                     "true_positive": 0}


def test_missed_event_and_quote_lower_recall(tiny_gold: Gold, tiny_corpus: Path,
                                             tiny_records: list[Record]) -> None:
    records = [r for r in tiny_records
               if not (r["kind"] == "event" and r["sub_type"] == "Other")
               and not (r["kind"] == "quote" and r["speaker_role"] == "their lawyer")]
    scores = score(tiny_gold, records, tiny_corpus)
    assert scores["events"]["detection"]["recall"] == 2 / 3
    assert scores["events"]["detail"]["missed"] == ["b-e2"]
    assert scores["quotes"]["recall"] == 2 / 3


def test_quote_recall_is_counted_by_form(tiny_gold: Gold, tiny_corpus: Path,
                                         tiny_records: list[Record]) -> None:
    records = [r for r in tiny_records if not (r["kind"] == "quote" and r["speaker_role"] == "their lawyer")]
    forms = score(tiny_gold, records, tiny_corpus)["quotes"]["per_form"]
    assert forms["direct"] == {"gold": 1, "true_positive": 1}  # Mansouri's words, in quotation marks
    assert forms["reported"] == {"gold": 2, "true_positive": 1}
    assert forms["named"] == {"gold": 1, "true_positive": 1}
    assert forms["unnamed"] == {"gold": 2, "true_positive": 1}  # the lawyer's statement was dropped


def test_wrong_and_extra_counts(tiny_gold: Gold, tiny_corpus: Path, tiny_records: list[Record]) -> None:
    arrest = next(r for r in tiny_records if r["kind"] == "event" and r["counts"].get("arrested") == 9)
    arrest["counts"] = {"arrested": 8, "rockets": 4}  # rockets: not a scored key
    events = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert (events["counts_accuracy"], events["counts_support"], events["counts_extra"]) == (0.0, 1, 0)
    arrest["counts"] = {"arrested": 9, "killed": 1}
    events = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert events["counts_accuracy"] == 1.0 and events["counts_extra"] > 0


def test_kidnapped_and_abducted_are_one_key() -> None:
    from factiongraph.eval.events import core_counts
    assert core_counts({"kidnapped": 2, "rockets": 3}) == core_counts((("abducted", 2),)) == {"abducted": 2}


def test_an_event_joining_two_incidents_is_a_false_merge(tiny_gold: Gold, tiny_corpus: Path,
                                                         tiny_records: list[Record]) -> None:
    # the release (document b only) takes the raid's report from document a
    events = {r["sub_type"]: r for r in tiny_records if r["kind"] == "event"}
    raid, release = events["Arrests"], events["Other"]
    from_a = [v for v in raid["evidence"] if v["doc_id"] != release["evidence"][0]["doc_id"]]
    raid["evidence"] = [v for v in raid["evidence"] if v not in from_a]
    release["evidence"] += from_a
    scores = score(tiny_gold, tiny_records, tiny_corpus)["events"]
    assert scores["false_merges"] == 1 and scores["false_merges_cross_doc"] == 1
    assert scores["detail"]["false_merges"] == [release["event_id"]]
