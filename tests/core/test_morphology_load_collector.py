"""Loading the dictionary runs no full garbage collection, and leaves the collector as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.morphology.analyzer import Morphology


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The full (generation 2) collections that start meanwhile."""
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(1)

    gc.callbacks.append(note)
    try:
        yield started
    finally:
        gc.callbacks.remove(note)


def test_a_staged_load_runs_no_full_collection(
    real_db_path: Path, full_collections: list[int]
) -> None:
    assert gc.isenabled()
    gc.collect()
    full_collections.clear()
    morphology = Morphology.load(real_db_path, vocalize=False, staged=True)
    assert full_collections == []  # several, over millions of objects, without the pause
    assert gc.isenabled()
    morphology.load_rest()
    assert full_collections == []
    assert gc.isenabled()
    assert morphology.analyze_word("كتب")


def test_the_collector_stays_off_if_it_was(real_db_path: Path) -> None:
    gc.disable()
    try:
        Morphology.load(real_db_path, vocalize=False, staged=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_load_turns_the_collector_back_on(tmp_path: Path) -> None:
    broken = tmp_path / "morphology.db"
    broken.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017  (which error is the loader's business)
        Morphology.load(broken, vocalize=False, staged=True)
    assert gc.isenabled()
