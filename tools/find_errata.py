"""List the database's lemmas whose stem entries disagree: candidates for errata.

    uv run python tools/find_errata.py [--db PATH] [--all] [--lemma LEX]

A lemma (``lex`` id, and the shown lemma: the id without its sense marks) is a
candidate when its stem entries carry more than one root. Each candidate is
scored on the signs that its entries do not describe one word:

* ``lemma≠root``: a root group whose radicals are not in the lemma's letters
  while another group's are (the entries were filed under someone else's lemma);
* ``stem≠root``: a root group whose stems lack its own radicals;
* ``no shared gloss``: root groups whose glosses share no content word;
* ``pos``: root groups with no part of speech in common.

Lemmas with a single root are also listed (scoring 1) when two of their parts
of speech share no gloss word: that is how "thirty" filed under ثَلاث "three"
and أَكْواب "cups" under the name Kwan show up. Most of those are a word's
own senses (جَيِّد "good" / "well", gentilics and their plurals), so they need
the closest reading.

Homographs with different roots normally have distinct ``lex`` ids; groups that
differ only in how the root spells a weak letter or hamza (``#`` against ``و``)
are variants, not errors, and score nothing. The output is for a human review
(``reader/morphology/database/errata.tsv`` holds the confirmed ones); it changes nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_HAMZA = set("ءأإآؤئٱ")
_WEAK = set("اويىة")
_GLOSS_STOPWORDS = {"be", "to", "a", "an", "the", "of", "in", "on", "for", "and", "or", "with"}
_NOT_A_ROOT = {"NTWS", "PHON", "", "-"}
_ONE_ROOT = "one root; parts of speech share no gloss"


@dataclass
class RootGroup:
    root: str
    entries: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    @property
    def glosses(self) -> set[str]:
        return {entry[2].get("gloss", "") for entry in self.entries}

    @property
    def gloss_words(self) -> set[str]:
        words = set()
        for gloss in self.glosses:
            words |= {w.lower() for w in re.split(r"[;_/ ,()]+", gloss) if w}
        return words - _GLOSS_STOPWORDS

    @property
    def pos(self) -> set[str]:
        return {entry[2].get("pos", "") for entry in self.entries}

    @property
    def stems(self) -> set[str]:
        return {entry[0] for entry in self.entries}


def read_stems(path: Path):
    """``(stem, category, features)`` for every line of the STEMS section."""
    section = None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("###"):
                section = line
                continue
            if section != "###STEMS###" or not line.strip():
                continue
            stem, category, features = line.split("\t")
            parsed = dict(tok.split(":", 1) for tok in features.split(" ") if ":" in tok)
            yield stem, category, parsed


def _letter_class(letter: str) -> str:
    if letter in _HAMZA:
        return "ء"
    if letter in _WEAK:
        return "w"
    return letter


def radicals_in(word: str, root: str) -> bool:
    """Whether the root's radicals occur in order among the word's letters.

    A ``#`` radical (a weak letter or hamza the database leaves unspelt) and a
    weak or hamza radical may be missing from the word (قال has no و), and a
    hamza and a weak letter stand for each other (رَأَى, يَرَى).
    """
    letters = [_letter_class(ch) for ch in _DIACRITICS.sub("", word)]
    at = 0
    for radical in root.split("."):
        soft = radical == "#" or radical in _HAMZA or radical in _WEAK
        want = {"ء", "w"} if soft else {_letter_class(radical)}
        found = next((i for i in range(at, len(letters)) if letters[i] in want), None)
        if found is None:
            if soft:
                continue
            return False
        at = found + 1
    return True


def _bare(lex: str) -> str:
    return re.split("[_-]", lex)[0]


def _same_root_spelling(first: str, second: str) -> bool:
    """Roots that differ only where one writes ``#`` or another weak letter/hamza."""
    a, b = first.split("."), second.split(".")
    if len(a) != len(b):
        return False
    soft = _HAMZA | _WEAK | {"#"}
    return all(x == y or (x in soft and y in soft) for x, y in zip(a, b, strict=True))


