"""A database that is not what was installed, or not a file at all, is said so.

``data status`` and the self-test compare the file with the checksum recorded
in ``install.json`` at install; a database named by the settings or by
``ARABIC_READER_MORPH_DB`` that is missing, a FIFO or a device is refused by
its type, never opened, and the command says which file and what to do.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from reader.cli import main as cli
from reader.morphology.analyzer import Morphology
from reader.morphology.database import camel_env
from reader.morphology.database.locate import (
    DB_ENV,
    DB_FILE,
    MANIFEST_FILE,
    MAX_DATABASE_BYTES,
    REINSTALL_COMMAND,
    database_status,
    locate_database,
)
from reader.morphology.errors import CorruptDatabaseError, MorphologyDataError
from reader.reading import selftest
from reader.system import paths


@pytest.fixture
def installed(data_home: Path, real_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Release 13 as `data install` leaves it in a fresh data directory (copied, not rebuilt)."""
    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", None)
    monkeypatch.setenv("HOME", str(data_home))
    monkeypatch.delenv(DB_ENV, raising=False)
    target = paths.morphology_dir()
    target.mkdir(parents=True)
    shutil.copyfile(real_db_path, target / DB_FILE)
    shutil.copyfile(real_db_path.parent / MANIFEST_FILE, target / MANIFEST_FILE)
    return target / DB_FILE


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage(path: Path) -> None:
    size = path.stat().st_size
    path.write_bytes((b"\x00garbage\xff" * (size // 9 + 1))[:size])


def _one_byte(path: Path) -> None:
    # The real case: Putin's gloss became "Qutin", same size, still parses.
    data = path.read_bytes()
    at = data.index(b"gloss:Putin")
    path.write_bytes(data[: at + 6] + b"Q" + data[at + 7 :])


DAMAGES = {"truncated": _truncate, "garbage": _garbage, "one byte edited": _one_byte}


def _data_status(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["data", "status"])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_intact_install_is_verified(installed: Path, capsys) -> None:
    status = database_status()
    assert status.integrity == "ok" and status.ok
    code, out, err = _data_status(capsys)
    assert code == 0, err
    assert "Check:    ok" in out
    assert "release 13" in out
    assert "checksum as installed" in selftest.check_database()


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_modified_database_is_reported_with_the_way_to_reinstall(
    installed: Path, capsys, damage
) -> None:
    damage(installed)
    status = database_status()
    assert status.integrity == "modified" and not status.ok
    assert str(installed) in status.problem

    code, out, err = _data_status(capsys)
    assert code == 1
    assert "Check:    FAILED: " in out
    assert REINSTALL_COMMAND in out
    assert err.count("\n") == 1 and REINSTALL_COMMAND in err
    assert "Traceback" not in err

    with pytest.raises(selftest.SelfTestFailure, match="changed or damaged") as caught:
        selftest.check_database()
    assert REINSTALL_COMMAND in str(caught.value)


def test_a_truncated_file_says_how_much_is_missing(installed: Path) -> None:
    full = installed.stat().st_size
    _truncate(installed)
    assert f"{full // 2:,} bytes, {full:,} were installed" in database_status().problem


def test_without_a_recorded_checksum_the_file_is_not_called_verified(
    installed: Path, capsys
) -> None:
    manifest = installed.parent / MANIFEST_FILE
    for recorded in (None, "[1, 2]", '{"sha256": 12}', "{not json"):
        if recorded is None:
            manifest.unlink()
        else:
            manifest.write_text(recorded)
        status = database_status()
        assert status.integrity == "unrecorded" and status.ok
        code, out, _ = _data_status(capsys)
        assert code == 0
        assert "not verified" in out


def test_a_reinstall_records_the_new_checksum(installed: Path, r13_wheel: Path) -> None:
    from reader.morphology.database.install import install_database

    _one_byte(installed)
    assert database_status().integrity == "modified"
    install_database(r13_wheel)
    assert database_status().integrity == "ok"
    recorded = json.loads((installed.parent / MANIFEST_FILE).read_text())
    assert recorded["size"] == installed.stat().st_size


def test_a_damaged_database_fails_to_load_with_a_clear_error(installed: Path) -> None:
    # Start-up does not hash the file, but a file that does not parse is still
    # refused in words, with what to do.
    _truncate(installed)
    with pytest.raises(CorruptDatabaseError, match="damaged") as caught:
        Morphology.load()
    assert REINSTALL_COMMAND in str(caught.value)
    assert "\n" not in str(caught.value)


# -- named databases that are not files ---------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a zero device, in tmp_path


def _folder(path: Path) -> None:
    path.mkdir()


def _missing(path: Path) -> None:
    pass


NOT_FILES = {
    "missing": (_missing, "does not exist"),
    "fifo": (_fifo, "named pipe"),
    "device": (_device, "is a device"),
    "folder": (_folder, "is a folder"),
}


@pytest.mark.parametrize(("make", "said"), NOT_FILES.values(), ids=NOT_FILES.keys())
def test_a_named_database_that_is_not_a_file_is_refused_by_type(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, make, said
) -> None:
    named = tmp_path / "named.db"
    make(named)
    monkeypatch.setenv(DB_ENV, str(named))
    with pytest.raises(MorphologyDataError, match=said) as caught:
        locate_database()
    message = str(caught.value)
    assert str(named) in message and "unset it" in message

    with pytest.raises(MorphologyDataError, match="morphology_db") as caught:
        locate_database(setting=str(named))
    assert str(paths.settings_path()) in str(caught.value)

    # The command line: one sentence, exit status 1, never a hang on the FIFO.
    article = tmp_path / "article.txt"
    article.write_text("ذهب الولد إلى المدرسة", encoding="utf-8")
    for args in (["analyze", str(article)], ["data", "status"]):
        assert cli.main(args) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and said in err and DB_ENV in err


def test_the_loader_never_opens_a_fifo_or_device(tmp_path: Path) -> None:
    for make, said in (NOT_FILES["fifo"], NOT_FILES["device"]):
        path = tmp_path / f"{make.__name__}.db"
        make(path)
        with pytest.raises(MorphologyDataError, match=said):
            Morphology.load(path)


def test_a_database_far_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.db"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_DATABASE_BYTES + 1)  # sparse: no disk used
    monkeypatch.setenv(DB_ENV, str(huge))
    with pytest.raises(MorphologyDataError, match="far larger"):
        locate_database()
    with pytest.raises(MorphologyDataError, match="far larger"):
        Morphology.load(huge)


def test_a_modified_database_named_by_the_environment_says_how_to_reinstall(
    installed: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv(DB_ENV, str(installed))
    _one_byte(installed)
    code, _, err = _data_status(capsys)
    assert code == 1
    assert DB_ENV in err and REINSTALL_COMMAND in err
