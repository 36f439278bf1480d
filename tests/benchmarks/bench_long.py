"""``analyze --json`` on long texts beside the default article, measured in one run.

Texts of about 2 MB and 8 MB are made from the bundled article (its paragraphs
shuffled in each repeat, tests/core/long_news.py) in a temporary folder. For
each: wall time, CPU time and peak RSS of ``analyze --json`` in a fresh process,
and Arabic words per CPU second beside the same figure for the default article
in the same run (medians of ``--runs`` runs for the article): a long text's
words beyond the article's per CPU second beyond its run, beside ``prepare``'s
rate on the article in a warm process. Memory should stay
about flat as the size grows, and words per second match the article's.

``--old REV`` also runs that revision's ``analyze`` (``git archive`` of its
``reader`` package) once on the 2 MB text, beside the current code.

    uv run python tests/benchmarks/bench_long.py [--runs 3] [--sizes 2,8] [--old d32fb26]

Uses the installed dictionary (or ARABIC_READER_HOME's / ARABIC_READER_MORPH_DB's).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_hostile import _run  # noqa: E402

from tests.core.long_news import ARTICLE, long_news  # noqa: E402

MB = 1_000_000
ARABIC = b'"kind": "arabic"'


def analyze(path: Path, out: Path, *, reader_root: Path | None = None) -> dict[str, float]:
    """One ``analyze --json`` in a fresh process; ``reader_root``: a folder holding
    another revision's ``reader`` package, run instead of this checkout's."""
    root = reader_root if reader_root is not None else REPO
    # First on sys.path: it chooses which revision's reader runs.
    code = (
        f"import sys; sys.path.insert(0, {str(root)!r}); "
        "from reader.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    command = [sys.executable, "-c", code, "analyze", str(path), "--json"]
    with out.open("w", encoding="utf-8") as sink:
        seconds, cpu, peak, _ = _run(command, stdout=sink)
    with out.open("rb") as lines:
        words = sum(line.count(ARABIC) for line in lines)
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": peak, "words": words}


def old_reader(revision: str, folder: Path) -> Path:
    """``revision``'s reader package, extracted under ``folder``."""
    archive = folder / "old.tar"
    subprocess.run(
        ["git", "-C", str(REPO), "archive", "-o", str(archive), revision, "reader"], check=True
    )
    root = folder / "old"
    with tarfile.open(archive) as tar:
        tar.extractall(root, filter="data")
    return root


def article_rate(runs: int) -> float:
    """Arabic words per CPU second of ``analyze --json``'s work on the default
    article (``prepare``, as the window prepares it, and its JSON lines): in a
    fresh process, after one run that loads the models, the median of ``runs``
    more (the words' analyses cached, as in a long text of repeats)."""
    code = f"""
import io, statistics, sys, time
sys.path.insert(0, {str(REPO)!r})
from reader.cli.main import write_json
from reader.cli.support import ensure_database, morphology_setting
from reader.morphology.analyzer import Morphology
from reader.reading.prepare import prepare
from reader.reading.stream import Window
from reader.text import load_document
setting = morphology_setting()
ensure_database(setting)
morphology = Morphology.load(setting=setting)
document = load_document({str(ARTICLE)!r})
prepare(document, morphology)
morphology.roots  # the root index, built once for the radicals
words = sum(token.kind == "arabic" for token in document.tokens)
times = []
for _ in range({runs}):
    started = time.process_time()
    write_json(Window(prepare(document, morphology), 0, 0), morphology, io.StringIO())
    times.append(time.process_time() - started)
print(words / statistics.median(times))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def line(name: str, figures: dict[str, float], base: dict[str, float], rate: float) -> str:
    """A long text's figures; its words per CPU second beyond the article's run (the
    start-up, loading the models, is in both) beside the article's ``rate``."""
    extra = (figures["words"] - base["words"]) / max(figures["cpu_s"] - base["cpu_s"], 1e-9)
    return (
        f"{name:<22} {figures['words']:>9,.0f} words {figures['seconds']:>7.1f}s wall "
        f"{figures['cpu_s']:>7.1f}s CPU {figures['peak_mb']:>6.0f} MB peak "
        f"{extra:>6.0f} words/CPU s ({extra / rate:.2f}× the article's)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the article (median)")
    parser.add_argument("--sizes", default="2,8", help="long texts' sizes in MB")
    parser.add_argument("--old", metavar="REV", help="also run REV's analyze on the first size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-long-") as name:
        folder = Path(name)
        out = folder / "out.jsonl"
        runs = [analyze(ARTICLE, out) for _ in range(args.runs)]
        article = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        rate = article_rate(args.runs)
        print(
            f"{'default article':<22} {article['words']:>9,.0f} words "
            f"{article['seconds']:>7.1f}s wall {article['cpu_s']:>7.1f}s CPU "
            f"{article['peak_mb']:>6.0f} MB peak {rate:>6.0f} words/CPU s (prepare + JSON)",
            flush=True,
        )
        for position, size in enumerate(float(part) for part in args.sizes.split(",")):
            text = folder / f"news-{size:g}mb.txt"
            text.write_text(long_news(int(size * MB)), encoding="utf-8")
            figures = analyze(text, out)
            print(line(f"{size:g} MB", figures, article, rate), flush=True)
            if args.old and position == 0:
                old = analyze(text, out, reader_root=old_reader(args.old, folder))
                print(line(f"{size:g} MB, {args.old}", old, article, rate), flush=True)


if __name__ == "__main__":
    main()
