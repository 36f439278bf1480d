"""Conjugation tables (reader.morphology.verbs.conjugation) on the real analyzer and database.

The expected forms are the ones a printed grammar gives (checked by hand
against the usual paradigms: قال / قُلْتُ / يَقُولُ / يَقُلْ / قُلْ, رأى / يَرَى ...),
written as mazini vocalises them (a vowel on hamzat al-wasl: اُكْتُبْ).
"""

from __future__ import annotations

import dataclasses

import pytest

from reader.morphology.analyzer import Morphology
from reader.morphology.records import Analysis
from reader.morphology.verbs import conjugation as conj
from reader.morphology.verbs.conjugation import conjugate, lex_vowels, why_not


def _verb(morphology: Morphology, word: str, **features: str) -> Analysis:
    """The first verb reading of ``word`` whose plain features match ``features``."""
    for reading in morphology.analyze_word(word):
        wanted = {key.replace("_", " "): value for key, value in features.items()}
        if reading.pos == "verb" and all(reading.features.get(k) == v for k, v in wanted.items()):
            return reading
    raise AssertionError(f"no verb reading of {word} with {features}")


def _form(table: conj.Conjugation, slot: str) -> tuple[str, ...]:
    key, person = slot.rsplit("_", 1)
    section = table.section(key)
    assert section is not None, f"no {key} section"
    cell = section.cell(person)
    assert cell is not None, f"no {slot}"
    return cell.forms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # hollow: the past 1s shortens, the jussive and imperative lose the long vowel
        ("قال", {"past_1s": "قُلْتُ", "ind_3ms": "يَقُولُ", "juss_3ms": "يَقُلْ", "imp_2ms": "قُلْ",
                 "past_pass_3ms": "قِيلَ", "ind_pass_3ms": "يُقَالُ"}),
        # hamzated and defective: the hamza drops in the present
        ("رأى", {"past_1s": "رَأَيْتُ", "ind_3ms": "يَرَى", "juss_3ms": "يَرَ", "imp_2ms": "رَ"}),
        ("جاء", {"past_1s": "جِئْتُ", "ind_3ms": "يَجِيءُ", "juss_3ms": "يَجِئْ", "imp_2ms": "جِئْ"}),
        ("دعا", {"past_1s": "دَعَوْتُ", "ind_3ms": "يَدْعُو", "juss_3ms": "يَدْعُ",
                 "ind_3mp": "يَدْعُونَ"}),
        ("مشى", {"past_1s": "مَشَيْتُ", "ind_3ms": "يَمْشِي", "juss_3ms": "يَمْشِ", "imp_2ms": "اِمْشِ"}),
        ("أخذ", {"past_1s": "أَخَذْتُ", "ind_3ms": "يَأْخُذُ", "imp_2ms": "خُذْ"}),
        # assimilated: the و drops in the present and the imperative
        ("وصل", {"past_1s": "وَصَلْتُ", "ind_3ms": "يَصِلُ", "juss_3ms": "يَصِلْ", "imp_2ms": "صِلْ"}),
        ("كتب", {"past_3fs": "كَتَبَتْ", "ind_3ms": "يَكْتُبُ", "sub_2fs": "تَكْتُبِي",
                 "imp_2ms": "اُكْتُبْ", "past_pass_3ms": "كُتِبَ"}),
        # derived forms
        ("استقبل", {"past_1s": "اِسْتَقْبَلْتُ", "ind_3ms": "يَسْتَقْبِلُ", "imp_2ms": "اِسْتَقْبِلْ"}),
        ("انتخب", {"past_pass_3ms": "اُنْتُخِبَ", "ind_3ms": "يَنْتَخِبُ"}),
        ("اجتمع", {"ind_3ms": "يَجْتَمِعُ", "juss_3mp": "يَجْتَمِعُوا"}),
        ("أعلن", {"ind_3ms": "يُعْلِنُ", "imp_2ms": "أَعْلِنْ", "past_pass_3ms": "أُعْلِنَ"}),
        ("تحدث", {"ind_3ms": "يَتَحَدَّثُ", "past_3fp": "تَحَدَّثْنَ"}),
        ("اتخذ", {"ind_3ms": "يَتَّخِذُ", "past_1s": "اِتَّخَذْتُ"}),
    ],
)  # fmt: skip
def test_forms_match_the_printed_paradigms(morphology, word, expected):
    table = conjugate(_verb(morphology, word), morphology)
    assert table is not None, why_not(_verb(morphology, word), morphology)
    for slot, form in expected.items():
        assert form in _form(table, slot), (slot, _form(table, slot))


