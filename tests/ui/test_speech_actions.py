"""The speech actions with real widgets offscreen: messages without an engine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from reader.system import speech
from reader.ui.window.speech_actions import SpeechActions


def test_no_engine_shows_the_hint_in_the_status_bar(qtbot, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = SpeechActions(
        speech.find_speaker, window.statusBar(), window, word_source=lambda: "ذَهَبَ"
    )
    assert actions.speak_word_action.shortcut().toString() == "P"
    assert actions.speak_sentence_action.shortcut().toString() == "Shift+P"
    actions.speak_word_action.trigger()
    message = window.statusBar().currentMessage()
    assert "no speech engine" in message and speech.install_hint() in message
    messages: list[str] = []
    other = SpeechActions(speech.find_speaker, messages.append, window)
    assert other.speak_sentence("ذَهَبَ الوَلَدُ") is False
    assert len(messages) == 1 and "espeak-ng" in messages[0]
