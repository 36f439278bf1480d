"""The quality benchmark's reading and scoring (tests/benchmarks/quality_data.py)."""

from __future__ import annotations

import pytest

from reader.text import document_from_text
from tests.benchmarks import quality_data as qd

# -- lemmas ---------------------------------------------------------------------


def test_clean_lemma_strips_sense_marks_of_both_notations():
    assert qd.clean_lemma("كَتَب-ُ_1") == "كَتَب"  # SAMA LId: imperfect vowel, sense number
    assert qd.clean_lemma("كَتَب-u_1") == "كَتَب"  # camel-tools lex
    assert qd.clean_lemma("لِ-_1") == "لِ"
    assert qd.clean_lemma("اوباما_0") == "اوباما"
    assert qd.clean_lemma("عامّ") == "عامّ"


def test_lemma_metrics_differ_where_they_should():
    # SAMA writes لَمْ where r13 writes لَم: only the lenient key forgives the sukun.
    assert qd.lemma_matches("لَم", "لَمْ_1") == {"exact": False, "no_marks": True, "lenient": True}
    # A final short vowel: ٱِثْنَيْنِ against ٱِثْنَيْن.
    assert qd.lemma_matches("ٱِثْنَيْن", "ٱِثْنَيْنِ_1")["lenient"]
    # Different vowels inside the word: only the key without marks is equal.
    assert qd.lemma_matches("مُساعَد", "مُساعِد_1") == {
        "exact": False,
        "no_marks": True,
        "lenient": False,
    }
    # Alef forms are kept even without marks.
    assert not qd.lemma_matches("أَكَل", "اكل_1")["no_marks"]
    assert qd.lemma_matches(None, "كَتَب-ُ_1") == dict.fromkeys(qd.LEMMA_METRICS, False)


def test_pos_classes():
    assert qd.camel_pos_class("noun_prop") == qd.upos_class("PROPN")
    assert qd.camel_pos_class("prep") == qd.upos_class("ADP")
    assert qd.camel_pos_class("part_neg") == qd.upos_class("PART")
    assert qd.camel_pos_class("pron_dem") == qd.upos_class("PRON")
    assert qd.camel_pos_class("adj_comp") == qd.upos_class("ADJ")
    assert qd.camel_pos_class("noun") != qd.upos_class("ADJ")
    assert qd.camel_pos_class(None) == "none"


def test_frequent_forms_count_and_order():
    assert qd.frequent_forms(["في", "من", "في", "على", "من", "في"], 2) == ["في", "من"]


# -- PUD reading ----------------------------------------------------------------


def _conllu(*rows: str, text: str = "") -> list[str]:
    lines = ["# sent_id = s1\n", f"# text = {text}\n"]
    lines += [row.replace(" | ", "\t") + "\n" for row in rows]
    return [*lines, "\n"]


def test_space_after_no_glues_clitics_and_punctuation_stays_apart():
    lines = _conllu(
        "1 | ل | لِ | ADP | IN | _ | 2 | case | _ | SpaceAfter=No",
        "2 | أوباما | اوباما | PROPN | NNP | _ | 0 | root | _ | LId=اوباما_0|SpaceAfter=No",
        "3 | , | , | PUNCT | , | _ | 2 | punct | _ | LId=,_0",
        "4 | سبق | سَبَق | VERB | VBC | _ | 2 | dep | _ | LId=سَبَق-ُِ_1",
        "5 | ل | لِ | ADP | IN | _ | 6 | case | _ | LId=لِ-_1|SpaceAfter=No",
        "6 | ه | هُوَ | PRON | PRP | _ | 4 | obl | _ | SpaceAfter=No",
        "7 | . | . | PUNCT | . | _ | 4 | punct | _ | _",
        text="لأوباما, سبق له.",
    )
    (sentence,) = qd.parse_pud(lines)
    assert sentence.rebuilt == sentence.text == "لأوباما, سبق له."
    assert [(w.form, w.lemma, w.upos) for w in sentence.words] == [
        ("لأوباما", "اوباما_0", "PROPN"),
        ("سبق", "سَبَق-ُِ_1", "VERB"),
        ("له", "لِ-_1", "ADP"),  # the only token with an LId is the stem
    ]
    for word in sentence.words:
        assert sentence.rebuilt[word.start : word.end] == word.form


