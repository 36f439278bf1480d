"""The word in focus: the hover popup and the gloss pane follow the session's focus.

The article view reports the word under the mouse and the clicks to the
session (:class:`reader.reading.session.ReadingSession`); the session says what
changed, and this shows it. The hovered word gets the popup (a glance); the
pinned word, else the hovered one, fills the gloss pane with its readings, its
saved entry and its sentence. A pin made elsewhere (a dock's Show in Context)
goes through the session too, and the view follows.

A word reached with ← or → gets the same popup at the word, as if the mouse had
come to it; it goes as a hover's would: Esc (the unpin), a click anywhere, a
scroll, or the mouse bringing another word.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtWidgets import QApplication

from reader.reading.session import UNAVAILABLE, Aspect, ReadingSession, SessionChange
from reader.text import TokenKind
from reader.text.tokens import overlong_note
from reader.ui.article.view import ArticleView
from reader.ui.word.pane import GlossPane
from reader.ui.word.popup import HoverPopup

POPUP_HIDE_MS = 150
SHOWN_LETTERS = 30  # of an overlong run, in the popup and the pane
# What shows the word in focus anew: its readings, its entry, how it is written.
_REFRESHED = (
    Aspect.ANALYSIS
    | Aspect.VOCALISATION
    | Aspect.CHOICE
    | Aspect.ENTRIES
    | Aspect.DICTIONARY
    | Aspect.DISPLAY
)


class WordFocus(QObject):
    def __init__(
        self,
        session: ReadingSession,
        view: ArticleView,
        popup: HoverPopup,
        gloss_pane: GlossPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.session, self.view, self.popup, self.gloss_pane = session, view, popup, gloss_pane
        # The word the pane shows: the focus, or the last word in focus (the mouse
        # has left the words, nothing is pinned): it is shown anew when its
        # readings change, as is its sentence.
        self.shown: int | None = None
        self._hide_timer = QTimer(self, singleShot=True, interval=POPUP_HIDE_MS)
        self._hide_timer.timeout.connect(popup.hide)
        # The word whose popup ← or → showed (None: the popup, if any, is the mouse's).
        self.stepped_to: int | None = None
        view.verticalScrollBar().valueChanged.connect(lambda _value: self._drop_stepped())
        view.token_hovered.connect(lambda index: session.hover(index if index >= 0 else None))
        view.token_clicked.connect(
            lambda index: session.pin(None if index == session.pinned else index)
        )
        gloss_pane.sentence_word_hovered.connect(self._on_sentence_word_hovered)
        gloss_pane.sentence_word_clicked.connect(session.pin)
        gloss_pane.reading_chosen.connect(session.choose)
        session.subscribe(self._on_changed)
        view.set_span_of(self._name_span)

    def _on_changed(self, change: SessionChange) -> None:
        if Aspect.DOCUMENT in change:
            self._document_opened()
        elif Aspect.FOCUS in change:
            self._on_hovered(self.session.hovered)
        elif Aspect.PIN in change:
            self._on_pinned(self.session.pinned)
        elif change.aspects & _REFRESHED:
            if Aspect.ANALYSIS in change:
                self.view.refresh_highlights()  # the names of several words are known now
            self.refresh()

    def _name_span(self, index: int) -> tuple[int, int] | None:
        """A name of several words is highlighted whole in the article."""
        span = self.session.name_at(index)
        return None if span is None else (span.start, span.end - 1)

    def _document_opened(self) -> None:
        self._hide_timer.stop()
        self._drop_stepped()
        self.popup.hide()
        self.shown = None
        self.gloss_pane.show_message(None, "", "Hover over a word to see what it means.")
        self.gloss_pane.show_sentence(None, [])

    def unavailable_message(self) -> str:
        if self.session.dictionary_state == UNAVAILABLE:
            return "No dictionary installed — glosses unavailable"
        return "loading…"

    def _word_and_note(self, index: int) -> tuple[str, str]:
        """The word to show for a token without readings, and why it has none."""
        assert self.session.document is not None
        token = self.session.document.tokens[index]
        if token.kind is TokenKind.OVERLONG:
            return f"{token.text[:SHOWN_LETTERS]}…", overlong_note(token.text)
        return token.text, self.unavailable_message()

    def token(self) -> int | None:
        return self.session.focus

    def _on_hovered(self, index: int | None) -> None:
        self.view.show_focus(index, self.session.pinned)
        if index is None:
            # Crossing the space to the next word must not make the popup blink.
            if self.stepped_to is None:  # a key's popup is not the mouse's to hide
                self._hide_timer.start()
            self.gloss_pane.highlight_sentence_word(self.session.pinned)
            return
        self._hide_timer.stop()
        self._forget_stepped()  # the mouse's word has the popup now
        self._show_popup(index)
        if self.session.pinned is None:
            self._show_focus(index)
        else:
            self.gloss_pane.highlight_sentence_word(index)

    def _on_pinned(self, index: int | None) -> None:
        if self.stepped_to is not None and index != self.stepped_to:
            self._drop_stepped()  # Esc, or a pin made elsewhere
        self.view.show_focus(self.session.hovered, index)
        if index is not None:
            self._show_focus(index)
            if self.session.hovered is not None and self.session.hovered != index:
                self.popup.hide()

    def show_stepped(self, index: int) -> None:
        """The word ← or → pinned gets the popup, placed at the word (after the view
        scrolled it into sight), until Esc, a click, a scroll or the mouse."""
        if self.session.pinned != index or self.session.document is None:
            return
        self._hide_timer.stop()
        self._show_popup(index)
        if self.stepped_to is None:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)  # a click anywhere in the app puts it away
        self.stepped_to = index

    def _forget_stepped(self) -> None:
        if self.stepped_to is not None:
            self.stepped_to = None
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)

    def _drop_stepped(self) -> None:
        """Hide the popup the keys showed, as the mouse's would go."""
        if self.stepped_to is not None:
            self._forget_stepped()
            self.popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _PUTS_AWAY_THE_POPUP:
            self._drop_stepped()
        return False

    def _on_sentence_word_hovered(self, index: int) -> None:
        """A word of the sentence list under the mouse is lit in the article too (a
        glance: the session's hover, and so the popup, stay)."""
        self.view.show_focus(index if index >= 0 else self.session.hovered, self.session.pinned)

    def _show_popup(self, index: int) -> None:
        session = self.session
        rect = self.view.token_rect(index)
        top_left = self.view.viewport().mapToGlobal(rect.topLeft())
        global_rect = QRect(top_left, rect.size())
        chosen = session.reading(index)
        if chosen is None:
            word, note = self._word_and_note(index)
            self.popup.show_message(word, note, global_rect)
        else:
            self.popup.show_reading(
                chosen,
                global_rect,
                user_gloss=session.user_gloss_at(index),
                form=session.shown_form(index),
                romanized=session.romanized(index),
                name=session.name_at(index),
                english=session.english(index),
            )

    def _show_focus(self, index: int) -> None:
        session = self.session
        document = session.document
        assert document is not None
        self.shown = index
        token = document.tokens[index]
        found = session.readings(index)
        if found:
            chosen = session.reading(index)
            vocalization = session.vocalization(index)
            self.gloss_pane.show_word(
                index,
                token.text,
                found,
                chosen,
                form=session.shown_form(index),
                romanized=session.romanized(index),
                note=vocalization.note if vocalization is not None else "",
                name=session.name_at(index),
                english=session.english(index),
            )
            self.gloss_pane.show_entry(session.entry_at(index), session.entry_key(index))
        else:
            self.gloss_pane.show_message(index, *self._word_and_note(index))
        if self.gloss_pane.sentence_index != token.sentence or not self.gloss_pane.has_sentence:
            self.gloss_pane.show_sentence(token.sentence, session.sentence_glosses(token.sentence))
        self.gloss_pane.highlight_sentence_word(index)

    def refresh(self) -> None:
        """Show the word in focus (else the word the pane shows) anew, its sentence too."""
        index = self.token()
        if index is None:
            index = self.shown
        self.gloss_pane.show_sentence(None, [])
        if index is not None and self.session.document is not None:
            self._show_focus(index)
            shown = self.stepped_to if self.stepped_to is not None else self.session.hovered
            if shown is not None and self.popup.isVisible():
                self._show_popup(shown)


_PUTS_AWAY_THE_POPUP = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.NonClientAreaMouseButtonPress,
        QEvent.Type.ApplicationDeactivate,
    }
)
