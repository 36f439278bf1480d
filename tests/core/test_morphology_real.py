"""The real CALIMA-star database on the default article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.morphology.analyzer import Morphology
from reader.text import load_document


@pytest.fixture(scope="module")
def article(default_article_path: Path):
    return load_document(default_article_path)


@pytest.fixture(scope="module")
def analysis(morphology: Morphology, article):
    return morphology.analyze_document(article)


def _token(article, surface: str, after: str | None = None):
    for token in article.tokens:
        if token.text == surface:
            previous = article.tokens[token.index - 1].text if token.index else None
            if after is None or previous == after:
                return token
    raise AssertionError(f"{surface} not in the article")


def test_at_least_99_percent_of_words_have_a_lexicon_reading(analysis) -> None:
    known, total = analysis.coverage()
    assert total > 400
    assert known / total >= 0.99, f"{known}/{total}"


def test_every_arabic_word_has_an_answer(analysis, article) -> None:
    arabic = list(article.arabic_tokens())
    assert len(arabic) > 400  # every word of the seed article, not none
    for token in arabic:
        assert analysis.readings[token.index], token.text


def test_foreign_ministry_after_minister(morphology, article) -> None:
    token = _token(article, "الخارجية", after="وزير")
    best = morphology.analyze_token(article, token)[0]
    assert best.pos == "noun"
    assert best.lemma_gloss.startswith("foreign ministry")
    assert best.features.get("case") == "genitive"


def test_putin_is_the_proper_noun_not_bi_plus_aorta(morphology, article) -> None:
    best = morphology.analyze_token(article, _token(article, "بوتين"))[0]
    assert (best.pos, best.lemma_gloss) == ("noun_prop", "Putin")
    assert len(best.segments) == 1


def test_yasa_is_the_verb_strive(morphology, article) -> None:
    best = morphology.analyze_token(article, _token(article, "يسعى"))[0]
    assert best.pos == "verb" and "strive" in best.lemma_gloss
    assert best.verb_form == "I"
    assert best.features["aspect"] == "imperfective (present)"


def test_kremlin_is_an_honest_guess(morphology, article) -> None:
    readings = morphology.analyze_token(article, _token(article, "الكريملن"))
    assert readings[0].is_guess
    assert readings[0].segmentation == "ال + كريملن"
    assert readings[0].translit["buckwalter"] == "Alkrymln"


def test_after_qad_comes_a_verb(morphology) -> None:
    from reader.text import document_from_text

    document = document_from_text("قد يكون الحل قريبا")
    best = morphology.analyze_token(document, document.tokens[1])[0]
    assert best.pos == "verb"


def test_verb_forms_read_off_real_lemmas(morphology) -> None:
    expected = {"استقبل": "X", "التقى": "VIII", "تحدث": "V", "ناقش": "III", "انسحب": "VII"}
    for word, form in expected.items():
        verbs = [r for r in morphology.analyze_word(word) if r.pos == "verb"]
        assert verbs and verbs[0].verb_form == form, word


def test_lazy_loading_gives_exactly_camel_tools_answers(real_db_path, article, tmp_path) -> None:
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    from reader.morphology.database.errata import package_errata
    from reader.morphology.database.loader import load_database

    # camel-tools parses the same database with our errata written into it.
    text = real_db_path.read_text(encoding="utf-8")
    corrected = tmp_path / "corrected.db"
    corrected.write_text(package_errata().correct_database_text(text), encoding="utf-8")
    ours = Analyzer(load_database(real_db_path))
    theirs = Analyzer(MorphologyDB(str(corrected)))
    words = {t.lookup for t in article.arabic_tokens()} | {"يرى", "سنرى", "ثلاثين", "غال"}
    assert len(words) > 300
    for word in words:
        assert ours.analyze(word) == theirs.analyze(word), word


def test_offsets_slice_back_and_readings_align(analysis, article) -> None:
    assert len(analysis.readings) == len(article.tokens)
    for token in article.tokens:
        assert article.text[token.start : token.end] == token.text
        assert bool(analysis.readings[token.index]) == (token.kind == "arabic")


def test_vocalised_forms_keep_the_letters(analysis, article) -> None:
    # The best reading's diac, without vowels, spells the word as written
    # (hamza and alef forms aside): "Show vowels" must not change words.
    def letters(text: str) -> str:
        text = re.sub("[\u064b-\u065f\u0670\u0640]", "", text)
        return text.translate(str.maketrans("أإآٱىة", "اااايه"))

    mismatches = [
        t.text
        for t in article.arabic_tokens()
        if letters(analysis.best(t.index).diac) != letters(t.text)
    ]
    assert len(mismatches) <= 5, mismatches


def test_kerry_after_john_is_a_name_throughout_the_article(morphology, article) -> None:
    kerries = [t for t in article.tokens if t.text == "كيري"]
    assert len(kerries) > 3
    analysis = morphology.analyze_document(article)
    for token in kerries:
        readings = analysis.readings[token.index]
        # A hover's lookup orders the readings as the document does (the
        # document adds its evidence for the name, not another order).
        alone = morphology.analyze_token(article, token)
        assert [(r.lex, r.pos, r.diac) for r in readings] == [(r.lex, r.pos, r.diac) for r in alone]
        assert readings[0].is_guess and readings[0].pos == "noun_prop", token.start
        # The lexicon's own reading stays available to choose.
        assert any(not r.is_guess for r in readings)


def test_a_far_fetched_word_offers_the_name_reading_last(morphology) -> None:
    readings = morphology.analyze_word("كيري")
    assert not readings[0].is_guess
    assert readings[-1].is_guess and readings[-1].pos == "noun_prop"


@pytest.mark.parametrize(
    ("surface", "lemma_gloss_part", "why"),
    [
        ("ترك", "leave", "a 'you' enclitic reading is unlikely in news"),
        ("يمسك", "hold", "the same: not 'touch you'"),
        ("قبل", "before", "a preposition unseen in the frequency data is still common"),
        ("فضلًا", "in addition", "the adverb of فضلًا عن"),
        ("يجسّر", "encourage", "the writer's shadda rules out the form I reading"),
        ("رفضت", "reject", "third person, not 'I rejected'"),
    ],
)
def test_ranking_spot_checks(morphology, article, surface, lemma_gloss_part, why) -> None:
    token = _token(article, surface)
    best = morphology.analyze_token(article, token)[0]
    assert lemma_gloss_part in best.lemma_gloss, why
    if surface == "رفضت":
        assert best.features["person"] == "third person"
    if surface == "يجسّر":
        assert best.verb_form == "II"


def test_written_vowels_contradicting_a_reading() -> None:
    from reader.morphology.ranking.score import contradicts_vowels

    assert contradicts_vowels("يجسّر", "يَجْسُر")
    assert not contradicts_vowels("يجسّر", "يُجَسِّر")
    assert not contradicts_vowels("فضلًا", "فَضْلاً")  # tanween on the alef or before it
    assert not contradicts_vowels("كتب", "كَتَبَ")  # nothing written, nothing contradicted


def test_an_adjective_heading_a_construct_is_the_noun(morphology: Morphology) -> None:
    """جمهورية الصين is "the republic of China": the adjective جمهورية heading a
    construct is read as the noun of its lemma, with the sentence's vowels too.
    After a noun it qualifies (الحكومة الجمهورية) it stays the adjective."""
    from reader.text import document_from_text

    document = document_from_text(
        "أعلنت جمهورية الصين الشعبية ذلك. وقالت الحكومة الجمهورية الجديدة."
    )
    for vocalize in (False, True):
        analysis = morphology.analyze_document(document, vocalize=vocalize)
        head = analysis.best(_token(document, "جمهورية").index)
        assert (head.pos, head.lemma_gloss) == ("noun", "republic"), vocalize
        assert head.english == "republic"
        qualifying = analysis.best(_token(document, "الجمهورية").index)
        assert qualifying.pos == "adj", vocalize
