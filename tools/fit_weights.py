"""Fit the one scorer's weights on the dev sets: ``reader/morphology/scorer_weights.json``.

    uv run python tools/fit_weights.py [--limit N] [--out PATH]

Every word of UD Arabic-PUD and of CATT's sentences is analysed by the app as
it stands (the whole pipeline, vowels included). Each of its readings is a row
of evidence (:data:`reader.morphology.evidence.FEATURES`) with a label:

* PUD: the reading's lemma is the gold lemma (sense marks, sukun and final
  vowel ignored: ``quality_data.lemma_matches``' lenient key); for a proper
  noun (UPOS PROPN), any proper-noun reading is right too;
* CATT: the form shown for that reading, in that sentence, is the gold form
  with its ending (where no reading gives that, without its ending).

A conditional logit (plain numpy, no new dependency) fits the weights: the
probability of a word's readings is the softmax of their weighted evidence,
and the fit maximises the probability of the right ones. Words where every
reading is right, or none is, say nothing and are left out. The weights are
pulled toward the hand-set ones (:data:`reader.morphology.evidence.HAND_WEIGHTS`)
by an L2 term (:data:`PRIOR`), so that a rule the dev sets rarely meet keeps
the strength it was given rather than whatever a few words say.

The figures are never reported on the sentences the weights were fitted to:
``bench_quality.py --section scorer`` fits on four folds of the sentences
(:func:`fold_of`), analyses the fifth with those weights, and reports the five
held-out folds together. The weights shipped are fitted on every sentence.

Needs the dev sets (``../shared/eval`` or ``$ARABIC_READER_EVAL``); deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
sys.path.insert(0, str(REPO))

import quality_data as qd  # noqa: E402

from reader.morphology.evidence import FEATURES, HAND_WEIGHTS, WEIGHTS_FILE  # noqa: E402

FOLDS = 5
NAMES = tuple(FEATURES)
# L2 pull toward the hand-set weights: moving a weight by d costs PRIOR * d**2 in
# log-likelihood, so a feature the dev sets barely meet (a name's evidence: a
# few dozen words) keeps about the strength the rule was given.
PRIOR = 10.0
STEPS = 1500
# Features that only choose among the case or mood endings of one reading (the
# genitive after a construct, the jussive after لم): the dev sets' words are
# scored on readings with their endings collapsed, so they cannot judge these,
# which keep their hand-set weights.
FIXED = frozenset({"construct_genitive", "mood_agrees", "mood_disagrees"})


def fold_of(sentence_id: str) -> int:
    """A sentence's fold, from its id alone (stable across runs and machines)."""
    return hashlib.sha1(sentence_id.encode()).digest()[0] % FOLDS


@dataclass
class Word:
    """One word's readings as evidence rows, and which of them are right."""

    sentence: str  # "pud:<sent_id>" or "catt:<number>"
    rows: np.ndarray  # readings x features
    right: np.ndarray  # bool per reading
    upos: str = ""  # PUD's part of speech of the word (for the figures by kind)


def _rows(readings: Sequence[Any]) -> np.ndarray:
    index = {name: i for i, name in enumerate(NAMES)}
    rows = np.zeros((len(readings), len(NAMES)))
    for r, reading in enumerate(readings):
        for name, value in reading.evidence:
            rows[r, index[name]] = value
    return rows


def _document(text: str):
    from reader.text import document_from_text

    return document_from_text(text)


def pud_words(morphology: Any, sentences: Iterable[Any]) -> list[Word]:
    words = []
    for sentence in sentences:
        document = _document(sentence.rebuilt)
        analysis = morphology.analyze_document(document)
        for word, token in qd.aligned_pud_words(sentence, document):
            readings = analysis.readings[token.index]
            # A name is right as a name: PUD's lemma of a foreign name is its
            # spelling, which a guess or the dictionary may write otherwise.
            propn = word.upos == "PROPN"
            right = [
                qd.lemma_matches(r.lex, word.lemma)["lenient"] or (propn and r.pos == "noun_prop")
                for r in readings
            ]
            words.append(
                Word(f"pud:{sentence.sent_id}", _rows(readings), np.array(right), word.upos)
            )
    return words


