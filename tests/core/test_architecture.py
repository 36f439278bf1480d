"""The layers of ``reader/``, stated once: every import points down, no Qt in the core.

A layer is a folder (or, inside ``morphology`` and ``ui``, a sub-folder); the
tests read every module's imports, at the top and inside functions alike, so a
new module is checked by where it lives, never by a list of file names.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "reader"

# Bottom first: a layer imports only itself and the layers before it.
LAYERS = ("system", "text", "morphology", "store", "reading", "ui", "cli")
# Inside morphology and ui, the same rule between their own parts ("" is the
# package's __init__). Parts at one level may not import each other.
SUB_LAYERS = {
    "morphology": (
        ("", "errors", "database"),
        ("records", "evidence"),
        ("english", "english_tables"),
        ("vowels",),
        ("names",),
        ("build", "citation", "ranking"),
        ("roots",),
        ("document",),
        ("analyzer",),
        ("verbs",),
    ),
    "ui": (("", "base"), ("article",), ("word",), ("vocabulary",), ("window",)),
}
CORE = LAYERS[: LAYERS.index("ui")]  # no Qt below the ui
_QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _module_of(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, at any depth of the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _rank(parts: tuple[str, ...]) -> tuple[int, int]:
    """Where a module of ``reader`` stands: its layer, then its part inside it."""
    layer = LAYERS.index(parts[0]) if parts and parts[0] in LAYERS else -1
    inner = 0
    if parts and parts[0] in SUB_LAYERS:
        part = parts[1] if len(parts) > 1 else ""
        for level, members in enumerate(SUB_LAYERS[parts[0]]):
            if part in members:
                inner = level
                break
        else:
            raise AssertionError(f"reader.{'.'.join(parts)} is in no part of {parts[0]}'s layers")
    return layer, inner


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer() -> None:
    strays = [
        str(path.relative_to(REPO))
        for path in _modules()
        if _module_of(path) and _module_of(path)[0] not in LAYERS
    ]
    assert strays == [], "modules at reader/'s root or in no layer folder"


def test_every_import_points_down() -> None:
    upward = []
    for path in _modules():
        mine = _module_of(path)
        if not mine:
            continue
        for name in _imports(path):
            parts = tuple(name.split("."))
            if parts[0] != "reader" or len(parts) < 2 or parts[1] not in LAYERS:
                continue
            theirs = parts[1:]
            if theirs[0] in SUB_LAYERS and len(theirs) > 1:
                candidate = PACKAGE.joinpath(*theirs[:2])
                if not (candidate.is_dir() or candidate.with_suffix(".py").is_file()):
                    theirs = theirs[:1]  # `from reader.ui import x` of a package's own name
            if _rank(theirs) > _rank(mine):
                upward.append(f"{'.'.join(mine)} imports {name}")
    assert sorted(set(upward)) == []


def test_the_layer_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The rule above is not vacuous: the store importing the reading core is caught."""
    assert _rank(("store", "words")) < _rank(("reading", "session"))
    assert _rank(("morphology", "names", "sources")) < _rank(("morphology", "analyzer"))
    assert _rank(("ui", "article", "view")) < _rank(("ui", "window", "main_window"))
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from reader.reading.session import ReadingSession\n")
    assert "reader.reading.session" in _imports(module)


def test_the_core_never_imports_qt() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in _modules()
        if _module_of(path)
        and _module_of(path)[0] in CORE
        and any(name.split(".")[0] in _QT for name in _imports(path))
    ]
    assert offenders == []


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, reader.text, reader.morphology.analyzer, reader.store, reader.cli.main,"
        " reader.reading.session, reader.reading.prepare, reader.reading.save;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


def test_no_ui_helper_is_given_the_main_window() -> None:
    """A helper gets the session and its widgets; only the app builds the window."""
    window = PACKAGE / "ui" / "window"
    offenders = [
        str(path.relative_to(REPO))
        for path in (PACKAGE / "ui").rglob("*.py")
        if path not in (window / "main_window.py", window / "app.py")
        and any(
            name.startswith("reader.") and name.endswith(("MainWindow", "main_window"))
            for name in _imports(path)
        )
    ]
    assert offenders == []


def test_no_module_is_over_the_size_a_reader_keeps_in_mind() -> None:
    """About 500 lines: past that a module is asking to be split along a seam."""
    long = {
        str(path.relative_to(REPO)): lines
        for path in _modules()
        if (lines := len(path.read_text().splitlines())) > 550
    }
    assert long == {}


def test_the_window_module_loads_no_sqlalchemy() -> None:
    """SQLAlchemy's import alone takes a second or more: the vocabulary opens after the
    article is painted, so nothing on the way to the window may import it."""
    code = (
        "import sys, reader.ui.window.app, reader.ui.window.main_window;"
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
