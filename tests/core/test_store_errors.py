"""What SQLite's errors are reported as: damage only when SQLite says so.

A full disk or a failed write says nothing about the file, and must never be
called damage (the window offers to set a damaged file aside). Real SQLite
files; a full disk is real too: ``PRAGMA max_page_count`` makes SQLite answer
SQLITE_FULL ("database or disk is full") as soon as the file would grow.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from reader.store import (
    CorruptStoreError,
    StoreBusyError,
    StoreError,
    database,
    fingerprint_text,
    list_entries,
    open_store,
    remember_document,
    save_word,
)
from reader.store.database import store_error_for
from reader.system import paths

TEXT = "قال الوزير إن الحكومة ستعمل على خفض الأسعار."


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return paths.vocabulary_db_path()


def disk_full_error(tmp_path: Path) -> sqlite3.OperationalError:
    """A real SQLITE_FULL, from a database not allowed to grow."""
    connection = sqlite3.connect(tmp_path / "full.sqlite3")
    try:
        connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
        connection.execute("PRAGMA max_page_count = 1")  # never below the current size
        with pytest.raises(sqlite3.OperationalError) as caught:
            connection.execute("INSERT INTO t VALUES (randomblob(100000))")
    finally:
        connection.close()
    assert caught.value.sqlite_errorcode == sqlite3.SQLITE_FULL
    return caught.value


def _error(code: int, text: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


def test_a_full_disk_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    error = disk_full_error(tmp_path)
    full = store_error_for(error, path)
    assert type(full) is StoreError
    assert f"The disk holding {path} is full" in str(full)
    assert "nothing was changed" in str(full)
    # Wrapped by SQLAlchemy, as Store.writing() meets it.
    wrapped = OperationalError("INSERT ...", {}, error)
    assert type(store_error_for(wrapped, path)) is StoreError


@pytest.mark.parametrize(
    ("code", "text", "kind", "words"),
    [
        (sqlite3.SQLITE_IOERR, "disk I/O error", StoreError, "could not be read or written"),
        (sqlite3.SQLITE_IOERR | (4 << 8), "disk I/O error", StoreError, "could not be read"),
        (sqlite3.SQLITE_CANTOPEN, "unable to open database file", StoreError, "could not be"),
        (sqlite3.SQLITE_CORRUPT, "database disk image is malformed", CorruptStoreError, "damaged"),
        (sqlite3.SQLITE_NOTADB, "file is not a database", CorruptStoreError, "damaged"),
        (sqlite3.SQLITE_BUSY, "database is locked", StoreBusyError, "locked"),
    ],
)
def test_sqlite_codes_are_classified(
    tmp_path: Path, code: int, text: str, kind: type, words: str
) -> None:
    found = store_error_for(_error(code, text), tmp_path / "reader.sqlite3")
    assert type(found) is kind
    assert words in str(found)


def test_an_unknown_error_is_left_to_the_caller(tmp_path: Path) -> None:
    assert store_error_for(_error(sqlite3.SQLITE_ERROR, "no such table"), tmp_path) is None
    assert store_error_for(ValueError("not SQLite"), tmp_path) is None


def test_a_real_not_a_database_file_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    connection = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        connection.execute("PRAGMA quick_check").fetchall()
    connection.close()
    assert isinstance(store_error_for(caught.value, path), CorruptStoreError)


def test_a_write_on_a_full_disk_says_so_and_changes_nothing(db_path: Path) -> None:
    with open_store(db_path) as store:
        doc, _ = remember_document(store, title="خبر", fingerprint=fingerprint_text(TEXT))

    full = open_store(db_path)
    event.listen(
        full._engine,
        "connect",
        lambda connection, _: connection.execute("PRAGMA max_page_count = 1"),
    )
    with full, pytest.raises(StoreError) as caught:
        save_word(
            full,
            lex="وَزِير",
            pos="noun",
            lemma="وَزِير",
            surface="الوزير",
            sentence="الوزير " * 20000,  # more than the file has room for
            document_id=doc.id,
            start=0,
            end=6,
        )
    assert not isinstance(caught.value, CorruptStoreError | StoreBusyError)
    assert "is full" in str(caught.value)
    with open_store(db_path) as store:  # healthy, and without the word
        assert list_entries(store) == []


def test_a_full_disk_while_checking_the_file_is_not_damage(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_path).close()
    before = db_path.read_bytes()
    error = disk_full_error(tmp_path)

    class FullDisk:
        def execute(self, *args: object) -> None:
            raise error

        def close(self) -> None:
            pass

    monkeypatch.setattr(database.sqlite3, "connect", lambda *args, **kwargs: FullDisk())
    with pytest.raises(StoreError) as caught:
        open_store(db_path)
    assert not isinstance(caught.value, CorruptStoreError)
    assert "is full" in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_data_folder_that_is_a_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder")
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    for path in (None, paths.vocabulary_db_path()):  # as the CLI and the window open it
        with pytest.raises(StoreError) as caught:
            open_store(path)
        assert str(caught.value) == (
            f"The data folder {home} is not a folder; set ARABIC_READER_HOME to a folder."
        )
    assert home.read_text() == "not a folder"
    elsewhere = tmp_path / "a-file" / "deeper" / "words.sqlite3"
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreError, match="is not a folder; choose a file in a folder"):
        open_store(elsewhere)
