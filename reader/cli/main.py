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
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.cli import vocab as cli_vocab
from reader.cli.support import (
    EXIT_ERROR,
    EXIT_OK,
    TerminalProgress,
    ensure_database,
    fail,
    morphology_setting,
    warn,
    write_columns,
)

SUBCOMMANDS = ("analyze", "data", "vocab", "backup")


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arabic-reader")
    except PackageNotFoundError:
        return "0+unknown"


# -- data -----------------------------------------------------------------------


def cmd_data_status(args: argparse.Namespace) -> int:
    from reader.morphology.database.errata import errata_line
    from reader.morphology.database.locate import database_status

    status = database_status(morphology_setting())
    print(status.describe())
    print(errata_line(status.location), end="")
    if status.location is not None and not status.ok:
        # The whole report is printed above; the verdict, as every error, on stderr.
        return fail(f"{status.problem[:1].upper()}{status.problem[1:]}.")
    return EXIT_OK if status.location is not None else EXIT_ERROR


def cmd_data_install(args: argparse.Namespace) -> int:
    from reader.morphology.database.install import install_database
    from reader.morphology.database.locate import locate_database

    if args.source is None and not args.force:
        existing = locate_database(morphology_setting())
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


# -- analyze --------------------------------------------------------------------


def token_json(
    token,
    readings,
    vocalized: str = "",
    romanized: str = "",
    name=None,
    root_of=None,
    english: str = "",
) -> dict:
    """One line of ``analyze --json`` (README). ``root_of(reading) -> Root``: the root
    as the window shows it (``Morphology.roots``); without it, read off the lemma.
    ``english``: the first reading's English as its sentence says it."""
    from reader.morphology.roots.radicals import lemma_root
    from reader.morphology.vowels.romanize_text import romanize_reading

    def radicals(reading) -> str:
        if not reading.root:
            return ""
        root = root_of(reading) if root_of else lemma_root(reading.root, reading.lex, reading.pos)
        return root.display

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
            "radicals": radicals(reading),
            "romanized": romanize_reading(reading, form=vocalized if rank == 0 else ""),
        }
        for rank, reading in enumerate(readings)
    ]
    if name is not None:  # the name this word is part of (README: "name")
        found["name"] = name.to_json()
    if english:  # the first reading's English as its sentence says it (README)
        found["english_in_sentence"] = english
    return found


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.morphology.analyzer import Morphology
    from reader.reading.stream import prepare_in_windows
    from reader.text.loading import load_cleaned

    cleaned = load_cleaned(args.file)
    for warning in cleaned.warnings:
        warn(warning)
    setting = morphology_setting()
    ensure_database(setting)
    morphology = Morphology.load(setting=setting)
    out = sys.stdout
    if not args.json:
        out.write(f"{cleaned.title}\n\n")
    notices: set[str] = set()
    known = total = 0
    # A window at a time, written as soon as it is prepared and then let go.
    for window in prepare_in_windows(cleaned, morphology):
        prepared = window.prepared
        if prepared.notice and prepared.notice not in notices:
            notices.add(prepared.notice)
            warn(prepared.notice)
        if args.json:
            write_json(window, morphology, out)
        else:
            write_table(prepared.document, prepared.analysis, out, header=window.start == 0)
        found, words = prepared.coverage
        known, total = known + found, total + words
    if not args.json:
        out.write(f"\n{known} of {total} Arabic words found in the dictionary.\n")
    return EXIT_OK


def write_json(window, morphology, out: TextIO) -> None:
    """One JSON line per token of a window, its offsets and name's tokens those of the
    whole text; the readings, forms and English of the window's reading session (the
    window's core: what the window shows)."""
    from reader.morphology.vowels.romanize_text import romanize_document
    from reader.reading.session import ReadingSession

    prepared = window.prepared
    analysis = prepared.analysis
    session = ReadingSession(morphology)
    session.open(prepared.document)
    session.analysed(prepared)
    forms, said = session.forms.full, romanize_document(analysis)
    roots = morphology.roots

    def root_of(reading):
        return roots.root_of(reading.root, reading.lex, reading.pos)

    for token in prepared.document.tokens:
        found = token_json(
            token,
            session.readings(token.index) or (),
            forms[token.index],
            said[token.index],
            analysis.name_at(token.index),
            root_of,
            session.english(token.index),
        )
        found["start"] += window.start
        found["end"] += window.start
        if "name" in found:
            found["name"]["start"] += window.first_token
            found["name"]["end"] += window.first_token
        out.write(json.dumps(found, ensure_ascii=False) + "\n")


_TABLE_HEADER = ("word", "vocalised", "transliteration", "lemma", "part of speech", "gloss")


def write_table(document, analysis, out: TextIO, *, header: bool = True) -> None:
    """A readable table: one line per Arabic word, its best reading. A long text is
    written a window at a time (reader.reading.stream): its columns are aligned
    within each window, under the header written with the first."""
    rows: list[tuple[str, ...]] = [_TABLE_HEADER] if header else []
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
    write_columns(rows, out)


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

    cli_vocab.register(sub)  # vocab and backup
    return parser


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
        from reader.morphology.database.locate import database_status

        status = database_status(morphology_setting())
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
        ("reader.morphology.errors", "MorphologyDataError"),
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
        from reader.ui.window.app import run

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
