"""The notes dock: notes on the open article, anchored or not, kept between runs."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from reader.store import notes_for_document
from reader.text import load_document
from tests.ui.conftest import make_window


def open_notes(qtbot, window):
    window.docks.notes.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.docks.notes.built)
    return window.docks.notes


def select_text(window, text: str) -> tuple[int, int]:
    start = window.document.text.index(text)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    return start, start + len(text)


def test_notes_anchored_and_not_survive_reopening(qtbot, window, morphology, default_article_path):
    notes = open_notes(qtbot, window)
    notes.editor.setPlainText("A cool welcome in Moscow")
    notes.add_button.click()
    span = select_text(window, "وزير الخارجية الأميركي")
    notes.editor.setPlainText("Kerry's title")
    notes.add_button.click()
    stored = notes_for_document(window.vocabulary.store, window.words.document_record.id)
    assert sorted((n.text, n.start, n.end) for n in stored) == sorted(
        [("A cool welcome in Moscow", None, None), ("Kerry's title", *span)]
    )
    assert notes.list.count() == 2
    window.close()

    again = make_window(qtbot, morphology=morphology)
    again.show_document(load_document(default_article_path))
    again.start_dictionary()
    notes = open_notes(qtbot, again)
    texts = [notes.list.item(row).text() for row in range(notes.list.count())]
    assert any("A cool welcome in Moscow" == text for text in texts)
    anchored = next(row for row, text in enumerate(texts) if "Kerry's title" in text)
    assert "«وزير الخارجية الأميركي»" in texts[anchored]
    # Clicking the anchored note selects its words in the article.
    item = notes.list.item(anchored)
    notes.list.setCurrentItem(item)
    notes.list.itemClicked.emit(item)
    assert again.view.selected_span() == span
    assert again.view.textCursor().selectedText() == "وزير الخارجية الأميركي"
    again.close()


def test_edit_and_delete_with_undo(qtbot, window):
    notes = open_notes(qtbot, window)
    notes.editor.setPlainText("first thought")
    notes.add_button.click()
    notes.list.setCurrentRow(0)
    notes.editor.setPlainText("second thought")
    notes.save_button.click()
    document_id = window.words.document_record.id
    assert [n.text for n in notes_for_document(window.vocabulary.store, document_id)] == [
        "second thought"
    ]
    notes.list.setCurrentRow(0)
    notes.delete_button.click()
    assert notes_for_document(window.vocabulary.store, document_id) == []
    assert notes.list.count() == 0
    notes.undo_action.trigger()
    assert [n.text for n in notes_for_document(window.vocabulary.store, document_id)] == [
        "second thought"
    ]
    assert notes.list.count() == 1
