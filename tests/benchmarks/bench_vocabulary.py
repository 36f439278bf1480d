"""A long vocabulary: the dock, a search, a sort, ``vocab list`` and the CSV export.

Run:  uv run python tests/benchmarks/bench_vocabulary.py [--runs 3]

Fills real SQLite stores (in a temporary folder) with 1,000 and 100,000 saved
words in bulk, and reports each figure at 100,000 beside the same figure at
1,000, measured in the same run: the baseline. No limit is checked here; the
figures are for reading. Medians of ``--runs`` runs.

- dock open / search key / sort: from the call (the dock built, one key typed,
  a header click) to the rows shown, on the hub's real worker thread; and the
  longest the event loop stood still meanwhile (a 2 ms timer notes every gap):
  what the learner feels as a frozen window. The search's figure includes the
  150 ms the dock waits for a pause in the typing; ``search_typed`` is a search
  as a learner types it (the article on it, ه for ة).
- page / page search: one page of the vocabulary read from the store, without a
  search, searched as typed (بال + the word) and in English: the SQL alone.
- ``vocab list`` and the CSV and .apkg exports: run in a fresh process each, the time of
  the command itself and the process's peak resident memory.
- dock memory: the peak of Python's allocations (tracemalloc) while the dock
  opens, searches and sorts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SIZES = (1_000, 100_000)

# Runs in a fresh process: one CLI command, timed, with the process's peak memory.
COMMAND = r"""
import json, sys, time
from pathlib import Path
from reader.cli.main import main
started = time.perf_counter()
main(json.loads(sys.argv[1]))
seconds = time.perf_counter() - started
# VmHWM, not ru_maxrss: that one keeps the forking parent's peak across exec.
status = Path("/proc/self/status").read_text()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"s": seconds, "mb": peak}), file=sys.stderr)
"""


def fill_home(home: Path, count: int) -> None:
    os.environ["ARABIC_READER_HOME"] = str(home)
    from reader.store import open_store
    from reader.system import paths
    from tests.core.bulk_vocabulary import fill

    home.mkdir(parents=True, exist_ok=True)
    with open_store(paths.vocabulary_db_path()) as store:
        fill(store, count)


def command(home: Path, argv: list[str]) -> dict[str, float]:
    """One CLI command in a fresh process, its output into a file of ``home``."""
    env = {**os.environ, "ARABIC_READER_HOME": str(home), "PYTHONPATH": str(REPO)}
    with (home / "output.txt").open("w", encoding="utf-8") as output:
        done = subprocess.run(
            [sys.executable, "-c", COMMAND, json.dumps(argv)],
            env=env,
            stdout=output,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    return json.loads(done.stderr.strip().splitlines()[-1])


class Stalls:
    """The longest gap between ticks of a 2 ms timer: how long the window stood still."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=2)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()  # the time since the last tick counts too
        self.timer.stop()
        return self.longest


