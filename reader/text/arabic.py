"""Arabic text helpers: the one place that names the marks and folds letters.

Every module that strips vowel marks, drops tatweel or folds alef forms calls
these; none writes its own set of characters.

Two sets of marks, because two uses need them:

* :data:`VOWEL_MARKS`, the marks a vocalisation adds (tanwin, short vowels,
  shadda, sukun, U+064B-U+0652, and the dagger alef U+0670): camel-tools'
  ``AR_DIAC_CHARSET``, the set its ``dediac_ar`` removes;
* :data:`ARABIC_MARKS`, those and the other Arabic combining marks up to
  U+065F (madda, hamza above and below, ...), which the dictionary's lemmas
  and names may carry.

The character sets are written out here rather than imported from
``camel_tools.utils.charsets``: that module takes about two seconds to import
(it scans all of Unicode), and the store and the command line must start
without it. A test checks that they are camel-tools' sets, character for
character. The letter folds are camel-tools' own normalisers
(``camel_tools.utils.normalize``, which loads no data and reaches no network),
imported on the first fold: the text package itself stays free of camel-tools.

:func:`strip_diacritics` makes the keys the saved vocabulary is searched by
(``lemma_plain``, ``surface_plain``): it must never change, or saved words
would stop matching (the test compares it with the form frozen in the
migration that filled those columns).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
FATHA, DAMMA, KASRA = "\u064e", "\u064f", "\u0650"
SHADDA, SUKUN = "\u0651", "\u0652"
DAGGER_ALEF = "\u0670"
MADDA, HAMZA_ABOVE, HAMZA_BELOW = "\u0653", "\u0654", "\u0655"
TATWEEL = "\u0640"  # kashida: it stretches a word, it never changes it

TANWIN = frozenset(FATHATAN + DAMMATAN + KASRATAN)
SHORT_VOWELS = frozenset(FATHA + DAMMA + KASRA)
# The marks a vocalisation adds: camel-tools' AR_DIAC_CHARSET.
VOWEL_MARKS = TANWIN | SHORT_VOWELS | {SHADDA, SUKUN, DAGGER_ALEF}
# Marks that change the letter itself (its hamza seat), not its vowel.
HAMZA_MARKS = frozenset(MADDA + HAMZA_ABOVE + HAMZA_BELOW)
# Every Arabic combining mark of the main block: U+064B-U+065F and U+0670.
ARABIC_MARKS = VOWEL_MARKS | frozenset(map(chr, range(0x0653, 0x0660)))


def _class(chars: frozenset[str] | set[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_VOWEL_MARKS_AND_TATWEEL = _class(VOWEL_MARKS | {TATWEEL})
_MARKS_AND_TATWEEL = _class(ARABIC_MARKS | {TATWEEL})
_MARKS_BUT_SHADDA = _class(ARABIC_MARKS - {SHADDA})


def strip_tatweel(text: str) -> str:
    """The text without kashida (tatweel)."""
    return text.replace(TATWEEL, "")


def strip_diacritics(text: str) -> str:
    """Without vowel marks or tatweel: the form the store's search compares.

    A learner types "وزير" for "وَزِير", and news text may be partly vocalised.
    The same as camel-tools' ``dediac_ar`` followed by :func:`strip_tatweel`.
    """
    return _VOWEL_MARKS_AND_TATWEEL.sub("", text)


def strip_marks(text: str) -> str:
    """Without any Arabic mark (:data:`ARABIC_MARKS`) or tatweel: bare letters and the rest."""
    return _MARKS_AND_TATWEEL.sub("", text)


def strip_marks_but_shadda(text: str) -> str:
    """Without any Arabic mark but the shadda (a doubled letter is still two); tatweel kept."""
    return _MARKS_BUT_SHADDA.sub("", text)


@cache
def _normalisers() -> tuple[Callable[[str], str], Callable[[str], str], Callable[[str], str]]:
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    return normalize_alef_ar, normalize_teh_marbuta_ar, normalize_alef_maksura_ar


def plain_alef(text: str) -> str:
    """Every alef with hamza, madda or wasla (أ إ آ ٱ) written as a bare alef."""
    return _normalisers()[0](text)


def fold_letters(text: str) -> str:
    """The letters spellings vary in merged: alef forms to ا, ta marbuta to ه, alef maqsura to ي."""
    alef, teh_marbuta, alef_maksura = _normalisers()
    return alef_maksura(teh_marbuta(alef(text)))
