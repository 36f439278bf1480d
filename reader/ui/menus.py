"""The window's actions and menus, kept apart from what they do."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from reader.filenames import shown_name
from reader.ui.entry_editor import STATUS_KEYS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class Actions:
    def __init__(self, window: MainWindow) -> None:
        def action(text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            made = QAction(text, window)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            return made

        self.open = action("&Open…", window.choose_and_open, QKeySequence.StandardKey.Open)
        self.paste = action("&Paste as New Document", window.paste_as_new_document, "Ctrl+Shift+V")
        self.quit = action("&Quit", window.close, QKeySequence.StandardKey.Quit)
        self.show_vowels = action("Show &Vowels", window.set_show_vowels, "Ctrl+Shift+H")
        self.show_vowels.setCheckable(True)
        self.show_vowels.setToolTip(
            "Show every word with its vowels in this sentence (ḥarakāt), clitics included"
        )
        self.show_case_endings = action("Show &Case Endings", window.set_show_case_endings)
        self.show_case_endings.setCheckable(True)
        self.show_case_endings.setToolTip(
            "Write the final vowel of case and mood (iʿrāb); off: pausal forms, as read at a pause"
        )
        # Romanization: DIN 31635 (as it is said) or ALA-LC (as libraries write it).
        self.romanization = QActionGroup(window)
        self.romanization_din = action(
            "Romanization: &DIN 31635 (ar-raʾīs)", lambda: window.set_romanization("din")
        )
        self.romanization_ala = action(
            "Romanization: &ALA-LC (al-raʼīs)", lambda: window.set_romanization("ala-lc")
        )
        for made in (self.romanization_din, self.romanization_ala):
            made.setCheckable(True)
            self.romanization.addAction(made)
        self.zoom_in = action("Zoom &In", lambda: window.zoom(+2), QKeySequence.StandardKey.ZoomIn)
        # Ctrl+= too: on most keyboards "+" needs Shift.
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), "Ctrl+="])
        self.zoom_out = action(
            "Zoom &Out", lambda: window.zoom(-2), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset = action("&Reset Zoom", lambda: window.zoom(0), "Ctrl+0")
        self.about = action("&About Arabic Reader", window.show_about)
        self.shortcuts_dialog: QDialog | None = None
        self.shortcuts = action(
            "&Keyboard Shortcuts",
            lambda: self.show_shortcuts(window),
            QKeySequence.StandardKey.HelpContents,
        )
        self.highlight_new_words = action(
            "Highlight &New Words", window.set_highlight_new_words, "Ctrl+Shift+W"
        )
        self.highlight_new_words.setCheckable(True)
        self.highlight_new_words.setToolTip("Mark the words not yet in your vocabulary")
        self.export = action("&Export Vocabulary…", window.export_vocabulary, "Ctrl+Shift+E")
        self.backup = action("&Back Up Vocabulary…", window.back_up_vocabulary)
        self.save_word = action("&Save Word", lambda: window.words.save_focused_word(), "S")
        self.save_word.setToolTip("Save the word under the mouse, or the pinned word")
        self.statuses = [
            action(
                f"Mark as {status.value.capitalize()}",
                lambda _=False, s=status: window.words.set_focused_status(s),
                key,
            )
            for key, status in STATUS_KEYS
        ]

    def show_shortcuts(self, window: MainWindow) -> QDialog:
        """Help > Keyboard Shortcuts: built anew each time, so it lists the keys as they are."""
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(window)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog


def build_menus(window: MainWindow, actions: Actions) -> QMenu:
    """Fill the menu bar; returns the Open Recent menu (rebuilt each time it opens)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions.open)
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent_menu(window, recent))
    file_menu.addAction(actions.paste)
    file_menu.addSeparator()
    file_menu.addAction(actions.export)
    file_menu.addAction(actions.backup)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    view_menu = bar.addMenu("&View")
    view_menu.addAction(actions.show_vowels)
    view_menu.addAction(actions.show_case_endings)
    view_menu.addSeparator()
    view_menu.addAction(actions.romanization_din)
    view_menu.addAction(actions.romanization_ala)
    view_menu.addSeparator()
    for zoom in (actions.zoom_in, actions.zoom_out, actions.zoom_reset):
        view_menu.addAction(zoom)
    view_menu.addSeparator()
    view_menu.addAction(actions.highlight_new_words)
    view_menu.addSeparator()
    view_menu.addAction(window.gloss_pane.toggleViewAction())
    view_menu.addAction(window.docks.vocabulary.toggleViewAction())
    view_menu.addAction(window.docks.notes.toggleViewAction())

    word_menu = bar.addMenu("&Word")
    word_menu.addAction(actions.save_word)
    word_menu.addSeparator()
    word_menu.addAction(window.speech.speak_word_action)
    word_menu.addAction(window.speech.speak_sentence_action)
    word_menu.addSeparator()
    for status in actions.statuses:
        word_menu.addAction(status)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)
    return recent


def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    existing = [p for p in window.settings.get("recent_files") if Path(p).is_file()]
    if existing != window.settings.get("recent_files"):
        window.settings.set("recent_files", existing)  # files that went away leave the menu
    for number, name in enumerate(existing, start=1):
        label = shown_name(Path(name).name).replace("&", "&&")  # "&" would be a shortcut
        entry = menu.addAction(f"&{number % 10}  {label}")
        entry.setToolTip(shown_name(name))
        entry.setStatusTip(shown_name(name))
        entry.triggered.connect(lambda _=False, path=name: window.open_path(Path(path)))
    if existing:
        menu.addSeparator()
    clear = menu.addAction("&Clear Menu")
    clear.setEnabled(bool(existing))
    clear.triggered.connect(lambda: window.settings.set("recent_files", []))
