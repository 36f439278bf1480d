"""Romanization from the vocalised form: DIN 31635 and ALA-LC, words and phrases."""

from __future__ import annotations

import unicodedata

import pytest

from reader.morphology.vowels.romanize import romanize
from reader.morphology.vowels.romanize_text import romanize_phrase

# (vocalised, DIN with the ending, DIN in pause)
DIN = [
    ("الرَّئِيسُ", "ar-raʾīsu", "ar-raʾīs"),
    ("وَالْوَزِيرُ", "wa-l-wazīru", "wa-l-wazīr"),
    ("الْقَمَرُ", "al-qamaru", "al-qamar"),
    ("الشَّمْسُ", "aš-šamsu", "aš-šams"),
    ("مَدْرَسَةٌ", "madrasatun", "madrasa"),
    ("كُلِّيَّةٌ", "kulliyyatun", "kulliyya"),
    ("أَمِيرٌ", "amīrun", "amīr"),
    ("سُؤَالٌ", "suʾālun", "suʾāl"),
    ("عَلَى", "ʿalā", "ʿalā"),
    ("مُسْتَشْفًى", "mustašfan", "mustašfā"),
    ("الْقَاهِرَةُ", "al-qāhiratu", "al-qāhira"),
    ("يَوْمٌ", "yawmun", "yawm"),
    ("بَيْتٌ", "baytun", "bayt"),
    ("قُرْآنٌ", "qurʾānun", "qurʾān"),
    ("لِلرَّئِيسِ", "li-r-raʾīsi", "li-r-raʾīs"),
    ("بِالْبَيْتِ", "bi-l-bayti", "bi-l-bayt"),
    ("الْكِتَابُ", "al-kitābu", "al-kitāb"),
    ("كِتَابًا", "kitāban", "kitābā"),
    ("الِاسْتِقْبَالُ", "al-istiqbālu", "al-istiqbāl"),
    ("الَّذِي", "allaḏī", "allaḏī"),
    ("وَالَّتِي", "wa-llatī", "wa-llatī"),
    ("عَرَبِيٌّ", "ʿarabiyyun", "ʿarabī"),
    ("الْخَارِجِيَّةِ", "al-ḫāriǧiyyati", "al-ḫāriǧiyya"),
    ("قُوَّةٌ", "quwwatun", "quwwa"),
    ("هُوَ", "huwa", "huwa"),
    ("مَعَ", "maʿa", "maʿa"),
    ("أَنَّ", "anna", "anna"),
    ("فِي", "fī", "fī"),
    ("لَمْ", "lam", "lam"),
    ("ذَهَبُوا", "ḏahabū", "ḏahabū"),
    ("إِلَى", "ilā", "ilā"),
    ("هَٰذَا", "hāḏā", "hāḏā"),
    ("يَكْتُبُونَ", "yaktubūna", "yaktubūn"),
    ("اللَّهِ", "Allāhi", "Allāh"),
    ("حَيَاةٌ", "ḥayātun", "ḥayāh"),
    ("ثَلَاثَةُ", "ṯalāṯatu", "ṯalāṯat"),
    ("غَرْبٌ", "ġarbun", "ġarb"),
    ("ظُهْرٌ", "ẓuhrun", "ẓuhr"),
    ("صَدِيقٌ", "ṣadīqun", "ṣadīq"),
    ("ضَيْفٌ", "ḍayfun", "ḍayf"),
    ("طَالِبٌ", "ṭālibun", "ṭālib"),
    ("جَمِيلٌ", "ǧamīlun", "ǧamīl"),
    ("شَيْءٌ", "šayʾun", "šayʾ"),
    ("مَسْؤُولٌ", "masʾūlun", "masʾūl"),
    ("رَئِيسٌ", "raʾīsun", "raʾīs"),
    ("آخَرُ", "āḫaru", "āḫar"),
]


@pytest.mark.parametrize(("word", "full", "pause"), DIN)
def test_din(word: str, full: str, pause: str) -> None:
    assert romanize(word) == full
    assert romanize(word, ending=False) == pause


ALA_LC = [
    ("الرَّئِيسُ", "al-raʼīs"),
    ("وَالْوَزِيرُ", "wa-al-wazīr"),
    ("الشَّمْسُ", "al-shams"),
    ("لِلرَّئِيسِ", "lil-raʼīs"),
    ("بِالْبَيْتِ", "bi-al-bayt"),
    ("مَدْرَسَةٌ", "madrasah"),
    ("عَلَى", "ʻalá"),
    ("مُسْتَشْفًى", "mustashfá"),
    ("ثَلَاثٌ", "thalāth"),
    ("خَبَرٌ", "khabar"),
    ("ذَهَبٌ", "dhahab"),
    ("غَرْبٌ", "gharb"),
    ("سُؤَالٌ", "suʼāl"),
    ("الَّذِي", "alladhī"),
    ("عَرَبِيٌّ", "ʻarabī"),
    ("أَدْهَمُ", "adʹham"),  # the prime keeps d and h apart
]