def test_multiword_token_lines_give_the_surface():
    lines = _conllu(
        "1-2 | وبالنسبة | _ | _ | _ | _ | _ | _ | _ | _",
        "1 | و | وَ | CCONJ | CC | _ | 0 | cc | _ | _",
        "2 | بالنسبة | نِسبَة | NOUN | NN | _ | 0 | root | _ | LId=نِسْبَة_1",
        "3 | له | لِ | ADP | IN | _ | 2 | case | _ | LId=لِ-_1",
        text="وبالنسبة له",
    )
    (sentence,) = qd.parse_pud(lines)
    assert sentence.rebuilt == "وبالنسبة له"
    assert [(w.form, w.lemma) for w in sentence.words] == [
        ("وبالنسبة", "نِسْبَة_1"),
        ("له", "لِ-_1"),
    ]
    assert len(sentence.words[0].tokens) == 2


def test_a_word_without_lemma_keeps_none():
    lines = _conllu("1 | و | وَ | CCONJ | CC | _ | 0 | cc | _ | _", text="و")
    (sentence,) = qd.parse_pud(lines)
    assert sentence.words[0].lemma is None


# -- alignment ------------------------------------------------------------------


def test_offset_map_follows_cleaning_and_refuses_changed_ends():
    mapping = qd.OffsetMap('قال "نعم" الآن', "قال «نعم» الآن")
    assert mapping.span(0, 3) == (0, 3)
    assert mapping.span(5, 8) == (5, 8)
    assert mapping.span(4, 9) is None  # its quotes were replaced
    shifted = qd.OffsetMap("قال  نعم", "قال نعم")
    assert shifted.span(5, 8) == (4, 7)


def test_token_for_span_is_exact_or_nothing():
    document = document_from_text("قال الوزير لأوباما")
    assert qd.token_for_span(document, 4, 10, "الوزير").text == "الوزير"
    assert qd.token_for_span(document, 4, 8, "الوز") is None  # part of a token
    assert qd.token_for_span(document, 0, 10, "قال الوزير") is None  # two tokens


# -- vowels ---------------------------------------------------------------------


def _normalised(word: str) -> str:
    return qd.render(qd.normalise(qd.units(word)))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("كِتَاب", "كِتاب"),  # fatha before a long alef
        ("مُوسِيقَى", "موسيقى"),  # damma before و, kasra before ي, fatha before ى
        ("الاِنْتِقال", "الانتِقال"),  # marks on hamzat al-wasl after the article
        ("اِسْتَقْبَلَ", "استَقبَلَ"),  # ... at the start of the word
        ("وَاِنْتَهَت", "وَانتَهَت"),  # ... after a proclitic
        ("الشَّمْس", "الشَمس"),  # the shadda of a sun letter after the article
        ("لِلشَّمْسِ", "لِلشَمسِ"),  # ... after لل
        ("الِاتِّفاق", "الاتِّفاق"),  # the helping vowel on the article's lam
        ("كِتابًا", "كِتاباً"),  # tanwin fath on the alef or before it
        ("هٰذا", "هذا"),  # dagger alef
        ("إِنَّهُ", "إنَّهُ"),  # the kasra under إ
        ("سِيَاحَة", "سِياحَة"),  # a vowel dropped before alef leaves ي unmarked
        ("ٱلْكِتاب", "الكِتاب"),  # alef wasla is alef
    ],
)
def test_conventions_normalise_to_the_same_form(one, other):
    assert _normalised(one) == _normalised(other)
    assert qd.vowel_scores(one, other)["normalised_with_ending"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("كَتَبَ", "كُتِبَ"),  # a real vowel difference
        ("الكِتاب", "الكُتّاب"),  # a shadda that is no convention
        ("سَيَاسَة", "سِياسَة"),  # the vowel before ي is not a kasra
        ("قُوَّة", "قوة"),  # و with shadda is no long letter
        ("الْقَمَر", "القّمَر"),  # a moon letter keeps its shadda
        ("بَاب", "بِاب"),  # kasra before alef is no convention
        ("أَنَّ", "أُنَّ"),  # the vowel on أ is no convention
    ],
)
def test_real_differences_survive_normalisation(one, other):
    assert _normalised(one) != _normalised(other)
    assert not qd.vowel_scores(one, other)["normalised_with_ending"]


