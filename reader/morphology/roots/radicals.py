"""Roots without placeholders: the database's ``#`` radicals read off the lemma.

CALIMA-star writes every weak or hamzated radical as ``#`` (``أمس`` -> ``#.م.س``,
``جاء`` -> ``ج.#.#``); it writes no و, ي or hamza in a root at all. A ``#`` is
replaced by the letter the vocalised lemma shows where that is reliable: a
hamza not after a long alif, a consonantal و or ي (with a vowel or sukun of its
own, after a fatha, or ending the stem after a consonant). Long vowels, ى and a
hamza after alif are not evidence (قِيمة has ي for و, سَماء has ء for و). For a
form I verb the imperfect vowel of its lex (``قال-u`` -> و, ``باع-i`` -> ي) settles
a hollow or defective radical. What stays unknown reads "و/ي" (or "ء/و/ي").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.text.arabic import VOWEL_MARKS

_MARKS = VOWEL_MARKS
_HAMZAS = set("ءأإؤئآ")
_WEAK_OR_HAMZA = _HAMZAS | set("اويى")
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
WEAK = "و/ي"
UNKNOWN = "ء/و/ي"
_NOT_ROOTS = {"", "NTWS", "PUNC", "DIGIT", "FOREIGN", "O"}


@dataclass(frozen=True)
class Root:
    """Radicals as display strings, e.g. ``("ء", "م", "س")``; ``weak`` marks و/ي radicals."""

    radicals: tuple[str, ...]
    weak: tuple[int, ...] = ()

    @property
    def display(self) -> str:
        """Radicals joined by spaces: only Arabic letters, spaces and "/" (no bidi moves)."""
        return " ".join(self.radicals)

    @property
    def isolated(self) -> str:
        """:attr:`display` in a right-to-left isolate, for a line of English."""
        return f"\u2067{self.display}\u2069" if self.radicals else ""

    @property
    def weak_note(self) -> str:
        parts = []
        for index in self.weak:
            ordinal = _ORDINALS[index] if index < len(_ORDINALS) else f"radical {index + 1}"
            letter = self.radicals[index]
            if letter in (WEAK, UNKNOWN):
                choices = "و or ي" if letter == WEAK else "ء, و or ي"
                parts.append(f"the {ordinal} radical is {choices} (this word does not show which)")
            else:
                parts.append(f"the {ordinal} radical is the weak letter {letter}")
        if not parts:
            return ""
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def _units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for char in word:
        if char in _MARKS and units:
            units[-1] = (units[-1][0], units[-1][1] + char)
        elif char not in _MARKS:
            units.append((char, ""))
    return units


def _evidence(units: list[tuple[str, str]], at: int, final: bool, form_i: bool) -> str | None:
    letter, marks = units[at]
    before = units[at - 1] if at > 0 else None
    prev_vowel = before[1][-1:] if before else ""
    if form_i and final and at == len(units) - 1 and prev_vowel == "\u064e":
        # The perfect of a defective form I verb: رَمَى (ي), but دَعا (و).
        if letter == "ى":
            return "ي"
    if letter == "ا" and form_i and final and at == len(units) - 1 and at > 0:
        return "و"
    if letter in _HAMZAS:
        # A verb's final hamza is a hamza (جاء); a noun's after alif may be و or ي (سَماء).
        if before is not None and before[0] == "ا" and not (final and form_i):
            return None
        return "ء"
    if letter not in "وي":
        return None
    if "\u0651" in marks:
        return "و" if letter == "و" else None
    own = any(m in marks for m in "\u064e\u064f\u0650\u0652")
    follows_alif = at + 1 < len(units) and units[at + 1][0] == "ا"
    if letter == "و":
        if own or follows_alif or prev_vowel in ("\u064e", "\u0652") or before is None:
            return "و"
        return None
    # ي turns up for و in derived forms and passives: trust it less at the end.
    if final:
        # ي after a vowelless letter is ي (نَفْي, ظَبْي), unless a kasra comes
        # before that letter: صِبْيَة has ي for the و of ص ب و.
        kasra_before = at > 1 and units[at - 2][1][-1:] == "\u0650"
        if prev_vowel == "\u0652" and not kasra_before or (form_i and prev_vowel == "\u064e"):
            return "ي"
        return None
    if own and prev_vowel != "\u0650" or prev_vowel == "\u064e" or before is None:
        return "ي"
    return None


def _align(units: list[tuple[str, str]], radicals: list[str]) -> dict[int, list[int]]:
    """For each ``#`` radical, the lemma positions it may occupy (between known radicals)."""
    known: dict[int, int] = {}
    position = 0
    for index, radical in enumerate(radicals):
        if radical == "#":
            continue
        last = known.get(index - 1)
        if last is not None and radicals[index - 1] == radical and "\u0651" in units[last][1]:
            known[index] = last  # a doubled radical is one letter with shadda: أَنَّ ء ن ن
            continue
        for at in range(position, len(units)):
            if units[at][0] == radical or (radical == "ا" and units[at][0] in "اٱ"):
                known[index] = at
                position = at + 1
                break
        else:
            return {}
    regions: dict[int, list[int]] = {}
    for index, radical in enumerate(radicals):
        if radical != "#":
            continue
        left = max((known[j] for j in known if j < index), default=-1)
        right = min((known[j] for j in known if j > index), default=len(units))
        regions[index] = list(range(left + 1, right))
    return regions


