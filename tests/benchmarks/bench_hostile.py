"""Hostile inputs beside normal news of the same size, measured in one run.

For a 19.9 MB file that is one paragraph (the news article repeated, its line
breaks gone) and for a 100,000-character line without a space, and beside each
the same article repeated to the same size with its paragraphs: the time and
peak memory of ``analyze --json``, and the window's longest GUI stall while it
shows and analyses the text (until everything is laid out, analysed and
marked), with its peak memory; that stall is also split into the one before
the analysis is in the window and the one from its arrival on (marks, known
share, vowels), where a whole-document pass on the GUI thread would show.
``BENCH_HIGHLIGHT_NEW=1`` turns on Highlight New Words: every word is then
marked. Each figure is the median of ``--runs`` runs, each in a fresh
process; ratios hostile / normal. No pass or fail: figures.

``--only loading``: small files that once cost far more than their size (40
comments in 462 bytes, unclosed scripts in a misdeclared page, a run of marks,
a page of bare tags, one NUL byte) and a long text with an emoji in every
paragraph laid out for the window, each beside a plain file of the same size:
CPU time of reading it (``load_document``) in this process, medians of runs.

    uv run python tests/benchmarks/bench_hostile.py [--runs 3] [--only line] [--window-only]

Uses the installed dictionary (or ARABIC_READER_HOME's), offscreen Qt.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "resources" / "articles" / "kerry-moscow.txt"
FILE_BYTES = 19_900_000
LINE_CHARS = 100_000
# The window is watched this long at most: laying out 20 MB in the Amiri face
# takes longer, and the figures say how much was laid out by then.
WINDOW_SECONDS = float(os.environ.get("BENCH_WINDOW_SECONDS", "240"))


def _news(size_bytes: int) -> str:
    """The bundled article repeated with its paragraphs, to about ``size_bytes`` of UTF-8."""
    article = ARTICLE.read_text(encoding="utf-8").strip()
    repeats = max(1, size_bytes // len(article.encode("utf-8")))
    return "\n\n".join([article] * repeats)


def inputs(folder: Path, only: str | None) -> list[tuple[str, Path, Path]]:
    """(name, hostile file, normal file of the same size)."""
    cases = []
    if only in (None, "file"):
        news = _news(FILE_BYTES)
        hostile = folder / "one-paragraph-20mb.txt"
        hostile.write_text(" ".join(news.split()), encoding="utf-8")
        normal = folder / "news-20mb.txt"
        normal.write_text(news, encoding="utf-8")
        cases.append(("19.9 MB file in one paragraph", hostile, normal))
    if only in (None, "line"):
        letters = "".join(
            ch for ch in ARTICLE.read_text(encoding="utf-8") if "\u0621" <= ch <= "\u064a"
        )
        line = (letters * (LINE_CHARS // len(letters) + 1))[:LINE_CHARS]
        hostile = folder / "unbroken-line.txt"
        hostile.write_text(line + "\n", encoding="utf-8")
        normal = folder / "news-100k.txt"
        news = _news(len(line.encode("utf-8")))
        normal.write_text(news, encoding="utf-8")
        cases.append(("100k-character line without a space", hostile, normal))
    return cases


def _plain_page(size_bytes: int) -> str:
    lines = [line for line in _news(size_bytes).splitlines() if line.strip()]
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    return _cut(page, size_bytes)


def _cut(text: str, size_bytes: int) -> str:
    return text.encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")


def _misdeclared_scripts(size_bytes: int) -> bytes:
    """Arabic in Windows-1256 under a page that says windows-1252, after unclosed <script>s."""
    article = ARTICLE.read_text(encoding="utf-8")[:2000]
    head = b'<html><head><meta charset="windows-1252"></head><body>'
    tail = f"<p>{article}</p></body></html>".encode("cp1256", errors="ignore")
    return head + b"<script>" * ((size_bytes - len(head) - len(tail)) // 8) + tail


def loading_inputs(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, hostile file, plain file of the same size and kind) for reading alone."""
    cases: list[tuple[str, bytes, bytes, str]] = []
    comments = ("<!-- c -->\n" * 40 + "خبر عاجل من موسكو\n").encode()
    cases.append(
        ("40 comments, no suffix", comments, _cut(_news(1000), len(comments)).encode(), "")
    )
    scripts = _misdeclared_scripts(256 * 1024)
    plain_page = _plain_page(len(scripts)).encode()
    cases.append(("unclosed <script>s, misdeclared page", scripts, plain_page, ".html"))
    marks = ("خبر " + "\u064e\u064b" * (128 * 1024)).encode()
    cases.append(
        ("a run of 256K marks", marks, _cut(_news(len(marks)), len(marks)).encode(), ".txt")
    )
    tags = ("<html><body><p>خبر عاجل</p>" + "<p>" * (170 * 1024)).encode()
    cases.append(("a page of bare <p> tags", tags, _plain_page(len(tags)).encode(), ".html"))
    news = _cut(_news(95 * 1024), 95 * 1024).encode()
    cut = news.index(b" ", len(news) // 2)
    cases.append(("one NUL byte in 95 KB", news[:cut] + b"\x00" + news[cut:], news, ".txt"))
    made = []
    for number, (name, hostile, plain, suffix) in enumerate(cases):
        hostile_path = folder / f"hostile-{number}{suffix}"
        plain_path = folder / f"plain-{number}{suffix}"
        hostile_path.write_bytes(hostile)
        plain_path.write_bytes(plain)
        made.append((name, hostile_path, plain_path))
    return made


def _cpu_median(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return statistics.median(times)


def loading(folder: Path, runs: int) -> None:
    """Reading each hostile file beside a plain one, and laying out emoji beside none."""
    from reader.text import DocumentError, document_from_text, load_document
    from reader.ui.article.layout import TokenRanges, display_blocks

    def read(path: Path):
        try:
            return load_document(path)
        except DocumentError as error:
            return error

    print(f"reading a file: CPU time, medians of {runs} run(s), beside a plain file\n")
    print(f"  {'input':<38}{'size':>8}{'hostile':>10}{'plain':>10}{'ratio':>8}")
    for name, hostile, plain in loading_inputs(folder):
        read(hostile), read(plain)  # imports (trafilatura: a second) before timing
        outcome = read(hostile)
        hostile_s = _cpu_median(lambda path=hostile: read(path), runs)
        plain_s = _cpu_median(lambda path=plain: read(path), runs)
        size = hostile.stat().st_size
        print(
            f"  {name:<38}{size / 1024:>6.1f}KB{hostile_s * 1000:>8.1f}ms{plain_s * 1000:>8.1f}ms"
            f"{hostile_s / plain_s:>7.2f}x"
            + (f"  ({type(outcome).__name__})" if isinstance(outcome, DocumentError) else "")
        )
    news = _news(5_000_000)
    with_emoji = "\n\n".join(line + " 😀🇸🇦" for line in news.split("\n\n"))
    for label, text in (("with an emoji per paragraph", with_emoji), ("plain", news)):
        document = document_from_text(text)

        def lay_out(document=document) -> None:
            for _block in display_blocks(document, {}, TokenRanges(len(document.tokens))):
                pass

        print(
            f"  laying out 5 MB for the window, {label:<28}"
            f"{_cpu_median(lay_out, runs) * 1000:>8.0f}ms"
        )
    print()


def _run(command: list[str], *, stdout) -> tuple[float, float, float, str]:
    """Wall time (s), CPU time (s), peak RSS (MB) of the child, its standard error.

    CPU time as well as wall time: on a shared machine the wall clock also
    counts the time other programs had the cores.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    err = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def analyze(path: Path, out: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "reader.cli.main", "analyze", str(path), "--json"]
    with out.open("w", encoding="utf-8") as sink:
        seconds, cpu, peak, _ = _run(command, stdout=sink)
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": peak}


def window(path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--window-child", str(path)]
    _seconds, _cpu, peak, err = _run(command, stdout=subprocess.DEVNULL)
    figures = json.loads(err.strip().splitlines()[-1])
    figures["peak_mb"] = peak
    return figures


def window_child(path: Path) -> None:
    """In a fresh process: show ``path`` in the window, report stalls as JSON on stderr."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.morphology.analyzer import Morphology
    from reader.system.settings import Settings
    from reader.text import load_document
    from reader.ui.base import fonts
    from reader.ui.base.tasks import TaskManager
    from reader.ui.window.main_window import MainWindow

    qt = QApplication.instance() or QApplication([])
    fonts.register_fonts()
    morphology = Morphology.load()
    home = tempfile.mkdtemp(prefix="bench-hostile-")
    os.environ["ARABIC_READER_HOME"] = home  # the vocabulary: a fresh one, never yours
    tasks = TaskManager()
    settings = Settings()
    settings.set("highlight_new_words", os.environ.get("BENCH_HIGHLIGHT_NEW") == "1")
    main = MainWindow(settings, tasks=tasks, morphology=morphology)
    main.save_settings_on_close = False
    main.resize(1280, 820)
    main.show()
    main.start_dictionary()
    started = time.perf_counter()
    while main.dictionary_state != "ready" and time.perf_counter() - started < 60:
        qt.processEvents()
        time.sleep(0.001)
    document = load_document(path)

    gaps: list[float] = []
    # The longest gap in each phase: before the analysis is in the window, from
    # the turn that ran its arrival on (marks, known share, vowels), and from
    # the arrival of the vowels in context (if they come within the watch).
    phase_gaps = {"before": 0.0, "after_analysis": 0.0, "after_vowels": 0.0}
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def phase() -> str:
        analysis = main.analysis
        if analysis is None or analysis.document is not document:
            return "before"
        return "after_vowels" if analysis.vocalizations else "after_analysis"

    def tick() -> None:
        now = clock.nsecsElapsed()
        gap = (now - last[0]) / 1e6
        gaps.append(gap)
        last[0] = now
        name = phase()
        phase_gaps[name] = max(phase_gaps[name], gap)

    # The longest collection of the cyclic garbage collector (on any thread: it
    # holds the GIL throughout, so the GUI thread waits for it too).
    collections = {"started": 0.0, "longest_ms": 0.0, "generation": -1}

    def collector(phase_name: str, info: dict) -> None:
        if phase_name == "start":
            collections["started"] = time.perf_counter()
            return
        took = (time.perf_counter() - collections["started"]) * 1000
        if took > collections["longest_ms"]:
            collections["longest_ms"], collections["generation"] = took, info["generation"]

    gc.callbacks.append(collector)
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    qt.processEvents()
    started = time.perf_counter()
    last[0] = clock.nsecsElapsed()
    main.show_document(document)  # builds the view (in batches) and starts the analysis
    tick()
    show_ms = gaps[-1]
    laid_out = analysed = None
    view = main.view
    while time.perf_counter() - started < WINDOW_SECONDS:
        qt.processEvents()
        now = time.perf_counter() - started
        if laid_out is None and not view.building():
            laid_out = now
        if analysed is None and main.analysis is not None and main.analysis.document is document:
            analysed = now
        # The marks may still be worked out on the worker, or written in batches.
        busy = getattr(main.words, "marks_busy", lambda: False)
        if (
            laid_out is not None
            and analysed is not None
            and not view.marks_pending()
            and not busy()
        ):
            break
        time.sleep(0.0005)
    # A little longer: the turn that ran the last arrival is counted by the next tick.
    settled = time.perf_counter()
    while time.perf_counter() - settled < 0.5:
        qt.processEvents()
        time.sleep(0.0005)
    timer.stop()
    tasks.shutdown()
    figures = {
        "stall_ms": max(gaps),
        "stall_before_analysis_ms": phase_gaps["before"],
        "stall_after_analysis_ms": phase_gaps["after_analysis"],
        "stall_after_vowels_ms": phase_gaps["after_vowels"],
        "vocalised": phase() == "after_vowels",
        "gc_longest_ms": collections["longest_ms"],
        "gc_generation": collections["generation"],
        "show_ms": show_ms,
        "laid_out_s": laid_out if laid_out is not None else float("nan"),
        "analysed_s": analysed if analysed is not None else float("nan"),
        "done_s": time.perf_counter() - started,
        "tokens": len(document.tokens),
        "laid_out_share": view._built / max(1, len(document.tokens)),
        "analysed": analysed is not None,
    }
    main.close()
    print(json.dumps(figures), file=sys.stderr)


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs) if runs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("file", "line", "loading"))
    parser.add_argument("--window-child", type=Path)
    parser.add_argument(
        "--window-only", action="store_true", help="skip analyze --json (the window figures only)"
    )
    args = parser.parse_args()
    if args.window_child:
        window_child(args.window_child)
        return
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as temp:
        folder = Path(temp)
        if args.only in (None, "loading"):
            loading(folder, args.runs)
            if args.only:
                return
        rows = []
        for name, hostile, normal in inputs(folder, args.only):
            figures = {}
            for label, path in (("hostile", hostile), ("normal", normal)):
                runs_a = (
                    []
                    if args.window_only
                    else [analyze(path, folder / "out.jsonl") for _ in range(args.runs)]
                )
                runs_w = [window(path) for _ in range(args.runs)]
                figures[label] = {
                    "analyze_s": _median(runs_a, "seconds"),
                    "analyze_cpu_s": _median(runs_a, "cpu_s"),
                    "analyze_mb": _median(runs_a, "peak_mb"),
                    "stall_ms": _median(runs_w, "stall_ms"),
                    "show_ms": _median(runs_w, "show_ms"),
                    "gc_ms": _median(runs_w, "gc_longest_ms"),
                    "stall_before_ms": _median(runs_w, "stall_before_analysis_ms"),
                    "stall_after_ms": _median(runs_w, "stall_after_analysis_ms"),
                    "stall_vowels_ms": _median(runs_w, "stall_after_vowels_ms"),
                    "window_vocalised": all(run["vocalised"] for run in runs_w),
                    "laid_out_s": _median(runs_w, "laid_out_s"),
                    "window_done_s": _median(runs_w, "done_s"),
                    "window_mb": _median(runs_w, "peak_mb"),
                    "laid_out_share": _median(runs_w, "laid_out_share"),
                    "window_analysed": all(run["analysed"] for run in runs_w),
                }
            rows.append((name, hostile.stat().st_size, figures))
        report(rows, args.runs)


