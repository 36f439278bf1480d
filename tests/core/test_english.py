"""Analysis.english on the real analyzer and database: English that reads as English.

Most tests pick the reading with the expected features out of all readings, so
they test the renderer, not the ranking; a few go through the best reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.morphology.analyzer import Morphology
from reader.morphology.english import english, first_sense
from reader.morphology.records import Analysis
from reader.text import load_document


def _reading(morphology: Morphology, word: str, **wanted: str) -> Analysis:
    """The first reading of ``word`` whose diac / lex / pos / plain features match."""
    readings = morphology.analyze_word(word)
    for reading in readings:
        fields = {"diac": reading.diac, "lex": reading.lex, "pos": reading.pos}
        fields.update(reading.features)
        if all(fields.get(key.replace("_", " ")) == value for key, value in wanted.items()):
            return reading
    raise AssertionError(f"no reading of {word} with {wanted}: {[r.diac for r in readings]}")


def _best_in(tmp_path: Path, morphology: Morphology, sentence: str, word: str) -> Analysis:
    path = tmp_path / "sentence.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    document = load_document(path)
    token = next(token for token in document.tokens if token.text == word)
    # The reading shown once the sentence's vowels have been weighed in.
    return morphology.analyze_document(document).readings[token.index][0]


@pytest.mark.parametrize(
    ("word", "wanted", "expected"),
    [
        ("زارت", {"diac": "زارَت"}, "she visited"),
        ("رأيت", {"diac": "رَأَيْتُ"}, "I saw"),
        ("سيزورون", {"lex": "زار"}, "they will visit"),
        ("اجتماعهم", {"pos": "noun"}, "their meeting"),
        ("لرياضتنا", {"diac": "لِرِياضَتِنا"}, "for our sport"),
        ("أصابعه", {"pos": "noun"}, "his fingers"),
        ("والوزراء", {"pos": "noun"}, "and the ministers"),
        ("بهم", {"pos": "prep"}, "with them"),
        ("زارته", {"diac": "زارَتْهُ"}, "she visited him/it"),
        ("قل", {"lex": "قال"}, "say!"),
        ("الاجتماعين", {"pos": "noun"}, "the two meetings"),
        ("موسكو", {"pos": "noun_prop"}, "Moscow"),
        # ليس, "not" in the database, is the negative copula: "is not", never "notted".
        ("ليس", {"diac": "لَيْسَ"}, "he/it is not"),
        ("ليست", {"diac": "لَيْسَت"}, "it/she is not"),
        ("ليسوا", {"diac": "لَيْسُوا"}, "they are not"),
        ("لست", {"diac": "لَسْتُ"}, "I am not"),
        # The conjunction on a verb is said too; brackets in a gloss stay whole.
        ("وقال", {"lex": "قال"}, "and he said"),
        ("فزارته", {"diac": "فَزارَتْهُ"}, "so she visited him/it"),
        ("قد", {"lex": "قَدْ", "pos": "part_verb"}, "has"),
        ("دوريات", {"pos": "noun"}, "leagues (sports)"),
        ("يعيد", {"lex": "أَعاد"}, "he does again"),
        # A broken plural keeps the database's own gloss: بلاد is "country" (a
        # singular idea), تقارير "reports".
        ("بلاده", {"pos": "noun"}, "his country"),
        ("تقارير", {"pos": "noun"}, "reports"),
        ("دول", {"pos": "noun", "number": "plural"}, "states"),
    ],
)
def test_rendering_of_one_reading(morphology, word, wanted, expected) -> None:
    assert _reading(morphology, word, **wanted).english == expected


def test_passives(morphology) -> None:
    # CALIMA-star r13 has no passive perfective of أعلن (only أُعْلَن, imperfective 1s):
    # the past passive is tested on نُشِر, which is glossed "be_published;be_announced".
    reading = _reading(morphology, "نشر", voice="passive", aspect="perfective (past)")
    assert reading.english in ("it was published", "he was published")
    reading = _reading(morphology, "يعلن", diac="يُعْلَن")
    assert reading.english in ("it is announced", "he is announced")
    reading = _reading(morphology, "قتلت", diac="قُتِلَت")
    assert reading.english == "she was killed"


def test_passive_imperfective() -> None:
    features = {"pos": "verb", "asp": "i", "per": "3", "gen": "m", "num": "s", "vox": "p"}
    assert english(features, "be_announced;be_declared") == "he is announced"
    assert english({**features, "gen": "f"}, "announce") == "she is announced"


def test_moods_dual_and_object_placement() -> None:
    verb = {"pos": "verb", "asp": "i", "per": "3", "gen": "m", "num": "s", "vox": "a"}
    assert english({**verb, "mod": "s"}, "see;think") == "to see"
    assert english({**verb, "mod": "i"}, "see") == "he sees"
    assert english({**verb, "num": "p", "mod": "i"}, "see") == "they see"
    past = {**verb, "asp": "p", "num": "d"}
    assert english(past, "visit") == "they (two) visited"
    # Multi-word glosses: the first word inflects, the object follows its particle.
    called = english({**verb, "asp": "p", "enc0": "3ms_dobj"}, "call_on;visit")
    assert called == "he called on him/it"
    assert english({**verb, "asp": "p"}, "take_place") == "he took place"
    # A gloss that is already inflected ("was") is inflected from its base form.
    assert english({**verb, "asp": "p", "gen": "f"}, "was;were") == "she was"
    assert english({**verb, "mod": "i"}, "is") == "he is"


def test_adjectives_are_not_pluralised() -> None:
    features = {"pos": "adj", "num": "p", "prc0": "Al_det", "prc2": "wa_conj"}
    assert english(features, "big;large") == "and big"


def test_names_keep_their_article_only_if_the_gloss_has_it() -> None:
    assert english({"pos": "noun_prop", "prc0": "Al_det"}, "Kremlin") == "Kremlin"
    assert english({"pos": "noun_prop", "prc2": "wa_conj"}, "the_Kremlin") == "and the Kremlin"


def test_never_empty() -> None:
    assert english({"pos": "noun", "gloss": "x"}, "") == "x"
    assert english({"pos": "verb"}, "[part.]") != ""
    assert first_sense("with;by_+_them_[masc.pl.]") == "with"


def test_best_readings_in_a_sentence(tmp_path, morphology) -> None:
    assert _best_in(tmp_path, morphology, "زارت الوزيرة موسكو أمس.", "زارت").english == (
        "she visited"
    )
    assert _best_in(tmp_path, morphology, "رأيت الوزير في موسكو.", "رأيت").english == "I saw"
    best = _best_in(tmp_path, morphology, "سيزورون موسكو غدا.", "سيزورون")
    assert best.english == "they will visit"


def test_to_json_carries_english(morphology) -> None:
    reading = _reading(morphology, "اجتماعهم", pos="noun")
    data = reading.to_json()
    assert data["english"] == "their meeting"


def test_default_article_reads_as_english(morphology, default_article_path) -> None:
    document = load_document(default_article_path)
    analysis = morphology.analyze_document(document)
    bad = []
    arabic = list(document.arabic_tokens())
    assert len(arabic) > 400  # every word of the seed article, not none
    for token in arabic:
        best = analysis.best(token.index)
        assert best is not None, token.text
        # No database alternation leaks through; the pronoun's own "him/it" is meant.
        plain = best.english.replace("him/it", "").replace("her/it", "")
        if not best.english or "/" in plain or ";" in plain:
            bad.append((token.text, best.english))
    assert bad == []


def test_a_third_person_singular_object_says_both_persons_and_things() -> None:
    verb = {"pos": "verb", "per": "3", "gen": "m", "num": "s", "asp": "p", "vox": "a"}
    assert english({**verb, "enc0": "3fs_dobj"}, "exert") == "he exerted her/it"
    assert english({**verb, "enc0": "3mp_dobj"}, "exert") == "he exerted them"
    prep = {"pos": "prep", "enc0": "3ms_pron"}
    assert english(prep, "on;above") == "on him/it"
