"""Every setting the app keeps, declared once with its type and default.

Stored as JSON in the data directory (``paths.settings_path()``). Unknown keys
are kept (a newer version's settings survive a run of an older one); values of
the wrong type fall back to the default rather than break start-up, and a file
that is not settings at all is set aside with a message.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.system import paths
from reader.system.filenames import shown_name
from reader.system.files import RefusedFileError, read_at_most, write_text_atomically


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
    Setting(
        "romanization",
        str,
        "din",
        "How Arabic is written in Latin letters: 'din' (DIN 31635, as it is said:"
        " ar-raʾīs) or 'ala-lc' (as libraries write it: al-raʾīs).",
    ),
    Setting("recent_files", list, [], "Most recently opened files, newest first."),
    Setting(
        "last_document", (str, type(None)), None, "The file open when the app was last closed."
    ),
    Setting("last_position", int, 0, "Scroll position (character offset) in the last document."),
    Setting("window_geometry", str, "", "Main window geometry (Qt's saveGeometry, base64)."),
    Setting("window_state", str, "", "Dock and toolbar layout (Qt's saveState, base64)."),
    Setting("highlight_new_words", bool, False, "Mark words not yet in the vocabulary as new."),
    Setting(
        "text_width",
        str,
        "medium",
        "The article's column, centred in a wide window: 'narrow', 'medium', 'wide'"
        " or 'full' (the window's whole width).",
    ),
    Setting("export_folder", str, "", "The folder of the last export; empty: Documents (or home)."),
    Setting(
        "lookup_sites",
        (list, type(None)),
        None,
        "The Word pane's Look up in... menu: sites as {name, url}, the url holding {word}"
        " (the lemma without vowels) or {root}; None: the built-in list.",
    ),
    Setting(
        "sentence_translation_url",
        str,
        "",
        "Translate sentence in browser: an address holding {sentence}; empty: Google Translate.",
    ),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}
RECENT_LIMIT = 10
# Layout, a few names and ten recent paths: kilobytes. Far more is not ours.
MAX_SETTINGS_BYTES = 1024 * 1024
# Ours nest two levels (a list in the object); a newer version's may nest a few more.
MAX_SETTINGS_DEPTH = 32


class Settings:
    """Typed access to the settings file; ``save()`` writes it atomically.

    A file that cannot be read as settings (not JSON, nested too deeply, not
    an object, too large, not a regular file) is renamed aside, never lost,
    and the defaults are used; ``problem`` then says so in one sentence.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_path()
        self._values: dict[str, Any] = {}
        self.problem: str | None = None
        self._unread = False  # there, but unreadable: never replaced by save()
        try:
            data = read_at_most(self.path, MAX_SETTINGS_BYTES, advice="it was left alone")
        except FileNotFoundError:
            return  # the first run
        except RefusedFileError as refused:
            self._set_aside(f"it is {refused.kind}")
            return
        except OSError as error:
            # Unreadable is not damaged: leave the file, run on the defaults.
            self._unread = True
            self.problem = (
                f"The settings file {shown_name(self.path)} could not be read "
                f"({error.strerror or error}); the default settings are used."
            )
            return
        values, reason = _parse(data)
        if values is None:
            self._set_aside(reason)
            return
        self._values = values

    def _set_aside(self, reason: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.broken-{_timestamp()}")
        counter = 2
        while os.path.lexists(aside):
            aside = self.path.with_name(f"{self.path.name}.broken-{_timestamp()}-{counter}")
            counter += 1
        try:
            os.replace(self.path, aside)
        except OSError as error:
            self.problem = (
                f"The settings file {shown_name(self.path)} is unusable ({reason}) and could not "
                f"be moved aside ({error.strerror or error}); the default settings are used."
            )
            return
        self.problem = (
            f"The settings file was unusable ({reason}); it was kept as {shown_name(aside)} "
            "and the default settings are used."
        )

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
        """Write the file atomically; raises OSError (full disk, read-only folder).

        A file that exists but could not be read is never replaced: the
        learner's settings may be in it.
        """
        if self._unread:
            raise PermissionError(
                errno.EACCES, "the settings file could not be read, so it was left as it is"
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._values, ensure_ascii=False, indent=2)
        write_text_atomically(self.path.resolve(), text)


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _parse(data: bytes) -> tuple[dict[str, Any], str] | tuple[None, str]:
    """The settings in ``data``, or None and why not, in a few words."""
    if len(data) > MAX_SETTINGS_BYTES:
        return None, f"larger than {MAX_SETTINGS_BYTES // 1024} KB"
    try:
        loaded = json.loads(data.decode("utf-8"))
    except RecursionError:
        return None, "nested too deeply"
    except (UnicodeDecodeError, ValueError):
        return None, "not valid JSON"
    if not isinstance(loaded, dict):
        return None, "not a set of named settings"
    if _deeper_than(loaded, MAX_SETTINGS_DEPTH):  # save() must not recurse out of the stack
        return None, "nested too deeply"
    return loaded, ""


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels (counted without recursion)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return False