def test_a_doubled_verb_gives_its_jussive_variants(morphology):
    table = conjugate(_verb(morphology, "مد", person="third person"), morphology)
    assert table is not None
    assert _form(table, "past_1s") == ("مَدَدْتُ",)
    assert _form(table, "ind_3ms") == ("يَمُدُّ",)
    assert {"يَمُدَّ", "يَمْدُدْ"} <= set(_form(table, "juss_3ms"))


@pytest.mark.parametrize(
    ("word", "form", "past", "present"),
    [
        ("كتب", "I", "a", "u"),
        ("وصل", "I", "a", "i"),
        ("رأى", "I", "a", "a"),
        ("مشى", "I", "a", "i"),
        ("قال", "I", None, "u"),  # a hollow verb's past vowel does not show
        ("استقبل", "X", None, None),
        ("تحدث", "V", None, None),
    ],
)
def test_form_and_stem_vowels(morphology, word, form, past, present):
    table = conjugate(_verb(morphology, word), morphology)
    assert table is not None
    assert (table.verb_form, table.past_vowel, table.present_vowel) == (form, past, present)
    if form == "I":
        assert "dictionary" in table.vowel_note and "not known" not in table.vowel_note


def test_the_dictionary_tags_form_i_present_vowels(morphology):
    tags = lex_vowels(morphology)
    assert tags[("قال", "ق.#.ل")] == "u"
    assert tags[("كَتَب", "ك.ت.ب")] == "u"
    # رَأَى is filed under "rhubarb" in the raw database; the errata fix its lex.
    assert tags[("رَأَى", "ر.#.#")] == "a"


def test_participles_and_verbal_nouns(morphology):
    derived = conjugate(_verb(morphology, "استقبل"), morphology)
    assert derived is not None
    assert derived.active_participles == ("مُسْتَقْبِل",)
    assert derived.passive_participles == ("مُسْتَقْبَل",)
    assert derived.verbal_nouns == ("اِسْتِقْبَال",)
    said = conjugate(_verb(morphology, "قال"), morphology)
    assert said is not None
    assert said.active_participles == ("قَائِل",)
    assert said.passive_participles == ("مَقُول",)


def test_form_i_verbal_noun_is_not_invented(morphology):
    table = conjugate(_verb(morphology, "كتب"), morphology)
    assert table is not None
    assert table.verbal_nouns == ()
    assert any(note.startswith("Verbal noun:") for note in table.notes)


@pytest.mark.parametrize(
    ("word", "features", "matched"),
    [
        ("زارت", {}, ("past_3fs",)),
        ("رأيت", {"person": "first person"}, ("past_1s",)),
        ("كتبت", {"person": "third person", "voice": "passive"}, ("past_pass_3fs",)),
        # the database leaves the mood unmarked: indicative or subjunctive
        ("يقول", {}, ("ind_3ms", "sub_3ms")),
        ("يكن", {}, ("juss_3ms",)),  # لم يكن: the database writes no sukun
        ("قل", {"aspect": "imperative"}, ("imp_2ms",)),
        # clitics are left out: و + قالت, يقود + ه
        ("وقالت", {}, ("past_3fs",)),
        ("يقوده", {}, ("ind_3ms", "sub_3ms")),
    ],
)
def test_the_word_in_the_text_is_highlighted(morphology, word, features, matched):
    table = conjugate(_verb(morphology, word, **features), morphology)
    assert table is not None
    assert table.matched == matched
    marked = [
        f"{section.key}_{cell.person}"
        for section in table.sections
        for cell in section.cells
        if cell.highlighted
    ]
    assert marked == list(matched)