@pytest.mark.parametrize(("word", "expected"), ALA_LC)
def test_ala_lc(word: str, expected: str) -> None:
    assert romanize(word, scheme="ala-lc", ending=False) == expected


def test_proper_names_are_capitalised_after_the_article() -> None:
    assert romanize("الْقَاهِرَةُ", scheme="ala-lc", ending=False, proper=True) == "al-Qāhirah"
    assert romanize("الْقَاهِرَةُ", ending=False, proper=True) == "al-Qāhira"
    assert romanize("الرِّيَاضُ", ending=False, proper=True) == "ar-Riyāḍ"
    assert romanize("عَلِيٌّ", ending=False, proper=True) == "ʿAlī"


def test_segments_place_the_hyphens() -> None:
    assert romanize("وَسَيَكْتُبُونَ", segments=["وَ", "سَ"]) == "wa-sa-yaktubūna"
    assert romanize("وَالْوَزِيرُ", segments=["وَ", "ال"], ending=False) == "wa-l-wazīr"
    assert romanize("لِلرَّئِيسِ", segments=["لِ", "ال"], ending=False) == "li-r-raʾīs"
    assert romanize("بِالْبَيْتِ", segments=["بِ", "ال"], ending=False) == "bi-l-bayt"
    assert romanize("فَكَتَبَ", segments=["فَ"]) == "fa-kataba"
    # Segments that do not match the letters are ignored.
    assert romanize("الْقَمَرُ", segments=["وَ"], ending=False) == "al-qamar"


def test_without_segments_a_word_is_not_cut_at_a_letter_that_looks_like_a_proclitic() -> None:
    assert romanize("وَزِيرٌ", ending=False) == "wazīr"
    assert romanize("بَيْتٌ", ending=False) == "bayt"
    assert romanize("كِتَابٌ", ending=False) == "kitāb"


def test_hamzat_al_wasl_is_elided_after_a_vowel() -> None:
    assert romanize("الْبَيْتِ", after_vowel=True, ending=False) == "l-bayt"
    assert romanize("الرَّئِيسِ", after_vowel=True, ending=False) == "r-raʾīs"
    assert romanize("الْبَيْتِ", after_vowel=True, scheme="ala-lc", ending=False) == "al-bayt"
    assert romanize("اسْتِقْبَالٌ", ending=False) == "istiqbāl"
    assert romanize("وَاسْتِقْبَالٌ", segments=["وَ"], ending=False) == "wa-stiqbāl"


def test_phrases() -> None:
    assert romanize_phrase(["مَدْرَسَةُ", "الْبَنَاتِ"]) == ["madrasatu", "l-banāti"]
    assert romanize_phrase(["مَدْرَسَةُ", "الْبَنَاتِ"], ending=False) == ["madrasat", "al-banāt"]
    assert romanize_phrase(["فِي", "الْبَيْتِ"], ending=False) == ["fī", "l-bayt"]
    assert romanize_phrase(["عَلَى", "الطَّاوِلَةِ"], ending=False) == ["ʿalā", "ṭ-ṭāwila"]
    assert romanize_phrase(["فِي", "الْبَيْتِ"], scheme="ala-lc", ending=False) == [
        "fī",
        "al-bayt",
    ]
    # A pause (a token that is not a word) stops the elision.
    assert romanize_phrase(["فِي", "", "الْبَيْتِ"], ending=False) == ["fī", "", "al-bayt"]
    # A word ending the phrase is not read as a construct.
    assert romanize_phrase(["مَدْرَسَةُ"], ending=False) == ["madrasa"]


def test_unvocalised_letters_get_no_vowels() -> None:
    assert romanize("كتب") == "ktb"
    assert romanize("") == ""


def test_an_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="scheme"):
        romanize("بَيْتٌ", scheme="nope")


def _clean(text: str) -> bool:
    return not any(
        "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u08ff" or unicodedata.combining(c)
        for c in text
    )


