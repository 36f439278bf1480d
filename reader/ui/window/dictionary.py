"""Getting the morphology database ready without ever freezing the window.

Locate it; load it on the worker; if there is none, install it with a progress
dialog, and when that fails let the learner retry, install from a file, or read
on without glosses. A database the learner named (in the settings, or by
``ARABIC_READER_MORPH_DB``) that is missing, not a file, or does not load is
said so, with which file and what to do, and the window reads on without
glosses: installing our own copy would not replace the one named.

The start is staged so that the first hover answers as soon as the database is
in: ``ready`` comes with the database (and the English inflection tables), and
the spelling model and the sources of names (seconds more) are loaded next on
the worker, before the article's analysis, which brings every word its names;
``completed`` says when they are in. A hover meanwhile is answered from the
database, a name no lexicon knows spelt letter by letter, and the pane and popup
show the names when the analysis arrives.
The vowel model and the root index are loaded later still, at their first need
(the article's vowels in context; the word pane's family and root tabs).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.morphology.analyzer import Morphology
from reader.morphology.database.install import install_database
from reader.morphology.database.locate import DatabaseLocation, locate_database, with_remedy
from reader.morphology.errors import InstallCancelled, MorphologyDataError
from reader.ui.base import dialogs
from reader.ui.base.tasks import Task, TaskManager

RETRY = "Retry"
FROM_FILE = "Install from file…"
WITHOUT = "Continue without glosses"
WITHOUT_HINT = (
    "Without the dictionary you can still read the article, but words cannot be looked up."
)
# Databases we install, and so can install again; the others are the learner's.
OURS = ("installed", "bundled")
STAGES = {
    "download": "Downloading the Arabic dictionary",
    "extract": "Unpacking the Arabic dictionary",
    "verify": "Checking the Arabic dictionary",
}


class DictionaryLoader(QObject):
    """Emits ``ready(morphology)`` then ``completed(morphology)``, or ``unavailable()``;
    ``status(text)`` meanwhile."""

    status = Signal(str)
    ready = Signal(object)
    completed = Signal(object)  # the later stage is in: words get their names
    unavailable = Signal()

    def __init__(self, tasks: TaskManager, parent: QWidget, setting: str | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.window = parent
        self.setting = setting
        self.progress_dialog: QProgressDialog | None = None
        self._install_task: Task[object] | None = None

    def start(self) -> None:
        try:
            location = locate_database(self.setting)
        except MorphologyDataError as error:  # named, but missing, a FIFO, a device...
            self._unusable(str(error))
            return
        if location is None:
            self.install(None)
        else:
            self.load(location)

    def load(self, location: DatabaseLocation) -> None:
        self.status.emit("Loading the Arabic dictionary…")
        self.tasks.run(
            lambda task: Morphology.load(location.path, staged=True),
            on_success=self._loaded,
            on_failure=lambda error: self._load_failed(location, error),
        )

    def _load_failed(self, location: DatabaseLocation, error: BaseException) -> None:
        if not isinstance(error, MorphologyDataError):  # an OSError, MemoryError...
            error = MorphologyDataError(
                f"The dictionary {location.path} could not be loaded "
                f"({getattr(error, 'strerror', None) or error or type(error).__name__})."
            )
        if location.origin in OURS:
            self._offer_choices(MorphologyDataError(f"{error} Choose {RETRY} to install it again."))
        else:
            self._unusable(with_remedy(error, location))

    def _unusable(self, message: str) -> None:
        """A database the learner chose cannot be used: say which and what to do, read on."""
        self.status.emit("No dictionary — glosses unavailable")
        dialogs.ask(
            self.window, "Arabic dictionary", f"{message}\n\n{WITHOUT_HINT}", buttons=(WITHOUT,)
        )
        self.unavailable.emit()

    def _loaded(self, morphology: Morphology) -> None:
        self.status.emit("Dictionary loaded")
        # Queued first, so the worker takes it before the article's analysis (which
        # would load it itself). On failure the words read on without it; the
        # sources that failed fail again where they are needed and say so.
        self.tasks.run(
            lambda task: morphology.load_rest(),
            on_success=lambda _none: self.completed.emit(morphology),
            on_failure=lambda error: self.completed.emit(morphology),
        )
        self.ready.emit(morphology)

    def install(self, source: Path | None) -> None:
        self.status.emit("Installing the Arabic dictionary…")
        dialog = QProgressDialog(self.window)
        dialog.setWindowTitle("Arabic dictionary")
        dialog.setLabelText(
            "The dictionary that analyses each word is being installed (about 8 MB, once)."
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        task = self.tasks.run(
            lambda task: install_database(
                source, progress=task.report, cancelled=task.is_cancelled
            ),
            on_success=self._installed,
            on_failure=self._failed,
            on_progress=self._progress,
        )
        self._install_task = task
        if task.done:  # synchronous mode: it is already over
            return
        dialog.canceled.connect(self._cancel_install)
        dialog.show()

    def _progress(self, stage: str, done: int, total: int | None) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        what = STAGES.get(stage, "Installing the Arabic dictionary")
        if stage == "download" and total:
            dialog.setRange(0, total)
            dialog.setValue(done)
            dialog.setLabelText(f"{what}… {done / 1e6:.1f} of {total / 1e6:.1f} MB")
        else:
            dialog.setRange(0, 0)
            dialog.setLabelText(f"{what}…")
        self.status.emit(f"{what}…")

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def shutdown(self) -> None:
        """The window is closing: stop an install on its way, quietly."""
        task, self._install_task = self._install_task, None
        if task is not None and not task.done:
            task.cancel()
        self._close_progress()

    def _cancel_install(self) -> None:
        if self._install_task is not None:
            self._install_task.cancel()
        self._close_progress()
        self._offer_choices(InstallCancelled())

    def _installed(self, location: DatabaseLocation) -> None:
        self._close_progress()
        self.load(location)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if not isinstance(error, MorphologyDataError):
            error = MorphologyDataError(f"The dictionary could not be loaded ({error}).")
        self._offer_choices(error)

    def _offer_choices(self, error: BaseException) -> None:
        self.status.emit("No dictionary")
        choice = dialogs.ask(
            self.window,
            "Arabic dictionary",
            f"{error}\n\n{WITHOUT_HINT}",
            buttons=(RETRY, FROM_FILE, WITHOUT),
        )
        if choice == RETRY:
            self.install(None)
        elif choice == FROM_FILE:
            source = dialogs.choose_file(
                self.window,
                "Install the dictionary from a file",
                "Dictionary (*.whl *.db);;All files (*)",
            )
            if source is None:
                self._offer_choices(error)
            else:
                self.install(source)
        else:
            self.status.emit("No dictionary — glosses unavailable")
            self.unavailable.emit()
