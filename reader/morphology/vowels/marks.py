"""Vowel marks: comparing vocalised forms across conventions, and writing them out.

Sources write the same pronunciation in different ways: the morphology
database leaves out the fatha before a long alif and the shadda of a sun letter
after the article and puts a kasra on hamzat al-wasl; a diacritizer trained on
classical text writes all of those; some texts drop every sukun. To compare two
vocalisations we first bring both to one convention (:func:`comparable`); to
show a word to a learner we write it the way textbooks do (:func:`textbook`).

A word is handled as a list of :class:`Unit`: a base letter and the marks on it,
in NFD, so a hamza restored on a bare alef is a mark like any other.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reader.text.arabic import (  # noqa: F401  (the marks, importable from here too)
    DAGGER_ALEF,
    DAMMA,
    DAMMATAN,
    FATHA,
    FATHATAN,
    HAMZA_ABOVE,
    HAMZA_BELOW,
    HAMZA_MARKS,
    KASRA,
    KASRATAN,
    MADDA,
    SHADDA,
    SHORT_VOWELS,
    SUKUN,
    TANWIN,
    TATWEEL,
    VOWEL_MARKS,
)

SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
PROCLITIC_LETTERS = frozenset("وفبكل")
_ALEFS = frozenset("اٱ")
# Letter classes for matching one source's letters to another's: the
# dictionary may restore a hamza or write ى where the text has ي.
_LETTER_CLASS = str.maketrans({"ٱ": "ا", "ى": "ي", "ة": "ه"})


@dataclass(slots=True)
class Unit:
    letter: str  # one base character, NFD (أ is ا with a hamza mark)
    marks: str  # its combining marks, in canonical order

    @property
    def vowels(self) -> str:
        return "".join(m for m in self.marks if m in VOWEL_MARKS)

    @property
    def hamza(self) -> str:
        return "".join(m for m in self.marks if m in HAMZA_MARKS)

    def text(self) -> str:
        return unicodedata.normalize("NFC", self.letter + self.marks)


def units(word: str) -> list[Unit]:
    """A word as base letters with their marks (tatweel dropped)."""
    result: list[Unit] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) or char in VOWEL_MARKS:
            if result:
                result[-1].marks += char
        elif char != TATWEEL:
            result.append(Unit(char, ""))
    for unit in result:
        unit.marks = unicodedata.normalize("NFD", "a" + unit.marks)[1:]
    return result


def join(word_units: list[Unit]) -> str:
    return unicodedata.normalize("NFC", "".join(u.letter + u.marks for u in word_units))


def letters_key(word: str) -> str:
    """The base letters only, hamza seats and alef/yaa/taa forms merged."""
    return "".join(u.letter for u in units(word)).translate(_LETTER_CLASS)


def _without(marks: str, drop: frozenset[str] | str) -> str:
    return "".join(m for m in marks if m not in drop)


def article_lam(word_units: list[Unit]) -> int | None:
    """Index of the lam of the definite article, if the word has one.

    ال at the start or after one-letter proclitics (وال، بال، فبال), and لل
    (لِ + ال, its alef dropped: للمونديال). An alef with a kasra or a damma is
    a derived verb's hamzat al-wasl (اِلْتِزام، اُلْتُقِطَ), never the article's.
    """
    letters = [u.letter for u in word_units]
    for first in range(3):
        if len(letters) < first + 3 or any(c not in PROCLITIC_LETTERS for c in letters[:first]):
            break
        alef = word_units[first]
        if (
            letters[first] in _ALEFS
            and not alef.hamza
            and not (KASRA in alef.marks or DAMMA in alef.marks)
            and letters[first + 1] == "ل"
        ):
            return first + 1
        if first < 2 and letters[first] == "ل" and letters[first + 1] == "ل":
            return first + 1
    return None


def _tanwin_before_alef(word_units: list[Unit]) -> None:
    """Tanwin fath written on a final alef goes on the letter before it (كِتابًا)."""
    if len(word_units) >= 2 and word_units[-1].letter == "ا" and FATHATAN in word_units[-1].marks:
        word_units[-1].marks = _without(word_units[-1].marks, FATHATAN)
        before = word_units[-2]
        # The letter's own fatha or tanwin is that same ending, written twice
        # when the author's alef kept its mark (عَوْنًاً, كَبِيرَاً): once only.
        marks = _without(_without(before.marks, FATHA), FATHATAN)
        before.marks = unicodedata.normalize("NFD", "a" + marks + FATHATAN)[1:]


def _is_wasl_alef(word_units: list[Unit], index: int, lam: int | None) -> bool:
    unit = word_units[index]
    if unit.letter not in _ALEFS or unit.hamza:
        return False
    if lam is not None and index == lam - 1:
        return True  # the alef of the article
    # A bare alef opening the stem (اِسْتِقْبال، اِنْتَخَبَ): hamzat al-wasl
    # once a mark says so; a long alif carries none.
    after_article = lam is not None and index == lam + 1
    at_start = after_article or all(u.letter in PROCLITIC_LETTERS for u in word_units[:index])
    return at_start and bool(unit.vowels.replace(FATHATAN, ""))


@lru_cache(maxsize=1 << 16)  # a word is compared once per reading
def comparable(word: str, *, keep_sukun: bool = False) -> str:
    """The word in one convention, for comparing vocalisations from any source.

    No sukun, no dagger alef, no short vowel before its own long letter, no
    mark on hamzat al-wasl or on the article's lam, no shadda of a sun letter
    after the article, tanwin fath on the letter before its alef; alef, yaa and
    taa marbuta forms merged.
    """
    word_units = units(word)
    if not word_units:
        return ""
    _tanwin_before_alef(word_units)
    lam = article_lam(word_units)
    for unit in word_units:
        if unit.letter in _ALEFS and not unit.hamza:
            unit.marks = _without(unit.marks, VOWEL_MARKS - {FATHATAN})
    if lam is not None:
        word_units[lam].marks = _without(word_units[lam].marks, VOWEL_MARKS)
        if lam + 1 < len(word_units) and word_units[lam + 1].letter in SUN_LETTERS:
            word_units[lam + 1].marks = _without(word_units[lam + 1].marks, SHADDA)
    for index, unit in enumerate(word_units):
        if DAGGER_ALEF in unit.marks:
            # هٰذا، لٰكِنّ: the dagger alef is the long a others write as a fatha.
            unit.marks = _without(unit.marks, DAGGER_ALEF + FATHA) + FATHA
        if not keep_sukun:
            unit.marks = _without(unit.marks, SUKUN)
        if unit.letter == "ا" and MADDA in unit.marks:
            unit.marks = MADDA  # آ is a hamza and a long a: nothing more to write
        follower = word_units[index + 1] if index + 1 < len(word_units) else None
        if follower is not None and follower.letter in "اى" and not follower.hamza:
            unit.marks = _without(unit.marks, FATHA)
    # Then the long u and i, once every fatha before an alif is gone (زِيادة).
    for index, unit in enumerate(word_units[:-1]):
        follower = word_units[index + 1]
        if follower.vowels:
            continue
        if follower.letter == "و":
            unit.marks = _without(unit.marks, DAMMA)
        elif follower.letter == "ي":
            unit.marks = _without(unit.marks, KASRA)
    for unit in word_units:
        unit.letter = unit.letter.translate(_LETTER_CLASS)
        unit.marks = "".join(sorted(set(unit.marks)))
    return join(word_units)


@lru_cache(maxsize=1 << 16)  # a word is compared once per reading
def split_ending(word: str) -> tuple[str, str]:
    """(the word without the last letter's vowel marks, those marks).

    The last letter's marks are the case or mood ending (or the vowel of a
    pronoun suffix); tanwin fath written on a final alef belongs to them too.
    """
    word_units = units(word)
    if not word_units:
        return "", ""
    _tanwin_before_alef(word_units)
    ending_at = len(word_units) - 1
    if (
        ending_at >= 1
        and word_units[ending_at].letter in "اى"
        and not word_units[ending_at].vowels
        and FATHATAN in word_units[ending_at - 1].marks
    ):
        ending_at -= 1
    last = word_units[ending_at]
    ending = "".join(m for m in last.marks if m in VOWEL_MARKS and m != SHADDA)
    last.marks = _without(last.marks, VOWEL_MARKS - {SHADDA})
    return join(word_units), ending


def with_ending(word: str, ending: str) -> str:
    """The word with its last letter's vowel replaced by ``ending`` (from another reading)."""
    without, _old = split_ending(word)
    if not ending:
        return without
    word_units = units(without)
    at = len(word_units) - 1
    if ending == FATHATAN and at >= 1 and word_units[at].letter in "اى":
        at -= 1
        word_units[at].marks = _without(word_units[at].marks, VOWEL_MARKS - {SHADDA})
    word_units[at].marks = unicodedata.normalize("NFD", "a" + word_units[at].marks + ending)[1:]
    return join(word_units)


