"""The English of a name as the vocabulary saves it: a spelling guessed from
the letters says so on the learner's cards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.morphology.names.sources import known_name, known_person_name
from reader.text.arabic import strip_marks

if TYPE_CHECKING:
    from reader.morphology.names.spans import NameSpan

# Added to the English of a name saved to the vocabulary where it is only a
# guess at the spelling, so that the learner's cards say so.
GUESSED_SPELLING = " (guessed spelling)"


def saved_english(reading: Any) -> str:
    """The English of a word as the vocabulary saves it: a name spelt only from
    its letters (ترامب: Tramp) says that its spelling is a guess."""
    english = str(reading.lemma_gloss)
    if not reading.is_guess:
        return english
    stem = strip_marks(next((s.form for s in reading.segments if s.role == "stem"), ""))
    sources = (known_name(stem), known_person_name(stem)) if stem else ()
    if any(found is not None and found.english == english for found in sources):
        return english  # a source's name (أوباما: Obama), not a guess
    return english + GUESSED_SPELLING


def saved_name_english(span: NameSpan) -> str:
    """The English of a name of several words as the vocabulary saves it: one
    with a word spelt only from its letters (جون كيري: John Kiri) says so."""
    return span.english + (GUESSED_SPELLING if span.source == "letters" else "")
