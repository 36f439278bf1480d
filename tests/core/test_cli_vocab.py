"""`arabic-reader vocab ...` and `arabic-reader backup`, as scripts run them.

``reader.cli.main.main(argv)`` in this process, on real SQLite files in a private
ARABIC_READER_HOME, with the real analyser; the words are added once per module.
Two real processes adding words at once show the entry point and SQLite's locks.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.core.cli_runs import (
    Outcome,
    assert_one_sentence_error,
    run_main,
    run_processes,
)

pytestmark = pytest.mark.realdb

USER_GLOSS = "the foreign ministry (State Department)"
IGNORED_LEX = "كِيرِي"
# As camel-tools writes it: shadda before fatha, which is not Unicode's
# canonical order, so a literal typed in an editor may differ invisibly.
MINISTRY_LEX = "\u062e\u0627\u0631\u0650\u062c\u0650\u064a\u0651\u064e\u0629"


def run_all(
    commands: Sequence[Sequence[str]], *, home: Path, db: Path | None = None
) -> list[Outcome]:
    return [run_main(*args, home=home, db=db) for args in commands]


def sentence_with(article: Path, word: str, without: str = "") -> str:
    """A real sentence of the default article containing ``word`` (and not ``without``)."""
    from reader.text import load_document

    document = load_document(article)
    for token in document.tokens:
        span = document.sentences[token.sentence]
        sentence = document.text[span.start : span.end]
        if token.text == word and not (without and without in sentence):
            return sentence
    raise AssertionError(f"no sentence with {word} and without {without}")


# بوتين alone (the article's first is in فلاديمير بوتين, a name saved whole).
PUTIN_ALONE = ("بوتين", "فلاديمير")


@dataclass
class Vocabulary:
    """A data home holding words added through the CLI, and the commands' results."""

    home: Path
    added: dict[str, Outcome]
    results: dict[str, Outcome] = field(default_factory=dict)

    @property
    def db(self) -> Path:
        return self.home / "reader.sqlite3"

    def out(self, name: str) -> Path:
        return self.home / "out" / name


# name -> arguments; every read-only command the tests check, run once for the module.
def _read_commands(vocab: Vocabulary) -> dict[str, list[str]]:
    return {
        "list json": ["vocab", "list", "--json"],
        "list table": ["vocab", "list"],
        "list known": ["vocab", "list", "--json", "--status", "known"],
        "list no match": ["vocab", "list", "--search", "موسكو"],
        "list as typed": ["vocab", "list", "--json", "--search", "بالخارجيه"],
        "csv": ["vocab", "export", "--format", "csv", "-o", str(vocab.out("words.csv"))],
        "csv filtered": [
            "vocab",
            "export",
            "--format",
            "csv",
            "-o",
            str(vocab.out("some.csv")),
            "--status",
            "known,ignored",
            "--status",
            "new",
        ],
        "tsv": ["vocab", "export", "--format", "tsv", "-o", str(vocab.out("words.tsv"))],
        "apkg 1": ["vocab", "export", "-o", str(vocab.out("one.apkg"))],
        "apkg 2": ["vocab", "export", "--format", "apkg", "-o", str(vocab.out("two.apkg"))],
        "export nowhere": ["vocab", "export", "-o", str(vocab.out("missing/words.csv"))],
        "export onto the database": ["vocab", "export", "--format", "csv", "-o", str(vocab.db)],
        "backup": ["backup", str(vocab.out("backup.sqlite3"))],
    }


