"""The command line: starts the window, and scriptable subcommands on the same core.

    arabic-reader [FILE]                       open the reader window
    arabic-reader analyze FILE [--json]        analyse every word of a news file
    arabic-reader data status                  which morphology database is in use
    arabic-reader data install [--from FILE]   install it (download, or from a file)

Errors are one clear sentence on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

SUBCOMMANDS = ("analyze", "data", "vocab", "backup")


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arabic-reader")
    except PackageNotFoundError:
        return "0+unknown"


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
    from reader.morphology.database import install_database, locate_database

    if locate_database(setting) is not None:
        return
    print("No morphology database yet; installing it once (about 8 MB).", file=sys.stderr)
    progress = TerminalProgress()
    try:
        location = install_database(progress=progress)
    finally:
        progress.finish()
    print(f"Installed {location.path}", file=sys.stderr)


# -- data -----------------------------------------------------------------------


def cmd_data_status(args: argparse.Namespace) -> int:
    from reader.morphology.database import database_status
    from reader.morphology.errata import errata_line

    status = database_status(_setting())
    print(status.describe())
    print(errata_line(status.location), end="")
    if status.location is not None and not status.ok:
        # The whole report is printed above; the verdict, as every error, on stderr.
        return fail(f"{status.problem[:1].upper()}{status.problem[1:]}.")
    return EXIT_OK if status.location is not None else EXIT_ERROR


def cmd_data_install(args: argparse.Namespace) -> int:
    from reader.morphology.database import install_database, locate_database

    if args.source is None and not args.force:
        existing = locate_database(_setting())
        if existing is not None:
            print(f"A morphology database is already in use ({existing.description}):")
            print(f"  {existing.path}")
            print("Use --force to download and install our own copy anyway.")
            return EXIT_OK
    progress = TerminalProgress()
    try:
        location = install_database(args.source, progress=progress)
    finally:
        progress.finish()
    print(f"Installed the morphology database: {location.path}")
    return EXIT_OK


def load_settings():
    """The settings, saying on stderr if the file had to be set aside (the command goes on)."""
    from reader.settings import Settings

    settings = Settings()
    if settings.problem:
        warn(settings.problem)
    return settings


def _setting() -> str | None:
    return load_settings().get("morphology_db")


# -- analyze --------------------------------------------------------------------


def token_json(token, readings, vocalized: str = "", romanized: str = "") -> dict:
    from reader.morphology.romanize import romanize_reading

    found = {
        "token": token.text,
        "start": token.start,
        "end": token.end,
        "kind": str(token.kind),
    }
    if token.kind == "arabic":
        found["vocalized"] = vocalized
        found["romanized"] = romanized
    found["analyses"] = [
        # The first reading is the one said here: romanized from the form in context.
        {
            **reading.to_json(),
            "romanized": romanize_reading(reading, form=vocalized if rank == 0 else ""),
        }
        for rank, reading in enumerate(readings)
    ]
    return found


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.morphology.analyzer import Morphology
    from reader.morphology.diacritizer import DiacritizerUnavailable
    from reader.text import load_document

    document = load_document(args.file)
    for warning in document.warnings:
        warn(warning)
    setting = _setting()
    ensure_database(setting)
    morphology = Morphology.load(setting=setting)
    try:
        analysis = morphology.analyze_document(document)
    except DiacritizerUnavailable as error:
        warn(f"{error}; the vowels shown are the dictionary's, out of context.")
        analysis = morphology.analyze_document(document, vocalize=False)
    out = sys.stdout
    if args.json:
        from reader.morphology.romanize import romanize_document
        from reader.session import ReadingSession  # the window's core: the same readings

        session = ReadingSession(morphology)
        session.open(document)
        session.analysed(analysis)
        forms, said = session.forms.full, romanize_document(analysis)
        for token in document.tokens:
            readings = session.readings(token.index) or ()
            found = token_json(token, readings, forms[token.index], said[token.index])
            out.write(json.dumps(found, ensure_ascii=False) + "\n")
        return EXIT_OK
    write_table(document, analysis, out)
    return EXIT_OK


def display_width(text: str) -> int:
    """Columns a cell takes in a terminal: vowel marks sit on their letter."""
    return sum(1 for char in text if not unicodedata.combining(char))


def write_table(document, analysis, out: TextIO) -> None:
    """A readable table: one line per Arabic word, its best reading."""
    out.write(f"{document.title}\n\n")
    header = ("word", "vocalised", "transliteration", "lemma", "part of speech", "gloss")
    rows = [header]
    forms = analysis.vocalized
    for token in document.tokens:
        best = analysis.best(token.index)
        if best is None:
            continue
        rows.append(
            (
                token.text,
                forms[token.index],
                best.translit["hsb"],
                best.lemma,
                best.pos_label,
                best.segment_glosses,
            )
        )
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    for row in rows:
        cells = [
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=False)
        ]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
    known, total = analysis.coverage()
    out.write(f"\n{known} of {total} Arabic words found in the dictionary.\n")


# -- parsing --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arabic-reader",
        description="Read Arabic news with morphology and English glosses.",
    )
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = sub.add_parser("analyze", help="analyse every word of a news file")
    analyze.add_argument("file", type=Path, help="a .txt or .html news file")
    analyze.add_argument("--json", action="store_true", help="one JSON object per token per line")
    analyze.set_defaults(handler=cmd_analyze)

    data = sub.add_parser("data", help="the morphology database")
    data_sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    status = data_sub.add_parser("status", help="which database is in use")
    status.set_defaults(handler=cmd_data_status)
    install = data_sub.add_parser("install", help="install the database")
    install.add_argument(
        "--from",
        dest="source",
        type=Path,
        help="a downloaded camel_tools-0.4.dev5 wheel or an almor-msa-r13.db file",
    )
    install.add_argument("--force", action="store_true", help="install even if one is in use")
    install.set_defaults(handler=cmd_data_install)

    for extension in _extensions():
        extension(sub)
    return parser


def _extensions():
    """Subcommand groups living in other modules (vocabulary, backup)."""
    try:
        from reader import cli_vocab
    except ImportError:
        return []
    return [cli_vocab.register]


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arabic-reader",
        description=(
            "Open the reader window. Subcommands: "
            + ", ".join(SUBCOMMANDS)
            + " (see `arabic-reader COMMAND --help`)."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="a news file to open")
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation headless and exit 0 if everything works",
    )
    return parser


def versions_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    lines = [f"arabic-reader {app_version()}"]
    for package in ("camel-tools", "PySide6-Essentials", "SQLAlchemy"):
        try:
            lines.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            pass
    try:
        # Imported here only: every other command starts without loading Qt.
        from PySide6.QtCore import qVersion

        lines.append(f"Qt {qVersion()}")
    except ImportError as error:  # a broken Qt install must not hide the other versions
        lines.append(f"Qt: unavailable ({error})")
    try:
        from reader.morphology.database import database_status

        status = database_status(_setting())
        if status.location is not None:
            lines.append(f"database {status.title}, sha256 {status.sha256}")
        else:
            lines.append("database: not installed")
    except Exception as error:  # --version must print even when the database is broken
        lines.append(f"database: unavailable ({error})")
    lines.append("Licences: app GPL-2.0-or-later; database GPL-2.0 (Buckwalter Aramorph).")
    return "\n".join(lines)


def _user_error(error: BaseException) -> bool:
    """Is this one of the core's errors whose message is meant for the user?

    Looked up in sys.modules rather than imported: an error class can only
    have been raised if its module was imported, and importing the store or
    the text package just to catch their errors would slow every command.
    """
    for module, name in (
        ("reader.morphology.database", "MorphologyDataError"),
        ("reader.text.errors", "DocumentError"),
        ("reader.store.errors", "StoreError"),
    ):
        error_class = getattr(sys.modules.get(module), name, None)
        if error_class is not None and isinstance(error, error_class):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser().parse_args(argv)
            return args.handler(args)
        args = gui_parser().parse_args(argv)
        if args.version:
            print(versions_text())
            return EXIT_OK
        from reader.ui.app import run

        return run(args.file, self_test=args.self_test)
    except KeyboardInterrupt:
        return fail("interrupted.")
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        if _user_error(error):
            return fail(str(error))
        raise


if __name__ == "__main__":
    raise SystemExit(main())