def catt_words(morphology: Any, sentences: Iterable[Any]) -> list[Word]:
    from reader.morphology.vowels.reconcile import vocalize

    words = []
    for sentence in sentences:
        document = _document(sentence.text)
        analysis = morphology.analyze_document(document)
        for token, span in qd.aligned_catt_tokens(sentence, document):
            said = analysis.vocalization(token.index)
            if said is None:
                continue
            gold = sentence.gold_span(*span)
            readings = analysis.readings[token.index]
            scores = [
                qd.vowel_scores(gold, vocalize(token.lookup, r, said.context_form).form)
                for r in readings
            ]
            right = [s["normalised_with_ending"] for s in scores]
            if not any(right):
                right = [s["normalised_without_ending"] for s in scores]
            words.append(Word(f"catt:{sentence.number}", _rows(readings), np.array(right)))
    return words


def dev_sets(limit: int | None = None) -> tuple[list[Any], list[Any]]:
    pud = qd.read_pud(qd.eval_dir() / qd.PUD_FILE)
    catt = qd.read_catt(qd.eval_dir() / qd.CATT_FILE)
    return (pud[:limit], catt[:limit]) if limit else (pud, catt)


def extract(morphology: Any, pud: Sequence[Any], catt: Sequence[Any]) -> list[Word]:
    return pud_words(morphology, pud) + catt_words(morphology, catt)


def fit(words: Sequence[Word], *, drop: Iterable[str] = ()) -> dict[str, float]:
    """Weights that make the right readings likeliest (a conditional logit).

    ``drop``: features left out (weight 0), to see whether each one earns its place.
    """
    informative = [w for w in words if w.right.any() and not w.right.all()]
    prior = np.array([HAND_WEIGHTS[name] for name in NAMES])
    if not informative:
        return dict(zip(NAMES, prior.tolist(), strict=True))
    rows = np.vstack([w.rows for w in informative])
    right = np.concatenate([w.right for w in informative]).astype(float)
    sizes = np.array([len(w.rows) for w in informative])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(informative)), sizes)
    dropped = np.array([name in set(drop) for name in NAMES])
    # Trained: every feature but those dropped and those the data cannot judge.
    mask = np.array([name not in FIXED for name in NAMES], dtype=float) * ~dropped
    # Features on very different scales (frequency in log10, flags): fit on
    # standardised columns, then bring the weights back.
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    x = rows / scale
    theta = prior * scale * ~dropped
    # Adam on the mean negative log-likelihood plus the pull toward the prior.
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, STEPS + 1):
        score = x @ theta
        top = np.maximum.reduceat(score, starts)
        exp = np.exp(score - top[group])
        total = np.add.reduceat(exp, starts)
        wanted = np.add.reduceat(exp * right, starts)
        p_all = exp / total[group]
        p_right = exp * right / wanted[group]
        grad = x.T @ (p_all - p_right) / len(informative)
        # The pull toward the hand weights, on the weights themselves (not the
        # standardised ones): a rare feature moves only as far as the data pays for.
        grad += 2 * PRIOR * (theta / scale - prior) / scale / len(informative)
        grad *= mask
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        theta -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-9)
    weights = theta / scale * ~dropped
    return {name: round(float(w), 4) for name, w in zip(NAMES, weights, strict=True)}


def top1(words: Sequence[Word], weights: dict[str, float]) -> float:
    """Share of words (with a right reading) whose best-weighted reading is right.

    Ties go to the reading given first, as :func:`reader.morphology.evidence.order` does.
    """
    vector = np.array([weights[name] for name in NAMES])
    scored = [w for w in words if w.right.any()]
    hits = sum(bool(w.right[int(np.argmax(np.round(w.rows @ vector, 3)))]) for w in scored)
    return hits / len(scored) if scored else 0.0


