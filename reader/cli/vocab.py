"""The vocabulary on the command line: export, list, add, and backups.

    arabic-reader vocab export [--format csv|tsv|apkg] -o FILE [--status ...]
    arabic-reader vocab list [--json] [--status ...] [--search TEXT] [--tag TAG]
    arabic-reader vocab add WORD --sentence "..." [--gloss ...] [--status ...]
    arabic-reader backup FILE

Registered by ``reader.cli.main.build_parser()``; `vocab add` is in ``reader.cli.add``.
Everything heavy (SQLAlchemy,
camel-tools, genanki) is imported inside the handlers, so `--help` and the
window's start-up do not pay for it; only `vocab add` loads the morphology.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.cli.add import cmd_add
from reader.cli.store_errors import reports_errors
from reader.cli.support import EXIT_OK, fail, open_vocabulary, plural, utf8_stdout, write_columns
from reader.system.filenames import shown_name

if TYPE_CHECKING:
    from reader.store import EntryRecord

STATUS_CHOICES = ("new", "learning", "known", "ignored")
FORMATS = ("csv", "tsv", "apkg")
# A script passes -o words.apkg and expects the format to follow; .txt is what
# Anki's own text export uses for tab-separated notes.
_FORMAT_BY_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".txt": "tsv", ".apkg": "apkg"}


def parse_statuses(value: str) -> list[str]:
    """``--status new,learning``: one or more statuses, comma-separated."""
    statuses = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [status for status in statuses if status not in STATUS_CHOICES]
    if unknown or not statuses:
        raise argparse.ArgumentTypeError(
            f"unknown status {', '.join(unknown) or repr(value)}; "
            f"choose from {', '.join(STATUS_CHOICES)}"
        )
    return statuses


def _add_status_filter(parser: argparse.ArgumentParser, default_text: str) -> None:
    parser.add_argument(
        "--status",
        dest="statuses",
        action="extend",
        type=parse_statuses,
        metavar="STATUS",
        help=(
            f"only words with this status ({', '.join(STATUS_CHOICES)}); "
            f"repeat it or separate with commas; default: {default_text}"
        ),
    )


def _unique(statuses: Sequence[str] | None) -> list[str] | None:
    return list(dict.fromkeys(statuses)) if statuses else None


# -- export ---------------------------------------------------------------------


def export_format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    return _FORMAT_BY_SUFFIX.get(args.output.suffix.lower())


@reports_errors
def cmd_export(args: argparse.Namespace) -> int:
    chosen = export_format(args)
    if chosen is None:
        return fail(
            f"Cannot tell the export format from “{shown_name(args.output.name)}”; "
            f"add --format {'|'.join(FORMATS)}."
        )
    from reader.store.export import export_apkg, export_csv, export_tsv

    exporters = {"csv": export_csv, "tsv": export_tsv, "apkg": export_apkg}
    with open_vocabulary() as store:
        count = exporters[chosen](store, args.output, statuses=_unique(args.statuses))
    print(f"Exported {plural(count, 'word')} to {shown_name(args.output)}")
    return EXIT_OK


# -- list -----------------------------------------------------------------------


def entry_json(entry: EntryRecord) -> dict[str, Any]:
    return {
        "id": entry.id,
        "lemma": entry.lemma,
        "lex": entry.lex,
        "pos": entry.pos,
        "pos_label": entry.pos_label,
        "root": entry.root,
        "gloss": entry.gloss,
        "dictionary_gloss": entry.dictionary_gloss,
        "user_gloss": entry.user_gloss,
        "status": entry.status.value,
        "tags": list(entry.tags),
        "notes": entry.notes,
        "occurrences": entry.occurrence_count,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
    }


def write_entries_table(entries: Callable[[], Iterable[EntryRecord]], out: TextIO) -> None:
    """``entries()`` is read twice, for the widths and then for the lines: a long
    vocabulary is streamed, never held whole."""
    header = ("lemma", "part of speech", "root", "status", "seen", "gloss")
    count = 0

    def rows() -> Iterator[Sequence[str]]:
        nonlocal count
        count = 0
        yield header
        for entry in entries():
            count += 1
            # A gloss (or any field) may hold terminal escapes: shown, never obeyed.
            cells = (
                entry.lemma,
                entry.pos_label or entry.pos,
                entry.root,
                entry.status.value,
                str(entry.occurrence_count),
                # One line per word even when the learner's gloss has line breaks.
                " ".join(entry.gloss.split()),
            )
            yield tuple(shown_name(cell) for cell in cells)

    write_columns(_Again(rows), out)
    out.write(f"\n{plural(count, 'word')}.\n")


class _Again:
    """An iterable that calls ``make`` for each pass over it."""

    def __init__(self, make: Callable[[], Iterator[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return self.make()


@reports_errors
def cmd_list(args: argparse.Namespace) -> int:
    from reader.store.lookup import EntryFilter, iter_entries
    from reader.system import paths

    utf8_stdout()
    if not paths.vocabulary_db_path().exists():
        # Nothing saved yet: a listing should not create the file.
        return _list_nothing(args)
    filters = EntryFilter(search=args.search, status=_unique(args.statuses), tag=args.tag)
    with open_vocabulary() as store:
        if args.json:
            _write_json_list(entry_json(entry) for entry in iter_entries(store, filters))
        elif next(iter_entries(store, filters, limit=1), None) is None:
            return _list_nothing(args)
        else:
            write_entries_table(lambda: iter_entries(store, filters), sys.stdout)
    return EXIT_OK


def _list_nothing(args: argparse.Namespace) -> int:
    if args.json:
        _write_json_list([])
    else:
        print("No saved words match." if _filtered(args) else "No words saved yet.")
    return EXIT_OK


def _write_json_list(items: Iterable[dict[str, Any]]) -> None:
    """``json.dump(list, indent=2)``'s text, written an item at a time."""
    opening = "[\n"
    for item in items:
        sys.stdout.write(
            opening + textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "  ")
        )
        opening = ",\n"
    sys.stdout.write("[]\n" if opening == "[\n" else "\n]\n")


