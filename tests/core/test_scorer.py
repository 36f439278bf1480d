"""The one scorer: every reading's evidence, weighed in one place."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.morphology import evidence
from reader.morphology.evidence import (
    FEATURES,
    HAND_WEIGHTS,
    Weights,
    deciding,
    load_weights,
    order,
    weighed,
    weights,
)
from reader.morphology.records import Analysis
from reader.text import document_from_text, load_document

REPO = Path(__file__).resolve().parents[2]


def _reading(lex: str, **found: float) -> Analysis:
    plain = Analysis(
        diac=lex,
        lex=lex,
        lemma=lex,
        lemma_gloss=lex,
        gloss=lex,
        pos="noun",
        pos_label="noun",
        root="",
        pattern="",
        verb_form=None,
        features={},
        segments=(),
        translit={},
        source="lexicon",
    )
    return weighed(plain, **found)


def test_every_feature_has_words_and_a_hand_weight() -> None:
    assert set(FEATURES) == set(HAND_WEIGHTS)
    assert all(words and not words.endswith(".") for words in FEATURES.values())


def test_order_weighs_the_evidence_and_keeps_ties_in_the_order_given() -> None:
    scale = Weights({"frequency": 1.0, "vowels_form": 2.0})
    common = _reading("a", frequency=-2.0)
    said = _reading("b", frequency=-3.5, vowels_form=1.0)  # -1.5: first
    tie = _reading("c", frequency=-2.0)
    ordered = order([common, tie, said], scale)
    assert [r.lex for r in ordered] == ["b", "a", "c"]
    assert [r.score for r in ordered] == [-1.5, -2.0, -2.0]
    assert [r.lex for r in order([tie, common, said], scale)] == ["b", "c", "a"]


def test_weighed_replaces_a_feature_given_again_and_zero_removes_it() -> None:
    reading = _reading("a", frequency=-2.0, vowels_form=1.0)
    again = weighed(weighed(reading, vowels_form=1.0), vowels_form=1.0)
    assert dict(again.evidence) == {"frequency": -2.0, "vowels_form": 1.0}
    assert "vowels_form" not in dict(weighed(reading, vowels_form=0).evidence)
    with pytest.raises(KeyError):
        weighed(reading, a_rule_nobody_named=1.0)


def test_load_weights_refuses_unknown_features_and_non_numbers() -> None:
    loaded = load_weights(json.dumps({"weights": {"frequency": 0.5}}), "test")
    assert loaded.values["frequency"] == 0.5
    assert loaded.values["clitics"] == HAND_WEIGHTS["clitics"]  # unnamed: the hand weight
    with pytest.raises(ValueError, match="unknown"):
        load_weights(json.dumps({"weights": {"moved_to_front": 9}}), "test")
    with pytest.raises(ValueError, match="finite"):
        load_weights('{"weights": {"frequency": NaN}}', "test")


def test_a_damaged_weights_file_falls_back_to_the_hand_weights(tmp_path, monkeypatch) -> None:
    damaged = tmp_path / "scorer_weights.json"
    damaged.write_text('{"weights": {"frequency": ', "utf-8")
    monkeypatch.setattr(evidence, "WEIGHTS_FILE", damaged)
    evidence._shipped.cache_clear()
    try:
        assert evidence._shipped().source == "hand"
        assert dict(evidence._shipped().values) == HAND_WEIGHTS
    finally:
        monkeypatch.undo()
        evidence._shipped.cache_clear()


def test_the_shipped_weights_are_fitted_and_finite() -> None:
    shipped = load_weights(evidence.WEIGHTS_FILE.read_text("utf-8"), "fitted")
    data = json.loads(evidence.WEIGHTS_FILE.read_text("utf-8"))
    assert set(data["weights"]) == set(FEATURES)  # the tool writes every feature
    assert all(math.isfinite(w) for w in shipped.values.values())
    assert data["made_by"] == "tools/fit_weights.py"


def test_deciding_names_what_put_the_best_reading_first() -> None:
    scale = weights().values
    best = _reading("a", frequency=-3.0, vowels_form=1.0)
    other = _reading("b", frequency=-2.0)
    reasons = deciding(best, other)
    if scale["vowels_form"] > 0:
        assert reasons[0] == FEATURES["vowels_form"]
    assert FEATURES["frequency"] not in reasons  # it spoke for the other reading


@pytest.mark.realdb
def test_the_readings_shown_are_in_the_order_of_their_weighed_evidence(
    morphology, default_article_path
) -> None:
    """No layer moves a reading: after the whole pipeline (names, construct,
    vowels), every word's readings are in score order, and every score is the
    weighed sum of the reading's evidence."""
    document = load_document(default_article_path)
    analysis = morphology.analyze_document(document)
    scale = weights()
    checked = 0
    for token in document.arabic_tokens():
        found = analysis.readings[token.index]
        scores = [r.score for r in found]
        assert scores == sorted(scores, reverse=True), token.text
        for reading in found:
            assert reading.evidence, token.text
            assert reading.score == pytest.approx(scale.score(reading.evidence), abs=2e-3)
        checked += len(found) > 1
    assert checked > 200


