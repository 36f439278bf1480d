"""A verb's conjugation table, from mazini, matched to the reading in the text.

mazini (CC BY 4.0, a port of Wiktionary's Module:ar-verb) conjugates a verb
from its root and its pattern (وزن). The analysis gives the root (its ``#``
placeholders resolved by :mod:`reader.morphology.roots.radicals`), the form (I–X) and
the lemma; for form I the pattern also needs the stem vowels of the past and
the present (كَتَبَ يَكْتُبُ, a–u), which the lemma alone does not settle. They
are chosen on evidence, never guessed:

* every form I pattern (and, for an unknown weak radical, و and ي) is tried;
  only those whose past 3ms is the database's lemma stay;
* with a :class:`~reader.morphology.analyzer.Morphology`, each remaining
  pattern's present 3ms (يكتب) and past 1s (كتبت) are analysed: a pattern
  stays only if the database knows that form, vocalised the same way, for the
  same lemma. The word in the text, when it is a present form, counts too.

The tag is the dictionary's own word: CALIMA-star marks a form I lex with its
present vowel(s) (``قال-u_1``), read by :func:`lex_vowels`; where it gives two
(سَبَقَ يَسْبِقُ / يَسْبُقُ) both forms stand in each cell. mazini's passive is a
rule-based default; where the database knows a personal passive of the lemma
(اُنْتُخِبَتْ) the full passive is given, else a note says it is by rule.

When no evidence settles the present vowel, the table shows only what all the
remaining patterns agree on (the past, when they agree on it) and
:attr:`Conjugation.vowel_note` says so. When nothing can be shown,
:func:`conjugate` returns None and :func:`why_not` gives the reason in words.
Tables are cached per lemma (``_table``, an lru_cache); the highlight, per word,
is cheap.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.morphology.records import FEATURE_NAMES, FEATURE_VALUES, Analysis
from reader.morphology.roots.radicals import UNKNOWN, WEAK, resolve_root
from reader.morphology.vowels.marks import (
    comparable,
    compatible,
    split_ending,
    stem_comparable,
    units,
)
from reader.text.arabic import strip_marks as dediacritize

if TYPE_CHECKING:
    from reader.morphology.analyzer import Morphology

# The grid's rows, in the order of Arabic grammars (1st, 2nd, 3rd person).
PERSONS: tuple[str, ...] = (
    "1s", "2ms", "2fs", "3ms", "3fs", "2d", "3md", "3fd", "1p", "2mp", "2fp", "3mp", "3fp",
)  # fmt: skip
IMPERATIVE_PERSONS: tuple[str, ...] = ("2ms", "2fs", "2d", "2mp", "2fp")
PRONOUNS: dict[str, tuple[str, str]] = {
    "1s": ("أَنَا", "I"),
    "2ms": ("أَنْتَ", "you (m.)"),
    "2fs": ("أَنْتِ", "you (f.)"),
    "3ms": ("هُوَ", "he"),
    "3fs": ("هِيَ", "she"),
    "2d": ("أَنْتُمَا", "you two"),
    "3md": ("هُمَا", "they two (m.)"),
    "3fd": ("هُمَا", "they two (f.)"),
    "1p": ("نَحْنُ", "we"),
    "2mp": ("أَنْتُمْ", "you (m. pl.)"),
    "2fp": ("أَنْتُنَّ", "you (f. pl.)"),
    "3mp": ("هُمْ", "they (m.)"),
    "3fp": ("هُنَّ", "they (f.)"),
}
# (mazini's slot prefix, English title, voice), in table order.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("past", "Past", "active"),
    ("ind", "Present", "active"),
    ("sub", "Subjunctive", "active"),
    ("juss", "Jussive", "active"),
    ("imp", "Imperative", "active"),
    ("past_pass", "Past", "passive"),
    ("ind_pass", "Present", "passive"),
    ("sub_pass", "Subjunctive", "passive"),
    ("juss_pass", "Jussive", "passive"),
)
_VOWEL_NAMES = {"a": "a (fatha)", "i": "i (kasra)", "u": "u (damma)"}
_DERIVED = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_FORM_I = ("I/a~u", "I/a~i", "I/a~a", "I/i~a", "I/u~u", "I/i~i")
_QUADRILITERAL = ("Iq", "IIq", "IIIq", "IVq")
# The forms analysed for evidence of the stem vowels (and of a weak radical).
_EVIDENCE_SLOTS = ("ind_3ms", "past_1s")
_PLACEHOLDER = "?"


@dataclass(frozen=True, slots=True)
class Cell:
    """One person's form(s) in one section: ``3fs`` -> ``("زَارَتْ",)``."""

    person: str
    forms: tuple[str, ...]
    highlighted: bool = False

    @property
    def pronoun(self) -> str:
        return PRONOUNS[self.person][0]

    @property
    def english(self) -> str:
        return PRONOUNS[self.person][1]


