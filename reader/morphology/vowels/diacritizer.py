"""The context diacritizer: text2tashkeel's ONNX model, vowels for a whole sentence.

The model sees the sentence, so it knows what a dictionary cannot: the case
ending a word takes here, and which of its readings the sentence wants. It is
loaded the first time a sentence is vocalised (onnxruntime and numpy are
imported then, never at start-up), runs on the CPU, reaches for no network, and
keeps the sentences it has vocalised.

The model strips every mark (hamza seats included: it works on NFD letters) and
predicts them again. :meth:`Diacritizer.vocalize_words` gives back, for each
word of the sentence, the author's letters with the predicted marks; a hamza it
restores on a bare seat is kept, a hamza the author wrote is never lost.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from reader.morphology.vowels.marks import join, merge_marks, units

MODEL = "rawi-ensemble"
MODEL_LICENSE = "Apache-2.0"
# Longer sentences are vocalised in pieces of this many words; the model is a
# BiLSTM, so a piece this long loses nothing, and memory stays bounded.
MAX_WORDS = 120
_CACHE_SIZE = 20_000


def model_files(model: str = MODEL) -> tuple[str, ...]:
    """The files of text2tashkeel's ``models/`` folder that ``model`` reads.

    The desktop bundle ships exactly these (packaging/arabic-reader.spec), so
    changing :data:`MODEL` changes what is bundled; the bundle test checks the
    list against what text2tashkeel opens.
    """
    files = {"rawi-ensemble": ("rawi_ensemble.int8.onnx", "rawi_v2.vocab.json")}
    if model not in files:
        raise ValueError(f"the files of the vowel model {model!r} are not listed")
    return files[model]


class DiacritizerUnavailable(Exception):
    """The diacritizer's package or model could not be loaded."""


def _model_input(char: str) -> str:
    """What the model sees of one character: NFD letters without combining marks."""
    return "".join(
        c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) not in ("Mn", "So")
    )


class Diacritizer:
    """Vowels in context for the words of one sentence at a time. Thread-safe."""

    def __init__(self, model: str = MODEL) -> None:
        self.model = model
        self._backend: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, ...], tuple[str, ...]] = OrderedDict()

    @property
    def loaded(self) -> bool:
        return self._backend is not None

    def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first sentence)."""
        with self._lock:
            if self._backend is not None:
                return
            try:
                from text2tashkeel import Diacritizer as _Model

                backend = _Model(self.model)
                backend.diacritize("ا")  # builds the onnxruntime session
            except Exception as error:  # ImportError, a missing model file, onnxruntime
                raise DiacritizerUnavailable(
                    f"The vowel model ({self.model}) could not be loaded: {error}"
                ) from error
            self._backend = backend

    def vocalize_words(self, words: Sequence[str]) -> tuple[str, ...]:
        """Each word of one sentence, in order, with the vowels the sentence gives it.

        A word the model leaves unmarked (a Latin word, a number) comes back as
        written.
        """
        key = tuple(words)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        if self._backend is None:
            self.load()
        result: list[str] = []
        for start in range(0, len(key), MAX_WORDS):
            result.extend(self._vocalize_piece(key[start : start + MAX_WORDS]))
        found = tuple(result)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return found

    def _vocalize_piece(self, words: Sequence[str]) -> list[str]:
        word_units = [units(word) for word in words]
        seen = [[_model_input(unit.letter) for unit in found] for found in word_units]
        text = " ".join("".join(chars) for chars in seen)
        output = unicodedata.normalize("NFD", self._backend.diacritize(text))
        # Predicted marks per base character of the model's input, in order.
        predicted: list[str] = []
        for char in output:
            if unicodedata.category(char) == "Mn":
                if predicted:
                    predicted[-1] += char
            else:
                predicted.append("")
        if len(predicted) != len(text):
            return list(words)  # the model changed the letters: keep the words as written
        result: list[str] = []
        position = 0
        for word, found, chars in zip(words, word_units, seen, strict=True):
            for unit, base in zip(found, chars, strict=True):
                marks = "".join(predicted[position : position + len(base)])
                position += len(base)
                unit.marks = merge_marks(unit.marks, marks)
            position += 1  # the space between words
            result.append(join(found) if found else word)
        return result
