"""Running the command line in tests: in this process through ``reader.cli.main.main``, or as
real processes where a separate process is the point (the installed entry point, a
first run without network, two processes writing at once).

Both give the exit status, stdout and stderr under the same names, and both run
with a private ``ARABIC_READER_HOME`` and ``HOME`` (no stray ``~/.camel_tools``),
a package index that cannot be reached, and no ``ARABIC_READER_MORPH_DB`` unless
``db`` names one.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

UNREACHABLE_INDEX = "http://127.0.0.1:9/simple"
DB_ENV = "ARABIC_READER_MORPH_DB"


def cli_environment(home: Path, db: Path | None = None) -> dict[str, str | None]:
    """The variables a CLI run sees, over the test process's own; None removes one."""
    return {
        "ARABIC_READER_HOME": str(home),
        "HOME": str(home),
        "PIP_INDEX_URL": UNREACHABLE_INDEX,
        DB_ENV: str(db) if db is not None else None,
    }


@dataclass
class Outcome:
    """What a run of ``main(argv)`` gave, named as ``subprocess.CompletedProcess`` names it."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str, home: Path, db: Path | None = None) -> Outcome:
    """``reader.cli.main.main(args)`` in this process, its output captured."""
    from reader.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in cli_environment(home, db).items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    return Outcome(list(args), code, out.getvalue(), err.getvalue())


def _process_env(home: Path, db: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in cli_environment(home, db).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


Job = tuple[Sequence[str], Path, Path | None]  # arguments, data home, morphology db


def run_processes(
    jobs: Sequence[Job], *, command: Sequence[str] | None = None
) -> list[subprocess.CompletedProcess]:
    """Real CLI processes, side by side; ``command`` defaults to ``python -m reader.cli.main``."""
    program = list(command or [sys.executable, "-m", "reader.cli.main"])
    running = [
        (
            list(args),
            subprocess.Popen(
                [*program, *args],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=_process_env(home, db),
            ),
        )
        for args, home, db in jobs
    ]
    results = []
    for args, process in running:
        stdout, stderr = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(args, process.returncode, stdout, stderr))
    return results


def run_process(*args: str, home: Path, db: Path | None = None) -> subprocess.CompletedProcess:
    return run_processes([(args, home, db)])[0]


def assert_one_sentence_error(result: Outcome | subprocess.CompletedProcess) -> None:
    """Exit status 1 and one line on stderr, the CLI's prefix first, no traceback."""
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("arabic-reader: "), result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
