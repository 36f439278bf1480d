"""lemminflect's tables read from our cache are exactly the tables it parses itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from lemminflect import Inflections, Lemmatizer, getInflection, getLemma
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

from reader.morphology import english_tables
from reader.system import paths


@pytest.fixture(scope="module")
def parsed() -> english_tables.Tables:
    """The tables as lemminflect parses its own files."""
    return (
        LemmaLUCodec.load(Lemmatizer().lemma_lu_fn),
        InflectionLUCodec.load(Inflections().infl_lu_fn),
    )


@pytest.fixture
def unloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, and lemminflect's singletons without their tables
    (put back afterwards)."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    for table, owner in (("lemma_dict", Lemmatizer()), ("infl_dict", Inflections())):
        if hasattr(owner, table):
            monkeypatch.delattr(owner, table)
    return tmp_path


def _cache(home: Path) -> Path:
    (found,) = (home / "cache").glob("lemminflect-*.marshal")
    return found


def test_tables_from_the_cache_equal_lemminflects_own(
    unloaded: Path, parsed: english_tables.Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    english_tables.load_tables()  # parses, keeps
    assert (Lemmatizer().lemma_dict, Inflections().infl_dict) == parsed
    cache = _cache(unloaded)
    assert english_tables.read_cache(cache) == parsed

    monkeypatch.delattr(Lemmatizer(), "lemma_dict")
    monkeypatch.delattr(Inflections(), "infl_dict")

    def parse(*args: object) -> None:
        raise AssertionError("lemminflect parsed its CSVs although the tables were kept")

    monkeypatch.setattr(LemmaLUCodec, "load", parse)
    monkeypatch.setattr(InflectionLUCodec, "load", parse)
    english_tables.load_tables()
    assert (Lemmatizer().lemma_dict, Inflections().infl_dict) == parsed
    assert len(parsed[0]) > 50_000  # not vacuously equal
    assert getInflection("write", "VBD") == ("wrote",)
    assert getLemma("ministers", "NOUN") == ("minister",)


def test_a_damaged_cache_is_not_trusted(
    unloaded: Path, parsed: english_tables.Tables, monkeypatch: pytest.MonkeyPatch
) -> None:
    english_tables.load_tables()
    cache = _cache(unloaded)
    data = bytearray(cache.read_bytes())
    data[-100] ^= 1  # one bit of the tables flipped: the checksum catches it
    cache.write_bytes(bytes(data))
    assert english_tables.read_cache(cache) is None

    monkeypatch.delattr(Lemmatizer(), "lemma_dict")
    monkeypatch.delattr(Inflections(), "infl_dict")
    english_tables.load_tables()  # parses again, and keeps a sound copy
    assert (Lemmatizer().lemma_dict, Inflections().infl_dict) == parsed
    assert english_tables.read_cache(cache) == parsed
