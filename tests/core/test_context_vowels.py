"""Vowels in context: the diacritizer reconciled with the dictionary, on the real database."""

from __future__ import annotations

import json
import re
import socket
import unicodedata

import pytest

from reader.morphology.analyzer import Morphology
from reader.morphology.vowels import marks as vowels
from reader.morphology.vowels import reconcile
from reader.morphology.vowels.diacritizer import Diacritizer, DiacritizerUnavailable
from reader.text import document_from_text, load_document

pytestmark = pytest.mark.realdb


def _analysed(morphology: Morphology, text: str):
    document = document_from_text(text)
    return document, morphology.analyze_document(document)


def _reading(morphology: Morphology, text: str, word: str):
    document, analysis = _analysed(morphology, text)
    token = next(t for t in document.tokens if t.text == word)
    return analysis.readings[token.index][0], analysis.vocalizations[token.index]


def test_the_diacritizer_keeps_the_authors_letters_and_adds_vowels() -> None:
    words = "قال الرئيس الروسي فلاديمير بوتين ان الاتفاق سيتم في الاسبوع المقبل".split()
    forms = Diacritizer().vocalize_words(words)
    assert len(forms) == len(words)
    for written, form in zip(words, forms, strict=True):
        assert vowels.letters_key(form) == vowels.letters_key(written)
        assert any(mark in vowels.VOWEL_MARKS for mark in form), form
    # A hamza it restores on a bare seat is written (ان -> إنّ, الاسبوع -> الأسبوع).
    assert forms[5].startswith("إ") and forms[9].startswith("الْأُ")


def test_the_diacritizer_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("the diacritizer reached for the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert Diacritizer().vocalize_words(["كتب", "الطالب", "الدرس"])[0] != "كتب"


def test_a_long_sentence_is_vocalised_in_pieces_without_losing_words() -> None:
    words = "وقال الوزير إن الحكومة ستعلن خطتها الجديدة غدا و".split() * 40
    forms = Diacritizer().vocalize_words(words)
    assert len(forms) == len(words)
    assert all(
        vowels.letters_key(f) == vowels.letters_key(w) for f, w in zip(forms, words, strict=True)
    )


def test_a_model_that_cannot_load_says_so() -> None:
    diacritizer = Diacritizer("no-such-model")
    with pytest.raises(DiacritizerUnavailable, match="no-such-model"):
        diacritizer.vocalize_words(["كتب"])


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "pos"),
    [
        # The commonest words: the sentence decides between readings the dictionary ranks wrong.
        ("وقال الوزير لكن الحكومة لم توافق على الخطة", "لكن", "لٰكِنّ", "conj"),
        ("وزار الرئيس كل المدن الكبرى في البلاد", "كل", "كُلّ", "noun"),  # not the imperative "eat!"
        ("وقال إن هذا الحل أفضل من الحرب", "أفضل", "أَفْضَل", "adj"),
        ("وقال إن الحكومة لا تريد الحرب", "إن", "إِنَّ", "verb_pseudo"),
        ("لا يمكن للجميع أن يترفعوا عن الأمر", "أن", "أَنْ", "conj_sub"),
        ("وأكد الوزير أن الحكومة ستعلن خطتها", "أن", "أَنَّ", "conj_sub"),
    ],
)
def test_the_sentence_decides_the_reading(
    morphology: Morphology, sentence: str, word: str, lemma: str, pos: str
) -> None:
    best, _vocalization = _reading(morphology, sentence, word)
    assert vowels.stem_comparable(best.lemma) == vowels.stem_comparable(lemma)
    assert best.pos == pos


def test_every_arabic_word_of_the_article_is_vocalised(
    morphology: Morphology, default_article_path
) -> None:
    document = load_document(default_article_path)
    analysis = morphology.analyze_document(document)
    forms = analysis.vocalized
    arabic = list(document.arabic_tokens())
    assert all(forms[t.index] for t in arabic)
    vocalised = [t for t in arabic if any(m in vowels.VOWEL_MARKS for m in forms[t.index])]
    assert len(vocalised) / len(arabic) > 0.98
    # Pronoun suffixes get their vowels too, and the letters stay the author's.
    for token in arabic:
        assert vowels.letters_key(forms[token.index]) == vowels.letters_key(token.lookup)
    assert all(forms[t.index] == "" for t in document.tokens if t.kind != "arabic")


