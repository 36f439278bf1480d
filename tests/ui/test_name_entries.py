"""Saving a word of a name of several words saves the name, as one entry, everywhere.

Real widgets offscreen, the real analyzer, a real store in a tmp folder.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.store import Status, find_entry, list_entries, occurrences
from reader.store.export import export_csv
from reader.text import load_document, strip_diacritics
from reader.ui.article.word_marks import MARK_COLOURS
from tests.ui.conftest import click, hover, make_window, token_index
from tests.ui.test_vocabulary_dock import open_dock
from tests.ui.test_vocabulary_words import background, press

STATES = ("الولايات المتحدة", "noun_prop")
LEARNING, NEW = MARK_COLOURS["learning"][0], MARK_COLOURS["new"][0]


def _states(window) -> tuple[int, int]:
    """The first الولايات المتحدة of the default article: its two tokens."""
    first = token_index(window, "الولايات")
    second = first + 1
    assert window.document.tokens[second].text == "المتحدة"
    assert window.session.name_at(first).end == second + 1
    return first, second


def _all_states(window) -> list[int]:
    """Every token of every الولايات المتحدة in the article (it has two)."""
    return [
        index
        for index, token in enumerate(window.document.tokens)
        if token.text in ("الولايات", "المتحدة") and window.session.name_at(index) is not None
    ]


def test_s_on_a_word_of_a_name_saves_the_name_as_one_entry(window):
    first, second = _states(window)
    hover(window, second)
    press(window, Qt.Key.Key_S)

    store = window.vocabulary.store
    (entry,) = list_entries(store)
    assert entry.key == STATES and entry.pos == "noun_prop" and entry.root == ""
    assert strip_diacritics(entry.lemma) == "الولايات المتحدة"
    assert entry.dictionary_gloss == "United States" and entry.status is Status.LEARNING
    (seen,) = occurrences(store, entry.id)
    tokens = window.document.tokens
    assert (seen.start, seen.end) == (tokens[first].start, tokens[second].end)
    assert seen.surface == "الولايات المتحدة" and seen.surface in seen.sentence
    assert seen.sentence in window.document.text
    # Neither word was saved on its own.
    for index in (first, second):
        assert find_entry(store, *window.reading(index).key) is None
    # Every word of the name, in both places the article names it, is marked.
    marked = _all_states(window)
    assert len(marked) == 4
    assert {background(window, index) for index in marked} == {LEARNING}
    assert background(window, first - 1) != LEARNING  # the word before the name: not
    assert "Saved" in window.statusBar().currentMessage()


def test_the_pane_says_it_saves_a_name_or_a_word(window):
    first, _second = _states(window)
    click(window, first)
    editor = window.gloss_pane.editor
    assert editor.save_button.text().startswith("Save name")
    assert "whole name" in editor.save_button.toolTip()
    click(window, token_index(window, "وزير"))
    assert editor.save_button.text().startswith("Save word")
    assert "name" not in editor.save_button.toolTip()


def test_the_pane_shows_the_names_entry_from_either_word(window):
    first, second = _states(window)
    click(window, first)
    window.gloss_pane.editor.save_button.click()
    saved = find_entry(window.vocabulary.store, *STATES)
    assert saved is not None
    for index in (second, first):
        click(window, index)
        editor = window.gloss_pane.editor
        assert editor.entry is not None and editor.entry.id == saved.id
        assert editor.status_buttons["learning"].isChecked()
        assert editor.save_button.text().startswith("Save again")


def test_status_keys_change_the_names_status_and_its_marks(window):
    first, second = _states(window)
    click(window, second)
    store = window.vocabulary.store
    press(window, Qt.Key.Key_1)  # saves the name, as new
    assert find_entry(store, *STATES).status is Status.NEW
    assert {background(window, index) for index in _all_states(window)} == {NEW}
    click(window, first)  # the other word of the same name
    for key, status in ((Qt.Key.Key_2, Status.LEARNING), (Qt.Key.Key_3, Status.KNOWN)):
        press(window, key)
        assert find_entry(store, *STATES).status is status
        assert window.gloss_pane.editor.status_buttons[status.value].isChecked()
    assert len(list_entries(store)) == 1
    assert {background(window, index) for index in _all_states(window)} == {None}
    assert window.words.share.known == 4  # both words, both times


def test_own_gloss_tags_and_note_of_a_name(window):
    first, second = _states(window)
    click(window, first)
    press(window, Qt.Key.Key_S)
    editor = window.gloss_pane.editor
    editor.gloss_edit.setFocus()
    editor.gloss_edit.setText("the USA")
    QTest.keyClick(editor.gloss_edit, Qt.Key.Key_Return)
    editor.tags_edit.setText("places")
    editor.tags_edit.editingFinished.emit()
    entry = find_entry(window.vocabulary.store, *STATES)
    assert entry.user_gloss == "the USA" and entry.tags == ("places",)
    hover(window, second)
    assert "the USA" in window.popup.text()
    click(window, second)
    assert "the USA" in window.gloss_pane.text()


def test_a_single_word_still_saves_its_lemma(window):
    _states(window)
    minister = token_index(window, "وزير")
    assert window.session.name_at(minister) is None
    reading = window.reading(minister)
    click(window, minister)
    press(window, Qt.Key.Key_S)
    (entry,) = list_entries(window.vocabulary.store)
    assert entry.key == reading.key and " " not in entry.lex
    assert {background(window, index) for index in _all_states(window)} == {None}


def test_highlight_new_words_marks_an_unsaved_name_whole(window):
    window.actions.highlight_new_words.trigger()
    first, second = _states(window)
    assert window.view.marks().get(first) is not None
    assert window.view.marks().get(second) is not None
    click(window, first)
    press(window, Qt.Key.Key_S)
    assert background(window, first) == background(window, second) == LEARNING


def test_the_dock_lists_the_name_shows_it_in_context_and_undoes_its_delete(qtbot, window):
    first, second = _states(window)
    click(window, second)
    press(window, Qt.Key.Key_S)
    dock = open_dock(qtbot, window)
    (lemma,) = dock.lemmas()
    assert strip_diacritics(lemma) == "الولايات المتحدة"
    dock.search_edit.setText("united states")
    assert dock.lemmas() == [lemma]
    dock.search_edit.clear()

    window.session.pin(None)
    dock.select_row(0)
    dock.context_button.click()
    qtbot.waitUntil(lambda: window.session.pinned is not None)
    assert window.session.pinned == first  # the name's first word, the name highlighted
    selections = [s.cursor.selectedText() for s in window.view.extraSelections()]
    assert "الولايات المتحدة" in selections

    dock.delete_button.click()
    assert list_entries(window.vocabulary.store) == []
    assert background(window, first) is None and background(window, second) is None
    dock.undo_action.trigger()
    restored = find_entry(window.vocabulary.store, *STATES)
    assert restored is not None and restored.occurrence_count == 1
    assert background(window, first) == background(window, second) == LEARNING


def test_a_saved_name_is_marked_on_reopening_and_exported(
    qtbot, window, morphology, default_article_path, tmp_path
):
    first, second = _states(window)
    click(window, first)
    press(window, Qt.Key.Key_1)
    store = window.vocabulary.store
    target = tmp_path / "words.csv"
    assert export_csv(store, target) == 1
    text = target.read_bytes().decode("utf-8-sig")
    assert "United States" in text and "الولايات المتحدة" in text
    window.close()

    again = make_window(qtbot, morphology=morphology)
    again.show_document(load_document(default_article_path))
    again.start_dictionary()
    assert background(again, first) == background(again, second) == NEW
    hover(again, second)  # the window comes back where the last one was: in view first
    click(again, second)
    entry = again.gloss_pane.editor.entry
    assert entry is not None and entry.key == STATES
    again.close()


def test_a_name_behind_to_or_and_is_the_same_entry_and_marked_everywhere(window):
    """Saved from للأمم المتحدة, the name is الأمم المتحدة: one entry, and the
    words of وبالأمم المتحدة and الأمم المتحدة in the article are marked too."""
    from reader.text import document_from_text

    text = "قال الأمين العام للأمم المتحدة إن وبالأمم المتحدة خبراء، وإن الأمم المتحدة مستعدة."
    window.show_document(document_from_text(text, title="un"))
    names = [span for span in window.session.analysis.names if span.english == "United Nations"]
    assert len(names) == 3
    hover(window, names[0].start)
    press(window, Qt.Key.Key_S)
    (entry,) = list_entries(window.vocabulary.store)
    assert entry.key == ("الأمم المتحدة", "noun_prop")
    assert strip_diacritics(entry.lemma) == "الأمم المتحدة"  # not للأمم: no ل
    words = [index for span in names for index in range(span.start, span.end)]
    assert {background(window, index) for index in words} == {LEARNING}


def test_a_name_spelt_from_its_letters_is_saved_saying_so(window):
    """جون كيري's English is partly a guess at the spelling: the saved entry says
    so, and so does a single word spelt from its letters (الكريملن); a name a
    source knows (لأوباما: Obama) is saved as it is."""
    from reader.morphology.names.saving import GUESSED_SPELLING

    store = window.vocabulary.store
    john = token_index(window, "جون")
    span = window.session.name_at(john)
    assert span.source == "letters"
    click(window, john)
    press(window, Qt.Key.Key_S)
    (name,) = list_entries(store)
    assert name.dictionary_gloss == span.english + GUESSED_SPELLING

    kremlin = token_index(window, "الكريملن")
    reading = window.reading(kremlin)
    assert reading.is_guess
    click(window, kremlin)
    press(window, Qt.Key.Key_S)
    entry = find_entry(store, *reading.key)
    assert entry.dictionary_gloss == reading.lemma_gloss + GUESSED_SPELLING

    obama = token_index(window, "لأوباما")
    reading = window.reading(obama)
    click(window, obama)
    press(window, Qt.Key.Key_S)
    assert find_entry(store, *reading.key).dictionary_gloss == "Obama"


KERRY = ("جون كيري", "noun_prop")


def _kerry_alone(window) -> list[int]:
    """The كيري of the default article that stand alone, outside جون كيري (seven)."""
    return [
        index
        for index, token in enumerate(window.document.tokens)
        if token.text == "كيري" and window.session.name_at(index) is None
    ]


def test_a_saved_names_gloss_status_and_marks_reach_its_surname_alone(window):
    """جون كيري saved with the learner's "John Kerry": every كيري alone says it, is
    marked with it, follows its status and counts with it towards the known share."""
    alone = _kerry_alone(window)
    assert len(alone) == 7
    assert {background(window, index) for index in alone} == {None}
    click(window, token_index(window, "كيري", after="جون"))
    press(window, Qt.Key.Key_S)
    editor = window.gloss_pane.editor
    editor.gloss_edit.setFocus()
    editor.gloss_edit.setText("John Kerry")
    QTest.keyClick(editor.gloss_edit, Qt.Key.Key_Return)
    store = window.vocabulary.store
    assert find_entry(store, *KERRY).user_gloss == "John Kerry"

    assert {background(window, index) for index in alone} == {LEARNING}
    later = alone[-1]
    hover(window, later)
    assert "John Kerry" in window.popup.text()
    click(window, later)
    assert "John Kerry" in window.gloss_pane.text()
    assert editor.entry is not None and editor.entry.key == KERRY
    known_before = window.words.share.known
    press(window, Qt.Key.Key_3)  # known, from a surname alone: the name's status
    assert find_entry(store, *KERRY).status is Status.KNOWN
    assert len(list_entries(store)) == 1
    assert {background(window, index) for index in alone} == {None}
    assert window.words.share.known == known_before + 2 + 7
