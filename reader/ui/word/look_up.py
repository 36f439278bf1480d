"""Look a word up on the web, or have its sentence translated there: on the learner's click.

The menus list the learner's sites (:mod:`reader.reading.lookup_sites`) and open
the one clicked in the system browser; the app itself fetches nothing. What word
and which sites are asked for when a menu opens, through sources the window
gives (the pane's word, the word right-clicked in the article).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from reader.reading.lookup_sites import Site, bare_word, site_url

# One line beside the button: a 720p pane keeps its rows for the sentence itself.
NO_SENTENCE_TRANSLATION = "No offline sentence translation."
NO_SENTENCE_TRANSLATION_WHY = (
    "Arabic Reader translates no whole sentence offline: the words above are glossed "
    "one by one, in this sentence's reading."
)


@dataclass(frozen=True)
class LookedUp:
    """The word a look-up is for: its lemma (vowels or not) and its root's letters ("" unknown)."""

    lemma: str
    root: str = ""


def open_in_browser(url: str) -> bool:
    """The one door to the network: the learner's browser, with an address they chose."""
    return QDesktopServices.openUrl(QUrl(url))


class LookUpMenu(QMenu):
    """A site per entry, for the word ``word()`` gives when the menu opens; then Edit."""

    edit_requested = Signal()

    def __init__(self, title: str = "Look up in", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.sites: Callable[[], Sequence[Site]] = tuple
        self.word: Callable[[], LookedUp | None] = lambda: None
        self.aboutToShow.connect(self.fill)

    def set_sources(
        self, sites: Callable[[], Sequence[Site]], word: Callable[[], LookedUp | None]
    ) -> None:
        self.sites, self.word = sites, word

    def fill(self) -> None:
        """The entries as they are now: the learner's list, for the word in view."""
        self.clear()
        word = self.word()
        for site in self.sites():
            entry = self.addAction(site.name.replace("&", "&&"))
            if word is None:
                entry.setEnabled(False)
                continue
            url = site_url(site, word.lemma, word.root)
            entry.setToolTip(QUrl(url).toDisplayString())
            entry.setStatusTip(f"Open {site.name} for {bare_word(word.lemma)} in your browser")
            entry.triggered.connect(lambda _=False, address=url: open_in_browser(address))
        self.setToolTipsVisible(True)
        if self.actions():
            self.addSeparator()
        self.addAction("Edit Sites…").triggered.connect(self.edit_requested)


class LookUpButton(QToolButton):
    """The Word pane's "Look up in…": the menu of sites, opened at a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookUpButton")
        self.setText("Look up in…")
        self.setToolTip("Open this word's lemma in a dictionary on the web, in your browser")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.look_up_menu = LookUpMenu(parent=self)
        self.setMenu(self.look_up_menu)


class SentenceTranslation(QWidget):
    """Under the sentence: that it is not translated here, and a door to a translator."""

    requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        self.note = QLabel(NO_SENTENCE_TRANSLATION, wordWrap=True)
        self.note.setObjectName("sentenceNote")
        self.note.setToolTip(NO_SENTENCE_TRANSLATION_WHY)
        self.note.setStyleSheet("color:#6b6357")
        small = self.note.font()
        small.setPointSizeF(max(8.0, small.pointSizeF() - 1))  # a side note, not the sentence
        self.note.setFont(small)
        self.button = QPushButton("Translate sentence in browser")
        self.button.setObjectName("translateSentence")
        self.button.setToolTip("Open the whole sentence in Google Translate (Arabic → English)")
        self.button.clicked.connect(self.requested)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)


class SentenceSection(QWidget):
    """The Sentence tab: the sentence word by word, then the translation line."""

    def __init__(self, words: QListWidget, translation: SentenceTranslation) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(words, 1)
        layout.addWidget(translation)
        self.words, self.translation = words, translation
        # Nothing to translate until a sentence is shown.
        model = words.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        # The list empties as it is destroyed (the pane closing): nothing to enable then.
        if isValid(self.words) and isValid(self.translation):
            self.translation.button.setEnabled(self.words.count() > 0)
