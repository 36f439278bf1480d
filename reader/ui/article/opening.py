"""Opening documents: files, dropped files, the clipboard; large ones on the worker.

At most one document is on its way at a time: whatever the learner opens or
pastes next, and any document shown meanwhile, cancels the one still loading, so
an older, slower open never replaces a newer document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.system.filenames import shown_name
from reader.text import MAX_FILE_BYTES, Document, DocumentError, document_from_text, load_document
from reader.text.tokens import ARABIC_LETTER_CLASS
from reader.ui.base import dialogs
from reader.ui.base.tasks import Task, TaskManager

# Files above this are read on the worker, with the status bar saying so. Reading
# takes time linear in a file's size (tests/core/test_text_linear_time.py), but not
# the same for every kind of text: a page of nothing but <p> tags took 15 ms a KB
# (bench_hostile), news 1 ms; 512 KB on the GUI thread froze the window 8 s.
BACKGROUND_LOAD_BYTES = 16 * 1024
# Pasted text above this (characters) too: plain text, never a page, costs far less.
BACKGROUND_PASTE_CHARS = 256 * 1024
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTER_CLASS}]")

Refusal = Callable[[BaseException], None]


class DocumentOpener(QObject):
    """Reads documents and hands each to ``show`` (the window's one way to open one).

    ``pause_analysis`` / ``resume_analysis``: the worker is one; a document read
    on it waits for no analysis of the one being left, which resumes if the new
    one cannot be read. ``parent``: the widget its dialogs belong to.
    """

    def __init__(
        self,
        tasks: TaskManager,
        status_bar: QStatusBar,
        *,
        show: Callable[[Document], None],
        pause_analysis: Callable[[], None],
        resume_analysis: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.status_bar, self.dialog_parent = tasks, status_bar, parent
        self.show, self.pause_analysis, self.resume_analysis = (
            show,
            pause_analysis,
            resume_analysis,
        )
        self.task: Task[Document] | None = None
        self._ticket: object | None = None  # the open whose outcome is still wanted

    @property
    def busy(self) -> bool:
        """A document is being read on the worker."""
        return self.task is not None and not self.task.done

    def cancel(self) -> None:
        """Forget the document on its way (another one is shown, or the window closes)."""
        task, self.task, self._ticket = self.task, None, None
        if task is not None and not task.done:
            task.cancel()
            self.status_bar.clearMessage()

    # -- files ----------------------------------------------------------------------

    def open_path(self, path: Path, *, refuse: Refusal | None = None) -> bool:
        """Open a file; False (and a message, or ``refuse(error)``) when it cannot be read.

        Large files are read on the worker: True then means "being opened".
        """
        path = Path(path)
        refused = refuse or (lambda error: self.refuse(shown_name(path.name), error))
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0
        large = BACKGROUND_LOAD_BYTES < size <= MAX_FILE_BYTES
        background = f"Opening {shown_name(path.name)}…" if large else None
        return self._read(lambda: load_document(path), refused, background=background)

    def open_dropped(self, paths: Sequence[Path]) -> bool:
        """Open the first readable file of those dropped; say how many others were left."""
        errors: list[tuple[Path, BaseException]] = []
        trying = True

        def refused(path: Path, error: BaseException) -> None:
            # Refused while the others are tried: said with theirs. Refused later, on
            # the worker (a larger file): said on its own, never lost.
            if trying:
                errors.append((path, error))
            else:
                self.refuse(shown_name(path.name), error)

        for number, path in enumerate(paths):
            opened = self.open_path(path, refuse=lambda error, p=path: refused(p, error))
            # (a worker that runs tasks at once, as in tests, refuses before the answer)
            if opened and not (errors and errors[-1][0] == path):
                trying = False
                ignored = len(paths) - number - 1 + len(errors)
                if ignored:
                    others = "file was" if ignored == 1 else "files were"
                    self.status_bar.showMessage(
                        f"Opened {shown_name(path.name)}; "
                        f"{ignored} other dropped {others} not opened "
                        "(one article at a time).",
                        8000,
                    )
                return True
        if len(errors) == 1:
            self.refuse(shown_name(errors[0][0].name), errors[0][1])
        elif errors:
            dialogs.inform(
                self.dialog_parent,
                "Cannot open the dropped files",
                "None of the dropped files could be opened:\n\n"
                + "\n".join(f"• {shown_name(path.name)}: {error}" for path, error in errors),
            )
        return False

    def refuse(self, name: str, error: BaseException) -> None:
        self.status_bar.clearMessage()
        message = str(error) if isinstance(error, DocumentError) else f"{name}: {error}"
        dialogs.inform(self.dialog_parent, f"Cannot open “{name}”", message)

    # -- the clipboard ------------------------------------------------------------------

    def paste(self) -> bool:
        """Show the clipboard's text as a new document; large texts are read on the worker."""
        window = self.dialog_parent
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            dialogs.inform(
                window,
                "Nothing to paste",
                "The clipboard holds no text; copy an article's text and try again.",
                kind="information",
            )
            return False
        if _ARABIC_LETTER.search(text) is None:
            dialogs.inform(
                window,
                "Nothing to paste",
                "The clipboard holds no Arabic text.",
                kind="information",
            )
            return False

        def refused(error: BaseException) -> None:
            self.status_bar.clearMessage()
            dialogs.inform(window, "Cannot read the pasted text", str(error))

        large = len(text) > BACKGROUND_PASTE_CHARS
        background = "Reading the pasted text…" if large else None
        return self._read(lambda: document_from_text(text), refused, background=background)

    # -- reading: now, or on the worker ---------------------------------------------------

    def _read(
        self, read: Callable[[], Document], refuse: Refusal, *, background: str | None
    ) -> bool:
        """Show the document ``read`` makes: now, or on the worker with ``background`` said.

        False (after ``refuse(error)``) when it cannot be read now; True when it
        is shown, or being read on the worker.
        """
        if background is not None:
            self._in_background(background, read, refuse)
            return True
        try:
            document = read()
        except DocumentError as error:
            refuse(error)
            return False
        self.show(document)
        return True

    def _in_background(self, message: str, read: Callable[[], Document], refuse: Refusal) -> None:
        self.cancel()
        # One worker: a long analysis of the article being left would hold the new
        # one back. It is started again if the new document cannot be read.
        self.pause_analysis()
        self.status_bar.showMessage(message)
        ticket = self._ticket = object()

        def done(outcome: Callable[[], None]) -> None:
            if self._ticket is not ticket:
                return  # superseded (the manager drops cancelled tasks; a second guard)
            self.task = self._ticket = None
            outcome()

        def failed(error: BaseException) -> None:
            refuse(error)
            self.resume_analysis()

        task = self.tasks.run(
            lambda _task: read(),
            on_success=lambda document: done(lambda: self.show(document)),
            on_failure=lambda error: done(lambda: failed(error)),
        )
        if self._ticket is ticket:
            self.task = task
