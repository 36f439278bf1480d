"""The reader window: the article in the middle, the gloss pane at its left."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from reader.morphology.analyzer import DocumentAnalysis, Morphology
from reader.morphology.records import Analysis
from reader.morphology.vowels.reconcile import Vocalization
from reader.reading.prepare import Prepared, Stage
from reader.reading.readings import ReadingChoices
from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.reading.shown_forms import ShownForms
from reader.store import Status
from reader.system.settings import Settings
from reader.system.speech import find_speaker
from reader.text import (
    SUPPORTED_SUFFIXES,
    Document,
)
from reader.ui.article.opening import BACKGROUND_LOAD_BYTES, DocumentOpener
from reader.ui.article.view import ArticleView
from reader.ui.base import dialogs, fonts
from reader.ui.base.first_paint import AfterFirstPaint
from reader.ui.base.tasks import TaskManager
from reader.ui.base.vocabulary_hub import VocabularyHub, VocabularyOpener
from reader.ui.vocabulary.controller import VocabularyController
from reader.ui.vocabulary.docks import VocabularyDocks
from reader.ui.window.dictionary import DictionaryLoader
from reader.ui.window.export_dialog import ask_and_export, back_up_vocabulary
from reader.ui.window.geometry import fit_to_screen, restore_layout, save_layout
from reader.ui.window.look_up import LookUp
from reader.ui.window.menus import Actions, Commands, build_menus
from reader.ui.window.preparation import Preparation
from reader.ui.window.show_vowels import ShowVowels
from reader.ui.window.speech_actions import SpeechActions
from reader.ui.window.word_focus import WordFocus
from reader.ui.window.word_keys import WordKeys
from reader.ui.word.pane import GlossPane
from reader.ui.word.popup import HoverPopup
from reader.ui.word.sections import WordSections

APP_TITLE = "Arabic Reader"
__all__ = ["APP_TITLE", "BACKGROUND_LOAD_BYTES", "MainWindow"]
# Saved with the window's dock layout; bumped when the default layout changes, so the
# old default is replaced once (2: the vocabulary below the article, not a tab).
LAYOUT_VERSION = 2
ARTICLE_MIN_WIDTH = 360  # a dozen Arabic words a line at the default size


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        tasks: TaskManager | None = None,
        morphology: Morphology | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._tasks = tasks or TaskManager(self)
        if self._tasks.parent() is None:
            # The window owns its manager (one handed in by a test too): destroyed
            # with it, on the GUI thread, never by the collector on another thread.
            self._tasks.setParent(self)
        # What the window shows, Qt-free: the helpers below are views of it.
        self.session = ReadingSession(morphology)
        self.session.set_display(
            case_endings=bool(self.settings.get("show_case_endings")),
            romanization=self.settings.get("romanization"),
        )
        self._analysed_text = ""
        self.save_settings_on_close = True

        family = self.settings.get("font_family")
        self.view = ArticleView(self)
        self.view.font_family = family
        self.view.font_size = fonts.clamp_size(self.settings.get("font_size"))
        self.view.set_text_width(self.settings.get("text_width"))
        self.setCentralWidget(self.view)
        self.view.setMinimumWidth(ARTICLE_MIN_WIDTH)  # docks never squeeze it to a strip
        # The view shows the session's document: first of the session's listeners, so
        # that every other one finds the new text laid out.
        self.session.subscribe(self._show_session_document)
        self.popup = HoverPopup(self, arabic_family=family)
        self.popup.keep_within(self._article_area)
        self.gloss_pane = GlossPane(self, arabic_family=family)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.gloss_pane)
        self.dictionary_label = QLabel("Loading the Arabic dictionary…")
        self.words_label = QLabel()
        self.known_label = QLabel()
        status_bar = self.statusBar()
        status_bar.addWidget(self.dictionary_label, 1)
        status_bar.addPermanentWidget(self.known_label)
        status_bar.addPermanentWidget(self.words_label)

        self.opener = DocumentOpener(
            self._tasks,
            status_bar,
            show=self.show_document,
            pause_analysis=self.pause_analysis,
            resume_analysis=self.resume_analysis,
            parent=self,
        )
        # Its writes on a worker of its own, run at once when the window's are.
        self.vocabulary = VocabularyHub(self, synchronous=self._tasks.synchronous)
        self.vocabulary.message.connect(lambda text: status_bar.showMessage(text, 8000))
        self.words = VocabularyController(
            self.vocabulary,
            self.session,
            self.view,
            self.known_label,
            status_bar,
            self.settings,
            parent=self,
        )
        self.docks = VocabularyDocks(
            self.vocabulary, self.session, self.view, self.opener, status_bar, parent=self
        )
        self.words.document_remembered.connect(self.docks.document_shown)
        # The document shown, prepared on the worker (reader.reading.prepare's stages).
        self.preparation = Preparation(
            self.tasks, self.vocabulary.reader, lambda: self.words.generation, self
        )
        self.preparation.prepared.connect(self._prepared)
        self.preparation.failed.connect(self._preparation_failed)
        self.preparation.progress.connect(self._preparation_progress)
        # Below the article and the Word pane, not a tab behind the Word pane (where
        # the two could never be seen together) nor another column (on a small
        # screen three columns left the article a strip a few words wide). The
        # notes share the bottom with the vocabulary, as a tab.
        # The vocabulary sits under the article alone, never over the Word pane's tabs.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        for dock in self.docks.all:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.tabifyDockWidget(*self.docks.all)
        for dock in self.docks.all:
            dock.hide()

        self.speech = SpeechActions(
            find_speaker,
            status_bar,
            self,
            word_source=self._spoken_word,
            sentence_source=self._spoken_sentence,
        )
        self.actions = Actions(self._commands(), self)
        roots = lambda *key: self.word_sections.root_of(*key)  # noqa: E731 - made below
        self.look_up = LookUp(self.session, self.gloss_pane, self.view, self.settings, roots, self)
        self.recent_menu = build_menus(
            self.menuBar(),
            self.actions,
            panels=(self.gloss_pane, *self.docks.all),
            speech=(self.speech.speak_word_action, self.speech.speak_sentence_action),
            settings=self.settings,
            open_path=self.open_path,
            look_up=(self.look_up.menu, self.look_up.translate_action),
        )
        self.actions.show_case_endings.setChecked(self.settings.get("show_case_endings"))
        ala = self.settings.get("romanization") == "ala-lc"
        (self.actions.romanization_ala if ala else self.actions.romanization_din).setChecked(True)
        self.actions.highlight_new_words.setChecked(self.settings.get("highlight_new_words"))
        self.actions.text_widths[self.view.text_width].setChecked(True)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.resizeDocks([self.gloss_pane], [400], Qt.Orientation.Horizontal)
        self._restore_layout()

        self.focus = WordFocus(self.session, self.view, self.popup, self.gloss_pane)
        self.word_sections = WordSections(
            self.session, self.gloss_pane, self.tasks, self._saved_statuses, self
        )
        self.docks.vocabulary.set_shown(scheme=self.settings.get("romanization"))
        self.word_sections.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.word_sections.roots_ready.connect(
            lambda root_of: self.docks.vocabulary.set_shown(root_of=root_of)
        )
        self.keys = WordKeys(self.session, self.view, self)
        self.keys.stepped.connect(self.focus.show_stepped)
        self.show_vowels = ShowVowels(
            self.session, self.view, self.actions.show_vowels, self.settings, self.statusBar()
        )
        editor = self.gloss_pane.editor
        editor.save_requested.connect(self.words.save_focused_word)
        editor.status_chosen.connect(lambda value: self.words.set_focused_status(Status(value)))
        editor.gloss_edited.connect(lambda entry, text: self.words.edit_entry("gloss", entry, text))
        editor.tags_edited.connect(lambda entry, tags: self.words.edit_entry("tags", entry, tags))
        editor.notes_edited.connect(lambda entry, text: self.words.edit_entry("notes", entry, text))

        # Both once the article is on screen (with tasks run at once, right now).
        # The dictionary goes first on the worker: hovering needs it, and opening
        # the vocabulary (SQLAlchemy's import alone takes a second or more) can
        # follow; the vocabulary marks the words whenever it arrives.
        self.after_first_paint = AfterFirstPaint(
            self.view.viewport(), immediate=self.tasks.synchronous
        )
        self.vocabulary_opener = VocabularyOpener(self.vocabulary, self.tasks, self)
        self.vocabulary_opener.quit_requested.connect(
            lambda: QTimer.singleShot(0, self.close), Qt.ConnectionType.QueuedConnection
        )
        if self.tasks.synchronous:
            self.after_first_paint.run(self.vocabulary_opener.start)
        else:
            self.after_first_paint.run(lambda: QTimer.singleShot(0, self.vocabulary_opener.start))

        self.dictionary = DictionaryLoader(self.tasks, self, self.settings.get("morphology_db"))
        self.dictionary.status.connect(self.dictionary_label.setText)
        self.dictionary.ready.connect(self._dictionary_ready)
        self.dictionary.unavailable.connect(self._dictionary_unavailable)

    def _commands(self) -> Commands:
        words = self.words
        return Commands(
            open=self.choose_and_open,
            paste=self.paste_as_new_document,
            quit=self.close,
            show_vowels=self.set_show_vowels,
            show_case_endings=self.set_show_case_endings,
            romanization=self.set_romanization,
            zoom=self.zoom,
            text_width=self.set_text_width,
            about=self.show_about,
            highlight_new_words=self.set_highlight_new_words,
            export=self.export_vocabulary,
            backup=self.back_up_vocabulary,
            save_word=lambda: words.save_focused_word(),
            set_status=words.set_focused_status,
            dialog_parent=self,
            menu_bar=self.menuBar(),
        )

    @property
    def tasks(self) -> TaskManager:
        return self._tasks

    @tasks.setter
    def tasks(self, tasks: TaskManager) -> None:
        """Another task manager (tests): the opener's and the preparation's too."""
        self._tasks = self.opener.tasks = self.preparation.tasks = tasks

    # -- the session's state, for the code and tests that read it from the window -----

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def analysis(self) -> DocumentAnalysis | None:
        return self.session.analysis

    @property
    def morphology(self) -> Morphology | None:
        return self.session.morphology

    @property
    def dictionary_state(self) -> str:
        return self.session.dictionary_state

    @property
    def choices(self) -> ReadingChoices:
        return self.session.choices

    @property
    def _forms(self) -> ShownForms:
        return self.session.forms

    def _saved_statuses(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Status]:
        """The learner's status of each saved lemma among ``keys`` (one query)."""
        from reader.store import entries_for_lemmas

        found = self.vocabulary.read(lambda store: entries_for_lemmas(store, keys), {})
        return {key: entry.status for key, entry in found.items()}

    def _article_area(self) -> QRect:
        """The article's viewport on screen: the popup stays inside it, off the pane."""
        viewport = self.view.viewport()
        return QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())

    def start_dictionary(self) -> None:
        """Load (or install) the dictionary in the background, unless one was given.

        Not before the article is on screen: until then it is only queued.
        """
        self.after_first_paint.run(self._start_dictionary_now)

    def _start_dictionary_now(self) -> None:
        if self.morphology is not None:
            self._dictionary_ready(self.morphology)
        else:
            self.dictionary.start()

    # -- opening documents -------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open a file; False (and a message) when it cannot be read.

        Large files are read on the worker: True then means "being opened".
        """
        return self.opener.open_path(path)

    def choose_and_open(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        path = dialogs.choose_file(self, "Open an article", f"Articles ({patterns});;All files (*)")
        if path is not None:
            self.open_path(path)

    def paste_as_new_document(self) -> bool:
        return self.opener.paste()

    def show_document(self, document: Document, *, position: int = 0) -> None:
        """Show a document: the one way a document is opened (files, paste, the docks).

        ``position``: where to start reading; else the saved place, if any.
        """
        self.opener.cancel()  # an older open still on its way must not replace this one
        self.words.document_closing()
        self.statusBar().clearMessage()
        self.pause_analysis()
        # The text, focus, pin, the pane, the popup, the notes: the session's listeners.
        self.session.open(document)
        self.setWindowTitle(f"{document.title} — {APP_TITLE}")
        if document.warnings:  # a damaged byte or two: said, never in the way
            self.statusBar().showMessage(" ".join(document.warnings), 15000)
        if document.source_path is not None:
            self.settings.add_recent_file(document.source_path)
        self.words_label.setText(f"{len(document.arabic_indices()):,} words")
        self.words.document_shown(document, position=position)
        if self.morphology is not None:
            self._analyse(document)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.opener.open_dropped(files)

    # -- the dictionary and the analysis ----------------------------------------

    def _dictionary_ready(self, morphology: Morphology) -> None:
        # The dictionary is millions of long-lived objects: take them out of the
        # cyclic collector's sight, or every full collection (on any thread)
        # stops the event loop for a few hundred milliseconds.
        gc.freeze()
        self.dictionary_label.setText("Dictionary loaded")
        self.session.set_morphology(morphology)
        if self.document is not None:
            self._analyse(self.document)

    def _dictionary_unavailable(self) -> None:
        self.session.set_morphology(None)

    def _analyse(self, document: Document, *, resume: bool = False) -> None:
        morphology = self.morphology
        assert morphology is not None
        if not resume:
            self.dictionary_label.setText("Analysing the article…")
        self.preparation.start(document, morphology, resume=resume)

    def pause_analysis(self) -> None:
        """Stop preparing the article shown (another is on its way)."""
        self.preparation.cancel()

    def resume_analysis(self) -> None:
        """Prepare the article shown again, if a pause left it unfinished."""
        document = self.document
        if document is None or self.morphology is None or self.preparation.running:
            return
        if self.analysis is None:
            self._analyse(document)
        elif not self.analysis.vocalizations and self.preparation.vowels != "unavailable":
            self._analyse(document, resume=True)

    def _preparation_progress(self, done: int, total: int, stage: Stage) -> None:
        percent = done * 100 // max(total, 1)
        if stage is Stage.ANALYSED:
            self.dictionary_label.setText(f"Analysing the article… {percent}%")
        else:
            self.dictionary_label.setText(f"{self._analysed_text} · vowels in context… {percent}%")

    def _prepared(self, prepared: Prepared, entries_current: bool = True) -> None:
        """A stage of the document shown is in: the session takes it, and every view
        follows from the session (the marks, the vowels shown, the word in focus)."""
        if prepared.document is not self.document:
            return
        known, total = prepared.coverage
        self._analysed_text = f"Dictionary ready — {known:,} of {total:,} words found"
        self.dictionary_label.setText(self._analysed_text)
        self.session.analysed(prepared, with_entries=entries_current)

    def _preparation_failed(self, message: str) -> None:
        if self.analysis is not None:
            self.dictionary_label.setText(self._analysed_text)
            self.statusBar().showMessage(message, 15000)
        else:
            self.dictionary_label.setText(message)

    def _show_session_document(self, change: SessionChange) -> None:
        if Aspect.DOCUMENT in change and self.session.document is not None:
            self.view.show_document(self.session.document, vowelled=None)

    # -- readings: the session's (thin doors kept for the tests and benchmarks) -------

    def readings(self, token_index: int) -> tuple[Analysis, ...] | None:
        return self.session.readings(token_index)

    def reading(self, token_index: int) -> Analysis | None:
        return self.session.reading(token_index)

    def choose_reading(self, token_index: int, reading: Analysis) -> None:
        self.session.choose(token_index, reading)

    def vocalization(self, token_index: int) -> Vocalization | None:
        return self.session.vocalization(token_index)

    def shown_form(self, token_index: int) -> str:
        return self.session.shown_form(token_index)

    def romanized(self, token_index: int) -> str:
        return self.session.romanized(token_index)

    def _spoken_word(self) -> str | None:
        """The word in focus as said here, for Speak Word."""
        index = self.session.focus
        return self.shown_form(index) or None if index is not None else None

    def _spoken_sentence(self) -> str | None:
        """The sentence of the word in focus, each word as said in it, for Speak Sentence."""
        index = self.session.focus
        if index is None or self.document is None:
            return None
        return self.session.spoken_sentence(index)

    # -- view settings -----------------------------------------------------------

    def set_show_vowels(self, on: bool) -> None:
        self.show_vowels.set_shown(on)

    def set_show_case_endings(self, on: bool) -> None:
        self.actions.show_case_endings.setChecked(on)
        self.settings.set("show_case_endings", bool(on))
        self.session.set_display(case_endings=bool(on))

    def set_romanization(self, scheme: str) -> None:
        """Write Latin letters after DIN 31635 ("din") or ALA-LC ("ala-lc"); remembered."""
        from reader.morphology.vowels.romanize import SCHEMES

        scheme = scheme if scheme in SCHEMES else SCHEMES[0]
        self.settings.set("romanization", scheme)
        chosen = (
            self.actions.romanization_ala if scheme == "ala-lc" else self.actions.romanization_din
        )
        chosen.setChecked(True)
        self.session.set_display(romanization=scheme)
        self.docks.vocabulary.set_shown(scheme=scheme)

    def set_highlight_new_words(self, on: bool) -> None:
        self.actions.highlight_new_words.setChecked(on)
        self.settings.set("highlight_new_words", bool(on))
        self.words.refresh_marks()

    def export_vocabulary(self) -> None:
        ask_and_export(
            self,
            self.vocabulary,
            self.statusBar(),
            self.settings,
            root_of=self.word_sections.root_of,
        )

    def back_up_vocabulary(self) -> None:
        back_up_vocabulary(self, self.vocabulary, self.statusBar())

    def zoom(self, step: int) -> None:
        size = self.view.font_size + step if step else self.settings_default("font_size")
        self.view.set_font(self.view.font_family, fonts.clamp_size(size))
        self.settings.set("font_size", self.view.font_size)
        self.popup.hide()

    def set_text_width(self, name: str) -> None:
        """The article's column: narrow, medium, wide or full (remembered)."""
        self.view.set_text_width(name)
        self.settings.set("text_width", self.view.text_width)
        self.actions.text_widths[self.view.text_width].setChecked(True)

    @staticmethod
    def settings_default(name: str) -> int:
        from reader.system.settings import SETTINGS

        return next(setting.default for setting in SETTINGS if setting.name == name)

    def show_about(self) -> None:
        from reader.ui.window.about import (
            AboutDialog,  # importlib.metadata: not on the way to the text
        )

        AboutDialog(self, self.settings.get("morphology_db")).exec()

    # -- remembering the window between runs -------------------------------------

    def _restore_layout(self) -> None:
        restored = restore_layout(self, self.settings, LAYOUT_VERSION)
        self.fit_to_screen(default_size=not restored)

    def fit_to_screen(self, available: QRect | None = None, *, default_size: bool = False) -> None:
        fit_to_screen(self, available, default_size=default_size)

    def save_settings(self) -> bool:
        settings = self.settings
        save_layout(self, settings, LAYOUT_VERSION)
        settings.set("font_size", self.view.font_size)
        document = self.document
        if document is not None and document.source_path is not None:
            settings.set("last_document", str(document.source_path.resolve()))
            settings.set("last_position", self.view.first_visible_offset())
        try:
            settings.save()
        except OSError as error:
            self.statusBar().showMessage(f"Settings could not be saved: {error.strerror or error}")
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.popup.hide()
        self.speech.stop()
        if self.actions.shortcuts_dialog is not None:
            self.actions.shortcuts_dialog.close()  # a window of its own: it goes with ours
        self.words.document_closing()
        if self.save_settings_on_close and not self.save_settings():
            dialogs.inform(
                self,
                "Settings not saved",
                "The window's settings (size, font size, the article and the place in it) "
                f"could not be saved.\n\n{self.statusBar().currentMessage()}",
            )
        self.opener.cancel()
        self.pause_analysis()
        self.dictionary.shutdown()
        self.tasks.shutdown()
        self.vocabulary_opener.shutdown()
        self.vocabulary.close()
        super().closeEvent(event)
