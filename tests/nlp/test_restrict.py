"""Cutting spaCy's NER down to the labels factiongraph reads (the real model, loaded fresh)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from factiongraph.nlp.pipeline import REQUIRED_NER_LABELS
from factiongraph.nlp.restrict import restrict_ner
from factiongraph.settings import Settings, load_settings

_PLAIN = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# Written for these tests: names, places and dates, and no number, amount or time of day.
NAMES_ONLY = [
    "Fighters loyal to Kataib Hezbollah fired rockets at the American embassy in Baghdad on Sunday.",
    "Prime Minister Mohammed Shia al-Sudani met Iranian officials in Tehran last week.",
    "The Popular Mobilization Forces said the drone struck a convoy near Qaim, close to the Syrian border.",
]
AMOUNTS = "The attack at 10 pm on Tuesday night wrecked equipment worth $5 million, about 40 percent of the base's stock."


def _plain_ner() -> Language:
    model = Settings().spacy_model
    pytest.importorskip(model)
    return spacy.load(model, exclude=_PLAIN)


@pytest.fixture(scope="module")
def full() -> Language:
    return _plain_ner()


@pytest.fixture(scope="module")
def restricted() -> Language:
    nlp = _plain_ner()
    restrict_ner(nlp, Settings().ner_labels, REQUIRED_NER_LABELS)
    return nlp


def _labels(nlp: Language) -> set[str]:
    return set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]


def test_only_the_kept_labels_remain(full: Language, restricted: Language) -> None:
    kept = (set(Settings().ner_labels) | REQUIRED_NER_LABELS) & _labels(full)
    assert _labels(restricted) == kept
    assert _labels(full) - kept  # the default does remove something
    moves = restricted.get_pipe("ner").moves  # type: ignore[attr-defined]
    # B, I, L and U of each label, plus O (and U with no label, as shipped).
    assert moves.n_moves == full.get_pipe("ner").moves.n_moves - 4 * len(_labels(full) - kept)  # type: ignore[attr-defined]


def test_kept_moves_keep_their_weights(full: Language, restricted: Language) -> None:
    def rows(nlp: Language) -> dict[str, list[float]]:
        ner = nlp.get_pipe("ner")
        upper = ner.model.get_ref("upper")  # type: ignore[attr-defined]
        w, b = upper.get_param("W"), upper.get_param("b")
        moves = ner.moves  # type: ignore[attr-defined]
        return {moves.get_class_name(i): [*w[i].tolist(), float(b[i])] for i in range(moves.n_moves)}

    before, after = rows(full), rows(restricted)
    assert after and set(after) < set(before)
    assert all(after[name] == before[name] for name in after)


def test_entities_of_kept_labels_are_unchanged(full: Language, restricted: Language) -> None:
    for text in NAMES_ONLY:
        expected = [(e.start, e.end, e.label_) for e in full(text).ents]
        assert expected  # the sentence does name something
        assert [(e.start, e.end, e.label_) for e in restricted(text).ents] == expected


def test_removed_labels_are_never_predicted(full: Language, restricted: Language) -> None:
    removed = _labels(full) - _labels(restricted)
    assert {e.label_ for e in full(AMOUNTS).ents} & removed  # the full model does tag some
    assert not {e.label_ for e in restricted(AMOUNTS).ents} & removed


def test_required_labels_are_kept_and_unknown_ones_ignored(caplog: pytest.LogCaptureFixture) -> None:
    nlp = _plain_ner()
    done = restrict_ner(nlp, ["GPE", "NOT_A_LABEL"], required={"PERSON"})
    assert "model has no label NOT_A_LABEL" in caplog.text
    assert _labels(nlp) == {"GPE", "PERSON"}
    assert done.moves_after == 4 * 2 + 2 < done.moves_before
    assert "ORG" in done.removed


def test_all_keeps_the_model_as_shipped(full: Language) -> None:
    nlp = _plain_ner()
    done = restrict_ner(nlp, ["all"], REQUIRED_NER_LABELS)
    assert done.removed == () and done.moves_after == done.moves_before
    assert _labels(nlp) == _labels(full)


def test_ner_labels_setting_reads_a_path_separated_list() -> None:
    import os

    assert load_settings(environ={"FACTIONGRAPH_NER_LABELS": f"PERSON{os.pathsep}ORG"}).ner_labels == ("PERSON", "ORG")
    assert load_settings(environ={"FACTIONGRAPH_NER_LABELS": "all"}).ner_labels == ("all",)
