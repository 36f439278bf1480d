"""The Pattern and Root lines: the stem's wazn on the فعل scale and the root's
radicals, on the real analyzer and database, and in ``analyze --json``."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from reader.morphology.build import stem_pattern
from reader.text.arabic import strip_marks
from tests.core.cli_runs import run_main

_SCALE = str.maketrans({"1": "ف", "2": "ع", "3": "ل", "4": "ل"})

# word, the reading's lemma, its wazn, its radicals as the window shows them.
COMMON = [
    ("زيارته", "زِيارَة", "فِعالَة", "ز و ر"),  # not فِيالَتِه: the ي is the radical و
    ("بالجانب", "جانِب", "فاعِل", "ج ن ب"),  # not بِالفاعِل: no clitics
    ("لقائهما", "لِقاء", "فِعال", "ل ق ي"),  # not فِعائِهِما: the hamza is the ي
    ("كاتب", "كاتِب", "فاعِل", "ك ت ب"),
    ("مكتوب", "مَكْتُوب", "مَفْعُول", "ك ت ب"),
    ("استقبال", "ٱِسْتِقْبال", "اِسْتِفْعال", "ق ب ل"),
    ("تمثّل", "تَمَثُّل", "تَفَعُّل", "م ث ل"),
    ("تتمثل", "تَمَثَّل", "تَتَفَعَّل", "م ث ل"),  # the present stem, with its prefix
    ("للجانب", "جانِب", "فاعِل", "ج ن ب"),  # لِ + ال is written لِل
    ("قال", "قال", "فَعَل", "ق و ل"),  # a long ā for the و weighs فَعَل
    ("يقول", "قال", "يَفْعُل", "ق و ل"),
    ("مكان", "مَكان", "مَفْعَل", "ك و ن"),
    ("قيمة", "قِيمَة", "فِعْلَة", "ق و م"),
    ("ميزان", "مِيزان", "مِفْعال", "و ز ن"),
    ("قائم", "قائِم", "فاعِل", "ق و م"),
    ("جاء", "جاء", "فَعَل", "ج ي ء"),
    ("وسيكتبونها", "كَتَب", "يَفْعُلُون", "ك ت ب"),
]


def _reading(morphology, word: str, lex: str):
    return next(r for r in morphology.analyze_word(word) if _same(r.lex, lex))


def _same(a: str, b: str) -> bool:
    """Equal but for the order of a letter's marks (shadda before or after its vowel)."""
    return unicodedata.normalize("NFD", a) == unicodedata.normalize("NFD", b)


@pytest.mark.parametrize(("word", "lex", "wazn", "radicals"), COMMON)
def test_common_words_have_their_wazn_and_radicals(morphology, word, lex, wazn, radicals):
    reading = _reading(morphology, word, lex)
    assert _same(reading.wazn, wazn)
    root = morphology.roots.root_of(reading.root, reading.lex, reading.pos)
    assert root.display == radicals


def test_the_wazn_is_the_databases_pattern_where_it_writes_every_radical(morphology):
    # CALIMA-star's pattern is the whole word with the root's known radicals as
    # digits: where the root has no placeholder, the wazn is a piece of it.
    checked = 0
    for word, lex, _, _ in COMMON:
        reading = _reading(morphology, word, lex)
        if "#" in reading.root:
            continue  # the database's pattern leaves weak radicals as letters
        scaled = reading.pattern.translate(_SCALE).replace("ٱ", "ا")
        assert unicodedata.normalize("NFD", reading.wazn) in unicodedata.normalize("NFD", scaled)
        checked += 1
    assert checked >= 8


def test_particles_and_names_have_no_wazn(morphology):
    that = [r for r in morphology.analyze_word("أنّ") if r.pos in ("conj_sub", "verb_pseudo")]
    assert that and all(r.wazn == "" for r in that)
    assert all(r.wazn == "" for r in morphology.analyze_word("في"))
    name = next(r for r in morphology.analyze_word("بوتين") if r.pos == "noun_prop")
    assert name.wazn == ""


def test_the_wazn_needs_the_pattern_to_match_the_word():
    features = {"pos": "noun", "root": "ك.ت.ب", "diac": "كاتِب", "pattern": "1ا2ِ", "d3tok": ""}
    assert stem_pattern(features) == ""
    features["pattern"] = "1ا2ِ3"
    assert stem_pattern(features) == "فاعِل"


def test_the_wazn_keeps_no_case_ending(morphology):
    for reading in morphology.analyze_word("زيارته"):
        if reading.lex == "زِيارَة":
            assert strip_marks(reading.wazn) == "فعالة"
            assert not reading.wazn.endswith(("\u064f", "\u064e", "\u0650"))


def test_analyze_json_gives_wazn_and_radicals(tmp_path: Path, real_db_path: Path):
    article = tmp_path / "article.txt"
    article.write_text("زيارته بالجانب لقائهما أنّ\n", encoding="utf-8")
    outcome = run_main("analyze", str(article), "--json", home=tmp_path / "home", db=real_db_path)
    lines = [json.loads(line) for line in outcome.stdout.splitlines()]
    by_token = {line["token"]: line["analyses"] for line in lines}
    visit = next(a for a in by_token["زيارته"] if a["lex"] == "زِيارَة")
    assert (visit["wazn"], visit["radicals"]) == ("فِعالَة", "ز و ر")
    assert visit["pattern"].startswith("1ِيا3َت")  # the database's, unchanged
    side = next(a for a in by_token["بالجانب"] if a["lex"] == "جانِب")
    assert (side["wazn"], side["radicals"]) == ("فاعِل", "ج ن ب")
    meeting = next(a for a in by_token["لقائهما"] if a["lex"] == "لِقاء")
    assert (meeting["wazn"], meeting["radicals"]) == ("فِعال", "ل ق ي")
    that = next(a for a in by_token["أنّ"] if a["pos"] == "conj_sub" and a["root"] == "#.ن.ن")
    assert (that["wazn"], that["radicals"]) == ("", "ء ن ن")


@pytest.mark.parametrize(("word", "lex"), [("مد", "مَدّ"), ("مهم", "مُهِمّ"), ("قاض", "قاضِي")])
def test_a_radical_the_stem_does_not_write_leaves_no_wazn_rather_than_a_wrong_one(
    morphology, word, lex
):
    """مَدّ is فَعْل and قاضٍ فاعٍ in the grammars: the rule that places radicals in
    the written stem cannot say so, and says nothing (it said فَعّ and فاع)."""
    assert _reading(morphology, word, lex).wazn == ""
