"""Core benchmark: our database load and analysis against camel-tools itself.

    uv run python tests/benchmarks/bench_core.py [--tokens 100000]

Everything is measured in the same run on the same machine, and reported as
ratios, because these machines are shared and absolute times drift. Targets:

* database load no slower than ``MorphologyDB.builtin_db()`` (ratio >= 1);
* whole-document analysis at least 3x camel-tools' uncached throughput on a
  long text (thanks to the per-surface-form cache);
* ranking adds at most 20% to analysing the default article;
* peak memory reported for both (a fresh process each).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

ARTICLE = REPO / "resources" / "articles" / "kerry-moscow.txt"


def _database_path() -> Path:
    from reader.cli.support import ensure_database
    from reader.morphology.database.locate import locate_database

    ensure_database()
    location = locate_database()
    assert location is not None
    return location.path


def _best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


_MEMORY_PROBE = r"""
import json, sys, time
sys.path.insert(0, {repo!r})
from reader.morphology.database import camel_env  # our catalogue: no network at import
from reader.text import load_document
document = load_document({article!r})
words = [t.lookup for t in document.tokens if t.kind == "arabic"]
started = time.perf_counter()
if {ours!r}:
    from reader.morphology.analyzer import Morphology
    morphology = Morphology.load({db!r})
    morphology.analyze_document(document)
else:
    from camel_tools.morphology.database import MorphologyDB
    from camel_tools.morphology.analyzer import Analyzer
    analyzer = Analyzer(MorphologyDB({db!r}))
    for word in words:
        analyzer.analyze(word)
