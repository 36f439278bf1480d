"""Opening the vocabulary file: safety checks, migrations, backups, and what SQLite's
errors mean. How each connection is made is :mod:`reader.store.connection`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from alembic.config import Config

from reader.store.connection import (
    BUSY_CODES,
    busy_error,
    connect_read_only,
    disk_is_full,
    make_engine,
    writable,
)
from reader.store.errors import (
    CorruptStoreError,
    NewerStoreError,
    ReadOnlyStoreError,
    StoreError,
    UnrecognisedStoreError,
)
from reader.store.targets import checked_target, database_files, write_user_file
from reader.system import paths
from reader.system.files import same_file  # noqa: F401  (imported from here by callers)
from reader.system.litter import keep_newest, named, partial_of, remove_stale

# The newest revision in migrations/versions (a test keeps the two in step).
# Knowing it without Alembic keeps the usual start-up, on an up-to-date file,
# free of Alembic's import cost (seconds on a slow machine).
SCHEMA_HEAD = "0003"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The tables revision 0001 created: a file holding exactly these but no
# alembic_version table was made before migrations existed, and is upgraded.
_FIRST_REVISION = "0001"
_FIRST_REVISION_TABLES = frozenset({"documents", "vocabulary", "occurrences"})
# The copies made before upgrades: only the newest few are kept (an upgrade that
# fails, or is killed, makes one at every start).
KEPT_UPGRADE_BACKUPS = 3
_PRE_MIGRATIONS = "pre-migrations"
_REVISION = rf"\d{{4}}|{_PRE_MIGRATIONS}"
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes (the low byte of an extended code, e.g. SQLITE_IOERR_WRITE).
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_DISK_CODES = frozenset({sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN})


def store_error_for(error: BaseException, path: Path) -> StoreError | None:
    """The :class:`StoreError` that says what a SQLite error means, or None if unknown.

    Only SQLite's own verdict of damage (SQLITE_CORRUPT, SQLITE_NOTADB) is a
    :class:`CorruptStoreError`: a full disk or a failed read or write says
    nothing about the file, and must never lead to setting a healthy one aside.
    ``error`` is a ``sqlite3.Error`` or SQLAlchemy's wrapper of one.
    """
    orig = getattr(error, "orig", None)
    if isinstance(orig, sqlite3.Error):
        error = orig
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary in _DAMAGE_CODES:
        return CorruptStoreError(path, text)
    if primary in BUSY_CODES or (primary is None and ("locked" in text or "busy" in text)):
        return busy_error(path)
    if primary == sqlite3.SQLITE_READONLY or (
        primary == sqlite3.SQLITE_CANTOPEN and not writable(Path(path).parent)
    ):
        return read_only_error(path)
    if primary == sqlite3.SQLITE_FULL or (primary in _DISK_CODES and disk_is_full(path)):
        return StoreError(
            f"The disk holding {path} is full: SQLite needs a little free space to read "
            "the vocabulary and more to save in it; free some space and try again; "
            "nothing was changed."
        )
    if primary in _DISK_CODES:
        return StoreError(
            f"The disk holding {path} could not be read or written ({text}); "
            "check the disk and free some space; nothing was changed."
        )
    return None


def read_only_error(path: Path) -> ReadOnlyStoreError:
    """Why SQLite called the vocabulary read-only, in words, with what to do.

    The usual trap: while the database (or its folder) was read-only, SQLite
    created its ``-shm`` file read-only too, and that file keeps every write
    failing after the database is writable again. It holds no words (SQLite
    rebuilds it from the ``-wal``), but deleting it while another Arabic Reader
    has the file open could corrupt the vocabulary, so the learner is asked to
    quit first.
    """
    path = Path(path)
    _main, wal, shm = database_files(path)
    folder = path.parent
    if path.exists() and not writable(path):
        return ReadOnlyStoreError(
            f"The vocabulary file {path} is read-only, so your words can be read but "
            "nothing can be saved; make the file writable (check its permissions, or "
            "the disk it is on), then restart Arabic Reader."
        )
    stuck = [
        companion for companion in (shm, wal) if companion.exists() and not writable(companion)
    ]
    if stuck:
        names = " and ".join(str(companion) for companion in stuck)
        return ReadOnlyStoreError(
            f"{names} beside your vocabulary {'are' if len(stuck) > 1 else 'is'} read-only, "
            "left so by SQLite after the vocabulary was read-only for a while, so nothing "
            "can be saved; quit every Arabic Reader window, then make "
            f"{'them' if len(stuck) > 1 else 'it'} writable, or delete {shm.name} "
            "(it holds no words; SQLite makes a new one)."
        )
    if not writable(folder):
        return ReadOnlyStoreError(
            f"The folder {folder} holding your vocabulary is read-only, so nothing can be "
            "saved (SQLite writes its -wal and -shm files beside the vocabulary); check "
            "the folder's permissions, or the disk it is on."
        )
    return ReadOnlyStoreError(
        f"The vocabulary file {path} could not be written (SQLite says it is read-only); "
        "check the permissions of it and of the -wal and -shm files beside it."
    )


class Store:
    """An open vocabulary database. Create with :func:`open_store`.

    Every operation opens its own short session on a pooled connection, so one
    Store may be shared by several threads (the window's and a worker's).
    """

    def __init__(self, path: Path, engine: Engine, refusal: StoreError | None = None) -> None:
        self.path = path
        self._engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        # Why every write is refused (a read-only or full disk), when the file
        # was opened for reading only.
        self._refusal = refusal

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved, in one sentence, when the file is open for reading only."""
        return str(self._refusal) if self._refusal is not None else None

    def reading(self) -> AbstractContextManager[Session]:
        """A read-only transaction: one consistent snapshot, never blocks writers."""
        return self._transaction(self._engine)

    def writing(self) -> AbstractContextManager[Session]:
        """One write transaction: all of it is committed, or none of it.

        A locked file raises :class:`StoreBusyError`; a full or failing disk a
        :class:`StoreError` saying so; damage SQLite finds a :class:`CorruptStoreError`.
        A store open for reading only raises its :attr:`read_only` reason at once.
        """
        if self._refusal is not None:
            raise type(self._refusal)(*self._refusal.args)
        return self._transaction(self._writer)

    @contextmanager
    def _transaction(self, engine: Engine) -> Iterator[Session]:
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as exc:
            known = store_error_for(exc, self.path)
            if known is None:
                raise
            raise known from exc

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision, as Alembic's scripts say."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