def compatible(one: str, other: str) -> bool:
    """Could two vocalisations (both :func:`comparable`) be the same pronunciation?

    Yes when they have the same letters and, letter by letter, the marks of one
    are among the marks of the other: the database leaves letters unmarked
    (يَنْقُلها, no vowel before the pronoun) that a diacritizer marks, and an
    unmarked letter contradicts nothing. Compare forms that keep their sukun:
    a sukun says "no vowel here", which a vowel contradicts.
    """
    ours, theirs = units(one), units(other)
    if [u.letter for u in ours] != [u.letter for u in theirs]:
        return False
    for mine, yours in zip(ours, theirs, strict=True):
        a, b = set(mine.marks), set(yours.marks)
        if not (a <= b or b <= a):
            return False
    return True


@lru_cache(maxsize=1 << 16)  # a word is compared once per reading
def stem_comparable(word: str, *, keep_sukun: bool = False) -> str:
    return comparable(split_ending(word)[0], keep_sukun=keep_sukun)


def textbook(word: str, *, article: bool | None = None) -> str:
    """The vocalised word as learners' textbooks write it.

    The article's lam takes a sukun before a moon letter and nothing before a
    sun letter, which takes a shadda; hamzat al-wasl carries no vowel; a letter
    before a long alif has its fatha.

    Whether the word has the article is the reading's to say (``article``):
    the letters alone mistake a derived verb's اِلْ (اِلْتِزام) or a و before
    a root's ال (والِده) for one. Without a reading, the letters decide.
    """
    word_units = units(word)
    if not word_units:
        return word
    _tanwin_before_alef(word_units)
    lam = article_lam(word_units) if article is not False else None
    for unit in word_units:
        if HAMZA_BELOW in unit.marks and not unit.vowels:
            unit.marks += KASRA  # إ is always i
    for index in range(len(word_units)):
        if _is_wasl_alef(word_units, index, lam):
            keep = FATHATAN if FATHATAN in word_units[index].marks else ""
            word_units[index].marks = keep
    if lam is not None and lam + 1 < len(word_units):
        lam_unit, following = word_units[lam], word_units[lam + 1]
        if SHADDA in lam_unit.marks:
            pass  # الَّذِي، الَّتِي: the lam itself is doubled, the next letter is not
        elif following.letter in SUN_LETTERS:
            lam_unit.marks = _without(lam_unit.marks, SUKUN)
            if SHADDA not in following.marks and following.vowels:
                following.marks = unicodedata.normalize("NFD", "a" + following.marks + SHADDA)[1:]
        elif following.letter in _ALEFS and not following.hamza:
            pass  # الِاتِّفاق: the lam's kasra joins the words
        elif not lam_unit.vowels and following.vowels:
            lam_unit.marks += SUKUN
    for index in range(len(word_units) - 1):
        unit, follower = word_units[index], word_units[index + 1]
        if (
            follower.letter == "ا"
            and not follower.hamza
            and not (follower.vowels.replace(FATHATAN, ""))
            and not (unit.vowels.replace(SHADDA, ""))
            and unit.letter not in _ALEFS
            and not (unit.letter == "و" and index + 2 == len(word_units))  # ذهبوا: a silent alif
            and (lam is None or index != lam)
            and any(u.vowels for u in word_units)
        ):
            unit.marks = unicodedata.normalize("NFD", "a" + unit.marks + FATHA)[1:]
    return join(word_units)


