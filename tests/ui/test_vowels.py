"""Vowels in context in the window: Show Vowels, the popup, the pane, case endings.

The real analyzer and the real vowel model; a gate on the model's loading lets
a test look at the window while the vocalisation task is still on its way.
"""

from __future__ import annotations

import threading

import pytest

from reader.morphology.vowels.diacritizer import DiacritizerUnavailable
from reader.morphology.vowels.marks import (
    KASRA,
    SHADDA,
    VOWEL_MARKS,
    letters_key,
    pausal,
    textbook,
    units,
)
from reader.morphology.vowels.reconcile import READING, vocalize
from reader.system.settings import Settings
from reader.text import document_from_text, load_document
from tests.ui.conftest import hover, make_window, token_index

AMERICAN = "الأميركي"  # the sentence's model reads al-amīrikī, the dictionary al-amīrkī
LONG_WAIT_MS = 300_000  # a safety net for a stuck worker, not a time limit


@pytest.fixture
def gated_model(morphology, monkeypatch: pytest.MonkeyPatch):
    """The vowel model loads only once the test opens the gate."""
    gate = threading.Event()
    diacritizer = morphology.diacritizer
    real_load = diacritizer.load

    def load() -> None:
        gate.wait()
        real_load()

    monkeypatch.setattr(diacritizer, "load", load)
    yield gate
    gate.set()  # never leave the worker waiting


def _marks(text: str) -> bool:
    return any(mark in VOWEL_MARKS for mark in text)


def test_first_hover_works_before_the_vowels_in_context_then_the_pane_gets_them(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, gated_model
):
    window = make_window(qtbot, morphology=morphology, synchronous=False)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=LONG_WAIT_MS)
    assert window.preparation.vowels == "pending"
    assert window.analysis.vocalizations == ()  # the model has not run

    index = token_index(window, AMERICAN)
    token = window.document.tokens[index]
    hover(window, index)
    best = window.analysis.best(index)
    own_vowels = vocalize(token.lookup, best, "").form
    assert window.gloss_pane.form_label.text() == own_vowels
    assert window.popup.form_label.text() == own_vowels
    assert window.gloss_pane.note_label.isHidden()

    gated_model.set()
    qtbot.waitUntil(lambda: window.preparation.vowels == "ready", timeout=LONG_WAIT_MS)
    vocalization = window.analysis.vocalization(index)
    assert vocalization is not None and vocalization.source == READING
    # The hovered word's pane and popup follow without another hover.
    assert window.gloss_pane.form_label.text() == vocalization.form
    assert window.popup.form_label.text() == vocalization.form
    assert not window.gloss_pane.note_label.isHidden()
    assert "vowel model reads this word" in window.gloss_pane.text()
    assert textbook(vocalization.context_form) in window.gloss_pane.text()


def test_the_pane_note_is_calm_and_absent_when_both_sources_agree(window):
    american = token_index(window, AMERICAN)
    hover(window, american)
    note = window.gloss_pane.note_label
    assert not note.isHidden()
    assert window.analysis.vocalization(american).note in window.gloss_pane.text()
    style = note.styleSheet()
    assert "red" not in style and "#c" not in style.lower()  # grey, not a warning colour
    putin = token_index(window, "بوتين")
    assert window.analysis.vocalization(putin).note == ""
    hover(window, putin)
    assert window.gloss_pane.note_label.isHidden()


def test_show_vowels_vocalises_every_word_as_the_popup_and_pane_do(window):
    analysis = window.analysis
    assert analysis.vocalizations, "the window's analysis is vocalised in context"
    window.actions.show_vowels.trigger()
    forms = analysis.vocalized
    for token in window.document.arabic_tokens():
        shown = window.view.shown_text(token.index)
        assert shown == forms[token.index]
        assert _marks(shown), token.text  # every word, clitics and all, has its vowels
    # Clitics: the preposition, the article and the pronoun all vocalised.
    country = window.view.shown_text(token_index(window, "بلاده"))
    assert country.startswith("بِ") and country.endswith("هِ")
    # The article's shadda on a sun letter, none on its lam.
    russian = units(window.view.shown_text(token_index(window, "الروسي", after="بالجانب")))
    assert russian[2].letter == "ر" and SHADDA in russian[2].marks
    assert not russian[1].vowels
    # No vowel on hamzat al-wasl: al-istiqbāl, the lam's kasra joining the words.
    reception = units(window.view.shown_text(token_index(window, "الاستقبال")))
    assert [u.letter for u in reception[:3]] == ["ا", "ل", "ا"]
    assert reception[0].vowels == "" and reception[2].vowels == ""
    assert reception[1].vowels == KASRA

    putin = token_index(window, "بوتين")
    hover(window, putin)
    shown = window.view.shown_text(putin)
    assert window.popup.form_label.text() == shown
    assert window.gloss_pane.form_label.text() == shown
    # The list of other readings keeps each reading's own vowels.
    readings = window.readings(putin)
    window.gloss_pane.show_section("readings")
    listed = [window.gloss_pane.readings_list.item(i).text() for i in range(len(readings))]
    for reading, text in zip(readings, listed, strict=True):
        assert textbook(reading.diac) in text


