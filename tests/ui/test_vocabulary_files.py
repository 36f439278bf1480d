"""The vocabulary file: exports, backup, and a damaged file at start (never silently lost)."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reader.store import Status, list_entries
from reader.system import paths
from reader.ui.base.vocabulary_hub import START_FRESH, WITHOUT_SAVING
from reader.ui.window.export_dialog import (
    ExportChoice,
    ExportDialog,
    ask_and_export,
    back_up_vocabulary,
    export_vocabulary,
)
from tests.ui.conftest import make_window, token_index
from tests.ui.test_vocabulary_words import press


def save_two_words(window) -> None:
    for text, key in (("بوتين", Qt.Key.Key_S), ("موسكو", Qt.Key.Key_3)):
        window.session.pin(token_index(window, text))
        press(window, key)


def test_exports_through_the_menus_function(window, tmp_path: Path):
    save_two_words(window)
    results = []
    for fmt, name in (("csv", "words.csv"), ("tsv", "words.txt"), ("apkg", "words.apkg")):
        choice = ExportChoice(fmt, (Status.LEARNING, Status.KNOWN), tmp_path / name)
        export_vocabulary(window, window.vocabulary, choice, window.statusBar(), results.append)
        assert window.statusBar().currentMessage() == f"Exported 2 words to {tmp_path / name}"
    assert results == [2, 2, 2]
    rows = list(csv.reader((tmp_path / "words.csv").open(encoding="utf-8-sig")))
    assert any("بُوتِين" in cell for row in rows for cell in row)
    assert "#separator:tab" in (tmp_path / "words.txt").read_text(encoding="utf-8")
    assert zipfile.is_zipfile(tmp_path / "words.apkg")
    # Only learning words: one.
    choice = ExportChoice("csv", (Status.LEARNING,), tmp_path / "learning.csv")
    export_vocabulary(window, window.vocabulary, choice, window.statusBar())
    assert "Exported 1 words" in window.statusBar().currentMessage()


def test_the_menus_export_writes_the_learners_romanization(window, tmp_path: Path, monkeypatch):
    window.session.pin(token_index(window, "زيارة"))
    press(window, Qt.Key.Key_S)
    window.settings.set("romanization", "ala-lc")
    target = tmp_path / "words.csv"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        ExportDialog, "choice", lambda self: ExportChoice("csv", (Status.LEARNING,), target)
    )
    ask_and_export(
        window,
        window.vocabulary,
        window.statusBar(),
        window.settings,
        root_of=window.morphology.roots.root_of,
    )
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert [(row["lemma"], row["romanized"]) for row in rows] == [("زِيارَة", "ziyārah")]
    assert rows[0]["root"] == "ز و ر"  # زِيارَة's stems do not say; زار يَزُور, تَزْوِير do


def test_a_failed_export_says_so_and_writes_nothing(window, tmp_path: Path, captured_dialogs):
    save_two_words(window)
    target = tmp_path / "missing-folder" / "words.csv"
    choice = ExportChoice("csv", (Status.LEARNING,), target)
    export_vocabulary(window, window.vocabulary, choice, window.statusBar())
    assert captured_dialogs.shown[-1][0] == "Export failed"
    assert not target.exists()


def test_export_dialog_gathers_the_choice(window, tmp_path: Path):
    dialog = ExportDialog(window, tmp_path)
    dialog.format_combo.setCurrentIndex(2)
    assert dialog.path_edit.text().endswith(".apkg")
    dialog.status_boxes[Status.KNOWN].setChecked(False)
    choice = dialog.choice()
    assert choice.format == "apkg" and choice.statuses == (Status.NEW, Status.LEARNING)


def test_backup(window, tmp_path: Path):
    save_two_words(window)
    written: list[Path | None] = []
    target = tmp_path / "b.sqlite3"
    with window.vocabulary.tasks.hold():
        back_up_vocabulary(window, window.vocabulary, window.statusBar(), target, written.append)
        # Queued on the hub's worker behind its writes, not copied on the GUI thread.
        assert not target.exists() and written == []
    assert window.vocabulary.tasks.wait_idle()
    assert written == [target] and target.is_file()
    assert "Backed up the vocabulary" in window.statusBar().currentMessage()
    with sqlite3.connect(target) as copy:
        assert copy.execute("select count(*) from vocabulary").fetchone()[0] == 2


def _damage(data_home: Path) -> bytes:
    path = paths.vocabulary_db_path()
    path.write_bytes(b"this is not a database at all" * 100)
    return path.read_bytes()


def test_damaged_file_is_kept_until_the_learner_agrees(
    qtbot, data_home, morphology, captured_dialogs
):
    damaged = _damage(data_home)
    captured_dialogs.answers.append(WITHOUT_SAVING)
    window = make_window(qtbot, morphology=morphology)
    title, text, buttons = captured_dialogs.shown[-1]
    assert "damaged" in text and "kept" in text
    assert START_FRESH in buttons
    assert paths.vocabulary_db_path().read_bytes() == damaged
    assert not window.vocabulary.available
    assert "off" in window.vocabulary.unavailable_reason
    window.close()
    assert paths.vocabulary_db_path().read_bytes() == damaged

    captured_dialogs.answers.append(START_FRESH)
    window = make_window(qtbot, morphology=morphology)
    assert window.vocabulary.available
    assert list_entries(window.vocabulary.store) == []
    aside = [p for p in data_home.iterdir() if ".broken-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    window.close()