@pytest.fixture(scope="module")
def vocab(
    tmp_path_factory: pytest.TempPathFactory, real_db_path: Path, default_article_path: Path
) -> Vocabulary:
    from reader.store import open_store, remember_document, save_word

    home = tmp_path_factory.mktemp("vocab-home")
    (home / "out").mkdir()
    with open_store(home / "reader.sqlite3") as store:
        doc, _ = remember_document(store, title="Kerry in Moscow", fingerprint="0" * 64)
        save_word(
            store,
            lex=IGNORED_LEX,
            pos="noun_prop",
            lemma=IGNORED_LEX,
            pos_label="proper noun",
            dictionary_gloss="Kerry",
            surface="كيري",
            sentence="جون كيري",
            document_id=doc.id,
            start=4,
            end=8,
            status="ignored",
        )
    putin, ministry = run_all(
        [
            [
                "vocab",
                "add",
                "بوتين",
                "--sentence",
                sentence_with(default_article_path, *PUTIN_ALONE),
                "--status",
                "known",
            ],
            [
                "vocab",
                "add",
                "الخارجية",
                "--sentence",
                sentence_with(default_article_path, "الخارجية"),
                "--gloss",
                USER_GLOSS,
            ],
        ],
        home=home,
        db=real_db_path,
    )
    vocab = Vocabulary(home, {"putin": putin, "ministry": ministry})
    for result in vocab.added.values():
        assert result.returncode == 0, result.stderr
    commands = _read_commands(vocab)
    vocab.results = dict(zip(commands, run_all(list(commands.values()), home=home), strict=True))
    return vocab


def ok(vocab: Vocabulary, name: str) -> Outcome:
    result = vocab.results[name]
    assert result.returncode == 0, result.stderr
    return result


def by_lex(entries: list[dict]) -> dict[str, dict]:
    return {entry["lex"]: entry for entry in entries}


# -- add and list ---------------------------------------------------------------


def test_add_prints_what_was_saved(vocab: Vocabulary) -> None:
    putin = vocab.added["putin"].stdout
    assert putin.startswith("Saved: بُوتِين (proper noun) — Putin")
    assert "status known" in putin
    ministry = vocab.added["ministry"].stdout
    assert ministry.startswith(f"Saved: {MINISTRY_LEX} (noun) — {USER_GLOSS}")


def test_list_json_shows_the_added_words_with_their_analysis(vocab: Vocabulary) -> None:
    entries = by_lex(json.loads(ok(vocab, "list json").stdout))
    assert set(entries) == {"بُوتِين", MINISTRY_LEX, IGNORED_LEX}
    putin = entries["بُوتِين"]
    assert (putin["pos"], putin["pos_label"], putin["gloss"]) == (
        "noun_prop",
        "proper noun",
        "Putin",
    )
    assert putin["status"] == "known"
    assert putin["occurrences"] == 1
    assert putin["user_gloss"] is None
    assert set(putin) >= {
        "lemma",
        "lex",
        "pos",
        "pos_label",
        "root",
        "gloss",
        "dictionary_gloss",
        "user_gloss",
        "status",
        "tags",
        "notes",
        "occurrences",
    }


def test_the_learners_gloss_wins_in_the_list(vocab: Vocabulary) -> None:
    ministry = by_lex(json.loads(ok(vocab, "list json").stdout))[MINISTRY_LEX]
    assert ministry["pos"] == "noun"
    assert ministry["gloss"] == ministry["user_gloss"] == USER_GLOSS
    assert "foreign ministry" in ministry["dictionary_gloss"]
    assert ministry["status"] == "learning"


def test_the_occurrence_is_the_sentence_in_a_command_line_document(
    vocab: Vocabulary, default_article_path: Path
) -> None:
    with sqlite3.connect(vocab.db) as connection:
        surface, sentence, title = connection.execute(
            "SELECT o.surface, o.sentence, d.title FROM occurrences o "
            "JOIN vocabulary v ON v.id = o.entry_id JOIN documents d ON d.id = o.document_id "
            "WHERE v.lex = ?",
            ("بُوتِين",),
        ).fetchone()
    assert surface == "بوتين"
    assert sentence == sentence_with(default_article_path, *PUTIN_ALONE)
    assert title == "Added from the command line"