def score(lex: str, groups: list[RootGroup]) -> tuple[int, list[str]]:
    lemma = _bare(lex)
    real = [g for g in groups if g.root not in _NOT_A_ROOT]
    if len(real) >= 2 and all(_same_root_spelling(real[0].root, g.root) for g in real[1:]):
        if len(real) == len(groups):
            return 0, ["root spelling variants"]
    reasons: list[str] = []
    points = 0
    fits = {g.root: g.root in _NOT_A_ROOT or radicals_in(lemma, g.root) for g in groups}
    if any(fits.values()) and not all(fits.values()):
        points += 3
        bad = [r for r, ok in fits.items() if not ok]
        reasons.append("lemma≠root " + ",".join(bad))
    for group in real:
        if not any(radicals_in(stem, group.root) for stem in group.stems):
            points += 1
            reasons.append(f"stem≠root {group.root}")
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            if not first.gloss_words & second.gloss_words:
                points += 2
                reasons.append(f"no shared gloss {first.root}|{second.root}")
            if not first.pos & second.pos:
                points += 1
                reasons.append(f"pos {first.root}|{second.root}")
    return points, reasons


def _pos_without_shared_gloss(groups: list[RootGroup]) -> list[RootGroup]:
    """The lemma's entries by part of speech, if two of those share no gloss word."""
    by_pos: dict[str, RootGroup] = {}
    for group in groups:
        for entry in group.entries:
            pos = entry[2].get("pos", "")
            by_pos.setdefault(pos, RootGroup(f"{group.root} {pos}")).entries.append(entry)
    parts = list(by_pos.values())
    for i, first in enumerate(parts):
        if any(not first.gloss_words & second.gloss_words for second in parts[i + 1 :]):
            return parts
    return []


def candidates(path: Path) -> list[tuple[int, str, list[str], list[RootGroup]]]:
    by_lex: dict[str, dict[str, RootGroup]] = defaultdict(dict)
    for stem, category, features in read_stems(path):
        root = features.get("root", "")
        group = by_lex[features["lex"]].setdefault(root, RootGroup(root))
        group.entries.append((stem, category, features))
    found = []
    for lex, groups in by_lex.items():
        if len(groups) < 2:
            parts = _pos_without_shared_gloss(list(groups.values()))
            if parts:
                found.append((1, lex, [_ONE_ROOT], parts))
            continue
        points, reasons = score(lex, list(groups.values()))
        found.append((points, lex, reasons, list(groups.values())))
    found.sort(key=lambda item: (-item[0], item[1]))
    return found


def _shown_lemmas_with_roots(path: Path) -> tuple[int, int]:
    roots: dict[str, set[str]] = defaultdict(set)
    for _stem, _category, features in read_stems(path):
        roots[_bare(features["lex"])].add(features.get("root", ""))
    return len(roots), sum(len(r) > 1 for r in roots.values())


def _default_path() -> Path:
    from reader.cli.support import ensure_database
    from reader.morphology.database.locate import locate_database

    ensure_database()
    location = locate_database()
    assert location is not None
    return location.path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a CAMeL-format database (default: the app's)")
    parser.add_argument("--all", action="store_true", help="also list candidates scoring 0")
    parser.add_argument("--lemma", help="show only this lex id")
    args = parser.parse_args()
    path = args.db or _default_path()
    lemmas, multi = _shown_lemmas_with_roots(path)
    found = candidates(path)
    print(f"{lemmas} shown lemmas, {multi} with more than one root")
    from reader.morphology.database.errata import corrections

    reviewed: dict[str, int] = defaultdict(int)
    for row in corrections():
        reviewed[row.lex] += 1
    several = [item for item in found if item[2][:1] != [_ONE_ROOT]]
    print(
        f"{len(several)} lex ids with more than one root, {sum(p > 0 for p, *_ in several)}"
        f" scored; {len(found) - len(several)} with one root whose parts of speech share no gloss"
    )
    for points, lex, reasons, groups in found:
        if args.lemma and lex != args.lemma:
            continue
        if points == 0 and not args.all and not args.lemma:
            continue
        listed = reviewed.get(lex, 0)
        mark = f"  (errata.tsv: {listed} row{'s' * (listed != 1)})" if listed else ""
        print(f"\n[{points}] {lex}: {'; '.join(reasons)}{mark}")
        for group in groups:
            stems = " ".join(sorted(group.stems))
            glosses = " | ".join(sorted(group.glosses))
            pos = ",".join(sorted(group.pos))
            print(f"    {group.root:<10} {pos:<10} {len(group.entries):>3}  {stems}  [{glosses}]")


if __name__ == "__main__":
    main()