def starts_with_wasl(word: str) -> bool:
    """Does the word open on hamzat al-wasl (ال، اِسْم، اِسْتِقْبال: a bare alef)?"""
    word_units = units(word)
    return bool(word_units) and word_units[0].letter in _ALEFS and not word_units[0].hamza


def with_helping_vowel(word: str) -> str:
    """The word before hamzat al-wasl: a final sukun takes a helping vowel.

    Two vowelless consonants never meet: مِنْ + الْ is مِنَ الْ, a plural pronoun's
    mīm takes a damma (عَلَيْهِمُ الْ), everything else a kasra (لَمْ يَكُنِ الْ،
    قالَتِ الْ، عَنِ الْ). A word not ending in a sukun is returned as it is.
    """
    word_units = units(word)
    if len(word_units) < 2 or word_units[-1].marks != SUKUN:
        return word
    letters = "".join(u.letter for u in word_units)
    if letters in ("من",) and len(word_units) == 2:
        vowel = FATHA
    elif letters.endswith("م") and word_units[-2].letter in "هكت":
        vowel = DAMMA
    else:
        vowel = KASRA
    word_units[-1].marks = vowel
    return join(word_units)


def pausal(word: str) -> str:
    """The word without its final short vowel or tanwin, as read at a pause."""
    without, ending = split_ending(word)
    if not any(mark in SHORT_VOWELS or mark in TANWIN for mark in ending):
        return word  # no ending to drop: لَمْ keeps its sukun
    if ending == FATHATAN and without[-1:] in ("ا", "ى"):
        # كِتابًا is read kitābā at a pause: the tanwin becomes a long a.
        return without[:-1] + FATHA + without[-1]
    return without


