"""A full disk and read-only files, made for real: a small tmpfs, and ``chattr +i``.

Tests run as root, for whom permission bits do not stop writes: a file is made
read-only with the immutable attribute, and a disk is full when a filler file
takes the last byte of a tmpfs mounted in a temporary folder. Where the machine
allows neither, the test is skipped with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FILLER = "filler.bin"


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` (created), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(disk: Path) -> None:
    """Take every free byte of ``disk``."""
    with (disk / FILLER).open("ab", buffering=0) as filler:
        for block in (65536, 4096, 512, 1):
            try:
                while True:
                    filler.write(b"\0" * block)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise


def free(disk: Path) -> None:
    (disk / FILLER).unlink(missing_ok=True)


def _chattr(flag: str, path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    return subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True)


@contextmanager
def immutable(*files: Path) -> Iterator[None]:
    """Make ``files`` read-only even for root (the immutable attribute), then writable again."""
    done: list[Path] = []
    try:
        for path in files:
            made = _chattr("+i", path)
            if made.returncode != 0:
                pytest.skip(f"chattr +i is not supported here: {made.stderr.strip()}")
            done.append(path)
        assert all(not os.access(path, os.W_OK) for path in files)
        yield
    finally:
        for path in done:
            _chattr("-i", path)


@contextmanager
def remounted_read_only(disk: Path) -> Iterator[Path]:
    """The tmpfs ``disk`` (from :func:`small_disk`) remounted read-only, as a file system
    is after errors or a write-protected USB stick is; writable again afterwards."""
    remounted = subprocess.run(
        ["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True
    )
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount a tmpfs read-only here: {remounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
