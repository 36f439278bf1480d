"""camel-tools' Unicode character sets, without its loop over every code point.

``camel_tools.utils.charsets`` sorts all 1,114,112 code points by Unicode
category when it is imported: about a second of Python holding the GIL, paid by
every start before the first word can be analysed. The five sets it builds
depend only on that module's code and on ``unicodedata``'s tables, so the first
import runs the module as written and keeps the sets in a file (in the app's
data directory, named by a hash of the module's source and
``unicodedata.unidata_version``); later imports run the same module with that
one loop replaced by filling the sets from the file. Everything else in the
module runs unchanged.

Only the exact loop this was written against is replaced: if a camel-tools
release changes it, or the file is missing, unreadable or fails its checksum,
the module runs as written (and the file is written again).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import json
import unicodedata
from pathlib import Path
from types import ModuleType

from reader.system import paths
from reader.system.files import write_text_atomically

MODULE = "camel_tools.utils.charsets"

# The loop replaced, exactly as camel-tools writes it (0.4): any other text runs as is.
LOOP = """\
for x in range(0x110000):
    x_chr = chr(x)
    x_cat = unicodedata.category(x_chr)
    if x_cat[0] == 'L':
        UNICODE_LETTER_CHARSET.add(x_chr)
    elif x_cat[0] == 'M':
        UNICODE_MARK_CHARSET.add(x_chr)
    elif x_cat[0] == 'N':
        UNICODE_NUMBER_CHARSET.add(x_chr)
    elif x_cat[0] == 'P':
        UNICODE_PUNCT_CHARSET.add(x_chr)
    elif x_cat[0] == 'S':
        UNICODE_SYMBOL_CHARSET.add(x_chr)
"""
# Category initial -> the set the loop fills.
SETS = {
    "L": "UNICODE_LETTER_CHARSET",
    "M": "UNICODE_MARK_CHARSET",
    "N": "UNICODE_NUMBER_CHARSET",
    "P": "UNICODE_PUNCT_CHARSET",
    "S": "UNICODE_SYMBOL_CHARSET",
}
_CACHED = "_arabic_reader_cached_sets"
# The loop's place in the module: the same number of lines (tracebacks keep their
# line numbers), the same sets filled, and its variables left as the loop leaves them.
_REPLACEMENT = (
    "".join(f"{name}.update({_CACHED}[{key!r}]); " for key, name in SETS.items())
    + f"del {_CACHED}\n"
    + "x = 0x10FFFF; x_chr = chr(x); x_cat = unicodedata.category(x_chr)\n"
    + "\n" * (LOOP.count("\n") - 2)
)


def cache_path(source: str) -> Path:
    """Where the sets computed by this ``source`` under this Python's Unicode are kept."""
    key = hashlib.sha256(f"{unicodedata.unidata_version}\n{source}".encode()).hexdigest()
    return paths.data_dir() / "cache" / f"camel-charsets-{key[:20]}.json"


def _checksum(sets: dict[str, str]) -> str:
    return hashlib.sha256("\n".join(sets[key] for key in SETS).encode()).hexdigest()


def read_cache(path: Path) -> dict[str, str] | None:
    """The five sets' characters by category initial, or None if the file is not sound."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        sets = {key: stored["sets"][key] for key in SETS}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(chars, str) for chars in sets.values()):
        return None
    if stored.get("checksum") != _checksum(sets):
        return None
    return sets


def write_cache(path: Path, module: ModuleType) -> None:
    """Keep the sets the module computed; a read-only or full disk only costs the next start."""
    sets = {key: "".join(sorted(getattr(module, name))) for key, name in SETS.items()}
    text = json.dumps({"sets": sets, "checksum": _checksum(sets)}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, text)
    except OSError:
        pass


class CharsetsLoader(importlib.abc.Loader):
    """Runs the charsets module from its source, the loop filled from the cache if it can."""

    def __init__(self, real: importlib.machinery.SourceFileLoader) -> None:
        self.real = real

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        source = self.real.get_source(MODULE)
        if source is None or source.count(LOOP) != 1:
            self.real.exec_module(module)
            return
        path = cache_path(source)
        cached = read_cache(path)
        if cached is None:
            self.real.exec_module(module)
            write_cache(path, module)
            return
        code = compile(source.replace(LOOP, _REPLACEMENT), self.real.get_filename(MODULE), "exec")
        module.__dict__[_CACHED] = cached
        exec(code, module.__dict__)


def spec_with_cache(
    real: importlib.machinery.ModuleSpec | None,
) -> importlib.machinery.ModuleSpec | None:
    """``real`` (the module's spec), to be run by :class:`CharsetsLoader`."""
    if real is not None and isinstance(real.loader, importlib.machinery.SourceFileLoader):
        real.loader = CharsetsLoader(real.loader)
    return real
