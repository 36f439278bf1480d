"""Which reading of each word the learner sees, and how it is written out.

Plain Python (no Qt) so the vocabulary store can take these over later:
:class:`ReadingChoices` keeps the reading a learner picked for one occurrence
of a word, :func:`vowelled_text` puts a reading's vowels on the author's letters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.morphology.records import Analysis, short_gloss

# Arabic short vowels, tanwin, shadda, sukun, dagger alif: the marks "Show vowels" adds.
DIACRITICS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
TATWEEL = "\u0640"
# Letters the dictionary may write differently from the author (hamza seats,
# alif maqsura, ta marbuta); the author's letter is always the one shown.
_EQUIVALENT = {
    "ا": "ا",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ي": "ي",
    "ة": "ه",
    "ه": "ه",
}


def _letter_class(letter: str) -> str:
    return _EQUIVALENT.get(letter, letter)


def vowelled_text(written: str, diac: str) -> str:
    """The author's word with the reading's vowels on it.

    ``vowelled_text("الاميركي", "الأَمِيرْكِيّ") == "الامِيرْكِيّ"``: the vowels are
    the dictionary's, the letters stay the author's. When the two do not line up
    letter for letter, the word is left as written rather than rewritten.
    """
    letters = [(c, i) for i, c in enumerate(diac) if c not in DIACRITICS]
    marks: list[str] = []
    for position, (_letter, index) in enumerate(letters):
        end = letters[position + 1][1] if position + 1 < len(letters) else len(diac)
        marks.append(diac[index + 1 : end])
    out: list[str] = []
    next_letter = 0
    for position, char in enumerate(written):
        if char == TATWEEL or char in DIACRITICS:
            out.append(char)
            continue
        if next_letter >= len(letters) or _letter_class(char) != _letter_class(
            letters[next_letter][0]
        ):
            return written
        out.append(char)
        # The author's own marks win: never stack a second vowel on a letter.
        already_marked = position + 1 < len(written) and written[position + 1] in DIACRITICS
        if not already_marked:
            out.append(marks[next_letter])
        next_letter += 1
    if next_letter != len(letters):
        return written
    return "".join(out)


def word_gloss(reading: Analysis) -> str:
    """A few English words for a word-by-word line: clitics included (``and + the + …``)."""
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


def spaced_root(root: str) -> str:
    """``ك.#.ن`` -> ``ك ء/و/ي ن``: the radicals spaced, a weak radical spelled out."""
    if not root:
        return ""
    letters = "".join(c for c in root if c not in DIACRITICS)
    radicals = letters.split(".") if "." in letters else list(letters)
    return " ".join("ء/و/ي" if r == "#" else r for r in radicals)


# The traditional scale of Arabic morphology: radicals 1 2 3 4 are ف ع ل ل.
_SCALE = str.maketrans({"1": "ف", "2": "ع", "3": "ل", "4": "ل"})


def scale_pattern(pattern: str) -> str:
    """``1َ2ا3ات`` -> ``فَعالات``: a pattern the way Arabic grammar books write it."""
    return pattern.translate(_SCALE)


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
