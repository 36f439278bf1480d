"""The core stands on its own: no Qt in reader.text, reader.morphology, reader.store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = ("text", "morphology", "store")


def test_core_sources_never_import_qt() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for package in CORE
        for path in (REPO / "reader" / package).rglob("*.py")
        if re.search(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt)", path.read_text(), re.M)
    ]
    assert offenders == []


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, reader.text, reader.morphology.analyzer, reader.store, reader.cli;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
