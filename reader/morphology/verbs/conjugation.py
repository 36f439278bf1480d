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

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.morphology.records import Analysis
from reader.morphology.roots.radicals import UNKNOWN, WEAK, resolve_root
from reader.morphology.verbs.highlight import feature_codes, highlight, verb_stem
from reader.morphology.verbs.matching import is_lemma, same_form
from reader.morphology.verbs.table import (
    IMPERATIVE_PERSONS,
    PERSONS,
    SECTIONS,
    Cell,
    Conjugation,
    Section,
)
from reader.text.arabic import strip_marks as dediacritize

if TYPE_CHECKING:
    from reader.morphology.analyzer import Morphology

_VOWEL_NAMES = {"a": "a (fatha)", "i": "i (kasra)", "u": "u (damma)"}
_DERIVED = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_FORM_I = ("I/a~u", "I/a~i", "I/a~a", "I/i~a", "I/u~u", "I/i~i")
_QUADRILITERAL = ("Iq", "IIq", "IIIq", "IVq")
# The forms analysed for evidence of the stem vowels (and of a weak radical).
_EVIDENCE_SLOTS = ("ind_3ms", "past_1s")
_PLACEHOLDER = "?"


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
    own = morphology is None and feature_codes(analysis).get("asp") == "i"
    table = _table(
        analysis.lex,
        analysis.root,
        analysis.verb_form,
        verb_stem(analysis) if own else "",
        morphology,
    )
    if isinstance(table, str):
        return table
    return highlight(table, analysis)


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
            if any(is_lemma(form, lex) for form in _forms(result, "past_3ms")):
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
                r.lex == lex and r.features.get("voice") == "passive" and same_form(form, r.diac)
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


def _any_compatible(forms: tuple[str, ...], other: str) -> bool:
    return any(same_form(form, other) for form in forms)


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
    return own and same_form(form, reading.diac)


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
