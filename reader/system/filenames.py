"""File names, and any text printed for a human, made safe to show: in the window title,
dialogs, the status bar, the command line's output and its errors.

A file name may hold any character but "/" and NUL: a newline would split a
message (or forge a second line of it), a right-to-left override (U+202E)
would show "txt.exe" as "exe.txt", and a byte that is not UTF-8 arrives as a
lone surrogate that cannot even be printed. Each such character is shown as a
visible escape instead; everything else, Arabic included, is shown as is.
"""

from __future__ import annotations

import os
import unicodedata

# Joiners shape Persian and Urdu words; showing them raw is harmless.
_KEPT_FORMAT_CHARS = frozenset("\u200c\u200d")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unsafe(char: str) -> bool:
    if char in _KEPT_FORMAT_CHARS:
        return False
    # Cc: controls; Cf: bidi overrides, isolates, marks, zero-width characters;
    # Zl, Zp: line and paragraph separators; Cs: surrogates.
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def shown_name(name: str | os.PathLike[str]) -> str:
    """``name`` (a file name, a whole path, or any text: a gloss, a typed word) with every
    unsafe character escaped."""
    text = str(os.fspath(name))
    if text.isprintable():  # the usual case: nothing to do
        return text
    return "".join(_escaped(char) if _unsafe(char) else char for char in text)