@dataclass(frozen=True)
class _FileState:
    fresh: bool  # no file, or an empty one: nothing to protect
    revision: str | None  # None for fresh or pre-Alembic files
    pre_alembic: bool = False


def _inspect(path: Path) -> _FileState:
    """What is in the file, without writing a byte of it; raises if it is not ours."""
    if not path.exists() or path.stat().st_size == 0:
        return _FileState(fresh=True, revision=None)
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise CorruptStoreError(path, "it does not start with a SQLite header")
    try:
        connection = connect_read_only(path)
    except sqlite3.Error as exc:
        known = store_error_for(exc, path)
        if known is None:
            known = StoreError(f"The vocabulary file {path} could not be opened: {exc}.")
        raise known from exc
    try:
        try:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            }
        except sqlite3.Error as exc:
            known = store_error_for(exc, path)
            if known is None:
                known = StoreError(f"The vocabulary file {path} could not be checked: {exc}.")
            raise known from exc
        if problems != ["ok"]:
            raise CorruptStoreError(path, "; ".join(problems[:3]))
        if not tables:
            return _FileState(fresh=True, revision=None)
        if "alembic_version" not in tables:
            if tables == _FIRST_REVISION_TABLES:
                return _FileState(fresh=False, revision=None, pre_alembic=True)
            raise UnrecognisedStoreError(path)
        revisions = [
            row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
        ]
    finally:
        connection.close()
    if len(revisions) != 1:
        raise CorruptStoreError(path, f"{len(revisions)} schema versions are recorded")
    revision = revisions[0]
    if revision != SCHEMA_HEAD and revision not in _known_revisions():
        raise NewerStoreError(path, revision)
    return _FileState(fresh=False, revision=revision)


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _unused(candidate: Path) -> Path:
    """``candidate``, or the same name with -2, -3... when it is already taken."""
    if not candidate.exists():
        return candidate
    counter = 2
    while True:
        numbered = candidate.with_name(f"{candidate.stem}-{counter}{candidate.suffix}")
        if not numbered.exists():
            return numbered
        counter += 1


def _copy_database(source: Path, partial: Path) -> None:
    """A consistent copy via SQLite's backup API into ``partial`` (an empty file).

    Reads a committed snapshot, so it works while other connections write.
    """
    reader = connect_read_only(source)
    try:
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)
            # A backup should be one self-contained file, not WAL + shm.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    finally:
        reader.close()


_BACKUP_ADVICE = "choose another place for the backup"


def backup_destination(source: Path, dest: Path) -> Path:
    """The file a backup to ``dest`` would write, checked; raises :class:`StoreError` if refused.

    ``dest``, or a dated new name inside it when it is a folder. Refused like
    an export's target (:mod:`reader.store.targets`): the app's own files, a
    pipe, a device, a socket.
    """
    dest = Path(dest)
    if dest.is_dir():
        # The dated copies an earlier backup here left half-written when it was killed.
        remove_stale(dest, named(partial_of(_dated_copy(Path(source).stem))))
        dest = _unused(dest / f"{Path(source).stem}-{_timestamp()}.sqlite3")
    return checked_target(dest, database=Path(source), advice=_BACKUP_ADVICE)


def _dated_copy(stem: str, *, upgrade: bool = False) -> str:
    """The regex of the name of a dated copy of the database ``stem``: a backup's,
    or (``upgrade``) one made before upgrading it."""
    before = f"-({_REVISION})" if upgrade else ""
    return rf"{re.escape(stem)}{before}-\d{{8}}-\d{{6}}(-\d+)?\.sqlite3"