def until(signal: object, action: Callable[[], None], stalls: Stalls) -> tuple[float, float]:
    """Seconds from ``action`` to ``signal``, and the longest stall meanwhile."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(60_000, loop.quit)
    stalls.start()
    started = time.perf_counter()
    action()
    loop.exec()
    seconds = time.perf_counter() - started
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]
    return seconds, stalls.stop()


def dock_figures(home: Path) -> dict[str, float]:
    from PySide6.QtCore import Qt

    from reader.store import open_store, strip_diacritics
    from reader.store.search import search_form
    from reader.system import paths
    from reader.ui.base.vocabulary_hub import VocabularyHub
    from reader.ui.vocabulary.dock import VocabularyDock
    from reader.ui.vocabulary.table import ADDED
    from tests.core.bulk_vocabulary import lemma_of

    hub = VocabularyHub(synchronous=False)
    hub.set_store(open_store(paths.vocabulary_db_path()))
    stalls = Stalls()
    dock = VocabularyDock(hub)
    dock.resize(700, 500)
    dock.show()
    figures: dict[str, float] = {}
    figures["open_s"], figures["open_stall_s"] = until(dock.model.answered, dock.build, stalls)
    word = strip_diacritics(lemma_of(567))
    dock.search_edit.setText(word[:-1])
    dock.caught_up()
    figures["search_s"], figures["search_stall_s"] = until(
        dock.model.answered, lambda: dock.search_edit.setText(word), stalls
    )
    assert dock.model.rowCount() >= 1, "the word searched for is shown"
    dock.search_edit.clear()
    dock.caught_up()
    # As a learner types it: with the article, ه for a final ة (folded and clitic-free
    # forms compared in SQL); the rows it shows include the word.
    typed = "ال" + search_form(word)
    figures["search_typed_s"], figures["search_typed_stall_s"] = until(
        dock.model.answered, lambda: dock.search_edit.setText(typed), stalls
    )
    assert word in {strip_diacritics(lemma) for lemma in dock.lemmas()}, "found as typed"
    dock.search_edit.clear()
    dock.caught_up()
    header = dock.table.horizontalHeader()
    figures["sort_s"], figures["sort_stall_s"] = until(
        dock.model.answered,
        lambda: header.setSortIndicator(ADDED, Qt.SortOrder.DescendingOrder),
        stalls,
    )
    dock.close()
    dock.deleteLater()
    hub.close()
    return figures


def page_figures(home: Path) -> dict[str, float]:
    """One page of the vocabulary from the store, as the dock asks for it: unfiltered,
    searched as typed, and searched in English (medians of 5 calls each)."""
    from reader.store import open_store
    from reader.store.listing import EntryFilter
    from reader.store.lookup import entries_page
    from reader.store.search import search_form
    from reader.system import paths
    from tests.core.bulk_vocabulary import lemma_of

    queries = {
        "page_s": None,
        "page_search_typed_s": "بال" + search_form(lemma_of(567)),
        "page_search_english_s": "word 567",
    }
    figures: dict[str, float] = {}
    with open_store(paths.vocabulary_db_path()) as store:
        for name, query in queries.items():
            times = []
            for _ in range(5):
                started = time.perf_counter()
                page = entries_page(store, EntryFilter(search=query))
                times.append(time.perf_counter() - started)
                assert page.total >= 1
            figures[name] = statistics.median(times)
    return figures


def dock_memory(home: Path) -> float:
    """MB of Python allocations at the peak while the dock opens, searches and sorts."""
    tracemalloc.start()
    dock_figures(home)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-vocabulary-") as folder:
        for size in SIZES:
            home = Path(folder) / f"home-{size}"
            started = time.perf_counter()
            fill_home(home, size)
            print(f"filled {size:,} words in {time.perf_counter() - started:.1f} s", flush=True)
            runs: dict[str, list[float]] = {}
            for _ in range(args.runs):
                for name, value in {**dock_figures(home), **page_figures(home)}.items():
                    runs.setdefault(name, []).append(value)
                listed = command(home, ["vocab", "list"])
                exported = command(home, ["vocab", "export", "-o", str(home / "out.csv")])
                anki = command(home, ["vocab", "export", "-o", str(home / "out.apkg")])
                for name, value in (
                    ("list_s", listed["s"]),
                    ("list_mb", listed["mb"]),
                    ("csv_s", exported["s"]),
                    ("csv_mb", exported["mb"]),
                    ("apkg_s", anki["s"]),
                    ("apkg_mb", anki["mb"]),
                ):
                    runs.setdefault(name, []).append(value)
            os.environ["ARABIC_READER_HOME"] = str(home)
            runs["dock_python_mb"] = [dock_memory(home)]
            results[size] = {name: statistics.median(values) for name, values in runs.items()}
    small, large = (results[size] for size in SIZES)
    print(f"\n{'':24}{'1,000 (baseline)':>18}{'100,000':>12}{'ratio':>8}")
    for name in small:
        unit = "MB" if name.endswith("_mb") else "ms"
        scale = 1 if unit == "MB" else 1000
        ratio = large[name] / small[name] if small[name] else float("nan")
        print(
            f"{name:24}{small[name] * scale:>15.1f} {unit}{large[name] * scale:>9.1f} {unit}"
            f"{ratio:>8.1f}"
        )


if __name__ == "__main__":
    main()
