"""Speak Arabic through the system's own voices: no network, no Qt.

The engines, in the order they are tried:

* Linux and other Unixes: ``espeak-ng`` (or the older ``espeak``) with its
  Arabic voice (``espeak-ng --voices=ar``), then speech-dispatcher's
  ``spd-say -l ar``;
* macOS: ``say -v VOICE`` with an Arabic voice (``say -v '?'`` lists them);
* Windows: SAPI through PowerShell's System.Speech, with an ``ar-*`` voice.

:func:`find_speaker` returns the first engine found (preferring one that has
an Arabic voice), or None; :func:`arabic_speaker` returns one that speaks
Arabic or raises :class:`SpeechUnavailable` whose message says what is missing
and how to add it on this platform.

Speaking never blocks and never goes through a shell: the text is cleaned
(control characters become spaces, at most :data:`MAX_CHARS` characters) and
written to the engine's stdin, which is then closed; ``spd-say``, which reads
no stdin, gets it as one argument after ``--``. A new utterance stops the
previous one; every process is reaped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_CHARS = 2000
"""Longer text is cut at a word boundary: a sentence, not a whole article."""

PROBE_TIMEOUT = 10.0  # seconds for listing voices (PowerShell starts slowly)
WAV_TIMEOUT = 60.0

_WINDOWS_VOICES = (
    "Add-Type -AssemblyName System.Speech;"
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "$s.GetInstalledVoices() | Where-Object { $_.Enabled } |"
    ' ForEach-Object { $_.VoiceInfo.Culture.Name + "`t" + $_.VoiceInfo.Name }'
)
_WINDOWS_SPEAK = (
    "[Console]::InputEncoding = [System.Text.Encoding]::UTF8;"
    "Add-Type -AssemblyName System.Speech;"
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "$s.SelectVoice('{voice}');"
    "$s.Speak([Console]::In.ReadToEnd())"
)


class SpeechUnavailable(Exception):
    """No engine, or no Arabic voice: ``message`` says which, ``hint`` how to add one."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message} {hint}")
        self.message = message
        self.hint = hint


def install_hint(platform: str | None = None) -> str:
    """How to add an Arabic voice on this platform, in one sentence."""
    platform = platform or sys.platform
    if platform == "darwin":
        return (
            "Add an Arabic voice in System Settings > Accessibility > Spoken Content"
            " > System Voice > Manage Voices (for example Majed)."
        )
    if platform.startswith("win"):
        return "Add Arabic in Settings > Time & Language > Speech > Manage voices > Add voices."
    if _debian_like():
        return "Install espeak-ng: sudo apt install espeak-ng"
    return "Install espeak-ng (it has an Arabic voice) with your system's package manager."


def _debian_like() -> bool:
    try:
        release = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # the most common case; the hint names the package either way
    return any(name in release.lower() for name in ("debian", "ubuntu"))


def clean_text(text: str, limit: int = MAX_CHARS) -> str:
    """One line of speakable text: control characters become spaces, at most ``limit`` chars."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in text
    )
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit:
        cut = cleaned.rfind(" ", 0, limit + 1)
        cleaned = cleaned[: cut if cut > limit // 2 else limit].rstrip()
    return cleaned


def _run(argv: list[str], timeout: float = PROBE_TIMEOUT) -> str:
    """A probe's stdout, or "" when it cannot run."""
    try:
        result = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
            **_no_window(),
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.decode("utf-8", errors="replace")


def _no_window() -> dict:
    if sys.platform.startswith("win"):
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}


