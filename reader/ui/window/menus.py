"""The window's actions and menus, kept apart from what they do.

The actions are given the commands they run (:class:`Commands`), as
Frescobaldi's action collections are, never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu, QMenuBar, QWidget

from reader.store import Status
from reader.system.filenames import shown_name
from reader.system.settings import Settings
from reader.ui.article.column import TEXT_WIDTH_TITLES
from reader.ui.word.entry_editor import STATUS_KEYS


@dataclass(frozen=True)
class Commands:
    """What the menus' actions do: the window's commands, one callable each."""

    open: Callable[[], object]
    paste: Callable[[], object]
    quit: Callable[[], object]
    show_vowels: Callable[[bool], None]
    show_case_endings: Callable[[bool], None]
    romanization: Callable[[str], None]
    zoom: Callable[[int], None]  # +2, -2; 0: the default size
    text_width: Callable[[str], None]  # a key of reader.ui.article.column.TEXT_WIDTHS
    about: Callable[[], None]
    highlight_new_words: Callable[[bool], None]
    export: Callable[[], None]
    backup: Callable[[], None]
    save_word: Callable[[], object]  # the word in focus
    set_status: Callable[[Status], None]  # of the word in focus
    dialog_parent: QWidget  # the Keyboard Shortcuts window's
    menu_bar: QMenuBar  # whose keys it lists


class Actions:
    def __init__(self, commands: Commands, parent: QObject) -> None:
        def action(text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            made = QAction(text, parent)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            return made

        self.open = action("&Open…", lambda: commands.open(), QKeySequence.StandardKey.Open)
        self.paste = action("&Paste as New Document", lambda: commands.paste(), "Ctrl+Shift+V")
        self.quit = action("&Quit", lambda: commands.quit(), QKeySequence.StandardKey.Quit)
        self.show_vowels = action("Show &Vowels", commands.show_vowels, "Ctrl+Shift+H")
        self.show_vowels.setCheckable(True)
        self.show_vowels.setToolTip(
            "Show every word with its vowels in this sentence (ḥarakāt), clitics included"
        )
        self.show_case_endings = action("Show &Case Endings", commands.show_case_endings)
        self.show_case_endings.setCheckable(True)
        self.show_case_endings.setToolTip(
            "Write the final vowel of case and mood (iʿrāb); off: pausal forms, as read at a pause"
        )
        # Romanization: DIN 31635 (as it is said) or ALA-LC (as libraries write it).
        self.romanization = QActionGroup(parent)
        self.romanization_din = action(
            "Romanization: &DIN 31635 (ar-raʾīs)", lambda: commands.romanization("din")
        )
        self.romanization_ala = action(
            "Romanization: &ALA-LC (al-raʼīs)", lambda: commands.romanization("ala-lc")
        )
        for made in (self.romanization_din, self.romanization_ala):
            made.setCheckable(True)
            self.romanization.addAction(made)
        self.zoom_in = action(
            "Zoom &In", lambda: commands.zoom(+2), QKeySequence.StandardKey.ZoomIn
        )
        # Ctrl+= too: on most keyboards "+" needs Shift.
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), "Ctrl+="])
        self.zoom_out = action(
            "Zoom &Out", lambda: commands.zoom(-2), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset = action("&Reset Zoom", lambda: commands.zoom(0), "Ctrl+0")
        self.text_width = QActionGroup(parent)
        self.text_widths: dict[str, QAction] = {}
        for name, title in TEXT_WIDTH_TITLES.items():
            made = action(title, lambda _=False, n=name: commands.text_width(n))
            made.setCheckable(True)
            self.text_width.addAction(made)
            self.text_widths[name] = made
        self.about = action("&About Arabic Reader", lambda: commands.about())
        self.shortcuts_dialog: QDialog | None = None
        self.shortcuts = action(
            "&Keyboard Shortcuts",
            lambda: self.show_shortcuts(commands.menu_bar, commands.dialog_parent),
            QKeySequence.StandardKey.HelpContents,
        )
        self.highlight_new_words = action(
            "Highlight &New Words", commands.highlight_new_words, "Ctrl+Shift+W"
        )
        self.highlight_new_words.setCheckable(True)
        self.highlight_new_words.setToolTip("Mark the words not yet in your vocabulary")
        self.export = action("&Export Vocabulary…", lambda: commands.export(), "Ctrl+Shift+E")
        self.backup = action("&Back Up Vocabulary…", lambda: commands.backup())
        self.save_word = action("&Save Word", lambda: commands.save_word(), "S")
        self.save_word.setToolTip("Save the pinned word, else the word under the mouse")
        self.statuses = [
            action(
                f"Mark as {status.value.capitalize()}",
                lambda _=False, s=status: commands.set_status(s),
                key,
            )
            for key, status in STATUS_KEYS
        ]

    def show_shortcuts(self, menus: QMenuBar, parent: QWidget) -> QDialog:
        """Help > Keyboard Shortcuts: built anew each time, so it lists the keys as they are."""
        from reader.ui.window.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(menus, parent)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog


def build_menus(
    bar: QMenuBar,
    actions: Actions,
    *,
    panels: Sequence[QDockWidget],
    speech: Sequence[QAction],
    settings: Settings,
    open_path: Callable[[Path], object],
    look_up: Sequence[QAction | QMenu] = (),
) -> QMenu:
    """Fill the menu bar; returns the Open Recent menu (rebuilt each time it opens).

    ``panels``: the docks shown or hidden from the View menu; ``speech``: Speak
    Word and Speak Sentence; ``look_up``: the Word menu's way to the web (Look Up
    In, Translate Sentence in Browser).
    """
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions.open)
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent_menu(settings, open_path, recent))
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
    width_menu = view_menu.addMenu("Text &Width")
    for width in actions.text_widths.values():
        width_menu.addAction(width)
    view_menu.addSeparator()
    view_menu.addAction(actions.highlight_new_words)
    view_menu.addSeparator()
    for panel in panels:
        view_menu.addAction(panel.toggleViewAction())

    word_menu = bar.addMenu("&Word")
    word_menu.addAction(actions.save_word)
    word_menu.addSeparator()
    for speak in speech:
        word_menu.addAction(speak)
    word_menu.addSeparator()
    for entry in look_up:
        if isinstance(entry, QMenu):
            word_menu.addMenu(entry)
        else:
            word_menu.addAction(entry)
    if look_up:
        word_menu.addSeparator()
    for status in actions.statuses:
        word_menu.addAction(status)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)
    return recent


def fill_recent_menu(settings: Settings, open_path: Callable[[Path], object], menu: QMenu) -> None:
    menu.clear()
    existing = [p for p in settings.get("recent_files") if Path(p).is_file()]
    if existing != settings.get("recent_files"):
        settings.set("recent_files", existing)  # files that went away leave the menu
    for number, name in enumerate(existing, start=1):
        label = shown_name(Path(name).name).replace("&", "&&")  # "&" would be a shortcut
        entry = menu.addAction(f"&{number % 10}  {label}")
        entry.setToolTip(shown_name(name))
        entry.setStatusTip(shown_name(name))
        entry.triggered.connect(lambda _=False, path=name: open_path(Path(path)))
    if existing:
        menu.addSeparator()
    clear = menu.addAction("&Clear Menu")
    clear.setEnabled(bool(existing))
    clear.triggered.connect(lambda: settings.set("recent_files", []))