@pytest.mark.realdb
def test_the_vowel_model_and_the_document_add_evidence(morphology) -> None:
    document = document_from_text("وصل جون كيري إلى موسكو. وقال كيري إن المحادثات كانت مفيدة.")
    analysis = morphology.analyze_document(document)
    kerry = [t for t in document.tokens if t.text == "كيري"]
    assert {"document_name", "named_elsewhere"} & {
        name for t in kerry for name, _ in analysis.readings[t.index][0].evidence
    }
    said = next(t for t in document.tokens if t.text == "وصل")  # a verb, a noun, a link
    assert any(name.startswith("vowels_") for name, _ in analysis.readings[said.index][0].evidence)


def _fit_tool():
    spec = importlib.util.spec_from_file_location("fit_weights", REPO / "tools" / "fit_weights.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fit_weights", module)
    spec.loader.exec_module(module)
    return module


def test_the_fit_learns_which_evidence_marks_the_right_reading() -> None:
    """Words where a feature the hand weights count against (``contradicts_marks``,
    -4) marks the right reading, rarer by up to 3: the fit turns its weight
    positive and gets the words right that the hand weights get wrong."""
    tool = _fit_tool()
    column = {name: i for i, name in enumerate(tool.NAMES)}
    rng = np.random.default_rng(7)
    words = []
    for n in range(3000):  # enough words to outweigh the pull toward the hand weights
        rows = np.zeros((2, len(tool.NAMES)))
        right = int(rng.integers(0, 2))
        rows[:, column["frequency"]] = -2.0
        rows[right, column["frequency"]] -= rng.uniform(0, 3)
        rows[right, column["contradicts_marks"]] = 1.0
        words.append(tool.Word(f"pud:{n}", rows, np.array([i == right for i in range(2)])))
    fitted = tool.fit(words)
    assert fitted["contradicts_marks"] > 0 > HAND_WEIGHTS["contradicts_marks"]
    assert tool.top1(words, HAND_WEIGHTS) < 0.05
    assert tool.top1(words, fitted) > 0.9
    # A sentence's fold depends on its id alone.
    assert tool.fold_of("pud:n01001011") == tool.fold_of("pud:n01001011")
    assert {tool.fold_of(f"catt:{n}") for n in range(50)} == set(range(tool.FOLDS))


@pytest.mark.realdb
@pytest.mark.parametrize(
    ("text", "word"),
    [
        # على written with ي, as much news writes it: still "on".
        ("ووضع الوزير الملف علي الطاولة أمس.", "علي"),
        # After a name, a function word or one of the commonest words stays itself.
        ("وقال جون أحد المسؤولين إن الاتفاق قريب.", "أحد"),
        # A name spelt like a particle: لو "if", not Lou.
        ("وقال إنه لو كان الاتفاق قريبا لأعلنه.", "لو"),
    ],
)
def test_no_evidence_for_a_name_overturns_a_function_word(morphology, text, word) -> None:
    document = document_from_text(text)
    analysis = morphology.analyze_document(document)
    token = next(t for t in document.tokens if t.text == word)
    best = analysis.readings[token.index][0]
    assert best.pos != "noun_prop" and not best.is_guess, (best.diac, best.evidence)
    assert analysis.name_at(token.index) is None


def test_never_seen_is_told_as_how_common_not_as_a_reason_of_its_own() -> None:
    scale = weights().values
    rare = _reading("a", frequency=-8.0, unseen=1.0, construct_noun=1.0)
    common = _reading("b", frequency=-3.0)
    reasons = deciding(rare, common)
    assert FEATURES["unseen"] not in reasons
    if scale["construct_noun"] > 0:
        assert FEATURES["construct_noun"] in reasons