@pytest.mark.realdb
def test_every_word_of_the_real_article_romanizes_to_latin(morphology, default_article_path):
    from reader.text import load_document

    document = load_document(default_article_path)
    analysis = morphology.analyze_document(document)
    forms = analysis.vocalized
    arabic = list(document.arabic_tokens())
    assert arabic
    for scheme in ("din", "ala-lc"):
        for shown in (True, False):
            words, segments = [], []
            for token in arabic:
                best = analysis.best(token.index)
                words.append(forms[token.index])
                segments.append(
                    [s.form for s in best.segments if s.role == "proclitic"] if best else None
                )
            out = romanize_phrase(words, scheme=scheme, ending=shown, segments=segments)
            bad = [(w, o) for w, o in zip(words, out, strict=True) if not o or not _clean(o)]
            assert bad == []


def test_long_vowels_the_text_does_not_write() -> None:
    assert romanize("هَذَا") == "hāḏā"
    assert romanize("كَذَلِكَ", segments=["كَ"], ending=False) == "ka-ḏālik"
    assert romanize("لَكِنْ") == "lākin"
    assert romanize("لِأُوْبَامَا", segments=[]) == "liʾūbāmā"  # a sukun on the long ū
    assert romanize("مِيْلُ", ending=False) == "mīl"


def test_segments_that_say_no_article_are_trusted() -> None:
    assert romanize("التَّزَمَ", segments=[], ending=False) == "iltazam"
    assert romanize("الَّذِي", segments=[]) == "allaḏī"
    assert romanize("وَالَّتِي", segments=["وَ"]) == "wa-llatī"


def test_a_vowel_the_pause_brings_does_not_elide_the_next_article() -> None:
    words = ["وَزِيرُ", "الْخَارِجِيَّةِ", "الْأَمِيرْكِيِّ"]
    assert romanize_phrase(words, ending=False) == ["wazīr", "al-ḫāriǧiyya", "al-amīrkī"]
    assert romanize_phrase(words) == ["wazīru", "l-ḫāriǧiyyati", "l-amīrkiyyi"]
    assert romanize_phrase(["كِتَابًا", "الْوَلَدِ"], ending=False) == ["kitābā", "al-walad"]


def test_analyze_json_gains_romanized(real_db_path, tmp_path, capsys, monkeypatch):
    """The CLI's JSON: the token as said in its sentence, each reading as cited."""
    import json

    from reader.cli import main as cli

    article = tmp_path / "news.txt"
    article.write_text("وقال الرئيس إن الوزير في البيت.", encoding="utf-8")
    monkeypatch.setenv("ARABIC_READER_MORPH_DB", str(real_db_path))
    assert cli.main(["analyze", str(article), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    arabic = {line["token"]: line for line in lines if line["kind"] == "arabic"}
    others = [line for line in lines if line["kind"] != "arabic"]
    assert others and all("romanized" not in line for line in others)  # the full stop
    # In the sentence: the article's hamzat al-wasl elided after a vowel ...
    assert arabic["الرئيس"]["romanized"].startswith("r-raʾīs")
    assert arabic["البيت"]["romanized"].startswith("l-bayt")
    # ... and cited on its own, as a dictionary writes it.
    assert arabic["الرئيس"]["analyses"][0]["romanized"].startswith("ar-raʾīs")
    assert all(
        analysis["romanized"] and not any("\u0600" <= c <= "\u06ff" for c in analysis["romanized"])
        for line in arabic.values()
        for analysis in line["analyses"]
    )


@pytest.mark.realdb
@pytest.mark.parametrize(
    ("word", "form", "said"),
    [
        # Form VIII: the alef is hamzat al-wasl with its kasra, not the article.
        ("التزام", "الْتِزَام", "iltizām"),
        ("التقى", "الْتَقَى", "iltaqā"),
        # The article before a sun letter: its shadda, and the lam assimilated.
        ("الرئيس", "الرَّئِيس", "ar-raʾīs"),
    ],
)
def test_a_reading_out_of_context_has_the_article_only_where_it_has_one(
    morphology, word: str, form: str, said: str
) -> None:
    from reader.morphology.vowels.reconcile import reading_form
    from reader.morphology.vowels.romanize_text import romanize_reading

    reading = morphology.analyze_word(word)[0]
    assert reading_form(reading) == form
    assert romanize_reading(reading) == said


@pytest.mark.realdb
def test_a_word_starting_with_wal_is_no_article(morphology) -> None:
    """والده "his father": و ا ل are the noun's own letters, no sun-letter shadda."""
    from reader.morphology.vowels.marks import SHADDA
    from reader.morphology.vowels.reconcile import reading_form

    reading = morphology.analyze_word("والده")[0]
    assert reading.lex.startswith("والِد")
    assert SHADDA not in reading_form(reading)