def on_written_letters(written: str, vocalised: str, *, restore_hamza: bool = True) -> str:
    """The author's word with the marks of ``vocalised`` on it.

    The letters stay the author's, except that a hamza the vocalisation restores
    on a bare seat (الاسبوع -> الأُسْبوع) is written, since the learner must say
    it (``restore_hamza``). The author's own vowel marks win. When the two do not
    line up letter for letter, the word is returned as written.
    """
    theirs = units(vocalised)
    mine = units(written)
    if [u.letter.translate(_LETTER_CLASS) for u in mine] != [
        u.letter.translate(_LETTER_CLASS) for u in theirs
    ]:
        return written
    out: list[Unit] = []
    for own, other in zip(mine, theirs, strict=True):
        letter = own.letter
        other_marks = other.marks
        if not restore_hamza and other.hamza and not own.hamza:
            other_marks = ""  # the vowel was the hamza's: a bare seat takes none
        elif not own.hamza and other.hamza and other.letter != own.letter:
            letter = other.letter  # ي written for a ئ the reading has: keep the seat
        out.append(Unit(letter, merge_marks(own.marks, other_marks)))
    return join(out)


def merge_marks(own: str, other: str) -> str:
    """Another source's marks on a letter, but the author's own marks win.

    A hamza the author wrote is kept; one restored on a bare seat is added. An
    author who wrote only a shadda (يجسّر) gets the other source's vowel with it.
    """
    hamza = "".join(m for m in own if m in HAMZA_MARKS) or "".join(
        m for m in other if m in HAMZA_MARKS
    )
    marks = "".join(m for m in own if m in VOWEL_MARKS)
    if not marks:
        marks = "".join(m for m in other if m in VOWEL_MARKS)
    elif marks == SHADDA:
        marks += "".join(m for m in other if m in VOWEL_MARKS and m not in (SHADDA, SUKUN))
    return unicodedata.normalize("NFD", "a" + hamza + marks)[1:]
