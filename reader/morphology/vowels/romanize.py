"""Romanization a learner can read, from the vocalised form of a word in context.

Two schemes:

* ``"din"`` (DIN 31635, the default): ʾ ʿ ṯ ǧ ḥ ḫ ḏ š ṣ ḍ ṭ ẓ ġ q, long vowels
  ā ī ū, the article assimilated to a sun letter (ar-raʾīs) and its hamzat
  al-wasl elided after a vowel (wa-l-wazīr, fī l-bayt), tāʾ marbūṭa -a in
  pause and -at before an ending or in construct.
* ``"ala-lc"`` (ALA-LC, as library catalogues write it): digraphs th kh dh sh
  gh, ʻ for ʿayn and ʼ for hamza, á for alif maqṣūra, the article always
  ``al-`` and never assimilated (al-raʾīs, wa-al-wazīr, lil-raʾīs), tāʾ
  marbūṭa -h in pause and -t in construct.

The word is read from its marks (see :mod:`reader.morphology.vowels.marks` for the
conventions); a letter without a vowel mark gets none invented. Only what
the spelling fixes is supplied: the vowel of a one-letter proclitic, the
helping vowel of hamzat al-wasl at the start of a word, the -a of tāʾ
marbūṭa.

Hamza at the start of the word, and at the start of the word proper after
the article or a proclitic, is not written (amīr, al-amīr, wa-amīr); it is
written everywhere else (suʾāl, qurʾān).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.morphology.vowels.marks import (
    DAGGER_ALEF,
    DAMMA,
    DAMMATAN,
    FATHA,
    FATHATAN,
    KASRA,
    KASRATAN,
    MADDA,
    SHADDA,
    SUN_LETTERS,
    Unit,
    article_lam,
    pausal,
    split_ending,
    units,
    with_ending,
)

SCHEMES = ("din", "ala-lc")

# Letters every romanization writes as the same one Latin letter: the schemes
# here, and the plain guess at a foreign name's sound (names.guess.romanize_name).
PLAIN_LETTERS = {
    "ب": "b",
    "ت": "t",
    "د": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    # Letters of other alphabets met in names written in Arabic script.
    "پ": "p",
    "ڤ": "v",
    "گ": "g",
}
_COMMON = PLAIN_LETTERS | {
    "و": "w",
    "ي": "y",
    "ح": "ḥ",
    "ص": "ṣ",
    "ض": "ḍ",
    "ط": "ṭ",
    "ظ": "ẓ",
    "ڥ": "v",
    "ک": "k",
    "ی": "y",
    "ھ": "h",
}
_CONSONANTS = {
    "din": _COMMON
    | {"ث": "ṯ", "ج": "ǧ", "خ": "ḫ", "ذ": "ḏ", "ش": "š", "غ": "ġ", "ع": "ʿ", "چ": "č"},
    "ala-lc": _COMMON
    | {"ث": "th", "ج": "j", "خ": "kh", "ذ": "dh", "ش": "sh", "غ": "gh", "ع": "ʻ", "چ": "ch"},
}
_HAMZA = {"din": "ʾ", "ala-lc": "ʼ"}
_AYN = {"din": "ʿ", "ala-lc": "ʻ"}
# ALA-LC separates two letters that would read as a digraph with a prime (Adʹham).
_PRIME = "ʹ"
_DIGRAPH_FIRST = "tkdsgz"

_SHORT = {FATHA: "a", KASRA: "i", DAMMA: "u"}
_TANWIN = {FATHATAN: "an", KASRATAN: "in", DAMMATAN: "un"}
_LONG = {"a": "ā", "i": "ī", "u": "ū"}

# The default vowel of a one-letter proclitic, when the vocalisation left it out.
_PROCLITIC_VOWEL = {"و": "a", "ف": "a", "ب": "i", "ل": "i", "ك": "a", "س": "a"}
# Uninflected words whose final vowel belongs to the word, not to a case
# ending: kept when endings are not shown (huwa, maʿa, ṯumma, anna, lākinna).
_KEEPS_FINAL_VOWEL = frozenset(
    {"هو", "هي", "مع", "ثم", "ان", "لان", "لكن", "ليت", "لعل", "نحن", "انت", "حيث", "منذ"}
)
_HAMZA_SEATS = "ءأإؤئآ"
# Words whose long ā after the first letter is not written (no dagger alef in
# most texts): hāḏā, ḏālika, lākin, hāʾulāʾi. Keyed by the letters of the word
# proper, after its proclitics.
_HIDDEN_ALEF = frozenset(
    {
        "هذا",
        "هذه",
        "هذان",
        "هذين",
        "هؤلاء",
        "ذلك",
        "ذلكم",
        "ذلكما",
        "لكن",
        "لكنه",
        "لكنها",
        "لكنهم",
        "لكني",
        "لكننا",
        "لكنك",
        "لكنكم",
    }
)


@dataclass(slots=True)
class _Parts:
    proclitics: list[list[Unit]]
    article: str  # "" (none), "al" (ال written), "l" (لل: the alef dropped after لِ)
    stem: list[Unit]


def _base(word_units: Sequence[Unit]) -> str:
    return "".join(u.letter for u in word_units)


def _article_is_real(word_units: list[Unit], lam: int) -> bool:
    """Is the ال found by :func:`article_lam` the article (not اِلَى written bare)?"""
    lam_unit = word_units[lam]
    if SHADDA in lam_unit.marks:
        return False  # الَّذِي، الَّتِي: the relative pronoun, one word
    if any(m in lam_unit.marks for m in (FATHA, DAMMA)):
        return False
    alef = word_units[lam - 1]
    if alef.letter in "اٱ" and any(m in alef.marks for m in (KASRA, DAMMA)):
        return False
    return lam + 1 < len(word_units)


def _split(word_units: list[Unit], segments: Sequence[str] | None) -> _Parts:
    """The proclitics, the article and the word proper."""
    if segments is not None:
        found = _split_by_segments(word_units, segments)
        if found is not None:
            return found
    lam = article_lam(word_units)
    if lam is None:
        return _Parts([], "", word_units)
    if SHADDA in word_units[lam].marks and word_units[lam - 1].letter in "اٱ":
        # وَالَّتِي: a proclitic before the relative pronoun, which keeps its alef
        return _Parts([[u] for u in word_units[: lam - 1]], "", word_units[lam - 1 :])
    if not _article_is_real(word_units, lam):
        return _Parts([], "", word_units)
    if word_units[lam - 1].letter == "ل":  # لل: لِ + ال with its alef dropped
        before = word_units[: lam - 1]
        return _Parts([[u] for u in before] + [[word_units[lam - 1]]], "l", word_units[lam + 1 :])
    before = word_units[: lam - 1]
    return _Parts([[u] for u in before], "al", word_units[lam + 1 :])


def _split_by_segments(word_units: list[Unit], segments: Sequence[str]) -> _Parts | None:
    at = 0
    proclitics: list[list[Unit]] = []
    article = ""
    for segment in segments:
        letters = _base(units(segment))
        if not letters:
            continue
        if letters in ("ال", "ٱل"):
            if _base(word_units[at : at + 2]) in ("ال", "ٱل"):
                at += 2
                article = "al"
            elif (
                proclitics
                and _base(proclitics[-1]) == "ل"
                and _base(word_units[at : at + 1]) == "ل"
            ):
                at += 1
                article = "l"
            else:
                return None
            continue
        if article or _base(word_units[at : at + len(letters)]) != letters:
            return None
        proclitics.append(word_units[at : at + len(letters)])
        at += len(letters)
    if at >= len(word_units):
        return None
    if not proclitics and not article and article_lam(word_units) is not None:
        lam = article_lam(word_units)
        if lam is not None and SHADDA in word_units[lam].marks:
            return None  # الَّذِي and its proclitics: found from the letters
    return _Parts(proclitics, article, word_units[at:])


def _vowel_of(marks: str) -> str:
    """The vowel the marks write: a short vowel, a tanwin or a dagger alef."""
    if DAGGER_ALEF in marks:
        return "ā"
    for mark, vowel in _TANWIN.items():
        if mark in marks:
            return vowel
    for mark, vowel in _SHORT.items():
        if mark in marks:
            return vowel
    return ""


def _helping_vowel(stem: list[Unit]) -> str:
    """The vowel of hamzat al-wasl opening a word: a before ل, u before a damma, else i."""
    written = _vowel_of(stem[0].marks)
    if written:
        return written
    if len(stem) > 1 and stem[1].letter == "ل" and SHADDA in stem[1].marks:
        return "a"  # الَّذِي، اللَّذانِ (but iltazama)
    if len(stem) > 2 and DAMMA in stem[2].marks:
        return "u"  # اُكْتُبْ
    return "i"


def _render(stem: list[Unit], scheme: str, *, initial: bool, elide: bool, construct: bool) -> str:
    """The word proper, letter by letter, as [consonant, vowel] pieces."""
    consonants = _CONSONANTS[scheme]
    pieces: list[list[str]] = []
    count = len(stem)
    for index, unit in enumerate(stem):
        letter, marks = unit.letter, unit.marks
        prev = pieces[-1] if pieces else None
        prev_unit = stem[index - 1] if index else None
        last = index == count - 1
        vowel = _vowel_of(marks)
        hamza = bool(unit.hamza) or letter == "ء"
        if letter in "اٱ" and not hamza:
            if index == 0:
                pieces.append(["", "" if elide else _helping_vowel(stem)])
            elif prev_unit is not None and FATHATAN in prev_unit.marks:
                pass  # كِتابًا: the alif carries the tanwin
            elif prev is not None and prev[1] in ("i", "u", "ī", "ū"):
                pass  # ذَهَبُوا، مِائَة: a silent alif
            elif prev is not None:
                if prev[1] in ("a", ""):
                    prev[1] = "ā"
                elif prev[1] == "ā":
                    pass
                else:
                    pieces.append(["", "ā"])
            else:
                pieces.append(["", "ā"])
            continue
        if letter == "ى" and not hamza and not vowel:
            long_a = "á" if scheme == "ala-lc" else "ā"
            if prev_unit is not None and FATHATAN in prev_unit.marks:
                pass  # مُسْتَشْفًى: the tanwin is the ending
            elif prev is not None and prev[1] == "i":
                prev[1] = "ī"  # فِى written for فِي
            elif prev is not None and prev[1] in ("a", "", "ā"):
                prev[1] = long_a
            else:
                pieces.append(["", long_a])
            continue
        if letter == "ة":
            if vowel:
                pieces.append(["t", vowel])
            elif construct:
                pieces.append(["t", ""])
            else:
                after_long = prev is not None and prev[1] == "ā"
                if scheme == "ala-lc" or after_long:
                    pieces.append(["h", ""])  # madrasah; DIN ḥayāh
                elif prev is not None and prev[1] == "":
                    prev[1] = "a"  # the -a tāʾ marbūṭa always has
            continue
        if hamza:
            consonant = "" if index == 0 and initial else _HAMZA[scheme]
            if MADDA in marks and letter == "ا":
                vowel = "ā"  # آ: a hamza and a long a
            elif not vowel and "\u0655" in marks:
                vowel = "i"  # إ is always i
            pieces.append([consonant, vowel])
            continue
        if letter in "وي" and SHADDA not in marks and not vowel:
            # A bare و or ي after its own short vowel is that vowel, long (a
            # sukun some texts write on it changes nothing: لِأُوْبَامَا، مِيْل).
            if prev is not None and prev[1] == ("u" if letter == "و" else "i"):
                prev[1] = _LONG[prev[1]]
                continue
        if letter in "وي" and SHADDA in marks and not vowel and last:
            if prev is not None and letter == "ي" and prev[1] == "i":
                prev[1] = "ī"  # عَرَبِيّ in pause: -ī
                continue
            if prev is not None and letter == "و" and prev[1] == "u" and scheme == "ala-lc":
                prev[1] = "ū"
                pieces.append(["w", ""])  # ALA-LC: final -ūw
                continue
        consonant = consonants.get(letter)
        if consonant is None:
            continue  # a letter outside the alphabets: nothing to write
        if SHADDA in marks:
            consonant = consonant * 2 if len(consonant) == 1 else consonant + consonant
        pieces.append([consonant, vowel])
    out = ""
    for consonant, vowel in pieces:
        if scheme == "ala-lc" and consonant.startswith("h") and out and out[-1] in _DIGRAPH_FIRST:
            out += _PRIME
        out += consonant + vowel
    return out


def _capitalised(text: str) -> str:
    for index, char in enumerate(text):
        if char.isalpha() and char not in "ʾʿʻʼʹ":
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def _allah(parts: _Parts, scheme: str, ending_vowel: str, after_vowel: bool) -> str | None:
    """اللّٰه: Allāh, wa-llāh, li-llāh (ALA-LC: wa-Allāh, lillāh)."""
    letters = _base(parts.stem)
    if not (parts.article == "al" and letters == "له") and not (
        parts.article == "l" and letters == "ه"
    ):
        return None
    clitics = [_proclitic(p) for p in parts.proclitics]
    if scheme == "ala-lc":
        if parts.article == "l":
            return "-".join(clitics[:-1] + ["lillāh" + ending_vowel])
        return "-".join(clitics + ["Allāh" + ending_vowel])
    name = ("llāh" if clitics or after_vowel else "Allāh") + ending_vowel
    return "-".join(clitics + [name])


def _proclitic(word_units: list[Unit]) -> str:
    letters = _base(word_units)
    text = ""
    for unit in word_units:
        text += _CONSONANTS["din"].get(unit.letter, "") + _vowel_of(unit.marks)
    if len(letters) == 1 and not _vowel_of(word_units[0].marks):
        text += _PROCLITIC_VOWEL.get(letters, "")
    return text


def romanize(
    vocalized: str,
    *,
    scheme: str = "din",
    ending: bool = True,
    after_vowel: bool = False,
    segments: Sequence[str] | None = None,
    proper: bool = False,
    construct: bool | None = None,
) -> str:
    """One vocalised word in Latin letters, as it is said.

    ``vocalized`` is the word as shown in context (e.g. وَالْوَزِيرُ). ``scheme``
    is ``"din"`` (DIN 31635) or ``"ala-lc"``. With ``ending`` the final case or
    mood vowel and the tanwin are written (al-kitābu, madrasatun); without, the
    word is read in pause (al-kitāb, madrasa). ``after_vowel`` says the word
    follows a word ending in a vowel, so its hamzat al-wasl is elided (fī
    l-bayt); :func:`~reader.morphology.vowels.romanize_text.romanize_phrase`
    sets it for you. ``segments`` are the reading's proclitic forms (["وَ",
    "ال"]) and place the hyphens; without them the article and the one-letter
    proclitics before it are recognised from the letters. ``proper`` capitalises the
    name (al-Qāhira).
    ``construct`` says whether a word ending in tāʾ marbūṭa is the first term
    of a construct (madrasat al-banāt); by default it is when the tāʾ has a
    short vowel, no tanwin and no article.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown romanization scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    word_units = units(vocalized)
    if not word_units:
        return ""
    # Tanwin fath written on the alif goes on the letter before it.
    full = with_ending(vocalized, split_ending(vocalized)[1])
    word_units = units(full)
    parts = _split(word_units, segments)
    if not parts.stem:
        return ""
    ending_marks = split_ending(full)[1]
    if construct is None:
        construct = (
            parts.stem[-1].letter == "ة"
            and not parts.article
            and any(m in ending_marks for m in (FATHA, KASRA, DAMMA))
        )
    stem_letters = _base(parts.stem).translate(str.maketrans(_HAMZA_SEATS, "اااويا"))
    if not ending and stem_letters not in _KEEPS_FINAL_VOWEL:
        full = pausal(full)
        parts = _split(units(full), segments)
        if not parts.stem:
            return ""
    special = _allah(parts, scheme, _vowel_of(ending_marks) if ending else "", after_vowel)
    if special is not None:
        return special
    clitics = [_proclitic(p) for p in parts.proclitics]
    stem = list(parts.stem)
    if not parts.article and _base(stem) in _HIDDEN_ALEF and FATHA in stem[0].marks:
        stem[0] = Unit(stem[0].letter, stem[0].marks.replace(FATHA, DAGGER_ALEF))
    article = ""
    if parts.article:
        first = stem[0]
        elided = bool(clitics) or after_vowel
        if scheme == "ala-lc":
            article = "al"
            if parts.article == "l":
                clitics[-1] = "lil"  # لِ + ال: lil-
                article = ""
        else:
            article = "l" if elided else "al"
            if first.letter in SUN_LETTERS and not first.hamza:
                article = article[:-1] + _CONSONANTS["din"][first.letter]
                stem[0] = Unit(first.letter, first.marks.replace(SHADDA, ""))
        if scheme == "ala-lc" and SHADDA in stem[0].marks and stem[0].letter in SUN_LETTERS:
            stem[0] = Unit(stem[0].letter, stem[0].marks.replace(SHADDA, ""))
    starts_wasl = stem[0].letter in "اٱ" and not stem[0].hamza
    if (
        starts_wasl
        and not article
        and len(stem) > 2
        and stem[1].letter == "ل"
        and not stem[1].marks
        and SHADDA in stem[2].marks
    ):
        # التَّزَمَ: the shadda the article would take, on a word that has none
        # (iltazama): a vowelless lam before a doubled letter is never said.
        stem[2] = Unit(stem[2].letter, stem[2].marks.replace(SHADDA, ""))
    elide = starts_wasl and not article and (bool(clitics) or after_vowel) and scheme == "din"
    if starts_wasl and not article and scheme == "ala-lc" and clitics:
        elide = False  # ALA-LC: wa-istiqbāl, not wa-stiqbāl
    body = _render(stem, scheme, initial=True, elide=elide, construct=bool(construct))
    if proper:
        body = _capitalised(body)
    pieces = clitics + ([article] if article else []) + [body]
    text = "-".join(piece for piece in pieces if piece)
    return unicodedata.normalize("NFC", text)
