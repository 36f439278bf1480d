"""How the store talks to SQLite: a connection's settings, a writer's wait for its turn,
and reading a file SQLite cannot write beside (a read-only or full disk).

Every connection runs in WAL mode with foreign keys on and a busy timeout, so a
second running instance (or the CLI) can read and write while the window is open.
Writes begin with ``BEGIN IMMEDIATE``: a read-then-write transaction that starts
deferred can fail at once with "database is locked" when another process commits
in between, whereas an immediate one waits its turn (see :func:`_begin_immediate`:
refused only when the lock stays held with no commit for the busy timeout).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from reader.store.errors import StoreBusyError
from reader.store.targets import database_files

BUSY_TIMEOUT_MS = 5000
# A writer waiting for its turn looks this often whether others are committing
# meanwhile (see _begin_immediate), and gives up after BUSY_LIMIT_S even if they are.
_BUSY_SLICE_MS = 250
BUSY_LIMIT_S = 60.0
# SQLite's primary result codes (the low byte of an extended code) for a lock.
BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
# Below this much free space SQLite cannot even grow its -shm to read (it then
# says "disk I/O error", not "database or disk is full").
_NEARLY_FULL_BYTES = 256 * 1024


def busy_error(path: Path) -> StoreBusyError:
    """What a write refused after the busy timeout says."""
    return StoreBusyError(
        f"The vocabulary file {path} stayed locked by another program "
        f"for over {BUSY_TIMEOUT_MS / 1000:g} seconds; nothing was changed."
    )


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding ``path`` has (almost) no space left for us."""
    try:
        stats = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False
    return stats.f_bavail * stats.f_frsize < _NEARLY_FULL_BYTES


def writable(path: Path) -> bool:
    # os.access honours read-only mounts and immutable files even for root.
    return os.access(path, os.W_OK)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def unwritable_disk(path: Path) -> bool:
    """Whether nobody can write beside ``path``: a read-only folder or file, or a full disk."""
    return not writable(path.parent) or not writable(path) or disk_is_full(path)


def _wal_holds_commits(path: Path) -> bool:
    # An empty -wal (SQLite may create one before failing to grow it) holds none.
    _main, wal, _shm = database_files(path)
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads ``path``, even where SQLite cannot make its ``-shm``.

    ``mode=ro`` still needs the ``-shm`` file, or the right to create it, which a
    read-only disk (a USB stick, a file system remounted after errors) or a full
    one refuses. Then, and only when no ``-wal`` file holds commits (which
    the file alone would not show) and nobody can write the file meanwhile, the
    file is read as ``immutable``: SQLite then reads it without any lock or ``-shm``.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    connection = sqlite3.connect(
        read_only_uri(path), uri=True, timeout=timeout, check_same_thread=False
    )
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens lazily
        return connection
    except sqlite3.OperationalError:
        connection.close()
        if _wal_holds_commits(path) or not unwritable_disk(path):
            raise
    return sqlite3.connect(
        read_only_uri(path, immutable=True), uri=True, timeout=timeout, check_same_thread=False
    )


def make_engine(
    path: Path, *, foreign_keys: bool = True, pooled: bool = True, read_only: bool = False
) -> Engine:
    if read_only:
        # Our own connections (see connect_read_only), never pooled: each read
        # decides again whether the file must be read as immutable, so one freed
        # disk, written by another program, is never read from a stale promise.
        engine = create_engine(
            "sqlite+pysqlite://", creator=lambda: connect_read_only(path), poolclass=NullPool
        )
    else:
        url = URL.create("sqlite+pysqlite", database=str(path))
        engine = create_engine(url, poolclass=None if pooled else NullPool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Autocommit at the driver level: we issue BEGIN ourselves (below), so
        # pysqlite's own implicit transactions cannot get in the way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # a read-only file stays in the mode it was left in
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        if connection.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            _begin_immediate(connection)
        else:
            connection.exec_driver_sql("BEGIN DEFERRED")

    return engine


def _is_busy(error: OperationalError) -> bool:
    code = getattr(error.orig, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in BUSY_CODES


def _begin_immediate(connection: Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting while other writers take their turns.

    SQLite's busy handler does not queue: it sleeps and tries again, so among
    several busy writers one can miss every turn and give up after the busy
    timeout though nobody held the lock that long. Here the wait is tried in
    slices, and the timeout runs again whenever another connection has
    committed meanwhile (``PRAGMA data_version`` moved): a write is refused only
    when the lock stayed held, with no commit, for :data:`BUSY_TIMEOUT_MS`, or
    when other writers kept it busy for :data:`BUSY_LIMIT_S` in all.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    started = time.monotonic()
    deadline = started + timeout
    seen = _data_version(connection)
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {min(_BUSY_SLICE_MS, BUSY_TIMEOUT_MS)}")
    try:
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as error:
                if not _is_busy(error):
                    raise
                now = time.monotonic()
                version = _data_version(connection)
                if version is not None and version != seen:
                    seen, deadline = version, now + timeout  # someone wrote: the line moves
                if now >= deadline:
                    raise
                if now - started >= BUSY_LIMIT_S:
                    raise StoreBusyError(
                        "Other programs kept writing to the vocabulary file for over "
                        f"{BUSY_LIMIT_S:g} seconds; nothing was changed."
                    ) from error
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _data_version(connection: Connection) -> int | None:
    """A number that changes whenever another connection commits; None if it cannot be read."""
    try:
        return connection.exec_driver_sql("PRAGMA data_version").scalar()
    except OperationalError:
        return None
