"""Touching files the learner names: read without blocking, write without clobbering.

Reading: only a regular file is read. The type is checked with ``stat`` before
opening, and the file is opened with ``O_NONBLOCK`` and checked again with
``fstat``, so a named pipe swapped in between cannot hang the reader; at most
``limit + 1`` bytes are read, whatever size ``stat`` said.

Writing: a target is a regular file or a new name. A symbolic link is written
through (the real file is replaced, in its own folder, and the link stays); a
named pipe, a device, a socket or a folder is refused, as are files the caller
protects (the app's own). The new content goes to a temporary file beside the
real target and is renamed over it, so a failed write leaves the old file whole
and nothing half-written behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from reader.system.filenames import shown_name

# 0 where the platform has no such flag (Windows has no O_NONBLOCK: no FIFOs there).
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_NEW_FILE_MODE = 0o644  # mkstemp's 0600 is too private for a learner's export


class RefusedFileError(Exception):
    """A path that is not a regular file, or one that must not be written; one sentence."""

    def __init__(self, message: str, path: Path, kind: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind


def special_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_a_file(path: Path, kind: str, advice: str) -> RefusedFileError:
    return RefusedFileError(f"“{shown_name(path)}” is {kind}, not a file; {advice}.", path, kind)


def open_regular(path: Path, *, advice: str = "choose a file") -> BinaryIO:
    """The regular file ``path`` opened for binary reading, without ever blocking on it.

    Raises :class:`RefusedFileError` for anything but a regular file (after
    symlinks), and ``OSError`` when the system refuses (missing, permissions).
    """
    path = Path(path)
    kind = special_kind(os.stat(path).st_mode)
    if kind is not None:
        raise _not_a_file(path, kind, advice)
    fd = os.open(path, _READ_FLAGS)
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:  # swapped for a pipe or device since the stat above
            raise _not_a_file(path, kind, advice)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_at_most(path: Path, limit: int, *, advice: str = "choose a file") -> bytes:
    """Up to ``limit + 1`` bytes of the regular file ``path`` (more than ``limit``: too large).

    Raises :class:`RefusedFileError` for anything but a regular file (after
    symlinks), and ``OSError`` when the system refuses (missing, permissions).
    """
    with open_regular(path, advice=advice) as handle:
        chunks: list[bytes] = []
        wanted = limit + 1
        while wanted > 0:
            chunk = handle.read(min(wanted, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same path after symlinks, or hard links."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return folder.resolve() in path.resolve().parents
    except (OSError, RuntimeError):
        return False


def writable_target(
    path: Path,
    *,
    advice: str,
    protected: Iterable[tuple[Path, str]] = (),
) -> Path:
    """The real file that writing ``path`` must replace, or :class:`RefusedFileError`.

    ``advice`` ends every refusal ("choose another file for the export").
    ``protected`` pairs a path with what it is ("the vocabulary file itself"):
    a file is refused when ``path`` names it (hard links included), a folder
    when ``path`` lies inside it.
    """
    path = Path(path)
    real = path
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise RefusedFileError(
            f"“{shown_name(path)}” cannot be used ({error.strerror or error}); {advice}.", path
        ) from error
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            real = path.resolve(strict=False)
            info = os.stat(real) if os.path.lexists(real) else None
        except (OSError, RuntimeError) as error:
            raise RefusedFileError(
                f"“{shown_name(path)}” is a symbolic link that leads nowhere (a loop); {advice}.",
                path,
            ) from error
    if info is not None:
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise _not_a_file(path, kind, advice)
    for own, what in protected:
        if same_file(real, own) or (own.is_dir() and _inside(real, own)):
            raise RefusedFileError(f"{shown_name(path)} is {what}; {advice}.", path)
    if not real.parent.is_dir():
        raise RefusedFileError(
            f"Cannot write in {shown_name(real.parent)}: there is no such folder; {advice}.", path
        )
    return real


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Have ``write`` fill a temporary file beside ``target``, then rename it over ``target``.

    ``target`` should come from :func:`writable_target` (or be the app's own
    file). The replaced file's permissions are kept; a new file gets 0644.
    Raises ``OSError``; the temporary file never outlives a failure.
    """
    target = Path(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = _NEW_FILE_MODE
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        _fsync(partial)
        os.chmod(partial, mode)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_text_atomically(target: Path, text: str) -> None:
    """:func:`write_atomically` for a UTF-8 text file."""
    write_atomically(target, lambda partial: partial.write_text(text, encoding="utf-8"))
