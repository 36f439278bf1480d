"""The morphology layer on a tiny database the tests write themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.morphology.analyzer import Morphology
from reader.morphology.database.loader import load_database
from reader.morphology.database.locate import add_tokenizations_section, check_structure
from reader.morphology.errors import CorruptDatabaseError
from reader.morphology.ranking.score import Context
from reader.text import document_from_text
from tests.core.tinydb import write_tiny_db


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Morphology:
    path = write_tiny_db(tmp_path_factory.mktemp("tiny") / "tiny.db")
    return Morphology.load(path)


def test_loader_adds_the_tokenizations_section_and_parses(tmp_path: Path) -> None:
    path = write_tiny_db(tmp_path / "tiny.db")
    assert "###TOKENIZATIONS###" not in path.read_text(encoding="utf-8")
    database = load_database(path)
    assert "d3tok" in database.tok_feats()
    assert "كتاب" in database.stem_hash
    assert len(database.stem_hash) == 7  # distinct stem keys, NOAN included


def test_lazy_stems_equal_camel_tools_own_parse(tmp_path: Path) -> None:
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    path = write_tiny_db(tmp_path / "tiny.db")
    patched = tmp_path / "patched.db"
    patched.write_text(add_tokenizations_section(path.read_text("utf-8")), "utf-8")
    ours, theirs = Analyzer(load_database(path)), Analyzer(MorphologyDB(str(patched)))
    for word in ["كتاب", "والكتاب", "بوتين", "الخارجية", "وقال", "كتابه", "غريب"]:
        assert ours.analyze(word) == theirs.analyze(word), word


def test_tokenization_line_lists_only_defined_features() -> None:
    text = add_tokenizations_section(
        "###DEFINES###\nDEFINE diac diac:*open*\n###DEFAULTS###\n###ORDER###\n"
        "ORDER diac\n###STEMBACKOFF###\n"
    )
    line = text.split("###TOKENIZATIONS###\n")[1].splitlines()[0]
    assert line == "TOKENIZATION diac"


def test_structure_check_rejects_a_truncated_database(tmp_path: Path) -> None:
    text = add_tokenizations_section(write_tiny_db(tmp_path / "t.db").read_text("utf-8"))
    check_structure(text)
    with pytest.raises(CorruptDatabaseError, match="TABLE AB"):
        check_structure(text.split("###TABLE AB###")[0])


def test_a_truncated_file_is_a_clear_error(tmp_path: Path) -> None:
    path = write_tiny_db(tmp_path / "t.db")
    path.write_text(path.read_text("utf-8").split("###STEMS###")[0], "utf-8")
    with pytest.raises(CorruptDatabaseError, match="STEMS"):
        load_database(path)


def test_frequency_ranks_the_proper_name_above_a_clitic_reading(tiny: Morphology) -> None:
    readings = tiny.analyze_word("بوتين")
    assert [r.lemma_gloss for r in readings] == ["Putin", "aorta"]
    assert readings[0].pos == "noun_prop" and readings[0].pos_label == "proper noun"
    assert readings[1].segmentation == "بِ + وَتِين"
    assert readings[1].segment_glosses == "by/with + aorta"


def test_case_variants_collapse_into_one_reading(tiny: Morphology) -> None:
    readings = tiny.analyze_word("كتاب")
    assert len(readings) == 1
    assert set(readings[0].case_variants) == {"كِتاب", "كِتابِ"}
    assert readings[0].diac == "كِتاب"  # unmarked form out of context


def test_after_a_preposition_the_genitive_variant_leads(tiny: Morphology) -> None:
    best = tiny.analyze_word("كتاب", Context.AFTER_PREPOSITION)[0]
    assert best.diac == "كِتابِ"
    assert best.features["case"] == "genitive"


def test_construct_rule_picks_the_noun_after_a_bare_noun(tiny: Morphology) -> None:
    document = document_from_text("وزير الخارجية")
    token = document.tokens[1]
    assert tiny.context_of(document, token) is Context.CONSTRUCT
    best = tiny.analyze_token(document, token)[0]
    assert (best.pos, best.lemma_gloss) == ("noun", "foreign ministry")
    alone = tiny.analyze_word("الخارجية")[0]
    assert alone.pos == "adj"


def test_segments_and_features_of_a_cliticised_word(tiny: Morphology) -> None:
    best = tiny.analyze_word("والكتاب")[0]
    assert [(s.form, s.role) for s in best.segments] == [
        ("وَ", "proclitic"),
        ("ال", "proclitic"),
        ("كِتاب", "stem"),
    ]
    assert best.segment_glosses == "and + the + book"
    assert best.lemma == "كِتاب" and best.lex == "كِتاب"
    assert best.translit["buckwalter"].startswith("waAl")


def test_enclitic_pronoun_is_its_own_segment(tiny: Morphology) -> None:
    best = tiny.analyze_word("كتابه")[0]
    assert [s.role for s in best.segments] == ["stem", "enclitic"]
    assert best.segments[-1].gloss == "its/his"


def test_verb_reading_has_form_and_plain_features(tiny: Morphology) -> None:
    best = tiny.analyze_word("وقال")[0]
    assert best.pos == "verb" and best.verb_form == "I"
    assert best.features["aspect"] == "perfective (past)"
    assert "mood" not in best.features  # the past has no mood
    assert best.segment_glosses == "and + he/it said"


def test_unknown_word_gets_a_marked_name_guess(tiny: Morphology) -> None:
    readings = tiny.analyze_word("غريب")
    assert readings, "an Arabic word never gets an empty answer"
    assert readings[0].is_guess and readings[0].source == "guess"
    assert "probably a name" in readings[0].pos_label
    assert readings[0].translit["buckwalter"] == "gryb"
    # An attested spelling of the name (arabic-name-romanizer's index), not letters.
    assert readings[0].lemma_gloss == "Gharib"


def test_a_name_no_source_knows_gets_a_guessed_spelling(tiny: Morphology) -> None:
    from reader.morphology.names.spelling import spell

    readings = tiny.analyze_word("بولشغال")
    # The spelling model's guess; a foreign name's غ is spelt G.
    assert readings[0].is_guess and readings[0].lemma_gloss == spell("بولشغال")
    assert readings[0].lemma_gloss.startswith("Bolsh") and "g" in readings[0].lemma_gloss


def test_tatweel_is_ignored_for_lookup(tiny: Morphology) -> None:
    document = document_from_text("كتـــاب")
    token = document.tokens[0]
    assert "\u0640" in token.text
    assert tiny.analyze_token(document, token)[0].lemma_gloss == "book"


def test_document_analysis_uses_the_cache_per_surface_form(tiny: Morphology) -> None:
    tiny.clear_cache()
    document = document_from_text("كتاب، كتاب، 2015 وزير")
    analysis = tiny.analyze_document(document)
    kinds = [str(t.kind) for t in document.tokens]
    assert kinds == ["arabic", "punct", "arabic", "punct", "number", "arabic"]
    assert analysis.readings[1] == () and analysis.readings[4] == ()
    assert analysis.readings[0] is analysis.readings[2]  # one cached answer
    assert tiny.cache_size == 2


def test_json_record_has_the_documented_keys(tiny: Morphology) -> None:
    record = tiny.analyze_word("بوتين")[0].to_json()
    assert set(record) >= {
        "diac",
        "lex",
        "lemma",
        "lemma_gloss",
        "gloss",
        "pos",
        "pos_label",
        "root",
        "pattern",
        "verb_form",
        "features",
        "segments",
        "translit",
        "source",
    }
    assert record["segments"] == [{"form": "بُوتِين", "gloss": "Putin", "role": "stem"}]
