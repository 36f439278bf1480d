"""Vowel conventions: comparing vocalisations across sources, textbook forms, pausal forms."""

from __future__ import annotations

import pytest

from reader.morphology.vowels import marks as vowels


@pytest.mark.parametrize(
    ("database", "diacritizer"),
    [
        ("الرَئِيس", "الرَّئِيسُ"),  # no shadda on the sun letter; the ending aside
        ("الاِتِّفاق", "الِاتِّفَاقَ"),  # kasra on hamzat al-wasl / on the article's lam
        ("قالَ", "قَالَ"),  # no fatha before a long alif
        ("هٰذا", "هَذَا"),  # the dagger alef is a long a
        ("لٰكِنَّ", "لَكِنَّ"),
        ("كِتاباً", "كِتَابًا"),  # tanwin fath on the alef or before it
        ("زِيادَة", "زِيَادَةِ"),  # the fatha before the alef, then the long i
        ("وَالشَمْس", "وَالشَّمْسِ"),  # the article after a proclitic
        ("لِلشَمْس", "لِلشَّمْسِ"),  # لِ + ال written لل
    ],
)
def test_the_same_stem_in_two_conventions_compares_equal(database: str, diacritizer: str) -> None:
    assert vowels.stem_comparable(database) == vowels.stem_comparable(diacritizer)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("أَنَّ", "أَنْ"),  # anna / an
        ("كُلّ", "كُلْ"),  # kull "all" / kul "eat!"
        ("عِلْم", "عَلَم"),
        ("كَتَبَ", "كُتِبَ"),  # active / passive
    ],
)
def test_different_readings_stay_different(one: str, other: str) -> None:
    assert vowels.stem_comparable(one) != vowels.stem_comparable(other)


def test_the_ending_is_the_last_letters_vowel() -> None:
    assert vowels.split_ending("الرَّئِيسُ") == ("الرَّئِيس", vowels.DAMMA)
    assert vowels.split_ending("كِتَابًا") == ("كِتَابا", vowels.FATHATAN)
    assert vowels.split_ending("عامٌّ") == ("عامّ", vowels.DAMMATAN)  # the shadda stays


def test_with_ending_replaces_only_the_ending() -> None:
    assert vowels.with_ending("الرَّئِيسُ", vowels.KASRA) == "الرَّئِيسِ"
    assert vowels.with_ending("مَدِينَةٌ", vowels.FATHATAN) == "مَدِينَةً"


@pytest.mark.parametrize(
    ("given", "textbook"),
    [
        ("الرَئِيسُ", "الرَّئِيسُ"),  # shadda on the sun letter, the lam bare
        ("الْقَمَرُ", "الْقَمَرُ"),  # a moon letter keeps the lam's sukun
        ("القَمَرُ", "الْقَمَرُ"),
        ("الَّذِي", "الَّذِي"),  # the doubled lam of the relative pronoun: no second shadda
        ("اِسْتِقْبال", "اسْتِقْبَال"),  # no vowel on hamzat al-wasl; the fatha before the alif
        ("كِتاباً", "كِتَابًا"),
        ("ذَهَبُوا", "ذَهَبُوا"),  # the silent alif after the plural waw gets nothing
    ],
)
def test_textbook_forms(given: str, textbook: str) -> None:
    assert vowels.textbook(given) == textbook


def test_pausal_forms_drop_the_final_vowel() -> None:
    assert vowels.pausal("الرَّئِيسُ") == "الرَّئِيس"
    assert vowels.pausal("بِلَادِهِ") == "بِلَادِه"
    assert vowels.pausal("كِتَابًا") == "كِتَابَا"  # kitābā: the tanwin becomes a long a
    assert vowels.pausal("فِي") == "فِي"


def test_marks_go_on_the_authors_letters() -> None:
    # A hamza the reading restores on a bare seat is written: the learner must say it.
    assert vowels.on_written_letters("الاسبوع", "الْأُسْبُوعِ") == "الْأُسْبُوعِ"
    # The author's own marks win.
    assert vowels.on_written_letters("يجسّر", "يُجَسِرُ") == "يُجَسِّرُ"
    # Letters that do not line up: the word as written.
    assert vowels.on_written_letters("كتاب", "كُتُب") == "كتاب"


def test_article_detection() -> None:
    assert vowels.article_lam(vowels.units("الكتاب")) == 1
    assert vowels.article_lam(vowels.units("وبالكتاب")) == 3
    assert vowels.article_lam(vowels.units("للكتاب")) == 1
    assert vowels.article_lam(vowels.units("كتاب")) is None
    assert vowels.article_lam(vowels.units("أل")) is None


@pytest.mark.parametrize(
    ("word", "joined"),
    [
        ("مِنْ", "مِنَ"),  # مِنَ الْ
        ("عَلَيْهِمْ", "عَلَيْهِمُ"),  # a plural pronoun's mim takes a damma
        ("يَكُنْ", "يَكُنِ"),  # everything else a kasra
        ("قَالَتْ", "قَالَتِ"),
        ("فِي", "فِي"),  # a long vowel: nothing to add
        ("الرَّئِيسُ", "الرَّئِيسُ"),  # already voweled
    ],
)
def test_a_final_sukun_takes_a_helping_vowel_before_hamzat_al_wasl(word: str, joined: str) -> None:
    assert vowels.with_helping_vowel(word) == joined


def test_hamzat_al_wasl_starts() -> None:
    assert vowels.starts_with_wasl("الْوَزِيرُ")
    assert vowels.starts_with_wasl("اسْتِقْبَالُ")
    assert not vowels.starts_with_wasl("أَكَّدَ")
    assert not vowels.starts_with_wasl("وَالْوَزِيرُ")


def test_hamza_below_is_always_i() -> None:
    assert vowels.textbook("إنْ") == "إِنْ"


def test_filling_vowels_need_not_restore_a_hamza() -> None:
    # بَدا "appeared", shown against a model that read بَدَأَ "began": its vowels, not its hamza.
    assert vowels.on_written_letters("بَدا", "بَدَأَ", restore_hamza=False) == "بَدَا"
    assert vowels.on_written_letters("بدا", "بَدَأَ") == "بَدَأَ"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("عَوْنًاً", "عَوْنًا"),  # the model's tanwin and the author's, once
        ("كَبِيرَاً", "كَبِيرًا"),  # a fatha before the author's tanwin: the tanwin
        ("جِدَّاً", "جِدًّا"),  # the shadda stays
        ("كِتاباً", "كِتابًا"),
    ],
)
def test_tanwin_fath_is_written_once_before_the_alef(written: str, shown: str) -> None:
    assert vowels.textbook(written) == vowels.textbook(shown)
    assert vowels.textbook(written).count(vowels.FATHATAN) == 1
    assert vowels.FATHA not in vowels.textbook(written)[-3:]