def test_a_chosen_reading_is_shown_with_its_own_vowels_in_context(window):
    window.actions.show_vowels.trigger()
    index = token_index(window, "المهمة")
    token = window.document.tokens[index]
    readings = window.readings(index)
    hover(window, index)
    window.gloss_pane.show_section("readings")
    window.gloss_pane.readings_list.itemClicked.emit(window.gloss_pane.readings_list.item(1))
    context = window.analysis.vocalization(index).context_form
    expected = vocalize(token.lookup, readings[1], context).form
    assert window.view.shown_text(index) == expected
    assert window.gloss_pane.form_label.text() == expected


def test_case_endings_can_be_hidden_and_the_choice_is_remembered(window, data_home):
    assert window.actions.show_case_endings.isChecked()
    window.actions.show_vowels.trigger()
    index = token_index(window, "الخارجية", after="وزير")
    full = window.analysis.vocalized[index]
    assert window.view.shown_text(index) == full
    hover(window, index)

    window.actions.show_case_endings.trigger()
    assert window.settings.get("show_case_endings") is False
    bare = pausal(full)
    assert bare != full  # the genitive kasra is gone
    assert window.view.shown_text(index) == bare
    assert window.gloss_pane.form_label.text() == bare
    assert window.popup.form_label.text() == bare
    for token in window.document.arabic_tokens():
        assert window.view.shown_text(token.index) == pausal(window.analysis.vocalized[token.index])

    assert window.save_settings()
    assert Settings().get("show_case_endings") is False


def test_a_new_window_remembers_hidden_case_endings(
    qtbot, data_home, morphology, default_article_path, captured_dialogs
):
    settings = Settings()
    settings.set("show_case_endings", False)
    settings.save()
    window = make_window(qtbot, morphology=morphology)
    assert not window.actions.show_case_endings.isChecked()
    # ... and the article is shown so: every word without its case ending.
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    window.actions.show_vowels.trigger()
    index = token_index(window, "الخارجية", after="وزير")
    full = window.analysis.vocalized[index]
    assert pausal(full) != full
    assert window.view.shown_text(index) == pausal(full)
    for token in window.document.arabic_tokens():
        assert window.view.shown_text(token.index) == pausal(window.analysis.vocalized[token.index])


def test_without_the_model_the_dictionary_vowels_are_shown_and_the_status_bar_says_so(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, monkeypatch
):
    def unavailable() -> None:
        raise DiacritizerUnavailable("The vowel model (test) could not be loaded: no file")

    monkeypatch.setattr(morphology.diacritizer, "load", unavailable)
    window = make_window(qtbot, morphology=morphology)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    assert window.analysis is not None and window.analysis.vocalizations == ()
    assert window.preparation.vowels == "unavailable"
    assert "Vowels in context are unavailable" in window.statusBar().currentMessage()
    window.actions.show_vowels.trigger()
    index = token_index(window, "بوتين")
    token = window.document.tokens[index]
    assert window.view.shown_text(index) == vocalize(token.lookup, window.reading(index), "").form


def test_a_newer_document_cancels_the_older_vocalisation(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, gated_model
):
    window = make_window(qtbot, morphology=morphology, synchronous=False)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    qtbot.waitUntil(lambda: window.preparation.task is not None, timeout=LONG_WAIT_MS)
    older = window.preparation.task

    newer = document_from_text("زار الوزير موسكو أمس.")
    window.show_document(newer)
    assert older.is_cancelled()
    gated_model.set()
    qtbot.waitUntil(lambda: window.preparation.vowels == "ready", timeout=LONG_WAIT_MS)
    assert window.analysis.document is newer
    assert window.analysis.vocalizations
    assert window.tasks.wait_idle(LONG_WAIT_MS)
    # The older vocalisation ended on the worker and its outcome was dropped: the
    # forms shown are the newer document's.
    assert older.done
    assert window.analysis.document is newer
    assert len(window.analysis.vocalized) == len(newer.tokens)
    moscow = next(t.index for t in newer.tokens if t.text == "موسكو")
    assert letters_key(window.analysis.vocalized[moscow]) == letters_key("موسكو")
