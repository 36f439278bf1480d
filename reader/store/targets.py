"""Where an export or a backup may go: a file the learner chose, never one of the app's own.

Every export and the backup write through :func:`write_user_file`: the target
is checked by :func:`reader.system.files.writable_target` (a symlink is written
through; a pipe, a device, a socket or a folder is refused) against the app's
own files, then written atomically beside the real file. A temporary file an
earlier write of the same file left behind, killed, is removed first once stale.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.store.errors import StoreError
from reader.system import paths
from reader.system.filenames import shown_name
from reader.system.files import RefusedFileError, writable_target, write_atomically
from reader.system.litter import named, partial_of, remove_stale

_VOCABULARY = "the vocabulary file itself (or one of its companion files)"


def database_files(path: Path) -> tuple[Path, Path, Path]:
    """The database file and the -wal and -shm files SQLite keeps beside it."""
    path = Path(path)
    return path, Path(f"{path}-wal"), Path(f"{path}-shm")


def own_files(database: Path) -> list[tuple[Path, str]]:
    """The app's files, each with what it is: replacing any of them loses the learner's data.

    The vocabulary database in use (and the default one, if another is in
    use) with its -wal and -shm, the settings, and the dictionary's folder.
    """
    databases = dict.fromkeys(
        [*database_files(database), *database_files(paths.vocabulary_db_path())]
    )
    return [
        *((path, _VOCABULARY) for path in databases),
        (paths.settings_path(), "Arabic Reader's settings file"),
        (paths.camel_data_dir(), "in Arabic Reader's dictionary folder"),
    ]


def checked_target(
    target: Path, *, database: Path, advice: str, error: type[StoreError] = StoreError
) -> Path:
    """The real file that writing ``target`` replaces; ``error`` (one sentence) if it may not.

    ``advice`` ends a refusal ("choose another file for the export").
    """
    try:
        return writable_target(Path(target), advice=advice, protected=own_files(database))
    except RefusedFileError as refused:
        raise error(str(refused)) from refused


def write_user_file(
    target: Path,
    write: Callable[[Path], None],
    *,
    database: Path,
    advice: str,
    failure: str,
    error: type[StoreError] = StoreError,
) -> Path:
    """Check ``target``, then have ``write`` fill it atomically; returns the file written.

    ``failure`` starts the message of a failed write ("The export to"). Raises
    ``error`` with one sentence; the target is then unchanged.
    """
    real = checked_target(target, database=database, advice=advice, error=error)
    # What an earlier write of the same file left when it was killed (see reader.system.litter).
    remove_stale(real.parent, named(partial_of(re.escape(real.name))))
    try:
        write_atomically(real, write)
    except (OSError, sqlite3.Error) as failed:
        reason = getattr(failed, "strerror", None) or str(failed)
        raise error(f"{failure} {shown_name(target)} failed: {reason}.") from failed
    return real