elapsed = time.perf_counter() - started
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
with open("/proc/self/status") as status:
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(json.dumps({{"peak_kb": peak_kb, "seconds": elapsed}}))
"""


def _fresh_process(db: Path, ours: bool) -> dict:
    code = _MEMORY_PROBE.format(repo=str(REPO), article=str(ARTICLE), ours=ours, db=str(db))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _conjugation_row(database) -> tuple[str, str, str, str]:
    """A verb's table (cold, then cached) against analysing the same word, cold."""
    from reader.morphology import english
    from reader.morphology.analyzer import Morphology
    from reader.morphology.verbs import conjugation

    english.prepare()  # as Morphology.load does

    verbs = "كتب قال رأى جاء دعا مشى مد أخذ استقبل انتخب اجتمع أعلن تحدث وصل".split()
    morphology = Morphology(database)
    morphology.analyze_word("الخارجية")  # camel-tools' own first-use set-up, not timed
    started = time.perf_counter()
    readings = [next(r for r in morphology.analyze_word(v) if r.pos == "verb") for v in verbs]
    analyse = (time.perf_counter() - started) / len(verbs)
    tags = _best_of(1, lambda: conjugation.lex_vowels(morphology))  # once per database
    conjugation._table.cache_clear()
    cold = _best_of(1, lambda: [conjugation.conjugate(r, morphology) for r in readings])
    cached = _best_of(3, lambda: [conjugation.conjugate(r, morphology) for r in readings])
    return (
        f"conjugation ({len(verbs)} verbs; tags {tags * 1000:.0f} ms once)",
        f"{cold / len(verbs) * 1000:.0f} ms cold, {cached / len(verbs) * 1000:.2f} ms cached",
        f"{analyse * 1000:.1f} ms to analyse the word",
        f"{cold / len(verbs) / analyse:.1f}x one analysis",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=100_000, help="size of the long text")
    parser.add_argument(
        "--camel-sample",
        type=int,
        default=20_000,
        help="tokens of the long text camel-tools analyses (its rate is per token)",
    )
    args = parser.parse_args()

    db_path = _database_path()
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    from reader.morphology.analyzer import Morphology
    from reader.morphology.database.loader import load_database
    from reader.text import document_from_text, load_document

    rows: list[tuple[str, str, str, str]] = []

    # 1. Loading the database.
    builtin = Path(MorphologyDB.list_builtin_dbs()[0].path) / "morphology.db"
    camel_load = (
        (lambda: MorphologyDB.builtin_db())
        if builtin == db_path
        else lambda: MorphologyDB(str(db_path))
    )
    camel_seconds = _best_of(3, camel_load)
    our_seconds = _best_of(3, lambda: load_database(db_path))
    rows.append(
        (
            "database load",
            f"{our_seconds * 1000:.0f} ms",
            f"{camel_seconds * 1000:.0f} ms",
            f"{camel_seconds / our_seconds:.1f}x faster (target >= 1x)",
        )
    )

    database = load_database(db_path)
    camel_analyzer = Analyzer(MorphologyDB(str(db_path)))
    article = load_document(ARTICLE)
    article_words = [t.lookup for t in article.tokens if t.kind == "arabic"]

    # 2. The default article: camel-tools uncached vs ours, cold cache each run.
    def camel_article() -> None:
        for word in article_words:
            camel_analyzer.analyze(word)

    def ours_article(ranked: bool = True) -> None:
        Morphology(database).analyze_document(article, ranked=ranked)

    camel_article_s = _best_of(3, camel_article)
    ours_article_s = _best_of(3, ours_article)
    rows.append(
        (
            f"article ({len(article_words)} words)",
            f"{len(article_words) / ours_article_s:,.0f} words/s",
            f"{len(article_words) / camel_article_s:,.0f} words/s",
            f"{camel_article_s / ours_article_s:.2f}x",
        )
    )

    # 3. Ranking's cost on the article: ranked vs database order, both cold.
    ranked_runs, plain_runs = [], []
    for _ in range(7):
        plain_runs.append(_best_of(1, lambda: ours_article(ranked=False)))
        ranked_runs.append(_best_of(1, lambda: ours_article(ranked=True)))
    overhead = statistics.median(ranked_runs) / statistics.median(plain_runs) - 1
    rows.append(
        (
            "ranking overhead (article)",
            f"{statistics.median(ranked_runs) * 1000:.1f} ms",
            f"{statistics.median(plain_runs) * 1000:.1f} ms unranked",
            f"+{overhead * 100:.0f}% (target <= 20%)",
        )
    )

    # 4. A long text: the article repeated.
    repeats = max(1, args.tokens // len(article.tokens))
    long_text = "\n\n".join([article.text] * repeats)
    long_document = document_from_text(long_text)
    long_words = [t.lookup for t in long_document.tokens if t.kind == "arabic"]
    sample = long_words[: args.camel_sample]
    started = time.perf_counter()
    for word in sample:
        camel_analyzer.analyze(word)
    camel_rate = len(sample) / (time.perf_counter() - started)
    morphology = Morphology(database)
    started = time.perf_counter()
    morphology.analyze_document(long_document)
    ours_rate = len(long_words) / (time.perf_counter() - started)
    rows.append(
        (
            f"long text ({len(long_document.tokens):,} tokens)",
            f"{ours_rate:,.0f} words/s",
            f"{camel_rate:,.0f} words/s",
            f"{ours_rate / camel_rate:.1f}x (target >= 3x)",
        )
    )

    rows.append(_conjugation_row(database))

    # 5. Peak memory, each in a fresh process: load + analyse the article.
    ours_mem = _fresh_process(db_path, ours=True)
    camel_mem = _fresh_process(db_path, ours=False)
    rows.append(
        (
            "peak memory (load + article)",
            f"{ours_mem['peak_kb'] / 1024:.0f} MB",
            f"{camel_mem['peak_kb'] / 1024:.0f} MB",
            f"{camel_mem['peak_kb'] / ours_mem['peak_kb']:.1f}x less",
        )
    )
    rows.append(
        (
            "cold start to article analysed",
            f"{ours_mem['seconds'] * 1000:.0f} ms",
            f"{camel_mem['seconds'] * 1000:.0f} ms",
            f"{camel_mem['seconds'] / ours_mem['seconds']:.1f}x faster",
        )
    )

    header = ("measure", "arabic-reader", "camel-tools", "ratio")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    print(f"database: {db_path}")
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