@dataclass(frozen=True, slots=True)
class Section:
    """One block of the table: the past active, the jussive passive, ..."""

    key: str  # mazini's slot prefix: "past", "ind_pass", "imp", ...
    title: str  # "Past", "Present", "Subjunctive", "Jussive", "Imperative"
    voice: str  # "active" or "passive"
    cells: tuple[Cell, ...]

    def cell(self, person: str) -> Cell | None:
        return next((cell for cell in self.cells if cell.person == person), None)

    @property
    def highlighted(self) -> bool:
        return any(cell.highlighted for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Conjugation:
    """Every form of one verb, fully vocalised, with the word in the text marked."""

    lemma: str  # the past 3ms, as mazini vocalises it: قَالَ
    verb_form: str  # "I" ... "X", "Iq" ...
    wazn: str  # mazini's pattern name: "فعَل يفعُل", "استفعل"
    radicals: tuple[str, ...]
    verb_type: str  # mazini's Arabic description: «فعل ثلاثي مُجرَّد معتل أجوف واوي»
    past_vowel: str | None  # form I: "a", "i" or "u"; None otherwise or unknown
    present_vowel: str | None  # form I: None when no evidence settles it
    vowel_note: str  # how the stem vowels were found, or why they are unknown
    sections: tuple[Section, ...]
    active_participles: tuple[str, ...]
    passive_participles: tuple[str, ...]
    verbal_nouns: tuple[str, ...]
    notes: tuple[str, ...] = ()  # the verbal noun or passive caveats, in words
    matched: tuple[str, ...] = ()  # the highlighted slots: ("past_3fs",)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    @property
    def form_label(self) -> str:
        """``Form I · فعَل يفعُل``; just ``Form I`` when the pattern is not settled."""
        return f"Form {self.verb_form} · {self.wazn}" if self.wazn else f"Form {self.verb_form}"


def conjugate(analysis: Analysis, morphology: Morphology | None = None) -> Conjugation | None:
    """The conjugation of the verb ``analysis`` reads, or None (see :func:`why_not`).

    ``morphology`` is the analyzer used for evidence of a form I verb's present
    vowel; without it that vowel is known only when the word itself is a
    present form. Tables are cached per lemma; the highlight is per word.
    """
    result = _lookup(analysis, morphology)
    return result if isinstance(result, Conjugation) else None


def why_not(analysis: Analysis, morphology: Morphology | None = None) -> str:
    """Why :func:`conjugate` gives no table for ``analysis``, in words; "" when it gives one."""
    result = _lookup(analysis, morphology)
    return "" if isinstance(result, Conjugation) else result


def _lookup(analysis: Analysis, morphology: Morphology | None) -> Conjugation | str:
    if analysis.pos != "verb":
        label = analysis.pos_label or "word"
        article = "an" if label[:1] in "aeiou" else "a"
        return f"No conjugation: this reading is {article} {label}, not a verb."
    if analysis.is_guess or not analysis.root:
        return "No conjugation: the dictionary gives no root for this verb."
    # Without the analyzer, the word itself (a present form) is the only evidence.
    own = morphology is None and _features(analysis).get("asp") == "i"
    table = _table(
        analysis.lex, analysis.root, analysis.verb_form, _stem(analysis) if own else "", morphology
    )
    if isinstance(table, str):
        return table
    return _highlight(table, analysis)


# ---------------------------------------------------------------- the table


@lru_cache(maxsize=512)
def _table(
    lex: str,
    root_field: str,
    verb_form: str | None,
    present: str,
    morphology: Morphology | None,
) -> Conjugation | str:
    """The table for one lemma, or the reason there is none.

    ``present`` is the word in the text when it is a present form and no
    analyzer is given: evidence of the present vowel.
    """
    if verb_form is not None and verb_form != "I" and verb_form not in _DERIVED:
        return f"No conjugation: form {verb_form} is not one mazini conjugates."
    tagged = lex_vowels(morphology).get((lex, root_field), "") if morphology else ""
    # One tagged vowel settles a hollow or defective radical (قال-u: و).
    root = resolve_root(
        root_field,
        lex,
        verb_form=verb_form,
        imperfect_vowel=tagged if len(tagged) == 1 and verb_form == "I" else "",
    )
    if not root.radicals or len(root.radicals) not in (3, 4):
        return "No conjugation: the verb's root is not known."
    if len(root.radicals) == 4:
        tries = [_QUADRILITERAL]
    else:
        # The analysis' form first; the others only when its lemma is not that form's
        # (the lemma's shape can mislead: أَقَرّ is form IV, ٱِلْتَفّ form VIII).
        every = (*_FORM_I, *_DERIVED)
        given = _FORM_I if verb_form == "I" else (verb_form,) if verb_form else ()
        tries = [given, tuple(p for p in every if p not in given)]
    # Then every letter for each placeholder: the lemma may mislead (أَوْقَف: و, not ء).
    placeholders = [at for at, radical in enumerate(root_field.split(".")) if radical == "#"]
    loose = tuple(
        UNKNOWN if at in placeholders else radical for at, radical in enumerate(root.radicals)
    )
    candidates: list = []
    errors: list[str] = []
    for radicals, patterns in itertools.product(dict.fromkeys((root.radicals, loose)), tries):
        if tagged:  # the dictionary's present vowel(s): the other form I patterns are not tried
            patterns = tuple(p for p in patterns if not p.startswith("I/") or p[-1] in tagged)
        candidates, errors = _candidates(radicals, patterns, lex)
        if candidates:
            break
    if not candidates:
        detail = f" ({errors[0]})" if errors else ""
        return f"No conjugation: mazini's forms for this root do not give the lemma {lex}{detail}."
    if candidates[0].verb_form != "I":
        tagged = ""

    evidence = ["entry"] if tagged and any(p[-1] in tagged for p in _FORM_I) else []
    if len(candidates) > 1 and (morphology is not None or present):
        scored = [
            (_evidence(result, lex, root_field, present, morphology), result)
            for result in candidates
        ]
        best = max(score for score, _ in scored)
        if best > 0:
            candidates = [result for score, result in scored if score == best]
            evidence.append("forms" if morphology else "text")
    # Radicals that give the very same table (اتّخذ from ء or و) are shown as choices.
    shown = tuple(
        "/".join(dict.fromkeys(result.radicals[at] for result in candidates))
        for at in range(len(root.radicals))
    )
    # mazini guesses whether a verb has a personal passive; the dictionary knows.
    passive_known = False
    if morphology is not None:
        personal = [_personal_passive(result) for result in candidates]
        if all(personal) and _dictionary_passive(personal[0], lex, morphology):
            candidates, passive_known = personal, True
    distinct = {_table_forms(result): result for result in reversed(candidates)}
    candidates = [result for result in candidates if distinct.get(_table_forms(result)) is result]
    # The dictionary gives some verbs two present vowels (سَبَقَ يَسْبِقُ / يَسْبُقُ): both shown.
    nonpasts = {result.vowels.nonpast for result in candidates if result.vowels}
    variants = len(tagged) > 1 and len(nonpasts) > 1 and nonpasts <= set(tagged)
    table = _build(
        candidates, _EVIDENCE_WORDS.get(tuple(evidence), ""), shown, variants, passive_known
    )
    if table.section("past") is None:
        return "No conjugation: the dictionary does not settle this verb's stem vowels."
    return table


_EVIDENCE_WORDS = {
    ("entry",): "its dictionary entry",
    ("forms",): "its forms in the dictionary",
    ("entry", "forms"): "the dictionary (its entry and its forms)",
    ("text",): "the word in the text",
}


_LEX_VOWEL = re.compile(r"\tdiac:\S+ lex:(\S+?)-([aiu]+)_\d+ .*? pos:verb .*? root:(\S+)")


def lex_vowels(morphology: Morphology) -> dict[tuple[str, str], str]:
    """``(lex, root) -> present vowels`` of the form I verbs in the analyzer's database.

    CALIMA-star tags a form I verb's lex with its imperfect stem vowel(s)
    (``قال-u_1``, ``مَشَى-i_1``; ``ui`` where both are used). The analyzer's
    records have the tag stripped, so it is read from the loaded stem lines
    (after the errata, which correct some lexes), once per database.
    """
    return _lex_vowels(_stem_lines(morphology))


def _stem_lines(morphology: Morphology) -> dict[str, list[str]] | None:
    # The loader's LazyStemTable keeps every stem line as read (errata applied).
    database = getattr(getattr(morphology, "_analyzer", None), "_db", None)
    raw = getattr(getattr(database, "stem_hash", None), "_raw", None)
    return raw if isinstance(raw, dict) else None


_TAGS: dict[int, tuple[object, dict[tuple[str, str], str]]] = {}


def _lex_vowels(lines: dict[str, list[str]] | None) -> dict[tuple[str, str], str]:
    if lines is None:
        return {}
    cached = _TAGS.get(id(lines))
    if cached is not None and cached[0] is lines:
        return cached[1]
    found: dict[tuple[str, str], str] = {}
    for group in lines.values():
        for line in group:
            match = _LEX_VOWEL.search(line) if "pos:verb" in line else None
            if match:
                lex, vowels, root = match.groups()
                found[(lex, root)] = "".join(sorted(set(found.get((lex, root), "") + vowels)))
    _TAGS.clear()  # one database at a time
    _TAGS[id(lines)] = (lines, found)
    return found


def _candidates(
    radicals: tuple[str, ...], patterns: tuple[str, ...], lex: str
) -> tuple[list, list[str]]:
    """mazini's conjugations of ``radicals`` on ``patterns`` whose past 3ms is ``lex``."""
    import mazini

    found: list = []
    errors: list[str] = []
    for choice in _radical_choices(radicals):
        # The assimilated affix (اِتَّخَذَ) exists in form VIII only.
        for pattern, reduced in itertools.product(patterns, (False, True)):
            if reduced and pattern != "VIII":
                continue
            try:
                result = mazini.conjugate(" ".join(choice), pattern, reduced=reduced)
            except mazini.MaziniError as error:
                errors.append(str(error))
                continue
            except (AssertionError, LookupError, TypeError, ValueError) as error:
                errors.append(f"{type(error).__name__}: {error}")
                continue
            if any(_is_lemma(form, lex) for form in _forms(result, "past_3ms")):
                found.append(result)
    return found, errors


def _personal_passive(result: object) -> object | None:
    """``result`` again with a full personal passive (None if mazini refuses)."""
    import mazini

    if getattr(result, "passive", "") == "pass":
        return result
    try:
        return mazini.conjugate(
            " ".join(result.radicals),
            result.form_code,
            passive=True,
            reduced=result.reduced,
        )
    except (mazini.MaziniError, AssertionError, LookupError, TypeError, ValueError):
        return None


def _dictionary_passive(result: object, lex: str, morphology: Morphology) -> bool:
    """Does the database know a personal passive of ``lex`` (she was ..., she is ...)?"""
    for slot in ("past_pass_3fs", "ind_pass_3fs"):
        for form in _forms(result, slot):
            readings = morphology.analyze_word(dediacritize(form), ranked=False)
            if any(
                r.lex == lex and r.features.get("voice") == "passive" and _same(form, r.diac)
                for r in readings
            ):
                return True
    return False


def _radical_choices(radicals: tuple[str, ...]) -> list[tuple[str, ...]]:
    # A hamza too: the lemma may hide it (اِتَّخَذَ from ء خ ذ); the lemma check sorts them out.
    options = [
        ("ء", "و", "ي") if radical in (WEAK, UNKNOWN) else (radical,) for radical in radicals
    ]
    return list(itertools.product(*options))


def _forms(result: object, slot: str) -> tuple[str, ...]:
    forms = getattr(result, "slots", {}).get(slot, [])
    return tuple(form.form for form in forms if form.form != _PLACEHOLDER)


def _same(generated: str, database: str) -> bool:
    """Could a generated form and a database (or text) form be the same word?"""
    mine = stem_comparable(generated, keep_sukun=True)
    theirs = stem_comparable(database, keep_sukun=True)
    return compatible(mine, theirs) and _hamzas(mine) == _hamzas(theirs)


def _is_lemma(generated: str, lex: str) -> bool:
    """Is mazini's past 3ms the database's lemma? Letters exact, marks compatible."""
    mine = split_ending(generated)[0].replace("ٱ", "ا")
    theirs = split_ending(lex)[0].replace("ٱ", "ا")
    return compatible(mine, theirs) and _hamzas(mine) == _hamzas(theirs)


def _hamzas(word: str) -> list[str]:
    """Each letter's hamza marks: أَفاد and أَفْأَدَ have the same letters once NFD."""
    return [unit.hamza for unit in units(word)]


def _any_compatible(forms: tuple[str, ...], other: str) -> bool:
    return any(_same(form, other) for form in forms)


def _evidence(
    result: object, lex: str, root_field: str, present: str, morphology: Morphology | None
) -> int:
    """How many of the evidence forms the database (or the text) confirms.

    The present 3ms and past 1s count when the database has them, so
    vocalised, for ``lex``; the active participle (قائِل) when the database has
    that word, and so the passive participle (مَجِيء, not مَجُوء), as a noun or
    adjective from the same root.
    """
    score = 0
    if present and _any_compatible(_present_forms(result), present):
        score += 2
    if morphology is None:
        return score
    for slot in (*_EVIDENCE_SLOTS, "ap", "pp"):
        for form in _forms(result, slot):
            readings = morphology.analyze_word(dediacritize(form), ranked=False)
            if any(_confirms(reading, form, slot, lex, root_field) for reading in readings):
                score += 1
                break
    return score


def _confirms(reading: Analysis, form: str, slot: str, lex: str, root_field: str) -> bool:
    if slot in ("ap", "pp"):
        own = reading.pos in ("noun", "adj") and reading.root == root_field
    else:
        own = reading.pos == "verb" and reading.lex == lex
    return own and _same(form, reading.diac)


def _present_forms(result: object) -> tuple[str, ...]:
    return tuple(
        form
        for prefix in ("ind", "sub", "juss", "ind_pass", "sub_pass", "juss_pass")
        for person in PERSONS
        for form in _forms(result, f"{prefix}_{person}")
    )


def _build(
    candidates: list,
    evidence: str,
    radicals: tuple[str, ...],
    variants: bool = False,
    passive_known: bool = False,
) -> Conjugation:
    """The table the candidates agree on; with ``variants``, all their forms side by side."""
    first = candidates[0]
    pick = _merged if variants else _agreed
    agreed = [
        (key, title, voice)
        for key, title, voice in SECTIONS
        if (variants or len({_section_forms(result, key) for result in candidates}) == 1)
        and any(any(_section_forms(result, key)) for result in candidates)
    ]
    # A hollow verb's past vowel does not show (قالَ, نامَ): only the present's is told.
    pasts = {r.vowels.past for r in candidates if r.vowels and r.weakness != "hollow"}
    presents = {result.vowels.nonpast for result in candidates if result.vowels}
    past_vowel = next(iter(pasts)) if len(pasts) == 1 else None
    present_vowel = next(iter(presents)) if len(presents) == 1 else None
    notes: list[str] = []
    if first.verb_form != "I":
        vowel_note = ""
    elif present_vowel:
        how = f", from {evidence}" if evidence else ""
        past = f"past {_VOWEL_NAMES[past_vowel]}, " if past_vowel else ""
        vowel_note = f"Stem vowels: {past}present {_VOWEL_NAMES[present_vowel]}{how}."
    elif variants:
        names = " or ".join(_VOWEL_NAMES[vowel] for vowel in sorted(presents))
        vowel_note = f"The dictionary gives this verb two present vowels, {names}: both are shown."
    else:
        vowel_note = (
            "The present-tense vowel of this verb is not known from the dictionary, "
            "so only the forms that do not depend on it are shown."
        )
    participles = [
        pick(candidates, "ap"),
        pick(candidates, "pp"),
        pick(candidates, "vn") + pick(candidates, "vn2"),
    ]
    if not participles[2]:
        notes.append(
            "Verbal noun: form I verbal nouns vary from verb to verb; see a dictionary."
            if first.verb_form == "I"
            else "Verbal noun: not given."
        )
    if not participles[0]:
        notes.append("Active participle: not known for certain for this verb.")  # see _agreed
    if first.passive == "ipass":
        notes.append(
            "Passive: only the impersonal he-form is given, by rule; "
            "the dictionary does not say whether this verb has a full passive."
        )
    elif not passive_known and any(voice == "passive" for _, _, voice in agreed):
        notes.append("Passive: formed by rule; not every verb is used in the passive.")
    sections = tuple(
        Section(
            key,
            title,
            voice,
            tuple(
                Cell(person, pick(candidates, f"{key}_{person}"))
                for person in (IMPERATIVE_PERSONS if key == "imp" else PERSONS)
                if pick(candidates, f"{key}_{person}")
            ),
        )
        for key, title, voice in agreed
    )
    lemma = _forms(first, "past_3ms")
    return Conjugation(
        lemma=lemma[0],
        verb_form=first.verb_form,
        wazn=(first.wazn or "") if len(candidates) == 1 else "",
        radicals=radicals,
        verb_type=first.verb_type if tuple(first.radicals) == radicals else "",
        past_vowel=past_vowel,
        present_vowel=present_vowel,
        vowel_note=vowel_note,
        sections=sections,
        active_participles=participles[0],
        passive_participles=participles[1],
        verbal_nouns=participles[2],
        notes=tuple(notes),
    )


def _table_forms(result: object) -> tuple[tuple[str, ...], ...]:
    return tuple(_forms(result, slot) for slot in getattr(result, "slot_list", ()))


def _section_forms(result: object, key: str) -> tuple[tuple[str, ...], ...]:
    persons = IMPERATIVE_PERSONS if key == "imp" else PERSONS
    return tuple(_forms(result, f"{key}_{person}") for person in persons)


def _merged(candidates: list, slot: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for result in candidates for form in _forms(result, slot)))


