"""The vocabulary dock: search, filters, inline edits, delete and undo, show in context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.store import Status, find_entry, list_entries
from reader.ui.vocabulary.table import GLOSS, STATUS, TAGS
from tests.ui.conftest import word_index
from tests.ui.test_vocabulary_words import PUTIN, press


def save(window, text: str, key: Qt.Key = Qt.Key.Key_S) -> None:
    index = word_index(window, text)  # a word alone: saving it saves its lemma
    window.session.pin(index)  # as a click does; the dock may have moved the words about
    press(window, key)


def open_dock(qtbot, window):
    window.docks.vocabulary.toggleViewAction().trigger()
    dock = window.docks.vocabulary
    qtbot.waitUntil(lambda: dock.built)
    return dock


def test_dock_is_built_on_first_show_and_lists_saved_words(qtbot, window):
    dock = window.docks.vocabulary
    assert not dock.built and dock.toggleViewAction().shortcut().toString() == "Ctrl+Shift+L"
    save(window, "بوتين")
    save(window, "موسكو", Qt.Key.Key_3)
    open_dock(qtbot, window)
    assert sorted(dock.lemmas()) == sorted(["بُوتِين", "مُوسْكُو"])
    assert dock.windowTitle().startswith("Vocabulary (2)")
    save(window, "زيارة")  # a new word arrives in the open dock
    assert len(dock.lemmas()) == 3


def test_search_with_and_without_vowels_and_english_and_filters(qtbot, window):
    save(window, "بوتين")
    save(window, "موسكو", Qt.Key.Key_3)
    dock = open_dock(qtbot, window)
    dock.search_edit.setText("بوتين")
    assert dock.lemmas() == ["بُوتِين"]
    dock.search_edit.setText("بُوتِين")
    assert dock.lemmas() == ["بُوتِين"]
    dock.search_edit.setText("moscow")
    assert dock.lemmas() == ["مُوسْكُو"]
    dock.search_edit.clear()
    dock.status_filter.setCurrentText("known")
    assert dock.lemmas() == ["مُوسْكُو"]
    dock.status_filter.setCurrentText("All")
    dock.document_filter.setCurrentIndex(1)  # the open article
    assert len(dock.lemmas()) == 2


def test_inline_edit_of_gloss_status_and_tags(qtbot, window):
    save(window, "بوتين")
    dock = open_dock(qtbot, window)
    model = dock.model
    assert model.setData(model.index(0, GLOSS), "the president")
    assert model.setData(model.index(0, STATUS), "known")
    assert model.setData(model.index(0, TAGS), "names, politics")
    entry = find_entry(window.vocabulary.store, *PUTIN)
    assert entry.user_gloss == "the president" and entry.status is Status.KNOWN
    assert set(entry.tags) == {"names", "politics"}
    assert model.index(0, GLOSS).data() == "the president"
    # The pane and the marks follow the same change.
    window.session.pin(word_index(window, "بوتين"))
    assert "the president" in window.gloss_pane.text()
    dock.tag_filter.setCurrentText("#names")
    assert dock.lemmas() == ["بُوتِين"]


def test_delete_and_undo(qtbot, window):
    save(window, "بوتين")
    index = word_index(window, "بوتين")
    dock = open_dock(qtbot, window)
    dock.select_row(0)
    dock.delete_button.click()
    assert list_entries(window.vocabulary.store) == []
    assert dock.lemmas() == []
    assert window.view.marks().get(index) is None
    assert dock.undo_action.isEnabled()
    dock.undo_action.trigger()
    restored = find_entry(window.vocabulary.store, *PUTIN)
    assert restored is not None and restored.occurrence_count == 1
    assert dock.lemmas() == ["بُوتِين"]
    assert window.view.marks().get(index) is not None


def test_show_in_context_opens_the_document_at_the_word(qtbot, window, tmp_path: Path):
    article = tmp_path / "visit.txt"
    article.write_text(
        "زار وزير الخارجية موسكو أمس.\nوالتقى الرئيس الروسي بوتين.", encoding="utf-8"
    )
    assert window.open_path(article)
    putin = word_index(window, "بوتين")
    save(window, "بوتين")
    window.show_document(_default(window))
    assert window.document.source_path != article

    dock = open_dock(qtbot, window)
    dock.select_row(0)
    dock.context_button.click()
    assert window.document.source_path == article
    qtbot.waitUntil(lambda: window.session.pinned == putin)
    assert "Putin" in window.gloss_pane.text()


def test_show_in_context_of_a_vanished_file_says_so(
    qtbot, window, tmp_path: Path, captured_dialogs
):
    article = tmp_path / "gone.txt"
    article.write_text("التقى الرئيس الروسي بوتين في موسكو.", encoding="utf-8")
    window.open_path(article)
    save(window, "بوتين")
    window.show_document(_default(window))
    article.unlink()
    dock = open_dock(qtbot, window)
    dock.select_row(0)
    dock.context_button.click()
    assert "no longer at" in captured_dialogs.texts[-1]
    assert window.document.source_path != article


def _default(window):
    from reader.system import paths
    from reader.text import load_document

    return load_document(paths.default_article_path())


def test_undo_after_saving_again_keeps_the_newer_save(qtbot, window):
    save(window, "بوتين")
    entry = find_entry(window.vocabulary.store, *PUTIN)
    window.words.edit_entry("gloss", entry.id, "my gloss")
    dock = open_dock(qtbot, window)
    dock.select_row(0)
    dock.delete_button.click()
    window.session.pin(None)
    window.session.pin(word_index(window, "بوتين"))
    window.words.set_focused_status(Status.KNOWN)  # saved again, as known
    dock.undo_stack.undo()
    merged = find_entry(window.vocabulary.store, *PUTIN)
    assert merged is not None
    assert merged.status is Status.KNOWN  # the newer choice stands
    assert merged.user_gloss == "my gloss"  # and nothing of the old one is lost
    dock.undo_stack.redo()  # must not delete the newer save
    assert find_entry(window.vocabulary.store, *PUTIN) is not None
    assert dock.lemmas() == ["بُوتِين"]


def test_arabic_in_the_table_is_not_clipped(qtbot, window):
    save(window, "بوتين")
    dock = open_dock(qtbot, window)
    table = dock.table
    index = table.model().index(0, 0)
    from PySide6.QtGui import QFontMetrics

    from reader.ui.base import fonts

    needed = QFontMetrics(fonts.arabic_font(15)).height()
    delegate = table.itemDelegateForColumn(0)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(table)
    assert delegate.sizeHint(option, index).height() >= needed
    assert table.rowHeight(0) >= needed


def test_search_finds_a_word_as_a_learner_types_it(qtbot, window):
    """زيارة saved from the article: the dock finds it typed with ه, with the article,
    with a preposition, with its pronoun."""
    save(window, "زيارة")
    save(window, "موسكو")
    dock = open_dock(qtbot, window)
    (visit,) = [lemma for lemma in dock.lemmas() if lemma.startswith("زِ")]
    for typed in ("زياره", "الزيارة", "بالزياره", "زيارتها", "زِيَارَة"):
        dock.search_edit.setText(typed)
        dock.caught_up()
        assert dock.lemmas() == [visit], typed
