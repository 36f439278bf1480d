"""Roots without the database's ``#`` placeholders (reader.morphology.roots.radicals)."""

from __future__ import annotations

import pytest

from reader.morphology.roots.radicals import UNKNOWN, WEAK, resolve_root


@pytest.mark.parametrize(
    ("field", "lex", "form", "radicals"),
    [
        ("#.م.س", "أَمْس_1", None, ("ء", "م", "س")),
        ("ق.#.ل", "قال-u_1", "I", ("ق", "و", "ل")),
        ("ب.#.ع", "باع-i_1", "I", ("ب", "ي", "ع")),
        ("ن.#.م", "نام-a_1", "I", ("ن", WEAK, "م")),
        ("م.ش.#", "مَشَى-i_1", "I", ("م", "ش", "ي")),
        ("د.ع.#", "دَعا-u_1", "I", ("د", "ع", "و")),
        ("#.ج.د", "وَجَد-i_1", "I", ("و", "ج", "د")),
        ("س.#.ل", "سَأَل-a_1", "I", ("س", "ء", "ل")),
        ("ر.#.#", "رَأَى-a_1", "I", ("ر", "ء", "ي")),
        ("ج.#.#", "جاء_1", "I", ("ج", WEAK, "ء")),
        ("ك.ت.ب", "كَتَب-u_1", "I", ("ك", "ت", "ب")),
        ("ط.#.ل", "طَوِيل_1", None, ("ط", "و", "ل")),
        ("س.م.#", "سَماء_1", None, ("س", "م", UNKNOWN)),
        ("ق.#.م", "قِيمَة_1", None, ("ق", WEAK, "م")),
    ],
)
def test_placeholders_resolved_only_where_the_lemma_shows_them(field, lex, form, radicals):
    assert resolve_root(field, lex, verb_form=form).radicals == radicals


def test_display_has_no_placeholder_and_note_names_the_radical():
    root = resolve_root("#.م.س", "أَمْس_1")
    assert root.display == "ء م س"
    assert root.weak_note == ""
    hollow = resolve_root("ن.#.م", "نام-a_1", verb_form="I")
    assert "#" not in hollow.display
    assert hollow.weak_note.startswith("The second radical is و or ي")
    said = resolve_root("ق.#.ل", "قال-u_1", verb_form="I")
    assert said.weak_note == "The second radical is the weak letter و."
    assert said.isolated == "\u2067ق و ل\u2069"


def test_not_a_root():
    assert resolve_root("NTWS", "آب_1").display == ""


def test_every_root_in_the_database_resolves_without_placeholders(real_db_path):
    import re

    text = real_db_path.read_text(encoding="utf-8")
    stems = text[text.index("###STEMS###") : text.index("###TABLE AB###")]
    seen = set()
    for match in re.finditer(r" lex:(\S+) .*? root:(\S+)", stems):
        key = match.groups()
        if key in seen or "#" not in key[1]:
            continue
        seen.add(key)
        root = resolve_root(key[1], key[0])
        assert "#" not in root.display
    assert len(seen) > 1000
