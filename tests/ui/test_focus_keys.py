"""Keys act on the word in focus wherever the keyboard focus is; nothing leaks across documents.

Real widgets offscreen, the real analyzer, a real store in a tmp folder.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.store import Status, find_entry, list_entries, occurrences
from reader.text import document_from_text, load_document
from tests.ui.conftest import click, hover, make_window, token_index, word_index

PUTIN = ("بُوتِين", "noun_prop")
OTHER_TEXT = "ذهب الولد إلى المدرسة في الصباح. وقرأ كتابا جديدا."


def key(widget, which: Qt.Key, window) -> None:
    """A key pressed with the keyboard focus on ``widget``."""
    window.activateWindow()
    widget.setFocus()
    QTest.keyClick(widget, which)


def _next_arabic(window, index: int, step: int = 1) -> int:
    arabic = [t.index for t in window.document.arabic_tokens()]
    return arabic[arabic.index(index) + step]


def test_after_saving_a_note_esc_unpins_arrows_step_and_s_saves_the_hovered_word(window):
    """The trap: an own gloss typed, Save note clicked; the keys still act on the word."""
    putin = word_index(window, "بوتين")
    click(window, putin)
    key(window.view, Qt.Key.Key_S, window)
    editor = window.gloss_pane.editor
    editor.gloss_edit.setFocus()
    QTest.keyClicks(editor.gloss_edit, "president")
    QTest.keyClick(editor.gloss_edit, Qt.Key.Key_Return)
    editor.notes_edit.setFocus()
    QTest.keyClicks(editor.notes_edit, "on the radio")
    QTest.mouseClick(editor.notes_button, Qt.MouseButton.LeftButton)
    saved = find_entry(window.vocabulary.store, *PUTIN)
    assert (saved.user_gloss, saved.notes) == ("president", "on the radio")
    button = editor.notes_button
    assert QApplication.focusWidget() is not window.view

    # ←/→ from the pane's button: the next word (to the left), then back.
    QTest.keyClick(button, Qt.Key.Key_Left)
    assert window.view.drawn_focus[1] == window.session.pinned == _next_arabic(window, putin)
    QTest.keyClick(button, Qt.Key.Key_Right)
    assert window.view.drawn_focus[1] == window.session.pinned == putin
    # Esc unpins, though the keyboard focus is still on the button.
    QTest.keyClick(button, Qt.Key.Key_Escape)
    assert window.view.drawn_focus[1] is None and window.session.pinned is None

    # S then saves the hovered word, not the word that was pinned.
    kremlin = token_index(window, "الكريملن")
    hover(window, kremlin)
    assert window.session.focus == kremlin
    QTest.keyClick(button, Qt.Key.Key_S)
    kremlin_key = window.reading(kremlin).key
    assert sorted(entry.key for entry in list_entries(window.vocabulary.store)) == sorted(
        [PUTIN, kremlin_key]
    )
    assert len(occurrences(window.vocabulary.store, saved.id)) == 1  # Putin not saved again


def test_typing_in_a_field_keeps_its_keys_and_esc_first_leaves_it(window):
    putin = word_index(window, "بوتين")
    click(window, putin)
    key(window.view, Qt.Key.Key_S, window)
    store = window.vocabulary.store
    tags = window.gloss_pane.editor.tags_edit
    tags.setFocus()
    QTest.keyClicks(tags, "s 3")  # S and 3 are typed, not a save and a status
    QTest.keyClick(tags, Qt.Key.Key_Left)  # moves the cursor, not the pin
    assert tags.text() == "s 3" and tags.cursorPosition() == 2
    assert window.session.pinned == putin
    assert find_entry(store, *PUTIN).status is Status.LEARNING
    assert len(list_entries(store)) == 1

    QTest.keyClick(tags, Qt.Key.Key_Escape)  # leaves the field, back to the article
    assert QApplication.focusWidget() is window.view
    assert window.session.pinned == putin
    QTest.keyClick(window.view, Qt.Key.Key_Escape)  # then as anywhere: unpins
    assert window.session.pinned is None and window.view.drawn_focus[1] is None


def test_keys_from_the_notes_dock_editor_and_list(window):
    putin = word_index(window, "بوتين")
    click(window, putin)
    notes = window.docks.notes
    notes.show()
    notes.build()
    notes.editor.setFocus()
    QTest.keyClicks(notes.editor, "a draft")
    QTest.keyClick(notes.editor, Qt.Key.Key_Right)  # the editor's own cursor key
    assert notes.editor.toPlainText() == "a draft" and window.session.pinned == putin
    QTest.keyClick(notes.editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view and window.session.pinned == putin
    # From the notes list (not a field): the arrows step the word.
    key(notes.list, Qt.Key.Key_Left, window)
    assert window.session.pinned == _next_arabic(window, putin)


def test_show_in_context_pin_does_not_follow_into_the_next_document(window, qtbot, tmp_path):
    putin = word_index(window, "بوتين")
    hover(window, putin)
    window.words.save_focused_word()
    entry = find_entry(window.vocabulary.store, *PUTIN)
    (occurrence,) = occurrences(window.vocabulary.store, entry.id)
    # Shown in context in the document open: pinned there.
    assert window.docks.show_occurrence(occurrence)
    assert window.session.pinned == window.view.drawn_focus[1] == putin
    assert window.view.extraSelections()
    window.show_document(document_from_text(OTHER_TEXT, title="other"))
    assert window.session.pinned is None and window.view.drawn_focus[1] is None
    assert window.view.extraSelections() == []
    assert window.gloss_pane.token_index is None

    # Show in Context from another document: the article is reopened and the word
    # pinned after the first layout pass; a document shown before then is not pinned.
    assert window.docks.show_occurrence(occurrence)
    assert window.document.source_path is not None
    window.show_document(document_from_text(OTHER_TEXT, title="other again"))
    qtbot.wait(50)
    assert window.session.pinned is None and window.view.drawn_focus[1] is None
    assert window.view.extraSelections() == []
    # Shown in context with nothing in between: pinned as it should be.
    assert window.docks.show_occurrence(occurrence)
    qtbot.waitUntil(lambda: window.session.pinned == putin)
    assert window.view.drawn_focus[1] == putin


def test_the_notes_box_starts_empty_in_the_next_document(window):
    notes = window.docks.notes
    notes.show()
    notes.build()
    first = window.words.document_record.id
    assert notes.document_id == first and notes.editor.isEnabled()
    notes.editor.setPlainText("about the Kerry visit")
    window.show_document(document_from_text(OTHER_TEXT, title="other"))
    second = window.words.document_record.id
    assert second != first and notes.document_id == second
    assert notes.editor.toPlainText() == ""
    notes.editor.setPlainText("about the school")
    assert notes.add_from_editor()  # written on the hub's worker (at once: synchronous here)
    from reader.store import notes_for_document

    assert [n.text for n in notes_for_document(window.vocabulary.store, second)] == [
        "about the school"
    ]
    assert notes_for_document(window.vocabulary.store, first) == []


def test_a_word_hovered_while_the_dictionary_loads_gets_its_sentence(
    qtbot, data_home, morphology, default_article_path, captured_dialogs
):
    window = make_window(qtbot)  # no dictionary yet: "loading"
    window.show_document(load_document(default_article_path))
    putin = word_index(window, "بوتين")
    hover(window, putin)
    assert "loading…" in window.gloss_pane.text()
    QTest.mouseMove(window.view.viewport(), QPoint(1, 1))  # the mouse leaves the words
    assert window.session.focus is None and window.gloss_pane.token_index == putin
    window.dictionary.ready.emit(morphology)  # the dictionary arrives, the article is analysed
    assert window.analysis is not None
    assert window.gloss_pane.token_index == putin and window.gloss_pane.has_sentence
    sentence = {index: gloss for index, _, gloss in window.gloss_pane.sentence_list.words()}
    assert sentence[putin] == "Putin"
    assert "…" not in sentence.values()
    assert "Putin" in window.gloss_pane.text()
