"""The popup and the pane write the word in Latin letters, as it is said here."""

from __future__ import annotations

from reader.morphology.vowels.romanize import romanize
from tests.ui.conftest import hover, token_index


def _arabic_free(text: str) -> bool:
    return bool(text) and not any("\u0600" <= char <= "\u06ff" for char in text)


def test_popup_and_pane_show_the_romanized_form_in_context(window):
    index = token_index(window, "الخارجية", after="وزير")
    hover(window, index)
    said = window.shown_form(index)
    expected = romanize(said, segments=["ال"])
    assert expected.startswith("al-ḫāriǧiyya")
    assert window.popup.translit_label.text() == expected
    assert window.gloss_pane.translit_label.text() == expected

    window.actions.show_case_endings.trigger()  # pausal: no ending in either script
    assert window.popup.translit_label.text() == "al-ḫāriǧiyya"
    assert window.gloss_pane.translit_label.text() == "al-ḫāriǧiyya"


def test_ala_lc_is_a_setting(window):
    index = token_index(window, "الخارجية", after="وزير")
    assert window.actions.romanization_din.isChecked()
    window.actions.romanization_ala.trigger()
    assert window.settings.get("romanization") == "ala-lc"
    assert not window.actions.romanization_din.isChecked()
    hover(window, index)
    shown = window.popup.translit_label.text()
    assert shown.startswith("al-khārij") and "ḫ" not in shown
    # A hand-edited settings file (read into the session at start-up): the default.
    window.session.set_display(romanization="nonsense")  # the pane follows by itself
    assert window.gloss_pane.translit_label.text().startswith("al-ḫāriǧ")


def test_every_word_of_the_article_has_a_latin_form(window):
    arabic = list(window.document.arabic_tokens())
    assert len(arabic) > 400  # the whole seed article, not an empty document
    for token in arabic:
        assert _arabic_free(window.romanized(token.index)), token.text


def test_speech_reads_the_word_and_sentence_as_said_here(window):
    """Speak Word / Speak Sentence are in the Word menu and read the vocalised text."""
    index = token_index(window, "الخارجية", after="وزير")
    hover(window, index)
    word_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Word")
    assert window.speech.speak_word_action in word_menu.actions()
    assert window.speech.speak_sentence_action in word_menu.actions()
    assert window._spoken_word() == window.shown_form(index)
    sentence = window._spoken_sentence()
    assert window.shown_form(index) in sentence and "\u064e" in sentence  # vocalised
