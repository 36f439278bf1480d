"""Every path the app uses, computed in one place.

The whole data directory moves with ``ARABIC_READER_HOME`` (tests, portable use);
otherwise it is the platform's user data directory for ``arabic-reader``.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "arabic-reader"
HOME_ENV = "ARABIC_READER_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # reader/


def data_dir() -> Path:
    """The root of everything the app writes (created on demand by callers)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def morphology_dir() -> Path:
    """Our own installed copy of the morphology database and its licence.

    It sits where camel-tools' catalogue (below) says the builtin
    ``calima-msa-r13`` database lives, so ``MorphologyDB.builtin_db()`` finds it too.
    """
    return camel_data_dir() / "data" / "morphology_db" / "calima-msa-r13"


def camel_data_dir() -> Path:
    """The directory handed to camel-tools as ``CAMELTOOLS_DATA``.

    It holds a catalogue camel-tools accepts, so importing camel-tools never
    reaches for the network.
    """
    return data_dir() / "camel_tools"


def vocabulary_db_path() -> Path:
    """The learner's SQLite database: vocabulary, notes, documents."""
    return data_dir() / "reader.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def resources_dir() -> Path:
    """Bundled resources: inside the package when installed, else the checkout's."""
    packaged = _PACKAGE_DIR / "resources"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "resources"


def default_article_path() -> Path:
    return resources_dir() / "articles" / "kerry-moscow.txt"
