"""The vocabulary on the command line: export, list, add, and backups.

    arabic-reader vocab export [--format csv|tsv|apkg] -o FILE [--status ...]
    arabic-reader vocab list [--json] [--status ...] [--search TEXT] [--tag TAG]
    arabic-reader vocab add WORD --sentence "..." [--gloss ...] [--status ...]
    arabic-reader backup FILE

Registered by ``reader.cli.main.build_parser()``. Everything heavy (SQLAlchemy,
camel-tools, genanki) is imported inside the handlers, so `--help` and the
window's start-up do not pay for it; only `vocab add` loads the morphology.
"""

from __future__ import annotations

import argparse
import functools
import json
import sqlite3
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.cli.support import EXIT_OK, fail, write_columns
from reader.system.filenames import shown_name

if TYPE_CHECKING:
    from reader.reading.session import ReadingSession
    from reader.store import EntryRecord
    from reader.text import Document, Token

STATUS_CHOICES = ("new", "learning", "known", "ignored")
FORMATS = ("csv", "tsv", "apkg")
# A script passes -o words.apkg and expects the format to follow; .txt is what
# Anki's own text export uses for tab-separated notes.
_FORMAT_BY_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".txt": "tsv", ".apkg": "apkg"}
CLI_DOCUMENT_TITLE = "Added from the command line"

Handler = Callable[[argparse.Namespace], int]


def _sentence(message: str) -> str:
    """Exception texts end with or without a full stop; print exactly one.

    Control characters (a terminal escape in a typed word or a file name) are
    shown escaped, as everywhere the CLI prints for a human."""
    message = shown_name(" ".join(message.split()))
    return message if message.endswith((".", "?", "!")) else message + "."


def _reports_errors(handler: Handler) -> Handler:
    """Turn store, SQLite and file errors into the CLI's one-sentence message.

    ``reader.cli.main.main`` catches only morphology and document errors; a damaged
    vocabulary file must not end in a traceback either, whichever version of
    main() runs us.
    """

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        from reader.store import StoreError

        try:
            return handler(args)
        except StoreError as error:
            return fail(_sentence(str(error)))
        except (SQLAlchemyError, sqlite3.Error) as error:
            # The store names most SQLite errors itself; one that escaped it is
            # classified the same way: damage, a lock, or a full or failing disk.
            from reader.store.database import store_error_for
            from reader.system import paths

            known = store_error_for(error, paths.vocabulary_db_path())
            if known is not None:
                return fail(_sentence(str(known)))
            detail = getattr(error, "orig", None) or error
            return fail(_sentence(f"The vocabulary file could not be used ({detail})"))
        except BrokenPipeError:
            raise  # `vocab list | head`: main() treats this as success
        except OSError as error:
            if error.filename:
                return fail(
                    _sentence(f"Could not use {shown_name(error.filename)}: {error.strerror}")
                )
            return fail(_sentence(str(error)))

    return wrapper


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


def _utf8_stdout() -> None:
    """Arabic on stdout even when it is a pipe with a legacy encoding (Windows).

    Scripts read our output as UTF-8 (JSON must be); a cp1252 pipe would end
    in UnicodeEncodeError at the first Arabic letter.
    """
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")


def _open_store():
    from reader.store import open_store

    return open_store()


def _unique(statuses: Sequence[str] | None) -> list[str] | None:
    return list(dict.fromkeys(statuses)) if statuses else None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- export ---------------------------------------------------------------------


def export_format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    return _FORMAT_BY_SUFFIX.get(args.output.suffix.lower())


@_reports_errors
def cmd_export(args: argparse.Namespace) -> int:
    chosen = export_format(args)
    if chosen is None:
        return fail(
            f"Cannot tell the export format from “{shown_name(args.output.name)}”; "
            f"add --format {'|'.join(FORMATS)}."
        )
    from reader.store.export import export_apkg, export_csv, export_tsv

    exporters = {"csv": export_csv, "tsv": export_tsv, "apkg": export_apkg}
    with _open_store() as store:
        count = exporters[chosen](store, args.output, statuses=_unique(args.statuses))
    print(f"Exported {_plural(count, 'word')} to {shown_name(args.output)}")
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
    out.write(f"\n{_plural(count, 'word')}.\n")


