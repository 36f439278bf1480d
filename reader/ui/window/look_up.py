"""Looking words up on the web: the Word pane's menu, the Word menu's, the article's.

Each opens the learner's browser at a site they chose, for the word the Word
pane shows (or the word right-clicked), and only at their click: this is the
app's one use of the network besides installing the dictionary. The sentence
translator is the same: the whole sentence, in the browser, when asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reader.morphology.roots.radicals import Root
from reader.reading.lookup_sites import (
    Site,
    root_letters,
    sentence_template,
    sentence_url,
    sites_from_setting,
)
from reader.reading.session import ReadingSession
from reader.system.settings import Settings
from reader.text import TokenKind
from reader.ui.article.view import ArticleView
from reader.ui.word.look_up import LookedUp, LookUpMenu, open_in_browser
from reader.ui.word.pane import GlossPane


class LookUp(QObject):
    def __init__(
        self,
        session: ReadingSession,
        pane: GlossPane,
        view: ArticleView,
        settings: Settings,
        root_of: Callable[[str, str, str], Root],  # (root, lex, pos): the Root line's root
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.pane, self.view, self.settings = session, pane, view, settings
        self.root_of, self.window = root_of, parent
        self.dialog: QWidget | None = None
        shown = lambda: self.word_at(pane.token_index)  # noqa: E731 - the pane's word
        # The Word menu's, and the pane's own button: the word the pane shows.
        self.menu = LookUpMenu("Look &Up In", parent)
        for menu in (self.menu, pane.look_up.look_up_menu):
            menu.set_sources(self.sites, shown)
            menu.edit_requested.connect(self.edit_sites)
        self.translate_action = QAction("&Translate Sentence in Browser", parent)
        self.translate_action.setToolTip("Open the sentence of the word shown in a translator")
        self.translate_action.triggered.connect(lambda: self.translate_sentence())
        pane.sentence_translation.requested.connect(lambda: self.translate_sentence())
        # The article's right-click menu: Copy and Select All, and the word's look-up.
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_article_menu)

    def sites(self) -> tuple[Site, ...]:
        return sites_from_setting(self.settings.get("lookup_sites"))

    def word_at(self, index: int | None) -> LookedUp | None:
        """The word at token ``index`` as the sites want it: its lemma and root letters."""
        document = self.session.document
        if index is None or document is None or index >= len(document.tokens):
            return None
        token = document.tokens[index]
        if token.kind is not TokenKind.ARABIC:
            return None
        reading = self.session.reading(index)
        if reading is None or not reading.lemma:
            return LookedUp(token.text)  # not analysed (yet): the word as written
        found = self.root_of(reading.root, reading.lex, reading.pos) if reading.root else None
        root = root_letters(found.radicals) if found is not None else ""
        return LookedUp(reading.lemma, root)

    def sentence_text(self, index: int | None = None) -> str:
        """The sentence of token ``index`` (else of the word the pane shows), as the
        article writes it."""
        document = self.session.document
        index = self.pane.token_index if index is None else index
        if document is None or index is None or index >= len(document.tokens):
            return ""
        span = document.sentences[document.tokens[index].sentence]
        return document.text[span.start : span.end].strip()

    def translate_sentence(self, index: int | None = None) -> bool:
        sentence = self.sentence_text(index)
        if not sentence:
            return False
        template = sentence_template(self.settings.get("sentence_translation_url"))
        return open_in_browser(sentence_url(template, sentence))

    def edit_sites(self) -> None:
        from reader.ui.window.look_up_sites_dialog import LookUpSitesDialog

        if self.dialog is not None:
            self.dialog.close()
        self.dialog = LookUpSitesDialog(self.settings, self.window)
        self.dialog.open()

    def article_menu(self, viewport_pos: QPoint) -> QMenu:
        """The article's context menu at a point: the standard one, and on a word its
        look-up (the word clicked, whatever the pane shows)."""
        menu = self.view.createStandardContextMenu()
        menu.setParent(self.view, menu.windowFlags())
        index = self.view.token_at(viewport_pos)
        word = self.word_at(index)
        if word is not None:
            menu.addSeparator()
            look_up = LookUpMenu("Look &Up In", menu)
            look_up.set_sources(self.sites, lambda: word)
            look_up.edit_requested.connect(self.edit_sites)
            menu.addMenu(look_up)
            translate = menu.addAction("Translate Sentence in Browser")
            translate.triggered.connect(lambda: self.translate_sentence(index))
        return menu

    def _show_article_menu(self, viewport_pos: QPoint) -> None:
        menu = self.article_menu(viewport_pos)
        menu.exec(self.view.viewport().mapToGlobal(viewport_pos))
        menu.deleteLater()
