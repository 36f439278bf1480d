"""``arabic-reader --self-test`` from the source checkout, as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.reading import selftest


def test_self_test_passes_from_the_checkout(tmp_path: Path, real_db_path: Path) -> None:
    env = dict(os.environ, ARABIC_READER_HOME=str(tmp_path), HOME=str(tmp_path))
    env["ARABIC_READER_MORPH_DB"] = str(real_db_path)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must go headless by itself
    result = subprocess.run(
        [sys.executable, "-m", "reader.cli.main", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    checks = [line.split(":")[1].strip() for line in lines[:-1]]
    assert checks == [
        "database",
        "vowels",
        "analysis",
        "names",
        "web page",
        "vocabulary",
        "saving a word",
        "window",
    ]
    assert all(": ok: " in line for line in lines[:-1])
    assert "وَزِير (minister) saved from a sentence" in result.stdout
    assert lines[-1] == "self-test: all 8 checks passed"


def test_the_names_check_reads_every_source_offline() -> None:
    summary = selftest.check_names()
    assert "Colorado" in summary and "offline" in summary


def test_the_vowel_check_runs_with_the_network_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real check, whose vocalising must happen with every connection refused."""
    import socket

    from reader.morphology.vowels.diacritizer import Diacritizer

    connect = socket.socket.connect
    vocalize_words = Diacritizer.vocalize_words
    refused_while_vocalising: list[bool] = []

    def watched(self, words):
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except selftest.SelfTestFailure:
            refused_while_vocalising.append(True)
        except OSError:  # a real attempt, refused by the machine, not by the guard
            refused_while_vocalising.append(False)
        return vocalize_words(self, words)

    monkeypatch.setattr(Diacritizer, "vocalize_words", watched)
    summary = selftest.check_vowels()
    assert refused_while_vocalising == [True]
    assert "offline" in summary and "vocalised" in summary
    assert socket.socket.connect is connect  # restored afterwards


def test_without_a_database_the_self_test_says_so_and_fails(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.morphology.database import camel_env

    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", None)
    monkeypatch.setenv("HOME", str(data_home))
    lines: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            lines.extend(part for part in text.splitlines() if part)

        def flush(self) -> None:
            pass

    report = selftest.Report(Out())  # type: ignore[arg-type]
    report.check("database", selftest.check_database)
    report.check("vocabulary", selftest.check_store)
    assert report.finish() == 1
    assert lines[0].startswith("self-test: database: FAILED: ")
    assert "arabic-reader data install" in lines[0]
    assert lines[1].startswith("self-test: vocabulary: ok: ")
    assert lines[-1] == "self-test: 1 of 2 checks failed"
