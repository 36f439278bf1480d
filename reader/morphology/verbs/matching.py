"""Whether a form mazini generates is a word of the dictionary or of the text:
the same letters and hamzas, marks that do not contradict each other."""

from __future__ import annotations

from reader.morphology.vowels.marks import (
    comparable,
    compatible,
    split_ending,
    stem_comparable,
    units,
)
from reader.text.arabic import strip_marks as dediacritize


def same_form(generated: str, database: str) -> bool:
    """Could a generated form and a database (or text) form be the same word?"""
    mine = stem_comparable(generated, keep_sukun=True)
    theirs = stem_comparable(database, keep_sukun=True)
    return compatible(mine, theirs) and hamzas(mine) == hamzas(theirs)


def is_lemma(generated: str, lex: str) -> bool:
    """Is mazini's past 3ms the database's lemma? Letters exact, marks compatible."""
    mine = split_ending(generated)[0].replace("ٱ", "ا")
    theirs = split_ending(lex)[0].replace("ٱ", "ا")
    return compatible(mine, theirs) and hamzas(mine) == hamzas(theirs)


def hamzas(word: str) -> list[str]:
    """Each letter's hamza marks: أَفاد and أَفْأَدَ have the same letters once NFD."""
    return [unit.hamza for unit in units(word)]


def same_word(generated: str, word: str) -> bool:
    """Like :func:`same_form` but the ending counts: يَكْتُبُ is not يَكْتُبْ (the mood)."""
    mine, theirs = comparable(generated, keep_sukun=True), comparable(word, keep_sukun=True)
    return compatible(mine, theirs) and hamzas(mine) == hamzas(theirs)


def stem_letters(word: str) -> str:
    return "".join(unit.letter for unit in units(split_ending(dediacritize(word))[0]))
