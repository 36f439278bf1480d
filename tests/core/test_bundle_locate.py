"""The database bundled with a packaged app: found last, so any install of the
learner's own wins, yet a fresh bundle starts offline with nothing installed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reader.morphology.database import camel_env
from reader.morphology.database import locate as database
from reader.morphology.database.locate import (
    DATABASE_TITLE,
    DB_ENV,
    DB_FILE,
    LICENSE_FILE,
    MANIFEST_FILE,
    R13_SHA256,
    database_status,
    locate_database,
)
from reader.system import paths


@pytest.fixture
def bundle(data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A packaged app's resources with a database in them; no other database anywhere."""
    resources = tmp_path / "bundle" / "reader" / "resources"
    bundled = resources / "morphology" / DB_FILE
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(b"bundled database")
    (bundled.parent / LICENSE_FILE).write_text("GNU GENERAL PUBLIC LICENSE Version 2")
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", None)
    monkeypatch.setenv("HOME", str(data_home))  # no stray ~/.camel_tools
    monkeypatch.delenv(DB_ENV, raising=False)
    return bundled


def test_the_bundled_database_is_found_when_nothing_else_is(bundle: Path) -> None:
    location = locate_database()
    assert location == database.DatabaseLocation(bundle, "bundled", bundle.parent / LICENSE_FILE)
    assert location.description == "bundled with Arabic Reader"


def test_it_lives_in_the_resources_the_spec_ships() -> None:
    assert database.bundled_db_path() == paths.resources_dir() / "morphology" / DB_FILE


def test_the_learners_own_install_wins_over_the_bundled_one(bundle: Path) -> None:
    ours = paths.morphology_dir() / DB_FILE
    ours.parent.mkdir(parents=True)
    ours.write_bytes(b"installed")
    assert locate_database().path == ours
    assert locate_database().origin == "installed"


def test_camel_tools_env_and_setting_all_win_over_the_bundled_one(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    official = tmp_path / "ct" / "data" / "morphology_db" / "calima-msa-r13" / DB_FILE
    official.parent.mkdir(parents=True)
    official.write_bytes(b"official")
    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", str(tmp_path / "ct"))
    assert locate_database().origin == "camel-tools"

    named = tmp_path / "licensed.db"
    named.write_bytes(b"named")
    monkeypatch.setenv(DB_ENV, str(named))
    assert locate_database().origin == "environment"
    assert locate_database(setting=str(named)).origin == "setting"


def test_status_of_the_bundled_database_reads_its_manifest(bundle: Path) -> None:
    # The manifest says which database was installed (release 13: its title and
    # GPL); the checksum is always computed, so a damaged file never shows a good one.
    data = bundle.read_bytes()
    manifest = {"sha256": "0" * 64, "size": len(data), "source_sha256": R13_SHA256}
    (bundle.parent / MANIFEST_FILE).write_text(json.dumps(manifest))
    status = database_status()
    assert status.location.origin == "bundled"
    assert status.title == DATABASE_TITLE
    assert status.sha256 == hashlib.sha256(data).hexdigest()

    manifest.update(source_sha256="1" * 64, database="calima-msa-s31.db")
    (bundle.parent / MANIFEST_FILE).write_text(json.dumps(manifest))
    status = database_status()
    assert status.title == "calima-msa-s31.db"
    assert "GPL" not in status.license
