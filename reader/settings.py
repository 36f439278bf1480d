"""Every setting the app keeps, declared once with its type and default.

Stored as JSON in the data directory (``paths.settings_path()``). Unknown keys
are kept (a newer version's settings survive a run of an older one); values of
the wrong type fall back to the default rather than break start-up.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import paths


@dataclass(frozen=True)
class Setting:
    name: str
    type: type | tuple[type, ...]
    default: Any
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "morphology_db",
        (str, type(None)),
        None,
        "A CAMeL-format database file to use instead of the installed one.",
    ),
    Setting(
        "font_family", str, "", "Arabic text face for the article; empty: the best one available."
    ),
    Setting("font_size", int, 24, "Article font size in points."),
    Setting(
        "show_vowels", bool, False, "Show the article vocalised, each word as said in its sentence."
    ),
    Setting(
        "show_case_endings",
        bool,
        True,
        "Write each word's case or mood ending; off: pausal forms, as read without them.",
    ),
    Setting("recent_files", list, [], "Most recently opened files, newest first."),
    Setting(
        "last_document", (str, type(None)), None, "The file open when the app was last closed."
    ),
    Setting("last_position", int, 0, "Scroll position (character offset) in the last document."),
    Setting("window_geometry", str, "", "Main window geometry (Qt's saveGeometry, base64)."),
    Setting("window_state", str, "", "Dock and toolbar layout (Qt's saveState, base64)."),
    Setting("highlight_new_words", bool, False, "Mark words not yet in the vocabulary as new."),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}
RECENT_LIMIT = 10


class Settings:
    """Typed access to the settings file; ``save()`` writes it atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_path()
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except (OSError, ValueError):
            # A missing or damaged settings file is not worth stopping for.
            self._values = {}

    def get(self, name: str) -> Any:
        setting = _BY_NAME[name]
        value = self._values.get(name, setting.default)
        if not isinstance(value, setting.type) or (isinstance(value, bool) and setting.type is int):
            return list(setting.default) if isinstance(setting.default, list) else setting.default
        return list(value) if isinstance(value, list) else value

    def set(self, name: str, value: Any) -> None:
        setting = _BY_NAME[name]
        if not isinstance(value, setting.type):
            raise TypeError(f"setting {name} takes {setting.type}, not {type(value).__name__}")
        self._values[name] = value

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        entry = str(Path(path).resolve())
        recent = [p for p in self.get("recent_files") if isinstance(p, str) and p != entry]
        recent.insert(0, entry)
        del recent[RECENT_LIMIT:]
        self.set("recent_files", recent)
        return recent

    def save(self) -> None:
        """Write the file atomically; raises OSError (full disk, read-only folder)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._values, handle, ensure_ascii=False, indent=2)
            os.replace(name, self.path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
