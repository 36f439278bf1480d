"""What every command shares: exit codes, one-sentence errors, progress, settings.

Its own module so that the command modules (``reader.cli.main`` and
``reader.cli.vocab``) import it, and never each other's internals.
"""

from __future__ import annotations

import itertools
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def fail(message: str) -> int:
    """One sentence on stderr, exit status 1: how every command reports an error."""
    print(f"arabic-reader: {message}", file=sys.stderr)
    return EXIT_ERROR


def warn(message: str) -> None:
    """One sentence on stderr that does not stop the command (a damaged byte replaced)."""
    print(f"arabic-reader: warning: {message}", file=sys.stderr)


class TerminalProgress:
    """Bytes downloaded, on one self-rewriting line of stderr."""

    _STAGES = {
        "download": "Downloading the morphology database",
        "extract": "Extracting",
        "verify": "Verifying",
    }

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._last: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        label = self._STAGES.get(stage, stage)
        if stage == "download":
            # Redraw only when a tenth of a megabyte has passed.
            tick = done // 100_000
            if self._last == (stage, tick) and done != total:
                return
            self._last = (stage, tick)
            amount = f"{done / 1e6:5.1f} MB"
            if total:
                amount += f" of {total / 1e6:.1f} MB ({100 * done // total}%)"
            line = f"{label}: {amount}"
        else:
            if self._last and self._last[0] == stage:
                return
            self._last = (stage, 0)
            line = f"{label}…"
        end = "\n" if not self.stream.isatty() else ""
        prefix = "\r\033[K" if self.stream.isatty() else ""
        print(prefix + line, end=end, file=self.stream, flush=True)

    def finish(self) -> None:
        if self.stream.isatty():
            print(file=self.stream)


def ensure_database(setting: str | None = None) -> None:
    """Install the morphology database on first use, with progress on the terminal."""
    from reader.morphology.database.install import install_database
    from reader.morphology.database.locate import locate_database

    if locate_database(setting) is not None:
        return
    print("No morphology database yet; installing it once (about 8 MB).", file=sys.stderr)
    progress = TerminalProgress()
    try:
        location = install_database(progress=progress)
    finally:
        progress.finish()
    print(f"Installed {location.path}", file=sys.stderr)


def load_settings():
    """The settings, saying on stderr if the file had to be set aside (the command goes on)."""
    from reader.system.settings import Settings

    settings = Settings()
    if settings.problem:
        warn(settings.problem)
    return settings


def morphology_setting() -> str | None:
    return load_settings().get("morphology_db")


def display_width(text: str) -> int:
    """Columns a cell takes in a terminal: vowel marks sit on their letter."""
    return sum(1 for char in text if not unicodedata.combining(char))


def write_columns(rows: Iterable[Sequence[str]], out: TextIO) -> None:
    """Rows as aligned columns, two spaces apart; the last column is left ragged.

    ``rows`` is gone over twice, for the widths and then for the lines: a list,
    or an iterable that reads its rows afresh each time (never all held at once).
    """
    widths: list[int] = []
    for row in rows:
        cells = [display_width(cell) for cell in row[:-1]]
        widths = [max(pair) for pair in itertools.zip_longest(widths, cells, fillvalue=0)]
    for row in rows:
        cells = [
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=False)
        ]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")


def utf8_stdout() -> None:
    """Arabic on stdout even when it is a pipe with a legacy encoding (Windows).

    Scripts read our output as UTF-8 (JSON must be); a cp1252 pipe would end
    in UnicodeEncodeError at the first Arabic letter.
    """
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")


def open_vocabulary():
    """The learner's vocabulary file, opened (and migrated) as the window opens it."""
    from reader.store import open_store

    return open_store()


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