def test_textbook_conventions_in_context(morphology: Morphology) -> None:
    document, analysis = _analysed(morphology, "وصل الرئيس إلى المدينة بالاتفاق مع الشركة")
    shown = {t.text: analysis.vocalized[t.index] for t in document.arabic_tokens()}
    assert shown["الرئيس"].startswith("الرَّ")  # shadda on the sun letter, the lam bare
    assert "اِ" not in shown["بالاتفاق"]  # no vowel on hamzat al-wasl
    assert shown["المدينة"].startswith("الْمَ")  # sukun on the lam before a moon letter


def test_the_ending_follows_the_reading(morphology: Morphology) -> None:
    # After a preposition the noun is genitive: the vowel model and the reading agree.
    _best, vocalization = _reading(morphology, "سافر الوزير إلى المدينة أمس", "المدينة")
    assert vowels.split_ending(vocalization.form)[1] == vowels.KASRA


def test_vocalising_a_chosen_reading_follows_that_reading(morphology: Morphology) -> None:
    document, analysis = _analysed(morphology, "وقال إن هذا الحل أفضل من الحرب")
    token = next(t for t in document.tokens if t.text == "أفضل")
    context_form = analysis.vocalizations[token.index].context_form
    # "I prefer" (أُفَضِّلُ), a reading the sentence's vowels do not support.
    verb = next(
        r
        for r in analysis.readings[token.index]
        if r.pos == "verb" and r.features.get("person") == "first person"
    )
    chosen = reconcile.vocalize(token.lookup, verb, context_form)
    assert chosen.source == reconcile.READING
    assert vowels.stem_comparable(chosen.form) == vowels.stem_comparable(verb.diac)
    assert chosen.note  # the pane says why the vowels differ from the model's


def test_a_word_not_in_the_dictionary_is_vocalised_by_the_model(morphology: Morphology) -> None:
    _best, vocalization = _reading(morphology, "وصل كيري إلى الكريملن أمس", "الكريملن")
    assert vocalization.source == reconcile.CONTEXT_ONLY
    assert any(m in vowels.VOWEL_MARKS for m in vocalization.form)
    assert vocalization.note


def test_without_the_diacritizer_the_readings_own_vowels(morphology: Morphology) -> None:
    document = document_from_text("وقال الوزير إن الحكومة ستعلن خطتها")
    plain = morphology.analyze_document(document, vocalize=False)
    assert plain.vocalizations == ()
    token = next(t for t in document.tokens if t.text == "الوزير")
    assert plain.vocalized[token.index] == vowels.textbook(
        vowels.on_written_letters(token.lookup, plain.readings[token.index][0].diac)
    )