@dataclass
class Speaker:
    """One engine on this machine; ``voice`` is its Arabic voice, or None if it has none."""

    engine: str  # "espeak-ng", "espeak", "spd-say", "say" or "sapi"
    executable: str
    voice: str | None
    _process: subprocess.Popen | None = field(default=None, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def available_arabic(self) -> bool:
        return self.voice is not None

    def describe(self) -> str:
        return f"{self.engine} ({self.voice})" if self.voice else self.engine

    def command(self, text: str) -> tuple[list[str], bytes | None]:
        """The argv and the stdin bytes that speak ``text`` (already cleaned)."""
        voice = self.voice or "ar"
        if self.engine in ("espeak-ng", "espeak"):
            return [self.executable, "-v", voice, "-b", "1", "--stdin"], text.encode("utf-8")
        if self.engine == "spd-say":
            # spd-say reads no stdin; "--" ends its options, so a leading "-" is text.
            return [self.executable, "-l", "ar", "--", text], None
        if self.engine == "say":
            return [self.executable, "-v", voice, "-f", "-"], text.encode("utf-8")
        if self.engine == "sapi":
            argv = [self.executable, "-NoProfile", "-NonInteractive", "-Command"]
            # -Command joins later arguments into the script: the voice (a system
            # name) goes in as a single-quoted PowerShell string, quotes doubled.
            script = _WINDOWS_SPEAK.replace("{voice}", voice.replace("'", "''"))
            return [*argv, script], text.encode("utf-8")
        raise ValueError(f"unknown engine {self.engine}")

    def speak(self, text: str) -> bool:
        """Start speaking ``text``, stopping what was being said; False if nothing to say.

        Returns at once. Raises SpeechUnavailable without an Arabic voice, and
        OSError if the engine cannot be started.
        """
        if not self.available_arabic():
            raise SpeechUnavailable(f"{self.engine} has no Arabic voice.", install_hint())
        text = clean_text(text)
        self.stop()
        if not text:
            return False
        argv, data = self.command(text)
        process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE if data is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            **_no_window(),
        )
        if process.stdin is not None:
            try:  # at most MAX_CHARS characters: far below a pipe's buffer
                process.stdin.write(data or b"")
            except OSError:
                pass
            finally:
                try:
                    process.stdin.close()
                except OSError:
                    pass
        with self._lock:
            self._process = process
        # Reap the process when it ends by itself: no zombies.
        threading.Thread(target=process.wait, name="speech-reaper", daemon=True).start()
        return True

    def is_speaking(self) -> bool:
        with self._lock:
            return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """Stop the utterance in progress, if any, and reap it."""
        with self._lock:
            process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.kill()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def write_wav(self, text: str, path: Path | str) -> Path:
        """Write ``text`` spoken to a WAV file (espeak-ng and espeak only); waits for it."""
        if self.engine not in ("espeak-ng", "espeak"):
            raise SpeechUnavailable(
                f"{self.engine} cannot write sound files.", "Install espeak-ng."
            )
        if not self.available_arabic():
            raise SpeechUnavailable(f"{self.engine} has no Arabic voice.", install_hint())
        path = Path(path)
        argv = [self.executable, "-v", self.voice or "ar", "-b", "1", "-w", str(path), "--stdin"]
        subprocess.run(
            argv,
            input=clean_text(text).encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=WAV_TIMEOUT,
            check=True,
            **_no_window(),
        )
        return path


def _espeak_voice(executable: str) -> str | None:
    """espeak's own Arabic voice, if its data has one (the listing has a header line)."""
    for line in _run([executable, "--voices=ar"]).splitlines()[1:]:
        parts = line.split()
        # "Pty Language Age/Gender VoiceName File ...": prefer the plain one, not mbrola
        if len(parts) >= 5 and parts[1] == "ar" and not parts[4].startswith("mb/"):
            return "ar"
    return None


def _spd_voice(executable: str) -> str | None:
    listing = _run([executable, "-L"])
    for line in listing.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2 and (parts[1] == "ar" or parts[1].startswith(("ar-", "ar_"))):
            return "ar"
    return None


def _say_voice(executable: str) -> str | None:
    """The first Arabic voice of ``say -v '?'``: lines like "Majed  ar_SA  # ...".

    Voice names may hold spaces ("Majed (Enhanced)"): the locale is the last
    word before "#".
    """
    for line in _run([executable, "-v", "?"]).splitlines():
        head = line.split("#", 1)[0].split()
        if len(head) >= 2 and head[-1].lower().startswith(("ar_", "ar-")):
            return " ".join(head[:-1])
    return None


def _sapi_voice(executable: str) -> str | None:
    argv = [executable, "-NoProfile", "-NonInteractive", "-Command", _WINDOWS_VOICES]
    for line in _run(argv).splitlines():
        culture, _, name = line.strip().partition("\t")
        if name and culture.lower().startswith("ar"):
            return name
    return None


def _engines(platform: str) -> list[tuple[str, tuple[str, ...], Callable[[str], str | None]]]:
    if platform == "darwin":
        return [("say", ("say",), _say_voice), ("espeak-ng", ("espeak-ng",), _espeak_voice)]
    if platform.startswith("win"):
        return [
            ("sapi", ("powershell.exe", "powershell", "pwsh.exe", "pwsh"), _sapi_voice),
            ("espeak-ng", ("espeak-ng.exe", "espeak-ng"), _espeak_voice),
        ]
    return [
        ("espeak-ng", ("espeak-ng",), _espeak_voice),
        ("espeak", ("espeak",), _espeak_voice),
        ("spd-say", ("spd-say",), _spd_voice),
    ]


def find_speaker(platform: str | None = None, path: str | None = None) -> Speaker | None:
    """The first engine on ``path`` (default: PATH) with an Arabic voice, else the first engine.

    None when no engine is installed at all.
    """
    platform = platform or sys.platform
    search = path if path is not None else os.environ.get("PATH", os.defpath)
    first: Speaker | None = None
    for engine, names, voice_of in _engines(platform):
        found = (shutil.which(name, path=search) for name in names)
        executable = next((name for name in found if name), None)
        if executable is None:
            continue
        speaker = Speaker(engine, executable, voice_of(executable))
        if speaker.available_arabic():
            return speaker
        first = first or speaker
    return first


def arabic_speaker(platform: str | None = None, path: str | None = None) -> Speaker:
    """An engine that speaks Arabic, or SpeechUnavailable saying what is missing and the fix."""
    platform = platform or sys.platform
    speaker = find_speaker(platform, path)
    hint = install_hint(platform)
    if speaker is None:
        raise SpeechUnavailable("No speech engine is installed.", hint)
    if not speaker.available_arabic():
        raise SpeechUnavailable(f"No Arabic voice is installed ({speaker.engine} has none).", hint)
    return speaker