def _agreed(candidates: list, slot: str) -> tuple[str, ...]:
    values = {_forms(result, slot) for result in candidates}
    return next(iter(values)) if len(values) == 1 else ()


# ---------------------------------------------------------------- the highlight


def _features(analysis: Analysis) -> dict[str, str]:
    """The analysis' features back as camel-tools codes: {"asp": "p", "per": "3", ...}."""
    codes: dict[str, str] = {}
    for name, values in FEATURE_VALUES.items():
        shown = analysis.features.get(FEATURE_NAMES[name])
        for code, english in values.items():
            if english == shown:
                codes[name] = code
    return codes


def _stem(analysis: Analysis) -> str:
    """The verb without its clitics (وَ + قالَت -> قالَت)."""
    stems = [segment.form for segment in analysis.segments if segment.role == "stem"]
    return stems[0] if len(stems) == 1 else analysis.diac


def _slots_for(codes: dict[str, str]) -> list[str]:
    """The table slots the features allow (several when the mood is not marked)."""
    aspect = codes.get("asp")
    passive = codes.get("vox") == "p"
    if aspect == "p":
        prefixes = ["past_pass" if passive else "past"]
    elif aspect == "i":
        moods = {"i": "ind", "s": "sub", "j": "juss"}
        chosen = [moods[codes["mod"]]] if codes.get("mod") in moods else list(moods.values())
        prefixes = [f"{mood}_pass" if passive else mood for mood in chosen]
    elif aspect == "c":
        prefixes = ["imp"]
    else:
        return []
    person, number, gender = codes.get("per", ""), codes.get("num", ""), codes.get("gen", "")
    if not person or not number:
        return []
    if person == "1":
        persons = [person + number]
    elif number == "d" and person == "2":
        persons = ["2d"]
    elif gender:
        persons = [person + gender + number]
    else:
        persons = [person + g + number for g in "mf"]
    return [f"{prefix}_{p}" for prefix in prefixes for p in persons]


