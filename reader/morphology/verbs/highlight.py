"""The cells of a conjugation table that hold the word in the text (قالت: the
past, she), found from the reading's features and its vocalised stem."""

from __future__ import annotations

import dataclasses

from reader.morphology.records import FEATURE_NAMES, FEATURE_VALUES, Analysis
from reader.morphology.verbs.matching import same_word, stem_letters
from reader.morphology.verbs.table import Conjugation


def feature_codes(analysis: Analysis) -> dict[str, str]:
    """The analysis' features back as camel-tools codes: {"asp": "p", "per": "3", ...}."""
    codes: dict[str, str] = {}
    for name, values in FEATURE_VALUES.items():
        shown = analysis.features.get(FEATURE_NAMES[name])
        for code, english in values.items():
            if english == shown:
                codes[name] = code
    return codes


def verb_stem(analysis: Analysis) -> str:
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


def highlight(table: Conjugation, analysis: Analysis) -> Conjugation:
    word = verb_stem(analysis)
    allowed = _slots_for(feature_codes(analysis))
    by_slot = {
        f"{section.key}_{cell.person}": cell.forms
        for section in table.sections
        for cell in section.cells
    }
    present = [slot for slot in allowed if slot in by_slot]
    matched = [slot for slot in present if any(same_word(form, word) for form in by_slot[slot])]
    if not matched:
        # The same letters, vowels written otherwise (a vowel the text leaves out).
        matched = [
            slot
            for slot in present
            if any(stem_letters(form) == stem_letters(word) for form in by_slot[slot])
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