def test_the_four_vowel_metrics():
    # Only the ending differs.
    assert qd.vowel_scores("كِتابُ", "كِتابِ") == {
        "strict_with_ending": False,
        "strict_without_ending": True,
        "normalised_with_ending": False,
        "normalised_without_ending": True,
    }
    # Only a convention differs.
    assert qd.vowel_scores("كِتَابٌ", "كِتابٌ") == {
        "strict_with_ending": False,
        "strict_without_ending": False,
        "normalised_with_ending": True,
        "normalised_without_ending": True,
    }
    # Tanwin fath before the final alef is the ending too.
    assert qd.vowel_scores("كِتابًا", "كِتابٌ")["strict_without_ending"] is False
    assert qd.vowel_scores("كِتابًا", "كِتابا")["strict_without_ending"] is True
    # The same marks in another order are the same word.
    assert qd.vowel_scores("مُدَرِّسَة", "مُدَرِّسَة")["strict_with_ending"]
    assert qd.vowel_scores("شَدَّ", "شَدَّ")["strict_with_ending"]


def test_changed_letters_are_wrong_under_every_metric():
    assert qd.vowel_scores("اَعْلَنَ", "أَعْلَنَ") == dict.fromkeys(qd.VOWEL_METRICS, False)
    assert qd.base_letters("ٱلْكِتاب") == qd.base_letters("الكتاب")


# -- CATT -----------------------------------------------------------------------


def test_catt_sentence_input_and_gold_spans():
    sentence = qd.catt_sentence(1, "ذَهَبَ الْوَلَدُ\n")
    assert sentence.text == "ذهب الولد"
    assert sentence.gold_span(4, 9) == "الْوَلَدُ"
    assert qd.catt_sentence(2, "  \n") is None


def test_diacritizer_forms_align_by_word_position():
    text = "ذهب الولد، واعلن"
    output = "ذَهَبَ الْوَلَدُ، وَأَعْلَنَ"
    spans = [(0, 3), (4, 9), (11, 16)]
    assert qd.diacritizer_forms(text, output, spans) == ["ذَهَبَ", "الْوَلَدُ", "وَأَعْلَنَ"]
    # A word lost or added: nothing can be aligned.
    assert qd.diacritizer_forms(text, "ذَهَبَ الْوَلَدُ،", spans) == [None, None, None]


# -- the real data, when it is there --------------------------------------------

_PUD = qd.eval_dir() / qd.PUD_FILE


@pytest.mark.skipif(not _PUD.is_file(), reason="no ../shared/eval/ here")
def test_pud_first_sentence_rebuilds_its_text():
    with _PUD.open(encoding="utf-8") as handle:
        lines = []
        for line in handle:
            lines.append(line)
            if not line.strip() and len(lines) > 1:
                break
    (sentence,) = qd.parse_pud(lines)
    assert sentence.text
    assert sentence.rebuilt == sentence.text
    assert sentence.words[0].form == "كتبت"
    assert qd.clean_lemma(sentence.words[0].lemma) == "كَتَب"
