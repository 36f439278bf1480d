"""The vocabulary table's Romanized and Root columns, on a real store and the real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.store import Store, open_store, save_word
from reader.ui.base.vocabulary_hub import VocabularyHub
from reader.ui.vocabulary.table import COLUMNS, LEMMA, ROMANIZED, ROOT, VocabularyTableModel


@pytest.fixture
def store(data_home: Path) -> Iterator[Store]:
    with open_store() as opened:
        save_word(opened, lex="شَمْس", pos="noun", lemma="شَمْس", root="ش.م.س")
        save_word(opened, lex="جاء", pos="verb", lemma="جاء", root="ج.#.#")
        save_word(opened, lex="كَتَب", pos="verb", lemma="كَتَب", root="ك.ت.ب")
        yield opened


@pytest.fixture
def model(qtbot, store: Store) -> VocabularyTableModel:
    hub = VocabularyHub()
    hub.set_store(store)
    table = VocabularyTableModel(hub)
    with qtbot.waitSignal(table.answered, timeout=10_000):
        table.load()
    return table


def _cells(model: VocabularyTableModel, column: int) -> dict[str, str]:
    return {
        model.index(row, LEMMA).data(): model.index(row, column).data()
        for row in range(model.rowCount())
    }


def test_romanized_column_follows_the_scheme(model: VocabularyTableModel):
    assert COLUMNS[ROMANIZED] == "Romanized"
    romanized = _cells(model, ROMANIZED)
    assert romanized["شَمْس"] == "šams"
    assert romanized["كَتَب"] == "kataba"  # a verb cited in its perfect, with its -a
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.column(), bottom.row())))
    model.set_shown(scheme="ala-lc")
    assert _cells(model, ROMANIZED)["شَمْس"] == "shams"
    assert (ROMANIZED, model.rowCount() - 1) in changed
    assert not model.flags(model.index(0, ROMANIZED)) & Qt.ItemFlag.ItemIsEditable


def test_root_column_reads_the_stems_once_given_the_database(model, morphology):
    assert _cells(model, ROOT)["جاء"] == "ج و/ي ء"  # the lemma alone does not show it
    model.set_shown(root_of=morphology.roots.root_of)
    assert _cells(model, ROOT)["جاء"] == "ج ي ء"  # يَجِيء does
    assert _cells(model, ROOT)["شَمْس"] == "ش م س"
