"""The word in focus: the hover popup and the gloss pane follow the mouse and the pin.

The hovered word gets the popup (a glance); the pinned word, else the hovered
one, fills the gloss pane with its readings, its saved entry and its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer

from reader.text import TokenKind
from reader.text.tokens import overlong_note
from reader.ui.readings import word_gloss

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

POPUP_HIDE_MS = 150
SHOWN_LETTERS = 30  # of an overlong run, in the popup and the pane


class WordFocus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._hide_timer = QTimer(self, singleShot=True, interval=POPUP_HIDE_MS)
        self._hide_timer.timeout.connect(window.popup.hide)
        window.view.token_hovered.connect(self._on_hovered)
        window.view.token_pinned.connect(self._on_pinned)
        window.gloss_pane.sentence_word_hovered.connect(self._on_sentence_word_hovered)
        window.gloss_pane.sentence_word_clicked.connect(window.view.pin)

    def unavailable_message(self) -> str:
        if self.window.dictionary_state == "unavailable":
            return "No dictionary installed — glosses unavailable"
        return "loading…"

    def _word_and_note(self, index: int) -> tuple[str, str]:
        """The word to show for a token without readings, and why it has none."""
        assert self.window.document is not None
        token = self.window.document.tokens[index]
        if token.kind is TokenKind.OVERLONG:
            return f"{token.text[:SHOWN_LETTERS]}…", overlong_note(token.text)
        return token.text, self.unavailable_message()

    def token(self) -> int | None:
        view = self.window.view
        return view.pinned if view.pinned is not None else view.hovered

    def _on_hovered(self, index: int) -> None:
        if index < 0:
            # Crossing the space to the next word must not make the popup blink.
            self._hide_timer.start()
            self.window.gloss_pane.highlight_sentence_word(self.window.view.pinned)
            return
        self._hide_timer.stop()
        self._show_popup(index)
        if self.window.view.pinned is None:
            self._show_focus(index)
        else:
            self.window.gloss_pane.highlight_sentence_word(index)

    def _on_pinned(self, index: int) -> None:
        if index >= 0:
            self._show_focus(index)
            if self.window.view.hovered is not None and self.window.view.hovered != index:
                self.window.popup.hide()

    def _on_sentence_word_hovered(self, index: int) -> None:
        self.window.view.set_hovered(index if index >= 0 else None, notify=False)

    def _show_popup(self, index: int) -> None:
        assert self.window.document is not None
        rect = self.window.view.token_rect(index)
        top_left = self.window.view.viewport().mapToGlobal(rect.topLeft())
        global_rect = QRect(top_left, rect.size())
        chosen = self.window.reading(index)
        if chosen is None:
            word, note = self._word_and_note(index)
            self.window.popup.show_message(word, note, global_rect)
        else:
            self.window.popup.show_reading(
                chosen,
                global_rect,
                user_gloss=self.window.words.user_gloss(chosen),
                form=self.window.shown_form(index),
                romanized=self.window.romanized(index),
            )

    def _show_focus(self, index: int) -> None:
        document = self.window.document
        assert document is not None
        token = document.tokens[index]
        found = self.window.readings(index)
        if found:
            chosen = self.window.choices.reading_for(document.fingerprint, index, found)
            vocalization = self.window.vocalization(index)
            self.window.gloss_pane.show_word(
                index,
                token.text,
                found,
                chosen,
                form=self.window.shown_form(index),
                romanized=self.window.romanized(index),
                note=vocalization.note if vocalization is not None else "",
            )
            self.window.gloss_pane.show_entry(self.window.words.entry_for(chosen))
        else:
            self.window.gloss_pane.show_message(index, *self._word_and_note(index))
        if (
            self.window.gloss_pane.sentence_index != token.sentence
            or not self.window.gloss_pane.has_sentence
        ):
            self.window.gloss_pane.show_sentence(
                token.sentence, self._sentence_words(token.sentence)
            )
        self.window.gloss_pane.highlight_sentence_word(index)

    def _sentence_words(self, sentence: int) -> list[tuple[int, str, str]]:
        assert self.window.document is not None
        analysed = (
            self.window.analysis is not None
            and self.window.analysis.document is self.window.document
        )
        words = []
        for token in self.window.document.sentence_tokens(sentence):
            if token.kind in (TokenKind.PUNCT, TokenKind.OVERLONG):
                continue
            gloss = ""
            if token.kind is TokenKind.ARABIC:
                # Before the whole text is analysed, the sentence waits rather than
                # stall the hover with a dozen fresh look-ups.
                chosen = self.window.reading(token.index) if analysed else None
                gloss = (
                    (self.window.words.user_gloss(chosen) or word_gloss(chosen)) if chosen else "…"
                )
            words.append((token.index, token.text, gloss))
        return words

    def refresh(self) -> None:
        index = self.token()
        self.window.gloss_pane.show_sentence(None, [])
        if index is not None and self.window.document is not None:
            self._show_focus(index)
            if self.window.view.hovered is not None and self.window.popup.isVisible():
                self._show_popup(self.window.view.hovered)
