"""One scorer: each reading carries its evidence, and one call weighs it.

Every layer that knows something about which reading a word has here (the
database's frequencies, the word before it, the document's names, the author's
own marks, the sentence's vowels) adds *evidence* to the readings: a named
feature with a value (:data:`FEATURES`). No layer moves a reading itself:
:func:`order` sums each reading's weighted features and orders them, so the
reading shown is the one with the most evidence, whichever layer spoke last.
Evidence that has not arrived yet (no vowels before the vowel model has run)
adds nothing.

The weights are a small data file (``scorer_weights.json``, beside this
module), fitted on the dev sets by ``tools/fit_weights.py`` (a conditional
logit, plain numpy) and reported by
cross-validation in ``tests/benchmarks/bench_quality.py --section scorer``. The
hand-set weights below (:data:`HAND_WEIGHTS`, the rules' constants before any
fitting) are used where the file is missing or damaged.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "FEATURES",
    "HAND_WEIGHTS",
    "Weights",
    "contributions",
    "deciding",
    "load_weights",
    "order",
    "set_weights",
    "weighed",
    "weights",
]

# Name -> what it says, in the learner's words (the Word pane's "why" line).
FEATURES: dict[str, str] = {
    # The word alone: the database and the letters.
    "frequency": "how common this reading is",
    "unseen": "never seen in the dictionary's corpus",
    "clitics": "the clitics it needs",
    "spelling_variant": "the dictionary spells it otherwise",
    "emphatic_lam": "the rare emphatic la-",
    "first_person": "first person, rare in news",
    "second_person": "second person, rare in news",
    "contradicts_marks": "the author's vowel marks",
    # The word before it.
    "verb_after_preposition": "a verb right after a preposition",
    "genitive_after_preposition": "genitive after a preposition",
    "unmarked_after_preposition": "after a preposition",
    "other_case_after_preposition": "not genitive after a preposition",
    "proper_after_name": "after a name",
    "construct_noun": "second term of a construct",
    "construct_genitive": "genitive in a construct",
    "verb_after_particle": "a verb after قد, سوف, لم or لن",
    "nonverb_after_particle": "not a verb after قد, سوف, لم or لن",
    "mood_agrees": "the mood after لم or لن",
    "mood_disagrees": "not the mood after لم or لن",
    # Names.
    "place_written_bare": "a place's name written bare",
    "name_spelt_as_written": "a name spelt as written",
    "name_guess": "not in the dictionary: a guessed name",
    "surname_after_name": "after a given name: a surname",
    "listed_name": "a list of names has it",
    "name_beside_function_word": "a name spelt like a function word",
    # The sentence and the document.
    "construct_head": "heads a construct",
    "document_name": "the document names it",
    "named_elsewhere": "the document names it elsewhere",
    "gazetteer_place": "a place the gazetteers know",
    # The sentence's vowel model.
    "vowels_stem": "the vowel model reads its stem so",
    "vowels_share": "the vowel model's vowels, letter by letter",
    "vowels_ending": "the vowel model gives it this ending",
    "vowels_form": "the vowel model reads it so",
}

# The rules' constants as they were set by hand, one per feature: what the
# ranking was before the weights were fitted, and the fallback.
HAND_WEIGHTS: dict[str, float] = {
    "frequency": 1.0,
    "unseen": 0.0,
    "clitics": -0.3,
    "spelling_variant": -1.0,
    "emphatic_lam": -1.0,
    "first_person": -0.5,
    "second_person": -1.0,
    "contradicts_marks": -4.0,
    "verb_after_preposition": -3.0,
    "genitive_after_preposition": 1.0,
    "unmarked_after_preposition": 0.5,
    "other_case_after_preposition": -0.5,
    "proper_after_name": 1.0,
    "construct_noun": 6.0,
    "construct_genitive": 0.5,
    "verb_after_particle": 4.0,
    "nonverb_after_particle": -4.0,
    "mood_agrees": 1.0,
    "mood_disagrees": -0.5,
    "place_written_bare": 10.0,
    "name_spelt_as_written": 10.0,
    "name_guess": -30.0,
    "surname_after_name": 40.0,
    "listed_name": 40.0,
    # Set a priori (not a rule before): news rarely names someone لو or لي.
    "name_beside_function_word": -3.0,
    "construct_head": 10.0,
    "document_name": 25.0,
    "named_elsewhere": 25.0,
    "gazetteer_place": 25.0,
    "vowels_stem": 3.0,
    "vowels_share": 1.5,
    "vowels_ending": 0.5,
    "vowels_form": 10.0,
}

Evidence = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Weights:
    """A weight per feature, and where they come from (for the self-test and the bench)."""

    values: Mapping[str, float]
    source: str = "hand"

    def score(self, evidence: Iterable[tuple[str, float]]) -> float:
        values = self.values
        return sum(values.get(name, 0.0) * value for name, value in evidence)


WEIGHTS_FILE = Path(__file__).with_name("scorer_weights.json")
_current: Weights | None = None


def load_weights(text: str, source: str) -> Weights:
    """Weights from the JSON the fitting tool writes: ``{"weights": {name: w}}``.

    A feature the file does not name keeps its hand weight; a name the scorer
    does not know, or a value that is not a finite number, is refused.
    """
    data = json.loads(text)
    given = data["weights"]
    unknown = sorted(set(given) - set(FEATURES))
    if unknown:
        raise ValueError(f"unknown features: {', '.join(unknown)}")
    values = dict(HAND_WEIGHTS)
    for name, value in given.items():
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{name}: not a finite weight")
        values[name] = number
    return Weights(values, source)


@lru_cache(maxsize=1)
def _shipped() -> Weights:
    try:
        return load_weights(WEIGHTS_FILE.read_text("utf-8"), "fitted")
    except (OSError, ValueError, KeyError, TypeError):
        # A damaged install ranks by the hand-set rules; --self-test says so.
        return Weights(dict(HAND_WEIGHTS), "hand")


def weights() -> Weights:
    """The weights in use: the shipped file's, unless :func:`set_weights` said otherwise."""
    return _current if _current is not None else _shipped()


