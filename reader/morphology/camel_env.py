"""Make camel-tools importable without the network.

Importing ``camel_tools.morphology.database`` loads a data catalogue and, when
``$CAMELTOOLS_DATA/catalogue.json`` is missing, downloads it. We point
``CAMELTOOLS_DATA`` at our own directory holding a catalogue before the first
camel-tools import. The user's own setting is remembered first, because an
official camel-tools install there is one of the databases we can use.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from reader import paths

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
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    return target


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
    if "camel_tools.data" not in sys.modules:
        os.environ["CAMELTOOLS_DATA"] = str(directory)
    return directory
