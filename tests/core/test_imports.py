"""The modules of reader/ import one another without cycles, and importing one has no effects.

The import graph is read from the sources with ``ast``: every ``import`` and
``from ... import`` counts, at module level, inside a function, or under
``if TYPE_CHECKING:`` (a cycle a type annotation hides is still two modules
that each need the other). Alembic's migration scripts are not modules of the
package (Alembic loads them by path) and are left out.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Edges of the window's cycles: the UI helpers import MainWindow to annotate
# the window they are given. They go when the helpers receive a session and
# their widgets instead (issue 10, item 1); empty this set then. An edge listed
# here that no longer exists fails the test, so the list can only shrink.
KNOWN_WINDOW_TYPING_IMPORTS: frozenset[tuple[str, str]] = frozenset()


def package_modules(root: Path, package: str = "reader") -> dict[str, Path]:
    """Module name -> source file, for every module reachable as a package member."""
    modules: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        folder = path.parent
        parts = list(path.relative_to(root).with_suffix("").parts)
        # Only folders that are packages all the way down hold importable modules.
        if any(
            not (p / "__init__.py").is_file() for p in [folder, *folder.parents][: len(parts) - 1]
        ):
            continue
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imported(node: ast.AST, module: str, is_package: bool, modules: set[str]) -> set[str]:
    """The package's modules an import statement needs.

    ``from X import a`` needs the module ``X.a`` when there is one, else ``X``
    itself (the package whose attribute ``a`` is).
    """
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & modules
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:
        here = module.split(".") if is_package else module.split(".")[:-1]
        base_parts = here[: len(here) - node.level + 1]
        base = ".".join(base_parts + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    needed = {
        f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
        for alias in node.names
    }
    return needed & modules


def import_graph(root: Path, package: str = "reader") -> dict[str, set[str]]:
    """Each module -> the package's modules it imports, anywhere in its source."""
    modules = package_modules(root, package)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        names = set(modules)
        found = set().union(
            *(_imported(node, module, is_package, names) for node in ast.walk(tree))
        )
        graph[module] = found - {module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_reader_has_no_import_cycles() -> None:
    graph = import_graph(REPO)
    stale = sorted(edge for edge in KNOWN_WINDOW_TYPING_IMPORTS if edge[1] not in graph[edge[0]])
    assert stale == [], "these imports are gone: remove them from KNOWN_WINDOW_TYPING_IMPORTS"
    for source, target in KNOWN_WINDOW_TYPING_IMPORTS:
        graph[source].discard(target)
    assert cycles(graph) == []


def test_the_graph_sees_cycles_behind_type_checking_and_in_functions(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n"
    )
    (package / "b.py").write_text("def f():\n    from . import a\n")
    (package / "sub" / "c.py").write_text("from ..sub import d\n")
    (package / "sub" / "d.py").write_text("import pkg.sub.c\n")
    (package / "e.py").write_text("from pkg import a\n")
    (tmp_path / "loose").mkdir()  # not a package: not modules of pkg
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.b"], ["pkg.sub.c", "pkg.sub.d"]]


# Imports the modules named, one after another, and after each says what the
# environment and the home folder gained since the interpreter started.
_PROBE = """
import importlib, json, os, sys
from pathlib import Path
home = Path(os.environ["HOME"])
before = dict(os.environ)
for module in sys.argv[1:]:
    importlib.import_module(module)
    now = dict(os.environ)
    changed = {k: now.get(k) for k in set(before) | set(now) if before.get(k) != now.get(k)}
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    print(json.dumps([module, changed, written]), flush=True)
"""


def _written(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _import_in_fresh_interpreter(modules: list[str], home: Path) -> dict[str, object]:
    """Module -> (variables changed, files in the home) after its import; or its error."""
    (home / "data").mkdir(parents=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ARABIC_READER", "XDG_", "CAMELTOOLS"))
    }
    env.update(HOME=str(home), ARABIC_READER_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules], capture_output=True, text=True, env=env, cwd=REPO
    )
    found: dict[str, object] = {}
    for line in result.stdout.splitlines():
        module, changed, written = json.loads(line)
        found[module] = (changed, written)
    if result.returncode != 0:
        found["(failed)"] = result.stderr.strip().splitlines()[-1:]
    return found


def test_importing_any_reader_module_writes_nothing_and_sets_no_variable(tmp_path: Path) -> None:
    """Each core module alone in a fresh interpreter whose home and data folder are empty.

    The Qt modules share one interpreter (importing Qt costs a second each),
    checked after each import, so the first one with an effect is named.
    """
    modules = sorted(package_modules(REPO))
    window = [module for module in modules if module.startswith("reader.ui")]
    batches = [[module] for module in modules if module not in window] + [window]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        runs = pool.map(
            lambda batch: _import_in_fresh_interpreter(batch, tmp_path / batch[0]), batches
        )
        effects = {module: effect for run in runs for module, effect in run.items()}
    assert sorted(effects) == modules  # every module imported, none failed
    # "data" is the empty folder made for ARABIC_READER_HOME.
    assert {module: e for module, e in effects.items() if e != ({}, ["data"])} == {}


def test_the_first_camel_tools_import_still_points_at_our_data(tmp_path: Path) -> None:
    """Importing reader.morphology writes nothing; camel-tools imported after it uses our data."""
    code = (
        "import os, reader.morphology\n"
        "assert 'CAMELTOOLS_DATA' not in os.environ\n"
        "from camel_tools.morphology.database import MorphologyDB\n"
        "import camel_tools.data.catalogue as c\n"
        "print(os.environ['CAMELTOOLS_DATA']); print(c.CT_DATA_DIR)\n"
    )
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARABIC_READER", "CAMELTOOLS"))}
    env.update(HOME=str(home), ARABIC_READER_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    ours = tmp_path / "data" / "camel_tools"
    assert result.stdout.split() == [str(ours), str(ours)]
    assert (ours / "catalogue.json").is_file()
    assert _written(home) == []  # no ~/.camel_tools


def test_every_command_is_registered() -> None:
    from reader.cli.main import SUBCOMMANDS, build_parser

    parser = build_parser()
    (commands,) = (a for a in parser._actions if a.dest == "command")
    assert sorted(commands.choices) == sorted(SUBCOMMANDS)


def test_a_command_module_that_cannot_be_imported_is_an_error_not_a_missing_command() -> None:
    """``vocab`` and ``backup`` once vanished silently when their module failed to import."""
    code = "import sys\nsys.modules['reader.cli.vocab'] = None\nimport reader.cli.main\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode != 0
    assert "ModuleNotFoundError" in result.stderr and "reader.cli.vocab" in result.stderr
