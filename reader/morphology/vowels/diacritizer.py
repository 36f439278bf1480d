"""The context diacritizer: text2tashkeel's ONNX model, vowels for a whole sentence.

The model sees the sentence, so it knows what a dictionary cannot: the case
ending a word takes here, and which of its readings the sentence wants. It is
loaded the first time a sentence is vocalised (onnxruntime and numpy are
imported then, never at start-up), runs on the CPU, reaches for no network, and
keeps the sentences it has vocalised.

The model strips every mark (hamza seats included: it works on NFD letters) and
predicts them again. It reads the sentence as written, punctuation and all;
:meth:`Diacritizer.vocalize_text` gives back, for each word (a span of the
sentence), the author's letters with the predicted marks; a hamza it restores
on a bare seat is kept, a hamza the author wrote is never lost.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from reader.morphology.vowels.marks import join, merge_marks, units
from reader.text.arabic import TATWEEL, strip_tatweel

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
    if char == TATWEEL:
        return ""  # a stretch of the line, not a letter: the model sees the word joined
    return "".join(
        c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) not in ("Mn", "So")
    )


class Diacritizer:
    """Vowels in context for the words of one sentence at a time. Thread-safe."""

    def __init__(self, model: str = MODEL) -> None:
        self.model = model
        self._backend: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], tuple[str, ...]] = (
            OrderedDict()
        )

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
        """Each word, in order, with the vowels the words read as one sentence give it.

        For a list of words without their text; a document's sentence is
        vocalised as written (:meth:`vocalize_text`).
        """
        spans, at = [], 0
        for word in words:
            spans.append((at, at + len(word)))
            at += len(word) + 1
        return self.vocalize_text(" ".join(words), spans)

    def vocalize_text(self, text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
        """The words at ``spans`` of ``text`` (one sentence), each with the vowels
        the sentence gives it, on the author's letters.

        The model reads the text as written: a comma after a word, not a space
        before it, which it was never trained on and which costs it whole
        words. A word the model leaves unmarked (a Latin word, a number) comes
        back as written, without tatweel.
        """
        key = (text, tuple(spans))
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        if self._backend is None:
            self.load()
        result: list[str] = []
        for first in range(0, len(key[1]), MAX_WORDS):
            piece = key[1][first : first + MAX_WORDS]
            # The first piece from the text's start, the last to its end: the
            # model reads what comes before and after the words too.
            start = 0 if first == 0 else piece[0][0]
            end = len(text) if first + MAX_WORDS >= len(key[1]) else piece[-1][1]
            result.extend(
                self._vocalize_piece(text[start:end], [(s - start, e - start) for s, e in piece])
            )
        found = tuple(result)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return found

    def _vocalize_piece(self, text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
        # What the model sees of each character of the text, and where that starts.
        seen = [_model_input(char) for char in text]
        starts, at = [], 0
        for chars in seen:
            starts.append(at)
            at += len(chars)
        model_text = "".join(seen)
        output = unicodedata.normalize("NFD", self._backend.diacritize(model_text))
        # Predicted marks per base character of the model's input, in order.
        predicted: list[str] = []
        for char in output:
            if unicodedata.category(char) == "Mn":
                if predicted:
                    predicted[-1] += char
            else:
                predicted.append("")
        result: list[str] = []
        for start, end in spans:
            word = strip_tatweel(text[start:end])
            if len(predicted) != len(model_text):
                result.append(word)  # the model changed the letters: the words as written
                continue
            # One unit per character that has a letter (a mark belongs to its letter).
            found = units(word)
            lettered = [i for i in range(start, end) if seen[i]]
            if len(lettered) != len(found):
                result.append(word)
                continue
            for unit, i in zip(found, lettered, strict=True):
                marks = "".join(predicted[starts[i] : starts[i] + len(seen[i])])
                unit.marks = merge_marks(unit.marks, marks)
            result.append(join(found) if found else word)
        return result
