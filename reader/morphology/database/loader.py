"""Load a CAMeL-format database quickly, parsing stems only when a word needs them.

camel-tools parses all ~75,000 stem lines (each into a dict of ~40 features) up
front, which takes seconds and most of the memory. A news article touches a few
hundred stems. We let camel-tools itself parse the small sections (prefixes,
suffixes, compatibility tables) and keep the stems as raw lines grouped by stem,
turning a group into camel-tools' own records the first time the analyzer asks
for it. The analyzer sees exactly the data it would have seen (a test compares
the two on a whole article), except the entries our reviewed errata correct:
those few groups are rewritten before anything parses them (``errata.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.morphology.database import camel_env
from reader.morphology.database.errata import package_errata
from reader.morphology.database.locate import (
    MAX_DATABASE_BYTES,
    add_tokenizations_section,
    open_database_file,
)
from reader.morphology.errors import CorruptDatabaseError, MorphologyDataError

if TYPE_CHECKING:
    from camel_tools.morphology.database import MorphologyDB

_STEMS = "###STEMS###\n"
_TABLE_AB = "###TABLE AB###\n"


class LazyStemTable(dict):
    """``stem -> [(category, features), ...]`` parsed on first lookup.

    Raw groups live in ``_raw``; parsed ones in the dict itself. Only the
    lookups camel-tools' analyzer performs (``get`` and ``[]``) need support.
    """

    __slots__ = ("_raw", "_parse_line")

    def __init__(self, raw: dict[str, list[str]], parse_line: Any) -> None:
        super().__init__()
        self._raw = raw
        self._parse_line = parse_line

    def _materialise(self, stem: str) -> list | None:
        lines = self._raw.get(stem)
        if lines is None:
            return None
        parsed = [self._parse_line(line) for line in lines]
        dict.__setitem__(self, stem, parsed)
        return parsed

    def get(self, stem: str, default: Any = None) -> Any:  # type: ignore[override]
        found = dict.get(self, stem)
        if found is None:
            found = self._materialise(stem)
        return default if found is None else found

    def __getitem__(self, stem: str) -> Any:
        found = dict.get(self, stem)
        if found is None:
            found = self._materialise(stem)
            if found is None:
                raise KeyError(stem)
        return found

    def __contains__(self, stem: object) -> bool:
        return dict.__contains__(self, stem) or stem in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __bool__(self) -> bool:
        return bool(self._raw)


def _camel_database_class() -> type[MorphologyDB]:
    camel_env.prepare()
    from camel_tools.morphology.database import MorphologyDB

    return MorphologyDB


def load_database(path: str | os.PathLike[str]) -> MorphologyDB:
    """A camel-tools ``MorphologyDB`` for analysis, with stems parsed lazily."""
    database_class = _camel_database_class()
    from camel_tools.morphology.errors import DatabaseParseError
    from camel_tools.morphology.utils import strip_lex

    path = Path(path)
    # Refuses a FIFO or a device by type, and a file too large to hold, before reading.
    with open_database_file(path) as handle:
        try:
            data = handle.read(MAX_DATABASE_BYTES + 1)
        except OSError as error:
            raise CorruptDatabaseError(
                f"The morphology database {path} could not be read ({error.strerror or error})."
            ) from error
    if len(data) > MAX_DATABASE_BYTES:
        raise CorruptDatabaseError(f"The morphology database {path} is far too large to be one.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptDatabaseError(
            f"{path} is not a CAMeL morphology database (not UTF-8 text)."
        ) from error
    del data
    if "\r" in text:  # universal newlines, as a text-mode read gives them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text = add_tokenizations_section(text)
    except CorruptDatabaseError as error:
        raise CorruptDatabaseError(
            f"{path} is not a CAMeL morphology database (it has no STEMBACKOFF section)."
        ) from error
    stems_at = text.find("\n" + _STEMS)
    tables_at = text.find("\n" + _TABLE_AB, stems_at + 1)
    if stems_at < 0 or tables_at < 0:
        raise CorruptDatabaseError(
            f"The morphology database {path} is damaged (its STEMS section is missing)."
        )
    stem_block = text[stems_at + 1 + len(_STEMS) : tables_at + 1]
    skeleton = text[: stems_at + 1 + len(_STEMS)] + text[tables_at + 1 :]
    del text

    raw: dict[str, list[str]] = {}
    for line in stem_block.splitlines():
        line = line.strip()
        if not line:
            continue
        stem, separator, _ = line.partition("\t")
        if not separator or line.count("\t") != 2:
            raise CorruptDatabaseError(
                f"The morphology database {path} is damaged (bad stem line {line[:40]!r})."
            )
        raw.setdefault(stem, []).append(line)
    del stem_block
    corrections_applied = frozenset(package_errata().correct_groups(raw))

    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", suffix=".db", prefix="arabic-reader-skeleton-", delete=False
    )
    try:
        with handle:
            handle.write(skeleton)
        try:
            database = database_class(handle.name, "a")
        except DatabaseParseError as error:
            raise CorruptDatabaseError(
                f"The morphology database {path} could not be parsed ({error})."
            ) from error
        except (LookupError, ValueError, TypeError, AttributeError) as error:
            # camel-tools' parser assumes well-formed lines: a damaged file
            # surfaces as whatever its indexing or splitting raised.
            raise CorruptDatabaseError(
                f"The morphology database {path} is damaged and could not be parsed "
                f"({type(error).__name__}: {error})."
            ) from error
    finally:
        Path(handle.name).unlink(missing_ok=True)

    parse_toks = database._parse_analysis_line_toks

    def parse_line(line: str) -> tuple[str, dict[str, str]]:
        _, category, features = line.split("\t")
        analysis = parse_toks(features.split(" "))
        analysis["lex"] = strip_lex(analysis["lex"])
        return category, analysis

    database.stem_hash = LazyStemTable(raw, parse_line)
    database.corrections_applied = corrections_applied
    return database


def verify_database_file(path: Path) -> None:
    """Parse the database and analyse a known word; raise CorruptDatabaseError if not."""
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