def _same_word(generated: str, word: str) -> bool:
    """Like :func:`_same` but the ending counts: يَكْتُبُ is not يَكْتُبْ (the mood)."""
    mine, theirs = comparable(generated, keep_sukun=True), comparable(word, keep_sukun=True)
    return compatible(mine, theirs) and _hamzas(mine) == _hamzas(theirs)


def _letters(word: str) -> str:
    return "".join(unit.letter for unit in units(split_ending(dediacritize(word))[0]))


def _highlight(table: Conjugation, analysis: Analysis) -> Conjugation:
    word = _stem(analysis)
    allowed = _slots_for(_features(analysis))
    by_slot = {
        f"{section.key}_{cell.person}": cell.forms
        for section in table.sections
        for cell in section.cells
    }
    present = [slot for slot in allowed if slot in by_slot]
    matched = [slot for slot in present if any(_same_word(form, word) for form in by_slot[slot])]
    if not matched:
        # The same letters, vowels written otherwise (a vowel the text leaves out).
        matched = [
            slot
            for slot in present
            if any(_letters(form) == _letters(word) for form in by_slot[slot])
        ]
    if not matched:
        return table
    sections = tuple(
        dataclasses.replace(
            section,
            cells=tuple(
                dataclasses.replace(cell, highlighted=f"{section.key}_{cell.person}" in matched)
                for cell in section.cells
            ),
        )
        for section in table.sections
    )
    return dataclasses.replace(table, sections=sections, matched=tuple(matched))
