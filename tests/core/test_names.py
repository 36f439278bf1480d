"""Names on the real database and the real libraries (no mocks, no network)."""

from __future__ import annotations

import socket

import pytest

from reader.morphology.names import clitics
from reader.morphology.names import sources as names


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("names must not reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_cldr_countries_with_and_without_article():
    assert names.known_name("الجزائر") == names.Name("Algeria", "cldr")
    assert names.known_name("جزائر") == names.Name("Algeria", "cldr")
    assert names.known_name("فرنسا").english == "France"
    assert names.known_name("الولايات المتحدة").english == "United States"


def test_attested_spelling():
    assert names.attested("أوباما") == "Obama"
    # arabnamer's list of English spellings comes first where it has the name:
    # Wikidata's attestations spell كوتون the French way.
    assert names.known_name("أوباما") == names.Name("Obama", "dictionary")
    assert names.attested("كوتون") != "Cotton"
    assert names.known_name("كوتون") == names.Name("Cotton", "dictionary")
    # A name only the attested index has keeps its attested spelling.
    assert names.dictionary_index().get("مصطفي") is None
    assert names.known_name("مصطفى") == names.Name("Mustafa", "attested")


def test_clitic_split():
    prefix, _gloss, stem, found = clitics.split_name("لأوباما")
    assert (prefix, stem, found.english) == ("ل", "أوباما", "Obama")


def test_analyzer_splits_clitic_and_names_stem(morphology):
    best = morphology.analyze_word("لأوباما")[0]
    assert best.lemma_gloss == "Obama"
    assert best.source == "guess"
    assert [s.role for s in best.segments] == ["proclitic", "stem"]


def test_common_words_stay_common(morphology):
    for word, gloss in (("كتاب", "book"), ("بيت", "house")):
        best = morphology.analyze_word(word)[0]
        assert best.source != "guess"
        assert gloss in best.lemma_gloss


# -- names of several words, in a document ------------------------------------------


def _names(morphology, text):
    from reader.text import document_from_text

    document = document_from_text(text)
    analysis = morphology.analyze_document(document, vocalize=False)
    return document, analysis


def _span_of(document, analysis, word):
    token = next(t for t in document.tokens if t.text == word)
    return analysis.name_at(token.index)


def test_cldr_name_of_two_words_is_one_span_behind_proclitics(morphology):
    document, analysis = _names(morphology, "وصل الوفد إلى الولايات المتحدة ثم وبالأمم المتحدة أمس")
    states = _span_of(document, analysis, "الولايات")
    assert (states.english, states.source, states.arabic) == (
        "United States",
        "cldr",
        "الولايات المتحدة",
    )
    assert states.end - states.start == 2
    assert _span_of(document, analysis, "المتحدة") == states
    nations = _span_of(document, analysis, "وبالأمم")
    assert nations.english == "United Nations"
    assert morphology.names(document) == analysis.names


def test_acronym_in_letter_names_and_that_is_not_a_letter(morphology):
    document, analysis = _names(
        morphology, "قالت بي بي سي إن الحكومة استقالت وذكرت سي إن إن أن الرئيس وصل"
    )
    bbc = _span_of(document, analysis, "بي")
    assert (bbc.english, bbc.source, bbc.end - bbc.start) == ("BBC", "acronym", 3)
    # The إن after بي بي سي is "that", not the letter N.
    assert _span_of(document, analysis, "إن") is None
    assert [s.english for s in analysis.names if s.source == "acronym"] == ["BBC", "CNN"]


def test_a_person_after_a_title_takes_attested_spellings(morphology):
    document, analysis = _names(morphology, "قال الرئيس بشار الأسد إن الحرب طويلة")
    span = _span_of(document, analysis, "بشار")
    assert span.arabic == "بشار الأسد" and span.english.startswith("Bashar ")
    best = analysis.best(span.start)
    assert best.pos == "noun_prop" and best.lemma_gloss == "Bashar"
    # The title is not part of the name; the words after the name are not names.
    assert _span_of(document, analysis, "الرئيس") is None
    assert _span_of(document, analysis, "الحرب") is None


def test_a_title_and_its_adjective_are_not_names(morphology):
    document, analysis = _names(morphology, "قال وزير الخارجية الأمريكي إن الرئيس الروسي وصل")
    assert analysis.names == ()


def test_a_name_keeps_one_reading_through_the_document(morphology):
    text = "وصل جون كيري إلى موسكو. وقال كيري إن الزيارة مهمة. ثم غادر كيري."
    document, analysis = _names(morphology, text)
    kerry = [t.index for t in document.tokens if t.text == "كيري"]
    glosses = {analysis.best(i).lemma_gloss for i in kerry}
    assert len(glosses) == 1 and "bellows" not in glosses.pop()
    assert all(analysis.best(i).pos == "noun_prop" for i in kerry)
    spans = [analysis.name_at(i) for i in kerry]
    assert spans[0].arabic == "جون كيري"
    assert {s.english for s in spans[1:]} == {spans[0].english.split()[-1]}


def test_a_preposition_is_not_read_as_a_name_met_elsewhere_in_the_document(morphology):
    # علي is a name here; على ("on") further on is the preposition, not "Ali":
    # the document's name is no evidence against a function word, and ى is not ي.
    text = "وصل الرئيس علي حسن إلى القاهرة. وقال إنه يعتمد على الحوار."
    document, analysis = _names(morphology, text)
    assert _span_of(document, analysis, "علي").english == "Ali Hassan"
    on = next(t.index for t in document.tokens if t.text == "على")
    assert analysis.best(on).pos == "prep" and analysis.name_at(on) is None


def test_a_common_word_is_not_read_as_a_name_met_elsewhere_in_the_document(morphology):
    # تنظيم is a surname after أحمد; the first تنظيم, "organisation", stays one.
    text = "قال اللاعب إن تنظيم الدولة هاجم أحمد تنظيم في بيته."
    document, analysis = _names(morphology, text)
    first, second = (t.index for t in document.tokens if t.text == "تنظيم")
    assert analysis.name_at(second).arabic == "أحمد تنظيم"
    assert analysis.best(first).pos == "noun" and analysis.name_at(first) is None


def test_a_verb_before_ala_is_no_name(morphology):
    document, analysis = _names(morphology, "حافظ على موقفه.")
    on = next(t.index for t in document.tokens if t.text == "على")
    assert analysis.names == ()
    assert analysis.best(on).pos == "prep"


def test_a_name_with_ali_is_still_found(morphology):
    document, analysis = _names(morphology, "التقى محمد علي بالوزير.")
    assert _span_of(document, analysis, "محمد").english == "Mohamed Ali"


def test_names_off_gives_no_spans(morphology):
    from reader.text import document_from_text

    document = document_from_text("وصل الوفد إلى الولايات المتحدة")
    morphology.use_names = False
    morphology.clear_cache()
    try:
        assert morphology.analyze_document(document, vocalize=False).names == ()
    finally:
        morphology.use_names = True
        morphology.clear_cache()


def test_a_country_written_bare_is_the_country(morphology):
    best = morphology.analyze_word("روسيا")[0]
    assert (best.pos, best.lemma_gloss) == ("noun_prop", "Russia")
    # The adjective stays the adjective where it is written as one.
    assert morphology.analyze_word("مالي")[0].pos != "noun_prop"


def test_analyze_json_carries_the_name_span(real_db_path, tmp_path, capsys, monkeypatch):
    import json

    from reader.cli import main as cli

    article = tmp_path / "news.txt"
    article.write_text("وصل الوفد إلى الولايات المتحدة أمس.", encoding="utf-8")
    monkeypatch.setenv("ARABIC_READER_MORPH_DB", str(real_db_path))
    assert cli.main(["analyze", str(article), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    named = [i for i, line in enumerate(lines) if "name" in line]
    assert [lines[i]["token"] for i in named] == ["الولايات", "المتحدة"]
    name = lines[named[0]]["name"]
    assert name == lines[named[1]]["name"]
    assert (name["start"], name["end"]) == (named[0], named[1] + 1)
    assert (name["english"], name["source"], name["arabic"]) == (
        "United States",
        "cldr",
        "الولايات المتحدة",
    )
    # Existing fields are unchanged.
    assert {"token", "start", "end", "kind", "analyses"} <= set(lines[named[0]])


def test_a_month_of_two_words_is_one_name(morphology):
    document, analysis = _names(morphology, "وصل في كانون الثاني وغادر في تشرين الأول")
    january = _span_of(document, analysis, "كانون")
    assert (january.english, january.source, january.arabic) == (
        "January",
        "cldr",
        "كانون الثاني",
    )
    assert _span_of(document, analysis, "تشرين").english == "October"
    # The stove (كانون) alone is no month.
    document, analysis = _names(morphology, "اشترى كانون جديدا")
    assert _span_of(document, analysis, "كانون") is None


def test_a_city_geonames_knows(morphology):
    assert names.known_name("بلانو") == names.Name("Plano", "geonames")
    best = morphology.analyze_word("بلانو")[0]
    assert (best.pos, best.lemma_gloss, best.source) == ("noun_prop", "Plano", "guess")
    # Behind a proclitic too.
    assert morphology.analyze_word("وسندرلاند")[0].lemma_gloss == "Sunderland"


def test_a_city_of_several_words_geonames_knows(morphology):
    """كيب تاون is one name, Cape Town, also behind a preposition; its first
    word alone is GeoNames' town of Kep, which it must not become."""
    assert names.known_name("كيب").english == "Kep"
    document, analysis = _names(morphology, "سافر إلى كيب تاون ثم عاد لكيب تاون وبيفرلي هيلز")
    spans = [s for s in analysis.names if "كيب" in s.arabic or "هيلز" in s.arabic]
    assert [(s.arabic, s.english, s.source, s.prefix) for s in spans] == [
        ("كيب تاون", "Cape Town", "geonames", ""),
        ("لكيب تاون", "Cape Town", "geonames", "ل"),
        ("وبيفرلي هيلز", "Beverly Hills", "geonames", "و"),
    ]
    assert spans[1].bare == "كيب تاون"


def test_a_foreign_name_from_arabnamers_list(morphology):
    assert names.known_name("ويلر") == names.Name("Wheeler", "dictionary")
    assert morphology.analyze_word("ويلر")[0].lemma_gloss == "Wheeler"
    # A spelling the list gives two English names is not guessed between.
    assert names.known_name("ميليس") is None


def test_a_word_of_a_persons_name_is_no_town(morphology):
    # GeoNames spells the Italian town of Chieri كيري; after جون it is a surname.
    assert names.known_name("كيري").source == "geonames"
    document, analysis = _names(morphology, "وصل جون كيري إلى موسكو")
    span = _span_of(document, analysis, "جون")
    assert span.arabic == "جون كيري" and "Chieri" not in span.english
    assert names.known_name("كيري", places=False) is None
    # The word itself, after a name, and its English say the same.
    kerry = analysis.best(span.start + 1)
    assert kerry.pos == "noun_prop" and "Chieri" not in (kerry.lemma_gloss + kerry.english)
    from reader.morphology.ranking.score import Context

    alone = morphology.analyze_word("كيري", Context.AFTER_NAME)[0]
    assert alone.is_guess and alone.lemma_gloss == kerry.lemma_gloss


def test_a_name_the_dictionary_knows_only_spelt_otherwise(morphology):
    """أنجيلا is in the dictionary only as إنجيلا ("gospel"): its name is offered
    after the readings, and read as the name after a title, never elsewhere."""
    from reader.morphology.ranking.score import spelt_otherwise

    raw, _built = morphology._raw_analyses("أنجيلا")
    assert spelt_otherwise(raw)
    readings = morphology.analyze_word("أنجيلا")
    assert "gospel" in readings[0].lemma_gloss  # the dictionary's reading stays first
    assert readings[-1].is_guess and readings[-1].lemma_gloss == "Angela"

    document, analysis = _names(morphology, "التقى الوزير المستشارة أنجيلا ميركل في برلين")
    span = _span_of(document, analysis, "أنجيلا")
    assert span.arabic == "أنجيلا ميركل" and span.english.startswith("Angela ")
    assert analysis.best(span.start).lemma_gloss == "Angela"
    # Outside a name's context the word is read as the dictionary reads it.
    document, analysis = _names(morphology, "قرأ أنجيلا")
    assert _span_of(document, analysis, "أنجيلا") is None


def test_a_word_spelt_as_written_in_the_dictionary_gets_no_name(morphology):
    # إنجيل is the dictionary's own spelling: no name is offered beside it.
    assert not any(r.is_guess for r in morphology.analyze_word("الإنجيل"))


def test_a_place_written_bare_beside_its_adjective(morphology):
    """بريطانيا bare is Britain (CLDR names the country المملكة المتحدة), not
    بريطانيًّا, "British" in the accusative; the adjective stays a reading."""
    assert "بريطانيا" not in names.cldr_index()
    readings = morphology.analyze_word("بريطانيا")
    assert (readings[0].pos, readings[0].lemma_gloss) == ("noun_prop", "Britain")
    assert any(r.pos == "adj" and "British" in r.lemma_gloss for r in readings)
    # A word that is only an accusative, with no place of its letters, is left alone.
    assert morphology.analyze_word("كتابا")[0].pos == "noun"


def test_li_before_a_place_is_to_not_an_emphatic_la(morphology):
    """لروسيا is لِ + Russia, not لَ ("indeed") + the dual of Russian."""
    best = morphology.analyze_word("لروسيا")[0]
    assert best.pos == "noun_prop" and best.lemma_gloss == "Russia"
    assert [(s.form, s.role) for s in best.segments] == [("لِ", "proclitic"), ("رُوسِيا", "stem")]
    assert best.english == "for Russia"


def test_a_places_name_after_a_persons_name_is_a_surname(morphology):
    """كاميرون is Cameroon in CLDR and in the dictionary; after ديفيد it is
    Cameron, and so is every bare كاميرون of the document. With its article it
    is still the country, and after a word that is also a common noun (جبل,
    "mountain") a place stays a place."""
    assert names.known_name("كاميرون").english == "Cameroon"
    text = "قال ديفيد كاميرون إن كاميرون زار الكاميرون. وصعدوا جبل كينيا."
    document, analysis = _names(morphology, text)
    span = _span_of(document, analysis, "ديفيد")
    assert span.arabic == "ديفيد كاميرون" and span.english == "David Cameron"
    surname = analysis.best(span.start + 1)
    assert (surname.lemma_gloss, surname.english) == ("Cameron", "Cameron")
    alone = [t for t in document.tokens if t.text == "كاميرون"][1]
    assert analysis.best(alone.index).lemma_gloss == "Cameron"
    country = next(t for t in document.tokens if t.text == "الكاميرون")
    assert "Cameroon" in analysis.best(country.index).lemma_gloss
    mountain, kenya = (next(t for t in document.tokens if t.text == w) for w in ("جبل", "كينيا"))
    # No person "Jabal Kenya": neither word is in a name, جبل is the mountain, كينيا the country.
    assert analysis.name_at(mountain.index) is None and analysis.name_at(kenya.index) is None
    assert "mountain" in analysis.best(mountain.index).lemma_gloss
    assert analysis.best(kenya.index).lemma_gloss.startswith("Kenya")


def test_a_dictionary_place_takes_cldrs_name_as_written_here(morphology):
    """The dictionary spells its lemma هُولانْدا and glosses it "Holland"; CLDR
    names هولندا, as the word is written, the Netherlands."""
    best = morphology.analyze_word("هولندا")[0]
    assert "هولاندا" not in names.cldr_index()
    assert (best.pos, best.lemma_gloss, best.english) == ("noun_prop", "Netherlands", "Netherlands")
    # A common noun is never renamed.
    assert morphology.analyze_word("كتاب")[0].pos == "noun"


def test_a_word_of_the_dictionary_the_corpus_never_counted_is_no_surname(morphology):
    """أربعة ("four"), ثلاث and ليس have no frequency in the database, like a
    foreign name; after a name they stay what they are. كيري, which the
    dictionary has only as كِير + ي ("my bellows"), is still read as a surname."""
    from reader.morphology.ranking.score import may_be_name, never_seen

    raw, _built = morphology._raw_analyses("أربعة")
    assert never_seen(raw) and not may_be_name(raw)
    document, analysis = _names(morphology, "التقى بوتين أربعة وزراء وليس ثلاث. ووصل جون كيري.")
    for word, lemma in (("أربعة", "أَرْبَع"), ("ثلاث", "ثَلاث"), ("وليس", "لَيْسَ")):
        token = next(t for t in document.tokens if t.text == word)
        assert analysis.name_at(token.index) is None, word
        assert analysis.best(token.index).lex == lemma, word
    kerry = _span_of(document, analysis, "جون")
    assert kerry.arabic == "جون كيري"


def test_a_name_no_source_knows_is_spelt_by_the_spelling_model(morphology):
    """كولورادو is in no list of names: the spelling model guesses Colorado
    (letter by letter it was Kolorado), also behind a clitic, marked a guess."""
    from reader.morphology.names.guess import romanize_name

    assert names.known_name("كولورادو") is None
    assert romanize_name("كولورادو") == "Kolorado"
    for word in ("كولورادو", "وكولورادو"):
        best = morphology.analyze_word(word)[0]
        assert best.is_guess and best.lemma_gloss == "Colorado", word
    # A word the model cannot spell (a Persian letter) is still spelt letter by letter.
    assert morphology.analyze_word("پاریس")[0].lemma_gloss


def test_a_name_spelt_exactly_as_written_before_a_word_missing_its_hamza(morphology):
    """رايت is the dictionary's Wright as written; رأيت ("I saw") needs a hamza
    the author did not write. With the hamza written, it is the verb."""
    best = morphology.analyze_word("رايت")[0]
    assert (best.pos, best.source) == ("noun_prop", "lexicon") and "Wright" in best.lemma_gloss
    assert any(
        r.pos == "verb" and r.source == "spelling variant" for r in morphology.analyze_word("رايت")
    )
    assert morphology.analyze_word("رأيت")[0].pos == "verb"


def test_a_listed_name_the_dictionary_has_only_in_parts_is_read_as_the_name(morphology):
    """سيمون is only سَ + يُمَوِّن ("he will supply") in the dictionary, آندي only
    أَنْدَى spelt otherwise, and the corpus never saw either: a list of names has
    them as written, so they are Simon and Andy, the dictionary's readings after.
    A word with the article (البط, "the duck") or a whole dictionary word (شاي,
    "tea"; ست, "six") stays the word."""
    from reader.morphology.ranking.score import may_be_name

    for word, english in (("سيمون", "Simon"), ("آندي", "Andy")):
        raw, _built = morphology._raw_analyses(word)
        assert may_be_name(raw), word
        readings = morphology.analyze_word(word)
        assert readings[0].is_guess and readings[0].lemma_gloss == english, word
        assert any(not r.is_guess for r in readings[1:]), word
    assert clitics.written_with_article("البط") and clitics.written_with_article("وللأمم")
    for word in ("البط", "شاي", "ست"):
        assert not morphology.analyze_word(word)[0].is_guess, word


def test_a_word_behind_a_preposition_after_a_name_is_no_guessed_surname(morphology):
    # لكل is لِ + كُلّ "for every", not part of a name "Buddha Lakel".
    document, analysis = _names(morphology, "قال إن بوذا لكل الناس.")
    assert _span_of(document, analysis, "بوذا") is None
    assert _span_of(document, analysis, "لكل") is None


def test_in_written_twice_is_no_acronym(morphology):
    document, analysis = _names(morphology, "يعيش في في المدينة.")
    assert analysis.names == ()
    document, analysis = _names(morphology, "وصلت شبكة سي إن إن إلى المدينة.")
    assert _span_of(document, analysis, "سي").english == "CNN"
