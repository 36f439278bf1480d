"""The lemma key of every word's best reading, as one array: made on the worker.

Qt-free: the reading session holds it with the analysis; the window's marks
(:mod:`reader.ui.word_marks`) are computed from it with array operations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.store import LemmaKey

if TYPE_CHECKING:  # numpy is imported on the worker first (ArticleKeys.of), never at start-up
    import numpy as np

    from reader.morphology.analyzer import DocumentAnalysis


class ArticleKeys:
    """The lemma key of every Arabic token's best reading, as one array of key numbers.

    Made on the worker (:meth:`of`: a pass over every word, about a microsecond
    each); on the GUI thread a refresh then costs one look-up per distinct
    lemma and a few array operations, never a Python step per token.
    """

    def __init__(self, keys: tuple[LemmaKey, ...], key_of_token: np.ndarray, arabic: int) -> None:
        import numpy as np

        self.keys = keys  # key number -> key
        self.key_of_token = key_of_token  # token index -> key number; len(keys): no key
        self.arabic = arabic  # Arabic tokens, with or without a reading
        self.tokens_per_key = np.bincount(key_of_token, minlength=len(keys) + 1)

    @classmethod
    def of(cls, analysis: DocumentAnalysis) -> ArticleKeys:
        import numpy as np

        readings = analysis.readings
        number: dict[LemmaKey, int] = {}
        # Readings are shared by every token of the same word in the same context:
        # the key of the best one is worked out once per such tuple.
        by_tuple: dict[int, int] = {}
        no_key = -1  # replaced by len(keys) once every key is known
        numbers = [no_key] * len(readings)
        arabic = 0
        for token in analysis.document.tokens:
            if token.kind != "arabic":
                continue
            arabic += 1
            found = readings[token.index]
            marker = id(found)
            key_number = by_tuple.get(marker)
            if key_number is None:
                key_number = no_key
                if found:
                    key_number = number.setdefault(found[0].key, len(number))
                by_tuple[marker] = key_number
            numbers[token.index] = key_number
        key_of_token = np.array(numbers, dtype=np.int32)
        key_of_token[key_of_token == no_key] = len(number)
        return cls(tuple(number), key_of_token, arabic)

    def __len__(self) -> int:
        return len(self.key_of_token)
