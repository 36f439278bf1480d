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
