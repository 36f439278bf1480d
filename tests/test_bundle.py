"""The desktop bundle, built as a release would be and run as a user would run it.

Marked ``bundle``: it builds dist/arabic-reader (2-4 minutes on two cores)
and is left out of the default run; CI runs it with ``uv run pytest -m bundle``.
ARABIC_READER_REUSE_BUNDLE=1 tests an existing dist/arabic-reader instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.morphology.database.locate import DB_FILE, LICENSE_FILE
from reader.morphology.vowels.diacritizer import MODEL, model_files

pytestmark = pytest.mark.bundle

REPO = Path(__file__).resolve().parents[1]
APP_ID = "io.github.arabic_reader.ArabicReader"
SIZE_LIMIT_MB = 350


@pytest.fixture(scope="module")
def bundle() -> Path:
    dist = REPO / "dist" / "arabic-reader"
    if not (os.environ.get("ARABIC_READER_REUSE_BUNDLE") and dist.is_dir()):
        result = subprocess.run(
            [str(REPO / "packaging" / "build.sh")],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        print(result.stdout.strip().splitlines()[-1])
    return dist


def user_env(home: Path) -> dict[str, str]:
    """A user with nothing installed, no display, and no network for the database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARABIC_READER", "XDG_"))}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must go headless by itself
    env.pop("CAMELTOOLS_DATA", None)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["HOME"] = str(home)
    env["PIP_INDEX_URL"] = "http://127.0.0.1:9/simple"  # a download attempt would fail
    return env


def run(args: list[str | Path], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(arg) for arg in args], capture_output=True, text=True, env=env, timeout=300
    )


def test_bundle_contents_and_size(bundle: Path) -> None:
    internal = bundle / "_internal"
    morphology = internal / "reader" / "resources" / "morphology"
    assert (morphology / DB_FILE).stat().st_size > 30_000_000
    assert "GNU GENERAL PUBLIC LICENSE" in (morphology / LICENSE_FILE).read_text()
    migrations = internal / "reader" / "store" / "migrations"
    assert (migrations / "script.py.mako").is_file()
    assert len(list((migrations / "versions").glob("*.py"))) >= 2
    assert (internal / "trafilatura" / "settings.cfg").is_file()
    assert list((internal / "camel_tools" / "utils" / "charmaps").glob("*.json"))
    # The vowel model and its vocabulary, and none of the other models in the wheel.
    models = internal / "text2tashkeel" / "models"
    assert sorted(path.name for path in models.iterdir()) == sorted(model_files(MODEL))
    assert list((internal / "onnxruntime" / "capi").glob("onnxruntime_pybind11_state*"))
    assert (internal / "onnxruntime" / "LICENSE").is_file()
    names = {path.name for path in internal.rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "QtQml.abi3.so", "_tkinter"):
        assert not any(name.startswith(unwanted) for name in names), unwanted
    # numpy's parts the model never uses (their extension modules are files here).
    for unwanted in ("random", "fft"):
        assert not (internal / "numpy" / unwanted).exists(), unwanted
    # lstat: PyInstaller links Qt libraries into the top level; count each file once.
    size_mb = sum(p.lstat().st_size for p in bundle.rglob("*")) / 2**20
    assert size_mb < SIZE_LIMIT_MB


def test_version_lists_app_camel_tools_database_qt_and_licences(
    bundle: Path, tmp_path: Path
) -> None:
    result = run([bundle / "arabic-reader", "--version"], user_env(tmp_path))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("arabic-reader 0.")
    for expected in ("camel-tools 1.6", "Qt 6.", "database ALMOR", "sha256 ", "Licences:"):
        assert expected in text


def test_self_test_passes_offline_with_the_bundled_database(bundle: Path, tmp_path: Path) -> None:
    result = run([bundle / "arabic-reader", "--self-test"], user_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "bundled with Arabic Reader" in lines[0]
    assert any(line.startswith(f"self-test: vowels: ok: {MODEL} offline") for line in lines)
    assert re.fullmatch(r"self-test: all \d+ checks passed", lines[-1]), lines[-1]


def test_model_files_are_what_text2tashkeel_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec bundles model_files(MODEL): exactly the files the model loads."""
    from text2tashkeel import _models

    opened: list[str] = []
    resolve = _models._model_path

    def recording(filename: str) -> str:
        opened.append(filename)
        return resolve(filename)

    monkeypatch.setattr(_models, "_model_path", recording)
    _models._REGISTRY[MODEL](None)  # builds the backend afresh, bypassing its cache
    assert sorted(set(opened)) == sorted(model_files(MODEL))


def test_install_for_a_user_then_uninstall(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    script = REPO / "packaging" / "install-linux.sh"
    installed = run([script, "--from", bundle], env)
    assert installed.returncode == 0, installed.stderr

    share = home / ".local" / "share"
    app = home / ".local" / "opt" / "arabic-reader" / "arabic-reader"
    launcher = home / ".local" / "bin" / "arabic-reader"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    icons = [share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in (48, 512)]
    assert launcher.resolve() == app.resolve()
    assert f'Exec="{app}" %f' in desktop.read_text().splitlines()
    assert metainfo.is_file() and all(icon.is_file() for icon in icons)
    installed_entry = tmp_path / "entry" / desktop.name  # validated last, if the tool is here
    installed_entry.parent.mkdir()
    shutil.copyfile(desktop, installed_entry)

    self_test = run([launcher, "--self-test"], env)
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr
    user_data = share / "arabic-reader"
    assert user_data.is_dir()  # the app's own data, beside but apart from the program

    removed = run([script, "--uninstall"], env)
    assert removed.returncode == 0, removed.stderr
    for path in (app.parent, launcher, desktop, metainfo, *icons):
        assert not path.exists() and not path.is_symlink(), path
    assert user_data.is_dir()  # the learner's vocabulary survives an uninstall
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed: the installed entry is not validated")
    validated = run(["desktop-file-validate", installed_entry], env)
    assert "error" not in validated.stdout, validated.stdout
