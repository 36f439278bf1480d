"""Exports and backups go only where they may: never over a pipe, a device or the app's files.

Every special file is made inside ``tmp_path`` (a FIFO with ``os.mkfifo``, a
null-like and a full-like device with ``os.mknod``), never the system's own.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.store import ExportError, Store, StoreError, backup, open_store, save_word
from reader.store.export import export_apkg, export_csv, export_tsv
from reader.system import paths
from reader.system.files import RefusedFileError, writable_target, write_atomically
from tests.core.cli_runs import run_process as run_cli

REPO = Path(__file__).resolve().parents[2]
WRITERS: dict[str, Callable[..., object]] = {
    "csv": export_csv,
    "tsv": export_tsv,
    "apkg": export_apkg,
    "backup": backup,
}


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        save_word(
            opened,
            lex="وَزِير",
            pos="noun",
            lemma="وَزِير",
            root="و.ز.ر",
            pos_label="noun",
            dictionary_gloss="minister",
            surface="الوزير",
            sentence="قال الوزير",
            document_id=None,
            start=4,
            end=10,
        )
        yield opened


def _write(kind: str, store: Store, target: Path) -> object:
    return WRITERS[kind](store, target)


def _device(path: Path, minor: int) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, minor))
    return path


def _special(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / f"special-{kind}"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "null":
        _device(target, 3)
    elif kind == "full":
        _device(target, 7)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
        server.close()  # the socket file stays
    elif kind == "folder-for-export":
        target.mkdir()
    return target


@pytest.mark.parametrize("writer", ["csv", "tsv", "apkg", "backup"])
@pytest.mark.parametrize("kind", ["fifo", "null", "full", "socket"])
def test_a_special_file_is_refused_by_type_and_left_as_it_was(
    store: Store, tmp_path: Path, writer: str, kind: str
) -> None:
    target = _special(tmp_path, kind)
    before = os.lstat(target)
    with pytest.raises(StoreError) as caught:
        _write(writer, store, target)
    message = str(caught.value)
    assert "not a file" in message and target.name in message
    assert message.count(". ") == 0 and message.endswith(".")
    after = os.lstat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not list(tmp_path.glob(".*.partial"))


@pytest.mark.parametrize("writer", ["csv", "tsv", "apkg"])
def test_an_export_to_a_folder_is_refused(store: Store, tmp_path: Path, writer: str) -> None:
    folder = tmp_path / "words.csv"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder, not a file"):
        _write(writer, store, folder)
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.parametrize("writer", ["csv", "tsv", "apkg", "backup"])
def test_a_symlink_is_written_through_and_stays_a_link(
    store: Store, tmp_path: Path, writer: str
) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "words.out"
    real.write_bytes(b"old export")
    real.chmod(0o640)
    link = tmp_path / "link.out"
    link.symlink_to(real)
    _write(writer, store, link)
    assert link.is_symlink() and link.resolve() == real
    content = real.read_bytes()
    assert content != b"old export" and content
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file's permissions kept
    assert not list(real_folder.glob(".*.partial")) and not list(tmp_path.glob(".*.partial"))
    if writer == "backup":
        with sqlite3.connect(real) as copy:
            assert copy.execute("SELECT count(*) FROM vocabulary").fetchone() == (1,)


def test_a_dangling_symlink_creates_the_file_it_names(store: Store, tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    assert export_csv(store, link) == 1
    assert link.is_symlink() and (tmp_path / "new.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_symlink_to_a_pipe_or_a_loop_is_refused(store: Store, tmp_path: Path) -> None:
    fifo = _special(tmp_path, "fifo")
    to_fifo = tmp_path / "to-fifo.csv"
    to_fifo.symlink_to(fifo)
    with pytest.raises(ExportError, match="named pipe"):
        export_csv(store, to_fifo)
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(ExportError, match="loop"):
        export_csv(store, loop)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and loop.is_symlink()


def test_the_apps_own_files_are_refused_by_every_writer(store: Store, tmp_path: Path) -> None:
    settings = paths.settings_path()
    settings.write_text('{"font_size": 30}', encoding="utf-8")
    dictionary = paths.morphology_dir()
    dictionary.mkdir(parents=True)
    database_file = dictionary / "morphology.db"
    database_file.write_text("###DEFINES###\n", encoding="utf-8")
    link_to_settings = tmp_path / "settings-link.sqlite3"
    link_to_settings.symlink_to(settings)
    targets = {
        settings: "settings file",
        link_to_settings: "settings file",
        database_file: "dictionary folder",
        paths.camel_data_dir() / "catalogue.json": "dictionary folder",
        dictionary / "new-name.csv": "dictionary folder",
        store.path: "vocabulary file itself",
        Path(f"{store.path}-wal"): "vocabulary file itself",
        Path(f"{store.path}-shm"): "vocabulary file itself",
    }
    for writer in WRITERS:
        for target, what in targets.items():
            with pytest.raises(StoreError, match=what):
                _write(writer, store, target)
    assert settings.read_text(encoding="utf-8") == '{"font_size": 30}'
    assert database_file.read_text(encoding="utf-8") == "###DEFINES###\n"
    assert not (dictionary / "new-name.csv").exists()
    assert not list(paths.data_dir().rglob("*.partial"))


def test_a_backup_into_a_folder_still_makes_a_dated_copy(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    written = backup(store, folder)
    assert written.parent == folder and written.suffix == ".sqlite3"


def test_writable_target_and_write_atomically_alone(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    assert writable_target(new, advice="choose another") == new
    write_atomically(new, lambda partial: partial.write_text("one", encoding="utf-8"))
    assert new.read_text(encoding="utf-8") == "one"
    assert stat.S_IMODE(new.stat().st_mode) == 0o644

    def broken(partial: Path) -> None:
        partial.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(new, broken)
    assert new.read_text(encoding="utf-8") == "one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt"]
    with pytest.raises(RefusedFileError, match="no such folder"):
        writable_target(tmp_path / "missing" / "x.txt", advice="choose another")


def test_the_cli_says_why_and_leaves_the_target(store: Store, tmp_path: Path) -> None:
    home = paths.data_dir()
    fifo = _special(tmp_path, "fifo")
    settings = paths.settings_path()
    settings.write_text("{}", encoding="utf-8")
    runs = {
        "export to fifo": run_cli("vocab", "export", "--format", "csv", "-o", str(fifo), home=home),
        "backup to fifo": run_cli("backup", str(fifo), home=home),
        "backup over settings": run_cli("backup", str(settings), home=home),
    }
    for name, result in runs.items():
        assert result.returncode == 1, name
        assert result.stdout == "", name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("arabic-reader: "), (name, result.stderr)
    assert "named pipe" in runs["export to fifo"].stderr
    assert "named pipe" in runs["backup to fifo"].stderr
    assert "settings file" in runs["backup over settings"].stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert settings.read_text(encoding="utf-8") == "{}"
