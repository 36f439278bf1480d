"""A root's family and roots read off a lemma's other stems, on the real database."""

from __future__ import annotations

import pytest

from reader.morphology.roots.radicals import WEAK, Stem, resolve_root


def _reading(morphology, word: str, pos: str):
    return next(r for r in morphology.analyze_word(word) if r.pos == pos)


@pytest.mark.parametrize(
    ("word", "pos", "radicals"),
    [
        ("جاء", "verb", ("ج", "ي", "ء")),  # the imperfect يَجِيء shows the ي
        ("أمس", "noun", ("ء", "م", "س")),
        ("قال", "verb", ("ق", "و", "ل")),  # the analysis' lex has lost its -u: يَقُول says و
        ("دعا", "verb", ("د", "ع", "و")),
        ("مشى", "verb", ("م", "ش", "ي")),
        ("سماء", "noun", ("س", "م", "و")),  # the plural سَمَوات
    ],
)
def test_a_reading_root_is_read_off_the_lemma_and_its_stems(morphology, word, pos, radicals):
    reading = _reading(morphology, word, pos)
    root = morphology.roots.root_of(reading.root, reading.lex, reading.pos)
    assert root.radicals == radicals
    assert "#" not in root.display and WEAK not in root.display


def test_the_weak_note_names_what_the_stems_show(morphology):
    reading = _reading(morphology, "جاء", "verb")
    root = morphology.roots.root_of(reading.root, reading.lex, reading.pos)
    assert root.weak_note == "The second radical is the weak letter ي."
    # Without the stems the same lemma leaves it open, and says so.
    alone = resolve_root(reading.root, reading.lex, verb_form=reading.verb_form)
    assert alone.radicals[1] == WEAK
    assert "و or ي" in alone.weak_note


def test_a_radical_no_stem_shows_is_read_off_the_roots_other_lemmas(morphology):
    # نام / يَنام: a long ā in every stem says nothing of و or ي; نَوْم "sleep" does.
    reading = _reading(morphology, "نام", "verb")
    stems = morphology.roots.stems(reading.root, reading.lex, reading.pos)
    alone = resolve_root(reading.root, "نام-a_1", verb_form="I", stems=stems)
    assert alone.radicals[1] == WEAK
    root = morphology.roots.root_of(reading.root, reading.lex, reading.pos)
    assert root.radicals == ("ن", "و", "م")
    assert root.weak_note == "The second radical is the weak letter و."


@pytest.mark.parametrize(
    ("word", "pos", "radicals"),
    [
        ("زيارة", "noun", ("ز", "و", "ر")),  # زار يَزُور, تَزْوِير
        ("لقاء", "noun", ("ل", "ق", "ي")),  # لُقْيا "meeting", not لَقْوَة "palsy"
        ("نساء", "noun", ("ن", "س", "و")),  # نِسْوَة "women", not نَسَأ "delay" nor نَسِي
        ("أنّ", "conj_sub", ("ء", "ن", "ن")),  # one ن with shadda is both ن
        ("مقال", "noun", ("ق", "و", "ل")),  # قال, قَوْل, ... by far over قَيْل "chief"
    ],
)
def test_an_open_radical_is_read_off_the_lemmas_of_its_meaning(morphology, word, pos, radicals):
    reading = _reading(morphology, word, pos)
    assert morphology.roots.root_of(reading.root, reading.lex, reading.pos).radicals == radicals


def test_a_root_key_of_two_roots_leaves_the_radical_open_and_the_other_out(morphology):
    # ف.#.د files فائِدَة, أَفاد (ف ي د) and فَوْد "hair" (ف و د): أَفاد's stems do not
    # tell which, and neither its meaning's kin; فَوْد is no member of its family.
    reading = _reading(morphology, "أفاد", "verb")
    assert morphology.roots.root_of(reading.root, reading.lex, "verb").radicals[1] == WEAK
    family = morphology.root_family(reading.root, reading.lex, reading.pos)
    lemmas = {member.lemma for member in family}
    assert "فَوْد" not in lemmas and "مُفِيد" in lemmas and "إِفادَة" in lemmas
    assert "فَوْد" in {member.lemma for member in morphology.roots.family(reading.root)}