@dataclass(frozen=True, slots=True)
class Stem:
    """Another stem of the same lemma, as the database writes it (``diac``), the
    evidence beyond the lemma: the imperfect يَجِيء shows the ي of جاء."""

    diac: str
    imperfective: bool = False  # asp:i, the present stem
    passive: bool = False


def _read_placeholders(
    units: list[tuple[str, str]],
    radicals: list[str],
    form: str | None,
    *,
    present: bool = False,
    strict: bool = False,
    perfect: bool = True,
) -> dict[int, str | None]:
    """For each ``#`` radical, the letter this word shows for it, or None.

    ``strict`` (another stem than the lemma): only where the radical's place is
    certain, one letter between its neighbours, or side-by-side placeholders on
    as many weak letters or hamzas: فَوائِد's و is the plural's, not فائِدَة's
    radical, and اِرْتَوَى's ت is the form's. A form I verb's final ى or ا tells
    ي from و only in its active perfect (``perfect``): رَمَى, دَعا, not يَرْضَى.
    """
    form_i = form == "I" and perfect
    regions = _align(units, radicals)
    letters: dict[int, str | None] = {}
    for index, radical in enumerate(radicals):
        if radical != "#":
            continue
        final = index == len(radicals) - 1
        region = regions.get(index, [])
        neighbours = [j for j in regions if regions[j] == region and j != index]
        letter = None
        if not neighbours:
            if strict and len(region) != 1:
                region = []
            found = [e for at in region if (e := _evidence(units, at, final, form_i))]
            letter = found[0] if found else None
            own = region
        elif len(region) == len(neighbours) + 1 and not (
            strict and any(units[at][0] not in _WEAK_OR_HAMZA for at in region)
        ):
            # Two placeholders side by side share a region: the first letter goes
            # to the first of them, the last to the last.
            own = [region[sorted([index, *neighbours]).index(index)]]
            letter = _evidence(units, own[0], final, form_i)
        else:
            own = []
        if letter is None and present and len(own) == 1:
            letter = _present_long_vowel(units, own[0], final)
        if letter is None and form in ("II", "V") and index == 1 and len(own) == 1:
            # A verb's doubled middle radical is itself: قَيَّل ي (قَوَّل و).
            if units[own[0]][0] == "ي" and "\u0651" in units[own[0]][1]:
                letter = "ي"
        letters[index] = letter
    return letters


