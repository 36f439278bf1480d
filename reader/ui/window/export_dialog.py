"""File > Export Vocabulary… and File > Back Up Vocabulary….

The dialog only gathers an :class:`ExportChoice`; :func:`export_vocabulary` does
the work (on the worker, with a busy cursor) and is what the menu and the tests
both call. The core writes atomically, so a failed export leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStatusBar,
    QWidget,
)

from reader import store as ops
from reader.morphology.roots.radicals import RootOf, lemma_root
from reader.store import Status, StoreError
from reader.system.filenames import shown_name
from reader.system.settings import Settings
from reader.ui.base import dialogs
from reader.ui.base.vocabulary_hub import VocabularyHub

if TYPE_CHECKING:
    from reader.store import Store  # SQLAlchemy: not on the way to the first paint

# Label, file suffix, the writer in reader.store.export (imported, with genanki,
# on the worker when the learner exports: never on the way to the first paint).
FORMATS: dict[str, tuple[str, str, str]] = {
    "csv": ("Spreadsheet (CSV)", ".csv", "export_csv"),
    "tsv": ("Anki text import (TSV)", ".txt", "export_tsv"),
    "apkg": ("Anki deck (.apkg)", ".apkg", "export_apkg"),
}
DEFAULT_STATUSES = (Status.NEW, Status.LEARNING, Status.KNOWN)


@dataclass(frozen=True)
class ExportChoice:
    format: str
    statuses: tuple[Status, ...]
    path: Path
    scheme: str = "din"  # the romanization setting, for the romanized column


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, suggested_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Vocabulary")
        self.suggested_dir = suggested_dir
        form = QFormLayout(self)
        self.format_combo = QComboBox()
        for key, (label, _suffix, _writer) in FORMATS.items():
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form.addRow("Format", self.format_combo)
        statuses = QHBoxLayout()
        self.status_boxes: dict[Status, QCheckBox] = {}
        for status in Status:
            box = QCheckBox(status.value.capitalize())
            box.setChecked(status in DEFAULT_STATUSES)
            self.status_boxes[status] = box
            statuses.addWidget(box)
        form.addRow("Words", statuses)
        target = QHBoxLayout()
        self.path_edit = QLineEdit(str(suggested_dir / "arabic-vocabulary.csv"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        target.addWidget(self.path_edit, 1)
        target.addWidget(browse)
        form.addRow("File", target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def _format_changed(self) -> None:
        suffix = FORMATS[self.format_combo.currentData()][1]
        self.path_edit.setText(str(Path(self.path_edit.text()).with_suffix(suffix)))

    def _browse(self) -> None:
        label, suffix, _ = FORMATS[self.format_combo.currentData()]
        chosen = dialogs.choose_save_file(
            self, "Export to", f"{label} (*{suffix})", Path(self.path_edit.text())
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def choice(self) -> ExportChoice | None:
        statuses = tuple(s for s, box in self.status_boxes.items() if box.isChecked())
        text = self.path_edit.text().strip()
        if not statuses or not text:
            return None
        return ExportChoice(self.format_combo.currentData(), statuses, Path(text).expanduser())


def export_vocabulary(
    parent: QWidget,
    hub: VocabularyHub,
    choice: ExportChoice,
    status_bar: QStatusBar,
    on_done: Callable[[int | None], None] | None = None,
    root_of: RootOf = lemma_root,
) -> None:
    """Write the export on the hub's worker; say how many words went where, or why none did.

    ``root_of``: how roots are read (``Morphology.roots.root_of`` once loaded).
    """
    if not hub.available:
        dialogs.inform(parent, "Nothing to export", hub.unavailable_reason)
        return
    writer_name = FORMATS[choice.format][2]
    status_bar.showMessage(f"Exporting to {shown_name(choice.path.name)}…")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def succeeded(count: int) -> None:
        QGuiApplication.restoreOverrideCursor()
        status_bar.showMessage(f"Exported {count} words to {shown_name(choice.path)}", 10000)
        if on_done is not None:
            on_done(count)

    def failed(error: BaseException) -> None:
        QGuiApplication.restoreOverrideCursor()
        status_bar.clearMessage()
        dialogs.inform(
            parent, "Export failed", f"Nothing was written to {shown_name(choice.path)}.\n\n{error}"
        )
        if on_done is not None:
            on_done(None)

    def write(store: Store) -> int:
        from reader.store import export

        writer: Callable[..., int] = getattr(export, writer_name)
        return writer(
            store, choice.path, statuses=choice.statuses, scheme=choice.scheme, root_of=root_of
        )

    hub.run(write, on_done=succeeded, on_failed=failed)


def default_export_folder(settings: Settings | None) -> Path:
    """The last export's folder while it exists; else Documents, else home."""
    remembered = settings.get("export_folder") if settings is not None else ""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def ask_and_export(
    parent: QWidget,
    hub: VocabularyHub,
    bar: QStatusBar,
    settings: Settings | None = None,
    root_of: RootOf = lemma_root,
) -> None:
    dialog = ExportDialog(parent, default_export_folder(settings))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    choice = dialog.choice()
    if choice is None:
        dialogs.inform(parent, "Nothing to export", "Choose at least one kind of word and a file.")
        return
    if settings is not None:
        choice = dataclasses.replace(choice, scheme=settings.get("romanization"))

    def done(count: int | None) -> None:
        if count is not None and settings is not None:
            settings.set("export_folder", str(choice.path.resolve().parent))

    export_vocabulary(parent, hub, choice, bar, on_done=done, root_of=root_of)


def back_up_vocabulary(
    parent: QWidget,
    hub: VocabularyHub,
    bar: QStatusBar,
    target: Path | None = None,
    on_done: Callable[[Path | None], None] | None = None,
) -> None:
    """Copy the vocabulary file (consistently, even while open) to a file the learner picks.

    The copy runs on the hub's worker, after the writes sent before it; the status
    bar says where it went, a dialog why it failed. ``on_done(path)`` afterwards
    (None when nothing was written).
    """

    def finish(written: Path | None) -> None:
        if on_done is not None:
            on_done(written)

    if not hub.available:
        dialogs.inform(parent, "Nothing to back up", hub.unavailable_reason)
        return finish(None)
    if target is None:
        target = dialogs.choose_save_file(
            parent,
            "Back up the vocabulary to",
            "Vocabulary databases (*.sqlite3)",
            Path.home() / "arabic-reader-vocabulary.sqlite3",
        )
    if target is None:
        return finish(None)
    chosen = target
    bar.showMessage(f"Backing up the vocabulary to {shown_name(chosen.name)}…")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def succeeded(written: Path) -> None:
        QGuiApplication.restoreOverrideCursor()
        bar.showMessage(f"Backed up the vocabulary to {shown_name(written)}", 10000)
        finish(written)

    def failed(error: BaseException) -> None:
        QGuiApplication.restoreOverrideCursor()
        bar.clearMessage()
        if not isinstance(error, OSError | StoreError):  # not a refusal the core explains
            traceback.print_exception(error, file=sys.stderr)
        dialogs.inform(parent, "Backup failed", f"Nothing was backed up.\n\n{error}")
        finish(None)

    hub.run(lambda store: ops.backup(store, chosen), on_done=succeeded, on_failed=failed)