def test_stems_decide_only_when_they_agree():
    present = Stem("جِيء", imperfective=True)
    assert resolve_root("ج.#.#", "جاء_1", verb_form="I", stems=[present]).radicals[1] == "ي"
    # A passive's ī (قِيل) is no evidence; stems that disagree leave it open.
    passive = Stem("قِيل", passive=True)
    assert resolve_root("ق.#.ل", "قال_1", verb_form="I", stems=[passive]).radicals[1] == WEAK
    both = [Stem("قُول", imperfective=True), Stem("قِيل", imperfective=True)]
    assert resolve_root("ق.#.ل", "قال_1", verb_form="I", stems=both).radicals[1] == WEAK


def test_family_lists_other_lemmas_most_frequent_first(morphology):
    reading = _reading(morphology, "قال", "verb")
    family = morphology.root_family(reading.root, reading.lex, reading.pos)
    lemmas = [member.lemma for member in family]
    assert "قَوْل" in lemmas and "مَقال" in lemmas
    assert reading.lex not in {member.lex for member in family}
    frequencies = [member.frequency for member in family]
    assert frequencies == sorted(frequencies, reverse=True)
    said = next(member for member in family if member.lemma == "قَوْل")
    assert said.pos_label == "noun" and "statement" in said.gloss and "_" not in said.gloss
    assert said.key == (said.lex, "noun")


def test_family_leaves_out_lemmas_of_the_other_weak_root(morphology):
    # ق.#.ل files قال (ق و ل) and قَيْل "chief" (ق ي ل) under one key.
    reading = _reading(morphology, "قال", "verb")
    family = morphology.root_family(reading.root, reading.lex, reading.pos)
    assert "قَيْل" not in {member.lemma for member in family}
    chief = morphology.roots.family(reading.root)
    assert "قَيْل" in {member.lemma for member in chief}  # no word given: every lemma filed


def test_family_follows_the_errata(morphology):
    # The verb رَأَى "see" is filed under راوَنْد "rhubarb" in r13; errata.tsv moves it.
    opinion = _reading(morphology, "رأي", "noun")
    family = morphology.root_family(opinion.root, opinion.lex, opinion.pos)
    see = [member for member in family if member.pos == "verb" and member.lemma == "رَأَى"]
    assert see and "see" in see[0].gloss
    assert see[0].root.radicals == ("ر", "ء", "ي")
    assert not any(m.lemma == "راوَنْد" and "see" in m.gloss for m in family)


def test_family_of_no_root_is_empty(morphology):
    assert morphology.root_family("NTWS", "آب") == ()
    assert morphology.root_family("", "") == ()


def test_the_index_is_built_once(morphology):
    assert morphology.roots is morphology.roots


def test_a_stem_counts_only_where_the_radicals_place_is_certain(morphology):
    # فَوائِد's و is the plural pattern's, not a radical of فائِدَة (ف ي د).
    benefit = _reading(morphology, "فائدة", "noun")
    assert morphology.roots.stems(benefit.root, benefit.lex, "noun")  # the plural is there
    assert morphology.roots.root_of(benefit.root, benefit.lex, "noun").radicals[1] != "و"
    # اِرْتَوَى (ر و ي): the ت of form VIII beside two placeholders is no radical.
    quench = resolve_root("ر.#.#", "ٱِرْتَوَى", verb_form="VIII", stems=[Stem("رْتَو")])
    assert quench.radicals[1:] == (WEAK, WEAK)


def test_an_imperfect_final_alif_says_nothing():
    # يَرْضَى: رَضِي is ر ض و; the ى of a present stem is not the ي of رَمَى.
    present = Stem("رْضَى", imperfective=True)
    assert resolve_root("ر.ض.#", "رَضِي", verb_form="I", stems=[present]).radicals[2] == WEAK


def test_a_doubled_middle_radical_of_form_ii_is_itself():
    assert resolve_root("ق.#.ل", "قَيَّل", verb_form="II").radicals[1] == "ي"
    assert resolve_root("ق.#.ل", "قَوَّل", verb_form="II").radicals[1] == "و"
