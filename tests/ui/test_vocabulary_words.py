"""Saving words from the article: S and 1-4, the learner's own gloss, marks, the known share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat
from PySide6.QtTest import QTest

from reader.store import Status, find_entry, list_entries, occurrences
from reader.text import load_document
from reader.ui.article.word_marks import MARK_COLOURS
from tests.ui.conftest import click, hover, make_window, token_index, word_index

PUTIN = ("بُوتِين", "noun_prop")


def press(window, key: Qt.Key) -> None:
    """A key pressed while the mouse rests on the article, as the learner does."""
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, key)


def background(window, index: int) -> str | None:
    mark = window.view.marks().get(index)
    return mark.background().color().name() if mark is not None else None


def test_s_saves_the_hovered_word_with_its_sentence_and_offsets(window):
    index = word_index(window, "بوتين")
    token = window.document.tokens[index]
    hover(window, index)
    press(window, Qt.Key.Key_S)

    store = window.vocabulary.store
    entry = find_entry(store, *PUTIN)
    assert entry is not None and entry.status is Status.LEARNING
    (seen,) = occurrences(store, entry.id)
    assert (seen.start, seen.end, seen.surface) == (token.start, token.end, "بوتين")
    assert "بوتين" in seen.sentence and seen.sentence in window.document.text
    assert seen.document_id == window.words.document_record.id
    assert "Saved" in window.statusBar().currentMessage()
    # The pane now shows the word as saved, with its status checked.
    editor = window.gloss_pane.editor
    assert editor.entry is not None and editor.entry.id == entry.id
    assert editor.status_buttons["learning"].isChecked()


def test_the_pinned_word_wins_over_the_hovered_one(window):
    putin = word_index(window, "بوتين")
    click(window, putin)
    hover(window, token_index(window, "الكريملن"))
    press(window, Qt.Key.Key_S)
    entries = list_entries(window.vocabulary.store)
    assert [entry.key for entry in entries] == [PUTIN]


def test_keys_one_to_four_set_the_status(window):
    click(window, word_index(window, "بوتين"))
    store = window.vocabulary.store
    for key, status in (
        (Qt.Key.Key_3, Status.KNOWN),
        (Qt.Key.Key_1, Status.NEW),
        (Qt.Key.Key_4, Status.IGNORED),
        (Qt.Key.Key_2, Status.LEARNING),
    ):
        press(window, key)  # the first one saves the word, with that status
        assert find_entry(store, *PUTIN).status is status
        assert window.gloss_pane.editor.status_buttons[status.value].isChecked()
    menu_texts = [action.text() for action in window.actions.statuses]
    assert menu_texts == ["Mark as New", "Mark as Learning", "Mark as Known", "Mark as Ignored"]
    assert [a.shortcut().toString() for a in window.actions.statuses] == ["1", "2", "3", "4"]
    assert window.gloss_pane.editor.status_buttons["known"].text() == "3 Known"


def test_own_gloss_wins_in_popup_pane_and_sentence(window):
    index = word_index(window, "بوتين")
    click(window, index)
    window.gloss_pane.editor.save_button.click()
    editor = window.gloss_pane.editor
    editor.gloss_edit.setFocus()
    editor.gloss_edit.setText("president of Russia")
    QTest.keyClick(editor.gloss_edit, Qt.Key.Key_Return)

    assert find_entry(window.vocabulary.store, *PUTIN).user_gloss == "president of Russia"
    assert "president of Russia" in window.gloss_pane.text()
    sentence = dict((i, gloss) for i, _form, gloss in window.gloss_pane.sentence_list.words())
    assert sentence[index] == "president of Russia"
    hover(window, index)
    assert "president of Russia" in window.popup.text()
    # The other form of the lemma, with its clitic, shows the learner's gloss too.
    hover(window, token_index(window, "لبوتين"))
    assert "president of Russia" in window.popup.text()


def test_tags_and_note_from_the_pane(window):
    click(window, word_index(window, "بوتين"))
    press(window, Qt.Key.Key_S)
    editor = window.gloss_pane.editor
    editor.tags_edit.setText("names, politics")
    editor.tags_edit.editingFinished.emit()
    editor.notes_edit.setPlainText("Heard on the radio")
    editor.notes_button.click()
    entry = find_entry(window.vocabulary.store, *PUTIN)
    assert set(entry.tags) == {"names", "politics"}
    assert entry.notes == "Heard on the radio"


def test_every_form_of_the_lemma_is_marked_and_survives_reopening(
    qtbot, window, morphology, default_article_path
):
    plain, with_clitic = word_index(window, "بوتين"), token_index(window, "لبوتين")
    assert background(window, with_clitic) is None
    click(window, plain)
    press(window, Qt.Key.Key_S)
    learning = MARK_COLOURS["learning"][0]
    assert background(window, plain) == learning
    assert background(window, with_clitic) == learning
    # Hover hit-testing is unchanged by the marks.
    hover(window, with_clitic)
    assert window.session.hovered == with_clitic

    press(window, Qt.Key.Key_3)  # known: no mark at all
    assert background(window, plain) is None and background(window, with_clitic) is None
    press(window, Qt.Key.Key_1)
    window.close()

    again = make_window(qtbot, morphology=morphology)
    again.show_document(load_document(default_article_path))
    again.start_dictionary()
    new = MARK_COLOURS["new"][0]
    assert background(again, plain) == new and background(again, with_clitic) == new
    again.close()


def test_known_share_in_the_status_bar_follows_the_status(window):
    before = window.known_label.text()
    assert before == "Known: 0.0% of words"
    click(window, token_index(window, "في"))
    press(window, Qt.Key.Key_3)
    after = window.known_label.text()
    assert after != before and after.startswith("Known: ")
    assert window.words.share.known == sum(
        1 for t in window.document.tokens if t.text in {"في", "وفي", "فيه"}
    )


def test_highlight_new_words_marks_unsaved_words(window):
    unsaved = token_index(window, "الكريملن")
    assert background(window, unsaved) is None
    window.actions.highlight_new_words.trigger()
    assert window.settings.get("highlight_new_words")
    mark = window.view.marks().get(unsaved)
    assert mark is not None
    assert not mark.hasProperty(QTextFormat.Property.BackgroundBrush)  # the text untouched
    assert mark.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert mark.underlineColor() != window.view.palette().base().color()
    window.actions.highlight_new_words.trigger()
    assert window.view.marks().get(unsaved) is None


def test_a_saved_reading_other_than_the_best_is_kept(
    qtbot, window, morphology, default_article_path
):
    index = token_index(window, "الخارجية", after="وزير")
    readings = window.readings(index)
    other = readings[1]
    window.choose_reading(index, other)
    click(window, index)
    press(window, Qt.Key.Key_S)
    assert find_entry(window.vocabulary.store, *other.key) is not None
    assert find_entry(window.vocabulary.store, *readings[0].key) is None
    window.close()

    again = make_window(qtbot, morphology=morphology)
    again.show_document(load_document(default_article_path))
    again.start_dictionary()
    assert again.reading(index).key == other.key
    again.close()


def test_hover_and_pin_look_like_no_status_mark():
    from reader.ui.article.view import HOVER_BACKGROUND, PINNED_BACKGROUND

    backgrounds = {style.background for style in MARK_COLOURS.values() if style is not None}
    hover, pinned = HOVER_BACKGROUND.name(), PINNED_BACKGROUND.name()
    assert hover != pinned and not {hover, pinned} & backgrounds
    # Distinct hues, not only lighter or darker shades of a status colour.
    for colour in (HOVER_BACKGROUND, PINNED_BACKGROUND):
        for background in backgrounds - {None}:
            other = QColor(background)
            assert abs(colour.hsvHue() - other.hsvHue()) > 15 or other.hsvSaturation() < 20