class _Again:
    """An iterable that calls ``make`` for each pass over it."""

    def __init__(self, make: Callable[[], Iterator[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return self.make()


@_reports_errors
def cmd_list(args: argparse.Namespace) -> int:
    from reader.store.lookup import EntryFilter, iter_entries
    from reader.system import paths

    _utf8_stdout()
    if not paths.vocabulary_db_path().exists():
        # Nothing saved yet: a listing should not create the file.
        return _list_nothing(args)
    filters = EntryFilter(search=args.search, status=_unique(args.statuses), tag=args.tag)
    with _open_store() as store:
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


# -- add ------------------------------------------------------------------------


class WordNotFound(Exception):
    pass


def find_word(document: Document, word: str) -> Token:
    """The first token of ``document`` that is ``word``.

    As typed first; then ignoring tatweel (the analyser ignores it too); then
    ignoring vowel marks, since a learner types "وزير" for a vocalised "وَزِير".
    """
    from reader.text.arabic import strip_diacritics, strip_tatweel

    word = word.strip()
    tests: list[Callable[[Token], bool]] = [
        lambda token: token.text == word,
        lambda token: token.lookup == strip_tatweel(word),
        lambda token: strip_diacritics(token.text) == strip_diacritics(word),
    ]
    for matches in tests:
        for token in document.tokens:
            if matches(token):
                return token
    plain = strip_diacritics(word)
    near = [t.text for t in document.tokens if plain and plain in strip_diacritics(t.text)]
    hint = f"; give it as written there, e.g. “{near[0]}”" if near else ""
    raise WordNotFound(f"“{word}” is not a word of the given sentence{hint}.")


def _name_words_given(session: ReadingSession, token_index: int, words: list[str]) -> bool:
    """Whether ``words`` are words of the name of several words the token begins
    or is part of (as typed, vowels optional)."""
    from reader.text.arabic import strip_diacritics

    name = session.name_at(token_index)
    if name is None:
        return False
    tokens = session.document.tokens if session.document is not None else ()
    theirs = [strip_diacritics(t.text) for t in tokens[name.start : name.end]]
    return all(strip_diacritics(word) in theirs for word in words)


@_reports_errors
def cmd_add(args: argparse.Namespace) -> int:
    from reader.cli.support import ensure_database, load_settings
    from reader.reading.save import plan_save
    from reader.store import find_entry
    from reader.text import TokenKind, document_from_text

    _utf8_stdout()
    words = args.word.split()
    if not words:
        return fail(f"Give a word to add, not “{shown_name(args.word)}”.")
    document = document_from_text(args.sentence, title=CLI_DOCUMENT_TITLE)
    try:
        token = find_word(document, words[0])
    except WordNotFound as error:
        return fail(shown_name(str(error)))
    if token.kind is not TokenKind.ARABIC:
        return fail(
            f"“{shown_name(token.text)}” is not an Arabic word, so it has no analysis to save."
        )

    # The store first: a damaged vocabulary file is reported before seconds of
    # loading the morphology.
    with _open_store() as store:
        if store.read_only:  # said before seconds of loading the morphology for nothing
            return fail(f"Nothing was saved: {store.read_only}")
        setting = load_settings().get("morphology_db")
        ensure_database(setting)
        session = _analysed_session(document, setting)
        if len(words) > 1 and not _name_words_given(session, token.index, words):
            return fail(
                f"“{shown_name(args.word)}” is not one name of the sentence; give one word, "
                "or the words of a name the sentence names (الولايات المتحدة)."
            )
        # What the window saves for this word (a word of a name of several words
        # stands for the name), with its sentence and English.
        plan = plan_save(session, token.index)
        if plan is None:
            return fail(f"“{shown_name(token.text)}” could not be analysed, so nothing was saved.")
        before = find_entry(store, *plan.key)
        # An existing entry keeps its status, unless one is asked for; the
        # status and gloss are saved in the same transaction as the word.
        entry = plan.save(store, status_override=args.status, user_gloss=args.gloss).entry

    if before is None:
        verb = "Saved"
    elif entry.occurrence_count > before.occurrence_count:
        verb = "Saved again, with this sentence"
    else:
        verb = "Already saved from this sentence"
    # What the learner typed (the gloss) is shown, never obeyed by the terminal.
    shown = shown_name(
        f"{entry.lemma} ({entry.pos_label or entry.pos}) — {entry.gloss or '(no gloss)'}"
    )
    print(f"{verb}: {shown}")
    details = [f"status {entry.status.value}", f"seen {_plural(entry.occurrence_count, 'time')}"]
    if entry.root:
        details.insert(0, f"root {entry.root}")
    if plan.is_name:
        details.insert(0, "a name of several words, saved as one")
    elif plan.reading is not None and plan.reading.is_guess:
        details.append("not in the dictionary: a guess")
    print("  " + shown_name(", ".join(details)))
    return EXIT_OK


def _analysed_session(document: Document, setting: Any) -> ReadingSession:
    """A reading session on ``document``, prepared as the window prepares it
    (in context, vowels too where the vowel model can run)."""
    from reader.morphology.analyzer import Morphology
    from reader.reading.prepare import prepare
    from reader.reading.session import ReadingSession

    morphology = Morphology.load(setting=setting)
    session = ReadingSession(morphology)
    session.open(document)
    session.analysed(prepare(document, morphology))
    return session


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


@_reports_errors
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
    return _plural(count, "word")


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
            "apkg: an Anki deck; importing it again updates the same notes."
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
        help="in lemmas and forms seen (vowels optional), glosses, notes",
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
