"""Roots benchmark: how many lemmas keep an undecided weak radical, before and after
reading the lemma's other stems; and what building the root-family index costs.

    uv run python tests/benchmarks/bench_roots.py \
        [--compare-with OTHER/reader/morphology/roots/radicals.py]

``--compare-with`` also counts with another checkout's ``roots.py`` (e.g. the
main branch's, for the figure before this change), called as the pane calls it.

"Before" is the reading off the lemma alone, as the pane asks for it today
(an analysis' lex, without sense marks, and its verb form); "after" adds every
stem the database has for that lemma (``RootIndex.root_of``). Counted over every lemma
(lex, part of speech, root) whose root has a placeholder.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def _database_path() -> Path:
    from reader.cli.support import ensure_database
    from reader.morphology.database.locate import locate_database

    ensure_database()
    location = locate_database()
    assert location is not None
    return location.path


def _rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def undecided(root) -> bool:
    from reader.morphology.roots.radicals import UNKNOWN, WEAK

    return any(letter in (WEAK, UNKNOWN) for letter in root.radicals)


def count_with(index, roots_file: Path) -> int:
    """Undecided lemmas with another version of ``roots.py``, lemma alone."""
    from reader.morphology.build import verb_form

    spec = importlib.util.spec_from_file_location("other_roots", roots_file)
    assert spec is not None and spec.loader is not None
    other = importlib.util.module_from_spec(spec)
    sys.modules["other_roots"] = other
    spec.loader.exec_module(other)
    found = 0
    for field in index.root_fields:
        if "#" not in field:
            continue
        for lex, pos in index.lemmas_of(field):
            form = verb_form(lex, field) if pos == "verb" else None
            root = other.resolve_root(field, lex, verb_form=form)
            found += any(letter in (other.WEAK, other.UNKNOWN) for letter in root.radicals)
    return found


def count_undecided(index) -> dict[str, int]:
    """Lemmas with a placeholder root; of them, undecided before and after the stems."""
    from reader.morphology.build import verb_form
    from reader.morphology.roots.radicals import resolve_root

    total = before = after = 0
    for field in index.root_fields:
        if "#" not in field:
            continue
        for lex, pos in index.lemmas_of(field):
            total += 1
            form = verb_form(lex, field) if pos == "verb" else None
            before += undecided(resolve_root(field, lex, verb_form=form))
            after += undecided(index.root_of(field, lex, pos))
    return {"placeholder_lemmas": total, "undecided_before": before, "undecided_after": after}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare-with", type=Path, help="another checkout's roots.py")
    arguments = parser.parse_args()
    from reader.morphology.database.loader import load_database
    from reader.morphology.roots.family import RootIndex

    database = load_database(_database_path())
    gc.collect()
    rss = _rss_mb()
    started = time.perf_counter()
    index = RootIndex.of(database)
    built = time.perf_counter() - started
    gc.collect()
    print(
        f"root index: {len(index)} lemmas with a root, built in {built:.2f} s, "
        f"resident memory +{_rss_mb() - rss:.0f} MB"
    )
    counts = count_undecided(index)
    total = counts["placeholder_lemmas"]
    print(f"lemmas with a placeholder radical: {total}")
    if arguments.compare_with is not None:
        value = count_with(index, arguments.compare_with)
        print(f"  undecided with {arguments.compare_with}: {value:6d} ({100 * value / total:.1f}%)")
    for name in ("before", "after"):
        value = counts[f"undecided_{name}"]
        print(f"  undecided weak radical {name:6}: {value:6d} ({100 * value / total:.1f}%)")


if __name__ == "__main__":
    main()
