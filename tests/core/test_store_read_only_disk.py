"""A vocabulary on a read-only disk, or on a full one: read, listed, exported, backed up.

The disk is a small tmpfs of the test's own, remounted read-only (which refuses
even root) or filled to the last byte; SQLite can then make no ``-shm``, which
``mode=ro`` alone needs.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import list_entries, open_store, remember_document, save_word
from reader.store.database import backup
from reader.store.errors import ReadOnlyStoreError
from reader.store.export import export_csv
from tests.core.cli_runs import run_main
from tests.failing_disks import fill, free, remounted_read_only, small_disk

WORDS = ("كتاب", "قلم")


def _save_words(path: Path) -> None:
    with open_store(path) as store:
        doc, _ = remember_document(store, title="t", fingerprint="f" * 64, text_length=100)
        for i, word in enumerate(WORDS):
            save_word(
                store,
                lex=word,
                pos="noun",
                lemma=word,
                dictionary_gloss="gloss",
                surface=word,
                document_id=doc.id,
                start=10 * i,
                end=10 * i + 4,
            )


def _words_in(copy: Path) -> set[str]:
    connection = sqlite3.connect(copy)
    try:
        return {row[0] for row in connection.execute("SELECT lex FROM vocabulary")}
    finally:
        connection.close()


def _is_read_and_rescued(path: Path, rescue: Path, reason: str) -> None:
    with open_store(path) as store:
        assert {entry.lex for entry in list_entries(store)} == set(WORDS)
        assert store.read_only is not None and reason in store.read_only
        with pytest.raises(ReadOnlyStoreError) as caught:
            remember_document(store, title="u", fingerprint="u" * 64, text_length=1)
        assert reason in str(caught.value) and "can be read" in str(caught.value)
        assert export_csv(store, rescue / "words.csv") == len(WORDS)
    with (rescue / "words.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(WORDS)
    assert _words_in(backup(path, rescue / "backup.sqlite3")) == set(WORDS)


@pytest.fixture
def rescue(tmp_path: Path) -> Path:
    """Another disk, to rescue the vocabulary to."""
    folder = tmp_path / "rescue"
    folder.mkdir()
    return folder


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A small disk of its own holding a vocabulary with WORDS."""
    with small_disk(tmp_path / "disk") as mounted:
        _save_words(mounted / "reader.sqlite3")
        yield mounted


def _writable_again(path: Path) -> None:
    with open_store(path) as store:
        assert store.read_only is None
        remember_document(store, title="u", fingerprint="u" * 64, text_length=1)


def test_a_vocabulary_on_a_read_only_disk_is_read_exported_and_backed_up(
    disk: Path, rescue: Path
) -> None:
    path = disk / "reader.sqlite3"
    with remounted_read_only(disk):
        _is_read_and_rescued(path, rescue, "is read-only")
    # Nothing was left behind, and the file is writable as before.
    assert sorted(p.name for p in disk.iterdir()) == ["reader.sqlite3"]
    _writable_again(path)


def test_a_vocabulary_on_a_full_disk_is_read_exported_and_backed_up(
    disk: Path, rescue: Path
) -> None:
    path = disk / "reader.sqlite3"
    fill(disk)
    _is_read_and_rescued(path, rescue, "is full")
    free(disk)
    _writable_again(path)


def test_the_cli_lists_exports_and_backs_up_a_read_only_vocabulary(
    disk: Path, rescue: Path
) -> None:
    home = disk  # the data folder itself is on the read-only disk
    with remounted_read_only(home):
        listed = run_main("vocab", "list", home=home)
        exported = run_main("vocab", "export", "-o", str(rescue / "words.csv"), home=home)
        backed_up = run_main("backup", str(rescue / "backup.sqlite3"), home=home)
    for outcome in (listed, exported, backed_up):
        assert outcome.returncode == 0, outcome.stderr
    assert all(word in listed.stdout for word in WORDS)
    assert f"Exported {len(WORDS)} words" in exported.stdout
    assert f"({len(WORDS)} words)" in backed_up.stdout
    assert _words_in(rescue / "backup.sqlite3") == set(WORDS)


def test_vocab_add_on_a_read_only_vocabulary_says_so_before_loading_anything(
    disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.morphology.analyzer import Morphology

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dictionary was loaded for a save that cannot be written")

    monkeypatch.setattr(Morphology, "load", never)
    with remounted_read_only(disk):
        added = run_main("vocab", "add", "كتابا", "--sentence", "قرأت كتابا.", home=disk)
    assert added.returncode != 0
    assert "Nothing was saved:" in added.stderr and "read-only" in added.stderr
    assert len(added.stderr.strip().splitlines()) == 1
