"""Opening, migrating, refusing and backing up the vocabulary file (real SQLite files)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from reader.store import (
    CorruptStoreError,
    NewerStoreError,
    StoreBusyError,
    UnrecognisedStoreError,
    backup,
    connection,
    database,
    find_entry,
    head_revision,
    list_entries,
    occurrences,
    open_store,
    remember_document,
    save_word,
    set_aside_and_start_fresh,
)
from reader.store.connection import make_engine
from reader.store.database import _upgrade
from reader.store.models import Base
from reader.system import paths

WAZIR = {"lex": "وَزِير", "pos": "noun", "lemma": "وَزِير", "root": "و.ز.ر"}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _make_revision_0001_with_data(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _upgrade(path, pre_alembic=False, target="0001")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO documents (id, title, fingerprint, path, text_length, added_at, "
            "last_opened_at, reading_position) VALUES (1, 'خبر', 'ab12', '/news.txt', 500, "
            "'2025-01-02 03:04:05', '2025-01-02 03:04:05', 120)"
        )
        connection.execute(
            "INSERT INTO vocabulary (id, lex, pos, lemma, root, pos_label, dictionary_gloss, "
            "status, notes, created_at, updated_at) VALUES (7, 'وَزِير', 'noun', 'وَزِير', "
            "'و.ز.ر', 'noun', 'minister', 'known', 'from the old days', "
            "'2025-01-02 03:04:05', '2025-01-02 03:04:05')"
        )
        connection.execute(
            'INSERT INTO occurrences (entry_id, document_id, surface, sentence, start, "end", '
            "created_at) VALUES (7, 1, 'الوَزير', 'قال الوَزير', 4, 11, '2025-01-02 03:04:05')"
        )
    connection.close()


def test_fresh_file_is_created_at_head_in_wal_mode(home: Path) -> None:
    store = open_store()
    try:
        assert store.path == paths.vocabulary_db_path()
        assert store.path.is_relative_to(home)
        assert _revision(store.path) == head_revision() == "0003"
        with store.reading() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        store.close()
    assert not paths.backups_dir().exists() or not any(paths.backups_dir().iterdir())


def test_models_match_migrations(home: Path) -> None:
    open_store().close()
    engine = make_engine(paths.vocabulary_db_path())
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_upgrade_from_0001_keeps_data_and_backs_up_first(home: Path) -> None:
    path = home / "reader.sqlite3"
    _make_revision_0001_with_data(path)
    before = path.read_bytes()

    store = open_store(path)
    try:
        assert _revision(path) == "0003"
        entry = find_entry(store, "وَزِير", "noun")
        assert entry is not None and entry.id == 7
        assert (entry.dictionary_gloss, entry.status.value) == ("minister", "known")
        assert entry.notes == "from the old days" and entry.user_gloss is None
        assert [o.surface for o in occurrences(store, 7)] == ["الوَزير"]
        # The new search columns were filled for the old rows.
        assert [e.id for e in list_entries(store, search="وزير")] == [7]
        # New features work on migrated rows.
        doc, _ = remember_document(store, title="خبر", fingerprint="ab12")
        assert (doc.id, doc.reading_position) == (1, 120)
    finally:
        store.close()

    backups = list(paths.backups_dir().iterdir())
    assert len(backups) == 1 and "0001" in backups[0].name
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT dictionary_gloss FROM vocabulary").fetchall() == [("minister",)]
    assert len(before) > 0


def test_pre_alembic_file_with_our_tables_is_adopted(home: Path) -> None:
    path = home / "reader.sqlite3"
    _make_revision_0001_with_data(path)
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE alembic_version")
    with open_store(path) as store:
        assert find_entry(store, "وَزِير", "noun") is not None
    assert _revision(path) == head_revision()
    assert len(list(paths.backups_dir().iterdir())) == 1


def test_foreign_sqlite_file_is_refused_untouched(home: Path) -> None:
    path = home / "other.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(UnrecognisedStoreError):
        open_store(path)
    assert path.read_bytes() == before


def test_garbage_file_is_corrupt_and_untouched(home: Path) -> None:
    path = home / "reader.sqlite3"
    path.parent.mkdir(parents=True)
    garbage = bytes(range(256)) * 40
    path.write_bytes(garbage)
    with pytest.raises(CorruptStoreError) as raised:
        open_store(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == garbage


def test_damaged_pages_are_corrupt_and_untouched(home: Path) -> None:
    path = home / "reader.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as connection:  # bulk rows, quicker than 300 saves
        connection.executemany(
            "INSERT INTO vocabulary (lex, pos, lemma, lemma_plain, notes, created_at, "
            "updated_at) VALUES (?, 'noun', ?, ?, ?, '2025-01-01', '2025-01-01')",
            [(f"w{i}", f"w{i}", f"w{i}", "ملاحظة " * 60) for i in range(300)],
        )
    connection.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)  # stomp on b-tree pages
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError):
        open_store(path)
    assert path.read_bytes() == bytes(data)


def test_newer_schema_is_refused_untouched(home: Path) -> None:
    path = home / "reader.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerStoreError) as raised:
        open_store(path)
    assert "0099_from_the_future" in str(raised.value)
    assert path.read_bytes() == before
    assert _revision(path) == "0099_from_the_future"


def test_set_aside_moves_file_and_companions_then_fresh_store_opens(home: Path) -> None:
    path = home / "reader.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 100)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    with pytest.raises(CorruptStoreError):
        open_store(path)

    aside = set_aside_and_start_fresh(path)
    assert aside.name.startswith("reader.sqlite3.broken-")
    assert aside.read_bytes() == b"not a database at all" * 100
    assert Path(f"{aside}-wal").read_bytes() == b"wal bytes"
    assert not path.exists() and not Path(f"{path}-wal").exists()

    with open_store(path) as store:
        assert list_entries(store) == []
    assert aside.exists()


def test_backup_during_open_write_transaction(home: Path, tmp_path: Path) -> None:
    with open_store() as store:
        doc, _ = remember_document(store, title="t", fingerprint="f")
        save_word(store, **WAZIR, surface="وزير", document_id=doc.id, start=0, end=4)

        writer = sqlite3.connect(store.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO documents (title, fingerprint, added_at, last_opened_at) "
            "VALUES ('uncommitted', 'u', '2025-01-01', '2025-01-01')"
        )
        try:
            (tmp_path / "copies").mkdir()
            written = backup(store, tmp_path / "copies")  # a directory: a dated name inside
        finally:
            writer.execute("ROLLBACK")
            writer.close()

    assert written.parent == tmp_path / "copies"
    with sqlite3.connect(written) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT title FROM documents").fetchall() == [("t",)]
        assert copy.execute("SELECT lex FROM vocabulary").fetchall() == [("وَزِير",)]
    with open_store(written) as reopened:
        assert find_entry(reopened, "وَزِير", "noun") is not None


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert database.SCHEMA_HEAD == head_revision()


def test_a_writer_locked_out_too_long_gets_store_busy(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    with open_store() as store:
        holder = sqlite3.connect(store.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreBusyError, match="locked"):
                remember_document(store, title="t", fingerprint="f")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        doc, _ = remember_document(store, title="t", fingerprint="f")  # free again
        assert doc.title == "t"


# Another program writing without pause (argv: the database): it commits every
# 50 ms and takes the lock again at once, in one call to SQLite.
HOG = """
import sqlite3, sys, time
holder = sqlite3.connect(sys.argv[1], isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
for version in range(1, 10_000):
    time.sleep(0.05)
    holder.execute(f"PRAGMA user_version = {version}")
    holder.executescript("BEGIN IMMEDIATE")  # which commits first
"""


def test_a_writer_kept_waiting_by_others_committing_gives_up_in_the_end(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The waiting writer never has its turn; it waits while the commits show the
    # line moving (past the 0.2 s a lone holder gets), but not for ever.
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(connection, "BUSY_LIMIT_S", 1.0)
    with open_store() as store:
        hog = subprocess.Popen(
            [sys.executable, "-c", HOG, str(store.path)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert hog.stdout is not None and hog.stdout.readline() == "holding\n"
            started = time.monotonic()
            with pytest.raises(StoreBusyError, match="kept writing to the vocabulary file"):
                remember_document(store, title="t", fingerprint="f")
            waited = time.monotonic() - started
        finally:
            hog.kill()
            hog.wait(timeout=30)
        assert 1.0 <= waited < 5.0
        doc, _ = remember_document(store, title="t", fingerprint="f")  # free again
        assert doc.title == "t"