def cross_validated(
    words: Sequence[Word], fitter: Callable[[Sequence[Word]], dict[str, float]] = fit
) -> list[dict[str, float]]:
    """Weights per fold, each fitted on the other folds' sentences."""
    return [fitter([w for w in words if fold_of(w.sentence) != k]) for k in range(FOLDS)]


def ablation(words: Sequence[Word]) -> dict[str, float]:
    """Per feature: held-out top-1 (readings re-ordered by the fold's weights)
    without it, minus with it. A feature whose removal costs nothing goes."""

    def held_out(drop: tuple[str, ...]) -> float:
        hits = total = 0
        for k in range(FOLDS):
            train = [w for w in words if fold_of(w.sentence) != k]
            test = [w for w in words if fold_of(w.sentence) == k and w.right.any()]
            share = top1(test, fit(train, drop=drop))
            hits += share * len(test)
            total += len(test)
        return hits / total

    base = held_out(())
    return {name: round(held_out((name,)) - base, 5) for name in NAMES}


def write(weights: dict[str, float], path: Path, note: dict[str, Any]) -> None:
    data = {"weights": weights, **note}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    global STEPS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="sentences per dev set (quick runs)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--ablation", action="store_true", help="also report each feature's worth")
    parser.add_argument("--words", type=Path, help="keep the evidence gathered here (pickle)")
    parser.add_argument("--steps", type=int, default=STEPS, help="optimiser steps per fit")
    args = parser.parse_args(argv)
    STEPS = args.steps

    from reader.cli.support import ensure_database
    from reader.morphology.analyzer import Morphology
    from reader.morphology.database.loader import load_database
    from reader.morphology.database.locate import locate_database
    from reader.morphology.evidence import Weights, set_weights
    from reader.morphology.vowels.diacritizer import Diacritizer

    ensure_database()
    location = locate_database()
    assert location is not None
    # The evidence is gathered with the hand-set weights (an earlier fit would
    # shape the readings the next one learns from).
    set_weights(Weights(dict(HAND_WEIGHTS), "hand"))
    morphology = Morphology(load_database(location.path), diacritizer=Diacritizer())
    pud, catt = dev_sets(args.limit)
    if args.words is not None and args.words.is_file():
        words = pickle.loads(args.words.read_bytes())
    else:
        words = extract(morphology, pud, catt)
        if args.words is not None:
            args.words.write_bytes(pickle.dumps(words))
    informative = sum(1 for w in words if w.right.any() and not w.right.all())
    print(f"{len(words)} words, {informative} with right and wrong readings")
    folds = cross_validated(words)
    held = []
    for k, weights in enumerate(folds):
        test = [w for w in words if fold_of(w.sentence) == k]
        held.append((top1(test, weights), top1(test, HAND_WEIGHTS)))
    print("held-out top-1 per fold (fitted / hand):")
    for k, (fitted, hand) in enumerate(held):
        print(f"  fold {k}: {fitted:.4f} / {hand:.4f}")
    weights = fit(words)
    note: dict[str, Any] = {
        "fitted_on": "UD Arabic-PUD (lemma) and CATT (vowels), every sentence",
        "made_by": "tools/fit_weights.py",
        "words": len(words),
    }
    if args.ablation:
        worth = ablation(words)
        print("held-out top-1 without each feature, minus with all:")
        for name, delta in sorted(worth.items(), key=lambda item: item[1]):
            print(f"  {name:32s} {delta:+.5f}")
        note["ablation"] = worth
    write(weights, args.out, note)
    print(f"weights written to {args.out}")
    for name in NAMES:
        print(f"  {name:32s} {HAND_WEIGHTS[name]:8.3f} -> {weights[name]:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
