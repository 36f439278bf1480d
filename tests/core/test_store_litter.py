"""What a killed process leaves behind is cleaned up later, and only once it is stale.

Real processes killed with SIGKILL mid-write; "stale" (untouched for
``litter.STALE_AFTER_S``) is made by setting a file's modification time back.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.morphology.database.locate import DB_FILE, locate_database
from reader.store import open_store
from reader.store.database import KEPT_UPGRADE_BACKUPS, _upgrade, backup
from reader.store.export import export_csv
from reader.system import litter, paths

REPO = Path(__file__).resolve().parents[2]

# Writes ``target`` through the store's one door for a learner's file, and is
# killed while writing (argv: database, target).
KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.store.targets import write_user_file

    def write(partial):
        partial.write_bytes(b"SQLite format 3\\0" + b"x" * 100_000)
        print("writing", flush=True)
        time.sleep(60)

    write_user_file(Path(sys.argv[2]), write, database=Path(sys.argv[1]), advice="a", failure="f")
    """
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


def _age(path: Path, seconds: float = litter.STALE_AFTER_S + 60) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def _leftover(folder: Path, name: str, *, stale: bool = True) -> Path:
    path = folder / name
    path.write_bytes(b"x" * 1000)
    return _age(path) if stale else path


def _killed_while_writing(database: Path, target: Path) -> Path:
    """The temporary file a process killed while writing ``target`` left behind."""
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(database), str(target)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    (partial,) = target.parent.glob(f".{target.name}.*.partial")
    return partial


def test_a_backup_killed_midway_is_cleaned_up_by_the_next_one_once_stale(
    home: Path, tmp_path: Path
) -> None:
    database = paths.vocabulary_db_path()
    open_store(database).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    killed = _killed_while_writing(database, folder / "reader-20261201-101010.sqlite3")
    # Young: perhaps another running Arabic Reader's backup, still being written.
    backup(database, folder)
    assert killed.exists()
    _age(killed)
    # Not ours, though it looks alike: kept, however old.
    theirs = _leftover(folder, ".holiday.jpg.abcd1234.partial")
    backup(database, folder)
    assert not killed.exists() and theirs.exists()
    assert len(list(folder.glob("reader-*.sqlite3"))) == 2


def test_an_export_killed_midway_is_cleaned_up_by_the_next_export_there(
    home: Path, tmp_path: Path
) -> None:
    database = paths.vocabulary_db_path()
    target = tmp_path / "words.csv"
    with open_store(database) as store:
        killed = _age(_killed_while_writing(database, target))
        fresh = _leftover(tmp_path, ".words.csv.zz99zz99.partial", stale=False)
        other = _leftover(tmp_path, ".notes.csv.abcd1234.partial")
        export_csv(store, target)
    assert target.exists() and not killed.exists()
    assert fresh.exists() and other.exists()


def test_a_stale_upgrade_backup_leftover_goes_and_three_upgrade_backups_stay(
    home: Path,
) -> None:
    backups = paths.backups_dir()
    backups.mkdir(parents=True)
    # Five upgrades that were killed after their copy, oldest first; a backup the
    # learner made into the same folder; a half-written copy, stale and young.
    made = []
    for day in range(1, 6):
        copy = backups / f"reader-0001-2026120{day}-101010.sqlite3"
        copy.write_bytes(b"copy")
        made.append(_age(copy, 86_400 * (10 - day)))
    own = _age(_leftover(backups, "reader-20261101-101010.sqlite3"), 86_400 * 40)
    stale = _leftover(backups, ".reader-0001-20261206-101010.sqlite3.abcd1234.partial")
    young = _leftover(backups, ".reader-0001-20261207-101010.sqlite3.abcd1234.partial", stale=False)
    database = paths.vocabulary_db_path()
    database.parent.mkdir(parents=True, exist_ok=True)
    _upgrade(database, pre_alembic=False, target="0001")
    open_store().close()  # upgrades, so makes a sixth copy
    kept = sorted(p.name for p in backups.glob("reader-0001-*.sqlite3"))
    assert len(kept) == KEPT_UPGRADE_BACKUPS
    assert kept[:2] == [made[-2].name, made[-1].name]  # the newest two before, and today's
    assert own.exists() and young.exists() and not stale.exists()


def test_an_install_killed_midway_is_cleaned_up_at_the_next_start(home: Path) -> None:
    folder = paths.morphology_dir()
    folder.mkdir(parents=True)
    database = _leftover(folder, DB_FILE)  # the installed database: never litter
    verifying = _leftover(folder, ".verify-abcd1234.db")
    download = _leftover(folder, ".download-abcd1234.whl")
    partial = _leftover(folder, "..verify-abcd1234.db.ef56gh78.partial")
    young = _leftover(folder, ".verify-zzzz9999.db", stale=False)
    locate_database()
    assert not any(p.exists() for p in (verifying, download, partial))
    assert database.exists() and young.exists()


def test_leftovers_that_cannot_be_removed_are_left_silently(tmp_path: Path) -> None:
    link_target = _leftover(tmp_path, "target")
    link = tmp_path / ".verify-abcd1234.db"
    link.symlink_to(link_target)
    os.utime(link, (0, 0), follow_symlinks=False)
    assert litter.remove_stale(tmp_path, litter.named(r"\.verify-.*")) == []
    assert link.is_symlink() and link_target.exists()