def report(rows, runs: int) -> None:
    measures = (
        ("analyze --json, wall time", "analyze_s", "{:.1f} s"),
        ("analyze --json, CPU time", "analyze_cpu_s", "{:.1f} s"),
        ("analyze --json, peak memory", "analyze_mb", "{:.0f} MB"),
        ("window, longest GUI stall", "stall_ms", "{:.0f} ms"),
        ("  before the analysis is in", "stall_before_ms", "{:.0f} ms"),
        ("    of which show_document", "show_ms", "{:.0f} ms"),
        ("  once the analysis is in", "stall_after_ms", "{:.0f} ms"),
        ("  once the vowels are in", "stall_vowels_ms", "{:.0f} ms"),
        ("  longest garbage collection", "gc_ms", "{:.0f} ms"),
        ("window, all laid out after", "laid_out_s", "{:.1f} s"),
        ("window, analysed and marked after", "window_done_s", "{:.1f} s"),
        ("window, peak memory", "window_mb", "{:.0f} MB"),
        ("window, share laid out when watched", "laid_out_share", "{:.0%}"),
    )
    print(f"medians of {runs} run(s); each hostile input beside normal news of the same size\n")
    for name, size, figures in rows:
        print(f"{name} ({size / 1e6:.1f} MB)")
        print(f"  {'measure':<36}{'hostile':>10}{'normal':>10}{'ratio':>8}")
        for label, key, fmt in measures:
            hostile, normal = figures["hostile"][key], figures["normal"][key]
            ratio = hostile / normal if normal else float("nan")
            print(f"  {label:<36}{fmt.format(hostile):>10}{fmt.format(normal):>10}{ratio:>7.2f}x")
        for label in ("hostile", "normal"):
            if not figures[label]["window_vocalised"]:
                print(f"  ({label}: the vowels in context did not come within the watch)")
            if not figures[label]["window_analysed"]:
                print(
                    f"  ({label}: the window's analysis was not done within {WINDOW_SECONDS:.0f} s)"
                )
        print()


if __name__ == "__main__":
    main()