def set_weights(chosen: Weights | None) -> None:
    """Use ``chosen`` from now on (the bench's folds, the fitting tool); None: the shipped."""
    global _current
    _current = chosen


def weighed(reading: Any, **evidence: float) -> Any:
    """The reading with more evidence (a value of 0 adds nothing), scored anew.

    A feature given again replaces its old value: a layer that runs twice over
    a word (a document analysed again) does not count its evidence twice.
    """
    merged = dict(reading.evidence)
    for name, value in evidence.items():
        if name not in FEATURES:
            raise KeyError(name)
        if value:
            merged[name] = float(value)
        else:
            merged.pop(name, None)
    new = tuple(merged.items())
    return dataclasses.replace(reading, evidence=new, score=round(weights().score(new), 3))


def order(candidates: Sequence[Any], chosen: Weights | None = None) -> tuple[Any, ...]:
    """The candidates, most evidence first, each scored by the weights in use.

    Ties keep the order given (the database's, or the name guesses' own).
    """
    scale = chosen or weights()
    scored = []
    for position, reading in enumerate(candidates):
        score = round(scale.score(reading.evidence), 3)
        if score != reading.score:
            reading = dataclasses.replace(reading, score=score)
        scored.append((-score, position, reading))
    scored.sort(key=lambda item: (item[0], item[1]))
    return tuple(reading for _score, _position, reading in scored)


def contributions(reading: Any, chosen: Weights | None = None) -> dict[str, float]:
    """Each feature's share of the reading's score (weight times value)."""
    scale = (chosen or weights()).values
    return {name: scale.get(name, 0.0) * value for name, value in reading.evidence}


# Features a learner reads as part of another: "never seen" is how common the
# reading is (its weight offsets the frequency's floor, it is no reason alone).
_TOLD_WITH = {"unseen": "frequency"}


def _told(shares: dict[str, float]) -> dict[str, float]:
    merged: dict[str, float] = {}
    for name, value in shares.items():
        key = _TOLD_WITH.get(name, name)
        merged[key] = merged.get(key, 0.0) + value
    return merged


def deciding(best: Any, runner_up: Any | None, limit: int = 3) -> list[str]:
    """What put ``best`` before ``runner_up``, in words, strongest first.

    The features whose contributions differ most in the best reading's favour;
    with no other reading, the best reading's own strongest evidence.
    """
    ours = _told(contributions(best))
    theirs = _told(contributions(runner_up)) if runner_up is not None else {}
    margin = {name: ours.get(name, 0.0) - theirs.get(name, 0.0) for name in {*ours, *theirs}}
    ranked = sorted(
        (name for name, value in margin.items() if value > 0.05),
        key=lambda name: -margin[name],
    )
    return [FEATURES[name] for name in ranked[:limit]]
