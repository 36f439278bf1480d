"""Two textbook conventions the window relies on (reader.morphology.vowels.marks)."""

from __future__ import annotations

import pytest

from reader.morphology.vowels.marks import pausal, textbook


@pytest.mark.parametrize(
    ("vocalised", "expected"),
    [
        ("الَّذِي", "الَّذِي"),  # one doubled lam: no shadda on the ذ
        ("الَّتِي", "الَّتِي"),
        ("الذِّي", "الذِّي"),  # a shadda someone wrote on the ذ is theirs, not ours
        ("الرَّئِيسُ", "الرَّئِيسُ"),
        ("الشَمْسُ", "الشَّمْسُ"),  # the article before a sun letter: shadda added
    ],
)
def test_the_article_shadda_goes_on_a_sun_letter_only_after_a_plain_lam(vocalised, expected):
    assert textbook(vocalised) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("لَمْ", "لَمْ"),  # a sukun is not a case ending
        ("مِنْ", "مِنْ"),
        ("الرَّئِيسُ", "الرَّئِيس"),
        ("جُهُودٍ", "جُهُود"),
        ("الْأَمِيرْكِيِّ", "الْأَمِيرْكِيّ"),  # the shadda stays, the kasra goes
    ],
)
def test_pausal_drops_only_a_final_short_vowel_or_tanwin(form, expected):
    assert pausal(form) == expected


@pytest.mark.parametrize(
    ("vocalised", "expected"),
    [
        ("الْتِزَامَ", "الْتِزَامَ"),  # Form VIII: its lam is the root's, the ت is not doubled
        ("وَالْتَقَى", "وَالْتَقَى"),
        ("وَالِدُهُ", "وَالِدُهُ"),  # و + والِد: no article at all
    ],
)
def test_no_article_shadda_where_the_reading_has_no_article(vocalised, expected):
    assert textbook(vocalised, article=False) == expected
    assert textbook(vocalised) != expected  # the letters alone take them for the article


def test_a_vowel_on_the_alef_says_it_is_no_article():
    # As the database writes a derived verb: hamzat al-wasl with its kasra.
    assert textbook("اِلْتِزام") == "الْتِزَام"
    assert textbook("فَاِلْتَقَى") == "فَالْتَقَى"
