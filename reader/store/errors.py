"""Every way the store can refuse, as exceptions the window and the CLI can show.

Each message is one plain sentence, because the UI shows it to the learner as is.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error raised by ``reader.store``."""


class CorruptStoreError(StoreError):
    """The file is not a SQLite database, or SQLite reports damage inside it."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"The vocabulary file {path} is damaged or is not a database ({detail}); "
            "it has been left untouched."
        )


class NewerStoreError(StoreError):
    """The file was written by a newer version of Arabic Reader than this one."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"The vocabulary file {path} was written by a newer version of Arabic Reader "
            f"(schema {revision}); update the app to open it, the file has been left untouched."
        )


class UnrecognisedStoreError(StoreError):
    """A healthy SQLite file that holds someone else's tables, not ours."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The file {path} is a SQLite database but not an Arabic Reader vocabulary; "
            "it has been left untouched."
        )


class StoreBusyError(StoreError):
    """Another program held the database locked for longer than we were willing to wait."""


class NotFoundError(StoreError, LookupError):
    """An id that no longer names a row (deleted meanwhile, perhaps by another window)."""


class ExportError(StoreError):
    """An export could not be written; the target file is unchanged."""


class ReadOnlyStoreError(StoreError):
    """The vocabulary can be read but not written: a read-only file, folder or ``-shm``,
    or a disk too full to write on."""
