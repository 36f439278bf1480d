"""The reading window's docks and small things: where the vocabulary docks, its
columns, undo's text, the export folder, the shortcuts list, empty hints, the known
share and the default window size."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog, QHeaderView

from reader.system.settings import Settings
from reader.ui.article.word_marks import KnownShare
from reader.ui.base.tasks import TaskManager
from reader.ui.vocabulary.controller import known_label
from reader.ui.vocabulary.dock import EMPTY_HINT
from reader.ui.vocabulary.notes_dock import EMPTY_HINT as NOTES_HINT
from reader.ui.vocabulary.table import GLOSS, LEMMA, STATUS
from reader.ui.window import export_dialog
from reader.ui.window.main_window import LAYOUT_VERSION, MainWindow
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import make_window
from tests.ui.test_vocabulary_dock import open_dock, save


def _encoded(data) -> str:
    return base64.b64encode(bytes(data)).decode()


def test_vocabulary_is_beside_the_word_pane_not_behind_it(qtbot, window):
    dock = open_dock(qtbot, window)
    qtbot.waitUntil(lambda: dock.isVisible())
    assert window.gloss_pane not in window.tabifiedDockWidgets(dock)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    for shown in (dock, window.gloss_pane):
        assert shown.isVisible() and not shown.visibleRegion().isEmpty()
    assert window.view.width() >= window.view.minimumWidth()


def test_an_old_saved_layout_is_replaced_once_a_new_one_kept(qtbot, data_home, morphology):
    old = make_window(qtbot, morphology=morphology)
    old.save_settings_on_close = False
    old.tabifyDockWidget(old.gloss_pane, old.docks.vocabulary)  # the old default
    old.docks.vocabulary.show()
    assert old.gloss_pane in old.tabifiedDockWidgets(old.docks.vocabulary)
    settings = Settings()
    settings.set("window_state", _encoded(old.saveState(LAYOUT_VERSION - 1)))
    fresh = MainWindow(settings, tasks=TaskManager(synchronous=True), morphology=morphology)
    qtbot.addWidget(fresh)
    fresh.save_settings_on_close = False
    assert fresh.gloss_pane not in fresh.tabifiedDockWidgets(fresh.docks.vocabulary)
    # The learner's own layout, saved by this version, is theirs.
    settings.set("window_state", _encoded(old.saveState(LAYOUT_VERSION)))
    mine = MainWindow(settings, tasks=TaskManager(synchronous=True), morphology=morphology)
    qtbot.addWidget(mine)
    mine.save_settings_on_close = False
    assert mine.gloss_pane in mine.tabifiedDockWidgets(mine.docks.vocabulary)


def test_table_columns_fit_their_contents_and_the_gloss_stretches(qtbot, window):
    save(window, "بوتين")
    dock = open_dock(qtbot, window)
    header = dock.table.horizontalHeader()
    assert header.sectionResizeMode(GLOSS) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(LEMMA) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionSize(STATUS) >= header.sectionSizeHint(STATUS)
    assert header.sectionSize(LEMMA) >= dock.table.sizeHintForColumn(LEMMA)


def test_undo_says_delete_once(qtbot, window):
    save(window, "بوتين")
    dock = open_dock(qtbot, window)
    dock.select_row(0)
    lemma = dock.lemmas()[0]
    dock.delete_selected()
    assert dock.undo_action.text() == f"Undo Delete {lemma}"


def test_export_remembers_its_folder(qtbot, window, monkeypatch, tmp_path: Path):
    save(window, "بوتين")
    folder = tmp_path / "exports"
    folder.mkdir()
    suggested: list[Path] = []

    def accept(dialog) -> int:
        suggested.append(dialog.suggested_dir)
        dialog.path_edit.setText(str(folder / "words.csv"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", accept)
    window.export_vocabulary()
    assert (folder / "words.csv").is_file()
    assert window.settings.get("export_folder") == str(folder.resolve())
    window.export_vocabulary()
    assert suggested[-1] == folder.resolve()
    # Survives a restart: the setting is saved.
    window.settings.save()
    assert Settings().get("export_folder") == str(folder.resolve())
    folder.joinpath("words.csv").unlink()
    folder.rmdir()
    fallback = export_dialog.default_export_folder(window.settings)
    assert fallback != folder.resolve() and fallback.is_dir()


def test_shortcuts_dialog_lists_every_menu_key_and_the_article_keys(qtbot, window):
    assert window.actions.shortcuts in window.menuBar().actions()[-1].menu().actions()
    window.actions.shortcuts.trigger()
    dialog = window.actions.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = {(what, keys) for _where, what, keys in dialog.texts()}
    assert ("Save Word", "S") in rows
    for key in ("Esc", "←", "→"):
        assert any(keys == key for _what, keys in rows)
    for number in "1234":
        assert any(keys == number and what.startswith("Mark as") for what, keys in rows)
    menu_actions = [
        *window.findChildren(type(window.actions.open)),
        window.docks.vocabulary.toggleViewAction(),
        window.docks.notes.toggleViewAction(),
    ]
    in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    keyed = [a for a in menu_actions if a in in_menus and not a.shortcut().isEmpty()]
    assert len(keyed) >= 15  # open, zoom, speech, the four statuses, the docks ...: not vacuous
    for action in keyed:
        shown = [keys for what, keys in rows if what == action.text().replace("&", "")]
        assert shown and action.shortcut().toString() in shown[0]
    window.close()
    assert not dialog.isVisible()  # the list goes with the window


def test_empty_lists_say_how_to_fill_them(qtbot, window):
    dock = open_dock(qtbot, window)
    assert dock.empty_hint.isVisible() and dock.empty_hint.text() == EMPTY_HINT
    assert "press S" in EMPTY_HINT and window.actions.save_word.shortcut().toString() == "S"
    save(window, "بوتين")
    assert not dock.empty_hint.isVisible()
    dock.search_edit.setText("nothing like this")
    assert dock.empty_hint.isVisible() and dock.empty_hint.text() != EMPTY_HINT

    window.docks.notes.toggleViewAction().trigger()
    notes = window.docks.notes
    qtbot.waitUntil(lambda: notes.built and notes.isVisible())
    assert notes.empty_hint.isVisible() and notes.empty_hint.text() == NOTES_HINT
    assert notes.add_button.text() == "Add Note"
    notes.editor.setPlainText("A note")
    assert notes.add_from_editor()
    assert not notes.empty_hint.isVisible()


def test_known_share_has_one_decimal(window):
    assert known_label(KnownShare(1, 3)) == "Known: 33.3% of words"
    assert known_label(KnownShare(0, 0)) == ""
    save(window, "بوتين", Qt.Key.Key_3)
    # Putin is known: every Arabic word of the article read as him counts, of all of
    # them; not the one in فلاديمير بوتين, a name of several words with an entry of its own.
    arabic = list(window.document.arabic_tokens())
    putins = [
        t
        for t in arabic
        if (best := window.analysis.best(t.index))
        and best.lex == "بُوتِين"
        and window.session.name_at(t.index) is None
    ]
    assert len(putins) > 1
    percent = 100 * len(putins) / len(arabic)
    assert window.known_label.text() == f"Known: {percent:.1f}% of words"
    assert re.fullmatch(r"Known: \d+\.\d% of words", window.known_label.text())


def test_default_window_is_most_of_the_free_screen_centred(qtbot, data_home):
    window = MainWindow(Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(window)
    window.save_settings_on_close = False
    available = QRect(100, 50, 1600, 1000)
    window.fit_to_screen(available, default_size=True)
    frame = window.frameGeometry()
    assert abs(frame.width() - 1360) <= 2 and abs(frame.height() - 850) <= 2
    assert abs(frame.center().x() - available.center().x()) <= 2
    assert abs(frame.center().y() - available.center().y()) <= 2
    # A small screen: clamped inside it.
    small = QRect(0, 0, 700, 500)
    window.fit_to_screen(small, default_size=True)
    assert small.contains(window.frameGeometry()) or window.width() <= window.minimumWidth()


def test_undo_of_a_note_says_delete_once(qtbot, window):
    window.docks.notes.toggleViewAction().trigger()
    notes = window.docks.notes
    qtbot.waitUntil(lambda: notes.built)
    notes.editor.setPlainText("A note")
    notes.add_from_editor()
    notes.list.setCurrentRow(0)
    notes.delete_selected()
    assert notes.undo_action.text() == "Undo Delete note"