def test_analyze_json_gains_vocalized(morphology, real_db_path, tmp_path, capsys, monkeypatch):
    from reader.cli import main as cli

    article = tmp_path / "news.txt"
    article.write_text("وقال الرئيس إن الاتفاق سيتم في الأسبوع المقبل.", encoding="utf-8")
    monkeypatch.setenv("ARABIC_READER_MORPH_DB", str(real_db_path))
    assert cli.main(["analyze", str(article), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    arabic = [line for line in lines if line["kind"] == "arabic"]
    assert arabic and all(line["vocalized"] for line in arabic)
    others = [line for line in lines if line["kind"] != "arabic"]
    assert others and all("vocalized" not in line for line in others)  # the full stop
    said = next(line for line in arabic if line["token"] == "الرئيس")
    assert said["vocalized"].startswith("الرَّئِيس")
    assert said["analyses"][0]["diac"]  # the analyzer's own form stays


def test_analyze_without_the_vowel_model_warns_and_still_answers(
    real_db_path, tmp_path, capsys, monkeypatch
) -> None:
    import sys

    from reader.cli import main as cli

    article = tmp_path / "news.txt"
    article.write_text("وقال الرئيس إن الاتفاق سيتم.", encoding="utf-8")
    monkeypatch.setenv("ARABIC_READER_MORPH_DB", str(real_db_path))
    monkeypatch.setitem(sys.modules, "text2tashkeel", None)  # the package cannot be imported
    assert cli.main(["analyze", str(article), "--json"]) == 0
    captured = capsys.readouterr()
    assert "vowel model" in captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    arabic = [line for line in lines if line["kind"] == "arabic"]
    assert [line["token"] for line in arabic] == "وقال الرئيس إن الاتفاق سيتم".split()
    assert all(line["vocalized"] for line in arabic)


def test_words_said_together_take_the_helping_vowel(morphology: Morphology) -> None:
    document, analysis = _analysed(
        morphology, "لم يكن الاستقبال جيدا، وقالت الوزارة إنه عدد من المشاركين"
    )
    shown = {t.text: analysis.vocalized[t.index] for t in document.arabic_tokens()}
    assert shown["يكن"].endswith("نِ")  # لَمْ يَكُنِ الِاسْتِقْبَالُ
    assert shown["وقالت"].endswith("تِ")
    assert shown["من"] == "مِنَ"
    assert shown["جيدا"] == "جَيِّدًا"  # a comma is a pause: nothing joined across it


def test_a_word_as_written_is_not_read_with_a_hamza_the_model_restored(
    morphology: Morphology,
) -> None:
    # بدا "appeared" is a word: the model's habit of writing بدأ "began" does not make it one.
    best, vocalization = _reading(
        morphology, "وإن أعرب عن سعادته لرؤية كيري في موسكو، بدا بوتين أكثر تحفظا", "بدا"
    )
    assert best.gloss.startswith("appear") or "seem" in best.gloss, best.gloss
    assert "\u0654" not in unicodedata.normalize("NFD", vocalization.form)
    # Where the word as written is no word, the restored hamza is what the learner needs.
    best, vocalization = _reading(morphology, "قال الوزير إن الرئيس اكد الاتفاق", "اكد")
    assert vocalization.form.startswith("أَ")


def test_the_sentences_vowels_do_not_unmake_a_name(morphology: Morphology) -> None:
    """The vowel model reads بكين as بَكَيْنَ "they wept"; the dictionary's proper
    noun, which GeoNames confirms, stays first, said as the dictionary says it."""
    best, vocalization = _reading(morphology, "وتعتبر الصين بكين عاصمة لها.", "بكين")
    # GeoNames' name first, the dictionary's other name after it.
    assert (best.pos, best.lemma_gloss, best.english) == ("noun_prop", "Beijing; Peking", "Beijing")
    assert vocalization.form.startswith("بِكِين")
    # A common word the model re-reads still follows the sentence.
    best, _ = _reading(
        morphology, "وإن أعرب عن سعادته لرؤية كيري في موسكو، بدا بوتين أكثر تحفظا", "بدا"
    )
    assert best.pos == "verb"


def test_an_ending_the_author_wrote_is_shown_once(morphology: Morphology) -> None:
    """The author's عوناً كبيراً: one tanwin each, on the letter before the alef."""
    for word, said in (("عوناً", "عَوْنًا"), ("كبيراً", "كَبِيرًا")):
        _best, vocalization = _reading(morphology, "وقدمت الدولة عوناً كبيراً للاجئين.", word)
        assert vocalization.form == said, (word, vocalization.form)


def test_an_ending_says_nothing_against_a_name(morphology: Morphology) -> None:
    """The sentence gives عون an ending (عَوْنٌ), which the dictionary lists for
    the noun "aid" and not for the name Aoun: the name stays first. Where the
    author wrote the tanwin (عوناً), the word is the noun."""
    best, _ = _reading(morphology, "وأكد عون والحريري الاتفاق.", "عون")
    assert (best.pos, best.lemma_gloss) == ("noun_prop", "Aoun")
    best, _ = _reading(morphology, "وقدمت الدولة عوناً كبيراً للاجئين.", "عوناً")
    assert best.pos == "noun" and "aid" in best.lemma_gloss


# A sentence the vowel model reads differently once a space is put before its
# punctuation (عَنِ / عَنْ), as it was fed before it read the text as written.
_PUNCTUATED = "لربما كان الزي الواجب ارتداؤه خانقا زيادة عن اللزوم."


def _model_words(text: str) -> list[str]:
    """The raw model's words for ``text``, punctuation dropped."""
    from text2tashkeel import Diacritizer as Model

    from reader.morphology.vowels.diacritizer import MODEL

    said = Model(MODEL).diacritize(text)
    return [w.strip(".،,()") for w in said.split() if w.strip(".،,()")]


def test_the_model_reads_the_sentence_as_written(morphology: Morphology) -> None:
    document, analysis = _analysed(morphology, _PUNCTUATED)
    said = [analysis.vocalizations[t.index].context_form for t in document.arabic_tokens()]
    assert said == _model_words(_PUNCTUATED)
    # The guard: with a space before the full stop the model says another thing,
    # so the words were not read that way.
    assert said != _model_words(_PUNCTUATED.replace(".", " ."))


def test_offsets_map_the_models_vowels_back_onto_each_word() -> None:
    text = "قال الوزير، إن الحكومـة ستعلن (غدا) خطتها."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[\u0621-\u064a\u0640]+", text)]
    forms = Diacritizer().vocalize_text(text, spans)
    assert [vowels.letters_key(f) for f in forms] == [
        vowels.letters_key(text[s:e].replace("\u0640", "")) for s, e in spans
    ]
    assert forms == tuple(_model_words(text.replace("\u0640", "")))


@pytest.mark.parametrize(
    ("sentence", "word", "said"),
    [
        # Form VIII (اِلْتِزام، اِلْتَقَى): the lam is the root's, not the article's.
        ("وأكد الوزير التزام الحكومة بالاتفاق", "التزام", "الْتِزَام"),
        ("والتقى الوزير بالرئيس أمس", "والتقى", "وَالْتَقَى"),
        # و + والِد "his father": the و is the conjunction, والد a root's letters.
        ("وزار الطالب والده في المدينة", "والده", "وَالِد"),
    ],
)
def test_no_sun_letter_shadda_without_the_article(
    morphology: Morphology, sentence: str, word: str, said: str
) -> None:
    best, vocalization = _reading(morphology, sentence, word)
    assert not reconcile.has_article(best)
    assert vocalization.form.startswith(said), vocalization.form
    assert vowels.SHADDA not in vocalization.form


def test_the_article_still_doubles_a_sun_letter(morphology: Morphology) -> None:
    for sentence, word in (
        ("وأكد الرئيس التزامه بالاتفاق", "الرئيس"),
        ("وزار الوزير الرياض أمس", "الرياض"),  # a name with the article: prc0 too
        ("ودعا الوزير للسلام في المنطقة", "للسلام"),  # لِ + ال, its alef dropped
    ):
        best, vocalization = _reading(morphology, sentence, word)
        assert reconcile.has_article(best)
        assert vocalization.form.count(vowels.SHADDA) >= 1, vocalization.form


def test_an_ending_the_model_and_the_syntax_agree_on_survives(morphology: Morphology) -> None:
    """بانفراجة after بِ is genitive, as the model says; the dictionary knows
    only انفراج + ـهُ "his relief", which takes the author's ة for a pronoun:
    its ending is not this word's."""
    sentence = "وفي ظل انعدام أي بوادر تبشّر بانفراجة لهذا الدم المتواصل، التزم كيري نبرة ايجابية."
    _best, vocalization = _reading(morphology, sentence, "بانفراجة")
    assert vowels.split_ending(vocalization.form)[1] == vowels.KASRATAN, vocalization.form
    assert vocalization.form.endswith("ةٍ")
    assert vocalization.source == reconcile.CONTEXT_ONLY


def test_the_reading_the_models_form_is_a_form_of_comes_first(morphology: Morphology) -> None:
    # ظَنِّ is the noun "opinion" in the genitive; the commoner verb ظَنَّ
    # cannot end so, however frequent.
    readings = morphology.analyze_word("ظن")
    assert readings[0].pos == "verb"
    assert reconcile.rerank(readings, "ظَنِّ", "ظن")[0].pos == "noun"
    # A model that writes no ending says nothing against one: لِي is لِيَ "for me".
    readings = morphology.analyze_word("لي")
    assert reconcile.rerank(readings, "لِي", "لي")[0].pos == "prep"