def _present_long_vowel(units: list[tuple[str, str]], at: int, final: bool) -> str | None:
    """A form I present stem's long ū or ī is its weak radical: يَقُول و, يَبِيع ي,
    يَدْعُو و, يَمْشِي ي (a long ā, يَنام, says nothing)."""
    letter, marks = units[at]
    if marks or at == 0 or (final and at != len(units) - 1):
        return None
    prev_vowel = units[at - 1][1][-1:]
    if letter == "و" and prev_vowel == "\u064f":
        return "و"
    if letter == "ي" and prev_vowel == "\u0650":
        return "ي"
    return None


def _agreed(readings: Iterable[str | None]) -> str | None:
    """The one letter the stems agree on (those that show one), else None."""
    found = {letter for letter in readings if letter is not None}
    return found.pop() if len(found) == 1 else None


def resolve_root(
    root_field: str,
    lemma: str,
    *,
    verb_form: str | None = None,
    imperfect_vowel: str = "",
    stems: Iterable[Stem] = (),
) -> Root:
    """The root with its ``#`` placeholders read off the vocalised ``lemma`` where it shows them.

    ``imperfect_vowel`` is the imperfect stem vowel of a form I verb (``a``,
    ``i`` or ``u``, as the lex suffix ``-u`` gives it); read off ``lemma`` when it is
    a lex (``قال-u_1``). ``stems`` are the lemma's other stems in the database:
    a radical the lemma leaves open is the letter they show, when all of those
    that show one show the same (جاء with يَجِيء: ج ي ء; سَماء with سَمَوات: س م و).
    """
    if root_field in _NOT_ROOTS:
        return Root(())
    match = re.search(r"-([aiu]+)_\d+$", lemma)
    if match and not imperfect_vowel:
        imperfect_vowel = match.group(1)
    lemma = re.sub(r"(-[a-z]+)?_\d+$", "", lemma)
    letters = "".join(c for c in root_field if c not in _MARKS).replace("ٱ", "ا")
    radicals = letters.split(".") if "." in letters else list(letters)
    units = _units(lemma.replace("ٱ", "ا"))
    regions = _align(units, radicals)
    form_i = verb_form == "I"
    read = _read_placeholders(units, radicals, verb_form)
    stems = tuple(stems)
    shown: list[str] = []
    weak: list[int] = []
    for index, radical in enumerate(radicals):
        if radical != "#":
            shown.append(radical)
            continue
        final = index == len(radicals) - 1
        region = regions.get(index, [])
        neighbours = [j for j in regions if regions[j] == region and j != index]
        own = region
        if neighbours and len(region) == len(neighbours) + 1:
            own = [region[sorted([index, *neighbours]).index(index)]]
        letter = read[index]
        if letter is None and form_i and imperfect_vowel in ("u", "i") and index > 0:
            # A hamza in the radical's own place is a hamza, not a weak letter.
            if not any(units[at][0] in _HAMZAS for at in own):
                letter = "و" if imperfect_vowel == "u" else "ي"
        if letter is None and stems:
            letter = _agreed(
                _read_placeholders(
                    _units(stem.diac.replace("ٱ", "ا")),
                    radicals,
                    verb_form,
                    present=form_i and stem.imperfective and not stem.passive,
                    strict=True,
                    perfect=not (stem.imperfective or stem.passive),
                ).get(index)
                for stem in stems
            )
        if letter is None:
            hamza_after_alif = any(units[at][0] in _HAMZAS for at in own)
            letter = UNKNOWN if hamza_after_alif or not region and final else WEAK
        if letter != "ء":
            weak.append(index)
        shown.append(letter)
    return Root(tuple(shown), tuple(weak))


def lemma_root(root_field: str, lex: str, pos: str = "") -> Root:
    """A saved word's root read off its lemma alone: what a view shows without the
    database (``RootIndex.root_of`` also reads the lemma's other stems)."""
    form = None
    if pos == "verb":
        from reader.morphology.build import verb_form  # the analyzer's own reading of it

        form = verb_form(lex, root_field)
    return resolve_root(root_field, lex, verb_form=form)


# (root field, lex, part of speech) -> the root shown: lemma_root or RootIndex.root_of.
RootOf = Callable[[str, str, str], Root]
