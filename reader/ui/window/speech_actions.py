"""Speak Word (P) and Speak Sentence (Shift+P): the window's two speech actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStatusBar

from reader.system.speech import Speaker, SpeechUnavailable, install_hint

MESSAGE_MS = 10_000


class SpeechActions(QObject):
    """Two QActions; ``speaker_factory`` finds the engine, messages go to a status bar or callable.

    ``word_source``/``sentence_source`` give the vocalised text the actions speak.
    """

    def __init__(
        self,
        speaker_factory: Callable[[], Speaker | None],
        message: QStatusBar | Callable[[str], None],
        parent: QObject,
        *,
        word_source: Callable[[], str | None] = lambda: None,
        sentence_source: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._factory = speaker_factory
        if isinstance(message, QStatusBar):
            bar = message
            self._message: Callable[[str], None] = lambda text: bar.showMessage(text, MESSAGE_MS)
        else:
            self._message = message
        self._speaker: Speaker | None = None
        self.speak_word_action = QAction("Speak &Word", parent)
        self.speak_word_action.setShortcut(QKeySequence("P"))
        self.speak_word_action.setToolTip("Hear the word in focus, with its vowels")
        self.speak_word_action.triggered.connect(lambda: self.speak_word(word_source()))
        self.speak_sentence_action = QAction("Speak Se&ntence", parent)
        self.speak_sentence_action.setShortcut(QKeySequence("Shift+P"))
        self.speak_sentence_action.setToolTip("Hear the sentence of the word in focus")
        self.speak_sentence_action.triggered.connect(lambda: self.speak_sentence(sentence_source()))

    def speak_word(self, text: str | None) -> bool:
        return self._speak(text)

    def speak_sentence(self, text: str | None) -> bool:
        return self._speak(text)

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def _speak(self, text: str | None) -> bool:
        if not text or not text.strip():
            return False
        if self._speaker is None:  # looked up again after a failure: a voice may be added
            speaker = self._factory()
            if speaker is None:
                self._message(f"Speech: no speech engine is installed. {install_hint()}")
                return False
            if not speaker.available_arabic():
                self._message(f"Speech: no Arabic voice ({speaker.engine}). {install_hint()}")
                return False
            self._speaker = speaker
        try:
            return self._speaker.speak(text)
        except (SpeechUnavailable, OSError) as error:
            self._speaker = None
            self._message(f"Speech failed: {error}")
            return False
