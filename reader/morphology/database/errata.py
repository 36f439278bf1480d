"""Corrections to the morphology database's misfiled entries, from ``errata.tsv``.

CALIMA-star r13 files some stem entries under another word's lemma (the verb
رَأَى "see" under راوَنْد "rhubarb") or with a root read off the stem's letters
(غالٍ under غ.ل.ل). A learner would learn and save those wrong, so the loader
rewrites the affected raw stem lines before camel-tools parses them. Each
correction names the stems it touches, so applying them costs a few dictionary
lookups at load time; matching also needs the entry's ``lex``, ``root`` and
(unless ``*``) ``gloss``, so a correct entry of the same stem is never hit.

The file is reviewed by hand; ``tools/find_errata.py`` lists the
candidates it was reviewed from, and every row is tested on the real database.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.morphology.database.locate import DatabaseLocation

ERRATA_FILE = Path(__file__).resolve().parent / "errata.tsv"
ANY_GLOSS = "*"
_COLUMNS = ("stems", "lex", "root", "gloss", "new_lex", "new_root", "example", "reason")
_STEMS = "\n###STEMS###\n"
_TABLE_AB = "\n###TABLE AB###\n"


class ErrataFileError(ValueError):
    """The errata file is malformed (a packaging or editing mistake, not user data)."""


@dataclass(frozen=True, eq=False)
class Correction:
    """One reviewed row: which entries are wrong and what they should say."""

    stems: tuple[str, ...]
    lex: str
    root: str
    gloss: str
    new_lex: str
    new_root: str
    example: str
    reason: str
    line: int

    def matches(self, lex: str, root: str, gloss: str) -> bool:
        return (
            lex == self.lex
            and root == self.root
            and (self.gloss == ANY_GLOSS or gloss == self.gloss)
        )

    @property
    def lex_token(self) -> str:
        return f"lex:{self.lex}"  # a quick filter; matches() decides

    @property
    def corrected_lex(self) -> str:
        return self.new_lex or self.lex

    @property
    def corrected_root(self) -> str:
        return self.new_root or self.root


def parse_errata(text: str) -> tuple[Correction, ...]:
    """Rows of a tab-separated errata file; ``#`` lines and the header are skipped."""
    corrections = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if tuple(cells) == _COLUMNS:
            continue
        if len(cells) != len(_COLUMNS):
            raise ErrataFileError(
                f"errata line {number}: {len(cells)} columns, expected {len(_COLUMNS)}"
            )
        stems, lex, root, gloss, new_lex, new_root, example, reason = cells
        if not (stems and lex and root and gloss and example and reason):
            raise ErrataFileError(f"errata line {number}: an obligatory column is empty")
        if not (new_lex or new_root):
            raise ErrataFileError(f"errata line {number}: corrects nothing")
        corrections.append(Correction(tuple(stems.split(" ")), *cells[1:], line=number))
    return tuple(corrections)


@cache
def corrections() -> tuple[Correction, ...]:
    """The package's reviewed corrections."""
    return parse_errata(ERRATA_FILE.read_text(encoding="utf-8"))


def _value_span(padded: str, name: str) -> tuple[int, int] | None:
    """Where the value of ``name:value`` lies in a space-padded feature string."""
    at = padded.find(f" {name}:")
    if at < 0:
        return None
    start = at + len(name) + 2
    return start, padded.index(" ", start)


class Errata:
    """Corrections indexed by stem, applied to raw ``stem<TAB>category<TAB>features`` lines."""

    def __init__(self, rows: Iterable[Correction]) -> None:
        self.rows = tuple(rows)
        self._by_stem: dict[str, list[Correction]] = {}
        for row in self.rows:
            for stem in row.stems:
                self._by_stem.setdefault(stem, []).append(row)

    @property
    def stems(self) -> Iterable[str]:
        return self._by_stem.keys()

    def correct_line(self, line: str, applied: set[Correction] | None = None) -> str:
        stem, _, rest = line.partition("\t")
        rows = self._by_stem.get(stem)
        if not rows or not any(row.lex_token in rest for row in rows):
            return line
        category, _, features = rest.partition("\t")
        padded = " " + features + " "
        spans = {name: _value_span(padded, name) for name in ("lex", "root", "gloss")}
        if None in spans.values():
            return line
        value = {name: padded[a:b] for name, (a, b) in spans.items()}  # type: ignore[misc]
        for row in rows:
            if row.matches(value["lex"], value["root"], value["gloss"]):
                if applied is not None:
                    applied.add(row)
                replacements = {"lex": row.corrected_lex, "root": row.corrected_root}
                for name in sorted(replacements, key=lambda n: -spans[n][0]):  # type: ignore[index]
                    a, b = spans[name]  # type: ignore[misc]
                    padded = padded[:a] + replacements[name] + padded[b:]
                return f"{stem}\t{category}\t{padded[1:-1]}"
        return line

    def correct_groups(self, raw: dict[str, list[str]]) -> set[Correction]:
        """Rewrite the affected groups of ``stem -> raw lines`` in place; the rows that applied."""
        applied: set[Correction] = set()
        for stem in self._by_stem:
            lines = raw.get(stem)
            if lines:
                raw[stem] = [self.correct_line(line, applied) for line in lines]
        return applied

    def correct_database_text(self, text: str) -> str:
        """The whole database text with the corrections applied (for camel-tools' own loader)."""
        start = text.find(_STEMS)
        end = text.find(_TABLE_AB, start + 1)
        if start < 0 or end < 0:
            return text
        start += len(_STEMS)
        block = text[start : end + 1].split("\n")
        corrected = "\n".join(self.correct_line(line) if line else line for line in block)
        return text[:start] + corrected + text[end + 1 :]


@cache
def package_errata() -> Errata:
    return Errata(corrections())


def applied_corrections(database_path: str | os.PathLike[str]) -> set[Correction]:
    """The package's corrections that match entries of this database file."""
    text = Path(database_path).read_text(encoding="utf-8")
    errata = package_errata()
    wanted = set(errata.stems)
    start = text.find(_STEMS)
    end = text.find(_TABLE_AB, start + 1)
    raw: dict[str, list[str]] = {}
    if start >= 0 and end >= 0:
        for line in text[start + len(_STEMS) : end].split("\n"):
            stem = line.partition("\t")[0]
            if stem in wanted:
                raw.setdefault(stem, []).append(line.strip())
    return errata.correct_groups(raw)


def applied_count(database_path: str | os.PathLike[str]) -> int:
    """How many of the package's corrections this database needs (and gets when loaded)."""
    return len(applied_corrections(database_path))


def errata_line(location: DatabaseLocation | None) -> str:
    """``data status``'s line (with its newline), or nothing without a database."""
    if location is None:
        return ""
    total = len(corrections())
    try:
        applied = applied_count(location.path)
    except (OSError, UnicodeDecodeError):  # status must still describe a damaged file
        return f"Errata:   not checked, the database cannot be read ({total} reviewed)\n"
    return f"Errata:   {applied} of {total} reviewed corrections applied ({ERRATA_FILE.name})\n"