def _filtered(args: argparse.Namespace) -> bool:
    return bool(args.statuses or args.search or args.tag)


# -- backup ---------------------------------------------------------------------

_SQLITE_HEADER = b"SQLite format 3\x00"


def _restore_help() -> str:
    from reader.system import paths

    database = paths.vocabulary_db_path()
    return (
        "FILE may be a directory: a dated copy is written into it.\n"
        "The copy is consistent even while the reader window is open and saving.\n\n"
        "To restore a backup:\n"
        "  1. quit Arabic Reader (every window);\n"
        "  2. delete the files reader.sqlite3-wal and reader.sqlite3-shm beside\n"
        "     the database, if there are any;\n"
        "  3. copy the backup over the database file:\n"
        f"     {database}"
    )


@reports_errors
def cmd_backup(args: argparse.Namespace) -> int:
    from reader.store import backup
    from reader.store.database import backup_destination
    from reader.system import paths

    source = paths.vocabulary_db_path()
    if not source.is_file():
        return fail(f"There is no vocabulary file yet at {source}, so there is nothing to back up.")
    # Checked before the file's header, so the refusal says what is wrong with
    # the command, even for a damaged file (backup() checks it again).
    target = backup_destination(source, args.file)
    with source.open("rb") as handle:
        if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            return fail(
                f"The vocabulary file {source} is damaged or is not a database; "
                "nothing was backed up and it has been left untouched."
            )
    written = backup(source, target)
    print(f"Backed up the vocabulary ({_count_words(written)}) to {shown_name(written)}")
    return EXIT_OK


def _count_words(copy: Path) -> str:
    """Read back from the copy itself: proof that it opens, and what it holds."""
    try:
        connection = sqlite3.connect(copy.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            (count,) = connection.execute("SELECT count(*) FROM vocabulary").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return "no words yet"
    return plural(count, "word")


# -- parsing --------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add the `vocab` and `backup` commands to the main parser's subparsers."""
    vocab = subparsers.add_parser(
        "vocab",
        help="export, list or add saved words",
        description="The saved vocabulary, for scripts and spreadsheets.",
    )
    actions = vocab.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export",
        help="write the vocabulary as CSV, or for Anki (TSV, .apkg)",
        description=(
            "csv: a spreadsheet (UTF-8 with a byte-order mark). tsv: Anki's text import. "
            "apkg: an Anki deck; importing it again updates the same notes. A card "
            "shows the word vocalised and the clause around it (the word in bold), "
            "and the whole sentence on its back."
        ),
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        help="the file format; default: from the file's extension (.csv, .tsv/.txt, .apkg)",
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    _add_status_filter(export, "every status but ignored")
    export.set_defaults(handler=cmd_export)

    listing = actions.add_parser(
        "list",
        help="show the saved words",
        description="Show the saved words, alphabetically by lemma.",
        epilog=(
            "--json prints one JSON array of objects with the keys id, lemma, lex, pos, "
            "pos_label, root, gloss (the learner's if set, else the dictionary's), "
            "dictionary_gloss, user_gloss (null if unset), status, tags (a list), notes, "
            "occurrences (how many times the word was saved from a text), created_at "
            "and updated_at (ISO 8601, UTC). An empty vocabulary prints []."
        ),
    )
    listing.add_argument("--json", action="store_true", help="one JSON array (see below)")
    _add_status_filter(listing, "every status")
    listing.add_argument(
        "--search",
        metavar="TEXT",
        help=(
            "in lemmas and forms seen, spelt as learners type (vowels optional, any alef, "
            "ه for ة, ي for ى, with the article or a clitic), glosses, notes"
        ),
    )
    listing.add_argument("--tag", help="only words with this tag")
    listing.set_defaults(handler=cmd_list)

    add = actions.add_parser(
        "add",
        help="analyse a word in its sentence and save it",
        description=(
            "Analyse WORD in the context of SENTENCE, save its best reading with the "
            "sentence as the place it was met, and print what was saved. A word of a "
            "name of several words (الولايات المتحدة) saves the name, as one entry, "
            "as the window does; WORD may then be the name's words."
        ),
    )
    add.add_argument(
        "word",
        metavar="WORD",
        help="the word as written in the sentence (or the words of a name in it)",
    )
    add.add_argument("--sentence", required=True, help="the sentence the word appears in")
    add.add_argument(
        "--gloss", help="your own gloss, shown and exported instead of the dictionary's"
    )
    add.add_argument(
        "--status",
        choices=STATUS_CHOICES,
        help="the word's status (default for a new word: learning; an existing word keeps its own)",
    )
    add.set_defaults(handler=cmd_add)

    backup = subparsers.add_parser(
        "backup",
        help="copy the vocabulary database to a file",
        description="Write a consistent copy of the vocabulary database to FILE.",
        epilog=_restore_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    backup.add_argument("file", type=Path, metavar="FILE", help="the backup file (or a directory)")
    backup.set_defaults(handler=cmd_backup)