def test_tables_are_cached_per_lemma(morphology):
    first = conjugate(_verb(morphology, "زارت"), morphology)
    hits = conj._table.cache_info().hits
    other = conjugate(_verb(morphology, "زرت", person="first person"), morphology)
    assert conj._table.cache_info().hits == hits + 1
    assert first is not None and other is not None
    assert first.matched == ("past_3fs",) and other.matched == ("past_1s",)


def test_without_the_analyzer_the_present_vowel_is_not_guessed(morphology):
    table = conjugate(_verb(morphology, "كتب"))
    assert table is not None
    assert table.present_vowel is None
    assert "not known" in table.vowel_note
    assert table.section("ind") is None
    assert _form(table, "past_1s") == ("كَتَبْتُ",)
    # the word itself is evidence when it is a present form
    present = conjugate(_verb(morphology, "يكتب", voice="active"))
    assert present is not None and present.present_vowel == "u"
    assert _form(present, "ind_3ms") == ("يَكْتُبُ",)


def test_no_table_for_a_noun(morphology):
    noun = next(r for r in morphology.analyze_word("كتاب") if r.pos == "noun")
    assert conjugate(noun, morphology) is None
    assert "not a verb" in why_not(noun, morphology)


def test_a_verb_with_a_broken_root_says_why(morphology):
    verb = dataclasses.replace(_verb(morphology, "كتب"), root="ك.ت")
    assert conjugate(verb, morphology) is None
    assert why_not(verb, morphology) == "No conjugation: the verb's root is not known."


def test_mazini_errors_become_a_reason(morphology, monkeypatch):
    import mazini

    def refuse(root, wazn, **options):
        raise mazini.MaziniError("bad_root", f"refused {root}")

    monkeypatch.setattr(mazini, "conjugate", refuse)
    verb = _verb(morphology, "سمع")  # a lemma no other test conjugates (not cached)
    assert conjugate(verb, morphology) is None
    assert "refused" in why_not(verb, morphology)
    conj._table.cache_clear()  # the refusal must not outlive this test


def test_a_passive_the_dictionary_knows_is_given_in_full(morphology):
    # mazini alone would give اِنْتَخَبَ a passive by rule; CALIMA has اُنْتُخِبَت.
    elected = conjugate(_verb(morphology, "انتخب"), morphology)
    assert elected is not None
    assert _form(elected, "past_pass_3fs") == ("اُنْتُخِبَتْ",)
    assert not any(note.startswith("Passive") for note in elected.notes)
    # تحدّث: mazini gives only the impersonal he-form, and the note says so
    spoke = conjugate(_verb(morphology, "تحدث"), morphology)
    assert spoke is not None
    assert [cell.person for cell in spoke.section("past_pass").cells] == ["3ms"]
    assert any("impersonal" in note for note in spoke.notes)


def test_two_present_vowels_in_the_dictionary_are_both_shown(morphology):
    # سَبَقَ يَسْبِقُ and يَسْبُقُ are both in use; CALIMA-star tags the lex "iu".
    assert lex_vowels(morphology)[("سَبَق", "س.ب.ق")] == "iu"
    table = conjugate(_verb(morphology, "سبق"), morphology)
    assert table is not None
    assert set(_form(table, "ind_3ms")) == {"يَسْبِقُ", "يَسْبُقُ"}
    assert _form(table, "past_1s") == ("سَبَقْتُ",)
    assert table.present_vowel is None
    assert "two present vowels" in table.vowel_note
