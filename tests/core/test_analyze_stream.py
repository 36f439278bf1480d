"""``analyze`` on a long text: prepared and written a window of paragraphs at a time
(reader.reading.stream), on the real database, the real analyzer and vowel model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.reading import stream
from reader.text.loading import load_cleaned
from tests.core.cli_runs import cli_environment, run_main
from tests.core.long_news import ARTICLE, REPO, long_news

# Small windows, so that a text of a few articles is several windows.
SMALL_WINDOW = 3_000
ARTICLE_BYTES = len(ARTICLE.read_bytes())


def _lines(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_multi_window_text_is_the_concatenation_of_its_windows(
    tmp_path: Path, real_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each window's lines are those of ``analyze`` on that window's paragraphs alone,
    their offsets (and a name's tokens) moved to where the window is in the whole."""
    from reader.text import load_document

    whole = tmp_path / "long.txt"
    whole.write_text(long_news(15_000, seed=3), encoding="utf-8")
    monkeypatch.setattr(stream, "WINDOW_CHARS", SMALL_WINDOW)
    streamed = _lines(run_main("analyze", str(whole), "--json", home=tmp_path, db=real_db_path))
    monkeypatch.undo()

    paragraphs = load_cleaned(whole).paragraphs
    windows = list(stream.paragraph_windows(paragraphs, SMALL_WINDOW))
    assert len(windows) >= 3
    expected: list[dict] = []
    start = first_token = 0
    for number, indices in enumerate(windows):
        part = tmp_path / f"window-{number}.txt"
        text = "\n".join(paragraphs[indices.start : indices.stop])
        part.write_text(text, encoding="utf-8")
        lines = _lines(run_main("analyze", str(part), "--json", home=tmp_path, db=real_db_path))
        for line in lines:
            line["start"] += start
            line["end"] += start
            if "name" in line:
                line["name"]["start"] += first_token
                line["name"]["end"] += first_token
        expected.extend(lines)
        start += len(text) + 1
        first_token += len(lines)
    assert streamed == expected
    assert any("name" in line for line in streamed[len(streamed) // 2 :])
    # The offsets are the whole text's, as for an article.
    document = load_document(whole)
    assert [(line["start"], line["end"]) for line in streamed] == [
        (token.start, token.end) for token in document.tokens
    ]


def test_a_multi_window_table_has_one_title_header_and_total(
    tmp_path: Path, real_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.text import load_document

    whole = tmp_path / "long.txt"
    whole.write_text(long_news(10_000, seed=4), encoding="utf-8")
    monkeypatch.setattr(stream, "WINDOW_CHARS", SMALL_WINDOW)
    result = run_main("analyze", str(whole), home=tmp_path, db=real_db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    document = load_document(whole)
    assert lines[0] == document.title
    assert sum(line.split()[:2] == ["word", "vocalised"] for line in lines) == 1
    arabic = sum(token.kind == "arabic" for token in document.tokens)
    assert lines[-1].endswith(f" of {arabic} Arabic words found in the dictionary.")
    assert len(lines) == arabic + 5  # title, blank, header, a row a word, blank, total


# In a fresh process: the models loaded and the article's words analysed once
# (the caches a long text of repeats fills anyway), then Python's peak memory
# while ``analyze --json``'s loop (cmd_analyze's, after its loading) runs, in
# bytes, on standard error.
_PEAK = """
import sys, tracemalloc
sys.path.insert(0, {root!r})
from reader.cli.main import write_json
from reader.cli.support import morphology_setting
from reader.morphology.analyzer import Morphology
from reader.reading.prepare import prepare
from reader.reading.stream import prepare_in_windows
from reader.text import load_document
from reader.text.loading import load_cleaned
morphology = Morphology.load(setting=morphology_setting())
prepare(load_document({article!r}), morphology)
morphology.roots  # the root index, built once for the radicals
tracemalloc.start()
for window in prepare_in_windows(load_cleaned({path!r}), morphology, window_chars={window}):
    write_json(window, morphology, sys.stdout)
print(tracemalloc.get_traced_memory()[1], file=sys.stderr)
"""


def _peak(path: Path, window: int, tmp_path: Path, db: Path) -> int:
    """Python's peak memory while ``analyze --json`` runs on ``path``, in a fresh process."""
    env = {**os.environ}
    for name, value in cli_environment(tmp_path / "home", db).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    code = _PEAK.format(root=str(REPO), window=window, path=str(path), article=str(ARTICLE))
    with (tmp_path / f"{path.stem}.jsonl").open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-c", code], stdout=out, stderr=subprocess.PIPE, text=True, env=env
        )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.split()[-1])


def test_peak_memory_does_not_grow_with_the_number_of_windows(
    tmp_path: Path, real_db_path: Path
) -> None:
    """Four windows' text needs no more memory than two windows' (prepared as one
    document, it needed about twice as much)."""
    (tmp_path / "home").mkdir()
    peaks = {}
    for articles, windows in ((2, 2), (4, 4)):
        path = tmp_path / f"news-{articles}.txt"
        path.write_text(long_news(articles * ARTICLE_BYTES), encoding="utf-8")
        paragraphs = load_cleaned(path).paragraphs
        assert len(list(stream.paragraph_windows(paragraphs, SMALL_WINDOW))) == windows
        peaks[windows] = _peak(path, SMALL_WINDOW, tmp_path, real_db_path)
    assert peaks[4] / peaks[2] < 1.4, peaks
