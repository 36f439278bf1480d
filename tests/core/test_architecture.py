"""The core stands on its own: no Qt in reader.text, reader.morphology, reader.store."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = ("text", "morphology", "store")
# The reading session and what it is made of: plain Python, as the core.
SESSION_MODULES = ("session.py", "shown_forms.py", "article_keys.py", "readings.py")
_QT_IMPORT = r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt)"


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
        "import sys, reader.text, reader.morphology.analyzer, reader.store, reader.cli,"
        " reader.session;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


def test_the_reading_session_never_imports_qt() -> None:
    offenders = [
        name
        for name in SESSION_MODULES
        if re.search(_QT_IMPORT, (REPO / "reader" / name).read_text(), re.M)
        or re.search(
            r"^\s*(from|import)\s+reader\.ui\b", (REPO / "reader" / name).read_text(), re.M
        )
    ]
    assert offenders == []


def test_no_ui_helper_is_given_the_main_window() -> None:
    """A helper gets the session and its widgets; only the app builds the window."""
    offenders = [
        path.name
        for path in (REPO / "reader" / "ui").glob("*.py")
        if path.name not in ("main_window.py", "app.py")
        and re.search(r"\bMainWindow\b|reader\.ui\.main_window", path.read_text())
    ]
    assert offenders == []


def test_the_window_module_loads_no_sqlalchemy() -> None:
    """SQLAlchemy's import alone takes a second or more: the vocabulary opens after the
    article is painted, so nothing on the way to the window may import it."""
    code = (
        "import sys, reader.ui.app, reader.ui.main_window;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == "[]"
