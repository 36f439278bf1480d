"""Speech through the system's engines: real espeak-ng audio, no engine, hostile text."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from reader.system import speech
from reader.system.speech import MAX_CHARS, Speaker, SpeechUnavailable, clean_text

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed on this machine"
)


@needs_espeak
def test_espeak_ng_writes_real_audio_for_vocalised_arabic(tmp_path: Path) -> None:
    speaker = speech.arabic_speaker(platform="linux")
    assert speaker.engine == "espeak-ng" and speaker.available_arabic()
    out = speaker.write_wav("ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ", tmp_path / "word.wav")
    with wave.open(str(out)) as audio:
        assert audio.getnframes() > audio.getframerate() // 4  # over a quarter second


def test_a_path_without_engines_gives_the_hint(tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert speech.find_speaker(platform="linux") is None
    with pytest.raises(SpeechUnavailable) as raised:
        speech.arabic_speaker(platform="linux")
    assert "espeak-ng" in raised.value.hint
    assert "No speech engine" in str(raised.value)
    mac = speech.install_hint("darwin")
    assert "Spoken Content" in mac
    assert "Time & Language > Speech" in speech.install_hint("win32")


def test_hostile_text_is_one_safe_line() -> None:
    assert clean_text("-v en\n--help\x00\r\nذَهَبَ") == "-v en --help ذَهَبَ"
    long = clean_text("كَتَبَ " * 20_000)
    assert 0 < len(long) <= MAX_CHARS and long.endswith("كَتَبَ")
    speaker = Speaker("espeak-ng", "/usr/bin/espeak-ng", "ar")
    argv, data = speaker.command(clean_text("--help\nذَهَبَ"))
    assert argv[-1] == "--stdin" and "--help" not in argv
    assert data == "--help ذَهَبَ".encode()
    spd, _ = Speaker("spd-say", "/usr/bin/spd-say", "ar").command("-x")
    assert spd[-2:] == ["--", "-x"]


@needs_espeak
def test_speaking_does_not_block_and_stop_reaps(tmp_path: Path) -> None:
    speaker = speech.arabic_speaker(platform="linux")
    out = tmp_path / "hostile.wav"
    speaker.write_wav("-w /tmp/x\n" + "ب" * 100_000, out)
    assert out.stat().st_size > 44
    try:
        speaker.speak("ذَهَبَ " * 300)
    except OSError as error:  # pragma: no cover - no audio device still starts espeak-ng
        pytest.skip(f"espeak-ng cannot start: {error}")
    process = speaker._process
    speaker.speak("كَتَبَ")  # the previous utterance is stopped first
    assert process is not None and process.returncode is not None
    second = speaker._process
    assert second is not None and second is not process
    speaker.stop()
    assert not speaker.is_speaking()
    assert second.returncode is not None  # waited for: no zombie left behind
