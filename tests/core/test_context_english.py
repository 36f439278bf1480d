"""The sentence's word-by-word English in context: لم puts the next verb in the past.

The real analyzer on real sentences; the session reads the analysis as the window does.
"""

from __future__ import annotations

from reader.reading.prepare import Prepared
from reader.reading.session import ReadingSession
from reader.text import document_from_text


def _glosses(morphology, text: str) -> dict[str, str]:
    session = ReadingSession(morphology)
    document = document_from_text(text, title="test")
    session.open(document)
    assert session.analysed(Prepared.of(morphology.analyze_document(document, vocalize=False)))
    return {word: gloss for _, word, gloss in session.sentence_glosses(0)}


def test_an_imperfect_after_lam_reads_as_a_past(morphology):
    glosses = _glosses(morphology, "لم يكن الاستقبال حارا.")
    assert glosses["لم"] == "not" or "not" in glosses["لم"]
    assert glosses["يكن"].split()[-1] in ("was", "were"), glosses["يكن"]
    assert "is" not in glosses["يكن"].split()


def test_lam_with_a_proclitic_and_another_verb(morphology):
    glosses = _glosses(morphology, "ولم تعلن الحكومة موقفها.")
    verb = glosses["تعلن"]
    assert "announced" in verb or "declared" in verb, verb
    assert not any(word in verb.split() for word in ("announces", "declares"))


def test_the_same_verb_without_lam_stays_present(morphology):
    glosses = _glosses(morphology, "يكن الاحترام للوزير.")
    assert "was" not in glosses["يكن"].split()
    glosses = _glosses(morphology, "تعلن الحكومة موقفها.")
    assert "announced" not in glosses["تعلن"] and "declared" not in glosses["تعلن"]


def test_lam_before_a_noun_changes_nothing(morphology):
    plain = _glosses(morphology, "الحكومة موقفها واضح.")
    after = _glosses(morphology, "لم الحكومة موقفها واضح.")
    assert after["الحكومة"] == plain["الحكومة"]


# -- a "she" that stands for a thing (reader/reading/agreement.py) ---------------


def test_a_verb_whose_subject_is_reports_is_not_she(morphology):
    glosses = _glosses(morphology, "أفادت تقارير صحافية بأن الوزارة أعلنت خطتها.")
    assert glosses["أفادت"] == "they reported"
    # The ministry opens the clause after بأن: "it announced its plan".
    assert glosses["أعلنت"] == "it announced"
    assert glosses["خطتها"] == "its plan"


def test_a_woman_is_still_she(morphology):
    glosses = _glosses(morphology, "قالت الوزيرة إن هدفها واضح.")
    assert glosses["قالت"] == "she said"
    assert glosses["هدفها"] == "her goal"
    assert _glosses(morphology, "قالت فاطمة إن المفاوضات فشلت.")["قالت"] == "she said"


def test_a_non_human_plural_subject_before_its_verb_is_they(morphology):
    assert _glosses(morphology, "قالت فاطمة إن المفاوضات فشلت.")["فشلت"] == "they failed"


def test_a_sentence_that_does_not_tell_says_both(morphology):
    assert _glosses(morphology, "قالت إن الاجتماع انتهى.")["قالت"] == "she/it said"


def test_lam_and_a_thing_for_subject_together(morphology):
    glosses = _glosses(morphology, "ولم تعلن الحكومة موقفها.")
    assert glosses["تعلن"] == "it announced"
    assert glosses["موقفها"] == "its position"


def test_analyze_json_says_the_english_of_the_sentence(real_db_path, tmp_path, capsys, monkeypatch):
    import json

    from reader.cli import main as cli

    article = tmp_path / "news.txt"
    article.write_text("أفادت تقارير صحافية بأن الوزارة أعلنت خطتها.", encoding="utf-8")
    monkeypatch.setenv("ARABIC_READER_MORPH_DB", str(real_db_path))
    assert cli.main(["analyze", str(article), "--json"]) == 0
    lines = {line["token"]: line for line in map(json.loads, capsys.readouterr().out.splitlines())}
    verb = lines["أفادت"]
    assert verb["english_in_sentence"] == "they reported"
    # The reading's own English is unchanged; a word the sentence leaves alone has no field.
    assert verb["analyses"][0]["english"] == "she reported"
    assert "english_in_sentence" not in lines["تقارير"]
