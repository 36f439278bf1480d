"""camel-tools' character sets from our cache are exactly the sets its own loop computes."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.morphology.database import camel_charsets
from reader.system import paths


def _run(loader: importlib.abc.Loader) -> ModuleType:
    spec = importlib.util.spec_from_loader(camel_charsets.MODULE, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _source_loader() -> importlib.machinery.SourceFileLoader:
    origin = sys.modules[camel_charsets.MODULE].__spec__.origin
    return importlib.machinery.SourceFileLoader(camel_charsets.MODULE, origin)


def _names(module: ModuleType) -> dict[str, object]:
    return {name: value for name, value in vars(module).items() if not name.startswith("__")}


@pytest.fixture(scope="module")
def as_written() -> dict[str, object]:
    """The module run as camel-tools wrote it, loop and all."""
    import camel_tools.utils.charsets  # noqa: F401  (its file is the one compared)

    return _names(_run(_source_loader()))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


def _cache_file(home: Path) -> Path:
    (found,) = (home / "cache").glob("camel-charsets-*.json")
    return found


def test_the_app_imports_camel_tools_charsets_through_the_cache() -> None:
    import camel_tools.utils.charsets as charsets

    assert isinstance(charsets.__spec__.loader, camel_charsets.CharsetsLoader)


def test_sets_from_the_cache_equal_camel_tools_own_computation(
    home: Path, as_written: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(camel_charsets.CharsetsLoader(_source_loader()))  # computes, keeps
    assert _names(first) == as_written
    assert _cache_file(home).stat().st_size > 100_000

    real = _source_loader()

    def loop_run(module: ModuleType) -> None:
        raise AssertionError("the loop ran although the sets were kept")

    monkeypatch.setattr(real, "exec_module", loop_run)
    cached = _run(camel_charsets.CharsetsLoader(real))
    assert _names(cached) == as_written
    assert len(cached.UNICODE_LETTER_CHARSET) > 100_000  # not vacuously equal


def test_a_damaged_cache_is_not_trusted(home: Path, as_written: dict[str, object]) -> None:
    _run(camel_charsets.CharsetsLoader(_source_loader()))
    cache = _cache_file(home)
    text = cache.read_text(encoding="utf-8")
    # One letter made a symbol: valid JSON, wrong sets; the checksum catches it.
    cache.write_text(text.replace("ب", "", 1).replace('"S": "', '"S": "ب', 1), encoding="utf-8")
    assert camel_charsets.read_cache(cache) is None
    assert _names(_run(camel_charsets.CharsetsLoader(_source_loader()))) == as_written
    assert camel_charsets.read_cache(cache) is not None  # written again, sound

    cache.write_text("{not json", encoding="utf-8")
    assert _names(_run(camel_charsets.CharsetsLoader(_source_loader()))) == as_written


def test_another_camel_tools_loop_runs_as_written(tmp_path: Path, home: Path) -> None:
    # A release whose loop differs (here: it keeps only letters) is never filled from a cache.
    source = _source_loader().get_source(camel_charsets.MODULE)
    assert source is not None
    changed = source.replace(
        camel_charsets.LOOP,
        camel_charsets.LOOP.replace("'M'", "'Mn-never'"),
    )
    module_file = tmp_path / "charsets.py"
    module_file.write_text(changed, encoding="utf-8")
    for _ in range(2):
        loader = camel_charsets.CharsetsLoader(
            importlib.machinery.SourceFileLoader(camel_charsets.MODULE, str(module_file))
        )
        assert _run(loader).UNICODE_MARK_CHARSET == frozenset()
    assert not (home / "cache").exists()