def backup(source: Store | Path, dest: Path) -> Path:
    """Copy the database to ``dest`` (a file, or a directory to put a dated copy in).

    Safe while the app is running and writing: the copy holds everything
    committed. See :func:`backup_destination` for where it may go. Returns the
    path written.
    """
    source_path = source.path if isinstance(source, Store) else Path(source)
    return write_user_file(
        backup_destination(source_path, dest),
        lambda partial: _copy_database(source_path, partial),
        database=source_path,
        advice=_BACKUP_ADVICE,
        failure="The backup to",
    )


def _upgrade(path: Path, *, pre_alembic: bool, target: str = "head") -> None:
    # A throwaway connection with foreign keys OFF: batch migrations rebuild tables
    # by drop-and-rename, and a DROP with keys on would cascade-delete occurrences.
    # (The pragma cannot change inside a transaction, hence a separate engine.)
    from alembic import command

    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.execution_options(sqlite_begin="IMMEDIATE").connect() as connection:
            with connection.begin():
                config = _alembic_config()
                config.attributes["connection"] = connection
                if pre_alembic:
                    command.stamp(config, _FIRST_REVISION)
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"Upgrading {path} would leave {len(broken)} dangling references; "
                        "the upgrade was rolled back."
                    )
    finally:
        engine.dispose()


def _make_data_folder(folder: Path) -> None:
    """Create the folder the database lives in, or say in one sentence why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        home = paths.data_dir()
        ours = folder == home or home in folder.parents
        advice = f"set {paths.HOME_ENV} to a folder" if ours else "choose a file in a folder"
        raise StoreError(f"The data folder {folder} is not a folder; {advice}.") from exc
    except OSError as exc:
        raise StoreError(
            f"The data folder {folder} could not be created: {exc.strerror or exc}."
        ) from exc


def _cannot_write(path: Path) -> ReadOnlyStoreError | None:
    """Why an existing vocabulary can be read but not written, before SQLite tries and fails.

    A read-only file, or a read-only folder without the -wal and -shm that
    writing needs, or a disk too full for SQLite to grow its -shm and -wal.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    _main, wal, shm = database_files(path)
    if not writable(path) or (not writable(path.parent) and not (wal.exists() and shm.exists())):
        return read_only_error(path)
    if disk_is_full(path):
        return ReadOnlyStoreError(
            f"The disk holding {path} is full, so your words can be read but nothing can "
            "be saved; free some space, then restart Arabic Reader."
        )
    return None


def open_store(path: Path | None = None) -> Store:
    """Open (creating or upgrading as needed) the vocabulary database.

    Before upgrading a file that holds data, a dated copy goes to
    ``paths.backups_dir()``, where the newest :data:`KEPT_UPGRADE_BACKUPS` are
    kept. A file on a read-only or full disk is opened for reading only
    (:attr:`Store.read_only` says why), so its words can still be seen, listed,
    exported and backed up to another disk. Raises :class:`CorruptStoreError`,
    :class:`NewerStoreError` or :class:`UnrecognisedStoreError` rather than
    touching a file it does not understand.
    """
    path = Path(path) if path is not None else paths.vocabulary_db_path()
    _make_data_folder(path.parent)
    # Copies an upgrade's backup, killed, left half-written (see reader.system.litter).
    remove_stale(paths.backups_dir(), named(partial_of(".+")))
    refusal = _cannot_write(path)
    state = _inspect(path)
    if refusal is not None and not state.fresh:
        if state.revision != SCHEMA_HEAD:
            raise refusal  # it needs an upgrade, which cannot be written
        return Store(path, make_engine(path, read_only=True), refusal)
    if state.revision != SCHEMA_HEAD:
        if not state.fresh:
            was = state.revision or _PRE_MIGRATIONS
            backups = paths.backups_dir()
            backups.mkdir(parents=True, exist_ok=True)
            backup(path, _unused(backups / f"{path.stem}-{was}-{_timestamp()}.sqlite3"))
            # An upgrade that keeps failing (or is killed) makes a copy at every start.
            keep_newest(backups, named(_dated_copy(path.stem, upgrade=True)), KEPT_UPGRADE_BACKUPS)
        try:
            _upgrade(path, pre_alembic=state.pre_alembic)
        except DBAPIError as exc:
            known = store_error_for(exc, path) or StoreError(
                f"The vocabulary file {path} could not be upgraded: {exc.orig}."
            )
            raise known from exc
    return Store(path, make_engine(path))


def set_aside_and_start_fresh(path: Path | None = None) -> Path:
    """Rename a damaged (or too new) database out of the way; return where it went.

    Call only with the learner's consent. Its -wal and -shm companions move with
    it under matching names, so SQLite tools can still open the set-aside copy.
    The next :func:`open_store` on ``path`` creates an empty database.
    """
    path = Path(path) if path is not None else paths.vocabulary_db_path()
    aside = path.with_name(f"{path.name}.broken-{_timestamp()}")
    counter = 2
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        aside = path.with_name(f"{path.name}.broken-{_timestamp()}-{counter}")
        counter += 1
    try:
        for suffix in ("-wal", "-shm", ""):  # companions first: the main file last
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                os.replace(companion, Path(f"{aside}{suffix}"))
    except OSError as exc:
        raise StoreError(f"The file {path} could not be moved aside: {exc}.") from exc
    return aside