def test_add_a_word_of_a_name_saves_the_name_as_the_window_does(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    """بوتين in فلاديمير بوتين saves the name, as one entry; so do the name's
    words given together; words that are no name of the sentence are refused."""
    sentence = sentence_with(default_article_path, "فلاديمير")
    word, name, not_a_name = run_all(
        [
            ["vocab", "add", "بوتين", "--sentence", sentence],
            ["vocab", "add", "فلاديمير بوتين", "--sentence", sentence, "--status", "known"],
            ["vocab", "add", "بوتين وزير", "--sentence", sentence],
        ],
        home=tmp_path,
        db=real_db_path,
    )
    assert word.returncode == 0, word.stderr
    assert word.stdout.startswith("Saved: ") and "— Vladimir Putin" in word.stdout
    assert "a name of several words, saved as one" in word.stdout
    assert name.returncode == 0, name.stderr
    assert name.stdout.startswith("Already saved from this sentence: ")
    assert "status known" in name.stdout
    assert not_a_name.returncode != 0
    assert_one_sentence_error(not_a_name)
    assert "is not one name of the sentence" in not_a_name.stderr
    entries = json.loads(run_main("vocab", "list", "--json", home=tmp_path).stdout)
    (entry,) = entries
    assert (entry["lex"], entry["pos"], entry["gloss"]) == (
        "فلاديمير بوتين",
        "noun_prop",
        "Vladimir Putin",
    )
    assert entry["status"] == "known" and entry["occurrences"] == 1


def test_a_surname_alone_added_after_its_name_is_the_name_as_in_the_window(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    """فلاديمير بوتين saved, then بوتين alone from another sentence: a second place of
    the name, not a word of its own."""
    full = sentence_with(default_article_path, "فلاديمير")
    later = sentence_with(default_article_path, *PUTIN_ALONE)
    name, alone = run_all(
        [
            ["vocab", "add", "فلاديمير بوتين", "--sentence", full],
            ["vocab", "add", "بوتين", "--sentence", later],
        ],
        home=tmp_path,
        db=real_db_path,
    )
    assert name.returncode == 0, name.stderr
    assert alone.returncode == 0, alone.stderr
    assert alone.stdout.startswith("Saved again, with this sentence: ")
    (entry,) = json.loads(run_main("vocab", "list", "--json", home=tmp_path).stdout)
    assert entry["lex"] == "فلاديمير بوتين" and entry["occurrences"] == 2


def test_two_processes_adding_at_once_both_save(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    """The installed entry point, twice at once on one file, as two windows saving words."""
    from reader.store import open_store

    with open_store(tmp_path / "reader.sqlite3"):
        pass  # the schema exists first: they race over the words, not over the file
    words = ("بوتين", "الخارجية")
    jobs = [
        ["vocab", "add", word, "--sentence", sentence_with(default_article_path, *alone)]
        for word, alone in ((words[0], PUTIN_ALONE), (words[1], (words[1],)))
    ]
    results = run_processes([(args, tmp_path, real_db_path) for args in jobs])
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Saved: ")
    with sqlite3.connect(tmp_path / "reader.sqlite3") as connection:
        lexes = {row[0] for row in connection.execute("SELECT lex FROM vocabulary")}
        surfaces = {row[0] for row in connection.execute("SELECT surface FROM occurrences")}
    assert lexes == {"بُوتِين", MINISTRY_LEX}
    assert surfaces == set(words)


def test_list_table_is_readable(vocab: Vocabulary) -> None:
    table = ok(vocab, "list table").stdout
    assert table.splitlines()[0].split()[:2] == ["lemma", "part"]
    assert "Putin" in table and USER_GLOSS in table
    assert table.rstrip().endswith("3 words.")


def test_list_filters_by_status(vocab: Vocabulary) -> None:
    entries = json.loads(ok(vocab, "list known").stdout)
    assert [(entry["lex"], entry["status"]) for entry in entries] == [("بُوتِين", "known")]


def test_list_searches_as_a_learner_types(vocab: Vocabulary) -> None:
    """بالخارجيه: a preposition and the article on it, ه for its ة."""
    entries = json.loads(ok(vocab, "list as typed").stdout)
    assert [entry["lex"] for entry in entries] == [MINISTRY_LEX]


def test_a_listing_that_matches_nothing_says_so(vocab: Vocabulary) -> None:
    assert ok(vocab, "list no match").stdout == "No saved words match.\n"


def test_listing_before_any_word_is_saved_creates_no_file(tmp_path: Path) -> None:
    table = run_main("vocab", "list", home=tmp_path)
    listing = run_main("vocab", "list", "--json", home=tmp_path)
    assert (table.returncode, table.stdout) == (0, "No words saved yet.\n")
    assert (listing.returncode, json.loads(listing.stdout)) == (0, [])
    assert not (tmp_path / "reader.sqlite3").exists()


def test_a_reader_that_stops_reading_is_not_an_error(
    vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`arabic-reader vocab list | head -1`: the pipe closes, the command ends quietly."""
    from reader.cli.main import main

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setenv("ARABIC_READER_HOME", str(vocab.home))
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["vocab", "list"]) == 0


def test_control_characters_are_shown_escaped_not_obeyed(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    # A gloss pasted from a web page, or written to attack the terminal: red text,
    # a bell, a carriage return that hides the line, a right-to-left override.
    hostile = "red\x1b[31m bell\x07 hidden\r shown\u202e \x9b2J"
    sentence = sentence_with(default_article_path, *PUTIN_ALONE)
    added = run_main(
        "vocab", "add", "بوتين", "--sentence", sentence, "--gloss", hostile,
        home=tmp_path, db=real_db_path,
    )  # fmt: skip
    table = run_main("vocab", "list", home=tmp_path)
    listing = run_main("vocab", "list", "--json", home=tmp_path)
    typed = run_main(
        "vocab", "add", "\x1b]0;owned\x07", "--sentence", sentence,
        home=tmp_path, db=real_db_path,
    )  # fmt: skip
    for outcome in (added, table, listing):
        assert outcome.returncode == 0, outcome.stderr
    for shown in (added.stdout, table.stdout, typed.stderr):
        assert not any(char in shown for char in "\x1b\x07\r\u202e\x9b"), repr(shown)
    assert "red\\u001b[31m bell\\u0007 hidden\\r shown\\u202e \\u009b2J" in added.stdout
    assert "red\\u001b[31m bell\\u0007" in table.stdout
    assert "\\u001b]0;owned\\u0007" in typed.stderr
    # JSON is for programs: the gloss as saved, escaped by JSON itself.
    assert json.loads(listing.stdout)[0]["gloss"] == hostile
    assert "\x1b" not in listing.stdout


# -- exports --------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "spreadsheets need the BOM to show Arabic"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_export_has_bom_columns_and_the_learners_gloss(vocab: Vocabulary) -> None:
    from reader.store.export import CSV_COLUMNS

    result = ok(vocab, "csv")
    path = vocab.out("words.csv")
    assert result.stdout.strip() == f"Exported 2 words to {path}"
    rows = read_csv(path)
    assert tuple(rows[0]) == CSV_COLUMNS
    by_lemma = {row["lemma"]: row for row in rows}
    # Ignored words stay out unless asked for.
    assert set(by_lemma) == {"بُوتِين", MINISTRY_LEX}
    assert by_lemma[MINISTRY_LEX]["gloss"] == USER_GLOSS
    assert by_lemma[MINISTRY_LEX]["form seen"] == "الخارجية"
    assert by_lemma["بُوتِين"]["gloss"] == "Putin"
    assert "بوتين" in by_lemma["بُوتِين"]["context sentence"]


def test_export_status_filter_repeated_and_comma_separated(vocab: Vocabulary) -> None:
    assert ok(vocab, "csv filtered").stdout.startswith("Exported 2 words")
    rows = read_csv(vocab.out("some.csv"))
    assert {row["lemma"]: row["status"] for row in rows} == {
        "بُوتِين": "known",
        IGNORED_LEX: "ignored",
    }


def test_tsv_export_is_for_anki(vocab: Vocabulary) -> None:
    ok(vocab, "tsv")
    lines = vocab.out("words.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:tab"
    notes = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(notes) == 2
    assert any(note[0] == MINISTRY_LEX and note[2] == html_escaped(USER_GLOSS) for note in notes)


def html_escaped(text: str) -> str:
    import html

    return html.escape(text)


def apkg_guids(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        collection = path.with_suffix(".anki2")
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as connection:
        rows = connection.execute("SELECT guid, flds FROM notes").fetchall()
    return {fields.split("\x1f")[0]: guid for guid, fields in rows}


def test_apkg_exports_keep_note_guids(vocab: Vocabulary) -> None:
    from reader.store.export import anki_guid

    assert ok(vocab, "apkg 1").stdout.startswith("Exported 2 words")  # format from .apkg
    ok(vocab, "apkg 2")
    first, second = apkg_guids(vocab.out("one.apkg")), apkg_guids(vocab.out("two.apkg"))
    assert first == second
    assert first["بُوتِين"] == anki_guid("بُوتِين", "noun_prop")


def test_export_into_a_missing_directory_fails_clearly(vocab: Vocabulary) -> None:
    result = vocab.results["export nowhere"]
    assert_one_sentence_error(result)
    assert "Cannot write in" in result.stderr
    assert not vocab.out("missing").exists()


# -- backup ---------------------------------------------------------------------


def test_export_refuses_to_overwrite_the_database(vocab: Vocabulary) -> None:
    result = vocab.results["export onto the database"]
    assert_one_sentence_error(result)
    assert "is the vocabulary file itself" in result.stderr
    assert "choose another file for the export." in result.stderr
    assert vocab.db.read_bytes().startswith(b"SQLite format 3\x00")
    assert not list(vocab.home.glob(".*.partial"))


def test_backup_is_a_database_sqlite_can_open(vocab: Vocabulary) -> None:
    result = ok(vocab, "backup")
    copy = vocab.out("backup.sqlite3")
    assert str(copy) in result.stdout and "3 words" in result.stdout
    with sqlite3.connect(copy) as connection:
        lexes = {row[0] for row in connection.execute("SELECT lex FROM vocabulary")}
        (journal,) = connection.execute("PRAGMA journal_mode").fetchone()
    assert lexes == {"بُوتِين", MINISTRY_LEX, IGNORED_LEX}
    assert journal == "delete"  # one self-contained file, no -wal beside it


def test_backup_help_says_how_to_restore(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.main import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["backup", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "quit Arabic Reader" in shown
    assert str(data_home.resolve() / "reader.sqlite3") in shown


# -- errors ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory, real_db_path: Path) -> dict:
    """Every command that must refuse, run once for the module: damaged, newer, bad input."""
    root = tmp_path_factory.mktemp("refusals")
    corrupt_home, newer_home, empty_home = root / "corrupt", root / "newer", root / "empty"
    for home in (corrupt_home, newer_home, empty_home):
        home.mkdir()
    file_home = root / "home-file"
    file_home.write_text("not a folder\n")
    corrupt = corrupt_home / "reader.sqlite3"
    corrupt.write_bytes(b"not a database at all\n" * 200)
    newer = newer_home / "reader.sqlite3"
    connection = sqlite3.connect(newer)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.close()
    before = {path: path.read_bytes() for path in (corrupt, newer)}
    jobs: dict[str, tuple[list[str], Path, Path | None]] = {
        "corrupt list": (["vocab", "list", "--json"], corrupt_home, None),
        "corrupt add": (
            ["vocab", "add", "كيري", "--sentence", "وصل كيري إلى موسكو."],
            corrupt_home,
            real_db_path,
        ),
        "corrupt backup": (["backup", str(root / "copy.sqlite3")], corrupt_home, None),
        "backup onto itself": (["backup", str(corrupt)], corrupt_home, None),
        "newer list": (["vocab", "list"], newer_home, None),
        "home is a file": (
            ["vocab", "add", "كيري", "--sentence", "وصل كيري إلى موسكو."],
            file_home,
            real_db_path,
        ),
        "not in sentence": (
            ["vocab", "add", "خارجية", "--sentence", "وصل وزير الخارجية إلى موسكو."],
            empty_home,
            real_db_path,
        ),
    }
    results = {name: run_main(*args, home=home, db=db) for name, (args, home, db) in jobs.items()}
    return {"root": root, "before": before, **results}


@pytest.mark.parametrize("command", ["list", "add", "backup"])
def test_a_damaged_database_is_reported_and_left_untouched(refusals: dict, command: str) -> None:
    result = refusals[f"corrupt {command}"]
    assert_one_sentence_error(result)
    assert "damaged or is not a database" in result.stderr
    assert "left untouched" in result.stderr
    assert {path: path.read_bytes() for path in refusals["before"]} == refusals["before"]
    root = refusals["root"]
    assert not (root / "copy.sqlite3").exists()


def test_a_newer_database_is_reported_and_left_untouched(refusals: dict) -> None:
    result = refusals["newer list"]
    assert_one_sentence_error(result)
    assert "newer version" in result.stderr and "left untouched" in result.stderr
    assert {path: path.read_bytes() for path in refusals["before"]} == refusals["before"]


def test_backup_refuses_to_overwrite_the_database(refusals: dict) -> None:
    result = refusals["backup onto itself"]
    assert_one_sentence_error(result)
    assert "vocabulary file itself" in result.stderr


def test_a_data_home_that_is_a_file_is_named(refusals: dict) -> None:
    result = refusals["home is a file"]
    assert_one_sentence_error(result)
    home = refusals["root"] / "home-file"
    assert f"The data folder {home} is not a folder" in result.stderr
    assert "set ARABIC_READER_HOME to a folder." in result.stderr
    assert home.read_text() == "not a folder\n"


def test_sqlite_errors_escaping_the_store_are_classified(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy.exc import OperationalError

    from reader.cli.store_errors import reports_errors as _reports_errors

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    damaged = sqlite3.DatabaseError("database disk image is malformed")
    damaged.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    odd = sqlite3.OperationalError("no such table: vocabulary")
    odd.sqlite_errorcode = sqlite3.SQLITE_ERROR
    messages = []
    for error in (full, damaged, odd):

        @_reports_errors
        def handler(args, error=error) -> int:
            raise OperationalError("INSERT ...", {}, error)

        assert handler(None) == 1
        messages.append(capsys.readouterr().err)
    database = data_home.resolve() / "reader.sqlite3"
    assert messages[0].startswith(f"arabic-reader: The disk holding {database} is full")
    assert "could not be read" not in messages[0]
    assert "is damaged or is not a database" in messages[1]
    assert messages[2] == (
        "arabic-reader: The vocabulary file could not be used (no such table: vocabulary).\n"
    )


def test_add_a_word_not_in_the_sentence(refusals: dict) -> None:
    result = refusals["not in sentence"]
    assert_one_sentence_error(result)
    assert "is not a word of the given sentence" in result.stderr
    assert "الخارجية" in result.stderr  # the form to use instead
    # Refused before the store was opened: no database was created.
    assert not (refusals["root"] / "empty" / "reader.sqlite3").exists()


# -- parsing (in-process: no database involved) ---------------------------------


def test_statuses_repeat_and_split_on_commas() -> None:
    from reader.cli.main import build_parser

    args = build_parser().parse_args(
        ["vocab", "export", "-o", "w.csv", "--status", "new, Known", "--status", "ignored"]
    )
    assert args.statuses == ["new", "known", "ignored"]


def test_an_unknown_status_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import build_parser

    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["vocab", "list", "--status", "learning,forgotten"])
    assert exit_info.value.code == 2
    assert "unknown status forgotten" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("w.CSV", None, "csv"),
        ("w.txt", None, "tsv"),
        ("w.apkg", None, "apkg"),
        ("w.apkg", "csv", "csv"),
        ("words", None, None),
    ],
)
def test_the_export_format_follows_the_extension(
    name: str, given: str | None, expected: str | None
) -> None:
    from reader.cli.main import build_parser
    from reader.cli.vocab import export_format

    argv = ["vocab", "export", "-o", name, *(["--format", given] if given else [])]
    assert export_format(build_parser().parse_args(argv)) == expected


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("الخارجية", "الخارجية"),
        ("الخـارجية", "الخارجية"),  # tatweel typed, none in the text
        ("وَزِير", "وزير"),  # vowels typed, none in the text
        ("كيري", "كيـري"),  # tatweel in the text
    ],
)
def test_the_word_is_found_as_written_give_or_take_tatweel_and_vowels(
    typed: str, found: str
) -> None:
    from reader.cli.add import find_word
    from reader.text import document_from_text

    document = document_from_text("قال وزير الخارجية جون كيـري إن الاجتماع كان مثمرًا.")
    token = find_word(document, typed)
    assert token.text == found
    assert document.text[token.start : token.end] == found
