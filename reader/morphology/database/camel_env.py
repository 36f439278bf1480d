"""Make camel-tools importable without the network.

Importing ``camel_tools.morphology.database`` loads a data catalogue and, when
``$CAMELTOOLS_DATA/catalogue.json`` is missing, downloads it. We point
``CAMELTOOLS_DATA`` at our own directory holding a catalogue before the first
camel-tools import. The user's own setting is remembered first, because an
official camel-tools install there is one of the databases we can use.

Importing ``camel_tools.data.catalogue`` also creates ``~/.camel_tools`` in the
real home, whatever ``CAMELTOOLS_DATA`` says (a module-level ``mkdir``). That
one import runs with ``Path.home()`` pointing at a temporary folder instead, so
a run leaves nothing in the learner's home.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from reader.morphology.database import camel_charsets
from reader.system import paths
from reader.system.files import write_text_atomically

CATALOGUE_NAME = "catalogue.json"

# What the user's environment said before we took CAMELTOOLS_DATA over.
USER_CAMELTOOLS_DATA: str | None = os.environ.get("CAMELTOOLS_DATA")

_CATALOGUE = {
    "version": "1.6",
    "packages": {},
    "components": {
        "MorphologyDB": {
            "default": "calima-msa-r13",
            "datasets": {
                "calima-msa-r13": {"path": "morphology_db/calima-msa-r13"},
            },
        }
    },
}


def is_our_catalogue(directory: Path) -> bool:
    """Is this a data folder we made, rather than an official camel-tools install?"""
    try:
        return json.loads((directory / CATALOGUE_NAME).read_text(encoding="utf-8")) == _CATALOGUE
    except (OSError, ValueError):
        return False


def write_catalogue(directory: Path) -> Path:
    """Write a minimal catalogue camel-tools accepts; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / CATALOGUE_NAME
    text = json.dumps(_CATALOGUE, indent=2)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        write_text_atomically(target, text)
    return target


_CATALOGUE_MODULE = "camel_tools.data.catalogue"


@contextmanager
def _home_elsewhere() -> Iterator[None]:
    """``Path.home()`` is a throwaway folder meanwhile: camel-tools makes ``.camel_tools`` there."""
    home = Path.home
    with tempfile.TemporaryDirectory(prefix="arabic-reader-home-") as elsewhere:
        Path.home = classmethod(lambda cls: cls(elsewhere))  # type: ignore[method-assign]
        try:
            yield
        finally:
            Path.home = home  # type: ignore[method-assign]


_DATA_PACKAGE = "camel_tools.data"  # its import loads (or downloads) the catalogue


class _CamelImportGuard(importlib.abc.MetaPathFinder):
    """Runs :func:`prepare` just before camel-tools' data package is first imported.

    Installed when ``reader.morphology`` is imported, it writes nothing
    itself: the catalogue is written and ``CAMELTOOLS_DATA`` set only when
    some code (ours or a caller's) imports ``camel_tools.data``, which every
    import of ``camel_tools.morphology.database`` does. The one import of
    ``camel_tools.data.catalogue`` then runs under :func:`_home_elsewhere`.
    It never finds a module itself: the real finders do the finding.
    """

    def find_spec(
        self, fullname: str, path: object, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == _DATA_PACKAGE and _DATA_PACKAGE not in sys.modules:
            prepare()
        elif fullname == _CATALOGUE_MODULE and _CATALOGUE_MODULE not in sys.modules:
            return _catalogue_spec_elsewhere(self)
        elif fullname == camel_charsets.MODULE and fullname not in sys.modules:
            # Its import sorts every Unicode code point: a second of the start, kept.
            return camel_charsets.spec_with_cache(_real_spec(self, fullname))
        return None


def _real_spec(guard: _CamelImportGuard, name: str) -> importlib.machinery.ModuleSpec | None:
    """The spec the real finders give ``name``."""
    sys.meta_path.remove(guard)  # the real finders find it, not this guard again
    try:
        return importlib.util.find_spec(name)
    finally:
        sys.meta_path.insert(0, guard)


def _catalogue_spec_elsewhere(guard: _CamelImportGuard) -> importlib.machinery.ModuleSpec | None:
    """The catalogue module's real spec, its execution wrapped in :func:`_home_elsewhere`."""
    spec = _real_spec(guard, _CATALOGUE_MODULE)
    loader = spec.loader if spec is not None else None
    if loader is not None and hasattr(loader, "exec_module"):
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            with _home_elsewhere():
                run(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
    return spec


def guard_camel_imports() -> None:
    """Have the first camel-tools data import call :func:`prepare` (idempotent; writes nothing)."""
    if not any(isinstance(finder, _CamelImportGuard) for finder in sys.meta_path):
        sys.meta_path.insert(0, _CamelImportGuard())


def prepare() -> Path:
    """Point camel-tools at our data directory. Call before importing camel_tools.

    Safe to call many times. If camel-tools was already imported with another
    data directory, its catalogue is already loaded, so nothing is fetched then
    either.
    """
    directory = paths.camel_data_dir()
    try:
        write_catalogue(directory)
    except OSError:
        # A read-only data directory must not stop analysis of an existing
        # database: a private catalogue serves the import just as well.
        directory = Path(tempfile.mkdtemp(prefix="arabic-reader-camel-"))
        write_catalogue(directory)
    if _DATA_PACKAGE not in sys.modules:
        os.environ["CAMELTOOLS_DATA"] = str(directory)
    guard_camel_imports()
    return directory
