"""Which reading of each word the learner sees, and how it is written out.

Qt-free: :class:`ReadingChoices` keeps the reading a learner picked for one
occurrence of a word; the reading session (:mod:`reader.reading.session`) owns one and
says when it changes. How a word is vocalised is the core's
(:mod:`reader.morphology.vowels.reconcile`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.morphology.records import Analysis, short_gloss


def word_gloss(reading: Analysis) -> str:
    """A few English words for a word-by-word line: this word in this form, in
    English order ("their meeting", "she visited"); else the pieces' glosses."""
    if reading.english and not reading.is_guess:
        return reading.english
    pieces = [s for s in reading.segments if s.gloss]
    stem = short_gloss(reading.lemma_gloss) or short_gloss(reading.gloss)
    if len(pieces) <= 1:
        return stem
    glossed = []
    for segment in reading.segments:
        if segment.role == "stem":
            glossed.append(stem)
        elif segment.gloss:
            glossed.append(short_gloss(segment.gloss))
    return " ".join(glossed)


@dataclass(frozen=True)
class ReadingKey:
    """What identifies a reading across runs: lemma, part of speech and vocalisation."""

    lex: str
    pos: str
    diac: str

    @classmethod
    def of(cls, reading: Analysis) -> ReadingKey:
        return cls(reading.lex, reading.pos, reading.diac)


class ReadingChoices:
    """The reading a learner chose for an occurrence, per (document, token index)."""

    def __init__(self) -> None:
        self._chosen: dict[tuple[str, int], ReadingKey] = {}

    def choose(self, fingerprint: str, token_index: int, reading: Analysis) -> None:
        self._chosen[(fingerprint, token_index)] = ReadingKey.of(reading)

    def forget(self, fingerprint: str, token_index: int) -> None:
        self._chosen.pop((fingerprint, token_index), None)

    def chosen_key(self, fingerprint: str, token_index: int) -> ReadingKey | None:
        return self._chosen.get((fingerprint, token_index))

    def chosen_tokens(self, fingerprint: str) -> set[int]:
        """The tokens of one document whose reading the learner chose."""
        return {index for (print_, index) in self._chosen if print_ == fingerprint}

    def reading_for(
        self, fingerprint: str, token_index: int, readings: Sequence[Analysis]
    ) -> Analysis | None:
        """The chosen reading if it is still among ``readings``, else the best one."""
        key = self._chosen.get((fingerprint, token_index))
        if key is not None:
            for reading in readings:
                if ReadingKey.of(reading) == key:
                    return reading
        return readings[0] if readings else None

    def items(self) -> Iterator[tuple[str, int, ReadingKey]]:
        """Every choice, for whoever persists them."""
        for (fingerprint, token_index), key in self._chosen.items():
            yield fingerprint, token_index, key

    def __len__(self) -> int:
        return len(self._chosen)
