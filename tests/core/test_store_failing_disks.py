"""A read-only vocabulary, the read-only -shm SQLite leaves behind, a disk too full to read.

Each made for real (``chattr +i``, a small tmpfs), and each said in words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import StoreError, list_entries, open_store, remember_document
from reader.store.database import database_files
from reader.store.errors import ReadOnlyStoreError
from tests.failing_disks import fill, free, immutable, small_disk


def _write(store) -> None:
    remember_document(store, title="t", fingerprint="f" * 64, path=None, text_length=1)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "reader.sqlite3"
    open_store(path).close()
    return path


def test_a_read_only_file_is_read_and_refuses_writes_in_words(db_path: Path) -> None:
    with immutable(db_path):
        store = open_store(db_path)
        with store:
            assert list_entries(store) == []  # reading works
            with pytest.raises(ReadOnlyStoreError) as caught:
                _write(store)
    message = str(caught.value)
    assert f"The vocabulary file {db_path} is read-only" in message
    assert "permissions" in message and "nothing can be saved" in message


def test_the_read_only_shm_left_behind_is_named_with_what_to_do(db_path: Path) -> None:
    # A read-only episode: SQLite leaves its -wal and -shm behind, and the -shm
    # stays read-only after the database itself is writable again.
    with immutable(db_path):
        open_store(db_path).close()
    _main, _wal, shm = database_files(db_path)
    assert shm.exists()
    with immutable(shm):
        with open_store(db_path) as store, pytest.raises(ReadOnlyStoreError) as caught:
            _write(store)
    message = str(caught.value)
    assert str(shm) in message and "is read-only" in message
    assert "quit every Arabic Reader window" in message and f"delete {shm.name}" in message
    # Once it is writable again, so is the vocabulary: nothing was lost.
    with open_store(db_path) as store:
        _write(store)


def test_a_read_only_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with immutable(folder), pytest.raises(ReadOnlyStoreError) as caught:
        open_store(folder / "reader.sqlite3")
    assert f"The folder {folder} holding your vocabulary is read-only" in str(caught.value)


def test_a_disk_too_full_even_for_the_shm_is_read_and_says_full_not_io_error(
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "reader.sqlite3"
        open_store(path).close()
        fill(disk)
        # SQLite alone answers "disk I/O error": it cannot grow its -shm even to read.
        with open_store(path) as store:
            assert list_entries(store) == []
            with pytest.raises(StoreError) as caught:
                _write(store)
        message = str(caught.value)
        assert f"The disk holding {path} is full" in message
        assert "free some space" in message and "I/O" not in message
        free(disk)
        with open_store(path) as store:
            _write(store)
