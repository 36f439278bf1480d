"""A statistical guess at the Latin spelling of a foreign name written in Arabic.

When no source knows a name, :func:`spell` guesses its English (Latin)
spelling: كولورادو -> Colorado, فولكسفاغن -> Volkswagen, شنايدر -> Schneider,
where the letter-by-letter :func:`reader.morphology.names.guess.romanize_name` gives
Kolorado, Folksfagn and Shnaidr. It is a guess: ترامب is still Tramp and
تويتر Teuter.

The model is a joint-sequence ("graphone") model: each Arabic letter stands
for a chunk of zero to four Latin letters (ت -> t, و -> oo, ر -> er); an
n-gram model over the (letter, chunk) pairs, together with a Latin letter
n-gram model (weighted), scores every way of spelling a word, and a beam
search keeps the likeliest spellings, the probabilities of the alignments
that spell the same string added up.

This module only loads the shipped model, ``spelling.json.gz`` beside it, and
spells with it. The model is trained, from GeoNames' cities, arabnamer's list
of names and lemminflect's English names, by the developer tool
``tools/train_name_spelling.py``, which says how and how well.

The model loads lazily, once, under a lock, and never reaches the network.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reader.text.arabic import strip_marks

DATA_FILE = Path(__file__).with_name("spelling.json.gz")

BEAM = 12
# The boundary token before and after a word, in both n-gram models.
BOUNDARY = "#"
NEVER = -99.0  # log probability of what the model never saw
# Variant code points of the same letter, and the wasla, folded to one.
_ARABIC_FOLD = str.maketrans({"ٱ": "ا", "ی": "ي", "ک": "ك", "ھ": "ه", "ۀ": "ه"})
# A word the model can spell: Arabic letters only (no tatweel, no Persian letter).
ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")

_lock = threading.Lock()
_model: Model | None = None


def arabic_key(word: str) -> str:
    """The letters the model reads: marks and tatweel off, variant code points folded."""
    return strip_marks(word).translate(_ARABIC_FOLD).strip()


@dataclass(frozen=True)
class NGrams:
    """An n-gram model in back-off form over one-character tokens."""

    order: int
    table: dict[str, list[float]]

    def log_prob(self, history: str, token: str) -> float:
        """log p(token | the last order - 1 tokens of history), backing off."""
        table = self.table
        penalty = 0.0
        for size in range(min(self.order - 1, len(history)), -1, -1):
            context = history[len(history) - size :]
            found = table.get(context + token)
            if found is not None:
                return penalty + found[0]
            if size:
                weight = table.get(context)
                if weight is not None and len(weight) > 1:
                    penalty += weight[1]
        return penalty + NEVER


@dataclass(frozen=True)
class Model:
    """A loaded model: the graphones tried for each letter, the graphone n-grams,
    and the Latin letter n-grams, weighted by ``latin_weight``."""

    chunks: dict[str, list[tuple[str, str]]]  # letter -> (graphone symbol, chunk)
    joint: NGrams
    latin: NGrams
    latin_weight: float

    def spellings(self, letters: str, beam: int = BEAM) -> list[tuple[float, str]]:
        """The likeliest spellings of normalised letters, best first, with log scores."""
        if not letters or any(letter not in self.chunks for letter in letters):
            return []
        joint, latin, weight = self.joint, self.latin, self.latin_weight
        # spelling -> (score, graphone history, Latin history)
        hypotheses = {"": (0.0, BOUNDARY * (joint.order - 1), BOUNDARY * (latin.order - 1))}
        for letter in letters:
            grown: dict[str, tuple[float, str, str]] = {}
            for spelt, (score, history, latin_history) in hypotheses.items():
                for symbol, chunk in self.chunks[letter]:
                    new = score + joint.log_prob(history, symbol)
                    text = latin_history
                    for char in chunk:
                        new += weight * latin.log_prob(text, char)
                        text += char
                    _merge(grown, spelt + chunk, (new, history[1:] + symbol, text))
            hypotheses = dict(sorted(grown.items(), key=lambda kv: -kv[1][0])[:beam])
        ended = [
            (
                score
                + joint.log_prob(history, BOUNDARY)
                + weight * latin.log_prob(latin_history, BOUNDARY),
                spelt,
            )
            for spelt, (score, history, latin_history) in hypotheses.items()
            if spelt
        ]
        return sorted(ended, key=lambda item: (-item[0], item[1]))


def _merge(
    table: dict[str, tuple[float, str, str]], spelt: str, entry: tuple[float, str, str]
) -> None:
    """Add a hypothesis: the probabilities of two ways to the same spelling add up."""
    old = table.get(spelt)
    if old is None:
        table[spelt] = entry
        return
    high, low = max(old[0], entry[0]), min(old[0], entry[0])
    best = old if old[0] >= entry[0] else entry
    table[spelt] = (high + math.log1p(math.exp(low - high)), best[1], best[2])


def load(path: Path = DATA_FILE) -> Model:
    """Read a model's data file."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        data = json.load(stream)
    symbols: dict[str, list[str]] = data["symbols"]
    joint, latin = data["joint"], data["latin"]
    return Model(
        {
            letter: [(symbol, symbols[symbol][1]) for symbol in found]
            for letter, found in data["chunks"].items()
        },
        NGrams(int(joint["order"]), joint["ngrams"]),
        NGrams(int(latin["order"]), latin["ngrams"]),
        float(latin["weight"]),
    )


def model() -> Model:
    """The shipped model, loaded on first use, once."""
    global _model
    with _lock:
        if _model is None:
            _model = load()
        return _model


def spell_with(found: Model, word: str) -> str | None:
    """A word's likeliest spelling by a given model (see :func:`spell`)."""
    parts = arabic_key(word).split()
    if not parts or not all(ARABIC_WORD.match(part) for part in parts):
        return None
    spelt: list[str] = []
    for part in parts:
        options = found.spellings(part)
        if not options:
            return None
        spelt.append(options[0][1].capitalize())
    return " ".join(spelt)


def spell(word: str) -> str | None:
    """The likeliest Latin spelling of an Arabic name (كولورادو: Colorado), capitalised.

    Marks are ignored. None for an empty word, one with letters other than
    Arabic ones, or one with a letter the model never saw.
    """
    return spell_with(model(), word)
