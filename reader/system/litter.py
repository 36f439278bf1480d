"""What a killed process leaves behind (half-written files, old copies), cleaned up later.

A process killed with ``kill -9`` (or a machine that lost power) cannot remove
its temporary files: the ``.<target>.XXXXXXXX.partial`` of an atomic write (26 MB
for a backup), the ``.verify-*.db`` of a database install (38 MB). The next start
removes them, by one rule: a leftover is **stale when nothing has written to it
for** :data:`STALE_AFTER_S`. A live writer keeps touching its file (a backup,
an export, a download write it block by block, for seconds), so only a file
whose writer died is that old; a younger one may belong to another running
Arabic Reader and is left alone. Only regular files are removed, never a link,
a folder or a device, and a file that cannot be removed (a read-only disk) is
left as it is, silently: cleaning up must never stop the app.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER_S = 15 * 60
# tempfile.mkstemp's random part: 8 characters of this alphabet.
TEMP_PART = r"[a-z0-9_]{8}"


def named(regex: str) -> Callable[[str], bool]:
    """Whether a file name is, in full, one ``regex`` describes."""
    pattern = re.compile(regex)
    return lambda name: pattern.fullmatch(name) is not None


def partial_of(name_regex: str) -> str:
    """The regex of an atomic write's temporary file for a target named as ``name_regex``
    says (``.<name>.XXXXXXXX.partial``, see :func:`reader.system.files.write_atomically`)."""
    return rf"\.{name_regex}\.{TEMP_PART}\.partial"


def _regular_files(folder: Path, matches: Callable[[str], bool]) -> list[tuple[Path, float]]:
    """Each regular file of ``folder`` whose name ``matches``, with its modification time."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not matches(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((Path(entry.path), info.st_mtime))
    return found


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def remove_stale(folder: Path, matches: Callable[[str], bool]) -> list[Path]:
    """Remove the files of ``folder`` whose name ``matches`` and that are stale; return them."""
    now = time.time()
    return [
        path
        for path, modified in _regular_files(folder, matches)
        if now - modified > STALE_AFTER_S and _remove(path)
    ]


def keep_newest(folder: Path, matches: Callable[[str], bool], keep: int) -> list[Path]:
    """Remove all but the ``keep`` most recently written files of ``folder`` whose name
    ``matches``; return the ones removed."""
    files = sorted(_regular_files(folder, matches), key=lambda found: found[1], reverse=True)
    return [path for path, _modified in files[keep:] if _remove(path)]
